/*
 * compiled.h — the layout of a compiled dictionary, for the modules that run
 * on it (the lexicon itself and the coder). Readers never see it: they fill
 * a builder (dict.h).
 *
 * A compiled dictionary is one block of bytes: a header, then sections. The
 * header lists each section's offset and element count; sections hold
 * fixed-size records whose references are 32-bit indexes or offsets, never
 * pointers, so the block can be written to a file and mapped back. Strings
 * live in one section of NUL-terminated strings; offset 0 is the empty
 * string, which stands for "none".
 *
 * Words are interned: every distinct normalised dictionary word has an id,
 * and a hash table maps a word's bytes to its id. The coder turns each
 * sentence word into ids once (form, lemma, longest stem prefix) and then
 * matches phrases and patterns by comparing integers.
 *
 * Phrases (actor names, agent names, verb forms, discard and issue phrases)
 * are sequences of word ids. For each kind of phrase an index lists the
 * phrases by their first word, longest first, so "the longest phrase
 * starting here" is a short scan.
 *
 * Invariants, checked by sr_dict_load() on untrusted files: every section
 * lies inside the block and is aligned to 4; every string offset points
 * inside the string section, which ends with a NUL; every index refers to
 * an existing element; index start arrays are non-decreasing.
 */
#ifndef SR_LEXICON_COMPILED_H
#define SR_LEXICON_COMPILED_H

#include "dict.h"

#define SR_DICT_MAGIC "SRDICT\0\0"
#define SR_DICT_VERSION 2u
#define SR_NOWORD 0xFFFFFFFFu

/* Kinds of phrase, each with its own index. */
enum sr_pkind {
    SR_PK_ACTOR, SR_PK_AGENT, SR_PK_FORM, SR_PK_DISCARD, SR_PK_ISSUE,
    SR_PK_COUNT
};

/* Sections of the block, in order. */
enum sr_dsec_id {
    SR_DS_STR,          /* char[]: strings */
    SR_DS_WORDS,        /* sr_dword[] */
    SR_DS_WORDHASH,     /* uint32_t[2^k]: word id + 1, 0 = empty */
    SR_DS_PHRASES,      /* sr_dphrase[] */
    SR_DS_PWORDS,       /* uint32_t[]: word ids of phrases */
    SR_DS_ACTORS,       /* sr_dactor[] */
    SR_DS_ACODES,       /* sr_dacode[] */
    SR_DS_AGENTS,       /* sr_dagent[] */
    SR_DS_BLOCKS,       /* sr_dblock[] */
    SR_DS_FORMS,        /* sr_dform[] */
    SR_DS_PATTERNS,     /* sr_dpattern[] (grouped by block) */
    SR_DS_TERMS,        /* sr_dterm[] */
    SR_DS_SYNSETS,      /* sr_dsynset[] */
    SR_DS_SYNMEMBERS,   /* sr_dsynmember[] */
    SR_DS_TRANSFORMS,   /* sr_dtransform[] */
    SR_DS_DISCARDS,     /* sr_ddiscard[] */
    SR_DS_ISSUES,       /* sr_dissue[] */
    SR_DS_OPTIONS,      /* sr_doption[] */
    SR_DS_SOURCES,      /* sr_dsource[] */
    SR_DS_IDX_START,    /* uint32_t[SR_PK_COUNT * (nwords + 1)] */
    SR_DS_IDX_LIST,     /* uint32_t[]: phrase ids */
    SR_DS_COUNT
};

typedef struct sr_dsec {
    uint32_t off, n;    /* byte offset of the section, number of elements */
} sr_dsec;

typedef struct sr_dhdr {
    char magic[8];
    uint32_t version;
    uint32_t size;      /* bytes of the whole block */
    uint32_t nsec;      /* SR_DS_COUNT */
    uint32_t flags;     /* SR_DF_* */
    sr_dsec sec[SR_DS_COUNT];
} sr_dhdr;

enum { SR_DF_STEMS = 1 };   /* some word is a stem (TABARI) */

enum { SR_DW_STEM = 1 };    /* the word is used as a stem somewhere */

