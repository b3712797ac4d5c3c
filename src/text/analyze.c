/*
 * analyze.c — paragraphs, sentences and words of a document's body.
 *
 * The body's paragraphs are separated by blank lines (a line holding only
 * white space); inside a paragraph a single line break is white space like
 * any other. Each paragraph is tokenised (tokenize.c) and split into
 * sentences (segment.c) on its own, so no sentence ever spans two
 * paragraphs. The tokens are then turned into the document's words: one
 * word per token, or several for a multiword token, each with its byte
 * range, its form (a copy of those bytes, all packed into one block of the
 * arena) and its normalised form (the form itself for ASCII, which needs
 * no normalisation, else a folded copy).
 *
 * Scratch space (the token vector, the paragraph and sentence lists) is
 * malloc'd per call and freed before returning; what the document keeps is
 * in its arena. Memory is therefore
 * bounded by the document: about the body's size again for the forms, plus
 * one sr_word per word.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

typedef struct vec {
    void *items;
    size_t n, cap, size;
} vec;

static void *vec_push(vec *v)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->items = sr_xrealloc(v->items, v->cap * v->size);
    }
    void *p = (char *)v->items + v->size * v->n++;
    memset(p, 0, v->size);
    return p;
}

static bool blank_line(const char *b, uint32_t i, uint32_t end, uint32_t *next)
{
    while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\f' || b[i] == '\v'))
        i++;
    if (i < end && b[i] != '\n')
        return false;
    *next = i < end ? i + 1 : end;
    return true;
}

/* The next paragraph at or after *pos: its trimmed range. False at the end. */
static bool next_paragraph(const char *b, uint32_t len, uint32_t *pos, sr_span *p)
{
    uint32_t i = *pos, nx;
    while (i < len && blank_line(b, i, len, &nx))
        i = nx;
    /* skip leading white space of the first line */
    while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r'))
        i++;
    if (i >= len) {
        *pos = len;
        return false;
    }
    uint32_t start = i, end = len;
    for (;;) {
        const char *nl = memchr(b + i, '\n', len - i);
        if (!nl) {
            end = len;
            i = len;
            break;
        }
        uint32_t after = (uint32_t)(nl - b) + 1;
        if (after >= len || blank_line(b, after, len, &nx)) {
            end = (uint32_t)(nl - b);
            i = after;
            break;
        }
        i = after;
    }
    /* trim trailing white space, ASCII and Unicode */
    while (end > start) {
        uint32_t k = end - 1;
        while (k > start && ((unsigned char)b[k] & 0xC0) == 0x80)
            k--;
        uint32_t cp;
        sr_cc_decode((const unsigned char *)b + k, end - k, &cp);
        if (!sr_cc_is_space(cp))
            break;
        end = k;
    }
    *pos = i;
    p->start = start;
    p->end = end;
    return end > start;
}

static bool is_ascii(const char *s, size_t n)
{
    unsigned char any = 0;
    for (size_t i = 0; i < n; i++)
        any |= (unsigned char)s[i];
    return any < 0x80;
}

static bool space_at(const char *b, uint32_t len, uint32_t i)
{
    unsigned char c = (unsigned char)b[i];    /* b[len] is the NUL */
    if (c == ' ')
        return true;
    if (c > ' ' && c < 0x80)
        return false;                         /* the usual cases first */
    if (i >= len)
        return false;
    if (c < 0x80)
        return c >= '\t' && c <= '\r';
    uint32_t cp;
    sr_cc_decode((const unsigned char *)b + i, len - i, &cp);
    return sr_cc_is_space(cp);
}

/* Copy body[start, start+n) and a NUL to out. Short words (most of them)
 * are moved with one 16-byte load and store where the body and the block
 * of forms have room for it; the block has 16 bytes of slack. */
static inline void copy_form(char *out, const char *body, uint32_t start,
                             size_t n, uint32_t body_len)
{
    if (n < 16 && start + 16 <= body_len) {
        char tmp[16];
        memcpy(tmp, body + start, 16);
        memcpy(out, tmp, 16);
    } else {
        memcpy(out, body + start, n);
    }
    out[n] = '\0';
}

static void add_mwt(sr_doc *doc, const sr_tok *t, sr_word *words, size_t *wp,
                    char **formsp, bool space);

