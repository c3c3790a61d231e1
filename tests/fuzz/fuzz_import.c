/* fuzz_import.c: libFuzzer harness for `errcat import`: every importer
** reads the same input (as a file's bytes, through the UTF-8 check of
** ec_import_text), and what it reads is written as a catalog and
** checked. Any input must give diagnostics at the source's places or a
** catalog that passes `errcat check`: a refusal that no source place
** explains is a bug of a reader, and the harness aborts on it. */
#include "import.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < ec_nimport_formats; i++) {
        ec_diag d;
        ec_diag_init(&d);
        ec_import im;
        ec_import_init(&im, ec_import_formats[i].name, &d);
        if (ec_import_text(&im, &ec_import_formats[i], "fuzz.in", (const char *)data, size)) {
            ec_buf out;
            ec_buf_init(&out);
            if (!ec_import_write(&im, "fuzz.yaml", true, &out) && im.reader_bug) {
                ec_buf b;
                ec_buf_init(&b);
                ec_diag_format(&d, &b);
                fprintf(stderr, "%s: an imported catalog fails errcat check:\n%s\n%s\n",
                        ec_import_formats[i].name, b.data, out.data);
                abort();
            }
            ec_buf_free(&out);
        }
        ec_buf b;
        ec_buf_init(&b);
        ec_diag_format(&d, &b);
        ec_buf_free(&b);
        ec_import_free(&im);
        ec_diag_free(&d);
    }
    return 0;
}
