/*
 * coder.h — what the modules of the event coder share: the CAMEO table,
 * the coder object, and the per-sentence working state.
 *
 * Coding one sentence goes through these steps, each in its own file:
 *
 *   sentence.c  the words as the coder sees them: dictionary word ids,
 *               relation classes, children, clause spans
 *   mentions.c  actor and agent phrases found in the words, attached to
 *               the noun phrases that contain them; the "meaning" of a
 *               noun phrase (its actor codes, agents composed, conjuncts
 *               split, possessives, prepositional and relative-clause
 *               modifiers, pronouns resolved)
 *   match.c     verbs found, and their patterns matched against the words
 *               around them
 *   coder.c     events: roles (subject, passive agent, object), compound
 *               actors, verb-in-verb combinations, negation, modality,
 *               attribution, dates, discards; then, in sitrep's own mode,
 *               events stated by nouns (own format `noun` lines: "Israeli
 *               strikes on Gaza"); the public sr_code_doc()
 *   output.c    JSON Lines, GDELT and PLOVER records
 *
 * All per-sentence memory comes from a scratch arena that is reset for
 * every sentence; only the events themselves go to the document's arena.
 */
#ifndef SR_CODE_CODER_H
#define SR_CODE_CODER_H

#include "sitrep.h"
#include "../lexicon/compiled.h"

/* ---- the CAMEO table ------------------------------------------------------ */

typedef struct sr_cameo_entry {
    char code[8];
    double goldstein;
    bool has_goldstein;
    int quad;
    const char *plover, *mode, *context, *name;
} sr_cameo_entry;

typedef struct sr_cameo {
    sr_cameo_entry *v;
    size_t n;
} sr_cameo;

bool sr_cameo_load(sr_cameo *t, const char *path, sr_diag *diag);
void sr_cameo_free(sr_cameo *t);
/* The entry of `code`, or of its longest known prefix; NULL if none. */
const sr_cameo_entry *sr_cameo_find(const sr_cameo *t, const char *code);
/* Country (3 letters) and first sector of an actor code, "" when none. */
void sr_actor_split(const char *code, char country[4], char sector[4]);

/* ---- the coder -------------------------------------------------------------- */

struct sr_coder {
    const sr_dict *dict;
    sr_code_options opt;
    sr_cameo cameo;
    sr_diag *diag;
    /* word ids the coder looks for, resolved once */
    uint32_t w_by, w_from, w_in;
    /* the verb patterns are written over dependency relations (sitrep's
     * own format), where a pattern names its target when it has one: a
     * default target is then no place the act happened in and no actor of
     * a relative clause (PETRARCH's and TABARI's patterns leave the target
     * to the next actor) */
    bool explicit_targets;
    /* sitrep's own mode: the actor phrases of one word of 7 letters or
     * more, for names misspelt by one letter ("Ethopia") */
    uint32_t *long_names;
    size_t nlong_names;
};

/* ---- what a sentence leaves to the next --------------------------------------- */

/* The actors of a sentence's main subject (for a pronoun that opens a later
 * sentence: "Iran ... . It said ...") and the only state it names (for an
 * agent there with no country: "Iran ... . The foreign minister said ...");
 * kept from sentence to sentence of one document. */
typedef struct sr_context {
    char subject[4][48];
    uint32_t rule[4];
    int nsubject;
    char country[4];
    /* the actors the sentence named, distinct, in the order of their last
     * mention (for "the two leaders" in the next sentence) */
    char recent[6][48];
    uint32_t recent_rule[6];
    int nrecent;
    /* role nouns named with a country so far in the document ("Iranian
     * Foreign Minister Abbas Araghchi"), for the same role noun named
     * alone later ("the foreign minister said"): agent index and country */
    uint32_t agent[16];
    char agent_country[16][4];
    int nagent;
} sr_context;

/* ---- a sentence being coded ------------------------------------------------- */

