/*
 * own.h — the project's own dictionary format (data/dict/, documented in
 * docs/dictionaries.md): its in-memory form, its reader, its checker.
 *
 * The reader (own_read.c) turns text into a list of entries that keep their
 * file and line, reporting malformed lines and skipping them; it never
 * resolves anything. The checker (own_check.c) looks at all entries at once
 * and reports unknown codes, duplicates, conflicts, overlapping dates and
 * patterns that can never match. The compiler (own_compile.c) hands checked
 * entries to the coder's dictionary builder. Keeping the three apart means a
 * user sees every problem of a file, not only the first, and that the
 * builder sees only entries that passed.
 *
 * Memory: everything hangs off one arena owned by the sr_own_dict.
 */
#ifndef SR_LEXICON_OWN_H
#define SR_LEXICON_OWN_H

#include "sitrep.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Open ends of a date range (dates are YYYYMMDD integers). */
#define SR_OWN_DATE_MIN 0u
#define SR_OWN_DATE_MAX 99999999u
/* Longest code (CAMEO actor codes are at most 15 letters in practice). */
#define SR_OWN_MAX_CODE 24

typedef enum sr_own_kind {
    SR_OWN_SECTOR = 1,   /* sector GOV description */
    SR_OWN_REGION,       /* region MEA names (a non-country base code) */
    SR_OWN_COUNTRY,      /* country USA names + adj/people/seat/place/role */
    SR_OWN_ACTOR,        /* actor CODE names + role/also */
    SR_OWN_PERSON,       /* person names + role/also */
    SR_OWN_MEDIA,        /* media CODE names + also */
    SR_OWN_AGENT,        /* agent SECTOR names */
    SR_OWN_NONACTOR,     /* nonactor names */
    SR_OWN_DISCARD,      /* discard phrases (sentence) */
    SR_OWN_DISCARD_STORY,/* discard-story phrases */
    SR_OWN_PRED,         /* pred CODE pattern; also `noun CODE pattern`
                            (an event noun: pattern->noun) */
} sr_own_kind;

/* What a name of an entry is. */
typedef enum sr_own_name_kind {
    SR_OWN_NAME = 0,     /* a name proper (header, `also`) */
    SR_OWN_ADJ,          /* country adjective */
    SR_OWN_PEOPLE,       /* country demonym */
    SR_OWN_SEAT,         /* capital / seat of power; `code` is the full code */
    SR_OWN_PLACE,        /* city, province, region of a country; `code` is
                            the country's code */
} sr_own_name_kind;

typedef struct sr_own_name {
    const char *text;    /* words separated by single spaces, as written */
    const char *code;    /* SEAT: country code + sector; PLACE: country
                            code; else NULL */
    uint32_t line;
    uint8_t kind;        /* sr_own_name_kind */
} sr_own_name;

typedef struct sr_own_role {
    char code[SR_OWN_MAX_CODE + 1];
    uint32_t from, to;   /* [from, to) YYYYMMDD; SR_OWN_DATE_MIN/MAX open */
    bool dated;          /* false: the default role (no range given) */
    uint32_t line;
} sr_own_role;

/* A predicate pattern: a head and slots, each slot a relation and a
 * filler. See docs/dictionaries.md ("pred"). */
typedef enum sr_own_fill {
    SR_OWN_FILL_TARGET = 1,  /* T */
    SR_OWN_FILL_SOURCE,      /* S */
    SR_OWN_FILL_ANY,         /* * */
    SR_OWN_FILL_LEMMA,       /* one of `lemmas` */
} sr_own_fill;

typedef struct sr_own_slot sr_own_slot;

struct sr_own_slot {
    const char **rels;       /* "obj", "xcomp", a preposition ("with",
                                "on_behalf_of"), ...; alternatives */
    uint32_t nrels;
    uint8_t fill;            /* sr_own_fill */
    const char **lemmas;     /* FILL_LEMMA: alternatives */
    uint32_t nlemmas;
    sr_own_slot *sub;        /* the filler's own slots ("(...)") */
    uint32_t nsub;
};

typedef struct sr_own_pattern {
    bool negated;            /* `not`: matches only a negated head */
    bool noun;               /* an event-noun predicate (`noun CODE ...`):
                                the heads are noun lemmas ("strike on:T") */
    const char **heads;      /* verb lemmas, alternatives */
    const char **particles;  /* per head: the particle ("down"), or NULL */
    uint32_t nheads;
    sr_own_slot *slots;
    uint32_t nslots;
    const char *text;        /* the pattern as written (normalised spaces) */
} sr_own_pattern;

