#!/bin/sh
# Real HTTP clients: each binding of clients.yaml reads the responses of
# responses.json as its language's standard client receives them from a
# server on 127.0.0.1 that its test starts and stops (Python urllib and
# http.server; Node's fetch and http.get and node:http; Go's net/http and
# httptest; Rust's std::net with hand-written HTTP/1.1), with the headers in
# every shape that client hands a program. Each test writes its answers as
# JSON lines, and compare.py checks them all against expected.jsonl. The
# Python test also serves what produce() makes of each code and status from
# a WSGI application, which urllib must read back as that entry (the
# README's snippets do the same in every language, tests/readme/). The
# tests pass their language's strict checker and formatter first (mypy
# --strict and black; tsc --strict, with lib DOM but no DOM.Iterable and
# without DOM, and prettier; gofmt and go vet; rustfmt and clippy). The
# toolchains are those of the binding tests (tests/bindings/*/toolchain.sh).
# Usage, from anywhere, after `make`: sh tests/clients/run.sh
# Prints one line per failure and closes with "clients: N passed, M failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
HERE=tests/clients
ERRCAT=${ERRCAT:-$ROOT/${B:-build}/errcat}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
TALLY=clients
. tests/tally.sh
toolchain() { # toolchain LANG: sources the binding tests' toolchain of LANG
    # shellcheck disable=SC1090
    . "tests/bindings/$1/toolchain.sh"
    [ -z "$toolchain_missing" ] && return 0
    echo "missing:$toolchain_missing" >"$T/log"
    bad "$1: toolchain" "$T/log"
    return 1
}

if ! "$ERRCAT" build "$HERE/clients.yaml" -o "$T/out" -t python -t typescript -t go -t rust \
    >"$T/log" 2>&1; then
    bad "errcat build $HERE/clients.yaml (run make first)" "$T/log"
    summary
fi
CAT=$T/out/clients
RESPONSES=$ROOT/$HERE/responses.json
answers=

# Python: urllib.request and http.server.
if toolchain python; then
    py=$HERE/python/client_test.py
    check "python: mypy --strict $py" env MYPYPATH="$CAT/python" \
        mypy --strict --python-version 3.9 --cache-dir "$T/mypy" "$py"
    check "python: black --check $py" black --check --config tests/bindings/python/pyproject.toml "$py"
    check "python: $py" env PYTHONPATH="$CAT/python" python3 -B "$py" "$RESPONSES" "$T/python.jsonl"
    answers="$answers python=$T/python.jsonl"
fi

# TypeScript: fetch, http.get and node:http, compiled with and without DOM.
if toolchain typescript; then
    BIN=tests/bindings/typescript/node_modules/.bin
    ts=$HERE/typescript/client.test.ts
    check "typescript: prettier --check $ts" "$BIN/prettier" --no-config --check "$ts"
    mkdir -p "$T/ts/src"
    cp "$CAT/typescript/clients_errors.ts" "$ts" "$T/ts/src/"
    for lib in '"ES2022", "DOM"' '"ES2022"'; do
        cat >"$T/ts/tsconfig.json" <<JSON
{
  "extends": "$ROOT/tests/bindings/typescript/tsconfig.json",
  "compilerOptions": {
    "target": "ES2022",
    "module": "ES2022",
    "lib": [$lib],
    "types": ["node"],
    "typeRoots": ["$ROOT/tests/bindings/typescript/node_modules/@types"],
    "noEmit": false,
    "rootDir": "$T/ts/src",
    "outDir": "$T/ts/js"
  },
  "include": ["$T/ts/src/*.ts"]
}
JSON
        check "typescript: tsc --strict, lib [$lib]" "$BIN/tsc" -p "$T/ts/tsconfig.json" --pretty false
    done
    echo '{"type": "module"}' >"$T/ts/js/package.json"
    check "typescript: $ts" node "$T/ts/js/client.test.js" "$RESPONSES" "$T/typescript.jsonl"
    answers="$answers typescript=$T/typescript.jsonl"
fi

# Go: net/http and net/http/httptest.
if toolchain go; then
    [ -n "${HOME:-}" ] || export GOCACHE="$T/gocache"
    go=$HERE/go/client_test.go
    mkdir -p "$T/go"
    cp "$CAT"/go/* "$go" "$T/go/"
    check "go: gofmt -l $go" test -z "$(gofmt -l "$go")"
    check "go: go vet" sh -c "cd '$T/go' && go vet ./..."
    check "go: $go" env CLIENTS_RESPONSES="$RESPONSES" CLIENTS_OUT="$T/go.jsonl" \
        sh -c "cd '$T/go' && go test -count=1 ./..."
    answers="$answers go=$T/go.jsonl"
fi

# Rust: std::net, as an integration test of the crate.
if toolchain rust; then
    rs=$HERE/rust/client.rs
    mkdir -p "$T/rust/tests"
    cp "$CAT"/rust/* "$T/rust/"
    sed "s/catalog_errors/clients_errors/g" "$rs" >"$T/rust/tests/client.rs"
    export CARGO_TARGET_DIR="$T/target" RUSTFLAGS="-D warnings"
    check "rust: rustfmt --check $rs" rustfmt --check --edition 2021 "$rs"
    if [ -n "$clippy" ]; then
        check "rust: cargo clippy -D warnings" sh -c \
            "cd '$T/rust' && cargo clippy --offline --quiet --all-targets -- -D warnings"
    fi
    check "rust: $rs" env CLIENTS_RESPONSES="$RESPONSES" CLIENTS_OUT="$T/rust.jsonl" \
        sh -c "cd '$T/rust' && cargo test --offline --quiet"
    answers="$answers rust=$T/rust.jsonl"
fi

# The answers: every language, every shape, the expected line of each case.
# shellcheck disable=SC2086
python3 -B "$HERE/compare.py" "$HERE/expected.jsonl" $answers >"$T/compare" 2>&1
counts=$(tail -n 1 "$T/compare")
case $counts in
*" passed, "*" failed")
    sed '$d' "$T/compare"
    pass=$((pass + ${counts%% passed*}))
    rest=${counts#* passed, }
    fail=$((fail + ${rest%% failed}))
    ;;
*)
    bad "python3 $HERE/compare.py" "$T/compare"
    ;;
esac
echo "clients: $pass passed, $fail failed"
[ "$fail" = 0 ]
