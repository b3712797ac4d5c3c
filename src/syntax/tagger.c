/*
 * tagger.c — part-of-speech tags: UPOS and Penn Treebank XPOS together.
 *
 * The tagger predicts one joint class per word, the pair (UPOS, XPOS) as it
 * occurs in the treebank ("AUX VBZ", "VERB VBZ", "PROPN NNP"), so the two
 * tags always agree with each other. It is a greedy left-to-right averaged
 * perceptron in the style of Collins (2002) and Ratnaparkhi (1996): the
 * features are the word, its lowercase, shape, prefixes and suffixes, the
 * neighbouring words, the two tags already predicted to the left, the
 * ambiguity classes (sets of tags seen in training) of the word and of the
 * words to its right, and word clusters.
 *
 * Words the tag dictionary saw often and always with the same tag get that
 * tag without scoring, in training as at run time: it is faster, and the
 * perceptron's capacity goes to the words that need it.
 *
 * Sections: TAGS (tag names "UPOS\tXPOS"), TDIC (lowercased word -> ambiguity
 * class hash in a, 1 + unambiguous tag in b or 0), TAGW and TAG2 (weights of
 * the two passes).
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FEATS 64
#define DICT_MIN_FREQ 20
#define DICT_MIN_SHARE 0.995
#define DICT_FOLDS 10

enum { T_START = 0xfffe, T_END = 0xfffd };

/* ---- features ----------------------------------------------------------- */

/* The second pass adds the first pass's tags on both sides. */
static size_t features2(const syn_word *w, uint32_t n, uint32_t i, uint64_t *k)
{
    uint64_t r1 = i + 1 <= n ? w[i + 1].tag1 : T_END;
    uint64_t r2 = i + 2 <= n ? w[i + 2].tag1 : T_END;
    uint64_t l1 = i >= 2 ? w[i - 1].tag : T_START;
    size_t m = 0;
    k[m++] = syn_key1(60, r1);
    k[m++] = syn_key2(61, r1, r2);
    k[m++] = syn_key2(62, l1, r1);
    k[m++] = syn_key2(63, w[i].lower, r1);
    k[m++] = syn_key2(64, w[i].amb, r1);
    k[m++] = syn_key3(65, w[i].suf[2], r1, w[i].flags & SYN_F_UPPER1);
    k[m++] = syn_key1(66, w[i].tag1);
    k[m++] = syn_key2(67, w[i].tag1, w[i].lower);
    k[m++] = syn_key3(68, l1, w[i].tag1, r1);
    return m;
}

static size_t features(const syn_word *w, uint32_t n, uint32_t i, uint64_t *k)
{
    const syn_word *c = &w[i], *p1 = &w[i - 1], *n1 = &w[i + 1];
    const syn_word *p2 = i >= 2 ? &w[i - 2] : &w[0];
    const syn_word *n2 = i + 2 <= n + 1 ? &w[i + 2] : &w[n + 1];
    uint64_t t1 = i >= 2 ? p1->tag : T_START;
    uint64_t t2 = i >= 3 ? p2->tag : T_START;
    size_t m = 0;
    k[m++] = syn_key1(1, 0);
    k[m++] = syn_key1(2, c->form);
    k[m++] = syn_key1(3, c->lower);
    for (int j = 0; j < 4; j++)
        k[m++] = syn_key1(4 + (uint32_t)j, c->pre[j]);
    for (int j = 0; j < 5; j++)
        k[m++] = syn_key1(8 + (uint32_t)j, c->suf[j]);
    k[m++] = syn_key1(13, c->shape);
    k[m++] = syn_key1(14, c->flags);
    k[m++] = syn_key1(15, p1->lower);
    k[m++] = syn_key1(16, n1->lower);
    k[m++] = syn_key1(17, p2->lower);
    k[m++] = syn_key1(18, n2->lower);
    k[m++] = syn_key1(19, t1);
    k[m++] = syn_key2(20, t1, t2);
    k[m++] = syn_key2(21, t1, c->lower);
    k[m++] = syn_key2(22, p1->lower, c->lower);
    k[m++] = syn_key2(23, c->lower, n1->lower);
    k[m++] = syn_key1(24, p1->suf[2]);
    k[m++] = syn_key1(25, n1->suf[2]);
    k[m++] = syn_key1(26, c->amb);
    k[m++] = syn_key1(27, n1->amb);
    k[m++] = syn_key1(28, n2->amb);
    k[m++] = syn_key2(29, t1, c->amb);
    k[m++] = syn_key2(30, c->amb, n1->amb);
    k[m++] = syn_key1(31, n1->shape);
    k[m++] = syn_key1(32, p1->shape);
    k[m++] = syn_key2(33, n1->lower, n2->lower);
    k[m++] = syn_key2(34, t1, c->suf[2]);
    k[m++] = syn_key2(35, c->shape, c->flags & SYN_F_FIRST);
    k[m++] = syn_key2(36, t1, n1->lower);
    k[m++] = syn_key3(37, t1, c->amb, n1->amb);
    k[m++] = syn_key2(43, c->suf[2], c->flags);
    k[m++] = syn_key2(44, c->suf[1], c->flags);
    k[m++] = syn_key2(45, c->shape, t1);
    k[m++] = syn_key3(46, c->amb, c->flags, p1->flags & SYN_F_UPPER1);
    k[m++] = syn_key2(47, c->scase, c->flags);
    k[m++] = syn_key3(48, c->scase, c->suf[2], c->flags & (SYN_F_UPPER1 | SYN_F_ALLCAPS));
    k[m++] = syn_key3(49, c->scase, c->amb, c->flags & (SYN_F_UPPER1 | SYN_F_ALLCAPS));
    if (c->clen) {
        k[m++] = syn_key1(38, c->cluster >> (c->clen > 4 ? c->clen - 4 : 0));
        k[m++] = syn_key1(39, c->cluster >> (c->clen > 8 ? c->clen - 8 : 0));
        k[m++] = syn_key2(40, c->cluster, c->clen);
    }
    if (n1->clen)
        k[m++] = syn_key2(41, n1->cluster >> (n1->clen > 6 ? n1->clen - 6 : 0), 6);
    if (p1->clen)
        k[m++] = syn_key2(42, p1->cluster >> (p1->clen > 6 ? p1->clen - 6 : 0), 6);
    return m;
}

