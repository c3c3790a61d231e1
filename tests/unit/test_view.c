/* test_view.c: the view tree of a small validated catalog (gen/view.c):
** canonical members, resolved retry policies, derived data only in
** template mode. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "load.h"
#include "validate.h"
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char CATALOG[] =
    "errcat: 1\n"
    "catalog: {id: swap, title: Swap API, docs_url: \"https://docs.example.invalid/errors\"}\n"
    "envelope: {message: error, code: code, echo: [inputMint]}\n"
    "headers:\n"
    "  Retry-After: {type: seconds, description: Seconds to wait}\n"
    "retry_policies:\n"
    "  requote: {retry: after-action, action: requote, advice: Get a new quote.}\n"
    "  wait:\n"
    "    retry: always\n"
    "    delay: {header: Retry-After, default_ms: 1500, max_ms: 60000, backoff: exponential}\n"
    "statuses:\n"
    "  - {status: 410, title: Gone}\n"
    "  - {status: 503, title: Service Unavailable, retry: wait}\n"
    "  - {status: 429, title: Too Many Requests, retry: wait, headers: [Retry-After]}\n"
    "domains:\n"
    "  - id: errors\n"
    "    code_type: string\n"
    "    codes:\n"
    "      - {code: QUOTE_EXPIRED, status: 410, message: Quote expired, retry: requote}\n"
    "      - code: TOP_UP_SOL\n"
    "        status: 429\n"
    "        message: Top up ${solAmount} SOL, $$5 fee\n"
    "        params: {solAmount: {type: decimal, description: SOL needed}}\n"
    "        ui: {severity: warning, hint: Show it, actions: [top-up]}\n"
    "        deprecated: use TOP_UP\n"
    "      - {code: SELF, message: plain, retry: {retry: maybe, advice: Try later}}\n"
    "  - id: program\n"
    "    range: [6000, 6999]\n"
    "    envelope: {code: errorCode}\n"
    "    codes:\n"
    "      - {code: 6001, name: SLIPPAGE, message: Slippage}\n"
    "    fallback: {message: \"custom program error: #${code}\"}\n";

static ec_catalog *C;
static ec_value V;
static ec_diag D;

/* Loads and validates 'text' from a temporary file; NULL on an error. */
static ec_catalog *load(const char *text, ec_diag *d)
{
    char path[] = "/tmp/errcat-view-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    ec_diag_init(d);
    ec_catalog *c = ec_load_file(path, d);
    bool ok = c && ec_validate(c, d);
    unlink(path);
    if (!ok || d->errors) {
        ec_diag_print(d, stderr);
        ec_catalog_free(c);
        return NULL;
    }
    return c;
}

static int setup(void **state)
{
    (void)state;
    C = load(CATALOG, &D);
    if (!C || D.warnings != 1) { /* the warning: SELF */
        ec_diag_print(&D, stderr);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ec_catalog_free(C);
    ec_diag_free(&D);
    return 0;
}

/* The value at a dotted path: map keys and list indexes ("domains.0.id");
** NULL when absent. */
static const ec_value *at(const ec_value *v, const char *path)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *part = strtok(buf, "."); part && v; part = strtok(NULL, ".")) {
        if (v->kind == EC_VLIST || v->kind == EC_VLAZY) {
            char *end;
            unsigned long i = strtoul(part, &end, 10);
            ec_value *item = NULL;
            if (*end == '\0' && i < v->len) {
                item = ec_arena_alloc(&C->arena, sizeof *item);
                *item = ec_list_at(v, (uint32_t)i, &C->arena);
            }
            v = item;
        } else {
            v = ec_map_get(v, part);
        }
    }
    return v;
}

static void str_at(const ec_value *root, const char *path, const char *want)
{
    const ec_value *v = at(root, path);
    if (!v)
        fail_msg("no value at %s", path);
    if (v->kind != EC_VSTR)
        fail_msg("%s is not a string (kind %d)", path, (int)v->kind);
    assert_string_equal(v->u.s, want);
}

static void int_at(const ec_value *root, const char *path, int64_t want)
{
    const ec_value *v = at(root, path);
    if (!v)
        fail_msg("no value at %s", path);
    if (v->kind != EC_VINT)
        fail_msg("%s is not an integer (kind %d)", path, (int)v->kind);
    assert_true(v->u.i == want);
}

static void bool_at(const ec_value *root, const char *path, bool want)
{
    const ec_value *v = at(root, path);
    if (!v)
        fail_msg("no value at %s", path);
    if (v->kind != EC_VBOOL)
        fail_msg("%s is not a boolean (kind %d)", path, (int)v->kind);
    assert_int_equal(v->u.b, want);
}

