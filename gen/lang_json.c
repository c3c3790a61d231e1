/* lang_json.c: JSON, a document language (no names to keep off reserved
** words), whose strings TOML spells alike. */
#include "lang.h"

/* Contents of a JSON string: the minimal escapes (\" \\ \n \r \t, other
** controls and DEL as \u00NN, as ec_json_write does) plus U+FFFD and the
** invisible troublemakers (U+2028 and U+2029 among them) as \uNNNN, so the
** output is also valid JavaScript. */
static const ec_literal literal = {
    .ascii = {EC_BACKSLASH_ESCAPES},
    .ctl = EC_NUM_U4,
    .uni = EC_NUM_U4,
    .seps = true,
};

static void escape(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal(&literal, out, s, n);
}

/* A TOML basic string has JSON's escapes (Cargo.toml); a JavaScript string too (the
** html target's search index). */
static const char *const extensions[] = {".json", ".toml", ".js", NULL};

const ec_language ec_lang_json = {
    .name = "json",
    .extensions = extensions,
    .escape = escape,
};
