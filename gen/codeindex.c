/* codeindex.c: open addressing with linear probing over a power-of-two
** table at most half full. */
#include "codeindex.h"

#include "alloc.h"
#include "phash.h"

#include <stdlib.h>
#include <string.h>

/* The string key of code i: its code or name, or the spelling of its name
** in 'buf' (room for 'cap' bytes) or, for a long name, in '*heap' (which
** the caller frees). */
static const char *key_str(const ec_codeindex *ix, size_t i, char *buf, size_t cap, char **heap)
{
    const ec_code *e = &ix->dom->codes[i];
    if (!ix->spelled)
        return ix->by_name ? e->name : e->str;
    const char *name = e->name ? e->name : "";
    size_t need = 2 * strlen(name) + 1;
    char *out = need <= cap ? buf : (*heap = ec_xmalloc(need));
    ec_ident_spell_to(out, name, ix->spelling);
    return out;
}

#define KEY_BUF 128

static bool is_str(const ec_codeindex *ix)
{
    return ix->spelled || ix->by_name || ix->dom->string_codes;
}

static size_t hash_of(const ec_codeindex *ix, size_t i)
{
    if (is_str(ix)) {
        char buf[KEY_BUF], *heap = NULL;
        const char *s = key_str(ix, i, buf, sizeof buf, &heap);
        size_t h = ec_hash_str(s, strlen(s));
        free(heap);
        return h;
    }
    return ec_hash_int(ix->dom->codes[i].num);
}

/* Whether code i's string key is 's'. */
static bool key_is(const ec_codeindex *ix, size_t i, const char *s)
{
    char buf[KEY_BUF], *heap = NULL;
    bool eq = strcmp(key_str(ix, i, buf, sizeof buf, &heap), s) == 0;
    free(heap);
    return eq;
}

static bool same(const ec_codeindex *ix, size_t i, size_t j)
{
    if (!is_str(ix))
        return ix->dom->codes[i].num == ix->dom->codes[j].num;
    char buf[KEY_BUF], *heap = NULL;
    bool eq = key_is(ix, i, key_str(ix, j, buf, sizeof buf, &heap));
    free(heap);
    return eq;
}

void ec_codeindex_init(ec_codeindex *ix, const ec_domain *dom, bool by_name)
{
    size_t size = 16;
    while (size < 2 * dom->ncodes)
        size *= 2;
    ix->dom = dom;
    ix->by_name = by_name;
    ix->spelled = false;
    ix->mask = size - 1;
    ix->slots = ec_xmalloc(size * sizeof *ix->slots);
    for (size_t i = 0; i < size; i++)
        ix->slots[i] = -1;
}

void ec_codeindex_init_spelled(ec_codeindex *ix, const ec_domain *dom, ec_case spelling)
{
    ec_codeindex_init(ix, dom, true);
    ix->spelled = true;
    ix->spelling = spelling;
}

void ec_codeindex_free(ec_codeindex *ix)
{
    free(ix->slots);
    ix->slots = NULL;
}

int32_t ec_codeindex_add(ec_codeindex *ix, size_t i)
{
    size_t h = hash_of(ix, i) & ix->mask;
    for (; ix->slots[h] >= 0; h = (h + 1) & ix->mask)
        if (same(ix, (size_t)ix->slots[h], i))
            return ix->slots[h];
    ix->slots[h] = (int32_t)i;
    return -1;
}

int32_t ec_codeindex_find_int(const ec_codeindex *ix, int64_t code)
{
    size_t h = ec_hash_int(code) & ix->mask;
    for (; ix->slots[h] >= 0; h = (h + 1) & ix->mask)
        if (ix->dom->codes[ix->slots[h]].num == code)
            return ix->slots[h];
    return -1;
}

int32_t ec_codeindex_find_str(const ec_codeindex *ix, const char *s)
{
    size_t h = ec_hash_str(s, strlen(s)) & ix->mask;
    for (; ix->slots[h] >= 0; h = (h + 1) & ix->mask)
        if (key_is(ix, (size_t)ix->slots[h], s))
            return ix->slots[h];
    return -1;
}
