/* phash.h: hashing, and minimal perfect hashing (hash and displace) for the
** C target's O(1) lookups by code and by name. The generated C carries the
** same functions; a change here must change templates/c too. */
#ifndef EC_PHASH_H
#define EC_PHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 64-bit hashes of a byte string and of an integer. */
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

#endif
