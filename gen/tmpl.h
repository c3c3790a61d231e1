/* tmpl.h: the Mustache template engine. It passes the official suite's core
** modules plus ~inheritance and ~dynamic-names (not ~lambdas: data has no
** code). A template is compiled once into a tree of nodes that knows the
** line:col of every tag, with standalone lines already removed, and is then
** rendered any number of times against an ec_value tree. The engine knows
** nothing of error catalogs.
**
** Choices where the suite says nothing:
** - falsy values are those of ec_value_truthy (null, false, 0, "", []);
** - a name like "a..b" or "a b" is a compile error, not a silent miss;
** - indentation of a standalone partial is not added to empty lines, so
**   generated code gets no trailing blanks;
** - a block ({{$b}}) whose opening tag stands alone on its line re-indents
**   its content by that content's first line, also when the closing tag is
**   not alone on its line;
** - a block whose closing tag stands alone on its line expands to whole
**   lines: content passed inline ({{$b}}text{{/b}}) gets a line end. */
#ifndef EC_TMPL_H
#define EC_TMPL_H

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "value.h"

#include <stdbool.h>
#include <stddef.h>

/* Sections, partials, parents and blocks entered at once while rendering;
** one more is reported as "template nesting deeper than N levels". */
#define EC_TMPL_MAX_DEPTH 100

/* Context frames a render may start with (ec_tmpl_render_stack). */
#define EC_TMPL_MAX_BASE 4

/* A compiled template: immutable after compile, lives in the env's arena. */
typedef struct ec_tmpl ec_tmpl;

/* Supplies the source of partial or parent 'name'. Returns false when there
** is none (the suite says a missing partial renders as nothing). On true,
** '*text' and '*len' hold the source, which need only last until the call
** returns to the engine (it is copied), and '*file' a name for diagnostics
** (copied too; NULL means the partial's own name). */
typedef bool (*ec_tmpl_source_fn)(void *ud, const char *name, const char **text, size_t *len,
                                  const char **file);

typedef struct ec_tmpl_slot ec_tmpl_slot; /* private: one cached partial */

typedef struct ec_tmpl_env {
    ec_arena *arena;          /* templates live here, partials too (compiled once, cached) */
    ec_tmpl_source_fn source; /* may be NULL: no partials */
    void *source_ud;
    ec_escape_fn escape;      /* for {{x}} (html by default, NULL: raw); {{{x}}} {{&x}} are raw */
    ec_escape_fn comment_escape; /* for {{%comment x}} (ec_escape_comment by default; raw
                                 ** when 'escape' is NULL) */
    ec_escape_fn prose; /* for {{%prose x}}, catalog prose (inline.h): the html's by default;
                        ** NULL: its plain text escaped by 'escape'. Raw when 'escape'
                        ** is NULL. */
    ec_escape_fn prose_comment; /* for {{%prose-comment x}}; NULL (the default): its
                                ** plain text escaped by 'comment_escape' */
    ec_diag *diag;
    /* private: the partial cache, an open-addressing table by name */
    ec_tmpl_slot *slots;
    size_t nslots, used;
    /* private: per name part compiled, where it was last found in a map */
    uint32_t *hints;
    size_t nhints, caphints;
} ec_tmpl_env;

/* Sets up 'env' with no partials and HTML escaping; fill in source,
** source_ud and escape afterwards. 'a' and 'd' must outlive the env and
** every template compiled with it (diagnostics point into 'a'). */
void ec_tmpl_env_init(ec_tmpl_env *env, ec_arena *a, ec_diag *d);

/* Sets the env's escapers to those of language 'L' (lang.h): {{x}}'s, the
** comment's and prose's; NULL: none but the generic comment escaper, and
** prose as plain text. */
struct ec_language;
void ec_tmpl_env_language(ec_tmpl_env *env, const struct ec_language *L);

/* Frees the partial cache and the lookup hints (the templates themselves
** are in the arena). */
void ec_tmpl_env_free(ec_tmpl_env *env);

/* Compiles 'len' bytes of 'text', named 'file' in diagnostics (both are
** copied into the arena; NULL names it "<template>"). Returns NULL after reporting the first error as
** 'file:line:col: error: ...': an unclosed tag, an unclosed or mismatched
** section (with a note at its opening tag), a bad delimiter tag, an empty
** or malformed tag name. The template lives in the env's arena. */
ec_tmpl *ec_tmpl_compile(ec_tmpl_env *env, const char *file, const char *text, size_t len);

/* Returns the partial 'name', compiling it on first use, or NULL when the
** source has none (nothing reported) or it failed to compile (reported the
** first time); '*failed', unless 'failed' is NULL, tells the two apart.
** Cached in the env, failures included: the source is asked once per name. */
const ec_tmpl *ec_tmpl_partial(ec_tmpl_env *env, const char *name, bool *failed);

/* Renders 't', compiled with this same 'env' (its name hints live there),
** against the context 'data' (NULL: a null), appending to 'out'. Returns
** false after reporting, positioned at the tag: nesting deeper than
** EC_TMPL_MAX_DEPTH (a partial that includes itself forever), or a partial
** that fails to compile. 'out' then holds a partial result. */
bool ec_tmpl_render(ec_tmpl_env *env, const ec_tmpl *t, const ec_value *data, ec_buf *out);

/* As ec_tmpl_render, against a context stack of 'n' (at most
** EC_TMPL_MAX_BASE) frames, the innermost last: a name not found in one
** frame is looked for in the frames below it, as inside sections. */
bool ec_tmpl_render_stack(ec_tmpl_env *env, const ec_tmpl *t, const ec_value *const *stack,
                          size_t n, ec_buf *out);

#endif
