/*
 * warc.c — web archives (WARC/1.0 and WARC/1.1, ISO 28500), as written by
 * crawlers and by Common Crawl's CC-NEWS: one document per HTTP response
 * (or resource) record whose payload is HTML.
 *
 * A record is a version line ("WARC/1.1"), named header fields, a blank
 * line, Content-Length bytes of block, and two CRLFs. Files are usually
 * gzip-compressed record by record; the stream reads the concatenated
 * members transparently, so this reader sees plain records. It reads one
 * record at a time, so memory is bounded by the largest record.
 *
 * For a `response` record the block is the HTTP response as received: its
 * status line and headers are read (only 2xx responses are articles), a
 * chunked transfer encoding is undone, a gzip/deflate content encoding is
 * inflated, and the charset of Content-Type is handed to the HTML reader.
 * `resource` records carry the payload itself. The document's url is the
 * page's canonical URL when it has one, else WARC-Target-URI; `published`
 * is the page's own date (its metadata, URL or date line, as for any HTML
 * page) and only when the page has none the record's WARC-Date, the time
 * of the crawl: a crawl date is not a publication date, but for news
 * crawls, which fetch new articles within hours, it is the best bound
 * there is.
 *
 * Lengths lie in damaged archives. After each block the reader checks
 * that the record really ends there (CRLF CRLF). When it does not, the
 * record is reported with its number and offset and skipped, and the
 * reader resynchronises: if the next record's "WARC/" line lies inside the
 * block (the length was too long) reading resumes there, else lines are
 * skipped up to the next "WARC/" line (too short, or not a number). Bytes
 * already read are kept in a small push-back buffer, so nothing after the
 * damage is lost.
 */
#include "ingest.h"
#include "date.h"
#include "../core/internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#define MAX_HEADER_LINE (64u * 1024u)
#define MAX_HEADER_LINES 512

typedef struct warc_state {
    sr_stream *s;
    const char *path;
    const sr_read_options *opt;
    sr_diag *diag;
    sr_buf pend;             /* read from the stream, not yet consumed */
    size_t pend_pos;
    uint64_t offset;         /* offset of the next unconsumed byte */
    unsigned record;         /* records seen so far (the current one) */
    bool lost;               /* skipping to the next "WARC/" line */
    bool done;
} warc_state;

typedef struct warc_record {
    char type[32];
    char *target;            /* WARC-Target-URI (malloc'ed) */
    char *date;              /* WARC-Date */
    char *content_type;      /* Content-Type */
    char *payload_type;      /* WARC-Identified-Payload-Type */
    char *length;            /* Content-Length as written */
} warc_record;

static void record_free(warc_record *r)
{
    free(r->target);
    free(r->date);
    free(r->content_type);
    free(r->payload_type);
    free(r->length);
    memset(r, 0, sizeof *r);
}

/* ---- bytes ---------------------------------------------------------------- */

static size_t pend_left(const warc_state *w)
{
    return w->pend.len - w->pend_pos;
}

/* Make sure some unconsumed bytes are in pend; false at the end. */
static bool fill(warc_state *w)
{
    if (pend_left(w))
        return true;
    sr_buf_reset(&w->pend);
    w->pend_pos = 0;
    char chunk[65536];
    size_t k = sr_stream_read(w->s, chunk, sizeof chunk);
    sr_buf_put(&w->pend, chunk, k);
    return k > 0;
}

/* Put bytes back in front of the unconsumed ones. */
static void unread(warc_state *w, const char *p, size_t n)
{
    if (!n)
        return;
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_put(&b, p, n);
    sr_buf_put(&b, w->pend.data + w->pend_pos, pend_left(w));
    sr_buf_free(&w->pend);
    w->pend = b;
    w->pend_pos = 0;
    w->offset -= n;
}

/* Read n bytes into out (appended); returns how many there were. */
static size_t take(warc_state *w, sr_buf *out, size_t n)
{
    size_t got = 0;
    while (got < n && pend_left(w)) {
        size_t k = pend_left(w) < n - got ? pend_left(w) : n - got;
        sr_buf_put(out, w->pend.data + w->pend_pos, k);
        w->pend_pos += k;
        got += k;
    }
    char chunk[65536];
    while (got < n) {
        size_t want = n - got < sizeof chunk ? n - got : sizeof chunk;
        size_t k = sr_stream_read(w->s, chunk, want);
        if (!k)
            break;
        sr_buf_put(out, chunk, k);
        got += k;
    }
    w->offset += got;
    return got;
}

