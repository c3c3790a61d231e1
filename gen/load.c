/* load.c: positioned YAML tree -> catalog model. Checks shape only (keys,
** types, enumerations); meaning is checked by validate.c. */
#define _XOPEN_SOURCE 700
#include "load.h"

#include "alloc.h"
#include "doc.h"
#include "fsio.h"
#include "grpc.h"
#include "locale.h"
#include "phash.h"
#include "po.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INCLUDE_DEPTH 16

/* The accepted keys of every kind of map: the schema of the format. */
static const char *const K_FILE[] = {"errcat", "catalog", "include", "registry", "envelope",
                                     "headers", "retry_policies", "statuses", "domains", "lint",
                                     "locales", NULL};
static const char *const K_CATALOG[] = {"id", "title", "version", "description", "docs_url",
                                        "docs_url_template", NULL};
static const char *const K_ENVELOPE[] = {"code", "message", "details", "status", "title", "echo",
                                         "echo_headers", NULL};
static const char *const K_HEADER[] = {"type", "direction", "description", NULL};
static const char *const K_POLICY[] = {"retry", "action", "delay", "idempotent",
                                       "idempotency_key", "max_attempts", "advice", "when", NULL};
static const char *const K_CONDITION[] = {"header", "equals", "at_most", "at_least", "then", NULL};
static const char *const K_DELAY[] = {"header", "default_ms", "max_ms", "backoff", NULL};
static const char *const K_STATUS[] = {"status", "title", "description", "hint", "when",
                                       "reference", "retry", "headers", "examples", "grpc", NULL};
static const char *const K_DOMAIN[] = {"id", "title", "description", "code_type", "range",
                                       "envelope", "codes", "fallback", "classes", "secondary",
                                       NULL};
static const char *const K_CODE[] = {"code", "name", "status", "message", "description", "hint",
                                     "params", "retry", "ui", "examples", "deprecated", "retired",
                                     "aliases", "grpc", NULL};
static const char *const K_ALIAS[] = {"name", "deprecated", NULL};
static const char *const K_CLASS[] = {"id", "title", "prefix", "range", "status", "message",
                                      "description", "hint", "params", "retry", "ui", "examples",
                                      "deprecated", NULL};
static const char *const K_FALLBACK[] = {"status", "message", "description", "hint", "params",
                                         "retry", "ui", "examples", "deprecated", NULL};
static const char *const K_MESSAGE[] = {"count", "zero", "one", "two", "few", "many", "other",
                                        NULL};
static const char *const K_PARAM[] = {"type", "description", "from", NULL};
static const char *const K_UI[] = {"severity", "audience", "hint", "actions", NULL};
static const char *const K_EXAMPLE[] = {"title", "status", "headers", "body", NULL};
static const char *const K_LINT[] = {"disable", "enable", NULL};
static const char *const K_LOCALES[] = {"source", "translations", "folder", NULL};

const ec_load_keyset ec_load_keysets[] = {
    {"file", K_FILE},       {"catalog", K_CATALOG}, {"envelope", K_ENVELOPE},
    {"header", K_HEADER},   {"policy", K_POLICY},   {"delay", K_DELAY},
    {"status", K_STATUS},   {"domain", K_DOMAIN},   {"code", K_CODE},
    {"fallback", K_FALLBACK}, {"param", K_PARAM},   {"ui", K_UI},
    {"example", K_EXAMPLE},  {"lint", K_LINT},     {"alias", K_ALIAS},
    {"class", K_CLASS},      {"locales", K_LOCALES}, {"condition", K_CONDITION},
    {"message", K_MESSAGE},
};
const size_t ec_load_nkeysets = sizeof ec_load_keysets / sizeof ec_load_keysets[0];

/* Growable arrays of model elements, merged across files. */
#define VEC(T)                                                                 \
    struct {                                                                   \
        T *v;                                                                  \
        size_t n, cap;                                                         \
    }
#define VEC_PUSH(vec)                                                          \
    ((vec).n == (vec).cap                                                      \
         ? ((vec).cap = (vec).cap ? (vec).cap * 2 : 8,                         \
            (vec).v = ec_xrealloc((vec).v, (vec).cap * sizeof *(vec).v))       \
         : (void *)0,                                                          \
     memset(&(vec).v[(vec).n], 0, sizeof *(vec).v), &(vec).v[(vec).n++])

typedef VEC(ec_code) code_vec;

/* A domain's codes, read while its file is parsed (see stream_open), before
** read_domain reads the rest of the domain. */
typedef struct streamed {
    ec_loc at;     /* where the list starts */
    ec_domain dom; /* id and code type as given before the list: checked after */
    code_vec codes;
    ec_diag diag; /* what reading them reported, merged where read_domain reads codes */
    bool failed;
} streamed;

typedef VEC(streamed *) streamed_vec;

typedef struct loaded_file {
    const char *real; /* canonical path, for cycles and loading once */
    bool done;
} loaded_file;

typedef struct loader {
    ec_catalog *c;
    const char *root_text; /* the root file's bytes when given in memory */
    size_t root_len;
    size_t max_bytes; /* of any one file */
    const ec_input *text; /* of the file being parsed */
    ec_arena *a;
    ec_diag *d;
    bool failed;
    bool registry; /* the file being read is a registry */
    VEC(loaded_file) files;
    VEC(const char *) names; /* file names as shown in diagnostics */
    VEC(uint64_t) hashes;    /* of each file's bytes */
    VEC(ec_header) headers;
    VEC(ec_policy) policies;
    VEC(ec_status) statuses;
    int32_t status_slot[500]; /* status - 100 -> index in statuses + 1, 0: none */
    VEC(ec_domain) domains;
    const char *locales_folder; /* of the PO files, relative to the root file */
    ec_loc locales_at;
    streamed_vec *streamed; /* the file being read's streamed lists */
    size_t next_streamed;   /* the first of them read_domain has not taken */
} loader;

static const char *kind_name(const ec_value *v)
{
    switch (v->kind) {
    case EC_VNULL: return "null";
    case EC_VBOOL: return "a boolean";
    case EC_VINT: return "an integer";
    case EC_VFLOAT: return "a number";
    case EC_VSTR: return "a string";
    case EC_VLIST:
    case EC_VLAZY: return "a list";
    case EC_VMAP: return "a map";
    }
    return "?";
}

#define FAIL(ld, ...)                                                          \
    do {                                                                       \
        ec_error((ld)->d, __VA_ARGS__);                                        \
        (ld)->failed = true;                                                   \
    } while (0)

static bool expect(loader *ld, const ec_value *v, ec_vkind kind, const char *what)
{
    if (v->kind == kind)
        return true;
    static const ec_value proto[] = {{.kind = EC_VNULL}, {.kind = EC_VBOOL}, {.kind = EC_VINT},
                                     {.kind = EC_VFLOAT}, {.kind = EC_VSTR},  {.kind = EC_VLIST},
                                     {.kind = EC_VMAP}};
    FAIL(ld, v->at, "%s must be %s, not %s", what, kind_name(&proto[kind]), kind_name(v));
    return false;
}

