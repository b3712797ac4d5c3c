/* test_coder.c — the event coder on hand-made parsed sentences
 * (src/code/): roles, passives, compounds, agents, patterns, paired codes,
 * negation and modality, attribution, dates, discards, bounded output. */
#include "check.h"
#include "parsed.h"
#include "lexicon/compiled.h"
#include "lexicon/readers.h"
#include "code/records.h"

static FILE *devnull;

static const char *verbs =
    "&CURRENCY\n+DOLLAR\n\n"
    "--- MEET [040:040] ---\nMEET {MET MEETS MEETING}\n- % * [041]\n\n"
    "--- ATTACK [190] ---\nATTACK\n\n"
    "--- CRITICIZE [111] ---\nCRITICIZE\n\n"
    "--- CLASH [110] ---\nCLASH\n\n"
    "--- BARGAIN [031] ---\nBARGAIN\n- * (FOR ASYLUM) [1032]\n- * ASYLUM [1033]\n\n"
    "--- CONTRIBUTE [070] ---\nCONTRIBUTE\n- * &CURRENCY [0331]\n\n"
    "--- SAY [010] ---\nSAY {SAID SAYS}\n\n"
    "--- URGE [023] ---\nURGE\n\n"
    "--- AGREE [081] ---\nAGREE\n- * WITH % [031]\n\n";
static const char *actors =
    "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\nROMENDACIL [ARN]\nREUTERS [REU]\nBARAD-DUR [MOR]\n"
    "SAM_GAMGEE [HOB]\n\t[HOBMIL 20080120-20121109]\n\t[HOBGOV 20121110-20130119]\n";
static const char *agents = "FOREIGN_MINISTER [~GOVFRM]\nSOLDIER [~MIL]\nMSF {} [NGO~]\n"
                            "PRESIDENT [~GOV]\nOFFICIAL [~GOV]\n";
static const char *discards = "BASEBALL\n+WORLD_GOLF_CHAMPIONSHIPS\n";

static sr_dict *test_dict(void)
{
    sr_diag diag = {.out = devnull};
    sr_dict_builder *b = sr_dictb_new(&diag, false);
    sr_dsrc s;
    sr_dsrc_mem(&s, "t.verbs", verbs, strlen(verbs));
    sr_dread_verbs(b, &s, SR_DD_PETRARCH);
    sr_dsrc_close(&s);
    sr_dsrc_mem(&s, "t.actors", actors, strlen(actors));
    sr_dread_actors(b, &s, SR_DD_PETRARCH);
    sr_dsrc_close(&s);
    sr_dsrc_mem(&s, "t.agents", agents, strlen(agents));
    sr_dread_agents(b, &s, SR_DD_PETRARCH);
    sr_dsrc_close(&s);
    sr_dsrc_mem(&s, "t.discards", discards, strlen(discards));
    sr_dread_discards(b, &s, SR_DD_PETRARCH);
    sr_dsrc_close(&s);
    sr_dict *d = sr_dictb_compile(b);
    CHECK_INT_EQ(diag.errors, 0);
    return d;
}

static sr_doc *parsed(const char *spec, const char *published)
{
    return test_parsed(spec, published, devnull);
}

static size_t code(const sr_coder *c, sr_doc *d, sr_event **ev)
{
    return d ? sr_code_doc(c, d, ev) : 0;
}

static bool has(const sr_event *ev, size_t n, const char *s, const char *t, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(ev[i].source.code, s) && !strcmp(ev[i].target.code, t) && !strcmp(ev[i].cameo, code))
            return true;
    return false;
}

