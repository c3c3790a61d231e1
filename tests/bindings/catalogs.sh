#!/bin/sh
# Builds the catalogs that a binding suite tests besides out/: every golden
# case (tests/golden/*/catalog.yaml, with its user templates when it has
# some, as tests/run.sh builds it), so that a new case is covered by every
# binding without a word here, and the suite's own CATALOG.yaml files.
#   sh tests/bindings/catalogs.sh ERRCAT OUT TARGET [CATALOG.yaml...]
# writes OUT/<id>/TARGET and OUT/<id>/vectors for each. Exits 1, saying
# why, when a catalog does not build or has the id of another one or of a
# spec catalog in out/ (the suites test both, and one would hide the
# other); the others are built all the same.
#   ERRCAT_CASES=DIR[:DIR...]   more folders shaped like a golden case
# (catalog.yaml, and templates/ when it has some), built as the golden
# cases are: how a suite tests a binding from a user's templates.
set -u
errcat=$1
out=$2
target=$3
shift 3
root=$(cd "$(dirname "$0")/../.." && pwd)
golden=$root/tests/golden
one=$(mktemp -d)
trap 'rm -rf "$one"' EXIT INT TERM
mkdir -p "$out"
status=0
cases=
if [ -n "${ERRCAT_CASES:-}" ]; then
    cases=$(printf '%s\n' "$ERRCAT_CASES" | tr ':' '\n' | sed 's|$|/catalog.yaml|')
    for c in $cases; do
        [ -f "$c" ] || { echo "$c: no such file (ERRCAT_CASES)"; status=1; }
    done
fi
# shellcheck disable=SC2086
for catalog in "$golden"/*/catalog.yaml $cases "$@"; do
    [ -f "$catalog" ] || continue
    templates=
    # A case (golden or ERRCAT_CASES) brings its templates; the suite's own
    # catalogs have none.
    if [ "$(basename "$catalog")" = catalog.yaml ] && [ -d "$(dirname "$catalog")/templates" ]; then
        templates=$(dirname "$catalog")/templates
    fi
    rm -rf "$one/out"
    if ! "$errcat" build "$catalog" -o "$one/out" -t "$target" -t vectors \
        ${templates:+--templates "$templates"}; then
        echo "$catalog: errcat build failed"
        status=1
        continue
    fi
    for built in "$one"/out/*; do
        id=$(basename "$built")
        if [ -e "$out/$id" ] || [ -e "$root/out/$id" ]; then
            echo "$catalog: another catalog has the id $id"
            status=1
        else
            mv "$built" "$out/$id"
        fi
    done
done
exit $status
