/* stamp.c: build stamps (see stamp.h).
**
** The stamp is text, one record per line, the path last so that it may
** hold blanks:
**
**   errcat build stamp 1
**   exe <size> <mtime> <inode> <path>      the running executable
**   <key> <value>                          the shape, from the caller
**                                          (a blank line ends the head)
**   in <hash> <path>                       a file read
**   out <size> <mtime> <path>              a file written, the path
**                                          relative to the output folder
**   wrote <size> <mtime> <path>            another file written (depfile)
**   warnings <length>                      then the bytes printed
*/
#define _POSIX_C_SOURCE 200809L
#include "stamp.h"

#include "alloc.h"
#include "arena.h"
#include "fsio.h"
#include "phash.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "errcat build stamp 1\n"

static void put_time(ec_buf *b, const struct stat *st)
{
    ec_buf_printf(b, "%lld.%09ld", (long long)st->st_mtim.tv_sec, (long)st->st_mtim.tv_nsec);
}

/* Paths are recorded raw, each ending its line: one holding a newline
** cannot be, and its build is not stamped. */
static void put_path(ec_stamp *s, ec_buf *b, const char *path)
{
    if (strchr(path, '\n'))
        s->broken = true;
    ec_buf_printf(b, " %s\n", path);
}

bool ec_stamp_init(ec_stamp *s, const char *outdir, const char *const *shape, size_t n)
{
    memset(s, 0, sizeof *s);
    s->outdir = outdir;
    ec_buf_init(&s->head);
    ec_buf_init(&s->body);
    /* A new errcat may render differently: the executable is part of the
    ** head. Where it cannot be found, nothing is stamped. */
    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    struct stat st;
    if (len <= 0 || (size_t)len >= sizeof exe - 1)
        return false;
    exe[len] = '\0';
    if (stat(exe, &st) != 0) {
        ec_stamp_free(s);
        return false;
    }
    ec_buf_puts(&s->head, MAGIC);
    ec_buf_printf(&s->head, "exe %lld ", (long long)st.st_size);
    put_time(&s->head, &st);
    ec_buf_printf(&s->head, " %llu", (unsigned long long)st.st_ino);
    put_path(s, &s->head, exe);
    ec_buf shape_text;
    ec_buf_init(&shape_text);
    for (size_t i = 0; i + 1 < n; i += 2) {
        ec_buf_puts(&shape_text, shape[i]);
        put_path(s, &shape_text, shape[i + 1] ? shape[i + 1] : "-");
    }
    ec_buf_put(&s->head, shape_text.data, shape_text.len);
    ec_buf_putc(&s->head, '\n');
    /* One stamp per shape, whatever the executable, so that rebuilding
    ** errcat replaces its stamps instead of adding to them. */
    ec_buf file;
    ec_buf_init(&file);
    ec_buf_printf(&file, "%s/.errcat/%016" PRIx64 ".stamp", outdir,
                  ec_hash_str(shape_text.data, shape_text.len));
    s->file = ec_buf_detach(&file, NULL);
    ec_buf_free(&shape_text);
    if (s->broken)
        ec_stamp_free(s);
    return !s->broken;
}

void ec_stamp_free(ec_stamp *s)
{
    free(s->file);
    ec_buf_free(&s->head);
    ec_buf_free(&s->body);
}

void ec_stamp_input(ec_stamp *s, const char *path, uint64_t hash)
{
    ec_buf_printf(&s->body, "in %016" PRIx64, hash);
    put_path(s, &s->body, path);
}

void ec_stamp_output(ec_stamp *s, const char *path, bool in_outdir)
{
    ec_buf full;
    ec_buf_init(&full);
    ec_buf_printf(&full, "%s%s%s", in_outdir ? s->outdir : "", in_outdir ? "/" : "", path);
    struct stat st;
    if (stat(full.data, &st) == 0) {
        ec_buf_printf(&s->body, "%s %lld ", in_outdir ? "out" : "wrote", (long long)st.st_size);
        put_time(&s->body, &st);
        put_path(s, &s->body, path);
    } else {
        s->broken = true; /* cannot happen after a build, but never guess */
    }
    ec_buf_free(&full);
}

