/* catalog.c: what every stage needs of the model itself: the names of its
** enumerations, the default policy, header name comparison, the status
** lookup, the documentation anchors, and freeing. */
#include "catalog.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

const char *const ec_retry_names[] = {"never", "always", "maybe", "depends", "after-action", NULL};
const char *const ec_action_names[] = {"none", "fix-request", "check-credentials", "requote",
                                       "resubmit-same", "poll-status", "reduce-size",
                                       "adjust-request", "contact-support", NULL};
const char *const ec_backoff_names[] = {"none", "linear", "exponential", NULL};
const char *const ec_ui_severity_names[] = {"info", "warning", "error", "critical", NULL};
const char *const ec_audience_names[] = {"user", "developer", "operator", NULL};
const char *const ec_param_type_names[] = {"string", "integer", "decimal", "boolean", NULL};
const char *const ec_header_type_names[] = {"string", "integer", "seconds", "epoch-seconds",
                                            "http-date", NULL};
const char *const ec_header_direction_names[] = {"response", "request", "both", NULL};

const ec_ui ec_no_ui = {.present = false};

const ec_code_more ec_no_more = {.description = "", .hint = "", .ui = &ec_no_ui};

/* A packed position: the line after the code's 'at' in the high byte and
** the column in the low three; 0 where the key is not written, WIDE for
** one kept in more->key_at. */
#define KEY_COL_BITS 24
#define KEY_COL_MAX ((1u << KEY_COL_BITS) - 2)
#define KEY_LINES_MAX 255u
#define KEY_WIDE UINT32_MAX

void ec_code_set_at(ec_code *e, ec_code_more *more, const ec_loc at[EC_NCODE_KEYS], ec_arena *a)
{
    uint32_t packed[EC_NCODE_KEYS];
    int k;
    for (k = 0; k < EC_NCODE_KEYS; k++) {
        const ec_loc *l = &at[k];
        if (!l->file && !l->line && !l->col)
            packed[k] = 0;
        else if (l->file == e->at.file && l->line >= e->at.line &&
                 l->line - e->at.line <= KEY_LINES_MAX && l->col >= 1 && l->col <= KEY_COL_MAX)
            packed[k] = (l->line - e->at.line) << KEY_COL_BITS | l->col;
        else
            break; /* an alias to a code written earlier, a long text between keys */
    }
    if (k < EC_NCODE_KEYS) {
        if (!more) {
            more = ec_arena_alloc(a, sizeof *more);
            *more = ec_no_more;
            e->more = more;
        }
        ec_loc *wide = ec_arena_alloc(a, EC_NCODE_KEYS * sizeof *wide);
        memcpy(wide, at, EC_NCODE_KEYS * sizeof *wide);
        more->key_at = wide;
        for (k = 0; k < EC_NCODE_KEYS; k++)
            packed[k] = KEY_WIDE;
    }
    memcpy(e->key_at, packed, sizeof packed);
}

ec_loc ec_code_at(const ec_code *e, ec_code_key k)
{
    uint32_t v = e->key_at[k];
    if (v == KEY_WIDE)
        return e->more->key_at[k];
    if (!v)
        return (ec_loc){NULL, 0, 0};
    return (ec_loc){e->at.file, e->at.line + (v >> KEY_COL_BITS), v & ((1u << KEY_COL_BITS) - 1)};
}

const ec_policy ec_default_policy = {.name = "default", .retry = EC_RETRY_NEVER, .advice = ""};

int ec_header_cmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
        int cb = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
        if (ca != cb || !ca)
            return ca - cb;
    }
}

const char *ec_envelope_path(const ec_catalog *c, const ec_domain *d, size_t offset)
{
    const char *own = d ? *(const char *const *)((const char *)&d->envelope + offset) : NULL;
    return own ? own : *(const char *const *)((const char *)&c->envelope + offset);
}

const ec_envelope *ec_echo_envelope(const ec_catalog *c, const ec_domain *dom, bool headers)
{
    if (dom && (headers ? dom->envelope.necho_headers : dom->envelope.necho))
        return &dom->envelope;
    return &c->envelope;
}

const ec_status *ec_catalog_status(const ec_catalog *c, int64_t n)
{
    assert(c->statuses_sorted || c->nstatuses < 2);
    size_t lo = 0, hi = c->nstatuses;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->statuses[mid].status < n)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->nstatuses && c->statuses[lo].status == n ? &c->statuses[lo] : NULL;
}

const char *ec_anchor(ec_arena *a, ec_anchor_kind kind, const char *owner, const char *part)
{
    switch (kind) {
    case EC_ANCHOR_CODE: return ec_arena_join(a, owner, "-", part);
    case EC_ANCHOR_FALLBACK: return ec_arena_join(a, owner, "--", "other");
    case EC_ANCHOR_CLASS: return ec_arena_join(a, owner, "--class-", part);
    case EC_ANCHOR_DOMAIN: return ec_arena_join(a, "domain", "--", part);
    case EC_ANCHOR_STATUS: return ec_arena_join(a, "status", "-", part);
    case EC_ANCHOR_HEADER: return ec_arena_join(a, "header", "--", part);
    case EC_ANCHOR_POLICY: return ec_arena_join(a, "policy", "--", part);
    case EC_ANCHOR_CATALOG: return ec_arena_join(a, "catalog", "--", part);
    }
    return NULL;
}

const ec_class *ec_domain_class(const ec_domain *dom, const char *str, int64_t num)
{
    for (size_t i = 0; i < dom->nclasses; i++) {
        const ec_class *k = &dom->classes[i];
        if (k->prefix ? str && strncmp(str, k->prefix, strlen(k->prefix)) == 0
                      : !str && num >= k->lo && num <= k->hi)
            return k;
    }
    return NULL;
}

void ec_catalog_free(ec_catalog *c)
{
    if (!c)
        return;
    ec_arena_free(&c->arena);
    free(c);
}

const char *ec_forms_pick(const char *const *form, ec_plural p, const char *other_text)
{
    return form[p] ? form[p] : other_text;
}
