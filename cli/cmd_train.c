/*
 * cmd_train.c — `sitrep train`: build a syntax model from CoNLL-U treebanks.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: sitrep train [OPTIONS] -o MODEL TRAIN.conllu\n"
    "\n"
    "Train the tagger, lemmatiser, dependency parser and morphology on a\n"
    "CoNLL-U treebank and write them to one model file. With --dev, the\n"
    "number of epochs of each model is the best on the development set, and\n"
    "dev accuracies are printed (on the given tokenisation). The same\n"
    "inputs and seed give a byte-identical model.\n"
    "\n"
    "The shipped model data/models/" SR_MODEL_DEFAULT " is built by:\n"
    "  sitrep train --dev ../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu \\\n"
    "    -o data/models/" SR_MODEL_DEFAULT " ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu\n"
    "\n"
    "options:\n"
    "  -o, --output MODEL    the model file to write (required)\n"
    "  --dev DEV.conllu      development treebank (epochs and scores only)\n"
    "  --seed N              random seed (default 1)\n"
    "  --tagger-epochs N     at most N tagger epochs (default 12)\n"
    "  --parser-epochs N     at most N parser epochs (default 22)\n"
    "  --folds N             jackknife folds for the parser's training tags\n"
    "                        (default 5; 1 = train the parser on gold tags)\n"
    "  --beam N              parser beam width (default 1: greedy)\n"
    "  --min-count N         parser features seen fewer than N times get no\n"
    "                        weight (default 3; 1 for tiny treebanks)\n"
    "  -q, --quiet           no progress on stderr\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 model written, 1 unreadable input or unwritable output,\n"
    "2 usage error.\n";

static bool parse_uint(const char *s, unsigned long long max, unsigned long long *out)
{
    char *end;
    if (!*s || *s == '-')
        return false;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end || v > max)
        return false;
    *out = v;
    return true;
}

int sr_cmd_train(int argc, char **argv)
{
    enum { OPT_DEV = 256, OPT_SEED, OPT_TEP, OPT_PEP, OPT_FOLDS, OPT_MIN, OPT_BEAM };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"dev", required_argument, NULL, OPT_DEV},
        {"seed", required_argument, NULL, OPT_SEED},
        {"tagger-epochs", required_argument, NULL, OPT_TEP},
        {"parser-epochs", required_argument, NULL, OPT_PEP},
        {"folds", required_argument, NULL, OPT_FOLDS},
        {"min-count", required_argument, NULL, OPT_MIN},
        {"beam", required_argument, NULL, OPT_BEAM},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    sr_train_options opt = {.seed = 1, .log = stderr};
    optind = 1;
    opterr = 0;
    int c;
    unsigned long long v;
    while ((c = getopt_long(argc, argv, ":o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            opt.out_path = optarg;
            break;
        case OPT_DEV:
            opt.dev_path = optarg;
            break;
        case OPT_SEED:
            if (!parse_uint(optarg, UINT64_MAX, &v))
                return sr_cli_usage_error("train", "--seed wants a number, not '%s'", optarg);
            opt.seed = v;
            break;
        case OPT_TEP:
        case OPT_PEP:
        case OPT_FOLDS:
        case OPT_MIN:
        case OPT_BEAM:
            if (!parse_uint(optarg, c == OPT_BEAM ? 64 : 1000, &v) || v == 0)
                return sr_cli_usage_error("train", "%s wants a number from 1 to %d, not '%s'",
                                          argv[optind - 2], c == OPT_BEAM ? 64 : 1000, optarg);
            if (c == OPT_TEP)
                opt.tagger_epochs = (unsigned)v;
            else if (c == OPT_PEP)
                opt.parser_epochs = (unsigned)v;
            else if (c == OPT_FOLDS)
                opt.folds = (unsigned)v;
            else if (c == OPT_BEAM)
                opt.beam = (unsigned)v;
            else
                opt.min_count = (unsigned)v;
            break;
        case 'q':
            opt.log = NULL;
            break;
        case 'h':
            fputs(help, stdout);
            return SR_EXIT_OK;
        case ':':
            return sr_cli_usage_error("train", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return sr_cli_usage_error("train", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return sr_cli_usage_error("train", "give exactly one training treebank");
    if (!opt.out_path)
        return sr_cli_usage_error("train", "give the model file to write with -o");
    opt.train_path = argv[optind];
    sr_diag diag = {0};
    sr_status st = sr_syntax_train(&opt, &diag);
    return st == SR_OK ? SR_EXIT_OK : st == SR_ERR_USAGE ? SR_EXIT_USAGE : SR_EXIT_INPUT;
}
