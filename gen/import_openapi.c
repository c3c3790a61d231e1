/* import_openapi.c: OpenAPI 3.0 and 3.1 documents, JSON or YAML (read as
** the catalog loader reads YAML, so JSON too).
**
** Statuses: every response of every operation (`paths./p.get.responses`)
** keyed by a status, 100-599, and every response of `components.responses`
** that errcat's own `openapi` target wrote for a status (`x-errcat.status`)
** or whose name is one (`Status404`, `404`). Each becomes a status of the
** catalog, titled by the IANA registry (else `Status NNN`), described by
** its first response's description. Ranges (`4XX`) and `default` are not
** carried (a warning).
**
** Codes: where a response's schema (through $ref, allOf, oneOf, anyOf) has
** a code property with an `enum` (the envelope's code field named by
** `x-errcat-envelope`, else `code`, `error_code`, `errorCode`, `errCode`),
** its values are codes, and under `application/problem+json` the values of
** an enum of `type` are codes too (problem type URIs). The codes go to the
** domain named after the schema (`order.Error`, as errcat writes it:
** `order`; `ErrorResponse`: `error_response`; an inline schema: `errors`),
** strings or integers as the enum's values are; a code listed under one
** status only gets that status. Integer codes take their names from
** `x-enum-varnames` when it is there. errcat's own output also carries each
** code in `components.responses` with `x-errcat` (domain, code, name,
** status, deprecated, retired, aliases), which is read as well, so that
** errcat's `openapi` target imported again gives the catalog's statuses
** and codes back. A code's message is the problem example's `detail` when
** errcat wrote one, else its name in words. */
#include "import.h"

#include "doc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct oa {
    ec_import *im;
    const char *path;
    const ec_value *root;
    bool status_range_warned;
} oa;

static const char *const methods[] = {"get", "put", "post", "delete", "options", "head", "patch",
                                      "trace"};

static bool is_kind(const ec_value *v, ec_vkind k)
{
    return v && v->kind == k;
}

/* A local $ref ("#/components/schemas/X") resolved, following up to 16
** refs; NULL, with a warning at the ref, when it leads nowhere. '*name'
** gets the last ref's final segment. */
static const ec_value *deref(oa *r, const ec_value *v, const char **name)
{
    for (int hops = 0; is_kind(v, EC_VMAP) && hops < 16; hops++) {
        const ec_value *ref = ec_map_get(v, "$ref");
        if (!is_kind(ref, EC_VSTR))
            return v;
        const char *s = ref->u.s;
        if (strncmp(s, "#/", 2) != 0) {
            ec_warning(r->im->d, ref->at, "'%s' is not in this document: it is not followed", s);
            return NULL;
        }
        const ec_value *at = r->root;
        for (const char *p = s + 2; at && *p;) {
            const char *slash = strchr(p, '/');
            size_t n = slash ? (size_t)(slash - p) : strlen(p);
            /* JSON pointer: ~1 is '/', ~0 is '~'. */
            char key[256];
            size_t k = 0;
            for (size_t i = 0; i < n && k + 1 < sizeof key; i++) {
                if (p[i] == '~' && i + 1 < n && (p[i + 1] == '0' || p[i + 1] == '1')) {
                    key[k++] = p[i + 1] == '0' ? '~' : '/';
                    i++;
                } else {
                    key[k++] = p[i];
                }
            }
            key[k] = '\0';
            at = ec_map_get(at, key);
            if (name)
                *name = ec_arena_strndup(&r->im->a, p, n);
            p += n + (slash != NULL);
        }
        if (!at) {
            ec_warning(r->im->d, ref->at, "'%s' leads nowhere in this document", s);
            return NULL;
        }
        v = at;
    }
    return is_kind(v, EC_VMAP) ? v : NULL;
}

