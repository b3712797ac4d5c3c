/* test_kb_code.c — patterns of the project's own dictionary format, compiled
 * and run by the coder on hand-made parses: what a pattern's slots require
 * of the tree ("xcomp:*" needs a complement; a filler's own slots hang on
 * the filler, not on the verb). */
#include "check.h"
#include "parsed.h"
#include "sitrep.h"
#include "core/internal.h"
#include "lexicon/own.h"
#include "lexicon/dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *devnull;

static const char base[] =
    "sector GOV government\n"
    "sector MIL military\n"
    "sector PTY parties\n"
    "country IRN Iran\n"
    "  adj Iranian\n"
    "country ISR Israel\n"
    "  adj Israeli\n"
    "  place Haifa\n"
    "region IGO\n"
    "actor IGOUNO United Nations\n"
    "country USA United States\n"
    "  adj American\n"
    "  seat MIL Pentagon\n"
    "agent GOV president; negotiator\n"
    "agent MIL troop; vessel\n"
    "agent PTY party\n";

/* A coder over `base` plus the predicates in `preds`. */
static sr_coder *coder_for(const char *preds, bool dyad, sr_dict **out)
{
    char text[4096];
    snprintf(text, sizeof text, "%s%s", base, preds);
    sr_diag diag = {.out = devnull};
    sr_own_dict *od = sr_own_new();
    unsigned p = sr_own_parse(od, "t.txt", text, strlen(text), &diag);
    p += sr_own_check(od, sr_own_cameo_known, NULL, &diag);
    CHECK_INT_EQ(p, 0);
    sr_dict_builder *b = sr_dictb_new(&diag, true);
    CHECK_INT_EQ(sr_own_compile(od, b), SR_OK);
    sr_own_free(od);
    sr_dict *d = sr_dictb_compile(b);
    CHECK(d != NULL);
    *out = d;
    if (!d)
        return NULL;
    sr_code_options o;
    sr_code_options_default(&o);
    o.require_dyad = dyad;
    return sr_coder_new(d, &o, &diag);
}

static sr_doc *parsed(const char *spec)
{
    return test_parsed(spec, NULL, devnull);
}

/* Whether the events of `spec`, dated `date` (NULL: undated), include
 * source > target with `code` ("---" for a missing side). */
static bool codes_on(const sr_coder *c, const char *spec, const char *date, const char *s,
                     const char *t, const char *code)
{
    sr_doc *d = test_parsed(spec, date, devnull);
    if (!d)
        return false;
    sr_event *ev;
    size_t n = sr_code_doc(c, d, &ev);
    bool found = false;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(ev[i].source.code, s) && !strcmp(ev[i].target.code, t) &&
            !strcmp(ev[i].cameo, code))
            found = true;
    sr_doc_free(d);
    return found;
}

static bool codes(const sr_coder *c, const char *spec, const char *s, const char *t,
                  const char *code)
{
    return codes_on(c, spec, NULL, s, t, code);
}

/* A verb the parser gave two subjects, the first from the clause before
 * its subordinator ("the talks over Iran's programme since Trump
 * returned"), has the one after the subordinator as its subject. */
