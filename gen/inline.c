/* inline.c: catalog prose, CommonMark's inline subset (inline.h).
**
** The parser follows CommonMark's own algorithm: one left-to-right scan
** that makes tokens (text, code spans, delimiter runs, brackets), link
** brackets resolved at each ']' against a stack, and emphasis matched by
** "process emphasis" over a stack of delimiter runs, with its bottoms per
** kind of closer. Every step is linear in the text: a code span's closer
** is found through the runs of backticks sorted by length (a cursor per
** length only moves forward), a link title's closing quote through a
** remembered scan, brackets made inactive by a link through one position
** (nothing before it may open a link), and a link destination's scan is
** cut at a nesting of 32 parentheses, as cmark's is.
**
** The writers walk the tokens once. Text goes through the language's own
** escaper, so that prose without markup is written exactly as before. */
#include "inline.h"

#include "alloc.h"
#include "escape.h"
#include "lang.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
#define MAX_PARENS 32 /* nesting of parentheses in a link destination */

typedef enum tkind {
    T_TEXT,     /* literal bytes [pos, pos+len) */
    T_CODE,     /* a code span: its code, before normalization */
    T_DELIM,    /* a run of '*' or '_' */
    T_OPEN,     /* '[' or "![" that opened no link */
    T_LINK,     /* '[' that opened a link: dest, title */
    T_LINK_END, /* "](...)" closing the link of token 'end' */
    T_LITERAL   /* an image or a refused link: its source as typed, to token 'end' */
} tkind;

typedef struct tok {
    uint8_t kind;
    char c; /* T_DELIM: '*' or '_'; T_OPEN: '[' or '!' */
    bool can_open, can_close;
    uint32_t pos, len;
    uint32_t orig, left; /* T_DELIM: run length, unmatched part; T_CODE: backticks */
    uint32_t prev, next;               /* T_DELIM on the stack: its neighbours */
    uint32_t opens, closes, last_close; /* T_DELIM: its matches (lists) */
    uint32_t end;                      /* T_LINK_END: its T_LINK; T_LITERAL: next token */
    uint32_t dest, dlen, title, tlen;  /* T_LINK: source ranges, escapes unresolved */
} tok;

/* Emphasis: 'use' delimiters of one opener and one closer. An opener lists
** its matches outermost first, a closer innermost first. */
typedef struct match {
    uint32_t use, next_open, next_close;
} match;

typedef struct parser {
    const char *s;
    uint32_t n;
    tok *t;
    uint32_t nt, ct;
    match *m;
    uint32_t nm, cm;
    uint32_t *br; /* the bracket stack: token indexes */
    uint32_t nb, cb;
    uint32_t barrier; /* a '[' before this position opens no link */
    uint32_t top;     /* the delimiter stack's top, or NONE */
    /* Runs of backticks, by length: run order[k] for k in
    ** [first[len], first[len + 1]), start[run]; cursor[len] the next
    ** candidate. */
    uint32_t *bt, nruns, maxrun;
    bool bt_ready;
    /* The last scan for each title's closer ('"', '\'', ')'): from, to. */
    uint32_t title_from[3], title_to[3];
} parser;

static void *grow(void *p, uint32_t *cap, size_t size)
{
    *cap = *cap ? *cap * 2 : 16;
    return ec_xrealloc(p, (size_t)*cap * size);
}

static bool is_ascii_punct(unsigned char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

static bool is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xa0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f ||
           c == 0x3000;
}

/* ASCII punctuation, and the punctuation and symbols (Unicode P and S) of
** the blocks prose meets: Latin-1, general punctuation, currency, arrows
** to dingbats, CJK and fullwidth punctuation. */
static bool is_punct_cp(uint32_t c)
{
    if (c < 0x80)
        return is_ascii_punct((unsigned char)c);
    if (c >= 0xa1 && c <= 0xbf)
        return c != 0xaa && c != 0xb2 && c != 0xb3 && c != 0xb5 && c != 0xb9 && c != 0xba &&
               (c < 0xbc || c > 0xbe);
    return c == 0xd7 || c == 0xf7 || (c >= 0x2010 && c <= 0x2027) ||
           (c >= 0x2030 && c <= 0x205e) || (c >= 0x20a0 && c <= 0x20c0) ||
           (c >= 0x2190 && c <= 0x23ff) || (c >= 0x2500 && c <= 0x27bf) ||
           (c >= 0x2980 && c <= 0x29ff) || (c >= 0x2e00 && c <= 0x2e5d) ||
           (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3020) ||
           (c >= 0xfe10 && c <= 0xfe19) || (c >= 0xfe30 && c <= 0xfe6b) ||
           (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) ||
           (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65);
}

