/* test_doc.c: YAML text to a positioned value tree (gen/doc.c): core-schema
** resolution, positions, and every refusal with its exact diagnostic. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "doc.h"

#include <math.h>
#include <string.h>

/* One parse: its arena, diagnostics and their text. */
typedef struct parsed {
    ec_arena a;
    ec_diag d;
    ec_buf diags;
    ec_value v;
    bool ok;
} parsed;

static parsed P;

static int setup(void **state)
{
    (void)state;
    ec_arena_init(&P.a);
    ec_diag_init(&P.d);
    ec_buf_init(&P.diags);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ec_buf_free(&P.diags);
    ec_diag_free(&P.d);
    ec_arena_free(&P.a);
    return 0;
}

/* Parses 'len' bytes of 'text' as file "t.yaml" with 'lim' (NULL: defaults);
** returns the diagnostics as text. Each call starts afresh. */
static const char *parse_n(const char *text, size_t len, const ec_doc_limits *lim)
{
    teardown(NULL);
    setup(NULL);
    P.ok = ec_doc_parse(&P.a, "t.yaml", text, len, lim, &P.d, &P.v);
    ec_diag_format(&P.d, &P.diags);
    return P.diags.data;
}

static const char *parse(const char *text)
{
    return parse_n(text, strlen(text), NULL);
}

/* Parses "x: <scalar>\n" and returns the value of x. */
static const ec_value *scalar(const char *s)
{
    ec_buf src;
    ec_buf_init(&src);
    ec_buf_printf(&src, "x: %s\n", s);
    /* the tree keeps pointers into the arena, not into 'src' */
    const char *diags = parse(src.data);
    ec_buf_free(&src);
    assert_string_equal(diags, "");
    assert_true(P.ok);
    const ec_value *x = ec_map_get(&P.v, "x");
    assert_non_null(x);
    return x;
}

#define ASSERT_NULL_SCALAR(src_) assert_int_equal(scalar(src_)->kind, EC_VNULL)
#define ASSERT_BOOL(src_, want)                                                   \
    do {                                                                       \
        const ec_value *v_ = scalar(src_);                                        \
        assert_int_equal(v_->kind, EC_VBOOL);                                  \
        assert_int_equal(v_->u.b, (want));                                     \
    } while (0)
#define ASSERT_INT(src_, want)                                                    \
    do {                                                                       \
        const ec_value *v_ = scalar(src_);                                        \
        assert_int_equal(v_->kind, EC_VINT);                                   \
        assert_true(v_->u.i == (int64_t)(want));                               \
    } while (0)
#define ASSERT_FLOAT(src_, want)                                                  \
    do {                                                                       \
        const ec_value *v_ = scalar(src_);                                        \
        assert_int_equal(v_->kind, EC_VFLOAT);                                 \
        assert_true(v_->u.f == (want));                                        \
    } while (0)
#define ASSERT_STR(src_, want)                                                    \
    do {                                                                       \
        const ec_value *v_ = scalar(src_);                                        \
        assert_int_equal(v_->kind, EC_VSTR);                                   \
        assert_string_equal(v_->u.s, (want));                                  \
        assert_int_equal(v_->len, strlen(want));                               \
    } while (0)

static void test_core_schema_null_and_bool(void **state)
{
    (void)state;
    ASSERT_NULL_SCALAR("null");
    ASSERT_NULL_SCALAR("Null");
    ASSERT_NULL_SCALAR("NULL");
    ASSERT_NULL_SCALAR("~");
    ASSERT_NULL_SCALAR("");
    ASSERT_BOOL("true", true);
    ASSERT_BOOL("True", true);
    ASSERT_BOOL("TRUE", true);
    ASSERT_BOOL("false", false);
    ASSERT_BOOL("False", false);
    ASSERT_BOOL("FALSE", false);
    /* YAML 1.1 booleans are plain strings in 1.2 */
    ASSERT_STR("yes", "yes");
    ASSERT_STR("No", "No");
    ASSERT_STR("on", "on");
    ASSERT_STR("nULL", "nULL");
    ASSERT_STR("tRUE", "tRUE");
}

