/* doc.c: libyaml events -> positioned value tree. */
#include "doc.h"

#include "alloc.h"
#include "buf.h"
#include "phash.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

const ec_doc_limits ec_doc_default_limits = {64, 10000};

typedef struct anchor {
    const char *name;
    ec_value val;
    size_t nodes;
} anchor;

typedef struct parser {
    yaml_parser_t yp;
    ec_arena *a;       /* the tree's nodes */
    ec_arena *strings; /* its scalars and keys */
    const char *file;
    const char *text;
    size_t len;
    const ec_doc_limits *lim;
    ec_diag *d;
    anchor *anchors;
    size_t nanchors, cap_anchors;
    size_t alias_nodes;
    bool failed;
    /* Streaming (see ec_doc_stream): the keys of the collections around the
    ** node being parsed, and the map a member's value is parsed for. */
    const ec_doc_stream *stream;
    const char **keys;
    const ec_builder *outer;
    /* Map keys, each spelling copied once: a catalog repeats a few keys
    ** for every code. Open addressing, 'ncap' a power of two. */
    const char **names;
    size_t nnames, ncap;
    /* A .json file's surrogate pairs, rewritten for libyaml (see
    ** join_surrogates): where each rewrite ends in the text parsed, and the
    ** first rewrite on its line, so that columns are the file's again. */
    char *joined;
    size_t *fix_end, *fix_first;
    size_t nfix;
    /* The bytes of the text handed to libyaml, and released after (see
    ** ec_doc_stream's release). */
    size_t fed, released;
} parser;

/* Each rewrite made the line two columns shorter ("\uD83D\uDE00" is twelve
** characters, "\U0001F600" ten): give them back to a mark after it. */
static ec_loc loc_of(const parser *p, yaml_mark_t m)
{
    size_t col = m.column;
    size_t lo = 0, hi = p->nfix; /* the rewrites that end at or before m */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->fix_end[mid] <= m.index)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo && !memchr(p->text + p->fix_end[lo - 1], '\n', m.index - p->fix_end[lo - 1]))
        col += 2 * (lo - p->fix_first[lo - 1]); /* the rewrites on m's line */
    return (ec_loc){p->file, (uint32_t)m.line + 1, (uint32_t)col + 1};
}

static unsigned hex4(const char *s)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                            : 16;
        if (d > 15)
            return 0x10000; /* not four hex digits */
        v = v << 4 | d;
    }
    return v;
}

/* The code point of a UTF-16 surrogate pair written as two JSON escapes at
** 's' ("\uD83D\uDE00"), or 0. */
static unsigned surrogate_pair(const char *s, size_t n)
{
    if (n < 12 || s[0] != '\\' || s[1] != 'u' || s[6] != '\\' || s[7] != 'u')
        return 0;
    unsigned hi = hex4(s + 2), lo = hex4(s + 8);
    if (hi < 0xd800 || hi > 0xdbff || lo < 0xdc00 || lo > 0xdfff)
        return 0;
    return 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
}

