/* import_mc.c: Windows message compiler sources (.mc, mc.exe's input;
** UTF-16 with a byte-order mark is read as well, see import.c).
**
** Statements are `Keyword = value` (keywords in any case, blanks and line
** breaks between tokens), and `;` starts a comment to the end of its line.
** The header may set MessageIdTypedef, OutputBase and the name lists
** SeverityNames, FacilityNames and LanguageNames, each `( name = number
** [: symbol] ... )`. Each message starts with `MessageId = [N | +N]` (no
** value: the facility's last id plus one), then optionally Severity,
** Facility, SymbolicName and OutputBase, then one or more blocks
**   Language = Name
**   text lines ...
**   .
** Severity and Facility hold from one message to the next (initially
** Success and Application), as mc.exe has it.
**
** What errcat makes of it: each facility a domain of int codes, the
** message ids (0-65535; the full 32-bit value also holds the severity and
** facility bits, which errcat keeps as the severity and the domain). The
** facility Application, mc.exe's default, is named after the file; others
** after the facility. SymbolicName is the code's name; the severity its UI
** severity (Success and Informational info, Warning warning, Error error);
** `;//` comment lines right above MessageId its description. The message
** is the first language's text, lines joined by line breaks, with
** FormatMessage's escapes applied (%0 ends it, %% %n %t %r %b %. %! and
** `% ` are their characters) and its inserts %1-%99 the placeholders
** ${arg1}-${arg99}, typed by their printf format (`%1!d!`: an integer).
** The other languages are the catalog's locales (their language id's
** primary language: 0x40C is fr), each a PO file beside the catalog
** written with -o (import.c); a translation that uses an insert its first
** language's text lacks, or drops one, is left out with a warning, and so
** is a language errcat does not know. printf-style text such as `%s`,
** which FormatMessage does not fill in, is kept as it is, with a warning. */
#include "import.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct mc_name {
    const char *name;
    int64_t value;
} mc_name;

typedef struct mc_names {
    mc_name *v;
    size_t n, cap;
} mc_names;

typedef struct mc_facility {
    int64_t value;
    ec_imp_domain *dom; /* NULL until a message uses it */
    int64_t last_id;    /* of the facility's last message; -1: none yet */
} mc_facility;

typedef struct mc_reader {
    ec_import *im;
    const char *path;
    const char *p, *end;
    uint32_t line;
    const char *line_start;
    ec_buf comment; /* the `;//` lines right above the next statement */
    mc_names severities, facilities, languages;
    mc_facility *facs; /* one per facilities.v[i] */
    size_t nfacs;
    const char *first_lang; /* every message's text is in this one */
    const char *source_tag; /* its BCP 47 language: the catalog's source locale */
    ec_loc other_lang_at;   /* where a block of another language first is */
    ec_buf other_langs;     /* their names, ", "-joined, each once */
    ec_loc printf_at;       /* where printf-style text first is */
    size_t printf_messages; /* how many messages hold some */
} mc_reader;

typedef struct mc_pos {
    const char *p, *line_start;
    uint32_t line;
} mc_pos;

static mc_pos pos_of(const mc_reader *r)
{
    return (mc_pos){r->p, r->line_start, r->line};
}

static void pos_set(mc_reader *r, mc_pos at)
{
    r->p = at.p, r->line_start = at.line_start, r->line = at.line;
}

static ec_loc here(const mc_reader *r, const char *at)
{
    return (ec_loc){r->path, r->line, (uint32_t)(at - r->line_start) + 1};
}

static bool at_line_start(const mc_reader *r)
{
    for (const char *q = r->line_start; q < r->p; q++)
        if (*q != ' ' && *q != '\t' && *q != '\r')
            return false;
    return true;
}

static void newline(mc_reader *r)
{
    r->p++;
    r->line++;
    r->line_start = r->p;
}

