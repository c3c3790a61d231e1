/* ident.c: case conversion and reserved words of the target languages. */
#include "ident.h"

#include <ctype.h>
#include <string.h>

static const char *const kw_c[] = {
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
    "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
    "union", "unsigned", "void", "volatile", "while", "_Bool", "_Complex", "_Imaginary",
    "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert",
    "_Thread_local", "NULL", "EOF", "errno", "bool", "true", "false", NULL};
static const char *const kw_cpp[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "bitand", "bitor", "catch", "class",
    "compl", "concept", "consteval", "constexpr", "constinit", "const_cast", "co_await",
    "co_return", "co_yield", "decltype", "delete", "dynamic_cast", "explicit", "export",
    "friend", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
    "operator", "or", "or_eq", "private", "protected", "public", "reinterpret_cast",
    "requires", "static_assert", "static_cast", "template", "this", "thread_local", "throw",
    "try", "typeid", "typename", "using", "virtual", "wchar_t", "xor", "xor_eq", NULL};
static const char *const kw_python[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield", "match", "case", "type", "mro", NULL};
static const char *const kw_ts[] = {
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
    "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
    "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
    "true", "try", "typeof", "var", "void", "while", "with", "implements", "interface", "let",
    "package", "private", "protected", "public", "static", "yield", "await", "any", "boolean",
    "constructor", "declare", "get", "module", "require", "number", "set", "string", "symbol",
    "type", "from", "of", "undefined", "prototype", NULL};
static const char *const kw_go[] = {
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
    "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
    "return", "select", "struct", "switch", "type", "var", "nil", "true", "false", "iota",
    "error", "string", "int", NULL};
static const char *const kw_rust[] = {
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
    "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe",
    "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do",
    "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
    "union", NULL};

static const struct {
    const char *lang;
    const char *const *words;
} keywords[] = {{"C", kw_c},          {"C++", kw_cpp}, {"Python", kw_python},
                {"TypeScript", kw_ts}, {"Go", kw_go},   {"Rust", kw_rust}};

bool ec_ident_valid(const char *s)
{
    if (!isalpha((unsigned char)*s))
        return false;
    for (s++; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return false;
    return true;
}

char *ec_ident_spell(ec_arena *a, const char *name, ec_case c)
{
    size_t n = strlen(name);
    char *out = ec_arena_alloc(a, 2 * n + 1), *o = out;
    bool word_start = true, first_word = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (!isalnum(ch)) { /* '_', '-', spaces, punctuation: word breaks */
            word_start = true;
            continue;
        }
        /* A lower-to-upper change starts a word: quoteExpired -> quote|Expired. */
        if (i && isupper(ch) && (islower((unsigned char)name[i - 1]) ||
                                 isdigit((unsigned char)name[i - 1])))
            word_start = true;
        if (word_start && !first_word && (c == EC_CASE_UPPER || c == EC_CASE_SNAKE))
            *o++ = '_';
        if (word_start && !first_word && c == EC_CASE_KEBAB)
            *o++ = '-';
        bool upper = c == EC_CASE_UPPER ||
                     (word_start && (c == EC_CASE_PASCAL || (c == EC_CASE_CAMEL && !first_word)));
        *o++ = (char)(upper ? toupper(ch) : tolower(ch));
        word_start = false;
        first_word = false;
    }
    *o = '\0';
    return out;
}

const char *ec_ident_keyword_clash(ec_arena *a, const char *name, const char **word)
{
    static const ec_case cases[] = {EC_CASE_UPPER, EC_CASE_SNAKE, EC_CASE_CAMEL,
                                    EC_CASE_PASCAL};
    const char *spellings[5] = {name};
    for (size_t i = 0; i < 4; i++)
        spellings[i + 1] = ec_ident_spell(a, name, cases[i]);
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++)
        for (const char *const *w = keywords[k].words; *w; w++)
            for (size_t i = 0; i < 5; i++)
                if (strcmp(*w, spellings[i]) == 0) {
                    *word = *w;
                    return keywords[k].lang;
                }
    return NULL;
}
