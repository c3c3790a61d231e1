/* test_diag.c: the diagnostics sink (gen/diag.c): ordering, exact text,
** counts, werror. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "diag.h"

#include <string.h>

/* The formatted diagnostics of 'd', as one string (valid until the next call). */
static const char *text_of(const ec_diag *d)
{
    static ec_buf out;
    ec_buf_free(&out);
    ec_diag_format(d, &out);
    return out.data;
}

static ec_loc at(const char *file, uint32_t line, uint32_t col)
{
    return (ec_loc){file, line, col};
}

static void test_exact_format(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    ec_error(&d, at("a.yaml", 3, 7), "unknown key '%s'", "mesage");
    assert_string_equal(text_of(&d), "a.yaml:3:7: error: unknown key 'mesage'\n");
    ec_diag_free(&d);

    ec_diag_init(&d);
    ec_warning(&d, at("w.yaml", 10, 1), "careful");
    ec_note(&d, at("w.yaml", 2, 5), "defined here");
    assert_string_equal(text_of(&d), "w.yaml:10:1: warning: careful\n"
                                     "w.yaml:2:5: note: defined here\n");
    ec_diag_free(&d);
}

/* No file: the program speaks; a file without a line: just the file. */
static void test_fileless_and_lineless(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    ec_error(&d, at(NULL, 0, 0), "no catalog given");
    assert_string_equal(text_of(&d), "errcat: error: no catalog given\n");
    ec_diag_free(&d);

    ec_diag_init(&d);
    ec_error(&d, at("missing.yaml", 0, 0), "cannot read file: %s", "No such file or directory");
    assert_string_equal(text_of(&d),
                        "missing.yaml: error: cannot read file: No such file or directory\n");
    ec_diag_free(&d);
}

/* Errors sort by file (in the order files were first reported), then line,
** then column, whatever order they were reported in. */
static void test_sorted_by_file_line_col(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    ec_error(&d, at("b.yaml", 5, 1), "b5");
    ec_error(&d, at("a.yaml", 9, 2), "a9c2");
    ec_error(&d, at("b.yaml", 2, 8), "b2c8");
    ec_error(&d, at("a.yaml", 9, 1), "a9c1");
    ec_error(&d, at("b.yaml", 2, 3), "b2c3");
    ec_error(&d, at("a.yaml", 1, 1), "a1");
    assert_string_equal(text_of(&d), "b.yaml:2:3: error: b2c3\n"
                                     "b.yaml:2:8: error: b2c8\n"
                                     "b.yaml:5:1: error: b5\n"
                                     "a.yaml:1:1: error: a1\n"
                                     "a.yaml:9:1: error: a9c1\n"
                                     "a.yaml:9:2: error: a9c2\n");
    ec_diag_free(&d);
}

/* File names compare by content, not by pointer. */
static void test_same_file_different_pointers(void **state)
{
    (void)state;
    char f1[] = "x.yaml", f2[] = "x.yaml";
    ec_diag d;
    ec_diag_init(&d);
    ec_error(&d, at(f1, 4, 1), "four");
    ec_error(&d, at("y.yaml", 1, 1), "y");
    ec_error(&d, at(f2, 2, 1), "two");
    assert_string_equal(text_of(&d), "x.yaml:2:1: error: two\n"
                                     "x.yaml:4:1: error: four\n"
                                     "y.yaml:1:1: error: y\n");
    ec_diag_free(&d);
}

/* Notes stay behind the error they explain, in report order, even when they
** point at earlier lines or at another file. */
static void test_notes_follow_their_error(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    ec_error(&d, at("a.yaml", 20, 3), "duplicate key 'x'");
    ec_note(&d, at("a.yaml", 4, 3), "'x' first defined here");
    ec_error(&d, at("a.yaml", 10, 1), "second problem");
    ec_note(&d, at("b.yaml", 99, 9), "related b");
    ec_note(&d, at("a.yaml", 1, 1), "related a");
    ec_error(&d, at("a.yaml", 15, 2), "third");
    assert_string_equal(text_of(&d), "a.yaml:10:1: error: second problem\n"
                                     "b.yaml:99:9: note: related b\n"
                                     "a.yaml:1:1: note: related a\n"
                                     "a.yaml:15:2: error: third\n"
                                     "a.yaml:20:3: error: duplicate key 'x'\n"
                                     "a.yaml:4:3: note: 'x' first defined here\n");
    ec_diag_free(&d);
}

