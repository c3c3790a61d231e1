/* test_diff.c: gen/diff.c. Each test loads two versions of a catalog from
** memory (no includes), diffs them and checks the changes, their
** classification, the approvals and the three reports. The suites in
** tests/evolution/diff/ cover every kind of change end to end. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "diff.h"
#include "doc.h"
#include "load.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ec_catalog *Old, *New;
static ec_diff_result *R;
static ec_diag D;
static ec_buf Out;

static int setup(void **state)
{
    (void)state;
    Old = New = NULL;
    R = NULL;
    ec_diag_init(&D);
    ec_buf_init(&Out);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ec_diff_free(R);
    ec_catalog_free(Old);
    ec_catalog_free(New);
    ec_diag_free(&D);
    ec_buf_free(&Out);
    return 0;
}

static ec_catalog *load(const char *name, const char *text)
{
    ec_catalog *c = ec_load_buffer(name, text, strlen(text), &D);
    assert_non_null(c);
    assert_true(ec_validate(c, &D));
    return c;
}

/* Diffs 'a' against 'b' into R. */
static ec_diff_result *diff(const char *a, const char *b)
{
    Old = load("old.yaml", a);
    New = load("new.yaml", b);
    R = ec_diff(Old, New);
    return R;
}

static const char *text_report(void)
{
    ec_buf_reset(&Out);
    ec_diff_write(R, EC_DIFF_TEXT, &Out);
    return Out.data;
}

static const char *diags(void)
{
    ec_buf_reset(&Out);
    ec_diag_format(&D, &Out);
    return Out.data;
}

/* The change of this kind, which must be there exactly once. */
static const ec_diff_change *only(ec_diff_kind k)
{
    const ec_diff_change *found = NULL;
    for (size_t i = 0; i < R->n; i++)
        if (R->changes[i].kind == k) {
            assert_null(found);
            found = &R->changes[i];
        }
    assert_non_null(found);
    return found;
}

#define HEAD                                                                    \
    "errcat: 1\n"                                                               \
    "catalog: {id: shop, title: Shop}\n"                                        \
    "envelope: {code: code, message: error}\n"                                  \
    "headers:\n"                                                                \
    "  Retry-After: {type: seconds}\n"                                          \
    "retry_policies:\n"                                                         \
    "  fix: {retry: never, action: fix-request}\n"                              \
    "  wait: {retry: always, delay: {header: Retry-After, default_ms: 1000}}\n" \
    "  maybe: {retry: maybe}\n"                                                 \
    "statuses:\n"                                                               \
    "  - {status: 400, title: Bad Request}\n"                                   \
    "  - {status: 409, title: Conflict}\n"                                      \
    "  - {status: 503, title: Unavailable, retry: wait, headers: [Retry-After]}\n"

#define DOMAIN "domains:\n  - id: orders\n    codes:\n"

#define CODES                                                               \
    "      - {code: 1, name: ONE, status: 400, message: One}\n"             \
    "      - {code: 2, name: TWO, status: 409, message: Two, retry: fix}\n" \
    "      - {code: 3, name: THREE, status: 503, message: Three}\n"

static void test_no_change(void **state)
{
    (void)state;
    diff(HEAD DOMAIN CODES, HEAD DOMAIN CODES);
    assert_int_equal(R->n, 0);
    assert_string_equal(text_report(), "no changes\n");
    ec_buf_reset(&Out);
    ec_diff_write(R, EC_DIFF_JSON, &Out);
    assert_string_equal(Out.data, "[]\n");
}

static void test_kind_names(void **state)
{
    (void)state;
    size_t n = 0;
    while (ec_diff_kind_names[n])
        n++;
    assert_int_equal(n, EC_DIFF_NKINDS);
    ec_diff_format f;
    assert_true(ec_diff_format_find("markdown", &f));
    assert_int_equal(f, EC_DIFF_MARKDOWN);
    assert_false(ec_diff_format_find("yaml", &f));
}

