/* arena.c: bump allocator with geometrically growing blocks. */
#include "arena.h"

#include "alloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ec_arena_block {
    ec_arena_block *next;
    size_t used, size;
    max_align_t data[];
};

struct ec_arena_owned {
    ec_arena_owned *next;
    void *p;
};

#define ALIGN (sizeof(max_align_t))
#define FIRST_BLOCK 4096u

void ec_arena_init(ec_arena *a)
{
    a->head = a->spare = NULL;
    a->total = 0;
    a->owned = NULL;
}

/* 'n' bytes at a multiple of 'align' (a power of two), not cleared. */
static void *take(ec_arena *a, size_t n, size_t align)
{
    ec_arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->size || b->size - at < n) {
        /* Grow geometrically so a large catalog costs few mallocs, but a
        ** huge single request gets a block of its own size. */
        size_t size = b ? b->size * 2 : FIRST_BLOCK;
        if (size > (size_t)64 << 20)
            size = (size_t)64 << 20;
        if (size < n)
            size = n;
        if (size > SIZE_MAX - sizeof *b)
            ec_oom();
        if (a->spare && a->spare->size >= size) {
            b = a->spare; /* item after item of a lazy list: no malloc */
            a->spare = NULL;
        } else {
            b = ec_xmalloc(sizeof *b + size);
            b->size = size;
        }
        b->next = a->head;
        a->head = b;
        at = 0;
    }
    b->used = at + n;
    a->total += n;
    return (char *)b->data + at;
}

void *ec_arena_alloc(ec_arena *a, size_t n)
{
    void *p = take(a, n, ALIGN);
    memset(p, 0, n);
    return p;
}

void *ec_arena_take(ec_arena *a, size_t n)
{
    return take(a, n, ALIGN);
}

/* Strings are packed byte to byte: most are short, and rounding each up
** to ALIGN would waste a third of a catalog's string memory. */
char *ec_arena_strndup(ec_arena *a, const char *s, size_t n)
{
    char *p = take(a, n + 1, 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ec_arena_strdup(ec_arena *a, const char *s)
{
    return ec_arena_strndup(a, s, strlen(s));
}

char *ec_arena_join(ec_arena *a, const char *s, const char *sep, const char *t)
{
    size_t n = strlen(s), m = strlen(sep), k = strlen(t);
    char *p = take(a, n + m + k + 1, 1);
    memcpy(p, s, n);
    memcpy(p + n, sep, m);
    memcpy(p + n + m, t, k + 1);
    return p;
}

/* Measures, then formats straight into the arena: no buffer in between. */
char *ec_arena_vprintf(ec_arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0)
        ec_oom();
    char *p = take(a, (size_t)n + 1, 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

char *ec_arena_printf(ec_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = ec_arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

void ec_arena_free(ec_arena *a)
{
    ec_arena_block *b = a->head;
    while (b) {
        ec_arena_block *next = b->next;
        free(b);
        b = next;
    }
    free(a->spare);
    while (a->owned) {
        ec_arena_owned *o = a->owned;
        a->owned = o->next;
        free(o->p);
        free(o);
    }
    a->head = a->spare = NULL;
    a->total = 0;
}

void ec_arena_adopt(ec_arena *a, void *p)
{
    ec_arena_owned *o = ec_xmalloc(sizeof *o);
    o->next = a->owned;
    o->p = p;
    a->owned = o;
}

ec_arena_point ec_arena_mark(const ec_arena *a)
{
    return (ec_arena_point){a->head, a->head ? a->head->used : 0, a->total};
}

void ec_arena_release(ec_arena *a, ec_arena_point p)
{
    while (a->head != p.head) {
        ec_arena_block *b = a->head;
        a->head = b->next;
        if (!a->spare || a->spare->size < b->size) {
            free(a->spare);
            a->spare = b;
        } else {
            free(b);
        }
    }
    if (a->head)
        a->head->used = p.used;
    a->total = p.total;
}
