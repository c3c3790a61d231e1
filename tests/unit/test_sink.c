/* test_sink.c: the all-or-nothing output of a build (gen/sink.c), in a
** fresh temporary folder per test: files are staged beside their
** destinations and replace them only on commit; an abort, or a failure
** part way, leaves every file as it was; an unchanged file is not touched. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "alloc.h"
#include "sink.h"
#include "scratch.h"

#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static ec_diag D;
static ec_buf diags;
static ec_sink K;

static int setup(void **state)
{
    (void)state;
    ec_diag_init(&D);
    ec_buf_init(&diags);
    if (scratch_enter("sink") != 0)
        return -1;
    ec_sink_init(&K, "out", false, &D);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ec_sink_free(&K);
    ec_diag_free(&D);
    ec_buf_free(&diags);
    return scratch_leave();
}

/* One whole file into sink 'k', as a target hands it over. */
static void put_into(ec_sink *k, const char *path, const char *text)
{
    ec_output x = {(char *)path, NULL, strlen(text)};
    x.data = ec_xmalloc(x.len + 1);
    memcpy(x.data, text, x.len + 1);
    ec_sink_done(k, &x);
    assert_null(x.data); /* the sink frees it */
}

static void put(const char *path, const char *text)
{
    put_into(&K, path, text);
}

/* The content of 'path' (static, valid until the next call), or NULL. */
static const char *content(const char *path)
{
    static char text[256];
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    return text;
}

/* Entries of folder 'dir', "." and ".." aside. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static const char *diag_text(void)
{
    return scratch_diag_text(&D, &diags);
}

/* Staged files wait beside their destinations; commit puts them in place. */
static void test_stage_then_commit(void **state)
{
    (void)state;
    scratch_put("out/c/old.h", "old\n");
    put("c/old.h", "new\n");
    put("c/added.h", "added\n");
    put("md/doc.md", "doc\n");
    assert_int_equal(K.n, 3);
    assert_string_equal(content("out/c/old.h"), "old\n"); /* not yet */
    assert_null(content("out/c/added.h"));
    assert_int_equal(entries("out/c"), 3); /* old.h and two temporaries */
    assert_true(ec_sink_finish(&K, true));
    assert_string_equal(content("out/c/old.h"), "new\n");
    assert_string_equal(content("out/c/added.h"), "added\n");
    assert_string_equal(content("out/md/doc.md"), "doc\n");
    assert_int_equal(entries("out/c"), 2); /* no temporary left */
    assert_string_equal(diag_text(), "");
}

/* Without commit, nothing staged remains and nothing is replaced. */
static void test_abort_leaves_nothing(void **state)
{
    (void)state;
    scratch_put("out/c/old.h", "old\n");
    put("c/old.h", "new\n");
    put("c/added.h", "added\n");
    assert_true(ec_sink_finish(&K, false));
    assert_string_equal(content("out/c/old.h"), "old\n");
    assert_null(content("out/c/added.h"));
    assert_int_equal(entries("out/c"), 1);
}

/* Without commit, the folders made for the staged files go too, children
** first; a folder that was there before stays, empty or not. */
static void test_abort_removes_folders_it_made(void **state)
{
    (void)state;
    scratch_put("out/keep/x", "x\n");
    remove("out/keep/x");
    put("new/deep/a.h", "a\n");
    put("new/b.h", "b\n");
    put("keep/c.h", "c\n");
    assert_true(ec_sink_finish(&K, false));
    struct stat st;
    assert_int_not_equal(stat("out/new", &st), 0);
    assert_int_equal(stat("out/keep", &st), 0);
    assert_int_equal(entries("out/keep"), 0);
}

/* A file whose bytes are the same is neither staged nor rewritten: its
** inode and time stay. */
static void test_unchanged_file_untouched(void **state)
{
    (void)state;
    scratch_put("out/same.txt", "same\n");
    struct timeval past[2] = {{1000000000, 0}, {1000000000, 0}};
    assert_int_equal(utimes("out/same.txt", past), 0);
    struct stat before, after;
    assert_int_equal(stat("out/same.txt", &before), 0);
    put("same.txt", "same\n");
    assert_int_equal(K.n, 0);
    assert_true(ec_sink_finish(&K, true));
    assert_int_equal(stat("out/same.txt", &after), 0);
    assert_int_equal(before.st_ino, after.st_ino);
    assert_int_equal(after.st_mtime, 1000000000);
    assert_int_equal(entries("out"), 1);
}

/* A file that cannot be staged fails the sink: what was staged before it
** is dropped on finish, and every old file keeps its bytes. */
static void test_failure_midway_keeps_old_contents(void **state)
{
    (void)state;
    scratch_put("out/a.txt", "old a\n");
    scratch_put("out/blocked", "a file where a folder should be\n");
    put("a.txt", "new a\n");
    assert_false(K.failed);
    put("blocked/b.txt", "b\n");
    assert_true(K.failed);
    put("c.txt", "c\n"); /* after a failure the sink takes nothing more */
    assert_int_equal(K.n, 1);
    assert_true(ec_sink_finish(&K, !K.failed));
    assert_string_equal(content("out/a.txt"), "old a\n");
    assert_null(content("out/c.txt"));
    assert_int_equal(entries("out"), 2);
    assert_true(D.errors > 0);
}

