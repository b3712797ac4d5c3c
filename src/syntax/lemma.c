/*
 * lemma.c — lemmas from the form and the tag.
 *
 * English inflection is mostly regular suffixes, and the irregular rest is
 * a closed list the treebank already contains, so the lemmatiser is:
 *
 *   1. an exception lexicon: (form, tag) -> the lemma the treebank gives it
 *      most often; then (lowercased form, tag) for capitalised variants;
 *      then the form's most frequent lemma whatever its tag (a known word
 *      with an unusual tag is more often mistagged than newly inflected),
 *      unless the tag's suffix rule (2.) gives a lemma the treebank knows
 *      ("converted" as VBD -> "convert", though training saw it only as
 *      an adjective); with a tag whose lemmas keep capitals, that lemma
 *      keeps the form's capitals ("Holocaust" NNP, a noun in training);
 *   2. for unseen words, suffix edit rules learned per tag: an edit script
 *      "strip k characters, append s" (on the lowercased form) is counted
 *      for every suffix of up to MAX_SUFFIX characters of every training
 *      word type; the longest suffix of the word seen with its tag, in at
 *      least MIN_RULE_SUPPORT types, chooses its most frequent script
 *      ("-ies" + NNS -> strip 3, append "y"); a result that is no lemma of
 *      the treebank but one letter off one that is ("googl" for
 *      "googling", "hott" for "hottest") becomes that lemma (the set of
 *      lemmas is built from LSTR at load time);
 *   3. a case rule per tag and sentence position, learned by majority: keep
 *      the form's capitals (NNP "Iraq"), or lowercase (NN, a capitalised
 *      "The" opening a sentence);
 *   4. rules of English spelling added on 2026-12-05 that change only the
 *      lemma written out (syn_lemmatize_out), not the one training gives
 *      the parser and the morphology (syn_lemmatize), so the shipped model
 *      stays what training makes and trees and FEATS stay as they were:
 *      - a letter written three times or more ("sooo", "commment") is cut
 *        to two, else to one, when the lexicon knows the word so written;
 *      - a number with thousands separators ("6,606") loses them, as all
 *        such numbers of the treebank do;
 *      - an abbreviated month or weekday with a tag that keeps capitals
 *        ("Aug", "Fri.") is its full name, as in the treebank;
 *      - a stem the suffix rules of "-ing" / "-ed" leave with an ending no
 *        lemma has ("assembl", "criticiz", "brimm") is respelled
 *        ("assemble", "criticize", "brim"); a stem of a longer suffix
 *        ending in two letters no lemma of the treebank ends in
 *        ("newlyw" for "newlywed", "lightn") gives back the whole form;
 *      - a noun (NN) in "-ing" that the suffix rule keeps whole
 *        ("dealing") keeps it, instead of the verb lemma that the form
 *        has in the lexicon under another tag ("deal");
 *      - a stem the treebank knows only as a name ("tim" for "timed") takes
 *        the lowercase lemma an e or an undoubled letter away ("time");
 *      - a hashtag or an @name ("#audiobooks") is its own lemma;
 *      - after parsing, with the sentence at hand: an unseen proper noun in
 *        capitals in a sentence written mostly in capitals is written as a
 *        name ("MIRAMAR" -> "Miramar", syn_lemma_capitals), and a name
 *        heading the parts of an e-mail address split by spaces is the
 *        whole address (syn_lemma_split_address).
 *      Each was counted on EWT train, on a 2-fold jackknife of train and
 *      on dev (docs/benchmarks.md, "Lemmas, 2026-12-05").
 *
 * Scripts work on characters, not bytes, so a rule never splits a UTF-8
 * sequence. The lexicon and rules are derived from UD English EWT (CC BY-SA
 * 4.0), as the model file's INFO section says.
 *
 * Sections: LLEX (hash(form, tag) and hash(lower, tag) -> lemma index),
 * LSTR (lemma strings), LRUL (hash(tag, suffix) -> script index), LSCR
 * (scripts "k|s"), LCAS (u8 per tag and position: 1 = keep capitals).
 */
#include "syntax.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_SUFFIX 8
#define MIN_RULE_SUPPORT 3   /* word types a suffix rule needs, beyond 1 letter */
#define MAX_LEMMA_WORD 200
#define ANY_TAG 0xffff       /* lexicon key of a form whatever its tag */
#define MIN_CAPS_NAME 5      /* letters of a name in capitals written as a name */
#define MIN_ENDING 3         /* lemmas ending in two letters that make them
                                a possible ending of a stem */

/* ---- UTF-8 helpers ------------------------------------------------------ */