/* JSON writers spell a character beyond U+FFFF as a surrogate pair, which
** YAML's escapes do not accept. In a .json file every string is double-
** quoted, so each pair inside a string can be rewritten exactly as YAML's
** \UXXXXXXXX before libyaml reads the text. */
static void join_surrogates(parser *p)
{
    size_t n = strlen(p->file);
    if (n < 5 || strcmp(p->file + n - 5, ".json") != 0)
        return;
    const char *t = p->text;
    ec_buf out;
    ec_buf_init(&out);
    size_t cap = 0, copied = 0, line_first = SIZE_MAX;
    bool in_string = false;
    for (size_t i = 0; i < p->len; i++) {
        char c = t[i];
        if (c == '\n')
            line_first = SIZE_MAX;
        if (!in_string) {
            in_string = c == '"';
            continue;
        }
        if (c == '"') {
            in_string = false;
            continue;
        }
        if (c != '\\')
            continue;
        unsigned cp = surrogate_pair(t + i, p->len - i);
        if (!cp) {
            i++; /* the escaped character */
            continue;
        }
        ec_buf_put(&out, t + copied, i - copied);
        ec_buf_printf(&out, "\\U%08X", cp);
        copied = i + 12;
        if (p->nfix == cap) {
            cap = cap ? 2 * cap : 16;
            p->fix_end = ec_xrealloc(p->fix_end, cap * sizeof *p->fix_end);
            p->fix_first = ec_xrealloc(p->fix_first, cap * sizeof *p->fix_first);
        }
        if (line_first == SIZE_MAX)
            line_first = p->nfix;
        p->fix_end[p->nfix] = out.len;
        p->fix_first[p->nfix++] = line_first;
        i += 11;
    }
    if (!p->nfix) {
        ec_buf_free(&out);
        return;
    }
    ec_buf_put(&out, t + copied, p->len - copied);
    p->joined = ec_buf_detach(&out, &p->len);
    p->text = p->joined;
}

/* The text released a step at a time: fewer calls, and little held. */
#define RELEASE_STEP ((size_t)1 << 18)

/* libyaml's reads of the text, as yaml_parser_set_input_string's, with the
** bytes read released behind them. */
static int read_text(void *data, unsigned char *buf, size_t size, size_t *size_read)
{
    parser *p = data;
    size_t n = p->len - p->fed < size ? p->len - p->fed : size;
    memcpy(buf, p->text + p->fed, n);
    p->fed += n;
    *size_read = n;
    if (p->stream && p->stream->release && !p->joined &&
        (p->fed - p->released >= RELEASE_STEP || p->fed == p->len)) {
        p->stream->release(p->stream->ud, p->released, p->fed);
        p->released = p->fed;
    }
    return 1;
}

static bool next_event(parser *p, yaml_event_t *ev)
{
    if (yaml_parser_parse(&p->yp, ev))
        return true;
    yaml_mark_t m = p->yp.problem_mark;
    const char *what = p->yp.problem ? p->yp.problem : "invalid YAML";
    if (p->yp.error == YAML_READER_ERROR) {
        /* The reader reports a byte offset, not a line: count it out. */
        ec_loc at = {p->file, 1, 1};
        for (size_t i = 0; i < p->yp.problem_offset && i < p->len; i++) {
            if (p->text[i] == '\n')
                at.line++, at.col = 1;
            else if (((unsigned char)p->text[i] & 0xc0) != 0x80)
                at.col++;
        }
        ec_error(p->d, at, "%s", what);
    } else if (m.index >= 2 && surrogate_pair(p->text + m.index - 2, p->len - m.index + 2)) {
        ec_error(p->d, loc_of(p, m), "a UTF-16 surrogate pair (%.12s), which YAML does not read: "
                 "write the character itself or \\U%08X (a .json catalog may keep the pair)",
                 p->text + m.index - 2, surrogate_pair(p->text + m.index - 2, p->len - m.index + 2));
    } else if (m.index < p->len && p->text[m.index] == '\t') {
        ec_error(p->d, loc_of(p, m), "a tab where YAML expects spaces: indent with spaces");
    } else if (p->yp.context) {
        ec_error(p->d, loc_of(p, m), "%s %s", what, p->yp.context);
        /* "while parsing a block mapping" -> "the block mapping started here" */
        const char *ctx = p->yp.context, *sp = strstr(ctx, " a ");
        if (p->yp.context_mark.index != m.index)
            ec_note(p->d, loc_of(p, p->yp.context_mark), "the %s started here",
                    sp ? sp + 3 : ctx);
    } else {
        ec_error(p->d, loc_of(p, m), "%s", what);
    }
    p->failed = true;
    return false;
}

