/* test_arena.c: the bump allocator (gen/arena.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "alloc.h"
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#define ALIGNMENT (_Alignof(max_align_t))

static int is_aligned(const void *p)
{
    return ((uintptr_t)p % ALIGNMENT) == 0;
}

/* Every allocation, of any size, is aligned for any type. */
static void test_alignment_of_every_allocation(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    for (size_t n = 0; n < 300; n++) {
        void *p = ec_arena_alloc(&a, n % 37);
        assert_non_null(p);
        assert_true(is_aligned(p));
    }
    /* Strings are packed byte to byte, and do not misalign what follows. */
    char *s1 = ec_arena_strdup(&a, "ab"), *s2 = ec_arena_strdup(&a, "cd");
    assert_ptr_equal(s2, s1 + 3);
    assert_string_equal(s1, "ab");
    for (int i = 0; i < 50; i++) {
        char *s = ec_arena_strndup(&a, "abcdefg", (size_t)(i % 7));
        assert_int_equal(strlen(s), (size_t)(i % 7));
        long double *ld = ec_arena_alloc(&a, sizeof *ld);
        assert_true(is_aligned(ld));
        *ld = 1.0L; /* UBSan would flag a misaligned store */
    }
    ec_arena_free(&a);
}

/* Allocations are zeroed, including memory a previous block recycled. */
static void test_allocations_are_zeroed(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    for (int round = 0; round < 3; round++) {
        for (size_t n = 1; n < 2000; n += 97) {
            unsigned char *p = ec_arena_alloc(&a, n);
            for (size_t i = 0; i < n; i++)
                assert_int_equal(p[i], 0);
            memset(p, 0xAB, n); /* dirty it: the next allocation must not see this */
        }
        ec_arena_free(&a);
    }
}

/* Allocations never overlap: each keeps its own bytes. */
/* ec_arena_take: aligned like ec_arena_alloc, after a string too, and
** never overlapping what came before. */
static void test_take_is_aligned_and_apart(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    unsigned char *prev = NULL;
    for (size_t n = 1; n < 200; n++) {
        ec_arena_strndup(&a, "xyz", n % 3);
        unsigned char *p = ec_arena_take(&a, n);
        assert_true(is_aligned(p));
        memset(p, (int)n, n);
        if (prev)
            assert_int_equal(prev[0], (unsigned char)(n - 1)); /* not overwritten */
        prev = p;
    }
    ec_arena_free(&a);
}

/* ec_arena_join: the three parts end to end, empty ones included, packed
** like strings. */
static void test_join(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    char *s = ec_arena_join(&a, "order", "-", "quote-expired");
    assert_string_equal(s, "order-quote-expired");
    char *t = ec_arena_join(&a, "", "--", "");
    assert_string_equal(t, "--");
    assert_ptr_equal(t, s + strlen(s) + 1);
    ec_arena_free(&a);
}

static void test_allocations_do_not_overlap(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    enum { N = 500 };
    unsigned char *ptrs[N];
    size_t sizes[N];
    for (size_t i = 0; i < N; i++) {
        sizes[i] = 1 + (i * 13) % 200;
        ptrs[i] = ec_arena_alloc(&a, sizes[i]);
        memset(ptrs[i], (int)(i & 0xff), sizes[i]);
    }
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < sizes[i]; j++)
            assert_int_equal(ptrs[i][j], i & 0xff);
    ec_arena_free(&a);
}

/* A request larger than any block gets memory of its own, fully usable. */
static void test_large_allocation_beyond_block_size(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    char *small = ec_arena_alloc(&a, 10);
    strcpy(small, "before");
    size_t big = (size_t)1 << 20; /* far beyond the 4 KiB first block */
    unsigned char *p = ec_arena_alloc(&a, big);
    assert_true(is_aligned(p));
    assert_int_equal(p[0], 0);
    assert_int_equal(p[big - 1], 0);
    memset(p, 0x5a, big); /* ASan reports any overflow of the block */
    char *after = ec_arena_alloc(&a, 10);
    strcpy(after, "after");
    assert_string_equal(small, "before");
    assert_string_equal(after, "after");
    assert_int_equal(p[big / 2], 0x5a);
    /* Even larger than the 64 MiB block cap. */
    size_t huge = ((size_t)64 << 20) + 100;
    unsigned char *h = ec_arena_alloc(&a, huge);
    h[huge - 1] = 1;
    assert_int_equal(h[huge - 2], 0);
    assert_true(a.total >= big + huge);
    ec_arena_free(&a);
}

static void test_zero_size_allocation(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    void *p = ec_arena_alloc(&a, 0);
    void *q = ec_arena_alloc(&a, 1);
    assert_non_null(p);
    assert_non_null(q);
    assert_true(is_aligned(q));
    ec_arena_free(&a);
}

