/* test_lint.c: gen/lint.c. Each test loads a catalog from memory, lints
** it with a configuration and checks the exact warnings. The suite in
** tests/evolution/lint/ runs every rule through the command line. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "doc.h"
#include "fsio.h"
#include "lint.h"
#include "load.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ec_catalog *C;
static ec_lint_result *R;
static ec_lint_config Cfg;
static ec_diag D;
static ec_buf Out;

static int setup(void **state)
{
    (void)state;
    C = NULL;
    R = NULL;
    ec_lint_config_init(&Cfg);
    ec_diag_init(&D);
    ec_buf_init(&Out);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ec_lint_free(R);
    ec_catalog_free(C);
    ec_diag_free(&D);
    ec_buf_free(&Out);
    return 0;
}

/* Lints 'text' (named cat.yaml) with Cfg; returns the warnings as text. */
static const char *lint(const char *text)
{
    C = ec_load_buffer("cat.yaml", text, strlen(text), &D);
    assert_non_null(C);
    assert_true(ec_validate(C, &D));
    assert_int_equal(D.count, 0);
    R = ec_lint(C, &Cfg);
    ec_lint_report(R, &D);
    ec_buf_reset(&Out);
    ec_diag_format(&D, &Out);
    return Out.data;
}

static void only_rule(ec_lint_rule_id id)
{
    for (size_t i = 0; i < EC_LINT_NRULES; i++)
        Cfg.on[i] = i == (size_t)id;
}

/* A catalog every default rule accepts. */
#define CLEAN                                                                                   \
    "errcat: 1\n"                                                                               \
    "catalog: {id: shop, title: Shop, version: '1', docs_url: 'https://x.example/e'}\n"         \
    "envelope: {code: code, message: error}\n"                                                  \
    "headers:\n"                                                                                \
    "  Retry-After: {type: seconds}\n"                                                          \
    "retry_policies:\n"                                                                         \
    "  fix: {retry: never, action: fix-request, advice: Fix it.}\n"                             \
    "  wait: {retry: always, delay: {header: Retry-After, default_ms: 1000}, max_attempts: 3, " \
    "advice: Wait.}\n"                                                                          \
    "statuses:\n"                                                                               \
    "  - {status: 400, title: Bad Request, retry: fix}\n"                                       \
    "  - {status: 503, title: Unavailable, retry: wait, headers: [Retry-After]}\n"              \
    "domains:\n"                                                                                \
    "  - id: orders\n"                                                                          \
    "    description: Orders.\n"                                                                \
    "    fallback: {status: 400, message: Order error, description: d, hint: h}\n"              \
    "    codes:\n"
/* CLEAN is 16 lines: codes start on line 17. */

#define GOOD_CODE "      - {code: 1, name: ONE, status: 400, message: One, description: d, hint: h}\n"

