/*
 * dict.h — the in-memory dictionary model of sitrep, the builder every
 * dictionary reader fills, and the compiled binary form the coder runs on.
 *
 * One model for every dictionary format. The PETRARCH-2, PETRARCH-1 and
 * TABARI readers (src/lexicon/petrarch.c, tabari.c) and the reader of the
 * project's own format (issue 6) all do the same thing: they read text and
 * call the sr_dictb_* functions below. Nothing downstream knows which format
 * an entry came from, except through its origin ("FILE:LINE"), which every
 * entry keeps so that `sitrep code --explain` can name it.
 *
 * What a dictionary holds (all of it optional):
 *
 *   actors      named things with codes: "Barack Obama", "Iran", "the
 *               European Union". An actor has one or more phrases (synonyms)
 *               and one or more codes, each valid in a date range; a code
 *               with no range is the default.
 *   agents      role nouns that combine with an actor: "foreign minister"
 *               [~GOV] makes "Iranian foreign minister" IRN + GOV = IRNGOV;
 *               "human rights body" [NGO~] makes NGO + the actor's code.
 *   verbs       verb blocks: a set of verb forms ("meet", "met", "hold
 *               talks") sharing a default code, and patterns that refine it
 *               ("- * (FOR ASYLUM) [1032]"). A pattern is a sequence of terms
 *               (words, synsets, the verb '*', source '$' and target '+'
 *               markers, skips '^', compound '%', noun-phrase {...} and
 *               prepositional-phrase (...) groups) and a code.
 *   synsets     named sets of phrases ("&CURRENCY" = dollar, euro, ...)
 *               that patterns and other synsets refer to.
 *   transforms  rules that rewrite an event nested in another
 *               ("A said B attacked C" -> A accuses B): PETRARCH-2's "~".
 *   discards    phrases that mark a sentence (or a whole story) as not to
 *               be coded (sports results, ...).
 *   issues      phrases that tag an event with an issue code.
 *   options     key/value settings some formats carry (TABARI .options).
 *
 * Words. Dictionary words are compared with sentence words after
 * sr_dict_norm(): lowercase (full Unicode case folding of each character),
 * curly quotes and apostrophes folded to straight ones. Phrases are given to
 * the builder as words separated by single spaces; readers turn the
 * underscores of the PETRARCH/TABARI formats into spaces. By default a
 * dictionary word matches the surface form of a sentence word; a phrase or
 * term with the LEMMA flag matches the word's lemma (what the project's own
 * format, written over lemmas, uses); a STEM flag makes the last word a
 * prefix (TABARI's stems: "ARGENTIN" matches "Argentina", "Argentine").
 * Plurals and verb inflections are not generated here: the readers expand
 * them (sr_dict_plural() and sr_dict_verb_forms() help) and add each form as
 * its own phrase, so the compiled form holds exactly what can match.
 *
 * Codes are kept as the strings the dictionary gives ("IRNGOV", "042:043",
 * "---", "0871"); the coder interprets them. Dates are YYYYMMDD integers.
 *
 * Memory: the builder copies every string it is given, so callers may pass
 * temporary buffers. sr_dictb_compile() turns the builder into an sr_dict,
 * one contiguous block of memory with no pointers inside (offsets only), so
 * it can be written to a file and mapped back with mmap: start-up costs a
 * page-in, not a parse. An sr_dict is read-only after it is made and can be
 * shared by any number of threads.
 *
 * Bad input: the builder never fails on content. An entry that cannot be
 * used (an empty phrase, a pattern without '*', a reference to an undefined
 * synset at compile time) is reported to the builder's sr_diag with its
 * origin and dropped; with `strict` set, such a report makes
 * sr_dictb_compile() return NULL. Loops (a synset that contains itself,
 * directly or not) are reported at compile time and broken.
 */
#ifndef SR_LEXICON_DICT_H
#define SR_LEXICON_DICT_H

