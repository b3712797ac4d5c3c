/*
 * plover.c — `sitrep eval plover GOLD.txt`: the shipped knowledge base (or
 * any dictionaries) against the PLOVER gold-standard records.
 *
 * The gold file is PLOVER's JSON array of coded English sentences (the
 * CAMEO manual's news examples, PLOVER 0.5 names). Each record becomes one
 * document: its `id`, its `text` as the body and its `date` as the
 * published date, run through the same stages as `sitrep code` (text,
 * parse, code) with the chosen dictionaries. Or, with --events, the events
 * are read from a `sitrep code` run over the documents that --emit writes,
 * so the scoring can be checked on any coder output.
 *
 * Scores, per sentence (a record is one sentence):
 *   type    the gold event type is among the sentence's events' PLOVER
 *           types (PLOVER 0.5 names mapped to the 2021 table: DEMAND is
 *           REQUEST, DISAPPROVE and INVESTIGATE are ACCUSE, FIGHT is
 *           ASSAULT);
 *   source  a gold source country (first three letters of its code) is
 *           among the events' source countries;
 *   both    one event has the gold type and a gold source;
 * a record whose gold event is NONE (a probe sentence that states no
 * event: "fans took to the streets to celebrate the title") scores all
 * three when the sentence has no event, none when it has one;
 * and the mean number of events per sentence. The records are also split
 * by position (every third record, counting from the first, is held out)
 * so that a figure on sentences never looked at while writing the
 * dictionaries is printed beside the figure on all of them.
 */
#include "eval.h"
#include "sitrep.h"
#include "../core/internal.h"
#include "../lexicon/dict.h"
#include "../lexicon/own.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sr_eval_plover_main(int argc, char **argv);

static const char help[] =
    "usage: sitrep eval plover [OPTIONS] GOLD.txt\n"
    "\n"
    "Code the PLOVER gold-standard sentences (a JSON array of records with\n"
    "id, text, date, event, source) and print how often the gold event type\n"
    "and the gold source country are among each sentence's events, and the\n"
    "events per sentence; for all records, the development part and the\n"
    "held-out part (every third record). A record whose event is NONE\n"
    "counts as found when the sentence has no event.\n"
    "\n"
    "options:\n"
    "  --verbs F  --actors F[,F...]  --agents F  --discards F\n"
    "                   dictionaries (PETRARCH-2, PETRARCH-1 or TABARI);\n"
    "                   default: the shipped knowledge base\n"
    "  --dict F         a compiled dictionary\n"
    "  --events F       score the events of a `sitrep code` run (JSON Lines)\n"
    "                   instead of coding here\n"
    "  --emit           write the records as JSON Lines documents for\n"
    "                   `sitrep code --input jsonl` and stop\n"
    "  --no-dyad        also count events with only a source or a target\n"
    "                   (as `sitrep code --no-dyad`)\n"
    "  --dyads-only     count events with both sides only (as `sitrep code\n"
    "                   --dyads-only`)\n"
    "  --list           print every development sentence (not the held-out\n"
    "                   ones, so that they stay unread) with its gold and\n"
    "                   found events\n"
    "  --list-all       the same for every sentence, held-out ones included\n"
    "  -h, --help       show this help\n";

/* ------------------------------------------------------------------------ */
/* Gold records                                                              */
/* ------------------------------------------------------------------------ */

typedef struct found {
    char plover[16];
    char src[4];             /* source country ("" when none) */
    char code[8];
    char src_code[24], tgt_code[24];
} found;

typedef struct record {
    char *id, *text, *date;
    char type[16];           /* gold type, 2021 name */
    char srcs[8][4];         /* gold source countries */
    int nsrcs;
    found *ev;
    size_t nev, cap;
} record;

