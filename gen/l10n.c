/* l10n.c: translatable texts and the checks of their translations
** (l10n.h). */
#include "l10n.h"

#include "alloc.h"
#include "escape.h"
#include "locale.h"
#include "msg.h"
#include "sort.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *ec_l10n_context(ec_arena *a, const ec_domain *dom, const ec_code *e,
                            const ec_class *cls, const char *field)
{
    const char *element = cls                 ? ec_arena_printf(a, "%s.(class %s)", dom->id, cls->id)
                          : e == dom->fallback ? ec_arena_join(a, dom->id, ".", "(fallback)")
                                               : ec_arena_join(a, dom->id, ".", e->name);
    return field ? ec_arena_join(a, element, ":", field) : element;
}

const char *ec_l10n_status(ec_arena *a, int64_t status)
{
    return ec_arena_printf(a, "(status %lld)", (long long)status);
}

const char *ec_l10n_header(ec_arena *a, const char *name)
{
    return ec_arena_printf(a, "(header %s)", name);
}

const char *ec_l10n_policy(ec_arena *a, const char *name)
{
    return ec_arena_printf(a, "(retry %s)", name);
}

const char *ec_l10n_param_context(ec_arena *a, const char *element, const char *param)
{
    return ec_arena_printf(a, "%s:params.%s.description", element, param);
}

const char *ec_l10n_alias_context(ec_arena *a, const char *element, const char *alias)
{
    return ec_arena_printf(a, "%s:aliases.%s.deprecated", element, alias);
}

const char *ec_l10n_example_context(ec_arena *a, const char *element, size_t i)
{
    return ec_arena_printf(a, "%s:examples[%zu].title", element, i);
}

/* A note for translators: the placeholders of a message and their types. */
static const char *placeholders(ec_arena *a, const ec_code *e, bool fallback)
{
    ec_buf b;
    ec_buf_init(&b);
    if (fallback && strstr(e->message, "${code}"))
        ec_buf_puts(&b, "${code}: the code the server sent");
    for (size_t i = 0; i < e->more->nparams; i++) {
        const ec_param *p = &e->more->params[i];
        ec_buf_printf(&b, "%s${%s}: %s%s%s%s", b.len ? "; " : "", p->name,
                      ec_param_type_names[p->type], *p->description ? ", " : "", p->description,
                      e->more->forms && !strcmp(e->more->forms->count, p->name)
                          ? " (its plural category chooses the form)"
                          : "");
    }
    const char *s = ec_arena_strndup(a, b.data, b.len);
    ec_buf_free(&b);
    return s;
}

typedef struct emitter {
    ec_arena *a;
    void (*each)(void *ud, const ec_text *t);
    void *ud;
} emitter;

static void emit(emitter *m, const char *ctxt, const char *text, const char *note,
                 const ec_code *entry, ec_loc at)
{
    if (!text || !*text)
        return;
    ec_text t = {.ctxt = ctxt, .text = text, .note = note, .entry = entry, .at = at};
    if (entry && entry->more->forms) {
        const char *one = entry->more->forms->form[EC_PLURAL_ONE];
        t.text = one ? one : entry->message;
        t.plural = entry->message;
    }
    m->each(m->ud, &t);
}

/* The advice of a policy written inline at 'element' (its "retry"), which
** the docs show with the element; a named policy's is its own text. */
static void inline_advice(emitter *m, const char *element, const ec_policy_ref *r)
{
    if (r->inline_policy)
        emit(m, ec_arena_join(m->a, element, ":", "retry.advice"), r->inline_policy->advice, "",
             NULL, r->inline_policy->at);
}

/* The titles of an element's examples, which have no names: by place. */
static void example_titles(emitter *m, const char *element, const ec_example *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        emit(m, ec_l10n_example_context(m->a, element, i), x[i].title, "", NULL, x[i].at);
}