/* The code point before position i, or a line feed at the start (the text's
** edges count as whitespace). A byte that is not UTF-8 counts as a letter. */
static uint32_t cp_before(const parser *p, uint32_t i)
{
    if (i == 0)
        return '\n';
    uint32_t b = i - 1, cp;
    while (b > 0 && i - b < 4 && ((unsigned char)p->s[b] & 0xc0) == 0x80)
        b--;
    if (ec_utf8_seq((const unsigned char *)p->s + b, i - b, &cp) == i - b)
        return cp;
    return (unsigned char)p->s[i - 1] < 0x80 ? (unsigned char)p->s[i - 1] : 0xfffd;
}

static uint32_t cp_at(const parser *p, uint32_t i)
{
    uint32_t cp;
    if (i >= p->n)
        return '\n';
    if (ec_utf8_seq((const unsigned char *)p->s + i, p->n - i, &cp))
        return cp;
    return 0xfffd;
}

static uint32_t push(parser *p, tkind kind, uint32_t pos, uint32_t len)
{
    if (p->nt == p->ct)
        p->t = grow(p->t, &p->ct, sizeof *p->t);
    tok *t = &p->t[p->nt];
    memset(t, 0, sizeof *t);
    t->kind = (uint8_t)kind;
    t->pos = pos;
    t->len = len;
    t->prev = t->next = t->opens = t->closes = t->last_close = NONE;
    return p->nt++;
}

/* ---- code spans ---- */

/* The next run of backticks at or after *i: it starts at *b and ends
** before the new *i. False when there is none. */
static bool next_run(const char *s, uint32_t n, uint32_t *i, uint32_t *b)
{
    while (*i < n && s[*i] != '`')
        ++*i;
    *b = *i;
    while (*i < n && s[*i] == '`')
        ++*i;
    return *i > *b;
}

/* Lists every run of backticks once, by length, the first time a code span
** may open. */
static void backtick_runs(parser *p)
{
    const char *s = p->s;
    uint32_t n = p->n, nruns = 0, maxrun = 0;
    for (uint32_t i = 0, b; next_run(s, n, &i, &b);) {
        nruns++;
        if (i - b > maxrun)
            maxrun = i - b;
    }
    /* start[nruns] order[nruns] first[maxrun + 2] cursor[maxrun + 1] */
    size_t words = (size_t)nruns * 2 + (size_t)maxrun * 2 + 3;
    p->bt = ec_xmalloc(words * sizeof *p->bt);
    uint32_t *start = p->bt, *order = start + nruns, *first = order + nruns,
             *cursor = first + maxrun + 2;
    memset(first, 0, ((size_t)maxrun + 2) * sizeof *first);
    uint32_t r = 0;
    for (uint32_t i = 0, b; next_run(s, n, &i, &b);) {
        start[r++] = b;
        first[i - b + 1]++; /* counts, shifted: prefix sums below */
    }
    for (uint32_t len = 1; len <= maxrun + 1; len++)
        first[len] += first[len - 1];
    memcpy(cursor, first, ((size_t)maxrun + 1) * sizeof *cursor);
    for (r = 0; r < nruns; r++) {
        uint32_t len = 0;
        while (start[r] + len < n && s[start[r] + len] == '`')
            len++;
        order[cursor[len]++] = r;
    }
    memcpy(cursor, first, ((size_t)maxrun + 1) * sizeof *cursor);
    p->nruns = nruns;
    p->maxrun = maxrun;
    p->bt_ready = true;
}

/* The start of the first run of exactly 'len' backticks at or after 'from',
** or NONE. Calls come with 'from' never decreasing. */
static uint32_t code_closer(parser *p, uint32_t from, uint32_t len)
{
    if (!p->bt_ready)
        backtick_runs(p);
    if (len > p->maxrun)
        return NONE;
    uint32_t *start = p->bt, *order = start + p->nruns, *first = order + p->nruns,
             *cursor = first + p->maxrun + 2;
    while (cursor[len] < first[len + 1] && start[order[cursor[len]]] < from)
        cursor[len]++;
    return cursor[len] < first[len + 1] ? start[order[cursor[len]]] : NONE;
}

/* ---- emphasis ---- */

