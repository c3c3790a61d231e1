/* lang.h: what errcat knows of each language it writes, one file a
** language: gen/lang_<name>.c holds its descriptor (its name, the output
** files it writes, how text is spelt in its literals and comments, its
** reserved words), and lang.c lists the descriptors. The machinery that
** runs them stays shared: escape.c (the escaping loops), ident.c (case
** conversion and the reserved-word test).
**
** Adding a language (Kotlin, say):
**   1. gen/lang_kotlin.c defines `const ec_language ec_lang_kotlin`, most
**      often an ec_literal table run by ec_escape_literal (escape.h), with
**      its reserved words; gen/lang_rust.c is a complete example.
**   2. One row: its name below and &ec_lang_kotlin in ec_languages (lang.c).
**   3. templates/kotlin/, and the target's row in ec_targets (target.c),
**      which names the language whose escaper its other files take. */
#ifndef EC_LANG_H
#define EC_LANG_H

#include "escape.h"

#include <stddef.h>

/* Reserved words, each list sorted by strcmp for bsearch. */
typedef struct ec_reserved {
    const char *by;           /* whom a warning names: "C++" */
    const char *const *words; /* NULL for none */
    size_t n;
} ec_reserved;

/* An ec_reserved of the array 'words'. */
#define EC_RESERVED(by, words) {(by), (words), sizeof(words) / sizeof *(words)}

/* No reserved word is longer (a unit test checks): a name with more
** letters and digits than this needs no look-up. */
#define EC_RESERVED_LONGEST 16

typedef struct ec_language {
    const char *name; /* its escaper's name (ec_escape_find, --escape) */
    /* Endings of the output files it writes (".h", ".c"), NULL-ended: a
    ** template's {{x}} escapes by its output file's ending first. */
    const char *const *extensions;
    ec_escape_fn escape;  /* {{x}} */
    ec_escape_fn comment; /* {{%comment x}}; NULL: ec_escape_comment */
    /* {{%prose x}}: catalog prose (CommonMark inline text, inline.h) as
    ** the language shows it, markup and all (html, markdown). NULL: its
    ** plain text (ec_inline_plain), escaped as {{x}} is; {{%prose-comment
    ** x}} writes 'prose_comment', or when that is NULL the plain text,
    ** escaped as {{%comment x}} is. */
    ec_escape_fn prose;
    /* {{%prose-comment x}} in a language whose doc comments are Markdown
    ** (Rust's): the prose as Markdown (ec_inline_markdown), so that what is
    ** not markup stays inert there too, then escaped for the comment. */
    ec_escape_fn prose_comment;
    /* The words a name must not be spelt as: the language's own, and those
    ** of a dialect its output must also compile as (C's header in C++). A
    ** name that clashes in any language gets a trailing '_' in every
    ** language (view.c), so that all outputs spell it alike. */
    ec_reserved reserved[2];
} ec_language;

extern const ec_language ec_lang_c, ec_lang_python, ec_lang_typescript, ec_lang_go,
    ec_lang_rust, ec_lang_json, ec_lang_html, ec_lang_markdown, ec_lang_po;

/* Every language. Order matters only to warnings: a word reserved in
** several languages is reported as the first one's. */
extern const ec_language *const ec_languages[];
extern const size_t ec_nlanguages;

/* The language named 'name', or NULL. */
const ec_language *ec_language_find(const char *name);

/* The language whose output files end as 'file' does, or NULL. */
const ec_language *ec_language_of_file(const char *file);

#endif
