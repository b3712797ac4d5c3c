/*
 * own_compile.c — from the project's own format to the coder's dictionary
 * builder (dict.h), the default dictionary `sitrep code` loads, and the
 * CAMEO code table the checker consults.
 *
 * The own format says more than the builder's PETRARCH-shaped model in two
 * places, and this file is where that is settled:
 *   - Dates: own ranges are half-open [from, to); the builder's are
 *     inclusive, so `to` becomes the day before. Open ends become 0.
 *   - Patterns: own patterns are sets of dependency slots, in no order.
 *     Each becomes a builder pattern: the verb, then one term (or group) per
 *     slot, every term carrying the UD relation it must have; alternatives
 *     of a filler become an ALT group; alternatives of a relation
 *     (`on|against:T`) become one pattern each; prepositional slots become
 *     PP groups (the preposition, then the filler); a filler's own slots
 *     follow it, relative to it. `not` becomes a leading word "not" with
 *     relation advmod, which the coder consumes as part of the event.
 *   - Names: written forms are added as surface phrases; agents also get
 *     their plural (sr_dict_plural; "-man" -> "-men"), since they are
 *     written in the singular. Verb heads match their lemma and their inflected forms, so
 *     that a lemmatiser's slip ("blamed" -> "blam") costs no match; lemma
 *     fillers match a word's lemma or form.
 *   - Verbs' own codes: each verb block codes, when none of its patterns
 *     matches, what its most general pattern codes (only actor slots,
 *     fewest slots): "accused" alone is still 112, as in PETRARCH.
 *   - Media: actors whose code ends in MED (the convention `dict check`
 *     enforces), so the coder can treat them as attributions.
 *   - Non-actors: actors with the null code "---".
 *
 * The default dictionary: data/dict/ compiled once and kept beside it as
 * dict.srd, tagged with the names and hashes of its source files, so a
 * stale file is noticed and rebuilt (or, when the data folder cannot be
 * written, the dictionary is compiled in memory at each start).
 */
#include "lexicon/own.h"
#include "lexicon/dict.h"
#include "core/internal.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------------ */
/* CAMEO codes                                                               */
/* ------------------------------------------------------------------------ */

/* The CAMEO event codes, used only when the coder's CAMEO table
 * (data/cameo/cameo.tsv, the project's one table of codes, names, weights
 * and PLOVER types) is not in the data folder: two-digit roots,
 * three-digit codes and the four-digit codes that exist. */
static const char cameo_codes[] =
    " 01 010 011 012 013 014 015 016 017 018 019"
    " 02 020 021 0211 0212 0213 0214 022 023 0231 0232 0233 0234 024 0241"
    " 0242 0243 0244 025 0251 0252 0253 0254 0255 0256 026 027 028"
    " 03 030 031 0311 0312 0313 0314 032 033 0331 0332 0333 0334 034 0341"
    " 0342 0343 0344 035 0351 0352 0353 0354 0355 0356 036 037 038 039"
    " 04 040 041 042 043 044 045 046"
    " 05 050 051 052 053 054 055 056 057"
    " 06 060 061 062 063 064"
    " 07 070 071 072 073 074 075"
    " 08 080 081 0811 0812 0813 0814 082 083 0831 0832 0833 0834 084 0841"
    " 0842 085 086 0861 0862 0863 087 0871 0872 0873 0874"
    " 09 090 091 092 093 094"
    " 10 100 101 1011 1012 1013 1014 102 103 1031 1032 1033 1034 104 1041"
    " 1042 1043 1044 105 1051 1052 1053 1054 1055 1056 106 107 108"
    " 11 110 111 112 1121 1122 1123 1124 1125 113 114 115 116"
    " 12 120 121 1211 1212 1213 1214 122 1221 1222 1223 1224 123 1231 1232"
    " 1233 1234 124 1241 1242 1243 1244 1245 1246 125 126 127 128 129"
    " 13 130 131 1311 1312 1313 132 1321 1322 1323 1324 133 134 135 136 137"
    " 138 1381 1382 1383 1384 1385 139"
    " 14 140 141 1411 1412 1413 1414 142 1421 1422 1423 1424 143 1431 1432"
    " 1433 1434 144 1441 1442 1443 1444 145 1451 1452 1453 1454"
    " 15 150 151 152 153 154"
    " 16 160 161 162 1621 1622 1623 163 164 165 166 1661 1662 1663"
    " 17 170 171 1711 1712 172 1721 1722 1723 1724 173 174 175"
    " 18 180 181 182 1821 1822 1823 183 1831 1832 1833 184 185 186"
    " 19 190 191 192 193 194 195 196"
    " 20 200 201 202 203 204 2041 2042 ";