/* Skip n bytes; returns how many there were. */
static uint64_t skip(warc_state *w, uint64_t n)
{
    uint64_t done = 0;
    sr_buf tmp;
    sr_buf_init(&tmp);
    while (done < n) {
        sr_buf_reset(&tmp);
        size_t want = n - done < (1u << 20) ? (size_t)(n - done) : (1u << 20);
        size_t k = take(w, &tmp, want);
        done += k;
        if (k < want)
            break;
    }
    sr_buf_free(&tmp);
    return done;
}

/* The next line without its "\n" (and "\r"); false at the end. A line
 * longer than MAX_HEADER_LINE is consumed and *long_line set. */
static bool next_line(warc_state *w, sr_buf *line, bool *long_line)
{
    sr_buf_reset(line);
    *long_line = false;
    bool any = false;
    while (fill(w)) {
        any = true;
        const char *p = w->pend.data + w->pend_pos;
        size_t avail = pend_left(w);
        const char *nl = memchr(p, '\n', avail);
        size_t k = nl ? (size_t)(nl - p) : avail;
        if (!*long_line && line->len + k <= MAX_HEADER_LINE)
            sr_buf_put(line, p, k);
        else
            *long_line = true;
        w->pend_pos += k + (nl ? 1 : 0);
        w->offset += k + (nl ? 1 : 0);
        if (nl)
            break;
    }
    if (*long_line)
        sr_buf_reset(line);
    if (line->len && line->data[line->len - 1] == '\r')
        line->len--;
    sr_buf_putc(line, '\0');
    line->len--;
    return any;
}

/* ---- header --------------------------------------------------------------- */

static char *dup_value(const char *v)
{
    while (*v == ' ' || *v == '\t')
        v++;
    size_t n = strlen(v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        n--;
    char *r = sr_xmalloc(n + 1);
    memcpy(r, v, n);
    r[n] = '\0';
    return r;
}

/* Read the named fields after the version line. False at a premature end. */
static bool read_fields(warc_state *w, warc_record *r, sr_buf *line)
{
    bool long_line;
    for (int i = 0; i < MAX_HEADER_LINES; i++) {
        if (!next_line(w, line, &long_line))
            return false;
        if (long_line)
            continue;
        if (line->len == 0)
            return true;
        char *colon = strchr(line->data, ':');
        if (!colon)
            continue;
        *colon = '\0';
        const char *name = line->data, *value = colon + 1;
        char **slot = NULL;
        if (strcasecmp(name, "WARC-Type") == 0)
            snprintf(r->type, sizeof r->type, "%s", value + strspn(value, " \t"));
        else if (strcasecmp(name, "WARC-Target-URI") == 0)
            slot = &r->target;
        else if (strcasecmp(name, "WARC-Date") == 0)
            slot = &r->date;
        else if (strcasecmp(name, "Content-Type") == 0)
            slot = &r->content_type;
        else if (strcasecmp(name, "WARC-Identified-Payload-Type") == 0)
            slot = &r->payload_type;
        else if (strcasecmp(name, "Content-Length") == 0)
            slot = &r->length;
        if (slot) {
            free(*slot);
            *slot = dup_value(value);
        }
    }
    return true;   /* too many fields: the block starts somewhere; let the
                      length check find out */
}

/* Content-Length: digits only, and not absurd. */
static bool parse_length(const char *s, uint64_t *n)
{
    if (!s || !*s || strlen(s) > 15)
        return false;
    *n = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        *n = *n * 10 + (uint64_t)(*p - '0');
    }
    return true;
}

/* ---- HTTP payload --------------------------------------------------------- */

typedef struct http_info {
    int status;
    char mime[64];
    char charset[64];
    bool chunked;
    bool gzip, deflate, other_encoding;
    size_t body;             /* offset of the payload in the block */
} http_info;

