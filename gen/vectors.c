/* vectors.c: conformance vectors from the reference semantics. */
#include "vectors.h"

#include "classify.h"
#include "decide.h"
#include "ident.h"
#include "l10n.h"
#include "locale.h"
#include "produce.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The long lists of the vectors, made item by item as the JSON writer
** reads them (a catalog of 100,000 codes has some 700,000 items). */
enum { L_LOOKUPS, L_NAMES, L_DECISIONS, L_FORMATS, L_CLASSIFY, L_PRODUCE, L_L10N, NLISTS };
/* The reference time of the classify cases, in seconds since 1970: Sat, 06
** Dec 2025 05:46:40 GMT. The vectors carry it as "now". */
#define NOW 1765000000

static const char *const list_names[NLISTS] = {"lookups", "names",    "decisions",
                                               "formats", "classify", "produce", "texts"};

/* The vectors come in units, run in order: each code of each domain, then
** the end of that domain (codes it does not list, its fallback), each
** status, and the end of the catalog. A unit adds items to some lists. A
** first run counts them (offsets); then item i of a list is made by
** running its unit again, making that item alone. */
typedef struct vec {
    const ec_catalog *c;
    ec_arena *a; /* where the item goes */
    ec_classifier *classifier;
    size_t nunits, unit;          /* units, and the one running */
    uint32_t *offsets[NLISTS];    /* per unit: its first item in each list */
    size_t *first_grid;           /* per named policy, then the default: the unit
                                     whose decisions give its full grid */
    bool classes;                 /* some domain has classes: entries say theirs */
    bool also;                    /* some domain is secondary: classify cases list "also" */
    const char **available;       /* the source locale and the translations */
    const char **asks;            /* the locales each localized text is asked in */
    size_t navailable, nasks;
    const char **counts;          /* the counts the plural cases try */
    size_t ncounts;
    bool counting;                /* the first run */
    int list;                     /* else: the list of the item wanted, */
    uint32_t wanted, seen;        /* its place in the unit, and items met */
    ec_value item;
} vec;

/* Whether the unit's next item of 'list' is the one to make (the first
** run only counts). */
static bool want(vec *v, int list)
{
    if (v->counting) {
        v->offsets[list][v->unit + 1]++;
        return false;
    }
    return list == v->list && v->seen++ == v->wanted;
}

static ec_value code_value(const ec_code *e)
{
    return e->is_string ? ec_vstr(e->str) : ec_vint(e->num);
}

/* What a lookup must return for an entry. */
static ec_value expect_entry(vec *v, const char *kind, const char *code_str, const char *name,
                             int64_t status, const char *message, const ec_policy *p,
                             const char *cls)
{
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "kind", ec_vstr(kind));
    ec_builder_add(&b, "code_str", ec_vstr_or_null(code_str));
    ec_builder_add(&b, "name", ec_vstr_or_null(name));
    ec_builder_add(&b, "status", ec_vint(status));
    ec_builder_add(&b, "message", ec_vstr(message));
    ec_builder_add(&b, "retry", ec_vstr(ec_retry_names[p->retry]));
    ec_builder_add(&b, "action", ec_vstr(ec_action_names[p->action]));
    if (v->classes)
        ec_builder_add(&b, "class", ec_vstr_or_null(cls));
    return ec_builder_map(&b, v->a);
}

/* The id of the class of 'e' (a code or a class's entry) in 'dom', or NULL. */
static const char *class_of(const ec_domain *dom, const ec_code *e)
{
    return dom && e && e->cls >= 0 ? dom->classes[e->cls].id : NULL;
}

static const char *code_text(vec *v, const ec_code *e)
{
    return e->is_string ? e->str : ec_arena_printf(v->a, "%lld", (long long)e->num);
}

static ec_value query(vec *v, const char *key1, ec_value val1, const char *key2, ec_value val2,
                      ec_value expect)
{
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, key1, val1);
    if (key2)
        ec_builder_add(&b, key2, val2);
    ec_builder_add(&b, "expect", expect);
    return ec_builder_map(&b, v->a);
}

static void add_decision(vec *v, const char *key, ec_value who, const ec_value *domain,
                         const ec_policy *p, int64_t attempt, int64_t after)
{
    if (!want(v, L_DECISIONS))
        return;
    ec_decision d = ec_decide(p, attempt, after);
    ec_builder b, x;
    ec_builder_init(&b);
    if (domain)
        ec_builder_add(&b, "domain", *domain);
    ec_builder_add(&b, key, who);
    ec_builder_add(&b, "attempt", ec_vint(attempt));
    ec_builder_add(&b, "retry_after", after < 0 ? ec_vnull() : ec_vint(after));
    ec_builder_init(&x);
    ec_builder_add(&x, "retry", ec_vbool(d.retry));
    ec_builder_add(&x, "delay_ms", ec_vint(d.delay_ms));
    ec_builder_add(&x, "action", ec_vstr(ec_action_names[d.action]));
    ec_builder_add(&b, "expect", ec_builder_map(&x, v->a));
    v->item = ec_builder_map(&b, v->a);
}

/* Decisions of an entry: the full grid of attempts and header values the
** first time a named policy (or the default) is met and for every status
** ('full'), three cases otherwise, so the vectors stay linear in the
** catalog's size. */
static void add_decisions(vec *v, const char *key, ec_value who, const ec_value *domain,
                          const ec_policy *p, bool full)
{
    static const int64_t attempts[] = {0, 1, 2, 3, 5, 40};
    static const int64_t afters[] = {-1, 0, 7, 3000000};
    size_t named = (size_t)v->c->npolicies;
    size_t slot = p == &ec_default_policy ? named
                  : p >= v->c->policies && p < v->c->policies + named ? (size_t)(p - v->c->policies)
                                                                      : SIZE_MAX;
    if (slot != SIZE_MAX && v->counting && v->first_grid[slot] == SIZE_MAX)
        v->first_grid[slot] = v->unit;
    if (!full && (slot == SIZE_MAX || v->first_grid[slot] != v->unit)) {
        add_decision(v, key, who, domain, p, 1, -1);
        add_decision(v, key, who, domain, p, 2, 7);
        add_decision(v, key, who, domain, p, 40, -1);
        return;
    }
    for (size_t i = 0; i < sizeof attempts / sizeof attempts[0]; i++)
        for (size_t j = 0; j < sizeof afters / sizeof afters[0]; j++)
            add_decision(v, key, who, domain, p, attempts[i], afters[j]);
}

/* A sample argument of each parameter type; the last case leaves the last
** argument out, to pin what a missing one does. */
static const char *sample(ec_param_type t)
{
    static const char *const s[] = {"a \"quoted\" ${text}", "42", "0.015", "true"};
    return s[t];
}

/* The placeholders of 'e' (a fallback's first is its code) and a sample
** argument for each, as the format vectors fill them. */
static void sample_args(vec *v, const ec_code *e, bool fallback, const char ***names,
                        const char ***args)
{
    size_t n = e->more->nparams + fallback;
    *names = ec_arena_alloc(v->a, (n + 1) * sizeof **names);
    *args = ec_arena_alloc(v->a, (n + 1) * sizeof **args);
    for (size_t i = 0; i < n; i++) {
        bool is_code = fallback && i == 0;
        (*names)[i] = is_code ? "code" : e->more->params[i - fallback].name;
        (*args)[i] = is_code ? "6042" : sample(e->more->params[i - fallback].type);
    }
}

static bool has_plurals(const ec_catalog *c)
{
    for (size_t i = 0; i < c->ndomains; i++) {
        const ec_domain *d = &c->domains[i];
        for (size_t k = 0; k < d->ncodes; k++)
            if (d->codes[k].more->forms)
                return true;
        if (d->fallback && d->fallback->more->forms)
            return true;
        for (size_t k = 0; k < d->nclasses; k++)
            if (d->classes[k].entry.more->forms)
                return true;
    }
    return false;
}

/* The sample arguments with count number 'k' of the plural cases as the
** argument of e's count. */
static const char **counted(vec *v, const ec_code *e, const char *const *names,
                            const char *const *args, size_t n, size_t k)
{
    const char **with = ec_arena_alloc(v->a, (n + 1) * sizeof *with);
    for (size_t i = 0; i < n; i++)
        with[i] = strcmp(names[i], e->more->forms->count) ? args[i] : v->counts[k];
    return with;
}

typedef struct count_set {
    unsigned long long v[64];
    size_t n, taken; /* taken: of the rule being read */
} count_set;

static void take_count(void *ud, unsigned long long n)
{
    count_set *s = ud;
    if (s->taken >= 2 || n > EC_PLURAL_MAX_COUNT)
        return;
    s->taken++;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == n)
            return;
    if (s->n < sizeof s->v / sizeof s->v[0])
        s->v[s->n++] = n;
}

static int cmp_ull(const void *a, const void *b)
{
    unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return (x > y) - (x < y);
}

