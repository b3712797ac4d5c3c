/*
 * conllu.c — the CoNLL 2018 shared task metrics of a system CoNLL-U file
 * against a gold one.
 *
 * This follows the definitions of the shared task's evaluation script
 * (conll18_ud_eval.py), so figures are comparable with published ones:
 *
 *   - Both files are read as a stream of characters: the FORMs of the
 *     tokens (multiword-token lines, or word lines outside them) with
 *     space separators (Unicode Zs) removed. The two streams must be
 *     identical; tokens, words and sentences are then spans of it.
 *   - Tokens and Sentences: precision, recall and F1 of spans that match
 *     exactly.
 *   - Words: words are aligned by span; inside a stretch where either
 *     side has a multiword token, by the longest common subsequence of
 *     their lowercased forms. A word inside a multiword token has its
 *     token's span.
 *   - UPOS, XPOS, UFeats (universal features only), AllTags, Lemmas, UAS,
 *     LAS (deprel without subtype), CLAS (content words), MLAS and BLEX:
 *     aligned words whose values agree, over gold and system words; for
 *     the attachment scores the system head must be aligned to the gold
 *     head. AligndAcc is correct / aligned.
 *
 * Unlike the script, a missing HEAD ("_", as a tokeniser writes) is not an
 * error: such a word simply has no head and never scores on UAS/LAS.
 * Everything is held in malloc'd arrays for the run and freed at the end.
 */
#include "sitrep.h"
#include "../core/internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define NO_HEAD (-2)       /* HEAD was "_" */

typedef struct span {
    size_t start, end;     /* offsets into the character stream */
} span;

typedef struct eword {
    span sp;               /* its token's span */
    bool mwt;              /* part of a multiword token */
    const char *col[10];   /* the columns (pointers into owned lines) */
    char *feats;           /* universal features, sorted */
    char *deprel;          /* universal part of DEPREL */
    char *form_lower;
    long parent;           /* word index, -1 for the root, NO_HEAD */
    long *fchildren;       /* functional children (word indices) */
    size_t nfchildren;
    bool content, functional;
} eword;

typedef struct efile {
    const char *name;
    char *chars;           /* the character stream (bytes) */
    size_t nchars, capchars;
    span *tokens, *sents;
    size_t ntokens, nsents, captokens, capsents;
    eword *words;
    size_t nwords, capwords;
    char *text;            /* a private copy of the file, split into lines */
} efile;

enum { ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC };

static const char *const universal_feats[] = {
    "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender",
    "Animacy", "Number", "Case", "Definite", "Degree", "VerbForm", "Mood",
    "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person", "Polite",
};
static const char *const content_rels[] = {
    "nsubj", "obj", "iobj", "csubj", "ccomp", "xcomp", "obl", "vocative",
    "expl", "dislocated", "advcl", "advmod", "discourse", "nmod", "appos",
    "nummod", "acl", "amod", "conj", "fixed", "flat", "compound", "list",
    "parataxis", "orphan", "goeswith", "reparandum", "root", "dep",
};
static const char *const functional_rels[] = {
    "aux", "cop", "mark", "det", "clf", "case", "cc",
};

static bool in(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return true;
    return false;
}

#define GROW(arr, n, cap)                                                \
    do {                                                                 \
        if ((n) == (cap)) {                                              \
            (cap) = (cap) ? (cap) * 2 : 256;                             \
            (arr) = sr_xrealloc((arr), (cap) * sizeof *(arr));           \
        }                                                                \
    } while (0)

static void efile_free(efile *f)
{
    for (size_t i = 0; i < f->nwords; i++) {
        free(f->words[i].feats);
        free(f->words[i].deprel);
        free(f->words[i].form_lower);
        free(f->words[i].fchildren);
    }
    free(f->words);
    free(f->chars);
    free(f->tokens);
    free(f->sents);
    free(f->text);
}