typedef struct sr_dword {
    uint32_t str;       /* its normalised text */
    uint32_t flags;     /* SR_DW_* */
} sr_dword;

typedef struct sr_dphrase {
    uint8_t kind;       /* sr_pkind */
    uint8_t flags;      /* SR_PHRASE_* */
    uint16_t nwords;
    uint32_t words;     /* index into PWORDS */
    uint32_t owner;     /* actor, agent, form, discard or issue index */
} sr_dphrase;

typedef struct sr_dactor {
    uint32_t name;      /* string */
    uint32_t codes, ncodes;   /* range of ACODES */
    uint32_t origin;    /* "FILE:LINE" */
    uint32_t flags;     /* SR_ACTOR_* (dict.h) */
} sr_dactor;

typedef struct sr_dacode {
    uint32_t code;      /* string */
    uint32_t from, to;  /* YYYYMMDD, 0 = open; both 0 = default */
} sr_dacode;

typedef struct sr_dagent {
    uint32_t code;      /* string, without '~' */
    uint32_t flags;     /* SR_AGENT_PREFIX */
    uint32_t origin;
} sr_dagent;

typedef struct sr_dblock {
    uint32_t name, code, origin;
    uint32_t patterns, npatterns;   /* range of PATTERNS */
} sr_dblock;

typedef struct sr_dform {
    uint32_t block;
    uint32_t code;      /* string; 0 = the block's */
    uint32_t verb_word; /* index of the verb within the phrase */
    uint32_t origin;
} sr_dform;

typedef struct sr_dpattern {
    uint32_t block;
    uint32_t code, comment, origin;     /* strings */
    uint32_t terms, nterms;             /* range of TERMS */
} sr_dpattern;

typedef struct sr_dterm {
    uint8_t kind;       /* sr_term_kind */
    uint8_t flags;      /* SR_TERM_* */
    uint16_t reserved;
    uint32_t arg;       /* WORD: word id; SYNSET: synset index */
    uint32_t rel;       /* string, 0 = none */
} sr_dterm;

typedef struct sr_dsynset {
    uint32_t name;
    uint32_t members, nmembers;     /* range of SYNMEMBERS */
} sr_dsynset;

typedef struct sr_dsynmember {
    uint32_t terms, nterms;         /* range of TERMS */
} sr_dsynmember;

typedef struct sr_dtransform {
    uint32_t outer_source, inner_source, inner_target, inner_verb;
    uint32_t outer_verb, result_source, result_target, result_code;
    uint32_t origin;
} sr_dtransform;

typedef struct sr_ddiscard {
    uint32_t story;     /* 1 = the whole document */
    uint32_t origin;
} sr_ddiscard;

typedef struct sr_dissue {
    uint32_t code;      /* string; 0 for an ignore phrase */
    uint32_t flags;     /* SR_ISSUE_IGNORE */
    uint32_t origin;
} sr_dissue;

typedef struct sr_doption {
    uint32_t key, value;
} sr_doption;

typedef struct sr_dsource {
    uint32_t name;
    uint32_t hash_lo, hash_hi;
} sr_dsource;

/* The dictionary: the block and typed views of its sections. */
struct sr_dict {
    const unsigned char *base;
    size_t size;
    int owner;          /* 0 = malloc'd, 1 = mmap'd */
    const sr_dhdr *hdr;
    const char *str;
    uint32_t nstr;
    const sr_dword *words;
    uint32_t nwords;
    const uint32_t *wordhash;
    uint32_t hashmask;
    const sr_dphrase *phrases;
    uint32_t nphrases;
    const uint32_t *pwords;
    uint32_t npwords;
    const sr_dactor *actors;
    uint32_t nactors;
    const sr_dacode *acodes;
    uint32_t nacodes;
    const sr_dagent *agents;
    uint32_t nagents;
    const sr_dblock *blocks;
    uint32_t nblocks;
    const sr_dform *forms;
    uint32_t nforms;
    const sr_dpattern *patterns;
    uint32_t npatterns;
    const sr_dterm *terms;
    uint32_t nterms;
    const sr_dsynset *synsets;
    uint32_t nsynsets;
    const sr_dsynmember *synmembers;
    uint32_t nsynmembers;
    const sr_dtransform *transforms;
    uint32_t ntransforms;
    const sr_ddiscard *discards;
    uint32_t ndiscards;
    const sr_dissue *issues;
    uint32_t nissues;
    const sr_doption *options;
    uint32_t noptions;
    const sr_dsource *sources;
    uint32_t nsources;
    const uint32_t *idx_start;
    const uint32_t *idx_list;
    uint32_t nidx_list;
    bool has_stems;
};