/* One record of the body: is its file as recorded? */
static bool record_holds(const ec_stamp *s, const char *kind, const char *value,
                         const char *path)
{
    if (strcmp(kind, "in") == 0) {
        ec_diag quiet;
        ec_diag_init(&quiet);
        size_t len;
        char *text = ec_read_file(path, SIZE_MAX, &len, (ec_loc){NULL, 0, 0}, &quiet);
        ec_diag_free(&quiet);
        if (!text)
            return false;
        char hex[17];
        snprintf(hex, sizeof hex, "%016" PRIx64, ec_hash_str(text, len));
        free(text);
        return strcmp(hex, value) == 0;
    }
    bool in_outdir = strcmp(kind, "out") == 0;
    if (!in_outdir && strcmp(kind, "wrote") != 0)
        return false;
    ec_buf now;
    ec_buf_init(&now);
    ec_buf_printf(&now, "%s%s%s", in_outdir ? s->outdir : "", in_outdir ? "/" : "", path);
    struct stat st;
    bool same = stat(now.data, &st) == 0;
    if (same) {
        ec_buf_reset(&now);
        ec_buf_printf(&now, "%lld ", (long long)st.st_size);
        put_time(&now, &st);
        same = strcmp(now.data, value) == 0;
    }
    ec_buf_free(&now);
    return same;
}

bool ec_stamp_fresh(const ec_stamp *s, char **warnings)
{
    ec_diag quiet;
    ec_diag_init(&quiet);
    size_t len;
    char *text = ec_read_file(s->file, EC_MAX_INPUT_BYTES, &len, (ec_loc){NULL, 0, 0}, &quiet);
    ec_diag_free(&quiet);
    if (!text)
        return false;
    bool fresh = len >= s->head.len && memcmp(text, s->head.data, s->head.len) == 0;
    char *p = text + (fresh ? s->head.len : len), *end = text + len;
    while (fresh && p < end) {
        char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            break;
        *eol = '\0';
        if (strncmp(p, "warnings ", 9) == 0) {
            char *after;
            unsigned long long n = strtoull(p + 9, &after, 10);
            fresh = !*after && n == (unsigned long long)(end - eol - 1);
            if (fresh) {
                *warnings = ec_xmalloc(n + 1);
                memcpy(*warnings, eol + 1, n);
                (*warnings)[n] = '\0';
            }
            free(text);
            return fresh;
        }
        /* "in HASH PATH" or "out SIZE TIME PATH": the path follows the
        ** value's one or two words. */
        char *value = strchr(p, ' '), *path = value;
        for (int k = strncmp(p, "in ", 3) == 0 ? 1 : 2; path && k > 0; k--)
            path = strchr(path + 1, ' ');
        if (!path)
            break;
        *value = *path = '\0';
        fresh = record_holds(s, p, value + 1, path + 1);
        p = eol + 1;
    }
    free(text);
    return false; /* no warnings record: a stamp cut short */
}

bool ec_stamp_write(ec_stamp *s, const char *warnings, ec_diag *d)
{
    if (s->broken) {
        unlink(s->file); /* it describes an earlier build */
        return true;
    }
    char *dir = ec_xmalloc(strlen(s->file) + 1);
    strcpy(dir, s->file);
    *strrchr(dir, '/') = '\0';
    bool ok = ec_mkdirs(dir, d);
    if (ok) {
        ec_remove_stale_temps(dir);
        size_t n = strlen(warnings);
        ec_buf_printf(&s->body, "warnings %zu\n", n);
        ec_buf_put(&s->body, warnings, n);
        ec_buf all;
        ec_buf_init(&all);
        ec_buf_put(&all, s->head.data, s->head.len);
        ec_buf_put(&all, s->body.data, s->body.len);
        ok = ec_write_file(s->file, all.data, all.len, d) != EC_WRITE_FAILED;
        ec_buf_free(&all);
    }
    free(dir);
    return ok;
}
