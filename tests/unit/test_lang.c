/* test_lang.c: the table of languages (gen/lang.c) and what every
** descriptor must hold, so that a language added wrongly fails here. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "lang.h"

#include <string.h>

/* Names find their language, and no two languages share a name. */
static void test_names(void **state)
{
    (void)state;
    for (size_t i = 0; i < ec_nlanguages; i++) {
        const ec_language *L = ec_languages[i];
        assert_ptr_equal(ec_language_find(L->name), L);
        assert_ptr_equal(ec_escape_find(L->name), L->escape);
        assert_non_null(L->escape);
        assert_non_null(L->extensions);
    }
    assert_ptr_equal(ec_language_find("rust"), &ec_lang_rust);
    assert_null(ec_language_find("kotlin"));
    assert_null(ec_language_find("none")); /* an escaper, not a language */
    assert_null(ec_language_find(""));
}

/* An output file's ending picks its language; an ending belongs to one
** language only. */
static void test_of_file(void **state)
{
    (void)state;
    assert_ptr_equal(ec_language_of_file("shop_errors.h"), &ec_lang_c);
    assert_ptr_equal(ec_language_of_file("shop_errors.c"), &ec_lang_c);
    assert_ptr_equal(ec_language_of_file("shop_errors.pyi"), &ec_lang_python);
    assert_ptr_equal(ec_language_of_file("index.html"), &ec_lang_html);
    assert_ptr_equal(ec_language_of_file("Cargo.toml"), &ec_lang_json);
    assert_ptr_equal(ec_language_of_file("shop.openapi.json"), &ec_lang_json);
    assert_ptr_equal(ec_language_of_file("lib.rs"), &ec_lang_rust);
    assert_null(ec_language_of_file("go.mod"));
    assert_null(ec_language_of_file(".h")); /* an ending, but no name */
    assert_null(ec_language_of_file("notes.txt"));
    for (size_t i = 0; i < ec_nlanguages; i++)
        for (const char *const *e = ec_languages[i]->extensions; *e; e++) {
            char file[64] = "x";
            assert_true(strlen(*e) < sizeof file - 1);
            strcat(file, *e);
            assert_ptr_equal(ec_language_of_file(file), ec_languages[i]);
        }
}

/* Every list of reserved words is sorted without repeats (bsearch reads
** it) and holds no word longer than EC_RESERVED_LONGEST (the look-up
** skips longer names). */
static void test_reserved_lists(void **state)
{
    (void)state;
    for (size_t i = 0; i < ec_nlanguages; i++) {
        const ec_language *L = ec_languages[i];
        for (size_t g = 0; g < sizeof L->reserved / sizeof L->reserved[0]; g++) {
            const ec_reserved *r = &L->reserved[g];
            assert_true(!r->n || r->by);
            for (size_t j = 0; j < r->n; j++) {
                assert_true(strlen(r->words[j]) <= EC_RESERVED_LONGEST);
                if (j)
                    assert_true(strcmp(r->words[j - 1], r->words[j]) < 0);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_of_file),
        cmocka_unit_test(test_reserved_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
