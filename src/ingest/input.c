/*
 * input.c — from a list of paths to a stream of documents.
 *
 * The iterator expands the paths into files (directories recursively, their
 * entries sorted by name so runs are deterministic), opens each file as a
 * stream (zlib's gz* functions read gzip and plain files alike, and follow
 * concatenated gzip members as in WARC files), sniffs the format from the
 * first bytes unless the caller fixed it, and hands the stream to that
 * format's reader. Only one file is open at a time, and a reader holds at
 * most one document, so memory is bounded by the largest document.
 *
 * Every failure (a missing path, an unreadable directory entry, a truncated
 * gzip member) is reported to the diag with the path and the run goes on.
 */
#include "ingest.h"
#include "date.h"
#include "../core/internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* ---- streams ------------------------------------------------------------ */

#define STREAM_BUF (64u * 1024u)
#define SNIFF_BYTES 4096u

/* A stream reads through one buffer. The first fill happens at open, so the
 * format can be sniffed from buf[0..len) before any reader consumes it. */
struct sr_stream {
    gzFile gz;
    char *buf;
    size_t len, pos;        /* valid bytes in buf, next unread byte */
    uint64_t offset;        /* bytes handed out so far */
    bool eof;
    const char *failed;
    char failbuf[160];
};

/* Read from the file (decompressing), bypassing the buffer. */
static size_t raw_read(sr_stream *s, void *buf, size_t n)
{
    if (s->eof || s->failed)
        return 0;
    size_t got = 0;
    while (got < n) {
        unsigned want = n - got > (1u << 30) ? (1u << 30) : (unsigned)(n - got);
        int r = gzread(s->gz, (char *)buf + got, want);
        if (r < 0) {
            int err;
            const char *msg = gzerror(s->gz, &err);
            snprintf(s->failbuf, sizeof s->failbuf, "read error: %s",
                     msg && *msg ? msg : strerror(errno));
            s->failed = s->failbuf;
            break;
        }
        if (r == 0) {
            int err;
            const char *msg = gzerror(s->gz, &err);
            if (err != Z_OK && err != Z_STREAM_END) {
                snprintf(s->failbuf, sizeof s->failbuf,
                         "truncated or corrupt gzip data (%s)",
                         msg && *msg ? msg : "unexpected end of file");
                s->failed = s->failbuf;
            } else {
                s->eof = true;
            }
            break;
        }
        got += (size_t)r;
    }
    return got;
}

/* Refill the buffer when it is used up; false at the end of input. */
static bool fill(sr_stream *s)
{
    if (s->pos < s->len)
        return true;
    s->pos = 0;
    s->len = raw_read(s, s->buf, STREAM_BUF);
    return s->len > 0;
}

size_t sr_stream_read(sr_stream *s, void *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        if (s->pos < s->len) {
            size_t k = s->len - s->pos;
            if (k > n - got)
                k = n - got;
            memcpy((char *)buf + got, s->buf + s->pos, k);
            s->pos += k;
            got += k;
        } else if (n - got >= STREAM_BUF) {
            size_t k = raw_read(s, (char *)buf + got, n - got);
            got += k;
            if (k == 0)
                break;
        } else if (!fill(s)) {
            break;
        }
    }
    s->offset += got;
    return got;
}

bool sr_stream_getline(sr_stream *s, sr_buf *line, size_t max, bool *too_long)
{
    *too_long = false;
    size_t start = line->len, taken = 0;
    bool any = false;
    while (fill(s)) {
        any = true;
        const char *p = s->buf + s->pos;
        size_t avail = s->len - s->pos;
        const char *nl = memchr(p, '\n', avail);
        size_t k = nl ? (size_t)(nl - p) : avail;
        if (!*too_long) {
            if (taken + k > max) {
                *too_long = true;
                line->len = start;
                if (line->data)
                    line->data[start] = '\0';
            } else {
                sr_buf_put(line, p, k);
            }
        }
        taken += k;
        s->pos += k + (nl ? 1 : 0);
        s->offset += k + (nl ? 1 : 0);
        if (nl)
            return true;
    }
    return any;
}

