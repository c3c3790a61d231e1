/* buf.h: growable byte buffer, always NUL-terminated. */
#ifndef EC_BUF_H
#define EC_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ec_buf {
    char *data; /* never NULL after ec_buf_init; data[len] == '\0' */
    size_t len, cap;
} ec_buf;

void ec_buf_init(ec_buf *b);
void ec_buf_free(ec_buf *b);
void ec_buf_reset(ec_buf *b);
void ec_buf_reserve(ec_buf *b, size_t extra);
void ec_buf_put(ec_buf *b, const char *s, size_t n);
void ec_buf_puts(ec_buf *b, const char *s);
void ec_buf_putc(ec_buf *b, char c);
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
/* Hands the bytes to the caller (free() them) and leaves 'b' empty. */
char *ec_buf_detach(ec_buf *b, size_t *len);

#endif