static ec_imp_domain *domain_of(oa *r, const char *schema_name, ec_loc at, bool strings,
                                bool problem)
{
    const char *id;
    if (!schema_name) {
        id = problem ? "problem_types" : "errors";
    } else {
        const char *dot = strrchr(schema_name, '.');
        ec_buf b;
        ec_buf_init(&b);
        size_t n = dot && dot != schema_name ? (size_t)(dot - schema_name) : strlen(schema_name);
        for (size_t i = 0; i < n; i++) {
            char c = schema_name[i];
            if (i && isupper((unsigned char)c) &&
                (islower((unsigned char)schema_name[i - 1]) || isdigit((unsigned char)schema_name[i - 1])))
                ec_buf_putc(&b, '_');
            ec_buf_putc(&b, c);
        }
        id = ec_imp_id(r->im, b.data, b.len);
        ec_buf_free(&b);
    }
    for (size_t i = 0; i < r->im->ndomains; i++)
        if (strcmp(r->im->domains[i].id, id) == 0)
            return &r->im->domains[i];
    ec_imp_domain *d = ec_imp_domain_add(r->im, id, at);
    d->strings = strings;
    if (schema_name) {
        const char *dot = strrchr(schema_name, '.');
        d->title = dot && dot != schema_name
                       ? ec_arena_strndup(&r->im->a, schema_name, (size_t)(dot - schema_name))
                       : schema_name;
    }
    return d;
}

/* A string code's name: the code itself when it is one (errcat derives
** it), else its last path segment in upper case (a problem type URI). */
static const char *string_name(oa *r, const char *code)
{
    if (ec_imp_is_ident(code, strlen(code)))
        return NULL;
    const char *seg = code, *end = code + strlen(code);
    while (end > code && (end[-1] == '/' || end[-1] == '#'))
        end--;
    for (const char *p = code; p < end; p++)
        if (*p == '/' || *p == '#' || *p == ':')
            seg = p + 1;
    char *id = ec_imp_id(r->im, seg, (size_t)(end - seg));
    for (char *p = id; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return id;
}

static char *words(oa *r, const char *name)
{
    char *m = ec_imp_literal(r->im, name, strlen(name));
    for (char *p = m; *p; p++)
        *p = *p == '_' || *p == '-' ? ' ' : (char)tolower((unsigned char)*p);
    return m;
}

/* The code 'v' of domain 'dom', found or added; NULL (warned) when its
** kind is not the domain's. 'status': under which it was found (0: none;
** two different: none). */
static ec_imp_code *add_code(oa *r, ec_imp_domain *dom, const ec_value *v, const char *name,
                             int status)
{
    bool str = v->kind == EC_VSTR;
    if (str != dom->strings || (!str && v->kind != EC_VINT)) {
        ec_warning(r->im->d, v->at, "a code of domain %s that is not %s: left out", dom->id,
                   dom->strings ? "a string" : "an integer");
        return NULL;
    }
    if (!str && (v->u.i > 9007199254740991LL || v->u.i < -9007199254740991LL)) {
        ec_warning(r->im->d, v->at, "a code beyond +-(2^53 - 1): left out");
        return NULL;
    }
    ec_imp_code *c = NULL;
    for (size_t i = 0; i < dom->ncodes && !c; i++)
        if (str ? strcmp(dom->codes[i].code, v->u.s) == 0 : dom->codes[i].num == v->u.i)
            c = &dom->codes[i];
    if (!c) {
        c = ec_imp_code_add(r->im, dom, v->at);
        if (str) {
            c->code = v->u.s;
            c->name = name ? name : string_name(r, v->u.s);
        } else {
            c->num = v->u.i;
            c->name = name ? name
                           : ec_arena_printf(&r->im->a, "CODE_%s%lld", v->u.i < 0 ? "MINUS_" : "",
                                             (long long)(v->u.i < 0 ? -v->u.i : v->u.i));
        }
        c->message = words(r, c->name ? c->name : v->u.s);
    }
    /* 0: under no status yet; -1: under two. */
    if (status && c->status >= 0)
        c->status = c->status == 0 || c->status == status ? status : -1;
    return c;
}

/* The enum of a code property of 'schema' into its domain. */
static void enum_codes(oa *r, const ec_value *prop, const char *schema_name, ec_loc at, int status,
                       const ec_value *names, bool problem)
{
    const ec_value *e = ec_map_get(prop, "enum");
    if (!is_kind(e, EC_VLIST) || !e->len)
        return;
    ec_imp_domain *dom = NULL;
    for (uint32_t i = 0; i < e->len; i++) {
        const ec_value *v = &e->u.items[i];
        if (v->kind == EC_VNULL)
            continue; /* a nullable enum's null */
        if (!dom)
            dom = domain_of(r, schema_name, at, v->kind == EC_VSTR, problem);
        const char *name = NULL;
        if (is_kind(names, EC_VLIST) && i < names->len && names->u.items[i].kind == EC_VSTR &&
            ec_imp_is_ident(names->u.items[i].u.s, names->u.items[i].len))
            name = names->u.items[i].u.s;
        add_code(r, dom, v, name, status);
    }
}

/* The schema of the property at 'path' of 'schema', a dotted path
** through nested objects as x-errcat-envelope writes it ("error.errno"). */
static const ec_value *prop_at(oa *r, const ec_value *schema, const char *path)
{
    while (schema && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        char *key = ec_arena_strndup(&r->im->a, path, n);
        schema = deref(r, ec_map_get(ec_map_get(schema, "properties"), key), NULL);
        path += n + (dot != NULL);
    }
    return schema;
}

static void schema_codes(oa *r, const ec_value *schema, const char *name, bool problem, int status,
                         int depth)
{
    if (depth > 8)
        return;
    const char *ref_name = name;
    schema = deref(r, schema, &ref_name);
    if (!schema)
        return;
    static const char *const subs[] = {"allOf", "oneOf", "anyOf"};
    for (size_t k = 0; k < 3; k++) {
        const ec_value *l = ec_map_get(schema, subs[k]);
        for (uint32_t i = 0; is_kind(l, EC_VLIST) && i < l->len; i++)
            schema_codes(r, &l->u.items[i], ref_name, problem, status, depth + 1);
    }
    const ec_value *env = ec_map_get(ec_map_get(schema, "x-errcat-envelope"), "code");
    const char *keys[] = {is_kind(env, EC_VSTR) ? env->u.s : "code", "error_code", "errorCode",
                          "errCode", problem ? "type" : NULL};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        if (!keys[k] || (k && is_kind(env, EC_VSTR)))
            continue;
        const ec_value *p = prop_at(r, schema, keys[k]);
        if (p)
            enum_codes(r, p, ref_name, p->at, status, ec_map_get(p, "x-enum-varnames"),
                       problem && k == 4);
    }
}

