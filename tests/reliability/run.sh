#!/bin/sh
# errcat's guarantees, tested: output independent of the environment and of
# include order; no timestamps, host names or absolute paths in outputs;
# atomic, all-or-nothing writes (SIGKILL at many points, a full disk, an
# unwritable or impossible output path). Prints "reliability: N passed,
# M failed". Usage: sh tests/reliability/run.sh PATH_TO_ERRCAT
set -u
E=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(pwd)
R=tests/reliability
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL reliability: $1"
    [ -s "$T/why" ] && sed 's/^/     | /' "$T/why" | head -30
    : >"$T/why"
}

build_all() { # build_all OUTDIR: every spec catalog
    for c in "$ROOT"/spec/*.yaml; do
        "$E" build "$c" -o "$1" || return 1
    done
}

# 1. Same bytes whatever the time zone, locale, umask and working directory.
(cd "$T" && TZ=UTC LC_ALL=C umask 022 && build_all "$T/env1") >"$T/why" 2>&1 || bad "build (env 1)"
(cd / && TZ=Pacific/Chatham LC_ALL=C.UTF-8 LANG=de_DE.UTF-8 && umask 077 &&
    build_all "$T/env2") >"$T/why" 2>&1 || bad "build (env 2)"
if diff -r --exclude=.errcat "$T/env1" "$T/env2" >"$T/why" 2>&1; then ok; else bad "environment changes the output"; fi

# 2. The order of includes that define headers, policies and statuses does
#    not change a byte.
"$E" build $R/order/ab.yaml -o "$T/ab" >"$T/why" 2>&1 || bad "build include order a, b"
"$E" build $R/order/ba.yaml -o "$T/ba" >"$T/why" 2>&1 || bad "build include order b, a"
if diff -r --exclude=.errcat "$T/ab" "$T/ba" >"$T/why" 2>&1; then ok; else bad "include order changes the output"; fi

# 3. No absolute path or date of the build in any output, and no call in
#    errcat's sources that could put a time, a host name or the working
#    folder there.
if grep -nE '\b(time|gettimeofday|clock_gettime|localtime|gmtime|strftime|gethostname|uname|getcwd|getenv)\(' \
    "$ROOT"/gen/*.c | grep -v 'getenv("ERRCAT_TEMPLATES")\|getenv("ERRCAT_JOBS")' >"$T/why"; then
    bad "errcat's sources read the clock, the host or the environment"
else
    ok
fi
today=$(date +%Y-%m-%d)
for needle in "$ROOT" "$T" "$today"; do
    if [ -n "$needle" ] && grep -rlF --exclude-dir=.errcat "$needle" "$T/env1" >"$T/why" 2>&1; then
        bad "outputs mention '$needle'"
    else
        ok
    fi
done

# 4. SIGKILL at many points of a large build: every file is its old or its
#    new content, never a part; after a normal run no temporary is left.
python3 - "$T/big.yaml" "$T/big2.yaml" <<'PY'
import sys
def cat(path, word):
    with open(path, "w") as f:
        f.write("errcat: 1\ncatalog: {id: big, title: Big}\nstatuses:\n  - {status: 400, title: Bad Request}\n")
        f.write("domains:\n  - id: d\n    codes:\n")
        for i in range(6000):
            f.write("      - {code: %d, name: E%d, status: 400, message: '%s %d ${x}', "
                    "params: {x: {}}}\n" % (i * 7, i, word, i))
cat(sys.argv[1], "Old")
cat(sys.argv[2], "New")
PY
if ! "$E" build "$T/big.yaml" -o "$T/old" -t json,c,vectors >"$T/why" 2>&1 ||
    ! "$E" build "$T/big2.yaml" -o "$T/new" -t json,c,vectors >"$T/why" 2>&1; then
    bad "building the large catalogs"
    echo "reliability: $pass passed, $fail failed"
    exit 1
fi
kills=0
partial=0
for delay in 0.01 0.03 0.05 0.08 0.1 0.13 0.16 0.2 0.25 0.3 0.35 0.4; do
    rm -rf "$T/out" && cp -r "$T/old" "$T/out"
    "$E" build "$T/big2.yaml" -o "$T/out" -t json,c,vectors >/dev/null 2>&1 &
    pid=$!
    sleep $delay
    kill -9 $pid 2>/dev/null && kills=$((kills + 1))
    wait $pid 2>/dev/null
    for f in $(cd "$T/old" && find . -type f); do
        if ! cmp -s "$T/out/$f" "$T/old/$f" && ! cmp -s "$T/out/$f" "$T/new/$f"; then
            partial=$((partial + 1))
            echo "partial after kill at ${delay}s: $f" >>"$T/why"
        fi
    done
done
if [ "$partial" = 0 ]; then ok; else bad "a killed build left partial files"; fi
[ "$kills" -gt 0 ] || { echo "no build was still running when killed" >"$T/why"; bad "SIGKILL test killed nothing"; }
"$E" build "$T/big2.yaml" -o "$T/out" -t json,c,vectors >"$T/why" 2>&1 || bad "rebuild after kills"
if find "$T/out" -name '*.tmp-errcat-*' | grep -q .; then
    find "$T/out" -name '*.tmp-errcat-*' >"$T/why"
    bad "temporary files left after a normal run"
elif diff -r --exclude=.errcat "$T/out" "$T/new" >"$T/why" 2>&1; then ok; else bad "rebuild after kills differs"; fi

# 5. Failures leave the output folder as it was, say why and exit 2.
snapshot() { (cd "$1" && find . -type f -exec cksum {} + | sort); }
expect_fail() { # NAME WANT-IN-STDERR CMD...
    name=$1 want=$2
    shift 2
    before=$(snapshot "$T/out")
    "$@" >"$T/stdout" 2>"$T/stderr"
    status=$?
    after=$(snapshot "$T/out")
    if [ $status != 2 ]; then
        { echo "exit status $status, expected 2"; cat "$T/stderr"; } >"$T/why"
        bad "$name"
    elif ! grep -q "$want" "$T/stderr"; then
        { echo "stderr lacks '$want':"; cat "$T/stderr"; } >"$T/why"
        bad "$name"
    elif [ "$before" != "$after" ]; then
        echo "the output folder changed" >"$T/why"
        bad "$name"
    else
        ok
    fi
}
# A full disk: the file size limit makes write() fail with EFBIG part way.
expect_fail "full disk" "cannot write" sh -c "trap '' XFSZ; ulimit -f 64; exec '$E' build '$T/big.yaml' -o '$T/out' -t json,c,vectors"
touch "$T/afile"
expect_fail "output path is a file" "a file of that name exists" "$E" build "$T/big.yaml" -o "$T/afile/out"
expect_fail "unwritable output folder" "cannot" "$E" build "$T/big.yaml" -o /proc/errcat-out
expect_fail "missing catalog" "cannot read" "$E" build "$T/vanished.yaml" -o "$T/out"
# A catalog that vanishes while errcat runs: errcat reads each file once, at
# the start, so the build either never saw it (exit 2, untouched folder) or
# completes from what it read; never anything in between.
vanish_bad=0
for delay in 0 0.001 0.005 0.02 0.05; do
    cp "$T/big2.yaml" "$T/vanishing.yaml"
    before=$(snapshot "$T/out")
    "$E" build "$T/vanishing.yaml" -o "$T/out" -t json,c,vectors >"$T/stdout" 2>"$T/stderr" &
    pid=$!
    sleep $delay
    rm -f "$T/vanishing.yaml"
    wait $pid
    status=$?
    if [ $status = 2 ] && grep -q "cannot read" "$T/stderr" && [ "$(snapshot "$T/out")" = "$before" ]; then
        :
    elif [ $status = 0 ] && diff -r --exclude=.errcat "$T/out" "$T/new" >/dev/null 2>&1; then
        :
    else
        vanish_bad=$((vanish_bad + 1))
        { echo "after ${delay}s: exit $status"; cat "$T/stderr"; } >>"$T/why"
    fi
done
if [ "$vanish_bad" = 0 ]; then ok; else bad "a catalog that vanishes mid-build"; fi

# 6. --check compares and writes nothing; --depfile names every input.
"$E" build $R/order/ab.yaml -o "$T/chk" -t json,c --depfile "$T/chk.d" >"$T/why" 2>&1 || bad "build for --check"
if "$E" build $R/order/ab.yaml -o "$T/chk" -t json,c --check >"$T/stdout" 2>"$T/why" && [ ! -s "$T/stdout" ]; then
    ok
else
    bad "--check on fresh outputs"
fi
echo tampered >>"$T/chk/order/c/order_errors.h"
rm "$T/chk/order/json/order.json"
before=$(snapshot "$T/chk")
"$E" build $R/order/ab.yaml -o "$T/chk" -t json,c --check >"$T/stdout" 2>"$T/why"
status=$?
if [ $status = 1 ] && [ "$(snapshot "$T/chk")" = "$before" ] &&
    grep -q "^stale: $T/chk/order/c/order_errors.h$" "$T/stdout" &&
    grep -q "^stale: $T/chk/order/json/order.json$" "$T/stdout" &&
    [ "$(wc -l <"$T/stdout")" = 2 ]; then
    ok
else
    { echo "exit $status"; cat "$T/stdout"; } >"$T/why"
    bad "--check lists the stale and missing files, exits 1, writes nothing"
fi
for input in order/ab.yaml order/a.yaml order/b.yaml templates/c/{id}_errors.h.mustache; do
    if grep -qF "$input" "$T/chk.d"; then ok; else cp "$T/chk.d" "$T/why"; bad "depfile lacks $input"; fi
done
if head -1 "$T/chk.d" | grep -qxF "$T/chk/order/json/order.json \\"; then ok; else cp "$T/chk.d" "$T/why"; bad "depfile targets"; fi

# 7. Limits: hostile sizes are refused quickly; a million codes build.
truncate -s 100M "$T/huge.yaml"
if timeout 2 "$E" check "$T/huge.yaml" >/dev/null 2>"$T/why"; then
    bad "a 100 MB file was accepted"
elif ! grep -q "larger than the 64 MiB limit" "$T/why"; then
    bad "a 100 MB file: no size diagnostic"
else
    ok
fi
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
with open(t + "/deep.yaml", "w") as f:   # nesting far past the limit
    f.write("errcat: 1\ncatalog: " + "[" * 100000 + "]" * 100000 + "\n")
with open(t + "/bomb.yaml", "w") as f:   # billion laughs
    f.write("errcat: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
    for i in range(1, 10):
        f.write(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]\n")
PY
for f in deep bomb; do
    if timeout 1 "$E" check "$T/$f.yaml" >/dev/null 2>"$T/why"; then
        bad "$f.yaml was accepted"
    elif [ $? = 124 ]; then
        bad "$f.yaml took more than a second"
    else
        ok
    fi
done
# 8. Threads change no byte. Every spec catalog and the large one of test 4,
#    every target, built on one thread, on two and on three: the same files,
#    depfile, stdout, stderr and exit status. A build failing in two targets
#    reports on two threads what it reports on one (where one thread stops
#    at the first) and writes nothing; --check lists the same stale files.
jobs_build() { # jobs_build NAME CATALOG [options...]: into $T/jobs-<threads>/NAME
    name=$1 cat=$2
    shift 2
    for j in 1 2 3; do
        d=$T/jobs-$j/$name
        mkdir -p "$d"
        (cd "$d" && ERRCAT_JOBS=$j "$E" build "$cat" -o out --depfile out.d "$@" >stdout 2>stderr
            echo $? >status)
    done
    for j in 2 3; do
        if diff -r "$T/jobs-1/$name" "$T/jobs-$j/$name" -x .errcat >"$T/why" 2>&1; then
            ok
        else
            bad "$name: $j threads differ from one"
        fi
    done
}
for c in "$ROOT"/spec/*.yaml; do
    jobs_build "$(basename "$c" .yaml)" "$c"
done
jobs_build big "$T/big2.yaml" -t json,c,vectors,markdown,html,python,typescript,go,rust,openapi
grep -qx 0 "$T/jobs-2/big/status" && [ -s "$T/jobs-2/big/out/big/html/index.html" ] && ok ||
    { cat "$T/jobs-2/big/stderr" >"$T/why"; bad "big: the threaded build succeeds"; }
mkdir -p "$T/jobs-tpl/c" "$T/jobs-tpl/python"
printf 'x {{#open}}\n' >"$T/jobs-tpl/c/{id}_extra.h.mustache"
printf 'y {{/close}}\n' >"$T/jobs-tpl/python/extra.py.mustache"
jobs_build broken "$T/big2.yaml" -t json,c,vectors,python,markdown --templates "$T/jobs-tpl"
grep -qx 1 "$T/jobs-2/broken/status" && [ ! -e "$T/jobs-2/broken/out" ] &&
    grep -q 'extra.h.mustache' "$T/jobs-2/broken/stderr" && ok ||
    { cat "$T/jobs-2/broken/stderr" >"$T/why"; bad "broken: fails, writes nothing"; }
for j in 1 2 3; do # the built folder of "big", tampered with in two targets, then checked
    rm -rf "$T/jobs-$j/stale" && cp -r "$T/jobs-1/big" "$T/jobs-$j/stale"
    echo tampered >>"$T/jobs-$j/stale/out/big/python/big_errors.py"
    rm "$T/jobs-$j/stale/out/big/c/big_errors.h"
done
jobs_build stale "$T/big2.yaml" --check -t json,c,vectors,markdown,html,python,typescript,go,rust,openapi
[ "$(grep -c '^stale: ' "$T/jobs-2/stale/stdout")" = 2 ] && ok ||
    { cat "$T/jobs-2/stale/stdout" >"$T/why"; bad "stale: --check on two threads lists both files"; }
"$E" build "$T/big2.yaml" -o "$T/jobs-bad" -j 0 >/dev/null 2>"$T/why"
[ $? = 2 ] && ok || bad "-j 0 is a usage error"

# 9. Build stamps: a build whose outputs are up to date stops before it
#    parses anything, writes nothing, and replays its warnings; any change
#    to an input, an output, a template folder or errcat itself rebuilds.
S=$T/stamp
mkdir -p "$S/tpl/markdown"
cat >"$S/cat.yaml" <<'YAML'
errcat: 1
catalog: {id: st, title: Stamped}
domains:
  - id: d
    codes:
      - {code: 1, name: SELF, message: Failed}
      - {code: 2, name: B, message: Busy}
YAML
mtimes() { (cd "$S/out" && find . -path ./.errcat -prune -o -type f -printf '%T@ %p\n' | sort); }
stamp_build() { # stamp_build WANT(up|built) NAME [options...]
    want=$1 name=$2
    shift 2
    "$E" build "$S/cat.yaml" -o "$S/out" -v "$@" >"$S/stdout" 2>"$S/stderr"
    status=$?
    if [ $status != 0 ]; then
        { echo "exit status $status"; cat "$S/stderr"; } >"$T/why"
        bad "stamp: $name"
    elif [ "$want" = up ] && ! grep -q '^up to date: ' "$S/stdout"; then
        { echo "expected 'up to date', got:"; cat "$S/stdout"; } >"$T/why"
        bad "stamp: $name"
    elif [ "$want" = built ] && grep -q '^up to date: ' "$S/stdout"; then
        echo "the build was skipped" >"$T/why"
        bad "stamp: $name"
    else
        ok
    fi
}
stamp_build built "first build"
cp "$S/stderr" "$S/warnings"
grep -q "warning: name 'SELF'" "$S/warnings" || { cp "$S/warnings" "$T/why"; bad "stamp: the catalog warns"; }
before=$(mtimes)
sleep 0.05
stamp_build up "second build is a no-op"
[ "$(mtimes)" = "$before" ] || { echo "mtimes changed" >"$T/why"; bad "stamp: a no-op writes nothing"; }
cmp -s "$S/stderr" "$S/warnings" && ok || { cp "$S/stderr" "$T/why"; bad "stamp: a no-op replays the warnings"; }
touch "$S/cat.yaml"
stamp_build up "touching the catalog changes nothing"
sed -i 's/Busy/Busy now/' "$S/cat.yaml"
stamp_build built "an edited catalog rebuilds"
grep -q 'Busy now' "$S/out/st/json/st.json" && ok || bad "stamp: the edit reached the output"
stamp_build up "no-op after the edit"
"$E" build "$S/cat.yaml" -o "$S/out" --werror >"$S/stdout" 2>"$S/stderr"
[ $? = 1 ] && ok || { cp "$S/stderr" "$T/why"; bad "stamp: --werror never takes the shortcut"; }
cp "$S/out/st/json/st.json" "$S/json.orig"
echo '{}' >"$S/out/st/json/st.json"
stamp_build built "an output edited by hand is written again"
cmp -s "$S/out/st/json/st.json" "$S/json.orig" && ok || bad "stamp: the edited output is restored"
rm "$S/out/st/c/st_errors.h"
stamp_build built "a deleted output is written again"
[ -f "$S/out/st/c/st_errors.h" ] && ok || bad "stamp: the deleted output is restored"
# Same size, same time, other bytes: the stamp cannot see it; --check can.
sed 's/"Stamped"/"Stampe!"/' "$S/json.orig" >"$S/json.edit"
touch -r "$S/out/st/json/st.json" "$S/json.edit"
cp -p "$S/json.edit" "$S/out/st/json/st.json"
stamp_build up "an edit that keeps size and time"
"$E" build "$S/cat.yaml" -o "$S/out" --check >"$S/stdout" 2>&1
[ $? = 1 ] && grep -q "stale: .*st.json" "$S/stdout" && ok || { cp "$S/stdout" "$T/why"; bad "stamp: --check compares bytes"; }
stamp_build built "rebuild after the check" -t json,c,vectors,markdown,html,python,typescript,go,rust,openapi
stamp_build up "no-op after the check (targets named)" -t json,c,vectors,markdown,html,python,typescript,go,rust,openapi
stamp_build built "the default targets have a stamp of their own"
stamp_build up "no-op, every target by default"
printf '{{< builtin/{id}.md}}{{$title}}Overridden{{/title}}{{/builtin/{id}.md}}\n' >"$S/tpl/markdown/{id}.md.mustache"
stamp_build built "an override added to the templates folder rebuilds" --templates "$S/tpl"
stamp_build up "no-op with the templates folder" --templates "$S/tpl"
echo "extra" >"$S/tpl/markdown/_unused.mustache"
stamp_build built "a partial added to the templates folder rebuilds" --templates "$S/tpl"
cp "$E" "$S/errcat-copy"
"$S/errcat-copy" build "$S/cat.yaml" -o "$S/out" -v >"$S/stdout" 2>&1
grep -q '^up to date' "$S/stdout" && { cp "$S/stdout" "$T/why"; bad "stamp: another executable rebuilds"; } || ok
for f in "$S"/out/.errcat/*.stamp; do printf 'garbage' >"$f"; done
stamp_build built "a damaged stamp only costs a build"
stamp_build up "and is written again"
cp -r "$S/out" "$S/copy"
(cd "$S" && "$E" build cat.yaml -o copy -v >stdout 2>&1)
grep -q '^up to date' "$S/stdout" && { cp "$S/stdout" "$T/why"; bad "stamp: a copied folder (new times) rebuilds"; } || ok

python3 - "$T/million.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("errcat: 1\ncatalog: {id: million, title: A million codes}\n"
            "statuses:\n  - {status: 400, title: Bad Request}\n"
            "retry_policies:\n  p: {retry: always, delay: {default_ms: 50}}\ndomains:\n")
    f.write("  - id: num\n    codes:\n")
    for i in range(500000):
        f.write("      - {code: %d, name: E%d, status: 400, message: 'Error %d', retry: p}\n" % (i * 3, i, i))
    f.write("  - id: sym\n    code_type: string\n    codes:\n")
    for i in range(500000):
        f.write("      - {code: S%d, message: 'Symbolic %d'}\n" % (i, i))
PY
# The peak memory of a million-code JSON build; the README quotes it.
if /usr/bin/time -f %M -o "$T/rss" "$E" build "$T/million.yaml" -o "$T/m" -t json --max-input 128 \
    >"$T/why" 2>&1 && [ "$(cat "$T/rss")" -lt 262144 ]; then
    ok
    echo "reliability: a million codes built in $(cat "$T/rss") KB at most"
else
    echo "peak $(cat "$T/rss" 2>/dev/null) KB" >>"$T/why"
    bad "a million-code catalog (json, 256 MiB at most)"
fi

echo "reliability: $pass passed, $fail failed"
[ "$fail" = 0 ]
