/* locales.c: the C target's translations, on the golden catalog "shop"
** (French, Arabic, Polish): negotiation agrees with errcat's own
** (gen/locale.c) on every header tried, and texts fall back as documented.
** Built against tests/golden/shop/expected/shop/c and liberrcat.a. */
#include "locale.h"
#include "plural.h"
#include "shop_errors.h"

#include <stdio.h>
#include <string.h>

static int failures;

#define EXPECT(cond)                                                           \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond);         \
            failures++;                                                        \
        }                                                                      \
    } while (0)

#define EXPECT_STR(got, want)                                                  \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        if (!g_ || strcmp(g_, w_)) {                                           \
            fprintf(stderr, "%s:%d: got '%s', want '%s'\n", __FILE__, __LINE__, \
                    g_ ? g_ : "(null)", w_);                                   \
            failures++;                                                        \
        }                                                                      \
    } while (0)

/* The index in shop_locales of what gen/locale.c chooses. */
static int reference(const char *accept)
{
    const char *chosen = ec_locale_negotiate(accept, strlen(accept), shop_locales,
                                             SHOP_NLOCALES, shop_locales[0]);
    for (int l = 0; l < SHOP_NLOCALES; l++)
        if (chosen == shop_locales[l])
            return l;
    return -1;
}

