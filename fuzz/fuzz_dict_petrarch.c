/* fuzz_dict_petrarch.c — the PETRARCH-2 / PETRARCH-1 dictionary readers
 * (src/lexicon/verbs.c, actors.c, source.c) on arbitrary bytes, then the
 * compiler, the consistency check of the compiled form, and lookups.
 * The first byte picks the reader (the fifth is the issues file). */
#include "read_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const fuzz_dict_case c = {"fuzz.txt", SR_DD_PETRARCH, sr_dread_issues,
                                     "arnor", "met", "foreign minister", 19950101};
    return fuzz_read_dict(data, size, &c);
}