/* 'ours': a response errcat's openapi target wrote for the status, whose
** description is "NNN Title[: description]...": the title is taken back. */
static void add_status(oa *r, int status, const ec_value *resp, ec_loc at, bool ours)
{
    size_t before = r->im->nstatuses;
    ec_imp_status *s = ec_imp_status_add(r->im, status, at);
    if (r->im->nstatuses == before)
        return;
    const char *title = ec_imp_reason(status);
    s->title = title ? title : ec_arena_printf(&r->im->a, "Status %d", status);
    const ec_value *d = ec_map_get(resp, "description");
    if (!is_kind(d, EC_VSTR))
        return;
    s->description = d->u.s;
    char num[8];
    snprintf(num, sizeof num, "%d ", status);
    if (ours && strncmp(d->u.s, num, 4) == 0) {
        const char *t = d->u.s + 4;
        size_t n = strcspn(t, "\n");
        const char *colon = strstr(t, ": ");
        if (colon && (size_t)(colon - t) < n)
            n = (size_t)(colon - t);
        if (n)
            s->title = ec_arena_strndup(&r->im->a, t, n);
        const char *rest = t + n;
        rest += strncmp(rest, ": ", 2) == 0 ? 2 : strspn(rest, "\n");
        s->description = *rest ? rest : NULL;
    }
}

