/* diff.h: what changed between two versions of a catalog, each change
** classified breaking or compatible for the catalog's consumers (clients
** that branch on codes, generated bindings, UIs that show messages). */
#ifndef EC_DIFF_H
#define EC_DIFF_H

#include "catalog.h"

/* The kinds of change. Their names (ec_diff_kind_names: "code-removed")
** are what an approvals file and the JSON output say. */
typedef enum ec_diff_kind {
    EC_DIFF_CATALOG_ID_CHANGED,
    EC_DIFF_ENVELOPE_CHANGED,
    EC_DIFF_HEADER_REMOVED,
    EC_DIFF_HEADER_ADDED,
    EC_DIFF_HEADER_TYPE_CHANGED,
    EC_DIFF_STATUS_REMOVED,
    EC_DIFF_STATUS_ADDED,
    EC_DIFF_STATUS_HEADER_REMOVED,
    EC_DIFF_STATUS_HEADER_ADDED,
    EC_DIFF_DOMAIN_REMOVED,
    EC_DIFF_DOMAIN_ADDED,
    EC_DIFF_CODE_TYPE_CHANGED,
    EC_DIFF_RANGE_SHRUNK,
    EC_DIFF_RANGE_GROWN,
    EC_DIFF_FALLBACK_REMOVED,
    EC_DIFF_FALLBACK_ADDED,
    EC_DIFF_CODE_REMOVED,
    EC_DIFF_CODE_ADDED,
    EC_DIFF_CODE_RENUMBERED,
    EC_DIFF_CODE_REUSED,
    EC_DIFF_NAME_CHANGED,
    EC_DIFF_CODE_RETIRED,
    EC_DIFF_CODE_UNRETIRED,
    EC_DIFF_CODE_DEPRECATED,
    EC_DIFF_CODE_UNDEPRECATED,
    EC_DIFF_CODE_STATUS_CHANGED,
    EC_DIFF_RETRY_LOOSENED,
    EC_DIFF_RETRY_TIGHTENED,
    EC_DIFF_RETRY_CHANGED,
    EC_DIFF_RETRY_ACTION_CHANGED,
    EC_DIFF_RETRY_DELAY_CHANGED,
    EC_DIFF_RETRY_ATTEMPTS_CHANGED,
    EC_DIFF_RETRY_IDEMPOTENCY_CHANGED,
    EC_DIFF_PARAM_ADDED,
    EC_DIFF_PARAM_REMOVED,
    EC_DIFF_PARAM_TYPE_CHANGED,
    EC_DIFF_MESSAGE_CHANGED,
    EC_DIFF_UI_CHANGED,
    EC_DIFF_DOCS_CHANGED,
    EC_DIFF_NAME_CHANGED_ALIAS_KEPT,
    EC_DIFF_ALIAS_REMOVED,
    EC_DIFF_ALIAS_ADDED,
    EC_DIFF_CLASS_REMOVED,
    EC_DIFF_CLASS_ADDED,
    EC_DIFF_CLASS_SHRUNK,
    EC_DIFF_CLASS_GROWN,
    EC_DIFF_NEEDS_RETRANSLATION,
    EC_DIFF_DOC_URLS_CHANGED,
    EC_DIFF_RETRY_CONDITION_ADDED,
    EC_DIFF_RETRY_CONDITION_REMOVED,
    EC_DIFF_PARAM_FROM_CHANGED,
    EC_DIFF_DOMAIN_SECONDARY_CHANGED,
    EC_DIFF_HEADER_DIRECTION_CHANGED,
    EC_DIFF_NKINDS
} ec_diff_kind;

/* Indexed by ec_diff_kind; NULL-terminated. */
extern const char *const ec_diff_kind_names[];

