/* docurl.c: per-code documentation URLs. */
#include "docurl.h"

#include "buf.h"
#include "ident.h"

#include <inttypes.h>
#include <string.h>

/* The values a placeholder may name, and the spellings a suffix asks for
** (ident.c's cases: the same words as the view's <key>_upper etc.). */
static const char *const parts[] = {"domain", "code", "name"};
static const struct {
    const char *suffix;
    ec_case c;
} spellings[] = {{"upper", EC_CASE_UPPER}, {"snake", EC_CASE_SNAKE}, {"camel", EC_CASE_CAMEL},
                 {"pascal", EC_CASE_PASCAL}, {"kebab", EC_CASE_KEBAB}};

/* Reads the placeholder of 'n' bytes at 's' ("name_kebab"): its part (an
** index into parts) and spelling (-1 for the value as written). */
static bool placeholder(const char *s, size_t n, int *part, int *spelling)
{
    for (int p = 0; p < 3; p++) {
        size_t k = strlen(parts[p]);
        if (n < k || memcmp(s, parts[p], k) != 0)
            continue;
        *part = p;
        *spelling = -1;
        if (n == k)
            return true;
        for (int i = 0; s[k] == '_' && i < 5; i++)
            if (n - k - 1 == strlen(spellings[i].suffix) &&
                memcmp(s + k + 1, spellings[i].suffix, n - k - 1) == 0) {
                *spelling = i;
                return true;
            }
    }
    return false;
}

bool ec_docurl_check(const char *tmpl, ec_loc at, ec_diag *d)
{
    if (strncmp(tmpl, "https://", 8) != 0 && strncmp(tmpl, "http://", 7) != 0) {
        ec_error(d, at, "docs_url_template '%s' must be an absolute http(s) URL", tmpl);
        return false;
    }
    bool names_code = false;
    for (const char *s = tmpl; *s; s++) {
        /* What a URL never holds, so that the docs may print it as is. */
        if ((unsigned char)*s <= ' ' || *s == 0x7f || strchr("\"<>\\^`|", *s)) {
            ec_error(d, at, "docs_url_template '%s' holds a character no URL may hold (0x%02x)",
                     tmpl, (unsigned)(unsigned char)*s);
            return false;
        }
        if (*s == '}') {
            ec_error(d, at, "docs_url_template '%s' has a '}' that closes no placeholder", tmpl);
            return false;
        }
        if (*s != '{')
            continue;
        const char *end = strchr(s, '}');
        int part, spelling;
        if (!end || !placeholder(s + 1, (size_t)(end - s - 1), &part, &spelling)) {
            int n = end ? (int)(end - s + 1) : (int)strlen(s);
            ec_error(d, at,
                     "docs_url_template: unknown placeholder '%.*s' (known: {domain}, {code}, "
                     "{name}, each also as _upper, _snake, _camel, _pascal or _kebab)",
                     n, s);
            return false;
        }
        names_code = names_code || part > 0;
        s = end;
    }
    if (!names_code) {
        ec_error(d, at,
                 "docs_url_template '%s' names no code: every code would share one URL "
                 "(use {code} or {name})",
                 tmpl);
        return false;
    }
    return true;
}

/* Appends 's' percent-encoded: RFC 3986's unreserved characters stay. */
static void encode(ec_buf *out, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
            strchr("-._~", ch)) {
            ec_buf_putc(out, (char)ch);
        } else {
            ec_buf_putc(out, '%');
            ec_buf_putc(out, hex[ch >> 4]);
            ec_buf_putc(out, hex[ch & 15]);
        }
    }
}

const char *ec_docurl_of(ec_arena *a, const ec_catalog *c, const ec_domain *dom,
                         const ec_code *e, bool fallback, const char *anchor)
{
    if (fallback || !c->docs_url_template)
        return c->docs_url ? ec_arena_printf(a, "%s#%s", c->docs_url, anchor) : NULL;
    const char *code = e->is_string ? e->str : ec_arena_printf(a, "%" PRId64, e->num);
    const char *values[] = {dom->id, code, e->name};
    ec_buf out;
    ec_buf_init(&out);
    for (const char *s = c->docs_url_template; *s; s++) {
        const char *end = *s == '{' ? strchr(s, '}') : NULL;
        int part, spelling;
        if (!end || !placeholder(s + 1, (size_t)(end - s - 1), &part, &spelling)) {
            ec_buf_putc(&out, *s); /* checked: only a placeholder opens '{' */
            continue;
        }
        encode(&out, spelling < 0 ? values[part]
                                  : ec_ident_spell(a, values[part], spellings[spelling].c));
        s = end;
    }
    const char *url = ec_arena_strndup(a, out.data, out.len);
    ec_buf_free(&out);
    return url;
}
