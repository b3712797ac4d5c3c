/*
 * jsonl.c — JSON Lines: one article per line, as other tools export them.
 *
 *   {"id": "a1", "url": "...", "title": "...", "outlet": "...",
 *    "published": "2026-01-27", "text": "..."}        (or "html": "<html>...")
 *
 * Fields sitrep knows: id (the document's id; a number is taken as its
 * digits), url, title, outlet, published (any date form sr_date_parse()
 * reads, written back as ISO 8601), byline, dateline, lang, and the
 * article as `text` (read with the plain-text conventions of
 * sr_plain_article, the given title kept; the language detected when not
 * given) or `html` (read by the HTML reader, the given fields kept over
 * what the page says). `body`, sitrep's
 * own name for the text, is read as `text`, so sitrep's output can be read
 * again; the other fields sitrep writes itself (path, format, captions,
 * paragraphs, sentences, bad_bytes) are recomputed and their input values
 * dropped.
 *
 * Every other field is carried through byte for byte: the line is checked
 * with jansson, then the raw text of each unknown member is cut out of the
 * line and kept in doc->extra_json, which the document record splices back
 * in. Numbers therefore keep their exact digits (no rounding through
 * double), and key order is kept.
 *
 * A file whose first line opens a JSON value that does not close on it
 * (news-please writes one article as an indented object; some exports an
 * array of them) is read whole, up to the document limit, and each object
 * is then read as a line would be, news-please's names (maintext,
 * date_publish, source_domain, authors) standing in for missing ones of
 * sitrep's; carried members lose their line breaks and the indentation
 * after them, so the record stays one line.
 *
 * A line that is not a JSON object, or that has neither text nor html, is
 * reported with file and line and skipped; a line longer than the document
 * limit is consumed and reported without being held in memory.
 */
#include "ingest.h"
#include "date.h"
#include "lang.h"
#include "../core/internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct jsonl_state {
    sr_stream *s;
    const char *path;
    const sr_read_options *opt;
    sr_diag *diag;
    uint64_t line;           /* 1-based number of the line last read */
    sr_buf buf;
    /* whole-file mode: the file is one JSON object or an array of them,
     * written over many lines (news-please and similar exports) */
    bool whole;
    size_t pos;              /* where the next element starts in buf */
    const char *line_at;     /* buf position of line `line_no` (for messages) */
    uint64_t line_no;
} jsonl_state;

static void *jsonl_open(sr_stream *s, const char *path, const sr_read_options *opt,
                        sr_diag *diag)
{
    jsonl_state *j = sr_xcalloc(1, sizeof *j);
    j->s = s;
    j->path = path;
    j->opt = opt;
    j->diag = diag;
    return j;
}

/* ---- raw members ---------------------------------------------------------- */

static size_t skip_ws(const char *p, size_t i, size_t n)
{
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    return i;
}

/* The index after the JSON string starting at p[i] == '"'. */
static size_t skip_string(const char *p, size_t i, size_t n)
{
    for (i++; i < n; i++) {
        if (p[i] == '\\')
            i++;
        else if (p[i] == '"')
            return i + 1;
    }
    return n;
}

/* The index after the JSON value starting at p[i]. The text has been
 * validated by jansson, so only strings and nesting need care. */
static size_t skip_value(const char *p, size_t i, size_t n)
{
    if (i >= n)
        return n;
    if (p[i] == '"')
        return skip_string(p, i, n);
    if (p[i] == '{' || p[i] == '[') {
        size_t depth = 0;
        while (i < n) {
            if (p[i] == '"') {
                i = skip_string(p, i, n);
                continue;
            }
            if (p[i] == '{' || p[i] == '[')
                depth++;
            else if ((p[i] == '}' || p[i] == ']') && --depth == 0)
                return i + 1;
            i++;
        }
        return n;
    }
    while (i < n && p[i] != ',' && p[i] != '}' && p[i] != ' ' && p[i] != '\t' &&
           p[i] != '\r' && p[i] != '\n')
        i++;
    return i;
}

/* What sitrep does with a member. */
typedef enum { FIELD_KNOWN, FIELD_OURS_DROPPED, FIELD_CARRIED } field_use;

