/* diff.c: two versions of a catalog -> a list of classified changes.
** The codes of a domain are matched by code (their identity on the wire)
** and by name (their identity in generated code): a pair by code whose
** names differ is a rename or a reuse, a pair by name whose codes differ
** is a renumbering. A change is breaking when a consumer written against
** the old version can misbehave against the new one. */
#include "diff.h"

#include "l10n.h"

#include "alloc.h"
#include "codeindex.h"
#include "fsio.h"
#include "load.h"
#include "phash.h"
#include "validate.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *const ec_diff_kind_names[] = {
    "catalog-id-changed", "envelope-changed", "header-removed", "header-added",
    "header-type-changed", "status-removed", "status-added", "status-header-removed",
    "status-header-added", "domain-removed", "domain-added", "code-type-changed",
    "range-shrunk", "range-grown", "fallback-removed", "fallback-added", "code-removed",
    "code-added", "code-renumbered", "code-reused", "name-changed", "code-retired",
    "code-unretired", "code-deprecated", "code-undeprecated", "code-status-changed",
    "retry-loosened", "retry-tightened", "retry-changed", "retry-action-changed",
    "retry-delay-changed", "retry-attempts-changed", "retry-idempotency-changed",
    "param-added", "param-removed", "param-type-changed", "message-changed", "ui-changed",
    "docs-changed", "name-changed-alias-kept", "alias-removed", "alias-added", "class-removed",
    "class-added", "class-shrunk", "class-grown", "needs-retranslation", "doc-urls-changed",
    "retry-condition-added", "retry-condition-removed", "param-from-changed",
    "domain-secondary-changed", "header-direction-changed", NULL};

typedef struct differ {
    ec_diff_result *r;
    ec_arena *a;
    const ec_catalog *c0, *c1;
    const char *domain; /* of the changes being added; NULL for the catalog's */
} differ;

/* What a change is about: a code, a fallback or a status. */
typedef struct subject {
    ec_value code;
    const char *name;
    const char *text; /* "code 42 (INSUFFICIENT_SOL)", "status 503", "the fallback" */
} subject;

/* A copy in the result's arena, so that the result outlives the catalogs. */
static const char *keep(differ *df, const char *s)
{
    return s ? ec_arena_strdup(df->a, s) : NULL;
}

static ec_value keep_value(differ *df, ec_value v)
{
    if (v.kind == EC_VSTR)
        v.u.s = ec_arena_strndup(df->a, v.u.s, v.len);
    return v;
}

static void add(differ *df, ec_diff_kind kind, bool breaking, const subject *s, ec_value before,
                ec_value after, const char *fmt, ...) EC_PRINTF(7, 8);

static void add(differ *df, ec_diff_kind kind, bool breaking, const subject *s, ec_value before,
                ec_value after, const char *fmt, ...)
{
    ec_diff_result *r = df->r;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 32;
        r->changes = ec_xrealloc(r->changes, r->cap * sizeof *r->changes);
    }
    ec_diff_change *ch = &r->changes[r->n++];
    memset(ch, 0, sizeof *ch);
    ch->kind = kind;
    ch->breaking = breaking;
    ch->domain = keep(df, df->domain);
    ch->code = keep_value(df, s ? s->code : ec_vnull());
    ch->name = keep(df, s ? s->name : NULL);
    ch->before = keep_value(df, before);
    ch->after = keep_value(df, after);
    va_list ap;
    va_start(ap, fmt);
    ch->message = ec_arena_vprintf(df->a, fmt, ap);
    va_end(ap);
}

bool ec_diff_same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_header(const char *a, const char *b)
{
    return a == b || (a && b && ec_header_cmp(a, b) == 0);
}

static subject code_subject(differ *df, const ec_code *e)
{
    subject s = {ec_vnull(), e->name, NULL};
    if (e->is_string) {
        s.code = ec_vstr(e->str);
        /* A derived name only repeats the code. */
        s.text = e->name_given && strcmp(e->name, e->str) != 0
                     ? ec_arena_printf(df->a, "code %s (%s)", e->str, e->name)
                     : ec_arena_printf(df->a, "code %s", e->str);
    } else {
        s.code = ec_vint(e->num);
        s.text = ec_arena_printf(df->a, "code %lld (%s)", (long long)e->num, e->name);
    }
    return s;
}

static const char *code_text(differ *df, const ec_code *e)
{
    return e->is_string ? e->str : ec_arena_printf(df->a, "%lld", (long long)e->num);
}

/* How much a policy retries on its own: not at all, at a caller's or
** user's discretion, or automatically (FORMAT.md, "The retry decision"). */
static int retry_level(ec_retry r)
{
    switch (r) {
    case EC_RETRY_NEVER: return 0;
    case EC_RETRY_MAYBE:
    case EC_RETRY_DEPENDS: return 1;
    case EC_RETRY_ALWAYS:
    case EC_RETRY_AFTER_ACTION: return 2;
    }
    return 0;
}

static bool same_delay(const ec_policy *p, const ec_policy *q)
{
    return same_header(p->delay_header, q->delay_header) && p->default_ms == q->default_ms &&
           p->max_ms == q->max_ms && p->backoff == q->backoff;
}

static const char *delay_text(differ *df, const ec_policy *p)
{
    ec_buf b;
    ec_buf_init(&b);
    if (p->delay_header)
        ec_buf_printf(&b, "header %s", p->delay_header);
    if (p->default_ms)
        ec_buf_printf(&b, "%s%lld ms", b.len ? ", " : "", (long long)p->default_ms);
    if (p->backoff != EC_BACKOFF_NONE)
        ec_buf_printf(&b, "%s%s", b.len ? ", " : "", ec_backoff_names[p->backoff]);
    if (p->max_ms)
        ec_buf_printf(&b, "%sat most %lld ms", b.len ? ", " : "", (long long)p->max_ms);
    const char *s = ec_arena_strdup(df->a, b.len ? b.data : "none");
    ec_buf_free(&b);
    return s;
}

static const char *attempts_text(differ *df, int64_t n)
{
    return n ? ec_arena_printf(df->a, "%lld", (long long)n) : "unlimited";
}

static void compare_conditions(differ *df, const subject *s, const ec_policy *p,
                               const ec_policy *q);