/* Byte offsets of the characters of s (at most max); returns the count. */
static size_t char_starts(const char *s, size_t n, size_t *starts, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < max;) {
        uint32_t cp;
        size_t len = (unsigned char)s[i] < 0x80 ? 1
                     : sr_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        starts[k++] = i;
        i += len ? len : 1;
    }
    starts[k] = n;
    return k;
}

/* Lowercase s into out (4*n+1 bytes of room); returns the length. */
static size_t lowercase(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = (unsigned char)s[i];
        size_t len = 1;
        if (cp >= 0x80) {
            len = sr_utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (!len)
                len = 1, cp = 0xFFFD;
        }
        o += sr_utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), out + o);
        i += len;
    }
    out[o] = '\0';
    return o;
}

static uint64_t lex_key(uint32_t which, const char *s, size_t n, uint16_t tag)
{
    return syn_key2(which, syn_str_hash(s, n), tag);
}

static uint64_t rule_key(uint16_t tag, const char *suffix, size_t n, size_t nch)
{
    return syn_key3(3, tag, syn_str_hash(suffix, n), nch);
}

/* ---- applying ----------------------------------------------------------- */

/* Apply script "k|s" to the form: strip k characters, append s; with
 * `keep`, from the original form (its capitals kept), else from its
 * lowercase. */
static const char *apply_script(const char *script, const char *form,
                                size_t flen, const char *low, size_t llen,
                                bool keep, sr_arena *a)
{
    size_t k = (size_t)strtoul(script, NULL, 10);
    const char *app = strchr(script, '|');
    app = app ? app + 1 : "";
    const char *base = keep ? form : low;
    size_t blen = keep ? flen : llen;
    size_t starts[MAX_LEMMA_WORD + 1];
    size_t nch = char_starts(base, blen, starts, MAX_LEMMA_WORD);
    if (k > nch)
        k = nch;
    size_t cut = starts[nch - k];
    size_t alen = strlen(app);
    char *out = sr_arena_alloc(a, cut + alen + 1);
    memcpy(out, base, cut);
    memcpy(out + cut, app, alen);
    out[cut + alen] = '\0';
    return out;
}

/* The slot of `s` (lowercase) in the set of the treebank's lemmas, or -1. */
static int64_t known_slot(const syn_lemmatizer *L, const char *s, size_t n)
{
    if (!L->known)
        return -1;
    uint64_t h = syn_str_hash(s, n) | 1;
    for (uint64_t i = h & L->known_mask;; i = (i + 1) & L->known_mask) {
        if (L->known[i] == h)
            return (int64_t)i;
        if (L->known[i] == 0)
            return -1;
    }
}

/* Is `s` (lowercase) a lemma of the training treebank, whatever its
 * capitals? */
static bool known_lemma(const syn_lemmatizer *L, const char *s, size_t n)
{
    return known_slot(L, s, n) >= 0;
}

