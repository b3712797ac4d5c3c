/*
 * syntax.h — what the modules of the syntax stage share (not public).
 *
 * The stage is four small statistical models over one sentence at a time:
 *
 *   tagger.c   UPOS + Penn XPOS (one joint class), averaged perceptron
 *   lemma.c    lemmas: an exception lexicon plus suffix edit rules by tag
 *   parser.c   arc-hybrid transition parser, averaged perceptron, dynamic
 *              oracle, labelled UD v2 relations
 *   morph.c    the FEATS string, predicted after parsing (agreement and
 *              voice depend on the subject and the auxiliaries)
 *
 * They share three pieces of plumbing, declared here:
 *
 *   - feature keys: every feature is a 64-bit hash of a template number and
 *     the values it combines (syn_key*), so no feature strings are stored;
 *   - linear models (linear.c): a sparse table from feature key to the
 *     weights of the classes it votes for. During training the table is
 *     mutable with integer weights and lazy averaging; compiled, it is an
 *     open-addressing hash table laid out exactly as in the model file, so
 *     the loader maps it and scores straight from the mapping;
 *   - the model file (model.c): sections with ids, each checksummed, and the
 *     validated views over them that the modules read.
 *
 * Everything a parse needs at run time is read-only in sr_model; per-call
 * scratch comes from the document's arena, which is what makes
 * sr_syntax_parse safe to call from many threads with one model.
 */
#ifndef SR_SYNTAX_H
#define SR_SYNTAX_H

#include "sitrep.h"
#include "../core/internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- feature keys ------------------------------------------------------- */

/* A 64-bit finaliser (the one of MurmurHash3's 64-bit variant). */
static inline uint64_t syn_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/* Keys of a template combining one, two or three values. Never 0 (0 marks
 * an empty slot in the tables). */
static inline uint64_t syn_key1(uint32_t t, uint64_t a)
{
    uint64_t k = syn_mix(a * 0x9e3779b97f4a7c15ULL + t);
    return k ? k : 1;
}

static inline uint64_t syn_key2(uint32_t t, uint64_t a, uint64_t b)
{
    uint64_t k = syn_mix((a * 0x9e3779b97f4a7c15ULL + t) ^
                         syn_mix(b + 0x632be59bd9b4e019ULL));
    return k ? k : 1;
}

static inline uint64_t syn_key3(uint32_t t, uint64_t a, uint64_t b, uint64_t c)
{
    return syn_key2(t, a, syn_mix(b * 0xbf58476d1ce4e5b9ULL + c));
}

/* The hash of a string, as feature values use it. */
uint64_t syn_str_hash(const char *s, size_t n);

/* ---- hash maps stored in model files ------------------------------------ */

/* An open-addressing table from a nonzero 64-bit key to two 32-bit values,
 * with a power-of-two number of slots and linear probing. The layout is the
 * file's: 16 bytes a slot. */
typedef struct syn_slot {
    uint64_t key;            /* 0 = empty */
    uint32_t a, b;
} syn_slot;

typedef struct syn_map {
    const syn_slot *slots;
    uint64_t mask;           /* nslots - 1 */
} syn_map;

static inline const syn_slot *syn_map_get(const syn_map *m, uint64_t key)
{
    if (!m->slots)
        return NULL;
    for (uint64_t i = key & m->mask;; i = (i + 1) & m->mask) {
        const syn_slot *s = &m->slots[i];
        if (s->key == key)
            return s;
        if (s->key == 0)
            return NULL;
    }
}

/* A map being built: add keys, then write it out. */
typedef struct syn_map_builder {
    syn_slot *slots;
    uint64_t cap, n;
} syn_map_builder;

void syn_mb_init(syn_map_builder *b);
void syn_mb_free(syn_map_builder *b);
/* The slot of `key`, created with a = b = 0 when absent. */
syn_slot *syn_mb_put(syn_map_builder *b, uint64_t key);
syn_slot *syn_mb_get(const syn_map_builder *b, uint64_t key);

/* ---- linear models (linear.c) ------------------------------------------- */