/* ---- reading ------------------------------------------------------------ */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The universal features of a FEATS column, sorted, "|"-joined. */
static char *universal(const char *feats)
{
    if (strcmp(feats, "_") == 0)
        return sr_xstrdup("_");
    char *copy = sr_xstrdup(feats);
    const char *keep[64];
    size_t n = 0;
    for (char *save = NULL, *f = strtok_r(copy, "|", &save); f && n < 64;
         f = strtok_r(NULL, "|", &save)) {
        const char *eq = strchr(f, '=');
        size_t kl = eq ? (size_t)(eq - f) : strlen(f);
        if (in(universal_feats, SR_ARRAY_LEN(universal_feats), f, kl))
            keep[n++] = f;
    }
    qsort(keep, n, sizeof *keep, cmp_str);
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(keep[i]) + 1;
    char *out = sr_xmalloc(len);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, "|");
        strcat(out, keep[i]);
    }
    free(copy);
    return out;
}

/* Append a FORM to the character stream without its space separators;
 * returns the number of bytes added. */
static size_t add_chars(efile *f, const char *form)
{
    size_t len = strlen(form), added = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)form + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0)
            k = 1;
        else if (utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) {
            i += (size_t)k;
            continue;
        }
        while (f->nchars + (size_t)k + 1 > f->capchars) {
            f->capchars = f->capchars ? f->capchars * 2 : 4096;
            f->chars = sr_xrealloc(f->chars, f->capchars);
        }
        memcpy(f->chars + f->nchars, form + i, (size_t)k);
        f->nchars += (size_t)k;
        added += (size_t)k;
        i += (size_t)k;
    }
    return added;
}

static bool split10(char *line, const char **col)
{
    int c = 0;
    col[c++] = line;
    for (char *p = line; *p; p++) {
        if (*p == '\t') {
            if (c == 10)
                return false;
            *p = '\0';
            col[c++] = p + 1;
        }
    }
    return c == 10;
}

/* A lowercased copy of a form (per code point, as Python's str.lower). */
static char *lower_dup(const char *s)
{
    size_t len = strlen(s);
    char *out = sr_xmalloc(4 * len + 1), *o = out;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) {
            *o++ = s[i++];
            continue;
        }
        o += utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)o);
        i += (size_t)k;
    }
    *o = '\0';
    return out;
}

static void add_word(efile *f, const char **col, bool mwt)
{
    GROW(f->words, f->nwords, f->capwords);
    eword *w = &f->words[f->nwords++];
    memset(w, 0, sizeof *w);
    memcpy(w->col, col, sizeof w->col);
    w->sp = f->tokens[f->ntokens - 1];
    w->mwt = mwt;
    w->feats = universal(col[FEATS]);
    size_t dl = strcspn(col[DEPREL], ":");
    w->deprel = sr_xmalloc(dl + 1);
    memcpy(w->deprel, col[DEPREL], dl);
    w->deprel[dl] = '\0';
    w->form_lower = lower_dup(col[FORM]);
    w->content = in(content_rels, SR_ARRAY_LEN(content_rels), w->deprel, dl);
    w->functional = in(functional_rels, SR_ARRAY_LEN(functional_rels), w->deprel, dl);
}

/* Resolve the heads of the words of the sentence that starts at word
 * `first`; false (reported) when a head is out of range. */
static bool link_sentence(efile *f, size_t first, long line, sr_diag *diag)
{
    size_t n = f->nwords - first;
    for (size_t i = first; i < f->nwords; i++) {
        eword *w = &f->words[i];
        const char *h = w->col[HEAD];
        if (strcmp(h, "_") == 0) {
            w->parent = NO_HEAD;
            continue;
        }
        char *end;
        long v = strtol(h, &end, 10);
        if (*end || v < 0 || (size_t)v > n) {
            sr_error(diag, NULL, "%s:%ld: HEAD '%s' is not a word of the sentence", f->name, line, h);
            return false;
        }
        w->parent = v == 0 ? -1 : (long)(first + (size_t)v - 1);
    }
    for (size_t i = first; i < f->nwords; i++) {
        eword *w = &f->words[i];
        if (w->parent >= 0 && w->functional) {
            eword *p = &f->words[w->parent];
            p->fchildren = sr_xrealloc(p->fchildren, (p->nfchildren + 1) * sizeof *p->fchildren);
            p->fchildren[p->nfchildren++] = (long)i;
        }
    }
    return true;
}

