/* fuzz_feed.c — the feed reader on arbitrary bytes: RSS 2.0, RSS 1.0 and Atom feeds (XML with entity declarations, CDATA, escaped HTML).
 * Read through sr_input_open from an in-memory file (read_input.h). */
#include "read_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read_input(data, size, SR_FORMAT_FEED);
}
