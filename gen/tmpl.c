/* tmpl.c: Mustache templates: compile once into a node tree, render many
** times.
**
** Whitespace is settled at compile time. A tag alone on its line
** ("standalone") takes the whole line with it; every node records whether
** it starts a line ('bol'), so that rendering can put the current
** indentation there: a standalone partial indents the lines of its template,
** never the lines of interpolated data. Parents and blocks follow the
** ~inheritance rules: a parent pair on one line is standalone like a partial;
** a block is a template within the template, so the indentation of its
** content is removed where it is defined (the first line's blanks when the
** opening tag ends its line) and the indentation of the place it is expanded
** is added back.
**
** Rendering walks the tree with a context stack, a stack of the parent tags
** whose blocks override, and the current indentation, all bounded by
** EC_TMPL_MAX_DEPTH, so it needs no allocation per node. */
#include "tmpl.h"

#include "alloc.h"
#include "inline.h"
#include "lang.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef enum nkind {
    N_TEXT,     /* literal text */
    N_VAR,      /* {{x}}: escaped */
    N_RAW,      /* {{{x}}} and {{&x}} */
    N_COMMENT,  /* {{%comment x}}: escaped for a comment of the output's language */
    N_PROSE,    /* {{%prose x}}: catalog prose, as the output's language shows it */
    N_PROSE_COMMENT, /* {{%prose-comment x}}: its plain text, escaped for a comment */
    N_SECTION,  /* {{#x}}...{{/x}} */
    N_INVERTED, /* {{^x}}...{{/x}} */
    N_PARTIAL,  /* {{>x}} */
    N_PARENT,   /* {{<x}}...{{/x}}: its kids are the blocks it passes */
    N_BLOCK     /* {{$x}}...{{/x}}: its kids are the default content */
} nkind;

/* One part of a dotted name, with what lookups need of it worked out
** once at compile time. */
typedef struct tpart {
    const char *key;  /* NUL-terminated */
    uint32_t hash;    /* hash_str(key), for the index of big maps */
    uint32_t hint;    /* its slot in the env's position hints */
} tpart;

/* A name as written in a tag, split at its dots at compile time. */
typedef struct tname {
    const char *full;    /* as written, trimmed ("*x" for a dynamic name) */
    const tpart *parts;
    uint32_t nparts;     /* 0: the implicit iterator "." */
} tname;

typedef struct node node;
struct node {
    nkind kind;
    bool bol;        /* first on its template line: the indentation goes before it */
    bool standalone; /* partial, parent: alone on its line; block: re-indents
                        its content. Both by the blanks [s, s+n) */
    bool dynamic;    /* partial, parent: 'name' is looked up in the context */
    bool lines;      /* block: its closing tag took its line, so it expands to
                        whole lines: a line end is added if the content lacks one */
    bool crlf;       /* that line end is CR LF */
    const char *s;   /* TEXT: the text. Partial, parent, block: the indentation */
    size_t n;        /* it adds when standalone, else blanks written before it */
    tname name;
    const node *kids;
    uint32_t nkids;
    ec_loc at;
};

struct ec_tmpl {
    const char *file;
    const node *nodes;
    uint32_t nnodes;
};

