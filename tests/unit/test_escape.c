/* test_escape.c: the per-language escapers on tricky input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lang.h"
#include "value.h"

#include <string.h>

/* Escapes 'n' bytes of 'in' after some existing text (escapers append)
** and compares what they added with 'want'. */
static void check(ec_escape_fn fn, const char *in, size_t n, const char *want)
{
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_puts(&b, "prefix:");
    fn(&b, in, n);
    assert_memory_equal(b.data, "prefix:", 7);
    assert_string_equal(b.data + 7, want);
    assert_int_equal(b.len, 7 + strlen(want));
    ec_buf_free(&b);
}

/* For literals: the length excludes the terminating NUL, not inner ones. */
#define CHECK(fn, lit, want) check(fn, lit, sizeof(lit) - 1, want)

#define EMOJI "\xf0\x9f\x98\x80" /* U+1F600, four bytes */
#define LS "\xe2\x80\xa8"        /* U+2028 */
#define PS "\xe2\x80\xa9"        /* U+2029 */

static void test_find(void **state)
{
    (void)state;
    assert_ptr_equal(ec_escape_find("none"), ec_escape_none);
    assert_ptr_equal(ec_escape_find("html"), ec_lang_html.escape);
    assert_ptr_equal(ec_escape_find("c"), ec_lang_c.escape);
    assert_ptr_equal(ec_escape_find("python"), ec_lang_python.escape);
    assert_ptr_equal(ec_escape_find("typescript"), ec_lang_typescript.escape);
    assert_ptr_equal(ec_escape_find("go"), ec_lang_go.escape);
    assert_ptr_equal(ec_escape_find("rust"), ec_lang_rust.escape);
    assert_ptr_equal(ec_escape_find("json"), ec_lang_json.escape);
    assert_ptr_equal(ec_escape_find("markdown"), ec_lang_markdown.escape);
    assert_ptr_equal(ec_escape_find("comment"), ec_escape_comment);
    assert_null(ec_escape_find("HTML"));
    assert_null(ec_escape_find(""));
    assert_null(ec_escape_find("javascript"));
}

static void test_none(void **state)
{
    (void)state;
    CHECK(ec_escape_none, "a\"b\\c\n\xff<&>", "a\"b\\c\n\xff<&>");
    CHECK(ec_escape_none, "", "");
}

static void test_html(void **state)
{
    (void)state;
    CHECK(ec_lang_html.escape, "& \" < > '", "&amp; &quot; &lt; &gt; &#39;");
    CHECK(ec_lang_html.escape, "caf\xc3\xa9 " EMOJI "\n\t", "caf\xc3\xa9 " EMOJI "\n\t");
    CHECK(ec_lang_html.escape, "&amp;", "&amp;amp;");
    CHECK(ec_lang_html.escape, "bad \xff byte", "bad \xef\xbf\xbd byte");
}

static void test_c(void **state)
{
    (void)state;
    CHECK(ec_lang_c.escape, "say \"hi\" \\ bye", "say \\\"hi\\\" \\\\ bye");
    CHECK(ec_lang_c.escape, "a\nb\tc\rd", "a\\nb\\tc\\rd");
    /* Octal escapes have at most three digits: a digit after one is safe. */
    CHECK(ec_lang_c.escape, "\x01" "7", "\\0017");
    CHECK(ec_lang_c.escape, "\x1b[0m\x7f", "\\033[0m\\177");
    CHECK(ec_lang_c.escape, "a\0b", "a\\000b");
    /* No "??" is left for a trigraph, but a lone '?' stays readable. */
    CHECK(ec_lang_c.escape, "?\?=", "\\?\\?="); /* "?\?" spells "??" here: -std=c11 has trigraphs */
    CHECK(ec_lang_c.escape, "why? ok?", "why? ok?");
    CHECK(ec_lang_c.escape, "?\?\?/", "\\?\\?\\?/");
    /* UTF-8 stays as it is; a stray byte keeps its value. */
    /* UTF-8 text stays, but line separators, bidi controls and BOMs are
    ** spelled in octal: gcc refuses raw bidi controls ("Trojan Source"). */
    CHECK(ec_lang_c.escape, EMOJI " " LS, EMOJI " \\342\\200\\250");
    CHECK(ec_lang_c.escape, "a\xe2\x80\xae" "b\xef\xbb\xbf", "a\\342\\200\\256b\\357\\273\\277");
    CHECK(ec_lang_c.escape, "\xff\xc0\xaf", "\\377\\300\\257");
    /* The same text must be safe in a block comment: a '/' touching a '*'
    ** is spelled in octal. */
    CHECK(ec_lang_c.escape, "*/ /* a/b 2*3", "*\\057 \\057* a/b 2*3");
}

