/* scratch.h: a fresh temporary folder per test, shared by the unit tests that
** work on files (test_load.c, test_validate.c, test_fsio.c).
**
** Everything here is static, in a header, on purpose: each test is its own
** executable built from its one .c file (the Makefile's $(B)/test/% rule), so
** there is no test library to link shared helpers into and no two copies ever
** meet. The functions are `static inline` so that a test using only some of
** them still builds under -Wall -Werror (no "defined but not used").
**
** Include after <cmocka.h> (scratch_write asserts), with _POSIX_C_SOURCE
** 200809L defined first (mkdtemp, fchdir, lstat). */
#ifndef ERRCAT_TESTS_SCRATCH_H
#define ERRCAT_TESTS_SCRATCH_H

#include "buf.h"
#include "diag.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The test's folder, "/tmp/errcat-<tag>-XXXXXX" once made. */
static char scratch_dir[64];
/* While scratch_enter()ed: the working directory to return to; else -1. */
static int scratch_home = -1;

/* Removes 'path' and, if it is a folder, everything in it. */
static inline void scratch_rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char sub[1024];
            int n = snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            if (n > 0 && (size_t)n < sizeof sub) /* else too deep: left */
                scratch_rm_rf(sub);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* Makes a fresh scratch_dir, "/tmp/errcat-<tag>-XXXXXX". Returns 0, or -1
** (a failed cmocka setup). */
static inline int scratch_make(const char *tag)
{
    int n = snprintf(scratch_dir, sizeof scratch_dir, "/tmp/errcat-%s-XXXXXX", tag);
    if (n < 0 || (size_t)n >= sizeof scratch_dir)
        return -1;
    return mkdtemp(scratch_dir) ? 0 : -1;
}

/* scratch_make(), then makes scratch_dir the working directory (remembering
** the current one), so that paths and diagnostics are relative to it. */
static inline int scratch_enter(const char *tag)
{
    if (scratch_make(tag) != 0)
        return -1;
    scratch_home = open(".", O_RDONLY | O_DIRECTORY);
    if (scratch_home < 0 || chdir(scratch_dir) != 0)
        return -1;
    return 0;
}

/* Returns to the working directory of scratch_enter() (if any) and removes
** scratch_dir. Returns 0, or -1 (a failed cmocka teardown). */
static inline int scratch_leave(void)
{
    if (scratch_home >= 0) {
        if (fchdir(scratch_home) != 0)
            return -1;
        close(scratch_home);
        scratch_home = -1;
    }
    scratch_rm_rf(scratch_dir);
    return 0;
}

/* Writes the 'len' bytes of 'data' to 'path' (which must be writable). */
static inline void scratch_write(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* Writes 'text' to 'name' (relative to the working directory), creating the
** folders on the way ("sub/a.yaml" makes sub/). */
static inline void scratch_put(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s", name);
    for (char *s = strchr(path, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        mkdir(path, 0777);
        *s = '/';
    }
    scratch_write(name, text, strlen(text));
}

/* The diagnostics of 'd' as text, formatted into 'out' (emptied first). */
static inline const char *scratch_diag_text(const ec_diag *d, ec_buf *out)
{
    ec_buf_reset(out);
    ec_diag_format(d, out);
    return out->data;
}

#endif
