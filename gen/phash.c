/* phash.c: hash-and-displace construction (Belazzougui, Botelho and
** Dietzfelbinger's CHD, without its compression): keys fall into buckets,
** and the largest buckets first search for a seed that puts all their keys
** in free slots. 2 to 4 keys a bucket and 10% spare slots keep the search
** short at any size. Numeric codes get a cheaper variant at the end: one
** multiply in place of a hash, and a displacement xored into the slot in
** place of a seed that rehashes. */
#include "phash.h"

#include "alloc.h"
#include "arena.h"

#include <stdlib.h>
#include <string.h>

/* Two rounds of multiply and xor-shift: enough to spread every input bit
** over the half of the word the tables use, and cheap at lookup time. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ULL;
    x ^= x >> 32;
    return x;
}

/* Eight bytes as a little-endian word on any machine (compilers make it
** one load where that is what the machine does). */
static uint64_t load64(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
           (uint64_t)p[7] << 56;
}

uint64_t ec_hash_str(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w = 0;
    if (n < 8) {
        for (size_t i = 0; i < n; i++)
            w |= (uint64_t)u[i] << (8 * i);
        return mix64((h ^ w) * 0xbf58476d1ce4e5b9ULL);
    }
    /* Eight bytes a step; the last word overlaps the one before it. */
    for (size_t i = 0; i + 8 < n; i += 8) {
        h = (h ^ load64(u + i)) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 29;
    }
    return mix64((h ^ load64(u + n - 8)) * 0x94d049bb133111ebULL);
}

/* A multiply alone is not enough for a table indexed by low bits: bit i of
** a product only reaches bits i and up, so codes that differ only in high
** bits (flags, 1 << 40, ...) would collide. mix64 folds the high half down
** and multiplies again. A bijection: distinct codes, distinct hashes. */
uint64_t ec_hash_int(int64_t v)
{
    return mix64((uint64_t)v * 0x9e3779b97f4a7c15ULL);
}

static uint32_t reduce(uint32_t x, uint32_t n)
{
    return (uint32_t)(((uint64_t)x * n) >> 32);
}

/* A mask, not a multiply: nbuckets is a power of two. */
uint32_t ec_phash_bucket(uint64_t h, uint32_t nbuckets)
{
    return (uint32_t)(h >> 32) & (nbuckets - 1);
}

/* The seed flips low bits of the hash, and the multiply carries them into
** the high half that picks the slot; the hashes are mixed, so the keys of a
** bucket differ in their low bits and each seed scatters them anew. */
uint32_t ec_phash_slot(uint64_t h, uint32_t seed, uint32_t nslots)
{
    return reduce((uint32_t)(((h ^ seed) * 0xd6e8feb86659fd93ULL) >> 32), nslots);
}

typedef struct bucket {
    uint32_t id;
    uint32_t n;
    uint32_t first; /* into the keys-by-bucket array */
} bucket;