static void test_core_schema_integers(void **state)
{
    (void)state;
    ASSERT_INT("0", 0);
    ASSERT_INT("-12", -12);
    ASSERT_INT("+12", 12);
    ASSERT_INT("012", 12); /* decimal, not octal, in YAML 1.2 */
    ASSERT_INT("0x1F", 31);
    ASSERT_INT("0xff", 255);
    ASSERT_INT("0o17", 15);
    ASSERT_INT("9223372036854775807", INT64_MAX);
    ASSERT_INT("-9223372036854775808", INT64_MIN);
    ASSERT_INT("0x7FFFFFFFFFFFFFFF", INT64_MAX);
    /* not integers of the core schema */
    ASSERT_STR("0X1F", "0X1F");
    ASSERT_STR("-0x1F", "-0x1F");
    ASSERT_STR("0o8", "0o8");
    ASSERT_STR("0b101", "0b101");
    ASSERT_STR("1_000", "1_000");
    ASSERT_STR("0x", "0x");
    ASSERT_STR("12abc", "12abc");
    ASSERT_STR("1 2", "1 2");
}

static void test_core_schema_floats(void **state)
{
    (void)state;
    ASSERT_FLOAT("1.5", 1.5);
    ASSERT_FLOAT("-1.5", -1.5);
    ASSERT_FLOAT(".5", 0.5);
    ASSERT_FLOAT("1.", 1.0);
    ASSERT_FLOAT("1e3", 1000.0);
    ASSERT_FLOAT("-2.5E-3", -0.0025);
    ASSERT_FLOAT("+1.25e+2", 125.0);
    ASSERT_FLOAT(".inf", HUGE_VAL);
    ASSERT_FLOAT(".Inf", HUGE_VAL);
    ASSERT_FLOAT("+.INF", HUGE_VAL);
    ASSERT_FLOAT("-.inf", -HUGE_VAL);
    const ec_value *nan = scalar(".nan");
    assert_int_equal(nan->kind, EC_VFLOAT);
    assert_true(isnan(nan->u.f));
    ASSERT_STR(".", ".");
    ASSERT_STR("1.2.3", "1.2.3");
    ASSERT_STR("1e", "1e");
    ASSERT_STR("e5", "e5");
    ASSERT_STR("+", "+");
    ASSERT_STR(".infinity", ".infinity");
    ASSERT_STR("1.4.0", "1.4.0");
}

/* Quoting or !!str keeps the text a string; the raw text is kept. */
static void test_quoted_stays_string(void **state)
{
    (void)state;
    ASSERT_STR("\"123\"", "123");
    ASSERT_STR("'123'", "123");
    ASSERT_STR("\"true\"", "true");
    ASSERT_STR("'null'", "null");
    ASSERT_STR("\"\"", "");
    ASSERT_STR("!!str 0x1F", "0x1F");
    ASSERT_STR("! 12", "12");
    ASSERT_STR("|\n  12\n", "12\n");
    const ec_value *v = scalar("0x1F");
    assert_string_equal(v->raw, "0x1F");
    v = scalar("1.50");
    assert_string_equal(v->raw, "1.50");
}

static void test_strings_and_escapes(void **state)
{
    (void)state;
    ASSERT_STR("hello world", "hello world");
    ASSERT_STR("\"tab\\there \\u00e9\"", "tab\there \xc3\xa9");
    ASSERT_STR("Top up ${solAmount} SOL", "Top up ${solAmount} SOL");
    ASSERT_STR("'it''s'", "it's");
}

/* Positions are 1-based line:col of the first character of each node. */
/* Parsed split, a string's text is with the strings and a number's (its
** raw text, for diagnostics) with the nodes: a catalog keeps only the
** strings. A copy keeps a string's raw text, not a number's. */
static void test_split_keeps_strings_only(void **state)
{
    (void)state;
    ec_arena nodes, strings;
    ec_arena_init(&nodes);
    ec_arena_init(&strings);
    ec_value v;
    static const char text[] = "a: 12\nb: x\n";
    assert_true(ec_doc_parse_split(&nodes, &strings, "t.yaml", text, sizeof text - 1, NULL, NULL,
                                   &P.d, &v));
    assert_int_equal(strings.total, 6); /* "a", "b", "x" */
    const ec_value *a = ec_map_get(&v, "a"), *b = ec_map_get(&v, "b");
    assert_int_equal(a->u.i, 12);
    assert_string_equal(a->raw, "12");
    assert_string_equal(b->u.s, "x");
    ec_value c = ec_value_copy(&strings, &v);
    assert_null(ec_map_get(&c, "a")->raw);
    assert_ptr_equal(ec_map_get(&c, "b")->raw, b->u.s);
    ec_arena_free(&nodes);
    ec_arena_free(&strings);
}