#include "sitrep.h"

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* ------------------------------------------------------------------------ */
/* Words                                                                     */
/* ------------------------------------------------------------------------ */

/* The longest word (in bytes, after normalisation) a dictionary keeps;
 * longer words are truncated. */
#define SR_DICT_MAX_WORD 127
/* The name suffix of a verb block that holds an event noun's patterns (the
 * own format's `noun` lines, "strike#n"): the coder tries such blocks on
 * nouns only, and never on verbs. */
#define SR_NOUN_BLOCK_SUFFIX "#n"
/* The most words one phrase or pattern may have; longer ones are reported
 * and dropped. */
#define SR_DICT_MAX_TERMS 64

/* Normalise one word for matching: case-folded, curly quotes and apostrophes
 * made straight, NUL-terminated in out[cap] (truncated to cap-1 bytes, at a
 * character boundary). Returns the length written. Invalid UTF-8 is copied
 * byte for byte. */
size_t sr_dict_norm(const char *s, size_t n, char *out, size_t cap);

/* The regular English plural of a (normalised) noun: +s, y -> ies after a
 * consonant, +es after s, x, z, ch, sh. Writes into out[cap]; returns the
 * length. */
size_t sr_dict_plural(const char *word, char *out, size_t cap);

/* The regular inflections of a (normalised) English verb, as PETRARCH makes
 * them: 3rd person -s, past -ed, gerund -ing (with e-dropping, y -> ies/ied,
 * and consonant doubling for short CVC verbs). Writes up to 3 forms into
 * forms[3][cap]; returns how many. */
int sr_dict_verb_forms(const char *verb, char forms[][SR_DICT_MAX_WORD + 1]);

/* ------------------------------------------------------------------------ */
/* Patterns: terms                                                           */
/* ------------------------------------------------------------------------ */

typedef enum sr_term_kind {
    SR_TERM_WORD = 1,    /* a word; `text` is the word */
    SR_TERM_SYNSET,      /* any phrase of the synset named `text` (no '&') */
    SR_TERM_VERB,        /* '*': where the verb stands */
    SR_TERM_SOURCE,      /* '$': the actor found here is the source */
    SR_TERM_TARGET,      /* '+': the actor found here is the target */
    SR_TERM_SKIP,        /* '^': skip one phrase (PETRARCH) */
    SR_TERM_COMPOUND,    /* '%': a compound actor whose members act on each
                            other ("A and B agreed") */
    SR_TERM_NP_OPEN,     /* '{' .. '}': words of one noun phrase, head last */
    SR_TERM_NP_CLOSE,
    SR_TERM_PP_OPEN,     /* '(' .. ')': a prepositional phrase: the first
                            word is the preposition, the rest its noun
                            phrase */
    SR_TERM_PP_CLOSE,
    SR_TERM_ALT_OPEN,    /* '{ A | B }': TABARI's alternatives; terms between
                            SR_TERM_ALT_BAR separate the choices */
    SR_TERM_ALT_BAR,
    SR_TERM_ALT_CLOSE,
} sr_term_kind;

enum {
    SR_TERM_LEMMA    = 1 << 0,  /* a WORD matched against the lemma (the
                                   same bit as SR_PHRASE_LEMMA) */
    SR_TERM_STEM     = 1 << 1,  /* a WORD matched as a prefix (the same bit
                                   as SR_PHRASE_STEM) */
    SR_TERM_ADJACENT = 1 << 2,  /* must directly follow the previous term
                                   (written '_' in PETRARCH-1/TABARI) */
    SR_TERM_LINEAR   = 1 << 3,  /* on a VERB term: the pattern comes from a
                                   file without phrase groups (PETRARCH-1,
                                   TABARI), whose words before '*' are read
                                   off the sentence, so the verb governing a
                                   complement clause counts as a word before
                                   the clause's verb ("indicated it
                                   deplored") */
    /* bits 4-7: the level of a term with a relation (tree patterns): 0 = a
     * dependent of the verb or of any word matched before; k >= 1 = a
     * dependent of the latest word matched at level k only (a filler's own
     * slot: "ccomp:*(nsubj:T)"); a word matched by a term of level k is at
     * level k + 1, the verb at 0 */
    SR_TERM_LEVEL_SHIFT = 4,
    SR_TERM_LEVEL_MASK = 0xF0,
};

