/*
 * own_check.c — whole-dictionary checks of the project's own format.
 *
 * The reader checked each line by itself; here the entries are looked at
 * together, because the mistakes that matter in a knowledge base are
 * relations between lines: a name given to two actors, two roles of one
 * person that overlap, a pattern written twice with two codes, a code that
 * no country or sector declares. Every problem is reported with the file
 * and line of each entry involved, and nothing is resolved: a conflict is an
 * error for the author to settle, never a silent "first one wins".
 *
 * How: names and patterns are put in a hash table keyed by their matching
 * form (names case-folded, except short all-capital acronyms; patterns with
 * every alternative spelled out, so "attack|assault obj:T" collides with
 * "attack obj:T"), and each bucket with more than one occupant is judged.
 * Codes are checked against the sectors and bases (countries, regions) the
 * dictionary declares, and event codes against the CAMEO table through a
 * callback, so the checker does not depend on where that table lives.
 */
#include "lexicon/own.h"
#include "core/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* At most this many spelled-out variants of one pattern are compared;
 * beyond it the pattern is reported as too broad to review. */
#define MAX_VARIANTS 512

/* ------------------------------------------------------------------------ */
/* Word lists                                                                */
/* ------------------------------------------------------------------------ */

static bool in_list(const char *const *list, const char *w)
{
    for (; *list; list++)
        if (strcmp(*list, w) == 0)
            return true;
    return false;
}

static const char *const particles[] = {
    "up", "down", "out", "off", "in", "on", "over", "back", "away",
    "through", "about", "around", "aside", "forward", "along", "together",
    "apart", "ahead", "by", "across", "behind", "home", NULL};

static const char *const prepositions[] = {
    "about", "above", "across", "after", "against", "along", "amid",
    "amidst", "among", "amongst", "around", "as", "at", "before", "behind",
    "below", "beneath", "beside", "besides", "between", "beyond", "by",
    "concerning", "despite", "down", "during", "except", "for", "from",
    "in", "inside", "into", "like", "near", "of", "off", "on", "onto",
    "out", "outside", "over", "past", "per", "regarding", "since", "than",
    "through", "throughout", "to", "toward", "towards", "under",
    "underneath", "until", "upon", "via", "with", "within", "without",
    "according_to", "ahead_of", "along_with", "apart_from", "as_for",
    "because_of", "due_to", "except_for", "in_favor_of", "in_favour_of",
    "in_front_of", "instead_of", "on_behalf_of", "out_of", "prior_to",
    "regardless_of", "together_with", "in_support_of", "in_response_to",
    "in_exchange_for", "in_return_for", "in_protest_at", "in_protest_against",
    "away_from", "close_to", "next_to", "alongside", "opposite", "amongst",
    "near_to", "off_of", NULL};

static const char *const relations[] = {
    "obj", "iobj", "nsubj", "xcomp", "ccomp", "advcl", "acl", "compound",
    "amod", "appos", NULL};

/* Clausal relations: their filler is a verb, never an actor. */
static const char *const clausal[] = {"xcomp", "ccomp", "advcl", "acl", NULL};

bool sr_own_is_particle(const char *w) { return in_list(particles, w); }
bool sr_own_is_preposition(const char *w) { return in_list(prepositions, w); }

/* Inflected forms that a verb lemma is not, and lemmas that look inflected
 * but are not. The syntax stage's lemmatiser would be the authority; these
 * lists catch the mistakes authors make ("held talks", "sanctions"). */
static const char *const irregular_forms[] = {
    "held", "met", "took", "taken", "gave", "given", "made", "went", "gone",
    "sent", "said", "told", "led", "fought", "struck", "stricken", "shot",
    "won", "lost", "sought", "bought", "brought", "thought", "caught",
    "taught", "spoke", "spoken", "broke", "broken", "stole", "stolen",
    "chose", "chosen", "froze", "frozen", "drove", "driven", "wrote",
    "written", "rose", "risen", "fell", "fallen", "began", "begun", "ran",
    "came", "became", "kept", "left", "felt", "dealt", "meant", "paid",
    "laid", "seen", "saw", "knew", "known", "showed", "shown", "drew",
    "drawn", "withdrew", "withdrawn", "forbade", "forbidden", "overtook",
    "undertook", "undertaken", "arose", "arisen", "sold", "stood", "understood",
    "withheld", "upheld", "beaten", "bitten", "hid", "hidden", "flew",
    "flown", "threw", "thrown", "swore", "sworn", "tore", "torn", "wore",
    "worn", "bore", "borne", "forgave", "forgiven", "got", "gotten", "did",
    "done", "was", "were", "been", "had", "has", "is", "are", NULL};

