/*
 * seeds.c — `sitrep eval seeds GOLD.tsv [SEEDS...]`: which of the events a
 * human coder found in the seed articles sitrep finds, which it misses, and
 * what else it codes.
 *
 * The gold file (bench/gold/seeds.tsv) is the project's own hand coding:
 * file, source, PLOVER type, CAMEO code, target, words. An expected event is
 * found when an event of the same article has the same PLOVER type (or, for
 * STATEMENT, a CAMEO code of root 01), a source whose code starts with the
 * gold source, and, when the gold names one, a target whose code starts
 * with the gold target. Each coded event answers at most one expected event
 * (the first it fits, in the file's order). Coded events that answer none
 * are listed as extra: some are mistakes, some are events the gold leaves
 * out; the list is there for a person to judge.
 *
 * The articles are read like `sitrep code` reads them (plain text) and
 * coded here, or the events come from a `sitrep code` run (--events) over
 * the same files, matched to articles through the document ids `sitrep
 * read` gives those files.
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

int sr_eval_seeds_main(int argc, char **argv);

static const char help[] =
    "usage: sitrep eval seeds [OPTIONS] GOLD.tsv SEED_FILE...\n"
    "\n"
    "Code the seed articles and report which hand-coded events of GOLD.tsv\n"
    "(bench/gold/seeds.tsv) sitrep finds, which it misses, and the events it\n"
    "codes that the gold does not list. An article's gold rows are those whose\n"
    "first column is the start of the article's file name.\n"
    "\n"
    "options:\n"
    "  --verbs F  --actors F[,F...]  --agents F  --discards F\n"
    "                   dictionaries; default: the shipped knowledge base\n"
    "  --dict F         a compiled dictionary\n"
    "  --events F       take the events of a `sitrep code` run over the same\n"
    "                   files (JSON Lines) instead of coding here\n"
    "  --date D         publication date of the articles (default 2026-01-30)\n"
    "  --no-dyad        also code events with only a source or a target (as\n"
    "                   `sitrep code --no-dyad`); the gold has such events\n"
    "  --dyads-only     code events with both sides only (as `sitrep code\n"
    "                   --dyads-only`)\n"
    "  -h, --help       show this help\n";

typedef struct gold {
    char file[16], source[24], plover[16], cameo[8], target[24];
    char *words;
    bool found;
    char by[160];
} gold;

typedef struct event {
    char file[16];
    char source[24], target[24], cameo[8], plover[16];
    char *text;
    bool used;
} event;

typedef struct evset {
    event *v;
    size_t n, cap;
} evset;

static gold *load_gold(const char *path, size_t *n, sr_diag *diag)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        sr_error(diag, path, "cannot open");
        return NULL;
    }
    gold *v = NULL;
    size_t k = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    unsigned lineno = 0;
    while (getline(&line, &lcap, f) > 0) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *col[6] = {0};
        int nc = 0;
        for (char *p = line, *t; nc < 6 && (t = strsep(&p, "\t")) != NULL;)
            col[nc++] = t;
        if (nc != 6) {
            char where[1024];
            snprintf(where, sizeof where, "%s:%u", path, lineno);
            sr_error(diag, where, "expected 6 tab-separated columns, found %d", nc);
            continue;
        }
        if (k == cap) {
            cap = cap ? cap * 2 : 64;
            v = sr_xrealloc(v, cap * sizeof *v);
        }
        gold *g = &v[k++];
        memset(g, 0, sizeof *g);
        snprintf(g->file, sizeof g->file, "%s", col[0]);
        snprintf(g->source, sizeof g->source, "%s", col[1]);
        snprintf(g->plover, sizeof g->plover, "%s", col[2]);
        snprintf(g->cameo, sizeof g->cameo, "%s", col[3]);
        snprintf(g->target, sizeof g->target, "%s", strcmp(col[4], "-") ? col[4] : "");
        g->words = sr_xstrdup(col[5]);
    }
    free(line);
    fclose(f);
    *n = k;
    return v;
}

static void add_event(evset *s, const char *file, const char *src,
                      const char *tgt, const char *cameo, const char *plover,
                      const char *text)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->v = sr_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    event *e = &s->v[s->n++];
    memset(e, 0, sizeof *e);
    snprintf(e->file, sizeof e->file, "%s", file);
    snprintf(e->source, sizeof e->source, "%s", src ? src : "");
    snprintf(e->target, sizeof e->target, "%s", tgt ? tgt : "");
    snprintf(e->cameo, sizeof e->cameo, "%s", cameo ? cameo : "");
    snprintf(e->plover, sizeof e->plover, "%s", plover ? plover : "");
    e->text = sr_xstrdup(text ? text : "");
}

/* The gold file key of a path: the start of its file name. */
static bool file_matches(const char *path, const char *key)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return strncmp(base, key, strlen(key)) == 0;
}

