/* import_proto.c: protobuf enums of error codes (google.rpc's code.proto,
** a service's own `enum ErrorReason`). Every enum of the file, top level
** or nested in a message, becomes a domain of int codes: each value its
** code (`NAME = N;`, N a 32-bit integer), named as the enum names it, a
** second name of a number (`option allow_alias = true;`) an alias, and
** `[deprecated = true]` deprecated. The rest of the file (syntax, package,
** imports, messages, services) is skipped, braces and strings kept track
** of.
**
** Comments are protoc's leading comments: the `//` lines (or a block
** comment) right above a value, no blank line between. A value's first
** paragraph, its lines joined, is its message; the later ones its
** description; a paragraph `HTTP Mapping: NNN Reason` (as code.proto
** writes) its HTTP status, which the catalog's statuses then list with
** that reason as title. A value without a comment has its name in words
** as message. An enum's comment is its domain's description; `reserved`
** numbers and names are not carried (a warning says so). */
#include "import.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef enum { T_EOF,
               T_IDENT,
               T_INT,
               T_STR,
               T_PUNCT } tkind;

typedef struct ptok {
    tkind k;
    const char *s;
    size_t n;
    ec_loc at;
    const char *comment; /* the leading comment, lines '\n'-joined, or NULL */
} ptok;

typedef struct pr {
    ec_import *im;
    const char *path;
    ptok *t;
    size_t n, cap, i;
} pr;

static void tok_add(pr *r, ptok t)
{
    *(ptok *)ec_imp_grow(&r->im->a, &r->t, &r->n, &r->cap, sizeof t) = t;
}

/* One line of a comment into 'cm': blanks and, in a block comment, a
** leading '*' dropped. */
static void comment_line(ec_buf *cm, const char *s, const char *e, bool block)
{
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    if (block && s < e && *s == '*' && !(s + 1 < e && s[1] == '/'))
        for (s++; s < e && (*s == ' ' || *s == '\t'); s++)
            ;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    ec_buf_put(cm, s, (size_t)(e - s));
    ec_buf_putc(cm, '\n');
}

/* The file as tokens, each with its leading comment; false after an
** error (a string or block comment without its end). */
static bool tokenize(pr *r, const char *text, size_t len)
{
    const char *p = text, *end = text + len, *ls = text;
    uint32_t line = 1, last_line = 0;
    bool line_used = false; /* a token or comment on this line */
    ec_buf cm;
    ec_buf_init(&cm);
    bool ok = true;
#define AT(q) ((ec_loc){r->path, line, (uint32_t)((q)-ls) + 1})
    while (p < end && ok) {
        char c = *p;
        if (c == '\n') {
            if (!line_used)
                ec_buf_reset(&cm); /* a blank line: a comment above it is detached */
            line_used = false;
            line++;
            ls = ++p;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            p++;
        } else if (c == '/' && p + 1 < end && p[1] == '/') {
            const char *e = memchr(p, '\n', (size_t)(end - p));
            e = e ? e : end;
            if (last_line != line) /* not a trailing comment of the line's token */
                comment_line(&cm, p + 2, e, false);
            line_used = true;
            p = e;
        } else if (c == '/' && p + 1 < end && p[1] == '*') {
            ec_loc at = AT(p);
            bool trailing = last_line == line;
            const char *q = p + 2, *seg = q;
            for (;;) {
                if (q + 1 >= end) {
                    ec_error(r->im->d, at, "the comment has no closing '*/'");
                    ok = false;
                    break;
                }
                if (q[0] == '*' && q[1] == '/') {
                    if (!trailing)
                        comment_line(&cm, seg, q, true);
                    p = q + 2;
                    break;
                }
                if (*q == '\n') {
                    if (!trailing)
                        comment_line(&cm, seg, q, true);
                    line++;
                    ls = seg = q + 1;
                }
                q++;
            }
            line_used = true;
        } else {
            ptok t = {T_PUNCT, p, 1, AT(p), NULL};
            if (isalpha((unsigned char)c) || c == '_') {
                t.k = T_IDENT;
                while (p + t.n < end && (isalnum((unsigned char)p[t.n]) || p[t.n] == '_'))
                    t.n++;
            } else if (isdigit((unsigned char)c)) {
                t.k = T_INT;
                while (p + t.n < end && (isalnum((unsigned char)p[t.n]) || p[t.n] == '_' ||
                                         p[t.n] == '.'))
                    t.n++;
            } else if (c == '"' || c == '\'') {
                t.k = T_STR;
                while (p + t.n < end && p[t.n] != c && p[t.n] != '\n')
                    t.n += p[t.n] == '\\' && p + t.n + 1 < end && p[t.n + 1] != '\n' ? 2 : 1;
                if (p + t.n >= end || p[t.n] != c) {
                    ec_error(r->im->d, t.at, "the string has no closing %c on its line", c);
                    ok = false;
                    break;
                }
                t.n++;
            } else if ((unsigned char)c >= 0x80) {
                while (p + t.n < end && ((unsigned char)p[t.n] & 0xc0) == 0x80)
                    t.n++;
            }
            if (cm.len) {
                t.comment = ec_arena_strndup(&r->im->a, cm.data, cm.len);
                ec_buf_reset(&cm);
            }
            tok_add(r, t);
            p += t.n;
            last_line = line;
            line_used = true;
        }
    }
#undef AT
    ec_buf_free(&cm);
    tok_add(r, (ptok){T_EOF, end, 0, {r->path, line, (uint32_t)(end - ls) + 1}, NULL});
    return ok;
}