/* Is `s` a lemma of the treebank spelt all lowercase? */
static bool known_lowercase(const syn_lemmatizer *L, const char *s, size_t n)
{
    int64_t i = known_slot(L, s, n);
    return i >= 0 && L->known_lower[i];
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool is_consonant(char c)
{
    return c >= 'a' && c <= 'z' && !is_vowel(c);
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n > k && memcmp(s + n - k, suffix, k) == 0;
}

/* ---- rules of the output lemma (4. above) ------------------------------- */

/* A stem left by stripping "-ing" or "-ed" from an unseen word that ends
 * as no English lemma does: a consonant and "l" ("assembl", "cycl"), "iz"
 * or "yz" ("criticiz") or "v" ("solv") take back their e; a doubled stop
 * or nasal after a vowel ("brimm", "lobb") is undoubled. Else `b`. On the
 * jackknife of EWT train 39 lemmas right, none wrong; dev 1 / 0. */
static const char *respelled_stem(const char *b, size_t n, sr_arena *a)
{
    if (n < 3)
        return b;
    for (size_t i = 0; i < n; i++)
        if (b[i] < 'a' || b[i] > 'z')
            return b;
    char x = b[n - 2], y = b[n - 1];
    if ((y == 'l' && is_consonant(x) && x != 'l' && x != 'r' && x != 'w') ||
        (y == 'z' && (x == 'i' || x == 'y')) || y == 'v') {
        char *out = sr_arena_alloc(a, n + 2);
        memcpy(out, b, n);
        out[n] = 'e';
        out[n + 1] = '\0';
        return out;
    }
    if (x == y && strchr("bdgmnpt", y) && is_vowel(b[n - 3]))
        return sr_arena_strndup(a, b, n - 1);
    return b;
}

static int letter_index(char c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 1 : -1;
}

/* The index in L->endings of the last two letters of s, or -1 when they
 * are not ASCII lowercase letters (a one-letter s: 0 and that letter). */
static int ending_index(const char *s, size_t n)
{
    if (n == 0)
        return -1;
    int b = letter_index(s[n - 1]), a = n >= 2 ? letter_index(s[n - 2]) : 0;
    return a < 0 || b <= 0 ? -1 : a * 27 + b;
}

/* Do MIN_ENDING lemmas of the treebank or more end as s does? (true when
 * s does not end in two ASCII letters) */
static bool ending_known(const syn_lemmatizer *L, const char *s, size_t n)
{
    int i = ending_index(s, n);
    return i < 0 || L->endings[i] >= MIN_ENDING;
}

/* The form of a number with thousands separators ("6,606", "1,100.50")
 * without them, as the treebank writes its lemma; else NULL. */
static const char *number_without_commas(const char *f, size_t n, sr_arena *a)
{
    size_t i = 0;
    while (i < n && f[i] >= '0' && f[i] <= '9')
        i++;
    if (i < 1 || i > 3 || i == n || f[i] != ',')
        return NULL;
    while (i < n && f[i] == ',') {
        for (size_t k = 1; k <= 3; k++)
            if (i + k >= n || f[i + k] < '0' || f[i + k] > '9')
                return NULL;
        i += 4;
    }
    if (i < n) {
        if (f[i] != '.' || i + 1 == n)
            return NULL;
        for (size_t k = i + 1; k < n; k++)
            if (f[k] < '0' || f[k] > '9')
                return NULL;
    }
    char *out = sr_arena_alloc(a, n + 1);
    size_t o = 0;
    for (size_t k = 0; k < n; k++)
        if (f[k] != ',')
            out[o++] = f[k];
    out[o] = '\0';
    return out;
}

/* The full name of an abbreviated month or weekday ("Feb", "Sat."), which
 * the treebank gives as its lemma; else NULL. */
static const char *calendar_name(const char *f, size_t n)
{
    static const char *const names[][4] = {
        {"January", "Jan"}, {"February", "Feb"}, {"March", "Mar"},
        {"April", "Apr"}, {"June", "Jun"}, {"July", "Jul"}, {"August", "Aug"},
        {"September", "Sep", "Sept"}, {"October", "Oct"}, {"November", "Nov"},
        {"December", "Dec"}, {"Monday", "Mon"}, {"Tuesday", "Tue", "Tues"},
        {"Wednesday", "Wed"}, {"Thursday", "Thu", "Thur", "Thurs"},
        {"Friday", "Fri"}, {"Saturday", "Sat"}, {"Sunday", "Sun"},
    };
    if (n > 0 && f[n - 1] == '.')
        n--;
    if (n < 3 || n > 5)
        return NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        for (size_t k = 1; k < 4 && names[i][k]; k++)
            if (strlen(names[i][k]) == n && memcmp(names[i][k], f, n) == 0)
                return names[i][0];
    return NULL;
}

/* Is `low` a word of ASCII letters, at least two different, with a letter
 * written three times or more ("sooo", "commment")? */
static bool has_repeated_letter(const char *low, size_t llen)
{
    bool run3 = false, two = false;
    for (size_t i = 0; i < llen; i++) {
        if (low[i] < 'a' || low[i] > 'z')
            return false;
        run3 = run3 || (i >= 2 && low[i] == low[i - 1] && low[i] == low[i - 2]);
        two = two || low[i] != low[0];
    }
    return run3 && two && llen <= MAX_LEMMA_WORD;
}

/* `low` with each run of three or more of a letter cut to `cut` letters,
 * into buf (llen + 1 bytes); returns the length. */
static size_t cut_runs(const char *low, size_t llen, size_t cut, char *buf)
{
    size_t o = 0;
    for (size_t i = 0; i < llen;) {
        size_t j = i;
        while (j < llen && low[j] == low[i])
            j++;
        size_t run = j - i < 3 ? j - i : cut;
        for (size_t k = 0; k < run; k++)
            buf[o++] = low[i];
        i = j;
    }
    buf[o] = '\0';
    return o;
}

/* A word with a letter written three times or more ("sooo", "commment",
 * "VERYYY"): the lemma of the word with each such run cut to two letters
 * ("comment"), else to one ("so"), when the lexicon has that word (with
 * this tag or any) or the treebank has it as a lemma; else NULL. */
static const char *repeated_letters(const syn_lemmatizer *L, const char *low,
                                    size_t llen, uint16_t tag, sr_arena *a)
{
    if (!has_repeated_letter(low, llen))
        return NULL;
    char buf[MAX_LEMMA_WORD + 1];
    for (size_t cut = 2; cut >= 1; cut--) {
        size_t o = cut_runs(low, llen, cut, buf);
        const syn_slot *s = syn_map_get(&L->lex, lex_key(2, buf, o, tag));
        if (!s || s->a >= L->strs.n)
            s = syn_map_get(&L->lex, lex_key(4, buf, o, ANY_TAG));
        if (s && s->a < L->strs.n)
            return sr_arena_strdup(a, syn_string(&L->strs, s->a));
        if (known_lemma(L, buf, o))
            return sr_arena_strndup(a, buf, o);
    }
    return NULL;
}

/* A suffix rule's lowercase result `b` that is no lemma of the treebank
 * ("tim" for "timed", "hott" for "hottest", "bom" for "bombed") is often
 * one letter off a lemma that is. When the rule stripped something, try
 * the usual English variants (e restored, a doubled consonant undoubled,
 * an e dropped, one character fewer stripped) and take the first the
 * treebank knows; else keep `b`. On EWT dev this fixes 14 lemmas and
 * breaks none (2026-12-04; with no stripping, the variants broke more
 * than they fixed: "aide", "fate", "mane"). */
static const char *known_variant(const syn_lemmatizer *L, const char *b,
                                 const char *low, size_t llen, size_t strip,
                                 const char *app, sr_arena *a)
{
    size_t n = strlen(b);
    if (strip == 0 || n < 2 || known_lemma(L, b, n))
        return b;
    char buf[4 * MAX_LEMMA_WORD + 16];
    size_t alen = strlen(app);
    if (n + 2 > sizeof buf || llen + alen + 1 > sizeof buf)
        return b;
    memcpy(buf, b, n);
    buf[n] = 'e';
    if (known_lemma(L, buf, n + 1))
        return sr_arena_strndup(a, buf, n + 1);
    if (n >= 3 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]) &&
        b[n - 1] >= 'a' && b[n - 1] <= 'z' && known_lemma(L, b, n - 1))
        return sr_arena_strndup(a, b, n - 1);
    if (b[n - 1] == 'e' && known_lemma(L, b, n - 1))
        return sr_arena_strndup(a, b, n - 1);
    /* one character fewer stripped (ASCII words only) */
    if (strip <= llen) {
        bool ascii = true;
        for (size_t i = 0; i < llen; i++)
            ascii = ascii && (unsigned char)low[i] < 0x80;
        if (ascii) {
            size_t keep = llen - strip + 1;
            memcpy(buf, low, keep);
            memcpy(buf + keep, app, alen);
            if (known_lemma(L, buf, keep + alen))
                return sr_arena_strndup(a, buf, keep + alen);
        }
    }
    return b;
}

