/*
 * records.c — reading PETRARCH validation/batch XML and TABARI .text records
 * (see records.h for what and why).
 *
 * The PETRARCH scanner works on tags, not on a tree: it walks the text
 * from '<' to '<', skipping comments, and reacts to the few tag names it
 * knows. A record is everything from one <Sentence ...> tag to the next
 * (or to the end), so a record closed too early, or never closed, still
 * yields its text and expectations, and a broken record cannot swallow the
 * ones after it.
 */
#include "records.h"
#include "../core/internal.h"
#include "../lexicon/readers.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sr_records {
    char *path;
    char *text;
    size_t len, pos;
    sr_records_format fmt;
    bool given_parse;
    sr_diag *diag;
    int require_dyad;
    unsigned count;
    bool warned_treebank;
    char *env[4];
    uint32_t line;      /* TABARI: current line */
};

/* ---- small string helpers ------------------------------------------------ */

static bool starts_ci(const char *s, const char *end, const char *prefix)
{
    size_t n = strlen(prefix);
    if ((size_t)(end - s) < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)prefix[i]))
            return false;
    return true;
}

/* Decode XML entities of s[0..n) into the arena; whitespace runs become
 * one space when `collapse`, and the result is trimmed. */
static char *decode(sr_arena *a, const char *s, size_t n, bool collapse)
{
    char *out = sr_arena_alloc(a, n + 1);
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (collapse && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            space = o > 0;
            continue;
        }
        if (space) {
            out[o++] = ' ';
            space = false;
        }
        if (c == '&') {
            const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
            if (semi) {
                size_t el = (size_t)(semi - (s + i)) + 1;
                const char *e = s + i;
                char rep[8];
                size_t rl = 0;
                if (el == 5 && memcmp(e, "&amp;", 5) == 0) { rep[0] = '&'; rl = 1; }
                else if (el == 4 && memcmp(e, "&lt;", 4) == 0) { rep[0] = '<'; rl = 1; }
                else if (el == 4 && memcmp(e, "&gt;", 4) == 0) { rep[0] = '>'; rl = 1; }
                else if (el == 6 && memcmp(e, "&quot;", 6) == 0) { rep[0] = '"'; rl = 1; }
                else if (el == 6 && memcmp(e, "&apos;", 6) == 0) { rep[0] = '\''; rl = 1; }
                else if (el > 3 && e[1] == '#') {
                    unsigned long cp = e[2] == 'x' || e[2] == 'X'
                                           ? strtoul(e + 3, NULL, 16) : strtoul(e + 2, NULL, 10);
                    if (cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF))
                        rl = sr_utf8_encode((uint32_t)cp, rep);
                }
                if (rl) {
                    memcpy(out + o, rep, rl);   /* rl <= el: fits */
                    o += rl;
                    i += el - 1;
                    continue;
                }
            }
        }
        out[o++] = c;
    }
    out[o] = '\0';
    return out;
}

/* The value of attribute `name` in tag text [s, e), decoded, or NULL. */
static char *attr(sr_arena *a, const char *s, const char *e, const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = s; p + nl < e; p++) {
        if (!starts_ci(p, e, name) || (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '_')))
            continue;
        const char *q = p + nl;
        while (q < e && isspace((unsigned char)*q))
            q++;
        if (q >= e || *q != '=')
            continue;
        q++;
        while (q < e && isspace((unsigned char)*q))
            q++;
        if (q >= e || (*q != '"' && *q != '\''))
            continue;
        char quote = *q++;
        const char *v = q;
        while (q < e && *q != quote)
            q++;
        return decode(a, v, (size_t)(q - v), true);
    }
    return NULL;
}

static bool truthy(const char *v)
{
    return v && (strcasecmp(v, "true") == 0 || strcmp(v, "1") == 0 || strcasecmp(v, "yes") == 0);
}

/* ---- scanning tags -------------------------------------------------------- */

/* The next tag at or after *pos, skipping comments: [*ts, *te) is the tag
 * text including '<' and '>'. False at the end. */
static bool next_tag(const char *text, size_t len, size_t *pos, const char **ts,
                     const char **te)
{
    const char *end = text + len;
    const char *p = text + *pos;
    for (;;) {
        p = memchr(p, '<', (size_t)(end - p));
        if (!p)
            return false;
        if (starts_ci(p, end, "<!--")) {
            const char *c = p + 4;
            const char *close = NULL;
            for (; c + 3 <= end; c++)
                if (c[0] == '-' && c[1] == '-' && c[2] == '>') {
                    close = c;
                    break;
                }
            if (!close)
                return false;
            p = close + 3;
            continue;
        }
        const char *q = p + 1;
        char quote = 0;
        while (q < end && (quote || *q != '>')) {
            if (quote && *q == quote)
                quote = 0;
            else if (!quote && (*q == '"' || *q == '\''))
                quote = *q;
            q++;
        }
        if (q >= end)
            return false;
        *ts = p;
        *te = q + 1;
        *pos = (size_t)(q + 1 - text);
        return true;
    }
}

