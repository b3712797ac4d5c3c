/* fuzz_warc.c — the WARC reader on arbitrary bytes: WARC records (lying lengths, HTTP headers, chunked and gzip payloads), read through the same gzip-aware stream as files.
 * Read through sr_input_open from an in-memory file (read_input.h). */
#include "read_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_input(data, size, SR_FORMAT_WARC);
}