static void test_subject_after_mark(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 111 criticize obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *s = "Iranian/ADJ/2/amod talks|talk/NOUN/5/nsubj since/SCONJ/5/mark "
                        "Israel/PROPN/5/nsubj criticized|criticize/VERB/0/root "
                        "Pentagon/PROPN/5/obj ./PUNCT/5/punct";
        CHECK(codes(c, s, "ISR", "USAMIL", "111"));
        CHECK(!codes(c, s, "IRN", "USAMIL", "111"));
        /* no subordinator between them: the first subject stays */
        CHECK(codes(c, "Iran/PROPN/3/nsubj and/CCONJ/3/cc criticized|criticize/VERB/0/root "
                       "Pentagon/PROPN/3/obj ./PUNCT/3/punct",
                    "IRN", "USAMIL", "111"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "*" as a filler asks for a word in that relation. */
static void test_any_filler(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 0311 promise xcomp:*\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj promised|promise/VERB/0/root to/PART/4/mark "
                       "help|help/VERB/2/xcomp Israel/PROPN/4/obj ./PUNCT/2/punct",
                    "IRN", "ISR", "0311"));
        /* no complement: the pattern does not apply */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj promised|promise/VERB/0/root Israel/PROPN/2/obj "
                        "./PUNCT/2/punct",
                     "IRN", "ISR", "0311"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* A filler's own slot hangs on the filler: "ccomp:*(nsubj:T)" is the
 * subject of the complement, never the subject of the verb. */
static void test_nested_slots(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 100 demand ccomp:*(nsubj:T)\n", false, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj demanded|demand/VERB/0/root that/SCONJ/5/mark "
                       "Israel/PROPN/5/nsubj leave|leave/VERB/2/ccomp ./PUNCT/2/punct",
                    "IRN", "ISR", "100"));
        /* the complement's subject is no actor: Iran is not the target */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj demanded|demand/VERB/0/root that/SCONJ/5/mark "
                        "talks|talk/NOUN/5/nsubj resume|resume/VERB/2/ccomp ./PUNCT/2/punct",
                     "---", "IRN", "100"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
    /* a particle of a nested filler hangs on that filler */
    c = coder_for("pred 0256 urge obj:T xcomp:back_down\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj urged|urge/VERB/0/root Israel/PROPN/2/obj to/PART/5/mark "
                       "back|back/VERB/2/xcomp down/ADP/5/compound:prt ./PUNCT/2/punct",
                    "IRN", "ISR", "0256"));
        CHECK(!codes(c, "Iran/PROPN/2/nsubj urged|urge/VERB/0/root Israel/PROPN/2/obj to/PART/5/mark "
                        "back|back/VERB/2/xcomp ./PUNCT/2/punct",
                     "IRN", "ISR", "0256"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Subjects the parser hides: a verb hung on the sentence's head noun (as a
 * clause or an apposition) is that noun's act, not a reduced passive; a
 * complement of a later "said" takes the subject of "said" before it. */
static void test_hidden_subjects(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *acl = "Iran/PROPN/0/root attacked|attack/VERB:VBN/1/acl Israel/PROPN/2/obj "
                          "./PUNCT/1/punct";
        CHECK(codes(c, acl, "IRN", "ISR", "190"));
        CHECK(!codes(c, acl, "ISR", "IRN", "190"));
        CHECK(codes(c, "Iran/PROPN/0/root has/AUX/3/aux attacked|attack/VERB/1/appos "
                       "Israel/PROPN/3/obj ./PUNCT/1/punct",
                    "IRN", "ISR", "190"));
        CHECK(codes(c, "Iran/PROPN/6/nsubj attacked|attack/VERB/6/ccomp Israel/PROPN/2/obj "
                       ",/PUNCT/2/punct officials|official/NOUN/6/nsubj said|say/VERB/0/root "
                       "./PUNCT/6/punct",
                    "IRN", "ISR", "190"));
        /* a reduced passive set off by a comma keeps its reading:
         * "Israel, attacked by Iran" */
        const char *pass = "Israel/PROPN/0/root ,/PUNCT/3/punct attacked|attack/VERB:VBN/1/acl "
                           "by/ADP/5/case Iran/PROPN/3/obl ./PUNCT/1/punct";
        CHECK(codes(c, pass, "IRN", "ISR", "190"));
        CHECK(!codes(c, pass, "ISR", "IRN", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* What an actor says it will do is an intent (03x) or a threat (13x). */
static void test_intent(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 190 attack obj:T\n"
                            "pred 042 visit obj:T\n"
                            "pred 163 boycott obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/3/nsubj will/AUX/3/aux attack|attack/VERB/0/root "
                       "Israel/PROPN/3/obj ./PUNCT/3/punct",
                    "IRN", "ISR", "1384"));
        CHECK(codes(c, "Iran/PROPN/3/nsubj will/AUX/3/aux visit|visit/VERB/0/root "
                       "Israel/PROPN/3/obj ./PUNCT/3/punct",
                    "IRN", "ISR", "036"));
        /* "would" in what someone said; not in the main clause */
        CHECK(codes(c, "Iran/PROPN/2/nsubj said|say/VERB/0/root it/PRON/5/nsubj "
                       "would/AUX/5/aux boycott|boycott/VERB/2/ccomp Israel/PROPN/5/obj "
                       "./PUNCT/2/punct",
                    "IRN", "ISR", "1312"));
        CHECK(codes(c, "Iran/PROPN/3/nsubj would/AUX/3/aux boycott|boycott/VERB/0/root "
                       "Israel/PROPN/3/obj ./PUNCT/3/punct",
                    "IRN", "ISR", "163"));
        /* "is expected to visit" */
        CHECK(codes(c, "Iran/PROPN/3/nsubj:pass is/AUX/3/aux:pass expected|expect/VERB/0/root "
                       "to/PART/5/mark visit|visit/VERB/3/xcomp Israel/PROPN/5/obj ./PUNCT/3/punct",
                    "IRN", "ISR", "036"));
        /* a condition is no intent; the past is the act itself */
        CHECK(!codes(c, "if/SCONJ/4/mark Iran/PROPN/4/nsubj will/AUX/4/aux attack|attack/VERB/0/root "
                        "Israel/PROPN/4/obj ./PUNCT/4/punct",
                     "IRN", "ISR", "1384"));
        CHECK(codes(c, "Iran/PROPN/2/nsubj attacked|attack/VERB/0/root Israel/PROPN/2/obj "
                       "./PUNCT/2/punct",
                    "IRN", "ISR", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Agents without a country of their own: a possessive pronoun's
 * antecedent ("its troops"); else the only state the sentence names,
 * unless that makes them the other side itself. */
static void test_agent_countries(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 0874 withdraw obj:T from:*\n"
                            "pred 190 attack obj:T\n"
                            "pred 1323 impose obj:curfew in:T\n"
                            "pred 154 dispatch obj:T\n", false, &d);
    CHECK(c != NULL);
    if (c) {
        /* "Iran said it withdrew its troops from Israel" */
        CHECK(codes(c, "Iran/PROPN/2/nsubj said|say/VERB/0/root it/PRON/4/nsubj "
                       "withdrew|withdraw/VERB/2/ccomp its/PRON/6/nmod:poss troops|troop/NOUN/4/obj "
                       "from/ADP/8/case Israel/PROPN/4/obl ./PUNCT/2/punct",
                    "IRN", "IRNMIL", "0874"));
        /* "The president imposed a curfew in Iran": the only state named */
        CHECK(codes(c, "The/DET/2/det president|president/NOUN/3/nsubj imposed|impose/VERB/0/root "
                       "a/DET/5/det curfew|curfew/NOUN/3/obj in/ADP/7/case Iran/PROPN/3/obl "
                       "./PUNCT/3/punct",
                    "IRNGOV", "IRN", "1323"));
        /* two states named: the agent stays without one */
        CHECK(codes(c, "The/DET/2/det president|president/NOUN/3/nsubj imposed|impose/VERB/0/root "
                       "a/DET/5/det curfew|curfew/NOUN/3/obj in/ADP/7/case Iran/PROPN/3/obl "
                       "near/ADP/9/case Israel/PROPN/7/nmod ./PUNCT/3/punct",
                    "---GOV", "IRN", "1323"));
        CHECK(codes(c, "The/DET/2/det president|president/NOUN/3/nsubj attacked|attack/VERB/0/root "
                       "Israeli/ADJ/5/amod troops|troop/NOUN/3/obj ./PUNCT/3/punct",
                    "ISRGOV", "ISRMIL", "190"));
        /* "The Pentagon dispatched vessels": not USAMIL > USAMIL */
        CHECK(codes(c, "The/DET/2/det Pentagon/PROPN/3/nsubj dispatched|dispatch/VERB/0/root "
                       "vessels|vessel/NOUN/3/obj ./PUNCT/3/punct",
                    "USAMIL", "---MIL", "154"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* A city or region (a `place` line) of the source's own country says
 * where the act happened, not whom it concerned; a foreign place, the
 * country's own name and uses of force keep it as the target. */
static void test_home_places(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 042 visit obj:T\n"
                            "pred 190 attack obj:T\n", false, &d);
    CHECK(c != NULL);
    if (c) {
        const char *home = "The/DET/3/det Israeli/ADJ/3/amod president|president/NOUN/4/nsubj "
                           "visited|visit/VERB/0/root Haifa/PROPN/4/obj ./PUNCT/4/punct";
        CHECK(!codes(c, home, "ISRGOV", "ISR", "042"));
        CHECK(codes(c, home, "ISRGOV", "---", "042"));
        CHECK(codes(c, "The/DET/3/det Iranian/ADJ/3/amod president|president/NOUN/4/nsubj "
                       "visited|visit/VERB/0/root Haifa/PROPN/4/obj ./PUNCT/4/punct",
                    "IRNGOV", "ISR", "042"));
        CHECK(codes(c, "The/DET/3/det Israeli/ADJ/3/amod president|president/NOUN/4/nsubj "
                       "visited|visit/VERB/0/root Israel/PROPN/4/obj ./PUNCT/4/punct",
                    "ISRGOV", "ISR", "042"));
        CHECK(codes(c, "Israeli/ADJ/2/amod troops|troop/NOUN/3/nsubj attacked|attack/VERB/0/root "
                       "Haifa/PROPN/3/obj ./PUNCT/3/punct",
                    "ISRMIL", "ISR", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "Iran and Israel agreed on a pact": with no target, the members of a
 * compound subject of a cooperative act act on each other; not so for
 * conflict ("Iran and Israel attacked"). */
static void test_reciprocal(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 057 agree on|upon:pact\n"
                            "pred 040 meet\n"
                            "pred 190 attack\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *agree = "Iran/PROPN/4/nsubj and/CCONJ/3/cc Israel/PROPN/1/conj "
                            "agreed|agree/VERB/0/root on/ADP/7/case a/DET/7/det pact|pact/NOUN/4/obl "
                            "./PUNCT/4/punct";
        CHECK(codes(c, agree, "IRN", "ISR", "057"));
        CHECK(codes(c, agree, "ISR", "IRN", "057"));
        CHECK(!codes(c, "Iran/PROPN/4/nsubj and/CCONJ/3/cc Israel/PROPN/1/conj "
                        "attacked|attack/VERB/0/root ./PUNCT/4/punct",
                     "IRN", "ISR", "190"));
        /* members of one noun phrase: "Iran and Israeli negotiators met" */
        CHECK(codes(c, "Iran/PROPN/4/compound and/CCONJ/3/cc Israeli/ADJ/1/conj "
                       "negotiators|negotiator/NOUN/5/nsubj met|meet/VERB/0/root ./PUNCT/5/punct",
                    "IRNGOV", "ISRGOV", "040"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Copular predicates: "it is willing to" with "it" parsed as an
 * expletive still has "it" (and its antecedent) as subject; "he is
 * prepared to" is no passive. */
static void test_copulas(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 0311 willing xcomp:help(obj:T)\n"
                            "pred 0312 prepared obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj said|say/VERB/0/root it/PRON/5/expl is|be/AUX/5/cop "
                       "willing|willing/ADJ/2/ccomp to/PART/7/mark help|help/VERB/5/xcomp "
                       "Israel/PROPN/7/obj ./PUNCT/2/punct",
                    "IRN", "ISR", "0311"));
        const char *prep = "Iran/PROPN/2/nsubj said|say/VERB/0/root he/PRON/5/nsubj:pass "
                           "is|be/AUX/5/cop prepared|prepare/VERB/2/ccomp Israel/PROPN/5/obj "
                           "./PUNCT/2/punct";
        CHECK(codes(c, prep, "IRN", "ISR", "0312"));
        CHECK(!codes(c, prep, "ISR", "IRN", "0312"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* What a sentence leaves to the next: its subject, for a pronoun that
 * opens the next one ("Iran ... . It attacked ..."), and its only state,
 * for an agent there with no country ("... . The president attacked"). */
static void test_context(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 190 attack obj:T\n"
                            "pred 010 say\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *first = "Iran/PROPN/2/nsubj warned|warn/VERB/0/root ./PUNCT/2/punct || ";
        char spec[512];
        snprintf(spec, sizeof spec, "%s%s", first,
                 "It/PRON/2/nsubj attacked|attack/VERB/0/root Israel/PROPN/2/obj ./PUNCT/2/punct");
        CHECK(codes(c, spec, "IRN", "ISR", "190"));
        /* "he" is a person, not a country */
        snprintf(spec, sizeof spec, "%s%s", first,
                 "He/PRON/2/nsubj attacked|attack/VERB/0/root Israel/PROPN/2/obj ./PUNCT/2/punct");
        CHECK(!codes(c, spec, "IRN", "ISR", "190"));
        /* an agent takes the state the sentence before named */
        snprintf(spec, sizeof spec, "%s%s", first,
                 "The/DET/2/det president|president/NOUN/3/nsubj attacked|attack/VERB/0/root "
                 "the/DET/6/det United/PROPN/6/compound Nations/PROPN/3/obj ./PUNCT/3/punct");
        CHECK(codes(c, spec, "IRNGOV", "IGOUNO", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "Iran threatened to break relations with Israel" with the infinitive
 * parsed as an adverbial clause: still the verb's complement, for the
 * pattern and for the target. */
static void test_infinitive_as_adverbial(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 1313 threaten xcomp:break(obj:relation)\n"
                            "pred 130 threaten xcomp:*\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *spec = "Iran/PROPN/2/nsubj threatened|threaten/VERB/0/root to/PART/4/mark "
                           "break|break/VERB/2/advcl relations|relation/NOUN/4/obj with/ADP/7/case "
                           "Israel/PROPN/5/nmod ./PUNCT/2/punct";
        CHECK(codes(c, spec, "IRN", "ISR", "1313"));
        /* a clause with a subject of its own stays adverbial */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj threatened|threaten/VERB/0/root because/SCONJ/5/mark "
                        "Israel/PROPN/5/nsubj broke|break/VERB/2/advcl relations|relation/NOUN/5/obj "
                        "./PUNCT/2/punct",
                     "IRN", "ISR", "1313"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "Iran said on Tuesday Israel attacked Syria" parsed with "on" as a
 * marker: "Tuesday" before the verb is a date, not a listed subject. */
static void test_dates_are_no_subjects(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("country SYR Syria\n"
                            "pred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *spec = "Iran/PROPN/2/nsubj said|say/VERB/0/root on/ADP/6/mark "
                           "Tuesday/PROPN/6/obl Israel/PROPN/6/nsubj attacked|attack/VERB/2/ccomp "
                           "Syria/PROPN/6/obj ./PUNCT/2/punct";
        CHECK(codes(c, spec, "ISR", "SYR", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "The party said it will boycott Iran's elections": "it" is the party,
 * an agent with no country, which the sentence's only state then gives. */
static void test_pronoun_agent(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 163 boycott obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "The/DET/2/det party|party/NOUN/3/nsubj said|say/VERB/0/root "
                       "it/PRON/6/nsubj will/AUX/6/aux boycott|boycott/VERB/3/ccomp "
                       "Iran/PROPN/8/nmod:poss elections|election/NOUN/6/obj ./PUNCT/3/punct",
                    "IRNPTY", "IRN", "1312"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* sitrep's own mode codes a named source's event of a kind that stands
 * without a target ("Iran threatened to close the strait", "Iran
 * demanded that talks resume"), target "---"; not a statement, not an
 * agent with no country, not a passive's source, not a denied event, not
 * a bare verb's code outside demands, threats, protests and postures, and
 * never with --petrarch or with one_sided off. */
static void test_one_sided(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 130 threaten xcomp:*\n"
                            "pred 100 demand from:T\n"
                            "pred 010 issue obj:statement\n"
                            "pred 190 move into:T\n", true, &d);
    CHECK(c != NULL);
    const char *threat = "Iran/PROPN/2/nsubj threatened|threaten/VERB/0/root to/PART/4/mark "
                         "close|close/VERB/2/xcomp talks|talk/NOUN/4/obj ./PUNCT/2/punct";
    const char *demand = "Iran/PROPN/2/nsubj demanded|demand/VERB/0/root that/SCONJ/5/mark "
                         "talks|talk/NOUN/5/nsubj resume|resume/VERB/2/ccomp ./PUNCT/2/punct";
    if (c) {
        CHECK(codes(c, threat, "IRN", "---", "130"));
        /* the verb's own code: demands name the act by themselves */
        CHECK(codes(c, demand, "IRN", "---", "100"));
        /* a bare "moved" says too little without its target */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj moved|move/VERB/0/root ./PUNCT/2/punct",
                     "IRN", "---", "190"));
        /* statements are no events without an addressee */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj issued|issue/VERB/0/root a/DET/4/det "
                        "statement|statement/NOUN/2/obj ./PUNCT/2/punct",
                     "IRN", "---", "010"));
        /* an agent with no country names no one */
        CHECK(!codes(c, "the/DET/2/det president|president/NOUN/3/nsubj threatened|threaten/VERB/0/root "
                        "to/PART/5/mark close|close/VERB/3/xcomp talks|talk/NOUN/5/obj ./PUNCT/3/punct",
                     "---GOV", "---", "130"));
        /* a denied threat is not coded one-sided */
        CHECK(!codes(c, "Iran/PROPN/4/nsubj did|do/AUX/4/aux not/PART/4/advmod "
                        "threaten|threaten/VERB/0/root to/PART/6/mark close|close/VERB/4/xcomp "
                        "talks|talk/NOUN/6/obj ./PUNCT/4/punct",
                     "IRN", "---", "130"));
    }
    sr_coder_free(c);
    /* off: dyads only */
    sr_diag diag = {.out = devnull};
    sr_code_options o;
    sr_code_options_default(&o);
    o.one_sided = false;
    c = sr_coder_new(d, &o, &diag);
    CHECK(c != NULL);
    if (c)
        CHECK(!codes(c, threat, "IRN", "---", "130"));
    sr_coder_free(c);
    /* PETRARCH's convention: dyads only */
    sr_code_options_default(&o);
    o.petrarch = true;
    c = sr_coder_new(d, &o, &diag);
    CHECK(c != NULL);
    if (c)
        CHECK(!codes(c, threat, "IRN", "---", "130"));
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "The two leaders held a phone call", "the two countries met": a
 * definite plural that counts two stands for the last two actors named
 * before it (in its sentence, else in the one before), persons for
 * "leaders"; one event per pair. */
static void test_definite_pair(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("person Masoud Pezeshkian; Pezeshkian\n  role IRNGOV\n"
                            "person Isaac Herzog; Herzog\n  role ISRGOV\n"
                            "pred 041 hold obj:call\n"
                            "pred 040 meet\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *before = "Pezeshkian|pezeshkian/PROPN/2/nsubj wrote|write/VERB/0/root to/ADP/4/case "
                             "Herzog|herzog/PROPN/2/obl about/ADP/6/case Iran/PROPN/2/obl ./PUNCT/2/punct || ";
        const char *call = "The/DET/3/det two/NUM/3/nummod leaders|leader/NOUN/4/nsubj "
                           "held|hold/VERB/0/root a/DET/6/det call|call/NOUN/4/obj ./PUNCT/4/punct";
        char spec[1024];
        snprintf(spec, sizeof spec, "%s%s", before, call);
        /* persons: Pezeshkian and Herzog, not the bare state named last */
        CHECK(codes(c, spec, "IRNGOV", "ISRGOV", "041"));
        CHECK(!codes(c, spec, "ISRGOV", "IRNGOV", "041"));   /* one event per pair */
        CHECK(!codes(c, spec, "ISRGOV", "IRN", "041"));
        /* in the same sentence: the two actors named before the phrase */
        CHECK(codes(c, "Iran/PROPN/4/nsubj and/CCONJ/3/cc Israel/PROPN/1/conj said|say/VERB/0/root "
                       "the/DET/7/det two/NUM/7/nummod countries|country/NOUN/8/nsubj met|meet/VERB/4/ccomp "
                       "./PUNCT/4/punct",
                    "IRN", "ISR", "040"));
        /* no pair without a count of two */
        snprintf(spec, sizeof spec, "%s%s", before,
                 "The/DET/2/det leaders|leader/NOUN/3/nsubj held|hold/VERB/0/root a/DET/5/det "
                 "call|call/NOUN/3/obj ./PUNCT/3/punct");
        CHECK(!codes(c, spec, "IRNGOV", "ISRGOV", "041"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Places: a city is its country ("Israel attacked Haifa" is no event of
 * one state on itself, "Iran attacked Haifa" is IRN > ISR); a place the
 * act happened in is no target ("Iran met in Haifa"); nor are actors of a
 * relative clause under the object. */
static void test_places(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 190 attack obj:T\n"
                            "pred 040 meet\n"
                            "pred 041 hold obj:call\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj attacked|attack/VERB/0/root Haifa/PROPN/2/obj ./PUNCT/2/punct",
                    "IRN", "ISR", "190"));
        CHECK(!codes(c, "Iran/PROPN/2/nsubj met|meet/VERB/0/root in/ADP/4/case Haifa/PROPN/2/obl "
                        "./PUNCT/2/punct",
                     "IRN", "ISR", "040"));
        CHECK(!codes(c, "Iran/PROPN/2/nsubj held|hold/VERB/0/root a/DET/4/det call|call/NOUN/2/obj "
                        "in/ADP/6/case which/PRON/8/obl it/PRON/8/nsubj attacked|attack/VERB/4/acl:relcl "
                        "Israel/PROPN/8/obj ./PUNCT/2/punct",
                     "IRN", "ISR", "041"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "According to the Israeli Walla news website, ...": the attribution is
 * the whole noun phrase, not its first modifier. */
static void test_according_to(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    sr_doc *doc = parsed("According|accord/VERB/7/case to/ADP/1/fixed the/DET/7/det Israeli/ADJ/5/amod "
                         "Walla/PROPN/7/compound news/NOUN/7/compound website/NOUN/10/obl ,/PUNCT/7/punct "
                         "Iran/PROPN/10/nsubj attacked|attack/VERB/0/root Israel/PROPN/10/obj ./PUNCT/10/punct");
    if (c && doc) {
        sr_event *ev;
        size_t n = sr_code_doc(c, doc, &ev);
        CHECK_INT_EQ(n, 1);
        if (n == 1)
            CHECK_STR_EQ(ev[0].attribution, "the Israeli Walla news website");
    }
    sr_doc_free(doc);
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "Iran retaliated before Israeli troops struck Iran": a subordinator the
 * parser took for the preposition of the noun phrase before a past-tense
 * verb hung under the main verb; that phrase is the verb's subject and the
 * clause is not folded into the main verb's event. */
static void test_subordinator_as_case(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 195 strike obj:T\n"
                            "pred 190 retaliate against:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *spec = "Iran/PROPN/2/nsubj retaliated|retaliate/VERB:VBD/0/root before/ADP/5/case "
                           "Israeli/ADJ/5/amod troops|troop/NOUN/2/obl struck|strike/VERB:VBD/2/xcomp "
                           "Iran/PROPN/6/obj ./PUNCT/2/punct";
        CHECK(codes(c, spec, "ISRMIL", "IRN", "195"));
        /* "with Israeli troops struck": no subordinator, no subject */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj retaliated|retaliate/VERB:VBD/0/root with/ADP/5/case "
                        "Israeli/ADJ/5/amod troops|troop/NOUN/2/obl struck|strike/VERB:VBD/2/xcomp "
                        "Iran/PROPN/6/obj ./PUNCT/2/punct",
                     "ISRMIL", "IRN", "195"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* A non-actor ("the Strait of Hormuz", code "---") is no side of an
 * event: with dyads only, "Iran closed the Strait of Hormuz" is none. */
static void test_nonactor_side(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("nonactor Strait of Hormuz\n"
                            "pred 191 close obj:T\n", true, &d);
    CHECK(c != NULL);
    sr_diag diag = {.out = devnull};
    sr_code_options o;
    sr_code_options_default(&o);
    o.one_sided = false;
    sr_coder *c2 = d ? sr_coder_new(d, &o, &diag) : NULL;
    const char *spec = "Iran/PROPN/2/nsubj closed|close/VERB/0/root the/DET/4/det Strait/PROPN/2/obj "
                       "of/ADP/6/case Hormuz/PROPN/4/nmod ./PUNCT/2/punct";
    if (c2) {
        sr_doc *doc = parsed(spec);
        sr_event *ev;
        CHECK_INT_EQ(doc ? sr_code_doc(c2, doc, &ev) : 1, 0);
        sr_doc_free(doc);
    }
    if (c)   /* with one-sided events: the target is empty, not the strait */
        CHECK(codes(c, spec, "IRN", "---", "191"));
    sr_coder_free(c2);
    sr_coder_free(c);
    sr_dict_free(d);
}

/* A role noun named alone ("the president attacked") takes the country
 * the document gave the same role noun before ("the Israeli president"),
 * even after a sentence that named several states. */
static void test_agent_seen_before(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 190 attack obj:T\n"
                            "pred 040 meet obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *first = "The/DET/3/det Israeli/ADJ/3/amod president|president/NOUN/4/nsubj "
                            "met|meet/VERB/0/root Iran/PROPN/4/obj and/CCONJ/9/cc the/DET/9/det "
                            "United/PROPN/9/compound States/PROPN/5/conj ./PUNCT/4/punct || ";
        char spec[1024];
        snprintf(spec, sizeof spec, "%s%s", first,
                 "The/DET/2/det president|president/NOUN/3/nsubj attacked|attack/VERB/0/root "
                 "the/DET/6/det United/PROPN/6/compound Nations/PROPN/3/obj ./PUNCT/3/punct");
        CHECK(codes(c, spec, "ISRGOV", "IGOUNO", "190"));
        /* another role noun does not borrow it */
        snprintf(spec, sizeof spec, "%s%s", first,
                 "The/DET/2/det troops|troop/NOUN/3/nsubj attacked|attack/VERB/0/root "
                 "the/DET/6/det United/PROPN/6/compound Nations/PROPN/3/obj ./PUNCT/3/punct");
        CHECK(!codes(c, spec, "ISRMIL", "IGOUNO", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "Israeli troops destroyed Iranian homes, Iranian officials said" with
 * "homes" parsed as the subject of "said" (the officials its conjunct)
 * and "destroyed" left without an object: the phrase before the comma is
 * the object, the conjunct after it the speaker. */
static void test_subject_of_said(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 171 destroy obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c)
        CHECK(codes(c, "Israeli/ADJ/2/amod troops|troop/NOUN/3/nsubj destroyed|destroy/VERB:VBD/9/ccomp "
                       "Iranian/ADJ/5/amod homes|home/NOUN/9/nsubj ,/PUNCT/8/punct Iranian/ADJ/8/amod "
                       "officials|official/NOUN/5/conj said|say/VERB/0/root ./PUNCT/9/punct",
                    "ISRMIL", "IRN", "171"));
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "Iran allowed the party to run" with the infinitive hung on the object
 * as a clause of the noun: the verb's open complement all the same. */
static void test_infinitive_on_object(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 0812 allow obj:T xcomp:run\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj allowed|allow/VERB/0/root the/DET/5/det Israeli/ADJ/5/amod "
                       "party|party/NOUN/2/obj to/PART/7/mark run|run/VERB/5/acl ./PUNCT/2/punct",
                    "IRN", "ISRPTY", "0812"));
        /* an infinitive of a noun that is no object of the verb does not count */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj allowed|allow/VERB/0/root the/DET/5/det Israeli/ADJ/5/amod "
                        "party|party/NOUN/2/obl to/PART/7/mark run|run/VERB/5/acl ./PUNCT/2/punct",
                     "IRN", "ISRPTY", "0812"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* The events of `spec` with `code`, and the modality of the first. */
static int count_code(const sr_coder *c, const char *spec, const char *code,
                      sr_modality *mod)
{
    sr_doc *d = parsed(spec);
    if (!d)
        return -1;
    sr_event *ev;
    size_t n = sr_code_doc(c, d, &ev);
    int k = 0;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(ev[i].cameo, code)) {
            if (!k && mod)
                *mod = ev[i].modality;
            k++;
        }
    sr_doc_free(d);
    return k;
}

/* Event nouns (`noun` lines): "Israeli strikes on Iran", "Iran's attack on
 * Israel"; the source from the noun's own phrase, the target from the
 * pattern; none without a source; never twice with a light verb; the
 * modality of the clause; not in PETRARCH's mode. */
static void test_event_nouns(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 040 hold obj:talk with:T\n"
                            "noun 040 talk with:T\n"
                            "noun 040 talk between:T\n"
                            "noun 190 attack on:T\n"
                            "noun 195 strike on:T\n"
                            "noun 163 sanction\n", true, &d);
    CHECK(c != NULL);
    const char *strikes = "Israeli/ADJ/2/amod strikes|strike/NOUN/5/nsubj on/ADP/4/case "
                          "Iran/PROPN/2/nmod killed|kill/VERB/0/root ten/NUM/7/nummod "
                          "people|people/NOUN/5/obj ./PUNCT/5/punct";
    if (c) {
        sr_modality m = SR_MOD_NEGATED;
        CHECK(codes(c, strikes, "ISR", "IRN", "195"));
        CHECK_INT_EQ(count_code(c, strikes, "195", &m), 1);
        CHECK_INT_EQ(m, SR_MOD_ASSERTED);
        /* a possessor is the source */
        CHECK(codes(c, "Iran/PROPN/3/nmod:poss 's/PART/1/case attack|attack/NOUN/6/nsubj "
                       "on/ADP/5/case Israel/PROPN/3/nmod failed|fail/VERB/0/root ./PUNCT/6/punct",
                    "IRN", "ISR", "190"));
        /* an actor of the prepositional phrase is no source */
        CHECK_INT_EQ(count_code(c, "strikes|strike/NOUN/4/nsubj on/ADP/3/case Iran/PROPN/1/nmod "
                                   "killed|kill/VERB/0/root ten/NUM/6/nummod people|people/NOUN/4/obj "
                                   "./PUNCT/4/punct", "195", NULL), 0);
        /* nor is the actor of a noun modifier after the noun ("on Israeli targets") */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj retaliated|retaliate/VERB/0/root with/ADP/4/case "
                                   "strikes|strike/NOUN/2/obl on/ADP/7/case Israeli/ADJ/7/amod "
                                   "targets|target/NOUN/4/nmod ./PUNCT/2/punct", "195", NULL), 0);
        /* the light verb coded the talks: one event, not two */
        const char *held = "Iran/PROPN/2/nsubj held|hold/VERB/0/root talks|talk/NOUN/2/obj "
                           "with/ADP/5/case Israel/PROPN/3/nmod ./PUNCT/2/punct";
        CHECK(codes(c, held, "IRN", "ISR", "040"));
        CHECK_INT_EQ(count_code(c, held, "040", NULL), 1);
        /* a one-sided kind with its source: "Israeli sanctions took effect" */
        CHECK(codes(c, "Israeli/ADJ/2/amod sanctions|sanction/NOUN/3/nsubj took|take/VERB/0/root "
                       "effect|effect/NOUN/3/obj ./PUNCT/3/punct", "ISR", "---", "163"));
        /* the object of a denied verb is no event; a denied description
         * of the noun leaves it */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/4/nsubj would/AUX/4/aux not/PART/4/advmod "
                                   "permit|permit/VERB/0/root Israeli/ADJ/6/amod "
                                   "sanctions|sanction/NOUN/4/obj ./PUNCT/4/punct", "163", NULL), 0);
        CHECK_INT_EQ(count_code(c, "Israeli/ADJ/2/amod sanctions|sanction/NOUN/5/nsubj were|be/AUX/5/cop "
                                   "not/PART/5/advmod routine/ADJ/0/root ./PUNCT/5/punct", "163", NULL), 1);
        /* a noun in what someone said: reported */
        m = SR_MOD_ASSERTED;
        CHECK_INT_EQ(count_code(c, "Israel/PROPN/2/nsubj said|say/VERB/0/root Iranian/ADJ/4/amod "
                                   "attacks|attack/NOUN/7/nsubj on/ADP/6/case Haifa/PROPN/4/nmod "
                                   "continued|continue/VERB/2/ccomp ./PUNCT/2/punct", "190", &m), 1);
        CHECK_INT_EQ(m, SR_MOD_REPORTED);
        /* "a possible strike": hypothetical */
        m = SR_MOD_ASSERTED;
        CHECK_INT_EQ(count_code(c, "Israel/PROPN/2/nsubj discussed|discuss/VERB/0/root a/DET/6/det "
                                   "possible/ADJ/6/amod Iranian/ADJ/6/amod strike|strike/NOUN/2/obj "
                                   "on/ADP/8/case Haifa/PROPN/6/nmod ./PUNCT/2/punct", "195", &m), 1);
        CHECK_INT_EQ(m, SR_MOD_HYPOTHETICAL);
        /* "talks between Iran and Israel": the members act on each other */
        const char *between = "talks|talk/NOUN/7/nsubj between/ADP/3/case Iran/PROPN/1/nmod "
                              "and/CCONJ/5/cc Israel/PROPN/3/conj were|be/AUX/7/cop "
                              "tense|tense/ADJ/0/root ./PUNCT/7/punct";
        CHECK(codes(c, between, "IRN", "ISR", "040"));
        CHECK(codes(c, between, "ISR", "IRN", "040"));
        /* what the clause puts ahead is not coded */
        CHECK_INT_EQ(count_code(c, "talks|talk/NOUN/7/nsubj between/ADP/3/case Iran/PROPN/1/nmod "
                                   "and/CCONJ/5/cc Israel/PROPN/3/conj are|be/AUX/7/cop "
                                   "due|due/ADJ/0/root to/PART/9/mark resume|resume/VERB/7/xcomp "
                                   "./PUNCT/7/punct", "040", NULL), 0);
        CHECK_INT_EQ(count_code(c, "Iranian/ADJ/2/amod strikes|strike/NOUN/4/nsubj will/AUX/4/aux "
                                   "hit|hit/VERB/0/root Haifa/PROPN/4/obj ./PUNCT/4/punct",
                                "195", NULL), 0);
        /* one actor between is no pair */
        CHECK_INT_EQ(count_code(c, "talks|talk/NOUN/5/nsubj between/ADP/3/case Iran/PROPN/1/nmod "
                                   "were|be/AUX/5/cop tense|tense/ADJ/0/root ./PUNCT/5/punct",
                                "040", NULL), 0);
        /* a verb of the same spelling is no event noun */
        CHECK_INT_EQ(count_code(c, "Israel/PROPN/2/nsubj strikes|strike/VERB/0/root on/ADP/4/case "
                                   "Iran/PROPN/2/obl ./PUNCT/2/punct", "195", NULL), 0);
    }
    sr_coder_free(c);
    /* PETRARCH's convention codes verbs only */
    sr_diag diag = {.out = devnull};
    sr_code_options o;
    sr_code_options_default(&o);
    o.petrarch = true;
    c = sr_coder_new(d, &o, &diag);
    CHECK(c != NULL);
    if (c)
        CHECK_INT_EQ(count_code(c, strikes, "195", NULL), 0);
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Parse errors the coder reads through in its own mode: a person parsed
 * as the indirect object of a verb with no direct one ("allowed candidate
 * X to participate"); a phrase hung on the last conjunct of the object
 * ("provided photographs and intelligence to Israel"); a verb hung as an
 * adjective on a later noun with the noun's determiner or numeral between
 * them ("Iran has rejected an Israeli proposal", "troops wounded two
 * soldiers, police said"); a verb with an object hung as an adjective
 * ("the Iranian president today accused Israel"); a verb form on a bare
 * conjunct ("troops wounded Iranian soldiers"); a vocative subject. */
static void test_parse_repairs(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("agent MIL soldier\n"
                            "pred 0812 allow obj:T xcomp:participate\n"
                            "pred 070 provide obj:* to:T\n"
                            "pred 120 reject obj:T\n"
                            "pred 190 wound obj:T\n"
                            "pred 112 accuse obj:T\n"
                            "pred 195 shoot_down obj:T\n", true, &d);
    CHECK(c != NULL);
    const char *rejected = "Iran/PROPN/0/root has|have/AUX/1/aux rejected|reject/VERB:VBN/6/amod "
                           "an/DET/6/det Israeli/ADJ/6/amod proposal/NOUN/2/obj ./PUNCT/1/punct";
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj allowed|allow/VERB:VBD/0/root Israeli/ADJ/4/amod "
                       "party/NOUN/2/iobj to/PART/6/mark participate/VERB/2/xcomp ./PUNCT/2/punct",
                    "IRN", "ISRPTY", "0812"));
        /* beside a direct object, an indirect one is no object */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj allowed|allow/VERB:VBD/0/root Israeli/ADJ/4/amod "
                        "party/NOUN/2/iobj a/DET/6/det vote/NOUN/2/obj to/PART/8/mark "
                        "participate/VERB/2/xcomp ./PUNCT/2/punct",
                     "IRN", "ISRPTY", "0812"));
        CHECK(codes(c, "Iran/PROPN/2/nsubj provided|provide/VERB:VBD/0/root "
                       "photographs|photograph/NOUN/2/obj and/CCONJ/5/cc intelligence/NOUN/3/conj "
                       "to/ADP/7/case Israel/PROPN/5/nmod ./PUNCT/2/punct", "IRN", "ISR", "070"));
        /* a phrase under a modifier of the object (no conjunct) is not the verb's */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj provided|provide/VERB:VBD/0/root "
                        "photographs|photograph/NOUN/2/obj of/ADP/5/case intelligence/NOUN/3/nmod "
                        "to/ADP/7/case Israel/PROPN/5/nmod ./PUNCT/2/punct", "IRN", "ISR", "070"));
        CHECK(codes(c, rejected, "IRN", "ISR", "120"));
        CHECK(codes(c, "Iranian/ADJ/2/amod troops|troop/NOUN/9/nsubj wounded|wound/VERB:VBD/6/amod "
                       "two/NUM/6/nummod Israeli/ADJ/6/amod soldiers|soldier/NOUN/9/nsubj "
                       ",/PUNCT/8/punct police/NOUN/9/nsubj said|say/VERB/0/root ./PUNCT/9/punct",
                    "IRNMIL", "ISRMIL", "190"));
        /* so is a participle the tagger took for an adjective */
        CHECK(codes(c, "Iranian/ADJ/2/amod troops|troop/NOUN/9/nsubj wounded/ADJ:JJ/6/amod "
                       "two/NUM/6/nummod Israeli/ADJ/6/amod soldiers|soldier/NOUN/9/nsubj "
                       ",/PUNCT/8/punct police/NOUN/9/nsubj said|say/VERB/0/root ./PUNCT/9/punct",
                    "IRNMIL", "ISRMIL", "190"));
        /* "an estimated 100 people": the noun's determiner before the form */
        CHECK(!codes(c, "Iranian/ADJ/2/amod troops|troop/NOUN/10/nsubj an/DET/7/det "
                        "wounded|wound/VERB:VBN/7/amod two/NUM/7/nummod Israeli/ADJ/7/amod "
                        "soldiers|soldier/NOUN/10/nsubj ,/PUNCT/9/punct police/NOUN/10/nsubj "
                        "said|say/VERB/0/root ./PUNCT/10/punct", "IRNMIL", "ISRMIL", "190"));
        /* a participle after the determiner is an adjective */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj discussed|discuss/VERB:VBD/0/root the/DET/6/det "
                                   "rejected|reject/VERB:VBN/6/amod Israeli/ADJ/6/amod "
                                   "proposal/NOUN/2/obj ./PUNCT/2/punct", "120", NULL), 0);
        CHECK(codes(c, "Iranian/ADJ/2/amod president/NOUN/0/root today/NOUN/4/obl "
                       "accused|accuse/VERB:VBD/2/amod Israel/PROPN/4/obj ./PUNCT/2/punct",
                    "IRNGOV", "ISR", "112"));
        /* a verb form after a noun, on a noun parsed as that noun's
         * conjunct with no "and" or comma between them */
        CHECK(codes(c, "Israeli/ADJ/2/amod troops|troop/NOUN/0/root wounded|wound/VERB:VBD/5/amod "
                       "Iranian/ADJ/5/amod soldiers|soldier/NOUN/2/conj ./PUNCT/2/punct",
                    "ISRMIL", "IRNMIL", "190"));
        CHECK(!codes(c, "Israeli/ADJ/2/amod troops|troop/NOUN/0/root and/CCONJ/6/cc "
                        "wounded|wound/VERB:VBD/6/amod Iranian/ADJ/6/amod soldiers|soldier/NOUN/2/conj "
                        "./PUNCT/2/punct", "ISRMIL", "IRNMIL", "190"));
        /* a clause with an object hung on the noun of a prepositional
         * phrase is the whole phrase's ("Iran and a group of troops
         * attacked Israel" with "attacked" on "troops") */
        CHECK(codes(c, "Iran/PROPN/0/root and/CCONJ/4/cc a/DET/4/det group/NOUN/1/conj of/ADP/6/case "
                       "troops|troop/NOUN/4/nmod wounded|wound/VERB:VBN/6/acl Israel/PROPN/7/obj "
                       "./PUNCT/1/punct", "IRN", "ISR", "190"));
        /* an irregular past the lemmatiser left as it is ("shot") */
        CHECK(codes(c, "Iran/PROPN/2/nsubj shot|shot/VERB:VBD/0/root down/ADP/2/compound:prt "
                       "an/DET/6/det Israeli/ADJ/6/amod drone/NOUN/2/obj ./PUNCT/2/punct",
                    "IRN", "ISR", "195"));
        /* a phrasal verb taken for a noun, its particle for a preposition */
        const char *shot = "Iranian/ADJ/2/amod troops|troop/NOUN/3/compound shot|shot/NOUN/0/root "
                           "down/ADP/7/case an/DET/7/det Israeli/ADJ/7/amod drone/NOUN/3/nmod "
                           "./PUNCT/3/punct";
        CHECK(codes(c, shot, "IRNMIL", "ISR", "195"));
        /* ... and in an inverted condition ("Had ... shot down ..., ...") */
        sr_modality m = SR_MOD_ASSERTED;
        CHECK_INT_EQ(count_code(c, "Had|have/VERB:VBD/11/advcl Iranian/ADJ/3/amod "
                                   "troops|troop/NOUN/4/compound shot|shot/NOUN/1/obj down/ADP/8/case "
                                   "an/DET/8/det Israeli/ADJ/8/amod drone/NOUN/4/nmod ,/PUNCT/1/punct "
                                   "war/NOUN/11/nsubj followed|follow/VERB:VBD/0/root ./PUNCT/11/punct",
                                "195", &m), 1);
        CHECK_INT_EQ(m, SR_MOD_CONDITIONAL);
        /* a name parsed as the vocative of a verb with no subject */
        CHECK(codes(c, "Iran/PROPN/7/vocative ,/PUNCT/1/punct an/DET/5/det American/ADJ/5/amod "
                       "ally/NOUN/1/appos ,/PUNCT/1/punct rejected|reject/VERB:VBD/0/root "
                       "Israel/PROPN/7/obj ./PUNCT/7/punct", "IRN", "ISR", "120"));
        CHECK(!codes(c, "Iran/PROPN/4/vocative ,/PUNCT/1/punct United/PROPN/4/nsubj "
                        "rejected|reject/VERB:VBD/0/root Israel/PROPN/4/obj ./PUNCT/4/punct",
                     "IRN", "ISR", "120"));
    }
    sr_coder_free(c);
    /* PETRARCH's convention reads the tree as given */
    sr_diag diag = {.out = devnull};
    sr_code_options o;
    sr_code_options_default(&o);
    o.petrarch = true;
    c = sr_coder_new(d, &o, &diag);
    CHECK(c != NULL);
    if (c)
        CHECK_INT_EQ(count_code(c, rejected, "120", NULL), 0);
    sr_coder_free(c);
    sr_dict_free(d);
}

/* What a verb accuses someone of ("accused Israel of violating the
 * ceasefire") and what a denial denies are no events of their own. */
static void test_accused_and_denied(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 112 accuse obj:T\npred 196 violate obj:ceasefire\n"
                            "pred 016 deny ccomp:*\npred 010 say ccomp:*\npred 190 enter obj:T\n",
                            false, &d);
    CHECK(c != NULL);
    if (c) {
        const char *acc = "Iran/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root Israel/PROPN/2/obj "
                          "of/SCONJ/5/mark violating|violate/VERB:VBG/2/advcl the/DET/7/det "
                          "ceasefire/NOUN/5/obj ./PUNCT/2/punct";
        CHECK(codes(c, acc, "IRN", "ISR", "112"));
        CHECK_INT_EQ(count_code(c, acc, "196", NULL), 0);
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj denied|deny/VERB:VBD/0/root that/SCONJ/6/mark "
                                   "Israeli/ADJ/5/amod troops|troop/NOUN/6/nsubj entered|enter/VERB:VBD/2/ccomp "
                                   "Iran/PROPN/6/obj ./PUNCT/2/punct", "190", NULL), 0);
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj said|say/VERB:VBD/0/root that/SCONJ/6/mark "
                                   "Israeli/ADJ/5/amod troops|troop/NOUN/6/nsubj entered|enter/VERB:VBD/2/ccomp "
                                   "Iran/PROPN/6/obj ./PUNCT/2/punct", "190", NULL), 1);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* The place of a use of force is whom it hits ("struck a refinery in
 * Haifa, officials said", with "in Haifa" hung on "said"); the place of a
 * meeting is no side of it. */
static void test_force_place(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 195 strike obj:*\npred 040 meet obj:*\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iranian/ADJ/2/amod drones|drone/NOUN/3/nsubj struck|strike/VERB:VBD/11/ccomp "
                       "a/DET/5/det refinery/NOUN/3/obj in/ADP/7/case Haifa/PROPN/11/obl ,/PUNCT/7/punct "
                       "Iranian/ADJ/10/amod officials|official/NOUN/11/nsubj said|say/VERB:VBD/0/root "
                       "./PUNCT/11/punct", "IRN", "ISR", "195"));
        CHECK_INT_EQ(count_code(c, "Iranian/ADJ/2/amod officials|official/NOUN/3/nsubj "
                                   "met|meet/VERB:VBD/0/root reporters|reporter/NOUN/3/obj in/ADP/6/case "
                                   "Haifa/PROPN/3/obl ./PUNCT/3/punct", "040", NULL), 0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "reiterated its demand today" parsed with "today" the head of the
 * object and "demand" its compound: the day word ends the phrase. */
static void test_day_head(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 100 reiterate obj:demand\n", false, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj reiterated|reiterate/VERB:VBD/0/root its/PRON/4/nmod:poss "
                       "demand/NOUN/5/compound today/NOUN/2/obl:unmarked ./PUNCT/2/punct",
                    "IRN", "---", "100"));
        /* a verb with an object of its own keeps it */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj reiterated|reiterate/VERB:VBD/0/root the/DET/4/det "
                        "call/NOUN/2/obj its/PRON/6/nmod:poss demand/NOUN/7/compound "
                        "today/NOUN/2/obl:unmarked ./PUNCT/2/punct", "IRN", "---", "100"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* An event noun whose own phrase names no source, as the object of a verb
 * that performs or announces it, takes that verb's subject ("Iran
 * announced an agreement with Israel"); not the subject of a verb that
 * judges another's event ("condemned an agreement"), nor a passive's. */
static void test_noun_performer(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("noun 057 agreement with:T\nnoun 190 incursion into:T\n"
                            "noun 040 talk with:T\nnoun 195 strike on:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj announced|announce/VERB:VBD/0/root an/DET/4/det "
                       "agreement/NOUN/2/obj with/ADP/6/case Israel/PROPN/4/nmod ./PUNCT/2/punct",
                    "IRN", "ISR", "057"));
        CHECK(codes(c, "Iran/PROPN/2/nsubj carried|carry/VERB:VBD/0/root out/ADP/2/compound:prt "
                       "an/DET/5/det agreement/NOUN/2/obj with/ADP/7/case Israel/PROPN/5/nmod "
                       "./PUNCT/2/punct", "IRN", "ISR", "057"));
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj condemned|condemn/VERB:VBD/0/root an/DET/4/det "
                                   "agreement/NOUN/2/obj with/ADP/6/case Israel/PROPN/4/nmod "
                                   "./PUNCT/2/punct", "057", NULL), 0);
        CHECK_INT_EQ(count_code(c, "an/DET/2/det agreement/NOUN/4/nsubj:pass was/AUX/4/aux:pass "
                                   "announced|announce/VERB:VBN/0/root by/ADP/6/case "
                                   "Iran/PROPN/4/obl with/ADP/8/case Israel/PROPN/2/nmod "
                                   "./PUNCT/4/punct", "057", NULL), 0);
        /* talks as the purpose of a clause with no object */
        CHECK(codes(c, "Iran/PROPN/2/nsubj arrived|arrive/VERB:VBD/0/root for/ADP/4/case "
                       "talks|talk/NOUN/2/obl with/ADP/6/case Israel/PROPN/4/nmod ./PUNCT/2/punct",
                    "IRN", "ISR", "040"));
        CHECK(!codes(c, "Iran/PROPN/2/nsubj criticized|criticize/VERB:VBD/0/root the/DET/4/det "
                        "party/NOUN/2/obj for/ADP/6/case talks|talk/NOUN/2/obl with/ADP/8/case "
                        "Israel/PROPN/6/nmod ./PUNCT/2/punct", "IRN", "ISR", "040"));
        /* what a clause asks for is not its subject's act */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj pressed|press/VERB:VBD/0/root for/ADP/4/case "
                                   "strikes|strike/NOUN/2/obl on/ADP/6/case Israel/PROPN/4/nmod "
                                   "./PUNCT/2/punct", "195", NULL), 0);
        /* a phrase the parser hung on the verb after its object noun */
        CHECK(codes(c, "Iran/PROPN/2/nsubj made|make/VERB:VBD/0/root incursions|incursion/NOUN/2/obj "
                       "into/ADP/5/case Israel/PROPN/2/obl ./PUNCT/2/punct", "IRN", "ISR", "190"));
        CHECK(!codes(c, "Iran/PROPN/4/nsubj into/ADP/3/case Israel/PROPN/4/obl "
                        "made|make/VERB:VBD/0/root incursions|incursion/NOUN/4/obj ./PUNCT/4/punct",
                     "IRN", "ISR", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}


/* Two country modifiers joined by "and" are two actors of the phrase,
 * with its agents, however the parser hung the second ("Iranian and
 * Israeli troops" with "Israeli" a conjunct of "Iranian", or a compound
 * of the noun); fighting with no target named is then each side's on the
 * other, as meeting is. */
static void test_coordinated_modifiers(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 040 meet obj:T\npred 062 fight alongside:T\n"
                            "pred 190 fight nsubj:troop\npred 195 bomb obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *fight = "Iranian/ADJ/4/amod and/CCONJ/3/cc Israeli/ADJ/1/conj "
                            "troops|troop/NOUN/5/nsubj fought|fight/VERB:VBD/0/root ./PUNCT/5/punct";
        CHECK(codes(c, fight, "IRNMIL", "ISRMIL", "190"));
        CHECK(codes(c, fight, "ISRMIL", "IRNMIL", "190"));
        CHECK(codes(c, "Iranian/ADJ/4/amod and/CCONJ/4/cc Israeli/ADJ/4/amod "
                       "troops|troop/NOUN/5/nsubj fought|fight/VERB:VBD/0/root ./PUNCT/5/punct",
                    "ISRMIL", "IRNMIL", "190"));
        /* "Iranian and American negotiators met" with "American" a compound */
        CHECK(codes(c, "Iranian/ADJ/4/amod and/CCONJ/4/cc American/PROPN/4/compound "
                       "negotiators|negotiator/NOUN/5/nsubj met|meet/VERB:VBD/0/root ./PUNCT/5/punct",
                    "USAGOV", "IRNGOV", "040"));
        /* a use of force with a compound subject and no target is not
         * read as each on the other */
        CHECK_INT_EQ(count_code(c, "Iranian/ADJ/4/amod and/CCONJ/3/cc Israeli/ADJ/1/conj "
                                   "troops|troop/NOUN/5/nsubj bombed|bomb/VERB:VBD/0/root "
                                   "./PUNCT/5/punct", "195", NULL), 0);
        /* two modifiers with no "and" between them stay one actor */
        CHECK(!codes(c, "Iranian/ADJ/3/amod American/PROPN/3/compound "
                        "negotiators|negotiator/NOUN/4/nsubj met|meet/VERB:VBD/0/root ./PUNCT/4/punct",
                     "USAGOV", "IRNGOV", "040"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Lemmatiser slips and quantity nouns: "troops" left as its own lemma
 * is "troop"; "ten days of war games", "a wave of strikes", "tens of
 * thousands of troops": the "of" noun fills the slot. */
static void test_plural_and_partitive(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 154 mass obj:troop\npred 062 launch obj:game(compound:war)\n"
                            "pred 195 launch obj:strike on:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj massed|mass/VERB:VBD/0/root "
                                   "troops|troops/NOUN/2/obj ./PUNCT/2/punct", "154", NULL), 1);
        CHECK(codes(c, "Iran/PROPN/2/nsubj launched|launch/VERB:VBD/0/root a/DET/4/det "
                       "wave/NOUN/2/obj of/ADP/6/case strikes|strike/NOUN/4/nmod on/ADP/8/case "
                       "Israel/PROPN/6/nmod ./PUNCT/2/punct", "IRN", "ISR", "195"));
        CHECK(codes(c, "Iranian/ADJ/2/amod vessels|vessel/NOUN/3/nsubj launched|launch/VERB:VBD/0/root "
                       "ten/NUM/5/nummod days|day/NOUN/3/obj of/ADP/8/case war/NOUN/8/compound "
                       "games|game/NOUN/5/nmod with/ADP/10/case Israel/PROPN/3/obl ./PUNCT/3/punct",
                    "IRNMIL", "ISR", "062"));
        /* a noun that is no quantity does not stand for its "of" noun */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj launched|launch/VERB:VBD/0/root a/DET/4/det "
                                   "review/NOUN/2/obj of/ADP/6/case strikes|strike/NOUN/4/nmod "
                                   "on/ADP/8/case Israel/PROPN/6/nmod ./PUNCT/2/punct", "195", NULL), 0);
        /* "tens of thousands of troops": a chain of quantity nouns */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj massed|mass/VERB:VBD/0/root "
                                   "tens|ten/NOUN/2/obj of/ADP/5/case thousands|thousand/NOUN/3/nmod "
                                   "of/ADP/7/case troops|troops/NOUN/5/nmod ./PUNCT/2/punct", "154",
                                NULL), 1);
        /* ... but not through a noun that is no quantity */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj massed|mass/VERB:VBD/0/root "
                                   "tens|ten/NOUN/2/obj of/ADP/5/case photos|photo/NOUN/3/nmod "
                                   "of/ADP/7/case troops|troops/NOUN/5/nmod ./PUNCT/2/punct", "154",
                                NULL), 0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* More parse repairs of sitrep's own mode: a second subject of "said"
 * before a verb form hung as an adjective ("Iranian troops fired
 * rockets at Israel, the army said"); a named actor made a compound of
 * the object of a verb of giving ("gave Israel air defence systems");
 * a clause of a request noun ("an appeal for deploying troops") is not
 * the act of the one who asks. */
static void test_more_repairs(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 194 fire obj:rocket at:T\npred 072 give iobj:T obj:system\n"
                            "pred 154 deploy obj:troop\npred 120 reject obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iranian/ADJ/2/amod troops|troop/NOUN/10/nsubj fired|fire/VERB:VBN/4/amod "
                       "rockets|rocket/NOUN/10/ccomp at/ADP/6/case Israel/PROPN/4/nmod ,/PUNCT/4/punct "
                       "the/DET/9/det army/NOUN/10/nsubj said|say/VERB:VBD/0/root ./PUNCT/10/punct",
                    "IRNMIL", "ISR", "194"));
        const char *gave = "Iran/PROPN/2/nsubj gave|give/VERB:VBD/0/root Israel/PROPN/6/compound "
                           "air/NOUN/5/compound defence/NOUN/6/compound systems|system/NOUN/2/obj "
                           "./PUNCT/2/punct";
        CHECK(codes(c, gave, "IRN", "ISR", "072"));
        /* the name right before the object noun */
        CHECK(codes(c, "Iran/PROPN/2/nsubj gave|give/VERB:VBD/0/root Israel/PROPN/4/compound "
                       "systems|system/NOUN/2/obj ./PUNCT/2/punct", "IRN", "ISR", "072"));
        /* with a "to" phrase the name is the object's modifier */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj gave|give/VERB:VBD/0/root Israel/PROPN/4/compound "
                                   "systems|system/NOUN/2/obj to/ADP/6/case Iraq/PROPN/2/obl "
                                   "./PUNCT/2/punct", "072", NULL), 0);
        /* an agent after the name: the name is the agent's country */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj gave|give/VERB:VBD/0/root Israel/PROPN/4/compound "
                                   "troops|troop/NOUN/5/nsubj systems|system/NOUN/2/obj "
                                   "./PUNCT/2/punct", "072", NULL), 0);
        const char *appeal = "Israel/PROPN/2/nsubj rejected|reject/VERB:VBD/0/root a/DET/6/det "
                             "United/ADJ/5/amod Nations/PROPN/6/compound appeal/NOUN/2/obj "
                             "for/SCONJ/8/mark deploying|deploy/VERB:VBG/6/acl troops|troop/NOUN/8/obj "
                             "./PUNCT/2/punct";
        CHECK(codes(c, appeal, "ISR", "IGOUNO", "120"));
        CHECK_INT_EQ(count_code(c, appeal, "154", NULL), 0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}


/* A verb's particle parsed as a preposition ("handed over the town to
 * Israel" with "over the town" an oblique; "pulled its troops out of
 * Iraq" with "out of" two case words) and a particle after the object:
 * the phrasal verb of the dictionary all the same. Own mode. */
static void test_particles(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 0874 hand_over obj:town to:T\npred 087 pull_out of:T\n"
                            "pred 040 meet obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj handed|hand/VERB:VBD/0/root over/ADP/5/case the/DET/5/det "
                       "town/NOUN/2/obl to/ADP/7/case Israel/PROPN/5/nmod ./PUNCT/2/punct",
                    "IRN", "ISR", "0874"));
        CHECK(codes(c, "Iran/PROPN/2/nsubj pulled|pull/VERB:VBD/0/root its/PRON/4/nmod:poss "
                       "troops|troop/NOUN/2/obj out/ADP/7/case of/ADP/7/case Israel/PROPN/2/obl "
                       "./PUNCT/2/punct", "IRN", "ISR", "087"));
        /* a phrasal verb found by its words whose second word is a
         * noun's preposition ("went on strike"): the verb alone */
        sr_dict *d2;
        sr_coder *c2 = coder_for("pred 142 go_on obj:hunger-strike\npred 143 go on:strike\n", true, &d2);
        CHECK(c2 != NULL);
        if (c2)
            CHECK_INT_EQ(count_code(c2, "Iranian/ADJ/2/amod troops|troop/NOUN/3/nsubj "
                                        "went|go/VERB:VBD/0/root on/ADP/5/case strike/NOUN/3/obl "
                                        "./PUNCT/3/punct", "143", NULL), 1);
        sr_coder_free(c2);
        sr_dict_free(d2);
        /* a word that is no particle of the verb stays a preposition */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj handed|hand/VERB:VBD/0/root through/ADP/5/case the/DET/5/det "
                        "town/NOUN/2/obl to/ADP/7/case Israel/PROPN/5/nmod ./PUNCT/2/punct",
                     "IRN", "ISR", "0874"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}


/* "The Iranian army forced out on Wednesday 100 Israeli residents,
 * officials said" with "forced" a clause of "army" (a second subject of
 * "said") and the object hung on the date; "Up to 100 Iranian troops
 * attacked Israel" with "up to" parsed as prepositions. Own mode. */
static void test_reported_and_quantity(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 201 force_out obj:resident\npred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK_INT_EQ(count_code(c, "The/DET/3/det Iranian/ADJ/3/amod army/NOUN/13/nsubj "
                                   "forced|force/VERB:VBN/3/acl out/ADP/4/compound:prt on/ADP/7/case "
                                   "Wednesday/PROPN/4/obl 100/NUM/10/nummod Israeli/ADJ/10/amod "
                                   "residents|resident/NOUN/7/obj ,/PUNCT/13/punct "
                                   "officials|official/NOUN/13/nsubj said|say/VERB:VBD/0/root "
                                   "./PUNCT/13/punct", "201", NULL), 1);
        /* a participle with no particle or object is a reduced relative */
        CHECK_INT_EQ(count_code(c, "The/DET/3/det Iranian/ADJ/3/amod army/NOUN/8/nsubj "
                                   "stationed|station/VERB:VBN/3/acl there/ADV/4/advmod ,/PUNCT/8/punct "
                                   "officials|official/NOUN/8/nsubj said|say/VERB:VBD/0/root "
                                   "./PUNCT/8/punct", "201", NULL), 0);
        /* "Iranian President Raisi on Saturday attacked Israel" with
         * "attacked" an adverbial clause of the name */
        CHECK(codes(c, "Iranian/ADJ/0/root President/PROPN/3/compound Raisi/PROPN/1/obj "
                       "attacked|attack/VERB:VBD/3/advcl Israel/PROPN/4/obj ./PUNCT/1/punct",
                    "IRNGOV", "ISR", "190"));
        CHECK(codes(c, "Up/ADP/9/case to/ADP/5/case 100/NUM/5/nummod Iranian/ADJ/5/amod "
                       "troops|troop/NOUN/1/obl attacked|attack/VERB:VBD/9/ccomp Israel/PROPN/6/obj "
                       "officials|official/NOUN/9/nsubj said|say/VERB:VBD/0/root ./PUNCT/9/punct",
                    "IRNMIL", "ISR", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}


/* A passive use of force with a named "by" agent and no target stands as
 * the agent's one-sided event ("villages were shelled by Iranian
 * artillery"); an appeal's addressee does the act of its infinitive,
 * which is folded into the appeal ("called on Israel to respect the
 * ceasefire" is no Israeli ceasefire, nor the caller's). */
static void test_by_agent_and_appeals(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 194 shell obj:*\npred 020 call on:T\npred 0871 respect obj:ceasefire\n",
                            true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "villages|village/NOUN/3/nsubj:pass were|be/AUX/3/aux:pass "
                       "shelled|shell/VERB:VBN/0/root by/ADP/6/case Iranian/ADJ/6/amod "
                       "artillery/NOUN/3/obl:agent ./PUNCT/3/punct", "IRN", "---", "194"));
        const char *call = "Iran/PROPN/2/nsubj called|call/VERB:VBD/0/root on/ADP/4/case "
                           "Israel/PROPN/2/obl to/PART/6/mark respect/VERB/2/advcl the/DET/8/det "
                           "ceasefire/NOUN/6/obj ./PUNCT/2/punct";
        CHECK(codes(c, call, "IRN", "ISR", "020"));
        CHECK_INT_EQ(count_code(c, call, "0871", NULL), 0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}


/* Tagger slips read through: "reopened the Rafah crossing" with
 * "crossing" tagged as a verb (a clause of "reopened"); "Iran shut down
 * its border" with "shut" tagged as an auxiliary of "down". Own mode. */
static void test_tagger_slips(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 0863 reopen obj:crossing\npred 190 cross obj:*\n"
                            "pred 191 shut_down obj:border with:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *cross = "Iran/PROPN/2/nsubj reopened|reopen/VERB:VBD/0/root the/DET/4/det "
                            "Haifa/PROPN/2/obj crossing|cross/VERB:VBG/2/advcl ./PUNCT/2/punct";
        CHECK_INT_EQ(count_code(c, cross, "0863", NULL), 1);
        CHECK_INT_EQ(count_code(c, cross, "190", NULL), 0);
        /* with no "the", a name and a gerund stay a clause */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj left|leave/VERB:VBD/0/root "
                                   "Haifa/PROPN/2/obj crossing|cross/VERB:VBG/2/advcl "
                                   "borders|border/NOUN/4/obj ./PUNCT/2/punct", "0863", NULL), 0);
        /* a common noun with a possessive and a gerund: "its border
         * crossing with Israel" is the crossing, Israel its target */
        const char *own = "Iran/PROPN/2/nsubj reopened|reopen/VERB:VBD/0/root its/PRON/4/nmod:poss "
                          "border/NOUN/2/obj crossing|cross/VERB:VBG/2/advcl with/ADP/7/case "
                          "Israel/PROPN/5/obl ./PUNCT/2/punct";
        CHECK(codes(c, own, "IRN", "ISR", "0863"));
        CHECK_INT_EQ(count_code(c, own, "190", NULL), 0);
        CHECK(codes(c, "Iran/PROPN/3/nsubj shut|shut/AUX/3/aux down/VERB/0/root its/PRON/5/nmod:poss "
                       "border/NOUN/3/obj with/ADP/7/case Israel/PROPN/3/obl ./PUNCT/3/punct",
                    "IRN", "ISR", "191"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}


/* A name misspelt by one letter or two swapped, before its last two
 * letters, is the actor's ("Amercian" for "American"); another ending
 * makes another word ("Americas"). */
static void test_misspelt_names(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Amercian/ADJ/2/amod troops|troop/NOUN/3/nsubj attacked|attack/VERB:VBD/0/root "
                       "Iran/PROPN/3/obj ./PUNCT/3/punct", "USAMIL", "IRN", "190"));
        CHECK(!codes(c, "Americas/PROPN/2/compound troops|troop/NOUN/3/nsubj attacked|attack/VERB:VBD/0/root "
                        "Iran/PROPN/3/obj ./PUNCT/3/punct", "USAMIL", "IRN", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}


/* Deverbal event nouns: the agent in a "by" phrase hung on the "of"
 * noun ("the arrest of the Israeli tourist by Iranian police"); a noun
 * whose possessor is as often its victim takes its source from "by" only
 * ("protests by Iranian students", not "Israel's protests"). */
static void test_event_noun_agents(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("noun 173 arrest of:T\nnoun 141 protest by:S\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "The/DET/2/det arrest/NOUN/10/nsubj of/ADP/6/case the/DET/6/det "
                       "Israeli/ADJ/6/amod tourist/NOUN/2/nmod by/ADP/9/case Iranian/ADJ/9/amod "
                       "troops|troop/NOUN/6/nmod angered|anger/VERB:VBD/0/root Israel/PROPN/10/obj "
                       "./PUNCT/10/punct", "IRNMIL", "ISR", "173"));
        CHECK(codes(c, "Protests|protest/NOUN/5/nsubj by/ADP/4/case Iranian/ADJ/4/amod "
                       "troops|troop/NOUN/1/nmod continued|continue/VERB:VBD/0/root ./PUNCT/5/punct",
                    "IRNMIL", "---", "141"));
        CHECK_INT_EQ(count_code(c, "Israel/PROPN/3/nmod:poss 's/PART/1/case protests|protest/NOUN/4/nsubj "
                                   "continued|continue/VERB:VBD/0/root ./PUNCT/4/punct", "141", NULL), 0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Actors of older wire copy: a name with a possessive ending, which the
 * tokenizer writes as a word of its own ("Lord 's Resistance Army",
 * "Workers ' Party"); a name whose code depends on the date ("Serb" during
 * the Bosnian war, a group that changed sides); a surname that names an
 * actor only in the years given ("Levy"); "ethnic X" as an agent, not
 * the state X. */
static void test_era_names(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("sector REB rebels\nsector SEP separatists\nsector CVL civilians\n"
                            "country UGA Uganda\ncountry TUR Turkey\ncountry BIH Bosnia\n"
                            "country SRB Serbia\ncountry UZB Uzbekistan\n  adj Uzbek\n"
                            "actor UGAREB Lord's Resistance Army\n"
                            "actor TURREB Kurdistan Workers' Party\n"
                            "actor SRB Serb\n  role BIHSEP 1992-04-06..1995-12-14\n"
                            "actor IRNREB rebel fighters\n  role IRNMIL 2009-04-16..\n"
                            "person Levy\n  role ISRGOV 1996-06-18..1998-01-06\n"
                            "agent CVL ethnic Uzbek\n"
                            "pred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "The/DET/2/det Lord/PROPN/5/nmod:poss 's/PART/2/case Resistance/PROPN/5/compound "
                       "Army/PROPN/6/nsubj attacked|attack/VERB:VBD/0/root Iran/PROPN/6/obj ./PUNCT/6/punct",
                    "UGAREB", "IRN", "190"));
        CHECK(codes(c, "The/DET/3/det Kurdistan/PROPN/3/compound Workers|Worker/PROPN/5/nmod:poss "
                       "'/PART/3/case Party/PROPN/6/nsubj attacked|attack/VERB:VBD/0/root "
                       "Iran/PROPN/6/obj ./PUNCT/6/punct",
                    "TURREB", "IRN", "190"));
        const char *serb = "Serb/ADJ/2/amod troops|troop/NOUN/3/nsubj attacked|attack/VERB:VBD/0/root "
                           "Iran/PROPN/3/obj ./PUNCT/3/punct";
        CHECK(codes_on(c, serb, "1994-05-05", "BIHSEPMIL", "IRN", "190"));
        CHECK(codes_on(c, serb, "1998-05-05", "SRBMIL", "IRN", "190"));
        const char *fighters = "rebel/NOUN/2/compound fighters|fighter/NOUN/3/nsubj attacked|attack/VERB:VBD/0/root "
                               "Israel/PROPN/3/obj ./PUNCT/3/punct";
        CHECK(codes_on(c, fighters, "2000-01-01", "IRNREB", "ISR", "190"));
        CHECK(codes_on(c, fighters, "2026-01-01", "IRNMIL", "ISR", "190"));
        const char *levy = "Levy/PROPN/2/nsubj attacked|attack/VERB:VBD/0/root Iran/PROPN/2/obj ./PUNCT/2/punct";
        CHECK(codes_on(c, levy, "1997-05-05", "ISRGOV", "IRN", "190"));
        CHECK(!codes_on(c, levy, "2026-05-05", "ISRGOV", "IRN", "190"));
        /* "the ethnic Uzbek warlord ... in Iran": the sentence's state */
        const char *uzbek = "The/DET/4/det ethnic/ADJ/3/amod Uzbek/ADJ/4/amod troops|troop/NOUN/5/nsubj "
                            "attacked|attack/VERB:VBD/0/root Israel/PROPN/5/obj ./PUNCT/5/punct";
        CHECK(!codes(c, uzbek, "UZBMIL", "ISR", "190"));
        CHECK(!codes(c, uzbek, "UZB", "ISR", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Wire copy (own mode): an appeal stands without a target on a pattern
 * that names a word, in a finite clause of its own ("Iran called for
 * calm"), never on "seek obj:*" nor in a gerund ("..., calling for
 * talks"); a verb of commitment and a stated purpose make the act
 * an intent ("committed itself to providing aid" 033); a performer verb
 * whose pattern names its object noun codes the noun once
 * ("staged a strike" 143, no air strike besides). */
/* Appeals to the sides of a conflict the text does not name, a title's
 * "of" inside a titled pair, a subject the parser hung on its verb, and
 * a cooperative act whose object names no country (branch kb8). */
static void test_unnamed_sides(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("agent MIL military\n"
                            "pred 020 appeal to|on|upon:T\npred 0256 appeal for:calm\n"
                            "pred 057 sign obj:deal|accord\n"
                            "pred 062 begin obj:exercise(amod:joint)\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        /* "both sides", "the warring factions": an appeal with no target */
        const char *both = "Iran/PROPN/2/nsubj appealed|appeal/VERB/0/root to/ADP/5/case "
                           "both/DET/5/det %s/NOUN/2/obl to/PART/7/mark show|show/VERB/2/advcl "
                           "restraint|restraint/NOUN/7/obj ./PUNCT/2/punct";
        char spec[512];
        snprintf(spec, sizeof spec, both, "sides|side");
        CHECK(codes(c, spec, "IRN", "---", "020"));
        snprintf(spec, sizeof spec, both, "factions|faction");
        CHECK(codes(c, spec, "IRN", "---", "020"));
        /* an addressee that is no party of a conflict: still dropped */
        snprintf(spec, sizeof spec, both, "towns|town");
        CHECK(!codes(c, spec, "IRN", "---", "020"));
        /* "The United Nations chief appealed for calm" with "The" and
         * "chief" hung on the verb: "chief" is its subject */
        CHECK(codes(c, "The/DET/4/det United/PROPN/3/compound Nations/PROPN/4/compound "
                       "appealed|appeal/VERB:VBD/0/root for/ADP/6/case calm|calm/NOUN/4/obl "
                       "./PUNCT/4/punct", "IGOUNO", "---", "0256"));
        /* a title with its own "of" in a titled pair */
        const char *pair = "Iranian/ADJ/2/amod chief|chief/NOUN/3/compound Ali/PROPN/0/root "
                           "and/CCONJ/6/cc Israeli/ADJ/6/amod chief|chief/NOUN/3/conj "
                           "of/ADP/8/case staff|staff/NOUN/6/nmod Moshe/PROPN/10/nsubj "
                           "signed|sign/VERB/3/acl:relcl the/DET/12/det deal|deal/NOUN/10/obj "
                           "./PUNCT/10/punct";
        CHECK(codes(c, pair, "IRN", "ISR", "057"));
        CHECK(codes(c, pair, "ISR", "IRN", "057"));
        /* "joint military exercises": the sides cooperate with each other,
         * not with the country-less "military" */
        const char *joint = "Iranian/ADJ/4/amod and/CCONJ/3/cc Israeli/ADJ/1/conj "
                            "troops|troop/NOUN/5/nsubj began|begin/VERB/0/root joint/ADJ/8/amod "
                            "military/NOUN/8/compound exercises|exercise/NOUN/5/obj ./PUNCT/5/punct";
        CHECK(codes(c, joint, "ISRMIL", "IRNMIL", "062"));
        CHECK(!codes(c, joint, "IRNMIL", "---MIL", "062"));
        sr_coder_free(c);
        sr_dict_free(d);
    }
    /* "Iran condemned the attack on its embassy": the attackers are
     * condemned, not Iran; the event stands with no target */
    /* "Iran, Israel and the United States signed the deal" parsed with
     * "Iran" the root and the rest a relative clause's subject */
    c = coder_for("pred 057 sign obj:deal\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *list = "Iran/PROPN/0/root ,/PUNCT/3/punct Israel/PROPN/7/nsubj and/CCONJ/6/cc "
                           "the/DET/6/det %s/PROPN/3/conj signed|sign/VERB/1/acl:relcl "
                           "the/DET/9/det deal|deal/NOUN/7/obj ./PUNCT/1/punct";
        char spec[512];
        snprintf(spec, sizeof spec, list, "Pentagon");
        CHECK(codes(c, spec, "IRN", "ISR", "057"));
        CHECK(codes(c, spec, "USAMIL", "IRN", "057"));
        /* the clause's subject alone (no conjunct of its own): left */
        CHECK(!codes(c, "Iran/PROPN/0/root ,/PUNCT/4/punct and/CCONJ/4/cc Israel/PROPN/5/nsubj "
                        "signed|sign/VERB/1/acl:relcl the/DET/7/det deal|deal/NOUN/5/obj "
                        "./PUNCT/1/punct", "IRN", "ISR", "057"));
        sr_coder_free(c);
        sr_dict_free(d);
    }
    /* "Iran told Israel in a letter that it would release the prisoners":
     * the letter's "that" clause states an intent, as a complement does */
    c = coder_for("pred 0841 release obj:prisoner\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *letter = "Iran/PROPN/2/nsubj told|tell/VERB/0/root Israel/PROPN/2/iobj "
                             "in/ADP/6/case a/DET/6/det %s/NOUN/2/obl that/SCONJ/10/mark "
                             "it/PRON/10/nsubj would/AUX/10/aux release|release/VERB/6/acl "
                             "the/DET/12/det prisoners|prisoner/NOUN/10/obj ./PUNCT/2/punct";
        char spec[512];
        snprintf(spec, sizeof spec, letter, "letter|letter");
        CHECK(codes(c, spec, "IRN", "---", "0353"));
        CHECK(!codes(c, spec, "IRN", "---", "0841"));
        /* a noun that says nothing: no intent read into it */
        snprintf(spec, sizeof spec, letter, "hospital|hospital");
        CHECK(!codes(c, spec, "IRN", "---", "0353"));
        sr_coder_free(c);
        sr_dict_free(d);
    }
    /* "Israeli aircraft bombed Haifa": a state's force on its own place
     * stands with no target (was dropped as ISR > ISR) */
    c = coder_for("pred 195 bomb obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *bomb = "Israeli/ADJ/2/amod aircraft|aircraft/NOUN/3/nsubj bombed|bomb/VERB/0/root "
                           "%s/PROPN/3/obj ./PUNCT/3/punct";
        char spec[512];
        snprintf(spec, sizeof spec, bomb, "Haifa");
        CHECK(codes(c, spec, "ISR", "---", "195"));
        snprintf(spec, sizeof spec, bomb, "Pentagon");
        CHECK(codes(c, spec, "ISR", "USAMIL", "195"));
        CHECK(!codes(c, spec, "ISR", "---", "195"));
        sr_coder_free(c);
        sr_dict_free(d);
    }
    /* "Iran and Israel resumed talks on Haifa": the subject of the talks
     * is one side's own place; the sides talk with each other */
    c = coder_for("pred 040 resume obj:talk(on:T)\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *talks = "Iran/PROPN/4/nsubj and/CCONJ/3/cc Israel/PROPN/1/conj "
                            "resumed|resume/VERB/0/root talks|talk/NOUN/4/obj on/ADP/7/case "
                            "%s/PROPN/5/nmod ./PUNCT/4/punct";
        char spec[512];
        snprintf(spec, sizeof spec, talks, "Haifa");
        CHECK(codes(c, spec, "IRN", "ISR", "040"));
        CHECK(codes(c, spec, "ISR", "IRN", "040"));
        /* a third party's place stays the target */
        snprintf(spec, sizeof spec, talks, "Pentagon");
        CHECK(codes(c, spec, "IRN", "USAMIL", "040"));
        CHECK(!codes(c, spec, "IRN", "ISR", "040"));
        sr_coder_free(c);
        sr_dict_free(d);
    }
    c = coder_for("agent GOV embassy\npred 111 condemn obj:attack(on:T)\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *own = "Iran/PROPN/2/nsubj condemned|condemn/VERB/0/root the/DET/4/det "
                          "attack|attack/NOUN/2/obj on/ADP/7/case %s/PRON/7/nmod:poss "
                          "embassy|embassy/NOUN/4/nmod ./PUNCT/2/punct";
        char spec[512];
        snprintf(spec, sizeof spec, own, "its|its");
        CHECK(codes(c, spec, "IRN", "---", "111"));
        CHECK(!codes(c, spec, "IRN", "IRNGOV", "111"));
        /* "his embassy": a person's, left to the resolver */
        snprintf(spec, sizeof spec, own, "his|he");
        CHECK(!codes(c, spec, "IRN", "---", "111"));
        sr_coder_free(c);
        sr_dict_free(d);
    }
}

static void test_wire_constructions(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 020 call for:*\npred 020 seek obj:*\n"
                            "pred 070 provide obj:aid to:T\npred 070 send obj:aid to:T\n"
                            "pred 070 help obj:T\npred 070 give obj:loan\n"
                            "pred 143 stage obj:strike\nnoun 195 strike\n"
                            "noun 020 call for:*\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj called|call/VERB:VBD/0/root for/ADP/4/case "
                       "calm/NOUN/2/obl ./PUNCT/2/punct", "IRN", "---", "020"));
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj sought|seek/VERB:VBD/0/root "
                                   "help/NOUN/2/obj ./PUNCT/2/punct", "020", NULL), 0);
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj spoke|speak/VERB:VBD/0/root ,/PUNCT/4/punct "
                                   "calling|call/VERB:VBG/2/advcl for/ADP/6/case talks|talk/NOUN/4/obl "
                                   "./PUNCT/2/punct", "020", NULL), 0);
        /* hedged: "may call for" is no appeal yet */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/3/nsubj may/AUX/3/aux call/VERB:VB/0/root "
                                   "for/ADP/5/case calm/NOUN/3/obl ./PUNCT/3/punct", "020", NULL), 0);
        /* the noun, made known by a performer verb */
        CHECK(codes(c, "Iran/PROPN/2/nsubj renewed|renew/VERB:VBD/0/root its/PRON/4/nmod:poss "
                       "call/NOUN/2/obj for/ADP/6/case calm/NOUN/4/nmod ./PUNCT/2/punct",
                    "IRN", "---", "020"));
        CHECK(codes(c, "Iran/PROPN/3/nsubj has/AUX/3/aux committed|commit/VERB:VBN/0/root "
                       "itself/PRON/3/obj to/SCONJ/6/mark providing|provide/VERB:VBG/3/advcl "
                       "aid/NOUN/6/obj to/ADP/9/case Israel/PROPN/6/obl ./PUNCT/3/punct",
                    "IRN", "ISR", "033"));
        /* the purpose of a stated intent, when it matched a pattern */
        CHECK(codes(c, "Iran/PROPN/3/nsubj will/AUX/3/aux give/VERB:VB/0/root loans|loan/NOUN/3/obj "
                       "to/PART/6/mark help/VERB/3/advcl Israel/PROPN/6/obj ./PUNCT/3/punct",
                    "IRN", "ISR", "033"));
        CHECK(!codes(c, "Iran/PROPN/2/nsubj gave|give/VERB:VBD/0/root loans|loan/NOUN/2/obj "
                        "to/PART/5/mark help/VERB/2/advcl Israel/PROPN/5/obj ./PUNCT/2/punct",
                     "IRN", "ISR", "033"));
        const char *strike = "Iran/PROPN/2/nsubj staged|stage/VERB:VBD/0/root a/DET/4/det "
                             "strike/NOUN/2/obj ./PUNCT/2/punct";
        CHECK(codes(c, strike, "IRN", "---", "143"));
        CHECK_INT_EQ(count_code(c, strike, "195", NULL), 0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}


/* Words of wire copy the tokeniser or the tagger splits or abbreviates:
 * "sit - in" and "cease - fire" match a filler written with its hyphen,
 * either part being the head; "$500 million" with "$" the head matches
 * `obj:dollar`; "'d" before a participle is "had", not "would" (own
 * mode); mediation's intent is 039; "warned X against attacking Y" codes
 * no attack. */
static void test_wire_words(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 144 stage obj:sit-in\npred 0871 agree to:cease-fire with:T\n"
                            "pred 0331 pledge obj:dollar to:T\npred 190 attack obj:T\n"
                            "pred 045 mediate between:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj staged|stage/VERB:VBD/0/root a/DET/4/det "
                       "sit/NOUN/2/obj -/PUNCT/6/punct in/ADV/4/advmod ./PUNCT/2/punct",
                    "IRN", "---", "144"));
        CHECK(codes(c, "Iran/PROPN/2/nsubj agreed|agree/VERB:VBD/0/root to/ADP/7/case "
                       "a/DET/7/det cease/NOUN/7/compound -/PUNCT/5/punct fire/NOUN/2/obl "
                       "with/ADP/9/case Israel/PROPN/2/obl ./PUNCT/2/punct", "IRN", "ISR", "0871"));
        /* no hyphen between them, no hyphenated word */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj agreed|agree/VERB:VBD/0/root to/ADP/6/case "
                                   "a/DET/6/det cease/NOUN/6/compound fire/NOUN/2/obl "
                                   "with/ADP/8/case Israel/PROPN/2/obl ./PUNCT/2/punct", "0871", NULL), 0);
        CHECK(codes(c, "Iran/PROPN/2/nsubj pledged|pledge/VERB:VBD/0/root $/SYM/2/obj "
                       "100/NUM/5/compound million/NUM/3/nummod to/ADP/7/case Israel/PROPN/2/obl "
                       "./PUNCT/2/punct", "IRN", "ISR", "0331"));
        sr_modality m = SR_MOD_ASSERTED;
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/4/nsubj said|say/VERB:VBD/0/root it/PRON/5/nsubj "
                                   "'d|have/AUX/5/aux attacked|attack/VERB:VBN/2/ccomp Israel/PROPN/5/obj "
                                   "./PUNCT/2/punct", "190", &m), 1);
        CHECK(m != SR_MOD_CONDITIONAL);
        CHECK(codes(c, "Iran/PROPN/2/nsubj said|say/VERB:VBD/0/root it/PRON/5/nsubj "
                       "'d|would/AUX/5/aux attack/VERB:VB/2/ccomp Israel/PROPN/5/obj "
                       "./PUNCT/2/punct", "IRN", "ISR", "1384"));
        CHECK(codes(c, "Iran/PROPN/3/nsubj will/AUX/3/aux mediate/VERB:VB/0/root between/ADP/5/case "
                       "Israel/PROPN/3/obl ./PUNCT/3/punct", "IRN", "ISR", "039"));
        /* what a warning warns against is its complement, not an event */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj warned|warn/VERB:VBD/0/root "
                                   "Israel/PROPN/2/iobj against/SCONJ/5/mark "
                                   "attacking|attack/VERB:VBG/2/advcl Iraq/PROPN/5/obj ./PUNCT/2/punct",
                                "190", NULL), 0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Constructions of wire copy (branch kb5a): a place phrase the parser hung
 * on the object is no target of a non-force act, and co-subjects then act
 * on each other; force keeps it. */
