/*
 * syntax.c — sr_syntax_parse: tag, lemmatise, parse and add FEATS to every
 * sentence of a document.
 *
 * The steps run per sentence in pipeline order: word values (words.c), tags
 * (tagger.c), lemmas (lemma.c), tree (parser.c), FEATS (morph.c). The
 * parser and the morphology read each word's lemma as training gave it
 * (syn_lemmatize); the lemma written out may be mended further
 * (syn_lemmatize_out), which leaves trees and FEATS as they were. Scratch
 * memory for one call comes from an arena of its own, freed on return; the
 * strings written into the words come from the document's arena, with one
 * copy per document (and thread) of each tag, label and FEATS string.
 * Nothing is shared between calls but the read-only model, so threads may
 * parse different documents with one model at once, and one document's
 * sentences may be parsed on several threads (sr_syntax_parse_many).
 */
#include "syntax.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct doc_strings {
    const char **xpos, **deprel, **feats;
} doc_strings;

static const char *cached(const char **cache, uint32_t i, const char *s,
                          sr_arena *a)
{
    if (!cache[i])
        cache[i] = sr_arena_strdup(a, s);
    return cache[i];
}

static void parse_sentence(const sr_model *m, sr_doc *doc, const sr_sentence *st,
                           doc_strings *ds, sr_arena *strings, sr_arena *tmp,
                           syn_parse_mem *pm)
{
    uint32_t n = st->nwords;
    sr_word *words = doc->words + st->first_word;
    const char **forms = sr_arena_alloc(tmp, ((size_t)n + 2) * sizeof *forms);
    syn_word *w = sr_arena_alloc(tmp, ((size_t)n + 2) * sizeof *w);
    uint32_t *head = sr_arena_alloc(tmp, ((size_t)n + 2) * sizeof *head);
    uint16_t *label = sr_arena_alloc(tmp, ((size_t)n + 2) * sizeof *label);
    uint16_t *feats = sr_arena_alloc(tmp, ((size_t)n + 2) * sizeof *feats);
    uint32_t *mscratch = sr_arena_alloc(tmp, syn_morph_scratch(&m->morph, n) * sizeof *mscratch);
    for (uint32_t i = 1; i <= n; i++)
        forms[i] = words[i - 1].form ? words[i - 1].form : "";
    forms[0] = forms[n + 1] = "";
    syn_words_prepare(m, forms, n, w);
    syn_tag(&m->tagger, w, n);
    syn_repair_pretags(m, w, n, forms);
    for (uint32_t i = 1; i <= n; i++) {
        sr_word *x = &words[i - 1];
        uint16_t t = w[i].tag < m->tags.n ? w[i].tag : 0;
        const char *trained;
        x->lemma = syn_lemmatize_out(m, forms[i], t, i == 1, &trained, strings);
        w[i].lemma = syn_str_hash(trained, strlen(trained));
        x->upos = m->tags.upos[t];
        x->xpos = cached(ds->xpos, t, m->tags.xpos[t], strings);
    }
    syn_parse(&m->parser, w, n, head, label, tmp, pm);
    /* post-parse: tags from the tree (and spacing), then the lemmas of the
     * words whose part of speech changed (a verb's lemma is the same for
     * VBD and VBN: "bid" stays "bid"), then FEATS from the final tags */
    uint16_t *tag0 = sr_arena_alloc(tmp, ((size_t)n + 2) * sizeof *tag0);
    uint8_t *space = sr_arena_alloc(tmp, (size_t)n + 2);
    uint8_t *kids = sr_arena_alloc(tmp, (size_t)n + 2);
    const char **fixed = sr_arena_alloc(tmp, ((size_t)n + 2) * sizeof *fixed);
    for (uint32_t i = 1; i <= n; i++) {
        tag0[i] = w[i].tag;
        space[i] = words[i - 1].space_after;
    }
    syn_retag(m, w, n, head, label);
    syn_repair(m, w, n, head, label, forms, space, kids, fixed);
    for (uint32_t i = 1; i <= n; i++) {
        sr_word *x = &words[i - 1];
        const char *trained;
        if (fixed[i])
            x->lemma = trained = sr_arena_strdup(strings, fixed[i]);
        else if (w[i].tag != tag0[i] && w[i].tag < m->tags.n &&
                 m->tags.upos[w[i].tag] != m->tags.upos[tag0[i] < m->tags.n ? tag0[i] : 0])
            x->lemma = syn_lemmatize_out(m, forms[i], w[i].tag, i == 1, &trained, strings);
        else
            continue;
        w[i].lemma = syn_str_hash(trained, strlen(trained));
    }
    syn_morph_predict(&m->morph, w, n, head, label, feats, mscratch);
    bool capitals = syn_in_capitals(forms, n), split = false;
    uint16_t goeswith = m->repair.ready ? m->repair.label[SYN_RL_GOESWITH] : 0xffff;
    for (uint32_t i = 1; i <= n && goeswith != 0xffff; i++)
        split = split || label[i] == goeswith;
    for (uint32_t i = 1; i <= n; i++) {
        sr_word *x = &words[i - 1];
        uint16_t t = w[i].tag < m->tags.n ? w[i].tag : 0;
        if (capitals)
            x->lemma = syn_lemma_capitals(m, forms[i], t, x->lemma, strings);
        if (split)
            x->lemma = syn_lemma_split_address(m, forms, n, head, label, i, t, x->lemma,
                                               strings);
        x->upos = m->tags.upos[t];
        x->xpos = cached(ds->xpos, t, m->tags.xpos[t], strings);
        x->head = head[i];
        uint16_t l = label[i] < m->parser.labels.n ? label[i] : 0;
        x->deprel = cached(ds->deprel, l, syn_string(&m->parser.labels, l), strings);
        x->feats = NULL;
        if (feats[i] < m->morph.feats.n) {
            const char *f = syn_string(&m->morph.feats, feats[i]);
            if (strcmp(f, "_") != 0)
                x->feats = cached(ds->feats, feats[i], f, strings);
        }
    }
}

