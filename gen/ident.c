/* ident.c: case conversion and reserved words of the target languages. */
#include "ident.h"

#include <stdlib.h>
#include <string.h>

/* The reserved words of C, C++, Python, TypeScript, Go and Rust (and a few
** names that shadow builtins there), each with the first language of that
** list that reserves it; sorted by strcmp for bsearch. */
typedef struct keyword {
    const char *word, *lang;
} keyword;

static const keyword keywords[] = {
    {"EOF", "C"}, {"False", "Python"}, {"NULL", "C"}, {"None", "Python"}, {"Self", "Rust"},
    {"True", "Python"}, {"_Alignas", "C"}, {"_Alignof", "C"}, {"_Atomic", "C"}, {"_Bool", "C"},
    {"_Complex", "C"}, {"_Generic", "C"}, {"_Imaginary", "C"}, {"_Noreturn", "C"},
    {"_Static_assert", "C"}, {"_Thread_local", "C"}, {"abstract", "Rust"}, {"alignas", "C++"},
    {"alignof", "C++"}, {"and", "C++"}, {"and_eq", "C++"}, {"any", "TypeScript"},
    {"as", "Python"}, {"asm", "C++"}, {"assert", "Python"}, {"async", "Python"}, {"auto", "C"},
    {"await", "Python"}, {"become", "Rust"}, {"bitand", "C++"}, {"bitor", "C++"}, {"bool", "C"},
    {"boolean", "TypeScript"}, {"box", "Rust"}, {"break", "C"}, {"case", "C"}, {"catch", "C++"},
    {"chan", "Go"}, {"char", "C"}, {"class", "C++"}, {"co_await", "C++"}, {"co_return", "C++"},
    {"co_yield", "C++"}, {"compl", "C++"}, {"concept", "C++"}, {"const", "C"},
    {"const_cast", "C++"}, {"consteval", "C++"}, {"constexpr", "C++"}, {"constinit", "C++"},
    {"constructor", "TypeScript"}, {"continue", "C"}, {"crate", "Rust"},
    {"debugger", "TypeScript"}, {"declare", "TypeScript"}, {"decltype", "C++"},
    {"def", "Python"}, {"default", "C"}, {"defer", "Go"}, {"del", "Python"}, {"delete", "C++"},
    {"do", "C"}, {"double", "C"}, {"dyn", "Rust"}, {"dynamic_cast", "C++"}, {"elif", "Python"},
    {"else", "C"}, {"enum", "C"}, {"errno", "C"}, {"error", "Go"}, {"except", "Python"},
    {"explicit", "C++"}, {"export", "C++"}, {"extends", "TypeScript"}, {"extern", "C"},
    {"fallthrough", "Go"}, {"false", "C"}, {"final", "Rust"}, {"finally", "Python"},
    {"float", "C"}, {"fn", "Rust"}, {"for", "C"}, {"friend", "C++"}, {"from", "Python"},
    {"func", "Go"}, {"function", "TypeScript"}, {"get", "TypeScript"}, {"global", "Python"},
    {"go", "Go"}, {"goto", "C"}, {"if", "C"}, {"impl", "Rust"}, {"implements", "TypeScript"},
    {"import", "Python"}, {"in", "Python"}, {"inline", "C"}, {"instanceof", "TypeScript"},
    {"int", "C"}, {"interface", "TypeScript"}, {"iota", "Go"}, {"is", "Python"},
    {"lambda", "Python"}, {"let", "TypeScript"}, {"long", "C"}, {"loop", "Rust"},
    {"macro", "Rust"}, {"map", "Go"}, {"match", "Python"}, {"mod", "Rust"},
    {"module", "TypeScript"}, {"move", "Rust"}, {"mro", "Python"}, {"mut", "Rust"},
    {"mutable", "C++"}, {"namespace", "C++"}, {"new", "C++"}, {"nil", "Go"},
    {"noexcept", "C++"}, {"nonlocal", "Python"}, {"not", "C++"}, {"not_eq", "C++"},
    {"null", "TypeScript"}, {"nullptr", "C++"}, {"number", "TypeScript"}, {"of", "TypeScript"},
    {"operator", "C++"}, {"or", "C++"}, {"or_eq", "C++"}, {"override", "Rust"},
    {"package", "TypeScript"}, {"pass", "Python"}, {"priv", "Rust"}, {"private", "C++"},
    {"protected", "C++"}, {"prototype", "TypeScript"}, {"pub", "Rust"}, {"public", "C++"},
    {"raise", "Python"}, {"range", "Go"}, {"ref", "Rust"}, {"register", "C"},
    {"reinterpret_cast", "C++"}, {"require", "TypeScript"}, {"requires", "C++"},
    {"restrict", "C"}, {"return", "C"}, {"select", "Go"}, {"self", "Rust"},
    {"set", "TypeScript"}, {"short", "C"}, {"signed", "C"}, {"sizeof", "C"}, {"static", "C"},
    {"static_assert", "C++"}, {"static_cast", "C++"}, {"string", "TypeScript"}, {"struct", "C"},
    {"super", "TypeScript"}, {"switch", "C"}, {"symbol", "TypeScript"}, {"template", "C++"},
    {"this", "C++"}, {"thread_local", "C++"}, {"throw", "C++"}, {"trait", "Rust"},
    {"true", "C"}, {"try", "C++"}, {"type", "Python"}, {"typedef", "C"}, {"typeid", "C++"},
    {"typename", "C++"}, {"typeof", "TypeScript"}, {"undefined", "TypeScript"}, {"union", "C"},
    {"unsafe", "Rust"}, {"unsigned", "C"}, {"unsized", "Rust"}, {"use", "Rust"},
    {"using", "C++"}, {"var", "TypeScript"}, {"virtual", "C++"}, {"void", "C"},
    {"volatile", "C"}, {"wchar_t", "C++"}, {"where", "Rust"}, {"while", "C"},
    {"with", "Python"}, {"xor", "C++"}, {"xor_eq", "C++"}, {"yield", "Python"},
};

