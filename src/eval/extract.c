/*
 * extract.c — `sitrep eval extract`: article body extraction against the
 * article-extraction benchmark, and the speed of reading HTML pages.
 *
 * The benchmark (a folder with ground-truth.json, {key: {"articleBody",
 * "url"}}, and html/<key>.html.gz) is scored with its own metric: both
 * texts are split into words (\w+, Unicode: letters, digits, underscore),
 * all 4-word shingles are formed (a text of fewer than four words is one
 * shingle), and shingles in common count as true positives, with
 * multiplicity. Per page, precision = tp / (tp + fp) and recall =
 * tp / (tp + fn); each is averaged over the pages where it is defined (a
 * page with nothing extracted has no precision and recall 0), and F1 is
 * computed from the two averages. This is the published metric, so the
 * figure compares with the published ones.
 *
 * Pages go through sr_html_parse(), the library call any program would
 * use. With --speed, all pages are first decompressed into memory and then
 * parsed repeatedly; the figure is pages per second of CPU time of this
 * process (one core).
 */
#include "sitrep.h"
#include "core/internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>
#include <zlib.h>

/* ---- the metric ------------------------------------------------------------ */

typedef struct token {
    const char *s;
    size_t n;
} token;

static bool word_char(uint32_t cp)
{
    if (cp == '_')
        return true;
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* The \w+ words of s[0..n) (invalid bytes are separators). */
static token *words(const char *s, size_t n, size_t *count)
{
    size_t cap = 64, k = 0;
    token *t = sr_xmalloc(cap * sizeof *t);
    const unsigned char *u = (const unsigned char *)s;
    size_t start = 0;
    bool in = false;
    for (size_t i = 0; i <= n;) {
        uint32_t cp = 0;
        size_t len = 1;
        bool w = false;
        if (i < n) {
            len = u[i] < 0x80 ? (cp = u[i], 1) : sr_utf8_decode(u + i, n - i, &cp);
            if (len == 0)
                len = 1;
            else
                w = word_char(cp);
        }
        if (w && !in) {
            start = i;
            in = true;
        } else if (!w && in) {
            if (k == cap)
                t = sr_xrealloc(t, (cap *= 2) * sizeof *t);
            t[k++] = (token){s + start, i - start};
            in = false;
        }
        i += len;
    }
    *count = k;
    return t;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Hashes of the text's 4-word shingles, sorted. */
static uint64_t *shingles(const char *s, size_t n, size_t *count)
{
    size_t nw;
    token *w = words(s, n, &nw);
    size_t ns = nw == 0 ? 0 : nw < 4 ? 1 : nw - 3;
    uint64_t *h = sr_xmalloc((ns ? ns : 1) * sizeof *h);
    for (size_t i = 0; i < ns; i++) {
        uint64_t x = 0x9E3779B97F4A7C15ull;
        for (size_t j = i; j < i + 4 && j < nw; j++)
            x = sr_hash64(w[j].s, w[j].n, x ^ (j - i + 1));
        h[i] = x;
    }
    free(w);
    qsort(h, ns, sizeof *h, cmp_u64);
    *count = ns;
    return h;
}

typedef struct score {
    double tp, fp, fn;
} score;

static score match(const char *truth, size_t tn, const char *pred, size_t pn)
{
    size_t a, b;
    uint64_t *x = shingles(truth, tn, &a), *y = shingles(pred, pn, &b);
    size_t i = 0, j = 0, tp = 0;
    while (i < a && j < b) {
        if (x[i] == y[j]) {
            tp++;
            i++;
            j++;
        } else if (x[i] < y[j]) {
            i++;
        } else {
            j++;
        }
    }
    free(x);
    free(y);
    return (score){(double)tp, (double)(b - tp), (double)(a - tp)};
}

static double precision_of(score s)
{
    if (s.fp == 0 && s.fn == 0)
        return 1;
    return s.tp + s.fp == 0 ? 0 : s.tp / (s.tp + s.fp);
}

static double recall_of(score s)
{
    if (s.fp == 0 && s.fn == 0)
        return 1;
    return s.tp + s.fn == 0 ? 0 : s.tp / (s.tp + s.fn);
}

/* ---- the benchmark ------------------------------------------------------- */

typedef struct page {
    const char *key;
    const char *truth;
    const char *url;
    sr_buf html;
} page;

static bool gunzip_file(const char *path, sr_buf *out)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return false;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0)
        sr_buf_put(out, buf, (size_t)n);
    int err;
    gzerror(f, &err);
    gzclose(f);
    return n == 0 && (err == Z_OK || err == Z_STREAM_END);
}

static int cmp_page(const void *a, const void *b)
{
    return strcmp(((const page *)a)->key, ((const page *)b)->key);
}

/* Load ground truth and pages; subset 0 = all, 1 = even, 2 = odd
 * positions in key order. */
