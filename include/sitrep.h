/*
 * sitrep.h — the public interface of libsitrep.
 *
 * sitrep turns news reports into coded political events. The library is a
 * pipeline of stages, each of which annotates one document in place:
 *
 *   ingest  (sr_input_*)    files, directories, stdin, gzip; plain text,
 *                           HTML, feeds, WARC, JSON        -> sr_doc with body
 *   text    (sr_text_*)     UTF-8 repair, NFC + typographic folding for
 *                           matching, paragraphs, sentences, words
 *   syntax  (sr_syntax_*)   part-of-speech tags, lemmas, dependency tree
 *   lexicon (sr_dict_*)     actor, agent and verb dictionaries
 *   code    (sr_code_*)     events: who did what to whom, when, where
 *
 * Conventions of this header, followed by every function in it:
 *   - Every public symbol starts with sr_ (types, functions) or SR_ (macros,
 *     enumerators).
 *   - Functions that can fail return an sr_status; SR_OK is zero. A failing
 *     function has written a message naming the file and the problem to the
 *     sr_diag it was given (or to stderr when that is NULL).
 *   - All memory of one document lives in that document's arena and is freed
 *     by sr_doc_free(). Strings inside an sr_doc are NUL-terminated and stay
 *     valid until then. Nothing in an sr_doc is allocated with malloc by the
 *     caller or freed separately.
 *   - Offsets (start, end) are byte offsets into the document's body, half
 *     open: [start, end). The body keeps the original characters (after
 *     invalid UTF-8 has been replaced by U+FFFD); normalised forms exist only
 *     for matching.
 */
#ifndef SITREP_H
#define SITREP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SR_VERSION "0.1.0"

/* ------------------------------------------------------------------------ */
/* Status and diagnostics                                                    */
/* ------------------------------------------------------------------------ */

typedef enum sr_status {
    SR_OK = 0,
    SR_ERR_IO,        /* a file could not be opened, read or written */
    SR_ERR_FORMAT,    /* the input is malformed (message says where) */
    SR_ERR_NOMEM,     /* memory could not be allocated */
    SR_ERR_USAGE,     /* the caller passed something meaningless */
    SR_ERR_LIMIT,     /* an input exceeded a documented limit */
    SR_ERR_UNSUPPORTED
} sr_status;

/* A short English name of a status ("I/O error", "malformed input", ...). */
const char *sr_status_name(sr_status s);

/* Where messages about bad input go. Messages are one line each, of the form
 * "sitrep: FILE[:LINE]: problem". Counts let a front end pick an exit status. */
typedef struct sr_diag {
    FILE *out;            /* where messages are written; NULL = stderr */
    unsigned errors;      /* inputs (or parts) that could not be read */
    unsigned warnings;    /* inputs read with repairs (bad bytes, ...) */
    bool quiet;           /* count but do not print warnings */
} sr_diag;

/* Report an error / a warning about `where` (a file name, "FILE:LINE", or
 * NULL). printf-style. Increments the matching counter. */
