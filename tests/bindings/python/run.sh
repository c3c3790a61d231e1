#!/bin/sh
# Tests the generated Python modules: every out/<id>/python/<id>_errors.py,
# and those of the golden catalogs tests/golden/*/catalog.yaml and the test
# catalogs tests/bindings/python/*.yaml (built here with errcat by
# tests/bindings/catalogs.sh; edge.yaml holds what is hard to escape and to
# read), pass mypy --strict for Python 3.9 and black --check, and agree with
# their catalog's conformance vectors (test_bindings.py). Installs mypy and black (Debian
# packages, as root) when they are missing. Run from anywhere, after `make`;
# the last line is "python: N passed, M failed".
#   VERBOSE=1 sh tests/bindings/python/run.sh   also lists what passed
set -u
cd "$(dirname "$0")/../../.." || exit 2
HERE=tests/bindings/python
ERRCAT=${ERRCAT:-${B:-build}/errcat}
pass=0
fail=0

summary() {
    echo "python: $pass passed, $fail failed"
    [ "$fail" = 0 ]
    exit
}

. "$HERE/toolchain.sh"
if [ -n "$toolchain_missing" ]; then
    echo "missing:$toolchain_missing; install them (as root: apt-get install$toolchain_missing)"
    fail=1
    summary
fi

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM

ok() { pass=$((pass + 1)); [ -n "${VERBOSE:-}" ] && echo "ok   $1"; return 0; }
bad() {
    fail=$((fail + 1))
    echo "FAIL $1"
    [ -s "$T/log" ] && sed 's/^/     | /' "$T/log" | head -40
    return 0
}
check() { # check NAME CMD... : passes when CMD exits 0
    name=$1
    shift
    if "$@" >"$T/log" 2>&1; then ok "$name"; else bad "$name"; fi
}

if ! sh tests/bindings/catalogs.sh "$ERRCAT" "$T/out" python "$HERE"/*.yaml >"$T/log" 2>&1; then
    bad "errcat build of the golden and test catalogs (run make first)"
    summary
fi

for module in out/*/python/*_errors.py "$T"/out/*/python/*_errors.py "$HERE/test_bindings.py"; do
    check "mypy --strict $module" \
        mypy --strict --python-version 3.9 --cache-dir "$T/mypy" "$module"
    check "black --check $module" black --check --config "$HERE/pyproject.toml" "$module"
done

# The vectors: one check per vector, as test_bindings.py counts them.
ERRCAT_OUT="out:$T/out" python3 -B "$HERE/test_bindings.py" >"$T/log" 2>&1
status=$?
counts=$(tail -n 1 "$T/log")
case $counts in
*" passed, "*" failed")
    pass=$((pass + ${counts%% passed*}))
    rest=${counts#* passed, }
    fail=$((fail + ${rest%% failed}))
    [ "$status" != 0 ] && sed 's/^/     | /' "$T/log" | grep -v '^     | \.*$' | head -60
    ;;
*)
    bad "python3 $HERE/test_bindings.py"
    ;;
esac
[ "$status" != 0 ] && [ "$fail" = 0 ] && bad "python3 $HERE/test_bindings.py exited $status"
summary
