/* lang_po.c: gettext PO and POT files, a document language whose strings
** have C's escapes: what a translator's tool reads back (po.c). */
#include "lang.h"

/* \" \\ \n \t \r, and other controls in octal, which msgfmt and po.c read;
** UTF-8 stays as it is, as the header's charset says. */
static const ec_literal literal = {
    .ascii = {EC_BACKSLASH_ESCAPES},
    .ctl = EC_NUM_OCT3,
};

static void escape(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal(&literal, out, s, n);
}

/* A "#." comment line: the text on one line. */
static void comment(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal_comment(&literal, out, s, n);
}

static const char *const extensions[] = {".po", ".pot", NULL};

const ec_language ec_lang_po = {
    .name = "po",
    .extensions = extensions,
    .escape = escape,
    .comment = comment,
};
