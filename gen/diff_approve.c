/* diff_approve.c: an approvals file, marking the breaking changes it
** accepts. */
#include "diff.h"

#include "doc.h"

#include <string.h>

/* What an approval must name to pin its change down, per kind. */
typedef enum subject_kind {
    SUBJ_CATALOG,
    SUBJ_ENVELOPE,
    SUBJ_HEADER,
    SUBJ_STATUS,
    SUBJ_DOMAIN,
    SUBJ_CODE
} subject_kind;

static subject_kind subject_of(ec_diff_kind k)
{
    switch (k) {
    case EC_DIFF_CATALOG_ID_CHANGED: return SUBJ_CATALOG;
    case EC_DIFF_ENVELOPE_CHANGED: return SUBJ_ENVELOPE;
    case EC_DIFF_HEADER_REMOVED:
    case EC_DIFF_HEADER_ADDED:
    case EC_DIFF_HEADER_TYPE_CHANGED:
    case EC_DIFF_HEADER_DIRECTION_CHANGED: return SUBJ_HEADER;
    case EC_DIFF_STATUS_REMOVED:
    case EC_DIFF_STATUS_ADDED:
    case EC_DIFF_STATUS_HEADER_REMOVED:
    case EC_DIFF_STATUS_HEADER_ADDED: return SUBJ_STATUS;
    case EC_DIFF_DOMAIN_REMOVED:
    case EC_DIFF_DOMAIN_ADDED:
    case EC_DIFF_CODE_TYPE_CHANGED:
    case EC_DIFF_RANGE_SHRUNK:
    case EC_DIFF_RANGE_GROWN:
    case EC_DIFF_FALLBACK_REMOVED:
    case EC_DIFF_FALLBACK_ADDED:
    case EC_DIFF_DOMAIN_SECONDARY_CHANGED: return SUBJ_DOMAIN;
    default: return SUBJ_CODE; /* also a status's or a fallback's retry and docs */
    }
}

typedef struct approval {
    ec_diff_kind kind;
    const char *domain, *code, *name, *reason;
    ec_loc at;
} approval;

static const char *const approval_keys[] = {"change", "domain", "code", "name", "reason", NULL};

/* A string member of an approval, or NULL; reports a value of another
** kind. Codes may be integers: they compare as their decimal text. */
static bool approval_field(ec_arena *a, const ec_value *m, const char *key, bool allow_int,
                           const char **out, ec_diag *d)
{
    const ec_value *v = ec_map_get(m, key);
    *out = NULL;
    if (!v)
        return true;
    if (v->kind == EC_VSTR) {
        *out = v->u.s;
        return true;
    }
    if (v->kind == EC_VINT && allow_int) {
        *out = ec_arena_printf(a, "%lld", (long long)v->u.i);
        return true;
    }
    ec_error(d, v->at, "approval '%s' must be a string%s", key, allow_int ? " or an integer" : "");
    return false;
}

