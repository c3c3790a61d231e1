/* test_phash.c: the hashes and the perfect-hash builder (gen/phash.c), and
** the C target's tables built on them (gen/tables.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "phash.h"
#include "tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The generated C carries copies of these functions (all but ec_hash_int,
** which errcat's code index uses): pinned values make a change here fail
** until templates/c changes with it (and the goldens). */
static void test_hashes_are_pinned(void **state)
{
    (void)state;
    assert_true(ec_hash_int(1) == 0x17fb89ee9dcab42aULL);
    assert_true(ec_hash_int(-1) == 0x1f9b169def102dcaULL);
    assert_true(ec_hash_str("ab", 2) == 0x3c022282b2e3bd30ULL);
    assert_true(ec_hash_str("QUOTE_EXPIRED", 13) == 0x5add2ccd92f4baafULL);
    assert_int_equal(ec_phash_slot(0x123456789abcdefULL, 7, 1000), 846);
    /* Lengths either side of a word, and one byte apart, differ. */
    assert_true(ec_hash_str("QUOTE_EXPIRED", 13) != ec_hash_str("QUOTE_EXPIREE", 13));
    assert_true(ec_hash_str("abcdefgh", 8) != ec_hash_str("abcdefg", 7));
    assert_true(ec_phash_slot(1, 0, 1000) != ec_phash_slot(1, 1, 1000));
    /* The code table's slot function, as templates/c spells it. */
    uint16_t disp[4] = {0, 5, 0, 9};
    ec_codetable t = {false, 0x9e3779b97f4a7c15ULL, 4, 2, 58, disp, NULL};
    uint64_t h = 12345u * 0x9e3779b97f4a7c15ULL;
    assert_int_equal(ec_codetable_slot(&t, 12345), (uint32_t)(h >> 60) ^ disp[(h >> 58) & 3]);
}

/* Every key is in its own slot, where the slot function puts it, each slot
** holds at most one key, and the bucket count is a power of two. */
static void check_table(const ec_phash *ph, size_t n, const uint64_t *h)
{
    assert_true(ph->nslots >= n && ph->nslots >= 1);
    assert_true(ph->nbuckets >= 1 && (ph->nbuckets & (ph->nbuckets - 1)) == 0);
    size_t used = 0;
    for (uint32_t s = 0; s < ph->nslots; s++) {
        assert_true(ph->slots[s] >= -1 && ph->slots[s] < (int32_t)n);
        used += ph->slots[s] >= 0;
    }
    assert_int_equal(used, n);
    for (size_t i = 0; i < n; i++) {
        uint32_t b = ec_phash_bucket(h[i], ph->nbuckets);
        assert_true(b < ph->nbuckets);
        uint32_t s = ec_phash_slot(h[i], ph->seeds[b], ph->nslots);
        assert_true(s < ph->nslots);
        assert_int_equal(ph->slots[s], (int32_t)i);
    }
}

/* Every code is in the slot the slot function gives it, and no slot holds
** two; the same codes give the same table. */
static void check_codes(const int64_t *codes, size_t n)
{
    ec_codetable a, b;
    assert_true(ec_codetable_build(&a, n, codes));
    assert_true(a.sbits >= 1 && a.sbits < 32);
    size_t ns = (size_t)1 << a.sbits, used = 0;
    assert_true(ns >= n);
    for (size_t s = 0; s < ns; s++) {
        assert_true(a.slots[s] >= -1 && a.slots[s] < (int32_t)n);
        used += a.slots[s] >= 0;
    }
    assert_int_equal(used, n);
    for (size_t i = 0; i < n; i++) {
        uint32_t s = ec_codetable_slot(&a, codes[i]);
        assert_true(s < ns);
        assert_int_equal(a.slots[s], (int32_t)i);
    }
    assert_true(ec_codetable_build(&b, n, codes));
    assert_true(a.dense == b.dense && a.mul == b.mul && a.sbits == b.sbits && a.bbits == b.bbits);
    assert_memory_equal(a.disp, b.disp, ((size_t)1 << a.bbits) * sizeof *a.disp);
    assert_memory_equal(a.slots, b.slots, ns * sizeof *a.slots);
    ec_codetable_free(&a);
    ec_codetable_free(&b);
}