/* How the coder reads a pattern. A pattern none of whose terms carries a
 * relation is matched in word order, PETRARCH's way (see src/code/match.c).
 * A pattern with relations is matched on the dependency tree, in no order:
 *   - every term with `rel` must be a dependent with that relation of the
 *     verb or of a word an earlier term matched (the latest first); "nsubj"
 *     is the verb's subject, inherited from the governing clause when it
 *     has none; "obj" is also the subject of a passive verb;
 *   - WORD terms match the dependent's lemma (with SR_TERM_LEMMA) or form;
 *     SOURCE / TARGET take the actor of the dependent;
 *   - a PP group (PP_OPEN, the preposition as a WORD, then terms, PP_CLOSE)
 *     is an oblique or nominal dependent introduced by that preposition
 *     ("on behalf of": its case word and the case word's fixed words); the
 *     terms inside apply to that noun;
 *   - a WORD "not" with rel "advmod" asks for a negated verb, and the
 *     negation is then part of the code: the event is not marked negated;
 *   - the pattern with the most terms that matches wins.
 * Terms without `rel` in such a pattern (the VERB, group brackets) only
 * structure it. */

/* One term of a pattern or of a synset phrase, as a reader gives it. */
typedef struct sr_dict_term {
    uint8_t kind;            /* sr_term_kind */
    uint8_t flags;           /* SR_TERM_* flags */
    const char *text;        /* WORD: the word; SYNSET: its name; else NULL */
    const char *rel;         /* optional: the dependency relation (UD v2,
                                "obj", "obl", "nsubj", "xcomp", ...) the word
                                must have in the parse, relative to the verb
                                for words outside groups and to the group's
                                head inside them; NULL = no constraint */
} sr_dict_term;

/* ------------------------------------------------------------------------ */
/* The builder                                                               */
/* ------------------------------------------------------------------------ */

typedef struct sr_dict_builder sr_dict_builder;

/* A new, empty builder. Reports go to `diag` (NULL = stderr). With
 * `strict`, any report makes sr_dictb_compile() fail. */
sr_dict_builder *sr_dictb_new(sr_diag *diag, bool strict);
/* Free a builder that was not compiled. NULL is allowed. */
void sr_dictb_free(sr_dict_builder *b);

/* Set the origin that the next entries record: the file name (copied) and
 * the line. Readers call it for every entry they add; `--explain` prints it
 * as "FILE:LINE". */
void sr_dictb_at(sr_dict_builder *b, const char *file, uint32_t line);

/* Report a problem with the input at the current origin, as readers do for
 * malformed lines: "sitrep: FILE:LINE: message". Counts towards `strict`. */
