/* test_inline.c: catalog prose (gen/inline.c), against CommonMark's own
** examples for the subset (spec 0.31.2, paragraphs' contents without the
** <p>), hostile input, and time linear in the text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "inline.h"
#include "lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*writer_fn)(ec_buf *out, const char *s, size_t n);

/* Writes 'in' after some text (writers append) and compares what was
** added with 'want'. */
static void check(writer_fn fn, const char *in, const char *want)
{
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_puts(&b, "x ");
    fn(&b, in, strlen(in));
    if (strcmp(b.data + 2, want) != 0)
        print_error("input:  %s\nwant:   %s\ngot:    %s\n", in, want, b.data + 2);
    assert_string_equal(b.data + 2, want);
    ec_buf_free(&b);
}

typedef struct example {
    const char *in, *html;
} example;

static void run(const example *e, size_t n)
{
    for (size_t i = 0; i < n; i++)
        check(ec_inline_html, e[i].in, e[i].html);
}

#define RUN(table) run(table, sizeof table / sizeof *table)

static void test_code_spans(void **state)
{
    (void)state;
    static const example e[] = {
        {"`foo`", "<code>foo</code>"},
        {"`` foo ` bar ``", "<code>foo ` bar</code>"},
        {"` `` `", "<code>``</code>"},
        {"`  ``  `", "<code> `` </code>"},
        {"` a`", "<code> a</code>"},
        {"` `\n`  `", "<code> </code>\n<code>  </code>"},
        {"``\nfoo\nbar  \nbaz\n``", "<code>foo bar   baz</code>"},
        {"`foo   bar \nbaz`", "<code>foo   bar  baz</code>"},
        {"`foo\\`bar`", "<code>foo\\</code>bar`"},
        {"``foo`bar``", "<code>foo`bar</code>"},
        {"` foo `` bar `", "<code>foo `` bar</code>"},
        {"*foo`*`", "*foo<code>*</code>"},
        {"[not a `link](/foo`)", "[not a <code>link](/foo</code>)"},
        {"`<a href=\"`\">`", "<code>&lt;a href=&quot;</code>&quot;&gt;`"},
        {"```foo``", "```foo``"},
        {"`foo", "`foo"},
        {"`foo``bar``", "`foo<code>bar</code>"},
        {"\\``foo`", "`<code>foo</code>"},
    };
    RUN(e);
}

