/* check.c: the C table of the hostile catalog holds every string byte for
** byte as the JSON target does. Built by tests/hostile/run.sh with
** -include hostile_errors.h and expect.h (written by hostile.py expect from
** the JSON): one row per string of every entry. Prints what differs and
** "c table: N checks, M failed". */
#include <stdio.h>
#include <string.h>

#include "expect.h"

static int failures, checks;

static void show(const char *s, size_t n)
{
    size_t shown = n > 120 ? 120 : n;
    putchar('"');
    for (size_t i = 0; i < shown; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
            printf("\\x%02x", c);
        else
            putchar(c);
    }
    printf("\"%s (%zu bytes)", shown < n ? "..." : "", n);
}

static void fail(const struct xrec *x, const char *why, const char *got)
{
    checks++;
    if (++failures > 25)
        return;
    if (x->kind == 2)
        printf("FAIL c table: status %lld", x->num);
    else if (x->kind == 1)
        printf("FAIL c table: fallback of domain %d", x->domain);
    else if (x->is_str)
        printf("FAIL c table: domain %d code \"%.40s\"", x->domain, x->code);
    else
        printf("FAIL c table: domain %d code %lld", x->domain, x->num);
    printf(": %s[%d]: %s\n", x->field, x->index, why);
    if (got) {
        printf("       got  ");
        show(got, strlen(got));
        printf("\n       want ");
        if (x->want)
            show(x->want, x->len);
        else
            printf("NULL");
        putchar('\n');
    }
}

static void same(const struct xrec *x, const char *got)
{
    if (!x->want && !got) {
        checks++;
    } else if (!x->want || !got) {
        fail(x, got ? "present, expected NULL" : "NULL, expected a string", got);
    } else if (strlen(got) != x->len || memcmp(got, x->want, x->len) != 0) {
        fail(x, "differs", got);
    } else {
        checks++;
    }
}

static void same_bool(const struct xrec *x, bool got)
{
    if (got != (x->want != NULL))
        fail(x, got ? "true, expected false" : "false, expected true", NULL);
    else
        checks++;
}

static const hostile_entry *find(const struct xrec *x)
{
    hostile_domain d = (hostile_domain)x->domain;
    switch (x->kind) {
    case 0: { /* hostile_recognise: retired codes too */
        char num[32];
        snprintf(num, sizeof num, "%lld", x->num);
        return hostile_recognise(d, x->is_str ? x->code : num);
    }
    case 1: return hostile_fallback(d);
    default: return hostile_lookup_status((int)x->num);
    }
}

int main(void)
{
    for (size_t i = 0; i < xrec_count; i++) {
        const struct xrec *x = &xrecs[i];
        const hostile_entry *e = find(x);
        if (!e) {
            fail(x, "no entry", NULL);
            continue;
        }
        const char *f = x->field;
        if (strcmp(f, "code_str") == 0)
            same(x, hostile_entry_code_str(e));
        else if (strcmp(f, "name") == 0)
            same(x, hostile_entry_name(e));
        else if (strcmp(f, "message") == 0)
            same(x, hostile_entry_message(e));
        else if (strcmp(f, "description") == 0)
            same(x, hostile_entry_description(e));
        else if (strcmp(f, "hint") == 0)
            same(x, hostile_entry_hint(e));
        else if (strcmp(f, "policy") == 0)
            same(x, hostile_entry_retry(e)->name);
        else if (strcmp(f, "advice") == 0)
            same(x, hostile_entry_retry(e)->advice);
        else if (strcmp(f, "delay_header") == 0)
            same(x, hostile_entry_retry(e)->delay_header);
        else if (strcmp(f, "ui_hint") == 0)
            same(x, hostile_entry_ui_hint(e));
        else if (strcmp(f, "deprecated") == 0)
            same_bool(x, hostile_entry_deprecated(e));
        else if (strcmp(f, "retired") == 0)
            same_bool(x, hostile_entry_retired(e));
        else if (strcmp(f, "params") == 0 && x->index < 0) {
            if (hostile_entry_param_count(e) != x->len)
                fail(x, "wrong number of params", NULL);
            else
                checks++;
        } else if (strcmp(f, "params") == 0) {
            if ((size_t)x->index < hostile_entry_param_count(e))
                same(x, hostile_entry_param(e, (size_t)x->index));
            else
                fail(x, "missing", NULL);
        }
        /* ui_actions: the C table does not carry them. */
    }
    checks++;
    if (hostile_entry_count != xentry_count) {
        printf("FAIL c table: %zu entries, the JSON has %zu\n", hostile_entry_count, xentry_count);
        failures++;
    }
    printf("c table: %d checks, %d failed\n", checks, failures);
    return failures != 0;
}
