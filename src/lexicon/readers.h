/*
 * readers.h — the dictionary readers of the formats users already have
 * (PETRARCH-2, PETRARCH-1, TABARI), and the line source they share.
 *
 * Every reader takes a source (a whole file in memory, as UTF-8) and a
 * builder, and adds what it understands; a line it cannot understand is
 * reported with file and line (sr_dictb_error) and skipped, so one bad line
 * never loses the rest of the file. Readers never allocate what outlives
 * the call: the builder copies.
 */
#ifndef SR_LEXICON_READERS_H
#define SR_LEXICON_READERS_H

#include "dict.h"

/* A dictionary file in memory. Text that is not valid UTF-8 is taken to be
 * ISO-8859-1 (TABARI's files) and converted; `hash` is of the raw bytes. */
typedef struct sr_dsrc {
    const char *name;       /* file name as given (for messages) */
    char *text;             /* UTF-8, NUL-terminated, owned */
    size_t len;
    size_t pos;             /* reading position */
    uint32_t line;          /* number of the line last returned */
    uint64_t hash;          /* XXH3 of the raw bytes */
    bool in_comment;        /* inside a multi-line <!-- --> comment */
} sr_dsrc;

/* Read a file; on failure report to `diag` and return false. */
bool sr_dsrc_open(sr_dsrc *s, const char *path, sr_diag *diag);
/* A source over bytes in memory (copied; converted as above). */
void sr_dsrc_mem(sr_dsrc *s, const char *name, const char *data, size_t len);
void sr_dsrc_close(sr_dsrc *s);

/* The next line with comments removed and trailing whitespace trimmed:
 * XML-style <!-- ... --> comments (also across lines), '#' to the end of
 * the line, and with `semicolon` also ';' to the end of the line (TABARI).
 * *line points into a buffer of the source (valid until the next call);
 * *raw_blank is set when the line was empty before comments were removed.
 * Returns false at the end. Sets s->line. */
bool sr_dsrc_line(sr_dsrc *s, bool semicolon, char **line, size_t *len,
                  bool *raw_blank);

/* The kinds of dictionary file. */
typedef enum sr_dict_kind {
    SR_DK_UNKNOWN = 0,
    SR_DK_VERBS, SR_DK_ACTORS, SR_DK_AGENTS, SR_DK_DISCARDS, SR_DK_ISSUES,
    SR_DK_OPTIONS
} sr_dict_kind;

/* The dialect of a file: PETRARCH (1 or 2: one reader serves both) or
 * TABARI (stems, ';' comments, inline dates, <SECTION> blocks). */
typedef enum sr_dict_dialect {
    SR_DD_PETRARCH = 1, SR_DD_TABARI
} sr_dict_dialect;

/* Guess the dialect of a file from its name and content. */
sr_dict_dialect sr_dict_guess_dialect(const sr_dsrc *s);

/* The readers. Each returns the number of problems it reported. */
unsigned sr_dread_verbs(sr_dict_builder *b, sr_dsrc *s, sr_dict_dialect dd);
unsigned sr_dread_actors(sr_dict_builder *b, sr_dsrc *s, sr_dict_dialect dd);
unsigned sr_dread_agents(sr_dict_builder *b, sr_dsrc *s, sr_dict_dialect dd);
unsigned sr_dread_discards(sr_dict_builder *b, sr_dsrc *s, sr_dict_dialect dd);
unsigned sr_dread_issues(sr_dict_builder *b, sr_dsrc *s);
unsigned sr_dread_options(sr_dict_builder *b, sr_dsrc *s);

/* "YYYYMMDD" or "YYMMDD" (YY <= 30 is 20YY, else 19YY) to YYYYMMDD; 0 when
 * malformed. */
uint32_t sr_dict_parse_date(const char *s, size_t n);

#endif
