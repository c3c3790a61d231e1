/* target.c: the target table; templates found in folders and rendered. */
#define _XOPEN_SOURCE 700
#include "target.h"

#include "alloc.h"
#include "com_err.h"
#include "escape.h"
#include "fsio.h"
#include "lang.h"
#include "locale.h"
#include "phash.h"
#include "po.h"
#include "tmpl.h"
#include "vectors.h"
#include "view.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A view in an arena of its own, written as JSON: the catalog's arena is
** not written to, since targets may render on several threads at once. */
static void view_json(const ec_catalog *c, ec_view_mode mode, ec_buf *out)
{
    ec_arena a;
    ec_arena_init(&a);
    ec_value v = ec_view_build_in(c, mode, &a);
    ec_json_write(&v, out);
    ec_arena_free(&a);
}

static void canonical(const ec_catalog *c, ec_buf *out)
{
    view_json(c, EC_VIEW_CANONICAL, out);
}

static void template_view(const ec_catalog *c, ec_buf *out)
{
    view_json(c, EC_VIEW_TEMPLATE, out);
}

const ec_target ec_targets[] = {
    {"json", "json", "the canonical resolved catalog", "{id}.json", canonical, false, 0, false},
    {"vectors", "json", "conformance vectors: questions and answers", "vectors.json",
     ec_vectors_write, false, 0, false},
    {"view", "json", "the view templates render (for template authors)", "view.json",
     template_view, true, 0, false},
    {"c", "c", "C header and lookup tables", NULL, NULL, false, 0, false},
    {"markdown", "markdown", "Markdown reference", NULL, NULL, false, 0, true},
    {"html", "html", "static HTML doc site", NULL, NULL, false, 400, true},
    {"python", "python", "Python module", NULL, NULL, false, 0, false},
    {"typescript", "typescript", "TypeScript module", NULL, NULL, false, 0, false},
    {"go", "go", "Go package", NULL, NULL, false, 0, false},
    {"rust", "rust", "Rust crate", NULL, NULL, false, 0, false},
    {"openapi", "json", "OpenAPI 3.1 components", NULL, NULL, false, 0, false},
    {"pot", "po", "gettext template of the texts to translate", NULL, NULL, false, 0, false},
    {"com_err", "c", "compile_et's header and C file, for libcom_err", NULL, NULL, true, 0, false},
};
const size_t ec_ntargets = sizeof ec_targets / sizeof ec_targets[0];

#define SUFFIX ".mustache"
#define NLAYERS 6
/* The folder of partials that every target may use after its own: the
** docs targets share their retry phrases there. A name starting with '_'
** is no target. */
#define SHARED "_shared"
/* The folder of the docs' labels (see labels_build()). */
#define LABELS "_labels"
/* In a template's file name: render it once per page (see pages()). */
#define PAGE "{page}"

/* The escapers of 'file': {{x}}'s and {{%comment x}}'s are those of the
** language of its extension (lang.h), so one target can write, say, both
** HTML and a JSON index; other files take the target's. */
static void escapers_for(const char *file, const ec_target *t, ec_tmpl_env *env)
{
    const ec_language *L = ec_language_of_file(file);
    if (!L && t)
        L = ec_language_find(t->escape);
    ec_tmpl_env_language(env, L);
}

void ec_outputs_free(ec_outputs *o)
{
    for (size_t i = 0; i < o->n; i++) {
        free(o->v[i].path);
        free(o->v[i].data);
    }
    for (size_t i = 0; i < o->ninputs; i++)
        free(o->inputs[i]);
    free(o->input_hashes);
    free(o->v);
    free(o->inputs);
    memset(o, 0, sizeof *o);
}

void ec_outputs_adopt(ec_outputs *o, ec_outputs *from)
{
    for (size_t i = 0; i < from->n; i++) {
        if (o->n == o->cap) {
            o->cap = o->cap ? o->cap * 2 : 16;
            o->v = ec_xrealloc(o->v, o->cap * sizeof *o->v);
        }
        o->v[o->n++] = from->v[i];
    }
    for (size_t i = 0; i < from->ninputs; i++) {
        if (o->ninputs == o->cap_inputs) {
            o->cap_inputs = o->cap_inputs ? o->cap_inputs * 2 : 16;
            o->inputs = ec_xrealloc(o->inputs, o->cap_inputs * sizeof *o->inputs);
            o->input_hashes =
                ec_xrealloc(o->input_hashes, o->cap_inputs * sizeof *o->input_hashes);
        }
        o->input_hashes[o->ninputs] = from->input_hashes[i];
        o->inputs[o->ninputs++] = from->inputs[i];
    }
    from->n = from->ninputs = 0;
    ec_outputs_free(from);
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(ec_xmalloc(n), s, n);
}