/* A stem known only as a name ("tim" for "timed": "Tim"; "modell" for
 * "modelling"): the lemma spelt in lowercase with an e restored or a
 * doubled consonant undoubled ("time", "model"), if the treebank has it;
 * else `b`. */
static const char *lowercase_variant(const syn_lemmatizer *L, const char *b,
                                     size_t n, sr_arena *a)
{
    char buf[4 * MAX_LEMMA_WORD + 16];
    if (n + 2 > sizeof buf)
        return b;
    memcpy(buf, b, n);
    buf[n] = 'e';
    if (known_lowercase(L, buf, n + 1))
        return sr_arena_strndup(a, buf, n + 1);
    if (n >= 3 && b[n - 1] == b[n - 2] && is_consonant(b[n - 1]) &&
        known_lowercase(L, b, n - 1))
        return sr_arena_strndup(a, b, n - 1);
    return b;
}

/* The lemma the suffix rules of `tag` give (lowercase form in `low`);
 * *out receives the output lemma (4.: stems respelled or given back). */
static const char *rule_lemma(const syn_lemmatizer *L, const char *form,
                              size_t flen, const char *low, size_t llen,
                              uint16_t tag, bool keep, const char **out,
                              sr_arena *a)
{
    size_t starts[MAX_LEMMA_WORD + 1];
    size_t nch = char_starts(low, llen, starts, MAX_LEMMA_WORD);
    for (size_t k = nch < MAX_SUFFIX ? nch : MAX_SUFFIX;; k--) {
        size_t off = starts[nch - k];
        const syn_slot *r = syn_map_get(&L->rules, rule_key(tag, low + off, llen - off, k == nch));
        if (r && r->a < L->scripts.n && (r->b >= MIN_RULE_SUPPORT || k <= 1)) {
            const char *script = syn_string(&L->scripts, r->a);
            const char *b = apply_script(script, form, flen, low, llen, keep, a);
            *out = b;
            if (keep || !L->known)
                return b;
            const char *app = strchr(script, '|');
            size_t strip = (size_t)strtoul(script, NULL, 10);
            b = known_variant(L, b, low, llen, strip, app ? app + 1 : "", a);
            *out = b;
            size_t n = strlen(b);
            if (strip && n >= 2 && known_lemma(L, b, n) && !known_lowercase(L, b, n))
                *out = lowercase_variant(L, b, n, a);
            if (strip == 0 || n < 2 || known_lemma(L, b, n))
                return b;
            if (ends_with(low, llen, "ing") || ends_with(low, llen, "ed"))
                *out = respelled_stem(b, n, a);
            /* a stem ending as no lemma does: the suffix was none
             * ("newlywed", "lightning"); not for "'s" ("DJ's" is "dj") */
            size_t on = strlen(*out);
            if (strip >= 2 && !known_lemma(L, *out, on) && !ending_known(L, *out, on) &&
                !ends_with(low, llen, "'s"))
                *out = sr_arena_strndup(a, low, llen);
            return b;
        }
        if (k == 0)
            break;
    }
    return *out = sr_arena_strdup(a, keep ? form : low);
}

