#!/bin/sh
# Hostile strings and names (issue 6): builds tests/hostile/hostile.yaml, a
# valid catalog whose every string is made to break generators (and one
# code whose message, description and hint are 64 KiB each, made here by
# hostile.py), into every target, and checks that each output still
# compiles and gives back every string byte for byte as the JSON target has
# it:
#   C           gcc and clang -std=c99 -Wall -Wextra -Werror -pedantic, g++ -x c++,
#               clang-format, every string of the table (check.c), the
#               conformance vectors (tests/c/conformance.c)
#   Python      mypy --strict, black --check, every string (hostile.py python),
#               the conformance vectors (tests/bindings/python/test_bindings.py)
#   TypeScript  tsc --strict (the flags of tests/bindings/typescript),
#               prettier --check, every string (check.mjs under node), the
#               conformance vectors (conformance.test.ts)
#   Go          gofmt -l, go vet, every string (hostile_test.go), the
#               conformance vectors (tests/bindings/go/conformance_test.go)
#   Rust        Cargo.toml parses, rustfmt --check, cargo build -D warnings,
#               clippy, cargo doc, every string (hostile.rs),
#               the conformance vectors (tests/bindings/rust/conformance.rs)
#   Markdown    every table row keeps its header's cell count; no fence left
#               open; no tag, comment or handler from the catalog
#   HTML        one <script>, the page's own; no element, attribute or
#               comment from the catalog; every message, description and hint
#               readable as text
#   JSON        every .json output parses; the JSON holds the YAML's strings
# and then: a NUL in a catalog string is refused (exit 1, a diagnostic at
# the string, nothing written); and catalogs whose names collide with the
# names the generators make themselves (C include guard and enums, Go's
# flat package scope) are refused or compile.
# Usage, from anywhere: sh tests/hostile/run.sh [ERRCAT]   (default build/errcat)
#   VERBOSE=1   also lists what passed
# Offline; the toolchains are those the bindings' tests use. Closes with
# "hostile: N passed, M failed" and exits non-zero on a failure.
# The catalogs below are written with printf formats that hold their \n,
# and their messages hold ${code} for errcat, not for the shell.
# shellcheck disable=SC2059,SC2016
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ERRCAT=${1:-${ERRCAT:-$ROOT/build/errcat}}
case $ERRCAT in /*) ;; *) ERRCAT=$(pwd)/$ERRCAT ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); [ -n "${VERBOSE:-}" ] && printf 'ok   %s\n' "$1"; return 0; }
bad() {
    fail=$((fail + 1))
    printf 'FAIL %s\n' "$1"
    [ $# -gt 1 ] && [ -s "$2" ] && cut -c1-400 "$2" | sed 's/^/     | /' | head -"${3:-30}"
    return 0
}
check() { # check NAME CMD... : passes when CMD exits 0
    name=$1
    shift
    if "$@" >"$T/log" 2>&1; then ok "$name"; else bad "$name" "$T/log"; fi
}
ccheck() { # ccheck NAME CMD... : check for a compiler, showing only its diagnostics
    name=$1
    shift
    if "$@" >"$T/log" 2>&1; then
        ok "$name"
    else
        # Each distinct diagnostic once, where it first occurs, and how often.
        grep -E ': (error|warning|fatal error): ' "$T/log" | awk -F': (error|warning|fatal error): ' '
            { if (!($2 in seen)) { order[++n] = $2; first[$2] = $0 } seen[$2]++ }
            END { for (i = 1; i <= n; i++) printf "%s  (%d times)\n", first[order[i]], seen[order[i]] }' >"$T/log2"
        bad "$name" "$T/log2" 12
    fi
}
summary() {
    echo "hostile: $pass passed, $fail failed"
    [ "$fail" = 0 ]
    exit
}
have() { command -v "$1" >/dev/null 2>&1; }
need() { # need TOOL WHAT: a missing toolchain is a failure, not a skip
    have "$1" && return 0
    bad "$2: $1 is not installed (tests/bindings/*/run.sh and tests/deps.sh install it)"
    return 1
}

for d in "${HOME:-/root}/.cargo/bin" /root/.cargo/bin; do
    [ -x "$d/cargo" ] && PATH=$d:$PATH && break
