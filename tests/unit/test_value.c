/* test_value.c: the generic value tree (gen/value.c): text form of scalars,
** truthiness, map lookup, builders and the exact bytes of ec_json_write. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "value.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static ec_buf text_buf, json_buf;

/* The text form of 'v' (valid until the next call). */
static const char *text(ec_value v)
{
    ec_buf_reset(&text_buf);
    ec_value_text(&v, &text_buf);
    return text_buf.data;
}

/* The JSON form of 'v' (valid until the next call). */
static const char *json(ec_value v)
{
    ec_buf_reset(&json_buf);
    ec_json_write(&v, &json_buf);
    return json_buf.data;
}

static void test_text_of_scalars(void **state)
{
    (void)state;
    assert_string_equal(text(ec_vnull()), "");
    assert_string_equal(text(ec_vbool(true)), "true");
    assert_string_equal(text(ec_vbool(false)), "false");
    assert_string_equal(text(ec_vint(0)), "0");
    assert_string_equal(text(ec_vint(-42)), "-42");
    assert_string_equal(text(ec_vint(INT64_MAX)), "9223372036854775807");
    assert_string_equal(text(ec_vint(INT64_MIN)), "-9223372036854775808");
    assert_string_equal(text(ec_vint(INT64_MIN + 1)), "-9223372036854775807");
    assert_string_equal(text(ec_vint(10)), "10");
    assert_string_equal(text(ec_vint(-1000000)), "-1000000");
    assert_string_equal(text(ec_vstr("plain")), "plain");
    assert_string_equal(text(ec_vstrn("abcdef", 3)), "abc");
}

/* Floats: the shortest text that reads back to the same double. */
static void test_text_of_floats(void **state)
{
    (void)state;
    assert_string_equal(text(ec_vfloat(1.5)), "1.5");
    assert_string_equal(text(ec_vfloat(0.1)), "0.1");
    assert_string_equal(text(ec_vfloat(1.21)), "1.21");
    assert_string_equal(text(ec_vfloat(-2.25)), "-2.25");
    assert_string_equal(text(ec_vfloat(100.0)), "100");
    assert_string_equal(text(ec_vfloat(-0.0)), "0");
    assert_string_equal(text(ec_vfloat(0.1 + 0.2)), "0.30000000000000004");
    assert_string_equal(text(ec_vfloat(1.0 / 3.0)), "0.3333333333333333");
    assert_string_equal(text(ec_vfloat(123456.789)), "123456.789");
    assert_string_equal(text(ec_vfloat(1e21)), "1e+21");
    assert_string_equal(text(ec_vfloat(1.5e300)), "1.5e+300");
    assert_string_equal(text(ec_vfloat(HUGE_VAL)), "Infinity");
    assert_string_equal(text(ec_vfloat(-HUGE_VAL)), "-Infinity");
    assert_string_equal(text(ec_vfloat(NAN)), "NaN");
}

/* KNOWN BUG (gen/value.c put_float): value.c says floats print "the way
** JavaScript prints numbers" and value.h promises "the shortest form", but
** printf's %g switches to exponent form at 1e15 and below 1e-4 and pads the
** exponent to two digits. JavaScript (String(x)) gives these: */
static void test_text_of_floats_like_javascript(void **state)
{
    (void)state;
    assert_string_equal(text(ec_vfloat(1e15)), "1000000000000000");
    assert_string_equal(text(ec_vfloat(1e20)), "100000000000000000000");
    assert_string_equal(text(ec_vfloat(0.00001)), "0.00001");
    assert_string_equal(text(ec_vfloat(1e-7)), "1e-7");
    assert_string_equal(text(ec_vfloat(2.5e-10)), "2.5e-10");
}

/* Lists and maps have no text form. */
static void test_text_of_containers_is_empty(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_push(&b, ec_vint(1));
    assert_string_equal(text(ec_builder_list(&b, &a)), "");
    ec_builder_init(&b);
    ec_builder_add(&b, "k", ec_vint(1));
    assert_string_equal(text(ec_builder_map(&b, &a)), "");
    ec_arena_free(&a);
}

