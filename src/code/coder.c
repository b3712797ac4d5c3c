/*
 * coder.c — events from a parsed sentence: who did what to whom.
 *
 * For every verb of the dictionary found in the sentence (match.c) the
 * coder decides:
 *
 *   the code    the best matching pattern of the verb's block, else the
 *               verb's own code; "---" codes nothing;
 *   the roles   source = the subject (inherited from the governing clause
 *               for an infinitive or a coordinated verb without one; the
 *               modified noun for a relative clause), target = the object,
 *               else the first noun phrase after the verb that stands for
 *               an actor. A passive verb swaps them: its subject is the
 *               target and its "by" (or "from", "in") phrase the source.
 *               A pattern's '$' and '+' name them explicitly; when a
 *               pattern names only the source, the subject becomes the
 *               target. '%' makes the members of a compound subject act on
 *               each other;
 *   the actors  each side's noun phrase meaning (mentions.c); compound
 *               actors give one event per pair; a paired code "042:043"
 *               gives an event each way;
 *   verb + verb an event verb governing another ("urged X to respond",
 *               "noted that X regretted") keeps its own code and takes the
 *               inner clause's subject as target; the inner event is folded
 *               in (PETRARCH-2's convention) or, in sitrep's own mode, kept
 *               as reported speech when the outer verb is a statement. A
 *               dictionary transformation ("~ a (a b ATTACK) SAY = a b
 *               015") rewrites the pair. A statement verb without a source
 *               ("was said to", "was seen to") leaves the inner event alone;
 *   modality    negation on the verb, then conditional (would, if),
 *               hypothetical (may, might, could, should), future (will,
 *               "is to", "about to"), reported (a statement verb above it,
 *               "according to X", a parenthetical "X said");
 *   attribution the subject of that statement verb, or X of "according to
 *               X", or the object of "told X";
 *   the date    the sentence's date expression (dates.c).
 *
 * A sentence that matches a discard phrase codes nothing; a story discard
 * stops the document. Events per sentence are capped (options.max_events),
 * so 500 actors joined by "and" cost bounded time and output.
 */
#include "coder.h"
#include "../core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- options, coder ------------------------------------------------------------ */

void sr_code_options_default(sr_code_options *o)
{
    memset(o, 0, sizeof *o);
    o->require_dyad = true;
    o->one_sided = true;
    o->max_events = 64;
}

const char *sr_modality_name(sr_modality m)
{
    static const char *const names[] = {"asserted", "negated", "conditional",
                                        "future", "hypothetical", "reported"};
    return (unsigned)m < SR_ARRAY_LEN(names) ? names[m] : "asserted";
}

sr_coder *sr_coder_new(const sr_dict *dict, const sr_code_options *opt, sr_diag *diag)
{
    if (!dict) {
        sr_error(diag, NULL, "the coder needs dictionaries");
        return NULL;
    }
    sr_coder *c = sr_xcalloc(1, sizeof *c);
    c->dict = dict;
    if (opt)
        c->opt = *opt;
    else
        sr_code_options_default(&c->opt);
    if (c->opt.max_events == 0)
        c->opt.max_events = 64;
    c->diag = diag;
    for (uint32_t i = 0; i < dict->nterms && !c->explicit_targets; i++)
        c->explicit_targets = dict->terms[i].rel != 0;
    if (c->explicit_targets && !c->opt.petrarch) {
        for (int pass = 0; pass < 2; pass++) {
            size_t k = 0;
            for (uint32_t p = 0; p < dict->nphrases; p++) {
                const sr_dphrase *ph = &dict->phrases[p];
                if (ph->kind != SR_PK_ACTOR || ph->nwords != 1)
                    continue;
                const char *w = sr_dstr(dict, dict->words[dict->pwords[ph->words]].str);
                if (strlen(w) < 7)
                    continue;
                if (pass)
                    c->long_names[k] = p;
                k++;
            }
            if (!pass) {
                c->long_names = sr_xcalloc(k + 1, sizeof *c->long_names);
                c->nlong_names = k;
            }
        }
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/cameo/cameo.tsv", sr_data_dir());
    if (!sr_cameo_load(&c->cameo, path, diag)) {
        free(c->long_names);
        free(c);
        return NULL;
    }
    return c;
}

void sr_coder_free(sr_coder *c)
{
    if (!c)
        return;
    sr_cameo_free(&c->cameo);
    free(c->long_names);
    free(c);
}

/* ---- verbs of a sentence ------------------------------------------------------------ */

typedef struct vinfo {
    bool hit;
    verbhit h;
    pmatch pm;
    window pre, post;
    bool passive;
    bool negated;
    int subject;            /* subject noun phrase word, -1 */
    int src, tgt;           /* chosen noun phrase words, -1 */
    bool suppressed;        /* folded into an outer event */
    bool own_clause;        /* a clause of its own the parser hung under
                               another verb ("before US forces struck") */
    bool reported;          /* inside a statement verb's complement */
    int outer;              /* the coded verb this one's event folds into */
    const char *attribution;
    sr_modality mod;
} vinfo;

static bool null_code(const char *code)
{
    return !code || !*code || strcmp(code, "---") == 0;
}

/* Whether v is a verb the parser hung on the noun that heads the whole
 * sentence ("The parliament threatened ...", "President Bill Clinton has
 * imposed ..." parsed as a noun with a clause or apposition): that noun is
 * its subject, and the clause is no reduced passive. */
static bool hung_on_root_noun(const csent *cs, int v)
{
    const cword *w = &cs->w[v];
    if (w->head < 0 || w->head > v || cs->w[w->head].rel != R_ROOT ||
        (w->rel != R_ACL && w->rel != R_APPOS) || cs->w[v].upos != SR_UPOS_VERB)
        return false;
    int h = w->head;
    if (cs->w[h].upos != SR_UPOS_NOUN && cs->w[h].upos != SR_UPOS_PROPN)
        return false;
    /* nothing but the noun's own phrase between it and the verb */
    for (int j = h + 1; j < v; j++) {
        int a = j, steps = 0;
        while (a >= 0 && a != h && a != v && steps++ < cs->n)
            a = cs->w[a].head;
        if (a != h && a != v)
            return false;
        if (cs->w[j].rel == R_PUNCT || cs->w[j].upos == SR_UPOS_PRON ||
            cs->w[j].upos == SR_UPOS_SCONJ)
            return false;
    }
    return true;
}

/* Whether verb v heads a finite clause: an auxiliary or copula of its
 * own, or a finite form (VBD, VBZ, VBP). */
static bool finite(const csent *cs, int v)
{
    if (sr_child(cs, v, R_AUX) >= 0 || sr_child(cs, v, R_AUXPASS) >= 0 ||
        sr_child(cs, v, R_COP) >= 0)
        return true;
    const sr_word *x = cs->doc->words + cs->s->first_word + v;
    return x->xpos && (strcmp(x->xpos, "VBD") == 0 || strcmp(x->xpos, "VBZ") == 0 ||
                       strcmp(x->xpos, "VBP") == 0);
}

static bool gerund_after_prep(const csent *cs, int v)
{
    const sr_word *x = cs->doc->words + cs->s->first_word + v;
    if (!x->xpos || strcmp(x->xpos, "VBG") != 0)
        return false;
    const cword *w = &cs->w[v];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if ((cs->w[c].rel == R_MARK || cs->w[c].rel == R_CASE) && c < v &&
            (cs->w[c].upos == SR_UPOS_ADP || cs->w[c].upos == SR_UPOS_SCONJ) &&
            strcmp(cs->w[c].lower, "to") != 0)
            return true;
    }
    return false;
}

static bool appeal_infinitive(const csent *cs, int v);

/* Sitrep's own mode: a verb given two subjects, the first from the clause
 * before its subordinator ("the first negotiations over Tehran's
 * programme [since] President Trump returned"), has the one after the
 * subordinator (`mark`) as its subject. s is the first subject. */
static int subject_after_mark(const csent *cs, int v, int s)
{
    const cword *w = &cs->w[v];
    int mark = -1, best = s;
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if (c < v && cs->w[c].rel == R_MARK && c > s && (mark < 0 || c < mark))
            mark = c;
    }
    for (int k = 0; k < w->nkids && mark >= 0; k++) {
        int c = cs->kids[w->kid0 + k];
        if (c < v && c > mark && cs->w[c].rel == R_NSUBJ && c > best)
            best = c;
    }
    return best;
}

static int subject_rec(const csent *cs, int v, bool *passive, int depth)
{
    if (depth > 8 || v < 0)
        return -1;
    int s = sr_child(cs, v, R_NSUBJ);
    /* sitrep's own mode: the relative pronoun subject of a relative
     * clause set off by a comma on the sentence's subject stands for that
     * subject ("Israel, which launched strikes on Beirut, said ...", "the
     * rebels, who seized the town last week, released ..."): wire copy's
     * way of adding an act of the one the sentence is about. A relative
     * clause on an object ("granted asylum to rebels who entered the
     * country") describes people the act concerns, not an act of theirs
     * the sentence reports. */
    if (s >= 0 && s > 0 && s < v && cs->w[v].rel == R_RELCL && cs->w[v].head >= 0 &&
        cs->w[v].head < s && cs->c->explicit_targets && !cs->c->opt.petrarch &&
        (strcmp(cs->w[s].lower, "which") == 0 || strcmp(cs->w[s].lower, "who") == 0) &&
        strcmp(cs->w[s - 1].form, ",") == 0) {
        int a = cs->w[v].head;
        uint8_t ar = cs->w[a].rel;
        if (ar == R_NSUBJ || ar == R_NSUBJPASS || cs->w[a].head < 0)
            return a;
    }
    if (s >= 0)
        return cs->c->explicit_targets && !cs->c->opt.petrarch ? subject_after_mark(cs, v, s) : s;
    s = sr_child(cs, v, R_NSUBJPASS);
    if (s >= 0) {
        /* "he is prepared to": a copula, not a passive */
        if (passive && depth == 0 && sr_child(cs, v, R_COP) < 0)
            *passive = true;
        return s;
    }
    /* "it is willing to", parsed with "it" as an expletive: the subject */
    s = sr_child(cs, v, R_EXPL);
    if (s >= 0 && sr_child(cs, v, R_COP) >= 0 && cs->w[s].upos == SR_UPOS_PRON)
        return s;
    const cword *w = &cs->w[v];
    if (w->head < 0)
        return -1;
    switch (w->rel) {
    case R_XCOMP: case R_CONJ: case R_ADVCL: case R_CCOMP: {
        /* an object-control verb ("urged Eriador to respond") gives its
         * object as the subject of the infinitive */
        if (w->rel == R_XCOMP) {
            int o = sr_child(cs, w->head, R_OBJ);
            if (o >= 0 && o < v)
                return o;
        }
        /* sitrep's own mode: "called on both sides to respect the
         * ceasefire", "appealed to Iran to release ...": the addressee
         * of an appeal does the act of its infinitive */
        if ((w->rel == R_XCOMP || w->rel == R_ADVCL) && !cs->c->opt.petrarch &&
            cs->c->explicit_targets && appeal_infinitive(cs, v)) {
            const cword *hw = &cs->w[w->head];
            for (int k = 0; k < hw->nkids; k++) {
                int c = cs->kids[hw->kid0 + k];
                if (c < v && (cs->w[c].rel == R_OBL || cs->w[c].rel == R_NMOD) &&
                    (sr_child_word(cs, c, R_CASE, "on") >= 0 ||
                     sr_child_word(cs, c, R_CASE, "upon") >= 0 ||
                     sr_child_word(cs, c, R_CASE, "to") >= 0))
                    return c;
            }
        }
        if (w->rel == R_CCOMP) {
            /* "X ordered ..., a spokesman said" parsed with X as a subject
             * of "said": the subject of "said" before the complement */
            int h = w->head, best = -1;
            if (h > v) {
                const cword *hw = &cs->w[h];
                for (int k = 0; k < hw->nkids; k++) {
                    int c = cs->kids[hw->kid0 + k];
                    if (cs->w[c].rel == R_NSUBJ && c < v && c > best)
                        best = c;
                }
            }
            return best;
        }
        /* a finite adverbial clause has its own subject, even when the
         * parser lost it ("after a hafling was reported") */
        if (w->rel == R_ADVCL && finite(cs, v))
            return -1;
        /* PETRARCH gives a gerund after a preposition ("after leaving
         * Eriador") no subject: it codes no event of its own */
        if (w->rel == R_ADVCL && cs->c->opt.petrarch && gerund_after_prep(cs, v))
            return -1;
        bool p2 = false;
        return subject_rec(cs, w->head, &p2, depth + 1);
    }
    case R_ACL: case R_RELCL: {
        /* sitrep's own mode: a past tense (VBD: a reduced relative clause
         * takes a participle) or a participle with an object (a passive
         * takes none) hung as a clause on a noun of a prepositional
         * phrase ("Laurent Fabius and a group of deputies held talks" with
         * "held" on "deputies") is the clause of the whole phrase: its
         * subject is the phrase's head */
        const sr_word *x = cs->doc->words + cs->s->first_word + v;
        int h = w->head;
        if (!cs->c->opt.petrarch && cs->c->explicit_targets && w->rel == R_ACL && x->xpos &&
            (strcmp(x->xpos, "VBD") == 0 ||
             (strcmp(x->xpos, "VBN") == 0 && sr_child(cs, v, R_OBJ) >= 0)) &&
            h < v && cs->w[h].rel == R_NMOD) {
            int top = h;
            for (int steps = 0; steps < 6 && top >= 0 &&
                                (cs->w[top].rel == R_NMOD || cs->w[top].rel == R_CONJ) &&
                                cs->w[top].head >= 0 && cs->w[top].head < top; steps++)
                top = cs->w[top].head;
            if (top >= 0 && top != h && (cs->w[top].rel == R_ROOT || cs->w[top].rel == R_NSUBJ) &&
                (cs->w[top].upos == SR_UPOS_NOUN || cs->w[top].upos == SR_UPOS_PROPN))
                return top;
        }
        /* sitrep's own mode: what a request asks for ("a United Nations
         * appeal for deploying troops", "the demand for withdrawing")
         * is not the act of the one who asks */
        if (!cs->c->opt.petrarch && cs->c->explicit_targets && w->rel == R_ACL &&
            (sr_child_word(cs, v, R_MARK, "for") >= 0 || sr_child_word(cs, v, R_CASE, "for") >= 0)) {
            static const char *const asks[] = {"appeal", "call", "request", "demand", "plea",
                                               "petition", "proposal", "ultimatum", "push",
                                               "pressure", "bid"};
            for (size_t k = 0; k < SR_ARRAY_LEN(asks); k++)
                if (strcmp(cs->w[h].lemma, asks[k]) == 0)
                    return -1;
        }
        return w->head;
    }
    case R_APPOS:
        return hung_on_root_noun(cs, v) ? w->head : -1;
    default:
        return -1;
    }
}

static bool is_passive(const csent *cs, int v);

int sr_subject_of(const csent *cs, int v, bool *passive)
{
    return subject_rec(cs, v, passive, 0);
}

bool sr_is_passive(const csent *cs, int v)
{
    return is_passive(cs, v);
}