static void parse_content_type(const char *v, char *mime, size_t mn, char *charset, size_t cn)
{
    while (*v == ' ')
        v++;
    size_t k = strcspn(v, "; \t");
    snprintf(mime, mn, "%.*s", (int)k, v);
    for (char *p = mime; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    const char *cs = strcasestr(v, "charset=");
    if (cs) {
        cs += 8;
        if (*cs == '"' || *cs == '\'')
            cs++;
        size_t l = strcspn(cs, "\"'; \t");
        snprintf(charset, cn, "%.*s", (int)l, cs);
    }
}

/* Status line and headers of an HTTP response; false when the block is
 * not one. */
static bool parse_http(const char *b, size_t n, http_info *h)
{
    memset(h, 0, sizeof *h);
    if (n < 12 || strncmp(b, "HTTP/", 5) != 0)
        return false;
    const char *sp = memchr(b, ' ', n < 16 ? n : 16);
    if (!sp)
        return false;
    h->status = atoi(sp + 1);
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(b + i, '\n', n - i);
        if (!nl)
            return false;
        size_t end = (size_t)(nl - b), len = end - i;
        if (len && b[end - 1] == '\r')
            len--;
        if (len == 0 && i > 0) {
            h->body = end + 1;
            return true;
        }
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line - 1 ? len : sizeof line - 1),
                 b + i);
        char *colon = strchr(line, ':');
        if (colon) {
            *colon = '\0';
            const char *v = colon + 1 + strspn(colon + 1, " \t");
            if (strcasecmp(line, "Content-Type") == 0)
                parse_content_type(v, h->mime, sizeof h->mime, h->charset, sizeof h->charset);
            else if (strcasecmp(line, "Transfer-Encoding") == 0)
                h->chunked = strcasestr(v, "chunked") != NULL;
            else if (strcasecmp(line, "Content-Encoding") == 0) {
                if (strcasestr(v, "gzip"))
                    h->gzip = true;
                else if (strcasestr(v, "deflate"))
                    h->deflate = true;
                else if (strcasecmp(v, "identity") != 0 && *v)
                    h->other_encoding = true;
            }
        }
        i = end + 1;
    }
    return false;
}

/* Undo "Transfer-Encoding: chunked"; false when malformed. */
static bool dechunk(const char *p, size_t n, sr_buf *out)
{
    size_t i = 0;
    while (i < n) {
        char *end;
        unsigned long size = strtoul(p + i, &end, 16);
        const char *nl = memchr(p + i, '\n', n - i);
        if (!nl || end == p + i)
            return false;
        i = (size_t)(nl - p) + 1;
        if (size == 0)
            return true;
        if (size > n - i)
            return false;
        sr_buf_put(out, p + i, size);
        i += size;
        while (i < n && (p[i] == '\r' || p[i] == '\n'))
            i++;
    }
    return true;
}

/* Inflate gzip or zlib/raw deflate data, at most max bytes; false when
 * malformed. */
static bool inflate_all(const char *p, size_t n, bool gzip, size_t max, sr_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, gzip ? 16 + MAX_WBITS : 32 + MAX_WBITS) != Z_OK)
        return false;
    z.next_in = (Bytef *)p;
    z.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
    char chunk[65536];
    int rc;
    do {
        z.next_out = (Bytef *)chunk;
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        sr_buf_put(out, chunk, sizeof chunk - z.avail_out);
    } while (rc == Z_OK && out->len <= max && (z.avail_in || !z.avail_out));
    inflateEnd(&z);
    return (rc == Z_STREAM_END || rc == Z_OK || rc == Z_BUF_ERROR) && out->len <= max &&
           out->len > 0;
}

static bool html_mime(const char *m)
{
    return strcmp(m, "text/html") == 0 || strcmp(m, "application/xhtml+xml") == 0;
}

/* Sniff a payload without a type: does it start like HTML? */
static bool looks_html(const char *p, size_t n)
{
    return sr_detect_format(p, n < 1024 ? n : 1024) == SR_FORMAT_HTML;
}

/* ---- records to documents -------------------------------------------------- */