done
export PATH
export GOTOOLCHAIN=local GOPROXY=off GOFLAGS='' GO111MODULE=on GOWORK=off
[ -n "${HOME:-}" ] || export GOCACHE="$T/gocache"
export CARGO_TARGET_DIR="$T/target" CARGO_NET_OFFLINE=true
py() { python3 -B "$HERE/hostile.py" "$@"; }
ID=hostile
O=$T/out/$ID

# --- The catalog, built ------------------------------------------------------

py expand "$HERE/hostile.yaml" "$T/hostile.yaml" || { bad "hostile.py expand"; summary; }
if ! "$ERRCAT" build "$T/hostile.yaml" -o "$T/out" >"$T/build.out" 2>"$T/build.err"; then
    bad "errcat build hostile.yaml" "$T/build.err"
    summary
fi
ok "errcat build hostile.yaml"
if grep -q 'error:' "$T/build.err"; then bad "build: no error printed" "$T/build.err"; else ok "build: no error printed"; fi
# Each reserved name is built under a keyword-safe spelling, with a warning.
for name in SELF NONE TYPE CLASS RETURN STRUCT FN DEF INTERFACE CHAN; do
    if grep -q "warning: name '$name' is spelled .* a reserved word; generated code uses '${name}_'" \
        "$T/build.err"; then
        ok "build: warns of $name"
    else
        bad "build: no warning for the reserved name $name" "$T/build.err" 5
    fi
done
check "errcat check hostile.yaml" "$ERRCAT" check "$T/hostile.yaml"
for target in $("$ERRCAT" targets | sed -n 's/^\([a-z][a-z]*\) .*/\1/p'); do
    [ "$target" = view ] && continue
    if [ -d "$O/$target" ]; then ok "build: $target written"; else bad "build: $target not written"; fi
done
# Doc comments read as the catalog wrote them: a comment is not a string, so
# a quote is no \" there (the catalog's description starts 'Catalog "de'; a
# description is prose, which Rust's doc comments hold as Markdown, where a
# backslash is written \\).
for f in go/catalog.go rust/lib.rs "typescript/${ID}_errors.ts"; do
    if grep -Eq '^[[:space:]]*(//|\*).*Catalog "description" '"'single'"' [\]{1,2}back' "$O/$f"; then
        ok "comment: $f quotes the description as written"
    else
        grep -n 'Catalog .*description' "$O/$f" >"$T/log" 2>&1
        bad "comment: $f does not quote the description as written" "$T/log" 5
    fi
done
"$ERRCAT" build "$T/hostile.yaml" -o "$T/view" -t view >/dev/null 2>&1 || bad "errcat build -t view"
if ! py expect "$O/json/$ID.json" "$T/view/$ID/view/view.json" "$T" hostileerrors >"$T/log" 2>&1; then
    bad "hostile.py expect" "$T/log"
    summary
fi
[ -n "${VERBOSE:-}" ] && sed 's/^/     /' "$T/log"

# The JSON outputs parse, and the canonical JSON holds every string of the
# YAML as PyYAML reads it.
check "json: every .json output parses" py json "$T/out"
py yaml "$O/json/$ID.json" "$T/hostile.yaml" >"$T/log" 2>&1
case $? in
0) ok "json: holds every string of the YAML" ;;
3) echo "note: PyYAML is missing: the YAML is not compared with the JSON" ;;
*) bad "json: holds every string of the YAML" "$T/log" ;;
esac

# errcat reads its own JSON back (render --data: the reader of catalogs).
py template >"$T/readback.mustache"
if "$ERRCAT" render "$T/readback.mustache" --data "$O/json/$ID.json" --escape json \
    >"$T/readback.json" 2>"$T/log"; then
    check "json: errcat render --data reads the JSON back unchanged" \
        py readback "$O/json/$ID.json" "$T/readback.json"
else
    bad "json: errcat render --data the JSON" "$T/log"
fi

# --- C -----------------------------------------------------------------------

C=$O/c
strict="-Wall -Wextra -Werror -pedantic"
for cc in gcc clang; do
    need $cc "c: $cc" || continue
    # shellcheck disable=SC2086
    ccheck "c: $cc -std=c99 $strict" $cc -std=c99 $strict -c "$C/${ID}_errors.c" -o "$T/c.o"
