/*
 * cmd_code.c — `sitrep code`: articles (or validation records) in, coded
 * events out, as JSON Lines, GDELT rows or PLOVER JSON.
 *
 * Inputs are whatever `sitrep read` reads, plus CoNLL-U (already parsed),
 * PETRARCH validation/batch XML and TABARI .text records (one document per
 * record, with its id and date). Dictionaries are given as files in any
 * format sitrep reads (detected), or as one compiled file (--dict); with
 * none, the shipped default dictionaries are used.
 */
#include "cli.h"
#include "code/records.h"
#include "lexicon/dict.h"
#include "lexicon/own.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: sitrep code [OPTIONS] [PATH...]\n"
    "\n"
    "Find political events in articles: who did what to whom, coded in CAMEO\n"
    "and PLOVER, one record per event. PATH is read as by `sitrep read`\n"
    "(standard input when none).\n"
    "\n"
    "input:\n"
    "  --format F       auto (default: detect from the content), text, html,\n"
    "                   feed, warc, json (article JSON: JSON Lines, one object\n"
    "                   or an array of them; jsonl is the same), conllu (parsed\n"
    "                   sentences), petrarch (validation or batch XML: each\n"
    "                   <Sentence> a document) or tabari (.text records);\n"
    "                   --input F is the same\n"
    "  --given-parse    petrarch: use the records' CoNLL-U parses\n"
    "  --date YYYY-MM-DD  publication date for documents that carry none\n"
    "dictionaries (any of PETRARCH-2, PETRARCH-1 or TABARI format, detected):\n"
    "  --verbs F  --actors F[,F...]  --agents F  --discards F  --issues F\n"
    "  --options F      TABARI .options\n"
    "  --dict F         a compiled dictionary (`sitrep dict compile`)\n"
    "  --strict         a malformed dictionary line is an error\n"
    "                   (with no dictionary option: sitrep's own, data/dict/)\n"
    "output:\n"
    "  --to jsonl|gdelt|plover   record format (default jsonl)\n"
    "  --explain        add how each event was found (dictionary entry, parse path)\n"
    "  --petrarch       PETRARCH-2's conventions (negated events recoded, reported\n"
    "                   events folded into the statement)\n"
    "  --no-dyad        also code events with only a source or only a target\n"
    "  --dyads-only     only events with both a source and a target (by default\n"
    "                   sitrep's own mode also codes a named source's demands,\n"
    "                   threats, protests, ... with no target named)\n"
    "run:\n"
    "  -j, --jobs N     code articles on N threads (output identical to -j 1;\n"
    "                   records and CoNLL-U input are coded on one thread)\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 all inputs read, 1 some inputs failed, 2 usage error.\n";

typedef enum { OUT_JSONL, OUT_GDELT, OUT_PLOVER } out_fmt;

typedef struct code_ctx {
    const sr_coder *coder;
    out_fmt to;
    uint64_t next_id;
    sr_diag *diag;
    const char *model_path;  /* --model, or NULL: SITREP_MODEL or the shipped one */
    sr_model *model;         /* mapped on the first document that needs a parse */
    bool parser_missing;     /* the model failed to load (reported once) */
} code_ctx;

/* sitrep's own parse of a document (the syntax stage). */
static bool parse_doc(code_ctx *cx, sr_doc *doc)
{
    if (!cx->model && !cx->parser_missing) {
        cx->model = sr_model_load(cx->model_path, cx->diag);
        cx->parser_missing = cx->model == NULL;
    }
    return cx->model && sr_syntax_parse(cx->model, doc) == SR_OK;
}

/* GDELT rows are numbered across the run. A row is first written with the
 * id 0 (workers do not know how many events came before their document);
 * the writer, in input order, gives each row its number (renumber()). */
static void write_events(code_ctx *cx, sr_doc *doc, sr_event *ev, size_t n, sr_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        switch (cx->to) {
        case OUT_GDELT:
            sr_event_to_gdelt(doc, &ev[i], 0, out);
            break;
        case OUT_PLOVER:
            sr_event_to_plover(doc, &ev[i], out);
            break;
        default:
            sr_event_to_json(doc, &ev[i], out);
        }
        sr_buf_putc(out, '\n');
    }
}

static void code_one(code_ctx *cx, sr_doc *doc, bool parsed, sr_buf *out)
{
    if (!parsed) {
        if (!doc->words)
            sr_text_analyze(doc);
        if (!parse_doc(cx, doc))
            return;   /* the model's loader reported why, once */
    }
    sr_event *ev;
    size_t n = sr_code_doc(cx->coder, doc, &ev);
    write_events(cx, doc, ev, n, out);
}

