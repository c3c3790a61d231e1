/* phash.c: hash-and-displace construction (Belazzougui, Botelho and
** Dietzfelbinger's CHD, without its compression): keys fall into buckets,
** and the largest buckets first search for a seed that puts all their keys
** in free slots. 2 to 4 keys a bucket and 10% spare slots keep the search
** short at any size. */
#include "phash.h"

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

/* A multiply alone is not enough: bit i of a product only reaches bits i
** and up, so codes that differ only in high bits (flags, 1 << 40, ...)
** would share a bucket and collide under every seed. mix64 folds the high
** half down and multiplies again. A bijection: distinct codes, distinct
** hashes. */
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
    for (uint32_t b = 0; b < nb; b++)
        bk[b] = (bucket){b, 0, 0};
    for (size_t i = 0; i < n; i++) {
        home[i] = ec_phash_bucket(h[i], nb);
        bk[home[i]].n++;
    }
    uint32_t pos = 0;
    for (uint32_t b = 0; b < nb; b++) {
        bk[b].first = pos;
        pos += bk[b].n;
        bk[b].n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        bucket *b = &bk[home[i]];
        order[b->first + b->n++] = (uint32_t)i;
    }
    qsort(bk, nb, sizeof *bk, by_size_then_id);
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