static void test_emphasis(void **state)
{
    (void)state;
    static const example e[] = {
        {"*foo bar*", "<em>foo bar</em>"},
        {"a * foo bar*", "a * foo bar*"},
        {"a*\"foo\"*", "a*&quot;foo&quot;*"},
        {"foo*bar*", "foo<em>bar</em>"},
        {"5*6*78", "5<em>6</em>78"},
        {"_foo bar_", "<em>foo bar</em>"},
        {"_ foo bar_", "_ foo bar_"},
        {"a_\"foo\"_", "a_&quot;foo&quot;_"},
        {"foo_bar_", "foo_bar_"},
        {"5_6_78", "5_6_78"},
        {"\xd0\xbf\xd1\x80\xd0\xb8_\xd1\x81\xd1\x82_", "\xd0\xbf\xd1\x80\xd0\xb8_\xd1\x81\xd1\x82_"},
        {"aa_\"bb\"_cc", "aa_&quot;bb&quot;_cc"},
        {"foo-_(bar)_", "foo-<em>(bar)</em>"},
        {"_foo*", "_foo*"},
        {"*foo bar *", "*foo bar *"},
        {"*(*foo)", "*(*foo)"},
        {"*(*foo*)*", "<em>(<em>foo</em>)</em>"},
        {"*foo*bar", "<em>foo</em>bar"},
        {"_foo bar _", "_foo bar _"},
        {"_(_foo)", "_(_foo)"},
        {"_(_foo_)_", "<em>(<em>foo</em>)</em>"},
        {"_foo_bar", "_foo_bar"},
        {"_foo_bar_baz_", "<em>foo_bar_baz</em>"},
        {"_(bar)_.", "<em>(bar)</em>."},
        {"**foo bar**", "<strong>foo bar</strong>"},
        {"** foo bar**", "** foo bar**"},
        {"a**\"foo\"**", "a**&quot;foo&quot;**"},
        {"foo**bar**", "foo<strong>bar</strong>"},
        {"__foo bar__", "<strong>foo bar</strong>"},
        {"foo__bar__", "foo__bar__"},
        {"**foo \"*bar*\" foo**", "<strong>foo &quot;<em>bar</em>&quot; foo</strong>"},
        {"*foo [bar](/url)*", "<em>foo <a href=\"/url\">bar</a></em>"},
        {"*foo**bar**baz*", "<em>foo<strong>bar</strong>baz</em>"},
        {"*foo**bar*", "<em>foo**bar</em>"},
        {"***foo** bar*", "<em><strong>foo</strong> bar</em>"},
        {"*foo **bar***", "<em>foo <strong>bar</strong></em>"},
        {"*foo**bar***", "<em>foo<strong>bar</strong></em>"},
        {"foo***bar***baz", "foo<em><strong>bar</strong></em>baz"},
        {"foo******bar*********baz",
         "foo<strong><strong><strong>bar</strong></strong></strong>***baz"},
        {"** is not an empty emphasis", "** is not an empty emphasis"},
        {"**** is not an empty strong emphasis", "**** is not an empty strong emphasis"},
        {"foo ***", "foo ***"},
        {"foo *\\**", "foo <em>*</em>"},
        {"foo *_*", "foo <em>_</em>"},
        {"**foo*", "*<em>foo</em>"},
        {"*foo**", "<em>foo</em>*"},
        {"***foo**", "*<strong>foo</strong>"},
        {"****foo*", "***<em>foo</em>"},
        {"**foo***", "<strong>foo</strong>*"},
        {"*foo****", "<em>foo</em>***"},
        {"*[bar*](/url)", "*<a href=\"/url\">bar*</a>"},
        {"_foo [bar_](/url)", "_foo <a href=\"/url\">bar_</a>"},
        {"*a `*`*", "<em>a <code>*</code></em>"},
        {"_a `_`_", "<em>a <code>_</code></em>"},
        {"*foo _bar* baz_", "<em>foo _bar</em> baz_"},
        {"**foo**bar", "<strong>foo</strong>bar"},
        {"__foo, __bar__, baz__", "<strong>foo, <strong>bar</strong>, baz</strong>"},
    };
    RUN(e);
}

