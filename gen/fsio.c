/* fsio.c: file input and atomic, write-if-changed output. */
#define _POSIX_C_SOURCE 200809L
#include "fsio.h"

#include "arena.h"
#include "buf.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ec_loc cmdline(const char *path)
{
    return (ec_loc){path, 0, 0};
}

char *ec_read_file(const char *path, size_t max, size_t *len, ec_loc from, ec_diag *d)
{
    ec_loc at = from.file ? from : cmdline(path);
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        if (from.file)
            ec_error(d, at, "cannot read '%s': %s", path, strerror(errno));
        else
            ec_error(d, at, "cannot read file: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (from.file)
            ec_error(d, at, "'%s' is not a regular file", path);
        else
            ec_error(d, at, "not a regular file");
        close(fd);
        return NULL;
    }
    if ((unsigned long long)st.st_size > max) {
        if (from.file)
            ec_error(d, at, "'%s' is larger than the %zu MiB limit", path, max >> 20);
        else
            ec_error(d, at, "larger than the %zu MiB limit", max >> 20);
        close(fd);
        return NULL;
    }
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_reserve(&b, (size_t)st.st_size + 1);
    for (;;) {
        ec_buf_reserve(&b, 65536);
        ssize_t n = read(fd, b.data + b.len, b.cap - b.len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ec_error(d, at, "cannot read '%s': %s", path, strerror(errno));
            close(fd);
            ec_buf_free(&b);
            return NULL;
        }
        if (n == 0)
            break;
        b.len += (size_t)n;
        b.data[b.len] = '\0';
        if (b.len > max) { /* the file grew while we read it */
            ec_error(d, at, "'%s' is larger than the %zu MiB limit", path, max >> 20);
            close(fd);
            ec_buf_free(&b);
            return NULL;
        }
    }
    close(fd);
    return ec_buf_detach(&b, len);
}

bool ec_file_equals(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    struct stat st;
    bool same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len;
    char chunk[65536];
    size_t off = 0;
    while (same && off < len) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || (size_t)n > len - off || memcmp(chunk, data + off, (size_t)n) != 0)
            same = false;
        else
            off += (size_t)n;
    }
    close(fd);
    return same;
}

bool ec_mkdirs(const char *path, ec_diag *d)
{
    char *p = ec_xmalloc(strlen(path) + 1);
    strcpy(p, path);
    bool ok = true;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        struct stat st;
        if (stat(p, &st) == 0) {
            if (!S_ISDIR(st.st_mode)) {
                ec_error(d, cmdline(p), "cannot create folder: a file of that name exists");
                ok = false;
            }
        } else if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            ec_error(d, cmdline(p), "cannot create folder: %s", strerror(errno));
            ok = false;
        }
        *s = c;
        if (!ok || c == '\0')
            break;
    }
    free(p);
    return ok;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        len -= (size_t)n;
    }
    return true;
}

#define TEMP_MARK ".tmp-errcat-"

ec_write_result ec_stage_file(const char *path, const char *data, size_t len, char **tmp,
                              ec_diag *d)
{
    *tmp = NULL;
    if (ec_file_equals(path, data, len))
        return EC_WRITE_UNCHANGED;
    const char *slash = strrchr(path, '/');
    if (slash && slash != path) {
        char *dir = ec_xmalloc((size_t)(slash - path) + 1);
        memcpy(dir, path, (size_t)(slash - path));
        dir[slash - path] = '\0';
        bool ok = ec_mkdirs(dir, d);
        free(dir);
        if (!ok)
            return EC_WRITE_FAILED;
    }
    ec_buf name;
    ec_buf_init(&name);
    ec_buf_printf(&name, "%s" TEMP_MARK "XXXXXX", path);
    int fd = mkstemp(name.data);
    if (fd < 0) {
        ec_error(d, cmdline(path), "cannot write: %s", strerror(errno));
        ec_buf_free(&name);
        return EC_WRITE_FAILED;
    }
    /* mkstemp makes the file 0600; outputs are ordinary files. */
    mode_t mask = umask(0);
    umask(mask);
    bool ok = fchmod(fd, 0666 & ~mask) == 0 && write_all(fd, data, len) && fsync(fd) == 0;
    int err = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        unlink(name.data);
        ec_error(d, cmdline(path), "cannot write: %s", strerror(err));
        ec_buf_free(&name);
        return EC_WRITE_FAILED;
    }
    *tmp = ec_buf_detach(&name, NULL);
    return EC_WRITE_WRITTEN;
}

bool ec_commit_file(char *tmp, const char *path, ec_diag *d)
{
    bool ok = rename(tmp, path) == 0;
    if (!ok) {
        ec_error(d, cmdline(path), "cannot write: %s", strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return ok;
}

void ec_discard_file(char *tmp)
{
    unlink(tmp);
    free(tmp);
}

ec_write_result ec_write_file(const char *path, const char *data, size_t len, ec_diag *d)
{
    char *tmp;
    ec_write_result r = ec_stage_file(path, data, len, &tmp, d);
    if (r == EC_WRITE_WRITTEN && !ec_commit_file(tmp, path, d))
        r = EC_WRITE_FAILED;
    return r;
}

void ec_remove_stale_temps(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    struct dirent *de;
    ec_buf p;
    ec_buf_init(&p);
    while ((de = readdir(dp))) {
        if (!strstr(de->d_name, TEMP_MARK))
            continue;
        ec_buf_reset(&p);
        ec_buf_printf(&p, "%s/%s", dir, de->d_name);
        unlink(p.data);
    }
    ec_buf_free(&p);
    closedir(dp);
}