/* Skips blanks, line breaks and comments. A comment line `;// text` (or
** a line of a `;/` `*` block comment) adds its text to the description of the statement that
** follows; a blank line, or a comment of C code (`;#ifdef`), clears it. */
static void skip_space(mc_reader *r)
{
    bool blank_line = true;
    while (r->p < r->end) {
        char c = *r->p;
        if (c == '\n') {
            if (blank_line)
                ec_buf_reset(&r->comment);
            blank_line = true;
            newline(r);
        } else if (c == ' ' || c == '\t' || c == '\r') {
            r->p++;
        } else if (c == ';') {
            bool own_line = at_line_start(r);
            const char *s = r->p + 1, *e = s;
            while (e < r->end && *e != '\n')
                e++;
            r->p = e;
            blank_line = false;
            while (s < e && (*s == ' ' || *s == '\t'))
                s++;
            bool text = own_line && s + 1 < e && s[0] == '/' && (s[1] == '/' || s[1] == '*');
            if (!text) {
                ec_buf_reset(&r->comment);
                continue;
            }
            s += 2;
            while (e > s && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t' || e[-1] == '/' ||
                             (e[-1] == '*' && s[-1] == '*')))
                e--;
            while (s < e && (*s == ' ' || *s == '\t' || *s == '*' || *s == '/'))
                s++;
            if (s == e) /* a rule or an empty line of a comment */
                continue;
            if (r->comment.len)
                ec_buf_putc(&r->comment, ' ');
            ec_buf_put(&r->comment, s, (size_t)(e - s));
        } else {
            return;
        }
    }
}

static bool same_word(const char *w, size_t n, const char *s)
{
    if (strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)w[i]) != tolower((unsigned char)s[i]))
            return false;
    return true;
}

/* A token: a run of characters other than blanks and `=():;`, after the
** blanks and comments before it. Its length; 0 at a delimiter or the end. */
static size_t token(mc_reader *r, const char **start)
{
    skip_space(r);
    *start = r->p;
    while (r->p < r->end && !strchr(" \t\r\n=():;", *r->p))
        r->p++;
    size_t n = (size_t)(r->p - *start);
    /* A comment describes the message whose MessageId follows it. */
    if (n && !same_word(*start, n, "MessageId"))
        ec_buf_reset(&r->comment);
    return n;
}

static bool punct(mc_reader *r, char c)
{
    skip_space(r);
    if (r->p < r->end && *r->p == c) {
        r->p++;
        return true;
    }
    return false;
}

/* A C integer constant (decimal, 0x hex or 0 octal) of at most 'max'. */
static bool number(const char *s, size_t n, int64_t max, int64_t *v)
{
    int base = 10;
    size_t i = 0;
    if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        base = 16, i = 2;
    else if (n > 1 && s[0] == '0')
        base = 8, i = 1;
    if (i == n)
        return false;
    int64_t x = 0;
    for (; i < n; i++) {
        int d = isdigit((unsigned char)s[i])    ? s[i] - '0'
                : isxdigit((unsigned char)s[i]) ? tolower((unsigned char)s[i]) - 'a' + 10
                                                : 99;
        if (d >= base)
            return false;
        x = x * base + d;
        if (x > max)
            return false;
    }
    *v = x;
    return true;
}

static const mc_name *find_name(const mc_names *ns, const char *s, size_t n)
{
    for (size_t i = 0; i < ns->n; i++)
        if (same_word(s, n, ns->v[i].name))
            return &ns->v[i];
    return NULL;
}

/* Adds or redefines a name (a later definition of a name wins, as in mc). */
static size_t set_name(mc_reader *r, mc_names *ns, const char *s, size_t n, int64_t value)
{
    for (size_t i = 0; i < ns->n; i++) {
        if (same_word(s, n, ns->v[i].name)) {
            ns->v[i].value = value;
            return i;
        }
    }
    mc_name *v = ec_imp_grow(&r->im->a, &ns->v, &ns->n, &ns->cap, sizeof *v);
    *v = (mc_name){ec_arena_strndup(&r->im->a, s, n), value};
    return ns->n - 1;
}