static void test_positions(void **state)
{
    (void)state;
    const char *src = "errcat: 1\n"
                      "catalog:\n"
                      "  id: swap\n"
                      "  list:\n"
                      "    - x\n"
                      "    - {k: v, n: 12}\n"
                      "  \"quoted\": 'q'\n";
    assert_string_equal(parse(src), "");
    assert_true(P.ok);
    assert_int_equal(P.v.kind, EC_VMAP);
    const ec_member *m = &P.v.u.members[0];
    assert_string_equal(m->key, "errcat");
    assert_int_equal(m->key_at.line, 1);
    assert_int_equal(m->key_at.col, 1);
    assert_int_equal(m->val.at.line, 1);
    assert_int_equal(m->val.at.col, 9);
    assert_string_equal(m->val.at.file, "t.yaml");

    const ec_value *cat = ec_map_get(&P.v, "catalog");
    assert_int_equal(P.v.u.members[1].key_at.line, 2);
    assert_int_equal(P.v.u.members[1].key_at.col, 1);
    assert_int_equal(cat->at.line, 3);
    assert_int_equal(cat->at.col, 3);
    const ec_member *id = &cat->u.members[0];
    assert_int_equal(id->key_at.line, 3);
    assert_int_equal(id->key_at.col, 3);
    assert_int_equal(id->val.at.line, 3);
    assert_int_equal(id->val.at.col, 7);

    const ec_value *list = ec_map_get(cat, "list");
    assert_int_equal(list->kind, EC_VLIST);
    assert_int_equal(list->len, 2);
    assert_int_equal(list->u.items[0].at.line, 5);
    assert_int_equal(list->u.items[0].at.col, 7);
    const ec_value *flow = &list->u.items[1];
    assert_int_equal(flow->at.line, 6);
    assert_int_equal(flow->at.col, 7);
    assert_int_equal(flow->u.members[0].key_at.col, 8);
    assert_int_equal(flow->u.members[0].val.at.col, 11);
    assert_int_equal(flow->u.members[1].key_at.col, 14);
    assert_int_equal(flow->u.members[1].val.at.col, 17);
    assert_int_equal(flow->u.members[1].val.u.i, 12);

    const ec_member *q = &cat->u.members[2];
    assert_string_equal(q->key, "quoted");
    assert_int_equal(q->key_at.line, 7);
    assert_int_equal(q->key_at.col, 3);
    assert_int_equal(q->val.at.col, 13);
}

/* A .json file may spell a character beyond U+FFFF as a UTF-16 surrogate
** pair, as JSON writers do; positions after it stay the file's own. In a
** YAML file the pair is an error that says what to write instead. */
static void test_json_surrogate_pairs(void **state)
{
    (void)state;
    const char *src = "{\"a\": \"\\ud83d\\ude00 x \\uD83D\\uDE01\", \"b\": \"\\\\ud83d\", \"c\": 1,\n"
                      " \"d\": [\"\\u00e9\\ud83d\\ude00\", 2]}\n";
    teardown(NULL);
    setup(NULL);
    P.ok = ec_doc_parse(&P.a, "t.json", src, strlen(src), NULL, &P.d, &P.v);
    assert_true(P.ok);
    assert_int_equal(P.d.count, 0);
    assert_string_equal(ec_map_get(&P.v, "a")->u.s, "\xf0\x9f\x98\x80 x \xf0\x9f\x98\x81");
    assert_string_equal(ec_map_get(&P.v, "b")->u.s, "\\ud83d"); /* an escaped backslash */
    assert_int_equal(P.v.u.members[2].key_at.col, 54);
    assert_int_equal(P.v.u.members[2].val.at.col, 59);
    const ec_value *d = ec_map_get(&P.v, "d");
    assert_string_equal(d->u.items[0].u.s, "\xc3\xa9\xf0\x9f\x98\x80");
    assert_int_equal(d->u.items[1].at.line, 2);
    assert_int_equal(d->u.items[1].at.col, 30);

    assert_string_equal(parse("x: \"\\ud83d\\ude00\"\n"),
                        "t.yaml:1:7: error: a UTF-16 surrogate pair (\\ud83d\\ude00), which YAML "
                        "does not read: write the character itself or \\U0001F600 (a .json "
                        "catalog may keep the pair)\n");
    assert_false(P.ok);
}

