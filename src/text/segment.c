/*
 * segment.c — where sentences end, within one paragraph.
 *
 * A paragraph always ends a sentence. Inside it, the candidates are the
 * tokens the tokeniser marked: sentence-final punctuation (". ! ?" and
 * their runs), ellipses, and abbreviations whose period might double as
 * a full stop. Closing quotes and brackets written right after the mark
 * belong to the sentence it ends (`."`, `?)`), so the boundary moves past
 * them. Then the decision rests on the mark and on what follows:
 *
 *   - a full stop, "!" or "?" ends the sentence, unless what follows
 *     continues it: a comma or other non-opening punctuation, or (after a
 *     closing quote) a lowercase word, as in `"Why?" he asked`;
 *   - an ellipsis ends it only before a capital ("wait... and see");
 *   - a title ("Mr.", "Gen.") or an abbreviation that precedes a number
 *     ("No. 10") never does; an initial ("George W. Bush") or another
 *     abbreviation ("U.S.", "Inc.", "etc.") does only before a word that
 *     typically opens a sentence ("The", "He", "But") or at the end of
 *     the paragraph;
 *   - a dateline at the start of a paragraph or a line ("WASHINGTON
 *     (Reuters) -") is a sentence of its own;
 *   - the number of a list item ("1." at the start of a sentence) does
 *     not end one, and a smiley after a full stop stays with its sentence.
 *
 * A few sentence ends carry no mark at all and are found from what
 * follows: in running text, a line break after a short line (a headline,
 * a byline, a signature) before a capital; in e-mail, a clock time with
 * AM/PM, a name or an address before the date of the next header; a URL
 * before another URL or a capitalised word. Long lines broken inside a
 * sentence (wrapped prose) are left alone.
 *
 * When an abbreviation ends a sentence its period is split off into a
 * token of its own ("etc." -> "etc" "."), which is how EWT writes it.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

static inline bool is_upper_byte(const char *body, const sr_tok *t)
{
    unsigned char c = (unsigned char)body[t->start];
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    uint32_t cp;
    sr_cc_decode((const unsigned char *)body + t->start, t->end - t->start, &cp);
    return sr_cc_class(cp) == CC_UPPER;
}

static inline bool is_lower_byte(const char *body, const sr_tok *t)
{
    unsigned char c = (unsigned char)body[t->start];
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    uint32_t cp;
    sr_cc_decode((const unsigned char *)body + t->start, t->end - t->start, &cp);
    return sr_cc_class(cp) == CC_LOWER;
}

static inline bool tok_is(const char *body, const sr_tok *t, const char *s)
{
    size_t n = strlen(s);      /* of a literal: folded at compile time */
    return t->end - t->start == n && body[t->start] == s[0] &&
           memcmp(body + t->start, s, n) == 0;
}

/* Punctuation after a full stop that shows the sentence goes on. */
static bool continues(const char *body, const sr_tok *t)
{
    return tok_is(body, t, ",") || tok_is(body, t, ";") ||
           tok_is(body, t, ":") || (t->flags & TF_CLOSE);
}

/* The last token of the group that a candidate at i closes: closing
 * quotes and brackets (and more final marks) written against it. */
static size_t attach_closers(const sr_toks *v, size_t i, size_t end)
{
    while (i + 1 < end) {
        const sr_tok *n = &v->t[i + 1];
        if (n->flags & TF_SPACE_BEFORE)
            break;
        if (!(n->flags & (TF_CLOSE | TF_FINAL)) &&
            !((n->flags & TF_QUOTE) && !(n->flags & TF_OPEN)))
            break;
        i++;
    }
    /* a smiley after the full stop belongs to the sentence it ends */
    if (i + 1 < end && (v->t[i + 1].flags & TF_EMOTICON))
        i++;
    return i;
}

static bool digits_then(const char *s, size_t n, size_t *i, size_t lo, size_t hi)
{
    size_t k = *i;
    while (k < n && s[k] >= '0' && s[k] <= '9')
        k++;
    bool ok = k - *i >= lo && k - *i <= hi;
    *i = k;
    return ok;
}

/* "3/8/2000" or "10/31/00": a date as e-mail headers write it. */
static bool is_slash_date(const char *body, const sr_tok *t)
{
    const char *s = body + t->start;
    size_t n = t->end - t->start, i = 0;
    return n >= 6 && n <= 10 && digits_then(s, n, &i, 1, 2) && i < n && s[i++] == '/' &&
           digits_then(s, n, &i, 1, 2) && i < n && s[i++] == '/' &&
           digits_then(s, n, &i, 2, 4) && i == n;
}

/* "08:02" or "10:39:03". */
static bool is_clock_time(const char *body, const sr_tok *t)
{
    const char *s = body + t->start;
    size_t n = t->end - t->start, i = 0;
    if (!(n >= 4 && n <= 8 && digits_then(s, n, &i, 1, 2) && i < n && s[i++] == ':' &&
          digits_then(s, n, &i, 2, 2)))
        return false;
    if (i < n && s[i] == ':') {
        i++;
        return digits_then(s, n, &i, 2, 2) && i == n;
    }
    return i == n;
}