static const char *type_2021(const char *t)
{
    if (!strcmp(t, "DEMAND"))
        return "REQUEST";
    if (!strcmp(t, "DISAPPROVE") || !strcmp(t, "INVESTIGATE"))
        return "ACCUSE";
    if (!strcmp(t, "FIGHT"))
        return "ASSAULT";
    return t;
}

static void country_of(const char *code, char out[4])
{
    snprintf(out, 4, "%.3s", code ? code : "");
}

static record *load_gold(const char *path, size_t *n, sr_diag *diag)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root || !json_is_array(root)) {
        sr_error(diag, path, "line %d: not a JSON array of records: %s",
                 err.line, root ? "not an array" : err.text);
        json_decref(root);
        return NULL;
    }
    record *v = sr_xcalloc(json_array_size(root) + 1, sizeof *v);
    size_t k = 0, i;
    json_t *r;
    json_array_foreach(root, i, r) {
        const char *id = json_string_value(json_object_get(r, "id"));
        const char *text = json_string_value(json_object_get(r, "text"));
        const char *ev = json_string_value(json_object_get(r, "event"));
        const char *date = json_string_value(json_object_get(r, "date"));
        if (!id || !text || !ev || !strcmp(ev, "DOCUMENT"))
            continue;
        record *x = &v[k++];
        x->id = sr_xstrdup(id);
        x->text = sr_xstrdup(text);
        x->date = sr_xstrdup(date ? date : "");
        snprintf(x->type, sizeof x->type, "%s", type_2021(ev));
        json_t *src = json_object_get(r, "source"), *s;
        size_t j;
        json_array_foreach(src, j, s) {
            if (x->nsrcs == 8)
                break;
            const char *c = json_string_value(json_object_get(s, "code"));
            if (c && *c)
                country_of(c, x->srcs[x->nsrcs++]);
        }
    }
    json_decref(root);
    *n = k;
    return v;
}

static void free_gold(record *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].text);
        free(v[i].date);
        free(v[i].ev);
    }
    free(v);
}

static void add_found(record *x, const char *plover, const char *cameo,
                      const char *src, const char *tgt)
{
    if (x->nev == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 4;
        x->ev = sr_xrealloc(x->ev, x->cap * sizeof *x->ev);
    }
    found *f = &x->ev[x->nev++];
    memset(f, 0, sizeof *f);
    snprintf(f->plover, sizeof f->plover, "%s", plover ? plover : "");
    snprintf(f->code, sizeof f->code, "%s", cameo ? cameo : "");
    snprintf(f->src_code, sizeof f->src_code, "%s", src ? src : "");
    snprintf(f->tgt_code, sizeof f->tgt_code, "%s", tgt ? tgt : "");
    country_of(src, f->src);
}

static record *find_record(record *v, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].id, id))
            return &v[i];
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Events: coded here, or read from a `sitrep code` run                      */
/* ------------------------------------------------------------------------ */

static void emit_docs(const record *v, size_t n)
{
    sr_buf b;
    sr_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        sr_buf_reset(&b);
        sr_buf_puts(&b, "{\"id\":");
        sr_json_cstr(&b, v[i].id);
        sr_buf_puts(&b, ",\"text\":");
        sr_json_cstr(&b, v[i].text);
        sr_buf_puts(&b, ",\"published\":");
        sr_json_cstr(&b, v[i].date);
        sr_buf_puts(&b, "}\n");
        fwrite(b.data, 1, b.len, stdout);
    }
    sr_buf_free(&b);
}

static bool read_events(const char *path, record *v, size_t n, sr_diag *diag)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        sr_error(diag, path, "cannot open");
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0;
    while (getline(&line, &cap, f) > 0) {
        lineno++;
        json_error_t err;
        json_t *e = json_loads(line, 0, &err);
        if (!e) {
            char where[1024];
            snprintf(where, sizeof where, "%s:%u", path, lineno);
            sr_error(diag, where, "not a JSON event: %s", err.text);
            continue;
        }
        const char *doc = json_string_value(json_object_get(e, "doc"));
        record *x = doc ? find_record(v, n, doc) : NULL;
        if (x)
            add_found(x, json_string_value(json_object_get(e, "plover")),
                      json_string_value(json_object_get(e, "cameo")),
                      json_string_value(json_object_get(
                          json_object_get(e, "source"), "code")),
                      json_string_value(json_object_get(
                          json_object_get(e, "target"), "code")));
        json_decref(e);
    }
    free(line);
    fclose(f);
    return true;
}

