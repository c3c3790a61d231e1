#!/bin/sh
# Localization: CLDR's plural rules as errcat copies, reads and spells them.
#   tests/l10n/run.sh   (B: the build folder)
set -u
B=${B:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
TALLY="l10n"
. tests/tally.sh

python3 third_party/cldr/plurals.py >"$T/plural_cldr.c"
check "gen/plural_cldr.c is what third_party/cldr/plurals.py writes" \
    diff -u gen/plural_cldr.c "$T/plural_cldr.c"

# Every condition ec_plural_write spells, compiled as strict C and run as
# Python, chooses the category the rule's reader chooses, for every locale.
x="$B/test/plural_exprs"
if "$x" ref >"$T/ref" && "$x" c >"$T/p.c" && "$x" py >"$T/p.py"; then
    check "plural conditions compile as strict C" \
        cc -std=c99 -Wall -Wextra -Werror -Wparentheses -pedantic -o "$T/p" "$T/p.c"
    "$T/p" >"$T/c.out" 2>&1
    check "plural conditions in C choose CLDR's categories" cmp "$T/ref" "$T/c.out"
    python3 "$T/p.py" >"$T/py.out" 2>&1
    check "plural conditions in Python choose CLDR's categories" cmp "$T/ref" "$T/py.out"
else
    echo "$x failed" >"$T/why"
    bad "plural conditions written" "$T/why"
fi
summary