static int by_size_then_id(const void *a, const void *b)
{
    const bucket *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Groups the keys by bucket (key_bucket[i] is key i's): bk[b] counts them
** and order[] lists them bucket after bucket from bk[b].first; then the
** buckets are sorted largest first, as the search places them. */
static void group_keys(bucket *bk, uint32_t nb, const uint32_t *key_bucket, size_t n, uint32_t *order)
{
    for (uint32_t b = 0; b < nb; b++)
        bk[b] = (bucket){b, 0, 0};
    for (size_t i = 0; i < n; i++)
        bk[key_bucket[i]].n++;
    uint32_t pos = 0;
    for (uint32_t b = 0; b < nb; b++) {
        bk[b].first = pos;
        pos += bk[b].n;
        bk[b].n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        bucket *b = &bk[key_bucket[i]];
        order[b->first + b->n++] = (uint32_t)i;
    }
    qsort(bk, nb, sizeof *bk, by_size_then_id);
}

void ec_phash_free(ec_phash *ph)
{
    free(ph->seeds);
    free(ph->slots);
    memset(ph, 0, sizeof *ph);
}

/* Seeds are 16-bit: a bucket that no seed below 2^16 places makes the
** attempt fail, and the next attempt has more spare slots. */
#define MAX_SEED_TRIES (1u << 16)

static bool try_build(ec_phash *ph, size_t n, const uint64_t *h)
{
    uint32_t nb = ph->nbuckets, ns = ph->nslots;
    bucket *bk = ec_xmalloc(nb * sizeof *bk);
    uint32_t *home = ec_xmalloc((n ? n : 1) * sizeof *home);
    uint32_t *order = ec_xmalloc((n ? n : 1) * sizeof *order);
    uint32_t *taken = ec_xmalloc(ns * sizeof *taken); /* generation marks */
    uint32_t *tried = ec_xmalloc(16 * sizeof *tried);
    size_t tried_cap = 16;
    memset(taken, 0, ns * sizeof *taken);
    for (size_t i = 0; i < n; i++)
        home[i] = ec_phash_bucket(h[i], nb);
    group_keys(bk, nb, home, n, order);
    for (uint32_t s = 0; s < ns; s++)
        ph->slots[s] = -1;
    bool ok = true;
    uint32_t gen = 0;
    for (uint32_t bi = 0; bi < nb && ok; bi++) {
        const bucket *b = &bk[bi];
        if (b->n == 0) {
            ph->seeds[b->id] = 0;
            continue;
        }
        if (b->n > tried_cap) {
            tried_cap = b->n;
            tried = ec_xrealloc(tried, tried_cap * sizeof *tried);
        }
        bool placed = false;
        for (uint32_t seed = 1; seed < MAX_SEED_TRIES && !placed; seed++) {
            gen++;
            placed = true;
            for (uint32_t k = 0; k < b->n; k++) {
                uint32_t slot = ec_phash_slot(h[order[b->first + k]], seed, ns);
                /* A slot is busy when an earlier bucket filled it or this
                ** bucket claimed it in this try (taken[] == gen). */
                if (ph->slots[slot] >= 0 || taken[slot] == gen) {
                    placed = false;
                    break;
                }
                taken[slot] = gen;
                tried[k] = slot;
            }
            if (placed) {
                ph->seeds[b->id] = (uint16_t)seed;
                for (uint32_t k = 0; k < b->n; k++)
                    ph->slots[tried[k]] = (int32_t)order[b->first + k];
            }
        }
        ok = placed;
    }
    free(bk);
    free(home);
    free(order);
    free(taken);
    free(tried);
    return ok;
}

bool ec_phash_build(ec_phash *ph, size_t n, const uint64_t *h)
{
    memset(ph, 0, sizeof *ph);
    for (int attempt = 0; attempt < 4; attempt++) {
        ph->nbuckets = 1; /* a power of two, for 2 to 4 keys a bucket */
        while (ph->nbuckets < n / 4 + 1)
            ph->nbuckets *= 2;
        ph->nslots = (uint32_t)(n + n / (8 >> attempt) + 1);
        ph->seeds = ec_xrealloc(ph->seeds, ph->nbuckets * sizeof *ph->seeds);
        ph->slots = ec_xrealloc(ph->slots, ph->nslots * sizeof *ph->slots);
        if (try_build(ph, n, h))
            return true;
    }
    return false;
}

/* ---- numeric codes: one multiply and a displacement ---------------------- */

static uint32_t bucket_of(const ec_codetable *t, uint64_t h)
{
    return (uint32_t)(h >> t->bshift) & ((1u << t->bbits) - 1);
}

uint32_t ec_codetable_slot(const ec_codetable *t, int64_t code)
{
    uint64_t h = (uint64_t)code * t->mul;
    return (uint32_t)(h >> (64 - t->sbits)) ^ t->disp[bucket_of(t, h)];
}

void ec_codetable_free(ec_codetable *t)
{
    free(t->disp);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* The direct index: codes within 2^sbits of each other differ in their low
** sbits, so each has a slot of its own. */
static bool dense_table(ec_codetable *t, size_t n, const int64_t *codes)
{
    int64_t lo = codes[0], hi = codes[0];
    for (size_t i = 1; i < n; i++) {
        lo = codes[i] < lo ? codes[i] : lo;
        hi = codes[i] > hi ? codes[i] : hi;
    }
    uint64_t span = (uint64_t)hi - (uint64_t)lo; /* less one; exact across all of int64 */
    if (span >= 2 * (uint64_t)n)
        return false;
    t->dense = true;
    t->sbits = 1;
    while (((uint64_t)1 << t->sbits) <= span)
        t->sbits++;
    t->mul = (uint64_t)1 << (64 - t->sbits);
    t->bbits = 0;
    /* Any shift picks the one bucket; not 0, since a shift by a count of 0
    ** keeps the flags, and x86 then waits for the instruction that set them
    ** (measured: 0.1 ns a lookup). */
    t->bshift = 64 - t->sbits;
    t->disp = ec_xmalloc(sizeof *t->disp);
    t->disp[0] = 0;
    size_t ns = (size_t)1 << t->sbits;
    t->slots = ec_xmalloc(ns * sizeof *t->slots);
    for (size_t s = 0; s < ns; s++)
        t->slots[s] = -1;
    for (size_t i = 0; i < n; i++)
        t->slots[ec_codetable_slot(t, codes[i])] = (int32_t)i;
    return true;
}

/* The k-th odd multiplier tried (splitmix64's outputs). */
static uint64_t multiplier(uint32_t k)
{
    uint64_t z = 0x9e3779b97f4a7c15ULL * (k + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (z ^ (z >> 31)) | 1;
}

/* One multiplier: buckets, largest first, each take the first displacement
** that puts all their keys in free slots. */
static bool try_codes(ec_codetable *t, size_t n, const int64_t *codes, uint32_t *home, uint32_t *which,
                      uint32_t *order, bucket *bk)
{
    uint32_t nb = 1u << t->bbits, ns = 1u << t->sbits;
    uint32_t dmax = ns < 65536 ? ns : 65536;
    for (size_t i = 0; i < n; i++) {
        uint64_t h = (uint64_t)codes[i] * t->mul;
        home[i] = (uint32_t)(h >> (64 - t->sbits));
        which[i] = bucket_of(t, h);
    }
    group_keys(bk, nb, which, n, order);
    for (uint32_t s = 0; s < ns; s++)
        t->slots[s] = -1;
    for (uint32_t bi = 0; bi < nb; bi++) {
        const bucket *b = &bk[bi];
        const uint32_t *keys = order + b->first;
        /* The keys of a bucket move together: two with one home slot never
        ** part, whatever the displacement. */
        for (uint32_t k = 1; k < b->n; k++)
            for (uint32_t j = 0; j < k; j++)
                if (home[keys[j]] == home[keys[k]])
                    return false;
        uint32_t d = 0;
        for (; b->n && d < dmax; d++) {
            uint32_t k = 0;
            while (k < b->n && t->slots[home[keys[k]] ^ d] < 0)
                k++;
            if (k == b->n)
                break;
        }
        if (d == dmax)
            return false;
        t->disp[b->id] = (uint16_t)d;
        for (uint32_t k = 0; k < b->n; k++)
            t->slots[home[keys[k]] ^ d] = (int32_t)keys[k];
    }
    return true;
}

#define MULTIPLIERS 64

bool ec_codetable_build(ec_codetable *t, size_t n, const int64_t *codes)
{
    memset(t, 0, sizeof *t);
    if (n && dense_table(t, n, codes))
        return true;
    /* Load at most 0.95, 1 to 4 keys a bucket; a table that no multiplier
    ** builds is tried again twice as large. */
    unsigned sbits = 1, bbits = 0;
    while ((double)((uint64_t)1 << sbits) * 0.95 < (double)n)
        sbits++;
    while (((uint64_t)4 << bbits) < n)
        bbits++;
    /* The low bits every code shares, which every product keeps as zeros. */
    uint64_t differ = 0;
    unsigned same = 0;
    for (size_t i = 1; i < n; i++)
        differ |= (uint64_t)codes[i] ^ (uint64_t)codes[0];
    while (differ && !(differ >> same & 1))
        same++;
    uint32_t *home = ec_xmalloc((n ? n : 1) * sizeof *home);
    uint32_t *which = ec_xmalloc((n ? n : 1) * sizeof *which);
    uint32_t *order = ec_xmalloc((n ? n : 1) * sizeof *order);
    bucket *bk = ec_xmalloc(((size_t)1 << bbits) * sizeof *bk);
    t->disp = ec_xmalloc(((size_t)1 << bbits) * sizeof *t->disp);
    bool ok = false;
    for (unsigned grow = 0; grow < 4 && !ok && sbits + grow < 32; grow++) {
        t->sbits = sbits + grow;
        t->bbits = bbits;
        t->bshift = 64 - t->sbits - bbits >= same ? 64 - t->sbits - bbits : same;
        t->slots = ec_xrealloc(t->slots, ((size_t)1 << t->sbits) * sizeof *t->slots);
        for (uint32_t k = 0; k < MULTIPLIERS && !ok; k++) {
            t->mul = multiplier(k);
            ok = try_codes(t, n, codes, home, which, order, bk);
        }
    }
    free(home);
    free(which);
    free(order);
    free(bk);
    return ok;
}
