# shellcheck shell=sh disable=SC2034
# The Rust toolchain of the binding tests, sourced by
# tests/bindings/rust/run.sh and tests/clients/run.sh: cargo (rustup's when
# installed, else Debian's cargo and rustfmt, installed as root), offline.
# Sets clippy=yes when cargo clippy runs. Leaves toolchain_missing empty when
# cargo is at hand.
toolchain_missing=
for d in "${HOME:-/root}/.cargo/bin" /root/.cargo/bin; do
    [ -x "$d/cargo" ] && PATH=$d:$PATH && break
done
export PATH
if ! command -v cargo >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "rust: installing Debian's cargo and rustfmt" >&2
    toolchain_log=$(mktemp)
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cargo rustfmt; } \
        >"$toolchain_log" 2>&1 || cat "$toolchain_log" >&2
    rm -f "$toolchain_log"
fi
command -v cargo >/dev/null 2>&1 || toolchain_missing=" cargo (apt-get install cargo)"
clippy=
cargo clippy --version >/dev/null 2>&1 && clippy=yes
export CARGO_NET_OFFLINE=true