static void unlink_delim(parser *p, uint32_t d)
{
    tok *t = &p->t[d];
    if (t->prev != NONE)
        p->t[t->prev].next = t->next;
    if (t->next != NONE)
        p->t[t->next].prev = t->prev;
    else
        p->top = t->prev;
    t->prev = t->next = NONE;
}

static void add_match(parser *p, uint32_t o, uint32_t c, uint32_t use)
{
    if (p->nm == p->cm)
        p->m = grow(p->m, &p->cm, sizeof *p->m);
    uint32_t k = p->nm++;
    p->m[k] = (match){use, p->t[o].opens, NONE};
    p->t[o].opens = k; /* each later match is further out */
    if (p->t[c].last_close == NONE)
        p->t[c].closes = k;
    else
        p->m[p->t[c].last_close].next_close = k;
    p->t[c].last_close = k;
}

/* CommonMark's "process emphasis" over the delimiters from token 'lo' up;
** they all leave the stack. */
static void process_emphasis(parser *p, uint32_t lo)
{
    uint32_t floor[12]; /* openers_bottom, by the closer's char, can_open, length % 3 */
    for (int k = 0; k < 12; k++)
        floor[k] = lo;
    uint32_t c = p->top;
    while (c != NONE && p->t[c].prev != NONE && p->t[c].prev >= lo)
        c = p->t[c].prev;
    if (c != NONE && c < lo)
        c = NONE;
    while (c != NONE) {
        tok *tc = &p->t[c];
        if (!tc->can_close) {
            c = tc->next;
            continue;
        }
        int k = (tc->c == '_') * 6 + tc->can_open * 3 + (int)(tc->orig % 3);
        uint32_t o = tc->prev;
        for (; o != NONE && o >= floor[k]; o = p->t[o].prev) {
            const tok *to = &p->t[o];
            if (to->c != tc->c || !to->can_open)
                continue;
            bool odd = (tc->can_open || to->can_close) && (to->orig + tc->orig) % 3 == 0 &&
                       !(to->orig % 3 == 0 && tc->orig % 3 == 0);
            if (!odd)
                break;
        }
        if (o == NONE || o < floor[k]) {
            floor[k] = c;
            uint32_t next = tc->next;
            if (!tc->can_open)
                unlink_delim(p, c);
            c = next;
            continue;
        }
        uint32_t use = tc->left >= 2 && p->t[o].left >= 2 ? 2 : 1;
        p->t[o].left -= use;
        tc->left -= use;
        add_match(p, o, c, use);
        while (tc->prev != o)
            unlink_delim(p, tc->prev);
        if (p->t[o].left == 0)
            unlink_delim(p, o);
        if (tc->left == 0) {
            uint32_t next = tc->next;
            unlink_delim(p, c);
            c = next;
        }
    }
    while (p->top != NONE && p->top >= lo)
        unlink_delim(p, p->top);
}

static void delim_run(parser *p, uint32_t i, uint32_t len)
{
    char ch = p->s[i];
    uint32_t before = cp_before(p, i), after = cp_at(p, i + len);
    bool ws_b = is_space_cp(before), ws_a = is_space_cp(after);
    bool pu_b = is_punct_cp(before), pu_a = is_punct_cp(after);
    bool left = !ws_a && (!pu_a || ws_b || pu_b);
    bool right = !ws_b && (!pu_b || ws_a || pu_a);
    uint32_t d = push(p, T_DELIM, i, len);
    tok *t = &p->t[d];
    t->c = ch;
    t->orig = t->left = len;
    t->can_open = ch == '*' ? left : left && (!right || pu_b);
    t->can_close = ch == '*' ? right : right && (!left || pu_a);
    if (t->can_open || t->can_close) {
        t->prev = p->top;
        if (p->top != NONE)
            p->t[p->top].next = d;
        p->top = d;
    }
}

/* ---- links ---- */

/* Spaces and tabs, with at most one line ending among them. */
static uint32_t skip_blank(const parser *p, uint32_t j)
{
    bool eol = false;
    while (j < p->n) {
        char c = p->s[j];
        if (c == ' ' || c == '\t') {
            j++;
        } else if ((c == '\n' || c == '\r') && !eol) {
            eol = true;
            j += c == '\r' && j + 1 < p->n && p->s[j + 1] == '\n' ? 2 : 1;
        } else {
            break;
        }
    }
    return j;
}

