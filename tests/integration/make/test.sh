#!/bin/sh
# The plain Makefile example (Makefile here, sources in ../example/): builds
# it with ERRCAT, edits the catalog and checks what each make redid.
#   sh tests/integration/make/test.sh ERRCAT
# One line per check: "ok   make: …" or "FAIL make: …".
# shellcheck disable=SC2034,SC1091 # the variables rebuild.sh (sourced) reads
set -u
here=$(cd "$(dirname "$0")" && pwd)
ERRCAT=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
SRC=$T/src
mkdir -p "$SRC"
cp -R "$here/../example/." "$here/Makefile" "$SRC/"

NAME="make"
build() { make -C "$SRC" --no-print-directory ERRCAT="$ERRCAT"; }
idle_ok() { grep -q "'lookup' is up to date" "$1"; }
STAMP=$SRC/gen/errcat.stamp
GEN_C=$SRC/gen/shop/c/shop_errors.c
GEN_H=$SRC/gen/shop/c/shop_errors.h
OBJ_GEN=$SRC/gen/shop/c/shop_errors.o
OBJ_MAIN=$SRC/main.o
OBJ_OTHER=$SRC/other.o
EXE=$SRC/lookup

. "$here/../rebuild.sh"
scenario
