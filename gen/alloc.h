/* alloc.h: the allocation that never fails, under the arena and the buffer
** alike, so that neither has to include the other for it. */
#ifndef EC_ALLOC_H
#define EC_ALLOC_H

#include <stddef.h>

/* Prints a message and aborts: the single out-of-memory path of errcat. */
_Noreturn void ec_oom(void);

/* malloc/realloc that never return NULL. */
void *ec_xmalloc(size_t n);
void *ec_xrealloc(void *p, size_t n);

#endif