struct ec_tmpl_slot {
    const char *name; /* NULL: free */
    const ec_tmpl *t; /* NULL: no such partial, or it failed */
    bool failed;
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_space(char c)
{
    return is_blank(c) || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* FNV-1a: names and keys are short. */
static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* ---- compiling ---------------------------------------------------------- */

/* A section, parent or block whose closing tag is still to come. */
typedef struct frame {
    node n;          /* the node being built; its kids are in the scratch */
    size_t first;    /* index of its first kid in the scratch */
    size_t strip;    /* the compiler's 'strip' before it opened */
    bool cl;         /* only blanks before its opening tag on that line */
    bool alone;      /* its opening tag was standalone and took its line */
    bool arg;        /* a block passed to a parent (directly inside one) */
} frame;

/* A tag as scanned: [start, end) in the source. */
typedef struct tag {
    size_t start, end;
    char sigil;       /* 0 for a plain variable, else one of #^/!=><$&{% */
    const char *body; /* the content after the sigil, trimmed */
    size_t blen;
    ec_loc at;
} tag;

typedef struct compiler {
    ec_tmpl_env *env;
    ec_diag *d;
    const char *file;
    const char *src; /* the arena's copy of the source */
    size_t len;
    size_t pos;      /* next byte to read */
    size_t last_end; /* end of the previous tag, or of the line it took */
    const char *otag, *ctag;
    size_t olen, clen;
    bool at_bol;     /* nothing emitted yet on the current template line */
    size_t strip;    /* blanks removed from each line start (block content) */
    node *nodes;     /* scratch: kids of the open frames, then top level */
    size_t nnodes, capnodes;
    frame *frames;
    size_t nframes, capframes;
    ec_buf tmp;
    /* Position cache for ec_loc: locations are asked in increasing order. */
    size_t loc_off, loc_ls;
    uint32_t loc_line;
} compiler;

static ec_loc loc_at(compiler *c, size_t off)
{
    if (off < c->loc_off) /* not expected, but stay correct */
        c->loc_off = c->loc_ls = 0, c->loc_line = 1;
    for (; c->loc_off < off; c->loc_off++)
        if (c->src[c->loc_off] == '\n')
            c->loc_line++, c->loc_ls = c->loc_off + 1;
    return (ec_loc){c->file, c->loc_line, (uint32_t)(off - c->loc_ls + 1)};
}

static node *push_node(compiler *c, nkind kind)
{
    if (c->nnodes == c->capnodes) {
        c->capnodes = c->capnodes ? c->capnodes * 2 : 64;
        c->nodes = ec_xrealloc(c->nodes, c->capnodes * sizeof *c->nodes);
    }
    node *n = &c->nodes[c->nnodes++];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    return n;
}

/* Moves the scratch nodes from 'first' on into the arena. */
static const node *freeze(compiler *c, size_t first, uint32_t *count)
{
    size_t n = c->nnodes - first;
    node *kids = NULL;
    if (n) {
        kids = ec_arena_alloc(c->env->arena, n * sizeof *kids);
        memcpy(kids, c->nodes + first, n * sizeof *kids);
    }
    c->nnodes = first;
    *count = (uint32_t)n;
    return kids;
}

static void add_text(compiler *c, const char *s, size_t n)
{
    if (!n)
        return;
    node *t = push_node(c, N_TEXT);
    t->s = s;
    t->n = n;
    t->bol = c->at_bol;
    c->at_bol = s[n - 1] == '\n';
}

/* Number of blanks (at most 'strip') that begin the line at 'off'. */
static size_t strippable(const compiler *c, size_t off, size_t end)
{
    size_t k = 0;
    while (k < c->strip && off + k < end && is_blank(c->src[off + k]))
        k++;
    return k;
}

/* Emits source bytes [a, b) as text. Inside a block's content the blanks of
** its intrinsic indentation are removed from each line start, which needs
** a copy; elsewhere the node points into the source. */
static void emit_text(compiler *c, size_t a, size_t b)
{
    if (a >= b)
        return;
    if (!c->strip) {
        add_text(c, c->src + a, b - a);
        return;
    }
    ec_buf_reset(&c->tmp);
    for (size_t i = a; i < b;) {
        if (i == 0 || c->src[i - 1] == '\n')
            i += strippable(c, i, b);
        const char *nl = memchr(c->src + i, '\n', b - i);
        size_t e = nl ? (size_t)(nl - c->src) + 1 : b;
        ec_buf_put(&c->tmp, c->src + i, e - i);
        i = e;
    }
    add_text(c, ec_arena_strndup(c->env->arena, c->tmp.data, c->tmp.len), c->tmp.len);
}

static size_t find(const compiler *c, size_t from, const char *pat, size_t n)
{
    for (size_t i = from; i + n <= c->len; i++) {
        const char *p = memchr(c->src + i, pat[0], c->len - i);
        if (!p)
            break;
        i = (size_t)(p - c->src);
        if (i + n <= c->len && memcmp(p, pat, n) == 0)
            return i;
    }
    return SIZE_MAX;
}

/* True when only blanks stand between the start of its line and the tag at
** 't' (no other tag either); '*ls' receives that line start. */
static bool clears_left(const compiler *c, size_t t, size_t *ls)
{
    size_t i = t;
    while (i > c->last_end && is_blank(c->src[i - 1]))
        i--;
    *ls = i;
    return i == 0 || c->src[i - 1] == '\n';
}

/* True when only blanks and then a line end (or the end of the source)
** follow 'e'; '*after' receives the position past that line end. */
static bool clears_right(const compiler *c, size_t e, size_t *after)
{
    *after = e;
    while (e < c->len && is_blank(c->src[e]))
        e++;
    if (e == c->len)
        *after = e;
    else if (c->src[e] == '\n')
        *after = e + 1;
    else if (c->src[e] == '\r' && e + 1 < c->len && c->src[e + 1] == '\n')
        *after = e + 2;
    else
        return false;
    return true;
}

static bool scan_tag(compiler *c, size_t t, tag *tg)
{
    static const char sigils[] = "#^/!=><$&{%";
    size_t p = t + c->olen;
    tg->start = t;
    tg->at = loc_at(c, t);
    tg->sigil = p < c->len && c->src[p] && strchr(sigils, c->src[p]) ? c->src[p] : 0;
    if (tg->sigil)
        p++;
    /* {{{x}}} and {{=a b=}} end with their own character before the
    ** closing delimiter. */
    char closer = tg->sigil == '{' ? '}' : tg->sigil == '=' ? '=' : 0;
    size_t q = p;
    for (;;) {
        q = find(c, q, c->ctag, c->clen);
        if (q == SIZE_MAX) {
            ec_error(c->d, tg->at, "unclosed tag: no '%s%.*s' after '%.*s%s'",
                     closer == '}' ? "}" : closer == '=' ? "=" : "", (int)c->clen, c->ctag,
                     (int)c->olen, c->otag, tg->sigil == '{' ? "{" : "");
            return false;
        }
        if (!closer || (q > p && c->src[q - 1] == closer))
            break;
        q++;
    }
    tg->end = q + c->clen;
    size_t b = p, e = closer ? q - 1 : q;
    while (b < e && is_space(c->src[b]))
        b++;
    while (e > b && is_space(c->src[e - 1]))
        e--;
    tg->body = c->src + b;
    tg->blen = e - b;
    return true;
}

/* A new slot in the env's position hints (see map_get), which grow with
** the names compiled. Partials compiled while rendering grow them too: a
** hint is always reached through its index, never a pointer held across a
** compile. */
static uint32_t new_hint(ec_tmpl_env *env)
{
    if (env->nhints == env->caphints) {
        env->caphints = env->caphints ? env->caphints * 2 : 256;
        env->hints = ec_xrealloc(env->hints, env->caphints * sizeof *env->hints);
    }
    env->hints[env->nhints] = 0;
    return (uint32_t)env->nhints++;
}

/* Splits a tag body into a dotted name. Returns false after reporting an
** empty or malformed one. */
static bool parse_name(compiler *c, const tag *tg, const char *s, size_t n, tname *out)
{
    ec_arena *a = c->env->arena;
    out->full = ec_arena_strndup(a, s, n);
    out->nparts = 0;
    out->parts = NULL;
    if (n == 0) {
        ec_error(c->d, tg->at, "empty tag name");
        return false;
    }
    if (n == 1 && s[0] == '.')
        return true;
    uint32_t parts = 1;
    for (size_t i = 0; i < n; i++) {
        if (is_space(s[i])) {
            ec_error(c->d, tg->at, "invalid name '%s': names contain no blanks", out->full);
            return false;
        }
        if (s[i] == '.') {
            if (i == 0 || i + 1 == n || s[i + 1] == '.') {
                ec_error(c->d, tg->at, "invalid name '%s': empty part between dots", out->full);
                return false;
            }
            parts++;
        }
    }
    tpart *p = ec_arena_alloc(a, parts * sizeof *p);
    size_t b = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '.') {
            tpart *t = &p[out->nparts++];
            t->key = ec_arena_strndup(a, s + b, i - b);
            t->hash = hash_str(t->key);
            t->hint = new_hint(c->env);
            b = i + 1;
        }
    }
    out->parts = p;
    return true;
}

