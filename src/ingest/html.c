/*
 * html.c — HTML pages: the article body and captions.
 *
 * (Bootstrap version: libxml2's HTML parser, the text of every <p>, <h1>-
 * <h6> and <li> outside <nav>, <header>, <footer>, <aside>, <script> and
 * <style>, one paragraph each. Boilerplate scoring, charsets and captions
 * are still to come.)
 */
#include "ingest.h"
#include "../core/internal.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool skipped(const xmlNode *n)
{
    static const char *const names[] = {
        "nav", "header", "footer", "aside", "script", "style", "noscript",
        "form", "iframe", "svg",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(names); i++)
        if (strcasecmp((const char *)n->name, names[i]) == 0)
            return true;
    return false;
}

static bool block(const xmlNode *n)
{
    static const char *const names[] = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(names); i++)
        if (strcasecmp((const char *)n->name, names[i]) == 0)
            return true;
    return false;
}

/* Append the text under n with whitespace collapsed. */
static void text_of(const xmlNode *n, sr_buf *out)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            for (const xmlChar *p = c->content; *p; p++) {
                bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
                if (space) {
                    if (out->len && out->data[out->len - 1] != ' ')
                        sr_buf_putc(out, ' ');
                } else {
                    sr_buf_putc(out, (char)*p);
                }
            }
        } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
            text_of(c, out);
        }
    }
}

static void walk(const xmlNode *n, sr_buf *body)
{
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || skipped(c))
            continue;
        if (block(c)) {
            sr_buf para;
            sr_buf_init(&para);
            text_of(c, &para);
            size_t a = 0, b = para.len;
            while (a < b && para.data[a] == ' ')
                a++;
            while (b > a && para.data[b - 1] == ' ')
                b--;
            if (b > a) {
                if (body->len)
                    sr_buf_put(body, "\n\n", 2);
                sr_buf_put(body, para.data + a, b - a);
            }
            sr_buf_free(&para);
        } else {
            walk(c->children, body);
        }
    }
}

sr_status sr_html_read(sr_doc *doc, const char *bytes, size_t len,
                       const char *charset, const char *url, sr_diag *diag,
                       const char *where)
{
    if (len > INT32_MAX) {
        sr_error(diag, where, "HTML page larger than 2 GiB; skipped");
        return SR_ERR_LIMIT;
    }
    htmlDocPtr tree = htmlReadMemory(bytes, (int)len, url, charset,
                                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                     HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                     HTML_PARSE_COMPACT);
    if (!tree) {
        sr_error(diag, where, "not parseable as HTML");
        return SR_ERR_FORMAT;
    }
    sr_buf body;
    sr_buf_init(&body);
    xmlNode *root = xmlDocGetRootElement(tree);
    if (root)
        walk(root, &body);
    sr_doc_set_body(doc, body.data ? body.data : "", body.len);
    sr_buf_free(&body);
    sr_html_meta(doc, tree, url);
    xmlFreeDoc(tree);
    return SR_OK;
}

typedef struct html_state {
    sr_stream *s;
    const char *path;
    const sr_read_options *opt;
    sr_diag *diag;
    bool done;
} html_state;

static void *html_open(sr_stream *s, const char *path,
                       const sr_read_options *opt, sr_diag *diag)
{
    html_state *h = sr_xcalloc(1, sizeof *h);
    h->s = s;
    h->path = path;
    h->opt = opt;
    h->diag = diag;
    return h;
}

static sr_doc *html_next(void *state)
{
    html_state *h = state;
    if (h->done)
        return NULL;
    h->done = true;
    sr_buf raw;
    sr_buf_init(&raw);
    sr_status st = sr_stream_slurp(h->s, &raw, h->opt->max_file_bytes);
    if (st == SR_ERR_LIMIT)
        sr_error(h->diag, h->path, "larger than the %zu-byte limit of one document; skipped",
                 h->opt->max_file_bytes);
    if (st != SR_OK || raw.len == 0) {
        if (st == SR_OK)
            sr_warn(h->diag, h->path, "empty file; no document");
        sr_buf_free(&raw);
        return NULL;
    }
    sr_doc *doc = sr_doc_new();
    if (sr_html_read(doc, raw.data, raw.len, NULL, NULL, h->diag, h->path) != SR_OK) {
        sr_doc_free(doc);
        doc = NULL;
    }
    sr_buf_free(&raw);
    return doc;
}

static void html_close(void *state)
{
    free(state);
}

const sr_format_reader sr_html_reader = {
    SR_FORMAT_HTML, html_open, html_next, html_close,
};