sr_status sr_stream_slurp(sr_stream *s, sr_buf *out, size_t max)
{
    size_t total = 0;
    bool over = false;
    while (fill(s)) {
        size_t k = s->len - s->pos;
        if (!over && total + k > max)
            over = true;
        if (!over)
            sr_buf_put(out, s->buf + s->pos, k);
        total += k;
        s->pos = s->len;
        s->offset += k;
    }
    if (s->failed)
        return SR_ERR_IO;
    return over ? SR_ERR_LIMIT : SR_OK;
}

const char *sr_stream_failed(const sr_stream *s)
{
    return s->failed;
}

uint64_t sr_stream_offset(const sr_stream *s)
{
    return s->offset;
}

static sr_stream *stream_open(const char *path, const char **why)
{
    int fd;
    if (strcmp(path, "-") == 0)
        fd = dup(STDIN_FILENO);
    else
        fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *why = strerror(errno);
        return NULL;
    }
    gzFile gz = gzdopen(fd, "rb");
    if (!gz) {
        close(fd);
        *why = "cannot start decompression";
        return NULL;
    }
    gzbuffer(gz, 1 << 16);
    sr_stream *s = sr_xcalloc(1, sizeof *s);
    s->gz = gz;
    s->buf = sr_xmalloc(STREAM_BUF);
    /* Fill enough to sniff the format, even from a slow pipe. */
    while (s->len < SNIFF_BYTES) {
        size_t k = raw_read(s, s->buf + s->len, SNIFF_BYTES - s->len);
        if (k == 0)
            break;
        s->len += k;
    }
    return s;
}

static void stream_close(sr_stream *s)
{
    if (!s)
        return;
    gzclose(s->gz);
    free(s->buf);
    free(s);
}

/* ---- readers ------------------------------------------------------------ */

const sr_format_reader *sr_format_reader_for(sr_format f)
{
    switch (f) {
    case SR_FORMAT_TEXT:
        return &sr_text_reader;
    case SR_FORMAT_HTML:
        return &sr_html_reader;
    case SR_FORMAT_FEED:
        return &sr_feed_reader;
    case SR_FORMAT_WARC:
        return &sr_warc_reader;
    case SR_FORMAT_JSONL:
        return &sr_jsonl_reader;
    default:
        return NULL;
    }
}

/* ---- walking paths ------------------------------------------------------ */

typedef struct path_list {
    char **items;
    size_t n, cap;
} path_list;

static void list_push(path_list *l, char *p)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = sr_xrealloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->n++] = p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct sr_input {
    sr_read_options opt;
    sr_diag *diag;
    path_list pending;      /* stack of paths still to visit, last = next */
    sr_stream *stream;      /* the file being read */
    char *path;             /* its name */
    const sr_format_reader *reader;
    void *state;
    uint32_t index;         /* documents produced from this file so far */
};

/* Push the entries of a directory, sorted, so that they pop in order. */
static void push_dir(sr_input *in, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        sr_error(in->diag, dir, "cannot read directory: %s", strerror(errno));
        return;
    }
    path_list entries = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *p = sr_xmalloc(n);
        bool slash = dir[0] && dir[strlen(dir) - 1] == '/';
        snprintf(p, n, "%s%s%s", dir, slash ? "" : "/", e->d_name);
        list_push(&entries, p);
    }
    closedir(d);
    qsort(entries.items, entries.n, sizeof *entries.items, cmp_str);
    for (size_t i = entries.n; i-- > 0;)
        list_push(&in->pending, entries.items[i]);
    free(entries.items);
}

sr_input *sr_input_open(const char *const *paths, size_t npaths,
                        const sr_read_options *opt, sr_diag *diag)
{
    sr_input *in = sr_xcalloc(1, sizeof *in);
    if (opt)
        in->opt = *opt;
    if (!in->opt.max_file_bytes)
        in->opt.max_file_bytes = SR_DEFAULT_MAX_DOC_BYTES;
    in->diag = diag;
    for (size_t i = npaths; i-- > 0;)
        list_push(&in->pending, sr_xstrdup(paths[i]));
    return in;
}