/* The counts the plural cases try: the first two integer samples of each
** category of each locale's rules (the source's and each translation's),
** in order, then -2 (whose category is 2's: the absolute value counts) and
** a text that is not an integer (the "other" form). */
static void plural_counts(vec *v, ec_arena *a)
{
    count_set s = {.n = 0};
    for (size_t l = 0; l <= v->c->nlocales; l++) {
        const ec_plural_set *set =
            ec_plural_rules(l ? v->c->locales[l - 1].tag : v->c->source_locale);
        for (int p = 0; p < EC_NPLURALS; p++)
            if (set->rules[p]) {
                s.taken = 0;
                ec_plural_samples(set->rules[p], take_count, &s);
            }
    }
    qsort(s.v, s.n, sizeof s.v[0], cmp_ull);
    v->ncounts = s.n + 2;
    v->counts = ec_arena_alloc(a, v->ncounts * sizeof *v->counts);
    for (size_t i = 0; i < s.n; i++)
        v->counts[i] = ec_arena_printf(a, "%llu", s.v[i]);
    v->counts[s.n] = "-2";
    v->counts[s.n + 1] = "1.0";
}

static void add_formats(vec *v, const ec_value *domain, const ec_code *e, bool fallback)
{
    size_t n = e->more->nparams + fallback;
    if (!v->counting && v->list != L_FORMATS)
        return;
    const char **names, **args;
    sample_args(v, e, fallback, &names, &args);
    for (size_t missing = 0; missing < 2; missing++) {
        if ((missing && !n) || !want(v, L_FORMATS))
            continue;
        ec_buf out;
        ec_buf_init(&out);
        ec_format_message(ec_l10n_plural(e, v->c->source_locale, e->more->forms ? e->more->forms->form : NULL,
                                         e->message, names, args, n - missing),
                          names, args, n - missing, &out);
        ec_builder b, l;
        ec_builder_init(&b);
        ec_builder_add(&b, "domain", *domain);
        ec_builder_add(&b, fallback ? "fallback" : "code", fallback ? ec_vbool(true) : code_value(e));
        ec_builder_init(&l);
        for (size_t i = 0; i < n - missing; i++)
            ec_builder_push(&l, ec_vstr(args[i]));
        ec_builder_add(&b, "args", ec_builder_list(&l, v->a));
        ec_builder_add(&b, "expect", ec_vstr(ec_arena_strndup(v->a, out.data, out.len)));
        ec_buf_free(&out);
        v->item = ec_builder_map(&b, v->a);
    }
    /* A message with plural forms, with every count the cases try. */
    for (size_t k = 0; e->more->forms && k < v->ncounts; k++) {
        if (!want(v, L_FORMATS))
            continue;
        const char **with = counted(v, e, names, args, n, k);
        ec_buf out;
        ec_buf_init(&out);
        ec_format_message(ec_l10n_plural(e, v->c->source_locale, e->more->forms->form, e->message, names,
                                         with, n),
                          names, with, n, &out);
        ec_builder b, l;
        ec_builder_init(&b);
        ec_builder_add(&b, "domain", *domain);
        ec_builder_add(&b, fallback ? "fallback" : "code", fallback ? ec_vbool(true) : code_value(e));
        ec_builder_init(&l);
        for (size_t i = 0; i < n; i++)
            ec_builder_push(&l, ec_vstr(with[i]));
        ec_builder_add(&b, "args", ec_builder_list(&l, v->a));
        ec_builder_add(&b, "expect", ec_vstr(ec_arena_strndup(v->a, out.data, out.len)));
        ec_buf_free(&out);
        v->item = ec_builder_map(&b, v->a);
    }
}

/* The other entries a body names: domain, code as spelt, name (of a
** listed code) and match, in catalog order. */
static ec_value also_value(vec *v, const ec_classified *r)
{
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; i < r->nalso; i++) {
        const ec_also *o = &r->also[i];
        ec_builder b;
        ec_builder_init(&b);
        ec_builder_add(&b, "domain", ec_vstr(o->domain->id));
        ec_builder_add(&b, "code_str", ec_vstr(o->code_str));
        ec_builder_add(&b, "name", o->match == EC_MATCH_CODE ? ec_vstr(o->code->name) : ec_vnull());
        ec_builder_add(&b, "match", ec_vstr(o->match == EC_MATCH_CODE ? "code" : "fallback"));
        ec_builder_push(&l, ec_builder_map(&b, v->a));
    }
    return ec_builder_list(&l, v->a);
}

static ec_value empty_map(vec *v)
{
    ec_builder b;
    ec_builder_init(&b);
    return ec_builder_map(&b, v->a);
}

static ec_value classify_expect(vec *v, int64_t status, ec_value headers, ec_value body,
                                int64_t attempt);

/* A classify case: the response, and what the reference makes of it. */
static void add_classify(vec *v, int64_t status, ec_value headers, ec_value body,
                         int64_t attempt)
{
    if (!want(v, L_CLASSIFY))
        return;
    ec_builder q;
    ec_builder_init(&q);
    ec_builder_add(&q, "status", ec_vint(status));
    ec_builder_add(&q, "headers", headers);
    ec_builder_add(&q, "body", body);
    ec_builder_add(&q, "attempt", ec_vint(attempt));
    ec_builder_add(&q, "expect", classify_expect(v, status, headers, body, attempt));
    v->item = ec_builder_map(&q, v->a);
}

/* What the reference makes of a response. */
static ec_value classify_expect(vec *v, int64_t status, ec_value headers, ec_value body,
                                int64_t attempt)
{
    static const char *const matches[] = {"none", "code", "fallback", "status"};
    ec_classified r = ec_classify(v->classifier, v->a, status, &headers, &body, attempt, NOW);
    ec_builder x, d;
    ec_builder_init(&x);
    ec_builder_add(&x, "match", ec_vstr(matches[r.match]));
    ec_builder_add(&x, "domain", r.domain ? ec_vstr(r.domain->id) : ec_vnull());
    ec_builder_add(&x, "code_str", ec_vstr_or_null(r.code_str));
    ec_builder_add(&x, "name", r.match == EC_MATCH_CODE ? ec_vstr(r.code->name) : ec_vnull());
    ec_builder_add(&x, "status", ec_vint(r.code ? r.code->status : r.status ? r.status->status : 0));
    ec_builder_add(&x, "message", ec_vstr(r.message));
    ec_builder_add(&x, "details", r.details);
    ec_builder_add(&x, "echo", r.echo);
    if (v->classes)
        ec_builder_add(&x, "class", ec_vstr_or_null(class_of(r.domain, r.code)));
    if (v->also)
        ec_builder_add(&x, "also", also_value(v, &r));
    ec_builder_init(&d);
    ec_builder_add(&d, "retry", ec_vbool(r.decision.retry));
    ec_builder_add(&d, "delay_ms", ec_vint(r.decision.delay_ms));
    ec_builder_add(&d, "action", ec_vstr(ec_action_names[r.decision.action]));
    ec_builder_add(&x, "decision", ec_builder_map(&d, v->a));
    return ec_builder_map(&x, v->a);
}

/* A sample value of each placeholder type for produce: a decimal is its
** JSON text, as a string. */
static ec_value produce_sample(ec_param_type t)
{
    switch (t) {
    case EC_PARAM_STRING: return ec_vstr("a \"quoted\" ${text}");
    case EC_PARAM_INTEGER: return ec_vint(42);
    case EC_PARAM_DECIMAL: return ec_vstr("0.015");
    case EC_PARAM_BOOLEAN: return ec_vbool(true);
    }
    return ec_vnull();
}

/* The echo fields a produce case of a code (dom, e) or a status (st) sends,
** a map of each echo path and echoed header of its envelope to a sample
** value; null but for the first code of a domain and the first error
** status of the catalog, or when the envelope echoes nothing. */
static bool sampled(const vec *v, const ec_domain *dom, const ec_code *e, const ec_status *st)
{
    const ec_status *first = v->c->statuses;
    while (first && first < v->c->statuses + v->c->nstatuses && first->status < 400)
        first++;
    return e ? e == dom->codes : st == first;
}

static ec_value echo_sample(vec *v, const ec_domain *dom, const ec_code *e, const ec_status *st)
{
    if (!sampled(v, dom, e, st))
        return ec_vnull();
    const ec_envelope *b = ec_echo_envelope(v->c, dom, false), *h = ec_echo_envelope(v->c, dom, true);
    if (!b->necho && !h->necho_headers)
        return ec_vnull();
    ec_builder m;
    ec_builder_init(&m);
    for (size_t i = 0; i < b->necho; i++)
        ec_builder_add(&m, b->echo[i], ec_vstr(ec_arena_printf(v->a, "echoed %s", b->echo[i])));
    for (size_t i = 0; i < h->necho_headers; i++)
        ec_builder_add(&m, h->echo_headers[i], ec_vstr("req-7"));
    return ec_builder_map(&m, v->a);
}

