/* fsio.h: reading inputs, and writing outputs atomically and only when
** their bytes change. */
#ifndef EC_FSIO_H
#define EC_FSIO_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define EC_MAX_INPUT_BYTES ((size_t)64 << 20)

/* Reads the whole file at 'path' (at most 'max' bytes). Returns a malloc'd,
** NUL-terminated buffer (the caller frees it) or NULL after reporting to 'd'
** at 'from' (the place that named the file; file NULL for the command line). */
char *ec_read_file(const char *path, size_t max, size_t *len, ec_loc from, ec_diag *d);

/* A file's bytes, read (malloc'd, NUL-terminated) or mapped. */
typedef struct ec_input {
    const char *text;
    size_t len;
    bool mapped;
} ec_input;

/* The same as ec_read_file, mapped read-only where the file system allows
** (else read): a catalog's text need not be held while it is parsed, since
** the parser's reads bring its pages in and ec_map_drop lets them go again,
** and whatever reads a dropped page again (a diagnostic that looks at the
** text) brings it back from the file. Not NUL-terminated when mapped. A
** file changed while mapped shows its new bytes where pages come back, as
** a file changed while read shows them to a later read; one truncated
** meanwhile ends the process (SIGBUS) if a page past its new end is read. */
bool ec_map_file(ec_input *in, const char *path, size_t max, ec_loc from, ec_diag *d);

/* Lets go of the whole pages of a mapped text within [from, to) for now;
** nothing for a text that was read. */
void ec_map_drop(const ec_input *in, size_t from, size_t to);

/* Unmaps or frees. */
void ec_input_free(ec_input *in);

/* The same for the blob SPEC (REV:PATH) of the git repository around the
** current folder, read with `git cat-file blob SPEC`; reports at 'at'. */
char *ec_read_git_blob(const char *spec, size_t max, size_t *len, ec_loc at, ec_diag *d);

/* Result of ec_write_file. */
typedef enum ec_write_result { EC_WRITE_FAILED, EC_WRITE_UNCHANGED, EC_WRITE_WRITTEN } ec_write_result;

/* Writes 'len' bytes to 'path' unless the file already holds exactly them:
** through a temporary file in the same folder, fsync'd, then renamed over
** the target, so a reader sees the old or the new content, never a part.
** Creates missing parent folders. Reports to 'd' on failure. */
ec_write_result ec_write_file(const char *path, const char *data, size_t len, ec_diag *d);

/* Two-phase output, so a failed build leaves every file as it was: stage
** each file (its bytes go to a temporary file beside it), then commit all
** (rename each over its target) or discard all. ec_stage_file returns
** EC_WRITE_UNCHANGED (nothing staged; '*tmp' NULL) when the file already
** holds the bytes, EC_WRITE_WRITTEN with a malloc'd '*tmp' when staged. */
ec_write_result ec_stage_file(const char *path, const char *data, size_t len, char **tmp,
                              ec_diag *d);
bool ec_commit_file(char *tmp, const char *path, ec_diag *d); /* frees tmp */

/* The same, for a file whose bytes come in pieces (an output too large to
** hold): begin, write the pieces, end. The new bytes are compared with
** the old file's as they come; the temporary file is made at the first
** difference (with the matching part copied from the old file), so an
** unchanged file costs reads only. 'write' false compares only (--check):
** ec_stage_end then says EC_WRITE_WRITTEN for "differs", and no temporary
** is made. After a failure the stage ignores what follows, and ec_stage_end
** says EC_WRITE_FAILED; ec_stage_abort drops a stage left unfinished. */
typedef struct ec_stage {
    const char *path;
    bool write;
    int old, fd;     /* the old file (-1: none), the temporary (-1: none yet) */
    size_t old_size; /* of the old file */
    size_t off;      /* bytes received */
    char *tmp;       /* the temporary's name */
    bool differs, failed;
} ec_stage;

bool ec_stage_begin(ec_stage *s, const char *path, bool write, ec_diag *d);
void ec_stage_write(ec_stage *s, const char *data, size_t n, ec_diag *d);
ec_write_result ec_stage_end(ec_stage *s, char **tmp, ec_diag *d);
void ec_stage_abort(ec_stage *s);
void ec_discard_file(char *tmp);                             /* frees tmp */

/* The process's umask, which staged files take. Reading it sets it for a
** moment, which would give a file or folder made meanwhile on another
** thread the wrong mode: the first call must come before threads start. */
mode_t ec_umask(void);

/* Removes the temporary files a killed errcat left in folder 'dir': those
** whose writer (its process id is in their name) no longer runs. */
void ec_remove_stale_temps(const char *dir);

/* True when the file at 'path' exists and holds exactly these bytes. */
bool ec_file_equals(const char *path, const char *data, size_t len);

/* Creates 'path' and its missing parents as folders. Reports on failure. */
bool ec_mkdirs(const char *path, ec_diag *d);

#endif