static void entry_texts(emitter *m, const ec_domain *dom, const ec_code *e, const ec_class *cls)
{
    bool fallback = e == dom->fallback;
    const ec_code_more *more = e->more;
    const char *element = ec_l10n_context(m->a, dom, e, cls, NULL);
    emit(m, element, e->message, placeholders(m->a, e, fallback || cls), e,
         ec_code_at(e, EC_AT_MESSAGE));
    if (cls)
        emit(m, ec_l10n_context(m->a, dom, e, cls, "title"), cls->title, "", NULL, cls->id_at);
    emit(m, ec_l10n_context(m->a, dom, e, cls, "description"), more->description, "", NULL,
         e->at);
    emit(m, ec_l10n_context(m->a, dom, e, cls, "hint"), more->hint, "", NULL, e->at);
    if (more->ui->present)
        emit(m, ec_l10n_context(m->a, dom, e, cls, "ui.hint"), more->ui->hint, "", NULL,
             more->ui->at);
    /* The texts the docs show beside those (l10n.h, "other texts"). */
    for (size_t i = 0; i < more->nparams; i++)
        emit(m, ec_l10n_param_context(m->a, element, more->params[i].name),
             more->params[i].description, "", NULL, more->params[i].at);
    inline_advice(m, element, &more->retry);
    example_titles(m, element, more->examples, more->nexamples);
    emit(m, ec_arena_join(m->a, element, ":", "deprecated"), more->deprecated, "", NULL, e->at);
    if (!fallback)
        emit(m, ec_arena_join(m->a, element, ":", "retired"), more->retired, "", NULL, e->at);
    for (size_t i = 0; i < more->naliases; i++)
        emit(m, ec_l10n_alias_context(m->a, element, more->aliases[i].name),
             more->aliases[i].deprecated, "", NULL, more->aliases[i].at);
}

static void status_texts(emitter *m, const ec_status *s)
{
    const char *el = ec_l10n_status(m->a, s->status);
    emit(m, ec_arena_join(m->a, el, ":", "title"), s->title, "", NULL, s->at);
    emit(m, ec_arena_join(m->a, el, ":", "description"), s->description, "", NULL, s->at);
    emit(m, ec_arena_join(m->a, el, ":", "hint"), s->hint, "", NULL, s->at);
    emit(m, ec_arena_join(m->a, el, ":", "when"), s->when, "", NULL, s->at);
    inline_advice(m, el, &s->retry);
    example_titles(m, el, s->examples, s->nexamples);
}

/* The catalog's own units, before its statuses: the catalog's texts, then
** each header, then each named policy. */
static size_t catalog_units(const ec_catalog *c)
{
    return 1 + c->nheaders + c->npolicies;
}

static void catalog_unit(emitter *m, const ec_catalog *c, size_t unit)
{
    if (unit == 0) {
        emit(m, "(catalog):title", c->title, "", NULL, c->id_at);
        emit(m, "(catalog):description", c->description, "", NULL, c->id_at);
    } else if (unit <= c->nheaders) {
        const ec_header *h = &c->headers[unit - 1];
        emit(m, ec_arena_join(m->a, ec_l10n_header(m->a, h->name), ":", "description"),
             h->description, "", NULL, h->at);
    } else {
        const ec_policy *p = &c->policies[unit - 1 - c->nheaders];
        emit(m, ec_arena_join(m->a, ec_l10n_policy(m->a, p->name), ":", "advice"), p->advice, "",
             NULL, p->at);
    }
}

/* A domain's units: its own texts, its codes, its fallback, its classes. */
static size_t domain_units(const ec_domain *dom)
{
    return 1 + dom->ncodes + (dom->fallback != NULL) + dom->nclasses;
}

static void domain_unit(emitter *m, const ec_domain *dom, size_t unit)
{
    size_t fallbacks = dom->fallback != NULL;
    if (unit == 0) {
        emit(m, ec_arena_join(m->a, dom->id, ":", "title"), dom->title, "", NULL, dom->at);
        emit(m, ec_arena_join(m->a, dom->id, ":", "description"), dom->description, "", NULL,
             dom->at);
    } else if (unit <= dom->ncodes) {
        entry_texts(m, dom, &dom->codes[unit - 1], NULL);
    } else if (unit <= dom->ncodes + fallbacks) {
        entry_texts(m, dom, dom->fallback, NULL);
    } else {
        const ec_class *k = &dom->classes[unit - 1 - dom->ncodes - fallbacks];
        entry_texts(m, dom, &k->entry, k);
    }
}

