#!/bin/sh
# Tests the Go target: every catalog's package (out/*/go, and the packages
# of the golden and edge catalogs built here) is gofmt-clean, passes go vet
# and answers its conformance vectors (conformance_test.go) and its own
# tests (cases/<id>_test.go, where there is one). Runs in a temporary
# directory; installs Go from Debian when it is missing.
# Usage, from the repository root: sh tests/bindings/go/run.sh
# Prints one line per failure and closes with "go: N passed, M failed".
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
    echo "FAIL go $1"
    [ $# -gt 1 ] && [ -s "$2" ] && sed 's/^/     | /' "$2" | head -40
    return 0
}

. "$HERE/toolchain.sh"
. "$HERE/../two_at_once.sh"
if [ -n "$toolchain_missing" ]; then
    echo "go: missing$toolchain_missing" >&2
    echo "go: 0 passed, 1 failed"
    exit 1
fi
[ -n "${HOME:-}" ] || export GOCACHE="$T/gocache"

# The catalogs: out/ as make leaves it, plus catalogs that exercise what the
# spec catalogs do not (every golden case and edge.yaml), built here with the
# current templates.
if ! sh "$ROOT/tests/bindings/catalogs.sh" "$ERRCAT" "$T/extra" go "$HERE"/*.yaml >"$T/log" 2>&1; then
    bad "errcat build of the golden and edge catalogs" "$T/log"
fi

# One package's checks, run by two_at_once (two at a time, one per core).
check_package() {
    dir=$1
    base=$(dirname "$dir")
    id=$(basename "$base")
    pkg=$(sed -n 's|^module errcat.example/||p' "$dir/go.mod")
    work=$T/pkg/$id
    mkdir -p "$work"
    cp "$dir"/* "$work"/
    sed "s/catalogerrors/$pkg/g" "$HERE/conformance_test.go" >"$work/conformance_test.go"
    if grep -q '^func LookupClass' "$dir/catalog.go"; then
        sed "s/catalogerrors/$pkg/g" "$HERE/classes_test.go" >"$work/classes_test.go"
    fi
    # A catalog's own tests (cases/<id>_test.go), for what its vectors
    # leave out.
    [ -f "$HERE/cases/${id}_test.go" ] && cp "$HERE/cases/${id}_test.go" "$work/"
    if grep -q '^func Negotiate' "$dir/classify.go"; then
        sed "s/catalogerrors/$pkg/g" "$HERE/l10n_test.go" >"$work/l10n_test.go"
    fi

    unformatted=$(cd "$dir" && gofmt -l .)
    if [ -n "$unformatted" ]; then
        (cd "$dir" && gofmt -d .) >"$T/log" 2>&1
        bad "$id: gofmt -l lists $unformatted" "$T/log"
    else
        pass=$((pass + 1))
    fi
    if (cd "$work" && go vet ./...) >"$T/log" 2>&1; then
        pass=$((pass + 1))
    else
        bad "$id: go vet" "$T/log"
    fi
    rm -f "$T/result"
    (cd "$work" && ERRCAT_VECTORS="$base/vectors/vectors.json" ERRCAT_RESULT="$T/result" \
        go test -count=1 ./...) >"$T/log" 2>&1
    status=$?
    if [ ! -s "$T/result" ]; then
        bad "$id: go test (no vectors run)" "$T/log"
        return
    fi
    read -r p f <"$T/result"
    pass=$((pass + p))
    fail=$((fail + f))
    if [ "$f" != 0 ] || [ "$status" != 0 ]; then
        [ "$f" = 0 ] && fail=$((fail + 1))
        echo "FAIL go $id: go test: $f of $((p + f)) vectors failed"
        sed 's/^/     | /' "$T/log" | head -60
    elif [ -n "${VERBOSE:-}" ]; then
        echo "ok   go $id: $p vectors"
    fi
}

set --
for dir in "$ROOT"/out/*/go "$T"/extra/*/go; do
    [ -f "$dir/go.mod" ] && set -- "$@" "$dir"
done
two_at_once check_package "$@"
echo "go: $pass passed, $fail failed"
[ "$fail" = 0 ]