static void test_links(void **state)
{
    (void)state;
    static const example e[] = {
        {"[link](/uri \"title\")", "<a href=\"/uri\" title=\"title\">link</a>"},
        {"[link](/uri)", "<a href=\"/uri\">link</a>"},
        {"[](./target.md)", "<a href=\"./target.md\"></a>"},
        {"[link]()", "<a href=\"\">link</a>"},
        {"[link](<>)", "<a href=\"\">link</a>"},
        {"[]()", "<a href=\"\"></a>"},
        {"[link](/my uri)", "[link](/my uri)"},
        {"[link](</my uri>)", "<a href=\"/my%20uri\">link</a>"},
        {"[link](foo\nbar)", "[link](foo\nbar)"},
        {"[a](<b)c>)", "<a href=\"b)c\">a</a>"},
        {"[link](<foo\\>)", "[link](&lt;foo&gt;)"},
        {"[link](\\(foo\\))", "<a href=\"(foo)\">link</a>"},
        {"[link](foo(and(bar)))", "<a href=\"foo(and(bar))\">link</a>"},
        {"[link](foo(and(bar))", "[link](foo(and(bar))"},
        {"[link](foo\\(and\\(bar\\))", "<a href=\"foo(and(bar)\">link</a>"},
        {"[link](<foo(and(bar)>)", "<a href=\"foo(and(bar)\">link</a>"},
        {"[link](foo\\)\\:)", "<a href=\"foo):\">link</a>"},
        {"[link](#fragment)", "<a href=\"#fragment\">link</a>"},
        {"[link](https://example.com#fragment)", "<a href=\"https://example.com#fragment\">link</a>"},
        {"[link](foo\\bar)", "<a href=\"foo%5Cbar\">link</a>"},
        {"[link](\"title\")", "<a href=\"%22title%22\">link</a>"},
        {"[link](/url 'title')", "<a href=\"/url\" title=\"title\">link</a>"},
        {"[link](/url (title))", "<a href=\"/url\" title=\"title\">link</a>"},
        {"[link](/url \"title \"and\" title\")", "[link](/url &quot;title &quot;and&quot; title&quot;)"},
        {"[link](/url 'title \"and\" title')",
         "<a href=\"/url\" title=\"title &quot;and&quot; title\">link</a>"},
        {"[link](   /uri\n  \"title\"  )", "<a href=\"/uri\" title=\"title\">link</a>"},
        {"[link] (/uri)", "[link] (/uri)"},
        {"[link [foo [bar]]](/uri)", "<a href=\"/uri\">link [foo [bar]]</a>"},
        {"[link] bar](/uri)", "[link] bar](/uri)"},
        {"[link [bar](/uri)", "[link <a href=\"/uri\">bar</a>"},
        {"[link \\[bar](/uri)", "<a href=\"/uri\">link [bar</a>"},
        {"[link *foo **bar** `#`*](/uri)",
         "<a href=\"/uri\">link <em>foo <strong>bar</strong> <code>#</code></em></a>"},
        {"[foo [bar](/uri)](/uri)", "[foo <a href=\"/uri\">bar</a>](/uri)"},
        {"[foo *[bar [baz](/uri)](/uri)*](/uri)",
         "[foo <em>[bar <a href=\"/uri\">baz</a>](/uri)</em>](/uri)"},
        {"*[foo*](/uri)", "*<a href=\"/uri\">foo*</a>"},
        {"[foo *bar](baz*)", "<a href=\"baz*\">foo *bar</a>"},
        {"*foo [bar* baz]", "<em>foo [bar</em> baz]"},
        {"[foo`](/uri)`", "[foo<code>](/uri)</code>"},
        {"[a](http://x/?q=1&r=2)", "<a href=\"http://x/?q=1&amp;r=2\">a</a>"},
        {"[a](<http://x/a b\"c>)", "<a href=\"http://x/a%20b%22c\">a</a>"},
        {"[caf\xc3\xa9](/caf\xc3\xa9)", "<a href=\"/caf%C3%A9\">caf\xc3\xa9</a>"},
    };
    RUN(e);
}

static void test_escapes(void **state)
{
    (void)state;
    static const example e[] = {
        {"\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\`\\{\\|"
         "\\}\\~",
         "!&quot;#$%&amp;&#39;()*+,-./:;&lt;=&gt;?@[\\]^_`{|}~"},
        {"\\\t\\A\\a\\ \\3\\\xcf\x86", "\\\t\\A\\a\\ \\3\\\xcf\x86"},
        {"\\*not emphasized*", "*not emphasized*"},
        {"\\[not a link](/foo)", "[not a link](/foo)"},
        {"`` \\[\\` ``", "<code>\\[\\`</code>"},
        {"[foo](/bar\\* \"ti\\*tle\")", "<a href=\"/bar*\" title=\"ti*tle\">foo</a>"},
        /* Line breaks stay as written, a backslash before one too. */
        {"foo\\\nbar", "foo\\\nbar"},
    };
    RUN(e);
}

