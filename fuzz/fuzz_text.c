/* fuzz_text.c — the text stage on arbitrary bytes: the plain-text article
 * conventions (title, byline, dateline, furniture, captions), body repair,
 * normalisation, tokenisation and sentence splitting, and the JSON and
 * CoNLL-U writers on the result. The first byte picks running text or an
 * article; every word and sentence must lie inside the body. */
#include "sitrep.h"
#include "ingest/ingest.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_doc *d = sr_doc_new();
    bool article = size > 0 && (data[0] & 1);
    if (article)
        sr_plain_article(d, (const char *)data + 1, size - 1);
    else
        sr_doc_set_body(d, (const char *)data, size);
    sr_text_analyze(d);
    for (uint32_t i = 0; i < d->nwords; i++) {
        const sr_word *w = &d->words[i];
        if (w->start > w->end || w->end > d->body_len || !w->form || !w->norm)
            abort();
    }
    for (uint32_t i = 0; i < d->nsentences; i++) {
        const sr_sentence *s = &d->sentences[i];
        if (s->start >= s->end || s->end > d->body_len ||
            s->first_word + s->nwords > d->nwords)
            abort();
    }
    sr_buf b;
    sr_buf_init(&b);
    sr_doc_json_options o = {.tokens = true};
    sr_doc_to_json(d, &o, &b);
    sr_doc_to_conllu(d, &b);
    sr_text_norm(d->arena, (const char *)data, size);
    sr_buf_free(&b);
    sr_doc_free(d);
    return 0;
}
