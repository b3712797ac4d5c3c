/*
 * sentence.c — one parsed sentence as the coder sees it.
 *
 * The coder works on relation classes rather than relation strings (UD v2
 * subtypes collapse: "obl:tmod" is a temporal modifier, "nmod:poss" a
 * possessive, "compound:prt" a particle), on children lists, and on
 * dictionary word ids computed once per word. A word whose head is outside
 * the sentence (a damaged parse) is treated as a root, so nothing below
 * can walk out of bounds; cycles are impossible because the CoNLL-U reader
 * and the parser both produce trees, and every upward walk is bounded by
 * the sentence length anyway.
 */
#include "coder.h"
#include "../core/internal.h"

#include <string.h>
#include <strings.h>

static const struct { const char *name; uint8_t rel; } rels[] = {
    {"root", R_ROOT}, {"nsubj", R_NSUBJ}, {"nsubj:pass", R_NSUBJPASS},
    {"nsubjpass", R_NSUBJPASS}, {"csubj", R_CSUBJ}, {"csubj:pass", R_CSUBJ},
    {"obj", R_OBJ}, {"dobj", R_OBJ}, {"iobj", R_IOBJ}, {"obl", R_OBL},
    {"obl:tmod", R_TMOD}, {"nmod:tmod", R_TMOD}, {"obl:npmod", R_OBL},
    {"obl:agent", R_AGENT}, {"nmod", R_NMOD}, {"nmod:poss", R_POSS},
    {"nmod:npmod", R_NMOD}, {"case", R_CASE}, {"mark", R_MARK}, {"det", R_DET},
    {"det:predet", R_DET}, {"amod", R_AMOD}, {"compound", R_COMPOUND},
    {"compound:prt", R_PRT}, {"flat", R_FLAT}, {"flat:name", R_FLAT},
    {"flat:foreign", R_FLAT}, {"name", R_FLAT}, {"appos", R_APPOS},
    {"conj", R_CONJ}, {"cc", R_CC}, {"cc:preconj", R_CC}, {"aux", R_AUX},
    {"aux:pass", R_AUXPASS}, {"auxpass", R_AUXPASS}, {"cop", R_COP},
    {"advmod", R_ADVMOD}, {"neg", R_ADVMOD}, {"xcomp", R_XCOMP},
    {"ccomp", R_CCOMP}, {"advcl", R_ADVCL}, {"acl", R_ACL},
    {"acl:relcl", R_RELCL}, {"parataxis", R_PARATAXIS}, {"punct", R_PUNCT},
    {"nummod", R_NUMMOD}, {"fixed", R_FIXED}, {"mwe", R_FIXED},
    {"expl", R_EXPL}, {"dep", R_DEP}, {"goeswith", R_FIXED},
};

uint8_t sr_rel_class(const char *r)
{
    if (!r)
        return R_DEP;
    for (size_t i = 0; i < SR_ARRAY_LEN(rels); i++)
        if (strcmp(r, rels[i].name) == 0)
            return rels[i].rel;
    /* unknown subtypes fall back to their base relation */
    const char *colon = strchr(r, ':');
    if (colon) {
        size_t n = (size_t)(colon - r);
        for (size_t i = 0; i < SR_ARRAY_LEN(rels); i++)
            if (strlen(rels[i].name) == n && strncmp(r, rels[i].name, n) == 0)
                return rels[i].rel;
    }
    return R_OTHER;
}

static char *lower_dup(sr_arena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *out = sr_arena_alloc(a, n * 2 + 8);
    sr_dict_norm(s, n, out, n * 2 + 8);
    return out;
}

static bool is_neg_word(const char *w)
{
    return strcmp(w, "not") == 0 || strcmp(w, "n't") == 0 || strcmp(w, "never") == 0 ||
           strcmp(w, "no") == 0 || strcmp(w, "nt") == 0;
}

/* ---- repairs ----------------------------------------------------------------
 *
 * A statistical parser makes a few errors often, and each one costs the
 * coder an event. The coder works on a copy of the relations, so it repairs
 * those whose shape alone shows they are wrong (the document's parse is
 * left as it is):
 *   - a subject introduced by a preposition is an oblique when it follows
 *     its verb ("restore ties ... almost five years after Calenardhon
 *     crowds" with "crowds" the subject of "restore"); before its verb the
 *     preposition is the clause's subordinator ("after a hafling was
 *     reported");
 *   - "the activists of Amnesty International are about to ..." parsed as
 *     a relative clause of "activists" with "of Amnesty International" as
 *     its subject: "activists" is the subject, "of ..." its modifier;
 *   - the object of a verb right before its complement clause that has no
 *     subject is that clause's subject ("indicated it deplored Libya");
 *   - a clause opened by "whether" is a complement, not an adverbial;
 *   - a clause hung as "acl"/"acl:relcl" on a verb (a clausal modifier of
 *     a noun, by definition) is an adverbial clause ("postponed their
 *     meeting after a hafling was reported");
 *   - several subjects of one verb, each after a comma or "and" ("Mordor,
 *     Rohan, Arnor and Bree welcomed" parsed as two subjects with a
 *     conjunct each) are one coordinated subject: the later ones become
 *     conjuncts of the first;
 *   - a verb coordinated with a noun is coordinated with the nearest verb
 *     above it, and takes the object after it that the parser gave to the
 *     verb before it ("condemned an attack ... and promised aid");
 *   - a prepositional phrase before a comma hung on the reporting clause
 *     after the comma belongs to the clause before ("will bargain for
 *     asylum in Gondor, AFP reported");
 *   - a finite verb hung as an adjective on the noun after it, with a
 *     subject or an auxiliary of its own ("Ethiopia has broken relations"
 *     with "broken" an amod of "relations") heads the clause, and that
 *     noun is its object; so does a verb form between a noun and its
 *     "object" ("Russian police arrested students" parsed as a noun
 *     phrase), the first noun its subject.
 */

/* A plural noun the lemmatiser left as written ("troops" with the lemma
 * "troops"): its singular, when the dictionary knows that word, is its
 * lemma (own mode; the form still matches as written, "arms"). */
static void plural_lemma(const sr_dict *d, cword *w, sr_arena *a)
{
    size_t n = strlen(w->lower);
    if (w->upos != SR_UPOS_NOUN || n < 4 || n > SR_DICT_MAX_WORD ||
        strcmp(w->lemma, w->lower) != 0 || w->lower[n - 1] != 's' ||
        w->lower[n - 2] == 's' || w->lower[n - 2] == 'u' || w->lower[n - 2] == 'i')
        return;
    char sg[SR_DICT_MAX_WORD + 1];
    uint32_t id = SR_NOWORD;
    if (n > 4 && strcmp(w->lower + n - 3, "ies") == 0) {
        snprintf(sg, sizeof sg, "%.*sy", (int)(n - 3), w->lower);
        id = sr_dict_word_id(d, sg, strlen(sg));
    }
    if (id == SR_NOWORD) {
        snprintf(sg, sizeof sg, "%.*s", (int)(n - 1), w->lower);
        id = sr_dict_word_id(d, sg, n - 1);
    }
    if (id == SR_NOWORD && w->lower[n - 2] == 'e') {
        snprintf(sg, sizeof sg, "%.*s", (int)(n - 2), w->lower);
        id = sr_dict_word_id(d, sg, n - 2);
    }
    if (id != SR_NOWORD) {
        w->tok.lemma = id;
        w->lemma = sr_arena_strdup(a, sg);
    }
}

/* A currency sign heading its amount ("$500 million", with "$" the head
 * in UD English): the currency's word is its lemma when the dictionary
 * has it, so that `obj:dollar` matches "pledged $100 million" (own mode). */
static void currency_lemma(const sr_dict *d, cword *w, sr_arena *a)
{
    static const char *const signs[][2] = {{"$", "dollar"}, {"us$", "dollar"},
                                           {"€", "euro"}};
    for (size_t k = 0; k < SR_ARRAY_LEN(signs); k++) {
        if (strcmp(w->lower, signs[k][0]) != 0)
            continue;
        uint32_t id = sr_dict_word_id(d, signs[k][1], strlen(signs[k][1]));
        if (id != SR_NOWORD) {
            w->tok.lemma = id;
            w->lemma = sr_arena_strdup(a, signs[k][1]);
        }
        return;
    }
}

/* Words the tokeniser split at a hyphen ("cease - fire", "sit - in",
 * "air - strikes"): the first and last parts also stand for the
 * hyphenated word, spelt with the last part's lemma or form, when the
 * dictionary has it, so that a filler written "cease-fire" or "sit-in"
 * matches (own mode; the parts keep their own lemmas, so "strike" still
 * matches "air-strikes"). */
static void hyphenated_words(const sr_dict *d, cword *w, int n)
{
    for (int i = 2; i < n; i++) {
        if (strcmp(w[i - 1].form, "-") != 0 || !w[i - 2].lower[0] || !w[i].lemma[0])
            continue;
        char buf[2 * SR_DICT_MAX_WORD + 2];
        const char *last[2] = {w[i].lemma, w[i].lower};
        for (int k = 0; k < 2 && w[i].hyph == SR_NOWORD; k++) {
            int len = snprintf(buf, sizeof buf, "%s-%s", w[i - 2].lower, last[k]);
            if (len > 0 && len <= SR_DICT_MAX_WORD)
                w[i].hyph = sr_dict_word_id(d, buf, (size_t)len);
        }
        /* the parser may have made the first part the head ("staged a
         * sit - in" with "sit" the object) */
        if (w[i - 2].hyph == SR_NOWORD)
            w[i - 2].hyph = w[i].hyph;
    }
}

