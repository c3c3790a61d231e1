# tests/tally.sh: the tally of a test script, sourced by it after it sets T
# (its scratch folder) and TALLY (the word its closing line starts with).
#   ok NAME              a check passed (listed when VERBOSE is set)
#   bad NAME [LOG]       a check failed: its name, and the first lines of LOG
#   check NAME CMD...    runs CMD (no input, output in $T/log): ok or bad
#   summary              "TALLY: N passed, M failed", and exits 0 when none failed
# shellcheck shell=sh
pass=0
fail=0
ok() { pass=$((pass + 1)); [ -n "${VERBOSE:-}" ] && echo "ok   $1"; return 0; }
bad() {
    fail=$((fail + 1))
    echo "FAIL $1"
    [ $# -gt 1 ] && [ -s "$2" ] && sed 's/^/     | /' "$2" | head -40
    return 0
}
check() {
    name=$1
    shift
    if "$@" </dev/null >"$T/log" 2>&1; then ok "$name"; else bad "$name" "$T/log"; fi
}
summary() {
    echo "$TALLY: $pass passed, $fail failed"
    [ "$fail" = 0 ]
    exit
}
