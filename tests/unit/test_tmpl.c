/* test_tmpl.c: the template engine: rendering rules the suite leaves open,
** diagnostics with their exact positions, the nesting limit, the partial
** cache. The suite itself runs in tests/mustache/spec_runner.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "doc.h"
#include "lang.h"
#include "tmpl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Partials of a test: name, text pairs, NULL-terminated; 'calls' counts
** how often the engine asked for one. */
typedef struct fixture {
    ec_arena arena;
    ec_diag diag;
    ec_tmpl_env env;
    ec_buf out, msgs;
    const char *const *partials;
    unsigned calls;
} fixture;

static bool source(void *ud, const char *name, const char **text, size_t *len, const char **file)
{
    fixture *fx = ud;
    fx->calls++;
    for (const char *const *p = fx->partials; p && *p; p += 2) {
        if (strcmp(p[0], name) == 0) {
            *text = p[1];
            *len = strlen(p[1]);
            *file = ec_arena_printf(&fx->arena, "%s.mustache", name);
            return true;
        }
    }
    return false;
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    ec_arena_init(&fx->arena);
    ec_diag_init(&fx->diag);
    ec_tmpl_env_init(&fx->env, &fx->arena, &fx->diag);
    fx->env.source = source;
    fx->env.source_ud = fx;
    ec_buf_init(&fx->out);
    ec_buf_init(&fx->msgs);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    ec_buf_free(&fx->out);
    ec_buf_free(&fx->msgs);
    ec_tmpl_env_free(&fx->env);
    ec_diag_free(&fx->diag);
    ec_arena_free(&fx->arena);
    free(fx);
    return 0;
}

static ec_value data_of(fixture *fx, const char *yaml)
{
    ec_value v;
    assert_true(ec_doc_parse(&fx->arena, "data.yaml", yaml, strlen(yaml),
                             &ec_doc_default_limits, &fx->diag, &v));
    return v;
}

static ec_tmpl *compile(fixture *fx, const char *text)
{
    return ec_tmpl_compile(&fx->env, "t.mustache", text, strlen(text));
}

/* Renders 'text' against the YAML 'yaml'; returns the output, or NULL when
** compiling or rendering failed (the diagnostics are then in fx->msgs). */
static const char *render(fixture *fx, const char *text, const char *yaml)
{
    ec_value data = data_of(fx, yaml);
    ec_tmpl *t = compile(fx, text);
    ec_buf_reset(&fx->out);
    bool ok = t && ec_tmpl_render(&fx->env, t, &data, &fx->out);
    ec_buf_reset(&fx->msgs);
    ec_diag_format(&fx->diag, &fx->msgs);
    return ok ? fx->out.data : NULL;
}

static void assert_renders(fixture *fx, const char *text, const char *yaml, const char *want)
{
    const char *got = render(fx, text, yaml);
    if (!got)
        fail_msg("render failed:\n%s", fx->msgs.data);
    assert_string_equal(got, want);
    assert_int_equal(fx->diag.count, 0);
}

/* Compiling or rendering fails with exactly the diagnostics 'want'. */
static void assert_fails(fixture *fx, const char *text, const char *yaml, const char *want)
{
    assert_null(render(fx, text, yaml));
    assert_string_equal(fx->msgs.data, want);
}

static void test_interpolation(void **state)
{
    fixture *fx = *state;
    assert_renders(fx, "{{a}}|{{{a}}}|{{& a }}", "{a: '<\"&\">'}",
                   "&lt;&quot;&amp;&quot;&gt;|<\"&\">|<\"&\">");
    assert_renders(fx, "{{i}} {{f}} {{t}} {{n}}[{{l}}{{m}}]{{missing}}",
                   "{i: -42, f: 0.1, t: true, n: null, l: [1], m: {k: v}}", "-42 0.1 true []");
    assert_renders(fx, "{{a.b.c}}/{{a.x.c}}/{{#a}}{{b.c}}{{/a}}", "{a: {b: {c: deep}}}",
                   "deep//deep");
}