static void test_python(void **state)
{
    (void)state;
    CHECK(ec_lang_python.escape, "\"q\" \\ 'single'", "\\\"q\\\" \\\\ 'single'");
    CHECK(ec_lang_python.escape, "a\nb\r\tc", "a\\nb\\r\\tc");
    CHECK(ec_lang_python.escape, "\x01\x1f\x7f" "0", "\\x01\\x1f\\x7f0");
    /* black reads them as line breaks */
    CHECK(ec_lang_python.escape, EMOJI LS "\xc2\x85", EMOJI "\\u2028\\u0085");
    /* A truncated sequence is two bad bytes. */
    CHECK(ec_lang_python.escape, "x\xe2\x80", "x\\ufffd\\ufffd");
    CHECK(ec_lang_python.escape, "{x}", "{x}");
}

static void test_typescript(void **state)
{
    (void)state;
    CHECK(ec_lang_typescript.escape, "a" LS "b" PS "c", "a\\u2028b\\u2029c");
    CHECK(ec_lang_typescript.escape, "\"x\" \\ `t` ${y}", "\\\"x\\\" \\\\ `t` ${y}");
    CHECK(ec_lang_typescript.escape, "\n\x00\x1f", "\\n\\x00\\x1f");
    CHECK(ec_lang_typescript.escape, "</script>" EMOJI, "</script>" EMOJI);
    CHECK(ec_lang_typescript.escape, "\xed\xa0\x80", "\\ufffd\\ufffd\\ufffd"); /* a surrogate */
    CHECK(ec_lang_typescript.escape, "/*/", "\\x2f*\\x2f");
}

static void test_go(void **state)
{
    (void)state;
    CHECK(ec_lang_go.escape, "\"%s\" \\n", "\\\"%s\\\" \\\\n");
    CHECK(ec_lang_go.escape, "a\nb\x07" "f", "a\\nb\\x07f");
    CHECK(ec_lang_go.escape, EMOJI "\xe2\x82\xac", EMOJI "\xe2\x82\xac");
    /* Go strings hold bytes: a stray one keeps its value. */
    CHECK(ec_lang_go.escape, "\xff\xfe", "\\xff\\xfe");
    CHECK(ec_lang_go.escape, "*/ /*", "*\\x2f \\x2f*");
    /* gofmt turns '' and `` in comments into curly quotes; a BOM stops go. */
    CHECK(ec_lang_go.escape, "a '' b `` c ' d", "a \\x27\\x27 b \\x60\\x60 c ' d");
    CHECK(ec_lang_go.escape, "\xef\xbb\xbf", "\\xef\\xbb\\xbf");
}

static void test_rust(void **state)
{
    (void)state;
    CHECK(ec_lang_rust.escape, "\"{}\" \\", "\\\"{}\\\" \\\\");
    CHECK(ec_lang_rust.escape, "a\0b", "a\\0b");
    CHECK(ec_lang_rust.escape, "\x01\x1f\x7f", "\\u{1}\\u{1f}\\u{7f}");
    CHECK(ec_lang_rust.escape, "\r\n\t", "\\r\\n\\t");
    /* rustc denies bidirectional controls */
    CHECK(ec_lang_rust.escape, EMOJI LS "\xe2\x80\xae", EMOJI "\\u{2028}\\u{202e}");
    CHECK(ec_lang_rust.escape, "\x80", "\\u{fffd}");
    CHECK(ec_lang_rust.escape, "*/", "*\\u{2f}");
}

static void test_json(void **state)
{
    (void)state;
    CHECK(ec_lang_json.escape, "\"a\"/\\", "\\\"a\\\"/\\\\");
    CHECK(ec_lang_json.escape, "\x01\x1f\x7f\b", "\\u0001\\u001f\\u007f\\u0008");
    CHECK(ec_lang_json.escape, LS PS EMOJI, "\\u2028\\u2029" EMOJI);
    CHECK(ec_lang_json.escape, "\xc3", "\\ufffd");
}

