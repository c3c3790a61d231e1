/* locale.h: BCP 47 language tags, their fallbacks and negotiation.
**
** errcat chooses a locale the way RFC 4647's "lookup" does (section 3.4),
** with the weights of an HTTP Accept-Language header (RFC 9110, section
** 12.5.4); the bindings do the same, and the conformance vectors hold
** both to this file. Tags and ranges compare without regard to case. */
#ifndef EC_LOCALE_H
#define EC_LOCALE_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the 'n' bytes at 'tag' are a language tag of the shape errcat
** accepts: a language of 2-3 or 5-8 letters, then subtags of 1-8 letters
** or digits, separated by '-' ("fr", "pt-BR", "zh-Hant-TW", "sr-Latn",
** "de-CH-1996"). Underscores ("pt_BR") are not BCP 47. */
bool ec_locale_valid(const char *tag, size_t n);

/* The length of the next tag of the lookup fallback of the 'n' bytes at
** 'tag': the last subtag dropped, and a single-letter subtag then left at
** the end too ("zh-Hant-TW" -> "zh-Hant" -> "zh" -> 0; "en-a-bbb" -> "en").
** 0 when nothing is left. */
size_t ec_locale_parent(const char *tag, size_t n);

/* Whether text in the language of 'tag' runs right to left: a script
** subtag says (Arab, Hebr, Thaa, Syrc, Nkoo, Adlm, Rohg, Mand, Samr), else
** the language (Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Uyghur,
** Yiddish, Dhivehi, Central Kurdish, Syriac, N'Ko and a few more). */
bool ec_locale_rtl(const char *tag);

/* Whether the 'n' bytes at 'a' and the string 'b' are the same tag. */
bool ec_locale_same(const char *a, size_t n, const char *b);

/* The tag of 'available' (n tags) that RFC 4647 lookup finds for the
** Accept-Language value 'accept' ('len' bytes), or 'fallback':
**   - elements are separated by commas; an element is a range (a tag, or
**     "*") and optionally ";q=" and a weight of at most three decimals
**     (RFC 9110's qvalue); a missing weight is 1; an element that does not
**     parse is ignored, as are empty ones;
**   - ranges are tried from the highest weight down, those of equal weight
**     in the order given; a range of weight 0 is never tried, and the tag
**     it names exactly is never chosen ("fr;q=0" refuses "fr", not
**     "fr-CA");
**   - each range is looked up, then its parents (ec_locale_parent), and
**     the first available tag equal to one of them is the answer;
**   - "*" is skipped: with nothing matched, the answer is 'fallback'. */
const char *ec_locale_negotiate(const char *accept, size_t len, const char *const *available,
                                size_t n, const char *fallback);

#endif