static char *join(const char *a, const char *b, const char *c)
{
    ec_buf p;
    ec_buf_init(&p);
    ec_buf_printf(&p, "%s/%s%s%s", a, b, c ? "/" : "", c ? c : "");
    return ec_buf_detach(&p, NULL);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *ec_builtin_templates_dir(const char *argv0)
{
    const char *env = getenv("ERRCAT_TEMPLATES");
    if (env && *env)
        return xstrdup(env);
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        if (!argv0 || strlen(argv0) >= sizeof exe)
            return NULL;
        strcpy(exe, argv0);
        n = (ssize_t)strlen(exe);
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    static const char *const rel[] = {"../templates", "../share/errcat/templates"};
    for (size_t i = 0; i < 2; i++) {
        char *p = join(exe, rel[i], NULL);
        char *real = is_dir(p) ? realpath(p, NULL) : NULL; /* no "bin/.." in depfiles */
        free(p);
        if (real)
            return real;
    }
    return NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of the entries of 'dir' that are folders ('dirs') or
** template files; NULL 'dir' or a missing folder gives none. */
static char **list_dir(const char *dir, bool dirs, size_t *n)
{
    *n = 0;
    DIR *dp = dir ? opendir(dir) : NULL;
    if (!dp)
        return NULL;
    char **v = NULL;
    size_t cap = 0;
    struct dirent *de;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        char *full = join(dir, de->d_name, NULL);
        bool d = is_dir(full);
        free(full);
        size_t len = strlen(de->d_name);
        if (dirs ? !d
                 : d || len <= strlen(SUFFIX) || strcmp(de->d_name + len - strlen(SUFFIX), SUFFIX))
            continue;
        if (*n == cap)
            v = ec_xrealloc(v, (cap = cap ? cap * 2 : 16) * sizeof *v);
        v[(*n)++] = xstrdup(de->d_name);
    }
    closedir(dp);
    /* readdir order depends on the file system: sort for determinism. */
    if (*n)
        qsort(v, *n, sizeof *v, cmp_str);
    return v;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static bool contains(char **v, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], s) == 0)
            return true;
    return false;
}

static const ec_target *find_target(const char *name)
{
    for (size_t i = 0; i < ec_ntargets; i++)
        if (strcmp(ec_targets[i].name, name) == 0)
            return &ec_targets[i];
    return NULL;
}

char **ec_target_names(const char *builtin, const char *user, size_t *n)
{
    size_t nb, nu;
    char **b = list_dir(builtin, true, &nb), **u = list_dir(user, true, &nu);
    char **v = ec_xmalloc((ec_ntargets + nu + 1) * sizeof *v);
    *n = 0;
    for (size_t i = 0; i < ec_ntargets; i++)
        if (!ec_targets[i].on_request &&
            (ec_targets[i].json || contains(b, nb, ec_targets[i].name) ||
             contains(u, nu, ec_targets[i].name)))
            v[(*n)++] = xstrdup(ec_targets[i].name);
    for (size_t i = 0; i < nu; i++) {
        const ec_target *t = find_target(u[i]);
        if (u[i][0] != '_' && !contains(v, *n, u[i]) && !(t && t->on_request))
            v[(*n)++] = xstrdup(u[i]); /* "_shared" is no target */
    }
    free_list(b, nb);
    free_list(u, nu);
    return v;
}

/* The files of the labels folder of 'root' (below), into 'b': a PO file
** added there changes what a build reads. */
static void labels_listing(const char *root, ec_buf *b)
{
    char *dir = root ? join(root, LABELS, NULL) : NULL;
    DIR *dp = dir ? opendir(dir) : NULL;
    size_t n = 0, cap = 0;
    char **v = NULL;
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap)
            v = ec_xrealloc(v, (cap = cap ? cap * 2 : 16) * sizeof *v);
        v[n++] = xstrdup(de->d_name);
    }
    if (dp)
        closedir(dp);
    if (n)
        qsort(v, n, sizeof *v, cmp_str);
    for (size_t i = 0; i < n; i++)
        ec_buf_printf(b, "  " LABELS "/%s\n", v[i]);
    free_list(v, n);
    free(dir);
}

