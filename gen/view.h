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

#endif
