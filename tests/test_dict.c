/* test_dict.c — the dictionary builder, the compiled form, saving and
 * mapping it, and its lookups (src/lexicon/dict.c). */
#include "check.h"
#include "lexicon/compiled.h"

#include <unistd.h>

static FILE *devnull;

static sr_dict *small_dict(sr_diag *diag)
{
    sr_dict_builder *b = sr_dictb_new(diag, false);
    sr_dictb_at(b, "test.actors", 1);
    uint32_t a = sr_dictb_actor(b, "SAM GAMGEE");
    sr_dictb_actor_phrase(b, a, "Sam Gamgee", 0);
    sr_dictb_actor_phrase(b, a, "SAM", 0);
    sr_dictb_actor_code(b, a, "HOB", 0, 0);
    sr_dictb_actor_code(b, a, "HOBMIL", 20080120, 20121109);
    sr_dictb_actor_code(b, a, "HOBELI", 20130119, 0);
    uint32_t c = sr_dictb_actor(b, "ARGENTIN");
    sr_dictb_actor_phrase(b, c, "argentin", SR_PHRASE_STEM);
    sr_dictb_actor_code(b, c, "ARG", 0, 0);
    sr_dictb_at(b, "test.agents", 3);
    sr_dictb_agent(b, "foreign minister", "GOVFRM", 0);
    sr_dictb_agent(b, "human rights body", "NGO", SR_AGENT_PREFIX);
    sr_dictb_at(b, "test.verbs", 10);
    uint32_t syn = sr_dictb_synset(b, "&CURRENCY");
    sr_dict_term t1[] = {{SR_TERM_WORD, 0, "dollar", NULL}};
    sr_dict_term t2[] = {{SR_TERM_WORD, 0, "swiss", NULL}, {SR_TERM_WORD, SR_TERM_ADJACENT, "francs", NULL}};
    sr_dictb_synset_phrase(b, syn, t1, 1);
    sr_dictb_synset_phrase(b, syn, t2, 2);
    uint32_t bl = sr_dictb_verb_block(b, "CONTRIBUTE", "070");
    sr_dictb_verb_form(b, bl, "contribute", 0, NULL, 0);
    sr_dictb_verb_form(b, bl, "broke down", 0, "120", 0);
    sr_dict_term p[] = {{SR_TERM_VERB, 0, NULL, NULL}, {SR_TERM_SYNSET, 0, "CURRENCY", NULL}};
    sr_dictb_pattern(b, bl, p, 2, "0331", "money");
    sr_dictb_at(b, "test.verbs", 20);
    sr_dict_term bad[] = {{SR_TERM_VERB, 0, NULL, NULL}, {SR_TERM_SYNSET, 0, "NOSUCH", NULL}};
    sr_dictb_pattern(b, bl, bad, 2, "999", NULL);
    sr_dictb_discard(b, "world golf championships", true, 0);
    sr_dictb_option(b, "require_dyad", "true");
    sr_dictb_source(b, "test.verbs", 42);
    return sr_dictb_compile(b);
}

static void test_build_and_query(void)
{
    sr_diag diag = {.out = devnull};
    sr_dict *d = small_dict(&diag);
    CHECK(d != NULL);
    CHECK_INT_EQ(diag.warnings, 1);   /* the undefined synset */
    CHECK_STR_EQ(sr_dict_actor_code(d, "sam gamgee", 0), "HOB");
    CHECK_STR_EQ(sr_dict_actor_code(d, "Sam Gamgee", 20100101), "HOBMIL");
    CHECK_STR_EQ(sr_dict_actor_code(d, "SAM", 20140101), "HOBELI");
    CHECK_STR_EQ(sr_dict_actor_code(d, "sam", 20121231), "HOB");
    CHECK_STR_EQ(sr_dict_actor_code(d, "Argentina", 0), "ARG");
    CHECK(sr_dict_actor_code(d, "gamgee", 0) == NULL);
    unsigned fl = 0;
    CHECK_STR_EQ(sr_dict_agent_code(d, "Human Rights Body", &fl), "NGO");
    CHECK(fl & SR_AGENT_PREFIX);
    CHECK_STR_EQ(sr_dict_agent_code(d, "foreign minister", &fl), "GOVFRM");
    CHECK(!(fl & SR_AGENT_PREFIX));
    const char *block = NULL;
    CHECK_STR_EQ(sr_dict_verb_code(d, "contribute", &block), "070");
    CHECK_STR_EQ(block, "CONTRIBUTE");
    CHECK_STR_EQ(sr_dict_verb_code(d, "broke down", NULL), "120");
    CHECK_STR_EQ(sr_dict_option(d, "require_dyad"), "true");
    sr_dict_stats st;
    sr_dict_stats_get(d, &st);
    CHECK_INT_EQ(st.actors, 2);
    CHECK_INT_EQ(st.actor_phrases, 3);
    CHECK_INT_EQ(st.patterns, 1);
    CHECK_INT_EQ(st.synset_phrases, 2);
    CHECK_INT_EQ(st.discards, 1);
    const char *names[] = {"test.verbs"};
    uint64_t hashes[] = {42}, other[] = {43};
    CHECK(sr_dict_built_from(d, names, hashes, 1));
    CHECK(!sr_dict_built_from(d, names, other, 1));

    /* save, map back, same answers; a damaged copy is refused */
    char path[] = "/tmp/sitrep-test-dict-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    CHECK_INT_EQ(sr_dict_save(d, path, &diag), SR_OK);
    sr_dict *m = sr_dict_load(path, &diag);
    CHECK(m != NULL);
    if (m) {
        CHECK_STR_EQ(sr_dict_actor_code(m, "sam gamgee", 20100101), "HOBMIL");
        CHECK_STR_EQ(sr_dict_verb_code(m, "broke down", NULL), "120");
        sr_dict_free(m);
    }
    size_t len;
    const unsigned char *bytes = sr_dict_bytes(d, &len);
    unsigned char *copy = malloc(len);
    memcpy(copy, bytes, len);
    /* point the phrase section far outside the block */
    sr_dhdr *h = (sr_dhdr *)(void *)copy;
    h->sec[SR_DS_PHRASES].n = 0x7fffffff;
    FILE *f = fopen(path, "wb");
    fwrite(copy, 1, len, f);
    fclose(f);
    unsigned before = diag.errors;
    CHECK(sr_dict_load(path, &diag) == NULL);
    CHECK_INT_EQ(diag.errors, before + 1);
    free(copy);
    unlink(path);
    sr_dict_free(d);
}