static field_use use_of(const char *key)
{
    static const char *const known[] = {
        "id", "url", "title", "outlet", "published", "byline", "dateline", "lang",
        "text", "html", "body",
    };
    static const char *const ours[] = {
        "path", "format", "captions", "paragraphs", "sentences", "bad_bytes",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(known); i++)
        if (strcmp(key, known[i]) == 0)
            return FIELD_KNOWN;
    for (size_t i = 0; i < SR_ARRAY_LEN(ours); i++)
        if (strcmp(key, ours[i]) == 0)
            return FIELD_OURS_DROPPED;
    return FIELD_CARRIED;
}

/* The decoded text of a raw JSON key (with its quotes). */
static char *key_text(const char *p, size_t n)
{
    if (!memchr(p, '\\', n)) {
        char *k = sr_xmalloc(n);
        memcpy(k, p + 1, n - 2);
        k[n - 2] = '\0';
        return k;
    }
    json_t *v = json_loadb(p, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    char *k = sr_xstrdup(json_is_string(v) ? json_string_value(v) : "");
    json_decref(v);
    return k;
}

/* Walk the members of the object text p[0..n): for each, `fn` gets the
 * decoded key, the raw member ("key": value) and the raw value. */
typedef void (*member_fn)(void *ctx, const char *key, const char *member, size_t mlen,
                          const char *value, size_t vlen);

static void each_member(const char *p, size_t n, member_fn fn, void *ctx)
{
    size_t i = skip_ws(p, 0, n);
    if (i >= n || p[i] != '{')
        return;
    i++;
    for (;;) {
        i = skip_ws(p, i, n);
        if (i >= n || p[i] != '"')
            break;
        size_t ks = i;
        i = skip_string(p, i, n);
        size_t ke = i;
        i = skip_ws(p, i, n);
        if (i >= n || p[i] != ':')
            break;
        size_t vs = skip_ws(p, i + 1, n);
        size_t ve = skip_value(p, vs, n);
        char *key = key_text(p + ks, ke - ks);
        fn(ctx, key, p + ks, ve - ks, p + vs, ve - vs);
        free(key);
        i = skip_ws(p, ve, n);
        if (i >= n || p[i] != ',')
            break;
        i++;
    }
}

typedef struct carry {
    sr_buf *extra;
    bool any;
    const char *id;          /* raw value of "id" */
    size_t id_len;
} carry;

static void carry_member(void *ctx, const char *key, const char *member, size_t mlen,
                         const char *value, size_t vlen)
{
    carry *c = ctx;
    if (strcmp(key, "id") == 0) {
        c->id = value;
        c->id_len = vlen;
    }
    if (use_of(key) != FIELD_CARRIED)
        return;
    sr_buf_putc(c->extra, c->any ? ',' : '{');
    /* byte for byte as written, but for line breaks outside strings and the
     * indentation after them: a member of a JSON document written over many
     * lines spans lines, and the record it goes into is one line (a JSON
     * line has no line breaks, so its members are copied unchanged) */
    for (size_t i = 0; i < mlen;) {
        if (member[i] == '"') {
            size_t e = skip_string(member, i, mlen);
            sr_buf_put(c->extra, member + i, e - i);
            i = e;
        } else if (member[i] == '\n' || member[i] == '\r') {
            while (i < mlen && (member[i] == '\n' || member[i] == '\r' ||
                                member[i] == ' ' || member[i] == '\t'))
                i++;
        } else {
            sr_buf_putc(c->extra, member[i++]);
        }
    }
    c->any = true;
}

/* ---- one line --------------------------------------------------------------- */

/* A known field's string value, or NULL; warns when it is neither a string
 * nor null. */
static const char *string_field(jsonl_state *j, const char *where, json_t *o,
                                const char *key, size_t *len)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        sr_warn(j->diag, where, "field '%s' is not a string; ignored", key);
        return NULL;
    }
    if (len)
        *len = json_string_length(v);
    return json_string_value(v);
}

/* news-please's "authors": an array of names, joined by ", " as a byline. */
static void set_authors(sr_doc *doc, json_t *a)
{
    if (!json_is_array(a) || !json_array_size(a))
        return;
    sr_buf b;
    sr_buf_init(&b);
    for (size_t i = 0; i < json_array_size(a); i++) {
        json_t *n = json_array_get(a, i);
        if (!json_is_string(n) || !json_string_length(n))
            continue;
        if (b.len)
            sr_buf_puts(&b, ", ");
        sr_buf_put(&b, json_string_value(n), json_string_length(n));
    }
    if (b.len)
        doc->byline = sr_arena_strndup(doc->arena, b.data, b.len);
    sr_buf_free(&b);
}

