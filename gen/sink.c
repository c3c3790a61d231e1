/* sink.c: the all-or-nothing output of a build (see sink.h). */
#define _POSIX_C_SOURCE 200809L
#include "sink.h"

#include "alloc.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void ec_sink_init(ec_sink *k, const char *outdir, bool check, ec_diag *d)
{
    memset(k, 0, sizeof *k);
    k->outdir = outdir;
    k->check = check;
    k->d = d;
}

static void clear_stale_temps(ec_sink *k, const char *file)
{
    size_t n = (size_t)(strrchr(file, '/') - file);
    for (size_t i = 0; i < k->ndirs; i++)
        if (strlen(k->dirs[i]) == n && strncmp(k->dirs[i], file, n) == 0)
            return;
    char *dir = ec_xmalloc(n + 1);
    memcpy(dir, file, n);
    dir[n] = '\0';
    ec_remove_stale_temps(dir);
    k->dirs = ec_xrealloc(k->dirs, (k->ndirs + 1) * sizeof *k->dirs);
    k->dirs[k->ndirs++] = dir;
}

/* Notes the folders of 'file' that do not exist yet, parents first, before
** staging creates them: a build that commits nothing removes them again. */
static void note_new_folders(ec_sink *k, const char *file)
{
    char *dir = ec_xmalloc(strlen(file) + 1);
    strcpy(dir, file);
    size_t first = k->nmade;
    struct stat st;
    for (char *slash; (slash = strrchr(dir, '/')) && slash != dir;) {
        *slash = '\0';
        if (stat(dir, &st) == 0)
            break;
        k->made = ec_xrealloc(k->made, (k->nmade + 1) * sizeof *k->made);
        k->made[k->nmade] = ec_xmalloc(strlen(dir) + 1);
        strcpy(k->made[k->nmade++], dir);
    }
    free(dir);
    for (size_t i = first, j = k->nmade; i + 1 < j; i++, j--) { /* parents first */
        char *t = k->made[i];
        k->made[i] = k->made[j - 1];
        k->made[j - 1] = t;
    }
}

void ec_sink_begin(void *ud, const char *path)
{
    ec_sink *k = ud;
    if (k->failed)
        return;
    ec_buf full;
    ec_buf_init(&full);
    ec_buf_printf(&full, "%s/%s", k->outdir, path);
    k->cur_path = ec_buf_detach(&full, NULL);
    if (!k->check) {
        note_new_folders(k, k->cur_path);
        clear_stale_temps(k, k->cur_path);
    }
    ec_stage_begin(&k->cur, k->cur_path, !k->check, k->d);
    k->open = true;
}

void ec_sink_spill(void *ud, const char *data, size_t n)
{
    ec_sink *k = ud;
    if (k->open)
        ec_stage_write(&k->cur, data, n, k->d);
}

/* Adds a staged file (or, with 'tmp' NULL, a stale one) and its destination. */
static void push(ec_sink *k, char *tmp, char *dest)
{
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 16;
        k->staged = ec_xrealloc(k->staged, k->cap * sizeof *k->staged);
        k->dests = ec_xrealloc(k->dests, k->cap * sizeof *k->dests);
    }
    k->staged[k->n] = tmp;
    k->dests[k->n++] = dest;
}

void ec_sink_done(void *ud, ec_output *x)
{
    ec_sink *k = ud;
    if (!k->open)
        ec_sink_begin(k, x->path);
    if (k->open) {
        ec_stage_write(&k->cur, x->data, x->len, k->d);
        char *tmp;
        ec_write_result r = ec_stage_end(&k->cur, &tmp, k->d);
        k->open = false;
        if (k->check && r != EC_WRITE_UNCHANGED) {
            push(k, NULL, k->cur_path); /* listed as stale by ec_sink_finish */
            k->cur_path = NULL;
            k->stale++;
        } else if (r == EC_WRITE_FAILED) {
            k->failed = true;
        } else if (r == EC_WRITE_WRITTEN) {
            push(k, tmp, k->cur_path);
            k->cur_path = NULL;
        }
        free(k->cur_path);
        k->cur_path = NULL;
    }
    free(x->data);
    x->data = NULL;
}

void ec_sink_attach(ec_sink *k, ec_outputs *out)
{
    out->begin = ec_sink_begin;
    out->spill = ec_sink_spill;
    out->done = ec_sink_done;
    out->sink_ud = k;
}

void ec_sink_adopt(ec_sink *k, ec_sink *from)
{
    for (size_t i = 0; i < from->n; i++)
        push(k, from->staged[i], from->dests[i]);
    from->n = 0;
    for (size_t i = 0; i < from->nmade; i++) {
        bool known = false;
        for (size_t j = 0; j < k->nmade && !known; j++)
            known = strcmp(k->made[j], from->made[i]) == 0;
        if (known) {
            free(from->made[i]);
            continue;
        }
        k->made = ec_xrealloc(k->made, (k->nmade + 1) * sizeof *k->made);
        k->made[k->nmade++] = from->made[i];
    }
    from->nmade = 0;
    k->stale += from->stale;
    k->failed = k->failed || from->failed;
    ec_sink_free(from);
}

/* Deeper folders first: sinks adopted from several threads may each have
** noted a folder another one created, so list order is not enough. */
static int deeper_first(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    size_t nx = strlen(x), ny = strlen(y);
    return nx != ny ? (nx > ny ? -1 : 1) : strcmp(x, y);
}

bool ec_sink_finish(ec_sink *k, bool commit)
{
    bool ok = true;
    for (size_t i = 0; i < k->n; i++) {
        if (!k->staged[i]) {
            if (k->log)
                fprintf(k->log, "stale: %s\n", k->dests[i]);
        } else if (!commit || !ok) {
            ec_discard_file(k->staged[i]);
        } else if (!ec_commit_file(k->staged[i], k->dests[i], k->d)) {
            ok = false;
        } else if (k->verbose && k->log) {
            fprintf(k->log, "wrote %s\n", k->dests[i]);
        }
        free(k->dests[i]);
    }
    k->n = 0;
    /* Children first; a folder something else wrote into meanwhile stays. */
    if (!commit && k->nmade)
        qsort(k->made, k->nmade, sizeof *k->made, deeper_first);
    for (size_t i = 0; i < k->nmade; i++) {
        if (!commit)
            rmdir(k->made[i]);
        free(k->made[i]);
    }
    k->nmade = 0;
    return ok;
}

void ec_sink_free(ec_sink *k)
{
    if (k->open) /* a render failed part way through a file */
        ec_stage_abort(&k->cur);
    free(k->cur_path);
    for (size_t i = 0; i < k->ndirs; i++)
        free(k->dirs[i]);
    free(k->dirs);
    free(k->made);
    free(k->staged);
    free(k->dests);
}