/* A compiled model: hash tables from a feature's key to its weights, a
 * short list of (class, weight) entries (see linear.c). Weights are scaled
 * integers; all weights of one model share the scale, so scores compare
 * without rescaling.
 *
 * The keys are in two tables (see linear.c). The hot table holds the most
 * frequent keys (counted in training) in lines of LIN_LINE bytes, one
 * cache line each: a line holds up to LIN_LINE_KEYS keys with their
 * weights inside it when they are few, so most lookups read one cache
 * line; a key with many weights has its row out of line (a u16 count, that
 * many i16 weights and their classes, u8 for models of at most 256
 * classes, or LIN_DENSE and a weight for every class). The cold table holds
 * the rest in pages: a directory gives each bucket's page, which holds
 * LIN_BUCKET slots and then the rows of the keys in them. A Bloom filter
 * over the cold keys stops most lookups of absent keys before they reach a
 * cold page. A key is known by 32 of its bits (the fingerprint, never 0);
 * its home line or bucket comes from the other 32 bits. */
#define LIN_BUCKET 8
#define LIN_LINE 64
#define LIN_LINE_KEYS 5
#define LIN_LINE_FBITS (8 * (7 - LIN_LINE_KEYS))

typedef struct lin_slot {
    uint32_t fp, off;
} lin_slot;

typedef struct lin_model {
    const uint32_t *dir;     /* cold: per bucket, its page in data */
    const uint16_t *data;
    uint32_t nbuckets;
    uint32_t nclasses;
    uint32_t nwords;         /* u16 units in data */
    float scale;             /* weight = stored / scale */
    const unsigned char *hot;   /* nhot lines of LIN_LINE bytes */
    const uint16_t *longrows;   /* nlongwords u16 units: out-of-line rows */
    const uint64_t *bloom;   /* nbloom lines of 8 u64 (512 bits), or NULL */
    uint32_t nhot, nlongwords, nbloom;
} lin_model;

static inline uint32_t lin_home(uint64_t key, uint32_t nbuckets)
{
    return (uint32_t)(((uint64_t)(uint32_t)key * nbuckets) >> 32);
}

static inline uint32_t lin_fp(uint64_t key)
{
    return (uint32_t)(key >> 32) | 1u;
}

/* The top bit of the last slot's offset marks a cold bucket that some key
 * passed on its way to a later one: a lookup that misses in a bucket
 * without the mark stops there, so it almost always reads one bucket. */
#define LIN_OVERFLOW 0x80000000u

/* A row's first u16 for a dense row (a weight for every class). */
#define LIN_DENSE 0x8000u

/* A hot line: byte 0 the number of keys n (at most LIN_LINE_KEYS); bytes
 * 1..LIN_LINE_KEYS each key's number of inline weights (0: its row is out
 * of line); the rest of the first 8 bytes a filter of the keys that passed
 * the line on the way to a later one (each sets the bit lin_line_fbit of
 * its fingerprint), so a lookup of an absent key almost always stops at
 * its home line; from byte 8 the n fingerprints (u32); then per key its
 * inline weights (i16) or the u32 offset of its row in longrows (two u16
 * units); then the classes (u8) of the inline weights, key by key. */
static inline unsigned lin_line_fbit(uint32_t fp)
{
    return (fp >> 8) % LIN_LINE_FBITS;
}

static inline bool lin_line_passed(const unsigned char *line, uint32_t fp)
{
    unsigned bit = lin_line_fbit(fp);
    return (line[1 + LIN_LINE_KEYS + bit / 8] >> (bit % 8)) & 1;
}

typedef struct lin_hit {
    const int16_t *w;        /* inline weights, or NULL */
    const uint8_t *cls;
    uint32_t n;
    const uint16_t *row;     /* or the out-of-line row */
} lin_hit;

