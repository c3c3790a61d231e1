/* doc.h: YAML (and so JSON) text to a positioned value tree, through
** libyaml's event API. The only file that includes <yaml.h>. */
#ifndef EC_DOC_H
#define EC_DOC_H

#include "value.h"

typedef struct ec_doc_limits {
    unsigned max_depth;       /* nesting of lists and maps */
    size_t max_alias_nodes;   /* nodes reachable through aliases, in total */
} ec_doc_limits;

extern const ec_doc_limits ec_doc_default_limits;

/* Parses one YAML document of 'len' bytes. 'file' names it in positions and
** must outlive the tree. Scalars resolve by the YAML 1.2 core schema: plain
** null/~/empty, true/false, integers (decimal, 0x, 0o) and floats; anything
** quoted or tagged !!str is a string. Rejects, reporting to 'd': invalid
** YAML or UTF-8, several documents, duplicate or non-scalar keys, NUL in a
** string, integers beyond 64 bits, nesting and alias expansion past the
** limits. Returns true and sets '*out' on success; the tree lives in 'a'. */
bool ec_doc_parse(ec_arena *a, const char *file, const char *text, size_t len,
                  const ec_doc_limits *lim, ec_diag *d, ec_value *out);

/* The same, with the tree's nodes (values, list and map arrays) in 'nodes'
** and its strings (scalars, keys) in 'strings': a caller that keeps only
** strings, or copies what else it keeps (ec_value_copy), then frees the
** nodes. */
bool ec_doc_parse_split(ec_arena *nodes, ec_arena *strings, const char *file, const char *text,
                        size_t len, const ec_doc_limits *lim, ec_diag *d, ec_value *out);

#endif
