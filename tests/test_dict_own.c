/* test_dict_own.c — the reader and checker of sitrep's own dictionary
 * format: what is read, and that each kind of mistake is reported with its
 * line and reason. */
#include "check.h"
#include "sitrep.h"
#include "lexicon/own.h"
#include "lexicon/dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Run reader + checker over `text`; return the messages (malloc'd). */
static char *messages(const char *text, unsigned *problems, sr_own_dict **out)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    sr_diag diag = {.out = f};
    sr_own_dict *d = sr_own_new();
    unsigned p = sr_own_parse(d, "t.txt", text, strlen(text), &diag);
    p += sr_own_check(d, sr_own_cameo_known, NULL, &diag);
    fclose(f);
    *problems = p;
    if (out)
        *out = d;
    else
        sr_own_free(d);
    return buf;
}

static const char base[] =
    "sector GOV government\n"
    "sector MIL military\n"
    "sector ELI elites\n"
    "sector MED media\n"
    "region IGO\n"
    "country USA United States; US; America\n"
    "  adj American; US\n"
    "  seat GOV Washington; White House\n"
    "  seat MIL Pentagon\n"
    "  place California; New York City\n"
    "country ISR Israel\n"
    "  adj Israeli\n"
    "  place Haifa\n";

static void test_good(void)
{
    char text[4096];
    snprintf(text, sizeof text, "%s%s", base,
             "actor IGOUNO United Nations; UN  # a comment\n"
             "person Donald Trump; Trump\n"
             "  role USAGOV 2017-01-20..2021-01-20\n"
             "  role USAELI 2021-01-20..2025-01-20\n"
             "  role USAGOV 2025-01-20..\n"
             "media USAMED Axios\n"
             "agent GOV foreign minister; minister of foreign affairs\n"
             "pred 042 visit obj:T\n"
             "pred 040 hold obj:talk|consultation with:T\n"
             "pred 195 shoot_down obj:T\n"
             "pred 1053 demand ccomp:release(nsubj:T)\n"
             "pred 124 not allow obj:T\n");
    unsigned problems;
    sr_own_dict *d;
    char *msg = messages(text, &problems, &d);
    CHECK_INT_EQ(problems, 0);
    if (problems)
        fprintf(stderr, "%s", msg);
    sr_own_counts c;
    sr_own_count(d, &c);
    CHECK_INT_EQ(c.entries[SR_OWN_COUNTRY], 2);
    CHECK_INT_EQ(c.entries[SR_OWN_PERSON], 1);
    CHECK_INT_EQ(c.entries[SR_OWN_PRED], 5);
    CHECK_INT_EQ(c.root_patterns[4], 2);
    CHECK_INT_EQ(c.pattern_variants, 6);   /* hold ... talk|consultation */
    /* the person's roles, with half-open ranges */
    const sr_own_entry *trump = NULL, *talk = NULL, *shoot = NULL;
    for (size_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].kind == SR_OWN_PERSON)
            trump = &d->entries[i];
        if (d->entries[i].kind == SR_OWN_PRED && strcmp(d->entries[i].code, "040") == 0)
            talk = &d->entries[i];
        if (d->entries[i].kind == SR_OWN_PRED && strcmp(d->entries[i].code, "195") == 0)
            shoot = &d->entries[i];
    }
    CHECK(trump != NULL);
    if (trump) {
        CHECK_INT_EQ(trump->nroles, 3);
        CHECK_INT_EQ(trump->roles[1].from, 20210120);
        CHECK_INT_EQ(trump->roles[1].to, 20250120);
        CHECK_INT_EQ(trump->roles[2].to, SR_OWN_DATE_MAX);
        CHECK_STR_EQ(trump->names[1].text, "Trump");
    }
    CHECK(talk != NULL);
    if (talk) {
        CHECK_STR_EQ(talk->pattern->heads[0], "hold");
        CHECK_INT_EQ(talk->pattern->nslots, 2);
        CHECK_STR_EQ(talk->pattern->slots[0].rels[0], "obj");
        CHECK_INT_EQ(talk->pattern->slots[0].nlemmas, 2);
        CHECK_STR_EQ(talk->pattern->slots[1].rels[0], "with");
        CHECK_INT_EQ(talk->pattern->slots[1].fill, SR_OWN_FILL_TARGET);
    }
    CHECK(shoot != NULL);
    if (shoot) {
        CHECK_STR_EQ(shoot->pattern->heads[0], "shoot");
        CHECK_STR_EQ(shoot->pattern->particles[0], "down");
    }
    free(msg);
    sr_own_free(d);
}