done
if need g++ "c: g++"; then
    # shellcheck disable=SC2086
    ccheck "c: g++ -std=c++17 -x c++ $strict" g++ -std=c++17 $strict -x c++ \
        -c "$C/${ID}_errors.c" -o "$T/c.o"
fi
if need clang-format "c: clang-format"; then
    check "c: clang-format" clang-format --style="file:$ROOT/.clang-format" --dry-run -Werror \
        "$C/${ID}_errors.c" "$C/${ID}_errors.h"
fi
# The strings of the table, read through the lookups. Built as C, or as C++
# when the C does not compile (reported above), so that the strings are
# checked all the same.
built=
for cc in "cc -std=c11" "g++ -x c++ -std=c++17"; do
    # shellcheck disable=SC2086
    if $cc -O0 -w -I"$C" -I"$T" -include "${ID}_errors.h" -o "$T/check" "$HERE/check.c" \
        "$C/${ID}_errors.c" >"$T/cc.log" 2>&1; then
        built=$cc
        break
    fi
done
if [ -n "$built" ]; then
    check "c: every string of the table (check.c, built with ${built%% *})" "$T/check"
else
    bad "c: check.c does not build" "$T/cc.log"
fi
upper=$(echo "$ID" | tr '[:lower:]' '[:upper:]')
if cc -std=c11 -O1 -w -I"$ROOT/gen" -I"$C" -DCAT="$ID" -DCATU="$upper" -include "${ID}_errors.h" \
    -o "$T/conformance" "$ROOT/tests/c/conformance.c" "$C/${ID}_errors.c" \
    "$ROOT/build/liberrcat.a" -lyaml -lm -pthread >"$T/log" 2>&1; then
    check "c: conformance vectors" "$T/conformance" "$O/vectors/vectors.json"
else
    bad "c: conformance vectors: tests/c/conformance.c does not build against the C" "$T/log" 10
fi

# --- Python ------------------------------------------------------------------

M=$O/python/${ID}_errors.py
if need mypy "python: mypy"; then
    check "python: mypy --strict" mypy --strict --python-version 3.9 --cache-dir "$T/mypy" "$M"
fi
if need black "python: black"; then
    if black --check --config "$ROOT/tests/bindings/python/pyproject.toml" "$M" >/dev/null 2>&1; then
        ok "python: black --check"
    else
        black --diff --config "$ROOT/tests/bindings/python/pyproject.toml" "$M" >"$T/log" 2>/dev/null
        bad "python: black --check (black would change it)" "$T/log" 24
    fi
fi
check "python: import and every string" py python "$T/expect-bindings.json" "$M"
check "python: conformance vectors" env ERRCAT_OUT="$T/out" \
    python3 -B "$ROOT/tests/bindings/python/test_bindings.py"

# --- TypeScript --------------------------------------------------------------

TSDIR=$ROOT/tests/bindings/typescript
BIN=$TSDIR/node_modules/.bin
TS=$O/typescript/${ID}_errors.ts
if ! need node "typescript: node"; then
    :
elif [ ! -x "$BIN/tsc" ]; then
    bad "typescript: $BIN/tsc is missing (tests/bindings/typescript/run.sh installs it)"
else
    printf '{"extends": "%s/tsconfig.json", "files": ["%s"]}\n' "$TSDIR" "$TS" >"$T/tsconfig.strict.json"
    check "typescript: tsc --strict --noEmit" "$BIN/tsc" -p "$T/tsconfig.strict.json" --pretty false
    if [ -x "$BIN/prettier" ]; then
        check "typescript: prettier --check" "$BIN/prettier" --no-config --check "$TS"
    fi
    # The module and the conformance test, compiled to JavaScript together.
    mkdir -p "$T/ts/src" "$T/ts/js"
    cp "$TS" "$TSDIR/conformance.test.ts" "$T/ts/src/"
    cat >"$T/tsconfig.emit.json" <<EOF
{
  "extends": "$TSDIR/tsconfig.json",
  "compilerOptions": {
    "module": "ES2022",
    "lib": ["ES2022"],
    "types": ["node"],
    "typeRoots": ["$TSDIR/node_modules/@types"],
    "noEmit": false,
    "rootDir": "$T/ts/src",
    "outDir": "$T/ts/js"
  },
  "include": ["$T/ts/src/*.ts"]
}
EOF
    echo '{"type": "module"}' >"$T/ts/js/package.json"
    "$BIN/tsc" -p "$T/tsconfig.emit.json" --pretty false >"$T/log" 2>&1 || bad "typescript: tsc (module and conformance test)" "$T/log"
    if [ -f "$T/ts/js/${ID}_errors.js" ]; then
        check "typescript: every string (check.mjs)" node "$HERE/check.mjs" \
            "$T/ts/js/${ID}_errors.js" "$T/expect-bindings.json"
    else
        bad "typescript: no JavaScript emitted"
    fi
    if [ -f "$T/ts/js/conformance.test.js" ]; then
        check "typescript: conformance vectors" env ERRCAT_OUT="$T/out" ERRCAT_TS_JS="$T/ts/js" \
            node --test "$T/ts/js/conformance.test.js"
    fi