static void test_escape_function(void **state)
{
    fixture *fx = *state;
    fx->env.escape = ec_lang_c.escape;
    assert_renders(fx, "\"{{s}}\" {{{s}}}", "{s: \"a\\\"b\\n\"}", "\"a\\\"b\\n\" a\"b\n");
    fx->env.escape = NULL; /* none at all: raw */
    assert_renders(fx, "{{s}}", "{s: '<&>'}", "<&>");
}

/* {{%comment x}} interpolates with the env's comment escaper; any other
** '%' tag is an error. */
static void test_comment_tag(void **state)
{
    fixture *fx = *state;
    fx->env.escape = ec_lang_go.escape;
    fx->env.comment_escape = ec_lang_go.comment;
    assert_renders(fx, "// {{%comment s}}\nx := \"{{s}}\"", "{s: 'say \"hi\"'}",
                   "// say \"hi\"\nx := \"say \\\"hi\\\"\"");
    assert_renders(fx, "{{=<% %>=}}// <%%comment a.b%>", "{a: {b: '*/'}}", "// *\\/");
    fx->env.escape = NULL; /* a raw file: comments raw too */
    assert_renders(fx, "{{%comment s}}", "{s: '*/'}", "*/");
    assert_fails(fx, "{{%pragma s}}", "{}",
                 "t.mustache:1:1: error: unknown tag '{{%pragma s}}': the '%' tags are "
                 "'%comment NAME', '%prose NAME' and '%prose-comment NAME'\n");
}

/* {{%prose x}}: the env's prose writer (html's by default), else the plain
** text escaped as {{x}}; {{%prose-comment x}}: the plain text escaped as
** {{%comment x}}. */
static void test_prose_tags(void **state)
{
    fixture *fx = *state;
    const char *data = "{s: 'see *\"x\"* & `*/`', n: 12}";
    assert_renders(fx, "{{%prose s}}|{{s}}", data,
                   "see <em>&quot;x&quot;</em> &amp; <code>*/</code>|"
                   "see *&quot;x&quot;* &amp; `*/`");
    fx->env.escape = ec_lang_go.escape;
    fx->env.comment_escape = ec_lang_go.comment;
    fx->env.prose = NULL;
    assert_renders(fx, "\"{{%prose s}}\" // {{%prose-comment s}} {{%prose n}}", data,
                   "\"see \\\"x\\\" & `*\\x2f`\" // see \"x\" & `*\\/` 12");
    fx->env.prose = ec_lang_markdown.prose;
    assert_renders(fx, "{{%prose s}}", data, "see <em>\"x\"</em> \\& `*/`");
    fx->env.escape = NULL; /* a raw file: prose raw too */
    assert_renders(fx, "{{%prose s}} {{%prose-comment s}}", data,
                   "see *\"x\"* & `*/` see *\"x\"* & `*/`");
}

static void test_sections(void **state)
{
    fixture *fx = *state;
    assert_renders(fx, "{{#l}}<{{n}}:{{top}}>{{/l}}", "{top: T, l: [{n: 1}, {n: 2, top: U}]}",
                   "<1:T><2:U>");
    assert_renders(fx, "{{#l}}{{.}},{{/l}}{{^l}}none{{/l}}", "{l: [a, 1, 2.5]}", "a,1,2.5,");
    assert_renders(fx, "{{#l}}x{{/l}}{{^l}}none{{/l}}", "{l: []}", "none");
    /* errcat's falsy values follow JavaScript: 0 and "" too. */
    assert_renders(fx, "{{#z}}z{{/z}}{{^z}}!z{{/z}} {{#e}}e{{/e}}{{^e}}!e{{/e}}", "{z: 0, e: ''}",
                   "!z !e");
    assert_renders(fx, "{{#m}}{{k}}{{/m}}", "{m: {k: v}}", "v");
}