static void build_and_check(size_t n, bool strings)
{
    if (!strings) {
        /* Dense runs, gaps and large negative codes mixed. */
        int64_t *codes = malloc((n + 1) * sizeof *codes);
        assert_non_null(codes);
        for (size_t i = 0; i < n; i++)
            codes[i] = i % 3 == 0 ? (int64_t)i : i % 3 == 1 ? -(int64_t)(i * 1000003) : (int64_t)i << 20;
        check_codes(codes, n);
        free(codes);
        return;
    }
    uint64_t *h = malloc((n + 1) * sizeof *h);
    assert_non_null(h);
    char key[32];
    for (size_t i = 0; i < n; i++) {
        int len = snprintf(key, sizeof key, "ERROR_%zu", i * 7919);
        h[i] = ec_hash_str(key, (size_t)len);
    }
    ec_phash a, b;
    assert_true(ec_phash_build(&a, n, h));
    check_table(&a, n, h);
    /* Deterministic: the same hashes give the same table. */
    assert_true(ec_phash_build(&b, n, h));
    assert_int_equal(a.nbuckets, b.nbuckets);
    assert_int_equal(a.nslots, b.nslots);
    assert_memory_equal(a.seeds, b.seeds, a.nbuckets * sizeof *a.seeds);
    assert_memory_equal(a.slots, b.slots, a.nslots * sizeof *a.slots);
    ec_phash_free(&a);
    ec_phash_free(&b);
    free(h);
}

static void test_empty_and_one(void **state)
{
    (void)state;
    build_and_check(0, false);
    build_and_check(1, false);
    build_and_check(1, true);
}

static void test_numeric_codes(void **state)
{
    (void)state;
    build_and_check(1000, false);
    build_and_check(30000, false);
    build_and_check(200000, false);
}

/* Codes that differ only in their high bits: flags, shifted counters. A
** product's low bits depend only on the factors' low bits, so the table
** takes its slot and bucket from the high bits. */
static void test_codes_apart_in_high_bits_only(void **state)
{
    (void)state;
    int64_t c[64];
    for (size_t k = 0; k < 8; k++)
        c[k] = (int64_t)(k + 1) << 35;
    check_codes(c, 8);
    for (size_t k = 0; k < 17; k++)
        c[k] = (int64_t)1 << (36 + k);
    check_codes(c, 17);
    for (size_t k = 0; k < 20; k++)
        c[k] = (int64_t)(k + 1) << 40;
    check_codes(c, 20);
    for (size_t k = 0; k < 64; k++)
        c[k] = k % 2 ? -((int64_t)1 << (k < 63 ? k : 62)) : (int64_t)((uint64_t)1 << k);
    check_codes(c, 64);
    c[0] = 1;
    c[1] = 3573205585756161;
    check_codes(c, 2);
    c[0] = INT64_MIN, c[1] = INT64_MAX, c[2] = 0, c[3] = -1;
    check_codes(c, 4);
}

/* Many codes that share their low 32 bits (n << 32): a product keeps only
** 32 bits of them in its high half, too few for the slot bits and the
** bucket bits below them at 240,000 codes; the bucket then comes from the
** lowest bits that differ. */
static void test_codes_sharing_low_bits(void **state)
{
    (void)state;
    enum { N = 240000 };
    int64_t *c = malloc(N * sizeof *c);
    char *seen = calloc(2000008, 1);
    assert_non_null(c);
    assert_non_null(seen);
    uint64_t x = 88172645463325252u;
    for (size_t i = 0; i < N;) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        uint64_t j = x % 2000008;
        if (!seen[j]) {
            seen[j] = 1;
            c[i++] = (int64_t)(j << 32 | 5);
        }
    }
    ec_codetable t;
    assert_true(ec_codetable_build(&t, N, c));
    assert_int_equal(t.bshift, 32);
    ec_codetable_free(&t);
    check_codes(c, N);
    free(seen);
    free(c);
}

