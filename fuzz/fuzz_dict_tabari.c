/* fuzz_dict_tabari.c — the TABARI dictionary readers (.verbs with
 * alternatives and stems, .actors with inline dates and sections, .agents,
 * .options, ISO-8859-1 text) on arbitrary bytes, then the compiler. The
 * first byte picks the reader (the fifth is the .options file). */
#include "read_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const fuzz_dict_case c = {"fuzz.verbs", SR_DD_TABARI, sr_dread_options,
                                     "argentina", "acting", NULL, 0};
    return fuzz_read_dict(data, size, &c);
}
