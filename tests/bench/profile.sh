#!/bin/sh
# profile.sh [N]: where errcat spends its time on the N-code benchmark
# catalog (default 100000). Builds a copy of errcat with frame pointers in
# build/bench/prof (the Makefile's own rules, with another B and CFLAGS),
# records `perf record -g` of `errcat check`, `build -t json`, `build -t c`,
# `build` (all targets), a no-op rebuild and, when bench.py has made it
# (its translations section), `build` of bench_l10n.yaml (5 locales, `l10n`),
# and writes for each
#   build/bench/prof/<run>.self.txt   functions by their own time
#   build/bench/prof/<run>.incl.txt   functions by time including callees
# and prints the top of each. Needs perf (Debian linux-perf) and root or
# kernel.perf_event_paranoid <= 1. Not part of `make bench`.
set -eu
cd "$(dirname "$0")/../.."
N=${1:-100000}
B=build/bench
P=$B/prof
command -v perf >/dev/null 2>&1 || { echo "profile: perf is missing (apt-get install linux-perf)" >&2; exit 1; }
make -s B=$P CFLAGS="-O2 -g -fno-omit-frame-pointer" $P/errcat
[ -f $B/n$N/bench.yaml ] || python3 tests/bench/gen_catalog.py $B "$N"
ERRCAT_TEMPLATES=$PWD/templates
export ERRCAT_TEMPLATES
E=$PWD/$P/errcat
cd $B/n$N
rm -rf prof-out-json prof-out-c prof-out-all prof-out-l10n
runs="check json c all noop"
[ -f bench_l10n.yaml ] && runs="$runs l10n"
for run in $runs; do
    case $run in
    check) set -- "$E" check bench.yaml ;;
    json | c) set -- "$E" build bench.yaml -o prof-out-$run -t $run ;;
    all | noop) set -- "$E" build bench.yaml -o prof-out-all ;;
    l10n) set -- "$E" build bench_l10n.yaml -o prof-out-l10n ;;
    esac
    perf record -q -F 999 -g -o "../prof/$run.data" -- "$@" >/dev/null 2>&1
    perf report -i "../prof/$run.data" --no-children --stdio --percent-limit 0.5 -g none \
        2>/dev/null | grep -v '^#' | grep -v '^$' >"../prof/$run.self.txt" || true
    perf report -i "../prof/$run.data" --children --stdio --percent-limit 2 -g none \
        2>/dev/null | grep -v '^#' | grep -v '^$' >"../prof/$run.incl.txt" || true
    echo "== $run: self"
    head -15 "../prof/$run.self.txt"
    echo "== $run: including callees (errcat's functions)"
    grep ' errcat ' "../prof/$run.incl.txt" | grep -v '\[k\]' | head -25
done