static bool is_passive(const csent *cs, int v)
{
    if (sr_child(cs, v, R_AUXPASS) >= 0)
        return true;
    /* a passive subject beside an active one and no passive auxiliary is
     * a parse error ("Arnor President Umbardacil has appealed" with
     * "Arnor" as nsubj:pass): the verb is active */
    if (sr_child(cs, v, R_NSUBJPASS) >= 0)
        return sr_child(cs, v, R_NSUBJ) < 0 && sr_child(cs, v, R_COP) < 0;
    const sr_word *x = cs->doc->words + cs->s->first_word + v;
    /* sitrep's own mode: a participle joined to a passive one, with no
     * subject, auxiliary or object of its own, is passive too ("a
     * coalition led by Saudi Arabia and backed by the West") */
    if (cs->w[v].rel == R_CONJ && !cs->c->opt.petrarch && cs->c->explicit_targets &&
        x->xpos && strcmp(x->xpos, "VBN") == 0 && sr_child(cs, v, R_OBJ) < 0 &&
        sr_child(cs, v, R_NSUBJ) < 0 && sr_child(cs, v, R_AUX) < 0 &&
        cs->w[v].head >= 0 && cs->w[v].head < v && is_passive(cs, cs->w[v].head))
        return true;
    /* a participle modifying a noun: "the roads cordoned off" (not a verb
     * the parser hung on the sentence's head noun) */
    return cs->w[v].rel == R_ACL && x->xpos && strcmp(x->xpos, "VBN") == 0 &&
           !hung_on_root_noun(cs, v) &&
           sr_child(cs, v, R_OBJ) < 0;  /* a passive takes no object: "crowds
                                            burned down its embassy" */
}

bool sr_has_neg(const csent *cs, int v)
{
    const cword *w = &cs->w[v];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if (cs->w[c].neg && (cs->w[c].rel == R_ADVMOD || cs->w[c].rel == R_AUX ||
                             cs->w[c].rel == R_DEP || cs->w[c].rel == R_OTHER ||
                             cs->w[c].rel == R_DET))
            return true;
        /* "didn't": the negation may hang on the auxiliary */
        if ((cs->w[c].rel == R_AUX || cs->w[c].rel == R_AUXPASS) && c + 1 < cs->n &&
            cs->w[c + 1].neg && cs->w[c + 1].head == c)
            return true;
    }
    return false;
}

/* Whether a dictionary pattern itself says "not" (the project's own
 * format writes "not allow" for "decline to allow"): then the negation of
 * the verb is the event, not its modality. */
/* Whether pattern p names a word (a preposition or a lemma: "call for:*",
 * "request obj:assistance"), not only wildcards and actors ("seek obj:*"). */
static bool pattern_names_word(const sr_dict *d, int p)
{
    if (p < 0)
        return false;
    const sr_dpattern *pp = &d->patterns[p];
    for (uint32_t i = 0; i < pp->nterms; i++)
        if (d->terms[pp->terms + i].kind == SR_TERM_WORD)
            return true;
    return false;
}

static bool pattern_says_not(const sr_dict *d, int p)
{
    if (p < 0)
        return false;
    const sr_dpattern *pp = &d->patterns[p];
    for (uint32_t i = 0; i < pp->nterms; i++) {
        const sr_dterm *t = &d->terms[pp->terms + i];
        if (t->kind != SR_TERM_WORD)
            continue;
        const char *w = sr_dstr(d, d->words[t->arg].str);
        if (!strcmp(w, "not") || !strcmp(w, "never") || !strcmp(w, "n't"))
            return true;
    }
    return false;
}

/* The first actor noun phrase in the window after the verb, other than
 * `not` (the source); -1 when none. */
/* Whether word j hangs under an adverbial clause on its way up to v
 * ("... after a hafling was reported on the pass of Cirith Ungol"). */
static bool in_adverbial(const csent *cs, int v, int j)
{
    int steps = 0;
    while (j >= 0 && j != v && steps++ < cs->n) {
        /* an infinitive ("vowed to wage war on the Rohans") continues
         * the verb phrase; a clause with its own subject, auxiliary or
         * subordinator does not */
        if (cs->w[j].rel == R_ADVCL && !(sr_child_word(cs, j, R_MARK, "to") >= 0 &&
                                         sr_child(cs, j, R_NSUBJ) < 0 && !finite(cs, j)))
            return true;
        j = cs->w[j].head;
    }
    return false;
}

/* Whether word j lies in a relative clause below verb v ("held a call in
 * which Netanyahu pressed for strikes on Iran"): that clause has its own
 * verb and roles. */
static bool in_relative(const csent *cs, int v, int j)
{
    int steps = 0;
    while (j >= 0 && j != v && steps++ < cs->n) {
        if (cs->w[j].rel == R_RELCL && cs->w[j].head >= 0)
            return true;
        j = cs->w[j].head;
    }
    return false;
}

/* Whether h is a place phrase of verb v ("met in Istanbul", "talks held
 * at the Kremlin"): where the event happened, not whom it concerns. The
 * parser often hangs the place on the verb's object instead ("signed a
 * peace treaty in Washington", "held talks in Oman", "exchanged prisoners
 * in Turkey"): a place phrase of the object is the act's place too. Only
 * one step: "sanctions on companies in Iran" still names Iran. */
static bool locative_of(const csent *cs, int v, int h)
{
    static const char *const preps[] = {"in", "at", "near", "inside", "outside",
                                        "around", "across", "throughout", "within"};
    if (v < 0)
        return false;
    int up = cs->w[h].head;
    bool on_verb = up == v && cs->w[h].rel == R_OBL;
    bool on_object = up >= 0 && cs->w[h].rel == R_NMOD && cs->w[up].head == v &&
                     cs->w[up].rel == R_OBJ;
    if (!on_verb && !on_object)
        return false;
    /* "in response to", "in support of", "in protest at": a bare common
     * noun with a phrase of its own makes a preposition, not a place */
    if (cs->w[h].upos == SR_UPOS_NOUN && sr_child(cs, h, R_DET) < 0 &&
        sr_child(cs, h, R_POSS) < 0 && sr_child(cs, h, R_NMOD) > h)
        return false;
    for (size_t p = 0; p < SR_ARRAY_LEN(preps); p++)
        if (sr_child_word(cs, h, R_CASE, preps[p]) >= 0)
            return true;
    return false;
}

static int first_actor_after_k(csent *cs, int v, const window *post, int not_np, bool place_ok,
                               bool object_place_ok);
static bool actors_from_place(csent *cs, int h);
static bool performer_verb(const csent *cs, int h);

/* Whether word j lies in v's object whose actors come only from its place
 * phrase ("signed a peace treaty in Washington": "peace", "treaty",
 * "Washington"), anywhere below it ("resumed talks in Beijing on China's
 * entry": the talks are between their parties, not with China). */
static bool place_object(csent *cs, int v, int j)
{
    int steps = 0;
    while (j >= 0 && cs->w[j].head != v && steps++ < cs->n)
        j = cs->w[j].head;
    return j >= 0 && cs->w[j].rel == R_OBJ && actors_from_place(cs, j);
}

static int first_actor_after(csent *cs, int v, const window *post, int not_np)
{
    return first_actor_after_k(cs, v, post, not_np, false, false);
}

/* place_ok: the act is force (18-20), whose place is whom it hits ("struck
 * an oil refinery in southern Russia": Russia), so a place phrase may be
 * the default target; object_place_ok: the place of the object too (force
 * and coercion, "declared martial law in East Timor", and acts that judge
 * another's event, "condemned the violence in Libya") */
static int first_actor_after_k(csent *cs, int v, const window *post, int not_np, bool place_ok,
                               bool object_place_ok)
{
    for (int q = 0; q < post->n; q++) {
        int j = post->v[q];
        if (!sr_is_nominal(cs, j) && cs->w[j].np < 0)
            continue;
        if (v >= 0 && in_adverbial(cs, v, j))
            continue;
        int h = cs->w[j].np >= 0 ? cs->w[j].np : j;
        if (h == not_np)
            continue;
        /* sitrep's own mode and dictionary: a place the verb happened in
         * is no target (a pattern that wants one says so: "invest in:T"),
         * nor an actor of a relative clause below the verb */
        if (cs->c->explicit_targets && !cs->c->opt.petrarch &&
            ((!place_ok && locative_of(cs, v, h)) ||
             (!object_place_ok && place_object(cs, v, j)) || in_relative(cs, v, j)))
            continue;
        const alist *l = sr_meaning(cs, h);
        if (l->n == 0)
            continue;
        /* a pronoun standing for the source is not a target */
        if (not_np >= 0 && l->v[0].pronoun) {
            const alist *s = sr_meaning(cs, not_np);
            if (s->n && strcmp(s->v[0].code, l->v[0].code) == 0)
                continue;
        }
        return h;
    }
    return -1;
}

/* The passive agent: the first by/from/in phrase with actors. */
static int passive_agent(csent *cs, int v)
{
    static const char *const preps[] = {"by", "from", "in"};
    for (size_t p = 0; p < SR_ARRAY_LEN(preps); p++) {
        const cword *w = &cs->w[v];
        for (int k = 0; k < w->nkids; k++) {
            int c = cs->kids[w->kid0 + k];
            uint8_t r = cs->w[c].rel;
            if (r != R_OBL && r != R_NMOD && r != R_AGENT)
                continue;
            if (sr_child_word(cs, c, R_CASE, preps[p]) < 0)
                continue;
            const alist *l = sr_meaning(cs, c);
            /* a region is where the act happened, not who did it
             * ("assaults were carried out in European countries") */
            bool region = false;
            for (int j = 0; j < l->n && p > 0; j++)
                region |= sr_region_code(l->v[j].code);
            if (l->n && !region)
                return c;
        }
    }
    /* sitrep's own mode: a "by" phrase the parser hung on the passive
     * verb's object ("she was held hostage by Boko Haram") */
    if (!cs->c->opt.petrarch && cs->c->explicit_targets) {
        const cword *w = &cs->w[v];
        for (int k = 0; k < w->nkids; k++) {
            int o = cs->kids[w->kid0 + k];
            if (cs->w[o].rel != R_OBJ)
                continue;
            const cword *ow = &cs->w[o];
            for (int q = 0; q < ow->nkids; q++) {
                int c = cs->kids[ow->kid0 + q];
                uint8_t r = cs->w[c].rel;
                if ((r == R_OBL || r == R_NMOD) && sr_child_word(cs, c, R_CASE, "by") >= 0 &&
                    sr_meaning(cs, c)->n)
                    return c;
            }
        }
    }
    return -1;
}

/* Whether the actors of noun phrase h come only from a place phrase of
 * it: h names no actor itself and its first prepositional modifier with
 * actors is a place ("signed a peace treaty in Washington", "held talks
 * at the White House": the treaty and the talks are nobody). */
static bool actors_from_place(csent *cs, int h)
{
    if (cs->np_count[h] > 0)
        return false;
    const cword *w = &cs->w[h];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        uint8_t r = cs->w[c].rel;
        /* the place names itself ("in Washington"), unlike "in response
         * to an olive branch from the North" */
        if ((r == R_NMOD || r == R_OBL) && sr_meaning(cs, c)->n)
            return locative_of(cs, cs->w[h].head, c);
    }
    return false;
}

/* The verb's object that stands for an actor. In sitrep's own mode an
 * object whose actors are only those of its place is none, unless that
 * place is what the act concerns (place_ok: force and coercion, "bombed
 * targets in Afghanistan", "imposed a curfew in Hebron"; acts on
 * another's event, "condemned the violence in Libya"). */
static int object_of_k(csent *cs, int v, bool place_ok)
{
    const cword *w = &cs->w[v];
    bool own = cs->c->explicit_targets && !cs->c->opt.petrarch;
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if ((cs->w[c].rel == R_OBJ || cs->w[c].rel == R_IOBJ) && sr_meaning(cs, c)->n &&
            !(own && !place_ok && cs->w[c].rel == R_OBJ && actors_from_place(cs, c)))
            return c;
    }
    return -1;
}

static int object_of(csent *cs, int v)
{
    return object_of_k(cs, v, false);
}

/* Whether v has a target of its own (an actor after it that is not a
 * pronoun standing for its subject): then a '%' pattern does not apply. */
static bool has_own_target(csent *cs, int v, const vinfo *vi)
{
    int t = object_of(cs, v);
    if (t < 0)
        t = first_actor_after(cs, v, &vi->post, vi->subject);
    if (t < 0)
        return false;
    const alist *l = sr_meaning(cs, t);
    return l->n && !l->v[0].pronoun;
}

/* A clause's verb that the tree gives no subject (the parser took the
 * subject for a verb, "Pyongyang on Thursday fired ...", or hung the
 * clause on a noun): the nearest actor phrase before the verb that is no
 * prepositional or object phrase, with no other clause's verb between
 * them. Only for main and coordinated clauses, whose subject English puts
 * before the verb. */
/* "... before US forces struck Iranian sites": a subordinator parsed as
 * the preposition of the noun phrase right before a past-tense verb that
 * has no subject; the phrase is the verb's subject. */
static bool subordinator_as_case(const csent *cs, int h, int v)
{
    static const char *const subs[] = {"before", "after", "until", "since", "as", "once"};
    const sr_word *x = cs->doc->words + cs->s->first_word + v;
    if (!x->xpos || (strcmp(x->xpos, "VBD") != 0 && strcmp(x->xpos, "VBN") != 0) ||
        sr_child(cs, v, R_AUX) >= 0 || sr_child(cs, v, R_AUXPASS) >= 0 ||
        cs->w[h].sub_hi != v - 1)
        return false;
    for (size_t k = 0; k < SR_ARRAY_LEN(subs); k++)
        if (sr_child_word(cs, h, R_CASE, subs[k]) >= 0)
            return true;
    return false;
}

static int subject_by_position(csent *cs, int v)
{
    uint8_t r = cs->w[v].rel;
    /* sitrep's own mode: a verb with an object that the parser hung as an
     * adjective ("Prime Minister Robert Mugabe today accused the United
     * States of ..." with "accused" an amod): an adjective takes no
     * object, so it is a clause's verb */
    bool amod_verb = r == R_AMOD && cs->w[v].upos == SR_UPOS_VERB &&
                     !cs->c->opt.petrarch && cs->c->explicit_targets &&
                     sr_child(cs, v, R_OBJ) >= 0;
    if (r != R_ROOT && r != R_PARATAXIS && r != R_CONJ && r != R_DEP && r != R_XCOMP &&
        cs->w[v].upos != SR_UPOS_NOUN && !amod_verb)     /* a verb tagged as a noun */
        return -1;
    for (int j = v - 1; j >= 0; j--) {
        const cword *w = &cs->w[j];
        if (w->np < 0) {
            if ((w->upos == SR_UPOS_VERB || w->upos == SR_UPOS_AUX) &&
                (sr_child(cs, j, R_NSUBJ) >= 0 || sr_child(cs, j, R_NSUBJPASS) >= 0))
                return -1;
            if (w->upos == SR_UPOS_SCONJ || (w->upos == SR_UPOS_PUNCT && strcmp(w->form, ";") == 0))
                return -1;
            continue;
        }
        int h = w->np;
        uint8_t hr = cs->w[h].rel;
        if (sr_child(cs, h, R_CASE) >= 0 || hr == R_OBJ || hr == R_IOBJ || hr == R_POSS)
            return -1;
        return sr_meaning(cs, h)->n ? h : -1;
    }
    return -1;
}

