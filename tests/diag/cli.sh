#!/bin/sh
# Command-line diagnostics of errcat: each case runs one command and compares
# its stderr with tests/diag/cli/<name>.stderr and its exit status with
# tests/diag/cli/<name>.exit (1 when absent); a case without its .stderr
# file fails. Diagnostics never go to
# stdout, and a failing build writes nothing.
#   sh tests/diag/cli.sh PATH_TO_ERRCAT     (from the repository root)
#   UPDATE=1 sh tests/diag/cli.sh ...       records the current outputs
set -u
E=${1:?usage: sh tests/diag/cli.sh PATH_TO_ERRCAT}
D=tests/diag/cli
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0

bad() {
    fail=$((fail + 1))
    echo "FAIL cli $1: $2"
    [ -s "$T/why" ] && sed 's/^/     | /' "$T/why" | head -40
    return 0
}

# run NAME STDOUT-CHECK ARGS... : STDOUT-CHECK is 'empty' (stdout must be
# empty), 'usage' (stdout starts with "usage:") or 'version' (stdout is one
# line "errcat X.Y.Z (catalog format N)").
run() {
    name=$1
    out=$2
    shift 2
    if [ -n "${UPDATE:-}" ]; then
        # UPDATE=1: record what errcat says now (review the diff before committing).
        "$E" "$@" >/dev/null 2>"$D/$name.stderr"
        status=$?
        if [ $status = 1 ]; then rm -f "$D/$name.exit"; else echo $status >"$D/$name.exit"; fi
    fi
    if [ ! -f "$D/$name.stderr" ]; then
        : >"$T/why"
        bad "$name" "no expected $D/$name.stderr"
        return 0
    fi
    want=1
    [ -f "$D/$name.exit" ] && want=$(cat "$D/$name.exit")
    rm -rf "$T/out" "$T/why"
    "$E" "$@" >"$T/stdout" 2>"$T/stderr"
    got=$?
    if [ "$got" != "$want" ]; then
        cat "$T/stderr" >"$T/why"
        bad "$name" "exit status $got, expected $want"
        return 0
    fi
    if ! diff -u "$D/$name.stderr" "$T/stderr" >"$T/why"; then
        bad "$name" "stderr differs"
        return 0
    fi
    case $out in
    empty)
        if [ -s "$T/stdout" ]; then
            cp "$T/stdout" "$T/why"
            bad "$name" "unexpected output on stdout"
            return 0
        fi
        ;;
    usage)
        if [ "$(head -c 6 "$T/stdout")" != "usage:" ]; then
            head -5 "$T/stdout" >"$T/why"
            bad "$name" "stdout does not start with 'usage:'"
            return 0
        fi
        ;;
    version)
        if [ "$(wc -l <"$T/stdout")" -ne 1 ] ||
            ! grep -Eq '^errcat [0-9]+\.[0-9]+\.[0-9]+ \(catalog format [0-9]+\)$' "$T/stdout"; then
            cp "$T/stdout" "$T/why"
            bad "$name" "stdout is not 'errcat X.Y.Z (catalog format N)'"
            return 0
        fi
        ;;
    esac
    if [ -e "$T/out" ]; then
        find "$T/out" >"$T/why"
        bad "$name" "output was written"
        return 0
    fi
    pass=$((pass + 1))
    [ -n "${VERBOSE:-}" ] && echo "ok   cli $name"
    return 0
}

# Many targets in one -t: more than the option parser's table once held.
many=json
i=1
while [ $i -lt 300 ]; do
    many="$many,json"
    i=$((i + 1))
done