/* A response's content: the codes of its schemas. */
static void response_codes(oa *r, const ec_value *resp, int status)
{
    const ec_value *content = ec_map_get(resp, "content");
    for (uint32_t i = 0; is_kind(content, EC_VMAP) && i < content->len; i++) {
        const ec_member *m = &content->u.members[i];
        bool problem = strstr(m->key, "problem+json") != NULL;
        schema_codes(r, ec_map_get(&m->val, "schema"), NULL, problem, status, 0);
    }
}

/* A status key ("404"), 0 if the key is none. Warns of ranges. */
static int status_key(oa *r, const char *key, ec_loc at)
{
    size_t n = strlen(key);
    if (n == 3 && key[0] >= '1' && key[0] <= '5' && isdigit((unsigned char)key[1]) &&
        isdigit((unsigned char)key[2]))
        return (key[0] - '0') * 100 + (key[1] - '0') * 10 + (key[2] - '0');
    if (!r->status_range_warned && (strcmp(key, "default") == 0 || (n == 3 && key[1] == 'X'))) {
        r->status_range_warned = true;
        ec_warning(r->im->d, at,
                   "responses such as '%s' (ranges of statuses, default) are not carried: errcat "
                   "lists statuses one by one",
                   key);
    }
    return 0;
}

/* errcat's own per-code response: x-errcat {domain, code, name, ...}. */
static void errcat_code(oa *r, const ec_value *resp, const ec_value *x)
{
    const ec_value *dom_v = ec_map_get(x, "domain"), *code = ec_map_get(x, "code");
    const ec_value *name = ec_map_get(x, "name"), *fb = ec_map_get(x, "fallback");
    if (!is_kind(dom_v, EC_VSTR))
        return;
    const char *schema = ec_arena_printf(&r->im->a, "%s.Error", dom_v->u.s);
    if (is_kind(fb, EC_VBOOL) && fb->u.b) {
        /* A domain's fallback: the domain is there even if it lists no
        ** code; its schema's code property says strings or integers. */
        const ec_value *sch = ec_map_get(ec_map_get(ec_map_get(r->root, "components"), "schemas"),
                                         schema);
        const ec_value *env = ec_map_get(ec_map_get(sch, "x-errcat-envelope"), "code");
        const ec_value *prop = prop_at(r, sch, is_kind(env, EC_VSTR) ? env->u.s : "code");
        const ec_value *type = ec_map_get(prop, "type");
        if (is_kind(type, EC_VSTR))
            domain_of(r, schema, x->at, strcmp(type->u.s, "string") == 0, false);
        return;
    }
    if (!code)
        return;
    ec_imp_domain *dom = domain_of(r, schema, x->at, code->kind == EC_VSTR, false);
    const ec_value *st = ec_map_get(x, "status");
    int status = 0;
    if (is_kind(st, EC_VINT) && st->u.i >= 100 && st->u.i <= 599) {
        status = (int)st->u.i;
        add_status(r, status, NULL, st->at, false);
    }
    bool named = is_kind(name, EC_VSTR) && ec_imp_is_ident(name->u.s, name->len);
    ec_imp_code *c = add_code(r, dom, code, named ? name->u.s : NULL, status);
    if (!c)
        return;
    c->status = status; /* errcat says it exactly (0: none) */
    const ec_value *detail =
        ec_map_get(ec_map_get(ec_map_get(ec_map_get(resp, "content"), "application/problem+json"),
                              "example"),
                   "detail");
    if (is_kind(detail, EC_VSTR) && detail->len)
        c->message = ec_imp_literal(r->im, detail->u.s, detail->len);
    const ec_value *dep = ec_map_get(x, "deprecated"), *ret = ec_map_get(x, "retired");
    c->deprecated = is_kind(dep, EC_VBOOL) && dep->u.b;
    if (is_kind(ret, EC_VBOOL) && ret->u.b)
        c->retired = "";
    const ec_value *al = ec_map_get(x, "aliases");
    for (uint32_t i = 0; is_kind(al, EC_VLIST) && i < al->len; i++) {
        const ec_value *a = &al->u.items[i];
        bool have = false;
        for (size_t k = 0; k < c->naliases; k++)
            have = have || strcmp(c->aliases[k], a->u.s) == 0;
        if (is_kind(a, EC_VSTR) && ec_imp_is_ident(a->u.s, a->len) && !have)
            ec_imp_alias_add(r->im, c, a->u.s);
    }
}