static void compare_policy(differ *df, const subject *s, const ec_policy *p, const ec_policy *q)
{
    int lp = retry_level(p->retry), lq = retry_level(q->retry);
    const char *rp = ec_retry_names[p->retry], *rq = ec_retry_names[q->retry];
    if (lq > lp)
        /* Retrying more is a change of behaviour: generated clients start
        ** repeating requests (perhaps not idempotent ones) they stopped on.
        ** Only a move to automatic retries is breaking: maybe and depends
        ** leave the decision to the caller, like never. */
        add(df, EC_DIFF_RETRY_LOOSENED, lq == 2, s, ec_vstr(rp), ec_vstr(rq),
            "%s: retry is loosened from %s to %s%s", s->text, rp, rq,
            lq == 2 ? " (clients now repeat it automatically)" : "");
    else if (lq < lp)
        add(df, EC_DIFF_RETRY_TIGHTENED, false, s, ec_vstr(rp), ec_vstr(rq),
            "%s: retry is tightened from %s to %s", s->text, rp, rq);
    else if (p->retry != q->retry)
        add(df, EC_DIFF_RETRY_CHANGED, false, s, ec_vstr(rp), ec_vstr(rq),
            "%s: retry changes from %s to %s", s->text, rp, rq);
    if (p->action != q->action) {
        const char *ap = ec_action_names[p->action], *aq = ec_action_names[q->action];
        /* After an action the action is what a client must do before its
        ** retry can succeed; otherwise it is advice. */
        add(df, EC_DIFF_RETRY_ACTION_CHANGED, q->retry == EC_RETRY_AFTER_ACTION, s, ec_vstr(ap),
            ec_vstr(aq), "%s: retry action changes from %s to %s", s->text, ap, aq);
    }
    /* Delays and attempts mean nothing to a policy that does not retry by
    ** itself (the validator warns about them); a move to or from automatic
    ** retries is the change to report, not the delays that come with it. */
    bool automatic = lp == 2 && lq == 2;
    if (automatic && !same_delay(p, q)) {
        const char *dp = delay_text(df, p), *dq = delay_text(df, q);
        add(df, EC_DIFF_RETRY_DELAY_CHANGED, false, s, ec_vstr(dp), ec_vstr(dq),
            "%s: retry delay changes from %s to %s", s->text, dp, dq);
    }
    if (automatic && p->max_attempts != q->max_attempts)
        add(df, EC_DIFF_RETRY_ATTEMPTS_CHANGED, false, s, ec_vint(p->max_attempts),
            ec_vint(q->max_attempts), "%s: max attempts change from %s to %s", s->text,
            attempts_text(df, p->max_attempts), attempts_text(df, q->max_attempts));
    if (p->idempotent != q->idempotent)
        /* Clients resubmit an idempotent request without a second thought. */
        add(df, EC_DIFF_RETRY_IDEMPOTENCY_CHANGED, p->idempotent, s, ec_vbool(p->idempotent),
            ec_vbool(q->idempotent), "%s %s", s->text,
            p->idempotent ? "is no longer idempotent" : "becomes idempotent");
    if (p->idempotent && q->idempotent && !same_header(p->idempotency_key, q->idempotency_key))
        /* Clients repeat the request with the old key header: a server that
        ** deduplicates by another (or by none it names) may run it twice. */
        add(df, EC_DIFF_RETRY_IDEMPOTENCY_CHANGED, p->idempotency_key != NULL, s,
            ec_vstr_or_null(p->idempotency_key), ec_vstr_or_null(q->idempotency_key),
            "%s: idempotency key header changes from %s to %s", s->text,
            p->idempotency_key ? p->idempotency_key : "none",
            q->idempotency_key ? q->idempotency_key : "none");
    if (!ec_diff_same_text(p->advice, q->advice))
        add(df, EC_DIFF_DOCS_CHANGED, false, s, ec_vstr(p->advice), ec_vstr(q->advice),
            "%s: retry advice changes", s->text);
    compare_conditions(df, s, p, q);
}

/* ---- Conditions on the response (FORMAT.md) ---- */

/* The test of a condition, as the docs say it: 'Stripe-Should-Retry is "true"'. */
static const char *condition_text(differ *df, const ec_condition *c)
{
    switch (c->op) {
    case EC_COND_PRESENT: return ec_arena_printf(df->a, "%s is sent", c->header);
    case EC_COND_EQUALS: return ec_arena_printf(df->a, "%s is \"%s\"", c->header, c->equals);
    case EC_COND_AT_MOST:
        return ec_arena_printf(df->a, "%s is at most %lld", c->header, (long long)c->bound);
    case EC_COND_AT_LEAST:
        return ec_arena_printf(df->a, "%s is at least %lld", c->header, (long long)c->bound);
    }
    return c->header;
}

/* Whether two conditions hold for the same responses. */
static bool same_test(const ec_condition *a, const ec_condition *b)
{
    return same_header(a->header, b->header) && a->op == b->op &&
           (a->op == EC_COND_EQUALS ? strcmp(a->equals, b->equals) == 0
                                    : a->op == EC_COND_PRESENT || a->bound == b->bound);
}

static const ec_condition *find_condition(const ec_policy *p, const ec_condition *c)
{
    for (size_t i = 0; i < p->nwhen; i++)
        if (same_test(&p->when[i], c))
            return &p->when[i];
    return NULL;
}

static const char *policy_text(differ *df, const ec_policy *p)
{
    return p->name ? ec_arena_printf(df->a, "retry is %s (policy %s)", ec_retry_names[p->retry],
                                     p->name)
                   : ec_arena_printf(df->a, "retry is %s", ec_retry_names[p->retry]);
}

/* The conditions of a policy in both versions, matched by their test. A
** condition that comes or goes moves the responses it holds for between
** its policy and the enclosing one ('q', the new version's): breaking when
** clients now repeat automatically what they stopped on, as a loosened
** retry is. A condition in both has its policy compared as any other. */
static void compare_conditions(differ *df, const subject *s, const ec_policy *p,
                               const ec_policy *q)
{
    for (size_t i = 0; i < p->nwhen; i++) {
        const ec_condition *a = &p->when[i], *b = find_condition(q, a);
        const char *test = condition_text(df, a);
        const ec_policy *then = a->then.resolved;
        if (!then)
            continue;
        if (b) {
            if (!b->then.resolved)
                continue;
            subject t = *s;
            t.text = ec_arena_printf(df->a, "%s when %s", s->text, test);
            compare_policy(df, &t, then, b->then.resolved);
            continue;
        }
        bool breaking = retry_level(q->retry) == 2 && retry_level(then->retry) < 2;
        add(df, EC_DIFF_RETRY_CONDITION_REMOVED, breaking, s, ec_vstr(test), ec_vnull(),
            "%s: a retry condition is removed: when %s, %s%s", s->text, test,
            policy_text(df, then),
            breaking ? " (clients now repeat it automatically then)" : "");
    }
    for (size_t i = 0; i < q->nwhen; i++) {
        const ec_condition *b = &q->when[i];
        const ec_policy *then = b->then.resolved;
        if (!then || find_condition(p, b))
            continue;
        const char *test = condition_text(df, b);
        bool breaking = retry_level(then->retry) == 2 && retry_level(q->retry) < 2;
        add(df, EC_DIFF_RETRY_CONDITION_ADDED, breaking, s, ec_vnull(), ec_vstr(test),
            "%s: a retry condition is added: when %s, %s%s", s->text, test,
            policy_text(df, then),
            breaking ? " (clients now repeat it automatically then)" : "");
    }
}