/* Is `s` a lemma of the treebank, whatever its capitals? */
static bool known_lemma_any_case(const syn_lemmatizer *L, const char *s)
{
    char low[4 * MAX_LEMMA_WORD + 8];
    size_t n = strnlen(s, MAX_LEMMA_WORD + 1);
    if (n > MAX_LEMMA_WORD)
        return false;
    return known_lemma(L, low, lowercase(s, n, low));
}

/* A known word with a tag it never had (often a tagging error) takes its
 * usual lemma `l`, unless the tag's rule gives a lemma the treebank knows
 * ("converted" VBD -> "convert", though "converted" was an adjective in
 * training); a proper noun keeps its capitals ("Holocaust", seen as a
 * common noun "holocaust" in training, tagged NNP here). */
static const char *fallback(const syn_lemmatizer *L, const char *l, const char *ruled,
                            const char *form, const char *low, size_t llen,
                            bool keep, sr_arena *a)
{
    if (!l || (L->known && known_lemma_any_case(L, ruled)))
        return ruled;
    if (keep && strlen(l) == llen && memcmp(l, low, llen) == 0)
        return sr_arena_strdup(a, form);
    return sr_arena_strdup(a, l);
}

const char *syn_lemmatize_out(const sr_model *m, const char *form, uint16_t tag,
                              bool first, const char **trained, sr_arena *a)
{
    const syn_lemmatizer *L = &m->lemma;
    const char *t;
    if (!trained)
        trained = &t;
    size_t flen = strlen(form);
    const syn_slot *s = syn_map_get(&L->lex, lex_key(1, form, flen, tag));
    if (s && s->a < L->strs.n)
        return *trained = sr_arena_strdup(a, syn_string(&L->strs, s->a));
    if (flen > MAX_LEMMA_WORD)
        return *trained = sr_arena_strdup(a, form);
    bool keep = false;
    if ((uint32_t)tag * 2 + 1 < L->ncase)
        keep = L->casing[tag * 2 + (first ? 1 : 0)] != 0;
    char low[4 * MAX_LEMMA_WORD + 8];
    size_t llen = lowercase(form, flen, low);
    s = syn_map_get(&L->lex, lex_key(2, low, llen, tag));
    if (s && s->a < L->strs.n)
        return *trained = sr_arena_strdup(a, syn_string(&L->strs, s->a));
    /* 4.: whole-word rules of the output lemma */
    const char *out = number_without_commas(form, flen, a);
    if (!out && flen >= 2 && (form[0] == '#' || form[0] == '@') &&
        ((unsigned char)form[1] >= 0x80 || isalnum((unsigned char)form[1])))
        out = sr_arena_strdup(a, form);   /* "#audiobooks", "@Ryan" */
    if (!out && keep)
        out = calendar_name(form, flen);
    if (!out)
        out = repeated_letters(L, low, llen, tag, a);
    const char *ruled_out;
    const char *ruled = rule_lemma(L, form, flen, low, llen, tag, keep, &ruled_out, a);
    s = syn_map_get(&L->lex, lex_key(4, form, flen, ANY_TAG));
    const char *l = s && s->a < L->strs.n ? syn_string(&L->strs, s->a) : NULL;
    *trained = fallback(L, l, ruled, form, low, llen, keep, a);
    if (out)
        return out;
    /* 4.: a noun in "-ing" the rule keeps whole is no verb ("dealing") */
    if (strcmp(ruled_out, low) == 0 && ends_with(low, llen, "ing") && llen > 4 &&
        tag < m->tags.n && strcmp(m->tags.xpos[tag], "NN") == 0)
        return ruled_out;
    return ruled_out == ruled ? *trained : fallback(L, l, ruled_out, form, low, llen, keep, a);
}

/* Is the sentence written mostly in capitals (more than half of its words
 * of two letters or more have no lowercase letter)? */
bool syn_in_capitals(const char *const *forms, uint32_t n)
{
    uint32_t words = 0, caps = 0;
    for (uint32_t i = 1; i <= n; i++) {
        const char *f = forms[i];
        uint32_t upper = 0, lower = 0;
        for (; *f; f++) {
            upper += *f >= 'A' && *f <= 'Z';
            lower += *f >= 'a' && *f <= 'z';
        }
        if (upper + lower >= 2) {
            words++;
            caps += lower == 0;
        }
    }
    return caps * 2 > words;
}