static bool is(const ptok *t, const char *s)
{
    return (t->k == T_IDENT || t->k == T_PUNCT) && strlen(s) == t->n && memcmp(t->s, s, t->n) == 0;
}

static const char *show(const ptok *t)
{
    return t->k == T_EOF ? "the end of the file" : NULL;
}

static bool expect(pr *r, const char *s)
{
    const ptok *t = &r->t[r->i];
    if (is(t, s)) {
        r->i++;
        return true;
    }
    if (show(t))
        ec_error(r->im->d, t->at, "expected '%s', found %s", s, show(t));
    else
        ec_error(r->im->d, t->at, "expected '%s', found '%.*s'", s, (int)t->n, t->s);
    return false;
}

/* A comment's paragraphs, each with its whitespace collapsed, into 'para'
** (at most 'max'); how many. */
static size_t paragraphs(ec_import *im, const char *text, const char **para, size_t max)
{
    size_t n = 0;
    ec_buf b;
    ec_buf_init(&b);
    for (const char *p = text;; p++) {
        bool brk = !*p || (*p == '\n' && p[1] == '\n');
        if (brk) {
            if (b.len && n < max)
                para[n++] = ec_arena_strndup(&im->a, b.data, b.len);
            ec_buf_reset(&b);
            if (!*p)
                break;
            continue;
        }
        if (isspace((unsigned char)*p)) {
            if (b.len && b.data[b.len - 1] != ' ')
                ec_buf_putc(&b, ' ');
        } else {
            ec_buf_putc(&b, *p);
        }
        if (b.len && b.data[b.len - 1] == ' ' && (p[1] == '\n' || !p[1]))
            b.data[--b.len] = '\0';
    }
    ec_buf_free(&b);
    return n;
}

/* `HTTP Mapping: NNN Reason`: the status, and the reason as its title. */
static bool http_mapping(const char *s, int *status, const char **title)
{
    static const char head[] = "HTTP Mapping:";
    if (strncmp(s, head, sizeof head - 1) != 0)
        return false;
    s += sizeof head - 1;
    while (*s == ' ')
        s++;
    if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
        !isdigit((unsigned char)s[2]) || isdigit((unsigned char)s[3]))
        return false;
    *status = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
    if (*status < 100 || *status > 599)
        return false;
    s += 3;
    while (*s == ' ')
        s++;
    *title = s;
    return true;
}

