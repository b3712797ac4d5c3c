/*
 * conllu.c — reading and writing CoNLL-U.
 *
 * CoNLL-U is how sitrep meets the treebanks it is trained and scored on and
 * the parses that validation suites carry. The reader turns a file into
 * ordinary sr_docs, so the rest of the pipeline does not know a document
 * came from a treebank: the body is rebuilt from the "# text" comments (or
 * from the forms and SpaceAfter=No when a sentence has none), sentences of a
 * paragraph joined by a space and paragraphs ("# newpar") by a blank line,
 * and each word gets the byte range of its form in that body.
 *
 * The reader is lenient about what it can repair and strict about what it
 * cannot: UD v1 names (dobj, nsubjpass, neg, name, CONJ ...) are mapped onto
 * v2; a line with the wrong number of columns, an ID out of sequence, a head
 * outside the sentence or a cycle in the tree is reported with file and line
 * and its sentence is skipped, and reading goes on with the next sentence.
 * Empty nodes ("8.1", enhanced dependencies) are ignored.
 */
#include "sitrep.h"
#include "../core/internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- UD v1 -> v2 -------------------------------------------------------- */

static const char *const v1_to_v2[][2] = {
    {"dobj", "obj"},           {"nsubjpass", "nsubj:pass"},
    {"csubjpass", "csubj:pass"}, {"auxpass", "aux:pass"},
    {"neg", "advmod"},         {"name", "flat"},
    {"mwe", "fixed"},          {"foreign", "flat:foreign"},
    {"remnant", "orphan"},     {"nmod:tmod", "obl:tmod"},
    {"nmod:npmod", "obl:npmod"},
};

static const char *map_deprel(const char *rel)
{
    for (size_t i = 0; i < SR_ARRAY_LEN(v1_to_v2); i++)
        if (strcmp(rel, v1_to_v2[i][0]) == 0)
            return v1_to_v2[i][1];
    return rel;
}

/* ---- reader state ------------------------------------------------------- */

typedef struct raw_word {
    const char *cols[10];
    size_t lens[10];
    int mwt_end;            /* for a range line "a-b": b; else 0 */
    int id;                 /* word id, or first id of a range */
    long line;
} raw_word;

struct sr_conllu_reader {
    const char *path;
    const char *text, *end, *pos;
    long line;
    bool per_sentence;
    sr_diag *diag;
    /* one sentence being collected */
    raw_word *rw;
    size_t nrw, caprw;
    const char *sent_text;
    size_t sent_text_len;
    const char *sent_id;
    size_t sent_id_len;
    bool newpar, newdoc;
    const char *newdoc_id;
    size_t newdoc_id_len;
    /* a document being built */
    sr_doc *doc;
    sr_buf body;
    sr_word *words;
    size_t nwords, capwords;
    sr_sentence *sents;
    size_t nsents, capsents;
    sr_span *paras;
    size_t nparas, capparas;
    bool pending_newdoc;    /* a newdoc seen that belongs to the next doc */
    const char *pending_id;
    size_t pending_id_len;
};

sr_conllu_reader *sr_conllu_open(const char *path, const char *text,
                                 size_t len, bool per_sentence, sr_diag *diag)
{
    sr_conllu_reader *r = sr_xcalloc(1, sizeof *r);
    r->path = path ? path : "-";
    r->text = r->pos = text;
    r->end = text + len;
    r->per_sentence = per_sentence;
    r->diag = diag;
    sr_buf_init(&r->body);
    return r;
}

void sr_conllu_close(sr_conllu_reader *r)
{
    if (!r)
        return;
    if (r->doc)
        sr_doc_free(r->doc);
    free(r->rw);
    free(r->words);
    free(r->sents);
    free(r->paras);
    sr_buf_free(&r->body);
    free(r);
}

