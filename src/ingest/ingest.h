/*
 * ingest.h — the ingest stage's internal interface: byte streams over files
 * (gzip read transparently), and one reader per input format.
 *
 * A format reader turns one stream into zero or more documents. Readers of
 * one-document formats (plain text, an HTML page) read the whole stream;
 * readers of many-document formats (JSON Lines, WARC, feeds) produce one
 * document per call so memory stays bounded by the largest document.
 */
#ifndef SR_INGEST_H
#define SR_INGEST_H

#include "sitrep.h"

/* A byte stream over one input: a file, a gzip file, or standard input. */
typedef struct sr_stream sr_stream;

/* Read up to n bytes; returns the number read, 0 at the end or on error
 * (sr_stream_failed tells which). */
size_t sr_stream_read(sr_stream *s, void *buf, size_t n);
/* Append the next line (without its '\n') to `line`. Returns false at the
 * end of input. A line longer than `max` bytes is consumed and discarded,
 * and *too_long is set. */
bool sr_stream_getline(sr_stream *s, sr_buf *line, size_t max, bool *too_long);
/* Append the rest of the stream to `out`. Fails with SR_ERR_LIMIT past `max`
 * bytes (the rest is still consumed), SR_ERR_IO on a read or gzip error. */
sr_status sr_stream_slurp(sr_stream *s, sr_buf *out, size_t max);
/* Non-NULL after a read error: a short description ("truncated gzip
 * member", ...). */
const char *sr_stream_failed(const sr_stream *s);
/* Bytes consumed so far (decompressed). */
uint64_t sr_stream_offset(const sr_stream *s);

/* The format that the first bytes of an input look like. Never returns
 * SR_FORMAT_AUTO. */
sr_format sr_detect_format(const char *head, size_t n);

/* A reader of one format. `open` returns the reader's state (or NULL after
 * reporting why it cannot read the stream); `next` returns the next
 * document or NULL at the end (errors inside the stream are reported to
 * the diag and skipped). */
typedef struct sr_format_reader {
    sr_format format;
    void *(*open)(sr_stream *s, const char *path, const sr_read_options *opt,
                  sr_diag *diag);
    sr_doc *(*next)(void *state);
    void (*close)(void *state);
    /* the reader warns about the bytes it replaced itself, naming where in
     * the file they were (else sr_input_next warns, naming the file) */
    bool warns_bad_bytes;
} sr_format_reader;

/* The reader of a format, or NULL when the format has none yet. */
const sr_format_reader *sr_format_reader_for(sr_format f);

/* Readers (one per file in this folder). */
extern const sr_format_reader sr_text_reader;   /* plain.c */
extern const sr_format_reader sr_html_reader;   /* html.c */
extern const sr_format_reader sr_feed_reader;   /* feed.c: RSS 2.0, RSS 1.0, Atom */
extern const sr_format_reader sr_warc_reader;   /* warc.c: WARC 1.0/1.1 */
extern const sr_format_reader sr_jsonl_reader;  /* jsonl.c: article JSON (JSON
                                                   Lines, objects over many
                                                   lines, arrays) */

/* html.c: parse one HTML page (any charset: `charset` is the one an HTTP
 * header declared, or NULL) and fill doc's body (the main article text,
 * paragraphs separated by blank lines), captions and, through
 * sr_html_meta(), its metadata. `url` is the page's address when known
 * (WARC target URI, feed item link, JSON Lines url), else NULL. `where`
 * names the input in messages ("FILE", "FILE:LINE", "FILE: record N").
 * Used by the HTML reader and by every reader whose records carry HTML. */
sr_status sr_html_read(sr_doc *doc, const char *bytes, size_t len,
                       const char *charset, const char *url, sr_diag *diag,
                       const char *where);

/* meta.c: metadata of a parsed page (title, published, byline, outlet,
 * url, lang). `tree` is libxml2's htmlDocPtr; `url` as for sr_html_read.
 * Fields already set on doc are kept. */
struct _xmlDoc;
void sr_html_meta(sr_doc *doc, struct _xmlDoc *tree, const char *url);

/* feed.c: fill doc's body and captions from a piece of HTML in UTF-8 (a
 * feed item's content, a JSON article's rendered content): block elements
 * make paragraphs, figure captions go to captions, scripts and styles are
 * dropped. Unlike sr_html_read() no main-text detection and no metadata:
 * the fragment is the article. Invalid UTF-8 and NUL bytes become U+FFFD,
 * counted in bad_bytes. */
void sr_html_fragment(sr_doc *doc, const char *html, size_t len);

/* Plain-text article conventions (plain.c), for any reader whose records
 * carry plain article text (JSON Lines "text" fields too). From the raw
 * bytes of one article it fills:
 *   - body: the article text, a paragraph per line (a line continuing a
 *     sentence joins the one before; hard-wrapped text keeps its blank-line
 *     paragraphs), paragraphs separated by a blank line, lines trimmed of
 *     white space including no-break spaces; invalid UTF-8 and NUL bytes
 *     replaced by U+FFFD and counted in bad_bytes (the caller warns);
 *   - title, only when doc->title is NULL: the first line if it reads as
 *     a headline; lines repeating the title (given or found) are dropped;
 *   - byline ("By Jane Doe" -> "Jane Doe"), dateline ("WASHINGTON
 *     (Reuters) -" -> "WASHINGTON (Reuters)", cut from the body), captions
 *     (a line in square brackets, or opening "Photo:" ...), unless already
 *     set; site furniture lines are dropped.
 * Everything is allocated in doc's arena; any bytes are accepted. */
void sr_plain_article(sr_doc *doc, const char *text, size_t len);

/* The default limit of one document's size. */
#define SR_DEFAULT_MAX_DOC_BYTES ((size_t)1 << 30)

#endif
