/* arena.h: bump allocator. One arena per catalog (or per template set);
** everything allocated from it is released by one ec_arena_free call. */
#ifndef EC_ARENA_H
#define EC_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ec_arena_block ec_arena_block;
typedef struct ec_arena_owned ec_arena_owned;

typedef struct ec_arena {
    ec_arena_block *head;
    ec_arena_block *spare; /* the largest block released, kept for reuse */
    size_t total;          /* bytes handed out, for statistics */
    ec_arena_owned *owned; /* see ec_arena_adopt */
} ec_arena;

void ec_arena_init(ec_arena *a);

/* Returns 'n' bytes aligned for any type, zeroed. Never returns NULL: out of
** memory aborts in ec_oom (alloc.h), the one place that handles it. */
void *ec_arena_alloc(ec_arena *a, size_t n);

/* The same, not zeroed: for a copy that fills every byte at once. */
void *ec_arena_take(ec_arena *a, size_t n);

/* Copies 'n' bytes of 's' and appends a NUL. */
char *ec_arena_strndup(ec_arena *a, const char *s, size_t n);
char *ec_arena_strdup(ec_arena *a, const char *s);

/* "<s><sep><t>": the join of names made once per entry, without printf. */
char *ec_arena_join(ec_arena *a, const char *s, const char *sep, const char *t);

/* Formats into arena memory, like asprintf. */
char *ec_arena_printf(ec_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
char *ec_arena_vprintf(ec_arena *a, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;

void ec_arena_free(ec_arena *a);

/* Hands 'p', from ec_xmalloc or ec_xrealloc, to the arena, which frees it
** in ec_arena_free (not in ec_arena_release): an array grown by realloc
** while its length was unknown joins the arena without a copy. */
void ec_arena_adopt(ec_arena *a, void *p);

/* A point to return to: ec_arena_release frees everything allocated since
** ec_arena_mark (marks nest, like a stack), so that one arena serves item
** after item of a long list. */
typedef struct ec_arena_point {
    ec_arena_block *head;
    size_t used, total;
} ec_arena_point;

ec_arena_point ec_arena_mark(const ec_arena *a);
void ec_arena_release(ec_arena *a, ec_arena_point p);

#endif
