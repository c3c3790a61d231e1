/* classify.c: reference classification of error responses. */
#include "classify.h"

#include "alloc.h"
#include "codeindex.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const ec_value *ec_classify_path(const ec_value *body, const char *path)
{
    const ec_value *v = path ? body : NULL;
    char key[256];
    while (v && path && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof key)
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        v = ec_map_get(v, key);
        path = dot ? dot + 1 : NULL;
    }
    return v;
}

static const char *env_field(const ec_catalog *c, const ec_domain *d, size_t off)
{
    const char *own = d ? *(const char *const *)((const char *)&d->envelope + off) : NULL;
    return own ? own : *(const char *const *)((const char *)&c->envelope + off);
}

#define ENV(c, d, field) env_field(c, d, offsetof(ec_envelope, field))

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

ec_classified ec_classify(const ec_classifier *k, ec_arena *a, int64_t status,
                          const ec_value *headers, const ec_value *body, int64_t attempt,
                          int64_t now_s)
{
    const ec_catalog *c = k->c;
    ec_classified r;
    memset(&r, 0, sizeof r);
    r.details = ec_vnull();
    const ec_domain *fb_dom = NULL;
    const ec_code *fb_entry = NULL; /* the fallback, or the generic entry of a class */
    const ec_value *fb_code = NULL;
    for (size_t i = 0; i < c->ndomains && !r.match; i++) {
        const ec_domain *d = &c->domains[i];
        const ec_value *v = ec_classify_path(body, ENV(c, d, code));
        int64_t n = 0;
        if (!v || (d->string_codes ? v->kind != EC_VSTR : !as_int(v, &n)))
            continue;
        int32_t j = d->string_codes ? ec_codeindex_find_str(&k->codes[i], v->u.s)
                                    : ec_codeindex_find_int(&k->codes[i], n);
        if (j >= 0) {
            r.match = EC_MATCH_CODE;
            r.domain = d;
            r.code = &d->codes[j];
        }
        bool in_range = d->string_codes || !d->has_range || (n >= d->range_lo && n <= d->range_hi);
        const ec_class *cl = r.match || fb_dom ? NULL
                             : ec_domain_class(d, d->string_codes ? v->u.s : NULL, n);
        if (!r.match && !fb_dom && (cl || (d->fallback && in_range))) {
            fb_dom = d;
            fb_entry = cl ? &cl->entry : d->fallback;
            fb_code = v;
        }
        if (r.match)
            r.code_str = d->string_codes ? v->u.s : ec_arena_printf(a, "%lld", (long long)n);
    }
    if (!r.match && fb_dom) {
        int64_t n;
        r.match = EC_MATCH_FALLBACK;
        r.domain = fb_dom;
        r.code = fb_entry;
        r.code_str = fb_dom->string_codes || !as_int(fb_code, &n)
                         ? fb_code->u.s
                         : ec_arena_printf(a, "%lld", (long long)n);
    }
    if (!r.match) {
        for (size_t i = 0; i < c->nstatuses; i++)
            if (c->statuses[i].status == status) {
                r.match = EC_MATCH_STATUS;
                r.status = &c->statuses[i];
            }
    }
    const ec_value *m = ec_classify_path(body, ENV(c, r.domain, message));
    if (m && m->kind == EC_VSTR) {
        r.message = m->u.s;
    } else if (r.code) {
        ec_buf out;
        ec_buf_init(&out);
        const char *names[] = {"code"}, *args[] = {r.code_str};
        ec_format_message(r.code->message, names, args, r.match == EC_MATCH_FALLBACK, &out);
        r.message = ec_arena_strndup(a, out.data, out.len);
        ec_buf_free(&out);
    } else {
        r.message = r.status ? r.status->title : "";
    }
    const ec_value *det = ec_classify_path(body, ENV(c, r.domain, details));
    if (det)
        r.details = *det;
    ec_builder echo;
    ec_builder_init(&echo);
    const ec_envelope *env = r.domain && r.domain->envelope.necho ? &r.domain->envelope
                                                                   : &c->envelope;
    for (size_t i = 0; i < env->necho; i++) {
        const ec_value *v = ec_classify_path(body, env->echo[i]);
        if (v)
            ec_builder_add(&echo, env->echo[i], *v);
    }
    r.echo = ec_builder_map(&echo, a);
    const ec_policy *p = r.code     ? r.code->retry.resolved
                         : r.status ? r.status->retry.resolved
                                    : &ec_default_policy;
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
