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

static const char *const match_names[] = {"none", "code", "fallback", "status"};

/* A span of JSON text as the vectors' JSON writer spells it, into 'out'
** (absent reads as null, as the reference has it). */
static void json_text(ec_arena *a, F(span) v, ec_buf *out)
{
    ec_diag d;
    ec_diag_init(&d);
    ec_doc_limits lim = {64, (size_t)-1};
    ec_value x = ec_vnull();
    /* The reader is YAML's, which takes U+0085, U+2028 and U+2029 for line
    ** breaks and folds them; in JSON they can only stand in strings, where
    ** their escapes mean the same. */
    ec_buf t;
    ec_buf_init(&t);
    for (size_t i = 0; v.data && i < v.len; i++) {
        const unsigned char *u = (const unsigned char *)v.data + i;
        if (i + 1 < v.len && u[0] == 0xc2 && u[1] == 0x85) {
            ec_buf_puts(&t, "\\u0085");
            i++;
        } else if (i + 2 < v.len && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9)) {
            ec_buf_puts(&t, u[2] == 0xa8 ? "\\u2028" : "\\u2029");
            i += 2;
        } else {
            ec_buf_putc(&t, (char)u[0]);
        }
    }
    if (v.data && !ec_doc_parse(a, "span.json", t.data, t.len, &lim, &d, &x))
        ec_buf_puts(out, "(does not parse)");
    ec_buf_free(&t);
    ec_json_write(&x, out);
    ec_diag_free(&d);
}

static bool same_json(ec_arena *a, F(span) got, const ec_value *want)
{
    ec_buf g, w;
    ec_buf_init(&g);
    ec_buf_init(&w);
    json_text(a, got, &g);
    ec_value null = ec_vnull();
    ec_json_write(want ? want : &null, &w);
    bool ok = g.len == w.len && memcmp(g.data, w.data, g.len) == 0;
    ec_buf_free(&g);
    ec_buf_free(&w);
    return ok;
}

/* Compares a classification's 'also' with the vector's: each domain, code,
** name (of a listed code) and match, in order. */
static void check_also(const ec_value *vectors, const ec_value *q, const F(classification) * r,
                       const ec_value *want)
{
    const ec_value *xd = ec_map_get(vectors, "domains");
    if (r->nalso != want->len) {
        fail("classify also", q, "another number of codes");
        return;
    }
    for (size_t i = 0; i < r->nalso; i++) {
        const F(also) *a = &r->also[i];
        const ec_value *w = &want->u.items[i];
        char code[256];
        F(also_code)(a, code, sizeof code);
        if (!same(xd->u.items[F(entry_domain)(a->entry)].u.s, str(w, "domain")) ||
            !same(code, str(w, "code_str")) ||
            !same(a->match == K(MATCH_CODE) ? F(entry_name)(a->entry) : NULL, str(w, "name")) ||
            !same(match_names[a->match], str(w, "match")))
            fail("classify also", q, code);
    }
}

/* A classify case through <id>_classify: the body as JSON text (a null body
** both as none and as the text "null"), the headers as name/value pairs
** (integers spelt in decimal), against the vectors' reference time. */
/* The headers of a case as name/value pairs, at most 16 (integers spelt in
** decimal in 'ints'): how many. */
static size_t case_headers(const ec_value *q, F(header) h[16], char ints[16][24])
{
    const ec_value *headers = ec_map_get(q, "headers");
    size_t nh = 0;
    for (uint32_t i = 0; i < headers->len && nh < 16; i++) {
        const ec_value *v = &headers->u.members[i].val;
        if (v->kind != EC_VINT && v->kind != EC_VSTR)
            continue;
        snprintf(ints[nh], sizeof ints[nh], "%lld", (long long)(v->kind == EC_VINT ? v->u.i : 0));
        h[nh].name = headers->u.members[i].key;
        h[nh].value = v->kind == EC_VSTR ? v->u.s : ints[nh];
        nh++;
    }
    return nh;
}