/* Roles of verb v: sets vi->src and vi->tgt (noun phrase words or -1). */
static void assign_roles(csent *cs, int v, vinfo *vi)
{
    int subj = vi->subject;
    int dsrc, dtgt;
    if (vi->passive) {
        dtgt = subj;
        dsrc = passive_agent(cs, v);
        if (dsrc < 0) {
            dsrc = first_actor_after(cs, v, &vi->post, subj);
            /* with no "by", a region after a passive verb is where it
             * happened ("carried out in ... European countries") */
            const alist *l = dsrc >= 0 ? sr_meaning(cs, dsrc) : NULL;
            for (int j = 0; l && j < l->n; j++)
                if (sr_region_code(l->v[j].code))
                    dsrc = -1;
        }
    } else {
        dsrc = subj;
        const char *pc = vi->pm.code;
        bool force = pc && (strncmp(pc, "18", 2) == 0 || strncmp(pc, "19", 2) == 0 ||
                            strncmp(pc, "20", 2) == 0);
        /* the object's place is a venue when the subject performs the
         * object (signs the treaty, holds the talks, exchanges the
         * prisoners: cooperative acts 03-08 and performer verbs); an act
         * that judges another's event ("condemned the violence in Libya")
         * or force and coercion (17-20) concern the place */
        bool coerce = force || (pc && strncmp(pc, "17", 2) == 0);
        bool venue = !coerce && ((pc && pc[0] == '0' && pc[1] >= '3' && pc[1] <= '8') ||
                                 performer_verb(cs, v));
        dtgt = object_of_k(cs, v, !venue);
        if (dtgt < 0 || dtgt == dsrc)
            dtgt = first_actor_after_k(cs, v, &vi->post, dsrc, force, !venue);
    }
    int ps = vi->pm.source, pt = vi->pm.target;
    if (ps >= 0 && pt >= 0) {
        vi->src = ps;
        vi->tgt = pt;
    } else if (ps >= 0) {
        vi->src = ps;
        vi->tgt = (subj >= 0 && subj != ps) ? subj : (dtgt != ps ? dtgt : -1);
    } else if (pt >= 0) {
        vi->tgt = pt;
        vi->src = (dsrc >= 0 && dsrc != pt) ? dsrc : (subj != pt ? subj : -1);
        if (vi->src == pt)
            vi->src = -1;
    } else {
        vi->src = dsrc;
        vi->tgt = dtgt;
    }
}

/* ---- verb + verb ---------------------------------------------------------------------- */

static bool statement_code(const char *code)
{
    return code && code[0] == '0' && code[1] == '1';
}

/* The coded verb nearest above v through complement relations (xcomp,
 * ccomp), or -1; *via receives the relation of the step into the outer
 * verb's clause. */
/* An infinitive with no subject under a verb of appeal that names its
 * addressee with a preposition ("called on Israel to ...", "appealed to
 * Iran to ..."): what the addressee is asked to do. */
static bool appeal_infinitive(const csent *cs, int v)
{
    static const char *const appeal[] = {"call", "appeal", "prevail", "rely", "count", "depend"};
    int h = cs->w[v].head;
    if (h < 0 || sr_child_word(cs, v, R_MARK, "to") < 0 || sr_child(cs, v, R_NSUBJ) >= 0 ||
        sr_child(cs, h, R_OBJ) >= 0)
        return false;
    const cword *hw = &cs->w[h];
    bool asks = false;
    for (size_t q = 0; q < SR_ARRAY_LEN(appeal) && !asks; q++)
        asks = strcmp(hw->lemma, appeal[q]) == 0;
    for (int k = 0; k < hw->nkids && asks; k++) {
        int c = cs->kids[hw->kid0 + k];
        if (c < v && (cs->w[c].rel == R_OBL || cs->w[c].rel == R_NMOD) &&
            (sr_child_word(cs, c, R_CASE, "on") >= 0 || sr_child_word(cs, c, R_CASE, "upon") >= 0 ||
             (strcmp(hw->lemma, "appeal") == 0 && sr_child_word(cs, c, R_CASE, "to") >= 0)))
            return true;
    }
    return false;
}

static int outer_verb(const csent *cs, const vinfo *vi, int v, uint8_t *via)
{
    int cur = v, steps = 0;
    uint8_t first = 0;
    while (cs->w[cur].head >= 0 && steps++ < cs->n) {
        uint8_t r = cs->w[cur].rel;
        /* sitrep's own mode: "accused India of violating the ceasefire",
         * "blamed X for ...", "charged X with ...", "warned the United
         * States against selling arms": a gerund under a verb with an
         * object, opened by "of", "for", "with" or "against", is that
         * verb's complement (the act it accuses, praises or warns
         * against, not an event of its own) */
        if (r == R_ADVCL && steps == 1 && !cs->c->opt.petrarch && cs->c->explicit_targets &&
            (sr_child(cs, cs->w[cur].head, R_OBJ) >= 0 ||
             sr_child(cs, cs->w[cur].head, R_IOBJ) >= 0)) {
            static const char *const opens[] = {"of", "for", "with", "against"};
            for (size_t q = 0; q < SR_ARRAY_LEN(opens); q++)
                if (sr_child_word(cs, cur, R_MARK, opens[q]) >= 0 ||
                    sr_child_word(cs, cur, R_CASE, opens[q]) >= 0)
                    r = R_XCOMP;
        }
        /* "called on both sides to respect the ceasefire" with the
         * infinitive parsed as an adverbial: what an appeal asks for */
        if (r == R_ADVCL && steps == 1 && !cs->c->opt.petrarch && cs->c->explicit_targets &&
            appeal_infinitive(cs, cur))
            r = R_XCOMP;
        if (r != R_XCOMP && r != R_CCOMP && !(steps > 1 && (r == R_ACL || r == R_OBJ)))
            return -1;
        if (!first || r == R_CCOMP)
            first = r;
        cur = cs->w[cur].head;
        if (vi[cur].hit) {
            *via = first;
            return cur;
        }
    }
    return -1;
}

static bool block_is(const sr_dict *d, uint32_t block, uint32_t name_off)
{
    const char *a = sr_dstr(d, d->blocks[block].name), *b = sr_dstr(d, name_off);
    if (strcmp(b, "q") == 0)
        return true;
    return strcasecmp(a, b) == 0;
}

/* Apply a transformation to an outer verb over an inner one; true when one
 * matched (roles and code of the outer rewritten). */
static bool transform(csent *cs, vinfo *vi, int ov, int iv)
{
    const sr_dict *d = cs->d;
    vinfo *o = &vi[ov], *in = &vi[iv];
    for (uint32_t t = 0; t < d->ntransforms; t++) {
        const sr_dtransform *x = &d->transforms[t];
        if (!block_is(d, o->h.block, x->outer_verb) || !block_is(d, in->h.block, x->inner_verb))
            continue;
        /* variables: the outer source is x->outer_source */
        const char *os = sr_dstr(d, x->outer_source), *is = sr_dstr(d, x->inner_source),
                   *it = sr_dstr(d, x->inner_target);
        const alist *osl = sr_meaning(cs, o->src), *isl = sr_meaning(cs, in->src),
                    *itl = sr_meaning(cs, in->tgt);
        const char *oc = osl->n ? osl->v[0].code : NULL;
        const char *ic = isl->n ? isl->v[0].code : NULL;
        const char *tc = itl->n ? itl->v[0].code : NULL;
        bool ok = true;
        if (strcmp(is, "_") == 0)
            ok = ic == NULL;
        else if (strcmp(is, os) == 0)
            ok = oc && ic && strcmp(oc, ic) == 0;
        else if (strcmp(is, ".") != 0)
            ok = ic != NULL && (!oc || strcmp(oc, ic) != 0);
        if (ok && strcmp(it, "_") == 0)
            ok = tc == NULL;
        else if (ok && strcmp(it, ".") != 0)
            ok = tc != NULL;
        if (!ok)
            continue;
        /* the result's roles */
        const char *rs = sr_dstr(d, x->result_source), *rt = sr_dstr(d, x->result_target);
        int src = strcmp(rs, os) == 0 ? o->src : strcmp(rs, is) == 0 ? in->src
                : strcmp(rs, it) == 0 ? in->tgt : -1;
        int tgt = strcmp(rt, os) == 0 ? o->src : strcmp(rt, is) == 0 ? in->src
                : strcmp(rt, it) == 0 ? in->tgt : -1;
        const char *rc = sr_dstr(d, x->result_code);
        o->src = src;
        o->tgt = tgt;
        o->pm.code = strcmp(rc, "q") == 0 ? in->pm.code : rc;
        o->pm.origin = x->origin;
        in->suppressed = true;
        return true;
    }
    return false;
}

static void combine_verbs(csent *cs, vinfo *vi)
{
    bool petr = cs->c->opt.petrarch;
    for (int iv = 0; iv < cs->n; iv++) {
        if (!vi[iv].hit)
            continue;
        uint8_t via = 0;
        int ov = vi[iv].own_clause ? -1 : outer_verb(cs, vi, iv, &via);
        if (ov < 0)
            continue;
        vinfo *o = &vi[ov], *in = &vi[iv];
        if (null_code(o->pm.code)) {
            /* "indicated it would act": the inner event stands */
            continue;
        }
        bool stmt = statement_code(o->pm.code);
        if (null_code(in->pm.code)) {
            if (stmt) {
                in->reported = true;
                in->outer = ov;
            }
            continue;
        }
        if (transform(cs, vi, ov, iv))
            continue;
        /* "the Kremlin denied that Russian troops had entered Georgia": a
         * denial's complement did not happen by its speaker's account */
        if (stmt && !petr && cs->c->explicit_targets &&
            (strcmp(cs->w[ov].lemma, "deny") == 0 || strcmp(cs->w[ov].lemma, "refute") == 0)) {
            in->suppressed = true;
            in->outer = ov;
            continue;
        }
        /* a statement whose source is the inner event's own source ("Arnor
         * signed an accord ..., an Arnorian embassy spokesman said") would
         * be the actor talking to itself: the inner event is what the
         * sentence reports */
        bool self = false;
        if (stmt && o->src >= 0) {
            /* so is a statement of a speaker with no actor of its own ("a
             * senior official said", "---GOV"): it does not take the
             * event over */
            const alist *a = sr_meaning(cs, o->src);
            const alist *b = in->src >= 0 ? sr_meaning(cs, in->src) : NULL;
            bool strong = false;
            for (int q = 0; q < a->n; q++)
                strong = strong || !a->v[q].weak;
            self = !strong || (b && a->n && b->n && strncmp(a->v[0].code, b->v[0].code, 3) == 0);
        }
        /* a passive statement with no "by" phrase ("was seen to", "is
         * said to") has no speaker: the actor after it is no source */
        if (stmt && o->passive && passive_agent(cs, ov) < 0)
            self = true;
        if (stmt && (o->src < 0 || self)) {
            /* "was said to", "was seen to": the inner event is what happened */
            o->suppressed = true;
            in->reported = true;
            in->outer = ov;
            continue;
        }
        if (stmt && !petr) {
            in->reported = true;
            in->outer = ov;
            continue;
        }
        in->suppressed = true;
        in->outer = ov;
    }
}

/* ---- modality, attribution ----------------------------------------------------------------- */

static bool is_say_lemma(const char *l)
{
    static const char *const says[] = {"say", "tell", "report", "state", "announce",
                                       "claim", "add", "note", "quote", "confirm",
                                       "insist", "allege", "write", "declare"};
    for (size_t i = 0; i < SR_ARRAY_LEN(says); i++)
        if (strcmp(l, says[i]) == 0)
            return true;
    return false;
}

/* Whether "'d" on verb v is "would" ("she'd go"), not "had" ("he'd
 * battled"): the verb stands in its bare form. */
static bool would_d(const csent *cs, int v)
{
    return strcmp(cs->w[v].lower, cs->w[v].lemma) == 0;
}

static sr_modality aux_modality(const csent *cs, int v)
{
    sr_modality m = SR_MOD_ASSERTED;
    int cur = v, steps = 0;
    while (cur >= 0 && steps++ < 4) {
        const cword *w = &cs->w[cur];
        for (int k = 0; k < w->nkids; k++) {
            int c = cs->kids[w->kid0 + k];
            if (cs->w[c].rel == R_MARK && (strcmp(cs->w[c].lower, "if") == 0 ||
                                           strcmp(cs->w[c].lower, "unless") == 0))
                return SR_MOD_CONDITIONAL;
            if (cs->w[c].rel != R_AUX)
                continue;
            const char *a = cs->w[c].lower;
            /* "Had Japan shot down the missile, ...": an auxiliary opening
             * the sentence before its subject is a condition */
            if (c == 0 && cur == v && (strcmp(a, "had") == 0 || strcmp(a, "were") == 0 ||
                                       strcmp(a, "should") == 0)) {
                int sj = sr_child(cs, v, R_NSUBJ);
                if (sj > c && sj < v)
                    return SR_MOD_CONDITIONAL;
            }
            if (strcmp(a, "would") == 0 || (strcmp(a, "'d") == 0 && would_d(cs, cur)))
                return SR_MOD_CONDITIONAL;
            if (strcmp(a, "may") == 0 || strcmp(a, "might") == 0 || strcmp(a, "could") == 0 ||
                strcmp(a, "should") == 0 || strcmp(a, "can") == 0 || strcmp(a, "must") == 0 ||
                strcmp(a, "ca") == 0)
                m = SR_MOD_HYPOTHETICAL;
            else if ((strcmp(a, "will") == 0 || strcmp(a, "shall") == 0 ||
                      strcmp(a, "'ll") == 0 || strcmp(a, "wo") == 0) && m == SR_MOD_ASSERTED)
                m = SR_MOD_FUTURE;
        }
        if (m != SR_MOD_ASSERTED)
            return m;
        /* "is about to", "is going to", "plans to": future */
        if (cs->w[cur].rel == R_XCOMP && cs->w[cur].head >= 0) {
            const char *g = cs->w[cs->w[cur].head].lemma;
            if (strcmp(g, "about") == 0 || strcmp(g, "go") == 0 || strcmp(g, "plan") == 0 ||
                strcmp(g, "intend") == 0 || strcmp(g, "set") == 0 || strcmp(g, "expect") == 0)
                return SR_MOD_FUTURE;
            cur = cs->w[cur].head;
            continue;
        }
        break;
    }
    return m;
}

/* Whether v heads the "that" clause of a noun of communication, which
 * says what the noun says as a complement would: "told Annan in a letter
 * that it would allow inspectors to return", "a statement that ...". */
static bool content_clause(const csent *cs, int v)
{
    static const char *const nouns[] = {"letter", "statement", "message", "note",
                                        "announcement", "assurance", "pledge", "promise",
                                        "declaration", "communique", "communiqué"};
    const cword *w = &cs->w[v];
    if (w->rel != R_ACL || w->head < 0 || sr_child_word(cs, v, R_MARK, "that") < 0)
        return false;
    for (size_t i = 0; i < SR_ARRAY_LEN(nouns); i++)
        if (!strcmp(cs->w[w->head].lemma, nouns[i]))
            return true;
    return false;
}

/* Whether v states what its subject will do: an auxiliary "will" or
 * "shall" on it ("Finland will give ..."), "would" in a complement ("said
 * they would boycott ..."), or a complement of "expect", "plan", "set",
 * "due", "going to" ("is expected to meet"); never under "if" or
 * "unless". */