uint64_t ec_target_listing_hash(const char *builtin, const char *user, const char *const *names,
                                size_t n)
{
    ec_buf b;
    ec_buf_init(&b);
    size_t nd;
    char **defaults = n ? NULL : ec_target_names(builtin, user, &nd);
    const char *roots[2] = {builtin, user};
    for (int r = 0; r < 2; r++) {
        size_t nv;
        char **v = list_dir(roots[r], true, &nv);
        for (size_t i = 0; i < nv; i++)
            ec_buf_printf(&b, "%s/\n", v[i]);
        free_list(v, nv);
        for (size_t t = 0; t < (n ? n : nd); t++) {
            char *dir = roots[r] ? join(roots[r], n ? names[t] : defaults[t], NULL) : NULL;
            v = list_dir(dir, false, &nv);
            ec_buf_printf(&b, "%s:\n", n ? names[t] : defaults[t]);
            for (size_t i = 0; i < nv; i++)
                ec_buf_printf(&b, "  %s\n", v[i]);
            free_list(v, nv);
            free(dir);
        }
        char *shared = roots[r] ? join(roots[r], SHARED, NULL) : NULL;
        v = list_dir(shared, false, &nv);
        for (size_t i = 0; i < nv; i++)
            ec_buf_printf(&b, "  %s/%s\n", SHARED, v[i]);
        free_list(v, nv);
        free(shared);
        labels_listing(roots[r], &b);
        ec_buf_puts(&b, "--\n");
    }
    if (!n)
        free_list(defaults, nd);
    uint64_t h = ec_hash_str(b.data ? b.data : "", b.len);
    ec_buf_free(&b);
    return h;
}

/* Template sources of one target: user folder first, then the built-in
** one; "builtin/NAME" names the built-in NAME, so that a user template can
** inherit from the file it overrides. */
typedef struct source_ctx {
    /* user, builtin, then (for an index) the target's own user and builtin
    ** folders, whose partials an index may use, then the user and builtin
    ** _shared folders, for partials only; any may be NULL. User folders
    ** have even numbers, built-in ones odd. */
    const char *dirs[NLAYERS];
    ec_outputs *out;
    ec_diag *d;
    ec_arena *a;
} source_ctx;

static char *read_template(source_ctx *s, const char *dir, const char *file, size_t *len,
                           const char **shown)
{
    if (!dir)
        return NULL;
    char *path = join(dir, file, NULL);
    if (access(path, F_OK) != 0) {
        free(path);
        return NULL;
    }
    char *text = ec_read_file(path, EC_MAX_INPUT_BYTES, len, (ec_loc){NULL, 0, 0}, s->d);
    *shown = ec_arena_strdup(s->a, path);
    ec_outputs *o = s->out;
    if (o->ninputs == o->cap_inputs) {
        o->cap_inputs = o->cap_inputs ? o->cap_inputs * 2 : 16;
        o->inputs = ec_xrealloc(o->inputs, o->cap_inputs * sizeof *o->inputs);
        o->input_hashes = ec_xrealloc(o->input_hashes, o->cap_inputs * sizeof *o->input_hashes);
    }
    o->input_hashes[o->ninputs] = text ? ec_hash_str(text, *len) : 0;
    o->inputs[o->ninputs++] = path;
    return text;
}

static bool source(void *ud, const char *name, const char **text, size_t *len, const char **file)
{
    source_ctx *s = ud;
    bool builtin_only = strncmp(name, "builtin/", 8) == 0;
    if (builtin_only)
        name += 8;
    if (strchr(name, '/') || strstr(name, ".."))
        return false; /* a name is a file of the layers, never a path */
    for (int layer = builtin_only ? 1 : 0; layer < NLAYERS; layer += builtin_only ? 2 : 1) {
        bool shared = layer >= NLAYERS - 2; /* holds partials only */
        for (int partial = 1; partial >= (shared ? 1 : 0); partial--) {
            char *fname = ec_arena_printf(s->a, "%s%s" SUFFIX, partial ? "_" : "", name);
            char *t = read_template(s, s->dirs[layer], fname, len, file);
            if (t) {
                *text = ec_arena_strndup(s->a, t, *len);
                free(t);
                return true;
            }
        }
    }
    return false;
}

