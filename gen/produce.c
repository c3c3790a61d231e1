/* produce.c: reference error responses from catalog entries. */
#include "produce.h"

#include "decide.h"
#include "grpc.h"
#include "ident.h"
#include "l10n.h"
#include "msg.h"

#include <string.h>

const char *const ec_form_names[] = {"envelope", "problem", "rpc", NULL};

int ec_grpc_of(const ec_catalog *c, const ec_code *e, const ec_status *st)
{
    if (e && e->grpc)
        return e->grpc - 1;
    int64_t status = st ? st->status : e && e->status ? e->status
                                                      : 500;
    if (!st)
        st = ec_catalog_status(c, status);
    return st && st->grpc ? st->grpc - 1 : ec_grpc_from_http(status);
}

const char *ec_problem_type(ec_arena *a, const ec_catalog *c, const ec_domain *dom,
                            const ec_code *e)
{
    const char *anchor = ec_anchor(a, EC_ANCHOR_CODE, ec_ident_spell(a, dom->id, EC_CASE_KEBAB),
                                   ec_ident_spell(a, e->name, EC_CASE_KEBAB));
    if (c->docs_url)
        return ec_arena_printf(a, "%s#%s", c->docs_url, anchor);
    return ec_arena_printf(a, "tag:errcat.invalid,2026:%s#%s",
                           ec_ident_spell(a, c->id, EC_CASE_KEBAB), anchor);
}

const char *ec_problem_title(ec_arena *a, const char *message)
{
    ec_buf out;
    ec_buf_init(&out);
    const char *cur = message;
    ec_msg_part part;
    while (ec_msg_next(message, &cur, &part) == EC_MSG_PART) {
        if (part.is_param)
            ec_buf_putc(&out, '{');
        ec_buf_put(&out, part.text, part.len);
        if (part.is_param)
            ec_buf_putc(&out, '}');
    }
    const char *s = ec_arena_strndup(a, out.data, out.len);
    ec_buf_free(&out);
    return s;
}

bool ec_sends_delay(const ec_status *st, const ec_policy *p)
{
    for (size_t i = 0; st && p->delay_header && i < st->nheaders; i++)
        if (ec_header_cmp(st->headers[i].s, p->delay_header) == 0)
            return true;
    return false;
}

void ec_imf_fixdate(int64_t when, ec_buf *out)
{
    static const char days[] = "ThuFriSatSunMonTueWed"; /* 1970-01-01 was a Thursday */
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    int64_t d = when >= 0 ? when / 86400 : -((-when + 86399) / 86400);
    int64_t s = when - d * 86400;
    /* civil_from_days (H. Hinnant), as the bindings write it */
    int64_t z = d + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153, mday = doy - (153 * mp + 2) / 5 + 1;
    int64_t mon = mp < 10 ? mp + 3 : mp - 9, year = yoe + era * 400 + (mon <= 2);
    int wd = (int)(((d % 7) + 7) % 7);
    ec_buf_printf(out, "%.3s, %02d %.3s %04lld %02d:%02d:%02d GMT", days + 3 * wd, (int)mday,
                  months + 3 * (mon - 1), (long long)year, (int)(s / 3600), (int)(s / 60 % 60),
                  (int)(s % 60));
}

