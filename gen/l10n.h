/* l10n.h: the catalog's translatable texts and their translations.
**
** Every text a person reads (a message, a description, a hint, a title)
** has a context that names it however the catalog is reordered or
** renumbered; a translation (po.h, read by load.c) is found by it:
**   <domain>.<NAME>            a code's message
**   <domain>.(fallback)        a domain's fallback's message
**   <domain>.(class <id>)      a class's generic message
**   (status <number>)          a status
**   <domain>                   a domain
**   (catalog)                  the catalog
**   (header <Name>)            a declared header
**   (retry <name>)             a named retry policy
** and ":<field>" after the element for its other texts, the field as the
** catalog's keys spell it: ":description", ":hint", ":ui.hint", ":title",
** ":when", ":advice" (a named policy's), ":retry.advice" (a policy written
** inline), ":deprecated", ":retired", ":params.<name>.description",
** ":aliases.<NAME>.deprecated" and ":examples[<i>].title" (examples have
** no names: by place, counted from 0) ("payments.CARD_DECLINED:hint",
** "(status 404):title", "(header Retry-After):description"). Domain ids
** and names never hold "(", ":" or ".", so no two contexts are alike. A
** condition's 'then' policy written inline has no translatable text: the
** docs do not show its advice. */
#ifndef EC_L10N_H
#define EC_L10N_H

#include "catalog.h"

/* One translatable text: its context, the text, where it is written, and
** what a translator should know (its placeholders), or "". */
typedef struct ec_text {
    const char *ctxt, *text, *note;
    const ec_code *entry; /* the entry a message belongs to, or NULL */
    ec_loc at;
    /* A message with plural forms is translated as gettext's plural
    ** entries are: 'text' is its "one" form (its "other" when it has
    ** none), the msgid, and 'plural' its "other", the msgid_plural. NULL
    ** for every other text. */
    const char *plural;
} ec_text;

/* Calls 'each' for every non-empty translatable text of the validated
** catalog 'c', in the catalog's order (strings allocated in 'a'). */
void ec_l10n_texts(const ec_catalog *c, ec_arena *a, void (*each)(void *ud, const ec_text *t),
                   void *ud);

/* The same texts in units that can be walked alone, in the same order: a
** unit is the catalog's own texts, a header, a named policy, a status, a
** domain's own texts, a code, a fallback or a class (a unit may have no
** text). For a reader that makes the texts lazily. */
size_t ec_l10n_units(const ec_catalog *c);
void ec_l10n_unit_texts(const ec_catalog *c, ec_arena *a, size_t unit,
                        void (*each)(void *ud, const ec_text *t), void *ud);

/* The context of an entry's text: 'field' NULL for its message. */
const char *ec_l10n_context(ec_arena *a, const ec_domain *dom, const ec_code *e,
                            const ec_class *cls, const char *field);

/* The elements of the catalog's other texts: "(status <number>)",
** "(header <name>)", "(retry <name>)"; and the contexts of a parameter's
** description, of an alias's reason and of the title of example 'i' of the
** element 'element'. */
const char *ec_l10n_status(ec_arena *a, int64_t status);
const char *ec_l10n_header(ec_arena *a, const char *name);
const char *ec_l10n_policy(ec_arena *a, const char *name);
const char *ec_l10n_param_context(ec_arena *a, const char *element, const char *param);
const char *ec_l10n_alias_context(ec_arena *a, const char *element, const char *alias);
const char *ec_l10n_example_context(ec_arena *a, const char *element, size_t i);

/* Every text of a catalog, sorted by context, to find a translation's. */
typedef struct ec_l10n_index {
    ec_text *v;
    size_t n, cap;
    ec_arena a;
} ec_l10n_index;
void ec_l10n_index_build(ec_l10n_index *x, const ec_catalog *c);
const ec_text *ec_l10n_index_find(const ec_l10n_index *x, const char *ctxt);
void ec_l10n_index_free(ec_l10n_index *x);

/* Checks every locale's translations against the catalog's texts (the
** loader checked their tags): a valid source tag, the same
** placeholders as the source text (an error at the translation's line),
** no bidirectional controls. Sorts each locale's translations and marks
** those whose source text has changed since as stale. Returns false after
** reporting an error. */
bool ec_l10n_validate(ec_catalog *c, ec_diag *d);

/* The usable translation of the text 'ctxt' in 'l', or NULL (none, or
** stale). */
const ec_translation *ec_l10n_find(const ec_locale *l, const char *ctxt);
/* The locales of 'c' whose texts show for 'tag', in the order they are
** tried: the locale of the tag itself, then of each shorter form of it
** (fr-CA, then fr), down to, not past, the source locale; at most 'max'
** into 'out'. Returns how many. */
size_t ec_l10n_chain(const ec_catalog *c, const char *tag, const ec_locale **out, size_t max);

/* The form of e's message that arguments choose, when e's message has
** plural forms: 'names' and 'args' (n of them, NULL for a missing one) as
** ec_format_message takes them; the count's category under the plural
** rules of 'tag', the locale the message is in; its form among 'form' (the
** source's forms, or the translation's), else 'text' (the message in that
** locale, its "other"). 'text' when e has no plural forms, or the count's
** argument is missing or not an integer (ec_plural_count). */
const char *ec_l10n_plural(const ec_code *e, const char *tag, const char *const *form,
                           const char *text, const char *const *names, const char *const *args,
                           size_t n);

/* The forms of the message 'ctxt' of entry e in the locale tagged 'tag':
** the source's, or a translation's (NULL when e has none). */
const char *const *ec_l10n_forms(const ec_catalog *c, const ec_code *e, const char *ctxt,
                                 const char *tag);

/* The text 'ctxt' (whose source text is 'source') as it shows for 'ask', a
** tag or an Accept-Language value: negotiated (locale.h) among the source
** locale and the translations, then looked up along ec_l10n_chain; else the
** source text (always for an empty one). '*locale' is the tag of the locale
** it is in. */
const char *ec_l10n_text(const ec_catalog *c, ec_arena *a, const char *ctxt, const char *source,
                         const char *ask, const char **locale);

/* The translation of 'ctxt' in 'l', stale or not, or NULL. */
const ec_translation *ec_l10n_lookup(const ec_locale *l, const char *ctxt);

#endif