/* The '=' after the keyword or name 'kw' ('n' bytes). */
static bool expect_eq(mc_reader *r, const char *kw, size_t n)
{
    if (punct(r, '='))
        return true;
    ec_error(r->im->d, here(r, r->p), "expected '=' after %.*s", (int)n, kw);
    return false;
}

static void add_facility(mc_reader *r, size_t i)
{
    if (i < r->nfacs)
        return;
    mc_facility *v = ec_arena_alloc(&r->im->a, (i + 1) * sizeof *v);
    if (r->nfacs)
        memcpy(v, r->facs, r->nfacs * sizeof *v);
    for (size_t k = r->nfacs; k <= i; k++)
        v[k] = (mc_facility){0, NULL, -1};
    r->facs = v;
    r->nfacs = i + 1;
}

/* `( name = number [: symbol] ... )` into 'ns'; 'max' the largest value. */
static bool name_list(mc_reader *r, const char *kw, mc_names *ns, int64_t max, bool is_facility)
{
    if (!expect_eq(r, kw, strlen(kw)))
        return false;
    if (!punct(r, '(')) {
        ec_error(r->im->d, here(r, r->p), "%s takes a list in parentheses: %s=(Name=0x1 ...)",
                 kw, kw);
        return false;
    }
    for (;;) {
        if (punct(r, ')'))
            return true;
        const char *name;
        size_t n = token(r, &name);
        if (!n) {
            ec_error(r->im->d, here(r, r->p),
                     r->p < r->end ? "expected a name or ')'" : "the list has no closing ')'");
            return false;
        }
        if (!ec_imp_is_ident(name, n)) {
            ec_error(r->im->d, here(r, name), "'%.*s' is not a name (a C identifier)", (int)n,
                     name);
            return false;
        }
        if (!expect_eq(r, name, n))
            return false;
        const char *num;
        size_t nn = token(r, &num);
        int64_t v;
        if (!nn || !number(num, nn, max, &v)) {
            ec_error(r->im->d, here(r, num), "%.*s takes a number from 0 to %lld", (int)n, name,
                     (long long)max);
            return false;
        }
        size_t at = set_name(r, ns, name, n, v);
        if (is_facility) {
            add_facility(r, at);
            r->facs[at].value = v;
        }
        if (punct(r, ':')) {
            const char *sym;
            if (!token(r, &sym)) {
                ec_error(r->im->d, here(r, r->p), "expected a symbol or file name after ':'");
                return false;
            }
        }
    }
}

/* The placeholder type of an insert's printf format ("d", "lu", "I64x"):
** its conversion letter decides; NULL for one errcat has no type of. */
static const char *insert_type(const char *f, size_t n)
{
    char c = n ? f[n - 1] : 's';
    if (strchr("diouxX", c))
        return "integer";
    if (strchr("eEfgGaA", c))
        return "decimal";
    if (strchr("sScC", c))
        return "string";
    return NULL;
}

