/* classify_edges.c: what the conformance vectors cannot send, for the
** generated C's swap_classify (spec/swap.yaml): bodies that are not strict
** JSON count as none, escapes are decoded where they are compared, a key sent
** twice counts last, nesting stops at 64, and no read goes past body_len.
** Built with out/swap/c/swap_errors.c; exits non-zero on a failure. */
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
    printf("classify edges: %d passed, %d failed\n", checks - failures, failures);
    return failures != 0;
}
