/* import_et.c: compile_et's error tables (.et, the com_err sources of
** krb5 and e2fsprogs). Each `error_table NAME` becomes a domain whose codes
** are the values compile_et gives them: the table's base (below) plus each
** code's place in the table, `index N` moving to place N. A comment right
** above a code (no blank line between) is its description; the last
** paragraph of the comment right above `error_table` the domain's.
**
** Statements, one a line (as compile_et's awk scripts read them):
**   error_table NAME | et NAME     (or `error_table BASE NAME`: the base
**                                  from BASE, the C names from NAME)
**   error_code NAME, "message"     (or `ec`; the message may start on the
**                                  next line, and continue past a line
**                                  ending in a backslash)
**   index N   prefix [P]   end    and `#` comments. */
#include "import.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct et_reader {
    ec_import *im;
    const char *path;
    const char *p, *end;
    uint32_t line;
    const char *line_start;
    ec_buf comment; /* the comment block just read, lines joined by '\n' */
    bool in_comment;
} et_reader;

static ec_loc here(const et_reader *r, const char *at)
{
    return (ec_loc){r->path, r->line, (uint32_t)(at - r->line_start) + 1};
}

static void skip_blanks(et_reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r'))
        r->p++;
}

static bool at_eol(const et_reader *r)
{
    return r->p >= r->end || *r->p == '\n';
}

static void next_line(et_reader *r)
{
    while (r->p < r->end && *r->p != '\n')
        r->p++;
    if (r->p < r->end) {
        r->p++;
        r->line++;
        r->line_start = r->p;
    }
}

/* A word: letters, digits and '_'. Its length (0 for none). */
static size_t word(et_reader *r, const char **start)
{
    *start = r->p;
    while (r->p < r->end && (isalnum((unsigned char)*r->p) || *r->p == '_'))
        r->p++;
    return (size_t)(r->p - *start);
}

static bool word_is(const char *w, size_t n, const char *s)
{
    return strlen(s) == n && memcmp(w, s, n) == 0;
}

/* compile_et's table number: each character of the name (at most four, as
** Heimdal and MIT's compile_et insist; e2fsprogs' awk would overflow) as
** its place in A-Za-z0-9_ plus one, six bits each; the base is that times
** 256, read as a signed 32-bit number. */
static bool table_base(const char *name, size_t n, int64_t *base)
{
    static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    if (n > 4)
        return false;
    int64_t num = 0;
    for (size_t i = 0; i < n; i++)
        num = num * 64 + (strchr(set, name[i]) - set) + 1;
    num *= 256;
    *base = num > INT32_MAX ? num - ((int64_t)1 << 32) : num;
    return true;
}

