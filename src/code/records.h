/*
 * records.h — validation and batch records: the inputs coders are tested
 * with. PETRARCH's XML (validation files with expected events, batch files
 * without) and TABARI's .text records. Each record becomes one document
 * (one sentence of text, its id and date) plus what the record expects.
 *
 * The readers are lenient: PETRARCH's files are not always well-formed XML
 * (PETR2_GSR_validation.xml closes <Sentence .../> before its children), so
 * this is a small tolerant scanner, not an XML parser. It finds each
 * <Sentence ...> tag and takes the <EventCoding>, <Text> and <Parse> that
 * follow it up to the next <Sentence; <Config option=".." value=".."> tags
 * between records set options for the records after them; XML comments are
 * skipped; entities (&amp; &#39; ...) are decoded. A record without text is
 * reported and skipped.
 */
#ifndef SR_CODE_RECORDS_H
#define SR_CODE_RECORDS_H

#include "sitrep.h"

/* One expected event: codes as the record gives them ("" when absent). */
typedef struct sr_expect {
    const char *source, *target, *code;
} sr_expect;

typedef struct sr_record {
    sr_doc *doc;             /* the sentence: id, published, body; with a
                                given CoNLL-U parse also sentences and
                                words (parsed), else nothing beyond the
                                body. The caller frees it. */
    const char *category;    /* "DEMO", ... or "" */
    bool evaluate;           /* evaluate="true" (or sentence="true") */
    bool noevents;           /* the record expects no event */
    const char *error;       /* expected error ("bad_input_parse",
                                "dateline", "storydiscard", ...) or NULL */
    sr_expect *expected;     /* in the doc's arena */
    size_t nexpected;
    bool parsed;             /* the doc carries the record's own parse */
    /* options set by <Config> tags so far */
    int require_dyad;        /* -1 = not set, 0 / 1 */
} sr_record;

typedef enum sr_records_format {
    SR_RECORDS_PETRARCH = 1,   /* XML */
    SR_RECORDS_TABARI          /* .text */
} sr_records_format;

typedef struct sr_records sr_records;

/* Open a record file. With given_parse, CoNLL-U parses in <Parse> are read
 * into the documents (Treebank parses are not: those records are left
 * unparsed, reported once). NULL (reported) when the file cannot be read. */
sr_records *sr_records_open(const char *path, sr_records_format fmt,
                            bool given_parse, sr_diag *diag);
/* Over bytes in memory (copied). */
sr_records *sr_records_mem(const char *name, const char *data, size_t len,
                           sr_records_format fmt, bool given_parse,
                           sr_diag *diag);
/* The next record; false at the end. */
bool sr_records_next(sr_records *r, sr_record *rec);
void sr_records_close(sr_records *r);

/* The <Environment> of a PETRARCH validation file: the dictionary file
 * names it lists (NULL when absent), for `sitrep eval petrarch` to find the
 * dictionaries beside the records. */
typedef struct sr_records_env {
    const char *verbs, *actors, *agents, *discards;
} sr_records_env;
void sr_records_environment(const sr_records *r, sr_records_env *env);

#endif