/* Columns count characters, not bytes. */
static void test_positions_count_characters(void **state)
{
    (void)state;
    assert_string_equal(parse("\xc3\xa9t\xc3\xa9: \xe2\x82\xac" "5\n"), "");
    assert_int_equal(P.v.u.members[0].val.at.col, 6);
}

static void test_member_order_and_key_text(void **state)
{
    (void)state;
    assert_string_equal(parse("z: 1\n1: 2\nnull: 3\n'a b': 4\n"), "");
    assert_int_equal(P.v.len, 4);
    assert_string_equal(P.v.u.members[0].key, "z");
    assert_string_equal(P.v.u.members[1].key, "1"); /* keys keep their text */
    assert_string_equal(P.v.u.members[2].key, "null");
    assert_string_equal(P.v.u.members[3].key, "a b");
}

static void test_empty_document_is_null(void **state)
{
    (void)state;
    assert_string_equal(parse(""), "");
    assert_true(P.ok);
    assert_int_equal(P.v.kind, EC_VNULL);
    assert_string_equal(parse("# only a comment\n"), "");
    assert_true(P.ok);
    assert_int_equal(P.v.kind, EC_VNULL);
    /* explicit markers around one document are fine */
    assert_string_equal(parse("---\na: 1\n...\n"), "");
    assert_true(P.ok);
    assert_int_equal(ec_map_get(&P.v, "a")->u.i, 1);
}

static void test_duplicate_key(void **state)
{
    (void)state;
    assert_string_equal(parse("a: 1\nb: 2\na: 3\n"), "t.yaml:3:1: error: duplicate key 'a'\n"
                                                    "t.yaml:1:1: note: 'a' first defined here\n");
    assert_false(P.ok);
    /* quoting does not make a key different */
    assert_string_equal(parse("outer:\n  k: 1\n  \"k\": 2\n"),
                        "t.yaml:3:3: error: duplicate key 'k'\n"
                        "t.yaml:2:3: note: 'k' first defined here\n");
    assert_string_equal(parse("{a: 1, b: 2, a: 3}"), "t.yaml:1:14: error: duplicate key 'a'\n"
                                                     "t.yaml:1:2: note: 'a' first defined here\n");
    /* the same key in different maps is fine */
    assert_string_equal(parse("a: {x: 1}\nb: {x: 2}\n"), "");
    assert_true(P.ok);
}

static void test_non_scalar_key(void **state)
{
    (void)state;
    assert_string_equal(parse("? [a]\n: x\n"),
                        "t.yaml:1:3: error: a mapping key must be a scalar\n");
    assert_false(P.ok);
}

/* An alias shares its anchor's value, positioned at the alias. */
static void test_alias_reuse(void **state)
{
    (void)state;
    assert_string_equal(parse("a: &x [1, two]\ns: &s hello\nb: *x\nc: *s\n"), "");
    assert_true(P.ok);
    const ec_value *a = ec_map_get(&P.v, "a"), *b = ec_map_get(&P.v, "b");
    assert_int_equal(b->kind, EC_VLIST);
    assert_int_equal(b->len, 2);
    assert_int_equal(b->u.items[0].u.i, 1);
    assert_string_equal(b->u.items[1].u.s, "two");
    assert_int_equal(a->at.line, 1);
    assert_int_equal(b->at.line, 3);
    assert_int_equal(b->at.col, 4);
    const ec_value *c = ec_map_get(&P.v, "c");
    assert_int_equal(c->kind, EC_VSTR);
    assert_string_equal(c->u.s, "hello");
    assert_int_equal(c->at.line, 4);
}

/* A later anchor of the same name shadows the earlier one. */
static void test_anchor_redefinition(void **state)
{
    (void)state;
    assert_string_equal(parse("a: &n [x, x]\nb: &n [y]\nc: *n\n"), "");
    const ec_value *c = ec_map_get(&P.v, "c");
    assert_int_equal(c->len, 1);
    assert_string_equal(c->u.items[0].u.s, "y");
}

