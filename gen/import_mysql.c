/* import_mysql.c: MySQL's error message files (errmsg-utf8.txt,
** messages_to_clients.txt), the input of its comp_err. The grammar, as
** MySQL's internals manual gives it:
**   languages NAME=CODE CHARSET[, NAME=CODE CHARSET]... ;   (one line)
**   default-language CODE
**   start-error-number N        (numbers the symbols that follow from N)
**   reserved-error-section LOW HIGH   (numbers no symbol may take)
**   SYMBOL [SQLSTATE [ODBC_STATE]]   (at the start of a line)
**     CODE "message"                 (indented: one line per language)
** and `#` comments. Lines not indented are symbols or directives.
**
** The file becomes one domain of int codes named after the file: each
** symbol a code with the number comp_err gives it, its name the symbol; an
** `OBSOLETE_` symbol is a retired code named without the prefix. The
** message is the default language's, its printf conversions (%s, %d,
** %-.64s, %lu, %1$s) the placeholders ${arg1}, ${arg2}... typed by the
** conversion, `%%` a '%'. The SQLSTATE (and ODBC state) is said in the
** description, as errcat has no key of its own for it; reserved sections
** in the domain's. Other languages are the catalog's locales, a PO file
** each beside the catalog written with -o (import.c), when errcat knows
** the language and its text follows the default language's; a
** translation whose conversions are not the default message's is left
** out with a warning, as is a language errcat does not know. */
#include "import.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct my_reader {
    ec_import *im;
    const char *path;
    ec_imp_domain *dom;
    const char *default_lang; /* its code; NULL until default-language */
    ec_buf langs;             /* the language codes, ' '-separated, each once */
    int64_t next;             /* the number of the next symbol; -1 before start-error-number */
    int64_t (*reserved)[2];
    size_t nreserved;
    ec_imp_code *cur; /* the symbol whose messages follow */
    bool cur_has_text;
    ec_loc other_at; /* where another language's text first is */
    ec_buf others;   /* their codes, ", "-joined */
} my_reader;

/* Splits at blanks: the next word of [*p, e) and its length. */
static size_t word(const char **p, const char *e, const char **w)
{
    while (*p < e && (**p == ' ' || **p == '\t' || **p == '\r'))
        (*p)++;
    *w = *p;
    while (*p < e && **p != ' ' && **p != '\t' && **p != '\r')
        (*p)++;
    return (size_t)(*p - *w);
}

static ec_loc col(const my_reader *r, uint32_t line, const char *ls, const char *at)
{
    return (ec_loc){r->path, line, (uint32_t)(at - ls) + 1};
}

static bool number(const char *s, size_t n, int64_t *v)
{
    if (!n || n > 9)
        return false;
    int64_t x = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return true;
}

static void note_other(my_reader *r, const char *code, size_t n, ec_loc at)
{
    if (!r->others.len)
        r->other_at = at;
    char key[40];
    snprintf(key, sizeof key, "%.*s", (int)(n < 32 ? n : 32), code);
    for (const char *q = r->others.data; (q = strstr(q, key)) != NULL; q++)
        if ((q == r->others.data || q[-1] == ' ') && (q[strlen(key)] == ',' || !q[strlen(key)]))
            return;
    if (r->others.len)
        ec_buf_puts(&r->others, ", ");
    ec_buf_puts(&r->others, key);
}

/* The placeholder type of a printf conversion letter. */
static const char *conv_type(char c)
{
    if (strchr("diouxXc", c))
        return c == 'c' ? "string" : "integer";
    if (strchr("eEfgG", c))
        return "decimal";
    return "string";
}

