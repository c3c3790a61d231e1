#!/bin/sh
# The Bazel rules (bazel/errcat.bzl) with Debian's Bazel, offline:
#   - a workspace whose BUILD.bazel is README.md's starlark block as written
#     (the README's catalog in spec/swap.yaml, tests/readme/main.c), plus a
#     second catalog, other, with every default target and a user template
#     folder that adds a target: it builds, the program runs, each output
#     is the bytes `errcat build` writes outside Bazel and the files each
#     target declares are those `errcat targets` lists;
#   - a second build from a clean output base with the same disk cache runs
#     nothing: every action is a cache hit;
#   - editing the include reruns exactly the errcat actions of the catalog
#     that includes it, and then the C that changed; editing a user
#     template reruns exactly the one action of its target;
#   - a catalog whose id is not the rule's, or an include left undeclared
#     (without a sandbox, where errcat could read it), fails the build;
#   - hermeticity without Bazel: errcat in two temporary folders that hold
#     only what an action declares (errcat, the catalog, its include, the
#     templates), with different environments, writes the same bytes and
#     a depfile of those inputs alone.
# Bazel 4.2 fetches rules_cc and rules_java from the network, which this
# test does without: tests/bazel/offline/ holds stand-ins (README.md here).
# Installs bazel-bootstrap with apt-get when missing (as root); where it
# cannot, runs the hermeticity test alone and says so in one line.
#   sh tests/bazel/run.sh   from anywhere, after make (B: errcat's build folder)
#   KEEP=1 …                keeps the temporary folder
# Prints failures (every check with VERBOSE=1) and "bazel: N passed, M failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
B=${B:-build}
ERRCAT=${ERRCAT:-$B/errcat}
case $ERRCAT in /*) ;; *) ERRCAT=$ROOT/$ERRCAT ;; esac
T=$(mktemp -d)
roots=
# shellcheck disable=SC2317 # run by the trap
cleanup() {
    # The Bazel servers of this test, each by its output base.
    for r in $roots; do
        (cd "$T/ws" && bazel --output_user_root="$r" shutdown) >/dev/null 2>&1
    done
    if [ -n "${KEEP:-}" ]; then echo "bazel: kept $T" >&2; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM
TALLY=bazel
. tests/tally.sh

[ -x "$ERRCAT" ] || { bad "no $ERRCAT (run make first)"; summary; }

# inputs_of DEPFILE: the inputs a depfile names, one a line.
inputs_of() { awk 'p { sub(/^[ \t]+/, ""); sub(/[ \t]*\\$/, ""); if ($0 != "") print } /:[ \t]*\\?$/ { p = 1 }' "$1"; }

# Hermeticity: what the rules rely on, with or without Bazel. Each sandbox
# holds errcat (copied, so that nothing beside it is found), the catalog,
# its include and the templates; the second runs in another time zone,
# locale and umask.
hermetic() {
    for s in a b; do
        d=$T/sandbox-$s
        mkdir -p "$d/bin" "$d/spec/common" "$d/spec/locales"
        cp "$ERRCAT" "$d/bin/errcat"
        cp spec/swap.yaml "$d/spec/"
        cp -R spec/locales/swap "$d/spec/locales/"
        cp spec/common/http.yaml "$d/spec/common/"
        cp -R templates "$d/templates"
    done
    if ! { (cd "$T/sandbox-a" && env -i PATH=/usr/bin:/bin ERRCAT_TEMPLATES=templates TZ=UTC \
        LC_ALL=C bin/errcat build spec/swap.yaml -o out --depfile out.d) &&
        (cd "$T/sandbox-b" && umask 077 && env -i PATH=/usr/bin:/bin ERRCAT_TEMPLATES=templates \
            TZ=Asia/Kolkata LC_ALL=C.UTF-8 bin/errcat build spec/swap.yaml -o out --depfile out.d); } \
        >"$T/log" 2>&1; then
        bad "hermetic: errcat builds in a folder of its declared inputs" "$T/log"
        return
    fi
    check "hermetic: two sandboxes, the same bytes" \
        diff -r --exclude=.errcat "$T/sandbox-a/out" "$T/sandbox-b/out"
    check "hermetic: the same depfile" cmp "$T/sandbox-a/out.d" "$T/sandbox-b/out.d"
    # The depfile names the catalog, its include, its translations and
    # templates, all inside the sandbox, and nothing else.
    inputs_of "$T/sandbox-a/out.d" >"$T/inputs"
    if awk '$0 == "spec/swap.yaml" { c = 1 } $0 == "spec/common/http.yaml" { i = 1 }
        $0 !~ /^templates\/[^\/]+\/[^\/]+\.mustache$/ && $0 !~ /^templates\/_labels\/[a-z]+\.pot?$/ &&
            $0 !~ /^spec\/locales\/swap\/[a-z]+\.po$/ &&
            $0 != "spec/swap.yaml" &&
            $0 != "spec/common/http.yaml" { print "not a declared input: " $0; bad = 1 }
        END { if (!c || !i) { print "the catalog or its include is missing"; bad = 1 } exit bad }' \
        "$T/inputs" >"$T/log" 2>&1; then ok "hermetic: the depfile names exactly the declared inputs"; else
        cat "$T/inputs" >>"$T/log"
        bad "hermetic: the depfile names exactly the declared inputs" "$T/log"
    fi
}
hermetic

# Debian's Bazel, installed when missing and possible.
if ! command -v bazel >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        echo "bazel: installing bazel-bootstrap" >&2
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends bazel-bootstrap; } >"$T/apt.log" 2>&1
    fi
    if ! command -v bazel >/dev/null 2>&1; then
        echo "bazel: no Bazel here (not root, or apt-get install bazel-bootstrap failed): ran the hermeticity test alone"
        summary
    fi
fi

# The workspace: errcat as @errcat, the README's catalog and BUILD file.
W=$T/ws
mkdir -p "$W/spec" "$W/mytemplates/notes" "$T/blocks"
if ! awk -v dir="$T/blocks" -f tests/readme/extract.awk README.md >"$T/index" 2>"$T/log"; then
    bad "README.md: its blocks" "$T/log"
    summary
fi
catalog='' build=''
while IFS='|' read -r n lang line _; do
    [ "$lang" = yaml ] && [ -z "$catalog" ] && grep -q '{id: swap\b' "$T/blocks/$n" && catalog=$n
    [ "$lang" = starlark ] && build=$n && build_at="README.md:$line (starlark)"
done <"$T/index"
if [ -z "$catalog" ] || [ -z "$build" ]; then
    echo "README.md needs a yaml block with catalog: {id: swap, …} and a starlark block" >"$T/log"
    bad "README.md: the catalog and the BUILD file" "$T/log"
    summary
fi
cp -R spec/common "$W/spec/"
cp "$T/blocks/$catalog" "$W/spec/swap.yaml"
cp tests/readme/main.c "$W/"
cat >"$W/WORKSPACE" <<EOF
local_repository(name = "errcat", path = "$ROOT")
EOF
cat >"$W/.bazelrc" <<EOF
build --override_repository=rules_cc=$ROOT/tests/bazel/offline/rules_cc
build --override_repository=rules_java=$ROOT/tests/bazel/offline/rules_java
build --disk_cache=$T/disk-cache
build --nosandbox_debug --noshow_progress --color=no --curses=no
EOF
# The README's BUILD file, then the second catalog: no include, every
# default target and a target of its own.
{
    cat "$T/blocks/$build"
    cat <<'EOF'

errcat_catalog(
    name = "other",
    id = "other",
    src = "spec/other.yaml",
    templates = ["//mytemplates"],
)

filegroup(name = "other_go", srcs = [":other"], output_group = "go")
EOF
} >"$W/BUILD.bazel"
cat >"$W/spec/other.yaml" <<'EOF'
errcat: 1
catalog: {id: other, title: Other API}
statuses:
  - {status: 500, title: Internal Server Error}
domains:
  - id: errors
    code_type: string
    codes:
      - {code: BROKEN, status: 500, message: Broken, description: Something broke}
EOF
printf 'Notes of {{catalog.title}}\n' >"$W/mytemplates/notes/{id}-notes.txt.mustache"
cat >"$W/mytemplates/BUILD.bazel" <<'EOF'
filegroup(name = "mytemplates", srcs = glob(["*/**"]), visibility = ["//visibility:public"])
EOF