static bool tag_is(const char *ts, const char *te, const char *name)
{
    size_t n = strlen(name);
    return starts_ci(ts + 1, te, name) &&
           (ts + 1 + n < te) && !isalnum((unsigned char)ts[1 + n]);
}

/* Text between the end of an opening tag and the matching </name>. */
static bool element_text(const char *text, size_t len, size_t from, size_t limit,
                         const char *name, const char **s, size_t *n)
{
    char close[32];
    snprintf(close, sizeof close, "</%s", name);
    const char *end = text + (limit < len ? limit : len);
    const char *p = text + from;
    for (; p < end; p++)
        if (*p == '<' && starts_ci(p, end, close))
            break;
    *s = text + from;
    *n = (size_t)(p - (text + from));
    return true;
}

/* ---- opening ------------------------------------------------------------------ */

static void read_environment(sr_records *r)
{
    static const char *const names[4] = {"Verbfile", "Actorfile", "Agentfile", "Discardfile"};
    size_t pos = 0;
    const char *ts, *te;
    while (next_tag(r->text, r->len, &pos, &ts, &te)) {
        if (tag_is(ts, te, "Sentence"))
            break;
        for (int i = 0; i < 4; i++) {
            if (!tag_is(ts, te, names[i]) || r->env[i])
                continue;
            const char *s;
            size_t n;
            element_text(r->text, r->len, pos, r->len, names[i], &s, &n);
            while (n && isspace((unsigned char)*s)) {
                s++;
                n--;
            }
            while (n && isspace((unsigned char)s[n - 1]))
                n--;
            if (n) {
                r->env[i] = sr_xmalloc(n + 1);
                memcpy(r->env[i], s, n);
                r->env[i][n] = '\0';
            }
        }
    }
}

sr_records *sr_records_mem(const char *name, const char *data, size_t len,
                           sr_records_format fmt, bool given_parse, sr_diag *diag)
{
    sr_records *r = sr_xcalloc(1, sizeof *r);
    r->path = sr_xstrdup(name ? name : "-");
    r->text = sr_xmalloc(len + 1);
    memcpy(r->text, data, len);
    r->text[len] = '\0';
    for (size_t i = 0; i < len; i++)
        if (r->text[i] == '\0')
            r->text[i] = ' ';
    r->len = len;
    r->fmt = fmt;
    r->given_parse = given_parse;
    r->diag = diag;
    r->require_dyad = -1;
    if (fmt == SR_RECORDS_PETRARCH)
        read_environment(r);
    return r;
}

sr_records *sr_records_open(const char *path, sr_records_format fmt,
                            bool given_parse, sr_diag *diag)
{
    sr_dsrc s;
    if (!sr_dsrc_open(&s, path, diag))
        return NULL;
    sr_records *r = sr_records_mem(path, s.text, s.len, fmt, given_parse, diag);
    sr_dsrc_close(&s);
    return r;
}

void sr_records_close(sr_records *r)
{
    if (!r)
        return;
    for (int i = 0; i < 4; i++)
        free(r->env[i]);
    free(r->text);
    free(r->path);
    free(r);
}

void sr_records_environment(const sr_records *r, sr_records_env *env)
{
    env->verbs = r->env[0];
    env->actors = r->env[1];
    env->agents = r->env[2];
    env->discards = r->env[3];
}

/* ---- building a record's document ---------------------------------------------- */

/* "19950101" or "950101" -> "1995-01-01" in the arena, or NULL. */
static const char *iso_date(sr_arena *a, const char *d)
{
    if (!d)
        return NULL;
    uint32_t v = sr_dict_parse_date(d, strlen(d));
    if (!v)
        return NULL;
    return sr_arena_printf(a, "%04u-%02u-%02u", v / 10000, v / 100 % 100, v % 100);
}

static bool is_conllu(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    return i < n && isdigit((unsigned char)s[i]);
}

/* The text of a CoNLL-U parse: its word forms (column 2) joined by
 * spaces, multiword token ranges and empty nodes left out. */
