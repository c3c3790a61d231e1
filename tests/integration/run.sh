#!/bin/sh
# Integration tests: errcat inside other people's builds and tools.
#   sh tests/integration/run.sh [GROUP...]   from the repository root
# groups (default: all):
#   openapi  every catalog's openapi target is valid OpenAPI 3.1 and its
#            problem types list every code (openapi/check.mjs)
#   make     the plain-Makefile example rebuilds exactly what changed (make/)
#   cmake    the CMake module, with Ninja and with Unix Makefiles (cmake/)
#   install  make install, the installed errcat, the man page and
#            find_package(errcat) (install/)
# Installs what is missing (cmake, ninja-build, groff-base, man-db, node
# and npm with apt-get when root; the npm packages pinned in
# tests/integration/package-lock.json with npm ci). Prints failures (every
# check with VERBOSE=1) and a last line "integration: N passed, M failed";
# exits 1 when a check failed.
set -u
cd "$(dirname "$0")/../.." || exit 2
B=${B:-build}
ERRCAT=${ERRCAT:-$B/errcat}
export B ERRCAT
# The builds below are not sub-makes of a `make test`.
unset MAKEFLAGS MFLAGS MAKELEVEL
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0

# Tallies the "ok   …" and "FAIL …" lines of a test's output ($1), shows the
# failures with their details, and counts a test that died without saying
# why ($2: its exit status, $3: its name) as a failure.
tally() {
    n=$(grep -c '^ok   ' "$1")
    m=$(grep -c '^FAIL ' "$1")
    pass=$((pass + n))
    fail=$((fail + m))
    if [ -n "${VERBOSE:-}" ]; then
        cat "$1"
    else
        awk '/^FAIL / { show = 1; print; next } /^(ok  |skip) / { show = 0; next } show' "$1"
    fi
    if [ "$2" != 0 ] && [ "$m" = 0 ]; then
        fail=$((fail + 1))
        echo "FAIL $3 (exit status $2)"
        tail -20 "$1" | sed 's/^/     | /'
    fi
}

# run NAME CMD...: runs a test script and tallies its output.
run() {
    name=$1
    shift
    "$@" >"$T/out" 2>&1
    tally "$T/out" $? "$name"
}

# Debian packages: "probe:package", installed when the probe is missing.
missing=
for pair in cmake:cmake ninja:ninja-build groff:groff-base man:man-db node:nodejs npm:npm \
    make:make cc:gcc; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
if [ -n "$missing" ] && [ "$(id -u)" = 0 ]; then
    echo "integration: installing$missing" >&2
    apt-get update -qq >/dev/null 2>&1
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing \
        >/dev/null 2>&1 || echo "integration: apt-get could not install$missing" >&2
elif [ -n "$missing" ]; then
    echo "integration: missing packages:$missing (as root: apt-get install$missing)" >&2
fi
# npm ci is slow even when nothing changed: rerun only on a lock change.
L=tests/integration
if command -v npm >/dev/null 2>&1 &&
    ! cmp -s "$L/package-lock.json" "$L/node_modules/.errcat-lock" 2>/dev/null; then
    echo "integration: installing npm packages into $L/node_modules" >&2
    if (cd "$L" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1); then
        cp "$L/package-lock.json" "$L/node_modules/.errcat-lock"
    else
        echo "integration: npm ci failed in $L" >&2
    fi
fi

if [ ! -x "$ERRCAT" ]; then
    echo "FAIL $ERRCAT is not built (make)"
    echo "integration: 0 passed, 1 failed"
    exit 1
fi

# Every catalog in the tree that must build, and the corners of
# tests/integration/openapi/, through the openapi target.
group_openapi() {
    out=$T/openapi
    rm -rf "$out"
    : >"$T/builds"
    for c in spec/*.yaml tests/golden/*/catalog.yaml tests/site/*.yaml "$L"/openapi/*.yaml; do
        [ -f "$c" ] || continue
        if "$ERRCAT" build "$c" -t openapi,json,view -o "$out" >"$T/log" 2>&1; then
            echo "ok   openapi: errcat builds $c" >>"$T/builds"
        else
            echo "FAIL openapi: errcat builds $c" >>"$T/builds"
            sed 's/^/     | /' "$T/log" >>"$T/builds"
        fi
    done
    tally "$T/builds" 0 openapi
    run "openapi: openapi/check.mjs" node "$L/openapi/check.mjs" "$out"
}

group_make() {
    run "make: make/test.sh" sh "$L/make/test.sh" "$ERRCAT"
}

group_cmake() {
    if command -v ninja >/dev/null 2>&1; then
        run "cmake: cmake/test.sh Ninja" sh "$L/cmake/test.sh" Ninja "$ERRCAT"
    else
        # Installed above when missing: a generator not there is a failure.
        fail=$((fail + 1))
        echo "FAIL cmake (Ninja): ninja is not installed (apt-get install ninja-build)"
    fi
    run "cmake: cmake/test.sh Unix Makefiles" sh "$L/cmake/test.sh" "Unix Makefiles" "$ERRCAT"
}

group_install() {
    run "install: install/test.sh" sh "$L/install/test.sh"
}

[ $# -gt 0 ] || set -- openapi make cmake install
for g in "$@"; do
    "group_$g"
done
echo "integration: $pass passed, $fail failed"
[ "$fail" = 0 ]
