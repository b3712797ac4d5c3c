/*
 * doc.c — the document record: creation, the body, the id, and the JSON
 * record that `sitrep read` prints.
 *
 * The body is the one text every later offset points into, so it is set
 * once, through sr_doc_set_body(), which guarantees it is valid UTF-8 with no
 * NUL bytes: each invalid byte becomes U+FFFD and is counted, so a reader can
 * report "N invalid bytes replaced" per file.
 */
#include "sitrep.h"
#include "internal.h"

#include <string.h>

sr_doc *sr_doc_new(void)
{
    sr_arena *a = sr_arena_new();
    sr_doc *d = sr_arena_alloc(a, sizeof *d);
    d->arena = a;
    d->body = "";
    return d;
}

void sr_doc_free(sr_doc *doc)
{
    if (doc)
        sr_arena_free(doc->arena);
}

void sr_doc_set_body(sr_doc *doc, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    /* Count first, so the body is allocated once at its final size. ASCII
     * without NULs, most of any text, is checked eight bytes at a time. */
    size_t out_len = 0, bad = 0;
    for (size_t i = 0; i < len;) {
        uint64_t w;
        if (i + 8 <= len && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ull)) &&
            !((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull)) {
            out_len += 8;
            i += 8;
            continue;
        }
        uint32_t cp;
        size_t n = s[i] < 0x80 ? 1 : sr_utf8_decode(s + i, len - i, &cp);
        if (n == 0 || s[i] == 0) {
            bad++;
            out_len += 3;
            i++;
        } else {
            out_len += n;
            i += n;
        }
    }
    if (out_len > UINT32_MAX - 1)
        sr_fatal("document body of %zu bytes exceeds the 4 GiB limit", out_len);
    char *body = sr_arena_alloc_raw(doc->arena, out_len + 1); /* written in full */
    if (bad == 0) {
        memcpy(body, text, len);
    } else {
        size_t o = 0;
        for (size_t i = 0; i < len;) {
            uint32_t cp;
            size_t n = s[i] < 0x80 ? 1 : sr_utf8_decode(s + i, len - i, &cp);
            if (n == 0 || s[i] == 0) {
                memcpy(body + o, "\xEF\xBF\xBD", 3);
                o += 3;
                i++;
            } else {
                memcpy(body + o, s + i, n);
                o += n;
                i += n;
            }
        }
    }
    body[out_len] = '\0';
    doc->body = body;
    doc->body_len = (uint32_t)out_len;
    doc->bad_bytes = (uint32_t)bad;
}

void sr_doc_assign_id(sr_doc *doc)
{
    if (doc->id)
        return;
    uint64_t h = 0;
    if (doc->title)
        h = sr_hash64(doc->title, strlen(doc->title), 0);
    h = sr_hash64(doc->body, doc->body_len, h);
    doc->id = sr_arena_printf(doc->arena, "%016llx", (unsigned long long)h);
}

