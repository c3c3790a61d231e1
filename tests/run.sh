#!/bin/sh
# errcat's test driver: every group of `make test`, one line per check, and
# a closing line "N passed, M failed". Run from the repository root by make.
#   tests/run.sh [GROUP...]   groups: unit mustache diag cli golden real l10n import schema seeds c
#                             bindings clients site integration readme hostile
#                             evolution reliability fresh bazel asan tsan leak
#                             fuzz
#                             (default: all)
set -u
B=${B:-build}
ERRCAT=${ERRCAT:-$B/errcat}
DATA=tests/data
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
TALLY="errcat tests"
. tests/tally.sh

# Unit tests: one cmocka executable per gen/ module.
group_unit() {
    for t in "$B"/test/test_*; do
        [ -x "$t" ] || continue
        check "unit $(basename "$t")" "$t"
    done
}

# The official Mustache suite through the library and through `errcat render`.
group_mustache() {
    check "mustache spec (library)" "$B/test/spec_runner" "$DATA/mustache-spec/specs"
    check "mustache spec (errcat render)" "$B/test/spec_runner" --cli "$ERRCAT" \
        "$DATA/mustache-spec/specs"
}

# Diagnostics: a bad catalog in, its exact stderr and exit status out, and
# no output written.
group_diag() {
    for y in tests/diag/*.yaml; do
        case=${y%.yaml}
        [ -f "$case.stderr" ] || continue
        want=1
        [ -f "$case.exit" ] && want=$(cat "$case.exit")
        rm -rf "$T/out"
        "$ERRCAT" build "$y" -o "$T/out" >"$T/stdout" 2>"$T/stderr"
        got=$?
        if [ "$got" != "$want" ]; then
            echo "exit status $got, expected $want" >"$T/why"
            cat "$T/stderr" >>"$T/why"
            bad "diag $(basename "$case")" "$T/why"
        elif ! diff -u "$case.stderr" "$T/stderr" >"$T/why"; then
            bad "diag $(basename "$case")" "$T/why"
        elif [ -e "$T/out" ]; then
            echo "output was written:" >"$T/why"
            find "$T/out" >>"$T/why"
            bad "diag $(basename "$case")" "$T/why"
        else
            ok "diag $(basename "$case")"
        fi
    done
}

# Command-line errors: usage, missing files, exit statuses.
group_cli() {
    check "command line (tests/diag/cli.sh)" sh tests/diag/cli.sh "$ERRCAT"
}

# Golden outputs: tests/golden/<case>/catalog.yaml builds into expected/,
# with the targets listed in <case>/targets and the user templates of
# <case>/templates when present.
group_golden() {
    for dir in tests/golden/*; do
        [ -f "$dir/catalog.yaml" ] || continue
        name=$(basename "$dir")
        rm -rf "$T/golden"
        opts=
        [ -f "$dir/targets" ] && opts="-t $(cat "$dir/targets")"
        [ -d "$dir/templates" ] && opts="$opts --templates $dir/templates"
        # shellcheck disable=SC2086
        if ! "$ERRCAT" build "$dir/catalog.yaml" -o "$T/golden" $opts >"$T/log" 2>&1; then
            bad "golden $name" "$T/log"
        elif diff -ru --exclude=.errcat "$dir/expected" "$T/golden" >"$T/log" 2>&1; then
            ok "golden $name"
        else
            bad "golden $name" "$T/log"
        fi
    done
    check "produce then classify gives back each code (tests/templates/roundtrip.py)" \
        python3 tests/templates/roundtrip.py tests/golden/*/expected/*/vectors/vectors.json \
        out/*/vectors/vectors.json
    # templates/README.md documents every block of the built-in templates
    # and every key of the view the golden catalogs make, and no other.
    check "templates/README.md lists the blocks (tests/templates/blocks.py)" \
        python3 tests/templates/blocks.py templates
    rm -rf "$T/views"
    for c in tests/golden/*/catalog.yaml; do
        "$ERRCAT" build "$c" -t view -o "$T/views" >"$T/log" 2>&1 || bad "view of $c" "$T/log"
    done
    check "templates/README.md lists the view's keys (tests/templates/view_keys.py)" \
        python3 tests/templates/view_keys.py templates/README.md "$T"/views/*/view/view.json
}

