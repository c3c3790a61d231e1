# shellcheck shell=sh disable=SC2034
# The TypeScript toolchain of the binding tests, sourced from the repository
# root by tests/bindings/typescript/run.sh and tests/clients/run.sh: node and
# npm (Debian's, installed as root when missing), and the npm packages pinned
# in tests/bindings/typescript/package-lock.json (tsc, prettier, @types/node),
# installed when node_modules is absent or the lock changed. Leaves
# toolchain_missing empty when all is at hand, else saying what is not.
toolchain_missing=
command -v node >/dev/null 2>&1 || toolchain_missing="$toolchain_missing nodejs"
command -v npm >/dev/null 2>&1 || toolchain_missing="$toolchain_missing npm"
if [ -n "$toolchain_missing" ] && [ "$(id -u)" = 0 ]; then
    echo "installing$toolchain_missing" >&2
    # shellcheck disable=SC2086
    apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            $toolchain_missing >/dev/null
    toolchain_missing=
    command -v node >/dev/null 2>&1 || toolchain_missing="$toolchain_missing nodejs"
    command -v npm >/dev/null 2>&1 || toolchain_missing="$toolchain_missing npm"
fi
# npm ci is slow even when nothing changed: rerun it only on a lock change.
if [ -z "$toolchain_missing" ] && ! cmp -s tests/bindings/typescript/package-lock.json \
    tests/bindings/typescript/node_modules/.errcat-lock 2>/dev/null; then
    echo "installing the npm packages of tests/bindings/typescript" >&2
    if (cd tests/bindings/typescript && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
        cp tests/bindings/typescript/package-lock.json tests/bindings/typescript/node_modules/.errcat-lock
    else
        toolchain_missing=" the npm packages (npm ci in tests/bindings/typescript failed)"
    fi
fi
