/* view.h: a validated catalog as a generic tree. The canonical part is the
** `json` target; templates also see derived data (identifier spellings,
** positions in lists, rendered example bodies). */
#ifndef EC_VIEW_H
#define EC_VIEW_H

#include "catalog.h"

typedef enum ec_view_mode {
    EC_VIEW_CANONICAL, /* the resolved catalog, as the json target writes it */
    EC_VIEW_TEMPLATE   /* canonical plus the derived data templates use */
} ec_view_mode;

/* Builds the view of 'c' (which must have passed ec_validate) in the
** catalog's arena. Never fails. */
ec_value ec_view_build(ec_catalog *c, ec_view_mode mode);

/* The same in arena 'a', 'c' untouched. Once built, a view is only read:
** its lazy lists make their items in the reader's arena, so threads may
** render one view at once, each with arenas of its own. */
ec_value ec_view_build_in(const ec_catalog *c, ec_view_mode mode, ec_arena *a);

/* The view of the docs in locale 'locale' of 'c' (1 for its first
** translation, 0 for its source: ec_view_build_in's): every text that the
** locale, or one it falls back to (fr-CA's fr), translates in its place,
** and no C tables. In a catalog that ships translations, every template
** view also has 'locale' and 'locale_links' (templates/README.md). */
ec_value ec_view_build_locale(const ec_catalog *c, ec_view_mode mode, size_t locale,
                              ec_arena *a);

#endif