static const ec_param *find_param(const ec_code *e, const char *name)
{
    for (size_t i = 0; i < e->more->nparams; i++)
        if (strcmp(e->more->params[i].name, name) == 0)
            return &e->more->params[i];
    return NULL;
}

/* Where classify reads a placeholder in the body: as for the envelope's
** paths, a new one only fills more of a message, and a moved or dropped one
** leaves ${name} unfilled in a body written the old way. */
static void compare_param_from(differ *df, const subject *s, const ec_param *p,
                               const ec_param *q)
{
    if (ec_diff_same_text(p->from, q->from))
        return;
    if (!p->from)
        add(df, EC_DIFF_PARAM_FROM_CHANGED, false, s, ec_vnull(), ec_vstr(q->from),
            "%s: placeholder ${%s} is filled from the body's '%s'", s->text, q->name, q->from);
    else if (!q->from)
        add(df, EC_DIFF_PARAM_FROM_CHANGED, true, s, ec_vstr(p->from), ec_vnull(),
            "%s: placeholder ${%s} is no longer filled from the body's '%s'", s->text, p->name,
            p->from);
    else
        add(df, EC_DIFF_PARAM_FROM_CHANGED, true, s, ec_vstr(p->from), ec_vstr(q->from),
            "%s: placeholder ${%s} is filled from the body's '%s' instead of '%s'", s->text,
            q->name, q->from, p->from);
}

/* Placeholders: old callers pass exactly the old set. */
static void compare_params(differ *df, const subject *s, const ec_code *a, const ec_code *b)
{
    for (size_t i = 0; i < a->more->nparams; i++) {
        const ec_param *p = &a->more->params[i], *q = find_param(b, p->name);
        if (!q)
            add(df, EC_DIFF_PARAM_REMOVED, false, s, ec_vstr(p->name), ec_vnull(),
                "%s: placeholder ${%s} is removed", s->text, p->name);
        else if (p->type != q->type)
            add(df, EC_DIFF_PARAM_TYPE_CHANGED, true, s, ec_vstr(ec_param_type_names[p->type]),
                ec_vstr(ec_param_type_names[q->type]),
                "%s: placeholder ${%s} changes type from %s to %s", s->text, p->name,
                ec_param_type_names[p->type], ec_param_type_names[q->type]);
        if (q)
            compare_param_from(df, s, p, q);
    }
    for (size_t i = 0; i < b->more->nparams; i++)
        if (!find_param(a, b->more->params[i].name))
            add(df, EC_DIFF_PARAM_ADDED, true, s, ec_vnull(), ec_vstr(b->more->params[i].name),
                "%s: placeholder ${%s} is added (callers of the old version do not pass it)",
                s->text, b->more->params[i].name);
}

static const char *actions_text(differ *df, const ec_ui *ui)
{
    ec_buf b;
    ec_buf_init(&b);
    for (size_t i = 0; i < ui->nactions; i++)
        ec_buf_printf(&b, "%s%s", i ? ", " : "", ui->actions[i]);
    const char *s = ec_arena_strdup(df->a, b.data);
    ec_buf_free(&b);
    return s;
}

static void compare_ui(differ *df, const subject *s, const ec_ui *u, const ec_ui *v)
{
    /* An absent ui section means the defaults. */
    ec_ui_severity su = u->present ? u->severity : EC_UI_ERROR;
    ec_ui_severity sv = v->present ? v->severity : EC_UI_ERROR;
    ec_audience au = u->present ? u->audience : EC_AUD_USER;
    ec_audience av = v->present ? v->audience : EC_AUD_USER;
    if (su != sv)
        add(df, EC_DIFF_UI_CHANGED, false, s, ec_vstr(ec_ui_severity_names[su]),
            ec_vstr(ec_ui_severity_names[sv]), "%s: ui severity changes from %s to %s", s->text,
            ec_ui_severity_names[su], ec_ui_severity_names[sv]);
    if (au != av)
        add(df, EC_DIFF_UI_CHANGED, false, s, ec_vstr(ec_audience_names[au]),
            ec_vstr(ec_audience_names[av]), "%s: ui audience changes from %s to %s", s->text,
            ec_audience_names[au], ec_audience_names[av]);
    const char *hu = u->present ? u->hint : "", *hv = v->present ? v->hint : "";
    if (strcmp(hu, hv) != 0)
        add(df, EC_DIFF_UI_CHANGED, false, s, ec_vstr(hu), ec_vstr(hv), "%s: ui hint changes",
            s->text);
    const char *xu = actions_text(df, u), *xv = actions_text(df, v);
    if (strcmp(xu, xv) != 0)
        add(df, EC_DIFF_UI_CHANGED, false, s, ec_vstr(xu), ec_vstr(xv),
            "%s: ui actions change from [%s] to [%s]", s->text, xu, xv);
}

static void compare_docs(differ *df, const subject *s, const char *what, const char *p,
                         const char *q)
{
    if (!ec_diff_same_text(p, q))
        add(df, EC_DIFF_DOCS_CHANGED, false, s, ec_vstr_or_null(p), ec_vstr_or_null(q),
            "%s: %s changes", s->text, what);
}

static const char *reason_suffix(differ *df, const char *reason)
{
    return reason && *reason ? ec_arena_printf(df->a, " (%s)", reason) : "";
}

/* A status number of a code: 0 is none. */
static ec_value status_value(int64_t n)
{
    return n ? ec_vint(n) : ec_vnull();
}

/* Whether 'name' is the name or an alias of code 'e'. */
static bool named(const ec_code *e, const char *name)
{
    if (e->name && strcmp(e->name, name) == 0)
        return true;
    for (uint32_t i = 0; i < e->more->naliases; i++)
        if (strcmp(e->more->aliases[i].name, name) == 0)
            return true;
    return false;
}

