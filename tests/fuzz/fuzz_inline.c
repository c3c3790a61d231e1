/* fuzz_inline.c: libFuzzer harness for catalog prose (gen/inline.c): any
** text renders in the three forms without a crash, and the HTML holds no
** element but the subset's (balanced), and no link to a scheme other than
** http or https. */
#include "inline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The elements the HTML may hold: what each opens (+1) or closes (-1). */
static const struct {
    const char *tag;
    int kind, delta;
} tags[] = {
    {"<code>", 0, 1},  {"</code>", 0, -1},   {"<em>", 1, 1},     {"</em>", 1, -1},
    {"<strong>", 2, 1}, {"</strong>", 2, -1}, {"<a href=\"", 3, 1}, {"</a>", 3, -1},
};

static void check_html(const char *h, size_t n)
{
    int depth[4] = {0};
    for (const char *p = memchr(h, '<', n); p; p = memchr(p + 1, '<', n - (size_t)(p + 1 - h))) {
        size_t k = 0, left = n - (size_t)(p - h);
        while (k < sizeof tags / sizeof *tags &&
               (strlen(tags[k].tag) > left || memcmp(p, tags[k].tag, strlen(tags[k].tag)) != 0))
            k++;
        if (k == sizeof tags / sizeof *tags)
            abort(); /* an element the subset does not write */
        if ((depth[tags[k].kind] += tags[k].delta) < 0)
            abort();
        if (tags[k].kind == 3 && tags[k].delta == 1) {
            const char *url = p + strlen(tags[k].tag);
            const char *end = memchr(url, '"', n - (size_t)(url - h));
            if (!end || !ec_inline_url_allowed(url, (size_t)(end - url)))
                abort();
            for (const char *c = url; c < end; c++)
                if ((unsigned char)*c <= ' ' || *c == '<' || *c == '>' || *c == '\'')
                    abort(); /* percent-encoded or escaped, always */
        }
    }
    for (int k = 0; k < 4; k++)
        if (depth[k])
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    ec_buf b;
    ec_buf_init(&b);
    ec_inline_html(&b, s, size);
    check_html(b.data, b.len);
    ec_buf_reset(&b);
    ec_inline_markdown(&b, s, size);
    ec_buf_reset(&b);
    ec_inline_plain(&b, s, size);
    ec_buf_free(&b);
    return 0;
}
