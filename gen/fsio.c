/* fsio.c: file input and atomic, write-if-changed output. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* madvise */
#include "fsio.h"

#include "alloc.h"
#include "arena.h"
#include "buf.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <pthread.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static ec_loc cmdline(const char *path)
{
    return (ec_loc){path, 0, 0};
}

/* Opens the regular file at 'path' of at most 'max' bytes for reading and
** sets '*st'; -1 after reporting (see ec_read_file). */
static int open_input(const char *path, size_t max, struct stat *st, ec_loc from, ec_diag *d)
{
    ec_loc at = from.file ? from : cmdline(path);
    /* O_NONBLOCK: opening a FIFO for reading would wait for a writer
    ** forever; with it the open returns at once and fstat refuses the FIFO.
    ** Reads of a regular file ignore the flag. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        if (from.file)
            ec_error(d, at, "cannot read '%s': %s", path, strerror(errno));
        else
            ec_error(d, at, "cannot read file: %s", strerror(errno));
        return -1;
    }
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
        if (from.file)
            ec_error(d, at, "'%s' is not a regular file", path);
        else
            ec_error(d, at, "not a regular file");
        close(fd);
        return -1;
    }
    if ((unsigned long long)st->st_size > max) {
        if (from.file)
            ec_error(d, at, "'%s' is larger than the %zu MiB limit", path, max >> 20);
        else
            ec_error(d, at, "larger than the %zu MiB limit", max >> 20);
        close(fd);
        return -1;
    }
    return fd;
}

char *ec_read_file(const char *path, size_t max, size_t *len, ec_loc from, ec_diag *d)
{
    ec_loc at = from.file ? from : cmdline(path);
    struct stat st;
    int fd = open_input(path, max, &st, from, d);
    if (fd < 0)
        return NULL;
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

bool ec_map_file(ec_input *in, const char *path, size_t max, ec_loc from, ec_diag *d)
{
    struct stat st;
    int fd = open_input(path, max, &st, from, d);
    if (fd < 0)
        return false;
    in->len = (size_t)st.st_size;
    void *text = in->len ? mmap(NULL, in->len, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    close(fd); /* the mapping keeps the file */
    in->mapped = text != MAP_FAILED;
    if (in->mapped) {
        in->text = text;
        return true;
    }
    /* Read instead: a file system without mmap, or a file that gives no
    ** size (as some under /proc do) and may still hold bytes. */
    in->text = ec_read_file(path, max, &in->len, from, d);
    return in->text != NULL;
}

void ec_map_drop(const ec_input *in, size_t from, size_t to)
{
#ifdef MADV_DONTNEED
    if (!in->mapped)
        return; /* the only copy */
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    uintptr_t lo = ((uintptr_t)in->text + from + page - 1) & ~(uintptr_t)(page - 1);
    uintptr_t hi = ((uintptr_t)in->text + to) & ~(uintptr_t)(page - 1);
    if (lo < hi)
        madvise((void *)lo, hi - lo, MADV_DONTNEED);
#else
    (void)in, (void)from, (void)to;
#endif
}

void ec_input_free(ec_input *in)
{
    if (in->mapped)
        munmap((void *)(uintptr_t)in->text, in->len);
    else
        free((void *)(uintptr_t)in->text);
    in->text = NULL;
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

static mode_t umask_value;

static void read_umask(void)
{
    umask_value = umask(0);
    umask(umask_value);
}

mode_t ec_umask(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, read_umask);
    return umask_value;
}