static void test_place_of_object(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("country JOR Jordan\n  seat GOV Amman\n"
                            "pred 057 sign obj:treaty\npred 195 bomb obj:*\n"
                            "pred 0841 exchange obj:prisoner\npred 1724 declare obj:law\n"
                            "pred 040 resume obj:talk\npred 111 condemn obj:*\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *sign = "Iran/PROPN/4/nsubj and/CCONJ/3/cc Israel/PROPN/1/conj "
                           "signed|sign/VERB:VBD/0/root a/DET/7/det peace/NOUN/7/compound "
                           "treaty/NOUN/4/obj in/ADP/9/case Amman/PROPN/7/nmod ./PUNCT/4/punct";
        CHECK(codes(c, sign, "IRN", "ISR", "057"));
        CHECK(codes(c, sign, "ISR", "IRN", "057"));
        CHECK(!codes(c, sign, "IRN", "JORGOV", "057"));
        /* on the verb, as before */
        CHECK(!codes(c, "Iran/PROPN/2/nsubj signed|sign/VERB:VBD/0/root a/DET/4/det "
                        "treaty/NOUN/2/obj in/ADP/6/case Amman/PROPN/2/obl ./PUNCT/2/punct",
                     "IRN", "JORGOV", "057"));
        /* force hits the place */
        CHECK(codes(c, "Iran/PROPN/2/nsubj bombed|bomb/VERB:VBD/0/root targets|target/NOUN/2/obj "
                       "in/ADP/5/case Amman/PROPN/3/nmod ./PUNCT/2/punct", "IRN", "JORGOV", "195"));
        /* what co-subjects exchange they give each other */
        const char *swap = "Iran/PROPN/4/nsubj and/CCONJ/3/cc Israel/PROPN/1/conj "
                           "exchanged|exchange/VERB:VBD/0/root prisoners|prisoner/NOUN/4/obj "
                           "in/ADP/7/case Amman/PROPN/5/nmod ./PUNCT/4/punct";
        CHECK(codes(c, swap, "IRN", "ISR", "0841"));
        CHECK(codes(c, swap, "ISR", "IRN", "0841"));
        CHECK(!codes(c, swap, "IRN", "JORGOV", "0841"));
        /* an act on another's event concerns the event's place */
        CHECK(codes(c, "Iran/PROPN/2/nsubj condemned|condemn/VERB:VBD/0/root the/DET/4/det "
                       "violence/NOUN/2/obj in/ADP/6/case Amman/PROPN/4/nmod ./PUNCT/2/punct",
                    "IRN", "JORGOV", "111"));
        /* coercion restricts the place of its object */
        CHECK(codes(c, "Iran/PROPN/2/nsubj declared|declare/VERB:VBD/0/root martial/ADJ/4/amod "
                       "law/NOUN/2/obj in/ADP/6/case Amman/PROPN/4/nmod ./PUNCT/2/punct",
                    "IRN", "JORGOV", "1724"));
        /* nor is a topic phrase of such an object a target: the talks are
         * the co-subjects' */
        const char *talks = "Iran/PROPN/4/nsubj and/CCONJ/3/cc Israel/PROPN/1/conj "
                            "resumed|resume/VERB:VBD/0/root talks|talk/NOUN/4/obj in/ADP/7/case "
                            "Amman/PROPN/5/nmod on/ADP/11/case Iran/PROPN/11/nmod:poss "
                            "'s/PART/9/case entry/NOUN/5/nmod ./PUNCT/4/punct";
        CHECK(codes(c, talks, "IRN", "ISR", "040"));
        CHECK(codes(c, talks, "ISR", "IRN", "040"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Acts coded by who does them: storming a building is a violent protest
 * by protesters, force by troops or rebels, repression by police; a
 * capture of people by rebels is an abduction; a crowd out to celebrate
 * is no protest; "held hostage by X" has X as its source. */
static void test_acts_by_actor(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("sector COP police\nsector REB rebels\nsector CVL civilians\n"
                            "sector UAF militias\nagent UAF gunman\n"
                            "agent COP police\nagent REB rebel\nagent CVL protester; crowd\n"
                            "pred 145 storm obj:embassy\npred 190 storm obj:T\n"
                            "pred 173 capture obj:T\npred 141 take to:street\n"
                            "pred 181 hold obj:hostage\npred 015 claim obj:responsibility\n"
                            "pred 010 claim obj:*\n"
                            "pred 143 strike against:*\npred 190 strike on:T\npred 042 land in:T\n"
                            "pred 181 seize obj:T\npred 190 enter obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *storm = "Israeli/ADJ/2/amod %s/NOUN/3/nsubj stormed|storm/VERB:VBD/0/root "
                            "the/DET/6/det Iranian/ADJ/6/amod embassy/NOUN/3/obj ./PUNCT/3/punct";
        char spec[512];
        snprintf(spec, sizeof spec, storm, "troops|troop");
        CHECK(codes(c, spec, "ISRMIL", "IRN", "190"));
        CHECK_INT_EQ(count_code(c, spec, "145", NULL), 0);
        snprintf(spec, sizeof spec, storm, "police");
        CHECK(codes(c, spec, "ISRCOP", "IRN", "175"));
        snprintf(spec, sizeof spec, storm, "rebels|rebel");
        CHECK(codes(c, spec, "ISRREB", "IRN", "190"));
        snprintf(spec, sizeof spec, storm, "protesters|protester");
        CHECK(codes(c, spec, "ISRCVL", "IRN", "145"));
        /* force by its verb, done by protesters: a violent protest */
        const char *capitol = "Iranian/ADJ/2/amod protesters|protester/NOUN/3/nsubj "
                              "stormed|storm/VERB:VBD/0/root the/DET/5/det Pentagon/PROPN/3/obj "
                              "./PUNCT/3/punct";
        CHECK(codes(c, capitol, "IRNCVL", "USAMIL", "145"));
        CHECK_INT_EQ(count_code(c, capitol, "190", NULL), 0);
        /* rebels capture people: an abduction; police arrest; a town stays */
        CHECK(codes(c, "Israeli/ADJ/2/amod rebels|rebel/NOUN/3/nsubj captured|capture/VERB:VBD/0/root "
                       "Iranian/ADJ/5/amod troops|troop/NOUN/3/obj ./PUNCT/3/punct",
                    "ISRREB", "IRNMIL", "181"));
        /* "gunmen", the plural of an agent in "-man", as written */
        CHECK(codes(c, "Israeli/ADJ/2/amod gunmen/NOUN/3/nsubj captured|capture/VERB:VBD/0/root "
                       "Iranian/ADJ/5/amod troops|troop/NOUN/3/obj ./PUNCT/3/punct",
                    "ISRUAF", "IRNMIL", "181"));
        CHECK(codes(c, "Israeli/ADJ/2/amod police/NOUN/3/nsubj captured|capture/VERB:VBD/0/root "
                       "Iranian/ADJ/5/amod troops|troop/NOUN/3/obj ./PUNCT/3/punct",
                    "ISRCOP", "IRNMIL", "173"));
        /* a town or a palace captured by armed men is taken territory */
        CHECK(codes(c, "Iranian/ADJ/2/amod rebels|rebel/NOUN/3/nsubj captured|capture/VERB:VBD/0/root "
                       "Haifa/PROPN/3/obj ./PUNCT/3/punct", "IRNREB", "ISR", "192"));
        CHECK_INT_EQ(count_code(c, "Iranian/ADJ/2/amod rebels|rebel/NOUN/3/nsubj "
                                   "captured|capture/VERB:VBD/0/root Haifa/PROPN/3/obj ./PUNCT/3/punct",
                                "173", NULL), 0);
        CHECK(codes(c, "Iranian/ADJ/2/amod troops|troop/NOUN/3/nsubj captured|capture/VERB:VBD/0/root "
                       "the/DET/6/det presidential/ADJ/6/amod palace/NOUN/3/obj "
                       "in/ADP/8/case Haifa/PROPN/6/nmod ./PUNCT/3/punct", "IRNMIL", "ISR", "192"));
        /* ... and police capturing a town's name stays an arrest's code */
        CHECK(codes(c, "Iranian/ADJ/2/amod police/NOUN/3/nsubj captured|capture/VERB:VBD/0/root "
                       "Haifa/PROPN/3/obj ./PUNCT/3/punct", "IRNCOP", "ISR", "173"));
        /* a strike by troops is an attack, by workers a strike */
        CHECK(codes(c, "Iranian/ADJ/2/amod troops|troop/NOUN/3/nsubj struck|strike/VERB:VBD/0/root "
                       "targets|target/NOUN/3/obj in/ADP/6/case Haifa/PROPN/4/nmod ./PUNCT/3/punct",
                    "IRNMIL", "ISR", "190"));
        CHECK(codes(c, "Iranian/ADJ/2/amod crowds|crowd/NOUN/3/nsubj struck|strike/VERB:VBD/0/root "
                       "against/ADP/5/case Israel/PROPN/3/obl ./PUNCT/3/punct",
                    "IRNCVL", "ISR", "143"));
        /* troops landing are deployed; a president landing visits */
        CHECK(codes(c, "Iranian/ADJ/2/amod troops|troop/NOUN/3/nsubj landed|land/VERB:VBD/0/root "
                       "in/ADP/5/case Israel/PROPN/3/obl ./PUNCT/3/punct", "IRNMIL", "ISR", "154"));
        CHECK(codes(c, "Iranian/ADJ/2/amod president/NOUN/3/nsubj landed|land/VERB:VBD/0/root "
                       "in/ADP/5/case Israel/PROPN/3/obl ./PUNCT/3/punct", "IRNGOV", "ISR", "042"));
        /* entering a country: troops attack it, protesters (unarmed)
         * make no event, a president visits */
        const char *enter = "Iranian/ADJ/2/amod %s/NOUN/3/nsubj entered|enter/VERB:VBD/0/root "
                            "Israel/PROPN/3/obj ./PUNCT/3/punct";
        snprintf(spec, sizeof spec, enter, "troops|troop");
        CHECK(codes(c, spec, "IRNMIL", "ISR", "190"));
        snprintf(spec, sizeof spec, enter, "protesters|protester");
        CHECK_INT_EQ(count_code(c, spec, "190", NULL), 0);
        snprintf(spec, sizeof spec, enter, "president");
        CHECK(codes(c, spec, "IRNGOV", "ISR", "042"));
        /* a bare participle clause of a noun root is the verb: "by bus"
         * is then no passive's agent */
        CHECK(codes(c, "Iranian/ADJ/2/amod president/NOUN/0/root entered|enter/VERB:VBN/2/acl "
                       "Israel/PROPN/3/obj by/ADP/6/case bus/NOUN/3/obl ./PUNCT/2/punct",
                    "IRNGOV", "ISR", "042"));
        /* protesters seizing a building riot; troops seizing it take it */
        CHECK(codes(c, "Iranian/ADJ/2/amod protesters|protester/NOUN/3/nsubj seized|seize/VERB:VBD/0/root "
                       "the/DET/5/det embassy/NOUN/3/obj of/ADP/7/case Israel/PROPN/5/nmod "
                       "./PUNCT/3/punct", "IRNCVL", "ISR", "145"));
        /* a celebration is no protest; a protest's purpose leaves it */
        const char *fans = "Israeli/ADJ/2/amod crowds|crowd/NOUN/3/nsubj took|take/VERB:VBD/0/root "
                           "to/ADP/6/case the/DET/6/det streets|street/NOUN/3/obl to/PART/8/mark "
                           "%s/VERB:VB/3/advcl the/DET/10/det %s/NOUN/8/obj ./PUNCT/3/punct";
        snprintf(spec, sizeof spec, fans, "celebrate", "title");
        CHECK_INT_EQ(count_code(c, spec, "141", NULL), 0);
        snprintf(spec, sizeof spec, fans, "mourn", "dead");
        CHECK_INT_EQ(count_code(c, spec, "141", NULL), 0);
        snprintf(spec, sizeof spec, fans, "denounce", "deal");
        CHECK(codes(c, spec, "ISRCVL", "---", "141"));
        /* a claim of responsibility stands without a target; a bare
         * statement does not, nor a claim that may come */
        CHECK(codes(c, "Iranian/ADJ/2/amod rebels|rebel/NOUN/3/nsubj claimed|claim/VERB:VBD/0/root "
                       "responsibility/NOUN/3/obj for/ADP/7/case the/DET/7/det attack/NOUN/4/nmod "
                       "./PUNCT/3/punct", "IRNREB", "---", "015"));
        CHECK_INT_EQ(count_code(c, "Iranian/ADJ/2/amod rebels|rebel/NOUN/3/nsubj claimed|claim/VERB:VBD/0/root "
                                   "victory/NOUN/3/obj ./PUNCT/3/punct", "010", NULL), 0);
        CHECK_INT_EQ(count_code(c, "Iranian/ADJ/2/amod rebels|rebel/NOUN/4/nsubj may/AUX/4/aux "
                                   "claim/VERB:VB/0/root responsibility/NOUN/4/obj ./PUNCT/4/punct",
                                "015", NULL), 0);
        /* the passive's "by" phrase hung on the object */
        CHECK(codes(c, "Israeli/ADJ/2/amod negotiators|negotiator/NOUN/4/nsubj:pass "
                       "were|be/AUX/4/aux:pass held|hold/VERB:VBN/0/root hostage/NOUN/4/obj "
                       "by/ADP/8/case Iranian/ADJ/8/amod rebels|rebel/NOUN/5/nmod ./PUNCT/4/punct",
                    "IRNREB", "ISRGOV", "181"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "Prime Minister X and President Y signed a peace treaty" with the
 * first title hung on the verb and the second name its subject: the two
 * titled names are the coordinated subject. "held hundreds of ...
 * negotiators hostage" with "hostage" an unmarked oblique and the people
 * its compound: "hostage" is the secondary predicate. */
static void test_titled_pair_and_hostage(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("person Ali Rezaei\n  role IRNGOV\nperson Dan Levi\n  role ISRGOV\n"
                            "agent GOV minister\n"
                            "pred 057 sign obj:treaty\npred 181 hold obj:T xcomp:hostage\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *pair = "Prime/ADJ/2/amod Minister/PROPN/9/nmod:desc Ali/PROPN/2/flat "
                           "Rezaei/PROPN/3/flat and/CCONJ/6/cc President/PROPN/7/nmod:desc "
                           "Dan/PROPN/9/nsubj Levi/PROPN/7/flat signed|sign/VERB:VBD/0/root "
                           "a/DET/12/det peace/NOUN/12/compound treaty/NOUN/9/obj ./PUNCT/9/punct";
        CHECK(codes_on(c, pair, "2000-01-01", "IRNGOV", "ISRGOV", "057"));
        CHECK(codes_on(c, pair, "2000-01-01", "ISRGOV", "IRNGOV", "057"));
        /* a verb made a clause of the first name becomes the root */
        const char *clause = "President/PROPN/2/nmod:desc Ali/PROPN/0/root Rezaei/PROPN/7/compound "
                             "and/CCONJ/6/cc rebel/NOUN/7/compound leader/NOUN/2/list "
                             "Dan/PROPN/6/appos Levi/PROPN/7/flat signed|sign/VERB:VBD/2/acl "
                             "a/DET/11/det treaty/NOUN/9/obj ./PUNCT/2/punct";
        CHECK(codes_on(c, clause, "2000-01-01", "IRNGOV", "ISRGOV", "057"));
        CHECK(codes(c, "Iranian/ADJ/2/amod troops|troop/NOUN/3/nsubj held|hold/VERB:VBD/0/root "
                       "hundreds|hundred/NOUN/3/obj of/ADP/7/case Israeli/ADJ/7/amod "
                       "negotiators|negotiator/NOUN/8/compound hostage/NOUN/3/obl:unmarked "
                       "./PUNCT/3/punct", "IRNMIL", "ISRGOV", "181"));
        /* "held talks in the hostage crisis" keeps its preposition: no 181 */
        CHECK_INT_EQ(count_code(c, "Iranian/ADJ/2/amod troops|troop/NOUN/3/nsubj held|hold/VERB:VBD/0/root "
                                   "Israeli/ADJ/5/amod negotiators|negotiator/NOUN/3/obj "
                                   "in/ADP/7/case hostage/NOUN/3/obl ./PUNCT/3/punct", "181", NULL),
                     0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "Police stormed the building and arrested opposition leaders" parsed
 * with "arrested" an adjective of "leaders" and "leaders" a conjunct of
 * "building": the form after "and" is a second verb with its object.
 * "the wounded and arrested negotiators" (the adjectives coordinated) is
 * left alone. */
static void test_conjunct_verb_as_adjective(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("sector COP police\nagent COP police\n"
                            "pred 145 storm obj:building\npred 173 arrest obj:T\n"
                            "pred 0841 free obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Israeli/ADJ/2/amod police/NOUN/3/nsubj stormed|storm/VERB:VBD/0/root "
                       "the/DET/5/det building/NOUN/3/obj and/CCONJ/9/cc "
                       "arrested|arrest/VERB:VBN/9/amod Iranian/ADJ/9/amod "
                       "negotiators|negotiator/NOUN/5/conj ./PUNCT/3/punct",
                    "ISRCOP", "IRNGOV", "173"));
        const char *freed = "Israel/PROPN/2/nsubj freed|free/VERB:VBD/0/root the/DET/7/det "
                            "wounded/ADJ:JJ/8/amod and/CCONJ/6/cc arrested|arrest/VERB:VBN/8/amod "
                            "Iranian/ADJ/8/amod negotiators|negotiator/NOUN/2/obj ./PUNCT/2/punct";
        /* "Iran and the Israeli negotiators freed ..." parsed with
         * "freed" a relative clause of "Iran" and "negotiators", with the
         * "and", its subject: one coordinated subject of the main verb */
        CHECK(codes(c, "Iran/PROPN/0/root and/CCONJ/5/cc the/DET/5/det Israeli/ADJ/5/amod "
                       "negotiators|negotiator/NOUN/6/nsubj freed|free/VERB:VBD/1/acl:relcl "
                       "Haifa/PROPN/6/obj ./PUNCT/6/punct", "IRN", "ISR", "0841"));
        /* no "and" on the subject: a relative clause ("the port the
         * Israeli negotiators freed") stays one */
        CHECK(!codes(c, "Iran/PROPN/0/root the/DET/4/det Israeli/ADJ/4/amod "
                        "negotiators|negotiator/NOUN/5/nsubj freed|free/VERB:VBD/1/acl:relcl "
                        "Haifa/PROPN/5/obj ./PUNCT/1/punct", "IRN", "ISR", "0841"));
        /* the noun after the form is no conjunct: "wounded" and "arrested"
         * are its adjectives */
        CHECK_INT_EQ(count_code(c, freed, "173", NULL), 0);
        CHECK(codes(c, freed, "ISR", "IRNGOV", "0841"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "overran" tagged as the preposition of the noun after it: the verb, with
 * that noun as its object and the noun the phrase hung on, or the subject
 * before it of a reporting verb, as its subject. */
static void test_prefixed_past(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("sector REB rebels\nagent REB rebel\npred 190 overrun obj:T\n",
                            true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iranian/ADJ/2/amod rebels|rebel/NOUN/0/root overran/ADP:IN/5/case "
                       "the/DET/5/det Pentagon/PROPN/2/nmod ./PUNCT/2/punct",
                    "IRNREB", "USAMIL", "190"));
        CHECK(codes(c, "Iranian/ADJ/2/amod rebels|rebel/NOUN/9/nsubj overran/ADP:IN/5/case "
                       "the/DET/5/det Pentagon/PROPN/9/obl ,/PUNCT/9/punct the/DET/8/det "
                       "president/NOUN/9/nsubj said|say/VERB:VBD/0/root ./PUNCT/9/punct",
                    "IRNREB", "USAMIL", "190"));
        /* a real preposition stays one */
        CHECK_INT_EQ(count_code(c, "Iranian/ADJ/2/amod rebels|rebel/NOUN/0/root over/ADP:IN/5/case "
                                   "the/DET/5/det Pentagon/PROPN/2/nmod ./PUNCT/2/punct", "190", NULL), 0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "Iranian and Israeli troops clashed in Amman" parsed with "Iranian" the
 * root and "clashed" its conjunct: the adjectives modify "troops", the
 * verb is the root; the two sides fight each other, not the place. */
static void test_adjective_root(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("country JOR Jordan\n  seat GOV Amman\npred 190 clash\n"
                            "pred 190 clash with:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *clash = "Iranian/ADJ/0/root and/CCONJ/3/cc Israeli/ADJ/1/conj "
                            "troops|troop/NOUN/5/nsubj clashed|clash/VERB:VBD/1/conj in/ADP/7/case "
                            "Amman/PROPN/5/obl ./PUNCT/1/punct";
        CHECK(codes(c, clash, "IRNMIL", "ISRMIL", "190"));
        CHECK(codes(c, clash, "ISRMIL", "IRNMIL", "190"));
        CHECK(!codes(c, clash, "IRNMIL", "JORGOV", "190"));
        /* "troops" the root's object, "clashed" its clause */
        CHECK(codes(c, "Iranian/PROPN/0/root and/CCONJ/3/cc Israeli/ADJ/1/conj "
                       "troops|troop/NOUN/1/obj clashed|clash/VERB:VBN/4/acl ./PUNCT/1/punct",
                    "IRNMIL", "ISRMIL", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}


/* People, regions and groups (own mode): a person named at the head of a
 * phrase is the phrase's actor with the code of the event date, the titles
 * and adjectives before the name adding nothing ("Iraqi Kurdish leader
 * Massoud Barzani" IRQPTY, never IRQGOV nor IRQPTYGOV); with only the code
 * between offices on that date, the title the text gives holds, in the
 * person's country, unless it says "former"; two people of one code are
 * two actors. */
static void test_person_names(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("country IRQ Iraq\n  adj Iraqi\n  seat GOV Baghdad\n"
                            "agent GOV leader; envoy\nsector ELI elites\nactor USAPTY Democrats\n"
                            "person Massoud Barzani; Masoud Barzani\n"
                            "  role IRQPTY ..2005-06-13\n  role IRQGOV 2005-06-13..2017-11-01\n"
                            "  role IRQPTY\n"
                            "person Jalal Talabani\n  role IRQPTY ..2005-04-07\n"
                            "actor IRQPTY Kurdistan Democratic Party; KDP\n"
                            "person Richard Holbrooke\n  role USAGOV 1994-09-13..1996-02-21\n"
                            "  role USAELI\n"
                            "pred 112 accuse obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *barzani = "Iraqi/ADJ/2/amod leader/NOUN/3/compound Massoud/PROPN/5/nsubj "
                              "Barzani/PROPN/3/flat accused|accuse/VERB:VBD/0/root "
                              "Baghdad/PROPN/5/obj ./PUNCT/5/punct";
        CHECK(codes_on(c, barzani, "1996-08-30", "IRQPTY", "IRQGOV", "112"));
        CHECK(codes(c, "Iraqi/ADJ/2/amod leader/NOUN/3/compound Massoud/PROPN/5/nsubj "
                       "Barzani/PROPN/3/flat accused|accuse/VERB:VBD/0/root "
                       "Iran/PROPN/5/obj ./PUNCT/5/punct", "IRQPTY", "IRN", "112"));
        const char *iran = "Iraqi/ADJ/2/amod leader/NOUN/3/compound Massoud/PROPN/5/nsubj "
                           "Barzani/PROPN/3/flat accused|accuse/VERB:VBD/0/root "
                           "Iran/PROPN/5/obj ./PUNCT/5/punct";
        CHECK(codes_on(c, iran, "2009-07-26", "IRQGOV", "IRN", "112"));
        CHECK(!codes_on(c, iran, "2009-07-26", "IRQGOVGOV", "IRN", "112"));
        /* no dated role in 1998: "envoy" holds, in the person's country */
        const char *envoy = "American/ADJ/2/amod envoy/NOUN/3/compound Richard/PROPN/5/nsubj "
                            "Holbrooke/PROPN/3/flat accused|accuse/VERB:VBD/0/root "
                            "Iran/PROPN/5/obj ./PUNCT/5/punct";
        CHECK(codes_on(c, envoy, "1998-10-13", "USAGOV", "IRN", "112"));
        CHECK(codes_on(c, envoy, "1995-10-13", "USAGOV", "IRN", "112"));
        CHECK(codes_on(c, "former/ADJ/3/amod American/ADJ/3/amod envoy/NOUN/4/compound "
                          "Richard/PROPN/6/nsubj Holbrooke/PROPN/4/flat "
                          "accused|accuse/VERB:VBD/0/root Iran/PROPN/6/obj ./PUNCT/6/punct",
                       "1998-10-13", "USAELI", "IRN", "112"));
        /* ... with the phrase's other name when it has one */
        CHECK(codes_on(c, "Democrats/PROPN/2/compound leader/NOUN/3/compound Richard/PROPN/5/nsubj "
                          "Holbrooke/PROPN/3/flat accused|accuse/VERB:VBD/0/root Iran/PROPN/5/obj "
                          "./PUNCT/5/punct", "1998-10-13", "USAPTY", "IRN", "112"));
        /* two people of one code */
        CHECK(codes_on(c, "Jalal/PROPN/3/nsubj Talabani/PROPN/1/flat accused|accuse/VERB:VBD/0/root "
                          "Massoud/PROPN/3/obj Barzani/PROPN/4/flat ./PUNCT/3/punct",
                       "1996-09-01", "IRQPTY", "IRQPTY", "112"));
        /* a person and a named body of his code are two actors, either
         * way round; his country's seat of that code stays himself */
        CHECK(codes_on(c, "Jalal/PROPN/3/nsubj Talabani/PROPN/1/flat accused|accuse/VERB:VBD/0/root "
                          "the/DET/5/det KDP/PROPN/3/obj ./PUNCT/3/punct",
                       "1996-09-01", "IRQPTY", "IRQPTY", "112"));
        CHECK(codes_on(c, "the/DET/2/det KDP/PROPN/3/nsubj accused|accuse/VERB:VBD/0/root "
                          "Jalal/PROPN/3/obj Talabani/PROPN/4/flat ./PUNCT/3/punct",
                       "1996-09-01", "IRQPTY", "IRQPTY", "112"));
        CHECK(!codes_on(c, "Massoud/PROPN/3/nsubj Barzani/PROPN/1/flat accused|accuse/VERB:VBD/0/root "
                           "Baghdad/PROPN/3/obj ./PUNCT/3/punct",
                        "2009-07-26", "IRQGOV", "IRQGOV", "112"));
        /* a person's possession is composed as before: "Barzani's troops" */
        CHECK(codes_on(c, "Massoud/PROPN/4/nmod:poss Barzani/PROPN/1/flat 's/PART/1/case "
                          "troops|troop/NOUN/5/nsubj accused|accuse/VERB:VBD/0/root "
                          "Iran/PROPN/5/obj ./PUNCT/5/punct",
                       "1996-09-01", "IRQPTYMIL", "IRN", "112"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "called X a Y" names X, in praise or blame: a statement (010) by the
 * more specific `call obj:T appos:*`, not the telephone call of `call
 * obj:T` (041), which a bare "called Macron" still is. */
static void test_call_named(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("country FRA France\n"
                            "person Donald Trump; Trump\n  role USAGOV\n"
                            "person Emmanuel Macron; Macron\n  role FRAGOV\n"
                            "pred 041 call obj:T\npred 010 call obj:T appos:*\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *named = "Trump/PROPN/2/nsubj called|call/VERB:VBD/0/root Macron/PROPN/2/obj "
                            "a/DET/5/det liar/NOUN/3/appos ./PUNCT/2/punct";
        CHECK(codes(c, named, "USAGOV", "FRAGOV", "010"));
        CHECK(!codes(c, named, "USAGOV", "FRAGOV", "041"));
        CHECK(codes(c, "Trump/PROPN/2/nsubj called|call/VERB:VBD/0/root Macron/PROPN/2/obj "
                       "./PUNCT/2/punct", "USAGOV", "FRAGOV", "041"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* A person whose last office ended before the event date (out of office,
 * or dead, with no role after) named with a title that is not a past one
 * ("President Mobutu", "King Hussein" in a text dated after them) is the
 * actor of that office's country, the title composed onto it; a bare name,
 * "the late ...", "former ..." and "the killing of ..." are not. */
static void test_past_office_titles(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("country COD Democratic Republic of the Congo\n"
                            "country BEL Belgium\nagent GOV king\n"
                            "person Mobutu Sese Seko; Mobutu\n  role CODGOV 1965-11-24..1997-05-16\n"
                            "person King Baudouin\n  role BELGOV 1951-07-17..1993-07-31\n"
                            "pred 112 accuse obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *titled = "President|president/NOUN/2/compound Mobutu/PROPN/3/nsubj "
                             "accused|accuse/VERB:VBD/0/root Belgium/PROPN/3/obj ./PUNCT/3/punct";
        CHECK(codes_on(c, titled, "1995-01-01", "CODGOV", "BEL", "112"));
        CHECK(codes_on(c, titled, "2000-01-01", "CODGOV", "BEL", "112"));
        /* before any office: nobody */
        CHECK(!codes_on(c, titled, "1960-01-01", "CODGOV", "BEL", "112"));
        /* no title, or a past one: nobody */
        CHECK(!codes_on(c, "Mobutu/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root "
                           "Belgium/PROPN/2/obj ./PUNCT/2/punct",
                        "2000-01-01", "CODGOV", "BEL", "112"));
        CHECK(!codes_on(c, "the/DET/4/det late/ADJ/4/amod President|president/NOUN/4/compound "
                           "Mobutu/PROPN/5/nsubj accused|accuse/VERB:VBD/0/root "
                           "Belgium/PROPN/5/obj ./PUNCT/5/punct",
                        "2000-01-01", "CODGOV", "BEL", "112"));
        /* a title inside the listed name: the office's own code */
        CHECK(codes_on(c, "Belgium/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root King/PROPN/4/compound "
                           "Baudouin/PROPN/2/obj ./PUNCT/2/punct",
                        "2000-01-01", "BEL", "BELGOV", "112"));
        /* the person as the noun of another noun ("the killing of ...") */
        CHECK(!codes_on(c, "Belgium/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root the/DET/4/det "
                           "allies|ally/NOUN/2/obj of/ADP/7/case President|president/NOUN/7/compound "
                           "Mobutu/PROPN/4/nmod ./PUNCT/2/punct",
                        "2000-01-01", "BEL", "CODGOV", "112"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "Fighting between Israel and Iran resumed" parsed with the gerund the
 * root and the verb its clause (or a participle hung on a noun of its
 * phrase): the verb is the root, the gerund a noun and its subject, and
 * the noun's event codes the pair acting on each other; a gerund with an
 * object of its own ("Fighting the fire took hours") is left alone. */
static void test_gerund_subject_root(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("noun 190 fighting between:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *xcomp = "Fighting|fight/VERB:VBG/0/root between/ADP/3/case Israel/PROPN/1/obl "
                            "and/CCONJ/5/cc Iran/PROPN/3/conj resumed|resume/VERB:VBD/1/xcomp "
                            "./PUNCT/1/punct";
        CHECK(codes(c, xcomp, "ISR", "IRN", "190"));
        CHECK(codes(c, xcomp, "IRN", "ISR", "190"));
        const char *acl = "Fighting|fight/VERB:VBG/0/root between/ADP/3/case Israeli/ADJ/1/obl "
                          "and/CCONJ/6/cc Iranian/ADJ/6/amod troops|troop/NOUN/3/conj "
                          "resumed|resume/VERB:VBN/6/acl ./PUNCT/1/punct";
        CHECK(codes(c, acl, "ISR", "IRNMIL", "190"));
        CHECK_INT_EQ(count_code(c, "Fighting|fight/VERB:VBG/0/root the/DET/3/det fire/NOUN/1/obj "
                                   "between/ADP/5/case Israel/PROPN/3/nmod took|take/VERB:VBD/1/conj "
                                   "hours|hour/NOUN/6/obj ./PUNCT/1/punct", "190", NULL), 0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* A bare country before the head naming one of its bodies gives way to
 * it: "the Israeli Mossad" ISRSPY, not ISR; a body of another country
 * does not ("the Iranian Mossad" stays the bare country's). */
static void test_country_body_head(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("sector SPY intelligence\nactor ISRSPY Mossad\npred 173 arrest obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *spec = "The/DET/3/det %s/ADJ/3/amod Mossad/PROPN/4/nsubj "
                           "arrested|arrest/VERB:VBD/0/root an/DET/7/det American/ADJ/7/amod "
                           "negotiator|negotiator/NOUN/4/obj ./PUNCT/4/punct";
        char text[512];
        snprintf(text, sizeof text, spec, "Israeli");
        CHECK(codes(c, text, "ISRSPY", "USAGOV", "173"));
        CHECK(!codes(c, text, "ISR", "USAGOV", "173"));
        snprintf(text, sizeof text, spec, "Iranian");
        CHECK(codes(c, text, "IRN", "USAGOV", "173"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "the West" is WST; a one-word name written in lower case and not tagged
 * as a proper noun is a common word ("west of Baghdad"); a one-word region
 * next to a capitalised word is part of a longer name ("West Coast"), but
 * not before a weekday ("the West Tuesday"); a participle joined to a
 * passive one is passive ("led by Israel and backed by the West"); a
 * region after a passive verb is where it happened, not its source. */
static void test_regions(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("region WST West; Western countries\nregion AFR Africa\n"
                            "actor AFRGOV African leaders\n"
                            "pred 112 accuse obj:T\npred 051 back obj:T\n"
                            "pred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "Iran/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root the/DET/4/det "
                       "West/PROPN/2/obj ./PUNCT/2/punct", "IRN", "WST", "112"));
        CHECK(codes(c, "Iran/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root the/DET/4/det "
                       "West/PROPN/2/obj Tuesday/PROPN/2/obl:tmod ./PUNCT/2/punct",
                    "IRN", "WST", "112"));
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root "
                                   "the/DET/4/det west/NOUN/2/obj ./PUNCT/2/punct", "112", NULL), 0);
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root "
                                   "the/DET/5/det West/PROPN/5/compound Coast/PROPN/2/obj "
                                   "./PUNCT/2/punct", "112", NULL), 0);
        CHECK(codes(c, "African/ADJ/2/amod leaders|leader/NOUN/3/nsubj accused|accuse/VERB:VBD/0/root "
                       "Israel/PROPN/3/obj ./PUNCT/3/punct", "AFRGOV", "ISR", "112"));
        const char *backed = "Iranian/ADJ/2/amod troops|troop/NOUN/11/nsubj led|lead/VERB:VBN/2/acl "
                             "by/ADP/5/case Israel/PROPN/3/obl:agent and/CCONJ/7/cc "
                             "backed|back/VERB:VBN/3/conj by/ADP/10/case the/DET/10/det "
                             "West/PROPN/7/obl:agent attacked|attack/VERB:VBD/0/root "
                             "Iraq/PROPN/11/obj ./PUNCT/11/punct";
        CHECK(codes(c, backed, "WST", "IRNMIL", "051"));
        CHECK(!codes(c, backed, "IRNMIL", "WST", "051"));
        const char *in = "Israel/PROPN/3/nsubj:pass was/AUX/3/aux:pass attacked|attack/VERB:VBN/0/root "
                         "in/ADP/5/case %s/PROPN/3/obl ./PUNCT/3/punct";
        char buf[256];
        snprintf(buf, sizeof buf, in, "Africa");
        CHECK_INT_EQ(count_code(c, buf, "190", NULL), 0);
        snprintf(buf, sizeof buf, in, "Iran");
        CHECK(codes(c, buf, "IRN", "ISR", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "the group", "the movement" stand for a non-state group that is the
 * subject above them ("Hamas said the movement ..."), never for a state,
 * and not when they have words of their own ("the armed group"). */
static void test_group_anaphor(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("sector REB rebels\ncountry PSE Palestine\nactor PSEREB Hamas\n"
                            "pred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *said = "%s/PROPN/2/nsubj said|say/VERB:VBD/0/root the/DET/%d/det %s"
                           "%s/NOUN/6/nsubj attacked|attack/VERB:VBD/2/ccomp Israel/PROPN/6/obj "
                           "./PUNCT/2/punct";
        char buf[512];
        snprintf(buf, sizeof buf, said, "Hamas", 5, "armed/ADJ/5/amod ", "group");
        CHECK_INT_EQ(count_code(c, buf, "190", NULL), 0);
        snprintf(buf, sizeof buf, said, "Hamas", 5, "movement/NOUN/5/compound ", "group");
        CHECK_INT_EQ(count_code(c, buf, "190", NULL), 0);
        CHECK(codes(c, "Hamas/PROPN/2/nsubj said|say/VERB:VBD/0/root the/DET/4/det "
                       "movement/NOUN/5/nsubj attacked|attack/VERB:VBD/2/ccomp Israel/PROPN/5/obj "
                       "./PUNCT/2/punct", "PSEREB", "ISR", "190"));
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj said|say/VERB:VBD/0/root the/DET/4/det "
                                   "group/NOUN/5/nsubj attacked|attack/VERB:VBD/2/ccomp "
                                   "Israel/PROPN/5/obj ./PUNCT/2/punct", "190", NULL), 0);
    }
    sr_coder_free(c);
    sr_dict_free(d);
}


/* The leader, spokesman or officials of a body that is not the state are
 * the body ("Hezbollah's leader" LBNREB, "opposition leaders" OPP), but a
 * government of theirs is one ("the rebel government"). */
static void test_body_heads(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("sector REB rebels\nsector OPP opposition\ncountry LBN Lebanon\n  adj Lebanese\n"
                            "actor LBNREB Hezbollah\nagent GOV leader; spokesman; government\n"
                            "agent OPP opposition\npred 130 threaten obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *lead = "Hezbollah/PROPN/3/nmod:poss 's/PART/1/case %s/NOUN/4/nsubj "
                           "threatened|threaten/VERB:VBD/0/root Israel/PROPN/4/obj ./PUNCT/4/punct";
        char buf[256];
        snprintf(buf, sizeof buf, lead, "leader");
        CHECK(codes(c, buf, "LBNREB", "ISR", "130"));
        CHECK(!codes(c, buf, "LBNREBGOV", "ISR", "130"));
        snprintf(buf, sizeof buf, lead, "government");
        CHECK(codes(c, buf, "LBNREBGOV", "ISR", "130"));
        CHECK(codes(c, "Lebanese/ADJ/3/amod opposition/NOUN/3/compound leaders|leader/NOUN/4/nsubj "
                       "threatened|threaten/VERB:VBD/0/root Israel/PROPN/4/obj ./PUNCT/4/punct",
                    "LBNOPP", "ISR", "130"));
        /* an organ of the state other than the government: its body */
        CHECK(codes(c, "Pentagon/PROPN/2/compound spokesman/NOUN/3/nsubj "
                       "threatened|threaten/VERB:VBD/0/root Iran/PROPN/3/obj ./PUNCT/3/punct",
                    "USAMIL", "IRN", "130"));
        /* a state's leader is its government */
        CHECK(codes(c, "Lebanese/ADJ/2/amod leader/NOUN/3/nsubj threatened|threaten/VERB:VBD/0/root "
                       "Israel/PROPN/3/obj ./PUNCT/3/punct", "LBNGOV", "ISR", "130"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* A name the parser joined to the verb as a conjunct after the verb's
 * object ("accused Iran, the Pentagon and the UN" with "Pentagon" under
 * "accused") is the next item of the object's list; a conjunct with a
 * clause of its own is not. */
static void test_object_list(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 112 accuse obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *list = "Israel/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root Iran/PROPN/2/obj "
                           ",/PUNCT/5/punct Pentagon/PROPN/2/conj and/CCONJ/8/cc "
                           "United/PROPN/8/compound Nations/PROPN/5/conj ./PUNCT/2/punct";
        CHECK(codes(c, list, "ISR", "IRN", "112"));
        CHECK(codes(c, list, "ISR", "USAMIL", "112"));
        CHECK(codes(c, list, "ISR", "IGOUNO", "112"));
        /* "..., the Pentagon is sure": a clause of its own */
        CHECK(!codes(c, "Israel/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root Iran/PROPN/2/obj "
                        ",/PUNCT/5/punct Pentagon/PROPN/2/conj is|be/AUX/5/cop "
                        "sure/ADJ/5/amod ./PUNCT/2/punct", "ISR", "USAMIL", "112"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* A person named after the head noun of a title phrase is the phrase's
 * actor ("KLA commander Hashim Thaci" KSVREB, not KSVREBMIL); the other
 * names of a person's phrase add no actors ("Turkish Cypriot leader Rauf
 * Denktash" is no TUR); a possessive pronoun gives an agent its owner
 * before a place does ("their embassy in Belgrade"). */
static void test_person_phrases(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("sector REB rebels\nsector SEP separatists\ncountry KSV Kosovo\n"
                            "country SRB Serbia\n  seat GOV Belgrade\ncountry CYP Cyprus\n"
                            "  adj Cypriot\ncountry TUR Turkey\n  adj Turkish\ncountry CHN China\n"
                            "  adj Chinese\nactor KSVREB KLA\nagent MIL commander\n"
                            "agent GOV leader; official; embassy\n"
                            "person Hashim Thaci\n  role KSVREB ..2000\n"
                            "person Rauf Denktash\n  role CYPSEP\n"
                            "pred 112 accuse obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *thaci = "KLA/PROPN/2/compound commander/NOUN/5/nsubj Hashim/PROPN/2/flat "
                            "Thaci/PROPN/3/flat accused|accuse/VERB:VBD/0/root Iran/PROPN/5/obj "
                            "./PUNCT/5/punct";
        CHECK(codes_on(c, thaci, "1999-02-10", "KSVREB", "IRN", "112"));
        CHECK(!codes_on(c, thaci, "1999-02-10", "KSVREBMIL", "IRN", "112"));
        const char *denktash = "Turkish/ADJ/3/amod Cypriot/ADJ/3/amod leader/NOUN/4/compound "
                               "Rauf/PROPN/6/nsubj Denktash/PROPN/4/flat accused|accuse/VERB:VBD/0/root "
                               "Iran/PROPN/6/obj ./PUNCT/6/punct";
        CHECK(codes(c, denktash, "CYPSEP", "IRN", "112"));
        CHECK_INT_EQ(count_code(c, denktash, "112", NULL), 1);
        const char *embassy = "Iran/PROPN/2/nsubj accused|accuse/VERB:VBD/0/root their/PRON/4/nmod:poss "
                              "embassy/NOUN/2/obj in/ADP/6/case Belgrade/PROPN/4/nmod ./PUNCT/2/punct";
        CHECK(!codes(c, embassy, "IRN", "SRBGOV", "112"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* An agent-only conjunct that borrows a prepositional actor of the other
 * conjunct does not repeat a sector ("soldiers and officers of the Israeli
 * army": ISRMIL, not ISRMILMIL). */
static void test_borrowed_sector(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("agent MIL army; officer; soldier\npred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *s = "soldiers|soldier/NOUN/8/nsubj and/CCONJ/3/cc officers|officer/NOUN/1/conj "
                        "of/ADP/7/case the/DET/7/det Israeli/ADJ/7/amod army/NOUN/3/nmod "
                        "attacked|attack/VERB:VBD/0/root Iran/PROPN/8/obj ./PUNCT/8/punct";
        CHECK(codes(c, s, "ISRMIL", "IRN", "190"));
        CHECK(!codes(c, s, "ISRMILMIL", "IRN", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* "his Iranian counterpart" holds the other side's office in Iran. */
static void test_counterpart(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("pred 040 meet obj:T\npred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        CHECK(codes(c, "American/ADJ/2/amod president/NOUN/3/nsubj met|meet/VERB:VBD/0/root "
                       "his/PRON/6/nmod:poss Iranian/ADJ/6/amod counterpart/NOUN/3/obj ./PUNCT/3/punct",
                    "USAGOV", "IRNGOV", "040"));
        CHECK(codes(c, "American/ADJ/2/amod troops|troop/NOUN/3/nsubj attacked|attack/VERB:VBD/0/root "
                       "their/PRON/6/nmod:poss Iranian/ADJ/6/amod counterparts|counterpart/NOUN/3/obj "
                       "./PUNCT/3/punct", "USAMIL", "IRNMIL", "190"));
        /* any other bare country stays bare */
        CHECK(codes(c, "American/ADJ/2/amod president/NOUN/3/nsubj met|meet/VERB:VBD/0/root "
                       "Iran/PROPN/3/obj ./PUNCT/3/punct", "USAGOV", "IRN", "040"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Sentences the coder found no event in (branch kb7): a cooperative act or
 * an accusation on a pattern that names a word stands without a target
 * ("Iran signed the nuclear deal"); a use of force by an armed source
 * stands without one on the verb's own code when the verb acts on
 * something; the relative pronoun of a comma-set relative clause on the
 * subject stands for the subject; a comma-joined verb conjunct of a noun
 * root's relative clause is the sentence's verb. */
/* An event noun that is the passive subject of a verb whose pattern names
 * it, with no agent: the event is the noun's, with its own actor ("The
 * American withdrawal from Afghanistan was completed"). */
static void test_event_noun_passive_subject(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("noun 087 withdrawal from:T\npred 087 complete obj:withdrawal\n",
                            true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *s = "The/DET/3/det American/ADJ/3/amod withdrawal/NOUN/7/nsubj:pass "
                        "from/ADP/5/case Israel/PROPN/3/nmod was/AUX/7/aux:pass "
                        "completed|complete/VERB/0/root ./PUNCT/7/punct";
        CHECK(codes(c, s, "USA", "ISR", "087"));
        /* the verb's own object: no second, noun event */
        CHECK_INT_EQ(count_code(c, "Iran/PROPN/2/nsubj completed|complete/VERB/0/root "
                                   "the/DET/5/det American/ADJ/5/amod withdrawal/NOUN/2/obj "
                                   "from/ADP/7/case Israel/PROPN/5/nmod ./PUNCT/2/punct",
                                "087", NULL),
                     1);
        sr_coder_free(c);
    }
    sr_dict_free(d);
}

static void test_no_event_constructions(void)
{
    sr_dict *d;
    sr_coder *c = coder_for("sector CVL civilians\nagent CVL protester\n"
                            "pred 057 sign obj:deal|accord\npred 040 meet obj:T\n"
                            "pred 190 raid obj:T\npred 112 accuse obj:T\n"
                            "pred 190 attack obj:T\n", true, &d);
    CHECK(c != NULL);
    if (c) {
        const char *signed_deal = "Iran/PROPN/2/nsubj signed|sign/VERB/0/root the/DET/4/det "
                                  "deal|deal/NOUN/2/obj ./PUNCT/2/punct";
        CHECK(codes(c, signed_deal, "IRN", "---", "057"));
        /* denied, or a pattern that names no word: no event */
        CHECK(!codes(c, "Iran/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod signed|sign/VERB/0/root "
                        "the/DET/6/det deal|deal/NOUN/4/obj ./PUNCT/4/punct", "IRN", "---", "057"));
        CHECK(!codes(c, "Iran/PROPN/2/nsubj met|meet/VERB/0/root officials|official/NOUN/2/obj "
                        "./PUNCT/2/punct", "IRN", "---", "040"));
        /* civilians signing something are no state's signature */
        CHECK(!codes(c, "Iranian/ADJ/2/amod protesters|protester/NOUN/3/nsubj signed|sign/VERB/0/root "
                        "the/DET/5/det deal|deal/NOUN/3/obj ./PUNCT/3/punct", "IRNCVL", "---", "057"));
        CHECK(codes(c, "Iranian/ADJ/2/amod troops|troop/NOUN/3/nsubj signed|sign/VERB/0/root "
                       "the/DET/5/det deal|deal/NOUN/3/obj ./PUNCT/3/punct", "IRNMIL", "---", "057"));
        /* force by armed men on something the dictionary does not know */
        const char *raid = "Israeli/ADJ/2/amod %s/NOUN/3/nsubj raided|raid/VERB/0/root "
                           "a/DET/5/det compound|compound/NOUN/3/obj ./PUNCT/3/punct";
        char spec[512];
        snprintf(spec, sizeof spec, raid, "troops|troop");
        CHECK(codes(c, spec, "ISRMIL", "---", "190"));
        snprintf(spec, sizeof spec, raid, "protesters|protester");
        CHECK_INT_EQ(count_code(c, spec, "190", NULL), 0);
        CHECK(!codes(c, "Israeli/ADJ/2/amod troops|troop/NOUN/3/nsubj raided|raid/VERB/0/root "
                        "./PUNCT/3/punct", "ISRMIL", "---", "190"));
        /* a past tense inside a noun root's phrase ("Thousands of Iranian
         * troops attacked/amod Israel", "Supporters of Iran stormed/nmod
         * the Pentagon") is the clause's verb, the noun phrase before it
         * its subject */
        CHECK(codes(c, "Thousands|thousand/NOUN/0/root of/ADP/4/case Iranian/ADJ/4/amod "
                       "troops|troop/NOUN/1/nmod attacked|attack/VERB:VBD/6/amod "
                       "Israel/PROPN/1/nmod ./PUNCT/1/punct", "IRNMIL", "ISR", "190"));
        CHECK(codes(c, "Troops|troop/NOUN/0/root of/ADP/3/case Iran/PROPN/4/compound "
                       "attacked|attack/VERB:VBD/1/nmod the/DET/6/det Pentagon/PROPN/4/obj "
                       "./PUNCT/1/punct", "IRNMIL", "USAMIL", "190"));
        /* a participle (VBN) is left to the other repairs */
        CHECK(!codes(c, "Troops|troop/NOUN/0/root of/ADP/3/case Iran/PROPN/4/compound "
                        "attacked|attack/VERB:VBN/1/nmod the/DET/6/det Pentagon/PROPN/4/obj "
                        "./PUNCT/1/punct", "IRNMIL", "USAMIL", "190"));
        /* an adjective after an agent noun with its own prepositional
         * phrase names the agent's side: "troops loyal to Iran" */
        const char *loyal = "Troops|troop/NOUN/5/nsubj loyal/ADJ/1/amod to/ADP/4/case "
                            "Iran/PROPN/2/%s attacked|attack/VERB/0/root Israeli/ADJ/7/amod "
                            "troops|troop/NOUN/5/obj ./PUNCT/5/punct";
        snprintf(spec, sizeof spec, loyal, "obl");
        CHECK(codes(c, spec, "IRNMIL", "ISRMIL", "190"));
        snprintf(spec, sizeof spec, loyal, "nmod");
        CHECK(codes(c, spec, "IRNMIL", "ISRMIL", "190"));
        /* "Iran, which attacked Israel, accused the United States": both
         * verbs are Iran's, whether the parser hung the main verb on the
         * relative clause or not */
        const char *relcl = "Iran/PROPN/0/root ,/PUNCT/4/punct which/PRON/4/nsubj "
                            "attacked|attack/VERB/1/acl:relcl Israel/PROPN/4/obj ,/PUNCT/7/punct "
                            "accused|accuse/VERB/4/conj the/DET/10/det United/PROPN/10/compound "
                            "States/PROPN/7/obj ./PUNCT/1/punct";
        CHECK(codes(c, relcl, "IRN", "ISR", "190"));
        CHECK(codes(c, relcl, "IRN", "USA", "112"));
        CHECK(!codes(c, relcl, "ISR", "USA", "112"));
        /* a relative clause on an object is no act the sentence reports of
         * that object */
        CHECK(!codes(c, "Israel/PROPN/2/nsubj accused|accuse/VERB/0/root Iranian/ADJ/4/amod "
                        "troops|troop/NOUN/2/obj ,/PUNCT/7/punct who/PRON/7/nsubj "
                        "attacked|attack/VERB/4/acl:relcl the/DET/10/det United/PROPN/10/compound "
                        "States/PROPN/7/obj ./PUNCT/2/punct", "IRNMIL", "USA", "190"));
    }
    sr_coder_free(c);
    sr_dict_free(d);
}

int main(void)
{
    devnull = fopen("/dev/null", "w");
    test_any_filler();
    test_nested_slots();
    test_hidden_subjects();
    test_intent();
    test_agent_countries();
    test_home_places();
    test_reciprocal();
    test_copulas();
    test_context();
    test_infinitive_as_adverbial();
    test_dates_are_no_subjects();
    test_pronoun_agent();
    test_one_sided();
    test_no_event_constructions();
    test_past_office_titles();
    test_country_body_head();
    test_gerund_subject_root();
    test_event_noun_passive_subject();
    test_definite_pair();
    test_places();
    test_according_to();
    test_subject_after_mark();
    test_subordinator_as_case();
    test_nonactor_side();
    test_agent_seen_before();
    test_subject_of_said();
    test_infinitive_on_object();
    test_event_nouns();
    test_parse_repairs();
    test_noun_performer();
    test_day_head();
    test_accused_and_denied();
    test_force_place();
    test_coordinated_modifiers();
    test_plural_and_partitive();
    test_more_repairs();
    test_particles();
    test_reported_and_quantity();
    test_by_agent_and_appeals();
    test_tagger_slips();
    test_misspelt_names();
    test_event_noun_agents();
    test_era_names();
    test_wire_constructions();
    test_unnamed_sides();
    test_wire_words();
    test_person_names();
    test_call_named();
    test_regions();
    test_group_anaphor();
    test_body_heads();
    test_object_list();
    test_person_phrases();
    test_borrowed_sector();
    test_counterpart();
    test_place_of_object();
    test_acts_by_actor();
    test_titled_pair_and_hostage();
    test_conjunct_verb_as_adjective();
    test_prefixed_past();
    test_adjective_root();
    fclose(devnull);
    return check_status();
}