/* A dense domain (span at most twice its codes) is a direct index: the
** slot of a code is its low bits, one bucket, displacement 0. */
static void test_dense_window(void **state)
{
    (void)state;
    int64_t c[5] = {-3, -1, 0, 2, 4}; /* span 8 */
    ec_codetable t;
    assert_true(ec_codetable_build(&t, 5, c));
    assert_true(t.dense);
    assert_int_equal(t.sbits, 3);
    assert_int_equal(t.bbits, 0);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(ec_codetable_slot(&t, c[i]), (uint32_t)((uint64_t)c[i] & 7));
    ec_codetable_free(&t);
    int64_t sparse[3] = {0, 10, 20}; /* span 21 > 2 * 3 */
    assert_true(ec_codetable_build(&t, 3, sparse));
    assert_false(t.dense);
    assert_true(t.mul & 1);
    ec_codetable_free(&t);
    check_codes(c, 5);
    check_codes(sparse, 3);
    check_codes(NULL, 0);
}

static void test_string_keys(void **state)
{
    (void)state;
    build_and_check(20000, true);
}

/* ---- tables.c ---------------------------------------------------------- */

static const ec_value *get(const ec_value *m, const char *key)
{
    const ec_value *v = ec_map_get(m, key);
    assert_non_null(v);
    return v;
}

/* The bytes that rows of string literals hold, as C reads them and XOR
** EC_BYTE_KEY: every row
** is one literal, with no '?' and no digit that would extend an octal
** escape (see put_literal). The rows are made when read, as the template
** engine reads them (ec_list_at). Returns the length; *out is malloc'd. */
static size_t unliteral(const ec_value *rows, unsigned char **out)
{
    size_t cap = 1, n = 0;
    ec_arena items;
    ec_arena_init(&items);
    for (uint32_t i = 0; i < rows->len; i++)
        cap += strlen(ec_list_at(rows, i, &items).u.s);
    unsigned char *b = malloc(cap);
    assert_non_null(b);
    for (uint32_t i = 0; i < rows->len; i++) {
        const char *r = ec_list_at(rows, i, &items).u.s;
        size_t len = strlen(r);
        assert_true(len >= 2 && r[0] == '"' && r[len - 1] == '"');
        bool short_escape = false;
        for (size_t j = 1; j + 1 < len;) {
            assert_true(r[j] != '"' && r[j] != '?' && (unsigned char)r[j] >= 0x20 && r[j] != 0x7f);
            if (r[j] != '\\') {
                assert_false(short_escape && r[j] >= '0' && r[j] <= '7');
                b[n++] = (unsigned char)(r[j++] ^ EC_BYTE_KEY);
                short_escape = false;
                continue;
            }
            unsigned v = 0, digits = 0;
            for (j++; digits < 3 && r[j] >= '0' && r[j] <= '7'; j++, digits++)
                v = v * 8 + (unsigned)(r[j] - '0');
            assert_true(digits > 0 && v < 256);
            b[n++] = (unsigned char)(v ^ EC_BYTE_KEY);
            short_escape = digits < 3;
        }
    }
    ec_arena_free(&items);
    *out = b;
    return n;
}

static uint64_t le(const unsigned char *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = n; i-- > 0;)
        v = v << 8 | p[i];
    return v;
}

/* The C target's 32-bit reference to entry n, FREE, or retired entry n. */
#define REF(n) ((uint32_t)(n) * EC_ENTRY_SIZE)
#define REF_RETIRED(n) (EC_REF_FREE - 1 - (uint32_t)(n) * EC_ENTRY_SIZE)

