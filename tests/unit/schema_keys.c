/* schema_keys.c: keeps spec/errcat.schema.json in step with the loader.
**
**   schema_keys SCHEMA.json
**
** Reads the JSON schema (JSON is YAML: ec_doc_parse), collects the property
** names of every object schema in it (every "properties" map, wherever it
** sits: the top level, $defs, if/then/else), and compares that set with the
** union of the key sets the loader accepts (ec_load_keysets). Prints every
** key missing on either side. Exit status: 0 when the sets are equal, 1 when
** they differ, 2 when the schema cannot be read or parsed. */
#include "alloc.h"
#include "doc.h"
#include "fsio.h"
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct strset {
    const char **v;
    size_t n, cap;
} strset;

static bool set_has(const strset *s, const char *k)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], k) == 0)
            return true;
    return false;
}

static void set_add(strset *s, const char *k)
{
    if (set_has(s, k))
        return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->v = ec_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = k;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds the names of every "properties" map under 'v'; the values of a
** "properties" map are schemas again, so the walk goes on into them. */
static void collect(const ec_value *v, strset *out)
{
    if (v->kind == EC_VLIST) {
        for (uint32_t i = 0; i < v->len; i++)
            collect(&v->u.items[i], out);
        return;
    }
    if (v->kind != EC_VMAP)
        return;
    for (uint32_t i = 0; i < v->len; i++) {
        const ec_member *m = &v->u.members[i];
        if (strcmp(m->key, "properties") == 0 && m->val.kind == EC_VMAP) {
            for (uint32_t j = 0; j < m->val.len; j++) {
                set_add(out, m->val.u.members[j].key);
                collect(&m->val.u.members[j].val, out);
            }
        } else {
            collect(&m->val, out);
        }
    }
}

/* Prints the keys of 'a' that 'b' lacks, sorted; returns their number. */
static size_t report_missing(const strset *a, const strset *b, const char *fmt_where)
{
    const char **sorted = ec_xmalloc((a->n + 1) * sizeof *sorted);
    memcpy(sorted, a->v, a->n * sizeof *sorted);
    qsort(sorted, a->n, sizeof *sorted, cmp_str);
    size_t missing = 0;
    for (size_t i = 0; i < a->n; i++)
        if (!set_has(b, sorted[i])) {
            printf("schema_keys: key '%s' %s\n", sorted[i], fmt_where);
            missing++;
        }
    free(sorted);
    return missing;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: schema_keys SCHEMA.json\n");
        return 2;
    }
    const char *path = argv[1];
    ec_diag d;
    ec_diag_init(&d);
    size_t len;
    char *text = ec_read_file(path, EC_MAX_INPUT_BYTES, &len, (ec_loc){NULL, 0, 0}, &d);
    ec_arena a;
    ec_arena_init(&a);
    ec_value schema;
    if (!text || !ec_doc_parse(&a, path, text, len, NULL, &d, &schema)) {
        ec_diag_print(&d, stderr);
        ec_diag_free(&d);
        ec_arena_free(&a);
        free(text);
        return 2;
    }

    strset in_schema = {0}, in_loader = {0};
    collect(&schema, &in_schema);
    for (size_t i = 0; i < ec_load_nkeysets; i++)
        for (const char *const *k = ec_load_keysets[i].keys; *k; k++)
            set_add(&in_loader, *k);

    int status = 0;
    if (in_schema.n == 0) {
        printf("schema_keys: %s has no \"properties\" at all\n", path);
        status = 1;
    }
    if (report_missing(&in_loader, &in_schema, "is accepted by the loader but not in the schema"))
        status = 1;
    if (report_missing(&in_schema, &in_loader, "is in the schema but the loader rejects it"))
        status = 1;
    if (status == 0)
        printf("schema_keys: the schema and the loader agree on %zu keys\n", in_loader.n);

    free(in_schema.v);
    free(in_loader.v);
    ec_diag_free(&d);
    ec_arena_free(&a);
    free(text);
    return status;
}