static void test_code_removed_and_added(void **state)
{
    (void)state;
    diff(HEAD DOMAIN CODES,
         HEAD DOMAIN "      - {code: 1, name: ONE, status: 400, message: One}\n"
                     "      - {code: 2, name: TWO, status: 409, message: Two, retry: fix}\n"
                     "      - {code: 4, name: FOUR, status: 400, message: Four}\n");
    assert_int_equal(R->n, 2);
    const ec_diff_change *rm = only(EC_DIFF_CODE_REMOVED);
    assert_true(rm->breaking);
    assert_string_equal(rm->domain, "orders");
    assert_int_equal(rm->code.kind, EC_VINT);
    assert_int_equal(rm->code.u.i, 3);
    assert_string_equal(rm->name, "THREE");
    const ec_diff_change *add = only(EC_DIFF_CODE_ADDED);
    assert_false(add->breaking);
    assert_int_equal(add->after.u.i, 4);
    /* The result keeps copies: it outlives the catalogs. */
    ec_catalog_free(Old);
    ec_catalog_free(New);
    Old = New = NULL;
    assert_string_equal(text_report(), "domain orders:\n"
                                       "  breaking: code 3 (THREE) is removed [code-removed]\n"
                                       "  compatible: code 4 (FOUR) is added [code-added]\n"
                                       "1 breaking, 0 approved, 1 compatible\n");
    ec_diff_counts n = ec_diff_count(R);
    assert_int_equal(n.breaking, 1);
    assert_int_equal(n.compatible, 1);
}

/* A code matched by name whose code changed is renumbered, not removed
** and added; its other changes are still reported. */
static void test_renumbered(void **state)
{
    (void)state;
    diff(HEAD DOMAIN CODES,
         HEAD DOMAIN "      - {code: 1, name: ONE, status: 400, message: One}\n"
                     "      - {code: 20, name: TWO, status: 409, message: Two!, retry: fix}\n"
                     "      - {code: 3, name: THREE, status: 503, message: Three}\n");
    assert_int_equal(R->n, 2);
    const ec_diff_change *ch = only(EC_DIFF_CODE_RENUMBERED);
    assert_true(ch->breaking);
    assert_int_equal(ch->before.u.i, 2);
    assert_int_equal(ch->after.u.i, 20);
    assert_false(only(EC_DIFF_MESSAGE_CHANGED)->breaking);
}

/* Same code, another name: a rename when neither name is used elsewhere,
** a reuse when the old name moved (or the new one existed). */
static void test_rename_and_reuse(void **state)
{
    (void)state;
    diff(HEAD DOMAIN CODES,
         HEAD DOMAIN "      - {code: 1, name: UNO, status: 400, message: One}\n"
                     "      - {code: 2, name: THREE, status: 409, message: Two, retry: fix}\n"
                     "      - {code: 30, name: TWO, status: 503, message: Three}\n");
    const ec_diff_change *ren = only(EC_DIFF_NAME_CHANGED);
    assert_true(ren->breaking);
    assert_string_equal(ren->before.u.s, "ONE");
    assert_string_equal(ren->after.u.s, "UNO");
    /* 2 was TWO and is THREE; TWO moved to 30, THREE moved from 3. */
    size_t reused = 0, renumbered = 0;
    for (size_t i = 0; i < R->n; i++) {
        reused += R->changes[i].kind == EC_DIFF_CODE_REUSED;
        renumbered += R->changes[i].kind == EC_DIFF_CODE_RENUMBERED;
    }
    assert_int_equal(reused, 1);
    assert_int_equal(renumbered, 2);
    assert_int_equal(ec_diff_count(R).compatible + ec_diff_count(R).breaking, R->n);
}