static bool escaped_at(const parser *p, uint32_t k)
{
    return p->s[k] == '\\' && k + 1 < p->n && is_ascii_punct((unsigned char)p->s[k + 1]);
}

/* The closer of a title opened by 'q' just before 'from': its position, or
** NONE. A scan is remembered, and titles are asked for left to right, so
** no byte is scanned twice for one kind of title. */
static uint32_t title_end(parser *p, char q, uint32_t from)
{
    int w = q == '"' ? 0 : q == '\'' ? 1 : 2;
    char close = q == '(' ? ')' : q;
    uint32_t k;
    if (p->title_to[w] != NONE && from >= p->title_from[w] && from <= p->title_to[w]) {
        k = p->title_to[w];
    } else {
        for (k = from; k < p->n; k++) {
            if (escaped_at(p, k))
                k++;
            else if (p->s[k] == close || (q == '(' && p->s[k] == '('))
                break;
        }
        p->title_from[w] = from;
        p->title_to[w] = k;
    }
    return k < p->n && p->s[k] == close ? k : NONE;
}

/* Reads "(dest "title")" at 'j', just after a ']'. */
static bool link_tail(parser *p, uint32_t j, tok *link, uint32_t *end)
{
    const char *s = p->s;
    uint32_t n = p->n;
    if (j >= n || s[j] != '(')
        return false;
    j = skip_blank(p, j + 1);
    if (j < n && s[j] == '<') { /* <dest>; a destination without them never starts so */
        uint32_t k = j + 1;
        for (; k < n && s[k] != '>'; k++) {
            if (s[k] == '\n' || s[k] == '\r' || s[k] == '<')
                return false;
            if (escaped_at(p, k))
                k++;
        }
        if (k >= n)
            return false;
        link->dest = j + 1;
        link->dlen = k - j - 1;
        j = k + 1;
    } else {
        uint32_t k = j, depth = 0;
        for (; k < n; k++) {
            unsigned char c = (unsigned char)s[k];
            if (escaped_at(p, k)) {
                k++;
                continue;
            }
            if (c <= ' ' || c == 0x7f)
                break;
            if (c == '(' && ++depth > MAX_PARENS)
                return false;
            if (c == ')') {
                if (depth == 0)
                    break;
                depth--;
            }
        }
        if (depth)
            return false;
        link->dest = j;
        link->dlen = k - j;
        j = k;
    }
    uint32_t b = skip_blank(p, j);
    if (b < n && b > j && (s[b] == '"' || s[b] == '\'' || s[b] == '(')) {
        uint32_t k = title_end(p, s[b], b + 1);
        if (k == NONE)
            return false;
        link->title = b + 1;
        link->tlen = k - b - 1;
        b = skip_blank(p, k + 1);
    }
    if (b >= n || s[b] != ')')
        return false;
    *end = b + 1;
    return true;
}

/* The bytes of [pos, pos+len) with backslash escapes resolved. */
static void unescape(const char *s, uint32_t len, ec_buf *out)
{
    for (uint32_t k = 0; k < len; k++) {
        if (s[k] == '\\' && k + 1 < len && is_ascii_punct((unsigned char)s[k + 1]))
            k++;
        ec_buf_putc(out, s[k]);
    }
}