/* A tag as the author wrote it: "!!binary", not "tag:yaml.org,2002:binary". */
static void check_tag(parser *p, const yaml_char_t *tag, yaml_mark_t m, bool scalar)
{
    static const char core[] = "tag:yaml.org,2002:";
    const char *t = (const char *)tag;
    if (!t || (scalar && strcmp(t, YAML_STR_TAG) == 0) || strcmp(t, "!") == 0)
        return;
    bool is_core = strncmp(t, core, sizeof core - 1) == 0;
    ec_error(p->d, loc_of(p, m), "unsupported tag '%s%s'", is_core ? "!!" : "",
             is_core ? t + sizeof core - 1 : t);
    p->failed = true;
}

static bool is_plain(const yaml_event_t *ev)
{
    return ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev->data.scalar.tag;
}

static bool str_in(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (strcmp(s, *set) == 0)
            return true;
    return false;
}

/* YAML 1.2 core schema resolution of a plain scalar. */
static ec_value resolve_plain(parser *p, const char *s, size_t n, ec_loc at)
{
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL", NULL};
    static const char *const trues[] = {"true", "True", "TRUE", NULL};
    static const char *const falses[] = {"false", "False", "FALSE", NULL};
    static const char *const infs[] = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL};
    static const char *const ninfs[] = {"-.inf", "-.Inf", "-.INF", NULL};
    static const char *const nans[] = {".nan", ".NaN", ".NAN", NULL};
    /* Most scalars are words: only these can start a null, a boolean or a
    ** number. */
    if (*s && !strchr("~nNtTfF.+-0123456789", *s))
        return ec_vstrn(s, n);
    if (str_in(s, nulls))
        return ec_vnull();
    if (str_in(s, trues))
        return ec_vbool(true);
    if (str_in(s, falses))
        return ec_vbool(false);
    if (str_in(s, infs))
        return ec_vfloat(HUGE_VAL);
    if (str_in(s, ninfs))
        return ec_vfloat(-HUGE_VAL);
    if (str_in(s, nans))
        return ec_vfloat(NAN);
    const char *q = s;
    if (*q == '-' || *q == '+')
        q++;
    int base = 10;
    const char *digits = q;
    if (q[0] == '0' && q[1] == 'x' && q == s)
        base = 16, digits = q + 2;
    else if (q[0] == '0' && q[1] == 'o' && q == s)
        base = 8, digits = q + 2;
    size_t nd = strspn(digits, base == 16 ? "0123456789abcdefABCDEF"
                               : base == 8 ? "01234567" : "0123456789");
    if (nd && digits + nd == s + n) {
        errno = 0;
        char *end;
        long long v = strtoll(base == 10 ? s : digits, &end, base);
        if (errno == ERANGE) {
            ec_error(p->d, at, "integer '%s' is out of range (64-bit signed)", s);
            p->failed = true;
            return ec_vint(0);
        }
        return ec_vint((int64_t)v);
    }
    /* [-+]? ( . [0-9]+ | [0-9]+ ( . [0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
    size_t ip = strspn(q, "0123456789"), fp = 0;
    const char *r = q + ip;
    if (*r == '.') {
        fp = strspn(r + 1, "0123456789");
        r += 1 + fp;
    }
    if ((ip || fp) && (r > q + ip || *r == 'e' || *r == 'E')) {
        if (*r == 'e' || *r == 'E') {
            const char *e = r + 1;
            if (*e == '-' || *e == '+')
                e++;
            size_t ed = strspn(e, "0123456789");
            r = ed ? e + ed : r;
        }
        if (r == s + n)
            return ec_vfloat(strtod(s, NULL));
    }
    return ec_vstrn(s, n);
}

static ec_value parse_node(parser *p, yaml_event_t *ev, unsigned depth, size_t *nodes);

static void remember_anchor(parser *p, const yaml_char_t *name, ec_value v, size_t nodes)
{
    if (p->nanchors == p->cap_anchors) {
        p->cap_anchors = p->cap_anchors ? p->cap_anchors * 2 : 8;
        p->anchors = ec_xrealloc(p->anchors, p->cap_anchors * sizeof *p->anchors);
    }
    /* A later anchor of the same name shadows an earlier one (YAML 1.2). */
    p->anchors[p->nanchors++] = (anchor){ec_arena_strdup(p->a, (const char *)name), v, nodes};
}

