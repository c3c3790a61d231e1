/* stamp.h: build stamps, which let a build whose outputs are up to date
** stop before it parses anything.
**
** After a successful build, errcat writes DIR/.errcat/<key>.stamp: what
** shaped the build (the executable, the options, the template folders'
** listings), a hash of the bytes of every file it read, the size and
** modification time of every file it wrote, and the warnings it printed.
** The next build with the same options checks the stamp: when every input
** still hashes the same and every output is still the file written, it
** prints the warnings again and stops. Inputs are compared by content, so
** touching a catalog costs a check but never a stale output; outputs by
** size and time, so a file edited or removed by hand is written again.
** The stamp is a cache: deleting DIR/.errcat only costs one full build. */
#ifndef EC_STAMP_H
#define EC_STAMP_H

#include "buf.h"
#include "diag.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct ec_stamp {
    const char *outdir;
    char *file; /* DIR/.errcat/<key>.stamp */
    ec_buf head; /* what shaped the build, compared byte for byte */
    ec_buf body; /* inputs, outputs, warnings */
    bool broken; /* a path errcat cannot record (a newline in it) */
} ec_stamp;

/* Starts the stamp of a build into 'outdir'. 'shape' names everything
** else that shapes the outputs (catalog, options, template folders and a
** hash of their listings) as 'n' strings, key and value in turn; a NULL
** value is recorded as "-". Returns false when the build cannot be
** stamped (the executable cannot be identified, or a value holds a
** newline): the build then always runs. */
bool ec_stamp_init(ec_stamp *s, const char *outdir, const char *const *shape, size_t n);
void ec_stamp_free(ec_stamp *s);

/* True when the stamp on disk has this head and all its inputs and
** outputs are as recorded; '*warnings' then gets what the build printed
** (malloc'd, possibly empty). */
bool ec_stamp_fresh(const ec_stamp *s, char **warnings);

/* Records a file read, by the hash of the bytes the build used. */
void ec_stamp_input(ec_stamp *s, const char *path, uint64_t hash);
/* Records a file written (or left as it was), as it is on disk now: a
** path in the output folder, relative to it ('in_outdir'), so that the
** stamp of a copied folder describes the copy; or any other path. */
void ec_stamp_output(ec_stamp *s, const char *path, bool in_outdir);
/* Writes the stamp, with the warnings of the build. Reports to 'd'. */
bool ec_stamp_write(ec_stamp *s, const char *warnings, ec_diag *d);

#endif
