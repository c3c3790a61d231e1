/* catalog.h: the catalog model. Plain structs; every element keeps the
** position it was written at; all memory belongs to the catalog's arena. */
#ifndef EC_CATALOG_H
#define EC_CATALOG_H

#include "arena.h"
#include "diag.h"
#include "plural.h"
#include "value.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EC_FORMAT_VERSION 1

typedef enum ec_retry {
    EC_RETRY_NEVER,
    EC_RETRY_ALWAYS,
    EC_RETRY_MAYBE,
    EC_RETRY_DEPENDS,
    EC_RETRY_AFTER_ACTION
} ec_retry;

typedef enum ec_action {
    EC_ACTION_NONE,
    EC_ACTION_FIX_REQUEST,
    EC_ACTION_CHECK_CREDENTIALS,
    EC_ACTION_REQUOTE,
    EC_ACTION_RESUBMIT_SAME,
    EC_ACTION_POLL_STATUS,
    EC_ACTION_REDUCE_SIZE,
    EC_ACTION_ADJUST_REQUEST,
    EC_ACTION_CONTACT_SUPPORT
} ec_action;

typedef enum ec_backoff { EC_BACKOFF_NONE, EC_BACKOFF_LINEAR, EC_BACKOFF_EXPONENTIAL } ec_backoff;

typedef enum ec_severity_ui { EC_UI_INFO, EC_UI_WARNING, EC_UI_ERROR, EC_UI_CRITICAL } ec_ui_severity;
typedef enum ec_audience { EC_AUD_USER, EC_AUD_DEVELOPER, EC_AUD_OPERATOR } ec_audience;

typedef enum ec_param_type {
    EC_PARAM_STRING,
    EC_PARAM_INTEGER,
    EC_PARAM_DECIMAL,
    EC_PARAM_BOOLEAN
} ec_param_type;

typedef enum ec_header_type {
    EC_HDR_STRING,
    EC_HDR_INTEGER,
    EC_HDR_SECONDS,
    EC_HDR_EPOCH_SECONDS,
    EC_HDR_HTTP_DATE
} ec_header_type;

/* Which way a header travels; a retry policy reads a response header and
** names a request header. */
typedef enum ec_header_direction {
    EC_DIR_RESPONSE,
    EC_DIR_REQUEST,
    EC_DIR_BOTH
} ec_header_direction;

/* Names of the enumerations above, indexed by value; NULL-terminated. */
extern const char *const ec_retry_names[];
extern const char *const ec_action_names[];
extern const char *const ec_backoff_names[];
extern const char *const ec_ui_severity_names[];
extern const char *const ec_audience_names[];
extern const char *const ec_param_type_names[];
extern const char *const ec_header_type_names[];
extern const char *const ec_header_direction_names[];

typedef struct ec_header {
    const char *name;
    ec_header_type type;
    ec_header_direction direction;
    const char *description;
    ec_loc at;
} ec_header;

struct ec_condition;

typedef struct ec_policy {
    const char *name; /* NULL for a policy written inline */
    ec_retry retry;
    ec_action action;
    const char *delay_header; /* header whose value overrides the delay, or NULL */
    ec_loc delay_header_at;
    ec_header_type delay_type; /* the delay header's type, set by the validator */
    int64_t default_ms, max_ms; /* 0: none */
    ec_loc default_ms_at;
    ec_backoff backoff;
    bool idempotent;
    const char *idempotency_key; /* request header that makes a resubmission safe, or NULL */
    ec_loc idempotency_key_at;
    int64_t max_attempts; /* 0: unlimited */
    const char *advice;
    struct ec_condition *when; /* response conditions that replace this policy, in order */
    size_t nwhen;
    ec_loc at;
} ec_policy;

/* A reference to a policy: by name (resolved by the validator) or inline. */
typedef struct ec_policy_ref {
    const char *name;
    ec_policy *inline_policy;
    const ec_policy *resolved; /* set by the validator */
    ec_loc at;
} ec_policy_ref;

/* How a condition reads its header: present at all, equal to a text, or a
** whole number at most or at least a bound. */
typedef enum ec_cond_op { EC_COND_PRESENT, EC_COND_EQUALS, EC_COND_AT_MOST, EC_COND_AT_LEAST } ec_cond_op;

