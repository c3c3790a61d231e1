/* po.c: reading gettext PO files (po.h). One pass over the lines, each
** string decoded into the arena as it is met. */
#include "po.h"

#include "alloc.h"
#include "buf.h"
#include "escape.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Lines of the file: where the reader is. */
typedef struct reader {
    const char *file;
    const char *p, *end; /* the rest of the text */
    const char *line;    /* the current line */
    size_t len;          /* its length, without its line break */
    uint32_t lineno;
    ec_arena *a;
    ec_diag *d;
    bool failed;
} reader;

static ec_loc at(const reader *r, const char *where)
{
    ec_loc l = {r->file, r->lineno, (uint32_t)(where - r->line) + 1};
    return l;
}

static void fail(reader *r, const char *where, const char *what)
{
    if (!r->failed)
        ec_error(r->d, at(r, where), "%s", what);
    r->failed = true;
}

static bool next_line(reader *r)
{
    if (r->p >= r->end)
        return false;
    r->line = r->p;
    const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
    r->len = (size_t)((nl ? nl : r->end) - r->p);
    r->p = nl ? nl + 1 : r->end;
    if (r->len && r->line[r->len - 1] == '\r')
        r->len--;
    r->lineno++;
    return true;
}

static const char *skip_blanks(const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    return s;
}

