/* codeindex.h: a hash index of a domain's codes and names, so that
** duplicate checks and classification stay linear in the catalog's size. */
#ifndef EC_CODEINDEX_H
#define EC_CODEINDEX_H

#include "catalog.h"
#include "ident.h"

typedef struct ec_codeindex {
    const ec_domain *dom;
    bool by_name;
    bool spelled;     /* by the spelling 'spelling' of their names (see below) */
    ec_case spelling;
    size_t mask;
    int32_t *slots; /* code number in the domain, -1 for empty */
} ec_codeindex;

/* Indexes the codes of 'dom' (by_name: by their names, which must be set).
** Adding is separate, so a caller can find duplicates as it goes. */
void ec_codeindex_init(ec_codeindex *ix, const ec_domain *dom, bool by_name);
/* Indexes the codes by a spelling of their names (ec_ident_spell) instead,
** spelt when needed rather than kept: a catalog's worth of spellings held
** for the duplicate check was 16 bytes a code at the peak of `check`. A
** find_str's key is a spelling. */
void ec_codeindex_init_spelled(ec_codeindex *ix, const ec_domain *dom, ec_case spelling);
void ec_codeindex_free(ec_codeindex *ix);

/* Adds code i of the domain, unless one with the same key is there:
** returns the index of that earlier code, or -1 after adding. */
int32_t ec_codeindex_add(ec_codeindex *ix, size_t i);

/* The index of the code with this number, string or name; -1 if none. */
int32_t ec_codeindex_find_int(const ec_codeindex *ix, int64_t code);
int32_t ec_codeindex_find_str(const ec_codeindex *ix, const char *s);

#endif
