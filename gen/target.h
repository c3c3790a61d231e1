/* target.h: the target table and the rendering of a catalog's outputs. */
#ifndef EC_TARGET_H
#define EC_TARGET_H

#include "catalog.h"

/* A built-in target: one row per target, nothing else in C. Templates live
** in templates/<name>/; each *.mustache file (but partials, _*.mustache)
** renders one output file, named by the file name less .mustache, with
** "{id}" replaced by the catalog id; one holding "{page}" renders one file
** per page of the catalog (a domain, or a run of its codes). {{x}} escapes as the language of the
** output file's extension does (lang.h: .json, .html, .md, .h, .c, .py, .ts,
** .go, .rs, ...), else as the row's language. */
typedef struct ec_target {
    const char *name;
    const char *escape; /* its language (lang.h), for {{x}} in other files */
    const char *summary;
    /* A target without templates writes one JSON file: */
    const char *file;                          /* its name ("{id}" replaced) */
    void (*json)(const ec_catalog *c, ec_buf *out); /* its content */
    bool on_request;                 /* built only when named with -t */
    /* Codes per page at most, for templates named with {page} (target.c):
    ** 0, a page per domain. */
    unsigned page_codes;
    /* Docs: rendered again for each locale a catalog ships, with its
    ** texts, into a folder named by its tag (ec_view_build_locale). */
    bool per_locale;
} ec_target;

extern const ec_target ec_targets[];
extern const size_t ec_ntargets;

/* One rendered file, relative to the output root. */
typedef struct ec_output {
    char *path;
    char *data;
    size_t len;
} ec_output;

typedef struct ec_outputs {
    ec_output *v;
    size_t n, cap;
    char **inputs;          /* every template file read, for depfiles */
    uint64_t *input_hashes; /* of the bytes read from each, for build stamps */
    /* Optional, where an output file's bytes go while it is rendered, so
    ** that no large file is held whole: begin(sink_ud, path) names the
    ** file (as its ec_output will), spill gets its bytes so far, done the
    ** ec_output with the rest (and frees its data). */
    void (*begin)(void *ud, const char *path);
    void (*spill)(void *ud, const char *data, size_t n);
    void (*done)(void *ud, ec_output *x);
    void *sink_ud;
    size_t ninputs, cap_inputs;
} ec_outputs;

void ec_outputs_free(ec_outputs *o);

/* Moves the outputs and inputs of 'from' after those of 'o' and frees
** 'from' (the callbacks of 'o' are not called). */
void ec_outputs_adopt(ec_outputs *o, ec_outputs *from);

/* Where the built-in templates are: $ERRCAT_TEMPLATES, else next to the
** executable (../templates from the build folder, ../share/errcat/templates
** once installed). Returns a malloc'd path or NULL. */
char *ec_builtin_templates_dir(const char *argv0);

/* Names of the targets a build makes by default, found in 'builtin' and
** 'user' (either may be NULL): the table's targets first (but those built
** only on request), then user-only folders in name order. Returns
** a malloc'd array of malloc'd names and sets *n. */
char **ec_target_names(const char *builtin, const char *user, size_t *n);

/* A hash of the folder listings a build of targets 'names' (every default
** target when 'n' is 0) depends on: the target folders of 'builtin' and
** 'user' (either may be NULL), and the template files in each target's.
** A build stamp keeps it, so that adding or removing a template rebuilds. */
uint64_t ec_target_listing_hash(const char *builtin, const char *user, const char *const *names,
                                size_t n);

/* Whether target 'name' renders templates, against the template view:
** all but a JSON target that 'user' (may be NULL) does not override. */
bool ec_target_needs_view(const char *name, const char *user);

/* Renders target 'name' of catalog 'c' into 'out' (paths
** "<id>/<target>/<file>"). Templates come from 'user' (may be NULL) before
** 'builtin'. 'view' caches the template view across targets: pass the same
** value, null at first. Once 'view' is built, nothing of 'c' is written to:
** targets may then render on several threads at once, each with its own
** 'out' and 'd'. Returns false after reporting. */
bool ec_target_render(ec_catalog *c, const char *name, const char *builtin, const char *user,
                      ec_value *view, ec_outputs *out, ec_diag *d);

/* Renders the index templates of target 'name' (the folder
** <target>/index/, whose templates may also use the target's partials)
** against 'view', a tree of several catalogs; outputs are named by their
** file alone ("index.html"). Returns false after reporting. */
bool ec_target_render_index(const ec_value *view, const char *name, const char *builtin,
                            const char *user, ec_outputs *out, ec_diag *d);

/* Lists the files each target writes, for `errcat targets`. */
void ec_target_list(const char *builtin, const char *user, FILE *f);

#endif
