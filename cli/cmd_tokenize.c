/*
 * cmd_tokenize.c — `sitrep tokenize`: running text in, CoNLL-U
 * segmentation out (ID, FORM and multiword-token ranges; `_` elsewhere).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char help[] =
    "usage: sitrep tokenize [PATH...]\n"
    "\n"
    "Split running text into sentences and words in the conventions of\n"
    "Universal Dependencies English and print them as CoNLL-U (ID, FORM\n"
    "with the original characters, multiword-token ranges, `_` elsewhere).\n"
    "The input is treated as running text: no title, dateline or\n"
    "boilerplate rules are applied. Reads standard input when no PATH is\n"
    "given.\n"
    "\n"
    "options:\n"
    "  -h, --help       show this help\n";

int sr_cmd_tokenize(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            return SR_EXIT_OK;
        }
        return sr_cli_usage_error("tokenize", "unknown option '%s'", argv[optind - 1]);
    }
    static const char *const stdin_only[] = {"-"};
    const char *const *paths = optind < argc ? (const char *const *)argv + optind : stdin_only;
    size_t npaths = optind < argc ? (size_t)(argc - optind) : 1;
    sr_diag diag = {0};
    sr_read_options ropt = {.format = SR_FORMAT_TEXT, .running_text = true};
    sr_input *in = sr_input_open(paths, npaths, &ropt, &diag);
    sr_buf out;
    sr_buf_init(&out);
    sr_doc *doc;
    while ((doc = sr_input_next(in)) != NULL) {
        sr_text_segment(doc);
        sr_buf_reset(&out);
        sr_doc_to_conllu(doc, &out);
        sr_cli_write(&out);
        sr_doc_free(doc);
    }
    sr_input_close(in);
    sr_buf_free(&out);
    return sr_cli_status(&diag);
}