# bzl ROOT CMD...: bazel with output base ROOT in the workspace, its
# execution log in $T/exec.json and its output in $T/log.
bzl() {
    r=$1
    shift
    case " $roots " in *" $r "*) ;; *) roots="$roots $r" ;; esac
    (cd "$W" && bazel --output_user_root="$r" --nohome_rc --max_idle_secs=120 "$@" \
        --execution_log_json_file="$T/exec.json") </dev/null >"$T/log" 2>&1
}
# ran: what the last build ran, one progress message a line, sorted.
ran() { sed -n 's/^  "progressMessage": "\(.*\)",$/\1/p' "$T/exec.json" | LC_ALL=C sort; }

if ! bzl "$T/root1" build //:all; then
    bad "$build_at: bazel build //:all" "$T/log"
    summary
fi
ok "$build_at: bazel build //:all"
check "$build_at: the program runs" sh -c "[ \"\$('$W/bazel-bin/app')\" = '410 Quote expired' ]"
# files LABEL: the files of LABEL, one a line, in $T/files.
files() {
    # shellcheck disable=SC2016 # a Starlark expression
    (cd "$W" && bazel --output_user_root="$T/root1" --nohome_rc cquery --output=starlark \
        --starlark:expr='"\n".join([f.path for f in target.files.to_list()])' "$1") \
        </dev/null >"$T/files" 2>"$T/log"
    sed -i 's|^bazel-out/[^/]*/bin/||' "$T/files"
}
files //:swap_py
echo swap/swap/python/swap_errors.py >"$T/want"
check "$build_at: errcat_sources gives the python module" diff "$T/want" "$T/files"
files //:other_go
printf 'other/other/go/%s\n' catalog.go classify.go go.mod produce.go retry.go >"$T/want"
check "an output group per target" diff "$T/want" "$T/files"