/* The one copy of a key's spelling ('n' bytes at 's', NUL after them). */
static const char *intern_key(parser *p, const char *s, size_t n)
{
    if (2 * (p->nnames + 1) > p->ncap) {
        size_t cap = p->ncap ? 2 * p->ncap : 64;
        const char **names = ec_xmalloc(cap * sizeof *names);
        memset(names, 0, cap * sizeof *names);
        for (size_t i = 0; i < p->ncap; i++) {
            if (!p->names[i])
                continue;
            size_t h = ec_hash_str(p->names[i], strlen(p->names[i])) & (cap - 1);
            while (names[h])
                h = (h + 1) & (cap - 1);
            names[h] = p->names[i];
        }
        free(p->names);
        p->names = names;
        p->ncap = cap;
    }
    size_t h = ec_hash_str(s, n) & (p->ncap - 1);
    for (; p->names[h]; h = (h + 1) & (p->ncap - 1))
        if (strncmp(p->names[h], s, n) == 0 && p->names[h][n] == '\0')
            return p->names[h];
    p->nnames++;
    return p->names[h] = ec_arena_strndup(p->strings, s, n);
}

static ec_value parse_scalar(parser *p, yaml_event_t *ev, bool key)
{
    ec_loc at = loc_of(p, ev->start_mark);
    const char *s = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    if (memchr(s, '\0', n)) {
        ec_error(p->d, at, "string contains a NUL character, which errcat does not accept");
        p->failed = true;
    }
    ec_value v = is_plain(ev) ? resolve_plain(p, s, n, at) : ec_vstrn(s, n);
    /* A key holding a NUL is refused (failed): its spelling is not kept.
    ** The text of a scalar that is not a string (a code's number), which
    ** only diagnostics read (raw), goes with the nodes. */
    const char *copy = key && !p->failed ? intern_key(p, s, n)
                       : ec_arena_strndup(key || v.kind == EC_VSTR ? p->strings : p->a, s, n);
    if (v.kind == EC_VSTR)
        v.u.s = copy;
    check_tag(p, ev->data.scalar.tag, ev->start_mark, true);
    v.raw = copy;
    v.at = at;
    return v;
}

static ec_value parse_alias(parser *p, yaml_event_t *ev, size_t *nodes)
{
    ec_loc at = loc_of(p, ev->start_mark);
    const char *name = (const char *)ev->data.alias.anchor;
    for (size_t i = p->nanchors; i-- > 0;) {
        if (strcmp(p->anchors[i].name, name) != 0)
            continue;
        p->alias_nodes += p->anchors[i].nodes;
        if (p->alias_nodes > p->lim->max_alias_nodes) {
            ec_error(p->d, at, "aliases expand to more than %zu nodes", p->lim->max_alias_nodes);
            p->failed = true;
            return ec_vnull();
        }
        *nodes += p->anchors[i].nodes;
        ec_value v = p->anchors[i].val;
        v.at = at;
        return v;
    }
    ec_error(p->d, at, "unknown alias '*%s'", name);
    p->failed = true;
    return ec_vnull();
}

/* A streamed list's item: handed over, then its nodes are released, unless
** it defined an anchor, which a later alias may name. */
static void stream_item(parser *p, void *ctx, yaml_event_t *ev, unsigned depth, size_t *nodes)
{
    ec_arena_point mark = ec_arena_mark(p->a);
    size_t anchors = p->nanchors;
    ec_value item = parse_node(p, ev, depth, nodes);
    if (p->failed)
        return;
    p->stream->item(p->stream->ud, ctx, &item);
    if (p->nanchors == anchors)
        ec_arena_release(p->a, mark);
}

