/* vectors.h: conformance vectors, the questions every output of a catalog
** must answer alike (lookups, retry decisions, formatted messages), with
** the answers of errcat's reference semantics (decide.h). */
#ifndef EC_VECTORS_H
#define EC_VECTORS_H

#include "catalog.h"

/* Builds the vectors of 'c' (validated) in its arena. */
ec_value ec_vectors_build(ec_catalog *c);

#endif