/* A decimal: JSON's number syntax. */
static bool is_decimal(const char *s)
{
    s += *s == '-';
    if (*s == '0')
        s++;
    else if (*s >= '1' && *s <= '9')
        while (*s >= '0' && *s <= '9')
            s++;
    else
        return false;
    if (*s == '.') {
        if (!(*++s >= '0' && *s <= '9'))
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s += s[1] == '+' || s[1] == '-';
        if (!(*++s >= '0' && *s <= '9'))
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return !*s;
}

/* The text of a placeholder's value as the message writes it, or NULL when
** 'v' is not a value of type 't'. */
static const char *param_text(ec_arena *a, ec_param_type t, const ec_value *v)
{
    switch (t) {
    case EC_PARAM_STRING: return v->kind == EC_VSTR ? v->u.s : NULL;
    case EC_PARAM_INTEGER:
        return v->kind == EC_VINT ? ec_arena_printf(a, "%lld", (long long)v->u.i) : NULL;
    case EC_PARAM_DECIMAL: return v->kind == EC_VSTR && is_decimal(v->u.s) ? v->u.s : NULL;
    case EC_PARAM_BOOLEAN: return v->kind == EC_VBOOL ? (v->u.b ? "true" : "false") : NULL;
    }
    return NULL;
}

/* A body under construction: the members and elements at the envelope's
** paths. */
typedef enum { N_FREE, N_LEAF, N_OBJECT, N_ARRAY } shape;
typedef struct node {
    const char *key; /* a member's name; NULL for an element */
    ec_value leaf;   /* when N_LEAF */
    struct node *kids;
    size_t nkids, cap;
    shape shape; /* N_FREE: an element not written (yet): null */
} node;

/* Produce writes arrays of at most 64 elements: a path with a larger
** index is left out (a catalog's 'errors[999999999]' would ask for a
** billion nulls). */
#define MAX_ELEMENTS 64

/* The element that the step '[N]' or '[*]' at 'p' names: [*] writes
** element 0, where classify's [*] reads it first. */
static uint64_t element_of(const char *p)
{
    uint64_t n = 0;
    for (p++; *p >= '0' && *p <= '9'; p++)
        n = n * 10 + (uint64_t)(*p - '0'); /* at most 9 digits: validated */
    return n;
}

/* A new last kid of 'n' (the arena keeps the kids it outgrows). */
static node *add_kid(ec_arena *a, node *n)
{
    if (n->nkids == n->cap) {
        n->cap = n->cap ? 2 * n->cap : 4;
        node *kids = ec_arena_alloc(a, n->cap * sizeof *kids);
        if (n->nkids)
            memcpy(kids, n->kids, n->nkids * sizeof *kids);
        n->kids = kids;
    }
    return &n->kids[n->nkids++];
}

/* Puts 'v' at 'path' (the rest of one, after a step) under 'n': a member
** name makes an object, '[N]' an array of at least N + 1 elements (those
** not written null). A path that meets a member already there with
** another shape, or a value (a null element excepted), is left out: the
** first part of the envelope wins. */
static void put_at(ec_arena *a, node *n, const char *path, ec_value v)
{
    path += *path == '.';
    bool element = *path == '[';
    size_t len = element ? strcspn(path, "]") + 1 : strcspn(path, ".[");
    const char *rest = path + len;
    if (n->shape != (element ? N_ARRAY : N_OBJECT))
        return;
    node *k = NULL;
    if (element) {
        uint64_t i = element_of(path);
        while (n->nkids <= i)
            *add_kid(a, n) = (node){.shape = N_FREE};
        k = &n->kids[i];
        if (k->shape == N_LEAF && k->leaf.kind == EC_VNULL)
            k->shape = N_FREE;
    } else {
        for (size_t i = 0; i < n->nkids && !k; i++)
            if (strlen(n->kids[i].key) == len && memcmp(n->kids[i].key, path, len) == 0)
                k = &n->kids[i];
        if (!k) {
            k = add_kid(a, n);
            *k = (node){.key = ec_arena_strndup(a, path, len), .shape = N_FREE};
        }
    }
    if (k->shape == N_FREE && !*rest) {
        k->shape = N_LEAF;
        k->leaf = v;
    } else if (k->shape == N_FREE) {
        k->shape = *rest == '[' ? N_ARRAY : N_OBJECT;
    }
    if (*rest)
        put_at(a, k, rest, v);
}

/* Puts 'v' at the envelope 'path' of the body 'root'. */
static void put(ec_arena *a, node *root, const char *path, ec_value v)
{
    for (const char *p = path ? strchr(path, '[') : NULL; p; p = strchr(p + 1, '['))
        if (element_of(p) >= MAX_ELEMENTS)
            return;
    if (path)
        put_at(a, root, path, v);
}

static ec_value tree(ec_arena *a, const node *n)
{
    ec_builder b;
    ec_builder_init(&b);
    switch (n->shape) {
    case N_FREE: return ec_vnull();
    case N_LEAF: return n->leaf;
    case N_ARRAY:
        for (size_t i = 0; i < n->nkids; i++)
            ec_builder_push(&b, tree(a, &n->kids[i]));
        return ec_builder_list(&b, a);
    case N_OBJECT: break;
    }
    for (size_t i = 0; i < n->nkids; i++)
        ec_builder_add(&b, n->kids[i].key, tree(a, &n->kids[i]));
    return ec_builder_map(&b, a);
}


static ec_value pair(ec_arena *a, const char *name, const char *value)
{
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_push(&b, ec_vstr(name));
    ec_builder_push(&b, ec_vstr(value));
    return ec_builder_list(&b, a);
}

static ec_value typed(const char *type, ec_builder *b, ec_arena *a)
{
    ec_builder t;
    ec_builder_init(&t);
    ec_builder_add(&t, "@type", ec_vstr(type));
    for (size_t i = 0; i < b->len; i++)
        ec_builder_add(&t, b->members[i].key, b->members[i].val);
    ec_builder_discard(b);
    return ec_builder_map(&t, a);
}

/* Whether 'name' is one of the n names of 'list'. */
static bool listed(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], name) == 0)
            return true;
    return false;
}

