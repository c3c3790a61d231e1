#!/bin/sh
# Tests the Rust target: every catalog's crate (out/*/rust, and the crates
# of the golden and edge catalogs built here) is rustfmt-clean, builds with
# -D warnings, passes clippy and rustdoc, and answers its
# conformance vectors (conformance.rs, an integration test). Runs in a
# temporary directory, offline; installs Debian's cargo when there is none.
# Usage, from the repository root: sh tests/bindings/rust/run.sh
# Prints one line per failure and closes with "rust: N passed, M failed".
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
ERRCAT=${ERRCAT:-$ROOT/${B:-build}/errcat}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0
bad() {
    fail=$((fail + 1))
    echo "FAIL rust $1"
    [ $# -gt 1 ] && [ -s "$2" ] && sed 's/^/     | /' "$2" | head -40
    return 0
}
check() { # check NAME CMD...: passes when CMD exits 0
    name=$1
    shift
    if "$@" >"$T/log" 2>&1; then pass=$((pass + 1)); else bad "$name" "$T/log"; fi
}

. "$HERE/toolchain.sh"
. "$HERE/../two_at_once.sh"
if [ -n "$toolchain_missing" ]; then
    echo "rust: missing$toolchain_missing" >&2
    echo "rust: 0 passed, 1 failed"
    exit 1
fi
# A linter that is not there is a failure, not a skip.
[ -n "$clippy" ] || bad "cargo clippy is not installed (rustup component add clippy, or Debian's rust-clippy)"
export RUSTFLAGS="-D warnings"
# Catalog prose is not Markdown: its bare URLs and <words> are left alone.
export RUSTDOCFLAGS="-D warnings -A rustdoc::bare_urls -A rustdoc::invalid_html_tags"

# The catalogs: out/ as make leaves it, plus catalogs that exercise what the
# spec catalogs do not (every golden case and Go's edge.yaml), built here with
# the current templates.
if ! sh "$ROOT/tests/bindings/catalogs.sh" "$ERRCAT" "$T/extra" rust \
    "$ROOT/tests/bindings/go/edge.yaml" >"$T/log" 2>&1; then
    bad "errcat build of the golden and edge catalogs" "$T/log"
fi

# One crate's checks, run by two_at_once (two at a time: each rustc keeps
# about one core busy), with a cargo target of its own.
check_crate() {
    dir=$1
    export CARGO_TARGET_DIR="$T/target"
    base=$(dirname "$dir")
    id=$(basename "$base")
    crate=$(sed -n 's/^name = "\(.*\)"$/\1/p' "$dir/Cargo.toml" | tr - _)
    work=$T/crates/$id
    mkdir -p "$work/tests"
    cp "$dir"/* "$work"/
    sed "s/catalog_errors/$crate/g" "$HERE/conformance.rs" >"$work/tests/conformance.rs"
    # The class lookups, which only a crate of a catalog with classes has.
    support=no_classes.rs
    grep -q '^pub fn lookup_class' "$dir/lib.rs" && support=classes.rs
    mkdir -p "$work/tests/support"
    sed "s/catalog_errors/$crate/g" "$HERE/support/$support" >"$work/tests/support/classes.rs"
    # The localization, which only a crate of a catalog with locales has.
    support=no_l10n.rs
    grep -q '^pub fn negotiate' "$dir/classify.rs" && support=l10n.rs
    sed "s/catalog_errors/$crate/g" "$HERE/support/$support" >"$work/tests/support/l10n.rs"
    cd "$work" || return

    check "$id: rustfmt --check" rustfmt --check --edition 2021 lib.rs tests/conformance.rs
    check "$id: cargo build (-D warnings)" cargo build --offline --quiet
    [ -n "$clippy" ] && check "$id: cargo clippy -D warnings" \
        cargo clippy --offline --quiet --all-targets -- -D warnings
    check "$id: cargo doc" cargo doc --offline --quiet --no-deps

    ERRCAT_VECTORS="$base/vectors/vectors.json" ERRCAT_RESULT="$T/result" \
        cargo test --offline --quiet >"$T/log" 2>&1
    status=$?
    cd "$ROOT" || return
    if [ ! -s "$T/result" ]; then
        bad "$id: cargo test (no vectors run)" "$T/log"
        return
    fi
    read -r p f <"$T/result"
    pass=$((pass + p))
    fail=$((fail + f))
    if [ "$f" != 0 ] || [ "$status" != 0 ]; then
        [ "$f" = 0 ] && fail=$((fail + 1))
        echo "FAIL rust $id: cargo test: $f of $((p + f)) vectors failed"
        sed 's/^/     | /' "$T/log" | head -60
    elif [ -n "${VERBOSE:-}" ]; then
        echo "ok   rust $id: $p vectors"
    fi
}

set --
for dir in "$ROOT"/out/*/rust "$T"/extra/*/rust; do
    [ -f "$dir/Cargo.toml" ] && set -- "$@" "$dir"
done
two_at_once check_crate "$@"
echo "rust: $pass passed, $fail failed"
[ "$fail" = 0 ]
