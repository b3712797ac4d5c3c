/*
 * morph.c — morphological features (the FEATS column), after parsing.
 *
 * Most of FEATS follows from the word and its tag (NNS: Number=Plur), but
 * what the event coder needs most depends on the sentence: a past
 * participle is Voice=Pass when it has a passive auxiliary, a finite verb
 * carries the Person and Number of its subject ("I went": Person=1), a base
 * form is Mood=Imp with no subject and VerbForm=Inf under "to" or a modal.
 * So the FEATS string is predicted last, by an averaged perceptron whose
 * features include the word's head, its relation, and its children with
 * their relations ("nsubj I", "aux:pass was").
 *
 * The classes are the FEATS strings of the treebank; for each tag only the
 * strings seen with that tag in training are candidates, so a noun is never
 * given Tense and the decision is among a handful of strings.
 *
 * Sections: FEAT (FEATS strings, "_" for none), FCAN (u32 ntags, then per
 * tag u32 first and u32 count into the list, then u32 nlist and u16 list),
 * MORW (weights).
 */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

#define MAX_MFEATS 96
#define MAX_CHILDREN 8

/* Children of each word, in order, as a linked list through `next`. */
typedef struct kids {
    uint32_t *first, *next;
} kids;

static void make_kids(const uint32_t *head, uint32_t n, kids *k,
                      uint32_t *first, uint32_t *next)
{
    memset(first, 0, (n + 2) * sizeof *first);
    memset(next, 0, (n + 2) * sizeof *next);
    for (uint32_t d = n; d >= 1; d--) {
        uint32_t h = head[d];
        if (h <= n) {
            next[d] = first[h];
            first[h] = d;
        }
    }
    k->first = first;
    k->next = next;
}

static size_t features(const syn_word *w, uint32_t n, uint32_t i,
                       const uint32_t *head, const uint16_t *label,
                       const kids *k, uint64_t *key)
{
    size_t m = 0;
    const syn_word *c = &w[i];
    uint64_t t = c->tag;
    uint32_t h = head[i] <= n ? head[i] : 0;
    uint64_t hw = h ? w[h].lower : 0x524f4f54ULL, hp = h ? w[h].tag : 0xffff;
    key[m++] = syn_key1(1, t);
    key[m++] = syn_key2(2, t, c->lower);
    key[m++] = syn_key2(3, t, c->lemma);
    key[m++] = syn_key2(4, t, c->suf[0]);
    key[m++] = syn_key2(5, t, c->suf[1]);
    key[m++] = syn_key2(6, t, c->suf[2]);
    key[m++] = syn_key2(7, t, c->shape);
    key[m++] = syn_key2(8, t, label[i]);
    key[m++] = syn_key3(9, t, label[i], hp);
    key[m++] = syn_key3(10, t, label[i], hw);
    key[m++] = syn_key2(11, t, w[i - 1].lower);
    key[m++] = syn_key2(12, t, w[i + 1].lower);
    key[m++] = syn_key2(13, t, i > 1 ? w[i - 1].tag : 0xfffe);
    key[m++] = syn_key2(14, t, i < n ? w[i + 1].tag : 0xfffd);
    key[m++] = syn_key2(15, t, c->flags);
    uint64_t kidset = 0x6b696473ULL;
    int nk = 0;
    for (uint32_t d = k->first[i]; d && nk < MAX_CHILDREN; d = k->next[d], nk++) {
        key[m++] = syn_key2(20, t, label[d]);
        key[m++] = syn_key3(21, t, label[d], w[d].lower);
        key[m++] = syn_key3(22, t, label[d], w[d].tag);
        kidset = syn_mix(kidset + label[d]);
    }
    key[m++] = syn_key2(23, t, kidset);
    /* the subject of the head, for verbs in coordination or under aux */
    if (h) {
        int nh = 0;
        for (uint32_t d = k->first[h]; d && nh < MAX_CHILDREN; d = k->next[d], nh++)
            if (d != i)
                key[m++] = syn_key3(24, t, label[d], w[d].lower);
    }
    return m;
}

static uint16_t best_candidate(const syn_morph *mo, uint16_t tag,
                               const int32_t *scores)
{
    const uint32_t *cnd = mo->cand + 1 + 2 * (size_t)tag;
    uint32_t first = cnd[0], count = cnd[1];
    uint16_t best = SYN_NO_FEATS;
    for (uint32_t j = 0; j < count; j++) {
        uint16_t f = mo->cand_list[first + j];
        if (best == SYN_NO_FEATS || scores[f] > scores[best])
            best = f;
    }
    return best;
}

static size_t ntags_of(const syn_morph *mo)
{
    return mo->cand ? mo->cand[0] : 0;
}