static const char *const upos_names[SR_UPOS_COUNT] = {
    "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};

const char *sr_upos_name(sr_upos u)
{
    return (unsigned)u < SR_UPOS_COUNT ? upos_names[u] : "_";
}

sr_upos sr_upos_from_name(const char *s, size_t n)
{
    for (int i = 1; i < SR_UPOS_COUNT; i++)
        if (strlen(upos_names[i]) == n && memcmp(upos_names[i], s, n) == 0)
            return (sr_upos)i;
    return SR_UPOS_NONE;
}

static const char *const format_names[] = {
    "auto", "text", "html", "feed", "warc", "jsonl",
};

const char *sr_format_name(sr_format f)
{
    return (unsigned)f < SR_ARRAY_LEN(format_names) ? format_names[f] : "auto";
}

int sr_format_from_name(const char *s)
{
    for (size_t i = 0; i < SR_ARRAY_LEN(format_names); i++)
        if (strcmp(format_names[i], s) == 0)
            return (int)i;
    return -1;
}

/* ---- the JSON record ---------------------------------------------------- */

static void key(sr_buf *b, const char *k)
{
    sr_buf_putc(b, ',');
    sr_json_cstr(b, k);
    sr_buf_putc(b, ':');
}

static void span_text(sr_buf *b, const sr_doc *doc, uint32_t start, uint32_t end)
{
    if (end > doc->body_len)
        end = doc->body_len;
    if (start > end)
        start = end;
    sr_json_str(b, doc->body + start, end - start);
}

static void words_json(sr_buf *b, const sr_doc *doc, const sr_sentence *s)
{
    sr_buf_puts(b, ",\"tokens\":[");
    for (uint32_t i = 0; i < s->nwords; i++) {
        const sr_word *w = &doc->words[s->first_word + i];
        if (i)
            sr_buf_putc(b, ',');
        sr_buf_printf(b, "{\"id\":%u,\"form\":", i + 1);
        sr_json_cstr(b, w->form);
        sr_buf_printf(b, ",\"start\":%u,\"end\":%u", w->start, w->end);
        if (w->norm && w->form && strcmp(w->norm, w->form) != 0) {
            key(b, "norm");
            sr_json_cstr(b, w->norm);
        }
        if (w->mwt_len) {
            sr_buf_printf(b, ",\"mwt\":{\"words\":%u,\"start\":%u,\"end\":%u,\"form\":",
                          w->mwt_len, w->mwt_span.start, w->mwt_span.end);
            span_text(b, doc, w->mwt_span.start, w->mwt_span.end);
            sr_buf_putc(b, '}');
        }
        if (!w->space_after)
            sr_buf_puts(b, ",\"space_after\":false");
        sr_buf_putc(b, '}');
    }
    sr_buf_putc(b, ']');
}

void sr_doc_to_json(const sr_doc *doc, const sr_doc_json_options *opt,
                    sr_buf *b)
{
    sr_buf_puts(b, "{\"id\":");
    sr_json_cstr(b, doc->id);
    key(b, "path"); sr_json_cstr(b, doc->path);
    key(b, "format"); sr_json_cstr(b, doc->format);
    key(b, "title"); sr_json_cstr(b, doc->title);
    key(b, "dateline"); sr_json_cstr(b, doc->dateline);
    key(b, "byline"); sr_json_cstr(b, doc->byline);
    key(b, "published"); sr_json_cstr(b, doc->published);
    key(b, "outlet"); sr_json_cstr(b, doc->outlet);
    key(b, "url"); sr_json_cstr(b, doc->url);
    key(b, "lang"); sr_json_cstr(b, doc->lang);
    key(b, "captions");
    sr_buf_putc(b, '[');
    for (uint32_t i = 0; i < doc->ncaptions; i++) {
        if (i)
            sr_buf_putc(b, ',');
        sr_json_cstr(b, doc->captions[i]);
    }
    sr_buf_putc(b, ']');
    if (doc->bad_bytes)
        sr_buf_printf(b, ",\"bad_bytes\":%u", doc->bad_bytes);
    if (doc->truncated_chars)
        sr_buf_printf(b, ",\"truncated_chars\":%u", doc->truncated_chars);
    key(b, "body");
    sr_json_str(b, doc->body, doc->body_len);
    key(b, "paragraphs");
    sr_buf_putc(b, '[');
    for (uint32_t i = 0; i < doc->nparagraphs; i++)
        sr_buf_printf(b, "%s{\"start\":%u,\"end\":%u}", i ? "," : "",
                      doc->paragraphs[i].start, doc->paragraphs[i].end);
    sr_buf_putc(b, ']');
    key(b, "sentences");
    sr_buf_putc(b, '[');
    for (uint32_t i = 0; i < doc->nsentences; i++) {
        const sr_sentence *s = &doc->sentences[i];
        sr_buf_printf(b, "%s{\"start\":%u,\"end\":%u,\"text\":", i ? "," : "",
                      s->start, s->end);
        span_text(b, doc, s->start, s->end);
        if (opt && opt->tokens)
            words_json(b, doc, s);
        sr_buf_putc(b, '}');
    }
    sr_buf_putc(b, ']');
    /* Fields of a JSON Lines input that sitrep does not know, carried
     * through: the object's members are spliced in after ours. */
    if (doc->extra_json) {
        const char *o = strchr(doc->extra_json, '{');
        const char *c = strrchr(doc->extra_json, '}');
        if (o && c && c > o) {
            const char *inner = o + 1;
            while (inner < c && (*inner == ' ' || *inner == '\n' || *inner == '\t' || *inner == '\r'))
                inner++;
            if (inner < c) {
                sr_buf_putc(b, ',');
                sr_buf_put(b, inner, (size_t)(c - inner));
            }
        }
    }
    sr_buf_putc(b, '}');
}
