/* fuzz_dict_tabari.c — the TABARI dictionary readers (.verbs with
 * alternatives and stems, .actors with inline dates and sections, .agents,
 * .options, ISO-8859-1 text) on arbitrary bytes, then the compiler. The
 * first byte picks the reader. */
#include "sitrep.h"
#include "lexicon/compiled.h"
#include "lexicon/readers.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    if (size < 1)
        return 0;
    sr_diag diag = {.out = devnull, .quiet = true};
    sr_dict_builder *b = sr_dictb_new(&diag, false);
    sr_dsrc s;
    sr_dsrc_mem(&s, "fuzz.verbs", (const char *)data + 1, size - 1);
    switch (data[0] % 5) {
    case 0: sr_dread_verbs(b, &s, SR_DD_TABARI); break;
    case 1: sr_dread_actors(b, &s, SR_DD_TABARI); break;
    case 2: sr_dread_agents(b, &s, SR_DD_TABARI); break;
    case 3: sr_dread_discards(b, &s, SR_DD_TABARI); break;
    default: sr_dread_options(b, &s); break;
    }
    sr_dsrc_close(&s);
    sr_dict *d = sr_dictb_compile(b);
    if (d) {
        sr_dict_actor_code(d, "argentina", 0);
        sr_dict_verb_code(d, "acting", NULL);
        sr_dict_free(d);
    }
    return 0;
}