/* Next line of input (without '\n' or '\r'); false at the end. */
static bool next_line(sr_conllu_reader *r, const char **line, size_t *len)
{
    if (r->pos >= r->end)
        return false;
    const char *nl = memchr(r->pos, '\n', (size_t)(r->end - r->pos));
    const char *e = nl ? nl : r->end;
    *line = r->pos;
    *len = (size_t)(e - r->pos);
    if (*len && (*line)[*len - 1] == '\r')
        (*len)--;
    r->pos = nl ? nl + 1 : r->end;
    r->line++;
    return true;
}

static bool starts(const char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    return n >= m && memcmp(s, prefix, m) == 0;
}

/* "# key = value" -> value, or NULL when the comment is not that key. */
static const char *comment_value(const char *s, size_t n, const char *k,
                                 size_t *vlen)
{
    size_t i = 1;
    while (i < n && s[i] == ' ')
        i++;
    size_t kl = strlen(k);
    if (n - i < kl || memcmp(s + i, k, kl) != 0)
        return NULL;
    i += kl;
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && s[i] == '=') {
        i++;
        while (i < n && s[i] == ' ')
            i++;
    } else if (i < n) {
        return NULL;
    }
    *vlen = n - i;
    return s + i;
}

static bool parse_int(const char *s, size_t n, int *out)
{
    if (n == 0 || n > 9)
        return false;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static void reset_sentence(sr_conllu_reader *r)
{
    r->nrw = 0;
    r->sent_text = r->sent_id = NULL;
    r->sent_text_len = r->sent_id_len = 0;
    r->newpar = false;
}

/* Split a word line into its 10 columns; false when there are not 10. */
static bool split_cols(const char *s, size_t n, raw_word *w)
{
    size_t c = 0, start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\t') {
            if (c >= 10)
                return false;
            w->cols[c] = s + start;
            w->lens[c] = i - start;
            c++;
            start = i + 1;
        }
    }
    return c == 10;
}

#define GROW(arr, n, cap)                                               \
    do {                                                                \
        if ((n) == (cap)) {                                             \
            (cap) = (cap) ? (cap) * 2 : 64;                             \
            (arr) = sr_xrealloc((arr), (cap) * sizeof *(arr));          \
        }                                                               \
    } while (0)

static char *dup_col(sr_doc *d, const raw_word *w, int c)
{
    return sr_arena_strndup(d->arena, w->cols[c], w->lens[c]);
}

static bool is_blank(const raw_word *w, int c)
{
    return w->lens[c] == 1 && w->cols[c][0] == '_';
}

static bool space_after_no(const raw_word *w)
{
    const char *m = w->cols[9];
    size_t n = w->lens[9];
    for (size_t i = 0; i + 13 <= n; i++)
        if (memcmp(m + i, "SpaceAfter=No", 13) == 0 &&
            (i == 0 || m[i - 1] == '|'))
            return true;
    return false;
}

/* Check that the heads of words [first, first+n) form a tree rooted at 0. */
static bool is_tree(const sr_word *w, size_t n, size_t *bad)
{
    for (size_t i = 0; i < n; i++) {
        if (!w[i].deprel)
            continue;
        size_t steps = 0;
        uint32_t h = w[i].head;
        while (h != 0) {
            if (h > n || ++steps > n) {
                *bad = i;
                return false;
            }
            if (!w[h - 1].deprel)
                break;
            h = w[h - 1].head;
        }
    }
    return true;
}

/* Locate `form` in the body at or after *cur (skipping whitespace). Returns
 * true and sets [*s, *e) when found at once; else leaves *cur unchanged. */
static bool find_form(const sr_buf *body, size_t limit, size_t *cur,
                      const char *form, size_t flen, size_t *s, size_t *e)
{
    size_t p = *cur;
    while (p < limit && (body->data[p] == ' ' || body->data[p] == '\t' ||
                         body->data[p] == '\n'))
        p++;
    if (flen && p + flen <= limit && memcmp(body->data + p, form, flen) == 0) {
        *s = p;
        *e = p + flen;
        *cur = p + flen;
        return true;
    }
    return false;
}