void syn_morph_predict(const syn_morph *mo, const syn_word *w, uint32_t n,
               const uint32_t *head, const uint16_t *label, uint16_t *feats,
               uint32_t *scratch)
{
    kids k;
    make_kids(head, n, &k, scratch, scratch + n + 2);
    uint64_t keys[MAX_MFEATS];
    int32_t *scores = (int32_t *)(scratch + 2 * (n + 2));
    uint32_t nc = mo->w.nclasses;
    for (uint32_t i = 1; i <= n; i++) {
        feats[i] = SYN_NO_FEATS;
        if (w[i].tag >= ntags_of(mo))
            continue;
        const uint32_t *cnd = mo->cand + 1 + 2 * (size_t)w[i].tag;
        if (cnd[1] == 0)
            continue;
        if (cnd[1] == 1) {
            feats[i] = mo->cand_list[cnd[0]];
            continue;
        }
        size_t m = features(w, n, i, head, label, &k, keys);
        memset(scores, 0, nc * sizeof *scores);
        lin_score(&mo->w, keys, m, scores);
        feats[i] = best_candidate(mo, w[i].tag, scores);
    }
}

size_t syn_morph_scratch(const syn_morph *mo, uint32_t n)
{
    return 2 * ((size_t)n + 2) + mo->w.nclasses;
}

bool syn_morph_load(sr_model *m, const void *file, size_t n, const char **why)
{
    syn_morph *mo = &m->morph;
    size_t len;
    const void *p = syn_section(file, n, SYN_ID('F', 'E', 'A', 'T'), &len);
    if (!p) {
        *why = "no FEATS list (section FEAT)";
        return false;
    }
    if (!syn_strings_view(&mo->feats, p, len, why))
        return false;
    p = syn_section(file, n, SYN_ID('M', 'O', 'R', 'W'), &len);
    if (!p) {
        *why = "no morphology weights (section MORW)";
        return false;
    }
    if (!lin_view(&mo->w, p, len, why))
        return false;
    if (mo->w.nclasses != mo->feats.n) {
        *why = "morphology classes do not match the FEATS list";
        return false;
    }
    p = syn_section(file, n, SYN_ID('F', 'C', 'A', 'N'), &len);
    const uint32_t *u = p;
    if (!p || len < 4 || u[0] != m->tags.n || len < 8 + 8 * (size_t)u[0]) {
        *why = "FEATS candidates (section FCAN) missing or not matching the tag set";
        return false;
    }
    uint32_t ntags = u[0], nlist = u[1 + 2 * ntags];
    if (len != 8 + 8 * (size_t)ntags + 2 * (size_t)nlist + (nlist % 2 ? 2 : 0)) {
        *why = "FEATS candidates (section FCAN) have the wrong size";
        return false;
    }
    const uint16_t *list = (const uint16_t *)(u + 2 + 2 * ntags);
    for (uint32_t t = 0; t < ntags; t++) {
        uint32_t first = u[1 + 2 * t], count = u[2 + 2 * t];
        if (first > nlist || count > nlist - first) {
            *why = "FEATS candidates lie outside their list";
            return false;
        }
    }
    for (uint32_t j = 0; j < nlist; j++) {
        if (list[j] >= mo->feats.n) {
            *why = "a FEATS candidate is not in the FEATS list";
            return false;
        }
    }
    mo->cand = u;
    mo->cand_list = list;
    mo->ncand_list = nlist;
    /* the last section loaded: the post-parse repairs can look up the
     * tags and relations now */
    syn_repair_init(m);
    return true;
}

/* ---- training ----------------------------------------------------------- */

/* Candidates: the FEATS seen with each gold tag. */
static void write_candidates(const syn_corpus *c, uint32_t ntags,
                             uint32_t nfeats, sr_buf *out)
{
    uint8_t *seen = sr_xcalloc((size_t)ntags * nfeats + 1, 1);
    for (size_t s = 0; s < c->n; s++)
        for (uint32_t i = 1; i <= c->s[s].n; i++)
            if (c->s[s].tag[i] != SYN_NO_TAG && c->s[s].feats[i] != SYN_NO_FEATS)
                seen[(size_t)c->s[s].tag[i] * nfeats + c->s[s].feats[i]] = 1;
    uint32_t nlist = 0;
    sr_buf_put(out, &ntags, 4);
    for (uint32_t t = 0; t < ntags; t++) {
        uint32_t count = 0;
        for (uint32_t f = 0; f < nfeats; f++)
            count += seen[(size_t)t * nfeats + f];
        sr_buf_put(out, &nlist, 4);
        sr_buf_put(out, &count, 4);
        nlist += count;
    }
    sr_buf_put(out, &nlist, 4);
    for (uint32_t t = 0; t < ntags; t++)
        for (uint32_t f = 0; f < nfeats; f++)
            if (seen[(size_t)t * nfeats + f]) {
                uint16_t v = (uint16_t)f;
                sr_buf_put(out, &v, 2);
            }
    if (nlist % 2)
        sr_buf_put(out, "\0\0", 2);
    free(seen);
}