static uint16_t argmax(const int32_t *s, uint32_t n)
{
    uint32_t best = 0;
    for (uint32_t c = 1; c < n; c++)
        if (s[c] > s[best])
            best = c;
    return (uint16_t)best;
}

static void set_tag(syn_word *w, uint16_t tag)
{
    w->tag = tag;
}

/* One greedy left-to-right pass with model `lm` (second pass: `two`). */
static void tag_pass(const lin_model *lm, syn_word *w, uint32_t n, bool two)
{
    uint64_t keys[MAX_FEATS];
    int32_t scores[1024];
    uint32_t nc = lm->nclasses < 1024 ? lm->nclasses : 1024;
    for (uint32_t i = 1; i <= n; i++) {
        if (w[i].unambiguous && w[i].dict_tag < nc) {
            set_tag(&w[i], w[i].dict_tag);
            continue;
        }
        size_t m = features(w, n, i, keys);
        if (two)
            m += features2(w, n, i, keys + m);
        memset(scores, 0, nc * sizeof *scores);
        lin_score(lm, keys, m, scores);
        set_tag(&w[i], argmax(scores, nc));
    }
}

void syn_tag(const syn_tagger *t, syn_word *w, uint32_t n)
{
    tag_pass(&t->w, w, n, false);
    if (!t->w2.nbuckets)
        return;
    for (uint32_t i = 1; i <= n; i++)
        w[i].tag1 = w[i].tag;
    tag_pass(&t->w2, w, n, true);
}

/* ---- after parsing ------------------------------------------------------ */

/* The tagger decides VBD against VBN and VBP against VB from a window of
 * words; the tree shows the auxiliaries, which settle both: a past tense
 * with a perfect or passive auxiliary ("has [finished]", "was [fired]") is
 * a participle, a present tense with a modal or "do" as `aux` ("will
 * [make]", "did n't [know]") a base form. A word the parser made a verb's
 * particle (compound:prt) is tagged ADP RP, as all 749 particles of EWT
 * train are ("pick [up]" tagged RB or IN). On EWT dev with the model of
 * 2026-12-04 this changes 18 tags: 16 to the gold one, 1 away from it. */