void sr_error(sr_diag *d, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void sr_warn(sr_diag *d, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The folder of the shipped models and dictionaries: $SITREP_DATA when set,
 * else the data/ folder of the source tree sitrep was built from. */
const char *sr_data_dir(void);

/* ------------------------------------------------------------------------ */
/* Arenas                                                                    */
/* ------------------------------------------------------------------------ */

/* A bump allocator: many small allocations, one free. Allocation never
 * returns NULL: when the system is out of memory the process aborts with a
 * message (an arena cannot hand out partial documents). */
typedef struct sr_arena sr_arena;

sr_arena *sr_arena_new(void);
void sr_arena_free(sr_arena *a);
/* `n` bytes aligned for any type, zero-filled. */
void *sr_arena_alloc(sr_arena *a, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *sr_arena_strndup(sr_arena *a, const char *s, size_t n);
char *sr_arena_strdup(sr_arena *a, const char *s);
/* printf into the arena. */
char *sr_arena_printf(sr_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Bytes handed out so far (for memory-bound checks in tests). */
size_t sr_arena_used(const sr_arena *a);

/* ------------------------------------------------------------------------ */
/* The document                                                              */
/* ------------------------------------------------------------------------ */

/* Universal POS tags (UD v2). SR_UPOS_NONE = not tagged yet. */
typedef enum sr_upos {
    SR_UPOS_NONE = 0,
    SR_UPOS_ADJ, SR_UPOS_ADP, SR_UPOS_ADV, SR_UPOS_AUX, SR_UPOS_CCONJ,
    SR_UPOS_DET, SR_UPOS_INTJ, SR_UPOS_NOUN, SR_UPOS_NUM, SR_UPOS_PART,
    SR_UPOS_PRON, SR_UPOS_PROPN, SR_UPOS_PUNCT, SR_UPOS_SCONJ, SR_UPOS_SYM,
    SR_UPOS_VERB, SR_UPOS_X,
    SR_UPOS_COUNT
} sr_upos;

/* "NOUN" for SR_UPOS_NOUN, "_" for SR_UPOS_NONE. */
const char *sr_upos_name(sr_upos u);
/* The tag named `s` (length n), or SR_UPOS_NONE. */
sr_upos sr_upos_from_name(const char *s, size_t n);

/* A half-open byte range [start, end) of the body. */
typedef struct sr_span {
    uint32_t start, end;
} sr_span;

/* A syntactic word (a CoNLL-U word line). Most words are also surface
 * tokens; a multiword token ("don't" = "do" + "n't" in some treebanks,
 * "cannot" = "can" + "not") is recorded on its first word: mwt_len > 0 says
 * how many words the token covers and mwt_span is its surface range.
 *
 * Fields filled by the text stage: start, end, form, norm, space_after,
 * mwt_len, mwt_span. By the syntax stage: lemma, upos, xpos, feats, head,
 * deprel. */
typedef struct sr_word {
    uint32_t start, end;     /* bytes of this word in the body (for a word
                                inside a multiword token whose form is not a
                                substring, the token's whole range) */
    const char *form;        /* the original characters */
    const char *norm;        /* NFC with typographic variants folded (curly
                                quotes -> straight, dashes -> '-', no-break
                                space -> space); for matching only */
    const char *lemma;       /* NULL until tagged */
    const char *xpos;        /* Penn Treebank tag, NULL until tagged */
    const char *feats;       /* "Number=Sing|..." or NULL */
    const char *deprel;      /* UD v2 relation with subtype ("obl:tmod"),
                                NULL until parsed */
    uint32_t head;           /* 1-based index of the head word within the
                                sentence, 0 = root */
    uint8_t upos;            /* sr_upos */
    uint8_t space_after;     /* 1 when whitespace follows in the body */
    uint8_t mwt_len;         /* >0 on the first word of a multiword token */
    uint8_t reserved;
    sr_span mwt_span;        /* surface range of the multiword token */
} sr_word;

/* A sentence: a range of the body and the words in it. */
typedef struct sr_sentence {
    uint32_t start, end;     /* bytes in the body */
    uint32_t first_word;     /* index into doc->words */
    uint32_t nwords;
    uint32_t paragraph;      /* index into doc->paragraphs */
    const char *sent_id;     /* from CoNLL-U input, else NULL */
} sr_sentence;

/* One news report. Created by the ingest stage, annotated in place by the
 * later stages, freed with sr_doc_free(). Every string is NUL-terminated and
 * lives in `arena`; NULL means unknown / absent. */
typedef struct sr_doc {
    sr_arena *arena;

    /* identity and provenance */
    const char *id;          /* stable id (16 hex digits from the content,
                                or the id the input gave) */
    const char *path;        /* the file it came from ("-" for stdin) */
    const char *format;      /* "text", "html", "feed", "warc", "jsonl",
                                "conllu", "petrarch", "tabari" */
    uint32_t index;          /* position of this document within its file */

    /* metadata */
    const char *title;
    const char *dateline;    /* "WASHINGTON (Reuters)" */
    const char *byline;
    const char *published;   /* ISO 8601 date or date-time, or NULL */
    const char *outlet;
    const char *url;
    const char *lang;        /* ISO 639-1, or NULL when unknown */
    const char *extra_json;  /* article JSON input: the fields sitrep does not
                                know, as a JSON object text, else NULL */

    /* text */
    const char *body;        /* article text, paragraphs separated by a
                                blank line */
    uint32_t body_len;
    const char **captions;   /* photo / infographic captions, kept apart */
    uint32_t ncaptions;
    uint32_t bad_bytes;      /* invalid UTF-8 bytes replaced by U+FFFD */
    uint32_t truncated_chars; /* the source gave only the start of the
                                article and says how many characters it cut
                                off the end (NewsAPI's "[+1234 chars]"):
                                that number; 0 when the body is whole, as
                                far as the input says */

    /* annotations of the text stage */
    sr_span *paragraphs;
    uint32_t nparagraphs;
    sr_sentence *sentences;
    uint32_t nsentences;
    sr_word *words;          /* all words of all sentences, in order */
    uint32_t nwords;
} sr_doc;

/* A new empty document with its own arena. */
sr_doc *sr_doc_new(void);
void sr_doc_free(sr_doc *doc);

/* Copy `len` bytes of text as the body: invalid UTF-8 is replaced by U+FFFD
 * (doc->bad_bytes counts the bytes replaced), NUL bytes are replaced by
 * U+FFFD as well. */
void sr_doc_set_body(sr_doc *doc, const char *text, size_t len);

/* Give the document an id from its content when it has none: 16 lowercase
 * hex digits of a 64-bit hash of the title and body. */
void sr_doc_assign_id(sr_doc *doc);

/* ------------------------------------------------------------------------ */
/* Ingest: reading articles                                                   */
/* ------------------------------------------------------------------------ */

typedef enum sr_format {
    SR_FORMAT_AUTO = 0,   /* detect from content */
    SR_FORMAT_TEXT,
    SR_FORMAT_HTML,
    SR_FORMAT_FEED,
    SR_FORMAT_WARC,
    SR_FORMAT_JSONL       /* article JSON: JSON Lines, one object over many
                             lines, an array of objects */
} sr_format;

/* "text", "html", ... ; SR_FORMAT_AUTO is "auto". */
const char *sr_format_name(sr_format f);
/* The format named s, or -1 when unknown. */
int sr_format_from_name(const char *s);

typedef struct sr_read_options {
    sr_format format;        /* SR_FORMAT_AUTO: detect per file */
    const char *date;        /* YYYY-MM-DD for documents that carry none */
    size_t max_file_bytes;   /* 0 = default limit (1 GiB) for one document */
    bool running_text;       /* plain text is running text: the body is the
                                text as it is, with no title, byline,
                                dateline, furniture or caption rules
                                (`sitrep tokenize`) */
} sr_read_options;

/* An iterator over the documents in a list of paths. A path may be a file
 * (gzip-compressed or not), a directory (read recursively, entries in byte
 * order of their names, hidden entries skipped) or "-" for standard input.
 * Bad inputs are reported to the diag and skipped; the iterator goes on. */
typedef struct sr_input sr_input;

sr_input *sr_input_open(const char *const *paths, size_t npaths,
                        const sr_read_options *opt, sr_diag *diag);
/* The next document, or NULL at the end. The caller owns the document and
 * frees it with sr_doc_free(). Only the ingest stage has run on it. */
sr_doc *sr_input_next(sr_input *in);
void sr_input_close(sr_input *in);

/* Read one HTML page held in memory into a new document: the main article
 * text as body (navigation, teasers, share bars, comments and other page
 * furniture left out; headings and paragraphs in order, separated by a
 * blank line), figure captions in `captions`, and the page's metadata.
 * Any charset: `charset` is the one an HTTP header declared, or NULL (then
 * a byte order mark, <meta> or the bytes decide; a declaration the bytes
 * contradict is overridden with a warning). `url` is the page's address
 * when known, else NULL; `where` names the page in messages and becomes
 * the document's path. Returns NULL after reporting to `diag` when the
 * bytes are not HTML (binary data, nothing parseable). The caller frees the
 * document with sr_doc_free(). */
sr_doc *sr_html_parse(const char *bytes, size_t len, const char *charset,
                      const char *url, sr_diag *diag, const char *where);

/* ------------------------------------------------------------------------ */
/* Text: normalisation, paragraphs, sentences, words                         */
/* ------------------------------------------------------------------------ */

/* Fill doc->paragraphs, doc->sentences and doc->words from doc->body
 * (which must be valid UTF-8, as sr_doc_set_body makes it). Paragraphs are
 * separated by blank lines; sentences never cross them. Words follow UD
 * English (EWT) conventions: punctuation split off, clitics as multiword
 * tokens ("don't" = "do" + "n't", "Iran's" = "Iran" + "'s"), URLs, e-mail
 * addresses, numbers and abbreviations whole. Each word's form is a copy
 * of its bytes of the body and its norm the sr_text_norm of the form (the
 * same pointer for ASCII). Everything lives in the document's arena;
 * earlier annotations of the text stage are replaced. Any body is
 * accepted; returns SR_ERR_USAGE only for a NULL document. */
sr_status sr_text_analyze(sr_doc *doc);

/* The same analysis for running text (what `sitrep tokenize` uses): the
 * article conventions belong to the readers (see sr_read_options.running_text),
 * so this differs from sr_text_analyze only in what the caller states. */
sr_status sr_text_segment(sr_doc *doc);

/* The normalised form of s[0..n) for matching: NFC, with typographic
 * variants folded (curly quotes and apostrophes to ' and ", dashes and the
 * minus sign to -, the ellipsis character to "...", no-break and other
 * fixed-width spaces to a space, zero-width spaces and soft hyphens
 * dropped). A NUL-terminated copy in the arena; invalid UTF-8 is copied
 * unchanged. */
const char *sr_text_norm(sr_arena *a, const char *s, size_t n);

/* ------------------------------------------------------------------------ */
/* Syntax: tags, lemmas, features, dependency trees                           */
/* ------------------------------------------------------------------------ */

/* A trained syntax model (tagger, lemmatiser, parser, morphology), mapped
 * read-only from one file. Built by sr_syntax_train (`sitrep train`); the
 * shipped one is derived from the UD English EWT treebank (CC BY-SA 4.0). */
typedef struct sr_model sr_model;

/* The file name of the shipped model under sr_data_dir()/models. */
#define SR_MODEL_DEFAULT "en_ewt.srm"

/* Map the model at `path` (NULL = the file named by the environment
 * variable SITREP_MODEL when set, else the shipped model). Returns NULL after
 * reporting to `d`, naming the file, when it is missing, truncated,
 * corrupted (checksums), of another format version, or malformed. The
 * caller frees it with sr_model_free(); documents parsed with it do not
 * point into it, so it may be freed before them. */
sr_model *sr_model_load(const char *path, sr_diag *d);
void sr_model_free(sr_model *m);
/* The path the model was loaded from. */
const char *sr_model_path(const sr_model *m);

/* Fill lemma, upos, xpos, feats, head and deprel of every word of every
 * sentence of `doc` (sentences and words must exist: run the text stage or
 * read CoNLL-U first). Previous values are replaced. All strings are
 * allocated in the document's arena. Thread-safe: many threads may parse
 * different documents with one model at once (the model is read-only;
 * scratch memory comes from the document's arena). Any sentence length is
 * accepted; time is linear in it. Returns SR_ERR_USAGE when m or doc is
 * NULL. */
sr_status sr_syntax_parse(const sr_model *m, sr_doc *doc);
/* sr_syntax_parse of `ndocs` documents, their sentences shared out among
 * up to `nthreads` threads (the caller's included), in blocks of a few
 * hundred words: one long document or many short ones keep every thread
 * busy. The result is identical to sr_syntax_parse's on each document,
 * whatever the number of threads. SR_ERR_USAGE when m or a doc is NULL. */
sr_status sr_syntax_parse_many(const sr_model *m, sr_doc *const *docs,
                               size_t ndocs, int nthreads);

/* How sr_syntax_train builds a model. Zero fields take the defaults. */
typedef struct sr_train_options {
    const char *train_path;    /* CoNLL-U training treebank (required) */
    const char *dev_path;      /* CoNLL-U development treebank, or NULL: used
                                  only to choose the number of epochs and to
                                  report accuracy */
    const char *out_path;      /* the model file to write (required) */
    uint64_t seed;             /* shuffling and exploration; same inputs and
                                  seed give a byte-identical model */
    unsigned tagger_epochs;    /* maximum epochs (default 12) */
    unsigned parser_epochs;    /* maximum epochs (default 22) */
    unsigned folds;            /* jackknife folds for the parser's training
                                  tags (default 5; 1 = gold tags) */
    unsigned beam;             /* parser beam width (default 1: greedy,
                                  trained with a dynamic oracle; > 1: beam
                                  search, trained as a global model) */
    unsigned min_count;        /* parser features seen fewer times on the
                                  oracle paths get no weight (default 3; 1
                                  keeps all, for tiny treebanks) */
    FILE *log;                 /* progress and dev scores, or NULL */
} sr_train_options;

/* Train tagger, lemmatiser, parser and morphology on `train_path` and write
 * the model to `out_path`. Malformed sentences of the treebank are reported
 * to `d` and skipped. Returns SR_OK, SR_ERR_IO (unreadable input, unwritable
 * output) or SR_ERR_FORMAT (no usable sentence). */
sr_status sr_syntax_train(const sr_train_options *opt, sr_diag *d);

/* ------------------------------------------------------------------------ */
/* Output                                                                     */
/* ------------------------------------------------------------------------ */

typedef struct sr_buf sr_buf;   /* a growable byte buffer (see sr_buf_*) */

struct sr_buf {
    char *data;
    size_t len, cap;
};

void sr_buf_init(sr_buf *b);
void sr_buf_free(sr_buf *b);
void sr_buf_reset(sr_buf *b);
void sr_buf_put(sr_buf *b, const void *p, size_t n);
void sr_buf_puts(sr_buf *b, const char *s);
void sr_buf_putc(sr_buf *b, char c);
void sr_buf_printf(sr_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Append s[0..n) as a JSON string literal (quotes included). Invalid UTF-8
 * is written as U+FFFD; control characters are escaped. */
void sr_json_str(sr_buf *b, const char *s, size_t n);
/* Append a C string as a JSON string, or null for NULL. */
void sr_json_cstr(sr_buf *b, const char *s);

typedef struct sr_doc_json_options {
    bool tokens;             /* add each sentence's words */
} sr_doc_json_options;

/* Append the document record of `sitrep read` (one JSON object, no newline). */
void sr_doc_to_json(const sr_doc *doc, const sr_doc_json_options *opt,
                    sr_buf *out);

/* ------------------------------------------------------------------------ */
/* Running stages on many documents                                          */
/* ------------------------------------------------------------------------ */

/* The per-document work of a command: annotate `doc` and append its output
 * record(s) to `out`. Runs on a worker thread; it may read shared read-only
 * state through `ctx` but must not write it. It must not free the doc. */
typedef void (*sr_work_fn)(sr_doc *doc, sr_buf *out, void *ctx);
/* Writes one document's output; returns false to stop the run (e.g. when
 * stdout is closed). Runs on the calling thread, in input order. */
typedef bool (*sr_write_fn)(const sr_buf *out, void *wctx);

/* Read every document of `in`, run `work` on `nthreads` threads (1 = on the
 * calling thread), and hand each output to `write` in input order, so the
 * output is identical for every thread count. At most 4 * nthreads
 * documents are in memory at once. Returns false when `write` stopped the
 * run. Diagnostics (sr_error, sr_warn) are safe to call from `work`. */
bool sr_run_ordered(sr_input *in, int nthreads, sr_work_fn work, void *ctx,
                    sr_write_fn write, void *wctx);

/* ------------------------------------------------------------------------ */
/* Coding: dictionaries, the coder, events                                   */
/* ------------------------------------------------------------------------ */

/* A compiled dictionary set (actors, agents, verbs and their patterns,
 * synsets, discards, issues): read-only once opened, shareable by any
 * number of threads. */
typedef struct sr_dict sr_dict;

/* The dictionary files of a coding run. Each file's format (PETRARCH-2,
 * PETRARCH-1 or TABARI) is detected from its name and content. */
typedef struct sr_dict_files {
    const char *verbs;               /* verb dictionary, or NULL */
    const char *const *actors;       /* actor dictionaries */
    size_t nactors;
    const char *agents;              /* agent dictionary, or NULL */
    const char *discards;            /* discard list, or NULL */
    const char *issues;              /* issue list, or NULL */
    const char *options;             /* TABARI .options, or NULL */
    bool strict;                     /* a malformed line is fatal */
    const char *cache_dir;           /* where compiled forms are kept: NULL =
                                        $SITREP_CACHE, else
                                        $XDG_CACHE_HOME/sitrep, else
                                        ~/.cache/sitrep; "" = no cache */
} sr_dict_files;

/* Read and compile the files (or map their compiled form from the cache
 * when it was built from exactly these bytes). Malformed lines are reported
 * with file and line and skipped; with `strict` any of them makes this
 * fail. Returns NULL (reported) when a file cannot be read or, with strict,
 * is malformed. Free with sr_dict_free(). */
sr_dict *sr_dict_open(const sr_dict_files *f, sr_diag *diag);
void sr_dict_free(sr_dict *d);

/* How an event is stated. */
typedef enum sr_modality {
    SR_MOD_ASSERTED = 0,  /* it happened / happens */
    SR_MOD_NEGATED,       /* it did not happen ("did not attack") */
    SR_MOD_CONDITIONAL,   /* if ..., would ... */
    SR_MOD_FUTURE,        /* will, plans to, is to */
    SR_MOD_HYPOTHETICAL,  /* may, could, might, should */
    SR_MOD_REPORTED       /* claimed by someone else ("X said that ...") */
} sr_modality;

/* "asserted", "negated", ... */
const char *sr_modality_name(sr_modality m);

/* Options of the coder. Start from sr_code_options_default(). */
typedef struct sr_code_options {
    bool require_dyad;     /* only events with both a source and a target
                              (default true) */
    bool explain;          /* fill sr_event.explain (default false) */
    bool petrarch;         /* follow PETRARCH-2's output conventions where
                              they differ from sitrep's: a negated event is
                              recoded as its CAMEO opposite instead of being
                              marked negated; events inside reported speech
                              are folded into the speech event (default
                              false) */
    bool one_sided;        /* sitrep's own mode (not petrarch): with
                              require_dyad, still code an event whose
                              source is named (a country, body or person,
                              or an agent whose country is known) and whose
                              target is not, target left empty ("---"),
                              when its CAMEO root is one whose events stand
                              without a target (03 intents, 10 demands, 12
                              refusals, 13 threats, 14 protests, 15 force
                              postures, ...; not 01, 02, 04-07, 11) (default
                              true) */
    unsigned max_events;   /* most events per sentence (default 64); a
                              sentence with more is cut, with a warning */
} sr_code_options;

void sr_code_options_default(sr_code_options *o);

/* A coder: dictionaries, the CAMEO reference table and options. Read-only
 * after creation and shareable by threads. The CAMEO table is read from
 * sr_data_dir()/cameo/cameo.tsv; NULL (reported) when it cannot be. The
 * dictionary must outlive the coder. */
typedef struct sr_coder sr_coder;

sr_coder *sr_coder_new(const sr_dict *dict, const sr_code_options *opt,
                       sr_diag *diag);
void sr_coder_free(sr_coder *c);

/* One side of an event. Strings are "" when unknown, never NULL. */
typedef struct sr_event_actor {
    const char *text;      /* the words of the sentence that named it */
    const char *code;      /* full CAMEO actor code ("IRNGOV") */
    const char *country;   /* its country part ("IRN"), or "" */
    const char *sector;    /* its first role part ("GOV"), or "" */
    uint32_t start, end;   /* bytes of `text` in the body */
} sr_event_actor;

/* One coded event. Lives in the document's arena. */
typedef struct sr_event {
    uint32_t sent;         /* index of its sentence in doc->sentences */
    const char *date;      /* event date YYYY-MM-DD, or NULL when unknown */
    sr_event_actor source, target;
    const char *cameo;     /* CAMEO event code ("195") */
    const char *root;      /* its first two digits ("19") */
    int quad;              /* quad class 1-4, 0 when unknown */
    double goldstein;      /* Goldstein weight */
    bool has_goldstein;    /* false for codes the table does not know */
    const char *plover;    /* PLOVER event type, "" for statements (01x) */
    const char *plover_mode;    /* PLOVER mode ("visit"), or "" */
    const char *plover_context; /* PLOVER context ("military"), or "" */
    const char *pred_text; /* the predicate's words ("shot down") */
    const char *pred_lemma;/* their lemmas ("shoot down") */
    sr_modality modality;
    const char *attribution; /* who the outlet says it came from, or "" */
    const char *rule;      /* the dictionary entry ("FILE:LINE") */
    const char *explain;   /* with opt.explain: entry and parse path */
    const char *issues;    /* "ISSUE n, ISSUE n" or "" */
} sr_event;

/* Code every sentence of `doc`, which the syntax stage must have parsed
 * (lemmas, heads and relations; words without them are skipped).
 * Sentences matching a discard phrase are skipped, a story discard skips
 * the document. Events are allocated in the document's arena; *events
 * receives the array. Returns the number of events. Thread-safe for
 * different documents. */
size_t sr_code_doc(const sr_coder *c, sr_doc *doc, sr_event **events);

/* Append an event as the JSON record of `sitrep code` (no newline), as a
 * GDELT 2.0 event-table row (tab-separated, no newline; `id` is the row's
 * GLOBALEVENTID), or as a PLOVER JSON record. */
void sr_event_to_json(const sr_doc *doc, const sr_event *e, sr_buf *out);
void sr_event_to_gdelt(const sr_doc *doc, const sr_event *e, uint64_t id,
                       sr_buf *out);
void sr_event_to_plover(const sr_doc *doc, const sr_event *e, sr_buf *out);

/* ------------------------------------------------------------------------ */
/* CoNLL-U                                                                    */
/* ------------------------------------------------------------------------ */

/* A reader of CoNLL-U text. Each call returns one document holding the
 * sentences up to the next "# newdoc" (or, with per_sentence, one sentence).
 * The body is rebuilt from "# text" comments (else from the forms and
 * SpaceAfter=No), sentences separated by a space and paragraphs ("# newpar")
 * by a blank line, so word offsets point into it. Malformed lines are
 * reported with file and line and their sentence is skipped. */
typedef struct sr_conllu_reader sr_conllu_reader;

sr_conllu_reader *sr_conllu_open(const char *path, const char *text,
                                 size_t len, bool per_sentence, sr_diag *diag);
sr_doc *sr_conllu_next(sr_conllu_reader *r);
void sr_conllu_close(sr_conllu_reader *r);

/* Append the document's sentences as CoNLL-U. Columns not yet filled are
 * written as "_". */
void sr_doc_to_conllu(const sr_doc *doc, sr_buf *out);

/* ------------------------------------------------------------------------ */
/* Evaluation: CoNLL 2018 shared task metrics                                 */
/* ------------------------------------------------------------------------ */

enum {
    SR_METRIC_TOKENS, SR_METRIC_SENTENCES, SR_METRIC_WORDS, SR_METRIC_UPOS,
    SR_METRIC_XPOS, SR_METRIC_UFEATS, SR_METRIC_ALLTAGS, SR_METRIC_LEMMAS,
    SR_METRIC_UAS, SR_METRIC_LAS, SR_METRIC_CLAS, SR_METRIC_MLAS,
    SR_METRIC_BLEX,
    SR_METRIC_COUNT
};

/* One metric: counts and the ratios derived from them (0..1).
 * aligned_accuracy = correct / aligned, or -1 where it does not apply
 * (Tokens, Sentences, Words). */
typedef struct sr_score {
    size_t gold, system, correct, aligned;
    double precision, recall, f1, aligned_accuracy;
} sr_score;

/* "Tokens", "Sentences", "Words", "UPOS", ... */
const char *sr_metric_name(int metric);

/* Score a system CoNLL-U text against a gold one, as the CoNLL 2018 shared
 * task's evaluation script does (tokens, words and sentences are spans of
 * the characters of the FORMs without white space, and words are aligned
 * by those spans, or by their forms inside multiword tokens). Fills
 * scores[0..SR_METRIC_COUNT). A malformed line, a HEAD outside its
 * sentence, or texts that differ are reported to diag (with the file name
 * and line) and return SR_ERR_FORMAT. A HEAD of "_" is allowed and never
 * counts as correct. The inputs need not be NUL-terminated. */
sr_status sr_eval_conllu(const char *gold, size_t gold_len, const char *gold_name,
                         const char *sys, size_t sys_len, const char *sys_name,
                         sr_score scores[SR_METRIC_COUNT], sr_diag *diag);

/* Append the table of the shared task's script (Metric | Precision |
 * Recall | F1 Score | AligndAcc, in percent) for metrics 0..upto. */
void sr_eval_conllu_print(const sr_score scores[SR_METRIC_COUNT], int upto,
                          sr_buf *out);

#ifdef __cplusplus
}
#endif
#endif /* SITREP_H */
