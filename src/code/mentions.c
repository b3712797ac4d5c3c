/*
 * mentions.c — actors in noun phrases.
 *
 * First the words are scanned left to right for dictionary phrases, actors
 * and agents alike, longest match first (an actor wins a tie). Each phrase
 * found is attached to the head of the noun phrase it modifies: from the
 * phrase's own head word, up through compound, flat-name, adjective,
 * determiner, numeral and possessive relations ("Gondor's government",
 * "Russian police", "Minas Tirith border police" all end at the last noun).
 *
 * In sitrep's own mode a person named at the head of a phrase is the
 * phrase's actor with the person's dated code, whatever titles and
 * adjectives come before the name (own_actors).
 *
 * The meaning of a noun phrase is then, in PETRARCH-2's order of priority:
 *   1. the actors and agents attached to it: an actor's code (the one valid
 *      on the event date) with the agents composed onto it ("Iranian" IRN +
 *      "foreign minister" ~GOVFRM = IRNGOVFRM; "MSF" NGO~ + "Arnor" ARN =
 *      NGOARN), an agent's code not repeated when the actor already has it
 *      (White House USAGOV + officials ~GOV = USAGOV);
 *   2. agents without an actor take the actors of the prepositional
 *      modifiers ("ambassadors of Arnor" = ARNGOV), else stay as "---GOV";
 *   3. a phrase with nothing of its own takes the actors of its
 *      prepositional modifiers ("an attack by Osgiliath soldiers"), then of
 *      its relative or participial clause ("the roads leading into
 *      Mordor"), then of its apposition;
 *   4. a pronoun takes the actors of its antecedent: the subject of the
 *      nearest clause above it that has one, else the nearest actor before
 *      it; in sitrep's own mode "the group", "the movement" take a
 *      non-state group that is the subject above them;
 *   5. conjuncts add their own actors ("Arnor and Gondor"); a conjunct with
 *      agents but no actor borrows the actor and modifier agents of the
 *      first ("the Danish media and government" = DNKMED, DNKGOV).
 * Recursion is memoised per word and guarded against cycles, so a
 * sentence with 500 actors costs linear work.
 */
#include "coder.h"
#include "../core/internal.h"

#include <stdio.h>
#include <string.h>

/* ---- finding phrases ------------------------------------------------------ */


/* The head of the noun phrase that contains word i. */
static int np_head_of(const csent *cs, int i)
{
    int steps = 0;
    while (sr_climbs(cs->w[i].rel) && cs->w[i].head >= 0 && steps++ < cs->n)
        i = cs->w[i].head;
    return i;
}

/* ---- noun-phrase chunks ---------------------------------------------------
 *
 * The parser sometimes splits one noun phrase of names and titles into
 * pieces that hang apart ("Bree Prime Minister Romendacil" as a subject
 * "Bree" and a second subject "Romendacil" with "Minister" under it;
 * "Dagolath's first Deputy Prime Minister Telemar" with "Prime Minister"
 * an apposition). PETRARCH composes the actor and the agent of such a
 * phrase (BREGOV), and so does sitrep: a chunk is a run of adjacent words
 * that can only belong to one noun phrase (determiner or possessive
 * pronoun first, then nouns, names, adjectives, numbers, a possessive 's,
 * "and" between two adjectives); when a chunk holds agent and actor
 * phrases that the tree put under different heads, and no two actors
 * of different codes under different heads with no title between them
 * (that would be two phrases side by side: "told Reuters Iranian
 * officials"; but "Ithilen's minister Calimehtar" is one), every word of the chunk is taken as part
 * of one noun phrase, headed by the chunk's word whose head lies outside
 * it (the first such word that is a core argument, else the first). */

static bool chunk_word(const csent *cs, int i, bool first)
{
    const cword *w = &cs->w[i];
    switch (w->upos) {
    case SR_UPOS_NOUN: case SR_UPOS_PROPN: case SR_UPOS_ADJ: case SR_UPOS_NUM:
        return true;
    case SR_UPOS_DET:
        return first;
    case SR_UPOS_PRON:
        return first && w->rel == R_POSS;
    case SR_UPOS_PART:
        return !first && (strcmp(w->lower, "'s") == 0 || strcmp(w->lower, "'") == 0);
    case SR_UPOS_PUNCT:     /* the hyphen of "state-run" */
        return !first && strcmp(w->form, "-") == 0 && i + 1 < cs->n &&
               cs->doc->words[cs->s->first_word + (uint32_t)i - 1].space_after == 0 &&
               cs->doc->words[cs->s->first_word + (uint32_t)i].space_after == 0;
    case SR_UPOS_CCONJ:
        return !first && i + 1 < cs->n && cs->w[i - 1].upos == SR_UPOS_ADJ &&
               cs->w[i + 1].upos == SR_UPOS_ADJ;
    default:
        return false;
    }
}

static void merge_chunks(csent *cs)
{
    int n = cs->n;
    for (int lo = 0; lo < n;) {
        if (!chunk_word(cs, lo, true)) {
            lo++;
            continue;
        }
        int hi = lo + 1;
        while (hi < n && chunk_word(cs, hi, false))
            hi++;
        /* words [lo, hi) */
        int agents = 0, actor_head = -2;
        const char *actor_code = NULL;
        bool split = false, two_actors = false;
        int first_head = -2;
        for (int k = 0; k < cs->nm; k++) {
            const mention *m = &cs->m[k];
            if (m->start < lo || m->end > hi)
                continue;
            if (first_head == -2)
                first_head = m->head;
            else if (m->head != first_head)
                split = true;
            if (m->agent) {
                agents++;
            } else if (actor_head == -2) {
                actor_head = m->head;
                actor_code = sr_dict_actor_code_on(cs->d, m->owner, cs->date);
            } else if (m->head != actor_head && !agents &&
                       strcmp(actor_code, sr_dict_actor_code_on(cs->d, m->owner, cs->date)) != 0) {
                /* two actors side by side; a name and the title of the
                 * same actor ("Bree ... Romendacil", both BRE) are one */
                two_actors = true;
            }
        }
        /* the words of the chunk hang under more than one head outside it */
        int roots = 0;
        for (int i = lo; i < hi; i++)
            if (cs->w[i].head < lo || cs->w[i].head >= hi)
                roots++;
        if ((split || roots >= 2) && agents && !two_actors) {
            int rep = -1;
            for (int i = lo; i < hi; i++) {
                int h = cs->w[i].head;
                if (h >= lo && h < hi)
                    continue;
                uint8_t r = cs->w[i].rel;
                bool core = r == R_NSUBJ || r == R_NSUBJPASS || r == R_OBJ || r == R_IOBJ ||
                            r == R_OBL || r == R_NMOD || r == R_AGENT || r == R_ROOT;
                if (rep < 0 || (core && !(cs->w[rep].rel == R_NSUBJ || cs->w[rep].rel == R_NSUBJPASS ||
                                          cs->w[rep].rel == R_OBJ || cs->w[rep].rel == R_IOBJ ||
                                          cs->w[rep].rel == R_OBL || cs->w[rep].rel == R_NMOD ||
                                          cs->w[rep].rel == R_AGENT || cs->w[rep].rel == R_ROOT)))
                    rep = i;
            }
            if (rep >= 0) {
                for (int i = lo; i < hi; i++)
                    cs->w[i].np = rep;
                for (int k = 0; k < cs->nm; k++)
                    if (cs->m[k].start >= lo && cs->m[k].end <= hi)
                        cs->m[k].head = rep;
            }
        }
        lo = hi;
    }
}