static void test_standalone_lines(void **state)
{
    fixture *fx = *state;
    assert_renders(fx, "a\n  {{#b}}  \nx\n  {{/b}}\r\n{{! note }}\nz\n", "{b: true}", "a\nx\nz\n");
    /* Two tags on a line: neither is standalone. */
    assert_renders(fx, "{{#b}}{{/b}}\nz", "{b: true}", "\nz");
    assert_renders(fx, "{{=<% %>=}}\n<%x%>{{x}}\n<%={{ }}=%>\n{{x}}", "{x: 1}", "1{{x}}\n1");
    /* The blanks before a section that does not take its line are text
    ** before it, kept when the section renders nothing. */
    assert_renders(fx, "    {{#s}}A{{/s}}B\n", "{s: false}", "    B\n");
    assert_renders(fx, "  {{^s}}A{{/s}}\n", "{s: true}", "  \n");
    assert_renders(fx, "    {{#s}}A{{/s}}B\n", "{s: true}", "    AB\n");
}

/* A standalone partial indents the lines of its template, not those of
** the data it interpolates; nested partials add up; empty lines stay
** empty so generated code has no trailing blanks. */
static void test_partial_indentation(void **state)
{
    fixture *fx = *state;
    static const char *const partials[] = {
        "fn", "void f(void)\n{\n{{#body}}\n    {{>stmt}}\n{{/body}}\n\n}\n",
        "stmt", "{{{.}}};\n",
        NULL,
    };
    fx->partials = partials;
    assert_renders(fx, "struct s {\n    {{>fn}}\n};\n", "{body: ['a()', \"b(\\n1)\"]}",
                   "struct s {\n"
                   "    void f(void)\n"
                   "    {\n"
                   "        a();\n"
                   "        b(\n"
                   "1);\n"
                   "\n"
                   "    }\n"
                   "};\n");
    /* Inline, a partial is not indented. */
    assert_renders(fx, "  x {{>stmt}}", "7", "  x 7;\n");
}

static void test_dynamic_partial(void **state)
{
    fixture *fx = *state;
    static const char *const partials[] = {"text", "T:{{c}}", "image", "I:{{u}}", NULL};
    fx->partials = partials;
    assert_renders(fx, "{{#items}}{{>*kind}};{{/items}}",
                   "{items: [{kind: text, c: 1}, {kind: image, u: 2}, {kind: none}, {}]}",
                   "T:1;I:2;;;");
}

