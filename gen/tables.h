/* tables.h: the lookup tables of the C target, computed at compile time
** and added to the view: a direct index where a domain's codes are dense, a
** minimal perfect hash elsewhere, and one for names. */
#ifndef EC_TABLES_H
#define EC_TABLES_H

#include "catalog.h"

/* What a slot of a code or name table holds for entry number 'n': n for a
** live code, EC_SLOT_EMPTY for a free slot, and EC_SLOT_RETIRED(n) for a
** retired code, so that a lookup rejects both with one sign test and never
** reads the entry, while recognising a retired code still finds it. */
#define EC_SLOT_EMPTY (-1)
#define EC_SLOT_RETIRED(n) (-2 - (int64_t)(n))

/* Returns a map describing the code lookup of 'dom' (entry numbers start
** at 'first'): {dense, hashed, min, span} and, for a direct index,
** index_rows; for a perfect hash, bucket_mask, nslots, seed_rows, and
** slot_rows for numeric codes or slots for string codes. Sets *names to the
** map of the name lookup {bucket_mask, nslots, seed_rows, slots}. Rows are
** strings of comma-separated numbers (slot_rows: "{code, entry}" pairs),
** ready to paste into an initializer; slots are {key, entry} maps, key null
** in a free slot. See templates/README.md. */
ec_value ec_tables_codes(ec_arena *a, const ec_domain *dom, uint32_t first, ec_value *names);

/* Whether every code of a numeric domain fits 32 bits (a C enum constant
** must, before C23), and whether some code of the catalog does not. */
bool ec_tables_codes_fit_int32(const ec_domain *dom);
bool ec_tables_wide_codes(const ec_catalog *c);

/* The status lookup: {min, span, index_rows} over 'n' sorted statuses whose
** entries are numbered from 'first'. */
ec_value ec_tables_statuses(ec_arena *a, const ec_status *s, size_t n, uint32_t first);

#endif
