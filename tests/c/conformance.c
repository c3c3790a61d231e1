/* conformance.c: runs a catalog's conformance vectors against its generated
** C. Built once per catalog with -DCAT=<id> -DCATU=<ID> -include
** <id>_errors.h; reads the vectors with errcat's own YAML reader.
** With -DCLASSES (a catalog with classes) it checks the class lookups too.
** Usage: conformance VECTORS.json */
#include "doc.h"
#include "fsio.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PASTE2(a, b) a##_##b
#define PASTE(a, b) PASTE2(a, b)
#define F(x) PASTE(CAT, x)  /* ultra_lookup */
#define K(x) PASTE(CATU, x) /* ULTRA_KIND_CODE */

static int failures, checks;

static void fail(const char *what, const ec_value *q, const char *detail)
{
    if (++failures <= 30)
        fprintf(stderr, "FAIL %s at vectors line %u: %s\n", what, (unsigned)q->at.line, detail);
}

static const char *str(const ec_value *m, const char *key)
{
    const ec_value *v = ec_map_get(m, key);
    return v && v->kind == EC_VSTR ? v->u.s : NULL;
}

static int64_t num(const ec_value *m, const char *key)
{
    const ec_value *v = ec_map_get(m, key);
    return v && v->kind == EC_VINT ? v->u.i : 0;
}

static F(domain) domain_of(const ec_value *vectors, const char *id)
{
    const ec_value *ds = ec_map_get(vectors, "domains");
    for (uint32_t i = 0; id && i < ds->len; i++)
        if (strcmp(ds->u.items[i].u.s, id) == 0)
            return (F(domain))i;
    return K(DOMAIN_NONE);
}

static const char *const retry_names[] = {"never", "always", "maybe", "depends", "after-action"};
static const char *const action_names[] = {"none", "fix-request", "check-credentials", "requote",
                                           "resubmit-same", "poll-status", "reduce-size",
                                           "adjust-request", "contact-support"};
static const char *const kind_names[] = {"code", "fallback", "status"};

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Checks entry 'e' against the expectation 'x' (a map, or null for none). */
static void check_entry(const char *what, const ec_value *q, const F(entry) * e)
{
    const ec_value *x = ec_map_get(q, "expect");
    checks++;
    if (x->kind == EC_VNULL) {
        if (e)
            fail(what, q, "found an entry where none was expected");
        return;
    }
    if (!e) {
        fail(what, q, "no entry found");
        return;
    }
    if (!same(kind_names[F(entry_kind)(e)], str(x, "kind")))
        fail(what, q, "kind differs");
    if (!same(F(entry_code_str)(e), str(x, "code_str")))
        fail(what, q, "code_str differs");
    if (str(x, "name") && !same(F(entry_name)(e), str(x, "name")))
        fail(what, q, "name differs");
    if (F(entry_status)(e) != num(x, "status"))
        fail(what, q, "status differs");
    if (!same(F(entry_message)(e), str(x, "message")))
        fail(what, q, "message differs");
    if (!same(retry_names[F(entry_retry)(e)->retry], str(x, "retry")) ||
        !same(action_names[F(entry_retry)(e)->action], str(x, "action")))
        fail(what, q, "retry policy differs");
#ifdef CLASSES
    const ec_value *cls = ec_map_get(x, "class");
    if (cls && !same(F(class_of)(e), cls->kind == EC_VSTR ? cls->u.s : NULL))
        fail(what, q, "class differs");
#endif
}

/* The entry of the class of a query's code (a number or a string) in 'd'. */
static const F(entry) * class_entry(F(domain) d, const ec_value *code)
{
#ifdef CLASSES
    char buf[32];
    if (code->kind == EC_VINT)
        snprintf(buf, sizeof buf, "%lld", (long long)code->u.i);
    return F(lookup_class)(d, code->kind == EC_VINT ? buf : code->u.s);
#else
    (void)d, (void)code;
    return NULL;
#endif
}

/* The entry a query names: by domain and code, fallback, or status. */
static const F(entry) * subject(const ec_value *vectors, const ec_value *q)
{
    const ec_value *status = ec_map_get(q, "status");
    if (status)
        return F(lookup_status)((int)status->u.i);
    F(domain) d = domain_of(vectors, str(q, "domain"));
    if (ec_map_get(q, "fallback"))
        return F(fallback)(d);
    if (ec_map_get(q, "class"))
        return class_entry(d, ec_map_get(q, "class"));
    const ec_value *code = ec_map_get(q, "code");
    return code->kind == EC_VSTR ? F(lookup_str)(d, code->u.s) : F(lookup)(d, code->u.i);
}

/* The value of header 'name' in a classify case's headers, as text. */
static const char *header(const ec_value *headers, const char *name, char *buf, size_t size)
{
    for (uint32_t i = 0; name && i < headers->len; i++) {
        const ec_value *v = &headers->u.members[i].val;
        if (ec_header_cmp(headers->u.members[i].key, name) != 0)
            continue;
        if (v->kind == EC_VINT)
            snprintf(buf, size, "%lld", (long long)v->u.i);
        return v->kind == EC_VINT ? buf : v->kind == EC_VSTR ? v->u.s : NULL;
    }
    return NULL;
}

