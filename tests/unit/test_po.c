/* test_po.c: reading gettext PO files as translators' tools write them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "po.h"

#include <string.h>

/* A file as Poedit or msgmerge leave it: a header, wrapped lines,
** translator and extracted comments, flags, previous msgids, plural forms,
** an obsolete entry. */
static const char sample[] =
    "# French translation of the shop API's errors.\n"
    "# Copyright (C) 2026\n"
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Project-Id-Version: shop 1.0\\n\"\n"
    "\"Language: fr\\n\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == \"\n"
    "\"0 ? 1 : 2;\\n\"\n"
    "\n"
    "#. the card was declined\n"
    "#: shop.yaml:12\n"
    "msgctxt \"payments.CARD_DECLINED\"\n"
    "msgid \"Your card was declined.\"\n"
    "msgstr \"Votre carte a \xc3\xa9t\xc3\xa9 \"\n"
    "\"refus\xc3\xa9" "e.\"\n"
    "\n"
    "#, fuzzy, c-format\n"
    "#| msgid \"Old text\"\n"
    "msgctxt \"payments.EXPIRED\"\n"
    "msgid \"The card expired.\"\n"
    "msgstr \"La carte a expir\xc3\xa9.\"\n"
    "\n"
    "msgctxt \"files.TOO_MANY\"\n"
    "msgid \"${count} file is too large\"\n"
    "msgid_plural \"${count} files are too large\"\n"
    "msgstr[0] \"${count} fichier est trop grand\"\n"
    "msgstr[1] \"${count} de fichiers sont trop grands\"\n"
    "msgstr[2] \"${count} fichiers sont trop grands\"\n"
    "\n"
    "msgid \"No \\\"context\\\"\\ttab\\\\\"\n"
    "msgstr \"\"\n"
    "\n"
    "#~ msgctxt \"payments.GONE\"\n"
    "#~ msgid \"Gone.\"\n"
    "#~ msgstr \"Parti.\"\n";

static void test_sample(void **state)
{
    (void)state;
    ec_arena a;
    ec_diag d;
    ec_po po;
    ec_arena_init(&a);
    ec_diag_init(&d);
    assert_true(ec_po_read("fr.po", sample, sizeof sample - 1, &a, &d, &po));
    assert_int_equal(d.errors, 0);
    assert_int_equal(po.n, 4);
    assert_string_equal(po.entries[0].ctxt, "payments.CARD_DECLINED");
    assert_string_equal(po.entries[0].str[0], "Votre carte a \xc3\xa9t\xc3\xa9 refus\xc3\xa9" "e.");
    assert_int_equal(po.entries[0].at.line, 13);
    assert_int_equal(po.entries[0].str_at.line, 15);
    assert_false(po.entries[0].fuzzy);
    assert_true(po.entries[1].fuzzy);
    assert_string_equal(po.entries[2].id_plural, "${count} files are too large");
    assert_int_equal(po.entries[2].nstr, 3);
    assert_string_equal(po.entries[2].str[2], "${count} fichiers sont trop grands");
    assert_false(po.entries[2].fuzzy);
    assert_null(po.entries[3].ctxt);
    assert_string_equal(po.entries[3].id, "No \"context\"\ttab\\");
    assert_string_equal(ec_po_header_field(&po, "Language", &a), "fr");
    assert_string_equal(ec_po_header_field(&po, "Plural-Forms", &a),
                        "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == "
                        "0 ? 1 : 2;");
    assert_null(ec_po_header_field(&po, "Lang", &a));
    ec_diag_free(&d);
    ec_arena_free(&a);
}

/* Each bad file fails with one error at the line and column given. */
static void check_bad(const char *text, uint32_t line, uint32_t col, const char *msg)
{
    ec_arena a;
    ec_diag d;
    ec_po po;
    ec_arena_init(&a);
    ec_diag_init(&d);
    assert_false(ec_po_read("x.po", text, strlen(text), &a, &d, &po));
    assert_int_equal(d.errors, 1);
    if (d.items[0].at.line != line || d.items[0].at.col != col ||
        !strstr(d.items[0].msg, msg))
        fail_msg("%s: got %u:%u %s, want %u:%u %s", text, d.items[0].at.line,
                 d.items[0].at.col, d.items[0].msg, line, col, msg);
    ec_diag_free(&d);
    ec_arena_free(&a);
}

static void test_bad(void **state)
{
    (void)state;
    check_bad("msgid \"a\"\nmsgstr \"b", 2, 8, "unterminated");
    check_bad("msgid \"a\" x\nmsgstr \"b\"", 1, 10, "after the string");
    check_bad("msgid \"a\"\n", 1, 1, "without msgstr");
    check_bad("msgstr \"b\"\n", 1, 1, "before its msgid");
    check_bad("msgid \"a\"\nmsgstr \"\\q\"\n", 2, 9, "unknown escape");
    check_bad("msgid \"a\"\nmsgstr \"\\0\"\n", 2, 9, "NUL");
    check_bad("msgid \"a\"\nmsgstr \"\\xff\"\n", 1, 1, "UTF-8");
    check_bad("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr \"c\"\n", 1, 1, "msgstr[0]");
    check_bad("msgid \"a\"\nmsgstr[0] \"c\"\n", 1, 1, "msgid_plural");
    check_bad("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[1] \"c\"\n", 3, 1, "out of order");
    check_bad("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[9] \"c\"\n", 3, 7, "N from 0 to 7");
    check_bad("\"dangling\"\n", 1, 1, "continues nothing");
    check_bad("msgid \"a\"\nmsgstr \"b\"\nfoo \"c\"\n", 3, 1, "expected msgctxt");
    check_bad("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n", 2, 1,
              "charset must be UTF-8");
    check_bad("msgid \"a\"\nmsgid \"b\"\nmsgstr \"c\"\n", 1, 1, "without msgstr");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample),
        cmocka_unit_test(test_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
