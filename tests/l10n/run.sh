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
for po in $(find spec/locales tests/golden tests/diag/locales -name '*.po' ! -path '*/syntax/*' \
    ! -path '*/twice/*' | LC_ALL=C sort); do
    check "msgfmt --check $po" msgfmt --check -o /dev/null "$po"
done
# The seed catalogs ship every text translated, none stale or unused.
for c in spec/*.yaml; do
    "$E" lint "$c" --enable missing-translation >"$T/lint" 2>&1
    if grep -q 'locales:' "$c" && ! grep -q -- '-translation\]' "$T/lint"; then
        ok "lint: $c has every text translated"
    else
        bad "lint: $c has every text translated" "$T/lint"
    fi
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
        ! grep -q 'pl: 18 of 20 texts are not translated (2 fuzzy, 0 stale)' "$T/merged"; then
        bad "msgmerge's update reads back: stale entries fuzzy, unused ones obsolete" "$T/merged"
    else
        ok "msgmerge's update reads back: stale entries fuzzy, unused ones obsolete"
    fi
else
    bad "msgmerge --update" /dev/null
fi

# The docs' labels (templates/_labels): gettext reads every file, and each
# locale translates every label of labels.pot.
for po in templates/_labels/*.po templates/_labels/*.pot; do
    check "msgfmt --check $po" msgfmt --check -o /dev/null "$po"
done
for po in templates/_labels/*.po; do
    check "msgcmp: $po translates every label" msgcmp "$po" templates/_labels/labels.pot
done
# A page's labels are in its locale, else the locale its tag falls back to
# (fr-CA: French), else English (de); a user's _labels/ comes first.
mkdir -p "$T/lab/locales" "$T/lab/tpl/_labels"
cp "$S"/locales/*.po "$T/lab/locales/"
sed 's/translations: \[fr, ar, pl\]/translations: [fr, ar, pl, fr-CA, de]/' "$S/catalog.yaml" \
    >"$T/lab/catalog.yaml"
for l in fr-CA de; do
    printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' >"$T/lab/locales/$l.po"
done
printf '%s\n' 'msgid ""' 'msgstr ""' '"Content-Type: text/plain; charset=UTF-8\n"' '' \
    'msgctxt "contents"' 'msgid "Contents"' 'msgstr "Table des matières"' >"$T/lab/tpl/_labels/fr.po"
if "$E" build "$T/lab/catalog.yaml" -o "$T/lab/out" -t html -t markdown --templates "$T/lab/tpl" \
    >"$T/log" 2>&1; then
    for want in 'html/index.html|Contents' 'html/fr/index.html|Table des matières' \
        'html/fr/index.html|Aller à la référence' 'html/fr-CA/index.html|Table des matières' \
        'html/fr-CA/domain-cart.html|Copier le lien' 'html/de/index.html|Skip to the reference' \
        'html/ar/index.html|المحتويات' 'html/pl/domain-cart.html|Kopiuj link' \
        'markdown/pl/shop.md|## Treść błędu' 'markdown/de/shop.md|## Error body'; do
        f=${want%%|*} text=${want#*|}
        if grep -qF "$text" "$T/lab/out/shop/$f"; then ok "labels: $f says $text"; else
            bad "labels: $f says $text" "$T/lab/out/shop/$f"; fi
    done
else
    bad "build with labels of locales fr-CA and de" "$T/log"
fi
# A translated label keeps the placeholders of its English words, in order.
printf '%s\n' 'msgid ""' 'msgstr ""' '"Content-Type: text/plain; charset=UTF-8\n"' '' \
    'msgctxt "n_codes"' 'msgid "${count} codes"' 'msgstr "${nombre} codes"' >"$T/lab/tpl/_labels/fr.po"
"$E" build "$T/lab/catalog.yaml" -o "$T/lab/bad" -t html --templates "$T/lab/tpl" >"$T/log" 2>&1
echo "exit $?" >>"$T/log"
if grep -q "^$T/lab/tpl/_labels/fr.po:7:1: error: the label 'n_codes' must keep the placeholders of its English text, in their order$" "$T/log" &&
    grep -q '^exit 1$' "$T/log" && [ ! -e "$T/lab/bad" ]; then
    ok "labels: a translation that renames a placeholder is an error at its line"
else
    bad "labels: a translation that renames a placeholder is an error at its line" "$T/log"
fi

# Each seed catalog's pages in each locale show every text its PO file
# translates (the catalog's title, a header's description, a policy's
# advice, a status's when...), and none of their English.
for c in spec/*.yaml; do
    grep -q '^locales:' "$c" || continue
    rm -rf "$T/seed"
    if ! "$E" build "$c" -o "$T/seed" -t pot -t html -t markdown >"$T/log" 2>&1; then
        bad "build $c" "$T/log"
        continue
    fi
    id=$(ls "$T/seed")
    for po in spec/locales/"$id"/*.po; do
        l=$(basename "$po" .po)
        check "$c: the $l html pages show its translations, not their English" \
            python3 tests/l10n/check_pages.py translated "$T/seed/$id/pot/$id.pot" "$po" \
            "$T/seed/$id/html/$l/"*.html
        check "$c: the $l markdown shows its translations, not their English" \
            python3 tests/l10n/check_pages.py translated "$T/seed/$id/pot/$id.pot" "$po" \
            "$T/seed/$id/markdown/$l/$id.md"
    done
done
# No phrase of the docs templates stays in English: with every label and
# every text of the catalog translated as ⟦text⟧, each text of a page is
# marked, a number or a name of the catalog. The golden catalogs that use
# conditions, echoed headers, delay headers of every type, plural forms,
# a secondary domain, classes, aliases and deprecations.
mkdir -p "$T/ps/tpl/_labels"
python3 tests/l10n/check_pages.py pseudo templates/_labels/labels.pot "$T/ps/tpl/_labels/fr.po"
check "msgfmt --check the pseudo-locale's labels" msgfmt --check -o /dev/null "$T/ps/tpl/_labels/fr.po"
for g in stripe github classes delays features shop statuses; do
    d="$T/ps/$g"
    cp -R "tests/golden/$g" "$d"
    sed -i '/^locales:/,/^  translations:/d' "$d/catalog.yaml"
    if ! "$E" build "$d/catalog.yaml" -o "$d/pot" -t pot >"$T/log" 2>&1; then
        bad "build the template of $g" "$T/log"
        continue
    fi
    mkdir -p "$d/locales"
    python3 tests/l10n/check_pages.py pseudo "$d"/pot/*/pot/*.pot "$d/locales/fr.po"
    check "msgfmt --check the pseudo-locale of $g" msgfmt --check -o /dev/null "$d/locales/fr.po"
    echo 'locales: {source: en, translations: [fr]}' >>"$d/catalog.yaml"
    if "$E" build "$d/catalog.yaml" -o "$d/out" -t html -t markdown -t json \
        --templates "$T/ps/tpl" >"$T/log" 2>&1; then
        check "$g: every text of the fr pages comes from a translation" \
            python3 tests/l10n/check_pages.py marked "$d"/out/*/json/*.json \
            "$d"/out/*/html/fr/*.html "$d"/out/*/markdown/fr/*.md
    else
        bad "build $g in the pseudo-locale" "$T/log"
    fi
done

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
