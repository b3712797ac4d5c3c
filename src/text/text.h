/*
 * text.h — the text stage's internal interface: character classes, the
 * tokeniser, the abbreviation tables and the sentence splitter.
 *
 * The stage works paragraph by paragraph. The tokeniser turns the bytes of
 * one paragraph into surface tokens (sr_tok) in the conventions of UD
 * English EWT; the splitter marks the tokens that end a sentence; analyze.c
 * turns both into the document's sentences and words. Every token is a byte
 * range of the body; a multiword token ("don't" = "do" + "n't") records
 * where inside it its words split, so every word is a substring of the body
 * too.
 */
#ifndef SR_TEXT_H
#define SR_TEXT_H

#include "sitrep.h"
#include "../core/internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- characters (chars.c) ---------------------------------------------- */

/* Classes of code points, as the tokeniser sees them. */
enum {
    CC_SPACE = 1,      /* white space, no-break and zero-width spaces */
    CC_LOWER,          /* lowercase letter */
    CC_UPPER,          /* uppercase or titlecase letter */
    CC_LETTER,         /* other letters and combining marks */
    CC_DIGIT,          /* decimal digit */
    CC_PUNCT,          /* punctuation */
    CC_SYMBOL,         /* symbols: currency, math, emoji, ... */
    CC_OTHER           /* controls, unassigned, private use */
};

/* The class of the code point cp. */
int sr_cc_class(uint32_t cp);

/* The classes of ASCII (0 for controls other than white space). */
extern const unsigned char sr_cc_ascii[128];

/* sr_cc_class, with ASCII looked up in place. */
static inline int sr_cc_class_fast(uint32_t cp)
{
    if (cp < 0x80)
        return sr_cc_ascii[cp] ? sr_cc_ascii[cp] : CC_OTHER;
    return sr_cc_class(cp);
}

/* Decode the code point at s[0..n) (n > 0, valid UTF-8 as the body is);
 * returns its length in bytes. A byte that does not start a valid sequence
 * counts as one code point U+FFFD. */
static inline uint32_t sr_cc_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t k = sr_utf8_decode(s, n, cp);
    if (k == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (uint32_t)k;
}

/* Whether a code point separates tokens (ASCII white space, Unicode space
 * separators, line and paragraph separators, zero-width space, BOM). */
static inline bool sr_cc_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return sr_cc_class(cp) == CC_SPACE;
}

/* ---- normalisation (normalize.c) --------------------------------------- */

/* The normalised form of s[0..n) (NFC, typographic variants folded), a
 * NUL-terminated string in the arena. */
const char *sr_text_fold(sr_arena *a, const char *s, size_t n);

/* ---- tokens (tokenize.c) ----------------------------------------------- */

#define SR_TOK_MAX_WORDS 4

/* Token flags. */
enum {
    TF_ABBREV = 1 << 0,     /* ends in a period that belongs to it ("Dr.") */
    TF_TITLE = 1 << 1,      /* an abbreviation that precedes a name ("Mr.") */
    TF_INITIAL = 1 << 2,    /* a single letter and a period ("W.") */
    TF_FINAL = 1 << 3,      /* sentence-final punctuation: . ! ? ... and runs */
    TF_ELLIPSIS = 1 << 4,   /* "..." or "…" */
    TF_CLOSE = 1 << 5,      /* closing quote or bracket */
    TF_OPEN = 1 << 6,       /* opening quote or bracket */
    TF_SPACE_BEFORE = 1 << 7, /* white space precedes the token */
    TF_NEWLINE_BEFORE = 1 << 8, /* a line break precedes the token */
    TF_NUMBER = 1 << 9,     /* starts with a digit */
    TF_WORD = 1 << 10,      /* starts with a letter */
    TF_NUMABBR = 1 << 11,   /* an abbreviation that precedes a number ("No.") */
    TF_QUOTE = 1 << 12,     /* a quotation mark (either direction) */
    TF_URL = 1 << 13,       /* URL, e-mail address, file or domain name */
    TF_ASCII = 1 << 14,     /* all its bytes are ASCII */
    TF_EMOTICON = 1 << 15,  /* ":)", ";-)", "=)" */
};

/* A surface token: bytes [start, end) of the body. A multiword token has
 * nwords > 1 and its words are [start, cut[0]), [cut[0], cut[1]), ...,
 * [cut[nwords-2], end). */
typedef struct sr_tok {
    uint32_t start, end;
    uint32_t cut[SR_TOK_MAX_WORDS - 1];
    uint16_t flags;
    uint8_t nwords;         /* 1 for an ordinary token */
    uint8_t end_sentence;   /* set by the splitter */
} sr_tok;

/* A growable array of tokens (malloc'd scratch, reused across calls).
 * `extra_words` counts the words of multiword tokens beyond their first,
 * so the tokens hold n + extra_words words. */
typedef struct sr_toks {
    sr_tok *t;
    size_t n, cap;
    size_t extra_words;
} sr_toks;

void sr_toks_free(sr_toks *v);

/* Append the tokens of body[start, end) (one paragraph) to v. */
void sr_tokenize(const char *body, uint32_t start, uint32_t end, sr_toks *v);

/* ---- abbreviations (abbrev.c) ------------------------------------------ */

/* Kinds of known abbreviations. */
enum {
    AB_NONE = 0,
    AB_PLAIN,     /* "etc.", "Inc.", "Jan.": may end a sentence */
    AB_TITLE,     /* "Mr.", "Gen.", "St.": precedes a name, never ends one */
    AB_NUMBER     /* "No.", "pp.": precedes a number */
};

/* The kind of abbreviation s[0..n) is (n includes the final period). */
int sr_abbrev_kind(const char *s, size_t n);

/* Whether s[0..n) is a word that often opens a sentence ("The", "He",
 * "But"): after an ambiguous abbreviation it tips the balance. */
bool sr_sentence_starter(const char *s, size_t n);

/* Whether s[0..n) (lowercased) is a prefix kept joined by a hyphen in EWT
 * ("non-stop", "e-mail", "anti-war"). */
bool sr_hyphen_prefix(const char *s, size_t n);

/* Whether s[0..n) (lowercased) is a top-level domain or a file extension
 * ("com", "org", "uk", "pdf"). */
bool sr_tld_or_ext(const char *s, size_t n);

/* ---- sentences (segment.c) --------------------------------------------- */

/* Mark the tokens of one paragraph that end a sentence (the last token
 * always does). May split an abbreviation's period off into its own token
 * when the abbreviation ends a sentence ("etc." -> "etc" "."), as EWT
 * does; so v may grow. `first` is the paragraph's first token in v. */
void sr_segment(const char *body, sr_toks *v, size_t first);

#endif