void syn_retag(const sr_model *m, syn_word *w, uint32_t n,
               const uint32_t *head, const uint16_t *label)
{
    const syn_tagset *ts = &m->tags;
    if (!m->repair.ready)       /* the relation ids: filled at load time */
        return;
    uint16_t aux = m->repair.label[SYN_RL_AUX], auxpass = m->repair.label[SYN_RL_AUXPASS],
             prt = m->repair.label[SYN_RL_PRT];
    if (ts->rp != 0xffff && prt != 0xffff)
        for (uint32_t k = 1; k <= n; k++)
            if (label[k] == prt)
                w[k].tag = ts->rp;
    if (ts->vbd == 0xffff || ts->vbn == 0xffff || ts->vb == 0xffff || ts->vbp == 0xffff)
        return;
    static const char *const perfect[] = {"have", "be"};
    static const char *const base[] = {"will", "would", "can", "could", "may", "might",
                                       "must", "shall", "should", "do"};
    for (uint32_t k = 1; k <= n; k++) {
        uint32_t h = head[k];
        if (h < 1 || h > n || (label[k] != aux && label[k] != auxpass))
            continue;
        if (w[h].tag == ts->vbd) {
            for (size_t j = 0; j < sizeof perfect / sizeof *perfect; j++)
                if (w[k].lemma == syn_str_hash(perfect[j], strlen(perfect[j])))
                    w[h].tag = ts->vbn;
        } else if (w[h].tag == ts->vbp && label[k] == aux) {
            for (size_t j = 0; j < sizeof base / sizeof *base; j++)
                if (w[k].lemma == syn_str_hash(base[j], strlen(base[j])))
                    w[h].tag = ts->vb;
        }
    }
}

/* ---- loading ------------------------------------------------------------ */

bool syn_tagset_load(sr_model *m, const void *file, size_t n, const char **why)
{
    size_t len;
    const void *p = syn_section(file, n, SYN_ID('T', 'A', 'G', 'S'), &len);
    if (!p) {
        *why = "no tag set (section TAGS)";
        return false;
    }
    syn_tagset *ts = &m->tags;
    if (!syn_strings_view(&ts->names, p, len, why))
        return false;
    if (ts->names.n == 0 || ts->names.n > 1000) {
        *why = "tag set size out of range";
        return false;
    }
    ts->n = ts->names.n;
    ts->xpos = sr_xcalloc(ts->n, sizeof *ts->xpos);
    ts->upos = sr_xcalloc(ts->n, sizeof *ts->upos);
    ts->vb = ts->vbp = ts->vbd = ts->vbn = ts->rp = 0xffff;
    for (uint32_t i = 0; i < ts->n; i++) {
        const char *s = syn_string(&ts->names, i);
        if (strcmp(s, "VERB\tVB") == 0)
            ts->vb = (uint16_t)i;
        else if (strcmp(s, "VERB\tVBP") == 0)
            ts->vbp = (uint16_t)i;
        else if (strcmp(s, "VERB\tVBD") == 0)
            ts->vbd = (uint16_t)i;
        else if (strcmp(s, "VERB\tVBN") == 0)
            ts->vbn = (uint16_t)i;
        else if (strcmp(s, "ADP\tRP") == 0)
            ts->rp = (uint16_t)i;
        const char *tab = strchr(s, '\t');
        if (!tab) {
            *why = "a tag name has no UPOS/XPOS separator";
            return false;
        }
        ts->upos[i] = (uint8_t)sr_upos_from_name(s, (size_t)(tab - s));
        ts->xpos[i] = tab + 1;
    }
    return true;
}

bool syn_tagger_load(sr_model *m, const void *file, size_t n, const char **why)
{
    size_t len;
    const void *p = syn_section(file, n, SYN_ID('T', 'D', 'I', 'C'), &len);
    if (!p || !syn_map_view(&m->tagger.dict, p, len, why)) {
        if (!p)
            *why = "no tag dictionary (section TDIC)";
        return false;
    }
    p = syn_section(file, n, SYN_ID('T', 'A', 'G', 'W'), &len);
    if (!p) {
        *why = "no tagger weights (section TAGW)";
        return false;
    }
    if (!lin_view(&m->tagger.w, p, len, why))
        return false;
    if (m->tagger.w.nclasses != m->tags.n) {
        *why = "tagger classes do not match the tag set";
        return false;
    }
    p = syn_section(file, n, SYN_ID('T', 'A', 'G', '2'), &len);
    if (p && (!lin_view(&m->tagger.w2, p, len, why) ||
              m->tagger.w2.nclasses != m->tags.n)) {
        if (m->tagger.w2.nclasses != m->tags.n)
            *why = "second-pass tagger classes do not match the tag set";
        return false;
    }
    return true;
}

/* ---- training ----------------------------------------------------------- */

/* Contiguous parts of a corpus, so a document's sentences stay together. */
static unsigned fold_of(size_t i, size_t n, unsigned folds)
{
    return (unsigned)((uint64_t)i * folds / n);
}

typedef struct word_tag {
    uint64_t word;
    uint16_t tag;
} word_tag;