static void test_unknown_and_recursive_alias(void **state)
{
    (void)state;
    assert_string_equal(parse("a: *nope\n"), "t.yaml:1:4: error: unknown alias '*nope'\n");
    assert_false(P.ok);
    /* an anchor is not visible inside itself: no cycles */
    assert_string_equal(parse("a: &x [1, *x]\n"), "t.yaml:1:11: error: unknown alias '*x'\n");
    assert_false(P.ok);
}

/* The "billion laughs": aliases of aliases that expand exponentially. */
static void test_alias_bomb_refused(void **state)
{
    (void)state;
    const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                       "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                       "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
                       "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
                       "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
    /* a: 11 nodes, each *a 11; b: 111, each *b 111; c: 1111. Expansions so
    ** far: 10*11 + 10*111 = 1220; the 8th *c brings them to 10108. */
    assert_string_equal(parse(bomb), "t.yaml:4:36: error: aliases expand to more than 10000 nodes\n");
    assert_false(P.ok);
}

static void test_alias_limit_is_configurable(void **state)
{
    (void)state;
    ec_doc_limits lim = {64, 6};
    const char *src = "a: &a [1, 2]\nb: [*a, *a]\nc: *a\n";
    assert_string_equal(parse_n(src, strlen(src), &lim),
                        "t.yaml:3:4: error: aliases expand to more than 6 nodes\n");
    lim.max_alias_nodes = 9;
    assert_string_equal(parse_n(src, strlen(src), &lim), "");
    assert_true(P.ok);
}

static void test_nesting_limit(void **state)
{
    (void)state;
    ec_doc_limits lim = {3, 100};
    assert_string_equal(parse_n("[[[1]]]", 7, &lim), "");
    assert_true(P.ok);
    assert_string_equal(parse_n("[[[[1]]]]", 9, &lim),
                        "t.yaml:1:4: error: nesting deeper than 3 levels\n");
    assert_false(P.ok);
    assert_string_equal(parse_n("a:\n  b:\n    c:\n      d: 1\n", 26, &lim),
                        "t.yaml:4:7: error: nesting deeper than 3 levels\n");

    /* the default: 64 levels */
    char deep[200];
    memset(deep, '[', 64);
    memset(deep + 64, ']', 64);
    deep[128] = '\0';
    assert_string_equal(parse(deep), "");
    assert_true(P.ok);
    memset(deep, '[', 65);
    memset(deep + 65, ']', 65);
    deep[130] = '\0';
    assert_string_equal(parse(deep), "t.yaml:1:65: error: nesting deeper than 64 levels\n");
    assert_false(P.ok);
}

static void test_nul_in_string_refused(void **state)
{
    (void)state;
    assert_string_equal(parse("a: ok\nx: \"a\\0b\"\n"),
                        "t.yaml:2:4: error: string contains a NUL character, which errcat "
                        "does not accept\n");
    assert_false(P.ok);
    assert_string_equal(parse("\"k\\0\": 1\n"),
                        "t.yaml:1:1: error: string contains a NUL character, which errcat "
                        "does not accept\n");
    assert_false(P.ok);
}

/* A raw NUL byte in the input is not a character YAML allows. */
static void test_raw_nul_byte_refused(void **state)
{
    (void)state;
    assert_string_equal(parse_n("a: x\0y\n", 7, NULL),
                        "t.yaml:1:5: error: control characters are not allowed\n");
    assert_false(P.ok);
}

static void test_invalid_utf8_refused_with_position(void **state)
{
    (void)state;
    assert_string_equal(parse("a: 1\nb: 2\nc: \xc3\xa9\xff\n"),
                        "t.yaml:3:5: error: invalid leading UTF-8 octet\n");
    assert_false(P.ok);
    assert_string_equal(parse("\xfe: 1\n"), "t.yaml:1:1: error: invalid leading UTF-8 octet\n");
    /* a sequence cut short by the end of the input */
    assert_string_equal(parse("a: 1\nb: \xe2\x82"),
                        "t.yaml:2:4: error: incomplete UTF-8 octet sequence\n");
    assert_false(P.ok);
    /* other control characters */
    assert_string_equal(parse("a: \x01\n"),
                        "t.yaml:1:4: error: control characters are not allowed\n");
}

