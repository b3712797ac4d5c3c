/*
 * parser.c — labelled dependency trees: an arc-hybrid transition parser.
 *
 * The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta
 * 2011) with the root at the end of the buffer: a stack of words, a buffer
 * of words followed by ROOT, and three kinds of action:
 *
 *   SHIFT      move the buffer's first word b0 to the stack
 *   LEFT(l)    s0 becomes a dependent of b0 with label l; pop s0
 *   RIGHT(l)   s0 becomes a dependent of s1 with label l; pop s0
 *
 * LEFT with ROOT as b0 is allowed only when s0 is the last word on the
 * stack, with the label `root`, so every parse is one tree with one root and
 * every word gets a head in exactly 2n actions: the parser cannot get stuck,
 * and its time is linear in the sentence length, whatever the length.
 *
 * The model is an averaged perceptron over rich feature templates adapted
 * from Zhang and Nivre (2011): words, tags and lemmas of the top of the
 * stack and the buffer, their leftmost and rightmost children and those
 * children's labels, distances, valencies and label sets. It is trained
 * with the dynamic oracle of Goldberg and Nivre (2013): at every state the
 * cost of each action is the number of gold arcs it makes unreachable, the
 * model is updated when its choice costs more than the best, and from the
 * second epoch on it follows its own (wrong) choices 90% of the time, so it
 * learns to recover from its mistakes. Arc-hybrid builds projective trees;
 * the few non-projective training trees are projectivised by lifting the
 * shortest crossing arc to the head's head until none crosses.
 *
 * Sections: LABL (labels), PARW (weights over 1 + 2 * nlabels actions).
 */
#include "syntax.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PFEATS 160
#define MAX_LABELS 250
#define EXPLORE_FROM 2       /* epoch from which mistakes are followed */
#define EXPLORE_P 0.9
#define MIN_WEIGHT SYN_MIN_WEIGHT
/* Room for the rows of the parser's most frequent features in the hot
 * table of its weights (linear.c). Measured on EWT train (CPU time of
 * `parse --tokenized`, alternating runs, 2026-12-04): 16 MB (all 811,699
 * keys of the shipped model: 15 MB of rows) is about 10% faster than 6 MB
 * (157,000 keys), which is faster than 2 MB and 1 MB; a lookup in the hot
 * table reads a bucket and a row, one in the cold table a directory entry,
 * a page and often a second line. */
#ifndef PARSER_HOT_BYTES
#define PARSER_HOT_BYTES (16u << 20)
#endif

enum { SHIFT = 0 };
enum { P_NONE = 0xfff0, P_ROOT = 0xfff1, L_NONE = 0xfff2 };

/* A parser state. All its arrays live in one block, so copying a state
 * (beam search) is one memcpy. */
typedef struct pstate {
    uint32_t n;
    uint32_t sp;
    uint32_t b;              /* buffer front; n + 1 is ROOT */
    void *mem;
    size_t memsize;
    uint32_t *stack;
    uint32_t *head;          /* [1..n]; 0 = none yet; n + 1 = ROOT */
    uint32_t *lc1, *lc2, *rc1, *rc2;   /* children, 0 = none */
    uint64_t *ls, *rs;       /* label sets */
    uint16_t *label;
    uint8_t *nl, *nr;        /* valencies (capped) */
} pstate;

static size_t state_bytes(uint32_t n)
{
    size_t m = (size_t)n + 2;
    return m * (6 * sizeof(uint32_t) + 2 * sizeof(uint64_t) + sizeof(uint16_t) + 2);
}

/* Point the arrays into `mem` (zeroed, state_bytes(n) long). */
static void state_bind(pstate *s, uint32_t n, void *mem)
{
    size_t m = (size_t)n + 2;
    s->n = n;
    s->mem = mem;
    s->memsize = state_bytes(n);
    uint64_t *p64 = mem;
    s->ls = p64;
    s->rs = p64 + m;
    uint32_t *p32 = (uint32_t *)(p64 + 2 * m);
    s->stack = p32;
    s->head = p32 + m;
    s->lc1 = p32 + 2 * m;
    s->lc2 = p32 + 3 * m;
    s->rc1 = p32 + 4 * m;
    s->rc2 = p32 + 5 * m;
    s->label = (uint16_t *)(p32 + 6 * m);
    s->nl = (uint8_t *)(s->label + m);
    s->nr = s->nl + m;
    s->sp = 0;
    s->b = 1;
}

static void state_init(pstate *s, uint32_t n, void *(*alloc)(void *, size_t),
                       void *ctx)
{
    state_bind(s, n, alloc(ctx, state_bytes(n)));
}

static void state_free(pstate *s)
{
    free(s->mem);
}

static void state_copy(pstate *dst, const pstate *src)
{
    memcpy(dst->mem, src->mem, src->memsize);
    dst->sp = src->sp;
    dst->b = src->b;
}

static bool terminal(const pstate *s)
{
    return s->sp == 0 && s->b == s->n + 1;
}

static void add_arc(pstate *s, uint32_t h, uint32_t d, uint16_t l)
{
    s->head[d] = h;
    s->label[d] = l;
    uint64_t bit = 1ULL << (l % 64);
    if (d < h) {
        if (!s->lc1[h] || d < s->lc1[h]) {
            s->lc2[h] = s->lc1[h];
            s->lc1[h] = d;
        } else if (!s->lc2[h] || d < s->lc2[h]) {
            s->lc2[h] = d;
        }
        if (s->nl[h] < 255)
            s->nl[h]++;
        s->ls[h] |= bit;
    } else {
        if (!s->rc1[h] || d > s->rc1[h]) {
            s->rc2[h] = s->rc1[h];
            s->rc1[h] = d;
        } else if (!s->rc2[h] || d > s->rc2[h]) {
            s->rc2[h] = d;
        }
        if (s->nr[h] < 255)
            s->nr[h]++;
        s->rs[h] |= bit;
    }
}

/* Actions: 0 SHIFT, 1 + l LEFT(l), 1 + L + l RIGHT(l). */
static void apply(pstate *s, uint32_t action, uint32_t nlabels)
{
    if (action == SHIFT) {
        s->stack[s->sp++] = s->b++;
    } else if (action <= nlabels) {
        uint32_t d = s->stack[--s->sp];
        add_arc(s, s->b, d, (uint16_t)(action - 1));
    } else {
        uint32_t d = s->stack[--s->sp];
        add_arc(s, s->stack[s->sp - 1], d, (uint16_t)(action - 1 - nlabels));
    }
}

