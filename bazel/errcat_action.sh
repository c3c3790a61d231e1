#!/bin/sh
# One action of errcat_catalog (errcat.bzl):
#   errcat_action.sh ERRCAT ID ROOT TARGET INPUTS -- build CATALOG -o ROOT -t TARGET ...
# runs ERRCAT with the arguments after --, then fails unless errcat wrote
# into ROOT/ID/TARGET/ (the id the rule declared its outputs with: Bazel
# makes their folder and empties it beforehand) and read only files
# listed in INPUTS, one path a line: what the action declares. A sandbox or
# a remote executor hides undeclared files anyway; a local build without one
# would read them unseen, and cache a result whose key misses them.
set -u
errcat=$1 id=$2 root=$3 target=$4 inputs=$5
shift 6
catalog=$2
depfile=$root/.errcat/bazel-$$.d
"$errcat" "$@" --depfile "$depfile" || exit
if [ -z "$(ls -A "$root/$id/$target" 2>/dev/null)" ]; then
    found=$(cd "$root" && for d in */"$target"; do [ -n "$(ls -A "$d")" ] && echo "${d%/*}"; done)
    echo "$catalog: the catalog's id is '$found', not '$id' as the errcat_catalog rule says" >&2
    exit 1
fi
# The depfile's inputs follow the line that ends the outputs with ':'; each
# path is normalised ("a/../" and "./" dropped) as the declared ones are.
undeclared=$(awk '
    NR == FNR { declared[$0] = 1; next }
    inputs {
        sub(/^[ \t]+/, ""); sub(/[ \t]*\\$/, ""); gsub(/\\ /, " ")
        if ($0 == "") next
        n = split($0, part, "/"); k = 0
        for (i = 1; i <= n; i++) {
            if (part[i] == "." || (part[i] == "" && i > 1)) continue
            if (part[i] == ".." && k > 0 && kept[k] != "..") { k--; continue }
            kept[++k] = part[i]
        }
        p = kept[1]
        for (i = 2; i <= k; i++) p = p "/" kept[i]
        if (!(p in declared)) print "  " p
    }
    /:[ \t]*\\?$/ { inputs = 1 }' "$inputs" "$depfile")
rm -f "$depfile"
if [ -n "$undeclared" ]; then
    echo "$catalog: errcat read files the errcat_catalog rule does not declare (add them to its includes or templates):" >&2
    echo "$undeclared" >&2
    exit 1
fi
