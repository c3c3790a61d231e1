/* import.c: what every importer shares: the table of formats, the model's
** growth, the input checks, and the writing of the model as a catalog
** (deterministic: the source's order, one spelling of every value, every
** string double-quoted) that must pass `errcat check` before a byte of it
** is handed back. */
#include "import.h"

#include "alloc.h"
#include "fsio.h"
#include "lang.h"
#include "load.h"
#include "validate.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

const ec_import_format ec_import_formats[] = {
    {"et", "compile_et error tables (com_err .et: krb5, e2fsprogs)", ec_import_et},
    {"postgres", "PostgreSQL's errcodes.txt (SQLSTATEs, sections as classes)", ec_import_pg},
    {"mc", "Windows message compiler sources (.mc: message ids, severities, facilities)",
     ec_import_mc},
    {"proto", "protobuf enums of error codes (google.rpc code.proto and the like)",
     ec_import_proto},
    {"openapi", "OpenAPI 3.0/3.1 (JSON or YAML): response statuses, error code enums",
     ec_import_openapi},
    {"mysql", "MySQL's error message files (errmsg-utf8.txt, messages_to_clients.txt)",
     ec_import_mysql},
};
const size_t ec_nimport_formats = sizeof ec_import_formats / sizeof ec_import_formats[0];

const ec_import_format *ec_import_format_find(const char *name)
{
    for (size_t i = 0; i < ec_nimport_formats; i++)
        if (strcmp(ec_import_formats[i].name, name) == 0)
            return &ec_import_formats[i];
    return NULL;
}

void ec_import_init(ec_import *im, const char *format, ec_diag *d)
{
    memset(im, 0, sizeof *im);
    ec_arena_init(&im->a);
    im->format = format;
    im->d = d;
}

void ec_import_free(ec_import *im)
{
    ec_arena_free(&im->a);
}

/* Room for one more item of 'size' bytes at v[*n], zeroed; the arrays live
** in the arena, so growing copies and leaves the old one there. */
void *ec_imp_grow(ec_arena *a, void *vp, size_t *n, size_t *cap, size_t size)
{
    void **v = vp;
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        void *nv = ec_arena_alloc(a, ncap * size);
        if (*n)
            memcpy(nv, *v, *n * size);
        *v = nv;
        *cap = ncap;
    }
    char *item = (char *)*v + (*n)++ * size;
    memset(item, 0, size);
    return item;
}

ec_imp_domain *ec_imp_domain_add(ec_import *im, const char *id, ec_loc at)
{
    for (size_t i = 0; i < im->ndomains; i++) {
        if (strcmp(im->domains[i].id, id) == 0) {
            ec_error(im->d, at, "a second domain '%s': each table or file needs a name of its own",
                     id);
            ec_note(im->d, im->domains[i].at, "the first is here");
            break;
        }
    }
    ec_imp_domain *dom = ec_imp_grow(&im->a, &im->domains, &im->ndomains, &im->cap_domains, sizeof *dom);
    dom->id = id;
    dom->at = at;
    dom->at.file = ec_arena_strdup(&im->a, at.file);
    return dom;
}

ec_imp_code *ec_imp_code_add(ec_import *im, ec_imp_domain *dom, ec_loc at)
{
    ec_imp_code *c = ec_imp_grow(&im->a, &dom->codes, &dom->ncodes, &dom->cap_codes, sizeof *c);
    c->at = at;
    c->at.file = dom->at.file;
    return c;
}

size_t ec_imp_locale(ec_import *im, const char *tag)
{
    for (size_t i = 0; i < im->nlocales; i++)
        if (strcmp(im->locales[i], tag) == 0)
            return i;
    const char **slot = ec_imp_grow(&im->a, &im->locales, &im->nlocales, &im->cap_locales,
                             sizeof *im->locales);
    *slot = ec_arena_strdup(&im->a, tag);
    return im->nlocales - 1;
}