/* A retired code comes back under another name: the one reuse that even a
** single catalog's validator cannot see across versions. */
static void test_retired_code_reused(void **state)
{
    (void)state;
    diff(HEAD DOMAIN "      - {code: 1, name: OLD, message: Old, retired: gone}\n",
         HEAD DOMAIN "      - {code: 1, name: NEW, status: 400, message: New}\n");
    assert_int_equal(R->n, 1);
    const ec_diff_change *ch = only(EC_DIFF_CODE_REUSED);
    assert_true(ch->breaking);
    assert_string_equal(ch->message, "code 1 is reused: it was OLD (retired), it is now NEW");
}

static void test_retire_and_unretire(void **state)
{
    (void)state;
    diff(HEAD DOMAIN "      - {code: 1, name: ONE, message: One}\n"
                     "      - {code: 2, name: TWO, message: Two, retired: true}\n",
         HEAD DOMAIN "      - {code: 1, name: ONE, message: One, retired: use 3}\n"
                     "      - {code: 2, name: TWO, message: Two}\n");
    assert_false(only(EC_DIFF_CODE_RETIRED)->breaking);
    assert_string_equal(only(EC_DIFF_CODE_RETIRED)->message, "code 1 (ONE) is retired (use 3)");
    assert_true(only(EC_DIFF_CODE_UNRETIRED)->breaking);
}

static void test_retired_code_removed(void **state)
{
    (void)state;
    diff(HEAD DOMAIN "      - {code: 1, name: ONE, message: One, retired: true}\n",
         HEAD "domains:\n  - id: orders\n");
    assert_true(only(EC_DIFF_CODE_REMOVED)->breaking);
}

static void test_string_codes(void **state)
{
    (void)state;
    diff(HEAD "domains:\n  - id: pay\n    code_type: string\n    codes:\n"
              "      - {code: card-declined, message: Declined}\n"
              "      - {code: busy, name: PROVIDER_BUSY, message: Busy}\n",
         HEAD "domains:\n  - id: pay\n    code_type: string\n    codes:\n"
              "      - {code: CARD_DECLINED, message: Declined}\n"
              "      - {code: busy, name: PROVIDER_BUSY, message: Busy now}\n");
    const ec_diff_change *ch = only(EC_DIFF_CODE_RENUMBERED);
    assert_string_equal(ch->before.u.s, "card-declined");
    assert_string_equal(ch->after.u.s, "CARD_DECLINED");
    assert_string_equal(only(EC_DIFF_MESSAGE_CHANGED)->message,
                        "code busy (PROVIDER_BUSY): message changes from 'Busy' to 'Busy now'");
}

static void test_retry_classification(void **state)
{
    (void)state;
    diff(HEAD DOMAIN "      - {code: 1, name: A, message: A, retry: fix}\n"
                     "      - {code: 2, name: B, message: B, retry: wait}\n"
                     "      - {code: 3, name: C, message: C, retry: fix}\n"
                     "      - {code: 4, name: D, message: D, retry: maybe}\n",
         HEAD DOMAIN "      - {code: 1, name: A, message: A, retry: wait}\n"
                     "      - {code: 2, name: B, message: B, retry: fix}\n"
                     "      - {code: 3, name: C, message: C, retry: maybe}\n"
                     "      - {code: 4, name: D, message: D, retry: {retry: depends}}\n");
    size_t seen = 0;
    for (size_t i = 0; i < R->n; i++) {
        const ec_diff_change *ch = &R->changes[i];
        if (ch->kind == EC_DIFF_RETRY_LOOSENED) {
            /* never -> always is breaking; never -> maybe is not */
            assert_int_equal(ch->breaking, ch->code.u.i == 1);
            seen++;
        } else if (ch->kind == EC_DIFF_RETRY_TIGHTENED) {
            assert_int_equal(ch->code.u.i, 2);
            assert_false(ch->breaking);
            seen++;
        } else if (ch->kind == EC_DIFF_RETRY_CHANGED) {
            assert_int_equal(ch->code.u.i, 4);
            assert_false(ch->breaking);
            seen++;
        } else if (ch->kind == EC_DIFF_RETRY_ACTION_CHANGED) {
            assert_false(ch->breaking); /* the new policies retry without an action */
        }
    }
    assert_int_equal(seen, 4);
}

