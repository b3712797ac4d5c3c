/* fuzz_text.c — body repair, normalisation, segmentation and tokenisation
 * on arbitrary bytes, and the JSON and CoNLL-U writers on the result. */
#include "sitrep.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_doc *d = sr_doc_new();
    sr_doc_set_body(d, (const char *)data, size);
    sr_text_analyze(d);
    sr_buf b;
    sr_buf_init(&b);
    sr_doc_json_options o = {.tokens = true};
    sr_doc_to_json(d, &o, &b);
    sr_doc_to_conllu(d, &b);
    sr_buf_free(&b);
    sr_doc_free(d);
    return 0;
}