/* Translations are kept per code in an array of as many locales as the
** import may have: room for 32, which no message file comes near. */
#define MAX_LOCALES 32

void ec_imp_translation_set(ec_import *im, ec_imp_code *c, size_t l, const char *message)
{
    if (l >= MAX_LOCALES)
        return;
    if (!c->translations)
        c->translations = ec_arena_alloc(&im->a, MAX_LOCALES * sizeof *c->translations);
    c->translations[l] = message;
}

ec_imp_class *ec_imp_class_add(ec_import *im, ec_imp_domain *dom)
{
    return ec_imp_grow(&im->a, &dom->classes, &dom->nclasses, &dom->cap_classes, sizeof(ec_imp_class));
}

ec_imp_status *ec_imp_status_add(ec_import *im, int status, ec_loc at)
{
    for (size_t i = 0; i < im->nstatuses; i++)
        if (im->statuses[i].status == status)
            return &im->statuses[i];
    ec_imp_status *s = ec_imp_grow(&im->a, &im->statuses, &im->nstatuses, &im->cap_statuses, sizeof *s);
    s->status = status;
    s->at = at;
    s->at.file = ec_arena_strdup(&im->a, at.file);
    return s;
}

/* The IANA registry's reason phrases (spec/common/http.yaml, which a built
** catalog includes but an import cannot count on being beside it): a
** status a source names without a title gets its phrase. */
const char *ec_imp_reason(int status)
{
    static const struct {
        int status;
        const char *title;
    } reg[] = {
        {100, "Continue"}, {101, "Switching Protocols"}, {102, "Processing"}, {103, "Early Hints"},
        {200, "OK"}, {201, "Created"}, {202, "Accepted"}, {203, "Non-Authoritative Information"},
        {204, "No Content"}, {205, "Reset Content"}, {206, "Partial Content"},
        {207, "Multi-Status"}, {208, "Already Reported"}, {226, "IM Used"},
        {300, "Multiple Choices"}, {301, "Moved Permanently"}, {302, "Found"}, {303, "See Other"},
        {304, "Not Modified"}, {305, "Use Proxy"}, {307, "Temporary Redirect"},
        {308, "Permanent Redirect"}, {400, "Bad Request"}, {401, "Unauthorized"},
        {402, "Payment Required"}, {403, "Forbidden"}, {404, "Not Found"},
        {405, "Method Not Allowed"}, {406, "Not Acceptable"},
        {407, "Proxy Authentication Required"}, {408, "Request Timeout"}, {409, "Conflict"},
        {410, "Gone"}, {411, "Length Required"}, {412, "Precondition Failed"},
        {413, "Content Too Large"}, {414, "URI Too Long"}, {415, "Unsupported Media Type"},
        {416, "Range Not Satisfiable"}, {417, "Expectation Failed"}, {421, "Misdirected Request"},
        {422, "Unprocessable Content"}, {423, "Locked"}, {424, "Failed Dependency"},
        {425, "Too Early"}, {426, "Upgrade Required"}, {428, "Precondition Required"},
        {429, "Too Many Requests"}, {431, "Request Header Fields Too Large"},
        {451, "Unavailable For Legal Reasons"}, {500, "Internal Server Error"},
        {501, "Not Implemented"}, {502, "Bad Gateway"}, {503, "Service Unavailable"},
        {504, "Gateway Timeout"}, {505, "HTTP Version Not Supported"},
        {506, "Variant Also Negotiates"}, {507, "Insufficient Storage"}, {508, "Loop Detected"},
        {510, "Not Extended (OBSOLETED)"},
        {511, "Network Authentication Required"},
    };
    for (size_t i = 0; i < sizeof reg / sizeof reg[0]; i++)
        if (reg[i].status == status)
            return reg[i].title;
    return NULL;
}

void ec_imp_alias_add(ec_import *im, ec_imp_code *c, const char *name)
{
    const char **p = ec_imp_grow(&im->a, &c->aliases, &c->naliases, &c->cap_aliases, sizeof *p);
    *p = name;
}

