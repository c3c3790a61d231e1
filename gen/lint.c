/* lint.c: one static function per rule, over a validated catalog. Rules
** about a code skip retired codes (they are no longer sent) unless they
** are about the retirement itself; a code that takes its status's retry
** policy is judged through the status, so that one policy gives one
** warning. */
#include "lint.h"

#include "alloc.h"
#include "ident.h"
#include "l10n.h"
#include "phash.h"
#include "sort.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const ec_lint_rule ec_lint_rules[EC_LINT_NRULES] = {
    [EC_LINT_NAME_CASE] = {"name-case", true, "code names are SCREAMING_SNAKE_CASE"},
    [EC_LINT_DESCRIBE_CODES] = {"describe-codes", true, "every code has a description"},
    [EC_LINT_MESSAGE_PERIOD] = {"message-period", true,
                                "messages are phrases without a final period"},
    [EC_LINT_MESSAGE_CAPITAL] = {"message-capital", false,
                                 "messages start with a capital letter"},
    [EC_LINT_MESSAGE_LENGTH] = {"message-length", false,
                                "messages fit in 100 characters; details go in the description"},
    [EC_LINT_DUPLICATE_MESSAGE] = {"duplicate-message", true,
                                   "no two codes of a domain share a message, so users can tell them apart"},
    [EC_LINT_STATUS_FOR_CODE] = {"status-for-code", true, "every code has its typical status"},
    [EC_LINT_HINT_FOR_4XX] = {"hint-for-4xx", true,
                              "codes of client errors (4xx) say how to fix the request"},
    [EC_LINT_USER_AUDIENCE_HINT] = {"user-audience-hint", true,
                                    "codes for users have a ui hint"},
    [EC_LINT_PARAM_DESCRIPTION] = {"param-description", true, "every placeholder is described"},
    [EC_LINT_EXAMPLE_FOR_CODE] = {"example-for-code", false, "every code has an example response"},
    [EC_LINT_DEPRECATED_REASON] = {"deprecated-reason", true,
                                   "deprecated and retired codes say why"},
    [EC_LINT_RETRY_ON_5XX] = {"retry-on-5xx", true,
                              "500, 502, 503 and 504 are retried, or their advice says why not"},
    [EC_LINT_RETRY_ON_429] = {"retry-on-429", true, "429 is retried automatically, after a delay"},
    [EC_LINT_DELAY_SOURCE] = {"delay-source", true,
                              "automatic retries wait: a delay header or default_ms"},
    [EC_LINT_DELAY_HEADER_LISTED] = {"delay-header-listed", true,
                                     "a status lists the delay header its retry policy reads"},
    [EC_LINT_RETRY_LIMIT] = {"retry-limit", true, "automatic retries have max_attempts"},
    [EC_LINT_RETRY_BACKOFF] = {"retry-backoff", false,
                               "automatic retries without a delay header back off"},
    [EC_LINT_ADVICE_FOR_RETRY] = {"advice-for-retry", true, "every retry policy has advice"},
    [EC_LINT_RESUBMIT_IDEMPOTENT] = {"resubmit-idempotent", true,
                                     "a resubmit-same policy is idempotent"},
    [EC_LINT_IDEMPOTENCY_KEY] = {"idempotency-key", false,
                                 "an idempotent policy names the request header of its key"},
    [EC_LINT_DESCRIBE_DOMAINS] = {"describe-domains", true, "every domain has a description"},
    [EC_LINT_DOMAIN_FALLBACK] = {"domain-fallback", true,
                                 "every domain has a fallback for codes added later"},
    [EC_LINT_ENVELOPE_CODE] = {"envelope-code", true,
                               "every domain's codes can be found in a response body"},
    [EC_LINT_ECHO_IN_DETAILS] = {"echo-in-details", true,
                                 "no echo field lies in details, which produce writes as given"},
    [EC_LINT_DESCRIBE_STATUSES] = {"describe-statuses", false, "every status has a description"},
    [EC_LINT_UNUSED_POLICY] = {"unused-policy", true, "every named retry policy is used"},
    [EC_LINT_UNUSED_HEADER] = {"unused-header", true, "every declared header is used"},
    [EC_LINT_DOCS_URL] = {"docs-url", true, "the catalog has a docs_url"},
    [EC_LINT_CATALOG_VERSION] = {"catalog-version", true, "the catalog has a version"},
    [EC_LINT_MISSING_TRANSLATION] = {"missing-translation", true,
                                     "every locale translates every text"},
    [EC_LINT_STALE_TRANSLATION] = {"stale-translation", true,
                                   "no translation is of a source text that has changed since"},
    [EC_LINT_UNUSED_TRANSLATION] = {"unused-translation", true,
                                    "every translation is of a text the catalog has"},
};

const ec_lint_rule *ec_lint_rule_find(const char *id)
{
    for (size_t i = 0; i < EC_LINT_NRULES; i++)
        if (strcmp(ec_lint_rules[i].id, id) == 0)
            return &ec_lint_rules[i];
    return NULL;
}

void ec_lint_config_init(ec_lint_config *cfg)
{
    for (size_t i = 0; i < EC_LINT_NRULES; i++)
        cfg->on[i] = ec_lint_rules[i].on;
}

