/*
 * match.c — verbs and their patterns.
 *
 * A verb is found by its form ("met", "broke down", "wire tapped"): the
 * dictionary's verb phrases are tried at the word and at up to three words
 * before it, so that a phrase's verb word lands on the word.
 *
 * A pattern is matched against two windows of words, in sentence order:
 * the words of the verb's clause before the verb (its subject, auxiliaries,
 * adverbs; for a verb without a subject of its own, those of the clause it
 * depends on; for a pattern from a file without phrase groups, read
 * linearly as PETRARCH-1 and TABARI do, also the verb governing a
 * complement clause; for a PETRARCH-2 pattern, less the verb's own adverbs
 * and auxiliaries, as UD-PETRARCH reads them: "- HEAVILY *" is for the
 * subject's words) and the words of the verb's subtree after it (objects,
 * prepositional phrases, complements), leaving out coordinated clauses and
 * parenthetical ones. Terms match in order with gaps allowed, except:
 *   - a term joined by '_' must directly follow the previous one;
 *   - {A B HEAD}: a noun phrase whose head word matches HEAD, the word just
 *     before the head matches B, and A matches earlier within the phrase;
 *   - (P A B): the preposition P followed by A B, only determiners and
 *     possessive pronouns between them;
 *   - '$' and '+' take the next noun phrase that stands for an actor; '^'
 *     skips one phrase (a prepositional phrase with its noun phrase, or a
 *     noun phrase up to its head); '%' asks for a compound actor;
 *   - a synset or a TABARI alternative matches any of its phrases.
 * A word term matches a sentence word by form or by lemma (by prefix for a
 * TABARI stem). The pattern that matches with the most content terms wins;
 * among equals, the first in the dictionary.
 *
 * Backtracking is bounded: a pattern has at most 64 terms, windows have at
 * most the sentence's words, and a budget of steps per verb stops
 * pathological dictionaries (a synset of synsets of synsets) from costing
 * more than a few microseconds.
 */
#include "coder.h"
#include "../core/internal.h"

#include <string.h>

/* ---- finding the verb ---------------------------------------------------------- */

/* Whether a verb block holds an event noun's patterns (own format `noun`
 * lines: its name ends in SR_NOUN_BLOCK_SUFFIX). */
bool sr_noun_block(const sr_dict *d, uint32_t block)
{
    const char *name = sr_dstr(d, d->blocks[block].name);
    size_t n = strlen(name), k = strlen(SR_NOUN_BLOCK_SUFFIX);
    return n > k && strcmp(name + n - k, SR_NOUN_BLOCK_SUFFIX) == 0;
}

static bool find_form(csent *cs, int v, verbhit *out, bool noun);
static bool separated_particle(csent *cs, int v, verbhit *out);

bool sr_find_verb(csent *cs, int v, verbhit *out)
{
    if (find_form(cs, v, out, false) && out->hi > v)
        return true;
    /* sitrep's own dictionaries: a particle after the verb's object
     * ("pulled its troops out of Lebanon", "handed the suspects over"):
     * the phrasal verb's block, when the dictionary has one */
    verbhit alt;
    if (cs->c->explicit_targets && !cs->c->opt.petrarch && cs->kids && separated_particle(cs, v, &alt)) {
        *out = alt;
        return true;
    }
    return find_form(cs, v, out, false);
}

bool sr_find_noun(csent *cs, int v, verbhit *out)
{
    return find_form(cs, v, out, true);
}

/* The distinct ids a word's forms are looked up by: its form, lemma and
 * stem, in that order, without SR_NOWORD or repeats. Returns how many. */
static int lookup_ids(const sr_dtok *t, uint32_t ids[3])
{
    const uint32_t all[3] = {t->form, t->lemma, t->stem};
    int n = 0;
    for (int c = 0; c < 3; c++) {
        bool seen = all[c] == SR_NOWORD;
        for (int k = 0; k < n && !seen; k++)
            seen = ids[k] == all[c];
        if (!seen)
            ids[n++] = all[c];
    }
    return n;
}

/* The block of the verb form of exactly nw words (1 or 2) spelt by toks,
 * the first of which is verb v's, looked up by that word's form, lemma or
 * stem; a phrase of lemmas matches lemmas. */
static bool verb_form_of(csent *cs, int v, const sr_dtok *toks, uint32_t nw, verbhit *out)
{
    const sr_dict *d = cs->d;
    uint32_t ids[3];
    int nids = lookup_ids(&toks[0], ids);
    for (int c = 0; c < nids; c++) {
        uint32_t first, cnt = sr_dict_phrases_from(d, SR_PK_FORM, ids[c], &first);
        for (uint32_t j = 0; j < cnt; j++) {
            uint32_t pid = d->idx_list[first + j];
            const sr_dphrase *p = &d->phrases[pid];
            const sr_dform *f = &d->forms[p->owner];
            if (f->verb_word != 0 || p->nwords != nw || sr_noun_block(d, f->block))
                continue;
            bool ok = true;
            for (uint32_t w = 0; w < nw && ok; w++) {
                uint32_t wid = d->pwords[p->words + w];
                ok = toks[w].form == wid || ((p->flags & SR_PHRASE_LEMMA) && toks[w].lemma == wid);
            }
            if (!ok)
                continue;
            memset(out, 0, sizeof *out);
            out->v = v;
            out->lo = out->hi = v;
            out->form = p->owner;
            out->block = f->block;
            return true;
        }
    }
    return false;
}

/* The block of verb v's one-word form ("went" in "go"), when the
 * dictionary has one. */
bool sr_find_verb_alone(csent *cs, int v, verbhit *out)
{
    return verb_form_of(cs, v, &cs->w[v].tok, 1, out);
}

/* The block of the phrasal verb made of verb v and a particle of it that
 * does not follow it directly ("pulled its troops out"): its two-word
 * form looked up as if the words were side by side. */