static bool code_here(sr_dict *dict, record *v, size_t n, bool dyad, bool one_sided,
                      sr_diag *diag)
{
    sr_code_options opt;
    sr_code_options_default(&opt);
    opt.require_dyad = dyad;
    opt.one_sided = one_sided;
    sr_coder *c = sr_coder_new(dict, &opt, diag);
    if (!c)
        return false;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        sr_doc *doc = sr_doc_new();
        doc->id = sr_arena_strdup(doc->arena, v[i].id);
        doc->published = sr_arena_strdup(doc->arena, v[i].date);
        sr_doc_set_body(doc, v[i].text, strlen(v[i].text));
        if (sr_text_analyze(doc) != SR_OK || !sr_eval_parse(doc, diag)) {
            ok = false;   /* the model's loader said why */
        } else {
            sr_event *ev;
            size_t ne = sr_code_doc(c, doc, &ev);
            for (size_t k = 0; k < ne; k++)
                add_found(&v[i], ev[k].plover, ev[k].cameo, ev[k].source.code,
                          ev[k].target.code);
        }
        sr_doc_free(doc);
    }
    sr_coder_free(c);
    return ok;
}

/* ------------------------------------------------------------------------ */
/* Scores                                                                    */
/* ------------------------------------------------------------------------ */

typedef struct score {
    unsigned n, type, source, both, events, covered;
} score;

static void judge(const record *x, bool *type, bool *source, bool *both)
{
    *type = *source = *both = false;
    if (!strcmp(x->type, "NONE")) {
        *type = *source = *both = x->nev == 0;
        return;
    }
    for (size_t k = 0; k < x->nev; k++) {
        bool t = !strcmp(x->ev[k].plover, x->type);
        bool s = false;
        for (int j = 0; j < x->nsrcs; j++)
            if (!strcmp(x->ev[k].src, x->srcs[j]))
                s = true;
        *type |= t;
        *source |= s;
        *both |= t && s;
    }
}

static void print_row(const char *name, const score *s)
{
    double n = s->n ? s->n : 1;
    printf("%-9s %4u  %6.1f%% (%3u)  %6.1f%% (%3u)  %6.1f%% (%3u)  %5.2f  %6.1f%%\n",
           name, s->n, 100.0 * s->type / n, s->type, 100.0 * s->source / n,
           s->source, 100.0 * s->both / n, s->both, s->events / n,
           100.0 * s->covered / n);
}

/* list: 0 none, 1 the development records, 2 all */
static void report(const record *v, size_t n, int list)
{
    score all = {0}, dev = {0}, held = {0};
    for (size_t i = 0; i < n; i++) {
        bool t, s, b;
        judge(&v[i], &t, &s, &b);
        score *part = i % 3 == 0 ? &held : &dev;
        score *sets[2] = {&all, part};
        for (int k = 0; k < 2; k++) {
            sets[k]->n++;
            sets[k]->type += t;
            sets[k]->source += s;
            sets[k]->both += b;
            sets[k]->events += (unsigned)v[i].nev;
            sets[k]->covered += v[i].nev > 0;
        }
        if (list == 2 || (list == 1 && i % 3 != 0)) {
            printf("%s %s [%s%s%s] gold %s from", i % 3 == 0 ? "H" : "D",
                   v[i].id, t ? "T" : "-", s ? "S" : "-", b ? "B" : "-",
                   v[i].type);
            for (int j = 0; j < v[i].nsrcs; j++)
                printf(" %s", v[i].srcs[j]);
            printf(" | found");
            for (size_t k = 0; k < v[i].nev; k++)
                printf(" %s:%s(%s>%s)", v[i].ev[k].code,
                       v[i].ev[k].plover[0] ? v[i].ev[k].plover : "-",
                       v[i].ev[k].src_code, v[i].ev[k].tgt_code);
            printf(" | %s\n", v[i].text);
        }
    }
    printf("part      sents   gold type        gold source      both             ev/sent coded\n");
    print_row("all", &all);
    print_row("dev", &dev);
    print_row("held-out", &held);
}

