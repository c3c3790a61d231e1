/* test_ident.c: identifier spellings and reserved words (gen/ident.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ident.h"
#include "lang.h"

#include <string.h>

static ec_arena A;

static int setup(void **state)
{
    (void)state;
    ec_arena_init(&A);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ec_arena_free(&A);
    return 0;
}

/* Checks all five spellings of 'name'. */
static void spells(const char *name, const char *upper, const char *snake, const char *camel,
                   const char *pascal, const char *kebab)
{
    assert_string_equal(ec_ident_spell(&A, name, EC_CASE_UPPER), upper);
    assert_string_equal(ec_ident_spell(&A, name, EC_CASE_SNAKE), snake);
    assert_string_equal(ec_ident_spell(&A, name, EC_CASE_CAMEL), camel);
    assert_string_equal(ec_ident_spell(&A, name, EC_CASE_PASCAL), pascal);
    assert_string_equal(ec_ident_spell(&A, name, EC_CASE_KEBAB), kebab);
}

static void test_spell_screaming_snake(void **state)
{
    (void)state;
    spells("QUOTE_EXPIRED", "QUOTE_EXPIRED", "quote_expired", "quoteExpired", "QuoteExpired",
           "quote-expired");
    spells("TOP_UP_SOL", "TOP_UP_SOL", "top_up_sol", "topUpSol", "TopUpSol", "top-up-sol");
}

static void test_spell_camel(void **state)
{
    (void)state;
    spells("quoteExpired", "QUOTE_EXPIRED", "quote_expired", "quoteExpired", "QuoteExpired",
           "quote-expired");
    spells("solAmount", "SOL_AMOUNT", "sol_amount", "solAmount", "SolAmount", "sol-amount");
}

static void test_spell_header_name(void **state)
{
    (void)state;
    spells("X-RateLimit-Remaining", "X_RATE_LIMIT_REMAINING", "x_rate_limit_remaining",
           "xRateLimitRemaining", "XRateLimitRemaining", "x-rate-limit-remaining");
    spells("Retry-After", "RETRY_AFTER", "retry_after", "retryAfter", "RetryAfter", "retry-after");
}

static void test_spell_kebab(void **state)
{
    (void)state;
    spells("top-up", "TOP_UP", "top_up", "topUp", "TopUp", "top-up");
    spells("after-action", "AFTER_ACTION", "after_action", "afterAction", "AfterAction",
           "after-action");
}

/* Digits stay with the word before them; an upper case letter after a
** digit starts a new word. */
static void test_spell_digits(void **state)
{
    (void)state;
    spells("HTTP2Error", "HTTP2_ERROR", "http2_error", "http2Error", "Http2Error", "http2-error");
    spells("v2beta", "V2BETA", "v2beta", "v2beta", "V2beta", "v2beta");
    spells("ERR_404", "ERR_404", "err_404", "err404", "Err404", "err-404");
}

/* Titles (status reason phrases) become identifiers too. */
static void test_spell_titles(void **state)
{
    (void)state;
    spells("Too Many Requests", "TOO_MANY_REQUESTS", "too_many_requests", "tooManyRequests",
           "TooManyRequests", "too-many-requests");
    spells("Non-Authoritative Information", "NON_AUTHORITATIVE_INFORMATION",
           "non_authoritative_information", "nonAuthoritativeInformation",
           "NonAuthoritativeInformation", "non-authoritative-information");
    spells("(Unused)", "UNUSED", "unused", "unused", "Unused", "unused");
    spells("I'm a teapot", "I_M_A_TEAPOT", "i_m_a_teapot", "iMATeapot", "IMATeapot",
           "i-m-a-teapot");
}

/* Separators at the ends or repeated produce no empty words. */
static void test_spell_separators(void **state)
{
    (void)state;
    spells("_a__b_", "A_B", "a_b", "aB", "AB", "a-b");
    spells("--x--", "X", "x", "x", "X", "x");
    spells("", "", "", "", "", "");
    spells("a", "A", "a", "a", "A", "a");
}

/* The result is fresh arena memory, not the argument. */
static void test_spell_returns_copy(void **state)
{
    (void)state;
    char name[] = "quote_expired";
    char *s = ec_ident_spell(&A, name, EC_CASE_SNAKE);
    assert_ptr_not_equal(s, name);
    name[0] = 'Q';
    assert_string_equal(s, "quote_expired");
}