/* The codes of the coder's table (sr_data_dir()/cameo/cameo.tsv, first
 * column), read once; NULL when it is absent. */
static char *table_codes;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void read_table(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/cameo/cameo.tsv", sr_data_dir());
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_putc(&b, ' ');
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] < '0' || line[0] > '9')
            continue;
        size_t k = strcspn(line, "\t \n");
        sr_buf_put(&b, line, k);
        sr_buf_putc(&b, ' ');
    }
    fclose(f);
    sr_buf_putc(&b, '\0');
    table_codes = b.data;   /* kept for the life of the process */
}

bool sr_own_cameo_known(const char *code, void *ctx)
{
    (void)ctx;
    size_t n = strlen(code);
    if (n < 2 || n > 4)
        return false;
    pthread_once(&table_once, read_table);
    char key[8];
    snprintf(key, sizeof key, " %s ", code);
    return strstr(table_codes ? table_codes : cameo_codes, key) != NULL;
}

/* ------------------------------------------------------------------------ */
/* Entries to the builder                                                    */
/* ------------------------------------------------------------------------ */

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

/* The day before YYYYMMDD. */
static uint32_t day_before(uint32_t d)
{
    int y = (int)(d / 10000), m = (int)(d / 100 % 100), dd = (int)(d % 100);
    if (--dd == 0) {
        if (--m == 0) {
            m = 12;
            y--;
        }
        dd = days_in_month(y, m);
    }
    return (uint32_t)(y * 10000 + m * 100 + dd);
}

static void add_codes(sr_dict_builder *b, uint32_t actor, const sr_own_entry *e)
{
    if (e->code[0])
        sr_dictb_actor_code(b, actor, e->code, 0, 0);
    for (uint32_t i = 0; i < e->nroles; i++) {
        const sr_own_role *r = &e->roles[i];
        sr_dictb_at(b, e->file, r->line);
        if (!r->dated) {
            sr_dictb_actor_code(b, actor, r->code, 0, 0);
            continue;
        }
        uint32_t from = r->from == SR_OWN_DATE_MIN ? 0 : r->from;
        uint32_t to = r->to == SR_OWN_DATE_MAX ? 0 : day_before(r->to);
        sr_dictb_actor_code(b, actor, r->code, from, to);
    }
}

/* An actor for the names of `e` of the given kinds (seats apart). */
static void add_actor(sr_dict_builder *b, const sr_own_entry *e)
{
    sr_dictb_at(b, e->file, e->line);
    uint32_t a = sr_dictb_actor(b, e->nnames ? e->names[0].text : e->code);
    for (uint32_t i = 0; i < e->nnames; i++) {
        if (e->names[i].kind == SR_OWN_SEAT || e->names[i].kind == SR_OWN_PLACE)
            continue;
        sr_dictb_at(b, e->file, e->names[i].line);
        sr_dictb_actor_phrase(b, a, e->names[i].text, 0);
    }
    if (e->kind == SR_OWN_NONACTOR)
        sr_dictb_actor_code(b, a, "---", 0, 0);
    else
        add_codes(b, a, e);
    if (e->kind == SR_OWN_PERSON)
        sr_dictb_actor_flags(b, a, SR_ACTOR_PERSON);
    else if (e->kind == SR_OWN_ACTOR)
        sr_dictb_actor_flags(b, a, SR_ACTOR_ORG);
}

/* Seats and places: one actor per name, with the seat line's code or the
 * country's. */
static void add_seats(sr_dict_builder *b, const sr_own_entry *e)
{
    for (uint32_t i = 0; i < e->nnames; i++) {
        const sr_own_name *n = &e->names[i];
        if (n->kind != SR_OWN_SEAT && n->kind != SR_OWN_PLACE)
            continue;
        sr_dictb_at(b, e->file, n->line);
        uint32_t a = sr_dictb_actor(b, n->text);
        sr_dictb_actor_phrase(b, a, n->text, 0);
        sr_dictb_actor_code(b, a, n->code, 0, 0);
        if (n->kind == SR_OWN_PLACE)
            sr_dictb_actor_flags(b, a, SR_ACTOR_PLACE);
    }
}