static void check_classify(ec_arena *a, const ec_value *vectors, const ec_value *q)
{
    const ec_value *x = ec_map_get(q, "expect"), *want = ec_map_get(x, "decision");
    const ec_value *body = ec_map_get(q, "body");
    F(header) h[16];
    char ints[16][24];
    size_t nh = case_headers(q, h, ints);
    ec_buf text;
    ec_buf_init(&text);
    ec_json_write(body, &text);
    for (int pass = 0; pass < (body->kind == EC_VNULL ? 2 : 1); pass++) {
        F(classification) r;
        F(classify)((int)num(q, "status"), h, nh, pass ? NULL : text.data, pass ? 0 : text.len,
                    (int)num(q, "attempt"), num(vectors, "now"), &r);
        /* The full length first (snprintf's contract), then the text: a
        ** message may be longer than any fixed buffer (the hostile one is). */
        char probe[1];
        size_t mlen = F(classify_message)(&r, probe, sizeof probe);
        size_t clen = F(classify_code)(&r, probe, sizeof probe);
        char *msg = ec_arena_alloc(a, mlen + 1), *code = ec_arena_alloc(a, clen + 1);
        F(classify_message)(&r, msg, mlen + 1);
        F(classify_code)(&r, code, clen + 1);
        const ec_value *xd = ec_map_get(vectors, "domains");
        const char *dom = r.entry && F(entry_domain)(r.entry) != K(DOMAIN_NONE)
                              ? xd->u.items[F(entry_domain)(r.entry)].u.s
                              : NULL;
        checks++;
        if (!same(match_names[r.match], str(x, "match")))
            fail("classify", q, "match differs");
        else if (!same(dom, str(x, "domain")))
            fail("classify", q, "domain differs");
        else if (!same(r.code.data ? code : NULL, str(x, "code_str")))
            fail("classify", q, code);
        else if (r.match == K(MATCH_CODE) && !same(F(entry_name)(r.entry), str(x, "name")))
            fail("classify", q, "name differs");
        else if ((r.entry ? F(entry_status)(r.entry) : 0) != num(x, "status"))
            fail("classify", q, "status differs");
        else if (!same(msg, str(x, "message")))
            fail("classify", q, msg);
        else if (!same_json(a, r.details, ec_map_get(x, "details")))
            fail("classify", q, "details differ");
        else if (r.decision.retry != ec_map_get(want, "retry")->u.b ||
                 r.decision.delay_ms != num(want, "delay_ms") ||
                 !same(action_names[r.decision.action], str(want, "action")))
            fail("classify", q, "decision differs");
        const ec_value *echo = ec_map_get(x, "echo");
        const char *path;
        F(span) value;
        uint32_t present = 0;
        for (size_t i = 0; F(classify_echo)(&r, i, &path, &value); i++) {
            if (!value.data)
                continue;
            present++;
            if (!same_json(a, value, ec_map_get(echo, path)))
                fail("classify echo", q, path);
        }
        for (size_t i = 0; i < r.necho_headers; i++) {
            const ec_value *v = ec_map_get(echo, r.echo_headers[i].name);
            present++;
            if (!v || v->kind != EC_VSTR || strcmp(v->u.s, r.echo_headers[i].value) != 0)
                fail("classify echo header", q, r.echo_headers[i].name);
        }
        if (present != echo->len)
            fail("classify echo", q, "another number of fields");
        const ec_value *also = ec_map_get(x, "also");
        if (also)
            check_also(vectors, q, &r, also);
#ifdef CLASSES
        const ec_value *cls = ec_map_get(x, "class");
        if (cls && !same(r.entry ? F(class_of)(r.entry) : NULL, cls->kind == EC_VSTR ? cls->u.s : NULL))
            fail("classify class", q, "differs");
#endif
    }
    ec_buf_free(&text);
}

