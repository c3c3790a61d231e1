/* lint.h: style and completeness rules for a valid catalog. The validator
** says whether a catalog means something; lint says whether it says it
** well: names, messages, descriptions, retry advice, hints. Each rule has
** an id (name-case), is on or off by default, and gives a fix. */
#ifndef EC_LINT_H
#define EC_LINT_H

#include "catalog.h"

typedef enum ec_lint_rule_id {
    EC_LINT_NAME_CASE,
    EC_LINT_DESCRIBE_CODES,
    EC_LINT_MESSAGE_PERIOD,
    EC_LINT_MESSAGE_CAPITAL,
    EC_LINT_MESSAGE_LENGTH,
    EC_LINT_DUPLICATE_MESSAGE,
    EC_LINT_STATUS_FOR_CODE,
    EC_LINT_HINT_FOR_4XX,
    EC_LINT_USER_AUDIENCE_HINT,
    EC_LINT_PARAM_DESCRIPTION,
    EC_LINT_EXAMPLE_FOR_CODE,
    EC_LINT_DEPRECATED_REASON,
    EC_LINT_RETRY_ON_5XX,
    EC_LINT_RETRY_ON_429,
    EC_LINT_DELAY_SOURCE,
    EC_LINT_DELAY_HEADER_LISTED,
    EC_LINT_RETRY_LIMIT,
    EC_LINT_RETRY_BACKOFF,
    EC_LINT_ADVICE_FOR_RETRY,
    EC_LINT_RESUBMIT_IDEMPOTENT,
    EC_LINT_IDEMPOTENCY_KEY,
    EC_LINT_DESCRIBE_DOMAINS,
    EC_LINT_DOMAIN_FALLBACK,
    EC_LINT_ENVELOPE_CODE,
    EC_LINT_ECHO_IN_DETAILS,
    EC_LINT_DESCRIBE_STATUSES,
    EC_LINT_UNUSED_POLICY,
    EC_LINT_UNUSED_HEADER,
    EC_LINT_DOCS_URL,
    EC_LINT_CATALOG_VERSION,
    EC_LINT_MISSING_TRANSLATION,
    EC_LINT_STALE_TRANSLATION,
    EC_LINT_UNUSED_TRANSLATION,
    EC_LINT_NRULES
} ec_lint_rule_id;

typedef struct ec_lint_rule {
    const char *id;      /* "name-case" */
    bool on;             /* by default */
    const char *summary; /* what it asks for, one line */
} ec_lint_rule;

/* Indexed by ec_lint_rule_id. */
extern const ec_lint_rule ec_lint_rules[EC_LINT_NRULES];

/* The rule with this id, or NULL. */
const ec_lint_rule *ec_lint_rule_find(const char *id);

typedef struct ec_lint_config {
    bool on[EC_LINT_NRULES];
} ec_lint_config;

/* Every rule on or off as by default. */
void ec_lint_config_init(ec_lint_config *cfg);

/* Turns a rule on or off. Reports an unknown id at 'at' (with the nearest
** id) and returns false. */
bool ec_lint_config_set(ec_lint_config *cfg, const char *rule, bool on, ec_loc at, ec_diag *d);

/* Applies a catalog's lint section, {disable: [id...], enable: [id...]}
** (the loader keeps it as c->lint; NULL or null: nothing). Reports a malformed section, an unknown id or an
** id in both lists, and returns false then. */
bool ec_lint_config_read(ec_lint_config *cfg, const ec_value *section, ec_diag *d);

/* One finding: a warning 'message' at 'at', how to fix it, and for some
** rules a related place (the first of two duplicates). */
typedef struct ec_lint_finding {
    ec_lint_rule_id rule;
    ec_loc at;
    const char *message;
    const char *fix;
    ec_loc related_at; /* file NULL when there is none */
    const char *related;
    uint32_t rank, seq; /* position in the report: file, then order found */
} ec_lint_finding;

typedef struct ec_lint_result {
    ec_arena arena;
    ec_lint_finding *v; /* sorted by file (in load order), line, column */
    size_t n, cap;
} ec_lint_result;

/* Runs the rules 'cfg' turns on over a validated catalog. Never fails; the
** caller frees the result with ec_lint_free. Locations point into the
** catalog: it must outlive the result's use. */
ec_lint_result *ec_lint(const ec_catalog *c, const ec_lint_config *cfg);
void ec_lint_free(ec_lint_result *r);

/* Reports each finding to 'd' as a warning "message [rule-id]" followed by
** a note at the related place, if any, and a note with the fix. */
void ec_lint_report(const ec_lint_result *r, ec_diag *d);

/* Appends the findings as JSON: a list of {file, line, col, rule, message,
** fix, related}, related being null or {file, line, col, message}. */
void ec_lint_write_json(const ec_lint_result *r, ec_buf *out);

/* Appends the rules, one a line: id, "on" or "off" by default, summary. */
void ec_lint_list_rules(ec_buf *out);

#endif
