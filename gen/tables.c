/* tables.c: index and perfect-hash tables for the C target. */
#include "tables.h"

#include "phash.h"

#include <stdlib.h>
#include <string.h>

#define PER_ROW 12
#define PAIRS_PER_ROW 6

/* Joins 'n' numbers into rows of PER_ROW, each row ending with a comma. */
static ec_value rows_i64(ec_arena *a, const int64_t *v, size_t n)
{
    ec_builder l;
    ec_builder_init(&l);
    ec_buf row;
    ec_buf_init(&row);
    for (size_t i = 0; i < n; i++) {
        ec_buf_printf(&row, "%s%lld,", i % PER_ROW ? " " : "", (long long)v[i]);
        if (i % PER_ROW == PER_ROW - 1 || i + 1 == n) {
            ec_builder_push(&l, ec_vstr(ec_arena_strndup(a, row.data, row.len)));
            ec_buf_reset(&row);
        }
    }
    ec_buf_free(&row);
    return ec_builder_list(&l, a);
}

/* Joins 'n' pairs {code[i], entry[i]} into rows of PAIRS_PER_ROW. */
static ec_value rows_pairs(ec_arena *a, const int64_t *code, const int64_t *entry, size_t n)
{
    ec_builder l;
    ec_builder_init(&l);
    ec_buf row;
    ec_buf_init(&row);
    for (size_t i = 0; i < n; i++) {
        ec_buf_printf(&row, "%s{%lld, %lld},", i % PAIRS_PER_ROW ? " " : "", (long long)code[i],
                      (long long)entry[i]);
        if (i % PAIRS_PER_ROW == PAIRS_PER_ROW - 1 || i + 1 == n) {
            ec_builder_push(&l, ec_vstr(ec_arena_strndup(a, row.data, row.len)));
            ec_buf_reset(&row);
        }
    }
    ec_buf_free(&row);
    return ec_builder_list(&l, a);
}

/* The slot value of code i of 'dom' (see EC_SLOT_EMPTY). */
static int64_t slot_value(const ec_domain *dom, size_t i, uint32_t first)
{
    int64_t n = (int64_t)first + (int64_t)i;
    return dom->codes[i].retired ? EC_SLOT_RETIRED(n) : n;
}

/* The hash of code i of 'dom', by name or by code. */
static uint64_t key_hash(const ec_domain *dom, size_t i, bool names)
{
    const ec_code *e = &dom->codes[i];
    if (names)
        return ec_hash_str(e->name, strlen(e->name));
    if (e->is_string)
        return ec_hash_str(e->str, strlen(e->str));
    return ec_hash_int(e->num);
}

static void add_phash(ec_arena *a, ec_builder *b, const ec_domain *dom, bool names, uint32_t first)
{
    uint64_t *h = ec_xmalloc((dom->ncodes + 1) * sizeof *h);
    for (size_t i = 0; i < dom->ncodes; i++)
        h[i] = key_hash(dom, i, names);
    ec_phash ph;
    if (!ec_phash_build(&ph, dom->ncodes, h))
        ec_oom(); /* distinct codes hash apart (and strings all but surely): a seed
                  ** is always found, so a failure is a broken invariant */
    free(h);
    size_t nmax = ph.nslots > ph.nbuckets ? ph.nslots : ph.nbuckets;
    int64_t *tmp = ec_xmalloc(nmax * sizeof *tmp), *codes = ec_xmalloc(nmax * sizeof *codes);
    for (uint32_t i = 0; i < ph.nbuckets; i++)
        tmp[i] = ph.seeds[i];
    ec_builder_add(b, "bucket_mask", ec_vint(ph.nbuckets - 1));
    ec_builder_add(b, "seed_rows", rows_i64(a, tmp, ph.nbuckets));
    ec_builder_add(b, "nslots", ec_vint(ph.nslots));
    for (uint32_t i = 0; i < ph.nslots; i++)
        tmp[i] = ph.slots[i] < 0 ? EC_SLOT_EMPTY : slot_value(dom, (size_t)ph.slots[i], first);
    if (names || dom->string_codes) {
        /* The name (or string code) of each slot beside its entry: a lookup
        ** compares with it without reading the entry. */
        ec_builder l;
        ec_builder_init(&l);
        for (uint32_t i = 0; i < ph.nslots; i++) {
            const ec_code *e = ph.slots[i] < 0 ? NULL : &dom->codes[ph.slots[i]];
            ec_builder s;
            ec_builder_init(&s);
            ec_builder_add(&s, "key", e ? ec_vstr(names ? e->name : e->str) : ec_vnull());
            ec_builder_add(&s, "entry", ec_vint(tmp[i]));
            ec_builder_push(&l, ec_builder_map(&s, a));
        }
        ec_builder_add(b, "slots", ec_builder_list(&l, a));
    } else {
        /* The code of each slot beside its entry, so a lookup checks it in
        ** the same cache line (0 in a free slot, whose entry says it is free). */
        for (uint32_t i = 0; i < ph.nslots; i++)
            codes[i] = ph.slots[i] < 0 ? 0 : dom->codes[ph.slots[i]].num;
        ec_builder_add(b, "slot_rows", rows_pairs(a, codes, tmp, ph.nslots));
    }
    free(tmp);
    free(codes);
    ec_phash_free(&ph);
}

