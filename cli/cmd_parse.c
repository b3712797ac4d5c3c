/*
 * cmd_parse.c — `sitrep parse`: articles (or given CoNLL-U sentences) in,
 * tagged, lemmatised and parsed CoNLL-U out.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: sitrep parse [OPTIONS] [PATH...]\n"
    "\n"
    "Read articles (any input `sitrep read` takes), split them into\n"
    "sentences and words, and print them as CoNLL-U with LEMMA, UPOS, XPOS,\n"
    "FEATS, HEAD and DEPREL filled by the syntax model. Reads standard input\n"
    "when no PATH is given.\n"
    "\n"
    "With --tokenized, each PATH is a CoNLL-U file whose sentences and words\n"
    "(multiword tokens included) are kept as they are; only LEMMA, UPOS,\n"
    "XPOS, FEATS, HEAD and DEPREL are replaced.\n"
    "\n"
    "options:\n"
    "  --tokenized      the inputs are CoNLL-U; keep their tokenisation\n"
    "  --model PATH     the syntax model (default: the shipped one)\n"
    "  --format F       text, html, feed, warc or json (article JSON: JSON Lines,\n"
    "                   one object or an array of them; jsonl is the same)\n"
    "                   (default: detect from the content)\n"
    "  --date YYYY-MM-DD  publication date for documents that carry none\n"
    "  -j, --jobs N     parse on N threads (default 1); the output is the\n"
    "                   same, in the same order, for every N\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 all inputs read, 1 some inputs failed (or no model),\n"
    "2 usage error.\n";

static char *slurp(const char *path, size_t *len, sr_diag *d)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        sr_error(d, path, "cannot open: %s", strerror(errno));
        return NULL;
    }
    sr_buf b;
    sr_buf_init(&b);
    char chunk[1 << 16];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        sr_buf_put(&b, chunk, k);
    bool bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        sr_error(d, path, "read error");
        sr_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.data ? b.data : calloc(1, 1);
}

/* Documents are parsed in batches, so that -j N keeps N threads busy
 * whether the input is one long document or many short ones: a batch is
 * read, its sentences parsed on the threads, and its documents written in
 * input order. One thread parses one document at a time. */
#define BATCH_WORDS 65536
#define BATCH_DOCS 256

typedef struct batch {
    const sr_model *m;
    int jobs;
    sr_doc *docs[BATCH_DOCS];
    size_t n, words;
    sr_buf *out;
} batch;

static void flush(batch *b)
{
    sr_syntax_parse_many(b->m, b->docs, b->n, b->jobs);
    for (size_t i = 0; i < b->n; i++) {
        sr_buf_reset(b->out);
        sr_doc_to_conllu(b->docs[i], b->out);
        sr_cli_write(b->out);
        sr_doc_free(b->docs[i]);
    }
    b->n = b->words = 0;
}

static void emit(batch *b, sr_doc *doc)
{
    b->docs[b->n++] = doc;
    b->words += doc->nwords;
    if (b->jobs == 1 || b->n == BATCH_DOCS || b->words >= BATCH_WORDS)
        flush(b);
}

static void parse_tokenized(batch *b, const char *const *paths,
                            size_t npaths, sr_diag *diag)
{
    for (size_t i = 0; i < npaths; i++) {
        size_t len = 0;
        char *text = slurp(paths[i], &len, diag);
        if (!text)
            continue;
        sr_conllu_reader *r = sr_conllu_open(paths[i], text, len, false, diag);
        sr_doc *doc;
        while ((doc = sr_conllu_next(r)) != NULL)
            emit(b, doc);
        flush(b);      /* the documents point into `text` */
        sr_conllu_close(r);
        free(text);
    }
}

int sr_cmd_parse(int argc, char **argv)
{
    enum { OPT_FORMAT = 256, OPT_DATE, OPT_TOKENIZED, OPT_MODEL };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"date", required_argument, NULL, OPT_DATE},
        {"tokenized", no_argument, NULL, OPT_TOKENIZED},
        {"model", required_argument, NULL, OPT_MODEL},
        {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    sr_read_options ropt = {0};
    bool tokenized = false;
    const char *model_path = NULL;
    int jobs = 1;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":hj:", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT: {
            int f = sr_cli_format(optarg);
            if (f < 0)
                return sr_cli_usage_error("parse", "unknown format '%s' (" SR_CLI_FORMATS ")",
                                          optarg);
            ropt.format = (sr_format)f;
            break;
        }
        case OPT_DATE:
            if (strlen(optarg) != 10 || optarg[4] != '-' || optarg[7] != '-')
                return sr_cli_usage_error("parse", "--date wants YYYY-MM-DD, not '%s'", optarg);
            ropt.date = optarg;
            break;
        case OPT_TOKENIZED:
            tokenized = true;
            break;
        case OPT_MODEL:
            model_path = optarg;
            break;
        case 'j': {
            char *end;
            errno = 0;
            long v = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || v < 1 || v > 256)
                return sr_cli_usage_error("parse", "-j wants a number of threads from 1 to 256, not '%s'", optarg);
            jobs = (int)v;
            break;
        }
        case 'h':
            fputs(help, stdout);
            return SR_EXIT_OK;
        case ':':
            return sr_cli_usage_error("parse", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return sr_cli_usage_error("parse", "unknown option '%s'", argv[optind - 1]);
        }
    }
    static const char *const stdin_only[] = {"-"};
    const char *const *paths = optind < argc ? (const char *const *)argv + optind : stdin_only;
    size_t npaths = optind < argc ? (size_t)(argc - optind) : 1;

    sr_diag diag = {0};
    sr_model *m = sr_model_load(model_path, &diag);
    if (!m)
        return SR_EXIT_INPUT;
    sr_buf out;
    sr_buf_init(&out);
    batch *b = calloc(1, sizeof *b);
    if (!b) {
        fputs("sitrep parse: out of memory\n", stderr);
        sr_model_free(m);
        return SR_EXIT_INPUT;
    }
    b->m = m;
    b->jobs = jobs;
    b->out = &out;
    if (tokenized) {
        parse_tokenized(b, paths, npaths, &diag);
    } else {
        sr_input *in = sr_input_open(paths, npaths, &ropt, &diag);
        sr_doc *doc;
        while ((doc = sr_input_next(in)) != NULL) {
            sr_text_analyze(doc);
            emit(b, doc);
        }
        flush(b);
        sr_input_close(in);
    }
    free(b);
    sr_buf_free(&out);
    sr_model_free(m);
    return sr_cli_status(&diag);
}