/* The text of one language block (lines [s, e), '\n'-joined, no final
** line break) as an errcat message of 'c'. The source language's declares
** c's placeholders; another's ('translation') must use only those: NULL
** when it does not. */
static const char *message_text(mc_reader *r, ec_imp_code *c, const char *s, const char *e,
                                uint32_t line0, bool translation)
{
    ec_buf b;
    ec_buf_init(&b);
    bool printf_text = false;
    uint64_t used = 0; /* a translation's: the placeholders it uses, by index in c->params */
    uint32_t line = line0;
    const char *ls = s;
    for (const char *q = s; q < e; q++) {
        if (*q == '\n') {
            line++;
            ls = q + 1;
        }
        if (*q == '$') {
            ec_buf_puts(&b, "$$");
            continue;
        }
        if (*q == '\r' && (q + 1 == e || q[1] == '\n'))
            continue;
        if (*q != '%' || q + 1 == e) {
            ec_buf_putc(&b, *q);
            continue;
        }
        ec_loc at = {r->path, line, (uint32_t)(q - ls) + 1};
        char x = q[1];
        if (x == '0') /* FormatMessage stops at %0 */
            break;
        if (x >= '1' && x <= '9') {
            int num = x - '0';
            const char *f = q + 2;
            if (f < e && isdigit((unsigned char)*f))
                num = num * 10 + (*f++ - '0');
            const char *type = "string";
            /* `%1!d!`: a format; a '!' with no second one on its line (`in
            ** %2!`) is text, as FormatMessage shows it. */
            const char *fe = f < e && *f == '!' ? memchr(f + 1, '!', (size_t)(e - f - 1)) : NULL;
            if (fe && memchr(f + 1, '\n', (size_t)(fe - f - 1)))
                fe = NULL;
            if (fe) {
                type = insert_type(f + 1, (size_t)(fe - f - 1));
                if (!type) {
                    ec_warning(r->im->d, at,
                               "the format '%.*s' of insert %%%d has no errcat type: a string",
                               (int)(fe - f - 1), f + 1, num);
                    type = "string";
                }
                f = fe + 1;
            }
            char name[8];
            snprintf(name, sizeof name, "arg%d", num);
            ec_imp_param *p = NULL;
            for (size_t i = 0; i < c->nparams; i++)
                if (strcmp(c->params[i].name, name) == 0)
                    p = &c->params[i];
            if (translation) {
                if (p)
                    used |= (uint64_t)1 << ((size_t)(p - c->params) & 63);
                if (!p) {
                    ec_warning(r->im->d, at,
                               "insert %%%d is not in the message's first language: this "
                               "translation is left out",
                               num);
                    ec_buf_free(&b);
                    return NULL;
                }
            } else if (!p) {
                p = ec_imp_param_add(r->im, c, ec_arena_strdup(&r->im->a, name));
                p->type = type;
                p->description = ec_arena_printf(&r->im->a, "insert %%%d", num);
            } else if (strcmp(p->type, type) != 0) {
                ec_warning(r->im->d, at, "insert %%%d is used with two formats; the first's type is kept",
                           num);
            }
            ec_buf_printf(&b, "${%s}", name);
            q = f - 1;
            continue;
        }
        const char *esc = strchr("%nrtb.! ", x);
        if (esc && x) {
            static const char out[] = "%\n\r\t .! ";
            ec_buf_putc(&b, out[esc - "%nrtb.! "]);
            q++;
            continue;
        }
        /* printf-style text (%s, %d, %lu): FormatMessage does not fill it
        ** in; the program that does (sprintf on the text) keeps doing so. */
        if (!printf_text && !translation) {
            if (!r->printf_messages)
                r->printf_at = at;
            r->printf_messages++;
            printf_text = true;
        }
        ec_buf_putc(&b, '%');
    }
    /* Trailing line breaks (mc ends every line with one) are not text. */
    while (b.len && b.data[b.len - 1] == '\n')
        b.data[--b.len] = '\0';
    for (size_t i = 0; translation && i < c->nparams && i < 64; i++)
        if (!(used >> i & 1)) {
            ec_warning(r->im->d, (ec_loc){r->path, line0, 1},
                       "this translation drops %s of the message: it is left out",
                       c->params[i].description);
            ec_buf_free(&b);
            return NULL;
        }
    const char *text = ec_arena_strndup(&r->im->a, b.data, b.len);
    ec_buf_free(&b);
    return text;
}

