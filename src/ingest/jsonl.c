/*
 * jsonl.c — article JSON: JSON Lines, one object written over many lines,
 * an array of objects, or several of these one after the other.
 *
 *   {"id": "a1", "url": "...", "title": "...", "outlet": "...",
 *    "published": "2026-01-27", "text": "..."}        (or "html": "<html>...")
 *
 * Every JSON object at the top of the file, or an element of a top-level
 * array, is one document. The shape is not declared: the reader streams
 * the file and gathers one object at a time, whatever its line breaks, so
 * memory is bounded by the largest object (the document limit,
 * max_file_bytes, 1 GiB by default), never by the file.
 *
 * Fields sitrep knows, each under several names (other tools' exports:
 * news-please, BASIL, CMS dumps); the first name present with a usable
 * value wins:
 *   article text  html (read by the HTML reader, the given fields kept over
 *                 what the page says), text (plain-text conventions of
 *                 sr_plain_article, the given title kept), maintext, body,
 *                 content, article, body-paragraphs, paragraphs (a list of
 *                 paragraph strings, or of lists of sentence strings:
 *                 paragraphs joined by a blank line, sentences by a space)
 *   id            id (a number taken as its digits), uuid
 *   published     published, date_publish, datePublished, pubDate, date
 *                 (any form sr_date_parse() reads, written as ISO 8601)
 *   outlet        outlet, source_domain, publisher, source (a string or an
 *                 object with a "name")
 *   byline        byline, author, authors (a string, a list of names, or
 *                 objects with a "name"; names joined by ", ")
 *   lang          lang, language (a two-letter code, else detected)
 *   url, title, dateline under their own names.
 *
 * Every other member is carried through byte for byte: the object is
 * checked with jansson, then the raw text of each unknown member is cut out
 * and kept in doc->extra_json, which the document record splices back in.
 * Numbers therefore keep their exact digits and key order is kept; line
 * breaks outside strings, and the indentation after them, are dropped so
 * the record stays one line. Not carried: the member that supplied a field,
 * text and html, and the names of sitrep's own record (path, format,
 * captions, paragraphs, sentences, bad_bytes, body, ...), which are
 * recomputed, so sitrep's output can be read again. An alias that lost to
 * an earlier one ("date" when "published" is there) is carried.
 *
 * Bad input is reported as FILE:LINE (the line the object starts on) and
 * skipped, and reading goes on: a value that is not an object, an object
 * with no article text, an object that is not valid JSON, one longer than
 * the limit (consumed, never held), one the file ends inside. The object
 * gatherer follows JSON's grammar (a small push-down automaton over
 * containers; scalars are checked by jansson afterwards), so a JSON line
 * missing its closing brace is caught where the next line's '{' appears,
 * and a line break inside a string ends the broken object at once: the
 * next object is still found.
 */
#include "ingest.h"
#include "date.h"
#include "lang.h"
#include "../core/internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (64u * 1024u)
#define MAX_DEPTH 2048      /* as jansson's parser */

typedef struct jsonl_state {
    sr_stream *s;
    const char *path;
    const sr_read_options *opt;
    sr_diag *diag;
    size_t max;              /* the limit of one object */
    char *chunk;
    size_t clen, cpos;
    bool started;            /* the byte order mark has been looked for */
    uint64_t line;           /* 1-based line of the next byte */
    uint64_t col;            /* and its 0-based column (bytes) */
    bool line_start;         /* only white space so far on this line */
    bool resync;             /* after a broken object: skip to a line that
                                opens with '{' */
    uint64_t reported;       /* line of the last non-object report */
    sr_buf buf;              /* the object being gathered */
    bool over;               /* it passed the limit: consumed, not kept */
    char *stack;             /* container states of the object */
    size_t depth;
} jsonl_state;

static void *jsonl_open(sr_stream *s, const char *path, const sr_read_options *opt,
                        sr_diag *diag)
{
    jsonl_state *j = sr_xcalloc(1, sizeof *j);
    j->s = s;
    j->path = path;
    j->opt = opt;
    j->diag = diag;
    j->max = opt->max_file_bytes ? opt->max_file_bytes : SR_DEFAULT_MAX_DOC_BYTES;
    j->chunk = sr_xmalloc(CHUNK);
    j->stack = sr_xmalloc(MAX_DEPTH);
    j->line = 1;
    j->line_start = true;
    return j;
}

/* ---- bytes ------------------------------------------------------------------ */

