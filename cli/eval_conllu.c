/*
 * eval_conllu.c — `sitrep eval conllu` and `sitrep eval tokenize`: the
 * options and output of the CoNLL 2018 evaluations (the scoring itself is
 * sr_eval_conllu in src/eval/conllu.c).
 *
 * `eval tokenize GOLD.conllu` is the raw-text measurement of the text
 * stage: it rebuilds each document's text from the gold file's "# text",
 * "# newpar" and "# newdoc" comments (sentences of a paragraph joined by a
 * space, paragraphs by a blank line, as the CoNLL-U reader does), runs the
 * tokeniser and sentence splitter on it as running text, and scores the
 * result against the gold file.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char conllu_help[] =
    "usage: sitrep eval conllu [--all] GOLD.conllu SYSTEM.conllu\n"
    "\n"
    "Score a system CoNLL-U file against a gold one with the CoNLL 2018\n"
    "shared task metrics: precision, recall and F1 of Tokens, Sentences and\n"
    "Words (character spans, white space ignored), and of UPOS, XPOS,\n"
    "UFeats, AllTags, Lemmas, UAS and LAS over aligned words (with the\n"
    "accuracy over aligned words in the last column). The two files must\n"
    "hold the same text. --all adds CLAS, MLAS and BLEX.\n"
    "\n"
    "Exit status: 0 scored, 1 a file could not be read or parsed, 2 usage.\n";

static const char tokenize_help[] =
    "usage: sitrep eval tokenize [--save FILE] GOLD.conllu\n"
    "\n"
    "Rebuild the raw text of a CoNLL-U treebank from its # text, # newpar\n"
    "and # newdoc comments, split it into sentences and tokens with sitrep's\n"
    "text stage, and print the Tokens, Sentences and Words scores against\n"
    "the treebank (CoNLL 2018 metrics). --save writes sitrep's CoNLL-U.\n"
    "\n"
    "Exit status: 0 scored, 1 the file could not be read or parsed, 2 usage.\n";

/* Read a whole file (or "-" for stdin) into a malloc'd buffer. */
static char *slurp(const char *path, size_t *len, sr_diag *diag)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        sr_error(diag, path, "cannot read: %m");
        return NULL;
    }
    sr_buf b;
    sr_buf_init(&b);
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        sr_buf_put(&b, tmp, k);
    bool bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        sr_error(diag, path, "read error");
        sr_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    if (!b.data)
        sr_buf_put(&b, "", 0);
    return b.data;
}

static int print_scores(const sr_score *sc, int upto)
{
    sr_buf out;
    sr_buf_init(&out);
    sr_eval_conllu_print(sc, upto, &out);
    sr_cli_write(&out);
    sr_buf_free(&out);
    return SR_EXIT_OK;
}

int sr_eval_conllu_main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"all", no_argument, NULL, 'a'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    bool all = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(conllu_help, stdout);
            return SR_EXIT_OK;
        }
        if (c == 'a') {
            all = true;
            continue;
        }
        return sr_cli_usage_error("eval conllu", "unknown option '%s'", argv[optind - 1]);
    }
    if (argc - optind != 2)
        return sr_cli_usage_error("eval conllu", "wants GOLD and SYSTEM files");
    sr_diag diag = {0};
    size_t glen = 0, slen = 0;
    char *gold = slurp(argv[optind], &glen, &diag);
    char *sys = gold ? slurp(argv[optind + 1], &slen, &diag) : NULL;
    sr_score sc[SR_METRIC_COUNT];
    sr_status st = SR_ERR_IO;
    if (gold && sys)
        st = sr_eval_conllu(gold, glen, argv[optind], sys, slen, argv[optind + 1], sc, &diag);
    free(gold);
    free(sys);
    if (st != SR_OK)
        return SR_EXIT_INPUT;
    return print_scores(sc, all ? SR_METRIC_COUNT - 1 : SR_METRIC_LAS);
}

int sr_eval_tokenize_main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"save", required_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *save = NULL;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(tokenize_help, stdout);
            return SR_EXIT_OK;
        }
        if (c == 's') {
            save = optarg;
            continue;
        }
        if (c == ':')
            return sr_cli_usage_error("eval tokenize", "option '%s' needs an argument", argv[optind - 1]);
        return sr_cli_usage_error("eval tokenize", "unknown option '%s'", argv[optind - 1]);
    }
    if (argc - optind != 1)
        return sr_cli_usage_error("eval tokenize", "wants one GOLD.conllu file");
    const char *path = argv[optind];
    sr_diag diag = {0};
    size_t glen = 0;
    char *gold = slurp(path, &glen, &diag);
    if (!gold)
        return SR_EXIT_INPUT;
    sr_conllu_reader *r = sr_conllu_open(path, gold, glen, false, &diag);
    sr_buf sys;
    sr_buf_init(&sys);
    sr_doc *doc;
    while ((doc = sr_conllu_next(r)) != NULL) {
        /* forget the gold segmentation; keep only the rebuilt text */
        doc->words = NULL;
        doc->nwords = doc->nsentences = doc->nparagraphs = 0;
        sr_text_segment(doc);
        sr_doc_to_conllu(doc, &sys);
        sr_doc_free(doc);
    }
    sr_conllu_close(r);
    int status = SR_EXIT_OK;
    if (save) {
        FILE *f = fopen(save, "wb");
        if (!f || fwrite(sys.data, 1, sys.len, f) != sys.len || fclose(f) != 0) {
            sr_error(&diag, save, "cannot write: %m");
            status = SR_EXIT_INPUT;
        }
    }
    sr_score sc[SR_METRIC_COUNT];
    if (diag.errors == 0 &&
        sr_eval_conllu(gold, glen, path, sys.data ? sys.data : "", sys.len, "sitrep", sc, &diag) == SR_OK)
        print_scores(sc, SR_METRIC_WORDS);
    else
        status = SR_EXIT_INPUT;
    free(gold);
    sr_buf_free(&sys);
    return status;
}
