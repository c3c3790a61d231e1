/* buf.c: growable byte buffer. */
#include "buf.h"

#include "alloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char empty[1];

void ec_buf_init(ec_buf *b)
{
    memset(b, 0, sizeof *b);
    b->data = empty;
}

void ec_buf_free(ec_buf *b)
{
    if (b->cap)
        free(b->data);
    ec_buf_init(b);
}

void ec_buf_reset(ec_buf *b)
{
    b->len = 0;
    if (b->cap)
        b->data[0] = '\0';
}

void ec_buf_reserve(ec_buf *b, size_t extra)
{
    if (b->cap - b->len > extra)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap - b->len <= extra) {
        if (cap > SIZE_MAX / 2)
            ec_oom();
        cap *= 2;
    }
    b->data = b->cap ? ec_xrealloc(b->data, cap) : ec_xmalloc(cap);
    if (!b->cap)
        b->data[0] = '\0';
    b->cap = cap;
}

/* One pass when the text fits in the room left, as it mostly does. */
void ec_buf_vprintf(ec_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    size_t room = b->cap - b->len;
    int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
    if (n < 0)
        ec_oom();
    if ((size_t)n >= room) {
        ec_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    }
    va_end(ap2);
    b->len += (size_t)n;
}

void ec_buf_printf(ec_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ec_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *ec_buf_detach(ec_buf *b, size_t *len)
{
    char *p = b->cap ? b->data : ec_xmalloc(1);
    if (!b->cap)
        p[0] = '\0';
    if (len)
        *len = b->len;
    ec_buf_init(b);
    return p;
}

void ec_buf_spill(ec_buf *b)
{
    if (!b->spill || b->len < EC_BUF_SPILL)
        return;
    b->spill(b->spill_ud, b->data, b->len);
    b->spilled += b->len;
    b->last = b->data[b->len - 1];
    ec_buf_reset(b);
}

size_t ec_buf_pos(const ec_buf *b)
{
    return b->spilled + b->len;
}

int ec_buf_last(const ec_buf *b)
{
    return b->len ? (unsigned char)b->data[b->len - 1]
                  : b->spilled ? (unsigned char)b->last : -1;
}