/* Relation classes (UD v2, with v1 names folded in by the CoNLL-U reader). */
enum {
    R_OTHER = 0, R_ROOT, R_NSUBJ, R_NSUBJPASS, R_CSUBJ, R_OBJ, R_IOBJ, R_OBL,
    R_NMOD, R_POSS, R_CASE, R_MARK, R_DET, R_AMOD, R_COMPOUND, R_PRT, R_FLAT,
    R_APPOS, R_CONJ, R_CC, R_AUX, R_AUXPASS, R_COP, R_ADVMOD, R_XCOMP,
    R_CCOMP, R_ADVCL, R_ACL, R_RELCL, R_PARATAXIS, R_PUNCT, R_NUMMOD,
    R_FIXED, R_EXPL, R_DEP, R_TMOD, R_AGENT,
};

/* Relations that stay inside a noun phrase: a word with one of them
 * belongs to its head's phrase. */
static inline bool sr_climbs(uint8_t rel)
{
    return rel == R_COMPOUND || rel == R_FLAT || rel == R_AMOD || rel == R_DET ||
           rel == R_NUMMOD || rel == R_POSS || rel == R_FIXED;
}

typedef struct cword {
    int head;               /* index of the head in the sentence, -1 root */
    uint8_t rel;            /* R_* */
    uint8_t upos;
    bool neg;               /* "not", "n't", "never", "no" */
    const char *form;       /* original */
    const char *lower;      /* lower-cased form (scratch) */
    const char *lemma;      /* lower-cased lemma, or lower */
    sr_dtok tok;
    uint32_t hyph;          /* the hyphenated word this one ends ("cease-fire"
                               on "fire", split by the tokeniser) when the
                               dictionary has it, else SR_NOWORD (own mode) */
    int kid0, nkids;        /* children: kids[kid0 .. kid0 + nkids) */
    int sub_lo, sub_hi;     /* leftmost and rightmost word of the subtree */
    int np;                 /* the noun-phrase head this word belongs to
                               (for words inside a mention), else -1 */
} cword;

/* An actor or agent phrase found in the sentence. */
typedef struct mention {
    int start, end;         /* words [start, end) */
    bool agent;             /* agent (else actor) */
    uint32_t owner;         /* actor or agent index in the dictionary */
    int anchor;             /* the word of the phrase whose head is outside */
    int head;               /* the noun-phrase head it belongs to */
} mention;

/* One actor a noun phrase stands for. */
typedef struct actor {
    const char *code;       /* composed code (scratch arena) */
    int head;               /* the noun phrase's head word */
    int lo, hi;             /* words [lo, hi] that named it */
    bool weak;              /* agent only ("---GOV"), or a pronoun */
    bool pronoun;
    uint32_t rule;          /* origin of the actor entry (string offset) */
    bool place;             /* a bare city or region (SR_ACTOR_PLACE) */
    bool person;            /* a person's own entry (SR_ACTOR_PERSON) */
    bool org;               /* a named body alone, no agent composed onto
                               it (SR_ACTOR_ORG) */
} actor;

typedef struct alist {
    actor *v;
    int n;
} alist;

typedef struct csent {
    const sr_coder *c;
    const sr_dict *d;
    sr_doc *doc;
    uint32_t si;            /* sentence index */
    const sr_sentence *s;
    sr_arena *tmp;          /* scratch, reset per sentence */
    int n;
    cword *w;
    int *kids;
    mention *m;
    int nm;
    int *np_first, *np_count;   /* mentions of each noun-phrase head */
    int *mention_order;         /* mention indexes grouped by head */
    alist *meaning;         /* memo per word */
    uint8_t *meaning_state; /* 0 unknown, 1 computing, 2 done */
    char country[4];        /* the only country the sentence names ("" none
                               or several), once country_done */
    bool country_done;
    bool countries_many;    /* it names several */
    const sr_context *prev; /* what the sentences before left, or NULL */
    uint32_t date;          /* the sentence's event date (YYYYMMDD) or 0 */
    const char *date_iso;
} csent;

/* sentence.c */
/* The class (R_*) of a UD relation name, v1 or v2, with or without
 * subtype. */
uint8_t sr_rel_class(const char *rel);
bool sr_csent_init(csent *cs, const sr_coder *c, sr_doc *doc, uint32_t si,
                   sr_arena *tmp);
