/* codeindex.c: open addressing with linear probing over a power-of-two
** table at most half full. */
#include "codeindex.h"

#include "alloc.h"
#include "phash.h"

#include <stdlib.h>
#include <string.h>

static const char *key_str(const ec_codeindex *ix, size_t i)
{
    if (ix->keys)
        return ix->keys[i];
    const ec_code *e = &ix->dom->codes[i];
    return ix->by_name ? e->name : e->str;
}

static bool is_str(const ec_codeindex *ix)
{
    return ix->keys || ix->by_name || ix->dom->string_codes;
}

static size_t hash_of(const ec_codeindex *ix, size_t i)
{
    if (is_str(ix)) {
        const char *s = key_str(ix, i);
        return ec_hash_str(s, strlen(s));
    }
    return ec_hash_int(ix->dom->codes[i].num);
}

static bool same(const ec_codeindex *ix, size_t i, size_t j)
{
    if (is_str(ix))
        return strcmp(key_str(ix, i), key_str(ix, j)) == 0;
    return ix->dom->codes[i].num == ix->dom->codes[j].num;
}

void ec_codeindex_init(ec_codeindex *ix, const ec_domain *dom, bool by_name)
{
    size_t size = 16;
    while (size < 2 * dom->ncodes)
        size *= 2;
    ix->dom = dom;
    ix->by_name = by_name;
    ix->keys = NULL;
    ix->mask = size - 1;
    ix->slots = ec_xmalloc(size * sizeof *ix->slots);
    for (size_t i = 0; i < size; i++)
        ix->slots[i] = -1;
}

void ec_codeindex_init_keys(ec_codeindex *ix, const ec_domain *dom, const char *const *keys)
{
    ec_codeindex_init(ix, dom, true);
    ix->keys = keys;
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
        if (strcmp(key_str(ix, (size_t)ix->slots[h]), s) == 0)
            return ix->slots[h];
    return -1;
}