/* Checks 'm' is a map whose keys are all in 'known'. */
static bool check_map(loader *ld, const ec_value *m, const char *what, const char *const *known)
{
    if (!expect(ld, m, EC_VMAP, what))
        return false;
    for (uint32_t i = 0; i < m->len; i++) {
        const ec_member *mb = &m->u.members[i];
        bool ok = false;
        for (const char *const *k = known; *k && !ok; k++)
            ok = strcmp(*k, mb->key) == 0;
        if (ok)
            continue;
        const char *near = ec_suggest(mb->key, known);
        /* Only a flow map puts a key on the line of the value before it: an
        ** unquoted comma in that value most likely split it. */
        const ec_member *prev = i ? mb - 1 : NULL;
        if (prev && prev->val.kind == EC_VSTR && mb->val.kind == EC_VNULL &&
            prev->val.at.file == mb->key_at.file && prev->val.at.line == mb->key_at.line) {
            ec_error(ld->d, mb->key_at,
                     "unknown key '%s' in %s; if the comma before it belongs to the value of "
                     "'%s', quote that value",
                     mb->key, what, prev->key);
        } else if (near) {
            ec_error(ld->d, mb->key_at, "unknown key '%s' in %s; did you mean '%s'?", mb->key,
                     what, near);
        } else {
            ec_error(ld->d, mb->key_at, "unknown key '%s' in %s", mb->key, what);
        }
        /* The key is ignored and the model stays whole: not 'failed', so
        ** the catalog is still validated and every other error shown. */
    }
    return true;
}

static const ec_value *required(loader *ld, const ec_value *m, const char *key, const char *what)
{
    const ec_value *v = ec_map_get(m, key);
    /* A misspelt key already has its "did you mean" error: one is enough. */
    for (uint32_t i = 0; !v && m->kind == EC_VMAP && i < m->len; i++) {
        const char *const one[] = {key, NULL};
        if (ec_suggest(m->u.members[i].key, one)) {
            ld->failed = true; /* the model lacks the key */
            return NULL;
        }
    }
    if (!v)
        FAIL(ld, m->at, "%s is missing the required key '%s'", what, key);
    return v;
}

/* A string-valued key: absent gives 'def'. */
static const char *get_str(loader *ld, const ec_value *m, const char *key, const char *def)
{
    const ec_value *v = ec_map_get(m, key);
    if (!v)
        return def;
    if (v->kind != EC_VSTR) {
        ec_error(ld->d, v->at, "'%s' must be a string, not %s", key, kind_name(v));
        ld->failed = true;
        return def;
    }
    return v->u.s;
}

static bool get_int(loader *ld, const ec_value *v, const char *key, int64_t lo, int64_t hi,
                    int64_t *out)
{
    if (v->kind != EC_VINT) {
        ec_error(ld->d, v->at, "'%s' must be an integer, not %s", key, kind_name(v));
        ld->failed = true;
        return false;
    }
    if (v->u.i < lo || v->u.i > hi) {
        ec_error(ld->d, v->at, "'%s' is %lld, outside %lld..%lld", key, (long long)v->u.i,
                 (long long)lo, (long long)hi);
        ld->failed = true;
        return false;
    }
    *out = v->u.i;
    return true;
}

static bool get_bool(loader *ld, const ec_value *m, const char *key, bool def)
{
    const ec_value *v = ec_map_get(m, key);
    if (!v)
        return def;
    if (v->kind != EC_VBOOL) {
        ec_error(ld->d, v->at, "'%s' must be true or false, not %s", key, kind_name(v));
        ld->failed = true;
        return def;
    }
    return v->u.b;
}

static int get_enum(loader *ld, const ec_value *m, const char *key, const char *const *names,
                    int def)
{
    const ec_value *v = ec_map_get(m, key);
    if (!v)
        return def;
    if (v->kind == EC_VSTR)
        for (int i = 0; names[i]; i++)
            if (strcmp(names[i], v->u.s) == 0)
                return i;
    ec_buf list;
    ec_buf_init(&list);
    for (int i = 0; names[i]; i++)
        ec_buf_printf(&list, "%s%s", i ? ", " : "", names[i]);
    const char *near = v->kind == EC_VSTR ? ec_suggest(v->u.s, names) : NULL;
    if (near)
        ec_error(ld->d, v->at, "invalid %s '%s'; did you mean '%s'?", key, v->raw, near);
    else
        ec_error(ld->d, v->at, "invalid %s %s%s%s; expected one of: %s", key,
                 v->raw ? "'" : "", v->raw ? v->raw : kind_name(v), v->raw ? "'" : "",
                 list.data);
    ec_buf_free(&list);
    ld->failed = true;
    return def;
}

/* A list of strings into an arena array. */
static const char **get_strings(loader *ld, const ec_value *m, const char *key, size_t *n)
{
    *n = 0;
    const ec_value *v = ec_map_get(m, key);
    if (!v || !expect(ld, v, EC_VLIST, key))
        return NULL;
    const char **out = ec_arena_alloc(ld->a, v->len * sizeof *out);
    for (uint32_t i = 0; i < v->len; i++) {
        const ec_value *it = &v->u.items[i];
        if (it->kind != EC_VSTR) {
            ec_error(ld->d, it->at, "items of '%s' must be strings, not %s", key, kind_name(it));
            ld->failed = true;
            continue;
        }
        out[(*n)++] = it->u.s;
    }
    return out;
}

static void read_envelope(loader *ld, const ec_value *v, ec_envelope *e)
{
    if (!check_map(ld, v, "envelope", K_ENVELOPE))
        return;
    e->present = true;
    e->at = v->at;
    e->code = get_str(ld, v, "code", NULL);
    e->message = get_str(ld, v, "message", NULL);
    e->details = get_str(ld, v, "details", NULL);
    e->status = get_str(ld, v, "status", NULL);
    e->title = get_str(ld, v, "title", NULL);
    e->echo = get_strings(ld, v, "echo", &e->necho);
    e->echo_headers = get_strings(ld, v, "echo_headers", &e->necho_headers);
}

static void read_policy(loader *ld, const ec_value *v, ec_policy *p);
static void read_policy_ref(loader *ld, const ec_value *m, const char *key, ec_policy_ref *r);

/* A policy's 'when': conditions on response headers, each with the policy
** that decides when it holds. */
static void read_conditions(loader *ld, const ec_value *v, ec_policy *p)
{
    if (!expect(ld, v, EC_VLIST, "when"))
        return;
    p->when = ec_arena_alloc(ld->a, v->len * sizeof *p->when);
    for (uint32_t i = 0; i < v->len; i++) {
        const ec_value *cv = &v->u.items[i];
        if (!check_map(ld, cv, "condition", K_CONDITION))
            continue;
        ec_condition *w = &p->when[p->nwhen++];
        w->at = cv->at;
        const ec_value *h = required(ld, cv, "header", "a condition");
        w->header = get_str(ld, cv, "header", "");
        if (h)
            w->header_at = h->at;
        const ec_value *eq = ec_map_get(cv, "equals"), *lo = ec_map_get(cv, "at_least"),
                       *hi = ec_map_get(cv, "at_most");
        if ((eq != NULL) + (lo != NULL) + (hi != NULL) > 1)
            FAIL(ld, cv->at, "a condition has one test: equals, at_most or at_least");
        if (eq && eq->kind == EC_VINT) {
            w->op = EC_COND_EQUALS;
            w->equals = ec_arena_printf(ld->a, "%lld", (long long)eq->u.i);
        } else if (eq && eq->kind == EC_VSTR) {
            w->op = EC_COND_EQUALS;
            w->equals = eq->u.s;
        } else if (eq) {
            FAIL(ld, eq->at, "'equals' compares a header's text: write a string (quote it: "
                             "\"%s\"), not %s",
                 eq->raw ? eq->raw : "...", kind_name(eq));
        } else if (lo || hi) {
            w->op = lo ? EC_COND_AT_LEAST : EC_COND_AT_MOST;
            get_int(ld, lo ? lo : hi, lo ? "at_least" : "at_most", -999999999999999LL,
                    999999999999999LL, &w->bound);
        }
        if (required(ld, cv, "then", "a condition"))
            read_policy_ref(ld, cv, "then", &w->then);
    }
}