/* The output file of a template file (or of a JSON target's file name):
** "{id}" replaced by 'id', and "{page}" by 'page' when it is not NULL. */
static char *output_name(const char *tmpl_file, const char *id, const char *page,
                         bool is_template)
{
    ec_buf b;
    ec_buf_init(&b);
    size_t n = strlen(tmpl_file) - (is_template ? strlen(SUFFIX) : 0);
    for (size_t i = 0; i < n; i++) {
        if (strncmp(tmpl_file + i, "{id}", 4) == 0 && i + 4 <= n) {
            ec_buf_puts(&b, id);
            i += 3;
        } else if (page && strncmp(tmpl_file + i, PAGE, strlen(PAGE)) == 0 &&
                   i + strlen(PAGE) <= n) {
            ec_buf_puts(&b, page);
            i += strlen(PAGE) - 1;
        } else {
            ec_buf_putc(&b, tmpl_file[i]);
        }
    }
    return ec_buf_detach(&b, NULL);
}

/* A buffer for the output file 'path', whose bytes may go to the
** caller's sink while it is rendered. */
static void open_output(ec_outputs *o, const char *path, ec_buf *data)
{
    ec_buf_init(data);
    if (o->begin) {
        o->begin(o->sink_ud, path);
        data->spill = o->spill;
        data->spill_ud = o->sink_ud;
    }
}

/* The output file 'path' is done: 'data' holds its bytes not spilled. */
static void add_output(ec_outputs *o, char *path, ec_buf *data)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 16;
        o->v = ec_xrealloc(o->v, o->cap * sizeof *o->v);
    }
    ec_output *x = &o->v[o->n++];
    x->path = path;
    x->data = ec_buf_detach(data, &x->len);
    if (o->done)
        o->done(o->sink_ud, x);
}


/* Pages: a template whose file name holds {page} renders once per page of
** the catalog. A domain is one page, or runs of at most the target's
** page_codes codes when it has more (0: never split). The first page of a
** domain is named by the domain's id in kebab case, the next ones
** "<id>--2", "<id>--3"... (a kebab spelling never holds "--", so no two
** pages share a name). Every template of the target sees the list of
** pages as 'pages' (each with its run of codes, so that one file can list
** every page's codes: the html search index); a page's template renders in
** the context of its domain, then of {page, codes}, 'codes' being the page's
** run of the domain's. */
typedef struct pages {
    ec_value overlay;         /* {pages: [...]}, above the view */
    const ec_value **domains; /* per page: its domain */
    ec_value *frames;         /* per page: {page, codes} */
    const char **names;
    size_t n;
} pages;

/* A run of a list, as a lazy list. */
typedef struct slice {
    ec_lazy lazy;
    const ec_value *list;
    uint32_t first;
} slice;

static ec_value make_slice_item(const void *ud, uint32_t i, ec_arena *a)
{
    const slice *s = ud;
    return ec_list_at(s->list, s->first + i, a);
}

static ec_value code_text_at(const ec_value *codes, uint32_t i, ec_arena *a)
{
    ec_value e = ec_list_at(codes, i, a);
    const ec_value *t = ec_map_get(&e, "code_text");
    return t ? *t : ec_vnull();
}