static void test_inheritance(void **state)
{
    fixture *fx = *state;
    static const char *const partials[] = {
        "layout",
        "<h1>{{$title}}Untitled{{/title}}</h1>\n"
        "<ul>\n  {{$items}}\n  <li>none</li>\n  {{/items}}\n</ul>\n",
        NULL,
    };
    fx->partials = partials;
    assert_renders(fx, "{{<layout}}{{/layout}}", "{}",
                   "<h1>Untitled</h1>\n<ul>\n  <li>none</li>\n</ul>\n");
    /* Argument content loses its own indentation and takes the block's. */
    assert_renders(fx,
                   "{{<layout}}\n"
                   "{{$title}}Codes{{/title}}\n"
                   "{{$items}}\n"
                   "        {{#l}}\n"
                   "        <li>{{.}}</li>\n"
                   "        {{/l}}\n"
                   "{{/items}}\n"
                   "{{/layout}}\n",
                   "{l: [a, b]}", "<h1>Codes</h1>\n<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
    /* Passed inline to a block that stands on lines of its own: still a line. */
    assert_renders(fx, "{{<layout}}{{$items}}<li>x</li>{{/items}}{{/layout}}", "{}",
                   "<h1>Untitled</h1>\n<ul>\n  <li>x</li>\n</ul>\n");
}

static void test_compile_once_render_many(void **state)
{
    fixture *fx = *state;
    ec_tmpl *t = compile(fx, "{{#l}}{{.}}{{/l}}");
    assert_non_null(t);
    ec_value a = data_of(fx, "{l: [1, 2]}"), b = data_of(fx, "{l: [x]}");
    assert_true(ec_tmpl_render(&fx->env, t, &a, &fx->out));
    assert_true(ec_tmpl_render(&fx->env, t, &b, &fx->out));
    assert_true(ec_tmpl_render(&fx->env, t, NULL, &fx->out));
    assert_string_equal(fx->out.data, "12x");
}

/* Maps big enough to get a hash index find what ec_map_get finds. */
static void test_big_map(void **state)
{
    fixture *fx = *state;
    ec_builder b;
    ec_builder_init(&b);
    for (int i = 0; i < 100; i++)
        ec_builder_add(&b, ec_arena_printf(&fx->arena, "k%d", i), ec_vint(i));
    ec_builder_add(&b, "k7", ec_vstr("second k7"));
    ec_builder l;
    ec_builder_init(&l);
    ec_builder_push(&l, ec_vint(1));
    ec_builder_push(&l, ec_vint(2));
    ec_builder_add(&b, "l", ec_builder_list(&l, &fx->arena));
    ec_value m = ec_builder_map(&b, &fx->arena);
    ec_tmpl *t = compile(fx, "{{#l}}{{k7}}.{{k99}}.{{k100}}.{{.}};{{/l}}");
    assert_non_null(t);
    assert_true(ec_tmpl_render(&fx->env, t, &m, &fx->out));
    assert_string_equal(fx->out.data, "7.99..1;7.99..2;");
}

/* Item i of a lazy list: a map too big to scan (40 members), whose keys
** come in another order for odd items, and with "odd" only there: the
** engine must not reuse what it learnt of the item before, which lived
** at the same address. */
static ec_value make_item(const void *ud, uint32_t i, ec_arena *a)
{
    (void)ud;
    ec_builder b;
    ec_builder_init(&b);
    if (i % 2)
        ec_builder_add(&b, "odd", ec_vbool(true));
    for (int k = 0; k < 40; k++) {
        int key = i % 2 ? 39 - k : k;
        ec_builder_add(&b, ec_arena_printf(a, "k%d", key), ec_vint(key * 100 + (int)i));
    }
    return ec_builder_map(&b, a);
}

static void test_lazy_list(void **state)
{
    fixture *fx = *state;
    static const ec_lazy items = {make_item, NULL};
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "items", (ec_value){.kind = EC_VLAZY, .len = 4, .u.lazy = &items});
    ec_builder_add(&b, "none", (ec_value){.kind = EC_VLAZY, .len = 0, .u.lazy = &items});
    ec_builder_add(&b, "odd", ec_vstr("outer"));
    ec_value m = ec_builder_map(&b, &fx->arena);
    ec_tmpl *t = compile(fx, "{{#items}}{{k0}},{{k39}},{{odd}};{{/items}}"
                             "{{^none}}none{{/none}}{{#none}}never{{/none}}");
    assert_non_null(t);
    assert_true(ec_tmpl_render(&fx->env, t, &m, &fx->out));
    assert_string_equal(fx->out.data, "0,3900,outer;1,3901,true;2,3902,outer;3,3903,true;none");
}

