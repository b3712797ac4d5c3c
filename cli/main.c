/*
 * main.c — the `sitrep` command: dispatch to subcommands.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

const sr_command sr_commands[] = {
    {"read", "read articles and print one JSON record per document", sr_cmd_read},
    {"tokenize", "split running text into sentences and words (CoNLL-U)", sr_cmd_tokenize},
    {"code", "find political events: who did what to whom (CAMEO, PLOVER)", sr_cmd_code},
    {"parse", "tag, lemmatise and parse articles (CoNLL-U)", sr_cmd_parse},
    {"train", "build the syntax model from CoNLL-U treebanks", sr_cmd_train},
    {"eval", "print accuracy figures against a gold standard", sr_cmd_eval},
    {"dict", "check, count and compile dictionaries in sitrep's own format", sr_cmd_dict},
    {"help", "show the commands, or the help of one command", cmd_help},
    {"version", "print the version", cmd_version},
};
const size_t sr_ncommands = sizeof sr_commands / sizeof sr_commands[0];

static void overview(FILE *out)
{
    fprintf(out,
            "usage: sitrep COMMAND [OPTIONS] [PATH...]\n"
            "\n"
            "sitrep turns news reports into coded political events.\n"
            "\n"
            "commands:\n");
    for (size_t i = 0; i < sr_ncommands; i++)
        fprintf(out, "  %-10s %s\n", sr_commands[i].name, sr_commands[i].summary);
    fprintf(out,
            "\n"
            "`sitrep COMMAND --help` describes a command's options.\n"
            "Exit status: 0 all inputs read, 1 some inputs failed, 2 usage error.\n");
}

static const sr_command *find(const char *name)
{
    for (size_t i = 0; i < sr_ncommands; i++)
        if (strcmp(sr_commands[i].name, name) == 0)
            return &sr_commands[i];
    return NULL;
}

static int cmd_help(int argc, char **argv)
{
    if (argc < 2) {
        overview(stdout);
        return SR_EXIT_OK;
    }
    const sr_command *c = find(argv[1]);
    if (!c)
        return sr_cli_usage_error("help", "no command named '%s'", argv[1]);
    char *args[] = {argv[1], "--help", NULL};
    return c->run(2, args);
}

static int cmd_version(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("sitrep %s\n", SR_VERSION);
    return SR_EXIT_OK;
}

int sr_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sitrep %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'sitrep %s --help'.\n", cmd);
    va_end(ap);
    return SR_EXIT_USAGE;
}

void sr_cli_write(const sr_buf *b)
{
    if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len) {
        fprintf(stderr, "sitrep: cannot write output: %s\n", strerror(errno));
        exit(SR_EXIT_INPUT);
    }
}

int sr_cli_format(const char *name)
{
    /* "json": article JSON in any of its shapes (JSON Lines, one object
     * over many lines, an array), all read by the JSON Lines reader */
    if (strcmp(name, "json") == 0)
        return SR_FORMAT_JSONL;
    return sr_format_from_name(name);
}

int sr_cli_status(const sr_diag *d)
{
    return d->errors ? SR_EXIT_INPUT : SR_EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        overview(stderr);
        return SR_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
        return cmd_version(0, NULL);
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return cmd_help(1, argv + 1);
    const sr_command *c = find(name);
    if (!c) {
        fprintf(stderr, "sitrep: unknown command '%s'\n\n", name);
        overview(stderr);
        return SR_EXIT_USAGE;
    }
    int status = c->run(argc - 1, argv + 1);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "sitrep: cannot write output: %s\n", strerror(errno));
        return SR_EXIT_INPUT;
    }
    return status;
}