static void test_basic_roles(const sr_coder *c)
{
    sr_event *ev;
    sr_doc *d = parsed("Arnor/PROPN/2/nsubj attacked|attack/VERB/0/root Gondor/PROPN/2/obj ./PUNCT/2/punct",
                       "2026-01-28");
    size_t n = code(c, d, &ev);
    CHECK_INT_EQ(n, 1);
    if (n == 1) {
        CHECK_STR_EQ(ev[0].source.code, "ARN");
        CHECK_STR_EQ(ev[0].target.code, "GON");
        CHECK_STR_EQ(ev[0].cameo, "190");
        CHECK_STR_EQ(ev[0].root, "19");
        CHECK_INT_EQ(ev[0].quad, 4);
        CHECK(ev[0].goldstein < -9.9 && ev[0].goldstein > -10.1);
        CHECK_STR_EQ(ev[0].plover, "ASSAULT");
        CHECK_STR_EQ(ev[0].pred_text, "attacked");
        CHECK_STR_EQ(ev[0].pred_lemma, "attack");
        CHECK_INT_EQ(ev[0].modality, SR_MOD_ASSERTED);
        CHECK_STR_EQ(ev[0].date, "2026-01-28");
        CHECK_STR_EQ(ev[0].rule, "t.verbs:9");
        CHECK_STR_EQ(ev[0].source.text, "Arnor");
        CHECK_STR_EQ(ev[0].source.country, "ARN");
    }
    sr_doc_free(d);
    /* passive: the "by" phrase is the source */
    d = parsed("Gondor/PROPN/3/nsubj:pass was/AUX/3/aux:pass attacked|attack/VERB/0/root "
               "by/ADP/5/case Mordor/PROPN/3/obl ./PUNCT/3/punct", "2026-01-28");
    n = code(c, d, &ev);
    CHECK_INT_EQ(n, 1);
    CHECK(has(ev, n, "MOR", "GON", "190"));
    sr_doc_free(d);
    /* the target is the first actor after the verb when there is no object */
    d = parsed("Arnor/PROPN/2/nsubj criticized|criticize/VERB/0/root the/DET/4/det plan/NOUN/2/obj "
               "of/ADP/6/case Mordor/PROPN/4/nmod ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "MOR", "111"));
    CHECK(n == 1 && ev[0].date == NULL);
    sr_doc_free(d);
}

static void test_compounds_and_agents(const sr_coder *c)
{
    sr_event *ev;
    /* a paired code gives an event each way; a compound subject one per member */
    sr_doc *d = parsed("Arnor/PROPN/4/nsubj and/CCONJ/3/cc Mordor/PROPN/1/conj met|meet/VERB/0/root "
                       "Gondor/PROPN/4/obj ./PUNCT/4/punct", NULL);
    size_t n = code(c, d, &ev);
    CHECK_INT_EQ(n, 4);
    CHECK(has(ev, n, "ARN", "GON", "040"));
    CHECK(has(ev, n, "GON", "ARN", "040"));
    CHECK(has(ev, n, "MOR", "GON", "040"));
    CHECK(has(ev, n, "GON", "MOR", "040"));
    sr_doc_free(d);
    /* '%': the members of a compound subject act on each other */
    d = parsed("Arnor/PROPN/4/nsubj and/CCONJ/3/cc Gondor/PROPN/1/conj met|meet/VERB/0/root ./PUNCT/4/punct", NULL);
    n = code(c, d, &ev);
    CHECK_INT_EQ(n, 2);
    CHECK(has(ev, n, "ARN", "GON", "041"));
    CHECK(has(ev, n, "GON", "ARN", "041"));
    sr_doc_free(d);
    /* '%' after the verb: the pattern needs a compound there, and its
     * members are ordinary targets */
    d = parsed("Arnor/PROPN/2/nsubj agreed|agree/VERB/0/root with/ADP/4/case Gondor/PROPN/2/obl "
               "and/CCONJ/6/cc Mordor/PROPN/4/conj ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK_INT_EQ(n, 2);
    CHECK(has(ev, n, "ARN", "GON", "031"));
    CHECK(has(ev, n, "ARN", "MOR", "031"));
    sr_doc_free(d);
    d = parsed("Arnor/PROPN/2/nsubj agreed|agree/VERB/0/root with/ADP/4/case Gondor/PROPN/2/obl "
               "./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(!has(ev, n, "ARN", "GON", "031"));
    sr_doc_free(d);
    /* agents compose with countries: possessive, prefix, and a PP */
    d = parsed("Arnor/PROPN/4/nmod:poss 's/PART/1/case foreign/ADJ/4/amod minister/NOUN/5/nsubj "
               "criticized|criticize/VERB/0/root MSF/PROPN/7/compound Gondor/PROPN/5/obj ./PUNCT/5/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARNGOVFRM", "NGOGON", "111"));
    CHECK(n == 1 && strcmp(ev[0].source.sector, "GOV") == 0);
    sr_doc_free(d);
    d = parsed("Soldiers|soldier/NOUN/4/nsubj from/ADP/3/case Mordor/PROPN/1/nmod attacked|attack/VERB/0/root "
               "Gondor/PROPN/4/obj ./PUNCT/4/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "MORMIL", "GON", "190"));
    sr_doc_free(d);
}

static void test_patterns_and_dates(const sr_coder *c)
{
    sr_event *ev;
    sr_doc *d = parsed("Arnor/PROPN/3/nsubj will/AUX/3/aux bargain/VERB/0/root for/ADP/5/case "
                       "asylum/NOUN/3/obl in/ADP/7/case Gondor/PROPN/3/obl ./PUNCT/3/punct", NULL);
    size_t n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "1032"));
    CHECK(n == 1 && ev[0].modality == SR_MOD_FUTURE);
    sr_doc_free(d);
    d = parsed("Arnor/PROPN/3/nsubj will/AUX/3/aux bargain/VERB/0/root for/ADP/6/case "
               "foreign/ADJ/6/amod asylum/NOUN/3/obl in/ADP/8/case Gondor/PROPN/3/obl ./PUNCT/3/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "1033"));
    sr_doc_free(d);
    d = parsed("Arnor/PROPN/2/nsubj contributed|contribute/VERB/0/root dollars|dollar/NOUN/2/obj "
               "to/ADP/5/case Gondor/PROPN/2/obl on/ADP/7/case Tuesday/PROPN/2/obl ./PUNCT/2/punct",
               "2026-01-29");
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "0331"));
    CHECK(n == 1 && strcmp(ev[0].date, "2026-01-27") == 0);
    sr_doc_free(d);
    /* the actor's code valid on the event date */
    d = parsed("Sam/PROPN/3/nsubj Gamgee/PROPN/1/flat attacked|attack/VERB/0/root Mordor/PROPN/3/obj "
               "./PUNCT/3/punct", "2010-05-01");
    n = code(c, d, &ev);
    CHECK(has(ev, n, "HOBMIL", "MOR", "190"));
    sr_doc_free(d);
    d = parsed("Sam/PROPN/3/nsubj Gamgee/PROPN/1/flat attacked|attack/VERB/0/root Mordor/PROPN/3/obj "
               "./PUNCT/3/punct", "2015-05-01");
    n = code(c, d, &ev);
    CHECK(has(ev, n, "HOB", "MOR", "190"));
    sr_doc_free(d);
}