/* Key `j` of a hot line. */
static inline lin_hit lin_line_get(const lin_model *m, const unsigned char *line,
                                   unsigned j)
{
    /* every one of the LIN_LINE_KEYS counts read, those of keys before j
     * and beyond n masked off: no branch on the line's contents */
    unsigned n = line[0], wpos = 0, cpos = 0, wtot = 0;
    for (unsigned i = 0; i < LIN_LINE_KEYS; i++) {
        unsigned l = line[1 + i];
        unsigned u = l + 2 * (l == 0);
        unsigned before = -(unsigned)(i < j), used = -(unsigned)(i < n);
        wpos += u & before;
        cpos += l & before;
        wtot += u & used;
    }
    const unsigned char *units = line + 8 + 4 * n;
    lin_hit h = {NULL, NULL, line[1 + j], NULL};
    if (h.n) {
        h.w = (const int16_t *)(const void *)(units + 2 * wpos);
        h.cls = units + 2 * wtot + cpos;
    } else {
        uint32_t off;
        memcpy(&off, units + 2 * wpos, 4);
        h.row = m->longrows + off;
    }
    return h;
}

/* The hot line holding `key` (its index in *slot), or NULL. */
static inline const unsigned char *lin_hot_find(const lin_model *m, uint64_t key,
                                                unsigned *slot)
{
    if (!m->nhot)
        return NULL;
    uint32_t fp = lin_fp(key);
    for (uint32_t b = lin_home(key, m->nhot);;) {
        const unsigned char *line = m->hot + (size_t)b * LIN_LINE;
        const uint32_t *fps = (const uint32_t *)(const void *)(line + 8);
        unsigned n = line[0];
        for (unsigned j = 0; j < n; j++) {
            if (fps[j] == fp) {
                *slot = j;
                return line;
            }
        }
        if (!lin_line_passed(line, fp))
            return NULL;
        if (++b == m->nhot)
            b = 0;
    }
}

/* The offset (+ 1) of the row of the first slot of s[0..LIN_BUCKET) whose
 * fingerprint is fp, or 0. */
static inline uint32_t lin_probe(const lin_slot *s, uint32_t fp)
{
    uint32_t hit = 0;
    for (int j = 0; j < LIN_BUCKET; j++)
        hit |= -(uint32_t)(s[j].fp == fp && hit == 0) &
               ((s[j].off & ~LIN_OVERFLOW) + 1);
    return hit;
}

/* The row of `key` in the cold table, or NULL. */
static inline const uint16_t *lin_cold_row(const lin_model *m, uint64_t key)
{
    uint32_t fp = lin_fp(key);
    for (uint32_t b = lin_home(key, m->nbuckets);;) {
        const lin_slot *s = (const lin_slot *)(m->data + m->dir[b]);
        uint32_t hit = lin_probe(s, fp);
        if (hit)
            return m->data + (hit - 1);
        if (!(s[LIN_BUCKET - 1].off & LIN_OVERFLOW))
            return NULL;
        if (++b == m->nbuckets)
            b = 0;
    }
}

/* The Bloom filter: a key sets LIN_BLOOM_K bits in one 64-byte line. */
#define LIN_BLOOM_K 3
static inline uint64_t lin_bloom_hash(uint64_t key)
{
    return syn_mix(key ^ 0x2545f4914f6cdd1dULL);
}

static inline const uint64_t *lin_bloom_line(const lin_model *m, uint64_t h)
{
    return m->bloom + 8 * (size_t)lin_home(h, m->nbloom);
}

static inline bool lin_bloom_maybe(const uint64_t *line, uint64_t h)
{
    bool all = true;
    for (int i = 0; i < LIN_BLOOM_K; i++) {
        uint32_t bit = (uint32_t)(h >> (32 + 9 * i)) & 511u;
        all &= (line[bit >> 6] >> (bit & 63)) & 1;
    }
    return all;
}

/* Whether `key` has weights in the hot table; in either table. */
static inline bool lin_in_hot(const lin_model *m, uint64_t key)
{
    unsigned j;
    return lin_hot_find(m, key, &j) != NULL;
}

static inline bool lin_has(const lin_model *m, uint64_t key)
{
    if (lin_in_hot(m, key))
        return true;
    if (m->bloom) {
        uint64_t h = lin_bloom_hash(key);
        if (!lin_bloom_maybe(lin_bloom_line(m, h), h))
            return false;
    }
    return lin_cold_row(m, key) != NULL;
}

/* Add the weights of `n` features to scores[0..nclasses) (in the model's
 * scaled 16-bit units, summed exactly in 32-bit integers). Buckets, filter
 * lines and rows are prefetched first, so the cache misses of a state's
 * hundred features overlap instead of queueing. */