/* 'stream': the context of a streamed list, or NULL. */
static ec_value parse_collection(parser *p, yaml_event_t *ev, unsigned depth, size_t *nodes,
                                 void *stream)
{
    bool is_map = ev->type == YAML_MAPPING_START_EVENT;
    ec_loc at = loc_of(p, ev->start_mark);
    if (depth >= p->lim->max_depth) {
        ec_error(p->d, at, "nesting deeper than %u levels", p->lim->max_depth);
        p->failed = true;
        return ec_vnull();
    }
    yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
    ec_builder b;
    ec_builder_init(&b);
    for (;;) {
        yaml_event_t kev;
        if (!next_event(p, &kev))
            break;
        if (kev.type == end) {
            yaml_event_delete(&kev);
            break;
        }
        if (!is_map) {
            p->keys[depth] = NULL;
            if (stream)
                stream_item(p, stream, &kev, depth + 1, nodes);
            else
                ec_builder_push(&b, parse_node(p, &kev, depth + 1, nodes));
            yaml_event_delete(&kev);
            if (p->failed)
                break;
            continue;
        }
        ec_loc kat = loc_of(p, kev.start_mark);
        const char *key = NULL;
        if (kev.type == YAML_SCALAR_EVENT) {
            ec_value k = parse_scalar(p, &kev, true);
            key = k.raw;
            if (strcmp(key, "<<") == 0 && kev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
                ec_error(p->d, kat, "YAML merge keys ('<<') are not supported: write the keys out");
                p->failed = true;
            }
        } else {
            ec_error(p->d, kat, "a mapping key must be a scalar");
            p->failed = true;
        }
        yaml_event_delete(&kev);
        if (p->failed)
            break;
        for (size_t i = 0; i < b.len; i++) {
            if (strcmp(b.members[i].key, key) == 0) {
                ec_error(p->d, kat, "duplicate key '%s'", key);
                ec_note(p->d, b.members[i].key_at, "'%s' first defined here", key);
                p->failed = true;
                break;
            }
        }
        yaml_event_t vev;
        if (p->failed || !next_event(p, &vev))
            break;
        p->keys[depth] = key;
        p->outer = &b;
        ec_value v = parse_node(p, &vev, depth + 1, nodes);
        yaml_event_delete(&vev);
        ec_builder_add(&b, key, v);
        b.members[b.len - 1].key_at = kat;
        if (p->failed)
            break;
    }
    ec_value v = is_map ? ec_builder_map(&b, p->a) : ec_builder_list(&b, p->a);
    v.at = at;
    return v;
}

/* Parses the node that starts with 'ev' (which the caller deletes). */
static ec_value parse_node(parser *p, yaml_event_t *ev, unsigned depth, size_t *nodes)
{
    size_t before = *nodes;
    ec_value v;
    const yaml_char_t *anchor_name = NULL;
    const ec_builder *outer = p->outer;
    void *stream = NULL;
    p->outer = NULL;
    (*nodes)++;
    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        v = parse_scalar(p, ev, false);
        anchor_name = ev->data.scalar.anchor;
        break;
    case YAML_ALIAS_EVENT:
        return parse_alias(p, ev, nodes);
    case YAML_SEQUENCE_START_EVENT:
        anchor_name = ev->data.sequence_start.anchor;
        check_tag(p, ev->data.sequence_start.tag, ev->start_mark, false);
        if (p->stream && outer && !anchor_name && !p->failed)
            stream = p->stream->open(p->stream->ud, p->keys, depth, outer,
                                     loc_of(p, ev->start_mark));
        v = parse_collection(p, ev, depth, nodes, stream);
        break;
    case YAML_MAPPING_START_EVENT:
        anchor_name = ev->data.mapping_start.anchor;
        check_tag(p, ev->data.mapping_start.tag, ev->start_mark, false);
        v = parse_collection(p, ev, depth, nodes, NULL);
        break;
    default:
        ec_error(p->d, loc_of(p, ev->start_mark), "unexpected YAML event");
        p->failed = true;
        return ec_vnull();
    }
    if (anchor_name && !p->failed)
        remember_anchor(p, anchor_name, v, *nodes - before);
    return v;
}