/* A code that takes its status's policy in both versions is reported
** through the status only. */
static void test_inherited_policy_reported_once(void **state)
{
    (void)state;
    diff(HEAD DOMAIN CODES,
         "errcat: 1\n"
         "catalog: {id: shop, title: Shop}\n"
         "envelope: {code: code, message: error}\n"
         "headers:\n"
         "  Retry-After: {type: seconds}\n"
         "retry_policies:\n"
         "  fix: {retry: never, action: fix-request}\n"
         "  wait: {retry: always, delay: {header: Retry-After, default_ms: 2000}}\n"
         "  maybe: {retry: maybe}\n"
         "statuses:\n"
         "  - {status: 400, title: Bad Request}\n"
         "  - {status: 409, title: Conflict}\n"
         "  - {status: 503, title: Unavailable, retry: wait, headers: [Retry-After]}\n" DOMAIN
             CODES);
    assert_int_equal(R->n, 1);
    const ec_diff_change *ch = only(EC_DIFF_RETRY_DELAY_CHANGED);
    assert_null(ch->domain);
    assert_int_equal(ch->code.u.i, 503);
    assert_string_equal(ch->before.u.s, "header Retry-After, 1000 ms");
    assert_string_equal(ch->after.u.s, "header Retry-After, 2000 ms");
}

static void test_params(void **state)
{
    (void)state;
    diff(HEAD DOMAIN "      - {code: 1, name: A, message: '${x} ${y}', params: {x: {type: integer}, "
                     "y: {}}}\n",
         HEAD DOMAIN "      - {code: 1, name: A, message: '${x} ${z}', params: {x: {type: decimal}, "
                     "z: {}}}\n");
    assert_true(only(EC_DIFF_PARAM_ADDED)->breaking);
    assert_false(only(EC_DIFF_PARAM_REMOVED)->breaking);
    assert_true(only(EC_DIFF_PARAM_TYPE_CHANGED)->breaking);
    assert_false(only(EC_DIFF_MESSAGE_CHANGED)->breaking);
}

static void test_domains_and_ranges(void **state)
{
    (void)state;
    diff(HEAD "domains:\n"
              "  - {id: a, range: [1, 100]}\n"
              "  - {id: b, range: [1, 100]}\n"
              "  - {id: c}\n"
              "  - {id: d, code_type: string}\n",
         HEAD "domains:\n"
              "  - {id: a, range: [1, 50]}\n"
              "  - {id: b}\n"
              "  - {id: d}\n"
              "  - {id: e}\n");
    assert_true(only(EC_DIFF_RANGE_SHRUNK)->breaking);
    assert_string_equal(only(EC_DIFF_RANGE_SHRUNK)->domain, "a");
    assert_false(only(EC_DIFF_RANGE_GROWN)->breaking);
    assert_true(only(EC_DIFF_DOMAIN_REMOVED)->breaking);
    assert_string_equal(only(EC_DIFF_DOMAIN_REMOVED)->domain, "c");
    assert_false(only(EC_DIFF_DOMAIN_ADDED)->breaking);
    assert_true(only(EC_DIFF_CODE_TYPE_CHANGED)->breaking);
    /* Grouped by domain, in the old catalog's order, added domains last. */
    assert_string_equal(R->changes[R->n - 1].domain, "e");
}