/* Partial and parent names: a plain name, or '*' and a dotted name to look
** up in the context. Returns false after reporting. */
static bool parse_target(compiler *c, const tag *tg, node *n)
{
    const char *s = tg->body;
    size_t len = tg->blen;
    if (len && s[0] == '*') {
        n->dynamic = true;
        s++, len--;
        while (len && is_space(*s))
            s++, len--;
        if (!parse_name(c, tg, s, len, &n->name))
            return false;
        n->name.full = ec_arena_printf(c->env->arena, "*%s", n->name.full);
        return true;
    }
    if (!len) {
        ec_error(c->d, tg->at, "empty tag name");
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (is_space(s[i])) {
            ec_error(c->d, tg->at, "invalid name '%.*s': names contain no blanks", (int)len, s);
            return false;
        }
    }
    n->name.full = ec_arena_strndup(c->env->arena, s, len);
    return true;
}

/* Closing tags name what they close the way the opening tag did. */
static bool closes(const frame *f, const tag *tg)
{
    const char *s = tg->body;
    size_t len = tg->blen;
    const char *full = f->n.name.full;
    if (len && s[0] == '*') {
        if (*full != '*')
            return false;
        s++, len--, full++;
        while (len && is_space(*s))
            s++, len--;
    }
    return strlen(full) == len && memcmp(full, s, len) == 0;
}

static const char *what(const node *n)
{
    switch (n->kind) {
    case N_PARENT: return "parent";
    case N_BLOCK: return "block";
    default: return "section";
    }
}

/* {{=<% %>=}}: two delimiters, blank-separated, without '='. */
static bool set_delimiters(compiler *c, const tag *tg)
{
    const char *s = tg->body, *end = s + tg->blen;
    const char *o = s;
    while (s < end && !is_space(*s))
        s++;
    size_t olen = (size_t)(s - o);
    while (s < end && is_space(*s))
        s++;
    const char *cl = s;
    while (s < end && !is_space(*s))
        s++;
    size_t clen = (size_t)(s - cl);
    if (!olen || !clen || s != end || memchr(o, '=', olen) || memchr(cl, '=', clen)) {
        ec_error(c->d, tg->at,
                 "bad delimiter tag: expected two delimiters without '=' separated by a blank, "
                 "as in '%.*s=<%% %%>=%.*s'",
                 (int)c->olen, c->otag, (int)c->clen, c->ctag);
        return false;
    }
    c->otag = o, c->olen = olen;
    c->ctag = cl, c->clen = clen;
    return true;
}

static frame *open_frame(compiler *c, nkind kind, const tag *tg, bool cl)
{
    if (c->nframes == c->capframes) {
        c->capframes = c->capframes ? c->capframes * 2 : 16;
        c->frames = ec_xrealloc(c->frames, c->capframes * sizeof *c->frames);
    }
    frame *f = &c->frames[c->nframes++];
    memset(f, 0, sizeof *f);
    f->n.kind = kind;
    f->n.at = tg->at;
    f->first = c->nnodes;
    f->strip = c->strip;
    f->cl = cl;
    return f;
}

/* The blanks [ls, t) before a tag that cleared left, less the intrinsic
** indentation of the block content they are in. */
static void lead(const compiler *c, size_t ls, size_t t, node *n)
{
    size_t k = strippable(c, ls, t);
    n->s = c->src + ls + k;
    n->n = t - ls - k;
}

/* Ends the line of a standalone tag: the next byte starts a line. */
static void take_line(compiler *c, size_t after)
{
    c->pos = after;
    c->at_bol = true;
}

/* A tag that does not take its line: the blanks before it are text, and
** a closing tag that starts its line ('mark') leaves a mark, so that the
** indentation of that line is still written (inside the section, once per
** pass). */
static void keep_line(compiler *c, size_t ls, size_t t, bool mark)
{
    emit_text(c, ls, t);
    if (mark && c->at_bol) {
        node *m = push_node(c, N_TEXT);
        m->s = "";
        m->bol = true;
    }
}

/* Intrinsic indentation of a block whose opening tag took its line: the
** blanks starting the next line. Lines of its content lose them; the
** part beyond the enclosing strip is what expansion adds back. */
static void intrinsic(compiler *c, size_t after, node *n)
{
    size_t w = 0;
    while (after + w < c->len && is_blank(c->src[after + w]))
        w++;
    size_t k = w < c->strip ? w : c->strip;
    n->s = c->src + after + k;
    n->n = w - k;
    if (w > c->strip)
        c->strip = w;
}

