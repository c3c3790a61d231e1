/* lang_typescript.c: TypeScript (and the JavaScript it compiles to). */
#include "lang.h"

/* Contents of a double-quoted string: \" \\ \n \r \t, other control bytes
** and DEL as \xNN, U+FFFD and the invisible troublemakers (U+2028 and
** U+2029 end a line in older JavaScript) as \uNNNN; a '/' touching a '*'
** as \x2f, so the text is safe in a block comment too. */
static const ec_literal literal = {
    .ascii = {EC_BACKSLASH_ESCAPES},
    .ctl = EC_NUM_X2,
    .uni = EC_NUM_U4,
    .seps = true,
    .slash = EC_NUM_X2,
};

static void escape(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal(&literal, out, s, n);
}

static void comment(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal_comment(&literal, out, s, n);
}

/* Reserved words, strict-mode and contextual keywords, the names of
** primitive types, and globals a name would shadow. */
static const char *const typescript_words[] = {
    "any", "as", "async", "await", "boolean", "break", "case", "catch", "class", "const",
    "constructor", "continue", "debugger", "declare", "default", "delete", "do", "else", "enum",
    "export", "extends", "false", "finally", "for", "function", "get", "if", "implements", "import",
    "in", "instanceof", "interface", "let", "module", "namespace", "new", "null", "number", "of",
    "package", "private", "protected", "prototype", "public", "require", "return", "set", "static",
    "string", "super", "switch", "symbol", "this", "throw", "true", "try", "type", "typeof",
    "undefined", "var", "void", "while", "with", "yield",
};

static const char *const extensions[] = {".ts", NULL};

const ec_language ec_lang_typescript = {
    .name = "typescript",
    .extensions = extensions,
    .escape = escape,
    .comment = comment,
    .reserved = {EC_RESERVED("TypeScript", typescript_words)},
};
