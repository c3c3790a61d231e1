/* validate.c: one static function per rule. An entry's checks stop at its
** first error so that one mistake does not cascade. */
#include "validate.h"

#include "alloc.h"
#include "codeindex.h"
#include "docurl.h"
#include "ident.h"
#include "l10n.h"
#include "msg.h"
#include "phash.h"
#include "sort.h"

#include <stdlib.h>
#include <string.h>

typedef struct checker {
    ec_catalog *c;
    ec_diag *d;
} checker;

static bool is_id(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z'))
        return false;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static bool is_kebab(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z'))
        return false;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

static const ec_header *find_header(const ec_catalog *c, const char *name)
{
    for (size_t i = 0; i < c->nheaders; i++)
        if (ec_header_cmp(c->headers[i].name, name) == 0)
            return &c->headers[i];
    return NULL;
}

static bool check_catalog_meta(checker *k)
{
    const ec_catalog *c = k->c;
    if (!is_id(c->id)) {
        ec_error(k->d, c->id_at, "catalog id '%s' must match [a-z][a-z0-9_]*", c->id);
        return false;
    }
    if (c->docs_url && strncmp(c->docs_url, "https://", 8) != 0 &&
        strncmp(c->docs_url, "http://", 7) != 0) {
        ec_error(k->d, c->docs_url_at, "docs_url '%s' must be an absolute http(s) URL",
                 c->docs_url);
        return false;
    }
    if (c->docs_url_template && !ec_docurl_check(c->docs_url_template, c->docs_url_template_at, k->d))
        return false;
    return true;
}

/* A path is segments joined by '.'; a segment is a member name (no '.',
** '[' or ']', not all digits) and then any number of '[N]' (element N of
** an array) or '[*]' (the first element that holds the rest of the path). */
static bool check_path(checker *k, const char *path, const char *role, ec_loc at)
{
    if (!path)
        return true;
    size_t n = strlen(path);
    if (!n || path[0] == '.' || path[n - 1] == '.' || strstr(path, "..")) {
        ec_error(k->d, at, "%s path '%s' must be dot-separated field names", role, path);
        return false;
    }
    for (const char *seg = path; *seg;) {
        size_t len = strcspn(seg, ".[]");
        /* 'errors.0.code' would read a member named "0", never an array's
        ** first element: a body whose errors are a list would silently
        ** match nothing. Say so rather than accept it. */
        if (len && strspn(seg, "0123456789") >= len) {
            ec_error(k->d, at,
                     "%s path '%s': '%.*s' is not a field name; paths read the members "
                     "of JSON objects: write '[%.*s]' after the array's name for its element",
                     role, path, (int)len, seg, (int)len, seg);
            return false;
        }
        const char *p = seg + len;
        while (len && *p == '[') {
            size_t d = strspn(p + 1, "0123456789");
            bool ok = p[1] == '*' ? p[2] == ']' : d && d <= 9 && p[1 + d] == ']';
            if (!ok)
                break;
            p += p[1] == '*' ? 3 : d + 2;
        }
        if (!len || (*p && *p != '.') || (*p == '.' && !p[1])) {
            ec_error(k->d, at,
                     "%s path '%s': '%.*s' is not a member name followed by '[N]' or "
                     "'[*]'",
                     role, path, (int)(strcspn(p, ".") + (size_t)(p - seg)), seg);
            return false;
        }
        seg = *p ? p + 1 : p;
    }
    return true;
}

/* A header the response carries: declared, and not a request header. */
static const ec_header *response_header(checker *k, const char *name, ec_loc at,
                                        const char *what)
{
    const ec_header *h = find_header(k->c, name);
    if (!h) {
        ec_error(k->d, at, "%s names undeclared header '%s'", what, name);
        return NULL;
    }
    if (h->direction == EC_DIR_REQUEST) {
        ec_error(k->d, at, "%s names request header '%s', which the server never sends", what,
                 name);
        ec_note(k->d, h->at, "declared here");
        return NULL;
    }
    return h;
}

/* Echoed headers: response headers, each once, none spelt as an echoed
** body path (both are keys of one echo map). */
static void check_echo_headers(checker *k, const ec_envelope *e)
{
    for (size_t i = 0; i < e->necho_headers; i++) {
        const char *h = e->echo_headers[i];
        if (!response_header(k, h, e->at, "envelope echo_headers"))
            continue;
        for (size_t j = 0; j < i; j++)
            if (ec_header_cmp(e->echo_headers[j], h) == 0)
                ec_error(k->d, e->at, "envelope echo_headers lists '%s' twice", h);
        for (size_t j = 0; j < e->necho; j++)
            if (strcmp(e->echo[j], h) == 0)
                ec_error(k->d, e->at,
                         "envelope echoes both the body path and the header '%s': they would "
                         "share one key of the echo map",
                         h);
    }
}

/* The effective paths of the envelope of domain 'dom' (NULL: the
** catalog's), each with its role; returns how many, at most 5 + echo. */
typedef struct role_path {
    const char *path, *role;
    bool own; /* the domain's own, not the catalog's */
} role_path;

static size_t envelope_paths(const ec_catalog *c, const ec_domain *dom, role_path *out)
{
    const ec_envelope *e = &c->envelope, *o = dom ? &dom->envelope : NULL;
    size_t n = 0;
#define PATH(f)                                                              \
    if (o && o->f)                                                           \
        out[n++] = (role_path){o->f, #f, true};                              \
    else if (e->f)                                                           \
        out[n++] = (role_path){e->f, #f, false};
    PATH(code)
    PATH(message)
    PATH(details)
    PATH(status)
    PATH(title)
#undef PATH
    bool own = o && o->necho;
    const ec_envelope *x = own ? o : e;
    for (size_t i = 0; i < x->necho; i++)
        out[n++] = (role_path){x->echo[i], "echo", own};
    return n;
}

/* Two valid paths that read one member, the one with [N] or [*] (an
** array) and the other with .name (an object): one of them can never
** match. Returns the length of the member's path, or 0. */
static size_t shape_clash(const char *a, const char *b)
{
    size_t i = 0;
    while (a[i] && a[i] == b[i])
        i++;
    bool clash = (a[i] == '[' && b[i] == '.') || (a[i] == '.' && b[i] == '[');
    return clash ? i : 0;
}

/* The envelope of domain 'dom' (NULL: the catalog's) as one body reads
** it: the catalog's paths are checked once, with the catalog's. */
static void check_envelope_shapes(checker *k, const ec_domain *dom)
{
    const ec_envelope *base = &k->c->envelope;
    size_t max = 5 + (dom && dom->envelope.necho > base->necho ? dom->envelope.necho : base->necho);
    role_path *p = ec_xmalloc(max * sizeof *p);
    size_t n = envelope_paths(k->c, dom, p);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            size_t len = shape_clash(p[i].path, p[j].path);
            if (!len || (dom && !p[i].own && !p[j].own))
                continue;
            ec_loc at = dom && dom->envelope.present ? dom->envelope.at : base->at;
            bool array = p[i].path[len] == '[';
            ec_error(k->d, at,
                     "envelope %s path '%s' reads '%.*s' as %s, its %s path '%s' as %s: a "
                     "value is one or the other, so one of the two never matches",
                     p[i].role, p[i].path, (int)len, p[i].path, array ? "an array" : "an object",
                     p[j].role, p[j].path, array ? "an object" : "an array");
        }
    free(p);
}

static void check_envelope(checker *k, const ec_envelope *e)
{
    if (!e->present)
        return;
    check_path(k, e->code, "envelope code", e->at);
    check_path(k, e->message, "envelope message", e->at);
    check_path(k, e->details, "envelope details", e->at);
    check_path(k, e->status, "envelope status", e->at);
    check_path(k, e->title, "envelope title", e->at);
    for (size_t i = 0; i < e->necho; i++)
        check_path(k, e->echo[i], "envelope echo", e->at);
    check_echo_headers(k, e);
}

static void check_headers(checker *k)
{
    const ec_catalog *c = k->c;
    size_t first = 0; /* sorted: duplicates follow the first of their name */
    for (size_t i = 1; i < c->nheaders; i++) {
        if (ec_header_cmp(c->headers[i].name, c->headers[first].name) != 0) {
            first = i;
            continue;
        }
        ec_error(k->d, c->headers[i].at, "header '%s' is defined twice", c->headers[i].name);
        ec_note(k->d, c->headers[first].at, "first defined here");
    }
}

/* The idempotency key: a request header the client sends again, unchanged,
** when it repeats the request; only an idempotent policy has one. */
static bool check_idempotency_key(checker *k, const ec_policy *p, const char *what)
{
    if (!p->idempotency_key)
        return true;
    const ec_header *h = find_header(k->c, p->idempotency_key);
    if (!h) {
        ec_error(k->d, p->idempotency_key_at,
                 "retry policy '%s' names undeclared header '%s' as its idempotency key", what,
                 p->idempotency_key);
        return false;
    }
    if (h->direction == EC_DIR_RESPONSE) {
        ec_error(k->d, p->idempotency_key_at,
                 "retry policy '%s' names response header '%s' as its idempotency key, a header "
                 "the client sends: declare it direction: request (or both)",
                 what, p->idempotency_key);
        ec_note(k->d, h->at, "declared here");
        return false;
    }
    if (!p->idempotent) {
        ec_error(k->d, p->idempotency_key_at,
                 "retry policy '%s' has an idempotency key but is not idempotent: set "
                 "idempotent: true, since the key is what makes repeating the request safe",
                 what);
        return false;
    }
    return true;
}

static bool resolve_policy(checker *k, ec_policy_ref *r, const ec_policy *inherit);

/* A policy's conditions: each reads a response header and hands the
** decision to a policy that has no conditions of its own (one level: the
** first condition that holds decides, nothing chains). */
static bool check_conditions(checker *k, const ec_policy *p, const char *what)
{
    bool ok = true;
    for (size_t i = 0; i < p->nwhen; i++) {
        ec_condition *w = &p->when[i];
        char *ctx = ec_arena_printf(&k->c->arena, "a condition of retry policy '%s'", what);
        if (!response_header(k, w->header, w->header_at, ctx) ||
            !resolve_policy(k, &w->then, NULL)) {
            ok = false;
            continue;
        }
        if (w->then.resolved->nwhen) {
            ec_error(k->d, w->then.at,
                     "a condition of retry policy '%s' hands the decision to a policy with "
                     "conditions of its own; conditions do not chain: move them into '%s'",
                     what, what);
            ok = false;
        }
    }
    return ok;
}

static void check_policy(checker *k, const ec_policy *p)
{
    const char *what = p->name ? p->name : "inline";
    if (!check_idempotency_key(k, p, what) || !check_conditions(k, p, what))
        return;
    const ec_header *h = p->delay_header ? find_header(k->c, p->delay_header) : NULL;
    if (p->delay_header && !h) {
        ec_error(k->d, p->delay_header_at, "retry policy '%s' names undeclared header '%s'", what,
                 p->delay_header);
        return;
    }
    if (h && h->direction == EC_DIR_REQUEST) {
        ec_error(k->d, p->delay_header_at,
                 "retry policy '%s' reads its delay from request header '%s', which the server "
                 "never sends: a delay header is a response header",
                 what, p->delay_header);
        ec_note(k->d, h->at, "declared here");
        return;
    }
    if (h && h->type != EC_HDR_SECONDS && h->type != EC_HDR_EPOCH_SECONDS &&
        h->type != EC_HDR_HTTP_DATE) {
        ec_error(k->d, p->delay_header_at,
                 "retry policy '%s' reads its delay from header '%s' of type %s, which gives no "
                 "delay: declare it seconds, epoch-seconds or http-date",
                 what, p->delay_header, ec_header_type_names[h->type]);
        ec_note(k->d, h->at, "declared here");
        return;
    }
    if (h) /* the validator completes the model, as it resolves references */
        ((ec_policy *)p)->delay_type = h->type;
    if (p->max_ms && p->default_ms > p->max_ms) {
        ec_error(k->d, p->default_ms_at, "retry policy '%s' has default_ms %lld above max_ms %lld",
                 what, (long long)p->default_ms, (long long)p->max_ms);
        return;
    }
    bool delays = p->delay_header || p->default_ms || p->max_ms || p->backoff;
    if (p->retry == EC_RETRY_NEVER && (delays || p->max_attempts))
        ec_warning(k->d, p->at, "retry policy '%s' never retries, so its delay and attempts "
                                "have no effect", what);
}

static int cmp_policy(const void *a, const void *b)
{
    return strcmp(((const ec_policy *)a)->name, ((const ec_policy *)b)->name);
}

static int cmp_header(const void *a, const void *b)
{
    return ec_header_cmp(((const ec_header *)a)->name, ((const ec_header *)b)->name);
}

/* Outputs list headers and policies by name, whatever the order in which
** files were included (stable sorts keep duplicates in file order, so the
** note still points at the first). Runs before anything refers to them. */
static void sort_named(checker *k)
{
    ec_catalog *c = k->c;
    ec_stable_sort(c->headers, c->nheaders, sizeof *c->headers, cmp_header);
    ec_stable_sort(c->policies, c->npolicies, sizeof *c->policies, cmp_policy);
}

static void check_policies(checker *k)
{
    const ec_catalog *c = k->c;
    size_t first = 0; /* sorted: duplicates follow the first of their name */
    for (size_t i = 0; i < c->npolicies; i++) {
        if (i && strcmp(c->policies[i].name, c->policies[first].name) == 0) {
            ec_error(k->d, c->policies[i].at, "retry policy '%s' is defined twice",
                     c->policies[i].name);
            ec_note(k->d, c->policies[first].at, "first defined here");
            continue;
        }
        first = i;
        check_policy(k, &c->policies[i]);
    }
}

static const char *nearest_policy(const ec_catalog *c, const char *name)
{
    ec_suggester s;
    ec_suggest_begin(&s, name);
    for (size_t i = 0; i < c->npolicies; i++)
        ec_suggest_consider(&s, c->policies[i].name);
    return ec_suggest_result(&s);
}

/* Resolves 'r' (falling back to 'inherit'), returns false on error. */
static bool resolve_policy(checker *k, ec_policy_ref *r, const ec_policy *inherit)
{
    if (r->inline_policy) {
        check_policy(k, r->inline_policy);
        r->resolved = r->inline_policy;
        return true;
    }
    if (!r->name) {
        r->resolved = inherit ? inherit : &ec_default_policy;
        return true;
    }
    for (size_t i = 0; i < k->c->npolicies; i++)
        if (strcmp(k->c->policies[i].name, r->name) == 0) {
            r->resolved = &k->c->policies[i];
            return true;
        }
    const char *near = nearest_policy(k->c, r->name);
    for (int i = 0; ec_retry_names[i]; i++)
        if (strcmp(ec_retry_names[i], r->name) == 0) {
            ec_error(k->d, r->at, "unknown retry policy '%s'; '%s' is a retry value: write "
                                  "retry: {retry: %s}", r->name, r->name, r->name);
            return false;
        }
    if (near)
        ec_error(k->d, r->at, "unknown retry policy '%s'; did you mean '%s'?", r->name, near);
    else
        ec_error(k->d, r->at, "unknown retry policy '%s'", r->name);
    return false;
}

/* Statuses whose retries must wait: retrying at once only makes it worse. */
static bool needs_delay(int64_t status)
{
    return status == 429 || status == 503;
}

/* Only always and after-action retry automatically (see FORMAT.md). */
static bool has_delay_source(const ec_policy *p)
{
    return (p->retry != EC_RETRY_ALWAYS && p->retry != EC_RETRY_AFTER_ACTION) ||
           p->delay_header || p->default_ms;
}

/* One policy, without its conditions. A reference that did not resolve has
** had its error already, and conditions do not chain (check_conditions
** says so), so neither is followed here: following a chain that loops
** back would never end. */
static bool check_one_delay(checker *k, int64_t status, const ec_policy_ref *r, ec_loc at)
{
    if (!r->resolved || !needs_delay(status) || has_delay_source(r->resolved))
        return true;
    ec_error(k->d, at, "status %lld is retried without a delay: give its retry policy a "
                       "delay header or default_ms", (long long)status);
    if (r->name)
        ec_note(k->d, r->resolved->at, "retry policy '%s' is defined here", r->name);
    return false;
}

static bool check_delay_source(checker *k, int64_t status, const ec_policy_ref *r, ec_loc at)
{
    /* A condition's policy decides for the same response. */
    for (size_t i = 0; r->resolved && i < r->resolved->nwhen; i++)
        if (!check_one_delay(k, status, &r->resolved->when[i].then, at))
            return false;
    return check_one_delay(k, status, r, at);
}

static int cmp_status(const void *a, const void *b)
{
    const ec_status *x = a, *y = b;
    return (x->status > y->status) - (x->status < y->status);
}

/* Bindings name statuses after their titles (NOT_FOUND, NotFound): the
** names must be identifiers, and distinct however they are spelled. */
static void check_status_names(checker *k)
{
    ec_catalog *c = k->c;
    const char **camel = ec_xmalloc((c->nstatuses + 1) * sizeof *camel);
    for (size_t i = 0; i < c->nstatuses; i++) {
        const ec_status *s = &c->statuses[i];
        const char *upper = ec_ident_spell(&c->arena, s->title, EC_CASE_UPPER);
        camel[i] = ec_ident_spell(&c->arena, s->title, EC_CASE_CAMEL);
        if (!*s->title) {
            camel[i] = "";
            continue; /* reported: no title */
        }
        if (!ec_ident_valid(upper)) {
            ec_error(k->d, s->at, "status %lld's title '%s' gives no identifier (%s); begin it "
                                  "with a letter", (long long)s->status, s->title, upper);
            continue;
        }
        for (size_t j = 0; j < i; j++) /* at most 500 statuses */
            if (*camel[j] && strcmp(camel[i], camel[j]) == 0) {
                ec_error(k->d, s->at, "statuses %lld and %lld would both be named %s; give one "
                                      "another title", (long long)c->statuses[j].status,
                         (long long)s->status, upper);
                ec_note(k->d, c->statuses[j].at, "the other is here");
                break;
            }
    }
    free(camel);
}

static void check_statuses(checker *k)
{
    ec_catalog *c = k->c;
    qsort(c->statuses, c->nstatuses, sizeof *c->statuses, cmp_status);
    c->statuses_sorted = true;
    for (size_t i = 0; i < c->nstatuses; i++) {
        ec_status *s = &c->statuses[i];
        if (!*s->title) {
            ec_error(k->d, s->at, "status %lld has no title and no registry gives one",
                     (long long)s->status);
            continue;
        }
        bool ok = true;
        for (size_t h = 0; h < s->nheaders && ok; h++) {
            const ec_header *hd = find_header(c, s->headers[h].s);
            if (!hd) {
                ec_error(k->d, s->headers[h].at, "status %lld names undeclared header '%s'",
                         (long long)s->status, s->headers[h].s);
                ok = false;
            } else if (hd->direction == EC_DIR_REQUEST) {
                ec_error(k->d, s->headers[h].at,
                         "status %lld lists request header '%s': a status lists the headers "
                         "its response carries",
                         (long long)s->status, s->headers[h].s);
                ec_note(k->d, hd->at, "declared here");
                ok = false;
            }
        }
        if (ok && resolve_policy(k, &s->retry, NULL))
            check_delay_source(k, s->status, &s->retry, s->retry.at.file ? s->retry.at : s->at);
    }
}

static bool check_examples(checker *k, const ec_example *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (x[i].status && !ec_catalog_status(k->c, x[i].status)) {
            ec_error(k->d, x[i].status_at, "example has status %lld, which the catalog does not list",
                     (long long)x[i].status);
            return false;
        }
    return true;
}

/* The placeholders of one text of e's message (the message, or one of its
** plural forms, written at 'at'), marking the params it uses in 'used'. */
static bool check_placeholders(checker *k, const ec_code *e, bool fallback, const char *text,
                               ec_loc at, bool *used)
{
    const char *cur = text;
    ec_msg_part part;
    ec_msg_status st;
    bool ok = true;
    while (ok && (st = ec_msg_next(text, &cur, &part)) != EC_MSG_END) {
        if (st == EC_MSG_BAD) {
            const char *bad = text + part.offset;
            size_t n = strcspn(bad, "} ");
            ec_error(k->d, at, "malformed placeholder '%.*s%s' in the message; write "
                               "${name}, or $$ for a literal $",
                     (int)(n > 24 ? 24 : n), bad, bad[n] == '}' ? "}" : "");
            ok = false;
            break;
        }
        if (!part.is_param)
            continue;
        bool found = false;
        for (size_t i = 0; i < e->more->nparams && !found; i++)
            if (strlen(e->more->params[i].name) == part.len &&
                memcmp(e->more->params[i].name, part.text, part.len) == 0)
                found = used[i] = true;
        if (!found && fallback && part.len == 4 && memcmp(part.text, "code", 4) == 0)
            found = true;
        if (!found) {
            ec_error(k->d, at, "placeholder '${%.*s}' is not declared in params",
                     (int)part.len, part.text);
            ok = false;
        }
    }
    return ok;
}

/* "one, other": the categories of 'rules', for a diagnostic. */
static const char *category_list(checker *k, const ec_plural_set *rules)
{
    const char *s = "";
    for (int p = 0; p < EC_NPLURALS; p++)
        if (rules->rules[p] || p == EC_PLURAL_OTHER)
            s = ec_arena_printf(&k->c->arena, "%s%s%s", s, *s ? ", " : "",
                                ec_plural_name((ec_plural)p));
    return s;
}

/* A message with plural forms: its count is an integer parameter, and
** each form it writes is a category of the source locale's rules. */
static bool check_forms(checker *k, const ec_code *e)
{
    const ec_forms *f = e->more->forms;
    const ec_param *count = NULL;
    for (size_t i = 0; i < e->more->nparams && !count; i++)
        if (!strcmp(e->more->params[i].name, f->count))
            count = &e->more->params[i];
    if (!count) {
        ec_error(k->d, f->count_at, "the count '%s' of the plural forms is not declared in "
                                    "params; declare it {type: integer}", f->count);
        return false;
    }
    if (count->type != EC_PARAM_INTEGER) {
        ec_error(k->d, f->count_at, "the count '%s' of the plural forms is a %s parameter; "
                                    "plural categories choose by an integer",
                 f->count, ec_param_type_names[count->type]);
        ec_note(k->d, count->at, "declared here");
        return false;
    }
    const char *tag = k->c->source_locale ? k->c->source_locale : "en";
    const ec_plural_set *rules = ec_plural_rules(tag);
    bool ok = true;
    for (int p = 0; p < EC_PLURAL_OTHER; p++)
        if (f->form[p] && !rules->rules[p]) {
            ec_error(k->d, f->at[p], "'%s' is not a plural category of the source locale '%s' "
                                     "(CLDR's rules have %s)",
                     ec_plural_name((ec_plural)p), tag, category_list(k, rules));
            ok = false;
        }
    return ok;
}

/* Placeholders must be exactly the declared params (plus ${code} in a
** fallback, where it is the unknown code itself): each used by the
** message, or by one of its plural forms. */
static bool check_message(checker *k, const ec_code *e, bool fallback)
{
    bool *used = calloc(e->more->nparams + 1, sizeof *used);
    bool ok = true;
    if (e->more->forms) {
        for (int p = 0; p < EC_NPLURALS && ok; p++)
            if (e->more->forms->form[p])
                ok = check_placeholders(k, e, fallback, e->more->forms->form[p], e->more->forms->at[p], used);
        ok = ok && check_forms(k, e);
        /* The count chooses the form even where no form shows it. */
        for (size_t i = 0; i < e->more->nparams; i++)
            used[i] = used[i] || !strcmp(e->more->params[i].name, e->more->forms->count);
    } else {
        ok = check_placeholders(k, e, fallback, e->message, ec_code_at(e, EC_AT_MESSAGE), used);
    }
    for (size_t i = 0; ok && i < e->more->nparams; i++) {
        if (fallback && strcmp(e->more->params[i].name, "code") == 0) {
            ec_error(k->d, e->more->params[i].at, "a fallback's parameter 'code' is implicit: "
                                            "it is the unknown code; remove it from params");
            ok = false;
        } else if (!ec_ident_valid(e->more->params[i].name)) {
            ec_error(k->d, e->more->params[i].at, "parameter name '%s' is not an identifier",
                     e->more->params[i].name);
            ok = false;
        } else if (!used[i]) {
            ec_error(k->d, e->more->params[i].at, "parameter '%s' is not used in the message",
                     e->more->params[i].name);
            ok = false;
        } else if (e->more->params[i].from) {
            ok = check_path(k, e->more->params[i].from,
                            ec_arena_printf(&k->c->arena, "parameter '%s' reads a",
                                            e->more->params[i].name),
                            e->more->params[i].from_at);
        }
    }
    free(used);
    return ok;
}

static bool check_ui(checker *k, const ec_ui *ui)
{
    for (size_t i = 0; i < ui->nactions; i++)
        if (!is_kebab(ui->actions[i])) {
            ec_error(k->d, ui->actions_at[i], "ui action '%s' must match [a-z][a-z0-9-]*",
                     ui->actions[i]);
            return false;
        }
    return true;
}

static void check_name(checker *k, const ec_code *e)
{
    const char *word;
    const char *lang = ec_ident_keyword_clash(e->name, &word);
    if (lang)
        ec_warning(k->d, ec_code_at(e, EC_AT_NAME),
                   "name '%s' is spelled '%s' in %s, a reserved word; "
                   "generated code uses '%s_'", e->name, word, lang, e->name);
}

/* The checks of one code or fallback. Each check reports its own errors,
** so that one run shows them all; only the delay check, which needs the
** resolved policy and the status, waits for those. */
static bool check_entry(checker *k, ec_domain *dom, ec_code *e, bool fallback)
{
    const ec_catalog *c = k->c;
    const ec_status *st = NULL;
    bool ok = true;
    if (!fallback) {
        if (!ec_ident_valid(e->name)) {
            ec_error(k->d, ec_code_at(e, EC_AT_NAME),
                     "name '%s' is not an identifier ([A-Za-z][A-Za-z0-9_]*)%s",
                     e->name, e->is_string ? "; give the code a 'name'" : "");
            ok = false;
        }
        /* Every binding must hold a code exactly: JavaScript's numbers stop
        ** at 2^53. */
        if (!e->is_string && (e->num > 9007199254740991LL || e->num < -9007199254740991LL)) {
            ec_error(k->d, ec_code_at(e, EC_AT_CODE),
                     "code %lld is beyond +/-(2^53 - 1), which not every "
                     "language holds exactly; use a string domain",
                     (long long)e->num);
            ok = false;
        }
        /* CODE: Go names a domain's code type <Domain>Code; errors.H: the
        ** C header's include guard is <ID>_ERRORS_H. */
        if (strcmp(e->name, "CODE") == 0 ||
            (strcmp(e->name, "H") == 0 && strcmp(dom->id, "errors") == 0)) {
            ec_error(k->d, ec_code_at(e, EC_AT_NAME),
                     "name '%s' is reserved in domain '%s': generated code "
                     "uses it; give the code another 'name'", e->name, dom->id);
            ok = false;
        }
        if (dom->has_range && !e->is_string && (e->num < dom->range_lo || e->num > dom->range_hi)) {
            ec_error(k->d, ec_code_at(e, EC_AT_CODE),
                     "code %lld is outside the range [%lld, %lld] of domain '%s'",
                     (long long)e->num, (long long)dom->range_lo, (long long)dom->range_hi,
                     dom->id);
            ec_note(k->d, dom->range_at, "the range is declared here");
            ok = false;
        }
    }
    if (e->status) {
        st = ec_catalog_status(c, e->status);
        if (!st) {
            ec_error(k->d, ec_code_at(e, EC_AT_STATUS), "status %lld is not one the catalog lists",
                     (long long)e->status);
            ok = false;
        }
    }
    ok = check_message(k, e, fallback) && ok;
    ok = check_ui(k, e->more->ui) && ok;
    ok = check_examples(k, e->more->examples, e->more->nexamples) && ok;
    const ec_policy *inherit = st ? st->retry.resolved : NULL;
    if (e->more == &ec_no_more) {
        e->policy = inherit ? inherit : &ec_default_policy;
    } else {
        /* The loader's 'more' is this code's own, in the arena: only the
        ** shared ec_no_more is truly const. */
        ec_policy_ref *r = &((ec_code_more *)e->more)->retry;
        if (!resolve_policy(k, r, inherit))
            return false;
        e->policy = r->resolved;
        /* An inherited policy was checked with its status: no second error. */
        bool own = r->name || r->inline_policy;
        if (st && own && !check_delay_source(k, st->status, r, r->at))
            return false;
    }
    if (ok && !fallback)
        check_name(k, e);
    return ok;
}

/* A name of a domain's code, or one of its aliases (alias >= 0), indexed
** by its camelCase spelling: aliases share the names' rules. */
typedef struct name_slot {
    const char *spelled;
    int32_t code, alias;
} name_slot;

static const char *name_of(const ec_domain *dom, const name_slot *n)
{
    const ec_code *e = &dom->codes[n->code];
    return n->alias < 0 ? e->name : e->more->aliases[n->alias].name;
}

static ec_loc name_at(const ec_domain *dom, const name_slot *n)
{
    const ec_code *e = &dom->codes[n->code];
    return n->alias < 0 ? ec_code_at(e, EC_AT_NAME) : e->more->aliases[n->alias].at;
}

/* An alias is an identifier, not reserved, and spelled like no other name
** or alias of the domain. */
static void check_aliases(checker *k, const ec_domain *dom)
{
    size_t n = 0;
    for (size_t i = 0; i < dom->ncodes; i++)
        n += dom->codes[i].more->naliases;
    if (!n)
        return;
    /* The camelCase of each code's name; they go with the check. */
    ec_arena scratch;
    ec_arena_init(&scratch);
    const char **spelled = ec_arena_alloc(&scratch, dom->ncodes * sizeof *spelled);
    for (size_t i = 0; i < dom->ncodes; i++)
        spelled[i] = dom->codes[i].name
                         ? ec_ident_spell(&scratch, dom->codes[i].name, EC_CASE_CAMEL)
                         : "";
    size_t cap = 16;
    while (cap < 2 * (n + dom->ncodes))
        cap *= 2;
    name_slot *slots = ec_xmalloc(cap * sizeof *slots);
    memset(slots, 0, cap * sizeof *slots);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < dom->ncodes; i++) {
            const ec_code *e = &dom->codes[i];
            for (int32_t a = pass ? 0 : -1; a < (pass ? (int32_t)e->more->naliases : 0); a++) {
                name_slot me = {a < 0 ? spelled[i] : NULL, (int32_t)i, a};
                const char *name = name_of(dom, &me);
                if (!name || !*spelled[i])
                    continue; /* the names' checks reported it */
                if (a >= 0 && !ec_ident_valid(name)) {
                    ec_error(k->d, e->more->aliases[a].at,
                             "alias '%s' of %s is not an identifier ([A-Za-z][A-Za-z0-9_]*)",
                             name, e->name);
                    continue;
                }
                if (a >= 0 && strcmp(name, "CODE") == 0) {
                    ec_error(k->d, e->more->aliases[a].at,
                             "alias 'CODE' of %s is reserved: generated code uses it", e->name);
                    continue;
                }
                if (a >= 0)
                    me.spelled = ec_ident_spell(&k->c->arena, name, EC_CASE_CAMEL);
                size_t h = ec_hash_str(me.spelled, strlen(me.spelled)) & (cap - 1);
                while (slots[h].spelled && strcmp(slots[h].spelled, me.spelled) != 0)
                    h = (h + 1) & (cap - 1);
                if (!slots[h].spelled) {
                    slots[h] = me;
                    const char *word, *lang;
                    if (a >= 0 && (lang = ec_ident_keyword_clash(name, &word)))
                        ec_warning(k->d, e->more->aliases[a].at,
                                   "alias '%s' is spelled '%s' in %s, a reserved word; generated "
                                   "code uses '%s_'", name, word, lang, name);
                    continue;
                }
                if (pass == 0)
                    continue; /* two names: the names' checks reported it */
                const name_slot *o = &slots[h];
                const char *other = name_of(dom, o);
                const char *what = o->alias < 0 ? "the name" : "an alias";
                if (strcmp(other, name) == 0)
                    ec_error(k->d, e->more->aliases[a].at,
                             "alias '%s' of %s is already %s of %s in domain '%s'", name, e->name,
                             what, dom->codes[o->code].name, dom->id);
                else
                    ec_error(k->d, e->more->aliases[a].at,
                             "alias '%s' of %s and %s '%s' of %s are both spelled '%s' in "
                             "generated code", name, e->name, what, other,
                             dom->codes[o->code].name, me.spelled);
                ec_note(k->d, name_at(dom, o), "that one is here");
            }
        }
    free(slots);
    ec_arena_free(&scratch);
}

/* Classes: ids unique, prefixes or ranges that overlap no other (so a code
** has one class at most), ranges within the domain's; each code learns its
** class. */
static void check_classes(checker *k, ec_domain *dom)
{
    for (size_t i = 0; i < dom->nclasses; i++) {
        ec_class *cl = &dom->classes[i];
        if (!is_id(cl->id)) {
            ec_error(k->d, cl->id_at, "class id '%s' must match [a-z][a-z0-9_]*", cl->id);
            continue;
        }
        bool ok = true;
        for (size_t j = 0; j < i && ok; j++) {
            const ec_class *o = &dom->classes[j];
            if (strcmp(ec_ident_spell(&k->c->arena, o->id, EC_CASE_KEBAB),
                       ec_ident_spell(&k->c->arena, cl->id, EC_CASE_KEBAB)) == 0) {
                ec_error(k->d, cl->id_at, "class '%s' is defined twice in domain '%s'", cl->id,
                         dom->id);
                ec_note(k->d, o->id_at, "first defined here");
                ok = false;
            } else if (cl->prefix ? strncmp(cl->prefix, o->prefix, strlen(o->prefix)) == 0 ||
                                        strncmp(o->prefix, cl->prefix, strlen(cl->prefix)) == 0
                                  : cl->lo <= o->hi && o->lo <= cl->hi) {
                ec_error(k->d, cl->match_at, "class '%s' overlaps class '%s': a code would "
                                             "have two classes", cl->id, o->id);
                ec_note(k->d, o->match_at, "the other is here");
                ok = false;
            }
        }
        if (!ok)
            continue;
        if (cl->prefix && !*cl->prefix) {
            ec_error(k->d, cl->match_at, "class '%s' has an empty prefix", cl->id);
            continue;
        }
        if (!cl->prefix && cl->lo > cl->hi) {
            ec_error(k->d, cl->match_at, "class '%s' has the empty range [%lld, %lld]", cl->id,
                     (long long)cl->lo, (long long)cl->hi);
            continue;
        }
        if (!cl->prefix && dom->has_range && (cl->lo < dom->range_lo || cl->hi > dom->range_hi)) {
            ec_error(k->d, cl->match_at, "class '%s' range [%lld, %lld] is outside the range "
                                         "[%lld, %lld] of domain '%s'", cl->id, (long long)cl->lo,
                     (long long)cl->hi, (long long)dom->range_lo, (long long)dom->range_hi,
                     dom->id);
            ec_note(k->d, dom->range_at, "the range is declared here");
            continue;
        }
        check_entry(k, dom, &cl->entry, true);
    }
    for (size_t i = 0; i < dom->ncodes; i++) {
        ec_code *e = &dom->codes[i];
        const ec_class *cl = ec_domain_class(dom, e->str, e->num);
        e->cls = cl ? (int32_t)(cl - dom->classes) : -1;
    }
}

/* Whether the codes the duplicate check reads (those the loader read
** whole) are in increasing order, as most catalogs and importers write
** them: then none repeats, and no index of them is needed. */
static bool codes_increase(const ec_domain *dom)
{
    const ec_code *prev = NULL;
    for (size_t i = 0; i < dom->ncodes; i++) {
        const ec_code *e = &dom->codes[i];
        if (!e->name || (e->is_string && !e->str))
            continue;
        if (prev && (e->is_string != prev->is_string ||
                     (e->is_string ? strcmp(prev->str, e->str) >= 0 : prev->num >= e->num)))
            return false;
        prev = e;
    }
    return true;
}

static void check_domain(checker *k, ec_domain *dom, size_t index)
{
    if (!is_id(dom->id)) {
        ec_error(k->d, dom->id_at, "domain id '%s' must match [a-z][a-z0-9_]*", dom->id);
        return;
    }
    /* Generated code names its own enumerations after these words
    ** (SWAP_RETRY_NEVER, SWAP_DOMAIN_NONE, Go's StatusTooManyRequests): a
    ** domain of the same name would make the same identifiers. */
    static const char *const reserved[] = {"retry", "action", "backoff", "severity", "audience",
                                           "kind", "domain", "status", "match", NULL};
    for (const char *const *r = reserved; *r; r++)
        if (strcmp(dom->id, *r) == 0) {
            ec_error(k->d, dom->id_at, "domain id '%s' is reserved: generated code names its "
                                       "own %s values after it", dom->id, dom->id);
            return;
        }
    for (size_t j = 0; j < index; j++)
        if (strcmp(k->c->domains[j].id, dom->id) == 0) {
            ec_error(k->d, dom->id_at, "domain '%s' is defined twice", dom->id);
            ec_note(k->d, k->c->domains[j].id_at, "first defined here");
            return;
        }
    if (dom->has_range && dom->range_lo > dom->range_hi) {
        ec_error(k->d, dom->range_at, "range [%lld, %lld] is empty: low is above high",
                 (long long)dom->range_lo, (long long)dom->range_hi);
        return;
    }
    if (dom->string_codes && dom->has_range) {
        ec_error(k->d, dom->range_at, "a string domain cannot have a range");
        return;
    }
    unsigned paths_before = k->d->errors;
    check_envelope(k, &dom->envelope);
    if (k->d->errors == paths_before)
        check_envelope_shapes(k, dom);
    for (size_t i = 0; i < dom->ncodes; i++) {
        ec_code *e = &dom->codes[i];
        if (e->is_string && !e->name)
            e->name = ec_ident_spell(&k->c->arena, e->str, EC_CASE_UPPER);
    }
    /* Hash indexes keep the duplicate checks linear in the catalog's size.
    ** Names are compared as generated code spells them: camelCase is the
    ** finest spelling (equal snake_case implies equal camelCase). */
    ec_codeindex codes = {0}, names;
    bool increase = codes_increase(dom);
    if (!increase)
        ec_codeindex_init(&codes, dom, false);
    ec_codeindex_init_spelled(&names, dom, EC_CASE_CAMEL);
    for (size_t i = 0; i < dom->ncodes; i++) {
        ec_code *e = &dom->codes[i];
        if (!e->name || (e->is_string && !e->str))
            continue; /* the loader reported it */
        int32_t j = increase ? -1 : ec_codeindex_add(&codes, i);
        if (j >= 0) {
            const ec_code *o = &dom->codes[j];
            const char *txt = e->is_string ? e->str
                                           : ec_arena_printf(&k->c->arena, "%lld",
                                                             (long long)e->num);
            ec_error(k->d, ec_code_at(e, EC_AT_CODE),
                     "code %s in domain '%s' is already used by %s%s", txt,
                     dom->id, o->name,
                     o->more->retired ? " (retired: a retired code can never be reused)" : "");
            ec_note(k->d, ec_code_at(o, EC_AT_CODE), "first defined here");
            continue;
        }
        if ((j = ec_codeindex_add(&names, i)) >= 0) {
            const ec_code *o = &dom->codes[j];
            if (strcmp(e->name, o->name) != 0)
                ec_error(k->d, ec_code_at(e, EC_AT_NAME),
                         "names '%s' and '%s' are both spelled '%s' in "
                         "generated code", o->name, e->name,
                         ec_ident_spell(&k->c->arena, e->name, EC_CASE_CAMEL));
            else if (!e->name_given && !o->name_given)
                ec_error(k->d, ec_code_at(e, EC_AT_CODE),
                         "codes '%s' and '%s' both get the name %s; give "
                         "one a 'name'", o->str, e->str, e->name);
            else
                ec_error(k->d, ec_code_at(e, EC_AT_NAME),
                         "name '%s' is used twice in domain '%s'", e->name,
                         dom->id);
            ec_note(k->d, ec_code_at(o, EC_AT_NAME), "first used here");
            continue;
        }
        check_entry(k, dom, e, false);
    }
    check_aliases(k, dom);
    ec_codeindex_free(&codes);
    ec_codeindex_free(&names);
    if (dom->fallback)
        check_entry(k, dom, dom->fallback, true);
    check_classes(k, dom);
}

typedef struct anchor {
    const char *text;
    const ec_domain *dom;
    const char *name; /* the code's name, or an alias of it */
    ec_loc at;
} anchor;

static int cmp_anchor(const void *a, const void *b)
{
    return strcmp(((const anchor *)a)->text, ((const anchor *)b)->text);
}

/* Whether anchors "<a>-<x>" and "<b>-<y>" of domains spelt 'a' and 'b' can
** be equal: only when 'a' and 'b' are, or one is the other and a dash
** more ("a" and "a-b": a's "b-c" and a-b's "c"). */
static bool anchors_can_meet(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > nb) {
        const char *t = a;
        a = b, b = t, na = nb;
    }
    return strncmp(a, b, na) == 0 && (b[na] == '\0' || b[na] == '-');
}

/* Documentation anchors ("<domain>-<name>" in kebab case) must not collide
** across domains: domain a_b's C and domain a's B_C both spell a-b-c. Only
** the codes of domains whose anchors can meet are compared: most catalogs
** have none, and a catalog of a million codes would otherwise need about
** 100 bytes a code for the check. */
static void check_anchors(checker *k)
{
    ec_catalog *c = k->c;
    ec_arena scratch;
    ec_arena_init(&scratch);
    const char **dk = ec_xmalloc((c->ndomains + 1) * sizeof *dk);
    bool *meets = ec_xmalloc((c->ndomains + 1) * sizeof *meets);
    for (size_t i = 0; i < c->ndomains; i++) {
        dk[i] = ec_ident_spell(&scratch, c->domains[i].id, EC_CASE_KEBAB);
        meets[i] = false;
        for (size_t j = 0; j < i; j++)
            if (anchors_can_meet(dk[i], dk[j]))
                meets[i] = meets[j] = true;
    }
    size_t n = 0;
    for (size_t i = 0; i < c->ndomains; i++)
        for (size_t j = 0; meets[i] && j < c->domains[i].ncodes; j++)
            n += 1 + c->domains[i].codes[j].more->naliases;
    anchor *v = ec_xmalloc((n + 1) * sizeof *v);
    n = 0;
    for (size_t i = 0; i < c->ndomains; i++) {
        const ec_domain *dom = &c->domains[i];
        for (size_t j = 0; meets[i] && j < dom->ncodes; j++) {
            const ec_code *e = &dom->codes[j];
            if (!e->name)
                continue;
            /* The docs give an alias the anchor of its name, so old links hold. */
            for (int32_t a = -1; a < (int32_t)e->more->naliases; a++) {
                const char *name = a < 0 ? e->name : e->more->aliases[a].name;
                const char *nk = ec_ident_spell(&scratch, name, EC_CASE_KEBAB);
                v[n++] = (anchor){ec_anchor(&scratch, EC_ANCHOR_CODE, dk[i], nk), dom, name,
                                  a < 0 ? ec_code_at(e, EC_AT_NAME) : e->more->aliases[a].at};
            }
        }
    }
    ec_stable_sort(v, n, sizeof *v, cmp_anchor);
    for (size_t i = 1; i < n; i++) {
        if (strcmp(v[i].text, v[i - 1].text) != 0 || v[i].dom == v[i - 1].dom)
            continue; /* within a domain, the name checks have spoken */
        ec_error(k->d, v[i].at, "%s in domain '%s' and %s in domain '%s' share the "
                                "documentation anchor '%s'; rename one",
                 v[i].name, v[i].dom->id, v[i - 1].name, v[i - 1].dom->id, v[i].text);
        ec_note(k->d, v[i - 1].at, "the other is here");
    }
    ec_arena_free(&scratch);
    free(meets);
    free(dk);
    free(v);
}

bool ec_validate(ec_catalog *c, ec_diag *d)
{
    checker k = {c, d};
    unsigned before = d->errors;
    check_catalog_meta(&k);
    check_envelope(&k, &c->envelope);
    if (d->errors == before)
        check_envelope_shapes(&k, NULL);
    sort_named(&k);
    check_headers(&k);
    check_policies(&k);
    check_statuses(&k);
    check_status_names(&k);
    for (size_t i = 0; i < c->ndomains; i++)
        check_domain(&k, &c->domains[i], i);
    if (d->errors == before)
        check_anchors(&k);
    if (d->errors == before)
        ec_l10n_validate(c, d);
    return d->errors == before;
}
