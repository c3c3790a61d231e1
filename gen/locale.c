/* locale.c: language tags and RFC 4647 lookup (locale.h). */
#include "locale.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

bool ec_locale_valid(const char *tag, size_t n)
{
    size_t i = 0, sub = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && isalnum((unsigned char)tag[i]))
            i++;
        size_t len = i - start;
        if (sub == 0) {
            for (size_t k = start; k < i; k++)
                if (!isalpha((unsigned char)tag[k]))
                    return false;
            if (len < 2 || len == 4 || len > 8)
                return false;
        } else if (len < 1 || len > 8) {
            return false;
        }
        sub++;
        if (i == n)
            return true;
        if (tag[i] != '-' || i + 1 == n)
            return false;
        i++;
    }
    return false;
}

size_t ec_locale_parent(const char *tag, size_t n)
{
    while (n && tag[n - 1] != '-')
        n--;
    n -= n > 0;
    /* A singleton ("x", "u") introduces what follows: alone it says nothing. */
    if (n >= 2 && tag[n - 2] == '-')
        n -= 2;
    return n;
}

/* Sorted for bsearch. */
static const char *const rtl_languages[] = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks",
                                            "mzn", "nqo", "ps", "sd", "syr", "ug", "ur", "yi"};
static const char *const rtl_scripts[] = {"adlm", "arab", "hebr", "mand", "nkoo",
                                          "rohg", "samr", "syrc", "thaa"};

static int cmp_word(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

bool ec_locale_rtl(const char *tag)
{
    char sub[9];
    bool first = true, rtl = false;
    for (const char *p = tag; *p;) {
        size_t n = strcspn(p, "-");
        if (n < sizeof sub) {
            for (size_t i = 0; i < n; i++)
                sub[i] = (char)tolower((unsigned char)p[i]);
            sub[n] = '\0';
            if (first)
                rtl = bsearch(sub, rtl_languages, sizeof rtl_languages / sizeof *rtl_languages,
                              sizeof *rtl_languages, cmp_word) != NULL;
            else if (n == 4 && isalpha((unsigned char)sub[0])) /* a script decides */
                return bsearch(sub, rtl_scripts, sizeof rtl_scripts / sizeof *rtl_scripts,
                               sizeof *rtl_scripts, cmp_word) != NULL;
        }
        first = false;
        p += n + (p[n] == '-');
    }
    return rtl;
}

bool ec_locale_same(const char *a, size_t n, const char *b)
{
    size_t i = 0;
    for (; i < n && b[i]; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return false;
    return i == n && !b[i];
}

/* One element of the header: its range and weight in thousandths. */
typedef struct range {
    const char *tag;
    size_t n;
    unsigned q;
} range;

static bool ows(int c)
{
    return c == ' ' || c == '\t';
}

/* RFC 9110's qvalue: "0" ["." 0*3DIGIT] or "1" ["." 0*3"0"]. */
static bool weight(const char *s, size_t n, unsigned *q)
{
    if (!n || (s[0] != '0' && s[0] != '1') || (n > 1 && s[1] != '.') || n > 5)
        return false;
    unsigned v = (unsigned)(s[0] - '0') * 1000, scale = 100;
    for (size_t i = 2; i < n; i++, scale /= 10) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v += (unsigned)(s[i] - '0') * scale;
    }
    if (v > 1000)
        return false;
    *q = v;
    return true;
}

/* Parses the element of 'n' bytes at 's'; false when it is not one. */
static bool element(const char *s, size_t n, range *r)
{
    while (n && ows(*s))
        s++, n--;
    while (n && ows(s[n - 1]))
        n--;
    size_t t = 0;
    while (t < n && s[t] != ';' && !ows(s[t]))
        t++;
    if (!(t == 1 && s[0] == '*') && !ec_locale_valid(s, t))
        return false;
    r->tag = s;
    r->n = t;
    r->q = 1000;
    size_t i = t;
    while (i < n && ows(s[i]))
        i++;
    if (i == n)
        return true;
    if (s[i++] != ';')
        return false;
    while (i < n && ows(s[i]))
        i++;
    if (n - i < 2 || (s[i] != 'q' && s[i] != 'Q') || s[i + 1] != '=')
        return false;
    return weight(s + i + 2, n - i - 2, &r->q);
}

/* Whether a range of weight 0 names 'tag' exactly. */
static bool refused(const range *ranges, size_t nr, const char *tag)
{
    for (size_t z = 0; z < nr; z++)
        if (ranges[z].q == 0 && ec_locale_same(ranges[z].tag, ranges[z].n, tag))
            return true;
    return false;
}

/* Headers longer than this many elements are read up to it: more choices
** than any person states, and a bound on the work a request can cause. */
#define MAX_RANGES 64

const char *ec_locale_negotiate(const char *accept, size_t len, const char *const *available,
                                size_t n, const char *fallback)
{
    range ranges[MAX_RANGES];
    size_t nr = 0;
    for (size_t i = 0; i < len && nr < MAX_RANGES;) {
        size_t j = i;
        while (j < len && accept[j] != ',')
            j++;
        if (element(accept + i, j - i, &ranges[nr]))
            nr++;
        i = j + 1;
    }
    /* Highest weight first; an insertion sort keeps equal weights in order. */
    for (size_t i = 1; i < nr; i++)
        for (size_t k = i; k && ranges[k - 1].q < ranges[k].q; k--) {
            range t = ranges[k];
            ranges[k] = ranges[k - 1];
            ranges[k - 1] = t;
        }
    for (size_t r = 0; r < nr && ranges[r].q; r++) {
        if (ranges[r].n == 1 && ranges[r].tag[0] == '*')
            continue;
        for (size_t k = ranges[r].n; k; k = ec_locale_parent(ranges[r].tag, k))
            for (size_t a = 0; a < n; a++)
                if (ec_locale_same(ranges[r].tag, k, available[a]) &&
                    !refused(ranges, nr, available[a]))
                    return available[a];
    }
    return fallback;
}
