/* import.h: `errcat import`, catalogs of other formats read into a small
** model (below) that import.c writes as a deterministic errcat catalog.
** One file per format, gen/import_<format>.c, holds its reader; the table
** of formats is in import.c. A reader reports bad input as errors at its
** file:line:col and what errcat cannot carry as warnings; the caller
** writes nothing after an error. */
#ifndef EC_IMPORT_H
#define EC_IMPORT_H

#include "arena.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A placeholder of a message (`${name}`), typed as the source says. */
typedef struct ec_imp_param {
    const char *name, *type, *description;
} ec_imp_param;

typedef struct ec_imp_code {
    ec_loc at;          /* where the source defines it */
    const char *code;   /* a string domain's code; NULL in an int domain */
    int64_t num;        /* an int domain's code */
    const char *name;   /* NULL: the string code's own (FORMAT.md) */
    const char *message; /* an errcat message: `$$` for a `$` (ec_imp_literal) */
    const char *description;
    const char **aliases;
    size_t naliases, cap_aliases;
    ec_imp_param *params;
    size_t nparams, cap_params;
    const char *severity; /* ui severity, or NULL */
    int status;           /* the HTTP status it travels with (one of the catalog's), or 0 */
    const char *retired;  /* NULL, or the reason ("" for none) */
    bool deprecated;
    const char **translations; /* per locale of the import (ec_imp_locale): its message, or NULL */
} ec_imp_code;

typedef struct ec_imp_class {
    const char *id, *title, *description, *message;
    const char *prefix; /* a string domain's class; NULL in an int domain */
    int64_t low, high;
} ec_imp_class;

/* An HTTP status the catalog returns. */
typedef struct ec_imp_status {
    ec_loc at;
    int status;
    const char *title, *description;
} ec_imp_status;

typedef struct ec_imp_domain {
    ec_loc at;
    const char *id, *title, *description;
    bool strings; /* code_type string */
    bool has_range;
    int64_t low, high;
    ec_imp_class *classes;
    size_t nclasses, cap_classes;
    ec_imp_code *codes;
    size_t ncodes, cap_codes;
} ec_imp_domain;

typedef struct ec_import {
    ec_arena a;  /* everything of the model */
    ec_diag *d;  /* where readers report */
    const char *format;
    const char *id, *title, *description; /* of the catalog; NULL: derived */
    const char **sources; /* the files read, for the header comment */
    size_t nsources, cap_sources;
    ec_imp_domain *domains;
    size_t ndomains, cap_domains;
    ec_imp_status *statuses; /* written in ascending order */
    size_t nstatuses, cap_statuses;
    /* Languages besides the source's, for a source that has them: the
    ** catalog's locales, each written as a PO file (ec_import_write_po). */
    const char *source_locale; /* NULL: the catalog's default */
    const char **locales;
    size_t nlocales, cap_locales;
    bool reader_bug; /* ec_import_write: `errcat check` refused what no source place explains */
} ec_import;

/* Reads the file 'path' ('text', 'len' bytes) into 'im'; false after
** reporting errors. */
typedef bool (*ec_import_fn)(ec_import *im, const char *path, const char *text, size_t len);

typedef struct ec_import_format {
    const char *name;    /* errcat import NAME */
    const char *summary; /* one line for --help */
    ec_import_fn read;
} ec_import_format;

/* The readers, one file each (gen/import_<format>.c). */
bool ec_import_et(ec_import *im, const char *path, const char *text, size_t len);
bool ec_import_pg(ec_import *im, const char *path, const char *text, size_t len);
bool ec_import_mc(ec_import *im, const char *path, const char *text, size_t len);
bool ec_import_proto(ec_import *im, const char *path, const char *text, size_t len);
bool ec_import_openapi(ec_import *im, const char *path, const char *text, size_t len);
bool ec_import_mysql(ec_import *im, const char *path, const char *text, size_t len);

extern const ec_import_format ec_import_formats[];
extern const size_t ec_nimport_formats;

const ec_import_format *ec_import_format_find(const char *name);

void ec_import_init(ec_import *im, const char *format, ec_diag *d);
void ec_import_free(ec_import *im);

/* Reads 'path' with the format's reader; false after errors. */
bool ec_import_read(ec_import *im, const ec_import_format *f, const char *path, size_t max_bytes);

/* The same for a file's bytes already read ('text', 'len' bytes). */
bool ec_import_text(ec_import *im, const ec_import_format *f, const char *path, const char *text,
                    size_t len);

/* The catalog as YAML text into 'out', checked as `errcat check` would
** (named 'shown' in its diagnostics); false after errors. With locales,
** 'with_locales' says whether their PO files are written too (beside the
** catalog: not on standard output): the catalog then lists them. */
bool ec_import_write(ec_import *im, const char *shown, bool with_locales, ec_buf *out);

/* The PO file of locale number 'l' (a gettext catalog of every message the
** source translates into it, by errcat's contexts), into 'out'. */
void ec_import_write_po(const ec_import *im, size_t l, ec_buf *out);

/* The number of locale 'tag' among the import's, added when new. */
size_t ec_imp_locale(ec_import *im, const char *tag);
/* Sets the message of 'c' in locale number 'l'. */
void ec_imp_translation_set(ec_import *im, ec_imp_code *c, size_t l, const char *message);

/* One more item of the growable array '*vp' ('*n' items of 'size' bytes,
** room for '*cap'), in arena 'a': zeroed, and counted in '*n'. The arrays
** of the model grow so, and so do the readers' own. */
void *ec_imp_grow(ec_arena *a, void *vp, size_t *n, size_t *cap, size_t size);

/* Model building, for the readers. Each new item is zeroed. */
ec_imp_domain *ec_imp_domain_add(ec_import *im, const char *id, ec_loc at);
ec_imp_code *ec_imp_code_add(ec_import *im, ec_imp_domain *dom, ec_loc at);
ec_imp_class *ec_imp_class_add(ec_import *im, ec_imp_domain *dom);
/* The catalog's status 'status', added (zeroed but for it) unless it is
** there already. */
ec_imp_status *ec_imp_status_add(ec_import *im, int status, ec_loc at);
/* The IANA registry's reason phrase of 'status', or NULL. */
const char *ec_imp_reason(int status);
void ec_imp_alias_add(ec_import *im, ec_imp_code *c, const char *name);
ec_imp_param *ec_imp_param_add(ec_import *im, ec_imp_code *c, const char *name);

/* 'n' bytes of plain text as an errcat message: every `$` doubled. */
char *ec_imp_literal(ec_import *im, const char *text, size_t n);

/* A string made an id ([a-z][a-z0-9_]*): lower case, other characters
** '_', runs of them one, none at either end; "x" prefixed when it would
** not start with a letter. */
char *ec_imp_id(ec_import *im, const char *s, size_t n);

/* The id of a source file's name: its base name less its extension. */
char *ec_imp_path_id(ec_import *im, const char *path);

/* Whether s[0..n) is an identifier ([A-Za-z][A-Za-z0-9_]*). */
bool ec_imp_is_ident(const char *s, size_t n);

#endif
