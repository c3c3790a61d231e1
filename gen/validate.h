/* validate.h: the meaning of a loaded catalog. */
#ifndef EC_VALIDATE_H
#define EC_VALIDATE_H

#include "catalog.h"

/* Checks every rule of the format (one static function each), reporting
** every problem to 'd', and resolves references (retry policies). Returns
** false when an error was reported. The catalog must not be used for
** output after a failed validation. */
bool ec_validate(ec_catalog *c, ec_diag *d);

#endif