bool ec_lint_config_set(ec_lint_config *cfg, const char *rule, bool on, ec_loc at, ec_diag *d)
{
    const ec_lint_rule *r = ec_lint_rule_find(rule);
    if (r) {
        cfg->on[r - ec_lint_rules] = on;
        return true;
    }
    ec_suggester s;
    ec_suggest_begin(&s, rule);
    for (size_t i = 0; i < EC_LINT_NRULES; i++)
        ec_suggest_consider(&s, ec_lint_rules[i].id);
    const char *best = ec_suggest_result(&s);
    if (best)
        ec_error(d, at, "unknown lint rule '%s'; did you mean '%s'?", rule, best);
    else
        ec_error(d, at, "unknown lint rule '%s' (errcat lint --rules lists them)", rule);
    return false;
}

/* The ids of one list of the lint section; false after reporting. */
static bool read_rule_list(ec_lint_config *cfg, const ec_value *sec, const char *key, bool on,
                           const ec_value *other, ec_diag *d)
{
    const ec_value *v = ec_map_get(sec, key);
    if (!v || v->kind == EC_VNULL)
        return true;
    if (v->kind != EC_VLIST) {
        ec_error(d, v->at, "lint '%s' must be a list of rule ids", key);
        return false;
    }
    bool ok = true;
    for (uint32_t i = 0; i < v->len; i++) {
        const ec_value *it = &v->u.items[i];
        if (it->kind != EC_VSTR) {
            ec_error(d, it->at, "lint '%s' must be a list of rule ids", key);
            ok = false;
            continue;
        }
        for (uint32_t j = 0; on && other && other->kind == EC_VLIST && j < other->len; j++)
            if (other->u.items[j].kind == EC_VSTR && strcmp(other->u.items[j].u.s, it->u.s) == 0) {
                ec_error(d, it->at, "lint rule '%s' is both enabled and disabled", it->u.s);
                ec_note(d, other->u.items[j].at, "disabled here");
                ok = false;
            }
        ok &= ec_lint_config_set(cfg, it->u.s, on, it->at, d);
    }
    return ok;
}

bool ec_lint_config_read(ec_lint_config *cfg, const ec_value *section, ec_diag *d)
{
    if (!section || section->kind == EC_VNULL)
        return true;
    if (section->kind != EC_VMAP) {
        ec_error(d, section->at, "'lint' must be a map {disable: [...], enable: [...]}");
        return false;
    }
    bool ok = true;
    for (uint32_t i = 0; i < section->len; i++) {
        const char *k = section->u.members[i].key;
        if (strcmp(k, "disable") != 0 && strcmp(k, "enable") != 0) {
            ec_error(d, section->u.members[i].key_at,
                     "unknown key '%s' in lint; expected disable or enable", k);
            ok = false;
        }
    }
    ok &= read_rule_list(cfg, section, "disable", false, NULL, d);
    ok &= read_rule_list(cfg, section, "enable", true, ec_map_get(section, "disable"), d);
    return ok;
}

/* ---- The rules ---- */

typedef struct linter {
    const ec_catalog *c;
    ec_lint_result *r;
    ec_arena *a;
    ec_lint_rule_id rule; /* the rule running */
} linter;

static ec_lint_finding *warn(linter *l, ec_loc at, const char *fix, const char *fmt, ...)
    EC_PRINTF(4, 5);

static ec_lint_finding *warn(linter *l, ec_loc at, const char *fix, const char *fmt, ...)
{
    ec_lint_result *r = l->r;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 32;
        r->v = ec_xrealloc(r->v, r->cap * sizeof *r->v);
    }
    ec_lint_finding *f = &r->v[r->n];
    memset(f, 0, sizeof *f);
    f->rule = l->rule;
    f->at = at;
    f->fix = fix;
    f->seq = (uint32_t)r->n++;
    va_list ap;
    va_start(ap, fmt);
    f->message = ec_arena_vprintf(l->a, fmt, ap);
    va_end(ap);
    return f;
}

/* "code 42 (NAME)", "code QUOTE_EXPIRED", "the fallback of domain x". */
static const char *what(linter *l, const ec_domain *d, const ec_code *e)
{
    if (e == d->fallback)
        return ec_arena_printf(l->a, "the fallback of domain %s", d->id);
    if (e->is_string)
        return ec_arena_printf(l->a, "code %s", e->str);
    return ec_arena_printf(l->a, "code %lld (%s)", (long long)e->num, e->name);
}

static ec_loc first_loc(ec_loc a, ec_loc b)
{
    return a.file ? a : b;
}

static bool own_policy(const ec_policy_ref *r)
{
    return r->name || r->inline_policy;
}

static bool automatic(const ec_policy *p)
{
    return p->retry == EC_RETRY_ALWAYS || p->retry == EC_RETRY_AFTER_ACTION;
}

/* Calls 'fn' for every code (retired ones only when 'retired') and, with
** 'fallbacks', every fallback. */
typedef void (*entry_fn)(linter *l, const ec_domain *d, const ec_code *e);

static void each_entry(linter *l, entry_fn fn, bool retired, bool fallbacks)
{
    for (size_t i = 0; i < l->c->ndomains; i++) {
        const ec_domain *d = &l->c->domains[i];
        for (size_t j = 0; j < d->ncodes; j++)
            if (retired || !d->codes[j].more->retired)
                fn(l, d, &d->codes[j]);
        if (fallbacks && d->fallback)
            fn(l, d, d->fallback);
    }
}

/* Calls 'fn' for every policy written in the catalog: the named ones, then
** the inline ones of statuses, codes and fallbacks; 'who' names it. */
typedef void (*policy_fn)(linter *l, const ec_policy *p, const char *who);

