/*
 * analyze.c — paragraphs, sentences and words of a body.
 *
 * (Bootstrap version: blank lines end paragraphs, '.', '!' or '?' before
 * whitespace ends a sentence, words are runs of letters and digits or single
 * punctuation marks. The news-grade segmenter and the UD tokeniser replace
 * it.)
 */
#include "sitrep.h"
#include "../core/internal.h"

#include <ctype.h>
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

static void *to_arena(sr_arena *a, vec *v)
{
    void *p = sr_arena_alloc(a, v->n * v->size + 1);
    if (v->n)
        memcpy(p, v->items, v->n * v->size);
    return p;
}

sr_status sr_text_analyze(sr_doc *doc)
{
    const char *b = doc->body;
    uint32_t n = doc->body_len;
    vec paras = {.size = sizeof(sr_span)}, sents = {.size = sizeof(sr_sentence)},
        words = {.size = sizeof(sr_word)};
    uint32_t i = 0;
    while (i < n) {
        while (i < n && isspace((unsigned char)b[i]))
            i++;
        if (i >= n)
            break;
        uint32_t ps = i;
        const char *e = strstr(b + i, "\n\n");
        uint32_t pe = e ? (uint32_t)(e - b) : n;
        sr_span *p = vec_push(&paras);
        p->start = ps;
        p->end = pe;
        uint32_t j = ps;
        while (j < pe) {
            while (j < pe && isspace((unsigned char)b[j]))
                j++;
            if (j >= pe)
                break;
            sr_sentence *s = vec_push(&sents);
            s->start = j;
            s->first_word = (uint32_t)words.n;
            s->paragraph = (uint32_t)paras.n - 1;
            for (;;) {
                while (j < pe && isspace((unsigned char)b[j]))
                    j++;
                if (j >= pe)
                    break;
                uint32_t ws = j;
                if (isalnum((unsigned char)b[j]) || (unsigned char)b[j] >= 0x80) {
                    while (j < pe && (isalnum((unsigned char)b[j]) || (unsigned char)b[j] >= 0x80))
                        j++;
                } else {
                    j++;
                }
                sr_word *w = vec_push(&words);
                memset(w, 0, sizeof *w);
                w->start = ws;
                w->end = j;
                w->form = w->norm = sr_arena_strndup(doc->arena, b + ws, j - ws);
                w->space_after = j < n && isspace((unsigned char)b[j]);
                s = (sr_sentence *)sents.items + sents.n - 1;
                s->end = j;
                char c = b[ws];
                if ((c == '.' || c == '!' || c == '?') && (j >= pe || isspace((unsigned char)b[j])))
                    break;
            }
            s = (sr_sentence *)sents.items + sents.n - 1;
            s->nwords = (uint32_t)words.n - s->first_word;
        }
        i = pe;
    }
    doc->paragraphs = to_arena(doc->arena, &paras);
    doc->nparagraphs = (uint32_t)paras.n;
    doc->sentences = to_arena(doc->arena, &sents);
    doc->nsentences = (uint32_t)sents.n;
    doc->words = to_arena(doc->arena, &words);
    doc->nwords = (uint32_t)words.n;
    free(paras.items);
    free(sents.items);
    free(words.items);
    return SR_OK;
}

sr_status sr_text_segment(sr_doc *doc)
{
    return sr_text_analyze(doc);
}