static void clash(const char *name, const char *lang, const char *word)
{
    const char *w = NULL;
    const char *l = ec_ident_keyword_clash(name, &w);
    assert_non_null(l);
    assert_string_equal(l, lang);
    assert_non_null(w);
    assert_string_equal(w, word);
}

static void no_clash(const char *name)
{
    const char *w = "untouched";
    assert_null(ec_ident_keyword_clash(name, &w));
}

static void test_keyword_clash(void **state)
{
    (void)state;
    clash("SELF", "Rust", "self"); /* self and Self in Rust */
    clash("class", "C++", "class");
    clash("NONE", "Python", "None"); /* the Pascal spelling */
    clash("RETURN", "C", "return");
    clash("NULL", "C", "NULL");
    clash("NEW", "C++", "new");
    clash("TYPE", "Python", "type");
    clash("UNDEFINED", "TypeScript", "undefined");
    clash("ERROR", "Go", "error");
    clash("FN", "Rust", "fn");
    clash("Match", "Python", "match");
    /* The longest keyword, and separators that no spelling keeps. */
    clash("REINTERPRET_CAST", "C++", "reinterpret_cast");
    clash("reinterpret--cast", "C++", "reinterpret_cast");
    clash("__--__static__--__", "C", "static");
}

static void test_no_keyword_clash(void **state)
{
    (void)state;
    no_clash("QUOTE_EXPIRED");
    no_clash("SELF_TEST");
    no_clash("CLASSIFY");
    no_clash("TOP_UP_SOL");
    no_clash("X-RateLimit-Remaining");
    no_clash("REINTERPRET_CASTS"); /* one letter past the longest keyword */
    no_clash("");
}

/* Every word of every list is reserved, and named by the first language
** (in ec_languages' order, then its lists') that reserves it. */
static void test_every_reserved_word(void **state)
{
    (void)state;
    for (size_t i = 0; i < ec_nlanguages; i++) {
        const ec_reserved *r = ec_languages[i]->reserved;
        for (size_t g = 0; g < sizeof ec_languages[i]->reserved / sizeof *r; g++, r++)
            for (size_t w = 0; w < r->n; w++) {
                const char *first = NULL;
                for (size_t j = 0; j <= i && !first; j++)
                    for (size_t h = 0; h < sizeof ec_languages[j]->reserved / sizeof *r && !first;
                         h++) {
                        const ec_reserved *q = &ec_languages[j]->reserved[h];
                        if (j == i && h > g)
                            break;
                        for (size_t x = 0; x < q->n && !first; x++)
                            if (strcmp(q->words[x], r->words[w]) == 0)
                                first = q->by;
                    }
                const char *spelt = NULL;
                assert_string_equal(ec_ident_reserved(r->words[w], &spelt), first);
                assert_string_equal(spelt, r->words[w]);
            }
    }
}

static void test_ident_valid(void **state)
{
    (void)state;
    assert_true(ec_ident_valid("A"));
    assert_true(ec_ident_valid("QUOTE_EXPIRED"));
    assert_true(ec_ident_valid("quoteExpired"));
    assert_true(ec_ident_valid("a1_"));
    assert_false(ec_ident_valid(""));
    assert_false(ec_ident_valid("_a"));
    assert_false(ec_ident_valid("1a"));
    assert_false(ec_ident_valid("a-b"));
    assert_false(ec_ident_valid("a b"));
    assert_false(ec_ident_valid("a.b"));
    assert_false(ec_ident_valid("caf\xc3\xa9"));
    assert_false(ec_ident_valid("\xc3\xa9t\xc3\xa9"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spell_screaming_snake),
        cmocka_unit_test(test_spell_camel),
        cmocka_unit_test(test_spell_header_name),
        cmocka_unit_test(test_spell_kebab),
        cmocka_unit_test(test_spell_digits),
        cmocka_unit_test(test_spell_titles),
        cmocka_unit_test(test_spell_separators),
        cmocka_unit_test(test_spell_returns_copy),
        cmocka_unit_test(test_keyword_clash),
        cmocka_unit_test(test_no_keyword_clash),
        cmocka_unit_test(test_every_reserved_word),
        cmocka_unit_test(test_ident_valid),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