/* Write a document's output; GDELT rows ("0\t...") get their run-wide id. */
static void emit(code_ctx *cx, const sr_buf *b)
{
    if (cx->to != OUT_GDELT) {
        sr_cli_write(b);
        return;
    }
    sr_buf o;
    sr_buf_init(&o);
    const char *p = b->data, *end = b->data + b->len;
    while (p && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl + 1 : end;
        if (e - p >= 2 && p[0] == '0' && p[1] == '\t') {
            sr_buf_printf(&o, "%llu", (unsigned long long)++cx->next_id);
            p++;
        }
        sr_buf_put(&o, p, (size_t)(e - p));
        p = e;
    }
    sr_cli_write(&o);
    sr_buf_free(&o);
}

/* The pool's work and writer (sr_run_ordered): the model is loaded before
 * the run, so workers only read shared state. */
static void work_doc(sr_doc *doc, sr_buf *out, void *ctx)
{
    code_one(ctx, doc, false, out);
}

static bool write_doc(const sr_buf *out, void *ctx)
{
    emit(ctx, out);
    return true;
}

static int parse_paths(char *arg, const char **out, size_t cap)
{
    size_t n = 0;
    char *save = NULL;
    for (char *t = strtok_r(arg, ",", &save); t && n < cap; t = strtok_r(NULL, ",", &save))
        out[n++] = t;
    return (int)n;
}

static bool valid_date(const char *s)
{
    return strlen(s) == 10 && s[4] == '-' && s[7] == '-';
}

/* Read a whole file (or stdin for "-"). */
static char *slurp(const char *path, size_t *len, sr_diag *diag)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        sr_error(diag, path, "cannot open");
        return NULL;
    }
    size_t cap = 1 << 16, n = 0, k;
    char *buf = malloc(cap);
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return buf;
}

