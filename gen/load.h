/* load.h: catalog files (and their includes) to the catalog model. */
#ifndef EC_LOAD_H
#define EC_LOAD_H

#include "catalog.h"

/* Loads the catalog at 'path' and every file it includes. Reports every
** structural problem (YAML syntax, unknown or duplicate keys, wrong types,
** bad enumeration values, missing includes, include cycles) to 'd'. Returns
** NULL when the files could not be read into a whole model; otherwise a
** catalog to check with ec_validate and release with ec_catalog_free. An
** error that leaves the model whole (an unknown key, which is ignored) still
** gives the catalog, so that ec_validate reports the other errors in the
** same run: the caller fails when 'd' holds errors (ec_diag_failed). */
ec_catalog *ec_load_file(const char *path, ec_diag *d);

/* The same with another size limit for each file than EC_MAX_INPUT_BYTES. */
ec_catalog *ec_load_file_max(const char *path, size_t max_bytes, ec_diag *d);

/* The same for a root file already in memory ('len' bytes of 'text', named
** 'name' in diagnostics; includes are read relative to 'name'). */
ec_catalog *ec_load_buffer(const char *name, const char *text, size_t len, ec_diag *d);

/* The keys the loader accepts, per kind of map, for the test that keeps
** spec/errcat.schema.json in step: 'kinds' and 'keys' are parallel arrays
** of 'n' entries; each keys[i] is NULL-terminated. */
typedef struct ec_load_keyset {
    const char *kind;
    const char *const *keys;
} ec_load_keyset;
extern const ec_load_keyset ec_load_keysets[];
extern const size_t ec_load_nkeysets;

#endif