/* The plural of a role noun in "-man" ("gunman" -> "gunmen", "spokeswoman"
 * -> "spokeswomen", "militiaman" -> "militiamen"); false for other words,
 * for the few that are no compounds of "man" ("human", "German"), and for
 * "man" and "woman" themselves: "men" and "women" in the news are mostly
 * people described ("six women work as advisers", "his disrespect for
 * women"), not a side of an event, and stay unmatched as before. */
static bool man_plural(const char *w, char *out, size_t cap)
{
    static const char *const not_man[] = {"human", "german", "roman", "shaman", "talisman",
                                          "ottoman", "oman", "man", "woman"};
    size_t n = strlen(w);
    if (n < 4 || strcmp(w + n - 3, "man") != 0 || n + 1 > cap)
        return false;
    for (size_t k = 0; k < sizeof not_man / sizeof not_man[0]; k++)
        if (strcasecmp(w, not_man[k]) == 0)
            return false;
    snprintf(out, cap, "%.*smen", (int)(n - 3), w);
    return true;
}

static void add_agent(sr_dict_builder *b, const sr_own_entry *e)
{
    for (uint32_t i = 0; i < e->nnames; i++) {
        const char *t = e->names[i].text;
        sr_dictb_at(b, e->file, e->names[i].line);
        sr_dictb_agent(b, t, e->code, 0);
        /* the plural of the last word */
        const char *last = strrchr(t, ' ');
        size_t stem = last ? (size_t)(last + 1 - t) : 0;
        char pl[SR_DICT_MAX_WORD + 1], phrase[512];
        if (!man_plural(t + stem, pl, sizeof pl))
            sr_dict_plural(t + stem, pl, sizeof pl);
        snprintf(phrase, sizeof phrase, "%.*s%s", (int)stem, t, pl);
        if (strcmp(phrase, t) != 0)
            sr_dictb_agent(b, phrase, e->code, 0);
    }
}

/* ------------------------------------------------------------------------ */
/* Patterns                                                                  */
/* ------------------------------------------------------------------------ */

#define MAX_TERMS SR_DICT_MAX_TERMS

typedef struct terms {
    sr_dict_term v[MAX_TERMS];
    size_t n;
    bool overflow;
    uint8_t level;      /* the level of the terms pushed now: 0 for a
                           pattern's own slots, k for slots nested k deep */
    char words[MAX_TERMS][SR_DICT_MAX_WORD + 1];
} terms;

static void push(terms *t, uint8_t kind, uint8_t flags, const char *text,
                 const char *rel)
{
    if (t->n == MAX_TERMS) {
        t->overflow = true;
        return;
    }
    const char *copy = NULL;
    if (text) {
        snprintf(t->words[t->n], sizeof t->words[t->n], "%s", text);
        copy = t->words[t->n];
    }
    if (rel && t->level)
        flags |= (uint8_t)((t->level << SR_TERM_LEVEL_SHIFT) & SR_TERM_LEVEL_MASK);
    t->v[t->n++] = (sr_dict_term){kind, flags, copy, rel};
}