typedef struct sr_own_entry {
    uint8_t kind;            /* sr_own_kind */
    const char *file;
    uint32_t line;
    char code[SR_OWN_MAX_CODE + 1];  /* sector / region / country / actor /
                                        media / agent / CAMEO event code;
                                        "" for person, nonactor, discard */
    const char *text;        /* SECTOR: description; else NULL */
    sr_own_name *names;
    uint32_t nnames, cap_names;
    sr_own_role *roles;
    uint32_t nroles, cap_roles;
    sr_own_pattern *pattern; /* PRED only */
} sr_own_entry;

typedef struct sr_own_source {
    const char *name;        /* the file's name (without its folder) */
    uint64_t hash;           /* hash of its bytes */
} sr_own_source;

typedef struct sr_own_dict {
    sr_arena *arena;
    sr_own_entry *entries;
    size_t nentries, cap;
    sr_own_source *sources;  /* the files read, in order */
    size_t nsources, cap_sources;
    unsigned files;          /* files read */
    unsigned syntax_errors;  /* malformed lines reported by the reader */
} sr_own_dict;

/* A new, empty dictionary. */
sr_own_dict *sr_own_new(void);
void sr_own_free(sr_own_dict *d);

/* Parse `len` bytes of text named `file` (for messages) into `d`. Malformed
 * lines are reported to `diag` as "FILE:LINE: reason" and skipped; the rest
 * is kept. Returns the number of lines reported. */
unsigned sr_own_parse(sr_own_dict *d, const char *file, const char *text,
                      size_t len, sr_diag *diag);

/* Read files, or folders of *.txt files (recursively, in byte order of the
 * names), into `d`. A path that cannot be read is reported; returns
 * SR_ERR_IO if any could not be, else SR_OK (syntax errors are counted in
 * d->syntax_errors, not in the status). */
sr_status sr_own_read_paths(sr_own_dict *d, const char *const *paths,
                            size_t npaths, sr_diag *diag);

/* Whether a CAMEO event code exists: the callback the checker uses. */
typedef bool (*sr_own_event_known)(const char *code, void *ctx);

/* Check the whole dictionary: unknown codes, duplicates, conflicts,
 * overlapping date ranges, patterns that can never match. Every problem is
 * reported to `diag` with file and line. `known` may be NULL (event codes
 * are then checked only for their form). Returns the number of problems. */
unsigned sr_own_check(const sr_own_dict *d, sr_own_event_known known,
                      void *ctx, sr_diag *diag);

/* Whether `code` is a CAMEO event code of the project's CAMEO table
 * (data/cameo/). Usable as an sr_own_event_known callback (ctx unused). */
bool sr_own_cameo_known(const char *code, void *ctx);

typedef struct sr_dict sr_dict;
typedef struct sr_dict_builder sr_dict_builder;

/* Add every entry of `d` to a builder of the coder's dictionary model
 * (src/lexicon/dict.h). The caller checks `d` first: conflicting entries
 * are never resolved here. */
sr_status sr_own_compile(const sr_own_dict *d, sr_dict_builder *b);

/* Compile a checked dictionary into the coder's binary form at `path`
 * (NULL: sr_own_default_path()). */
sr_status sr_own_compile_file(const sr_own_dict *d, const char *path,
                              sr_diag *diag);

/* Where the compiled form of the shipped dictionaries lives: dict.srd in
 * the data folder. Writes into buf[cap] and returns it. */
const char *sr_own_default_path(char *buf, size_t cap);

/* The shipped knowledge base (the data folder's dict/), ready for the
 * coder: the compiled dict.srd when it was built from exactly the current
 * source files, else compiled now (and saved there when the folder can be
 * written). NULL, with a message, when the files cannot be read. The
 * caller frees it with sr_dict_free(). */
sr_dict *sr_own_default_dict(sr_diag *diag);

/* Counts by kind (indexed by sr_own_kind), names and roles, and pattern
 * counts per CAMEO root (index 1..20). */
typedef struct sr_own_counts {
    unsigned entries[SR_OWN_PRED + 1];
    unsigned names, roles;
    unsigned root_patterns[21];
    unsigned noun_patterns;      /* preds that are event nouns (`noun`) */
    unsigned pattern_variants;   /* patterns with every alternative
                                    (head, relation, filler) spelled out */
} sr_own_counts;

void sr_own_count(const sr_own_dict *d, sr_own_counts *c);

/* The name of a kind ("country", "pred", ...). */
const char *sr_own_kind_name(sr_own_kind k);

/* Whether `w` is an English particle of a phrasal verb (up, down, out ...)
 * and whether it is a preposition the pattern language knows. */
bool sr_own_is_particle(const char *w);
bool sr_own_is_preposition(const char *w);

#endif
