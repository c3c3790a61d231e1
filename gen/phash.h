/* phash.h: minimal perfect hashing (hash and displace) for the C target's
** O(1) lookups by code and by name. The generated C carries the same two
** hash functions; a change here must change templates/c too. */
#ifndef EC_PHASH_H
#define EC_PHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 32-bit hashes of a byte string and of a 64-bit integer under a seed. */
uint32_t ec_phash_str(const char *s, size_t n, uint32_t seed);
uint32_t ec_phash_int(int64_t v, uint32_t seed);

/* A table where key i lives in slots[ hash(key, seeds[hash(key, 0) % nbuckets]) % nslots ]
** (slots holds i, or -1 for a free slot). */
typedef struct ec_phash {
    uint32_t nbuckets, nslots;
    uint32_t *seeds; /* nbuckets */
    int32_t *slots;  /* nslots */
} ec_phash;

/* Builds the table for 'n' keys whose hashes under a seed 'hash' gives:
** hash(ctx, i, seed). Keys must be distinct. Deterministic: the same keys
** give the same table. Returns false only when no table was found (which
** distinct keys make practically impossible); the caller frees with
** ec_phash_free either way. */
typedef uint32_t (*ec_phash_fn)(const void *ctx, size_t i, uint32_t seed);
bool ec_phash_build(ec_phash *ph, size_t n, ec_phash_fn hash, const void *ctx);
void ec_phash_free(ec_phash *ph);

#endif
