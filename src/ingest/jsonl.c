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
 * Every article of a wrapper is one document too: an object with no
 * article text of its own whose member (or a member's member) is an array
 * of articles, as APIs answer: NewsAPI {"status", "articles": [...]}, the
 * Guardian {"response": {"results": [...]}}, JSON Feed {"items": [...]},
 * {"data": [...]}, a JSON-LD {"@graph": [...]} (whose nodes of other types
 * are passed over, other_node(), as they are in a top-level array). The gatherer streams such an array one
 * element at a time when its first element decides it (gather_run);
 * otherwise the wrapper is held and find_arrays() queues its articles.
 * So is every article of a map of id -> article ({"a1": {...}, "a2":
 * {...}}: the member name is the id when the article has none), streamed
 * when it is the top-level object and its first member an article. A
 * search hit of Elasticsearch or OpenSearch ({"_id": ..., "_source":
 * {...}}) is read as its _source (read_hit()), its _id the id when the
 * source has none.
 *
 * Fields sitrep knows, each under several names (other tools' exports:
 * news-please, BASIL, CMS dumps, APIs); the first name present with a
 * usable value wins:
 *   article text  html (read by the HTML reader, the given fields kept over
 *                 what the page says), text (plain-text conventions of
 *                 sr_plain_article, the given title kept), maintext, body,
 *                 content, article, articleBody, bodyText, content_html,
 *                 content_text,
 *                 body-paragraphs, paragraphs (a list of paragraph strings,
 *                 or of lists of sentence strings: paragraphs joined by a
 *                 blank line, sentences by a space), last description;
 *                 a string opening with a tag is HTML (sniff()); NewsAPI's
 *                 "[+N chars]" cut marker is dropped, N kept in the
 *                 record's truncated_chars and the file warned about once
 *   id            id (a number taken as its digits), uuid; else a map's
 *                 member name or a hit's _id
 *   published     published, date_publish, datePublished, publishedAt,
 *                 webPublicationDate, date_published, date_gmt (UTC),
 *                 pubDate, date (any form sr_date_parse() reads, written
 *                 as ISO 8601)
 *   outlet        outlet, source_domain, publisher, source (a string or an
 *                 object with a "name")
 *   byline        byline, author, authors (a string, a list of names, or
 *                 objects with a "name"; names joined by ", ")
 *   lang          lang, language, inLanguage (a two-letter code, else
 *                 detected)
 *   url           url, webUrl, link, mainEntityOfPage (or its "@id")
 *   title         title, webTitle, headline
 *   dateline      under its own name.
 * A value {"rendered": "..."} (WordPress: HTML) or {"name": "..."} is read
 * as its string; a name absent from the object is looked up in its
 * "fields" object (the Guardian).
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
 * Bad bytes do not lose an object: before jansson sees it, repair()
 * replaces invalid UTF-8, raw NUL bytes, \u0000 escapes (jansson refuses
 * them, or C strings end there) and lone surrogate escapes by U+FFFD, all
 * counted in bad_bytes and warned about with the object's line, and
 * escapes raw control bytes in strings. The common case, nothing to
 * repair, costs one pass over the bytes.
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
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHUNK (64u * 1024u)
#define MAX_DEPTH 2048      /* as jansson's parser */

/* What repair() changed in one object. */
typedef struct repairs {
    size_t bad;              /* invalid UTF-8 bytes, \u0000 escapes and lone
                                surrogate escapes, each now U+FFFD */
    size_t controls;         /* raw control bytes in strings, now escaped */
    size_t *at;              /* offsets (in the repaired text) of the U+FFFD
                                written for each of `bad`, when asked for */
    size_t nat, cap;
} repairs;

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
    sr_buf *into;            /* where gathered bytes go: buf, or elem */
    bool *into_over;
    char *stack;             /* container states of the object */
    size_t depth;
    /* streaming a wrapper's array of articles (see gather_run) */
    bool wrapping;           /* inside a top-level object whose array of
                                articles is being streamed */
    bool wrapped;            /* the last top-level object streamed one */
    bool in_elem;            /* gathering an element of such an array */
    sr_buf elem;             /* the element gathered */
    bool elem_over;
    uint64_t elem_line;
    bool has_body[4];        /* the open object at this depth has a member
                                named like article text */
    size_t key_start;        /* where the last member name began in buf */
    bool lenient_close;      /* a wrapper broke: a stray '}' is its end */
    size_t top_arrays;       /* top-level '[' open around the object being
                                read: its JSON-LD nodes of other types are
                                skipped quietly, as in an "@graph" */
    uint64_t obj_line;       /* the line the top-level object starts on */
    uint64_t fail_line;      /* the line of the object a failure is in */
    sr_buf fixed;            /* the object repaired (see repair()) */
    struct repairs rep;      /* what was repaired in it */
    struct queued *queue;    /* the articles of a wrapper, to be read */
    size_t qn, qpos, qcap;
    sr_buf *qsrc;            /* the buffer holding the wrapper (buf or fixed) */
    /* streaming a map of id -> article (see gather_run) */
    size_t members0;         /* member names read so far in the top-level object */
    bool map_cand;           /* its first member's value, an object, is being
                                gathered into buf: */
    size_t map_key, map_val; /* where its name and its value start there */
    uint64_t map_line;       /* the line the value starts on */
    bool map;                /* the top-level object streamed is such a map */
    bool map_ids;            /* it has two members or more: their names are ids */
    size_t map_members;      /* its members read so far */
    sr_buf mkey;             /* the name of the member streamed (raw, quoted) */
    bool mkey_over;
    sr_buf first_key;        /* the name of its first member */
    bool stashed;            /* what gather_run returned after the first member
                                of a map, to be acted on at the next call */
    int stash_g;
    const char *stash_why;
    size_t ntruncated;       /* documents whose body the source cut short */
    char *bulk_next;         /* the _id of an Elasticsearch bulk action line,
                                for the object after it */
    char *bulk_id;           /* that of the object being gathered */
} jsonl_state;

/* An article of a wrapper: a range of the wrapper's text. */
typedef struct queued {
    size_t off, len;
    uint64_t line;           /* the line it starts on */
    size_t bad;              /* bytes repaired in it */
    size_t key_off, key_len; /* a member of a map: its raw name, the id when
                                the article has none (key_len 0: none) */
} queued;

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
    j->into = &j->buf;
    j->into_over = &j->over;
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
    if (*j->into_over)
        return;
    if (j->into->len + n > j->max) {
        *j->into_over = true;
        sr_buf_reset(j->into);
        return;
    }
    sr_buf_put(j->into, p, n);
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

typedef enum { G_OK, G_BROKEN, G_TRUNCATED, G_ELEMENT } gathered;

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

/* Streaming the articles of a wrapper. A wrapper ({"status": "ok",
 * "articles": [{...}, ...]}) is an object with no article text whose
 * member, or a member's member, is an array of articles. Held whole it
 * would cost its size and more (jansson's tree), so its array is streamed
 * when that can be decided at the array's first element: the array hangs
 * from objects only (at most MAX_WRAP_DEPTH of them), none of which has so
 * far had a member named like article text (has_body), and its first
 * element, gathered on its own, is an article (or not JSON, or too long: it
 * is reported on its own and the rest is still streamed). The elements
 * then go one by one through j->elem, the wrapper keeps "[]" in their
 * place, and what remains of it is read when it closes (it gives a
 * document only if it has article text after all). When the first element
 * is no article the array is gathered as part of the object, and
 * read_object() finds any array of articles in the held object (memory
 * then bounded by the document limit). A map of articles is streamed the
 * same way: when the top-level object's first member (with no member named
 * like article text before it) is an object and an article, the object
 * becomes STREAMED too, each member's name gathered into j->mkey and its
 * value into j->elem, and the object keeps "{}". */