void lin_score(const lin_model *m, const uint64_t *keys, size_t n,
               int32_t *scores);

/* lin_score for keys that go to several score vectors: the weights of
 * keys[i] are added to scores + b * nclasses for every set bit b of to[i],
 * each key looked up once, and all the keys' misses overlapped. */
void lin_score_sets(const lin_model *m, const uint64_t *keys,
                    const uint64_t *to, size_t n, int32_t *scores);
/* dst[0..n) += src[0..n). */
void lin_add_vec(int32_t *dst, const int32_t *src, uint32_t n);

/* A model being trained: integer perceptron weights with the running sums
 * that give their average (Daumé's trick: avg = w - u / clock). */
typedef struct lin_trainer lin_trainer;

lin_trainer *lint_new(uint32_t nclasses);
void lint_free(lin_trainer *t);
/* Only features counted at least `min` times in `counts` (key -> a =
 * count) get weights; the map must outlive the trainer. */
void lint_filter(lin_trainer *t, const syn_map_builder *counts, uint32_t min);
/* Add current (not averaged) weights of the features to scores, rounding
 * each sum as a float would (the sums training has always made). */
void lint_score(const lin_trainer *t, const uint64_t *keys, size_t n,
                int32_t *scores);
/* One perceptron update: +1 for `good`, -1 for `bad` on every feature. */
void lint_update(lin_trainer *t, const uint64_t *keys, size_t n, int good,
                 int bad);
/* Add `delta` to the weight of (feature, cls) for every feature. */
void lint_add(lin_trainer *t, const uint64_t *keys, size_t n, int cls,
              int delta);
/* One example seen (advances the averaging clock). */
void lint_tick(lin_trainer *t);
/* Number of features and of nonzero weights. */
void lint_size(const lin_trainer *t, size_t *nfeatures, size_t *nweights);
/* Averaged weights smaller than this are left out of the compiled models:
 * a fifth of the weights, for a change of accuracy under 0.05 points on
 * EWT dev (measured by zeroing them in a trained model). */
#define SYN_MIN_WEIGHT 0.5f

/* Append the averaged model as a model-file section body (see linear.c for
 * the layout); averaged weights with |w| < min_abs are dropped. */
void lint_write(const lin_trainer *t, float min_abs, sr_buf *out);

/* A view of a section written by lint_write, validated: false with a reason
 * when the bytes are not a well-formed model. */
bool lin_view(lin_model *m, const void *p, size_t n, const char **why);

/* The room for rows in the hot table of lint_write (bytes; the default
 * is 2 MB). */
void lint_hot_bytes(lin_trainer *t, size_t bytes);

/* Count the features of one example (key -> a += 1), for lint_filter. */
void syn_count(syn_map_builder *counts, const uint64_t *keys, size_t n);

/* ---- model files (model.c) ---------------------------------------------- */

#define SYN_MAGIC "SRSYNTAX"
#define SYN_FORMAT_VERSION 3u

/* Section ids: four ASCII letters read as a little-endian u32. */
#define SYN_ID(a, b, c, d) \
    ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

/* A list of NUL-terminated strings: u32 count, u32 offsets[count], bytes. */
typedef struct syn_strings {
    const char *bytes;
    const uint32_t *off;
    uint32_t n;
} syn_strings;

static inline const char *syn_string(const syn_strings *s, uint32_t i)
{
    return s->bytes + s->off[i];
}

void syn_strings_write(const char *const *strs, uint32_t n, sr_buf *out);
bool syn_strings_view(syn_strings *s, const void *p, size_t n, const char **why);

/* A map section: u64 nslots, then the slots. */
void syn_map_write(const syn_map_builder *b, sr_buf *out);
bool syn_map_view(syn_map *m, const void *p, size_t n, const char **why);

/* Writing: collect sections, then write the file in one go. */
typedef struct syn_writer {
    struct syn_wsec {
        uint32_t id;
        sr_buf data;
    } **secs;                /* pointers: a section's sr_buf never moves */
    size_t n, cap;
} syn_writer;

sr_buf *syn_writer_section(syn_writer *w, uint32_t id);
sr_status syn_writer_save(syn_writer *w, const char *path, sr_diag *d);
void syn_writer_free(syn_writer *w);