/* Which kinds of action are legal: bit 0 SHIFT, 1 LEFT, 2 RIGHT. LEFT onto
 * ROOT takes only the root label, other arcs any label but root. */
static unsigned legal(const pstate *s)
{
    unsigned m = 0;
    if (s->b <= s->n)
        m |= 1;
    if (s->sp >= 1 && (s->b <= s->n || s->sp == 1))
        m |= 2;
    if (s->sp >= 2)
        m |= 4;
    return m;
}

static bool action_legal(const pstate *s, unsigned kinds, uint32_t a,
                         uint32_t nlabels, uint32_t root)
{
    if (a == SHIFT)
        return kinds & 1;
    if (a <= nlabels) {
        if (!(kinds & 2))
            return false;
        bool onto_root = s->b == s->n + 1;
        return onto_root == (a - 1 == root);
    }
    return (kinds & 4) && a - 1 - nlabels != root;
}

/* ---- features ----------------------------------------------------------- */

static uint32_t dist_bucket(uint32_t d)
{
    static const uint8_t b[] = {0, 1, 2, 3, 4, 5, 5, 6, 6, 6, 6};
    return d < sizeof b ? b[d] : d < 20 ? 7 : 8;
}

typedef struct fctx {
    const syn_word *w;
    const pstate *s;
    uint32_t n;
} fctx;

static uint64_t W(const fctx *c, uint32_t i)
{
    if (i == 0)
        return 0x4e4f4e45ULL;
    if (i == c->n + 1)
        return 0x524f4f54ULL;
    return c->w[i].lower;
}

static uint64_t P(const fctx *c, uint32_t i)
{
    if (i == 0)
        return P_NONE;
    if (i == c->n + 1)
        return P_ROOT;
    return c->w[i].tag;
}

static uint64_t LM(const fctx *c, uint32_t i)
{
    if (i == 0 || i == c->n + 1)
        return P(c, i);
    return c->w[i].lemma;
}

static uint64_t L(const fctx *c, uint32_t i)
{
    return i == 0 ? L_NONE : c->s->label[i];
}

#define K1(t, a) (k[m++] = syn_key1((t), (a)))
#define K2(t, a, b) (k[m++] = syn_key2((t), (a), (b)))
#define K3(t, a, b, c3) (k[m++] = syn_key3((t), (a), (b), (c3)))

static size_t features(const fctx *c, uint64_t *k)
{
    const pstate *s = c->s;
    uint32_t n = c->n;
    size_t m = 0;
    uint32_t s0 = s->sp > 0 ? s->stack[s->sp - 1] : 0;
    uint32_t s1 = s->sp > 1 ? s->stack[s->sp - 2] : 0;
    uint32_t s2 = s->sp > 2 ? s->stack[s->sp - 3] : 0;
    uint32_t b0 = s->b;
    uint32_t b1 = b0 <= n ? b0 + 1 : 0;
    uint32_t b2 = b0 + 1 <= n ? b0 + 2 : 0;
    uint64_t s0w = W(c, s0), s0p = P(c, s0), s1w = W(c, s1), s1p = P(c, s1);
    uint64_t b0w = W(c, b0), b0p = P(c, b0), b1w = W(c, b1), b1p = P(c, b1);
    uint64_t s2p = P(c, s2), b2p = P(c, b2), b2w = W(c, b2);
    uint64_t s0wp = syn_mix(s0w + s0p), s1wp = syn_mix(s1w + s1p);
    uint64_t b0wp = syn_mix(b0w + b0p), b1wp = syn_mix(b1w + b1p);
    uint32_t s0l = s0 ? s->lc1[s0] : 0, s0r = s0 ? s->rc1[s0] : 0;
    uint32_t s0l2 = s0 ? s->lc2[s0] : 0, s0r2 = s0 ? s->rc2[s0] : 0;
    uint32_t s1l = s1 ? s->lc1[s1] : 0, s1r = s1 ? s->rc1[s1] : 0;
    uint32_t s1r2 = s1 ? s->rc2[s1] : 0;
    uint32_t b0l = b0 <= n ? s->lc1[b0] : 0, b0l2 = b0 <= n ? s->lc2[b0] : 0;
    uint64_t d1 = s0 ? dist_bucket(b0 - s0) : 9, d2 = s1 ? dist_bucket(s0 - s1) : 9;
    uint64_t s0vl = s0 ? s->nl[s0] : 0, s0vr = s0 ? s->nr[s0] : 0;
    uint64_t s1vl = s1 ? s->nl[s1] : 0, s1vr = s1 ? s->nr[s1] : 0;
    uint64_t b0vl = b0 <= n ? s->nl[b0] : 0;
    uint64_t s0sl = s0 ? s->ls[s0] : 0, s0sr = s0 ? s->rs[s0] : 0;
    uint64_t s1sr = s1 ? s->rs[s1] : 0, b0sl = b0 <= n ? s->ls[b0] : 0;

    K1(1, 0);
    /* single words */
    K1(2, s0wp); K1(3, s0w); K1(4, s0p);
    K1(5, s1wp); K1(6, s1w); K1(7, s1p);
    K1(8, b0wp); K1(9, b0w); K1(10, b0p);
    K1(11, b1wp); K1(12, b1w); K1(13, b1p);
    K2(14, b2w, b2p); K1(15, b2p); K1(16, s2p); K2(17, W(c, s2), s2p);
    K1(18, LM(c, s0)); K1(19, LM(c, b0)); K1(20, LM(c, s1));
    /* pairs */
    K2(21, s0wp, b0wp); K2(22, s0wp, b0w); K2(23, s0w, b0wp);
    K2(24, s0wp, b0p); K2(25, s0p, b0wp); K2(26, s0w, b0w);
    K2(27, s0p, b0p); K2(28, b0p, b1p);
    K2(29, s1wp, s0wp); K2(30, s1wp, s0w); K2(31, s1w, s0wp);
    K2(32, s1wp, s0p); K2(33, s1p, s0wp); K2(34, s1w, s0w);
    K2(35, s1p, s0p); K2(36, s1p, b0p); K2(37, LM(c, s1), LM(c, s0));
    K2(38, LM(c, s0), LM(c, b0));
    /* triples */
    K3(40, b0p, b1p, b2p); K3(41, s0p, b0p, b1p); K3(42, s1p, s0p, b0p);
    K3(43, s2p, s1p, s0p); K3(44, s0p, P(c, s0l), b0p);
    K3(45, s0p, P(c, s0r), b0p); K3(46, s0p, b0p, P(c, b0l));
    K3(47, s1p, P(c, s1r), s0p); K3(48, s1p, s0p, P(c, s0l));
    K3(49, s1p, s0p, P(c, s0r)); K3(50, s1p, P(c, s1l), s0p);
    K3(51, s1w, s0p, b0p); K3(52, s1p, s0w, b0p); K3(53, s1p, s0p, b0w);
    K3(54, s0w, b0p, b1p); K3(55, s0p, b0w, b1p); K3(56, s0p, b0p, b1w);
    /* distances */
    K2(60, s0w, d1); K2(61, s0p, d1); K2(62, b0w, d1); K2(63, b0p, d1);
    K3(64, s0w, b0w, d1); K3(65, s0p, b0p, d1);
    K2(66, s1w, d2); K2(67, s1p, d2); K2(68, s0w, d2); K2(69, s0p, d2);
    K3(70, s1w, s0w, d2); K3(71, s1p, s0p, d2);
    /* valencies */
    K2(80, s0w, s0vl); K2(81, s0p, s0vl); K2(82, s0w, s0vr); K2(83, s0p, s0vr);
    K2(84, b0w, b0vl); K2(85, b0p, b0vl); K2(86, s1w, s1vr); K2(87, s1p, s1vr);
    K2(88, s1w, s1vl); K2(89, s1p, s1vl);
    /* children */
    K1(90, W(c, s0l)); K1(91, P(c, s0l)); K1(92, L(c, s0l));
    K1(93, W(c, s0r)); K1(94, P(c, s0r)); K1(95, L(c, s0r));
    K1(96, W(c, b0l)); K1(97, P(c, b0l)); K1(98, L(c, b0l));
    K1(99, W(c, s1r)); K1(100, P(c, s1r)); K1(101, L(c, s1r));
    K1(102, W(c, s1l)); K1(103, P(c, s1l)); K1(104, L(c, s1l));
    K2(105, s0p, L(c, s0l)); K2(106, s0p, L(c, s0r)); K2(107, b0p, L(c, b0l));
    K2(108, s1p, L(c, s1r)); K2(109, s1p, L(c, s1l));
    /* second children */
    K1(110, W(c, s0l2)); K1(111, P(c, s0l2)); K1(112, L(c, s0l2));
    K1(113, W(c, s0r2)); K1(114, P(c, s0r2)); K1(115, L(c, s0r2));
    K1(116, W(c, b0l2)); K1(117, P(c, b0l2)); K1(118, L(c, b0l2));
    K3(119, s0p, P(c, s0l), P(c, s0l2)); K3(120, s0p, P(c, s0r), P(c, s0r2));
    K3(121, b0p, P(c, b0l), P(c, b0l2)); K3(122, s1p, P(c, s1r), P(c, s1r2));
    K3(123, s0p, L(c, s0l), L(c, s0l2)); K3(124, s0p, L(c, s0r), L(c, s0r2));
    /* label sets */
    K2(130, s0w, s0sl); K2(131, s0p, s0sl); K2(132, s0w, s0sr); K2(133, s0p, s0sr);
    K2(134, b0w, b0sl); K2(135, b0p, b0sl); K2(136, s1w, s1sr); K2(137, s1p, s1sr);
    /* word clusters */
    const syn_word *cw = c->w;
    if (s0 && s0 <= n && cw[s0].clen) {
        K1(140, cw[s0].cluster);
        K2(141, cw[s0].cluster, b0p);
    }
    if (b0 <= n && cw[b0].clen) {
        K1(142, cw[b0].cluster);
        K2(143, s0p, cw[b0].cluster);
    }
    if (s1 && cw[s1].clen) {
        K1(144, cw[s1].cluster);
        K2(145, cw[s1].cluster, s0p);
    }
    return m;
}

