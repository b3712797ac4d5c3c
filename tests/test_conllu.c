/* test_conllu.c — the CoNLL-U reader and writer. */
#include "check.h"
#include "sitrep.h"

static const char sample[] =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# newpar\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tneg\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "# text = Go home\n"
    "1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "2\thome\thome\tADV\tRB\t_\t1\tadvmod\t_\t_\n"
    "\n"
    "# sent_id = bad\n"
    "# text = a b\n"
    "1\ta\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tb\tb\tNOUN\tNN\t_\t1\tdobj\t_\n"
    "\n"
    "# sent_id = cyc\n"
    "# text = x y\n"
    "1\tx\tx\tX\tX\t_\t2\tdep\t_\t_\n"
    "2\ty\ty\tX\tX\t_\t1\tdep\t_\t_\n"
    "\n";

static void test_read(void)
{
    sr_diag diag = {.quiet = true, .out = fopen("/dev/null", "w")};
    sr_conllu_reader *r = sr_conllu_open("t.conllu", sample, sizeof sample - 1, false, &diag);
    sr_doc *d = sr_conllu_next(r);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR_EQ(d->id, "d1");
    CHECK_INT_EQ(d->nsentences, 2);
    CHECK_STR_EQ(d->body, "I don't know. Go home");
    CHECK_INT_EQ(d->nwords, 7);
    const sr_word *w = d->words;
    CHECK_STR_EQ(w[1].form, "do");
    CHECK_INT_EQ(w[1].mwt_len, 2);
    CHECK_SPAN_EQ(d->body + w[1].mwt_span.start, w[1].mwt_span.end - w[1].mwt_span.start, "don't");
    CHECK_SPAN_EQ(d->body + w[2].start, w[2].end - w[2].start, "n't");
    CHECK_STR_EQ(w[2].deprel, "advmod"); /* v1 'neg' mapped to v2 */
    CHECK_INT_EQ(w[3].head, 0);
    CHECK_INT_EQ(w[3].space_after, 0);
    CHECK_INT_EQ(w[0].upos, SR_UPOS_PRON);
    CHECK_STR_EQ(d->sentences[1].sent_id, "s2");
    CHECK_SPAN_EQ(d->body + w[5].start, w[5].end - w[5].start, "Go");
    /* the two malformed sentences were reported */
    CHECK_INT_EQ(diag.errors, 2);

    /* writing it back gives the same segmentation */
    sr_buf b;
    sr_buf_init(&b);
    sr_doc_to_conllu(d, &b);
    CHECK(strstr(b.data, "2-3\tdon't\t") != NULL);
    CHECK(strstr(b.data, "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n") != NULL);
    CHECK(strstr(b.data, "# text = I don't know.\n") != NULL);
    sr_buf_free(&b);
    sr_doc_free(d);
    CHECK(sr_conllu_next(r) == NULL);
    sr_conllu_close(r);
    fclose(diag.out);
}

static void test_treebank(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/corpora/ud-english-ewt/en_ewt-ud-dev.conllu", SR_SHARED_DIR);
    size_t len;
    char *text = check_slurp(path, &len);
    if (!text) {
        printf("treebank absent (%s): skipping the dev-set round trip\n", path);
        return;
    }
    sr_diag diag = {0};
    sr_conllu_reader *r = sr_conllu_open(path, text, len, false, &diag);
    sr_doc *d;
    size_t sents = 0, words = 0, misplaced = 0;
    while ((d = sr_conllu_next(r)) != NULL) {
        sents += d->nsentences;
        words += d->nwords;
        for (uint32_t i = 0; i < d->nwords; i++) {
            const sr_word *w = &d->words[i];
            size_t n = strlen(w->form);
            if (w->end - w->start == n && memcmp(d->body + w->start, w->form, n) != 0)
                misplaced++;
        }
        sr_doc_free(d);
    }
    sr_conllu_close(r);
    free(text);
    CHECK_INT_EQ(diag.errors, 0);
    CHECK_INT_EQ(sents, 2001);
    CHECK_INT_EQ(words, 25147);
    CHECK_INT_EQ(misplaced, 0);
}

int main(void)
{
    test_read();
    test_treebank();
    return check_status();
}