/* ---- the run-time model ------------------------------------------------- */

/* The tag set: class i is the pair (upos[i], xpos name i). */
typedef struct syn_tagset {
    syn_strings names;       /* "UPOS\tXPOS" per class */
    const char **xpos;       /* into a private copy, per class */
    uint8_t *upos;
    uint32_t n;
    uint16_t vb, vbp, vbd, vbn;  /* classes VERB VB, VBP, VBD, VBN (0xffff: none) */
    uint16_t rp;                 /* class ADP RP */
} syn_tagset;

/* Tagger, lemmatiser, parser and morphology views (each module's own). */
typedef struct syn_tagger {
    lin_model w;             /* first pass: left context */
    lin_model w2;            /* second pass: both sides (nbuckets 0 = none) */
    syn_map dict;            /* word -> ambiguity class hash (a,b) */
} syn_tagger;

typedef struct syn_lemmatizer {
    syn_map lex;             /* hash(form, tag) -> lemma string index */
    syn_map rules;           /* hash(tag, suffix) -> script index, count */
    syn_strings strs;        /* lemmas of the lexicon */
    syn_strings scripts;     /* edit scripts */
    const uint8_t *casing;   /* per tag and position: keep capitals */
    uint32_t ncase;
    uint64_t *known;         /* set of the lemmas' lowercase hashes | 1 (heap,
                                built at load from strs) */
    uint8_t *known_lower;    /* per slot of known: 1 if some lemma is spelt
                                so, all lowercase ("time"; "tim" is "Tim") */
    uint64_t known_mask;
    uint8_t endings[27 * 27]; /* [27 * a + b]: how many lemmas (lowercase, at
                                 most 255) end in letters a, b (1-26; a = 0:
                                 a one-letter lemma) */
} syn_lemmatizer;

/* Sentences longer than this are parsed greedily whatever the beam, so
 * time stays linear in the length (a beam copies its states). */
#define SYN_BEAM_MAX_WORDS 300

typedef struct syn_parser {
    lin_model w;
    syn_strings labels;      /* label i; actions are laid out in parser.c */
    uint32_t root_label;
    uint32_t beam;           /* beam width; 1 = greedy */
} syn_parser;

typedef struct syn_morph {
    lin_model w;
    syn_strings feats;       /* FEATS strings ("_" for none) */
    const uint32_t *cand;    /* per tag: [first, count) into cand_list */
    const uint16_t *cand_list;
    uint32_t ncand_list;
} syn_morph;

/* What the post-parse repairs (repair.c) look up: relation ids, and per
 * tag class a code for its XPOS and the classes of the same UPOS with
 * another verb XPOS. Filled at load time by syn_repair_init. */
#define SYN_MAX_TAGS 1000    /* the tag set's size limit (syn_tagset_load) */
enum {
    SYN_RL_AUX, SYN_RL_AUXPASS, SYN_RL_COP, SYN_RL_NSUBJ, SYN_RL_NSUBJPASS,
    SYN_RL_EXPL, SYN_RL_CSUBJ, SYN_RL_CSUBJPASS, SYN_RL_MARK, SYN_RL_XCOMP,
    SYN_RL_DET, SYN_RL_ACL, SYN_RL_RELCL, SYN_RL_CCOMP, SYN_RL_ADVCL,
    SYN_RL_OBJ, SYN_RL_OBL, SYN_RL_ADVMOD, SYN_RL_GOESWITH, SYN_RL_PRT, SYN_RL_COUNT
};
enum {
    SYN_RX_OTHER, SYN_RX_VB, SYN_RX_VBP, SYN_RX_VBN, SYN_RX_VBD, SYN_RX_VBZ,
    SYN_RX_IN, SYN_RX_UH, SYN_RX_CC, SYN_RX_RB, SYN_RX_OPEN, SYN_RX_CLOSE,
    SYN_RX_NNS, SYN_RX_NOUN, SYN_RX_JJ, SYN_RX_MD, SYN_RX_NPSTART, SYN_RX_VBG, SYN_RX_POS
};
typedef struct syn_repairs {
    bool ready;
    uint16_t label[SYN_RL_COUNT];    /* 0xffff: not in the model */
    uint16_t open, close, to, dt;    /* PUNCT ``, PUNCT '', PART TO, DET DT */
    uint16_t nns, vbz, rb;           /* NOUN NNS, VERB VBZ, ADV RB */
    uint16_t add;                    /* PROPN ADD */
    uint16_t vbd, nn;                /* VERB VBD, NOUN NN */
    uint8_t xcode[SYN_MAX_TAGS];     /* SYN_RX_* */
    uint16_t as_vb[SYN_MAX_TAGS], as_vbp[SYN_MAX_TAGS], as_vbd[SYN_MAX_TAGS];
} syn_repairs;