/* A classify case, as far as the C target goes (it has no classify): the
** entry the case expects, its delay header read by delay_seconds against the
** vectors' reference time, and decide. */
static void check_classify_decision(const ec_value *vectors, const ec_value *q)
{
    const ec_value *x = ec_map_get(q, "expect"), *want = ec_map_get(x, "decision");
    const char *match = str(x, "match");
    F(domain) d = domain_of(vectors, str(x, "domain"));
    const F(entry) *e = strcmp(match, "code") == 0       ? F(recognise)(d, str(x, "code_str"))
                        : strcmp(match, "fallback") == 0 ? NULL
                        : strcmp(match, "status") == 0   ? F(lookup_status)((int)num(x, "status"))
                                                         : NULL;
    /* An unlisted code: its class's entry, else the domain's fallback. */
    if (strcmp(match, "fallback") == 0) {
        const ec_value *code = ec_map_get(x, "code_str");
        e = code->kind == EC_VSTR ? class_entry(d, code) : NULL;
        e = e ? e : F(fallback)(d);
    }
    const ec_value *headers = ec_map_get(q, "headers");
    char vbuf[32], dbuf[32];
    const char *value = e ? header(headers, F(entry_retry)(e)->delay_header, vbuf, sizeof vbuf) : NULL;
    const char *date = header(headers, "Date", dbuf, sizeof dbuf);
    int64_t after = e ? F(delay_seconds)(F(entry_retry)(e), value, date, num(vectors, "now")) : -1;
    F(decision) dec = F(decide)(e, (int)num(q, "attempt"), after);
    checks++;
    if (dec.retry != ec_map_get(want, "retry")->u.b || dec.delay_ms != num(want, "delay_ms") ||
        !same(action_names[dec.action], str(want, "action")))
        fail("classify decision", q, "differs");
#ifdef CLASSES
    const ec_value *cls = ec_map_get(x, "class");
    if (cls && !same(e ? F(class_of)(e) : NULL, cls->kind == EC_VSTR ? cls->u.s : NULL))
        fail("classify class", q, "differs");
#endif
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: conformance VECTORS.json\n", stderr);
        return 2;
    }
    ec_diag d;
    ec_diag_init(&d);
    ec_arena a;
    ec_arena_init(&a);
    size_t len;
    char *text = ec_read_file(argv[1], EC_MAX_INPUT_BYTES, &len, (ec_loc){NULL, 0, 0}, &d);
    ec_doc_limits lim = {64, (size_t)-1};
    ec_value v;
    if (!text || !ec_doc_parse(&a, argv[1], text, len, &lim, &d, &v)) {
        ec_diag_print(&d, stderr);
        return 2;
    }
    const ec_value *l;
    l = ec_map_get(&v, "lookups");
    for (uint32_t i = 0; i < l->len; i++)
        check_entry("lookup", &l->u.items[i], subject(&v, &l->u.items[i]));
    l = ec_map_get(&v, "statuses");
    for (uint32_t i = 0; i < l->len; i++)
        check_entry("status", &l->u.items[i], subject(&v, &l->u.items[i]));
    l = ec_map_get(&v, "fallbacks");
    for (uint32_t i = 0; i < l->len; i++)
        check_entry("fallback", &l->u.items[i],
                    F(fallback)(domain_of(&v, str(&l->u.items[i], "domain"))));
    l = ec_map_get(&v, "classes");
    for (uint32_t i = 0; l && i < l->len; i++)
        check_entry("class", &l->u.items[i],
                    class_entry(domain_of(&v, str(&l->u.items[i], "domain")),
                                ec_map_get(&l->u.items[i], "code")));
    l = ec_map_get(&v, "names");
    for (uint32_t i = 0; i < l->len; i++) {
        const ec_value *q = &l->u.items[i];
        const F(entry) *e = F(lookup_name)(domain_of(&v, str(q, "domain")), str(q, "name"));
        const ec_value *x = ec_map_get(q, "expect");
        checks++;
        if (!same(e ? F(entry_code_str)(e) : NULL, x->kind == EC_VSTR ? x->u.s : NULL))
            fail("name", q, "wrong entry");
    }
    l = ec_map_get(&v, "decisions");
    for (uint32_t i = 0; i < l->len; i++) {
        const ec_value *q = &l->u.items[i], *x = ec_map_get(q, "expect");
        const ec_value *ra = ec_map_get(q, "retry_after");
        F(decision) dec = F(decide)(subject(&v, q), (int)num(q, "attempt"),
                                    ra->kind == EC_VNULL ? -1 : ra->u.i);
        checks++;
        if (dec.retry != ec_map_get(x, "retry")->u.b || dec.delay_ms != num(x, "delay_ms") ||
            !same(action_names[dec.action], str(x, "action")))
            fail("decision", q, "differs");
    }
    l = ec_map_get(&v, "classify");
    for (uint32_t i = 0; i < l->len; i++)
        check_classify_decision(&v, &l->u.items[i]);
    l = ec_map_get(&v, "formats");
    for (uint32_t i = 0; i < l->len; i++) {
        const ec_value *q = &l->u.items[i], *args = ec_map_get(q, "args");
        const char *argv_[16];
        for (uint32_t j = 0; j < args->len && j < 16; j++)
            argv_[j] = args->u.items[j].u.s;
        const F(entry) *e = subject(&v, q);
        const char *want = str(q, "expect");
        /* First the length alone (size 0 writes nothing), then the whole
        ** text, then a small buffer that must be cut as snprintf cuts. */
        size_t need = F(format)(e, NULL, 0, argv_, args->len);
        char *big = malloc(need + 1), small[8];
        size_t n = F(format)(e, big, need + 1, argv_, args->len);
        size_t m = F(format)(e, small, sizeof small, argv_, args->len);
        checks++;
        if (n != need || n != strlen(want) || strcmp(big, want) != 0)
            fail("format", q, big);
        else if (m != n || strncmp(small, want, sizeof small - 1) != 0 || strlen(small) >= sizeof small)
            fail("format", q, "truncated output differs from snprintf semantics");
        free(big);
    }
    printf("conformance %s: %d passed, %d failed\n", argv[1], checks - failures, failures);
    free(text);
    ec_arena_free(&a);
    ec_diag_free(&d);
    return failures ? 1 : 0;
}