static void read_policy(loader *ld, const ec_value *v, ec_policy *p)
{
    p->at = v->at;
    if (!check_map(ld, v, "retry policy", K_POLICY))
        return;
    if (required(ld, v, "retry", "a retry policy"))
        p->retry = (ec_retry)get_enum(ld, v, "retry", ec_retry_names, EC_RETRY_NEVER);
    p->action = (ec_action)get_enum(ld, v, "action", ec_action_names, EC_ACTION_NONE);
    p->idempotent = get_bool(ld, v, "idempotent", false);
    const ec_value *key = ec_map_get(v, "idempotency_key");
    p->idempotency_key = get_str(ld, v, "idempotency_key", NULL);
    if (key)
        p->idempotency_key_at = key->at;
    p->advice = get_str(ld, v, "advice", "");
    const ec_value *ma = ec_map_get(v, "max_attempts");
    if (ma)
        get_int(ld, ma, "max_attempts", 0, 1000000, &p->max_attempts);
    const ec_value *when = ec_map_get(v, "when");
    if (when)
        read_conditions(ld, when, p);
    const ec_value *dl = ec_map_get(v, "delay");
    if (dl && check_map(ld, dl, "delay", K_DELAY)) {
        const ec_value *h = ec_map_get(dl, "header");
        p->delay_header = get_str(ld, dl, "header", NULL);
        if (h)
            p->delay_header_at = h->at;
        const ec_value *x;
        /* A day is more than any sane retry delay and keeps products in range. */
        if ((x = ec_map_get(dl, "default_ms"))) {
            get_int(ld, x, "default_ms", 0, 86400000, &p->default_ms);
            p->default_ms_at = x->at;
        }
        if ((x = ec_map_get(dl, "max_ms")))
            get_int(ld, x, "max_ms", 0, 86400000, &p->max_ms);
        p->backoff = (ec_backoff)get_enum(ld, dl, "backoff", ec_backoff_names, EC_BACKOFF_NONE);
    }
}

static void read_policy_ref(loader *ld, const ec_value *m, const char *key, ec_policy_ref *r)
{
    const ec_value *v = ec_map_get(m, key);
    if (!v)
        return;
    r->at = v->at;
    if (v->kind == EC_VSTR) {
        r->name = v->u.s;
    } else if (v->kind == EC_VMAP) {
        r->inline_policy = ec_arena_alloc(ld->a, sizeof *r->inline_policy);
        read_policy(ld, v, r->inline_policy);
    } else {
        FAIL(ld, v->at, "'%s' must name a retry policy or be one, not %s", key, kind_name(v));
    }
}

static void read_examples(loader *ld, const ec_value *m, ec_example **out, size_t *n)
{
    const ec_value *v = ec_map_get(m, "examples");
    *n = 0;
    if (!v || !expect(ld, v, EC_VLIST, "examples"))
        return;
    *out = ec_arena_alloc(ld->a, v->len * sizeof **out);
    for (uint32_t i = 0; i < v->len; i++) {
        const ec_value *e = &v->u.items[i];
        if (!check_map(ld, e, "example", K_EXAMPLE))
            continue;
        ec_example *x = &(*out)[(*n)++];
        x->at = e->at;
        x->title = get_str(ld, e, "title", "");
        const ec_value *s = ec_map_get(e, "status");
        if (s && get_int(ld, s, "status", 100, 599, &x->status))
            x->status_at = s->at;
        const ec_value *h = ec_map_get(e, "headers");
        x->headers = ec_vnull();
        if (h && expect(ld, h, EC_VMAP, "headers")) {
            for (uint32_t j = 0; j < h->len; j++) {
                const ec_value *hv = &h->u.members[j].val;
                if (hv->kind == EC_VLIST || hv->kind == EC_VMAP || hv->kind == EC_VNULL)
                    FAIL(ld, hv->at, "header values must be scalars, not %s", kind_name(hv));
            }
            x->headers = ec_value_copy(ld->a, h); /* the file's tree goes */
        }
        const ec_value *body = required(ld, e, "body", "an example");
        x->body = body ? ec_value_copy(ld->a, body) : ec_vnull();
    }
}

/* A code's ui, in the arena only when given: most codes have none. */
static const ec_ui *read_ui(loader *ld, const ec_value *m)
{
    const ec_value *v = ec_map_get(m, "ui");
    if (!v || !check_map(ld, v, "ui", K_UI))
        return &ec_no_ui;
    ec_ui *ui = ec_arena_alloc(ld->a, sizeof *ui);
    ui->present = true;
    ui->at = v->at;
    ui->severity = (ec_ui_severity)get_enum(ld, v, "severity", ec_ui_severity_names, EC_UI_ERROR);
    ui->audience = (ec_audience)get_enum(ld, v, "audience", ec_audience_names, EC_AUD_USER);
    ui->hint = get_str(ld, v, "hint", "");
    ui->actions = get_strings(ld, v, "actions", &ui->nactions);
    const ec_value *acts = ec_map_get(v, "actions");
    if (acts && acts->kind == EC_VLIST) {
        ui->actions_at = ec_arena_alloc(ld->a, acts->len * sizeof *ui->actions_at);
        for (size_t i = 0, j = 0; i < acts->len; i++)
            if (acts->u.items[i].kind == EC_VSTR)
                ui->actions_at[j++] = acts->u.items[i].at;
    }
    return ui;
}

static void read_params(loader *ld, const ec_value *m, ec_code_more *c)
{
    const ec_value *v = ec_map_get(m, "params");
    if (!v || !expect(ld, v, EC_VMAP, "params"))
        return;
    c->params_at = v->at;
    c->params = ec_arena_alloc(ld->a, v->len * sizeof *c->params);
    for (uint32_t i = 0; i < v->len; i++) {
        const ec_member *mb = &v->u.members[i];
        ec_param *p = &c->params[c->nparams++];
        p->name = mb->key;
        p->at = mb->key_at;
        p->type = EC_PARAM_STRING;
        p->description = "";
        if (mb->val.kind == EC_VNULL)
            continue; /* "name:" alone declares a string parameter */
        if (!check_map(ld, &mb->val, "param", K_PARAM))
            continue;
        p->type = (ec_param_type)get_enum(ld, &mb->val, "type", ec_param_type_names,
                                           EC_PARAM_STRING);
        p->description = get_str(ld, &mb->val, "description", "");
        const ec_value *from = ec_map_get(&mb->val, "from");
        p->from = get_str(ld, &mb->val, "from", NULL);
        if (from)
            p->from_at = from->at;
    }
}

/* deprecated / retired: true, false or a reason. */
static const char *get_flag(loader *ld, const ec_value *m, const char *key)
{
    const ec_value *v = ec_map_get(m, key);
    if (!v)
        return NULL;
    if (v->kind == EC_VBOOL)
        return v->u.b ? "" : NULL;
    if (v->kind == EC_VSTR)
        return v->u.s;
    FAIL(ld, v->at, "'%s' must be true, false or a reason, not %s", key, kind_name(v));
    return NULL;
}