static void test_multiple_documents_refused(void **state)
{
    (void)state;
    assert_string_equal(parse("a: 1\n---\nb: 2\n"),
                        "t.yaml:2:1: error: expected a single YAML document\n");
    assert_false(P.ok);
    assert_string_equal(parse("--- 1\n--- 2\n"),
                        "t.yaml:2:1: error: expected a single YAML document\n");
}

static void test_integer_overflow_refused(void **state)
{
    (void)state;
    assert_string_equal(parse("x: 9223372036854775808\n"),
                        "t.yaml:1:4: error: integer '9223372036854775808' is out of range "
                        "(64-bit signed)\n");
    assert_false(P.ok);
    assert_string_equal(parse("- -9223372036854775809\n"),
                        "t.yaml:1:3: error: integer '-9223372036854775809' is out of range "
                        "(64-bit signed)\n");
    assert_string_equal(parse("x: 0x8000000000000000\n"),
                        "t.yaml:1:4: error: integer '0x8000000000000000' is out of range "
                        "(64-bit signed)\n");
    assert_string_equal(parse("x: 0o1000000000000000000000\n"),
                        "t.yaml:1:4: error: integer '0o1000000000000000000000' is out of range "
                        "(64-bit signed)\n");
}

/* Only !!str (and the non-specific '!') are accepted; core tags are shown
** as written. */
static void test_unsupported_tag(void **state)
{
    (void)state;
    assert_string_equal(parse("a: !color red\n"), "t.yaml:1:4: error: unsupported tag '!color'\n");
    assert_false(P.ok);
    assert_string_equal(parse("a: !!int 5\n"), "t.yaml:1:4: error: unsupported tag '!!int'\n");
    assert_string_equal(parse("a: !!map {b: 1}\n"), "t.yaml:1:4: error: unsupported tag '!!map'\n");
    assert_string_equal(parse("- !!seq [1]\n"), "t.yaml:1:3: error: unsupported tag '!!seq'\n");
}

static void test_merge_key_refused(void **state)
{
    (void)state;
    assert_string_equal(parse("x: &x {b: 1}\nc:\n  <<: *x\n"),
                        "t.yaml:3:3: error: YAML merge keys ('<<') are not supported: write the "
                        "keys out\n");
    assert_false(P.ok);
    /* a quoted "<<" is an ordinary key */
    assert_string_equal(parse("\"<<\": 1\n"), "");
    assert_true(P.ok);
}

static void test_tab_indentation(void **state)
{
    (void)state;
    assert_string_equal(parse("a:\n\tb: 1\n"),
                        "t.yaml:2:1: error: a tab where YAML expects spaces: indent with spaces\n");
    assert_false(P.ok);
    /* a tab as separation inside a flow collection is fine */
    assert_string_equal(parse("a: [1,\t2]\n"), "");
    assert_true(P.ok);
}

/* libyaml's syntax errors carry their position and context. */
static void test_syntax_errors(void **state)
{
    (void)state;
    assert_string_equal(parse("a: b: c\n"),
                        "t.yaml:1:5: error: mapping values are not allowed in this context\n");
    assert_false(P.ok);
    assert_string_equal(parse("a: [1, 2\n"),
                        "t.yaml:2:1: error: did not find expected ',' or ']' while parsing a "
                        "flow sequence\n"
                        "t.yaml:1:4: note: the flow sequence started here\n");
    assert_false(P.ok);
}

/* JSON is YAML. */
static void test_json_input(void **state)
{
    (void)state;
    assert_string_equal(parse("{\"$ref\": \"#/$defs/x\", \"n\": [1, 2.5, true, null, \"s\"]}"), "");
    assert_true(P.ok);
    assert_string_equal(ec_map_get(&P.v, "$ref")->u.s, "#/$defs/x");
    const ec_value *n = ec_map_get(&P.v, "n");
    assert_int_equal(n->len, 5);
    assert_int_equal(n->u.items[0].kind, EC_VINT);
    assert_int_equal(n->u.items[1].kind, EC_VFLOAT);
    assert_int_equal(n->u.items[2].kind, EC_VBOOL);
    assert_int_equal(n->u.items[3].kind, EC_VNULL);
    assert_int_equal(n->u.items[4].kind, EC_VSTR);
}

