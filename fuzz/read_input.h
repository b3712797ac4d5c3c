/* read_input.h — shared body of the fuzz targets of the article readers:
 * the bytes are put in an in-memory file and read through sr_input_open
 * with the given format, so the stream layer (gzip included) is exercised
 * as well; every document is analysed and written out as JSON. */
#ifndef SR_FUZZ_READ_INPUT_H
#define SR_FUZZ_READ_INPUT_H

#include "sitrep.h"

#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

/* max_doc: the limit of one document (sr_read_options.max_file_bytes). */
static inline int fuzz_read_input_limit(const uint8_t *data, size_t size, sr_format format,
                                 size_t max_doc)
{
    int fd = memfd_create("fuzz_input", 0);
    if (fd < 0)
        return 0;
    if (size && write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    const char *paths[] = {path};
    sr_read_options opt = {.format = format, .max_file_bytes = max_doc};
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

static inline int fuzz_read_input(const uint8_t *data, size_t size, sr_format format)
{
    return fuzz_read_input_limit(data, size, format, 1u << 22);
}

#endif