/* aliases: [NAME, {name: NAME, deprecated: true or a reason}, ...] */
static void read_aliases(loader *ld, const ec_value *m, ec_code_more *c)
{
    const ec_value *v = ec_map_get(m, "aliases");
    if (!v || !expect(ld, v, EC_VLIST, "aliases"))
        return;
    c->aliases = ec_arena_alloc(ld->a, v->len * sizeof *c->aliases);
    for (uint32_t i = 0; i < v->len; i++) {
        const ec_value *it = &v->u.items[i];
        ec_alias *al = &c->aliases[c->naliases];
        al->at = it->at;
        if (it->kind == EC_VSTR) {
            al->name = it->u.s;
        } else if (it->kind == EC_VMAP) {
            if (!check_map(ld, it, "alias", K_ALIAS) || !required(ld, it, "name", "an alias"))
                continue;
            al->name = get_str(ld, it, "name", "");
            al->at = ec_map_get(it, "name")->at;
            al->deprecated = get_flag(ld, it, "deprecated");
        } else {
            FAIL(ld, it->at, "an alias must be a name or a map {name, deprecated}, not %s",
                 kind_name(it));
            continue;
        }
        c->naliases++;
    }
}

/* True when a code's map has a key that ec_code_more holds (or an
** unknown one, which check_map reports). */
static bool gives_more(const ec_value *v)
{
    static const char *const in_line[] = {"code", "name", "status", "message", "grpc", NULL};
    for (uint32_t i = 0; i < v->len; i++) {
        const char *const *k = in_line;
        while (*k && strcmp(*k, v->u.members[i].key) != 0)
            k++;
        /* A message with plural forms keeps them in 'more'. */
        if (!*k || v->u.members[i].val.kind == EC_VMAP)
            return true;
    }
    return false;
}

/* A message with plural forms: {count: n, one: ..., other: ...}. The
** validator checks the placeholder and the locale's categories. */
static const ec_forms *read_forms(loader *ld, const ec_value *v, ec_code *c)
{
    c->message = "";
    if (!check_map(ld, v, "message with plural forms", K_MESSAGE))
        return NULL;
    ec_forms *f = ec_arena_alloc(ld->a, sizeof *f);
    memset(f, 0, sizeof *f);
    const ec_value *count = required(ld, v, "count", "a message with plural forms");
    f->count = get_str(ld, v, "count", "");
    if (count)
        f->count_at = count->at;
    for (int p = 0; p < EC_NPLURALS; p++) {
        const ec_value *form = ec_map_get(v, ec_plural_name((ec_plural)p));
        f->form[p] = get_str(ld, v, ec_plural_name((ec_plural)p), NULL);
        if (form)
            f->at[p] = form->at;
    }
    if (required(ld, v, "other", "a message with plural forms") && f->form[EC_PLURAL_OTHER])
        c->message = f->form[EC_PLURAL_OTHER];
    return f;
}

static void read_code(loader *ld, const ec_value *v, ec_domain *dom, ec_code *c, bool fallback)
{
    ec_loc key_at[EC_NCODE_KEYS] = {{NULL, 0, 0}};
    c->at = v->at;
    c->cls = -1;
    c->more = &ec_no_more;
    ec_code_more *more = NULL;
    if (gives_more(v)) {
        more = ec_arena_alloc(ld->a, sizeof *more);
        *more = ec_no_more;
        c->more = more;
        more->description = get_str(ld, v, "description", "");
        more->hint = get_str(ld, v, "hint", "");
        more->deprecated = get_flag(ld, v, "deprecated");
    }
    if (!fallback) {
        if (more)
            more->retired = get_flag(ld, v, "retired");
        c->grpc = (uint8_t)(get_enum(ld, v, "grpc", ec_grpc_names, -1) + 1);
        const ec_value *code = required(ld, v, "code", "a code");
        if (code && dom->string_codes) {
            if (code->kind == EC_VSTR && code->len) {
                c->is_string = true;
                c->str = code->u.s;
            } else if (code->kind == EC_VINT) {
                FAIL(ld, code->at, "codes of string domain '%s' are strings, not integers; "
                                   "quote it: \"%s\"", dom->id, code->raw);
            } else {
                FAIL(ld, code->at, "codes of string domain '%s' must be non-empty strings",
                     dom->id);
            }
        } else if (code) {
            if (code->kind == EC_VINT)
                c->num = code->u.i;
            else
                FAIL(ld, code->at,
                     "codes of domain '%s' must be integers, not %s (set code_type: string for "
                     "symbolic codes)",
                     dom->id, kind_name(code));
        }
        if (code)
            key_at[EC_AT_CODE] = key_at[EC_AT_NAME] = code->at;
        const ec_value *name = ec_map_get(v, "name");
        if (name && name->kind == EC_VSTR) {
            c->name = name->u.s;
            c->name_given = true;
            key_at[EC_AT_NAME] = name->at;
        } else if (name) {
            FAIL(ld, name->at, "'name' must be a string, not %s", kind_name(name));
        } else if (!dom->string_codes) {
            required(ld, v, "name", "a code of an int domain");
        }
        if (more)
            read_aliases(ld, v, more);
    }
    const ec_value *msg = required(ld, v, "message", fallback ? "a fallback" : "a code");
    if (msg && msg->kind == EC_VMAP)
        more->forms = read_forms(ld, msg, c); /* a map: gives_more made 'more' */
    else
        c->message = get_str(ld, v, "message", "");
    if (msg)
        key_at[EC_AT_MESSAGE] = msg->at;
    const ec_value *st = ec_map_get(v, "status");
    if (st && get_int(ld, st, "status", 100, 599, &c->status))
        key_at[EC_AT_STATUS] = st->at;
    if (more) {
        read_params(ld, v, more);
        read_policy_ref(ld, v, "retry", &more->retry);
        more->ui = read_ui(ld, v);
        read_examples(ld, v, &more->examples, &more->nexamples);
    }
    ec_code_set_at(c, more, key_at, ld->a);
}

/* A class: an id, what codes it holds (a prefix or a range, by the
** domain's code type, which the validator checks), and a generic entry
** read as a fallback is. */
static void read_class(loader *ld, const ec_value *v, ec_domain *dom)
{
    if (!check_map(ld, v, "class", K_CLASS))
        return;
    ec_class *k = &dom->classes[dom->nclasses++];
    k->id = "";
    const ec_value *id = required(ld, v, "id", "a class");
    if (id) {
        k->id = get_str(ld, v, "id", "");
        k->id_at = id->at;
    }
    k->title = get_str(ld, v, "title", "");
    k->match_at = v->at;
    const ec_value *pre = ec_map_get(v, "prefix"), *r = ec_map_get(v, "range");
    const char *key = dom->string_codes ? "prefix" : "range";
    if (dom->string_codes ? r : pre)
        FAIL(ld, (r ? r : pre)->at, "a class of %s domain '%s' is given by a '%s', not a '%s'",
             dom->string_codes ? "string" : "numeric", dom->id, key, r ? "range" : "prefix");
    else if (!required(ld, v, key, "a class"))
        ;
    else if (pre) {
        k->match_at = pre->at;
        k->prefix = get_str(ld, v, "prefix", "");
    } else {
        k->match_at = r->at;
        if (r->kind != EC_VLIST || r->len != 2 || r->u.items[0].kind != EC_VINT ||
            r->u.items[1].kind != EC_VINT)
            FAIL(ld, r->at, "'range' must be a list of two integers [low, high]");
        else
            k->lo = r->u.items[0].u.i, k->hi = r->u.items[1].u.i;
    }
    read_code(ld, v, dom, &k->entry, true);
    k->entry.cls = (int32_t)(dom->nclasses - 1);
}