static void test_catalog_parts(void **state)
{
    (void)state;
    diff(HEAD DOMAIN CODES,
         "errcat: 1\n"
         "catalog: {id: shop, title: Shop}\n"
         "envelope: {code: errorCode, message: error, details: details}\n"
         "headers:\n"
         "  Retry-After: {type: http-date}\n"
         "  X-Id: {}\n"
         "retry_policies:\n"
         "  fix: {retry: never, action: fix-request}\n"
         "  wait: {retry: always, delay: {header: Retry-After, default_ms: 1000}}\n"
         "  maybe: {retry: maybe}\n"
         "statuses:\n"
         "  - {status: 400, title: Bad Request, headers: [X-Id]}\n"
         "  - {status: 409, title: Conflict}\n"
         "  - {status: 422, title: Unprocessable}\n"
         "  - {status: 503, title: Unavailable, retry: wait, headers: [Retry-After]}\n" DOMAIN
             CODES);
    assert_true(only(EC_DIFF_HEADER_TYPE_CHANGED)->breaking);
    assert_false(only(EC_DIFF_HEADER_ADDED)->breaking);
    assert_false(only(EC_DIFF_STATUS_ADDED)->breaking);
    assert_false(only(EC_DIFF_STATUS_HEADER_ADDED)->breaking);
    size_t env = 0;
    for (size_t i = 0; i < R->n; i++)
        if (R->changes[i].kind == EC_DIFF_ENVELOPE_CHANGED) {
            /* code moved: breaking; details gained: compatible */
            assert_int_equal(R->changes[i].breaking,
                             strcmp(R->changes[i].name, "envelope.code") == 0);
            env++;
        }
    assert_int_equal(env, 2);
}

static const char *const small_new = HEAD DOMAIN "      - {code: 1, name: ONE, status: 400, message: One}\n";

static void test_approvals(void **state)
{
    (void)state;
    diff(HEAD DOMAIN CODES, small_new);
    static const char approvals[] = "- {change: code-removed, domain: orders, code: 2, reason: gone}\n"
                                    "- {change: code-removed, domain: orders, name: NINE, reason: x}\n";
    assert_true(ec_diff_apply_approvals(R, "ap.yaml", approvals, strlen(approvals), &D));
    ec_diff_counts n = ec_diff_count(R);
    assert_int_equal(n.breaking, 1);
    assert_int_equal(n.approved, 1);
    assert_string_equal(diags(), "ap.yaml:2:3: warning: approval of code-removed in domain orders, "
                                 "name NINE matches no change\n"
                                 "ap.yaml:2:3: note: remove it, or correct its domain, code or name\n");
    assert_string_equal(text_report(),
                        "domain orders:\n"
                        "  approved: code 2 (TWO) is removed [code-removed] (reason: gone)\n"
                        "  breaking: code 3 (THREE) is removed [code-removed]\n"
                        "1 breaking, 1 approved, 0 compatible\n");
}

/* A bad approvals file changes nothing: every entry is checked first. */
static void test_bad_approvals(void **state)
{
    (void)state;
    diff(HEAD DOMAIN CODES, small_new);
    static const char approvals[] = "- {change: code-removed, domain: orders, code: 2, reason: ok}\n"
                                    "- {change: code-remove, domain: orders, code: 3, reason: x}\n"
                                    "- {change: code-removed, domain: orders, code: 3}\n"
                                    "- {change: domain-removed, code: 3, reason: x}\n";
    assert_false(ec_diff_apply_approvals(R, "ap.yaml", approvals, strlen(approvals), &D));
    assert_string_equal(diags(),
                        "ap.yaml:2:12: error: unknown change 'code-remove'; did you mean "
                        "'code-removed'?\n"
                        "ap.yaml:3:3: error: approval of code-removed has no reason: say why the "
                        "breaking change is acceptable\n"
                        "ap.yaml:4:3: error: approval of domain-removed needs a 'domain'\n");
    assert_int_equal(ec_diff_count(R).approved, 0);
}

