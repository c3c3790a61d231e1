/* plural.h: CLDR's cardinal plural rules for integers.
**
** A message may take a different form for each plural category of an
** integer placeholder ("1 file" / "2 files"; Polish has four forms, Arabic
** six). The rules are CLDR's, copied in plural_cldr.c from the plurals.xml
** of CLDR 41 (third_party/cldr/); this file reads their text. Only integers
** choose a form, so of CLDR's operands n and i are the number's absolute
** value and v, w, f, t, c and e are 0: "i = 1 and v = 0" holds for 1.
**
** A rule's text is CLDR's syntax: a condition in disjunctive form
** ("n % 10 = 1 and n % 100 != 11 or n = 0"), relations of an operand,
** optionally modulo a number, to a list of values and ranges ("= 2..4,9"),
** then the rule's samples ("@integer 1, 21~24, ..."). */
#ifndef EC_PLURAL_H
#define EC_PLURAL_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum ec_plural {
    EC_PLURAL_ZERO,
    EC_PLURAL_ONE,
    EC_PLURAL_TWO,
    EC_PLURAL_FEW,
    EC_PLURAL_MANY,
    EC_PLURAL_OTHER,
    EC_NPLURALS
} ec_plural;

/* The rules of some locales: for each category, its rule's text, or NULL
** where the locales do not have that category. "other" has no condition:
** it is what no other rule takes. */
typedef struct ec_plural_set {
    const char *locales; /* CLDR's names, space-separated: "pt_PT" */
    const char *rules[EC_NPLURALS];
} ec_plural_set;

extern const ec_plural_set ec_plural_cldr[];
extern const size_t ec_plural_ncldr;

/* "zero", "one", ... "other". */
const char *ec_plural_name(ec_plural p);
/* The category named by the 'n' bytes at 's'; false for none. */
bool ec_plural_find(const char *s, size_t n, ec_plural *out);

/* The rules of the BCP 47 tag: those of the longest prefix of it, cut at
** subtags, that CLDR names ("pt-PT" has its own, "fr-CA" takes "fr"'s);
** letter case does not matter. CLDR's "root" (one form) for a language it
** does not know. A NULL tag is "en", the source locale of a catalog that
** names none. */
const ec_plural_set *ec_plural_rules(const char *tag);

/* The category of 'n' under 'set': the first rule, in CLDR's order, that
** holds, else "other". */
ec_plural ec_plural_select(const ec_plural_set *set, long long n);

/* The categories that some integer takes under 'set', in CLDR's order
** (zero, one, two, few, many, other), into 'out': those whose rule lists
** integer samples. Polish's "other" takes only fractions, French's "many"
** the millions. These are a PO file's msgstr[0], msgstr[1], ... for the
** locale, and its Plural-Forms' nplurals is how many. Returns how many. */
size_t ec_plural_categories(const ec_plural_set *set, ec_plural out[EC_NPLURALS]);

/* The largest count a message's plural forms read: 2^53 - 1, which every
** target language holds exactly. */
#define EC_PLURAL_MAX_COUNT 9007199254740991ULL

/* Reads a count as formatting reads the argument of a plural message's
** count: an optional '-', then ASCII digits, nothing else, at most
** EC_PLURAL_MAX_COUNT in magnitude; its absolute value into '*n'. False
** for anything else, which takes the "other" form. */
bool ec_plural_count(const char *s, unsigned long long *n);

/* What a condition is for every integer. */
typedef enum ec_plural_truth { EC_PLURAL_SOMETIMES, EC_PLURAL_ALWAYS, EC_PLURAL_NEVER } ec_plural_truth;

/* Whether the condition of 'rule' holds for the integer whose absolute
** value is 'n'. Returns -1 when the text is not CLDR's syntax. */
int ec_plural_holds(const char *rule, unsigned long long n);

/* Writes the condition of 'rule' as an expression of a language, over the
** unsigned integer variable 'var' (the absolute value), with its logical
** operators 'and_op' and 'or_op' (" && " or " and "): comparisons are
** spelt "==", "!=", "<=", ">=", "%", which C, Python, TypeScript, Go and
** Rust share. Relations that hold or fail for every integer (v = 0) are
** folded away, and the result says whether anything was written: a
** condition that always or never holds writes nothing. Returns -1 for a
** syntax error. */
int ec_plural_write(ec_buf *out, const char *rule, const char *var, const char *and_op,
                    const char *or_op, ec_plural_truth *truth);

/* The integer samples of 'rule' ("@integer 0~2, 5, ..."): calls 'each'
** for every value listed, each range walked; compact forms such as "1c6"
** (decimal notation, not integers) are skipped. */
void ec_plural_samples(const char *rule, void (*each)(void *ud, unsigned long long n),
                       void *ud);

#endif