static void test_truthiness(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_value v;
#define TRUTHY(expr, want)                                                     \
    do {                                                                       \
        v = (expr);                                                            \
        assert_int_equal(ec_value_truthy(&v), (want));                         \
    } while (0)
    TRUTHY(ec_vnull(), false);
    TRUTHY(ec_vbool(false), false);
    TRUTHY(ec_vbool(true), true);
    TRUTHY(ec_vint(0), false);
    TRUTHY(ec_vint(-1), true);
    TRUTHY(ec_vfloat(0.0), false);
    TRUTHY(ec_vfloat(-0.0), false);
    TRUTHY(ec_vfloat(0.5), true);
    TRUTHY(ec_vstr(""), false);
    TRUTHY(ec_vstr("0"), true);
    TRUTHY(ec_vstr("false"), true);
    ec_builder b;
    ec_builder_init(&b);
    TRUTHY(ec_builder_list(&b, &a), false);
    ec_builder_init(&b);
    ec_builder_push(&b, ec_vbool(false));
    TRUTHY(ec_builder_list(&b, &a), true);
    ec_builder_init(&b);
    TRUTHY(ec_builder_map(&b, &a), true); /* an empty map is still an object */
#undef TRUTHY
    ec_arena_free(&a);
}

static void test_map_get(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "alpha", ec_vint(1));
    ec_builder_add(&b, "beta", ec_vstr("two"));
    ec_builder_add(&b, "", ec_vbool(true));
    ec_value m = ec_builder_map(&b, &a);
    assert_int_equal(m.kind, EC_VMAP);
    assert_int_equal(m.len, 3);
    const ec_value *x = ec_map_get(&m, "beta");
    assert_non_null(x);
    assert_int_equal(x->kind, EC_VSTR);
    assert_string_equal(x->u.s, "two");
    assert_int_equal(ec_map_get(&m, "alpha")->u.i, 1);
    assert_non_null(ec_map_get(&m, ""));
    assert_null(ec_map_get(&m, "alph"));
    assert_null(ec_map_get(&m, "gamma"));
    assert_null(ec_map_get(NULL, "alpha"));
    ec_value s = ec_vstr("alpha");
    assert_null(ec_map_get(&s, "alpha"));
    ec_arena_free(&a);
}

/* Builders copy into the arena: the frozen tree keeps its order and does
** not depend on the (freed) scratch array. */
static void test_builders(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_builder b;
    ec_builder_init(&b);
    for (int i = 0; i < 100; i++)
        ec_builder_push(&b, ec_vint(i * i));
    ec_value l = ec_builder_list(&b, &a);
    assert_null(b.members);
    assert_int_equal(b.len, 0);
    assert_int_equal(l.kind, EC_VLIST);
    assert_int_equal(l.len, 100);
    for (uint32_t i = 0; i < 100; i++)
        assert_int_equal(l.u.items[i].u.i, (int64_t)i * i);
    ec_builder_init(&b);
    ec_builder_add(&b, "x", ec_vint(1));
    ec_builder_discard(&b);
    assert_int_equal(b.len, 0);
    ec_arena_free(&a);
}

static void test_json_scalars(void **state)
{
    (void)state;
    assert_string_equal(json(ec_vnull()), "null\n");
    assert_string_equal(json(ec_vbool(true)), "true\n");
    assert_string_equal(json(ec_vint(-7)), "-7\n");
    assert_string_equal(json(ec_vfloat(2.5)), "2.5\n");
    assert_string_equal(json(ec_vstr("hi")), "\"hi\"\n");
    assert_string_equal(json(ec_vstr("")), "\"\"\n");
    /* JSON has no NaN or infinities. */
    assert_string_equal(json(ec_vfloat(NAN)), "null\n");
    assert_string_equal(json(ec_vfloat(HUGE_VAL)), "null\n");
    assert_string_equal(json(ec_vfloat(-HUGE_VAL)), "null\n");
}

