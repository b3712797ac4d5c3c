/*
 * words.c — what the models know about a word before tagging it.
 *
 * Every template of the tagger, parser and morphology combines a few
 * per-word values: the form, its lowercase, its shape ("Xxxx", "d.d",
 * "X.X."), prefixes and suffixes in characters (not bytes, so a suffix never
 * splits a UTF-8 sequence), a few flags, the ambiguity class the tag
 * dictionary gives the word (the set of tags it had in training) and its
 * word cluster. They are hashed once per word here, so feature extraction
 * is a handful of integer mixes per template.
 *
 * Lowercasing is Unicode-aware (utf8proc) so "ÉLYSÉE" and "Élysée" meet.
 * Words longer than SYN_MAX_WORD bytes are hashed on their first
 * SYN_MAX_WORD bytes for the affixes and shape (the form hash covers all).
 */
#include "syntax.h"

#include <string.h>
#include <utf8proc.h>

#define SYN_MAX_WORD 256

/* Lowercase s[0..n) into out (room for 4*SYN_MAX_WORD bytes); returns the
 * length and records the byte offset of each character start. */
static size_t lower_form(const char *s, size_t n, char *out, uint16_t *starts,
                         size_t *nchars, uint8_t *flags)
{
    size_t o = 0, k = 0, nletters = 0, nupper = 0;
    bool alnum = false;
    for (size_t i = 0; i < n && k < SYN_MAX_WORD;) {
        uint32_t cp = (unsigned char)s[i];
        size_t len = 1;
        if (cp >= 0x80) {
            len = sr_utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (len == 0) {
                cp = 0xFFFD;
                len = 1;
            }
        }
        const utf8proc_property_t *pr = utf8proc_get_property((utf8proc_int32_t)cp);
        bool upper = pr->category == UTF8PROC_CATEGORY_LU || pr->category == UTF8PROC_CATEGORY_LT;
        bool letter = pr->category >= UTF8PROC_CATEGORY_LU && pr->category <= UTF8PROC_CATEGORY_LO;
        bool digit = pr->category == UTF8PROC_CATEGORY_ND;
        if (letter) {
            nletters++;
            if (upper)
                nupper++;
            if (k == 0 && upper)
                *flags |= SYN_F_UPPER1;
        }
        if (digit)
            *flags |= SYN_F_DIGIT;
        if (cp == '-')
            *flags |= SYN_F_HYPHEN;
        alnum |= letter || digit;
        uint32_t lc = upper ? (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp) : cp;
        starts[k++] = (uint16_t)o;
        o += sr_utf8_encode(lc, out + o);
        i += len;
    }
    if (nletters > 1 && nupper == nletters)
        *flags |= SYN_F_ALLCAPS;
    if (!alnum)
        *flags |= SYN_F_PUNCT;
    starts[k] = (uint16_t)o;
    *nchars = k;
    return o;
}

/* The shape of a word: X for uppercase, x lowercase, d digit, other
 * characters as themselves; runs longer than 2 shortened to 2. */
static uint64_t shape_hash(const char *s, size_t n)
{
    char buf[64];
    size_t o = 0;
    char prev = 0;
    int run = 0;
    for (size_t i = 0; i < n && o < sizeof buf - 4;) {
        uint32_t cp = (unsigned char)s[i];
        size_t len = 1;
        if (cp >= 0x80) {
            len = sr_utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (len == 0)
                len = 1, cp = 0xFFFD;
        }
        const utf8proc_property_t *pr = utf8proc_get_property((utf8proc_int32_t)cp);
        char c;
        if (pr->category == UTF8PROC_CATEGORY_LU || pr->category == UTF8PROC_CATEGORY_LT)
            c = 'X';
        else if (pr->category >= UTF8PROC_CATEGORY_LL && pr->category <= UTF8PROC_CATEGORY_LO)
            c = 'x';
        else if (pr->category == UTF8PROC_CATEGORY_ND)
            c = 'd';
        else if (cp < 0x80)
            c = (char)cp;
        else
            c = '*';
        run = c == prev ? run + 1 : 1;
        prev = c;
        if (run <= 2)
            buf[o++] = c;
        i += len;
    }
    return syn_str_hash(buf, o);
}