static const char *forms_text(sr_arena *a, const char *parse, size_t plen)
{
    sr_buf b;
    sr_buf_init(&b);
    const char *p = parse, *end = parse + plen;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        while (p < le && (*p == ' ' || *p == '\t'))
            p++;
        const char *t1 = memchr(p, '\t', (size_t)(le - p));
        if (t1 && isdigit((unsigned char)*p) && !memchr(p, '-', (size_t)(t1 - p)) &&
            !memchr(p, '.', (size_t)(t1 - p))) {
            const char *f = t1 + 1;
            const char *t2 = memchr(f, '\t', (size_t)(le - f));
            if (t2 && t2 > f) {
                if (b.len)
                    sr_buf_putc(&b, ' ');
                sr_buf_put(&b, f, (size_t)(t2 - f));
            }
        }
        p = nl ? nl + 1 : end;
    }
    char *out = sr_arena_strndup(a, b.data ? b.data : "", b.len);
    sr_buf_free(&b);
    return out;
}

/* The record's document: with a CoNLL-U parse (given_parse), read through
 * the CoNLL-U reader with the record's text as "# text"; else just the
 * body. */
static sr_doc *record_doc(sr_records *r, const char *text, const char *parse,
                          size_t plen, bool *parsed)
{
    *parsed = false;
    if (r->given_parse && parse && plen) {
        if (is_conllu(parse, plen)) {
            sr_buf b;
            sr_buf_init(&b);
            sr_buf_printf(&b, "# text = %s\n", text);
            /* lines of the parse, leading blanks removed */
            const char *p = parse, *end = parse + plen;
            while (p < end) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                const char *le = nl ? nl : end;
                const char *s = p;
                while (s < le && (*s == ' ' || *s == '\r'))
                    s++;
                size_t n = (size_t)(le - s);
                while (n && (s[n - 1] == '\r' || s[n - 1] == ' '))
                    n--;
                if (n) {
                    sr_buf_put(&b, s, n);
                    sr_buf_putc(&b, '\n');
                }
                p = nl ? nl + 1 : end;
            }
            sr_conllu_reader *cr = sr_conllu_open(r->path, b.data, b.len, false, r->diag);
            sr_doc *d = sr_conllu_next(cr);
            sr_doc *extra;
            while ((extra = sr_conllu_next(cr)) != NULL)
                sr_doc_free(extra);
            sr_conllu_close(cr);
            sr_buf_free(&b);
            if (d) {
                d->id = NULL;
                *parsed = true;
                return d;
            }
        } else if (!r->warned_treebank) {
            r->warned_treebank = true;
            sr_warn(r->diag, r->path, "records carry Treebank parses, not CoNLL-U; "
                    "--given-parse ignored, sitrep parses them itself");
        }
    }
    sr_doc *d = sr_doc_new();
    sr_doc_set_body(d, text, strlen(text));
    return d;
}

static void add_expect(sr_record *rec, sr_arena *a, sr_expect **cap_v, size_t *cap,
                       const char *s, const char *t, const char *c)
{
    if (rec->nexpected == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        sr_expect *nv = sr_arena_alloc(a, ncap * sizeof *nv);
        if (rec->nexpected)
            memcpy(nv, *cap_v, rec->nexpected * sizeof *nv);
        *cap_v = nv;
        *cap = ncap;
        rec->expected = nv;
    }
    rec->expected[rec->nexpected++] = (sr_expect){s ? s : "", t ? t : "", c ? c : ""};
}

/* ---- PETRARCH XML ------------------------------------------------------------- */