static bool states_intent(const csent *cs, int v, bool purpose)
{
    const cword *w = &cs->w[v];
    bool will = false, would = false;
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        const char *a = cs->w[c].lower;
        if (cs->w[c].rel == R_MARK && (!strcmp(a, "if") || !strcmp(a, "unless")))
            return false;
        if (cs->w[c].rel != R_AUX)
            continue;
        if (!strcmp(a, "will") || !strcmp(a, "shall") || !strcmp(a, "'ll") || !strcmp(a, "wo"))
            will = true;
        else if (!strcmp(a, "would") || (!strcmp(a, "'d") && would_d(cs, v)))
            would = true;
    }
    if (will || (would && (w->rel == R_CCOMP || w->rel == R_XCOMP || content_clause(cs, v))))
        return true;
    if (w->head < 0)
        return false;
    const char *g = cs->w[w->head].lemma;
    /* "is expected to meet", "plans to visit", "is set to sign", "is due to" */
    if (w->rel == R_XCOMP) {
        static const char *const heads[] = {"expect", "plan", "intend", "set", "schedule",
                                            "due", "go", "about"};
        for (size_t i = 0; i < SR_ARRAY_LEN(heads); i++)
            if (!strcmp(g, heads[i]))
                return true;
    }
    /* sitrep's own mode: "has committed itself to providing", "undertook
     * to hand over", "pledged to send": the complement of a verb of
     * commitment is what its subject says it will do (when the verb has a
     * pattern of its own it takes the complement over instead) */
    if (w->rel == R_XCOMP || w->rel == R_ADVCL) {
        static const char *const commits[] = {"commit", "undertake", "pledge", "promise",
                                              "vow", "offer", "resolve", "agree"};
        bool to = sr_child_word(cs, v, R_MARK, "to") >= 0;
        for (size_t i = 0; to && i < SR_ARRAY_LEN(commits); i++)
            if (!strcmp(g, commits[i]))
                return true;
    }
    /* "said it would provide loans to help Indonesia recover": the purpose
     * of a stated intent is part of it (when the purpose matched a pattern
     * of its own: a verb's bare code says too little) */
    if (purpose && w->rel == R_ADVCL && sr_child_word(cs, v, R_MARK, "to") >= 0 &&
        cs->w[w->head].rel != R_ADVCL)
        return states_intent(cs, w->head, false);
    return false;
}

/* The code of the intent to do `code` (sitrep's own mode): a future act of
 * cooperation (04-08) is an expression of intent to cooperate (03x), a
 * future act of conflict (14, 16-20) a threat (13x); NULL for the others. */
static const char *intent_code(const char *code)
{
    static const char *const map[][2] = {
        /* longest prefix first */
        {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"06", "031"},
        {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"07", "033"},
        {"081", "0351"}, {"082", "0352"}, {"0831", "0341"}, {"0832", "0342"},
        {"0833", "0343"}, {"0834", "0344"}, {"083", "034"}, {"084", "0353"},
        {"085", "0354"}, {"086", "0355"}, {"087", "0356"}, {"08", "035"},
        {"045", "039"}, {"04", "036"}, {"05", "032"},
        {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"}, {"165", "135"},
        {"166", "136"}, {"16", "131"}, {"14", "133"},
        {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"},
        {"172", "132"}, {"17", "137"}, {"18", "1383"},
        {"191", "1381"}, {"192", "1382"}, {"19", "1384"}, {"204", "1385"}, {"20", "1383"},
    };
    if (!code || strchr(code, ':'))
        return NULL;
    size_t best = 0;
    const char *out = NULL;
    for (size_t i = 0; i < SR_ARRAY_LEN(map); i++) {
        size_t k = strlen(map[i][0]);
        if (k > best && strncmp(code, map[i][0], k) == 0) {
            best = k;
            out = map[i][1];
        }
    }
    return out;
}

/* "according to X" on the clause of v or the sentence root: X's text. */
static char *np_text(csent *cs, int h, sr_arena *a);

static const char *according_to(csent *cs, int v)
{
    for (int i = 0; i + 1 < cs->n; i++) {
        if (strcmp(cs->w[i].lower, "according") == 0 && strcmp(cs->w[i + 1].lower, "to") == 0) {
            int x = cs->w[i + 1].head == i ? -1 : cs->w[i + 1].head;
            /* "according" (with "to" fixed under it) as the case of X */
            if ((x < 0 || x <= i + 1) && cs->w[i].rel == R_CASE && cs->w[i].head > i + 1)
                x = cs->w[i].head;
            if (x < 0 || x <= i + 1) {
                /* "to" may head X, or X follows */
                for (int k = i + 2; k < cs->n; k++)
                    if (sr_is_nominal(cs, k) && (cs->w[k].head < i || cs->w[k].head > k ||
                                                  cs->w[k].rel == R_OBL || cs->w[k].rel == R_NMOD)) {
                        x = k;
                        break;
                    }
                /* a modifier found first ("the Israeli Walla news
                 * website"): the head of its noun phrase */
                for (int steps = 0; x >= 0 && steps < cs->n && sr_climbs(cs->w[x].rel) &&
                                    cs->w[x].head > x; steps++)
                    x = cs->w[x].head;
            }
            if (x >= 0 && x < cs->n) {
                (void)v;
                return np_text(cs, x, cs->doc->arena);
            }
        }
    }
    return NULL;
}

/* The words of a noun phrase for display: its subtree without relative
 * clauses, parentheticals, conjuncts and trailing prepositional phrases. */
static void np_span(csent *cs, int h, int *plo, int *phi)
{
    int lo = h, hi = h;
    const cword *w = &cs->w[h];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        uint8_t r = cs->w[c].rel;
        if (r == R_PUNCT || r == R_RELCL || r == R_ACL || r == R_APPOS || r == R_PARATAXIS ||
            r == R_CONJ || r == R_CC || r == R_CASE)
            continue;
        if ((r == R_NMOD || r == R_OBL) && c > h)
            continue;
        if (cs->w[c].sub_lo < lo)
            lo = cs->w[c].sub_lo;
        if (cs->w[c].sub_hi > hi)
            hi = cs->w[c].sub_hi;
    }
    while (lo < hi && (cs->w[lo].rel == R_PUNCT || cs->w[lo].rel == R_CASE ||
                       cs->w[lo].rel == R_CC))
        lo++;
    *plo = lo;
    *phi = hi;
}

static char *np_text(csent *cs, int h, sr_arena *a)
{
    if (h < 0)
        return sr_arena_strdup(a, "");
    int lo, hi;
    np_span(cs, h, &lo, &hi);
    return sr_span_text(cs, lo, hi, a);
}

/* Attribution of the sentence's events when no statement verb governs
 * them: a parenthetical "X said" (parataxis) or "according to X". */
static const char *sentence_attribution(csent *cs)
{
    for (int i = 0; i < cs->n; i++) {
        if (cs->w[i].rel != R_PARATAXIS && !(cs->w[i].rel == R_CCOMP && false))
            continue;
        if (!is_say_lemma(cs->w[i].lemma))
            continue;
        int s = sr_child(cs, i, R_NSUBJ);
        if (s >= 0)
            return np_text(cs, s, cs->doc->arena);
    }
    return according_to(cs, -1);
}

/* ---- events ----------------------------------------------------------------------------------- */

/* The opposite code of a negated event, PETRARCH-2's way: codes that
 * PETRARCH's internal ontology defines as "not X" flip to X and back. */
static const char *negated_code(const char *code)
{
    static const char *const pairs[][2] = {
        {"110", "050"}, {"170", "057"}, {"121", "060"}, {"1211", "061"}, {"1212", "062"},
        {"124", "080"}, {"1241", "081"}, {"1242", "082"}, {"1244", "085"},
        {"1245", "086"}, {"1246", "087"}, {"125", "040"}, {"126", "046"}, {"127", "045"},
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(pairs); i++) {
        if (strcmp(code, pairs[i][0]) == 0)
            return pairs[i][1];
        if (strcmp(code, pairs[i][1]) == 0)
            return pairs[i][0];
    }
    return NULL;
}

typedef struct evlist {
    sr_event *v;
    size_t n, cap;
    size_t sentence_start;
    bool capped;
} evlist;

static void np_span(csent *cs, int h, int *plo, int *phi);

static void fill_actor(csent *cs, const actor *a, sr_event_actor *out)
{
    sr_arena *ar = cs->doc->arena;
    out->code = sr_arena_strdup(ar, a->code);
    char country[4], sector[4];
    sr_actor_split(a->code, country, sector);
    out->country = sr_arena_strdup(ar, country);
    out->sector = sr_arena_strdup(ar, sector);
    if (a->head < 0) {          /* the null actor of a one-sided event */
        out->text = "";
        out->start = out->end = 0;
        return;
    }
    int lo = a->lo, hi = a->hi;
    if (a->pronoun) {
        lo = hi = a->head;
    } else {
        /* the whole noun phrase, when it contains the words that named it */
        np_span(cs, a->head, &lo, &hi);
        if (lo > a->lo || hi < a->hi) {
            lo = a->lo;
            hi = a->hi;
        }
    }
    out->text = sr_span_text(cs, lo, hi, ar);
    const sr_word *w = cs->doc->words + cs->s->first_word;
    out->start = w[lo].start;
    out->end = w[hi].end;
}

static void pred_strings(csent *cs, const verbhit *h, sr_event *e)
{
    sr_buf b, l;
    sr_buf_init(&b);
    sr_buf_init(&l);
    for (int i = h->lo; i <= h->hi; i++) {
        if (i > h->lo) {
            sr_buf_putc(&b, ' ');
            sr_buf_putc(&l, ' ');
        }
        sr_buf_puts(&b, cs->w[i].form);
        sr_buf_puts(&l, cs->w[i].lemma);
    }
    /* particles the form left out ("shot down") */
    const cword *v = &cs->w[h->v];
    for (int k = 0; k < v->nkids; k++) {
        int c = cs->kids[v->kid0 + k];
        if (cs->w[c].rel == R_PRT && (c < h->lo || c > h->hi)) {
            sr_buf_putc(&b, ' ');
            sr_buf_puts(&b, cs->w[c].form);
            sr_buf_putc(&l, ' ');
            sr_buf_puts(&l, cs->w[c].lemma);
        }
    }
    e->pred_text = sr_arena_strndup(cs->doc->arena, b.data ? b.data : "", b.len);
    e->pred_lemma = sr_arena_strndup(cs->doc->arena, l.data ? l.data : "", l.len);
    sr_buf_free(&b);
    sr_buf_free(&l);
}

static void explain(csent *cs, const vinfo *vi, const actor *s, const actor *t, sr_event *e)
{
    const sr_dict *d = cs->d;
    sr_buf b;
    sr_buf_init(&b);
    const sr_dblock *bl = &d->blocks[vi->h.block];
    sr_buf_printf(&b, "verb '%s' (word %d) in block %s [%s] at %s", cs->w[vi->h.v].form,
                  vi->h.v + 1, sr_dstr(d, bl->name), sr_dstr(d, bl->code),
                  sr_dstr(d, d->forms[vi->h.form].origin));
    if (vi->pm.pattern >= 0)
        sr_buf_printf(&b, "; pattern %s [%s]", sr_dstr(d, d->patterns[vi->pm.pattern].origin),
                      sr_dstr(d, d->patterns[vi->pm.pattern].code));
    else
        sr_buf_printf(&b, "; no pattern, the verb's code");
    static const char *const relname[] = {
        "other", "root", "nsubj", "nsubj:pass", "csubj", "obj", "iobj", "obl", "nmod",
        "nmod:poss", "case", "mark", "det", "amod", "compound", "compound:prt", "flat",
        "appos", "conj", "cc", "aux", "aux:pass", "cop", "advmod", "xcomp", "ccomp", "advcl",
        "acl", "acl:relcl", "parataxis", "punct", "nummod", "fixed", "expl", "dep",
        "obl:tmod", "obl:agent"};
    int roles[2] = {vi->src, vi->tgt};
    const actor *as[2] = {s, t};
    const char *names[2] = {"source", "target"};
    for (int r = 0; r < 2; r++) {
        int j = roles[r];
        if (j < 0)
            continue;
        sr_buf_printf(&b, "; %s '%s' = word %d", names[r], cs->w[j].form, j + 1);
        int cur = j, steps = 0;
        while (cur >= 0 && cur != vi->h.v && steps++ < 8) {
            uint8_t rel = cs->w[cur].rel;
            sr_buf_printf(&b, " -%s->", rel < SR_ARRAY_LEN(relname) ? relname[rel] : "?");
            cur = cs->w[cur].head;
            if (cur >= 0)
                sr_buf_printf(&b, " '%s'", cs->w[cur].form);
        }
        sr_buf_printf(&b, "; actor %s from %s%s", as[r]->code, sr_dstr(d, as[r]->rule),
                      as[r]->pronoun ? " (pronoun resolved)" : "");
    }
    if (vi->negated)
        sr_buf_puts(&b, "; negated");
    if (vi->outer >= 0)
        sr_buf_printf(&b, "; inside the clause of '%s'", cs->w[vi->outer].form);
    e->explain = sr_arena_strndup(cs->doc->arena, b.data, b.len);
    sr_buf_free(&b);
}

/* `members`: source and target are members of one compound ("U.S. and
 * Russian negotiators met"), which may share a noun phrase. */
static bool home_place(csent *cs, const actor *s, const actor *t, const char *code);

/* "his Iranian counterpart": a bare country named by the noun
 * "counterpart" holds the other side's office in that country (Kerry
 * USAGOV met his Iranian counterpart: IRNGOV; troops RUSMIL fought their
 * Ukrainian counterparts: UKRMIL). */
static const char *counterpart(csent *cs, const actor *a, const actor *other)
{
    if (a->head < 0 || other->head < 0 || strlen(a->code) != 3 || !strcmp(a->code, "---") ||
        strlen(other->code) <= 3 || !strncmp(other->code, "---", 3) ||
        sr_region_code(a->code) || strcmp(cs->w[a->head].lemma, "counterpart") != 0)
        return a->code;
    char buf[128];
    snprintf(buf, sizeof buf, "%s%s", a->code, other->code + 3);
    return sr_arena_strdup(cs->tmp, buf);
}

/* Whether an actor code carries sector seg (three letters) after its base
 * ("LKACVL", "USAGOVPTY"). */
static bool has_sector(const char *code, const char *seg)
{
    size_t n = strlen(code);
    for (size_t i = 3; i + 3 <= n; i += 3)
        if (strncmp(code + i, seg, 3) == 0)
            return true;
    return false;
}

static bool armed_nonstate(const char *code)
{
    return strncmp(code, "IMG", 3) == 0 || has_sector(code, "REB") ||
           has_sector(code, "INS") || has_sector(code, "SEP") || has_sector(code, "UAF");
}

static bool armed_actor(const char *code)
{
    return armed_nonstate(code) || has_sector(code, "MIL");
}

/* Whether the code names only people without arms: civilians, the
 * opposition, workers, students, clergy, activists. */
static bool unarmed_actor(const char *code)
{
    static const char *const segs[] = {"CVL", "OPP", "LAB", "EDU", "REL", "HRI", "REF", "AGR"};
    if (armed_actor(code) || has_sector(code, "COP") || has_sector(code, "SPY") ||
        has_sector(code, "GOV") || has_sector(code, "CRM"))
        return false;
    for (size_t k = 0; k < SR_ARRAY_LEN(segs); k++)
        if (has_sector(code, segs[k]))
            return true;
    return false;
}

/* Sitrep's own mode: some acts are named by the same words whoever does
 * them but are coded by who does them (CAMEO codes by actor and act):
 * - storming, ransacking or attacking a building is a violent protest
 *   (145) by protesters; by soldiers, rebels or militias it is force
 *   (190) and by police or security services repression (175)
 *   ("Israeli troops stormed Arafat's headquarters");
 * - capturing, arresting or detaining people (173) is an abduction (181)
 *   when rebels, insurgents or militias do it ("Hezbollah captured two
 *   Israeli soldiers"): only a state arrests;
 * - storming, ransacking or invading a place that a verb of force codes
 *   (18-20) is a violent protest when the source is unarmed people
 *   ("protesters stormed the president's residence");
 * - capturing or seizing a place (173, 1711, 181: a town, a city of the
 *   dictionary, a palace or a base) by soldiers, rebels or militias is
 *   taking territory (192): "Russian forces captured the presidential
 *   palace in Grozny", "rebels seized the eastern town of Goma" arrest
 *   nobody and confiscate nothing;
 * - a strike (143) by armed forces or armed groups is an attack (190):
 *   "warplanes struck targets in Baghdad" is no labour strike;
 * - arriving or landing (042) by a body of troops is a deployment (154):
 *   "U.S. troops landed in Haiti" is no visit;
 * - entering or moving into a place (190) by unarmed people is no event,
 *   by an official a visit (042).
 * NULL: no event. */
static bool word_in(const char *w, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(w, list[k]) == 0)
            return true;
    return false;
}