/* A weekday or a month: a date ("said on Tuesday"), never an actor. */
static bool date_name(const char *form)
{
    static const char *const names[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december"};
    for (size_t i = 0; i < SR_ARRAY_LEN(names); i++)
        if (strcasecmp(form, names[i]) == 0)
            return true;
    return false;
}

static bool is_subj(uint8_t r)
{
    return r == R_NSUBJ || r == R_NSUBJPASS;
}

/* A verb form (VBD, VBN) that the parser hung as an adjective on a later
 * noun whose determiner or numeral stands between them ("Bangladesh has
 * rejected an Indian proposal", "guerrillas wounded two British
 * soldiers"): no adjective precedes its noun's determiner, so the form is
 * the verb and the noun its object. The verb takes the noun's place in
 * the tree; a noun that was the subject of a later verb ("..., police
 * said") makes the verb that verb's complement; an auxiliary the parser
 * hung on a noun before the verb ("Bangladesh has") is the verb's, and
 * that noun its subject. Only in sitrep's own mode (its dictionaries are
 * written over a correct tree; PETRARCH's validation records are not). */
static void repair_verb_as_adjective(cword *w, const sr_word *x, int n)
{
    for (int i = 0; i < n; i++) {
        int h = w[i].head;
        const char *xp = x[i].xpos ? x[i].xpos : "";
        size_t fl = strlen(w[i].lower);
        /* a past participle the tagger took for an adjective ("wounded
         * two British soldiers"); the verb is found by its form */
        bool ed_adj = w[i].upos == SR_UPOS_ADJ && fl > 4 && strcmp(w[i].lower + fl - 2, "ed") == 0 &&
                      (strcmp(xp, "JJ") == 0 || strcmp(xp, "VBN") == 0 || strcmp(xp, "VBD") == 0);
        if ((w[i].upos != SR_UPOS_VERB && !ed_adj) || w[i].rel != R_AMOD || h <= i ||
            (strcmp(xp, "VBD") != 0 && strcmp(xp, "VBN") != 0 && !ed_adj) ||
            (w[h].upos != SR_UPOS_NOUN && w[h].upos != SR_UPOS_PROPN))
            continue;
        bool inner = false, outer = false;
        for (int j = i + 1; j < h && !inner; j++)
            inner = w[j].head == h && (w[j].rel == R_DET || w[j].rel == R_NUMMOD);
        /* "an estimated 100 people", "a reported 20 deaths": a determiner
         * of the noun before the form makes it the noun's modifier */
        for (int j = 0; j < i && !outer; j++)
            outer = w[j].head == h && (w[j].rel == R_DET || w[j].rel == R_POSS);
        if (!inner || outer)
            continue;
        if (ed_adj)
            w[i].upos = SR_UPOS_VERB;
        int g = w[h].head;
        uint8_t r = w[h].rel;
        bool below = false;             /* no cycle: g must not hang under i */
        for (int a = g, steps = 0; a >= 0 && steps <= n && !below; a = w[a].head, steps++)
            below = a == i;
        if (below)
            continue;
        w[i].head = g;
        w[i].rel = r;
        w[h].head = i;
        w[h].rel = R_OBJ;
        if (g < 0) {
            w[i].rel = R_ROOT;
        } else if (g > i && is_subj(r)) {
            w[i].rel = R_CCOMP;         /* "X wounded Y, police said" */
        } else if (g < i && w[g].upos == SR_UPOS_AUX && w[g].head >= 0 && w[g].head < g &&
                   (w[w[g].head].upos == SR_UPOS_NOUN || w[w[g].head].upos == SR_UPOS_PROPN)) {
            int q = w[g].head;          /* "Bangladesh has ... rejected" */
            w[i].head = w[q].head;
            w[i].rel = w[q].head < 0 ? R_ROOT : w[q].rel;
            for (int j = 0; j < n; j++)
                if (j != i && w[j].head == q && j > q && (j > i || w[j].rel == R_AUX ||
                                                          w[j].rel == R_ADVMOD))
                    w[j].head = i;
            w[q].head = i;
            w[q].rel = R_NSUBJ;
        }
    }
}

/* "Palestinian militants fired rockets at Israel, the army said" parsed
 * with "militants" a second subject of "said", "fired" an adjective of
 * "rockets" and "rockets" the complement: a verb form between a subject
 * noun and the noun it modifies, when the subject's verb has another
 * subject of its own, is the reported clause's verb, the noun before it
 * its subject and the noun after it its object. Own mode only. */
static void repair_second_subject(cword *w, const sr_word *x, int n)
{
    for (int i = 1; i + 1 < n; i++) {
        const char *xp = x[i].xpos ? x[i].xpos : "";
        int s = i - 1, h = i + 1, g = w[h].head;
        if (w[i].upos != SR_UPOS_VERB || w[i].rel != R_AMOD || w[i].head != h ||
            (strcmp(xp, "VBD") != 0 && strcmp(xp, "VBN") != 0) ||
            (w[s].upos != SR_UPOS_NOUN && w[s].upos != SR_UPOS_PROPN) || w[s].rel != R_NSUBJ ||
            w[s].head != g || g < 0 || g <= h ||
            (w[h].upos != SR_UPOS_NOUN && w[h].upos != SR_UPOS_PROPN) ||
            (w[h].rel != R_CCOMP && w[h].rel != R_OBJ && w[h].rel != R_DEP &&
             w[h].rel != R_PARATAXIS))
            continue;
        bool other = false;
        for (int j = h + 1; j < n && !other; j++)
            other = w[j].head == g && w[j].rel == R_NSUBJ;
        if (!other)
            continue;
        w[i].head = g;
        w[i].rel = R_CCOMP;
        w[h].head = i;
        w[h].rel = R_OBJ;
        w[s].head = i;
        /* the punctuation before the reporting clause stays on it */
        for (int j = h + 1; j < n; j++)
            if (w[j].head == h && w[j].rel == R_PUNCT)
                w[j].head = g;
    }
    /* "The Israeli army forced out ... refugees ..., residents said" with
     * "forced" a clause of "army" and "army" a second subject of "said":
     * a past tense hung as a clause on that subject, with no subject of
     * its own, is the reported clause and the noun its subject; an
     * object the parser hung on a date after the verb ("forced out on
     * Wednesday more than 1,000 refugees") is the verb's */
    for (int i = 1; i < n; i++) {
        const char *xp = x[i].xpos ? x[i].xpos : "";
        int s = w[i].head, g = s >= 0 ? w[s].head : -1;
        if (w[i].upos != SR_UPOS_VERB || w[i].rel != R_ACL || s < 0 || s >= i ||
            w[s].rel != R_NSUBJ || g <= i ||
            (strcmp(xp, "VBD") != 0 && strcmp(xp, "VBN") != 0))
            continue;
        bool other = false, own = false, prt = false;
        for (int j = 0; j < n; j++) {
            if (w[j].head == g && w[j].rel == R_NSUBJ && j > i)
                other = true;
            if (w[j].head == i && is_subj(w[j].rel))
                own = true;
            if (w[j].head == i && (w[j].rel == R_PRT || w[j].rel == R_OBJ))
                prt = true;
        }
        /* a participle is a reduced relative ("the army stationed in the
         * south said") unless a particle or an object says it is active */
        if (!other || own || (strcmp(xp, "VBN") == 0 && !prt))
            continue;
        w[i].head = g;
        w[i].rel = R_CCOMP;
        w[s].head = i;
        for (int j = i + 1; j < g; j++) {
            int d = w[j].head;
            if (w[j].rel == R_OBJ && d > i && d < j && date_name(w[d].form) && w[d].head == i)
                w[j].head = i;
        }
    }
    /* "Russian President Boris Yeltsin on Saturday hosted ..." with
     * "hosted" an adverbial clause of "Boris": an adverbial clause
     * modifies a verb, so a finite one with no subject hung on a name is
     * that name's clause, and the name its subject */
    for (int i = 1; i < n; i++) {
        const char *xp = x[i].xpos ? x[i].xpos : "";
        int h = w[i].head;
        if (w[i].upos != SR_UPOS_VERB || w[i].rel != R_ADVCL || h < 0 || h >= i ||
            w[h].upos != SR_UPOS_PROPN || (strcmp(xp, "VBD") != 0 && strcmp(xp, "VBZ") != 0))
            continue;
        bool own = false;
        for (int j = 0; j < n && !own; j++)
            own = w[j].head == i && (is_subj(w[j].rel) || w[j].rel == R_MARK);
        if (own)
            continue;
        /* the name's phrase: its head word, the name the verb hangs on */
        w[i].rel = R_ACL;
    }
    /* "Up to 100 ethnic Albanians demonstrated ..." with "up to" parsed
     * as prepositions of the noun: a quantity, and the noun the subject
     * of the next verb that has none */
    for (int i = 0; i + 3 < n; i++) {
        if (strcmp(w[i].lower, "up") != 0 || strcmp(w[i + 1].lower, "to") != 0 ||
            w[i + 2].upos != SR_UPOS_NUM)
            continue;
        int k = w[i + 2].head;
        if (k <= i + 2 || k >= n || (w[k].upos != SR_UPOS_NOUN && w[k].upos != SR_UPOS_PROPN) ||
            w[i + 1].head != k || w[i + 1].rel != R_CASE)
            continue;
        int v = -1;
        for (int j = k + 1; j < n && v < 0; j++) {
            if (w[j].upos != SR_UPOS_VERB)
                continue;
            bool subj = false;
            for (int q = 0; q < n && !subj; q++)
                subj = w[q].head == j && is_subj(w[q].rel);
            v = subj ? -2 : j;
        }
        if (v < 0)
            continue;
        int up = w[i].head;
        if (up < 0 || (w[k].head != i && w[k].head != up))
            continue;
        /* the verb must not hang under the noun (no cycle) */
        bool below = false;
        for (int a = v, steps = 0; a >= 0 && steps <= n && !below; a = w[a].head, steps++)
            below = a == k || (a == i && w[k].head == i);
        if (below)
            continue;
        bool pass = false;
        for (int q = 0; q < n && !pass; q++)
            pass = w[q].head == v && w[q].rel == R_AUXPASS;
        for (int q = 0; q < n; q++)
            if (q != k && w[q].head == i)
                w[q].head = up;
        w[i].head = i + 2;
        w[i].rel = R_ADVMOD;
        w[i + 1].head = i + 2;
        w[i + 1].rel = R_ADVMOD;
        w[k].head = v;
        w[k].rel = pass ? R_NSUBJPASS : R_NSUBJ;
    }
}

/* "reiterated its demand today that ..." parsed with "today" the head
 * of the noun phrase and "demand" its compound: a day word ends the
 * phrase before it, which takes its place (the object of a verb that has
 * none), and the day word is the verb's temporal modifier. Own mode
 * only. */
static void repair_day_head(cword *w, int n)
{
    static const char *const days[] = {"today", "yesterday", "tonight", "tomorrow"};
    for (int t = 1; t < n; t++) {
        bool day = false;
        for (size_t k = 0; k < SR_ARRAY_LEN(days) && !day; k++)
            day = strcmp(w[t].lower, days[k]) == 0;
        int c = t - 1, g = w[t].head;
        if (!day || w[c].head != t || w[c].rel != R_COMPOUND || w[c].upos != SR_UPOS_NOUN ||
            g < 0 || w[g].upos != SR_UPOS_VERB)
            continue;
        bool obj = false;
        for (int j = 0; j < n && !obj; j++)
            obj = w[j].head == g && (w[j].rel == R_OBJ || w[j].rel == R_CCOMP);
        uint8_t r = w[t].rel;
        if (r == R_OBL || r == R_TMOD || r == R_NMOD)
            r = obj ? R_OBL : R_OBJ;
        for (int j = 0; j < n; j++)
            if (j != c && w[j].head == t)
                w[j].head = c;
        w[c].head = g;
        w[c].rel = r;
        w[t].head = g;
        w[t].rel = R_TMOD;
    }
}

/* News has no vocatives: a name the parser hung as the vocative of a
 * later verb that has no subject ("Pakistan, a key U.S. ally in the war
 * against terrorism, has refused ...") is its subject. Own mode only. */
static void repair_vocative(cword *w, const sr_word *x, int n)
{
    for (int i = 0; i < n; i++) {
        int h = w[i].head;
        if (h <= i || !x[i].deprel || strcmp(x[i].deprel, "vocative") != 0 ||
            (w[i].upos != SR_UPOS_PROPN && w[i].upos != SR_UPOS_NOUN))
            continue;
        bool subj = false;
        for (int j = 0; j < n && !subj; j++)
            subj = w[j].head == h && is_subj(w[j].rel);
        if (!subj)
            w[i].rel = R_NSUBJ;
    }
}

/* A name or noun the parser joined to the verb as a conjunct, after the
 * verb's object, with a comma or "and" before it and nothing of a clause
 * under it, is the next item of the object's list ("urged Syria, Iran and
 * Hezbollah to stop" with "Iran" a conjunct of "urged"). */
static void repair_object_list(cword *w, int n)
{
    for (int i = 1; i < n; i++) {
        int h = w[i].head;
        if (w[i].rel != R_CONJ || h < 0 || h >= i || w[h].upos != SR_UPOS_VERB ||
            (w[i].upos != SR_UPOS_PROPN && w[i].upos != SR_UPOS_NOUN))
            continue;
        bool clause = false, joined = strcmp(w[i - 1].lower, ",") == 0;
        for (int j = 0; j < n; j++) {
            if (w[j].head != i)
                continue;
            clause |= is_subj(w[j].rel) || w[j].rel == R_OBJ || w[j].rel == R_AUX ||
                      w[j].rel == R_COP || w[j].rel == R_AUXPASS;
            joined |= w[j].rel == R_CC || (w[j].rel == R_PUNCT && strcmp(w[j].lower, ",") == 0);
        }
        if (clause || !joined)
            continue;
        int obj = -1;
        for (int k = h + 1; k < i; k++)
            if (w[k].head == h && (w[k].rel == R_OBJ || w[k].rel == R_IOBJ) &&
                (w[k].upos == SR_UPOS_PROPN || w[k].upos == SR_UPOS_NOUN))
                obj = k;
        if (obj >= 0)
            w[i].head = obj;
    }
}

/* Whether a Penn tag is a finite verb's: past, or present of either person. */
static bool finite_tag(const char *xp)
{
    return !strcmp(xp, "VBD") || !strcmp(xp, "VBZ") || !strcmp(xp, "VBP");
}

/* Make verb v the sentence's root and word s its subject (the end of the
 * tree repairs that find a clause the parser read as something else). */
static void verb_root(cword *w, int v, int s)
{
    w[v].head = -1;
    w[v].rel = R_ROOT;
    w[s].head = v;
    w[s].rel = R_NSUBJ;
}

static void repair(cword *w, const sr_word *x, int n, bool own_mode)
{
    for (int i = 0; i < n; i++) {
        int h = w[i].head;
        if (h < 0)
            continue;
        int hh = h, steps = 0;      /* the head of the phrase "of" is in */
        while ((w[hh].rel == R_COMPOUND || w[hh].rel == R_FLAT) && w[hh].head > hh && steps++ < n)
            hh = w[hh].head;
        if (w[i].rel == R_CASE && w[i].upos == SR_UPOS_ADP && i < h && is_subj(w[hh].rel) &&
            w[hh].head >= 0 && i > 0 && strcmp(w[i].lower, "of") == 0 &&
            (w[i - 1].upos == SR_UPOS_NOUN || w[i - 1].upos == SR_UPOS_PROPN) &&
            w[w[hh].head].head == i - 1 && w[hh].head > hh) {
            h = hh;
            /* "the activists of Amnesty International are about to ..."
             * parsed as "the activists [whom] Amnesty International are
             * about to ...": the noun before "of" is the subject, the
             * verb its head again, "of X" its modifier */
            int v = w[h].head, nn = i - 1;
            w[v].head = w[nn].head;
            w[v].rel = w[nn].rel;
            w[nn].head = v;
            w[nn].rel = R_NSUBJ;
            w[h].head = nn;
            w[h].rel = R_NMOD;
            continue;
        }
        if (w[i].rel == R_CASE && w[i].upos == SR_UPOS_ADP && i < h && is_subj(w[h].rel) &&
            w[h].head >= 0) {
            if (w[h].head < h) {
                w[h].rel = R_OBL;           /* a subject after its verb */
            } else {
                w[i].head = w[h].head;      /* "after a hafling was reported" */
                w[i].rel = R_MARK;
            }
        }
        if ((w[i].rel == R_ACL || w[i].rel == R_RELCL) && w[h].upos == SR_UPOS_VERB)
            w[i].rel = R_ADVCL;
        /* "question whether he has a future with X": a clause opened by
         * "whether" is the verb's complement, never an adverbial */
        if (w[i].rel == R_MARK && strcmp(w[i].lower, "whether") == 0 && w[h].rel == R_ADVCL)
            w[h].rel = R_CCOMP;
    }
    for (int i = 0; i < n; i++) {
        /* a verb as the adjective of the following noun, with its own
         * subject or auxiliary */
        int h = w[i].head;
        if (w[i].upos != SR_UPOS_VERB || w[i].rel != R_AMOD || h <= i ||
            (w[h].upos != SR_UPOS_NOUN && w[h].upos != SR_UPOS_PROPN))
            continue;
        bool own = false;
        for (int j = 0; j < i && !own; j++)
            own = w[j].head == i && (is_subj(w[j].rel) || w[j].rel == R_AUX);
        /* a verb form between a noun and the noun's "object" (a noun
         * takes no object: the parse is broken there) is the verb:
         * "Russian police arrested students" with "police" the root and
         * "arrested" an amod of "students" */
        const char *xp = x[i].xpos ? x[i].xpos : "";
        int p = w[h].head;
        /* sitrep's own mode: also a noun parsed as a conjunct of the one
         * before the verb form with no "and" or comma between them ("Red
         * Cross officials suspended aid deliveries" with "deliveries" a
         * conjunct of "officials") */
        bool bare_conj = false;
        if (own_mode && w[h].rel == R_CONJ) {
            bare_conj = true;
            for (int j = p + 1; p >= 0 && j < h && bare_conj; j++)
                bare_conj = !(w[j].upos == SR_UPOS_CCONJ ||
                              (w[j].upos == SR_UPOS_PUNCT && strcmp(w[j].form, ",") == 0));
        }
        if (!own && (!*xp || (strncmp(xp, "VB", 2) == 0 && strcmp(xp, "VBG") != 0)) &&
            p >= 0 && p < i && (w[p].upos == SR_UPOS_NOUN || w[p].upos == SR_UPOS_PROPN) &&
            (w[h].rel == R_OBJ || bare_conj)) {
            bool adjacent = true;   /* only p's own phrase between p and i */
            for (int j = p + 1; j < i && adjacent; j++)
                adjacent = w[j].head == p || w[j].head == i;
            if (adjacent) {
                w[i].head = w[p].head;
                w[i].rel = w[p].rel;
                w[p].head = i;
                w[p].rel = R_NSUBJ;
                w[h].head = i;
                w[h].rel = R_OBJ;
                for (int j = 0; j < n; j++)     /* the root noun's other dependents */
                    if (j != h && j > i && w[j].head == p)
                        w[j].head = i;
                continue;
            }
        }
        if (!own)
            continue;
        w[i].head = w[h].head;
        w[i].rel = w[h].rel;
        w[h].head = i;
        w[h].rel = R_OBJ;
        /* the noun's other dependents before the verb (none usually) stay */
    }
    for (int r = 0; r + 2 < n && own_mode; r++) {
        /* sitrep's own mode: "Indian and Pakistani troops exchanged fire"
         * parsed with "Indian" the root, "troops" the subject of
         * "exchanged" and that verb a conjunct of "Indian" (or "troops"
         * the root's object and "fought" its clause): an adjective never
         * heads a sentence with a subject after it, so the adjective (and
         * its conjuncts) modify the noun and the verb is the root */
        bool adj_conj = false;
        for (int j = r + 1; j < n && !adj_conj; j++)
            adj_conj = w[j].head == r && w[j].rel == R_CONJ && w[j].upos == SR_UPOS_ADJ;
        if (w[r].head >= 0 || !(w[r].upos == SR_UPOS_ADJ || (w[r].upos == SR_UPOS_PROPN && adj_conj)))
            continue;
        int sj = -1, v = -1;    /* the noun the adjectives modify */
        for (int j = r + 1; j < n && sj < 0; j++)
            if ((w[j].upos == SR_UPOS_NOUN || w[j].upos == SR_UPOS_PROPN) &&
                !(w[j].head == r && w[j].rel == R_CONJ))
                sj = j;
        if (sj < 0)
            continue;
        bool between = true;    /* only the adjective's "and" and conjuncts */
        for (int j = r + 1; j < sj && between; j++)
            between = w[j].head == r || w[j].head == sj || (w[j].head >= 0 && w[w[j].head].head == r);
        if (!between)
            continue;
        if (is_subj(w[sj].rel) && w[sj].head > sj && w[w[sj].head].head == r &&
            w[w[sj].head].upos == SR_UPOS_VERB) {
            v = w[sj].head;             /* "troops exchanged", "exchanged" on "Indian" */
        } else if (w[sj].head == r && w[sj].rel == R_OBJ) {
            for (int j = sj + 1; j < n && v < 0; j++)
                if (w[j].head == sj && w[j].upos == SR_UPOS_VERB &&
                    (w[j].rel == R_ACL || w[j].rel == R_RELCL))
                    v = j;              /* "troops fought" with "fought" on "troops" */
            if (v < 0)
                continue;
            w[sj].head = v;
            w[sj].rel = R_NSUBJ;
        } else {
            continue;
        }
        w[v].head = -1;
        w[v].rel = R_ROOT;
        for (int j = sj + 1; j < n; j++)
            if (w[j].head == r)
                w[j].head = v;
        w[r].head = sj;
        w[r].rel = R_AMOD;
        w[r].upos = SR_UPOS_ADJ;
    }
    for (int v = 1; v < n && own_mode; v++) {
        /* sitrep's own mode: "North Korea and the United States resumed
         * talks" parsed with "resumed" a relative clause of "Korea" (the
         * root) and "States", with its "and", the clause's subject: a past
         * tense whose subject carries the "and" that joins it to the noun
         * the clause hangs on is the main verb, and the two nouns its
         * coordinated subject */
        int r = w[v].head;
        const char *xp = x[v].xpos ? x[v].xpos : "";
        if (w[v].upos != SR_UPOS_VERB || strcmp(xp, "VBD") != 0 || r < 0 || r >= v ||
            (w[v].rel != R_RELCL && w[v].rel != R_ACL) || w[r].head >= 0 ||
            (w[r].upos != SR_UPOS_NOUN && w[r].upos != SR_UPOS_PROPN))
            continue;
        int s = -1, cc = -1;
        for (int j = r + 1; j < v; j++) {
            if (w[j].head == v && is_subj(w[j].rel))
                s = j;
            if (w[j].upos == SR_UPOS_PRON || w[j].upos == SR_UPOS_SCONJ)
                s = -2;             /* "who", "that": a relative clause */
        }
        if (s < 0 || (w[s].upos != SR_UPOS_NOUN && w[s].upos != SR_UPOS_PROPN))
            continue;
        for (int j = r + 1; j < s; j++)
            if (w[j].head == s && w[j].upos == SR_UPOS_CCONJ && strcmp(w[j].lower, "and") == 0)
                cc = j;
        if (cc < 0)
            continue;
        w[s].head = r;
        w[s].rel = R_CONJ;
        verb_root(w, v, r);
        for (int j = v + 1; j < n; j++)
            if (w[j].head == r)
                w[j].head = v;
    }
    for (int i = 1; i < n && own_mode; i++) {
        /* sitrep's own mode: a verb form right after "and" that the parser
         * hung as an adjective on the noun after it, that noun being a
         * conjunct of a noun before ("stormed the parliament building and
         * arrested opposition leaders" with "leaders" a conjunct of
         * "building"): the form is a conjunct verb and the noun its object
         * (the loop below hangs it on the verb above). "the wounded and
         * arrested protesters" is left: there the noun is no conjunct */
        int h = w[i].head;
        const char *xp = x[i].xpos ? x[i].xpos : "";
        if (w[i].upos != SR_UPOS_VERB || w[i].rel != R_AMOD || h <= i ||
            (strcmp(xp, "VBD") != 0 && strcmp(xp, "VBN") != 0) ||
            w[i - 1].upos != SR_UPOS_CCONJ || w[i - 1].head != h || w[h].rel != R_CONJ ||
            w[h].head < 0 || w[h].head >= i - 1 ||
            (w[h].upos != SR_UPOS_NOUN && w[h].upos != SR_UPOS_PROPN))
            continue;
        /* the first conjunct is a verb's object ("Israeli troops and
         * wounded Iranian soldiers" is one noun phrase) */
        int p = w[h].head;
        if (w[p].rel != R_OBJ || w[p].head < 0 || w[w[p].head].upos != SR_UPOS_VERB)
            continue;
        bool plain = true;      /* only the noun's modifiers between them */
        for (int j = i + 1; j < h && plain; j++)
            plain = w[j].head == h && (w[j].rel == R_COMPOUND || w[j].rel == R_AMOD ||
                                       w[j].rel == R_NUMMOD || w[j].rel == R_DET);
        if (!plain)
            continue;
        w[i].head = w[h].head;
        w[i].rel = R_CONJ;
        w[i - 1].head = i;
        w[h].head = i;
        w[h].rel = R_OBJ;
    }
    for (int i = 0; i < n; i++) {
        /* a verb coordinated with a noun ("condemned an attack ... on
         * Thursday and promised aid" with "promised" a conjunct of
         * "Thursday") is coordinated with the nearest verb above it */
        int h = w[i].head;
        if (w[i].upos != SR_UPOS_VERB || w[i].rel != R_CONJ || h < 0 ||
            w[h].upos == SR_UPOS_VERB || w[h].upos == SR_UPOS_AUX)
            continue;
        int a = h, steps = 0;
        while (a >= 0 && w[a].upos != SR_UPOS_VERB && steps++ < n)
            a = w[a].head;
        if (a < 0 || a == i)
            continue;
        w[i].head = a;
        /* the object after it that the parser gave the verb before it is
         * its own, when it has none ("... and promised aid") */
        bool has_obj = false;
        for (int j = 0; j < n && !has_obj; j++)
            has_obj = w[j].head == i && w[j].rel == R_OBJ;
        for (int j = i + 1; j < n && !has_obj; j++)
            if (w[j].head == a && w[j].rel == R_OBJ) {
                w[j].head = i;
                has_obj = true;
            }
    }
    for (int i = 0; i < n; i++) {
        /* a prepositional phrase before a comma hung on a reporting clause
         * after it ("will bargain for asylum in Gondor, AFP reported" with
         * "in Gondor" under "reported") belongs to the clause before */
        int h = w[i].head;
        /* sitrep's own mode: also on a reporting verb that is the root,
         * the phrase going to its complement before it ("struck an oil
         * refinery in southern Russia on Saturday, officials said") */
        int to = h > i && h < n ? w[h].head : -1;
        if (own_mode && h > i && h < n && w[h].head < 0 && w[h].upos == SR_UPOS_VERB &&
            (w[i].rel == R_OBL || w[i].rel == R_NMOD))
            for (int j = i - 1; j >= 0 && to < 0; j--)
                if (w[j].head == h && w[j].rel == R_CCOMP && w[j].upos == SR_UPOS_VERB)
                    to = j;
        if (h <= i || (w[i].rel != R_OBL && w[i].rel != R_NMOD) || to < 0 ||
            to >= i || w[h].upos != SR_UPOS_VERB)
            continue;
        bool comma = false;
        for (int j = i + 1; j < h && !comma; j++)
            comma = w[j].upos == SR_UPOS_PUNCT && strcmp(w[j].form, ",") == 0 &&
                    (w[j].head == h || w[j].head == i);
        bool subj = false;
        for (int j = i + 1; j < h && !subj; j++)
            subj = w[j].head == h && is_subj(w[j].rel);
        if (comma && subj)
            w[i].head = to;
    }
    for (int v = 0; v < n; v++) {
        /* "bulldozers demolished Palestinian homes ..., Palestinian officials
         * and US witnesses said" with "homes" the subject of "said" (the
         * speakers its conjuncts) and "demolished" a complement with no
         * object: the phrase before the comma is the object of the
         * complement, the conjunct after the comma the speaker */
        int s = w[v].head;
        if (w[v].rel != R_CCOMP || w[v].upos != SR_UPOS_VERB || s <= v)
            continue;
        bool has_obj = false;
        for (int k = 0; k < n && !has_obj; k++)
            has_obj = w[k].head == v && (w[k].rel == R_OBJ || w[k].rel == R_CCOMP);
        int subj = -1;
        for (int k = v + 1; k < s && subj < 0; k++)
            if (w[k].head == s && w[k].rel == R_NSUBJ &&
                (w[k].upos == SR_UPOS_NOUN || w[k].upos == SR_UPOS_PROPN))
                subj = k;
        if (has_obj || subj < 0)
            continue;
        int comma = -1;
        for (int k = subj + 1; k < s; k++)
            if (w[k].upos == SR_UPOS_PUNCT && strcmp(w[k].form, ",") == 0)
                comma = k;
        int speaker = -1;
        for (int k = comma + 1; comma >= 0 && k < s && speaker < 0; k++)
            if (w[k].head == subj && w[k].rel == R_CONJ)
                speaker = k;
        if (speaker < 0)
            continue;
        for (int k = speaker + 1; k < s; k++)   /* the speakers after it */
            if (w[k].head == subj && (w[k].rel == R_CONJ || w[k].rel == R_CC))
                w[k].head = speaker;
        w[speaker].head = s;
        w[speaker].rel = R_NSUBJ;
        w[subj].head = v;
        w[subj].rel = R_OBJ;
    }
    for (int i = 1; i < n; i++) {
        /* "indicated it deplored Libya" with "it" the object of
         * "indicated": the word right before a complement clause without
         * a subject, hung on the same verb as its object, is its subject */
        int h = w[i].head, j = i - 1;
        if (w[i].rel != R_CCOMP || w[i].upos != SR_UPOS_VERB || h < 0 || w[j].head != h ||
            w[j].rel != R_OBJ || (w[j].upos != SR_UPOS_PRON && w[j].upos != SR_UPOS_PROPN &&
                                  w[j].upos != SR_UPOS_NOUN))
            continue;
        bool subj = false;
        for (int k = 0; k < n && !subj; k++)
            subj = w[k].head == i && is_subj(w[k].rel);
        if (!subj) {
            w[j].head = i;
            w[j].rel = R_NSUBJ;
        }
    }
    for (int v = 0; v < n; v++) {
        int first = -1, prev = -1;
        bool any_subj = false;
        for (int i = 0; i < v && !any_subj; i++)
            any_subj = w[i].head == v && w[i].rel == R_NSUBJ;
        if (!any_subj)
            continue;
        for (int i = 0; i < v; i++) {
            if (w[i].head != v)
                continue;
            /* a name before the verb with no preposition, hung as an
             * oblique or object, is one of the listed subjects too */
            bool name = w[i].upos == SR_UPOS_PROPN &&
                        (w[i].rel == R_OBL || w[i].rel == R_OBJ || w[i].rel == R_DEP) &&
                        !date_name(w[i].form);
            for (int j = 0; j < i && name; j++)
                name = !(w[j].head == i && w[j].rel == R_CASE);
            if (w[i].rel != R_NSUBJ && !name)
                continue;
            if (first < 0) {
                first = i;
                w[i].rel = R_NSUBJ;
            } else {
                bool sep = false, verb = false;
                for (int j = prev + 1; j < i; j++) {
                    sep = sep || (w[j].upos == SR_UPOS_PUNCT && strcmp(w[j].form, ",") == 0) ||
                          w[j].upos == SR_UPOS_CCONJ;
                    /* a list of names has no verb inside: "crowds burned
                     * down its embassy, a senior official said" is two
                     * clauses */
                    verb = verb || w[j].upos == SR_UPOS_VERB || w[j].upos == SR_UPOS_AUX;
                }
                if (sep && !verb) {
                    w[i].head = first;
                    w[i].rel = R_CONJ;
                }
            }
            prev = i;
        }
    }
}

/* A phrasal verb the tagger took for a noun, its particle for the
 * preposition of its object ("a US fighter jet shot down an Iranian drone"
 * parsed as the noun phrase "a US fighter jet shot" with "down an Iranian
 * drone" under it): when the noun and the particle spell a verb form of
 * the dictionary, the noun is that verb, its last noun modifier the head
 * of its subject, the particle its particle and the phrase its object.
 * Own mode only. */
static void repair_phrasal_noun(csent *cs)
{
    cword *w = cs->w;
    for (int v = 0; v + 1 < cs->n; v++) {
        int p = v + 1, k = w[p].head;
        if (w[v].upos != SR_UPOS_NOUN || w[p].upos != SR_UPOS_ADP || w[p].rel != R_CASE ||
            k <= p || k >= cs->n || w[k].head != v || (w[k].rel != R_NMOD && w[k].rel != R_OBL))
            continue;
        int subj = -1;
        for (int j = 0; j < v; j++)
            if (w[j].head == v && w[j].rel == R_COMPOUND &&
                (w[j].upos == SR_UPOS_NOUN || w[j].upos == SR_UPOS_PROPN))
                subj = j;
        verbhit h;
        if (subj < 0 || !sr_find_verb(cs, v, &h) || h.lo != v || h.hi != p)
            continue;
        w[v].upos = SR_UPOS_VERB;
        for (int j = 0; j < subj; j++)
            if (w[j].head == v)
                w[j].head = subj;
        w[subj].head = v;
        w[subj].rel = R_NSUBJ;
        w[p].head = v;
        w[p].rel = R_PRT;
        w[k].rel = R_OBJ;
        /* "Had Japan shot down the missile, ..." with "Had" the verb and
         * the phrase its object: the auxiliary of an inverted condition */
        if (w[v].head == 0 && w[0].head != v &&
            (strcmp(w[0].lower, "had") == 0 || strcmp(w[0].lower, "were") == 0 ||
             strcmp(w[0].lower, "should") == 0)) {
            w[v].head = w[0].head;
            w[v].rel = w[0].head < 0 ? R_ROOT : w[0].rel;
            w[0].head = v;
            w[0].rel = R_AUX;
            w[0].upos = SR_UPOS_AUX;
        }
    }
}

/* "gave Ukraine air defence systems", "gave the Ivory Coast 5.1 million
 * dollars of aid": a verb of giving whose object starts with a named
 * actor (after at most a determiner) that the parser made a compound of
 * the object noun is a double-object construction; the name is the
 * indirect object. Not when the verb has a "to" phrase or an indirect
 * object already, nor when an agent noun follows the name ("sent US
 * troops", "Hamas fighters": the name is the agent's country). Own mode
 * only. */
static void repair_double_object(csent *cs)
{
    static const char *const give[] = {"give", "send", "grant", "offer", "hand", "lend",
                                       "promise", "sell", "pay", "award", "supply", "loan",
                                       "pledge"};
    cword *w = cs->w;
    int n = cs->n;
    sr_dtok *toks = NULL;
    for (int v = 0; v + 2 < n; v++) {
        bool g = false;
        for (size_t k = 0; k < SR_ARRAY_LEN(give) && !g; k++)
            g = strcmp(w[v].lemma, give[k]) == 0;
        if (!g || w[v].upos != SR_UPOS_VERB)
            continue;
        int o = -1;
        bool other = false;
        for (int j = 0; j < n; j++) {
            if (w[j].head != v)
                continue;
            if (w[j].rel == R_OBJ && j > v)
                o = j;
            if (w[j].rel == R_IOBJ)
                other = true;
            if ((w[j].rel == R_OBL || w[j].rel == R_NMOD)) {
                for (int q = 0; q < n; q++)
                    if (w[q].head == j && w[q].rel == R_CASE && strcmp(w[q].lower, "to") == 0)
                        other = true;
            }
        }
        if (o < 0 || other || w[o].upos != SR_UPOS_NOUN)
            continue;
        int st = v + 1;
        if (w[st].upos == SR_UPOS_DET && strcmp(w[st].lower, "the") == 0)
            st++;
        if (st >= o || w[st].upos != SR_UPOS_PROPN)
            continue;
        if (!toks) {
            toks = sr_arena_alloc(cs->tmp, (size_t)n * sizeof *toks);
            for (int i = 0; i < n; i++)
                toks[i] = w[i].tok;
        }
        size_t len = 0;
        if (sr_dict_match(cs->d, SR_PK_ACTOR, toks, (size_t)n, (size_t)st, &len) == SR_NOWORD ||
            len == 0 || st + (int)len > o)
            continue;
        int e = st + (int)len;      /* first word after the name */
        bool ok = true, agent = false;
        for (int j = st; j < e && ok; j++)
            ok = w[j].upos == SR_UPOS_PROPN && w[j].head >= st && w[j].head <= o;
        for (int j = e; j <= o && ok && !agent; j++) {
            size_t l2 = 0;
            agent = sr_dict_match(cs->d, SR_PK_AGENT, toks, (size_t)n, (size_t)j, &l2) != SR_NOWORD;
        }
        if (!ok || agent)
            continue;
        int anchor = e - 1;
        for (int j = st; j < e; j++)
            if (w[j].head >= e)
                anchor = j;
        for (int j = st; j < e; j++)
            if (j != anchor && w[j].head >= e)
                w[j].head = anchor;
        w[anchor].head = v;
        w[anchor].rel = R_IOBJ;
        if (st > v + 1 && w[v + 1].head == o)
            w[v + 1].head = anchor;
    }
}

/* A verb's particle parsed as the preposition of the noun after it:
 * "handed over the town of Hebron" with "over the town" an oblique,
 * "pulled its troops out of Chechnya" with "out of" two case words.
 * When the verb and the word spell a phrasal verb of the dictionary
 * (hand_over, pull_out), the word is the verb's particle; the noun right
 * after it is the verb's object when the verb has none ("over"), and an
 * "of" left behind stays the noun's preposition ("out of"). Own mode only. */
static void repair_particle_as_case(csent *cs)
{
    cword *w = cs->w;
    int n = cs->n;
    for (int p = 1; p + 1 < n; p++) {
        int k = w[p].head, v = k >= 0 ? w[k].head : -1;
        if (w[p].rel != R_CASE || w[p].upos != SR_UPOS_ADP || k <= p || v < 0 || v >= p ||
            w[v].upos != SR_UPOS_VERB || (w[k].rel != R_OBL && w[k].rel != R_NMOD) ||
            sr_child(cs, v, R_PRT) >= 0)
            continue;
        bool out_of = strcmp(w[p].lower, "out") == 0 && w[p + 1].head == k &&
                      w[p + 1].rel == R_CASE && strcmp(w[p + 1].lower, "of") == 0;
        /* the particle must follow the verb or the verb's object noun */
        bool after = p == v + 1 || (w[p - 1].head == v && w[p - 1].rel == R_OBJ);
        if (!after)
            continue;
        bool obj = false;
        for (int j = 0; j < n && !obj; j++)
            obj = w[j].head == v && w[j].rel == R_OBJ;
        /* only words that are particles more often than prepositions
         * ("insisted on a solution" keeps its preposition) */
        static const char *const prts[] = {"over", "down", "up", "off", "out", "back", "away",
                                           "aside"};
        bool particle = false;
        for (size_t q = 0; q < SR_ARRAY_LEN(prts) && !particle; q++)
            particle = strcmp(w[p].lower, prts[q]) == 0;
        if (!out_of && (obj || p != v + 1 || !particle))
            continue;
        /* the phrasal verb right before the word must be the
         * dictionary's ("handed over"); "out of" after a verb's object
         * is always its particle and a preposition */
        uint8_t rel = w[p].rel;
        int head = w[p].head;
        w[p].head = v;
        w[p].rel = R_PRT;
        verbhit h;
        bool known = out_of || (sr_find_verb(cs, v, &h) && h.hi == p);
        if (!known) {
            w[p].head = head;
            w[p].rel = rel;
            continue;
        }
        if (!out_of)
            w[k].rel = R_OBJ;
    }
}

/* "Hungary shut down its border" tagged with "shut" an auxiliary and
 * "down" the verb: a word tagged as an auxiliary that is no auxiliary of
 * English, before a particle tagged as its verb, is the verb and the
 * particle its own. Own mode only. */
static void repair_aux_particle(cword *w, int n)
{
    static const char *const auxes[] = {"be", "have", "do", "will", "would", "can", "could",
                                        "may", "might", "must", "shall", "should", "ought",
                                        "get", "need", "dare", "use", "to", "going"};
    static const char *const prts[] = {"down", "up", "off", "out", "over", "back", "away"};
    for (int a = 0; a + 1 < n; a++) {
        int h = a + 1;
        if (w[a].upos != SR_UPOS_AUX || w[a].head != h || w[h].upos != SR_UPOS_VERB)
            continue;
        bool aux = false, prt = false;
        for (size_t k = 0; k < SR_ARRAY_LEN(auxes) && !aux; k++)
            aux = strcmp(w[a].lemma, auxes[k]) == 0 || strcmp(w[a].lower, auxes[k]) == 0;
        for (size_t k = 0; k < SR_ARRAY_LEN(prts) && !prt; k++)
            prt = strcmp(w[h].lower, prts[k]) == 0;
        if (aux || !prt)
            continue;
        for (int j = 0; j < n; j++)
            if (j != a && w[j].head == h)
                w[j].head = a;
        w[a].head = w[h].head;
        w[a].rel = w[h].head < 0 ? R_ROOT : w[h].rel;
        w[a].upos = SR_UPOS_VERB;
        w[h].head = a;
        w[h].rel = R_PRT;
        w[h].upos = SR_UPOS_ADP;
    }
}

/* "The UN Secretary-General appealed for calm" parsed with the subject's
 * words hung on the verb ("The" its det, "UN" and "Secretary" compounds)
 * and no subject: a finite verb (VBD, VBZ, VBP) with no subject of its
 * own whose dependents before it are only determiners, adjectives and
 * compounds, the last a noun right before the verb or heading the words
 * up to it, has that noun as its subject, the others modifying it. Own
 * mode only. */
static void repair_absorbed_subject(cword *w, const sr_word *x, int n)
{
    for (int v = 1; v < n; v++) {
        const char *xp = x[v].xpos ? x[v].xpos : "";
        if (w[v].upos != SR_UPOS_VERB ||
            !finite_tag(xp))
            continue;
        int s = -1, det = 0;
        bool ok = true;
        for (int i = 0; i < n && ok; i++) {
            if (w[i].head != v)
                continue;
            uint8_t r = w[i].rel;
            if (r == R_NSUBJ || r == R_NSUBJPASS || r == R_CSUBJ || r == R_EXPL)
                ok = false;
            else if (i < v && r == R_DET)
                det++;
            else if (i < v && r == R_COMPOUND &&
                     (w[i].upos == SR_UPOS_NOUN || w[i].upos == SR_UPOS_PROPN))
                s = i;
            else if (i < v && r != R_AMOD && r != R_COMPOUND && r != R_PUNCT)
                ok = false;
        }
        if (!ok || s < 0 || det == 0)
            continue;
        /* the noun's phrase reaches the verb */
        int end = s;
        for (int i = s + 1; i < v; i++) {
            int h = w[i].head, steps = 0;
            while (h >= 0 && h != s && steps++ < n)
                h = w[h].head;
            if (h == s)
                end = i;
        }
        if (end != v - 1)
            continue;
        for (int i = 0; i < s; i++)
            if (w[i].head == v)
                w[i].head = s;
        w[s].head = v;
        w[s].rel = R_NSUBJ;
    }
}

/* "Prime Minister Meles Zenawi and President Isaias Afwerki signed a
 * peace treaty": two titled names joined by "and" before the sentence's
 * first verb, which the parser tears apart (the first title hung on the
 * verb, the first name made a compound of the second title, or the verb
 * made a clause of the first name). When every word before the verb is
 * a title or name word (a proper or common noun, an adjective, a
 * determiner, a title's "of" between two common nouns: "chief of staff"),
 * with one "and" and a proper name on each side of it and
 * right before the verb, the two sides are the verb's coordinated
 * subject: each side's last word (its name) heads it, the first is the
 * subject, the second its conjunct, and the verb is the root. Own mode
 * only. */
static void repair_titled_pair(cword *w, int n)
{
    int v = -1, and = -1;
    for (int i = 0; i < n && v < 0; i++) {
        uint8_t u = w[i].upos;
        if (u == SR_UPOS_VERB) {
            v = i;
        } else if (u == SR_UPOS_CCONJ && strcmp(w[i].lower, "and") == 0 && and < 0) {
            and = i;
        } else if (u == SR_UPOS_ADP && strcmp(w[i].lower, "of") == 0 && i > 0 && i + 1 < n &&
                   w[i - 1].upos == SR_UPOS_NOUN && w[i + 1].upos == SR_UPOS_NOUN) {
            continue;   /* a title's own "of": "chief of staff", "minister of state" */
        } else if (u != SR_UPOS_PROPN && u != SR_UPOS_NOUN && u != SR_UPOS_ADJ &&
                   u != SR_UPOS_DET) {
            return;
        }
    }
    if (v < 3 || and < 1 || and >= v - 1 || w[and - 1].upos != SR_UPOS_PROPN ||
        w[v - 1].upos != SR_UPOS_PROPN)
        return;
    int a = and - 1, b = v - 1;
    for (int j = v + 1; j < n; j++)
        if (w[j].head >= 0 && w[j].head < v)
            w[j].head = v;
    w[v].head = -1;
    w[v].rel = R_ROOT;
    for (int i = 0; i < v; i++) {
        int h = i < and ? a : b;
        if (i == a) {
            w[i].head = v;
            w[i].rel = R_NSUBJ;
        } else if (i == b) {
            w[i].head = a;
            w[i].rel = R_CONJ;
        } else if (i == and) {
            w[i].head = b;
            w[i].rel = R_CC;
        } else if (w[i].upos == SR_UPOS_ADP) {
            w[i].head = i + 1;
            w[i].rel = R_CASE;
        } else if (i > 0 && w[i - 1].upos == SR_UPOS_ADP) {
            w[i].head = i - 2;      /* "of staff" modifies "chief" */
            w[i].rel = R_NMOD;
        } else {
            w[i].head = h;
            w[i].rel = w[i].upos == SR_UPOS_DET ? R_DET
                       : w[i].upos == SR_UPOS_ADJ ? R_AMOD
                       : (w[i].upos == SR_UPOS_PROPN && i > 0 && w[i - 1].upos == SR_UPOS_PROPN &&
                          i - 1 != and) ? R_FLAT : R_COMPOUND;
        }
    }
}

/* The sentence's root when it is its only root and a noun or proper
 * noun (the shape the repairs below mend), else -1. */
static int noun_root(const cword *w, int n)
{
    int r = -1;
    for (int i = 0; i < n; i++)
        if (w[i].head < 0) {
            if (r >= 0)
                return -1;         /* two roots: leave the sentence */
            r = i;
        }
    if (r < 0 || (w[r].upos != SR_UPOS_NOUN && w[r].upos != SR_UPOS_PROPN))
        return -1;
    return r;
}

/* "Thousands of Chinese students hurled stones at the U.S. embassy" and
 * "Supporters of Jair Bolsonaro stormed Brazil's Congress" parsed as one
 * noun phrase, the past tense an adjective of its object ("hurled
 * stones") or a modifier of the root noun: a sentence whose root is a
 * noun with no copula, whose first verb form is a past tense (VBD, or an
 * "-ed" form the parser made an adjective of a later noun) right after a
 * noun, with no subject, auxiliary or marker of its own and no verb
 * before it, is a clause: the form is the root, the noun phrase before
 * it (the root noun, or the phrase of the noun right before the form)
 * its subject, the noun it modified its object; the words between the
 * root noun and the form that the parser hung on the form ("of Jair
 * Bolsonaro") modify the noun again, and the root noun's modifiers after
 * the form are the verb's. Own mode only. */
static void repair_finite_noun_root(cword *w, const sr_word *x, int n)
{
    int r = noun_root(w, n);
    if (r < 0)
        return;
    int v = -1;
    for (int i = 0; i < n && v < 0; i++) {
        const char *xp = x[i].xpos ? x[i].xpos : "";
        size_t fl = strlen(w[i].lower);
        bool ed = fl > 4 && strcmp(w[i].lower + fl - 2, "ed") == 0 && w[i].rel == R_AMOD &&
                  w[i].head > i && (strcmp(xp, "JJ") == 0 || strcmp(xp, "VBN") == 0);
        if (w[i].upos == SR_UPOS_AUX)
            return;
        if (w[i].upos == SR_UPOS_VERB && strcmp(xp, "VBD") != 0 && !ed)
            return;             /* another verb form first: leave it */
        if (strcmp(xp, "VBD") == 0 || ed)
            v = i;
    }
    if (v < 1 || (w[v - 1].upos != SR_UPOS_NOUN && w[v - 1].upos != SR_UPOS_PROPN))
        return;
    for (int j = 0; j < n; j++) {
        uint8_t rel = w[j].rel;
        if (w[j].head == v && (rel == R_NSUBJ || rel == R_NSUBJPASS || rel == R_AUX ||
                               rel == R_AUXPASS || rel == R_MARK || rel == R_COP))
            return;
        if (w[j].head == r && rel == R_COP)
            return;
    }
    int o = w[v].rel == R_AMOD && w[v].head > v ? w[v].head : -1;
    int s = r;
    if (r > v) {
        /* the root after the form ("helicopters ferried water"): the
         * subject is the phrase of the noun before the form */
        if (o != r)
            return;
        s = v - 1;
        while (w[s].head >= 0 && w[s].head < v && w[s].head != s &&
               (w[s].rel == R_FLAT || w[s].rel == R_COMPOUND || w[s].rel == R_AMOD))
            s = w[s].head;
        if (w[s].head != r && w[s].head != v)
            return;
    }
    if (o == s)
        return;
    bool obj = false;
    for (int j = 0; j < n; j++)
        obj |= w[j].head == v && (w[j].rel == R_OBJ || w[j].rel == R_CCOMP);
    verb_root(w, v, s);
    if (o >= 0 && !obj) {
        w[o].head = v;
        w[o].rel = R_OBJ;
    }
    /* "of Jair Bolsonaro" hung on the form: the subject's modifier */
    int top = -1;
    for (int j = v - 1; j > s; j--)
        if (w[j].head == v && (w[j].upos == SR_UPOS_NOUN || w[j].upos == SR_UPOS_PROPN)) {
            top = j;
            break;
        }
    for (int j = s + 1; j < v; j++) {
        if (w[j].head != v)
            continue;
        if (j == top) {
            w[j].head = s;
            w[j].rel = R_NMOD;
        } else if (top >= 0) {
            w[j].head = top;
        } else {
            w[j].head = s;
        }
    }
    for (int j = v + 1; j < n; j++)
        if (w[j].head == s) {
            w[j].head = v;
            if (w[j].rel == R_NMOD)
                w[j].rel = R_OBL;
        }
}

/* "Indian Prime Minister Atal Bihari Vajpayee crossed into Pakistan by
 * bus" parsed as one noun phrase, the verb a participle clause of the
 * name (and "by bus" then read as a passive's agent): a sentence whose
 * root is a noun with no copula, and whose first verb is a clause (acl)
 * of that noun or of a word of its name, right after it with no comma,
 * no subject, auxiliary, marker or "by" agent of its own, and no other
 * verb on the noun, is a clause: the verb is the root and the noun its
 * subject. News sentences are clauses; a noun root with a bare
 * participle is the parser's misreading of the past tense. Own mode
 * only. */
static void repair_participle_root(cword *w, int n)
{
    int r = noun_root(w, n);
    if (r < 0)
        return;
    int v = -1;
    for (int i = 0; i < n; i++) {
        if (w[i].upos != SR_UPOS_VERB && w[i].upos != SR_UPOS_AUX)
            continue;
        if (v >= 0)
            break;
        v = i;
    }
    if (v <= r || w[v].rel != R_ACL || w[v].upos != SR_UPOS_VERB)
        return;
    int h = w[v].head;
    while (h >= 0 && h != r && (w[h].rel == R_FLAT || w[h].rel == R_COMPOUND))
        h = w[h].head;
    if (h != r)
        return;
    for (int i = r + 1; i < v; i++)
        if (w[i].upos == SR_UPOS_PUNCT || w[i].upos == SR_UPOS_ADP)
            return;
    for (int j = 0; j < n; j++) {
        uint8_t rel = w[j].rel;
        if (w[j].head == v && (rel == R_NSUBJ || rel == R_NSUBJPASS || rel == R_AUX ||
                               rel == R_AUXPASS || rel == R_MARK || rel == R_AGENT))
            return;
        if (w[j].head == r && (rel == R_COP || (j != v && w[j].upos == SR_UPOS_VERB)))
            return;
    }
    for (int j = v + 1; j < n; j++)
        if (w[j].head == r)
            w[j].head = v;
    verb_root(w, v, r);
}

/* "Fighting between Armenian and Azerbaijani forces resumed on Monday"
 * parsed with the gerund the root and the sentence's past tense a clause
 * of it: a sentence that opens with a capitalised gerund (no subject,
 * object, auxiliary or marker of its own) whose clause (xcomp, ccomp,
 * conj, parataxis, advcl) is a finite past or present verb after it
 * with no subject: that verb is the root and the gerund, a noun, its
 * subject; the gerund's modifiers before the verb stay its own (an
 * oblique becomes a noun's modifier), the rest go to the verb. Own mode
 * only. */
static void repair_gerund_subject_root(cword *w, const sr_word *x, int n)
{
    size_t l = n > 2 ? strlen(w[0].lower) : 0;
    if (l < 5 || w[0].head >= 0 || w[0].upos != SR_UPOS_VERB ||
        strcmp(w[0].lower + l - 3, "ing") != 0 || !w[0].form[0] ||
        !(w[0].form[0] >= 'A' && w[0].form[0] <= 'Z'))
        return;
    int v = -1;
    for (int j = 1; j < n; j++) {
        uint8_t r = w[j].rel;
        if (w[j].head != 0)
            continue;
        if (r == R_OBJ || is_subj(r) || r == R_AUX || r == R_AUXPASS || r == R_MARK ||
            r == R_COP)
            return;
        const char *t = x[j].xpos ? x[j].xpos : "";
        if (v < 0 && w[j].upos == SR_UPOS_VERB &&
            (r == R_XCOMP || r == R_CCOMP || r == R_CONJ || r == R_ADVCL || r == R_PARATAXIS) &&
            finite_tag(t))
            v = j;
    }
    if (v < 0) {
        /* or a past participle the parser hung as a reduced relative on
         * a noun of the gerund's phrase ("... Eritrean troops resumed/VBN
         * along the border"), the sentence having no finite verb */
        for (int j = 1; j < n && v < 0; j++) {
            const char *t = x[j].xpos ? x[j].xpos : "";
            if (finite_tag(t) || !strcmp(t, "MD"))
                return;
            if (w[j].upos != SR_UPOS_VERB || strcmp(t, "VBN") != 0 || w[j].rel != R_ACL)
                continue;
            int h = w[j].head, steps = 0;
            while (h > 0 && h < j && steps++ < n)
                h = w[h].head;
            if (h == 0)
                v = j;
        }
        if (v < 0)
            return;
    }
    for (int j = 0; j < n; j++)
        if (w[j].head == v && (is_subj(w[j].rel) || w[j].rel == R_MARK || w[j].rel == R_AUX ||
                               w[j].rel == R_AUXPASS))
            return;
    for (int j = 1; j < n; j++) {
        if (w[j].head != 0 || j == v)
            continue;
        if (j > v || w[j].upos == SR_UPOS_PUNCT) {
            w[j].head = v;
        } else if (w[j].rel == R_OBL) {
            w[j].rel = R_NMOD;
        }
    }
    w[0].upos = SR_UPOS_NOUN;
    w[0].lemma = w[0].lower;        /* "fighting", not the verb */
    w[0].tok.lemma = w[0].tok.form;
    verb_root(w, v, 0);
}

/* "Syria, which has sent troops to Lebanon, accused Israel of aggression"
 * parsed with "Syria" the root, the relative clause hung on it and the
 * sentence's verb a conjunct of the relative clause's verb: a noun root
 * whose relative clause (its subject a relative pronoun) has a verb
 * conjunct joined by a comma alone (no "and", "or", "but") and with no
 * subject of its own is that conjunct's subject, and the conjunct the
 * sentence's verb. A relative clause that coordinates two verbs says
 * "and": "which sent troops and closed its border". Own mode only. */
static void repair_relcl_root(cword *w, int n)
{
    int r = noun_root(w, n);
    if (r < 0)
        return;
    for (int j = 0; j < n; j++)
        if (w[j].head == r && w[j].rel == R_COP)
            return;
    int rc = -1;
    for (int j = r + 1; j < n && rc < 0; j++)
        if (w[j].head == r && w[j].rel == R_RELCL && w[j].upos == SR_UPOS_VERB)
            rc = j;
    if (rc < 0)
        return;
    bool relpron = false;
    for (int j = r + 1; j < rc; j++)
        if (w[j].head == rc && (w[j].rel == R_NSUBJ || w[j].rel == R_NSUBJPASS) &&
            (!strcmp(w[j].lower, "which") || !strcmp(w[j].lower, "who") ||
             !strcmp(w[j].lower, "that")))
            relpron = true;
    if (!relpron)
        return;
    int v = -1;
    for (int j = rc + 1; j < n && v < 0; j++)
        if (w[j].head == rc && w[j].rel == R_CONJ && w[j].upos == SR_UPOS_VERB)
            v = j;
    if (v < 0)
        return;
    int comma = -1;
    for (int j = 0; j < n; j++) {
        if (w[j].head != v)
            continue;
        if (w[j].rel == R_CC || w[j].rel == R_NSUBJ || w[j].rel == R_NSUBJPASS)
            return;
        if (j < v && w[j].rel == R_PUNCT && !strcmp(w[j].form, ","))
            comma = j;
    }
    if (comma < 0)
        return;
    for (int j = comma + 1; j < v; j++)
        if (w[j].head != v)
            return;
    for (int j = v + 1; j < n; j++)
        if (w[j].head == r || w[j].head == rc)
            w[j].head = v;
    verb_root(w, v, r);
}

static int child_of(const cword *w, int n, int h, uint8_t rel)
{
    for (int j = 0; j < n; j++)
        if (w[j].head == h && w[j].rel == rel)
            return j;
    return -1;
}

/* "Britain, Canada and Australia pledged military support" parsed with
 * the first name the root and the rest the subject of a relative clause
 * on it (or on its apposition: "Saudi Arabia, the United Arab Emirates,
 * Bahrain and Egypt cut ties"): a noun root followed by a comma, whose
 * relative or adnominal clause has a noun subject (no relative pronoun)
 * after that comma, with "and" between the root and the verb, the root
 * a proper name opening the sentence and the clause's subject with a
 * conjunct of its own, is the first member of the verb's coordinated subject. The verb becomes the
 * root, the root its subject, the clause's subject, its conjuncts and the
 * root's appositions the root's conjuncts. Own mode only. */
static void repair_list_root(cword *w, int n)
{
    int r = noun_root(w, n);
    if (r < 0 || r + 2 >= n || w[r].upos != SR_UPOS_PROPN || strcmp(w[r + 1].form, ",") != 0)
        return;
    /* the root's name opens the sentence ("Saudi Arabia", "the United
     * States"): not "By 2015, the market was in a slide, as ..." */
    for (int j = 0; j < r; j++)
        if (w[j].head != r || (w[j].rel != R_DET && w[j].rel != R_COMPOUND &&
                               w[j].rel != R_AMOD && w[j].rel != R_FLAT))
            return;
    int v = -1;
    for (int j = r + 1; j < n && v < 0; j++) {
        int h = w[j].head;
        if (w[j].upos == SR_UPOS_VERB && (w[j].rel == R_RELCL || w[j].rel == R_ACL) && h >= 0 &&
            (h == r || (w[h].rel == R_APPOS && w[h].head == r)))
            v = j;
    }
    if (v < 0)
        return;
    int s = -1;
    bool and = false;
    for (int j = r + 1; j < v; j++) {
        if (w[j].head == v && (w[j].rel == R_NSUBJ || w[j].rel == R_NSUBJPASS))
            s = j;
        if (w[j].head == v && (w[j].rel == R_MARK || w[j].upos == SR_UPOS_PRON ||
                               w[j].upos == SR_UPOS_AUX))
            return;     /* "that", "which", "who", an auxiliary: a real clause */
        if (w[j].upos == SR_UPOS_CCONJ && strcmp(w[j].lower, "and") == 0)
            and = true;
    }
    if (s < 0 || !and || (w[s].upos != SR_UPOS_PROPN && w[s].upos != SR_UPOS_NOUN) ||
        child_of(w, n, s, R_CONJ) < 0)
        return;     /* the subject ends the list: "Canada [and Australia]" */
    for (int j = 0; j < n; j++) {
        if (j == v || j == s)
            continue;
        if (w[j].head == s && w[j].rel == R_CONJ)
            w[j].head = r;
        else if (w[j].head == r && w[j].rel == R_APPOS && j < v)
            w[j].rel = R_CONJ;
        else if (j > v && w[j].head == r)
            w[j].head = v;
    }
    w[s].head = r;
    w[s].rel = R_CONJ;
    verb_root(w, v, r);
}

/* "RUF fighters held hundreds of U.N. peacekeepers hostage" parsed with
 * "hostage" an oblique of the verb with no preposition (obl:unmarked) and
 * the people its compound: the word "hostage" or "captive" after the
 * object of "hold", "take" or "keep", with no preposition of its own, is
 * the verb's secondary predicate (xcomp, as in "held him hostage"), and a
 * noun the parser made its compound that carries its own "of" belongs to
 * the object ("hundreds of ... peacekeepers"). Own mode only. */
static void repair_hostage_oblique(cword *w, int n)
{
    static const char *const verbs[] = {"hold", "take", "keep"};
    for (int h = 0; h < n; h++) {
        int v = w[h].head;
        if (v < 0 || w[h].rel != R_OBL ||
            (strcmp(w[h].lemma, "hostage") != 0 && strcmp(w[h].lemma, "captive") != 0))
            continue;
        bool verb = false;
        for (size_t k = 0; k < SR_ARRAY_LEN(verbs) && !verb; k++)
            verb = strcmp(w[v].lemma, verbs[k]) == 0;
        int obj = -1;
        bool has_case = false;
        for (int j = 0; j < n; j++) {
            if (w[j].head == v && w[j].rel == R_OBJ && j < h)
                obj = j;
            if (w[j].head == h && w[j].rel == R_CASE)
                has_case = true;
        }
        if (!verb || obj < 0 || has_case)
            continue;
        w[h].rel = R_XCOMP;
        for (int j = obj + 1; j < h; j++) {
            if (w[j].head != h || w[j].rel != R_COMPOUND)
                continue;
            bool of = false;
            for (int k = obj + 1; k < j; k++)
                if (w[k].head == j && w[k].rel == R_CASE && strcmp(w[k].lower, "of") == 0)
                    of = true;
            if (of) {
                w[j].head = obj;
                w[j].rel = R_NMOD;
            }
        }
    }
}

/* "reopened the Kerem Shalom crossing" with "crossing" tagged as a verb
 * (a clause of "reopened") and the name its object: a gerund right after
 * a name that the determiner "the" opens, or right after a common noun
 * with a possessive ("reopened its border crossing with Togo"), with no
 * object, subject, auxiliary or subordinator of its own, is the head noun
 * of that phrase. Own mode only. */
static void repair_ing_noun(csent *cs)
{
    cword *w = cs->w;
    int n = cs->n;
    for (int g = 2; g < n; g++) {
        size_t l = strlen(w[g].lower);
        int o = g - 1, v = w[o].head;
        if (w[g].upos != SR_UPOS_VERB || l < 5 || strcmp(w[g].lower + l - 3, "ing") != 0 ||
            (w[g].rel != R_ADVCL && w[g].rel != R_ACL && w[g].rel != R_XCOMP) ||
            (w[o].upos != SR_UPOS_PROPN && w[o].upos != SR_UPOS_NOUN) || v < 0 ||
            w[g].head != v ||
            (w[o].rel != R_OBJ && w[o].rel != R_NSUBJ && w[o].rel != R_NSUBJPASS))
            continue;
        bool the = false, own = false;
        for (int j = 0; j < o; j++)
            if (w[j].head == o &&
                (w[o].upos == SR_UPOS_PROPN
                     ? w[j].rel == R_DET && strcmp(w[j].lower, "the") == 0
                     : w[j].rel == R_POSS))
                the = true;
        for (int j = 0; j < n && !own; j++)
            own = w[j].head == g && (w[j].rel == R_OBJ || is_subj(w[j].rel) || w[j].rel == R_AUX ||
                                     w[j].rel == R_MARK || w[j].rel == R_CCOMP ||
                                     w[j].rel == R_XCOMP);
        if (!the || own)
            continue;
        for (int j = 0; j < n; j++)
            if (j != g && w[j].head == o && w[j].rel != R_COMPOUND && w[j].rel != R_FLAT)
                w[j].head = g;
        w[g].head = v;
        w[g].rel = w[o].rel;
        w[g].upos = SR_UPOS_NOUN;
        w[o].head = g;
        w[o].rel = R_COMPOUND;
        /* its lemma is the form ("crossing"), not the verb */
        w[g].lemma = w[g].lower;
        w[g].tok.lemma = w[g].tok.form;
    }
}

/* A past tense of a verb made with "over" or "under" that the tagger took
 * for a preposition, the case word of the noun after it ("Rebels overran
 * a government garrison" with "overran" the case of "garrison"): it is
 * the verb and the noun its object. Its subject is the noun the phrase
 * hung on ("Rebels" as the root), or the subject of the verb it hung on
 * that stands right before it when that verb has another subject after
 * it ("Rebels overran a garrison ..., the army said"). Own mode only. */
static void repair_prefixed_past(csent *cs)
{
    static const char *const past[][2] = {
        {"overran", "overrun"}, {"overtook", "overtake"}, {"overthrew", "overthrow"},
        {"overcame", "overcome"}, {"undertook", "undertake"}};
    cword *w = cs->w;
    int n = cs->n;
    for (int i = 1; i + 1 < n; i++) {
        const char *lemma = NULL;
        for (size_t k = 0; k < SR_ARRAY_LEN(past) && !lemma; k++)
            if (strcmp(w[i].lower, past[k][0]) == 0)
                lemma = past[k][1];
        int o = w[i].head;
        if (!lemma || w[i].upos != SR_UPOS_ADP || w[i].rel != R_CASE || o <= i ||
            (w[o].upos != SR_UPOS_NOUN && w[o].upos != SR_UPOS_PROPN))
            continue;
        int p = w[o].head;
        if (p < 0)
            continue;
        int subj = -1;
        if (p < i && (w[p].upos == SR_UPOS_NOUN || w[p].upos == SR_UPOS_PROPN)) {
            subj = p;                   /* "Rebels overran the town" */
            w[i].head = w[p].head;
            w[i].rel = w[p].head < 0 ? R_ROOT : w[p].rel;
            for (int j = i + 1; j < n; j++)
                if (j != o && w[j].head == p)
                    w[j].head = i;
        } else if (p > o && w[p].upos == SR_UPOS_VERB) {
            for (int j = i - 1; j >= 0 && subj < 0; j--)
                if (w[j].head == p && is_subj(w[j].rel))
                    subj = j;
            bool other = false;
            for (int j = o + 1; j < n && !other; j++)
                other = w[j].head == p && is_subj(w[j].rel);
            if (subj < 0 || !other)
                continue;
            w[i].head = p;              /* "..., the army said" */
            w[i].rel = R_CCOMP;
        } else {
            continue;
        }
        w[subj].head = i;
        w[subj].rel = R_NSUBJ;
        w[o].head = i;
        w[o].rel = R_OBJ;
        w[i].upos = SR_UPOS_VERB;
        w[i].lemma = lemma;
        sr_dict_tok(cs->d, w[i].form, lemma, &w[i].tok);
    }
}

bool sr_csent_init(csent *cs, const sr_coder *c, sr_doc *doc, uint32_t si,
                   sr_arena *tmp)
{
    memset(cs, 0, sizeof *cs);
    cs->c = c;
    cs->d = c->dict;
    cs->doc = doc;
    cs->si = si;
    cs->s = &doc->sentences[si];
    cs->tmp = tmp;
    int n = (int)cs->s->nwords;
    if (n <= 0 || cs->s->first_word + (uint32_t)n > doc->nwords)
        return false;
    cs->n = n;
    cs->w = sr_arena_alloc(tmp, (size_t)n * sizeof *cs->w);
    const sr_word *src = doc->words + cs->s->first_word;
    int nkids = 0;
    for (int i = 0; i < n; i++) {
        cword *w = &cs->w[i];
        const sr_word *x = &src[i];
        w->form = x->form ? x->form : "";
        w->lower = lower_dup(tmp, w->form);
        w->lemma = x->lemma ? lower_dup(tmp, x->lemma) : w->lower;
        w->upos = x->upos;
        w->rel = sr_rel_class(x->deprel);
        w->head = (x->head >= 1 && x->head <= (uint32_t)n && x->head != (uint32_t)i + 1)
                      ? (int)x->head - 1 : -1;
        if (w->head < 0)
            w->rel = R_ROOT;
        w->neg = is_neg_word(w->lower);
        w->np = -1;
        w->hyph = SR_NOWORD;
        sr_dict_tok(cs->d, w->form, x->lemma ? x->lemma : NULL, &w->tok);
        if (!c->opt.petrarch && c->explicit_targets) {
            plural_lemma(cs->d, w, tmp);
            currency_lemma(cs->d, w, tmp);
        }
    }
    if (!c->opt.petrarch && c->explicit_targets) {
        hyphenated_words(cs->d, cs->w, n);
        repair_titled_pair(cs->w, n);
        repair_participle_root(cs->w, n);
        repair_finite_noun_root(cs->w, src, n);
        repair_relcl_root(cs->w, n);
        repair_gerund_subject_root(cs->w, src, n);
        repair_aux_particle(cs->w, n);
        repair_prefixed_past(cs);
        repair_phrasal_noun(cs);
        repair_double_object(cs);
        repair_particle_as_case(cs);
        repair_ing_noun(cs);
        repair_verb_as_adjective(cs->w, src, n);
        repair_second_subject(cs->w, src, n);
        repair_vocative(cs->w, src, n);
        repair_day_head(cs->w, n);
        repair_object_list(cs->w, n);
        repair_hostage_oblique(cs->w, n);
        repair_absorbed_subject(cs->w, src, n);
        repair_list_root(cs->w, n);
    }
    repair(cs->w, src, n, !c->opt.petrarch && c->explicit_targets);
    for (int i = 0; i < n; i++)
        if (cs->w[i].head >= 0)
            nkids++;
    /* children, in sentence order */
    cs->kids = sr_arena_alloc(tmp, (size_t)(nkids + 1) * sizeof *cs->kids);
    for (int i = 0; i < n; i++)
        if (cs->w[i].head >= 0)
            cs->w[cs->w[i].head].nkids++;
    int at = 0;
    for (int i = 0; i < n; i++) {
        cs->w[i].kid0 = at;
        at += cs->w[i].nkids;
        cs->w[i].nkids = 0;
    }
    for (int i = 0; i < n; i++) {
        int h = cs->w[i].head;
        if (h >= 0)
            cs->kids[cs->w[h].kid0 + cs->w[h].nkids++] = i;
    }
    /* subtree spans, bottom-up by repeated relaxation over heads (each word
     * pushes its span to its ancestors; bounded by n steps) */
    for (int i = 0; i < n; i++)
        cs->w[i].sub_lo = cs->w[i].sub_hi = i;
    for (int i = 0; i < n; i++) {
        int h = cs->w[i].head, steps = 0;
        while (h >= 0 && steps++ < n) {
            if (cs->w[h].sub_lo > i)
                cs->w[h].sub_lo = i;
            if (cs->w[h].sub_hi < i)
                cs->w[h].sub_hi = i;
            h = cs->w[h].head;
        }
    }
    cs->meaning = sr_arena_alloc(tmp, (size_t)n * sizeof *cs->meaning);
    cs->meaning_state = sr_arena_alloc(tmp, (size_t)n);
    return true;
}

bool sr_is_nominal(const csent *cs, int i)
{
    uint8_t u = cs->w[i].upos;
    return u == SR_UPOS_NOUN || u == SR_UPOS_PROPN || u == SR_UPOS_PRON ||
           u == SR_UPOS_NUM || u == SR_UPOS_X || u == SR_UPOS_SYM;
}

int sr_child(const csent *cs, int i, int rel)
{
    const cword *w = &cs->w[i];
    for (int k = 0; k < w->nkids; k++)
        if (cs->w[cs->kids[w->kid0 + k]].rel == rel)
            return cs->kids[w->kid0 + k];
    return -1;
}

int sr_child_word(const csent *cs, int i, int rel, const char *word)
{
    const cword *w = &cs->w[i];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        if (cs->w[c].rel == rel && strcmp(cs->w[c].lower, word) == 0)
            return c;
    }
    return -1;
}

bool sr_is_predicate(const csent *cs, int i)
{
    if (cs->w[i].upos == SR_UPOS_VERB)
        return true;
    if (sr_child(cs, i, R_COP) >= 0)
        return true;
    return sr_child(cs, i, R_NSUBJ) >= 0 || sr_child(cs, i, R_NSUBJPASS) >= 0;
}

char *sr_span_text(const csent *cs, int lo, int hi, sr_arena *a)
{
    if (lo < 0 || hi < lo || hi >= cs->n)
        return sr_arena_strdup(a, "");
    const sr_word *src = cs->doc->words + cs->s->first_word;
    uint32_t s = src[lo].start, e = src[hi].end;
    if (e > s && e <= cs->doc->body_len)
        return sr_arena_strndup(a, cs->doc->body + s, e - s);
    /* offsets unknown: join the forms */
    sr_buf b;
    sr_buf_init(&b);
    for (int i = lo; i <= hi; i++) {
        if (i > lo && src[i - 1].space_after)
            sr_buf_putc(&b, ' ');
        sr_buf_puts(&b, cs->w[i].form);
    }
    char *out = sr_arena_strndup(a, b.data ? b.data : "", b.len);
    sr_buf_free(&b);
    return out;
}
