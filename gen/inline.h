/* inline.h: catalog prose. Descriptions, hints and advice are CommonMark
** inline text of a small subset (spec/FORMAT.md, "Prose"): code spans,
** emphasis and strong emphasis, backslash escapes, and inline links whose
** destination is http, https or relative. Everything else (raw HTML,
** images, autolinks, entities, block syntax, a link to another scheme)
** stays literal text. The subset is parsed by CommonMark's own rules
** (left-flanking delimiter runs, the rule of three, code spans before
** everything, no link inside a link), in time linear in the text, and
** written three ways. Each writer appends to 'out', never fails and has
** the signature of an escaper (escape.h), so that it is a language's
** prose writer (lang.h).
**
** A line break in the text is a line break in every rendering (as the
** escapers keep it): the text is one paragraph, whatever its lines. */
#ifndef EC_INLINE_H
#define EC_INLINE_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

/* HTML: text escaped as the html escaper does, <code>, <em>, <strong>,
** <a href="..." title="...">; a destination's bytes outside URL syntax
** percent-encoded. */
void ec_inline_html(ec_buf *out, const char *s, size_t n);

/* Markdown that a CommonMark or GFM renderer reads back as the same
** inlines: literal text escaped as the markdown escaper does (so raw HTML,
** images and the rest show as typed), markup written again (`code`,
** *em*, **strong**, [text](url "title")), or as <code>, <em>, <strong>
** where the short form could be read otherwise (in a table cell, beside
** other delimiters). */
void ec_inline_markdown(ec_buf *out, const char *s, size_t n);

/* Plain text, for comments: emphasis without its marks, a link's text then
** " (url)" for an absolute link whose text is not its url, escapes
** resolved; a code span as written, backticks and all (plain text's own
** way to show code). Text without markup comes out as it is. */
void ec_inline_plain(ec_buf *out, const char *s, size_t n);

/* Whether 'url' (the destination as parsed, escapes resolved) may be a
** link: a relative reference, or an absolute http or https URL. */
bool ec_inline_url_allowed(const char *url, size_t n);

#endif
