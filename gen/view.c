/* view.c: catalog model -> view tree. Everything a template could want to
** compute is computed here, so templates stay logic-less. */
#include "view.h"

#include "alloc.h"
#include "com_err.h"
#include "docurl.h"
#include "grpc.h"
#include "ident.h"
#include "l10n.h"
#include "locale.h"
#include "msg.h"
#include "phash.h"
#include "produce.h"
#include "tables.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Strings to numbers, for the C tables: identical inline policies share a
** row and identical parameter lists share a run of the name pool, which
** keeps the generated C small for a compiler to digest. */
typedef struct strmap {
    const char **keys;
    int32_t *vals;
    size_t cap, n;
} strmap;

/* The value of 'key' (copied into 'a'), -1 when new. */
static int32_t *strmap_at(strmap *m, ec_arena *a, const char *key)
{
    if (2 * (m->n + 1) > m->cap) {
        strmap old = *m;
        m->cap = old.cap ? old.cap * 2 : 64;
        m->keys = ec_xmalloc(m->cap * sizeof *m->keys);
        m->vals = ec_xmalloc(m->cap * sizeof *m->vals);
        memset(m->keys, 0, m->cap * sizeof *m->keys);
        m->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i])
                *strmap_at(m, a, old.keys[i]) = old.vals[i];
        free(old.keys);
        free(old.vals);
    }
    size_t h = ec_hash_str(key, strlen(key)) & (m->cap - 1);
    for (; m->keys[h]; h = (h + 1) & (m->cap - 1))
        if (strcmp(m->keys[h], key) == 0)
            return &m->vals[h];
    m->keys[h] = ec_arena_strdup(a, key);
    m->vals[h] = -1;
    m->n++;
    return &m->vals[h];
}

static void strmap_free(strmap *m)
{
    free(m->keys);
    free(m->vals);
}

/* The view's own numbering of the model's policies (the model is not
** written to): a policy's address -> its place in the policy table. Sized
** once for every policy there is, in the arena, since entries built later
** read it. */
typedef struct policy_numbers {
    const ec_policy **keys;
    int32_t *vals;
    size_t mask;
} policy_numbers;

static void policy_numbers_init(policy_numbers *m, ec_arena *a, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    m->keys = ec_arena_alloc(a, cap * sizeof *m->keys);
    m->vals = ec_arena_alloc(a, cap * sizeof *m->vals);
    m->mask = cap - 1;
}

/* The number of 'p', -1 when it has none yet. */
static int32_t *policy_number(const policy_numbers *m, const ec_policy *p)
{
    size_t h = (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15u) & m->mask;
    for (; m->keys[h] && m->keys[h] != p; h = (h + 1) & m->mask)
        ;
    if (!m->keys[h]) {
        m->keys[h] = p;
        m->vals[h] = -1;
    }
    return &m->vals[h];
}

/* The enums of the model, whose spellings a view makes once. */
static const char *const *const enum_tables[] = {
    ec_retry_names,    ec_action_names,     ec_backoff_names,     ec_ui_severity_names,
    ec_audience_names, ec_param_type_names, ec_header_type_names, ec_header_direction_names,
};
#define NENUMS (sizeof enum_tables / sizeof enum_tables[0])

typedef struct viewer {
    const ec_catalog *c;
    ec_arena *a;
    bool derived;
    /* The distinct policies in use, for tables indexed by position: named
    ** ones in catalog order, then the rest as first met. */
    ec_builder policy_table;
    int32_t npolicy_table;
    policy_numbers policy_numbers; /* every policy's place in that table */
    bool *policy_used; /* per named policy, then the default: some entry uses it */
    /* Entry numbers, for the C tables: every code in domain order, then
    ** the fallbacks, then the statuses. */
    uint32_t *code_first;     /* per domain */
    int64_t *fallback_number; /* per domain, -1 without a fallback */
    uint32_t status_first, nentries;
    uint32_t *class_first; /* per domain: its classes' entries, numbered after the statuses */
    ec_member domain_spellings[5]; /* of the domain being built, shared by its entries */
    const char **status_anchors;   /* per status of the catalog, made once for its entries */
    ec_value *status_headers;      /* per status, then none: its header_defs, made once too */
    ec_value *ref_views;           /* per policy_index: the view of a reference to it, */
    size_t nref_views;             /* built once and shared by every entry using it */
    strmap inline_policies;        /* an inline policy's fields -> its table index */
    strmap param_lists;            /* a parameter list -> its offset in the pool */
    ec_builder param_pool;         /* every distinct list of parameter names, end to end */
    int64_t nparam_pool;
    int64_t *param_offsets;        /* per entry number: its list's place in the pool */
    ec_value *param_spelt;         /* the spellings of each name of the pool, five a name */
    ec_value *enum_spelt[NENUMS];  /* per enum_tables[i]: its values' spellings */
    const struct viewer *done;     /* the viewer once built, which lazy lists read */
    /* The C target's data, when derived: its string pool, each entry's
    ** record, and whether a code needs more than 32 bits. */
    ec_strpool *pool;
    ec_centry *centries; /* per entry number */
    ec_ctrans *ctrans;   /* per locale, then per entry number: [l * nentries + n] */
    struct plural_entry *plurals; /* the entries whose message has plural forms */
    size_t nplurals;
    bool wide_codes;
    /* A view of the docs in a locale (ec_view_build_locale): the locales
    ** whose translations its texts take, first found first (fr-CA, then
    ** fr), and its number in the catalog's (0 for the source). */
    const ec_locale *in[8];
    size_t nin, locale;
    /* In such a view, the element each policy written inline belongs to
    ** (its advice's context), sorted by policy: made when first needed. */
    struct inline_owner *inline_owners;
    size_t ninline_owners;
} viewer;

/* A text in the locale of the view: its translation (the text whose
** context, l10n.h, is 'ctxt'; NULL for one that has none), else the
** catalog's own. */
static const char *in_locale_ctxt(const viewer *v, const char *ctxt, const char *text)
{
    if (!v->nin || !ctxt || !text || !*text)
        return text;
    for (size_t i = 0; i < v->nin; i++) {
        const ec_translation *t = ec_l10n_find(v->in[i], ctxt);
        if (t)
            return t->text;
    }
    return text;
}

/* The same, the context given as 'element' and 'field'. */
static const char *in_locale(const viewer *v, const char *element, const char *field,
                             const char *text)
{
    if (!v->nin || !text || !*text)
        return text;
    return in_locale_ctxt(v, field ? ec_arena_join(v->a, element, ":", field) : element, text);
}

/* A text of an element for add_translations: the field of its context
** (NULL: the element's message) and its key. */
typedef struct l10n_field {
    const char *field, *key;
    /* A text only the docs show (l10n.h, "other texts"): in the json
    ** target's translations, not in the bindings' views. */
    bool docs;
} l10n_field;
static void add_translations(viewer *v, ec_builder *b, const char *element,
                             const l10n_field *fields, size_t n);
/* A text whose context is the element's own, shown by the docs only. */
static const l10n_field docs_title[] = {{NULL, "title", true}};
static const l10n_field docs_description[] = {{NULL, "description", true}};
static const l10n_field docs_reason[] = {{NULL, "reason", true}};

/* Whether the view reads the texts only the docs show by their contexts:
** a view of the docs in a locale translates them, the json target's lists
** their translations. */
static bool wants_docs_texts(const viewer *v)
{
    return v->nin || (!v->derived && v->c->nlocales);
}

/* The translations of a text the docs show alone ('ctxt' its context), in
** the json target's view (the only one that has them). */
static void add_docs_translations(viewer *v, ec_builder *b, const char *ctxt,
                                  const l10n_field *field)
{
    if (!v->derived && v->c->nlocales)
        add_translations(v, b, ctxt, field, 1);
}

/* The context of a status's texts. */
static const char *status_element(const viewer *v, int64_t status)
{
    return v->nin ? ec_l10n_status(v->a, status) : NULL;
}

/* A code's number as text, made for every entry of every template. */
static const char *decimal(viewer *v, int64_t x)
{
    char buf[EC_INT_TEXT_SIZE];
    char *p = ec_int_text(x, buf);
    return ec_arena_strndup(v->a, p, (size_t)(buf + EC_INT_TEXT_SIZE - p));
}

static const ec_case spelling_cases[5] = {EC_CASE_UPPER, EC_CASE_SNAKE, EC_CASE_CAMEL,
                                          EC_CASE_PASCAL, EC_CASE_KEBAB};

/* The spellings of 'name' in the order of spelling_cases. A name that may
** stand alone as an identifier ('safe') and clashes with a reserved word
** gets a trailing '_' in every spelling but kebab, so all outputs agree. */
static void spell_name(viewer *v, const char *name, bool safe, ec_value out[5])
{
    /* The same test as ec_ident_keyword_clash, on the spellings made here. */
    char *s[5];
    const char *word;
    bool clash = safe && ec_ident_reserved(name, &word);
    for (size_t i = 0; i < 5; i++) {
        s[i] = ec_ident_spell(v->a, name, spelling_cases[i]);
        clash = clash || (safe && spelling_cases[i] != EC_CASE_KEBAB &&
                          ec_ident_reserved(s[i], &word));
    }
    for (size_t i = 0; i < 5; i++)
        out[i] = ec_vstr(clash && spelling_cases[i] != EC_CASE_KEBAB
                             ? ec_arena_printf(v->a, "%s_", s[i])
                             : s[i]);
}

/* Adds spellings made by spell_name as <prefix>_upper, _snake, _camel,
** _pascal, _kebab. */
static void add_spelt(viewer *v, ec_builder *b, const char *prefix, const ec_value s[5])
{
    static const char *const suffixes[5] = {"upper", "snake", "camel", "pascal", "kebab"};
    /* The keys of the prefixes in use, spelt once. */
    static const char *const common[][6] = {
        {"name", "name_upper", "name_snake", "name_camel", "name_pascal", "name_kebab"},
        {"type", "type_upper", "type_snake", "type_camel", "type_pascal", "type_kebab"},
        {"retry", "retry_upper", "retry_snake", "retry_camel", "retry_pascal", "retry_kebab"},
        {"action", "action_upper", "action_snake", "action_camel", "action_pascal",
         "action_kebab"},
        {"backoff", "backoff_upper", "backoff_snake", "backoff_camel", "backoff_pascal",
         "backoff_kebab"},
        {"severity", "severity_upper", "severity_snake", "severity_camel", "severity_pascal",
         "severity_kebab"},
        {"audience", "audience_upper", "audience_snake", "audience_camel", "audience_pascal",
         "audience_kebab"},
    };
    const char *const *keys = NULL;
    for (size_t i = 0; i < sizeof common / sizeof common[0] && !keys; i++)
        if (prefix[0] == common[i][0][0] && strcmp(prefix, common[i][0]) == 0) /* inline first */
            keys = &common[i][1];
    for (size_t i = 0; i < 5; i++)
        ec_builder_add(b, keys ? keys[i] : ec_arena_printf(v->a, "%s_%s", prefix, suffixes[i]),
                       s[i]);
}

static void spellings(viewer *v, ec_builder *b, const char *prefix, const char *name, bool safe)
{
    ec_value s[5];
    spell_name(v, name, safe, s);
    add_spelt(v, b, prefix, s);
}

static void add_spellings(viewer *v, ec_builder *b, const char *prefix, const char *name)
{
    spellings(v, b, prefix, name, true);
}

/* Marks the maps of a list with index, first and last, for templates. */
static ec_value positions(viewer *v, ec_value list)
{
    if (!v->derived)
        return list;
    for (uint32_t i = 0; i < list.len; i++) {
        ec_value *it = &list.u.items[i];
        if (it->kind != EC_VMAP)
            continue;
        ec_builder b;
        ec_builder_init(&b);
        for (uint32_t j = 0; j < it->len; j++)
            ec_builder_add(&b, it->u.members[j].key, it->u.members[j].val);
        ec_builder_add(&b, "index", ec_vint(i));
        ec_builder_add(&b, "first", ec_vbool(i == 0));
        ec_builder_add(&b, "last", ec_vbool(i + 1 == list.len));
        *it = ec_builder_map(&b, v->a);
    }
    return list;
}