/* Each bad line, and the words its message must contain. */
static const struct {
    const char *entry;
    const char *expect;
} bad_cases[] = {
    {"frobnicate x\n", "t.txt:14: unknown keyword 'frobnicate'"},
    {"actor ISRMIL\n  also Foo\n", "t.txt:15: indented line belongs to no entry"},
    {"actor ISRGVO Bad code\n", "'GVO' is not a declared sector"},
    {"actor XYZGOV Nowhere\n", "'XYZ' is not a declared country or region"},
    {"actor US\n", "3 to 24 capital letters"},
    {"actor ISRMIL\n", "missing names"},
    {"actor ISRMIL IDF;; Army\n", "empty name"},
    {"person Jane Doe\n  role ISRGOV 2020-02-30..\n", "'2020-02-30' is not a date"},
    {"person Jane Doe\n  role ISRGOV 2021..2020\n", "ends before it starts"},
    {"person Jane Doe\n  role ISRGOV 2020..2022\n  role ISRELI 2021..\n",
     "t.txt:16: role ISRELI 2021-01-01.. overlaps role ISRGOV"},
    {"person Jane Doe\n  role ISRGOV\n  role ISRELI\n", "a second role without dates"},
    {"person Jane Doe\n", "person has no role"},
    {"person Jane Doe\n  role ISRGOV 2020.. extra\n", "unexpected 'extra'"},
    {"actor ISRMIL IDF\n  role ISRGOV\n", "needs a date range"},
    {"actor ISRMIL IDF\n  adj Foo\n", "'adj' is not a line a actor entry can have"},
    {"actor ISRMIL Israel\n", "conflict: 'Israel' is a actor ISRMIL here but a country ISR"},
    {"actor USAGOV White House\n", "duplicate: 'White House' already names the same actor"},
    {"country ISR Israel\n", "country ISR is already declared"},
    {"media USAGOV Bloomberg\n", "must end in MED"},
    {"agent GOVX minister\n", "not made of 3-letter sectors"},
    {"agent XYZ minister\n", "'XYZ' is not a declared sector"},
    {"pred 9999 visit obj:T\n", "9999 is not a CAMEO event code"},
    {"pred 04x visit obj:T\n", "is not a CAMEO event code (2 to 4 digits)"},
    {"pred 042\n", "missing pattern"},
    {"pred 042 visit obj:T (\n", "pattern: empty relation"},
    {"pred 042 visit obj:release(nsubj:T\n", "'(' without its ')'"},
    {"pred 042 visit obj\n", "'obj' is not a slot"},
    {"pred 042 held obj:T\n", "head 'held' is an inflected form"},
    {"pred 042 visits obj:T\n", "third-person form"},
    {"pred 040 hold obj:talks\n", "looks like a plural"},
    {"pred 040 hold obj:Talk\n", "characters a lemma cannot have"},
    {"pred 195 shoot_dwn obj:T\n", "'dwn' is not a particle"},
    {"pred 195 shoot obj:T beside:T\n", "T is given twice"},
    {"pred 195 shoot xcomp:T\n", "a clause (xcomp) is a verb, not an actor"},
    {"pred 195 shoot obj:T obj:gun\n", "relation 'obj' is used twice"},
    {"pred 195 shoot frob:T\n", "'frob' is neither a relation"},
    {"pred 195 shoot nsubj:T\n", "nsubj:T needs an S slot"},
    {"pred 042 visit obj:T\npred 042 visit obj:T\n", "duplicate pattern"},
    {"pred 042 visit obj:T\npred 043 visit|tour obj:T\n",
     "conflict: pattern 'visit obj:T' is 043 here but 042"},
    {"pred 042 visit to|in:T\npred 042 visit in:T\n", "duplicate pattern"},
    {"discard football match\ndiscard Football Match\n", "duplicate discard"},
    {"noun 195 strike_back on:T\n", "t.txt:14: an event noun has no particle"},
    {"noun 195 not strike on:T\n", "t.txt:14: an event noun cannot be negated"},
    {"noun 9999 strike on:T\n", "t.txt:14: 9999 is not a CAMEO event code"},
    {"noun 195\n", "t.txt:14: missing pattern"},
    {"noun 195 strike on:T on:T\n", "relation 'on' is used twice"},
    {"noun 195 strike on:T\nnoun 195 strike|airstrike on:T\n", "t.txt:15: duplicate pattern"},
    {"noun 195 strike on:T\nnoun 190 strike on:T\n",
     "t.txt:15: conflict: pattern 'noun strike on:T' is 190 here but 195"},
    {"nonactor Israel\n", "conflict: 'Israel'"},
    {"nonactor Haifa\n", "conflict: 'Haifa'"},
    {"actor ISRMIL IDF\n  place Haifa\n", "'place' is not a line a actor entry can have"},
    {"country ITA Italy\n  place Haifa\n", "conflict: 'Haifa'"},
};