/* A message (the C string at 'q', past its opening quote) as an errcat
** message of 'c' (its placeholders declared by the default language's);
** false after an error. A translation ('into' not NULL) is set there when
** it uses exactly the placeholders of c's message, else left out with a
** warning. */
static bool message(my_reader *r, ec_imp_code *c, const char *q, const char *e, uint32_t line,
                    const char *ls, const char **into)
{
    ec_buf b;
    ec_buf_init(&b);
    int seq = 0;
    bool ok = false, fits = true;
    uint64_t used = 0;
    for (; q < e; q++) {
        if (*q == '"') {
            const char *t = q + 1;
            while (t < e && (*t == ' ' || *t == '\t' || *t == '\r'))
                t++;
            if (t < e) {
                ec_error(r->im->d, col(r, line, ls, t), "text after the message's closing '\"'");
                break;
            }
            ok = true;
            break;
        }
        if (*q == '\\' && q + 1 < e) {
            char x = *++q;
            ec_buf_putc(&b, x == 'n' ? '\n' : x == 't' ? '\t'
                                                       : x);
            continue;
        }
        if (*q == '$') {
            ec_buf_puts(&b, "$$");
            continue;
        }
        if (*q != '%') {
            ec_buf_putc(&b, *q);
            continue;
        }
        if (q + 1 < e && q[1] == '%') {
            ec_buf_putc(&b, '%');
            q++;
            continue;
        }
        /* %[N$][flags][width][.prec][length]conv */
        const char *s = q + 1;
        int pos = 0;
        const char *d = s;
        while (d < e && isdigit((unsigned char)*d))
            d++;
        if (d < e && *d == '$' && d > s && d - s < 3) {
            pos = atoi(s);
            s = d + 1;
        }
        while (s < e && strchr("-+ #0123456789.*lhzqjtL", *s))
            s++;
        if (s == e || !isalpha((unsigned char)*s) || (pos == 0 && seq >= 99) || pos > 99) {
            ec_error(r->im->d, col(r, line, ls, q), "a '%%' that starts no conversion (%%%% is a '%%')");
            ec_buf_free(&b);
            return false;
        }
        int num = pos ? pos : ++seq;
        char name[8];
        snprintf(name, sizeof name, "arg%d", num);
        bool have = false;
        for (size_t i = 0; i < c->nparams; i++)
            if (strcmp(c->params[i].name, name) == 0) {
                have = true;
                used |= (uint64_t)1 << (i & 63);
            }
        if (into) {
            fits = fits && have;
        } else if (!have) {
            ec_imp_param *p = ec_imp_param_add(r->im, c, ec_arena_strdup(&r->im->a, name));
            p->type = conv_type(*s);
            p->description = ec_arena_printf(&r->im->a, "%%%.*s", (int)(s - q), q + 1);
        }
        ec_buf_printf(&b, "${%s}", name);
        q = s;
    }
    if (!ok && q >= e)
        ec_error(r->im->d, col(r, line, ls, e), "the message has no closing '\"'");
    for (size_t i = 0; into && i < c->nparams && i < 64; i++)
        fits = fits && (used >> i & 1);
    if (ok && into && !fits)
        ec_warning(r->im->d, col(r, line, ls, ls),
                   "this translation's conversions are not those of the %s message: it is left "
                   "out",
                   r->default_lang);
    else if (ok && into)
        *into = ec_arena_strndup(&r->im->a, b.data, b.len);
    else if (ok)
        c->message = ec_arena_strndup(&r->im->a, b.data, b.len);
    ec_buf_free(&b);
    return ok;
}