static bool next_petrarch(sr_records *r, sr_record *rec)
{
    const char *ts, *te;
    while (next_tag(r->text, r->len, &r->pos, &ts, &te)) {
        if (tag_is(ts, te, "Config")) {
            sr_arena *tmp = sr_arena_new();
            const char *opt = attr(tmp, ts, te, "option");
            const char *val = attr(tmp, ts, te, "value");
            if (opt && val && strcasecmp(opt, "require_dyad") == 0)
                r->require_dyad = truthy(val);
            sr_arena_free(tmp);
            continue;
        }
        if (!tag_is(ts, te, "Sentence"))
            continue;
        /* the record: this tag up to the next <Sentence (or the end) */
        size_t body = r->pos, limit = r->len, scan = r->pos;
        const char *ts2, *te2;
        while (next_tag(r->text, r->len, &scan, &ts2, &te2))
            if (tag_is(ts2, te2, "Sentence")) {
                limit = (size_t)(ts2 - r->text);
                break;
            }
        r->count++;
        memset(rec, 0, sizeof *rec);
        sr_arena *tmp = sr_arena_new();
        const char *text = NULL, *parse = NULL;
        size_t plen = 0;
        sr_expect *exp = NULL;
        size_t cap = 0;
        sr_record hold = {0};
        /* children */
        size_t pos = body;
        int pending_dyad = -2;      /* a <Config> after this record's end */
        while (next_tag(r->text, limit, &pos, &ts2, &te2)) {
            if (tag_is(ts2, te2, "Config")) {
                /* it lies between this record and the next: it applies
                 * from the next record on */
                const char *opt = attr(tmp, ts2, te2, "option");
                const char *val = attr(tmp, ts2, te2, "value");
                if (opt && val && strcasecmp(opt, "require_dyad") == 0)
                    pending_dyad = truthy(val);
                continue;
            }
            if (tag_is(ts2, te2, "EventCoding")) {
                const char *err = attr(tmp, ts2, te2, "error");
                if (err) {
                    hold.error = err;
                    continue;
                }
                if (truthy(attr(tmp, ts2, te2, "noevents"))) {
                    hold.noevents = true;
                    continue;
                }
                add_expect(&hold, tmp, &exp, &cap, attr(tmp, ts2, te2, "sourcecode"),
                           attr(tmp, ts2, te2, "targetcode"), attr(tmp, ts2, te2, "eventcode"));
            } else if (tag_is(ts2, te2, "Text") && !text) {
                const char *s;
                size_t n;
                element_text(r->text, r->len, pos, limit, "Text", &s, &n);
                text = decode(tmp, s, n, true);
            } else if (tag_is(ts2, te2, "Parse") && !parse) {
                element_text(r->text, r->len, pos, limit, "Parse", &parse, &plen);
            }
        }
        r->pos = limit;
        char idbuf[32];
        const char *id = attr(tmp, ts, te, "id");
        if (!id) {
            snprintf(idbuf, sizeof idbuf, "record-%u", r->count);
            id = idbuf;
        }
        if ((!text || !*text) && parse && is_conllu(parse, plen)) {
            text = forms_text(tmp, parse, plen);
            sr_warn(r->diag, r->path, "record %s has an empty <Text>; its text is rebuilt "
                    "from the words of its parse", id);
        }
        if (!text || !*text) {
            sr_error(r->diag, r->path, "record %s has no <Text>; skipped", id);
            sr_arena_free(tmp);
            continue;
        }
        bool parsed;
        sr_doc *d = record_doc(r, text, parse, plen, &parsed);
        sr_arena *a = d->arena;
        d->id = sr_arena_strdup(a, id);
        d->path = sr_arena_strdup(a, r->path);
        d->format = "petrarch";
        d->index = r->count - 1;
        d->published = iso_date(a, attr(tmp, ts, te, "date"));
        rec->doc = d;
        rec->parsed = parsed;
        const char *cat = attr(tmp, ts, te, "category");
        rec->category = sr_arena_strdup(a, cat ? cat : "");
        const char *ev = attr(tmp, ts, te, "evaluate");
        if (!ev)
            ev = attr(tmp, ts, te, "sentence");
        if (!ev)
            ev = attr(tmp, ts, te, "valid");
        rec->evaluate = ev ? truthy(ev) : true;
        rec->noevents = hold.noevents;
        rec->error = hold.error ? sr_arena_strdup(a, hold.error) : NULL;
        rec->require_dyad = r->require_dyad;
        if (pending_dyad != -2)
            r->require_dyad = pending_dyad;
        if (hold.nexpected) {
            rec->expected = sr_arena_alloc(a, hold.nexpected * sizeof *rec->expected);
            for (size_t i = 0; i < hold.nexpected; i++)
                rec->expected[i] = (sr_expect){sr_arena_strdup(a, hold.expected[i].source),
                                               sr_arena_strdup(a, hold.expected[i].target),
                                               sr_arena_strdup(a, hold.expected[i].code)};
            rec->nexpected = hold.nexpected;
        }
        sr_arena_free(tmp);
        return true;
    }
    return false;
}

/* ---- TABARI .text -------------------------------------------------------------- */

/* The next line of the TABARI text (without '\n'); false at the end. */
static bool tline(sr_records *r, const char **s, size_t *n)
{
    if (r->pos >= r->len)
        return false;
    const char *p = r->text + r->pos;
    const char *nl = memchr(p, '\n', r->len - r->pos);
    *s = p;
    *n = nl ? (size_t)(nl - p) : r->len - r->pos;
    r->pos += *n + (nl ? 1 : 0);
    while (*n && (p[*n - 1] == '\r' || p[*n - 1] == ' ' || p[*n - 1] == '\t'))
        (*n)--;
    r->line++;
    return true;
}