/* ------------------------------------------------------------------------ */

static int split_list(char *arg, const char **out, int cap)
{
    int n = 0;
    for (char *t = strtok(arg, ","); t && n < cap; t = strtok(NULL, ","))
        out[n++] = t;
    return n;
}

int sr_eval_plover_main(int argc, char **argv)
{
    enum { O_VERBS = 256, O_ACTORS, O_AGENTS, O_DISCARDS, O_DICT, O_EVENTS,
           O_EMIT, O_LIST, O_LIST_ALL, O_NODYAD, O_DYADS };
    static const struct option longopts[] = {
        {"verbs", required_argument, NULL, O_VERBS},
        {"actors", required_argument, NULL, O_ACTORS},
        {"agents", required_argument, NULL, O_AGENTS},
        {"discards", required_argument, NULL, O_DISCARDS},
        {"dict", required_argument, NULL, O_DICT},
        {"events", required_argument, NULL, O_EVENTS},
        {"emit", no_argument, NULL, O_EMIT},
        {"list", no_argument, NULL, O_LIST},
        {"list-all", no_argument, NULL, O_LIST_ALL},
        {"no-dyad", no_argument, NULL, O_NODYAD},
        {"dyads-only", no_argument, NULL, O_DYADS},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *actors[16];
    sr_dict_files files = {.actors = actors};
    const char *compiled = NULL, *events = NULL;
    bool emit = false, dyad = true, one_sided = true;
    int list = 0;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(help, stdout); return 0;
        case O_VERBS: files.verbs = optarg; break;
        case O_ACTORS:
            files.nactors += (size_t)split_list(optarg, actors + files.nactors,
                                                16 - (int)files.nactors);
            break;
        case O_AGENTS: files.agents = optarg; break;
        case O_DISCARDS: files.discards = optarg; break;
        case O_DICT: compiled = optarg; break;
        case O_EVENTS: events = optarg; break;
        case O_EMIT: emit = true; break;
        case O_LIST: list = 1; break;
        case O_LIST_ALL: list = 2; break;
        case O_NODYAD: dyad = false; break;
        case O_DYADS: one_sided = false; break;
        default:
            fprintf(stderr, "sitrep eval plover: bad option '%s'\n", argv[optind - 1]);
            return 2;
        }
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "sitrep eval plover: give one gold file (see --help)\n");
        return 2;
    }
    sr_diag diag = {0};
    size_t n = 0;
    record *v = load_gold(argv[optind], &n, &diag);
    if (!v)
        return 1;
    int status = 0;
    if (emit) {
        emit_docs(v, n);
    } else if (events) {
        if (!read_events(events, v, n, &diag))
            status = 1;
        else
            report(v, n, list);
    } else {
        sr_dict *dict = compiled ? sr_dict_load(compiled, &diag)
                        : files.verbs || files.nactors || files.agents
                            ? sr_dict_open(&files, &diag)
                            : sr_own_default_dict(&diag);
        if (!dict || !code_here(dict, v, n, dyad, one_sided, &diag))
            status = 1;
        else
            report(v, n, list);
        sr_dict_free(dict);
    }
    free_gold(v, n);
    return status ? status : diag.errors ? 1 : 0;
}
