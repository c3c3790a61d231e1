/* test_locale.c: language tags, fallbacks and Accept-Language lookup. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "locale.h"

#include <string.h>

#define VALID(s) ec_locale_valid(s, strlen(s))

static void test_valid(void **state)
{
    (void)state;
    static const char *const good[] = {"fr", "pt-BR", "zh-Hant-TW", "sr-Latn", "de-CH-1996",
                                       "es-419", "ast", "EN-us", "x-klingon" + 2, "en-a-bbb"};
    static const char *const bad[] = {"", "f", "fran", "pt_BR", "fr-", "-fr", "fr--CA",
                                      "fr-abcdefghi", "123", "fr CA", "fr-ç", "e1"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        if (!VALID(good[i]))
            fail_msg("%s should be valid", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (VALID(bad[i]))
            fail_msg("%s should be invalid", bad[i]);
}

static void check_chain(const char *tag, const char *want)
{
    char got[128] = "";
    for (size_t n = strlen(tag); n; n = ec_locale_parent(tag, n)) {
        strncat(got, tag, n);
        strcat(got, " ");
    }
    assert_string_equal(got, want);
}

static void test_parent(void **state)
{
    (void)state;
    check_chain("zh-Hant-TW", "zh-Hant-TW zh-Hant zh ");
    check_chain("fr-CA", "fr-CA fr ");
    check_chain("en-a-bbb-x-y", "en-a-bbb-x-y en-a-bbb en ");
    check_chain("fr", "fr ");
}

static const char *const shipped[] = {"en", "fr", "fr-CA", "de", "pt-BR", "ar"};
#define NSHIPPED (sizeof shipped / sizeof shipped[0])

static const char *neg(const char *accept)
{
    return ec_locale_negotiate(accept, strlen(accept), shipped, NSHIPPED, "en");
}

static void test_negotiate(void **state)
{
    (void)state;
    assert_string_equal(neg(""), "en");
    assert_string_equal(neg("fr"), "fr");
    assert_string_equal(neg("FR-ca"), "fr-CA");
    assert_string_equal(neg("fr-BE"), "fr");
    assert_string_equal(neg("de-DE-1996, fr;q=0.9"), "de");
    assert_string_equal(neg("da, en-GB;q=0.8, en;q=0.7"), "en");
    /* Weights order the ranges; equal weights keep the header's order. */
    assert_string_equal(neg("fr;q=0.5, de;q=0.8"), "de");
    assert_string_equal(neg("fr;q=0.5, de;q=0.5"), "fr");
    assert_string_equal(neg("ar;q=1.000, fr"), "ar");
    /* q=0 refuses the tag it names exactly. */
    assert_string_equal(neg("fr;q=0, fr-BE"), "en");
    assert_string_equal(neg("fr-CA;q=0, fr-CA-x-y"), "fr");
    assert_string_equal(neg("fr;q=0"), "en");
    /* "*" is skipped; the fallback answers when nothing else does. */
    assert_string_equal(neg("*, de"), "de");
    assert_string_equal(neg("*"), "en");
    assert_string_equal(neg("ja, *;q=0.1"), "en");
    /* Elements that do not parse are ignored, not fatal. */
    assert_string_equal(neg("fr;q=2, de"), "de");
    assert_string_equal(neg("fr;q=0.1234, de;q=0.1"), "de");
    assert_string_equal(neg("fr;level=1, de;q=0.1"), "de");
    assert_string_equal(neg(",,, pt-br ,"), "pt-BR");
    assert_string_equal(neg("pt_BR, ar"), "ar");
    assert_string_equal(neg(" \t fr-ca \t ; \t q=0.7"), "fr-CA");
    assert_string_equal(neg("fr;Q=0.7"), "fr");
    assert_string_equal(neg("fr;q=1.001, ar;q=1."), "ar");
    /* Only 'len' bytes are read. */
    assert_string_equal(ec_locale_negotiate("fr-CA", 2, shipped, NSHIPPED, "en"), "fr");
    assert_string_equal(ec_locale_negotiate("fr", 2, shipped, 0, "xx"), "xx");
}

static void test_rtl(void **state)
{
    (void)state;
    assert_true(ec_locale_rtl("ar"));
    assert_true(ec_locale_rtl("AR-eg"));
    assert_true(ec_locale_rtl("he"));
    assert_true(ec_locale_rtl("fa-IR"));
    assert_true(ec_locale_rtl("ur"));
    assert_true(ec_locale_rtl("pa-Arab"));
    assert_false(ec_locale_rtl("az-Latn"));
    assert_false(ec_locale_rtl("ks-Deva"));
    assert_false(ec_locale_rtl("fr"));
    assert_false(ec_locale_rtl("en-US"));
    assert_false(ec_locale_rtl("arn")); /* Mapudungun, not Arabic */
    assert_false(ec_locale_rtl(""));
}

static void test_long_header(void **state)
{
    (void)state;
    char h[8192] = "";
    for (int i = 0; i < 700; i++)
        strcat(h, "ja, ");
    strcat(h, "fr");
    /* Beyond the 64 elements read: the fallback, quickly. */
    assert_string_equal(neg(h), "en");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_parent),
        cmocka_unit_test(test_negotiate),
        cmocka_unit_test(test_long_header),
        cmocka_unit_test(test_rtl),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
