#!/bin/sh
# Runs the browser tests of the html and markdown targets (site.test.mjs), installing what
# they need and is missing: Debian's chromium, node and npm (as root), and the npm packages
# pinned in tests/site/package-lock.json into tests/site/node_modules (again whenever the
# lock changes). Run from anywhere; `make test` runs it from the repository root.
#   ERRCAT   the errcat to test (default: $B/errcat, B defaulting to build)
#   SITE_OUT where the screenshots go (default: tests/site/out)
set -eu
cd "$(dirname "$0")"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

missing=
[ -x "$CHROMIUM" ] || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "site: missing packages:$missing; install them (as root: apt-get install$missing)" >&2
        exit 1
    fi
    echo "site: installing$missing" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# npm ci is slow even when nothing changed: rerun only on a lock change. playwright-core
# never downloads a browser; the variable only makes sure of it.
if ! cmp -s package-lock.json node_modules/.errcat-lock 2>/dev/null; then
    echo "site: installing npm packages into tests/site/node_modules" >&2
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null
    cp package-lock.json node_modules/.errcat-lock
fi

cd ../..
ERRCAT=${ERRCAT:-${B:-build}/errcat} CHROMIUM=$CHROMIUM node tests/site/site.test.mjs
CHROMIUM=$CHROMIUM node tests/site/index.test.mjs