static bool place_target(const csent *cs, const vinfo *vi, const actor *t)
{
    static const char *const nouns[] = {
        "town", "city", "village", "capital", "palace", "compound", "headquarters",
        "garrison", "barracks", "base", "airbase", "outpost", "post", "building",
        "airport", "port", "stronghold", "territory", "province", "district", "region"};
    /* a one-sided event's null target (head -1) still has the verb's
     * object: "captured the presidential palace" names no actor */
    int h = t->head >= 0 ? t->head : vi->tgt;
    if (h < 0 || h >= cs->n || t->person)
        return false;
    if (t->place)
        return true;
    /* a capital named for its government ("the Taliban captured Kabul"):
     * a proper name of no person whose code is a state's or its seat's */
    if (t->head >= 0 && cs->w[h].upos == SR_UPOS_PROPN &&
        (strlen(t->code) == 3 || strcmp(t->code + 3, "GOV") == 0))
        return true;
    return word_in(cs->w[h].lemma, nouns, SR_ARRAY_LEN(nouns));
}

static const char *code_by_actor(const csent *cs, const vinfo *vi, const char *src,
                                 const actor *t, const char *code)
{
    const char *verb = vi->h.v >= 0 && vi->h.v < cs->n ? cs->w[vi->h.v].lemma : "";
    if (strcmp(code, "145") == 0) {
        if (armed_actor(src))
            return "190";
        if (has_sector(src, "COP") || has_sector(src, "SPY"))
            return "175";
        return code;
    }
    static const char *const taking[] = {"capture", "seize", "take", "grab", "recapture"};
    if ((strcmp(code, "173") == 0 || strcmp(code, "1711") == 0 || strcmp(code, "181") == 0) &&
        word_in(verb, taking, SR_ARRAY_LEN(taking)) && armed_actor(src) &&
        place_target(cs, vi, t))
        return "192";
    /* people, not a town ("Taliban fighters captured Kabul" is 192's
     * business): the target's head is a common noun */
    if (strcmp(code, "173") == 0 && armed_nonstate(src) && t->head >= 0 &&
        cs->w[t->head].upos == SR_UPOS_NOUN)
        return "181";
    if (strcmp(code, "143") == 0 && armed_actor(src) && strcmp(verb, "strike") == 0)
        return "190";
    if (strcmp(code, "042") == 0 && has_sector(src, "MIL") && vi->src >= 0 &&
        (strcmp(verb, "land") == 0 || strcmp(verb, "arrive") == 0)) {
        static const char *const troops[] = {"troop", "soldier", "force", "marine",
                                             "paratrooper", "peacekeeper", "commando",
                                             "contingent", "unit", "warship"};
        if (word_in(cs->w[vi->src].lemma, troops, SR_ARRAY_LEN(troops)))
            return "154";
    }
    if ((code[0] == '1' && (code[1] == '8' || code[1] == '9')) && unarmed_actor(src)) {
        static const char *const verbs[] = {"storm", "ransack", "invade", "seize"};
        if (word_in(verb, verbs, SR_ARRAY_LEN(verbs)))
            return "145";
    }
    /* entering or moving into a place is force only when an armed side
     * does it: refugees or civilians crossing a border are no event, an
     * official crossing one visits ("Vajpayee crossed into Pakistan by
     * bus") */
    static const char *const moving[] = {"enter", "cross", "move", "roll", "march",
                                         "advance", "push", "pour"};
    if (strcmp(code, "190") == 0 && word_in(verb, moving, SR_ARRAY_LEN(moving))) {
        if (unarmed_actor(src))
            return NULL;
        if (has_sector(src, "GOV") && !armed_actor(src) && !has_sector(src, "COP") &&
            !has_sector(src, "SPY"))
            return "042";
    }
    return code;
}

static void add_event(csent *cs, evlist *L, const vinfo *vi, const actor *s0, const actor *t0,
                      const char *code, const char *issues, bool members)
{
    const sr_coder *c = cs->c;
    actor sa = *s0, ta = *t0;
    const actor *s = &sa, *t = &ta;
    if (!c->opt.petrarch) {
        /* the null actor of a one-sided event (head -1) stays "---" */
        if (s0->head >= 0)
            sa.code = sr_agent_country(cs, s0, t0->head >= 0 ? t0 : NULL);
        if (t0->head >= 0)
            ta.code = sr_agent_country(cs, t0, s0->head >= 0 ? s0 : NULL);
        if (strcmp(sa.code, ta.code) == 0) {
            sa.code = s0->code;
            ta.code = t0->code;
        }
        if (c->explicit_targets) {
            sa.code = counterpart(cs, &sa, &ta);
            ta.code = counterpart(cs, &ta, &sa);
        }
        code = code_by_actor(cs, vi, sa.code, t0, code);
        if (!code)
            return;
    }
    /* two people of one code are two actors ("Kurdish leader Jalal
     * Talabani accused Massoud Barzani", both IRQPTY), and so are a
     * person and a named body of that code ("Annan urged the Security
     * Council", both IGOUNO; "the Khmer Rouge accused Pol Pot", both
     * KHMREB); any other pair of one code (a country and its government,
     * a seat, an agent of the country) is the actor and itself */
    bool two_people = !c->opt.petrarch && !s0->pronoun && !t0->pronoun &&
                      ((s0->person && t0->person && s0->rule != t0->rule) ||
                       (s0->person && t0->org) || (s0->org && t0->person));
    /* a state's force on a place of its own ("Russian aircraft bombed
     * Grozny": RUS and the city's RUS) hits no other actor: on a pattern
     * of the verb and a named (not pronoun) source, the event stands with
     * the target empty, as a one-sided use of force */
    if (!c->opt.petrarch && t0->place && t0->head >= 0 && strlen(s->code) == 3 &&
        vi->pm.pattern >= 0 && !s0->pronoun && !s0->place &&
        strcmp(s->code, t->code) == 0 && s->head != t->head &&
        ((code[0] == '1' && code[1] >= '8') || (code[0] == '2' && code[1] == '0'))) {
        ta.code = "---";
        ta.head = -1;
        ta.lo = ta.hi = 0;
        ta.place = false;
    }
    if ((strcmp(s->code, t->code) == 0 && !two_people) || (s->head == t->head && !members))
        return;
    if (!c->opt.petrarch && home_place(cs, s0, t0, code))
        return;
    /* one event per (source, target, code) in a sentence */
    for (size_t i = L->sentence_start; i < L->n; i++)
        if (strcmp(L->v[i].source.code, s->code) == 0 && strcmp(L->v[i].target.code, t->code) == 0 &&
            strcmp(L->v[i].cameo, code) == 0)
            return;
    if (L->n - L->sentence_start >= c->opt.max_events) {
        L->capped = true;
        return;
    }
    if (L->n == L->cap) {
        size_t ncap = L->cap ? L->cap * 2 : 16;
        sr_event *nv = sr_arena_alloc(cs->doc->arena, ncap * sizeof *nv);
        if (L->n)
            memcpy(nv, L->v, L->n * sizeof *nv);
        L->v = nv;
        L->cap = ncap;
    }
    sr_event *e = &L->v[L->n++];
    memset(e, 0, sizeof *e);
    sr_arena *a = cs->doc->arena;
    e->sent = cs->si;
    e->date = cs->date_iso;
    fill_actor(cs, s, &e->source);
    fill_actor(cs, t, &e->target);
    e->cameo = sr_arena_strdup(a, code);
    const sr_cameo_entry *ce = sr_cameo_find(&c->cameo, code);
    char root[3] = {code[0], code[0] ? code[1] : 0, 0};
    e->root = sr_arena_strdup(a, root);
    if (ce) {
        e->quad = ce->quad;
        e->goldstein = ce->goldstein;
        e->has_goldstein = ce->has_goldstein;
        e->plover = ce->plover;
        e->plover_mode = ce->mode;
        e->plover_context = ce->context;
    } else {
        e->plover = e->plover_mode = e->plover_context = "";
    }
    pred_strings(cs, &vi->h, e);
    e->modality = vi->mod;
    e->attribution = vi->attribution ? vi->attribution : "";
    e->rule = sr_dstr(cs->d, vi->pm.origin);
    e->issues = issues ? issues : "";
    if (c->opt.explain)
        explain(cs, vi, s, t, e);
}

/* Split "FRO/BIL/SAM" into one actor per part when asked. */
static void emit_pairs(csent *cs, evlist *L, const vinfo *vi, const alist *src,
                       const alist *tgt, const char *code, const char *issues)
{
    for (int i = 0; i < src->n; i++)
        for (int j = 0; j < tgt->n; j++)
            add_event(cs, L, vi, &src->v[i], &tgt->v[j], code, issues, false);
}

/* `l` without its non-actors (code "---"); `l` itself when it has none. */
static const alist *without_nonactors(csent *cs, const alist *l, alist *out)
{
    int keep = 0;
    for (int i = 0; i < l->n; i++)
        keep += strcmp(l->v[i].code, "---") != 0;
    if (keep == l->n)
        return l;
    out->n = 0;
    out->v = keep ? sr_arena_alloc(cs->tmp, (size_t)keep * sizeof *out->v) : NULL;
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->v[i].code, "---") != 0)
            out->v[out->n++] = l->v[i];
    return out;
}

/* Whether events of this CAMEO code are coded with a named source and no
 * target (sr_code_options.one_sided): PLOVER records such events with the
 * target left empty (a mobilisation, a protest, a demand or threat whose
 * addressee is a clause, a refusal). Statements (01) would make one of
 * every "X said"; consultations, cooperation, aid and accusations (04-07,
 * 11) hardly occur without a party they concern. Appeals (02) stand alone
 * only on a pattern of their own (`pattern`: "appealed for calm", "called
 * for a ceasefire", "requested assistance"), never on a bare "called". */
static bool stands_alone(const char *code, bool pattern)
{
    static const char roots[] = "03" "08" "09" "10" "12" "13" "14" "15" "16" "17" "18" "19" "20";
    if (code[0] == '0' && code[1] >= '2' && code[1] <= '7' && code[1] != '3')
        return pattern;
    if (code[0] == '1' && code[1] == '1')
        return pattern;
    /* a claim of responsibility (015) is no mere statement: "Hamas claimed
     * responsibility for the bombing" stands on a pattern of its own */
    if (strcmp(code, "015") == 0)
        return pattern;
    for (size_t i = 0; i + 1 < sizeof roots; i += 2)
        if (code[0] == roots[i] && code[1] == roots[i + 1])
            return true;
    return false;
}

/* Whether verb vi addresses the sides of a conflict
 * without naming them: "appealed to both sides", "called on the warring
 * factions", "urged all parties", "the combatants". An appeal to them is
 * an appeal (02) with a source and no target: PLOVER leaves the target
 * empty, and the text names no one the dictionary could give. */
static bool parties_noun(const csent *cs, int n)
{
    /* plural ("the warring factions", "all parties") or "both side(s)" */
    static const char *const sides[] = {"side", "party", "faction", "combatant",
                                        "belligerent", "rival"};
    const cword *t = &cs->w[n];
    if (t->upos != SR_UPOS_NOUN)
        return false;
    for (size_t k = 0; k < SR_ARRAY_LEN(sides); k++)
        if (strcmp(t->lemma, sides[k]) == 0)
            return t->lower[strlen(t->lower) - 1] == 's' ||
                   sr_child_word(cs, n, R_DET, "both") >= 0;
    return false;
}

/* ... as the verb's object ("urged both sides") or its "to", "on" or
 * "upon" phrase ("appealed to the warring factions"). */
static bool parties_addressed(const csent *cs, const vinfo *vi)
{
    int v = vi->h.v;
    if (v < 0 || v >= cs->n)
        return false;
    const cword *w = &cs->w[v];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        uint8_t r = cs->w[c].rel;
        if (!parties_noun(cs, c))
            continue;
        if (r == R_OBJ || r == R_IOBJ ||
            ((r == R_OBL || r == R_NMOD) &&
             (sr_child_word(cs, c, R_CASE, "to") >= 0 || sr_child_word(cs, c, R_CASE, "on") >= 0 ||
              sr_child_word(cs, c, R_CASE, "upon") >= 0)))
            return true;
    }
    return false;
}

/* Whether every actor of `l` has no country, even from the sentence's
 * other actors, and is named by a modifier of a thing: "American and
 * Egyptian forces began joint military exercises" names no one in
 * "military" (---MIL), and its sides cooperate with each other, not with
 * that nobody; "support some opposition groups" names the groups
 * themselves, who stay the target. */
static bool countryless(csent *cs, const alist *l)
{
    for (int i = 0; i < l->n; i++)
        if (strncmp(sr_agent_country(cs, &l->v[i], NULL), "---", 3) != 0 ||
            l->v[i].head < 0 || l->v[i].hi >= l->v[i].head)
            return false;
    return l->n > 0;
}

/* Whether every actor of `tgt` is of the country of a member of the
 * compound source `src`, whose members are of two countries at least:
 * "Britain and Ireland resumed talks on Northern Ireland", "Azerbaijan
 * and Armenia agreed to a ceasefire in Nagorno-Karabakh", "Turkish and
 * Greek foreign ministers discussed ... in Ankara": the place or subject
 * of the act is one side's own, and the sides act on each other (one
 * event each way), not one side on the other's place alone. */
static bool members_only(csent *cs, const alist *src, const alist *tgt)
{
    char first[4];
    bool two = false;
    snprintf(first, sizeof first, "%s", sr_agent_country(cs, &src->v[0], NULL));
    for (int i = 1; i < src->n; i++)
        two |= strncmp(sr_agent_country(cs, &src->v[i], NULL), first, 3) != 0;
    if (!two || strcmp(first, "---") == 0)
        return false;
    for (int j = 0; j < tgt->n; j++) {
        char tc[4];
        snprintf(tc, sizeof tc, "%s", sr_agent_country(cs, &tgt->v[j], NULL));
        bool member = false;
        for (int i = 0; i < src->n && !member; i++)
            member = strcmp(tc, "---") != 0 &&
                     strncmp(sr_agent_country(cs, &src->v[i], NULL), tc, 3) == 0;
        if (!member)
            return false;
    }
    return tgt->n > 0;
}