/* An item of a domain's codes: false when it is not a map. */
static bool read_code_item(loader *ld, const ec_value *cv, ec_domain *dom, ec_code *c)
{
    if (!check_map(ld, cv, "code", K_CODE))
        return false;
    read_code(ld, cv, dom, c, false);
    return true;
}

/* What of a domain reading its codes depends on, from the members of its
** map (those parsed so far, when streaming), without reporting: read_domain
** reports what is wrong with them. */
static void domain_keys(const ec_member *m, size_t n, ec_domain *dom)
{
    dom->id = "";
    dom->string_codes = false;
    for (size_t i = 0; i < n; i++) {
        const ec_value *v = &m[i].val;
        if (strcmp(m[i].key, "id") == 0 && v->kind == EC_VSTR)
            dom->id = v->u.s;
        else if (strcmp(m[i].key, "code_type") == 0)
            dom->string_codes = v->kind == EC_VSTR && strcmp(v->u.s, "string") == 0;
    }
}

static bool same_loc(ec_loc a, ec_loc b)
{
    return a.line == b.line && a.col == b.col && a.file == b.file;
}

/* The codes streamed for the list 'codes', if they were. */
static streamed *take_streamed(loader *ld, const ec_value *codes)
{
    streamed_vec *sv = ld->streamed;
    if (!sv || ld->next_streamed >= sv->n || !same_loc(sv->v[ld->next_streamed]->at, codes->at))
        return NULL;
    return sv->v[ld->next_streamed++];
}

/* The array of a domain's streamed codes joins the catalog's arena. */
static ec_code *adopt_codes(loader *ld, code_vec *codes)
{
    if (!codes->n) {
        free(codes->v);
        codes->v = NULL;
        return ec_arena_alloc(ld->a, 0);
    }
    ec_code *v = ec_xrealloc(codes->v, codes->n * sizeof *v);
    ec_arena_adopt(ld->a, v);
    codes->v = NULL;
    codes->n = codes->cap = 0;
    return v;
}

static void read_domain(loader *ld, const ec_value *v)
{
    if (!check_map(ld, v, "domain", K_DOMAIN))
        return;
    ec_domain *dom = VEC_PUSH(ld->domains);
    dom->at = v->at;
    dom->id = "";
    const ec_value *id = required(ld, v, "id", "a domain");
    if (id) {
        dom->id = get_str(ld, v, "id", "");
        dom->id_at = id->at;
    }
    dom->title = get_str(ld, v, "title", "");
    dom->description = get_str(ld, v, "description", "");
    const ec_value *ct = ec_map_get(v, "code_type");
    if (ct) {
        if (ct->kind == EC_VSTR && strcmp(ct->u.s, "string") == 0)
            dom->string_codes = true;
        else if (!(ct->kind == EC_VSTR && strcmp(ct->u.s, "int") == 0))
            FAIL(ld, ct->at, "invalid code_type '%s'; expected int or string",
                 ct->raw ? ct->raw : kind_name(ct));
    }
    const ec_value *r = ec_map_get(v, "range");
    if (r) {
        dom->range_at = r->at;
        if (r->kind != EC_VLIST || r->len != 2 || r->u.items[0].kind != EC_VINT ||
            r->u.items[1].kind != EC_VINT) {
            FAIL(ld, r->at, "'range' must be a list of two integers [low, high]");
        } else {
            dom->has_range = true;
            dom->range_lo = r->u.items[0].u.i;
            dom->range_hi = r->u.items[1].u.i;
        }
    }
    const ec_value *env = ec_map_get(v, "envelope");
    if (env)
        read_envelope(ld, env, &dom->envelope);
    dom->secondary = get_bool(ld, v, "secondary", false);
    const ec_value *codes = ec_map_get(v, "codes");
    streamed *sc = codes ? take_streamed(ld, codes) : NULL;
    if (sc) {
        ec_diag_merge(ld->d, &sc->diag);
        ec_diag_init(&sc->diag);
        ld->failed |= sc->failed;
        dom->ncodes = sc->codes.n;
        dom->codes = adopt_codes(ld, &sc->codes);
    } else if (codes && expect(ld, codes, EC_VLIST, "codes")) {
        dom->codes = ec_arena_alloc(ld->a, codes->len * sizeof *dom->codes);
        for (uint32_t i = 0; i < codes->len; i++)
            if (read_code_item(ld, &codes->u.items[i], dom, &dom->codes[dom->ncodes]))
                dom->ncodes++;
    }
    const ec_value *fb = ec_map_get(v, "fallback");
    if (fb && check_map(ld, fb, "fallback", K_FALLBACK)) {
        dom->fallback = ec_arena_alloc(ld->a, sizeof *dom->fallback);
        read_code(ld, fb, dom, dom->fallback, true);
    }
    const ec_value *classes = ec_map_get(v, "classes");
    if (classes && expect(ld, classes, EC_VLIST, "classes")) {
        dom->classes = ec_arena_alloc(ld->a, classes->len * sizeof *dom->classes);
        for (uint32_t i = 0; i < classes->len; i++)
            read_class(ld, &classes->u.items[i], dom);
    }
}