/* Turn the collected raw lines of one sentence into words of r->doc. */
static bool build_sentence(sr_conllu_reader *r)
{
    sr_doc *d = r->doc;
    /* validate ids and collect words */
    int expect = 1, nwords = 0;
    for (size_t i = 0; i < r->nrw; i++) {
        raw_word *w = &r->rw[i];
        if (w->mwt_end) {
            if (w->id != expect || w->mwt_end < w->id) {
                sr_error(r->diag, NULL, "%s:%ld: multiword token range %d-%d out of sequence; sentence skipped",
                         r->path, w->line, w->id, w->mwt_end);
                return false;
            }
            continue;
        }
        if (w->id != expect) {
            sr_error(r->diag, NULL, "%s:%ld: word id %d where %d was expected; sentence skipped",
                     r->path, w->line, w->id, expect);
            return false;
        }
        expect++;
        nwords++;
    }
    if (nwords == 0)
        return true;
    size_t base = r->nwords;
    size_t body_mark = r->body.len, paras_mark = r->nparas;
    uint32_t para_end_mark = r->nparas ? r->paras[r->nparas - 1].end : 0;
    if (r->per_sentence && r->doc && r->sent_id && !r->doc->id)
        r->doc->id = sr_arena_strndup(d->arena, r->sent_id, r->sent_id_len);
    /* the sentence text */
    size_t para_sep = 0;
    if (r->nsents == 0 || r->newpar || r->per_sentence) {
        if (r->body.len)
            para_sep = 2;
    } else if (r->body.len) {
        para_sep = 1;
    }
    if (para_sep == 2)
        sr_buf_put(&r->body, "\n\n", 2);
    else if (para_sep == 1)
        sr_buf_putc(&r->body, ' ');
    size_t sstart = r->body.len;
    if (r->sent_text) {
        sr_buf_put(&r->body, r->sent_text, r->sent_text_len);
    } else {
        for (size_t i = 0; i < r->nrw; i++) {
            raw_word *w = &r->rw[i];
            bool inside = false;
            for (size_t j = 0; j < i; j++)
                if (r->rw[j].mwt_end && w->id >= r->rw[j].id && w->id <= r->rw[j].mwt_end && !w->mwt_end)
                    inside = true;
            if (inside)
                continue;
            sr_buf_put(&r->body, w->cols[1], w->lens[1]);
            if (!space_after_no(w) && i + 1 < r->nrw)
                sr_buf_putc(&r->body, ' ');
        }
        while (r->body.len > sstart && r->body.data[r->body.len - 1] == ' ')
            r->body.len--;
    }
    size_t send = r->body.len;
    if (para_sep == 2 || r->nparas == 0) {
        GROW(r->paras, r->nparas, r->capparas);
        r->paras[r->nparas++] = (sr_span){(uint32_t)sstart, (uint32_t)send};
    } else {
        r->paras[r->nparas - 1].end = (uint32_t)send;
    }
    /* words */
    size_t cur = sstart;
    int mwt_left = 0;           /* member words of a multiword token to go */
    size_t mwt_s = 0, mwt_e = 0, mwt_cur = 0;
    bool mwt_space = true;      /* whitespace after the multiword token */
    bool mwt_first = false;     /* the next word is the token's first */
    for (size_t i = 0; i < r->nrw; i++) {
        raw_word *w = &r->rw[i];
        size_t s, e;
        if (w->mwt_end) {
            if (!find_form(&r->body, send, &cur, w->cols[1], w->lens[1], &s, &e))
                s = e = cur;
            mwt_s = mwt_cur = s;
            mwt_e = e;
            mwt_left = w->mwt_end - w->id + 1;
            mwt_space = !space_after_no(w);
            mwt_first = true;
            continue;
        }
        GROW(r->words, r->nwords, r->capwords);
        sr_word *x = &r->words[r->nwords];
        memset(x, 0, sizeof *x);
        if (mwt_left) {
            if (mwt_first) {
                mwt_first = false;
                int len = mwt_left;
                x->mwt_len = (uint8_t)(len > 255 ? 255 : len);
                x->mwt_span = (sr_span){(uint32_t)mwt_s, (uint32_t)mwt_e};
            }
            if (find_form(&r->body, mwt_e, &mwt_cur, w->cols[1], w->lens[1], &s, &e)) {
                x->start = (uint32_t)s;
                x->end = (uint32_t)e;
            } else {
                x->start = (uint32_t)mwt_s;
                x->end = (uint32_t)mwt_e;
            }
            mwt_left--;
            x->space_after = mwt_left == 0 ? mwt_space : 0;
        } else {
            if (!find_form(&r->body, send, &cur, w->cols[1], w->lens[1], &s, &e))
                s = e = cur;
            x->start = (uint32_t)s;
            x->end = (uint32_t)e;
            x->space_after = !space_after_no(w);
        }
        x->form = dup_col(d, w, 1);
        x->norm = x->form;
        if (!is_blank(w, 2) || (w->lens[1] == 1 && w->cols[1][0] == '_'))
            x->lemma = dup_col(d, w, 2);
        if (w->lens[3] == 4 && memcmp(w->cols[3], "CONJ", 4) == 0)
            x->upos = SR_UPOS_CCONJ;
        else
            x->upos = (uint8_t)sr_upos_from_name(w->cols[3], w->lens[3]);
        if (!is_blank(w, 4))
            x->xpos = dup_col(d, w, 4);
        if (!is_blank(w, 5))
            x->feats = dup_col(d, w, 5);
        if (!is_blank(w, 6) || !is_blank(w, 7)) {
            int h;
            if (!parse_int(w->cols[6], w->lens[6], &h) || h > nwords) {
                sr_error(r->diag, NULL, "%s:%ld: head '%.*s' is not a word of the sentence; sentence skipped",
                         r->path, w->line, (int)(w->lens[6] > 20 ? 20 : w->lens[6]), w->cols[6]);
                goto fail;
            }
            x->head = (uint32_t)h;
            char *rel = dup_col(d, w, 7);
            x->deprel = map_deprel(rel) == rel ? rel : map_deprel(rel);
        }
        r->nwords++;
    }
    size_t bad;
    if (!is_tree(r->words + base, r->nwords - base, &bad)) {
        sr_error(r->diag, NULL, "%s:%ld: heads form a cycle (word %zu); sentence skipped",
                 r->path, r->rw[0].line, bad + 1);
        goto fail;
    }
    GROW(r->sents, r->nsents, r->capsents);
    sr_sentence *s = &r->sents[r->nsents++];
    memset(s, 0, sizeof *s);
    s->start = (uint32_t)sstart;
    s->end = (uint32_t)send;
    s->first_word = (uint32_t)base;
    s->nwords = (uint32_t)(r->nwords - base);
    s->paragraph = (uint32_t)(r->nparas - 1);
    if (r->sent_id)
        s->sent_id = sr_arena_strndup(d->arena, r->sent_id, r->sent_id_len);
    return true;

fail:
    /* forget the sentence: its words, its text and a paragraph it opened */
    r->nwords = base;
    r->body.len = body_mark;
    if (r->body.data)
        r->body.data[body_mark] = '\0';
    r->nparas = paras_mark;
    if (r->nparas)
        r->paras[r->nparas - 1].end = para_end_mark;
    return false;
}