/* The string at offset `off`. */
static inline const char *sr_dstr(const sr_dict *d, uint32_t off)
{
    return off < d->nstr ? d->str + off : "";
}

/* The id of the normalised word s[0..n), or SR_NOWORD. */
uint32_t sr_dict_word_id(const sr_dict *d, const char *s, size_t n);

/* The id of the longest dictionary stem that is a proper prefix of the
 * normalised word s[0..n) (at least 3 bytes long), or SR_NOWORD. */
uint32_t sr_dict_stem_id(const sr_dict *d, const char *s, size_t n);

/* The phrases of kind `k` whose first word is `w`, longest first:
 * idx_list[*first .. *first + return). */
static inline uint32_t sr_dict_phrases_from(const sr_dict *d, int k, uint32_t w,
                                            uint32_t *first)
{
    if (w >= d->nwords) {
        *first = 0;
        return 0;
    }
    const uint32_t *st = d->idx_start + (size_t)k * (d->nwords + 1);
    *first = st[w];
    return st[w + 1] - st[w];
}

/* A sentence word as the matchers see it. */
typedef struct sr_dtok {
    uint32_t form;      /* word id of the normalised form, or SR_NOWORD */
    uint32_t lemma;     /* word id of the normalised lemma, or SR_NOWORD */
    uint32_t stem;      /* longest stem prefix of the form, or SR_NOWORD */
} sr_dtok;

/* Fill a token from a word's form and lemma (either may be NULL). */
void sr_dict_tok(const sr_dict *d, const char *form, const char *lemma,
                 sr_dtok *t);

/* Whether dictionary word `w` (with SR_PHRASE_* / SR_TERM_* flags `flags`,
 * the STEM bit meaning w may be a prefix) matches token `t`. */
static inline bool sr_dict_word_matches(uint32_t w, unsigned flags,
                                        const sr_dtok *t)
{
    if (flags & SR_PHRASE_LEMMA)
        return t->lemma == w || (t->lemma == SR_NOWORD && t->form == w);
    if (t->form == w)
        return true;
    return (flags & SR_PHRASE_STEM) && t->stem == w;
}

/* Whether phrase `pid` matches toks[i..n) word by word. */
bool sr_dict_phrase_at(const sr_dict *d, uint32_t pid, const sr_dtok *toks,
                       size_t n, size_t i);

/* The longest phrase of kind `k` that matches toks[i..n) word by word.
 * Returns the phrase id and its length in *len, or SR_NOWORD. */
uint32_t sr_dict_match(const sr_dict *d, int k, const sr_dtok *toks, size_t n,
                       size_t i, size_t *len);

/* The code of actor `a` on `date` (YYYYMMDD, 0 = the default): the dated
 * code whose range covers the date (the first one listed when several do),
 * else the default code, else "". */
const char *sr_dict_actor_code_on(const sr_dict *d, uint32_t a, uint32_t date);
/* The code of actor `a`'s dated role that ended last before `date` (a
 * person who has left office, or died), or "" when none has. */
const char *sr_dict_actor_code_before(const sr_dict *d, uint32_t a, uint32_t date);
/* Whether one of actor `a`'s dated codes covers `date` (false when only
 * the default code, or none, holds then). */
bool sr_dict_actor_dated_on(const sr_dict *d, uint32_t a, uint32_t date);

/* "FILE:LINE" of an origin string offset (same as sr_dstr). */
#define sr_dict_origin(d, off) sr_dstr((d), (off))

#endif
