/*
 * cli.h — what the subcommands of the `sitrep` command share.
 *
 * The command line is a thin front end: each subcommand parses its options,
 * calls the library and prints. Anything a test or the server also needs
 * belongs in the library, not here.
 *
 * Exit statuses, the same for every subcommand:
 *   0  everything was read and done
 *   1  some inputs could not be read (each reported on stderr by name)
 *   2  usage error (unknown option, missing argument)
 */
#ifndef SR_CLI_H
#define SR_CLI_H

#include "sitrep.h"

enum { SR_EXIT_OK = 0, SR_EXIT_INPUT = 1, SR_EXIT_USAGE = 2 };

typedef struct sr_command {
    const char *name;
    const char *summary;     /* one line for `sitrep help` */
    int (*run)(int argc, char **argv);  /* argv[0] is the command name */
} sr_command;

/* The table of subcommands (main.c). */
extern const sr_command sr_commands[];
extern const size_t sr_ncommands;

/* Print "sitrep CMD: message" and a pointer to --help; returns 2. */
int sr_cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Write a buffer to stdout; exits with a message if stdout fails (a closed
 * pipe, a full disk). */
void sr_cli_write(const sr_buf *b);

/* The article format named by --format (text, html, feed, warc, jsonl or
 * its synonym json, auto), or -1; every command that reads articles takes
 * the same names. */
int sr_cli_format(const char *name);
#define SR_CLI_FORMATS "text, html, feed, warc, json (= jsonl), auto"

/* Exit status from a diag: 1 when any input failed, else 0. */
int sr_cli_status(const sr_diag *d);

/* Subcommands. */
int sr_cmd_read(int argc, char **argv);
int sr_cmd_tokenize(int argc, char **argv);
int sr_cmd_code(int argc, char **argv);
int sr_cmd_eval(int argc, char **argv);
int sr_cmd_dict(int argc, char **argv);
/* Evaluations (`sitrep eval NAME`): eval_conllu.c. */
int sr_eval_conllu_main(int argc, char **argv);
int sr_eval_tokenize_main(int argc, char **argv);
int sr_eval_extract_main(int argc, char **argv);   /* src/eval/extract.c */
int sr_eval_metadata_main(int argc, char **argv);  /* src/eval/metadata.c */

int sr_eval_petrarch_main(int argc, char **argv);  /* src/eval/petrarch.c */
int sr_eval_plover_main(int argc, char **argv);    /* src/eval/plover.c */
int sr_eval_seeds_main(int argc, char **argv);     /* src/eval/seeds.c */
int sr_cmd_parse(int argc, char **argv);
int sr_cmd_train(int argc, char **argv);

#endif