/* A domain is dense when a direct index wastes at most half its slots. */
static bool dense(const ec_domain *dom, int64_t *min, uint64_t *span)
{
    if (dom->string_codes || !dom->ncodes)
        return false;
    int64_t lo = dom->codes[0].num, hi = lo;
    for (size_t i = 1; i < dom->ncodes; i++) {
        if (dom->codes[i].num < lo)
            lo = dom->codes[i].num;
        if (dom->codes[i].num > hi)
            hi = dom->codes[i].num;
    }
    uint64_t d = (uint64_t)hi - (uint64_t)lo; /* exact even from INT64_MIN to INT64_MAX */
    if (d >= 2 * (uint64_t)dom->ncodes)
        return false;
    *min = lo;
    *span = d + 1;
    return true;
}

ec_value ec_tables_codes(ec_arena *a, const ec_domain *dom, uint32_t first, ec_value *names)
{
    ec_builder b;
    ec_builder_init(&b);
    int64_t min = 0;
    uint64_t span = 0;
    bool is_dense = dense(dom, &min, &span);
    ec_builder_add(&b, "dense", ec_vbool(is_dense));
    ec_builder_add(&b, "hashed", ec_vbool(!is_dense));
    ec_builder_add(&b, "min", ec_vint(min));
    if (is_dense) {
        int64_t *idx = ec_xmalloc(span * sizeof *idx);
        for (uint64_t i = 0; i < span; i++)
            idx[i] = EC_SLOT_EMPTY;
        for (size_t i = 0; i < dom->ncodes; i++)
            idx[(uint64_t)dom->codes[i].num - (uint64_t)min] = slot_value(dom, i, first);
        ec_builder_add(&b, "span", ec_vint((int64_t)span));
        ec_builder_add(&b, "index_rows", rows_i64(a, idx, span));
        free(idx);
    } else {
        ec_builder_add(&b, "span", ec_vint(0));
        add_phash(a, &b, dom, false, first);
    }
    ec_builder n;
    ec_builder_init(&n);
    add_phash(a, &n, dom, true, first);
    *names = ec_builder_map(&n, a);
    return ec_builder_map(&b, a);
}

bool ec_tables_codes_fit_int32(const ec_domain *dom)
{
    for (size_t i = 0; i < dom->ncodes; i++) {
        const ec_code *e = &dom->codes[i];
        if (!e->is_string && (e->num < INT32_MIN || e->num > INT32_MAX))
            return false;
    }
    return true;
}

bool ec_tables_wide_codes(const ec_catalog *c)
{
    for (size_t d = 0; d < c->ndomains; d++)
        if (!ec_tables_codes_fit_int32(&c->domains[d]))
            return true;
    return false;
}

ec_value ec_tables_statuses(ec_arena *a, const ec_status *s, size_t n, uint32_t first)
{
    ec_builder b;
    ec_builder_init(&b);
    if (n) {
        int64_t min = s[0].status, span = s[n - 1].status - min + 1;
        int64_t *idx = ec_xmalloc((size_t)span * sizeof *idx);
        for (int64_t i = 0; i < span; i++)
            idx[i] = EC_SLOT_EMPTY;
        for (size_t i = 0; i < n; i++)
            idx[s[i].status - min] = (int64_t)(first + i);
        ec_builder_add(&b, "min", ec_vint(min));
        ec_builder_add(&b, "span", ec_vint(span));
        ec_builder_add(&b, "index_rows", rows_i64(a, idx, (size_t)span));
        free(idx);
    }
    return ec_builder_map(&b, a);
}