/* ---- decoding ----------------------------------------------------------- */

static uint32_t best_legal(const pstate *s, const int32_t *scores,
                           uint32_t nactions, uint32_t nlabels, uint32_t root)
{
    unsigned kinds = legal(s);
    uint32_t best = UINT32_MAX;
    for (uint32_t a = 0; a < nactions; a++) {
        if (!action_legal(s, kinds, a, nlabels, root))
            continue;
        if (best == UINT32_MAX || scores[a] > scores[best])
            best = a;
    }
    return best;
}

/* ---- beam search -------------------------------------------------------- */

/* A candidate successor: parent item, action, total score. */
typedef struct cand {
    double score;
    uint32_t parent, action;
} cand;

/* Keep the best `max` candidates in `top` (sorted, best first; ties keep
 * the earlier candidate, so decoding is deterministic). */
static void offer(cand *top, uint32_t *ntop, uint32_t max, cand c)
{
    uint32_t k = *ntop;
    if (k == max) {
        if (!(c.score > top[max - 1].score))
            return;
        k = max - 1;
    } else {
        (*ntop)++;
    }
    while (k > 0 && c.score > top[k - 1].score) {
        top[k] = top[k - 1];
        k--;
    }
    top[k] = c;
}

/* Beams of at most this many items sum shared rows by set of items (see
 * beam_score). */
#define BEAM_SET_ITEMS 6

typedef struct beam {
    uint32_t size, n, nactions, nlabels, root;
    pstate *cur, *next;
    double *score, *nscore;
    uint32_t ncur;
    uint64_t *keys;          /* size x MAX_PFEATS */
    size_t *nkeys;
    int32_t *scores;         /* 64 x nactions: items, then sets of items */
    uint8_t *slot;           /* 2^BEAM_SET_ITEMS: a set's vector, 0 = none */
    uint32_t *setof;         /* 64: the set of each of those vectors */
    uint64_t *own, *to;      /* size x MAX_PFEATS keys, their items */
    cand *top;
    void *block;             /* all of the above */
} beam;

/* The next `bytes` of the block at *at, 64-byte aligned. */
static void *carve(unsigned char **at, size_t bytes)
{
    void *p = *at;
    *at += (bytes + 63) & ~(size_t)63;
    return p;
}

/* Bytes of one block holding all of a beam's arrays (see beam_init). */
static size_t beam_bytes(uint32_t size, uint32_t n, uint32_t nactions)
{
    size_t s = size, r = 0;
    r += 2 * (((s * sizeof(pstate)) + 63) & ~(size_t)63);
    r += 2 * s * ((state_bytes(n) + 63) & ~(size_t)63);
    r += 2 * (((s * sizeof(double)) + 63) & ~(size_t)63);
    r += 3 * s * MAX_PFEATS * sizeof(uint64_t);
    r += ((s * sizeof(size_t)) + 63) & ~(size_t)63;
    r += ((64 * (size_t)nactions * sizeof(int32_t)) + 63) & ~(size_t)63;
    r += ((size_t)1 << BEAM_SET_ITEMS) + 64 * sizeof(uint32_t);
    r += 128;
    r += ((s * sizeof(cand)) + 63) & ~(size_t)63;
    return r;
}