static void test_rule_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < EC_LINT_NRULES; i++) {
        const char *id = ec_lint_rules[i].id;
        assert_non_null(id);
        assert_true(strlen(ec_lint_rules[i].summary) > 0);
        assert_ptr_equal(ec_lint_rule_find(id), &ec_lint_rules[i]);
        for (const char *s = id; *s; s++)
            assert_true((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-');
    }
    assert_null(ec_lint_rule_find("no-such-rule"));
    ec_lint_list_rules(&Out);
    assert_non_null(strstr(Out.data, "example-for-code     off  "));
}

static void test_clean(void **state)
{
    (void)state;
    assert_string_equal(lint(CLEAN GOOD_CODE), "");
    assert_int_equal(R->n, 0);
}

static void test_warning_and_fix(void **state)
{
    (void)state;
    assert_string_equal(lint(CLEAN "      - {code: 1, name: OneCode, status: 400, message: One., "
                                   "description: d, hint: h}\n"),
                        "cat.yaml:17:25: warning: name 'OneCode' is not SCREAMING_SNAKE_CASE "
                        "[name-case]\n"
                        "cat.yaml:17:25: note: rename it ONE_CODE, the format's convention (a "
                        "rename breaks generated clients: do it before a release)\n"
                        "cat.yaml:17:56: warning: the message of code 1 (OneCode) ends with a "
                        "period [message-period]\n"
                        "cat.yaml:17:56: note: drop the final period: messages are phrases that "
                        "interfaces show as they are\n");
    assert_int_equal(D.warnings, 2);
}

static void test_disabled_rule(void **state)
{
    (void)state;
    Cfg.on[EC_LINT_NAME_CASE] = false;
    assert_string_equal(lint(CLEAN "      - {code: 1, name: OneCode, status: 400, message: One, "
                                   "description: d, hint: h}\n"),
                        "");
}

/* Rules that are off by default say nothing until enabled. */
static void test_off_by_default(void **state)
{
    (void)state;
    assert_false(Cfg.on[EC_LINT_EXAMPLE_FOR_CODE]);
    assert_string_equal(lint(CLEAN GOOD_CODE), "");
    ec_lint_free(R);
    ec_catalog_free(C);
    ec_diag_free(&D);
    ec_diag_init(&D);
    only_rule(EC_LINT_EXAMPLE_FOR_CODE);
    assert_string_equal(lint(CLEAN GOOD_CODE),
                        "cat.yaml:17:9: warning: code 1 (ONE) has no example [example-for-code]\n"
                        "cat.yaml:17:9: note: add an example response: it shows clients the "
                        "envelope filled in\n");
}

static void test_duplicate_message_points_at_first(void **state)
{
    (void)state;
    only_rule(EC_LINT_DUPLICATE_MESSAGE);
    assert_string_equal(lint(CLEAN GOOD_CODE
                             "      - {code: 2, name: TWO, message: One}\n"
                             "      - {code: 3, name: OLD, message: One, retired: true}\n"),
                        "cat.yaml:18:39: warning: code 2 (TWO) has the same message as code 1 "
                        "(ONE): 'One' [duplicate-message]\n"
                        "cat.yaml:17:52: note: the message of code 1 (ONE)\n"
                        "cat.yaml:18:39: note: say what differs, so that users can tell the "
                        "errors apart\n");
}

/* A code that takes its status's policy is judged through the status. */
static void test_retry_rules_judge_statuses(void **state)
{
    (void)state;
    only_rule(EC_LINT_RETRY_ON_5XX);
    assert_string_equal(lint("errcat: 1\n"
                             "catalog: {id: shop, title: Shop}\n"
                             "statuses:\n"
                             "  - {status: 500, title: Internal}\n"
                             "  - {status: 502, title: Gateway, retry: {retry: never, advice: "
                             "Upstream refused it.}}\n"
                             "domains:\n"
                             "  - id: d\n"
                             "    codes:\n"
                             "      - {code: 1, name: A, status: 500, message: A}\n"
                             "      - {code: 2, name: B, status: 500, message: B, retry: "
                             "{retry: never}}\n"),
                        "cat.yaml:4:14: warning: status 500 is never retried [retry-on-5xx]\n"
                        "cat.yaml:4:14: note: server errors are usually transient: retry maybe, "
                        "or always with a delay and a limit; if it must not be retried, say why "
                        "in the policy's advice\n"
                        "cat.yaml:10:60: warning: code 2 (B) (status 500) is never retried "
                        "[retry-on-5xx]\n"
                        "cat.yaml:10:60: note: server errors are usually transient: retry maybe, "
                        "or always with a delay and a limit; if it must not be retried, say why "
                        "in the policy's advice\n");
}

static void test_policy_rules(void **state)
{
    (void)state;
    only_rule(EC_LINT_DELAY_SOURCE);
    Cfg.on[EC_LINT_RETRY_LIMIT] = true;
    Cfg.on[EC_LINT_RESUBMIT_IDEMPOTENT] = true;
    Cfg.on[EC_LINT_UNUSED_POLICY] = true;
    lint("errcat: 1\n"
         "catalog: {id: shop, title: Shop}\n"
         "retry_policies:\n"
         "  again: {retry: always, action: resubmit-same}\n"
         "  spare: {retry: maybe}\n"
         "statuses:\n"
         "  - {status: 500, title: Internal, retry: again}\n");
    assert_int_equal(R->n, 4);
    assert_int_equal(R->v[0].rule, EC_LINT_DELAY_SOURCE);
    assert_int_equal(R->v[1].rule, EC_LINT_RETRY_LIMIT);
    assert_int_equal(R->v[2].rule, EC_LINT_RESUBMIT_IDEMPOTENT);
    assert_int_equal(R->v[3].rule, EC_LINT_UNUSED_POLICY);
    assert_string_equal(R->v[3].message, "retry policy 'spare' is not used");
}

static void test_catalog_rules(void **state)
{
    (void)state;
    lint("errcat: 1\n"
         "catalog: {id: shop, title: Shop}\n"
         "headers: {X-Id: {}}\n"
         "domains:\n"
         "  - id: d\n");
    const char *want[] = {"the catalog has no docs_url", "the catalog has no version",
                          "header X-Id is declared but no status sends it",
                          "domain d has no description",
                          "domain d has no fallback for codes it does not list",
                          ("the codes of domain d cannot be found in a response: no envelope code "
                           "path")};
    assert_int_equal(R->n, sizeof want / sizeof *want);
    for (size_t i = 0; i < R->n; i++)
        assert_string_equal(R->v[i].message, want[i]);
}

static void test_config_read(void **state)
{
    (void)state;
    static const char text[] = "lint: {disable: [name-case], enable: [example-for-code]}\n";
    ec_arena a;
    ec_arena_init(&a);
    ec_value top;
    assert_true(ec_doc_parse(&a, "c.yaml", text, strlen(text), NULL, &D, &top));
    assert_true(ec_lint_config_read(&Cfg, ec_map_get(&top, "lint"), &D));
    assert_false(Cfg.on[EC_LINT_NAME_CASE]);
    assert_true(Cfg.on[EC_LINT_EXAMPLE_FOR_CODE]);
    assert_true(ec_lint_config_read(&Cfg, NULL, &D)); /* no section: nothing */
    assert_int_equal(D.count, 0);
    ec_arena_free(&a);
}

static void test_config_errors(void **state)
{
    (void)state;
    static const char text[] = "lint: {disable: [name-cas, x], enable: [x, 3], other: 1}\n";
    ec_arena a;
    ec_arena_init(&a);
    ec_value top;
    assert_true(ec_doc_parse(&a, "c.yaml", text, strlen(text), NULL, &D, &top));
    assert_false(ec_lint_config_read(&Cfg, ec_map_get(&top, "lint"), &D));
    ec_diag_format(&D, &Out);
    assert_string_equal(Out.data,
                        "c.yaml:1:18: error: unknown lint rule 'name-cas'; did you mean "
                        "'name-case'?\n"
                        "c.yaml:1:28: error: unknown lint rule 'x' (errcat lint --rules lists "
                        "them)\n"
                        "c.yaml:1:41: error: lint rule 'x' is both enabled and disabled\n"
                        "c.yaml:1:28: note: disabled here\n"
                        "c.yaml:1:41: error: unknown lint rule 'x' (errcat lint --rules lists "
                        "them)\n"
                        "c.yaml:1:44: error: lint 'enable' must be a list of rule ids\n"
                        "c.yaml:1:48: error: unknown key 'other' in lint; expected disable or "
                        "enable\n");
    ec_arena_free(&a);
}

static void test_json(void **state)
{
    (void)state;
    only_rule(EC_LINT_DUPLICATE_MESSAGE);
    lint(CLEAN GOOD_CODE "      - {code: 2, name: TWO, message: One}\n");
    ec_buf_reset(&Out);
    ec_lint_write_json(R, &Out);
    assert_string_equal(Out.data, "[\n"
                                  "  {\n"
                                  "    \"file\": \"cat.yaml\",\n"
                                  "    \"line\": 18,\n"
                                  "    \"col\": 39,\n"
                                  "    \"rule\": \"duplicate-message\",\n"
                                  "    \"message\": \"code 2 (TWO) has the same message as code 1 "
                                  "(ONE): 'One'\",\n"
                                  "    \"fix\": \"say what differs, so that users can tell the "
                                  "errors apart\",\n"
                                  "    \"related\": {\n"
                                  "      \"file\": \"cat.yaml\",\n"
                                  "      \"line\": 17,\n"
                                  "      \"col\": 52,\n"
                                  "      \"message\": \"the message of code 1 (ONE)\"\n"
                                  "    }\n"
                                  "  }\n"
                                  "]\n");
}

/* Findings come in source order whatever the order of the rules. */
static void test_sorted(void **state)
{
    (void)state;
    lint(CLEAN "      - {code: 1, name: one, status: 400, message: One, description: d, hint: h}\n"
               "      - {code: 2, name: TWO, message: Two., description: d}\n");
    assert_true(R->n >= 3);
    for (size_t i = 1; i < R->n; i++)
        assert_true(R->v[i - 1].at.line < R->v[i].at.line ||
                    (R->v[i - 1].at.line == R->v[i].at.line &&
                     R->v[i - 1].at.col <= R->v[i].at.col));
}

/* spec/errcat.schema.json lists the rule ids for editors: the same ids, in
** the same order. Skipped until the schema has them (and when the test does
** not run from the repository's root). */
static void test_schema_lists_rules(void **state)
{
    (void)state;
    static const char path[] = "spec/errcat.schema.json";
    FILE *f = fopen(path, "rb");
    if (!f)
        skip();
    fclose(f);
    size_t len;
    char *text = ec_read_file(path, EC_MAX_INPUT_BYTES, &len, (ec_loc){NULL, 0, 0}, &D);
    assert_non_null(text);
    ec_arena a;
    ec_arena_init(&a);
    ec_value top;
    assert_true(ec_doc_parse(&a, path, text, len, NULL, &D, &top));
    free(text);
    const ec_value *rule = ec_map_get(ec_map_get(&top, "$defs"), "lint_rule");
    const ec_value *ids = rule ? ec_map_get(rule, "enum") : NULL;
    if (!ids) {
        ec_arena_free(&a);
        skip();
    }
    assert_int_equal(ids->kind, EC_VLIST);
    assert_int_equal(ids->len, EC_LINT_NRULES);
    for (size_t i = 0; i < EC_LINT_NRULES; i++)
        assert_string_equal(ids->u.items[i].u.s, ec_lint_rules[i].id);
    ec_arena_free(&a);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_rule_table),
        T(test_clean),
        T(test_warning_and_fix),
        T(test_disabled_rule),
        T(test_off_by_default),
        T(test_duplicate_message_points_at_first),
        T(test_retry_rules_judge_statuses),
        T(test_policy_rules),
        T(test_catalog_rules),
        T(test_config_read),
        T(test_config_errors),
        T(test_json),
        T(test_sorted),
        T(test_schema_lists_rules),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