/* Whether a source may carry a one-sided cooperative act or accusation
 * (04-07, 11): a state, its government, forces, legislature, courts or
 * parties, an armed group or an international body. A coach who "meets
 * with" a player, a county executive who "signs a declaration", a
 * candidate who "complains about his mic" do no political act with no
 * one named. Other roots: any source. */
static bool political_source(const char *code, const char *cameo)
{
    static const char *const segs[] = {"GOV", "MIL", "LEG", "JUD", "PTY", "OPP", "REB",
                                       "INS", "SEP", "UAF", "COP"};
    bool coop = (cameo[0] == '0' && cameo[1] >= '4' && cameo[1] <= '7') ||
                (cameo[0] == '1' && cameo[1] == '1');
    if (!coop || strlen(code) == 3 || strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0)
        return true;
    if (strlen(code) < 6)
        return false;
    for (size_t k = 0; k < SR_ARRAY_LEN(segs); k++)
        if (strncmp(code + 3, segs[k], 3) == 0)
            return true;
    return false;
}

/* Roots whose verbs name the act by themselves, so that a verb's own code
 * (no pattern matched) may stand without a target: demands (10), threats
 * (13), protests (14), force postures (15): "demanded", "threatened",
 * "demonstrated", "mobilised". Other verbs' own codes are guesses that
 * their target confirms ("moved into" a country, "took" hostages). */
static bool speech_act(const char *code)
{
    return code[0] == '1' && code[1] >= '3' && code[1] <= '5' ? true
           : code[0] == '1' && code[1] == '0';
}

/* A use of force (18-20) by the verb's own code, no pattern matched, that
 * stands without a target because its source is armed: soldiers, rebels
 * or militias who raid, pound, recapture or move into something the
 * dictionary does not know ("US Navy SEALs raided a compound in
 * Abbottabad", "Indian troops recaptured a key peak") act by force
 * whatever they act on. The verb must act on something (an object or a
 * prepositional phrase): a bare "troops moved" says too little. */
static bool armed_force(const csent *cs, const vinfo *vi, const alist *src, const char *code)
{
    if (!((code[0] == '1' && (code[1] == '8' || code[1] == '9')) ||
          (code[0] == '2' && code[1] == '0')))
        return false;
    if (vi->h.v < 0 || vi->h.v >= cs->n ||
        (sr_child(cs, vi->h.v, R_OBJ) < 0 && sr_child(cs, vi->h.v, R_OBL) < 0))
        return false;
    for (int i = 0; i < src->n; i++)
        if (!armed_actor(src->v[i].code))
            return false;
    return src->n > 0;
}

/* Whether the source of a passive verb's event is its "by" agent
 * ("Kurdish villages were shelled by Iraqi artillery"): a named source
 * as sure as an active subject. */
static bool by_agent(const csent *cs, const vinfo *vi)
{
    if (!vi->passive || vi->src < 0 || vi->src >= cs->n || cs->w[vi->src].head != vi->h.v)
        return false;
    uint8_t r = cs->w[vi->src].rel;
    return (r == R_AGENT || r == R_OBL || r == R_NMOD) &&
           sr_child_word(cs, vi->src, R_CASE, "by") >= 0;
}

/* A verb of fighting whose sides are its compound subject ("Indian and
 * Chinese soldiers fought", "Thai and Cambodian troops exchanged fire",
 * "the two armies clashed"): with no target, each side fights the other. */
static bool symmetric_fight(const csent *cs, int v)
{
    static const char *const verbs[] = {"fight", "clash", "battle", "skirmish", "exchange"};
    if (v < 0 || v >= cs->n)
        return false;
    for (size_t k = 0; k < SR_ARRAY_LEN(verbs); k++)
        if (strcmp(cs->w[v].lemma, verbs[k]) == 0)
            return strcmp(verbs[k], "exchange") != 0 || sr_child_word(cs, v, R_OBJ, "fire") >= 0 ||
                   sr_child_word(cs, v, R_OBJ, "gunfire") >= 0 ||
                   sr_child_word(cs, v, R_OBJ, "blow") >= 0;
    return false;
}

/* `tgt` without the bare places (cities, regions) of a source's own
 * country (sitrep's own mode): "Authorities stepped up security across
 * Bavaria", "a flight to Miami", "campaigned in Iowa" say where the act
 * happened, not whom it concerned, while the country's own name keeps
 * CAMEO's domestic convention ("the president imposed a curfew in Iran"
 * IRNGOV > IRN). Uses of force (18-20) keep them: their place is whom they
 * hit ("government forces shelled Homs"), and so do rebels' and
 * insurgents' acts. `tgt` itself when none goes. */
static bool home_place(csent *cs, const actor *s, const actor *t, const char *code)
{
    if (!t->place || (code[0] == '1' && code[1] >= '8') || (code[0] == '2' && code[1] == '0'))
        return false;
    const char *home = sr_agent_country(cs, s, NULL);
    /* rebels and insurgents contest their own country's places ("the
     * Taliban threatened to overrun Kunduz") */
    bool challenger = strlen(home) > 3 && (strstr(home + 3, "REB") || strstr(home + 3, "INS"));
    return !challenger && strncmp(home, "---", 3) != 0 && strncmp(home, t->code, 3) == 0;
}

/* `tgt` without its first 64 phrases marked in `gone` (`drop` of them),
 * in `out`; `tgt` itself when none is. */
static const alist *without_marked(csent *cs, const alist *tgt, const bool *gone, int drop,
                                   alist *out)
{
    if (drop == 0)
        return tgt;
    out->n = 0;
    out->v = tgt->n - drop ? sr_arena_alloc(cs->tmp, (size_t)(tgt->n - drop) * sizeof *out->v)
                           : NULL;
    for (int j = 0; j < tgt->n; j++)
        if (!(j < 64 && gone[j]))
            out->v[out->n++] = tgt->v[j];
    return out;
}

/* The list drops a place that is home to every source (the event may then
 * stand without a target); add_event skips a pair whose target is the
 * source's own place when other sources remain ("China and Russia signed
 * a deal on a pipeline from Siberia": CHN > RUS only). */
static const alist *without_home_places(csent *cs, const alist *src, const alist *tgt,
                                        const char *code, alist *out)
{
    int drop = 0;
    bool gone[64] = {false};
    for (int j = 0; j < tgt->n && j < 64 && src->n > 0; j++) {
        bool all = true;
        for (int i = 0; i < src->n && all; i++)
            all = home_place(cs, &src->v[i], &tgt->v[j], code);
        if (all) {
            gone[j] = true;
            drop++;
        }
    }
    return without_marked(cs, tgt, gone, drop, out);
}

/* `tgt` without the phrases owned by "its" or "their" standing for the
 * source's country, below the object, in an accusation (11): "the
 * Iranian foreign ministry condemned the attack on its consulate"
 * condemns the attackers, whom the sentence does not name, not Iran; the
 * event stands with no target (stands_alone) or with the other targets.
 * A pronoun that is the target itself ("chastising him") stays. `tgt`
 * itself when none goes. */
static const alist *without_own_victims(csent *cs, const alist *src, const alist *tgt,
                                        const char *code, alist *out)
{
    if (src->n == 0 || tgt->n == 0 || code[0] != '1' || code[1] != '1')
        return tgt;
    int drop = 0;
    bool gone[64] = {false};
    for (int j = 0; j < tgt->n && j < 64; j++) {
        int h = tgt->v[j].head, poss = h >= 0 ? sr_child(cs, h, R_POSS) : -1;
        if (h < 0 || poss < 0 || cs->w[h].rel == R_OBJ ||
            (strcmp(cs->w[poss].lower, "its") != 0 && strcmp(cs->w[poss].lower, "their") != 0))
            continue;
        char tc[4];
        snprintf(tc, sizeof tc, "%s", sr_agent_country(cs, &tgt->v[j], NULL));
        bool all = strcmp(tc, "---") != 0;
        for (int i = 0; i < src->n && all; i++)
            all = strncmp(sr_agent_country(cs, &src->v[i], NULL), tc, 3) == 0;
        if (all) {
            gone[j] = true;
            drop++;
        }
    }
    return without_marked(cs, tgt, gone, drop, out);
}

/* Whether verb v has a purpose clause of celebration or mourning ("fans
 * took to the streets to celebrate the title", "poured into the streets
 * to mourn Arafat", "marched through Dublin to mark St Patrick's Day"):
 * a crowd in the streets for that is no protest. */
static bool festive_purpose(const csent *cs, int v)
{
    static const char *const verbs[] = {"celebrate", "mourn", "welcome", "mark", "commemorate",
                                        "cheer", "greet", "honour", "honor", "remember",
                                        "pray", "watch", "attend", "rejoice", "party"};
    if (v < 0 || v >= cs->n)
        return false;
    const cword *w = &cs->w[v];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if (cs->w[c].rel != R_ADVCL && cs->w[c].rel != R_XCOMP)
            continue;
        if (cs->w[c].rel == R_ADVCL && sr_child_word(cs, c, R_MARK, "to") < 0)
            continue;
        for (size_t q = 0; q < SR_ARRAY_LEN(verbs); q++)
            if (strcmp(cs->w[c].lemma, verbs[q]) == 0)
                return true;
    }
    return false;
}

static void events_of(csent *cs, evlist *L, vinfo *vi, const char *issues)
{
    const sr_coder *c = cs->c;
    const char *code = vi->pm.code;
    if (vi->suppressed || null_code(code))
        return;
    /* sitrep's own mode: a crowd out to celebrate or mourn is no protest */
    if (!c->opt.petrarch && code[0] == '1' && code[1] == '4' && festive_purpose(cs, vi->h.v))
        return;
    if (vi->negated && c->opt.petrarch) {
        const char *opp = negated_code(code);
        if (opp)
            code = opp;
    }
    alist none = {0};
    const alist *src = vi->src >= 0 ? sr_meaning(cs, vi->src) : &none;
    const alist *tgt = vi->tgt >= 0 ? sr_meaning(cs, vi->tgt) : &none;
    /* sitrep's own mode: a non-actor ("the Strait of Hormuz", code "---")
     * is no side of an event */
    alist fsrc, ftgt, htgt, otgt;
    if (!c->opt.petrarch) {
        src = without_nonactors(cs, src, &fsrc);
        tgt = without_nonactors(cs, tgt, &ftgt);
        tgt = without_home_places(cs, src, tgt, code, &htgt);
        tgt = without_own_victims(cs, src, tgt, code, &otgt);
    }
    char first[16], second[16];
    const char *colon = strchr(code, ':');
    if (colon) {
        snprintf(first, sizeof first, "%.*s", (int)(colon - code), code);
        snprintf(second, sizeof second, "%s", colon + 1);
    }
    /* sitrep's own mode: "Jordan and the United States agreed on a pact",
     * "Russia and China held talks": with no target, the members of a
     * compound subject of a cooperative act (03-06) act on each other */
    bool reciprocal = !c->opt.petrarch && src->n >= 2 &&
                      (tgt->n == 0 || countryless(cs, tgt) || members_only(cs, src, tgt)) &&
                      ((code[0] == '0' && code[1] >= '3' && code[1] <= '6') ||
                       (code[0] == '1' && code[1] == '9' && symmetric_fight(cs, vi->h.v))) &&
                      !vi->pm.compound;
    /* a truce or de-escalation (087) of two sides in one side's own place
     * ("Azerbaijan and Armenia agreed to a ceasefire in Nagorno-Karabakh")
     * is each side's toward the other */
    if (!c->opt.petrarch && src->n >= 2 && tgt->n > 0 && !vi->pm.compound &&
        strncmp(code, "087", 3) == 0 && members_only(cs, src, tgt))
        reciprocal = true;
    /* sides that fight each other somewhere fight each other, not the
     * place ("Armenian and Azeri forces clashed in Nagorno-Karabakh") */
    if (!c->opt.petrarch && src->n >= 2 && tgt->n > 0 && !vi->pm.compound &&
        vi->pm.target < 0 && code[0] == '1' && code[1] == '9' && symmetric_fight(cs, vi->h.v) &&
        vi->tgt >= 0 && locative_of(cs, vi->h.v, vi->tgt))
        reciprocal = true;
    /* and what a compound subject exchanges or swaps it gives each other,
     * whatever the object's phrase names ("Israel and Hezbollah exchanged
     * prisoners in Germany", "the two sides swapped ambassadors") */
    if (!c->opt.petrarch && src->n >= 2 && !vi->pm.compound && vi->pm.target < 0 &&
        vi->h.v >= 0 && vi->h.v < cs->n &&
        (strcmp(cs->w[vi->h.v].lemma, "exchange") == 0 || strcmp(cs->w[vi->h.v].lemma, "swap") == 0))
        reciprocal = true;
    if ((vi->pm.compound || reciprocal) && src->n >= 2) {
        /* the members of a compound subject act on each other */
        for (int i = 0; i < src->n; i++)
            for (int j = 0; j < src->n; j++) {
                /* "the two leaders", "they": actors one word stands for
                 * give one event per pair, the first named as source */
                bool one_word = src->v[i].pronoun && src->v[i].head == src->v[j].head;
                if (i != j && !(one_word && j < i && !c->opt.petrarch))
                    add_event(cs, L, vi, &src->v[i], &src->v[j], colon ? first : code, issues, true);
            }
        return;
    }
    if (src->n == 0 || tgt->n == 0) {
        /* sitrep's own mode: a named source's event of a kind that stands
         * without a target ("Russia threatened to stop negotiations",
         * "the PRC demanded that ...") is coded with the target empty when
         * a pattern of the verb matched or the verb alone names the act
         * (speech_act: a bare "moved" or "took" says too little), the
         * source is the verb's own active subject and the event is not
         * denied */
        /* an appeal (02) stands alone on a pattern that names a word, in
         * a finite clause of its own that states it: "called for a
         * ceasefire", "urged restraint", not "may seek the maximum
         * penalty", "..., calling for his dismissal" */
        const char *k = colon ? first : code;
        bool parties = k[0] == '0' && k[1] == '2' && tgt->n == 0 && parties_addressed(cs, vi);
        bool appeal = ((k[0] == '0' && k[1] >= '2' && k[1] <= '7' && k[1] != '3') ||
                       (k[0] == '1' && k[1] == '1') || strcmp(k, "015") == 0) &&
                      (pattern_names_word(c->dict, vi->pm.pattern) || parties) && vi->h.v >= 0 &&
                      (cs->w[vi->h.v].upos == SR_UPOS_NOUN ||
                       sr_child(cs, vi->h.v, vi->passive ? R_NSUBJPASS : R_NSUBJ) >= 0) &&
                      (vi->mod == SR_MOD_ASSERTED || vi->mod == SR_MOD_REPORTED);
        bool sourced = c->opt.require_dyad && c->opt.one_sided && !c->opt.petrarch &&
                       src->n > 0 && stands_alone(k, appeal) &&
                       (vi->pm.pattern >= 0 || parties || speech_act(colon ? first : code) ||
                        armed_force(cs, vi, src, colon ? first : code)) &&
                       ((!vi->passive && vi->src >= 0 && vi->src == vi->subject) ||
                        by_agent(cs, vi)) &&
                       vi->mod != SR_MOD_NEGATED;
        if (c->opt.require_dyad && !sourced)
            return;
        /* a one-sided event: the missing side is the null actor */
        static const actor nobody = {"---", -1, 0, 0, true, false, 0, false, false, false};
        alist one = {(actor *)&nobody, 1};
        if (src->n == 0 && tgt->n == 0)
            return;
        if (src->n == 0)
            src = &one;
        else
            tgt = &one;
        for (int i = 0; i < src->n; i++) {
            if (sourced && strncmp(sr_agent_country(cs, &src->v[i], NULL), "---", 3) == 0)
                continue;   /* an agent with no country names no one */
            size_t sl = strlen(src->v[i].code);
            if (sourced && appeal && sl >= 3 && strcmp(src->v[i].code + sl - 3, "MED") == 0)
                continue;   /* a news outlet's request is no political appeal */
            if (sourced && !political_source(src->v[i].code, k))
                continue;
            for (int j = 0; j < tgt->n; j++) {
                add_event(cs, L, vi, &src->v[i], &tgt->v[j], colon ? first : code, issues, false);
            }
        }
        return;
    }
    emit_pairs(cs, L, vi, src, tgt, colon ? first : code, issues);
    if (colon && !null_code(second))
        emit_pairs(cs, L, vi, tgt, src, second, issues);
}

