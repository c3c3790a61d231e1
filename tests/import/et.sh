#!/bin/sh
# tests/import/et.sh ERRCAT ET_FILE WORKDIR: imports one compile_et table
# and checks it against compile_et itself:
#   1. every code, name and message of the imported catalog (built to JSON)
#      equals compile_et's (its header's macros, its C file's table);
#   2. one program (com_err_prog.c), built against compile_et's header and
#      C file and against errcat's com_err target's, unchanged, and linked
#      with libcom_err, prints the same error_message() for every code.
# Prints what differs; exits non-zero on a difference.
set -u
ERRCAT=$1
ET=$2
W=$3
HERE=$(cd "$(dirname "$0")" && pwd)
base=$(basename "$ET" .et)
table=$(sed -n 's/^[ \t]*\(error_table\|et\)[ \t][ \t]*\([A-Za-z0-9_]*\).*/\2/p' "$ET" | head -1)
rm -rf "$W" && mkdir -p "$W/et" "$W/errcat"
cp "$ET" "$W/et/" || exit 2
(cd "$W/et" && compile_et "$base.et") || { echo "compile_et failed"; exit 2; }
"$ERRCAT" import et "$ET" -o "$W/catalog.yaml" || { echo "errcat import failed"; exit 1; }
"$ERRCAT" build "$W/catalog.yaml" -t json,com_err -o "$W/out" || { echo "errcat build failed"; exit 1; }

# 1. compile_et's codes: "code<TAB>name<TAB>message" for every named code.
sed -n 's/^#define \([A-Z0-9_]*\) *(\(-\{0,1\}[0-9]*\)L)$/\2\t\1/p' "$W/et/$base.h" |
    grep -v "	ERROR_TABLE_BASE_" | sort >"$W/names"
cc -std=c11 -DTABLE="et_${table}_error_table" -o "$W/dump" "$HERE/et_dump.c" "$W/et/$base.c" \
    -lcom_err || exit 2
"$W/dump" | sort >"$W/messages"
join -t '	' "$W/names" "$W/messages" | sort -n >"$W/compile_et.txt"
python3 - "$W/out/$base/json/$base.json" >"$W/errcat.txt" <<'PY' || exit 1
import json, sys
for d in json.load(open(sys.argv[1], encoding="utf-8"))["domains"]:
    for c in d["codes"]:
        print(f"{c['code']}\t{c['name']}\t{c['message'].replace('$$', '$')}")
PY
sort -n "$W/errcat.txt" >"$W/errcat.sorted"
status=0
if ! diff -u "$W/compile_et.txt" "$W/errcat.sorted"; then
    echo "$base: the imported codes differ from compile_et's"
    status=1
fi
[ -s "$W/compile_et.txt" ] || { echo "$base: compile_et gave no codes"; status=1; }

# 2. the same program against both builds.
sed 's/^[^	]*	\([^	]*\)	.*/X(\1)/' "$W/compile_et.txt" >"$W/names.inc"
for side in et errcat; do
    dir=$W/et
    [ $side = errcat ] && dir=$W/out/$base/com_err
    cc -std=c11 -Wall -Wextra -Werror -I"$dir" -I"$W" -DHEADER="\"$base.h\"" -DT="$table" \
        -o "$W/prog_$side" "$HERE/com_err_prog.c" "$dir/$base.c" -lcom_err || {
        echo "$base: the program does not build against the $side side"
        exit 1
    }
    "$W/prog_$side" >"$W/prog_$side.txt" || exit 1
done
if ! diff -u "$W/prog_et.txt" "$W/prog_errcat.txt"; then
    echo "$base: error_message() differs between compile_et's tables and errcat's"
    status=1
fi
echo "$base: $(wc -l <"$W/compile_et.txt") codes as compile_et gives them; $(wc -l <"$W/prog_et.txt") lines of the program alike"
exit $status
