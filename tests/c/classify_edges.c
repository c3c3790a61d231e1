/* classify_edges.c: what the conformance vectors cannot send, for the
** generated C's swap_classify (spec/swap.yaml): bodies that are not strict
** JSON count as none, escapes are decoded where they are compared, a key sent
** twice counts last, nesting stops at 64, and no read goes past body_len;
** and for github_classify (tests/golden/github): paths with [*] through
** arrays of any values, placeholders filled from the body by the type of
** the value, and header conditions on values that are not whole numbers.
** Built with out/swap/c/swap_errors.c and the golden github_errors.c; exits
** non-zero on a failure. */
#include "github_errors.h"
#include "swap_errors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures, checks;

/* Classifies 'body' (its strlen, or 'len' bytes when len is not 0) as a
** status 418 response, which swap does not list. */
static swap_classification run(const char *body, size_t len)
{
    swap_classification r;
    size_t n = len ? len : strlen(body);
    char *copy = malloc(n ? n : 1); /* exactly n bytes: ASan sees a read past them */
    memcpy(copy, body, n);
    swap_classify(418, NULL, 0, copy, n, 1, 0, &r);
    static char keep[1 << 16]; /* the spans point into the body */
    memcpy(keep, copy, n);
    if (r.code.data)
        r.code.data = keep + (r.code.data - copy);
    if (r.message.data)
        r.message.data = keep + (r.message.data - copy);
    if (r.details.data)
        r.details.data = keep + (r.details.data - copy);
    r.body = NULL;
    free(copy);
    return r;
}

static void expect(const char *what, const char *body, size_t len, const char *code, const char *message)
{
    swap_classification r = run(body, len);
    char got_code[256], got_message[256];
    swap_classify_code(&r, got_code, sizeof got_code);
    swap_classify_message(&r, got_message, sizeof got_message);
    checks++;
    if (strcmp(got_code, code) != 0 || strcmp(got_message, message) != 0) {
        failures++;
        fprintf(stderr, "FAIL %s: code '%s' (want '%s'), message '%s' (want '%s')\n", what, got_code,
                code, got_message, message);
    }
}

/* Classifies 'body' as a github response of 'status' with the header
** x-ratelimit-remaining 'remaining' (none when NULL), and checks its code,
** message and whether it is retried. */
static void github(const char *what, int status, const char *remaining, const char *body,
                   const char *code, const char *message, bool retry)
{
    github_header h[] = {{"x-ratelimit-remaining", remaining}, {"x-ratelimit-reset", "1765000090"}};
    size_t n = strlen(body);
    char *copy = malloc(n ? n : 1), got_code[256], got_message[256];
    memcpy(copy, body, n);
    github_classification r;
    github_classify(status, remaining ? h : h + 1, remaining ? 2 : 1, copy, n, 1, 1765000000, &r);
    github_classify_code(&r, got_code, sizeof got_code);
    github_classify_message(&r, got_message, sizeof got_message);
    free(copy);
    checks++;
    if (strcmp(got_code, code) != 0 || strcmp(got_message, message) != 0 || r.decision.retry != retry) {
        failures++;
        fprintf(stderr, "FAIL github %s: code '%s' (want '%s'), message '%s' (want '%s'), retry %d\n",
                what, got_code, code, got_message, message, r.decision.retry);
    }
}

static void github_edges(void)
{
    github("[*] skips what has no code", 422, NULL,
           "{\"errors\": [1, null, [], {\"resource\": \"Label\"}, {\"code\": \"missing\", \"resource\": \"Issue\"}]}",
           "missing", "Label does not exist", false);
    github("[*] over an object reads nothing", 422, NULL, "{\"errors\": {\"code\": \"missing\"}}", "",
           "Unprocessable Entity", false);
    github("[*] over an empty array", 422, NULL, "{\"errors\": []}", "", "Unprocessable Entity", false);
    github("a key twice in an element counts last", 422, NULL,
           "{\"errors\": [{\"code\": \"nope\", \"code\": \"missing\", \"resource\": \"A\"}]}", "missing",
           "A does not exist", false);
    github("an escaped value", 422, NULL,
           "{\"errors\": [{\"code\": \"missing\", \"resource\": \"Is\\u0073ue \\\"1\\\"\"}]}", "missing",
           "Issue \"1\" does not exist", false);
    github("an integer value", 422, NULL, "{\"errors\": [{\"code\": \"missing\", \"resource\": -0}]}",
           "missing", "0 does not exist", false);
    github("a boolean value", 422, NULL, "{\"errors\": [{\"code\": \"missing\", \"resource\": false}]}",
           "missing", "false does not exist", false);
    github("a fraction stays a placeholder", 422, NULL,
           "{\"errors\": [{\"code\": \"missing\", \"resource\": 1.0}]}", "missing", "${resource} does not exist",
           false);
    github("null stays a placeholder", 422, NULL, "{\"errors\": [{\"code\": \"missing\", \"resource\": null}]}",
           "missing", "${resource} does not exist", false);
    github("an object stays a placeholder", 422, NULL,
           "{\"errors\": [{\"code\": \"missing\", \"resource\": {}}]}", "missing", "${resource} does not exist",
           false);
    github("a fallback's code and a placeholder", 422, NULL, "{\"errors\": [{\"code\": \"gone\"}]}", "gone",
           "Validation failed (gone)", false);
    /* 403: a refusal, unless x-ratelimit-remaining is a whole number <= 0. */
    github("remaining 0", 403, "0", "{}", "", "Forbidden", true);
    github("remaining -5 with blanks", 403, " \t-5 ", "{}", "", "Forbidden", true);
    github("remaining 18 zeros", 403, "000000000000000000", "{}", "", "Forbidden", true);
    github("remaining 19 zeros", 403, "0000000000000000000", "{}", "", "Forbidden", false);
    github("remaining +0", 403, "+0", "{}", "", "Forbidden", false);
    github("remaining 0x0", 403, "0x0", "{}", "", "Forbidden", false);
    github("remaining -", 403, "-", "{}", "", "Forbidden", false);
    github("remaining empty", 403, "", "{}", "", "Forbidden", false);
    github("remaining 1", 403, "1", "{}", "", "Forbidden", false);
    github("no remaining", 403, NULL, "{}", "", "Forbidden", false);
}

