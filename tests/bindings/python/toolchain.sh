# shellcheck shell=sh disable=SC2034
# The Python toolchain of the binding tests, sourced from the repository root
# by tests/bindings/python/run.sh and tests/clients/run.sh: mypy and black,
# installed from Debian (as root) when missing. Leaves toolchain_missing
# empty when both are at hand, else naming the missing ones.
toolchain_missing=
for tool in mypy black; do
    command -v "$tool" >/dev/null 2>&1 || toolchain_missing="$toolchain_missing $tool"
done
if [ -n "$toolchain_missing" ] && [ "$(id -u)" = 0 ]; then
    echo "installing$toolchain_missing" >&2
    # shellcheck disable=SC2086
    apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            $toolchain_missing >/dev/null
    toolchain_missing=
    for tool in mypy black; do
        command -v "$tool" >/dev/null 2>&1 || toolchain_missing="$toolchain_missing $tool"
    done
fi
