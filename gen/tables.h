/* tables.h: the data of the C target, computed at compile time and added
** to the view: one pool of strings, the entries as fixed-size records of
** little-endian integers, and the lookup tables (a direct index where a
** domain's codes are dense, a minimal perfect hash elsewhere, and one for
** names). Records and tables are written as string literals, which a C
** compiler reads many times faster than initializers of as many numbers. */
#ifndef EC_TABLES_H
#define EC_TABLES_H

#include "catalog.h"

/* What a table holds for entry number 'n': n for a live code,
** EC_SLOT_EMPTY for a free slot, and EC_SLOT_RETIRED(n) for a retired code,
** so that a lookup rejects both with one test and never reads the entry,
** while recognising a retired code still finds it. The C target writes
** them as 32 bits: n * EC_ENTRY_SIZE (the record's byte offset, below
** 2^31), EC_REF_FREE, and EC_REF_FREE - 1 - n * EC_ENTRY_SIZE. */
#define EC_SLOT_EMPTY (-1)
#define EC_SLOT_RETIRED(n) (-2 - (int64_t)(n))
#define EC_REF_FREE UINT32_MAX

/* The pool of the C target's strings: every distinct string once, each
** ending with its NUL, in the order first added. A string is its byte
** offset in the pool; EC_STR_NONE is none (a NULL). */
typedef struct ec_strpool ec_strpool;
#define EC_STR_NONE UINT32_MAX

ec_strpool *ec_strpool_new(void);
uint32_t ec_strpool_add(ec_strpool *p, const char *s); /* keeps the pointer */
ec_value ec_strpool_strings(ec_arena *a, const ec_strpool *p); /* in pool order */
/* The pool as rows of C string literals, which C joins into one: several
** strings a row, each escaped by ec_escape_c and ended by its NUL (fewer
** literals than strings make less work for a compiler). */
ec_value ec_strpool_rows(ec_arena *a, const ec_strpool *p);
void ec_strpool_free(ec_strpool *p);

/* An entry of the C target, and its record: at byte 0 the strings message,
** description, hint, code_str, name, ui_hint (4 bytes each; a missing one
** is 0, and the kind or EC_CF_UI says it is missing), at 24 code (8),
** at 32 params (the place of its first parameter name among all), 36
** nparams, 40 policy (its place in the policy table), 44 domain (4 each),
** at 48 status (2), 50 kind and 51 flags (1 each). The C template reads
** them at these offsets. */
#define EC_ENTRY_SIZE 52
typedef struct ec_centry {
    const char *message, *description, *hint;
    const char *code_str, *name, *ui_hint; /* NULL: none */
    int64_t code;
    uint32_t params, nparams, policy;
    int32_t domain; /* -1 for a status */
    uint16_t status;
    uint8_t kind;  /* 0 code, 1 fallback, 2 status */
    uint8_t flags; /* EC_CF_* | severity << 2 | audience << 4 */
} ec_centry;
#define EC_CF_DEPRECATED 1
#define EC_CF_RETIRED 2
#define EC_CF_UI 64 /* has UI guidance: ui_hint is a string */

/* The records of 'n' entries (their strings added to 'p'), one string
** literal a record. */
ec_value ec_tables_entries(ec_arena *a, ec_strpool *p, const ec_centry *e, size_t n);

/* The translations of an entry into one locale, NULL where it has none:
** its message (a status's title), description, hint and UI hint. */
typedef struct ec_ctrans {
    const char *text[4];
} ec_ctrans;
#define EC_TRANS_SIZE 16

/* One locale's translations of 'n' entries, as records of EC_TRANS_SIZE
** bytes (the strings added to 'p'): four strings, each its pool offset + 1,
** 0 for none (a space, XOR EC_BYTE_KEY: short to write for the texts a
** locale has not translated). */
ec_value ec_tables_translations(ec_arena *a, ec_strpool *p, const ec_ctrans *t, size_t n);

/* The table of a domain's numeric codes, entries numbered from 'first' (a
** symbolic domain's is empty, so that no number finds an entry): {dense,
** hashed, multiplier, slot_shift, bucket_shift, bucket_mask, nslots,
** displacement_rows, slot_rows}; see ec_codetable. A slot is the code (8
** bytes when 'wide', else 4) then the entry (4). */
ec_value ec_tables_numbers(ec_arena *a, const ec_domain *dom, uint32_t first, bool wide);

/* A perfect hash of the names of 'dom' ('names'), or of its string codes:
** {bucket_mask, nslots, seed_rows, slot_rows}, a slot being the key's
** string (EC_STR_NONE in a free slot) then the entry, 4 bytes each. */
ec_value ec_tables_strings(ec_arena *a, ec_strpool *p, const ec_domain *dom, uint32_t first,
                           bool names);

/* Rows of records, seeds, displacements and slots are string literals,
** which C joins into one byte array (16-bit seeds and displacements, all
** little-endian); see templates/README.md. Each byte is written XOR
** EC_BYTE_KEY: the many zero bytes of small numbers become spaces, one
** character each in C, and none is a NUL, at which gcc would split its
** assembly into a directive a byte. */
#define EC_BYTE_KEY 0x20

/* Whether every code of a numeric domain fits 32 bits (a C enum constant
** must, before C23), and whether some code of the catalog does not. */
bool ec_tables_codes_fit_int32(const ec_domain *dom);
bool ec_tables_wide_codes(const ec_catalog *c);

/* The status lookup: {min, span, index_rows} over 'n' sorted statuses whose
** entries are numbered from 'first'; rows of "n * ENTRY" and "FREE". */
ec_value ec_tables_statuses(ec_arena *a, const ec_status *s, size_t n, uint32_t first);

#endif
