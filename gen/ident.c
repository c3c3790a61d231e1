/* ident.c: case conversion, and the test of a name against the reserved
** words of the languages (whose lists are in gen/lang_<name>.c). */
#include "ident.h"

#include "alloc.h"
#include "lang.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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

size_t ec_ident_spell_to(char *out, const char *name, ec_case c)
{
    return spell(out, name, strlen(name), c);
}

/* Spelt on the stack, then copied at its length: a catalog has spellings of
** every name, which would otherwise each take twice the name, aligned. */
char *ec_ident_spell(ec_arena *a, const char *name, ec_case c)
{
    size_t n = strlen(name);
    char stack[256];
    char *tmp = 2 * n + 1 <= sizeof stack ? stack : ec_xmalloc(2 * n + 1);
    char *out = ec_arena_strndup(a, tmp, spell(tmp, name, n, c));
    if (tmp != stack)
        free(tmp);
    return out;
}

/* Every language's reserved words in one sorted table, each with whom a
** warning names (the first language that reserves it): one binary search
** in place of one per list, for the millions of spellings a large catalog
** has. Made once, freed at exit. */
typedef struct reserved_word {
    const char *word, *by;
} reserved_word;

static reserved_word *merged;
static size_t nmerged;

static int cmp_merged(const void *a, const void *b)
{
    const reserved_word *x = a, *y = b;
    int c = strcmp(x->word, y->word);
    /* Ties keep the order of the lists (x < y in the array before sorting):
    ** the first language that reserves a word is named. */
    return c ? c : (x > y) - (x < y);
}

static void free_merged(void)
{
    free(merged);
}

static void merge_reserved(void)
{
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) { /* count, then fill */
        n = 0;
        for (size_t i = 0; i < ec_nlanguages; i++) {
            const ec_reserved *r = ec_languages[i]->reserved;
            for (size_t g = 0; g < sizeof ec_languages[i]->reserved / sizeof *r; g++, r++)
                for (size_t w = 0; w < r->n; w++, n++)
                    if (pass)
                        merged[n] = (reserved_word){r->words[w], r->by};
        }
        if (!pass)
            merged = ec_xmalloc((n ? n : 1) * sizeof *merged);
    }
    atexit(free_merged);
    qsort(merged, n, sizeof *merged, cmp_merged);
    for (size_t i = 0; i < n; i++)
        if (!nmerged || strcmp(merged[nmerged - 1].word, merged[i].word) != 0)
            merged[nmerged++] = merged[i];
}

static int cmp_word(const void *key, const void *elem)
{
    return strcmp(key, ((const reserved_word *)elem)->word);
}

const char *ec_ident_reserved(const char *word, const char **spelt)
{
    /* Most names are longer than any reserved word: no search for them. */
    size_t n = 0;
    while (n <= EC_RESERVED_LONGEST && word[n])
        n++;
    if (n > EC_RESERVED_LONGEST)
        return NULL;
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, merge_reserved);
    const reserved_word *k = bsearch(word, merged, nmerged, sizeof *merged, cmp_word);
    if (k)
        *spelt = k->word;
    return k ? k->by : NULL;
}

const char *ec_ident_keyword_clash(const char *name, const char **word)
{
    static const ec_case cases[] = {EC_CASE_UPPER, EC_CASE_SNAKE, EC_CASE_CAMEL,
                                    EC_CASE_PASCAL};
    size_t n = strlen(name), alnum = 0;
    for (size_t i = 0; i < n; i++)
        alnum += is_alnum((unsigned char)name[i]);
    if (alnum > EC_RESERVED_LONGEST)
        return NULL;
    /* Called for every name of a catalog: spellings go to the stack. A
    ** spelling has at most two bytes per alphanumeric character. */
    char spellings[5][2 * EC_RESERVED_LONGEST + 1];
    if (n > EC_RESERVED_LONGEST)
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