ec_imp_param *ec_imp_param_add(ec_import *im, ec_imp_code *c, const char *name)
{
    ec_imp_param *p = ec_imp_grow(&im->a, &c->params, &c->nparams, &c->cap_params, sizeof *p);
    p->name = name;
    p->type = "string";
    return p;
}

char *ec_imp_literal(ec_import *im, const char *text, size_t n)
{
    ec_buf b;
    ec_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '$')
            ec_buf_putc(&b, '$');
        ec_buf_putc(&b, text[i]);
    }
    char *s = ec_arena_strndup(&im->a, b.data, b.len);
    ec_buf_free(&b);
    return s;
}

char *ec_imp_id(ec_import *im, const char *s, size_t n)
{
    ec_buf b;
    ec_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word) {
            if (!b.len && c <= '9')
                ec_buf_putc(&b, 'x');
            ec_buf_putc(&b, c);
        } else if (b.len && b.data[b.len - 1] != '_') {
            ec_buf_putc(&b, '_');
        }
    }
    while (b.len && b.data[b.len - 1] == '_')
        b.data[--b.len] = '\0';
    if (!b.len)
        ec_buf_putc(&b, 'x');
    char *id = ec_arena_strndup(&im->a, b.data, b.len);
    ec_buf_free(&b);
    return id;
}

bool ec_imp_is_ident(const char *s, size_t n)
{
    if (!n || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return true;
}

/* The length of the UTF-8 sequence at 's' (of 'n' bytes), or 0 when it is
** not one (overlong, a surrogate, beyond U+10FFFF, cut short) or is NUL. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    if (s[0] == 0)
        return 0;
    if (s[0] < 0x80)
        return 1;
    size_t len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
    if (!len || len > n || s[0] > 0xf4)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) ||
        (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90))
        return 0;
    return len;
}

bool ec_import_read(ec_import *im, const ec_import_format *f, const char *path, size_t max_bytes)
{
    size_t len;
    char *text = ec_read_file(path, max_bytes, &len, (ec_loc){NULL, 0, 0}, im->d);
    if (!text)
        return false;
    bool ok = ec_import_text(im, f, path, text, len);
    free(text);
    return ok;
}

/* A UTF-16 file with a byte-order mark (mc.exe's sources often are) as
** UTF-8 in 'out', the mark dropped; false after reporting where it is not
** UTF-16 (an odd byte at the end, a surrogate without its pair). */
static bool utf16_to_utf8(ec_import *im, const char *path, const unsigned char *s, size_t len,
                          ec_buf *out)
{
    bool be = s[0] == 0xfe;
    uint32_t line = 1, col = 1;
    for (size_t i = 2; i < len; i += 2) {
        if (i + 1 == len) {
            ec_error(im->d, (ec_loc){path, line, col},
                     "a UTF-16 file ends within a character (an odd number of bytes)");
            return false;
        }
        uint32_t u = be ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];
        if (u >= 0xdc00 && u <= 0xdfff) {
            ec_error(im->d, (ec_loc){path, line, col}, "not UTF-16: a low surrogate alone");
            return false;
        }
        if (u >= 0xd800 && u <= 0xdbff) {
            uint32_t lo = i + 3 < len ? (be ? (uint32_t)s[i + 2] << 8 | s[i + 3]
                                            : (uint32_t)s[i + 3] << 8 | s[i + 2])
                                      : 0;
            if (lo < 0xdc00 || lo > 0xdfff) {
                ec_error(im->d, (ec_loc){path, line, col}, "not UTF-16: a high surrogate alone");
                return false;
            }
            u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
            i += 2;
        }
        if (u < 0x80) {
            ec_buf_putc(out, (char)u);
        } else if (u < 0x800) {
            ec_buf_putc(out, (char)(0xc0 | u >> 6));
            ec_buf_putc(out, (char)(0x80 | (u & 0x3f)));
        } else if (u < 0x10000) {
            ec_buf_putc(out, (char)(0xe0 | u >> 12));
            ec_buf_putc(out, (char)(0x80 | (u >> 6 & 0x3f)));
            ec_buf_putc(out, (char)(0x80 | (u & 0x3f)));
        } else {
            ec_buf_putc(out, (char)(0xf0 | u >> 18));
            ec_buf_putc(out, (char)(0x80 | (u >> 12 & 0x3f)));
            ec_buf_putc(out, (char)(0x80 | (u >> 6 & 0x3f)));
            ec_buf_putc(out, (char)(0x80 | (u & 0x3f)));
        }
        if (u == '\n')
            line++, col = 1;
        else
            col++;
    }
    return true;
}

