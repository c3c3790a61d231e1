#!/bin/sh
# Tests the generated TypeScript modules: every out/<id>/typescript/
# <id>_errors.ts, and those of the golden catalogs tests/golden/*/catalog.yaml
# and the test catalogs tests/bindings/python/*.yaml (built here with errcat
# by tests/bindings/catalogs.sh), pass tsc --strict (and the stricter flags of
# tsconfig.json) and prettier --check, and agree with their catalog's
# conformance vectors under node --test (conformance.test.ts, edge.test.ts,
# compiled with tsc to a temporary folder). Installs node and npm (Debian
# packages, as root) when they are missing, and the npm packages pinned in
# package-lock.json when node_modules is absent or the lock changed. Run from
# anywhere, after `make`; the last line is "typescript: N passed, M failed".
#   VERBOSE=1 sh tests/bindings/typescript/run.sh   also lists what passed
set -u
cd "$(dirname "$0")/../../.." || exit 2
ROOT=$(pwd)
HERE=tests/bindings/typescript
BIN=$HERE/node_modules/.bin
ERRCAT=${ERRCAT:-${B:-build}/errcat}
pass=0
fail=0

summary() {
    echo "typescript: $pass passed, $fail failed"
    [ "$fail" = 0 ]
    exit
}

. "$HERE/toolchain.sh"
if [ -n "$toolchain_missing" ]; then
    echo "FAIL missing:$toolchain_missing"
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

if ! sh tests/bindings/catalogs.sh "$ERRCAT" "$T/out" typescript tests/bindings/python/*.yaml \
    >"$T/log" 2>&1; then
    bad "errcat build of the golden and test catalogs (run make first)"
    summary
fi

mkdir "$T/src" "$T/js"
modules=$(ls out/*/typescript/*_errors.ts "$T"/out/*/typescript/*_errors.ts)
tests=$(ls "$HERE"/*.test.ts)
cp $modules $tests "$T/src/"

# One tsc and one prettier for all the files (each takes seconds to start);
# their complaints name the files, whose names differ.
{
    printf '{"extends": "%s/%s/tsconfig.json", "files": [' "$ROOT" "$HERE"
    sep=
    for module in $modules; do
        case $module in /*) ;; *) module=$ROOT/$module ;; esac
        printf '%s"%s"' "$sep" "$module"
        sep=", "
    done
    printf ']}\n'
} >"$T/tsconfig.json"
"$BIN/tsc" -p "$T/tsconfig.json" --pretty false >"$T/tsc.log" 2>&1
tsc_status=$?
"$BIN/prettier" --no-config --check $modules $tests >"$T/prettier.log" 2>&1
prettier_status=$?
for file in $modules $tests; do
    base=$(basename "$file")
    case $file in
    *.test.ts) ;;
    *)
        grep -F "$base(" "$T/tsc.log" >"$T/log"
        if [ -s "$T/log" ]; then bad "tsc --strict $file"; else ok "tsc --strict $file"; fi
        ;;
    esac
    grep -F "$base" "$T/prettier.log" | grep -F '[warn]' >"$T/log"
    if [ -s "$T/log" ]; then bad "prettier --check $file"; else ok "prettier --check $file"; fi
done
if [ "$tsc_status" != 0 ] && ! grep -q '_errors\.ts(' "$T/tsc.log"; then
    cp "$T/tsc.log" "$T/log"
    bad "tsc -p $T/tsconfig.json"
fi
if [ "$prettier_status" != 0 ] && ! grep -q '^\[warn\] .*\.ts$' "$T/prettier.log"; then
    cp "$T/prettier.log" "$T/log"
    bad "prettier --check"
fi

# The tests and the modules, compiled together: the tests type-check
# against the modules' declarations.
cat >"$T/tsconfig.json" <<EOF
{
  "extends": "$ROOT/$HERE/tsconfig.json",
  "compilerOptions": {
    "module": "ES2022",
    "lib": ["ES2022"],
    "types": ["node"],
    "typeRoots": ["$ROOT/$HERE/node_modules/@types"],
    "noEmit": false,
    "rootDir": "$T/src",
    "outDir": "$T/js"
  },
  "include": ["$T/src/*.ts"]
}
EOF
echo '{"type": "module"}' >"$T/js/package.json"
check "tsc (tests and modules)" "$BIN/tsc" -p "$T/tsconfig.json" || true
if [ ! -f "$T/js/conformance.test.js" ]; then
    summary
fi

# The vectors: one test per vector, as node's test runner counts them.
ERRCAT_OUT="out:$T/out" ERRCAT_TS_JS="$T/js" node --test --test-reporter=tap \
    "$T"/js/*.test.js >"$T/log" 2>&1
status=$?
tests_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$T/log" | tail -n 1)
tests_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$T/log" | tail -n 1)
if [ -z "$tests_passed" ] || [ -z "$tests_failed" ]; then
    bad "node --test"
elif [ "$status" != 0 ] || [ "$tests_failed" != 0 ]; then
    pass=$((pass + tests_passed))
    fail=$((fail + tests_failed))
    [ "$tests_failed" = 0 ] && fail=$((fail + 1))
    grep -B2 -A12 '^ *not ok' "$T/log" | sed 's/^/     | /' | head -80
else
    pass=$((pass + tests_passed))
fi
summary
