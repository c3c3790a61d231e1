/* test_fsio.c: reading inputs and atomic, write-if-changed outputs
** (gen/fsio.c), in a fresh temporary folder per test. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fsio.h"
#include "scratch.h"

static ec_diag D;
static ec_buf diags;

/* A path inside the test's folder (valid until the next call, 8 slots). */
static const char *in_dir(const char *name)
{
    static char paths[8][512];
    static unsigned next;
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/%s", scratch_dir, name);
    return p;
}

/* The whole content of 'path' (caller frees), or NULL. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    ec_buf b;
    ec_buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ec_buf_put(&b, chunk, n);
    fclose(f);
    return ec_buf_detach(&b, len);
}

static const char *diag_text(void)
{
    return scratch_diag_text(&D, &diags);
}

/* Number of entries of 'path' whose name contains 'part'. */
static int count_entries(const char *path, const char *part)
{
    DIR *d = opendir(path);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strstr(e->d_name, part))
            n++;
    closedir(d);
    return n;
}

static int setup(void **state)
{
    (void)state;
    if (scratch_make("fsio") != 0)
        return -1;
    ec_diag_init(&D);
    ec_buf_init(&diags);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ec_diag_free(&D);
    ec_buf_free(&diags);
    return scratch_leave();
}

static void test_read_whole_file(void **state)
{
    (void)state;
    const char *p = in_dir("in.yaml");
    scratch_write(p, "a: 1\n\0b", 7);
    size_t len = 0;
    char *s = ec_read_file(p, EC_MAX_INPUT_BYTES, &len, (ec_loc){NULL, 0, 0}, &D);
    assert_non_null(s);
    assert_int_equal(len, 7);
    assert_memory_equal(s, "a: 1\n\0b", 8); /* NUL-terminated after the bytes */
    free(s);
    assert_int_equal(D.count, 0);
}

static void test_read_empty_file(void **state)
{
    (void)state;
    const char *p = in_dir("empty");
    scratch_write(p, "", 0);
    size_t len = 99;
    char *s = ec_read_file(p, EC_MAX_INPUT_BYTES, &len, (ec_loc){NULL, 0, 0}, &D);
    assert_non_null(s);
    assert_int_equal(len, 0);
    assert_string_equal(s, "");
    free(s);
}

/* A mapped file reads as a read one, and its pages, let go, come back from
** the file with the same bytes (what a diagnostic after the parse reads);
** an empty file and a refused one as ec_read_file. */
static void test_map_file_drop_and_read_again(void **state)
{
    (void)state;
    const char *p = in_dir("big.yaml");
    ec_buf b;
    ec_buf_init(&b);
    for (int i = 0; i < 10000; i++)
        ec_buf_printf(&b, "- {code: %d}\n", i);
    scratch_write(p, b.data, b.len);
    ec_input in;
    assert_true(ec_map_file(&in, p, EC_MAX_INPUT_BYTES, (ec_loc){NULL, 0, 0}, &D));
    assert_true(in.mapped);
    assert_int_equal(in.len, b.len);
    assert_memory_equal(in.text, b.data, b.len);
    ec_map_drop(&in, 0, in.len);
    ec_map_drop(&in, 5, 9); /* within a page: nothing */
    assert_memory_equal(in.text, b.data, b.len);
    ec_input_free(&in);
    ec_buf_free(&b);

    const char *e = in_dir("empty");
    scratch_write(e, "", 0);
    assert_true(ec_map_file(&in, e, EC_MAX_INPUT_BYTES, (ec_loc){NULL, 0, 0}, &D));
    assert_false(in.mapped);
    assert_int_equal(in.len, 0);
    ec_map_drop(&in, 0, 0);
    ec_input_free(&in);
    assert_int_equal(D.count, 0);

    assert_false(ec_map_file(&in, scratch_dir, EC_MAX_INPUT_BYTES, (ec_loc){NULL, 0, 0}, &D));
    char want[600];
    snprintf(want, sizeof want, "%s: error: not a regular file\n", scratch_dir);
    assert_string_equal(diag_text(), want);
}

