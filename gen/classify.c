/* classify.c: reference classification of error responses. */
#include "classify.h"

#include "alloc.h"
#include "codeindex.h"
#include "l10n.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The value at 'p' from 'v': a member name, then any '[N]' or '[*]', then
** '.' and the next segment (validate.c's check_path says the grammar). */
static const ec_value *path_from(const ec_value *v, const char *p)
{
    if (*p == '.')
        p++;
    if (!*p)
        return v;
    if (*p == '[') {
        if (v->kind != EC_VLIST)
            return NULL;
        const char *rest = strchr(p, ']') + 1;
        if (p[1] == '*') { /* the first element that holds the rest */
            for (uint32_t i = 0; i < v->len; i++) {
                const ec_value *r = path_from(&v->u.items[i], rest);
                if (r)
                    return r;
            }
            return NULL;
        }
        uint64_t n = 0;
        for (p++; *p != ']'; p++)
            n = n * 10 + (uint64_t)(*p - '0'); /* at most 9 digits: validated */
        return n < v->len ? path_from(&v->u.items[n], rest) : NULL;
    }
    char key[256];
    size_t n = strcspn(p, ".[");
    if (n >= sizeof key)
        return NULL;
    memcpy(key, p, n);
    key[n] = '\0';
    v = ec_map_get(v, key);
    return v ? path_from(v, p + n) : NULL;
}

const ec_value *ec_classify_path(const ec_value *body, const char *path)
{
    return path && body && *path ? path_from(body, path) : NULL;
}


/* A code in a body: a JSON integer, or a string of a decimal integer. */
static bool as_int(const ec_value *v, int64_t *out)
{
    if (v->kind == EC_VINT) {
        *out = v->u.i;
        return true;
    }
    if (v->kind != EC_VSTR || !v->len)
        return false;
    const char *s = v->u.s;
    bool neg = *s == '-';
    if (neg && !s[1])
        return false;
    int64_t n = 0;
    for (s += neg; *s; s++) {
        if (*s < '0' || *s > '9' || n > (INT64_MAX - 9) / 10)
            return false;
        n = n * 10 + (*s - '0');
    }
    *out = neg ? -n : n;
    return true;
}

/* The value of header 'name' as text (an integer spelt in decimal), or NULL
** when 'headers' lack it or hold something else. */
static const char *header_text(ec_arena *a, const ec_value *headers, const char *name)
{
    if (!name || !headers || headers->kind != EC_VMAP)
        return NULL;
    for (uint32_t i = 0; i < headers->len; i++) {
        if (ec_header_cmp(headers->u.members[i].key, name) != 0)
            continue;
        const ec_value *v = &headers->u.members[i].val;
        if (v->kind == EC_VINT)
            return ec_arena_printf(a, "%lld", (long long)v->u.i);
        return v->kind == EC_VSTR ? v->u.s : NULL;
    }
    return NULL;
}

struct ec_classifier {
    const ec_catalog *c;
    ec_codeindex *codes; /* one per domain */
};

ec_classifier *ec_classifier_new(const ec_catalog *c)
{
    ec_classifier *k = ec_xmalloc(sizeof *k);
    k->c = c;
    k->codes = ec_xmalloc((c->ndomains + 1) * sizeof *k->codes);
    for (size_t i = 0; i < c->ndomains; i++) {
        ec_codeindex_init(&k->codes[i], &c->domains[i], false);
        for (size_t j = 0; j < c->domains[i].ncodes; j++)
            ec_codeindex_add(&k->codes[i], j);
    }
    return k;
}

void ec_classifier_free(ec_classifier *k)
{
    if (!k)
        return;
    for (size_t i = 0; i < k->c->ndomains; i++)
        ec_codeindex_free(&k->codes[i]);
    free(k->codes);
    free(k);
}

/* What one domain makes of a body: its listed code (EC_MATCH_CODE), else
** its class's entry or its fallback (EC_MATCH_FALLBACK), else nothing. */
static ec_also resolve(const ec_classifier *k, ec_arena *a, size_t i, const ec_value *body)
{
    const ec_catalog *c = k->c;
    const ec_domain *d = &c->domains[i];
    ec_also r = {EC_MATCH_NONE, d, NULL, NULL};
    const ec_value *v = ec_classify_path(body, EC_ENVELOPE_PATH(c, d, code));
    int64_t n = 0;
    if (!v || (d->string_codes ? v->kind != EC_VSTR : !as_int(v, &n)))
        return r;
    r.code_str = d->string_codes ? v->u.s : ec_arena_printf(a, "%lld", (long long)n);
    int32_t j = d->string_codes ? ec_codeindex_find_str(&k->codes[i], v->u.s)
                                : ec_codeindex_find_int(&k->codes[i], n);
    if (j >= 0) {
        r.match = EC_MATCH_CODE;
        r.code = &d->codes[j];
        return r;
    }
    bool in_range = d->string_codes || !d->has_range || (n >= d->range_lo && n <= d->range_hi);
    const ec_class *cl = ec_domain_class(d, d->string_codes ? v->u.s : NULL, n);
    if (cl || (d->fallback && in_range)) {
        r.match = EC_MATCH_FALLBACK;
        r.code = cl ? &cl->entry : d->fallback;
    }
    return r;
}

/* The text of a body value that fills a placeholder: a string, an integer
** in decimal, true or false; NULL for anything else. */
static const char *param_text(ec_arena *a, const ec_value *v)
{
    if (!v)
        return NULL;
    if (v->kind == EC_VSTR)
        return v->u.s;
    if (v->kind == EC_VINT)
        return ec_arena_printf(a, "%lld", (long long)v->u.i);
    if (v->kind == EC_VBOOL)
        return v->u.b ? "true" : "false";
    return NULL;
}

size_t ec_classify_args(ec_arena *a, const ec_classified *r, const ec_value *body,
                        const char ***names_out, const char ***args_out)
{
    const ec_code *e = r->code;
    const char **names = ec_arena_alloc(a, (e->more->nparams + 1) * sizeof *names);
    const char **args = ec_arena_alloc(a, (e->more->nparams + 1) * sizeof *args);
    size_t n = 0;
    if (r->match == EC_MATCH_FALLBACK)
        names[n] = "code", args[n++] = r->code_str;
    for (size_t i = 0; i < e->more->nparams; i++) {
        const char *t = e->more->params[i].from
                            ? param_text(a, ec_classify_path(body, e->more->params[i].from))
                            : NULL;
        if (t)
            names[n] = e->more->params[i].name, args[n++] = t;
    }
    *names_out = names;
    *args_out = args;
    return n;
}

/* The entry's message with ${code} (a fallback's or a class's) and every
** parameter read 'from' the body filled; the others stay as written. A
** count read from the body chooses among plural forms, as any argument. */
static const char *entry_message(const ec_catalog *c, ec_arena *a, const ec_classified *r,
                                 const ec_value *body)
{
    const ec_code *e = r->code;
    const char **names, **args;
    size_t n = ec_classify_args(a, r, body, &names, &args);
    ec_buf out;
    ec_buf_init(&out);
    ec_format_message(ec_l10n_plural(e, c->source_locale, e->more->forms ? e->more->forms->form : NULL,
                                     e->message, names, args, n),
                      names, args, n, &out);
    const char *m = ec_arena_strndup(a, out.data, out.len);
    ec_buf_free(&out);
    return m;
}

const ec_policy *ec_policy_for(const ec_policy *p, ec_arena *a, const ec_value *headers)
{
    for (size_t i = 0; i < p->nwhen; i++)
        if (ec_condition_holds(&p->when[i], header_text(a, headers, p->when[i].header)))
            return p->when[i].then.resolved;
    return p;
}

ec_classified ec_classify(const ec_classifier *k, ec_arena *a, int64_t status,
                          const ec_value *headers, const ec_value *body, int64_t attempt,
                          int64_t now_s)
{
    const ec_catalog *c = k->c;
    ec_classified r;
    memset(&r, 0, sizeof r);
    r.details = ec_vnull();
    /* Every domain's reading; the primary is the first listed code of a
    ** domain that is not secondary, else the first class entry or fallback
    ** of one; every other domain's reading follows it as "also". */
    ec_also *each = ec_arena_alloc(a, (c->ndomains + 1) * sizeof *each);
    size_t primary = SIZE_MAX;
    for (size_t i = 0; i < c->ndomains; i++) {
        each[i] = resolve(k, a, i, body);
        bool can = each[i].match && !c->domains[i].secondary;
        if (can && (primary == SIZE_MAX || (each[i].match == EC_MATCH_CODE &&
                                            each[primary].match != EC_MATCH_CODE)))
            primary = i;
    }
    ec_also *also = ec_arena_alloc(a, (c->ndomains + 1) * sizeof *also);
    for (size_t i = 0; i < c->ndomains; i++)
        if (each[i].match && i != primary)
            also[r.nalso++] = each[i];
    r.also = also;
    if (primary != SIZE_MAX) {
        r.match = each[primary].match;
        r.domain = each[primary].domain;
        r.code = each[primary].code;
        r.code_str = each[primary].code_str;
    } else {
        r.status = ec_catalog_status(c, status);
        r.match = r.status ? EC_MATCH_STATUS : EC_MATCH_NONE;
    }
    const ec_value *m = ec_classify_path(body, EC_ENVELOPE_PATH(c, r.domain, message));
    if (m && m->kind == EC_VSTR)
        r.message = m->u.s;
    else if (r.code)
        r.message = entry_message(c, a, &r, body);
    else
        r.message = r.status ? r.status->title : "";
    const ec_value *det = ec_classify_path(body, EC_ENVELOPE_PATH(c, r.domain, details));
    if (det)
        r.details = *det;
    ec_builder echo;
    ec_builder_init(&echo);
    const ec_envelope *env = ec_echo_envelope(c, r.domain, false);
    for (size_t i = 0; i < env->necho; i++) {
        const ec_value *v = ec_classify_path(body, env->echo[i]);
        if (v)
            ec_builder_add(&echo, env->echo[i], *v);
    }
    /* Echoed headers follow the body's fields, as text, under the name
    ** the envelope gives them. */
    env = ec_echo_envelope(c, r.domain, true);
    for (size_t i = 0; i < env->necho_headers; i++) {
        const char *v = header_text(a, headers, env->echo_headers[i]);
        if (v)
            ec_builder_add(&echo, env->echo_headers[i], ec_vstr(v));
    }
    r.echo = ec_builder_map(&echo, a);
    r.policy = ec_policy_for(r.code     ? r.code->policy
                             : r.status ? r.status->retry.resolved
                                        : &ec_default_policy,
                             a, headers);
    const ec_policy *p = r.policy;
    const char *delay = header_text(a, headers, p->delay_header);
    r.decision = ec_decide(p, attempt,
                           delay ? ec_delay_seconds(p->delay_type, delay,
                                                    header_text(a, headers, "Date"), now_s)
                                 : -1);
    return r;
}

ec_decoded ec_decode(const ec_classifier *k, size_t domain, const ec_value *code)
{
    const ec_domain *d = &k->c->domains[domain];
    ec_decoded r = {false, NULL, NULL};
    int64_t n = 0;
    if (d->string_codes ? code->kind != EC_VSTR : !as_int(code, &n))
        return r;
    int32_t j = d->string_codes ? ec_codeindex_find_str(&k->codes[domain], code->u.s)
                                : ec_codeindex_find_int(&k->codes[domain], n);
    if (j >= 0) {
        r.known = true;
        r.entry = &d->codes[j];
        return r;
    }
    r.cls = ec_domain_class(d, d->string_codes ? code->u.s : NULL, n);
    bool in_range = d->string_codes || !d->has_range || (n >= d->range_lo && n <= d->range_hi);
    r.entry = r.cls ? &r.cls->entry : in_range ? d->fallback : NULL;
    return r;
}