/* Statuses merge by number: fields given here override an included file's. */
static void read_status(loader *ld, const ec_value *v, ec_loc seen_here[500])
{
    if (!check_map(ld, v, "status", K_STATUS))
        return;
    const ec_value *num = required(ld, v, "status", "a status");
    int64_t n;
    if (!num || !get_int(ld, num, "status", 100, 599, &n))
        return;
    ec_loc *seen = &seen_here[n - 100];
    if (seen->file) {
        ec_error(ld->d, num->at, "status %lld is listed twice", (long long)n);
        ec_note(ld->d, *seen, "first listed here");
        ld->failed = true;
        return;
    }
    *seen = num->at;
    int32_t *slot = &ld->status_slot[n - 100];
    if (!*slot) {
        ec_status *fresh = VEC_PUSH(ld->statuses);
        fresh->status = n;
        fresh->title = fresh->description = fresh->hint = fresh->when = fresh->reference = "";
        *slot = (int32_t)ld->statuses.n;
    }
    ec_status *s = &ld->statuses.v[*slot - 1];
    /* A registry only gives defaults: what a catalog file said stays. */
    bool defaults_only = ld->registry && s->declared;
    if (!defaults_only)
        s->at = num->at;
    if (!ld->registry)
        s->declared = true;
#define MERGE(f)                                                               \
    if (!defaults_only || !*s->f)                                              \
    s->f = get_str(ld, v, #f, s->f)
    MERGE(title);
    MERGE(description);
    MERGE(hint);
    MERGE(when);
    MERGE(reference);
#undef MERGE
    if (ec_map_get(v, "grpc") && !(defaults_only && s->grpc))
        s->grpc = (uint8_t)(get_enum(ld, v, "grpc", ec_grpc_names, -1) + 1);
    if (ec_map_get(v, "retry") && !(defaults_only && (s->retry.name || s->retry.inline_policy))) {
        memset(&s->retry, 0, sizeof s->retry);
        read_policy_ref(ld, v, "retry", &s->retry);
    }
    const ec_value *h = ec_map_get(v, "headers");
    if (h && !(defaults_only && s->nheaders) && expect(ld, h, EC_VLIST, "headers")) {
        s->headers = ec_arena_alloc(ld->a, h->len * sizeof *s->headers);
        s->nheaders = 0;
        for (uint32_t i = 0; i < h->len; i++) {
            if (h->u.items[i].kind != EC_VSTR) {
                FAIL(ld, h->u.items[i].at, "header names must be strings, not %s",
                     kind_name(&h->u.items[i]));
                continue;
            }
            s->headers[s->nheaders++] = (ec_strref){h->u.items[i].u.s, h->u.items[i].at};
        }
    }
    if (ec_map_get(v, "examples") && !(defaults_only && s->nexamples))
        read_examples(ld, v, &s->examples, &s->nexamples);
}

static void read_file(loader *ld, const char *path, ec_loc from, unsigned depth, bool root);

static void read_includes(loader *ld, const ec_value *top, const char *path, unsigned depth)
{
    const ec_value *inc = ec_map_get(top, "include");
    if (!inc || !expect(ld, inc, EC_VLIST, "include"))
        return;
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    for (uint32_t i = 0; i < inc->len; i++) {
        const ec_value *it = &inc->u.items[i];
        if (it->kind != EC_VSTR) {
            FAIL(ld, it->at, "include paths must be strings, not %s", kind_name(it));
            continue;
        }
        const char *full = it->u.s[0] == '/' ? it->u.s
                                             : ec_arena_printf(ld->a, "%.*s%s", (int)dirlen,
                                                               path, it->u.s);
        read_file(ld, full, it->at, depth + 1, false);
    }
}

static void read_catalog_meta(loader *ld, const ec_value *v)
{
    if (!check_map(ld, v, "catalog", K_CATALOG))
        return;
    ec_catalog *c = ld->c;
    const ec_value *id = required(ld, v, "id", "catalog");
    if (id) {
        c->id = get_str(ld, v, "id", "");
        c->id_at = id->at;
    }
    if (required(ld, v, "title", "catalog"))
        c->title = get_str(ld, v, "title", "");
    c->version = get_str(ld, v, "version", "");
    c->description = get_str(ld, v, "description", "");
    c->docs_url = get_str(ld, v, "docs_url", NULL);
    const ec_value *url = ec_map_get(v, "docs_url");
    if (url)
        c->docs_url_at = url->at;
    c->docs_url_template = get_str(ld, v, "docs_url_template", NULL);
    const ec_value *tmpl = ec_map_get(v, "docs_url_template");
    if (tmpl)
        c->docs_url_template_at = tmpl->at;
}

/* The root file's 'locales': the tags are checked by the validator, the
** files read once the catalog is (read_translations). */
static void read_locales(loader *ld, const ec_value *v)
{
    if (!check_map(ld, v, "locales", K_LOCALES))
        return;
    ec_catalog *c = ld->c;
    const ec_value *src = ec_map_get(v, "source");
    c->source_locale = get_str(ld, v, "source", "en");
    c->source_locale_at = src ? src->at : v->at;
    ld->locales_folder = get_str(ld, v, "folder", "locales");
    ld->locales_at = v->at;
    const ec_value *ts = ec_map_get(v, "translations");
    if (!ts || !expect(ld, ts, EC_VLIST, "translations"))
        return;
    size_t n;
    const char **tags = get_strings(ld, v, "translations", &n);
    if (!tags)
        return;
    c->locales = ec_arena_alloc(ld->a, n * sizeof *c->locales);
    c->nlocales = n;
    for (size_t i = 0; i < n; i++) {
        c->locales[i].tag = tags[i];
        c->locales[i].tag_at = ts->u.items[i].at;
    }
}

/* The sections of one file's top-level map 'top', into the model. */
static void read_top(loader *ld, const ec_value *top, const char *path, unsigned depth, bool root)
{
    if (top->kind == EC_VNULL) {
        FAIL(ld, top->at, "the file is empty; a catalog starts with 'errcat: 1'");
        return;
    }
    if (!check_map(ld, top, "the catalog file", K_FILE))
        return;
    const ec_value *ver = required(ld, top, "errcat", "the file");
    int64_t format;
    if (ver && get_int(ld, ver, "errcat", INT32_MIN, INT32_MAX, &format) &&
        format != EC_FORMAT_VERSION)
        FAIL(ld, ver->at, "unsupported format version %s; this errcat reads version %d",
             ver->raw, EC_FORMAT_VERSION);
    bool registry = get_bool(ld, top, "registry", false);
    const ec_value *cat = ec_map_get(top, "catalog");
    if (root && !cat)
        required(ld, top, "catalog", "a catalog file");
    else if (!root && cat)
        FAIL(ld, cat->at, "an included file cannot have a 'catalog' section");
    else if (cat)
        read_catalog_meta(ld, cat);
    if (root && registry)
        FAIL(ld, ec_map_get(top, "registry")->at, "a catalog cannot itself be a registry");

    /* lint.c reads the section (rule ids are its business); the loader
    ** checks its shape, so that 'errcat check' catches a misspelt key, and
    ** keeps it in the model for lint.c. */
    const ec_value *lint = ec_map_get(top, "lint");
    if (lint && !root) {
        FAIL(ld, lint->at, "an included file cannot have a 'lint' section");
    } else if (lint && check_map(ld, lint, "lint", K_LINT)) {
        size_t n;
        get_strings(ld, lint, "disable", &n);
        get_strings(ld, lint, "enable", &n);
        ld->c->lint = ec_value_copy(ld->a, lint);
    }

    const ec_value *loc = ec_map_get(top, "locales");
    if (loc && !root)
        FAIL(ld, loc->at, "an included file cannot have a 'locales' section");
    else if (loc)
        read_locales(ld, loc);

    read_includes(ld, top, path, depth);

    bool outer_registry = ld->registry;
    ld->registry = registry;
    const ec_value *env = ec_map_get(top, "envelope");
    if (env) {
        if (ld->c->envelope.present) {
            ec_error(ld->d, env->at, "the envelope is defined twice");
            ec_note(ld->d, ld->c->envelope.at, "first defined here");
            ld->failed = true;
        } else {
            read_envelope(ld, env, &ld->c->envelope);
        }
    }
    const ec_value *hs = ec_map_get(top, "headers");
    if (hs && expect(ld, hs, EC_VMAP, "headers")) {
        for (uint32_t i = 0; i < hs->len; i++) {
            const ec_member *mb = &hs->u.members[i];
            ec_header *h = VEC_PUSH(ld->headers);
            h->name = mb->key;
            h->at = mb->key_at;
            h->description = "";
            if (mb->val.kind == EC_VNULL || !check_map(ld, &mb->val, "header", K_HEADER))
                continue;
            h->type = (ec_header_type)get_enum(ld, &mb->val, "type", ec_header_type_names,
                                                EC_HDR_STRING);
            h->direction = (ec_header_direction)get_enum(
                ld, &mb->val, "direction", ec_header_direction_names, EC_DIR_RESPONSE);
            h->description = get_str(ld, &mb->val, "description", "");
        }
    }
    const ec_value *ps = ec_map_get(top, "retry_policies");
    if (ps && expect(ld, ps, EC_VMAP, "retry_policies")) {
        for (uint32_t i = 0; i < ps->len; i++) {
            const ec_member *mb = &ps->u.members[i];
            ec_policy *p = VEC_PUSH(ld->policies);
            p->name = mb->key;
            read_policy(ld, &mb->val, p);
            p->at = mb->key_at;
        }
    }
    const ec_value *ss = ec_map_get(top, "statuses");
    if (ss && expect(ld, ss, EC_VLIST, "statuses")) {
        ec_loc *seen = ec_xmalloc(500 * sizeof *seen);
        memset(seen, 0, 500 * sizeof *seen);
        for (uint32_t i = 0; i < ss->len; i++)
            read_status(ld, &ss->u.items[i], seen);
        free(seen);
    }
    const ec_value *ds = ec_map_get(top, "domains");
    if (ds && expect(ld, ds, EC_VLIST, "domains")) {
        if (registry && ds->len)
            FAIL(ld, ds->at, "a registry holds statuses only, not domains");
        for (uint32_t i = 0; i < ds->len; i++)
            read_domain(ld, &ds->u.items[i]);
    }
    ld->registry = outer_registry;
}

/* Streaming a file's codes: only the items of a list at domains[i].codes
** are handed over, each read as read_domain would, with the domain's id and
** code type as given before the list. */
static void *stream_open(void *ud, const char *const *keys, unsigned depth, const ec_builder *map,
                         ec_loc at)
{
    loader *ld = ud;
    if (depth != 3 || !keys[0] || strcmp(keys[0], "domains") != 0 || keys[1] ||
        strcmp(keys[2], "codes") != 0)
        return NULL;
    streamed *sc = ec_xmalloc(sizeof *sc);
    memset(sc, 0, sizeof *sc);
    sc->at = at;
    domain_keys(map->members, map->len, &sc->dom);
    ec_diag_init(&sc->diag);
    *VEC_PUSH(*ld->streamed) = sc;
    return sc;
}

static void stream_code(void *ud, void *ctx, const ec_value *item)
{
    loader *ld = ud;
    streamed *sc = ctx;
    ec_diag *d = ld->d;
    bool failed = ld->failed;
    ld->d = &sc->diag;
    ld->failed = false;
    if (!read_code_item(ld, item, &sc->dom, VEC_PUSH(sc->codes)))
        sc->codes.n--;
    sc->failed |= ld->failed;
    ld->d = d;
    ld->failed = failed;
}

/* Whether every streamed list was read as its domain says: an id or code
** type given after the codes (which is rare) may say otherwise. */
static bool streams_hold(const ec_value *top, const streamed_vec *sv)
{
    const ec_value *ds = ec_map_get(top, "domains");
    size_t k = 0;
    for (uint32_t i = 0; ds && ds->kind == EC_VLIST && i < ds->len && k < sv->n; i++) {
        const ec_value *dm = &ds->u.items[i];
        const ec_value *codes = ec_map_get(dm, "codes");
        if (!codes || !same_loc(codes->at, sv->v[k]->at))
            continue;
        ec_domain whole;
        domain_keys(dm->u.members, dm->len, &whole);
        if (strcmp(whole.id, sv->v[k]->dom.id) != 0 ||
            whole.string_codes != sv->v[k]->dom.string_codes)
            return false;
        k++;
    }
    return k == sv->n;
}

static void free_streamed(streamed_vec *sv)
{
    for (size_t i = 0; i < sv->n; i++) {
        free(sv->v[i]->codes.v);
        ec_diag_free(&sv->v[i]->diag);
        free(sv->v[i]);
    }
    free(sv->v);
    memset(sv, 0, sizeof *sv);
}

/* The parser is done with part of the file it reads (ec_doc_stream). */
static void release_text(void *ud, size_t from, size_t to)
{
    loader *ld = ud;
    ec_map_drop(ld->text, from, to);
}

static void read_file(loader *ld, const char *path, ec_loc from, unsigned depth, bool root)
{
    if (depth > MAX_INCLUDE_DEPTH) {
        FAIL(ld, from, "includes nested deeper than %d levels", MAX_INCLUDE_DEPTH);
        return;
    }
    char *real = realpath(path, NULL);
    if (real) {
        for (size_t i = 0; i < ld->files.n; i++) {
            if (strcmp(ld->files.v[i].real, real) != 0)
                continue;
            if (!ld->files.v[i].done) {
                /* The files not done yet are the chain of includes to here. */
                ec_buf chain;
                ec_buf_init(&chain);
                for (size_t j = i; j < ld->files.n; j++)
                    if (!ld->files.v[j].done)
                        ec_buf_printf(&chain, "%s -> ", ld->names.v[j]);
                ec_error(ld->d, from, "include cycle: %s%s", chain.data, ld->names.v[i]);
                ec_buf_free(&chain);
                ld->failed = true;
            }
            free(real); /* already loaded: a file is merged once */
            return;
        }
    }
    ec_input in = {NULL, 0, false};
    if (root && ld->root_text) {
        char *copy = memcpy(ec_xmalloc(ld->root_len + 1), ld->root_text, ld->root_len);
        copy[ld->root_len] = '\0';
        in.text = copy;
        in.len = ld->root_len;
    } else if (!ec_map_file(&in, path, ld->max_bytes, from, ld->d)) {
        free(real);
        ld->failed = true;
        return;
    }
    const char *text = in.text;
    size_t len = in.len;
    size_t me = ld->files.n;
    loaded_file *lf = VEC_PUSH(ld->files);
    lf->real = ec_arena_strdup(ld->a, real ? real : path);
    free(real);
    const char *name = ec_arena_strdup(ld->a, path);
    *VEC_PUSH(ld->names) = name;
    *VEC_PUSH(ld->hashes) = ec_hash_str(text, len);
    ec_map_drop(&in, 0, len); /* the parser reads it again, a page at a time */

    /* The model keeps the tree's strings (in the catalog's arena) but not
    ** its nodes, which go with the file once read; a domain's codes are
    ** read as they are parsed, so that their nodes go one code at a time. */
    ec_arena tree;
    ec_arena_init(&tree);
    ec_value top;
    streamed_vec sv;
    memset(&sv, 0, sizeof sv);
    streamed_vec *outer = ld->streamed;
    size_t outer_next = ld->next_streamed;
    ld->streamed = &sv;
    ld->next_streamed = 0;
    ec_doc_stream stream = {stream_open, stream_code, ld, in.mapped ? release_text : NULL};
    ld->text = &in;
    bool parsed = ec_doc_parse_split(&tree, ld->a, name, text, len, NULL, &stream, ld->d, &top);
    if (parsed && !streams_hold(&top, &sv)) {
        free_streamed(&sv); /* read again, every code with its domain */
        ec_arena_free(&tree);
        parsed = ec_doc_parse_split(&tree, ld->a, name, text, len, NULL, NULL, ld->d, &top);
    }
    ec_input_free(&in);
    ld->text = NULL;
    if (parsed)
        read_top(ld, &top, path, depth, root);
    else
        ld->failed = true;
    ld->files.v[me].done = true;
    ld->streamed = outer;
    ld->next_streamed = outer_next;
    free_streamed(&sv);
    ec_arena_free(&tree);
}

/* The categories of the locale's plural rules that integers take: a plural
** entry's msgstr[0], msgstr[1], ... in that order (ec_plural_categories). */
static size_t locale_categories(const ec_locale *l, ec_plural out[EC_NPLURALS])
{
    return ec_plural_categories(ec_plural_rules(l->tag), out);
}

/* A plural entry (msgid_plural) of a locale's PO file: the header's
** Plural-Forms counts the locale's categories, and the entry has a msgstr
** for each. False after an error. */
static bool plural_forms_read(loader *ld, const ec_locale *l, const ec_po *po,
                              const ec_po_entry *e)
{
    ec_plural cats[EC_NPLURALS];
    size_t n = locale_categories(l, cats);
    const char *pf = ec_po_header_field(po, "Plural-Forms", ld->a);
    const char *np = pf ? strstr(pf, "nplurals=") : NULL;
    char *end = NULL;
    long have = np ? strtol(np + 9, &end, 10) : -1;
    if (!np || end == np + 9 || have != (long)n) {
        const char *names = "";
        for (size_t k = 0; k < n; k++)
            names = ec_arena_printf(ld->a, "%s%s%s", names, k ? ", " : "",
                                    ec_plural_name(cats[k]));
        FAIL(ld, po->header_at,
             "the plural forms of %s are CLDR's categories for integers (%s): its header needs "
             "\"Plural-Forms: nplurals=%zu; plural=...;\"%s",
             l->tag, names, n, np ? ec_arena_printf(ld->a, ", not nplurals=%ld", have) : "");
        return false;
    }
    if (e->nstr != n) {
        FAIL(ld, e->str_at, "%s has %zu plural forms (msgstr[0] to msgstr[%zu]), not %zu", l->tag,
             n, n - 1, e->nstr);
        return false;
    }
    return true;
}

/* The forms of a plural entry, by the locale's categories; its text is
** the "other" form, or the last one where integers never take "other". */
static void plural_translation(loader *ld, const ec_locale *l, const ec_po_entry *e,
                               ec_translation *t)
{
    ec_plural cats[EC_NPLURALS];
    size_t n = locale_categories(l, cats);
    const char **forms = ec_arena_alloc(ld->a, EC_NPLURALS * sizeof *forms);
    memset(forms, 0, EC_NPLURALS * sizeof *forms);
    for (size_t k = 0; k < n; k++)
        forms[cats[k]] = e->str[k];
    t->forms = forms;
    t->source_plural = e->id_plural;
    t->text = e->str[n - 1];
}

/* The PO file of each locale, beside the root file in the locales
** folder, recorded as an input like an include. */
static void read_translations(loader *ld)
{
    ec_catalog *c = ld->c;
    const char *slash = strrchr(c->path, '/');
    char *dir = slash ? ec_arena_strndup(ld->a, c->path, (size_t)(slash - c->path + 1)) : "";
    for (size_t i = 0; i < c->nlocales; i++) {
        ec_locale *l = &c->locales[i];
        if (!ec_locale_valid(l->tag, strlen(l->tag))) {
            FAIL(ld, l->tag_at,
                 "'%s' is not a BCP 47 language tag such as fr, pt-BR or zh-Hant", l->tag);
            continue;
        }
        if (ec_locale_same(l->tag, strlen(l->tag), c->source_locale)) {
            FAIL(ld, l->tag_at, "'%s' is the source locale: its texts are the catalog's own",
                 l->tag);
            continue;
        }
        bool twice = false;
        for (size_t k = 0; k < i && !twice; k++)
            if (ec_locale_same(l->tag, strlen(l->tag), c->locales[k].tag)) {
                ec_error(ld->d, l->tag_at, "locale '%s' is listed twice", l->tag);
                ec_note(ld->d, c->locales[k].tag_at, "first listed here");
                ld->failed = twice = true;
            }
        if (twice)
            continue;
        l->path = ec_arena_printf(ld->a, "%s%s/%s.po", dir, ld->locales_folder, l->tag);
        size_t len;
        char *text = ec_read_file(l->path, ld->max_bytes, &len, l->tag_at, ld->d);
        if (!text) {
            ec_note(ld->d, l->tag_at,
                    "each locale is translated in %s%s/<tag>.po; start one from the template "
                    "that `errcat build -t pot` writes (msginit --input=<id>.pot --locale=%s)",
                    dir, ld->locales_folder, l->tag);
            ld->failed = true;
            continue;
        }
        *VEC_PUSH(ld->names) = l->path;
        *VEC_PUSH(ld->hashes) = ec_hash_str(text, len);
        ec_po po;
        bool ok = ec_po_read(l->path, text, len, ld->a, ld->d, &po);
        free(text);
        if (!ok) {
            ld->failed = true;
            continue;
        }
        l->items = ec_arena_alloc(ld->a, po.n * sizeof *l->items);
        for (size_t k = 0; k < po.n; k++) {
            const ec_po_entry *e = &po.entries[k];
            if (e->id_plural && !plural_forms_read(ld, l, &po, e))
                continue;
            if (e->fuzzy) {
                l->fuzzy++;
                continue;
            }
            bool empty = false;
            for (size_t f = 0; f < e->nstr; f++)
                empty = empty || !e->str[f][0];
            if (empty)
                continue; /* untranslated, or some of its plural forms */
            ec_translation *t = &l->items[l->n++];
            memset(t, 0, sizeof *t);
            t->ctxt = e->ctxt ? e->ctxt : "";
            t->source = e->id;
            t->text = e->str[0];
            t->at = e->str_at;
            if (e->id_plural)
                plural_translation(ld, l, e, t);
        }
    }
}

#define FREEZE(ld, vec, dst, ndst)                                             \
    do {                                                                       \
        (dst) = ec_arena_alloc((ld)->a, (vec).n * sizeof *(vec).v);            \
        if ((vec).n)                                                           \
            memcpy((dst), (vec).v, (vec).n * sizeof *(vec).v);                 \
        (ndst) = (vec).n;                                                      \
        free((vec).v);                                                         \
    } while (0)

static ec_catalog *load(const char *path, const char *text, size_t len, size_t max,
                        ec_diag *d);

ec_catalog *ec_load_file(const char *path, ec_diag *d)
{
    return load(path, NULL, 0, EC_MAX_INPUT_BYTES, d);
}

ec_catalog *ec_load_file_max(const char *path, size_t max_bytes, ec_diag *d)
{
    return load(path, NULL, 0, max_bytes, d);
}

ec_catalog *ec_load_buffer(const char *name, const char *text, size_t len, ec_diag *d)
{
    return load(name, text, len, EC_MAX_INPUT_BYTES, d);
}

static ec_catalog *load(const char *path, const char *text, size_t len, size_t max,
                        ec_diag *d)
{
    ec_catalog *c = ec_xmalloc(sizeof *c);
    memset(c, 0, sizeof *c);
    ec_arena_init(&c->arena);
    c->format = EC_FORMAT_VERSION;
    c->id = c->title = c->version = c->description = "";
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.c = c;
    ld.a = &c->arena;
    ld.d = d;
    ld.root_text = text;
    ld.root_len = len;
    ld.max_bytes = max;
    c->path = ec_arena_strdup(ld.a, path);
    read_file(&ld, path, (ec_loc){NULL, 0, 0}, 0, true);
    if (!ld.failed)
        read_translations(&ld);

    /* Only statuses some non-registry file declared belong to the API. */
    size_t keep = 0;
    for (size_t i = 0; i < ld.statuses.n; i++)
        if (ld.statuses.v[i].declared)
            ld.statuses.v[keep++] = ld.statuses.v[i];
    ld.statuses.n = keep;
    FREEZE(&ld, ld.headers, c->headers, c->nheaders);
    FREEZE(&ld, ld.policies, c->policies, c->npolicies);
    FREEZE(&ld, ld.statuses, c->statuses, c->nstatuses);
    FREEZE(&ld, ld.domains, c->domains, c->ndomains);
    FREEZE(&ld, ld.names, c->files, c->nfiles);
    FREEZE(&ld, ld.hashes, c->file_hashes, c->nfiles);
    free(ld.files.v);
    if (ld.failed) {
        ec_catalog_free(c);
        return NULL;
    }
    return c;
}