/* The BCP 47 language of a Windows language id (LCID): its primary
** language, the low 10 bits; NULL for one this table does not know. */
static const char *lcid_language(int64_t lcid)
{
    static const char *const primary[] = {
        [0x01] = "ar", [0x02] = "bg", [0x03] = "ca", [0x04] = "zh", [0x05] = "cs", [0x06] = "da",
        [0x07] = "de", [0x08] = "el", [0x09] = "en", [0x0A] = "es", [0x0B] = "fi", [0x0C] = "fr",
        [0x0D] = "he", [0x0E] = "hu", [0x0F] = "is", [0x10] = "it", [0x11] = "ja", [0x12] = "ko",
        [0x13] = "nl", [0x14] = "nb", [0x15] = "pl", [0x16] = "pt", [0x17] = "rm", [0x18] = "ro",
        [0x19] = "ru", [0x1A] = "hr", [0x1B] = "sk", [0x1C] = "sq", [0x1D] = "sv", [0x1E] = "th",
        [0x1F] = "tr", [0x20] = "ur", [0x21] = "id", [0x22] = "uk", [0x23] = "be", [0x24] = "sl",
        [0x25] = "et", [0x26] = "lv", [0x27] = "lt", [0x29] = "fa", [0x2A] = "vi", [0x2B] = "hy",
        [0x2D] = "eu", [0x2F] = "mk", [0x36] = "af", [0x37] = "ka", [0x39] = "hi", [0x3E] = "ms",
        [0x3F] = "kk", [0x41] = "sw", [0x56] = "gl",
    };
    size_t p = (size_t)(lcid & 0x3ff);
    return p < sizeof primary / sizeof primary[0] ? primary[p] : NULL;
}

/* A language block other than the first language's, kept until the
** message's code exists. */
typedef struct other_block {
    const mc_name *lang;
    const char *s, *e;
    uint32_t line0;
} other_block;
#define MAX_OTHER 16

/* After `Language = Name` and the rest of its line: the lines up to one
** that is a single '.'. */
static bool language_block(mc_reader *r, const char **s, const char **e, uint32_t *line0)
{
    while (r->p < r->end && *r->p != '\n') {
        if (*r->p != ' ' && *r->p != '\t' && *r->p != '\r') {
            ec_error(r->im->d, here(r, r->p),
                     "the message text starts on the line after 'Language = Name'");
            return false;
        }
        r->p++;
    }
    if (r->p == r->end) {
        ec_error(r->im->d, here(r, r->p), "the file ends before the message's text");
        return false;
    }
    newline(r);
    *s = r->p;
    *line0 = r->line;
    while (r->p < r->end) {
        const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
        const char *le = nl ? nl : r->end;
        const char *t = le;
        while (t > r->p && (t[-1] == '\r' || t[-1] == ' ' || t[-1] == '\t'))
            t--;
        if (t == r->p + 1 && *r->p == '.') {
            *e = r->p;
            r->p = le;
            if (nl)
                newline(r);
            return true;
        }
        if (!nl)
            break;
        r->p = nl;
        newline(r);
    }
    ec_error(r->im->d, (ec_loc){r->path, *line0 - 1, 1},
             "the message text has no end: a line holding a single '.' ends it");
    return false;
}

static const char *ui_severity(int64_t sev)
{
    return sev == 3 ? NULL : sev == 2 ? "warning"
                                      : "info";
}

static void note_language(mc_reader *r, const char *lang, ec_loc at)
{
    if (!r->other_langs.len)
        r->other_lang_at = at;
    const char *p = r->other_langs.data;
    size_t n = strlen(lang);
    for (const char *q = p; (q = strstr(q, lang)) != NULL; q += n)
        if ((q == p || q[-1] == ' ') && (q[n] == ',' || q[n] == '\0'))
            return;
    if (r->other_langs.len)
        ec_buf_puts(&r->other_langs, ", ");
    ec_buf_puts(&r->other_langs, lang);
}

