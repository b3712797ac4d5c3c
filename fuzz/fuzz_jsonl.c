/* fuzz_jsonl.c — the jsonl reader on arbitrary bytes: JSON Lines (bad JSON, odd types, raw member carrying).
 * The bytes are put in an in-memory file and read through sr_input_open,
 * so the stream layer (gzip included) is exercised as well; every document
 * is written out as JSON. */
#include "sitrep.h"

#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz_jsonl", 0);
    if (fd < 0)
        return 0;
    if (size && write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    const char *paths[] = {path};
    sr_read_options opt = {.format = SR_FORMAT_JSONL, .max_file_bytes = 1u << 22};
    FILE *devnull = fopen("/dev/null", "w");
    sr_diag diag = {.out = devnull, .quiet = true};
    sr_input *in = sr_input_open(paths, 1, &opt, &diag);
    sr_buf b;
    sr_buf_init(&b);
    sr_doc *doc;
    while ((doc = sr_input_next(in)) != NULL) {
        sr_text_analyze(doc);
        sr_buf_reset(&b);
        sr_doc_to_json(doc, NULL, &b);
        sr_doc_free(doc);
    }
    sr_input_close(in);
    sr_buf_free(&b);
    if (devnull)
        fclose(devnull);
    close(fd);
    return 0;
}