static void test_json_report(void **state)
{
    (void)state;
    diff(HEAD DOMAIN CODES, small_new);
    ec_buf_reset(&Out);
    ec_diff_write(R, EC_DIFF_JSON, &Out);
    ec_arena a;
    ec_arena_init(&a);
    ec_value v;
    assert_true(ec_doc_parse(&a, "report.json", Out.data, Out.len, NULL, &D, &v));
    assert_int_equal(v.kind, EC_VLIST);
    assert_int_equal(v.len, 2);
    static const char *const keys[] = {"kind", "breaking", "domain", "code", "name",
                                       "old", "new", "message", "approved"};
    const ec_value *first = &v.u.items[0];
    assert_int_equal(first->len, sizeof keys / sizeof *keys);
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        assert_string_equal(first->u.members[i].key, keys[i]);
    assert_string_equal(ec_map_get(first, "kind")->u.s, "code-removed");
    assert_true(ec_map_get(first, "breaking")->u.b);
    assert_int_equal(ec_map_get(first, "code")->u.i, 2);
    assert_int_equal(ec_map_get(first, "new")->kind, EC_VNULL);
    ec_arena_free(&a);
}

/* Catalog text is escaped in the table: a '|' cannot open a cell. */
static void test_markdown_report(void **state)
{
    (void)state;
    diff(HEAD DOMAIN "      - {code: 1, name: ONE, message: 'a|b'}\n",
         HEAD DOMAIN "      - {code: 1, name: ONE, message: 'a|c'}\n");
    ec_buf_reset(&Out);
    ec_diff_write(R, EC_DIFF_MARKDOWN, &Out);
    assert_string_equal(Out.data,
                        "### Catalog changes: shop\n\n"
                        "**0 breaking, 0 approved, 1 compatible**\n\n"
                        "| impact | domain | change | kind |\n"
                        "|---|---|---|---|\n"
                        "| compatible | orders | code 1 (ONE): message changes from 'a\\|b' to "
                        "'a\\|c' | `message-changed` |\n");
}

/* Matching goes through hash indexes: many codes, all renumbered. */
static void test_many_codes(void **state)
{
    (void)state;
    enum { N = 5000 };
    ec_buf a, b;
    ec_buf_init(&a);
    ec_buf_init(&b);
    ec_buf_puts(&a, HEAD DOMAIN);
    ec_buf_puts(&b, HEAD DOMAIN);
    for (int i = 0; i < N; i++) {
        ec_buf_printf(&a, "      - {code: %d, name: C%d, message: m%d}\n", i, i, i);
        ec_buf_printf(&b, "      - {code: %d, name: C%d, message: m%d}\n", i + N, i, i);
    }
    diff(a.data, b.data);
    assert_int_equal(R->n, N);
    for (size_t i = 0; i < R->n; i++)
        assert_int_equal(R->changes[i].kind, EC_DIFF_CODE_RENUMBERED);
    ec_buf_free(&a);
    ec_buf_free(&b);
}

static void test_load_sides(void **state)
{
    (void)state;
    assert_null(ec_diff_load("git:HEAD", &D));
    assert_null(ec_diff_load("git:-x:a.yaml", &D));
    assert_null(ec_diff_load("/nonexistent/errcat/catalog.yaml", &D));
    assert_string_equal(diags(), "git:HEAD: error: expected git:REVISION:PATH\n"
                                 "git:-x:a.yaml: error: expected git:REVISION:PATH\n"
                                 "/nonexistent/errcat/catalog.yaml: error: cannot read file: No "
                                 "such file or directory\n");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_no_change),
        T(test_kind_names),
        T(test_code_removed_and_added),
        T(test_renumbered),
        T(test_rename_and_reuse),
        T(test_retired_code_reused),
        T(test_retire_and_unretire),
        T(test_retired_code_removed),
        T(test_string_codes),
        T(test_retry_classification),
        T(test_inherited_policy_reported_once),
        T(test_params),
        T(test_domains_and_ranges),
        T(test_catalog_parts),
        T(test_approvals),
        T(test_bad_approvals),
        T(test_json_report),
        T(test_markdown_report),
        T(test_many_codes),
        T(test_load_sides),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