static void null_at(const ec_value *root, const char *path)
{
    const ec_value *v = at(root, path);
    if (!v)
        fail_msg("no value at %s", path);
    if (v->kind != EC_VNULL)
        fail_msg("%s is not null (kind %d)", path, (int)v->kind);
}

static void absent(const ec_value *root, const char *path)
{
    if (at(root, path))
        fail_msg("unexpected value at %s", path);
}

static void len_at(const ec_value *root, const char *path, uint32_t want)
{
    const ec_value *v = at(root, path);
    if (!v)
        fail_msg("no value at %s", path);
    assert_true(v->kind == EC_VLIST || v->kind == EC_VLAZY || v->kind == EC_VMAP);
    assert_int_equal(v->len, want);
}

static void test_top_level(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    assert_int_equal(V.kind, EC_VMAP);
    static const char *const keys[] = {"errcat", "catalog", "envelope", "headers",
                                       "retry_policies", "statuses", "domains"};
    assert_int_equal(V.len, 7);
    for (size_t i = 0; i < 7; i++)
        assert_string_equal(V.u.members[i].key, keys[i]);
    int_at(&V, "errcat", 1);
    str_at(&V, "catalog.id", "swap");
    str_at(&V, "catalog.title", "Swap API");
    str_at(&V, "catalog.version", "");
    str_at(&V, "catalog.docs_url", "https://docs.example.invalid/errors");
    str_at(&V, "envelope.message", "error");
    str_at(&V, "envelope.code", "code");
    null_at(&V, "envelope.details");
    len_at(&V, "envelope.echo", 1);
    str_at(&V, "envelope.echo.0", "inputMint");
    str_at(&V, "headers.0.name", "Retry-After");
    str_at(&V, "headers.0.type", "seconds");
    len_at(&V, "retry_policies", 2);
    str_at(&V, "retry_policies.1.name", "wait");
}

/* Statuses are sorted by number and carry their class. */
static void test_statuses(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    len_at(&V, "statuses", 3);
    int_at(&V, "statuses.0.status", 410);
    str_at(&V, "statuses.0.title", "Gone");
    str_at(&V, "statuses.0.class", "Client Error");
    int_at(&V, "statuses.1.status", 429);
    str_at(&V, "statuses.1.class", "Client Error");
    str_at(&V, "statuses.1.headers.0", "Retry-After");
    int_at(&V, "statuses.2.status", 503);
    str_at(&V, "statuses.2.class", "Server Error");
    len_at(&V, "statuses.0.examples", 0);
}

/* Every retry is resolved: the named policy, the status's, or the default. */
static void test_resolved_retry(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    /* a status with a named policy: the policy in full */
    str_at(&V, "statuses.1.retry.policy", "wait");
    str_at(&V, "statuses.1.retry.retry", "always");
    str_at(&V, "statuses.1.retry.action", "none");
    str_at(&V, "statuses.1.retry.delay.header", "Retry-After");
    int_at(&V, "statuses.1.retry.delay.default_ms", 1500);
    int_at(&V, "statuses.1.retry.delay.max_ms", 60000);
    str_at(&V, "statuses.1.retry.delay.backoff", "exponential");
    bool_at(&V, "statuses.1.retry.idempotent", false);
    int_at(&V, "statuses.1.retry.max_attempts", 0);
    /* a status without one: errcat's default, never */
    str_at(&V, "statuses.0.retry.policy", "default");
    str_at(&V, "statuses.0.retry.retry", "never");
    null_at(&V, "statuses.0.retry.delay.header");
    /* a code's own named policy; codes are made when read, not held */
    assert_int_equal(at(&V, "domains.0.codes")->kind, EC_VLAZY);
    str_at(&V, "domains.0.codes.0.retry.policy", "requote");
    str_at(&V, "domains.0.codes.0.retry.retry", "after-action");
    str_at(&V, "domains.0.codes.0.retry.action", "requote");
    str_at(&V, "domains.0.codes.0.retry.advice", "Get a new quote.");
    /* inherited from status 429 */
    str_at(&V, "domains.0.codes.1.retry.policy", "wait");
    str_at(&V, "domains.0.codes.1.retry.retry", "always");
    /* inline: no policy name */
    null_at(&V, "domains.0.codes.2.retry.policy");
    str_at(&V, "domains.0.codes.2.retry.retry", "maybe");
    str_at(&V, "domains.0.codes.2.retry.advice", "Try later");
    /* neither code nor status: the default */
    str_at(&V, "domains.1.codes.0.retry.policy", "default");
    str_at(&V, "domains.1.codes.0.retry.retry", "never");
}