bool ec_import_text(ec_import *im, const ec_import_format *f, const char *path, const char *text,
                    size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) {
        ec_buf b;
        ec_buf_init(&b);
        bool ok = utf16_to_utf8(im, path, u, len, &b) &&
                  ec_import_text(im, f, path, b.data, b.len);
        ec_buf_free(&b);
        return ok;
    }
    const char **src = ec_imp_grow(&im->a, &im->sources, &im->nsources, &im->cap_sources, sizeof *src);
    *src = ec_arena_strdup(&im->a, path);
    /* Every reader gets text a catalog can hold: UTF-8 without NUL. */
    uint32_t line = 1, col = 1;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_len((const unsigned char *)text + i, len - i);
        if (!n) {
            if (text[i])
                ec_error(im->d, (ec_loc){*src, line, col},
                         "not UTF-8 (byte 0x%02x): convert the file to UTF-8 first",
                         (unsigned)(unsigned char)text[i]);
            else
                ec_error(im->d, (ec_loc){*src, line, col},
                         "a NUL byte: a catalog's text cannot hold one");
            return false;
        }
        if (text[i] == '\n')
            line++, col = 1;
        else
            col++;
        i += n;
    }
    unsigned errors = im->d->errors;
    return f->read(im, *src, text, len) && im->d->errors == errors;
}

/* --- writing ---------------------------------------------------------- */

/* A YAML double-quoted scalar: every string is written so, so that none
** reads as a number, a boolean or null, and every character survives. */
static void put_str(ec_buf *b, const char *s)
{
    ec_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': ec_buf_puts(b, "\\\""); break;
        case '\\': ec_buf_puts(b, "\\\\"); break;
        case '\n': ec_buf_puts(b, "\\n"); break;
        case '\t': ec_buf_puts(b, "\\t"); break;
        case '\r': ec_buf_puts(b, "\\r"); break;
        default:
            if (*p < 0x20 || *p == 0x7f) {
                ec_buf_printf(b, "\\x%02x", *p);
            } else if (p[0] == 0xc2 && p[1] == 0x85) { /* NEL, a YAML line break */
                ec_buf_puts(b, "\\N");
                p++;
            } else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
                ec_buf_puts(b, p[2] == 0xa8 ? "\\L" : "\\P");
                p += 2;
            } else if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
                ec_buf_puts(b, "\\uFEFF");
                p += 2;
            } else {
                ec_buf_putc(b, (char)*p);
            }
        }
    }
    ec_buf_putc(b, '"');
}

/* "  key: "value"\n" at 'indent', unless 'value' is NULL or empty. */
static void put_field(ec_buf *b, int indent, const char *key, const char *value)
{
    if (!value || !*value)
        return;
    ec_buf_printf(b, "%*s%s: ", indent, "", key);
    put_str(b, value);
    ec_buf_putc(b, '\n');
}