/* The lines of a comment at 'at' (the token's): a status's place is the
** token's, as comments carry no places of their own. */
static void value_comment(pr *r, ec_imp_code *c, const ptok *t)
{
    const char *para[64];
    size_t n = t->comment ? paragraphs(r->im, t->comment, para, 64) : 0;
    ec_buf desc;
    ec_buf_init(&desc);
    for (size_t i = 0; i < n; i++) {
        int status;
        const char *title;
        if (i > 0 && http_mapping(para[i], &status, &title)) {
            ec_imp_status *s = ec_imp_status_add(r->im, status, t->at);
            if (!s->title && *title)
                s->title = title;
            c->status = status;
        } else if (!c->message) {
            c->message = ec_imp_literal(r->im, para[i], strlen(para[i]));
        } else {
            if (desc.len)
                ec_buf_puts(&desc, "\n\n");
            ec_buf_puts(&desc, para[i]);
        }
    }
    if (desc.len)
        c->description = ec_arena_strndup(&r->im->a, desc.data, desc.len);
    ec_buf_free(&desc);
    if (!c->message) {
        char *m = ec_imp_literal(r->im, c->name, strlen(c->name));
        for (char *p = m; *p; p++)
            *p = *p == '_' ? ' ' : (char)tolower((unsigned char)*p);
        c->message = m;
    }
}

/* An integer token (decimal, 0x hex, 0 octal), negated after '-', within
** int32. */
static bool int32_value(pr *r, bool neg, int64_t *v)
{
    const ptok *t = &r->t[r->i];
    int base = 10;
    size_t i = 0;
    if (t->k == T_INT && t->n > 2 && t->s[0] == '0' && (t->s[1] == 'x' || t->s[1] == 'X'))
        base = 16, i = 2;
    else if (t->k == T_INT && t->n > 1 && t->s[0] == '0')
        base = 8, i = 1;
    int64_t x = 0;
    bool ok = t->k == T_INT;
    for (; ok && i < t->n; i++) {
        int d = isdigit((unsigned char)t->s[i])    ? t->s[i] - '0'
                : isxdigit((unsigned char)t->s[i]) ? tolower((unsigned char)t->s[i]) - 'a' + 10
                                                   : 99;
        ok = d < base;
        x = x * base + d;
        ok = ok && x <= (int64_t)2147483647 + neg;
    }
    if (!ok) {
        ec_error(r->im->d, t->at, "an enum value is a 32-bit integer");
        return false;
    }
    *v = neg ? -x : x;
    r->i++;
    return true;
}

/* Skips past the ';' that ends a statement; false, reported, at a '}'
** or the end of the file first. */
static bool skip_statement(pr *r)
{
    for (; r->t[r->i].k != T_EOF && !is(&r->t[r->i], "}"); r->i++) {
        if (is(&r->t[r->i], ";")) {
            r->i++;
            return true;
        }
    }
    return expect(r, ";");
}

/* A domain id from an enum's name: CamelCase as camel_case. */
static const char *enum_id(ec_import *im, const ptok *t)
{
    ec_buf b;
    ec_buf_init(&b);
    for (size_t i = 0; i < t->n; i++) {
        bool up = isupper((unsigned char)t->s[i]);
        if (up && i && (islower((unsigned char)t->s[i - 1]) || isdigit((unsigned char)t->s[i - 1])))
            ec_buf_putc(&b, '_');
        ec_buf_putc(&b, t->s[i]);
    }
    const char *id = ec_imp_id(im, b.data, b.len);
    ec_buf_free(&b);
    return id;
}

