/*
 * html.c — HTML pages: from bytes to a document with the article body,
 * captions and metadata.
 *
 * sr_html_read() is the one way HTML becomes a document; the HTML reader
 * below and the feed, WARC and JSON Lines readers all call it. It runs four
 * steps, each in its own file so each can be read (and tested) alone:
 *
 *   html_charset.c  the page's charset decided (BOM, HTTP header, <meta>,
 *                   the bytes) and its bytes made valid UTF-8;
 *   this file       the content of <script> (but JSON-LD and short
 *                   scripts that write a date), <style> and
 *                   <svg> and comments dropped — half the bytes of a typical
 *                   news page, and the part the parser is slowest on — then
 *                   libxml2's HTML parser in recovery mode, no network;
 *   html_body.c     the main article text and the captions;
 *   meta.c          title, date, byline, outlet, URL, language;
 *   html_alloc.c    libxml2's memory for the page: an arena, dropped whole
 *                   when the page is done (no xmlFreeDoc).
 *
 * libxml2 limits the depth of the tree it builds (256 elements: deeper
 * input ends the parse there, with a warning), and every walk over the
 * tree here is iterative, so deeply nested input costs neither stack nor
 * more than linear time.
 */
#include "html.h"
#include "../core/internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- dropping what the parser need not see --------------------------- */

static bool name_end(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '/' || c == '>';
}

/* Length of the raw-text element name at p ("script", "style", "svg"), or
 * 0 when p starts no such name. */
static size_t rawtext_name(const char *p, const char *end)
{
    static const char *const names[] = {"script", "style", "svg"};
    for (size_t i = 0; i < SR_ARRAY_LEN(names); i++) {
        size_t n = strlen(names[i]);
        if ((size_t)(end - p) > n && strncasecmp(p, names[i], n) == 0 && name_end(p[n]))
            return n;
    }
    return 0;
}

/* The '>' ending the start tag whose attributes begin at p (quotes
 * respected), or NULL. Sets *json when a type attribute says ld+json. */
static const char *start_tag_end(const char *p, const char *end, bool *json)
{
    const char *attrs = p;
    char quote = 0;
    for (; p < end; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == '>') {
            break;
        }
    }
    if (p >= end)
        return NULL;
    for (const char *q = attrs; q + 7 <= p; q++)
        if (strncasecmp(q, "ld+json", 7) == 0)
            *json = true;
    return p;
}

/* The "</name" closing a raw-text element, searched from p, or NULL. */
static const char *find_close(const char *p, const char *end, const char *name, size_t n)
{
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if ((size_t)(end - p) > n + 2 && p[1] == '/' &&
            strncasecmp(p + 2, name, n) == 0 && name_end(p[2 + n]))
            return p;
        p++;
    }
    return NULL;
}

static const char *find_str(const char *p, const char *end, const char *s)
{
    size_t n = strlen(s);
    while (p + n <= end && (p = memchr(p, s[0], (size_t)(end - p))) != NULL) {
        if ((size_t)(end - p) >= n && memcmp(p, s, n) == 0)
            return p;
        p++;
    }
    return NULL;
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Whether s[0..n) holds a numeric date, year first: "2020/04/17",
 * "2020-4-17". */
static bool holds_date(const char *s, size_t n)
{
    for (size_t i = 0; i + 8 <= n; i++) {
        if (!(digit(s[i]) && digit(s[i + 1]) && digit(s[i + 2]) && digit(s[i + 3])) ||
            (i > 0 && digit(s[i - 1])))
            continue;
        char sep = s[i + 4];
        size_t k = i + 5, m = 0;
        if (sep != '-' && sep != '/' && sep != '.')
            continue;
        while (k < n && digit(s[k]) && m < 3)
            k++, m++;
        if (m < 1 || m > 2 || k >= n || s[k] != sep || k + 1 >= n || !digit(s[k + 1]))
            continue;
        return true;
    }
    return false;
}

/* A script short enough to be a date written into the page
 * (<script>showDate("2020/04/17 01:43:09")</script>) is kept for the
 * metadata; the script bodies of real programs are far longer. */
#define DATE_SCRIPT_MAX 200

void sr_html_strip(const char *html, size_t len, sr_buf *out)
{
    const char *p = html, *end = html + len, *copied = html;
    while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        const char *lt = p++;
        if (end - p >= 3 && p[0] == '!' && p[1] == '-' && p[2] == '-') {
            const char *close = find_str(p + 3, end, "-->");
            sr_buf_put(out, copied, (size_t)(lt - copied));
            copied = p = close ? close + 3 : end;
            continue;
        }
        size_t n = rawtext_name(p, end);
        if (n == 0)
            continue;
        bool json = false;
        const char *gt = start_tag_end(p + n, end, &json);
        if (!gt)
            break;
        if (gt[-1] == '/') {     /* <script .../>: libxml2 reads it as empty */
            p = gt + 1;
            continue;
        }
        char name[8];
        for (size_t i = 0; i < n; i++)
            name[i] = (char)tolower((unsigned char)p[i]);
        const char *close = find_close(gt + 1, end, name, n);
        if (json || (n == 6 && close && close - (gt + 1) <= DATE_SCRIPT_MAX &&
                     holds_date(gt + 1, (size_t)(close - (gt + 1))))) {
            p = close ? close : end;
            continue;
        }
        sr_buf_put(out, copied, (size_t)(gt + 1 - copied));
        copied = p = close ? close : end;
    }
    sr_buf_put(out, copied, (size_t)(end - copied));
}