static bool message(mc_reader *r, const char *kw, ec_loc at, size_t *sev, size_t *fac)
{
    ec_loc msg_at = at;
    const char *desc = r->comment.len ? ec_arena_strdup(&r->im->a, r->comment.data) : NULL;
    ec_buf_reset(&r->comment);
    if (!expect_eq(r, kw, strlen(kw)))
        return false;
    /* The id, unless the next token is the next statement's keyword. */
    mc_pos before = pos_of(r);
    const char *v;
    bool plus = punct(r, '+');
    size_t n = token(r, &v);
    mc_pos after = pos_of(r);
    bool keyword = !plus && n && punct(r, '=');
    int64_t id = -1, step = 1;
    if (keyword || (!plus && !n)) {
        pos_set(r, before);
    } else {
        pos_set(r, after);
        int64_t x;
        if (!n || !number(v, n, 0xffff, &x)) {
            ec_error(r->im->d, here(r, n ? v : r->p), "a message id is a number from 0 to 0xFFFF%s",
                     plus ? " after '+'" : "");
            return false;
        }
        if (plus)
            step = x;
        else
            id = x;
    }
    const char *name = NULL;
    ec_loc name_at = at;
    bool have_text = false;
    const char *text_s = NULL, *text_e = NULL;
    uint32_t text_line = 0;
    other_block other[MAX_OTHER];
    size_t nother = 0;
    for (;;) {
        skip_space(r);
        const char *k;
        const char *ks = r->p;
        size_t kn = token(r, &k);
        if (!kn || same_word(k, kn, "MessageId")) {
            r->p = ks;
            break;
        }
        ec_loc kat = here(r, k);
        static const char *const kws[] = {"Severity", "Facility", "SymbolicName", "OutputBase",
                                          "Language"};
        bool known = false;
        for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
            known = known || same_word(k, kn, kws[i]);
        static const char *const header[] = {"MessageIdTypedef", "SeverityNames",
                                             "FacilityNames", "LanguageNames"};
        for (size_t i = 0; i < sizeof header / sizeof header[0] && !known; i++) {
            if (same_word(k, kn, header[i])) {
                ec_error(r->im->d, kat, "%s belongs to the header, before the first MessageId",
                         header[i]);
                return false;
            }
        }
        if (!known) {
            ec_error(r->im->d, kat,
                     "'%.*s' is not a statement of a message (MessageId, Severity, Facility, "
                     "SymbolicName, OutputBase, Language)",
                     (int)kn, k);
            return false;
        }
        if (!expect_eq(r, k, kn))
            return false;
        const char *val;
        size_t vn = token(r, &val);
        ec_loc vat = here(r, val);
        if (!vn) {
            ec_error(r->im->d, vat, "%.*s takes a value", (int)kn, k);
            return false;
        }
        if (same_word(k, kn, "Severity") || same_word(k, kn, "Facility")) {
            bool is_sev = same_word(k, kn, "Severity");
            const mc_names *ns = is_sev ? &r->severities : &r->facilities;
            const mc_name *f = find_name(ns, val, vn);
            if (!f) {
                ec_error(r->im->d, vat, "'%.*s' is not a %s name (%s lists them)", (int)vn, val,
                         is_sev ? "severity" : "facility", is_sev ? "SeverityNames" : "FacilityNames");
                return false;
            }
            *(is_sev ? sev : fac) = (size_t)(f - ns->v);
        } else if (same_word(k, kn, "SymbolicName")) {
            if (!ec_imp_is_ident(val, vn)) {
                ec_error(r->im->d, vat, "a symbolic name is a C identifier: '%.*s'", (int)vn, val);
                return false;
            }
            name = ec_arena_strndup(&r->im->a, val, vn);
            name_at = vat;
        } else if (same_word(k, kn, "OutputBase")) {
            int64_t x;
            if (!number(val, vn, 16, &x) || (x != 10 && x != 16)) {
                ec_error(r->im->d, vat, "OutputBase is 10 or 16");
                return false;
            }
        } else if (same_word(k, kn, "Language")) {
            const mc_name *l = find_name(&r->languages, val, vn);
            if (!l) {
                ec_error(r->im->d, vat, "'%.*s' is not a language name (LanguageNames lists them)",
                         (int)vn, val);
                return false;
            }
            const char *s, *e;
            uint32_t line0;
            if (!language_block(r, &s, &e, &line0))
                return false;
            if (!r->first_lang) {
                r->first_lang = l->name;
                r->source_tag = lcid_language(l->value);
                if (!r->source_tag)
                    r->source_tag = "en";
                r->im->source_locale = r->source_tag;
            }
            if (!have_text && l->name == r->first_lang) {
                text_s = s, text_e = e, text_line = line0;
                have_text = true;
            } else if (l->name != r->first_lang && nother < MAX_OTHER) {
                other[nother++] = (other_block){l, s, e, line0};
            } else if (l->name != r->first_lang) {
                note_language(r, l->name, kat);
            }
        }
    }
    if (!have_text) {
        if (r->first_lang)
            ec_error(r->im->d, msg_at, "the message has no %s text ('Language = %s' and its lines)",
                     r->first_lang, r->first_lang);
        else
            ec_error(r->im->d, msg_at, "the message has no text ('Language = Name' and its lines)");
        return false;
    }
    add_facility(r, *fac);
    mc_facility *f = &r->facs[*fac];
    if (id < 0)
        id = f->last_id + step;
    if (id > 0xffff) {
        ec_error(r->im->d, msg_at, "the message id goes past 0xFFFF");
        return false;
    }
    f->last_id = id;
    if (!f->dom) {
        const char *fname = r->facilities.v[*fac].name;
        bool app = strcmp(fname, "Application") == 0;
        const char *id_s = app ? ec_imp_path_id(r->im, r->path) : ec_imp_id(r->im, fname, strlen(fname));
        f->dom = ec_imp_domain_add(r->im, id_s, msg_at);
        f->dom->title = ec_arena_printf(&r->im->a, "Facility %s", fname);
        f->dom->description = ec_arena_printf(
            &r->im->a,
            "The messages of facility %s (0x%03llX): codes are the message ids, which the "
            "32-bit message values hold in their low 16 bits.",
            fname, (long long)f->value);
        f->dom->has_range = true;
        f->dom->low = 0;
        f->dom->high = 0xffff;
    }
    for (size_t i = 0; i < f->dom->ncodes; i++) {
        const ec_imp_code *o = &f->dom->codes[i];
        if (o->num == id) {
            ec_error(r->im->d, msg_at, "a second message with id %lld in facility %s",
                     (long long)id, r->facilities.v[*fac].name);
            ec_note(r->im->d, o->at, "the first is here");
            return false;
        }
        if (name && strcmp(o->name, name) == 0) {
            ec_error(r->im->d, name_at, "a second message named '%s'", name);
            ec_note(r->im->d, o->at, "the first is here");
            return false;
        }
    }
    ec_imp_code *c = ec_imp_code_add(r->im, f->dom, msg_at);
    c->num = id;
    c->description = desc;
    c->severity = ui_severity(r->severities.v[*sev].value);
    if (name) {
        c->name = name;
    } else {
        c->name = ec_arena_printf(&r->im->a, "MESSAGE_%lld", (long long)id);
        ec_warning(r->im->d, msg_at, "the message has no SymbolicName: it is named %s", c->name);
    }
    c->message = message_text(r, c, text_s, text_e, text_line, false);
    /* The other languages: the catalog's locales, written as PO files. */
    for (size_t i = 0; i < nother; i++) {
        const char *tag = lcid_language(other[i].lang->value);
        if (!tag || strcmp(tag, r->source_tag) == 0) {
            note_language(r, other[i].lang->name, msg_at);
            continue;
        }
        const char *t = message_text(r, c, other[i].s, other[i].e, other[i].line0, true);
        if (t)
            ec_imp_translation_set(r->im, c, ec_imp_locale(r->im, tag), t);
    }
    return true;
}