#ifdef LOCALES
/* A localized classify case (l10n.classify): <id>_classify_message_in in
** the locale that <id>_negotiate chooses for the one asked (a tag or an
** Accept-Language value), the message (its length first, then the text,
** then cut as snprintf cuts it) and the locale it is in (null: -1). */
static void check_classify_in(ec_arena *a, const ec_value *vectors, const ec_value *q)
{
    const ec_value *x = ec_map_get(q, "expect"), *body = ec_map_get(q, "body");
    F(header) h[16];
    char ints[16][24];
    size_t nh = case_headers(q, h, ints);
    ec_buf text;
    ec_buf_init(&text);
    ec_json_write(body, &text);
    bool none = body->kind == EC_VNULL;
    F(classification) r;
    F(classify)((int)num(q, "status"), h, nh, none ? NULL : text.data, none ? 0 : text.len,
                (int)num(q, "attempt"), num(vectors, "now"), &r);
    const char *ask = str(q, "locale");
    int locale = F(negotiate)(ask, strlen(ask)), in = -2, in_cut = -2;
    size_t need = F(classify_message_in)(&r, locale, NULL, 0, &in);
    char *msg = ec_arena_alloc(a, need + 1), small[8];
    size_t n = F(classify_message_in)(&r, locale, msg, need + 1, NULL);
    size_t m = F(classify_message_in)(&r, locale, small, sizeof small, &in_cut);
    checks++;
    if (n != need || !same(msg, str(x, "message")))
        fail("l10n classify", q, msg);
    else if (m != n || strncmp(small, msg, sizeof small - 1) != 0 || strlen(small) >= sizeof small)
        fail("l10n classify", q, "truncated output differs from snprintf semantics");
    else if (in != in_cut || in < -1 || in >= K(NLOCALES) || !same(in >= 0 ? F(locales)[in] : NULL, str(x, "locale")))
        fail("l10n classify", q, "the locale it is in differs");
    ec_buf_free(&text); /* r's spans point into it */
}
#endif

/* What a produce case asks of <id>_produce, or of <id>_produce_echo when it
** gives echo fields, or of <id>_produce_in when it asks for a locale. */
typedef struct produce_args {
    const F(entry) * e;
    const char *const *args;
    size_t nargs;
    int form;
    const char *instance, *details;
    F(header) echo[16];
    size_t necho;
    int64_t now;
    const char *locale; /* as asked, an Accept-Language value; NULL for none */
} produce_args;

static size_t produce_into(const produce_args *p, char *buf, size_t size)
{
#ifdef LOCALES
    if (p->locale)
        return F(produce_in)(p->e, p->args, p->nargs, (F(form))p->form, p->instance, p->details, p->echo, p->necho,
                             F(negotiate)(p->locale, strlen(p->locale)), p->now, buf, size);
#else
    if (p->locale)
        return 0; /* no locales to give: the case fails */
#endif
    if (!p->necho)
        return F(produce)(p->e, p->args, p->nargs, (F(form))p->form, p->instance, p->details, p->now, buf, size);
    return F(produce_echo)(p->e, p->args, p->nargs, (F(form))p->form, p->instance, p->details, p->echo, p->necho,
                           p->now, buf, size);
}

