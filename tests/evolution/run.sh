#!/bin/sh
# The suites of `errcat diff` and `errcat lint`: data files in, exact
# outputs and exit statuses out. Each case runs in its own folder, so the
# file names in diagnostics are short and stable.
#
#   sh tests/evolution/run.sh PATH_TO_ERRCAT      (from the repository root)
#
# diff/<case>/   old.yaml, new.yaml, and approvals.yaml when the case has
#                approvals (passed with --approvals). Each of expected.txt,
#                expected.json and expected.md present is the stdout of
#                --format text, json and markdown; each run must also give the
#                exit status in 'exit' (0 when absent) and the stderr in
#                expected.stderr (empty when absent). 'args' replaces the
#                arguments (old.yaml new.yaml). With a file 'git', the case
#                runs in a fresh git repository whose HEAD holds old.yaml as
#                catalog.yaml (with the other *.yaml of the case, for
#                includes) and whose working tree holds new.yaml there:
#                errcat diff git:HEAD:catalog.yaml catalog.yaml.
# lint/<case>.yaml  `errcat lint <case>.yaml` plus the arguments in
#                <case>.args; <case>.stderr and <case>.stdout are the expected
#                streams (empty when absent), <case>.exit the exit status (0
#                when absent). lint/include/ holds files the cases include.
#
# Prints a line per failure (VERBOSE=1: per check) and a last line
# "evolution: N passed, M failed"; exits 1 when a check failed. With
# EVOLUTION_UPDATE=1 it rewrites the expected outputs instead of comparing
# (review the diff before keeping them).
set -u
E=${1:?usage: sh tests/evolution/run.sh PATH_TO_ERRCAT}
case $E in /*) ;; *) E=$(pwd)/$E ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0
update=${EVOLUTION_UPDATE:-}

ok() { pass=$((pass + 1)); [ -n "${VERBOSE:-}" ] && echo "ok   $1"; return 0; }
bad() {
    fail=$((fail + 1))
    echo "FAIL $1"
    [ -s "$T/why" ] && sed 's/^/     | /' "$T/why" | head -40
    return 0
}

# same WANT GOT: WANT may be absent, meaning empty. Differences go to $T/why.
same() {
    if [ -f "$1" ]; then
        diff -u "$1" "$2" >>"$T/why" 2>&1
    elif [ -s "$2" ]; then
        { echo "expected nothing in $(basename "$1"), got:"; cat "$2"; } >>"$T/why"
        return 1
    fi
}

# save GOT WANT: for EVOLUTION_UPDATE; an empty output removes the file.
save() {
    if [ -s "$1" ]; then cp "$1" "$2"; else rm -f "$2"; fi
}

# check NAME DIR WANT-STDOUT WANT-STDERR WANT-EXIT-FILE CMD...: runs CMD in DIR.
check() {
    name=$1 dir=$2 want_out=$3 want_err=$4 want_exit=$5
    shift 5
    : >"$T/why"
    (cd "$dir" && "$@") >"$T/stdout" 2>"$T/stderr"
    got=$?
    if [ -n "$update" ]; then
        save "$T/stdout" "$want_out"
        save "$T/stderr" "$want_err"
        echo "$got" >"$want_exit"
        ok "$name"
        return 0
    fi
    want=0
    [ -f "$want_exit" ] && want=$(cat "$want_exit")
    fine=true
    if [ "$got" != "$want" ]; then
        echo "exit status $got, expected $want" >>"$T/why"
        fine=false
    fi
    same "$want_out" "$T/stdout" || fine=false
    same "$want_err" "$T/stderr" || fine=false
    if $fine; then ok "$name"; else bad "$name"; fi
}

# A fresh repository whose HEAD holds the case's old.yaml as catalog.yaml.
git_repo() {
    rm -rf "$T/repo"
    mkdir -p "$T/repo"
    for f in "$1"/*.yaml; do
        case $(basename "$f") in old.yaml | new.yaml | approvals.yaml) ;; *) cp "$f" "$T/repo/" ;; esac
    done
    cp "$1/old.yaml" "$T/repo/catalog.yaml"
    (
        cd "$T/repo" &&
            git init -q . &&
            git add . &&
            git -c user.name=errcat -c user.email=errcat@example.invalid \
                -c commit.gpgsign=false commit -q -m old
    ) >"$T/why" 2>&1 || return 1
    cp "$1/new.yaml" "$T/repo/catalog.yaml"
    [ -f "$1/approvals.yaml" ] && cp "$1/approvals.yaml" "$T/repo/"
    return 0
}

for dir in "$HERE"/diff/*/; do
    dir=${dir%/}
    name=diff/$(basename "$dir")
    run=$dir
    if [ -f "$dir/git" ]; then
        if ! git_repo "$dir"; then
            bad "$name (git repository)"
            continue
        fi
        run=$T/repo
        set -- git:HEAD:catalog.yaml catalog.yaml
    else
        set -- old.yaml new.yaml
    fi
    # shellcheck disable=SC2046
    [ -f "$dir/args" ] && set -- $(cat "$dir/args")
    [ -f "$dir/approvals.yaml" ] && set -- "$@" --approvals approvals.yaml
    ran=false
    for f in txt:text json:json md:markdown; do
        ext=${f%%:*} fmt=${f#*:}
        [ -f "$dir/expected.$ext" ] || [ -n "$update" ] || continue
        ran=true
        check "$name ($fmt)" "$run" "$dir/expected.$ext" "$dir/expected.stderr" "$dir/exit" \
            "$E" diff "$@" --format "$fmt"
    done
    # A case that fails before any report (an invalid input): no stdout.
    $ran || check "$name" "$run" "$dir/expected.txt" "$dir/expected.stderr" "$dir/exit" \
        "$E" diff "$@"
done

for y in "$HERE"/lint/*.yaml; do
    case=${y%.yaml}
    args=
    [ -f "$case.args" ] && args=$(cat "$case.args")
    # shellcheck disable=SC2086
    check "lint/$(basename "$case")" "$HERE/lint" "$case.stdout" "$case.stderr" "$case.exit" \
        "$E" lint "$(basename "$y")" $args
done

echo "evolution: $pass passed, $fail failed"
[ "$fail" = 0 ]