static bool open_tag(compiler *c, const tag *tg, bool cl, bool cr, size_t ls, size_t after)
{
    bool alone = cl && cr;
    bool in_parent = c->nframes && c->frames[c->nframes - 1].n.kind == N_PARENT;
    nkind kind = tg->sigil == '#' ? N_SECTION : tg->sigil == '^' ? N_INVERTED
               : tg->sigil == '<' ? N_PARENT : N_BLOCK;
    /* A tag that does not take its line leaves the blanks before it as
    ** text, and that text comes before the section, not inside it. */
    bool keeps_line = !(kind == N_BLOCK && (in_parent || alone)) &&
                      !((kind == N_BLOCK || kind == N_PARENT) && cl) &&
                      !(alone && kind != N_PARENT);
    bool bol = c->at_bol;
    if (keeps_line)
        keep_line(c, ls, tg->start, false);
    frame *f = open_frame(c, kind, tg, cl);
    if (kind == N_PARENT) {
        if (!parse_target(c, tg, &f->n))
            return false;
    } else if (kind == N_BLOCK) {
        if (!parse_target(c, tg, &f->n))
            return false;
        if (f->n.dynamic) {
            ec_error(c->d, tg->at, "a block name cannot be dynamic");
            return false;
        }
    } else if (!parse_name(c, tg, tg->body, tg->blen, &f->n.name)) {
        return false;
    }

    if (kind == N_BLOCK && in_parent) {
        /* A block passed to a parent: what precedes it in the parent is
        ** ignored, so only a line end right after it matters. */
        f->arg = true;
        if (cr) {
            take_line(c, after);
            intrinsic(c, after, &f->n);
        } else {
            c->at_bol = false;
        }
    } else if (kind == N_BLOCK && alone) {
        take_line(c, after);
        f->alone = f->n.standalone = true;
        intrinsic(c, after, &f->n);
    } else if ((kind == N_BLOCK || kind == N_PARENT) && cl) {
        /* Standalone or not is known at the closing tag; keep the blanks. */
        lead(c, ls, tg->start, &f->n);
        f->n.bol = c->at_bol;
        c->at_bol = false;
    } else if (alone && kind != N_PARENT) {
        take_line(c, after);
        f->alone = true;
    } else {
        f->n.bol = bol;
        c->at_bol = false;
    }
    /* A block's content is a template of its own: it starts a line, and
    ** where it is expanded inline the renderer skips that first indent. */
    if (kind == N_BLOCK)
        c->at_bol = true;
    return true;
}

static bool close_tag(compiler *c, const tag *tg, bool cl, bool cr, size_t ls, size_t after)
{
    if (!c->nframes) {
        ec_error(c->d, tg->at, "closing tag '%.*s' has no opening tag", (int)tg->blen, tg->body);
        return false;
    }
    frame *f = &c->frames[c->nframes - 1];
    if (!closes(f, tg)) {
        ec_error(c->d, tg->at, "closing tag '%.*s' does not match the open %s '%s'",
                 (int)tg->blen, tg->body, what(&f->n), f->n.name.full);
        ec_note(c->d, f->n.at, "%s '%s' opened here", what(&f->n), f->n.name.full);
        return false;
    }
    node n = f->n;
    if (n.kind == N_PARENT) {
        /* Only the blocks inside a parent count; the rest is ignored. */
        size_t k = f->first;
        for (size_t i = f->first; i < c->nnodes; i++)
            if (c->nodes[i].kind == N_BLOCK)
                c->nodes[k++] = c->nodes[i];
        c->nnodes = k;
        if (f->cl && cr) {
            n.standalone = true;
            n.bol = false;
            take_line(c, after);
        } else {
            c->at_bol = false;
        }
    } else if (f->arg) {
        /* The end of a block passed to a parent is like the end of a file:
        ** blanks before it on its line are not content, and the line end
        ** after it belongs to the parent, which ignores it. */
        c->at_bol = false;
    } else {
        if (n.kind == N_BLOCK && !f->alone && f->cl && cr) {
            /* Standalone pair: its blanks become the indentation of its
            ** content rather than text. */
            n.standalone = true;
            n.bol = false;
        }
        if (cl && cr) {
            take_line(c, after);
            n.lines = n.kind == N_BLOCK && after > tg->end && c->src[after - 1] == '\n';
            n.crlf = n.lines && after - tg->end >= 2 && c->src[after - 2] == '\r';
        } else {
            keep_line(c, ls, tg->start, cl);
            c->at_bol = false;
        }
    }
    c->strip = f->strip;
    n.kids = freeze(c, f->first, &n.nkids);
    c->nframes--;
    *push_node(c, n.kind) = n;
    return true;
}