static void test_codes(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    str_at(&V, "domains.0.id", "errors");
    str_at(&V, "domains.0.code_type", "string");
    null_at(&V, "domains.0.range");
    len_at(&V, "domains.0.codes", 3);
    str_at(&V, "domains.0.codes.0.domain", "errors");
    str_at(&V, "domains.0.codes.0.code", "QUOTE_EXPIRED");
    str_at(&V, "domains.0.codes.0.name", "QUOTE_EXPIRED");
    int_at(&V, "domains.0.codes.0.status", 410);
    str_at(&V, "domains.0.codes.0.message", "Quote expired");
    null_at(&V, "domains.0.codes.0.ui");
    null_at(&V, "domains.0.codes.0.deprecated");
    null_at(&V, "domains.0.codes.0.retired");
    len_at(&V, "domains.0.codes.0.params", 0);

    str_at(&V, "domains.0.codes.1.params.0.name", "solAmount");
    str_at(&V, "domains.0.codes.1.params.0.type", "decimal");
    str_at(&V, "domains.0.codes.1.params.0.description", "SOL needed");
    str_at(&V, "domains.0.codes.1.ui.severity", "warning");
    str_at(&V, "domains.0.codes.1.ui.audience", "user");
    str_at(&V, "domains.0.codes.1.ui.hint", "Show it");
    str_at(&V, "domains.0.codes.1.ui.actions.0", "top-up");
    str_at(&V, "domains.0.codes.1.deprecated.reason", "use TOP_UP");

    null_at(&V, "domains.0.codes.2.status");
    str_at(&V, "domains.0.codes.2.name", "SELF"); /* the canonical name is kept */

    str_at(&V, "domains.1.code_type", "int");
    int_at(&V, "domains.1.range.0", 6000);
    int_at(&V, "domains.1.range.1", 6999);
    int_at(&V, "domains.1.codes.0.code", 6001);
    str_at(&V, "domains.1.codes.0.name", "SLIPPAGE");
}

/* A domain's envelope overrides the catalog's field by field. */
static void test_domain_envelope(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    str_at(&V, "domains.0.envelope.code", "code");
    str_at(&V, "domains.1.envelope.code", "errorCode");
    str_at(&V, "domains.1.envelope.message", "error");
    str_at(&V, "domains.1.envelope.echo.0", "inputMint");
}

static void test_message_parts(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    len_at(&V, "domains.0.codes.0.message_parts", 1);
    str_at(&V, "domains.0.codes.0.message_parts.0.text", "Quote expired");
    const char *msg = "domains.0.codes.1.message_parts";
    len_at(&V, msg, 5);
    char p[128];
    static const char *const want[][2] = {{"text", "Top up "}, {"param", "solAmount"},
                                          {"text", " SOL, "},  {"text", "$"},
                                          {"text", "5 fee"}};
    for (int i = 0; i < 5; i++) {
        snprintf(p, sizeof p, "%s.%d.%s", msg, i, want[i][0]);
        str_at(&V, p, want[i][1]);
        snprintf(p, sizeof p, "%s.%d.%s", msg, i, want[i][0][0] == 't' ? "param" : "text");
        absent(&V, p);
        snprintf(p, sizeof p, "%s.%d", msg, i);
        len_at(&V, p, 1); /* canonical: no index/first/last */
    }
}

static void test_fallback(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    null_at(&V, "domains.0.fallback");
    const ec_value *fb = at(&V, "domains.1.fallback");
    assert_non_null(fb);
    assert_int_equal(fb->kind, EC_VMAP);
    str_at(fb, "domain", "program");
    str_at(fb, "message", "custom program error: #${code}");
    absent(fb, "code");
    absent(fb, "name");
    absent(fb, "retired");
    null_at(fb, "status");
    len_at(fb, "message_parts", 2);
    str_at(fb, "message_parts.0.text", "custom program error: #");
    str_at(fb, "message_parts.1.param", "code");
    str_at(fb, "retry.policy", "default");
}

