/* test_buf.c: the growable, always NUL-terminated byte buffer (gen/buf.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "buf.h"

#include <stdlib.h>
#include <string.h>

static void test_init_is_empty_string(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    assert_non_null(b.data);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    ec_buf_free(&b);
    assert_non_null(b.data);
    assert_int_equal(b.len, 0);
}

static void test_put_puts_putc(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_puts(&b, "abc");
    ec_buf_putc(&b, '-');
    ec_buf_put(&b, "xyz123", 3);
    ec_buf_put(&b, "ignored", 0);
    assert_string_equal(b.data, "abc-xyz");
    assert_int_equal(b.len, 7);
    ec_buf_free(&b);
}

/* Embedded NUL bytes are kept and counted; the terminator follows them. */
static void test_binary_bytes(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_put(&b, "a\0b", 3);
    ec_buf_putc(&b, '\0');
    assert_int_equal(b.len, 4);
    assert_memory_equal(b.data, "a\0b\0", 5);
    ec_buf_free(&b);
}

/* Growth keeps every byte and the terminator, one byte at a time and in big
** steps, across many reallocations. */
static void test_growth_keeps_content_and_terminator(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    for (size_t i = 0; i < 100000; i++) {
        ec_buf_putc(&b, (char)('a' + i % 26));
        assert_int_equal(b.data[b.len], '\0');
        assert_true(b.cap > b.len);
    }
    assert_int_equal(b.len, 100000);
    for (size_t i = 0; i < b.len; i++)
        assert_int_equal(b.data[i], 'a' + i % 26);
    char big[70000];
    memset(big, 'Z', sizeof big);
    ec_buf_put(&b, big, sizeof big);
    assert_int_equal(b.len, 170000);
    assert_int_equal(b.data[99999], 'a' + 99999 % 26);
    assert_int_equal(b.data[100000], 'Z');
    assert_int_equal(b.data[169999], 'Z');
    assert_int_equal(b.data[170000], '\0');
    ec_buf_free(&b);
}

/* After reserve(n), n bytes and the terminator fit without a reallocation. */
static void test_reserve(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_puts(&b, "x");
    ec_buf_reserve(&b, 1000);
    assert_true(b.cap >= b.len + 1000 + 1);
    char *before = b.data;
    for (int i = 0; i < 1000; i++)
        ec_buf_putc(&b, 'y');
    assert_ptr_equal(b.data, before);
    assert_int_equal(b.len, 1001);
    assert_int_equal(b.data[1001], '\0');
    ec_buf_free(&b);
}

static void test_printf_appends(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_puts(&b, "n=");
    ec_buf_printf(&b, "%d, s=%s, x=%04x", -17, "str", 0xbeef);
    assert_string_equal(b.data, "n=-17, s=str, x=beef");
    assert_int_equal(b.len, strlen("n=-17, s=str, x=beef"));
    ec_buf_printf(&b, "%s", "");
    assert_int_equal(b.len, strlen("n=-17, s=str, x=beef"));
    /* A long expansion forces growth inside printf. */
    char longs[5000];
    memset(longs, 'w', sizeof longs - 1);
    longs[sizeof longs - 1] = '\0';
    ec_buf_printf(&b, "[%s]", longs);
    assert_int_equal(b.len, strlen("n=-17, s=str, x=beef") + sizeof longs + 1);
    assert_int_equal(b.data[b.len - 1], ']');
    assert_int_equal(b.data[b.len], '\0');
    ec_buf_free(&b);
}

/* printf writes in one pass when the text fits the room left, and again
** after growing when it does not: around the exact fit. */
static void test_printf_room_boundary(void **state)
{
    (void)state;
    for (size_t pre = 50; pre < 70; pre++) {
        ec_buf b;
        ec_buf_init(&b);
        for (size_t i = 0; i < pre; i++)
            ec_buf_putc(&b, 'x');
        size_t cap = b.cap;
        ec_buf_printf(&b, "%s-%d", "abcdefghij", 12345);
        assert_int_equal(b.len, pre + 16);
        assert_string_equal(b.data + pre, "abcdefghij-12345");
        assert_true(b.cap > b.len);
        assert_true(pre + 16 < cap ? b.cap == cap : b.cap > cap);
        ec_buf_free(&b);
    }
}

