/* escape.c: the escaping machinery. The string-literal languages share one
** loop driven by a table per language (an ec_literal: what each ASCII byte
** becomes, how the language spells a byte or a code point numerically), and
** their comments another; the tables are in gen/lang_<name>.c. */
#include "escape.h"

#include "lang.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Code points that compilers and formatters treat as more than text: line
** separators (U+0085, U+2028, U+2029: line breaks to JavaScript, black and
** YAML), bidirectional controls (gcc and rustc refuse them: "Trojan
** Source") and the byte order mark (go refuses it). */
static bool troublemaker(uint32_t cp)
{
    return cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0x061c || cp == 0x200e ||
           cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0xfeff;
}

static const char hex[] = "0123456789abcdef";

static void put_num(ec_buf *out, ec_numfmt f, uint32_t v)
{
    char tmp[16];
    size_t n = 0;
    tmp[n++] = '\\';
    switch (f) {
    case EC_NUM_OCT3:
        tmp[n++] = (char)('0' + ((v >> 6) & 7));
        tmp[n++] = (char)('0' + ((v >> 3) & 7));
        tmp[n++] = (char)('0' + (v & 7));
        break;
    case EC_NUM_X2:
        tmp[n++] = 'x';
        tmp[n++] = hex[(v >> 4) & 15];
        tmp[n++] = hex[v & 15];
        break;
    case EC_NUM_U4:
        tmp[n++] = 'u';
        for (int sh = 12; sh >= 0; sh -= 4)
            tmp[n++] = hex[(v >> sh) & 15];
        break;
    case EC_NUM_UBRACE: {
        tmp[n++] = 'u';
        tmp[n++] = '{';
        int sh = 20;
        while (sh > 0 && !((v >> sh) & 15))
            sh -= 4;
        for (; sh >= 0; sh -= 4)
            tmp[n++] = hex[(v >> sh) & 15];
        tmp[n++] = '}';
        break;
    }
    case EC_NUM_NONE: return;
    }
    ec_buf_put(out, tmp, n);
}

/* Length of the well-formed UTF-8 sequence at 's' (RFC 3629: no overlongs,
** no surrogates, nothing past U+10FFFF), or 0. Sets '*cp'. */
size_t ec_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t k;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
        k = 2, v = c & 0x1f, min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        k = 3, v = c & 0x0f, min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        k = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < k)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        v = v << 6 | (s[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return k;
}

/* Writes code point 'cp' the way 'L' spells one, else (for a troublemaker)
** its bytes the way 'L' spells a byte, else its UTF-8 bytes. */
static void put_code_point(ec_buf *out, const ec_literal *L, uint32_t cp, const char *raw, size_t k)
{
    if (L->uni != EC_NUM_NONE) {
        put_num(out, L->uni, cp);
    } else if (L->byte != EC_NUM_NONE && L->seps && troublemaker(cp)) {
        for (size_t i = 0; i < k; i++)
            put_num(out, L->byte, (unsigned char)raw[i]);
    } else {
        ec_buf_put(out, raw, k);
    }
}

/* The printable ASCII whose escape may depend on its neighbours ('*' is not
** one: the '/' beside it is). */
#define BIT(c) ((uint64_t)1 << ((c) & 63))
static const uint64_t special_lo = BIT('\'') | BIT('/') | BIT('?'); /* 0x20-0x3f */
static const uint64_t special_hi = BIT('`') | BIT('~');             /* 0x40-0x7e */
#undef BIT

/* A byte that 'L' copies as it is, wherever it stands (but for a blank
** that starts the text: see lead_blank). */
static bool plain_byte(const ec_literal *L, unsigned char c)
{
    if (c < 0x20 || c >= 0x7f || L->ascii[c])
        return false;
    return !((c < 0x40 ? special_lo : special_hi) >> (c & 63) & 1);
}

/* The shared loop of the string-literal languages. Bytes that need no
** escape are copied in runs, not one by one, and the common ones are
** skipped without asking about their neighbours. */
void ec_escape_literal(const ec_literal *L, ec_buf *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0; /* start of the bytes not yet copied */
    ec_buf_reserve(out, n);
    for (size_t i = 0; i < n;) {
        if (i) {
            while (i < n && plain_byte(L, u[i]))
                i++;
            if (i == n)
                break;
        }
        unsigned char c = u[i];
        uint32_t cp = c;
        size_t k = 1;
        bool plain;
        if (c < 0x80) {
            /* For C: a '?' beside another could be part of a trigraph. */
            bool qq = (i + 1 < n && u[i + 1] == '?') || (i && u[i - 1] == '?');
            bool star = (i + 1 < n && u[i + 1] == '*') || (i && u[i - 1] == '*');
            bool twin = (c == '\'' || c == '`' || c == '~') &&
                        ((i + 1 < n && u[i + 1] == c) || (i && u[i - 1] == c));
            plain = !(i == 0 && c == ' ' && L->lead_blank != EC_NUM_NONE) && !L->ascii[c] &&
                    !((c < 0x20 || c == 0x7f) && L->ctl != EC_NUM_NONE) &&
                    !(c == '?' && L->trigraphs && qq) &&
                    !(c == '/' && L->slash != EC_NUM_NONE && star) &&
                    !(twin && L->quote2 != EC_NUM_NONE);
        } else {
            k = ec_utf8_seq(u + i, n - i, &cp);
            plain = k && !(L->seps && troublemaker(cp));
        }
        if (plain) {
            i += k;
            continue;
        }
        ec_buf_put(out, s + run, i - run);
        if (!k) {
            /* Not UTF-8: the byte itself where the language can say it. */
            if (L->byte != EC_NUM_NONE)
                put_num(out, L->byte, c);
            else
                put_code_point(out, L, 0xfffd, EC_REPLACEMENT, 3);
            k = 1;
        } else if (c >= 0x80) {
            put_code_point(out, L, cp, s + i, k);
        } else if (L->ascii[c]) {
            ec_buf_puts(out, L->ascii[c]);
        } else if (c == '?') {
            ec_buf_put(out, "\\?", 2);
        } else if (c == '/') {
            put_num(out, L->slash, c);
        } else if (c == '\'' || c == '`' || c == '~') {
            put_num(out, L->quote2, c);
        } else if (c == ' ') {
            put_num(out, L->lead_blank, c);
        } else {
            put_num(out, L->ctl, c);
        }
        i += k;
        run = i;
    }
    ec_buf_put(out, s + run, n - run);
}

void ec_escape_none(ec_buf *out, const char *s, size_t n)
{
    ec_buf_put(out, s, n);
}

/* Length of the line break at 's' (LF, CR LF, lone CR), or 0. */
size_t ec_line_break(const char *s, size_t n)
{
    if (s[0] == '\n')
        return 1;
    if (s[0] == '\r')
        return n > 1 && s[1] == '\n' ? 2 : 1;
    return 0;
}

void ec_escape_comment(ec_buf *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    ec_buf_reserve(out, n);
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        uint32_t cp;
        size_t k = ec_utf8_seq(u + i, n - i, &cp);
        size_t nl = ec_line_break(s + i, n - i);
        if (nl) {
            ec_buf_putc(out, ' ');
            i += nl;
        } else if (!k) {
            ec_buf_put(out, EC_REPLACEMENT, 3);
            i++;
        } else if (cp == 0x2028 || cp == 0x2029 || (c < 0x20 && c != '\t') || c == 0x7f) {
            ec_buf_putc(out, ' ');
            i += k;
        } else {
            /* A '*' right after '/' or a '/' right after '*' gets a
            ** backslash in between: "*\/" and "/\*" end or open nothing. */
            if (i && ((c == '*' && u[i - 1] == '/') || (c == '/' && u[i - 1] == '*')))
                ec_buf_putc(out, '\\');
            ec_buf_put(out, s + i, k);
            i += k;
        }
    }
    if (n && s[n - 1] == '\\')
        ec_buf_putc(out, ' ');
}