fi

# --- Go ----------------------------------------------------------------------

if need go "go"; then
    G=$T/go
    mkdir -p "$G"
    cp "$O"/go/* "$G"/
    pkg=$(sed -n 's|^module errcat.example/||p' "$G/go.mod")
    sed "s/^package catalogerrors$/package $pkg/" "$HERE/hostile_test.go" >"$G/hostile_test.go"
    sed "s/^package hostileerrors$/package $pkg/" "$T/identifiers_test.go" >"$G/identifiers_test.go"
    sed "s/catalogerrors/$pkg/g" "$ROOT/tests/bindings/go/conformance_test.go" >"$G/conformance_test.go"
    unformatted=$(cd "$O/go" && gofmt -l . 2>&1)
    if [ -n "$unformatted" ]; then
        (cd "$O/go" && gofmt -d . 2>&1) >"$T/log"
        bad "go: gofmt -l lists $unformatted" "$T/log" 16
    else
        ok "go: gofmt"
    fi
    if (cd "$G" && go vet ./...) >"$T/log" 2>&1; then
        ok "go: go vet"
        check "go: every string (hostile_test.go)" env HOSTILE_EXPECT="$T/expect-bindings.json" \
            sh -c "cd '$G' && go test -count=1 -run '^TestHostileStrings\$' ."
        rm -f "$T/result"
        (cd "$G" && ERRCAT_VECTORS="$O/vectors/vectors.json" ERRCAT_RESULT="$T/result" \
            go test -count=1 -run '^TestConformance$' .) >"$T/log" 2>&1
        if [ $? = 0 ] && [ -s "$T/result" ]; then ok "go: conformance vectors"; else bad "go: conformance vectors" "$T/log"; fi
    else
        bad "go: go vet (the package does not compile: its tests cannot run)" "$T/log"
    fi
fi

# --- Rust --------------------------------------------------------------------

if need cargo "rust"; then
    R=$T/crate
    mkdir -p "$R/tests/data"
    cp "$O"/rust/* "$R"/
    crate=$(sed -n 's/^name = "\(.*\)"$/\1/p' "$R/Cargo.toml" | tr - _)
    if (cd "$R" && cargo metadata --offline --no-deps --format-version 1) >/dev/null 2>"$T/log"; then
        ok "rust: Cargo.toml parses"
    else
        bad "rust: Cargo.toml does not parse (the crate's sources are checked with a plain one)" "$T/log" 8
        printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n[lib]\npath = "lib.rs"\n' \
            "$(echo "$crate" | tr _ -)" >"$R/Cargo.toml"
    fi
    sed "s/catalog_errors/$crate/g" "$HERE/hostile.rs" >"$R/tests/hostile.rs"
    cp "$T/expect.rs" "$R/tests/data/expect.rs"
    sed "s/catalog_errors/$crate/g" "$ROOT/tests/bindings/rust/conformance.rs" >"$R/tests/conformance.rs"
    # The class lookups, which only a crate of a catalog with classes has.
    support=no_classes.rs
    grep -q '^pub fn lookup_class' "$R/lib.rs" && support=classes.rs
    mkdir -p "$R/tests/support"
    sed "s/catalog_errors/$crate/g" "$ROOT/tests/bindings/rust/support/$support" >"$R/tests/support/classes.rs"
    support=no_l10n.rs
    grep -q '^pub fn negotiate' "$R/classify.rs" && support=l10n.rs
    sed "s/catalog_errors/$crate/g" "$ROOT/tests/bindings/rust/support/$support" >"$R/tests/support/l10n.rs"
    if have rustfmt; then
        check "rust: rustfmt --check" sh -c "cd '$R' && rustfmt --check --edition 2021 lib.rs"
    fi
    if (cd "$R" && RUSTFLAGS="-D warnings" cargo build --offline --quiet) >"$T/log" 2>&1; then
        ok "rust: cargo build (-D warnings)"
        if cargo clippy --version >/dev/null 2>&1; then
            check "rust: cargo clippy -D warnings" sh -c "cd '$R' && RUSTFLAGS='-D warnings' cargo clippy --offline --quiet -- -D warnings"
        else
            bad "rust: cargo clippy is not installed (a linter not there is a failure, not a skip)"
        fi
        check "rust: cargo doc" sh -c "cd '$R' && RUSTDOCFLAGS='-D warnings -A rustdoc::bare_urls -A rustdoc::invalid_html_tags' cargo doc --offline --quiet --no-deps"
        check "rust: every string (hostile.rs)" sh -c "cd '$R' && RUSTFLAGS='-D warnings' cargo test --offline --quiet --test hostile"
        rm -f "$T/result"
        (cd "$R" && RUSTFLAGS="-D warnings" ERRCAT_VECTORS="$O/vectors/vectors.json" ERRCAT_RESULT="$T/result" \
            cargo test --offline --quiet --test conformance) >"$T/log" 2>&1
        if [ $? = 0 ] && [ -s "$T/result" ]; then ok "rust: conformance vectors"; else bad "rust: conformance vectors" "$T/log"; fi
    else
        grep -E '^(error|warning)' "$T/log" | sort | uniq -c | sort -rn >"$T/log2"
        { echo "distinct diagnostics:"; cat "$T/log2"; echo "first of them in full:"; cat "$T/log"; } >"$T/log3"
        bad "rust: cargo build (-D warnings) (the crate does not compile: its tests cannot run)" "$T/log3" 30
    fi
fi

# --- Markdown and HTML -------------------------------------------------------

check "markdown: tables, fences, no tag from the catalog" py markdown "$O/markdown/$ID.md" "$T/expect.json"
check "html: the catalog's text is text" py html "$O/html" "$T/expect.json"

# --- A NUL is refused --------------------------------------------------------

# Each case: a catalog with a NUL in one string (written with a YAML or JSON
# escape, or as a raw byte), the line:col of the string, and the message.
nul_case() { # nul_case NAME FILE WHERE MESSAGE
    rm -rf "$T/nulout"
    "$ERRCAT" build "$2" -o "$T/nulout" >"$T/stdout" 2>"$T/stderr"
    status=$?
    if [ "$status" != 1 ]; then
        echo "exit status $status, expected 1" >"$T/why"
        cat "$T/stderr" >>"$T/why"
        bad "nul: $1" "$T/why"
    elif ! grep -q "^$2:$3: error: $4" "$T/stderr"; then
        { echo "expected: $2:$3: error: $4"; echo "got:"; cat "$T/stderr"; } >"$T/why"
        bad "nul: $1" "$T/why"
    elif [ -e "$T/nulout" ]; then
        bad "nul: $1: output was written"
    else
        ok "nul: $1"
    fi
}
N=$T/nul
mkdir -p "$N"
NULMSG="string contains a NUL character, which errcat does not accept"
head='errcat: 1\ncatalog: {id: t, title: T}\n'
codes='domains:\n  - id: d\n    code_type: string\n    codes:\n'
printf "${head}${codes}"'      - {code: A, message: "nul \\0 here"}\n' >"$N/message.yaml"
nul_case 'a message with "\0"' "$N/message.yaml" 7:28 "$NULMSG"
printf "${head}${codes}"'      - {code: A, message: m, hint: "\\x00"}\n' >"$N/hint.yaml"
nul_case 'a hint with "\x00"' "$N/hint.yaml" 7:37 "$NULMSG"
printf "${head}${codes}"'      - {code: "A\\u0000B", name: A, message: m}\n' >"$N/code.yaml"
nul_case 'a string code with "\u0000"' "$N/code.yaml" 7:16 "$NULMSG"
printf "${head}"'headers:\n  "X-\\0": {type: seconds}\n' >"$N/key.yaml"
nul_case 'a header name (a key) with "\0"' "$N/key.yaml" 4:3 "$NULMSG"
printf "${head}"'statuses:\n  - status: 400\n    title: Bad\n    examples: [{body: {error: "\\0"}}]\n' >"$N/body.yaml"
nul_case 'an example body with "\0"' "$N/body.yaml" 6:31 "$NULMSG"
printf '{"errcat": 1, "catalog": {"id": "t", "title": "T\\u0000"}}\n' >"$N/title.json"
nul_case 'a JSON catalog with "\u0000"' "$N/title.json" 1:47 "$NULMSG"
printf 'errcat: 1\ncatalog: {id: t, title: "T\000"}\n' >"$N/raw.yaml"
nul_case 'a raw NUL byte' "$N/raw.yaml" '2:[0-9]*' '.'
rm -rf "$T/nulout"
"$ERRCAT" check "$N/message.yaml" >/dev/null 2>"$T/stderr"
if [ $? = 1 ] && grep -q "$NULMSG" "$T/stderr"; then ok "nul: errcat check refuses it too"; else bad "nul: errcat check refuses it too" "$T/stderr"; fi

# --- Names that collide with the generators' own ----------------------------

# Each catalog is valid as far as the format goes; errcat must refuse it
# (exit 1, a diagnostic) or generate code that compiles: C (gcc -std=c99
# -pedantic), Go (go vet) and Python (import).
P=$T/probe
mkdir -p "$P"
probe() { # probe NAME WHAT DOMAINS-YAML
    f=$P/$1.yaml
    printf 'errcat: 1\ncatalog: {id: p, title: P}\nstatuses:\n  - {status: 404, title: Not Found}\n  - {status: 429, title: Too Many Requests}\ndomains:\n%s\n' "$3" >"$f"
    rm -rf "$P/out"
    "$ERRCAT" build "$f" -o "$P/out" >"$P/stdout" 2>"$P/stderr"
    status=$?
    if [ "$status" = 1 ] && grep -q ': error: ' "$P/stderr"; then
        ok "names: $2: refused"
        return
    elif [ "$status" != 0 ]; then
        bad "names: $2: errcat exited $status" "$P/stderr"
        return
    fi
    : >"$P/why"
    gcc -std=c99 -Wall -Wextra -Werror -pedantic -c "$P/out/p/c/p_errors.c" -o "$P/c.o" >"$P/log" 2>&1 ||
        { echo "C (gcc -std=c99 -pedantic):"; grep -m3 'error' "$P/log"; } >>"$P/why"
    if have go; then
        (cd "$P/out/p/go" && go vet ./...) >"$P/log" 2>&1 ||
            { echo "Go (go vet):"; grep -v '^#' "$P/log" | head -3; } >>"$P/why"
    fi
    (cd "$P/out/p/python" && python3 -B -c 'import p_errors') >"$P/log" 2>&1 ||
        { echo "Python (import):"; tail -n 2 "$P/log"; } >>"$P/why"
    if [ -s "$P/why" ]; then
        sed -i "1i accepted (exit 0), but the code does not compile:" "$P/why"
        sed -i "1i catalog: $(echo "$3" | tr '\n' ' ' | sed 's/  */ /g')" "$P/why"
        bad "names: $2" "$P/why" 12
    else
        ok "names: $2"
    fi
}
probe guard "domain errors, code H: the C include guard P_ERRORS_H" \
'  - {id: errors, code_type: string, codes: [{code: h, name: H, message: m}]}'
probe retry "domain retry, code NEVER: C P_RETRY_NEVER, Go RetryNever" \
'  - {id: retry, code_type: string, codes: [{code: never, name: NEVER, message: m}]}'
probe kind "domain kind, code CODE: C P_KIND_CODE, Go KindCode" \
'  - {id: kind, code_type: string, codes: [{code: c, name: CODE, message: m}]}'
probe severity "domain severity, code INFO: C P_SEVERITY_INFO, Go SeverityInfo" \
'  - {id: severity, code_type: string, codes: [{code: i, name: INFO, message: m}]}'
probe domain "domains errors and domain, code ERRORS: C P_DOMAIN_ERRORS, Go DomainErrors" \
'  - {id: errors, code_type: string, codes: [{code: a, name: A, message: m}]}
  - {id: domain, code_type: string, codes: [{code: e, name: ERRORS, message: m}]}'