/* Lay the beam's arrays out in `block` (beam_bytes long, 64-byte aligned,
 * any content): only the first item's state, where the search starts, is
 * zeroed; every other array is written before it is read. */
static void beam_bind(beam *bm, uint32_t size, uint32_t n, uint32_t nlabels,
                      uint32_t root, void *block)
{
    unsigned char *at = block;
    bm->size = size;
    bm->n = n;
    bm->nlabels = nlabels;
    bm->nactions = 1 + 2 * nlabels;
    bm->root = root;
    bm->block = block;
    bm->cur = carve(&at, size * sizeof *bm->cur);
    bm->next = carve(&at, size * sizeof *bm->next);
    for (uint32_t i = 0; i < size; i++) {
        state_bind(&bm->cur[i], n, carve(&at, state_bytes(n)));
        state_bind(&bm->next[i], n, carve(&at, state_bytes(n)));
    }
    memset(bm->cur[0].mem, 0, bm->cur[0].memsize);
    bm->score = carve(&at, size * sizeof *bm->score);
    bm->nscore = carve(&at, size * sizeof *bm->nscore);
    bm->keys = carve(&at, (size_t)size * MAX_PFEATS * sizeof *bm->keys);
    bm->own = carve(&at, (size_t)size * MAX_PFEATS * sizeof *bm->own);
    bm->to = carve(&at, (size_t)size * MAX_PFEATS * sizeof *bm->to);
    bm->nkeys = carve(&at, size * sizeof *bm->nkeys);
    bm->scores = carve(&at, 64 * (size_t)bm->nactions * sizeof *bm->scores);
    bm->slot = carve(&at, (size_t)1 << BEAM_SET_ITEMS);
    bm->setof = carve(&at, 64 * sizeof *bm->setof);
    bm->top = carve(&at, size * sizeof *bm->top);
    bm->ncur = 1;
    bm->score[0] = 0;
}

/* A beam in a block of its own (training; beam_free frees it). */
static void beam_init(beam *bm, uint32_t size, uint32_t n, uint32_t nlabels,
                      uint32_t root)
{
    size_t bytes = beam_bytes(size, n, 1 + 2 * nlabels);
    void *block = NULL;
    if (posix_memalign(&block, 64, bytes) != 0)
        sr_fatal("out of memory (%zu bytes for a beam)", bytes);
    beam_bind(bm, size, n, nlabels, root, block);
}

static void beam_free(beam *bm)
{
    free(bm->block);
}

/* Features of every item of the beam. */
static void beam_features(beam *bm, const syn_word *w)
{
    for (uint32_t i = 0; i < bm->ncur; i++) {
        fctx c = {w, &bm->cur[i], bm->n};
        bm->nkeys[i] = features(&c, bm->keys + (size_t)i * MAX_PFEATS);
    }
}

/* Scores of every item of the beam (features already in bm->keys). The
 * items of a step mostly share their words and many of their children, so
 * a feature template often gives several items the same key. Each distinct
 * key of a template is looked up once; its row goes to the score vector of
 * the set of items that have it (an item's own vector when it alone has
 * it), and each set's vector is then added to the vectors of its items, so
 * a row several items share is added once (rows have a dozen to a hundred
 * weights, a set's vector is added with a few vector instructions). The
 * sums are exact integers, so the scores are those of scoring every item on
 * its own. */
static void beam_score(beam *bm, const lin_model *w)
{
    uint32_t items = bm->ncur, na = bm->nactions;
    memset(bm->scores, 0, (size_t)items * na * sizeof *bm->scores);
    if (items == 1) {
        lin_score(w, bm->keys, bm->nkeys[0], bm->scores);
        return;
    }
    size_t most = 0;
    for (uint32_t i = 0; i < items; i++)
        if (bm->nkeys[i] > most)
            most = bm->nkeys[i];
    /* destination d of a key: bit d of its `to`; 0..items-1 the items'
     * vectors, then one vector per set of two or more items, numbered as
     * they turn up (slot[set]; at most 64 destinations: past them, or when
     * there are more than BEAM_SET_ITEMS items, a row goes to each of its
     * items) */
    uint32_t nsets = 0;
    uint8_t *slot = bm->slot;
    uint32_t *setof = bm->setof;
    if (items <= BEAM_SET_ITEMS)
        memset(slot, 0, (size_t)1 << items);
    size_t nk = 0;
    for (size_t j = 0; j < most; j++) {
        size_t first = nk;
        for (uint32_t i = 0; i < items; i++) {
            if (j >= bm->nkeys[i])
                continue;
            uint64_t k = bm->keys[(size_t)i * MAX_PFEATS + j];
            size_t q = first;
            while (q < nk && bm->own[q] != k)
                q++;
            if (q == nk) {
                bm->own[nk] = k;
                bm->to[nk++] = 0;
            }
            bm->to[q] |= 1ULL << i;
        }
        if (items > BEAM_SET_ITEMS)
            continue;
        for (size_t q = first; q < nk; q++) {
            uint64_t set = bm->to[q];
            if (!(set & (set - 1)))
                continue;
            if (!slot[set]) {
                if (items + nsets == 64)
                    continue;
                slot[set] = (uint8_t)(items + nsets);
                setof[nsets++] = (uint32_t)set;
                memset(bm->scores + (size_t)slot[set] * na, 0, na * sizeof *bm->scores);
            }
            bm->to[q] = 1ULL << slot[set];
        }
    }
    lin_score_sets(w, bm->own, bm->to, nk, bm->scores);
    for (uint32_t s = 0; s < nsets; s++) {
        const int32_t *v = bm->scores + ((size_t)items + s) * na;
        for (uint32_t set = setof[s]; set; set &= set - 1)
            lin_add_vec(bm->scores + (size_t)__builtin_ctz(set) * na, v, na);
    }
}

/* One step: expand every item by its legal actions (scores already in
 * bm->scores), keep the best, apply. Returns the number kept. */
