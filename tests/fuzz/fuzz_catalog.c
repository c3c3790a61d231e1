/* fuzz_catalog.c: libFuzzer harness for the whole compiler in memory: load,
** validate, view, and every built-in target rendered (nothing written).
** Any input must give diagnostics or outputs, never a crash or a hang. */
#include "load.h"
#include "target.h"
#include "validate.h"

#include <stdint.h>
#include <stdlib.h>

#ifndef EC_TEMPLATES
#error "build with -DEC_TEMPLATES=\"path/to/templates\""
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ec_diag d;
    ec_diag_init(&d);
    ec_catalog *c = ec_load_buffer("fuzz.yaml", (const char *)data, size, &d);
    if (c && ec_validate(c, &d)) {
        size_t n;
        char **names = ec_target_names(EC_TEMPLATES, NULL, &n);
        ec_outputs out = {0};
        ec_value view = ec_vnull();
        for (size_t i = 0; i < n; i++) {
            ec_target_render(c, names[i], EC_TEMPLATES, NULL, &view, &out, &d);
            free(names[i]);
        }
        free(names);
        ec_outputs_free(&out);
    }
    ec_buf b;
    ec_buf_init(&b);
    ec_diag_format(&d, &b); /* formatting must cope with whatever was reported */
    ec_buf_free(&b);
    ec_catalog_free(c);
    ec_diag_free(&d);
    return 0;
}
