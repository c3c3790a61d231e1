#!/bin/sh
# Installs what `make` (deps.sh build) or `make test` (deps.sh test) needs
# and is missing: Debian packages with apt-get (as root), npm packages into
# tests/node_modules from the pinned tests/package-lock.json. Silent and
# quick when everything is there.
set -eu
cd "$(dirname "$0")/.."

# "command-or-file package" pairs: a package is installed when its probe is
# missing from the machine.
build_needs="cc:gcc make:make /usr/include/yaml.h:libyaml-dev"
test_needs="/usr/include/cmocka.h:libcmocka-dev valgrind:valgrind node:nodejs npm:npm
clang:clang /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev
g++:g++ clang-format:clang-format /usr/bin/time:time python3:python3
msgfmt:gettext compile_et:comerr-dev /usr/include/et/com_err.h:comerr-dev"

needs=$build_needs
[ "${1:-build}" = test ] && needs="$build_needs $test_needs"

missing=
for pair in $needs; do
    probe=${pair%%:*}
    pkg=${pair#*:}
    case $probe in
    /*) [ -e "$probe" ] && continue ;;
    *) command -v "$probe" >/dev/null 2>&1 && continue ;;
    esac
    missing="$missing $pkg"
done

if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "errcat: missing packages:$missing; install them (as root: apt-get install$missing)" >&2
        exit 1
    fi
    echo "errcat: installing$missing" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ "${1:-build}" = test ] && [ -f tests/package-lock.json ]; then
    # npm ci is slow even when nothing changed: rerun only on a lock change.
    if ! cmp -s tests/package-lock.json tests/node_modules/.errcat-lock 2>/dev/null; then
        echo "errcat: installing npm packages into tests/node_modules" >&2
        (cd tests && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
        cp tests/package-lock.json tests/node_modules/.errcat-lock
    fi
fi