static void test_strndup_copies_and_terminates(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    const char src[] = "hello, world";
    char *s = ec_arena_strndup(&a, src, 5);
    assert_string_equal(s, "hello");
    assert_ptr_not_equal(s, src);
    char *e = ec_arena_strndup(&a, src, 0);
    assert_string_equal(e, "");
    /* Only n bytes are read: the source need not be terminated. */
    const char unterminated[3] = {'a', 'b', 'c'};
    assert_string_equal(ec_arena_strndup(&a, unterminated, 3), "abc");
    char *d = ec_arena_strdup(&a, src);
    assert_string_equal(d, src);
    d[0] = 'J';
    assert_string_equal(src, "hello, world");
    ec_arena_free(&a);
}

static void test_printf_formats_into_arena(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    assert_string_equal(ec_arena_printf(&a, "%s-%d-%05.1f", "x", 42, 3.14159), "x-42-003.1");
    assert_string_equal(ec_arena_printf(&a, "%s", ""), "");
    /* Longer than the first block. */
    char longs[6000];
    memset(longs, 'q', sizeof longs - 1);
    longs[sizeof longs - 1] = '\0';
    char *p = ec_arena_printf(&a, "<%s>", longs);
    assert_int_equal(strlen(p), sizeof longs + 1);
    assert_int_equal(p[0], '<');
    assert_int_equal(p[sizeof longs], '>');
    assert_true(is_aligned(p));
    ec_arena_free(&a);
}

/* ec_arena_free releases everything and leaves an arena ready for reuse. */
static void test_free_and_reuse(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    for (int i = 0; i < 100; i++)
        ec_arena_alloc(&a, 1000);
    assert_non_null(a.head);
    assert_true(a.total >= 100000);
    ec_arena_free(&a);
    assert_null(a.head);
    assert_int_equal(a.total, 0);
    char *s = ec_arena_strdup(&a, "again");
    assert_string_equal(s, "again");
    ec_arena_free(&a);
    ec_arena_free(&a); /* freeing an empty arena is harmless */
    assert_null(a.head);
}

/* Release frees what came after its mark, nested marks included, and
** keeps one block for what comes next. */
static void test_mark_and_release(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    char *kept = ec_arena_strdup(&a, "kept");
    ec_arena_point outer = ec_arena_mark(&a);
    size_t total = a.total;
    for (int item = 0; item < 3; item++) {
        ec_arena_point p = ec_arena_mark(&a);
        char *big = ec_arena_alloc(&a, 100000); /* a block of its own */
        big[99999] = 1;
        ec_arena_point inner = ec_arena_mark(&a);
        ec_arena_alloc(&a, 10);
        ec_arena_release(&a, inner);
        assert_int_equal(a.total, total + 100000);
        ec_arena_release(&a, p);
        assert_int_equal(a.total, total);
        assert_non_null(a.spare); /* the big block waits for the next item */
    }
    ec_arena_release(&a, outer);
    assert_string_equal(kept, "kept");
    /* What follows a release reuses the memory after the mark. */
    char *next = ec_arena_strdup(&a, "x");
    assert_ptr_equal(next, kept + 5);
    ec_arena_free(&a);
    assert_null(a.spare);
}

/* Adopted memory survives a release and goes with the arena (the leak
** and asan groups see it freed once). */
static void test_adopt(void **state)
{
    (void)state;
    ec_arena a;
    ec_arena_init(&a);
    ec_arena_point p = ec_arena_mark(&a);
    char *grown = ec_xrealloc(ec_xmalloc(4), 1 << 20);
    memcpy(grown, "kept", 5);
    ec_arena_adopt(&a, grown);
    ec_arena_adopt(&a, ec_xmalloc(8));
    ec_arena_release(&a, p);
    assert_string_equal(grown, "kept");
    ec_arena_free(&a);
    assert_null(a.owned);
}

static void test_xmalloc_xrealloc(void **state)
{
    (void)state;
    char *p = ec_xmalloc(0); /* never NULL, even for 0 bytes */
    assert_non_null(p);
    p = ec_xrealloc(p, 16);
    memcpy(p, "0123456789abcde", 16);
    p = ec_xrealloc(p, 1 << 16);
    assert_string_equal(p, "0123456789abcde");
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alignment_of_every_allocation),
        cmocka_unit_test(test_allocations_are_zeroed),
        cmocka_unit_test(test_take_is_aligned_and_apart),
        cmocka_unit_test(test_join),
        cmocka_unit_test(test_allocations_do_not_overlap),
        cmocka_unit_test(test_large_allocation_beyond_block_size),
        cmocka_unit_test(test_zero_size_allocation),
        cmocka_unit_test(test_strndup_copies_and_terminates),
        cmocka_unit_test(test_printf_formats_into_arena),
        cmocka_unit_test(test_free_and_reuse),
        cmocka_unit_test(test_mark_and_release),
        cmocka_unit_test(test_xmalloc_xrealloc),
        cmocka_unit_test(test_adopt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