static void prepare_one(const char *form, syn_word *w, bool first)
{
    size_t n = strlen(form);
    char low[4 * SYN_MAX_WORD + 8];
    uint16_t starts[SYN_MAX_WORD + 1];
    size_t nch;
    memset(w, 0, sizeof *w);
    if (first)
        w->flags |= SYN_F_FIRST;
    size_t ln = lower_form(form, n, low, starts, &nch, &w->flags);
    w->form = syn_str_hash(form, n);
    w->lower = n <= SYN_MAX_WORD ? syn_str_hash(low, ln) : w->form;
    w->shape = shape_hash(form, n);
    for (size_t k = 0; k < 4; k++) {
        size_t c = k + 1 < nch ? k + 1 : nch;
        w->pre[k] = syn_str_hash(low, starts[c]) + k;
    }
    for (size_t k = 0; k < 5; k++) {
        size_t c = k + 1 < nch ? k + 1 : nch;
        w->suf[k] = syn_str_hash(low + starts[nch - c], ln - starts[nch - c]) + 16 + k;
    }
}

void syn_words_prepare_raw(const char *const *forms, uint32_t n, syn_word *w)
{
    memset(&w[0], 0, sizeof w[0]);
    memset(&w[n + 1], 0, sizeof w[n + 1]);
    w[0].form = w[0].lower = w[0].shape = 0x5354415254ULL;     /* "START" */
    w[n + 1].form = w[n + 1].lower = w[n + 1].shape = 0x454e44ULL; /* "END" */
    w[0].amb = w[n + 1].amb = 7;
    uint32_t words = 0, upper1 = 0, allcaps = 0;
    for (uint32_t i = 1; i <= n; i++) {
        prepare_one(forms[i], &w[i], i == 1);
        if (w[i].flags & (SYN_F_PUNCT | SYN_F_DIGIT))
            continue;
        words++;
        upper1 += (w[i].flags & SYN_F_UPPER1) && i > 1;
        allcaps += (w[i].flags & SYN_F_ALLCAPS) != 0;
    }
    uint8_t scase = SYN_CASE_NORMAL;
    if (words >= 3 && allcaps * 10 >= words * 6)
        scase = SYN_CASE_UPPER;
    else if (words >= 3 && upper1 * 10 >= (words - 1) * 6)
        scase = SYN_CASE_TITLE;
    else if (words >= 3 && upper1 == 0 && !(w[1].flags & SYN_F_UPPER1))
        scase = SYN_CASE_LOWER;
    for (uint32_t i = 0; i <= n + 1; i++)
        w[i].scase = scase;
}

void syn_words_lookup(const syn_map *dict, const syn_map *clusters,
                      uint32_t n, syn_word *w)
{
    for (uint32_t i = 1; i <= n; i++) {
        const syn_slot *s = syn_map_get(dict, w[i].lower);
        w[i].unambiguous = 0;
        w[i].dict_tag = 0;
        w[i].cluster = 0;
        w[i].clen = 0;
        if (s) {
            w[i].amb = s->a;
            w[i].unambiguous = s->b != 0;
            w[i].dict_tag = (uint16_t)(s->b ? s->b - 1 : 0);
        } else {
            w[i].amb = 1;   /* unknown word */
        }
        const syn_slot *c = clusters ? syn_map_get(clusters, w[i].lower) : NULL;
        if (c) {
            w[i].cluster = c->a;
            w[i].clen = (uint8_t)c->b;
        }
    }
}

void syn_words_prepare(const sr_model *m, const char *const *forms,
                       uint32_t n, syn_word *w)
{
    syn_words_prepare_raw(forms, n, w);
    syn_words_lookup(&m->tagger.dict, &m->clusters, n, w);
}