/* Adds 'key', a list of strings, and for templates 'items_key' (named
** <key>_items), the same strings as {value, index, first, last}: Mustache
** cannot tell the last item of a list of scalars, which separators need. */
static void add_strings(viewer *v, ec_builder *b, const char *key, const char *items_key,
                        const char *const *s, size_t n)
{
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; i < n; i++)
        ec_builder_push(&l, ec_vstr(s[i]));
    ec_builder_add(b, key, ec_builder_list(&l, v->a));
    if (!v->derived)
        return;
    ec_builder_init(&l);
    for (size_t i = 0; i < n; i++) {
        ec_builder item;
        ec_builder_init(&item);
        ec_builder_add(&item, "value", ec_vstr(s[i]));
        ec_builder_push(&l, ec_builder_map(&item, v->a));
    }
    ec_builder_add(b, items_key, positions(v, ec_builder_list(&l, v->a)));
}

/* A node of the envelope's property tree: its dotted paths merged by
** prefix, in the order code, message, details, status, title, echo. A
** member read with an index is an array: `[*]` reads any element, whose
** schema is the node's 'items'; `[N]` reads element N, whose schema is
** prefix[N] (JSON Schema's prefixItems, the elements before N left
** open). In JSON Schema 2020-12 'items' describes only the elements after
** the prefix, so what `[*]` reads is merged into each prefix node too. */
typedef struct env_node {
    const char *name, *path, *role; /* role: NULL for an object of deeper paths */
    struct env_node *kids, *items, *next;
    struct env_node **prefix; /* [N]: prefix[N], NULL where no path reads */
    size_t nprefix;
    bool is_array;
} env_node;

/* An index `[N]` at or past this leaves the element undescribed (an array
** of open elements) rather than write N open schemas before it. */
#define ENV_MAX_PREFIX 64

static env_node *env_new(viewer *v, const char *name, const char *path, size_t len)
{
    env_node *n = ec_arena_alloc(v->a, sizeof *n);
    memset(n, 0, sizeof *n);
    n->name = name;
    n->path = ec_arena_strndup(v->a, path, len);
    return n;
}

/* The member 'name' (n bytes) of a list, added at its end when absent. */
static env_node *env_member(viewer *v, env_node **list, const char *name, size_t n,
                            const char *path, size_t path_len)
{
    env_node **at = list;
    while (*at && !(strlen((*at)->name) == n && memcmp((*at)->name, name, n) == 0))
        at = &(*at)->next;
    if (!*at)
        *at = env_new(v, ec_arena_strndup(v->a, name, n), path, path_len);
    return *at;
}

/* The node of element N (< ENV_MAX_PREFIX) of array 'a'. */
static env_node *env_element(viewer *v, env_node *a, size_t idx, const char *path, size_t len)
{
    if (idx >= a->nprefix) {
        env_node **p = ec_arena_alloc(v->a, (idx + 1) * sizeof *p);
        memset(p, 0, (idx + 1) * sizeof *p);
        if (a->nprefix)
            memcpy(p, a->prefix, a->nprefix * sizeof *p);
        a->prefix = p;
        a->nprefix = idx + 1;
    }
    if (!a->prefix[idx])
        a->prefix[idx] = env_new(v, NULL, path, len);
    return a->prefix[idx];
}

/* Paths are valid (the validator's check_path): members without '.', '['
** or ']', each followed by any number of '[N]' or '[*]'. */
static void env_insert(viewer *v, env_node **list, const char *path, const char *role)
{
    for (const char *seg = path;;) {
        const char *dot = strchr(seg, '.');
        size_t n = dot ? (size_t)(dot - seg) : strlen(seg);
        size_t name_len = strcspn(seg, ".[");
        env_node *node =
            env_member(v, list, seg, name_len, path, (size_t)(seg - path) + name_len);
        for (const char *step = seg + name_len; step < seg + n;) {
            const char *end = strchr(step, ']') + 1;
            size_t len = (size_t)(end - path);
            node->is_array = true;
            if (step[1] == '*') {
                if (!node->items)
                    node->items = env_new(v, NULL, path, len);
                node = node->items;
            } else {
                size_t idx = (size_t)strtoul(step + 1, NULL, 10);
                if (idx >= ENV_MAX_PREFIX)
                    return;
                node = env_element(v, node, idx, path, len);
            }
            step = end;
        }
        if (!dot) {
            if (!node->role)
                node->role = role; /* the first role of a path wins */
            return;
        }
        seg = dot + 1;
        list = &node->kids;
    }
}

/* Adds to 'dst' what 'src' describes (a copy: nodes are in one list each). */
static void env_merge(viewer *v, env_node *dst, const env_node *src)
{
    if (!dst->role)
        dst->role = src->role;
    for (const env_node *k = src->kids; k; k = k->next)
        env_merge(v, env_member(v, &dst->kids, k->name, strlen(k->name), k->path, strlen(k->path)),
                  k);
    dst->is_array |= src->is_array;
    if (src->items) {
        if (!dst->items)
            dst->items = env_new(v, NULL, src->items->path, strlen(src->items->path));
        env_merge(v, dst->items, src->items);
    }
    for (size_t i = 0; i < src->nprefix; i++)
        if (src->prefix[i])
            env_merge(v, env_element(v, dst, i, src->prefix[i]->path, strlen(src->prefix[i]->path)),
                      src->prefix[i]);
}

/* What `[*]` reads holds for the elements `[N]` reads too (see above). */
static void env_finish(viewer *v, env_node *list)
{
    for (env_node *n = list; n; n = n->next) {
        env_finish(v, n->kids);
        if (n->items)
            env_finish(v, n->items);
        for (size_t i = 0; i < n->nprefix; i++)
            if (n->prefix[i]) {
                if (n->items)
                    env_merge(v, n->prefix[i], n->items);
                env_finish(v, n->prefix[i]);
            }
    }
}

static ec_value env_node_value(viewer *v, const env_node *n);

static ec_value env_tree(viewer *v, const env_node *n)
{
    ec_builder l;
    ec_builder_init(&l);
    for (; n; n = n->next)
        ec_builder_push(&l, env_node_value(v, n));
    return positions(v, ec_builder_list(&l, v->a));
}

static ec_value env_node_value(viewer *v, const env_node *n)
{
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "name", ec_vstr_or_null(n->name));
    ec_builder_add(&b, "path", ec_vstr(n->path));
    /* A path that is also the prefix of another is an object or an array. */
    ec_builder_add(&b, "role",
                   n->kids || n->is_array ? ec_vnull() : ec_vstr_or_null(n->role));
    ec_builder_add(&b, "children", env_tree(v, n->kids));
    ec_builder_add(&b, "is_array", ec_vbool(n->is_array));
    ec_builder_add(&b, "gap", ec_vbool(false));
    /* An array's elements: what [*] reads (a list of one node, or none),
    ** and what each [N] reads, a gap where none does. */
    ec_builder l;
    ec_builder_init(&l);
    if (n->items)
        ec_builder_push(&l, env_node_value(v, n->items));
    ec_builder_add(&b, "items", positions(v, ec_builder_list(&l, v->a)));
    ec_builder_init(&l);
    for (size_t i = 0; i < n->nprefix; i++) {
        if (n->prefix[i]) {
            ec_builder_push(&l, env_node_value(v, n->prefix[i]));
            continue;
        }
        ec_builder gap;
        ec_builder_init(&gap);
        ec_builder_add(&gap, "gap", ec_vbool(true));
        ec_builder_push(&l, ec_builder_map(&gap, v->a));
    }
    ec_builder_add(&b, "prefix_items", positions(v, ec_builder_list(&l, v->a)));
    ec_builder_add(&b, "has_prefix", ec_vbool(n->nprefix > 0));
    ec_builder_add(&b, "has_elements", ec_vbool(n->nprefix > 0 || n->items));
    return ec_builder_map(&b, v->a);
}

static ec_value envelope(viewer *v, const ec_envelope *e, const ec_envelope *over)
{
    ec_builder b;
    ec_builder_init(&b);
#define FIELD(f) ec_builder_add(&b, #f, ec_vstr_or_null(over && over->f ? over->f : e->f))
    FIELD(code);
    FIELD(message);
    FIELD(details);
    FIELD(status);
    FIELD(title);
#undef FIELD
    bool own = over && over->necho;
    add_strings(v, &b, "echo", "echo_items", own ? over->echo : e->echo,
                own ? over->necho : e->necho);
    bool own_h = over && over->necho_headers;
    if (own_h || e->necho_headers) /* only where used */
        add_strings(v, &b, "echo_headers", "echo_header_items",
                    own_h ? over->echo_headers : e->echo_headers,
                    own_h ? over->necho_headers : e->necho_headers);
    if (v->derived) {
        env_node *root = NULL;
        const char *paths[] = {over && over->code ? over->code : e->code,
                               over && over->message ? over->message : e->message,
                               over && over->details ? over->details : e->details,
                               over && over->status ? over->status : e->status,
                               over && over->title ? over->title : e->title};
        static const char *const roles[] = {"code", "message", "details", "status", "title"};
        for (size_t i = 0; i < 5; i++)
            if (paths[i])
                env_insert(v, &root, paths[i], roles[i]);
        for (size_t i = 0; i < (own ? over->necho : e->necho); i++)
            env_insert(v, &root, own ? over->echo[i] : e->echo[i], "echo");
        env_finish(v, root);
        ec_builder_add(&b, "fields", env_tree(v, root));
    }
    return ec_builder_map(&b, v->a);
}

/* The spellings of every value of 'names' (an enum's table), made once per
** view: entries, which lazy lists make again for every template, repeat
** the same few values. */
static const ec_value *enum_spellings(viewer *v, const char *const *names)
{
    /* A table missing from enum_tables is spelt at every call: still right. */
    size_t t = 0;
    while (t < NENUMS && enum_tables[t] != names)
        t++;
    if (t < NENUMS && v->enum_spelt[t])
        return v->enum_spelt[t];
    size_t n = 0;
    while (names[n])
        n++;
    ec_value *s = ec_arena_alloc(v->a, 5 * n * sizeof *s);
    for (size_t i = 0; i < n; i++)
        spell_name(v, names[i], false, &s[5 * i]); /* behind a prefix: no reserved word */
    if (t < NENUMS)
        v->enum_spelt[t] = s;
    return s;
}

static void add_enum(viewer *v, ec_builder *b, const char *key, const char *const *names, int i)
{
    ec_builder_add(b, key, ec_vstr(names[i]));
    if (v->derived)
        add_spelt(v, b, key, enum_spellings(v, names) + 5 * i);
}

static ec_value policy(viewer *v, const ec_policy *p, bool named_ref);
static ec_value policy_ref(viewer *v, const ec_policy *p);

/* The place of 'p' in policy_used: a named policy's, the default's after
** them, or -1 for a policy written inline. */
static ptrdiff_t used_slot(const viewer *v, const ec_policy *p)
{
    const ec_catalog *c = v->c;
    if (p == &ec_default_policy)
        return (ptrdiff_t)c->npolicies;
    for (size_t i = 0; i < c->npolicies; i++)
        if (p == &c->policies[i])
            return (ptrdiff_t)i;
    return -1;
}

/* The position of 'p' in the policy table, adding it on first use. */
static int32_t policy_index(viewer *v, const ec_policy *p)
{
    /* A condition's policy comes first in the table, so that a binding's
    ** table can name it where it declares this one. */
    for (size_t i = 0; i < p->nwhen; i++)
        policy_index(v, p->when[i].then.resolved);
    int32_t *number = policy_number(&v->policy_numbers, p);
    if (*number >= 0)
        return *number;
    int32_t *same = NULL;
    if (!p->name) {
        same = strmap_at(&v->inline_policies, v->a,
                         ec_arena_printf(v->a, "%d|%d|%s|%lld|%lld|%d|%d|%s|%lld|%s|%p",
                                         (int)p->retry, (int)p->action,
                                         p->delay_header ? p->delay_header : "",
                                         (long long)p->default_ms, (long long)p->max_ms,
                                         (int)p->backoff, (int)p->idempotent,
                                         p->idempotency_key ? p->idempotency_key : "",
                                         (long long)p->max_attempts, p->advice,
                                         /* conditions make a policy of its own */
                                         p->nwhen ? (const void *)p : NULL));
        if (*same >= 0)
            return *number = *same;
    }
    *number = v->npolicy_table++;
    if (same)
        *same = *number;
    ec_builder_push(&v->policy_table, policy(v, p, false));
    return *number;
}