/* The other names of one code in both versions: lookups by a name that
** goes fail, as do the generated constants spelt after it. */
static void compare_aliases(differ *df, const subject *s, const ec_code *a, const ec_code *b)
{
    for (uint32_t i = 0; i < a->more->naliases; i++)
        if (!named(b, a->more->aliases[i].name))
            add(df, EC_DIFF_ALIAS_REMOVED, true, s, ec_vstr(a->more->aliases[i].name), ec_vnull(),
                "%s loses its alias %s", s->text, a->more->aliases[i].name);
    /* The old name kept as an alias is reported with the rename. */
    for (uint32_t i = 0; i < b->more->naliases; i++)
        if (!named(a, b->more->aliases[i].name))
            add(df, EC_DIFF_ALIAS_ADDED, false, s, ec_vnull(), ec_vstr(b->more->aliases[i].name),
                "%s gains the alias %s", s->text, b->more->aliases[i].name);
}

/* Everything but the identity of one code (or fallback) in both versions. */
/* A message as compared: its text, or its plural forms and their count
** ("{count: n, one: ..., other: ...}"), every form of which is its text. */
static const char *message_text(differ *df, const ec_code *e)
{
    if (!e->more->forms)
        return e->message;
    const char *s = ec_arena_printf(df->a, "{count: %s", e->more->forms->count);
    for (int p = 0; p < EC_NPLURALS; p++)
        if (e->more->forms->form[p])
            s = ec_arena_printf(df->a, "%s, %s: %s", s, ec_plural_name((ec_plural)p),
                                e->more->forms->form[p]);
    return ec_arena_join(df->a, s, "", "}");
}

static void compare_entry(differ *df, const subject *s, const ec_code *a, const ec_code *b)
{
    compare_aliases(df, s, a, b);
    if (a->more->retired && !b->more->retired)
        /* Clients were told the code is never sent: it is again. */
        add(df, EC_DIFF_CODE_UNRETIRED, true, s, ec_vstr(a->more->retired), ec_vnull(),
            "retired %s is brought back", s->text);
    else if (!a->more->retired && b->more->retired)
        add(df, EC_DIFF_CODE_RETIRED, false, s, ec_vnull(), ec_vstr(b->more->retired),
            "%s is retired%s", s->text, reason_suffix(df, b->more->retired));
    if (a->more->retired && b->more->retired)
        return; /* never sent in either version: nothing else matters */
    if (!a->more->deprecated && b->more->deprecated)
        add(df, EC_DIFF_CODE_DEPRECATED, false, s, ec_vnull(), ec_vstr(b->more->deprecated),
            "%s is deprecated%s", s->text, reason_suffix(df, b->more->deprecated));
    else if (a->more->deprecated && !b->more->deprecated)
        add(df, EC_DIFF_CODE_UNDEPRECATED, false, s, ec_vstr(a->more->deprecated), ec_vnull(),
            "%s is no longer deprecated", s->text);
    if (a->status != b->status) {
        /* Clients that branch on the status see another one; a status where
        ** there was none only documents what was already sent. */
        if (!a->status)
            add(df, EC_DIFF_CODE_STATUS_CHANGED, false, s, ec_vnull(), ec_vint(b->status),
                "%s: status %lld is documented", s->text, (long long)b->status);
        else if (!b->status)
            add(df, EC_DIFF_CODE_STATUS_CHANGED, true, s, ec_vint(a->status), ec_vnull(),
                "%s: status %lld is no longer documented", s->text, (long long)a->status);
        else
            add(df, EC_DIFF_CODE_STATUS_CHANGED, true, s, status_value(a->status),
                status_value(b->status), "%s: status changes from %lld to %lld", s->text,
                (long long)a->status, (long long)b->status);
    }
    compare_params(df, s, a, b);
    /* A code that takes its status's policy in both versions changes with
    ** the status, which is reported once, for the status. */
    bool inherits = !a->more->retry.name && !a->more->retry.inline_policy && !b->more->retry.name &&
                    !b->more->retry.inline_policy && a->status == b->status;
    if (!inherits && a->policy && b->policy)
        compare_policy(df, s, a->policy, b->policy);
    const char *ma = message_text(df, a), *mb = message_text(df, b);
    if (!ec_diff_same_text(ma, mb))
        add(df, EC_DIFF_MESSAGE_CHANGED, false, s, ec_vstr(ma), ec_vstr(mb),
            "%s: message changes from '%s' to '%s'", s->text, ma, mb);
    compare_ui(df, s, a->more->ui, b->more->ui);
    compare_docs(df, s, "description", a->more->description, b->more->description);
    compare_docs(df, s, "hint", a->more->hint, b->more->hint);
}

/* ---- The catalog's own parts ---- */

static void compare_envelope_field(differ *df, const char *field, const char *p, const char *q,
                                   const char *where)
{
    if (ec_diff_same_text(p, q))
        return;
    subject s = {ec_vnull(), ec_arena_printf(df->a, "envelope.%s", field), NULL};
    /* A new path only adds to the body; a moved or dropped one loses
    ** what clients read there. */
    if (!p)
        add(df, EC_DIFF_ENVELOPE_CHANGED, false, &s, ec_vnull(), ec_vstr(q),
            "%senvelope gains a %s path '%s'", where, field, q);
    else if (!q)
        add(df, EC_DIFF_ENVELOPE_CHANGED, true, &s, ec_vstr(p), ec_vnull(),
            "%senvelope loses its %s path '%s'", where, field, p);
    else
        add(df, EC_DIFF_ENVELOPE_CHANGED, true, &s, ec_vstr(p), ec_vstr(q),
            "%senvelope %s path changes from '%s' to '%s'", where, field, p, q);
}

#define ENVELOPE_FIELDS(X) X(code) X(message) X(details) X(status) X(title)

static bool has_item(const char *const *list, size_t n, const char *f, bool header)
{
    for (size_t i = 0; i < n; i++)
        if (header ? ec_header_cmp(list[i], f) == 0 : strcmp(list[i], f) == 0)
            return true;
    return false;
}

/* An echoed list: body paths ('header' false) or response headers. One that
** goes loses what clients read in the echo map; a new one only adds. */
static void compare_echo_list(differ *df, bool header, const char *const *p, size_t np,
                              const char *const *q, size_t nq, const char *where)
{
    subject s = {ec_vnull(), header ? "envelope.echo_headers" : "envelope.echo", NULL};
    const char *what = header ? "header " : "";
    const char *open = header ? "" : "'", *close = open;
    for (size_t i = 0; i < np; i++)
        if (!has_item(q, nq, p[i], header))
            add(df, EC_DIFF_ENVELOPE_CHANGED, true, &s, ec_vstr(p[i]), ec_vnull(),
                "%senvelope no longer echoes %s%s%s%s", where, what, open, p[i], close);
    for (size_t i = 0; i < nq; i++)
        if (!has_item(p, np, q[i], header))
            add(df, EC_DIFF_ENVELOPE_CHANGED, false, &s, ec_vnull(), ec_vstr(q[i]),
                "%senvelope echoes %s%s%s%s", where, what, open, q[i], close);
}