static bool code_files(sr_dict *dict, char **paths, int npaths,
                       const char *date, bool dyad, bool one_sided, evset *out, sr_diag *diag)
{
    sr_code_options opt;
    sr_code_options_default(&opt);
    opt.require_dyad = dyad;
    opt.one_sided = one_sided;
    sr_coder *c = sr_coder_new(dict, &opt, diag);
    if (!c)
        return false;
    sr_read_options ropt = {.format = SR_FORMAT_TEXT, .date = date};
    sr_input *in = sr_input_open((const char *const *)paths, (size_t)npaths,
                                 &ropt, diag);
    sr_doc *doc;
    bool ok = true;
    while ((doc = sr_input_next(in)) != NULL) {
        if (sr_text_analyze(doc) != SR_OK || !sr_eval_parse(doc, diag)) {
            ok = false;   /* the model's loader said why */
        } else {
            sr_event *ev;
            size_t ne = sr_code_doc(c, doc, &ev);
            const char *base = strrchr(doc->path, '/');
            base = base ? base + 1 : doc->path;
            for (size_t k = 0; k < ne; k++) {
                const sr_sentence *s = &doc->sentences[ev[k].sent];
                char *text = sr_arena_strndup(doc->arena, doc->body + s->start,
                                              s->end - s->start);
                add_event(out, base, ev[k].source.code, ev[k].target.code,
                          ev[k].cameo, ev[k].plover, text);
            }
        }
        sr_doc_free(doc);
    }
    sr_input_close(in);
    sr_coder_free(c);
    return ok;
}

/* Events of a `sitrep code` run: `doc` ids are matched to files through the
 * ids `sitrep read` gives the same files. */
static bool read_events(const char *path, char **paths, int npaths,
                        const char *date, evset *out, sr_diag *diag)
{
    /* doc id -> file name */
    char ids[64][64], names[64][256];
    int nid = 0;
    sr_read_options ropt = {.format = SR_FORMAT_TEXT, .date = date};
    sr_input *in = sr_input_open((const char *const *)paths, (size_t)npaths,
                                 &ropt, diag);
    sr_doc *doc;
    while ((doc = sr_input_next(in)) != NULL) {
        sr_doc_assign_id(doc);
        if (nid < 64) {
            const char *base = strrchr(doc->path, '/');
            snprintf(ids[nid], sizeof ids[nid], "%s", doc->id);
            snprintf(names[nid], sizeof names[nid], "%s", base ? base + 1 : doc->path);
            nid++;
        }
        sr_doc_free(doc);
    }
    sr_input_close(in);
    FILE *f = fopen(path, "r");
    if (!f) {
        sr_error(diag, path, "cannot open");
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_error_t err;
        json_t *e = json_loads(line, 0, &err);
        if (!e)
            continue;
        const char *id = json_string_value(json_object_get(e, "doc"));
        for (int i = 0; id && i < nid; i++)
            if (!strcmp(ids[i], id))
                add_event(out, names[i],
                          json_string_value(json_object_get(json_object_get(e, "source"), "code")),
                          json_string_value(json_object_get(json_object_get(e, "target"), "code")),
                          json_string_value(json_object_get(e, "cameo")),
                          json_string_value(json_object_get(e, "plover")),
                          json_string_value(json_object_get(e, "text")));
        json_decref(e);
    }
    free(line);
    fclose(f);
    return true;
}

static bool fits(const gold *g, const event *e)
{
    if (!file_matches(e->file, g->file))
        return false;
    bool type = !strcmp(g->plover, "STATEMENT") ? strncmp(e->cameo, "01", 2) == 0
                                                : !strcmp(g->plover, e->plover);
    if (!type || strncmp(e->source, g->source, strlen(g->source)) != 0 || !*e->source)
        return false;
    return !*g->target || (*e->target && strncmp(e->target, g->target, strlen(g->target)) == 0);
}