/* Produce cases of a code (dom, e) or a status (st): the response in each
** form, and what classify makes of it; for a code with placeholders, one
** without its last value too, which produce must refuse; for the entry
** that echo_sample picks, each form again with its echo fields, and the
** envelope with a name that is no echo field besides, which it refuses,
** and, when it echoes headers, with a line break in a header's value; in a
** catalog with locales, for that entry and each code with plural forms, the
** rpc form asked in each locale the localized cases ask (its "locale"). */
static void add_produce(vec *v, const ec_domain *dom, const ec_code *e, const ec_status *st)
{
    size_t np = e ? e->more->nparams : 0;
    ec_value echo_fields = echo_sample(v, dom, e, st);
    int plain = EC_FORM_RPC + 1 + (np > 0);
    bool headers = ec_echo_envelope(v->c, dom, true)->necho_headers > 0;
    int echoing = echo_fields.kind == EC_VNULL ? 0 : EC_FORM_RPC + 2 + headers;
    int localized = v->c->nlocales && (sampled(v, dom, e, st) || (e && e->more->forms))
                        ? (int)v->nasks
                        : 0;
    for (int form = 0; form < plain + echoing + localized; form++) {
        if (!want(v, L_PRODUCE))
            continue;
        const char *locale = form >= plain + echoing ? v->asks[form - plain - echoing] : NULL;
        bool missing = form == EC_FORM_RPC + 1 && np > 0, echoes = form >= plain && !locale;
        bool stray = !locale && form == plain + EC_FORM_RPC + 1;
        bool broken = !locale && form == plain + EC_FORM_RPC + 2;
        ec_form f = locale                     ? EC_FORM_RPC
                    : missing || stray || broken ? EC_FORM_ENVELOPE
                    : echoes                   ? (ec_form)(form - plain)
                                               : (ec_form)form;
        ec_builder q, p;
        ec_builder_init(&q);
        if (e) {
            ec_builder_add(&q, "domain", ec_vstr(dom->id));
            ec_builder_add(&q, "code", code_value(e));
        } else {
            ec_builder_add(&q, "status", ec_vint(st->status));
        }
        ec_builder_add(&q, "form", ec_vstr(ec_form_names[f]));
        ec_builder_init(&p);
        for (size_t i = 0; i < np - missing; i++) {
            /* A plural message's count is 1, whose form is not its "other"
            ** in any shipped language: produce must choose it. */
            const ec_param *prm = &e->more->params[i];
            bool count = e->more->forms && strcmp(prm->name, e->more->forms->count) == 0;
            ec_builder_add(&p, prm->name, count ? ec_vint(1) : produce_sample(prm->type));
        }
        ec_value params = ec_builder_map(&p, v->a);
        ec_builder_add(&q, "params", params);
        const char *instance = f == EC_FORM_PROBLEM ? "/requests/7" : NULL;
        ec_builder_add(&q, "instance", ec_vstr_or_null(instance));
        ec_value details = ec_vnull();
        if (f == EC_FORM_ENVELOPE && !missing) {
            ec_builder dt;
            ec_builder_init(&dt);
            ec_builder_add(&dt, "request", ec_vint(7));
            details = ec_builder_map(&dt, v->a);
        }
        ec_builder_add(&q, "details", details);
        ec_value echo = echo_fields;
        if (stray || broken) {
            /* The headers come last: the last value is a header's. */
            ec_builder m;
            ec_builder_init(&m);
            for (uint32_t i = 0; i < echo_fields.len; i++)
                ec_builder_add(&m, echo_fields.u.members[i].key,
                               broken && i + 1 == echo_fields.len ? ec_vstr("req-7\r\nX-Injected: 1")
                                                                 : echo_fields.u.members[i].val);
            if (stray)
                ec_builder_add(&m, "x-no-echo-field", ec_vstr("x"));
            echo = ec_builder_map(&m, v->a);
        }
        if (echoes)
            ec_builder_add(&q, "echo", echo);
        if (locale)
            ec_builder_add(&q, "locale", ec_vstr(locale));
        ec_produced r;
        if (!ec_produce_in(v->c, v->a, dom, e, st, &params, f, instance,
                           details.kind == EC_VNULL ? NULL : &details, echoes ? &echo : NULL, NOW,
                           locale, &r)) {
            ec_builder_add(&q, "expect", ec_vnull());
            v->item = ec_builder_map(&q, v->a);
            continue;
        }
        ec_builder x, h;
        ec_builder_init(&x);
        ec_builder_add(&x, "status", ec_vint(r.status));
        ec_builder_add(&x, "headers", r.headers);
        ec_builder_add(&x, "body", r.body);
        /* classify reads headers as a map */
        ec_builder_init(&h);
        for (uint32_t i = 0; i < r.headers.len; i++)
            ec_builder_add(&h, r.headers.u.items[i].u.items[0].u.s,
                           r.headers.u.items[i].u.items[1]);
        ec_builder_add(&x, "classify",
                       classify_expect(v, r.status, ec_builder_map(&h, v->a), r.body, 1));
        ec_builder_add(&q, "expect", ec_builder_map(&x, v->a));
        v->item = ec_builder_map(&q, v->a);
    }
}


/* A body holding 'value' at 'path' ("a.b" gives {a: {b: value}}): '[N]'
** makes a list of N empty objects and then the rest, '[*]' a list whose
** first element lacks the rest and whose second holds it (so that a
** wildcard is seen to skip it). */
static ec_value body_at(vec *v, const char *path, ec_value value)
{
    if (*path == '.')
        path++;
    if (!*path)
        return value;
    ec_builder b;
    ec_builder_init(&b);
    if (*path == '[') {
        const char *rest = strchr(path, ']') + 1;
        size_t n = 0;
        for (const char *p = path + 1; *p >= '0' && *p <= '9'; p++)
            n = n * 10 + (size_t)(*p - '0');
        if (path[1] == '*' && *rest)
            n = 1;
        for (size_t i = 0; i < n; i++)
            ec_builder_push(&b, empty_map(v));
        ec_builder_push(&b, body_at(v, rest, value));
        return ec_builder_list(&b, v->a);
    }
    size_t n = strcspn(path, ".[");
    ec_builder_add(&b, ec_arena_strndup(v->a, path, n), body_at(v, path + n, value));
    return ec_builder_map(&b, v->a);
}

/* Both bodies in one: members of maps and items of lists merged, else b. */
static ec_value merged(vec *v, ec_value a, ec_value b)
{
    ec_builder m;
    ec_builder_init(&m);
    if (a.kind == EC_VMAP && b.kind == EC_VMAP) {
        for (uint32_t i = 0; i < a.len; i++) {
            const ec_value *other = ec_map_get(&b, a.u.members[i].key);
            ec_builder_add(&m, a.u.members[i].key,
                           other ? merged(v, a.u.members[i].val, *other) : a.u.members[i].val);
        }
        for (uint32_t i = 0; i < b.len; i++)
            if (!ec_map_get(&a, b.u.members[i].key))
                ec_builder_add(&m, b.u.members[i].key, b.u.members[i].val);
        return ec_builder_map(&m, v->a);
    }
    if (a.kind == EC_VLIST && b.kind == EC_VLIST) {
        for (uint32_t i = 0; i < a.len || i < b.len; i++)
            ec_builder_push(&m, i >= b.len   ? a.u.items[i]
                                : i >= a.len ? b.u.items[i]
                                             : merged(v, a.u.items[i], b.u.items[i]));
        return ec_builder_list(&m, v->a);
    }
    ec_builder_discard(&m);
    return b;
}

static void classify_examples(vec *v, const ec_example *x, size_t n, int64_t status)
{
    for (size_t i = 0; i < n; i++)
        add_classify(v, x[i].status ? x[i].status : status ? status : 400,
                     x[i].headers.kind == EC_VMAP ? x[i].headers : empty_map(v), x[i].body, 1);
}

/* Response headers that pass or fail condition 'w' ('pass'), with a value
** of the delay header of the policy it hands over to. */
static ec_value condition_headers(vec *v, const ec_condition *w, bool pass)
{
    ec_builder b;
    ec_builder_init(&b);
    const char *value = NULL;
    switch (w->op) {
    case EC_COND_PRESENT: value = pass ? "1" : NULL; break;
    case EC_COND_EQUALS: value = pass ? w->equals : ec_arena_printf(v->a, "%s!", w->equals); break;
    case EC_COND_AT_MOST:
    case EC_COND_AT_LEAST:
        value = ec_arena_printf(v->a, " %lld ", (long long)(w->bound + (pass ? 0 : w->op == EC_COND_AT_MOST ? 1 : -1)));
        break;
    }
    if (value)
        ec_builder_add(&b, ec_ident_spell(v->a, w->header, EC_CASE_KEBAB), ec_vstr(value));
    const ec_policy *then = w->then.resolved;
    if (then->delay_header && ec_header_cmp(then->delay_header, w->header) != 0)
        ec_builder_add(&b, then->delay_header,
                       ec_vstr(then->delay_type == EC_HDR_EPOCH_SECONDS ? "1765000090"
                               : then->delay_type == EC_HDR_HTTP_DATE
                                   ? "Sat, 06 Dec 2025 06:46:40 GMT"
                                   : "12"));
    return ec_builder_map(&b, v->a);
}