/* Score a corpus: the predicted tags are in w[].tag, trees in `heads`. */
static double morph_corpus(const syn_morph *mo, const syn_corpus *c,
                           uint32_t *const *heads, uint16_t *const *labels)
{
    size_t right = 0, total = 0;
    for (size_t s = 0; s < c->n; s++) {
        const syn_sent *x = &c->s[s];
        uint32_t *scratch = sr_xmalloc(syn_morph_scratch(mo, x->n) * sizeof *scratch);
        uint16_t *f = sr_xmalloc((x->n + 2) * sizeof *f);
        syn_morph_predict(mo, x->w, x->n, heads[s], labels[s], f, scratch);
        for (uint32_t i = 1; i <= x->n; i++) {
            right += f[i] == x->feats[i];
            total++;
        }
        free(f);
        free(scratch);
    }
    return total ? 100.0 * (double)right / (double)total : 0;
}

double syn_morph_train(const syn_morph_train_args *a, syn_writer *out)
{
    const syn_corpus *tc = a->train;
    syn_strings_write(a->feats, a->nfeats, syn_writer_section(out, SYN_ID('F', 'E', 'A', 'T')));
    sr_buf *cb = syn_writer_section(out, SYN_ID('F', 'C', 'A', 'N'));
    write_candidates(tc, a->ntags, a->nfeats, cb);
    syn_morph mo = {0};
    mo.cand = (const uint32_t *)cb->data;
    mo.cand_list = (const uint16_t *)(mo.cand + 2 + 2 * a->ntags);
    lin_trainer *tr = lint_new(a->nfeats);
    uint32_t *order = sr_xmalloc((tc->n + 1) * sizeof *order);
    for (size_t i = 0; i < tc->n; i++)
        order[i] = (uint32_t)i;
    uint64_t rng = a->seed ^ 0x6d6f727068ULL;
    uint64_t keys[MAX_MFEATS];
    int32_t *scores = sr_xmalloc(a->nfeats * sizeof *scores);
    sr_buf best;
    sr_buf_init(&best);
    double best_acc = -1;
    unsigned best_epoch = 0;
    for (unsigned ep = 1; ep <= a->epochs; ep++) {
        syn_shuffle(order, tc->n, &rng);
        for (size_t oi = 0; oi < tc->n; oi++) {
            const syn_sent *x = &tc->s[order[oi]];
            uint32_t *first = sr_xmalloc(2 * (x->n + 2) * sizeof *first);
            kids k;
            make_kids(x->head, x->n, &k, first, first + x->n + 2);
            for (uint32_t i = 1; i <= x->n; i++) {
                uint16_t t = x->w[i].tag, gold = x->feats[i];
                const uint32_t *cnd = mo.cand + 1 + 2 * (size_t)t;
                if (t >= a->ntags || cnd[1] < 2 || gold == SYN_NO_FEATS)
                    continue;
                size_t m = features(x->w, x->n, i, x->head, x->label, &k, keys);
                memset(scores, 0, a->nfeats * sizeof *scores);
                lint_score(tr, keys, m, scores);
                uint16_t guess = best_candidate(&mo, t, scores);
                bool gold_ok = false;
                for (uint32_t j = 0; j < cnd[1]; j++)
                    gold_ok |= mo.cand_list[cnd[0] + j] == gold;
                if (gold_ok && guess != gold)
                    lint_update(tr, keys, m, gold, guess);
                lint_tick(tr);
            }
            free(first);
        }
        bool last = ep == a->epochs;
        if (!a->dev && !last)
            continue;
        sr_buf cur;
        sr_buf_init(&cur);
        lint_write(tr, SYN_MIN_WEIGHT, &cur);
        double acc = -1;
        if (a->dev) {
            const char *why;
            if (!lin_view(&mo.w, cur.data, cur.len, &why))
                sr_fatal("morphology: %s", why);
            acc = morph_corpus(&mo, a->dev, a->dev_heads, a->dev_labels);
            if (a->log)
                fprintf(a->log, "morphology: epoch %u: dev FEATS accuracy %.2f%%\n", ep, acc);
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
    if (a->log)
        fprintf(a->log, "morphology: kept epoch %u\n", best_epoch);
    sr_buf *mw = syn_writer_section(out, SYN_ID('M', 'O', 'R', 'W'));
    sr_buf_reset(mw);
    sr_buf_put(mw, best.data, best.len);
    sr_buf_free(&best);
    free(scores);
    free(order);
    lint_free(tr);
    return best_acc;
}