static sr_status load(efile *f, const char *name, const char *data, size_t len,
                      sr_diag *diag)
{
    memset(f, 0, sizeof *f);
    f->name = name;
    f->text = sr_xmalloc(len + 1);
    memcpy(f->text, data, len);
    f->text[len] = '\0';
    char *p = f->text, *end = f->text + len;
    long line = 0;
    bool in_sent = false;
    size_t sent_first = 0;
    int mwt_left = 0;
    while (p <= end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        *e = '\0';
        if (e > p && e[-1] == '\r')
            e[-1] = '\0';
        line++;
        char *l = p;
        p = e + 1;
        bool last = !nl;
        if (!in_sent && l[0] == '#')
            goto next;
        if (l[0] == '\0') {
            if (in_sent) {
                if (mwt_left) {
                    sr_error(diag, NULL, "%s:%ld: multiword token ends before its words", name, line);
                    return SR_ERR_FORMAT;
                }
                if (!link_sentence(f, sent_first, line, diag))
                    return SR_ERR_FORMAT;
                f->sents[f->nsents - 1].end = f->nchars;
                in_sent = false;
            }
            goto next;
        }
        if (l[0] == '#')
            goto next;
        if (!in_sent) {
            GROW(f->sents, f->nsents, f->capsents);
            f->sents[f->nsents++] = (span){f->nchars, f->nchars};
            sent_first = f->nwords;
            in_sent = true;
        }
        const char *col[10];
        if (!split10(l, col)) {
            sr_error(diag, NULL, "%s:%ld: expected 10 tab-separated columns", name, line);
            return SR_ERR_FORMAT;
        }
        if (strchr(col[ID], '.'))
            goto next;                  /* empty node */
        if (mwt_left) {
            if (strchr(col[ID], '-')) {
                sr_error(diag, NULL, "%s:%ld: multiword token inside a multiword token", name, line);
                return SR_ERR_FORMAT;
            }
            add_word(f, col, true);
            mwt_left--;
            goto next;
        }
        size_t start = f->nchars;
        if (add_chars(f, col[FORM]) == 0) {
            sr_error(diag, NULL, "%s:%ld: empty FORM", name, line);
            return SR_ERR_FORMAT;
        }
        GROW(f->tokens, f->ntokens, f->captokens);
        f->tokens[f->ntokens++] = (span){start, f->nchars};
        const char *dash = strchr(col[ID], '-');
        if (dash) {
            int a = atoi(col[ID]), b = atoi(dash + 1);
            if (a < 1 || b < a || b - a > 64) {
                sr_error(diag, NULL, "%s:%ld: bad multiword token range '%s'", name, line, col[ID]);
                return SR_ERR_FORMAT;
            }
            mwt_left = b - a + 1;
        } else {
            long id = strtol(col[ID], NULL, 10);
            if (id != (long)(f->nwords - sent_first + 1)) {
                sr_error(diag, NULL, "%s:%ld: word id '%s' out of sequence", name, line, col[ID]);
                return SR_ERR_FORMAT;
            }
            add_word(f, col, false);
        }
    next:
        if (last)
            break;
    }
    if (in_sent) {
        if (mwt_left || !link_sentence(f, sent_first, line, diag)) {
            if (mwt_left)
                sr_error(diag, NULL, "%s:%ld: multiword token ends before its words", name, line);
            return SR_ERR_FORMAT;
        }
        f->sents[f->nsents - 1].end = f->nchars;
    }
    return SR_OK;
}

/* ---- alignment ------------------------------------------------------------ */

typedef struct alignment {
    long *g2s;             /* gold word -> system word, or -1 */
    long *s2g;             /* system word -> gold word, or -1 */
    size_t aligned;
} alignment;

static void align_pair(alignment *a, size_t g, size_t s)
{
    a->g2s[g] = (long)s;
    a->s2g[s] = (long)g;
    a->aligned++;
}

static bool beyond_end(const efile *f, size_t i, size_t mw_end)
{
    if (i >= f->nwords)
        return true;
    if (f->words[i].mwt)
        return f->words[i].sp.start >= mw_end;
    return f->words[i].sp.end > mw_end;
}

