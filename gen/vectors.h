/* vectors.h: conformance vectors, the questions every output of a catalog
** must answer alike (lookups, retry decisions, formatted messages), with
** the answers of errcat's reference semantics (decide.h). */
#ifndef EC_VECTORS_H
#define EC_VECTORS_H

#include "catalog.h"

/* Writes the vectors of 'c' (validated) as JSON to 'out', whose spill
** function, if any, gets them as they are made: the long lists are never
** held whole. Reads 'c' only: safe beside other readers on other threads. */
void ec_vectors_write(const ec_catalog *c, ec_buf *out);

#endif