/* Classify cases of a response whose entry has policy 'p': each condition
** holding and failing. */
static void condition_cases(vec *v, int64_t status, ec_value body, const ec_policy *p)
{
    for (size_t i = 0; i < p->nwhen; i++)
        for (int pass = 1; pass >= 0; pass--)
            add_classify(v, status, condition_headers(v, &p->when[i], pass), body, 2);
}

/* Response headers with a value for each echoed header, or an empty map. */
static ec_value echoed_headers(vec *v, const ec_domain *dom)
{
    const ec_envelope *env = dom->envelope.necho_headers ? &dom->envelope : &v->c->envelope;
    ec_builder b;
    ec_builder_init(&b);
    for (size_t i = 0; i < env->necho_headers; i++)
        ec_builder_add(&b, env->echo_headers[i],
                       ec_vstr(ec_arena_printf(v->a, "req_%zu", i + 1)));
    return ec_builder_map(&b, v->a);
}

/* 'body' with a sample value at the path of each parameter of 'e' (a code,
** a class's entry or a fallback) read 'from' the body. */
static ec_value with_params(vec *v, ec_value body, const ec_code *e)
{
    for (size_t i = 0; i < e->more->nparams; i++)
        if (e->more->params[i].from)
            body = merged(v, body, body_at(v, e->more->params[i].from,
                                           e->more->params[i].type == EC_PARAM_INTEGER
                                               ? ec_vint(42)
                                               : ec_vstr(sample(e->more->params[i].type))));
    return body;
}

/* The count of e's plural forms when e reads it 'from' the body (NULL
** when e has no plural forms, or they count an argument). */
static const ec_param *count_from(const ec_code *e)
{
    for (size_t i = 0; e->more->forms && i < e->more->nparams; i++)
        if (e->more->params[i].from && !strcmp(e->more->params[i].name, e->more->forms->count))
            return &e->more->params[i];
    return NULL;
}

/* 'body' with count number 'k' of the plural cases at the path of e's
** count (an integer, else the text of one that is not). */
static ec_value with_count(vec *v, ec_value body, const ec_code *e, size_t k)
{
    const char *t = v->counts[k];
    ec_value n = strchr(t, '.') ? ec_vstr(t) : ec_vint(strtoll(t, NULL, 10));
    return merged(v, body, body_at(v, count_from(e)->from, n));
}

/* The classify cases of code 'e': the body with the code at its domain's
** path, the parameters read 'from' the body and the echoed headers; a
** secondary domain's code beside the first code of the first domain that
** is not; each condition of its policy. */
static void code_cases(vec *v, const ec_domain *dom, const ec_code *e)
{
    ec_value body = with_params(v, body_at(v, EC_ENVELOPE_PATH(v->c, dom, code), code_value(e)), e);
    for (size_t i = 0; dom->secondary && i < v->c->ndomains; i++) {
        const ec_domain *d = &v->c->domains[i];
        if (!d->secondary && d->ncodes && EC_ENVELOPE_PATH(v->c, d, code)) {
            body = merged(v, body_at(v, EC_ENVELOPE_PATH(v->c, d, code), code_value(&d->codes[0])), body);
            break;
        }
    }
    int64_t status = e->status ? e->status : 500;
    add_classify(v, status, echoed_headers(v, dom), body, 2);
    /* A count read from the body chooses the form: every count the cases try. */
    for (size_t k = 0; count_from(e) && k < v->ncounts; k++)
        add_classify(v, status, empty_map(v), with_count(v, body, e, k), 1);
    if (!e->more->retired)
        condition_cases(v, status, body, e->policy);
}

/* Localized texts (only in a catalog with locales): what the bindings'
** localized accessors, format_message and classify answer when asked for a
** locale, by locale.h's rules. A text is looked up in the locale that
** negotiation chooses for the request, then in each parent of it that the
** catalog ships, down to (not past) the source locale; else it is the
** source text. */
typedef struct l10n_found {
    const char *text, *locale;
} l10n_found;

static l10n_found localized(const vec *v, const char *ctxt, const char *source, const char *ask)
{
    l10n_found f;
    f.text = ec_l10n_text(v->c, v->a, ctxt, source, ask, &f.locale);
    return f;
}

static ec_value found_value(vec *v, l10n_found f)
{
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "text", ec_vstr(f.text));
    ec_builder_add(&b, "locale", ec_vstr(f.locale));
    return ec_builder_map(&b, v->a);
}

/* The texts of an element, and the field of the context of its message
** (NULL, or "title" for a status, whose title is its message). */
typedef struct l10n_texts {
    const char *element, *message_field;
    const char *message, *description, *hint, *ui_hint; /* ui_hint NULL: no ui */
    const ec_code *entry; /* whose message it is (its plural forms), or NULL */
} l10n_texts;

/* The cases of one element: its texts in every locale asked, its message
** formatted with the 'n' arguments 'args' of the placeholders 'names'. */
static void add_localized(vec *v, ec_value who[4], const l10n_texts *t, const char *const *names,
                          const char *const *args, size_t n)
{
    /* A message with plural forms, also with every count the cases try. */
    size_t ncounts = t->entry && t->entry->more->forms ? v->ncounts : 0;
    for (size_t q = 0; q < v->nasks * (ncounts + 1); q++) {
        if (!want(v, L_L10N))
            continue;
        const char *ask = v->asks[q % v->nasks];
        const char *const *with = q < v->nasks ? args
                                               : counted(v, t->entry, names, args, n,
                                                         q / v->nasks - 1);
        const char *mctxt = t->message_field
                                ? ec_arena_join(v->a, t->element, ":", t->message_field)
                                : t->element;
        l10n_found m = localized(v, mctxt, t->message, ask);
        ec_buf out;
        ec_buf_init(&out);
        const char *text = t->entry ? ec_l10n_plural(t->entry, m.locale,
                                                     ec_l10n_forms(v->c, t->entry, mctxt, m.locale),
                                                     m.text, names, with, n)
                                    : m.text;
        ec_format_message(text, names, with, n, &out);
        ec_builder b, x, l;
        ec_builder_init(&b);
        ec_builder_add(&b, who[0].u.s, who[1]);
        if (who[2].kind == EC_VSTR)
            ec_builder_add(&b, who[2].u.s, who[3]);
        ec_builder_add(&b, "locale", ec_vstr(ask));
        ec_builder_init(&l);
        for (size_t i = 0; i < n; i++)
            ec_builder_push(&l, ec_vstr(with[i]));
        ec_builder_add(&b, "args", ec_builder_list(&l, v->a));
        ec_builder_init(&x);
        ec_builder_add(&x, "message", ec_vstr(ec_arena_strndup(v->a, out.data, out.len)));
        ec_builder_add(&x, "locale", ec_vstr(m.locale));
        ec_buf_free(&out);
        static const char *const fields[] = {"description", "hint", "ui.hint"};
        static const char *const keys[] = {"description", "hint", "ui_hint"};
        const char *sources[] = {t->description, t->hint, t->ui_hint};
        for (size_t f = 0; f < 3; f++)
            ec_builder_add(&x, keys[f],
                           sources[f] ? found_value(v, localized(v,
                                                                 ec_arena_join(v->a, t->element,
                                                                               ":", fields[f]),
                                                                 sources[f], ask))
                                      : ec_vnull());
        ec_builder_add(&b, "expect", ec_builder_map(&x, v->a));
        v->item = ec_builder_map(&b, v->a);
    }
}

/* The cases of an entry of 'dom' (a code, its fallback, or the entry of
** class 'cl'), asked by the keys in 'who'. */
static void localize_entry(vec *v, const ec_domain *dom, const ec_code *e, const ec_class *cl,
                           ec_value who[4])
{
    if (!v->c->nlocales || (!v->counting && v->list != L_L10N))
        return;
    bool fallback = e == dom->fallback || cl;
    size_t n = e->more->nparams + fallback;
    const char **names, **args;
    sample_args(v, e, fallback, &names, &args);
    l10n_texts t = {ec_l10n_context(v->a, dom, e, cl, NULL), NULL, e->message, e->more->description,
                    e->more->hint, e->more->ui->present ? e->more->ui->hint : NULL, e};
    add_localized(v, who, &t, names, args, n);
}