static bool is_prep_rel(const char *rel)
{
    return sr_own_is_preposition(rel) && strcmp(rel, "obj") != 0;
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The inflected forms of a verb lemma: the regular ones
 * (sr_dict_verb_forms) and, for verbs ending consonant-vowel-consonant,
 * the forms with the consonant doubled ("expel" -> "expelled",
 * "ban" -> "banning"), since either spelling may be right. Matching forms
 * as well as lemmas keeps a predicate working when the lemmatiser errs. */
/* Past forms of the irregular verbs of news (the lemmatiser sometimes
 * leaves them as they are: "shot" with the lemma "shot"): the verb, its
 * past tense and its past participle when different. */
static const char *const irregular[][3] = {
    {"arise", "arose", "arisen"}, {"beat", "beat", "beaten"}, {"become", "became", "become"},
    {"begin", "began", "begun"}, {"bind", "bound", "bound"}, {"blow", "blew", "blown"},
    {"break", "broke", "broken"}, {"bring", "brought", "brought"}, {"build", "built", "built"},
    {"buy", "bought", "bought"}, {"catch", "caught", "caught"}, {"choose", "chose", "chosen"},
    {"come", "came", "come"}, {"deal", "dealt", "dealt"}, {"draw", "drew", "drawn"},
    {"drive", "drove", "driven"}, {"fall", "fell", "fallen"}, {"feed", "fed", "fed"},
    {"fight", "fought", "fought"}, {"find", "found", "found"}, {"flee", "fled", "fled"},
    {"fly", "flew", "flown"}, {"forbid", "forbade", "forbidden"}, {"forgive", "forgave", "forgiven"},
    {"freeze", "froze", "frozen"}, {"get", "got", "gotten"}, {"give", "gave", "given"},
    {"go", "went", "gone"}, {"hang", "hung", "hung"}, {"hide", "hid", "hidden"},
    {"hold", "held", "held"}, {"keep", "kept", "kept"}, {"lay", "laid", "laid"},
    {"lead", "led", "led"}, {"leave", "left", "left"}, {"lend", "lent", "lent"},
    {"lose", "lost", "lost"}, {"make", "made", "made"}, {"meet", "met", "met"},
    {"overcome", "overcame", "overcome"}, {"overrun", "overran", "overrun"},
    {"overthrow", "overthrew", "overthrown"}, {"pay", "paid", "paid"}, {"rise", "rose", "risen"},
    {"run", "ran", "run"}, {"say", "said", "said"}, {"see", "saw", "seen"},
    {"seek", "sought", "sought"}, {"sell", "sold", "sold"}, {"send", "sent", "sent"},
    {"shake", "shook", "shaken"}, {"shoot", "shot", "shot"}, {"sink", "sank", "sunk"},
    {"speak", "spoke", "spoken"}, {"spend", "spent", "spent"}, {"stand", "stood", "stood"},
    {"steal", "stole", "stolen"}, {"strike", "struck", "struck"}, {"swear", "swore", "sworn"},
    {"take", "took", "taken"}, {"teach", "taught", "taught"}, {"tear", "tore", "torn"},
    {"tell", "told", "told"}, {"think", "thought", "thought"}, {"throw", "threw", "thrown"},
    {"undertake", "undertook", "undertaken"}, {"uphold", "upheld", "upheld"},
    {"win", "won", "won"}, {"withdraw", "withdrew", "withdrawn"},
    {"withhold", "withheld", "withheld"}, {"write", "wrote", "written"},
};

static int verb_inflections(const char *v, char out[][SR_DICT_MAX_WORD + 1])
{
    int n = sr_dict_verb_forms(v, out);
    size_t len = strlen(v);
    if (len >= 3 && len + 4 < SR_DICT_MAX_WORD && !is_vowel(v[len - 1]) &&
        is_vowel(v[len - 2]) && !is_vowel(v[len - 3]) && !strchr("wxy", v[len - 1])) {
        snprintf(out[n++], SR_DICT_MAX_WORD + 1, "%s%ced", v, v[len - 1]);
        snprintf(out[n++], SR_DICT_MAX_WORD + 1, "%s%cing", v, v[len - 1]);
    }
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++) {
        if (strcmp(v, irregular[i][0]) != 0)
            continue;
        /* the irregular past replaces the regular one ("shooted") */
        snprintf(out[1], SR_DICT_MAX_WORD + 1, "%s", irregular[i][1]);
        if (strcmp(irregular[i][2], irregular[i][1]) != 0 && strcmp(irregular[i][2], v) != 0)
            snprintf(out[n++], SR_DICT_MAX_WORD + 1, "%s", irregular[i][2]);
        break;
    }
    return n;
}

/* One filler word, matched against a word's lemma or form. (Its plural or
 * inflections are not added as alternatives: the coder's tree matcher
 * reads the terms of a pattern as all required.) */
static void push_forms(terms *t, const char *word, const char *rel, bool verb)
{
    (void)verb;
    push(t, SR_TERM_WORD, 0, word, rel);
}

/* A lemma filler; "hand_over": the verb, then its particle. */
static void push_lemma(terms *t, const char *lemma, const char *rel, bool verb)
{
    const char *u = strchr(lemma, '_');
    if (!u) {
        push_forms(t, lemma, rel, verb);
        return;
    }
    char head[SR_DICT_MAX_WORD + 1];
    snprintf(head, sizeof head, "%.*s", (int)(u - lemma), lemma);
    push_forms(t, head, rel, true);
    /* the particle hangs on the filler: one level deeper */
    t->level++;
    push(t, SR_TERM_WORD, 0, u + 1, "compound:prt");
    t->level--;
}

static bool is_clausal(const char *rel)
{
    return !strcmp(rel, "xcomp") || !strcmp(rel, "ccomp") ||
           !strcmp(rel, "advcl") || !strcmp(rel, "acl");
}