static bool is_alpha(int c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static bool is_alnum(int c)
{
    return (c >= '0' && c <= '9') || is_alpha(c);
}

/* The length of the scheme that 'url' starts with (RFC 3986: a letter,
** then letters, digits, '+', '-' or '.', then ':'), or 0: a relative
** reference. */
static size_t scheme_length(const char *url, size_t n)
{
    if (!n || !is_alpha(url[0]))
        return 0;
    size_t k = 1;
    while (k < n && (is_alnum(url[k]) || url[k] == '+' || url[k] == '-' || url[k] == '.'))
        k++;
    return k < n && url[k] == ':' ? k : 0;
}

/* Whether the k bytes at 's' spell 'lower' in any case. */
static bool same_letters(const char *s, size_t k, const char *lower)
{
    if (strlen(lower) != k)
        return false;
    for (size_t i = 0; i < k; i++)
        if ((s[i] | 0x20) != lower[i])
            return false;
    return true;
}

bool ec_inline_url_allowed(const char *url, size_t n)
{
    size_t k = scheme_length(url, n);
    return k == 0 || same_letters(url, k, "http") || same_letters(url, k, "https");
}

/* At ']' (position i): a link, an image or refused link (literal), or a
** literal ']'. Returns where the scan goes on. */
static uint32_t close_bracket(parser *p, uint32_t i, ec_buf *scratch)
{
    tok link = {0};
    uint32_t end;
    uint32_t o = p->nb ? p->br[p->nb - 1] : NONE;
    if (o == NONE || (p->t[o].c == '[' && p->t[o].pos < p->barrier) ||
        !link_tail(p, i + 1, &link, &end)) {
        if (o != NONE)
            p->nb--;
        push(p, T_TEXT, i, 1);
        return i + 1;
    }
    tok *to = &p->t[o];
    p->nb--;
    ec_buf_reset(scratch);
    unescape(p->s + link.dest, link.dlen, scratch);
    if (to->c == '!' || !ec_inline_url_allowed(scratch->data, scratch->len)) {
        /* As typed, with nothing inside it parsed: what it holds leaves the
        ** stack of delimiters. */
        while (p->top != NONE && p->top > o)
            unlink_delim(p, p->top);
        to = &p->t[o];
        to->kind = T_LITERAL;
        to->len = end - to->pos;
        to->end = p->nt;
        return end;
    }
    process_emphasis(p, o + 1);
    to = &p->t[o];
    to->kind = T_LINK;
    to->dest = link.dest;
    to->dlen = link.dlen;
    to->title = link.title;
    to->tlen = link.tlen;
    uint32_t e = push(p, T_LINK_END, i, end - i);
    p->t[e].end = o;
    p->barrier = i; /* no link inside a link: every '[' still open is older */
    return end;
}

/* ---- the scan ---- */

static void parse(parser *p, ec_buf *scratch)
{
    const char *s = p->s;
    uint32_t n = p->n, i = 0, text = 0;
#define FLUSH()                                                                                \
    do {                                                                                       \
        if (i > text)                                                                          \
            push(p, T_TEXT, text, i - text);                                                   \
    } while (0)
    while (i < n) {
        char c = s[i];
        if (c == '\\' && escaped_at(p, i)) {
            FLUSH();
            push(p, T_TEXT, i + 1, 1);
            i += 2;
            text = i;
        } else if (c == '`') {
            uint32_t b = i;
            while (i < n && s[i] == '`')
                i++;
            uint32_t close = code_closer(p, i, i - b);
            if (close == NONE)
                continue; /* the backticks are text */
            uint32_t len = i - b;
            i = b;
            FLUSH();
            uint32_t code = push(p, T_CODE, b + len, close - b - len);
            p->t[code].orig = len;
            i = text = close + len;
        } else if (c == '*' || c == '_') {
            FLUSH();
            uint32_t b = i;
            while (i < n && s[i] == c)
                i++;
            delim_run(p, b, i - b);
            text = i;
        } else if (c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '[')) {
            FLUSH();
            uint32_t o = push(p, T_OPEN, i, c == '[' ? 1 : 2);
            p->t[o].c = c;
            if (p->nb == p->cb)
                p->br = grow(p->br, &p->cb, sizeof *p->br);
            p->br[p->nb++] = o;
            i = text = i + p->t[o].len;
        } else if (c == ']') {
            FLUSH();
            i = text = close_bracket(p, i, scratch);
        } else {
            i++;
        }
    }
    FLUSH();
#undef FLUSH
    process_emphasis(p, 0);
}

/* ---- writing ---- */

typedef enum mode { M_HTML, M_MARKDOWN, M_PLAIN } mode;

/* Markdown: where an emphasis mark goes in 'body', decided once its
** neighbours are known. */
typedef struct mark {
    size_t at;
    uint32_t match;
    bool open;
} mark;

typedef struct writer {
    const parser *p;
    mode mode;
    ec_buf *out;     /* the caller's */
    ec_buf body;     /* markdown: the text before its marks are placed */
    ec_buf pend;     /* literal text not yet escaped */
    ec_buf scratch;  /* a code span's code, a destination */
    bool line_start; /* markdown's escaper state */
    mark *marks;
    uint32_t nmarks, cmarks;
    size_t link_text; /* plain: where the link's text starts */
} writer;

static ec_buf *dst(writer *w)
{
    return w->mode == M_MARKDOWN ? &w->body : w->out;
}

static void flush_text(writer *w)
{
    if (!w->pend.len)
        return;
    if (w->mode == M_HTML)
        ec_lang_html.escape(w->out, w->pend.data, w->pend.len);
    else if (w->mode == M_MARKDOWN)
        ec_markdown_escape(&w->body, w->pend.data, w->pend.len, &w->line_start);
    else
        ec_buf_put(w->out, w->pend.data, w->pend.len);
    ec_buf_reset(&w->pend);
}