/* Move the collected sentences into the document and hand it out. */
static sr_doc *finish_doc(sr_conllu_reader *r)
{
    sr_doc *d = r->doc;
    r->doc = NULL;
    if (!d)
        return NULL;
    if (r->nsents == 0) {
        sr_doc_free(d);
        r->nwords = r->nparas = 0;
        sr_buf_reset(&r->body);
        return NULL;
    }
    sr_doc_set_body(d, r->body.data ? r->body.data : "", r->body.len);
    d->words = sr_arena_alloc(d->arena, r->nwords * sizeof *d->words + 1);
    memcpy(d->words, r->words, r->nwords * sizeof *d->words);
    d->nwords = (uint32_t)r->nwords;
    d->sentences = sr_arena_alloc(d->arena, r->nsents * sizeof *d->sentences);
    memcpy(d->sentences, r->sents, r->nsents * sizeof *d->sentences);
    d->nsentences = (uint32_t)r->nsents;
    d->paragraphs = sr_arena_alloc(d->arena, r->nparas * sizeof *d->paragraphs);
    memcpy(d->paragraphs, r->paras, r->nparas * sizeof *d->paragraphs);
    d->nparagraphs = (uint32_t)r->nparas;
    d->format = "conllu";
    d->path = sr_arena_strdup(d->arena, r->path);
    r->nwords = r->nsents = r->nparas = 0;
    sr_buf_reset(&r->body);
    sr_doc_assign_id(d);
    return d;
}