/* Every choice of alternatives is spelled out as its own flat sequence of
 * terms (the builder's groups are then never nested): `emit` walks the
 * slots, and for each relation and filler alternative pushes the slot's
 * terms, then its own slots, then the remaining slots; at the end it hands
 * the sequence to `done`. */
typedef struct walk {
    sr_dict_builder *b;
    uint32_t block;
    const sr_own_entry *e;
    terms t;
    unsigned made;
} walk;

#define MAX_BUILT 512

typedef struct pending {
    const sr_own_slot *v;
    uint32_t n;
    uint8_t level;          /* how deep these slots are nested */
    struct pending *next;   /* the slots to do after these */
} pending;

static void finish(walk *w)
{
    if (w->made >= MAX_BUILT)
        return;
    w->made++;
    if (w->t.overflow)
        sr_dictb_error(w->b, "pattern '%s' has more than %d terms; dropped",
                       w->e->pattern->text, MAX_TERMS);
    else
        sr_dictb_pattern(w->b, w->block, w->t.v, w->t.n, w->e->code,
                         w->e->pattern->text);
}

static void emit(walk *w, const pending *todo);

static void emit_slot(walk *w, const sr_own_slot *s, uint8_t level, const pending *rest)
{
    if (s->nrels == 1 && s->rels[0][0] == '\x01') {   /* the verb itself */
        size_t mark = w->t.n;
        push(&w->t, SR_TERM_VERB, 0, NULL, NULL);
        emit(w, rest);
        w->t.n = mark;
        return;
    }
    for (uint32_t r = 0; r < s->nrels; r++) {
        const char *rel = s->rels[r];
        bool pp = is_prep_rel(rel);
        uint32_t nf = s->fill == SR_OWN_FILL_LEMMA ? s->nlemmas : 1;
        for (uint32_t f = 0; f < nf; f++) {
            size_t mark = w->t.n;
            bool overflow = w->t.overflow;
            const char *trel = pp ? NULL : rel;
            w->t.level = level;
            if (pp) {
                char prep[SR_DICT_MAX_WORD + 1];
                snprintf(prep, sizeof prep, "%s", rel);
                for (char *p = prep; *p; p++)
                    if (*p == '_')
                        *p = ' ';
                push(&w->t, SR_TERM_PP_OPEN, 0, NULL, "obl");
                push(&w->t, SR_TERM_WORD, 0, prep, NULL);
            }
            if (s->fill == SR_OWN_FILL_TARGET)
                push(&w->t, SR_TERM_TARGET, 0, NULL, trel);
            else if (s->fill == SR_OWN_FILL_SOURCE)
                push(&w->t, SR_TERM_SOURCE, 0, NULL, trel);
            else if (s->fill == SR_OWN_FILL_LEMMA)
                push_lemma(&w->t, s->lemmas[f], trel, is_clausal(rel));
            else if (!pp)   /* '*': some word in that relation */
                push(&w->t, SR_TERM_SKIP, 0, NULL, trel);
            if (pp)
                push(&w->t, SR_TERM_PP_CLOSE, 0, NULL, NULL);
            /* the filler's own slots (anchored on the filler), then the
             * rest */
            pending sub = {s->sub, s->nsub, (uint8_t)(level + 1), (pending *)rest};
            emit(w, s->nsub ? &sub : rest);
            w->t.n = mark;
            w->t.overflow = overflow;
        }
    }
}

static void emit(walk *w, const pending *todo)
{
    while (todo && todo->n == 0)
        todo = todo->next;
    if (!todo) {
        finish(w);
        return;
    }
    pending rest = {todo->v + 1, todo->n - 1, todo->level, todo->next};
    emit_slot(w, &todo->v[0], todo->level, &rest);
}

/* The verb blocks made so far, by head (lemma + particle). */
typedef struct blocks {
    char (*names)[SR_DICT_MAX_WORD + 1];
    uint32_t *ids;
    size_t n, cap;
    /* the verbs' own codes, found before any block is made */
    char (*dnames)[SR_DICT_MAX_WORD + 1];
    char (*dcodes)[SR_OWN_MAX_CODE + 1];
    uint32_t *dslots;
    size_t nd, capd;
} blocks;

/* Whether a pattern is a verb's most general form: not negated, and every
 * slot an actor ("accuse obj:T", "meet with:T", "demand"); a slot that asks
 * for a word or a clause ("offer xcomp:*") says the verb alone means
 * nothing. */
