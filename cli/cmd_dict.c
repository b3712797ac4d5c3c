/*
 * cmd_dict.c — `sitrep dict check|stats|compile`: the project's own
 * dictionaries (data/dict/, docs/dictionaries.md) for their authors.
 *
 * check   reads the files and reports every problem with file and line
 *         (exit 1 when there is any);
 * stats   prints counts by kind and by CAMEO root;
 * compile checks, then writes the coder's binary form (refusing to compile
 *         a dictionary with problems: conflicts are never resolved
 *         silently).
 */
#include "cli.h"
#include "lexicon/own.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char help[] =
    "usage: sitrep dict check [PATH...]\n"
    "       sitrep dict stats [PATH...]\n"
    "       sitrep dict compile [-o FILE] [PATH...]\n"
    "\n"
    "Work with dictionaries in sitrep's own format (docs/dictionaries.md).\n"
    "PATHs are files or folders of *.txt files; with none, the shipped\n"
    "dictionaries in the data folder's dict/ are used.\n"
    "\n"
    "  check    report malformed entries, unknown codes, duplicates,\n"
    "           conflicts, overlapping date ranges and patterns that can\n"
    "           never match, each as FILE:LINE: reason (exit 1 if any)\n"
    "  stats    print counts of entries by kind and patterns by CAMEO root\n"
    "  compile  check, then write the compiled form the coder loads\n"
    "\n"
    "options:\n"
    "  -o, --output FILE  where compile writes (default: the data folder's\n"
    "                     dict.srd, which `sitrep code` loads)\n"
    "  -h, --help         show this help\n";

/* Whether a CAMEO code is known: the code table of data/cameo when it is
 * there. */
static bool event_known(const char *code, void *ctx)
{
    return sr_own_cameo_known(code, ctx);
}

static sr_own_dict *load(int argc, char **argv, sr_diag *diag, bool *io_failed)
{
    static char dir[4096];
    const char *def[1];
    const char *const *paths = (const char *const *)argv;
    size_t n = (size_t)argc;
    if (argc == 0) {
        snprintf(dir, sizeof dir, "%s/dict", sr_data_dir());
        def[0] = dir;
        paths = def;
        n = 1;
    }
    sr_own_dict *d = sr_own_new();
    *io_failed = sr_own_read_paths(d, paths, n, diag) != SR_OK;
    return d;
}

static void print_stats(const sr_own_dict *d, FILE *out)
{
    sr_own_counts c;
    sr_own_count(d, &c);
    fprintf(out, "files %u\n", d->files);
    for (int k = SR_OWN_SECTOR; k <= SR_OWN_PRED; k++)
        fprintf(out, "%-14s %u\n", sr_own_kind_name((sr_own_kind)k), c.entries[k]);
    fprintf(out, "  of which noun %u (event nouns)\n", c.noun_patterns);
    fprintf(out, "names          %u\nroles          %u\n", c.names, c.roles);
    fprintf(out, "pattern variants %u (every alternative spelled out)\n",
            c.pattern_variants);
    fprintf(out, "patterns by CAMEO root:");
    for (int r = 1; r <= 20; r++)
        fprintf(out, " %02d:%u", r, c.root_patterns[r]);
    fputc('\n', out);
}

int sr_cmd_dict(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(help, stdout);
        return SR_EXIT_OK;
    }
    if (argc < 2)
        return sr_cli_usage_error("dict", "missing action (check, stats or compile)");
    const char *action = argv[1];
    bool check = strcmp(action, "check") == 0, stats = strcmp(action, "stats") == 0;
    bool compile = strcmp(action, "compile") == 0;
    if (!check && !stats && !compile)
        return sr_cli_usage_error("dict", "unknown action '%s'", action);
    const char *output = NULL;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc - 1, argv + 1, "o:h", longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            return SR_EXIT_OK;
        }
        if (c == 'o' && compile) {
            output = optarg;
            continue;
        }
        return sr_cli_usage_error("dict", "unknown option '%s'", argv[optind]);
    }
    sr_diag diag = {0};
    bool io_failed;
    sr_own_dict *d = load(argc - 1 - optind, argv + 1 + optind, &diag, &io_failed);
    int status = SR_EXIT_OK;
    if (stats) {
        print_stats(d, stdout);
    } else {
        unsigned problems = sr_own_check(d, event_known, NULL, &diag);
        problems += d->syntax_errors;
        if (check) {
            fprintf(stderr, "sitrep dict: %u file(s), %zu entries, %u problem(s)\n",
                    d->files, d->nentries, problems);
        } else if (problems) {
            fprintf(stderr, "sitrep dict: %u problem(s); not compiled\n", problems);
        } else {
            status = sr_own_compile_file(d, output, &diag) == SR_OK ? SR_EXIT_OK
                                                                   : SR_EXIT_INPUT;
        }
        if (problems)
            status = SR_EXIT_INPUT;
    }
    if (io_failed)
        status = SR_EXIT_INPUT;
    sr_own_free(d);
    return status;
}