/* The JSON escaper agrees with ec_json_write, which the JSON target uses. */
static void test_json_matches_writer(void **state)
{
    (void)state;
    static const char tricky[] = "q\"b\\n\n\r\t\x01\x7f" LS PS EMOJI " </script>";
    ec_buf a, b;
    ec_buf_init(&a);
    ec_buf_init(&b);
    ec_value v = ec_vstr(tricky);
    ec_json_write(&v, &a);
    ec_buf_putc(&b, '"');
    ec_lang_json.escape(&b, tricky, sizeof tricky - 1);
    ec_buf_puts(&b, "\"\n");
    assert_string_equal(a.data, b.data);
    ec_buf_free(&a);
    ec_buf_free(&b);
}

/* The string-literal escapers skip runs of common bytes without asking
** the language: a byte that needs no neighbour to be escaped must come out
** after another byte as it does first in the text, where it is always
** asked about. Every byte, every such escaper. */
static void test_bytes_alike_anywhere(void **state)
{
    (void)state;
    const ec_escape_fn fns[] = {ec_lang_html.escape,       ec_lang_c.escape,
                                ec_lang_python.escape,     ec_lang_typescript.escape,
                                ec_lang_go.escape,         ec_lang_rust.escape,
                                ec_lang_json.escape};
    for (size_t f = 0; f < sizeof fns / sizeof *fns; f++) {
        for (int c = 0; c < 256; c++) {
            /* Escaped for a neighbour or for standing first: tested above. */
            if (c == '?' || c == '/' || c == '\'' || c == '`' || c == '~' || c == ' ')
                continue;
            char in[2] = {'a', (char)c};
            ec_buf alone, after;
            ec_buf_init(&alone);
            ec_buf_init(&after);
            ec_buf_putc(&alone, 'a');
            fns[f](&alone, in + 1, 1);
            fns[f](&after, in, 2);
            assert_string_equal(after.data, alone.data);
            ec_buf_free(&alone);
            ec_buf_free(&after);
        }
    }
}

/* A language may escape any printable byte (Kotlin would escape '$'):
** the shared loop must not copy one in a run of plain bytes. */
static void test_literal_escapes_any_byte(void **state)
{
    (void)state;
    static const ec_literal dollar = {.ascii = {['$'] = "\\$"}};
    ec_buf b;
    ec_buf_init(&b);
    ec_escape_literal(&dollar, &b, "$a$bc$", 6);
    assert_string_equal(b.data, "\\$a\\$bc\\$");
    ec_buf_free(&b);
}

/* Runs of plain bytes with escapes at their ends, written at every offset
** of a buffer that grows on the way. */
static void test_runs_across_growth(void **state)
{
    (void)state;
    static const char in[] = "\"" "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                             "\n\t" "plain text, then a quote\"";
    static const char want[] = "\\\"" "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "\\n\\t" "plain text, then a quote\\\"";
    for (size_t pre = 0; pre < 300; pre++) {
        ec_buf b;
        ec_buf_init(&b);
        for (size_t i = 0; i < pre; i++)
            ec_buf_putc(&b, '.');
        ec_lang_c.escape(&b, in, sizeof in - 1);
        assert_int_equal(b.len, pre + sizeof want - 1);
        assert_string_equal(b.data + pre, want);
        ec_buf_free(&b);
    }
    CHECK(ec_lang_html.escape, "<<a long run of text>>", "&lt;&lt;a long run of text&gt;&gt;");
    CHECK(ec_lang_go.escape, "it''s ``x``", "it\\x27\\x27s \\x60\\x60x\\x60\\x60");
    CHECK(ec_lang_c.escape, "what?? a/*b*/", "what\\?\\? a\\057*b*\\057");
}