run no-command empty
run unknown-command empty frobnicate
run unknown-option empty build "$D/ok.yaml" -o "$T/out" --frobnicate
run o-without-value empty build "$D/ok.yaml" -o
run t-without-value empty build "$D/ok.yaml" -t
run extra-argument empty build "$D/ok.yaml" "$D/ok.yaml" -o "$T/out"
run build-without-file empty build
run check-without-file empty check
run catalog-not-found empty build "$D/no-such-catalog.yaml" -o "$T/out"
run catalog-is-directory empty build "$D" -o "$T/out"
run check-bad-catalog empty check "$D/bad.yaml"
run check-werror empty check --werror "$D/warning-only.yaml"
run check-warning empty check "$D/warning-only.yaml"
run build-many-targets empty build "$D/bad.yaml" -o "$T/out" -t "$many"
run render-without-data empty render "$D/hello.mustache"
run render-bad-escape empty render "$D/hello.mustache" --data "$D/data.yaml" --escape xml
run render-data-not-found empty render "$D/hello.mustache" --data "$D/no-such-data.yaml"
run help usage --help
# _shared holds partials of several targets: it is no target itself.
run shared-is-no-target empty build "$D/ok.yaml" -o "$T/out" -t _shared
# Every command's words go through one option parser: its options, its
# number of arguments, and the same messages.
run max-input-bad empty check "$D/ok.yaml" --max-input 0
run targets-extra-argument empty targets "$D/ok.yaml"
run diff-needs-two empty diff "$D/ok.yaml"
run diff-extra-argument empty diff "$D/ok.yaml" "$D/ok.yaml" "$D/ok.yaml"
run diff-format-without-value empty diff "$D/ok.yaml" "$D/ok.yaml" --format
run diff-build-option empty diff "$D/ok.yaml" "$D/ok.yaml" -o "$T/out"
run diff-unknown-format empty diff "$D/ok.yaml" "$D/ok.yaml" --format xml
run lint-without-file empty lint --warn-only
run lint-extra-argument empty lint "$D/ok.yaml" "$D/ok.yaml"
run lint-enable-without-value empty lint "$D/ok.yaml" --enable
run lint-unknown-rule empty lint "$D/ok.yaml" --disable name-case --enable nme-case
# errcat import: its own --help, and its usage errors write nothing.
run import-help usage import --help
# Every command's own --help (or -h, anywhere among its words): its
# synopsis first, then its options; and nothing written even with a file.
run build-help-writes-nothing usage build "$D/ok.yaml" -o "$T/out" --help
for cmd in build check render diff lint index targets import; do
    run "$cmd-help" usage "$cmd" -h
    if ! "$E" "$cmd" --help | head -1 | grep -q "^usage: errcat $cmd "; then
        : >"$T/why"
        bad "$cmd-help" "'errcat $cmd --help' does not start with its own synopsis"
    fi
done
run import-without-files empty import et
run import-unknown-format empty import xml "$D/ok.yaml" -o "$T/out"
run import-file-not-found empty import et "$D/no-such-table.et" -o "$T/out"
run import-bad-id empty import et "$D/ok.yaml" --id Not-An-Id -o "$T/out"
run lint-unknown-format empty lint "$D/ok.yaml" --format xml
run index-without-catalogs empty index -o "$T/out"
run index-max-input empty index "$D/ok.yaml" --max-input 3
run index-t-without-value empty index "$D/ok.yaml" -t
# A value may be attached to its option as getopt_long reads it: -j2, -tc,
# -oDIR, --format=json. A flag takes none.
run flag-with-value empty build "$D/ok.yaml" --check=yes
run attached-jobs-bad empty build "$D/ok.yaml" -j0
run attached-format-bad empty diff "$D/ok.yaml" "$D/ok.yaml" --format=xml
run attached-max-input-bad empty check "$D/ok.yaml" --max-input=0
rm -rf "$T/apart" "$T/attached"
"$E" build "$D/ok.yaml" -j 2 -t json -t c -o "$T/apart" --max-input 4 2>"$T/why" &&
    "$E" build "$D/ok.yaml" -j2 -tjson,c -o"$T/attached" --max-input=4 --templates=templates \
        2>>"$T/why" && diff -r -x .errcat "$T/apart" "$T/attached" >>"$T/why" 2>&1 &&
    [ "$("$E" diff "$D/ok.yaml" "$D/ok.yaml" --format=json)" = "[]" ] 2>>"$T/why" &&
    pass=$((pass + 1)) || bad attached-values "-j2 -tjson,c -oDIR --name=VALUE do not build what the words apart do"

