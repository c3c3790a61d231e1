/* alloc.c: malloc and realloc that abort on out of memory. */
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>

void ec_oom(void)
{
    fputs("errcat: out of memory\n", stderr);
    abort();
}

void *ec_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        ec_oom();
    return p;
}

void *ec_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        ec_oom();
    return p;
}