bool ec_import_openapi(ec_import *im, const char *path, const char *text, size_t len)
{
    ec_value root;
    if (!ec_doc_parse(&im->a, path, text, len, &ec_doc_default_limits, im->d, &root))
        return false;
    oa r = {im, path, &root, false};
    /* The version as written: `openapi: 3.1` reads as a number. */
    const ec_value *ver = ec_map_get(&root, "openapi");
    const char *vtext = is_kind(ver, EC_VSTR) ? ver->u.s : ver ? ver->raw
                                                               : NULL;
    if (!is_kind(&root, EC_VMAP) || !vtext || strncmp(vtext, "3.", 2) != 0) {
        const ec_value *sw = ec_map_get(&root, "swagger");
        ec_error(im->d, ver ? ver->at : root.at,
                 sw ? "a Swagger 2.0 document: convert it to OpenAPI 3 first"
                    : "not an OpenAPI 3 document (its 'openapi' is \"3.0.x\" or \"3.1.x\")");
        return false;
    }
    const ec_value *info = ec_map_get(&root, "info");
    const ec_value *title = ec_map_get(info, "title");
    if (is_kind(title, EC_VSTR) && title->len)
        im->title = title->u.s;
    const ec_value *paths = ec_map_get(&root, "paths");
    for (uint32_t i = 0; is_kind(paths, EC_VMAP) && i < paths->len; i++) {
        const ec_value *item = &paths->u.members[i].val;
        for (size_t k = 0; k < sizeof methods / sizeof methods[0]; k++) {
            const ec_value *resps = ec_map_get(ec_map_get(item, methods[k]), "responses");
            for (uint32_t j = 0; is_kind(resps, EC_VMAP) && j < resps->len; j++) {
                const ec_member *m = &resps->u.members[j];
                int status = status_key(&r, m->key, m->key_at);
                const ec_value *resp = deref(&r, &m->val, NULL);
                if (status)
                    add_status(&r, status, resp, m->key_at, false);
                if (resp)
                    response_codes(&r, resp, status);
            }
        }
    }
    const ec_value *resps = ec_map_get(ec_map_get(&root, "components"), "responses");
    for (uint32_t j = 0; is_kind(resps, EC_VMAP) && j < resps->len; j++) {
        const ec_member *m = &resps->u.members[j];
        if (!is_kind(&m->val, EC_VMAP))
            continue;
        const ec_value *x = ec_map_get(&m->val, "x-errcat");
        const ec_value *st = ec_map_get(x, "status");
        const char *digits = strncmp(m->key, "Status", 6) == 0 ? m->key + 6 : m->key;
        int status = 0;
        bool ours = is_kind(st, EC_VINT) && st->u.i >= 100 && st->u.i <= 599 &&
                    !ec_map_get(x, "domain");
        if (ours)
            status = (int)st->u.i;
        else if (strlen(digits) == 3 && !ec_map_get(x, "domain"))
            status = status_key(&r, digits, m->key_at);
        if (status)
            add_status(&r, status, &m->val, m->key_at, ours);
        if (ec_map_get(x, "domain"))
            errcat_code(&r, &m->val, x);
        else
            response_codes(&r, &m->val, 0);
    }
    for (size_t i = 0; i < im->ndomains; i++)
        for (size_t k = 0; k < im->domains[i].ncodes; k++)
            if (im->domains[i].codes[k].status < 0)
                im->domains[i].codes[k].status = 0;
    if (!im->nstatuses && !im->ndomains)
        ec_warning(im->d, root.at, "no response status and no error code in the document");
    return true;
}