static uint32_t beam_step(beam *bm)
{
    uint32_t ntop = 0;
    for (uint32_t i = 0; i < bm->ncur; i++) {
        const pstate *st = &bm->cur[i];
        unsigned kinds = legal(st);
        const int32_t *sc = bm->scores + (size_t)i * bm->nactions;
        for (uint32_t a = 0; a < bm->nactions; a++)
            if (action_legal(st, kinds, a, bm->nlabels, bm->root))
                offer(bm->top, &ntop, bm->size, (cand){bm->score[i] + sc[a], i, a});
    }
    for (uint32_t j = 0; j < ntop; j++) {
        state_copy(&bm->next[j], &bm->cur[bm->top[j].parent]);
        apply(&bm->next[j], bm->top[j].action, bm->nlabels);
        bm->nscore[j] = bm->top[j].score;
    }
    pstate *t = bm->cur;
    bm->cur = bm->next;
    bm->next = t;
    double *d = bm->score;
    bm->score = bm->nscore;
    bm->nscore = d;
    bm->ncur = ntop;
    return ntop;
}

static void *scratch_alloc(void *ctx, size_t n)
{
    return sr_arena_alloc(ctx, n);
}

static void *heap_alloc(void *ctx, size_t n)
{
    (void)ctx;
    return sr_xcalloc(1, n ? n : 1);
}

static void greedy_parse(const syn_parser *p, const syn_word *w, uint32_t n,
                         pstate *s)
{
    uint32_t nlabels = p->labels.n, nactions = 1 + 2 * nlabels;
    int32_t scores[1 + 2 * MAX_LABELS];
    uint64_t keys[MAX_PFEATS];
    fctx c = {w, s, n};
    while (!terminal(s)) {
        /* one legal action (SHIFT onto an empty stack, the last word onto
         * ROOT): taken without scoring, as scoring would take it */
        unsigned kinds = legal(s);
        if (kinds == 1 || (kinds == 2 && s->b == n + 1)) {
            apply(s, kinds == 1 ? SHIFT : 1 + p->root_label, nlabels);
            continue;
        }
        size_t m = features(&c, keys);
        memset(scores, 0, nactions * sizeof *scores);
        lin_score(&p->w, keys, m, scores);
        apply(s, best_legal(s, scores, nactions, nlabels, p->root_label), nlabels);
    }
}

void syn_parse_mem_free(syn_parse_mem *mem)
{
    free(mem->block);
    mem->block = NULL;
    mem->cap = 0;
}

/* The block of a beam for n words: mem's, grown when it is too small, or
 * (no mem) one from the scratch arena. */
static void *beam_block(syn_parse_mem *mem, sr_arena *scratch, size_t bytes)
{
    if (!mem) {
        unsigned char *p = sr_arena_alloc_raw(scratch, bytes + 63);
        return (void *)(((uintptr_t)p + 63) & ~(uintptr_t)63);
    }
    if (mem->cap < bytes) {
        free(mem->block);
        mem->block = NULL;
        size_t cap = bytes + bytes / 2;
        if (posix_memalign(&mem->block, 64, cap) != 0)
            sr_fatal("out of memory (%zu bytes for a beam)", cap);
        mem->cap = cap;
    }
    return mem->block;
}

void syn_parse(const syn_parser *p, const syn_word *w, uint32_t n,
               uint32_t *head, uint16_t *label, sr_arena *scratch,
               syn_parse_mem *mem)
{
    pstate s;
    if (p->beam <= 1 || n > SYN_BEAM_MAX_WORDS) {
        state_init(&s, n, scratch_alloc, scratch);
        greedy_parse(p, w, n, &s);
    } else {
        beam bm;
        uint32_t nlabels = p->labels.n;
        void *block = beam_block(mem, scratch, beam_bytes(p->beam, n, 1 + 2 * nlabels));
        beam_bind(&bm, p->beam, n, nlabels, p->root_label, block);
        while (!terminal(&bm.cur[0])) {
            beam_features(&bm, w);
            beam_score(&bm, &p->w);
            beam_step(&bm);
        }
        s = bm.cur[0];
    }
    for (uint32_t i = 1; i <= n; i++) {
        head[i] = s.head[i] == n + 1 ? 0 : s.head[i];
        label[i] = s.label[i];
    }
}

bool syn_parser_load(sr_model *m, const void *file, size_t n, const char **why)
{
    size_t len;
    const void *p = syn_section(file, n, SYN_ID('L', 'A', 'B', 'L'), &len);
    if (!p) {
        *why = "no label set (section LABL)";
        return false;
    }
    syn_parser *ps = &m->parser;
    if (!syn_strings_view(&ps->labels, p, len, why))
        return false;
    if (ps->labels.n == 0 || ps->labels.n > MAX_LABELS) {
        *why = "label set size out of range";
        return false;
    }
    ps->root_label = UINT32_MAX;
    for (uint32_t i = 0; i < ps->labels.n; i++)
        if (strcmp(syn_string(&ps->labels, i), "root") == 0)
            ps->root_label = i;
    if (ps->root_label == UINT32_MAX) {
        *why = "the label set has no 'root'";
        return false;
    }
    p = syn_section(file, n, SYN_ID('P', 'C', 'F', 'G'), &len);
    ps->beam = 1;
    if (p && len != 4) {
        *why = "parser settings (section PCFG) have the wrong size";
        return false;
    }
    if (p)
        memcpy(&ps->beam, p, 4);
    if (ps->beam < 1 || ps->beam > 64) {
        *why = "parser beam width out of range";
        return false;
    }
    p = syn_section(file, n, SYN_ID('P', 'A', 'R', 'W'), &len);
    if (!p) {
        *why = "no parser weights (section PARW)";
        return false;
    }
    if (!lin_view(&ps->w, p, len, why))
        return false;
    if (ps->w.nclasses != 1 + 2 * ps->labels.n) {
        *why = "parser actions do not match the label set";
        return false;
    }
    return true;
}

/* ---- projectivisation --------------------------------------------------- */

/* Does the arc (h, d) cross another arc of the tree? Heads 1-based, 0 =
 * root (treated as position 0). */
static bool crosses(const uint32_t *head, uint32_t n, uint32_t d)
{
    uint32_t h = head[d];
    uint32_t lo = h < d ? h : d, hi = h < d ? d : h;
    for (uint32_t i = lo + 1; i < hi; i++) {
        /* every word strictly inside must be dominated by h */
        uint32_t k = i, steps = 0;
        while (k != 0 && k != h && steps++ <= n)
            k = head[k];
        if (k != h)
            return true;
    }
    return false;
}

/* Lift the shortest non-projective arc to the grandparent until none is
 * left. */
