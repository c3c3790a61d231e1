/* tables.h: the lookup tables of the C target, computed at compile time
** and added to the view: a direct index where a domain's codes are dense, a
** minimal perfect hash elsewhere, and one for names. */
#ifndef EC_TABLES_H
#define EC_TABLES_H

#include "catalog.h"

/* Returns a map describing the code lookup of 'dom' (entry numbers start
** at 'first'): {dense, min, span, nbuckets, nslots, index_rows, seed_rows,
** slot_rows}, and sets *names to the map of the name lookup. Rows are
** strings of comma-separated numbers, ready to paste into an initializer. */
ec_value ec_tables_codes(ec_arena *a, const ec_domain *dom, uint32_t first, ec_value *names);

/* The status lookup: {min, span, index_rows} over 'n' sorted statuses whose
** entries are numbered from 'first'. */
ec_value ec_tables_statuses(ec_arena *a, const ec_status *s, size_t n, uint32_t first);

#endif