/* The view of a reference to 'p' ("retry" of an entry or status): one per
** policy, shared, since a catalog has few policies and many entries. */
static ec_value policy_ref(viewer *v, const ec_policy *p)
{
    size_t i = (size_t)policy_index(v, p);
    if (i >= v->nref_views) {
        size_t n = v->nref_views ? v->nref_views : 8;
        while (n <= i)
            n *= 2;
        v->ref_views = ec_xrealloc(v->ref_views, n * sizeof *v->ref_views);
        for (size_t j = v->nref_views; j < n; j++)
            v->ref_views[j] = ec_vnull();
        v->nref_views = n;
    }
    if (v->ref_views[i].kind == EC_VNULL)
        v->ref_views[i] = policy(v, p, true);
    return v->ref_views[i];
}

/* The anchor of the header named 'name' in the docs. */
static const char *header_anchor(viewer *v, const char *name)
{
    ec_value s[5];
    spell_name(v, name, true, s);
    return ec_anchor(v->a, EC_ANCHOR_HEADER, NULL, s[4].u.s);
}

/* A policy's conditions, as written (header and its one test, 'then' a
** reference); the derived view adds the test's name and the policy index
** of 'then'. Only a policy that has some has the key. */
static ec_value conditions(viewer *v, const ec_policy *p)
{
    static const char *const tests[] = {"present", "equals", "at_most", "at_least", NULL};
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; i < p->nwhen; i++) {
        const ec_condition *w = &p->when[i];
        ec_builder b;
        ec_builder_init(&b);
        ec_builder_add(&b, "header", ec_vstr(w->header));
        if (w->op == EC_COND_EQUALS || v->derived)
            ec_builder_add(&b, "equals", ec_vstr_or_null(w->op == EC_COND_EQUALS ? w->equals : NULL));
        if (w->op == EC_COND_AT_MOST)
            ec_builder_add(&b, "at_most", ec_vint(w->bound));
        if (w->op == EC_COND_AT_LEAST)
            ec_builder_add(&b, "at_least", ec_vint(w->bound));
        ec_builder_add(&b, "then", policy_ref(v, w->then.resolved));
        if (v->derived) {
            add_enum(v, &b, "test", tests, (int)w->op);
            ec_builder_add(&b, "bound", ec_vint(w->bound));
            /* equals "" is a test too, and "" is falsy in a section. */
            ec_builder_add(&b, "is_equals", ec_vbool(w->op == EC_COND_EQUALS));
            ec_builder_add(&b, "header_anchor", ec_vstr(header_anchor(v, w->header)));
        }
        ec_builder_push(&l, ec_builder_map(&b, v->a));
    }
    return positions(v, ec_builder_list(&l, v->a));
}

typedef struct inline_owner {
    const ec_policy *policy;
    const char *element;
} inline_owner;

static int cmp_owner(const void *a, const void *b)
{
    const ec_policy *x = ((const inline_owner *)a)->policy, *y = ((const inline_owner *)b)->policy;
    return x < y ? -1 : x > y;
}

static void add_owner(viewer *v, size_t *n, const ec_policy_ref *r, const char *element)
{
    if (r->inline_policy && *r->inline_policy->advice)
        v->inline_owners[(*n)++] = (inline_owner){r->inline_policy, element};
}

/* Every policy written inline whose advice the docs show, with its element. */
static void find_inline_owners(viewer *v)
{
    const ec_catalog *c = v->c;
    size_t n = c->nstatuses;
    for (size_t i = 0; i < c->ndomains; i++)
        n += c->domains[i].ncodes + 1 + c->domains[i].nclasses;
    v->inline_owners = ec_arena_alloc(v->a, n * sizeof *v->inline_owners);
    n = 0;
    for (size_t i = 0; i < c->nstatuses; i++)
        add_owner(v, &n, &c->statuses[i].retry, ec_l10n_status(v->a, c->statuses[i].status));
    for (size_t i = 0; i < c->ndomains; i++) {
        const ec_domain *dom = &c->domains[i];
        for (size_t j = 0; j < dom->ncodes; j++)
            if (dom->codes[j].more->retry.inline_policy)
                add_owner(v, &n, &dom->codes[j].more->retry,
                          ec_l10n_context(v->a, dom, &dom->codes[j], NULL, NULL));
        if (dom->fallback && dom->fallback->more->retry.inline_policy)
            add_owner(v, &n, &dom->fallback->more->retry,
                      ec_l10n_context(v->a, dom, dom->fallback, NULL, NULL));
        for (size_t j = 0; j < dom->nclasses; j++)
            if (dom->classes[j].entry.more->retry.inline_policy)
                add_owner(v, &n, &dom->classes[j].entry.more->retry,
                          ec_l10n_context(v->a, dom, &dom->classes[j].entry, &dom->classes[j],
                                          NULL));
    }
    qsort(v->inline_owners, n, sizeof *v->inline_owners, cmp_owner);
    v->ninline_owners = n;
}

/* A policy's advice in the locale of the view: a named policy's by its
** name, one written inline by the element it is written at. Equal inline
** policies share a view (policy_index), and so the translation of the
** first one's advice, which says the same. */
static const char *policy_advice(viewer *v, const ec_policy *p)
{
    if (!v->nin || !*p->advice)
        return p->advice;
    if (p->name)
        return in_locale(v, ec_l10n_policy(v->a, p->name), "advice", p->advice);
    if (!v->inline_owners)
        find_inline_owners(v);
    inline_owner key = {p, NULL};
    const inline_owner *o =
        v->ninline_owners
            ? bsearch(&key, v->inline_owners, v->ninline_owners, sizeof key, cmp_owner)
            : NULL;
    return o ? in_locale(v, o->element, "retry.advice", p->advice) : p->advice;
}

static ec_value policy(viewer *v, const ec_policy *p, bool named_ref)
{
    ec_builder b, d;
    ec_builder_init(&b);
    if (named_ref)
        ec_builder_add(&b, "policy", ec_vstr_or_null(p->name));
    else
        ec_builder_add(&b, "name", ec_vstr_or_null(p->name));
    add_enum(v, &b, "retry", ec_retry_names, (int)p->retry);
    add_enum(v, &b, "action", ec_action_names, (int)p->action);
    ec_builder_init(&d);
    ec_builder_add(&d, "header", ec_vstr_or_null(p->delay_header));
    if (v->derived) /* how bindings read the header; seconds when there is none */
        add_enum(v, &d, "header_type", ec_header_type_names,
                 (int)(p->delay_header ? p->delay_type : EC_HDR_SECONDS));
    ec_builder_add(&d, "default_ms", ec_vint(p->default_ms));
    ec_builder_add(&d, "max_ms", ec_vint(p->max_ms));
    add_enum(v, &d, "backoff", ec_backoff_names, (int)p->backoff);
    ec_builder_add(&b, "delay", ec_builder_map(&d, v->a));
    ec_builder_add(&b, "idempotent", ec_vbool(p->idempotent));
    /* The canonical tree has the key only when used, as catalogs write it. */
    if (v->derived || p->idempotency_key)
        ec_builder_add(&b, "idempotency_key", ec_vstr_or_null(p->idempotency_key));
    if (v->derived)
        ec_builder_add(&b, "idempotency_key_anchor",
                       p->idempotency_key ? ec_vstr(header_anchor(v, p->idempotency_key))
                                          : ec_vnull());
    ec_builder_add(&b, "max_attempts", ec_vint(p->max_attempts));
    ec_builder_add(&b, "advice", ec_vstr(policy_advice(v, p)));
    /* A named policy's, in the list of policies (an inline one's are its
    ** element's: entry, status). */
    static const l10n_field policy_fields[] = {{"advice", "advice", true}};
    if (!named_ref && p->name && *p->advice && !v->derived && v->c->nlocales)
        add_translations(v, &b, ec_l10n_policy(v->a, p->name), policy_fields, 1);
    /* Always in the derived view: a section of a policy without conditions
    ** (a condition's 'then', a status's) must not find another's 'when'. */
    if (p->nwhen || v->derived)
        ec_builder_add(&b, "when", conditions(v, p));
    if (v->derived) {
        ec_builder_add(&b, "retryable", ec_vbool(p->retry != EC_RETRY_NEVER));
        ec_builder_add(&b, "policy_index", ec_vint(policy_index(v, p)));
        /* A policy written inline is an entry's, or the view never meets it. */
        ptrdiff_t slot = used_slot(v, p);
        ec_builder_add(&b, "used", ec_vbool(slot < 0 || v->policy_used[slot]));
        /* Not on a reference: there "anchor" is the entry's. */
        if (!named_ref && p->name)
            ec_builder_add(&b, "anchor", ec_vstr(ec_anchor(v->a, EC_ANCHOR_POLICY, NULL, p->name)));
    }
    return ec_builder_map(&b, v->a);
}

/* The examples of the element 'element' (its context, l10n.h). */
static ec_value examples(viewer *v, const char *element, const ec_example *x, size_t n,
                         int64_t status)
{
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; i < n; i++) {
        ec_builder b;
        ec_builder_init(&b);
        const char *ctxt =
            wants_docs_texts(v) && *x[i].title ? ec_l10n_example_context(v->a, element, i) : NULL;
        ec_builder_add(&b, "title", ec_vstr(in_locale_ctxt(v, ctxt, x[i].title)));
        if (ctxt)
            add_docs_translations(v, &b, ctxt, docs_title);
        int64_t st = x[i].status ? x[i].status : status;
        ec_builder_add(&b, "status", st ? ec_vint(st) : ec_vnull());
        ec_value h = x[i].headers;
        if (h.kind != EC_VMAP) {
            ec_builder e;
            ec_builder_init(&e);
            h = ec_builder_map(&e, v->a);
        }
        ec_builder_add(&b, "headers", h);
        ec_builder_add(&b, "body", x[i].body);
        if (v->derived) {
            /* Mustache cannot walk a map's keys: the headers as a list too. */
            ec_builder hl;
            ec_builder_init(&hl);
            for (uint32_t j = 0; j < h.len; j++) {
                ec_builder kv;
                ec_builder_init(&kv);
                ec_builder_add(&kv, "name", ec_vstr(h.u.members[j].key));
                ec_builder_add(&kv, "value", h.u.members[j].val);
                ec_builder_push(&hl, ec_builder_map(&kv, v->a));
            }
            ec_builder_add(&b, "header_list", positions(v, ec_builder_list(&hl, v->a)));
            ec_buf json;
            ec_buf_init(&json);
            ec_json_write(&x[i].body, &json);
            json.data[--json.len] = '\0'; /* no final newline inside a template */
            ec_builder_add(&b, "body_json", ec_vstr(ec_arena_strndup(v->a, json.data, json.len)));
            ec_buf_free(&json);
        }
        ec_builder_push(&l, ec_builder_map(&b, v->a));
    }
    return positions(v, ec_builder_list(&l, v->a));
}

static const char *status_class(int64_t s)
{
    static const char *const classes[] = {"Informational", "Success", "Redirection",
                                          "Client Error", "Server Error"};
    return classes[s / 100 - 1];
}

/* A declared header; 'anchored' in the catalog's list of headers, which
** the docs give an anchor (an entry's header_defs are not). */
static ec_value header(viewer *v, const ec_header *h, bool anchored)
{
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "name", ec_vstr(h->name));
    add_enum(v, &b, "type", ec_header_type_names, (int)h->type);
    /* The canonical tree has a direction only when it is not the default. */
    if (v->derived || h->direction != EC_DIR_RESPONSE)
        add_enum(v, &b, "direction", ec_header_direction_names, (int)h->direction);
    const char *texts =
        wants_docs_texts(v) && *h->description ? ec_l10n_header(v->a, h->name) : NULL;
    ec_builder_add(&b, "description", ec_vstr(in_locale(v, texts, "description", h->description)));
    static const l10n_field header_fields[] = {{"description", "description", true}};
    if (texts && !v->derived)
        add_translations(v, &b, texts, header_fields, 1);
    if (v->derived) {
        ec_builder_add(&b, "is_request", ec_vbool(h->direction != EC_DIR_RESPONSE));
        ec_builder_add(&b, "is_response", ec_vbool(h->direction != EC_DIR_REQUEST));
        ec_value s[5];
        spell_name(v, h->name, true, s);
        add_spelt(v, &b, "name", s);
        if (anchored)
            ec_builder_add(&b, "anchor", ec_vstr(header_anchor(v, h->name)));
    }
    return ec_builder_map(&b, v->a);
}

