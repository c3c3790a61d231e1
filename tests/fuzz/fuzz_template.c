/* fuzz_template.c: libFuzzer harness for the template engine: the input is a
** template, compiled and rendered against a fixed view; every partial or
** parent it names is the input itself, so recursion is exercised too. */
#include "doc.h"
#include "escape.h"
#include "tmpl.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char view_yaml[] =
    "name: Swap\n"
    "items: [{code: 1, name: A, last: false, message: \"<b>&'\\\"\"}, {code: -2, name: B, last: true}]\n"
    "nested: {a: {b: {c: deep}}}\n"
    "flag: true\nzero: 0\nempty: []\nnum: 1.5\ntext: \"x\\ny\"\n";

typedef struct self {
    const char *text;
    size_t len;
} self;

static bool source(void *ud, const char *name, const char **text, size_t *len, const char **file)
{
    const self *s = ud;
    (void)name;
    *text = s->text;
    *len = s->len;
    *file = "partial";
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ec_arena a;
    ec_arena_init(&a);
    ec_diag d;
    ec_diag_init(&d);
    ec_value view;
    if (ec_doc_parse(&a, "view.yaml", view_yaml, sizeof view_yaml - 1, NULL, &d, &view)) {
        self s = {(const char *)data, size};
        static const char *const escapes[] = {"html", "c", "markdown", "comment", "json"};
        ec_tmpl_env env;
        ec_tmpl_env_init(&env, &a, &d);
        env.source = source;
        env.source_ud = &s;
        env.escape = ec_escape_find(escapes[size % 5]);
        ec_tmpl *t = ec_tmpl_compile(&env, "fuzz.mustache", (const char *)data, size);
        ec_buf out;
        ec_buf_init(&out);
        if (t)
            ec_tmpl_render(&env, t, &view, &out);
        ec_buf_free(&out);
        ec_tmpl_env_free(&env);
    }
    ec_diag_free(&d);
    ec_arena_free(&a);
    return 0;
}
