/* buf.h: growable byte buffer, always NUL-terminated. */
#ifndef EC_BUF_H
#define EC_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct ec_buf {
    char *data; /* never NULL after ec_buf_init; data[len] == '\0' */
    size_t len, cap;
    /* Output too large to hold: see ec_buf_spill. */
    void (*spill)(void *ud, const char *data, size_t n);
    void *spill_ud;
    size_t spilled; /* bytes handed to 'spill' */
    char last;      /* the last of them */
} ec_buf;

void ec_buf_init(ec_buf *b);
void ec_buf_free(ec_buf *b);
void ec_buf_reset(ec_buf *b);
/* Makes room for 'extra' more bytes (and the NUL after them). */
void ec_buf_reserve(ec_buf *b, size_t extra);
static inline void ec_buf_put(ec_buf *b, const char *s, size_t n);
static inline void ec_buf_puts(ec_buf *b, const char *s);
static inline void ec_buf_putc(ec_buf *b, char c);
void ec_buf_printf(ec_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void ec_buf_vprintf(ec_buf *b, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;
/* When 'b' has a spill function and holds at least EC_BUF_SPILL bytes,
** hands them to it and empties 'b'. Writers call this where they are not
** about to look back at what they wrote, between the items of a long
** list; ec_buf_pos and ec_buf_last still see the bytes spilled. */
#define EC_BUF_SPILL ((size_t)1 << 20)
void ec_buf_spill(ec_buf *b);
size_t ec_buf_pos(const ec_buf *b); /* bytes written, spilled or not */
int ec_buf_last(const ec_buf *b);   /* the last byte written, or -1 */

/* Hands the bytes to the caller (free() them) and leaves 'b' empty. */
char *ec_buf_detach(ec_buf *b, size_t *len);

/* Writers put a few bytes at a time, so the puts are inline and only
** growing the buffer is a call. */
static inline void ec_buf_put(ec_buf *b, const char *s, size_t n)
{
    if (!n)
        return;
    if (b->cap - b->len <= n)
        ec_buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void ec_buf_puts(ec_buf *b, const char *s)
{
    ec_buf_put(b, s, strlen(s));
}

static inline void ec_buf_putc(ec_buf *b, char c)
{
    if (b->cap - b->len <= 1)
        ec_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

#endif