static char lower_ascii(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The declared headers a status names (names compare without ASCII case),
** in their declared spelling, with their type and description. */
static ec_value header_defs(viewer *v, const ec_status *s)
{
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; s && i < s->nheaders; i++)
        for (size_t j = 0; j < v->c->nheaders; j++) {
            const char *a = s->headers[i].s, *b = v->c->headers[j].name;
            while (*a && *b && lower_ascii(*a) == lower_ascii(*b))
                a++, b++;
            if (!*a && !*b) {
                ec_builder_push(&l, header(v, &v->c->headers[j], false));
                break;
            }
        }
    return positions(v, ec_builder_list(&l, v->a));
}

static ec_value flag(viewer *v, const char *reason)
{
    if (!reason)
        return ec_vnull();
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "reason", ec_vstr(reason));
    return ec_builder_map(&b, v->a);
}

static ec_value message_parts(viewer *v, const char *msg)
{
    ec_builder l;
    ec_builder_init(&l);
    const char *cur = msg;
    ec_msg_part p;
    while (ec_msg_next(msg, &cur, &p) == EC_MSG_PART) {
        ec_builder b;
        ec_builder_init(&b);
        const char *s = ec_arena_strndup(v->a, p.text, p.len);
        ec_builder_add(&b, p.is_param ? "param" : "text", ec_vstrn(s, p.len));
        ec_builder_push(&l, ec_builder_map(&b, v->a));
    }
    return positions(v, ec_builder_list(&l, v->a));
}

/* The parameters read 'from' the body, {name, from}, as "from_params"
** (only on an entry that has some): a binding's classify fills them. */
static void add_from_params(viewer *v, ec_builder *b, const ec_code *e)
{
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; i < e->more->nparams; i++) {
        if (!e->more->params[i].from)
            continue;
        ec_builder p;
        ec_builder_init(&p);
        ec_builder_add(&p, "name", ec_vstr(e->more->params[i].name));
        ec_builder_add(&p, "from", ec_vstr(e->more->params[i].from));
        ec_builder_push(&l, ec_builder_map(&p, v->a));
    }
    if (l.len)
        ec_builder_add(b, "from_params", positions(v, ec_builder_list(&l, v->a)));
    else
        ec_builder_discard(&l);
}

/* A fallback's message may say ${code}: the unknown code is its first
** parameter. */
static const ec_param code_param = {.name = "code", .type = EC_PARAM_STRING,
                                    .description = "the code, which the catalog does not list"};

static const ec_param *param_at(const ec_code *e, bool fallback, size_t k)
{
    return fallback ? (k ? &e->more->params[k - 1] : &code_param) : &e->more->params[k];
}

/* Where the list of parameter names of 'e' starts in the pool, adding it
** if new. */
static int64_t param_offset(viewer *v, const ec_code *e, bool fallback)
{
    size_t n = e->more->nparams + fallback;
    ec_buf key;
    ec_buf_init(&key);
    for (size_t k = 0; k < n; k++)
        ec_buf_printf(&key, "%s\x1f", param_at(e, fallback, k)->name);
    int32_t *at = strmap_at(&v->param_lists, v->a, key.data ? key.data : "");
    ec_buf_free(&key);
    if (*at < 0) {
        *at = (int32_t)v->nparam_pool;
        v->param_spelt = ec_xrealloc(v->param_spelt,
                                     5 * ((size_t)v->nparam_pool + n) * sizeof *v->param_spelt);
        for (size_t k = 0; k < n; k++) {
            const char *name = param_at(e, fallback, k)->name;
            ec_builder_push(&v->param_pool, ec_vstr(name));
            spell_name(v, name, true, &v->param_spelt[5 * v->nparam_pool]);
            v->nparam_pool++;
        }
    }
    return *at;
}

/* ---- plural forms ---- */

/* An entry whose message has plural forms, for the C target's table. */
struct plural_entry {
    int64_t number;
    const ec_code *e;
    const char *ctxt; /* its message's context (l10n.h) */
    int64_t count;    /* the count's place among its placeholders */
};

static int64_t count_index(const ec_code *e, bool fallback)
{
    for (size_t k = 0; k < e->more->nparams; k++)
        if (!strcmp(e->more->params[k].name, e->more->forms->count))
            return (int64_t)(k + fallback);
    return 0;
}

/* {zero: ..., one: ..., other: ...}: the forms written, by category. */
static ec_value forms_map(viewer *v, const char *const *form)
{
    ec_builder b;
    ec_builder_init(&b);
    for (int p = 0; p < EC_NPLURALS; p++)
        if (form[p])
            ec_builder_add(&b, ec_plural_name((ec_plural)p), ec_vstr(form[p]));
    return ec_builder_map(&b, v->a);
}

/* The same as a list, for templates: [{category, category_index, text}]. */
static ec_value forms_list(viewer *v, const char *const *form)
{
    ec_builder l;
    ec_builder_init(&l);
    for (int p = 0; p < EC_NPLURALS; p++)
        if (form[p]) {
            ec_builder b;
            ec_builder_init(&b);
            ec_builder_add(&b, "category", ec_vstr(ec_plural_name((ec_plural)p)));
            ec_builder_add(&b, "category_index", ec_vint(p));
            ec_builder_add(&b, "text", ec_vstr(form[p]));
            ec_builder_push(&l, ec_builder_map(&b, v->a));
        }
    return positions(v, ec_builder_list(&l, v->a));
}

/* The plural forms of an entry's message: {count, forms}, and in derived
** views count_index and form_list; in a locale's view (the docs) the forms
** of the translation its message takes, where that has them. */
static ec_value plural_view(viewer *v, const ec_code *e, const char *element, bool fallback)
{
    const char *const *form = e->more->forms->form;
    for (size_t i = 0; i < v->nin; i++) {
        const ec_translation *t = ec_l10n_find(v->in[i], element);
        if (t) {
            form = t->forms;
            break;
        }
    }
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "count", ec_vstr(e->more->forms->count));
    ec_builder_add(&b, "forms", forms_map(v, form));
    if (v->derived) {
        ec_builder_add(&b, "count_index", ec_vint(count_index(e, fallback)));
        ec_builder_add(&b, "form_list", forms_list(v, form));
    }
    return ec_builder_map(&b, v->a);
}

/* A condition without the parentheses around all of it, which formatters
** (black, prettier, rustfmt's lints) take away: "(a || b)" is "a || b". */
static const char *bare(viewer *v, const ec_buf *b)
{
    size_t n = b->len, depth = 0, close = 0;
    for (size_t i = 0; n && b->data[0] == '(' && i < n && !close; i++) {
        depth += b->data[i] == '(';
        depth -= b->data[i] == ')';
        if (!depth)
            close = i;
    }
    return close + 1 == n && n > 1 ? ec_arena_strndup(v->a, b->data + 1, n - 2)
                                   : ec_arena_strndup(v->a, b->data, n);
}

/* The conditions of a locale's plural rules, in CLDR's order, each
** {category, category_index, test, test_go, test_py} over the integer 'n' (its
** absolute value), without "other" (what no condition takes) and those no
** integer meets (Polish's fractions). */
static ec_value plural_conditions(viewer *v, const char *tag)
{
    const ec_plural_set *set = ec_plural_rules(tag);
    ec_builder l;
    ec_builder_init(&l);
    for (int p = 0; p < EC_PLURAL_OTHER; p++) {
        if (!set->rules[p])
            continue;
        ec_buf c, py;
        ec_buf_init(&c);
        ec_buf_init(&py);
        ec_plural_truth t, tpy;
        ec_plural_write(&c, set->rules[p], "n", " && ", " || ", &t);
        ec_plural_write(&py, set->rules[p], "n", " and ", " or ", &tpy);
        if (t != EC_PLURAL_NEVER) {
            ec_builder b;
            ec_builder_init(&b);
            ec_builder_add(&b, "category", ec_vstr(ec_plural_name((ec_plural)p)));
            ec_builder_add(&b, "category_index", ec_vint(p));
            const char *test = t == EC_PLURAL_ALWAYS ? "true" : bare(v, &c);
            ec_builder_add(&b, "test", ec_vstr(test));
            /* gofmt writes "%" without spaces where a comparison holds it,
            ** as every "%" of a plural condition is held. */
            ec_buf go;
            ec_buf_init(&go);
            for (const char *q = test; *q; q++)
                if (strncmp(q, " % ", 3))
                    ec_buf_putc(&go, *q);
                else
                    ec_buf_putc(&go, '%'), q += 2;
            ec_builder_add(&b, "test_go", ec_vstr(ec_arena_strndup(v->a, go.data, go.len)));
            ec_buf_free(&go);
            ec_builder_add(&b, "test_py", ec_vstr(t == EC_PLURAL_ALWAYS ? "True" : bare(v, &py)));
            ec_builder_push(&l, ec_builder_map(&b, v->a));
        }
        ec_buf_free(&c);
        ec_buf_free(&py);
    }
    return positions(v, ec_builder_list(&l, v->a));
}

/* Each locale's plural rules, the source's first: [{tag, index,
** conditions}] (derived views of catalogs with plural messages). */
static ec_value plural_rules(viewer *v)
{
    const ec_catalog *c = v->c;
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; i <= c->nlocales; i++) {
        const char *tag = i ? c->locales[i - 1].tag : c->source_locale ? c->source_locale : "en";
        ec_builder b;
        ec_builder_init(&b);
        ec_builder_add(&b, "tag", ec_vstr(tag));
        ec_builder_add(&b, "conditions", plural_conditions(v, tag));
        ec_builder_push(&l, ec_builder_map(&b, v->a));
    }
    return positions(v, ec_builder_list(&l, v->a));
}

static int cmp_plural_entry(const void *a, const void *b)
{
    int64_t x = ((const struct plural_entry *)a)->number, y = ((const struct plural_entry *)b)->number;
    return (x > y) - (x < y);
}

/* The C target's plural forms: for each entry with some, by entry number,
** {number, count, forms: "{a, b, c, d, e, f}, {...}": a row per locale,
** the source's first, of six string offsets + 1 (0 where the locale has no
** such form)}. */
static ec_value plural_table(viewer *v)
{
    qsort(v->plurals, v->nplurals, sizeof *v->plurals, cmp_plural_entry);
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; i < v->nplurals; i++) {
        const struct plural_entry *pe = &v->plurals[i];
        ec_buf row;
        ec_buf_init(&row);
        for (size_t k = 0; k <= v->c->nlocales; k++) {
            const char *const *form = pe->e->more->forms->form;
            if (k) {
                const ec_translation *t = ec_l10n_find(&v->c->locales[k - 1], pe->ctxt);
                form = t ? t->forms : NULL;
            }
            ec_buf_printf(&row, "%s{", k ? ", " : "");
            for (int p = 0; p < EC_NPLURALS; p++)
                ec_buf_printf(&row, "%s%lu", p ? ", " : "",
                              form && form[p] ? (unsigned long)ec_strpool_add(v->pool, form[p]) + 1
                                              : 0UL);
            ec_buf_puts(&row, "}");
        }
        ec_builder b;
        ec_builder_init(&b);
        ec_builder_add(&b, "number", ec_vint(pe->number));
        ec_builder_add(&b, "count", ec_vint(pe->count));
        ec_builder_add(&b, "forms", ec_vstr(ec_arena_strndup(v->a, row.data, row.len)));
        ec_buf_free(&row);
        ec_builder_push(&l, ec_builder_map(&b, v->a));
    }
    return positions(v, ec_builder_list(&l, v->a));
}

/* The C target's translations of entry 'number', whose texts have the
** contexts of 'element' (l10n.h). */
static void register_translations(viewer *v, const char *element, int64_t number, bool status)
{
    static const char *const entry_fields[4] = {NULL, "description", "hint", "ui.hint"};
    static const char *const status_fields[4] = {"title", "description", "hint", NULL};
    const char *const *fields = status ? status_fields : entry_fields;
    for (size_t l = 0; l < v->c->nlocales; l++) {
        ec_ctrans *t = &v->ctrans[l * (size_t)v->nentries + (size_t)number];
        for (size_t k = 0; k < 4; k++) {
            if (!fields[k] && (status || k))
                continue;
            const char *ctxt = fields[k] ? ec_arena_join(v->a, element, ":", fields[k]) : element;
            const ec_translation *tr = ec_l10n_find(&v->c->locales[l], ctxt);
            t->text[k] = tr ? tr->text : NULL;
        }
    }
}