static size_t extend_end(const eword *w, size_t mw_end)
{
    return w->mwt && w->sp.end > mw_end ? w->sp.end : mw_end;
}

/* The stretch of words around a multiword token: [gs, gi) and [ss, si). */
static void mwt_span(const efile *g, const efile *s, size_t *gi, size_t *si,
                     size_t *gs, size_t *ss)
{
    size_t mw_end;
    if (g->words[*gi].mwt) {
        mw_end = g->words[*gi].sp.end;
        if (!s->words[*si].mwt && s->words[*si].sp.start < g->words[*gi].sp.start)
            (*si)++;
    } else {
        mw_end = s->words[*si].sp.end;
        if (!g->words[*gi].mwt && g->words[*gi].sp.start < s->words[*si].sp.start)
            (*gi)++;
    }
    *gs = *gi;
    *ss = *si;
    while (!beyond_end(g, *gi, mw_end) || !beyond_end(s, *si, mw_end)) {
        if (*gi < g->nwords &&
            (*si >= s->nwords || g->words[*gi].sp.start <= s->words[*si].sp.start)) {
            mw_end = extend_end(&g->words[*gi], mw_end);
            (*gi)++;
        } else {
            mw_end = extend_end(&s->words[*si], mw_end);
            (*si)++;
        }
    }
}

/* Align the words of [gs, gi) and [ss, si) by the longest common
 * subsequence of their lowercased forms. */
static void align_lcs(alignment *a, const efile *g, const efile *s, size_t gs,
                      size_t gi, size_t ss, size_t si)
{
    size_t ng = gi - gs, ns = si - ss;
    size_t *lcs = sr_xcalloc((ng + 1) * (ns + 1), sizeof *lcs);
#define L(x, y) lcs[(x) * (ns + 1) + (y)]
    for (size_t x = ng; x-- > 0;) {
        for (size_t y = ns; y-- > 0;) {
            size_t v = 0;
            if (strcmp(g->words[gs + x].form_lower, s->words[ss + y].form_lower) == 0)
                v = 1 + L(x + 1, y + 1);
            if (L(x + 1, y) > v)
                v = L(x + 1, y);
            if (L(x, y + 1) > v)
                v = L(x, y + 1);
            L(x, y) = v;
        }
    }
    size_t x = 0, y = 0;
    while (x < ng && y < ns) {
        if (strcmp(g->words[gs + x].form_lower, s->words[ss + y].form_lower) == 0) {
            align_pair(a, gs + x, ss + y);
            x++;
            y++;
        } else if (L(x, y) == L(x + 1, y)) {
            x++;
        } else {
            y++;
        }
    }
#undef L
    free(lcs);
}

static void align_words(alignment *a, const efile *g, const efile *s)
{
    size_t gi = 0, si = 0;
    while (gi < g->nwords && si < s->nwords) {
        if (g->words[gi].mwt || s->words[si].mwt) {
            size_t gs, ss;
            mwt_span(g, s, &gi, &si, &gs, &ss);
            if (si > ss && gi > gs)
                align_lcs(a, g, s, gs, gi, ss, si);
        } else if (g->words[gi].sp.start == s->words[si].sp.start &&
                   g->words[gi].sp.end == s->words[si].sp.end) {
            align_pair(a, gi, si);
            gi++;
            si++;
        } else if (g->words[gi].sp.start <= s->words[si].sp.start) {
            gi++;
        } else {
            si++;
        }
    }
}

/* ---- scores ---------------------------------------------------------------- */

static void set_score(sr_score *sc, size_t gold, size_t sys, size_t correct,
                      long aligned)
{
    sc->gold = gold;
    sc->system = sys;
    sc->correct = correct;
    sc->aligned = aligned;
    sc->precision = sys ? (double)correct / (double)sys : 0.0;
    sc->recall = gold ? (double)correct / (double)gold : 0.0;
    sc->f1 = gold + sys ? 2.0 * (double)correct / (double)(gold + sys) : 0.0;
    sc->aligned_accuracy = aligned > 0 ? (double)correct / (double)aligned
                                       : aligned == 0 ? 0.0 : -1.0;
}

