/* tables.c: index and perfect-hash tables for the C target. */
#include "tables.h"

#include "alloc.h"
#include "phash.h"

#include <stdlib.h>
#include <string.h>

#define PER_ROW 12
#define PAIRS_PER_ROW 6

/* How the C target spells a reference to entry n (see EC_SLOT_EMPTY): its
** byte offset n * ENTRY, FREE, or RETIRED(n). A constant, not a macro: a
** hundred thousand macro calls would slow the compiler by 40%. */
static void put_ref(ec_buf *b, int64_t ref)
{
    if (ref == EC_SLOT_EMPTY)
        ec_buf_puts(b, "FREE");
    else if (ref < EC_SLOT_EMPTY)
        ec_buf_printf(b, "RETIRED(%lld)", (long long)(-2 - ref));
    else
        ec_buf_printf(b, "%lld * ENTRY", (long long)ref);
}

static void put_number(ec_buf *b, int64_t v)
{
    ec_buf_printf(b, "%lld", (long long)v);
}

/* Joins 'n' items put(v[i]), or with 'code' 'n' pairs {code[i], put(v[i])},
** into rows ready for an initializer, each item ending with a comma. */
static ec_value rows(ec_arena *a, const int64_t *code, const int64_t *v, size_t n,
                     void (*put)(ec_buf *, int64_t))
{
    size_t per_row = code ? PAIRS_PER_ROW : PER_ROW;
    ec_builder l;
    ec_builder_init(&l);
    ec_buf row;
    ec_buf_init(&row);
    for (size_t i = 0; i < n; i++) {
        if (i % per_row)
            ec_buf_puts(&row, " ");
        if (code)
            ec_buf_printf(&row, "{%lld, ", (long long)code[i]);
        put(&row, v[i]);
        ec_buf_puts(&row, code ? "}," : ",");
        if (i % per_row == per_row - 1 || i + 1 == n) {
            ec_builder_push(&l, ec_vstr(ec_arena_strndup(a, row.data, row.len)));
            ec_buf_reset(&row);
        }
    }
    ec_buf_free(&row);
    return ec_builder_list(&l, a);
}

/* Seeds or displacements, twelve a row. */
static ec_value rows_u16(ec_arena *a, const uint16_t *v, size_t n)
{
    int64_t *w = ec_xmalloc((n + 1) * sizeof *w);
    for (size_t i = 0; i < n; i++)
        w[i] = v[i];
    ec_value r = rows(a, NULL, w, n, put_number);
    free(w);
    return r;
}

/* The slot value of code i of 'dom' (see EC_SLOT_EMPTY). */
static int64_t slot_value(const ec_domain *dom, size_t i, uint32_t first)
{
    int64_t n = (int64_t)first + (int64_t)i;
    return dom->codes[i].retired ? EC_SLOT_RETIRED(n) : n;
}

