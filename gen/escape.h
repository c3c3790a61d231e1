/* escape.h: the escaping machinery. An escaper appends the bytes of 's' to
** 'out' in a form that is safe inside one kind of literal or document, so
** templates can say "{{message}}" inside quotes. Escapers never fail and
** never allocate except by growing 'out'. Input is expected to be UTF-8;
** except in "none", a byte that is not part of a valid sequence becomes
** U+FFFD, or keeps its value where the language can spell a byte (C as
** \ooo, Go as \xNN).
**
** Each language's escapers live in its gen/lang_<name>.c (see lang.h):
** most are an ec_literal table run by the shared loops below. */
#ifndef EC_ESCAPE_H
#define EC_ESCAPE_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void (*ec_escape_fn)(ec_buf *out, const char *s, size_t n);

/* Returns the escaper named 'name': "none", "comment", the name of a
** language of lang.h ("c", "python", "html", "json", "markdown", ...), or
** "<language>-comment" for a language with a comment escaper of its own
** (c, typescript, go, rust); NULL when there is no such escaper. The result
** is a plain function: nothing to free. */
ec_escape_fn ec_escape_find(const char *name);

/* Copies the bytes unchanged. */
void ec_escape_none(ec_buf *out, const char *s, size_t n);

/* Text inside a C-like comment of no language in particular (block or
** line), as ec_escape_literal_comment writes it: a backslash between any '*'
** and '/' that touch (Rust block comments nest too); line breaks, tabs and
** other control characters as one space, blanks at either end dropped;
** invisible troublemakers as inert \uNNNN text; a space after a final
** backslash, which would splice the next line into a C line comment. The
** comment escaper of a language that has none of its own. */
void ec_escape_comment(ec_buf *out, const char *s, size_t n);

/* How a language writes a number: a byte or a code point. */
typedef enum ec_numfmt {
    EC_NUM_NONE,   /* no numeric form: keep the bytes (or write U+FFFD raw) */
    EC_NUM_OCT3,   /* \ooo, exactly three digits: C */
    EC_NUM_X2,     /* \xNN, exactly two digits: Python, JavaScript, Go */
    EC_NUM_U4,     /* \uNNNN: JSON, JavaScript, Python */
    EC_NUM_UBRACE  /* \u{N..}: Rust */
} ec_numfmt;

/* How a language spells text inside its string literals (or, for HTML,
** in its text): the table that ec_escape_literal runs. */
typedef struct ec_literal {
    const char *ascii[128]; /* replacement of an ASCII byte, or NULL */
    ec_numfmt ctl;          /* other control bytes and DEL; NONE keeps them */
    ec_numfmt byte;         /* a byte that is not UTF-8, as itself; NONE: U+FFFD */
    ec_numfmt uni;          /* code points (U+FFFD, U+2028/9); NONE: raw UTF-8 */
    bool seps;              /* escape the invisible troublemakers (escape.c) */
    bool trigraphs;         /* C: keep "??" from forming */
    ec_numfmt slash;        /* a '/' touching a '*', so that the text is safe
                            ** in a block comment too; NONE keeps it */
    ec_numfmt quote2;       /* a '\'', '`' or '~' beside its twin: gofmt turns ''
                            ** and `` in comments into curly quotes, and ``` or
                            ** ~~~ open a code fence in a Rust doc comment */
    ec_numfmt lead_blank;   /* a space starting the text: indented, a Rust doc
                            ** comment line would be a code block */
    bool line_splice;       /* C: a final backslash joins the next line to a
                            ** line comment, so a comment's gets a space */
} ec_literal;

/* The escapes of a double-quoted string that C, Python, JavaScript, Go,
** Rust and JSON all share, for an ec_literal's .ascii. */
#define EC_BACKSLASH_ESCAPES \
    ['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\t'] = "\\t", ['\r'] = "\\r"

/* Escapes 's' as the contents of a literal of 'L'. */
void ec_escape_literal(const ec_literal *L, ec_buf *out, const char *s, size_t n);

/* Text on one line of a comment of the language of 'L', as {{%comment x}}
** writes it: quotes and backslashes as they are (a comment is not a
** string), a backslash between a '*' and a '/' that touch, line breaks and
** control characters as a space, blanks at either end dropped; the
** language's twin quotes split where L->quote2 says ('' and `` for gofmt,
** ``` for rustdoc), invisible troublemakers as inert \uNNNN text where
** L->seps says, and where L->trigraphs says (C) a space after a final
** backslash. */
void ec_escape_literal_comment(const ec_literal *L, ec_buf *out, const char *s, size_t n);

/* For escapers with loops of their own (Markdown's). */
#define EC_REPLACEMENT "\xef\xbf\xbd" /* U+FFFD, for bytes that are not UTF-8 */

/* The markdown escaper's loop, for text written in pieces (inline.c):
** '*line_start' says whether the text starts a line (the escaper's own
** call says true) and is left saying whether its end does. */
void ec_markdown_escape(ec_buf *out, const char *s, size_t n, bool *line_start);

/* Length of the well-formed UTF-8 sequence at 's' (RFC 3629: no overlongs,
** no surrogates, nothing past U+10FFFF), or 0. Sets '*cp'. */
size_t ec_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp);

/* Length of the line break at 's' (LF, CR LF, lone CR), or 0. */
size_t ec_line_break(const char *s, size_t n);

#endif