static sr_doc *record_doc(warc_state *w, const warc_record *r, const char *block, size_t n)
{
    char where[512];
    snprintf(where, sizeof where, "%s: record %u", w->path, w->record);
    const char *payload = block;
    size_t len = n;
    char charset[64] = "";
    sr_buf decoded, inflated;
    sr_buf_init(&decoded);
    sr_buf_init(&inflated);
    sr_doc *doc = NULL;
    bool is_html;
    if (strcmp(r->type, "response") == 0) {
        http_info h;
        if (!r->content_type || !strcasestr(r->content_type, "application/http") ||
            !parse_http(block, n, &h) || h.status < 200 || h.status > 299)
            goto out;
        payload = block + h.body;
        len = n - h.body;
        snprintf(charset, sizeof charset, "%s", h.charset);
        is_html = h.mime[0] ? html_mime(h.mime)
                            : (r->payload_type ? strcasestr(r->payload_type, "html") != NULL
                                               : looks_html(payload, len));
        if (!is_html)
            goto out;
        if (h.chunked) {
            if (dechunk(payload, len, &decoded)) {
                payload = decoded.data ? decoded.data : "";
                len = decoded.len;
            } else {
                sr_warn(w->diag, where, "malformed chunked transfer encoding; read as it is");
            }
        }
        if (h.gzip || h.deflate) {
            size_t max = w->opt->max_file_bytes ? w->opt->max_file_bytes : SR_DEFAULT_MAX_DOC_BYTES;
            if (!inflate_all(payload, len, h.gzip, max, &inflated)) {
                sr_error(w->diag, where, "the page's %s content encoding is corrupt "
                         "(or inflates past the document limit); skipped",
                         h.gzip ? "gzip" : "deflate");
                goto out;
            }
            payload = inflated.data;
            len = inflated.len;
        } else if (h.other_encoding) {
            sr_error(w->diag, where, "unsupported Content-Encoding of the page; skipped");
            goto out;
        }
    } else if (strcmp(r->type, "resource") == 0) {
        char mime[64] = "";
        if (r->content_type)
            parse_content_type(r->content_type, mime, sizeof mime, charset, sizeof charset);
        if (!(mime[0] ? html_mime(mime) : looks_html(block, n)))
            goto out;
    } else {
        goto out;
    }
    if (len == 0)
        goto out;
    doc = sr_doc_new();
    if (sr_html_read(doc, payload, len, charset[0] ? charset : NULL, r->target, w->diag,
                     where) != SR_OK) {
        sr_doc_free(doc);
        doc = NULL;
        goto out;
    }
    if (!doc->url && r->target)
        doc->url = sr_arena_strdup(doc->arena, r->target);
    sr_date d;
    if (!doc->published && r->date && sr_date_parse(r->date, strlen(r->date), &d)) {
        char iso[32];
        sr_date_format(&d, iso);
        doc->published = sr_arena_strdup(doc->arena, iso);
    }
out:
    sr_buf_free(&decoded);
    sr_buf_free(&inflated);
    return doc;
}

/* The start of a record's version line inside a block ("\nWARC/1."), or
 * NULL: where reading resumes when a length was too long. */
static const char *record_inside(const sr_buf *block)
{
    const char *p = block->data, *e = block->data + block->len;
    while (p && e - p >= 8) {
        p = memmem(p, (size_t)(e - p), "WARC/1.", 7);
        if (p && p > block->data && p[-1] == '\n')
            return p;
        if (p)
            p++;
    }
    return NULL;
}

/* After the block: the record must end with CRLF CRLF. When it does not,
 * report, and put back what belongs to the records after. */
static bool check_end(warc_state *w, const sr_buf *block, uint64_t len, uint64_t at)
{
    sr_buf tail;
    sr_buf_init(&tail);
    size_t got = take(w, &tail, 4);
    bool ok = (got == 4 && memcmp(tail.data, "\r\n\r\n", 4) == 0) ||
              (got == 2 && memcmp(tail.data, "\r\n", 2) == 0) ||      /* at the end */
              got == 0;
    if (got == 4 && !ok && (memcmp(tail.data, "\n\n", 2) == 0 ||
                            (memcmp(tail.data, "\r\n", 2) == 0 && tail.data[2] == 'W'))) {
        /* bare newlines, or one CRLF only: tolerated, the rest belongs to
         * the next record */
        unread(w, tail.data + 2, 2);
        ok = true;
    }
    if (ok) {
        sr_buf_free(&tail);
        return true;
    }
    unread(w, tail.data, got);
    const char *next = record_inside(block);
    if (next) {
        sr_error(w->diag, w->path, "record %u (offset %llu): Content-Length %llu runs past "
                 "the end of the record (the next record starts inside it); record skipped, "
                 "reading goes on from the next record", w->record,
                 (unsigned long long)at, (unsigned long long)len);
        unread(w, next, (size_t)(block->data + block->len - next));
    } else {
        sr_error(w->diag, w->path, "record %u (offset %llu): Content-Length %llu does not "
                 "end the record; record skipped, reading goes on from the next WARC/ "
                 "header", w->record, (unsigned long long)at, (unsigned long long)len);
        w->lost = true;
    }
    sr_buf_free(&tail);
    return false;
}

