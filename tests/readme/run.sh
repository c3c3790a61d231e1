#!/bin/sh
# README.md's snippets, each run the way the README says to use it, so that
# the README cannot drift from what works. extract.awk splits README.md into
# its fenced blocks; each runs in the harness of its language:
#   yaml    errcat check, beside a copy of spec/common/ for its includes
#   sh      run with sh -e in a git repository whose main branch holds the
#           README's catalog and whose work tree rewords a message of it; it
#           must succeed and print something
#   make    the whole Makefile of a project (main.c, spec/swap.yaml): make
#           builds it, the program runs, a catalog edit rebuilds it and make
#           then finds nothing to do
#   cmake   the same with CMake (CMakeLists.txt here around the snippet) and
#           find_package(errcat)
#   python ts go rust c
#           put in place of the "README SNIPPET" line of harness.<ext>, which
#           gets an error response from server.py on 127.0.0.1: checked by
#           mypy --strict, tsc --strict, go vet, cargo build -D warnings or
#           cc -Wall -Wextra -Werror, then run against each response, whose
#           decision it must print (or, when not to retry, raise SwapError)
#   python server, ts server, go server, rust server, c server
#           (the fence's info string names the side): put in place of the
#           "README SNIPPET" line of serve.<ext>, which answers the same
#           paths with the snippet's responses, made by the binding's produce
#           from the catalog; checked as above, then served on 127.0.0.1 to
#           the program of the same language's client snippet, which must
#           classify each response as the catalog says
# Every snippet uses errcat as `make install` puts it in a temporary prefix,
# and spec/swap.yaml is README.md's catalog (its yaml block of id swap).
# A block with no harness fails, unless the line before its fence reads
#   <!-- readme-test: skip (REASON) -->
# The toolchains are those of the bindings and integration groups, which
# install them: when one is missing, its group runs first.
#   sh tests/readme/run.sh   from anywhere, after make (B: errcat's build folder)
#   README=FILE sh tests/readme/run.sh   tests FILE instead (an edited copy)
#   KEEP=1 …                 keeps the temporary folder of the builds
# Prints failures (every check with VERBOSE=1) and "readme: N passed, M failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
HERE=$ROOT/tests/readme
B=${B:-build}
README=${README:-README.md}
# The builds below are not sub-makes of a `make test`.
unset MAKEFLAGS MFLAGS MAKELEVEL
T=$(mktemp -d)
server=
snippet_server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    [ -n "$snippet_server" ] && kill "$snippet_server" 2>/dev/null
    if [ -n "${KEEP:-}" ]; then echo "readme: kept $T" >&2; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM
TALLY=readme
. tests/tally.sh

# need PROBE GROUP-SCRIPT: PROBE (a command, or a file) is there, else the
# group that installs it runs once.
need() {
    case $1 in /*) [ -e "$1" ] ;; *) command -v "$1" >/dev/null 2>&1 ;; esac && return 0
    echo "readme: $1 is missing: running $2, which installs it" >&2
    sh "$2" >/dev/null 2>&1
    case $1 in /*) [ -e "$1" ] ;; *) command -v "$1" >/dev/null 2>&1 ;; esac
}
for d in "${HOME:-/root}/.cargo/bin" /root/.cargo/bin; do
    [ -x "$d/cargo" ] && PATH=$d:$PATH && break
done
need mypy tests/bindings/python/run.sh
TS=tests/bindings/typescript
TSC=$ROOT/$TS/node_modules/.bin/tsc
# Its npm packages are as its lock says when its tests last installed them.
if ! cmp -s "$TS/package-lock.json" "$TS/node_modules/.errcat-lock" 2>/dev/null; then
    echo "readme: the npm packages of $TS are missing or stale: running $TS/run.sh" >&2
    sh "$TS/run.sh" >/dev/null 2>&1
fi
need go tests/bindings/go/run.sh
need cargo tests/bindings/rust/run.sh
need cmake tests/integration/run.sh
export GOTOOLCHAIN=local GOPROXY=off GOFLAGS='' GO111MODULE=on GOWORK=off CARGO_NET_OFFLINE=true
[ -n "${HOME:-}" ] || export GOCACHE="$T/gocache"

# errcat as a user has it.
if ! make --no-print-directory install B="$B" PREFIX="$T/prefix" >"$T/log" 2>&1; then
    bad "make install PREFIX=… (run make first)" "$T/log"
    summary
fi
PATH=$T/prefix/bin:$PATH
export PATH

mkdir "$T/blocks"
if ! awk -v dir="$T/blocks" -f "$HERE/extract.awk" "$README" >"$T/index" 2>"$T/log"; then
    bad "$README: its blocks and readme-test markers" "$T/log"
    summary
fi

# The README's catalog, and a project around it: spec/swap.yaml beside
# spec/common/ (which it includes).
catalog=
while IFS='|' read -r n lang line reason; do
    [ "$lang" = yaml ] && grep -q '{id: swap\b' "$T/blocks/$n" && catalog=$T/blocks/$n &&
        catalog_at="$README:$line (yaml)" && break
done <"$T/index"
if [ -z "$catalog" ]; then
    echo "no yaml block with catalog: {id: swap, …}" >"$T/log"
    bad "$README: the catalog that the other snippets use" "$T/log"
    summary
fi
project() { # project DIR: a new project with the README's catalog
    mkdir -p "$1/spec" && cp -R spec/common "$1/spec/" && cp "$catalog" "$1/spec/swap.yaml"
}
# Every binding of the catalog, for the client snippets.
project "$T/api"
if ! errcat build "$T/api/spec/swap.yaml" -o "$T/gen" -t c,python,typescript,go,rust >"$T/log" 2>&1; then
    bad "$catalog_at: errcat build, for the other snippets" "$T/log"
    summary
fi

# splice TEMPLATE SNIPPET: TEMPLATE with its "README SNIPPET" line replaced
# by SNIPPET, each line indented as the marker is.
splice() {
    awk -v snippet="$2" '
        /README SNIPPET/ {
            match($0, /^[ \t]*/)
            indent = substr($0, 1, RLENGTH)
            while ((getline l < snippet) > 0) print (l == "" ? "" : indent l)
            next
        }
        { print }' "$1"
}

