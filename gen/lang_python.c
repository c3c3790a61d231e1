/* lang_python.c: Python. */
#include "lang.h"

/* Contents of a double-quoted str: \" \\ \n \r \t, other control bytes
** and DEL as \xNN, U+FFFD and the invisible troublemakers (which black
** reads as line breaks) as \uNNNN; other UTF-8 text as it is. */
static const ec_literal literal = {
    .ascii = {EC_BACKSLASH_ESCAPES},
    .ctl = EC_NUM_X2,
    .uni = EC_NUM_U4, /* only for U+FFFD and troublemakers: other text stays UTF-8 */
    .seps = true,
};

static void escape(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal(&literal, out, s, n);
}

/* Keywords, soft keywords, and "mro", which an Enum member must not be
** called. */
static const char *const python_words[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "case", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "match", "mro", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "type", "while", "with", "yield",
};

static const char *const extensions[] = {".py", ".pyi", NULL};

/* A comment is "#" to the end of the line: the generic comment escaper. */
const ec_language ec_lang_python = {
    .name = "python",
    .extensions = extensions,
    .escape = escape,
    .reserved = {EC_RESERVED("Python", python_words)},
};