int sr_cmd_code(int argc, char **argv)
{
    enum { O_INPUT = 256, O_GIVEN, O_DATE, O_VERBS, O_ACTORS, O_AGENTS, O_DISCARDS,
           O_ISSUES, O_OPTIONS, O_DICT, O_STRICT, O_TO, O_EXPLAIN, O_PETRARCH, O_NODYAD, O_DYADS, O_MODEL };
    static const struct option longopts[] = {
        {"input", required_argument, NULL, O_INPUT},
        {"format", required_argument, NULL, O_INPUT},
        {"given-parse", no_argument, NULL, O_GIVEN},
        {"date", required_argument, NULL, O_DATE},
        {"verbs", required_argument, NULL, O_VERBS},
        {"actors", required_argument, NULL, O_ACTORS},
        {"agents", required_argument, NULL, O_AGENTS},
        {"discards", required_argument, NULL, O_DISCARDS},
        {"issues", required_argument, NULL, O_ISSUES},
        {"options", required_argument, NULL, O_OPTIONS},
        {"dict", required_argument, NULL, O_DICT},
        {"strict", no_argument, NULL, O_STRICT},
        {"to", required_argument, NULL, O_TO},
        {"explain", no_argument, NULL, O_EXPLAIN},
        {"petrarch", no_argument, NULL, O_PETRARCH},
        {"no-dyad", no_argument, NULL, O_NODYAD},
        {"dyads-only", no_argument, NULL, O_DYADS},
        {"model", required_argument, NULL, O_MODEL},
        {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int jobs = 1;
    sr_dict_files files = {0};
    const char *actors[32];
    const char *input = "auto", *compiled = NULL;
    bool given = false;
    sr_read_options ropt = {0};
    sr_code_options copt;
    sr_code_options_default(&copt);
    code_ctx cx = {0};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":hj:", longopts, NULL)) != -1) {
        switch (c) {
        case O_INPUT: input = optarg; break;
        case O_GIVEN: given = true; break;
        case O_DATE:
            if (!valid_date(optarg))
                return sr_cli_usage_error("code", "--date wants YYYY-MM-DD, not '%s'", optarg);
            ropt.date = optarg;
            break;
        case O_VERBS: files.verbs = optarg; break;
        case O_ACTORS:
            files.nactors += (size_t)parse_paths(optarg, actors + files.nactors,
                                                 32 - files.nactors);
            break;
        case O_AGENTS: files.agents = optarg; break;
        case O_DISCARDS: files.discards = optarg; break;
        case O_ISSUES: files.issues = optarg; break;
        case O_OPTIONS: files.options = optarg; break;
        case O_DICT: compiled = optarg; break;
        case O_STRICT: files.strict = true; break;
        case O_TO:
            if (strcmp(optarg, "jsonl") == 0)
                cx.to = OUT_JSONL;
            else if (strcmp(optarg, "gdelt") == 0)
                cx.to = OUT_GDELT;
            else if (strcmp(optarg, "plover") == 0)
                cx.to = OUT_PLOVER;
            else
                return sr_cli_usage_error("code", "--to wants jsonl, gdelt or plover, not '%s'", optarg);
            break;
        case O_EXPLAIN: copt.explain = true; break;
        case O_PETRARCH: copt.petrarch = true; break;
        case O_NODYAD: copt.require_dyad = false; break;
        case O_DYADS: copt.one_sided = false; break;
        case O_MODEL: cx.model_path = optarg; break;
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || j < 1 || j > 256)
                return sr_cli_usage_error("code", "-j wants a number of threads from 1 to 256, not '%s'", optarg);
            jobs = (int)j;
            break;
        }
        case 'h': fputs(help, stdout); return SR_EXIT_OK;
        case ':': return sr_cli_usage_error("code", "option '%s' needs an argument", argv[optind - 1]);
        default: return sr_cli_usage_error("code", "unknown option '%s'", argv[optind - 1]);
        }
    }
    files.actors = actors;
    bool records = strcmp(input, "petrarch") == 0 || strcmp(input, "tabari") == 0;
    bool conllu = strcmp(input, "conllu") == 0;
    int fmt = 0;
    if (!records && !conllu && (fmt = sr_cli_format(input)) < 0)
        return sr_cli_usage_error("code", "unknown format '%s' (" SR_CLI_FORMATS
                                  ", conllu, petrarch, tabari)", input);
    ropt.format = (sr_format)fmt;

    sr_diag diag = {0};
    cx.diag = &diag;
    sr_dict *dict = NULL;
    if (compiled) {
        dict = sr_dict_load(compiled, &diag);
    } else if (files.verbs || files.nactors || files.agents) {
        dict = sr_dict_open(&files, &diag);
    } else {
        dict = sr_own_default_dict(&diag);   /* the shipped knowledge base */
    }
    if (!dict)
        return SR_EXIT_INPUT;
    sr_coder *coder = sr_coder_new(dict, &copt, &diag);
    if (!coder) {
        sr_dict_free(dict);
        return SR_EXIT_INPUT;
    }
    cx.coder = coder;
    static const char *const stdin_only[] = {"-"};
    const char *const *paths = optind < argc ? (const char *const *)argv + optind : stdin_only;
    size_t npaths = optind < argc ? (size_t)(argc - optind) : 1;
    sr_buf out;
    sr_buf_init(&out);
    if (records) {
        for (size_t p = 0; p < npaths; p++) {
            sr_records *r = sr_records_open(paths[p], input[0] == 'p' ? SR_RECORDS_PETRARCH
                                                                      : SR_RECORDS_TABARI,
                                            given, &diag);
            if (!r)
                continue;
            sr_record rec;
            while (sr_records_next(r, &rec)) {
                sr_buf_reset(&out);
                code_one(&cx, rec.doc, rec.parsed, &out);
                emit(&cx, &out);
                sr_doc_free(rec.doc);
            }
            sr_records_close(r);
        }
    } else if (conllu) {
        for (size_t p = 0; p < npaths; p++) {
            size_t len;
            char *text = slurp(paths[p], &len, &diag);
            if (!text)
                continue;
            sr_conllu_reader *r = sr_conllu_open(paths[p], text, len, false, &diag);
            sr_doc *d;
            while ((d = sr_conllu_next(r)) != NULL) {
                if (!d->published && ropt.date)
                    d->published = ropt.date;
                sr_buf_reset(&out);
                code_one(&cx, d, true, &out);
                emit(&cx, &out);
                sr_doc_free(d);
            }
            sr_conllu_close(r);
            free(text);
        }
    } else {
        sr_input *in = sr_input_open(paths, npaths, &ropt, &diag);
        if (jobs > 1) {
            /* workers share the model: map it before they start */
            cx.model = sr_model_load(cx.model_path, &diag);
            cx.parser_missing = cx.model == NULL;
        }
        sr_run_ordered(in, jobs, work_doc, &cx, write_doc, &cx);
        sr_input_close(in);
    }
    sr_buf_free(&out);
    sr_model_free(cx.model);
    sr_coder_free(coder);
    sr_dict_free(dict);
    return sr_cli_status(&diag);
}