/* What is not in the subset stays text, and a link to another scheme
** stays as typed. */
static void test_inert(void **state)
{
    (void)state;
    static const example e[] = {
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
        {"<http://example.com>", "&lt;http://example.com&gt;"},
        {"&amp; &copy;", "&amp;amp; &amp;copy;"},
        {"# heading\n- item\n> quote", "# heading\n- item\n&gt; quote"},
        {"![alt](http://example.com/a.png)", "![alt](http://example.com/a.png)"},
        {"![*alt* [x](/y)](/z.png)", "![*alt* [x](/y)](/z.png)"},
        {"[x](javascript:alert(1))", "[x](javascript:alert(1))"},
        {"[x](JaVaScRiPt:alert(1))", "[x](JaVaScRiPt:alert(1))"},
        {"[x]( javascript:alert(1))", "[x]( javascript:alert(1))"},
        {"[x](<javascript:alert(1)>)", "[x](&lt;javascript:alert(1)&gt;)"},
        {"[x](javascript\\:alert(1))", "[x](javascript\\:alert(1))"},
        {"[*x*](data:text/html,hi)", "[*x*](data:text/html,hi)"},
        {"[x](vbscript:msgbox)", "[x](vbscript:msgbox)"},
        {"[x](mailto:a@example.com)", "[x](mailto:a@example.com)"},
        {"[x](file:///etc/passwd)", "[x](file:///etc/passwd)"},
        /* No scheme, so relative: the browser cannot read one into it. */
        {"[x](java\\script:alert(1))", "<a href=\"java%5Cscript:alert(1)\">x</a>"},
        {"[x](javascript&#58;alert(1))", "<a href=\"javascript&amp;#58;alert(1)\">x</a>"},
        {"[x](<java\tscript:alert(1)>)", "<a href=\"java%09script:alert(1)\">x</a>"},
        {"[x](<\" onmouseover=\"alert(1)>)", "<a href=\"%22%20onmouseover=%22alert(1)\">x</a>"},
        {"[x](/a \"\\\" onclick=&quot;x\")", "<a href=\"/a\" title=\"&quot; onclick=&amp;quot;x\">x</a>"},
        /* A refused link takes no part in the rest: the outer one is a link. */
        {"[a [b](javascript:x) c](/ok)", "<a href=\"/ok\">a [b](javascript:x) c</a>"},
        {"[x](HTTPS://example.com)", "<a href=\"HTTPS://example.com\">x</a>"},
        {"[x](//example.com/a)", "<a href=\"//example.com/a\">x</a>"},
    };
    RUN(e);
    assert_true(ec_inline_url_allowed("", 0));
    assert_true(ec_inline_url_allowed("a/b:c", 5));
    assert_true(ec_inline_url_allowed("http:x", 6));
    assert_false(ec_inline_url_allowed("https+x:y", 9));
    assert_false(ec_inline_url_allowed("ftp://x", 7));
}

/* Text without markup is written exactly as each language's escaper writes
** it, so that prose written before markup existed renders as it did. */
static void test_plain_prose_unchanged(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "A quote has expired.", "Line one\nline two", "  1. at a start # | & < > ~ {x}",
        "Retry after the Retry-After header says; 100% safe!", "caf\xc3\xa9 \xff bad byte", "",
        "a ] b ! c", "    indented", "1) x\n2) y",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        const char *t = texts[i];
        ec_buf a, b;
        ec_buf_init(&a);
        ec_buf_init(&b);
        ec_lang_html.escape(&a, t, strlen(t));
        ec_inline_html(&b, t, strlen(t));
        assert_string_equal(a.data, b.data);
        ec_buf_reset(&a);
        ec_buf_reset(&b);
        ec_lang_markdown.escape(&a, t, strlen(t));
        ec_inline_markdown(&b, t, strlen(t));
        assert_string_equal(a.data, b.data);
        ec_buf_reset(&b);
        ec_inline_plain(&b, t, strlen(t));
        assert_string_equal(t, b.data);
        ec_buf_free(&a);
        ec_buf_free(&b);
    }
}

static void test_markdown(void **state)
{
    (void)state;
    static const example e[] = {
        {"use *a* and **b** now", "use *a* and **b** now"},
        {"_em_ here", "*em* here"},
        /* At the end, what the template writes next is not known. */
        {"this *matters*", "this <em>matters</em>"},
        {"***a** b*", "<em><strong>a</strong> b</em>"},
        {"a*b*c", "a<em>b</em>c"},
        {"**foo*", "\\*<em>foo</em>"},
        {"*(x)* y", "<em>(x)</em> y"},
        {"x_y_z *", "x\\_y\\_z \\*"},
        {"use `a` now", "use `a` now"},
        {"`a|b` in a cell", "<code>a\\|b</code> in a cell"},
        {"`` a`b ``", "<code>a\\`b</code>"},
        {"` lead`", "<code> lead</code>"},
        {"`<b>`", "`<b>`"},
        {"see [the docs](https://e.com/a_b?x=1&y=(2) \"T \\\"q\\\" & |\")",
         "see [the docs](https://e.com/a_b?x=1\\&y=\\(2\\) \"T \\\"q\\\" \\& \\|\")"},
        {"[a *b*](/c) d", "[a *b*](/c) d"},
        {"[a](</x y|z>)", "[a](/x%20y%7Cz)"},
        {"hey\\![x](/y)", "hey\\![x](/y)"},
        {"\\\\![x](/y)", "\\\\\\!\\[x\\](/y)"}, /* an image after a backslash */
        {"\\\\\\![x](/y)", "\\\\\\![x](/y)"},
        {"[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"},
        {"![x](http://a/b.png)", "\\!\\[x\\](http://a/b.png)"},
        {"<script>", "\\<script\\>"},
        {"1\\. not a list", "1\\. not a list"},
        {"# not\n- a list", "\\# not<br>\\- a list"},
        {"[a](/t \"x\ny\")", "[a](/t \"x&#10;y\")"},
    };
    for (size_t i = 0; i < sizeof e / sizeof *e; i++)
        check(ec_inline_markdown, e[i].in, e[i].html);
}