/* A produce case through <id>_produce: the whole response (its length
** first, then the text, then cut as snprintf cuts it), its status line,
** headers and body against the reference's, and what <id>_classify makes
** of it. */
static void check_produce(ec_arena *a, const ec_value *vectors, const ec_value *q)
{
    const F(entry) *e = subject(vectors, q);
    const ec_value *params = ec_map_get(q, "params"), *x = ec_map_get(q, "expect");
    const char *args[16];
    size_t nargs = 0;
    for (size_t i = 0; e && i < F(entry_param_count)(e) && i < 16; i++) {
        const ec_value *v = ec_map_get(params, F(entry_param)(e, i));
        if (!v)
            break;
        /* A number as the vectors spell it (a decimal's digits kept). */
        args[nargs++] = v->kind == EC_VSTR    ? v->u.s
                        : v->kind == EC_VBOOL ? (v->u.b ? "true" : "false")
                        : v->raw              ? v->raw
                                              : ec_arena_printf(a, "%lld", (long long)v->u.i);
    }
    static const char *const forms[] = {"envelope", "problem", "rpc"};
    int form = 0;
    while (form < 2 && !same(forms[form], str(q, "form")))
        form++;
    const ec_value *det = ec_map_get(q, "details");
    ec_buf details;
    ec_buf_init(&details);
    if (det && det->kind != EC_VNULL)
        ec_json_write(det, &details);
    const char *d = details.len ? ec_arena_strndup(a, details.data, details.len) : NULL;
    /* Echo fields: an echoed header's value is its text (the expected
    ** headers name it), a body field's its JSON text. */
    produce_args pa = {e, args, nargs, form, str(q, "instance"), d, {{NULL, NULL}}, 0, num(vectors, "now"), str(q, "locale")};
    const ec_value *echo = ec_map_get(q, "echo"), *hs = x->kind == EC_VMAP ? ec_map_get(x, "headers") : NULL;
    for (uint32_t i = 0; echo && echo->kind == EC_VMAP && i < echo->len && pa.necho < 16; i++) {
        const char *name = echo->u.members[i].key;
        const ec_value *v = &echo->u.members[i].val;
        bool header = false;
        for (uint32_t k = 0; hs && k < hs->len; k++)
            header = header || same(hs->u.items[k].u.items[0].u.s, name);
        ec_buf text;
        ec_buf_init(&text);
        ec_json_write(v, &text);
        pa.echo[pa.necho].name = name;
        pa.echo[pa.necho++].value = header && v->kind == EC_VSTR ? v->u.s : ec_arena_strndup(a, text.data, text.len);
        ec_buf_free(&text);
    }
    checks++;
    size_t need = produce_into(&pa, NULL, 0);
    char *out = ec_arena_alloc(a, need + 1), small[16];
    size_t n = produce_into(&pa, out, need + 1);
    size_t m = produce_into(&pa, small, sizeof small);
    ec_buf_free(&details);
    if (x->kind == EC_VNULL) {
        if (n || m || small[0])
            fail("produce", q, "produced where an error was expected");
        return;
    }
    if (!need || n != need || m != need || strlen(out) != n || strncmp(small, out, sizeof small - 1) != 0 ||
        strlen(small) != sizeof small - 1) {
        fail("produce", q, "length or truncation differs from snprintf semantics");
        return;
    }
    /* Cut at every size, each in a buffer of its own size (ASan sees a
    ** write past it): the whole length, and the text's first size-1 bytes. */
    for (size_t size = 0; size <= need; size++) {
        char *cut = malloc(size ? size : 1);
        bool cut_ok = cut && produce_into(&pa, size ? cut : NULL, size) == need;
        cut_ok = cut_ok && (!size || (memcmp(cut, out, size - 1) == 0 && cut[size - 1] == '\0'));
        free(cut);
        if (!cut_ok) {
            fail("produce", q, "a cut differs from snprintf semantics");
            return;
        }
    }
    /* The status line, the headers, a blank line and the body. */
    char *end = strstr(out, "\r\n\r\n");
    const char *body = end ? end + 4 : NULL;
    long status = strncmp(out, "HTTP/1.1 ", 9) == 0 ? strtol(out + 9, NULL, 10) : 0;
    if (!end || status != num(x, "status")) {
        fail("produce", q, "status line differs");
        return;
    }
    *end = '\0';
    ec_builder h, l;
    ec_builder_init(&h);
    ec_builder_init(&l);
    bool length_ok = false;
    for (char *line = strstr(out, "\r\n"); line; line = strstr(line, "\r\n")) {
        line += 2;
        char *colon = strstr(line, ": "), *eol = strstr(line, "\r\n");
        if (!colon)
            break;
        const char *name = ec_arena_strndup(a, line, (size_t)(colon - line));
        const char *value = ec_arena_strndup(a, colon + 2, eol ? (size_t)(eol - colon - 2) : strlen(colon + 2));
        if (strcmp(name, "Content-Length") == 0) {
            length_ok = strtoul(value, NULL, 10) == strlen(body);
            continue;
        }
        ec_builder p;
        ec_builder_init(&p);
        ec_builder_push(&p, ec_vstr(name));
        ec_builder_push(&p, ec_vstr(value));
        ec_builder_push(&l, ec_builder_list(&p, a));
        ec_builder_add(&h, name, ec_vstr(value));
    }
    ec_value pairs = ec_builder_list(&l, a);
    ec_buf got, want;
    ec_buf_init(&got);
    ec_buf_init(&want);
    ec_json_write(&pairs, &got);
    ec_json_write(ec_map_get(x, "headers"), &want);
    F(span) span = {body, strlen(body)};
    if (!length_ok || got.len != want.len || memcmp(got.data, want.data, got.len) != 0)
        fail("produce", q, "headers differ");
    else if (!same_json(a, span, ec_map_get(x, "body")))
        fail("produce", q, body);
    ec_buf_free(&got);
    ec_buf_free(&want);
    /* What classify makes of it, as a classify case: of the body the
    ** vectors hold, which it equals (a YAML reader of the produced text
    ** would fold the line separators a hostile catalog's strings hold). */
    ec_value parsed = *ec_map_get(x, "body");
    ec_builder c;
    ec_builder_init(&c);
    ec_builder_add(&c, "status", ec_vint(status));
    ec_builder_add(&c, "headers", ec_builder_map(&h, a));
    ec_builder_add(&c, "body", parsed);
    ec_builder_add(&c, "attempt", ec_vint(1));
    ec_builder_add(&c, "expect", *ec_map_get(x, "classify"));
    ec_value cq = ec_builder_map(&c, a);
    cq.at = q->at;
    check_classify(a, vectors, &cq);
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
    /* Codes a newer server may send: the C lookups answer NULL, never fail;
    ** recognise finds exactly the known ones, and lookup_class the class an
    ** unknown code reads as. An unknown domain value finds nothing. */
    l = ec_map_get(&v, "decode");
    checks++;
    if (!l)
        fail("decode", &v, "the vectors have no decode cases");
    for (uint32_t i = 0; l && i < l->len; i++) {
        const ec_value *q = &l->u.items[i], *code = ec_map_get(q, "code");
        const ec_value *x = ec_map_get(q, "expect"), *want = ec_map_get(x, "entry");
        F(domain) dom = domain_of(&v, str(q, "domain"));
        char buf[32];
        if (code->kind == EC_VINT)
            snprintf(buf, sizeof buf, "%lld", (long long)code->u.i);
        const char *spelt = code->kind == EC_VINT ? buf : code->u.s;
        const F(entry) *e = F(recognise)(dom, spelt);
        checks++;
        if ((e != NULL) != ec_map_get(x, "known")->u.b)
            fail("decode", q, "recognise disagrees on whether the code is known");
        /* The expected entry as a query that check_entry reads. */
        ec_builder b;
        ec_builder_init(&b);
        ec_builder_add(&b, "expect", *want);
        ec_value shown = ec_builder_map(&b, &a);
        if (e)
            check_entry("decode", &shown, e);
#ifdef CLASSES
        else if (want->kind == EC_VMAP && str(want, "class"))
            check_entry("decode", &shown, class_entry(dom, code));
#endif
        checks++;
        if (F(recognise)((F(domain))-1, spelt) || F(lookup_str)((F(domain))1000, spelt) ||
            F(fallback)((F(domain))1000) || F(lookup_name)((F(domain))1000, spelt))
            fail("decode", q, "an unknown domain found an entry");
    }
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
        check_classify(&a, &v, &l->u.items[i]);
#ifdef LOCALES
    const ec_value *l10n = ec_map_get(&v, "l10n");
    l = l10n ? ec_map_get(l10n, "classify") : NULL;
    checks++;
    if (!l || !l->len)
        fail("l10n classify", &v, "the vectors have no localized classify cases");
    for (uint32_t i = 0; l && i < l->len; i++)
        check_classify_in(&a, &v, &l->u.items[i]);
#endif
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
    l = ec_map_get(&v, "produce");
    for (uint32_t i = 0; l && i < l->len; i++)
        check_produce(&a, &v, &l->u.items[i]);
    printf("conformance %s: %d passed, %d failed\n", argv[1], checks - failures, failures);
    free(text);
    ec_arena_free(&a);
    ec_diag_free(&d);
    return failures ? 1 : 0;
}