static bool separated_particle(csent *cs, int v, verbhit *out)
{
    const cword *vw = &cs->w[v];
    int prt = -1;
    for (int k = 0; k < vw->nkids; k++) {
        int c = cs->kids[vw->kid0 + k];
        if (cs->w[c].rel == R_PRT && c > v + 1)
            prt = c;
    }
    if (prt < 0)
        return false;
    sr_dtok toks[2] = {vw->tok, cs->w[prt].tok};
    return verb_form_of(cs, v, toks, 2, out);
}

/* A form of a verb block (noun: of an event noun's block, one word) at v. */
static bool find_form(csent *cs, int v, verbhit *out, bool noun)
{
    const sr_dict *d = cs->d;
    sr_dtok toks[SR_DICT_MAX_TERMS];
    int best_len = 0;
    bool found = false;
    for (int k = 0; k <= (noun ? 0 : 3) && k <= v; k++) {
        int start = v - k;
        int n = cs->n - start < SR_DICT_MAX_TERMS ? cs->n - start : SR_DICT_MAX_TERMS;
        for (int i = 0; i < n; i++)
            toks[i] = cs->w[start + i].tok;
        uint32_t ids[3];
        int nids = lookup_ids(&toks[0], ids);
        for (int c = 0; c < nids; c++) {
            uint32_t first, cnt = sr_dict_phrases_from(d, SR_PK_FORM, ids[c], &first);
            for (uint32_t j = 0; j < cnt; j++) {
                uint32_t pid = d->idx_list[first + j];
                const sr_dphrase *p = &d->phrases[pid];
                const sr_dform *f = &d->forms[p->owner];
                if ((int)f->verb_word != k || (int)p->nwords <= k || (int)p->nwords < best_len)
                    continue;
                if (sr_noun_block(d, f->block) != noun || (noun && p->nwords != 1))
                    continue;
                /* verb phrases match by form only (the form list is
                 * complete); a lemma match is for LEMMA phrases */
                bool ok = true;
                for (uint32_t w = 0; w < p->nwords && ok; w++) {
                    uint32_t wid = d->pwords[p->words + w];
                    const sr_dtok *t = &toks[w];
                    ok = (int)w < n && (t->form == wid ||
                                        ((p->flags & SR_PHRASE_LEMMA) && t->lemma == wid));
                }
                if (!ok)
                    continue;
                if (found && (int)p->nwords == best_len && p->owner != out->form &&
                    f->block != out->block) {
                    bool seen = false;
                    for (int a = 0; a < out->nalt; a++)
                        seen = seen || out->alt_block[a] == f->block;
                    if (!seen && out->nalt < 4) {
                        out->alt_form[out->nalt] = p->owner;
                        out->alt_block[out->nalt++] = f->block;
                    }
                    continue;
                }
                if ((int)p->nwords > best_len || !found) {
                    out->nalt = 0;
                    best_len = (int)p->nwords;
                    out->v = v;
                    out->lo = start;
                    out->hi = start + (int)p->nwords - 1;
                    out->form = p->owner;
                    out->block = f->block;
                    found = true;
                }
            }
        }
    }
    return found;
}

/* ---- windows -------------------------------------------------------------------- */

static bool leaves_clause(uint8_t rel)
{
    return rel == R_CONJ || rel == R_PARATAXIS || rel == R_PUNCT;
}

/* Whether word j lies in the subtree of child c of v that the windows
 * leave out. */
static bool excluded(const csent *cs, int v, int j)
{
    int steps = 0;
    while (j >= 0 && cs->w[j].head != v && steps++ < cs->n)
        j = cs->w[j].head;
    return j < 0 || leaves_clause(cs->w[j].rel);
}

static void wpush(csent *cs, window *w, int j, int cap)
{
    (void)cs;
    if (w->n < cap)
        w->v[w->n++] = j;
}

void sr_verb_windows(csent *cs, int v, window *pre, window *post)
{
    int cap = cs->n + 1;
    pre->v = sr_arena_alloc(cs->tmp, (size_t)cap * sizeof(int));
    post->v = sr_arena_alloc(cs->tmp, (size_t)cap * sizeof(int));
    pre->n = post->n = 0;
    pre->cv = sr_arena_alloc(cs->tmp, (size_t)cap * sizeof(int));
    pre->cn = 0;
    post->cv = NULL;
    post->cn = 0;
    const cword *vw = &cs->w[v];
    for (int j = v + 1; j <= vw->sub_hi; j++)
        if (cs->w[j].rel != R_PUNCT && !excluded(cs, v, j))
            wpush(cs, post, j, cap);
    /* before the verb: from the start of the clause it depends on */
    int top = v, steps = 0;
    while (steps++ < cs->n && cs->w[top].head >= 0 &&
           (cs->w[top].rel == R_XCOMP || cs->w[top].rel == R_CCOMP || cs->w[top].rel == R_CONJ) &&
           sr_child(cs, top, R_NSUBJ) < 0 && sr_child(cs, top, R_NSUBJPASS) < 0)
        top = cs->w[top].head;
    int lo = cs->w[top].sub_lo < vw->sub_lo ? cs->w[top].sub_lo : vw->sub_lo;
    /* a complement clause's governing verb stands before it, for linear
     * patterns ("indicated it deplored": "INDICATED *" of DEPLORE) */
    pre->gov = false;
    post->gov = false;
    if (cs->w[top].rel == R_CCOMP && cs->w[top].head >= 0 && cs->w[top].head < lo) {
        wpush(cs, pre, cs->w[top].head, cap);
        pre->gov = true;
    }
    for (int j = lo; j < v; j++) {
        if (cs->w[j].rel == R_PUNCT)
            continue;
        /* leave out parenthetical clauses and other conjuncts' subtrees */
        int a = j, st = 0;
        bool skip = false;
        while (a >= 0 && a != top && a != v && st++ < cs->n) {
            if (cs->w[a].rel == R_PARATAXIS || cs->w[a].rel == R_ADVCL)
                skip = true;
            a = cs->w[a].head;
        }
        if (skip)
            continue;
        wpush(cs, pre, j, cap);
        if (!((cs->w[j].head == v || cs->w[j].head == top) &&
              (cs->w[j].rel == R_ADVMOD || cs->w[j].rel == R_AUX || cs->w[j].rel == R_AUXPASS)) &&
            pre->cn < cap)
            pre->cv[pre->cn++] = j;
    }
}