static void projectivize(uint32_t *head, uint32_t n)
{
    for (uint32_t guard = 0; guard < 4 * n + 4; guard++) {
        uint32_t best = 0, best_len = UINT32_MAX;
        for (uint32_t d = 1; d <= n; d++) {
            if (head[d] == 0)
                continue;
            uint32_t len = head[d] < d ? d - head[d] : head[d] - d;
            if (len < best_len && crosses(head, n, d)) {
                best = d;
                best_len = len;
            }
        }
        if (!best)
            return;
        head[best] = head[head[best]];
    }
}

/* ---- training with the dynamic oracle ----------------------------------- */

typedef struct oracle {
    const uint32_t *gh;      /* gold head, n + 1 for root, projective */
    const uint16_t *gl;      /* gold label */
    uint32_t *deps_in_buf;   /* per word: gold dependents still in buffer */
} oracle;

static bool in_stack_below(const pstate *s, uint32_t x, uint32_t from)
{
    /* is x on the stack at depth >= from (0 = top)? */
    for (uint32_t i = from; i < s->sp; i++)
        if (s->stack[s->sp - 1 - i] == x)
            return true;
    return false;
}

/* Costs of SHIFT, LEFT and RIGHT (unlabelled) in the current state. */
static void costs(const pstate *s, const oracle *o, int c[3])
{
    uint32_t n = s->n, b = s->b;
    c[0] = c[1] = c[2] = 0;
    if (b <= n) {
        /* SHIFT: b loses heads deeper than s0 and its dependents on the
         * stack */
        if (s->sp >= 2 && in_stack_below(s, o->gh[b], 1))
            c[0]++;
        for (uint32_t i = 0; i < s->sp; i++)
            if (o->gh[s->stack[i]] == b)
                c[0]++;
    }
    if (s->sp >= 1) {
        uint32_t s0 = s->stack[s->sp - 1];
        uint32_t s1 = s->sp >= 2 ? s->stack[s->sp - 2] : 0;
        int deps = (int)o->deps_in_buf[s0];
        uint32_t h = o->gh[s0];
        bool h_in_buf = h >= b;     /* includes ROOT (n + 1) */
        /* LEFT: head b; loses s1 and buffer heads beyond b */
        c[1] = deps + ((h != b && (h_in_buf || (s1 && h == s1))) ? 1 : 0);
        /* RIGHT: head s1; loses buffer heads */
        c[2] = deps + ((h != s1 && h_in_buf) ? 1 : 0);
    }
}

typedef struct trainer {
    lin_trainer *lt;
    uint32_t nlabels, nactions, root, beam;
    uint64_t rng;
    unsigned epoch;
    size_t updates, steps;
} trainer;

static void train_sentence(trainer *t, const syn_sent *x, const uint32_t *gh)
{
    uint32_t n = x->n;
    pstate s;
    state_init(&s, n, heap_alloc, NULL);
    uint32_t *deps = sr_xcalloc(n + 2, sizeof *deps);
    for (uint32_t i = 1; i <= n; i++)
        if (gh[i] <= n)
            deps[gh[i]]++;
    oracle o = {gh, x->label, deps};
    int32_t scores[1 + 2 * MAX_LABELS];
    uint64_t keys[MAX_PFEATS];
    fctx c = {x->w, &s, n};
    while (!terminal(&s)) {
        size_t m = features(&c, keys);
        memset(scores, 0, t->nactions * sizeof *scores);
        lint_score(t->lt, keys, m, scores);
        int cost3[3];
        costs(&s, &o, cost3);
        unsigned kinds = legal(&s);
        uint32_t pred = UINT32_MAX, gold = UINT32_MAX;
        int best_cost = 1 << 30;
        int acost[1 + 2 * MAX_LABELS];
        for (uint32_t a = 0; a < t->nactions; a++) {
            if (!action_legal(&s, kinds, a, t->nlabels, t->root)) {
                acost[a] = -1;
                continue;
            }
            int kind = a == 0 ? 0 : a <= t->nlabels ? 1 : 2;
            uint32_t l = kind == 1 ? a - 1 : a - 1 - t->nlabels;
            int cst = cost3[kind];
            if (kind && s.sp && l != o.gl[s.stack[s.sp - 1]])
                cst++;
            acost[a] = cst;
            if (cst < best_cost)
                best_cost = cst;
            if (pred == UINT32_MAX || scores[a] > scores[pred])
                pred = a;
        }
        for (uint32_t a = 0; a < t->nactions; a++)
            if (acost[a] == best_cost && (gold == UINT32_MAX || scores[a] > scores[gold]))
                gold = a;
        uint32_t next = gold;
        if (acost[pred] != best_cost) {
            lint_update(t->lt, keys, m, (int)gold, (int)pred);
            t->updates++;
            if (t->epoch >= EXPLORE_FROM &&
                (double)(syn_rand(&t->rng) >> 11) / 9007199254740992.0 < EXPLORE_P)
                next = pred;
        } else {
            next = pred;
        }
        lint_tick(t->lt);
        t->steps++;
        /* keep the count of gold dependents in the buffer */
        if (next == SHIFT && s.b <= n) {
            uint32_t h = gh[s.b];
            if (h <= n)
                deps[h]--;
        }
        apply(&s, next, t->nlabels);
    }
    free(deps);
    state_free(&s);
}

/* ---- training with beam search (global perceptron) ---------------------- */

/* The static oracle of arc-hybrid for a projective tree: reduce s0 onto
 * its gold head (b0 by LEFT, s1 by RIGHT) once it has all its dependents,
 * else shift. `missing` counts each word's unattached gold dependents. */
static uint32_t static_oracle(const pstate *s, const uint32_t *gh,
                              const uint16_t *gl, const uint32_t *missing,
                              const trainer *t)
{
    unsigned kinds = legal(s);
    if (s->sp >= 1) {
        uint32_t s0 = s->stack[s->sp - 1];
        uint32_t s1 = s->sp >= 2 ? s->stack[s->sp - 2] : 0;
        if (missing[s0] == 0 && gh[s0] == s->b && (kinds & 2))
            return 1 + (s->b == s->n + 1 ? t->root : gl[s0]);
        if (missing[s0] == 0 && s1 && gh[s0] == s1)
            return 1 + t->nlabels + gl[s0];
    }
    if (kinds & 1)
        return SHIFT;
    /* not reachable for a projective single-rooted tree; stay legal */
    if (s->sp == 1)
        return 1 + t->root;
    return 1 + t->nlabels + gl[s->stack[s->sp - 1]];
}

static void track(uint32_t *missing, const pstate *s, uint32_t action,
                  uint32_t nlabels)
{
    if (action == SHIFT || s->sp == 0)
        return;
    uint32_t h = action <= nlabels ? s->b : s->stack[s->sp - 2];
    if (missing[h])
        missing[h]--;
}

