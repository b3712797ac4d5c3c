/*
 * metadata.c — `sitrep eval metadata DIR...`: how well the HTML reader finds
 * a page's title, publication date and author, and keeps the right text in
 * its body, against hand-checked gold.
 *
 * Two gold layouts are understood, told apart by the file found in DIR:
 *
 *   eval_mediacloud_2020-subset.json   (htmldate's Media Cloud set)
 *       URL -> {"file": "ID.html", "date": "YYYY-MM-DD"}
 *       scored: date accuracy.
 *   evaldata-subset.json               (trafilatura's evaluation set)
 *       URL -> {"file", "title", "author", "date", "with": [...],
 *               "without": [...], ...}
 *       scored: title exact after whitespace normalisation; date; author
 *       (the gold name contained in `byline`, ignoring case); the share of
 *       must-have snippets found in `body` and of must-not snippets absent
 *       from it (both after whitespace normalisation).
 *
 * Pages are read from DIR/html/FILE.gz (or DIR/html/FILE) and go through
 * the same entry point the WARC, feed and JSON Lines readers use for HTML
 * (sr_html_read) with the gold URL as the page's address, as a crawler
 * would have it. A date counts when the first ten characters of
 * `published` equal the gold date. Pages that cannot be read count as
 * misses. --verbose prints every miss, so a developer sees what went wrong.
 */
#include "sitrep.h"
#include "../ingest/ingest.h"
#include "../core/internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <zlib.h>

int sr_eval_metadata_main(int argc, char **argv);

typedef struct score {
    unsigned hit, total;
} score;

typedef struct meta_eval {
    bool verbose;
    score title, date, author, with, without;
    unsigned pages, unreadable;
} meta_eval;

/* Read a whole file, gzip or not; false when it cannot be read whole. */
static bool read_file(const char *path, sr_buf *out)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return false;
    char chunk[65536];
    int n;
    while ((n = gzread(gz, chunk, sizeof chunk)) > 0)
        sr_buf_put(out, chunk, (size_t)n);
    int err = 0;
    gzerror(gz, &err);
    gzclose(gz);
    return n == 0 && (err == Z_OK || err == Z_STREAM_END);
}

/* DIR/html/FILE.gz, else DIR/html/FILE. */
static bool load_page(const char *dir, const char *file, sr_buf *out)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/html/%s.gz", dir, file);
    if (read_file(path, out))
        return true;
    sr_buf_reset(out);
    snprintf(path, sizeof path, "%s/html/%s", dir, file);
    return read_file(path, out);
}

/* Whitespace (ASCII and no-break space) collapsed to one space, trimmed;
 * optionally case-folded. A malloc'ed string. */
static char *normalise(const char *s, bool fold)
{
    sr_buf b;
    sr_buf_init(&b);
    bool pending = false;
    for (const char *p = s ? s : ""; *p; p++) {
        bool nbsp = (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0;
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || nbsp) {
            pending = b.len > 0;
            p += nbsp;
            continue;
        }
        if (pending)
            sr_buf_putc(&b, ' ');
        pending = false;
        sr_buf_putc(&b, *p);
    }
    sr_buf_putc(&b, '\0');
    if (!fold)
        return b.data;
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)b.data, 0, &f,
                                      UTF8PROC_NULLTERM | UTF8PROC_CASEFOLD |
                                      UTF8PROC_COMPOSE);
    if (n < 0)
        return b.data;
    sr_buf_free(&b);
    return (char *)f;
}

static bool same_text(const char *gold, const char *got)
{
    char *a = normalise(gold, false), *b = normalise(got, false);
    bool r = strcmp(a, b) == 0;
    free(a);
    free(b);
    return r;
}

static bool contains_text(const char *hay, const char *needle, bool fold)
{
    char *h = normalise(hay, fold), *n = normalise(needle, fold);
    bool r = strstr(h, n) != NULL;
    free(h);
    free(n);
    return r;
}

static bool same_date(const char *gold, const char *got)
{
    return got && strlen(got) >= 10 && strncmp(gold, got, 10) == 0;
}

static void tally(meta_eval *e, score *s, bool hit, const char *file,
                  const char *what, const char *gold, const char *got)
{
    s->total++;
    if (hit)
        s->hit++;
    else if (e->verbose)
        printf("miss %-7s %s\n    gold: %s\n    got:  %s\n", what, file,
               gold, got ? got : "(null)");
}

static void snippets(meta_eval *e, json_t *list, const sr_doc *doc,
                     const char *file, bool want)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        const char *snip = json_string_value(v);
        if (!snip || !*snip)
            continue;
        bool in = contains_text(doc->body, snip, false);
        score *s = want ? &e->with : &e->without;
        s->total++;
        if (in == want)
            s->hit++;
        else if (e->verbose)
            printf("miss %-7s %s\n    %s\n", want ? "with" : "without", file, snip);
    }
}