/* Whether a and b differ by one edit: a letter changed, added, dropped,
 * or two neighbours swapped ("Ethopia" / "Ethiopia"), before their last
 * two letters (an ending makes another word: "Indiana", "Indians"). */
static bool one_edit(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t sa = 0;
    while (a[sa] && a[sa] == b[sa])
        sa++;
    if (sa + 2 >= (la < lb ? la : lb))
        return false;
    if (la > lb) {
        const char *t = a;
        a = b;
        b = t;
        size_t tl = la;
        la = lb;
        lb = tl;
    }
    if (lb - la > 1)
        return false;
    size_t i = 0;
    while (i < la && a[i] == b[i])
        i++;
    if (i == la)
        return lb == la + 1;
    if (la == lb) {
        if (strcmp(a + i + 1, b + i + 1) == 0)
            return true;
        return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp(a + i + 2, b + i + 2) == 0;
    }
    return strcmp(a + i, b + i + 1) == 0;
}

/* Sitrep's own mode: a capitalised word the dictionary does not know, of
 * 7 letters or more, one edit away from exactly one actor's one-word name
 * (misspellings in news: "Ethopia"), is that actor's name. Returns the
 * phrase id, or SR_NOWORD. */
static uint32_t misspelt_actor(const csent *cs, int i)
{
    const sr_coder *c = cs->c;
    const cword *w = &cs->w[i];
    size_t n = strlen(w->lower);
    if (!c->nlong_names || n < 7 || w->tok.form != SR_NOWORD || w->tok.lemma != SR_NOWORD ||
        (w->upos != SR_UPOS_PROPN && w->upos != SR_UPOS_ADJ) || w->form[0] < 'A' ||
        w->form[0] > 'Z')
        return SR_NOWORD;
    uint32_t found = SR_NOWORD, owner = 0;
    for (size_t k = 0; k < c->nlong_names; k++) {
        const sr_dphrase *ph = &cs->d->phrases[c->long_names[k]];
        const char *name = sr_dstr(cs->d, cs->d->words[cs->d->pwords[ph->words]].str);
        if (name[0] != w->lower[0] || !one_edit(name, w->lower))
            continue;
        if (found != SR_NOWORD && ph->owner != owner)
            return SR_NOWORD;       /* two actors: no guess */
        found = c->long_names[k];
        owner = ph->owner;
    }
    return found;
}

/* Sitrep's own mode and dictionary: a one-word name written in lower case
 * and not tagged as a proper noun is a common word, not the actor ("west
 * of Baghdad" is no WST, "turkey" no TUR), as names are matched without
 * regard to case. */