static void spans_score(sr_score *sc, const span *g, size_t ng, const span *s,
                        size_t ns)
{
    size_t gi = 0, si = 0, correct = 0;
    while (gi < ng && si < ns) {
        if (s[si].start < g[gi].start) {
            si++;
        } else if (g[gi].start < s[si].start) {
            gi++;
        } else {
            correct += g[gi].end == s[si].end;
            gi++;
            si++;
        }
    }
    set_score(sc, ng, ns, correct, -1);
}

typedef struct ctx {
    const efile *g, *s;
    const alignment *a;
} ctx;

/* The gold word that a word's head corresponds to: for a gold word its
 * head; for a system word the gold word aligned to its head. -1 = root,
 * -2 = not aligned / no head. */
static long head_in_gold(const ctx *c, bool gold, size_t w)
{
    const eword *x = gold ? &c->g->words[w] : &c->s->words[w];
    if (x->parent == NO_HEAD)
        return gold ? -3 : -2;   /* never equal across the two sides */
    if (x->parent < 0)
        return -1;
    if (gold)
        return x->parent;
    long m = c->a->s2g[x->parent];
    return m >= 0 ? m : -2;
}

static bool col_eq(const eword *g, const eword *s, int col)
{
    return strcmp(g->col[col], s->col[col]) == 0;
}

static bool lemma_eq(const eword *g, const eword *s)
{
    return strcmp(g->col[LEMMA], "_") == 0 || col_eq(g, s, LEMMA);
}

static bool feats_eq(const eword *g, const eword *s)
{
    return strcmp(g->feats, s->feats) == 0;
}

static bool mlas_children_eq(const ctx *c, size_t gw, size_t sw)
{
    const eword *g = &c->g->words[gw], *s = &c->s->words[sw];
    if (g->nfchildren != s->nfchildren)
        return false;
    for (size_t i = 0; i < g->nfchildren; i++) {
        size_t gc = (size_t)g->fchildren[i], sc = (size_t)s->fchildren[i];
        const eword *x = &c->g->words[gc], *y = &c->s->words[sc];
        if (c->a->s2g[sc] != (long)gc || strcmp(x->deprel, y->deprel) != 0 ||
            !col_eq(x, y, UPOS) || !feats_eq(x, y))
            return false;
    }
    return true;
}

static bool key_eq(const ctx *c, int metric, size_t gw, size_t sw)
{
    const eword *g = &c->g->words[gw], *s = &c->s->words[sw];
    bool head = head_in_gold(c, true, gw) == head_in_gold(c, false, sw);
    bool rel = strcmp(g->deprel, s->deprel) == 0;
    switch (metric) {
    case SR_METRIC_UPOS: return col_eq(g, s, UPOS);
    case SR_METRIC_XPOS: return col_eq(g, s, XPOS);
    case SR_METRIC_UFEATS: return feats_eq(g, s);
    case SR_METRIC_ALLTAGS: return col_eq(g, s, UPOS) && col_eq(g, s, XPOS) && feats_eq(g, s);
    case SR_METRIC_LEMMAS: return lemma_eq(g, s);
    case SR_METRIC_UAS: return head;
    case SR_METRIC_LAS: return head && rel;
    case SR_METRIC_CLAS: return head && rel;
    case SR_METRIC_MLAS:
        return head && rel && col_eq(g, s, UPOS) && feats_eq(g, s) &&
               mlas_children_eq(c, gw, sw);
    case SR_METRIC_BLEX: return head && rel && lemma_eq(g, s);
    default: return false;
    }
}

static void aligned_score(sr_score *sc, const ctx *c, int metric)
{
    bool content_only = metric == SR_METRIC_CLAS || metric == SR_METRIC_MLAS ||
                        metric == SR_METRIC_BLEX;
    size_t gold = 0, sys = 0, aligned = 0, correct = 0;
    for (size_t i = 0; i < c->g->nwords; i++)
        gold += !content_only || c->g->words[i].content;
    for (size_t i = 0; i < c->s->nwords; i++)
        sys += !content_only || c->s->words[i].content;
    for (size_t gw = 0; gw < c->g->nwords; gw++) {
        long sw = c->a->g2s[gw];
        if (sw < 0 || (content_only && !c->g->words[gw].content))
            continue;
        aligned++;
        if (metric == SR_METRIC_WORDS || key_eq(c, metric, gw, (size_t)sw))
            correct++;
    }
    set_score(sc, gold, sys, correct, metric == SR_METRIC_WORDS ? -1 : (long)aligned);
}

