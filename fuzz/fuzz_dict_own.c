/* fuzz_dict_own.c — the reader and checker of sitrep's own dictionary
 * format (src/lexicon/own_*.c) on arbitrary bytes. */
#include "sitrep.h"
#include "lexicon/own.h"
#include "lexicon/dict.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    sr_diag diag = {.out = devnull, .quiet = true};
    sr_own_dict *d = sr_own_new();
    sr_own_parse(d, "fuzz", (const char *)data, size, &diag);
    unsigned problems = sr_own_check(d, sr_own_cameo_known, NULL, &diag);
    if (problems == 0 && d->syntax_errors == 0) {
        sr_dict_builder *b = sr_dictb_new(&diag, false);
        sr_own_compile(d, b);
        sr_dict_free(sr_dictb_compile(b));
    }
    sr_own_counts c;
    sr_own_count(d, &c);
    sr_own_free(d);
    return 0;
}