/* A file named on the command line: the message is about the file itself. */
static void test_read_missing_from_command_line(void **state)
{
    (void)state;
    const char *p = in_dir("missing.yaml");
    size_t len;
    assert_null(ec_read_file(p, EC_MAX_INPUT_BYTES, &len, (ec_loc){NULL, 0, 0}, &D));
    char want[600];
    snprintf(want, sizeof want, "%s: error: cannot read file: No such file or directory\n", p);
    assert_string_equal(diag_text(), want);
    assert_int_equal(D.errors, 1);
}

/* A file named by another (an include): reported where it was named. */
static void test_read_missing_from_a_file(void **state)
{
    (void)state;
    const char *p = in_dir("missing.yaml");
    size_t len;
    assert_null(ec_read_file(p, EC_MAX_INPUT_BYTES, &len, (ec_loc){"root.yaml", 3, 12}, &D));
    char want[600];
    snprintf(want, sizeof want,
             "root.yaml:3:12: error: cannot read '%s': No such file or directory\n", p);
    assert_string_equal(diag_text(), want);
}

static void test_read_directory_refused(void **state)
{
    (void)state;
    size_t len;
    assert_null(ec_read_file(scratch_dir, EC_MAX_INPUT_BYTES, &len, (ec_loc){NULL, 0, 0}, &D));
    char want[600];
    snprintf(want, sizeof want, "%s: error: not a regular file\n", scratch_dir);
    assert_string_equal(diag_text(), want);
}

/* A FIFO, a socket or a device is refused at once: opening a FIFO for
** reading used to wait for a writer forever (alarm() turns a hang into a
** failed test). A symlink is followed to a regular file only. */
static void test_read_fifo_refused_at_once(void **state)
{
    (void)state;
    const char *p = in_dir("pipe.yaml");
    assert_int_equal(mkfifo(p, 0600), 0);
    size_t len;
    alarm(5);
    assert_null(ec_read_file(p, EC_MAX_INPUT_BYTES, &len, (ec_loc){"root.yaml", 2, 11}, &D));
    alarm(0);
    char want[600];
    snprintf(want, sizeof want, "root.yaml:2:11: error: '%s' is not a regular file\n", p);
    assert_string_equal(diag_text(), want);
}

static void test_read_device_refused(void **state)
{
    (void)state;
    size_t len;
    alarm(5);
    assert_null(ec_read_file("/dev/zero", EC_MAX_INPUT_BYTES, &len, (ec_loc){NULL, 0, 0}, &D));
    alarm(0);
    assert_string_equal(diag_text(), "/dev/zero: error: not a regular file\n");
}

static void test_read_symlink_followed_to_regular_files_only(void **state)
{
    (void)state;
    scratch_write(in_dir("real.yaml"), "a: 1\n", 5);
    assert_int_equal(symlink("real.yaml", in_dir("link.yaml")), 0);
    size_t len;
    char *text = ec_read_file(in_dir("link.yaml"), EC_MAX_INPUT_BYTES, &len,
                              (ec_loc){NULL, 0, 0}, &D);
    assert_non_null(text);
    assert_int_equal(len, 5);
    free(text);
    assert_int_equal(mkfifo(in_dir("fifo"), 0600), 0);
    assert_int_equal(symlink("fifo", in_dir("to-fifo.yaml")), 0);
    alarm(5);
    assert_null(ec_read_file(in_dir("to-fifo.yaml"), EC_MAX_INPUT_BYTES, &len,
                             (ec_loc){NULL, 0, 0}, &D));
    alarm(0);
    assert_int_equal(D.count, 1);
}

/* An output path that is a FIFO is replaced, not opened and waited on. */
static void test_write_over_a_fifo_does_not_block(void **state)
{
    (void)state;
    const char *p = in_dir("out.h");
    assert_int_equal(mkfifo(p, 0600), 0);
    alarm(5);
    assert_int_equal(ec_write_file(p, "x", 1, &D), EC_WRITE_WRITTEN);
    alarm(0);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_true(S_ISREG(st.st_mode));
}