/* The stage starts writing its temporary file: the bytes that matched
** the old file so far are copied from it first. False after reporting. */
static bool start_temp(ec_stage *s, ec_diag *d)
{
    const char *slash = strrchr(s->path, '/');
    if (slash && slash != s->path) {
        char *dir = ec_xmalloc((size_t)(slash - s->path) + 1);
        memcpy(dir, s->path, (size_t)(slash - s->path));
        dir[slash - s->path] = '\0';
        bool ok = ec_mkdirs(dir, d);
        free(dir);
        if (!ok)
            return false;
    }
    ec_buf name;
    ec_buf_init(&name);
    /* The writer's process id in the name: another errcat writing into the
    ** same folder at the same time (a build system's parallel actions)
    ** leaves this file alone while this process lives. */
    ec_buf_printf(&name, "%s" TEMP_MARK "%ld-XXXXXX", s->path, (long)getpid());
    s->fd = mkstemp(name.data);
    if (s->fd < 0) {
        ec_error(d, cmdline(s->path), "cannot write: %s", strerror(errno));
        ec_buf_free(&name);
        return false;
    }
    s->tmp = ec_buf_detach(&name, NULL);
    /* mkstemp makes the file 0600; outputs are ordinary files. */
    bool ok = fchmod(s->fd, 0666 & ~ec_umask()) == 0;
    char chunk[65536];
    for (off_t at = 0; ok && at < (off_t)s->off;) {
        size_t want = s->off - (size_t)at < sizeof chunk ? s->off - (size_t)at : sizeof chunk;
        ssize_t n = pread(s->old, chunk, want, at);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0 && write_all(s->fd, chunk, (size_t)n);
        at += n > 0 ? n : 0;
    }
    if (!ok)
        ec_error(d, cmdline(s->path), "cannot write: %s", strerror(errno));
    return ok;
}

/* The stage learns that the new bytes differ from the old file's. */
static void differ(ec_stage *s, ec_diag *d)
{
    s->differs = true;
    if (s->write && !start_temp(s, d))
        s->failed = true;
}