/* ---- matching ---------------------------------------------------------------------- */

typedef struct cont {
    const sr_dterm *t;
    int i, n;
    const struct cont *next;
} cont;

typedef struct mstate {
    csent *cs;
    const window *win;
    int source, target;
    bool compound;
    int budget;
    int verb;           /* the verb word */
    bool pre;           /* matching the words before the verb */
    bool verb_adjacent; /* pre: the last word must be verb - 1 */
    int end_word;       /* last word consumed by a successful match */
    bool exact;         /* a PETRARCH-1/TABARI pattern: its words match the
                           sentence's words as written ("EFFORT" is not
                           "efforts"), except TABARI's stems */
} mstate;

static bool word_ok(const csent *cs, const sr_dterm *t, int j)
{
    const sr_dtok *k = &cs->w[j].tok;
    if (cs->w[j].hyph != SR_NOWORD && cs->w[j].hyph == t->arg)
        return true;    /* "sit - in" as "sit-in" */
    if (t->flags & SR_TERM_LEMMA)
        return k->lemma == t->arg;
    if (k->form == t->arg || k->lemma == t->arg)
        return true;
    return (t->flags & SR_TERM_STEM) && k->stem == t->arg;
}

/* Index of the first window position holding a word > prev. */
/* A word term of a linear pattern against word j. */
static bool m_word_ok(const mstate *m, const sr_dterm *t, int j)
{
    if (m->exact && !(t->flags & SR_TERM_STEM))
        return m->cs->w[j].tok.form == t->arg;
    return word_ok(m->cs, t, j);
}