/* Sentence ends without a final mark, where the next token shows it: the
 * header lines of e-mail ("... 08:02 PM" then a name; a signature, then
 * "02/13/2001"), lists of URLs, a quoted reply ">>" then text. */
static bool ends_unmarked(const char *body, const sr_toks *v, size_t i)
{
    const sr_tok *t = &v->t[i], *n = &v->t[i + 1];
    unsigned char n0 = (unsigned char)body[n->start];
    if (n0 >= 'a' && n0 <= 'z' && !(n->flags & TF_URL))
        return false;          /* the common case: a lowercase word follows */
    bool next_cap = (n->flags & TF_WORD) && is_upper_byte(body, n);
    if (next_cap) {
        if ((tok_is(body, t, "AM") || tok_is(body, t, "PM")) && i > 0 &&
            is_clock_time(body, &v->t[i - 1]))
            return true;
        if ((t->flags & TF_URL) || tok_is(body, t, ">>") || tok_is(body, t, ">"))
            return true;
        return false;
    }
    if ((n->flags & TF_NUMBER) && is_slash_date(body, n)) {
        /* a name, an address or a quote mark, then the date of a header */
        return ((t->flags & TF_WORD) && is_upper_byte(body, t)) || (t->flags & TF_URL) ||
               tok_is(body, t, ">");
    }
    return (t->flags & TF_URL) && (n->flags & TF_URL);
}

/* The first word after an opening quote or bracket, for deciding on the
 * case of what follows. */
static const sr_tok *first_word(const sr_toks *v, size_t i, size_t end)
{
    while (i < end && (v->t[i].flags & TF_OPEN))
        i++;
    return i < end ? &v->t[i] : NULL;
}

/* Whether the paragraph opens with a dateline that ends at token e:
 * capitalised place names (", STATE" allowed), an optional "(Agency)",
 * then a dash or a colon. Returns the dash's index, or 0. */
static size_t dateline_end(const char *body, const sr_toks *v, size_t first,
                           size_t end)
{
    size_t i = first, words = 0;
    while (i < end && i < first + 8) {
        const sr_tok *t = &v->t[i];
        if ((t->flags & TF_WORD) && is_upper_byte(body, t)) {
            words++;
            i++;
        } else if (tok_is(body, t, ",") && words) {
            i++;
        } else {
            break;
        }
    }
    if (!words || i >= end)
        return 0;
    /* all capitals in the place name: "WASHINGTON", "NEW DELHI" */
    for (size_t k = first; k < i; k++) {
        const sr_tok *t = &v->t[k];
        if (t->flags & TF_ABBREV)
            continue;       /* "PONCHATOULA, La. --" */
        for (uint32_t b = t->start; b < t->end; b++)
            if (body[b] >= 'a' && body[b] <= 'z')
                return 0;
    }
    if (tok_is(body, &v->t[i], "(")) {
        size_t k = i + 1;
        while (k < end && k < i + 6 && !tok_is(body, &v->t[k], ")"))
            k++;
        if (k >= end || !tok_is(body, &v->t[k], ")"))
            return 0;
        i = k + 1;
    }
    if (i + 1 >= end)
        return 0;
    const sr_tok *d = &v->t[i];
    if (tok_is(body, d, "-") || tok_is(body, d, "--") || tok_is(body, d, "\xE2\x80\x94") ||
        tok_is(body, d, "\xE2\x80\x93"))
        return i;
    return 0;
}

/* Whether a sentence ends after the candidate at i, whose group ends at e
 * (e > i when closers were attached); `next` follows the group. */
static bool ends_here(const char *body, const sr_tok *t, bool closed,
                      const sr_toks *v, size_t after, size_t end)
{
    const sr_tok *next = &v->t[after];
    const sr_tok *w = first_word(v, after, end);
    if (t->flags & TF_ELLIPSIS)
        return w && is_upper_byte(body, w) && !(t->flags & TF_ABBREV);
    if (t->flags & TF_FINAL) {
        if (continues(body, next))
            return false;
        if (closed && w && is_lower_byte(body, w))
            return false;
        return true;
    }
    if (t->flags & (TF_TITLE | TF_NUMABBR))
        return false;
    if (t->flags & TF_ABBREV) {
        if (!w || !(w->flags & TF_WORD) || !is_upper_byte(body, w))
            return false;
        if (t->flags & TF_INITIAL) {
            if (tok_is(body, w, "A") || tok_is(body, w, "I"))
                return false;
        }
        return sr_sentence_starter(body + w->start, w->end - w->start);
    }
    return false;
}

/* Whether the full stop at i numbers a list item ("1." "b.") that opens
 * a sentence, rather than ending one. */