/* After `enum`: NAME { values }. */
static bool enum_decl(pr *r)
{
    const ptok *name = &r->t[r->i++];
    ec_imp_domain *dom = ec_imp_domain_add(r->im, enum_id(r->im, name), name->at);
    dom->title = ec_arena_strndup(&r->im->a, name->s, name->n);
    const ptok *kw = &r->t[r->i - 2];
    if (kw->comment) {
        const char *para[64];
        size_t n = paragraphs(r->im, kw->comment, para, 64);
        ec_buf d;
        ec_buf_init(&d);
        for (size_t i = 0; i < n; i++)
            ec_buf_printf(&d, "%s%s", i ? "\n\n" : "", para[i]);
        if (d.len)
            dom->description = ec_arena_strndup(&r->im->a, d.data, d.len);
        ec_buf_free(&d);
    }
    if (!expect(r, "{"))
        return false;
    bool allow_alias = false;
    ec_loc reserved_at = {NULL, 0, 0};
    for (;;) {
        const ptok *t = &r->t[r->i];
        if (is(t, "}")) {
            r->i++;
            break;
        }
        if (is(t, ";")) {
            r->i++;
            continue;
        }
        if (t->k == T_EOF) {
            ec_error(r->im->d, name->at, "enum %.*s has no closing '}'", (int)name->n, name->s);
            return false;
        }
        if (is(t, "option")) {
            r->i++;
            if (is(&r->t[r->i], "allow_alias") && is(&r->t[r->i + 1], "=") &&
                is(&r->t[r->i + 2], "true"))
                allow_alias = true;
            if (!skip_statement(r))
                return false;
            continue;
        }
        if (is(t, "reserved")) {
            if (!reserved_at.file)
                reserved_at = t->at;
            if (!skip_statement(r))
                return false;
            continue;
        }
        if (t->k != T_IDENT) {
            ec_error(r->im->d, t->at, "expected a value of enum %.*s (NAME = N;)", (int)name->n,
                     name->s);
            return false;
        }
        r->i++;
        if (!expect(r, "="))
            return false;
        bool neg = is(&r->t[r->i], "-");
        r->i += neg;
        int64_t v;
        if (!int32_value(r, neg, &v))
            return false;
        bool deprecated = false;
        if (is(&r->t[r->i], "[")) {
            for (r->i++; !is(&r->t[r->i], "]"); r->i++) {
                if (r->t[r->i].k == T_EOF || is(&r->t[r->i], ";")) {
                    ec_error(r->im->d, r->t[r->i].at, "the value's options have no closing ']'");
                    return false;
                }
                if (is(&r->t[r->i], "deprecated") && is(&r->t[r->i + 1], "=") &&
                    is(&r->t[r->i + 2], "true"))
                    deprecated = true;
            }
            r->i++;
        }
        if (!expect(r, ";"))
            return false;
        const char *vname = ec_arena_strndup(&r->im->a, t->s, t->n);
        ec_imp_code *same = NULL;
        for (size_t i = 0; i < dom->ncodes; i++) {
            ec_imp_code *c = &dom->codes[i];
            bool named = strcmp(c->name, vname) == 0;
            for (size_t k = 0; k < c->naliases && !named; k++)
                named = strcmp(c->aliases[k], vname) == 0;
            if (named) {
                ec_error(r->im->d, t->at, "a second value named %s", vname);
                ec_note(r->im->d, c->at, "the first is here");
                return false;
            }
            if (c->num == v)
                same = c;
        }
        if (same && !allow_alias) {
            ec_error(r->im->d, t->at,
                     "%s has the number of %s: two names of one number need 'option allow_alias "
                     "= true;'",
                     vname, same->name);
            ec_note(r->im->d, same->at, "%s is here", same->name);
            return false;
        }
        if (same) {
            ec_imp_alias_add(r->im, same, vname);
            continue;
        }
        ec_imp_code *c = ec_imp_code_add(r->im, dom, t->at);
        c->num = v;
        c->name = vname;
        c->deprecated = deprecated;
        value_comment(r, c, t);
    }
    if (reserved_at.file)
        ec_warning(r->im->d, reserved_at,
                   "enum %.*s's reserved numbers and names are not carried: errcat knows a code "
                   "no longer used as a retired code, with its number and name",
                   (int)name->n, name->s);
    return true;
}

bool ec_import_proto(ec_import *im, const char *path, const char *text, size_t len)
{
    pr r = {im, path, NULL, 0, 0, 0};
    if (!tokenize(&r, text, len))
        return false;
    /* Braces opened and not yet closed, to report the first unclosed. */
    ec_loc open[64];
    size_t depth = 0;
    size_t enums = 0;
    while (r.t[r.i].k != T_EOF) {
        const ptok *t = &r.t[r.i];
        if (is(t, "enum") && r.t[r.i + 1].k == T_IDENT && is(&r.t[r.i + 2], "{")) {
            r.i++;
            if (!enum_decl(&r))
                return false;
            enums++;
            continue;
        }
        if (is(t, "{")) {
            if (depth == 64) {
                ec_error(im->d, t->at, "braces nested deeper than 64");
                return false;
            }
            open[depth++] = t->at;
        } else if (is(t, "}")) {
            if (!depth) {
                ec_error(im->d, t->at, "a '}' that closes nothing");
                return false;
            }
            depth--;
        }
        r.i++;
    }
    if (depth) {
        ec_error(im->d, open[depth - 1], "this '{' has no closing '}'");
        return false;
    }
    if (!enums) {
        ec_error(im->d, (ec_loc){path, 1, 1}, "no enum in the file (enum Name { VALUE = 0; })");
        return false;
    }
    return true;
}
