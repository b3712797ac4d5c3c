/*
 * syntax.c — sr_syntax_parse: tag, lemmatise, parse and add FEATS to every
 * sentence of a document.
 *
 * The steps run per sentence in pipeline order: word values (words.c), tags
 * (tagger.c), lemmas (lemma.c), tree (parser.c), FEATS (morph.c). Scratch
 * memory for one call comes from an arena of its own, freed on return; the
 * strings written into the words come from the document's arena, with one
 * copy per document of each tag, label and FEATS string. Nothing is shared
 * between calls but the read-only model, so threads may parse different
 * documents with one model at once.
 */
#include "syntax.h"

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
                           doc_strings *ds, sr_arena *tmp)
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
    for (uint32_t i = 1; i <= n; i++) {
        sr_word *x = &words[i - 1];
        uint16_t t = w[i].tag < m->tags.n ? w[i].tag : 0;
        x->lemma = syn_lemmatize(m, forms[i], t, i == 1, doc->arena);
        w[i].lemma = syn_str_hash(x->lemma, strlen(x->lemma));
        x->upos = m->tags.upos[t];
        x->xpos = cached(ds->xpos, t, m->tags.xpos[t], doc->arena);
    }
    syn_parse(&m->parser, w, n, head, label, tmp);
    syn_morph_predict(&m->morph, w, n, head, label, feats, mscratch);
    for (uint32_t i = 1; i <= n; i++) {
        sr_word *x = &words[i - 1];
        x->head = head[i];
        uint16_t l = label[i] < m->parser.labels.n ? label[i] : 0;
        x->deprel = cached(ds->deprel, l, syn_string(&m->parser.labels, l), doc->arena);
        x->feats = NULL;
        if (feats[i] < m->morph.feats.n) {
            const char *f = syn_string(&m->morph.feats, feats[i]);
            if (strcmp(f, "_") != 0)
                x->feats = cached(ds->feats, feats[i], f, doc->arena);
        }
    }
}

sr_status sr_syntax_parse(const sr_model *m, sr_doc *doc)
{
    if (!m || !doc)
        return SR_ERR_USAGE;
    sr_arena *tmp = sr_arena_new();
    doc_strings ds;
    ds.xpos = sr_arena_alloc(tmp, m->tags.n * sizeof *ds.xpos);
    ds.deprel = sr_arena_alloc(tmp, m->parser.labels.n * sizeof *ds.deprel);
    ds.feats = sr_arena_alloc(tmp, m->morph.feats.n * sizeof *ds.feats);
    for (uint32_t s = 0; s < doc->nsentences; s++) {
        const sr_sentence *st = &doc->sentences[s];
        if (st->nwords == 0 || st->first_word > doc->nwords ||
            st->nwords > doc->nwords - st->first_word)
            continue;
        parse_sentence(m, doc, st, &ds, tmp);
        /* long documents: do not let scratch grow with the document */
        if (sr_arena_used(tmp) > (32u << 20)) {
            sr_arena_free(tmp);
            tmp = sr_arena_new();
            ds.xpos = sr_arena_alloc(tmp, m->tags.n * sizeof *ds.xpos);
            ds.deprel = sr_arena_alloc(tmp, m->parser.labels.n * sizeof *ds.deprel);
            ds.feats = sr_arena_alloc(tmp, m->morph.feats.n * sizeof *ds.feats);
        }
    }
    sr_arena_free(tmp);
    return SR_OK;
}
