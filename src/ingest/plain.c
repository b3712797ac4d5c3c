/*
 * plain.c — plain-text articles.
 *
 * One file is one article. The body is its non-empty lines, each line a
 * paragraph, paragraphs separated by a blank line in the body.
 *
 * (Bootstrap version: the title, byline, dateline, furniture and caption
 * conventions of issue 2 are still to come.)
 */
#include "ingest.h"
#include "../core/internal.h"

#include <stdlib.h>
#include <string.h>

void sr_plain_article(sr_doc *doc, const char *text, size_t len)
{
    sr_buf body;
    sr_buf_init(&body);
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t a = i, b = end;
        while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
            a++;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r'))
            b--;
        if (b > a) {
            if (body.len)
                sr_buf_put(&body, "\n\n", 2);
            sr_buf_put(&body, text + a, b - a);
        }
        i = end + 1;
    }
    sr_doc_set_body(doc, body.data ? body.data : "", body.len);
    sr_buf_free(&body);
}

typedef struct text_state {
    sr_stream *s;
    const char *path;
    const sr_read_options *opt;
    sr_diag *diag;
    bool done;
} text_state;

static void *text_open(sr_stream *s, const char *path,
                       const sr_read_options *opt, sr_diag *diag)
{
    text_state *t = sr_xcalloc(1, sizeof *t);
    t->s = s;
    t->path = path;
    t->opt = opt;
    t->diag = diag;
    return t;
}

static sr_doc *text_next(void *state)
{
    text_state *t = state;
    if (t->done)
        return NULL;
    t->done = true;
    sr_buf raw;
    sr_buf_init(&raw);
    sr_status st = sr_stream_slurp(t->s, &raw, t->opt->max_file_bytes);
    if (st == SR_ERR_LIMIT) {
        sr_error(t->diag, t->path, "larger than the %zu-byte limit of one document; skipped",
                 t->opt->max_file_bytes);
        sr_buf_free(&raw);
        return NULL;
    }
    if (st != SR_OK) {
        /* the stream's own failure is reported when the file is closed */
        sr_buf_free(&raw);
        return NULL;
    }
    if (raw.len == 0) {
        sr_warn(t->diag, t->path, "empty file; no document");
        sr_buf_free(&raw);
        return NULL;
    }
    sr_doc *doc = sr_doc_new();
    sr_plain_article(doc, raw.data, raw.len);
    sr_buf_free(&raw);
    return doc;
}

static void text_close(void *state)
{
    free(state);
}

const sr_format_reader sr_text_reader = {
    SR_FORMAT_TEXT, text_open, text_next, text_close,
};