bool ec_stage_begin(ec_stage *s, const char *path, bool write, ec_diag *d)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->write = write;
    s->fd = -1;
    s->old = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY); /* a FIFO there must not block */
    struct stat st;
    if (s->old >= 0 && (fstat(s->old, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(s->old);
        s->old = -1;
    }
    s->old_size = s->old >= 0 ? (size_t)st.st_size : 0;
    if (s->old < 0)
        differ(s, d);
    return !s->failed;
}

/* True when the next 'n' bytes of the old file are 'data'. */
static bool old_continues_with(ec_stage *s, const char *data, size_t n)
{
    if (s->old_size - s->off < n)
        return false;
    char chunk[65536];
    for (size_t done = 0; done < n;) {
        size_t want = n - done < sizeof chunk ? n - done : sizeof chunk;
        ssize_t got = pread(s->old, chunk, want, (off_t)(s->off + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0 || memcmp(chunk, data + done, (size_t)got) != 0)
            return false;
        done += (size_t)got;
    }
    return true;
}

void ec_stage_write(ec_stage *s, const char *data, size_t n, ec_diag *d)
{
    if (s->failed || !n)
        return;
    if (!s->differs && !old_continues_with(s, data, n))
        differ(s, d);
    if (s->differs && s->write && !s->failed && !write_all(s->fd, data, n)) {
        ec_error(d, cmdline(s->path), "cannot write: %s", strerror(errno));
        s->failed = true;
    }
    s->off += n;
}

/* Closes what the stage holds and removes its temporary file, unless
** ec_stage_end handed it out. */
static void stage_close(ec_stage *s)
{
    if (s->old >= 0)
        close(s->old);
    if (s->fd >= 0)
        close(s->fd);
    if (s->tmp)
        unlink(s->tmp);
    free(s->tmp);
    s->old = s->fd = -1;
    s->tmp = NULL;
}

ec_write_result ec_stage_end(ec_stage *s, char **tmp, ec_diag *d)
{
    *tmp = NULL;
    if (!s->failed && !s->differs && s->off != s->old_size)
        differ(s, d); /* the old file is longer */
    ec_write_result r = s->failed    ? EC_WRITE_FAILED
                        : s->differs ? EC_WRITE_WRITTEN
                                     : EC_WRITE_UNCHANGED;
    if (r == EC_WRITE_WRITTEN && s->write) {
        bool ok = fsync(s->fd) == 0;
        int err = errno;
        if (close(s->fd) != 0 && ok) {
            ok = false;
            err = errno;
        }
        s->fd = -1;
        if (ok) {
            *tmp = s->tmp;
            s->tmp = NULL;
        } else {
            ec_error(d, cmdline(s->path), "cannot write: %s", strerror(err));
            r = EC_WRITE_FAILED;
        }
    }
    stage_close(s);
    return r;
}

void ec_stage_abort(ec_stage *s)
{
    stage_close(s);
}

ec_write_result ec_stage_file(const char *path, const char *data, size_t len, char **tmp,
                              ec_diag *d)
{
    ec_stage s;
    ec_stage_begin(&s, path, true, d);
    ec_stage_write(&s, data, len, d);
    return ec_stage_end(&s, tmp, d);
}

bool ec_file_equals(const char *path, const char *data, size_t len)
{
    ec_diag quiet;
    ec_diag_init(&quiet);
    ec_stage s;
    char *tmp;
    ec_stage_begin(&s, path, false, &quiet); /* compares only: no temporary */
    ec_stage_write(&s, data, len, &quiet);
    bool same = ec_stage_end(&s, &tmp, &quiet) == EC_WRITE_UNCHANGED;
    ec_diag_free(&quiet);
    return same;
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
        const char *mark = strstr(de->d_name, TEMP_MARK);
        if (!mark)
            continue;
        /* Only a dead process's: a live one (this one, or another errcat
        ** writing here at the same time) is still going to rename it. */
        char *end;
        long pid = strtol(mark + strlen(TEMP_MARK), &end, 10);
        if (end != mark + strlen(TEMP_MARK) && *end == '-' && pid > 0 &&
            (kill((pid_t)pid, 0) == 0 || errno == EPERM))
            continue;
        ec_buf_reset(&p);
        ec_buf_printf(&p, "%s/%s", dir, de->d_name);
        unlink(p.data);
    }
    ec_buf_free(&p);
    closedir(dp);
}

/* Git's own message (its first line) goes into the diagnostic, so that
** all of errcat's output stays on one channel. */
char *ec_read_git_blob(const char *spec, size_t max, size_t *len, ec_loc at, ec_diag *d)
{
    int out[2], err[2];
    if (pipe(out) != 0) {
        ec_error(d, at, "cannot run git: %s", strerror(errno));
        return NULL;
    }
    if (pipe(err) != 0) {
        ec_error(d, at, "cannot run git: %s", strerror(errno));
        close(out[0]);
        close(out[1]);
        return NULL;
    }
    pid_t pid = fork();
    if (pid < 0) {
        ec_error(d, at, "cannot run git: %s", strerror(errno));
        close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        return NULL;
    }
    if (pid == 0) {
        /* The child: only async-signal-safe calls until exec. */
        static const char nogit[] = "cannot run git\n";
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        execlp("git", "git", "cat-file", "blob", spec, (char *)NULL);
        if (write(2, nogit, sizeof nogit - 1) < 0) {
            /* nothing more to say */
        }
        _exit(127); /* the child of a fork must not run the parent's atexit handlers */
    }
    close(out[1]);
    close(err[1]);
    ec_buf data, msg;
    ec_buf_init(&data);
    ec_buf_init(&msg);
    struct pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    ec_buf *bufs[2] = {&data, &msg};
    int open_fds = 2;
    bool too_big = false;
    while (open_fds) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !fds[i].revents)
                continue;
            ec_buf_reserve(bufs[i], 65536);
            ssize_t n = read(fds[i].fd, bufs[i]->data + bufs[i]->len,
                             bufs[i]->cap - bufs[i]->len - 1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
                continue;
            }
            /* Past the limit the bytes are read and dropped, so git ends. */
            if (i == 0 && bufs[0]->len + (size_t)n > max)
                too_big = true;
            else
                bufs[i]->len += (size_t)n;
            bufs[i]->data[bufs[i]->len] = '\0';
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    char *result = NULL;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        msg.data[strcspn(msg.data, "\n")] = '\0';
        if (msg.len)
            ec_error(d, at, "cannot read it from git: %s", msg.data);
        else
            ec_error(d, at, "cannot read it from git: git cat-file failed");
    } else if (too_big) {
        ec_error(d, at, "larger than the %zu MiB limit", max >> 20);
    } else {
        result = ec_buf_detach(&data, len);
    }
    ec_buf_free(&data);
    ec_buf_free(&msg);
    return result;
}
