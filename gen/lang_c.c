/* lang_c.c: C, and the C++ its header must also compile as. */
#include "lang.h"

/* Contents of a C string literal: \" \\ \n \t \r; other control bytes, DEL
** and bytes that are not UTF-8 as three-digit octal escapes (which cannot
** swallow a following digit, unlike \x); a '?' next to another '?' as \? so
** no trigraph can form; a '/' touching a '*' as \057, so the same text is
** safe in a block comment. UTF-8 text is kept as it is, but for the
** invisible troublemakers, whose bytes are escaped too. */
static const ec_literal literal = {
    .ascii = {EC_BACKSLASH_ESCAPES},
    .ctl = EC_NUM_OCT3,
    .byte = EC_NUM_OCT3,
    .trigraphs = true,
    .slash = EC_NUM_OCT3,
    .seps = true,
};

static void escape(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal(&literal, out, s, n);
}

/* A final backslash gets a space after it: it would splice the next line
** into a line comment. */
static void comment(ec_buf *out, const char *s, size_t n)
{
    ec_escape_literal_comment(&literal, out, s, n);
}

/* C's keywords, and the macros and typedefs of its standard headers that a
** generated name would shadow or be replaced by. */
static const char *const c_words[] = {
    "EOF", "NULL", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary",
    "_Noreturn", "_Static_assert", "_Thread_local", "auto", "bool", "break", "case", "char",
    "const", "continue", "default", "do", "double", "else", "enum", "errno", "extern", "false",
    "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
    "short", "signed", "sizeof", "static", "struct", "switch", "true", "typedef", "union",
    "unsigned", "void", "volatile", "while",
};

/* What C++ reserves beyond C's words. */
static const char *const cpp_words[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "bitand", "bitor", "catch", "class", "co_await",
    "co_return", "co_yield", "compl", "concept", "const_cast", "consteval", "constexpr",
    "constinit", "decltype", "delete", "dynamic_cast", "explicit", "export", "friend", "mutable",
    "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq",
    "private", "protected", "public", "reinterpret_cast", "requires", "static_assert",
    "static_cast", "template", "this", "thread_local", "throw", "try", "typeid", "typename",
    "using", "virtual", "wchar_t", "xor", "xor_eq",
};

static const char *const extensions[] = {".h", ".c", NULL};

const ec_language ec_lang_c = {
    .name = "c",
    .extensions = extensions,
    .escape = escape,
    .comment = comment,
    .reserved = {EC_RESERVED("C", c_words), EC_RESERVED("C++", cpp_words)},
};