ec_value ec_tables_strings(ec_arena *a, const ec_domain *dom, uint32_t first, bool names)
{
    ec_builder b;
    ec_builder_init(&b);
    /* The keys: each code's string or name, then (names) every alias, each
    ** with the code it finds. */
    size_t n = dom->ncodes;
    for (size_t i = 0; names && i < dom->ncodes; i++)
        n += dom->codes[i].naliases;
    const char **key = ec_xmalloc((n + 1) * sizeof *key);
    size_t *owner = ec_xmalloc((n + 1) * sizeof *owner);
    for (size_t i = 0; i < dom->ncodes; i++) {
        key[i] = names ? dom->codes[i].name : dom->codes[i].str;
        owner[i] = i;
    }
    for (size_t i = 0, k = dom->ncodes; names && i < dom->ncodes; i++)
        for (uint32_t j = 0; j < dom->codes[i].naliases; j++, k++) {
            key[k] = dom->codes[i].aliases[j].name;
            owner[k] = i;
        }
    uint64_t *h = ec_xmalloc((n + 1) * sizeof *h);
    for (size_t i = 0; i < n; i++)
        h[i] = ec_hash_str(key[i], strlen(key[i]));
    ec_phash ph;
    if (!ec_phash_build(&ph, n, h))
        ec_oom(); /* distinct strings hash apart all but surely: a seed is
                  ** always found, so a failure is a broken invariant */
    free(h);
    ec_builder_add(&b, "bucket_mask", ec_vint(ph.nbuckets - 1));
    ec_builder_add(&b, "seed_rows", rows_u16(a, ph.seeds, ph.nbuckets));
    ec_builder_add(&b, "nslots", ec_vint(ph.nslots));
    /* The key of each slot beside its entry: a lookup compares with it
    ** without reading the entry. */
    ec_builder l;
    ec_builder_init(&l);
    ec_buf ref;
    ec_buf_init(&ref);
    for (uint32_t i = 0; i < ph.nslots; i++) {
        bool used = ph.slots[i] >= 0;
        ec_buf_reset(&ref);
        put_ref(&ref, used ? slot_value(dom, owner[ph.slots[i]], first) : EC_SLOT_EMPTY);
        ec_builder s;
        ec_builder_init(&s);
        ec_builder_add(&s, "key", used ? ec_vstr(key[ph.slots[i]]) : ec_vnull());
        ec_builder_add(&s, "entry", ec_vstr(ec_arena_strndup(a, ref.data, ref.len)));
        ec_builder_push(&l, ec_builder_map(&s, a));
    }
    ec_buf_free(&ref);
    free(key);
    free(owner);
    ec_builder_add(&b, "slots", ec_builder_list(&l, a));
    ec_phash_free(&ph);
    return ec_builder_map(&b, a);
}

ec_value ec_tables_numbers(ec_arena *a, const ec_domain *dom, uint32_t first)
{
    ec_builder b;
    ec_builder_init(&b);
    size_t n = dom->string_codes ? 0 : dom->ncodes;
    int64_t *codes = ec_xmalloc((n + 1) * sizeof *codes);
    for (size_t i = 0; i < n; i++)
        codes[i] = dom->codes[i].num;
    ec_codetable t;
    if (!ec_codetable_build(&t, n, codes))
        ec_oom(); /* 64 multipliers at four sizes: a failure is a broken invariant */
    size_t ns = (size_t)1 << t.sbits;
    int64_t *code = ec_xmalloc(ns * sizeof *code), *ref = ec_xmalloc(ns * sizeof *ref);
    for (size_t s = 0; s < ns; s++) {
        /* A free slot's code is 0, and its FREE says it is free. */
        code[s] = t.slots[s] < 0 ? 0 : codes[t.slots[s]];
        ref[s] = t.slots[s] < 0 ? EC_SLOT_EMPTY : slot_value(dom, (size_t)t.slots[s], first);
    }
    char mul[32];
    snprintf(mul, sizeof mul, "0x%016llx", (unsigned long long)t.mul);
    ec_builder_add(&b, "dense", ec_vbool(t.dense));
    ec_builder_add(&b, "hashed", ec_vbool(!t.dense));
    ec_builder_add(&b, "multiplier", ec_vstr(ec_arena_strdup(a, mul)));
    ec_builder_add(&b, "slot_shift", ec_vint(64 - (int64_t)t.sbits));
    ec_builder_add(&b, "bucket_shift", ec_vint(t.bshift));
    ec_builder_add(&b, "bucket_mask", ec_vint(((int64_t)1 << t.bbits) - 1));
    ec_builder_add(&b, "nslots", ec_vint((int64_t)ns));
    ec_builder_add(&b, "displacement_rows", rows_u16(a, t.disp, (size_t)1 << t.bbits));
    ec_builder_add(&b, "slot_rows", rows(a, code, ref, ns, put_ref));
    free(code);
    free(ref);
    free(codes);
    ec_codetable_free(&t);
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
        ec_builder_add(&b, "index_rows", rows(a, NULL, idx, (size_t)span, put_ref));
        free(idx);
    }
    return ec_builder_map(&b, a);
}