static void compare_envelopes(differ *df)
{
    const ec_envelope *p = &df->c0->envelope, *q = &df->c1->envelope;
#define X(f) compare_envelope_field(df, #f, p->f, q->f, "");
    ENVELOPE_FIELDS(X)
#undef X
    compare_echo_list(df, false, p->echo, p->necho, q->echo, q->necho, "");
    compare_echo_list(df, true, p->echo_headers, p->necho_headers, q->echo_headers,
                      q->necho_headers, "");
}

/* A domain's effective paths, where either version of it overrides the
** catalog's (a change the catalog's envelope makes is reported once). */
static void compare_domain_envelopes(differ *df, const ec_domain *d0, const ec_domain *d1)
{
    const ec_envelope *p = &d0->envelope, *q = &d1->envelope;
    const ec_envelope *cp = &df->c0->envelope, *cq = &df->c1->envelope;
    const char *where = ec_arena_printf(df->a, "domain %s: ", d1->id);
#define X(f)          \
    if (p->f || q->f) \
        compare_envelope_field(df, #f, p->f ? p->f : cp->f, q->f ? q->f : cq->f, where);
    ENVELOPE_FIELDS(X)
#undef X
    /* A domain's echo and echo_headers each replace the catalog's whole. */
    if (p->necho || q->necho)
        compare_echo_list(df, false, p->necho ? p->echo : cp->echo,
                          p->necho ? p->necho : cp->necho, q->necho ? q->echo : cq->echo,
                          q->necho ? q->necho : cq->necho, where);
    if (p->necho_headers || q->necho_headers)
        compare_echo_list(
            df, true, p->necho_headers ? p->echo_headers : cp->echo_headers,
            p->necho_headers ? p->necho_headers : cp->necho_headers,
            q->necho_headers ? q->echo_headers : cq->echo_headers,
            q->necho_headers ? q->necho_headers : cq->necho_headers, where);
}

/* Whether a header of direction 'd' travels the way 'want' does. */
static bool travels(ec_header_direction d, ec_header_direction want)
{
    return d == EC_DIR_BOTH || d == want;
}

/* A header that the API stops sending loses what clients read in it; one
** that clients stop being asked to send (an idempotency key) is no longer
** read by the server, which may then run a repeated request twice. */
static void compare_direction(differ *df, const subject *s, const ec_header *h,
                              const ec_header *k)
{
    bool breaking = (travels(h->direction, EC_DIR_RESPONSE) &&
                     !travels(k->direction, EC_DIR_RESPONSE)) ||
                    (travels(h->direction, EC_DIR_REQUEST) && !travels(k->direction, EC_DIR_REQUEST));
    const char *a = ec_header_direction_names[h->direction];
    const char *b = ec_header_direction_names[k->direction];
    add(df, EC_DIFF_HEADER_DIRECTION_CHANGED, breaking, s, ec_vstr(a), ec_vstr(b),
        "header %s changes direction from %s to %s", k->name, a, b);
}

static void compare_headers(differ *df)
{
    const ec_catalog *c0 = df->c0, *c1 = df->c1;
    /* Both are sorted by name (without case) by the validator. */
    size_t i = 0, j = 0;
    while (i < c0->nheaders || j < c1->nheaders) {
        int cmp = i == c0->nheaders   ? 1
                  : j == c1->nheaders ? -1
                                      : ec_header_cmp(c0->headers[i].name, c1->headers[j].name);
        if (cmp < 0) {
            const ec_header *h = &c0->headers[i++];
            subject s = {ec_vnull(), h->name, NULL};
            add(df, EC_DIFF_HEADER_REMOVED, true, &s, ec_vstr(h->name), ec_vnull(),
                "header %s is removed", h->name);
        } else if (cmp > 0) {
            const ec_header *h = &c1->headers[j++];
            subject s = {ec_vnull(), h->name, NULL};
            add(df, EC_DIFF_HEADER_ADDED, false, &s, ec_vnull(), ec_vstr(h->name),
                "header %s is added", h->name);
        } else {
            const ec_header *h = &c0->headers[i++], *k = &c1->headers[j++];
            subject s = {ec_vnull(), k->name, NULL};
            if (h->type != k->type)
                add(df, EC_DIFF_HEADER_TYPE_CHANGED, true, &s,
                    ec_vstr(ec_header_type_names[h->type]),
                    ec_vstr(ec_header_type_names[k->type]),
                    "header %s changes type from %s to %s", k->name,
                    ec_header_type_names[h->type], ec_header_type_names[k->type]);
            if (h->direction != k->direction)
                compare_direction(df, &s, h, k);
        }
    }
}

static bool status_has_header(const ec_status *st, const char *name)
{
    for (size_t i = 0; i < st->nheaders; i++)
        if (ec_header_cmp(st->headers[i].s, name) == 0)
            return true;
    return false;
}

static subject status_subject(differ *df, const ec_status *st)
{
    return (subject){ec_vint(st->status), st->title,
                     ec_arena_printf(df->a, "status %lld", (long long)st->status)};
}

static void compare_status(differ *df, const ec_status *p, const ec_status *q)
{
    subject s = status_subject(df, q);
    for (size_t i = 0; i < p->nheaders; i++)
        if (!status_has_header(q, p->headers[i].s))
            add(df, EC_DIFF_STATUS_HEADER_REMOVED, true, &s, ec_vstr(p->headers[i].s),
                ec_vnull(), "status %lld no longer sends header %s", (long long)q->status,
                p->headers[i].s);
    for (size_t i = 0; i < q->nheaders; i++)
        if (!status_has_header(p, q->headers[i].s))
            add(df, EC_DIFF_STATUS_HEADER_ADDED, false, &s, ec_vnull(), ec_vstr(q->headers[i].s),
                "status %lld sends header %s", (long long)q->status, q->headers[i].s);
    if (p->retry.resolved && q->retry.resolved)
        compare_policy(df, &s, p->retry.resolved, q->retry.resolved);
    compare_docs(df, &s, "title", p->title, q->title);
    compare_docs(df, &s, "description", p->description, q->description);
    compare_docs(df, &s, "hint", p->hint, q->hint);
}

static void compare_statuses(differ *df)
{
    const ec_catalog *c0 = df->c0, *c1 = df->c1;
    /* Both are sorted by number by the validator. */
    size_t i = 0, j = 0;
    while (i < c0->nstatuses || j < c1->nstatuses) {
        int64_t n0 = i < c0->nstatuses ? c0->statuses[i].status : INT64_MAX;
        int64_t n1 = j < c1->nstatuses ? c1->statuses[j].status : INT64_MAX;
        if (n0 < n1) {
            const ec_status *st = &c0->statuses[i++];
            subject s = status_subject(df, st);
            add(df, EC_DIFF_STATUS_REMOVED, true, &s, ec_vint(st->status), ec_vnull(),
                "status %lld (%s) is removed", (long long)st->status, st->title);
        } else if (n1 < n0) {
            const ec_status *st = &c1->statuses[j++];
            subject s = status_subject(df, st);
            add(df, EC_DIFF_STATUS_ADDED, false, &s, ec_vnull(), ec_vint(st->status),
                "status %lld (%s) is added", (long long)st->status, st->title);
        } else {
            compare_status(df, &c0->statuses[i++], &c1->statuses[j++]);
        }
    }
}

/* ---- Domains ---- */

static const char *range_text(differ *df, const ec_domain *d)
{
    return d->has_range ? ec_arena_printf(df->a, "[%lld, %lld]", (long long)d->range_lo,
                                          (long long)d->range_hi)
                        : "none";
}

static void compare_range(differ *df, const ec_domain *d0, const ec_domain *d1)
{
    if (d0->has_range == d1->has_range && d0->range_lo == d1->range_lo &&
        d0->range_hi == d1->range_hi)
        return;
    /* No range holds every code. A range that no longer holds all the old
    ** one did sends codes clients expected in it past the fallback. */
    bool holds = !d1->has_range || (d0->has_range && d1->range_lo <= d0->range_lo &&
                                    d1->range_hi >= d0->range_hi);
    const char *r0 = range_text(df, d0), *r1 = range_text(df, d1);
    add(df, holds ? EC_DIFF_RANGE_GROWN : EC_DIFF_RANGE_SHRUNK, !holds, NULL, ec_vstr(r0),
        ec_vstr(r1), "range of domain %s %s from %s to %s", d1->id,
        holds ? "grows" : "shrinks", r0, r1);
}

static ec_value code_value(const ec_code *e)
{
    return e->is_string ? ec_vstr(e->str) : ec_vint(e->num);
}

static int32_t find_code(const ec_codeindex *ix, const ec_code *e)
{
    return e->is_string ? ec_codeindex_find_str(ix, e->str) : ec_codeindex_find_int(ix, e->num);
}

static bool same_code(const ec_code *a, const ec_code *b)
{
    return a->is_string ? strcmp(a->str, b->str) == 0 : a->num == b->num;
}

/* The codes of a domain in both versions; see the top of the file. */
static void compare_codes(differ *df, const ec_domain *d0, const ec_domain *d1)
{
    ec_codeindex code0, name0, code1, name1;
    ec_codeindex_init(&code0, d0, false);
    ec_codeindex_init(&name0, d0, true);
    ec_codeindex_init(&code1, d1, false);
    ec_codeindex_init(&name1, d1, true);
    for (size_t i = 0; i < d0->ncodes; i++) {
        ec_codeindex_add(&code0, i);
        ec_codeindex_add(&name0, i);
    }
    for (size_t i = 0; i < d1->ncodes; i++) {
        ec_codeindex_add(&code1, i);
        ec_codeindex_add(&name1, i);
    }
    /* Whether a new code is accounted for by a match. */
    bool *matched = calloc(d1->ncodes + 1, sizeof *matched);
    if (!matched)
        ec_oom();
    for (size_t i = 0; i < d0->ncodes; i++) {
        const ec_code *a = &d0->codes[i];
        subject s = code_subject(df, a);
        int32_t j = find_code(&code1, a);
        int32_t k = ec_codeindex_find_str(&name1, a->name);
        bool renumbered = k >= 0 && !same_code(a, &d1->codes[k]);
        if (j >= 0) {
            const ec_code *b = &d1->codes[j];
            matched[j] = true;
            if (strcmp(a->name, b->name) == 0) {
                compare_entry(df, &s, a, b);
            } else if ((a->more->retired && !b->more->retired) || renumbered ||
                       ec_codeindex_find_str(&name0, b->name) >= 0) {
                /* The code now means something else: its old name lives on
                ** elsewhere, its new name meant something else, or it was
                ** retired, which promised it would never come back. */
                subject t = {code_value(b), b->name, NULL};
                add(df, EC_DIFF_CODE_REUSED, true, &t, ec_vstr(a->name), ec_vstr(b->name),
                    "code %s is reused: it was %s%s, it is now %s", code_text(df, a), a->name,
                    a->more->retired ? " (retired)" : "", b->name);
            } else if (named(b, a->name)) {
                /* Renamed, the old name kept as an alias: lookups by it and
                ** the constants spelt after it still work. */
                subject t = {code_value(b), b->name, NULL};
                add(df, EC_DIFF_NAME_CHANGED_ALIAS_KEPT, false, &t, ec_vstr(a->name),
                    ec_vstr(b->name), "code %s is renamed from %s to %s, keeping %s as an alias",
                    code_text(df, a), a->name, b->name, a->name);
                subject u = code_subject(df, b);
                compare_entry(df, &u, a, b);
            } else {
                /* Same code, same meaning, another name: the wire is the
                ** same but generated constants are renamed, which breaks
                ** the build of every client that used the old one. */
                subject t = {code_value(b), b->name, NULL};
                add(df, EC_DIFF_NAME_CHANGED, true, &t, ec_vstr(a->name), ec_vstr(b->name),
                    "code %s is renamed from %s to %s", code_text(df, a), a->name, b->name);
                subject u = code_subject(df, b);
                compare_entry(df, &u, a, b);
            }
        }
        if (renumbered) {
            const ec_code *b = &d1->codes[k];
            matched[k] = true;
            add(df, EC_DIFF_CODE_RENUMBERED, true, &s, code_value(a), code_value(b),
                "%s is renumbered to %s", s.text, code_text(df, b));
            subject u = code_subject(df, b);
            compare_entry(df, &u, a, b);
        } else if (j < 0 && k < 0) {
            /* A retired code is removed too: it stays in the catalog so
            ** that nothing can reuse it and old responses still classify. */
            add(df, EC_DIFF_CODE_REMOVED, true, &s, code_value(a), ec_vnull(), "%s is removed%s",
                s.text, a->more->retired ? " (it was retired: a retired code stays in the catalog, "
                                           "so that it is never reused)"
                                         : "");
        }
    }
    for (size_t j = 0; j < d1->ncodes; j++) {
        const ec_code *b = &d1->codes[j];
        if (matched[j])
            continue; /* the same code, or its renumbering */
        subject s = code_subject(df, b);
        add(df, EC_DIFF_CODE_ADDED, false, &s, ec_vnull(), code_value(b), "%s is added%s", s.text,
            b->more->retired ? " as retired" : "");
    }
    free(matched);
    ec_codeindex_free(&code0);
    ec_codeindex_free(&name0);
    ec_codeindex_free(&code1);
    ec_codeindex_free(&name1);
}

static const ec_class *find_class(const ec_domain *d, const char *id)
{
    for (size_t i = 0; i < d->nclasses; i++)
        if (strcmp(d->classes[i].id, id) == 0)
            return &d->classes[i];
    return NULL;
}

static const char *class_text(differ *df, const ec_class *cl)
{
    return cl->prefix ? ec_arena_printf(df->a, "prefix %s", cl->prefix)
                      : ec_arena_printf(df->a, "range [%lld, %lld]", (long long)cl->lo,
                                        (long long)cl->hi);
}

/* Whether class 'b' holds every code that 'a' holds. */
static bool class_holds(const ec_class *a, const ec_class *b)
{
    if (a->prefix || b->prefix)
        return a->prefix && b->prefix && strncmp(a->prefix, b->prefix, strlen(b->prefix)) == 0;
    return b->lo <= a->lo && a->hi <= b->hi;
}

/* A domain's classes, matched by id. A class gives the codes of it that
** the domain does not list their meaning: one that goes or holds fewer
** codes leaves some of them to the fallback, or to nothing. */
static void compare_classes(differ *df, const ec_domain *d0, const ec_domain *d1)
{
    for (size_t i = 0; i < d0->nclasses; i++) {
        const ec_class *a = &d0->classes[i], *b = find_class(d1, a->id);
        subject s = {ec_vnull(), a->id,
                     ec_arena_printf(df->a, "class %s of domain %s", a->id, d1->id)};
        if (!b) {
            add(df, EC_DIFF_CLASS_REMOVED, true, &s, ec_vstr(class_text(df, a)), ec_vnull(),
                "%s is removed (its unlisted codes lose their meaning)", s.text);
            continue;
        }
        const char *t0 = class_text(df, a), *t1 = class_text(df, b);
        if (strcmp(t0, t1) != 0) {
            bool holds = class_holds(a, b);
            add(df, holds ? EC_DIFF_CLASS_GROWN : EC_DIFF_CLASS_SHRUNK, !holds, &s, ec_vstr(t0),
                ec_vstr(t1), "%s changes from %s to %s", s.text, t0, t1);
        }
        compare_entry(df, &s, &a->entry, &b->entry);
    }
    for (size_t i = 0; i < d1->nclasses; i++) {
        const ec_class *b = &d1->classes[i];
        if (find_class(d0, b->id))
            continue;
        subject s = {ec_vnull(), b->id,
                     ec_arena_printf(df->a, "class %s of domain %s", b->id, d1->id)};
        add(df, EC_DIFF_CLASS_ADDED, false, &s, ec_vnull(), ec_vstr(class_text(df, b)),
            "%s is added (%s)", s.text, class_text(df, b));
    }
}

static void compare_domain(differ *df, const ec_domain *d0, const ec_domain *d1)
{
    df->domain = d1->id;
    if (d0->string_codes != d1->string_codes) {
        const char *t0 = d0->string_codes ? "string" : "int";
        const char *t1 = d1->string_codes ? "string" : "int";
        add(df, EC_DIFF_CODE_TYPE_CHANGED, true, NULL, ec_vstr(t0), ec_vstr(t1),
            "domain %s changes its code type from %s to %s", d1->id, t0, t1);
        return; /* no code can be the same */
    }
    compare_range(df, d0, d1);
    if (d0->secondary != d1->secondary)
        /* The primary entry of a body that names codes of several domains
        ** moves: to another domain's code, or to this one's. */
        add(df, EC_DIFF_DOMAIN_SECONDARY_CHANGED, true, NULL, ec_vbool(d0->secondary),
            ec_vbool(d1->secondary), "domain %s %s", d1->id,
            d1->secondary ? "becomes secondary (its codes are no longer a classification's "
                            "primary entry, only among its others)"
                          : "is no longer secondary (its codes may be a classification's "
                            "primary entry)");
    compare_domain_envelopes(df, d0, d1);
    if (d0->fallback && !d1->fallback)
        add(df, EC_DIFF_FALLBACK_REMOVED, true, NULL, ec_vnull(), ec_vnull(),
            "domain %s loses its fallback (unknown codes no longer classify)", d1->id);
    else if (!d0->fallback && d1->fallback)
        add(df, EC_DIFF_FALLBACK_ADDED, false, NULL, ec_vnull(), ec_vnull(),
            "domain %s gains a fallback", d1->id);
    compare_codes(df, d0, d1);
    compare_classes(df, d0, d1);
    if (d0->fallback && d1->fallback) {
        subject s = {ec_vnull(), "(fallback)",
                     ec_arena_printf(df->a, "the fallback of domain %s", d1->id)};
        compare_entry(df, &s, d0->fallback, d1->fallback);
    }
}

/* Domain ids of a catalog in an open-addressing table, for lookups in
** constant time (catalogs may have many domains). */
typedef struct domain_index {
    const ec_catalog *c;
    size_t mask;
    int32_t *slots;
} domain_index;

static void domain_index_init(domain_index *ix, const ec_catalog *c)
{
    size_t size = 16;
    while (size < 2 * c->ndomains)
        size *= 2;
    ix->c = c;
    ix->mask = size - 1;
    ix->slots = ec_xmalloc(size * sizeof *ix->slots);
    for (size_t i = 0; i < size; i++)
        ix->slots[i] = -1;
    for (size_t i = 0; i < c->ndomains; i++) {
        const char *id = c->domains[i].id;
        size_t h = ec_hash_str(id, strlen(id)) & ix->mask;
        while (ix->slots[h] >= 0)
            h = (h + 1) & ix->mask;
        ix->slots[h] = (int32_t)i;
    }
}

static int32_t domain_index_find(const domain_index *ix, const char *id)
{
    size_t h = ec_hash_str(id, strlen(id)) & ix->mask;
    for (; ix->slots[h] >= 0; h = (h + 1) & ix->mask)
        if (strcmp(ix->c->domains[ix->slots[h]].id, id) == 0)
            return ix->slots[h];
    return -1;
}

/* ---- Translations ---- */

typedef struct text_differ {
    differ *df;
    ec_l10n_index before;
    ec_buf locales;
} text_differ;

/* A text whose source changed while a locale of the new catalog has a
** translation of it: the translation no longer says what the text says. */
static void compare_text(void *ud, const ec_text *t)
{
    text_differ *td = ud;
    const ec_text *old = ec_l10n_index_find(&td->before, t->ctxt);
    if (!old || (!strcmp(old->text, t->text) && !old->plural == !t->plural &&
                 (!t->plural || !strcmp(old->plural, t->plural))))
        return;
    const ec_catalog *c = td->df->c1;
    ec_buf_reset(&td->locales);
    for (size_t i = 0; i < c->nlocales; i++)
        if (ec_l10n_lookup(&c->locales[i], t->ctxt))
            ec_buf_printf(&td->locales, "%s%s", td->locales.len ? ", " : "", c->locales[i].tag);
    if (!td->locales.len)
        return;
    subject s = {ec_vnull(), t->ctxt, t->ctxt};
    td->df->domain = NULL;
    add(td->df, EC_DIFF_NEEDS_RETRANSLATION, false, &s, ec_vstr(old->text), ec_vstr(t->text),
        "%s: the source text changes; its translation needs re-translation in %s", t->ctxt,
        td->locales.data);
}

static void compare_texts(differ *df)
{
    if (!df->c1->nlocales)
        return;
    text_differ td = {df, {0}, {0}};
    ec_l10n_index_build(&td.before, df->c0);
    ec_buf_init(&td.locales);
    ec_arena scratch;
    ec_arena_init(&scratch);
    ec_l10n_texts(df->c1, &scratch, compare_text, &td);
    ec_arena_free(&scratch);
    ec_buf_free(&td.locales);
    ec_l10n_index_free(&td.before);
}

/* The codes' documentation URLs are their RFC 9457 problem types too, by
** which clients may recognise problems: a change of the template breaks
** them. */
static void compare_doc_urls(differ *df)
{
    const char *t0 = df->c0->docs_url_template, *t1 = df->c1->docs_url_template;
    if (t0 == t1 || (t0 && t1 && strcmp(t0, t1) == 0))
        return;
    add(df, EC_DIFF_DOC_URLS_CHANGED, true, NULL, ec_vstr_or_null(t0), ec_vstr_or_null(t1),
        "the codes' documentation URLs (docs_url_template) change from %s to %s, and their "
        "problem type URIs with them",
        t0 ? t0 : "none", t1 ? t1 : "none");
}

ec_diff_result *ec_diff(const ec_catalog *before, const ec_catalog *after)
{
    ec_diff_result *r = ec_xmalloc(sizeof *r);
    memset(r, 0, sizeof *r);
    ec_arena_init(&r->arena);
    r->id = ec_arena_strdup(&r->arena, after->id);
    differ df = {r, &r->arena, before, after, NULL};
    if (strcmp(before->id, after->id) != 0)
        /* Generated identifiers, files and folders are named after it. */
        add(&df, EC_DIFF_CATALOG_ID_CHANGED, true, NULL, ec_vstr(before->id), ec_vstr(after->id),
            "catalog id changes from %s to %s (generated identifiers and files are renamed)",
            before->id, after->id);
    compare_doc_urls(&df);
    compare_envelopes(&df);
    compare_headers(&df);
    compare_statuses(&df);
    domain_index ix0, ix1;
    domain_index_init(&ix0, before);
    domain_index_init(&ix1, after);
    for (size_t i = 0; i < before->ndomains; i++) {
        const ec_domain *d0 = &before->domains[i];
        int32_t j = domain_index_find(&ix1, d0->id);
        if (j >= 0) {
            compare_domain(&df, d0, &after->domains[j]);
            continue;
        }
        df.domain = d0->id;
        add(&df, EC_DIFF_DOMAIN_REMOVED, true, NULL, ec_vstr(d0->id), ec_vnull(),
            "domain %s is removed with its %zu code%s", d0->id, d0->ncodes,
            d0->ncodes == 1 ? "" : "s");
    }
    for (size_t j = 0; j < after->ndomains; j++) {
        const ec_domain *d1 = &after->domains[j];
        if (domain_index_find(&ix0, d1->id) >= 0)
            continue;
        df.domain = d1->id;
        add(&df, EC_DIFF_DOMAIN_ADDED, false, NULL, ec_vnull(), ec_vstr(d1->id),
            "domain %s is added with %zu code%s", d1->id, d1->ncodes, d1->ncodes == 1 ? "" : "s");
    }
    free(ix0.slots);
    free(ix1.slots);
    compare_texts(&df);
    return r;
}

void ec_diff_free(ec_diff_result *r)
{
    if (!r)
        return;
    free(r->changes);
    ec_arena_free(&r->arena);
    free(r);
}

ec_diff_counts ec_diff_count(const ec_diff_result *r)
{
    ec_diff_counts n = {0, 0, 0};
    for (size_t i = 0; i < r->n; i++) {
        const ec_diff_change *ch = &r->changes[i];
        if (!ch->breaking)
            n.compatible++;
        else if (ch->approved)
            n.approved++;
        else
            n.breaking++;
    }
    return n;
}

/* ---- Reading a side ---- */

ec_catalog *ec_diff_load(const char *side, ec_diag *d)
{
    ec_loc at = {side, 0, 0};
    ec_catalog *c;
    const char *path = side;
    unsigned before = d->errors;
    if (strncmp(side, "git:", 4) == 0) {
        const char *rev = side + 4, *colon = strchr(rev, ':');
        if (!colon || colon == rev || !colon[1] || rev[0] == '-') {
            ec_error(d, at, "expected git:REVISION:PATH");
            return NULL;
        }
        path = colon + 1;
        size_t len;
        char *text = ec_read_git_blob(rev, EC_MAX_INPUT_BYTES, &len, at, d);
        if (!text)
            return NULL;
        /* Named after the working-tree path, where its includes are read
        ** from (see diff.h). */
        c = ec_load_buffer(path, text, len, d);
        free(text);
    } else {
        c = ec_load_file(path, d);
    }
    if (c && (!ec_validate(c, d) || d->errors > before)) {
        ec_catalog_free(c);
        c = NULL;
    }
    if (!c && path != side && d->errors > before)
        /* The diagnostics above name the file as the working tree does. */
        ec_error(d, at,
                 "this version of the catalog is not valid; the errors above name it '%s'",
                 path);
    return c;
}
