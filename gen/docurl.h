/* docurl.h: per-code documentation URLs, from the catalog's
** docs_url_template ("https://docs.example.com/errors/{name_kebab}"). */
#ifndef EC_DOCURL_H
#define EC_DOCURL_H

#include "arena.h"
#include "catalog.h"
#include "diag.h"

#include <stdbool.h>

/* Checks a template: an absolute http(s) URL whose placeholders are among
** {domain}, {code} and {name}, each also with a spelling suffix (_upper,
** _snake, _camel, _pascal, _kebab), and which names the code ({code...}
** or {name...}). Reports at 'at' and returns false otherwise. */
bool ec_docurl_check(const char *tmpl, ec_loc at, ec_diag *d);

/* The documentation URL of an entry of domain 'dom': for a code, the
** template filled in (each value percent-encoded but its unreserved
** characters), else docs_url#<anchor>; for a fallback or a class's entry
** docs_url#<anchor>. NULL when the catalog has neither. 'anchor' is the
** entry's anchor (ec_anchor). */
const char *ec_docurl_of(ec_arena *a, const ec_catalog *c, const ec_domain *dom,
                         const ec_code *e, bool fallback, const char *anchor);

#endif