/* The sentences of one or more documents, shared out among threads in
 * blocks of BLOCK_WORDS words or more (a block never spans two documents):
 * each thread takes the next block, parses it with scratch of its own and
 * puts the strings it makes (lemmas, tag, label and FEATS names) in an
 * arena of its own per document, which the document adopts at the end. A
 * sentence's analysis depends only on the sentence and the model, so the
 * result is the same for every number of threads. */
#define BLOCK_WORDS 512

typedef struct block {
    uint32_t doc, first, end;   /* sentences [first, end) of docs[doc] */
} block;

typedef struct job {
    const sr_model *m;
    sr_doc *const *docs;
    block *blocks;
    size_t nblocks;
    size_t next;             /* the next block to take (under lock) */
    bool threaded;           /* strings go to per-thread arenas */
    pthread_mutex_t lock;
} job;

typedef struct worker {
    job *j;
    sr_arena **strings;      /* per document, created on first use */
    pthread_t thread;
    bool started;
} worker;

static void doc_strings_init(doc_strings *ds, const sr_model *m, sr_arena *tmp)
{
    ds->xpos = sr_arena_alloc(tmp, m->tags.n * sizeof *ds->xpos);
    ds->deprel = sr_arena_alloc(tmp, m->parser.labels.n * sizeof *ds->deprel);
    ds->feats = sr_arena_alloc(tmp, m->morph.feats.n * sizeof *ds->feats);
}

