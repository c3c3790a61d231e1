# shellcheck shell=sh disable=SC2034
# The Go toolchain of the binding tests, sourced by tests/bindings/go/run.sh
# and tests/clients/run.sh: Debian's golang-go, installed as root when the
# go command is missing, and an environment in which nothing is ever fetched
# (the packages use the standard library only). Leaves toolchain_missing
# empty when go is at hand.
toolchain_missing=
if ! command -v go >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "go: installing golang-go" >&2
    toolchain_log=$(mktemp)
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go; } \
        >"$toolchain_log" 2>&1 || cat "$toolchain_log" >&2
    rm -f "$toolchain_log"
fi
command -v go >/dev/null 2>&1 || toolchain_missing=" go (apt-get install golang-go)"
export GOTOOLCHAIN=local GOPROXY=off GOFLAGS='' GO111MODULE=on GOWORK=off
