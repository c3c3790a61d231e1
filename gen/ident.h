/* ident.h: identifier spellings per language and keyword-safe names. */
#ifndef EC_IDENT_H
#define EC_IDENT_H

#include "arena.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum ec_case { EC_CASE_UPPER, EC_CASE_SNAKE, EC_CASE_CAMEL, EC_CASE_PASCAL, EC_CASE_KEBAB } ec_case;

/* Spells 'name' in the given case, in arena memory. Words break at every
** character but letters and digits, and where lower case turns upper:
** "quoteExpired" and "QUOTE_EXPIRED" both give QUOTE_EXPIRED,
** quote_expired, quoteExpired, QuoteExpired and quote-expired. */
char *ec_ident_spell(ec_arena *a, const char *name, ec_case c);

/* The same into 'out', which has room for 2 * strlen(name) + 1 bytes, for
** a spelling that is not kept; returns its length. */
size_t ec_ident_spell_to(char *out, const char *name, ec_case c);

/* When some spelling of 'name' is a reserved word of a language of lang.h
** (C, C++, Python, TypeScript, Go, Rust), returns that language's name and
** sets *word to the clashing spelling; otherwise NULL. */
const char *ec_ident_keyword_clash(const char *name, const char **word);

/* The language that reserves 'word' as it is spelt (setting *spelt to the
** reserved word), or NULL. */
const char *ec_ident_reserved(const char *word, const char **spelt);

/* True when 's' is [A-Za-z][A-Za-z0-9_]*. */
bool ec_ident_valid(const char *s);

#endif
