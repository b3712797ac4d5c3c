/*
 * html.h — the parts of the HTML reader, shared by html.c (the reader),
 * html_charset.c (bytes in any charset to UTF-8) and html_body.c (the
 * article body of a parsed page). Not used outside src/ingest/.
 */
#ifndef SR_INGEST_HTML_H
#define SR_INGEST_HTML_H

#include "ingest.h"

/* The page's bytes as UTF-8, ready for libxml2. */
typedef struct sr_html_text {
    const char *data;        /* the bytes: `owned.data`, or the input */
    size_t len;
    sr_buf owned;            /* set when the input had to be converted */
    char charset[64];        /* the charset the page was read as */
} sr_html_text;

/* Decide the page's charset and make its bytes valid UTF-8 without NUL
 * bytes. The order of evidence is the one of the HTML standard: a byte
 * order mark, then the charset an HTTP header declared (`http_charset`, or
 * NULL), then a <meta charset> or <meta http-equiv="Content-Type"> in the
 * first 64 KiB, else UTF-8 when the bytes are valid UTF-8 and windows-1252
 * otherwise. A declaration the bytes contradict (UTF-8 declared but the
 * bytes are not, a single-byte charset declared but the bytes are UTF-8) is
 * overridden, with a warning naming `where`. Bytes invalid in the chosen
 * charset become U+FFFD. Free with sr_html_text_free(). Returns
 * SR_ERR_FORMAT (after an error message) when the bytes look binary. */
sr_status sr_html_decode(const char *bytes, size_t len, const char *http_charset,
                         sr_html_text *out, sr_diag *diag, const char *where);
void sr_html_text_free(sr_html_text *t);

/* Copy UTF-8 HTML into `out` without what no reader needs and what costs
 * the parser most: the content of <script> (except JSON-LD, which holds
 * metadata), <style> and <svg> elements, and comments. Markup is otherwise
 * untouched, so the parsed tree is the same minus those contents. */
void sr_html_strip(const char *html, size_t len, sr_buf *out);

/* Fill doc's body (and captions) with the main article text of a parsed
 * page: `tree` is libxml2's htmlDocPtr. The tree is not modified except for
 * each element's `_private` field, which is cleared again before return. */
struct _xmlDoc;
void sr_html_body(sr_doc *doc, struct _xmlDoc *tree);

/* libxml2's allocations of the calling thread come from an arena between
 * begin and end, and are all released at end (html_alloc.c). Everything
 * libxml2 built in between (the tree, strings it returned) is invalid after
 * end. Nested begin/end pairs (a page read while a page is read) release
 * the arena only at the outermost end. */
void sr_html_arena_begin(void);
void sr_html_arena_end(void);

#endif
