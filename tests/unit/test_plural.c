/* test_plural.c: CLDR's plural rules, read and written (plural.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "plural.h"

#include <string.h>

typedef struct sample_check {
    const ec_plural_set *set;
    ec_plural want;
    size_t seen;
} sample_check;

static void check_sample(void *ud, unsigned long long n)
{
    sample_check *s = ud;
    s->seen++;
    if (ec_plural_select(s->set, (long long)n) != s->want)
        fail_msg("%s: %llu is %s, CLDR says %s", s->set->locales, n,
                 ec_plural_name(ec_plural_select(s->set, (long long)n)),
                 ec_plural_name(s->want));
}

/* Every integer sample CLDR gives for a category falls in that category,
** in every locale CLDR knows: the samples are CLDR's own test data. */
static void test_cldr_samples(void **state)
{
    (void)state;
    size_t total = 0;
    assert_true(ec_plural_ncldr > 30);
    for (size_t i = 0; i < ec_plural_ncldr; i++)
        for (int p = 0; p < EC_NPLURALS; p++) {
            const char *rule = ec_plural_cldr[i].rules[p];
            if (!rule)
                continue;
            assert_int_not_equal(ec_plural_holds(rule, 0), -1);
            sample_check s = {&ec_plural_cldr[i], (ec_plural)p, 0};
            ec_plural_samples(rule, check_sample, &s);
            total += s.seen;
        }
    assert_true(total > 1000);
}

static ec_plural of(const char *tag, long long n)
{
    return ec_plural_select(ec_plural_rules(tag), n);
}

/* The examples of CLDR's plural-rules chart for the languages errcat's
** tests translate into. */
static void test_languages(void **state)
{
    (void)state;
    assert_int_equal(of("en", 1), EC_PLURAL_ONE);
    assert_int_equal(of("en", 0), EC_PLURAL_OTHER);
    assert_int_equal(of("en", -1), EC_PLURAL_ONE);
    assert_int_equal(of("de", 1), EC_PLURAL_ONE);
    assert_int_equal(of("de", 2), EC_PLURAL_OTHER);
    assert_int_equal(of("fr", 0), EC_PLURAL_ONE);
    assert_int_equal(of("fr", 1), EC_PLURAL_ONE);
    assert_int_equal(of("fr", 2), EC_PLURAL_OTHER);
    assert_int_equal(of("fr", 1000000), EC_PLURAL_MANY);
    assert_int_equal(of("fr", 2000000), EC_PLURAL_MANY);
    assert_int_equal(of("fr", 1000001), EC_PLURAL_OTHER);
    assert_int_equal(of("es", 0), EC_PLURAL_OTHER);
    assert_int_equal(of("es", 1), EC_PLURAL_ONE);
    assert_int_equal(of("es", 1000000), EC_PLURAL_MANY);
    assert_int_equal(of("pt", 0), EC_PLURAL_ONE);
    assert_int_equal(of("pt-PT", 0), EC_PLURAL_OTHER);
    assert_int_equal(of("pt-BR", 0), EC_PLURAL_ONE);
    assert_int_equal(of("pl", 1), EC_PLURAL_ONE);
    assert_int_equal(of("pl", 2), EC_PLURAL_FEW);
    assert_int_equal(of("pl", 5), EC_PLURAL_MANY);
    assert_int_equal(of("pl", 12), EC_PLURAL_MANY);
    assert_int_equal(of("pl", 22), EC_PLURAL_FEW);
    assert_int_equal(of("pl", 21), EC_PLURAL_MANY);
    assert_int_equal(of("ru", 1), EC_PLURAL_ONE);
    assert_int_equal(of("ru", 21), EC_PLURAL_ONE);
    assert_int_equal(of("ru", 11), EC_PLURAL_MANY);
    assert_int_equal(of("ru", 3), EC_PLURAL_FEW);
    assert_int_equal(of("ru", 111), EC_PLURAL_MANY);
    assert_int_equal(of("cs", 1), EC_PLURAL_ONE);
    assert_int_equal(of("cs", 4), EC_PLURAL_FEW);
    assert_int_equal(of("cs", 5), EC_PLURAL_OTHER);
    assert_int_equal(of("ar", 0), EC_PLURAL_ZERO);
    assert_int_equal(of("ar", 1), EC_PLURAL_ONE);
    assert_int_equal(of("ar", 2), EC_PLURAL_TWO);
    assert_int_equal(of("ar", 3), EC_PLURAL_FEW);
    assert_int_equal(of("ar", 103), EC_PLURAL_FEW);
    assert_int_equal(of("ar", 11), EC_PLURAL_MANY);
    assert_int_equal(of("ar", 100), EC_PLURAL_OTHER);
    assert_int_equal(of("ja", 1), EC_PLURAL_OTHER);
    assert_int_equal(of("zh", 1), EC_PLURAL_OTHER);
    assert_int_equal(of("zh-Hant-TW", 1), EC_PLURAL_OTHER);
}

static void test_tags(void **state)
{
    (void)state;
    assert_non_null(strstr(ec_plural_rules("EN-us")->locales, "en"));
    assert_string_equal(ec_plural_rules("fr-CA")->locales, "fr");
    assert_string_equal(ec_plural_rules("pt_PT")->locales, ec_plural_rules("pt-PT")->locales);
    assert_string_not_equal(ec_plural_rules("pt-PT")->locales, ec_plural_rules("pt")->locales);
    assert_non_null(strstr(ec_plural_rules("x-unknown")->locales, "root"));
    assert_non_null(strstr(ec_plural_rules("")->locales, "root"));
    assert_non_null(strstr(ec_plural_rules("-")->locales, "root"));
}

