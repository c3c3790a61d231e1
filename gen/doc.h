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

/* Streaming: the items of a list chosen by 'open' are handed to 'item' one
** at a time, as soon as each is parsed, and the nodes of each are released
** after (its strings stay): a file's largest list (a domain's codes) never
** has to be held whole. 'open' is called when a list without an anchor
** starts as the value of a map member: 'keys' holds, for each of the
** 'depth' collections around it from the document's top, the key it is
** under in a map (NULL in a list), the last one the list's own key; 'map'
** the members of the innermost map parsed so far; 'at' where the list
** starts. It returns a context for 'item', or NULL to keep the list in the
** tree. A streamed list stays in the tree empty, at 'at'. */
typedef struct ec_doc_stream {
    void *(*open)(void *ud, const char *const *keys, unsigned depth, const ec_builder *map,
                  ec_loc at);
    void (*item)(void *ud, void *ctx, const ec_value *item);
    void *ud;
    /* When not NULL: told of the bytes [from, to) of the text the parser
    ** has read, which it reads again only for a diagnostic, so that a
    ** caller whose text is a file mapping can let their pages go. */
    void (*release)(void *ud, size_t from, size_t to);
} ec_doc_stream;

/* The same as ec_doc_parse, with the tree's nodes (values, list and map
** arrays) in 'nodes' and its strings (scalars, keys) in 'strings': a caller
** that keeps only strings, or copies what else it keeps (ec_value_copy),
** then frees the nodes. The text as written ('raw') of a scalar that is
** not a string is a node's: ec_value_copy does not keep it. 'stream' may be NULL; with one, 'nodes' and
** 'strings' must be different arenas. */
bool ec_doc_parse_split(ec_arena *nodes, ec_arena *strings, const char *file, const char *text,
                        size_t len, const ec_doc_limits *lim, const ec_doc_stream *stream,
                        ec_diag *d, ec_value *out);

#endif
