# Splits a Markdown file into its fenced code blocks:
#   awk -v dir=DIR -f extract.awk README.md
# writes block N's text to DIR/N and prints one line per block,
#   N|LANGUAGE|LINE|SKIP-REASON
# with LANGUAGE the fence's info string ("" for none) and SKIP-REASON that
# of a marker "<!-- readme-test: skip (REASON) -->" on the line before the
# fence ("" for none). A marker is an HTML block: it begins its line (a
# mention of one in running text is none). A marker elsewhere, or without a
# reason, or a fence left open is an error: "FILE:LINE: why" on stderr and
# exit status 1.
function fail(line, why) {
    printf "%s:%d: %s\n", FILENAME, line, why > "/dev/stderr"
    bad = 1
}
BEGIN { n = 0; inside = 0; marker = ""; marker_line = 0; bad = 0 }
inside && /^```[ \t]*$/ { inside = 0; close(file); next }
inside { print > file; next }
/^```/ {
    n++
    lang = substr($0, 4)
    gsub(/^[ \t]+|[ \t]+$/, "", lang)
    file = dir "/" n
    printf "" > file
    reason = marker_line == NR - 1 ? marker : ""
    printf "%d|%s|%d|%s\n", n, lang, NR, reason
    marker_line = 0
    inside = 1
    start = NR
    next
}
marker_line { fail(marker_line, "a readme-test marker must be on the line just before a fence"); marker_line = 0 }
/^ ? ? ?<!--[ \t]*readme-test/ {
    if (match($0, /^<!-- readme-test: skip \([^)]*[^ )][^)]*\) -->$/)) {
        marker = $0
        sub(/^<!-- readme-test: skip \(/, "", marker)
        sub(/\) -->$/, "", marker)
        marker_line = NR
    } else {
        fail(NR, "a readme-test marker reads <!-- readme-test: skip (REASON) -->")
    }
}
END {
    if (inside) fail(start, "this fence is never closed")
    if (marker_line) fail(marker_line, "a readme-test marker must be on the line just before a fence")
    exit bad
}