static page *load(const char *dir, int subset, size_t *count, json_t **gt)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ground-truth.json", dir);
    json_error_t jerr;
    *gt = json_load_file(path, 0, &jerr);
    if (!*gt || !json_is_object(*gt)) {
        fprintf(stderr, "sitrep eval extract: %s:%d: %s\n", path, jerr.line, jerr.text);
        return NULL;
    }
    size_t n = json_object_size(*gt), k = 0;
    page *pages = sr_xcalloc(n ? n : 1, sizeof *pages);
    const char *key;
    json_t *v;
    json_object_foreach(*gt, key, v) {
        pages[k].key = key;
        pages[k].truth = json_string_value(json_object_get(v, "articleBody"));
        pages[k].url = json_string_value(json_object_get(v, "url"));
        k++;
    }
    qsort(pages, k, sizeof *pages, cmp_page);
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        if (subset && (int)(i % 2) != subset - 1)
            continue;
        pages[m] = pages[i];
        sr_buf_init(&pages[m].html);
        snprintf(path, sizeof path, "%s/html/%s.html.gz", dir, pages[m].key);
        if (!gunzip_file(path, &pages[m].html))
            fprintf(stderr, "sitrep eval extract: %s: cannot read; scored as empty\n", path);
        m++;
    }
    *count = m;
    return pages;
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void speed(page *pages, size_t n)
{
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += pages[i].html.len;
    sr_diag quiet = {.quiet = true, .out = stderr};
    double t0 = cpu_seconds(), t;
    size_t done = 0;
    do {
        for (size_t i = 0; i < n; i++) {
            sr_doc *d = sr_html_parse(pages[i].html.data, pages[i].html.len, NULL,
                                      pages[i].url, &quiet, pages[i].key);
            sr_doc_free(d);
        }
        done += n;
        t = cpu_seconds() - t0;
    } while (t < 3.0 && n);
    printf("speed: %zu pages (%.1f MB) in %.2f s CPU: %.0f pages/s, %.1f MB/s per core\n",
           done, (double)bytes * ((double)done / (double)(n ? n : 1)) / 1e6, t,
           (double)done / t, (double)bytes * ((double)done / (double)(n ? n : 1)) / 1e6 / t);
}

static const char help[] =
    "usage: sitrep eval extract [--pages] [--speed] [--subset even|odd] [DIR]\n"
    "\n"
    "Score HTML body extraction on the article-extraction benchmark in DIR\n"
    "(default ../shared/corpora/article-extraction-benchmark): ground-truth.json\n"
    "and html/<key>.html.gz. Prints precision, recall and F1 of 4-word\n"
    "shingles (per-page scores averaged).\n"
    "\n"
    "  --pages        also print each page's precision, recall and F1\n"
    "  --speed        also measure pages/s of CPU time, pages already in memory\n"
    "  --subset S     only the even or odd pages in key order (for held-out checks)\n"
    "  --dump KEY     print the extracted body of one page and exit\n";

int sr_eval_extract_main(int argc, char **argv);

int sr_eval_extract_main(int argc, char **argv)
{
    const char *dir = "../shared/corpora/article-extraction-benchmark", *dump = NULL;
    bool per_page = false, do_speed = false;
    int subset = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--pages") == 0) {
            per_page = true;
        } else if (strcmp(argv[i], "--speed") == 0) {
            do_speed = true;
        } else if (strcmp(argv[i], "--subset") == 0 && i + 1 < argc) {
            i++;
            subset = strcmp(argv[i], "even") == 0 ? 1 : strcmp(argv[i], "odd") == 0 ? 2 : -1;
            if (subset < 0) {
                fprintf(stderr, "sitrep eval extract: --subset wants even or odd\n");
                return 2;
            }
        } else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc) {
            dump = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            return 0;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "sitrep eval extract: unknown option '%s'\n%s", argv[i], help);
            return 2;
        } else {
            dir = argv[i];
        }
    }
    json_t *gt = NULL;
    size_t n = 0;
    page *pages = load(dir, subset, &n, &gt);
    if (!pages)
        return 1;
    sr_diag diag = {.quiet = true, .out = stderr};
    double psum = 0, rsum = 0;
    size_t pn = 0, rn = 0;
    for (size_t i = 0; i < n; i++) {
        page *p = &pages[i];
        if (dump && strcmp(dump, p->key) != 0)
            continue;
        sr_doc *d = sr_html_parse(p->html.data, p->html.len, NULL, p->url, &diag, p->key);
        const char *body = d ? d->body : "";
        size_t blen = d ? d->body_len : 0;
        if (dump) {
            printf("%s\n", body);
            for (uint32_t c = 0; d && c < d->ncaptions; c++)
                printf("[caption] %s\n", d->captions[c]);
        }
        const char *truth = p->truth ? p->truth : "";
        score s = match(truth, strlen(truth), body, blen);
        double prec = precision_of(s), rec = recall_of(s);
        if (s.tp + s.fp > 0) {
            psum += prec;
            pn++;
        }
        if (s.tp + s.fn > 0) {
            rsum += rec;
            rn++;
        }
        if (per_page)
            printf("%s P=%.3f R=%.3f F1=%.3f\n", p->key, prec, rec,
                   prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0.0);
        sr_doc_free(d);
    }
    if (!dump) {
        double P = pn ? psum / (double)pn : 0, R = rn ? rsum / (double)rn : 0;
        printf("pages: %zu\nprecision: %.4f\nrecall: %.4f\nF1: %.4f\n", n, P, R,
               P + R > 0 ? 2 * P * R / (P + R) : 0.0);
        if (do_speed)
            speed(pages, n);
    }
    for (size_t i = 0; i < n; i++)
        sr_buf_free(&pages[i].html);
    free(pages);
    json_decref(gt);
    return 0;
}