static void close_current(sr_input *in)
{
    if (in->reader && in->state)
        in->reader->close(in->state);
    in->reader = NULL;
    in->state = NULL;
    if (in->stream) {
        const char *why = sr_stream_failed(in->stream);
        if (why)
            sr_error(in->diag, in->path, "%s", why);
    }
    stream_close(in->stream);
    in->stream = NULL;
    free(in->path);
    in->path = NULL;
}

/* Open the next file of the pending list; false when none is left. */
static bool open_next_file(sr_input *in)
{
    while (in->pending.n > 0) {
        char *path = in->pending.items[--in->pending.n];
        if (strcmp(path, "-") != 0) {
            struct stat st;
            if (stat(path, &st) != 0) {
                sr_error(in->diag, path, "cannot read: %s", strerror(errno));
                free(path);
                continue;
            }
            if (S_ISDIR(st.st_mode)) {
                push_dir(in, path);
                free(path);
                continue;
            }
            if (!S_ISREG(st.st_mode)) {
                sr_error(in->diag, path, "not a regular file; skipped");
                free(path);
                continue;
            }
        }
        const char *why = NULL;
        sr_stream *s = stream_open(path, &why);
        if (!s) {
            sr_error(in->diag, path, "cannot read: %s", why);
            free(path);
            continue;
        }
        sr_format f = in->opt.format;
        if (f == SR_FORMAT_AUTO)
            f = sr_detect_format(s->buf, s->len);
        const sr_format_reader *r = sr_format_reader_for(f);
        if (!r) {
            sr_error(in->diag, path, "reading %s input is not supported yet",
                     sr_format_name(f));
            stream_close(s);
            free(path);
            continue;
        }
        const char *shown = strcmp(path, "-") == 0 ? "-" : path;
        void *state = r->open(s, shown, &in->opt, in->diag);
        if (!state) {
            stream_close(s);
            free(path);
            continue;
        }
        in->stream = s;
        in->path = path;
        in->reader = r;
        in->state = state;
        in->index = 0;
        return true;
    }
    return false;
}

/* A plain-text file named for its date ("2026-01-30-us-iran.txt"): the
 * date a newsroom's or an archive's file names carry, as a page's URL does.
 * NULL when the name does not start with a valid YYYY-MM-DD and a
 * non-digit. */
static const char *date_of_file_name(sr_doc *doc, const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    for (int i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? b[i] != '-' : !(b[i] >= '0' && b[i] <= '9'))
            return NULL;
    }
    if (b[10] >= '0' && b[10] <= '9')
        return NULL;
    int y = atoi(b), m = atoi(b + 5), d = atoi(b + 8);
    if (!sr_date_valid(y, m, d))
        return NULL;
    return sr_arena_strndup(doc->arena, b, 10);
}

sr_doc *sr_input_next(sr_input *in)
{
    for (;;) {
        if (!in->reader && !open_next_file(in))
            return NULL;
        sr_doc *doc = in->reader->next(in->state);
        if (doc) {
            if (!doc->path)
                doc->path = sr_arena_strdup(doc->arena, in->path);
            if (!doc->format)
                doc->format = sr_format_name(in->reader->format);
            doc->index = in->index++;
            if (!doc->published && in->reader->format == SR_FORMAT_TEXT)
                doc->published = date_of_file_name(doc, in->path);
            if (!doc->published && in->opt.date)
                doc->published = sr_arena_strdup(doc->arena, in->opt.date);
            if (doc->bad_bytes && !in->reader->warns_bad_bytes)
                sr_warn(in->diag, doc->path,
                        "%u invalid UTF-8 or NUL byte%s replaced by U+FFFD",
                        doc->bad_bytes, doc->bad_bytes == 1 ? "" : "s");
            sr_doc_assign_id(doc);
            return doc;
        }
        close_current(in);
    }
}

void sr_input_close(sr_input *in)
{
    if (!in)
        return;
    close_current(in);
    for (size_t i = 0; i < in->pending.n; i++)
        free(in->pending.items[i]);
    free(in->pending.items);
    free(in);
}