static void put_comment(ec_buf *b, const char *text)
{
    ec_buf_puts(b, "#");
    for (const char *p = text; *p; p++) {
        if (p == text)
            ec_buf_putc(b, ' ');
        ec_buf_putc(b, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
    ec_buf_putc(b, '\n');
}

/* Where each code and domain starts in the catalog written, so that what
** `errcat check` says of it is said at the source's file:line. */
typedef struct out_map {
    uint32_t *lines; /* ascending */
    ec_loc *at;
    size_t n, cap;
    size_t scanned;   /* bytes of the output counted */
    uint32_t line;    /* the line at 'scanned' */
} out_map;

static void map_here(out_map *m, const ec_buf *b, ec_loc at)
{
    for (; m->scanned < b->len; m->scanned++)
        m->line += b->data[m->scanned] == '\n';
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 64;
        m->lines = ec_xrealloc(m->lines, m->cap * sizeof *m->lines);
        m->at = ec_xrealloc(m->at, m->cap * sizeof *m->at);
    }
    m->lines[m->n] = m->line;
    m->at[m->n++] = at;
}

/* The source place of output line 'line', or NULL before the first. */
static const ec_loc *map_find(const out_map *m, uint32_t line)
{
    const ec_loc *found = NULL;
    for (size_t i = 0; i < m->n && m->lines[i] <= line; i++)
        found = &m->at[i];
    return found;
}

static void write_code(ec_buf *b, const ec_imp_domain *dom, const ec_imp_code *c)
{
    if (dom->strings) {
        ec_buf_puts(b, "      - code: ");
        put_str(b, c->code);
        ec_buf_putc(b, '\n');
    } else {
        ec_buf_printf(b, "      - code: %" PRId64 "\n", c->num);
    }
    if (c->name)
        ec_buf_printf(b, "        name: %s\n", c->name);
    ec_buf_puts(b, "        message: ");
    put_str(b, c->message ? c->message : "");
    ec_buf_putc(b, '\n');
    if (c->status)
        ec_buf_printf(b, "        status: %d\n", c->status);
    put_field(b, 8, "description", c->description);
    if (c->nparams) {
        ec_buf_puts(b, "        params:\n");
        for (size_t i = 0; i < c->nparams; i++) {
            ec_buf_printf(b, "          %s: {type: %s", c->params[i].name, c->params[i].type);
            if (c->params[i].description && *c->params[i].description) {
                ec_buf_puts(b, ", description: ");
                put_str(b, c->params[i].description);
            }
            ec_buf_puts(b, "}\n");
        }
    }
    if (c->naliases) {
        ec_buf_puts(b, "        aliases: [");
        for (size_t i = 0; i < c->naliases; i++)
            ec_buf_printf(b, "%s%s", i ? ", " : "", c->aliases[i]);
        ec_buf_puts(b, "]\n");
    }
    if (c->severity)
        ec_buf_printf(b, "        ui: {severity: %s}\n", c->severity);
    if (c->deprecated)
        ec_buf_puts(b, "        deprecated: true\n");
    if (c->retired) {
        if (*c->retired)
            put_field(b, 8, "retired", c->retired);
        else
            ec_buf_puts(b, "        retired: true\n");
    }
}

static int status_cmp(const void *a, const void *b)
{
    const ec_imp_status *x = *(ec_imp_status *const *)a, *y = *(ec_imp_status *const *)b;
    return (x->status > y->status) - (x->status < y->status);
}

static void write_statuses(ec_buf *b, ec_import *im, out_map *m)
{
    if (!im->nstatuses)
        return;
    ec_imp_status **v = ec_arena_alloc(&im->a, im->nstatuses * sizeof *v);
    for (size_t i = 0; i < im->nstatuses; i++)
        v[i] = &im->statuses[i];
    qsort(v, im->nstatuses, sizeof *v, status_cmp);
    ec_buf_puts(b, "statuses:\n");
    for (size_t i = 0; i < im->nstatuses; i++) {
        map_here(m, b, v[i]->at);
        ec_buf_printf(b, "  - status: %d\n", v[i]->status);
        put_field(b, 4, "title", v[i]->title);
        put_field(b, 4, "description", v[i]->description);
    }
}

static void write_domain(ec_buf *b, const ec_imp_domain *dom, out_map *m)
{
    map_here(m, b, dom->at);
    ec_buf_printf(b, "  - id: %s\n", dom->id);
    put_field(b, 4, "title", dom->title);
    put_field(b, 4, "description", dom->description);
    ec_buf_printf(b, "    code_type: %s\n", dom->strings ? "string" : "int");
    if (dom->has_range)
        ec_buf_printf(b, "    range: [%" PRId64 ", %" PRId64 "]\n", dom->low, dom->high);
    if (dom->nclasses) {
        ec_buf_puts(b, "    classes:\n");
        for (size_t i = 0; i < dom->nclasses; i++) {
            const ec_imp_class *k = &dom->classes[i];
            ec_buf_printf(b, "      - id: %s\n", k->id);
            if (k->prefix)
                put_field(b, 8, "prefix", k->prefix);
            else
                ec_buf_printf(b, "        range: [%" PRId64 ", %" PRId64 "]\n", k->low, k->high);
            put_field(b, 8, "title", k->title);
            put_field(b, 8, "message", k->message);
            put_field(b, 8, "description", k->description);
        }
    }
    ec_buf_puts(b, dom->ncodes ? "    codes:\n" : "    codes: []\n");
    for (size_t i = 0; i < dom->ncodes; i++) {
        map_here(m, b, dom->codes[i].at);
        write_code(b, dom, &dom->codes[i]);
    }
}

char *ec_imp_path_id(ec_import *im, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return ec_imp_id(im, base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

bool ec_import_write(ec_import *im, const char *shown, bool with_locales, ec_buf *out)
{
    const char *id = im->id ? im->id : ec_imp_path_id(im, im->nsources ? im->sources[0] : "import");
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_printf(&b, "Imported by `errcat import %s` from", im->format);
    for (size_t i = 0; i < im->nsources; i++) {
        const char *base = strrchr(im->sources[i], '/');
        ec_buf_printf(&b, "%s %s", i ? "," : "", base ? base + 1 : im->sources[i]);
    }
    ec_buf_puts(&b, ". Edit freely: errcat import does not read it back.");
    put_comment(out, b.data);
    ec_buf_free(&b);
    ec_buf_puts(out, "errcat: 1\ncatalog:\n");
    ec_buf_printf(out, "  id: %s\n", id);
    if (im->title) {
        put_field(out, 2, "title", im->title);
    } else {
        ec_buf t;
        ec_buf_init(&t);
        ec_buf_printf(&t, "%s (imported)", id);
        put_field(out, 2, "title", t.data);
        ec_buf_free(&t);
    }
    put_field(out, 2, "description", im->description);
    out_map m = {NULL, NULL, 0, 0, 0, 1};
    write_statuses(out, im, &m);
    ec_buf_puts(out, im->ndomains ? "domains:\n" : "domains: []\n");
    for (size_t i = 0; i < im->ndomains; i++)
        write_domain(out, &im->domains[i], &m);
    /* The catalog must pass `errcat check` (its translations are checked
    ** apart: the PO files are not written yet). A reader that lets through
    ** what the format checks cannot is a bug, reported here rather than
    ** in the hands of the team that runs the import. */
    ec_diag check;
    ec_diag_init(&check);
    ec_catalog *c = ec_load_buffer(shown, out->data, out->len, &check);
    bool ok = c && ec_validate(c, &check) && !check.errors;
    ec_catalog_free(c);
    /* What the check says of a code is said where the source defines it;
    ** anything else is a bug of the reader, said as such. */
    bool unmapped = false;
    for (size_t i = 0; i < check.count; i++) {
        const ec_diag_item *it = &check.items[i];
        const ec_loc *src = it->at.file && strcmp(it->at.file, shown) == 0
                                ? map_find(&m, it->at.line) : NULL;
        if (!src) {
            unmapped = true;
            continue;
        }
        if (it->sev == EC_ERROR)
            ec_error(im->d, *src, "errcat cannot carry this: %s", it->msg);
        else if (it->sev == EC_WARNING)
            ec_warning(im->d, *src, "%s", it->msg);
    }
    if (unmapped) {
        im->reader_bug = !ok;
        if (!ok)
            ec_error(im->d, (ec_loc){NULL, 0, 0},
                     "the imported catalog does not pass 'errcat check' (a bug of the %s "
                     "importer):",
                     im->format);
        ec_diag_merge(im->d, &check);
    } else {
        ec_diag_free(&check);
    }
    free(m.lines);
    free(m.at);
    if (ok && im->nlocales && !with_locales) {
        ec_buf t;
        ec_buf_init(&t);
        for (size_t i = 0; i < im->nlocales; i++)
            ec_buf_printf(&t, "%s%s", i ? ", " : "", im->locales[i]);
        ec_warning(im->d, (ec_loc){im->nsources ? im->sources[0] : NULL, 0, 0},
                   "the texts in %s are left out: their PO files are written beside the "
                   "catalog, with -o",
                   t.data);
        ec_buf_free(&t);
    } else if (ok && im->nlocales) {
        /* After the catalog section: the locales, whose files the check did
        ** not read. */
        ec_buf l;
        ec_buf_init(&l);
        ec_buf_printf(&l, "locales:\n  source: %s\n  translations: [",
                      im->source_locale ? im->source_locale : "en");
        for (size_t i = 0; i < im->nlocales; i++)
            ec_buf_printf(&l, "%s%s", i ? ", " : "", im->locales[i]);
        ec_buf_puts(&l, "]\n");
        const char *at = strstr(out->data, "\nstatuses:");
        if (!at)
            at = strstr(out->data, "\ndomains:");
        size_t pos = at ? (size_t)(at - out->data) + 1 : out->len;
        ec_buf whole;
        ec_buf_init(&whole);
        ec_buf_put(&whole, out->data, pos);
        ec_buf_put(&whole, l.data, l.len);
        ec_buf_put(&whole, out->data + pos, out->len - pos);
        ec_buf_reset(out);
        ec_buf_put(out, whole.data, whole.len);
        ec_buf_free(&whole);
        ec_buf_free(&l);
    }
    return ok;
}

/* A PO string: gettext's escapes, as the pot target writes them. */
static void po_string(ec_buf *out, const char *s)
{
    ec_buf_putc(out, '"');
    ec_lang_po.escape(out, s, strlen(s));
    ec_buf_putc(out, '"');
}

void ec_import_write_po(const ec_import *im, size_t l, ec_buf *out)
{
    const char *src = im->nsources ? im->sources[0] : "the source", *base = strrchr(src, '/');
    ec_buf_printf(out, "# The %s texts of %s, imported by `errcat import %s`.\n", im->locales[l],
                  base ? base + 1 : src, im->format);
    ec_buf_puts(out, "msgid \"\"\nmsgstr \"\"\n");
    ec_buf_printf(out, "\"Project-Id-Version: %s\\n\"\n", im->id ? im->id : im->format);
    ec_buf_printf(out, "\"Language: %s\\n\"\n", im->locales[l]);
    ec_buf_puts(out, "\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                     "\"Content-Transfer-Encoding: 8bit\\n\"\n");
    for (size_t d = 0; d < im->ndomains; d++) {
        const ec_imp_domain *dom = &im->domains[d];
        for (size_t k = 0; k < dom->ncodes; k++) {
            const ec_imp_code *c = &dom->codes[k];
            const char *t = c->translations ? c->translations[l] : NULL;
            if (!t || !c->name || !c->message)
                continue;
            ec_buf_printf(out, "\nmsgctxt \"%s.%s\"\nmsgid ", dom->id, c->name);
            po_string(out, c->message);
            ec_buf_puts(out, "\nmsgstr ");
            po_string(out, t);
            ec_buf_putc(out, '\n');
        }
    }
}