static const char *const metric_names[SR_METRIC_COUNT] = {
    "Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags",
    "Lemmas", "UAS", "LAS", "CLAS", "MLAS", "BLEX",
};

const char *sr_metric_name(int metric)
{
    return metric >= 0 && metric < SR_METRIC_COUNT ? metric_names[metric] : "?";
}

/* Report where the two character streams first differ. */
static void report_mismatch(const efile *g, const efile *s, sr_diag *diag)
{
    size_t i = 0;
    while (i < g->nchars && i < s->nchars && g->chars[i] == s->chars[i])
        i++;
    while (i > 0 && ((unsigned char)g->chars[i] & 0xC0) == 0x80)
        i--;
    size_t gl = g->nchars - i < 20 ? g->nchars - i : 20;
    size_t sl = s->nchars - i < 20 ? s->nchars - i : 20;
    sr_error(diag, s->name,
             "its text differs from %s's at character byte %zu: gold '%.*s', system '%.*s'",
             g->name, i, (int)gl, g->chars + i, (int)sl, s->chars + i);
}

sr_status sr_eval_conllu(const char *gold, size_t gold_len, const char *gold_name,
                         const char *sys, size_t sys_len, const char *sys_name,
                         sr_score scores[SR_METRIC_COUNT], sr_diag *diag)
{
    efile g, s;
    memset(scores, 0, SR_METRIC_COUNT * sizeof *scores);
    sr_status st = load(&g, gold_name ? gold_name : "gold", gold, gold_len, diag);
    if (st == SR_OK)
        st = load(&s, sys_name ? sys_name : "system", sys, sys_len, diag);
    else
        memset(&s, 0, sizeof s);
    if (st == SR_OK && (g.nchars != s.nchars || (g.nchars && memcmp(g.chars, s.chars, g.nchars) != 0))) {
        report_mismatch(&g, &s, diag);
        st = SR_ERR_FORMAT;
    }
    if (st == SR_OK) {
        alignment a = {sr_xcalloc(g.nwords + 1, sizeof(long)),
                       sr_xcalloc(s.nwords + 1, sizeof(long)), 0};
        for (size_t i = 0; i < g.nwords; i++)
            a.g2s[i] = -1;
        for (size_t i = 0; i < s.nwords; i++)
            a.s2g[i] = -1;
        align_words(&a, &g, &s);
        ctx c = {&g, &s, &a};
        spans_score(&scores[SR_METRIC_TOKENS], g.tokens, g.ntokens, s.tokens, s.ntokens);
        spans_score(&scores[SR_METRIC_SENTENCES], g.sents, g.nsents, s.sents, s.nsents);
        for (int m = SR_METRIC_WORDS; m < SR_METRIC_COUNT; m++)
            aligned_score(&scores[m], &c, m);
        free(a.g2s);
        free(a.s2g);
    }
    efile_free(&g);
    efile_free(&s);
    return st;
}

void sr_eval_conllu_print(const sr_score scores[SR_METRIC_COUNT], int upto,
                          sr_buf *out)
{
    sr_buf_puts(out, "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n");
    sr_buf_puts(out, "-----------+-----------+-----------+-----------+-----------\n");
    for (int m = 0; m < SR_METRIC_COUNT && m <= upto; m++) {
        const sr_score *s = &scores[m];
        sr_buf_printf(out, "%-11s|%10.2f |%10.2f |%10.2f |", metric_names[m],
                      100 * s->precision, 100 * s->recall, 100 * s->f1);
        if (s->aligned_accuracy >= 0)
            sr_buf_printf(out, "%10.2f\n", 100 * s->aligned_accuracy);
        else
            sr_buf_putc(out, '\n');
    }
}
