#!/bin/sh
# Builds errcat's libFuzzer harnesses (clang, ASan + UBSan) and runs each
# for SECONDS, from corpora seeded with the repository's catalogs, templates
# and the Mustache suite. A crash leaves its input in build/fuzz/ and fails.
# Prints "fuzz: N passed, M failed". Usage: sh tests/fuzz/run.sh [SECONDS]
set -u
SECONDS_EACH=${1:-60}
ROOT=$(pwd)
F=${B:-build}/fuzz
mkdir -p "$F"
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
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
seed "$F/corpus_catalog" spec/*.yaml spec/common/*.yaml tests/diag/*.yaml tests/golden/*/*.yaml
seed "$F/corpus_template" templates/*/*.mustache tests/golden/override/templates/*/*.mustache
seed "$F/corpus_render_data" tests/data/mustache-spec/specs/*.json spec/*.yaml

for h in catalog template render_data; do
    bin=$F/fuzz_$h
    # shellcheck disable=SC2086
    if ! clang -std=c11 -g -O1 $SAN -Igen -DEC_TEMPLATES="\"$ROOT/templates\"" \
        -o "$bin" "tests/fuzz/fuzz_$h.c" $SRCS -lyaml -lm -pthread 2>"$F/build_$h.log"; then
        echo "FAIL fuzz $h: build"
        sed 's/^/     | /' "$F/build_$h.log" | head -20
        fail=$((fail + 1))
        continue
    fi
    # -timeout: an input that runs 10 s counts as a hang.
    if "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 \
        -dict=tests/fuzz/yaml.dict -artifact_prefix="$F/crash_${h}_" -print_final_stats=1 \
        "$F/corpus_$h" >"$F/run_$h.log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$F/run_$h.log" | grep -o '[0-9]*$')
        echo "fuzz $h: ${runs:-?} executions in ${SECONDS_EACH}s, no crash"
        pass=$((pass + 1))
    else
        echo "FAIL fuzz $h: see $F/run_$h.log"
        grep -E 'ERROR|SUMMARY|Test unit written' "$F/run_$h.log" | head -10 | sed 's/^/     | /'
        fail=$((fail + 1))
    fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" = 0 ]