static void markup(writer *w, const char *s)
{
    flush_text(w);
    ec_buf_puts(dst(w), s);
    w->line_start = false;
}

/* A code span's code: line endings as spaces, and one space stripped from
** each end when both ends have one and it is not all spaces. */
static void code_text(const char *s, uint32_t n, ec_buf *out)
{
    ec_buf_reset(out);
    for (uint32_t k = 0; k < n; k++) {
        if (s[k] == '\r' && k + 1 < n && s[k + 1] == '\n')
            continue;
        ec_buf_putc(out, s[k] == '\n' || s[k] == '\r' ? ' ' : s[k]);
    }
    if (out->len >= 2 && out->data[0] == ' ' && out->data[out->len - 1] == ' ' &&
        strspn(out->data, " ") < out->len) {
        memmove(out->data, out->data + 1, out->len - 2);
        out->len -= 2;
        out->data[out->len] = '\0';
    }
}

static void write_code(writer *w, const tok *t)
{
    if (w->mode == M_PLAIN) { /* as written: backticks are how plain text shows code */
        ec_buf_put(&w->pend, w->p->s + t->pos - t->orig, t->len + 2 * t->orig);
        return;
    }
    code_text(w->p->s + t->pos, t->len, &w->scratch);
    const ec_buf *c = &w->scratch;
    if (w->mode == M_HTML) {
        markup(w, "<code>");
        ec_lang_html.escape(w->out, c->data, c->len);
        markup(w, "</code>");
        return;
    }
    /* Markdown: `code` where a renderer reads it back alike (in a table
    ** cell too: no '|'), else <code> around escaped text. */
    bool plain = c->len && c->data[0] != ' ' && c->data[c->len - 1] != ' ';
    for (size_t k = 0; plain && k < c->len; k++) {
        unsigned char b = (unsigned char)c->data[k];
        plain = b != '`' && b != '|' && b >= 0x20 && b != 0x7f;
    }
    if (plain) {
        markup(w, "`");
        ec_buf_put(&w->body, c->data, c->len);
        markup(w, "`");
        return;
    }
    markup(w, "<code>");
    ec_markdown_escape(&w->body, c->data, c->len, &w->line_start);
    markup(w, "</code>");
}

static void emphasis(writer *w, uint32_t k, bool open)
{
    uint32_t use = w->p->m[k].use;
    if (w->mode == M_HTML) {
        markup(w, open ? (use == 2 ? "<strong>" : "<em>") : (use == 2 ? "</strong>" : "</em>"));
    } else if (w->mode == M_MARKDOWN) {
        flush_text(w);
        if (w->nmarks == w->cmarks)
            w->marks = grow(w->marks, &w->cmarks, sizeof *w->marks);
        w->marks[w->nmarks++] = (mark){w->body.len, k, open};
        w->line_start = false;
    }
}

/* Percent-encodes what URL syntax does not allow; an escaped byte is the
** byte. HTML escapes '&' and '\'' for the attribute, Markdown escapes
** '&' (no entity), '(' and ')' (no nesting to balance). */
static void write_url(writer *w, const char *s, uint32_t n, ec_buf *out)
{
    static const char ok[] = "-._~:/?#[]@!$&'()*+,;=%";
    for (uint32_t k = 0; k < n; k++) {
        if (s[k] == '\\' && k + 1 < n && is_ascii_punct((unsigned char)s[k + 1]))
            k++;
        unsigned char c = (unsigned char)s[k];
        if (!is_alnum(c) && !(c && strchr(ok, c))) {
            ec_buf_printf(out, "%%%02X", c);
        } else if (w->mode == M_HTML && (c == '&' || c == '\'')) {
            ec_buf_puts(out, c == '&' ? "&amp;" : "&#39;");
        } else {
            if (w->mode == M_MARKDOWN && (c == '&' || c == '(' || c == ')'))
                ec_buf_putc(out, '\\');
            ec_buf_putc(out, (char)c);
        }
    }
}