/* Spellings, positions and flags exist only in the template view. */
static void test_derived_only_in_template_mode(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    absent(&V, "catalog.id_snake");
    absent(&V, "domains.0.codes.0.name_snake");
    absent(&V, "domains.0.codes.0.index");
    absent(&V, "domains.0.codes.0.first");
    absent(&V, "domains.0.id_pascal");
    absent(&V, "domains.0.count");
    absent(&V, "statuses.1.name_snake");
    absent(&V, "domains.0.codes.0.retry.retry_upper");
    absent(&V, "code_count");

    V = ec_view_build(C, EC_VIEW_TEMPLATE);
    str_at(&V, "catalog.id_upper", "SWAP");
    str_at(&V, "domains.0.codes.0.name_upper", "QUOTE_EXPIRED");
    str_at(&V, "domains.0.codes.0.name_snake", "quote_expired");
    str_at(&V, "domains.0.codes.0.name_camel", "quoteExpired");
    str_at(&V, "domains.0.codes.0.name_pascal", "QuoteExpired");
    str_at(&V, "domains.0.codes.0.name_kebab", "quote-expired");
    str_at(&V, "domains.0.codes.1.params.0.name_snake", "sol_amount");
    str_at(&V, "domains.0.id_pascal", "Errors");
    str_at(&V, "statuses.1.name_snake", "too_many_requests");
    str_at(&V, "statuses.1.name_pascal", "TooManyRequests");
    str_at(&V, "headers.0.name_snake", "retry_after");
    str_at(&V, "domains.0.codes.0.retry.retry_upper", "AFTER_ACTION");
    str_at(&V, "domains.0.codes.0.code_text", "QUOTE_EXPIRED");
    str_at(&V, "domains.1.codes.0.code_text", "6001");
    str_at(&V, "domains.0.codes.0.status_title", "Gone");
    null_at(&V, "domains.0.codes.2.status_title");
    bool_at(&V, "domains.0.codes.1.has_params", true);
    bool_at(&V, "domains.0.codes.0.has_params", false);
    bool_at(&V, "domains.0.codes.0.retry.retryable", true);
    bool_at(&V, "domains.1.codes.0.retry.retryable", false);
    int_at(&V, "domains.0.count", 3);
    bool_at(&V, "domains.0.string_codes", true);
    int_at(&V, "code_count", 4);
    bool_at(&V, "has_domains", true);
    /* the canonical members are all still there */
    str_at(&V, "domains.0.codes.0.name", "QUOTE_EXPIRED");
    str_at(&V, "domains.0.codes.1.message_parts.1.param", "solAmount");
}

/* Every documentation anchor comes from the view, by one rule; a policy
** reference has none, so an entry's own stays visible inside its retry. */
static void test_anchors(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_TEMPLATE);
    str_at(&V, "catalog.anchor", "catalog--swap");
    str_at(&V, "headers.0.anchor", "header--retry-after");
    str_at(&V, "retry_policies.0.anchor", "policy--requote");
    str_at(&V, "statuses.1.anchor", "status-429");
    str_at(&V, "domains.0.anchor", "domain--errors");
    str_at(&V, "domains.0.codes.0.anchor", "errors-quote-expired");
    str_at(&V, "domains.0.codes.0.status_anchor", "status-410");
    null_at(&V, "domains.0.codes.2.status_anchor");
    absent(&V, "domains.0.codes.0.retry.anchor");
    str_at(&V, "domains.0.codes.1.header_defs.0.name", "Retry-After");
    absent(&V, "domains.0.codes.1.header_defs.0.anchor");
    str_at(&V, "domains.1.fallback.anchor", "program--other");
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    absent(&V, "domains.0.anchor");
    absent(&V, "statuses.1.anchor");
}

/* A name that is a reserved word gets a trailing '_' in every identifier
** spelling (not in kebab case, which is never an identifier). */
static void test_keyword_safe_spellings(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_TEMPLATE);
    str_at(&V, "domains.0.codes.2.name_upper", "SELF_");
    str_at(&V, "domains.0.codes.2.name_snake", "self_");
    str_at(&V, "domains.0.codes.2.name_camel", "self_");
    str_at(&V, "domains.0.codes.2.name_pascal", "Self_");
    str_at(&V, "domains.0.codes.2.name_kebab", "self");
    str_at(&V, "domains.0.codes.2.name", "SELF");
}

