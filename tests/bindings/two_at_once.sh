# tests/bindings/two_at_once.sh: sourced by a binding suite (after it sets
# T, pass and fail) to check its catalogs two at a time, one per core.
#   two_at_once FUNC DIR...   runs FUNC DIR for each DIR (a catalog's
#                             out/<id>/<lang> folder), two at once, each in a
#                             subshell whose T is a folder of its own and
#                             whose pass and fail start at 0; then prints what
#                             each printed, in the order given, and adds
#                             their pass and fail to the suite's
# shellcheck shell=sh
two_at_once() {
    func=$1
    shift
    running=0
    for dir in "$@"; do
        if [ "$running" -ge 2 ]; then
            wait
            running=0
        fi
        running=$((running + 1))
        (
            run=$T/runs.$(basename "$(dirname "$dir")")
            T=$T/runs/$(basename "$(dirname "$dir")")
            mkdir -p "$T"
            pass=0
            fail=0
            "$func" "$dir" >"$run.out" 2>&1
            echo "$pass $fail" >"$run.tally"
        ) &
    done
    wait
    for dir in "$@"; do
        run=$T/runs.$(basename "$(dirname "$dir")")
        cat "$run.out"
        read -r p f <"$run.tally" || { p=0 f=1; }
        pass=$((pass + p))
        fail=$((fail + f))
    done
}