static void link_open(writer *w, const tok *t)
{
    if (w->mode == M_PLAIN) {
        flush_text(w);
        w->link_text = w->out->len;
        return;
    }
    if (w->mode == M_HTML) {
        markup(w, "<a href=\"");
        write_url(w, w->p->s + t->dest, t->dlen, w->out);
        if (t->title) {
            ec_buf_puts(w->out, "\" title=\"");
            ec_buf_reset(&w->scratch);
            unescape(w->p->s + t->title, t->tlen, &w->scratch);
            ec_lang_html.escape(w->out, w->scratch.data, w->scratch.len);
        }
        markup(w, "\">");
        return;
    }
    /* Markdown: a '!' just before would make it an image; escape it. */
    flush_text(w);
    ec_buf *b = &w->body;
    if (b->len && b->data[b->len - 1] == '!') {
        size_t k = b->len - 1, slashes = 0;
        while (k > 0 && b->data[k - 1] == '\\')
            k--, slashes++;
        if (slashes % 2 == 0) { /* not escaped yet */
            b->data[b->len - 1] = '\\';
            ec_buf_putc(b, '!');
        }
    } else if (!b->len && ec_buf_last(w->out) == '!') {
        ec_buf_puts(b, "<!-- -->"); /* the '!' is the caller's: keep it apart */
    }
    markup(w, "[");
}

static void link_close(writer *w, const tok *link)
{
    const char *s = w->p->s;
    if (w->mode == M_PLAIN) {
        flush_text(w);
        ec_buf_reset(&w->scratch);
        unescape(s + link->dest, link->dlen, &w->scratch);
        const ec_buf *u = &w->scratch;
        size_t tl = w->out->len - w->link_text;
        if (scheme_length(u->data, u->len) && !(tl == u->len && memcmp(w->out->data + w->link_text, u->data, tl) == 0)) {
            ec_buf_puts(w->out, " (");
            ec_buf_put(w->out, u->data, u->len);
            ec_buf_putc(w->out, ')');
        }
        return;
    }
    if (w->mode == M_HTML) {
        markup(w, "</a>");
        return;
    }
    markup(w, "](");
    write_url(w, s + link->dest, link->dlen, &w->body);
    if (link->title) {
        ec_buf_puts(&w->body, " \"");
        for (uint32_t k = 0; k < link->tlen; k++) {
            const char *x = s + link->title + k;
            char c = *x;
            if (c == '\\' && k + 1 < link->tlen && is_ascii_punct((unsigned char)x[1]))
                c = x[1], k++;
            if (c == '\n' || c == '\r')
                ec_buf_puts(&w->body, "&#10;");
            else if (c == '"' || c == '\\' || c == '&' || c == '|')
                ec_buf_putc(&w->body, '\\'), ec_buf_putc(&w->body, c);
            else
                ec_buf_putc(&w->body, c);
        }
        ec_buf_putc(&w->body, '"');
    }
    markup(w, ")");
}

/* Markdown: whether the pair of marks of match k may be written as '*'s,
** a renderer reading back exactly this pair: an opener after the start, a
** blank or punctuation other than '*', '_' and '\' and before a letter or
** digit; a closer after a letter or digit and before a blank or such
** punctuation (not at the end: what follows is not known). Otherwise it is
** <em> or <strong>. */
static bool star_ok(const writer *w, const mark *o, const mark *c, bool o_alone, bool c_alone)
{
    const ec_buf *b = &w->body;
    if (!o_alone || !c_alone || c->at >= b->len || o->at >= c->at)
        return false;
    int before = o->at ? (unsigned char)b->data[o->at - 1] : ec_buf_last(w->out);
    int first = (unsigned char)b->data[o->at];
    int last = (unsigned char)b->data[c->at - 1];
    int after = (unsigned char)b->data[c->at];
    bool edge_b = before < 0 || before == ' ' || before == '\t' || before == '\n' ||
                  (is_ascii_punct((unsigned char)before) && before != '*' && before != '_' &&
                   before != '\\');
    bool edge_a = after == ' ' || after == '\t' || after == '\n' ||
                  (is_ascii_punct((unsigned char)after) && after != '*' && after != '_');
    return edge_b && is_alnum(first) && is_alnum(last) && edge_a;
}