# Real catalogs: tests/real/postgres.py checks the build of PostgreSQL's
# SQLSTATEs (the golden case tests/golden/postgres) against the errcodes.txt
# it was made from.
# Localization: CLDR's plural rules and locale negotiation (tests/l10n/run.sh).
group_l10n() {
    check "localization (tests/l10n/run.sh)" env B="$B" sh tests/l10n/run.sh
}

group_real() {
    rm -rf "$T/real"
    if ! "$ERRCAT" build tests/golden/postgres/catalog.yaml -o "$T/real" -t json >"$T/log" 2>&1; then
        bad "real postgres: build" "$T/log"
        return
    fi
    check "real postgres: catalog is errcodes.txt" python3 tests/real/postgres.py check \
        "$T/real/postgres/json/postgres.json"
    # google.rpc.Code (tests/golden/grpc): every code, name, message and
    # HTTP status as code.proto says.
    if "$ERRCAT" build tests/golden/grpc/catalog.yaml -o "$T/real" -t json >"$T/log" 2>&1; then
        check "real google.rpc.Code: catalog is code.proto" python3 tests/import/normalized.py \
            proto "$T/real/grpc/json/grpc.json" "$DATA/real-catalogs/grpc-code/normalized.json"
    else
        bad "real google.rpc.Code: build" "$T/log"
    fi
    # Each real catalog builds through every target (the other groups check
    # each target's output: its toolchain, the vectors, OpenAPI, the docs).
    for real in postgres github stripe grpc; do
        rm -rf "$T/real_all"
        check "real $real: builds through every target" \
            "$ERRCAT" build "tests/golden/$real/catalog.yaml" -o "$T/real_all"
    done
    python3 tests/real/postgres.py write >"$T/real/catalog.yaml"
    check "real postgres: catalog.yaml is what postgres.py writes" \
        diff -u tests/golden/postgres/catalog.yaml "$T/real/catalog.yaml"
}