/* What an entry adds to the catalog-wide tables (policies met first,
** parameter lists), done in entry order before any entry is built, so
** that entries can be built later, in any order, and touch nothing. */
static void register_entry(viewer *v, const ec_code *e, bool fallback, int64_t number, size_t di)
{
    int32_t policy = policy_index(v, e->policy);
    policy_ref(v, e->policy);
    if (!v->derived)
        return;
    if (e->more->nparams + fallback)
        v->param_offsets[number] = param_offset(v, e, fallback);
    const ec_domain *dom = &v->c->domains[di];
    v->centries[number] = (ec_centry){
        .message = e->message,
        .description = e->more->description,
        .hint = e->more->hint,
        .code_str = fallback ? NULL : e->is_string ? e->str : decimal(v, e->num),
        .name = fallback ? NULL : e->name,
        .ui_hint = e->more->ui->present ? e->more->ui->hint : NULL,
        /* A symbolic code is its place in the domain, as the C enum numbers it. */
        .code = fallback ? 0 : e->is_string ? (int64_t)(e - dom->codes) : e->num,
        .params = (uint32_t)v->param_offsets[number],
        .nparams = (uint32_t)(e->more->nparams + fallback),
        .policy = (uint32_t)policy,
        .domain = (int32_t)di,
        .status = (uint16_t)e->status,
        .kind = fallback ? 1 : 0,
        .flags = (uint8_t)((e->more->deprecated ? EC_CF_DEPRECATED : 0) |
                           (!fallback && e->more->retired ? EC_CF_RETIRED : 0) |
                           (e->more->ui->present ? EC_CF_UI : 0) |
                           (e->more->ui->present ? (int)e->more->ui->severity : EC_UI_ERROR) << 2 |
                           (e->more->ui->present ? (int)e->more->ui->audience : EC_AUD_USER) << 4),
    };
    const ec_class *cls = fallback && e != dom->fallback && e->cls >= 0 ? &dom->classes[e->cls]
                                                                       : NULL;
    if (v->ctrans)
        register_translations(v, ec_l10n_context(v->a, dom, e, cls, NULL), number, false);
    if (e->more->forms) {
        v->plurals = ec_xrealloc(v->plurals, (v->nplurals + 1) * sizeof *v->plurals);
        v->plurals[v->nplurals++] = (struct plural_entry){
            number, e, ec_l10n_context(v->a, dom, e, cls, NULL), count_index(e, fallback)};
    }
}

static void add_position(viewer *v, ec_builder *b, size_t i, size_t n)
{
    if (!v->derived)
        return;
    ec_builder_add(b, "index", ec_vint((int64_t)i));
    ec_builder_add(b, "first", ec_vbool(i == 0));
    ec_builder_add(b, "last", ec_vbool(i + 1 == n));
}

static const char *class_anchor(viewer *v, const ec_class *cl)
{
    return ec_anchor(v->a, EC_ANCHOR_CLASS, v->domain_spellings[4].val.u.s,
                     ec_ident_spell(v->a, cl->id, EC_CASE_KEBAB));
}

/* Another name of code 'e', the domain's code number 'index': spelt, with
** the anchor the docs give it. */
static ec_value alias(viewer *v, const ec_code *e, size_t index, const ec_alias *al,
                      const char *element)
{
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "name", ec_vstr(al->name));
    const char *ctxt = wants_docs_texts(v) && element && al->deprecated && *al->deprecated
                           ? ec_l10n_alias_context(v->a, element, al->name)
                           : NULL;
    ec_builder_add(&b, "deprecated", flag(v, in_locale_ctxt(v, ctxt, al->deprecated)));
    if (ctxt)
        add_docs_translations(v, &b, ctxt, docs_reason);
    if (v->derived) {
        ec_value sp[5];
        spell_name(v, al->name, true, sp);
        add_spelt(v, &b, "name", sp);
        ec_builder_add(&b, "is_deprecated", ec_vbool(al->deprecated != NULL));
        /* The code's own name, which the alias stands for. */
        ec_value of[5];
        spell_name(v, e->name, true, of);
        add_spelt(v, &b, "of_name", of);
        ec_builder_add(&b, "of_index", ec_vint((int64_t)index));
        ec_builder_add(&b, "anchor", ec_vstr(ec_anchor(v->a, EC_ANCHOR_CODE,
                                                       v->domain_spellings[4].val.u.s,
                                                       sp[4].u.s)));
    }
    return ec_builder_map(&b, v->a);
}

/* The other names of a code, or (e NULL) of every code of 'dom'; 'element'
** is the context of e's texts (l10n.h), or NULL. */
static ec_value aliases(viewer *v, const ec_domain *dom, const ec_code *e, const char *element)
{
    ec_builder l;
    ec_builder_init(&l);
    size_t first = e ? (size_t)(e - dom->codes) : 0, end = e ? first + 1 : dom->ncodes;
    for (size_t j = first; j < end; j++) {
        const ec_code *c = &dom->codes[j];
        for (uint32_t i = 0; i < c->more->naliases; i++)
            ec_builder_push(&l, alias(v, c, j, &c->more->aliases[i], element));
    }
    return positions(v, ec_builder_list(&l, v->a));
}

/* What produce needs of an entry (derived views): its gRPC code's number,
** whether its status sends its policy's delay header, and for a code its
** problem type and title (produce.h). */
static void add_produce(viewer *v, ec_builder *b, const ec_domain *dom, const ec_code *e,
                        int64_t status, const ec_policy *p, int grpc)
{
    ec_builder_add(b, "grpc_number", ec_vint(grpc));
    ec_builder_add(b, "sends_delay", ec_vbool(ec_sends_delay(ec_catalog_status(v->c, status), p)));
    if (e) {
        ec_builder_add(b, "problem_type", ec_vstr(ec_problem_type(v->a, v->c, dom, e)));
        ec_builder_add(b, "problem_title", ec_vstr(ec_problem_title(v->a, e->message)));
    }
}

/* An entry; 'i' of 'n' is its place in its list (positions are added here,
** not by positions(), since codes are the one list that can be huge). */
/* The translations of an element's texts (l10n.h): for each locale that
** translates any of them, in the catalog's order, {locale, <key>: text}.
** 'fields' pairs a context's field with the key. Only catalogs that ship
** locales have the list, so that others' outputs stay as they were; a view of the docs in a locale has none (its
** texts are already the locale's, and looking every text up in every
** locale for each of the docs' locales was most of their time:
** tests/bench/RESULTS.md, "Translations"). */

static void add_translations(viewer *v, ec_builder *b, const char *element,
                             const l10n_field *fields, size_t n)
{
    const ec_catalog *c = v->c;
    if (!c->nlocales || v->locale)
        return;
    ec_builder all;
    ec_builder_init(&all);
    for (size_t i = 0; i < c->nlocales; i++) {
        ec_builder t, d;
        ec_builder_init(&t);
        ec_builder_init(&d);
        ec_builder_add(&t, "locale", ec_vstr(c->locales[i].tag));
        for (size_t k = 0; k < n; k++) {
            if (fields[k].docs && v->derived)
                continue;
            const char *ctxt = fields[k].field ? ec_arena_join(v->a, element, ":", fields[k].field)
                                               : element;
            const ec_translation *tr = ec_l10n_find(&c->locales[i], ctxt);
            if (tr)
                ec_builder_add(&t, fields[k].key, ec_vstr(tr->text));
            if (tr && tr->forms) {
                ec_builder_add(&t, "message_forms", forms_map(v, tr->forms));
                if (v->derived)
                    ec_builder_add(&t, "message_form_list", forms_list(v, tr->forms));
            }
            /* The same as a list, for templates: a section on a key that a
            ** translation lacks would find its element's own text. */
            if (tr && v->derived) {
                ec_builder x;
                ec_builder_init(&x);
                ec_builder_add(&x, "key", ec_vstr(fields[k].key));
                ec_builder_add(&x, "text", ec_vstr(tr->text));
                ec_builder_push(&d, ec_builder_map(&x, v->a));
            }
        }
        if (v->derived)
            ec_builder_add(&t, "translated", positions(v, ec_builder_list(&d, v->a)));
        else
            ec_builder_discard(&d);
        if (t.len > (size_t)1 + v->derived)
            ec_builder_push(&all, ec_builder_map(&t, v->a));
        else
            ec_builder_discard(&t);
    }
    ec_builder_add(b, "translations", positions(v, ec_builder_list(&all, v->a)));
}

/* The translatable texts, for the gettext template (the pot target), made
** when read: held whole, they took about 370 bytes a code in every
** template view, whatever the target. Text i is found by its unit (see
** ec_l10n_units), whose texts are made again for each of its items. */
typedef struct text_src {
    ec_lazy lazy;
    const ec_catalog *c;
    uint32_t *first; /* per unit, how many texts come before it */
    size_t nunits;
} text_src;

typedef struct text_pick {
    uint32_t want, seen;
    ec_text t;
} text_pick;

static void count_text(void *ud, const ec_text *t)
{
    (void)t;
    (*(uint32_t *)ud)++;
}

static void pick_text(void *ud, const ec_text *t)
{
    text_pick *p = ud;
    if (p->seen++ == p->want)
        p->t = *t;
}

static ec_value make_text(const void *ud, uint32_t i, ec_arena *a)
{
    const text_src *src = ud;
    size_t lo = 0, hi = src->nunits; /* the last unit whose texts start at i or before */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->first[mid] <= i)
            lo = mid;
        else
            hi = mid;
    }
    text_pick p = {.want = i - src->first[lo]};
    ec_l10n_unit_texts(src->c, a, lo, pick_text, &p);
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "context", ec_vstr(p.t.ctxt));
    ec_builder_add(&b, "text", ec_vstr(p.t.text));
    ec_builder_add(&b, "note", ec_vstr(p.t.note));
    ec_builder_add(&b, "plural", p.t.plural ? ec_vstr(p.t.plural) : ec_vnull());
    return ec_builder_map(&b, a);
}

static ec_value texts(viewer *v)
{
    text_src *src = ec_arena_alloc(v->a, sizeof *src);
    src->lazy = (ec_lazy){make_text, src};
    src->c = v->c;
    src->nunits = ec_l10n_units(v->c);
    src->first = ec_arena_alloc(v->a, src->nunits * sizeof *src->first);
    ec_arena scratch;
    ec_arena_init(&scratch);
    ec_arena_point start = ec_arena_mark(&scratch);
    uint32_t n = 0;
    for (size_t u = 0; u < src->nunits; u++) {
        src->first[u] = n;
        ec_l10n_unit_texts(v->c, &scratch, u, count_text, &n);
        ec_arena_release(&scratch, start);
    }
    ec_arena_free(&scratch);
    return (ec_value){.kind = EC_VLAZY, .len = n, .u.lazy = &src->lazy};
}

/* The C target's locales after the source one: {tag, index (from 1),
** parent (the index of the locale its texts fall back to: fr-CA's fr, or
** 0, the source), rows (ec_tables_translations)}. */
static ec_value locale_tables(viewer *v)
{
    const ec_catalog *c = v->c;
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; i < c->nlocales; i++) {
        const char *tag = c->locales[i].tag;
        const ec_locale *chain[2];
        int64_t parent =
            ec_l10n_chain(c, tag, chain, 2) == 2 ? (int64_t)(chain[1] - c->locales) + 1 : 0;
        ec_builder b;
        ec_builder_init(&b);
        ec_builder_add(&b, "tag", ec_vstr(tag));
        ec_builder_add(&b, "index", ec_vint((int64_t)i + 1));
        ec_builder_add(&b, "parent", ec_vint(parent));
        ec_builder_add(&b, "rows", ec_tables_translations(v->a, v->pool,
                                                          v->ctrans + i * (size_t)v->nentries,
                                                          (size_t)v->nentries));
        ec_builder_push(&l, ec_builder_map(&b, v->a));
    }
    return ec_builder_list(&l, v->a);
}