static void test_read_size_limit(void **state)
{
    (void)state;
    size_t max = (size_t)1 << 20;
    char *big = calloc(max + 1, 1);
    memset(big, 'x', max + 1);
    const char *exact = in_dir("exact");
    scratch_write(exact, big, max);
    const char *over = in_dir("over");
    scratch_write(over, big, max + 1);
    free(big);

    size_t len = 0;
    char *s = ec_read_file(exact, max, &len, (ec_loc){NULL, 0, 0}, &D);
    assert_non_null(s);
    assert_int_equal(len, max);
    free(s);
    assert_int_equal(D.count, 0);

    assert_null(ec_read_file(over, max, &len, (ec_loc){NULL, 0, 0}, &D));
    char want[600];
    snprintf(want, sizeof want, "%s: error: larger than the 1 MiB limit\n", over);
    assert_string_equal(diag_text(), want);
    /* named by another file: reported there, naming the file */
    ec_diag_free(&D);
    ec_diag_init(&D);
    assert_null(ec_read_file(over, max, &len, (ec_loc){"root.yaml", 2, 11}, &D));
    snprintf(want, sizeof want, "root.yaml:2:11: error: '%s' is larger than the 1 MiB limit\n",
             over);
    assert_string_equal(diag_text(), want);

    /* the production limit is 64 MiB */
    assert_int_equal(EC_MAX_INPUT_BYTES, (size_t)64 << 20);
}

static void test_write_new_file(void **state)
{
    (void)state;
    const char *p = in_dir("out.txt");
    assert_int_equal(ec_write_file(p, "hello\n", 6, &D), EC_WRITE_WRITTEN);
    size_t len;
    char *s = slurp(p, &len);
    assert_non_null(s);
    assert_int_equal(len, 6);
    assert_string_equal(s, "hello\n");
    free(s);
    /* an ordinary file, not mkstemp's 0600 */
    mode_t mask = umask(0);
    umask(mask);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
    assert_int_equal(count_entries(scratch_dir, ".tmp"), 0);
    assert_int_equal(D.count, 0);
}

/* Identical bytes: nothing is written, the file is not even touched. */
static void test_write_unchanged_keeps_inode_and_mtime(void **state)
{
    (void)state;
    const char *p = in_dir("same.txt");
    scratch_write(p, "content", 7);
    /* an mtime far in the past, so any rewrite would show */
    struct timespec old[2] = {{1000000000, 0}, {1000000000, 0}};
    assert_int_equal(utimensat(AT_FDCWD, p, old, 0), 0);
    struct stat before, after;
    assert_int_equal(stat(p, &before), 0);
    assert_int_equal(ec_write_file(p, "content", 7, &D), EC_WRITE_UNCHANGED);
    assert_int_equal(stat(p, &after), 0);
    assert_int_equal(after.st_ino, before.st_ino);
    assert_int_equal(after.st_mtime, 1000000000);
    assert_int_equal(count_entries(scratch_dir, ".tmp"), 0);
    assert_int_equal(D.count, 0);
}

/* Changed bytes replace the file (through a rename: a new inode). */
static void test_write_changed_replaces(void **state)
{
    (void)state;
    const char *p = in_dir("f.txt");
    scratch_write(p, "old content", 11);
    struct stat before, after;
    assert_int_equal(stat(p, &before), 0);
    assert_int_equal(ec_write_file(p, "new", 3, &D), EC_WRITE_WRITTEN);
    assert_int_equal(stat(p, &after), 0);
    assert_int_not_equal(after.st_ino, before.st_ino);
    size_t len;
    char *s = slurp(p, &len);
    assert_int_equal(len, 3);
    assert_string_equal(s, "new");
    free(s);
    /* same length, different bytes */
    assert_int_equal(ec_write_file(p, "NEW", 3, &D), EC_WRITE_WRITTEN);
    s = slurp(p, &len);
    assert_string_equal(s, "NEW");
    free(s);
    /* an empty output over a non-empty file */
    assert_int_equal(ec_write_file(p, "", 0, &D), EC_WRITE_WRITTEN);
    s = slurp(p, &len);
    assert_int_equal(len, 0);
    free(s);
    assert_int_equal(ec_write_file(p, "", 0, &D), EC_WRITE_UNCHANGED);
    assert_int_equal(count_entries(scratch_dir, ".tmp"), 0);
    assert_int_equal(D.count, 0);
}