# errcat import: each importer's real file (the krb5 tables against
# compile_et's own output and, through -t com_err, one program built against
# both; errcodes.txt against the golden postgres catalog), the imported
# catalogs pass `errcat check` and are the same bytes run after run; then
# the importers' and com_err's diagnostics (tests/diag/import/<format>/:
# CASE.in imported, its stderr and exit status compared, nothing written on
# an error; com_err/CASE.yaml built with -t com_err).
group_import() {
    R=$DATA/real-catalogs
    for et in "$R"/krb5-com_err/*.et; do
        name=$(basename "$et" .et)
        check "import et $name: compile_et's codes, and its program against -t com_err" \
            sh tests/import/et.sh "$ERRCAT" "$et" "$T/et_$name"
    done
    rm -rf "$T/imp" && mkdir -p "$T/imp"
    # shellcheck disable=SC2086
    set -- "et $R/krb5-com_err/krb5_err.et $R/krb5-com_err/kv5m_err.et $R/krb5-com_err/k5e1_err.et" \
        "postgres $R/postgres-errcodes/errcodes.txt --id postgres" \
        "mc $R/nssm-mc/messages.mc" "proto $R/grpc-code/code.proto"
    for args in "$@"; do
        fmt=${args%% *}
        # shellcheck disable=SC2086
        if ! "$ERRCAT" import $args -o "$T/imp/$fmt.yaml" >"$T/log" 2>&1 ||
            ! "$ERRCAT" import $args >"$T/imp/$fmt.again.yaml" 2>>"$T/log"; then
            bad "import $fmt" "$T/log"
            continue
        fi
        check "import $fmt: passes errcat check" "$ERRCAT" check "$T/imp/$fmt.yaml"
        # On standard output a source's other languages are left out (their
        # PO files go beside a catalog written with -o): the catalog less
        # its locales section.
        sed '/^locales:$/,/^  translations:/d' "$T/imp/$fmt.yaml" >"$T/imp/$fmt.nolocales.yaml"
        check "import $fmt: the same bytes twice, to a file and to stdout" \
            cmp "$T/imp/$fmt.nolocales.yaml" "$T/imp/$fmt.again.yaml"
    done
    # The .mc file's French and Italian texts: PO files beside the catalog,
    # which gettext reads and errcat's checks pass (two translations that
    # drop an insert of their English message are left out, with a warning).
    for tag in fr it; do
        check "import mc: locales/$tag.po passes msgfmt --check" \
            msgfmt --check -o /dev/null "$T/imp/locales/$tag.po"
        check "import mc: locales/$tag.po translates 204 of the 205 messages" \
            sh -c "[ \$(grep -c '^msgctxt ' '$T/imp/locales/$tag.po') = 204 ]"
    done
    if "$ERRCAT" build "$T/imp/mc.yaml" -t json -o "$T/imp/mcl" >"$T/log" 2>&1; then
        check "import mc: the French text of a message" python3 -c "
import json, sys
d = json.load(open('$T/imp/mcl/messages/json/messages.json', encoding='utf-8'))
c = [c for c in d['domains'][0]['codes'] if c['name'] == 'NSSM_MESSAGE_NOT_ADMINISTRATOR_CANNOT_INSTALL'][0]
t = {x['locale']: x for x in c['translations']}
sys.exit(t['fr']['message'] != \"Les droits d'administrateur sont requis pour installer un service.\")"
    else
        bad "import mc: build with its locales" "$T/log"
    fi
    if "$ERRCAT" build "$T/imp/postgres.yaml" -t json -o "$T/imp/out" >"$T/log" 2>&1 &&
        "$ERRCAT" build tests/golden/postgres/catalog.yaml -t json -o "$T/imp/golden" >"$T/log" 2>&1; then
        check "import postgres: the golden postgres case's codes, names, aliases and classes" \
            python3 tests/import/same_codes.py "$T/imp/golden/postgres/json/postgres.json" \
            "$T/imp/out/postgres/json/postgres.json"
        check "import postgres: as errcodes.txt says (tests/real/postgres.py)" \
            python3 tests/real/postgres.py check "$T/imp/out/postgres/json/postgres.json"
    else
        bad "import postgres: build" "$T/log"
    fi
    # The real files with a normalized.json: every code, name, message and
    # status as it says (tests/import/normalized.py: what each importer
    # makes of the source's spelling).
    for fmt_dir in mc:nssm-mc:messages proto:grpc-code:code; do
        fmt=${fmt_dir%%:*} dir=${fmt_dir#*:} id=${fmt_dir##*:}
        dir=${dir%%:*}
        if "$ERRCAT" build "$T/imp/$fmt.yaml" -t json -o "$T/imp/$fmt.out" >"$T/log" 2>&1; then
            check "import $fmt: every code, name, message and status as $dir/normalized.json says" \
                python3 tests/import/normalized.py "$fmt" "$T/imp/$fmt.out/$id/json/$id.json" \
                "$R/$dir/normalized.json"
        else
            bad "import $fmt: build" "$T/log"
        fi
    done
    # OpenAPI: a hand-kept document (YAML) imported as expected, and
    # errcat's own openapi target (JSON) of the spec and golden catalogs
    # imported again gives back their statuses and codes.
    if "$ERRCAT" import openapi tests/import/openapi/orders.yaml -o "$T/imp/orders.yaml" \
        2>"$T/imp/orders.stderr"; then
        check "import openapi: orders.yaml as expected" \
            diff -u tests/import/openapi/orders.expected.yaml "$T/imp/orders.yaml"
        check "import openapi: orders.yaml's warnings as expected" \
            diff -u tests/import/openapi/orders.expected.stderr "$T/imp/orders.stderr"
    else
        bad "import openapi orders.yaml" "$T/imp/orders.stderr"
    fi
    for api in out/*/openapi/*.openapi.json tests/golden/*/expected/*/openapi/*.openapi.json; do
        id=$(basename "$api" .openapi.json)
        case $api in
        out/*) cat=spec/$id.yaml ;;
        *) cat=${api%%/expected/*}/catalog.yaml ;;
        esac
        w=$T/imp/rt_$id
        rm -rf "$w" && mkdir -p "$w"
        if "$ERRCAT" import openapi "$api" --id "$id" -o "$w/imported.yaml" >"$T/log" 2>&1 &&
            "$ERRCAT" build "$cat" -t json -o "$w/orig" >"$T/log" 2>&1 &&
            "$ERRCAT" build "$w/imported.yaml" -t json -o "$w/imp" >"$T/log" 2>&1; then
            check "import openapi round trip: $id's statuses and codes" \
                python3 tests/import/openapi_roundtrip.py "$w/orig/$id/json/$id.json" \
                "$w/imp/$id/json/$id.json"
        else
            bad "import openapi round trip: $id" "$T/log"
        fi
    done
    # MySQL: a sample written for the tests from the format's grammar
    # (MySQL's own file is GPL), imported as expected.
    mkdir -p "$T/imp/mysql"
    if "$ERRCAT" import mysql tests/import/mysql/errmsg-sample.txt -o "$T/imp/mysql/mysql.yaml" \
        2>"$T/imp/mysql.stderr"; then
        check "import mysql: errmsg-sample.txt as expected" \
            diff -u tests/import/mysql/errmsg-sample.expected.yaml "$T/imp/mysql/mysql.yaml"
        check "import mysql: errmsg-sample.txt's warnings as expected" \
            diff -u tests/import/mysql/errmsg-sample.expected.stderr "$T/imp/mysql.stderr"
        # Its German and French messages: PO files beside the catalog.
        for tag in de fr; do
            check "import mysql: locales/$tag.po as expected" \
                diff -u "tests/import/mysql/errmsg-sample.expected.$tag.po" \
                "$T/imp/mysql/locales/$tag.po"
            check "import mysql: locales/$tag.po passes msgfmt --check" \
                msgfmt --check -o /dev/null "$T/imp/mysql/locales/$tag.po"
        done
        check "import mysql: passes errcat check" "$ERRCAT" check "$T/imp/mysql/mysql.yaml"
    else
        bad "import mysql errmsg-sample.txt" "$T/imp/mysql.stderr"
    fi
    check "import --help lists every format" sh -c \
        "for f in et postgres mc proto openapi mysql; do '$ERRCAT' import --help | grep -q \"^ *\$f \" || exit 1; done"
    for case in tests/diag/import/*/*.in tests/diag/import/com_err/*.yaml; do
        [ -f "$case" ] || continue
        dir=$(dirname "$case")
        fmt=$(basename "$dir")
        base=${case%.*}
        name="import diag $fmt/$(basename "$base")"
        want=1
        [ -f "$base.exit" ] && want=$(cat "$base.exit")
        rm -rf "$T/dout"
        if [ "$fmt" = com_err ]; then
            "$ERRCAT" build "$case" -t com_err -o "$T/dout" >"$T/stdout" 2>"$T/stderr"
        else
            "$ERRCAT" import "$fmt" "$case" -o "$T/dout" >"$T/stdout" 2>"$T/stderr"
        fi
        got=$?
        if [ "$got" != "$want" ]; then
            { echo "exit status $got, expected $want"; cat "$T/stderr"; } >"$T/why"
            bad "$name" "$T/why"
        elif ! diff -u "$base.stderr" "$T/stderr" >"$T/why"; then
            bad "$name" "$T/why"
        elif [ "$got" != 0 ] && [ -e "$T/dout" ]; then
            echo "output was written" >"$T/why"
            bad "$name" "$T/why"
        else
            ok "$name"
        fi
    done
}

# Every catalog validates against spec/errcat.schema.json, and the schema
# knows exactly the keys the loader accepts.
group_schema() {
    check "schema validates every catalog" node tests/schema/validate.mjs \
        spec/*.yaml spec/common/*.yaml tests/golden/*/*.yaml
    check "schema keys equal loader keys" "$B/test/schema_keys" spec/errcat.schema.json
}