static const char *const ed_lemmas[] = {
    "need", "feed", "proceed", "succeed", "exceed", "breed", "bleed",
    "speed", "heed", "seed", "shed", "wed", "embed", "shred", "plead",
    "bed", "weed", "red", "shred", "spearhead", "head", "behead", "lead",
    "read", "spread", "tread", "dread", "mislead", "bred", "sled", "aid",
    "raid", "embed", "unsaid",
    /* adjectives that head predicates ("is prepared to lift the ban") */
    "prepared", "determined", "committed", "concerned", "alarmed",
    "opposed", "interested", "disappointed", "pleased", "worried",
    "satisfied", "convinced", "dismayed", "outraged", "shocked",
    "appalled", "troubled", "encouraged", "delighted", "frustrated",
    "united", "divided", "engaged", "involved", "poised", "scheduled",
    "expected", "supposed", "used", NULL};

static const char *const ing_lemmas[] = {
    "bring", "sing", "ring", "sting", "swing", "string", "spring", "cling",
    "fling", "wring", "sling", "ping", "wing", "king", "thing", "ceiling",
    "briefing", "meeting", "bombing", "shelling", "shooting", "killing",
    "fighting", "uprising", "warning", "hearing", "funding", "landing",
    "offering", "gathering", "ruling", "training", "building", "spending",
    "financing", "kidnapping", "beating", "hijacking", "wiring", "wiretapping",
    "morning", "evening", "ring", "fling", "sibling", "undertaking",
    "understanding", "wrongdoing", "peacekeeping", "policing", "shipping",
    "crossing", "rating", "booking", "sitting", "opening", "closing",
    "setting", "standing", "being", "clothing", "housing", "lending",
    "bailing", "rioting", "looting", "shooting", "stabbing", "massacring",
    "lynching", "hostage-taking", "lobbying", "polling", "voting",
    "campaigning", "mining", "willing", "outstanding", "ongoing", "dumping", "smuggling", "trafficking",
    "bargaining", "talking", "negotiating", "wording", "fencing", "fishing",
    "boarding", "strafing", "gunning", "raiding", "bombarding", "storming",
    "demining", "jamming", "spying", "hacking", "cyberattacking",
    "phone-tapping", "siting", "sing", NULL};

/* Nouns whose lemma ends in -s. */
static const char *const s_lemmas[] = {
    "news", "series", "species", "means", "headquarters", "whereabouts",
    "thanks", "arms", "goods", "teargas", "tear-gas", "themselves",
    "ourselves", "yourselves", "politics", "economics", "logistics", "tactics",
    "ethics", "statistics", "physics", "mathematics", "diabetes", "measles",
    "aids", "isis", "hamas", "gas", "bus", "plus", "bonus", "virus",
    "census", "consensus", "status", "focus", "chorus", "campus", "corpus",
    "sinus", "stimulus", "surplus", "genus", "impetus", "nexus", "onus",
    "lens", "alias", "atlas", "canvas", "bias", "chaos", "ethos", "pathos",
    "kudos", "apparatus", "prospectus", "hiatus", "caucus", "fracas",
    "rebus", "tennis", "analysis", "crisis", "thesis", "basis", "axis",
    "emphasis", "diagnosis", "synthesis", "hypothesis", "paralysis",
    "dialysis", "oasis", "genesis", "nemesis", "prognosis", "parenthesis",
    "tuberculosis", "psychosis", "neurosis", "metropolis", "acropolis",
    "mantis", "iris", "this", "his", "its", "us", "yes",
    "remains", "proceeds", "premises", "outskirts", "earnings", "savings",
    "overseas", "always", "perhaps", "whereas", "process",
    "congress", "progress", "access", "address", "success", "excess",
    "press", "stress", "business", "witness", "distress", "princess",
    "mistress", "fortress", "harness", "express", "compass", "embarrass",
    "amass", "bypass", "trespass", "surpass", "harass", "assess", "possess",
    "confess", "obsess", "dismiss", "kiss", "miss", "cross", "toss",
    "discuss", "pass", "mess", "class", "mass", "grass", "glass", "loss",
    "boss", "gross", "chess", "dress", "guess", "bless", "redress", NULL};

static bool lemma_chars_ok(const char *w)
{
    if (!*w)
        return false;
    for (const char *p = w; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'' ||
              (c >= '0' && c <= '9') || c >= 0x80))
            return false;
    }
    return true;
}

static bool ends_with(const char *w, const char *suf)
{
    size_t n = strlen(w), m = strlen(suf);
    return n >= m && strcmp(w + n - m, suf) == 0;
}