static int win_after(const window *w, int prev)
{
    int lo = 0, hi = w->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (w->v[mid] <= prev)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int group_end(const sr_dterm *t, int i, int n)
{
    int depth = 0;
    for (int k = i; k < n; k++) {
        uint8_t kd = t[k].kind;
        if (kd == SR_TERM_NP_OPEN || kd == SR_TERM_PP_OPEN || kd == SR_TERM_ALT_OPEN)
            depth++;
        else if (kd == SR_TERM_NP_CLOSE || kd == SR_TERM_PP_CLOSE || kd == SR_TERM_ALT_CLOSE)
            if (--depth == 0)
                return k;
    }
    return n - 1;
}

static bool m_run(mstate *m, const cont *k, int prev, bool adj);

/* The noun phrase after `prev` that stands for an actor: its head, and the
 * last word it covers; -1 when none. */
static int next_actor(mstate *m, int prev, int *last)
{
    csent *cs = m->cs;
    for (int q = win_after(m->win, prev); q < m->win->n; q++) {
        int j = m->win->v[q];
        if (!sr_is_nominal(cs, j) && cs->w[j].np < 0)
            continue;
        const alist *l = sr_meaning(cs, j);
        if (l->n == 0)
            continue;
        int h = cs->w[j].np >= 0 ? cs->w[j].np : j;
        int e = h > j ? h : j;
        for (int x = 0; x < cs->nm; x++)
            if (cs->m[x].head == h && cs->m[x].end - 1 > e)
                e = cs->m[x].end - 1;
        *last = e;
        return h;
    }
    return -1;
}

/* Skip one phrase after prev: a preposition with its noun phrase, or a noun
 * phrase up to its head, or one word. Returns the last word skipped. */
static int skip_phrase(mstate *m, int prev)
{
    csent *cs = m->cs;
    int q = win_after(m->win, prev);
    if (q >= m->win->n)
        return -2;
    int j = m->win->v[q];
    if (cs->w[j].rel == R_CASE && cs->w[j].head > j)
        return cs->w[j].head;
    if (cs->w[j].head > j && sr_climbs(cs->w[j].rel))
        return cs->w[j].head;
    return j;
}

/* Match the words of a PP/NP group right after `after` (consecutive,
 * determiners and possessive pronouns skipped): WORD and SYNSET terms only;
 * '+', '$' and '^' inside take the group's noun phrase. */
static bool m_group_seq(mstate *m, const sr_dterm *t, int i, int n, int prev, int *last,
                        int depth);

static bool skippable(const csent *cs, int j)
{
    uint8_t u = cs->w[j].upos;
    return u == SR_UPOS_DET || (u == SR_UPOS_PRON && cs->w[j].rel == R_POSS);
}

/* Next word after prev in sentence order, skipping determiners. */
static int next_word(const csent *cs, int prev)
{
    int j = prev + 1;
    while (j < cs->n && (skippable(cs, j) || cs->w[j].rel == R_PUNCT))
        j++;
    return j < cs->n ? j : -1;
}

static bool m_group_seq(mstate *m, const sr_dterm *t, int i, int n, int prev, int *last,
                        int depth)
{
    csent *cs = m->cs;
    if (--m->budget < 0 || depth > 16)
        return false;
    if (i >= n) {
        *last = prev;
        return true;
    }
    const sr_dterm *x = &t[i];
    switch (x->kind) {
    case SR_TERM_WORD: {
        int j = next_word(cs, prev);
        if (j < 0 || !m_word_ok(m, x, j))
            return false;
        return m_group_seq(m, t, i + 1, n, j, last, depth);
    }
    case SR_TERM_SYNSET: {
        const sr_dsynset *s = &cs->d->synsets[x->arg];
        for (uint32_t mb = s->members; mb < s->members + s->nmembers; mb++) {
            const sr_dsynmember *sm = &cs->d->synmembers[mb];
            int mid;
            if (sm->nterms && m_group_seq(m, cs->d->terms + sm->terms, 0, (int)sm->nterms,
                                          prev, &mid, depth + 1) &&
                m_group_seq(m, t, i + 1, n, mid, last, depth))
                return true;
        }
        return false;
    }
    case SR_TERM_NP_OPEN: case SR_TERM_PP_OPEN: case SR_TERM_ALT_OPEN: {
        int e = group_end(t, i, n);
        int mid;
        if (x->kind == SR_TERM_ALT_OPEN) {
            int a = i + 1;
            for (int b = i + 1; b <= e; b++) {
                if (b == e || t[b].kind == SR_TERM_ALT_BAR) {
                    if (m_group_seq(m, t, a, b, prev, &mid, depth + 1) &&
                        m_group_seq(m, t, e + 1, n, mid, last, depth))
                        return true;
                    a = b + 1;
                }
            }
            return false;
        }
        if (!m_group_seq(m, t, i + 1, e, prev, &mid, depth + 1))
            return false;
        return m_group_seq(m, t, e + 1, n, mid, last, depth);
    }
    case SR_TERM_SOURCE: case SR_TERM_TARGET: case SR_TERM_SKIP: {
        int j = next_word(cs, prev);
        if (j < 0)
            return false;
        int h = cs->w[j].np >= 0 ? cs->w[j].np : j;
        if (h < j)
            h = j;
        /* up to the head of the noun phrase starting here */
        while (h + 1 < cs->n && cs->w[h].head > h && sr_climbs(cs->w[h].rel))
            h = cs->w[h].head;
        if (x->kind != SR_TERM_SKIP) {
            if (sr_meaning(cs, h)->n == 0)
                return false;
            if (x->kind == SR_TERM_SOURCE)
                m->source = h;
            else
                m->target = h;
        }
        return m_group_seq(m, t, i + 1, n, h, last, depth);
    }
    case SR_TERM_COMPOUND:
        m->compound = true;
        return m_group_seq(m, t, i + 1, n, prev, last, depth);
    default:
        return m_group_seq(m, t, i + 1, n, prev, last, depth);
    }
}

/* {A B HEAD} ending exactly at word h: matched right to left; the term
 * before the head must stand right before it, earlier ones may leave gaps,
 * all within the phrase's words. */
static bool np_ends_at(mstate *m, const sr_dterm *t, int i, int e, int h, int lo,
                       int level, int depth);

static bool syn_ends_at(mstate *m, uint32_t syn, int h, int lo, int *start, int depth)
{
    csent *cs = m->cs;
    const sr_dsynset *s = &cs->d->synsets[syn];
    for (uint32_t mb = s->members; mb < s->members + s->nmembers; mb++) {
        const sr_dsynmember *sm = &cs->d->synmembers[mb];
        if (!sm->nterms)
            continue;
        /* a member is a run of consecutive words ending at h */
        int nt = (int)sm->nterms, j = h, k = nt - 1;
        bool ok = true;
        for (; k >= 0 && ok; k--) {
            const sr_dterm *x = &cs->d->terms[sm->terms + (uint32_t)k];
            if (j < lo) {
                ok = false;
            } else if (x->kind == SR_TERM_WORD) {
                ok = m_word_ok(m, x, j);
                j--;
            } else if (x->kind == SR_TERM_SYNSET && depth < 8) {
                int st;
                ok = syn_ends_at(m, x->arg, j, lo, &st, depth + 1);
                j = st - 1;
            } else {
                ok = false;
            }
        }
        if (ok) {
            *start = j + 1;
            return true;
        }
    }
    return false;
}

static bool np_ends_at(mstate *m, const sr_dterm *t, int i, int e, int h, int lo,
                       int level, int depth)
{
    csent *cs = m->cs;
    if (--m->budget < 0)
        return false;
    if (e < i)
        return true;
    const sr_dterm *x = &t[e];
    /* the head (level 0) ends at h; the term before it (level 1) right
     * before; earlier ones anywhere in the phrase */
    bool exact = level < 2;
    for (int end = h; end >= lo; end--) {
        if (x->kind == SR_TERM_WORD) {
            if (m_word_ok(m, x, end) &&
                np_ends_at(m, t, i, e - 1, end - 1, lo, level + 1, depth))
                return true;
        } else if (x->kind == SR_TERM_SYNSET) {
            int st;
            if (syn_ends_at(m, x->arg, end, lo, &st, depth) &&
                np_ends_at(m, t, i, e - 1, st - 1, lo, level + 1, depth))
                return true;
        } else {
            return false;   /* only words and synsets inside {} */
        }
        if (exact) {
            /* a modifier coordinated with the word before the head ("death
             * and injury toll" is a {DEATH TOLL}): the term may stand
             * before the conjunction */
            if (level == 1 && end == h && h - 2 >= lo && cs->w[h - 1].upos == SR_UPOS_CCONJ) {
                end = h - 1;    /* the loop's end-- makes it h - 2 */
                exact = false;
                continue;
            }
            break;
        }
        if (level == 1)
            break;
    }
    return false;
}

/* The leftmost word of the noun phrase headed by h. */
static int np_lo(const csent *cs, int h)
{
    int lo = h;
    const cword *w = &cs->w[h];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if (c < lo && cs->w[c].rel != R_PUNCT && cs->w[c].rel != R_CASE)
            lo = cs->w[c].sub_lo < lo ? cs->w[c].sub_lo : lo;
    }
    return lo;
}