static void start_doc(sr_conllu_reader *r)
{
    if (r->doc)
        return;
    r->doc = sr_doc_new();
    if (r->pending_id) {
        r->doc->id = sr_arena_strndup(r->doc->arena, r->pending_id, r->pending_id_len);
        r->pending_id = NULL;
    }
}

sr_doc *sr_conllu_next(sr_conllu_reader *r)
{
    const char *line;
    size_t len;
    for (;;) {
        bool more = next_line(r, &line, &len);
        if (!more || len == 0) {
            /* end of a sentence (or of the input) */
            if (r->nrw > 0) {
                start_doc(r);
                build_sentence(r);
                reset_sentence(r);
                if (r->per_sentence) {
                    sr_doc *d = finish_doc(r);
                    if (d)
                        return d;
                }
            }
            if (!more) {
                sr_doc *d = finish_doc(r);
                return d;
            }
            continue;
        }
        if (line[0] == '#') {
            size_t vl;
            const char *v;
            if (r->nrw > 0) {
                /* a comment after word lines with no blank line between */
                start_doc(r);
                build_sentence(r);
                reset_sentence(r);
                if (r->per_sentence) {
                    r->pos = line;  /* re-read this comment next time */
                    r->line--;
                    sr_doc *d = finish_doc(r);
                    if (d)
                        return d;
                    continue;
                }
            }
            if (starts(line, len, "# newdoc")) {
                v = comment_value(line, len, "newdoc id", &vl);
                if (!v)
                    vl = 0;
                r->newpar = true;
                if (!r->per_sentence && r->doc && r->nsents > 0) {
                    r->pending_id = vl ? v : NULL;
                    r->pending_id_len = vl;
                    sr_doc *d = finish_doc(r);
                    if (d)
                        return d;
                } else if (!r->per_sentence && vl) {
                    start_doc(r);
                    r->doc->id = sr_arena_strndup(r->doc->arena, v, vl);
                }
            } else if (comment_value(line, len, "newpar", &vl) || starts(line, len, "# newpar")) {
                r->newpar = true;
            } else if ((v = comment_value(line, len, "text", &vl)) != NULL) {
                r->sent_text = v;
                r->sent_text_len = vl;
            } else if ((v = comment_value(line, len, "sent_id", &vl)) != NULL) {
                r->sent_id = v;
                r->sent_id_len = vl;
            }
            continue;
        }
        raw_word w;
        memset(&w, 0, sizeof w);
        w.line = r->line;
        if (!split_cols(line, len, &w)) {
            sr_error(r->diag, NULL, "%s:%ld: expected 10 tab-separated columns; sentence skipped",
                     r->path, r->line);
            /* skip to the end of this sentence */
            while (next_line(r, &line, &len) && len > 0)
                ;
            reset_sentence(r);
            continue;
        }
        const char *id = w.cols[0];
        size_t idl = w.lens[0];
        const char *dash = memchr(id, '-', idl);
        const char *dot = memchr(id, '.', idl);
        if (dot)
            continue; /* empty node of enhanced dependencies */
        bool ok;
        if (dash) {
            ok = parse_int(id, (size_t)(dash - id), &w.id) &&
                 parse_int(dash + 1, idl - (size_t)(dash - id) - 1, &w.mwt_end);
        } else {
            ok = parse_int(id, idl, &w.id) && w.id > 0;
        }
        if (!ok) {
            sr_error(r->diag, NULL, "%s:%ld: bad word id '%.*s'; sentence skipped",
                     r->path, r->line, (int)(idl > 20 ? 20 : idl), id);
            while (next_line(r, &line, &len) && len > 0)
                ;
            reset_sentence(r);
            continue;
        }
        GROW(r->rw, r->nrw, r->caprw);
        r->rw[r->nrw++] = w;
    }
}

