/*
 * cmd_eval.c — `sitrep eval NAME ...`: the evaluations that print the
 * project's accuracy figures. Each evaluation is one line in the table below
 * and one file in src/eval/ (the logic) or cli/ (its options).
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct eval_command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);  /* argv[0] is the evaluation's name */
} eval_command;

static const eval_command evals[] = {
    {"conllu", "CoNLL 2018 metrics of a CoNLL-U file against gold", sr_eval_conllu_main},
    {"tokenize", "sentences and tokens of a treebank's raw text against it", sr_eval_tokenize_main},
    {"extract", "HTML article body extraction: shingle P/R/F1 and speed", sr_eval_extract_main},
    {"petrarch", "PETRARCH validation records: events coded exactly right", sr_eval_petrarch_main},
    {"metadata", "title, date, author and body snippets of HTML pages against gold", sr_eval_metadata_main},
    {"plover", "PLOVER gold sentences: gold event type and source found", sr_eval_plover_main},
    {"seeds", "the seed articles: hand-coded events found and missed", sr_eval_seeds_main},
    {NULL, NULL, NULL},
};

static void list(FILE *out)
{
    fprintf(out, "usage: sitrep eval NAME [ARGS...]\n\nevaluations:\n");
    for (const eval_command *e = evals; e->name; e++)
        fprintf(out, "  %-10s %s\n", e->name, e->summary);
    fprintf(out, "\n`sitrep eval NAME --help` describes an evaluation.\n");
}

int sr_cmd_eval(int argc, char **argv)
{
    if (argc < 2) {
        list(stderr);
        return SR_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        list(stdout);
        return SR_EXIT_OK;
    }
    for (const eval_command *e = evals; e->name; e++)
        if (strcmp(e->name, argv[1]) == 0)
            return e->run(argc - 1, argv + 1);
    return sr_cli_usage_error("eval", "no evaluation named '%s'", argv[1]);
}
