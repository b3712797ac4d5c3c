/* fuzz_jsonl.c — the JSON Lines reader on arbitrary bytes (bad JSON, odd types, unknown members carried through).
 * Read through sr_input_open from an in-memory file (read_input.h). */
#include "read_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_input(data, size, SR_FORMAT_JSONL);
}