bool ec_import_mc(ec_import *im, const char *path, const char *text, size_t len)
{
    mc_reader r;
    memset(&r, 0, sizeof r);
    r.im = im, r.path = path, r.p = text, r.end = text + len, r.line = 1, r.line_start = text;
    ec_buf_init(&r.comment);
    ec_buf_init(&r.other_langs);
    static const mc_name sev0[] = {
        {"Success", 0}, {"Informational", 1}, {"Warning", 2}, {"Error", 3}};
    for (size_t i = 0; i < 4; i++)
        set_name(&r, &r.severities, sev0[i].name, strlen(sev0[i].name), sev0[i].value);
    set_name(&r, &r.facilities, "System", 6, 0x0ff);
    set_name(&r, &r.facilities, "Application", 11, 0xfff);
    add_facility(&r, 1);
    r.facs[0].value = 0x0ff;
    r.facs[1].value = 0xfff;
    set_name(&r, &r.languages, "English", 7, 1);
    size_t sev = 0, fac = 1;
    bool ok = true, messages = false;
    while (ok) {
        const char *k;
        size_t kn = token(&r, &k);
        if (!kn) {
            if (r.p < r.end) {
                ec_error(im->d, here(&r, r.p), "expected a statement (Keyword = value)");
                ok = false;
            }
            break;
        }
        ec_loc at = here(&r, k);
        char kw[24];
        snprintf(kw, sizeof kw, "%.*s", (int)(kn < 20 ? kn : 20), k);
        if (same_word(k, kn, "MessageId")) {
            messages = true;
            ok = message(&r, kw, at, &sev, &fac);
        } else if (same_word(k, kn, "SeverityNames")) {
            ok = name_list(&r, kw, &r.severities, 3, false);
        } else if (same_word(k, kn, "FacilityNames")) {
            ok = name_list(&r, kw, &r.facilities, 0xfff, true);
        } else if (same_word(k, kn, "LanguageNames")) {
            ok = name_list(&r, kw, &r.languages, 0xffff, false);
        } else if (same_word(k, kn, "MessageIdTypedef") || same_word(k, kn, "OutputBase")) {
            const char *v;
            ok = expect_eq(&r, kw, strlen(kw));
            if (ok && !token(&r, &v)) {
                ec_error(im->d, here(&r, r.p), "%s takes a value", kw);
                ok = false;
            }
        } else {
            ec_error(im->d, at,
                     "'%s' is not a statement of mc's header (MessageIdTypedef, SeverityNames, "
                     "FacilityNames, LanguageNames, OutputBase) nor MessageId",
                     kw);
            ok = false;
        }
    }
    if (ok && !messages)
        ec_error(im->d, (ec_loc){path, 1, 1}, "no message in the file (MessageId = N)");
    if (ok && messages && r.other_langs.len) {
        const char *last = r.other_langs.data, *q;
        while ((q = strstr(last, ", ")) != NULL)
            last = q + 2;
        int head = (int)(last - r.other_langs.data) - 2;
        ec_warning(im->d, r.other_lang_at,
                   "the texts in %.*s%s%s are left out: errcat does not know their language "
                   "(the catalog has each message's %s text)",
                   head > 0 ? head : 0, r.other_langs.data, head > 0 ? " and " : "", last,
                   r.first_lang);
    }
    if (ok && r.printf_messages)
        ec_warning(im->d, r.printf_at,
                   "printf-style text (%%s, %%d) in %zu message%s is kept as it is: "
                   "FormatMessage does not fill it in, and errcat's placeholders are ${name}",
                   r.printf_messages, r.printf_messages == 1 ? "" : "s");
    ec_buf_free(&r.comment);
    ec_buf_free(&r.other_langs);
    return ok && messages;
}