/* A C string literal, or several side by side, at r->p (a '"'), decoded
** into 'out'; a backslash before a line's end continues it on the next.
** False after an error. */
static bool c_string(et_reader *r, ec_buf *out)
{
    while (r->p < r->end && *r->p == '"') {
        r->p++;
        for (;;) {
            if (at_eol(r)) {
                ec_error(r->im->d, here(r, r->p), "the message's string has no closing '\"'");
                return false;
            }
            char c = *r->p;
            if (c == '"') {
                r->p++;
                break;
            }
            if (c != '\\') {
                ec_buf_putc(out, c);
                r->p++;
                continue;
            }
            const char *esc = r->p++;
            if (r->p < r->end && (*r->p == '\n' || (*r->p == '\r' && r->p + 1 < r->end &&
                                                     r->p[1] == '\n'))) {
                next_line(r); /* a line splice, as C's */
                continue;
            }
            c = r->p < r->end ? *r->p : '\0';
            static const char from[] = "ntrabfv\\\"'?", to[] = "\n\t\r\a\b\f\v\\\"'?";
            const char *k = c ? strchr(from, c) : NULL;
            if (k) {
                ec_buf_putc(out, to[k - from]);
                r->p++;
                continue;
            }
            unsigned v = 0;
            int digits = 0;
            if (c >= '0' && c <= '7') {
                while (digits < 3 && r->p < r->end && *r->p >= '0' && *r->p <= '7')
                    v = v * 8 + (unsigned)(*r->p++ - '0'), digits++;
            } else if (c == 'x') {
                r->p++;
                while (r->p < r->end && isxdigit((unsigned char)*r->p) && v <= 0xff) {
                    char h = *r->p++;
                    v = v * 16 + (unsigned)(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                    digits++;
                }
            }
            if (digits && v == 0) {
                ec_error(r->im->d, here(r, esc), "a NUL in a message would end it in C");
                return false;
            }
            if (!digits || v > 0xff) {
                ec_error(r->im->d, here(r, esc), "an escape C does not know or a byte cannot hold");
                return false;
            }
            ec_buf_putc(out, (char)v);
        }
        skip_blanks(r);
    }
    return true;
}

/* Whether 's' is UTF-8 (the escapes may have made bytes that are not). */
static bool valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t len = s[i] < 0x80 ? 1 : s[i] >= 0xf0 ? 4 : s[i] >= 0xe0 ? 3 : s[i] >= 0xc2 ? 2 : 0;
        if (!len || len > n - i || s[i] > 0xf4)
            return false;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xc0) != 0x80)
                return false;
        i += len;
    }
    return true;
}

/* The comment block read so far: the whole of it joined into one
** paragraph ('last' false), or its last paragraph (one ended by an empty
** comment line); NULL for none. Empties the block. */
static const char *take_comment(et_reader *r, bool last)
{
    const char *text = NULL;
    if (r->comment.len) {
        const char *from = r->comment.data;
        if (last) {
            /* paragraphs are separated by "\n\n" (an empty comment line) */
            for (const char *q = strstr(from, "\n\n"); q; q = strstr(q + 1, "\n\n"))
                if (q[2])
                    from = q + 2;
        }
        ec_buf b;
        ec_buf_init(&b);
        for (const char *q = from; *q; q++) {
            if (*q == '\n') {
                if (b.len && b.data[b.len - 1] != ' ')
                    ec_buf_putc(&b, ' ');
            } else {
                ec_buf_putc(&b, *q);
            }
        }
        while (b.len && b.data[b.len - 1] == ' ')
            b.data[--b.len] = '\0';
        text = b.len ? ec_arena_strndup(&r->im->a, b.data, b.len) : NULL;
        ec_buf_free(&b);
    }
    ec_buf_reset(&r->comment);
    return text;
}

static void add_comment_line(et_reader *r)
{
    r->p++; /* '#' */
    skip_blanks(r);
    const char *s = r->p;
    while (!at_eol(r))
        r->p++;
    const char *e = r->p;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    if (r->comment.len || e > s)
        ec_buf_putc(&r->comment, '\n');
    ec_buf_put(&r->comment, s, (size_t)(e - s));
    if (r->comment.len && r->comment.data[0] == '\n')
        memmove(r->comment.data, r->comment.data + 1, r->comment.len--);
}

/* The table being read. */
typedef struct et_table {
    ec_imp_domain *dom;
    const char *name; /* compile_et's table name */
    int64_t base;
    int64_t index; /* the next code's place */
    const char *prefix;
} et_table;

static bool expect_eol(et_reader *r, const char *what)
{
    skip_blanks(r);
    if (at_eol(r))
        return true;
    ec_error(r->im->d, here(r, r->p), "unexpected text after %s (compile_et reads one statement a line)",
             what);
    return false;
}