# Every status, code, header and best-practice hint of the seed documents
# is in the compiled catalogs.
group_seeds() {
    check "seed documents fully encoded (tests/seeds/check.mjs)" node tests/seeds/check.mjs \
        "$DATA/seeds"
}

# The strict compile matrix of one catalog's C: C99 and C11 with gcc and
# clang, C++17 with g++, and clang-format.
c_matrix() {
    id=$1 dir=$2 src=$3
    for cc in gcc clang; do
        for std in c99 c11; do
            # shellcheck disable=SC2086
            check "c $id: $cc -std=$std" $cc -std=$std $strict -c "$src" -o "$T/x.o"
        done
    done
    check "c $id: g++ -std=c++17" g++ -std=c++17 -Wall -Wextra -Werror -pedantic -x c++ \
        -c "$src" -o "$T/x.o"
    check "c $id: clang-format" clang-format --style=file --dry-run -Werror \
        "$src" "$dir/${id}_errors.h"
}

# The C target: every catalog's C compiles without a warning as C99, C11
# and C++17 with gcc and clang, is clang-format clean, and answers its
# conformance vectors.
group_c() {
    strict="-Wall -Wextra -Werror -pedantic -Wconversion -Wshadow -Wstrict-prototypes"
    for dir in out/*/c tests/golden/*/expected/*/c; do
        id=$(basename "$(dirname "$dir")")
        src=$dir/${id}_errors.c
        # Under the asan group the same sources and compilers would say the
        # same again: only the conformance run differs there.
        [ -n "${SANITIZE:-}" ] || c_matrix "$id" "$dir" "$src"
        upper=$(echo "$id" | tr a-z A-Z)
        # shellcheck disable=SC2086
        # A catalog with classes has their lookups, which the test then checks.
        classes=
        grep -q '_lookup_class(' "$dir/${id}_errors.h" && classes=-DCLASSES
        grep -q '_produce_in(' "$dir/${id}_errors.h" && classes="$classes -DLOCALES"
        if cc -std=c11 -O1 -g $strict ${SANITIZE:+-fsanitize=address,undefined} -Wno-conversion -Igen -I"$dir" -DCAT="$id" -DCATU="$upper" $classes \
            -include "${id}_errors.h" -o "$T/conformance" tests/c/conformance.c "$src" \
            "$B/liberrcat.a" -lyaml -lm -pthread >"$T/log" 2>&1; then
            check "c $id: conformance vectors" "$T/conformance" "$(dirname "$dir")/vectors/vectors.json"
        else
            bad "c $id: conformance build" "$T/log"
        fi
    done
    # These two run under the sanitizers already.
    [ -z "${SANITIZE:-}" ] || return 0
    # What the vectors cannot send: bodies that are not strict JSON, escapes,
    # keys sent twice, nesting, array paths, values filled from the body,
    # header conditions (tests/c/classify_edges.c), under ASan/UBSan.
    github=tests/golden/github/expected/github/c
    if cc -std=c11 -O1 -g $strict -fsanitize=address,undefined -fno-sanitize-recover=undefined \
        -Iout/swap/c -I$github -o "$T/edges" tests/c/classify_edges.c out/swap/c/swap_errors.c \
        $github/github_errors.c >"$T/log" 2>&1; then
        check "c swap: classify edges" "$T/edges"
    else
        bad "c swap: classify edges build" "$T/log"
    fi
    # Translations: negotiation as gen/locale.c decides it, texts and their
    # fallbacks (tests/c/locales.c, on the golden catalog shop).
    shop=tests/golden/shop/expected/shop/c
    if cc -std=c11 -O1 -g $strict -Wno-conversion -fsanitize=address,undefined \
        -fno-sanitize-recover=undefined -Igen -I"$shop" -o "$T/c_locales" tests/c/locales.c \
        "$shop/shop_errors.c" "$B/liberrcat.a" -lyaml -lm -pthread >"$T/log" 2>&1; then
        check "c shop: locales" "$T/c_locales"
    else
        bad "c shop: locales build" "$T/log"
    fi
}

# Real HTTP clients: every binding classifies the responses of a local
# server as its language's standard client hands them over, headers in each
# shape, all with the same answers (tests/clients/run.sh).
group_clients() {
    check "real HTTP clients (tests/clients/run.sh)" sh tests/clients/run.sh
    grep -E '^clients: [0-9]+ passed' "$T/log" | sed 's/^/  /'
}

# The Markdown reference and the HTML site: tables keep their shape, hostile
# text stays text, and the pages work in headless Chromium (search, links,
# no request elsewhere, axe-core clean).
group_site() {
    check "doc site and Markdown (tests/site/run.sh)" sh tests/site/run.sh
    grep -E '^(site:|screenshots:)' "$T/log" | sed 's/^/  /'
}

# The language bindings, each with its own toolchain (type checker,
# formatter, tests) against every catalog's conformance vectors.
group_bindings() {
    for lang in python typescript go rust; do
        [ -f "tests/bindings/$lang/run.sh" ] || { bad "bindings $lang: no tests/bindings/$lang/run.sh"; continue; }
        check "bindings $lang (tests/bindings/$lang/run.sh)" sh "tests/bindings/$lang/run.sh"
        grep -E "^$lang: [0-9]+ passed" "$T/log" | sed 's/^/  /'
    done
}

# README.md's snippets, each run in a harness of its language with the
# toolchains of the bindings and integration groups, which run first
# (tests/readme/run.sh).
group_readme() {
    check "README.md snippets (tests/readme/run.sh)" sh tests/readme/run.sh
    grep -E '^readme: [0-9]+ passed' "$T/log" | sed 's/^/  /'
}

# out/ is what errcat makes of spec/ now, and the tests read nothing from
# outside the repository (what they need from elsewhere is in tests/data/).
group_fresh() {
    if grep -rIn --exclude-dir=node_modules --exclude-dir=data -e '\.\./shared' \
        tests Makefile .ci >"$T/log" 2>&1; then
        bad "tests read a folder beside the repository" "$T/log"
    else
        ok "tests read nothing beside the repository"
    fi
    rm -rf "$T/fresh"
    for c in spec/*.yaml; do
        "$ERRCAT" build "$c" -o "$T/fresh" >"$T/log" 2>&1 || { bad "fresh build $c" "$T/log"; return; }
    done
    "$ERRCAT" index spec/*.yaml -o "$T/fresh" >"$T/log" 2>&1 || { bad "fresh index" "$T/log"; return; }
    if diff -r --exclude='.*' out "$T/fresh" >"$T/log" 2>&1; then
        ok "out/ matches spec/"
    else
        bad "out/ matches spec/ (run make)" "$T/log"
    fi
}

# Determinism, atomic writes, failure modes (tests/reliability/run.sh).
group_reliability() {
    check "reliability (determinism, atomic writes, failures)" sh tests/reliability/run.sh "$ERRCAT"
}

# Build integration and the openapi target: OpenAPI 3.1 validation, the
# CMake module and a plain Makefile rebuilding only what changed, make
# install, the man page.
group_integration() {
    check "build integration and openapi (tests/integration/run.sh)" sh tests/integration/run.sh
    grep -E '^integration: ' "$T/log" | sed 's/^/  /'
}

# Hostile strings in every field, through every target and toolchain: the
# outputs compile and format clean, and every binding returns each string
# byte for byte as the JSON holds it.
group_hostile() {
    check "hostile strings (tests/hostile/run.sh)" sh tests/hostile/run.sh "$ERRCAT"
    grep -E '^hostile: ' "$T/log" | sed 's/^/  /'
}

# Catalog evolution: errcat diff on pairs of catalogs (every kind of
# change, text, JSON and Markdown, approvals, git sides) and errcat lint.
group_evolution() {
    check "diff and lint (tests/evolution/run.sh)" sh tests/evolution/run.sh "$ERRCAT"
    grep -E '^evolution: ' "$T/log" | sed 's/^/  /'
}

# The Bazel rules (bazel/errcat.bzl) with Debian's Bazel, offline: README.md's
# BUILD file builds, a clean output base is all cache hits, an edit reruns
# exactly its dependents; and errcat's hermeticity, which they rely on.
group_bazel() {
    check "Bazel rules and hermeticity (tests/bazel/run.sh)" sh tests/bazel/run.sh
    grep -E '^bazel: ' "$T/log" | sed 's/^/  /'
}

# Fuzzing, bounded: each harness for FUZZ_SECONDS (default 10) in CI.
group_fuzz() {
    check "fuzzing (tests/fuzz/run.sh)" sh tests/fuzz/run.sh "${FUZZ_SECONDS:-10}"
    sed -n 's/^fuzz [a-z_]*: .*executions.*/  &/p' "$T/log"
}

