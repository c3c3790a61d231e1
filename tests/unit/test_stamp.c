/* test_stamp.c: build stamps (gen/stamp.c), in a fresh folder per test
** that is also the working directory. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "phash.h"
#include "stamp.h"
#include "scratch.h"

static const char *const SHAPE[] = {"catalog", "cat.yaml", "targets", NULL};

static int setup(void **state)
{
    (void)state;
    if (scratch_enter("stamp") != 0)
        return -1;
    scratch_put("cat.yaml", "errcat: 1\n");
    scratch_put("out/a/json/a.json", "{}\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return scratch_leave();
}

/* Stamps the build of SHAPE (shape[1] replaced by 'catalog') that read
** cat.yaml and wrote out/a/json/a.json, with 'warnings'. */
static void stamp_build(const char *catalog, const char *warnings)
{
    const char *shape[] = {SHAPE[0], catalog, SHAPE[2], SHAPE[3]};
    ec_stamp s;
    assert_true(ec_stamp_init(&s, "out", shape, 4));
    ec_stamp_input(&s, "cat.yaml", ec_hash_str("errcat: 1\n", 10));
    ec_stamp_output(&s, "a/json/a.json", true);
    ec_diag d;
    ec_diag_init(&d);
    assert_true(ec_stamp_write(&s, warnings, &d));
    assert_int_equal(d.count, 0);
    ec_diag_free(&d);
    ec_stamp_free(&s);
}

/* Is the build of 'catalog' fresh? Its warnings go to 'warnings' (64 bytes). */
static bool fresh(const char *catalog, char *warnings)
{
    const char *shape[] = {SHAPE[0], catalog, SHAPE[2], SHAPE[3]};
    ec_stamp s;
    assert_true(ec_stamp_init(&s, "out", shape, 4));
    char *w = NULL;
    bool yes = ec_stamp_fresh(&s, &w);
    assert_true(yes == (w != NULL));
    if (w) {
        snprintf(warnings, 64, "%s", w);
        free(w);
    }
    ec_stamp_free(&s);
    return yes;
}

static void test_fresh_after_write_with_warnings(void **state)
{
    (void)state;
    char w[64];
    assert_false(fresh("cat.yaml", w)); /* no stamp yet */
    stamp_build("cat.yaml", "x:1:1: warning: w\n");
    assert_true(fresh("cat.yaml", w));
    assert_string_equal(w, "x:1:1: warning: w\n");
}

static void test_other_shape_has_its_own_stamp(void **state)
{
    (void)state;
    char w[64];
    stamp_build("cat.yaml", "");
    assert_false(fresh("other.yaml", w));
    assert_true(fresh("cat.yaml", w));
    assert_string_equal(w, "");
}

static void test_input_compared_by_content(void **state)
{
    (void)state;
    char w[64];
    stamp_build("cat.yaml", "");
    scratch_put("cat.yaml", "errcat: 1\n"); /* rewritten, same bytes */
    assert_true(fresh("cat.yaml", w));
    scratch_put("cat.yaml", "errcat: 2\n");
    assert_false(fresh("cat.yaml", w));
    unlink("cat.yaml");
    assert_false(fresh("cat.yaml", w));
}

static void test_output_changed_or_missing(void **state)
{
    (void)state;
    char w[64];
    stamp_build("cat.yaml", "");
    scratch_put("out/a/json/a.json", "{\"a\": 1}\n");
    assert_false(fresh("cat.yaml", w));
    stamp_build("cat.yaml", "");
    assert_true(fresh("cat.yaml", w));
    unlink("out/a/json/a.json");
    assert_false(fresh("cat.yaml", w));
}

static void test_damaged_stamp_is_stale(void **state)
{
    (void)state;
    char w[64];
    stamp_build("cat.yaml", "warned\n");
    ec_stamp s;
    assert_true(ec_stamp_init(&s, "out", SHAPE, 4));
    /* Cut short, or with bytes after the warnings: never fresh. */
    FILE *f = fopen(s.file, "ab");
    assert_non_null(f);
    fputs("more", f);
    fclose(f);
    assert_false(fresh("cat.yaml", w));
    assert_int_equal(truncate(s.file, 40), 0);
    assert_false(fresh("cat.yaml", w));
    scratch_put(s.file, "");
    assert_false(fresh("cat.yaml", w));
    ec_stamp_free(&s);
}

static void test_newline_in_a_path_is_never_stamped(void **state)
{
    (void)state;
    const char *shape[] = {"catalog", "a\nb.yaml"};
    ec_stamp s;
    assert_false(ec_stamp_init(&s, "out", shape, 2));
    /* An input path with a newline: the stamp is removed, not written. */
    stamp_build("cat.yaml", "");
    assert_true(ec_stamp_init(&s, "out", SHAPE, 4));
    ec_stamp_input(&s, "odd\nname.yaml", 1);
    ec_diag d;
    ec_diag_init(&d);
    assert_true(ec_stamp_write(&s, "", &d));
    ec_diag_free(&d);
    assert_int_equal(access(s.file, F_OK), -1);
    ec_stamp_free(&s);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_fresh_after_write_with_warnings),
        T(test_other_shape_has_its_own_stamp),
        T(test_input_compared_by_content),
        T(test_output_changed_or_missing),
        T(test_damaged_stamp_is_stale),
        T(test_newline_in_a_path_is_never_stamped),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