int main(void)
{
    expect("a known code", "{\"code\": \"QUOTE_EXPIRED\"}", 0, "QUOTE_EXPIRED", "Quote expired");
    expect("the body's message", "{\"code\": \"QUOTE_EXPIRED\", \"error\": \"a\\u00e9\\n\\ud83d\\ude00\"}", 0,
           "QUOTE_EXPIRED", "a\xc3\xa9\n\xf0\x9f\x98\x80");
    expect("an escaped code", "{\"code\": \"QUOTE\\u005fEXPIRED\"}", 0, "QUOTE_EXPIRED", "Quote expired");
    expect("an escaped key", "{\"\\u0063ode\": \"QUOTE_EXPIRED\"}", 0, "QUOTE_EXPIRED", "Quote expired");
    expect("a key twice counts last", "{\"code\": \"NO_SUCH\", \"code\": \"QUOTE_EXPIRED\"}", 0,
           "QUOTE_EXPIRED", "Quote expired");
    expect("blanks around", " \t\r\n{ \"code\" : \"QUOTE_EXPIRED\" } \n", 0, "QUOTE_EXPIRED", "Quote expired");
    /* Not JSON: the body counts as none (the status 418 is not in swap). */
    expect("a trailing comma", "{\"code\": \"QUOTE_EXPIRED\",}", 0, "", "");
    expect("two values", "{\"code\": \"QUOTE_EXPIRED\"} {}", 0, "", "");
    expect("a lone surrogate", "{\"code\": \"QUOTE_EXPIRED\", \"x\": \"\\ud800\"}", 0, "", "");
    expect("a low surrogate first", "{\"code\": \"QUOTE_EXPIRED\", \"x\": \"\\udc00\\ud800\"}", 0, "", "");
    expect("an overlong UTF-8", "{\"code\": \"QUOTE_EXPIRED\", \"x\": \"\xc0\xaf\"}", 0, "", "");
    expect("a UTF-8 surrogate", "{\"code\": \"QUOTE_EXPIRED\", \"x\": \"\xed\xa0\x80\"}", 0, "", "");
    expect("past U+10FFFF", "{\"code\": \"QUOTE_EXPIRED\", \"x\": \"\xf4\x90\x80\x80\"}", 0, "", "");
    expect("a control character", "{\"code\": \"QUOTE_EXPIRED\", \"x\": \"\x01\"}", 0, "", "");
    expect("a bad escape", "{\"code\": \"QUOTE_EXPIRED\", \"x\": \"\\a\"}", 0, "", "");
    expect("a leading zero", "{\"code\": \"QUOTE_EXPIRED\", \"x\": 01}", 0, "", "");
    expect("numbers", "{\"code\": \"QUOTE_EXPIRED\", \"x\": [0, -0.5e+3, 10, 1E2]}", 0, "QUOTE_EXPIRED",
           "Quote expired");
    expect("a bare minus", "{\"code\": \"QUOTE_EXPIRED\", \"x\": -}", 0, "", "");
    expect("cut short", "{\"code\": \"QUOTE_EXPIRED\"}", 24, "", "");
    expect("a NUL inside", "{\"code\": \"QUOTE_EXPIRED\"}\0", 26, "", "");
    /* 64 levels of nesting read; 65 do not. */
    {
        char body[300];
        size_t n = 0;
        body[n++] = '{';
        memcpy(body + n, "\"code\": \"QUOTE_EXPIRED\", \"x\": ", 30);
        n += 30;
        memset(body + n, '[', 63), n += 63;
        memset(body + n, ']', 63), n += 63;
        body[n++] = '}';
        expect("64 levels", body, n, "QUOTE_EXPIRED", "Quote expired");
        memmove(body + 32, body + 31, n - 31), body[31] = '[', n++;
        memmove(body + n - 1, body + n - 2, 2), body[n - 2] = ']', n++;
        expect("65 levels", body, n, "", "");
    }
    github_edges();
    printf("classify edges: %d passed, %d failed\n", checks - failures, failures);
    return failures != 0;
}