static void test_markdown(void **state)
{
    (void)state;
    CHECK(ec_lang_markdown.escape, "a*b_c `d` \\", "a\\*b\\_c \\`d\\` \\\\");
    CHECK(ec_lang_markdown.escape, "[x](y) {z} <b> a|b", "\\[x\\](y) \\{z\\} \\<b\\> a\\|b");
    /* Block markers only where they would start a block. */
    CHECK(ec_lang_markdown.escape, "# h", "\\# h");
    CHECK(ec_lang_markdown.escape, "a-b, a+b, #1", "a-b, a+b, #1");
    CHECK(ec_lang_markdown.escape, "  - item\n+ more", "  \\- item<br>\\+ more");
    CHECK(ec_lang_markdown.escape, "    code?", "&#32;&#32;&#32;&#32;code?");
    /* No fence, ordered list or indented code can start in catalog text. */
    CHECK(ec_lang_markdown.escape, "~~~\n1. x\n\ty", "\\~\\~\\~<br>1\\. x<br>&#9;y");
    CHECK(ec_lang_markdown.escape, "-1000", "\\-1000");
    CHECK(ec_lang_markdown.escape, "wow! ![img]", "wow! \\!\\[img\\]");
    CHECK(ec_lang_markdown.escape, "a\r\nb\nc\rd", "a<br>b<br>c<br>d");
    CHECK(ec_lang_markdown.escape, EMOJI " caf\xc3\xa9", EMOJI " caf\xc3\xa9");
    CHECK(ec_lang_markdown.escape, "\xff", "\xef\xbf\xbd");
}

static void test_comment(void **state)
{
    (void)state;
    CHECK(ec_escape_comment, "ends */ here", "ends *\\/ here");
    CHECK(ec_escape_comment, "opens /* here", "opens /\\* here");
    CHECK(ec_escape_comment, "*/*", "*\\/\\*");
    CHECK(ec_escape_comment, "/*/", "/\\*\\/");
    CHECK(ec_escape_comment, "a ** b // c / d", "a ** b // c / d");
    CHECK(ec_escape_comment, "one\ntwo\r\nthree\rfour", "one two three four");
    CHECK(ec_escape_comment, "js" LS "line" PS "end", "js line end");
    CHECK(ec_escape_comment, "tab\there\x01", "tab\there ");
    /* A final backslash must not splice the next line into a // comment. */
    CHECK(ec_escape_comment, "C:\\dir\\", "C:\\dir\\ ");
    CHECK(ec_escape_comment, EMOJI "?\?=", EMOJI "?\?=");
}

/* A comment line of each language: quotes and backslashes stay as they
** are (they showed as \" when strings' escapes were used), the comment
** cannot be closed or opened, and the language's own traps are defused. */
static void test_language_comments(void **state)
{
    (void)state;
    assert_ptr_equal(ec_escape_find("go-comment"), ec_lang_go.comment);
    assert_ptr_equal(ec_escape_find("rust-comment"), ec_lang_rust.comment);
    assert_ptr_equal(ec_escape_find("typescript-comment"), ec_lang_typescript.comment);
    assert_ptr_equal(ec_escape_find("c-comment"), ec_lang_c.comment);
    assert_null(ec_escape_find("python-comment"));
#define JSON "{\"error\": {\"type\": \"card\\\\x\"}}"
    CHECK(ec_lang_typescript.comment, JSON, JSON);
    CHECK(ec_lang_go.comment, JSON, JSON);
    CHECK(ec_lang_rust.comment, JSON, JSON);
#undef JSON
    CHECK(ec_lang_typescript.comment, "ends */ here", "ends *\\/ here");
    CHECK(ec_lang_rust.comment, "opens /* here", "opens /\\* here");
    CHECK(ec_lang_typescript.comment, "one\ntwo\r\nthree" LS "four", "one two three four");
    CHECK(ec_lang_go.comment, "  padded\t ", "padded");
    CHECK(ec_lang_go.comment, "it''s ``x``", "it'\\'s `\\`x`\\`");
    CHECK(ec_lang_typescript.comment, "it''s", "it''s");
    CHECK(ec_lang_rust.comment, "```rust", "`\\`\\`rust");
    /* Trojan Source: a bidirectional control is shown, never obeyed. */
    CHECK(ec_lang_rust.comment, "a\xe2\x80\xae" "b", "a\\u202eb");
    CHECK(ec_lang_go.comment, "bad\xff", "bad\xef\xbf\xbd");
    CHECK(ec_lang_c.comment, "C:\\dir\\", "C:\\dir\\ ");
    CHECK(ec_lang_go.comment, "C:\\dir\\", "C:\\dir\\");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_language_comments),
        cmocka_unit_test(test_none),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_c),
        cmocka_unit_test(test_python),
        cmocka_unit_test(test_typescript),
        cmocka_unit_test(test_go),
        cmocka_unit_test(test_rust),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_json_matches_writer),
        cmocka_unit_test(test_bytes_alike_anywhere),
        cmocka_unit_test(test_literal_escapes_any_byte),
        cmocka_unit_test(test_runs_across_growth),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_comment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