/* Beam search with the current weights; at the step where the best item
 * beats the gold sequence by the most (max-violation, Huang et al. 2012),
 * the gold prefix is rewarded and the best prefix penalised. */
static void train_sentence_beam(trainer *t, const syn_sent *x, const uint32_t *gh)
{
    uint32_t n = x->n, steps = 2 * n, B = t->beam;
    /* the gold sequence */
    uint32_t *gseq = sr_xmalloc(steps * sizeof *gseq);
    uint32_t *missing = sr_xcalloc(n + 2, sizeof *missing);
    for (uint32_t i = 1; i <= n; i++)
        missing[gh[i]]++;
    pstate gs;
    state_init(&gs, n, heap_alloc, NULL);
    for (uint32_t k = 0; k < steps; k++) {
        gseq[k] = static_oracle(&gs, gh, x->label, missing, t);
        track(missing, &gs, gseq[k], t->nlabels);
        apply(&gs, gseq[k], t->nlabels);
    }
    /* search, keeping back-pointers */
    beam bm;
    beam_init(&bm, B, n, t->nlabels, t->root);
    uint32_t *hp = sr_xmalloc((size_t)steps * B * sizeof *hp);
    uint32_t *ha = sr_xmalloc((size_t)steps * B * sizeof *ha);
    uint8_t *gold = sr_xcalloc(B, 1), *ngold = sr_xcalloc(B, 1);
    gold[0] = 1;
    memset(gs.mem, 0, gs.memsize);
    state_bind(&gs, n, gs.mem);
    uint64_t gkeys[MAX_PFEATS];
    int32_t gscores[1 + 2 * MAX_LABELS];
    double gsum = 0, worst = 0;
    int64_t tstar = -1;
    for (uint32_t k = 0; k < steps; k++) {
        beam_features(&bm, x->w);
        memset(bm.scores, 0, (size_t)bm.ncur * bm.nactions * sizeof *bm.scores);
        int gi = -1;
        for (uint32_t i = 0; i < bm.ncur; i++) {
            lint_score(t->lt, bm.keys + (size_t)i * MAX_PFEATS, bm.nkeys[i],
                       bm.scores + (size_t)i * bm.nactions);
            if (gold[i])
                gi = (int)i;
        }
        if (gi >= 0) {
            gsum += bm.scores[(size_t)gi * bm.nactions + gseq[k]];
        } else {
            fctx c = {x->w, &gs, n};
            size_t m = features(&c, gkeys);
            memset(gscores, 0, t->nactions * sizeof *gscores);
            lint_score(t->lt, gkeys, m, gscores);
            gsum += gscores[gseq[k]];
        }
        uint32_t kept = beam_step(&bm);
        for (uint32_t j = 0; j < kept; j++) {
            hp[(size_t)k * B + j] = bm.top[j].parent;
            ha[(size_t)k * B + j] = bm.top[j].action;
            ngold[j] = gold[bm.top[j].parent] && bm.top[j].action == gseq[k];
        }
        memcpy(gold, ngold, B);
        apply(&gs, gseq[k], t->nlabels);
        if (!gold[0] && bm.score[0] - gsum >= worst) {
            if (tstar < 0 || bm.score[0] - gsum > worst)
                tstar = k;
            worst = bm.score[0] - gsum;
        }
    }
    if (tstar >= 0) {
        /* the best prefix at t*, traced back */
        uint32_t *pa = sr_xmalloc(((size_t)tstar + 1) * sizeof *pa);
        uint32_t j = 0;
        for (int64_t k = tstar; k >= 0; k--) {
            pa[k] = ha[(size_t)k * B + j];
            j = hp[(size_t)k * B + j];
        }
        pstate ps, qs;
        state_init(&ps, n, heap_alloc, NULL);
        state_init(&qs, n, heap_alloc, NULL);
        bool diverged = false;
        uint64_t keys[MAX_PFEATS];
        for (int64_t k = 0; k <= tstar; k++) {
            if (diverged || pa[k] != gseq[k]) {
                diverged = true;
                fctx cp = {x->w, &ps, n}, cg = {x->w, &qs, n};
                size_t m = features(&cp, keys);
                lint_add(t->lt, keys, m, (int)pa[k], -1);
                m = features(&cg, keys);
                lint_add(t->lt, keys, m, (int)gseq[k], +1);
            }
            apply(&ps, pa[k], t->nlabels);
            apply(&qs, gseq[k], t->nlabels);
        }
        t->updates++;
        state_free(&ps);
        state_free(&qs);
        free(pa);
    }
    t->steps++;
    lint_tick(t->lt);
    beam_free(&bm);
    state_free(&gs);
    free(gseq);
    free(missing);
    free(hp);
    free(ha);
    free(gold);
    free(ngold);
}

/* Count the features of the states on one oracle path through each
 * training sentence, so that features seen once can be left out. */
static void count_features(const syn_corpus *tc, uint32_t **gh,
                           const trainer *t, syn_map_builder *counts)
{
    uint64_t keys[MAX_PFEATS];
    for (size_t si = 0; si < tc->n; si++) {
        const syn_sent *x = &tc->s[si];
        uint32_t n = x->n;
        pstate s;
        state_init(&s, n, heap_alloc, NULL);
        uint32_t *deps = sr_xcalloc(n + 2, sizeof *deps);
        for (uint32_t i = 1; i <= n; i++)
            if (gh[si][i] <= n)
                deps[gh[si][i]]++;
        oracle o = {gh[si], x->label, deps};
        fctx c = {x->w, &s, n};
        while (!terminal(&s)) {
            syn_count(counts, keys, features(&c, keys));
            int cost3[3];
            costs(&s, &o, cost3);
            unsigned kinds = legal(&s);
            uint32_t next = UINT32_MAX;
            uint32_t l = s.sp ? o.gl[s.stack[s.sp - 1]] : 0;
            uint32_t acts[3] = {1 + l, 1 + t->nlabels + l, SHIFT};
            int kind_of[3] = {1, 2, 0};
            int best = 1 << 30;
            for (int k = 0; k < 3; k++) {
                if (!action_legal(&s, kinds, acts[k], t->nlabels, t->root))
                    continue;
                if (cost3[kind_of[k]] < best) {
                    best = cost3[kind_of[k]];
                    next = acts[k];
                }
            }
            if (next == UINT32_MAX) {
                /* only a label other than the gold one is legal */
                for (uint32_t a = 0; a < t->nactions && next == UINT32_MAX; a++)
                    if (action_legal(&s, kinds, a, t->nlabels, t->root))
                        next = a;
            }
            if (next == SHIFT && gh[si][s.b] <= n)
                deps[gh[si][s.b]]--;
            apply(&s, next, t->nlabels);
        }
        free(deps);
        state_free(&s);
    }
}