static ec_value entry(viewer *v, const ec_domain *dom, const ec_code *e, bool fallback,
                      int64_t number, size_t i, size_t n)
{
    ec_member room[96]; /* an entry has about 75 members */
    ec_builder b;
    ec_builder_init_on(&b, room, sizeof room / sizeof *room);
    ec_builder_add(&b, "domain", ec_vstr(dom->id));
    if (!fallback) {
        ec_builder_add(&b, "code", e->is_string ? ec_vstr(e->str) : ec_vint(e->num));
        ec_builder_add(&b, "name", ec_vstr(e->name));
    }
    ec_builder_add(&b, "status", e->status ? ec_vint(e->status) : ec_vnull());
    const ec_class *cl = e->cls >= 0 ? &dom->classes[e->cls] : NULL;
    const char *element = v->nin || v->c->nlocales
                              ? ec_l10n_context(v->a, dom, e, fallback && cl ? cl : NULL, NULL)
                              : NULL;
    const char *message = in_locale(v, element, NULL, e->message);
    ec_builder_add(&b, "message", ec_vstr(message));
    ec_builder_add(&b, "message_parts", message_parts(v, message));
    ec_builder l;
    ec_builder_init(&l);
    for (size_t k = 0; k < e->more->nparams + fallback; k++) {
        const ec_param *prm = param_at(e, fallback, k);
        ec_param_type type = prm == &code_param && !dom->string_codes ? EC_PARAM_INTEGER
                                                                       : prm->type;
        ec_builder p;
        ec_builder_init(&p);
        ec_builder_add(&p, "name", ec_vstr(prm->name));
        add_enum(v, &p, "type", ec_param_type_names, (int)type);
        /* ${code}'s is the docs' own words (a label: templates/README.md). */
        const char *ctxt =
            wants_docs_texts(v) && element && prm != &code_param && *prm->description
                ? ec_l10n_param_context(v->a, element, prm->name)
                : NULL;
        ec_builder_add(&p, "description", ec_vstr(in_locale_ctxt(v, ctxt, prm->description)));
        if (prm->from) /* only where used, as catalogs write it */
            ec_builder_add(&p, "from", ec_vstr(prm->from));
        if (ctxt)
            add_docs_translations(v, &p, ctxt, docs_description);
        if (v->derived)
            ec_builder_add(&p, "implicit", ec_vbool(prm == &code_param));
        if (v->derived) { /* spelt once, with the pool of parameter lists */
            add_spelt(v, &p, "name", &v->param_spelt[5 * (v->param_offsets[number] + (int64_t)k)]);
            add_position(v, &p, k, e->more->nparams + fallback); /* as positions() would */
        }
        ec_builder_push(&l, ec_builder_map(&p, v->a));
    }
    ec_value params = ec_builder_list(&l, v->a);
    ec_builder_add(&b, "params", params);
    if (v->derived)
        add_from_params(v, &b, e);
    if (v->derived && params.len)
        ec_builder_add(&b, "param_offset", ec_vint(v->param_offsets[number]));
    ec_builder_add(&b, "description",
                   ec_vstr(in_locale(v, element, "description", e->more->description)));
    ec_builder_add(&b, "hint", ec_vstr(in_locale(v, element, "hint", e->more->hint)));
    ec_builder_add(&b, "retry", policy_ref(v, e->policy));
    if (e->more->ui->present) {
        ec_builder u;
        ec_builder_init(&u);
        add_enum(v, &u, "severity", ec_ui_severity_names, (int)e->more->ui->severity);
        add_enum(v, &u, "audience", ec_audience_names, (int)e->more->ui->audience);
        ec_builder_add(&u, "hint", ec_vstr(in_locale(v, element, "ui.hint", e->more->ui->hint)));
        add_strings(v, &u, "actions", "actions_items", e->more->ui->actions, e->more->ui->nactions);
        ec_builder_add(&b, "ui", ec_builder_map(&u, v->a));
    } else {
        ec_builder_add(&b, "ui", ec_vnull());
    }
    ec_builder_add(&b, "examples",
                   examples(v, element, e->more->examples, e->more->nexamples, e->status));
    ec_builder_add(&b, "deprecated",
                   flag(v, in_locale(v, element, "deprecated", e->more->deprecated)));
    if (!fallback)
        ec_builder_add(&b, "retired", flag(v, in_locale(v, element, "retired", e->more->retired)));
    int grpc = ec_grpc_of(v->c, e, NULL);
    ec_builder_add(&b, "grpc", ec_vstr(ec_grpc_names[grpc]));
    if (v->derived)
        add_produce(v, &b, dom, fallback ? NULL : e, e->status ? e->status : 500,
                    e->policy, grpc);
    /* Only where the features are used: other catalogs' outputs stay as they were. */
    if (e->more->naliases)
        ec_builder_add(&b, "aliases", aliases(v, dom, e, element));
    if (dom->nclasses)
        ec_builder_add(&b, "class", ec_vstr_or_null(cl ? cl->id : NULL));
    if (e->more->forms) {
        const char *ctxt =
            element ? element : ec_l10n_context(v->a, dom, e, fallback ? cl : NULL, NULL);
        ec_builder_add(&b, "plural", plural_view(v, e, ctxt, fallback));
    }
    if (v->c->nlocales) {
        /* A class's generic entry also has the class's title. */
        static const l10n_field fields[] = {
            {NULL, "message", false},   {"description", "description", false},
            {"hint", "hint", false},    {"ui.hint", "ui_hint", false},
            {"retry.advice", "retry_advice", true},
            {"deprecated", "deprecated", true},
            {"retired", "retired", true}};
        static const l10n_field class_fields[] = {
            {NULL, "message", false},   {"description", "description", false},
            {"hint", "hint", false},    {"ui.hint", "ui_hint", false},
            {"title", "title", false},  {"retry.advice", "retry_advice", true},
            {"deprecated", "deprecated", true}};
        /* A fallback is never retired: its fields stop before "retired". */
        bool is_class = fallback && cl;
        add_translations(v, &b, element, is_class ? class_fields : fields,
                         is_class ? 7 : 7 - fallback);
    }
    if (!v->derived && !fallback && v->c->docs_url_template)
        ec_builder_add(&b, "doc_url", ec_vstr(ec_docurl_of(v->a, v->c, dom, e, false, NULL)));
    if (v->derived) {
        ec_builder_add(&b, "has_aliases", ec_vbool(e->more->naliases > 0));
        ec_builder_add(&b, "class_title",
                       ec_vstr_or_null(cl ? in_locale(v, v->nin ? ec_l10n_context(v->a, dom,
                                                                                  &cl->entry, cl,
                                                                                  NULL)
                                                                : NULL,
                                                      "title", cl->title)
                                          : NULL));
        ec_builder_add(&b, "class_anchor", ec_vstr_or_null(cl ? class_anchor(v, cl) : NULL));
        ec_builder_add(&b, "is_class", ec_vbool(fallback && cl));
        const char *name_kebab = NULL;
        if (!fallback) {
            ec_value s[5];
            spell_name(v, e->name, true, s);
            add_spelt(v, &b, "name", s);
            name_kebab = s[4].u.s; /* spelling_cases[4]: kebab, never suffixed */
            ec_builder_add(&b, "code_text", ec_vstr(e->is_string ? e->str : decimal(v, e->num)));
        }
        const ec_status *st = e->status ? ec_catalog_status(v->c, e->status) : NULL;
        ec_builder_add(&b, "status_title",
                       ec_vstr_or_null(st ? in_locale(v, status_element(v, st->status), "title",
                                                      st->title)
                                          : NULL));
        ec_builder_add(&b, "status_anchor",
                       ec_vstr_or_null(st ? v->status_anchors[st - v->c->statuses] : NULL));
        ec_builder_add(&b, "header_defs",
                       v->status_headers[st ? st - v->c->statuses : (ptrdiff_t)v->c->nstatuses]);
        ec_builder_add(&b, "has_params", ec_vbool(e->more->nparams + fallback > 0));
        ec_builder_add(&b, "param_count", ec_vint((int64_t)(e->more->nparams + fallback)));
        ec_builder_add(&b, "status_int", ec_vint(e->status));
        ec_builder_add(&b, "has_ui", ec_vbool(e->more->ui->present));
        ec_builder_add(&b, "is_deprecated", ec_vbool(e->more->deprecated != NULL));
        ec_builder_add(&b, "is_retired", ec_vbool(!fallback && e->more->retired != NULL));
        ec_builder_add(&b, "is_fallback", ec_vbool(fallback));
        ec_builder_add(&b, "number", ec_vint(number));
        const char *dk = v->domain_spellings[4].val.u.s;
        const char *anchor = fallback && cl ? class_anchor(v, cl)
                             : fallback     ? ec_anchor(v->a, EC_ANCHOR_FALLBACK, dk, NULL)
                                            : ec_anchor(v->a, EC_ANCHOR_CODE, dk, name_kebab);
        ec_builder_add(&b, "anchor", ec_vstr(anchor));
        ec_builder_add(&b, "doc_url",
                       ec_vstr_or_null(ec_docurl_of(v->a, v->c, dom, e, fallback, anchor)));
        for (size_t k = 0; k < 5; k++)
            ec_builder_add(&b, v->domain_spellings[k].key, v->domain_spellings[k].val);
        if (!fallback)
            add_position(v, &b, i, n);
    }
    return ec_builder_map(&b, v->a);
}

/* The codes of a domain, a lazy list: a view of 100,000 codes would
** otherwise hold 100,000 entry maps that every template reads once. */
typedef struct codes_maker {
    ec_lazy lazy;
    const viewer *done; /* the viewer as it was when the view was built */
    const ec_domain *dom;
    uint32_t first; /* the entry number of the first code */
    ec_member spellings[5];
} codes_maker;

static ec_value make_code(const void *ud, uint32_t i, ec_arena *a)
{
    const codes_maker *m = ud;
    viewer v = *m->done;
    v.a = a;
    memcpy(v.domain_spellings, m->spellings, sizeof v.domain_spellings);
    return entry(&v, m->dom, &m->dom->codes[i], false, m->first + i, i, m->dom->ncodes);
}

/* The codes of one class of a domain, a lazy list as the domain's codes are. */
typedef struct class_codes {
    ec_lazy lazy;
    const codes_maker *all;
    uint32_t *index; /* of each of its codes in the domain */
} class_codes;

static ec_value make_class_code(const void *ud, uint32_t i, ec_arena *a)
{
    const class_codes *m = ud;
    viewer v = *m->all->done;
    v.a = a;
    memcpy(v.domain_spellings, m->all->spellings, sizeof v.domain_spellings);
    const ec_domain *dom = m->all->dom;
    return entry(&v, dom, &dom->codes[m->index[i]], false, m->all->first + m->index[i],
                 m->index[i], dom->ncodes);
}

/* A domain's classes: what each holds (prefix, or range), its title, its
** generic entry's fields, and (derived) its codes, for docs that group by
** class. */
static ec_value classes(viewer *v, const ec_domain *dom, size_t di, const codes_maker *all)
{
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; i < dom->nclasses; i++) {
        const ec_class *cl = &dom->classes[i];
        ec_value e = entry(v, dom, &cl->entry, true, v->class_first[di] + i, 0, 1);
        ec_builder b;
        ec_builder_init(&b);
        ec_builder_add(&b, "id", ec_vstr(cl->id));
        ec_builder_add(&b, "title",
                       ec_vstr(in_locale(v, v->nin ? ec_l10n_context(v->a, dom, &cl->entry, cl, NULL)
                                                   : NULL,
                                         "title", cl->title)));
        if (cl->prefix) {
            ec_builder_add(&b, "prefix", ec_vstr(cl->prefix));
        } else {
            ec_builder r;
            ec_builder_init(&r);
            ec_builder_push(&r, ec_vint(cl->lo));
            ec_builder_push(&r, ec_vint(cl->hi));
            ec_builder_add(&b, "range", ec_builder_list(&r, v->a));
        }
        for (uint32_t j = 0; j < e.len; j++)
            if (strcmp(e.u.members[j].key, "class") != 0)
                ec_builder_add(&b, e.u.members[j].key, e.u.members[j].val);
        if (v->derived) {
            add_spellings(v, &b, "id", cl->id);
            class_codes *m = ec_arena_alloc(v->a, sizeof *m);
            m->lazy = (ec_lazy){make_class_code, m};
            m->all = all;
            m->index = ec_arena_alloc(v->a, (dom->ncodes + 1) * sizeof *m->index);
            uint32_t n = 0;
            for (size_t j = 0; j < dom->ncodes; j++)
                if (dom->codes[j].cls == (int32_t)i)
                    m->index[n++] = (uint32_t)j;
            ec_builder_add(&b, "codes", (ec_value){.kind = EC_VLAZY, .len = n, .u.lazy = &m->lazy});
            ec_builder_add(&b, "code_count", ec_vint(n));
            if (cl->prefix) {
                ec_builder_add(&b, "prefix_length", ec_vint((int64_t)strlen(cl->prefix)));
            } else {
                /* A list of numbers has no first and last of its own: a
                ** template reading "range" would find the class's. */
                ec_builder_add(&b, "range_low", ec_vint(cl->lo));
                ec_builder_add(&b, "range_high", ec_vint(cl->hi));
            }
        }
        ec_builder_push(&l, ec_builder_map(&b, v->a));
    }
    return positions(v, ec_builder_list(&l, v->a));
}

