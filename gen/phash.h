/* phash.h: hashing and perfect hashing for the C target's O(1) lookups: a
** minimal perfect hash (hash and displace) of names and symbolic codes,
** and a table of numeric codes. The generated C carries the same string
** hash and slot functions; a change here must change templates/c too. */
#ifndef EC_PHASH_H
#define EC_PHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 64-bit hashes of a byte string and of an integer (the latter for
** errcat's own code index: the C target's code tables multiply). */
uint64_t ec_hash_str(const char *s, size_t n);
uint64_t ec_hash_int(int64_t v);

/* A table where the key of hash h lives in
** slots[ec_phash_slot(h, seeds[ec_phash_bucket(h, nbuckets)], nslots)]
** (slots holds the key's number, or -1 for a free slot): one hash per key,
** then a multiply and a shift where a division would cost more. Seeds fit
** in 16 bits, so the seed array is half the size of 32-bit ones and more of
** it stays in cache. */
typedef struct ec_phash {
    uint32_t nbuckets, nslots; /* nbuckets is a power of two */
    uint16_t *seeds; /* nbuckets */
    int32_t *slots;  /* nslots */
} ec_phash;

uint32_t ec_phash_bucket(uint64_t h, uint32_t nbuckets);
uint32_t ec_phash_slot(uint64_t h, uint32_t seed, uint32_t nslots);

/* Builds the table for 'n' distinct keys whose hashes are h[0..n).
** Deterministic: the same hashes give the same table. Returns false only
** when no table was found (which distinct hashes make practically
** impossible); the caller frees with ec_phash_free either way. */
bool ec_phash_build(ec_phash *ph, size_t n, const uint64_t *h);
void ec_phash_free(ec_phash *ph);

/* The table of a domain's numeric codes: one multiply, two shifts and one
** small load from code to slot, with no branch, so that a lookup costs the
** same for a dense domain and a sparse one:
**   h = code * mul
**   slot = h >> (64 - sbits) ^ disp[h >> bshift & (2^bbits - 1)]
** Dense codes (a span at most twice their number) get a direct index: mul
** is 2^(64 - sbits), so the slot is the code's low sbits (a window onto
** [min, min + 2^sbits)), and there is one bucket whose displacement is 0.
** Other codes get a perfect hash: an odd mul, and a displacement per bucket
** found by the builder. The bucket is the bbits below the slot's, unless
** every code ends in the same low bits (codes such as n << 32): their
** product keeps those bits as zeros, so the bucket is then taken from the
** lowest bits that differ. slots holds the key's number, or -1 when free. */
typedef struct ec_codetable {
    bool dense;
    uint64_t mul;
    unsigned sbits, bbits; /* 2^sbits slots, 2^bbits buckets */
    unsigned bshift;
    uint16_t *disp;
    int32_t *slots;
} ec_codetable;

uint32_t ec_codetable_slot(const ec_codetable *t, int64_t code);

/* Builds the table of 'n' distinct codes. Deterministic; false only when no
** multiplier separates the codes (practically impossible); the caller frees
** with ec_codetable_free either way. */
bool ec_codetable_build(ec_codetable *t, size_t n, const int64_t *codes);
void ec_codetable_free(ec_codetable *t);

#endif