/* The BCP 47 language of one of MySQL's language codes, or NULL. */
static const char *bcp47_of(const char *code, size_t n)
{
    static const char *const map[][2] = {
        {"bgn", "bg"}, {"cze", "cs"}, {"dan", "da"}, {"dut", "nl"}, {"eng", "en"}, {"est", "et"},
        {"fre", "fr"}, {"ger", "de"}, {"greek", "el"}, {"hindi", "hi"}, {"hun", "hu"},
        {"ita", "it"}, {"jpn", "ja"}, {"kor", "ko"}, {"nla", "nl"}, {"nor", "nb"},
        {"norwegian-ny", "nn"}, {"pol", "pl"}, {"por", "pt"}, {"rum", "ro"}, {"rus", "ru"},
        {"serbian", "sr"}, {"slo", "sk"}, {"spa", "es"}, {"swe", "sv"}, {"ukr", "uk"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strlen(map[i][0]) == n && memcmp(map[i][0], code, n) == 0)
            return map[i][1];
    return NULL;
}

/* An indented line: `CODE "message"`. */
static bool text_line(my_reader *r, const char *p, const char *e, uint32_t line)
{
    const char *ls = p, *code;
    size_t n = word(&p, e, &code);
    if (!r->cur) {
        ec_error(r->im->d, col(r, line, ls, code), "a message before any error symbol");
        return false;
    }
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    if (p == e || *p != '"') {
        ec_error(r->im->d, col(r, line, ls, p),
                 "expected a language code and a message: eng \"Message\"");
        return false;
    }
    char key[40];
    snprintf(key, sizeof key, " %.*s ", (int)(n < 32 ? n : 32), code);
    if (!strstr(r->langs.data, key)) {
        ec_error(r->im->d, col(r, line, ls, code), "'%.*s' is not a language of the languages line",
                 (int)n, code);
        return false;
    }
    if (strlen(r->default_lang) != n || memcmp(r->default_lang, code, n) != 0) {
        /* Another language: a locale of the catalog, when errcat knows it
        ** and the default language's message came first. */
        const char *tag = bcp47_of(code, n), *source = bcp47_of(r->default_lang,
                                                              strlen(r->default_lang));
        if (!tag || !r->cur_has_text || (source && strcmp(tag, source) == 0)) {
            note_other(r, code, n, col(r, line, ls, code));
            return true;
        }
        r->im->source_locale = source ? source : "en";
        const char *t = NULL;
        if (!message(r, r->cur, p + 1, e, line, ls, &t))
            return false;
        if (t)
            ec_imp_translation_set(r->im, r->cur, ec_imp_locale(r->im, tag), t);
        return true;
    }
    if (r->cur_has_text) {
        ec_error(r->im->d, col(r, line, ls, code), "a second %s message of %s", r->default_lang,
                 r->cur->name);
        return false;
    }
    r->cur_has_text = true;
    return message(r, r->cur, p + 1, e, line, ls, NULL);
}

/* `languages name=code charset, ...;` */
static bool languages(my_reader *r, const char *p, const char *e, uint32_t line, const char *ls)
{
    const char *semi = memchr(p, ';', (size_t)(e - p));
    if (!semi) {
        ec_error(r->im->d, col(r, line, ls, e), "the languages line ends with ';'");
        return false;
    }
    ec_buf_reset(&r->langs);
    ec_buf_putc(&r->langs, ' ');
    while (p < semi) {
        const char *comma = memchr(p, ',', (size_t)(semi - p));
        const char *se = comma ? comma : semi;
        const char *eq = memchr(p, '=', (size_t)(se - p));
        const char *c = eq ? eq + 1 : NULL, *w;
        size_t n = c ? word(&c, se, &w) : 0;
        if (!n || !ec_imp_is_ident(w, n)) {
            ec_error(r->im->d, col(r, line, ls, p), "a language is name=code charset");
            return false;
        }
        ec_buf_printf(&r->langs, "%.*s ", (int)n, w);
        p = se + (comma != NULL);
    }
    return true;
}

/* 1: a directive, read; -1: a directive in error (reported); 0: none. */
static int directive(my_reader *r, const char *kw, size_t kn, const char *p, const char *e,
                     uint32_t line, const char *ls)
{
#define IS(s) (kn == sizeof s - 1 && memcmp(kw, s, kn) == 0)
    const char *w1, *w2, *w3;
    if (IS("languages"))
        return languages(r, p, e, line, ls) ? 1 : -1;
    size_t n1 = word(&p, e, &w1), n2 = word(&p, e, &w2), n3 = word(&p, e, &w3);
    (void)w3;
    if (IS("default-language")) {
        char key[40];
        snprintf(key, sizeof key, " %.*s ", (int)(n1 < 32 ? n1 : 32), w1);
        if (!n1 || n2 || !strstr(r->langs.data, key)) {
            ec_error(r->im->d, col(r, line, ls, w1),
                     "default-language takes one code of the languages line");
            return -1;
        }
        r->default_lang = ec_arena_strndup(&r->im->a, w1, n1);
        return 1;
    }
    if (IS("start-error-number")) {
        int64_t v;
        if (!number(w1, n1, &v) || n2) {
            ec_error(r->im->d, col(r, line, ls, w1), "start-error-number takes a number");
            return -1;
        }
        r->next = v;
        return 1;
    }
    if (IS("reserved-error-section")) {
        int64_t lo, hi;
        if (!number(w1, n1, &lo) || !number(w2, n2, &hi) || lo > hi || n3) {
            ec_error(r->im->d, col(r, line, ls, w1),
                     "reserved-error-section takes two numbers, the first no larger");
            return -1;
        }
        int64_t(*v)[2] = ec_arena_alloc(&r->im->a, (r->nreserved + 1) * sizeof *v);
        if (r->nreserved)
            memcpy(v, r->reserved, r->nreserved * sizeof *v);
        v[r->nreserved][0] = lo;
        v[r->nreserved][1] = hi;
        r->reserved = v;
        r->nreserved++;
        return 1;
    }
#undef IS
    return 0;
}

static bool symbol(my_reader *r, const char *s, size_t n, const char *p, const char *e,
                   uint32_t line, const char *ls)
{
    ec_loc at = col(r, line, ls, s);
    if (!ec_imp_is_ident(s, n)) {
        ec_error(r->im->d, at, "'%.*s' is neither an error symbol nor a directive", (int)n, s);
        return false;
    }
    if (!r->default_lang || r->next < 0) {
        ec_error(r->im->d, at, "an error symbol before %s",
                 !r->default_lang ? "'languages' and 'default-language'" : "'start-error-number'");
        return false;
    }
    if (r->cur && !r->cur_has_text) {
        ec_error(r->im->d, r->cur->at, "%s has no %s message", r->cur->name, r->default_lang);
        return false;
    }
    for (size_t i = 0; i < r->nreserved; i++) {
        if (r->next >= r->reserved[i][0] && r->next <= r->reserved[i][1]) {
            ec_error(r->im->d, at, "%.*s would be %lld, in the reserved section %lld-%lld", (int)n,
                     s, (long long)r->next, (long long)r->reserved[i][0],
                     (long long)r->reserved[i][1]);
            return false;
        }
    }
    const char *st, *odbc, *extra;
    size_t sn = word(&p, e, &st), on = word(&p, e, &odbc), more = word(&p, e, &extra);
    if (more || (sn && sn != 5) || (on && on != 5)) {
        ec_error(r->im->d, col(r, line, ls, sn && sn != 5 ? st : p),
                 "an error symbol is followed by its SQLSTATE and ODBC state (5 characters each), "
                 "if any");
        return false;
    }
    bool obsolete = n > 9 && memcmp(s, "OBSOLETE_", 9) == 0;
    const char *name = ec_arena_strndup(&r->im->a, obsolete ? s + 9 : s, obsolete ? n - 9 : n);
    for (size_t i = 0; i < r->dom->ncodes; i++) {
        if (strcmp(r->dom->codes[i].name, name) == 0) {
            ec_error(r->im->d, at, "a second symbol %s", name);
            ec_note(r->im->d, r->dom->codes[i].at, "the first is here");
            return false;
        }
    }
    ec_imp_code *c = ec_imp_code_add(r->im, r->dom, at);
    c->num = r->next++;
    c->name = name;
    if (obsolete)
        c->retired = "obsolete (OBSOLETE_ in MySQL's file)";
    if (sn)
        c->description = on ? ec_arena_printf(&r->im->a, "SQLSTATE %.5s (ODBC %.5s).", st, odbc)
                            : ec_arena_printf(&r->im->a, "SQLSTATE %.5s.", st);
    r->cur = c;
    r->cur_has_text = false;
    return true;
}

bool ec_import_mysql(ec_import *im, const char *path, const char *text, size_t len)
{
    my_reader r;
    memset(&r, 0, sizeof r);
    r.im = im;
    r.path = path;
    r.next = -1;
    ec_buf_init(&r.langs);
    ec_buf_init(&r.others);
    ec_buf_putc(&r.langs, ' ');
    r.dom = ec_imp_domain_add(im, ec_imp_path_id(im, path), (ec_loc){path, 1, 1});
    r.dom->title = "MySQL errors";
    bool ok = true;
    uint32_t line = 1;
    for (const char *p = text, *end = text + len; p < end && ok; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *ls = p, *w;
        const char *q = p;
        size_t n = word(&q, e, &w);
        if (n && *w != '#') {
            int dir = w == ls ? directive(&r, w, n, q, e, line, ls) : 0;
            if (w != ls)
                ok = text_line(&r, p, e, line);
            else
                ok = dir > 0 || (dir == 0 && symbol(&r, w, n, q, e, line, ls));
        }
        p = nl ? nl + 1 : end;
    }
    if (ok && r.cur && !r.cur_has_text) {
        ec_error(im->d, r.cur->at, "%s has no %s message", r.cur->name, r.default_lang);
        ok = false;
    }
    if (ok && !r.dom->ncodes) {
        ec_error(im->d, (ec_loc){path, 1, 1}, "no error symbol in the file");
        ok = false;
    }
    if (ok && r.nreserved) {
        ec_buf d;
        ec_buf_init(&d);
        ec_buf_puts(&d, "Reserved (reserved-error-section):");
        for (size_t i = 0; i < r.nreserved; i++)
            ec_buf_printf(&d, "%s %lld-%lld", i ? "," : "", (long long)r.reserved[i][0],
                          (long long)r.reserved[i][1]);
        ec_buf_putc(&d, '.');
        r.dom->description = ec_arena_strndup(&im->a, d.data, d.len);
        ec_buf_free(&d);
    }
    if (ok && r.others.len)
        ec_warning(im->d, r.other_at,
                   "the messages in %s are left out: the catalog has each symbol's %s message "
                   "(translations go in PO files, started from 'errcat build -t pot')",
                   r.others.data, r.default_lang);
    ec_buf_free(&r.langs);
    ec_buf_free(&r.others);
    return ok;
}