static int cmp_keyword(const void *key, const void *elem)
{
    return strcmp(key, ((const keyword *)elem)->word);
}

/* ASCII classes, not <ctype.h>: spellings must not depend on the locale. */
static bool is_upper(unsigned char ch)
{
    return ch >= 'A' && ch <= 'Z';
}

static bool is_lower(unsigned char ch)
{
    return ch >= 'a' && ch <= 'z';
}

static bool is_digit(unsigned char ch)
{
    return ch >= '0' && ch <= '9';
}

static bool is_alnum(unsigned char ch)
{
    return is_upper(ch) || is_lower(ch) || is_digit(ch);
}

bool ec_ident_valid(const char *s)
{
    if (!is_upper((unsigned char)*s) && !is_lower((unsigned char)*s))
        return false;
    for (s++; *s; s++)
        if (!is_alnum((unsigned char)*s) && *s != '_')
            return false;
    return true;
}

/* Writes the spelling of the 'n' bytes of 'name' to 'out', which has room
** for 2n + 1 bytes: each alphanumeric character, and a separator before
** every word but the first. Returns the length written. */
static size_t spell(char *out, const char *name, size_t n, ec_case c)
{
    char *o = out;
    bool word_start = true, first_word = true;
    unsigned char prev = 0;
    for (size_t i = 0; i < n; prev = (unsigned char)name[i++]) {
        unsigned char ch = (unsigned char)name[i];
        if (!is_alnum(ch)) {
            word_start = true; /* '_', '-', spaces, punctuation: word breaks */
            continue;
        }
        /* A lower-to-upper change starts a word: quoteExpired -> quote|Expired. */
        if (is_upper(ch) && (is_lower(prev) || is_digit(prev)))
            word_start = true;
        if (word_start && !first_word && (c == EC_CASE_UPPER || c == EC_CASE_SNAKE))
            *o++ = '_';
        if (word_start && !first_word && c == EC_CASE_KEBAB)
            *o++ = '-';
        bool upper = c == EC_CASE_UPPER ||
                     (word_start && (c == EC_CASE_PASCAL || (c == EC_CASE_CAMEL && !first_word)));
        if (upper && is_lower(ch))
            ch = (unsigned char)(ch - 'a' + 'A');
        else if (!upper && is_upper(ch))
            ch = (unsigned char)(ch - 'A' + 'a');
        *o++ = (char)ch;
        word_start = false;
        first_word = false;
    }
    *o = '\0';
    return (size_t)(o - out);
}

char *ec_ident_spell(ec_arena *a, const char *name, ec_case c)
{
    size_t n = strlen(name);
    char *out = ec_arena_alloc(a, 2 * n + 1);
    spell(out, name, n, c);
    return out;
}

/* The longest reserved word ("reinterpret_cast"): a name with more
** alphanumeric characters than this cannot be spelt as one. */
#define LONGEST_KEYWORD 16

const char *ec_ident_reserved(const char *word, const char **spelt)
{
    /* Most names are longer than any keyword: no search for them. */
    size_t n = 0;
    while (n <= LONGEST_KEYWORD && word[n])
        n++;
    if (n > LONGEST_KEYWORD)
        return NULL;
    const keyword *k = bsearch(word, keywords, sizeof keywords / sizeof keywords[0],
                               sizeof keywords[0], cmp_keyword);
    if (k)
        *spelt = k->word;
    return k ? k->lang : NULL;
}

const char *ec_ident_keyword_clash(const char *name, const char **word)
{
    static const ec_case cases[] = {EC_CASE_UPPER, EC_CASE_SNAKE, EC_CASE_CAMEL,
                                    EC_CASE_PASCAL};
    size_t n = strlen(name), alnum = 0;
    for (size_t i = 0; i < n; i++)
        alnum += is_alnum((unsigned char)name[i]);
    if (alnum > LONGEST_KEYWORD)
        return NULL;
    /* Called for every name of a catalog: spellings go to the stack. A
    ** spelling has at most two bytes per alphanumeric character. */
    char spellings[5][2 * LONGEST_KEYWORD + 1];
    if (n > LONGEST_KEYWORD)
        spellings[0][0] = '\0'; /* too long to be a keyword as written */
    else
        memcpy(spellings[0], name, n + 1);
    for (size_t i = 0; i < 4; i++)
        spell(spellings[i + 1], name, n, cases[i]);
    const char *lang = NULL;
    for (size_t i = 0; i < 5 && !lang; i++)
        lang = ec_ident_reserved(spellings[i], word);
    return lang;
}