static void test_write_creates_parent_folders(void **state)
{
    (void)state;
    const char *p = in_dir("a/b/c/out.h");
    assert_int_equal(ec_write_file(p, "x", 1, &D), EC_WRITE_WRITTEN);
    size_t len;
    char *s = slurp(p, &len);
    assert_non_null(s);
    assert_string_equal(s, "x");
    free(s);
    struct stat st;
    assert_int_equal(stat(in_dir("a/b"), &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(count_entries(in_dir("a/b/c"), ".tmp"), 0);
    /* a second file in the now existing folder */
    assert_int_equal(ec_write_file(in_dir("a/b/c/other.h"), "y", 1, &D), EC_WRITE_WRITTEN);
    assert_int_equal(D.count, 0);
}

/* A parent that is a regular file: EC_WRITE_FAILED and one diagnostic that
** names it, still readable after ec_write_file returned: the location's
** file is ec_mkdirs' own copy of the path, freed before it returns (a
** heap-use-after-free until gen/diag.c kept its own copies of file names). */
static void test_write_parent_is_a_file(void **state)
{
    (void)state;
    const char *blocker = in_dir("blocker");
    scratch_write(blocker, "i am a file", 11);
    const char *p = in_dir("blocker/sub/out.txt");
    assert_int_equal(ec_write_file(p, "data", 4, &D), EC_WRITE_FAILED);
    assert_int_equal(D.errors, 1);
    char want[600];
    snprintf(want, sizeof want, "%s: error: cannot create folder: a file of that name exists\n",
             blocker);
    assert_string_equal(diag_text(), want);
    /* nothing was changed or left behind */
    size_t len;
    char *s = slurp(blocker, &len);
    assert_string_equal(s, "i am a file");
    free(s);
    assert_int_equal(count_entries(scratch_dir, ".tmp"), 0);
    assert_int_equal(count_entries(scratch_dir, ""), 1);
}

/* The target is a folder: the rename fails, the temp file is removed. */
static void test_write_over_a_folder_fails_cleanly(void **state)
{
    (void)state;
    const char *p = in_dir("folder");
    assert_int_equal(mkdir(p, 0777), 0);
    assert_int_equal(ec_write_file(p, "data", 4, &D), EC_WRITE_FAILED);
    assert_int_equal(D.errors, 1);
    const char *t = diag_text();
    char want[600];
    snprintf(want, sizeof want, "%s: error: cannot write: ", p);
    assert_true(strncmp(t, want, strlen(want)) == 0);
    assert_int_equal(count_entries(scratch_dir, ".tmp"), 0);
    assert_int_equal(count_entries(scratch_dir, ""), 1);
}

/* Stages 'n' pieces into 'p' (write or compare only); returns the result
** and leaves the temporary's name in *tmp. */
static ec_write_result stage_pieces(const char *p, bool write, const char *const *piece, size_t n,
                                    char **tmp)
{
    ec_stage s;
    ec_stage_begin(&s, p, write, &D);
    for (size_t i = 0; i < n; i++)
        ec_stage_write(&s, piece[i], strlen(piece[i]), &D);
    return ec_stage_end(&s, tmp, &D);
}

/* A file received in pieces: unchanged costs no temporary; a change at
** any point (or a shorter or longer file) gives a temporary with the
** whole new content, the matching part copied from the old file. */
static void test_stage_in_pieces(void **state)
{
    (void)state;
    const char *p = in_dir("big.txt");
    scratch_write(p, "hello, world\n", 13);
    static const char *const same[] = {"hel", "lo, wo", "", "rld\n"};
    static const char *const middle[] = {"hello, ", "WORLD", "\n"};
    static const char *const shorter[] = {"hello"};
    static const char *const longer[] = {"hello, world\n", "and more\n"};
    struct {
        const char *const *piece;
        size_t n;
        const char *want;
    } cases[] = {{same, 4, NULL},
                 {middle, 3, "hello, WORLD\n"},
                 {shorter, 1, "hello"},
                 {longer, 2, "hello, world\nand more\n"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *tmp;
        ec_write_result r = stage_pieces(p, true, cases[i].piece, cases[i].n, &tmp);
        if (!cases[i].want) {
            assert_int_equal(r, EC_WRITE_UNCHANGED);
            assert_null(tmp);
            assert_int_equal(count_entries(scratch_dir, ".tmp"), 0);
            continue;
        }
        assert_int_equal(r, EC_WRITE_WRITTEN);
        assert_non_null(tmp);
        size_t len;
        char *got = slurp(tmp, &len);
        assert_string_equal(got, cases[i].want);
        free(got);
        ec_discard_file(tmp);
        /* Compare only: the same verdict, and no temporary. */
        assert_int_equal(stage_pieces(p, false, cases[i].piece, cases[i].n, &tmp),
                         EC_WRITE_WRITTEN);
        assert_null(tmp);
        assert_int_equal(count_entries(scratch_dir, ".tmp"), 0);
    }
    assert_int_equal(D.count, 0);
}

/* A stage given up part way removes its temporary. */
static void test_stage_abort(void **state)
{
    (void)state;
    const char *p = in_dir("gone.txt");
    ec_stage s;
    assert_true(ec_stage_begin(&s, p, true, &D)); /* no old file: differs at once */
    ec_stage_write(&s, "part", 4, &D);
    assert_int_equal(count_entries(scratch_dir, ".tmp"), 1);
    ec_stage_abort(&s);
    assert_int_equal(count_entries(scratch_dir, ""), 0);
}

static void test_file_equals(void **state)
{
    (void)state;
    const char *p = in_dir("eq");
    assert_false(ec_file_equals(p, "", 0)); /* missing */
    scratch_write(p, "abc", 3);
    assert_true(ec_file_equals(p, "abc", 3));
    assert_false(ec_file_equals(p, "ab", 2));
    assert_false(ec_file_equals(p, "abcd", 4));
    assert_false(ec_file_equals(p, "abd", 3));
    assert_false(ec_file_equals(scratch_dir, "", 0)); /* a folder */
    scratch_write(p, "", 0);
    assert_true(ec_file_equals(p, "", 0));
    /* larger than one read chunk, differing only at the very end */
    size_t n = 200000;
    char *big = malloc(n);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 23);
    scratch_write(p, big, n);
    assert_true(ec_file_equals(p, big, n));
    big[n - 1] ^= 1;
    assert_false(ec_file_equals(p, big, n));
    free(big);
}

static void test_mkdirs(void **state)
{
    (void)state;
    assert_true(ec_mkdirs(in_dir("x/y/z"), &D));
    assert_true(ec_mkdirs(in_dir("x/y/z"), &D)); /* already there */
    assert_true(ec_mkdirs(scratch_dir, &D));
    struct stat st;
    assert_int_equal(stat(in_dir("x/y/z"), &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(D.count, 0);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_read_whole_file),
        T(test_read_empty_file),
        T(test_map_file_drop_and_read_again),
        T(test_read_missing_from_command_line),
        T(test_read_missing_from_a_file),
        T(test_read_directory_refused),
        T(test_read_fifo_refused_at_once),
        T(test_read_device_refused),
        T(test_read_symlink_followed_to_regular_files_only),
        T(test_write_over_a_fifo_does_not_block),
        T(test_read_size_limit),
        T(test_write_new_file),
        T(test_write_unchanged_keeps_inode_and_mtime),
        T(test_write_changed_replaces),
        T(test_write_creates_parent_folders),
        T(test_write_parent_is_a_file),
        T(test_write_over_a_folder_fails_cleanly),
        T(test_stage_in_pieces),
        T(test_stage_abort),
        T(test_file_equals),
        T(test_mkdirs),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
