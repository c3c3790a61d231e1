/* sort.h: a stable sort (qsort is not), so that equal keys keep the order
** in which the catalog gave them and outputs do not depend on the C
** library. */
#ifndef EC_SORT_H
#define EC_SORT_H

#include <stddef.h>

void ec_stable_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