static void test_negation_modality_attribution(const sr_coder *c, const sr_coder *petr)
{
    sr_event *ev;
    const char *neg = "Arnor/PROPN/4/nsubj did/AUX/4/aux n't|not/PART/4/advmod clash/VERB/0/root "
                      "with/ADP/6/case Gondor/PROPN/4/obl ./PUNCT/4/punct";
    sr_doc *d = parsed(neg, NULL);
    size_t n = code(c, d, &ev);
    CHECK_INT_EQ(n, 1);
    CHECK(n == 1 && ev[0].modality == SR_MOD_NEGATED && strcmp(ev[0].cameo, "110") == 0);
    sr_buf b;
    sr_buf_init(&b);
    if (n == 1)
        sr_event_to_json(d, &ev[0], &b);
    sr_buf_putc(&b, '\0');
    CHECK(strstr(b.data, "\"negated\":true") != NULL);
    CHECK(strstr(b.data, "\"modality\":\"negated\"") != NULL);
    sr_buf_free(&b);
    sr_doc_free(d);
    /* PETRARCH-2's convention: "did not clash" codes the opposite */
    d = parsed(neg, NULL);
    n = code(petr, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "050"));
    sr_doc_free(d);
    /* a parenthetical "X said": reported, attributed */
    d = parsed("Arnor/PROPN/2/nsubj attacked|attack/VERB/0/root Gondor/PROPN/2/obj ,/PUNCT/7/punct "
               "a/DET/6/det soldier/NOUN/7/nsubj said|say/VERB/2/parataxis ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "190"));
    CHECK(n >= 1 && ev[0].modality == SR_MOD_REPORTED);
    CHECK(n >= 1 && strcmp(ev[0].attribution, "a soldier") == 0);
    sr_doc_free(d);
    /* "X urged Y to attack Z": the appeal codes, the inner event folds in */
    d = parsed("Arnor/PROPN/2/nsubj urged|urge/VERB/0/root Gondor/PROPN/2/obj to/PART/5/mark "
               "attack/VERB/2/xcomp Mordor/PROPN/5/obj ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK_INT_EQ(n, 1);
    CHECK(has(ev, n, "ARN", "GON", "023"));
    sr_doc_free(d);
    /* "X said that Y attacked Z": in sitrep's mode both, the inner reported */
    const char *said = "Arnor/PROPN/2/nsubj said|say/VERB/0/root that/SCONJ/5/mark Gondor/PROPN/5/nsubj "
                       "attacked|attack/VERB/2/ccomp Mordor/PROPN/5/obj ./PUNCT/2/punct";
    d = parsed(said, NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "010"));
    CHECK(has(ev, n, "GON", "MOR", "190"));
    for (size_t i = 0; i < n; i++)
        if (!strcmp(ev[i].cameo, "190")) {
            CHECK_INT_EQ(ev[i].modality, SR_MOD_REPORTED);
            CHECK_STR_EQ(ev[i].attribution, "Arnor");
        }
    sr_doc_free(d);
    d = parsed(said, NULL);
    n = code(petr, d, &ev);
    CHECK_INT_EQ(n, 1);
    CHECK(has(ev, n, "ARN", "GON", "010"));
    sr_doc_free(d);
}

