/*
 * fuzz_model.c — the model loader on arbitrary bytes.
 *
 * Checksums would stop almost every mutated input at the door, so the
 * target loads each input twice: once as sr_model_load would (checksums
 * verified) and once with the checksums skipped, which sends the bytes
 * through every structural check of every section. A model that passes is
 * then used to parse a small document, so a check that lets through a
 * table the parser would read out of bounds shows up here.
 */
#include "sitrep.h"
#include "syntax/syntax.h"

#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char doc_text[] =
    "# text = Iran said it didn't want talks with the envoys.\n"
    "1\tIran\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tsaid\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tit\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "4\tdid\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "5\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "6\twant\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "7\ttalks\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "8\twith\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "9\tthe\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "10\tenvoys\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "11\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    sr_diag diag = {.out = devnull, .quiet = true};
    for (int verify = 1; verify >= 0; verify--) {
        sr_model *m = syn_model_from_memory("fuzz", data, size, true, verify, &diag);
        if (!m)
            continue;
        sr_conllu_reader *r = sr_conllu_open("doc", doc_text, sizeof doc_text - 1,
                                             false, &diag);
        sr_doc *d;
        sr_buf b;
        sr_buf_init(&b);
        while ((d = sr_conllu_next(r)) != NULL) {
            sr_syntax_parse(m, d);
            sr_doc_to_conllu(d, &b);
            sr_doc_free(d);
        }
        sr_buf_free(&b);
        sr_conllu_close(r);
        sr_model_free(m);
    }
    return 0;
}