/* One change. Its subject is a code (domain, code and name set), a
** domain (domain only), one of the catalog's statuses (domain NULL, code
** the status number, name its title), one of its headers (name only) or an
** envelope field (name "envelope.<field>", domain set for a domain's own
** envelope) or a class (domain set, name the class's id). Strings and values live in the result's arena. */
typedef struct ec_diff_change {
    ec_diff_kind kind;
    bool breaking;
    const char *domain;   /* or NULL */
    ec_value code;        /* integer or string; null when the subject has none */
    const char *name;     /* or NULL */
    ec_value before;      /* the old value, null when there was none */
    ec_value after;       /* the new value, likewise */
    const char *message;  /* one sentence naming the subject */
    const char *approved; /* the reason of the approval that accepts it, or NULL */
} ec_diff_change;

typedef struct ec_diff_result {
    ec_arena arena;
    const char *id; /* the new catalog's id, for headings */
    ec_diff_change *changes;
    size_t n, cap;
} ec_diff_result;

/* Compares two validated catalogs (ec_validate must have succeeded on
** both: the diff reads resolved policies and derived names). Never fails;
** the caller owns the result, which keeps its own copies of everything (the
** catalogs may be freed first), and releases it with ec_diff_free. Runs in
** time linear in the catalogs' sizes (codes are matched through hash
** indexes). The changes come grouped: the catalog's own first (domain
** NULL), then each domain's, in catalog order. */
ec_diff_result *ec_diff(const ec_catalog *before, const ec_catalog *after);
void ec_diff_free(ec_diff_result *r);

/* Counts of the changes: breaking ones not approved, breaking ones
** approved, compatible ones. */
typedef struct ec_diff_counts {
    size_t breaking, approved, compatible;
} ec_diff_counts;
ec_diff_counts ec_diff_count(const ec_diff_result *r);

/* Equal strings, or both NULL: how the parts of the diff (diff.c,
** diff_report.c, diff_approve.c) compare optional text. */
bool ec_diff_same_text(const char *a, const char *b);

/* Reads an approvals file ('len' bytes of 'text', named 'file' in
** diagnostics; 'file' must outlive 'r'): a YAML list of maps
**   {change: <kind>, domain: <id>, code: <code>, name: <name>, reason: <text>}
** Each entry marks the breaking changes of that kind whose subject matches
** every key it gives as approved (a key left out matches anything); a code
** change needs domain and code or name, a domain change its domain, a
** status change its number as code, a header change its name, an envelope
** change its name (envelope.<field>). Reports every malformed entry as an
** error (an entry without a reason is one) and returns false then, leaving
** 'r' unchanged; reports each entry that matches no change as a warning. */
bool ec_diff_apply_approvals(ec_diff_result *r, const char *file, const char *text, size_t len,
                             ec_diag *d);

typedef enum ec_diff_format {
    EC_DIFF_TEXT,
    EC_DIFF_JSON,
    EC_DIFF_MARKDOWN
} ec_diff_format;

/* Finds a format by name ("text", "json", "markdown"); false if none. */
bool ec_diff_format_find(const char *name, ec_diff_format *out);

/* Appends the report to 'out':
**   text      a line per change, "breaking: ...", "approved: ..." (a
**             breaking change an approval accepts, with its reason) or
**             "compatible: ...", under a heading per domain, then totals;
**   json      a list of {kind, breaking, domain, code, name, old, new,
**             message, approved};
**   markdown  a heading with the totals and a table, for a pull request. */
void ec_diff_write(const ec_diff_result *r, ec_diff_format f, ec_buf *out);

/* Loads and validates one side of a diff: a file path, or git:REV:PATH,
** which is the file PATH at revision REV (read with `git cat-file blob
** REV:PATH`: the bytes `git show REV:PATH` prints, with no filter or
** pager). Git reads PATH relative to the repository's root unless it starts
** with ./; the catalog's includes are then read from the working tree,
** relative to PATH as a path from the current folder, so run it from the
** repository's root. Returns NULL after reporting to 'd' when the side
** cannot be read, loaded or validated; the caller frees the catalog. */
ec_catalog *ec_diff_load(const char *side, ec_diag *d);

#endif