/* YAML 1.1 (libyaml) reads a raw U+0085, U+2028 or U+2029 as a line break:
** a catalog string would silently change. Refuse them and name the escape. */
static bool raw_separators_ok(parser *p)
{
    ec_loc at = {p->file, 1, 1};
    size_t counted = 0; /* 'at' is the position of this byte */
    bool ok = true;
    for (size_t i = 0; i < p->len; i++) {
        const unsigned char *u = (const unsigned char *)p->text + i;
        if (u[0] != 0xc2 && u[0] != 0xe2)
            continue; /* positions are counted only up to a separator */
        const char *cp = NULL;
        if (u[0] == 0xc2 && i + 1 < p->len && u[1] == 0x85)
            cp = "0085";
        else if (u[0] == 0xe2 && i + 2 < p->len && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9))
            cp = u[2] == 0xa8 ? "2028" : "2029";
        if (!cp)
            continue;
        for (; counted < i; counted++) {
            unsigned char c = (unsigned char)p->text[counted];
            if (c == '\n')
                at.line++, at.col = 1;
            else if ((c & 0xc0) != 0x80)
                at.col++;
        }
        ec_error(p->d, at, "a raw U+%s, which YAML reads as a line break; write \\u%s in a "
                           "double-quoted string", cp, cp);
        ok = false;
    }
    return ok;
}

bool ec_doc_parse(ec_arena *a, const char *file, const char *text, size_t len,
                  const ec_doc_limits *lim, ec_diag *d, ec_value *out)
{
    return ec_doc_parse_split(a, a, file, text, len, lim, NULL, d, out);
}

bool ec_doc_parse_split(ec_arena *tree, ec_arena *strings, const char *file, const char *text,
                        size_t len, const ec_doc_limits *lim, const ec_doc_stream *stream,
                        ec_diag *d, ec_value *out)
{
    parser p;
    memset(&p, 0, sizeof p);
    p.a = tree;
    p.strings = strings;
    p.file = file;
    p.text = text;
    p.len = len;
    p.lim = lim ? lim : &ec_doc_default_limits;
    p.d = d;
    p.stream = stream;
    p.keys = ec_xmalloc((p.lim->max_depth + 1) * sizeof *p.keys);
    *out = ec_vnull();
    out->at = (ec_loc){file, 1, 1};
    if (!yaml_parser_initialize(&p.yp))
        ec_oom();
    if (!raw_separators_ok(&p))
        p.failed = true;
    join_surrogates(&p);
    if (stream && stream->release && !p.joined)
        stream->release(stream->ud, 0, p.len); /* read whole by raw_separators_ok */
    yaml_parser_set_input(&p.yp, read_text, &p);
    yaml_parser_set_encoding(&p.yp, YAML_UTF8_ENCODING);
    yaml_event_t ev;
    int docs = 0;
    size_t nodes = 0;
    while (!p.failed && next_event(&p, &ev)) {
        yaml_event_type_t t = ev.type;
        if (t == YAML_DOCUMENT_START_EVENT && ++docs > 1) {
            ec_error(d, loc_of(&p, ev.start_mark), "expected a single YAML document");
            p.failed = true;
        } else if (t == YAML_SCALAR_EVENT || t == YAML_ALIAS_EVENT ||
                   t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT) {
            *out = parse_node(&p, &ev, 0, &nodes);
        }
        yaml_event_delete(&ev);
        if (t == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&p.yp);
    free(p.anchors);
    free(p.keys);
    free(p.names);
    free(p.joined);
    free(p.fix_end);
    free(p.fix_first);
    return !p.failed;
}