static bool m_item(mstate *m, const cont *k, int prev, bool adj)
{
    csent *cs = m->cs;
    const sr_dterm *x = &k->t[k->i];
    bool x_adj = adj || (x->flags & SR_TERM_ADJACENT);
    cont rest = {k->t, k->i + 1, k->n, k->next};
    switch (x->kind) {
    case SR_TERM_WORD:
        for (int q = win_after(m->win, prev); q < m->win->n; q++) {
            int j = m->win->v[q];
            if (x_adj && prev >= 0 && j != prev + 1)
                break;
            if (m_word_ok(m, x, j) && m_run(m, &rest, j, false))
                return true;
            if (--m->budget < 0)
                return false;
        }
        return false;
    case SR_TERM_SYNSET: {
        const sr_dsynset *s = &cs->d->synsets[x->arg];
        for (uint32_t mb = s->members; mb < s->members + s->nmembers; mb++) {
            const sr_dsynmember *sm = &cs->d->synmembers[mb];
            if (!sm->nterms)
                continue;
            cont inner = {cs->d->terms + sm->terms, 0, (int)sm->nterms, &rest};
            if (m_run(m, &inner, prev, x_adj))
                return true;
            if (--m->budget < 0)
                return false;
        }
        return false;
    }
    case SR_TERM_ALT_OPEN: {
        int e = group_end(k->t, k->i, k->n);
        cont after = {k->t, e + 1, k->n, k->next};
        int a = k->i + 1;
        for (int b = k->i + 1; b <= e; b++) {
            if (b == e || k->t[b].kind == SR_TERM_ALT_BAR) {
                cont alt = {k->t, a, b, &after};
                if (m_run(m, &alt, prev, x_adj))
                    return true;
                a = b + 1;
            }
        }
        return false;
    }
    case SR_TERM_NP_OPEN: {
        int e = group_end(k->t, k->i, k->n);
        cont after = {k->t, e + 1, k->n, k->next};
        int last_term = e - 1;
        if (last_term <= k->i)
            return m_run(m, &after, prev, adj);
        for (int q = win_after(m->win, prev); q < m->win->n; q++) {
            int h = m->win->v[q];
            if (x_adj && prev >= 0 && h != prev + 1 && q > win_after(m->win, prev))
                break;
            /* {...} is a noun phrase: its head is no verb ("to supply"
             * does not match {TO SUPPLY}) */
            if (cs->w[h].upos == SR_UPOS_VERB || cs->w[h].upos == SR_UPOS_AUX)
                continue;
            int lo = np_lo(cs, h);
            if (lo <= prev)
                lo = prev + 1;
            if (np_ends_at(m, k->t, k->i + 1, last_term, h, lo, 0, 0) &&
                m_run(m, &after, h, false))
                return true;
            if (--m->budget < 0)
                return false;
        }
        return false;
    }
    case SR_TERM_PP_OPEN: {
        int e = group_end(k->t, k->i, k->n);
        cont after = {k->t, e + 1, k->n, k->next};
        const sr_dterm *prep = k->i + 1 < e ? &k->t[k->i + 1] : NULL;
        for (int q = win_after(m->win, prev); q < m->win->n; q++) {
            int j = m->win->v[q];
            if (prep && prep->kind == SR_TERM_WORD && !m_word_ok(m, prep, j))
                continue;
            int last;
            int first_inner = prep && prep->kind == SR_TERM_WORD ? k->i + 2 : k->i + 1;
            int src = m->source, tgt = m->target;
            if (m_group_seq(m, k->t, first_inner, e, j, &last, 0) &&
                m_run(m, &after, last, false))
                return true;
            m->source = src;
            m->target = tgt;
            if (--m->budget < 0)
                return false;
        }
        return false;
    }
    case SR_TERM_SOURCE: case SR_TERM_TARGET: case SR_TERM_COMPOUND: {
        if (x->kind == SR_TERM_COMPOUND && m->pre) {
            /* '%' before the verb: the subject's members act on each other */
            m->compound = true;
            return m_run(m, &rest, prev, adj);
        }
        /* '%' after the verb ("* WITH %") stands for a target that is a
         * compound: the pattern applies only when it is one */
        int last;
        int h = next_actor(m, prev, &last);
        if (h < 0 || (x->kind == SR_TERM_COMPOUND && sr_meaning(cs, h)->n < 2))
            return false;
        int *role = x->kind == SR_TERM_SOURCE ? &m->source : &m->target;
        int save = *role;
        *role = h;
        if (m_run(m, &rest, last, false))
            return true;
        *role = save;
        return false;
    }
    case SR_TERM_SKIP: {
        int last = skip_phrase(m, prev);
        if (last == -2)
            return false;
        return m_run(m, &rest, last, false);
    }
    default:
        return m_run(m, &rest, prev, adj);
    }
}

static bool m_run(mstate *m, const cont *k, int prev, bool adj)
{
    if (m->budget < 0)
        return false;
    while (k && k->i >= k->n)
        k = k->next;
    if (!k) {
        if (m->pre && m->verb_adjacent && prev != m->verb - 1)
            return false;
        m->end_word = prev;
        return true;
    }
    return m_item(m, k, prev, adj);
}


/* ---- dependency patterns ----------------------------------------------------------
 *
 * A pattern whose terms carry relations (the project's own dictionaries,
 * written over lemmas and UD relations) is matched on the tree, in no word
 * order: each term must be a dependent, with its relation, of the verb or of
 * a word an earlier term of the pattern matched ("held talks with Iran":
 * "with" may hang on "talks"). A word term matches by lemma; '$'/'+' take
 * the actor of the dependent; a (PREP ...) group is an oblique or nominal
 * dependent introduced by that preposition, the terms inside applying to
 * its noun; a leading "not" asks for a negated verb. "obj" is the passive
 * subject of a passive verb; "nsubj" the (possibly inherited) subject.
 * A '^' term with a relation is any word in that relation ("xcomp:*").
 * A term of level k >= 1 (a filler's own slot, "ccomp:*(nsubj:T)") is a
 * dependent of the latest word matched at level k only, not of the verb
 * or of other words; a word matched by a term of level k is at level
 * k + 1 (the verb at 0). */

