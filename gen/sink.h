/* sink.h: where a build's files go, all or nothing. Rendered files come one
** at a time (so that only one target's output is in memory at once; a build
** on several threads gives each target a sink, adopted into one); each
** is compared with the disk and, when its bytes differ, staged: written to
** a temporary file beside its destination. Nothing replaces a file until
** every file is staged: ec_sink_finish then renames them all into place
** (commit), or removes them all and the folders made for them, so a failed
** build leaves the output folder as it was. A file whose bytes are unchanged is never touched.
** With 'check' nothing is written: the files that differ are listed as
** stale. */
#ifndef EC_SINK_H
#define EC_SINK_H

#include "diag.h"
#include "fsio.h"
#include "target.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct ec_sink {
    const char *outdir; /* where paths are relative to */
    bool check;         /* compare only */
    bool verbose;       /* list the files written on 'log' */
    FILE *log;          /* "stale: PATH" and "wrote PATH" lines; NULL: none */
    ec_diag *d;
    size_t stale; /* files that differ, under check */
    bool failed;  /* a file could not be staged: nothing will be committed */
    /* The sink's own. */
    char **staged, **dests; /* temporary files, with their destinations */
    size_t n, cap;
    char **dirs; /* folders already cleared of a killed run's temporaries */
    size_t ndirs;
    char **made; /* folders this build creates, parents first */
    size_t nmade;
    ec_stage cur; /* the file being received */
    char *cur_path;
    bool open; /* 'cur' was begun */
} ec_sink;

void ec_sink_init(ec_sink *k, const char *outdir, bool check, ec_diag *d);

/* The three steps of one file, as ec_outputs calls them (ud: the sink):
** begin names it ('path' relative to outdir), spill hands over its bytes
** so far, done its last bytes (and frees x->data). done alone (no begin)
** also serves. ec_sink_attach sets them as the callbacks of 'out'. */
void ec_sink_begin(void *ud, const char *path);
void ec_sink_spill(void *ud, const char *data, size_t n);
void ec_sink_done(void *ud, ec_output *x);
void ec_sink_attach(ec_sink *k, ec_outputs *out);

/* Moves what sink 'from' staged (and found stale) into 'k', after k's
** own, and frees 'from': targets rendered on several threads, each into a
** sink of its own, are adopted in target order, then finished at once. */
void ec_sink_adopt(ec_sink *k, ec_sink *from);

/* Lists the stale files (check) on 'log', in the order received; then
** replaces every staged file ('commit'), or removes them all. Returns
** false when a rename failed (the files after it are removed). */
bool ec_sink_finish(ec_sink *k, bool commit);

/* Releases the sink; a file left half received is dropped. */
void ec_sink_free(ec_sink *k);

#endif