uint16_t syn_lemma_spelling_tag(const sr_model *m, const char *form)
{
    const syn_lemmatizer *L = &m->lemma;
    /* most words: no three equal characters in a row, nothing to do */
    bool run3 = false;
    for (size_t i = 0; form[i] && form[i + 1] && !run3; i++)
        run3 = form[i + 2] && (form[i] | 32) == (form[i + 1] | 32) &&
               (form[i] | 32) == (form[i + 2] | 32);
    if (!run3)
        return 0xffff;
    size_t flen = strnlen(form, MAX_LEMMA_WORD + 1);
    if (flen > MAX_LEMMA_WORD)
        return 0xffff;
    char low[4 * MAX_LEMMA_WORD + 8], buf[4 * MAX_LEMMA_WORD + 8];
    size_t llen = lowercase(form, flen, low);
    if (!has_repeated_letter(low, llen) ||
        syn_map_get(&L->lex, lex_key(4, form, flen, ANY_TAG)))
        return 0xffff;   /* no such run, or a word training saw as it is */
    for (size_t cut = 2; cut >= 1; cut--) {
        size_t o = cut_runs(low, llen, cut, buf);
        uint16_t best = 0xffff;
        uint32_t count = 0;
        for (uint32_t t = 0; t < m->tags.n && t < 0xffff; t++) {
            const syn_slot *s = syn_map_get(&L->lex, lex_key(2, buf, o, (uint16_t)t));
            if (s && s->a < L->strs.n && s->b > count) {
                best = (uint16_t)t;
                count = s->b;
            }
        }
        if (best != 0xffff)
            return best;
    }
    return 0xffff;
}

const char *syn_lemma_split_address(const sr_model *m, const char *const *forms,
                                    uint32_t n, const uint32_t *head,
                                    const uint16_t *label, uint32_t i,
                                    uint16_t tag, const char *lemma, sr_arena *a)
{
    uint16_t gw = m->repair.ready ? m->repair.label[SYN_RL_GOESWITH] : 0xffff;
    if (gw == 0xffff || tag >= m->tags.n ||
        (strcmp(m->tags.xpos[tag], "GW") != 0 && strcmp(m->tags.xpos[tag], "NNP") != 0))
        return lemma;
    size_t len = strlen(forms[i]);
    bool parts = false, at = strchr(forms[i], '@') != NULL;
    for (uint32_t k = i + 1; k <= n; k++)
        if (head[k] == i && label[k] == gw) {
            parts = true;
            at = at || strchr(forms[k], '@');
            len += strlen(forms[k]);
        }
    if (!parts || !at)
        return lemma;
    char *out = sr_arena_alloc(a, len + 1), *o = out;
    o = stpcpy(o, forms[i]);
    for (uint32_t k = i + 1; k <= n; k++)
        if (head[k] == i && label[k] == gw)
            o = stpcpy(o, forms[k]);
    return out;
}

const char *syn_lemma_capitals(const sr_model *m, const char *form, uint16_t tag,
                               const char *lemma, sr_arena *a)
{
    const syn_lemmatizer *L = &m->lemma;
    size_t n = strlen(form);
    if (n < MIN_CAPS_NAME || n > MAX_LEMMA_WORD || strcmp(lemma, form) != 0 ||
        tag >= m->tags.n || strncmp(m->tags.xpos[tag], "NNP", 3) != 0)
        return lemma;
    bool vowel = false;
    for (size_t i = 0; i < n; i++) {
        if (form[i] < 'A' || form[i] > 'Z')
            return lemma;
        vowel = vowel || strchr("AEIOUY", form[i]);
    }
    char low[MAX_LEMMA_WORD + 1];
    size_t llen = lowercase(form, n, low);
    if (!vowel || syn_map_get(&L->lex, lex_key(1, form, n, tag)) ||
        syn_map_get(&L->lex, lex_key(2, low, llen, tag)) ||
        syn_map_get(&L->lex, lex_key(4, form, n, ANY_TAG)))
        return lemma;
    char *out = sr_arena_strdup(a, low);
    out[0] = form[0];
    return out;
}

const char *syn_lemmatize(const sr_model *m, const char *form, uint16_t tag,
                          bool first, sr_arena *a)
{
    const char *trained;
    syn_lemmatize_out(m, form, tag, first, &trained, a);
    return trained;
}

/* The set of the treebank's lemmas (lowercase), for known_variant, and the
 * pairs of letters they end in; built at load time and by training over
 * the sections it has just written. */