/* A tag first tries the position where its name was found last: maps of
** other layouts (the name elsewhere, absent, past the end, a longer key
** with the same start in its place) must still find what ec_map_get finds,
** and an absent name must still be looked up further down the stack. */
static void test_layouts(void **state)
{
    fixture *fx = *state;
    assert_renders(fx, "{{#l}}{{name}}.{{x.y}}|{{/l}}",
                   "{name: outer, l: [{a: 1, name: n1, x: {y: y1}},"
                   " {name: n2, a: 2, x: {z: 0, y: y2}},"
                   " {a: 3, b: 4, name_upper: N, nam: q, x: {y: y3}},"
                   " {x: {}}, {a: 5, b: 6, c: 7, name: n5, x: {y: y5, z: 0}}, {}]}",
                   "n1.y1|n2.y2|outer.y3|outer.|n5.y5|outer.|");
    /* The same names in small maps and in big ones (hash indexed), in
    ** turns, and in a template rendered again against other data. */
    ec_tmpl *t = compile(fx, "{{#l}}{{k3}}{{k40}}{{^k40}}-{{/k40}};{{/l}}");
    assert_non_null(t);
    for (int pass = 0; pass < 2; pass++) {
        ec_builder l;
        ec_builder_init(&l);
        for (int item = 0; item < 4; item++) {
            ec_builder b;
            ec_builder_init(&b);
            int n = item % 2 ? 60 : 5; /* big, small */
            for (int k = 0; k < n; k++) {
                int key = (item + pass) % 3 ? k : n - 1 - k;
                ec_builder_add(&b, ec_arena_printf(&fx->arena, "k%d", key),
                               ec_vint(key * 10 + item));
            }
            ec_builder_push(&l, ec_builder_map(&b, &fx->arena));
        }
        ec_builder top;
        ec_builder_init(&top);
        ec_builder_add(&top, "l", ec_builder_list(&l, &fx->arena));
        ec_value m = ec_builder_map(&top, &fx->arena);
        ec_buf_reset(&fx->out);
        assert_true(ec_tmpl_render(&fx->env, t, &m, &fx->out));
        assert_string_equal(fx->out.data, "30-;31401;32-;33403;");
    }
}

/* Partials are asked for and compiled once per name, missing ones too. */
static void test_partial_cache(void **state)
{
    fixture *fx = *state;
    static const char *const partials[] = {"p", "<{{.}}>", NULL};
    fx->partials = partials;
    assert_renders(fx, "{{#l}}{{>p}}{{>gone}}{{/l}}", "{l: [1, 2, 3]}", "<1><2><3>");
    assert_int_equal(fx->calls, 2);
    assert_renders(fx, "{{>p}}{{>gone}}", "7", "<7>");
    assert_int_equal(fx->calls, 2);
    bool failed = true;
    const ec_tmpl *p = ec_tmpl_partial(&fx->env, "p", &failed);
    assert_non_null(p);
    assert_false(failed);
    assert_ptr_equal(ec_tmpl_partial(&fx->env, "p", NULL), p);
    assert_null(ec_tmpl_partial(&fx->env, "gone", &failed));
    assert_false(failed);
    assert_int_equal(fx->calls, 2);
}

static void test_no_source(void **state)
{
    fixture *fx = *state;
    fx->env.source = NULL;
    assert_renders(fx, "[{{>p}}]", "{}", "[]");
}

static void test_error_unclosed(void **state)
{
    fixture *fx = *state;
    assert_fails(fx, "line one\n  {{#list}}\n    {{x}}\n", "{}",
                 "t.mustache:4:1: error: unclosed section 'list' at the end of the template\n"
                 "t.mustache:2:3: note: section 'list' opened here\n");
}

static void test_error_mismatch(void **state)
{
    fixture *fx = *state;
    assert_fails(fx, "{{#a}}\n{{^b}}\n{{/a}}", "{}",
                 "t.mustache:3:1: error: closing tag 'a' does not match the open section 'b'\n"
                 "t.mustache:2:1: note: section 'b' opened here\n");
}

static void test_error_messages(void **state)
{
    fixture *fx = *state;
    assert_fails(fx, "ok\n{{/a}}", "{}",
                 "t.mustache:2:1: error: closing tag 'a' has no opening tag\n");
    ec_diag_free(&fx->diag);
    assert_fails(fx, "abc {{x\n", "{}",
                 "t.mustache:1:5: error: unclosed tag: no '}}' after '{{'\n");
    ec_diag_free(&fx->diag);
    assert_fails(fx, "{{{x}}", "{}", "t.mustache:1:1: error: unclosed tag: no '}}}' after '{{{'\n");
    ec_diag_free(&fx->diag);
    assert_fails(fx, "\n {{=<% %> !=}}", "{}",
                 "t.mustache:2:2: error: bad delimiter tag: expected two delimiters without '=' "
                 "separated by a blank, as in '{{=<% %>=}}'\n");
    ec_diag_free(&fx->diag);
    assert_fails(fx, "{{=<% %>=}}\n<%  %>", "{}", "t.mustache:2:1: error: empty tag name\n");
    ec_diag_free(&fx->diag);
    assert_fails(fx, "{{#a..b}}{{/a..b}}", "{}",
                 "t.mustache:1:1: error: invalid name 'a..b': empty part between dots\n");
    ec_diag_free(&fx->diag);
    assert_fails(fx, "{{a b}}", "{}",
                 "t.mustache:1:1: error: invalid name 'a b': names contain no blanks\n");
    ec_diag_free(&fx->diag);
    assert_fails(fx, "{{<p}}{{/q}}", "{}",
                 "t.mustache:1:7: error: closing tag 'q' does not match the open parent 'p'\n"
                 "t.mustache:1:1: note: parent 'p' opened here\n");
    ec_diag_free(&fx->diag);
    assert_fails(fx, "{{$*b}}{{/*b}}", "{}",
                 "t.mustache:1:1: error: a block name cannot be dynamic\n");
}