/* Reads one entry; false after reporting. */
static bool read_approval(ec_arena *a, const ec_value *m, approval *ap, ec_diag *d)
{
    if (m->kind != EC_VMAP) {
        ec_error(d, m->at, "an approval is a map {change, domain, code, name, reason}");
        return false;
    }
    bool ok = true;
    for (uint32_t i = 0; i < m->len; i++) {
        const char *key = m->u.members[i].key;
        bool known = false;
        for (const char *const *k = approval_keys; *k && !known; k++)
            known = strcmp(*k, key) == 0;
        if (known)
            continue;
        const char *near = ec_suggest(key, approval_keys);
        ec_loc at = m->u.members[i].key_at;
        if (near)
            ec_error(d, at, "unknown key '%s' in an approval; did you mean '%s'?", key, near);
        else
            ec_error(d, at, "unknown key '%s' in an approval", key);
        ok = false;
    }
    ap->at = m->at;
    const char *change;
    ok &= approval_field(a, m, "change", false, &change, d);
    ok &= approval_field(a, m, "domain", false, &ap->domain, d);
    ok &= approval_field(a, m, "code", true, &ap->code, d);
    ok &= approval_field(a, m, "name", false, &ap->name, d);
    ok &= approval_field(a, m, "reason", false, &ap->reason, d);
    if (!ok)
        return false;
    if (!change) {
        ec_error(d, m->at, "approval is missing the required key 'change'");
        return false;
    }
    const ec_value *cv = ec_map_get(m, "change");
    int kind = -1;
    for (int i = 0; ec_diff_kind_names[i] && kind < 0; i++)
        if (strcmp(ec_diff_kind_names[i], change) == 0)
            kind = i;
    if (kind < 0) {
        const char *near = ec_suggest(change, ec_diff_kind_names);
        if (near)
            ec_error(d, cv->at, "unknown change '%s'; did you mean '%s'?", change, near);
        else
            ec_error(d, cv->at, "unknown change '%s'", change);
        return false;
    }
    ap->kind = (ec_diff_kind)kind;
    if (!ap->reason || !*ap->reason) {
        ec_error(d, m->at,
                 "approval of %s has no reason: say why the breaking change is acceptable",
                 change);
        return false;
    }
    const char *need = NULL;
    switch (subject_of(ap->kind)) {
    case SUBJ_CATALOG: break;
    case SUBJ_ENVELOPE:
    case SUBJ_HEADER:
        if (!ap->name)
            need = "a 'name'";
        break;
    case SUBJ_STATUS:
        if (!ap->code)
            need = "the status number as 'code'";
        break;
    case SUBJ_DOMAIN:
        if (!ap->domain)
            need = "a 'domain'";
        break;
    case SUBJ_CODE:
        if (!ap->code && !ap->name)
            need = "a 'code' or a 'name'";
        break;
    }
    if (need) {
        ec_error(d, m->at, "approval of %s needs %s", change, need);
        return false;
    }
    return true;
}

static bool matches(const approval *ap, const ec_diff_change *ch, ec_buf *scratch)
{
    if (ap->kind != ch->kind || !ec_diff_same_text(ap->domain, ch->domain))
        return false;
    if (ap->name && !ec_diff_same_text(ap->name, ch->name))
        return false;
    if (ap->code) {
        ec_buf_reset(scratch);
        ec_value_text(&ch->code, scratch);
        if (ch->code.kind == EC_VNULL || strcmp(scratch->data, ap->code) != 0)
            return false;
    }
    return true;
}

static const char *approval_subject(ec_arena *a, const approval *ap)
{
    ec_buf b;
    ec_buf_init(&b);
    if (ap->domain)
        ec_buf_printf(&b, " in domain %s", ap->domain);
    if (ap->code)
        ec_buf_printf(&b, "%s code %s", b.len ? "," : " for", ap->code);
    if (ap->name)
        ec_buf_printf(&b, "%s name %s", b.len ? "," : " for", ap->name);
    const char *s = ec_arena_strdup(a, b.data);
    ec_buf_free(&b);
    return s;
}

bool ec_diff_apply_approvals(ec_diff_result *r, const char *file, const char *text, size_t len,
                             ec_diag *d)
{
    ec_arena *a = &r->arena;
    const char *name = ec_arena_strdup(a, file);
    ec_value top;
    if (!ec_doc_parse(a, name, text, len, NULL, d, &top))
        return false;
    if (top.kind == EC_VNULL)
        return true; /* an empty file approves nothing */
    if (top.kind != EC_VLIST) {
        ec_error(d, top.at, "an approvals file is a list of {change, domain, code, name, "
                            "reason}");
        return false;
    }
    approval *aps = ec_arena_alloc(a, (top.len + 1) * sizeof *aps);
    bool ok = true;
    for (uint32_t i = 0; i < top.len; i++)
        ok &= read_approval(a, &top.u.items[i], &aps[i], d);
    if (!ok)
        return false;
    /* Approvals are few: each is matched against every change. */
    ec_buf scratch;
    ec_buf_init(&scratch);
    for (uint32_t i = 0; i < top.len; i++) {
        bool used = false;
        for (size_t j = 0; j < r->n; j++) {
            ec_diff_change *ch = &r->changes[j];
            if (!matches(&aps[i], ch, &scratch))
                continue;
            used = true;
            if (ch->breaking && !ch->approved)
                ch->approved = aps[i].reason;
        }
        if (!used) {
            ec_warning(d, aps[i].at, "approval of %s%s matches no change",
                       ec_diff_kind_names[aps[i].kind], approval_subject(a, &aps[i]));
            ec_note(d, aps[i].at, "remove it, or correct its domain, code or name");
        }
    }
    ec_buf_free(&scratch);
    return true;
}