/* One of a policy's 'when': if response header 'header' passes the test,
** the policy 'then' decides instead (the first condition that holds). */
typedef struct ec_condition {
    const char *header;
    ec_loc header_at;
    ec_cond_op op;
    const char *equals; /* EC_COND_EQUALS */
    int64_t bound;      /* EC_COND_AT_MOST, EC_COND_AT_LEAST */
    ec_policy_ref then;
    ec_loc at;
} ec_condition;

typedef struct ec_ui {
    bool present;
    ec_ui_severity severity;
    ec_audience audience;
    const char *hint;
    const char **actions;
    ec_loc *actions_at;
    size_t nactions;
    ec_loc at;
} ec_ui;

typedef struct ec_param {
    const char *name;
    ec_param_type type;
    const char *description;
    const char *from; /* envelope path of the body value that fills it, or NULL */
    ec_loc from_at;
    ec_loc at;
} ec_param;

typedef struct ec_example {
    const char *title;
    int64_t status; /* 0: not given */
    ec_loc status_at;
    ec_value headers; /* map of header name -> scalar, or null */
    ec_value body;    /* any value */
    ec_loc at;
} ec_example;

typedef struct ec_strref {
    const char *s;
    ec_loc at;
} ec_strref;

typedef struct ec_status {
    int64_t status;
    const char *title;
    const char *description;
    const char *hint;
    const char *when;
    const char *reference;
    ec_policy_ref retry;
    ec_strref *headers;
    size_t nheaders;
    ec_example *examples;
    size_t nexamples;
    bool declared; /* listed by the catalog, not only by a registry */
    uint8_t grpc;  /* 1 + the gRPC code its `grpc` names; 0: from the status (grpc.h) */
    ec_loc grpc_at;
    ec_loc at;
} ec_status;

typedef struct ec_envelope {
    const char *code, *message, *details, *status, *title;
    const char **echo;
    size_t necho;
    const char **echo_headers; /* response headers echoed beside the body's fields */
    size_t necho_headers;
    bool present;
    ec_loc at;
} ec_envelope;

/* Another name of a code (its "aliases"): lookups by name find it. */
typedef struct ec_alias {
    const char *name;
    const char *deprecated; /* reason, "" without one; NULL if not deprecated */
    ec_loc at;
} ec_alias;

/* A message that varies by the plural category of one integer placeholder
** ("message: {count: n, one: ..., other: ...}"): a form per category,
** indexed by ec_plural, NULL where not written. "other" is always written,
** and is the entry's 'message', which every reader that knows no plurals
** reads. */
typedef struct ec_forms {
    const char *count; /* the integer placeholder whose category chooses */
    ec_loc count_at;
    const char *form[EC_NPLURALS];
    ec_loc at[EC_NPLURALS];
} ec_forms;

/* The form of 'f' for category 'p': its own, else 'other' (f->form[OTHER]
** or, in a translation that has no such form, 'other_text'). */
const char *ec_forms_pick(const char *const *form, ec_plural p, const char *other_text);

/* What a code gives rarely: all but its code, name, status and message (a
** message with plural forms keeps its "other" form there, its forms here).
** Held out of line, in the arena only for a code that gives any of it, so
** that a catalog of one-line codes pays for none of it (see
** tests/bench/RESULTS.md on memory per code). */
typedef struct ec_code_more {
    const char *description; /* "" when not given */
    const char *hint;        /* likewise */
    ec_param *params;
    size_t nparams;
    ec_example *examples;
    size_t nexamples;
    const ec_ui *ui;        /* never NULL: &ec_no_ui when the code has none */
    const ec_forms *forms;  /* a message with plural forms, or NULL */
    const char *deprecated; /* reason, or "" when deprecated without one; NULL if not */
    const char *retired;    /* likewise */
    ec_alias *aliases;
    ec_policy_ref retry; /* as written; its 'resolved' is not set: read the code's 'policy' */
    ec_loc params_at;
    uint32_t naliases;
    /* The positions of the code's keys, when one of them does not pack
    ** (see ec_code_at), indexed by ec_code_key; else NULL. */
    const ec_loc *key_at;
} ec_code_more;