static bool compile_tag(compiler *c, const tag *tg)
{
    size_t ls, after;
    bool cl = clears_left(c, tg->start, &ls);
    bool cr = clears_right(c, tg->end, &after);
    if (!cl)
        ls = tg->start; /* no blanks pending: all before the tag is text */
    emit_text(c, c->pos, ls);
    c->pos = tg->end;
    bool alone = cl && cr;

    switch (tg->sigil) {
    case '!':
    case '=':
        if (tg->sigil == '=' && !set_delimiters(c, tg))
            return false;
        if (alone)
            take_line(c, after);
        else
            keep_line(c, ls, tg->start, false);
        return true;
    case '#':
    case '^':
    case '<':
    case '$':
        return open_tag(c, tg, cl, cr, ls, after);
    case '/':
        return close_tag(c, tg, cl, cr, ls, after);
    case '>': {
        node p = {0};
        p.kind = N_PARTIAL;
        p.at = tg->at;
        if (!parse_target(c, tg, &p))
            return false;
        if (alone) {
            p.standalone = true;
            lead(c, ls, tg->start, &p);
            take_line(c, after);
        } else {
            keep_line(c, ls, tg->start, false);
            p.bol = c->at_bol;
            c->at_bol = false;
        }
        *push_node(c, N_PARTIAL) = p;
        return true;
    }
    default: {
        keep_line(c, ls, tg->start, false);
        node v = {0};
        v.kind = tg->sigil == '&' || tg->sigil == '{' ? N_RAW : N_VAR;
        v.at = tg->at;
        v.bol = c->at_bol;
        c->at_bol = false;
        const char *body = tg->body;
        size_t blen = tg->blen;
        if (tg->sigil == '%') {
            /* {{%comment x}}: a value inside a comment needs the comment's
            ** escapes, not a string literal's ("\"" would show). {{%prose
            ** x}}: a value that is catalog prose (inline.h), rendered as
            ** markup or stripped to its text; {{%prose-comment x}}: its
            ** text, inside a comment. */
            static const struct {
                const char *mode;
                nkind kind;
            } modes[] = {{"comment", N_COMMENT}, {"prose", N_PROSE},
                         {"prose-comment", N_PROSE_COMMENT}};
            size_t k = 0, m = 0;
            for (; k < sizeof modes / sizeof *modes; k++) {
                m = strlen(modes[k].mode);
                if (blen > m && memcmp(body, modes[k].mode, m) == 0 && is_space(body[m]))
                    break;
            }
            if (k == sizeof modes / sizeof *modes) {
                ec_error(c->d, tg->at, "unknown tag '%.*s%%%.*s%.*s': the '%%' tags are "
                         "'%%comment NAME', '%%prose NAME' and '%%prose-comment NAME'",
                         (int)c->olen, c->otag, (int)blen, body, (int)c->clen, c->ctag);
                return false;
            }
            v.kind = modes[k].kind;
            for (body += m, blen -= m; blen && is_space(*body); body++, blen--)
                ;
        }
        if (!parse_name(c, tg, body, blen, &v.name))
            return false;
        *push_node(c, v.kind) = v;
        return true;
    }
    }
}

static bool compile_all(compiler *c)
{
    while (c->pos < c->len) {
        size_t t = find(c, c->pos, c->otag, c->olen);
        if (t == SIZE_MAX)
            break;
        tag tg;
        if (!scan_tag(c, t, &tg) || !compile_tag(c, &tg))
            return false;
        c->last_end = c->pos;
    }
    emit_text(c, c->pos, c->len);
    if (c->nframes) {
        const frame *f = &c->frames[c->nframes - 1];
        ec_error(c->d, loc_at(c, c->len), "unclosed %s '%s' at the end of the template",
                 what(&f->n), f->n.name.full);
        ec_note(c->d, f->n.at, "%s '%s' opened here", what(&f->n), f->n.name.full);
        return false;
    }
    return true;
}

ec_tmpl *ec_tmpl_compile(ec_tmpl_env *env, const char *file, const char *text, size_t len)
{
    compiler c;
    memset(&c, 0, sizeof c);
    c.env = env;
    c.d = env->diag;
    c.file = ec_arena_strdup(env->arena, file ? file : "<template>");
    c.src = ec_arena_strndup(env->arena, text, len);
    c.len = len;
    c.otag = "{{", c.olen = 2;
    c.ctag = "}}", c.clen = 2;
    c.at_bol = true;
    c.loc_line = 1;
    ec_buf_init(&c.tmp);

    ec_tmpl *t = NULL;
    if (compile_all(&c)) {
        t = ec_arena_alloc(env->arena, sizeof *t);
        t->file = c.file;
        t->nodes = freeze(&c, 0, &t->nnodes);
    }
    free(c.nodes);
    free(c.frames);
    ec_buf_free(&c.tmp);
    return t;
}

/* ---- the partial cache -------------------------------------------------- */

void ec_tmpl_env_init(ec_tmpl_env *env, ec_arena *a, ec_diag *d)
{
    memset(env, 0, sizeof *env);
    env->arena = a;
    env->diag = d;
    env->escape = ec_lang_html.escape;
    env->comment_escape = ec_escape_comment;
    env->prose = ec_lang_html.prose;
}

void ec_tmpl_env_language(ec_tmpl_env *env, const ec_language *L)
{
    env->escape = L ? L->escape : ec_escape_none;
    env->comment_escape = L && L->comment ? L->comment : ec_escape_comment;
    env->prose = L ? L->prose : NULL;
    env->prose_comment = L ? L->prose_comment : NULL;
}

void ec_tmpl_env_free(ec_tmpl_env *env)
{
    free(env->slots);
    env->slots = NULL;
    env->nslots = env->used = 0;
    free(env->hints);
    env->hints = NULL;
    env->nhints = env->caphints = 0;
}

static ec_tmpl_slot *slot_for(ec_tmpl_slot *slots, size_t nslots, const char *name)
{
    size_t i = hash_str(name) & (nslots - 1);
    while (slots[i].name && strcmp(slots[i].name, name) != 0)
        i = (i + 1) & (nslots - 1);
    return &slots[i];
}

static void grow_cache(ec_tmpl_env *env)
{
    size_t n = env->nslots ? env->nslots * 2 : 16;
    ec_tmpl_slot *slots = ec_xmalloc(n * sizeof *slots);
    memset(slots, 0, n * sizeof *slots);
    for (size_t i = 0; i < env->nslots; i++)
        if (env->slots[i].name)
            *slot_for(slots, n, env->slots[i].name) = env->slots[i];
    free(env->slots);
    env->slots = slots;
    env->nslots = n;
}