static void test_index_first_last(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_TEMPLATE);
    int_at(&V, "domains.0.codes.0.index", 0);
    bool_at(&V, "domains.0.codes.0.first", true);
    bool_at(&V, "domains.0.codes.0.last", false);
    int_at(&V, "domains.0.codes.1.index", 1);
    bool_at(&V, "domains.0.codes.1.first", false);
    bool_at(&V, "domains.0.codes.1.last", false);
    int_at(&V, "domains.0.codes.2.index", 2);
    bool_at(&V, "domains.0.codes.2.last", true);
    /* a one-item list: first and last */
    bool_at(&V, "domains.1.codes.0.first", true);
    bool_at(&V, "domains.1.codes.0.last", true);
    /* other lists of maps too */
    int_at(&V, "domains.1.index", 1);
    bool_at(&V, "domains.1.last", true);
    int_at(&V, "statuses.2.index", 2);
    bool_at(&V, "statuses.2.last", true);
    bool_at(&V, "domains.0.codes.1.message_parts.0.first", true);
    bool_at(&V, "domains.0.codes.1.message_parts.4.last", true);
    int_at(&V, "domains.0.codes.1.params.0.index", 0);
    bool_at(&V, "retry_policies.0.first", true);
    bool_at(&V, "headers.0.last", true);
}

/* A row of the policy table says whether an entry uses it: a named policy
** that none names, and errcat's default when every entry has a policy, are
** not (Rust refuses a static that nothing reads). The test has a catalog of
** its own, in C (at() allocates in C's arena) while it runs. */
static const char SPARE[] = "errcat: 1\n"
                            "catalog: {id: spare, title: Spare}\n"
                            "retry_policies:\n"
                            "  used: {retry: always}\n"
                            "  spare: {retry: maybe}\n"
                            "statuses:\n"
                            "  - {status: 409, title: Conflict, retry: used}\n"
                            "domains:\n"
                            "  - id: app\n"
                            "    codes:\n"
                            "      - {code: 1, name: ONE, message: One, status: 409}\n"
                            "      - {code: 2, name: TWO, message: Two, retry: {retry: never}}\n";
static ec_catalog *main_catalog;
static ec_diag spare_diag;

static int load_spare(void **state)
{
    (void)state;
    main_catalog = C;
    C = load(SPARE, &spare_diag);
    return C ? 0 : -1;
}

static int free_spare(void **state)
{
    (void)state;
    ec_catalog_free(C);
    ec_diag_free(&spare_diag);
    C = main_catalog;
    return 0;
}

static void test_policy_used(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_TEMPLATE);
    len_at(&V, "policy_table", 4);
    str_at(&V, "policy_table.0.name", "spare");
    bool_at(&V, "policy_table.0.used", false);
    str_at(&V, "policy_table.1.name", "used");
    bool_at(&V, "policy_table.1.used", true);
    str_at(&V, "policy_table.2.name", "default");
    bool_at(&V, "policy_table.2.used", false);
    null_at(&V, "policy_table.3.name"); /* inline: an entry's */
    bool_at(&V, "policy_table.3.used", true);
    bool_at(&V, "retry_policies.0.used", false);
}

/* The main catalog's default is used: status 410 has no policy. */
static void test_default_used(void **state)
{
    (void)state;
    V = ec_view_build(C, EC_VIEW_TEMPLATE);
    str_at(&V, "policy_table.2.name", "default");
    bool_at(&V, "policy_table.2.used", true);
}

/* Building is repeatable: the canonical view serializes to the same bytes
** before and after a template view of the same catalog. */
static void test_canonical_is_stable(void **state)
{
    (void)state;
    ec_buf a, b;
    ec_buf_init(&a);
    ec_buf_init(&b);
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    ec_json_write(&V, &a);
    V = ec_view_build(C, EC_VIEW_TEMPLATE);
    V = ec_view_build(C, EC_VIEW_CANONICAL);
    ec_json_write(&V, &b);
    assert_string_equal(a.data, b.data);
    /* a spot check of the bytes */
    assert_non_null(strstr(a.data, "\n  \"errcat\": 1,\n  \"catalog\": {\n    \"id\": \"swap\",\n"));
    assert_non_null(strstr(a.data, "\"message\": \"Top up ${solAmount} SOL, $$5 fee\""));
    ec_buf_free(&a);
    ec_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_top_level),
        cmocka_unit_test(test_statuses),
        cmocka_unit_test(test_resolved_retry),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_domain_envelope),
        cmocka_unit_test(test_message_parts),
        cmocka_unit_test(test_fallback),
        cmocka_unit_test(test_derived_only_in_template_mode),
        cmocka_unit_test(test_anchors),
        cmocka_unit_test(test_keyword_safe_spellings),
        cmocka_unit_test(test_index_first_last),
        cmocka_unit_test_setup_teardown(test_policy_used, load_spare, free_spare),
        cmocka_unit_test(test_default_used),
        cmocka_unit_test(test_canonical_is_stable),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