/* A dense domain's table is a direct index: its multiplier keeps a code's
** low bits. Its slots hold each code beside its entry's reference: entry
** n's byte offset, FREE in a hole, REF_RETIRED(n) for a retired code. The
** names' table has the same references, the retired one included, each
** beside its key's offset in the string pool. */
static void test_dense_slots(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_code codes[3];
    memset(codes, 0, sizeof codes);
    ec_code_more retired = ec_no_more;
    retired.retired = "";
    codes[0].num = 10, codes[0].name = "A", codes[0].more = &ec_no_more;
    codes[1].num = 12, codes[1].name = "B", codes[1].more = &retired;
    codes[2].num = 13, codes[2].name = "C", codes[2].more = &ec_no_more;
    ec_domain dom;
    memset(&dom, 0, sizeof dom);
    dom.codes = codes, dom.ncodes = 3;
    ec_value t = ec_tables_numbers(&a, &dom, 5, false);
    assert_true(get(&t, "dense")->u.b);
    assert_false(get(&t, "hashed")->u.b);
    assert_string_equal(get(&t, "multiplier")->u.s, "0x4000000000000000");
    assert_int_equal(get(&t, "slot_shift")->u.i, 62);
    assert_int_equal(get(&t, "bucket_mask")->u.i, 0);
    assert_int_equal(get(&t, "nslots")->u.i, 4);
    unsigned char *b;
    /* A window of 4 slots, a code's slot its value mod 4: 12, 13, 10, free. */
    assert_int_equal(unliteral(get(&t, "slot_rows"), &b), 4 * 8);
    const int64_t want_code[4] = {12, 13, 10, 0};
    const uint32_t want_ref[4] = {REF_RETIRED(6), REF(7), REF(5), EC_REF_FREE};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal((int32_t)le(b + 8 * i, 4), want_code[i]);
        assert_int_equal(le(b + 8 * i + 4, 4), want_ref[i]);
    }
    free(b);
    assert_int_equal(unliteral(get(&t, "displacement_rows"), &b), 2);
    assert_int_equal(le(b, 2), 0);
    free(b);
    ec_strpool *pool = ec_strpool_new();
    assert_int_equal(ec_strpool_add(pool, "B"), 0);
    assert_int_equal(ec_strpool_add(pool, "A"), 2);
    assert_int_equal(ec_strpool_add(pool, "C"), 4);
    ec_value names = ec_tables_strings(&a, pool, &dom, 5, true);
    size_t n = unliteral(get(&names, "slot_rows"), &b);
    assert_int_equal(get(&names, "nslots")->u.i * 8, n);
    int found = 0;
    for (size_t i = 0; i < n; i += 8) {
        uint32_t key = (uint32_t)le(b + i, 4), ref = (uint32_t)le(b + i + 4, 4);
        if (key == EC_STR_NONE) {
            assert_int_equal(ref, EC_REF_FREE);
            continue;
        }
        found++;
        assert_int_equal(ref, key == 2 ? REF(5) : key == 0 ? REF_RETIRED(6) : REF(7));
    }
    assert_int_equal(found, 3);
    free(b);
    assert_int_equal(ec_strpool_strings(&a, pool).len, 3); /* no key added twice */
    assert_int_equal(get(&names, "seed_rows")->kind, EC_VLAZY); /* rows made when read */
    ec_strpool_free(pool);
    ec_arena_free(&a);
}