/* ---- the reader ------------------------------------------------------------- */

static void *warc_open(sr_stream *s, const char *path, const sr_read_options *opt,
                       sr_diag *diag)
{
    warc_state *w = sr_xcalloc(1, sizeof *w);
    w->s = s;
    w->path = path;
    w->opt = opt;
    w->diag = diag;
    return w;
}

/* One record: header, block, end. Returns its document, or NULL with
 * *more telling whether to go on. */
static sr_doc *read_record(warc_state *w, sr_buf *line, bool *more)
{
    *more = true;
    bool long_line;
    uint64_t at = w->offset;
    if (!next_line(w, line, &long_line)) {
        *more = false;
        return NULL;
    }
    if (long_line || line->len == 0)
        return NULL;
    if (strncmp(line->data, "WARC/", 5) != 0) {
        if (!w->lost)
            sr_error(w->diag, w->path, "offset %llu (after record %u): expected a WARC/ "
                     "version line; skipping to the next record", (unsigned long long)at,
                     w->record);
        w->lost = true;
        return NULL;
    }
    w->lost = false;
    w->record++;
    warc_record r = {0};
    sr_doc *doc = NULL;
    uint64_t len;
    if (!read_fields(w, &r, line)) {
        sr_error(w->diag, w->path, "record %u (offset %llu): the file ends inside the "
                 "record's header", w->record, (unsigned long long)at);
        *more = false;
    } else if (!parse_length(r.length, &len)) {
        sr_error(w->diag, w->path, "record %u (offset %llu): Content-Length '%s' is not a "
                 "number of bytes; record skipped, reading goes on from the next WARC/ header",
                 w->record, (unsigned long long)at, r.length ? r.length : "(missing)");
        w->lost = true;
    } else {
        size_t max = w->opt->max_file_bytes ? w->opt->max_file_bytes : SR_DEFAULT_MAX_DOC_BYTES;
        sr_buf block;
        sr_buf_init(&block);
        uint64_t got;
        bool keep = len <= max;
        if (keep)
            got = take(w, &block, (size_t)len);
        else
            got = skip(w, len);
        const char *next = got < len && keep ? record_inside(&block) : NULL;
        if (next) {
            sr_error(w->diag, w->path, "record %u (offset %llu): Content-Length %llu runs past "
                     "the end of the record (the next record starts inside it); record "
                     "skipped, reading goes on from the next record", w->record,
                     (unsigned long long)at, (unsigned long long)len);
            unread(w, next, (size_t)(block.data + block.len - next));
        } else if (got < len) {
            sr_error(w->diag, w->path, "record %u (offset %llu): Content-Length %llu but the "
                     "file ends after %llu bytes; record skipped", w->record,
                     (unsigned long long)at, (unsigned long long)len, (unsigned long long)got);
            *more = false;
        } else if (check_end(w, &block, len, at)) {
            if (!keep)
                sr_error(w->diag, w->path, "record %u (offset %llu): %llu bytes, larger than "
                         "the %zu-byte limit of one document; skipped", w->record,
                         (unsigned long long)at, (unsigned long long)len, max);
            else
                doc = record_doc(w, &r, block.data ? block.data : "", block.len);
        }
        sr_buf_free(&block);
    }
    record_free(&r);
    return doc;
}

static sr_doc *warc_next(void *state)
{
    warc_state *w = state;
    sr_buf line;
    sr_buf_init(&line);
    sr_doc *doc = NULL;
    bool more = !w->done;
    while (more && !doc)
        doc = read_record(w, &line, &more);
    if (!more)
        w->done = true;
    sr_buf_free(&line);
    return doc;
}

static void warc_close(void *state)
{
    warc_state *w = state;
    sr_buf_free(&w->pend);
    free(w);
}

const sr_format_reader sr_warc_reader = {
    SR_FORMAT_WARC, warc_open, warc_next, warc_close, false,
};