static void test_discards_and_limits(const sr_coder *c)
{
    sr_event *ev;
    sr_doc *d = parsed("Arnor/PROPN/2/nsubj attacked|attack/VERB/0/root Gondor/PROPN/2/obj at/ADP/5/case "
                       "baseball/NOUN/2/obl ./PUNCT/2/punct", NULL);
    CHECK_INT_EQ(code(c, d, &ev), 0);
    sr_doc_free(d);
    /* 500 actors joined together: bounded output, no crash */
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, "Arnor/PROPN/501/nsubj");
    for (int i = 0; i < 499; i++)
        sr_buf_printf(&b, " %s/PROPN/1/conj", i % 2 ? "Gondor" : "Mordor");
    sr_buf_puts(&b, " attacked|attack/VERB/0/root Gondor/PROPN/501/obj");
    sr_buf_putc(&b, '\0');
    d = parsed(b.data, NULL);
    CHECK(d != NULL && d->nwords == 502);
    size_t n = code(c, d, &ev);
    CHECK(n >= 1 && n <= 64);
    sr_buf_free(&b);
    sr_doc_free(d);
}

/* Patterns over lemmas and relations, as the project's own dictionaries
 * compile them (no word order; relations to the verb or to a word matched
 * before). */
static void test_dependency_patterns(void)
{
    sr_diag diag = {.out = devnull};
    sr_dict_builder *b = sr_dictb_new(&diag, true);
    uint32_t a = sr_dictb_actor(b, "Iran");
    sr_dictb_actor_phrase(b, a, "Iran", 0);
    sr_dictb_actor_code(b, a, "IRN", 0, 0);
    a = sr_dictb_actor(b, "Israel");
    sr_dictb_actor_phrase(b, a, "Israel", 0);
    sr_dictb_actor_code(b, a, "ISR", 0, 0);
    uint32_t hold = sr_dictb_verb_block(b, "hold", "---");
    sr_dictb_verb_form(b, hold, "hold", 0, NULL, SR_PHRASE_LEMMA);
    sr_dict_term talks[] = {
        {SR_TERM_VERB, 0, NULL, NULL}, {SR_TERM_WORD, SR_TERM_LEMMA, "talk", "obj"},
        {SR_TERM_PP_OPEN, 0, NULL, "obl"}, {SR_TERM_WORD, 0, "with", NULL},
        {SR_TERM_TARGET, 0, NULL, NULL}, {SR_TERM_PP_CLOSE, 0, NULL, NULL}};
    sr_dictb_pattern(b, hold, talks, 6, "040", "hold obj:talk with:T");
    uint32_t allow = sr_dictb_verb_block(b, "allow", "---");
    sr_dictb_verb_form(b, allow, "allow", 0, NULL, SR_PHRASE_LEMMA);
    sr_dict_term notallow[] = {{SR_TERM_WORD, 0, "not", "advmod"}, {SR_TERM_VERB, 0, NULL, NULL},
                               {SR_TERM_TARGET, 0, NULL, "obj"}};
    sr_dictb_pattern(b, allow, notallow, 3, "124", "not allow obj:T");
    uint32_t demand = sr_dictb_verb_block(b, "demand", "---");
    sr_dictb_verb_form(b, demand, "demand", 0, NULL, SR_PHRASE_LEMMA);
    sr_dict_term rel[] = {{SR_TERM_VERB, 0, NULL, NULL}, {SR_TERM_WORD, SR_TERM_LEMMA, "release", "ccomp"},
                          {SR_TERM_TARGET, 0, NULL, "nsubj"}};
    sr_dictb_pattern(b, demand, rel, 3, "1053", "demand ccomp:release(nsubj:T)");
    sr_dict *d = sr_dictb_compile(b);
    CHECK(d != NULL);
    sr_code_options o;
    sr_code_options_default(&o);
    sr_coder *c = sr_coder_new(d, &o, &diag);
    sr_event *ev;
    /* "with" hangs on the noun the pattern names */
    sr_doc *doc = parsed("Iran/PROPN/2/nsubj held|hold/VERB/0/root talks|talk/NOUN/2/obj with/ADP/5/case "
                         "Israel/PROPN/3/nmod ./PUNCT/2/punct", NULL);
    size_t n = code(c, doc, &ev);
    CHECK(has(ev, n, "IRN", "ISR", "040"));
    sr_doc_free(doc);
    /* or on the verb */
    doc = parsed("Iran/PROPN/2/nsubj held|hold/VERB/0/root talks|talk/NOUN/2/obj with/ADP/5/case "
                 "Israel/PROPN/2/obl ./PUNCT/2/punct", NULL);
    n = code(c, doc, &ev);
    CHECK(has(ev, n, "IRN", "ISR", "040"));
    sr_doc_free(doc);
    /* the bare head codes nothing */
    doc = parsed("Iran/PROPN/2/nsubj held|hold/VERB/0/root Israel/PROPN/2/obj ./PUNCT/2/punct", NULL);
    CHECK_INT_EQ(code(c, doc, &ev), 0);
    sr_doc_free(doc);
    /* "not allow": the negation is the code, the event asserted */
    doc = parsed("Iran/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod allow|allow/VERB/0/root "
                 "Israel/PROPN/4/obj ./PUNCT/4/punct", NULL);
    n = code(c, doc, &ev);
    CHECK(has(ev, n, "IRN", "ISR", "124"));
    CHECK(n == 1 && ev[0].modality != SR_MOD_NEGATED);
    sr_doc_free(doc);
    /* a filler's own slot: the subject of the complement */
    doc = parsed("Iran/PROPN/2/nsubj demanded|demand/VERB/0/root that/SCONJ/5/mark Israel/PROPN/5/nsubj "
                 "release|release/VERB/2/ccomp prisoners|prisoner/NOUN/5/obj ./PUNCT/2/punct", NULL);
    n = code(c, doc, &ev);
    CHECK(has(ev, n, "IRN", "ISR", "1053"));
    sr_doc_free(doc);
    sr_coder_free(c);
    sr_dict_free(d);
}