static const char *const pieces[] = {
    "fr",  "FR-ca", "ar",   "pl",       "en",     "en-US", "*",       "de",  "pt-BR", "x-y",
    "fr-CA-x-y", "pl_PL", ";q=0", ";q=0.5", ";q=1", ";q=0.001", ";q=abc", ";q=1.5", " ", ",",
    ",,",  "\t",   "ar-EG", ";level=1", "zh-Hant-TW", ";Q=0.9", "-",   "fr-",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

/* The forms of stock.ITEMS_RESERVED in each locale (the catalog's and
** the PO files'), by category; NULL where the locale has none. */
static const char *const reserved[SHOP_NLOCALES][EC_NPLURALS] = {
    {NULL, "${n} item is reserved", NULL, NULL, NULL, "${n} items are reserved"},
    {NULL, "${n} article est r\u00e9serv\u00e9", NULL, NULL, "${n} d\u2019articles sont r\u00e9serv\u00e9s",
     "${n} articles sont r\u00e9serv\u00e9s"},
    {"\u0644\u0627 \u062a\u0648\u062c\u062f \u0639\u0646\u0627\u0635\u0631 \u0645\u062d\u062c\u0648\u0632\u0629",
     "\u0639\u0646\u0635\u0631 \u0648\u0627\u062d\u062f \u0645\u062d\u062c\u0648\u0632",
     "\u0639\u0646\u0635\u0631\u0627\u0646 \u0645\u062d\u062c\u0648\u0632\u0627\u0646",
     "${n} \u0639\u0646\u0627\u0635\u0631 \u0645\u062d\u062c\u0648\u0632\u0629",
     "${n} \u0639\u0646\u0635\u0631\u064b\u0627 \u0645\u062d\u062c\u0648\u0632\u064b\u0627",
     "${n} \u0639\u0646\u0635\u0631 \u0645\u062d\u062c\u0648\u0632"},
    {NULL, "${n} produkt jest zarezerwowany", NULL, "${n} produkty s\u0105 zarezerwowane",
     "${n} produkt\u00f3w jest zarezerwowanych", NULL},
};

/* Plural forms: shop_format_in picks the form of the count's category by
** each locale's rules, as errcat's reader of CLDR's rules does, for every
** count up to 1200, around the millions, negative ones, and texts that are
** not counts (the "other" form, or the last for Polish). */
static void plurals(void)
{
    const shop_entry *e = shop_lookup_name(SHOP_DOMAIN_STOCK, "ITEMS_RESERVED");
    EXPECT(e != NULL);
    if (!e)
        return;
    char arg[32], want[256], got[256];
    for (int l = 0; l < SHOP_NLOCALES; l++) {
        const ec_plural_set *rules = ec_plural_rules(shop_locales[l]);
        for (long long n = -3; n <= 2000010; n = n == 1200 ? 999990 : n == 1000010 ? 1999990 : n + 1) {
            snprintf(arg, sizeof arg, "%lld", n);
            const char *args[] = {arg};
            const char *form = reserved[l][ec_plural_select(rules, n)];
            EXPECT(form != NULL);
            if (!form)
                return;
            const char *at = strstr(form, "${n}");
            if (at)
                snprintf(want, sizeof want, "%.*s%s%s", (int)(at - form), form, arg, at + 4);
            else
                snprintf(want, sizeof want, "%s", form);
            shop_format_in(e, l, got, sizeof got, args, 1);
            if (strcmp(got, want)) {
                fprintf(stderr, "%s, %lld: got '%s', want '%s'\n", shop_locales[l], n, got, want);
                if (++failures > 10)
                    return;
            }
        }
    }
    /* Not a count: the message as it is in the locale. */
    const char *const not_counts[] = {"1.0", "", "-", "+1", " 1", "9007199254740992", "1e3"};
    for (size_t i = 0; i < sizeof not_counts / sizeof not_counts[0]; i++) {
        const char *args[] = {not_counts[i]};
        shop_format(e, got, sizeof got, args, 1);
        snprintf(want, sizeof want, "%s items are reserved", not_counts[i]);
        EXPECT_STR(got, want);
        shop_format_in(e, 3, got, sizeof got, args, 1);
        snprintf(want, sizeof want, "%s produkt\u00f3w jest zarezerwowanych", not_counts[i]);
        EXPECT_STR(got, want);
    }
    const char *max[] = {"-9007199254740991"};
    shop_format(e, got, sizeof got, max, 1);
    EXPECT_STR(got, "-9007199254740991 items are reserved");
    /* No count: as written; a region takes its language's forms. */
    EXPECT(shop_format_in(e, 2, got, sizeof got, NULL, 0) > 0);
    EXPECT_STR(got, "${n} \u0639\u0646\u0635\u0631 \u0645\u062d\u062c\u0648\u0632");
    const char *one[] = {"1"};
    shop_format_in(e, shop_locale("fr-CA"), got, sizeof got, one, 1);
    EXPECT_STR(got, "1 article est r\u00e9serv\u00e9");
    EXPECT_STR(shop_message(e, 1), "${n} articles sont r\u00e9serv\u00e9s");
}

/* Classifies 'body' (status 409, no headers) and writes its message in
** 'locale' into 'got', returning the locale it is in; the length returned
** must be the text's and that of a NULL buffer of size 0. */
static int classified_in(const char *body, int locale, char *got, size_t size)
{
    shop_classification r;
    shop_classify(409, NULL, 0, body, strlen(body), 1, 0, &r);
    int in = -2;
    size_t n = shop_classify_message_in(&r, locale, got, size, &in);
    EXPECT(shop_classify_message_in(&r, locale, NULL, 0, NULL) == n && (n >= size || strlen(got) == n));
    return in;
}

/* shop_classify_message_in: what the vectors' localized classify cases
** do not send (a body's own message, locales out of range, no entry). */
static void classify_in(void)
{
    char got[256];
    EXPECT(classified_in("{\"error\":{\"code\":\"cart-full\"}}", 1, got, sizeof got) == 1);
    EXPECT_STR(got, "Un panier contient au plus ${limit} articles");
    /* The body's message as sent, in no known locale. */
    EXPECT(classified_in("{\"error\":{\"code\":\"cart-full\",\"message\":\"Plein \\u00e0 ras\"}}", 1, got,
                         sizeof got) == -1);
    EXPECT_STR(got, "Plein \u00e0 ras");
    /* A locale out of range is the source's; Polish lacks this text. */
    EXPECT(classified_in("{\"error\":{\"code\":\"cart-full\"}}", 99, got, sizeof got) == 0);
    EXPECT_STR(got, "A cart holds at most ${limit} items");
    EXPECT(classified_in("{\"error\":{\"code\":\"cart-full\"}}", -1, got, sizeof got) == 0);
    EXPECT(classified_in("{\"error\":{\"code\":\"cart-full\"}}", 3, got, sizeof got) == 0);
    /* A fallback's code, asked for a region that reads as its language. */
    EXPECT(classified_in("{\"error\":{\"code\":\"x-1\"}}", shop_locale("fr-CA"), got, sizeof got) == 1);
    EXPECT_STR(got, "Erreur de panier x-1");
    /* The count read from the body chooses among Polish's forms. */
    EXPECT(classified_in("{\"error\":{\"code\":1002,\"count\":22}}", 3, got, sizeof got) == 3);
    EXPECT_STR(got, "22 produkty s\u0105 zarezerwowane");
    EXPECT(classified_in("{\"error\":{\"code\":1002,\"count\":25}}", 3, got, sizeof got) == 3);
    EXPECT_STR(got, "25 produkt\u00f3w jest zarezerwowanych");
    /* A status's translated title. */
    EXPECT(classified_in("{}", 1, got, sizeof got) == 1);
    EXPECT_STR(got, "Conflit");
    /* No entry: "" in no locale; cut as snprintf cuts. */
    shop_classification r;
    shop_classify(599, NULL, 0, NULL, 0, 1, 0, &r);
    int in = 7;
    EXPECT(shop_classify_message_in(&r, 1, got, sizeof got, &in) == 0 && in == -1 && !got[0]);
    char small[4];
    EXPECT(classified_in("{\"error\":{\"code\":\"cart-full\"}}", 1, small, sizeof small) == 1);
    EXPECT_STR(small, "Un ");
}

int main(void)
{
    /* Negotiation: errcat's reference on fixed and generated headers. */
    static const char *const fixed[] = {
        "", "fr", "fr-CA", "fr;q=0, fr-CA", "ar;q=0.5, pl;q=0.8", "en-US, fr", "*", "*, ar",
        "de, *;q=0.1", "pl;q=0, *", "en;q=0, fr;q=0.1", "ar, fr;q=1", "fr-ca;q=0.3,ar-eg;q=0.3",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        int got = shop_negotiate(fixed[i], strlen(fixed[i]));
        if (got != reference(fixed[i])) {
            fprintf(stderr, "negotiate '%s': %d, errcat says %d\n", fixed[i], got,
                    reference(fixed[i]));
            failures++;
        }
    }
    unsigned long x = 88172645463325252ul;
    char h[512];
    for (int trial = 0; trial < 20000; trial++) {
        size_t len = 0;
        int n = 1 + (int)(x % 7);
        for (int k = 0; k < n; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            const char *p = pieces[x % NPIECES];
            size_t pl = strlen(p);
            if (len + pl + 1 >= sizeof h)
                break;
            memcpy(h + len, p, pl);
            len += pl;
            if (x % 3 == 0)
                h[len++] = ',';
        }
        h[len] = '\0';
        int got = shop_negotiate(h, len), want = reference(h);
        if (got != want) {
            fprintf(stderr, "negotiate '%s': %d, errcat says %d\n", h, got, want);
            failures++;
            if (failures > 10)
                return 1;
        }
    }
    /* Only 'len' bytes are read. */
    EXPECT(shop_negotiate("ar, fr", 2) == 2);

    EXPECT(shop_locale("fr") == 1);
    EXPECT(shop_locale("FR-ca-x-y") == 1);
    EXPECT(shop_locale("pl") == 3);
    EXPECT(shop_locale("de") == 0);
    EXPECT(shop_locale("en-GB") == 0);

    /* Texts: the translation, the catalog's own where a locale has none
    ** (Polish's fuzzy and stale entries are not used), and a status's title. */
    const shop_entry *item = shop_lookup_name(SHOP_DOMAIN_CART, "ITEM_MISSING");
    const shop_entry *full = shop_lookup_name(SHOP_DOMAIN_CART, "CART_FULL");
    EXPECT(item && full);
    if (!item || !full)
        return 1;
    EXPECT_STR(shop_message(item, 0), "Item ${sku} is not in the catalog");
    EXPECT_STR(shop_message(item, 1), "L\u2019article ${sku} n\u2019est pas au catalogue");
    EXPECT_STR(shop_message(item, 3), "Produktu ${sku} nie ma w katalogu");
    EXPECT_STR(shop_hint(item, 1), "V\u00e9rifiez la r\u00e9f\u00e9rence dans la liste des produits.");
    EXPECT_STR(shop_hint(item, 3), "Check the SKU against the product list.");
    EXPECT_STR(shop_ui_hint(item, 1), "Retirez l\u2019article du panier.");
    EXPECT_STR(shop_ui_hint(item, 2), "Remove the item from the cart.");
    EXPECT(shop_ui_hint(full, 1) == NULL);
    EXPECT_STR(shop_message(full, 3), "A cart holds at most ${limit} items");
    EXPECT_STR(shop_description(full, 1), "Le panier a atteint sa taille maximale.");
    EXPECT_STR(shop_message(full, 99), "A cart holds at most ${limit} items");
    EXPECT_STR(shop_message(full, -1), "A cart holds at most ${limit} items");
    EXPECT_STR(shop_message(shop_lookup_status(404), 1), "Introuvable");
    EXPECT_STR(shop_message(shop_lookup_status(404), 2), "\u063a\u064a\u0631 \u0645\u0648\u062c\u0648\u062f");
    EXPECT_STR(shop_message(shop_lookup_status(409), 3), "Conflict");

    /* Formatting in a locale, with snprintf's contract. */
    const char *args[] = {"42"};
    char buf[64];
    size_t n = shop_format_in(full, 1, buf, sizeof buf, args, 1);
    EXPECT_STR(buf, "Un panier contient au plus 42 articles");
    EXPECT(n == strlen("Un panier contient au plus 42 articles"));
    char small[8];
    EXPECT(shop_format_in(full, 1, small, sizeof small, args, 1) == n);
    EXPECT_STR(small, "Un pani");
    const shop_entry *fb = shop_fallback(SHOP_DOMAIN_CART);
    EXPECT(fb != NULL);
    if (fb)
        EXPECT_STR(shop_message(fb, 1), "Erreur de panier ${code}");

    plurals();
    classify_in();
    if (failures)
        fprintf(stderr, "%d failures\n", failures);
    return failures != 0;
}