typedef struct dstate {
    csent *cs;
    int v;
    bool passive;
    int anch[SR_DICT_MAX_TERMS + 1];
    int alev[SR_DICT_MAX_TERMS + 1];    /* level of each anchor */
    int nanch;
    int source, target;
    bool neg;
    int budget;
} dstate;

static bool dep_rel_ok(const dstate *s, int w, const char *rel)
{
    const csent *cs = s->cs;
    uint8_t want = sr_rel_class(rel), have = cs->w[w].rel;
    if (want == have)
        return true;
    if (want == R_OBJ && s->passive && have == R_NSUBJPASS && cs->w[w].head == s->v)
        return true;
    if ((want == R_OBL && have == R_NMOD) || (want == R_NMOD && have == R_OBL))
        return true;
    if (want == R_ACL && have == R_RELCL)
        return true;
    /* "threatened to break relations" with the infinitive parsed as an
     * adverbial clause: an open complement all the same */
    if (want == R_XCOMP && have == R_ADVCL && sr_child_word(cs, w, R_MARK, "to") >= 0 &&
        sr_child(cs, w, R_NSUBJ) < 0 && w > s->v)
        return true;
    /* "allowed the opposition to hold a rally" with the infinitive hung
     * on the object as a clause of the noun: the verb's open complement */
    if (want == R_XCOMP && (have == R_ACL || have == R_RELCL) &&
        sr_child_word(cs, w, R_MARK, "to") >= 0 && sr_child(cs, w, R_NSUBJ) < 0 &&
        cs->w[w].head >= 0 && cs->w[cs->w[w].head].rel == R_OBJ &&
        cs->w[cs->w[w].head].head == s->v)
        return true;
    /* "allowed candidate Ouattara to participate" with the person parsed
     * as an indirect object of a verb that has no direct one, before the
     * verb's infinitive: the object ("told Reuters" stays no object) */
    if (want == R_OBJ && have == R_IOBJ && cs->w[w].head == s->v &&
        sr_child(cs, s->v, R_OBJ) < 0) {
        int x = sr_child(cs, s->v, R_XCOMP);
        if (x > w && sr_child_word(cs, x, R_MARK, "to") >= 0)
            return true;
    }
    if (want == R_COMPOUND && have == R_PRT)
        return false;
    return false;
}

/* The preposition of a nominal dependent ("on behalf of": its case word
 * and that word's fixed dependents) equals `prep`. */
static bool has_prep(const csent *cs, int n, const char *prep)
{
    const cword *w = &cs->w[n];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if (cs->w[c].rel != R_CASE)
            continue;
        char buf[256];
        size_t o = (size_t)snprintf(buf, sizeof buf, "%s", cs->w[c].lower);
        const cword *cw = &cs->w[c];
        for (int j = 0; j < cw->nkids && o < sizeof buf; j++) {
            int f = cs->kids[cw->kid0 + j];
            if (cs->w[f].rel == R_FIXED)
                o += (size_t)snprintf(buf + o, sizeof buf - o, " %s", cs->w[f].lower);
        }
        if (strcmp(buf, prep) == 0)
            return true;
    }
    return false;
}

static bool d_run(dstate *s, const sr_dterm *t, int i, int n);

/* The "of" noun of a word of quantity, duration or sequence ("ten days of
 * war games", "a wave of strikes", "three rounds of talks"), else -1. */
static int partitive_of(const csent *cs, int c)
{
    static const char *const words[] = {
        "day", "week", "month", "year", "hour", "round", "series", "wave", "spate",
        "string", "flurry", "barrage", "volley", "salvo", "number", "dozen", "hundred",
        "thousand", "couple", "set", "package", "batch", "shipment", "consignment", "ton",
        "tonne", "lot", "range", "host", "raft", "variety", "ten", "score", "million",
        "billion"};
    const cword *w = &cs->w[c];
    if (w->upos != SR_UPOS_NOUN && w->upos != SR_UPOS_NUM)
        return -1;
    bool part = false;
    for (size_t k = 0; k < SR_ARRAY_LEN(words) && !part; k++) {
        size_t l = strlen(words[k]);
        part = strcmp(w->lemma, words[k]) == 0 ||
               (strncmp(w->lower, words[k], l) == 0 && strcmp(w->lower + l, "s") == 0);
    }
    if (!part)
        return -1;
    for (int k = 0; k < w->nkids; k++) {
        int d = cs->kids[w->kid0 + k];
        if ((cs->w[d].rel == R_NMOD || cs->w[d].rel == R_OBL) && d > c &&
            sr_child_word(cs, d, R_CASE, "of") >= 0 &&
            (cs->w[d].upos == SR_UPOS_NOUN || cs->w[d].upos == SR_UPOS_PROPN))
            return d;
    }
    return -1;
}

static int term_level(const sr_dterm *x)
{
    return (x->flags & SR_TERM_LEVEL_MASK) >> SR_TERM_LEVEL_SHIFT;
}

/* The index of the only anchor a term of `level` may hang on (the latest
 * anchor of that level), or -1 when any anchor may serve (level 0), or -2
 * when there is none. */
static int only_anchor(const dstate *s, int level)
{
    if (level == 0)
        return -1;
    for (int a = s->nanch - 1; a >= 0; a--)
        if (s->alev[a] == level)
            return a;
    return -2;
}

/* Candidates for a term with relation `rel`: dependents of the anchors
 * (the subject for "nsubj"). Calls try() for each; stops at success. */
/* Term x's test on word c: a word term's lemma and class; a source or
 * target term binds c, which must name an actor. */
static bool d_bind(dstate *s, const sr_dterm *x, int c)
{
    if (x->kind == SR_TERM_WORD)
        return word_ok(s->cs, x, c);
    if (x->kind == SR_TERM_SOURCE || x->kind == SR_TERM_TARGET) {
        if (x->kind == SR_TERM_SOURCE)
            s->source = c;
        else
            s->target = c;
        return sr_meaning(s->cs, c)->n > 0;
    }
    return true;
}