static int cmp_word_tag(const void *a, const void *b)
{
    const word_tag *x = a, *y = b;
    if (x->word != y->word)
        return x->word < y->word ? -1 : 1;
    return (int)x->tag - (int)y->tag;
}

/* The tag dictionary of a corpus: per lowercased word, the hash of the set
 * of its tags and, for frequent unambiguous words, the tag. */
static void build_dict(const syn_corpus *c, syn_map_builder *mb,
                       unsigned folds, unsigned skip)
{
    word_tag *wt = sr_xmalloc((c->nwords + 1) * sizeof *wt);
    size_t n = 0;
    for (size_t s = 0; s < c->n; s++)
        for (uint32_t i = 1; i <= c->s[s].n; i++)
            if (folds < 2 || fold_of(s, c->n, folds) != skip)
            if (c->s[s].tag[i] != SYN_NO_TAG)
                wt[n++] = (word_tag){c->s[s].w[i].lower, c->s[s].tag[i]};
    qsort(wt, n, sizeof *wt, cmp_word_tag);
    for (size_t i = 0; i < n;) {
        size_t j = i, total = 0, best = 0;
        uint64_t amb = 0x616d62;
        uint16_t best_tag = 0;
        while (j < n && wt[j].word == wt[i].word) {
            size_t k = j;
            while (k < n && wt[k].word == wt[j].word && wt[k].tag == wt[j].tag)
                k++;
            amb = syn_mix(amb * 31 + wt[j].tag + 1);
            if (k - j > best) {
                best = k - j;
                best_tag = wt[j].tag;
            }
            total += k - j;
            j = k;
        }
        syn_slot *s = syn_mb_put(mb, wt[i].word);
        s->a = (uint32_t)(amb | 2); /* never 0 or 1 (1 = unknown word) */
        s->b = total >= DICT_MIN_FREQ && best >= DICT_MIN_SHARE * (double)total
                   ? best_tag + 1u : 0;
        i = j;
    }
    free(wt);
}

static void lookup_all(const syn_corpus *c, const syn_map *dict)
{
    if (!c)
        return;
    for (size_t s = 0; s < c->n; s++)
        syn_words_lookup(dict, NULL, c->s[s].n, c->s[s].w);
}

/* Tag every sentence of `c` with the compiled tagger; returns accuracy on
 * gold tags when `score`. Predictions go to ptag. */
static double tag_corpus(const syn_tagger *t, const syn_corpus *c)
{
    size_t right = 0, total = 0;
    for (size_t s = 0; s < c->n; s++) {
        syn_sent *x = &c->s[s];
        syn_tag(t, x->w, x->n);
        for (uint32_t i = 1; i <= x->n; i++) {
            x->ptag[i] = x->w[i].tag;
            right += x->ptag[i] == x->tag[i];
            total++;
        }
    }
    return total ? 100.0 * (double)right / (double)total : 0;
}

/* One pass over a corpus whose dictionary lookups are done (ptag set). */
static double pass_corpus(const lin_model *lm, const syn_corpus *c, bool two)
{
    size_t right = 0, total = 0;
    for (size_t s = 0; s < c->n; s++) {
        syn_sent *x = &c->s[s];
        tag_pass(lm, x->w, x->n, two);
        for (uint32_t i = 1; i <= x->n; i++) {
            x->ptag[i] = x->w[i].tag;
            right += x->ptag[i] == x->tag[i];
            total++;
        }
    }
    return total ? 100.0 * (double)right / (double)total : 0;
}

static void train_sentence(lin_trainer *tr, syn_sent *x, uint32_t ntags,
                           bool two)
{
    uint64_t keys[MAX_FEATS];
    int32_t scores[1024];
    for (uint32_t i = 1; i <= x->n; i++) {
        syn_word *w = x->w;
        if (w[i].unambiguous) {
            set_tag(&w[i], w[i].dict_tag);
            continue;
        }
        size_t m = features(w, x->n, i, keys);
        if (two)
            m += features2(w, x->n, i, keys + m);
        memset(scores, 0, ntags * sizeof *scores);
        lint_score(tr, keys, m, scores);
        uint16_t guess = argmax(scores, ntags);
        uint16_t gold = x->tag[i];
        if (gold != SYN_NO_TAG && guess != gold)
            lint_update(tr, keys, m, gold, guess);
        lint_tick(tr);
        set_tag(&w[i], guess);
    }
}

