/* test_decide.c: reading delay headers by type (gen/decide.c), against
** values worked out by hand, so the conformance vectors rest on more than
** the reference's own word. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "decide.h"

/* Sun, 06 Nov 1994 08:49:37 GMT, RFC 9110's example. */
#define T1994 784111777LL

static int64_t date(const char *s, int64_t ref)
{
    int64_t t = -1;
    return ec_http_date(s, ref, &t) ? t : -2;
}

static void test_three_formats(void **state)
{
    (void)state;
    assert_int_equal(date("Sun, 06 Nov 1994 08:49:37 GMT", 0), T1994);
    assert_int_equal(date("Sunday, 06-Nov-94 08:49:37 GMT", T1994), T1994);
    assert_int_equal(date("Sun Nov  6 08:49:37 1994", 0), T1994);
    assert_int_equal(date("Sun Nov 06 08:49:37 1994", 0), T1994);
    assert_int_equal(date(" \tSun, 06 Nov 1994 08:49:37 GMT \t", 0), T1994);
    assert_int_equal(date("Thu, 01 Jan 1970 00:00:00 GMT", 0), 0);
    assert_int_equal(date("Tue, 29 Feb 2000 23:59:60 GMT", 0), 951868800LL);
    assert_int_equal(date("Fri, 31 Dec 9999 23:59:59 GMT", 0), 253402300799LL);
}

static void test_two_digit_years(void **state)
{
    (void)state;
    const int64_t y2025 = 1765000000; /* Sat, 06 Dec 2025 */
    /* the year ending in 94 that is at most 50 years ahead: 1994 */
    assert_int_equal(date("Sunday, 06-Nov-94 08:49:37 GMT", y2025), T1994);
    /* 2075 is 50 years ahead: kept; 2076 is more: 1976 */
    assert_int_equal(date("Friday, 01-Jan-75 00:00:00 GMT", y2025), 3313526400LL);
    assert_int_equal(date("Thursday, 01-Jan-76 00:00:00 GMT", y2025), 189302400LL);
    /* from 2099, 00 is 2100, not 2000 */
    assert_int_equal(date("Friday, 01-Jan-00 00:00:00 GMT", 4070908800LL /* 2099 */),
                     4102444800LL);
}

static void test_invalid_dates(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "Sun, 31 Feb 2026 08:49:37 GMT", "Mon, 29 Feb 1900 00:00:00 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:49:61 GMT", "Sun, 00 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
        "sun, 06 nov 1994 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT",
        "Sun, 06-Nov-94 08:49:37 GMT",   "Sunday, 06 Nov 1994 08:49:37 GMT",
        "Sund, 06-Nov-94 08:49:37 GMT",  "Sun Nov 6 08:49:37 1994",
        "Sun Nov  6 08:49:37 94",        "Sun, 06 Nov 1994 08:49:37 GMT x",
        "Sun, 06 Nvv 1994 08:49:37 GMT", "",
        "Sunday, 06-Nov-94 08:49:37 GMT and a very long tail of text"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(date(bad[i], 0), -2);
}

static void test_delay_by_type(void **state)
{
    (void)state;
    const int64_t now = T1994;
    assert_int_equal(ec_delay_seconds(EC_HDR_SECONDS, " 120 ", NULL, now), 120);
    /* Retry-After may be a date: a seconds header reads one too */
    assert_int_equal(ec_delay_seconds(EC_HDR_SECONDS, "Sun, 06 Nov 1994 08:50:37 GMT", NULL, now),
                     60);
    assert_int_equal(ec_delay_seconds(EC_HDR_SECONDS, "-1", NULL, now), -1);
    assert_int_equal(ec_delay_seconds(EC_HDR_EPOCH_SECONDS, "784111807", NULL, now), 30);
    assert_int_equal(ec_delay_seconds(EC_HDR_EPOCH_SECONDS, "784111000", NULL, now), 0);
    assert_int_equal(ec_delay_seconds(EC_HDR_EPOCH_SECONDS, "Sun, 06 Nov 1994 08:50:37 GMT",
                                      NULL, now),
                     -1);
    assert_int_equal(ec_delay_seconds(EC_HDR_HTTP_DATE, "120", NULL, now), -1);
    /* against the Date header when it is a date, else now */
    assert_int_equal(ec_delay_seconds(EC_HDR_HTTP_DATE, "Sun, 06 Nov 1994 08:50:37 GMT",
                                      "Sun, 06 Nov 1994 08:50:00 GMT", now),
                     37);
    assert_int_equal(ec_delay_seconds(EC_HDR_EPOCH_SECONDS, "784111807", "soon", now), 30);
    assert_true(ec_delay_seconds(EC_HDR_EPOCH_SECONDS, "99999999999999999999999", NULL, now) >
                EC_MAX_HEADER_DELAY_S);
    assert_int_equal(ec_delay_seconds(EC_HDR_STRING, "120", NULL, now), -1);
    assert_int_equal(ec_delay_seconds(EC_HDR_INTEGER, "120", NULL, now), -1);
}

static void test_header_delay_capped(void **state)
{
    (void)state;
    ec_policy p = {.retry = EC_RETRY_ALWAYS, .delay_header = "Retry-After", .default_ms = 5};
    assert_int_equal(ec_decide(&p, 1, 86401).delay_ms, 86400000);
    assert_int_equal(ec_decide(&p, 1, INT64_MAX).delay_ms, 86400000);
    assert_int_equal(ec_decide(&p, 1, 3).delay_ms, 3000);
    assert_int_equal(ec_decide(&p, 1, -1).delay_ms, 5);
    p.max_ms = 2000;
    assert_int_equal(ec_decide(&p, 1, 3).delay_ms, 2000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_formats),
        cmocka_unit_test(test_two_digit_years),
        cmocka_unit_test(test_invalid_dates),
        cmocka_unit_test(test_delay_by_type),
        cmocka_unit_test(test_header_delay_capped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