/* A sparse numeric domain is hashed: an odd multiplier, a displacement per
** bucket, every code in its slot; wide codes take 8 bytes a slot's code. A
** string domain's numeric table is empty, and its codes have a table of
** their own. */
static void test_hashed_and_string_tables(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_code codes[2];
    memset(codes, 0, sizeof codes);
    codes[0].num = -1000000, codes[0].name = "A", codes[0].more = &ec_no_more;
    codes[1].num = 1000000, codes[1].name = "B", codes[1].more = &ec_no_more;
    ec_domain dom;
    memset(&dom, 0, sizeof dom);
    dom.codes = codes, dom.ncodes = 2;
    for (int wide = 0; wide < 2; wide++) {
        size_t slot = wide ? 12 : 8;
        ec_value t = ec_tables_numbers(&a, &dom, 0, wide);
        assert_true(get(&t, "hashed")->u.b);
        assert_int_equal(get(&t, "nslots")->u.i, 4);
        unsigned char *b;
        assert_int_equal(unliteral(get(&t, "slot_rows"), &b), 4 * slot);
        int found = 0;
        for (size_t i = 0; i < 4 * slot; i += slot) {
            int64_t code = wide ? (int64_t)le(b + i, 8) : (int32_t)le(b + i, 4);
            uint32_t ref = (uint32_t)le(b + i + slot - 4, 4);
            if (ref == EC_REF_FREE)
                continue;
            found++;
            assert_int_equal(ref, code == -1000000 ? REF(0) : REF(1));
            assert_true(code == -1000000 || code == 1000000);
        }
        assert_int_equal(found, 2);
        free(b);
    }
    codes[0].is_string = codes[1].is_string = true;
    codes[0].str = "X", codes[1].str = "Y";
    dom.string_codes = true;
    ec_value t = ec_tables_numbers(&a, &dom, 0, false);
    unsigned char *b;
    size_t n = unliteral(get(&t, "slot_rows"), &b);
    for (size_t i = 0; i < n; i += 8)
        assert_int_equal(le(b + i + 4, 4), EC_REF_FREE);
    free(b);
    ec_strpool *pool = ec_strpool_new();
    ec_value strings = ec_tables_strings(&a, pool, &dom, 0, false);
    assert_int_equal(unliteral(get(&strings, "slot_rows"), &b), 8 * get(&strings, "nslots")->u.i);
    free(b);
    ec_strpool_free(pool);
    ec_arena_free(&a);
}