static bool common_word(const csent *cs, int i)
{
    if (cs->c->opt.petrarch || !cs->c->explicit_targets || cs->w[i].upos == SR_UPOS_PROPN)
        return false;
    for (const char *p = cs->w[i].form; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            return false;
    return true;
}

static bool capitalised(const cword *w)
{
    return w->form[0] >= 'A' && w->form[0] <= 'Z';
}

bool sr_region_code(const char *code)
{
    static const char *const regions[] = {
        "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EUR", "LAM",
        "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "WAF", "WST", "ARB"};
    for (size_t i = 0; i < SR_ARRAY_LEN(regions); i++)
        if (!strncmp(code, regions[i], 3))
            return true;
    return false;
}

/* Sitrep's own mode: a one-word region name next to a capitalised word
 * is part of a longer name the dictionary does not know ("West African",
 * "West Coast", "Kanye West", "Africa Cup"), not the region; a weekday or
 * month after it is no name ("the West Tuesday"). */
static bool region_in_name(const csent *cs, int i, uint32_t pid)
{
    static const char *const dates[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};
    if (cs->c->opt.petrarch || !cs->c->explicit_targets)
        return false;
    const char *code = sr_dict_actor_code_on(cs->d, cs->d->phrases[pid].owner, cs->date);
    if (!sr_region_code(code))
        return false;
    if (i > 0 && capitalised(&cs->w[i - 1]) && cs->w[i - 1].upos == SR_UPOS_PROPN)
        return true;
    if (i + 1 < cs->n && capitalised(&cs->w[i + 1]) && cs->w[i + 1].upos != SR_UPOS_PUNCT) {
        for (size_t k = 0; k < SR_ARRAY_LEN(dates); k++)
            if (!strcmp(cs->w[i + 1].lower, dates[k]))
                return false;
        return true;
    }
    return false;
}

void sr_find_mentions(csent *cs)
{
    int n = cs->n;
    sr_dtok *toks = sr_arena_alloc(cs->tmp, (size_t)n * sizeof *toks);
    for (int i = 0; i < n; i++)
        toks[i] = cs->w[i].tok;
    cs->m = sr_arena_alloc(cs->tmp, (size_t)n * sizeof *cs->m);
    cs->nm = 0;
    for (int i = 0; i < n;) {
        size_t la = 0, lg = 0;
        uint32_t pa = sr_dict_match(cs->d, SR_PK_ACTOR, toks, (size_t)n, (size_t)i, &la);
        uint32_t pg = sr_dict_match(cs->d, SR_PK_AGENT, toks, (size_t)n, (size_t)i, &lg);
        if (pa == SR_NOWORD && pg == SR_NOWORD) {
            pa = misspelt_actor(cs, i);
            la = 1;
        }
        if (pa == SR_NOWORD && pg == SR_NOWORD) {
            i++;
            continue;
        }
        bool agent = pa == SR_NOWORD || (pg != SR_NOWORD && lg > la);
        size_t len = agent ? lg : la;
        /* a pronoun is never a named actor: "us" is not the US, "who" is
         * not the WHO (dictionaries are matched without case) */
        if (len == 1 && cs->w[i].upos == SR_UPOS_PRON) {
            i++;
            continue;
        }
        if (!agent && len == 1 && (common_word(cs, i) || region_in_name(cs, i, pa))) {
            i++;
            continue;
        }
        uint32_t pid = agent ? pg : pa;
        mention *m = &cs->m[cs->nm++];
        m->start = i;
        m->end = i + (int)len;
        m->agent = agent;
        m->owner = cs->d->phrases[pid].owner;
        /* the phrase's own head: the last word whose head lies outside */
        m->anchor = m->end - 1;
        for (int k = m->start; k < m->end; k++) {
            int h = cs->w[k].head;
            if (h < m->start || h >= m->end)
                m->anchor = k;
        }
        m->head = np_head_of(cs, m->anchor);
        for (int k = m->start; k < m->end; k++)
            cs->w[k].np = m->head;
        i = m->end;
    }
    merge_chunks(cs);
    /* group mentions by head: counting sort */
    cs->np_first = sr_arena_alloc(cs->tmp, (size_t)(n + 1) * sizeof(int));
    cs->np_count = sr_arena_alloc(cs->tmp, (size_t)(n + 1) * sizeof(int));
    cs->mention_order = sr_arena_alloc(cs->tmp, (size_t)(cs->nm + 1) * sizeof(int));
    for (int k = 0; k < cs->nm; k++)
        cs->np_count[cs->m[k].head]++;
    int at = 0;
    for (int i = 0; i < n; i++) {
        cs->np_first[i] = at;
        at += cs->np_count[i];
        cs->np_count[i] = 0;
    }
    for (int k = 0; k < cs->nm; k++) {
        int h = cs->m[k].head;
        cs->mention_order[cs->np_first[h] + cs->np_count[h]++] = k;
    }
}

/* ---- composing codes ----------------------------------------------------------- */

/* Whether `code` already carries `agent` at a 3-letter boundary after its
 * first part. */
static bool has_part(const char *code, const char *agent)
{
    size_t n = strlen(code), k = strlen(agent);
    if (k == 0)
        return true;
    for (size_t i = 0; i + k <= n; i += 3)
        if (memcmp(code + i, agent, k) == 0)
            return true;
    return false;
}

/* Whether a code's three-letter parts after the first include one of the
 * given sectors ("IRQREB" has REB). */
static bool has_sector(const char *code, const char *const *sectors, size_t nsectors)
{
    for (size_t i = 3; i + 3 <= strlen(code); i += 3)
        for (size_t k = 0; k < nsectors; k++)
            if (!strncmp(code + i, sectors[k], 3))
                return true;
    return false;
}

/* Whether `code` names a body other than the government: an international
 * organisation, armed group, NGO or company, a country's armed forces,
 * police, courts, legislature or intelligence service, or its rebels,
 * opposition, parties, unions, clergy, media, ... (whose leader, spokesman
 * or officials are the body itself: "a Pentagon spokesman" USAMIL). */
static bool nonstate_body(const char *code)
{
    static const char *const bases[] = {"IGO", "NGO", "IMG", "MNC"};
    static const char *const sectors[] = {"REB", "INS", "SEP", "UAF", "OPP", "PTY", "RAD",
                                          "LAB", "REL", "EDU", "BUS", "MED", "CVL", "NGO",
                                          "HRI", "REF", "MIL", "COP", "JUD", "LEG", "SPY"};
    for (size_t k = 0; k < SR_ARRAY_LEN(bases); k++)
        if (!strncmp(code, bases[k], 3))
            return true;
    return has_sector(code, sectors, SR_ARRAY_LEN(sectors));
}

/* Whether an agent mention names a government itself ("the opposition
 * government", "the Taliban regime"), not a person or office of a body. */
static bool governs(const csent *cs, const mention *m)
{
    static const char *const nouns[] = {"government", "administration", "regime", "cabinet",
                                        "ministry"};
    const char *last = cs->w[m->end - 1].lemma;
    for (size_t k = 0; k < SR_ARRAY_LEN(nouns); k++)
        if (!strcmp(last, nouns[k]))
            return true;
    return false;
}

/* actor code + agents (prefixes before, suffixes after, in order). */
static const char *compose(csent *cs, const char *base, const int *agents, int nag)
{
    char out[128];
    snprintf(out, sizeof out, "%s", base);
    bool own = !cs->c->opt.petrarch && cs->c->explicit_targets;
    for (int i = 0; i < nag; i++) {
        const sr_dagent *ag = &cs->d->agents[cs->m[agents[i]].owner];
        const char *code = sr_dstr(cs->d, ag->code);
        if (has_part(out, code))
            continue;
        /* sitrep's own mode: the leader, spokesman or officials of a body
         * other than the government are that body ("Hezbollah's leader"
         * LBNREB, "rebel leader" REB, "a UN envoy" IGOUNO), not a
         * government */
        if (own && !(ag->flags & SR_AGENT_PREFIX) && !strcmp(code, "GOV") && nonstate_body(out) &&
            !governs(cs, &cs->m[agents[i]]))
            continue;
        char tmp[128];
        size_t ol = strlen(out), cl = strlen(code);
        if (ol + cl + 1 > sizeof tmp)
            break;
        if (ag->flags & SR_AGENT_PREFIX) {
            memcpy(tmp, code, cl);
            memcpy(tmp + cl, out, ol + 1);
        } else {
            memcpy(tmp, out, ol);
            memcpy(tmp + ol, code, cl + 1);
        }
        memcpy(out, tmp, ol + cl + 1);
    }
    return sr_arena_strdup(cs->tmp, out);
}

/* base + the three-letter segments of `suffix`; in sitrep's own mode a
 * segment the base already has is not repeated ("Israeli forces ... and
 * soldiers": ISRMIL, not ISRMILMIL). */
static void join_code(const csent *cs, char *buf, size_t size, const char *base,
                      const char *suffix)
{
    snprintf(buf, size, "%s", base);
    bool own = !cs->c->opt.petrarch && cs->c->explicit_targets;
    for (const char *p = suffix; *p; p += strlen(p) < 3 ? strlen(p) : 3) {
        char seg[4];
        snprintf(seg, sizeof seg, "%.3s", p);
        if (own && has_part(buf, seg))
            continue;
        size_t n = strlen(buf);
        if (n + strlen(seg) + 1 <= size)
            memcpy(buf + n, seg, strlen(seg) + 1);
    }
}

/* ---- lists ----------------------------------------------------------------------- */

static void push(csent *cs, alist *l, int *cap, actor a)
{
    if (l->n == *cap) {
        int ncap = *cap ? *cap * 2 : 4;
        actor *nv = sr_arena_alloc(cs->tmp, (size_t)ncap * sizeof *nv);
        if (l->n)
            memcpy(nv, l->v, (size_t)l->n * sizeof *nv);
        l->v = nv;
        *cap = ncap;
    }
    l->v[l->n++] = a;
}

static void push_all(csent *cs, alist *l, int *cap, const alist *from)
{
    for (int i = 0; i < from->n; i++)
        push(cs, l, cap, from->v[i]);
}

/* The first `max` actors of `from` as what the pronoun at word p stands for
 * (the mention is the pronoun itself). */
static void push_for_pronoun(csent *cs, alist *out, int *cap, const alist *from, int max, int p)
{
    for (int j = 0; j < from->n && j < max; j++) {
        actor a = from->v[j];
        a.pronoun = true;
        a.head = p;
        a.lo = a.hi = p;
        push(cs, out, cap, a);
    }
}

static bool has_strong(const alist *l)
{
    for (int i = 0; i < l->n; i++)
        if (!l->v[i].weak)
            return true;
    return false;
}

/* ---- pronouns ----------------------------------------------------------------------- */

static bool is_pronoun(const csent *cs, int i)
{
    static const char *const prons[] = {
        "it", "its", "he", "his", "him", "she", "her", "they", "their", "them",
        "itself", "himself", "herself", "themselves", "theirs",
    };
    if (cs->w[i].upos != SR_UPOS_PRON && cs->w[i].upos != SR_UPOS_DET)
        return false;
    for (size_t k = 0; k < SR_ARRAY_LEN(prons); k++)
        if (strcmp(cs->w[i].lower, prons[k]) == 0)
            return true;
    return false;
}

static const alist *meaning_rec(csent *cs, int i, int depth);

/* The antecedent of pronoun p: the subject of the nearest clause above it
 * that has one with actors, else the nearest actor phrase before it. */
static void resolve_pronoun(csent *cs, int p, alist *out, int *cap, int depth)
{
    int h = cs->w[p].head, steps = 0;
    const alist *weak_subject = NULL;   /* the nearest subject with agents only */
    while (h >= 0 && steps++ < cs->n) {
        const cword *w = &cs->w[h];
        for (int k = 0; k < w->nkids; k++) {
            int c = cs->kids[w->kid0 + k];
            if ((cs->w[c].rel == R_NSUBJ || cs->w[c].rel == R_NSUBJPASS) && c != p &&
                c < p && !is_pronoun(cs, c)) {
                const alist *l = meaning_rec(cs, c, depth + 1);
                if (has_strong(l)) {
                    push_for_pronoun(cs, out, cap, l, l->n, p);
                    return;
                }
                if (l->n && !weak_subject)
                    weak_subject = l;
            }
        }
        h = w->head;
    }
    for (int k = cs->nm - 1; k >= 0; k--) {
        const mention *m = &cs->m[k];
        if (m->end <= p && !m->agent) {
            const alist *l = meaning_rec(cs, m->head, depth + 1);
            push_for_pronoun(cs, out, cap, l, 1, p);
            return;
        }
    }
    /* "The party said it will boycott ...": the agent that is the subject
     * above ("---PTY", which may take a country later) */
    if (weak_subject) {
        push_for_pronoun(cs, out, cap, weak_subject, weak_subject->n, p);
        return;
    }
    /* none in the sentence: the main subject of the sentences before; a
     * singular pronoun only for one actor, "he" and "she" only for a
     * person's or a body's code (with a sector), not a bare country */
    if (cs->prev && cs->prev->nsubject) {
        const char *pr = cs->w[p].lower;
        bool plural = !strcmp(pr, "they") || !strcmp(pr, "them") || !strcmp(pr, "their") ||
                      !strcmp(pr, "theirs") || !strcmp(pr, "themselves");
        bool it = !strcmp(pr, "it") || !strcmp(pr, "its") || !strcmp(pr, "itself");
        if (!plural && cs->prev->nsubject > 1)
            return;
        if (!plural && !it && strlen(cs->prev->subject[0]) <= 3)
            return;
        for (int j = 0; j < cs->prev->nsubject; j++) {
            actor a = {sr_arena_strdup(cs->tmp, cs->prev->subject[j]), p, p, p, false, true,
                       cs->prev->rule[j], false, false, false};
            push(cs, out, cap, a);
        }
    }
}

/* ---- "the group", "the movement" ------------------------------------------------------ */

/* Whether the code is a group that is not a state: an international armed
 * group or NGO, or a country's rebels, insurgents, separatists, militias,
 * opposition, parties or radicals. */
static bool nonstate_group(const char *code)
{
    static const char *const sectors[] = {"REB", "INS", "SEP", "UAF", "OPP", "PTY", "RAD"};
    if (!strncmp(code, "IMG", 3) || !strncmp(code, "NGO", 3))
        return true;
    return has_sector(code, sectors, SR_ARRAY_LEN(sectors));
}

/* Sitrep's own mode: "the group", "the movement", "the militia", "the
 * organisation" with nothing else of their own stand for the subject of a
 * clause above them when that subject is a group that is not a state
 * ("Hamas said the movement would halt attacks", "the Taliban denied that
 * the group had killed ..."); a state is never "the group" ("Israel said the
 * group fired rockets" names someone else). */
static void resolve_group(csent *cs, int p, alist *out, int *cap, int depth)
{
    static const char *const nouns[] = {"group", "movement", "militia", "organization",
                                        "organisation", "faction"};
    const cword *pw = &cs->w[p];
    if (cs->c->opt.petrarch || !cs->c->explicit_targets || pw->upos != SR_UPOS_NOUN)
        return;
    bool noun = false, the = false;
    for (size_t k = 0; k < SR_ARRAY_LEN(nouns); k++)
        noun |= !strcmp(pw->lemma, nouns[k]) && !strcmp(pw->lower, nouns[k]);
    for (int k = 0; k < pw->nkids; k++) {
        const cword *c = &cs->w[cs->kids[pw->kid0 + k]];
        if (c->rel == R_DET && !strcmp(c->lower, "the"))
            the = true;
        else if (c->rel != R_PUNCT)
            return;     /* "the group of experts", "the armed group" */
    }
    if (!noun || !the)
        return;
    int h = pw->head, steps = 0;
    while (h >= 0 && steps++ < cs->n) {
        const cword *w = &cs->w[h];
        for (int k = 0; k < w->nkids; k++) {
            int c = cs->kids[w->kid0 + k];
            if ((cs->w[c].rel != R_NSUBJ && cs->w[c].rel != R_NSUBJPASS) || c >= p)
                continue;
            const alist *l = meaning_rec(cs, c, depth + 1);
            if (!has_strong(l))
                continue;
            for (int j = 0; j < l->n; j++)
                if (l->v[j].weak || !nonstate_group(l->v[j].code))
                    return;
            push_for_pronoun(cs, out, cap, l, l->n, p);
            return;
        }
        h = w->head;
    }
}

/* ---- definite plurals ---------------------------------------------------------------- */

/* Whether noun i is a definite plural that counts two actors: "the two
 * leaders", "both sides", "the two countries". *people: the noun names
 * persons ("leaders", "men", "ministers"), whose antecedents are people
 * or bodies (codes with a sector), not bare states. */
static bool definite_pair(const csent *cs, int i, bool *people)
{
    static const char *const persons[] = {
        "leader", "man", "woman", "president", "minister", "premier", "official",
        "diplomat", "envoy", "counterpart", "head", "chief", "negotiator", "commander",
    };
    static const char *const groups[] = {
        "country", "nation", "state", "side", "party", "government", "neighbour",
        "neighbor", "capital", "power", "ally", "rival", "adversary", "foe", "enemy",
        "delegation", "army", "military",
    };
    const cword *w = &cs->w[i];
    if (w->upos != SR_UPOS_NOUN)
        return false;
    bool the = false, two = false, both = false;
    for (int k = 0; k < w->nkids; k++) {
        const cword *c = &cs->w[cs->kids[w->kid0 + k]];
        if (!strcmp(c->lower, "both") && (c->rel == R_DET || c->rel == R_CC || c->rel == R_AMOD))
            both = true;
        else if (!strcmp(c->lower, "the") && c->rel == R_DET)
            the = true;
        else if ((!strcmp(c->lower, "two") || !strcmp(c->lower, "2")) && c->rel == R_NUMMOD)
            two = true;
    }
    if (!both && !(the && two))
        return false;
    for (size_t k = 0; k < SR_ARRAY_LEN(persons); k++)
        if (!strcmp(w->lemma, persons[k]))
            return *people = true;
    for (size_t k = 0; k < SR_ARRAY_LEN(groups); k++)
        if (!strcmp(w->lemma, groups[k])) {
            *people = false;
            return true;
        }
    return false;
}

/* Whether an actor code can be an antecedent of a definite plural: a
 * named actor (not a non-actor, not a medium), with a sector when the
 * plural names persons. */
static bool pair_member(const char *code, bool people)
{
    size_t n = strlen(code);
    if (n < 3 || !strncmp(code, "---", 3) || (n >= 6 && !strcmp(code + n - 3, "MED")))
        return false;
    return !people || n > 3;
}

/* Add code to the list of distinct codes `v` (at most `max`), as the
 * latest: an earlier copy moves to the end, the oldest falls out. */
static void recent_add(char (*v)[48], uint32_t *rules, int *n, int max, const char *code,
                       uint32_t rule)
{
    int k = 0;
    while (k < *n && strcmp(v[k], code) != 0)
        k++;
    if (k == *n && *n == max)
        k = 0;          /* full: drop the oldest */
    else if (k == *n)
        (*n)++;
    for (int j = k; j + 1 < *n; j++) {
        memcpy(v[j], v[j + 1], sizeof v[j]);
        rules[j] = rules[j + 1];
    }
    snprintf(v[*n - 1], sizeof v[0], "%s", code);
    rules[*n - 1] = rule;
}

/* The actors the sentence names in words [0, end), distinct, ordered by
 * their last mention; returns how many (at most 6). */
static int named_before(csent *cs, int end, char (*v)[48], uint32_t *rules)
{
    int n = 0, last = -1;
    for (;;) {
        /* the next mention by start (mentions need not be ordered) */
        int best = -1;
        for (int k = 0; k < cs->nm; k++) {
            const mention *m = &cs->m[k];
            if (m->agent || m->end > end || m->start <= last)
                continue;
            if (best < 0 || m->start < cs->m[best].start)
                best = k;
        }
        if (best < 0)
            return n;
        last = cs->m[best].start;
        const char *code = sr_dict_actor_code_on(cs->d, cs->m[best].owner, cs->date);
        if (code && pair_member(code, false))
            recent_add(v, rules, &n, 6, code, cs->d->actors[cs->m[best].owner].origin);
    }
}

/* "The two leaders held talks": the last two actors named before the
 * phrase at i in its sentence, else in the sentence before. */
static void resolve_pair(csent *cs, int i, bool people, alist *out, int *cap)
{
    char v[6][48];
    uint32_t rules[6];
    int n = named_before(cs, cs->w[i].sub_lo, v, rules);
    for (int pass = 0; pass < 2; pass++) {
        int idx[2], got = 0;
        for (int k = n - 1; k >= 0 && got < 2; k--)
            if (pair_member(v[k], people))
                idx[got++] = k;
        if (got == 2) {
            for (int j = 1; j >= 0; j--) {
                actor a = {sr_arena_strdup(cs->tmp, v[idx[j]]), i, i, i, false, true,
                           rules[idx[j]], false, false, false};
                push(cs, out, cap, a);
            }
            return;
        }
        if (pass == 0 && cs->prev) {
            n = cs->prev->nrecent;
            memcpy(v, cs->prev->recent, sizeof v);
            memcpy(rules, cs->prev->recent_rule, sizeof rules);
        } else {
            return;
        }
    }
}

/* ---- meaning of a noun phrase ------------------------------------------------------- */

/* The actors of the prepositional (and possessive-free nominal) modifiers
 * of i, in order; the first modifier that has any. */
static void pp_actors(csent *cs, int i, alist *out, int *cap, int depth)
{
    const cword *w = &cs->w[i];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        uint8_t r = cs->w[c].rel;
        if (r == R_AMOD && cs->w[c].upos == SR_UPOS_ADJ && c > i && !cs->c->opt.petrarch &&
            cs->c->explicit_targets) {
            /* an adjective after its noun with its own prepositional
             * phrase: "fighters loyal to the cleric", "militias allied
             * with the government" */
            const cword *aw = &cs->w[c];
            for (int q = 0; q < aw->nkids; q++) {
                int d = cs->kids[aw->kid0 + q];
                if (cs->w[d].rel != R_OBL && cs->w[d].rel != R_NMOD)
                    continue;
                const alist *l = meaning_rec(cs, d, depth + 1);
                if (l->n) {
                    push_all(cs, out, cap, l);
                    return;
                }
            }
            continue;
        }
        if (r != R_NMOD && r != R_OBL)
            continue;
        const alist *l = meaning_rec(cs, c, depth + 1);
        if (l->n) {
            push_all(cs, out, cap, l);
            return;
        }
    }
}

/* The actors of a clause modifying a noun ("leading into Mordor"): the
 * first of its nominal dependents that has any. */
static void clause_actors(csent *cs, int v, alist *out, int *cap, int depth)
{
    const cword *w = &cs->w[v];
    for (int k = 0; k < w->nkids; k++) {
        int c = cs->kids[w->kid0 + k];
        uint8_t r = cs->w[c].rel;
        if (r != R_OBJ && r != R_OBL && r != R_NMOD && r != R_IOBJ)
            continue;
        const alist *l = meaning_rec(cs, c, depth + 1);
        if (l->n) {
            push_all(cs, out, cap, l);
            return;
        }
    }
}

/* Whether a possessive ending or a preposition stands in words [a, b)
 * ("the commander's deputy", "commander of ...": not one name). */
static bool poss_between(const csent *cs, int a, int b)
{
    for (int i = a; i < b; i++)
        if (cs->w[i].rel == R_CASE || cs->w[i].upos == SR_UPOS_PUNCT ||
            cs->w[i].upos == SR_UPOS_ADP || cs->w[i].upos == SR_UPOS_VERB)
            return true;
    return false;
}

/* Whether the phrase headed by h says its title is past: "former U.S.
 * President Jimmy Carter", "ex-premier", "the late King Hussein". */
static bool former_title(const csent *cs, int h)
{
    static const char *const past[] = {"former", "ex", "late", "deposed", "ousted", "exiled",
                                       "toppled", "retired"};
    for (int i = 0; i < h; i++) {
        if (cs->w[i].np != h && cs->w[i].head != h &&
            !(cs->w[i].head >= 0 && cs->w[cs->w[i].head].np == h))
            continue;
        for (size_t k = 0; k < SR_ARRAY_LEN(past); k++)
            if (!strcmp(cs->w[i].lower, past[k]))
                return true;
    }
    return false;
}

/* Whether a person's name as the dictionary lists it opens with a title
 * ("King Hussein", "Sheikh Zayed"): an agent phrase shorter than the name
 * at its first word. */
static bool title_in_name(const csent *cs, const mention *m)
{
    sr_dtok toks[8];
    int n = m->end - m->start < 8 ? m->end - m->start : 8;
    for (int k = 0; k < n; k++)
        toks[k] = cs->w[m->start + k].tok;
    size_t len = 0;
    return n > 1 && sr_dict_match(cs->d, SR_PK_AGENT, toks, (size_t)n, 0, &len) != SR_NOWORD &&
           len < (size_t)n;
}

/* Whether another actor mention of the phrase (first, cnt) covers its
 * head h with a code on the date that is `m`'s bare country code with more
 * after it (m: "Belarusian", the head's: "KGB", BLRSPY). */
static bool body_of_country_at_head(const csent *cs, int h, int first, int cnt,
                                    const mention *m)
{
    const char *mc = sr_dict_actor_code_on(cs->d, m->owner, cs->date);
    if (strlen(mc) != 3)
        return false;
    for (int k = 0; k < cnt; k++) {
        const mention *o = &cs->m[cs->mention_order[first + k]];
        if (o == m || o->agent || !(h >= o->start && h < o->end))
            continue;
        const char *oc = sr_dict_actor_code_on(cs->d, o->owner, cs->date);
        return strlen(oc) > 3 && !strncmp(oc, mc, 3);
    }
    return false;
}

/* Own phrases of head h: actor mentions (split where they are conjuncts of
 * each other) composed with the agent mentions. `modifier_agents` receives
 * the agents that do not cover h itself, for conjuncts to borrow. */
static void own_actors(csent *cs, int h, alist *out, int *cap, int *mod_agents,
                       int *nmod, const char **base_code)
{
    int first = cs->np_first[h], cnt = cs->np_count[h];
    int agents[16], nag = 0;
    *nmod = 0;
    *base_code = NULL;
    for (int k = 0; k < cnt; k++) {
        const mention *m = &cs->m[cs->mention_order[first + k]];
        if (m->agent && nag < 16) {
            agents[nag++] = cs->mention_order[first + k];
            if (!(h >= m->start && h < m->end))
                mod_agents[(*nmod)++] = cs->mention_order[first + k];
        }
    }
    /* a person named at the head of the phrase, with a code on the event
     * date, is the phrase's actor, whatever it is written after: "Iraqi
     * Kurdish leader Massoud Barzani" is Barzani's own IRQPTY, not IRQGOV,
     * and "Hezbollah leader Hassan Nasrallah" is LBNREB, not LBNREBGOV (his
     * titles are what his dated code already says) */
    int person = -1;
    /* a person with no code on the date whose last office ended before it
     * (left office, or died: no role after death) is still the phrase's
     * actor when the text gives a title, not a past one ("President
     * Mobutu", "King Hussein" in a text dated after their reigns: the
     * report speaks of them in office); the title holds in the country of
     * that office */
    const char *past_office = NULL;
    bool titled = nag && !former_title(cs, h);
    /* not when the phrase modifies a noun: "the killing of Sheikh Ahmed
     * Yassin", "the funeral of King Hussein" speak of the person's end */
    bool of_noun = cs->w[h].rel == R_NMOD;
    for (int k = 0; k < cnt && person < 0; k++) {
        const mention *m = &cs->m[cs->mention_order[first + k]];
        if (m->agent || h >= m->end || (h < m->start && poss_between(cs, h, m->start)) ||
            !(cs->d->actors[m->owner].flags & SR_ACTOR_PERSON))
            continue;
        if (*sr_dict_actor_code_on(cs->d, m->owner, cs->date)) {
            person = cs->mention_order[first + k];
        } else if ((titled || (!former_title(cs, h) && title_in_name(cs, m))) && !of_noun &&
                   !cs->c->opt.petrarch) {
            const char *before = sr_dict_actor_code_before(cs->d, m->owner, cs->date);
            if (strlen(before) >= 3) {
                person = cs->mention_order[first + k];
                past_office = before;
            }
        }
    }
    bool any_actor = false;
    int prev_end = -1;
    if (person >= 0) {
        const mention *m = &cs->m[person];
        const char *pc = past_office ? past_office
                                     : sr_dict_actor_code_on(cs->d, m->owner, cs->date);
        size_t pl = strlen(pc);
        if ((past_office && nag) ||
            (nag && pl >= 6 && !strcmp(pc + pl - 3, "ELI") &&
             !sr_dict_actor_dated_on(cs->d, m->owner, cs->date) && !former_title(cs, h))) {
            /* no dated role on the date, only the code between offices:
             * the title the text gives holds, with the phrase's other
             * name ("U.S. envoy Richard Holbrooke" in a year the
             * dictionary has no office for: USAGOV; "Likud leader
             * Benjamin Netanyahu" before he governed: ISRPTY), else in
             * the person's country ("President Obama") */
            char base[4];
            memcpy(base, pc, 3);
            base[3] = '\0';
            const char *other = base;
            for (int k = 0; k < cnt; k++) {
                const mention *o = &cs->m[cs->mention_order[first + k]];
                const char *oc = o->agent || cs->mention_order[first + k] == person
                                     ? "" : sr_dict_actor_code_on(cs->d, o->owner, cs->date);
                if (*oc) {
                    other = oc;
                    break;
                }
            }
            pc = compose(cs, other, agents, nag);
        }
        actor a = {pc, h, m->start, m->end - 1,
                   false, false, cs->d->actors[m->owner].origin, false, true, false};
        push(cs, out, cap, a);
        *base_code = a.code;
        any_actor = true;
        nag = 0;        /* titles are not composed onto a person */
    }
    for (int k = 0; k < cnt; k++) {
        const mention *m = &cs->m[cs->mention_order[first + k]];
        /* the other names of a person's phrase describe the person
         * ("Turkish Cypriot leader Rauf Denktash"); conjuncts have heads
         * of their own */
        if (m->agent || person >= 0)
            continue;
        /* sitrep's own mode: a bare country before the phrase's head
         * naming one of that country's bodies gives way to it ("the
         * Belarusian KGB" BLRSPY, "Lebanese Hezbollah" LBNREB, not BLR,
         * LBN) */
        if (!any_actor && !cs->c->opt.petrarch && !(h >= m->start && h < m->end) &&
            body_of_country_at_head(cs, h, first, cnt, m))
            continue;
        /* a second actor of the same phrase counts only as a conjunct */
        if (any_actor) {
            int a = m->anchor;
            /* sitrep's own mode: two modifiers joined by "and" are
             * conjuncts however the parser hung them ("Japanese and South
             * Korean diplomats" with "South Korean" a compound) */
            bool conj = !cs->c->opt.petrarch && m->start == prev_end + 1 && m->start >= 2 &&
                        cs->w[prev_end].upos == SR_UPOS_CCONJ &&
                        strcmp(cs->w[prev_end].lower, "and") == 0;
            for (int s = 0; s < cs->n && a >= 0 && !conj; s++) {
                if (cs->w[a].rel == R_CONJ) {
                    conj = true;
                    break;
                }
                if (!sr_climbs(cs->w[a].rel))
                    break;
                a = cs->w[a].head;
            }
            if (!conj)
                continue;
        }
        any_actor = true;
        const char *code = sr_dict_actor_code_on(cs->d, m->owner, cs->date);
        if (!*code)
            continue;
        if (!*base_code)
            *base_code = code;
        actor a = {compose(cs, code, agents, nag), h, m->start, m->end - 1, false, false,
                   cs->d->actors[m->owner].origin,
                   nag == 0 && (cs->d->actors[m->owner].flags & SR_ACTOR_PLACE), false,
                   nag == 0 && (cs->d->actors[m->owner].flags & SR_ACTOR_ORG)};
        push(cs, out, cap, a);
        prev_end = m->end;
        /* sitrep's own mode: an adjective of a country coordinated with
         * this one ("Indian and Chinese soldiers", with "Chinese" a
         * conjunct of "Indian") is a second actor of the phrase, with the
         * phrase's agents (a conjunct that is a noun is the caller's) */
        for (int t = m->start; t < m->end && !cs->c->opt.petrarch; t++) {
            const cword *tw = &cs->w[t];
            for (int q = 0; q < tw->nkids; q++) {
                int c = cs->kids[tw->kid0 + q];
                if (cs->w[c].rel != R_CONJ || cs->w[c].upos != SR_UPOS_ADJ || c >= h ||
                    cs->w[c].np != c)
                    continue;
                for (int j = 0; j < cs->nm; j++) {
                    const mention *cm = &cs->m[j];
                    if (cm->agent || cm->head != c)
                        continue;
                    const char *cc = sr_dict_actor_code_on(cs->d, cm->owner, cs->date);
                    if (!*cc)
                        continue;
                    actor b = {compose(cs, cc, agents, nag), h, cm->start, cm->end - 1, false,
                               false, cs->d->actors[cm->owner].origin, false, false, false};
                    push(cs, out, cap, b);
                }
            }
        }
    }
    if (!any_actor && nag) {
        /* agents alone: the actors of the prepositional modifiers, else
         * the antecedent of a possessive pronoun ("its troops", "their
         * leaders"); in sitrep's own mode the owner comes first: "their
         * embassy in Belgrade" is theirs, Belgrade is where it is */
        alist pp = {0};
        int pcap = 0;
        bool owner_first = !cs->c->opt.petrarch && cs->c->explicit_targets;
        if (!owner_first)
            pp_actors(cs, h, &pp, &pcap, 0);
        int lo = cs->m[agents[0]].start, hi = cs->m[agents[nag - 1]].end - 1;
        if (pp.n == 0) {
            const cword *hw = &cs->w[h];
            for (int k = 0; k < hw->nkids && pp.n == 0; k++) {
                int c = cs->kids[hw->kid0 + k];
                if (cs->w[c].rel == R_POSS && is_pronoun(cs, c))
                    resolve_pronoun(cs, c, &pp, &pcap, 1);
            }
        }
        if (owner_first && !has_strong(&pp)) {
            pp.n = 0;
            pp_actors(cs, h, &pp, &pcap, 0);
        }
        for (int j = 0; j < pp.n; j++) {
            if (pp.v[j].weak)
                continue;
            actor a = {compose(cs, pp.v[j].code, agents, nag), h, lo, hi, false, false,
                       pp.v[j].rule, false, false, false};
            push(cs, out, cap, a);
        }
        if (out->n == 0) {
            actor a = {compose(cs, "---", agents, nag), h, lo, hi, true, false,
                       cs->d->agents[cs->m[agents[0]].owner].origin, false, false, false};
            push(cs, out, cap, a);
        }
    }
}

/* Whether a code's three-letter base is a state (not one of CAMEO's
 * international, non-state or regional bases). */
static bool state_base(const char *code)
{
    static const char *const other[] = {
        "---", "IGO", "NGO", "IMG", "MNC", "UIS", "AFR", "ASA", "BLK", "CAS", "CAU",
        "CFR", "CRB", "EAF", "EEU", "EUR", "LAM", "MEA", "NAF", "NMR", "PGS", "SAF",
        "SAM", "SAS", "SEA", "WAF", "WST", "ARB", "INT", "UNO", "EUE"};
    if (strlen(code) < 3)
        return false;
    for (size_t i = 0; i < SR_ARRAY_LEN(other); i++)
        if (strncmp(code, other[i], 3) == 0)
            return false;
    return true;
}

/* The only state the sentence names (its actors' bases), "" when it names
 * none or several. */
static const char *sole_country(csent *cs)
{
    if (cs->country_done)
        return cs->country;
    cs->country_done = true;
    cs->country[0] = '\0';
    for (int k = 0; k < cs->nm; k++) {
        if (cs->m[k].agent)
            continue;
        const char *code = sr_dict_actor_code_on(cs->d, cs->m[k].owner, cs->date);
        if (!state_base(code))
            continue;
        if (!cs->country[0]) {
            memcpy(cs->country, code, 3);
            cs->country[3] = '\0';
        } else if (strncmp(cs->country, code, 3) != 0) {
            cs->country[0] = '\0';
            cs->countries_many = true;
            return cs->country;
        }
    }
    return cs->country;
}

void sr_context_update(csent *cs, sr_context *ctx)
{
    /* role nouns named with a country */
    for (int k = 0; k < cs->nm; k++) {
        if (!cs->m[k].agent)
            continue;
        const alist *l = sr_meaning(cs, cs->m[k].head);
        for (int j = 0; j < l->n; j++) {
            const char *code = l->v[j].code;
            if (l->v[j].pronoun || strlen(code) <= 3 || !strncmp(code, "---", 3) ||
                !state_base(code))
                continue;
            int at = 0;
            while (at < ctx->nagent && ctx->agent[at] != cs->m[k].owner)
                at++;
            if (at == ctx->nagent) {
                if (ctx->nagent == 16) {   /* full: the oldest goes */
                    memmove(ctx->agent, ctx->agent + 1, 15 * sizeof ctx->agent[0]);
                    memmove(ctx->agent_country, ctx->agent_country + 1, 15 * sizeof ctx->agent_country[0]);
                    at = 15;
                } else {
                    ctx->nagent++;
                }
            }
            ctx->agent[at] = cs->m[k].owner;
            memcpy(ctx->agent_country[at], code, 3);
            ctx->agent_country[at][3] = '\0';
            break;
        }
    }
    {
        char v[6][48];
        uint32_t rules[6];
        int n = named_before(cs, cs->n, v, rules);
        if (n) {
            memcpy(ctx->recent, v, sizeof v);
            memcpy(ctx->recent_rule, rules, sizeof rules);
            ctx->nrecent = n;
        }
    }
    const char *only = sole_country(cs);
    if (*only)
        snprintf(ctx->country, sizeof ctx->country, "%s", only);
    else if (cs->countries_many)
        ctx->country[0] = '\0';
    int root = -1;
    for (int i = 0; i < cs->n && root < 0; i++)
        if (cs->w[i].head < 0)
            root = i;
    bool passive = false;
    int subj = root >= 0 ? sr_subject_of(cs, root, &passive) : -1;
    const alist *l = subj >= 0 ? sr_meaning(cs, subj) : NULL;
    if (!l || !has_strong(l))
        return;     /* the subject before stands */
    ctx->nsubject = 0;
    for (int j = 0; j < l->n && ctx->nsubject < 4; j++) {
        if (l->v[j].weak)
            continue;
        snprintf(ctx->subject[ctx->nsubject], sizeof ctx->subject[0], "%s", l->v[j].code);
        ctx->rule[ctx->nsubject++] = l->v[j].rule;
    }
}

/* The country the document gave the agent at word h earlier ("Iranian
 * Foreign Minister Araghchi ... . The foreign minister said"), or "". */
static const char *agent_seen(const csent *cs, int h)
{
    if (!cs->prev)
        return "";
    for (int k = 0; k < cs->nm; k++) {
        if (!cs->m[k].agent || cs->m[k].head != h)
            continue;
        for (int j = cs->prev->nagent - 1; j >= 0; j--)
            if (cs->prev->agent[j] == cs->m[k].owner)
                return cs->prev->agent_country[j];
    }
    return "";
}

const char *sr_agent_country(csent *cs, const actor *a, const actor *other)
{
    if (!a->weak || strncmp(a->code, "---", 3) != 0)
        return a->code;
    const char *only = a->pronoun ? "" : agent_seen(cs, a->head);
    if (!*only)
        only = sole_country(cs);
    if (!*only && !cs->countries_many && cs->prev)
        only = cs->prev->country;    /* "Iran ... . The foreign minister said" */
    if (!*only)
        return a->code;
    char buf[128];
    snprintf(buf, sizeof buf, "%s%s", only, a->code + 3);
    if (other && strcmp(other->code, buf) == 0)
        return a->code;
    return sr_arena_strdup(cs->tmp, buf);
}

static const alist *meaning_rec(csent *cs, int i, int depth)
{
    static const alist empty = {0};
    if (i < 0 || i >= cs->n)
        return &empty;
    if (cs->meaning_state[i] == 2)
        return &cs->meaning[i];
    if (cs->meaning_state[i] == 1 || depth > 64)
        return &empty;
    cs->meaning_state[i] = 1;
    alist out = {0};
    int cap = 0;
    int mod_agents[16], nmod = 0;
    const char *base = NULL;
    own_actors(cs, i, &out, &cap, mod_agents, &nmod, &base);
    if (out.n == 0 && is_pronoun(cs, i))
        resolve_pronoun(cs, i, &out, &cap, depth);
    if (out.n == 0)
        resolve_group(cs, i, &out, &cap, depth);
    bool people;
    if (!has_strong(&out) && !cs->c->opt.petrarch && definite_pair(cs, i, &people)) {
        alist pair = {0};
        int pcap = 0;
        resolve_pair(cs, i, people, &pair, &pcap);
        if (pair.n == 2) {
            out = pair;
            cap = pcap;
        }
    }
    if (out.n == 0)
        pp_actors(cs, i, &out, &cap, depth);
    if (out.n == 0) {
        const cword *w = &cs->w[i];
        for (int k = 0; k < w->nkids && out.n == 0; k++) {
            int c = cs->kids[w->kid0 + k];
            /* sitrep's own mode and dictionary: a relative clause has its
             * own roles ("a call in which Netanyahu pressed for strikes on
             * Iran" is no call of Iran's) */
            if (cs->w[c].rel == R_ACL ||
                (cs->w[c].rel == R_RELCL && (cs->c->opt.petrarch || !cs->c->explicit_targets)))
                clause_actors(cs, c, &out, &cap, depth);
        }
        for (int k = 0; k < w->nkids && out.n == 0; k++) {
            int c = cs->kids[w->kid0 + k];
            if (cs->w[c].rel == R_APPOS)
                push_all(cs, &out, &cap, meaning_rec(cs, c, depth + 1));
        }
    }
    /* conjuncts, of the head and of the words of its own phrases */
    int nown = out.n;
    const cword *w = &cs->w[i];
    int conj[64], nconj = 0;
    for (int k = 0; k < w->nkids && nconj < 64; k++) {
        int c = cs->kids[w->kid0 + k];
        if (cs->w[c].rel == R_CONJ && sr_is_nominal(cs, c))
            conj[nconj++] = c;
    }
    for (int m = 0; m < cs->nm && nconj < 64; m++) {
        if (cs->m[m].head != i)
            continue;
        for (int t = cs->m[m].start; t < cs->m[m].end; t++) {
            const cword *tw = &cs->w[t];
            for (int k = 0; k < tw->nkids && nconj < 64; k++) {
                int c = cs->kids[tw->kid0 + k];
                if (cs->w[c].rel == R_CONJ && t != i && sr_is_nominal(cs, c) &&
                    (cs->w[c].np < 0 || cs->w[c].np == c))
                    conj[nconj++] = c;
            }
        }
    }
    for (int k = 0; k < nconj; k++) {
        const alist *l = meaning_rec(cs, conj[k], depth + 1);
        for (int j = 0; j < l->n; j++) {
            actor a = l->v[j];
            if (a.weak && !a.pronoun && !base && nown && strncmp(a.code, "---", 3) == 0) {
                /* the head's prepositional actors are the conjunct's too
                 * ("lawmakers and officials in Arnor and Gondor": ARNGOV,
                 * GONGOV): a modifier after the last conjunct is shared */
                alist pp = {0};
                int pcap = 0;
                pp_actors(cs, i, &pp, &pcap, depth + 1);
                bool shared = false;
                for (int q = 0; q < pp.n; q++) {
                    if (pp.v[q].weak || pp.v[q].lo < conj[k])
                        continue;
                    char buf[128];
                    join_code(cs, buf, sizeof buf, pp.v[q].code, a.code + 3);
                    actor b = a;
                    b.code = sr_arena_strdup(cs->tmp, buf);
                    b.weak = false;
                    push(cs, &out, &cap, b);
                    shared = true;
                }
                if (shared)
                    continue;
            }
            if (a.weak && !a.pronoun && base && strncmp(a.code, "---", 3) == 0) {
                /* borrow the first conjunct's actor and modifier agents */
                const char *b2 = compose(cs, base, mod_agents, nmod);
                char buf[128];
                snprintf(buf, sizeof buf, "%s%s", b2, a.code + 3);
                /* keep agents unique */
                a.code = sr_arena_strdup(cs->tmp, buf);
                a.weak = false;
            }
            push(cs, &out, &cap, a);
        }
    }
    /* weak agent-only members borrow prepositional actors of a conjunct:
     * "lawmakers and officials in Arnor" */
    for (int j = 0; j < nown; j++) {
        if (!out.v[j].weak || out.v[j].pronoun)
            continue;
        for (int k = 0; k < nconj; k++) {
            alist pp = {0};
            int pcap = 0;
            pp_actors(cs, conj[k], &pp, &pcap, depth + 1);
            if (!pp.n)
                continue;
            const char *suffix = out.v[j].code + 3;
            actor base_a = out.v[j];
            for (int q = 0; q < pp.n; q++) {
                char buf[128];
                join_code(cs, buf, sizeof buf, pp.v[q].code, suffix);
                actor a = base_a;
                a.code = sr_arena_strdup(cs->tmp, buf);
                a.weak = false;
                if (q == 0)
                    out.v[j] = a;
                else
                    push(cs, &out, &cap, a);
            }
            break;
        }
    }
    cs->meaning[i] = out;
    cs->meaning_state[i] = 2;
    return &cs->meaning[i];
}

const alist *sr_meaning(csent *cs, int i)
{
    if (i < 0 || i >= cs->n)
        return meaning_rec(cs, -1, 0);
    /* a word inside a phrase stands for its noun phrase */
    if (cs->w[i].np >= 0)
        i = cs->w[i].np;
    else
        i = np_head_of(cs, i);
    return meaning_rec(cs, i, 0);
}

const alist *sr_meaning_at(csent *cs, int i)
{
    return sr_meaning(cs, i);
}