static void test_bad(void)
{
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        char text[4096];
        snprintf(text, sizeof text, "%s%s", base, bad_cases[i].entry);
        unsigned problems;
        char *msg = messages(text, &problems, NULL);
        CHECK(problems > 0);
        if (!strstr(msg, bad_cases[i].expect)) {
            fprintf(stderr, "case %zu (%s): expected '%s' in:\n%s\n", i,
                    bad_cases[i].entry, bad_cases[i].expect, msg);
            CHECK(!"message not found");
        }
        free(msg);
    }
}

/* An event noun's pattern is kept apart from the verb's of the same
 * spelling: "talk with:T" may be both a verb and a noun pattern. */
static void test_noun_lines(void)
{
    char text[4096];
    snprintf(text, sizeof text, "%s%s", base,
             "pred 040 talk with:T\nnoun 040 talk|consultation with:T\n");
    unsigned problems;
    sr_own_dict *d;
    char *msg = messages(text, &problems, &d);
    CHECK_INT_EQ(problems, 0);
    CHECK(d->nentries >= 2);
    if (d->nentries >= 2) {
        const sr_own_entry *v = &d->entries[d->nentries - 2], *n = &d->entries[d->nentries - 1];
        CHECK_INT_EQ(v->kind, SR_OWN_PRED);
        CHECK_INT_EQ(n->kind, SR_OWN_PRED);
        CHECK(!v->pattern->noun);
        CHECK(n->pattern->noun);
        CHECK_INT_EQ(n->pattern->nheads, 2);
        CHECK_STR_EQ(n->code, "040");
    }
    free(msg);
    sr_own_free(d);
}

/* The good entries around a bad one are kept. */
static void test_recovery(void)
{
    const char text[] =
        "sector GOV government\n"
        "country ISR Israel\n"
        "actor ISRGOV\n"                 /* malformed: no names */
        "  also Israeli government\n"    /* dropped with it */
        "actor ISRGOV Israeli cabinet\n"
        "\xff\xfe garbage\n"
        "pred 042 visit obj:T\n";
    unsigned problems;
    sr_own_dict *d;
    char *msg = messages(text, &problems, &d);
    CHECK_INT_EQ(problems, 3);
    CHECK_INT_EQ(d->nentries, 4);
    CHECK(strstr(msg, "t.txt:3: missing names") != NULL);
    CHECK(strstr(msg, "t.txt:4: indented line belongs to no entry") != NULL);
    CHECK(strstr(msg, "t.txt:6: unknown keyword") != NULL);
    free(msg);
    sr_own_free(d);
}