/* Word c fills term x: anchor it one level below x and match the terms
 * from `next` on; on failure the source and target are as before. */
static bool d_descend(dstate *s, const sr_dterm *t, const sr_dterm *x, int c, int next, int n)
{
    int sv = s->source, tv = s->target;
    if (d_bind(s, x, c)) {
        s->alev[s->nanch] = term_level(x) + 1;
        s->anch[s->nanch++] = c;
        if (d_run(s, t, next, n))
            return true;
        s->nanch--;
    }
    s->source = sv;
    s->target = tv;
    return false;
}

static bool d_term(dstate *s, const sr_dterm *t, int i, int n)
{
    csent *cs = s->cs;
    const sr_dterm *x = &t[i];
    const char *rel = sr_dstr(cs->d, x->rel);
    if (sr_rel_class(rel) == R_NSUBJ) {
        /* the verb's subject (inherited when it has none of its own), or
         * the subject of a word matched before */
        int cands[SR_DICT_MAX_TERMS + 1], nc = 0;
        int only = only_anchor(s, term_level(x));
        if (only == -2)
            return false;
        for (int a = s->nanch - 1; a >= 0; a--) {
            if (only >= 0 && a != only)
                continue;
            bool p = false;
            int subj = s->anch[a] == s->v ? sr_subject_of(cs, s->v, &p)
                                          : sr_child(cs, s->anch[a], R_NSUBJ);
            if (subj >= 0)
                cands[nc++] = subj;
        }
        for (int k = 0; k < nc; k++) {
            int c = cands[k];
            if (c < 0)
                continue;
            if (d_descend(s, t, x, c, i + 1, n))
                return true;
        }
        return false;
    }
    int nanch = s->nanch;
    int only = only_anchor(s, term_level(x));
    if (only == -2)
        return false;
    for (int a = nanch - 1; a >= 0; a--) {      /* the latest word first */
        if (only >= 0 && a != only)
            continue;
        const cword *aw = &cs->w[s->anch[a]];
        for (int k = 0; k < aw->nkids; k++) {
            int c = cs->kids[aw->kid0 + k];
            if (--s->budget < 0)
                return false;
            if (!dep_rel_ok(s, c, rel))
                continue;
            /* "launched ten days of war games", "fired a barrage of
             * rockets": a word of quantity or sequence stands for its
             * "of" noun (own dictionaries only) */
            if (x->kind == SR_TERM_WORD && cs->c->explicit_targets && !cs->c->opt.petrarch &&
                !word_ok(cs, x, c)) {
                int q = partitive_of(cs, c);
                /* "tens of thousands of troops": a chain of them */
                for (int hop = 0; hop < 2 && q >= 0 && !word_ok(cs, x, q); hop++)
                    q = partitive_of(cs, q);
                if (q >= 0 && word_ok(cs, x, q))
                    c = q;
            }
            if (d_descend(s, t, x, c, i + 1, n))
                return true;
        }
    }
    return false;
}

/* (PREP terms...): an oblique/nominal dependent of an anchor introduced by
 * PREP; the terms inside apply to that noun. */
static bool d_pp(dstate *s, const sr_dterm *t, int i, int n)
{
    csent *cs = s->cs;
    int e = group_end(t, i, n);
    if (i + 1 >= e || t[i + 1].kind != SR_TERM_WORD)
        return false;
    const char *prep = sr_dstr(cs->d, cs->d->words[t[i + 1].arg].str);
    int nanch = s->nanch;
    int only = only_anchor(s, term_level(&t[i]));
    if (only == -2)
        return false;
    for (int a = nanch - 1; a >= 0; a--) {
        if (only >= 0 && a != only)
            continue;
        /* the phrase may hang on the anchor, or on a later conjunct of an
         * anchor noun ("provided photographs and intelligence to
         * Macedonia": "to Macedonia" on "intelligence"), where the parser
         * puts a phrase shared by the coordination */
        int hosts[9], nh = 0;
        hosts[nh++] = s->anch[a];
        /* an event noun that is a verb's object: a phrase the parser hung
         * on the verb after the noun ("made incursions into Swedish
         * waters" with "into" on "made") may be the noun's */
        if (s->anch[a] == s->v && cs->w[s->v].upos == SR_UPOS_NOUN &&
            cs->w[s->v].rel == R_OBJ && cs->w[s->v].head >= 0 &&
            cs->w[cs->w[s->v].head].upos == SR_UPOS_VERB)
            hosts[nh++] = cs->w[s->v].head;
        if (s->anch[a] != s->v && sr_is_nominal(cs, s->anch[a])) {
            const cword *aw = &cs->w[s->anch[a]];
            for (int k = 0; k < aw->nkids && nh < 9; k++) {
                int c = cs->kids[aw->kid0 + k];
                if (cs->w[c].rel == R_CONJ && c > s->anch[a] && sr_is_nominal(cs, c))
                    hosts[nh++] = c;
            }
        }
        for (int hi = 0; hi < nh; hi++) {
            const cword *aw = &cs->w[hosts[hi]];
            for (int k = 0; k < aw->nkids; k++) {
                int c = cs->kids[aw->kid0 + k];
                uint8_t r = cs->w[c].rel;
                if (--s->budget < 0)
                    return false;
                if ((r != R_OBL && r != R_NMOD && r != R_AGENT && r != R_TMOD) || !has_prep(cs, c, prep))
                    continue;
                if (hosts[hi] != s->anch[a] && cs->w[hosts[hi]].upos == SR_UPOS_VERB && c < s->v)
                    continue;   /* a verb's phrase before the noun is the verb's */
                int sv = s->source, tv = s->target;
                bool ok = true;
                for (int j = i + 2; j < e && ok; j++)
                    ok = d_bind(s, &t[j], c);
                if (ok) {
                    s->alev[s->nanch] = term_level(&t[i]) + 1;
                    s->anch[s->nanch++] = c;
                    if (d_run(s, t, e + 1, n))
                        return true;
                    s->nanch--;
                }
                s->source = sv;
                s->target = tv;
            }
        }
    }
    return false;
}