/* "950101  DEMO-01" */
static bool record_header(const char *s, size_t n, size_t *id_at)
{
    if (n < 8)
        return false;
    for (int i = 0; i < 6; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    if (s[6] != ' ' && s[6] != '\t')
        return false;
    size_t i = 6;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    *id_at = i;
    return i < n;
}

/* Expected events "{ SRC / TGT / CODE }" of a comment block. */
static void tabari_expect(sr_record *rec, sr_arena *a, const char *s, size_t n)
{
    sr_expect *v = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '{' || (i > 0 && s[i - 1] == '-'))
            continue;
        const char *close = memchr(s + i, '}', n - i);
        if (!close)
            break;
        char buf[256];
        size_t bl = (size_t)(close - (s + i + 1));
        if (bl >= sizeof buf)
            bl = sizeof buf - 1;
        memcpy(buf, s + i + 1, bl);
        buf[bl] = '\0';
        char *parts[3];
        int k = 0;
        char *save = NULL;
        for (char *t = strtok_r(buf, "/", &save); t && k < 3; t = strtok_r(NULL, "/", &save))
            parts[k++] = t;
        if (k == 3) {
            char *f[3];
            for (int j = 0; j < 3; j++) {
                char *t = parts[j];
                while (*t == ' ' || *t == '\t')
                    t++;
                char *e = t + strlen(t);
                while (e > t && (e[-1] == ' ' || e[-1] == '\t'))
                    *--e = '\0';
                f[j] = t;
            }
            add_expect(rec, a, &v, &cap, sr_arena_strdup(a, f[0]), sr_arena_strdup(a, f[1]),
                       sr_arena_strdup(a, f[2]));
        }
        i = (size_t)(close - s);
    }
}

static bool next_tabari(sr_records *r, sr_record *rec)
{
    const char *s;
    size_t n, at;
    while (tline(r, &s, &n)) {
        if (!record_header(s, n, &at))
            continue;
        r->count++;
        char date[8];
        memcpy(date, s, 6);
        date[6] = '\0';
        char id[128];
        size_t il = n - at < sizeof id - 1 ? n - at : sizeof id - 1;
        memcpy(id, s + at, il);
        id[il] = '\0';
        sr_buf text, comment;
        sr_buf_init(&text);
        sr_buf_init(&comment);
        bool in_comment = false;
        size_t save_pos = r->pos;
        uint32_t save_line = r->line;
        while (tline(r, &s, &n)) {
            size_t at2;
            if (!in_comment && record_header(s, n, &at2)) {
                r->pos = save_pos;     /* a record without a comment block */
                r->line = save_line;
                break;
            }
            if (!in_comment && n >= 2 && s[0] == '/' && s[1] == '*')
                in_comment = true;
            if (in_comment) {
                sr_buf_put(&comment, s, n);
                sr_buf_putc(&comment, '\n');
                if (n >= 2 && memmem(s, n, "*/", 2))
                    break;
            } else if (n == 0 && text.len) {
                break;
            } else if (n) {
                if (text.len)
                    sr_buf_putc(&text, ' ');
                sr_buf_put(&text, s, n);
            }
            save_pos = r->pos;
            save_line = r->line;
        }
        memset(rec, 0, sizeof *rec);
        if (!text.len) {
            sr_error(r->diag, r->path, "record %s has no text; skipped", id);
            sr_buf_free(&text);
            sr_buf_free(&comment);
            continue;
        }
        sr_buf_putc(&text, '\0');
        sr_doc *d = sr_doc_new();
        sr_doc_set_body(d, text.data, text.len - 1);
        sr_arena *a = d->arena;
        d->id = sr_arena_strdup(a, id);
        d->path = sr_arena_strdup(a, r->path);
        d->format = "tabari";
        d->index = r->count - 1;
        d->published = iso_date(a, date);
        rec->doc = d;
        rec->category = "";
        rec->evaluate = true;
        rec->require_dyad = -1;
        tabari_expect(rec, a, comment.data ? comment.data : "", comment.len);
        rec->noevents = rec->nexpected == 0;
        sr_buf_free(&text);
        sr_buf_free(&comment);
        return true;
    }
    return false;
}

bool sr_records_next(sr_records *r, sr_record *rec)
{
    return r->fmt == SR_RECORDS_TABARI ? next_tabari(r, rec) : next_petrarch(r, rec);
}