typedef struct pscore {
    size_t uas, las, total;
} pscore;

static void parse_corpus(const syn_parser *p, const syn_corpus *c, pscore *sc)
{
    sr_arena *a = sr_arena_new();
    syn_parse_mem pm = {0};
    memset(sc, 0, sizeof *sc);
    for (size_t i = 0; i < c->n; i++) {
        const syn_sent *x = &c->s[i];
        uint32_t *head = sr_arena_alloc(a, (x->n + 2) * sizeof *head);
        uint16_t *label = sr_arena_alloc(a, (x->n + 2) * sizeof *label);
        syn_parse(p, x->w, x->n, head, label, a, &pm);
        for (uint32_t j = 1; j <= x->n; j++) {
            sc->total++;
            if (head[j] == x->head[j]) {
                sc->uas++;
                sc->las += label[j] == x->label[j];
            }
        }
        if (sr_arena_used(a) > (64u << 20)) {
            sr_arena_free(a);
            a = sr_arena_new();
        }
    }
    sr_arena_free(a);
    syn_parse_mem_free(&pm);
}

/* Exactly one word attached to ROOT (n + 1)? */
static bool single_root(const uint32_t *gh, uint32_t n)
{
    uint32_t roots = 0;
    for (uint32_t i = 1; i <= n; i++)
        roots += gh[i] == n + 1;
    return roots == 1;
}

double syn_parser_train(const syn_parser_train_args *a, syn_writer *out)
{
    const syn_corpus *tc = a->train;
    trainer t = {0};
    t.nlabels = a->nlabels;
    t.nactions = 1 + 2 * a->nlabels;
    t.root = UINT32_MAX;
    for (uint32_t i = 0; i < a->nlabels; i++)
        if (strcmp(a->labels[i], "root") == 0)
            t.root = i;
    if (t.root == UINT32_MAX || a->nlabels > MAX_LABELS)
        sr_fatal("parser: the label set has no 'root' or too many labels");
    t.lt = lint_new(t.nactions);
    lint_hot_bytes(t.lt, PARSER_HOT_BYTES);
    t.beam = a->beam ? a->beam : 1;
    t.rng = a->seed ^ 0x706172736572ULL;
    /* projectivised gold heads, ROOT as n + 1 */
    uint32_t **gh = sr_xcalloc(tc->n + 1, sizeof *gh);
    size_t nonproj = 0;
    for (size_t i = 0; i < tc->n; i++) {
        const syn_sent *x = &tc->s[i];
        gh[i] = sr_xmalloc((x->n + 2) * sizeof **gh);
        memcpy(gh[i], x->head, (x->n + 1) * sizeof **gh);
        projectivize(gh[i], x->n);
        for (uint32_t j = 1; j <= x->n; j++) {
            nonproj += gh[i][j] != x->head[j];
            if (gh[i][j] == 0)
                gh[i][j] = x->n + 1;
        }
    }
    if (a->log)
        fprintf(a->log, "parser: %zu arcs lifted to projectivise the training trees\n", nonproj);
    syn_strings_write(a->labels, a->nlabels, syn_writer_section(out, SYN_ID('L', 'A', 'B', 'L')));
    sr_buf_put(syn_writer_section(out, SYN_ID('P', 'C', 'F', 'G')), &t.beam, 4);
    syn_map_builder counts;
    syn_mb_init(&counts);
    count_features(tc, gh, &t, &counts);
    lint_filter(t.lt, &counts, a->min_count ? a->min_count : 3);
    uint32_t *order = sr_xmalloc((tc->n + 1) * sizeof *order);
    for (size_t i = 0; i < tc->n; i++)
        order[i] = (uint32_t)i;
    sr_buf best;
    sr_buf_init(&best);
    double best_las = -1;
    unsigned best_epoch = 0;
    for (unsigned ep = 1; ep <= a->epochs; ep++) {
        t.epoch = ep;
        t.updates = t.steps = 0;
        syn_shuffle(order, tc->n, &t.rng);
        for (size_t i = 0; i < tc->n; i++) {
            if (!single_root(gh[order[i]], tc->s[order[i]].n))
                continue;
            if (t.beam > 1)
                train_sentence_beam(&t, &tc->s[order[i]], gh[order[i]]);
            else
                train_sentence(&t, &tc->s[order[i]], gh[order[i]]);
        }
        bool last = ep == a->epochs;
        if (!a->dev && !last)
            continue;
        sr_buf cur;
        sr_buf_init(&cur);
        lint_write(t.lt, MIN_WEIGHT, &cur);
        double las = -1;
        if (a->dev) {
            syn_parser p = {.labels = {0}, .root_label = t.root, .beam = t.beam};
            const char *why;
            if (!lin_view(&p.w, cur.data, cur.len, &why))
                sr_fatal("parser: %s", why);
            p.labels.n = a->nlabels;
            pscore sc;
            parse_corpus(&p, a->dev, &sc);
            las = 100.0 * (double)sc.las / (double)(sc.total ? sc.total : 1);
            if (a->log)
                fprintf(a->log, "parser: epoch %u: %.1f%% of %s updated; dev UAS %.2f%% LAS %.2f%%\n",
                        ep, 100.0 * (double)t.updates / (double)(t.steps ? t.steps : 1),
                        t.beam > 1 ? "sentences" : "steps",
                        100.0 * (double)sc.uas / (double)(sc.total ? sc.total : 1), las);
        }
        if (las > best_las || !a->dev) {
            best_las = las;
            best_epoch = ep;
            sr_buf_free(&best);
            best = cur;
        } else {
            sr_buf_free(&cur);
        }
    }
    if (a->log) {
        size_t nf, nw;
        lint_size(t.lt, &nf, &nw);
        fprintf(a->log, "parser: kept epoch %u (%zu features, %zu weights)\n",
                best_epoch, nf, nw);
    }
    sr_buf *pw = syn_writer_section(out, SYN_ID('P', 'A', 'R', 'W'));
    sr_buf_reset(pw);
    sr_buf_put(pw, best.data, best.len);
    sr_buf_free(&best);
    for (size_t i = 0; i < tc->n; i++)
        free(gh[i]);
    free(gh);
    free(order);
    lint_free(t.lt);
    syn_mb_free(&counts);
    return best_las;
}