static bool d_run(dstate *s, const sr_dterm *t, int i, int n)
{
    if (s->budget < 0)
        return false;
    if (i >= n)
        return true;
    const sr_dterm *x = &t[i];
    csent *cs = s->cs;
    switch (x->kind) {
    case SR_TERM_VERB:
        return d_run(s, t, i + 1, n);
    case SR_TERM_PP_OPEN:
        return d_pp(s, t, i, n);
    case SR_TERM_WORD:
        if (x->rel && sr_rel_class(sr_dstr(cs->d, x->rel)) == R_ADVMOD &&
            strcmp(sr_dstr(cs->d, cs->d->words[x->arg].str), "not") == 0) {
            if (!sr_has_neg(cs, s->v))
                return false;
            s->neg = true;
            return d_run(s, t, i + 1, n);
        }
        /* fall through */
    case SR_TERM_SOURCE: case SR_TERM_TARGET: case SR_TERM_SKIP:
        if (!x->rel)
            return d_run(s, t, i + 1, n);
        return d_term(s, t, i, n);
    default:
        return d_run(s, t, i + 1, n);
    }
}

static bool is_dependency_pattern(const sr_dterm *t, int n)
{
    for (int i = 0; i < n; i++)
        if (t[i].rel)
            return true;
    return false;
}

static bool match_dependency(csent *cs, int v, const sr_dterm *t, int n, pmatch *pm,
                             int *budget)
{
    dstate s;
    memset(&s, 0, sizeof s);
    s.cs = cs;
    s.v = v;
    s.passive = sr_is_passive(cs, v) ||
                (sr_child(cs, v, R_NSUBJPASS) >= 0 && sr_child(cs, v, R_COP) < 0);
    s.alev[s.nanch] = 0;
    s.anch[s.nanch++] = v;
    s.source = s.target = -1;
    s.budget = *budget;
    bool ok = d_run(&s, t, 0, n);
    *budget = s.budget;
    if (!ok)
        return false;
    pm->source = s.source;
    pm->target = s.target;
    pm->neg_consumed = s.neg;
    pm->compound = false;
    return true;
}

/* ---- patterns ------------------------------------------------------------------ */

static int pattern_score(const sr_dterm *t, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        uint8_t k = t[i].kind;
        if (k == SR_TERM_WORD || k == SR_TERM_SYNSET)
            s += 4;
        else if (k == SR_TERM_SOURCE || k == SR_TERM_TARGET || k == SR_TERM_COMPOUND)
            s += 2;
        else if (k == SR_TERM_NP_OPEN || k == SR_TERM_PP_OPEN ||
                 (k == SR_TERM_SKIP && t[i].rel))   /* "xcomp:*" */
            s += 1;
    }
    return s;
}

/* Match one pattern; fills roles. */
static bool match_one(csent *cs, int v, const sr_dpattern *p, const window *pre,
                      const window *post, pmatch *pm, int *budget)
{
    const sr_dterm *t = cs->d->terms + p->terms;
    int n = (int)p->nterms, star = -1;
    if (is_dependency_pattern(t, n))
        return match_dependency(cs, v, t, n, pm, budget);
    for (int i = 0; i < n; i++)
        if (t[i].kind == SR_TERM_VERB)
            star = i;
    if (star < 0)
        return false;
    /* only a linear pattern sees the governing verb (window.gov) */
    window clause = *pre;
    if (!(t[star].flags & SR_TERM_LINEAR)) {
        if (clause.cv) {
            clause.v = clause.cv;
            clause.n = clause.cn;
        } else if (clause.gov) {
            clause.v++;
            clause.n--;
        }
        clause.gov = false;
    }
    mstate m = {cs, &clause, -1, -1, false, *budget, v, true, false, -1, false};
    m.exact = (t[star].flags & SR_TERM_LINEAR) != 0;
    m.verb_adjacent = (t[star].flags & SR_TERM_ADJACENT) != 0;
    cont kpre = {t, 0, star, NULL};
    bool ok = m_run(&m, &kpre, -1, false);
    if (ok) {
        mstate m2 = m;
        m2.win = post;
        m2.pre = false;
        cont kpost = {t, star + 1, n, NULL};
        bool adj = star + 1 < n && (t[star + 1].flags & SR_TERM_ADJACENT);
        ok = m_run(&m2, &kpost, v, adj);
        m = m2;
    }
    *budget = m.budget;
    if (!ok)
        return false;
    pm->source = m.source;
    pm->target = m.target;
    pm->compound = m.compound;
    return true;
}

bool sr_match_patterns(csent *cs, const verbhit *h, const window *pre,
                       const window *post, pmatch *out)
{
    const sr_dict *d = cs->d;
    const sr_dblock *bl = &d->blocks[h->block];
    const sr_dform *f = &d->forms[h->form];
    memset(out, 0, sizeof *out);
    out->pattern = -1;
    out->code = sr_dstr(d, f->code ? f->code : bl->code);
    out->origin = f->origin;
    out->source = out->target = -1;
    out->score = -1;
    int budget = 20000;
    for (uint32_t i = bl->patterns; i < bl->patterns + bl->npatterns; i++) {
        const sr_dpattern *p = &d->patterns[i];
        int score = pattern_score(d->terms + p->terms, (int)p->nterms);
        if (score <= out->score)
            continue;
        pmatch pm = *out;
        if (match_one(cs, h->v, p, pre, post, &pm, &budget)) {
            pm.pattern = (int)i;
            pm.code = sr_dstr(d, p->code);
            pm.origin = p->origin;
            pm.score = score;
            *out = pm;
        }
        if (budget < 0)
            break;
    }
    return out->pattern >= 0;
}