const ec_tmpl *ec_tmpl_partial(ec_tmpl_env *env, const char *name, bool *failed)
{
    if (2 * (env->used + 1) > env->nslots)
        grow_cache(env);
    ec_tmpl_slot *s = slot_for(env->slots, env->nslots, name);
    if (!s->name) {
        const char *text = NULL, *file = NULL;
        size_t len = 0;
        ec_tmpl *t = NULL;
        bool found = env->source && env->source(env->source_ud, name, &text, &len, &file);
        if (found)
            t = ec_tmpl_compile(env, file ? file : name, text, len);
        /* Compiling does not touch the cache (partials compile lazily), so
        ** 's' is still the right slot. */
        s->name = ec_arena_strdup(env->arena, name);
        s->t = t;
        s->failed = found && !t;
        env->used++;
    }
    if (failed)
        *failed = s->failed;
    return s->t;
}

/* ---- rendering ---------------------------------------------------------- */

/* Maps with this many members or more get a hash index on first lookup;
** smaller ones are searched linearly, which is faster for them. */
#define BIG_MAP 32
#define INDEX_SLOTS 64 /* big maps indexed at once; more evict each other */

typedef struct map_index {
    const ec_member *members; /* the map indexed; NULL: unused */
    uint32_t *tab;            /* member index + 1, 0: empty; open addressing */
    size_t cap;               /* slots in 'tab', a power of two */
} map_index;

typedef struct render {
    ec_tmpl_env *env;
    ec_buf *out;
    const ec_value *ctx[EC_TMPL_MAX_DEPTH + EC_TMPL_MAX_BASE]; /* context stack, top last */
    unsigned nctx;
    const node *parents[EC_TMPL_MAX_DEPTH]; /* parent tags being expanded, outermost first */
    unsigned nparents;
    unsigned depth;
    ec_buf ind;             /* indentations; the current one is a window of it */
    size_t ind_off, ind_len;
    bool skip_indent;       /* block content expanded inline: its first line
                               continues the line of the block tag */
    ec_buf num;             /* a scalar's text, before escaping */
    ec_buf prose;           /* prose's plain text, before escaping */
    map_index index[INDEX_SLOTS];
    ec_arena items;         /* the item of a lazy list being rendered */
} render;

static void build_index(map_index *mi, const ec_value *m)
{
    size_t cap = 64;
    while (cap < 2 * (size_t)m->len)
        cap *= 2;
    if (cap > mi->cap) {
        free(mi->tab);
        mi->tab = ec_xmalloc(cap * sizeof *mi->tab);
    }
    mi->cap = cap;
    memset(mi->tab, 0, cap * sizeof *mi->tab);
    mi->members = m->u.members;
    for (uint32_t k = 0; k < m->len; k++) {
        const char *key = m->u.members[k].key;
        size_t i = hash_str(key) & (cap - 1);
        /* The first of equal keys wins, as in ec_map_get. */
        while (mi->tab[i] && strcmp(m->u.members[mi->tab[i] - 1].key, key) != 0)
            i = (i + 1) & (cap - 1);
        if (!mi->tab[i])
            mi->tab[i] = k + 1;
    }
}

/* Whether member key 'k' is the name part 'p'. The first byte, compared
** inline, rules out most members without a call. */
static bool key_is(const char *k, const tpart *p)
{
    return k[0] == p->key[0] && strcmp(k, p->key) == 0;
}

/* Member 'p' of map 'm', or NULL (also when 'm' is not a map).
**
** The view makes many maps of one layout (an entry per code, a parameter
** per name), and a tag meets them one after the other, so the position
** where its name was last found is tried first: one comparison when the
** layout is the same. A match there is the member, as the keys of a map
** are distinct (ec_builder_map). Otherwise small maps are searched
** linearly and big ones through a hash index. */
static const ec_value *map_get(render *rs, const ec_value *m, const tpart *p)
{
    if (m->kind != EC_VMAP)
        return NULL;
    const ec_member *mem = m->u.members;
    uint32_t *hint = &rs->env->hints[p->hint];
    if (*hint < m->len && key_is(mem[*hint].key, p))
        return &mem[*hint].val;
    uint32_t k = 0;
    if (m->len < BIG_MAP) {
        while (k < m->len && !key_is(mem[k].key, p))
            k++;
        if (k == m->len)
            return NULL;
    } else {
        uintptr_t a = (uintptr_t)mem;
        map_index *mi = &rs->index[((a >> 4) ^ (a >> 10)) % INDEX_SLOTS];
        if (mi->members != mem)
            build_index(mi, m);
        size_t i = p->hash & (mi->cap - 1);
        for (; mi->tab[i]; i = (i + 1) & (mi->cap - 1))
            if (key_is(mem[mi->tab[i] - 1].key, p))
                break;
        if (!mi->tab[i])
            return NULL;
        k = mi->tab[i] - 1;
    }
    *hint = k;
    return &mem[k].val;
}

/* The first part of a name is looked up down the context stack, the
** others only in what the part before found. NULL: not found. */
static const ec_value *lookup(render *rs, const tname *nm)
{
    if (!nm->nparts)
        return rs->ctx[rs->nctx - 1];
    const ec_value *v = NULL;
    for (unsigned i = rs->nctx; i-- > 0 && !v;)
        v = map_get(rs, rs->ctx[i], &nm->parts[0]);
    for (uint32_t k = 1; v && k < nm->nparts; k++)
        v = map_get(rs, v, &nm->parts[k]);
    return v;
}