/* ---- one page ------------------------------------------------------------- */

sr_status sr_html_read(sr_doc *doc, const char *bytes, size_t len,
                       const char *charset, const char *url, sr_diag *diag,
                       const char *where)
{
    if (len > INT32_MAX) {
        sr_error(diag, where, "HTML page larger than 2 GiB; skipped");
        return SR_ERR_LIMIT;
    }
    sr_html_text text;
    sr_status st = sr_html_decode(bytes, len, charset, &text, diag, where);
    if (st != SR_OK) {
        sr_html_text_free(&text);
        return st;
    }
    sr_buf html;
    sr_buf_init(&html);
    sr_html_strip(text.data, text.len, &html);
    sr_html_text_free(&text);
    htmlDocPtr tree = NULL;
    sr_html_arena_begin();
    xmlResetLastError();
    if (html.len > 0)
        tree = htmlReadMemory(html.data, (int)html.len, url, "UTF-8",
                              HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                              HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
    sr_buf_free(&html);
    if (!tree) {
        sr_html_arena_end();
        sr_error(diag, where, len ? "not parseable as HTML; skipped" : "empty HTML page; skipped");
        return SR_ERR_FORMAT;
    }
    const xmlError *err = xmlGetLastError();
    if (err && err->code == XML_ERR_INTERNAL_ERROR && err->message &&
        strstr(err->message, "depth"))
        sr_warn(diag, where, "elements nested more than 256 deep; the page is read up to there");
    sr_html_body(doc, tree);
    sr_html_meta(doc, tree, url);
    sr_html_arena_end();       /* the tree goes with the arena */
    return SR_OK;
}

sr_doc *sr_html_parse(const char *bytes, size_t len, const char *charset,
                      const char *url, sr_diag *diag, const char *where)
{
    sr_doc *doc = sr_doc_new();
    if (sr_html_read(doc, bytes, len, charset, url, diag, where) != SR_OK) {
        sr_doc_free(doc);
        return NULL;
    }
    doc->format = "html";
    if (where)
        doc->path = sr_arena_strdup(doc->arena, where);
    sr_doc_assign_id(doc);
    return doc;
}

/* ---- the reader of .html files ----------------------------------------- */

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
    size_t max = h->opt->max_file_bytes ? h->opt->max_file_bytes : SR_DEFAULT_MAX_DOC_BYTES;
    sr_status st = sr_stream_slurp(h->s, &raw, max);
    if (st == SR_ERR_LIMIT)
        sr_error(h->diag, h->path, "larger than the %zu-byte limit of one document; skipped", max);
    /* A read error (reported by the walker when it closes the stream) leaves
     * a truncated page, still worth reading. */
    if (st == SR_ERR_LIMIT || raw.len == 0) {
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
    SR_FORMAT_HTML, html_open, html_next, html_close, false,
};