/* printf into a fresh, never-grown buffer. */
static void test_printf_on_empty_buffer(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_printf(&b, "%u", 7u);
    assert_string_equal(b.data, "7");
    assert_int_equal(b.len, 1);
    ec_buf_free(&b);
}

static void test_detach_hands_over_bytes(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_puts(&b, "owned");
    size_t len = 0;
    char *p = ec_buf_detach(&b, &len);
    assert_string_equal(p, "owned");
    assert_int_equal(len, 5);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    assert_ptr_not_equal(b.data, p);
    /* The buffer is reusable and independent of the detached bytes. */
    ec_buf_puts(&b, "new");
    assert_string_equal(p, "owned");
    assert_string_equal(b.data, "new");
    free(p);
    ec_buf_free(&b);
}

/* Detaching an empty buffer still gives a free()-able empty string. */
static void test_detach_empty(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    size_t len = 99;
    char *p = ec_buf_detach(&b, &len);
    assert_non_null(p);
    assert_string_equal(p, "");
    assert_int_equal(len, 0);
    free(p);
    char *q = ec_buf_detach(&b, NULL);
    assert_string_equal(q, "");
    free(q);
}

static void test_reset_keeps_capacity(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_reset(&b); /* on a never-grown buffer */
    assert_string_equal(b.data, "");
    ec_buf_puts(&b, "some text");
    size_t cap = b.cap;
    ec_buf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    assert_int_equal(b.cap, cap);
    ec_buf_puts(&b, "ab");
    assert_string_equal(b.data, "ab");
    ec_buf_free(&b);
}

static ec_buf spilled_to;

static void collect(void *ud, const char *data, size_t n)
{
    assert_ptr_equal(ud, &spilled_to);
    ec_buf_put(&spilled_to, data, n);
}

/* A buffer with a spill function hands its bytes over only at
** ec_buf_spill and only past EC_BUF_SPILL; position and last byte count
** what went. */
static void test_spill(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_init(&spilled_to);
    assert_int_equal(ec_buf_last(&b), -1);
    ec_buf_puts(&b, "small\n");
    ec_buf_spill(&b); /* no spill function: nothing happens */
    assert_int_equal(b.len, 6);
    b.spill = collect;
    b.spill_ud = &spilled_to;
    ec_buf_spill(&b); /* too little to bother */
    assert_int_equal(spilled_to.len, 0);
    for (size_t i = 0; ec_buf_pos(&b) < EC_BUF_SPILL; i++)
        ec_buf_putc(&b, (char)('a' + i % 26));
    size_t pos = ec_buf_pos(&b);
    int last = ec_buf_last(&b);
    ec_buf_spill(&b);
    assert_int_equal(b.len, 0);
    assert_int_equal(spilled_to.len, pos);
    assert_int_equal(ec_buf_pos(&b), pos);
    assert_int_equal(ec_buf_last(&b), last);
    assert_memory_equal(spilled_to.data, "small\n", 6);
    ec_buf_putc(&b, 'z');
    assert_int_equal(ec_buf_pos(&b), pos + 1);
    assert_int_equal(ec_buf_last(&b), 'z');
    ec_buf_free(&b);
    ec_buf_free(&spilled_to);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_is_empty_string),
        cmocka_unit_test(test_put_puts_putc),
        cmocka_unit_test(test_binary_bytes),
        cmocka_unit_test(test_growth_keeps_content_and_terminator),
        cmocka_unit_test(test_reserve),
        cmocka_unit_test(test_printf_appends),
        cmocka_unit_test(test_printf_room_boundary),
        cmocka_unit_test(test_printf_on_empty_buffer),
        cmocka_unit_test(test_detach_hands_over_bytes),
        cmocka_unit_test(test_detach_empty),
        cmocka_unit_test(test_reset_keeps_capacity),
        cmocka_unit_test(test_spill),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