static bool generic(const sr_own_pattern *p)
{
    if (p->negated)
        return false;
    for (uint32_t i = 0; i < p->nslots; i++)
        if ((p->slots[i].fill != SR_OWN_FILL_TARGET &&
             p->slots[i].fill != SR_OWN_FILL_SOURCE) || p->slots[i].nsub)
            return false;
    return true;
}

/* A verb's own code (what it codes when no pattern of it matches) is the
 * code of its most general pattern with the fewest slots, the first in
 * file order among equals; verbs with none code nothing ("---"). */
static void collect_defaults(const sr_own_dict *d, blocks *bl)
{
    for (size_t i = 0; i < d->nentries; i++) {
        const sr_own_entry *e = &d->entries[i];
        if (e->kind != SR_OWN_PRED || e->pattern->noun || !generic(e->pattern))
            continue;
        const sr_own_pattern *p = e->pattern;
        for (uint32_t h = 0; h < p->nheads; h++) {
            char name[SR_DICT_MAX_WORD + 1];
            snprintf(name, sizeof name, "%s%s%s", p->heads[h],
                     p->particles[h] ? "_" : "", p->particles[h] ? p->particles[h] : "");
            size_t k = 0;
            while (k < bl->nd && strcmp(bl->dnames[k], name) != 0)
                k++;
            if (k < bl->nd) {
                if (p->nslots < bl->dslots[k]) {
                    snprintf(bl->dcodes[k], sizeof bl->dcodes[k], "%s", e->code);
                    bl->dslots[k] = p->nslots;
                }
                continue;
            }
            if (bl->nd == bl->capd) {
                bl->capd = bl->capd ? bl->capd * 2 : 256;
                bl->dnames = sr_xrealloc(bl->dnames, bl->capd * sizeof *bl->dnames);
                bl->dcodes = sr_xrealloc(bl->dcodes, bl->capd * sizeof *bl->dcodes);
                bl->dslots = sr_xrealloc(bl->dslots, bl->capd * sizeof *bl->dslots);
            }
            snprintf(bl->dnames[bl->nd], sizeof bl->dnames[bl->nd], "%s", name);
            snprintf(bl->dcodes[bl->nd], sizeof bl->dcodes[bl->nd], "%s", e->code);
            bl->dslots[bl->nd++] = p->nslots;
        }
    }
}

static const char *default_code(const blocks *bl, const char *name)
{
    for (size_t k = 0; k < bl->nd; k++)
        if (strcmp(bl->dnames[k], name) == 0)
            return bl->dcodes[k];
    return "---";
}

/* The plural of a noun lemma, regular English spelling ("strike" ->
 * "strikes", "embargo" -> "embargoes", "assembly" -> "assemblies"). */
static void noun_plural(const char *n, char *out, size_t cap)
{
    size_t k = strlen(n);
    char last = k ? n[k - 1] : 0, prev = k > 1 ? n[k - 2] : 0;
    bool vowel = prev && strchr("aeiou", prev);
    if (last == 'y' && !vowel)
        snprintf(out, cap, "%.*sies", (int)(k - 1), n);
    else if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
             (last == 'h' && (prev == 's' || prev == 'c')))
        snprintf(out, cap, "%ses", n);
    else
        snprintf(out, cap, "%ss", n);
}

/* The block already made under `name`, if any. */
static bool block_known(const blocks *bl, const char *name, uint32_t *id)
{
    for (size_t i = 0; i < bl->n; i++)
        if (strcmp(bl->names[i], name) == 0) {
            *id = bl->ids[i];
            return true;
        }
    return false;
}

static void block_remember(blocks *bl, const char *name, uint32_t id)
{
    if (bl->n == bl->cap) {
        bl->cap = bl->cap ? bl->cap * 2 : 256;
        bl->names = sr_xrealloc(bl->names, bl->cap * sizeof *bl->names);
        bl->ids = sr_xrealloc(bl->ids, bl->cap * sizeof *bl->ids);
    }
    snprintf(bl->names[bl->n], sizeof bl->names[bl->n], "%s", name);
    bl->ids[bl->n++] = id;
}

/* The block of an event noun: named "LEMMA#n" so that the coder tells it
 * from the verb of the same spelling ("strike"); its forms are the lemma
 * (matched by lemma) and the plural as written. */