bool ec_produce(const ec_catalog *c, ec_arena *a, const ec_domain *dom, const ec_code *e,
                const ec_status *st, const ec_value *params, ec_form form, const char *instance,
                const ec_value *details, const ec_value *echo, int64_t now_s, ec_produced *out)
{
    const ec_envelope *body_echo = ec_echo_envelope(c, e ? dom : NULL, false);
    const ec_envelope *header_echo = ec_echo_envelope(c, e ? dom : NULL, true);
    for (uint32_t i = 0; echo && echo->kind == EC_VMAP && i < echo->len; i++) {
        const char *k = echo->u.members[i].key;
        bool header = listed((const char *const *)header_echo->echo_headers, header_echo->necho_headers, k);
        if (!header && !listed((const char *const *)body_echo->echo, body_echo->necho, k))
            return false;
        /* A header's value is text that cannot end its line. */
        const ec_value *v = &echo->u.members[i].val;
        if (header && (v->kind != EC_VSTR || strpbrk(v->u.s, "\r\n")))
            return false;
    }
    size_t np = e ? e->more->nparams : 0;
    const char **names = ec_arena_alloc(a, (np + 1) * sizeof *names);
    const char **texts = ec_arena_alloc(a, (np + 1) * sizeof *texts);
    const ec_value **values = ec_arena_alloc(a, (np + 1) * sizeof *values);
    for (size_t i = 0; i < np; i++) {
        names[i] = e->more->params[i].name;
        values[i] = ec_map_get(params, names[i]);
        texts[i] = values[i] ? param_text(a, e->more->params[i].type, values[i]) : NULL;
        if (!texts[i])
            return false;
    }
    for (uint32_t i = 0; params && params->kind == EC_VMAP && i < params->len; i++) {
        size_t j = 0;
        while (j < np && strcmp(names[j], params->u.members[i].key) != 0)
            j++;
        if (j == np)
            return false;
    }
    out->status = e ? (e->status ? e->status : 500) : st->status;
    if (!st)
        st = ec_catalog_status(c, out->status);
    const char *title = st ? st->title : "";
    const ec_policy *p = e ? e->policy : st->retry.resolved;
    ec_buf msg;
    ec_buf_init(&msg);
    if (e) { /* a plural message's form is the count's, as in every binding */
        const char *const *forms = e->more->forms ? e->more->forms->form : NULL;
        const char *text = ec_l10n_plural(e, c->source_locale, forms, e->message, names, texts, np);
        ec_format_message(text, names, texts, np, &msg);
    } else {
        ec_buf_puts(&msg, title);
    }
    const char *message = ec_arena_strndup(a, msg.data, msg.len);
    ec_buf_reset(&msg);

    /* Headers: the media type, then the delay the policy gives a first
    ** retry when the status carries the policy's delay header. */
    static const char *const media[] = {"application/json", "application/problem+json",
                                        "application/json"};
    ec_builder h;
    ec_builder_init(&h);
    ec_builder_push(&h, pair(a, "Content-Type", media[form]));
    ec_decision d = ec_decide(p, 1, -1);
    if (d.retry && ec_sends_delay(st, p)) {
        int64_t s = (d.delay_ms + 999) / 1000;
        if (p->delay_type == EC_HDR_HTTP_DATE)
            ec_imf_fixdate(now_s + s, &msg);
        else
            ec_buf_printf(&msg, "%lld", (long long)(p->delay_type == EC_HDR_EPOCH_SECONDS ? now_s + s : s));
        ec_builder_push(&h, pair(a, p->delay_header, ec_arena_strndup(a, msg.data, msg.len)));
        ec_buf_reset(&msg);
    }
    /* The echoed headers, in the envelope's order. */
    for (size_t i = 0; i < header_echo->necho_headers; i++) {
        const ec_value *v = ec_map_get(echo, header_echo->echo_headers[i]);
        if (v)
            ec_builder_push(&h, pair(a, header_echo->echo_headers[i], v->u.s));
    }
    out->headers = ec_builder_list(&h, a);

    ec_value code = e ? (e->is_string ? ec_vstr(e->str) : ec_vint(e->num)) : ec_vnull();
    ec_builder b;
    ec_builder_init(&b);
    if (form == EC_FORM_ENVELOPE) {
        node root = {.shape = N_OBJECT};
        if (e)
            put(a, &root, EC_ENVELOPE_PATH(c, dom, code), code);
        put(a, &root, EC_ENVELOPE_PATH(c, dom, status), ec_vint(out->status));
        put(a, &root, EC_ENVELOPE_PATH(c, dom, title), ec_vstr(title));
        put(a, &root, EC_ENVELOPE_PATH(c, dom, message), ec_vstr(message));
        if (details)
            put(a, &root, EC_ENVELOPE_PATH(c, dom, details), *details);
        /* Each placeholder read `from` the body goes where classify reads
        ** it: a message the body does not carry is then made again from
        ** them (a decimal as its text, as a string reads back). */
        for (size_t i = 0; i < np; i++)
            if (e->more->params[i].from)
                put(a, &root, e->more->params[i].from, *values[i]);
        for (size_t i = 0; i < body_echo->necho; i++) {
            const ec_value *v = ec_map_get(echo, body_echo->echo[i]);
            if (v)
                put(a, &root, body_echo->echo[i], *v);
        }
        ec_builder_discard(&b);
        out->body = tree(a, &root);
    } else if (form == EC_FORM_PROBLEM) {
        /* RFC 9457: a code is a problem type of its own; a status is no
        ** more than its status (about:blank, titled by the status text). */
        ec_builder_add(&b, "type", ec_vstr(e ? ec_problem_type(a, c, dom, e) : "about:blank"));
        ec_builder_add(&b, "title", ec_vstr(e ? ec_problem_title(a, e->message) : title));
        ec_builder_add(&b, "status", ec_vint(out->status));
        ec_builder_add(&b, "detail", ec_vstr(message));
        if (instance)
            ec_builder_add(&b, "instance", ec_vstr(instance));
        if (e)
            ec_builder_add(&b, "code", code);
        /* Each placeholder is an extension member, but where it would
        ** take the name of a member above. */
        static const char *const taken[] = {"type", "title", "status", "detail", "instance", "code"};
        for (size_t i = 0; i < np; i++) {
            bool free_name = true;
            for (size_t k = 0; k < sizeof taken / sizeof *taken; k++)
                free_name = free_name && strcmp(names[i], taken[k]) != 0;
            if (free_name)
                ec_builder_add(&b, names[i], *values[i]);
        }
        out->body = ec_builder_map(&b, a);
    } else {
        ec_builder_add(&b, "code", ec_vint(ec_grpc_of(c, e, st)));
        ec_builder_add(&b, "message", ec_vstr(message));
        ec_builder l, x, m;
        ec_builder_init(&l);
        ec_builder_init(&x);
        ec_builder_init(&m);
        for (size_t i = 0; i < np; i++)
            ec_builder_add(&m, names[i], ec_vstr(texts[i]));
        ec_builder_add(&x, "reason", ec_vstr(e ? e->name : ec_ident_spell(a, title, EC_CASE_UPPER)));
        ec_builder_add(&x, "domain", ec_vstr(e ? ec_arena_printf(a, "%s.%s", c->id, dom->id) : c->id));
        ec_builder_add(&x, "metadata", ec_builder_map(&m, a));
        ec_builder_push(&l, typed("type.googleapis.com/google.rpc.ErrorInfo", &x, a));
        if (d.retry) {
            /* A google.protobuf.Duration in JSON: seconds, with 3 decimals
            ** when they are not all 0. */
            if (d.delay_ms % 1000)
                ec_buf_printf(&msg, "%lld.%03llds", (long long)(d.delay_ms / 1000),
                              (long long)(d.delay_ms % 1000));
            else
                ec_buf_printf(&msg, "%llds", (long long)(d.delay_ms / 1000));
            ec_builder_init(&x);
            ec_builder_add(&x, "retryDelay", ec_vstr(ec_arena_strndup(a, msg.data, msg.len)));
            ec_builder_push(&l, typed("type.googleapis.com/google.rpc.RetryInfo", &x, a));
        }
        if (c->docs_url) {
            const char *anchor =
                e ? ec_anchor(a, EC_ANCHOR_CODE, ec_ident_spell(a, dom->id, EC_CASE_KEBAB),
                              ec_ident_spell(a, e->name, EC_CASE_KEBAB))
                  : ec_anchor(a, EC_ANCHOR_STATUS, NULL,
                              ec_arena_printf(a, "%lld", (long long)st->status));
            ec_builder k, links;
            ec_builder_init(&k);
            ec_builder_add(&k, "description", ec_vstr(e ? ec_problem_title(a, e->message) : title));
            ec_builder_add(&k, "url", ec_vstr(ec_arena_printf(a, "%s#%s", c->docs_url, anchor)));
            ec_builder_init(&links);
            ec_builder_push(&links, ec_builder_map(&k, a));
            ec_builder_init(&x);
            ec_builder_add(&x, "links", ec_builder_list(&links, a));
            ec_builder_push(&l, typed("type.googleapis.com/google.rpc.Help", &x, a));
        }
        ec_builder_add(&b, "details", ec_builder_list(&l, a));
        out->body = ec_builder_map(&b, a);
    }
    ec_buf_free(&msg);
    return true;
}