void syn_lemma_index(syn_lemmatizer *L)
{
    uint64_t cap = 16;
    while (cap < 2 * (uint64_t)L->strs.n + 2)
        cap *= 2;
    L->known = sr_xcalloc(cap, sizeof *L->known);
    L->known_lower = sr_xcalloc(cap, sizeof *L->known_lower);
    L->known_mask = cap - 1;
    memset(L->endings, 0, sizeof L->endings);
    char low[4 * MAX_LEMMA_WORD + 8];
    for (uint32_t i = 0; i < L->strs.n; i++) {
        const char *str = syn_string(&L->strs, i);
        size_t sl = strnlen(str, MAX_LEMMA_WORD + 1);
        if (sl > MAX_LEMMA_WORD)
            continue;
        size_t ln = lowercase(str, sl, low);
        uint64_t h = syn_str_hash(low, ln) | 1;
        uint64_t j = h & L->known_mask;
        while (L->known[j] && L->known[j] != h)
            j = (j + 1) & L->known_mask;
        L->known[j] = h;
        if (ln == sl && memcmp(low, str, sl) == 0)
            L->known_lower[j] = 1;
        int e = ending_index(low, ln);
        if (e >= 0 && L->endings[e] < 255)
            L->endings[e]++;
    }
}

bool syn_lemma_load(sr_model *m, const void *file, size_t n, const char **why)
{
    size_t len;
    const void *p;
    syn_lemmatizer *L = &m->lemma;
    if (!(p = syn_section(file, n, SYN_ID('L', 'L', 'E', 'X'), &len)) ||
        !syn_map_view(&L->lex, p, len, why))
        goto missing;
    if (!(p = syn_section(file, n, SYN_ID('L', 'S', 'T', 'R'), &len)) ||
        !syn_strings_view(&L->strs, p, len, why))
        goto missing;
    if (!(p = syn_section(file, n, SYN_ID('L', 'R', 'U', 'L'), &len)) ||
        !syn_map_view(&L->rules, p, len, why))
        goto missing;
    if (!(p = syn_section(file, n, SYN_ID('L', 'S', 'C', 'R'), &len)) ||
        !syn_strings_view(&L->scripts, p, len, why))
        goto missing;
    if (!(p = syn_section(file, n, SYN_ID('L', 'C', 'A', 'S'), &len)))
        goto missing;
    L->casing = p;
    L->ncase = (uint32_t)(len > UINT32_MAX ? UINT32_MAX : len);
    syn_lemma_index(L);
    return true;
missing:
    if (!p)
        *why = "no lemmatiser (sections LLEX, LSTR, LRUL, LSCR, LCAS)";
    return false;
}

/* ---- training ----------------------------------------------------------- */

typedef struct keyed {
    uint64_t key;
    uint32_t val;            /* lemma or script index */
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->val < y->val ? -1 : x->val > y->val;
}

typedef struct vecs {
    keyed *v;
    size_t n, cap;
} vecs;

static void push(vecs *v, uint64_t key, uint32_t val)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4096;
        v->v = sr_xrealloc(v->v, v->cap * sizeof *v->v);
    }
    v->v[v->n++] = (keyed){key, val};
}

/* For each key, the most frequent value (ties: the smallest). */
static void majority(vecs *v, syn_map_builder *out)
{
    qsort(v->v, v->n, sizeof *v->v, cmp_keyed);
    for (size_t i = 0; i < v->n;) {
        size_t j = i, best = 0;
        uint32_t best_val = 0;
        while (j < v->n && v->v[j].key == v->v[i].key) {
            size_t k = j;
            while (k < v->n && v->v[k].key == v->v[j].key && v->v[k].val == v->v[j].val)
                k++;
            if (k - j > best) {
                best = k - j;
                best_val = v->v[j].val;
            }
            j = k;
        }
        syn_slot *s = syn_mb_put(out, v->v[i].key);
        s->a = best_val;
        s->b = (uint32_t)best;
        i = j;
    }
}

/* Interned strings: a map from hash to index and the list. */
typedef struct strtab {
    syn_map_builder map;
    char **s;
    size_t n, cap;
} strtab;

static uint32_t intern(strtab *t, const char *s)
{
    syn_slot *sl = syn_mb_put(&t->map, syn_str_hash(s, strlen(s)));
    if (sl->b == 0) {
        if (t->n == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 1024;
            t->s = sr_xrealloc(t->s, t->cap * sizeof *t->s);
        }
        t->s[t->n] = sr_xstrdup(s);
        sl->a = (uint32_t)t->n++;
        sl->b = 1;
    }
    return sl->a;
}

static void strtab_free(strtab *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->s[i]);
    free(t->s);
    syn_mb_free(&t->map);
}

