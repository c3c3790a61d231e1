/* fuzz_classify.c: libFuzzer harness for the generated C's <id>_classify
** (built per catalog with -DCAT=<id> -DCATU=<ID> -include <id>_errors.h):
** arbitrary headers and bodies must read without a crash, a read past the
** body, undefined behaviour, a span outside the body or an echoed header
** value that the headers did not give.
** With -DLOCALES (a catalog with locales) it checks classify_message_in.
** Input: two bytes of status, one of attempt (its low 3 bits; the others,
** less 2, are the locale asked for), then header lines "Name: value" up to
** an empty line, then the body (the input's last bytes, so that
** AddressSanitizer sees any read past its end). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PASTE2(a, b) a##_##b
#define PASTE(a, b) PASTE2(a, b)
#define F(x) PASTE(CAT, x)  /* swap_classify */
#define K(x) PASTE(CATU, x) /* K(MATCH_NONE) */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_HEADERS = 8 };

static void within(F(span) s, const char *body, size_t len)
{
    if (s.data && (!body || s.data < body || s.len > len || (size_t)(s.data - body) > len - s.len))
        abort();
}

/* Writes with a buffer of every small size and a large one: the same length,
** NUL-terminated, never past the size (a \u0000 in the text writes a NUL
** byte, so the text may hold one before the end). */
static void sizes(size_t (*write)(const F(classification) *, char *, size_t),
                  const F(classification) *r)
{
    char big[1 << 16];
    size_t n = write(r, big, sizeof big);
    if (n < sizeof big && big[n] != '\0')
        abort();
    for (size_t size = 0; size < 4; size++) {
        char *small = size ? malloc(size) : NULL;
        if (write(r, small, size) != n || (size && small[n < size ? n : size - 1] != '\0'))
            abort();
        free(small);
    }
}

#ifdef LOCALES
/* The locale classify_message_in is asked for: any, out of range too. */
static int locale;

/* <id>_classify_message_in, whose locale must be one of the catalog's, or
** -1 exactly when the message is not the entry's. */
static size_t message_in(const F(classification) * r, char *buf, size_t size)
{
    int in = -2;
    size_t n = F(classify_message_in)(r, locale, buf, size, &in);
    if (in < -1 || in >= K(NLOCALES) || (in == -1) != (r->message.data || !r->entry))
        abort();
    return n;
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    int status = data[0] | (data[1] & 1) << 8;
    int attempt = data[2] % 8;
    const char *p = (const char *)data + 3, *end = (const char *)data + size;
    static char text[4096];
    F(header) h[MAX_HEADERS];
    size_t nh = 0, used = 0;
    while (p < end && *p != '\n') { /* header lines, copied NUL-terminated */
        const char *eol = memchr(p, '\n', (size_t)(end - p)), *colon;
        size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);
        colon = memchr(p, ':', n);
        if (colon && nh < MAX_HEADERS && used + n + 2 <= sizeof text) {
            size_t k = (size_t)(colon - p);
            h[nh].name = memcpy(text + used, p, k);
            text[used + k] = '\0';
            h[nh].value = memcpy(text + used + k + 1, colon + 1, n - k - 1);
            text[used + n] = '\0';
            used += n + 1;
            nh++;
        }
        p += n + (eol != NULL);
    }
    if (p < end)
        p++; /* the empty line */
    const char *body = p < end ? p : NULL;
    size_t len = (size_t)(end - p);
    F(classification) r;
    F(classify)(status, h, nh, body, len, attempt, 1765000000, &r);
    if ((r.match == K(MATCH_NONE)) != (r.entry == NULL))
        abort();
    within(r.code, body, len);
    within(r.message, body, len);
    within(r.details, body, len);
    sizes(F(classify_message), &r);
    sizes(F(classify_code), &r);
#ifdef LOCALES
    locale = data[2] / 8 - 2;
    sizes(message_in, &r);
#endif
    const char *path;
    F(span) v;
    for (size_t i = 0; F(classify_echo)(&r, i, &path, &v); i++)
        within(v, body, len);
    /* The other domains' codes: spans into the body, each spelt whole. */
    if (r.nalso > K(MAX_ALSO))
        abort();
    for (size_t i = 0; i < r.nalso; i++) {
        char code[8], all[1 << 16];
        if (!r.also[i].entry || !r.also[i].code.data ||
            (r.also[i].match != K(MATCH_CODE) && r.also[i].match != K(MATCH_FALLBACK)))
            abort();
        within(r.also[i].code, body, len);
        size_t n = F(also_code)(&r.also[i], code, sizeof code);
        if (F(also_code)(&r.also[i], all, sizeof all) != n || strncmp(code, all, sizeof code - 1) != 0)
            abort();
    }
    /* Echoed headers: values that the headers gave. */
    if (r.necho_headers > K(MAX_ECHO_HEADERS))
        abort();
    for (size_t i = 0; i < r.necho_headers; i++) {
        size_t j = 0;
        while (j < nh && h[j].value != r.echo_headers[i].value)
            j++;
        if (j == nh || !r.echo_headers[i].name)
            abort();
    }
    char buf[64];
    F(unescape)(r.message, buf, sizeof buf);
    if (r.decision.delay_ms < 0 || r.decision.delay_ms > 2147483647)
        abort();
    return 0;
}