void sr_dictb_error(sr_dict_builder *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The number of problems reported so far. */
unsigned sr_dictb_errors(const sr_dict_builder *b);

/* Record the identity of a source file (its name and a hash of its bytes),
 * so a compiled dictionary can tell whether it is stale. */
void sr_dictb_source(sr_dict_builder *b, const char *name, uint64_t hash);

/* -- actors -- */

enum {
    SR_PHRASE_LEMMA = 1 << 0,   /* match the words' lemmas, not their forms */
    SR_PHRASE_STEM  = 1 << 1,   /* the last word is a prefix (TABARI stems) */
};

/* Start a new actor and return its index. `name` is how the actor is shown
 * (usually its first phrase); NULL = none. */
uint32_t sr_dictb_actor(sr_dict_builder *b, const char *name);
/* Actor flags: SR_ACTOR_PLACE marks a city or region of its country (an
 * own `place` line), not the country itself; SR_ACTOR_PERSON a person (an
 * own `person` entry), whose dated code is complete: the titles and
 * adjectives written before the name do not add to it. */
#define SR_ACTOR_PLACE 1u
#define SR_ACTOR_PERSON 2u
/* SR_ACTOR_ORG: a named body of an own `actor` entry (a party, an armed
 * group, an organ of an IGO), not a country, seat, place or person */
#define SR_ACTOR_ORG 4u
/* Adds SR_ACTOR_* flags to an actor. */
void sr_dictb_actor_flags(sr_dict_builder *b, uint32_t actor, uint32_t flags);
/* Add a phrase ("words separated by spaces") that names actor `actor`. A
 * phrase may name several actors (different dictionaries); the first one
 * added wins, and the duplicate is reported as a warning. */
void sr_dictb_actor_phrase(sr_dict_builder *b, uint32_t actor,
                           const char *phrase, unsigned flags);
/* Add a code of actor `actor`, valid from `from` to `to` inclusive
 * (YYYYMMDD; 0 = unbounded on that side). from = to = 0 is the default code,
 * used when no dated code covers the event date. "---" is the null code (a
 * known actor that codes nothing). */
void sr_dictb_actor_code(sr_dict_builder *b, uint32_t actor, const char *code,
                         uint32_t from, uint32_t to);

/* -- agents -- */

enum {
    SR_AGENT_PREFIX = 1 << 8,   /* the code goes before the actor's code
                                   ([NGO~]); default: after it ([~GOV]) */
};

/* Add an agent phrase with its code (without the '~'). `flags` takes
 * SR_PHRASE_* and SR_AGENT_PREFIX. */
void sr_dictb_agent(sr_dict_builder *b, const char *phrase, const char *code,
                    unsigned flags);

/* -- verbs -- */

/* Start a verb block: `name` (shown by --explain; transformations refer to
 * blocks by name) and its default code (NULL or "---": the bare verb codes
 * nothing). Returns the block's index. */
uint32_t sr_dictb_verb_block(sr_dict_builder *b, const char *name,
                             const char *code);
/* Add a form of the block's verb. `phrase` is the form's words ("broke
 * down", "wire tap"); `verb_word` is the index (0-based) of the verb within
 * it, the other words being particles or preceding words that must stand
 * next to it. `code` overrides the block's code for this form (NULL =
 * block's). `flags` takes SR_PHRASE_*. */
void sr_dictb_verb_form(sr_dict_builder *b, uint32_t block, const char *phrase,
                        unsigned verb_word, const char *code, unsigned flags);
/* Add a pattern to a block: its terms (exactly one SR_TERM_VERB), its code
 * and an optional comment (NULL). Groups must be balanced; a malformed
 * pattern is reported and dropped. */
void sr_dictb_pattern(sr_dict_builder *b, uint32_t block,
                      const sr_dict_term *terms, size_t nterms,
                      const char *code, const char *comment);

/* -- synsets -- */

/* Start (or continue: the same name adds to the same set) a synset; `name`
 * without the '&'. Returns its index. */
uint32_t sr_dictb_synset(sr_dict_builder *b, const char *name);
/* Add one phrase to a synset: its terms (words, nested synsets, a PP
 * group). */
void sr_dictb_synset_phrase(sr_dict_builder *b, uint32_t synset,
                            const sr_dict_term *terms, size_t nterms);

/* -- transformations -- */

/* "~ a (a b ATTACK) SAY = a b 015": when an event of verb `outer_verb` has
 * source variable `outer_source` and, as its object, an event (inner_source,
 * inner_target, inner_verb), the pair becomes one event (result_source,
 * result_target, result_code). Variables are one-letter names that must
 * agree; "." matches any actor, "_" no actor. Verbs are block names, or "Q"
 * for any; result_code "Q" keeps the inner code. */
typedef struct sr_dict_transform {
    const char *outer_source;
    const char *inner_source, *inner_target, *inner_verb;
    const char *outer_verb;
    const char *result_source, *result_target, *result_code;
} sr_dict_transform;

void sr_dictb_transform(sr_dict_builder *b, const sr_dict_transform *t);

/* -- discards, issues, options -- */

/* A phrase that marks the sentence (story = false) or the whole document
 * (story = true) as not to be coded. `flags` takes SR_PHRASE_*. */
void sr_dictb_discard(sr_dict_builder *b, const char *phrase, bool story,
                      unsigned flags);

enum {
    SR_ISSUE_IGNORE = 1 << 8,   /* a phrase that cancels the issue coding of
                                   the sentence ("~Saturday Night massacre") */
};
/* A phrase that tags events of its sentence with issue `code` (NULL for an
 * ignore phrase). `flags` takes SR_PHRASE_* and SR_ISSUE_IGNORE. */
void sr_dictb_issue(sr_dict_builder *b, const char *phrase, const char *code,
                    unsigned flags);

/* A setting ("require_dyad", "true"; TABARI "COMPLEX", "VERBS[5] ..."). */
void sr_dictb_option(sr_dict_builder *b, const char *key, const char *value);

/* ------------------------------------------------------------------------ */
/* The compiled dictionary                                                   */
/* ------------------------------------------------------------------------ */

typedef struct sr_dict sr_dict;

/* Compile the builder into a dictionary and free the builder (also on
 * failure). Returns NULL when `strict` was set and a problem was reported,
 * or when the dictionary would exceed the 4 GiB the format can address. */
sr_dict *sr_dictb_compile(sr_dict_builder *b);

/* Write a compiled dictionary to `path` (atomically: a temporary file
 * renamed into place). */
sr_status sr_dict_save(const sr_dict *d, const char *path, sr_diag *diag);
/* Map a compiled dictionary written by sr_dict_save(). The file is checked
 * (magic, version, every offset in bounds) before use; a damaged or foreign
 * file is reported and NULL returned. */
sr_dict *sr_dict_load(const char *path, sr_diag *diag);
/* Free (or unmap) a dictionary. NULL is allowed. */
void sr_dict_free(sr_dict *d);

/* The bytes of the compiled form (what sr_dict_save writes). */
const void *sr_dict_bytes(const sr_dict *d, size_t *len);
/* Whether the dictionary was built from exactly these sources (names and
 * hashes as given to sr_dictb_source(), in the same order). */
bool sr_dict_built_from(const sr_dict *d, const char *const *names,
                        const uint64_t *hashes, size_t n);

/* Counts, for `sitrep dict check` and tests. */
typedef struct sr_dict_stats {
    uint32_t words;          /* distinct words */
    uint32_t actors, actor_phrases, actor_codes;
    uint32_t agents;
    uint32_t verb_blocks, verb_forms, patterns;
    uint32_t synsets, synset_phrases;
    uint32_t transforms, discards, issues, options;
    uint32_t bytes;          /* size of the compiled form */
} sr_dict_stats;

void sr_dict_stats_get(const sr_dict *d, sr_dict_stats *st);

/* Look up a phrase the way the coder matches a noun phrase: the code of
 * the actor named exactly `phrase` (words separated by spaces, any case) on
 * `date` (YYYYMMDD; 0 = default code), or NULL when there is none. For
 * tests and `sitrep dict check`. */
const char *sr_dict_actor_code(const sr_dict *d, const char *phrase,
                               uint32_t date);
/* The code of the agent named exactly `phrase` and whether it is a prefix
 * (SR_AGENT_PREFIX in *flags), or NULL. */
const char *sr_dict_agent_code(const sr_dict *d, const char *phrase,
                               unsigned *flags);
/* The code the bare verb form `phrase` ("met", "broke down") codes, or NULL
 * when it is not a verb of the dictionary; *block receives the block name. */
const char *sr_dict_verb_code(const sr_dict *d, const char *phrase,
                              const char **block);
/* The value of option `key`, or NULL. */
const char *sr_dict_option(const sr_dict *d, const char *key);

#endif