static void *work(void *arg)
{
    worker *wk = arg;
    job *j = wk->j;
    const sr_model *m = j->m;
    sr_arena *tmp = sr_arena_new();
    syn_parse_mem pm = {0};
    doc_strings ds = {0};
    uint32_t cur_doc = UINT32_MAX;   /* the document ds caches strings of */
    for (;;) {
        pthread_mutex_lock(&j->lock);
        size_t b = j->next < j->nblocks ? j->next++ : j->nblocks;
        pthread_mutex_unlock(&j->lock);
        if (b == j->nblocks)
            break;
        const block *bl = &j->blocks[b];
        sr_doc *doc = j->docs[bl->doc];
        sr_arena *strings = doc->arena;
        if (j->threaded) {
            if (!wk->strings[bl->doc])
                wk->strings[bl->doc] = sr_arena_new();
            strings = wk->strings[bl->doc];
        }
        for (uint32_t s = bl->first; s < bl->end; s++) {
            /* long documents: do not let scratch grow with the document */
            if (cur_doc != bl->doc || sr_arena_used(tmp) > (32u << 20)) {
                sr_arena_free(tmp);
                tmp = sr_arena_new();
                doc_strings_init(&ds, m, tmp);
                cur_doc = bl->doc;
            }
            const sr_sentence *st = &doc->sentences[s];
            if (st->nwords == 0 || st->first_word > doc->nwords ||
                st->nwords > doc->nwords - st->first_word)
                continue;
            parse_sentence(m, doc, st, &ds, strings, tmp, &pm);
        }
    }
    sr_arena_free(tmp);
    syn_parse_mem_free(&pm);
    return NULL;
}

sr_status sr_syntax_parse_many(const sr_model *m, sr_doc *const *docs,
                               size_t ndocs, int nthreads)
{
    if (!m || (!docs && ndocs))
        return SR_ERR_USAGE;
    for (size_t d = 0; d < ndocs; d++)
        if (!docs[d] || docs[d]->nsentences >= UINT32_MAX)
            return SR_ERR_USAGE;
    if (ndocs >= UINT32_MAX)
        return SR_ERR_USAGE;
    job j = {.m = m, .docs = docs};
    size_t cap = 16;
    j.blocks = sr_xmalloc(cap * sizeof *j.blocks);
    for (uint32_t d = 0; d < ndocs; d++) {
        const sr_doc *doc = docs[d];
        uint32_t s = 0;
        while (s < doc->nsentences) {
            uint32_t e = s;
            size_t words = 0;
            while (e < doc->nsentences && words < BLOCK_WORDS)
                words += doc->sentences[e++].nwords;
            if (j.nblocks == cap) {
                cap *= 2;
                j.blocks = sr_xrealloc(j.blocks, cap * sizeof *j.blocks);
            }
            j.blocks[j.nblocks++] = (block){d, s, e};
            s = e;
        }
    }
    if (nthreads < 1)
        nthreads = 1;
    if ((size_t)nthreads > j.nblocks)
        nthreads = j.nblocks ? (int)j.nblocks : 1;
    j.threaded = nthreads > 1;
    pthread_mutex_init(&j.lock, NULL);
    worker *wk = sr_xcalloc((size_t)nthreads, sizeof *wk);
    for (int i = 0; i < nthreads; i++) {
        wk[i].j = &j;
        if (j.threaded)
            wk[i].strings = sr_xcalloc(ndocs, sizeof *wk[i].strings);
    }
    /* the calling thread is worker 0 */
    for (int i = 1; i < nthreads; i++)
        wk[i].started = pthread_create(&wk[i].thread, NULL, work, &wk[i]) == 0;
    work(&wk[0]);
    for (int i = 0; i < nthreads; i++) {
        if (i > 0 && wk[i].started)
            pthread_join(wk[i].thread, NULL);
        if (j.threaded) {
            for (size_t d = 0; d < ndocs; d++)
                if (wk[i].strings[d])
                    sr_arena_adopt(docs[d]->arena, wk[i].strings[d]);
            free(wk[i].strings);
        }
    }
    pthread_mutex_destroy(&j.lock);
    free(wk);
    free(j.blocks);
    return SR_OK;
}

sr_status sr_syntax_parse(const sr_model *m, sr_doc *doc)
{
    if (!m || !doc)
        return SR_ERR_USAGE;
    return sr_syntax_parse_many(m, &doc, 1, 1);
}