static void test_plain(void **state)
{
    (void)state;
    static const example e[] = {
        {"use *a*, __b__ and `c`", "use a, b and `c`"},
        {"`` a`*b* ``, \\`x\\`", "`` a`*b* ``, `x`"},
        {"see [the docs](https://e.com/x \"t\")", "see the docs (https://e.com/x)"},
        {"[https://e.com](https://e.com)", "https://e.com"},
        {"see [below](#x)", "see below"},
        {"\\*literal\\*", "*literal*"},
        {"<b>x</b> & [y](javascript:z)", "<b>x</b> & [y](javascript:z)"},
        {"*a ``  b  `` c*", "a ``  b  `` c"},
    };
    for (size_t i = 0; i < sizeof e / sizeof *e; i++)
        check(ec_inline_plain, e[i].in, e[i].html);
}

/* A writer must append to what the buffer holds, not look at it, but for
** Markdown's one look back: a '!' just before a link. */
static void test_markdown_bang_before(void **state)
{
    (void)state;
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_puts(&b, "wow!");
    ec_inline_markdown(&b, "[x](/y)", 7);
    assert_string_equal(b.data, "wow!<!-- -->[x](/y)");
    ec_buf_free(&b);
}

/* Repeats 'unit' to 'n' bytes. */
static char *repeat(const char *unit, size_t n)
{
    size_t k = strlen(unit);
    char *s = malloc(n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        s[i] = unit[i % k];
    s[n] = '\0';
    return s;
}

/* Seconds to write 'unit' repeated to n bytes, in all three ways. */
static double seconds(const char *unit, size_t n)
{
    char *s = repeat(unit, n);
    ec_buf b;
    ec_buf_init(&b);
    clock_t t0 = clock();
    ec_inline_html(&b, s, n);
    ec_inline_markdown(&b, s, n);
    ec_inline_plain(&b, s, n);
    double t = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ec_buf_free(&b);
    free(s);
    return t;
}

/* Linear time: sixteen times the text takes nowhere near 256 times as long
** (quadratic work on 200k bytes would take minutes). */
static void test_linear(void **state)
{
    (void)state;
    static const char *const units[] = {
        "*", "`", "_", "[", "]", "![", "*a", "a*", "**a ", "_a_b", "``*", "`a``", "[a](",
        "[a](<", "[a](b '", "[a](b \"", "[a](b (", "[a](()", "[](", "*[", "[*", "\\", "\\*",
        "`` `", "*_*_", "a **b", "***a", "[x](javascript:", "![a](b) [",
    };
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        double small = seconds(units[i], 12500), big = seconds(units[i], 200000);
        if (big > 2.0 && big > 40 * (small + 0.002)) {
            print_error("'%s': %.3fs for 12.5k bytes, %.3fs for 200k\n", units[i], small, big);
            fail();
        }
    }
}

/* Deep nesting needs no recursion: a long run of openers and closers. */
static void test_deep(void **state)
{
    (void)state;
    size_t n = 100000;
    char *s = malloc(2 * n + 2);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        s[i] = '[', s[n + 1 + i] = ']';
    s[n] = 'x';
    s[2 * n + 1] = '\0';
    ec_buf b;
    ec_buf_init(&b);
    ec_inline_html(&b, s, 2 * n + 1);
    assert_int_equal(b.len, 2 * n + 1);
    ec_buf_free(&b);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_spans),
        cmocka_unit_test(test_emphasis),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_inert),
        cmocka_unit_test(test_plain_prose_unchanged),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_markdown_bang_before),
        cmocka_unit_test(test_linear),
        cmocka_unit_test(test_deep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