/* A template line starts: the indentation goes here, unless the line is
** empty or continues the line of an inline block. */
static void line_start(render *rs, bool empty)
{
    if (rs->skip_indent)
        rs->skip_indent = false;
    else if (!empty)
        ec_buf_put(rs->out, rs->ind.data + rs->ind_off, rs->ind_len);
}

static bool starts_line_end(const char *s, size_t n)
{
    return n && (s[0] == '\n' || (s[0] == '\r' && n > 1 && s[1] == '\n'));
}

/* Template text: the indentation goes at each line start it holds, except
** before an empty line. */
static void put_text(render *rs, const char *s, size_t n, bool bol)
{
    if (!rs->ind_len && !rs->skip_indent) {
        ec_buf_put(rs->out, s, n);
        return;
    }
    if (bol)
        line_start(rs, starts_line_end(s, n));
    const char *nl;
    while ((nl = memchr(s, '\n', n)) != NULL) {
        size_t k = (size_t)(nl - s) + 1;
        ec_buf_put(rs->out, s, k);
        s += k, n -= k;
        if (n)
            line_start(rs, starts_line_end(s, n));
    }
    ec_buf_put(rs->out, s, n);
}

static void interpolate(render *rs, const ec_value *v, nkind kind)
{
    if (!v)
        return;
    bool raw = kind == N_RAW;
    ec_escape_fn esc = raw || !rs->env->escape                    ? ec_escape_none
                     : kind == N_COMMENT || kind == N_PROSE_COMMENT ? rs->env->comment_escape
                                                                    : rs->env->escape;
    if ((kind == N_PROSE || kind == N_PROSE_COMMENT) && rs->env->escape) {
        /* Prose: the language's own writer, or its plain text escaped. */
        const char *text = v->u.s;
        size_t len = v->len;
        if (v->kind != EC_VSTR) {
            ec_buf_reset(&rs->num);
            ec_value_text(v, &rs->num);
            text = rs->num.data, len = rs->num.len;
        }
        ec_escape_fn own = kind == N_PROSE ? rs->env->prose : rs->env->prose_comment;
        if (own) {
            own(rs->out, text, len);
        } else {
            ec_buf_reset(&rs->prose);
            ec_inline_plain(&rs->prose, text, len);
            esc(rs->out, rs->prose.data, rs->prose.len);
        }
        return;
    }
    if (v->kind == EC_VSTR) {
        esc(rs->out, v->u.s, v->len);
    } else if (raw) {
        ec_value_text(v, rs->out);
    } else {
        ec_buf_reset(&rs->num);
        ec_value_text(v, &rs->num);
        esc(rs->out, rs->num.data, rs->num.len);
    }
}

/* The indentation in force before a partial, parent or block changed it. */
typedef struct saved_indent {
    size_t buf_len, off, len;
} saved_indent;

/* 'keep': the indentation grows by [s, s+n) (a standalone partial or
** parent, a block). Otherwise it is dropped: the suite indents only the
** lines of a partial that stands alone, not those of an inline one. */
static saved_indent push_indent(render *rs, bool keep, const char *s, size_t n)
{
    saved_indent sv = {rs->ind.len, rs->ind_off, rs->ind_len};
    if (!keep) {
        rs->ind_len = 0;
    } else if (n) {
        ec_buf_reserve(&rs->ind, rs->ind_len + n);
        size_t off = rs->ind.len;
        /* Copy the current window first: the reserve above may have moved it. */
        memcpy(rs->ind.data + off, rs->ind.data + rs->ind_off, rs->ind_len);
        memcpy(rs->ind.data + off + rs->ind_len, s, n);
        rs->ind.len = off + rs->ind_len + n;
        rs->ind.data[rs->ind.len] = '\0';
        rs->ind_off = off;
        rs->ind_len += n;
    }
    return sv;
}

static void pop_indent(render *rs, saved_indent sv)
{
    rs->ind.len = sv.buf_len;
    if (rs->ind.cap)
        rs->ind.data[rs->ind.len] = '\0';
    rs->ind_off = sv.off;
    rs->ind_len = sv.len;
}

static bool enter(render *rs, const node *n)
{
    if (rs->depth >= EC_TMPL_MAX_DEPTH) {
        ec_error(rs->env->diag, n->at,
                 "template nesting deeper than %d levels (recursive partial?)", EC_TMPL_MAX_DEPTH);
        return false;
    }
    rs->depth++;
    return true;
}

static bool render_nodes(render *rs, const node *nodes, uint32_t n);

/* The template a partial or parent tag names. Returns false after
** reporting a partial that does not compile; '*t' NULL: render nothing. */
static bool target(render *rs, const node *n, const ec_tmpl **t)
{
    const char *name = n->name.full;
    *t = NULL;
    if (n->dynamic) {
        const ec_value *v = lookup(rs, &n->name);
        if (!v || v->kind == EC_VNULL || v->kind == EC_VLIST || v->kind == EC_VMAP ||
            v->kind == EC_VLAZY)
            return true;
        ec_buf_reset(&rs->num);
        ec_value_text(v, &rs->num);
        name = rs->num.data;
    }
    ec_diag *d = rs->env->diag;
    unsigned errors = d->errors;
    bool failed = false;
    *t = ec_tmpl_partial(rs->env, name, &failed);
    if (!failed)
        return true;
    if (d->errors > errors)
        ec_note(d, n->at, "in the %s included here", n->kind == N_PARENT ? "parent" : "partial");
    else
        ec_error(d, n->at, "%s '%s' does not compile", n->kind == N_PARENT ? "parent" : "partial",
                 name);
    return false;
}