/* Localized classify cases: a response of 'status' with 'body', asked in
** every locale; the message is the entry's, localized (bodies here carry
** none of their own). */
static ec_value classify_localized(vec *v, int64_t status, ec_value body, const char *ask)
{
    ec_value headers = empty_map(v);
    ec_classified r = ec_classify(v->classifier, v->a, status, &headers, &body, 1, NOW);
    l10n_found m = {"", NULL};
    if (r.match == EC_MATCH_STATUS) {
        const char *el = ec_arena_printf(v->a, "(status %lld)", (long long)r.status->status);
        m = localized(v, ec_arena_join(v->a, el, ":", "title"), r.status->title, ask);
    } else if (r.code) {
        const ec_class *cl = NULL;
        for (size_t i = 0; i < r.domain->nclasses; i++)
            if (r.code == &r.domain->classes[i].entry)
                cl = &r.domain->classes[i];
        const char *ctxt = ec_l10n_context(v->a, r.domain, r.code, cl, NULL);
        m = localized(v, ctxt, r.code->message, ask);
        ec_buf out;
        ec_buf_init(&out);
        const char **names, **args;
        size_t n = ec_classify_args(v->a, &r, &body, &names, &args);
        ec_format_message(ec_l10n_plural(r.code, m.locale, ec_l10n_forms(v->c, r.code, ctxt, m.locale),
                                         m.text, names, args, n),
                          names, args, n, &out);
        m.text = ec_arena_strndup(v->a, out.data, out.len);
        ec_buf_free(&out);
    }
    ec_builder q, x;
    ec_builder_init(&q);
    ec_builder_add(&q, "status", ec_vint(status));
    ec_builder_add(&q, "headers", headers);
    ec_builder_add(&q, "body", body);
    ec_builder_add(&q, "attempt", ec_vint(1));
    ec_builder_add(&q, "locale", ec_vstr(ask));
    ec_builder_init(&x);
    ec_builder_add(&x, "message", ec_vstr(m.text));
    ec_builder_add(&x, "locale", ec_vstr_or_null(m.locale));
    ec_builder_add(&q, "expect", ec_builder_map(&x, v->a));
    return ec_builder_map(&q, v->a);
}

/* Accept-Language values for the negotiation cases: weights, refusals,
** wildcards, malformed elements, blanks and case, each against the
** catalog's locales and against a fixed list with regions and scripts. */
static ec_value negotiation(vec *v)
{
    const ec_catalog *c = v->c;
    const char *t0 = c->locales[0].tag, *tl = c->locales[c->nlocales - 1].tag;
    static const char *const fixed[] = {"en",      "fr",    "fr-CA", "de-CH-1996",
                                        "zh-Hant", "zh",    "pt-BR", "sr-Latn"};
    const char *accepts[] = {
        "", " ", ",,", "*", "fr", "FR", "fr-CA", "fr-ca;q=0.5, de;q=0.9, ar;q=0.4",
        "de;q=0.5, fr;q=0.8, pl", "ar;q=0.5, fr;q=0.5", "fr;q=0.5, ar;q=0.5",
        "fr;q=0, fr-CA", "fr-CA;q=0, fr", "fr;q=0", "*;q=0.5, fr;q=0.1", "*, ar;q=0.2",
        "fr;q=1.0", "fr;q=1.000", "fr;q=1.001, ar", "fr;q=0.0001, ar", "fr;Q=0.5",
        "fr ; q=0.5", "fr;q=, ar", "fr;q=.5, ar", "fr;level=1, ar", "fr;q=0.5;x=1, ar",
        "fr;q=1., ar;q=0.5", "fr;q=0., ar", "fr;q = 0.5, ar", "fr;q=2, ar", "fr;q=-1, ar",
        "pt_BR, ar", "en-, ar", "-fr, ar", "f, ar", "fr-abcdefghi, ar", "x-private, ar",
        "fr--CA, ar", "abcd, ar", "f\xc3\xa9, ar", "fr\xc3\xa9, ar", "zh-Hant-TW", "zh-Hans",
        "de-CH-1996", "de-CH", "sr-Latn-RS", "pt-BR-x-a", "en-a-bbb", "fr-x-y-z", " fr-CA ;q=0.8 ,\tar",
        "fr\t;\tq=0.3,pl;q=0.2", "en;q=0.9, fr", "en-US, fr;q=0.9",
        ec_arena_printf(v->a, "%s-CA", t0), ec_arena_printf(v->a, "%s;q=0, %s-CA", t0, t0),
        ec_arena_printf(v->a, "%s;q=0.5, %s;q=0.5", tl, t0),
        ec_arena_printf(v->a, "zz;q=0.9, %s;q=0.8, %s", t0, tl)};
    size_t nfixed = sizeof fixed / sizeof fixed[0], n = sizeof accepts / sizeof accepts[0];
    /* At most 64 elements are read: the 65th is not. */
    ec_buf many;
    ec_buf_init(&many);
    for (int i = 0; i < 63; i++)
        ec_buf_puts(&many, "zz, ");
    const char *long63 = ec_arena_printf(v->a, "%.*s%s", (int)many.len, many.data, tl);
    const char *long64 = ec_arena_printf(v->a, "%.*szz, %s", (int)many.len, many.data, tl);
    ec_buf_free(&many);
    ec_builder all;
    ec_builder_init(&all);
    for (size_t set = 0; set < 2; set++) {
        const char *const *avail = set ? fixed : v->available;
        size_t navail = set ? nfixed : v->navailable;
        const char *fallback = set ? "en" : c->source_locale;
        ec_builder l;
        ec_builder_init(&l);
        for (size_t i = 0; i < navail; i++)
            ec_builder_push(&l, ec_vstr(avail[i]));
        ec_value avail_list = ec_builder_list(&l, v->a);
        for (size_t i = 0; i < n + 2; i++) {
            const char *accept = i < n ? accepts[i] : i == n ? long63 : long64;
            ec_builder b;
            ec_builder_init(&b);
            ec_builder_add(&b, "accept", ec_vstr(accept));
            ec_builder_add(&b, "available", avail_list);
            ec_builder_add(&b, "default", ec_vstr(fallback));
            ec_builder_add(&b, "expect", ec_vstr(ec_locale_negotiate(accept, strlen(accept), avail,
                                                                     navail, fallback)));
            ec_builder_push(&all, ec_builder_map(&b, v->a));
        }
    }
    return ec_builder_list(&all, v->a);
}

/* The unit of code 'e' of domain 'dom'. */
static void code_unit(vec *v, const ec_domain *dom, const ec_code *e)
{
    ec_value did = ec_vstr(dom->id);
    /* A retired code is found by no lookup (nothing may raise it again)
    ** but still classifies, below, so old responses are understood. */
    bool retired = e->more->retired != NULL;
    if (want(v, L_LOOKUPS))
        v->item = query(v, "domain", did, "code", code_value(e),
                        retired ? ec_vnull()
                                : expect_entry(v, "code", code_text(v, e), e->name, e->status,
                                               e->message, e->policy, class_of(dom, e)));
    if (want(v, L_NAMES))
        v->item = query(v, "domain", did, "name", ec_vstr(e->name),
                        retired ? ec_vnull() : ec_vstr(code_text(v, e)));
    /* An alias finds the code as its name does. */
    for (uint32_t i = 0; i < e->more->naliases; i++)
        if (want(v, L_NAMES))
            v->item = query(v, "domain", did, "name", ec_vstr(e->more->aliases[i].name),
                            retired ? ec_vnull() : ec_vstr(code_text(v, e)));
    if (!retired) {
        add_decisions(v, "code", code_value(e), &did, e->policy, false);
        add_formats(v, &did, e, false);
        if (v->counting || v->list == L_PRODUCE)
            add_produce(v, dom, e, NULL);
        ec_value who[4] = {ec_vstr("domain"), did, ec_vstr("code"), code_value(e)};
        localize_entry(v, dom, e, NULL, who);
    }
    classify_examples(v, e->more->examples, e->more->nexamples, e->status);
    if (EC_ENVELOPE_PATH(v->c, dom, code) && (v->counting || v->list == L_CLASSIFY))
        code_cases(v, dom, e);
}

static bool listed(const ec_domain *dom, const char *str, int64_t num)
{
    for (size_t j = 0; j < dom->ncodes; j++)
        if (str ? strcmp(dom->codes[j].str, str) == 0 : dom->codes[j].num == num)
            return true;
    return false;
}

/* A code of class 'cl' that its domain does not list, or null when the
** class has none (a few tries: the class's prefix and a tail, or the ends
** of its range). */
static ec_value unlisted_in_class(vec *v, const ec_domain *dom, const ec_class *cl)
{
    static const char *const tails[] = {"~", "ZZZ", "zz9", "_unlisted"};
    for (size_t i = 0; i < 4; i++) {
        if (cl->prefix) {
            const char *s = ec_arena_printf(v->a, "%s%s", cl->prefix, tails[i]);
            if (!listed(dom, s, 0))
                return ec_vstr(s);
        } else {
            int64_t n = i % 2 ? cl->lo + (int64_t)i / 2 : cl->hi - (int64_t)i / 2;
            if (n >= cl->lo && n <= cl->hi && !listed(dom, NULL, n))
                return ec_vint(n);
        }
    }
    return ec_vnull();
}