static bool list_number(const char *body, const sr_toks *v, size_t first, size_t i)
{
    if (i == first || !tok_is(body, &v->t[i], ".") || (v->t[i].flags & TF_SPACE_BEFORE))
        return false;
    const sr_tok *p = &v->t[i - 1];
    bool opens = i - 1 == first || v->t[i - 2].end_sentence;
    size_t n = p->end - p->start;
    return opens && (((p->flags & TF_NUMBER) && n <= 2) ||
                     ((p->flags & TF_WORD) && n == 1));
}

/* Split the periods off the abbreviations at[0..n) (ascending indices into
 * v, all before v->n): each becomes the word and a full stop of its own,
 * which ends the sentence when the abbreviation did. One pass from the
 * back, so a paragraph of any length costs time linear in its tokens. */
static void split_periods(sr_toks *v, const size_t *at, size_t n)
{
    if (v->n + n > v->cap) {
        v->cap = v->n + n + 256;
        v->t = sr_xrealloc(v->t, v->cap * sizeof *v->t);
    }
    size_t src = v->n, dst = v->n + n;
    for (size_t k = n; k-- > 0;) {
        size_t i = at[k], after = src - (i + 1);
        memmove(&v->t[dst - after], &v->t[i + 1], after * sizeof *v->t);
        dst -= after;
        sr_tok a = v->t[i], p = a;
        a.end--;
        a.flags &= (uint16_t)~(TF_ABBREV | TF_TITLE | TF_INITIAL | TF_NUMABBR);
        a.end_sentence = 0;
        p.start = a.end;
        p.nwords = 1;
        p.flags = TF_FINAL;
        p.end_sentence = v->t[i].end_sentence;
        v->t[--dst] = p;
        v->t[--dst] = a;
        src = i;
    }
    v->n += n;
}

/* Whether a line break before token i ends a sentence: the line before it
 * is short (a headline, a byline, a list item, a signature) and does not
 * stop on a comma or the like, and the next line starts as a sentence does
 * (a capital, a digit, a quote or a bullet). Wrapped prose has long lines,
 * so its breaks stay inside sentences. */
static bool line_ends_sentence(const char *body, const sr_toks *v, size_t i,
                               uint32_t line_start)
{
    const sr_tok *p = &v->t[i - 1], *t = &v->t[i];
    if (p->end - line_start >= 50)
        return false;
    char last = body[p->end - 1];
    if (last == ',' || last == ';' || last == '(' || last == '&' || last == '/')
        return false;
    unsigned char c = (unsigned char)body[t->start];
    return is_upper_byte(body, t) || (c >= '0' && c <= '9') || (t->flags & TF_OPEN) ||
           c == '-' || c == '*' || c == 0xE2;
}

void sr_segment(const char *body, sr_toks *v, size_t first)
{
    if (v->n <= first)
        return;
    size_t end = v->n;
    size_t d = dateline_end(body, v, first, end);
    if (d)
        v->t[d].end_sentence = 1;
    /* line breaks inside the paragraph (running text) */
    uint32_t line_start = v->t[first].start;
    unsigned any = v->t[first].flags;     /* the flags of all the tokens */
    for (size_t i = first + 1; i < end; i++) {
        any |= v->t[i].flags;
        if (!(v->t[i].flags & TF_NEWLINE_BEFORE))
            continue;
        if (line_ends_sentence(body, v, i, line_start))
            v->t[i - 1].end_sentence = 1;
        if ((d = dateline_end(body, v, i, end)) != 0) {
            v->t[i - 1].end_sentence = 1;
            v->t[d].end_sentence = 1;
        }
        line_start = v->t[i].start;
    }
    for (size_t i = first; i + 1 < end; i++) {
        const sr_tok *t = &v->t[i];
        if (!(t->flags & (TF_FINAL | TF_ABBREV))) {
            if ((t->flags & (TF_URL | TF_WORD)) || body[t->start] == '>') {
                if (ends_unmarked(body, v, i))
                    v->t[i].end_sentence = 1;
            }
            continue;
        }
        if (list_number(body, v, first, i))
            continue;
        size_t e = attach_closers(v, i, end);
        if (e + 1 >= end) {
            i = e;
            break;
        }
        if (ends_here(body, t, e > i, v, e + 1, end))
            v->t[e].end_sentence = 1;
        i = e;
    }
    v->t[end - 1].end_sentence = 1;
    if (!(any & TF_ABBREV))
        return;
    /* abbreviations that end a sentence give up their period */
    size_t *at = NULL, nat = 0, cap = 0;
    for (size_t i = first; i < end; i++) {
        const sr_tok *t = &v->t[i];
        if (!(t->flags & TF_ABBREV) || t->nwords > 1)
            continue;
        size_t e = i;
        while (e + 1 < end && !v->t[e].end_sentence &&
               (v->t[e + 1].flags & (TF_CLOSE)) && !(v->t[e + 1].flags & TF_SPACE_BEFORE))
            e++;
        if (v->t[e].end_sentence && t->end - t->start > 1) {
            if (nat == cap) {
                cap = cap ? 2 * cap : 16;
                at = sr_xrealloc(at, cap * sizeof *at);
            }
            at[nat++] = i;
        }
    }
    if (nat)
        split_periods(v, at, nat);
    free(at);
}