# listening PORTFILE: waits (up to 10 s) for a server to write its port.
listening() {
    i=0
    while [ ! -s "$1" ] && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    [ -s "$1" ]
}

# The error responses, from server.py.
python3 -B "$HERE/server.py" "$T/port" </dev/null >"$T/server.log" 2>&1 &
server=$!
if ! listening "$T/port"; then
    bad "server.py does not listen" "$T/server.log"
    summary
fi
URL=http://127.0.0.1:$(cat "$T/port")

# responses NAME THROWS CMD...: CMD URL against each response of server.py
# prints the decision; for the response not to retry, a THROWS=yes snippet
# raises SwapError out of the program instead. A server of the catalog's
# responses (the server snippets) sets URL, busy_ms (its 503's delay: the
# policy's default, 2 s, where server.py says 1 s) and bad_text (the
# message of the response not to retry, a 400 there, a 410 here).
busy_ms=1000
bad_text='Bad request'
responses() {
    what=$1
    throws=$2
    shift 2
    for case in "quote-expired|retry=true delay_ms=0 requote=true" \
        "busy|retry=true delay_ms=$busy_ms requote=false" \
        "bad|retry=false delay_ms=0 requote=false"; do
        path=${case%%|*}
        want=${case#*|}
        "$@" "$URL/$path" </dev/null >"$T/log" 2>&1
        status=$?
        if [ "$path" = bad ] && [ "$throws" = yes ]; then
            if [ "$status" != 0 ] && grep -q 'SwapError' "$T/log" && grep -q "$bad_text" "$T/log"; then
                ok "$what: /$path raises SwapError"
            else
                bad "$what: /$path raises SwapError (exit status $status)" "$T/log"
            fi
        elif [ "$status" = 0 ] && grep -q "^$want\b" "$T/log"; then
            ok "$what: /$path: $want"
        else
            echo "expected: $want (exit status $status)" >"$T/why"
            cat "$T/log" >>"$T/why"
            bad "$what: /$path" "$T/why"
        fi
    done
}

run_yaml() { # the catalog beside spec/common/
    project "$T/yaml$1"
    check "$2: errcat check" errcat check "$T/yaml$1/spec/swap.yaml"
}

# edit_catalog FILE: rewords QUOTE_EXPIRED's message, a compatible change.
edit_catalog() {
    cp "$1" "$T/before"
    sed 's/message: Quote expired$/message: Quote has expired/' "$T/before" >"$1"
    ! cmp -s "$T/before" "$1" || { echo "no 'message: Quote expired' line in $1" >&2; return 1; }
}

run_sh() { # in a git repository: main holds the catalog, the work tree edits it
    r=$T/sh$1
    project "$r"
    if ! { git -C "$r" init -q -b main && git -C "$r" add spec &&
        git -C "$r" -c user.name=readme -c user.email=readme@example.invalid \
            -c commit.gpgsign=false commit -q -m catalog && edit_catalog "$r/spec/swap.yaml"; } \
        >"$T/log" 2>&1; then
        bad "$2: a git repository to run it in" "$T/log"
        return
    fi
    if (cd "$r" && sh -e "$T/blocks/$1") </dev/null >"$T/log" 2>&1 && [ -s "$T/log" ]; then
        ok "$2: runs"
    else
        bad "$2: runs (exit status 0, some output)" "$T/log"
    fi
}

# built NAME DIR BUILD...: BUILD in DIR builds DIR/app, which prints the
# catalog's QUOTE_EXPIRED; after a catalog edit, BUILD again rebuilds it.
built() {
    what=$1
    dir=$2
    shift 2
    if ! (cd "$dir" && "$@") </dev/null >"$T/log" 2>&1; then
        bad "$what: builds" "$T/log"
        return
    fi
    ok "$what: builds"
    check "$what: the program runs" sh -c "[ \"\$('$dir/app')\" = '410 Quote expired' ]"
    if ! edit_catalog "$dir/spec/swap.yaml" 2>"$T/log" ||
        ! (cd "$dir" && "$@") </dev/null >"$T/log" 2>&1; then
        bad "$what: a catalog edit rebuilds" "$T/log"
        return
    fi
    out=$("$dir/app" 2>&1)
    if [ "$out" = "410 Quote has expired" ]; then ok "$what: a catalog edit rebuilds"; else
        echo "the program prints '$out', not '410 Quote has expired'" >"$T/why"
        cat "$T/log" >>"$T/why"
        bad "$what: a catalog edit rebuilds" "$T/why"
    fi
}

run_make() { # the Makefile of a project
    p=$T/make$1
    project "$p"
    cp "$T/blocks/$1" "$p/Makefile"
    cp "$HERE/main.c" "$p/"
    built "$2" "$p" make
    # Not make -q: it cannot run the empty recipe that finds an unchanged header.
    check "$2: make again does nothing" sh -c "LC_ALL=C make -C '$p' | grep -q \"'app' is up to date\""
}

run_cmake() { # CMakeLists.txt here, around the snippet
    p=$T/cmake$1
    project "$p"
    splice "$HERE/CMakeLists.txt" "$T/blocks/$1" >"$p/CMakeLists.txt"
    cp "$HERE/main.c" "$p/"
    gen=
    command -v ninja >/dev/null 2>&1 && gen="-G Ninja"
    # shellcheck disable=SC2086 # $gen: none, or two words
    if ! cmake -S "$p" -B "$p/build" $gen -DCMAKE_PREFIX_PATH="$T/prefix" \
        </dev/null >"$T/log" 2>&1; then
        bad "$2: configures" "$T/log"
        return
    fi
    ok "$2: configures"
    ln -s build/app "$p/app"
    built "$2" "$p" cmake --build build
}

# build_LANG N WHERE FILE NAME: snippet N spliced into $HERE/FILE.<ext> as the
# program NAME (readme for a client, serve for a server), built and checked
# in a folder of its own; leaves in prog the command that runs it.
build_python() {
    d=$T/python-$4$1
    mkdir "$d"
    splice "$HERE/$3.py" "$T/blocks/$1" >"$d/$4.py"
    check "$2: mypy --strict" env MYPYPATH="$T/gen/swap/python" \
        mypy --strict --python-version 3.9 --cache-dir "$T/mypy" "$d/$4.py"
    prog="env PYTHONPATH=$T/gen/swap/python python3 -B $d/$4.py"
}

build_ts() {
    d=$T/ts-$4$1
    mkdir -p "$d/src" "$d/js"
    cp "$T/gen/swap/typescript/swap_errors.ts" "$d/src/"
    splice "$HERE/$3.ts" "$T/blocks/$1" >"$d/src/$4.ts"
    tsdir=$ROOT/tests/bindings/typescript
    cat >"$d/tsconfig.json" <<EOF
{
  "extends": "$tsdir/tsconfig.json",
  "compilerOptions": {
    "target": "ES2022",
    "module": "ES2022",
    "lib": ["ES2022"],
    "types": ["node"],
    "typeRoots": ["$tsdir/node_modules/@types"],
    "noEmit": false,
    "rootDir": "$d/src",
    "outDir": "$d/js"
  },
  "include": ["$d/src/*.ts"]
}
EOF
    echo '{"type": "module"}' >"$d/js/package.json"
    check "$2: tsc --strict" "$TSC" -p "$d/tsconfig.json" --pretty false
    prog="node $d/js/$4.js"
}

build_go() {
    d=$T/go-$4$1
    mkdir -p "$d"
    cp -R "$T/gen/swap/go" "$d/swaperrors"
    printf 'module readme\n\ngo 1.18\n\nrequire errcat.example/swaperrors v0.0.0\n\n%s\n' \
        'replace errcat.example/swaperrors => ./swaperrors' >"$d/go.mod"
    splice "$HERE/$3.go" "$T/blocks/$1" >"$d/main.go"
    check "$2: go vet" sh -c "cd '$d' && go vet ./... && go build -o $4 ."
    prog=$d/$4
}

build_rust() {
    d=$T/rust-$4$1
    mkdir -p "$d/src"
    cp -R "$T/gen/swap/rust" "$d/swap_errors"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\n\n%s\n%s\n' "$4" \
        '[dependencies]' 'swap-errors = { path = "swap_errors" }' >"$d/Cargo.toml"
    splice "$HERE/$3.rs" "$T/blocks/$1" >"$d/src/main.rs"
    check "$2: cargo build (-D warnings)" env RUSTFLAGS="-D warnings" CARGO_TARGET_DIR="$d/target" \
        cargo build --offline --quiet --manifest-path "$d/Cargo.toml"
    prog=$d/target/debug/$4
}

build_c() {
    d=$T/c-$4$1
    mkdir -p "$d"
    splice "$HERE/$3.c" "$T/blocks/$1" >"$d/$4.c"
    check "$2: cc -Wall -Wextra -Werror" cc -std=c11 -Wall -Wextra -Werror -pedantic \
        -I"$T/gen/swap/c" -o "$d/$4" "$d/$4.c" "$T/gen/swap/c/swap_errors.c"
    prog=$d/$4
}

# run_LANG N WHERE: a client snippet in harness.<ext>, answering the local
# server's responses (Python and TypeScript raise where the others return),
# kept in client_LANG for the server snippet after it.
# shellcheck disable=SC2086 # $prog: a command and its arguments
run_python() { build_python "$1" "$2" harness readme; client_python=$prog; responses "$2" yes $prog; }
# shellcheck disable=SC2086
run_ts() { build_ts "$1" "$2" harness readme; client_ts=$prog; responses "$2" yes $prog; }
run_go() { build_go "$1" "$2" harness readme; client_go=$prog; responses "$2" no "$prog"; }
run_rust() { build_rust "$1" "$2" harness readme; client_rust=$prog; responses "$2" no "$prog"; }
run_c() { build_c "$1" "$2" harness readme; client_c=$prog; responses "$2" no "$prog"; }

# server LANG N WHERE: the server snippet of LANG built, then serving the
# program of LANG's client snippet (which comes before it in the README).
server() {
    "build_$1" "$2" "$3" serve serve
    serve=$prog
    eval "client=\${client_$1:-}"
    if [ -z "$client" ]; then
        echo "no $1 client snippet before it, to read its responses" >"$T/log"
        bad "$3: a client snippet of its language" "$T/log"
        return
    fi
    # shellcheck disable=SC2086 # $serve: a command and its arguments
    $serve "$T/port$2" </dev/null >"$T/serve.log" 2>&1 &
    snippet_server=$!
    if listening "$T/port$2"; then
        throws=no
        if [ "$1" = python ] || [ "$1" = ts ]; then throws=yes; fi
        saved=$URL
        URL=http://127.0.0.1:$(cat "$T/port$2") busy_ms=2000 bad_text=Gone
        # shellcheck disable=SC2086 # $client: a command and its arguments
        responses "$3: served to the $1 client snippet" $throws $client
        URL=$saved busy_ms=1000 bad_text='Bad request'
    else
        bad "$3: listens" "$T/serve.log"
    fi
    kill "$snippet_server" 2>/dev/null
    wait "$snippet_server" 2>/dev/null
    snippet_server=
}

while IFS='|' read -r n lang line reason <&3; do
    where="$README:$line ($lang)"
    if [ -n "$reason" ]; then
        [ -n "${VERBOSE:-}" ] && echo "skip $where: $reason"
        continue
    fi
    case $lang in
    yaml | sh | make | cmake | python | ts | go | rust | c) "run_$lang" "$n" "$where" ;;
    "python server" | "ts server" | "go server" | "rust server" | "c server") server "${lang%% *}" "$n" "$where" ;;
    *)
        echo "a block of language '$lang' has no harness: add one to $0, or mark it" >"$T/log"
        echo "<!-- readme-test: skip (REASON) --> on the line before its fence" >>"$T/log"
        bad "$where: a harness" "$T/log"
        ;;
    esac
done 3<"$T/index"
summary
