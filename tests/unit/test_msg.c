/* test_msg.c: placeholder scanning of messages (gen/msg.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "msg.h"

#include <stdio.h>
#include <string.h>

/* Scans 'msg' into a readable form: literal parts as "'text'@offset",
** placeholders as "{name}@offset", separated by spaces; a bad placeholder
** ends the list with "BAD@offset". */
static const char *scan(const char *msg)
{
    static char out[1024];
    size_t n = 0;
    out[0] = '\0';
    const char *cur = msg;
    ec_msg_part part;
    ec_msg_status st;
    while ((st = ec_msg_next(msg, &cur, &part)) != EC_MSG_END) {
        if (st == EC_MSG_BAD) {
            n += (size_t)snprintf(out + n, sizeof out - n, "%sBAD@%zu", n ? " " : "",
                                  part.offset);
            break;
        }
        assert_int_equal(st, EC_MSG_PART);
        /* the part's text lies inside the message */
        assert_true(part.text >= msg && part.text + part.len <= msg + strlen(msg));
        n += (size_t)snprintf(out + n, sizeof out - n, part.is_param ? "%s{%.*s}@%zu" : "%s'%.*s'@%zu",
                              n ? " " : "", (int)part.len, part.text, part.offset);
    }
    return out;
}

static void test_plain_message(void **state)
{
    (void)state;
    assert_string_equal(scan("Quote expired"), "'Quote expired'@0");
    assert_string_equal(scan(""), "");
}

static void test_placeholder_in_text(void **state)
{
    (void)state;
    assert_string_equal(scan("Top up ${solAmount} SOL"),
                        "'Top up '@0 {solAmount}@7 ' SOL'@19");
    assert_string_equal(scan("${a}"), "{a}@0");
    assert_string_equal(scan("custom program error: #${code}"),
                        "'custom program error: #'@0 {code}@23");
}

static void test_adjacent_placeholders(void **state)
{
    (void)state;
    assert_string_equal(scan("${a}${b}"), "{a}@0 {b}@4");
    assert_string_equal(scan("${a_1} ${_b}"), "{a_1}@0 ' '@6 {_b}@7");
}

/* "$$" is a literal '$': its own one-byte part (the second '$'). */
static void test_dollar_dollar(void **state)
{
    (void)state;
    assert_string_equal(scan("$$5"), "'$'@0 '5'@2");
    assert_string_equal(scan("costs $$${n}"), "'costs '@0 '$'@6 {n}@8");
    assert_string_equal(scan("$${x}"), "'$'@0 '{x}'@2");
    assert_string_equal(scan("$$$$"), "'$'@0 '$'@2");
    assert_string_equal(scan("a$$"), "'a'@0 '$'@1");
}

/* A '$' before anything but '{' or '$' is literal. */
static void test_lone_dollar(void **state)
{
    (void)state;
    assert_string_equal(scan("a $ b"), "'a $ b'@0");
    assert_string_equal(scan("$5"), "'$5'@0");
    assert_string_equal(scan("ends with $"), "'ends with $'@0");
    assert_string_equal(scan("$"), "'$'@0");
    assert_string_equal(scan("{a}"), "'{a}'@0");
}

static void test_malformed_placeholders(void **state)
{
    (void)state;
    assert_string_equal(scan("${"), "BAD@0");
    assert_string_equal(scan("${}"), "BAD@0");
    assert_string_equal(scan("${1x}"), "BAD@0");
    assert_string_equal(scan("${a b}"), "BAD@0");
    assert_string_equal(scan("${a-b}"), "BAD@0");
    assert_string_equal(scan("${name"), "BAD@0");
    assert_string_equal(scan("abc ${x"), "'abc '@0 BAD@4");
    assert_string_equal(scan("ok ${a} then ${"), "'ok '@0 {a}@3 ' then '@7 BAD@13");
}

/* At the end the cursor stays put and END repeats. */
static void test_end_is_sticky(void **state)
{
    (void)state;
    const char *msg = "x";
    const char *cur = msg;
    ec_msg_part part;
    assert_int_equal(ec_msg_next(msg, &cur, &part), EC_MSG_PART);
    assert_int_equal(ec_msg_next(msg, &cur, &part), EC_MSG_END);
    assert_int_equal(ec_msg_next(msg, &cur, &part), EC_MSG_END);
    assert_ptr_equal(cur, msg + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_message),
        cmocka_unit_test(test_placeholder_in_text),
        cmocka_unit_test(test_adjacent_placeholders),
        cmocka_unit_test(test_dollar_dollar),
        cmocka_unit_test(test_lone_dollar),
        cmocka_unit_test(test_malformed_placeholders),
        cmocka_unit_test(test_end_is_sticky),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