/* Two diagnostics at the same place keep their report order (stable), and
** the note of the first does not move behind the second. */
static void test_same_position_is_stable(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    ec_error(&d, at("a.yaml", 3, 3), "first");
    ec_note(&d, at("a.yaml", 1, 1), "note of first");
    ec_warning(&d, at("a.yaml", 3, 3), "second");
    ec_error(&d, at("a.yaml", 3, 3), "third");
    assert_string_equal(text_of(&d), "a.yaml:3:3: error: first\n"
                                     "a.yaml:1:1: note: note of first\n"
                                     "a.yaml:3:3: warning: second\n"
                                     "a.yaml:3:3: error: third\n");
    ec_diag_free(&d);
}

/* Warnings and errors interleave by position. */
static void test_warnings_sort_with_errors(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    ec_error(&d, at("a.yaml", 8, 1), "late error");
    ec_warning(&d, at("a.yaml", 2, 1), "early warning");
    assert_string_equal(text_of(&d), "a.yaml:2:1: warning: early warning\n"
                                     "a.yaml:8:1: error: late error\n");
    ec_diag_free(&d);
}

/* Diagnostics without a file (command line, I/O) come before file ones. */
static void test_fileless_come_first(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    ec_error(&d, at("a.yaml", 1, 1), "in a file");
    ec_error(&d, at(NULL, 0, 0), "global");
    assert_string_equal(text_of(&d), "errcat: error: global\n"
                                     "a.yaml:1:1: error: in a file\n");
    ec_diag_free(&d);
}

static void test_counts_and_failed(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    assert_false(ec_diag_failed(&d));
    assert_string_equal(text_of(&d), "");
    ec_warning(&d, at("a", 1, 1), "w1");
    ec_note(&d, at("a", 1, 1), "n1");
    ec_warning(&d, at("a", 2, 1), "w2");
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 2);
    assert_int_equal(d.count, 3);
    assert_false(ec_diag_failed(&d));
    ec_error(&d, at("a", 3, 1), "e1");
    ec_note(&d, at("a", 3, 1), "n2");
    assert_int_equal(d.errors, 1);
    assert_int_equal(d.warnings, 2);
    assert_int_equal(d.count, 5);
    assert_true(ec_diag_failed(&d));
    ec_diag_free(&d);
    assert_int_equal(d.count, 0);
    assert_int_equal(d.errors, 0);
}

static void test_werror(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    d.werror = 1;
    assert_false(ec_diag_failed(&d));
    ec_note(&d, at("a", 1, 1), "a note alone fails nothing");
    assert_false(ec_diag_failed(&d));
    ec_warning(&d, at("a", 1, 1), "w");
    assert_true(ec_diag_failed(&d));
    d.werror = 0;
    assert_false(ec_diag_failed(&d));
    ec_diag_free(&d);
}

/* Messages are formatted once, at report time: the arguments need not
** outlive the call. Long messages are kept whole. */
static void test_message_copied_at_report_time(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    char word[16];
    strcpy(word, "before");
    ec_error(&d, at("a", 1, 1), "word %s", word);
    strcpy(word, "after");
    char longs[3000];
    memset(longs, 'm', sizeof longs - 1);
    longs[sizeof longs - 1] = '\0';
    ec_error(&d, at("a", 2, 1), "%s", longs);
    const char *t = text_of(&d);
    assert_true(strncmp(t, "a:1:1: error: word before\na:2:1: error: mmm", 43) == 0);
    assert_int_equal(strlen(t), strlen("a:1:1: error: word before\n") +
                                    strlen("a:2:1: error: ") + sizeof longs - 1 + 1);
    ec_diag_free(&d);
}