bool sr_is_nominal(const csent *cs, int i);
/* Whether word i heads a clause (a verb, or a predicate with a subject). */
bool sr_is_predicate(const csent *cs, int i);
/* The child of `i` with relation class `rel` (first), or -1. */
int sr_child(const csent *cs, int i, int rel);
/* The child of `i` of class `rel` whose form is `w` (lower case), or -1. */
int sr_child_word(const csent *cs, int i, int rel, const char *w);
char *sr_span_text(const csent *cs, int lo, int hi, sr_arena *a);

/* coder.c: the subject of verb v (inherited from the governing clause when
 * it has none; *passive set when it is a passive subject), whether v is
 * passive, whether it is negated. */
int sr_subject_of(const csent *cs, int v, bool *passive);
bool sr_is_passive(const csent *cs, int v);
bool sr_has_neg(const csent *cs, int v);

/* mentions.c */
void sr_find_mentions(csent *cs);
/* The actors word i stands for (i a noun-phrase head or any word). */
const alist *sr_meaning(csent *cs, int i);
/* The code of actor `a` in an event with `other` (NULL: none): an agent
 * with no country of its own ("---GOV"), in a sentence that names one
 * state only, is that state's ("President Bouteflika threatened a curfew
 * in Algiers"), unless that makes it the other side itself ("the Pentagon
 * dispatched vessels"). */
const char *sr_agent_country(csent *cs, const actor *a, const actor *other);
/* What this sentence leaves to the next: its main subject's actors when
 * it has any, the only state it names (cleared when it names several). */
void sr_context_update(csent *cs, sr_context *ctx);
/* The actors of the noun phrase at i, without falling back to its
 * modifiers (prepositional, relative): what a pattern's '$' or '+' at i
 * picks up. */
const alist *sr_meaning_at(csent *cs, int i);
/* Whether the code's base is one of CAMEO's regions (WST, AFR, MEA, ...). */
bool sr_region_code(const char *code);

/* dates.c */
uint32_t sr_parse_iso_date(const char *s);
/* The date of the sentence's events (YYYYMMDD), from its date expressions
 * and the published date (YYYYMMDD, 0 = unknown: then 0). */
uint32_t sr_sentence_date(csent *cs, uint32_t published);

/* match.c */

/* A verb of the dictionary found at word `v`. */
typedef struct verbhit {
    int v;                  /* the verb word */
    int lo, hi;             /* words of the form ("broke down") */
    uint32_t form;          /* sr_dform index */
    uint32_t block;
    /* other forms of the same words in other blocks (a dictionary that
     * lists a verb twice, "--- SHOT [---] ---" and "--- SHOT [223] ---"):
     * their patterns are tried too */
    int nalt;
    uint32_t alt_form[4], alt_block[4];
} verbhit;

bool sr_find_verb(csent *cs, int v, verbhit *out);
/* The block of verb v's one-word form, without a particle after it. */
bool sr_find_verb_alone(csent *cs, int v, verbhit *out);
/* An event noun of the dictionary (own format `noun` lines) at word v. */
bool sr_find_noun(csent *cs, int v, verbhit *out);
/* Whether verb block `block` is an event noun's. */
bool sr_noun_block(const sr_dict *d, uint32_t block);

/* The outcome of matching a block's patterns. */
typedef struct pmatch {
    int pattern;            /* sr_dpattern index, -1 = the verb's own code */
    const char *code;       /* the code (dictionary string) */
    uint32_t origin;
    int source, target;     /* words the pattern named as source / target
                               ('$', '+'), -1 = not named */
    bool compound;          /* '%': the subject's members act on each other */
    bool neg_consumed;      /* the pattern asks for a negated verb ("not
                               allow"): the negation is part of the code */
    int score;
} pmatch;

/* The windows a verb's patterns look at: words of its clause before and
 * after it, in sentence order. */
typedef struct window {
    int *v;
    int n;
    /* v[0] is the verb governing the clause (before it), for linear
     * patterns only (SR_TERM_LINEAR); others skip it */
    bool gov;
    /* the words a PETRARCH-2 pattern sees (its subject's: no adverbs or
     * auxiliaries of the verb); NULL = all of v */
    int *cv;
    int cn;
} window;

void sr_verb_windows(csent *cs, int v, window *pre, window *post);
bool sr_match_patterns(csent *cs, const verbhit *h, const window *pre,
                       const window *post, pmatch *out);

#endif
