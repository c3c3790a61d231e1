/* com_err.c: the tables of the com_err target, as compile_et makes them
** (its et_c.awk): one slot per place from the base up to the last code,
** a place no code takes holding "Reserved <table> error (<place>)". */
#include "com_err.h"

#include <string.h>

bool ec_com_err_fits(const ec_domain *dom, int64_t *base, const char **why)
{
    if (dom->string_codes) {
        *why = "its codes are strings; com_err's are numbers";
        return false;
    }
    if (!dom->ncodes) {
        *why = "it has no codes";
        return false;
    }
    int64_t lo = dom->codes[0].num, hi = lo;
    for (size_t i = 1; i < dom->ncodes; i++) {
        lo = dom->codes[i].num < lo ? dom->codes[i].num : lo;
        hi = dom->codes[i].num > hi ? dom->codes[i].num : hi;
    }
    int64_t b = lo >= 0 ? lo / 256 * 256 : -((-lo + 255) / 256 * 256);
    if (hi - b > 255) {
        *why = "its codes do not fit one table of 256 from a multiple of 256";
        return false;
    }
    if (b < INT32_MIN || b + 255 > INT32_MAX) {
        *why = "its codes do not fit 32 bits, as com_err's do";
        return false;
    }
    *base = b;
    return true;
}

/* A message as plain text: "$$" is one '$'; placeholders stay as written. */
static const char *plain(ec_arena *a, const char *msg)
{
    if (!strstr(msg, "$$"))
        return msg;
    char *s = ec_arena_strdup(a, msg), *o = s;
    for (const char *p = msg; *p; p++) {
        *o++ = *p;
        if (p[0] == '$' && p[1] == '$')
            p++;
    }
    *o = '\0';
    return s;
}

ec_value ec_com_err_view(ec_arena *a, const ec_domain *dom)
{
    int64_t base;
    const char *why;
    if (!ec_com_err_fits(dom, &base, &why))
        return ec_vnull();
    const char *text[256] = {0};
    size_t count = 0;
    for (size_t i = 0; i < dom->ncodes; i++) {
        size_t at = (size_t)(dom->codes[i].num - base);
        text[at] = plain(a, dom->codes[i].message);
        count = at + 1 > count ? at + 1 : count;
    }
    ec_builder slots;
    ec_builder_init(&slots);
    for (size_t i = 0; i < count; i++) {
        ec_builder s;
        ec_builder_init(&s);
        ec_builder_add(&s, "message", ec_vstr(text[i] ? text[i]
                                                      : ec_arena_printf(a, "Reserved %s error (%zu)",
                                                                        dom->id, i)));
        ec_builder_push(&slots, ec_builder_map(&s, a));
    }
    ec_builder b;
    ec_builder_init(&b);
    ec_builder_add(&b, "base", ec_vint(base));
    ec_builder_add(&b, "count", ec_vint((int64_t)count));
    ec_builder_add(&b, "slots", ec_builder_list(&slots, a));
    return ec_builder_map(&b, a);
}

bool ec_com_err_check(const ec_catalog *c, ec_diag *d)
{
    size_t fit = 0;
    for (size_t i = 0; i < c->ndomains; i++) {
        int64_t base;
        const char *why;
        if (ec_com_err_fits(&c->domains[i], &base, &why))
            fit++;
        else
            ec_warning(d, c->domains[i].at, "domain '%s' is left out of the com_err target: %s",
                       c->domains[i].id, why);
    }
    if (!fit)
        ec_error(d, c->ndomains ? c->domains[0].at : c->id_at,
                 "no domain of catalog '%s' fits com_err (numeric codes, at most 256 from a "
                 "multiple of 256)",
                 c->id);
    return fit > 0;
}