static void pages_build(pages *pg, const ec_value *view, unsigned per_page, ec_arena *a)
{
    memset(pg, 0, sizeof *pg);
    const ec_value *domains = view->kind == EC_VMAP ? ec_map_get(view, "domains") : NULL;
    uint32_t nd = domains && (domains->kind == EC_VLIST || domains->kind == EC_VLAZY)
                      ? domains->len : 0;
    size_t total = 0;
    for (uint32_t d = 0; d < nd; d++) {
        ec_value dom = ec_list_at(domains, d, a);
        const ec_value *codes = ec_map_get(&dom, "codes");
        uint32_t n = codes ? codes->len : 0;
        total += per_page && n > per_page ? (n + per_page - 1) / per_page : 1;
    }
    pg->domains = ec_arena_alloc(a, (total + 1) * sizeof *pg->domains);
    pg->frames = ec_arena_alloc(a, (total + 1) * sizeof *pg->frames);
    pg->names = ec_arena_alloc(a, (total + 1) * sizeof *pg->names);
    ec_builder list;
    ec_builder_init(&list);
    for (uint32_t d = 0; d < nd; d++) {
        ec_value *dom = ec_arena_alloc(a, sizeof *dom);
        *dom = ec_list_at(domains, d, a);
        const ec_value *codes = ec_map_get(dom, "codes");
        const ec_value *kebab = ec_map_get(dom, "id_kebab");
        if (!kebab || kebab->kind != EC_VSTR)
            kebab = ec_map_get(dom, "id");
        const char *base = kebab && kebab->kind == EC_VSTR ? kebab->u.s : "domain";
        uint32_t n = codes ? codes->len : 0;
        uint32_t count = per_page && n > per_page ? (n + per_page - 1) / per_page : 1;
        uint32_t size = count > 1 ? per_page : n;
        for (uint32_t k = 0; k < count; k++) {
            size_t i = pg->n++;
            pg->names[i] = k ? ec_arena_printf(a, "%s--%u", base, (unsigned)k + 1) : base;
            uint32_t first = k * size, len = k + 1 < count ? size : n - first;
            slice *sl = ec_arena_alloc(a, sizeof *sl);
            *sl = (slice){{make_slice_item, sl}, codes, first};
            ec_value run = codes && codes->kind != EC_VNULL
                               ? (ec_value){.kind = EC_VLAZY, .len = len, .u.lazy = &sl->lazy}
                               : ec_vnull();
            ec_builder b;
            ec_builder_init(&b);
            ec_builder_add(&b, "name", ec_vstr(pg->names[i]));
            ec_builder_add(&b, "number", ec_vint(k + 1));
            ec_builder_add(&b, "count", ec_vint(count));
            ec_builder_add(&b, "domain_page", ec_vstr(base));
            ec_builder_add(&b, "prev", k ? ec_vstr(pg->names[i - 1]) : ec_vnull());
            ec_builder_add(&b, "next", k + 1 < count ? ec_vstr(ec_arena_printf(
                                                           a, "%s--%u", base, (unsigned)k + 2))
                                                     : ec_vnull());
            ec_builder_add(&b, "opens_domain", ec_vbool(k == 0));
            ec_builder_add(&b, "closes_domain", ec_vbool(k + 1 == count));
            ec_builder_add(&b, "paged", ec_vbool(count > 1));
            ec_builder_add(&b, "code_count", ec_vint(len));
            ec_builder_add(&b, "first_code", len ? code_text_at(codes, first, a) : ec_vnull());
            ec_builder_add(&b, "last_code",
                           len ? code_text_at(codes, first + len - 1, a) : ec_vnull());
            ec_builder_add(&b, "domain", *dom);
            ec_builder_add(&b, "codes", run);
            ec_builder_add(&b, "index", ec_vint((int64_t)i));
            ec_builder_add(&b, "first", ec_vbool(i == 0));
            ec_builder_add(&b, "last", ec_vbool(i + 1 == total));
            ec_value info = ec_builder_map(&b, a);
            ec_builder_push(&list, info);
            ec_builder_init(&b);
            ec_builder_add(&b, "page", info);
            ec_builder_add(&b, "codes", run);
            pg->frames[i] = ec_builder_map(&b, a);
            pg->domains[i] = dom;
        }
    }
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "pages", ec_builder_list(&list, a));
    pg->overlay = ec_builder_map(&b, a);
}

/* Labels: the docs' own words (headings, column names, "Copy link"), in
** the locale of the page. LABELS/labels.pot lists them: each entry's
** msgctxt is a label's key and its msgid the English words; LABELS/<tag>.po
** beside it translates them, a PO file as a catalog's are. Every template
** sees {labels: {key: text}}. A page in locale fr-CA takes each label from
** fr-CA.po, else fr.po (the chain of ec_l10n_chain: the tag, then each
** shorter form), else English; at each step the user's folder comes before
** the built-in one. A translation that is fuzzy, empty, or made from other
** English words than the template's (stale) is not used. */
#define MAX_LABELS 1024

typedef struct label {
    const char *key, *english, *text;
} label;

typedef struct label_table {
    label v[MAX_LABELS];
    size_t n;
} label_table;

static label *label_find(label_table *l, const char *key)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].key, key) == 0)
            return &l->v[i];
    return NULL;
}

/* Reads the PO file 'file' of the labels folder of 'root' (missing: no
** entries); false after reporting an error. */
static bool labels_read(source_ctx *s, const char *root, const char *file, ec_po *po)
{
    memset(po, 0, sizeof *po);
    if (!root)
        return true;
    char *dir = join(root, LABELS, NULL);
    size_t len;
    const char *shown;
    unsigned errors = s->d->errors;
    char *text = read_template(s, dir, file, &len, &shown);
    free(dir);
    bool ok = s->d->errors == errors &&
              (!text || ec_po_read(shown, ec_arena_strndup(s->a, text, len), len, s->a, s->d, po));
    free(text);
    return ok;
}