/* The next byte, not consumed; -1 at the end. */
static int peek(jsonl_state *j)
{
    if (j->cpos == j->clen) {
        j->clen = sr_stream_read(j->s, j->chunk, CHUNK);
        j->cpos = 0;
        if (!j->clen)
            return -1;
    }
    return (unsigned char)j->chunk[j->cpos];
}

/* Consume the byte peek() returned. */
static void skip(jsonl_state *j)
{
    if (j->chunk[j->cpos++] == '\n') {
        j->line++;
        j->col = 0;
        j->line_start = true;
    } else {
        j->col++;
    }
}

/* Keep bytes of the object being gathered, unless it passed the limit. */
static void keep(jsonl_state *j, const char *p, size_t n)
{
    if (j->over)
        return;
    if (j->buf.len + n > j->max) {
        j->over = true;
        sr_buf_reset(&j->buf);
        return;
    }
    sr_buf_put(&j->buf, p, n);
}

/* Consume and keep the byte peek() returned. */
static void take(jsonl_state *j)
{
    keep(j, j->chunk + j->cpos, 1);
    skip(j);
}

static bool is_ws(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A byte that may continue a number, true, false or null. */
static bool is_scalar(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c == '-' || c == '+' || c == '.';
}

/* ---- gathering one object ----------------------------------------------------- */

typedef enum { G_OK, G_BROKEN, G_TRUNCATED } gathered;

/* Where a container is in JSON's grammar. */
enum {
    O_KEY_OR_END,            /* after '{' */
    O_KEY,                   /* after ',' in an object */
    O_COLON,
    O_VALUE,
    O_COMMA_OR_END,
    A_VALUE_OR_END,          /* after '[' */
    A_VALUE,                 /* after ',' in an array */
    A_COMMA_OR_END,
};

/* Take a string from its opening quote. A raw line break ends it as broken
 * (JSON has none in strings: the object was cut off). */
static gathered take_string(jsonl_state *j, const char **why)
{
    take(j);
    for (;;) {
        int c = peek(j);
        if (c < 0)
            return G_TRUNCATED;
        /* the bulk of an article: copy up to the next byte that matters */
        const char *p = j->chunk + j->cpos, *e = j->chunk + j->clen, *q = p;
        while (q < e && *q != '"' && *q != '\\' && *q != '\n')
            q++;
        if (q > p) {
            keep(j, p, (size_t)(q - p));
            j->cpos += (size_t)(q - p);
            j->col += (uint64_t)(q - p);
            continue;
        }
        if (c == '\n') {
            *why = "a line break inside a string";
            return G_BROKEN;
        }
        take(j);
        if (c == '"')
            return G_OK;
        if (peek(j) < 0)    /* c was a backslash */
            return G_TRUNCATED;
        take(j);
    }
}

/* The state a container moves to once a value in it is complete. */
static char after_value(char st)
{
    return st == O_VALUE ? O_COMMA_OR_END : A_COMMA_OR_END;
}

/* Gather the object starting at the '{' peek() returned into j->buf (or
 * only consume it, past the limit). On G_BROKEN the offending byte is not
 * consumed and *why says what was wrong. */
static gathered gather(jsonl_state *j, const char **why)
{
    sr_buf_reset(&j->buf);
    j->over = false;
    take(j);
    j->depth = 0;
    j->stack[j->depth++] = O_KEY_OR_END;
    for (;;) {
        int c = peek(j);
        if (c < 0)
            return G_TRUNCATED;
        if (is_ws(c)) {
            take(j);
            continue;
        }
        char *st = &j->stack[j->depth - 1];
        switch (*st) {
        case O_KEY_OR_END:
        case O_KEY:
            if (c == '"') {
                gathered g = take_string(j, why);
                if (g != G_OK)
                    return g;
                *st = O_COLON;
                continue;
            }
            if (c == '}' && *st == O_KEY_OR_END)
                break;   /* closed below */
            *why = "a member name expected";
            return G_BROKEN;
        case O_COLON:
            if (c != ':') {
                *why = "':' expected";
                return G_BROKEN;
            }
            take(j);
            *st = O_VALUE;
            continue;
        case O_COMMA_OR_END:
        case A_COMMA_OR_END:
            if (c == ',') {
                take(j);
                *st = *st == O_COMMA_OR_END ? O_KEY : A_VALUE;
                continue;
            }
            if (c == (*st == O_COMMA_OR_END ? '}' : ']'))
                break;   /* closed below */
            *why = *st == O_COMMA_OR_END ? "',' or '}' expected" : "',' or ']' expected";
            return G_BROKEN;
        default:   /* a value expected */
            if (c == ']' && *st == A_VALUE_OR_END)
                break;   /* closed below */
            if (c == '{' || c == '[') {
                if (j->depth == MAX_DEPTH) {
                    *why = "nested too deep";
                    return G_BROKEN;
                }
                take(j);
                *st = after_value(*st);
                j->stack[j->depth++] = c == '{' ? O_KEY_OR_END : A_VALUE_OR_END;
                continue;
            }
            if (c == '"') {
                gathered g = take_string(j, why);
                if (g != G_OK)
                    return g;
                *st = after_value(*st);
                continue;
            }
            if (is_scalar(c)) {
                while ((c = peek(j)) >= 0 && is_scalar(c))
                    take(j);
                *st = after_value(*st);
                continue;
            }
            *why = "a value expected";
            return G_BROKEN;
        }
        /* a '}' or ']' that closes the innermost container */
        take(j);
        if (--j->depth == 0)
            return G_OK;
    }
}

/* ---- raw members ---------------------------------------------------------- */

static size_t skip_ws(const char *p, size_t i, size_t n)
{
    while (i < n && is_ws(p[i]))
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
    while (i < n && p[i] != ',' && p[i] != '}' && !is_ws(p[i]))
        i++;
    return i;
}

/* Members never carried: the names of sitrep's own record (recomputed, or
 * a carried copy would repeat a key) and the article's text and HTML. */
static bool never_carried(const char *key)
{
    static const char *const names[] = {
        "id", "path", "format", "title", "dateline", "byline", "published", "outlet",
        "url", "lang", "captions", "bad_bytes", "body", "paragraphs", "sentences",
        "text", "html",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(names); i++)
        if (strcmp(key, names[i]) == 0)
            return true;
    return false;
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

/* The aliases that supplied a field (at most one per field). */
#define MAX_USED 8

typedef struct carry {
    sr_buf *extra;
    bool any;
    const char *used[MAX_USED];
    size_t nused;
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
    if (never_carried(key))
        return;
    for (size_t i = 0; i < c->nused; i++)
        if (strcmp(key, c->used[i]) == 0)
            return;
    sr_buf_putc(c->extra, c->any ? ',' : '{');
    /* byte for byte as written, but for line breaks outside strings and the
     * indentation after them: a member of an object written over many lines
     * spans lines, and the record it goes into is one line (a JSON line has
     * no line breaks, so its members are copied unchanged) */
    for (size_t i = 0; i < mlen;) {
        if (member[i] == '"') {
            size_t e = skip_string(member, i, mlen);
            sr_buf_put(c->extra, member + i, e - i);
            i = e;
        } else if (member[i] == '\n' || member[i] == '\r') {
            while (i < mlen && is_ws(member[i]))
                i++;
        } else {
            sr_buf_putc(c->extra, member[i++]);
        }
    }
    c->any = true;
}

/* ---- fields ----------------------------------------------------------------- */

typedef struct object_ctx {
    jsonl_state *j;
    const char *where;
    json_t *o;
    carry *c;
} object_ctx;

static void mark_used(object_ctx *x, const char *key)
{
    if (x->c->nused < MAX_USED)
        x->c->used[x->c->nused++] = key;
}

/* A member's value, or NULL when absent or null. */
static json_t *member(object_ctx *x, const char *key)
{
    json_t *v = json_object_get(x->o, key);
    return v && !json_is_null(v) ? v : NULL;
}

/* A member's non-empty string value, or NULL; warns when it is present but
 * neither a string nor null. */
static const char *string_member(object_ctx *x, const char *key, size_t *len)
{
    json_t *v = member(x, key);
    if (!v)
        return NULL;
    if (!json_is_string(v)) {
        sr_warn(x->j->diag, x->where, "field '%s' is not a string; ignored", key);
        return NULL;
    }
    if (!json_string_length(v))
        return NULL;
    if (len)
        *len = json_string_length(v);
    return json_string_value(v);
}

/* A name given as a string or as an object with a "name" (schema.org
 * style: "publisher": {"@type": "Organization", "name": "..."}). */
static const char *name_of(json_t *v)
{
    if (json_is_object(v))
        v = json_object_get(v, "name");
    return json_is_string(v) && json_string_length(v) ? json_string_value(v) : NULL;
}

/* The first of `keys` naming something (a string or {"name": ...}). */
static const char *first_name(object_ctx *x, const char *const *keys, size_t nkeys)
{
    for (size_t i = 0; i < nkeys; i++) {
        json_t *v = member(x, keys[i]);
        if (!v)
            continue;
        const char *s = name_of(v);
        if (s) {
            mark_used(x, keys[i]);
            return s;
        }
        sr_warn(x->j->diag, x->where, "field '%s' is neither a name nor an object with "
                "one; ignored", keys[i]);
    }
    return NULL;
}

/* Names as a byline: a string, or a list of strings or {"name": ...}
 * objects joined by ", ". Empty when none. */
static void names_of(json_t *v, sr_buf *b)
{
    if (!json_is_array(v)) {
        const char *s = name_of(v);
        if (s)
            sr_buf_puts(b, s);
        return;
    }
    for (size_t i = 0; i < json_array_size(v); i++) {
        const char *s = name_of(json_array_get(v, i));
        if (!s)
            continue;
        if (b->len)
            sr_buf_puts(b, ", ");
        sr_buf_puts(b, s);
    }
}

static void set_byline(object_ctx *x, sr_doc *doc)
{
    static const char *const keys[] = {"byline", "author", "authors"};
    sr_buf b;
    sr_buf_init(&b);
    for (size_t i = 0; i < SR_ARRAY_LEN(keys); i++) {
        json_t *v = member(x, keys[i]);
        if (!v)
            continue;
        if (i == 0 && !json_is_string(v)) {
            sr_warn(x->j->diag, x->where, "field 'byline' is not a string; ignored");
            continue;
        }
        names_of(v, &b);
        if (b.len) {
            mark_used(x, keys[i]);
            doc->byline = sr_arena_strndup(doc->arena, b.data, b.len);
            break;
        }
    }
    sr_buf_free(&b);
}

/* "en", "EN", "en-GB", "en_US" -> "en"; NULL for anything else. */
static bool lang_code(const char *v, char code[3])
{
    if (strlen(v) < 2)
        return false;
    code[0] = (char)(v[0] | 0x20);
    code[1] = (char)(v[1] | 0x20);
    code[2] = '\0';
    char third = (char)(v[2] | 0x20);
    return code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z' &&
           !(third >= 'a' && third <= 'z');
}

static void set_published(object_ctx *x, sr_doc *doc)
{
    static const char *const keys[] = {
        "published", "date_publish", "datePublished", "pubDate", "date",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(keys); i++) {
        const char *v = string_member(x, keys[i], NULL);
        if (!v)
            continue;
        sr_date d;
        if (sr_date_parse(v, strlen(v), &d)) {
            char iso[32];
            sr_date_format(&d, iso);
            doc->published = sr_arena_strdup(doc->arena, iso);
            mark_used(x, keys[i]);
            return;
        }
        sr_warn(x->j->diag, x->where, "'%s' is not a date sitrep can read ('%.40s'); "
                "ignored", keys[i], v);
    }
}

static void set_fields(object_ctx *x, sr_doc *doc)
{
    json_t *id = member(x, "id");
    const char *v;
    if (json_is_string(id) && json_string_length(id)) {
        doc->id = sr_arena_strdup(doc->arena, json_string_value(id));
    } else if (id && !json_is_number(id)) {
        sr_warn(x->j->diag, x->where, "field 'id' is neither a string nor a number; "
                "an id is made from the content");
    } else if (!id && (v = string_member(x, "uuid", NULL))) {
        doc->id = sr_arena_strdup(doc->arena, v);
        mark_used(x, "uuid");
    }
    if ((v = string_member(x, "url", NULL)))
        doc->url = sr_arena_strdup(doc->arena, v);
    if ((v = string_member(x, "title", NULL)))
        doc->title = sr_arena_strdup(doc->arena, v);
    static const char *const outlet[] = {"outlet", "source_domain", "publisher", "source"};
    if ((v = first_name(x, outlet, SR_ARRAY_LEN(outlet))))
        doc->outlet = sr_arena_strdup(doc->arena, v);
    set_byline(x, doc);
    if ((v = string_member(x, "dateline", NULL)))
        doc->dateline = sr_arena_strdup(doc->arena, v);
    static const char *const lang[] = {"lang", "language"};
    for (size_t i = 0; i < SR_ARRAY_LEN(lang); i++) {
        char code[3];
        if ((v = string_member(x, lang[i], NULL)) && lang_code(v, code)) {
            doc->lang = sr_arena_strdup(doc->arena, code);
            mark_used(x, lang[i]);
            break;
        }
    }
    set_published(x, doc);
}

/* A list of paragraphs as article text: each element a paragraph string or
 * a list of sentence strings (joined by a space); paragraphs separated by a
 * blank line. False when the list gives no text. */
static bool paragraph_text(json_t *list, sr_buf *out)
{
    if (!json_is_array(list))
        return false;
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *p = json_array_get(list, i);
        size_t start = out->len;
        if (out->len)
            sr_buf_puts(out, "\n\n");
        size_t text_start = out->len;
        if (json_is_string(p)) {
            sr_buf_put(out, json_string_value(p), json_string_length(p));
        } else if (json_is_array(p)) {
            for (size_t k = 0; k < json_array_size(p); k++) {
                json_t *s = json_array_get(p, k);
                if (!json_is_string(s) || !json_string_length(s))
                    continue;
                if (out->len > text_start)
                    sr_buf_putc(out, ' ');
                sr_buf_put(out, json_string_value(s), json_string_length(s));
            }
        }
        /* a paragraph of white space only is none */
        if (skip_ws(out->data, text_start, out->len) == out->len)
            out->len = start;
    }
    if (out->data)
        out->data[out->len] = '\0';
    return out->len > 0;
}

/* The article of an object: its HTML, or its text (in `text`, copied to
 * `own` when made from a paragraph list). False when it has none. */
static bool article_of(object_ctx *x, const char **html, size_t *html_len,
                       const char **text, size_t *text_len, sr_buf *own)
{
    *html = string_member(x, "html", html_len);
    if (*html)
        return true;
    static const char *const texts[] = {"text", "maintext", "body", "content", "article"};
    for (size_t i = 0; i < SR_ARRAY_LEN(texts); i++)
        if ((*text = string_member(x, texts[i], text_len))) {
            mark_used(x, texts[i]);
            return true;
        }
    static const char *const lists[] = {"body-paragraphs", "paragraphs"};
    for (size_t i = 0; i < SR_ARRAY_LEN(lists); i++)
        if (paragraph_text(member(x, lists[i]), own)) {
            mark_used(x, lists[i]);
            *text = own->data;
            *text_len = own->len;
            return true;
        }
    return false;
}

/* ---- one object --------------------------------------------------------------- */

/* The document of one object p[0..n) starting on line `line`, or NULL
 * after reporting why there is none. */
static sr_doc *read_object(jsonl_state *j, const char *p, size_t n, uint64_t line)
{
    char where[512];
    snprintf(where, sizeof where, "%s:%llu", j->path, (unsigned long long)line);
    json_error_t err;
    /* integers as reals, so that numbers too big for 64 bits are still
     * valid JSON; unknown fields keep their raw digits anyway */
    json_t *o = json_loadb(p, n, JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &err);
    if (!o) {
        if (err.line > 1)
            sr_error(j->diag, where, "not JSON (%s, on line %llu column %d); object skipped",
                     err.text, (unsigned long long)(line + (uint64_t)err.line - 1),
                     err.column);
        else
            sr_error(j->diag, where, "not JSON (%s at column %d); object skipped", err.text,
                     err.column);
        return NULL;
    }
    sr_buf extra, own;
    sr_buf_init(&extra);
    sr_buf_init(&own);
    carry c = {.extra = &extra};
    object_ctx x = {.j = j, .where = where, .o = o, .c = &c};
    const char *html = NULL, *text = NULL;
    size_t html_len = 0, text_len = 0;
    sr_doc *doc = NULL;
    if (!article_of(&x, &html, &html_len, &text, &text_len, &own)) {
        sr_error(j->diag, where, "no article text (none of html, text, maintext, body, "
                 "content, article, body-paragraphs, paragraphs); object skipped");
        goto done;
    }
    doc = sr_doc_new();
    set_fields(&x, doc);
    each_member(p, n, carry_member, &c);
    if (c.any) {
        sr_buf_putc(&extra, '}');
        doc->extra_json = sr_arena_strndup(doc->arena, extra.data, extra.len);
    }
    if (!doc->id && c.id && c.id_len && json_is_number(json_object_get(o, "id")))
        doc->id = sr_arena_strndup(doc->arena, c.id, c.id_len);   /* digits as written */
    if (html) {
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
done:
    sr_buf_free(&extra);
    sr_buf_free(&own);
    json_decref(o);
    return doc;
}

/* A value at the top that is not an object (a string, a number, an array
 * element that is no article, or no JSON at all): consumed and reported,
 * once per line. */
static void not_an_object(jsonl_state *j)
{
    uint64_t line = j->line;
    sr_buf tok;
    sr_buf_init(&tok);
    int c = peek(j);
    bool string = c == '"';
    sr_buf_putc(&tok, (char)c);
    skip(j);
    while ((c = peek(j)) >= 0 && c != '\n') {
        if (string ? c == '"' : !is_scalar(c))
            break;
        if (string && c == '\\') {
            if (tok.len < 256)
                sr_buf_putc(&tok, (char)c);
            skip(j);
            if ((c = peek(j)) < 0 || c == '\n')
                break;
        }
        if (tok.len < 256)
            sr_buf_putc(&tok, (char)c);
        skip(j);
    }
    if (string && c == '"') {
        sr_buf_putc(&tok, '"');
        skip(j);
    }
    bool long_string = string && c == '"' && tok.len >= 256;   /* only its head kept */
    json_t *v = long_string ? json_string("")
                : tok.len < 256 ? json_loadb(tok.data, tok.len, JSON_DECODE_ANY, NULL) : NULL;
    if (!v) {
        /* no JSON: the rest of the line goes with it */
        while ((c = peek(j)) >= 0 && c != '\n')
            skip(j);
    }
    if (line != j->reported) {
        char where[512];
        snprintf(where, sizeof where, "%s:%llu", j->path, (unsigned long long)line);
        if (v)
            sr_error(j->diag, where, "a JSON %s, not an object; skipped",
                     json_is_string(v) ? "string" : json_is_number(v) ? "number" : "literal");
        else
            sr_error(j->diag, where, "not JSON ('%.40s'); line skipped", tok.data);
        j->reported = line;
    }
    json_decref(v);
    sr_buf_free(&tok);
}

static sr_doc *jsonl_next(void *state)
{
    jsonl_state *j = state;
    for (;;) {
        int c = peek(j);
        if (c < 0)
            return NULL;
        if (!j->started) {
            j->started = true;
            if (c == 0xEF && j->clen - j->cpos >= 3 &&
                memcmp(j->chunk + j->cpos, "\xEF\xBB\xBF", 3) == 0) {
                j->cpos += 3;
                continue;   /* columns count from after it */
            }
        }
        if (is_ws(c)) {
            skip(j);
            continue;
        }
        if (j->resync) {
            if (c != '{' || !j->line_start) {
                skip(j);
                j->line_start = false;
                continue;
            }
            j->resync = false;
        }
        j->line_start = false;
        /* between objects: the brackets and commas of an array */
        if (c == '[' || c == ']' || c == ',') {
            skip(j);
            continue;
        }
        if (c != '{') {
            not_an_object(j);
            continue;
        }
        uint64_t line = j->line;
        char where[512];
        snprintf(where, sizeof where, "%s:%llu", j->path, (unsigned long long)line);
        const char *why = NULL;
        switch (gather(j, &why)) {
        case G_OK:
            j->line_start = false;
            if (j->over) {
                sr_error(j->diag, where, "object longer than the %zu-byte limit of one "
                         "document; skipped", j->max);
                continue;
            }
            sr_doc *doc = read_object(j, j->buf.data, j->buf.len, line);
            if (doc)
                return doc;
            continue;
        case G_TRUNCATED:
            sr_error(j->diag, where, "the input ends inside this object (truncated); "
                     "skipped");
            return NULL;
        case G_BROKEN:
            if (j->line == line)
                sr_error(j->diag, where, "not JSON (%s at column %llu); object skipped", why,
                         (unsigned long long)j->col + 1);
            else
                sr_error(j->diag, where, "not JSON (%s, on line %llu column %llu); object "
                         "skipped", why, (unsigned long long)j->line,
                         (unsigned long long)j->col + 1);
            /* an object starting where this one broke off is read; else
             * the next line opening with '{' */
            j->line_start = false;
            if (peek(j) != '{')
                j->resync = true;
            continue;
        }
    }
}

static void jsonl_close(void *state)
{
    jsonl_state *j = state;
    sr_buf_free(&j->buf);
    free(j->chunk);
    free(j->stack);
    free(j);
}

const sr_format_reader sr_jsonl_reader = {
    SR_FORMAT_JSONL, jsonl_open, jsonl_next, jsonl_close,
};