#define MAX_WRAP_DEPTH 3     /* {"response": {"results": [...]}} is 2 */
#define STREAMED 0x40        /* on an array's state: its elements are streamed */


static bool repair(const char *p, size_t n, sr_buf *out, repairs *r);
static bool is_article(jsonl_state *j, json_t *o, bool weak);
static size_t skip_string(const char *p, size_t i, size_t n);

/* Member names that make an object an article (has_body). */
static bool body_name(const char *quoted, size_t n)
{
    static const char *const names[] = {
        "html", "text", "maintext", "body", "content", "article", "articleBody", "bodyText",
        "content_html", "content_text", "body-paragraphs", "paragraphs", "fields",
    };
    if (n < 2)
        return false;
    for (size_t i = 0; i < SR_ARRAY_LEN(names); i++)
        if (strlen(names[i]) == n - 2 && memcmp(names[i], quoted + 1, n - 2) == 0)
            return true;
    return false;
}

/* Whether an array opening now, as the value of a member, may be streamed. */
static bool can_stream(const jsonl_state *j)
{
    if (j->in_elem || j->depth > MAX_WRAP_DEPTH)
        return false;
    for (size_t k = 0; k < j->depth; k++)
        if ((j->stack[k] & ~STREAMED) >= A_VALUE_OR_END || j->has_body[k])
            return false;
    return true;
}

static gathered gather_run(jsonl_state *j, size_t base, const char **why);

/* Gather one value (an element of an array) into j->elem. */
static gathered gather_elem(jsonl_state *j, const char **why)
{
    j->elem_line = j->line;
    sr_buf_reset(&j->elem);
    j->elem_over = false;
    j->into = &j->elem;
    j->into_over = &j->elem_over;
    j->in_elem = true;
    gathered g = G_OK;
    int c = peek(j);
    if (c == '{' || c == '[') {
        size_t base = j->depth;
        if (base == MAX_DEPTH) {
            *why = "nested too deep";
            g = G_BROKEN;
        } else {
            take(j);
            j->stack[j->depth++] = c == '{' ? O_KEY_OR_END : A_VALUE_OR_END;
            g = gather_run(j, base, why);
        }
    } else if (c == '"') {
        g = take_string(j, why);
    } else if (is_scalar(c)) {
        while ((c = peek(j)) >= 0 && is_scalar(c))
            take(j);
    } else {
        *why = "a value expected";
        g = G_BROKEN;
    }
    j->into = &j->buf;
    j->into_over = &j->over;
    j->in_elem = false;
    if (g != G_OK && j->wrapping)
        j->fail_line = j->elem_line;   /* else the whole object is lost */
    return g;
}

/* Whether the first element of an array, in j->elem, decides for
 * streaming: an article, or an object that cannot be read at all. */
/* Whether the object text p[0..n) is an article (see is_article); not JSON
 * at all counts as one when `broken` says so. */
static bool text_is_article(jsonl_state *j, const char *p, size_t n, bool weak, bool broken)
{
    if (!n || p[0] != '{')
        return false;
    repairs r = {0};
    sr_buf fixed;
    sr_buf_init(&fixed);
    bool fix = repair(p, n, &fixed, &r);
    json_t *o = json_loadb(fix ? fixed.data : p, fix ? fixed.len : n,
                           JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, NULL);
    bool yes = o ? is_article(j, o, weak) : broken;
    json_decref(o);
    sr_buf_free(&fixed);
    return yes;
}

static bool streams(jsonl_state *j)
{
    return j->elem_over || text_is_article(j, j->elem.data, j->elem.len, true, true);
}

/* Start gathering the object at the '{' peek() returned. */
static void gather_begin(jsonl_state *j)
{
    sr_buf_reset(&j->buf);
    j->over = false;
    j->wrapping = j->wrapped = false;
    j->map = j->map_ids = j->stashed = j->map_cand = false;
    sr_buf_reset(&j->mkey);
    free(j->bulk_id);
    j->bulk_id = j->bulk_next;
    j->bulk_next = NULL;
    j->members0 = j->map_members = 0;
    j->fail_line = j->line;
    take(j);
    j->depth = 0;
    j->stack[j->depth++] = O_KEY_OR_END;
    j->has_body[0] = false;
}

/* The first member of the top-level object, an object, has just closed
 * (the map candidate, see gather_run): when it is an article (with text of
 * its own) and nothing in it was streamed, the top-level object is a map of
 * articles: the member goes to j->elem as the first element, its name to
 * j->first_key, the object keeps "{" and its other members are streamed. */
static bool map_first(jsonl_state *j)
{
    j->map_cand = false;
    if (j->wrapped || j->over ||
        !text_is_article(j, j->buf.data + j->map_val, j->buf.len - j->map_val, false, false))
        return false;
    sr_buf_reset(&j->elem);
    sr_buf_put(&j->elem, j->buf.data + j->map_val, j->buf.len - j->map_val);
    j->elem_over = false;
    j->elem_line = j->map_line;
    size_t key_end = skip_string(j->buf.data, j->map_key, j->buf.len);
    sr_buf_reset(&j->first_key);
    sr_buf_put(&j->first_key, j->buf.data + j->map_key, key_end - j->map_key);
    j->buf.len = j->map_key;
    j->buf.data[j->buf.len] = '\0';
    j->stack[0] = O_COMMA_OR_END | STREAMED;
    j->wrapping = j->wrapped = j->map = true;
    return true;
}

/* Gather the object begun by gather_begin() into j->buf (or only consume
 * it, past the limit) until its depth falls back to `base`. On G_BROKEN the
 * offending byte is not consumed and *why says what was wrong. G_ELEMENT:
 * an element of a streamed array is in j->elem; call again to go on. */
