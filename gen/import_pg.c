/* import_pg.c: PostgreSQL's errcodes.txt (src/backend/utils/errcodes.txt).
** One domain `sqlstate` of string codes. `Section: Class XX - Title
** (note)` lines become classes by prefix XX (the note their description);
** every other line not blank nor a `#` comment is
**   SQLSTATE  E|W|S  ERRCODE_MACRO_NAME  [plpgsql_condition_name]
** The macro name is the code's name; a SQLSTATE listed again gives its
** first line an alias. The kind letter is the code's UI severity (W a
** warning, S info; E an error, errcat's default, is not written). The file
** has no messages: a code's is its condition name (or macro name) in
** words, as PostgreSQL's documentation shows it. */
#include "import.h"

#include <string.h>

typedef struct pg_field {
    const char *s;
    size_t n;
    uint32_t col;
} pg_field;

/* Splits a line at blanks into at most 'max' fields; returns how many
** there were (more than 'max' counts 'max' + 1). */
static size_t split(const char *line, size_t len, pg_field *f, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (i == len)
            break;
        size_t start = i;
        while (i < len && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            i++;
        if (n < max)
            f[n] = (pg_field){line + start, i - start, (uint32_t)start + 1};
        n++;
        if (n > max)
            break;
    }
    return n;
}

static bool is_sqlstate(const pg_field *f)
{
    if (f->n != 5)
        return false;
    for (size_t i = 0; i < 5; i++)
        if (!((f->s[i] >= '0' && f->s[i] <= '9') || (f->s[i] >= 'A' && f->s[i] <= 'Z')))
            return false;
    return true;
}