/* Fill doc->words and doc->sentences from the tokens. */
static void build(sr_doc *doc, const sr_toks *toks, const uint32_t *para_first,
                  size_t nparas, vec *sents)
{
    size_t para = 0;
    /* the tokens do not overlap, so their bytes add up to at most the
     * body's, and every word's form takes one byte more for its NUL */
    size_t nwords = toks->n + toks->extra_words;
    size_t form_bytes = doc->body_len + nwords;
    /* Neither block is cleared first: every word is written whole below,
     * and every form with its NUL (the 16 bytes of slack are never read). */
    sr_word *words = sr_arena_alloc_raw(doc->arena, nwords * sizeof *words + 1);
    char *forms = sr_arena_alloc_raw(doc->arena, form_bytes + 16);
    const char *b = doc->body;
    size_t w = 0;
    sr_sentence *s = NULL;
    for (size_t i = 0; i < toks->n; i++) {
        const sr_tok *t = &toks->t[i];
        if (!s) {
            /* no sentence spans two paragraphs: find the paragraph only
             * where a sentence starts */
            while (para + 1 < nparas && para_first[para + 1] <= i)
                para++;
            s = vec_push(sents);
            s->start = t->start;
            s->first_word = (uint32_t)w;
            s->paragraph = (uint32_t)para;
        }
        bool space = space_at(b, doc->body_len, t->end);
        if (t->nwords == 1) {
            /* the common case: one word */
            size_t n = t->end - t->start;
            copy_form(forms, b, t->start, n, doc->body_len);
            words[w++] = (sr_word){
                .start = t->start,
                .end = t->end,
                .form = forms,
                .norm = (t->flags & TF_ASCII) || is_ascii(forms, n)
                            ? forms : sr_text_fold(doc->arena, forms, n),
                .space_after = space,
            };
            forms += n + 1;
        } else {
            add_mwt(doc, t, words, &w, &forms, space);
        }
        if (t->end_sentence) {
            s->end = t->end;
            s->nwords = (uint32_t)w - s->first_word;
            s = NULL;
        }
    }
    doc->words = words;
    doc->nwords = (uint32_t)nwords;
}

/* The words of a multiword token. */
/* Append the words of multiword token t at words[*wp], their forms at
 * *formsp; the first word records the token's span. */
static void add_mwt(sr_doc *doc, const sr_tok *t, sr_word *words, size_t *wp,
                    char **formsp, bool space)
{
    uint32_t bounds[SR_TOK_MAX_WORDS + 1];
    bounds[0] = t->start;
    for (int k = 0; k + 1 < t->nwords; k++)
        bounds[k + 1] = t->cut[k];
    bounds[t->nwords] = t->end;
    for (int k = 0; k < t->nwords; k++) {
        sr_word *x = &words[(*wp)++];
        size_t n = bounds[k + 1] - bounds[k];
        char *form = *formsp;
        copy_form(form, doc->body, bounds[k], n, doc->body_len);
        *formsp += n + 1;
        *x = (sr_word){
            .start = bounds[k],
            .end = bounds[k + 1],
            .form = form,
            .norm = (t->flags & TF_ASCII) || is_ascii(form, n)
                        ? form : sr_text_fold(doc->arena, form, n),
            .space_after = k + 1 == t->nwords ? space : 0,
        };
        if (k == 0) {
            x->mwt_len = t->nwords;
            x->mwt_span.start = t->start;
            x->mwt_span.end = t->end;
        }
    }
}

/* Scratch space of one analysis (malloc'd, freed at the end). */
typedef struct scratch {
    sr_toks toks;
    vec paras, sents, para_first;
} scratch;

static sr_status analyze(sr_doc *doc)
{
    scratch sc_ = {
        .paras = {.size = sizeof(sr_span)},
        .sents = {.size = sizeof(sr_sentence)},
        .para_first = {.size = sizeof(uint32_t)},
    };
    scratch *sc = &sc_;
    /* Room for the tokens at once: news and web text averages five to six
     * bytes a token, so a quarter of the body's length is rarely outgrown
     * (growing by doubling copies the vector over and over) */
    sc->toks.cap = doc->body_len / 4 + 256;
    sc->toks.t = sr_xmalloc(sc->toks.cap * sizeof *sc->toks.t);
    uint32_t pos = 0;
    sr_span p;
    while (next_paragraph(doc->body, doc->body_len, &pos, &p)) {
        size_t first = sc->toks.n;
        sr_tokenize(doc->body, p.start, p.end, &sc->toks);
        if (sc->toks.n == first)
            continue;
        sr_segment(doc->body, &sc->toks, first);
        *(sr_span *)vec_push(&sc->paras) = p;
        *(uint32_t *)vec_push(&sc->para_first) = (uint32_t)first;
    }
    build(doc, &sc->toks, sc->para_first.items, sc->para_first.n, &sc->sents);
    vec *paras = &sc->paras, *sents = &sc->sents;
    doc->paragraphs = sr_arena_alloc_raw(doc->arena, paras->n * paras->size + 1);
    if (paras->n)
        memcpy(doc->paragraphs, paras->items, paras->n * paras->size);
    doc->nparagraphs = (uint32_t)paras->n;
    doc->sentences = sr_arena_alloc_raw(doc->arena, sents->n * sents->size + 1);
    if (sents->n)
        memcpy(doc->sentences, sents->items, sents->n * sents->size);
    doc->nsentences = (uint32_t)sents->n;
    sr_toks_free(&sc->toks);
    free(sc->paras.items);
    free(sc->sents.items);
    free(sc->para_first.items);
    return SR_OK;
}

sr_status sr_text_analyze(sr_doc *doc)
{
    if (!doc || !doc->body)
        return SR_ERR_USAGE;
    return analyze(doc);
}

sr_status sr_text_segment(sr_doc *doc)
{
    return sr_text_analyze(doc);
}