struct sr_model {
    const char *path;
    const unsigned char *map;
    size_t map_len;
    void *owned;             /* a heap copy when not mapped */
    syn_tagset tags;
    syn_tagger tagger;
    syn_lemmatizer lemma;
    syn_parser parser;
    syn_morph morph;
    syn_repairs repair;      /* post-parse repairs (repair.c) */
    syn_map clusters;        /* word -> cluster bits (a) and length (b) */
    syn_strings info;        /* key=value lines about the training run */
};

/* Load a model from memory (used by the loader and the fuzz target).
 * `verify` checks the checksums; the structure is always checked. */
sr_model *syn_model_from_memory(const char *name, const void *p, size_t n,
                                bool copy, bool verify, sr_diag *d);

/* Find section `id`: its bytes, or NULL. */
const void *syn_section(const void *file, size_t n, uint32_t id, size_t *len);

/* ---- words as the models see them --------------------------------------- */

/* Per-word values computed once per sentence. Index 0 is a padding word
 * (outside the sentence); real words are 1..n. */
typedef struct syn_word {
    uint64_t form;           /* exact form */
    uint64_t lower;          /* lowercased form */
    uint64_t shape;          /* Xxxx, dd, X.X. ... */
    uint64_t pre[4];         /* prefixes of 1..4 characters */
    uint64_t suf[5];         /* suffixes of 1..5 characters */
    uint64_t amb;            /* ambiguity class from the tag dictionary */
    uint64_t lemma;          /* lemma hash */
    uint32_t cluster;        /* word cluster bits, 0 = unknown */
    uint8_t clen;            /* length of the cluster path */
    uint8_t flags;           /* SYN_F_* */
    uint16_t tag;            /* joint tag class */
    uint16_t tag1;           /* the first tagging pass's tag */
    uint8_t upos;
    uint8_t scase;           /* the sentence's casing: SYN_CASE_* */
    uint8_t unambiguous;     /* 1 when the dictionary gives one tag */
    uint16_t dict_tag;       /* that tag */
} syn_word;

enum {
    SYN_F_UPPER1 = 1,        /* starts with an uppercase letter */
    SYN_F_ALLCAPS = 2,
    SYN_F_DIGIT = 4,
    SYN_F_HYPHEN = 8,
    SYN_F_FIRST = 16,        /* first word of the sentence */
    SYN_F_PUNCT = 32,        /* no letter or digit */
};

/* How a sentence is capitalised, which changes what a capital means:
 * in a headline every word has one, in chat none has. */
enum {
    SYN_CASE_NORMAL = 0,
    SYN_CASE_TITLE,          /* most words after the first capitalised */
    SYN_CASE_UPPER,          /* most words in capitals */
    SYN_CASE_LOWER,          /* no capital at all, not even the first */
};

/* Fill w[1..n] from the forms (form hashes, shapes, affixes, dictionary). */
void syn_words_prepare(const sr_model *m, const char *const *forms,
                       uint32_t n, syn_word *w);
/* The same in two steps, for training: the hashes only, then the tag
 * dictionary and cluster lookups (either map may be empty). */
void syn_words_prepare_raw(const char *const *forms, uint32_t n, syn_word *w);
void syn_words_lookup(const syn_map *dict, const syn_map *clusters,
                      uint32_t n, syn_word *w);

/* ---- training data (train.c) ------------------------------------------- */