probe gotype "domain errors, code CODE: Go type ErrorsCode" \
'  - {id: errors, code_type: string, codes: [{code: c, name: CODE, message: m}]}'
probe gostatus "domain status, code TOO_MANY_REQUESTS: Go StatusTooManyRequests" \
'  - {id: status, code_type: string, codes: [{code: t, name: TOO_MANY_REQUESTS, message: m}]}'
probe none "name NONE and NONE_ (both NONE_ once keyword-safe)" \
'  - {id: errors, code_type: string, codes: [{code: a, name: NONE, message: m}, {code: b, name: NONE_, message: m}]}'
probe fallback_only "a domain with only a fallback (an empty C enum)" \
'  - {id: errors, code_type: int, fallback: {message: "x ${code}"}}'

# --- Codes at the edges of the integers --------------------------------------

# The smallest and the largest 64-bit codes in one domain: refused, or built
# (every target) without a crash.
E=$T/edge
mkdir -p "$E"
printf 'errcat: 1\ncatalog: {id: e, title: E}\ndomains:\n  - id: d\n    code_type: int\n    codes:\n      - {code: -9223372036854775808, name: LOWEST, message: lowest}\n      - {code: 9223372036854775807, name: HIGHEST, message: highest}\n' >"$E/extremes.yaml"
"$ERRCAT" build "$E/extremes.yaml" -o "$E/out" >"$E/log" 2>&1
status=$?
if [ "$status" = 0 ] || { [ "$status" = 1 ] && grep -q ': error: ' "$E/log"; }; then
    ok "numbers: codes -2^63 and 2^63-1 in one domain"