void ec_l10n_texts(const ec_catalog *c, ec_arena *a, void (*each)(void *ud, const ec_text *t),
                   void *ud)
{
    emitter m = {a, each, ud};
    for (size_t k = 0; k < catalog_units(c); k++)
        catalog_unit(&m, c, k);
    for (size_t i = 0; i < c->nstatuses; i++)
        status_texts(&m, &c->statuses[i]);
    for (size_t i = 0; i < c->ndomains; i++)
        for (size_t k = 0; k < domain_units(&c->domains[i]); k++)
            domain_unit(&m, &c->domains[i], k);
}

size_t ec_l10n_units(const ec_catalog *c)
{
    size_t n = catalog_units(c) + c->nstatuses;
    for (size_t i = 0; i < c->ndomains; i++)
        n += domain_units(&c->domains[i]);
    return n;
}

void ec_l10n_unit_texts(const ec_catalog *c, ec_arena *a, size_t unit,
                        void (*each)(void *ud, const ec_text *t), void *ud)
{
    emitter m = {a, each, ud};
    if (unit < catalog_units(c)) {
        catalog_unit(&m, c, unit);
        return;
    }
    unit -= catalog_units(c);
    if (unit < c->nstatuses) {
        status_texts(&m, &c->statuses[unit]);
        return;
    }
    unit -= c->nstatuses;
    for (size_t i = 0; i < c->ndomains; unit -= domain_units(&c->domains[i]), i++)
        if (unit < domain_units(&c->domains[i])) {
            domain_unit(&m, &c->domains[i], unit);
            return;
        }
}

/* ---- checking translations ---- */

static void collect(void *ud, const ec_text *t)
{
    ec_l10n_index *x = ud;
    if (x->n == x->cap) {
        x->cap = x->cap ? 2 * x->cap : 256;
        x->v = ec_xrealloc(x->v, x->cap * sizeof *x->v);
    }
    x->v[x->n++] = *t;
}

static int cmp_text(const void *a, const void *b)
{
    return strcmp(((const ec_text *)a)->ctxt, ((const ec_text *)b)->ctxt);
}

void ec_l10n_index_build(ec_l10n_index *x, const ec_catalog *c)
{
    memset(x, 0, sizeof *x);
    ec_arena_init(&x->a);
    ec_l10n_texts(c, &x->a, collect, x);
    ec_stable_sort(x->v, x->n, sizeof *x->v, cmp_text);
}

const ec_text *ec_l10n_index_find(const ec_l10n_index *x, const char *ctxt)
{
    ec_text key = {.ctxt = ctxt};
    return x->n ? bsearch(&key, x->v, x->n, sizeof *x->v, cmp_text) : NULL;
}

void ec_l10n_index_free(ec_l10n_index *x)
{
    free(x->v);
    ec_arena_free(&x->a);
}

static int cmp_translation(const void *a, const void *b)
{
    return strcmp(((const ec_translation *)a)->ctxt, ((const ec_translation *)b)->ctxt);
}

/* The placeholders of 'text' in 'names' (up to 'max'); -1 when one is
** malformed. */
static int placeholder_names(const char *text, ec_msg_part *names, int max)
{
    const char *cur = text;
    ec_msg_part part;
    ec_msg_status st;
    int n = 0;
    while ((st = ec_msg_next(text, &cur, &part)) != EC_MSG_END) {
        if (st == EC_MSG_BAD)
            return -1;
        if (part.is_param && n < max)
            names[n++] = part;
    }
    return n;
}

static bool listed(const ec_msg_part *names, int n, const ec_msg_part *p)
{
    for (int i = 0; i < n; i++)
        if (names[i].len == p->len && !memcmp(names[i].text, p->text, p->len))
            return true;
    return false;
}

#define MAX_PLACEHOLDERS 64

static bool check_form_placeholders(const ec_locale *l, const ec_translation *t,
                                    const char *source, const char *optional, ec_diag *d);

/* The same placeholders in the translation as in its source. */
static bool check_placeholders(const ec_locale *l, const ec_translation *t, const char *source,
                               ec_diag *d)
{
    return check_form_placeholders(l, t, source, NULL, d);
}

static bool is_named(const ec_msg_part *p, const char *name)
{
    return name && strlen(name) == p->len && !memcmp(p->text, name, p->len);
}

