/* lang.c: the table of languages (see lang.h). */
#include "lang.h"

#include <string.h>

/* The programming languages in the order warnings name them (C, C++,
** Python, TypeScript, Go, Rust), then the document languages. */
const ec_language *const ec_languages[] = {
    &ec_lang_c,
    &ec_lang_python,
    &ec_lang_typescript,
    &ec_lang_go,
    &ec_lang_rust,
    &ec_lang_json,
    &ec_lang_html,
    &ec_lang_markdown,
    &ec_lang_po,
};
const size_t ec_nlanguages = sizeof ec_languages / sizeof ec_languages[0];

const ec_language *ec_language_find(const char *name)
{
    for (size_t i = 0; i < ec_nlanguages; i++)
        if (strcmp(ec_languages[i]->name, name) == 0)
            return ec_languages[i];
    return NULL;
}

const ec_language *ec_language_of_file(const char *file)
{
    size_t n = strlen(file);
    for (size_t i = 0; i < ec_nlanguages; i++)
        for (const char *const *e = ec_languages[i]->extensions; e && *e; e++) {
            size_t k = strlen(*e);
            if (n > k && strcmp(file + n - k, *e) == 0)
                return ec_languages[i];
        }
    return NULL;
}
