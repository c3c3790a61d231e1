/* com_err.h: what the com_err target (templates/com_err/) needs of a
** domain: whether it fits a com_err error table, and the table. */
#ifndef EC_COM_ERR_H
#define EC_COM_ERR_H

#include "catalog.h"
#include "value.h"

/* Whether 'dom' fits one com_err table: numeric codes, all within one
** block of 256 from a base that is a multiple of 256, in 32 bits (as
** compile_et's). Sets '*base', or '*why' (a phrase) when it does not. */
bool ec_com_err_fits(const ec_domain *dom, int64_t *base, const char **why);

/* The domain's table for the templates, or null when it does not fit:
** {base, count (slots, as compile_et's n_msgs), slots[] ({message}: each
** code's message in its place, text as written with "$$" read as "$";
** compile_et's "Reserved <id> error (<n>)" where no code is)}. */
ec_value ec_com_err_view(ec_arena *a, const ec_domain *dom);

/* Warns of each domain of 'c' that does not fit, saying why; false after
** an error when none does (the target would write empty files). */
bool ec_com_err_check(const ec_catalog *c, ec_diag *d);

#endif