/* The same placeholders in the translation as in its source, but that
** 'optional' (a plural form's count, or NULL) may be dropped or added: a
** language says "one file" or "a file" where another writes the number. */
static bool check_form_placeholders(const ec_locale *l, const ec_translation *t,
                                    const char *source, const char *optional, ec_diag *d)
{
    ec_msg_part want[MAX_PLACEHOLDERS], got[MAX_PLACEHOLDERS];
    int nw = placeholder_names(source, want, MAX_PLACEHOLDERS);
    int ng = placeholder_names(t->text, got, MAX_PLACEHOLDERS);
    if (ng < 0) {
        ec_error(d, t->at, "malformed placeholder in the %s translation of %s; write ${name}, "
                           "or $$ for a literal $", l->tag, t->ctxt);
        return false;
    }
    for (int i = 0; i < ng; i++)
        if (!listed(want, nw < 0 ? 0 : nw, &got[i]) && !is_named(&got[i], optional)) {
            ec_error(d, t->at, "the %s translation of %s uses '${%.*s}', which its source text "
                               "does not have", l->tag, t->ctxt, (int)got[i].len, got[i].text);
            return false;
        }
    for (int i = 0; i < nw; i++)
        if (!listed(got, ng, &want[i]) && !is_named(&want[i], optional)) {
            ec_error(d, t->at, "the %s translation of %s drops the placeholder '${%.*s}'",
                     l->tag, t->ctxt, (int)want[i].len, want[i].text);
            return false;
        }
    return true;
}

/* Bidirectional embeddings, overrides and isolates reorder what a reader
** sees against what the text holds; right-to-left text needs none of them
** (U+200E, U+200F and U+061C, the marks, stay allowed). */
static bool check_bidi(const ec_locale *l, const ec_translation *t, ec_diag *d)
{
    const unsigned char *s = (const unsigned char *)t->text;
    size_t n = strlen(t->text);
    for (size_t i = 0; i < n;) {
        uint32_t cp = 0;
        size_t k = ec_utf8_seq(s + i, n - i, &cp);
        if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
            ec_error(d, t->at, "the %s translation of %s holds the bidirectional control "
                               "U+%04X; right-to-left text needs none",
                     l->tag, t->ctxt, (unsigned)cp);
            return false;
        }
        i += k ? k : 1;
    }
    return true;
}

/* A plural text is translated with plural forms (msgid_plural), and no
** other text is. */
static bool plural_shape(const ec_locale *l, const ec_translation *t, const ec_text *x,
                         ec_diag *d)
{
    if (!x->plural == !t->forms)
        return true;
    if (t->forms)
        ec_error(d, t->at, "the %s translation of %s has plural forms (msgid_plural), which "
                           "its source text does not have", l->tag, t->ctxt);
    else
        ec_error(d, t->at, "the %s translation of %s needs plural forms: its source text varies "
                           "by a count (msgid_plural \"%s\", msgstr[0], msgstr[1], ...)",
                 l->tag, t->ctxt, x->plural);
    return false;
}

/* The placeholders of each form of a translation: those of the text it
** translates (every placeholder of the source's forms, which may show the
** count in some forms only, as "one file" does not). */
static bool check_translation(const ec_locale *l, ec_translation *t, const ec_text *x, ec_diag *d)
{
    if (!t->forms)
        return check_placeholders(l, t, x->text, d);
    const ec_forms *f = x->entry->more->forms;
    bool ok = true;
    int k = 0; /* the form's msgstr[k]: the locale's categories in order */
    for (int p = 0; p < EC_NPLURALS && ok; p++) {
        if (!t->forms[p])
            continue;
        /* Each form against the source's form of the same category, or
        ** its "other"; the count may be left out or added. */
        char ctxt[256];
        snprintf(ctxt, sizeof ctxt, "%s (its %s form, msgstr[%d])", t->ctxt,
                 ec_plural_name((ec_plural)p), k++);
        ec_translation form = *t;
        form.ctxt = ctxt;
        form.text = t->forms[p];
        ok = check_form_placeholders(l, &form, ec_forms_pick(f->form, (ec_plural)p, x->plural),
                                     f->count, d);
    }
    return ok;
}

