/* lang_html.c: HTML, a document language; its escaper is also the
** Mustache default. */
#include "inline.h"
#include "lang.h"

/* Text or an attribute value: & < > " ' as entities. */
static const ec_literal literal = {
    .ascii = {['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;"},
};

static void escape(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal(&literal, out, s, n);
}

static const char *const extensions[] = {".html", NULL};

const ec_language ec_lang_html = {
    .name = "html",
    .extensions = extensions,
    .escape = escape,
    .prose = ec_inline_html,
};