double syn_tagger_train(const syn_tagger_train_args *a, syn_writer *out)
{
    const syn_corpus *tc = a->train;
    syn_map_builder dict;
    syn_mb_init(&dict);
    build_dict(tc, &dict, 1, 0);
    syn_map dview = {dict.slots, dict.cap - 1};
    lookup_all(a->dev, &dview);
    /* The training words see a dictionary built without their own part of
     * the corpus, so that rare words look unknown in training as unseen
     * words will at run time. (Not for tiny treebanks, where every word
     * would look unknown.) */
    if (tc->n < DICT_FOLDS * 50)
        lookup_all(tc, &dview);
    for (unsigned f = 0; f < DICT_FOLDS && tc->n >= DICT_FOLDS * 50; f++) {
        syn_map_builder part;
        syn_mb_init(&part);
        build_dict(tc, &part, DICT_FOLDS, f);
        syn_map pv = {part.slots, part.cap - 1};
        for (size_t s = 0; s < tc->n; s++)
            if (fold_of(s, tc->n, DICT_FOLDS) == f)
                syn_words_lookup(&pv, NULL, tc->s[s].n, tc->s[s].w);
        syn_mb_free(&part);
    }
    lin_trainer *tr = lint_new(a->ntags);
    uint32_t *order = sr_xmalloc((tc->n + 1) * sizeof *order);
    for (size_t i = 0; i < tc->n; i++)
        order[i] = (uint32_t)i;
    uint64_t rng = a->seed ^ 0x746167676572ULL;
    sr_buf best;
    sr_buf_init(&best);
    double best_acc = -1;
    unsigned best_epoch = 0;
    for (unsigned ep = 1; ep <= a->epochs; ep++) {
        syn_shuffle(order, tc->n, &rng);
        for (size_t i = 0; i < tc->n; i++)
            train_sentence(tr, &tc->s[order[i]], a->ntags, a->pass == 2);
        bool last = ep == a->epochs;
        if (!a->dev && !last)
            continue;
        sr_buf cur;
        sr_buf_init(&cur);
        lint_write(tr, SYN_MIN_WEIGHT, &cur);
        double acc = -1;
        if (a->dev) {
            lin_model lm;
            const char *why;
            if (!lin_view(&lm, cur.data, cur.len, &why))
                sr_fatal("tagger: %s", why);
            acc = pass_corpus(&lm, a->dev, a->pass == 2);
            if (a->log)
                fprintf(a->log, "%s: epoch %u: dev tag accuracy %.2f%%\n",
                        a->what, ep, acc);
        }
        if (acc > best_acc || !a->dev) {
            best_acc = acc;
            best_epoch = ep;
            sr_buf_free(&best);
            best = cur;
        } else {
            sr_buf_free(&cur);
        }
    }
    if (a->log) {
        size_t nf, nw;
        lint_size(tr, &nf, &nw);
        fprintf(a->log, "%s: kept epoch %u (%zu features, %zu weights)\n",
                a->what, best_epoch, nf, nw);
    }
    if (a->chosen)
        *a->chosen = best_epoch;
    sr_buf *tw = syn_writer_section(out, a->pass == 2 ? SYN_ID('T', 'A', 'G', '2')
                                                      : SYN_ID('T', 'A', 'G', 'W'));
    sr_buf_reset(tw);
    sr_buf_put(tw, best.data, best.len);
    if (a->pass != 2) {
        sr_buf *td = syn_writer_section(out, SYN_ID('T', 'D', 'I', 'C'));
        sr_buf_reset(td);
        syn_map_write(&dict, td);
    }
    sr_buf_free(&best);
    free(order);
    lint_free(tr);
    syn_mb_free(&dict);
    return best_acc;
}

/* Predict the tags of `target` with a tagger whose sections are in `w`. */
double syn_tagger_apply(syn_writer *w, const syn_corpus *target, bool first_only)
{
    sr_buf *tw = syn_writer_section(w, SYN_ID('T', 'A', 'G', 'W'));
    sr_buf *td = syn_writer_section(w, SYN_ID('T', 'D', 'I', 'C'));
    sr_buf *t2 = syn_writer_section(w, SYN_ID('T', 'A', 'G', '2'));
    syn_tagger t;
    memset(&t, 0, sizeof t);
    const char *why;
    if (!lin_view(&t.w, tw->data, tw->len, &why) ||
        !syn_map_view(&t.dict, td->data, td->len, &why) ||
        (!first_only && t2->len && !lin_view(&t.w2, t2->data, t2->len, &why)))
        sr_fatal("tagger: %s", why);
    lookup_all(target, &t.dict);
    return tag_corpus(&t, target);
}