static void test_synset_loop_and_strict(void)
{
    sr_diag diag = {.out = devnull};
    sr_dict_builder *b = sr_dictb_new(&diag, false);
    sr_dictb_at(b, "loop.verbs", 1);
    uint32_t a = sr_dictb_synset(b, "A"), c = sr_dictb_synset(b, "B");
    sr_dict_term ta[] = {{SR_TERM_SYNSET, 0, "B", NULL}};
    sr_dict_term tb[] = {{SR_TERM_SYNSET, 0, "A", NULL}};
    sr_dict_term tw[] = {{SR_TERM_WORD, 0, "word", NULL}};
    sr_dictb_synset_phrase(b, a, ta, 1);
    sr_dictb_synset_phrase(b, a, tw, 1);
    sr_dictb_synset_phrase(b, c, tb, 1);
    sr_dict *d = sr_dictb_compile(b);
    CHECK(d != NULL);
    CHECK(diag.warnings >= 1);
    sr_dict_free(d);

    /* strict: a malformed entry makes the compile fail */
    sr_diag d2 = {.out = devnull};
    b = sr_dictb_new(&d2, true);
    uint32_t bl = sr_dictb_verb_block(b, "X", "010");
    sr_dict_term nov[] = {{SR_TERM_WORD, 0, "talks", NULL}};
    sr_dictb_pattern(b, bl, nov, 1, "010", NULL);   /* no '*' */
    CHECK(sr_dictb_compile(b) == NULL);
}

static void test_word_helpers(void)
{
    char out[64];
    sr_dict_norm("Gondor\xE2\x80\x99s", 11, out, sizeof out);
    CHECK_STR_EQ(out, "gondor's");
    sr_dict_norm("\xC3\x89TAT", 5, out, sizeof out);
    CHECK_STR_EQ(out, "\xC3\xA9tat");
    sr_dict_plural("policy", out, sizeof out);
    CHECK_STR_EQ(out, "policies");
    sr_dict_plural("congress", out, sizeof out);
    CHECK_STR_EQ(out, "congresses");
    sr_dict_plural("day", out, sizeof out);
    CHECK_STR_EQ(out, "days");
    char forms[3][SR_DICT_MAX_WORD + 1];
    CHECK_INT_EQ(sr_dict_verb_forms("arrive", forms), 3);
    CHECK_STR_EQ(forms[0], "arrives");
    CHECK_STR_EQ(forms[1], "arrived");
    CHECK_STR_EQ(forms[2], "arriving");
    sr_dict_verb_forms("deny", forms);
    CHECK_STR_EQ(forms[0], "denies");
    CHECK_STR_EQ(forms[1], "denied");
    CHECK_STR_EQ(forms[2], "denying");
    sr_dict_verb_forms("agree", forms);
    CHECK_STR_EQ(forms[1], "agreed");
    CHECK_STR_EQ(forms[2], "agreeing");
}

int main(void)
{
    devnull = fopen("/dev/null", "w");
    test_word_helpers();
    test_build_and_query();
    test_synset_loop_and_strict();
    return check_status();
}