/* ---- discards and issues ---------------------------------------------------------------------- */

/* 0 = code, 1 = sentence discarded, 2 = story discarded */
static int discard(csent *cs, const sr_dtok *toks)
{
    const sr_dict *d = cs->d;
    if (!d->ndiscards)
        return 0;
    int worst = 0;
    for (int i = 0; i < cs->n; i++) {
        size_t len;
        uint32_t pid = sr_dict_match(d, SR_PK_DISCARD, toks, (size_t)cs->n, (size_t)i, &len);
        if (pid == SR_NOWORD)
            continue;
        int k = d->discards[d->phrases[pid].owner].story ? 2 : 1;
        if (k > worst)
            worst = k;
    }
    return worst;
}

static const char *issues_of(csent *cs, const sr_dtok *toks)
{
    const sr_dict *d = cs->d;
    if (!d->nissues)
        return "";
    uint32_t codes[32];
    int counts[32], n = 0;
    for (int i = 0; i < cs->n; i++) {
        size_t len;
        uint32_t pid = sr_dict_match(d, SR_PK_ISSUE, toks, (size_t)cs->n, (size_t)i, &len);
        if (pid == SR_NOWORD)
            continue;
        const sr_dissue *is = &d->issues[d->phrases[pid].owner];
        if (is->flags & SR_ISSUE_IGNORE)
            return "";
        int k = 0;
        while (k < n && codes[k] != is->code)
            k++;
        if (k == n && n < 32) {
            codes[n] = is->code;
            counts[n++] = 0;
        }
        if (k < n)
            counts[k]++;
    }
    if (!n)
        return "";
    sr_buf b;
    sr_buf_init(&b);
    for (int k = 0; k < n; k++)
        sr_buf_printf(&b, "%s%s %d", k ? ", " : "", sr_dstr(d, codes[k]), counts[k]);
    char *s = sr_arena_strndup(cs->doc->arena, b.data, b.len);
    sr_buf_free(&b);
    return s;
}

/* ---- a sentence ---------------------------------------------------------------------------------- */

/* Whether verb v heads a temporal subordinate clause, introduced by
 * "after", "before", "since", "until" or "while". */
static bool temporal_clause(const csent *cs, int v)
{
    static const char *const subs[] = {"after", "before", "since", "until", "while"};
    /* the marker hangs on the verb, or (the parser's way with "after X
     * burned ...") on the noun the verb is a clause of */
    int at[2] = {v, cs->w[v].rel == R_ACL && sr_child(cs, v, R_NSUBJ) < 0 ? cs->w[v].head : -1};
    for (int i = 0; i < 2; i++) {
        if (at[i] < 0)
            continue;
        const cword *w = &cs->w[at[i]];
        for (int k = 0; k < w->nkids; k++) {
            int c = cs->kids[w->kid0 + k];
            if (c > at[i] || (cs->w[c].rel != R_MARK && cs->w[c].rel != R_CASE))
                continue;
            for (size_t q = 0; q < SR_ARRAY_LEN(subs); q++)
                if (strcmp(cs->w[c].lower, subs[q]) == 0)
                    return true;
        }
    }
    return false;
}

/* The words after verb v up to the next clause with a subject of its own
 * or a subordinator, punctuation left out. */
static void surface_window(csent *cs, int v, window *w)
{
    w->v = sr_arena_alloc(cs->tmp, (size_t)(cs->n + 1) * sizeof(int));
    w->n = 0;
    w->gov = false;
    w->cv = NULL;
    w->cn = 0;
    for (int j = v + 1; j < cs->n; j++) {
        const cword *x = &cs->w[j];
        if (x->upos == SR_UPOS_SCONJ || (x->upos == SR_UPOS_PUNCT && strcmp(x->form, ";") == 0))
            break;
        if ((x->upos == SR_UPOS_VERB || x->upos == SR_UPOS_AUX) &&
            (sr_child(cs, j, R_NSUBJ) >= 0 || sr_child(cs, j, R_NSUBJPASS) >= 0))
            break;
        if (x->upos == SR_UPOS_PRON || x->upos == SR_UPOS_DET) {
            /* "in which", "who": a relative clause begins */
            if (strcmp(x->lower, "which") == 0 || strcmp(x->lower, "who") == 0 ||
                strcmp(x->lower, "whom") == 0)
                break;
        }
        if (x->upos == SR_UPOS_PUNCT)
            continue;
        w->v[w->n++] = j;
    }
}

/* A present-tense verb the tagger took for a plural noun, heading the
 * sentence with its subject as a modifier: "Ethiopia departs from Libya"
 * (root "departs", "Ethiopia" its compound). Only a root noun in -s with
 * no determiner or possessive, after a modifier that names an actor. */
static bool verb_tagged_noun(csent *cs, int v)
{
    const cword *w = &cs->w[v];
    size_t len = strlen(w->lower);
    /* the root, or a second subject of the verb above (the parser's way
     * with "Ethiopia departs from Libya ..., a senior official said") */
    bool second_subject = false;
    if (w->rel == R_NSUBJ && w->head >= 0) {
        const cword *hw = &cs->w[w->head];
        for (int k = 0; k < hw->nkids; k++) {
            int c = cs->kids[hw->kid0 + k];
            second_subject = second_subject || (c != v && cs->w[c].rel == R_NSUBJ);
        }
    }
    if (w->upos != SR_UPOS_NOUN || (w->rel != R_ROOT && !second_subject) || len < 3 ||
        w->lower[len - 1] != 's' ||
        sr_child(cs, v, R_DET) >= 0 || sr_child(cs, v, R_POSS) >= 0 || sr_child(cs, v, R_CASE) >= 0)
        return false;
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if (c < v && (cs->w[c].rel == R_COMPOUND || cs->w[c].rel == R_NSUBJ) &&
            cs->w[c].upos == SR_UPOS_PROPN)
            for (int m = 0; m < cs->nm; m++)
                if (!cs->m[m].agent && cs->m[m].start <= c && c < cs->m[m].end)
                    return true;
    }
    return false;
}

/* ---- event nouns (sitrep's own mode) ------------------------------------------------------------ */

/* Whether the pattern verb v matched names the word `lemma` ("hold
 * obj:talk with:T" names "talk"): the noun is then part of the verb's
 * event, a light-verb construction, not an event of its own. */
static bool pattern_names(const csent *cs, const vinfo *x, const char *lemma)
{
    const sr_dict *d = cs->d;
    if (!x->hit || x->pm.pattern < 0)
        return false;
    const sr_dpattern *p = &d->patterns[x->pm.pattern];
    for (uint32_t i = 0; i < p->nterms; i++) {
        const sr_dterm *t = &d->terms[p->terms + i];
        if (t->kind == SR_TERM_WORD && strcmp(sr_dstr(d, d->words[t->arg].str), lemma) == 0)
            return true;
    }
    return false;
}

/* Whether noun n may state an event: a common noun that is the subject,
 * object or oblique of a clause, the root, or a conjunct of such a noun,
 * and no part of a name. */
static bool event_noun_place(const csent *cs, int n)
{
    if (cs->w[n].upos != SR_UPOS_NOUN)
        return false;
    for (int m = 0; m < cs->nm; m++)
        if (cs->m[m].start <= n && n < cs->m[m].end)
            return false;
    int cur = n;
    for (int steps = 0; steps < 4 && cs->w[cur].rel == R_CONJ && cs->w[cur].head >= 0; steps++)
        cur = cs->w[cur].head;
    if (cur != n && cs->w[cur].upos != SR_UPOS_NOUN)
        return false;
    uint8_t r = cs->w[cur].rel;
    return r == R_NSUBJ || r == R_NSUBJPASS || r == R_OBJ || r == R_IOBJ || r == R_OBL ||
           r == R_ROOT;
}

/* The source of event noun n when its pattern names none: the actors of
 * its own phrase (a possessor, "Russia's attack"; a country modifier,
 * "Israeli strikes", "US sanctions"), else a "by" phrase ("strikes by
 * Israel"); -1 when there is none. */
static int noun_source(csent *cs, int n)
{
    /* a mention of an actor (not only an agent: "an official visit to
     * Germany" is no German visit) whose words hang on the noun through a
     * possessive or a modifier (not "strikes on Israeli targets") */
    bool own = false;
    for (int m = 0; m < cs->nm && !own; m++) {
        int a = cs->m[m].anchor;
        if (a < 0 || a >= n || cs->m[m].agent)
            continue;
        for (int steps = 0; a >= 0 && a != n && steps < cs->n && sr_climbs(cs->w[a].rel); steps++)
            a = cs->w[a].head;
        own = a == n;
    }
    if (own && sr_meaning(cs, n)->n)
        return n;
    const cword *w = &cs->w[n];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if ((cs->w[c].rel == R_NMOD || cs->w[c].rel == R_OBL || cs->w[c].rel == R_AGENT) &&
            sr_child_word(cs, c, R_CASE, "by") >= 0 && sr_meaning(cs, c)->n)
            return c;
    }
    /* "the arrest of the tourist by Iranian police" with "by" hung on the
     * "of" noun: the agent of the event noun */
    for (int k = 0; k < w->nkids; k++) {
        int o = cs->kids[w->kid0 + k];
        if ((cs->w[o].rel != R_NMOD && cs->w[o].rel != R_OBL) ||
            sr_child_word(cs, o, R_CASE, "of") < 0)
            continue;
        const cword *ow = &cs->w[o];
        for (int q = 0; q < ow->nkids; q++) {
            int c = cs->kids[ow->kid0 + q];
            if ((cs->w[c].rel == R_NMOD || cs->w[c].rel == R_OBL) && c > o &&
                sr_child_word(cs, c, R_CASE, "by") >= 0 && sr_meaning(cs, c)->n)
                return c;
        }
    }
    return -1;
}

/* The modality of event noun n and, for a noun in what someone said, the
 * attribution: the governing clause's ("officials said the strikes on
 * Gaza ...": reported), hypothetical for "a possible strike". */
static void noun_modality(csent *cs, const vinfo *vi, int n, vinfo *x)
{
    static const char *const maybe[] = {"possible", "potential", "likely", "proposed",
                                        "planned", "threatened", "expected", "alleged"};
    x->mod = SR_MOD_ASSERTED;
    const cword *w = &cs->w[n];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if (cs->w[c].rel != R_AMOD)
            continue;
        for (size_t q = 0; q < SR_ARRAY_LEN(maybe); q++)
            if (strcmp(cs->w[c].lemma, maybe[q]) == 0 || strcmp(cs->w[c].lower, maybe[q]) == 0)
                x->mod = SR_MOD_HYPOTHETICAL;
    }
    /* the clause the noun belongs to */
    int g = w->head;
    for (int steps = 0; g >= 0 && steps < cs->n && !sr_is_predicate(cs, g) &&
                        cs->w[g].upos != SR_UPOS_VERB; steps++)
        g = cs->w[g].head;
    if (g < 0)
        return;
    (void)vi;
    /* "would not permit US strikes": the object of a denied verb states
     * no event ("Trump's call with Netanyahu was not routine" still
     * happened) */
    if (cs->w[g].upos == SR_UPOS_VERB && w->head == g &&
        (w->rel == R_OBJ || w->rel == R_IOBJ || w->rel == R_OBL) && sr_has_neg(cs, g)) {
        x->mod = SR_MOD_NEGATED;
        return;
    }
    if (x->mod == SR_MOD_ASSERTED)
        x->mod = aux_modality(cs, g);
    /* "negotiations ... are due to resume", "talks are set to begin" */
    static const char *const ahead[] = {"due", "set", "scheduled", "expected", "slated"};
    for (size_t q = 0; x->mod == SR_MOD_ASSERTED && q < SR_ARRAY_LEN(ahead); q++)
        if (strcmp(cs->w[g].lemma, ahead[q]) == 0 || strcmp(cs->w[g].lower, ahead[q]) == 0)
            x->mod = SR_MOD_FUTURE;
    if (x->mod == SR_MOD_ASSERTED && cs->w[g].rel == R_XCOMP && cs->w[g].head >= 0) {
        const char *l = cs->w[cs->w[g].head].lemma;
        for (size_t q = 0; q < SR_ARRAY_LEN(ahead); q++)
            if (strcmp(l, ahead[q]) == 0)
                x->mod = SR_MOD_FUTURE;
    }
    /* a statement verb above the clause, through complements */
    int cur = g;
    for (int steps = 0; cur >= 0 && steps < cs->n; steps++) {
        uint8_t r = cs->w[cur].rel;
        int h = cs->w[cur].head;
        if (h < 0 || (r != R_CCOMP && r != R_XCOMP && r != R_PARATAXIS))
            break;
        if (is_say_lemma(cs->w[h].lemma)) {
            bool p = false;
            int sj = sr_subject_of(cs, h, &p);
            if (sj >= 0)
                x->attribution = np_text(cs, sj, cs->doc->arena);
            if (x->mod == SR_MOD_ASSERTED)
                x->mod = SR_MOD_REPORTED;
            return;
        }
        cur = h;
    }
}

/* The active subject of clause h when it names an actor firmly (not a
 * weak, guessed meaning) and is not the event noun n itself; else -1. */
static int active_named_subject(csent *cs, int h, int n)
{
    bool passive = false;
    int sj = sr_subject_of(cs, h, &passive);
    if (sj < 0 || passive || is_passive(cs, h) || sj == n)
        return -1;
    const alist *m = sr_meaning(cs, sj);
    return m->n && !m->v[0].weak ? sj : -1;
}

/* The source of event noun n from the clause it is the object of, when
 * that clause's verb performs or makes known the noun's event itself
 * ("Egypt announced a truce agreement with ...", "Israel carried out
 * strikes on ...", "Iran lodged a complaint against ..."): the verb's
 * active subject. Verbs that take another actor's event as their object
 * ("condemned the attack on Kharkiv", "welcomed the agreement") are not
 * among them. -1 when none. */
/* Whether the verb h performs or makes known the event of its object noun
 * ("announced a truce", "staged a strike", "renewed its call for"). */