static void set_fields(jsonl_state *j, const char *where, json_t *o, sr_doc *doc)
{
    json_t *id = json_object_get(o, "id");
    if (json_is_string(id) && json_string_length(id))
        doc->id = sr_arena_strdup(doc->arena, json_string_value(id));
    else if (id && !json_is_null(id) && !json_is_number(id))
        sr_warn(j->diag, where, "field 'id' is neither a string nor a number; "
                "an id is made from the content");
    const char *v;
    if ((v = string_field(j, where, o, "url", NULL)) && *v)
        doc->url = sr_arena_strdup(doc->arena, v);
    if ((v = string_field(j, where, o, "title", NULL)) && *v)
        doc->title = sr_arena_strdup(doc->arena, v);
    if ((v = string_field(j, where, o, "outlet", NULL)) && *v)
        doc->outlet = sr_arena_strdup(doc->arena, v);
    else if ((v = string_field(j, where, o, "source_domain", NULL)) && *v)
        doc->outlet = sr_arena_strdup(doc->arena, v);   /* news-please */
    if ((v = string_field(j, where, o, "byline", NULL)) && *v)
        doc->byline = sr_arena_strdup(doc->arena, v);
    else
        set_authors(doc, json_object_get(o, "authors"));   /* news-please */
    if ((v = string_field(j, where, o, "dateline", NULL)) && *v)
        doc->dateline = sr_arena_strdup(doc->arena, v);
    if ((v = string_field(j, where, o, "lang", NULL)) && strlen(v) >= 2) {
        char code[3] = {(char)(v[0] | 0x20), (char)(v[1] | 0x20), '\0'};
        if (code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z' &&
            !((v[2] | 0x20) >= 'a' && (v[2] | 0x20) <= 'z'))
            doc->lang = sr_arena_strdup(doc->arena, code);
    }
    v = string_field(j, where, o, "published", NULL);
    if (!v || !*v)
        v = string_field(j, where, o, "date_publish", NULL);   /* news-please */
    if (v && *v) {
        sr_date d;
        if (sr_date_parse(v, strlen(v), &d)) {
            char iso[32];
            sr_date_format(&d, iso);
            doc->published = sr_arena_strdup(doc->arena, iso);
        } else {
            sr_warn(j->diag, where, "'published' is not a date sitrep can read ('%.40s'); "
                    "ignored", v);
        }
    }
}

/* The document of one line, or NULL after reporting why there is none. */
static sr_doc *read_line(jsonl_state *j, const char *line, size_t n)
{
    char where[512];
    snprintf(where, sizeof where, "%s:%llu", j->path, (unsigned long long)j->line);
    json_error_t err;
    /* integers as reals, so that numbers too big for 64 bits are still
     * valid JSON; unknown fields keep their raw digits anyway */
    json_t *o = json_loadb(line, n, JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &err);
    if (!o) {
        sr_error(j->diag, where, "not JSON (%s at column %d); line skipped", err.text,
                 err.column);
        return NULL;
    }
    if (!json_is_object(o)) {
        sr_error(j->diag, where, "a JSON %s, not an object; line skipped",
                 json_is_array(o) ? "array" : "value");
        json_decref(o);
        return NULL;
    }
    size_t text_len = 0, html_len = 0;
    const char *html = string_field(j, where, o, "html", &html_len);
    const char *text = string_field(j, where, o, "text", &text_len);
    if (!text && !html)
        text = string_field(j, where, o, "body", &text_len);
    if (!text && !html)
        text = string_field(j, where, o, "maintext", &text_len);   /* news-please */
    if (!(text && text_len) && !(html && html_len)) {
        sr_error(j->diag, where, "neither 'text' nor 'html'; line skipped");
        json_decref(o);
        return NULL;
    }
    sr_doc *doc = sr_doc_new();
    sr_buf extra;
    sr_buf_init(&extra);
    carry c = {.extra = &extra};
    each_member(line, n, carry_member, &c);
    if (c.any) {
        sr_buf_putc(&extra, '}');
        doc->extra_json = sr_arena_strndup(doc->arena, extra.data, extra.len);
    }
    sr_buf_free(&extra);
    set_fields(j, where, o, doc);
    if (!doc->id && c.id && c.id_len && c.id[0] != '"' && c.id[0] != 'n' &&
        json_is_number(json_object_get(o, "id")))
        doc->id = sr_arena_strndup(doc->arena, c.id, c.id_len);   /* digits as written */
    if (html && html_len) {
        if (sr_html_read(doc, html, html_len, "UTF-8", doc->url, j->diag, where) != SR_OK) {
            sr_doc_free(doc);
            doc = NULL;
        }
    } else {
        sr_plain_article(doc, text, text_len);
        char code[3];
        if (!doc->lang && sr_lang_detect(doc->body, doc->body_len, code))
            doc->lang = sr_arena_strdup(doc->arena, code);
    }
    json_decref(o);
    return doc;
}