static bool open_table(et_reader *r, et_table *t, const char *kw)
{
    ec_import *im = r->im;
    skip_blanks(r);
    const char *w1, *w2 = NULL;
    ec_loc at = here(r, r->p);
    size_t n1 = word(r, &w1), n2 = 0;
    skip_blanks(r);
    if (!at_eol(r))
        n2 = word(r, &w2);
    if (!n1 || !isalpha((unsigned char)w1[0]) || (w2 && !n2)) {
        ec_error(im->d, at, "'%s' takes a table name: letters, digits and '_', a letter first",
                 kw);
        return false;
    }
    if (!expect_eol(r, "the table's name"))
        return false;
    const char *name = n2 ? w2 : w1;
    size_t nlen = n2 ? n2 : n1;
    if (!table_base(w1, n1, &t->base)) {
        ec_error(im->d, at,
                 "table name '%.*s' is longer than 4 characters: compile_et makes a 32-bit "
                 "base of 4 at most",
                 (int)n1, w1);
        return false;
    }
    t->name = ec_arena_strndup(&im->a, name, nlen);
    const char *id = ec_imp_id(im, name, nlen);
    if (strcmp(id, t->name) != 0)
        ec_warning(im->d, at,
                   "table '%s' becomes domain '%s' (a domain id is lower case): errcat's com_err "
                   "target names its C symbols after the domain",
                   t->name, id);
    t->dom = ec_imp_domain_add(im, id, at);
    t->dom->title = t->name;
    t->dom->description = take_comment(r, true);
    t->dom->has_range = true;
    t->dom->low = t->base;
    t->dom->high = t->base + 255;
    t->index = 0;
    t->prefix = NULL;
    return true;
}

static bool read_code(et_reader *r, et_table *t, const char *kw, ec_loc at)
{
    ec_import *im = r->im;
    const char *description = take_comment(r, false);
    skip_blanks(r);
    const char *name;
    ec_loc name_at = here(r, r->p);
    size_t n = word(r, &name);
    if (!n || r->p >= r->end || *r->p != ',') {
        ec_error(im->d, name_at, "'%s' takes a name, a comma and a message: %s NAME, \"message\"",
                 kw, kw);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (islower((unsigned char)name[i]) || !ec_imp_is_ident(name, n)) {
            ec_error(im->d, name_at,
                     "code name '%.*s': compile_et reads A-Z, 0-9 and '_' only (a letter first)",
                     (int)n, name);
            return false;
        }
    }
    r->p++; /* ',' */
    skip_blanks(r);
    if (at_eol(r)) { /* the message on the next line, as compile_et allows */
        next_line(r);
        skip_blanks(r);
    }
    ec_loc msg_at = here(r, r->p);
    if (r->p >= r->end || *r->p != '"') {
        ec_error(im->d, msg_at, "expected the message, a C string (\"...\")");
        return false;
    }
    ec_buf msg;
    ec_buf_init(&msg);
    bool ok = c_string(r, &msg) && expect_eol(r, "the message");
    if (ok && !valid_utf8((const unsigned char *)msg.data, msg.len)) {
        ec_error(im->d, msg_at, "the message's escapes make bytes that are not UTF-8");
        ok = false;
    }
    if (ok && t->index > 255) {
        ec_error(im->d, at, "a 257th code in table '%s': a com_err table holds 256", t->name);
        ok = false;
    }
    if (ok) {
        ec_imp_code *c = ec_imp_code_add(im, t->dom, at);
        c->num = t->base + t->index++;
        c->name = t->prefix ? ec_arena_printf(&im->a, "%s_%.*s", t->prefix, (int)n, name)
                            : ec_arena_strndup(&im->a, name, n);
        c->message = ec_imp_literal(im, msg.data, msg.len);
        c->description = description;
        for (size_t i = 0; i + 1 < t->dom->ncodes; i++) {
            if (strcmp(t->dom->codes[i].name, c->name) == 0) {
                ec_error(im->d, at, "a second code named '%s'", c->name);
                ec_note(im->d, t->dom->codes[i].at, "the first is here");
                ok = false;
                break;
            }
        }
    }
    ec_buf_free(&msg);
    return ok;
}