static gathered gather_run(jsonl_state *j, size_t base, const char **why)
{
    for (;;) {
        int c = peek(j);
        if (c < 0)
            return G_TRUNCATED;
        char *st = &j->stack[j->depth - 1];
        char streamed = *st & STREAMED, state = *st & ~STREAMED;
        if (is_ws(c)) {
            if (streamed)
                skip(j);
            else
                take(j);
            continue;
        }
        switch (state) {
        case O_KEY_OR_END:
        case O_KEY:
            if (c == '"' && streamed) {
                /* a member of a streamed map: its name kept apart */
                sr_buf_reset(&j->mkey);
                j->mkey_over = false;
                j->into = &j->mkey;
                j->into_over = &j->mkey_over;
                gathered g = take_string(j, why);
                j->into = &j->buf;
                j->into_over = &j->over;
                if (g != G_OK)
                    return g;
                *st = O_COLON | STREAMED;
                continue;
            }
            if (c == '"') {
                j->key_start = j->into->len;
                gathered g = take_string(j, why);
                if (g != G_OK)
                    return g;
                if (!j->in_elem && j->depth <= MAX_WRAP_DEPTH && !j->over &&
                    body_name(j->buf.data + j->key_start, j->buf.len - j->key_start))
                    j->has_body[j->depth - 1] = true;
                if (!j->in_elem && j->depth == 1)
                    j->members0++;
                *st = O_COLON;
                continue;
            }
            if (c == '}' && state == O_KEY_OR_END)
                break;   /* closed below */
            *why = "a member name expected";
            return G_BROKEN;
        case O_COLON:
            if (c != ':') {
                *why = "':' expected";
                return G_BROKEN;
            }
            if (streamed)
                skip(j);
            else
                take(j);
            *st = (char)(O_VALUE | streamed);
            continue;
        case O_COMMA_OR_END:
        case A_COMMA_OR_END:
            if (c == ',') {
                if (streamed)
                    skip(j);
                else
                    take(j);
                *st = (char)((state == O_COMMA_OR_END ? O_KEY : A_VALUE) | streamed);
                continue;
            }
            if (c == (state == O_COMMA_OR_END ? '}' : ']'))
                break;   /* closed below */
            *why = state == O_COMMA_OR_END ? "',' or '}' expected" : "',' or ']' expected";
            return G_BROKEN;
        default:   /* a value expected */
            if (c == ']' && state == A_VALUE_OR_END)
                break;   /* closed below */
            if (streamed) {
                *st = (char)(after_value(state) | STREAMED);
                gathered g = gather_elem(j, why);
                return g == G_OK ? G_ELEMENT : g;
            }
            if (c == '{' && state == O_VALUE && j->depth == 1 && !j->in_elem &&
                j->members0 == 1 && !j->has_body[0] && !j->over) {
                /* the first member of the top-level object is an object:
                 * gathered as part of it (an array of articles inside it
                 * still streamed: {"response": {"results": [...]}}), then
                 * looked at when it closes (map_first) */
                j->map_cand = true;
                j->map_key = j->key_start;
                j->map_val = j->buf.len;
                j->map_line = j->line;
            }
            if (c == '{' || c == '[') {
                if (j->depth == MAX_DEPTH) {
                    *why = "nested too deep";
                    return G_BROKEN;
                }
                bool try_stream = c == '[' && can_stream(j);
                take(j);
                *st = after_value(*st);
                j->stack[j->depth++] = c == '{' ? O_KEY_OR_END : A_VALUE_OR_END;
                if (c == '{' && j->depth <= MAX_WRAP_DEPTH)
                    j->has_body[j->depth - 1] = false;
                if (!try_stream)
                    continue;
                while ((c = peek(j)) >= 0 && is_ws(c))
                    take(j);
                if (c != '{')
                    continue;
                gathered g = gather_elem(j, why);
                if (g != G_OK)
                    return g;
                if (streams(j)) {
                    j->stack[j->depth - 1] = A_COMMA_OR_END | STREAMED;
                    j->wrapping = j->wrapped = true;
                    return G_ELEMENT;
                }
                keep(j, j->elem.data, j->elem.len);   /* part of the object */
                j->stack[j->depth - 1] = A_COMMA_OR_END;
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
        if (--j->depth == base)
            return G_OK;
        if (j->depth == 1 && j->map_cand && !j->in_elem && map_first(j))
            return G_ELEMENT;
    }
}

/* ---- repairing an object's bytes ------------------------------------------- */


static void note_bad(repairs *r, size_t at)
{
    r->bad++;
    if (!r->at)
        return;
    if (r->nat == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 16;
        r->at = sr_xrealloc(r->at, r->cap * sizeof *r->at);
    }
    r->at[r->nat++] = at;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The value of the four hex digits at p, or -1. */
static long hex4(const char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit(p[i]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Bytes of a string that need no look: printable ASCII but the quote and
 * the backslash (a table: this loop runs over every byte of the file). */
#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
static const unsigned char plain_string_byte[256] = {
    R16(0), R16(0),                                    /* control bytes */
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,    /* 0x20, '"' */
    R16(1), R16(1),
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,    /* 0x50, '\\' */
    R16(1), R16(1),
    R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0),   /* not ASCII */
};
#undef R16

/* Make the gathered object text p[0..n) acceptable to jansson without
 * losing the article: inside strings, each byte that is not valid UTF-8
 * becomes U+FFFD; a raw control byte (JSON wants them escaped) becomes its
 * escape, a raw NUL U+FFFD; a \u0000 escape (jansson refuses it, or ends
 * C strings there) and a \u escape of half a surrogate pair become \ufffd.
 * Returns false, `out` untouched, when nothing needed repair (the common
 * case costs one pass over the bytes); else the repaired text is in `out`.
 * The gatherer has checked the structure, so bytes outside strings are
 * JSON's own. */
static bool repair(const char *p, size_t n, sr_buf *out, repairs *r)
{
    size_t copied = 0;
    bool any = false;
    const char *rep = NULL;
    size_t rep_len = 0, skip_len = 0;
    bool rep_bad = false;
    char esc[6] = {'\\', 'u', '0', '0', 0, 0};
    for (size_t i = 0; i < n;) {
        if (p[i] != '"') {
            i++;
            continue;
        }
        /* a string: find the next byte that needs a look */
        for (i++; i < n;) {
            const unsigned char *u = (const unsigned char *)p;
            while (i < n && plain_string_byte[u[i]])
                i++;
            if (i >= n || p[i] == '"')
                break;
            rep = NULL;
            if (u[i] >= 0x80) {
                uint32_t cp;
                size_t k = sr_utf8_decode(u + i, n - i, &cp);
                if (k) {
                    i += k;
                    continue;
                }
                rep = "\xEF\xBF\xBD", rep_len = 3, skip_len = 1, rep_bad = true;
            } else if (p[i] == '\\') {
                long v = i + 6 <= n && p[i + 1] == 'u' ? hex4(p + i + 2) : -1;
                bool lone = false;
                if (v >= 0xD800 && v <= 0xDBFF) {
                    long w = i + 12 <= n && p[i + 6] == '\\' && p[i + 7] == 'u'
                             ? hex4(p + i + 8) : -1;
                    if (w >= 0xDC00 && w <= 0xDFFF) {
                        i += 12;   /* a pair */
                        continue;
                    }
                    lone = true;
                }
                if (v == 0 || lone || (v >= 0xDC00 && v <= 0xDFFF)) {
                    rep = "\\ufffd", rep_len = 6, skip_len = 6, rep_bad = true;
                } else {
                    i += i + 1 < n ? 2 : 1;
                    continue;
                }
            } else {   /* a raw control byte */
                static const char hex[] = "0123456789abcdef";
                unsigned char c = u[i];
                rep_bad = c == 0;
                if (c == 0)
                    rep = "\xEF\xBF\xBD", rep_len = 3;
                else if (c == '\t')
                    rep = "\\t", rep_len = 2;
                else if (c == '\r')
                    rep = "\\r", rep_len = 2;
                else if (c == '\n')
                    rep = "\\n", rep_len = 2;
                else {
                    esc[4] = hex[c >> 4];
                    esc[5] = hex[c & 15];
                    rep = esc, rep_len = 6;
                }
                skip_len = 1;
            }
            if (!any) {
                sr_buf_reset(out);
                any = true;
            }
            sr_buf_put(out, p + copied, i - copied);
            if (rep_bad)
                note_bad(r, out->len);
            else
                r->controls++;
            sr_buf_put(out, rep, rep_len);
            i += skip_len;
            copied = i;
        }
        i++;   /* the closing quote */
    }
    if (any)
        sr_buf_put(out, p + copied, n - copied);
    return any;
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
    while (i < n && p[i] != ',' && p[i] != '}' && p[i] != ']' && !is_ws(p[i]))
        i++;
    return i;
}

/* Members never carried: the names of sitrep's own record (recomputed, or
 * a carried copy would repeat a key) and the article's text and HTML. */
static bool never_carried(const char *key)
{
    static const char *const names[] = {
        "id", "path", "format", "title", "dateline", "byline", "published", "outlet",
        "url", "lang", "captions", "bad_bytes", "truncated_chars", "body", "paragraphs",
        "sentences", "text", "html",
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

/* The aliases that supplied a field (at most one per field), in the object
 * itself and in its "fields" member. */
#define MAX_USED 12

typedef struct carry {
    sr_buf *extra;
    bool any;
    const char *used[MAX_USED];
    size_t nused;
    const char *fused[MAX_USED];   /* members of "fields" that were used */
    size_t nfused;
    const char *id;          /* raw value of "id" */
    size_t id_len;
} carry;

static bool in_list(const char *key, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(key, list[i]) == 0)
            return true;
    return false;
}

/* Append a raw member ("key": value) to c->extra, byte for byte as written
 * but for line breaks outside strings and the indentation after them: a
 * member of an object written over many lines spans lines, and the record
 * it goes into is one line (a JSON line has no line breaks, so its members
 * are copied unchanged). */
static void put_member(carry *c, const char *member, size_t mlen)
{
    sr_buf_putc(c->extra, c->any ? ',' : '{');
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

/* A member of "fields" is carried unless it supplied a field. */
static void carry_field(void *ctx, const char *key, const char *member, size_t mlen,
                        const char *value, size_t vlen)
{
    (void)value;
    (void)vlen;
    carry *c = ctx;
    if (!in_list(key, c->fused, c->nfused))
        put_member(c, member, mlen);
}

static void carry_member(void *ctx, const char *key, const char *member, size_t mlen,
                         const char *value, size_t vlen)
{
    carry *c = ctx;
    if (strcmp(key, "id") == 0) {
        c->id = value;
        c->id_len = vlen;
    }
    if (never_carried(key) || in_list(key, c->used, c->nused))
        return;
    if (c->nfused && strcmp(key, "fields") == 0 && vlen && value[0] == '{') {
        /* the Guardian's "fields": what did not supply a field stays */
        sr_buf sub;
        sr_buf_init(&sub);
        carry inner = {.extra = &sub, .nfused = c->nfused};
        memcpy(inner.fused, c->fused, sizeof c->fused);
        each_member(value, vlen, carry_field, &inner);
        if (inner.any) {
            sr_buf_putc(c->extra, c->any ? ',' : '{');
            sr_buf_puts(c->extra, "\"fields\":");
            sr_buf_put(c->extra, sub.data, sub.len);
            sr_buf_putc(c->extra, '}');
            c->any = true;
        }
        sr_buf_free(&sub);
        return;
    }
    put_member(c, member, mlen);
}

/* ---- fields ----------------------------------------------------------------- */

typedef struct object_ctx {
    jsonl_state *j;
    const char *where;
    json_t *o;
    json_t *fields;          /* the object's "fields" object (the Guardian's
                                content API), or NULL */
    carry *c;
    bool quiet;              /* no warnings: only asking whether it is an article */
} object_ctx;

/* A member's value in the object, else in its "fields"; NULL when absent or
 * null. */
static json_t *member(object_ctx *x, const char *key)
{
    json_t *v = json_object_get(x->o, key);
    if (v && !json_is_null(v))
        return v;
    v = x->fields ? json_object_get(x->fields, key) : NULL;
    return v && !json_is_null(v) ? v : NULL;
}

static void mark_used(object_ctx *x, const char *key)
{
    json_t *v = json_object_get(x->o, key);
    carry *c = x->c;
    if (v && !json_is_null(v)) {
        if (c->nused < MAX_USED)
            c->used[c->nused++] = key;
    } else if (c->nfused < MAX_USED) {
        c->fused[c->nfused++] = key;
    }
}

/* The string a value stands for: a string, or an object holding it as
 * "rendered" (WordPress: HTML, *rendered set) or as "name" (schema.org,
 * NewsAPI's source). NULL for anything else. */
static json_t *string_of(json_t *v, bool *rendered)
{
    if (rendered)
        *rendered = false;
    if (json_is_string(v))
        return v;
    if (!json_is_object(v))
        return NULL;
    json_t *s = json_object_get(v, "rendered");
    if (json_is_string(s)) {
        if (rendered)
            *rendered = true;
        return s;
    }
    s = json_object_get(v, "name");
    return json_is_string(s) ? s : NULL;
}

/* A member's non-empty string (see string_of), or NULL; warns when it is
 * present but holds no string. */
static const char *string_member(object_ctx *x, const char *key, size_t *len, bool *rendered)
{
    json_t *v = member(x, key);
    if (!v)
        return NULL;
    json_t *s = string_of(v, rendered);
    if (!s) {
        if (!x->quiet)
            sr_warn(x->j->diag, x->where, "field '%s' is not a string; ignored", key);
        return NULL;
    }
    if (!json_string_length(s))
        return NULL;
    if (len)
        *len = json_string_length(s);
    return json_string_value(s);
}

/* The first of `keys` holding a non-empty string; marks it used. */
static const char *first_string(object_ctx *x, const char *const *keys, size_t nkeys,
                                bool *rendered)
{
    for (size_t i = 0; i < nkeys; i++) {
        const char *v = string_member(x, keys[i], NULL, rendered);
        if (v) {
            mark_used(x, keys[i]);
            return v;
        }
    }
    return NULL;
}

/* Rendered HTML as a plain one-line string (a WordPress title: "Talks
 * resume &#8211; a first step"): tags dropped, character references
 * decoded, white space collapsed. */
static char *plain_of_html(sr_arena *a, const char *s)
{
    size_t n = strlen(s);
    char *o = sr_arena_alloc(a, n + 1);   /* a reference is never shorter decoded */
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c == '<' && i + 1 < n && (s[i + 1] == '/' || s[i + 1] == '!' ||
                                      ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))) {
            const char *e = memchr(s + i, '>', n - i);
            i = e ? (size_t)(e - s) + 1 : n;
            space = space || k > 0;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = k > 0;
            i++;
            continue;
        }
        if (space)
            o[k++] = ' ';
        space = false;
        const char *semi = c == '&' ? memchr(s + i, ';', n - i < 12 ? n - i : 12) : NULL;
        if (semi) {
            char name[12];
            size_t len = (size_t)(semi - s) - i - 1;
            memcpy(name, s + i + 1, len);
            name[len] = '\0';
            long cp = -1;
            if (name[0] == '#') {
                char *end;
                cp = strtol(name + 1 + (name[1] == 'x' || name[1] == 'X'), &end,
                            name[1] == 'x' || name[1] == 'X' ? 16 : 10);
                if (*end || cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                    cp = -1;
            } else {
                const htmlEntityDesc *ent = htmlEntityLookup((const xmlChar *)name);
                cp = ent ? (long)ent->value : -1;
            }
            if (cp > 0) {
                k += sr_utf8_encode((uint32_t)cp, o + k);   /* <= len + 2 bytes */
                i = (size_t)(semi - s) + 1;
                continue;
            }
        }
        o[k++] = c;
        i++;
    }
    o[k] = '\0';
    return k ? o : NULL;
}

/* Names as a byline: a string, or a list of strings or {"name": ...}
 * objects joined by ", ". Empty when none. */
static void names_of(json_t *v, sr_buf *b)
{
    if (!json_is_array(v)) {
        json_t *s = string_of(v, NULL);
        if (s && json_string_length(s))
            sr_buf_puts(b, json_string_value(s));
        return;
    }
    for (size_t i = 0; i < json_array_size(v); i++) {
        json_t *s = string_of(json_array_get(v, i), NULL);
        if (!s || !json_string_length(s))
            continue;
        if (b->len)
            sr_buf_puts(b, ", ");
        sr_buf_puts(b, json_string_value(s));
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
        "published", "date_publish", "datePublished", "publishedAt", "webPublicationDate",
        "date_published", "date_gmt", "pubDate", "date",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(keys); i++) {
        const char *v = string_member(x, keys[i], NULL, NULL);
        if (!v)
            continue;
        sr_date d;
        if (sr_date_parse(v, strlen(v), &d)) {
            /* WordPress writes the time in UTC under date_gmt, without
             * saying so in the value */
            if (strcmp(keys[i], "date_gmt") == 0 && d.has_time && !d.has_tz) {
                d.has_tz = true;
                d.tz_min = 0;
            }
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

/* schema.org's mainEntityOfPage: the page's address, as a string or as
 * the "@id" (else "url") of a WebPage object; marked used. NULL when none. */
static const char *page_of(object_ctx *x)
{
    json_t *v = member(x, "mainEntityOfPage");
    if (json_is_object(v)) {
        json_t *id = json_object_get(v, "@id");
        v = json_is_string(id) ? id : json_object_get(v, "url");
    }
    if (!json_is_string(v) || !json_string_length(v))
        return NULL;
    mark_used(x, "mainEntityOfPage");
    return json_string_value(v);
}

static void set_fields(object_ctx *x, sr_doc *doc)
{
    json_t *id = member(x, "id");
    const char *v;
    bool rendered;
    if (json_is_string(id) && json_string_length(id)) {
        doc->id = sr_arena_strdup(doc->arena, json_string_value(id));
    } else if (id && !json_is_number(id)) {
        sr_warn(x->j->diag, x->where, "field 'id' is neither a string nor a number; "
                "an id is made from the content");
    } else if (!id && (v = string_member(x, "uuid", NULL, NULL))) {
        doc->id = sr_arena_strdup(doc->arena, v);
        mark_used(x, "uuid");
    }
    static const char *const url[] = {"url", "webUrl", "link"};
    if ((v = first_string(x, url, SR_ARRAY_LEN(url), NULL)) || (v = page_of(x)))
        doc->url = sr_arena_strdup(doc->arena, v);
    static const char *const title[] = {"title", "webTitle", "headline"};
    if ((v = first_string(x, title, SR_ARRAY_LEN(title), &rendered)))
        doc->title = rendered ? plain_of_html(doc->arena, v) : sr_arena_strdup(doc->arena, v);
    static const char *const outlet[] = {"outlet", "source_domain", "publisher", "source"};
    for (size_t i = 0; i < SR_ARRAY_LEN(outlet); i++) {
        json_t *o = member(x, outlet[i]);
        json_t *s = o ? string_of(o, NULL) : NULL;
        if (s && json_string_length(s)) {
            doc->outlet = sr_arena_strdup(doc->arena, json_string_value(s));
            mark_used(x, outlet[i]);
            break;
        }
        if (o && !s)
            sr_warn(x->j->diag, x->where, "field '%s' is neither a name nor an object with "
                    "one; ignored", outlet[i]);
    }
    set_byline(x, doc);
    if ((v = string_member(x, "dateline", NULL, NULL)))
        doc->dateline = sr_arena_strdup(doc->arena, v);
    static const char *const lang[] = {"lang", "language", "inLanguage"};
    for (size_t i = 0; i < SR_ARRAY_LEN(lang); i++) {
        char code[3];
        if ((v = string_member(x, lang[i], NULL, NULL)) && lang_code(v, code)) {
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

/* How an article's text is read. */
typedef enum {
    BODY_TEXT,               /* plain text (sr_plain_article) */
    BODY_PAGE,               /* a whole HTML page (sr_html_read) */
    BODY_FRAGMENT,           /* a piece of HTML, the body alone */
} body_kind;

typedef struct article {
    body_kind kind;
    const char *s;
    size_t len;
    uint32_t cut;            /* characters the source says it cut off the end */
} article;

/* A string that is HTML: it opens with a tag (a CMS's "content"). A whole
 * page opens with its doctype or <html>. */
static body_kind sniff(const char *s, size_t n)
{
    size_t i = skip_ws(s, 0, n);
    if (i + 1 >= n || s[i] != '<')
        return BODY_TEXT;
    char c = (char)(s[i + 1] | 0x20);
    if (!(c == '!' || c == '/' || (c >= 'a' && c <= 'z')))
        return BODY_TEXT;
    if ((n - i >= 9 && strncasecmp(s + i, "<!doctype", 9) == 0) ||
        (n - i >= 5 && strncasecmp(s + i, "<html", 5) == 0))
        return BODY_PAGE;
    return BODY_FRAGMENT;
}

/* NewsAPI cuts `content` at about 200 characters and ends it with
 * "... [+1234 chars]": the length of the article cut off by the API. The
 * length of s without that marker (and the spaces before it); *cut is the
 * number of characters the marker says were cut off (0 with no marker). */
static size_t without_cut_marker(const char *s, size_t n, uint32_t *cut)
{
    *cut = 0;
    size_t e = n;
    while (e && is_ws(s[e - 1]))
        e--;
    size_t k;
    if (e >= 7 && memcmp(s + e - 7, " chars]", 7) == 0)
        k = e - 7;
    else if (e >= 6 && memcmp(s + e - 6, " char]", 6) == 0)
        k = e - 6;
    else
        return n;
    size_t d = k;
    while (d && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    if (d == k || d < 2 || s[d - 1] != '+' || s[d - 2] != '[')
        return n;
    uint64_t v = 0;
    for (size_t i = d; i < k && v <= UINT32_MAX; i++)
        v = v * 10 + (uint64_t)(s[i] - '0');
    *cut = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
    d -= 2;
    while (d && is_ws(s[d - 1]))
        d--;
    return d;
}

/* The article text of an object, under the names of the README's table:
 * `html` a page; `text`, `bodyText`, `content_text` plain text; the others
 * plain text unless they open with a tag; a {"rendered": ...} value HTML.
 * `weak` adds the last resort, `description` (NewsAPI has articles with a
 * description and no content). The text of a paragraph list is built in
 * `own`. False when the object has none. */
static bool article_of(object_ctx *x, article *a, sr_buf *own, bool weak)
{
    a->cut = 0;
    a->s = string_member(x, "html", &a->len, NULL);
    if (a->s) {
        a->kind = BODY_PAGE;
        return true;
    }
    static const struct {
        const char *name;
        char how;            /* 't' text, 'h' HTML, 's' sniffed */
    } texts[] = {
        {"text", 't'}, {"maintext", 's'}, {"body", 's'}, {"content", 's'}, {"article", 's'},
        {"articleBody", 's'}, {"bodyText", 't'}, {"content_html", 'h'}, {"content_text", 't'},
    };
    static const char *const lists[] = {"body-paragraphs", "paragraphs"};
    for (size_t i = 0; i < SR_ARRAY_LEN(texts) + SR_ARRAY_LEN(lists) + weak; i++) {
        const char *name;
        char how = 's';
        if (i < SR_ARRAY_LEN(texts)) {
            name = texts[i].name;
            how = texts[i].how;
        } else if (i < SR_ARRAY_LEN(texts) + SR_ARRAY_LEN(lists)) {
            name = lists[i - SR_ARRAY_LEN(texts)];
            if (paragraph_text(member(x, name), own)) {
                mark_used(x, name);
                a->kind = BODY_TEXT;
                a->s = own->data;
                a->len = own->len;
                return true;
            }
            continue;
        } else {
            name = "description";
        }
        bool rendered;
        if (!(a->s = string_member(x, name, &a->len, &rendered)))
            continue;
        mark_used(x, name);
        a->kind = rendered ? BODY_FRAGMENT
                  : how == 't' ? BODY_TEXT
                  : how == 'h' ? (sniff(a->s, a->len) == BODY_PAGE ? BODY_PAGE : BODY_FRAGMENT)
                  : sniff(a->s, a->len);
        if (a->kind == BODY_TEXT)
            a->len = without_cut_marker(a->s, a->len, &a->cut);
        return true;
    }
    return false;
}

/* Whether a JSON value is an article object (has article text; with
 * `weak`, a description is enough), or a search hit of Elasticsearch or
 * OpenSearch whose "_source" is one. */
static bool is_article_itself(jsonl_state *j, json_t *o, bool weak);

static bool is_article(jsonl_state *j, json_t *o, bool weak)
{
    if (is_article_itself(j, o, weak))
        return true;
    json_t *src = json_object_get(o, "_source");
    return json_is_object(src) && is_article_itself(j, src, weak);
}

static bool is_article_itself(jsonl_state *j, json_t *o, bool weak)
{
    if (!json_is_object(o))
        return false;
    sr_buf own;
    sr_buf_init(&own);
    carry c = {0};
    json_t *f = json_object_get(o, "fields");
    object_ctx x = {.j = j, .where = "", .o = o, .fields = json_is_object(f) ? f : NULL,
                    .c = &c, .quiet = true};
    article a;
    bool yes = article_of(&x, &a, &own, weak);
    sr_buf_free(&own);
    return yes;
}

/* ---- wrappers ------------------------------------------------------------------- */

/* Walking the raw text of a wrapper: the line of a byte is counted from the
 * wrapper's first line. */
typedef struct walk {
    jsonl_state *j;
    const char *base;        /* the wrapper's text */
    size_t base_off;         /* its offset in the held buffer */
    size_t pos;              /* lines counted up to here */
    uint64_t line;
    bool found;
} walk;

static uint64_t line_at(walk *w, size_t at)
{
    for (; w->pos < at; w->pos++)
        if (w->base[w->pos] == '\n')
            w->line++;
    return w->line;
}

/* How many of the repaired offsets (ascending) are below `off`. */
static size_t repaired_below(const repairs *r, size_t off)
{
    size_t lo = 0, hi = r->nat;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->at[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The invalid bytes repaired inside [off, off + len) of the held text. */
static size_t bad_in(const jsonl_state *j, size_t off, size_t len)
{
    if (j->qsrc != &j->fixed)
        return 0;
    return repaired_below(&j->rep, off + len) - repaired_below(&j->rep, off);
}

/* Queue the object p[s..e) of the wrapper's text as an article; a member
 * of a map of articles with its name p[ks..ke) (ke == ks: none). */
static void queue_keyed(walk *w, size_t s, size_t e, size_t ks, size_t ke)
{
    jsonl_state *j = w->j;
    if (j->qn == j->qcap) {
        j->qcap = j->qcap ? 2 * j->qcap : 64;
        j->queue = sr_xrealloc(j->queue, j->qcap * sizeof *j->queue);
    }
    j->queue[j->qn++] = (queued){w->base_off + s, e - s, line_at(w, s),
                                 bad_in(j, w->base_off + s, e - s), w->base_off + ks, ke - ks};
}

static void queue_one(walk *w, size_t s, size_t e)
{
    queue_keyed(w, s, e, 0, 0);
}

/* A map of id -> article: an object of two members or more, every one an
 * object, one at least an article. */
static bool is_map(jsonl_state *j, json_t *o)
{
    if (json_object_size(o) < 2)
        return false;
    bool any = false;
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v) {
        if (!json_is_object(v))
            return false;
        any = any || is_article(j, v, false);
    }
    return any;
}

/* Queue the elements of the array p[vs..ve) (the value of `key`). */
static void queue_array(walk *w, const char *key, size_t vs, size_t ve)
{
    jsonl_state *j = w->j;
    const char *p = w->base;
    size_t i = vs + 1;
    for (;;) {
        i = skip_ws(p, i, ve);
        if (i >= ve || p[i] == ']')
            break;
        size_t es = i, ee = skip_value(p, i, ve);
        uint64_t line = line_at(w, es);
        if (p[es] == '{') {
            queue_one(w, es, ee);
        } else {
            char where[512];
            snprintf(where, sizeof where, "%s:%llu", j->path, (unsigned long long)line);
            sr_error(j->diag, where, "an element of '%.40s' that is not an object; skipped",
                     key);
        }
        i = skip_ws(p, ee, ve);
        if (i < ve && p[i] == ',')
            i++;
    }
}

/* Find the arrays of articles among the members of the object p[s..e)
 * (whose tree is `o`), and below in members that are objects, and queue
 * their elements. */
static void find_arrays(walk *w, json_t *o, size_t s, size_t e, int depth)
{
    const char *p = w->base;
    size_t i = skip_ws(p, s, e);
    if (i >= e || p[i] != '{')
        return;
    i++;
    bool map = is_map(w->j, o);
    for (;;) {
        i = skip_ws(p, i, e);
        if (i >= e || p[i] != '"')
            break;
        size_t ks = i;
        i = skip_string(p, i, e);
        char *key = key_text(p + ks, i - ks);
        i = skip_ws(p, i, e);
        if (i >= e || p[i] != ':') {
            free(key);
            break;
        }
        size_t vs = skip_ws(p, i + 1, e), ve = skip_value(p, vs, e);
        json_t *v = json_object_get(o, key);
        if (map) {
            /* every member, the name its id (a member that is no article is
             * reported when read) */
            queue_keyed(w, vs, ve, ks, skip_string(p, ks, e));
            w->found = true;
        } else if (json_is_array(v)) {
            bool articles = false;
            for (size_t k = 0; k < json_array_size(v) && !articles; k++)
                articles = is_article(w->j, json_array_get(v, k), true);
            if (articles) {
                queue_array(w, key, vs, ve);
                w->found = true;
            }
        } else if (json_is_object(v) && is_article(w->j, v, false)) {
            /* one article as a member (the Guardian's single item:
             * {"response": {"content": {...}}}) */
            queue_one(w, vs, ve);
            w->found = true;
        } else if (json_is_object(v) && depth + 1 < MAX_WRAP_DEPTH) {
            find_arrays(w, v, vs, ve, depth + 1);
        }
        free(key);
        i = skip_ws(p, ve, e);
        if (i >= e || p[i] != ',')
            break;
        i++;
    }
}

/* ---- one object --------------------------------------------------------------- */

/* Whether a JSON-LD node names a type other than an article's in "@type"
 * (WebSite, Organization, BreadcrumbList ... beside the NewsArticle of a
 * page's "@graph"): such a node without article text is no article and no
 * error either. Article types: ...Article, ...Posting, Report. */
static bool other_node(json_t *o)
{
    json_t *t = json_object_get(o, "@type");
    size_t n = json_is_array(t) ? json_array_size(t) : 1;
    if (!t || !n)
        return false;
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_is_array(t) ? json_array_get(t, i) : t;
        if (!json_is_string(e))
            continue;
        const char *v = json_string_value(e);
        size_t len = strlen(v);
        if ((len >= 7 && strcmp(v + len - 7, "Article") == 0) ||
            (len >= 7 && strcmp(v + len - 7, "Posting") == 0) ||
            (len >= 6 && strcmp(v + len - 6, "Report") == 0))
            return false;
    }
    return true;
}

static sr_doc *read_object(jsonl_state *j, sr_buf *src, size_t off, size_t n, uint64_t line,
                           size_t bad, size_t controls, bool element, const char *name,
                           bool in_hit);

/* An action line of Elasticsearch's bulk format, {"index": {"_index": ...,
 * "_id": ...}} (or "create"), which comes before the article it indexes:
 * true, its _id kept for the next object (a string, or a number's value). */
static bool bulk_action(jsonl_state *j, json_t *o)
{
    if (json_object_size(o) != 1)
        return false;
    json_t *a = json_object_get(o, "index");
    if (!a)
        a = json_object_get(o, "create");
    if (!json_is_object(a) || (!json_object_get(a, "_id") && !json_object_get(a, "_index")))
        return false;
    json_t *id = json_object_get(a, "_id");
    free(j->bulk_next);
    j->bulk_next = NULL;
    if (json_is_string(id) && json_string_length(id)) {
        j->bulk_next = sr_xstrdup(json_string_value(id));
    } else if (json_is_number(id)) {
        char digits[64];
        snprintf(digits, sizeof digits, "%.17g", json_number_value(id));
        j->bulk_next = sr_xstrdup(digits);
    }
    return true;
}

/* The raw "_source" and "_id" of a search hit. */
typedef struct hit_parts {
    const char *source, *id;
    size_t source_len, id_len;
} hit_parts;

static void hit_member(void *ctx, const char *key, const char *member, size_t mlen,
                       const char *value, size_t vlen)
{
    (void)member;
    (void)mlen;
    hit_parts *h = ctx;
    if (strcmp(key, "_source") == 0) {
        h->source = value;
        h->source_len = vlen;
    } else if (strcmp(key, "_id") == 0) {
        h->id = value;
        h->id_len = vlen;
    }
}

/* A search hit of Elasticsearch or OpenSearch, {"_index": ..., "_id": ...,
 * "_source": {article}} (tree `o`, text p[0..n) of src at off): the
 * document of its _source, whose id, when it has none, is the hit's _id,
 * else `name`. The hit's other members (_index, _score, sort) are dropped. */
static sr_doc *read_hit(jsonl_state *j, sr_buf *src, size_t off, size_t n, uint64_t line,
                        size_t bad, size_t controls, json_t *o, const char *name)
{
    const char *p = src->data + off;
    hit_parts h = {0};
    each_member(p, n, hit_member, &h);
    if (!h.source)
        return NULL;
    json_t *id = json_object_get(o, "_id");
    char *own = NULL;
    if (json_is_string(id) && json_string_length(id)) {
        own = sr_xstrdup(json_string_value(id));
    } else if (json_is_number(id) && h.id) {   /* digits as written */
        own = sr_xmalloc(h.id_len + 1);
        memcpy(own, h.id, h.id_len);
        own[h.id_len] = '\0';
    }
    uint64_t sline = line;
    for (const char *q = p; q < h.source; q++)
        sline += *q == '\n';
    sr_doc *doc = read_object(j, src, (size_t)(h.source - src->data), h.source_len, sline, bad,
                              controls, true, own ? own : name, true);
    free(own);
    return doc;
}

/* The document of the object src[off..off+n) starting on line `line`, or
 * NULL after reporting why there is none, or after queueing the articles
 * of a wrapper (not when the object is itself an element of one). `bad`
 * and `controls` count what repair() changed in it. `name`: the id of the
 * document when the object gives none (a map's member name, a hit's _id),
 * or NULL; `in_hit`: the object is a hit's _source. */
static sr_doc *read_object(jsonl_state *j, sr_buf *src, size_t off, size_t n, uint64_t line,
                           size_t bad, size_t controls, bool element, const char *name,
                           bool in_hit)
{
    const char *p = src->data + off;
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
    if (!in_hit && json_is_object(json_object_get(o, "_source")) &&
        !is_article_itself(j, o, true)) {
        sr_doc *doc = read_hit(j, src, off, n, line, bad, controls, o, name);
        json_decref(o);
        return doc;
    }
    sr_buf extra, own;
    sr_buf_init(&extra);
    sr_buf_init(&own);
    carry c = {.extra = &extra};
    json_t *f = json_object_get(o, "fields");
    object_ctx x = {.j = j, .where = where, .o = o, .fields = json_is_object(f) ? f : NULL,
                    .c = &c};
    article a;
    sr_doc *doc = NULL;
    if (controls)
        sr_warn(j->diag, where, "%zu raw control byte%s in strings read as escaped", controls,
                controls == 1 ? "" : "s");
    bool found = article_of(&x, &a, &own, false);
    if (!found && !element) {
        walk w = {.j = j, .base = p, .base_off = off, .line = line};
        j->qsrc = src;
        find_arrays(&w, o, 0, n, 0);
        if (w.found)
            goto done;   /* a wrapper: its articles are read next */
        if (j->wrapped)
            goto done;   /* the rest of a wrapper whose articles were streamed */
        if (bulk_action(j, o))
            goto done;   /* its _id is for the next object */
    }
    if (!found && (element || j->top_arrays) && other_node(o))
        goto done;   /* a JSON-LD node beside the article */
    if (!found)
        found = article_of(&x, &a, &own, true);
    if (found && !element && j->wrapped)
        sr_warn(j->diag, where, "an object with article text of its own after an array of "
                "articles, which were read as documents of their own; read as one more");
    if (!found) {
        sr_error(j->diag, where, "no article text (none of html, text, maintext, body, "
                 "content, article, articleBody, bodyText, content_html, content_text, "
                 "body-paragraphs, paragraphs, description%s); object skipped",
                 element ? "" : ", nor an array or a map of articles");
        goto done;
    }
    if (bad)
        sr_warn(j->diag, where, "%zu invalid UTF-8 or NUL byte%s replaced by U+FFFD", bad,
                bad == 1 ? "" : "s");
    doc = sr_doc_new();
    set_fields(&x, doc);
    each_member(p, n, carry_member, &c);
    if (c.any) {
        sr_buf_putc(&extra, '}');
        doc->extra_json = sr_arena_strndup(doc->arena, extra.data, extra.len);
    }
    if (!doc->id && c.id && c.id_len && json_is_number(json_object_get(o, "id")))
        doc->id = sr_arena_strndup(doc->arena, c.id, c.id_len);   /* digits as written */
    if (!doc->id && name && *name)
        doc->id = sr_arena_strdup(doc->arena, name);
    if (a.kind == BODY_PAGE) {
        if (sr_html_read(doc, a.s, a.len, "UTF-8", doc->url, j->diag, where) != SR_OK) {
            sr_doc_free(doc);
            doc = NULL;
            goto done;
        }
    } else if (a.kind == BODY_FRAGMENT) {
        sr_html_fragment(doc, a.s, a.len);
    } else {
        sr_plain_article(doc, a.s, a.len);
    }
    doc->bad_bytes += (uint32_t)bad;
    doc->truncated_chars = a.cut;
    json_t *cut = json_object_get(o, "truncated_chars");   /* sitrep's own record */
    if (!a.cut && json_is_number(cut) && json_number_value(cut) >= 1)
        doc->truncated_chars = json_number_value(cut) >= (double)UINT32_MAX
                               ? UINT32_MAX : (uint32_t)json_number_value(cut);
    if (doc->truncated_chars)
        j->ntruncated++;
    char code[3];
    if (a.kind != BODY_PAGE && !doc->lang && sr_lang_detect(doc->body, doc->body_len, code))
        doc->lang = sr_arena_strdup(doc->arena, code);
done:
    sr_buf_free(&extra);
    sr_buf_free(&own);
    json_decref(o);
    return doc;
}

/* The document of the object just gathered (or the first article of a
 * wrapper), its bytes repaired first when they need it. */
static sr_doc *read_gathered(jsonl_state *j, uint64_t line)
{
    size_t *at = j->rep.at, cap = j->rep.cap;
    j->rep = (repairs){.at = at, .cap = cap};
    if (!at) {
        j->rep.cap = 16;
        j->rep.at = sr_xmalloc(j->rep.cap * sizeof *j->rep.at);
    }
    sr_buf *src = &j->buf;
    if (repair(j->buf.data, j->buf.len, &j->fixed, &j->rep))
        src = &j->fixed;
    return read_object(j, src, 0, src->len, line, j->rep.bad, j->rep.controls, false,
                       j->bulk_id, false);
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

/* The document of an element of a streamed array or map, in j->elem;
 * `key`, when not NULL, the raw name of a map's member (the id when the
 * article has none). */
static sr_doc *read_element(jsonl_state *j, const sr_buf *key)
{
    char where[512];
    snprintf(where, sizeof where, "%s:%llu", j->path, (unsigned long long)j->elem_line);
    if (j->elem_over) {
        sr_error(j->diag, where, "object longer than the %zu-byte limit of one document; "
                 "skipped", j->max);
        return NULL;
    }
    if (!j->elem.len || j->elem.data[0] != '{') {
        sr_error(j->diag, where, j->map ? "a member of a map of articles that is not an "
                 "object; skipped" : "an element of an array of articles that is not an "
                 "object; skipped");
        return NULL;
    }
    repairs r = {0};
    sr_buf *src = &j->elem;
    if (repair(j->elem.data, j->elem.len, &j->fixed, &r))
        src = &j->fixed;
    char *name = key && key->len >= 2 ? key_text(key->data, key->len) : NULL;
    sr_doc *doc = read_object(j, src, 0, src->len, j->elem_line, r.bad, r.controls, true, name,
                              false);
    free(name);
    return doc;
}

/* Go on gathering the top-level object (begun, or a wrapper being
 * streamed) until it closes or gives an element. True with *doc set when a
 * document is ready (or the input ended, *doc NULL); false to look further. */
static bool go_on(jsonl_state *j, sr_doc **doc)
{
    *doc = NULL;
    const char *why = NULL;
    gathered g;
    if (j->stashed) {
        j->stashed = false;
        g = (gathered)j->stash_g;
        why = j->stash_why;
    } else {
        g = gather_run(j, 0, &why);
    }
    if (g == G_ELEMENT && j->map && j->map_members++ == 0) {
        /* the first member of a map: its name is the id only if a second
         * member follows ({"data": {article}} is a wrapper of one), so the
         * next is gathered before the first document is given */
        sr_doc *first = read_element(j, NULL);
        why = NULL;
        g = gather_run(j, 0, &why);
        if (g == G_ELEMENT || j->mkey.len) {   /* a second member, if broken */
            j->map_ids = true;
            if (first && !first->id && j->first_key.len >= 2) {
                char *name = key_text(j->first_key.data, j->first_key.len);
                if (*name)
                    first->id = sr_arena_strdup(first->arena, name);
                free(name);
            }
        }
        j->stashed = true;
        j->stash_g = (int)g;
        j->stash_why = why;
        *doc = first;
        return first != NULL;
    }
    char where[512];
    snprintf(where, sizeof where, "%s:%llu", j->path, (unsigned long long)j->fail_line);
    switch (g) {
    case G_ELEMENT:
        *doc = read_element(j, j->map ? &j->mkey : NULL);
        return *doc != NULL;
    case G_OK:
        j->wrapping = false;
        j->line_start = false;
        if (j->over) {
            snprintf(where, sizeof where, "%s:%llu", j->path, (unsigned long long)j->obj_line);
            sr_error(j->diag, where, "object longer than the %zu-byte limit of one document; "
                     "skipped", j->max);
            return false;
        }
        *doc = read_gathered(j, j->obj_line);
        return *doc != NULL;
    case G_TRUNCATED:
        j->wrapping = false;
        sr_error(j->diag, where, "the input ends inside this object (truncated); skipped");
        return true;
    case G_BROKEN:
        if (j->line == j->fail_line)
            sr_error(j->diag, where, "not JSON (%s at column %llu); object skipped", why,
                     (unsigned long long)j->col + 1);
        else
            sr_error(j->diag, where, "not JSON (%s, on line %llu column %llu); object "
                     "skipped", why, (unsigned long long)j->line,
                     (unsigned long long)j->col + 1);
        /* an object starting where this one broke off is read; else the
         * next line opening with '{'; the rest of a wrapper's array is
         * read so, and its closing brackets are passed over */
        if (j->wrapping)
            j->lenient_close = true;
        j->wrapping = false;
        j->line_start = false;
        if (peek(j) != '{')
            j->resync = true;
        return false;
    }
    return false;
}

static sr_doc *jsonl_next(void *state)
{
    jsonl_state *j = state;
    for (;;) {
        if (j->qpos < j->qn) {
            queued *q = &j->queue[j->qpos++];
            char *name = q->key_len >= 2 ? key_text(j->qsrc->data + q->key_off, q->key_len)
                                         : NULL;
            sr_doc *doc = read_object(j, j->qsrc, q->off, q->len, q->line, q->bad, 0, true, name,
                                      false);
            free(name);
            if (doc)
                return doc;
            continue;
        }
        j->qn = j->qpos = 0;
        if (j->wrapping) {
            sr_doc *doc;
            if (go_on(j, &doc))
                return doc;
            continue;
        }
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
        /* between objects: the brackets and commas of an array (and the
         * end of a wrapper that broke) */
        if (c == '[' || c == ']' || c == ',' || (c == '}' && j->lenient_close)) {
            if (c == '[')
                j->top_arrays++;
            else if (c == ']' && j->top_arrays)
                j->top_arrays--;
            skip(j);
            continue;
        }
        if (c != '{') {
            not_an_object(j);
            continue;
        }
        j->obj_line = j->line;
        gather_begin(j);
        sr_doc *doc;
        if (go_on(j, &doc))
            return doc;
    }
}

static void jsonl_close(void *state)
{
    jsonl_state *j = state;
    if (j->ntruncated)
        sr_warn(j->diag, j->path, "%zu document%s only the start of the article, cut by the "
                "source (\"[+N chars]\"); the record's truncated_chars says how much is "
                "missing", j->ntruncated, j->ntruncated == 1 ? "'s body is" : "s' bodies are");
    sr_buf_free(&j->buf);
    sr_buf_free(&j->mkey);
    sr_buf_free(&j->first_key);
    free(j->bulk_next);
    free(j->bulk_id);
    sr_buf_free(&j->fixed);
    sr_buf_free(&j->elem);
    free(j->rep.at);
    free(j->queue);
    free(j->chunk);
    free(j->stack);
    free(j);
}

const sr_format_reader sr_jsonl_reader = {
    SR_FORMAT_JSONL, jsonl_open, jsonl_next, jsonl_close, true,
};