else
    echo "errcat build exited $status (a crash: the C target's dense index, gen/tables.c)" >>"$E/log"
    bad "numbers: codes -2^63 and 2^63-1 in one domain" "$E/log"
fi
# Codes 2^53 and 2^53+1, which a JavaScript number cannot tell apart:
# refused, or the TypeScript lookup finds each its own entry.
printf 'errcat: 1\ncatalog: {id: e, title: E}\ndomains:\n  - id: d\n    code_type: int\n    codes:\n      - {code: 9007199254740992, name: TWO_53, message: a}\n      - {code: 9007199254740993, name: TWO_53_PLUS_1, message: b}\n' >"$E/js.yaml"
rm -rf "$E/out"
"$ERRCAT" build "$E/js.yaml" -o "$E/out" -t typescript >"$E/log" 2>&1
status=$?
if [ "$status" = 1 ] && grep -q ': error: ' "$E/log"; then
    ok "numbers: codes 2^53 and 2^53+1: refused"
elif [ "$status" != 0 ]; then
    bad "numbers: codes 2^53 and 2^53+1: errcat exited $status" "$E/log"
elif [ -x "$BIN/tsc" ] && have node; then
    printf '{"extends": "%s/tsconfig.json", "compilerOptions": {"noEmit": false, "outDir": "%s/js"}, "files": ["%s"]}\n' \
        "$TSDIR" "$E" "$E/out/e/typescript/e_errors.ts" >"$E/tsconfig.json"
    mkdir -p "$E/js"
    echo '{"type": "module"}' >"$E/js/package.json"
    if "$BIN/tsc" -p "$E/tsconfig.json" >"$E/log" 2>&1 &&
        node --input-type=module -e "
            const m = await import('$E/js/e_errors.js');
            const a = m.lookupName('d', 'TWO_53'), b = m.lookupName('d', 'TWO_53_PLUS_1');
            const why = [];
            if (m.lookup('d', a.code) !== a) why.push('lookup of TWO_53 (code ' + a.code + ') is ' + m.lookup('d', a.code)?.name);
            if (m.lookup('d', b.code) !== b) why.push('lookup of TWO_53_PLUS_1 (code ' + b.code + ') is ' + m.lookup('d', b.code)?.name);
            const c = m.classify(400, {}, {code: 9007199254740993n.toString()});
            if (c.entry !== b) why.push('classify of the code \"9007199254740993\" finds ' + c.entry?.name);
            if (why.length) { console.log(why.join('\n')); process.exit(1); }" >>"$E/log" 2>&1; then
        ok "numbers: codes 2^53 and 2^53+1: TypeScript tells them apart"
    else
        bad "numbers: codes 2^53 and 2^53+1: accepted, but TypeScript confuses them" "$E/log"
    fi
fi

summary