static bool read_index(et_reader *r, et_table *t)
{
    skip_blanks(r);
    const char *w;
    ec_loc at = here(r, r->p);
    size_t n = word(r, &w);
    char *e;
    long v = n && n < 5 ? strtol(w, &e, 10) : -1;
    if (v < 0 || e != r->p || v > 255) {
        ec_error(r->im->d, at, "'index' takes a place in the table, 0 to 255");
        return false;
    }
    if (v < t->index) {
        ec_error(r->im->d, at,
                 "'index %ld' goes back: the table is at %lld already, and codes would repeat",
                 v, (long long)t->index);
        return false;
    }
    t->index = v;
    return expect_eol(r, "the index");
}

bool ec_import_et(ec_import *im, const char *path, const char *text, size_t len)
{
    et_reader r = {im, path, text, text + len, 1, text, {0}, false};
    ec_buf_init(&r.comment);
    et_table t = {0};
    bool ok = true, ended = false, skipping = false;
    while (r.p < r.end) {
        skip_blanks(&r);
        if (at_eol(&r)) {
            take_comment(&r, false); /* a blank line ends a comment block */
            next_line(&r);
            continue;
        }
        if (*r.p == '#') {
            add_comment_line(&r);
            next_line(&r);
            continue;
        }
        const char *kw;
        ec_loc at = here(&r, r.p);
        size_t n = word(&r, &kw);
        char kwbuf[16];
        snprintf(kwbuf, sizeof kwbuf, "%.*s", (int)(n < 15 ? n : 15), kw);
        bool fine = true;
        if (word_is(kw, n, "error_table") || word_is(kw, n, "et")) {
            if (t.dom && !ended) {
                ec_error(im->d, at, "a table inside table '%s': close it with 'end' first", t.name);
                fine = false;
            } else {
                fine = open_table(&r, &t, kwbuf);
                ended = false;
                skipping = !fine;
            }
        } else if (skipping) {
            /* the statements of a table that could not open say nothing more */
            skipping = !word_is(kw, n, "end");
            ended = !skipping;
        } else if (!word_is(kw, n, "error_code") && !word_is(kw, n, "ec") &&
                   !word_is(kw, n, "index") && !word_is(kw, n, "prefix") &&
                   !word_is(kw, n, "end")) {
            while (!n && !at_eol(&r) && *r.p != ' ' && *r.p != '\t')
                r.p++; /* not a word: the whole token, whatever its bytes */
            ec_error(im->d, at,
                     "unknown statement '%.*s' (error_table, error_code, index, prefix, end)",
                     (int)(n ? n : (size_t)(r.p - kw)), kw);
            fine = false;
        } else if (!t.dom || ended) {
            ec_error(im->d, at, "'%s' outside a table: start one with 'error_table NAME'", kwbuf);
            fine = false;
        } else if (word_is(kw, n, "end")) {
            ended = true;
            take_comment(&r, false);
            fine = expect_eol(&r, "'end'");
        } else if (word_is(kw, n, "index")) {
            fine = read_index(&r, &t);
        } else if (word_is(kw, n, "prefix")) {
            skip_blanks(&r);
            const char *p;
            ec_loc pat = here(&r, r.p);
            size_t pn = word(&r, &p);
            t.prefix = pn ? ec_arena_strndup(&im->a, p, pn) : NULL;
            if (pn && !ec_imp_is_ident(p, pn)) {
                ec_error(im->d, pat, "a prefix is a C identifier");
                fine = false;
            } else {
                fine = expect_eol(&r, "the prefix");
            }
        } else {
            fine = read_code(&r, &t, kwbuf, at);
        }
        if (!fine)
            ok = false;
        next_line(&r);
    }
    if (ok && !im->ndomains)
        ec_error(im->d, (ec_loc){path, 1, 1}, "no error table ('error_table NAME') in the file");
    ec_buf_free(&r.comment);
    return ok && im->ndomains;
}
