#!/bin/sh
# `make install`: stages an install with DESTDIR, runs the installed errcat
# (which must find its templates in ../share/errcat/templates, with no
# ERRCAT_TEMPLATES), checks the man page, and builds the CMake example with
# find_package(errcat) from the installed prefix.
#   sh tests/integration/install/test.sh   (from the repository root; B, ERRCAT)
# One line per check: "ok   install: …" or "FAIL install: …".
# shellcheck disable=SC2016 # sh -c scripts in single quotes
set -u
B=${B:-build}
ERRCAT=${ERRCAT:-$B/errcat}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
STAGE=$T/stage
PREFIX=/opt/errcat-test-$$ # a prefix no one has: nothing may appear there
P=$STAGE$PREFIX
LOG=$T/log

ok() { echo "ok   install: $1"; }
bad() {
    echo "FAIL install: $1"
    [ $# -gt 1 ] && [ -s "$2" ] && sed 's/^/     | /' "$2" | tail -30
    return 0
}
check() { # check NAME CMD...: passes when CMD exits 0
    name=$1
    shift
    if "$@" >"$LOG" 2>&1; then ok "$name"; else bad "$name" "$LOG"; fi
}

if ! make --no-print-directory install B="$B" PREFIX="$PREFIX" DESTDIR="$STAGE" >"$LOG" 2>&1; then
    bad "make install PREFIX=… DESTDIR=…" "$LOG"
    exit 1
fi
ok "make install PREFIX=… DESTDIR=…"

missing=
for f in bin/errcat 'share/errcat/templates/c/{id}_errors.c.mustache' \
    'share/errcat/templates/openapi/{id}.openapi.json.mustache' share/errcat/errcat.schema.json \
    lib/cmake/errcat/errcat.cmake lib/cmake/errcat/errcat-config.cmake \
    lib/cmake/errcat/errcat-config-version.cmake share/man/man1/errcat.1; do
    [ -f "$P/$f" ] || missing="$missing $f"
done
[ -x "$P/bin/errcat" ] || missing="$missing (bin/errcat not executable)"
if [ -z "$missing" ]; then ok "every file installed under DESTDIR/PREFIX"; else
    echo "missing:$missing" >"$LOG"
    find "$STAGE" >>"$LOG"
    bad "every file installed under DESTDIR/PREFIX" "$LOG"
fi
if [ -e "$PREFIX" ]; then bad "nothing written outside DESTDIR"; else ok "nothing written outside DESTDIR"; fi

# A template the tree no longer has must not survive a reinstall: it would
# become an output of every build.
touch "$P/share/errcat/templates/c/stale.h.mustache"
make --no-print-directory install B="$B" PREFIX="$PREFIX" DESTDIR="$STAGE" >"$LOG" 2>&1
if [ -e "$P/share/errcat/templates/c/stale.h.mustache" ]; then
    bad "a reinstall removes templates that are no longer shipped"
else
    ok "a reinstall removes templates that are no longer shipped"
fi

# The installed errcat finds the installed templates by itself.
installed() { env -u ERRCAT_TEMPLATES "$P/bin/errcat" "$@"; }
check "installed errcat --version" installed --version
check "installed errcat lists the installed targets" sh -c \
    'env -u ERRCAT_TEMPLATES "$1/bin/errcat" targets | grep -q "<id>/openapi/<id>.openapi.json"' \
    sh "$P"
if installed build spec/swap.yaml -o "$T/out" --depfile "$T/dep.d" >"$LOG" 2>&1; then
    ok "installed errcat builds spec/swap.yaml"
    # Its templates came from the install, none from this tree.
    if grep -q 'mustache' "$T/dep.d" && ! grep 'mustache' "$T/dep.d" |
        grep -vqF -e "$P/bin/../share/errcat/templates/" -e "$P/share/errcat/templates/"; then
        ok "the templates used are the installed ones"
    else
        bad "the templates used are the installed ones" "$T/dep.d"
    fi
    ERRCAT_TEMPLATES=$(pwd)/templates "$ERRCAT" build spec/swap.yaml -o "$T/ref" >"$LOG" 2>&1
    check "installed errcat writes what the built one writes" diff -r --exclude=.errcat "$T/ref" "$T/out"
else
    bad "installed errcat builds spec/swap.yaml" "$LOG"
fi

# The man page: renders without a warning, and documents every option.
check "groff -man -ww: gen/errcat.1 has no warning" sh -c \
    'out=$(groff -man -Tutf8 -ww -z "$1" 2>&1); [ -z "$out" ] || { echo "$out"; exit 1; }' sh gen/errcat.1
check "man -l: gen/errcat.1 renders without a warning" sh -c \
    'out=$(MANWIDTH=80 man --warnings -l "$1" 2>&1 >/dev/null); [ -z "$out" ] || { echo "$out"; exit 1; }' \
    sh gen/errcat.1
v=$("$ERRCAT" --version | cut -d' ' -f2)
if grep -q "^\.TH ERRCAT 1 .*\"errcat $v\"" gen/errcat.1; then ok "the man page is of errcat $v"; else
    grep '^\.TH' gen/errcat.1 >"$LOG"
    bad "the man page is of errcat $v" "$LOG"
fi
MANWIDTH=80 man -M "$P/share/man" errcat >"$T/man.txt" 2>"$LOG"
if grep -q "errcat - compile an error catalog" "$T/man.txt"; then
    ok "man -M PREFIX/share/man errcat shows the installed page"
else
    bad "man -M PREFIX/share/man errcat shows the installed page" "$LOG"
fi
undocumented=
for o in $("$ERRCAT" --help | grep -oE '(^|[ [])--?[a-z][a-z-]*' | tr -d ' [' | sort -u); do
    grep -qe "$o" "$T/man.txt" || undocumented="$undocumented $o"
done
for s in EXIT STATUS FILES EXAMPLES "SEE ALSO" SYNOPSIS DESCRIPTION COMMANDS OPTIONS; do
    grep -q "^$s" "$T/man.txt" || grep -q "^[A-Z ]*$s" "$T/man.txt" || undocumented="$undocumented section:$s"
done
if [ -z "$undocumented" ]; then ok "the man page has every option of --help and every section"; else
    echo "missing:$undocumented" >"$LOG"
    bad "the man page has every option of --help and every section" "$LOG"
fi

# find_package(errcat) with a version, from the installed prefix.
mkdir -p "$T/ver"
cat >"$T/ver/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(version_check NONE)
find_package(errcat 0.1 REQUIRED)
find_package(errcat 99 QUIET)
if(errcat_FOUND)
  message(FATAL_ERROR "find_package(errcat 99) accepted errcat ${errcat_VERSION}")
endif()
message(STATUS "found errcat ${PACKAGE_VERSION}")
CMAKE
check "find_package(errcat 0.1) finds it, find_package(errcat 99) does not" \
    cmake -S "$T/ver" -B "$T/ver/b" -DCMAKE_PREFIX_PATH="$P"

# The CMake example, against the installed module and errcat.
if command -v ninja >/dev/null 2>&1; then gen=Ninja; else gen="Unix Makefiles"; fi
sh tests/integration/cmake/test.sh "$gen" "$ERRCAT" "$P" | sed 's/^\(ok  \|FAIL\) /&install: /'