# The same bytes as errcat outside Bazel, and the files `errcat targets` lists.
if ! { "$ERRCAT" build "$W/spec/swap.yaml" -o "$T/plain" -t c,python,typescript,go,rust &&
    "$ERRCAT" build "$W/spec/other.yaml" -o "$T/plain" --templates "$W/mytemplates"; } >"$T/log" 2>&1; then
    bad "errcat build outside Bazel" "$T/log"
fi
check "the outputs are errcat's, byte for byte" diff -r "$T/plain/swap" "$W/bazel-bin/swap/swap"
check "every default target, each with the files errcat writes" \
    diff -r "$T/plain/other" "$W/bazel-bin/other/other"
"$ERRCAT" targets --templates "$W/mytemplates" |
    awk '!/^ / { skip = /only with -t/ }
        /^ / && !skip { sub(/^ +<id>\//, ""); sub(/ +\(user\)$/, ""); print }' |
    sed 's/<id>/other/' | LC_ALL=C sort >"$T/listed"
(cd "$W/bazel-bin/other/other" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >"$T/declared"
# A file per page ("<page>" in the listing, the html site's) is each page's.
check "the rules' files are those errcat targets lists" python3 -c '
import re, sys
listed = open(sys.argv[1]).read().split()
declared = open(sys.argv[2]).read().split()
pats = [re.compile(re.escape(l).replace(re.escape("<page>"), "[a-z0-9-]+") + "$") for l in listed]
left = [d for d in declared if not any(p.match(d) for p in pats)]
unused = [l for l, p in zip(listed, pats) if not any(p.match(d) for d in declared)]
print("\n".join(["not listed: " + d for d in left] + ["not written: " + l for l in unused]))
sys.exit(bool(left or unused))' "$T/listed" "$T/declared"

# A clean output base with the same disk cache: every action a cache hit.
# The closing count of processes, "N processes: 5 remote cache hit, 3
# internal." (Bazel 4.2 counts the disk cache as remote), may name no
# other kind (linux-sandbox, local, …).
if bzl "$T/root2" build //:all; then
    grep '^INFO: [0-9]* processes*:' "$T/log" | tail -1 >"$T/why"
    others=$(sed 's/^[^:]*: [0-9]* processes*: //; s/\.$//' "$T/why" | tr ',' '\n' |
        grep -v -e 'cache hit$' -e 'internal$' -e '^$')
    if grep -q 'cache hit' "$T/why" && [ -z "$others" ]; then
        ok "a clean output base: every action a disk cache hit"
    else
        bad "a clean output base: every action a disk cache hit" "$T/why"
    fi
else
    bad "a clean output base: bazel build //:all" "$T/log"
fi

# expect NAME WANT [FILTER]: the last build ran exactly WANT (one a line), of
# the actions whose progress message matches FILTER (a grep pattern).
expect() {
    ran | grep -e "${3:-}" >"$T/ran"
    printf '%s\n' "$2" | LC_ALL=C sort >"$T/want"
    check "$1" diff "$T/want" "$T/ran"
}

# The include: its catalog's actions, then the C they changed; not other's.
sed 's/title: Gone,/title: Gone For Good,/' "$W/spec/common/http.yaml" >"$T/http.yaml"
cmp -s "$T/http.yaml" "$W/spec/common/http.yaml" && bad "spec/common/http.yaml has no 'title: Gone,'"
cp "$T/http.yaml" "$W/spec/common/http.yaml"
if bzl "$T/root2" build //:all; then
    expect "an edited include reruns exactly the errcat actions that read it" \
        "errcat spec/swap.yaml: c
errcat spec/swap.yaml: go
errcat spec/swap.yaml: python
errcat spec/swap.yaml: rust
errcat spec/swap.yaml: typescript" '^errcat '
    # Then what compiles the changed C: the library, the program.
    ran | grep -v -e '^errcat ' -e '^Compiling main\.c$' -e '^Compiling swap/swap/c/swap_errors\.c$' \
        -e '^Linking libswap_errors\.\(a\|so\)$' -e '^Linking app$' >"$T/ran"
    if [ -s "$T/ran" ] || ! ran | grep -qx 'Linking app'; then
        { echo "ran, besides the C of swap and the program's link:"; cat "$T/ran"; } >"$T/why"
        bad "an edited include relinks the program, and runs nothing else" "$T/why"
    else
        ok "an edited include relinks the program, and runs nothing else"
    fi
else
    bad "an edited include: bazel build //:all" "$T/log"
fi

# A user template: the one action of its target.
printf 'Notes on {{catalog.title}}\n' >"$W/mytemplates/notes/{id}-notes.txt.mustache"
if bzl "$T/root2" build //:all; then
    expect "an edited template reruns exactly its target" "errcat spec/other.yaml: notes"
    check "the edited template's output" grep -qx 'Notes on Other API' "$W/bazel-bin/other/other/notes/other-notes.txt"
else
    bad "an edited template: bazel build //:all" "$T/log"
fi

# failing NAME WANT-RE ARGS...: the build fails and says WANT-RE.
failing() {
    name=$1 want=$2
    shift 2
    if bzl "$T/root2" build "$@"; then
        bad "$name: the build fails" "$T/log"
    elif grep -q "$want" "$T/log"; then
        ok "$name: the build fails and says why"
    else
        bad "$name: the build fails and says '$want'" "$T/log"
    fi
}
cp "$W/BUILD.bazel" "$T/BUILD.good"
sed 's/id = "other",/id = "another",/' "$T/BUILD.good" >"$W/BUILD.bazel"
failing "a wrong id" "the catalog's id is 'other', not 'another'" //:other
grep -v 'includes = \["spec/common/http.yaml"\],' "$T/BUILD.good" >"$W/BUILD.bazel"
failing "an undeclared include, without a sandbox" \
    "does not declare" --spawn_strategy=standalone //:swap
grep -A2 'does not declare' "$T/log" | grep -q '^  spec/common/http.yaml$' ||
    bad "an undeclared include: named" "$T/log"
cp "$T/BUILD.good" "$W/BUILD.bazel"
summary
