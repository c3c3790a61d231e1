/* fuzz_render_data.c: libFuzzer harness for `errcat render` data files: the
** input is a YAML or JSON data file, parsed and rendered by a template that
** walks it in every way a template can (sections, inverted sections,
** dotted names, the implicit iterator, raw and escaped values). */
#include "doc.h"
#include "lang.h"
#include "tmpl.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char walker[] =
    "{{#.}}{{.}}{{/.}}{{^.}}none{{/.}}"
    "{{#items}}[{{name}}|{{{message}}}|{{code}}{{#last}}!{{/last}}]{{/items}}"
    "{{a.b.c}}{{#a}}{{#b}}{{c}}{{/b}}{{/a}}{{& text}}{{> part}}";

static bool source(void *ud, const char *name, const char **text, size_t *len, const char **file)
{
    (void)ud;
    (void)name;
    *text = "{{#items}}{{> part}}{{/items}}"; /* recursion bounded by the data's depth */
    *len = 30;
    *file = "part.mustache";
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ec_arena a;
    ec_arena_init(&a);
    ec_diag d;
    ec_diag_init(&d);
    ec_value v;
    if (ec_doc_parse(&a, "data.yaml", (const char *)data, size, NULL, &d, &v)) {
        ec_tmpl_env env;
        ec_tmpl_env_init(&env, &a, &d);
        env.source = source;
        env.escape = ec_lang_html.escape;
        ec_tmpl *t = ec_tmpl_compile(&env, "walker.mustache", walker, sizeof walker - 1);
        ec_buf out;
        ec_buf_init(&out);
        if (t) {
            ec_tmpl_render(&env, t, &v, &out);
            ec_buf json;
            ec_buf_init(&json);
            ec_json_write(&v, &json); /* and the data printed back as JSON */
            ec_buf_free(&json);
        }
        ec_buf_free(&out);
        ec_tmpl_env_free(&env);
    }
    ec_diag_free(&d);
    ec_arena_free(&a);
    return 0;
}