/* A code that domain 'dom' classifies as its fallback (unlisted, of no
** class, within its range), or null when the few tried are not: a text
** or the ends of the range, then the code after each of the first codes. */
static ec_value unlisted_for_fallback(vec *v, const ec_domain *dom)
{
    static const char *const strs[] = {"NOT_A_LISTED_CODE", "~", "zz9_unlisted"};
    for (size_t i = 0; i < 3 + 16; i++) {
        const char *str = NULL;
        int64_t num = 0;
        if (i < 3 && dom->string_codes)
            str = strs[i];
        else if (i < 2 && dom->has_range)
            num = i ? dom->range_hi : dom->range_lo;
        else if (i >= 3 && i - 3 < dom->ncodes && !dom->string_codes)
            num = dom->codes[i - 3].num + 1;
        else
            continue;
        if (!str && dom->has_range && (num < dom->range_lo || num > dom->range_hi))
            continue;
        if (!listed(dom, str, num) && !ec_domain_class(dom, str, num))
            return str ? ec_vstr(str) : ec_vint(num);
    }
    return ec_vnull();
}

/* The end of a domain: codes it does not list, around its ends and far
** away, and its fallback. */
static void domain_end(vec *v, const ec_domain *dom)
{
    ec_value did = ec_vstr(dom->id);
    int64_t hi = 0, lo = 0;
    for (size_t i = 0; i < dom->ncodes; i++) {
        const ec_code *e = &dom->codes[i];
        if (!i || e->num > hi)
            hi = e->num;
        if (!i || e->num < lo)
            lo = e->num;
    }
    if (EC_ENVELOPE_PATH(v->c, dom, code) && (v->counting || v->list == L_CLASSIFY)) {
        ec_value unknown = dom->string_codes ? ec_vstr("NOT_A_LISTED_CODE") : ec_vint(hi + 1000003);
        ec_value body = body_at(v, EC_ENVELOPE_PATH(v->c, dom, code), unknown);
        add_classify(v, 500, empty_map(v), dom->fallback ? with_params(v, body, dom->fallback) : body,
                     1);
    }
    if (dom->string_codes) {
        static const char *const unknown[] = {"NOT_A_LISTED_CODE", ""};
        for (size_t i = 0; i < 2; i++)
            if (want(v, L_LOOKUPS))
                v->item = query(v, "domain", did, "code", ec_vstr(unknown[i]), ec_vnull());
    } else {
        int64_t unknown[] = {hi + 1, lo - 1, hi + 1000003};
        for (size_t i = 0; i < 3; i++) {
            bool listed = false;
            for (size_t j = 0; j < dom->ncodes && !listed; j++)
                listed = dom->codes[j].num == unknown[i];
            if (!listed && want(v, L_LOOKUPS))
                v->item = query(v, "domain", did, "code", ec_vint(unknown[i]), ec_vnull());
        }
    }
    if (want(v, L_NAMES))
        v->item = query(v, "domain", did, "name", ec_vstr("NO_SUCH_NAME"), ec_vnull());
    /* An unlisted code of each class classifies as the class. */
    for (size_t i = 0; i < dom->nclasses && EC_ENVELOPE_PATH(v->c, dom, code); i++) {
        ec_value unlisted = unlisted_in_class(v, dom, &dom->classes[i]);
        if (unlisted.kind != EC_VNULL && (v->counting || v->list == L_CLASSIFY))
            add_classify(v, 500, empty_map(v),
                         with_params(v, body_at(v, EC_ENVELOPE_PATH(v->c, dom, code), unlisted),
                                     &dom->classes[i].entry),
                         1);
        if (unlisted.kind != EC_VNULL)
            add_decisions(v, "class", unlisted, &did, dom->classes[i].entry.policy, false);
    }
    /* A fallback that fills a parameter from the body: a code it classifies. */
    bool from = false;
    for (size_t i = 0; dom->fallback && i < dom->fallback->more->nparams; i++)
        from |= dom->fallback->more->params[i].from != NULL;
    ec_value other = from && EC_ENVELOPE_PATH(v->c, dom, code) ? unlisted_for_fallback(v, dom) : ec_vnull();
    if (other.kind != EC_VNULL && (v->counting || v->list == L_CLASSIFY))
        add_classify(v, 500, empty_map(v),
                     with_params(v, body_at(v, EC_ENVELOPE_PATH(v->c, dom, code), other), dom->fallback), 1);
    if (dom->fallback) {
        add_decisions(v, "fallback", ec_vbool(true), &did, dom->fallback->policy, true);
        add_formats(v, &did, dom->fallback, true);
        ec_value who[4] = {ec_vstr("domain"), did, ec_vstr("fallback"), ec_vbool(true)};
        localize_entry(v, dom, dom->fallback, NULL, who);
    }
    for (size_t i = 0; i < dom->nclasses && v->c->nlocales; i++) {
        ec_value who[4] = {ec_vstr("domain"), did, ec_vstr("class"),
                           unlisted_in_class(v, dom, &dom->classes[i])};
        if (who[3].kind != EC_VNULL)
            localize_entry(v, dom, &dom->classes[i].entry, &dom->classes[i], who);
    }
}

static void status_unit(vec *v, const ec_status *s)
{
    add_decisions(v, "status", ec_vint(s->status), NULL, s->retry.resolved, true);
    if (s->status >= 400 && (v->counting || v->list == L_PRODUCE))
        add_produce(v, NULL, NULL, s);
    if (v->c->nlocales && (v->counting || v->list == L_L10N)) {
        ec_value who[4] = {ec_vstr("status"), ec_vint(s->status), ec_vnull(), ec_vnull()};
        l10n_texts t = {ec_arena_printf(v->a, "(status %lld)", (long long)s->status), "title",
                        s->title, s->description, s->hint, NULL, NULL};
        add_localized(v, who, &t, NULL, NULL, 0);
    }
    classify_examples(v, s->examples, s->nexamples, s->status);
    add_classify(v, s->status, empty_map(v), empty_map(v), 1);
    condition_cases(v, s->status, empty_map(v), s->retry.resolved);
    const char *h = s->retry.resolved->delay_header;
    if (h && (v->counting || v->list == L_CLASSIFY)) {
        /* Header names compare without case. */
        ec_value lower = body_at(v, ec_ident_spell(v->a, h, EC_CASE_KEBAB), ec_vstr(" 12 "));
        add_classify(v, s->status, lower, ec_vnull(), 2);
        /* Every kind of value, whatever the header's type: each type reads
        ** some and refuses the others. NOW is Sat, 06 Dec 2025 05:46:40 GMT. */
        static const char *const values[] = {
            "120", "0", "-5", "1.5", "99999999999999999999",
            "1765000090",                         /* epoch-seconds: 90 s ahead */
            "1764999000",                         /* epoch-seconds: past */
            "Sat, 06 Dec 2025 06:46:40 GMT",      /* IMF-fixdate: an hour ahead */
            "Saturday, 06-Dec-25 06:46:40 GMT",   /* RFC 850 */
            "Sat Dec  6 06:46:40 2025",           /* asctime */
            "Sat Dec 06 06:46:40 2025",           /* asctime, day in 2 digits */
            " Sat, 06 Dec 2025 05:47:00 GMT\t",   /* blanks around */
            "Sat, 06 Dec 2025 06:46:60 GMT",      /* a leap second */
            "Wed, 21 Oct 2015 07:28:00 GMT",      /* past */
            "Friday, 06-Dec-75 05:46:40 GMT",     /* 2075: 50 years ahead, capped */
            "Monday, 06-Dec-76 05:46:40 GMT",     /* 1976, not 2076 */
            "Sunday, 06-Nov-94 08:49:37 GMT",     /* 1994 */
            "Thursday, 01-Jan-26 00:00:00 GMT",   /* 2026 */
            "Fri, 31 Dec 9999 23:59:59 GMT",      /* far ahead: capped */
            "Tue, 29 Feb 2028 00:00:00 GMT",      /* a leap day */
            "Mon, 29 Feb 2027 00:00:00 GMT",      /* not one: invalid */
            "Sun, 31 Apr 2026 08:49:37 GMT",      /* invalid day */
            "Sat, 06 Dec 2025 24:00:00 GMT",      /* invalid hour */
            "Sat, 06 Dec 2025 06:46:40 UTC",      /* only GMT */
            "Sat, 6 Dec 2025 06:46:40 GMT",       /* IMF-fixdate has 2-digit days */
            "sat, 06 dec 2025 06:46:40 GMT",      /* names are case-sensitive */
            "Sat Dec 6 06:46:40 2025",            /* asctime pads the day */
            "Sat, 06-Dec-25 06:46:40 GMT",        /* RFC 850 spells the day out */
            "Saturday, 06 Dec 2025 06:46:40 GMT", /* IMF-fixdate abbreviates it */
            "Sat, 06 Dec 25 06:46:40 GMT",        /* IMF-fixdate has 4-digit years */
            "tomorrow", ""};
        for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
            add_classify(v, s->status, body_at(v, h, ec_vstr(values[i])), ec_vnull(), 1);
        /* The Date header, when it is a date, is the reference time. */
        static const char *const dated[][2] = {
            {"1765000090", "Sat, 06 Dec 2025 05:45:40 GMT"},
            {"Sat, 06 Dec 2025 06:46:40 GMT", "Sat, 06 Dec 2025 06:46:10 GMT"},
            {"Sat, 06 Dec 2025 06:46:40 GMT", "Saturday, 06-Dec-25 06:00:00 GMT"},
            {"Sat, 06 Dec 2025 06:46:40 GMT", "Sat Dec  6 06:40:00 2025"},
            {"Sat, 06 Dec 2025 06:46:40 GMT", "Sun, 07 Dec 2025 00:00:00 GMT"}, /* past */
            {"Sat, 06 Dec 2025 06:46:40 GMT", "yesterday"}, /* not a date: NOW */
            {"Sunday, 06-Dec-76 05:46:40 GMT", "Sun, 06 Dec 2026 00:00:00 GMT"},
            {"30", "Sat, 06 Dec 2025 06:46:10 GMT"}};
        for (size_t i = 0; i < sizeof dated / sizeof dated[0]; i++) {
            ec_builder b;
            ec_builder_init(&b);
            ec_builder_add(&b, h, ec_vstr(dated[i][0]));
            ec_builder_add(&b, "Date", ec_vstr(dated[i][1]));
            add_classify(v, s->status, ec_builder_map(&b, v->a), ec_vnull(), 1);
        }
    }
}

