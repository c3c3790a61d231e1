/* escape.h: per-language escapers for interpolated text. Each one appends
** the bytes of 's' to 'out' in a form that is safe inside one kind of
** literal or document, so templates can say "{{message}}" inside quotes.
** They never fail and never allocate except by growing 'out'. Input is
** expected to be UTF-8; except in "none", a byte that is not part of a
** valid sequence becomes U+FFFD, or keeps its value where the language can
** spell a byte (C as \ooo, Go as \xNN). */
#ifndef EC_ESCAPE_H
#define EC_ESCAPE_H

#include "buf.h"

#include <stddef.h>

typedef void (*ec_escape_fn)(ec_buf *out, const char *s, size_t n);

/* Returns the escaper named 'name' ("none", "html", "c", "python",
** "typescript", "go", "rust", "json", "markdown", "comment", and
** "<language>-comment" for c, typescript, go and rust), or NULL when
** there is no such escaper. The result is a plain function: nothing to free. */
ec_escape_fn ec_escape_find(const char *name);

/* Copies the bytes unchanged. */
void ec_escape_none(ec_buf *out, const char *s, size_t n);

/* HTML text or attribute value: & < > " ' as entities (the Mustache
** default). */
void ec_escape_html(ec_buf *out, const char *s, size_t n);

/* Contents of a C string literal: \" \\ \n \t \r; other control bytes, DEL
** and bytes that are not UTF-8 as three-digit octal escapes (which cannot
** swallow a following digit, unlike \x); a '?' next to another '?' as \? so
** no trigraph can form; a '/' touching a '*' as \057, so the same text is
** safe in a block comment. UTF-8 text is kept as it is. */
void ec_escape_c(ec_buf *out, const char *s, size_t n);

/* Contents of a double-quoted Python str: \" \\ \n \r \t, other control
** bytes and DEL as \xNN. */
void ec_escape_python(ec_buf *out, const char *s, size_t n);

/* Contents of a double-quoted JavaScript/TypeScript string: like Python,
** plus U+2028 and U+2029 as \u2028 and \u2029 (line terminators in older
** JavaScript). */
void ec_escape_typescript(ec_buf *out, const char *s, size_t n);

/* Contents of a Go interpreted string literal: \" \\ \n \r \t, other
** control bytes, DEL and bytes that are not UTF-8 as \xNN. */
void ec_escape_go(ec_buf *out, const char *s, size_t n);

/* Contents of a Rust string literal: \" \\ \n \r \t \0, other control
** bytes and DEL as \u{..}. */
void ec_escape_rust(ec_buf *out, const char *s, size_t n);

/* Contents of a JSON string: the minimal escapes (\" \\ \n \r \t, other
** controls and DEL as \u00NN, as ec_json_write does) plus \u2028 and
** \u2029, so the output is also valid JavaScript. */
void ec_escape_json(ec_buf *out, const char *s, size_t n);

/* Text in a Markdown paragraph or table cell: backslash before
** \ ` * _ { } [ ] < > | & ~, before # + - = where they would start a heading
** or a list item (at a line start), after the digits of "1." or "1)" there,
** and before ! when it precedes [ (an image); blanks at a line start as
** &#32; and &#9; (no indented code block); newlines become <br>. Other
** punctuation is left alone so the source stays readable. */
void ec_escape_markdown(ec_buf *out, const char *s, size_t n);

/* Text inside a C, Go, Rust or TypeScript comment (block or line): a
** backslash goes between any '*' and '/' that touch, so neither "*" "/" nor
** "/" "*" appears (Rust block comments nest); line breaks (CR, LF, U+2028,
** U+2029) and other control bytes become one space; a final backslash gets a
** space after it so it cannot splice the next line into a C line comment. */
void ec_escape_comment(ec_buf *out, const char *s, size_t n);

/* Text on one line of a comment of that language, as {{%comment x}} writes
** it: quotes and backslashes as they are (a comment is not a string), a
** backslash between a '*' and a '/' that touch, line breaks and control
** characters as a space, blanks at either end dropped; the language's twin
** quotes split ('' and `` for gofmt, ``` for rustdoc), bidirectional
** controls and other invisible troublemakers as inert \uNNNN text, and in C
** a space after a final backslash. Named "<language>-comment". */
void ec_escape_c_comment(ec_buf *out, const char *s, size_t n);
void ec_escape_typescript_comment(ec_buf *out, const char *s, size_t n);
void ec_escape_go_comment(ec_buf *out, const char *s, size_t n);
void ec_escape_rust_comment(ec_buf *out, const char *s, size_t n);

#endif