static void test_json_nested_exact_bytes(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_builder inner, list, top, empty;
    ec_builder_init(&inner);
    ec_builder_add(&inner, "d", ec_vfloat(1.5));
    ec_builder_add(&inner, "deeper", ec_vnull());
    ec_value inner_v = ec_builder_map(&inner, &a);

    ec_builder_init(&list);
    ec_builder_push(&list, ec_vbool(true));
    ec_builder_push(&list, ec_vnull());
    ec_builder_push(&list, ec_vstr("x"));
    ec_builder_push(&list, inner_v);
    ec_value list_v = ec_builder_list(&list, &a);

    ec_builder_init(&top);
    ec_builder_add(&top, "a", ec_vint(1));
    ec_builder_add(&top, "b", list_v);
    ec_builder_add(&top, "c", inner_v);
    ec_builder_init(&empty);
    ec_builder_add(&top, "e", ec_builder_list(&empty, &a));
    ec_builder_init(&empty);
    ec_builder_add(&top, "f", ec_builder_map(&empty, &a));
    ec_value v = ec_builder_map(&top, &a);

    assert_string_equal(json(v), "{\n"
                                 "  \"a\": 1,\n"
                                 "  \"b\": [\n"
                                 "    true,\n"
                                 "    null,\n"
                                 "    \"x\",\n"
                                 "    {\n"
                                 "      \"d\": 1.5,\n"
                                 "      \"deeper\": null\n"
                                 "    }\n"
                                 "  ],\n"
                                 "  \"c\": {\n"
                                 "    \"d\": 1.5,\n"
                                 "    \"deeper\": null\n"
                                 "  },\n"
                                 "  \"e\": [],\n"
                                 "  \"f\": {}\n"
                                 "}\n");
    ec_arena_free(&a);
}

static void test_json_empty_containers_at_top(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_builder b;
    ec_builder_init(&b);
    assert_string_equal(json(ec_builder_list(&b, &a)), "[]\n");
    ec_builder_init(&b);
    assert_string_equal(json(ec_builder_map(&b, &a)), "{}\n");
    ec_arena_free(&a);
}

static void test_json_string_escapes(void **state)
{
    (void)state;
    /* quote, backslash, the short escapes, other controls as \u00XX, DEL */
    assert_string_equal(json(ec_vstr("say \"hi\" \\o/")), "\"say \\\"hi\\\" \\\\o/\"\n");
    assert_string_equal(json(ec_vstr("a\nb\rc\td")), "\"a\\nb\\rc\\td\"\n");
    assert_string_equal(json(ec_vstr("\x01|\x08|\x0c|\x1f|\x7f")),
                        "\"\\u0001|\\u0008|\\u000c|\\u001f|\\u007f\"\n");
    /* The slash and non-ASCII text stay as they are. */
    assert_string_equal(json(ec_vstr("a/b \xc3\xa9 \xe2\x82\xac")), "\"a/b \xc3\xa9 \xe2\x82\xac\"\n");
}

/* U+2028 and U+2029 are valid in JSON but end a line in JavaScript. */
static void test_json_line_separators(void **state)
{
    (void)state;
    assert_string_equal(json(ec_vstr("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c")),
                        "\"a\\u2028b\\u2029c\"\n");
    assert_string_equal(json(ec_vstr("\xe2\x80\xa8")), "\"\\u2028\"\n");
    assert_string_equal(json(ec_vstr("end\xe2\x80\xa9")), "\"end\\u2029\"\n");
    /* Neighbours that share the lead bytes are left alone. */
    assert_string_equal(json(ec_vstr("\xe2\x80\xa6\xe2\x80\xaa")),
                        "\"\xe2\x80\xa6\xe2\x80\xaa\"\n");
    /* A truncated sequence at the end is not read past. */
    assert_string_equal(json(ec_vstrn("x\xe2\x80\xa8", 3)), "\"x\xe2\x80\"\n");
    /* Lead bytes of other characters, alone or at the end, stay. */
    assert_string_equal(json(ec_vstr("\xc2\xa0|\xc2\x85|\xe2")), "\"\xc2\xa0|\\u0085|\xe2\"\n");
    assert_string_equal(json(ec_vstrn("\xc2\x85", 1)), "\"\xc2\"\n");
}

/* Keys are escaped like strings; strings use their length. */
static void test_json_keys_and_lengths(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "k\"\n", ec_vstrn("abcdef", 2));
    assert_string_equal(json(ec_builder_map(&b, &a)), "{\n  \"k\\\"\\n\": \"ab\"\n}\n");
    ec_arena_free(&a);
}