/* Parses with the errors sitrep's parser makes, as it made them on the
 * validation records: the coder repairs what the tree's shape shows wrong. */
static void test_parse_repairs(const sr_coder *c)
{
    sr_event *ev;
    /* a name and title split into two subjects, the title under the
     * second: one noun phrase, actor and agent composed */
    sr_doc *d = parsed("Arnor/PROPN/4/nsubj President/PROPN/3/nmod:desc Romendacil/PROPN/4/nsubj "
                       "attacked|attack/VERB/0/root Gondor/PROPN/4/obj ./PUNCT/4/punct", NULL);
    size_t n = code(c, d, &ev);
    CHECK_INT_EQ(n, 1);
    CHECK(has(ev, n, "ARNGOV", "GON", "190"));
    sr_doc_free(d);
    /* two actors of different codes side by side stay apart: "Reuters"
     * is not composed with the officials of Arnor */
    d = parsed("Arnor/PROPN/2/nsubj told|tell/VERB/0/root Reuters/PROPN/5/nsubj Gondor/PROPN/5/compound "
               "officials|official/NOUN/2/obj ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    for (size_t i = 0; i < n; i++)
        CHECK(strstr(ev[i].source.code, "REUGOV") == NULL && strstr(ev[i].target.code, "REUGOV") == NULL);
    sr_doc_free(d);
    /* a list of subjects parsed as two subjects with a conjunct each */
    d = parsed("Mordor/PROPN/8/nsubj ,/PUNCT/3/punct Gondor/PROPN/1/conj ,/PUNCT/5/punct "
               "Arnor/PROPN/8/nsubj and/CCONJ/7/cc Romendacil/PROPN/5/conj attacked|attack/VERB/0/root "
               "Reuters/PROPN/8/obj ./PUNCT/8/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "MOR", "REU", "190"));
    CHECK(has(ev, n, "GON", "REU", "190"));
    CHECK(has(ev, n, "ARN", "REU", "190"));
    sr_doc_free(d);
    /* a finite verb parsed as the adjective of its object */
    d = parsed("Arnor/PROPN/3/nsubj has/AUX/3/aux attacked|attack/VERB/4/amod positions|position/NOUN/0/root "
               "of/ADP/6/case Gondor/PROPN/4/nmod ./PUNCT/4/punct", NULL);
    n = code(c, d, &ev);
    CHECK_INT_EQ(n, 1);
    CHECK(has(ev, n, "ARN", "GON", "190"));
    sr_doc_free(d);
    /* a subject after its verb introduced by a preposition is no subject;
     * a clause hung as "acl" on a verb is adverbial, and its finite verb
     * does not borrow the main clause's subject */
    d = parsed("Arnor/PROPN/2/nsubj criticized|criticize/VERB/0/root Gondor/PROPN/2/obj after/ADP/5/case "
               "Mordor/PROPN/2/nsubj was/AUX/7/aux:pass attacked|attack/VERB/2/acl ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "111"));
    CHECK(!has(ev, n, "MOR", "GON", "111"));
    CHECK(!has(ev, n, "ARN", "MOR", "190"));
    sr_doc_free(d);
    /* the subject taken for a verb: the actor before the verb is the
     * subject of the clause the tree left without one */
    d = parsed("Arnor/VERB/0/root on/ADP/3/case Thursday/PROPN/1/obl attacked|attack/VERB/1/parataxis "
               "Gondor/PROPN/4/obj ./PUNCT/1/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "190"));
    sr_doc_free(d);
    /* a verb coordinated with a noun, its object given to the verb before */
    d = parsed("Arnor/PROPN/2/nsubj criticized|criticize/VERB/0/root Mordor/PROPN/2/obj on/ADP/5/case "
               "Thursday/PROPN/3/nmod and/CCONJ/7/cc attacked|attack/VERB/5/conj "
               "Gondor/PROPN/2/obj ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "MOR", "111"));
    CHECK(has(ev, n, "ARN", "GON", "190"));
    CHECK(!has(ev, n, "ARN", "GON", "111"));
    sr_doc_free(d);
    /* a verb between a noun and the noun's "object" */
    d = parsed("Mordor/ADJ/2/amod police/NOUN/0/root attacked|attack/VERB/4/amod villages|village/NOUN/2/obj "
               "in/ADP/6/case Gondor/PROPN/4/nmod ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "MOR", "GON", "190"));
    sr_doc_free(d);
    /* a name written with a hyphen in the dictionary, split by the
     * tokenizer */
    d = parsed("Arnor/PROPN/2/nsubj attacked|attack/VERB/0/root Barad/PROPN/2/obj -/PUNCT/5/punct "
               "dur/PROPN/3/flat ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "MOR", "190"));
    sr_doc_free(d);
    /* a pattern word the parser hung under a second verb: the words
     * after the verb, read in order, match "- * (FOR ASYLUM)" */
    d = parsed("Arnor/PROPN/2/nsubj bargained|bargain/VERB/0/root hard/ADV/2/advmod and/CCONJ/5/cc "
               "pressed|press/VERB/2/conj for/ADP/7/case asylum/NOUN/5/obl in/ADP/9/case "
               "Gondor/PROPN/5/obl ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "1032"));
    sr_doc_free(d);
    /* "officials of Arnor attacked Gondor" parsed as "officials [that]
     * Arnor attacked Gondor": officials of Arnor are the subject */
    d = parsed("officials|official/NOUN/0/root of/ADP/3/case Arnor/PROPN/4/nsubj "
               "attacked|attack/VERB/1/acl:relcl Gondor/PROPN/4/obj ./PUNCT/1/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARNGOV", "GON", "190"));
    sr_doc_free(d);
    /* "Arnor indicated it attacked Gondor" with "it" the object of
     * "indicated": it is the subject of "attacked" */
    d = parsed("Arnor/PROPN/2/nsubj indicated|indicate/VERB/0/root it/PRON/2/obj "
               "attacked|attack/VERB/2/ccomp Gondor/PROPN/4/obj ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "190"));
    sr_doc_free(d);
    /* a plural-looking root noun in -s after an actor is the verb */
    d = parsed("Arnor/PROPN/2/compound attacks|attack/NOUN/0/root Gondor/PROPN/2/obj ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "190"));
    sr_doc_free(d);
    /* agents joined before a shared prepositional modifier */
    d = parsed("soldiers|soldier/NOUN/6/nsubj and/CCONJ/3/cc officials|official/NOUN/1/conj in/ADP/5/case "
               "Arnor/PROPN/1/nmod attacked|attack/VERB/0/root Gondor/PROPN/6/obj ./PUNCT/6/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARNMIL", "GON", "190"));
    CHECK(has(ev, n, "ARNGOV", "GON", "190"));
    CHECK(!has(ev, n, "---GOV", "GON", "190"));
    sr_doc_free(d);
    /* a phrase before a comma hung on the reporting clause after it */
    d = parsed("Arnor/PROPN/2/nsubj attacked|attack/VERB/0/root in/ADP/4/case Gondor/PROPN/7/obl "
               ",/PUNCT/7/punct Reuters/PROPN/7/nsubj reported|report/VERB/2/acl:relcl ./PUNCT/2/punct", NULL);
    n = code(c, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "190"));
    sr_doc_free(d);
}

/* PETRARCH's folding of an event into the statement that reports it:
 * not when the speaker is no actor ("an official said") or no speaker is
 * named ("was said to"). */
static void test_statement_folding(const sr_coder *petr)
{
    sr_event *ev;
    sr_doc *d = parsed("Arnor/PROPN/2/nsubj attacked|attack/VERB/7/ccomp Gondor/PROPN/2/obj ,/PUNCT/7/punct "
                       "an/DET/6/det official/NOUN/7/nsubj said|say/VERB/0/root ./PUNCT/7/punct", NULL);
    size_t n = code(petr, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "190"));
    sr_doc_free(d);
    /* a named speaker takes the event over (PETRARCH-2's convention) */
    d = parsed("Mordor/PROPN/2/nsubj said|say/VERB/0/root Arnor/PROPN/4/nsubj attacked|attack/VERB/2/ccomp "
               "Gondor/PROPN/4/obj ./PUNCT/2/punct", NULL);
    n = code(petr, d, &ev);
    CHECK(!has(ev, n, "ARN", "GON", "190"));
    CHECK(has(ev, n, "MOR", "ARN", "010"));
    sr_doc_free(d);
    /* PETRARCH codes a temporal clause's event only when the main clause
     * codes none */
    d = parsed("Arnor/PROPN/2/nsubj criticized|criticize/VERB/0/root Gondor/PROPN/2/obj after/SCONJ/6/mark "
               "Mordor/PROPN/6/nsubj attacked|attack/VERB/2/advcl Gondor/PROPN/6/obj ./PUNCT/2/punct", NULL);
    n = code(petr, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "111"));
    CHECK(!has(ev, n, "MOR", "GON", "190"));
    sr_doc_free(d);
    d = parsed("Arnor/PROPN/2/nsubj sang|sing/VERB/0/root after/SCONJ/5/mark "
               "Mordor/PROPN/5/nsubj attacked|attack/VERB/2/advcl Gondor/PROPN/5/obj ./PUNCT/2/punct", NULL);
    n = code(petr, d, &ev);
    CHECK(has(ev, n, "MOR", "GON", "190"));
    sr_doc_free(d);
    /* a noun with a determiner is no verb ("was in an attack") */
    d = parsed("Arnor/PROPN/5/nsubj was/AUX/5/cop in/ADP/5/case an/DET/5/det attack/NOUN/0/root "
               "with/ADP/7/case Gondor/PROPN/5/nmod ./PUNCT/5/punct", NULL);
    n = code(petr, d, &ev);
    CHECK_INT_EQ(n, 0);
    sr_doc_free(d);
    /* the target inside a "whether" clause the parser hung as adverbial */
    d = parsed("Arnor/PROPN/2/nsubj criticized|criticize/VERB/0/root whether/SCONJ/5/mark it/PRON/5/nsubj "
               "attacked|attack/VERB/2/advcl Gondor/PROPN/5/obj ./PUNCT/2/punct", NULL);
    n = code(petr, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "111"));
    sr_doc_free(d);
    d = parsed("Arnor/PROPN/3/nsubj:pass was/AUX/3/aux:pass said|say/VERB/0/root to/PART/5/mark "
               "attack/VERB/3/xcomp Gondor/PROPN/5/obj ./PUNCT/3/punct", NULL);
    n = code(petr, d, &ev);
    CHECK(has(ev, n, "ARN", "GON", "190"));
    CHECK(!has(ev, n, "GON", "ARN", "010"));
    sr_doc_free(d);
}

/* <Config> tags between records apply from the next record on. */
static void test_records_config(void)
{
    static const char xml[] =
        "<Sentences>\n"
        "<Sentence id=\"A\" date=\"19950101\"><Text>Arnor attacked Gondor.</Text></Sentence>\n"
        "<Config option=\"require_dyad\" value=\"false\" />\n"
        "<Sentence id=\"B\" date=\"19950101\"><Text>Arnor attacked Gondor.</Text></Sentence>\n"
        "<Sentence id=\"C\" date=\"19950101\"><Text>Arnor attacked Gondor.</Text></Sentence>\n"
        "<Config option=\"require_dyad\" value=\"True\" />\n"
        "<Sentence id=\"D\" date=\"19950101\"><Text>Arnor attacked Gondor.</Text></Sentence>\n"
        "</Sentences>\n";
    sr_diag diag = {.out = devnull};
    sr_records *r = sr_records_mem("t.xml", xml, sizeof xml - 1, SR_RECORDS_PETRARCH, false, &diag);
    CHECK(r != NULL);
    if (!r)
        return;
    int want[] = {-1, 0, 0, 1}, k = 0;
    sr_record rec;
    while (sr_records_next(r, &rec)) {
        if (k < 4)
            CHECK_INT_EQ(rec.require_dyad, want[k]);
        k++;
        sr_doc_free(rec.doc);
    }
    CHECK_INT_EQ(k, 4);
    sr_records_close(r);
}

/* Words before '*' in a file without phrase groups (PETRARCH-1, TABARI)
 * are read off the sentence: the verb governing a complement clause counts
 * ("- INDICATED *" of DEPLORE on "Arnor indicated it deplored Gondor"), and
 * so do the verb's adverbs and auxiliaries; in a file with (...) or {...}
 * groups (PETRARCH-2) they are the clause's own, less the verb's adverbs
 * and auxiliaries ("- HEAVILY *" does not match "heavily criticized"). */
static sr_dict *verbs_dict(const char *text)
{
    sr_diag diag = {.out = devnull};
    sr_dict_builder *b = sr_dictb_new(&diag, false);
    sr_dsrc s;
    sr_dsrc_mem(&s, "t.verbs", text, strlen(text));
    sr_dread_verbs(b, &s, SR_DD_PETRARCH);
    sr_dsrc_close(&s);
    sr_dsrc_mem(&s, "t.actors", actors, strlen(actors));
    sr_dread_actors(b, &s, SR_DD_PETRARCH);
    sr_dsrc_close(&s);
    sr_dict *d = sr_dictb_compile(b);
    CHECK_INT_EQ(diag.errors, 0);
    return d;
}

static void test_linear_patterns(void)
{
    const char *linear = "--- DEPLORE [122] ---\nDEPLORE\n- INDICATED * [123]\n\n"
                         "--- CRITICIZE [111] ---\nCRITICIZE\n- HEAVILY * [122]\n\n"
                         "--- ACT [100] ---\nACT\n- * ON RESOLUTION [102] # (a comment)\n";
    const char *grouped = "--- DEPLORE [122] ---\nDEPLORE\n- INDICATED * [123]\n\n"
                          "--- CRITICIZE [111] ---\nCRITICIZE\n- HEAVILY * [122]\n\n"
                          "--- ACT [100] ---\nACT\n- * (ON RESOLUTION) [102]\n";
    const char *sent = "Arnor/PROPN/2/nsubj indicated|indicate/VERB/0/root it/PRON/2/obj "
                       "deplored|deplore/VERB/2/ccomp Gondor/PROPN/4/obj ./PUNCT/2/punct";
    const char *want[2] = {"123", "122"}, *want_adv[2] = {"122", "111"};
    /* PETRARCH-1 words match the sentence's words as written, PETRARCH-2's
     * also their lemma: "RESOLUTION" is not "resolutions" in the first */
    const char *want_plural[2] = {"100", "102"};
    const char *files[2] = {linear, grouped};
    for (int i = 0; i < 2; i++) {
        sr_dict *d = verbs_dict(files[i]);
        CHECK(d != NULL);
        if (!d)
            continue;
        sr_code_options o;
        sr_code_options_default(&o);
        sr_diag diag = {.out = devnull};
        sr_coder *c = sr_coder_new(d, &o, &diag);
        CHECK(c != NULL);
        if (c) {
            sr_event *ev;
            sr_doc *doc = parsed(sent, NULL);
            size_t n = code(c, doc, &ev);
            CHECK_INT_EQ(n, 1);
            CHECK(has(ev, n, "ARN", "GON", want[i]));
            sr_doc_free(doc);
            /* the governing verb is not the clause's: a verb without a
             * complement clause above it keeps the block's code */
            doc = parsed("Arnor/PROPN/2/nsubj deplored|deplore/VERB/0/root Gondor/PROPN/2/obj "
                         "./PUNCT/2/punct", NULL);
            n = code(c, doc, &ev);
            CHECK(has(ev, n, "ARN", "GON", "122"));
            sr_doc_free(doc);
            doc = parsed("Arnor/PROPN/3/nsubj heavily/ADV/3/advmod criticized|criticize/VERB/0/root "
                         "Gondor/PROPN/3/obj ./PUNCT/3/punct", NULL);
            n = code(c, doc, &ev);
            CHECK_INT_EQ(n, 1);
            CHECK(has(ev, n, "ARN", "GON", want_adv[i]));
            sr_doc_free(doc);
            for (int pl = 0; pl < 2; pl++) {
                doc = parsed(pl ? "Arnor/PROPN/2/nsubj acted|act/VERB/0/root on/ADP/4/case "
                                  "resolutions|resolution/NOUN/2/obl with/ADP/6/case "
                                  "Gondor/PROPN/2/obl ./PUNCT/2/punct"
                                : "Arnor/PROPN/2/nsubj acted|act/VERB/0/root on/ADP/4/case "
                                  "resolution/NOUN/2/obl with/ADP/6/case "
                                  "Gondor/PROPN/2/obl ./PUNCT/2/punct", NULL);
                n = code(c, doc, &ev);
                CHECK_INT_EQ(n, 1);
                CHECK(has(ev, n, "ARN", "GON", pl ? want_plural[i] : "102"));
                sr_doc_free(doc);
            }
        }
        sr_coder_free(c);
        sr_dict_free(d);
    }
}

int main(void)
{
    devnull = fopen("/dev/null", "w");
    sr_dict *d = test_dict();
    sr_code_options o;
    sr_code_options_default(&o);
    sr_diag diag = {.out = devnull};
    sr_coder *c = sr_coder_new(d, &o, &diag);
    o.petrarch = true;
    sr_coder *petr = sr_coder_new(d, &o, &diag);
    CHECK(c != NULL && petr != NULL);
    if (c && petr) {
        test_basic_roles(c);
        test_compounds_and_agents(c);
        test_patterns_and_dates(c);
        test_negation_modality_attribution(c, petr);
        test_discards_and_limits(c);
        test_parse_repairs(c);
        test_records_config();
        test_statement_folding(petr);
        test_dependency_patterns();
        test_linear_patterns();
    }
    sr_coder_free(c);
    sr_coder_free(petr);
    sr_dict_free(d);
    return check_status();
}