/* One sentence of a treebank, arrays indexed 1..n (0 unused). */
typedef struct syn_sent {
    uint32_t n;
    const char **form;
    const char **lemma;      /* gold */
    uint16_t *tag;           /* gold joint tag (SYN_NO_TAG when unseen) */
    uint16_t *ptag;          /* predicted tag (jackknifed for train) */
    const char **plemma;     /* predicted lemma */
    uint32_t *head;          /* gold heads */
    uint16_t *label;         /* gold labels (SYN_NO_LABEL when unseen) */
    uint16_t *feats;         /* gold FEATS class (SYN_NO_FEATS when unseen) */
    const char **gold_upos, **gold_xpos, **gold_feats, **gold_label;
    syn_word *w;             /* [0..n+1] */
} syn_sent;

#define SYN_NO_TAG 0xffffu
#define SYN_NO_LABEL 0xffffu
#define SYN_NO_FEATS 0xffffu

typedef struct syn_corpus {
    syn_sent *s;
    size_t n;
    size_t nwords;
    sr_arena *arena;
} syn_corpus;

/* A deterministic random number generator (splitmix64). */
static inline uint64_t syn_rand(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Shuffle idx[0..n) with the generator. */
void syn_shuffle(uint32_t *idx, size_t n, uint64_t *rng);

/* ---- the modules -------------------------------------------------------- */

/* tagger.c */
bool syn_tagset_load(sr_model *m, const void *file, size_t n, const char **why);
bool syn_tagger_load(sr_model *m, const void *file, size_t n, const char **why);
/* Tag w[1..n] (fills tag, xpos, upos). */
void syn_tag(const syn_tagger *t, syn_word *w, uint32_t n);
/* Train on `train` (gold tags), choose the epoch on `dev` when given;
 * writes the TDIC and TAGW sections. Returns the dev accuracy (or -1). */
typedef struct syn_tagger_train_args {
    const syn_corpus *train;
    const syn_corpus *dev;   /* or NULL */
    uint32_t ntags;
    unsigned epochs;
    uint64_t seed;
    FILE *log;
    const char *what;        /* for the log: "tagger", "fold 2" */
    unsigned *chosen;        /* out: the epoch kept, or NULL */
    int pass;                /* 1, or 2: w[].tag1 holds first-pass tags */
} syn_tagger_train_args;
double syn_tagger_train(const syn_tagger_train_args *a, syn_writer *out);
/* Tag `target` (ptag) with the tagger whose sections are in `w` (the first
 * pass only, or both when TAG2 is there); returns the accuracy against its
 * gold tags. */
double syn_tagger_apply(syn_writer *w, const syn_corpus *target, bool first_only);

/* After parsing, tags made to agree with the tree (tagger.c): a verb's
 * with its auxiliaries, a particle's with its relation; w[i].tag changes. */
void syn_retag(const sr_model *m, syn_word *w, uint32_t n,
                     const uint32_t *head, const uint16_t *label);

/* After syn_retag, tags mended from the tree and the spacing (repair.c):
 * w[i].tag may change; lemma[i] is set (else NULL) where the lemma itself
 * is decided ("'s" as "have"). space_after[i] is 1 when whitespace follows
 * word i; kids is scratch of n + 2 bytes. The caller recomputes the lemmas
 * of words whose tag changed. */
void syn_repair_init(sr_model *m);
/* Before parsing, tags that the sequence of tags itself shows wrong
 * (repair.c): w[i].tag may change; the caller lemmatises after. */
void syn_repair_pretags(const sr_model *m, syn_word *w, uint32_t n,
                        const char *const *forms);
void syn_repair(const sr_model *m, syn_word *w, uint32_t n,
                const uint32_t *head, const uint16_t *label,
                const char *const *forms, const uint8_t *space_after,
                uint8_t *kids, const char **lemma);

/* lemma.c */
bool syn_lemma_load(sr_model *m, const void *file, size_t n, const char **why);
/* The set of known lemmas of a lemmatiser whose sections are viewed. */
void syn_lemma_index(syn_lemmatizer *L);
/* The lemma of `form` with tag class `tag`, in `a`, as training gives it
 * to the parser and the morphology. */
const char *syn_lemmatize(const sr_model *m, const char *form, uint16_t tag,
                          bool first, sr_arena *a);
/* The lemma to output for `form`: syn_lemmatize's, mended by the rules
 * training does not use (lemma.c, 4.); *trained (if not NULL) receives
 * syn_lemmatize's lemma, computed in the same pass. */
const char *syn_lemmatize_out(const sr_model *m, const char *form, uint16_t tag,
                              bool first, const char **trained, sr_arena *a);
/* Is the sentence forms[1..n] written mostly in capitals (more than half
 * of its words of two letters or more have no lowercase letter)? */
bool syn_in_capitals(const char *const *forms, uint32_t n);
/* The tag class training saw most often on the word `form`, unseen itself,
 * written with each run of three or more of a letter cut to two, else to
 * one ("Sooooo": "so", RB), or 0xffff (no such run, a form training saw,
 * or no such word). */
uint16_t syn_lemma_spelling_tag(const sr_model *m, const char *form);
/* The output lemma of word i, tagged `tag` (GW or NNP), head of the parts
 * of an e-mail address split by spaces ("Robert Bryngelson@AZURIX", joined
 * by `goeswith`): the whole address, as the treebank writes it; else
 * `lemma`. */
const char *syn_lemma_split_address(const sr_model *m, const char *const *forms,
                                    uint32_t n, const uint32_t *head,
                                    const uint16_t *label, uint32_t i,
                                    uint16_t tag, const char *lemma, sr_arena *a);
/* The output lemma of a word of a sentence written mostly in capitals:
 * an unseen proper noun of MIN_CAPS_NAME letters or more whose lemma is its
 * form ("MIRAMAR") is written as a name ("Miramar"); else `lemma`. */
const char *syn_lemma_capitals(const sr_model *m, const char *form, uint16_t tag,
                               const char *lemma, sr_arena *a);
void syn_lemma_train(const syn_corpus *train, const syn_tagset *tags,
                     syn_writer *out);

/* parser.c */
bool syn_parser_load(sr_model *m, const void *file, size_t n, const char **why);
/* Memory a thread's beam decoding reuses from sentence to sentence, so a
 * sentence neither zeroes nor faults in fresh pages for its beam: start
 * it zeroed, free it with syn_parse_mem_free. */
typedef struct syn_parse_mem {
    void *block;
    size_t cap;
} syn_parse_mem;
void syn_parse_mem_free(syn_parse_mem *mem);
/* Parse w[1..n] (tags and lemmas filled): head[1..n], label[1..n]. Scratch
 * memory comes from `scratch`, the beam's from `mem` (or from `scratch`
 * when mem is NULL). */
void syn_parse(const syn_parser *p, const syn_word *w, uint32_t n,
               uint32_t *head, uint16_t *label, sr_arena *scratch,
               syn_parse_mem *mem);
typedef struct syn_parser_train_args {
    const syn_corpus *train;
    const syn_corpus *dev;
    const char *const *labels;
    uint32_t nlabels;
    unsigned epochs;
    unsigned min_count;      /* feature count cut-off (0 = 3) */
    unsigned beam;           /* beam width (0, 1 = greedy, dynamic oracle) */
    uint64_t seed;
    FILE *log;
} syn_parser_train_args;
double syn_parser_train(const syn_parser_train_args *a, syn_writer *out);

/* morph.c */
bool syn_morph_load(sr_model *m, const void *file, size_t n, const char **why);
/* FEATS class of each word (SYN_NO_FEATS when none), given tags, lemmas
 * and the tree; `scratch` has syn_morph_scratch() u32s of room. */
void syn_morph_predict(const syn_morph *mo, const syn_word *w, uint32_t n,
                       const uint32_t *head, const uint16_t *label, uint16_t *feats,
               uint32_t *scratch);
size_t syn_morph_scratch(const syn_morph *mo, uint32_t n);
typedef struct syn_morph_train_args {
    const syn_corpus *train; /* w[].tag = predicted tags, gold trees */
    const syn_corpus *dev;   /* w[].tag = predicted tags */
    uint32_t *const *dev_heads;     /* predicted trees of dev */
    uint16_t *const *dev_labels;
    const char *const *feats;
    uint32_t nfeats, ntags;
    unsigned epochs;
    uint64_t seed;
    FILE *log;
} syn_morph_train_args;
double syn_morph_train(const syn_morph_train_args *a, syn_writer *out);

#endif