/* A file handed over in pieces (spill) arrives whole. */
static void test_spilled_pieces(void **state)
{
    (void)state;
    ec_sink_begin(&K, "big.txt");
    ec_sink_spill(&K, "one ", 4);
    ec_sink_spill(&K, "two ", 4);
    ec_output x = {(char *)"big.txt", ec_xmalloc(6), 5};
    memcpy(x.data, "three", 6);
    ec_sink_done(&K, &x);
    assert_true(ec_sink_finish(&K, true));
    assert_string_equal(content("out/big.txt"), "one two three");
}

/* A render that fails part way through a file leaves no temporary. */
static void test_half_received_file_dropped(void **state)
{
    (void)state;
    scratch_put("out/x.txt", "old\n");
    ec_sink_begin(&K, "x.txt");
    ec_sink_spill(&K, "something else", 14);
    ec_sink_free(&K);
    ec_sink_init(&K, "out", false, &D);
    assert_string_equal(content("out/x.txt"), "old\n");
    assert_int_equal(entries("out"), 1);
}

/* --check: nothing is written; the files that differ are listed as stale,
** and, verbose, a commit lists what it wrote. */
static void test_check_and_log(void **state)
{
    (void)state;
    scratch_put("out/same.txt", "same\n");
    scratch_put("out/old.txt", "old\n");
    FILE *log = tmpfile();
    assert_non_null(log);
    ec_sink_free(&K);
    ec_sink_init(&K, "out", true, &D);
    K.log = log;
    put("same.txt", "same\n");
    put("old.txt", "new\n");
    put("missing.txt", "x\n");
    assert_int_equal(K.stale, 2);
    assert_int_equal(K.n, 2); /* kept to be listed by ec_sink_finish: nothing staged */
    assert_true(ec_sink_finish(&K, true));
    assert_string_equal(content("out/old.txt"), "old\n");
    assert_null(content("out/missing.txt"));
    assert_int_equal(entries("out"), 2);

    ec_sink_free(&K);
    ec_sink_init(&K, "out", false, &D);
    K.log = log;
    K.verbose = true;
    put("old.txt", "new\n");
    assert_true(ec_sink_finish(&K, true));
    char text[256];
    rewind(log);
    size_t n = fread(text, 1, sizeof text - 1, log);
    text[n] = '\0';
    fclose(log);
    assert_string_equal(text, "stale: out/old.txt\nstale: out/missing.txt\nwrote out/old.txt\n");
}

/* Sinks of targets rendered on threads, adopted in target order: when the
** build fails, the folders each made go, also a parent that the second
** sink noted after the first noted a child of it (list order would try the
** parent first and leave it). Committed, every file is in place. */
static void test_adopted_sinks(void **state)
{
    (void)state;
    for (int commit = 0; commit < 2; commit++) {
        ec_sink a, b;
        ec_sink_init(&a, "out", false, &D);
        ec_sink_init(&b, "out", false, &D);
        put_into(&b, "new/b/x.h", "x\n"); /* notes out/new and out/new/b */
        put_into(&a, "new/a/y.h", "y\n"); /* out/new exists: notes out/new/a */
        ec_sink_adopt(&K, &a);
        ec_sink_adopt(&K, &b);
        assert_int_equal(K.n, 2);
        assert_true(ec_sink_finish(&K, commit));
        struct stat st;
        if (commit) {
            assert_string_equal(content("out/new/a/y.h"), "y\n");
            assert_string_equal(content("out/new/b/x.h"), "x\n");
        } else {
            assert_int_not_equal(stat("out/new", &st), 0);
        }
    }
}

/* Temporaries a killed run left in a folder the sink writes to go. */
static void test_stale_temporaries_removed(void **state)
{
    (void)state;
    scratch_put("out/a.txt.tmp-errcat-abc123", "left by a killed run\n");
    put("a.txt", "a\n");
    assert_true(ec_sink_finish(&K, true));
    assert_int_equal(entries("out"), 1);
    assert_string_equal(content("out/a.txt"), "a\n");
}

/* A temporary of another errcat that is still writing into the same folder
** (a build system's parallel actions) is left alone; a dead writer's goes. */
static void test_live_writers_temporaries_kept(void **state)
{
    (void)state;
    pid_t child = fork();
    if (child == 0)
        _exit(0);
    assert_true(child > 0);
    assert_int_equal(waitpid(child, NULL, 0), child);
    char live[64], dead[64];
    snprintf(live, sizeof live, "out/b.txt.tmp-errcat-%ld-abc123", (long)getppid());
    snprintf(dead, sizeof dead, "out/c.txt.tmp-errcat-%ld-abc123", (long)child);
    scratch_put(live, "being written\n");
    scratch_put(dead, "left by a killed run\n");
    put("a.txt", "a\n");
    assert_true(ec_sink_finish(&K, true));
    assert_string_equal(content(live), "being written\n");
    assert_null(content(dead));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_stage_then_commit),
        T(test_abort_leaves_nothing),
        T(test_abort_removes_folders_it_made),
        T(test_unchanged_file_untouched),
        T(test_failure_midway_keeps_old_contents),
        T(test_spilled_pieces),
        T(test_half_received_file_dropped),
        T(test_check_and_log),
        T(test_stale_temporaries_removed),
        T(test_live_writers_temporaries_kept),
        T(test_adopted_sinks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
