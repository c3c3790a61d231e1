/* fuzz_produce.c: libFuzzer harness for the generated C's <id>_produce and
** <id>_produce_echo (built per catalog with -DCAT=<id> -include
** <id>_errors.h): any entry, form, clock, argument text and echo fields
** must give, without a crash,
** undefined behaviour or a write past the buffer, either nothing (0 and "")
** or an HTTP/1.1 response whose Content-Length is its body's, written as
** snprintf writes at every size; and <id>_classify must read it back.
** Input: two bytes of entry number, one of form, one of options (bit 0: an
** instance; bits 1-3: a details text), eight of now (seconds since 1970),
** then NUL-separated texts: the instance, one argument per placeholder of
** the entry (a wrong count when too few), then echo names and values in
** turn. A name of the entry's echo fields is seeded and in the dictionary;
** an echo value that the envelope would read as JSON is given as such. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PASTE2(a, b) a##_##b
#define PASTE(a, b) PASTE2(a, b)
#define F(x) PASTE(CAT, x) /* swap_produce */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_ARGS = 16, MAX_HEADERS = 24, MAX_ECHO = 8 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const details[] = {NULL, "{}", "[1,2]", "\"x\"", "null", "{\"a\":{\"b\":[true]}}", NULL, NULL};
    if (size < 12 || F(entry_count) == 0)
        return 0;
    const F(entry) *e = F(entry_at)((size_t)(data[0] | data[1] << 8) % F(entry_count));
    F(form) form = (F(form))(data[2] % 3);
    const char *instance = NULL, *det = details[data[3] >> 1 & 7];
    uint64_t now = 0;
    for (int i = 0; i < 8; i++)
        now = now << 8 | data[4 + i];
    /* The texts, each copied NUL-terminated. */
    static char text[1 << 16];
    size_t len = size - 12 < sizeof text - 1 ? size - 12 : sizeof text - 1;
    memcpy(text, data + 12, len);
    text[len] = '\0';
    const char *args[MAX_ARGS];
    size_t nargs = 0, nparams = F(entry_param_count)(e), necho = 0;
    F(header) echo[MAX_ECHO];
    const char *name = NULL;
    for (size_t at = 0; at <= len;) {
        const char *piece = text + at;
        if (at == 0 && (data[3] & 1))
            instance = piece;
        else if (at > 0 && nargs < nparams && nargs < MAX_ARGS)
            args[nargs++] = piece;
        else if (at > 0 && !name)
            name = piece;
        else if (at > 0 && necho < MAX_ECHO) {
            echo[necho].name = name;
            echo[necho++].value = piece;
            name = NULL;
        }
        at += strlen(piece) + 1;
    }
    const int64_t now_s = (int64_t)now;
#define PRODUCE(buf, size)                                                                                   \
    (necho ? F(produce_echo)(e, args, nargs, form, instance, det, echo, necho, now_s, buf, size)             \
           : F(produce)(e, args, nargs, form, instance, det, now_s, buf, size))
    size_t n = PRODUCE(NULL, 0);
    char *out = malloc(n + 1);
    if (!out || PRODUCE(out, n + 1) != n || out[n] != '\0' || strlen(out) != n)
        abort();
    if (n == 0) {
        free(out);
        return 0;
    }
    /* Cut at every size up to 32 and the last few, each buffer its size
    ** (tests/c/conformance.c cuts the vectors' responses at every size). */
    for (size_t cut = 0; cut <= n; cut = cut < 32 || cut + 4 >= n ? cut + 1 : n - 4) {
        char *small = cut ? malloc(cut) : NULL;
        if ((cut && !small) || PRODUCE(small, cut) != n ||
            (cut && (memcmp(small, out, cut - 1) != 0 || small[cut - 1] != '\0')))
            abort();
        free(small);
    }
    /* An HTTP/1.1 response: status line, headers, blank line, body. */
    char *end = strstr(out, "\r\n\r\n");
    if (strncmp(out, "HTTP/1.1 ", 9) != 0 || !end)
        abort();
    int status = atoi(out + 9);
    const char *body = end + 4;
    size_t body_len = n - (size_t)(body - out);
    *end = '\0';
    F(header) h[MAX_HEADERS];
    size_t nh = 0;
    long length = -1;
    for (char *line = strstr(out, "\r\n"); line && nh < MAX_HEADERS;) {
        char *name = line + 2, *colon = strstr(name, ": ");
        line = strstr(name, "\r\n");
        if (line)
            *line = '\0';
        if (!colon)
            abort();
        *colon = '\0';
        if (strcmp(name, "Content-Length") == 0)
            length = strtol(colon + 2, NULL, 10);
        h[nh].name = name;
        h[nh++].value = colon + 2;
    }
    if (length < 0 || (size_t)length != body_len || nh == MAX_HEADERS)
        abort();
    /* Read back, from a copy of its own size (a read past it shows). */
    char *copy = malloc(body_len ? body_len : 1);
    if (!copy)
        abort();
    memcpy(copy, body, body_len);
    F(classification) r;
    F(classify)(status, h, nh, copy, body_len, 1, now_s, &r);
    free(copy);
    free(out);
    return 0;
}