static int hex(int c)
{
    return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

/* Decodes the quoted string at 's' (on the current line) onto 'out'.
** Returns false after reporting when it is not one string alone. */
static bool string(reader *r, const char *s, ec_buf *out)
{
    const char *end = r->line + r->len;
    s = skip_blanks(s, end);
    if (s == end || *s != '"') {
        fail(r, s, "expected a quoted string");
        return false;
    }
    const char *open = s++;
    while (s < end && *s != '"') {
        if (*s != '\\') {
            ec_buf_putc(out, *s++);
            continue;
        }
        const char *esc = s++;
        if (s == end)
            break;
        static const char from[] = "ntr\"\\abfv?'", to[] = "\n\t\r\"\\\a\b\f\v?'";
        const char *k = strchr(from, *s);
        unsigned v = 0;
        if (*s && k) {
            ec_buf_putc(out, to[k - from]);
            s++;
            continue;
        } else if (*s >= '0' && *s <= '7') {
            for (int i = 0; i < 3 && s < end && *s >= '0' && *s <= '7'; i++)
                v = v * 8 + (unsigned)(*s++ - '0');
        } else if (*s == 'x' && s + 1 < end && hex((unsigned char)s[1]) >= 0) {
            for (s++; s < end && hex((unsigned char)*s) >= 0 && v < 256; s++)
                v = v * 16 + (unsigned)hex((unsigned char)*s);
        } else {
            fail(r, esc, "unknown escape sequence in a PO string");
            return false;
        }
        if (v == 0 || v > 255) {
            fail(r, esc, v ? "escape sequence out of range" : "a PO string may not hold NUL");
            return false;
        }
        ec_buf_putc(out, (char)v);
    }
    if (s == end) {
        fail(r, open, "unterminated string");
        return false;
    }
    if (skip_blanks(s + 1, end) != end) {
        fail(r, s + 1, "unexpected text after the string");
        return false;
    }
    return true;
}

/* Plural forms a msgstr[N] may number: CLDR's six categories, and room. */
#define MAX_FORMS 8

/* The entry being read: its strings, gathered until the next one starts. */
typedef struct pending {
    ec_buf ctxt, id, plural, str[MAX_FORMS];
    bool has_ctxt, has_id, has_plural;
    size_t nstr;  /* msgstr lines seen: 1 for msgstr, N + 1 for msgstr[N] */
    bool indexed; /* msgstr[N] rather than msgstr */
    ec_buf *last; /* where a continuation string goes */
    bool fuzzy;
    ec_loc at, str_at;
} pending;

static void pending_init(pending *e)
{
    memset(e, 0, sizeof *e);
    ec_buf_init(&e->ctxt);
    ec_buf_init(&e->id);
    ec_buf_init(&e->plural);
    for (size_t i = 0; i < MAX_FORMS; i++)
        ec_buf_init(&e->str[i]);
}

static void pending_free(pending *e)
{
    ec_buf_free(&e->ctxt);
    ec_buf_free(&e->id);
    ec_buf_free(&e->plural);
    for (size_t i = 0; i < MAX_FORMS; i++)
        ec_buf_free(&e->str[i]);
}

static void pending_reset(pending *e)
{
    ec_buf_reset(&e->ctxt);
    ec_buf_reset(&e->id);
    ec_buf_reset(&e->plural);
    for (size_t i = 0; i < MAX_FORMS; i++)
        ec_buf_reset(&e->str[i]);
    e->has_ctxt = e->has_id = e->has_plural = e->indexed = e->fuzzy = false;
    e->nstr = 0;
    e->last = NULL;
}

/* Whether the bytes are UTF-8 without a C0 control but tab and line
** break: what a translation may hold. */
static const char *bad_text(const ec_buf *b)
{
    const unsigned char *s = (const unsigned char *)b->data;
    for (size_t i = 0; i < b->len;) {
        uint32_t cp;
        size_t n = ec_utf8_seq(s + i, b->len - i, &cp);
        if (!n)
            return "a PO string must be UTF-8";
        i += n;
    }
    return NULL;
}

typedef struct entries {
    ec_po_entry *v;
    size_t n, cap;
} entries;

/* Ends the pending entry: checks it has what an entry needs and adds it
** (or takes it as the header). */
static void finish(reader *r, pending *e, entries *out, ec_po *po)
{
    if (!e->has_id && !e->has_ctxt && !e->nstr)
        return;
    const char *why = NULL;
    if (!e->has_id)
        why = "entry without msgid";
    else if (!e->nstr)
        why = "entry without msgstr";
    else if (e->has_plural != e->indexed)
        why = e->has_plural ? "an entry with msgid_plural needs msgstr[0], msgstr[1], ..."
                            : "msgstr[N] needs a msgid_plural";
    for (size_t i = 0; !why && i < e->nstr; i++)
        why = bad_text(&e->str[i]);
    if (!why)
        why = bad_text(&e->id);
    if (!why)
        why = bad_text(&e->ctxt);
    if (!why)
        why = bad_text(&e->plural);
    if (why) {
        if (!r->failed)
            ec_error(r->d, e->has_id ? e->at : e->str_at, "%s", why);
        r->failed = true;
    } else if (!e->has_ctxt && !e->id.len) {
        po->header = ec_arena_strndup(r->a, e->str[0].data, e->str[0].len);
        po->header_at = e->str_at;
    } else {
        if (out->n == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 64;
            out->v = ec_xrealloc(out->v, out->cap * sizeof *out->v);
        }
        ec_po_entry *x = &out->v[out->n++];
        x->ctxt = e->has_ctxt ? ec_arena_strndup(r->a, e->ctxt.data, e->ctxt.len) : NULL;
        x->id = ec_arena_strndup(r->a, e->id.data, e->id.len);
        x->id_plural = e->has_plural ? ec_arena_strndup(r->a, e->plural.data, e->plural.len)
                                     : NULL;
        x->nstr = e->nstr;
        x->str = ec_arena_alloc(r->a, e->nstr * sizeof *x->str);
        for (size_t i = 0; i < e->nstr; i++)
            x->str[i] = ec_arena_strndup(r->a, e->str[i].data, e->str[i].len);
        x->fuzzy = e->fuzzy;
        x->at = e->at;
        x->str_at = e->str_at;
    }
    pending_reset(e);
}

/* Whether the line starts with keyword 'kw' followed by a blank or '['. */
static const char *keyword(const reader *r, const char *s, const char *kw)
{
    size_t n = strlen(kw);
    const char *end = r->line + r->len;
    if ((size_t)(end - s) <= n || memcmp(s, kw, n) || (s[n] != ' ' && s[n] != '\t' && s[n] != '['))
        return NULL;
    return s + n;
}

bool ec_po_read(const char *file, const char *text, size_t len, ec_arena *a, ec_diag *d,
                ec_po *out)
{
    reader r = {file, text, text + len, text, 0, 0, a, d, false};
    pending e;
    entries list = {NULL, 0, 0};
    bool flags_fuzzy = false;
    pending_init(&e);
    memset(out, 0, sizeof *out);
    out->header = "";
    if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
        r.p += 3;
    while (!r.failed && next_line(&r)) {
        const char *s = skip_blanks(r.line, r.line + r.len), *end = r.line + r.len, *rest;
        if (s == end)
            continue;
        if (*s == '#') {
            /* Comments belong to the entry after them: one starting ends the last. */
            if (e.nstr)
                finish(&r, &e, &list, out);
            if (s + 1 < end && s[1] == ',') {
                /* Flags: "#, fuzzy, c-format". */
                for (const char *f = s + 2; f < end;) {
                    f = skip_blanks(f, end);
                    const char *w = f;
                    while (f < end && *f != ',' && *f != ' ' && *f != '\t')
                        f++;
                    if (f - w == 5 && !memcmp(w, "fuzzy", 5))
                        flags_fuzzy = true;
                    while (f < end && (*f == ',' || *f == ' ' || *f == '\t'))
                        f++;
                }
            }
            continue;
        }
        if (*s == '"') {
            if (!e.last)
                fail(&r, s, "a string continues nothing: it must follow msgid, msgstr, ...");
            else
                string(&r, s, e.last);
            continue;
        }
        if ((rest = keyword(&r, s, "msgctxt")) || (rest = keyword(&r, s, "msgid")) ||
            (rest = keyword(&r, s, "msgid_plural"))) {
            bool ctxt = s[3] == 'c', plural = !ctxt && s[5] == '_';
            bool starts = ctxt || !plural;
            /* msgctxt or msgid starts an entry, unless a msgctxt just did. */
            if (starts && (e.nstr || e.has_id || (ctxt && e.has_ctxt)))
                finish(&r, &e, &list, out);
            if (!e.has_ctxt && !e.has_id) {
                e.at = at(&r, s);
                e.fuzzy = flags_fuzzy;
                flags_fuzzy = false;
            }
            bool *has = ctxt ? &e.has_ctxt : plural ? &e.has_plural : &e.has_id;
            ec_buf *b = ctxt ? &e.ctxt : plural ? &e.plural : &e.id;
            if ((plural && !e.has_id) || (plural && e.nstr) || *has) {
                fail(&r, s, plural ? "msgid_plural must follow its msgid"
                                   : "keyword out of place");
                continue;
            }
            *has = true;
            e.last = b;
            string(&r, rest, b);
            continue;
        }
        if ((rest = keyword(&r, s, "msgstr"))) {
            size_t index = 0;
            bool indexed = *rest == '[';
            if (indexed) {
                char *after;
                index = strtoul(rest + 1, &after, 10);
                if (after == rest + 1 || *after != ']' || index >= MAX_FORMS) {
                    fail(&r, rest, "expected msgstr[N] with N from 0 to 7");
                    continue;
                }
                rest = after + 1;
            }
            if (!e.has_id || index != e.nstr || (e.nstr && !indexed) ||
                (e.nstr && indexed != e.indexed)) {
                fail(&r, s, !e.has_id ? "msgstr before its msgid"
                                      : "msgstr out of order: expected msgstr[0], msgstr[1], ...");
                continue;
            }
            if (!e.nstr)
                e.str_at = at(&r, s);
            e.indexed = indexed;
            e.last = &e.str[e.nstr++];
            string(&r, rest, e.last);
            continue;
        }
        fail(&r, s, "expected msgctxt, msgid, msgid_plural, msgstr, a string or a comment");
    }
    if (!r.failed) {
        if (e.has_ctxt || e.has_id || e.nstr)
            finish(&r, &e, &list, out);
    }
    pending_free(&e);
    if (!r.failed && list.n) {
        out->entries = ec_arena_alloc(a, list.n * sizeof *out->entries);
        memcpy(out->entries, list.v, list.n * sizeof *list.v);
        out->n = list.n;
    }
    free(list.v);
    if (!r.failed) {
        const char *ct = ec_po_header_field(out, "Content-Type", a);
        const char *cs = ct ? strstr(ct, "charset=") : NULL;
        if (cs && strncmp(cs + 8, "UTF-8", 5) && strncmp(cs + 8, "utf-8", 5)) {
            ec_error(d, out->header_at, "the PO file's charset must be UTF-8 (it says %s)",
                     cs + 8);
            r.failed = true;
        }
    }
    return !r.failed;
}

const char *ec_po_header_field(const ec_po *po, const char *name, ec_arena *a)
{
    size_t n = strlen(name);
    for (const char *line = po->header; *line;) {
        size_t len = strcspn(line, "\n");
        if (len > n && !strncmp(line, name, n) && line[n] == ':') {
            const char *v = line + n + 1;
            while (*v == ' ')
                v++;
            return ec_arena_strndup(a, v, (size_t)(line + len - v));
        }
        line += len + (line[len] == '\n');
    }
    return NULL;
}