static void check_write(const char *rule, const char *and_op, const char *or_op,
                        ec_plural_truth truth, const char *want)
{
    ec_buf b;
    ec_plural_truth t;
    ec_buf_init(&b);
    assert_int_equal(ec_plural_write(&b, rule, "n", and_op, or_op, &t), 0);
    assert_int_equal(t, truth);
    assert_string_equal(b.data, want);
    ec_buf_free(&b);
}

static void test_write(void **state)
{
    (void)state;
    check_write("i = 1 and v = 0 @integer 1", " && ", " || ", EC_PLURAL_SOMETIMES, "n == 1");
    check_write("v = 0 and i % 10 = 1 and i % 100 != 11 @integer 1", " and ", " or ",
                EC_PLURAL_SOMETIMES, "n % 10 == 1 and n % 100 != 11");
    check_write("e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5", " && ", " || ",
                EC_PLURAL_SOMETIMES, "n != 0 && n % 1000000 == 0");
    check_write("v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14",
                " && ", " || ", EC_PLURAL_SOMETIMES,
                "n % 10 == 0 || (n % 10 >= 5 && n % 10 <= 9) || (n % 100 >= 11 && n % 100 <= 14)");
    check_write("v = 0 and i % 10 = 2..4 and i % 100 != 12..14", " && ", " || ",
                EC_PLURAL_SOMETIMES,
                "n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)");
    check_write("n = 0,1 or i = 0 and f = 1", " && ", " || ", EC_PLURAL_SOMETIMES,
                "(n == 0 || n == 1)");
    check_write("n = 0..1 or n = 11..99", " && ", " || ", EC_PLURAL_SOMETIMES,
                "n <= 1 || (n >= 11 && n <= 99)");
    check_write("n != 1,3..4", " && ", " || ", EC_PLURAL_SOMETIMES,
                "n != 1 && (n < 3 || n > 4)");
    check_write("v != 0", " && ", " || ", EC_PLURAL_NEVER, "");
    check_write("@integer 0~15", " && ", " || ", EC_PLURAL_ALWAYS, "");
    check_write("", " && ", " || ", EC_PLURAL_ALWAYS, "");
}

static void test_syntax_errors(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "n", "n =", "n = 1 and", "x = 1", "n % 0 = 1", "n = 2..1", "n is 1",
        "n = 1 or or n = 2", "n = 99999999999999999999", "nn = 1", "n = 1 garbage",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ec_buf b;
        ec_plural_truth t;
        ec_buf_init(&b);
        assert_int_equal(ec_plural_holds(bad[i], 1), -1);
        assert_int_equal(ec_plural_write(&b, bad[i], "n", " && ", " || ", &t), -1);
        ec_buf_free(&b);
    }
}

/* A PO file's msgstr[n] of a locale: the categories integers take, in
** CLDR's order (what its Plural-Forms must count). */
static void check_categories(const char *tag, const char *want)
{
    ec_plural cats[EC_NPLURALS];
    size_t n = ec_plural_categories(ec_plural_rules(tag), cats);
    char got[64] = "";
    for (size_t i = 0; i < n; i++) {
        strcat(got, i ? " " : "");
        strcat(got, ec_plural_name(cats[i]));
    }
    if (strcmp(got, want))
        fail_msg("%s: '%s', want '%s'", tag, got, want);
}

static void test_categories(void **state)
{
    (void)state;
    check_categories("en", "one other");
    check_categories("de", "one other");
    check_categories("fr", "one many other");
    check_categories("es", "one many other");
    check_categories("pt", "one many other");
    check_categories("pl", "one few many");
    check_categories("ru", "one few many");
    check_categories("cs", "one few other");
    check_categories("ar", "zero one two few many other");
    check_categories("ja", "other");
    check_categories("zh", "other");
}

/* A count, as formatting reads a plural message's argument. */
static void test_count(void **state)
{
    (void)state;
    unsigned long long n = 99;
    assert_true(ec_plural_count("0", &n) && n == 0);
    assert_true(ec_plural_count("-21", &n) && n == 21);
    assert_true(ec_plural_count("007", &n) && n == 7);
    assert_true(ec_plural_count("9007199254740991", &n) && n == 9007199254740991ULL);
    assert_true(ec_plural_count("-9007199254740991", &n) && n == 9007199254740991ULL);
    n = 99;
    assert_false(ec_plural_count("9007199254740992", &n));
    assert_false(ec_plural_count("99999999999999999999999", &n));
    assert_false(ec_plural_count("", &n));
    assert_false(ec_plural_count("-", &n));
    assert_false(ec_plural_count("+1", &n));
    assert_false(ec_plural_count(" 1", &n));
    assert_false(ec_plural_count("1.0", &n));
    assert_false(ec_plural_count("1e3", &n));
    assert_int_equal(n, 99);
}

static void test_names(void **state)
{
    (void)state;
    ec_plural p;
    assert_true(ec_plural_find("few", 3, &p));
    assert_int_equal(p, EC_PLURAL_FEW);
    assert_false(ec_plural_find("fewer", 5, &p));
    assert_false(ec_plural_find("fe", 2, &p));
    assert_string_equal(ec_plural_name(EC_PLURAL_ZERO), "zero");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cldr_samples), cmocka_unit_test(test_languages),
        cmocka_unit_test(test_tags),         cmocka_unit_test(test_write),
        cmocka_unit_test(test_syntax_errors), cmocka_unit_test(test_names),
        cmocka_unit_test(test_categories),   cmocka_unit_test(test_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