/* Indentation past the depths written in one copy: two spaces a level at
** every depth, here 0 to 40. */
static void test_json_deep_indentation(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_value v = ec_vint(7);
    for (int d = 0; d < 40; d++) {
        ec_builder b;
        ec_builder_init(&b);
        ec_builder_push(&b, v);
        v = ec_builder_list(&b, &a);
    }
    static char want[8192];
    size_t n = 0;
    for (int d = 0; d < 40; d++)
        n += (size_t)snprintf(want + n, sizeof want - n, "%*s[\n", 2 * d, "");
    n += (size_t)snprintf(want + n, sizeof want - n, "%*s7\n", 80, "");
    for (int d = 39; d >= 0; d--)
        n += (size_t)snprintf(want + n, sizeof want - n, "%*s]\n", 2 * d, "");
    assert_string_equal(json(v), want);
    ec_arena_free(&a);
}

/* ec_json_write appends. */
static void test_json_appends(void **state)
{
    (void)state;
    ec_buf out;
    ec_buf_init(&out);
    ec_buf_puts(&out, "x=");
    ec_value v = ec_vint(3);
    ec_json_write(&v, &out);
    assert_string_equal(out.data, "x=3\n");
    ec_buf_free(&out);
}

static int setup_bufs(void **state)
{
    (void)state;
    ec_buf_init(&text_buf);
    ec_buf_init(&json_buf);
    return 0;
}

static int free_bufs(void **state)
{
    (void)state;
    ec_buf_free(&text_buf);
    ec_buf_free(&json_buf);
    return 0;
}

/* A lazy list of the squares 0, 1, 4, ...; each item a map made on demand. */
static ec_value make_square(const void *ud, uint32_t i, ec_arena *a)
{
    (void)ud;
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "n", ec_vint(i));
    ec_builder_add(&b, "square", ec_vint((int64_t)i * i));
    return ec_builder_map(&b, a);
}

/* A lazy list writes the bytes its items would as a plain list, and is
** truthy when it has items. */
static void test_lazy_list(void **state)
{
    (void)state;
    static const ec_lazy squares = {make_square, NULL};
    ec_arena a;
    ec_arena_init(&a);
    ec_value lazy = {.kind = EC_VLAZY, .len = 3, .u.lazy = &squares};
    ec_builder l;
    ec_builder_init(&l);
    for (uint32_t i = 0; i < 3; i++)
        ec_builder_push(&l, make_square(NULL, i, &a));
    ec_value plain = ec_builder_list(&l, &a);
    const char *want = ec_arena_strdup(&a, json(plain));
    assert_string_equal(json(lazy), want);
    assert_true(ec_value_truthy(&lazy));
    ec_value none = {.kind = EC_VLAZY, .len = 0, .u.lazy = &squares};
    assert_false(ec_value_truthy(&none));
    assert_string_equal(json(none), "[]\n");
    assert_string_equal(text(lazy), "");
    ec_value item = ec_list_at(&lazy, 2, &a);
    assert_int_equal(ec_map_get(&item, "square")->u.i, 4);
    ec_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_of_scalars),
        cmocka_unit_test(test_text_of_floats),
        cmocka_unit_test(test_text_of_floats_like_javascript),
        cmocka_unit_test(test_text_of_containers_is_empty),
        cmocka_unit_test(test_truthiness),
        cmocka_unit_test(test_map_get),
        cmocka_unit_test(test_builders),
        cmocka_unit_test(test_json_scalars),
        cmocka_unit_test(test_json_nested_exact_bytes),
        cmocka_unit_test(test_json_empty_containers_at_top),
        cmocka_unit_test(test_json_string_escapes),
        cmocka_unit_test(test_json_line_separators),
        cmocka_unit_test(test_json_keys_and_lengths),
        cmocka_unit_test(test_json_deep_indentation),
        cmocka_unit_test(test_json_appends),
        cmocka_unit_test(test_lazy_list),
    };
    return cmocka_run_group_tests(tests, setup_bufs, free_bufs);
}