/* Builds 'n' nested sections around "x". */
static char *nested(unsigned n)
{
    ec_buf b;
    ec_buf_init(&b);
    for (unsigned i = 0; i < n; i++)
        ec_buf_puts(&b, "{{#t}}");
    ec_buf_putc(&b, 'x');
    for (unsigned i = 0; i < n; i++)
        ec_buf_puts(&b, "{{/t}}");
    return ec_buf_detach(&b, NULL);
}

static void test_nesting_limit(void **state)
{
    fixture *fx = *state;
    char *ok = nested(EC_TMPL_MAX_DEPTH), *deep = nested(EC_TMPL_MAX_DEPTH + 1);
    assert_renders(fx, ok, "{t: true}", "x");
    char want[128];
    snprintf(want, sizeof want,
             "t.mustache:1:%d: error: template nesting deeper than %d levels "
             "(recursive partial?)\n",
             6 * EC_TMPL_MAX_DEPTH + 1, EC_TMPL_MAX_DEPTH);
    assert_fails(fx, deep, "{t: true}", want);
    free(ok);
    free(deep);
}

static void test_recursive_partial(void **state)
{
    fixture *fx = *state;
    static const char *const partials[] = {"loop", "-\n  {{>loop}}\n", NULL};
    fx->partials = partials;
    char want[128];
    snprintf(want, sizeof want,
             "loop.mustache:2:3: error: template nesting deeper than %d levels "
             "(recursive partial?)\n",
             EC_TMPL_MAX_DEPTH);
    assert_fails(fx, "{{>loop}}", "{}", want);
    assert_true(fx->out.len > 0); /* what was rendered before stays */
}

static void test_broken_partial(void **state)
{
    fixture *fx = *state;
    static const char *const partials[] = {"bad", "ok\n{{#open}}\n", NULL};
    fx->partials = partials;
    assert_fails(fx, "one\n{{>bad}}", "{}",
                 "bad.mustache:3:1: error: unclosed section 'open' at the end of the template\n"
                 "bad.mustache:2:1: note: section 'open' opened here\n"
                 "t.mustache:2:1: note: in the partial included here\n");
    ec_diag_free(&fx->diag);
    /* Cached as broken: reported again, but compiled only once. */
    assert_fails(fx, "{{>bad}}", "{}", "t.mustache:1:1: error: partial 'bad' does not compile\n");
    assert_int_equal(fx->calls, 1);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_interpolation),
        T(test_escape_function),
        T(test_comment_tag),
        T(test_prose_tags),
        T(test_sections),
        T(test_standalone_lines),
        T(test_partial_indentation),
        T(test_dynamic_partial),
        T(test_inheritance),
        T(test_compile_once_render_many),
        T(test_big_map),
        T(test_lazy_list),
        T(test_layouts),
        T(test_partial_cache),
        T(test_no_source),
        T(test_error_unclosed),
        T(test_error_mismatch),
        T(test_error_messages),
        T(test_nesting_limit),
        T(test_recursive_partial),
        T(test_broken_partial),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
