/* fuzz_jsonl.c — the article JSON reader on arbitrary bytes: JSON Lines,
 * objects over many lines, arrays, several objects in a row, bad JSON, odd
 * types, other tools' field names, unknown members carried through. Read
 * through sr_input_open from an in-memory file (read_input.h). Inputs of
 * odd size are read with a document limit of 300 bytes, so that objects
 * over the limit (consumed, never kept) are exercised as well. Its
 * dictionary, fuzz_jsonl.dict, names JSON's tokens and the known fields. */
#include "read_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_input_limit(data, size, SR_FORMAT_JSONL, (size & 1) ? 300 : 1u << 22);
}