static void run_unit(vec *v, size_t u)
{
    const ec_catalog *c = v->c;
    v->unit = u;
    for (size_t d = 0; d < c->ndomains; d++) {
        const ec_domain *dom = &c->domains[d];
        if (u < dom->ncodes) {
            code_unit(v, dom, &dom->codes[u]);
            return;
        }
        if (u == dom->ncodes) {
            domain_end(v, dom);
            return;
        }
        u -= dom->ncodes + 1;
    }
    if (u < c->nstatuses)
        status_unit(v, &c->statuses[u]);
    else
        add_classify(v, 418, empty_map(v), ec_vnull(), 1); /* the end */
}

typedef struct vec_list {
    ec_lazy lazy;
    vec *v;
    int list;
} vec_list;

/* Item i of a list: the unit holding it (the last whose first item is at
** or before i) runs again, making that item alone. */
static ec_value make_item(const void *ud, uint32_t i, ec_arena *a)
{
    const vec_list *l = ud;
    vec *v = l->v;
    const uint32_t *first = v->offsets[l->list];
    size_t lo = 0, hi = v->nunits;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (first[mid] <= i)
            lo = mid;
        else
            hi = mid;
    }
    v->a = a;
    v->list = l->list;
    v->wanted = i - first[lo];
    v->seen = 0;
    v->item = ec_vnull();
    run_unit(v, lo);
    return v->item;
}

/* A decode case: what domain number 'd' makes of 'code' as sent. */
static ec_value decode_case(vec *v, size_t d, ec_value code)
{
    const ec_domain *dom = &v->c->domains[d];
    ec_decoded r = ec_decode(v->classifier, d, &code);
    const ec_code *e = r.entry;
    ec_value entry = !e        ? ec_vnull()
                     : r.known ? expect_entry(v, "code", code_text(v, e), e->name, e->status,
                                              e->message, e->policy, class_of(dom, e))
                               : expect_entry(v, "fallback", NULL, NULL, e->status, e->message,
                                              e->policy, r.cls ? r.cls->id : NULL);
    ec_builder x;
    ec_builder_init(&x);
    ec_builder_add(&x, "known", ec_vbool(r.known));
    ec_builder_add(&x, "entry", entry);
    return query(v, "domain", ec_vstr(dom->id), "code", code, ec_builder_map(&x, v->a));
}

/* The decode cases of domain number 'd': a listed code and a retired one
** (as sent, and a numeric one in decimal too), then codes a newer server
** may send: beyond the listed ones, far away, of each class, and text that
** is no number in a numeric domain. Every binding's decode() reads them
** without failing. */
static void decode_cases(vec *v, size_t d, ec_builder *out)
{
    const ec_domain *dom = &v->c->domains[d];
    const ec_code *live = NULL, *retired = NULL;
    for (size_t i = 0; i < dom->ncodes; i++) {
        const ec_code *e = &dom->codes[i];
        if (e->more->retired ? !retired : !live)
            *(e->more->retired ? &retired : &live) = e;
    }
    const ec_code *some[] = {live, retired};
    for (size_t i = 0; i < 2; i++)
        if (some[i]) {
            ec_builder_push(out, decode_case(v, d, code_value(some[i])));
            if (!dom->string_codes)
                ec_builder_push(out, decode_case(v, d, ec_vstr(code_text(v, some[i]))));
        }
    if (dom->string_codes) {
        static const char *const unknown[] = {"NOT_A_LISTED_CODE", "", "not_a_listed_code"};
        for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
            if (!listed(dom, unknown[i], 0))
                ec_builder_push(out, decode_case(v, d, ec_vstr(unknown[i])));
    } else {
        int64_t hi = 0, lo = 0;
        for (size_t i = 0; i < dom->ncodes; i++) {
            hi = !i || dom->codes[i].num > hi ? dom->codes[i].num : hi;
            lo = !i || dom->codes[i].num < lo ? dom->codes[i].num : lo;
        }
        int64_t unknown[] = {hi + 1, lo - 1, -9007199254740991LL, 9007199254740991LL};
        for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
            if (!listed(dom, NULL, unknown[i]))
                ec_builder_push(out, decode_case(v, d, ec_vint(unknown[i])));
        ec_builder_push(out, decode_case(v, d, ec_vstr("x1")));
        /* Next to a listed code, one of no class: the fallback's, if any. */
        for (size_t i = 0; i < dom->ncodes && i < 64; i++) {
            int64_t n = dom->codes[i].num + 1;
            if (!listed(dom, NULL, n) && !ec_domain_class(dom, NULL, n)) {
                ec_builder_push(out, decode_case(v, d, ec_vint(n)));
                break;
            }
        }
    }
    for (size_t i = 0; i < dom->nclasses; i++) {
        ec_value unlisted = unlisted_in_class(v, dom, &dom->classes[i]);
        if (unlisted.kind != EC_VNULL)
            ec_builder_push(out, decode_case(v, d, unlisted));
    }
}

/* The localization cases: the catalog's locales, negotiation, every
** element's texts (the list 'texts') and classify asked for a locale. */
static ec_value l10n_vectors(vec *v, ec_value texts)
{
    const ec_catalog *c = v->c;
    ec_builder b, l, k;
    ec_builder_init(&b);
    ec_builder_add(&b, "source", ec_vstr(c->source_locale));
    ec_builder_init(&l);
    for (size_t i = 0; i < v->navailable; i++)
        ec_builder_push(&l, ec_vstr(v->available[i]));
    ec_builder_add(&b, "locales", ec_builder_list(&l, v->a));
    ec_builder_add(&b, "negotiate", negotiation(v));
    ec_builder_add(&b, "texts", texts);
    ec_builder_init(&k);
    for (size_t q = 0; q < v->nasks; q++) {
        const char *ask = v->asks[q];
        for (size_t d = 0; d < c->ndomains; d++) {
            const ec_domain *dom = &c->domains[d];
            const char *path = EC_ENVELOPE_PATH(c, dom, code);
            if (!path)
                continue;
            /* Its first code that is not retired, an unlisted code of each
            ** class, and one of no class (its fallback, when it has one). */
            for (size_t i = 0; i < dom->ncodes; i++)
                if (!dom->codes[i].more->retired) {
                    const ec_code *e = &dom->codes[i];
                    ec_builder_push(&k, classify_localized(v, e->status ? e->status : 500,
                                                           body_at(v, path, code_value(e)), ask));
                    break;
                }
            /* Each code whose count is read from the body, with every count. */
            for (size_t i = 0; i < dom->ncodes; i++) {
                const ec_code *e = &dom->codes[i];
                ec_value body = with_params(v, body_at(v, path, code_value(e)), e);
                for (size_t j = 0; !e->more->retired && count_from(e) && j < v->ncounts; j++)
                    ec_builder_push(&k, classify_localized(v, e->status ? e->status : 500,
                                                           with_count(v, body, e, j), ask));
            }
            for (size_t i = 0; i < dom->nclasses; i++) {
                ec_value code = unlisted_in_class(v, dom, &dom->classes[i]);
                if (code.kind != EC_VNULL)
                    ec_builder_push(&k, classify_localized(v, 500, body_at(v, path, code), ask));
            }
            ec_value unknown = dom->string_codes ? ec_vstr("NOT_A_LISTED_CODE") : ec_vint(-1000003);
            ec_builder_push(&k, classify_localized(v, 500, body_at(v, path, unknown), ask));
        }
        for (size_t i = 0; i < c->nstatuses; i++)
            ec_builder_push(&k, classify_localized(v, c->statuses[i].status, empty_map(v), ask));
    }
    ec_builder_add(&b, "classify", ec_builder_list(&k, v->a));
    return ec_builder_map(&b, v->a);
}