/* ---- writer ------------------------------------------------------------- */

static void col(sr_buf *b, const char *s)
{
    sr_buf_putc(b, '\t');
    if (s && *s)
        sr_buf_puts(b, s);
    else
        sr_buf_putc(b, '_');
}

/* The form as a CoNLL-U column: tabs and newlines inside a form (possible
 * in raw text) would break the format, so they become spaces. */
static void form_col(sr_buf *b, const char *s, size_t n)
{
    sr_buf_putc(b, '\t');
    if (n == 0) {
        sr_buf_putc(b, '_');
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        sr_buf_putc(b, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
    }
}

void sr_doc_to_conllu(const sr_doc *doc, sr_buf *b)
{
    for (uint32_t si = 0; si < doc->nsentences; si++) {
        const sr_sentence *s = &doc->sentences[si];
        if (si == 0 && doc->id)
            sr_buf_printf(b, "# newdoc id = %s\n", doc->id);
        if (si == 0 || s->paragraph != doc->sentences[si - 1].paragraph)
            sr_buf_puts(b, "# newpar\n");
        if (s->sent_id)
            sr_buf_printf(b, "# sent_id = %s\n", s->sent_id);
        else
            sr_buf_printf(b, "# sent_id = %s-%u\n", doc->id ? doc->id : "doc", si + 1);
        sr_buf_puts(b, "# text = ");
        for (uint32_t i = s->start; i < s->end && i < doc->body_len; i++) {
            char c = doc->body[i];
            sr_buf_putc(b, (c == '\n' || c == '\r' || c == '\t') ? ' ' : c);
        }
        sr_buf_putc(b, '\n');
        uint32_t mwt_until = 0;
        for (uint32_t i = 0; i < s->nwords; i++) {
            const sr_word *w = &doc->words[s->first_word + i];
            if (w->mwt_len > 1) {
                uint32_t last = i + w->mwt_len - 1;
                bool space = last >= s->nwords - 1 ||
                             doc->words[s->first_word + last].space_after;
                sr_buf_printf(b, "%u-%u", i + 1, i + w->mwt_len);
                form_col(b, doc->body + w->mwt_span.start,
                         w->mwt_span.end - w->mwt_span.start);
                sr_buf_puts(b, "\t_\t_\t_\t_\t_\t_\t_");
                sr_buf_puts(b, space ? "\t_\n" : "\tSpaceAfter=No\n");
            }
            sr_buf_printf(b, "%u", i + 1);
            form_col(b, w->form, strlen(w->form));
            col(b, w->lemma);
            col(b, w->upos ? sr_upos_name((sr_upos)w->upos) : NULL);
            col(b, w->xpos);
            col(b, w->feats);
            if (w->deprel)
                sr_buf_printf(b, "\t%u", w->head);
            else
                sr_buf_puts(b, "\t_");
            col(b, w->deprel);
            sr_buf_puts(b, "\t_");
            /* SpaceAfter belongs to the token: on the range line for a
             * multiword token, on the word otherwise. */
            if (w->mwt_len > 1)
                mwt_until = i + w->mwt_len;
            bool inside_mwt = i < mwt_until;
            if (!inside_mwt && !w->space_after && i + 1 < s->nwords)
                sr_buf_puts(b, "\tSpaceAfter=No\n");
            else
                sr_buf_puts(b, "\t_\n");
        }
        sr_buf_putc(b, '\n');
    }
}