/* The script turning lowercase form `f` into lowercase lemma `l`. */
static void make_script(const char *f, size_t fn, const char *l, size_t ln,
                        char *out, size_t outsz)
{
    size_t fs[MAX_LEMMA_WORD + 1], ls[MAX_LEMMA_WORD + 1];
    size_t fc = char_starts(f, fn, fs, MAX_LEMMA_WORD);
    size_t lc = char_starts(l, ln, ls, MAX_LEMMA_WORD);
    size_t common = 0;
    while (common < fc && common < lc) {
        size_t a = fs[common + 1] - fs[common], b = ls[common + 1] - ls[common];
        if (a != b || memcmp(f + fs[common], l + ls[common], a) != 0)
            break;
        common++;
    }
    snprintf(out, outsz, "%zu|%s", fc - common, l + ls[common]);
}

void syn_lemma_train(const syn_corpus *c, const syn_tagset *tags,
                     syn_writer *out)
{
    strtab lemmas = {0}, scripts = {0};
    syn_mb_init(&lemmas.map);
    syn_mb_init(&scripts.map);
    vecs lex = {0}, rules = {0};
    syn_map_builder seen_type;  /* (lower form, tag, lemma) types */
    syn_mb_init(&seen_type);
    uint32_t *casing = sr_xcalloc(tags->n * 4 + 4, sizeof *casing);
    char low[4 * MAX_LEMMA_WORD + 8], llow[4 * MAX_LEMMA_WORD + 8], script[1024];
    for (size_t si = 0; si < c->n; si++) {
        const syn_sent *x = &c->s[si];
        for (uint32_t i = 1; i <= x->n; i++) {
            uint16_t tag = x->tag[i];
            const char *f = x->form[i], *l = x->lemma[i];
            size_t fn = strlen(f), ln = strlen(l);
            if (tag == SYN_NO_TAG || fn > MAX_LEMMA_WORD || ln > MAX_LEMMA_WORD)
                continue;
            uint32_t li = intern(&lemmas, l);
            size_t lowlen = lowercase(f, fn, low);
            push(&lex, lex_key(1, f, fn, tag), li);
            push(&lex, lex_key(2, low, lowlen, tag), li);
            push(&lex, lex_key(4, f, fn, ANY_TAG), li);
            /* casing evidence from words with capitals */
            if (lowlen != fn || memcmp(low, f, fn) != 0) {
                size_t lwl = lowercase(l, ln, llow);
                bool lemma_lower = lwl == ln && memcmp(llow, l, ln) == 0;
                casing[(tag * 2 + (i == 1)) * 2 + (lemma_lower ? 0 : 1)]++;
            }
            /* suffix rules, once per type */
            size_t lwl = lowercase(l, ln, llow);
            uint64_t tk = syn_key3(9, syn_str_hash(low, lowlen), tag,
                                   syn_str_hash(llow, lwl));
            syn_slot *ts = syn_mb_put(&seen_type, tk);
            if (ts->b)
                continue;
            ts->b = 1;
            make_script(low, lowlen, llow, lwl, script, sizeof script);
            uint32_t sc = intern(&scripts, script);
            size_t starts[MAX_LEMMA_WORD + 1];
            size_t nch = char_starts(low, lowlen, starts, MAX_LEMMA_WORD);
            for (size_t k = 0; k <= nch && k <= MAX_SUFFIX; k++) {
                size_t off = starts[nch - k];
                push(&rules, rule_key(tag, low + off, lowlen - off, k == nch), sc);
            }
        }
    }
    syn_map_builder lexmap, rulemap;
    syn_mb_init(&lexmap);
    syn_mb_init(&rulemap);
    majority(&lex, &lexmap);
    majority(&rules, &rulemap);
    syn_map_write(&lexmap, syn_writer_section(out, SYN_ID('L', 'L', 'E', 'X')));
    syn_map_write(&rulemap, syn_writer_section(out, SYN_ID('L', 'R', 'U', 'L')));
    syn_strings_write((const char *const *)lemmas.s, (uint32_t)lemmas.n,
                      syn_writer_section(out, SYN_ID('L', 'S', 'T', 'R')));
    syn_strings_write((const char *const *)scripts.s, (uint32_t)scripts.n,
                      syn_writer_section(out, SYN_ID('L', 'S', 'C', 'R')));
    sr_buf *cb = syn_writer_section(out, SYN_ID('L', 'C', 'A', 'S'));
    for (uint32_t t = 0; t < tags->n * 2; t++) {
        uint8_t keep = casing[t * 2 + 1] > casing[t * 2];
        sr_buf_put(cb, &keep, 1);
    }
    free(casing);
    free(lex.v);
    free(rules.v);
    syn_mb_free(&lexmap);
    syn_mb_free(&rulemap);
    syn_mb_free(&seen_type);
    strtab_free(&lemmas);
    strtab_free(&scripts);
}