/* Is the first line the start of a JSON value written over many lines
 * ("{" alone, or an object or array that does not close on it)? */
static bool opens_multiline_value(const char *p, size_t n)
{
    size_t i = skip_ws(p, 0, n);
    if (i == n || (p[i] != '{' && p[i] != '['))
        return false;
    json_error_t err;
    json_t *v = json_loadb(p, n, JSON_ALLOW_NUL | JSON_DECODE_ANY, &err);
    if (v) {
        json_decref(v);
        return false;
    }
    return err.position >= (int)n;   /* ran out of text, not into an error */
}

/* The 1-based line of position `at` of the whole-file buffer. */
static uint64_t line_of(jsonl_state *j, const char *at)
{
    for (; j->line_at < at; j->line_at++)
        if (*j->line_at == '\n')
            j->line_no++;
    return j->line_no;
}

/* Whole-file mode: the next object of the file (one object, or an array of
 * objects), each read as a JSON line would be. */
static sr_doc *whole_next(jsonl_state *j)
{
    const char *p = j->buf.data;
    size_t n = j->buf.len;
    while (j->pos < n) {
        size_t i = skip_ws(p, j->pos, n);
        if (i < n && (p[i] == ',' || p[i] == '[' || p[i] == ']')) {
            j->pos = i + 1;
            continue;
        }
        if (i >= n)
            break;
        size_t end = skip_value(p, i, n);
        j->pos = end;
        j->line = line_of(j, p + i);
        sr_doc *doc = read_line(j, p + i, end - i);
        if (doc)
            return doc;
    }
    return NULL;
}

static sr_doc *jsonl_next(void *state)
{
    jsonl_state *j = state;
    size_t max = j->opt->max_file_bytes ? j->opt->max_file_bytes : SR_DEFAULT_MAX_DOC_BYTES;
    if (j->whole)
        return whole_next(j);
    for (;;) {
        sr_buf_reset(&j->buf);
        bool too_long;
        if (!sr_stream_getline(j->s, &j->buf, max, &too_long))
            return NULL;
        j->line++;
        if (too_long) {
            char where[512];
            snprintf(where, sizeof where, "%s:%llu", j->path, (unsigned long long)j->line);
            sr_error(j->diag, where, "line longer than the %zu-byte limit of one document; "
                     "skipped", max);
            continue;
        }
        const char *p = j->buf.data ? j->buf.data : "";
        size_t n = j->buf.len;
        if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 && j->line == 1) {
            p += 3;
            n -= 3;
        }
        if (skip_ws(p, 0, n) == n)
            continue;   /* blank lines separate nothing */
        if (j->line == 1 && opens_multiline_value(p, n)) {
            /* one JSON value over many lines: read the whole file */
            size_t skip = (size_t)(p - j->buf.data);
            sr_buf_putc(&j->buf, '\n');
            sr_status st = sr_stream_slurp(j->s, &j->buf, max);
            if (st != SR_OK) {
                sr_error(j->diag, j->path, st == SR_ERR_LIMIT
                         ? "a JSON document over many lines, longer than the %zu-byte "
                           "limit of one document; skipped"
                         : "read error in a JSON document over many lines; skipped", max);
                return NULL;
            }
            json_error_t err;
            json_t *v = json_loadb(j->buf.data + skip, j->buf.len - skip,
                                   JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &err);
            if (!v) {
                char where[512];
                snprintf(where, sizeof where, "%s:%d", j->path, err.line);
                sr_error(j->diag, where, "not JSON (%s at column %d); file skipped",
                         err.text, err.column);
                return NULL;
            }
            json_decref(v);
            j->whole = true;
            j->pos = skip;
            j->line_at = j->buf.data;
            j->line_no = 1;
            return whole_next(j);
        }
        sr_doc *doc = read_line(j, p, n);
        if (doc)
            return doc;
    }
}

static void jsonl_close(void *state)
{
    jsonl_state *j = state;
    sr_buf_free(&j->buf);
    free(j);
}

const sr_format_reader sr_jsonl_reader = {
    SR_FORMAT_JSONL, jsonl_open, jsonl_next, jsonl_close,
};
