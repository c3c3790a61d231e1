/* lang_go.c: Go. */
#include "lang.h"

/* Contents of an interpreted string literal: \" \\ \n \r \t, other control
** bytes, DEL and bytes that are not UTF-8 as \xNN, and so the bytes of the
** invisible troublemakers (go refuses a byte order mark); a '/' touching a
** '*' as \x2f, so the text is safe in a block comment too; a '\'' or '`'
** beside its twin as \xNN, since gofmt turns '' and `` in a comment into
** curly quotes. */
static const ec_literal literal = {
    .ascii = {EC_BACKSLASH_ESCAPES},
    .ctl = EC_NUM_X2,
    .byte = EC_NUM_X2,
    .slash = EC_NUM_X2,
    .seps = true,
    .quote2 = EC_NUM_X2,
};

static void escape(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal(&literal, out, s, n);
}

static void comment(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal_comment(&literal, out, s, n);
}

/* Keywords, and the predeclared names a generated one would shadow. */
static const char *const go_words[] = {
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "error",
    "fallthrough", "false", "for", "func", "go", "goto", "if", "import", "interface", "iota", "map",
    "nil", "package", "range", "return", "select", "struct", "switch", "true", "type", "var",
};

static const char *const extensions[] = {".go", NULL};

const ec_language ec_lang_go = {
    .name = "go",
    .extensions = extensions,
    .escape = escape,
    .comment = comment,
    .reserved = {EC_RESERVED("Go", go_words)},
};