/* Many reports (beyond the initial capacity) keep every item. */
static void test_many_items(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    for (uint32_t i = 100; i > 0; i--)
        ec_error(&d, at("f", i, 1), "e%u", (unsigned)i);
    const char *t = text_of(&d);
    assert_true(strncmp(t, "f:1:1: error: e1\nf:2:1: error: e2\n", 34) == 0);
    assert_non_null(strstr(t, "f:99:1: error: e99\nf:100:1: error: e100\n"));
    assert_int_equal(d.errors, 100);
    ec_diag_free(&d);
}

/* ec_diag_format appends to what the buffer already holds. */
static void test_format_appends(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    ec_error(&d, at("f", 1, 2), "x");
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_puts(&b, "> ");
    ec_diag_format(&d, &b);
    assert_string_equal(b.data, "> f:1:2: error: x\n");
    ec_buf_free(&b);
    ec_diag_free(&d);
}

static int teardown_buf(void **state)
{
    (void)state;
    ec_diag d;
    ec_diag_init(&d);
    text_of(&d); /* frees the static buffer */
    return 0;
}

static void test_edit_distance(void **state)
{
    (void)state;
    assert_int_equal(ec_edit_distance("", ""), 0);
    assert_int_equal(ec_edit_distance("abc", ""), 3);
    assert_int_equal(ec_edit_distance("mesage", "message"), 1);
    assert_int_equal(ec_edit_distance("kitten", "sitting"), 3);
    /* a swap of neighbours is one edit */
    assert_int_equal(ec_edit_distance("title", "titel"), 1);
    assert_int_equal(ec_edit_distance("retyr", "retry"), 1);
}

/* One threshold rule for every "did you mean". */
static void test_suggest_threshold(void **state)
{
    (void)state;
    const char *const retry[] = {"never", "always", "maybe", NULL};
    assert_string_equal(ec_suggest("alway", retry), "always");   /* one edit */
    assert_string_equal(ec_suggest("allways", retry), "always"); /* one edit */
    assert_string_equal(ec_suggest("nevr", retry), "never");     /* one edit, short word */
    const char *const keys[] = {"title", "type", NULL};
    assert_null(ec_suggest("ty", keys));                     /* two edits in a short word */
    assert_string_equal(ec_suggest("tytle", keys), "title"); /* the nearest */
    const char *const rules[] = {"name-case", "retry-on-429", NULL};
    assert_string_equal(ec_suggest("namecas", rules), "name-case"); /* two edits in 7 */
    assert_null(ec_suggest("nmecas", rules));                       /* three edits in 6 */
    const char *const longer[] = {"description", NULL};
    assert_string_equal(ec_suggest("dscrptoin", longer), "description"); /* three in 9 */
    assert_null(ec_suggest("dscrptin", longer));                         /* three in 8 */
    assert_null(ec_suggest("zzzzz", longer));
    assert_null(ec_suggest("anything", (const char *const[]){NULL}));
}

/* Candidates one at a time, for lists that are not NULL-terminated. */
static void test_suggester(void **state)
{
    (void)state;
    ec_suggester s;
    ec_suggest_begin(&s, "requot");
    assert_null(ec_suggest_result(&s));
    ec_suggest_consider(&s, "fix-request");
    ec_suggest_consider(&s, "requote");
    ec_suggest_consider(&s, "requote-later");
    assert_string_equal(ec_suggest_result(&s), "requote");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_format),
        cmocka_unit_test(test_fileless_and_lineless),
        cmocka_unit_test(test_sorted_by_file_line_col),
        cmocka_unit_test(test_same_file_different_pointers),
        cmocka_unit_test(test_notes_follow_their_error),
        cmocka_unit_test(test_same_position_is_stable),
        cmocka_unit_test(test_warnings_sort_with_errors),
        cmocka_unit_test(test_fileless_come_first),
        cmocka_unit_test(test_counts_and_failed),
        cmocka_unit_test(test_werror),
        cmocka_unit_test(test_message_copied_at_report_time),
        cmocka_unit_test(test_many_items),
        cmocka_unit_test(test_format_appends),
        cmocka_unit_test(test_edit_distance),
        cmocka_unit_test(test_suggest_threshold),
        cmocka_unit_test(test_suggester),
    };
    return cmocka_run_group_tests(tests, NULL, teardown_buf);
}