static bool section(ec_import *im, ec_imp_domain *dom, const char *line, size_t len, ec_loc at)
{
    static const char head[] = "Section: Class ";
    size_t h = sizeof head - 1;
    if (len < h + 5 || memcmp(line, head, h) != 0 || memcmp(line + h + 2, " - ", 3) != 0) {
        ec_error(im->d, at, "expected 'Section: Class XX - Title'");
        return false;
    }
    const char *prefix = line + h, *title = line + h + 5, *end = line + len;
    while (end > title && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\t'))
        end--;
    pg_field pf = {prefix, 2, 0};
    for (size_t i = 0; i < 2; i++)
        if (!((prefix[i] >= '0' && prefix[i] <= '9') || (prefix[i] >= 'A' && prefix[i] <= 'Z')))
            pf.n = 0;
    if (!pf.n || end == title) {
        ec_error(im->d, (ec_loc){at.file, at.line, (uint32_t)h + 1},
                 "a class is two characters (0-9, A-Z) and a title: 'Class 22 - Data Exception'");
        return false;
    }
    const char *note = NULL;
    size_t nlen = 0;
    if (end[-1] == ')') {
        const char *open = memchr(title, '(', (size_t)(end - title));
        if (open && open > title) {
            note = open + 1;
            nlen = (size_t)(end - 1 - note);
            end = open;
            while (end > title && end[-1] == ' ')
                end--;
        }
    }
    for (size_t i = 0; i < dom->nclasses; i++) {
        if (memcmp(dom->classes[i].prefix, prefix, 2) == 0) {
            ec_error(im->d, at, "class %.2s has a section already", prefix);
            return false;
        }
    }
    ec_imp_class *k = ec_imp_class_add(im, dom);
    k->prefix = ec_arena_strndup(&im->a, prefix, 2);
    k->title = ec_arena_strndup(&im->a, title, (size_t)(end - title));
    k->id = ec_imp_id(im, title, (size_t)(end - title));
    k->message = ec_imp_literal(im, k->title, strlen(k->title));
    k->message = ec_arena_printf(&im->a, "%s (SQLSTATE ${code})", k->message);
    if (note && nlen) {
        char *d = ec_arena_printf(&im->a, "%.*s.", (int)nlen, note);
        if (d[0] >= 'a' && d[0] <= 'z')
            d[0] = (char)(d[0] - 'a' + 'A');
        k->description = d;
    }
    for (size_t i = 0; i + 1 < dom->nclasses; i++) {
        if (strcmp(dom->classes[i].id, k->id) == 0) {
            k->id = ec_arena_printf(&im->a, "%s_%s", k->id, ec_imp_id(im, prefix, 2));
            break;
        }
    }
    return true;
}

static bool code_line(ec_import *im, ec_imp_domain *dom, const char *line, size_t len, ec_loc at)
{
    pg_field f[4];
    size_t n = split(line, len, f, 4);
    if (n < 3 || n > 4) {
        ec_error(im->d, at, "expected 'SQLSTATE KIND ERRCODE_NAME [condition_name]': %s fields",
                 n > 4 ? "more than 4" : n == 2 ? "2" : "1");
        return false;
    }
    ec_loc fat[4];
    for (size_t i = 0; i < n; i++)
        fat[i] = (ec_loc){at.file, at.line, f[i].col};
    if (!is_sqlstate(&f[0])) {
        ec_error(im->d, fat[0], "a SQLSTATE is five characters, 0-9 and A-Z: '%.*s'",
                 (int)f[0].n, f[0].s);
        return false;
    }
    const char *sev;
    if (f[1].n == 1 && f[1].s[0] == 'E') {
        sev = NULL;
    } else if (f[1].n == 1 && f[1].s[0] == 'W') {
        sev = "warning";
    } else if (f[1].n == 1 && f[1].s[0] == 'S') {
        sev = "info";
    } else {
        ec_error(im->d, fat[1], "the kind is E (error), W (warning) or S (success): '%.*s'",
                 (int)f[1].n, f[1].s);
        return false;
    }
    if (!ec_imp_is_ident(f[2].s, f[2].n)) {
        ec_error(im->d, fat[2], "the macro name '%.*s' is not a C identifier", (int)f[2].n,
                 f[2].s);
        return false;
    }
    const char *name = ec_arena_strndup(&im->a, f[2].s, f[2].n);
    for (size_t i = 0; i < dom->ncodes; i++) {
        ec_imp_code *c = &dom->codes[i];
        bool same = strlen(c->code) == 5 && memcmp(c->code, f[0].s, 5) == 0;
        bool named = strcmp(c->name, name) == 0;
        for (size_t k = 0; k < c->naliases && !named; k++)
            named = strcmp(c->aliases[k], name) == 0;
        if (named) {
            ec_error(im->d, fat[2], "'%s' names a second code", name);
            ec_note(im->d, c->at, "the first is here");
            return false;
        }
        if (same) {
            if (strcmp(c->severity ? c->severity : "", sev ? sev : "") != 0)
                ec_warning(im->d, fat[1],
                           "%.5s is listed again with another kind; the first line's is kept",
                           f[0].s);
            ec_imp_alias_add(im, c, name);
            return true;
        }
    }
    ec_imp_code *c = ec_imp_code_add(im, dom, at);
    c->code = ec_arena_strndup(&im->a, f[0].s, 5);
    c->name = name;
    c->severity = sev;
    const char *words = n == 4 ? f[3].s : name + (strncmp(name, "ERRCODE_", 8) ? 0 : 8);
    size_t wn = n == 4 ? f[3].n : strlen(words);
    char *msg = ec_imp_literal(im, words, wn);
    for (char *p = msg; *p; p++) {
        if (*p == '_')
            *p = ' ';
        else if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    }
    c->message = msg;
    return true;
}

bool ec_import_pg(ec_import *im, const char *path, const char *text, size_t len)
{
    ec_imp_domain *dom = ec_imp_domain_add(im, "sqlstate", (ec_loc){path, 1, 1});
    dom->title = "SQLSTATE";
    dom->description = "Five characters; the first two are the class.";
    dom->strings = true;
    bool ok = true;
    uint32_t line = 1;
    for (const char *p = text, *end = text + len; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        size_t n = (size_t)(e - p);
        ec_loc at = {path, line, 1};
        pg_field first;
        if (n && p[0] != '#' && split(p, n, &first, 1)) {
            if (n >= 8 && memcmp(p, "Section:", 8) == 0)
                ok = section(im, dom, p, n, at) && ok;
            else
                ok = code_line(im, dom, p, n, at) && ok;
        }
        p = nl ? nl + 1 : end;
    }
    if (ok && !dom->ncodes)
        ec_warning(im->d, (ec_loc){path, 1, 1}, "no SQLSTATE in the file");
    return ok;
}
