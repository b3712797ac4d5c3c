/* fuzz_html.c — the HTML reader on arbitrary bytes: charset detection and
 * conversion, script/style stripping, libxml2's parser, body extraction and
 * metadata; then the JSON writer on the document. The first byte picks an
 * HTTP-declared charset, so declarations that lie are fuzzed too. */
#include "sitrep.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const charsets[] = {
        NULL, NULL, NULL, NULL, "utf-8", "iso-8859-1", "windows-1251",
        "shift_jis", "utf-16", "x-bogus",
    };
    const char *charset = NULL;
    if (size > 0) {
        charset = charsets[data[0] % (sizeof charsets / sizeof charsets[0])];
        data++;
        size--;
    }
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    sr_diag diag = {.out = devnull, .quiet = true};
    sr_doc *d = sr_html_parse((const char *)data, size, charset,
                              "https://example.org/a/b.html", &diag, "fuzz.html");
    if (d) {
        sr_buf b;
        sr_buf_init(&b);
        sr_doc_to_json(d, NULL, &b);
        sr_buf_free(&b);
        sr_doc_free(d);
    }
    return 0;
}
