/* test_eval_conllu.c — the CoNLL 2018 metrics on small hand-made files
 * whose scores were worked out by hand (see the comments). */
#include "check.h"
#include "sitrep.h"

#include <math.h>

static int near(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

#define SCORE(sc, m, p, r, f)                                                 \
    do {                                                                      \
        CHECK(near((sc)[m].precision, (p)));                                  \
        CHECK(near((sc)[m].recall, (r)));                                     \
        CHECK(near((sc)[m].f1, (f)));                                         \
    } while (0)

static sr_status eval(const char *g, const char *s, sr_score *sc, sr_diag *d)
{
    return sr_eval_conllu(g, strlen(g), "gold", s, strlen(s), "sys", sc, d);
}

/* Gold "I don't know." with don't = do + n't and a split period; the
 * system leaves "don't" whole and glues "know.". Characters: I|don't|know|.
 * Gold tokens 4, system 3, common 2 (I, don't): P 2/3, R 2/4, F1 4/7.
 * Words: gold 5 (I do n't know .), system 3; only "I" aligns (do/n't vs
 * don't have no common form; know vs know. differ in span): P 1/3, R 1/5,
 * F1 2/8. UPOS of I agrees: the same, with AligndAcc 1. */
static void test_tokenisation_differs(void)
{
    const char *gold =
        "# text = I don't know.\n"
        "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
        "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";
    const char *sys =
        "1\tI\t_\tPRON\t_\t_\t_\t_\t_\t_\n"
        "2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "3\tknow.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    sr_score sc[SR_METRIC_COUNT];
    sr_diag d = {.quiet = true};
    CHECK_INT_EQ(eval(gold, sys, sc, &d), SR_OK);
    SCORE(sc, SR_METRIC_TOKENS, 2.0 / 3, 2.0 / 4, 4.0 / 7);
    SCORE(sc, SR_METRIC_SENTENCES, 1, 1, 1);
    SCORE(sc, SR_METRIC_WORDS, 1.0 / 3, 1.0 / 5, 2.0 / 8);
    SCORE(sc, SR_METRIC_UPOS, 1.0 / 3, 1.0 / 5, 2.0 / 8);
    CHECK(near(sc[SR_METRIC_UPOS].aligned_accuracy, 1));
    CHECK_INT_EQ(sc[SR_METRIC_UAS].correct, 0);  /* system has no heads */
    CHECK(sc[SR_METRIC_TOKENS].aligned_accuracy < 0);
}

/* Same words, different analyses of "He left ." (gold heads 2 0 2; system
 * 2 0 1; system UPOS of "left" NOUN; system lemma "left"):
 * UPOS 2/3, UAS 2/3, LAS 2/3, Lemmas 2/3. Content words (nsubj, root):
 * CLAS 2/2; MLAS 1/2 (left's UPOS differs); BLEX 1/2 (its lemma differs). */
static void test_analyses_differ(void)
{
    const char *gold =
        "1\tHe\the\tPRON\tPRP\tCase=Nom|Number=Sing\t2\tnsubj\t_\t_\n"
        "2\tleft\tleave\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n"
        "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    const char *sys =
        "1\tHe\the\tPRON\tPRP\tNumber=Sing|Case=Nom|Foo=Bar\t2\tnsubj:pass\t_\t_\n"
        "2\tleft\tleft\tNOUN\tVBD\tTense=Past\t0\troot\t_\t_\n"
        "3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";
    sr_score sc[SR_METRIC_COUNT];
    sr_diag d = {.quiet = true};
    CHECK_INT_EQ(eval(gold, sys, sc, &d), SR_OK);
    SCORE(sc, SR_METRIC_WORDS, 1, 1, 1);
    SCORE(sc, SR_METRIC_UPOS, 2.0 / 3, 2.0 / 3, 2.0 / 3);
    SCORE(sc, SR_METRIC_XPOS, 1, 1, 1);
    SCORE(sc, SR_METRIC_UFEATS, 1, 1, 1);   /* sorted, non-universal dropped */
    SCORE(sc, SR_METRIC_ALLTAGS, 2.0 / 3, 2.0 / 3, 2.0 / 3);
    SCORE(sc, SR_METRIC_LEMMAS, 2.0 / 3, 2.0 / 3, 2.0 / 3);
    SCORE(sc, SR_METRIC_UAS, 2.0 / 3, 2.0 / 3, 2.0 / 3);
    SCORE(sc, SR_METRIC_LAS, 2.0 / 3, 2.0 / 3, 2.0 / 3); /* subtype ignored */
    SCORE(sc, SR_METRIC_CLAS, 1, 1, 1);
    SCORE(sc, SR_METRIC_MLAS, 0.5, 0.5, 0.5);
    SCORE(sc, SR_METRIC_BLEX, 0.5, 0.5, 0.5);
    CHECK(near(sc[SR_METRIC_UAS].aligned_accuracy, 2.0 / 3));
}

/* Gold: two sentences "A b." and "C d."; system: one sentence with the
 * same tokens. Sentences: P 0/1, R 0/2. Tokens all right. */
static void test_sentences(void)
{
    const char *gold =
        "1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n2\tb\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
        "1\tC\t_\t_\t_\t_\t_\t_\t_\t_\n2\td\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    const char *sys =
        "1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n2\tb\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n4\tC\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "5\td\t_\t_\t_\t_\t_\t_\t_\t_\n";
    sr_score sc[SR_METRIC_COUNT];
    sr_diag d = {.quiet = true};
    CHECK_INT_EQ(eval(gold, sys, sc, &d), SR_OK);
    SCORE(sc, SR_METRIC_SENTENCES, 0, 0, 0);
    CHECK_INT_EQ(sc[SR_METRIC_SENTENCES].gold, 2);
    CHECK_INT_EQ(sc[SR_METRIC_SENTENCES].system, 1);
    SCORE(sc, SR_METRIC_TOKENS, 1, 1, 1);
}

/* A multiword token on the system side only: "cannot" = can + not in
 * the system, one word in gold. Words: gold 1, system 2, LCS of "cannot"
 * against "can", "not" is empty: nothing aligned. Tokens agree. */
static void test_system_mwt(void)
{
    const char *gold = "1\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    const char *sys =
        "1-2\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tcan\t_\t_\t_\t_\t_\t_\t_\t_\n2\tnot\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    sr_score sc[SR_METRIC_COUNT];
    sr_diag d = {.quiet = true};
    CHECK_INT_EQ(eval(gold, sys, sc, &d), SR_OK);
    SCORE(sc, SR_METRIC_TOKENS, 1, 1, 1);
    CHECK_INT_EQ(sc[SR_METRIC_WORDS].correct, 0);
    CHECK_INT_EQ(sc[SR_METRIC_WORDS].system, 2);
    /* and both sides splitting it the same way align both words */
    CHECK_INT_EQ(eval(sys, sys, sc, &d), SR_OK);
    SCORE(sc, SR_METRIC_WORDS, 1, 1, 1);
}

static void test_errors(void)
{
    sr_score sc[SR_METRIC_COUNT];
    FILE *null = fopen("/dev/null", "w");
    sr_diag d = {.out = null};
    const char *a = "1\tyes\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    const char *b = "1\tno\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    CHECK_INT_EQ(eval(a, b, sc, &d), SR_ERR_FORMAT);      /* texts differ */
    CHECK_INT_EQ(eval(a, "1\tyes\n\n", sc, &d), SR_ERR_FORMAT);
    CHECK_INT_EQ(eval(a, "1\tyes\t_\t_\t_\t_\t7\t_\t_\t_\n\n", sc, &d), SR_ERR_FORMAT);
    CHECK_INT_EQ(eval(a, "2\tyes\t_\t_\t_\t_\t_\t_\t_\t_\n\n", sc, &d), SR_ERR_FORMAT);
    CHECK_INT_EQ(d.errors, 4);
    /* empty files score zero without failing */
    CHECK_INT_EQ(eval("", "", sc, &d), SR_OK);
    CHECK_INT_EQ(sc[SR_METRIC_TOKENS].gold, 0);
    fclose(null);
}

/* The whole EWT dev file against itself scores 100 everywhere. */
static void test_treebank_self(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/corpora/ud-english-ewt/en_ewt-ud-dev.conllu", SR_SHARED_DIR);
    size_t len;
    char *text = check_slurp(path, &len);
    if (!text) {
        printf("(EWT dev absent: self-evaluation skipped)\n");
        return;
    }
    sr_score sc[SR_METRIC_COUNT];
    sr_diag d = {0};
    CHECK_INT_EQ(sr_eval_conllu(text, len, "g", text, len, "s", sc, &d), SR_OK);
    for (int m = 0; m < SR_METRIC_COUNT; m++)
        CHECK(near(sc[m].f1, 1));
    CHECK_INT_EQ(sc[SR_METRIC_SENTENCES].gold, 2001);
    CHECK_INT_EQ(sc[SR_METRIC_WORDS].gold, 25147);
    free(text);
}

int main(void)
{
    test_tokenisation_differs();
    test_analyses_differ();
    test_sentences();
    test_system_mwt();
    test_errors();
    test_treebank_self();
    return check_status();
}
