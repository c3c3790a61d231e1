#!/bin/sh
# The CMake example (CMakeLists.txt here, sources in ../example/): configures
# it with a generator, builds, edits the catalog and checks what each build
# redid.
#   sh tests/integration/cmake/test.sh GENERATOR ERRCAT [PREFIX]
# GENERATOR is "Ninja" or "Unix Makefiles". Without PREFIX the project
# includes gen/errcat.cmake of this tree and runs ERRCAT; with PREFIX it
# finds an installed errcat there with find_package(errcat).
# One line per check: "ok   cmake (GENERATOR): …" or "FAIL …".
# shellcheck disable=SC2034,SC1091 # the variables rebuild.sh (sourced) reads
set -u
here=$(cd "$(dirname "$0")" && pwd)
GENERATOR=$1
ERRCAT=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
PREFIX=${3:-}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
SRC=$T/src
B=$T/build
mkdir -p "$SRC"
cp -R "$here/../example/." "$here/CMakeLists.txt" "$SRC/"

NAME="cmake ($GENERATOR${PREFIX:+, installed})"
if [ -n "$PREFIX" ]; then
    set -- -DCMAKE_PREFIX_PATH="$PREFIX"
else
    set -- -DERRCAT_MODULE="$here/../../../gen/errcat.cmake" -DERRCAT_EXECUTABLE="$ERRCAT"
fi
if cmake -S "$SRC" -B "$B" -G "$GENERATOR" "$@" >"$T/configure.log" 2>&1; then
    echo "ok   $NAME: configure"
else
    echo "FAIL $NAME: configure"
    sed 's/^/     | /' "$T/configure.log" | tail -30
    exit 1
fi
if grep -q "errcat generates: $B/errcat/shop/c/shop_errors.c;$B/errcat/shop/c/shop_errors.h" \
    "$T/configure.log"; then
    echo "ok   $NAME: the generated files are known at configure time"
else
    echo "FAIL $NAME: the generated files are known at configure time"
    sed 's/^/     | /' "$T/configure.log" | tail -30
fi
if [ -n "$PREFIX" ]; then
    if grep -q "errcat program: $PREFIX/bin/errcat\$" "$T/configure.log"; then
        echo "ok   $NAME: find_package(errcat) finds the installed errcat"
    else
        echo "FAIL $NAME: find_package(errcat) finds the installed errcat"
        sed 's/^/     | /' "$T/configure.log" | tail -30
    fi
fi

build() { cmake --build "$B"; }
case $GENERATOR in
Ninja) idle_ok() { grep -q "no work to do" "$1"; } ;;
*) idle_ok() { ! grep -Eq "errcat:|Building|Linking|Re-running" "$1"; } ;;
esac
STAMP=$B/shop_errors.errcat-stamp
GEN_C=$B/errcat/shop/c/shop_errors.c
GEN_H=$B/errcat/shop/c/shop_errors.h
OBJ_GEN=$B/CMakeFiles/shop_errors.dir/errcat/shop/c/shop_errors.c.o
OBJ_MAIN=$B/CMakeFiles/lookup.dir/main.c.o
OBJ_OTHER=$B/CMakeFiles/lookup.dir/other.c.o
EXE=$B/lookup

. "$here/../rebuild.sh"
scenario

# The second errcat_generate of CMakeLists.txt: the openapi and json targets
# into docs/, kept up to date by the build.
if grep -q '"Sold out"' "$B/docs/shop/openapi/shop.problem-types.json" 2>/dev/null &&
    [ -f "$B/docs/shop/json/shop.json" ]; then
    echo "ok   $NAME: a target without C (TARGETS openapi json) is built and kept fresh"
else
    echo "FAIL $NAME: a target without C (TARGETS openapi json) is built and kept fresh"
    find "$B/docs" 2>&1 | sed 's/^/     | /' | head -20
fi