/* One page: read, extract, compare every gold field it has. */
static void eval_page(meta_eval *e, const char *dir, const char *url,
                      json_t *gold, bool full)
{
    const char *file = json_string_value(json_object_get(gold, "file"));
    const char *date = json_string_value(json_object_get(gold, "date"));
    if (!file)
        return;
    e->pages++;
    sr_buf raw;
    sr_buf_init(&raw);
    sr_doc *doc = sr_doc_new();
    sr_diag quiet = {.quiet = true, .out = NULL};
    bool ok = load_page(dir, file, &raw) &&
              sr_html_read(doc, raw.data ? raw.data : "", raw.len, NULL, url,
                           &quiet, file) == SR_OK;
    if (!ok) {
        e->unreadable++;
        if (e->verbose)
            printf("unreadable %s\n", file);
    }
    if (date)
        tally(e, &e->date, ok && same_date(date, doc->published), file, "date",
              date, doc->published);
    if (full) {
        const char *title = json_string_value(json_object_get(gold, "title"));
        const char *author = json_string_value(json_object_get(gold, "author"));
        if (title)
            tally(e, &e->title, ok && same_text(title, doc->title), file,
                  "title", title, doc->title);
        if (author)
            tally(e, &e->author, ok && doc->byline &&
                  contains_text(doc->byline, author, true), file, "author",
                  author, doc->byline);
        snippets(e, json_object_get(gold, "with"), doc, file, true);
        snippets(e, json_object_get(gold, "without"), doc, file, false);
    }
    sr_doc_free(doc);
    sr_buf_free(&raw);
}

static void print_score(const char *name, const score *s, const char *bar)
{
    if (!s->total)
        return;
    printf("%-26s %4u / %-4u %.3f   (bar %s)\n", name, s->hit, s->total,
           (double)s->hit / s->total, bar);
}

/* Evaluate one corpus folder; false when it holds no known gold file. */
static bool eval_dir(const char *dir, bool verbose)
{
    static const struct {
        const char *file;
        bool full;
    } layouts[] = {
        {"eval_mediacloud_2020-subset.json", false},
        {"evaldata-subset.json", true},
    };
    for (size_t k = 0; k < SR_ARRAY_LEN(layouts); k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, layouts[k].file);
        json_error_t jerr;
        json_t *gold = json_load_file(path, 0, &jerr);
        if (!gold)
            continue;
        meta_eval e = {.verbose = verbose};
        const char *url;
        json_t *rec;
        json_object_foreach(gold, url, rec)
            eval_page(&e, dir, url, rec, layouts[k].full);
        json_decref(gold);
        printf("%s: %u pages (%u unreadable), gold %s\n", dir, e.pages,
               e.unreadable, layouts[k].file);
        print_score("title (exact)", &e.title, ">= 0.90");
        print_score("date", &e.date, layouts[k].full ? ">= 0.90" : ">= 0.92");
        print_score("author (in byline)", &e.author, ">= 0.80");
        print_score("body: must-have present", &e.with, ">= 0.95");
        print_score("body: must-not absent", &e.without, ">= 0.90");
        return true;
    }
    fprintf(stderr, "sitrep eval metadata: %s: no eval_mediacloud_2020-subset.json "
            "or evaldata-subset.json there\n", dir);
    return false;
}

static const char usage[] =
    "usage: sitrep eval metadata [--verbose] DIR...\n"
    "\n"
    "Score the title, publication date, author and body snippets that sitrep\n"
    "extracts from the HTML pages of a gold corpus folder: htmldate's Media\n"
    "Cloud set (DIR/eval_mediacloud_2020-subset.json: date accuracy) or\n"
    "trafilatura's evaluation set (DIR/evaldata-subset.json: title exact after\n"
    "whitespace normalisation, date, author contained in the byline ignoring\n"
    "case, must-have snippets present and must-not snippets absent in the\n"
    "body). Pages are read from DIR/html/FILE.gz.\n"
    "\n"
    "  --verbose   print every miss with the gold value and what sitrep found\n";

int sr_eval_metadata_main(int argc, char **argv)
{
    bool verbose = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0) {
            verbose = true;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else {
            fprintf(stderr, "sitrep eval metadata: unknown option '%s'\n%s", argv[i], usage);
            return 2;
        }
    }
    if (i == argc) {
        fputs(usage, stderr);
        return 2;
    }
    int status = 0;
    for (; i < argc; i++)
        if (!eval_dir(argv[i], verbose))
            status = 1;
    return status;
}
