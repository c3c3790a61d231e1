/* lang_rust.c: Rust. */
#include "inline.h"
#include "lang.h"

/* Contents of a string literal: \" \\ \n \r \t \0, other control bytes,
** DEL, U+FFFD and the invisible troublemakers (rustc denies bidirectional
** controls) as \u{..}; a '/' touching a '*', a '\'', '`' or '~' beside its
** twin (``` and ~~~ open a code fence in a doc comment) and a blank that
** starts the text (an indented doc comment line is a code block) as \u{..}
** too, so the text is also safe in a doc comment. */
static const ec_literal literal = {
    .ascii = {EC_BACKSLASH_ESCAPES, ['\0'] = "\\0"},
    .ctl = EC_NUM_UBRACE,
    .uni = EC_NUM_UBRACE,
    .slash = EC_NUM_UBRACE,
    .seps = true,
    .quote2 = EC_NUM_UBRACE,
    .lead_blank = EC_NUM_UBRACE,
};

static void escape(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal(&literal, out, s, n);
}

static void comment(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal_comment(&literal, out, s, n);
}

/* A doc comment is CommonMark to rustdoc: prose goes in as Markdown, its
** markup kept, the rest escaped (a raw '<' or '[' would be HTML or a link
** there). */
static void prose_comment(ec_buf *out, const char *s, size_t n)
{
    ec_buf md;
    ec_buf_init(&md);
    ec_inline_markdown(&md, s, n);
    comment(out, md.data, md.len);
    ec_buf_free(&md);
}

/* Strict, reserved and weak keywords. */
static const char *const rust_words[] = {
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
};

static const char *const extensions[] = {".rs", NULL};

const ec_language ec_lang_rust = {
    .name = "rust",
    .extensions = extensions,
    .escape = escape,
    .comment = comment,
    .prose_comment = prose_comment,
    .reserved = {EC_RESERVED("Rust", rust_words)},
};