static bool performer_verb(const csent *cs, int h)
{
    static const char *const verbs[] = {
        "announce", "sign", "conclude", "reach", "seal", "finalize", "finalise", "ink",
        "conduct", "launch", "mount", "stage", "hold", "impose", "declare", "begin",
        "start", "resume", "intensify", "escalate", "renew", "initiate", "undertake",
        "unleash", "wage", "issue", "lodge", "file", "deliver", "voice", "express",
        "pay", "make", "order", "extend", "reiterate", "repeat"};
    if (h < 0 || cs->w[h].upos != SR_UPOS_VERB)
        return false;
    const char *l = cs->w[h].lemma;
    for (size_t k = 0; k < SR_ARRAY_LEN(verbs); k++)
        if (strcmp(l, verbs[k]) == 0)
            return true;
    /* "carry out", "step up" */
    if (strcmp(l, "carry") == 0 || strcmp(l, "step") == 0)
        return sr_child_word(cs, h, R_PRT, strcmp(l, "carry") == 0 ? "out" : "up") >= 0;
    return false;
}

static int performer_source(csent *cs, int n, const char *code)
{
    int h = cs->w[n].head;
    if (h < 0)
        return -1;
    /* a meeting as the purpose of a clause with no object: "X is in
     * Washington this week for talks with Y", "X flew to Tehran for
     * talks" ("X criticized Y for talks with Z" has an object: Y's talks,
     * not X's; "pressed for strikes", "pushed for sanctions" ask for
     * another's act) */
    if (code && strncmp(code, "04", 2) == 0 && (cs->w[n].rel == R_OBL || cs->w[n].rel == R_NMOD) && sr_is_predicate(cs, h) &&
        sr_child_word(cs, n, R_CASE, "for") >= 0 && sr_child(cs, h, R_OBJ) < 0 &&
        sr_child(cs, h, R_IOBJ) < 0) {
        return active_named_subject(cs, h, n);
    }
    if (cs->w[n].rel != R_OBJ || !performer_verb(cs, h))
        return -1;
    return active_named_subject(cs, h, n);
}

/* Events stated by nouns ("Israeli strikes on Gaza", "Trump's call with
 * Netanyahu"): the own format's `noun` predicates, matched on nouns that
 * are arguments of a clause and coded with the source from the noun's own
 * phrase (or its pattern's S, or a "by" phrase) and the target its pattern
 * names; never a noun a verb's pattern already coded ("held talks with
 * Iran"). */
static void code_event_nouns(csent *cs, vinfo *vi, evlist *L, const char *issues,
                             const char *sent_attr)
{
    for (int n = 0; n < cs->n; n++) {
        if (vi[n].hit || !event_noun_place(cs, n))
            continue;
        vinfo x;
        memset(&x, 0, sizeof x);
        if (!sr_find_noun(cs, n, &x.h))
            continue;
        window none = {0};
        none.v = NULL;
        if (!sr_match_patterns(cs, &x.h, &none, &none, &x.pm) || x.pm.pattern < 0)
            continue;
        /* a light verb whose pattern names the noun and codes an event of
         * the same kind ("held talks with Iran", "carried out strikes on"
         * or, one noun down, "a wave of strikes") coded it already;
         * "condemned Russia's attack" (111) leaves the attack (190) */
        int h = cs->w[n].head, hh = h >= 0 ? cs->w[h].head : -1;
        /* so did a verb that performs the noun's event, whatever its kind:
         * "workers staged a nationwide strike" is the verb's 143, not an
         * air strike (195) besides */
        /* ... unless the noun is the passive subject of that verb with no
         * agent: "The American withdrawal from Afghanistan was completed"
         * leaves the verb no source, and the event is the noun's, with its
         * own actor */
        bool own_passive = cs->w[n].rel == R_NSUBJPASS && h >= 0 && sr_child(cs, h, R_AGENT) < 0;
        if (!own_passive && ((h >= 0 && pattern_names(cs, &vi[h], cs->w[n].lemma) &&
                              (strncmp(vi[h].pm.code, x.pm.code, 2) == 0 ||
                               (cs->w[n].rel == R_OBJ && performer_verb(cs, h) &&
                                !null_code(vi[h].pm.code)))) ||
                             (hh >= 0 && pattern_names(cs, &vi[hh], cs->w[n].lemma) &&
                              strncmp(vi[hh].pm.code, x.pm.code, 2) == 0)))
            continue;
        x.hit = true;
        x.outer = -1;
        x.src = x.pm.source >= 0 ? x.pm.source : noun_source(cs, n);
        x.tgt = x.pm.target;
        if (x.src < 0)
            x.src = performer_source(cs, n, x.pm.code);
        if (x.src < 0 && x.tgt >= 0 && sr_child_word(cs, x.tgt, R_CASE, "between") >= 0 &&
            sr_meaning(cs, x.tgt)->n >= 2) {
            /* "talks between Iran and the United States": the members act
             * on each other */
            x.src = x.tgt;
            x.tgt = -1;
            x.pm.compound = true;
        }
        if (x.src < 0 || x.src == x.tgt)
            continue;
        x.subject = x.src;    /* the noun's own actor: a one-sided event may stand */
        noun_modality(cs, vi, n, &x);
        /* what the clause puts ahead ("talks will be held", "negotiations
         * are due to resume") has not happened, and the noun names no
         * actor's intent: not coded */
        if (x.mod == SR_MOD_FUTURE || x.mod == SR_MOD_NEGATED)
            continue;
        if (!x.attribution && sent_attr) {
            x.attribution = sent_attr;
            if (x.mod == SR_MOD_ASSERTED)
                x.mod = SR_MOD_REPORTED;
        }
        x.pre = x.post = none;
        events_of(cs, L, &x, issues);
    }
}

static int code_sentence(const sr_coder *c, sr_doc *doc, uint32_t si, sr_arena *tmp,
                         uint32_t published, evlist *L, sr_context *ctx)
{
    csent cs;
    if (!sr_csent_init(&cs, c, doc, si, tmp))
        return 0;
    cs.prev = c->opt.petrarch ? NULL : ctx;
    for (int i = 0; i < cs.n; i++)
        if (!doc->words[doc->sentences[si].first_word + (uint32_t)i].deprel)
            return 0;   /* not parsed */
    sr_dtok *toks = sr_arena_alloc(tmp, (size_t)cs.n * sizeof *toks);
    for (int i = 0; i < cs.n; i++)
        toks[i] = cs.w[i].tok;
    int disc = discard(&cs, toks);
    if (disc)
        return disc;
    uint32_t date = sr_sentence_date(&cs, published);
    cs.date = date ? date : published;
    if (cs.date)
        cs.date_iso = sr_arena_printf(doc->arena, "%04u-%02u-%02u", cs.date / 10000,
                                      cs.date / 100 % 100, cs.date % 100);
    sr_find_mentions(&cs);
    const char *issues = issues_of(&cs, toks);
    vinfo *vi = sr_arena_alloc(tmp, (size_t)cs.n * sizeof *vi);
    /* verbs */
    for (int v = 0; v < cs.n; v++) {
        vi[v].outer = -1;
        if (cs.w[v].upos != SR_UPOS_VERB && !sr_is_predicate(&cs, v) &&
            !verb_tagged_noun(&cs, v))
            continue;
        /* PETRARCH: a noun with a determiner is no verb, even as the
         * predicate of "was in an accord with" */
        if (c->opt.petrarch && cs.w[v].upos == SR_UPOS_NOUN && sr_child(&cs, v, R_DET) >= 0)
            continue;
        if (!sr_find_verb(&cs, v, &vi[v].h))
            continue;
        vi[v].hit = true;
    }
    /* a word inside another verb's multi-word form is not a verb of its own */
    for (int v = 0; v < cs.n; v++)
        if (vi[v].hit)
            for (int j = vi[v].h.lo; j <= vi[v].h.hi; j++)
                if (j != v && vi[j].hit && vi[j].h.hi - vi[j].h.lo < vi[v].h.hi - vi[v].h.lo)
                    vi[j].hit = false;
    const char *sent_attr = NULL;
    bool attr_done = false, deferred = false;
    for (int v = 0; v < cs.n; v++) {
        vinfo *x = &vi[v];
        if (!x->hit)
            continue;
        x->subject = sr_subject_of(&cs, v, &x->passive);
        x->passive = x->passive || is_passive(&cs, v);
        if (x->subject < 0 && !x->passive)
            x->subject = subject_by_position(&cs, v);
        if (v > 0 && cs.w[v - 1].np >= 0 && sr_child(&cs, v, R_NSUBJ) < 0 &&
            sr_child(&cs, v, R_NSUBJPASS) < 0 &&
            subordinator_as_case(&cs, cs.w[v - 1].np, v) && sr_meaning(&cs, cs.w[v - 1].np)->n) {
            x->subject = cs.w[v - 1].np;   /* "before US forces struck ..." */
            x->passive = false;
            x->own_clause = true;
        }
        x->negated = sr_has_neg(&cs, v);
        sr_verb_windows(&cs, v, &x->pre, &x->post);
        if (!sr_match_patterns(&cs, &x->h, &x->pre, &x->post, &x->pm)) {
            /* no pattern over the tree: the parser may have cut the verb's
             * phrase off ("launched a new bombing and shelling offensive
             * against Osgiliath" with "shelling" a second verb); try the
             * words after the verb up to the next clause, as PETRARCH
             * reads them, and take them for the target too */
            window post2;
            surface_window(&cs, v, &post2);
            pmatch pm2;
            if (post2.n > x->post.n && sr_match_patterns(&cs, &x->h, &x->pre, &post2, &pm2)) {
                x->pm = pm2;
                x->post = post2;
            }
        }
        /* sitrep's own mode: a phrasal verb found by its words ("went
         * on") whose second word is the preposition of a noun ("went on
         * strike", "on" the case of "strike") and none of whose patterns
         * matches: the verb alone and its patterns ("go on:strike") */
        if (c->explicit_targets && !c->opt.petrarch && x->pm.pattern < 0 && x->h.hi > v &&
            cs.w[x->h.hi].rel == R_CASE) {
            verbhit h1;
            pmatch pm1;
            if (sr_find_verb_alone(&cs, v, &h1) &&
                sr_match_patterns(&cs, &h1, &x->pre, &x->post, &pm1)) {
                x->h = h1;
                x->pm = pm1;
            }
        }
        const sr_dform *f0 = &c->dict->forms[x->h.form];
        bool stub = null_code(sr_dstr(c->dict, f0->code ? f0->code
                                                         : c->dict->blocks[x->h.block].code));
        for (int a = 0; stub && a < x->h.nalt; a++) {
            /* a verb whose first block codes nothing ("--- SHOT [---] ---"
             * with one pattern) and that the dictionary defines again in
             * another block: that block's best pattern wins over no
             * pattern or a shorter one; with no pattern anywhere, the
             * first block that codes something. A first block that codes
             * something is the verb's (PETRARCH-2 reads no further). */
            verbhit h2 = x->h;
            h2.form = x->h.alt_form[a];
            h2.block = x->h.alt_block[a];
            h2.nalt = 0;
            pmatch pm2;
            bool m2 = sr_match_patterns(&cs, &h2, &x->pre, &x->post, &pm2);
            bool better = m2 ? (x->pm.pattern < 0 || pm2.score > x->pm.score)
                             : (x->pm.pattern < 0 && null_code(x->pm.code) && !null_code(pm2.code));
            if (better) {
                x->h = h2;
                x->pm = pm2;
            }
        }
        /* "not allow" (a pattern that itself says "not") is the code itself */
        if (x->pm.neg_consumed || (x->negated && pattern_says_not(c->dict, x->pm.pattern)))
            x->negated = false;
        if (x->pm.compound && x->pm.pattern >= 0 &&
            (x->subject < 0 || sr_meaning(&cs, x->subject)->n < 2 ||
             has_own_target(&cs, v, x))) {
            /* a '%' pattern needs a compound subject: fall back to the
             * verb's own code */
            const sr_dform *f = &c->dict->forms[x->h.form];
            x->pm.code = sr_dstr(c->dict, f->code ? f->code : c->dict->blocks[x->h.block].code);
            x->pm.origin = f->origin;
            x->pm.pattern = -1;
            x->pm.compound = false;
            x->pm.source = x->pm.target = -1;
        }
        assign_roles(&cs, v, x);
    }
    combine_verbs(&cs, vi);
    for (int v = 0; v < cs.n; v++) {
        vinfo *x = &vi[v];
        if (!x->hit)
            continue;
        x->mod = x->negated ? SR_MOD_NEGATED : aux_modality(&cs, v);
        if (!c->opt.petrarch && !x->negated && !x->suppressed && states_intent(&cs, v, x->pm.pattern >= 0)) {
            /* "Finland will give Tanzania a grant": an intent, asserted */
            const char *ic = intent_code(x->pm.code);
            if (ic) {
                x->pm.code = ic;
                x->mod = SR_MOD_ASSERTED;
            }
        }
        if (x->reported && x->outer >= 0) {
            int s = vi[x->outer].src >= 0 ? vi[x->outer].src : vi[x->outer].subject;
            if (s >= 0)
                x->attribution = np_text(&cs, s, doc->arena);
            if (x->mod == SR_MOD_ASSERTED)
                x->mod = SR_MOD_REPORTED;
        }
        if (!x->attribution) {
            if (!attr_done) {
                sent_attr = sentence_attribution(&cs);
                attr_done = true;
            }
            x->attribution = sent_attr;
            if (sent_attr && x->mod == SR_MOD_ASSERTED)
                x->mod = SR_MOD_REPORTED;
        }
        if (c->opt.petrarch && temporal_clause(&cs, v)) {
            deferred = true;    /* coded below, if the main clauses code nothing */
            continue;
        }
        events_of(&cs, L, x, issues);
    }
    if (!c->opt.petrarch && c->explicit_targets) {
        if (!attr_done)
            sent_attr = sentence_attribution(&cs);
        code_event_nouns(&cs, vi, L, issues, sent_attr);
    }
    /* PETRARCH codes the event of a temporal subordinate clause ("almost
     * five years after crowds burned down its embassy") only when the
     * sentence's main clauses code none */
    if (deferred && L->n == L->sentence_start)
        for (int v = 0; v < cs.n; v++)
            if (vi[v].hit && temporal_clause(&cs, v))
                events_of(&cs, L, &vi[v], issues);
    if (cs.prev)
        sr_context_update(&cs, ctx);
    return 0;
}

size_t sr_code_doc(const sr_coder *c, sr_doc *doc, sr_event **events)
{
    evlist L = {0};
    sr_context ctx;
    memset(&ctx, 0, sizeof ctx);
    sr_arena *tmp = sr_arena_new();
    uint32_t published = sr_parse_iso_date(doc->published);
    size_t before_story = 0;
    for (uint32_t si = 0; si < doc->nsentences; si++) {
        L.sentence_start = L.n;
        L.capped = false;
        int r = code_sentence(c, doc, si, tmp, published, &L, &ctx);
        if (L.capped)
            sr_warn(c->diag, doc->id, "sentence %u has more than %u events; the rest dropped",
                    si + 1, c->opt.max_events);
        sr_arena_free(tmp);
        tmp = sr_arena_new();
        if (r == 2) {
            L.n = before_story;     /* a story discard drops the document */
            break;
        }
    }
    sr_arena_free(tmp);
    *events = L.v;
    return L.n;
}