bool ec_produce_in(const ec_catalog *c, ec_arena *a, const ec_domain *dom, const ec_code *e,
                   const ec_status *st, const ec_value *params, ec_form form, const char *instance,
                   const ec_value *details, const ec_value *echo, int64_t now_s, const char *locale,
                   ec_produced *out)
{
    if (!ec_produce(c, a, dom, e, st, params, form, instance, details, echo, now_s, out))
        return false;
    if (form != EC_FORM_RPC || !locale || !c->nlocales)
        return true;
    const char *ctxt = e ? ec_l10n_context(a, dom, e, NULL, NULL)
                         : ec_arena_printf(a, "(status %lld):title", (long long)st->status);
    const char *tag, *text = ec_l10n_text(c, a, ctxt, e ? e->message : st->title, locale, &tag);
    if (tag == c->source_locale)
        return true;
    ec_buf msg;
    ec_buf_init(&msg);
    if (e) {
        /* ec_produce checked the values. */
        size_t np = e->more->nparams;
        const char **names = ec_arena_alloc(a, (np + 1) * sizeof *names);
        const char **texts = ec_arena_alloc(a, (np + 1) * sizeof *texts);
        for (size_t i = 0; i < np; i++) {
            names[i] = e->more->params[i].name;
            texts[i] = param_text(a, e->more->params[i].type, ec_map_get(params, names[i]));
        }
        text = ec_l10n_plural(e, tag, ec_l10n_forms(c, e, ctxt, tag), text, names, texts, np);
        ec_format_message(text, names, texts, np, &msg);
    } else {
        ec_buf_puts(&msg, text);
    }
    ec_builder x, l, b;
    ec_builder_init(&x);
    ec_builder_add(&x, "locale", ec_vstr(tag));
    ec_builder_add(&x, "message", ec_vstr(ec_arena_strndup(a, msg.data, msg.len)));
    ec_buf_free(&msg);
    ec_builder_init(&l);
    ec_builder_init(&b);
    for (uint32_t i = 0; i < out->body.len; i++) {
        ec_member *m = &out->body.u.members[i];
        if (strcmp(m->key, "details") != 0) {
            ec_builder_add(&b, m->key, m->val);
            continue;
        }
        for (uint32_t k = 0; k < m->val.len; k++)
            ec_builder_push(&l, m->val.u.items[k]);
        ec_builder_push(&l, typed("type.googleapis.com/google.rpc.LocalizedMessage", &x, a));
        ec_builder_add(&b, m->key, ec_builder_list(&l, a));
    }
    out->body = ec_builder_map(&b, a);
    return true;
}