/* The 'more' of a code that gives none of it: every field empty. */
extern const ec_code_more ec_no_more;

/* The keys of a code whose positions it keeps (read with ec_code_at). */
typedef enum ec_code_key {
    EC_AT_CODE,
    EC_AT_NAME,
    EC_AT_STATUS,
    EC_AT_MESSAGE,
    EC_NCODE_KEYS
} ec_code_key;

/* A code of a domain, a domain's fallback, or a class's generic entry.
** Kept for every code of the catalog: pointers first and the small fields
** last, so that no field pads, and what few codes give held apart in
** 'more' (see tests/bench/RESULTS.md on memory per code). */
typedef struct ec_code {
    int64_t num;
    const char *str;  /* string code, or NULL */
    const char *name; /* identifier; for string codes defaults to the code */
    int64_t status;   /* 0: none */
    const char *message;
    const ec_code_more *more; /* never NULL: &ec_no_more when the code gives none of it */
    /* The retry policy that applies: the code's own 'retry', else its
    ** status's, else the default one. Set by the validator. */
    const ec_policy *policy;
    ec_loc at;
    /* Where its keys are (indexed by ec_code_key; read with ec_code_at),
    ** packed: they are in the file of 'at' and nearly always a few lines
    ** after it, so each is the line after at's and the column in 4 bytes
    ** rather than a 16-byte ec_loc (see tests/bench/RESULTS.md on memory
    ** per code); one that does not pack is in more->key_at. */
    uint32_t key_at[EC_NCODE_KEYS];
    int32_t cls; /* its class in the domain's classes, -1 for none: set by the validator */
    bool is_string;
    bool name_given; /* written in the catalog, not derived from the code */
    uint8_t grpc;    /* 1 + the gRPC code its `grpc` names; 0: its status's */
} ec_code;

/* Where key 'k' of code 'e' is written; {NULL, 0, 0} where it is not
** (a name derived from the code is at the code). */
ec_loc ec_code_at(const ec_code *e, ec_code_key k);

/* Sets the positions 'at' of the keys of 'e', whose 'at' is set: packed,
** or, when one does not pack, all of them in its 'more' ('more' is its own,
** writable, or NULL for ec_no_more, and then one is made in 'a'). */
void ec_code_set_at(ec_code *e, ec_code_more *more, const ec_loc at[EC_NCODE_KEYS], ec_arena *a);

/* The ui of a code that gives none (present is false). */
extern const ec_ui ec_no_ui;

/* A class of a domain's codes: those starting with 'prefix' (a string
** domain) or within [lo, hi] (a numeric one). Its generic entry, read like
** a fallback, is what an unlisted code of the class means. */
typedef struct ec_class {
    const char *id;
    const char *title;
    const char *prefix; /* NULL in a numeric domain */
    int64_t lo, hi;
    ec_loc id_at, match_at;
    ec_code entry;
} ec_class;

typedef struct ec_domain {
    const char *id;
    ec_loc id_at;
    const char *title;
    const char *description;
    bool string_codes;
    bool has_range;
    int64_t range_lo, range_hi;
    ec_loc range_at;
    ec_envelope envelope; /* overrides fields of the catalog's */
    ec_code *codes;
    size_t ncodes;
    ec_code *fallback; /* or NULL */
    ec_class *classes;
    size_t nclasses;
    bool secondary; /* never the primary entry of a classification; only among its others */
    ec_loc at;
} ec_domain;

/* The class of 'dom' that holds a code (a string, or else 'num'), or NULL.
** Classes do not overlap (the validator checks), so at most one does. */
const ec_class *ec_domain_class(const ec_domain *dom, const char *str, int64_t num);

/* A translation of one text of the catalog into one locale, read from the
** locale's PO file (see l10n.h for which text a context names). */
typedef struct ec_translation {
    const char *ctxt;   /* which text: "<domain>.<NAME>", "status.404.title", ... */
    const char *source; /* the text it was translated from (its msgid) */
    const char *text;   /* the translation (its msgstr; of plural forms, "other" or the last) */
    /* A plural text's msgid_plural, and its msgstr[n] by the categories
    ** of the locale (EC_NPLURALS of them, NULL where the locale has
    ** none): both NULL for other texts. */
    const char *source_plural;
    const char **forms;
    ec_loc at;          /* its msgstr */
    bool stale;         /* the text has changed since: set by the validator, not used */
} ec_translation;