# The unit, diagnostic and golden groups again with errcat built with
# AddressSanitizer and UndefinedBehaviorSanitizer.
group_asan() {
    A=$B/asan
    if [ ! -x "$A/errcat" ]; then
        bad "asan build missing (make asan)"
        return
    fi
    ERRCAT_TEMPLATES=$(pwd)/templates SANITIZE=1 B=$A ERRCAT=$A/errcat ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
        UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        sh tests/run.sh unit diag cli golden mustache c >"$T/asan" 2>&1
    status=$?
    tail -1 "$T/asan" | sed 's/^/asan: /'
    if [ $status = 0 ]; then ok "asan+ubsan suite"; else bad "asan+ubsan suite" "$T/asan"; fi
}

# ThreadSanitizer on builds of every spec catalog, every target on four
# threads: the targets share the catalog and its view, and must share
# nothing else. errcat built with clang (or cc) -fsanitize=thread in $B/tsan.
group_tsan() {
    cc=$(command -v clang || command -v cc)
    mkdir -p "$B/tsan"
    if ! "$cc" -std=c11 -O1 -g -fsanitize=thread -o "$B/tsan/errcat" gen/*.c -lyaml -lm -pthread \
        >"$T/log" 2>&1; then
        bad "tsan build ($cc -fsanitize=thread)" "$T/log"
        return
    fi
    for c in spec/*.yaml; do
        rm -rf "$T/tsan"
        check "tsan build $(basename "$c") -j 4" env ERRCAT_TEMPLATES="$(pwd)/templates" \
            TSAN_OPTIONS=halt_on_error=1:exitcode=66 "$B/tsan/errcat" build "$c" -o "$T/tsan" -j 4
    done
}

# valgrind on a full build of every spec catalog.
group_leak() {
    for c in spec/*.yaml; do
        rm -rf "$T/vg"
        check "valgrind build $(basename "$c")" valgrind -q --error-exitcode=9 \
            --leak-check=full --errors-for-leak-kinds=all "$ERRCAT" build "$c" -o "$T/vg"
    done
}

groups=${*:-unit mustache diag cli golden real l10n import schema seeds c bindings clients site integration readme hostile evolution reliability fresh bazel asan tsan leak fuzz}
# Each group's wall time goes to stderr, so that CI shows where its
# minutes go (the suite must stay well under 20 on two cores).
for g in $groups; do
    start=$(date +%s)
    "group_$g"
    echo "time $g: $(($(date +%s) - start)) s" >&2
done
summary