/* The shipped dictionaries pass the checker. */
static void test_shipped(void)
{
    const char *path = SR_SOURCE_DIR "/data/dict";
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    sr_diag diag = {.out = f};
    sr_own_dict *d = sr_own_new();
    const char *paths[] = {path};
    CHECK_INT_EQ(sr_own_read_paths(d, paths, 1, &diag), SR_OK);
    unsigned p = d->syntax_errors + sr_own_check(d, sr_own_cameo_known, NULL, &diag);
    fclose(f);
    CHECK_INT_EQ(p, 0);
    if (p)
        fprintf(stderr, "%s", buf);
    sr_own_counts c;
    sr_own_count(d, &c);
    CHECK(c.entries[SR_OWN_COUNTRY] >= 249);
    /* regions and blocs as wire copy names them; people's dated roles */
    sr_diag cdiag = {0};
    sr_dict_builder *b = sr_dictb_new(&cdiag, true);
    CHECK_INT_EQ(sr_own_compile(d, b), SR_OK);
    sr_dict *dict = sr_dictb_compile(b);
    CHECK(dict != NULL);
    if (dict) {
        CHECK_STR_EQ(sr_dict_actor_code(dict, "west", 0), "WST");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "western diplomats", 0), "WSTGOV");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "african leaders", 0), "AFRGOV");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "north african countries", 0), "NAF");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "european countries", 0), "EUR");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "e3", 0), "EUR");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "islamic republic", 0), "IRN");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "jewish state", 0), "ISR");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "zionist regime", 0), "ISRGOV");
        CHECK(sr_dict_actor_code(dict, "international community", 0) == NULL);
        CHECK_STR_EQ(sr_dict_actor_code(dict, "masoud barzani", 19960830), "IRQPTY");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "massoud barzani", 20090726), "IRQGOV");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "radovan karadzic", 19940803), "BIHSEP");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "richard holbrooke", 19981013), "USAGOV");
        sr_dict_free(dict);
    }
    free(buf);
    sr_own_free(d);
}

/* Compiled into the coder's form: dated roles (half-open ranges become
 * inclusive ones), seats, agents with their plurals, verbs. */
static void test_compile(void)
{
    char text[4096];
    snprintf(text, sizeof text, "%s%s", base,
             "person Donald Trump; Trump\n"
             "  role USAGOV 2017-01-20..2021-01-20\n"
             "  role USAGOV 2025-01-20..\n"
             "  role USAELI\n"
             "nonactor Washington Post\n"
             "agent GOV foreign minister\n"
             "pred 195 shoot_down obj:drone|jet on|over:*\n"
             "pred 0256 urge obj:restraint\n"
             "pred 124 not allow obj:T\n");
    unsigned problems;
    sr_own_dict *d;
    char *msg = messages(text, &problems, &d);
    CHECK_INT_EQ(problems, 0);
    sr_diag diag = {0};
    sr_dict_builder *b = sr_dictb_new(&diag, true);
    CHECK_INT_EQ(sr_own_compile(d, b), SR_OK);
    sr_dict *dict = sr_dictb_compile(b);
    CHECK(dict != NULL);
    if (dict) {
        CHECK_STR_EQ(sr_dict_actor_code(dict, "donald trump", 20250120), "USAGOV");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "trump", 20210119), "USAGOV");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "trump", 20210120), "USAELI");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "trump", 20250119), "USAELI");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "white house", 20250301), "USAGOV");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "pentagon", 0), "USAMIL");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "american", 0), "USA");
        /* a place is its country, with no sector */
        CHECK_STR_EQ(sr_dict_actor_code(dict, "new york city", 0), "USA");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "haifa", 20250301), "ISR");
        CHECK_STR_EQ(sr_dict_actor_code(dict, "washington post", 0), "---");
        unsigned fl = 0;
        CHECK_STR_EQ(sr_dict_agent_code(dict, "foreign ministers", &fl), "GOV");
        CHECK_STR_EQ(sr_dict_agent_code(dict, "foreign minister", &fl), "GOV");
        sr_dict_stats st;
        sr_dict_stats_get(dict, &st);
        CHECK_INT_EQ(st.patterns, 6);   /* 2 objects x 2 prepositions + 1 + 1 */
        sr_dict_free(dict);
    }
    free(msg);
    sr_own_free(d);
}

int main(void)
{
    test_compile();
    test_good();
    test_bad();
    test_noun_lines();
    test_recovery();
    test_shipped();
    return check_status();
}