/* Every byte survives the literal, digits after short escapes and '?'
** included; the pool keeps each string once, at the offset first given. */
static void test_entry_records(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_strpool *pool = ec_strpool_new();
    ec_centry e[2];
    memset(e, 0, sizeof e);
    e[0] = (ec_centry){"m??", "d", "h", "1", "ONE", NULL, -7, 0, 0, 3, 0, 404, 0, EC_CF_RETIRED};
    e[1] = (ec_centry){"m??", "d", "", NULL, NULL, "ui", 0, 5, 2, 1, -1, 0, 2, 0xff};
    ec_value rows = ec_tables_entries(&a, pool, e, 2);
    assert_int_equal(rows.len, 2);
    unsigned char *b;
    assert_int_equal(unliteral(&rows, &b), 2 * EC_ENTRY_SIZE);
    const unsigned char *r = b;
    assert_int_equal(le(r, 4), 0);       /* "m??" */
    assert_int_equal(le(r + 4, 4), 4);   /* "d" */
    assert_int_equal(le(r + 8, 4), 6);   /* "h" */
    assert_int_equal(le(r + 12, 4), 8);  /* "1" */
    assert_int_equal(le(r + 16, 4), 10); /* "ONE" */
    assert_int_equal(le(r + 20, 4), 0); /* none */
    assert_int_equal((int64_t)le(r + 24, 8), -7);
    assert_int_equal(le(r + 40, 4), 3);
    assert_int_equal(le(r + 44, 4), 0);
    assert_int_equal(le(r + 48, 2), 404);
    assert_int_equal(r[51], EC_CF_RETIRED);
    r += EC_ENTRY_SIZE;
    assert_int_equal(le(r, 4), 0);
    assert_int_equal(le(r + 8, 4), 14); /* "" */
    assert_int_equal(le(r + 12, 4), 0);
    assert_int_equal(le(r + 20, 4), 15); /* "ui" */
    assert_int_equal(le(r + 32, 4), 5);
    assert_int_equal(le(r + 36, 4), 2);
    assert_int_equal(le(r + 44, 4), EC_STR_NONE);
    assert_int_equal(r[50], 2);
    assert_int_equal(r[51], 0xff);
    free(b);
    ec_value strs = ec_strpool_strings(&a, pool);
    assert_int_equal(strs.len, 7);
    assert_string_equal(strs.u.items[6].u.s, "ui");
    /* Rows of the pool: NULs between, written whole before a digit. */
    assert_int_equal(ec_strpool_add(pool, "7up"), 18);
    ec_value prow = ec_strpool_rows(&a, pool);
    assert_int_equal(prow.len, 1);
    assert_string_equal(ec_list_at(&prow, 0, &a).u.s,
                        "\"m\\?\\?\\0d\\0h\\0001\\0ONE\\0\\0ui\\0007up\\0\"");
    /* A row ends past 100 bytes of literal: 9 strings of 10 bytes, then 9, then 7. */
    ec_strpool *many = ec_strpool_new();
    char names[25][24];
    for (int i = 0; i < 25; i++) {
        snprintf(names[i], sizeof names[i], "s%02d-xxxxxx", i);
        ec_strpool_add(many, names[i]);
    }
    prow = ec_strpool_rows(&a, many);
    assert_int_equal(prow.len, 3);
    assert_string_equal(ec_list_at(&prow, 1, &a).u.s,
                        "\"s09-xxxxxx\\0s10-xxxxxx\\0s11-xxxxxx\\0s12-xxxxxx\\0s13-xxxxxx\\0"
                        "s14-xxxxxx\\0s15-xxxxxx\\0s16-xxxxxx\\0s17-xxxxxx\\0\"");
    assert_int_equal(ec_list_at(&prow, 2, &a).len, 2 + 7 * 12);
    ec_strpool_free(many);
    /* Bytes that are written as escapes, and digits after short ones. */
    static const unsigned char written[12] = {0, '7', 8, '0', 077, '1', 0377, '2', '?', '"', '\\', 0x7f};
    unsigned char all[12];
    for (size_t i = 0; i < 12; i++)
        all[i] = written[i] ^ EC_BYTE_KEY;
    ec_centry odd = {0};
    odd.code = (int64_t)le(all, 8);
    odd.params = (uint32_t)le(all + 8, 4);
    rows = ec_tables_entries(&a, pool, &odd, 1);
    assert_int_equal(unliteral(&rows, &b), EC_ENTRY_SIZE);
    assert_memory_equal(b + 24, all, 12);
    free(b);
    ec_strpool_free(pool);
    ec_arena_free(&a);
}

static void test_wide_codes(void **state)
{
    (void)state;
    ec_code codes[2];
    memset(codes, 0, sizeof codes);
    codes[0].num = INT32_MIN, codes[1].num = INT32_MAX;
    ec_domain dom;
    memset(&dom, 0, sizeof dom);
    dom.codes = codes, dom.ncodes = 2;
    ec_catalog c;
    memset(&c, 0, sizeof c);
    c.domains = &dom, c.ndomains = 1;
    assert_false(ec_tables_wide_codes(&c));
    codes[1].num = (int64_t)INT32_MAX + 1;
    assert_true(ec_tables_wide_codes(&c));
    codes[1].is_string = true; /* a string code has no number to store */
    assert_false(ec_tables_wide_codes(&c));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hashes_are_pinned),
        cmocka_unit_test(test_empty_and_one),
        cmocka_unit_test(test_numeric_codes),
        cmocka_unit_test(test_codes_apart_in_high_bits_only),
        cmocka_unit_test(test_dense_window),
        cmocka_unit_test(test_codes_sharing_low_bits),
        cmocka_unit_test(test_string_keys),
        cmocka_unit_test(test_dense_slots),
        cmocka_unit_test(test_hashed_and_string_tables),
        cmocka_unit_test(test_entry_records),
        cmocka_unit_test(test_wide_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