static void place_marks(writer *w)
{
    const ec_buf *b = &w->body;
    /* For each match: its open and close marks, and whether each stands
    ** alone at its place (no other mark there). */
    uint32_t nm = w->p->nm;
    uint32_t *where = ec_xmalloc(((size_t)nm * 2 + 1) * sizeof *where);
    bool *star = ec_xmalloc((size_t)nm + 1);
    for (uint32_t k = 0; k < nm * 2; k++)
        where[k] = NONE; /* a match inside an image or refused link has no marks */
    for (uint32_t k = 0; k < w->nmarks; k++)
        where[w->marks[k].match * 2 + !w->marks[k].open] = k;
    for (uint32_t k = 0; k < nm; k++) {
        uint32_t a = where[k * 2], z = where[k * 2 + 1];
        star[k] = false;
        if (a == NONE || z == NONE)
            continue;
        const mark *o = &w->marks[a], *c = &w->marks[z];
        bool oa = (a == 0 || w->marks[a - 1].at != o->at) &&
                  (a + 1 == w->nmarks || w->marks[a + 1].at != o->at);
        bool ca = (z == 0 || w->marks[z - 1].at != c->at) &&
                  (z + 1 == w->nmarks || w->marks[z + 1].at != c->at);
        star[k] = star_ok(w, o, c, oa, ca);
    }
    size_t at = 0;
    for (uint32_t k = 0; k < w->nmarks; k++) {
        const mark *m = &w->marks[k];
        ec_buf_put(w->out, b->data + at, m->at - at);
        at = m->at;
        bool strong = w->p->m[m->match].use == 2;
        if (star[m->match])
            ec_buf_puts(w->out, strong ? "**" : "*");
        else if (m->open)
            ec_buf_puts(w->out, strong ? "<strong>" : "<em>");
        else
            ec_buf_puts(w->out, strong ? "</strong>" : "</em>");
    }
    ec_buf_put(w->out, b->data + at, b->len - at);
    free(where);
    free(star);
}

static void write_tokens(writer *w)
{
    const parser *p = w->p;
    for (uint32_t i = 0; i < p->nt; i++) {
        const tok *t = &p->t[i];
        switch ((tkind)t->kind) {
        case T_TEXT:
        case T_OPEN:
            ec_buf_put(&w->pend, p->s + t->pos, t->len);
            break;
        case T_LITERAL:
            ec_buf_put(&w->pend, p->s + t->pos, t->len);
            i = t->end - 1;
            break;
        case T_CODE:
            write_code(w, t);
            break;
        case T_DELIM:
            for (uint32_t k = t->closes; k != NONE; k = p->m[k].next_close)
                emphasis(w, k, false);
            for (uint32_t k = 0; k < t->left; k++)
                ec_buf_putc(&w->pend, t->c);
            for (uint32_t k = t->opens; k != NONE; k = p->m[k].next_open)
                emphasis(w, k, true);
            break;
        case T_LINK:
            link_open(w, t);
            break;
        case T_LINK_END:
            link_close(w, &p->t[t->end]);
            break;
        }
    }
    flush_text(w);
}

static void render(mode md, ec_buf *out, const char *s, size_t n)
{
    /* Prose without a byte that could start markup is text (most of it);
    ** text too long for the token positions stays text too. */
    size_t k = 0;
    while (k < n && s[k] != '\\' && s[k] != '`' && s[k] != '*' && s[k] != '_' && s[k] != '[')
        k++;
    if (n >= UINT32_MAX / 2 || k == n) {
        bool line_start = true;
        if (md == M_HTML)
            ec_lang_html.escape(out, s, n);
        else if (md == M_MARKDOWN)
            ec_markdown_escape(out, s, n, &line_start);
        else
            ec_buf_put(out, s, n);
        return;
    }
    parser p = {.s = s, .n = (uint32_t)n, .top = NONE};
    p.title_to[0] = p.title_to[1] = p.title_to[2] = NONE;
    writer w = {.p = &p, .mode = md, .out = out, .line_start = true};
    ec_buf_init(&w.body);
    ec_buf_init(&w.pend);
    ec_buf_init(&w.scratch);
    parse(&p, &w.scratch);
    write_tokens(&w);
    if (md == M_MARKDOWN)
        place_marks(&w);
    ec_buf_free(&w.body);
    ec_buf_free(&w.pend);
    ec_buf_free(&w.scratch);
    free(w.marks);
    free(p.t);
    free(p.m);
    free(p.br);
    free(p.bt);
}

void ec_inline_html(ec_buf *out, const char *s, size_t n)
{
    render(M_HTML, out, s, n);
}

void ec_inline_markdown(ec_buf *out, const char *s, size_t n)
{
    render(M_MARKDOWN, out, s, n);
}

void ec_inline_plain(ec_buf *out, const char *s, size_t n)
{
    render(M_PLAIN, out, s, n);
}