bool ec_l10n_validate(ec_catalog *c, ec_diag *d)
{
    unsigned before = d->errors;
    if (!c->nlocales && !c->source_locale)
        return true;
    /* The loader checked the tags of the translations. */
    const char *source = c->source_locale ? c->source_locale : "en";
    if (!ec_locale_valid(source, strlen(source)))
        ec_error(d, c->source_locale_at,
                 "'%s' is not a BCP 47 language tag such as en, pt-BR or zh-Hant", source);
    ec_l10n_index all;
    ec_l10n_index_build(&all, c);
    for (size_t i = 0; i < c->nlocales; i++) {
        ec_locale *l = &c->locales[i];
        ec_stable_sort(l->items, l->n, sizeof *l->items, cmp_translation);
        for (size_t k = 0; k < l->n; k++) {
            ec_translation *t = &l->items[k];
            if (k && !strcmp(t->ctxt, l->items[k - 1].ctxt)) {
                ec_error(d, t->at, "%s is translated twice in %s", t->ctxt, l->path);
                ec_note(d, l->items[k - 1].at, "first translated here");
                continue;
            }
            const ec_text *x = ec_l10n_index_find(&all, t->ctxt);
            if (!x)
                continue; /* a text that went away: lint's unused-translation */
            if (!plural_shape(l, t, x, d))
                continue;
            t->stale = strcmp(t->source, x->text) != 0 ||
                       (x->plural && strcmp(t->source_plural, x->plural) != 0);
            if (!t->stale && check_bidi(l, t, d))
                check_translation(l, t, x, d);
        }
    }
    ec_l10n_index_free(&all);
    return d->errors == before;
}

size_t ec_l10n_chain(const ec_catalog *c, const char *tag, const ec_locale **out, size_t max)
{
    size_t n = 0;
    for (size_t k = strlen(tag); k && n < max && !ec_locale_same(tag, k, c->source_locale);
         k = ec_locale_parent(tag, k))
        for (size_t i = 0; i < c->nlocales && n < max; i++)
            if (ec_locale_same(tag, k, c->locales[i].tag))
                out[n++] = &c->locales[i];
    return n;
}

const char *ec_l10n_text(const ec_catalog *c, ec_arena *a, const char *ctxt, const char *source,
                         const char *ask, const char **locale)
{
    const char **available = ec_arena_alloc(a, (c->nlocales + 1) * sizeof *available);
    available[0] = c->source_locale;
    for (size_t i = 0; i < c->nlocales; i++)
        available[i + 1] = c->locales[i].tag;
    const char *chosen =
        ec_locale_negotiate(ask, strlen(ask), available, c->nlocales + 1, c->source_locale);
    const ec_locale *chain[8];
    size_t n = *source ? ec_l10n_chain(c, chosen, chain, 8) : 0;
    for (size_t i = 0; i < n; i++) {
        const ec_translation *t = ec_l10n_find(chain[i], ctxt);
        if (t && *t->text) {
            *locale = chain[i]->tag;
            return t->text;
        }
    }
    *locale = c->source_locale;
    return source;
}

const ec_translation *ec_l10n_lookup(const ec_locale *l, const char *ctxt)
{
    ec_translation key = {.ctxt = ctxt};
    return l->n ? bsearch(&key, l->items, l->n, sizeof *l->items, cmp_translation) : NULL;
}

const ec_translation *ec_l10n_find(const ec_locale *l, const char *ctxt)
{
    const ec_translation *t = ec_l10n_lookup(l, ctxt);
    return t && !t->stale ? t : NULL;
}

const char *ec_l10n_plural(const ec_code *e, const char *tag, const char *const *form,
                           const char *text, const char *const *names, const char *const *args,
                           size_t n)
{
    if (!e->more->forms || !form)
        return text;
    for (size_t i = 0; i < n; i++) {
        unsigned long long count;
        if (args[i] && !strcmp(names[i], e->more->forms->count) && ec_plural_count(args[i], &count))
            return ec_forms_pick(form, ec_plural_select(ec_plural_rules(tag), (long long)count),
                                 text);
    }
    return text;
}

const char *const *ec_l10n_forms(const ec_catalog *c, const ec_code *e, const char *ctxt,
                                 const char *tag)
{
    if (!e->more->forms)
        return NULL;
    for (size_t i = 0; i < c->nlocales; i++)
        if (!strcmp(c->locales[i].tag, tag)) {
            const ec_translation *t = ec_l10n_find(&c->locales[i], ctxt);
            return t ? t->forms : NULL;
        }
    return e->more->forms->form;
}