/* The input need not be NUL-terminated: only 'len' bytes are read. */
static void test_length_bounded_input(void **state)
{
    (void)state;
    const char text[] = {'a', ':', ' ', '1', '2', '3'};
    parse_n(text, 5, NULL);
    assert_true(P.ok);
    assert_int_equal(ec_map_get(&P.v, "a")->u.i, 12);
}

/* A key spelt the same in many maps is one string (a catalog repeats a few
** keys for every code), whatever its quoting; values are not shared. */
static void test_keys_interned(void **state)
{
    (void)state;
    assert_string_equal(parse("- {code: 1, name: A, more: x}\n"
                              "- {'code': 2, name: A, \"mo\\x72e\": x}\n"
                              "- {code: 3, 'name': y}\n"),
                        "");
    const ec_value *l = &P.v;
    for (int i = 0; i < 2; i++)
        assert_ptr_equal(l->u.items[i].u.members[i].key, l->u.items[2].u.members[i].key);
    assert_ptr_equal(l->u.items[0].u.members[2].key, l->u.items[1].u.members[2].key);
    assert_ptr_not_equal(l->u.items[0].u.members[1].val.u.s, l->u.items[1].u.members[1].val.u.s);
    assert_string_equal(l->u.items[1].u.members[2].key, "more");
    assert_ptr_not_equal(l->u.items[1].u.members[2].key, l->u.items[1].u.members[1].key);
    /* Enough keys for the set to grow several times, each found again. */
    ec_buf big;
    ec_buf_init(&big);
    for (int i = 0; i < 500; i++)
        ec_buf_printf(&big, "- {k%d: 1, k%d: 2}\n", i, 499 - i);
    assert_string_equal(parse(big.data), "");
    for (int i = 0; i < 500; i++)
        assert_ptr_equal(P.v.u.items[i].u.members[0].key, P.v.u.items[499 - i].u.members[1].key);
    ec_buf_free(&big);
}

/* Every raw line separator is refused at its own position, counted in
** characters past other multibyte ones (an em dash shares the U+2028's
** first byte). */
static void test_raw_separators_positioned(void **state)
{
    (void)state;
    assert_string_equal(parse("a: \"\xe2\x80\x94x\xe2\x80\xa8\"\nb: \"\xc3\xa9\xc2\x85\xe2\x80\xa9\"\n"),
                        "t.yaml:1:7: error: a raw U+2028, which YAML reads as a line break; write "
                        "\\u2028 in a double-quoted string\n"
                        "t.yaml:2:6: error: a raw U+0085, which YAML reads as a line break; write "
                        "\\u0085 in a double-quoted string\n"
                        "t.yaml:2:7: error: a raw U+2029, which YAML reads as a line break; write "
                        "\\u2029 in a double-quoted string\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_core_schema_null_and_bool),
        cmocka_unit_test(test_core_schema_integers),
        cmocka_unit_test(test_core_schema_floats),
        cmocka_unit_test(test_quoted_stays_string),
        cmocka_unit_test(test_strings_and_escapes),
        cmocka_unit_test(test_split_keeps_strings_only),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_positions_count_characters),
        cmocka_unit_test(test_json_surrogate_pairs),
        cmocka_unit_test(test_member_order_and_key_text),
        cmocka_unit_test(test_empty_document_is_null),
        cmocka_unit_test(test_duplicate_key),
        cmocka_unit_test(test_non_scalar_key),
        cmocka_unit_test(test_alias_reuse),
        cmocka_unit_test(test_anchor_redefinition),
        cmocka_unit_test(test_unknown_and_recursive_alias),
        cmocka_unit_test(test_alias_bomb_refused),
        cmocka_unit_test(test_alias_limit_is_configurable),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_nul_in_string_refused),
        cmocka_unit_test(test_raw_nul_byte_refused),
        cmocka_unit_test(test_invalid_utf8_refused_with_position),
        cmocka_unit_test(test_multiple_documents_refused),
        cmocka_unit_test(test_integer_overflow_refused),
        cmocka_unit_test(test_unsupported_tag),
        cmocka_unit_test(test_merge_key_refused),
        cmocka_unit_test(test_tab_indentation),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_json_input),
        cmocka_unit_test(test_length_bounded_input),
        cmocka_unit_test(test_keys_interned),
        cmocka_unit_test(test_raw_separators_positioned),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