static void report(gold *g, size_t ng, evset *ev)
{
    unsigned found = 0;
    for (size_t i = 0; i < ng; i++)
        for (size_t k = 0; k < ev->n; k++)
            if (!ev->v[k].used && fits(&g[i], &ev->v[k])) {
                ev->v[k].used = true;
                g[i].found = true;
                snprintf(g[i].by, sizeof g[i].by, "%s %s %s>%s", ev->v[k].cameo,
                         ev->v[k].plover, ev->v[k].source,
                         *ev->v[k].target ? ev->v[k].target : "-");
                found++;
                break;
            }
    printf("expected events found: %u of %zu (%.1f%%); events coded: %zu, "
           "of which %zu answer no expected event\n\n", found, ng,
           ng ? 100.0 * found / ng : 0.0, ev->n, ev->n - found);
    for (size_t i = 0; i < ng; i++)
        printf("%s %s  %-7s %-9s %-7s -> %-7s  %s%s%s\n", g[i].found ? "FOUND" : "MISSED",
               g[i].file, g[i].source, g[i].plover, g[i].cameo,
               *g[i].target ? g[i].target : "-", g[i].words,
               g[i].found ? "  [" : "", g[i].found ? g[i].by : "");
    printf("\nextra events:\n");
    for (size_t k = 0; k < ev->n; k++)
        if (!ev->v[k].used)
            printf("EXTRA %.3s %s %s %s>%s | %.160s\n", ev->v[k].file, ev->v[k].cameo,
                   ev->v[k].plover[0] ? ev->v[k].plover : "-", ev->v[k].source,
                   *ev->v[k].target ? ev->v[k].target : "-", ev->v[k].text);
}

static int split_list(char *arg, const char **out, int cap)
{
    int n = 0;
    for (char *t = strtok(arg, ","); t && n < cap; t = strtok(NULL, ","))
        out[n++] = t;
    return n;
}

int sr_eval_seeds_main(int argc, char **argv)
{
    enum { O_VERBS = 256, O_ACTORS, O_AGENTS, O_DISCARDS, O_DICT, O_EVENTS, O_DATE,
           O_NODYAD, O_DYADS };
    static const struct option longopts[] = {
        {"verbs", required_argument, NULL, O_VERBS},
        {"actors", required_argument, NULL, O_ACTORS},
        {"agents", required_argument, NULL, O_AGENTS},
        {"discards", required_argument, NULL, O_DISCARDS},
        {"dict", required_argument, NULL, O_DICT},
        {"events", required_argument, NULL, O_EVENTS},
        {"date", required_argument, NULL, O_DATE},
        {"no-dyad", no_argument, NULL, O_NODYAD},
        {"dyads-only", no_argument, NULL, O_DYADS},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *actors[16];
    sr_dict_files files = {.actors = actors};
    const char *compiled = NULL, *events = NULL, *date = "2026-01-30";
    bool dyad = true, one_sided = true;
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
        case O_DATE: date = optarg; break;
        case O_NODYAD: dyad = false; break;
        case O_DYADS: one_sided = false; break;
        default:
            fprintf(stderr, "sitrep eval seeds: bad option '%s'\n", argv[optind - 1]);
            return 2;
        }
    }
    if (argc - optind < 2) {
        fprintf(stderr, "sitrep eval seeds: give the gold file and the seed files "
                        "(see --help)\n");
        return 2;
    }
    sr_diag diag = {0};
    size_t ng = 0;
    gold *g = load_gold(argv[optind], &ng, &diag);
    if (!g)
        return 1;
    char **paths = argv + optind + 1;
    int npaths = argc - optind - 1;
    evset ev = {0};
    bool ok;
    if (events) {
        ok = read_events(events, paths, npaths, date, &ev, &diag);
    } else {
        sr_dict *dict = compiled ? sr_dict_load(compiled, &diag)
                        : files.verbs || files.nactors || files.agents
                            ? sr_dict_open(&files, &diag)
                            : sr_own_default_dict(&diag);
        ok = dict && code_files(dict, paths, npaths, date, dyad, one_sided, &ev, &diag);
        sr_dict_free(dict);
    }
    if (ok)
        report(g, ng, &ev);
    for (size_t i = 0; i < ng; i++)
        free(g[i].words);
    free(g);
    for (size_t k = 0; k < ev.n; k++)
        free(ev.v[k].text);
    free(ev.v);
    return ok && !diag.errors ? 0 : 1;
}