static ec_value domain(viewer *v, const ec_domain *dom, size_t di)
{
    ec_builder b;
    if (v->derived) {
        ec_builder_init(&b);
        add_spellings(v, &b, "domain", dom->id);
        memcpy(v->domain_spellings, b.members, sizeof v->domain_spellings);
        ec_builder_discard(&b);
    }
    ec_builder_init(&b);
    ec_builder_add(&b, "id", ec_vstr(dom->id));
    ec_builder_add(&b, "title", ec_vstr(in_locale(v, dom->id, "title", dom->title)));
    ec_builder_add(&b, "description",
                   ec_vstr(in_locale(v, dom->id, "description", dom->description)));
    ec_builder_add(&b, "code_type", ec_vstr(dom->string_codes ? "string" : "int"));
    if (dom->has_range) {
        ec_builder r;
        ec_builder_init(&r);
        ec_builder_push(&r, ec_vint(dom->range_lo));
        ec_builder_push(&r, ec_vint(dom->range_hi));
        ec_builder_add(&b, "range", ec_builder_list(&r, v->a));
        if (v->derived) {
            ec_builder_add(&b, "range_low", ec_vint(dom->range_lo));
            ec_builder_add(&b, "range_high", ec_vint(dom->range_hi));
        }
    } else {
        ec_builder_add(&b, "range", ec_vnull());
    }
    ec_builder_add(&b, "envelope", envelope(v, &v->c->envelope, &dom->envelope));
    static const l10n_field dom_fields[] = {{"title", "title", false},
                                             {"description", "description", false}};
    add_translations(v, &b, dom->id, dom_fields, 2);
    for (size_t i = 0; i < dom->ncodes; i++)
        register_entry(v, &dom->codes[i], false, v->code_first[di] + i, di);
    if (dom->fallback)
        register_entry(v, dom->fallback, true, v->fallback_number[di], di);
    for (size_t i = 0; i < dom->nclasses; i++)
        register_entry(v, &dom->classes[i].entry, true, v->class_first[di] + i, di);
    codes_maker *m = ec_arena_alloc(v->a, sizeof *m);
    *m = (codes_maker){{make_code, m}, v->done, dom, v->code_first[di], {{0}}};
    memcpy(m->spellings, v->domain_spellings, sizeof m->spellings);
    ec_value codes = {.kind = EC_VLAZY, .len = (uint32_t)dom->ncodes, .u.lazy = &m->lazy};
    ec_builder_add(&b, "codes", codes);
    ec_builder_add(&b, "fallback", dom->fallback ? entry(v, dom, dom->fallback, true,
                                                         v->fallback_number[di], 0, 1)
                                                 : ec_vnull());
    if (dom->nclasses)
        ec_builder_add(&b, "classes", classes(v, dom, di, m));
    if (dom->secondary)
        ec_builder_add(&b, "secondary", ec_vbool(true));
    if (v->derived) {
        add_spellings(v, &b, "id", dom->id);
        ec_builder_add(&b, "anchor", ec_vstr(ec_anchor(v->a, EC_ANCHOR_DOMAIN, NULL,
                                                       v->domain_spellings[4].val.u.s)));
        uint32_t first = v->code_first[di];
        if (!v->locale) {
            ec_builder_add(&b, "lookup", ec_tables_numbers(v->a, dom, first, v->wide_codes));
            ec_builder_add(&b, "string_lookup",
                           dom->string_codes ? ec_tables_strings(v->a, v->pool, dom, first, false)
                                             : ec_vnull());
            ec_builder_add(&b, "name_lookup", ec_tables_strings(v->a, v->pool, dom, first, true));
        }
        ec_builder_add(&b, "fallback_number", ec_vint(v->fallback_number[di]));
        ec_builder_add(&b, "string_codes", ec_vbool(dom->string_codes));
        ec_builder_add(&b, "codes_fit_int", ec_vbool(ec_tables_codes_fit_int32(dom)));
        ec_builder_add(&b, "count", ec_vint((int64_t)dom->ncodes));
        ec_builder_add(&b, "has_classes", ec_vbool(dom->nclasses > 0));
        size_t unclassed = 0;
        for (size_t i = 0; i < dom->ncodes; i++)
            unclassed += dom->codes[i].cls < 0;
        ec_builder_add(&b, "unclassed_count", ec_vint((int64_t)unclassed));
        /* Named apart from an entry's "aliases", which a code without
        ** aliases would otherwise find here. */
        ec_builder_add(&b, "code_aliases", aliases(v, dom, NULL, NULL));
        ec_builder_add(&b, "com_err", ec_com_err_view(v->a, dom));
    }
    return ec_builder_map(&b, v->a);
}

static ec_value status(viewer *v, const ec_status *s, size_t at, int64_t number)
{
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "status", ec_vint(s->status));
    const char *element = status_element(v, s->status);
    ec_builder_add(&b, "title", ec_vstr(in_locale(v, element, "title", s->title)));
    ec_builder_add(&b, "class", ec_vstr(status_class(s->status)));
    ec_builder_add(&b, "reference", ec_vstr(s->reference));
    ec_builder_add(&b, "description", ec_vstr(in_locale(v, element, "description", s->description)));
    ec_builder_add(&b, "hint", ec_vstr(in_locale(v, element, "hint", s->hint)));
    ec_builder_add(&b, "when", ec_vstr(in_locale(v, element, "when", s->when)));
    ec_builder_add(&b, "retry", policy_ref(v, s->retry.resolved));
    const char **names = ec_arena_alloc(v->a, (s->nheaders + 1) * sizeof *names);
    for (size_t i = 0; i < s->nheaders; i++)
        names[i] = s->headers[i].s;
    add_strings(v, &b, "headers", "headers_items", names, s->nheaders);
    const char *texts = element ? element
                        : v->c->nlocales ? ec_l10n_status(v->a, s->status)
                                         : NULL;
    ec_builder_add(&b, "examples", examples(v, texts, s->examples, s->nexamples, s->status));
    if (v->c->nlocales) {
        static const l10n_field fields[] = {{"title", "title", false},
                                            {"description", "description", false},
                                            {"hint", "hint", false},
                                            {"when", "when", true},
                                            {"retry.advice", "retry_advice", true}};
        add_translations(v, &b, texts, fields, 5);
    }
    int grpc = ec_grpc_of(v->c, NULL, s);
    ec_builder_add(&b, "grpc", ec_vstr(ec_grpc_names[grpc]));
    if (v->derived) {
        add_produce(v, &b, NULL, NULL, s->status, s->retry.resolved, grpc);
        ec_builder_add(&b, "reason", ec_vstr(ec_ident_spell(v->a, s->title, EC_CASE_UPPER)));
        ec_value name[5];
        spell_name(v, s->title, true, name);
        add_spelt(v, &b, "name", name);
        ec_builder_add(&b, "number", ec_vint(number));
        v->centries[number] = (ec_centry){
            .message = s->title,
            .description = s->description,
            .hint = s->hint,
            .code_str = decimal(v, s->status),
            .name = name[0].u.s, /* spelling_cases[0]: upper */
            .code = s->status,
            .policy = (uint32_t)policy_index(v, s->retry.resolved),
            .domain = -1,
            .status = (uint16_t)s->status,
            .kind = 2,
            .flags = EC_UI_ERROR << 2 | EC_AUD_USER << 4,
        };
        if (v->ctrans)
            register_translations(v, ec_arena_printf(v->a, "(status %lld)", (long long)s->status),
                                  number, true);
        ec_builder_add(&b, "is_error", ec_vbool(s->status >= 400));
        ec_builder_add(&b, "anchor", ec_vstr(v->status_anchors[at]));
        ec_builder_add(&b, "header_defs", header_defs(v, s));
    }
    return ec_builder_map(&b, v->a);
}

static void number_entries(viewer *v)
{
    const ec_catalog *c = v->c;
    v->code_first = ec_xmalloc((c->ndomains + 1) * sizeof *v->code_first);
    v->fallback_number = ec_xmalloc((c->ndomains + 1) * sizeof *v->fallback_number);
    uint32_t n = 0;
    for (size_t i = 0; i < c->ndomains; i++) {
        v->code_first[i] = n;
        n += (uint32_t)c->domains[i].ncodes;
    }
    for (size_t i = 0; i < c->ndomains; i++)
        v->fallback_number[i] = c->domains[i].fallback ? (int64_t)n++ : -1;
    v->status_first = n;
    n += (uint32_t)c->nstatuses;
    v->class_first = ec_xmalloc((c->ndomains + 1) * sizeof *v->class_first);
    for (size_t i = 0; i < c->ndomains; i++) {
        v->class_first[i] = n;
        n += (uint32_t)c->domains[i].nclasses;
    }
    v->nentries = n;
}

static void mark_used(viewer *v, const ec_policy *p)
{
    ptrdiff_t slot = used_slot(v, p);
    if (slot >= 0)
        v->policy_used[slot] = true;
    for (size_t i = 0; i < p->nwhen; i++) /* a condition's policy decides for p's users */
        mark_used(v, p->when[i].then.resolved);
}

/* Named policies take the first places of the table, in catalog order. */
static void number_policies(viewer *v)
{
    const ec_catalog *c = v->c;
    /* Which named policies (and the default) an entry uses, before the
    ** table is made: its rows say so. */
    v->policy_used = ec_arena_alloc(v->a, (c->npolicies + 1) * sizeof *v->policy_used);
    memset(v->policy_used, 0, (c->npolicies + 1) * sizeof *v->policy_used);
    for (size_t i = 0; i < c->nstatuses; i++)
        mark_used(v, c->statuses[i].retry.resolved);
    for (size_t i = 0; i < c->ndomains; i++) {
        for (size_t j = 0; j < c->domains[i].ncodes; j++)
            mark_used(v, c->domains[i].codes[j].policy);
        if (c->domains[i].fallback)
            mark_used(v, c->domains[i].fallback->policy);
        for (size_t j = 0; j < c->domains[i].nclasses; j++)
            mark_used(v, c->domains[i].classes[j].entry.policy);
    }
    size_t n = c->npolicies + 1; /* and the default */
    for (size_t i = 0; i < c->nstatuses; i++)
        n += c->statuses[i].retry.inline_policy != NULL;
    for (size_t i = 0; i < c->ndomains; i++) {
        for (size_t j = 0; j < c->domains[i].ncodes; j++)
            n += c->domains[i].codes[j].more->retry.inline_policy != NULL;
        n += c->domains[i].fallback && c->domains[i].fallback->more->retry.inline_policy;
        for (size_t j = 0; j < c->domains[i].nclasses; j++)
            n += c->domains[i].classes[j].entry.more->retry.inline_policy != NULL;
    }
    policy_numbers_init(&v->policy_numbers, v->a, n);
    for (size_t i = 0; i < c->npolicies; i++)
        policy_index(v, &c->policies[i]);
    policy_index(v, &ec_default_policy); /* so the table is never empty */
}

ec_value ec_view_build(ec_catalog *c, ec_view_mode mode)
{
    return ec_view_build_in(c, mode, &c->arena);
}

