/* fuzz_conllu.c — the CoNLL-U reader and writer on arbitrary bytes. */
#include "sitrep.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    sr_diag diag = {.out = devnull, .quiet = true};
    for (int per_sentence = 0; per_sentence < 2; per_sentence++) {
        sr_conllu_reader *r = sr_conllu_open("fuzz", (const char *)data, size,
                                             per_sentence, &diag);
        sr_doc *d;
        sr_buf b;
        sr_buf_init(&b);
        while ((d = sr_conllu_next(r)) != NULL) {
            sr_doc_to_conllu(d, &b);
            sr_doc_free(d);
        }
        sr_buf_free(&b);
        sr_conllu_close(r);
    }
    return 0;
}