static uint32_t noun_block_for(sr_dict_builder *b, blocks *bl, const char *head)
{
    char name[SR_DICT_MAX_WORD + 1];
    snprintf(name, sizeof name, "%s" SR_NOUN_BLOCK_SUFFIX, head);
    uint32_t known;
    if (block_known(bl, name, &known))
        return known;
    /* an event noun codes only through its patterns */
    uint32_t id = sr_dictb_verb_block(b, name, "---");
    sr_dictb_verb_form(b, id, head, 0, NULL, SR_PHRASE_LEMMA);
    char plural[SR_DICT_MAX_WORD + 8];
    noun_plural(head, plural, sizeof plural);
    sr_dictb_verb_form(b, id, head, 0, NULL, 0);
    sr_dictb_verb_form(b, id, plural, 0, NULL, 0);
    block_remember(bl, name, id);
    return id;
}

static uint32_t block_for(sr_dict_builder *b, blocks *bl, const char *head,
                          const char *particle)
{
    char name[SR_DICT_MAX_WORD + 1];
    snprintf(name, sizeof name, "%s%s%s", head, particle ? "_" : "",
             particle ? particle : "");
    uint32_t known;
    if (block_known(bl, name, &known))
        return known;
    uint32_t id = sr_dictb_verb_block(b, name, default_code(bl, name));
    char phrase[1024];
    snprintf(phrase, sizeof phrase, "%s%s%s", head, particle ? " " : "",
             particle ? particle : "");
    sr_dictb_verb_form(b, id, phrase, 0, NULL, SR_PHRASE_LEMMA);
    /* the inflected forms too, matched as written */
    char forms[8][SR_DICT_MAX_WORD + 1];
    int nf = verb_inflections(head, forms);
    for (int i = 0; i < nf; i++) {
        int k = snprintf(phrase, sizeof phrase, "%s%s%s", forms[i], particle ? " " : "",
                         particle ? particle : "");
        if (k < 0 || (size_t)k >= sizeof phrase)
            continue;
        sr_dictb_verb_form(b, id, phrase, 0, NULL, 0);
    }
    block_remember(bl, name, id);
    return id;
}

/* A pseudo-slot that stands for the verb in the sequence of slots, so that
 * subjects (which the builder wants before the verb) are spelled out by the
 * same walk as the other slots. */
static const char *const verb_rel[] = {"\x01verb"};

static void add_pred(sr_dict_builder *b, blocks *bl, const sr_own_entry *e)
{
    const sr_own_pattern *p = e->pattern;
    /* The builder's order: "not", subjects, the verb, the other slots. */
    sr_own_slot *seq = sr_xcalloc(p->nslots + 1, sizeof *seq);
    uint32_t n = 0;
    for (uint32_t i = 0; i < p->nslots; i++)
        if (p->slots[i].nrels == 1 && strcmp(p->slots[i].rels[0], "nsubj") == 0)
            seq[n++] = p->slots[i];
    seq[n++] = (sr_own_slot){.rels = (const char **)verb_rel, .nrels = 1,
                             .fill = SR_OWN_FILL_ANY};
    for (uint32_t i = 0; i < p->nslots; i++)
        if (!(p->slots[i].nrels == 1 && strcmp(p->slots[i].rels[0], "nsubj") == 0))
            seq[n++] = p->slots[i];
    for (uint32_t h = 0; h < p->nheads; h++) {
        sr_dictb_at(b, e->file, e->line);
        walk *w = sr_xcalloc(1, sizeof *w);
        w->b = b;
        w->e = e;
        w->block = p->noun ? noun_block_for(b, bl, p->heads[h])
                           : block_for(b, bl, p->heads[h], p->particles[h]);
        if (p->negated)
            push(&w->t, SR_TERM_WORD, 0, "not", "advmod");
        pending all = {seq, n, 0, NULL};
        emit(w, &all);
        free(w);
    }
    free(seq);
}