/* The docs' keys of a catalog that ships translations: the locale of the
** view {tag, dir, source (is it the source locale), root (the path from
** its folder up to the source's)} and the locales to link to {tag, dir,
** href (the path from its folder to theirs), current}. The source's docs
** are the target's folder; each translation's, a folder named by its tag
** in it. */
static void add_locale_keys(viewer *v, ec_builder *top)
{
    const ec_catalog *c = v->c;
    const char *tag = v->locale ? c->locales[v->locale - 1].tag : c->source_locale;
    const char *up = v->locale ? "../" : "";
    ec_builder b, l;
    ec_builder_init(&b);
    ec_builder_add(&b, "tag", ec_vstr(tag));
    ec_builder_add(&b, "dir", ec_vstr(ec_locale_rtl(tag) ? "rtl" : "ltr"));
    ec_builder_add(&b, "source", ec_vbool(v->locale == 0));
    ec_builder_add(&b, "root", ec_vstr(up));
    ec_builder_add(top, "locale", ec_builder_map(&b, v->a));
    ec_builder_init(&l);
    for (size_t i = 0; i <= c->nlocales; i++) {
        const char *t = i ? c->locales[i - 1].tag : c->source_locale;
        ec_builder_init(&b);
        ec_builder_add(&b, "tag", ec_vstr(t));
        ec_builder_add(&b, "dir", ec_vstr(ec_locale_rtl(t) ? "rtl" : "ltr"));
        ec_builder_add(&b, "href", ec_vstr(i ? ec_arena_printf(v->a, "%s%s/", up, t) : up));
        ec_builder_add(&b, "current", ec_vbool(i == v->locale));
        ec_builder_push(&l, ec_builder_map(&b, v->a));
    }
    ec_builder_add(top, "locale_links", positions(v, ec_builder_list(&l, v->a)));
}

ec_value ec_view_build_in(const ec_catalog *c, ec_view_mode mode, ec_arena *a)
{
    return ec_view_build_locale(c, mode, 0, a);
}

ec_value ec_view_build_locale(const ec_catalog *c, ec_view_mode mode, size_t locale, ec_arena *a)
{
    viewer v;
    memset(&v, 0, sizeof v);
    v.c = c;
    v.a = a;
    v.derived = mode == EC_VIEW_TEMPLATE;
    v.locale = locale <= c->nlocales ? locale : 0;
    /* Its texts come from the locale, then from those it falls back to. */
    if (v.locale)
        v.nin = ec_l10n_chain(c, c->locales[v.locale - 1].tag, v.in, sizeof v.in / sizeof v.in[0]);
    number_entries(&v);
    v.param_offsets = ec_arena_alloc(v.a, (v.nentries + 1) * sizeof *v.param_offsets);
    memset(v.param_offsets, 0, (v.nentries + 1) * sizeof *v.param_offsets);
    if (v.derived) {
        v.pool = ec_strpool_new();
        v.centries = ec_xmalloc((v.nentries + 1) * sizeof *v.centries);
        if (c->nlocales) {
            size_t n = c->nlocales * (size_t)v.nentries + 1;
            v.ctrans = ec_xmalloc(n * sizeof *v.ctrans);
            memset(v.ctrans, 0, n * sizeof *v.ctrans);
        }
        v.wide_codes = ec_tables_wide_codes(c);
    }
    viewer *done = ec_arena_alloc(v.a, sizeof *done);
    v.done = done;
    ec_builder_init(&v.policy_table);
    number_policies(&v);
    if (v.derived) {
        for (size_t i = 0; i < NENUMS; i++)
            enum_spellings(&v, enum_tables[i]);
        v.status_anchors = ec_arena_alloc(v.a, (c->nstatuses + 1) * sizeof *v.status_anchors);
        for (size_t i = 0; i < c->nstatuses; i++)
            v.status_anchors[i] = ec_anchor(v.a, EC_ANCHOR_STATUS, NULL,
                                            decimal(&v, c->statuses[i].status));
        /* Every entry of a status shows its headers: one list, shared. */
        v.status_headers = ec_arena_alloc(v.a, (c->nstatuses + 1) * sizeof *v.status_headers);
        for (size_t i = 0; i <= c->nstatuses; i++)
            v.status_headers[i] = header_defs(&v, i < c->nstatuses ? &c->statuses[i] : NULL);
    }
    ec_builder top, b, l;
    ec_builder_init(&top);
    ec_builder_add(&top, "errcat", ec_vint(c->format));

    ec_builder_init(&b);
    ec_builder_add(&b, "id", ec_vstr(c->id));
    ec_builder_add(&b, "title", ec_vstr(in_locale(&v, "(catalog)", "title", c->title)));
    ec_builder_add(&b, "version", ec_vstr(c->version));
    ec_builder_add(&b, "description",
                   ec_vstr(in_locale(&v, "(catalog)", "description", c->description)));
    ec_builder_add(&b, "docs_url", ec_vstr_or_null(c->docs_url));
    if (v.derived || c->docs_url_template)
        ec_builder_add(&b, "docs_url_template", ec_vstr_or_null(c->docs_url_template));
    static const l10n_field catalog_fields[] = {{"title", "title", true},
                                                {"description", "description", true}};
    if (!v.derived && c->nlocales)
        add_translations(&v, &b, "(catalog)", catalog_fields, 2);
    if (v.derived) {
        add_spellings(&v, &b, "id", c->id);
        /* Lower case, no separators: a Go package name, say. */
        char *flat = ec_ident_spell(v.a, c->id, EC_CASE_SNAKE), *o = flat;
        for (const char *q = flat; *q; q++)
            if (*q != '_')
                *o++ = *q;
        *o = '\0';
        ec_builder_add(&b, "id_flat", ec_vstr(flat));
        ec_builder_add(&b, "anchor", ec_vstr(ec_anchor(v.a, EC_ANCHOR_CATALOG, NULL,
                                                       ec_ident_spell(v.a, c->id, EC_CASE_KEBAB))));
    }
    ec_builder_add(&top, "catalog", ec_builder_map(&b, v.a));
    if (c->nlocales) {
        ec_builder_init(&b);
        ec_builder_add(&b, "source", ec_vstr(c->source_locale));
        const char **tags = ec_arena_alloc(v.a, c->nlocales * sizeof *tags);
        for (size_t i = 0; i < c->nlocales; i++)
            tags[i] = c->locales[i].tag;
        add_strings(&v, &b, "translations", "translations_items", tags, c->nlocales);
        if (v.derived) /* the source locale and each translation */
            ec_builder_add(&b, "count", ec_vint((int64_t)c->nlocales + 1));
        ec_builder_add(&top, "locales", ec_builder_map(&b, v.a));
    }

    ec_builder_add(&top, "envelope", envelope(&v, &c->envelope, NULL));

    ec_builder_init(&l);
    for (size_t i = 0; i < c->nheaders; i++)
        ec_builder_push(&l, header(&v, &c->headers[i], true));
    ec_builder_add(&top, "headers", positions(&v, ec_builder_list(&l, v.a)));
    if (v.derived) {
        /* The docs list each direction apart. A header of both directions
        ** is in both lists, anchored in the response headers only, so that
        ** an anchor is given once. */
        ec_builder_init(&l);
        for (size_t i = 0; i < c->nheaders; i++)
            if (c->headers[i].direction != EC_DIR_REQUEST)
                ec_builder_push(&l, header(&v, &c->headers[i], true));
        ec_builder_add(&top, "response_headers", positions(&v, ec_builder_list(&l, v.a)));
        ec_builder_init(&l);
        for (size_t i = 0; i < c->nheaders; i++)
            if (c->headers[i].direction != EC_DIR_RESPONSE)
                ec_builder_push(&l, header(&v, &c->headers[i],
                                           c->headers[i].direction == EC_DIR_REQUEST));
        ec_builder_add(&top, "request_headers", positions(&v, ec_builder_list(&l, v.a)));
    }

    ec_builder_init(&l);
    for (size_t i = 0; i < c->npolicies; i++)
        ec_builder_push(&l, policy(&v, &c->policies[i], false));
    ec_builder_add(&top, "retry_policies", positions(&v, ec_builder_list(&l, v.a)));

    ec_builder_init(&l);
    for (size_t i = 0; i < c->nstatuses; i++)
        ec_builder_push(&l, status(&v, &c->statuses[i], i, v.status_first + i));
    ec_builder_add(&top, "statuses", positions(&v, ec_builder_list(&l, v.a)));

    ec_builder_init(&l);
    size_t ncodes = 0;
    for (size_t i = 0; i < c->ndomains; i++) {
        ec_builder_push(&l, domain(&v, &c->domains[i], i));
        ncodes += c->domains[i].ncodes;
    }
    ec_builder_add(&top, "domains", positions(&v, ec_builder_list(&l, v.a)));
    if (v.derived) {
        ec_builder_add(&top, "code_count", ec_vint((int64_t)ncodes));
        ec_builder_add(&top, "texts", texts(&v));
        ec_builder_add(&top, "entry_count", ec_vint(v.nentries));
        ec_builder_add(&top, "has_domains", ec_vbool(c->ndomains > 0));
        ec_builder_add(&top, "has_statuses", ec_vbool(c->nstatuses > 0));
        ec_builder_add(&top, "has_lookups", ec_vbool(c->ndomains > 0 || c->nstatuses > 0));
        ec_builder_add(&top, "wide_codes", ec_vbool(v.wide_codes));
        ec_builder_add(&top, "entry_size", ec_vint(EC_ENTRY_SIZE));
        /* A translation's view serves its docs: no C tables. */
        if (!v.locale) {
            ec_builder_add(&top, "entry_rows",
                           ec_tables_entries(v.a, v.pool, v.centries, v.nentries));
            if (c->nlocales)
                ec_builder_add(&top, "locale_tables", locale_tables(&v));
            if (v.nplurals)
                ec_builder_add(&top, "plural_table", plural_table(&v));
            ec_builder_add(&top, "string_rows", ec_strpool_rows(v.a, v.pool));
        }
        ec_builder_add(&top, "has_plurals", ec_vbool(v.nplurals > 0));
        if (v.nplurals)
            ec_builder_add(&top, "plural_rules", plural_rules(&v));
        if (c->nlocales)
            add_locale_keys(&v, &top);
        bool has_aliases = false, has_classes = false;
        for (size_t i = 0; i < c->ndomains; i++) {
            has_classes = has_classes || c->domains[i].nclasses;
            for (size_t j = 0; j < c->domains[i].ncodes && !has_aliases; j++)
                has_aliases = c->domains[i].codes[j].more->naliases > 0;
        }
        ec_builder_add(&top, "has_aliases", ec_vbool(has_aliases));
        ec_builder_add(&top, "has_classes", ec_vbool(has_classes));
        ec_builder_add(&top, "status_lookup",
                       ec_tables_statuses(v.a, c->statuses, c->nstatuses, v.status_first));
        ec_builder_add(&top, "policy_table", positions(&v, ec_builder_list(&v.policy_table, v.a)));
        ec_value pool = ec_builder_list(&v.param_pool, v.a);
        ec_builder_add(&top, "param_pool", pool);
        ec_builder_add(&top, "has_param_pool", ec_vbool(pool.len > 0));
    } else {
        ec_builder_discard(&v.policy_table);
        ec_builder_discard(&v.param_pool);
    }
    ec_value view = ec_builder_map(&top, v.a);
    strmap_free(&v.inline_policies);
    strmap_free(&v.param_lists);
    free(v.code_first);
    free(v.fallback_number);
    free(v.centries);
    free(v.ctrans);
    free(v.plurals);
    ec_strpool_free(v.pool);
    free(v.class_first);
    /* What entries read later (policy references, parameter offsets) stays
    ** with the view; the tables that were being built do not. */
    *done = v;
    done->ref_views = ec_arena_alloc(v.a, (v.nref_views + 1) * sizeof *done->ref_views);
    if (v.nref_views)
        memcpy(done->ref_views, v.ref_views, v.nref_views * sizeof *v.ref_views);
    free(v.ref_views);
    size_t nspelt = 5 * (size_t)v.nparam_pool;
    done->param_spelt = ec_arena_alloc(v.a, (nspelt + 1) * sizeof *done->param_spelt);
    if (nspelt)
        memcpy(done->param_spelt, v.param_spelt, nspelt * sizeof *v.param_spelt);
    free(v.param_spelt);
    done->code_first = NULL;
    done->centries = NULL;
    done->ctrans = NULL;
    done->plurals = NULL;
    done->pool = NULL;
    done->fallback_number = NULL;
    done->class_first = NULL;
    memset(&done->inline_policies, 0, sizeof done->inline_policies);
    memset(&done->param_lists, 0, sizeof done->param_lists);
    memset(&done->policy_table, 0, sizeof done->policy_table);
    memset(&done->param_pool, 0, sizeof done->param_pool);
    return view;
}