/* Renders another template (partial or parent) at 'n'. */
static bool render_include(render *rs, const node *n)
{
    const ec_tmpl *t;
    if (!target(rs, n, &t))
        return false;
    if (!t)
        return true;
    if (!enter(rs, n))
        return false;
    if (n->kind == N_PARENT)
        rs->parents[rs->nparents++] = n;
    saved_indent sv = push_indent(rs, n->standalone, n->s, n->n);
    bool ok = render_nodes(rs, t->nodes, t->nnodes);
    pop_indent(rs, sv);
    if (n->kind == N_PARENT)
        rs->nparents--;
    rs->depth--;
    return ok;
}

/* A block renders what the outermost parent passing one of its name
** passed, or else its own content. */
static bool render_block(render *rs, const node *n)
{
    const node *kids = n->kids;
    uint32_t nkids = n->nkids;
    bool found = false;
    for (unsigned i = 0; i < rs->nparents && !found; i++) {
        const node *p = rs->parents[i];
        for (uint32_t k = 0; k < p->nkids && !found; k++) {
            if (strcmp(p->kids[k].name.full, n->name.full) == 0) {
                kids = p->kids[k].kids;
                nkids = p->kids[k].nkids;
                found = true;
            }
        }
    }
    if (!enter(rs, n))
        return false;
    saved_indent sv = push_indent(rs, true, n->standalone ? n->s : NULL, n->standalone ? n->n : 0);
    bool skip = rs->skip_indent;
    rs->skip_indent = !n->standalone;
    size_t start = ec_buf_pos(rs->out);
    bool ok = render_nodes(rs, kids, nkids);
    if (ok && n->lines && ec_buf_pos(rs->out) > start && ec_buf_last(rs->out) != '\n')
        ec_buf_puts(rs->out, n->crlf ? "\r\n" : "\n");
    rs->skip_indent = skip;
    pop_indent(rs, sv);
    rs->depth--;
    return ok;
}

static bool render_section(render *rs, const node *n)
{
    const ec_value *v = lookup(rs, &n->name);
    bool truthy = v && ec_value_truthy(v);
    if (n->kind == N_INVERTED ? truthy : !truthy)
        return true;
    if (!enter(rs, n))
        return false;
    bool ok = true;
    if (n->kind == N_INVERTED) {
        ok = render_nodes(rs, n->kids, n->nkids);
    } else if (v->kind == EC_VLIST) {
        for (uint32_t i = 0; i < v->len && ok; i++) {
            rs->ctx[rs->nctx++] = &v->u.items[i];
            ok = render_nodes(rs, n->kids, n->nkids);
            rs->nctx--;
            ec_buf_spill(rs->out); /* a list of tables can be megabytes too */
        }
    } else if (v->kind == EC_VLAZY) {
        for (uint32_t i = 0; i < v->len && ok; i++) {
            ec_arena_point mark = ec_arena_mark(&rs->items);
            ec_value item = ec_list_at(v, i, &rs->items);
            rs->ctx[rs->nctx++] = &item;
            ok = render_nodes(rs, n->kids, n->nkids);
            rs->nctx--;
            ec_arena_release(&rs->items, mark);
            /* The next item reuses this memory: forget the maps indexed. */
            for (size_t k = 0; k < INDEX_SLOTS; k++)
                rs->index[k].members = NULL;
            ec_buf_spill(rs->out);
        }
    } else {
        rs->ctx[rs->nctx++] = v;
        ok = render_nodes(rs, n->kids, n->nkids);
        rs->nctx--;
    }
    rs->depth--;
    return ok;
}

static bool render_node(render *rs, const node *n)
{
    if (n->kind == N_TEXT) {
        put_text(rs, n->s, n->n, n->bol);
        return true;
    }
    if (n->bol)
        line_start(rs, false);
    switch (n->kind) {
    case N_VAR:
    case N_RAW:
    case N_COMMENT:
    case N_PROSE:
    case N_PROSE_COMMENT: interpolate(rs, lookup(rs, &n->name), n->kind); return true;
    case N_SECTION:
    case N_INVERTED: return render_section(rs, n);
    case N_PARTIAL:
    case N_PARENT:
        if (!n->standalone)
            ec_buf_put(rs->out, n->s, n->n);
        return render_include(rs, n);
    case N_BLOCK:
        if (!n->standalone)
            ec_buf_put(rs->out, n->s, n->n);
        return render_block(rs, n);
    case N_TEXT: break;
    }
    return true;
}

static bool render_nodes(render *rs, const node *nodes, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (!render_node(rs, &nodes[i]))
            return false;
    return true;
}

bool ec_tmpl_render(ec_tmpl_env *env, const ec_tmpl *t, const ec_value *data, ec_buf *out)
{
    static const ec_value null_value = {.kind = EC_VNULL};
    const ec_value *base = data ? data : &null_value;
    return ec_tmpl_render_stack(env, t, &base, 1, out);
}

bool ec_tmpl_render_stack(ec_tmpl_env *env, const ec_tmpl *t, const ec_value *const *stack,
                          size_t n, ec_buf *out)
{
    render rs;
    memset(&rs, 0, sizeof rs);
    rs.env = env;
    rs.out = out;
    for (size_t i = 0; i < n && i < EC_TMPL_MAX_BASE; i++)
        rs.ctx[rs.nctx++] = stack[i];
    ec_buf_init(&rs.ind);
    ec_buf_init(&rs.num);
    ec_buf_init(&rs.prose);
    ec_arena_init(&rs.items);
    bool ok = render_nodes(&rs, t->nodes, t->nnodes);
    ec_arena_free(&rs.items);
    for (size_t i = 0; i < INDEX_SLOTS; i++)
        free(rs.index[i].tab);
    ec_buf_free(&rs.ind);
    ec_buf_free(&rs.num);
    ec_buf_free(&rs.prose);
    return ok;
}