void ec_vectors_write(const ec_catalog *c, ec_buf *out)
{
    vec v;
    memset(&v, 0, sizeof v);
    v.c = c;
    v.classifier = ec_classifier_new(c);
    for (size_t i = 0; i < c->ndomains; i++)
        v.classes = v.classes || c->domains[i].nclasses;
    for (size_t i = 0; i < c->ndomains; i++)
        v.also = v.also || c->domains[i].secondary;
    v.nunits = 1 + c->nstatuses;
    for (size_t i = 0; i < c->ndomains; i++)
        v.nunits += c->domains[i].ncodes + 1;
    /* Everything in an arena of its own, not the catalog's: targets may
    ** render at once on several threads (the marks below nest above these). */
    ec_arena scratch;
    ec_arena_init(&scratch);
    for (int l = 0; l < NLISTS; l++)
        v.offsets[l] = ec_arena_alloc(&scratch, (v.nunits + 1) * sizeof *v.offsets[l]);
    v.first_grid = ec_arena_alloc(&scratch, (c->npolicies + 1) * sizeof *v.first_grid);
    for (size_t i = 0; i <= c->npolicies; i++)
        v.first_grid[i] = SIZE_MAX;
    if (c->nlocales) {
        v.navailable = c->nlocales + 1;
        v.available = ec_arena_alloc(&scratch, v.navailable * sizeof *v.available);
        v.available[0] = c->source_locale;
        for (size_t i = 0; i < c->nlocales; i++)
            v.available[i + 1] = c->locales[i].tag;
        /* Each translation, a region of the first (which falls back to
        ** it), the source locale, one nobody ships, and a whole header. */
        v.nasks = c->nlocales + 4;
        v.asks = ec_arena_alloc(&scratch, v.nasks * sizeof *v.asks);
        for (size_t i = 0; i < c->nlocales; i++)
            v.asks[i] = c->locales[i].tag;
        v.asks[c->nlocales] = ec_arena_printf(&scratch, "%s-CA", c->locales[0].tag);
        v.asks[c->nlocales + 1] = c->source_locale;
        v.asks[c->nlocales + 2] = "zz";
        v.asks[c->nlocales + 3] =
            ec_arena_printf(&scratch, "zz, %s;q=0.5", c->locales[c->nlocales - 1].tag);
    }
    if (has_plurals(c))
        plural_counts(&v, &scratch);
    /* The counting run: items per unit, then where each unit starts. */
    v.a = &scratch;
    v.counting = true;
    for (size_t u = 0; u < v.nunits; u++) {
        ec_arena_point mark = ec_arena_mark(&scratch);
        run_unit(&v, u);
        ec_arena_release(&scratch, mark);
    }
    v.counting = false;
    for (int l = 0; l < NLISTS; l++)
        for (size_t u = 0; u < v.nunits; u++)
            v.offsets[l][u + 1] += v.offsets[l][u];

    /* The short lists are made now. */
    v.a = &scratch;
    ec_builder statuses, fallbacks, classes, decode;
    ec_builder_init(&decode);
    for (size_t i = 0; i < c->ndomains; i++)
        decode_cases(&v, i, &decode);
    ec_builder_init(&statuses);
    ec_builder_init(&fallbacks);
    ec_builder_init(&classes);
    for (size_t i = 0; i < c->ndomains; i++) {
        const ec_domain *dom = &c->domains[i];
        ec_builder_push(&fallbacks,
                        query(&v, "domain", ec_vstr(dom->id), NULL, ec_vnull(),
                              dom->fallback
                                  ? expect_entry(&v, "fallback", NULL, NULL, dom->fallback->status,
                                                 dom->fallback->message,
                                                 dom->fallback->policy, NULL)
                                  : ec_vnull()));
        /* A class's entry, by a code of the class, listed or not; a code
        ** of no class has none. */
        for (size_t j = 0; j < dom->nclasses; j++) {
            const ec_class *cl = &dom->classes[j];
            ec_value ask[2] = {unlisted_in_class(&v, dom, cl), ec_vnull()};
            for (size_t e = 0; e < dom->ncodes && ask[1].kind == EC_VNULL; e++)
                if (dom->codes[e].cls == (int32_t)j)
                    ask[1] = code_value(&dom->codes[e]);
            for (size_t q = 0; q < 2; q++)
                if (ask[q].kind != EC_VNULL)
                    ec_builder_push(&classes,
                                    query(&v, "domain", ec_vstr(dom->id), "code", ask[q],
                                          expect_entry(&v, "fallback", NULL, NULL,
                                                       cl->entry.status, cl->entry.message,
                                                       cl->entry.policy, cl->id)));
        }
        /* Codes of no class, where there are such. */
        static const int64_t far[] = {-9007199254740991LL, 9007199254740991LL};
        for (size_t q = 0; dom->nclasses && q < 2; q++) {
            const char *s = dom->string_codes ? (q ? "" : "NOT_A_LISTED_CODE") : NULL;
            if (!ec_domain_class(dom, s, far[q]))
                ec_builder_push(&classes, query(&v, "domain", ec_vstr(dom->id), "code",
                                                s ? ec_vstr(s) : ec_vint(far[q]), ec_vnull()));
        }
    }
    for (size_t i = 0; i < c->nstatuses; i++) {
        const ec_status *s = &c->statuses[i];
        ec_builder_push(&statuses,
                        query(&v, "status", ec_vint(s->status), NULL, ec_vnull(),
                              expect_entry(&v, "status",
                                           ec_arena_printf(v.a, "%lld", (long long)s->status),
                                           NULL, s->status, s->title, s->retry.resolved,
                                           NULL)));
    }
    static const int64_t unlisted[] = {99, 100, 299, 418, 599, 600};
    for (size_t i = 0; i < sizeof unlisted / sizeof unlisted[0]; i++) {
        bool listed = false;
        for (size_t j = 0; j < c->nstatuses && !listed; j++)
            listed = c->statuses[j].status == unlisted[i];
        if (!listed)
            ec_builder_push(&statuses, query(&v, "status", ec_vint(unlisted[i]), NULL,
                                             ec_vnull(), ec_vnull()));
    }
    vec_list lists[NLISTS];
    ec_value lazy[NLISTS];
    for (int l = 0; l < NLISTS; l++) {
        lists[l] = (vec_list){{make_item, &lists[l]}, &v, l};
        lazy[l] = (ec_value){.kind = EC_VLAZY, .len = v.offsets[l][v.nunits],
                             .u.lazy = &lists[l].lazy};
    }
    ec_builder top, l;
    ec_builder_init(&top);
    ec_builder_add(&top, "catalog", ec_vstr(c->id));
    ec_builder_add(&top, "now", ec_vint(NOW));
    ec_builder_init(&l);
    for (size_t i = 0; i < c->ndomains; i++)
        ec_builder_push(&l, ec_vstr(c->domains[i].id));
    ec_builder_add(&top, "domains", ec_builder_list(&l, &scratch));
    ec_builder_add(&top, list_names[L_LOOKUPS], lazy[L_LOOKUPS]);
    ec_builder_add(&top, list_names[L_NAMES], lazy[L_NAMES]);
    ec_builder_add(&top, "statuses", ec_builder_list(&statuses, &scratch));
    ec_builder_add(&top, "fallbacks", ec_builder_list(&fallbacks, &scratch));
    if (v.classes)
        ec_builder_add(&top, "classes", ec_builder_list(&classes, &scratch));
    else
        ec_builder_discard(&classes);
    ec_builder_add(&top, "decode", ec_builder_list(&decode, &scratch));
    ec_builder_add(&top, list_names[L_DECISIONS], lazy[L_DECISIONS]);
    ec_builder_add(&top, list_names[L_FORMATS], lazy[L_FORMATS]);
    ec_builder_add(&top, list_names[L_CLASSIFY], lazy[L_CLASSIFY]);
    ec_builder_add(&top, list_names[L_PRODUCE], lazy[L_PRODUCE]);
    if (c->nlocales)
        ec_builder_add(&top, "l10n", l10n_vectors(&v, lazy[L_L10N]));
    ec_value tree = ec_builder_map(&top, &scratch);
    ec_json_write(&tree, out);
    ec_arena_free(&scratch);
    ec_classifier_free(v.classifier);
}