# Special files: a FIFO, a device or a folder where errcat expects a file
# is refused at once with a diagnostic naming it (a FIFO used to block the
# build forever: timeout turns a hang into a failure). Each case's stderr,
# with the scratch folder spelled TMP, is tests/diag/cli/<name>.stderr.
special() {
    name=$1
    shift
    rm -rf "$T/out"
    timeout 20 "$E" "$@" >"$T/stdout" 2>"$T/stderr.raw"
    got=$?
    sed "s|$T|TMP|g" "$T/stderr.raw" >"$T/stderr"
    [ -n "${UPDATE:-}" ] && cp "$T/stderr" "$D/$name.stderr"
    if [ "$got" -ge 124 ] || [ "$got" = 0 ]; then
        cp "$T/stderr" "$T/why"
        bad "$name" "exit status $got (124: it hung)"
    elif ! diff -u "$D/$name.stderr" "$T/stderr" >"$T/why"; then
        bad "$name" "stderr differs"
    elif [ -e "$T/out" ] || [ -s "$T/stdout" ]; then
        : >"$T/why"
        bad "$name" "output was written"
    else
        pass=$((pass + 1))
        [ -n "${VERBOSE:-}" ] && echo "ok   cli $name"
    fi
}
mkfifo "$T/pipe.yaml"
printf 'errcat: 1\ncatalog: {id: t, title: T}\ninclude: [pipe.yaml]\n' >"$T/includes-fifo.yaml"
printf 'errcat: 1\ncatalog: {id: t, title: T}\ninclude: [/dev/zero]\n' >"$T/includes-device.yaml"
mkdir -p "$T/tpl/c"
mkfifo "$T/tpl/c/{id}_errors.h.mustache"
special fifo-catalog check "$T/pipe.yaml"
special fifo-include build "$T/includes-fifo.yaml" -o "$T/out"
special device-include check "$T/includes-device.yaml"
special fifo-approvals diff "$D/ok.yaml" "$D/ok.yaml" --approvals "$T/pipe.yaml"
special fifo-data render "$D/hello.mustache" --data "$T/pipe.yaml"
special fifo-template render "$T/pipe.yaml" --data "$D/data.yaml"
special fifo-user-template build "$D/ok.yaml" -o "$T/out" -t c --templates "$T/tpl"
# Nor does 'errcat targets' list a user's _shared folder.
if "$E" targets --templates tests/golden/override/templates >"$T/stdout" 2>"$T/why" &&
    grep -q '^summary ' "$T/stdout" && ! grep -q '_shared' "$T/stdout"; then
    pass=$((pass + 1))
else
    cat "$T/stdout" >>"$T/why"
    bad targets-without-shared "lists _shared, or fails"
fi
ln -s pipe.yaml "$T/link-to-fifo.yaml"
special symlink-to-fifo check "$T/link-to-fifo.yaml"

# A copy of errcat with no templates beside it says so (--werror: exit 1,
# nothing written) rather than quietly building the template-less targets.
mkdir -p "$T/bin"
cp "$E" "$T/bin/errcat"
E_SAVED=$E
E=$T/bin/errcat
(
    unset ERRCAT_TEMPLATES
    run no-templates-werror empty build --werror "$D/ok.yaml" -o "$T/out"
    # The user's own templates are no reason to warn.
    rm -rf "$T/out"
    if "$E" build --werror --templates tests/golden/override/templates "$D/ok.yaml" \
        -o "$T/out" 2>"$T/why" && [ ! -s "$T/why" ]; then
        pass=$((pass + 1))
    else
        bad no-templates-but-user-templates "a warning or a failure with --templates"
    fi
    echo "$pass $fail" >"$T/counts"
)
read -r pass fail <"$T/counts"
E=$E_SAVED
run version version --version

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