static void each_policy(linter *l, policy_fn fn)
{
    const ec_catalog *c = l->c;
    for (size_t i = 0; i < c->npolicies; i++)
        fn(l, &c->policies[i], ec_arena_printf(l->a, "retry policy '%s'", c->policies[i].name));
    for (size_t i = 0; i < c->nstatuses; i++)
        if (c->statuses[i].retry.inline_policy)
            fn(l, c->statuses[i].retry.inline_policy,
               ec_arena_printf(l->a, "the retry policy of status %lld",
                               (long long)c->statuses[i].status));
    for (size_t i = 0; i < c->ndomains; i++) {
        const ec_domain *d = &c->domains[i];
        for (size_t j = 0; j <= d->ncodes; j++) {
            const ec_code *e = j < d->ncodes ? &d->codes[j] : d->fallback;
            if (e && !e->more->retired && e->more->retry.inline_policy)
                fn(l, e->more->retry.inline_policy,
                   ec_arena_printf(l->a, "the retry policy of %s", what(l, d, e)));
        }
    }
}

static bool screaming_snake(const char *s)
{
    if (!(*s >= 'A' && *s <= 'Z'))
        return false;
    for (; *s; s++) {
        bool ok = (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
                  (*s == '_' && s[1] && s[1] != '_');
        if (!ok)
            return false;
    }
    return true;
}

static void name_case(linter *l, const ec_domain *d, const ec_code *e)
{
    if (e == d->fallback || screaming_snake(e->name))
        return;
    const char *want = ec_ident_spell(l->a, e->name, EC_CASE_UPPER);
    warn(l, first_loc(ec_code_at(e, EC_AT_NAME), e->at),
         ec_arena_printf(l->a, "rename it %s, the format's convention (a rename breaks "
                               "generated clients: do it before a release)",
                         want),
         "name '%s' is not SCREAMING_SNAKE_CASE", e->name);
}

static void describe_codes(linter *l, const ec_domain *d, const ec_code *e)
{
    if (!*e->more->description)
        warn(l, e->at, "add a description: what happened, and when a client sees it",
             "%s has no description", what(l, d, e));
}

static void message_period(linter *l, const ec_domain *d, const ec_code *e)
{
    size_t n = strlen(e->message);
    if (n && e->message[n - 1] == '.')
        warn(l, ec_code_at(e, EC_AT_MESSAGE),
             "drop the final period: messages are phrases that interfaces show as they are",
             "the message of %s ends with a period", what(l, d, e));
}

static void message_capital(linter *l, const ec_domain *d, const ec_code *e)
{
    if (e->message[0] >= 'a' && e->message[0] <= 'z')
        warn(l, ec_code_at(e, EC_AT_MESSAGE), "start the message with a capital letter",
             "the message of %s starts with a lower-case letter", what(l, d, e));
}

#define MESSAGE_MAX 100

static void message_length(linter *l, const ec_domain *d, const ec_code *e)
{
    size_t n = 0; /* characters, not bytes: UTF-8 continuation bytes do not count */
    for (const char *s = e->message; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    if (n > MESSAGE_MAX)
        warn(l, ec_code_at(e, EC_AT_MESSAGE),
             "shorten it; put the details in the description or the hint",
             "the message of %s is %zu characters long, over %d", what(l, d, e), n, MESSAGE_MAX);
}

/* Messages of a domain in a hash table: the rule stays linear in the
** catalog's size. Across domains a message may repeat: codes of two layers
** (a payment's decline and its API error, say) can say the same thing. */
static void duplicate_message(linter *l)
{
    const ec_catalog *c = l->c;
    size_t n = 0;
    for (size_t i = 0; i < c->ndomains; i++)
        n += c->domains[i].ncodes;
    size_t size = 16;
    while (size < 2 * n)
        size *= 2;
    typedef struct slot {
        const ec_domain *d;
        const ec_code *e;
    } slot;
    slot *tab = calloc(size, sizeof *tab);
    if (!tab)
        ec_oom();
    for (size_t i = 0; i < c->ndomains; i++) {
        const ec_domain *d = &c->domains[i];
        for (size_t j = 0; j < d->ncodes; j++) {
            const ec_code *e = &d->codes[j];
            if (e->more->retired)
                continue;
            size_t h = ec_hash_str(e->message, strlen(e->message)) & (size - 1);
            while (tab[h].e && (tab[h].d != d || strcmp(tab[h].e->message, e->message) != 0))
                h = (h + 1) & (size - 1);
            if (!tab[h].e) {
                tab[h] = (slot){d, e};
                continue;
            }
            ec_lint_finding *f =
                warn(l, ec_code_at(e, EC_AT_MESSAGE),
                     "say what differs, so that users can tell the errors apart",
                     "%s has the same message as %s: '%s'", what(l, d, e),
                     what(l, tab[h].d, tab[h].e), e->message);
            f->related_at = ec_code_at(tab[h].e, EC_AT_MESSAGE);
            f->related = ec_arena_printf(l->a, "the message of %s", what(l, tab[h].d, tab[h].e));
        }
    }
    free(tab);
}

static void status_for_code(linter *l, const ec_domain *d, const ec_code *e)
{
    if (!e->status)
        warn(l, e->at,
             "add the HTTP status it usually comes with: clients without the catalog see that "
             "first",
             "%s has no status", what(l, d, e));
}

static void hint_for_4xx(linter *l, const ec_domain *d, const ec_code *e)
{
    if (e->status >= 400 && e->status < 500 && !*e->more->hint)
        warn(l, e->at, "add a hint: what the developer should change in the request",
             "%s is a client error (%lld) without a hint", what(l, d, e), (long long)e->status);
}

static void user_audience_hint(linter *l, const ec_domain *d, const ec_code *e)
{
    if (e->more->ui->present && e->more->ui->audience == EC_AUD_USER && !*e->more->ui->hint)
        warn(l, e->more->ui->at, "add ui.hint: what the interface should tell or offer the user",
             "%s is meant for users but has no ui hint", what(l, d, e));
}

static void param_description(linter *l, const ec_domain *d, const ec_code *e)
{
    for (size_t i = 0; i < e->more->nparams; i++)
        if (!*e->more->params[i].description)
            warn(l, e->more->params[i].at, "describe it: what the value is, and its unit",
                 "placeholder '%s' of %s has no description", e->more->params[i].name,
                 what(l, d, e));
}

static void example_for_code(linter *l, const ec_domain *d, const ec_code *e)
{
    if (!e->more->nexamples)
        warn(l, e->at, "add an example response: it shows clients the envelope filled in",
             "%s has no example", what(l, d, e));
}

static void deprecated_reason(linter *l, const ec_domain *d, const ec_code *e)
{
    /* The model keeps no position for the flags: the code's is the best. */
    if (e->more->deprecated && !*e->more->deprecated)
        warn(l, e->at, "write deprecated: <reason>, naming what to use instead",
             "%s is deprecated without a reason", what(l, d, e));
    if (e->more->retired && !*e->more->retired)
        warn(l, e->at, "write retired: <reason>, saying since when and what replaced it",
             "%s is retired without a reason", what(l, d, e));
    for (uint32_t i = 0; i < e->more->naliases; i++)
        if (e->more->aliases[i].deprecated && !*e->more->aliases[i].deprecated)
            warn(l, e->more->aliases[i].at,
                 "write {name: ..., deprecated: <reason>}, naming what to use instead",
                 "the alias %s of %s is deprecated without a reason", e->more->aliases[i].name,
                 what(l, d, e));
}

/* The retry rules judge each status, and each code with a policy of its
** own (a code without one behaves as its status). 'st' is the status of
** the code, or the status judged; 'code' is NULL for a status. */
typedef void (*retry_fn)(linter *l, const ec_status *st, const char *code,
                         const ec_policy_ref *r, ec_loc at);

static void each_retry(linter *l, retry_fn fn)
{
    const ec_catalog *c = l->c;
    for (size_t i = 0; i < c->nstatuses; i++) {
        const ec_status *s = &c->statuses[i];
        fn(l, s, NULL, &s->retry, first_loc(s->retry.at, s->at));
    }
    for (size_t i = 0; i < c->ndomains; i++) {
        const ec_domain *d = &c->domains[i];
        for (size_t j = 0; j <= d->ncodes; j++) {
            const ec_code *e = j < d->ncodes ? &d->codes[j] : d->fallback;
            const ec_status *s = e && e->status ? ec_catalog_status(c, e->status) : NULL;
            if (s && !e->more->retired && own_policy(&e->more->retry))
                fn(l, s, what(l, d, e), &e->more->retry, e->more->retry.at);
        }
    }
}

/* "status 503", or "code X (status 503)". */
static const char *retry_who(linter *l, const ec_status *st, const char *code)
{
    return code ? ec_arena_printf(l->a, "%s (status %lld)", code, (long long)st->status)
                : ec_arena_printf(l->a, "status %lld", (long long)st->status);
}

static void retry_on_5xx_one(linter *l, const ec_status *st, const char *code,
                             const ec_policy_ref *r, ec_loc at)
{
    const ec_policy *p = r->resolved;
    int64_t n = st->status;
    bool transient = n == 500 || n == 502 || n == 503 || n == 504;
    if (transient && p && p->retry == EC_RETRY_NEVER && !*p->advice)
        warn(l, at,
             "server errors are usually transient: retry maybe, or always with a delay and a "
             "limit; if it must not be retried, say why in the policy's advice",
             "%s is never retried", retry_who(l, st, code));
}

static void retry_on_5xx(linter *l)
{
    each_retry(l, retry_on_5xx_one);
}

static void retry_on_429_one(linter *l, const ec_status *st, const char *code,
                             const ec_policy_ref *r, ec_loc at)
{
    if (st->status == 429 && r->resolved && !automatic(r->resolved))
        warn(l, at,
             "use retry: always with delay: {header: Retry-After, default_ms: ...}: a rate "
             "limit passes by itself",
             "%s is not retried automatically", retry_who(l, st, code));
}

static void retry_on_429(linter *l)
{
    each_retry(l, retry_on_429_one);
}

static bool status_lists(const ec_status *s, const char *header)
{
    for (size_t i = 0; i < s->nheaders; i++)
        if (ec_header_cmp(s->headers[i].s, header) == 0)
            return true;
    return false;
}

static void delay_header_listed_one(linter *l, const ec_status *st, const char *code,
                                    const ec_policy_ref *r, ec_loc at)
{
    const char *h = r->resolved ? r->resolved->delay_header : NULL;
    if (!h || status_lists(st, h))
        return;
    const char *fix =
        ec_arena_printf(l->a, "add %s to the headers of status %lld", h, (long long)st->status);
    if (code)
        warn(l, at, fix, "%s waits for header %s, which its status %lld does not list", code, h,
             (long long)st->status);
    else
        warn(l, at, fix, "status %lld waits for header %s but does not list it",
             (long long)st->status, h);
}

static void delay_header_listed(linter *l)
{
    each_retry(l, delay_header_listed_one);
}

/* After an action (a new quote, a poll) the request is another one, and
** the action itself takes time: only 'always' can hammer. */
static void delay_source_one(linter *l, const ec_policy *p, const char *who)
{
    if (p->retry == EC_RETRY_ALWAYS && !p->delay_header && !p->default_ms)
        warn(l, p->at,
             "give it delay.default_ms (and delay.header when the server says how long to "
             "wait): retrying at once hammers a server that is struggling",
             "%s retries at once, without a delay", who);
}

static void delay_source(linter *l)
{
    each_policy(l, delay_source_one);
}

static void retry_limit_one(linter *l, const ec_policy *p, const char *who)
{
    if (automatic(p) && !p->max_attempts)
        warn(l, p->at, "set max_attempts: a client that retries without end never reports the "
                       "error",
             "%s retries without a limit", who);
}

static void retry_limit(linter *l)
{
    each_policy(l, retry_limit_one);
}

static void retry_backoff_one(linter *l, const ec_policy *p, const char *who)
{
    if (p->retry == EC_RETRY_ALWAYS && !p->delay_header && p->backoff == EC_BACKOFF_NONE)
        warn(l, p->at, "use delay.backoff: exponential with a max_ms, so that clients spread out",
             "%s retries at a fixed delay", who);
}

static void retry_backoff(linter *l)
{
    each_policy(l, retry_backoff_one);
}

static void advice_for_retry_one(linter *l, const ec_policy *p, const char *who)
{
    if (!*p->advice)
        warn(l, p->at, "add advice: one sentence telling people what to do",
             "%s has no advice", who);
}

static void advice_for_retry(linter *l)
{
    each_policy(l, advice_for_retry_one);
}

static void resubmit_idempotent_one(linter *l, const ec_policy *p, const char *who)
{
    if (p->action == EC_ACTION_RESUBMIT_SAME && !p->idempotent)
        warn(l, p->at,
             "set idempotent: true when the server deduplicates the request; otherwise "
             "resubmitting it may do it twice",
             "%s resubmits the same request but is not idempotent", who);
}

static void resubmit_idempotent(linter *l)
{
    each_policy(l, resubmit_idempotent_one);
}

/* Off by default: a request may deduplicate itself (a signed transaction
** is its own key), and then there is no header to name. */
static void idempotency_key_one(linter *l, const ec_policy *p, const char *who)
{
    if (!p->idempotent || p->idempotency_key)
        return;
    const ec_header *only = NULL;
    size_t nrequest = 0;
    for (size_t i = 0; i < l->c->nheaders; i++)
        if (l->c->headers[i].direction != EC_DIR_RESPONSE) {
            only = &l->c->headers[i];
            nrequest++;
        }
    const char *fix =
        nrequest == 1
            ? ec_arena_printf(l->a, "name the header that carries the key: idempotency_key: %s",
                              only->name)
            : "declare the request header that carries the key (headers: {Idempotency-Key: "
              "{direction: request}}) and name it: idempotency_key: Idempotency-Key";
    warn(l, p->at, fix, "%s is idempotent but names no idempotency key header", who);
}

static void idempotency_key(linter *l)
{
    each_policy(l, idempotency_key_one);
}

static void describe_domains(linter *l)
{
    for (size_t i = 0; i < l->c->ndomains; i++) {
        const ec_domain *d = &l->c->domains[i];
        if (!*d->description)
            warn(l, first_loc(d->id_at, d->at),
                 "add a description (and a title): what these codes are about",
                 "domain %s has no description", d->id);
    }
}

static void domain_fallback(linter *l)
{
    for (size_t i = 0; i < l->c->ndomains; i++) {
        const ec_domain *d = &l->c->domains[i];
        if (!d->fallback)
            warn(l, first_loc(d->id_at, d->at),
                 "add a fallback: clients built today then understand the codes added tomorrow",
                 "domain %s has no fallback for codes it does not list", d->id);
    }
}

static void envelope_code(linter *l)
{
    for (size_t i = 0; i < l->c->ndomains; i++) {
        const ec_domain *d = &l->c->domains[i];
        if (!EC_ENVELOPE_PATH(l->c, d, code))
            warn(l, first_loc(d->id_at, d->at),
                 "set envelope.code (of the catalog or the domain): the path of the code in an "
                 "error body",
                 "the codes of domain %s cannot be found in a response: no envelope code path",
                 d->id);
    }
}

/* Whether envelope path 'p' is 'outer' or lies in it, [*] being [0] (the
** element both produce and classify take for it). */
static bool path_within(const char *p, const char *outer)
{
    while (*outer) {
        if (strncmp(outer, "[*]", 3) == 0 && strncmp(p, "[0]", 3) == 0)
            p += 3, outer += 3;
        else if (strncmp(p, "[*]", 3) == 0 && strncmp(outer, "[0]", 3) == 0)
            p += 3, outer += 3;
        else if (*p++ != *outer++)
            return false;
    }
    return !*p || *p == '.' || *p == '[';
}

/* produce writes details as given (FORMAT.md, produce), so an echo field in
** them is left out whenever a server passes details; unless an earlier part
** of the envelope lies in the details path, which then leaves details out.
** Returns the echo envelope warned about, or NULL. */
static const ec_envelope *echo_in_details_of(linter *l, const ec_domain *d,
                                             const ec_envelope *warned)
{
    const char *details = EC_ENVELOPE_PATH(l->c, d, details);
    const ec_envelope *e = ec_echo_envelope(l->c, d, false);
    if (!details || e == warned)
        return NULL;
    const char *before[] = {EC_ENVELOPE_PATH(l->c, d, code), EC_ENVELOPE_PATH(l->c, d, status),
                            EC_ENVELOPE_PATH(l->c, d, title), EC_ENVELOPE_PATH(l->c, d, message)};
    for (size_t i = 0; i < sizeof before / sizeof *before; i++)
        if (before[i] && path_within(before[i], details))
            return NULL;
    bool found = false;
    for (size_t i = 0; i < e->necho; i++)
        if (path_within(e->echo[i], details) && strlen(e->echo[i]) > strlen(details)) {
            warn(l, e->at, "echo it beside the details (a path outside them), or leave it out",
                 "echo field %s lies in details (%s), which produce writes as given: it is "
                 "left out whenever details are passed",
                 e->echo[i], details);
            found = true;
        }
    return found ? e : NULL;
}

/* Each envelope once: the domains that take the catalog's echo fields share
** its warning (a domain's own are its alone). */
static void echo_in_details(linter *l)
{
    const ec_envelope *catalogs = echo_in_details_of(l, NULL, NULL);
    for (size_t i = 0; i < l->c->ndomains; i++)
        echo_in_details_of(l, &l->c->domains[i], catalogs);
}

static void describe_statuses(linter *l)
{
    for (size_t i = 0; i < l->c->nstatuses; i++) {
        const ec_status *s = &l->c->statuses[i];
        if (!*s->description)
            warn(l, s->at, "add a description: what the status means for this API",
                 "status %lld has no description", (long long)s->status);
    }
}

/* A policy is used when something resolves to it (the validator points
** every reference at the named policy itself). */
/* Marks the named policy 'r' refers to, and those its conditions hand
** over to (used by the same entries). */
static void mark_policy(const ec_catalog *c, bool *used, const ec_policy_ref *r)
{
    const ec_policy *p = r->resolved;
    if (r->name && p >= c->policies && p < c->policies + c->npolicies)
        used[p - c->policies] = true;
    for (size_t i = 0; p && i < p->nwhen; i++)
        mark_policy(c, used, &p->when[i].then);
}

static void unused_policy(linter *l)
{
    const ec_catalog *c = l->c;
    if (!c->npolicies)
        return;
    bool *used = calloc(c->npolicies, sizeof *used);
    if (!used)
        ec_oom();
#define MARK(ref) mark_policy(c, used, &(ref))
    for (size_t i = 0; i < c->nstatuses; i++)
        MARK(c->statuses[i].retry);
    for (size_t i = 0; i < c->ndomains; i++) {
        const ec_domain *d = &c->domains[i];
        for (size_t j = 0; j < d->ncodes; j++)
            MARK(d->codes[j].more->retry);
        if (d->fallback)
            MARK(d->fallback->more->retry);
    }
#undef MARK
    for (size_t i = 0; i < c->npolicies; i++)
        if (!used[i])
            warn(l, c->policies[i].at, "remove it, or refer to it with retry: name",
                 "retry policy '%s' is not used", c->policies[i].name);
    free(used);
}

static void mark_header(const ec_catalog *c, bool *used, const char *name)
{
    for (size_t i = 0; name && i < c->nheaders; i++)
        if (ec_header_cmp(c->headers[i].name, name) == 0)
            used[i] = true;
}

static void mark_policy_headers(const ec_catalog *c, bool *used, const ec_policy *p)
{
    mark_header(c, used, p->delay_header);
    mark_header(c, used, p->idempotency_key);
    for (size_t i = 0; i < p->nwhen; i++) { /* a condition's header, and its policy's */
        mark_header(c, used, p->when[i].header);
        if (p->when[i].then.resolved)
            mark_policy_headers(c, used, p->when[i].then.resolved);
    }
}

static void mark_echo_headers(const ec_catalog *c, bool *used, const ec_envelope *e)
{
    for (size_t i = 0; i < e->necho_headers; i++)
        mark_header(c, used, e->echo_headers[i]);
}

static void mark_policy_header(const ec_catalog *c, bool *used, const ec_policy_ref *r)
{
    if (r->resolved)
        mark_policy_headers(c, used, r->resolved);
}

static void mark_example_headers(const ec_catalog *c, bool *used, const ec_example *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (x[i].headers.kind == EC_VMAP)
            for (uint32_t j = 0; j < x[i].headers.len; j++)
                mark_header(c, used, x[i].headers.u.members[j].key);
}

/* Used: listed by a status, read or named by a retry policy, or shown in an
** example. A request header no status sends is used when a policy names it. */
static void unused_header(linter *l)
{
    const ec_catalog *c = l->c;
    if (!c->nheaders)
        return;
    bool *used = calloc(c->nheaders, sizeof *used);
    if (!used)
        ec_oom();
    for (size_t i = 0; i < c->npolicies; i++)
        mark_policy_headers(c, used, &c->policies[i]);
    mark_echo_headers(c, used, &c->envelope);
    for (size_t i = 0; i < c->ndomains; i++)
        mark_echo_headers(c, used, &c->domains[i].envelope);
    for (size_t i = 0; i < c->nstatuses; i++) {
        const ec_status *s = &c->statuses[i];
        for (size_t j = 0; j < s->nheaders; j++)
            mark_header(c, used, s->headers[j].s);
        mark_policy_header(c, used, &s->retry);
        mark_example_headers(c, used, s->examples, s->nexamples);
    }
    for (size_t i = 0; i < c->ndomains; i++) {
        const ec_domain *d = &c->domains[i];
        for (size_t j = 0; j <= d->ncodes; j++) {
            const ec_code *e = j < d->ncodes ? &d->codes[j] : d->fallback;
            if (!e)
                continue;
            mark_policy_header(c, used, &e->more->retry);
            mark_example_headers(c, used, e->more->examples, e->more->nexamples);
        }
    }
    for (size_t i = 0; i < c->nheaders; i++) {
        if (used[i])
            continue;
        if (c->headers[i].direction == EC_DIR_REQUEST)
            warn(l, c->headers[i].at,
                 "name it in the idempotency_key of the retry policies it makes safe, or remove it",
                 "request header %s is declared but no retry policy names it",
                 c->headers[i].name);
        else
            warn(l, c->headers[i].at,
                 "list it in the headers of the statuses that send it, or remove it",
                 "header %s is declared but no status sends it", c->headers[i].name);
    }
    free(used);
}

static void docs_url(linter *l)
{
    if (!l->c->docs_url)
        warn(l, l->c->id_at,
             "set catalog.docs_url: it gives every code a permalink and RFC 9457 responses "
             "their type URI",
             "the catalog has no docs_url");
}

static void catalog_version(linter *l)
{
    if (!*l->c->version)
        warn(l, l->c->id_at,
             "set catalog.version, so that documentation and diffs say which version they "
             "describe",
             "the catalog has no version");
}

/* The texts of each locale with no usable translation: one finding a
** locale, with the count, since a new locale starts with all of them. */
static void missing_translation(linter *l)
{
    ec_l10n_index x;
    ec_l10n_index_build(&x, l->c);
    for (size_t i = 0; i < l->c->nlocales; i++) {
        const ec_locale *loc = &l->c->locales[i];
        size_t missing = 0, stale = 0;
        for (size_t k = 0; k < x.n; k++) {
            const ec_translation *t = ec_l10n_find(loc, x.v[k].ctxt);
            missing += !t;
        }
        for (size_t k = 0; k < loc->n; k++)
            stale += loc->items[k].stale;
        if (missing)
            warn(l, loc->tag_at,
                 "translate them in its PO file (`errcat build -t pot` writes the template; "
                 "`msgmerge --update` brings the file up to date)",
                 "%s: %zu of %zu texts are not translated (%zu fuzzy, %zu stale)", loc->tag,
                 missing, x.n, loc->fuzzy, stale);
    }
    ec_l10n_index_free(&x);
}

static void stale_translation(linter *l)
{
    for (size_t i = 0; i < l->c->nlocales; i++) {
        const ec_locale *loc = &l->c->locales[i];
        for (size_t k = 0; k < loc->n; k++)
            if (loc->items[k].stale)
                warn(l, loc->items[k].at,
                     "translate the new text and make it the entry's msgid (msgmerge marks "
                     "such entries fuzzy)",
                     "the source text of %s has changed since this %s translation was made; "
                     "it is not used",
                     loc->items[k].ctxt, loc->tag);
    }
}

static void unused_translation(linter *l)
{
    ec_l10n_index x;
    ec_l10n_index_build(&x, l->c);
    for (size_t i = 0; i < l->c->nlocales; i++) {
        const ec_locale *loc = &l->c->locales[i];
        for (size_t k = 0; k < loc->n; k++)
            if (!ec_l10n_index_find(&x, loc->items[k].ctxt))
                warn(l, loc->items[k].at,
                     "remove the entry, or mark it obsolete (#~) as msgmerge does",
                     "the catalog has no text '%s' to translate", loc->items[k].ctxt);
    }
    ec_l10n_index_free(&x);
}

/* Rules over entries are wrapped so that every rule has one shape. */
#define ENTRY_RULE(fn, retired, fallbacks)     \
    static void fn##_all(linter *l)            \
    {                                          \
        each_entry(l, fn, retired, fallbacks); \
    }
ENTRY_RULE(name_case, true, false)
ENTRY_RULE(describe_codes, false, true)
ENTRY_RULE(message_period, false, true)
ENTRY_RULE(message_capital, false, true)
ENTRY_RULE(message_length, false, true)
ENTRY_RULE(status_for_code, false, false)
ENTRY_RULE(hint_for_4xx, false, true)
ENTRY_RULE(user_audience_hint, false, true)
ENTRY_RULE(param_description, false, true)
ENTRY_RULE(example_for_code, false, false)
ENTRY_RULE(deprecated_reason, true, true)
#undef ENTRY_RULE

static void (*const rule_fns[EC_LINT_NRULES])(linter *l) = {
    [EC_LINT_NAME_CASE] = name_case_all,
    [EC_LINT_DESCRIBE_CODES] = describe_codes_all,
    [EC_LINT_MESSAGE_PERIOD] = message_period_all,
    [EC_LINT_MESSAGE_CAPITAL] = message_capital_all,
    [EC_LINT_MESSAGE_LENGTH] = message_length_all,
    [EC_LINT_DUPLICATE_MESSAGE] = duplicate_message,
    [EC_LINT_STATUS_FOR_CODE] = status_for_code_all,
    [EC_LINT_HINT_FOR_4XX] = hint_for_4xx_all,
    [EC_LINT_USER_AUDIENCE_HINT] = user_audience_hint_all,
    [EC_LINT_PARAM_DESCRIPTION] = param_description_all,
    [EC_LINT_EXAMPLE_FOR_CODE] = example_for_code_all,
    [EC_LINT_DEPRECATED_REASON] = deprecated_reason_all,
    [EC_LINT_RETRY_ON_5XX] = retry_on_5xx,
    [EC_LINT_RETRY_ON_429] = retry_on_429,
    [EC_LINT_DELAY_SOURCE] = delay_source,
    [EC_LINT_DELAY_HEADER_LISTED] = delay_header_listed,
    [EC_LINT_RETRY_LIMIT] = retry_limit,
    [EC_LINT_RETRY_BACKOFF] = retry_backoff,
    [EC_LINT_ADVICE_FOR_RETRY] = advice_for_retry,
    [EC_LINT_RESUBMIT_IDEMPOTENT] = resubmit_idempotent,
    [EC_LINT_IDEMPOTENCY_KEY] = idempotency_key,
    [EC_LINT_DESCRIBE_DOMAINS] = describe_domains,
    [EC_LINT_DOMAIN_FALLBACK] = domain_fallback,
    [EC_LINT_ENVELOPE_CODE] = envelope_code,
    [EC_LINT_ECHO_IN_DETAILS] = echo_in_details,
    [EC_LINT_DESCRIBE_STATUSES] = describe_statuses,
    [EC_LINT_UNUSED_POLICY] = unused_policy,
    [EC_LINT_UNUSED_HEADER] = unused_header,
    [EC_LINT_DOCS_URL] = docs_url,
    [EC_LINT_CATALOG_VERSION] = catalog_version,
    [EC_LINT_MISSING_TRANSLATION] = missing_translation,
    [EC_LINT_STALE_TRANSLATION] = stale_translation,
    [EC_LINT_UNUSED_TRANSLATION] = unused_translation,
};

static int cmp_finding(const void *pa, const void *pb)
{
    const ec_lint_finding *a = pa, *b = pb;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->at.line != b->at.line)
        return a->at.line < b->at.line ? -1 : 1;
    if (a->at.col != b->at.col)
        return a->at.col < b->at.col ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Files in load order (root first), as diagnostics order them. */
static uint32_t file_rank(const ec_catalog *c, const char *file)
{
    for (size_t i = 0; file && i < c->nfiles; i++)
        if (c->files[i] == file || strcmp(c->files[i], file) == 0)
            return (uint32_t)i;
    return (uint32_t)c->nfiles;
}

ec_lint_result *ec_lint(const ec_catalog *c, const ec_lint_config *cfg)
{
    ec_lint_result *r = ec_xmalloc(sizeof *r);
    memset(r, 0, sizeof *r);
    ec_arena_init(&r->arena);
    linter l = {c, r, &r->arena, EC_LINT_NAME_CASE};
    for (size_t i = 0; i < EC_LINT_NRULES; i++) {
        if (!cfg->on[i])
            continue;
        l.rule = (ec_lint_rule_id)i;
        rule_fns[i](&l);
    }
    for (size_t i = 0; i < r->n; i++)
        r->v[i].rank = file_rank(c, r->v[i].at.file);
    ec_stable_sort(r->v, r->n, sizeof *r->v, cmp_finding);
    return r;
}

void ec_lint_free(ec_lint_result *r)
{
    if (!r)
        return;
    free(r->v);
    ec_arena_free(&r->arena);
    free(r);
}

void ec_lint_report(const ec_lint_result *r, ec_diag *d)
{
    for (size_t i = 0; i < r->n; i++) {
        const ec_lint_finding *f = &r->v[i];
        ec_warning(d, f->at, "%s [%s]", f->message, ec_lint_rules[f->rule].id);
        if (f->related_at.file)
            ec_note(d, f->related_at, "%s", f->related);
        ec_note(d, f->at, "%s", f->fix);
    }
}

static void add_loc(ec_builder *b, ec_loc at)
{
    ec_builder_add(b, "file", at.file ? ec_vstr(at.file) : ec_vnull());
    ec_builder_add(b, "line", ec_vint(at.line));
    ec_builder_add(b, "col", ec_vint(at.col));
}

void ec_lint_write_json(const ec_lint_result *r, ec_buf *out)
{
    ec_arena a; /* scratch: the result stays const */
    ec_arena_init(&a);
    ec_builder list;
    ec_builder_init(&list);
    for (size_t i = 0; i < r->n; i++) {
        const ec_lint_finding *f = &r->v[i];
        ec_builder b;
        ec_builder_init(&b);
        add_loc(&b, f->at);
        ec_builder_add(&b, "rule", ec_vstr(ec_lint_rules[f->rule].id));
        ec_builder_add(&b, "message", ec_vstr(f->message));
        ec_builder_add(&b, "fix", ec_vstr(f->fix));
        ec_value related = ec_vnull();
        if (f->related_at.file) {
            ec_builder rb;
            ec_builder_init(&rb);
            add_loc(&rb, f->related_at);
            ec_builder_add(&rb, "message", ec_vstr(f->related));
            related = ec_builder_map(&rb, &a);
        }
        ec_builder_add(&b, "related", related);
        ec_builder_push(&list, ec_builder_map(&b, &a));
    }
    ec_value v = ec_builder_list(&list, &a);
    ec_json_write(&v, out);
    ec_arena_free(&a);
}

void ec_lint_list_rules(ec_buf *out)
{
    for (size_t i = 0; i < EC_LINT_NRULES; i++)
        ec_buf_printf(out, "%-20s %-3s  %s\n", ec_lint_rules[i].id,
                      ec_lint_rules[i].on ? "on" : "off", ec_lint_rules[i].summary);
}
