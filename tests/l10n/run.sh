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
# A catalog with translations: the JSON target keeps the usable ones, the
# gettext template and every PO file pass msgfmt --check, lint counts what
# is missing and names what is stale or unused, and msgmerge's update of a
# translator's file reads back with neither.
E=${ERRCAT:-$B/errcat}
S=tests/golden/shop
rm -rf "$T/out"
if "$E" build "$S/catalog.yaml" -o "$T/out" -t json -t pot >"$T/log" 2>&1; then
    check "translations in the JSON target" python3 tests/l10n/check_json.py \
        "$T/out/shop/json/shop.json"
    check "msgfmt --check accepts the template errcat writes" \
        msgfmt --check -o /dev/null "$T/out/shop/pot/shop.pot"
else
    bad "build $S/catalog.yaml" "$T/log"
fi
# The gettext templates of every spec catalog and golden case.
for pot in $(find out tests/golden -name '*.pot' | LC_ALL=C sort); do
    check "msgfmt --check $pot" msgfmt --check -o /dev/null "$pot"
done
# Every PO file of the tests but the two that gettext refuses too (an
# unterminated string, a text translated twice: diagnostics cases).
for po in $(find tests/golden tests/diag/locales -name '*.po' ! -path '*/syntax/*' \
    ! -path '*/twice/*' | LC_ALL=C sort); do
    check "msgfmt --check $po" msgfmt --check -o /dev/null "$po"
done
"$E" lint "$S/catalog.yaml" --enable missing-translation >"$T/lint" 2>&1
echo "exit $?" >>"$T/lint"
check "lint: missing, stale and unused translations" diff -u "$S/lint.expected" "$T/lint"

# A translator brings the files up to date with msgmerge: the stale entry
# becomes fuzzy, the unused one obsolete; errcat reads the result.
cp -R "$S" "$T/shop"
ok_merge=true
for po in "$T"/shop/locales/*.po; do
    msgmerge --quiet --update --backup=off "$po" "$T/out/shop/pot/shop.pot" || ok_merge=false
done
if $ok_merge; then
    "$E" lint "$T/shop/catalog.yaml" >"$T/merged" 2>&1
    if grep -q 'stale-translation\|unused-translation' "$T/merged" ||
        ! grep -q 'pl: 15 of 17 texts are not translated (2 fuzzy, 0 stale)' "$T/merged"; then
        bad "msgmerge's update reads back: stale entries fuzzy, unused ones obsolete" "$T/merged"
    else
        ok "msgmerge's update reads back: stale entries fuzzy, unused ones obsolete"
    fi
else
    bad "msgmerge --update" /dev/null
fi

# diff: a changed source text needs re-translation where it is translated.
sed 's/Item ${sku} is not in the catalog/No item ${sku} in the catalog/' "$S/catalog.yaml" \
    >"$T/shop/catalog.yaml"
cp "$S"/locales/*.po "$T/shop/locales/"
"$E" diff "$S/catalog.yaml" "$T/shop/catalog.yaml" >"$T/diff" 2>&1
if grep -q '^  compatible: cart.ITEM_MISSING: the source text changes; its translation needs re-translation in fr, ar, pl \[needs-retranslation\]$' "$T/diff"; then
    ok "diff: needs re-translation"
else
    bad "diff: needs re-translation" "$T/diff"
fi
# ... and so does a changed plural form, and its message changes.
sed 's/one: "${n} item is reserved"/one: "One item is reserved"/' "$S/catalog.yaml" \
    >"$T/shop/catalog.yaml"
"$E" diff "$S/catalog.yaml" "$T/shop/catalog.yaml" >"$T/diff" 2>&1
if grep -q "^  compatible: stock.ITEMS_RESERVED: the source text changes; its translation needs re-translation in fr, ar, pl \[needs-retranslation\]$" "$T/diff" &&
    grep -q "message changes from '{count: n, one: \${n} item is reserved, other: \${n} items are reserved}' to '{count: n, one: One item is reserved, other: \${n} items are reserved}'" "$T/diff"; then
    ok "diff: a changed plural form"
else
    bad "diff: a changed plural form" "$T/diff"
fi
summary
