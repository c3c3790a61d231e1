#!/bin/sh
# Builds errcat's libFuzzer harnesses and the generated C's classify and
# produce of four catalogs (clang, ASan + UBSan) and runs each
# for SECONDS, from corpora seeded with the repository's catalogs, templates
# and the Mustache suite. A crash leaves its input in build/fuzz/ and fails.
# Prints "fuzz: N passed, M failed". Usage: sh tests/fuzz/run.sh [SECONDS]
set -u
SECONDS_EACH=${1:-60}
ROOT=$(pwd)
F=${B:-build}/fuzz
mkdir -p "$F"
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
LIBSAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
libstatus=0
SRCS=$(ls gen/*.c | grep -v gen/main.c)
pass=0
fail=0

seed() { # seed CORPUS FILES...: copy seed files once
    dir=$1
    shift
    mkdir -p "$dir"
    for f in "$@"; do
        [ -f "$f" ] && cp "$f" "$dir/seed-$(echo "$f" | tr '/' '_')"
    done
}
seed "$F/corpus_catalog" spec/*.yaml spec/common/*.yaml tests/diag/*.yaml tests/golden/*/*.yaml \
    tests/fuzz/regressions/*.yaml
seed "$F/corpus_template" templates/*/*.mustache tests/golden/override/templates/*/*.mustache
seed "$F/corpus_render_data" tests/data/mustache-spec/specs/*.json spec/*.yaml
seed "$F/corpus_inline" spec/*.yaml tests/hostile/hostile.yaml tests/golden/grpc/catalog.yaml
seed "$F/corpus_import" tests/data/real-catalogs/*/*.et tests/data/real-catalogs/*/*.txt \
    tests/data/real-catalogs/*/*.mc tests/data/real-catalogs/*/*.proto tests/diag/import/*/*.in \
    tests/import/openapi/*.yaml out/swap/openapi/swap.openapi.json tests/import/mysql/*.txt

# run NAME BIN DICT: runs a harness from its corpus $F/corpus_NAME, in the
# background, two at a time (the machines have two cores); its verdict
# goes to $F/verdict_NAME, which `verdicts` reads once all are done.
running=0
run() {
    if [ "$running" -ge 2 ]; then
        wait
        running=0
    fi
    running=$((running + 1))
    # -timeout: an input that runs 10 s counts as a hang.
    (
        if "$2" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 \
            -dict="$3" -artifact_prefix="$F/crash_${1}_" -print_final_stats=1 \
            "$F/corpus_$1" >"$F/run_$1.log" 2>&1; then
            runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$F/run_$1.log" | grep -o '[0-9]*$')
            echo "fuzz $1: ${runs:-?} executions in ${SECONDS_EACH}s, no crash"
        else
            echo "FAIL fuzz $1: see $F/run_$1.log"
            grep -E 'ERROR|SUMMARY|Test unit written' "$F/run_$1.log" | head -10 | sed 's/^/     | /'
        fi
    ) >"$F/verdict_$1" &
}

verdicts() {
    wait
    for v in "$F"/verdict_*; do
        [ -f "$v" ] || continue
        cat "$v"
        if grep -q '^FAIL' "$v"; then fail=$((fail + 1)); else pass=$((pass + 1)); fi
    done
}

# built NAME LOG: whether the build that wrote LOG worked (else counts it).
built() {
    [ "$2" = 0 ] && return 0
    echo "FAIL fuzz $1: build"
    sed 's/^/     | /' "$F/build_$1.log" | head -20
    fail=$((fail + 1))
    return 1
}

# errcat's own sources, compiled once for every harness (instrumented for
# libFuzzer, which only the harnesses' link adds).
rm -f "$F"/verdict_*
mkdir -p "$F/obj"
objs=
for c in $SRCS; do objs="$objs $F/obj/$(basename "$c" .c).o"; done
# shellcheck disable=SC2086
printf '%s\n' $SRCS | F=$F LIBSAN=$LIBSAN xargs -P 2 -n 1 sh -c \
    'clang -std=c11 -g -O1 $LIBSAN -Igen -c "$0" -o "$F/obj/$(basename "$0" .c).o"' \
    >"$F/build_lib.log" 2>&1 || libstatus=1
for h in catalog template render_data import inline; do
    bin=$F/fuzz_$h
    cp "$F/build_lib.log" "$F/build_$h.log"
    # shellcheck disable=SC2086
    [ "$libstatus" = 0 ] && clang -std=c11 -g -O1 $SAN -Igen -DEC_TEMPLATES="\"$ROOT/templates\"" \
        -o "$bin" "tests/fuzz/fuzz_$h.c" \
        $objs -lyaml -lm -pthread 2>>"$F/build_$h.log"
    status=$?
    dict=tests/fuzz/yaml.dict
    if [ "$h" = import ]; then dict=tests/fuzz/import.dict; fi
    if [ "$h" = inline ]; then dict=tests/fuzz/inline.dict; fi
    built "$h" $status && run "$h" "$bin" "$dict"
done

# The generated C's classify and produce, of a catalog of symbolic codes
# (swap), one of numeric codes with fallbacks and ranges (ultra), one whose
# codes sit in arrays and whose policies read headers (github) and one with
# a secondary domain and parameters read from the body (stripe); classify
# seeded with the bodies and headers of their conformance vectors.
for id in swap ultra github stripe; do
    h=classify_$id
    dir=out/$id/c
    [ -d "$dir" ] || dir=tests/golden/$id/expected/$id/c
    mkdir -p "$F/corpus_$h"
    python3 - "$dir/../vectors/vectors.json" "$F/corpus_$h" <<'PY'
import json, sys
for i, q in enumerate(json.load(open(sys.argv[1]))["classify"]):
    head = bytes([q["status"] & 255, q["status"] >> 8 & 1, q["attempt"]])
    lines = "".join(f"{k}:{v}\n" for k, v in q["headers"].items())
    body = json.dumps(q["body"]) if q["body"] is not None else ""
    with open(f"{sys.argv[2]}/seed-{i}", "wb") as f:
        f.write(head + (lines + "\n" + body).encode())
PY
    # A catalog with locales has its classify_message_in, which it checks too.
    locales=
    grep -q '_classify_message_in(' "$dir/${id}_errors.h" && locales=-DLOCALES
    # shellcheck disable=SC2086
    clang -std=c11 -g -O1 $SAN -Wall -Wextra -Werror -I"$dir" -DCAT="$id" $locales \
        -DCATU="$(echo "$id" | tr a-z A-Z)" -include "${id}_errors.h" -o "$F/fuzz_$h" \
        tests/fuzz/fuzz_classify.c "$dir/${id}_errors.c" 2>"$F/build_$h.log"
    built "$h" $? && run "$h" "$F/fuzz_$h" tests/fuzz/json.dict

    # Its produce: any entry, form, clock, arguments and echo fields, seeded
    # with the first few entries, every form, none to two arguments and the
    # echo fields of the catalog's vectors.
    h=produce_$id
    mkdir -p "$F/corpus_$h"
    python3 - "$dir/../vectors/vectors.json" "$F/corpus_$h" <<'PY'
import json, sys
echo = {}
for q in json.load(open(sys.argv[1]))["produce"]:
    if q.get("expect") and "echo" in q:
        heads = {name for name, _ in q["expect"]["headers"]}
        for k, v in q["echo"].items():
            echo[k] = v if k in heads else json.dumps(v)
pairs = [t.encode() for kv in echo.items() for t in kv]
for i in range(12):
    for form in range(3):
        for nargs in range(3):
            head = bytes([i, 0, form, 3 if form == 1 else 2]) + (1765000000).to_bytes(8, "big")
            texts = [b"/requests/7"] + [b"12", b"true"][:nargs] + pairs
            with open(f"{sys.argv[2]}/seed-{i}-{form}-{nargs}", "wb") as f:
                f.write(head + b"\0".join(texts))
PY
    # shellcheck disable=SC2086
    clang -std=c11 -g -O1 $SAN -Wall -Wextra -Werror -I"$dir" -DCAT="$id" \
        -include "${id}_errors.h" -o "$F/fuzz_$h" \
        tests/fuzz/fuzz_produce.c "$dir/${id}_errors.c" 2>"$F/build_$h.log"
    built "$h" $? && run "$h" "$F/fuzz_$h" tests/fuzz/json.dict
done
verdicts
echo "fuzz: $pass passed, $fail failed"
[ "$fail" = 0 ]