sr_status sr_own_compile(const sr_own_dict *d, sr_dict_builder *b)
{
    blocks bl = {0};
    collect_defaults(d, &bl);
    for (size_t i = 0; i < d->nentries; i++) {
        const sr_own_entry *e = &d->entries[i];
        switch (e->kind) {
        case SR_OWN_COUNTRY:
            add_actor(b, e);
            add_seats(b, e);
            break;
        case SR_OWN_REGION:
            if (e->nnames)
                add_actor(b, e);
            break;
        case SR_OWN_ACTOR:
        case SR_OWN_PERSON:
        case SR_OWN_MEDIA:
        case SR_OWN_NONACTOR:
            add_actor(b, e);
            break;
        case SR_OWN_AGENT:
            add_agent(b, e);
            break;
        case SR_OWN_DISCARD:
        case SR_OWN_DISCARD_STORY:
            for (uint32_t k = 0; k < e->nnames; k++) {
                sr_dictb_at(b, e->file, e->names[k].line);
                sr_dictb_discard(b, e->names[k].text,
                                 e->kind == SR_OWN_DISCARD_STORY, 0);
            }
            break;
        case SR_OWN_PRED:
            add_pred(b, &bl, e);
            break;
        default:
            break;
        }
    }
    free(bl.names);
    free(bl.ids);
    free(bl.dnames);
    free(bl.dcodes);
    free(bl.dslots);
    return SR_OK;
}

/* ------------------------------------------------------------------------ */
/* Files                                                                     */
/* ------------------------------------------------------------------------ */

/* Recorded beside the source files in a compiled dictionary, so that a
 * dict.srd made by an older version of this compiler is rebuilt: bump it
 * whenever the mapping to the builder changes. */
#define OWN_COMPILER "sitrep own-format compiler"
#define OWN_COMPILER_VERSION 14

static void add_sources(sr_dict_builder *b, const sr_own_dict *d)
{
    sr_dictb_source(b, OWN_COMPILER, OWN_COMPILER_VERSION);
    for (size_t i = 0; i < d->nsources; i++)
        sr_dictb_source(b, d->sources[i].name, d->sources[i].hash);
}

const char *sr_own_default_path(char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/dict.srd", sr_data_dir());
    return buf;
}

sr_status sr_own_compile_file(const sr_own_dict *d, const char *path,
                              sr_diag *diag)
{
    char def[4096];
    if (!path)
        path = sr_own_default_path(def, sizeof def);
    sr_dict_builder *b = sr_dictb_new(diag, true);
    add_sources(b, d);
    sr_own_compile(d, b);
    sr_dict *out = sr_dictb_compile(b);
    if (!out) {
        sr_error(diag, path, "the dictionary could not be compiled (see the "
                 "messages above)");
        return SR_ERR_FORMAT;
    }
    sr_status st = sr_dict_save(out, path, diag);
    sr_dict_free(out);
    return st;
}

/* The source files of data/dict/ with their hashes, as the reader saw them. */
static sr_dict *compile_in_memory(const sr_own_dict *d, sr_diag *diag)
{
    sr_dict_builder *b = sr_dictb_new(diag, false);
    add_sources(b, d);
    sr_own_compile(d, b);
    return sr_dictb_compile(b);
}

sr_dict *sr_own_default_dict(sr_diag *diag)
{
    char dir[4096], path[4096];
    snprintf(dir, sizeof dir, "%s/dict", sr_data_dir());
    sr_own_default_path(path, sizeof path);
    sr_own_dict *d = sr_own_new();
    const char *paths[] = {dir};
    if (sr_own_read_paths(d, paths, 1, diag) != SR_OK || d->nentries == 0) {
        sr_error(diag, dir, "the shipped dictionaries could not be read");
        sr_own_free(d);
        return NULL;
    }
    const char **names = sr_xcalloc(d->nsources + 2, sizeof *names);
    uint64_t *hashes = sr_xcalloc(d->nsources + 2, sizeof *hashes);
    names[0] = OWN_COMPILER;
    hashes[0] = OWN_COMPILER_VERSION;
    for (size_t i = 0; i < d->nsources; i++) {
        names[i + 1] = d->sources[i].name;
        hashes[i + 1] = d->sources[i].hash;
    }
    sr_diag quiet = {.quiet = true, .out = NULL};
    FILE *devnull = fopen("/dev/null", "w");
    quiet.out = devnull;
    sr_dict *dict = NULL;
    struct stat sb;
    if (stat(path, &sb) == 0) {
        dict = sr_dict_load(path, &quiet);
        if (dict && !sr_dict_built_from(dict, names, hashes, d->nsources + 1)) {
            sr_dict_free(dict);
            dict = NULL;
        }
    }
    if (!dict) {
        dict = compile_in_memory(d, diag);
        if (dict)
            sr_dict_save(dict, path, &quiet);   /* a cache; failure is fine */
    }
    if (devnull)
        fclose(devnull);
    free(names);
    free(hashes);
    sr_own_free(d);
    return dict;
}