/* A locale the catalog ships, besides its source locale. */
typedef struct ec_locale {
    const char *tag; /* BCP 47 */
    ec_loc tag_at;
    const char *path;      /* its PO file */
    ec_translation *items; /* sorted by ctxt (by the validator) */
    size_t n;
    size_t fuzzy; /* entries marked fuzzy, which are not used */
} ec_locale;

typedef struct ec_catalog {
    ec_arena arena;
    int64_t format;
    const char *id, *title, *version, *description, *docs_url;
    ec_loc id_at, docs_url_at;
    const char *docs_url_template; /* per-code documentation URLs, or NULL (docurl.h) */
    ec_loc docs_url_template_at;
    const char *path;   /* the root file, as given */
    const char **files; /* root and every include, in load order */
    uint64_t *file_hashes; /* of the bytes read from each file (build stamps) */
    size_t nfiles;
    ec_envelope envelope;
    ec_header *headers;
    size_t nheaders;
    ec_policy *policies;
    size_t npolicies;
    ec_status *statuses; /* sorted by number after validation */
    size_t nstatuses;
    bool statuses_sorted; /* set by the validator's sort; ec_catalog_status needs it */
    ec_domain *domains;
    size_t ndomains;
    ec_value lint; /* the root file's lint section as written, or null: lint.c reads it */
    const char *source_locale; /* the language of the catalog's own texts: "en" */
    ec_loc source_locale_at;
    ec_locale *locales; /* the translations it ships, in the order listed */
    size_t nlocales;
} ec_catalog;

/* The policy that applies when neither an entry nor its status names one. */
extern const ec_policy ec_default_policy;

/* Compares HTTP header names, which ignore ASCII case: <0, 0 or >0. */
int ec_header_cmp(const char *a, const char *b);

/* The envelope path at 'offset' (offsetof(ec_envelope, field)) that the
** codes of domain 'd' are read and written at (NULL: the statuses): the
** domain's own when it gives one, else the catalog's; NULL when neither. */
const char *ec_envelope_path(const ec_catalog *c, const ec_domain *d, size_t offset);
#define EC_ENVELOPE_PATH(c, d, field) ec_envelope_path(c, d, offsetof(ec_envelope, field))

/* The envelope whose echo fields (headers: whose echo_headers) apply to
** the codes of domain 'dom' (NULL: to the statuses): the domain's own when
** it has them, else the catalog's. */
const ec_envelope *ec_echo_envelope(const ec_catalog *c, const ec_domain *dom, bool headers);

/* The status numbered 'n', or NULL. A binary search: the statuses must be
** sorted by number, as ec_validate leaves them (asserted). */
const ec_status *ec_catalog_status(const ec_catalog *c, int64_t n);

/* Documentation anchors: the ids the html and markdown docs give each
** element, and what the OpenAPI problem types and index pages put after
** '#'. The one rule, for every stage that needs one:
**   code      <domain>-<name>    unique across domains: the validator checks
**   fallback  <domain>--other    no kebab spelling holds "--"
**   class     <domain>--class-<id>   (an alias takes its code's rule, with its own name)
**   domain    domain--<domain>   status    status-<number>
**   header    header--<name>     policy    policy--<name>
**   catalog   catalog--<id>
** 'owner' is the domain of a code or fallback, NULL otherwise; the parts
** come spelt as they appear: kebab case (EC_CASE_KEBAB) for domain ids,
** code and header names and catalog ids, a policy's name as written, a
** status's number in decimal. */
typedef enum ec_anchor_kind {
    EC_ANCHOR_CODE,
    EC_ANCHOR_FALLBACK,
    EC_ANCHOR_CLASS,
    EC_ANCHOR_DOMAIN,
    EC_ANCHOR_STATUS,
    EC_ANCHOR_HEADER,
    EC_ANCHOR_POLICY,
    EC_ANCHOR_CATALOG
} ec_anchor_kind;
const char *ec_anchor(ec_arena *a, ec_anchor_kind kind, const char *owner, const char *part);

void ec_catalog_free(ec_catalog *c);

#endif