/* The placeholders of a label's text, "${name}" each, as their names
** joined by '}' ("" for none): a translation must keep them in order, since
** the template puts a value between the parts they cut the text into. */
static const char *label_placeholders(const char *text, ec_arena *a)
{
    ec_buf b;
    ec_buf_init(&b);
    for (const char *p = strstr(text, "${"), *end; p && (end = strchr(p, '}'));
         p = strstr(end, "${"))
        ec_buf_printf(&b, "%.*s}", (int)(end - p - 2), p + 2);
    const char *r = ec_arena_strndup(a, b.data ? b.data : "", b.len);
    ec_buf_free(&b);
    return r;
}

/* A label's value: its text, or, when it has placeholders, {a, b, c...}:
** the text before the first, between the first and the second, ... */
static ec_value label_value(const char *text, ec_arena *a)
{
    const char *p = strstr(text, "${"), *end = p ? strchr(p, '}') : NULL;
    if (!end)
        return ec_vstr(text);
    ec_builder b;
    ec_builder_init(&b);
    static const char *const part[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
    size_t n = 0;
    for (; p && end && n + 1 < sizeof part / sizeof *part; n++) {
        ec_builder_add(&b, part[n], ec_vstr(ec_arena_strndup(a, text, (size_t)(p - text))));
        text = end + 1;
        p = strstr(text, "${");
        end = p ? strchr(p, '}') : NULL;
    }
    ec_builder_add(&b, part[n], ec_vstr(text));
    return ec_builder_map(&b, a);
}

/* The labels of a page in 'view''s locale (English without one), added to
** the map 'overlay' (what every template sees above the view). */
static bool labels_build(source_ctx *s, const char *roots[2], const ec_value *view,
                         ec_value *overlay)
{
    label_table *l = ec_arena_alloc(s->a, sizeof *l);
    l->n = 0;
    ec_po po;
    for (int r = 0; r < 2; r++) {
        if (!labels_read(s, roots[r], "labels.pot", &po))
            return false;
        for (size_t i = 0; i < po.n; i++)
            if (po.entries[i].ctxt && !label_find(l, po.entries[i].ctxt) && l->n < MAX_LABELS)
                l->v[l->n++] = (label){po.entries[i].ctxt, po.entries[i].id, NULL};
    }
    const ec_value *loc = view->kind == EC_VMAP ? ec_map_get(view, "locale") : NULL;
    const ec_value *tag = loc ? ec_map_get(loc, "tag") : NULL;
    const char *t = tag && tag->kind == EC_VSTR ? tag->u.s : "en";
    for (size_t k = strlen(t); k; k = ec_locale_parent(t, k))
        for (int r = 0; r < 2; r++) {
            if (!labels_read(s, roots[r], ec_arena_printf(s->a, "%.*s.po", (int)k, t), &po))
                return false;
            for (size_t i = 0; i < po.n; i++) {
                const ec_po_entry *e = &po.entries[i];
                label *x = e->ctxt ? label_find(l, e->ctxt) : NULL;
                if (!x || x->text || e->fuzzy || !e->nstr || !*e->str[0] ||
                    strcmp(e->id, x->english) != 0)
                    continue;
                if (strcmp(label_placeholders(e->str[0], s->a),
                           label_placeholders(x->english, s->a)) != 0) {
                    ec_error(s->d, e->str_at,
                             "the label '%s' must keep the placeholders of its English text, "
                             "in their order",
                             x->key);
                    return false;
                }
                x->text = e->str[0];
            }
        }
    ec_builder b, all;
    ec_builder_init(&b);
    for (size_t i = 0; i < l->n; i++)
        ec_builder_add(&b, l->v[i].key,
                       label_value(l->v[i].text ? l->v[i].text : l->v[i].english, s->a));
    ec_builder_init(&all);
    for (uint32_t i = 0; i < overlay->len; i++)
        ec_builder_add(&all, overlay->u.members[i].key, overlay->u.members[i].val);
    ec_builder_add(&all, "labels", ec_builder_map(&b, s->a));
    *overlay = ec_builder_map(&all, s->a);
    return true;
}

/* Renders compiled template 'tp' ('file', the template's file name) into
** output 'prefix' + its name: once, or once per page. */
static bool render_file(ec_tmpl_env *env, const ec_tmpl *tp, const char *file, const char *id,
                        const char *prefix, const ec_value *view, const pages *pg,
                        ec_outputs *out)
{
    bool per_page = strstr(file, PAGE) != NULL;
    for (size_t i = 0; i < (per_page ? pg->n : 1); i++) {
        const ec_value *stack[4] = {view, &pg->overlay, NULL, NULL};
        size_t depth = 2;
        if (per_page) {
            stack[depth++] = pg->domains[i];
            stack[depth++] = &pg->frames[i];
        }
        char *oname = output_name(file, id, per_page ? pg->names[i] : NULL, true);
        ec_buf p, b;
        ec_buf_init(&p);
        ec_buf_printf(&p, "%s%s", prefix, oname);
        free(oname);
        open_output(out, p.data, &b);
        if (!ec_tmpl_render_stack(env, tp, stack, depth, &b)) {
            ec_buf_free(&b);
            ec_buf_free(&p);
            return false;
        }
        add_output(out, ec_buf_detach(&p, NULL), &b);
    }
    return true;
}

/* Renders the templates of a folder (the union of its user and built-in
** versions, 'uf' and 'bf', each name once) against 'view', each output
** named 'prefix' + its file name ("{id}" replaced by 'id'). */
static bool render_folder(const char *dirs[4], char **uf, size_t nu, char **bf, size_t nb,
                          const ec_target *t, const ec_value *view, const char *id,
                          const char *prefix, const char *builtin, const char *user,
                          ec_outputs *out, ec_diag *d)
{
    ec_arena a;
    ec_arena_init(&a);
    char *ushared = user ? join(user, SHARED, NULL) : NULL;
    char *bshared = builtin ? join(builtin, SHARED, NULL) : NULL;
    source_ctx s = {{dirs[0], dirs[1], dirs[2], dirs[3], ushared, bshared}, out, d, &a};
    ec_tmpl_env env;
    ec_tmpl_env_init(&env, &a, d);
    env.source = source;
    env.source_ud = &s;
    char **all = ec_xmalloc((nb + nu + 1) * sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < nu; i++)
        all[n++] = uf[i];
    for (size_t i = 0; i < nb; i++)
        if (!contains(uf, nu, bf[i]))
            all[n++] = bf[i];
    qsort(all, n, sizeof *all, cmp_str);
    pages pg;
    pages_build(&pg, view, t ? t->page_codes : 0, &a);
    /* A template that exists but cannot be read (a FIFO, say) is reported by
    ** read_template and must fail the build, not fall back to a built-in. */
    unsigned errors = d->errors;
    const char *label_roots[2] = {user, builtin};
    bool ok = labels_build(&s, label_roots, view, &pg.overlay);
    for (size_t i = 0; i < n && ok; i++) {
        if (all[i][0] == '_')
            continue;
        size_t len;
        const char *text, *file;
        char *base = ec_arena_strndup(&a, all[i], strlen(all[i]) - strlen(SUFFIX));
        if (!source(&s, base, &text, &len, &file)) {
            ok = false;
            break;
        }
        ec_tmpl *tp = ec_tmpl_compile(&env, file, text, len);
        escapers_for(base, t, &env);
        if (!tp) {
            ok = false;
            break;
        }
        if (!render_file(&env, tp, all[i], id, prefix, view, &pg, out)) {
            ok = false;
            break;
        }
    }
    free(all);
    free(ushared);
    free(bshared);
    ec_tmpl_env_free(&env);
    ec_arena_free(&a);
    return ok && d->errors == errors;
}

static void render_json(const ec_catalog *c, const ec_target *t, ec_outputs *out)
{
    char *file = output_name(t->file, c->id, NULL, false);
    ec_buf p, b;
    ec_buf_init(&p);
    ec_buf_printf(&p, "%s/%s/%s", c->id, t->name, file);
    free(file);
    open_output(out, p.data, &b);
    t->json(c, &b);
    add_output(out, ec_buf_detach(&p, NULL), &b);
}

/* Whether target 't' ('name') writes its JSON without templates: a JSON
** target that the user folder does not override. */
static bool is_json(const ec_target *t, const char *name, const char *user)
{
    if (!t || !t->json)
        return false;
    char *udir = user ? join(user, name, NULL) : NULL;
    size_t nu;
    char **uf = list_dir(udir, false, &nu);
    free_list(uf, nu);
    free(udir);
    return nu == 0;
}

bool ec_target_needs_view(const char *name, const char *user)
{
    return !is_json(find_target(name), name, user);
}

bool ec_target_render(ec_catalog *c, const char *name, const char *builtin, const char *user,
                      ec_value *view, ec_outputs *out, ec_diag *d)
{
    const ec_target *t = find_target(name);
    if (is_json(t, name, user)) {
        render_json(c, t, out);
        return true;
    }
    /* com_err writes the domains that fit it, and says which do not. */
    if (strcmp(name, "com_err") == 0 && !ec_com_err_check(c, d))
        return false;
    char *udir = user ? join(user, name, NULL) : NULL;
    char *bdir = builtin ? join(builtin, name, NULL) : NULL;
    size_t nb, nu;
    char **bf = list_dir(bdir, false, &nb), **uf = list_dir(udir, false, &nu);
    bool ok = true;
    if ((!nb && !nu) || name[0] == '_') {
        ec_error(d, (ec_loc){NULL, 0, 0}, "unknown target '%s' (see 'errcat targets')", name);
        ok = false;
    } else {
        if (view->kind == EC_VNULL)
            *view = ec_view_build(c, EC_VIEW_TEMPLATE);
        const char *dirs[4] = {udir, bdir, NULL, NULL};
        char *prefix = join(c->id, name, "");
        ok = render_folder(dirs, uf, nu, bf, nb, t, view, c->id, prefix, builtin, user, out, d);
        free(prefix);
        for (size_t l = 1; ok && t && t->per_locale && l <= c->nlocales; l++) {
            ec_arena va;
            ec_arena_init(&va);
            ec_value lv = ec_view_build_locale(c, EC_VIEW_TEMPLATE, l, &va);
            char *lp = join(c->id, name, c->locales[l - 1].tag);
            char *slash = ec_arena_join(&va, lp, "", "/");
            ok = render_folder(dirs, uf, nu, bf, nb, t, &lv, c->id, slash, builtin, user, out, d);
            free(lp);
            ec_arena_free(&va);
        }
    }
    free_list(bf, nb);
    free_list(uf, nu);
    free(udir);
    free(bdir);
    return ok;
}

bool ec_target_render_index(const ec_value *view, const char *name, const char *builtin,
                            const char *user, ec_outputs *out, ec_diag *d)
{
    char *udir = user ? join(user, name, "index") : NULL;
    char *bdir = builtin ? join(builtin, name, "index") : NULL;
    char *utop = user ? join(user, name, NULL) : NULL;
    char *btop = builtin ? join(builtin, name, NULL) : NULL;
    size_t nb, nu;
    char **bf = list_dir(bdir, false, &nb), **uf = list_dir(udir, false, &nu);
    const char *dirs[4] = {udir, bdir, utop, btop};
    bool ok = render_folder(dirs, uf, nu, bf, nb, find_target(name), view, "index", "", builtin,
                            user, out, d);
    free_list(bf, nb);
    free_list(uf, nu);
    free(udir);
    free(bdir);
    free(utop);
    free(btop);
    return ok;
}

void ec_target_list(const char *builtin, const char *user, FILE *f)
{
    size_t n;
    char **names = ec_target_names(builtin, user, &n);
    for (size_t i = 0; i < n; i++) {
        const ec_target *t = find_target(names[i]);
        fprintf(f, "%-11s %s\n", names[i], t ? t->summary : "user target");
        if (t && t->json) {
            char *o = output_name(t->file, "<id>", NULL, false);
            fprintf(f, "            <id>/%s/%s\n", t->name, o);
            free(o);
            continue;
        }
        for (int layer = 0; layer < 2; layer++) {
            const char *root = layer ? builtin : user;
            char *dir = root ? join(root, names[i], NULL) : NULL;
            size_t nf;
            char **files = list_dir(dir, false, &nf);
            for (size_t j = 0; j < nf; j++) {
                if (files[j][0] == '_')
                    continue;
                char *o = output_name(files[j], "<id>", "<page>", true);
                fprintf(f, "            <id>/%s/%s%s\n", names[i], o, layer ? "" : "  (user)");
                free(o);
            }
            free_list(files, nf);
            free(dir);
        }
    }
    for (size_t i = 0; i < ec_ntargets; i++) {
        const ec_target *t = &ec_targets[i];
        if (!t->on_request)
            continue;
        fprintf(f, "%-11s %s; only with -t %s\n", t->name, t->summary, t->name);
        if (t->json) {
            char *o = output_name(t->file, "<id>", NULL, false);
            fprintf(f, "            <id>/%s/%s\n", t->name, o);
            free(o);
            continue;
        }
        char *dir = builtin ? join(builtin, t->name, NULL) : NULL;
        size_t nf;
        char **files = list_dir(dir, false, &nf);
        for (size_t j = 0; j < nf; j++) {
            if (files[j][0] == '_')
                continue;
            char *o = output_name(files[j], "<id>", NULL, true);
            fprintf(f, "            <id>/%s/%s\n", t->name, o);
            free(o);
        }
        free_list(files, nf);
        free(dir);
    }
    free_list(names, n);
}