/* Why `w` can never be a lemma the parse gives, or NULL when it can. */
static const char *not_a_lemma(const char *w, bool verb)
{
    if (!lemma_chars_ok(w))
        return "has characters a lemma cannot have (lemmas are lowercase "
               "letters, digits, '-' and '\\'')";
    if (verb && in_list(irregular_forms, w))
        return "is an inflected form, not a lemma";
    if (verb) {
        if (strlen(w) > 4 && ends_with(w, "ed") && !in_list(ed_lemmas, w))
            return "looks like a past form (-ed), not a lemma";
        if (strlen(w) > 5 && ends_with(w, "ing") && !in_list(ing_lemmas, w))
            return "looks like a gerund (-ing), not a lemma";
        if (strlen(w) > 3 && ends_with(w, "s") && !ends_with(w, "ss") &&
            !ends_with(w, "us") && !ends_with(w, "is") && !in_list(s_lemmas, w))
            return "looks like a third-person form (-s), not a lemma";
    } else if (strlen(w) > 3 && ends_with(w, "s") && !ends_with(w, "ss") &&
               !ends_with(w, "us") && !ends_with(w, "is") &&
               !ends_with(w, "ics") && !in_list(s_lemmas, w)) {
        return "looks like a plural, not a lemma (write the singular)";
    }
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Reporting                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct checker {
    const sr_own_dict *d;
    sr_diag *diag;
    unsigned problems;
    sr_own_event_known known;
    void *ctx;
    sr_arena *a;             /* scratch */
    /* declared codes */
    const sr_own_entry **sectors, **bases;
    size_t nsectors, nbases;
} checker;

static void report(checker *c, const char *file, uint32_t line,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void report(checker *c, const char *file, uint32_t line,
                   const char *fmt, ...)
{
    char msg[768], where[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(where, sizeof where, "%s:%u", file, line);
    sr_error(c->diag, where, "%s", msg);
    c->problems++;
}

/* ------------------------------------------------------------------------ */
/* A string-keyed multimap                                                   */
/* ------------------------------------------------------------------------ */

typedef struct ref {
    const char *key;
    const sr_own_entry *e;
    uint32_t name;           /* index of the name, or of the variant */
    uint32_t line;
    struct ref *next;
} ref;

typedef struct table {
    ref **slots;
    size_t nslots;
} table;

static void table_init(table *t, size_t expect)
{
    t->nslots = 1024;
    while (t->nslots < expect * 2)
        t->nslots *= 2;
    t->slots = sr_xcalloc(t->nslots, sizeof *t->slots);
}

static ref **table_bucket(table *t, const char *key)
{
    uint64_t h = sr_hash64(key, strlen(key), 0);
    return &t->slots[h & (t->nslots - 1)];
}

static void table_add(checker *c, table *t, const char *key,
                      const sr_own_entry *e, uint32_t name, uint32_t line)
{
    ref *r = sr_arena_alloc(c->a, sizeof *r);
    *r = (ref){key, e, name, line, NULL};
    ref **b = table_bucket(t, key);
    while (*b)
        b = &(*b)->next;   /* keep input order within a bucket */
    *b = r;
}

/* ------------------------------------------------------------------------ */
/* Declared codes                                                            */
/* ------------------------------------------------------------------------ */

static const sr_own_entry *find_code(const sr_own_entry **v, size_t n,
                                     const char *code, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(v[i]->code) == len && memcmp(v[i]->code, code, len) == 0)
            return v[i];
    return NULL;
}

static void collect_declarations(checker *c)
{
    const sr_own_dict *d = c->d;
    c->sectors = sr_arena_alloc(c->a, (d->nentries + 1) * sizeof *c->sectors);
    c->bases = sr_arena_alloc(c->a, (d->nentries + 1) * sizeof *c->bases);
    for (size_t i = 0; i < d->nentries; i++) {
        const sr_own_entry *e = &d->entries[i];
        bool sector = e->kind == SR_OWN_SECTOR;
        if (!sector && e->kind != SR_OWN_COUNTRY && e->kind != SR_OWN_REGION)
            continue;
        /* Sectors and bases are separate name spaces: CAMEO uses MUS for
         * Mauritius and for Muslim, IGO as a base and as a sector. */
        const sr_own_entry *prev =
            sector ? find_code(c->sectors, c->nsectors, e->code, strlen(e->code))
                   : find_code(c->bases, c->nbases, e->code, strlen(e->code));
        if (prev) {
            report(c, e->file, e->line, "%s %s is already declared as a %s at "
                   "%s:%u", sr_own_kind_name(e->kind), e->code,
                   sr_own_kind_name(prev->kind), prev->file, prev->line);
            continue;
        }
        if (sector)
            c->sectors[c->nsectors++] = e;
        else
            c->bases[c->nbases++] = e;
    }
}

/* Check that every 3-letter segment of code[from..] is a declared sector. */
static bool sectors_ok(checker *c, const char *code, size_t from,
                       const char *file, uint32_t line, const char *what)
{
    size_t n = strlen(code);
    for (size_t i = from; i + 3 <= n; i += 3)
        if (!find_code(c->sectors, c->nsectors, code + i, 3)) {
            report(c, file, line, "%s code %s: '%.3s' is not a declared "
                   "sector (see sectors.txt)", what, code, code + i);
            return false;
        }
    return true;
}

static bool actor_code_ok(checker *c, const char *code, const char *file,
                          uint32_t line, const char *what)
{
    size_t n = strlen(code);
    if (n % 3 != 0) {
        report(c, file, line, "%s code %s is not made of 3-letter parts",
               what, code);
        return false;
    }
    const sr_own_entry *base = find_code(c->bases, c->nbases, code, 3);
    if (!base) {
        report(c, file, line, "%s code %s: '%.3s' is not a declared country "
               "or region", what, code, code);
        return false;
    }
    if (base->kind == SR_OWN_COUNTRY)
        return sectors_ok(c, code, 3, file, line, what);
    return true;
}

static void check_codes(checker *c, const sr_own_entry *e)
{
    const char *kind = sr_own_kind_name(e->kind);
    switch (e->kind) {
    case SR_OWN_ACTOR:
    case SR_OWN_MEDIA:
        if (actor_code_ok(c, e->code, e->file, e->line, kind) &&
            e->kind == SR_OWN_MEDIA && !ends_with(e->code, "MED"))
            report(c, e->file, e->line, "media code %s must end in MED (the "
                   "coder recognises media by it)", e->code);
        break;
    case SR_OWN_AGENT:
        if (strlen(e->code) % 3 != 0)
            report(c, e->file, e->line, "agent code %s is not made of "
                   "3-letter sectors", e->code);
        else
            sectors_ok(c, e->code, 0, e->file, e->line, "agent");
        break;
    case SR_OWN_PRED:
        if (c->known && !c->known(e->code, c->ctx))
            report(c, e->file, e->line, "%s is not a CAMEO event code",
                   e->code);
        break;
    default:
        break;
    }
    for (uint32_t i = 0; i < e->nroles; i++)
        actor_code_ok(c, e->roles[i].code, e->file, e->roles[i].line, "role");
    for (uint32_t i = 0; i < e->nnames; i++)
        if (e->names[i].kind == SR_OWN_SEAT)
            sectors_ok(c, e->names[i].code, 3, e->file, e->names[i].line,
                       "seat");
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                     */
/* ------------------------------------------------------------------------ */

static bool overlap(const sr_own_role *a, const sr_own_role *b)
{
    return a->from < b->to && b->from < a->to;
}

static void show_range(const sr_own_role *r, char *buf, size_t n)
{
    if (!r->dated) {
        snprintf(buf, n, "(default)");
        return;
    }
    char f[16] = "", t[16] = "";
    if (r->from != SR_OWN_DATE_MIN)
        snprintf(f, sizeof f, "%04u-%02u-%02u", r->from / 10000,
                 r->from / 100 % 100, r->from % 100);
    if (r->to != SR_OWN_DATE_MAX)
        snprintf(t, sizeof t, "%04u-%02u-%02u", r->to / 10000,
                 r->to / 100 % 100, r->to % 100);
    snprintf(buf, n, "%s..%s", f, t);
}

static void check_roles(checker *c, const sr_own_entry *e)
{
    int defaults = 0;
    for (uint32_t i = 0; i < e->nroles; i++) {
        const sr_own_role *a = &e->roles[i];
        if (!a->dated && ++defaults == 2)
            report(c, e->file, a->line, "a second role without dates (only "
                   "one default code is possible)");
        for (uint32_t j = 0; a->dated && j < i; j++) {
            const sr_own_role *b = &e->roles[j];
            if (!b->dated || !overlap(a, b))
                continue;
            char ra[48], rb[48];
            show_range(a, ra, sizeof ra);
            show_range(b, rb, sizeof rb);
            report(c, e->file, a->line, "role %s %s overlaps role %s %s at "
                   "line %u", a->code, ra, b->code, rb, b->line);
        }
    }
    if (e->kind == SR_OWN_PERSON && e->nroles == 0)
        report(c, e->file, e->line, "person has no role (no code on any date)");
}

/* ------------------------------------------------------------------------ */
/* Names                                                                     */
/* ------------------------------------------------------------------------ */

/* The matching form of a name: case-folded, as the coder matches. */
static const char *name_key(checker *c, const char *name, bool *acronym)
{
    size_t letters = 0;
    bool lower = false;
    for (const char *p = name; *p; p++) {
        if (*p >= 'a' && *p <= 'z')
            lower = true;
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
            letters++;
    }
    *acronym = !lower && letters > 0 && letters <= 5;
    char *k = sr_arena_strdup(c->a, name);
    for (char *p = k; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
    return k;
}

/* Which family a kind's names belong to: names of one family compete for
 * the same words of a sentence. */
static int family(uint8_t kind)
{
    switch (kind) {
    case SR_OWN_DISCARD:
    case SR_OWN_DISCARD_STORY:
        return 2;
    case SR_OWN_PRED:
    case SR_OWN_SECTOR:
        return 3;
    default:
        return 1;   /* actors, agents, media, nonactors, regions */
    }
}

/* The code a name of `e` gives on dates of role `r` (or e's own code). */
static const char *name_code(const sr_own_entry *e, uint32_t name)
{
    const sr_own_name *n = &e->names[name];
    if (n->kind == SR_OWN_SEAT || n->kind == SR_OWN_PLACE)
        return n->code;
    return e->code;
}

/* Whether two names (of different entries, or of different roles) give
 * different codes on some common date. Sets *same when they always agree. */
static bool names_conflict(const ref *a, const ref *b, bool *same)
{
    const sr_own_entry *ea = a->e, *eb = b->e;
    *same = false;
    bool actorish_a = ea->kind != SR_OWN_AGENT && ea->kind != SR_OWN_NONACTOR;
    bool actorish_b = eb->kind != SR_OWN_AGENT && eb->kind != SR_OWN_NONACTOR;
    if (actorish_a != actorish_b || ea->kind == SR_OWN_NONACTOR ||
        eb->kind == SR_OWN_NONACTOR)
        return ea->kind != eb->kind;   /* nonactor/agent vs actor: conflict */
    if (ea->kind == SR_OWN_AGENT)
        return strcmp(ea->code, eb->code) != 0 ? true : (*same = true, false);
    /* Build each side's periods: the header code (if any) everywhere, then
     * roles. Compare every pair of periods that overlap. */
    sr_own_role pa[64], pb[64];
    size_t na = 0, nb = 0;
    const sr_own_entry *es[2] = {ea, eb};
    const ref *rs[2] = {a, b};
    sr_own_role *ps[2] = {pa, pb};
    size_t *ns[2] = {&na, &nb};
    for (int s = 0; s < 2; s++) {
        const sr_own_entry *e = es[s];
        const char *hc = name_code(e, rs[s]->name);
        if (hc && *hc) {
            sr_own_role r = {.from = SR_OWN_DATE_MIN, .to = SR_OWN_DATE_MAX};
            snprintf(r.code, sizeof r.code, "%s", hc);
            ps[s][(*ns[s])++] = r;
        }
        if (e->names[rs[s]->name].kind == SR_OWN_SEAT ||
            e->names[rs[s]->name].kind == SR_OWN_PLACE)
            continue;   /* a seat's or a place's code is fixed */
        for (uint32_t i = 0; i < e->nroles && *ns[s] < 64; i++) {
            sr_own_role r = e->roles[i];
            if (!r.dated)
                r.from = SR_OWN_DATE_MIN, r.to = SR_OWN_DATE_MAX;
            ps[s][(*ns[s])++] = r;
        }
    }
    bool differ = false;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (overlap(&pa[i], &pb[j]) && strcmp(pa[i].code, pb[j].code) != 0)
                differ = true;
    *same = !differ;
    return differ;
}

static const char *name_kind_word(uint8_t k)
{
    return k == SR_OWN_ADJ ? "adjective" : k == SR_OWN_PEOPLE ? "demonym"
           : k == SR_OWN_SEAT ? "seat" : k == SR_OWN_PLACE ? "place" : "name";
}

static void judge_names(checker *c, ref *first)
{
    for (ref *b = first->next; b; b = b->next) {
        for (ref *a = first; a != b; a = a->next) {
            if (strcmp(a->key, b->key) != 0)
                continue;
            int fa = family(a->e->kind), fb = family(b->e->kind);
            if (fa != fb)
                continue;
            const sr_own_name *na = &a->e->names[a->name];
            const sr_own_name *nb = &b->e->names[b->name];
            if (a->e == b->e) {
                /* One country may list a word as name and adjective. */
                if (na->kind != nb->kind && na->kind != SR_OWN_SEAT &&
                    nb->kind != SR_OWN_SEAT && na->kind != SR_OWN_PLACE &&
                    nb->kind != SR_OWN_PLACE)
                    continue;
                report(c, b->e->file, b->line, "duplicate %s '%s' (already at "
                       "line %u)", name_kind_word(nb->kind), nb->text, a->line);
                break;
            }
            bool same;
            if (fa == 2) {
                report(c, b->e->file, b->line, "duplicate discard '%s' "
                       "(already at %s:%u)", nb->text, a->e->file, a->line);
            } else if (names_conflict(a, b, &same)) {
                report(c, b->e->file, b->line, "conflict: '%s' is a %s %s here "
                       "but a %s %s at %s:%u", nb->text,
                       sr_own_kind_name(b->e->kind), b->e->code[0] ? b->e->code
                       : b->e->nroles ? b->e->roles[0].code : "",
                       sr_own_kind_name(a->e->kind), a->e->code[0] ? a->e->code
                       : a->e->nroles ? a->e->roles[0].code : "",
                       a->e->file, a->line);
                report(c, a->e->file, a->line, "conflict: '%s' is also a %s "
                       "at %s:%u", na->text, sr_own_kind_name(b->e->kind),
                       b->e->file, b->line);
            } else if (same) {
                report(c, b->e->file, b->line, "duplicate: '%s' already names "
                       "the same actor at %s:%u", nb->text, a->e->file, a->line);
            }
            break;   /* one report per name */
        }
    }
}

static void check_names(checker *c)
{
    const sr_own_dict *d = c->d;
    size_t total = 0;
    for (size_t i = 0; i < d->nentries; i++)
        total += d->entries[i].nnames;
    table t;
    table_init(&t, total);
    for (size_t i = 0; i < d->nentries; i++) {
        const sr_own_entry *e = &d->entries[i];
        for (uint32_t j = 0; j < e->nnames; j++) {
            bool acr;
            const char *k = name_key(c, e->names[j].text, &acr);
            table_add(c, &t, k, e, j, e->names[j].line);
        }
    }
    for (size_t s = 0; s < t.nslots; s++)
        if (t.slots[s] && t.slots[s]->next)
            judge_names(c, t.slots[s]);
    free(t.slots);
}

/* ------------------------------------------------------------------------ */
/* Patterns                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct pcheck {
    checker *c;
    const sr_own_entry *e;
    int targets, sources;
    bool subject_moved;      /* nsubj:T */
} pcheck;

static void pbad(pcheck *pc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void pbad(pcheck *pc, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    report(pc->c, pc->e->file, pc->e->line, "pattern '%s' can never match: %s",
           pc->e->pattern->text, msg);
}

static void check_slots(pcheck *pc, const sr_own_slot *v, uint32_t n,
                        bool under_clause)
{
    for (uint32_t i = 0; i < n; i++) {
        const sr_own_slot *s = &v[i];
        bool is_clause = false;
        for (uint32_t r = 0; r < s->nrels; r++) {
            const char *rel = s->rels[r];
            if (!in_list(relations, rel) && !in_list(prepositions, rel))
                pbad(pc, "'%s' is neither a relation (obj, iobj, nsubj, "
                     "xcomp, ccomp, advcl, acl, compound, amod, appos) nor a "
                     "preposition", rel);
            if (in_list(clausal, rel))
                is_clause = true;
            for (uint32_t j = 0; j < i; j++)
                for (uint32_t q = 0; q < v[j].nrels; q++)
                    if (strcmp(v[j].rels[q], rel) == 0 &&
                        !(in_list(prepositions, rel) &&
                          s->fill != SR_OWN_FILL_TARGET &&
                          v[j].fill != SR_OWN_FILL_TARGET))
                        pbad(pc, "relation '%s' is used twice", rel);
        }
        if (s->fill == SR_OWN_FILL_TARGET || s->fill == SR_OWN_FILL_SOURCE) {
            if (is_clause)
                pbad(pc, "a clause (%s) is a verb, not an actor: it cannot be "
                     "%s", s->rels[0], s->fill == SR_OWN_FILL_TARGET ? "T" : "S");
            if (s->fill == SR_OWN_FILL_TARGET && ++pc->targets == 2)
                pbad(pc, "T is given twice");
            if (s->fill == SR_OWN_FILL_SOURCE && ++pc->sources == 2)
                pbad(pc, "S is given twice");
            if (!under_clause && s->fill == SR_OWN_FILL_TARGET &&
                strcmp(s->rels[0], "nsubj") == 0)
                pc->subject_moved = true;
        }
        for (uint32_t l = 0; l < s->nlemmas; l++) {
            /* A filler may be a phrasal verb too: "xcomp:step_down". */
            char word[128];
            snprintf(word, sizeof word, "%s", s->lemmas[l]);
            char *u = strchr(word, '_');
            if (u) {
                *u = '\0';
                if (!in_list(particles, u + 1))
                    pbad(pc, "'%s' is not a particle of a phrasal verb (up, "
                         "down, out, off, ...)", u + 1);
            }
            const char *why = not_a_lemma(word, is_clause);
            if (why)
                pbad(pc, "'%s' %s", word, why);
        }
        check_slots(pc, s->sub, s->nsub, under_clause || is_clause);
    }
}

static void check_pattern(checker *c, const sr_own_entry *e)
{
    const sr_own_pattern *p = e->pattern;
    pcheck pc = {c, e, 0, 0, false};
    for (uint32_t i = 0; i < p->nheads; i++) {
        const char *why = not_a_lemma(p->heads[i], true);
        if (why)
            pbad(&pc, "head '%s' %s", p->heads[i], why);
        const char *prt = p->particles[i];
        if (prt && !in_list(particles, prt))
            pbad(&pc, "'%s' is not a particle of a phrasal verb (up, down, "
                 "out, off, ...)", prt);
    }
    check_slots(&pc, p->slots, p->nslots, false);
    if (pc.subject_moved && pc.sources == 0)
        pbad(&pc, "nsubj:T needs an S slot (else source and target are both "
             "the subject)");
}

/* Spell out the variants of a pattern: one string per choice of head and
 * of each alternative, slots sorted so that order does not matter. */
typedef struct variants {
    char **v;
    size_t n, cap;
    bool overflow;
    sr_arena *a;
} variants;

static void vpush(variants *vs, const char *s)
{
    if (vs->n == MAX_VARIANTS) {
        vs->overflow = true;
        return;
    }
    if (vs->n == vs->cap) {
        vs->cap = vs->cap ? vs->cap * 2 : 8;
        vs->v = sr_xrealloc(vs->v, vs->cap * sizeof *vs->v);
    }
    vs->v[vs->n++] = sr_arena_strdup(vs->a, s);
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Expand a list of slots into `out` (each a sorted, space-joined string). */
static void expand_slots(variants *out, const sr_own_slot *v, uint32_t n,
                         sr_arena *a);

static void expand_slot(variants *out, const sr_own_slot *s, sr_arena *a)
{
    variants subs = {.a = a};
    if (s->nsub)
        expand_slots(&subs, s->sub, s->nsub, a);
    else
        vpush(&subs, "");
    uint32_t nl = s->fill == SR_OWN_FILL_LEMMA ? s->nlemmas : 1;
    for (uint32_t r = 0; r < s->nrels; r++)
        for (uint32_t l = 0; l < nl; l++)
            for (size_t k = 0; k < subs.n; k++) {
                const char *f = s->fill == SR_OWN_FILL_TARGET ? "T"
                                : s->fill == SR_OWN_FILL_SOURCE ? "S"
                                : s->fill == SR_OWN_FILL_ANY ? "*" : s->lemmas[l];
                char *str = sr_arena_printf(a, "%s:%s%s%s%s", s->rels[r], f,
                                            subs.v[k][0] ? "(" : "", subs.v[k],
                                            subs.v[k][0] ? ")" : "");
                vpush(out, str);
            }
    out->overflow |= subs.overflow;
    free(subs.v);
}

static void expand_slots(variants *out, const sr_own_slot *v, uint32_t n,
                         sr_arena *a)
{
    /* Cartesian product over slots, each slot's variants from expand_slot. */
    variants acc = {.a = a};
    vpush(&acc, "");
    for (uint32_t i = 0; i < n && !acc.overflow; i++) {
        variants one = {.a = a};
        expand_slot(&one, &v[i], a);
        variants next = {.a = a};
        for (size_t x = 0; x < acc.n; x++)
            for (size_t y = 0; y < one.n; y++) {
                /* join and keep the parts sorted */
                size_t np = 0;
                char *parts[64];
                char *cp = sr_arena_strdup(a, acc.v[x]);
                for (char *t = strtok(cp, " "); t && np < 63; t = strtok(NULL, " "))
                    parts[np++] = t;
                parts[np++] = one.v[y];
                qsort(parts, np, sizeof *parts, cmp_cstr);
                sr_buf b;
                sr_buf_init(&b);
                for (size_t q = 0; q < np; q++) {
                    if (q)
                        sr_buf_putc(&b, ' ');
                    sr_buf_puts(&b, parts[q]);
                }
                sr_buf_putc(&b, '\0');
                vpush(&next, b.data);
                sr_buf_free(&b);
            }
        next.overflow |= one.overflow | acc.overflow;
        free(one.v);
        free(acc.v);
        acc = next;
    }
    for (size_t i = 0; i < acc.n; i++)
        vpush(out, acc.v[i]);
    out->overflow |= acc.overflow;
    free(acc.v);
}

/* All variants of a whole pattern ("[not ]head[_prt] slots..."). */
static void pattern_variants(const sr_own_pattern *p, variants *out,
                             sr_arena *a)
{
    variants slots = {.a = a};
    expand_slots(&slots, p->slots, p->nslots, a);
    for (uint32_t h = 0; h < p->nheads; h++)
        for (size_t s = 0; s < slots.n; s++)
            vpush(out, sr_arena_printf(a, "%s%s%s%s%s %s", p->noun ? "noun " : "",
                                       p->negated ? "not " : "",
                                       p->heads[h], p->particles[h] ? "_" : "",
                                       p->particles[h] ? p->particles[h] : "",
                                       slots.v[s]));
    out->overflow |= slots.overflow;
    free(slots.v);
}

static void judge_patterns(checker *c, ref *first)
{
    for (ref *b = first->next; b; b = b->next)
        for (ref *a = first; a != b; a = a->next) {
            if (strcmp(a->key, b->key) != 0)
                continue;
            if (a->e == b->e)
                break;   /* alternatives of one line that coincide */
            if (strcmp(a->e->code, b->e->code) == 0) {
                report(c, b->e->file, b->line, "duplicate pattern: '%s' is "
                       "already given (as '%s') at %s:%u", a->key,
                       a->e->pattern->text, a->e->file, a->line);
            } else {
                report(c, b->e->file, b->line, "conflict: pattern '%s' is %s "
                       "here but %s at %s:%u", a->key, b->e->code, a->e->code,
                       a->e->file, a->line);
                report(c, a->e->file, a->line, "conflict: pattern '%s' is "
                       "also %s at %s:%u", a->key, b->e->code, b->e->file,
                       b->line);
            }
            break;
        }
}

static void check_patterns(checker *c)
{
    const sr_own_dict *d = c->d;
    table t;
    table_init(&t, d->nentries * 4);
    for (size_t i = 0; i < d->nentries; i++) {
        const sr_own_entry *e = &d->entries[i];
        if (e->kind != SR_OWN_PRED)
            continue;
        check_pattern(c, e);
        variants vs = {.a = c->a};
        pattern_variants(e->pattern, &vs, c->a);
        if (vs.overflow)
            report(c, e->file, e->line, "pattern '%s' has more than %d "
                   "variants; split it into several lines", e->pattern->text,
                   MAX_VARIANTS);
        for (size_t v = 0; v < vs.n; v++)
            table_add(c, &t, vs.v[v], e, (uint32_t)v, e->line);
        free(vs.v);
    }
    for (size_t s = 0; s < t.nslots; s++)
        if (t.slots[s] && t.slots[s]->next)
            judge_patterns(c, t.slots[s]);
    free(t.slots);
}

/* ------------------------------------------------------------------------ */

unsigned sr_own_check(const sr_own_dict *d, sr_own_event_known known,
                      void *ctx, sr_diag *diag)
{
    checker c = {.d = d, .diag = diag, .known = known, .ctx = ctx};
    c.a = sr_arena_new();
    collect_declarations(&c);
    for (size_t i = 0; i < d->nentries; i++) {
        check_codes(&c, &d->entries[i]);
        check_roles(&c, &d->entries[i]);
    }
    check_names(&c);
    check_patterns(&c);
    sr_arena_free(c.a);
    return c.problems;
}

void sr_own_count(const sr_own_dict *d, sr_own_counts *cnt)
{
    memset(cnt, 0, sizeof *cnt);
    sr_arena *a = sr_arena_new();
    for (size_t i = 0; i < d->nentries; i++) {
        const sr_own_entry *e = &d->entries[i];
        cnt->entries[e->kind]++;
        cnt->names += e->nnames;
        cnt->roles += e->nroles;
        if (e->kind != SR_OWN_PRED)
            continue;
        int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (root >= 1 && root <= 20)
            cnt->root_patterns[root]++;
        cnt->noun_patterns += e->pattern->noun;
        variants vs = {.a = a};
        pattern_variants(e->pattern, &vs, a);
        cnt->pattern_variants += (unsigned)vs.n;
        free(vs.v);
    }
    sr_arena_free(a);
}
