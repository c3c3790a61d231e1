/* tables.h: the lookup tables of the C target, computed at compile time
** and added to the view: a direct index where a domain's codes are dense, a
** minimal perfect hash elsewhere, and one for names. */
#ifndef EC_TABLES_H
#define EC_TABLES_H

#include "catalog.h"

/* What a table holds for entry number 'n': n for a live code,
** EC_SLOT_EMPTY for a free slot, and EC_SLOT_RETIRED(n) for a retired code,
** so that a lookup rejects both with one sign test and never reads the
** entry, while recognising a retired code still finds it. The C target
** spells them n * ENTRY (entry n's byte offset), FREE and RETIRED(n). */
#define EC_SLOT_EMPTY (-1)
#define EC_SLOT_RETIRED(n) (-2 - (int64_t)(n))

/* The table of a domain's numeric codes, entries numbered from 'first' (a
** symbolic domain's is empty, so that no number finds an entry): {dense,
** hashed, multiplier, slot_shift, bucket_shift, bucket_mask, nslots,
** displacement_rows, slot_rows}; see ec_codetable. */
ec_value ec_tables_numbers(ec_arena *a, const ec_domain *dom, uint32_t first);

/* A perfect hash of the names of 'dom' ('names'), or of its string codes:
** {bucket_mask, nslots, seed_rows, slots}, slots being {key, entry} maps
** with key null in a free slot. */
ec_value ec_tables_strings(ec_arena *a, const ec_domain *dom, uint32_t first, bool names);

/* Rows are strings of comma-separated items ready to paste into an
** initializer: twelve numbers or entry references, or six {code, entry}
** pairs. See templates/README.md. */

/* Whether every code of a numeric domain fits 32 bits (a C enum constant
** must, before C23), and whether some code of the catalog does not. */
bool ec_tables_codes_fit_int32(const ec_domain *dom);
bool ec_tables_wide_codes(const ec_catalog *c);

/* The status lookup: {min, span, index_rows} over 'n' sorted statuses whose
** entries are numbered from 'first'. */
ec_value ec_tables_statuses(ec_arena *a, const ec_status *s, size_t n, uint32_t first);

#endif