/* Text inside one comment line of language 'L' (a doc comment of C, Go,
** Rust or TypeScript): unlike a string literal's, nothing is escaped but
** what the comment itself would read: a '*' and a '/' that touch get a
** backslash between them, so the comment neither ends nor opens another;
** line breaks, tabs and other control characters become a space, since
** the text must stay on its line; the language's twin quotes are split as in its
** strings (gofmt makes '' a curly quote, ``` opens a Rust code fence);
** invisible troublemakers are written as inert \uNNNN text. Blanks at
** either end are dropped, as formatters drop them (and four of them would
** start a code block in a Rust doc comment). In C a final backslash would
** splice the next line into a line comment: a space follows it. */
void ec_escape_literal_comment(const ec_literal *L, ec_buf *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t start = out->len;
    ec_buf_reserve(out, n);
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        uint32_t cp;
        size_t k = ec_utf8_seq(u + i, n - i, &cp);
        size_t nl = ec_line_break(s + i, n - i);
        if (nl || (k && (cp == 0x85 || cp == 0x2028 || cp == 0x2029)) || c < 0x20 || c == 0x7f) {
            /* A tab too: clippy and gofmt object to tabs in doc comments. */
            if (out->len > start)
                ec_buf_putc(out, ' ');
            i += nl ? nl : k ? k : 1;
        } else if (c == ' ') {
            if (out->len > start)
                ec_buf_putc(out, ' ');
            i++;
        } else if (!k) {
            ec_buf_put(out, EC_REPLACEMENT, 3);
            i++;
        } else if (c >= 0x80 && L->seps && troublemaker(cp)) {
            put_num(out, EC_NUM_U4, cp);
            i += k;
        } else {
            bool split = i && ((c == '*' && u[i - 1] == '/') || (c == '/' && u[i - 1] == '*') ||
                               (L->quote2 != EC_NUM_NONE && (c == '\'' || c == '`' || c == '~') &&
                                u[i - 1] == c));
            if (split)
                ec_buf_putc(out, '\\');
            ec_buf_put(out, s + i, k);
            i += k;
        }
    }
    while (out->len > start && out->data[out->len - 1] == ' ')
        out->len--;
    if (L->trigraphs && out->len > start && out->data[out->len - 1] == '\\')
        ec_buf_putc(out, ' ');
    out->data[out->len] = '\0';
}

ec_escape_fn ec_escape_find(const char *name)
{
    if (strcmp(name, "none") == 0)
        return ec_escape_none;
    if (strcmp(name, "comment") == 0)
        return ec_escape_comment;
    for (size_t i = 0; i < ec_nlanguages; i++) {
        const ec_language *L = ec_languages[i];
        size_t k = strlen(L->name);
        if (strncmp(name, L->name, k) != 0)
            continue;
        if (!name[k])
            return L->escape;
        if (L->comment && strcmp(name + k, "-comment") == 0)
            return L->comment;
    }
    return NULL;
}
