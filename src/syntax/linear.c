/*
 * linear.c — sparse linear models: the averaged perceptron every model of
 * the syntax stage is made of, in its trainable and its compiled form.
 *
 * A feature is a 64-bit key (a hash; see syn_key*); it votes for a few of
 * the classes, so its weights are a short row of (class, weight) entries
 * rather than a dense vector: a word feature of the tagger touches three
 * or four of the hundred tags, a parser feature a dozen of its hundred
 * actions.
 *
 * Training keeps integer weights (updates are +1/-1), so a run is exactly
 * reproducible, and averages them lazily: each entry holds w and
 * u = sum(clock * delta); the average over the run is w - u / clock.
 * Rows live in one pool; a full row moves to the end of the pool with twice
 * the room (the hole it leaves is not reused: at most half the pool).
 *
 * Compiled (lint_write), a model is one section of the model file, laid
 * out for the memory system: the parser's table is most of the shipped
 * model, and on the development machine (a virtual machine) only about
 * 3 MB of data are close: a random read in a table of 1 MB takes 15 ns,
 * of 3 MB 40 ns, of 6 MB or more 200-300 ns, with 4 KB or 2 MB pages
 * alike. So cache misses are most of the parsing time. Lookups are very
 * uneven: the parser's most frequent 65,536 keys (of 800,000) make three
 * quarters of its lookups, and an eighth of its lookups are of keys the
 * model does not have. So the keys go to two tables, and a filter guards
 * the larger one:
 *
 *   - hot: the most frequent keys (their count in training when the
 *     trainer has counts, else their number of updates), as many as
 *     lint_hot_bytes() allows, in lines of 64 bytes (one cache line) that
 *     hold up to LIN_LINE_KEYS keys each with their weights inside the
 *     line when a key has at most LIN_INLINE_MAX of them (most keys: two
 *     to five weights), so such a lookup reads one cache line; a key with
 *     more weights has its row out of line, rows packed most frequent
 *     first, so the hottest of them share cache lines and stay in the
 *     caches;
 *   - a Bloom filter over the other keys, each key's LIN_BLOOM_K bits in
 *     one 64-byte line, so most lookups of absent keys end in one line of
 *     a table of well under a megabyte instead of a page of the cold table;
 *   - cold: the other keys, where a feature's slot and its row sit on the
 *     same page, usually in neighbouring cache lines.
 *
 *   u32 nclasses, u32 nbuckets (cold), u32 nwords (u16 units of cold
 *   data), f32 scale, u32 nhot (hot lines), u32 nlongwords (u16 units of
 *   out-of-line rows, a multiple of 32), u32 nbloom (filter lines), zero
 *   to 64 bytes,
 *   nhot x 64 bytes     hot lines (see syntax.h: key count, per key the
 *                       number of inline weights, a filter of the keys
 *                       that passed the line, the fingerprints, the inline
 *                       weights or out-of-line row offsets, the inline
 *                       weights' 8-bit classes),
 *   nbloom x 64 bytes   the filter,
 *   nlongwords x u16    out-of-line rows (see put_row: sparse rows are
 *                       count, weights, then classes, u8 when there are at
 *                       most 256; rows with weights for at least half the
 *                       classes are dense), padded to 64 bytes,
 *   nbuckets x u32      dir: where each cold bucket's page starts in data
 *                       (u16 units), padded to 8 bytes,
 *   nwords x u16        data: pages, each LIN_BUCKET slots (fingerprint,
 *                       row offset in data) followed by the rows of the
 *                       keys in those slots; pages padded to 4 bytes.
 *
 * Hot keys are placed most frequent first, each in its home line (a
 * multiply-shift of 32 key bits, so any number of lines will do) when it
 * has room, else in the next line with room; every line it passes sets the
 * bit of its fingerprint in that line's filter, and a lookup goes on past
 * a line only when its bit is set there. Lines are filled to LIN_LINE_FILL
 * percent of their room on average: fuller lines make a smaller table but
 * longer runs of full lines, whose filters fill up, so that lookups of
 * absent keys (an eighth of the parser's) read more lines (measured on EWT
 * dev, 2026-12-04: 60 % gave the fewest cache misses of 50, 60, 70 %).
 * Cold buckets are filled to 3/4 on average; a full bucket overflows into
 * the next, and a bucket no key overflowed is marked so (LIN_OVERFLOW), so
 * a lookup almost always reads one bucket. Averaged weights are rounded to
 * 16-bit integers with one scale per model (1/32767 of the largest
 * weight), and weights that round to nothing are dropped. Where a key is
 * stored changes nothing in its weights, so the layout does not change a
 * single score.
 *
 * lin_view() checks that layout (sizes, for every filter bit a hot line
 * without it and a cold bucket without the overflow mark, where lookups
 * end, key counts and weight counts that fit their line, every row inside
 * its rows, every class below nclasses, a finite positive scale) so
 * scoring can trust it without further checks; the filters' bits cannot be
 * checked otherwise, but wrong bits only lose weights.
 */
#include "syntax.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* How many bytes of rows go to the hot table unless the trainer says
 * otherwise (lint_hot_bytes), and the Bloom filter's bits per cold key (3
 * bits set per key: about 4% false positives at 8 bits). */
#ifndef LIN_HOT_BYTES
#define LIN_HOT_BYTES (2u << 20)
#endif
/* Rows of at most this many weights go inline in their hot line (at most
 * 17 fit: 8 bytes of header, then 4 + 3 per weight), and lines are filled
 * to LIN_LINE_FILL percent of their room on average. */
#ifndef LIN_INLINE_MAX
#define LIN_INLINE_MAX 17
#endif
#ifndef LIN_LINE_FILL
#define LIN_LINE_FILL 60
#endif
#ifndef LIN_BLOOM_BITS
#define LIN_BLOOM_BITS 8
#endif

/* ---- map builder (also used for lexicons) ------------------------------- */

void syn_mb_init(syn_map_builder *b)
{
    b->cap = 1024;
    b->n = 0;
    b->slots = sr_xcalloc(b->cap, sizeof *b->slots);
}

void syn_mb_free(syn_map_builder *b)
{
    free(b->slots);
    b->slots = NULL;
    b->cap = b->n = 0;
}

syn_slot *syn_mb_get(const syn_map_builder *b, uint64_t key)
{
    syn_map m = {b->slots, b->cap - 1};
    return (syn_slot *)syn_map_get(&m, key);
}

static void mb_grow(syn_map_builder *b)
{
    syn_slot *old = b->slots;
    uint64_t oldcap = b->cap;
    b->cap *= 2;
    b->slots = sr_xcalloc(b->cap, sizeof *b->slots);
    for (uint64_t i = 0; i < oldcap; i++) {
        if (!old[i].key)
            continue;
        uint64_t j = old[i].key & (b->cap - 1);
        while (b->slots[j].key)
            j = (j + 1) & (b->cap - 1);
        b->slots[j] = old[i];
    }
    free(old);
}

syn_slot *syn_mb_put(syn_map_builder *b, uint64_t key)
{
    if ((b->n + 1) * 2 > b->cap)
        mb_grow(b);
    uint64_t j = key & (b->cap - 1);
    while (b->slots[j].key && b->slots[j].key != key)
        j = (j + 1) & (b->cap - 1);
    if (!b->slots[j].key) {
        b->slots[j].key = key;
        b->n++;
    }
    return &b->slots[j];
}

/* ---- trainer ------------------------------------------------------------ */

typedef struct lin_entry {
    int64_t u;               /* sum of clock * delta */
    int32_t w;               /* current weight */
    uint16_t cls;
    uint16_t pad;
} lin_entry;

typedef struct trow {
    uint32_t off;            /* first entry in the pool */
    uint16_t len, cap;
    uint32_t updates;        /* how often the row was updated (saturating) */
} trow;

struct lin_trainer {
    uint32_t nclasses;
    const syn_map_builder *allow;   /* feature counts, or NULL */
    uint32_t min_count;
    syn_map_builder map;     /* key -> a = row index + 1 */
    trow *rows;
    size_t nrows, caprows;
    lin_entry *pool;
    size_t npool, cappool;
    int64_t clock;
    size_t hot_bytes;        /* room for rows in the hot table */
};

lin_trainer *lint_new(uint32_t nclasses)
{
    lin_trainer *t = sr_xcalloc(1, sizeof *t);
    t->nclasses = nclasses;
    syn_mb_init(&t->map);
    t->clock = 1;
    t->hot_bytes = LIN_HOT_BYTES;
    return t;
}

void lint_free(lin_trainer *t)
{
    if (!t)
        return;
    syn_mb_free(&t->map);
    free(t->rows);
    free(t->pool);
    free(t);
}

void lint_tick(lin_trainer *t)
{
    t->clock++;
}

/* The sums are those of the float additions training has always made
 * (every value a float holds here is an integer below 2^31, so the int32
 * holds it exactly): trained models stay byte-identical to those of the
 * float scores, even where a sum of large weights passes 2^24 and rounds. */
void lint_score(const lin_trainer *t, const uint64_t *keys, size_t n,
                int32_t *scores)
{
    syn_map m = {t->map.slots, t->map.cap - 1};
    for (size_t i = 0; i < n; i++) {
        const syn_slot *s = syn_map_get(&m, keys[i]);
        if (!s)
            continue;
        const trow *r = &t->rows[s->a - 1];
        const lin_entry *e = t->pool + r->off;
        for (uint32_t j = 0; j < r->len; j++)
            scores[e[j].cls] = (int32_t)((float)scores[e[j].cls] + (float)e[j].w);
    }
}

static size_t pool_take(lin_trainer *t, size_t n)
{
    if (t->npool + n > t->cappool) {
        size_t cap = t->cappool ? t->cappool * 2 : 1 << 16;
        while (cap < t->npool + n)
            cap *= 2;
        t->pool = sr_xrealloc(t->pool, cap * sizeof *t->pool);
        t->cappool = cap;
    }
    size_t off = t->npool;
    t->npool += n;
    return off;
}

static trow *row_of(lin_trainer *t, uint64_t key)
{
    syn_slot *s = syn_mb_put(&t->map, key);
    if (s->a == 0) {
        if (t->nrows == t->caprows) {
            t->caprows = t->caprows ? t->caprows * 2 : 1 << 14;
            t->rows = sr_xrealloc(t->rows, t->caprows * sizeof *t->rows);
        }
        trow *r = &t->rows[t->nrows++];
        r->cap = 2;
        r->len = 0;
        r->updates = 0;
        r->off = (uint32_t)pool_take(t, r->cap);
        s->a = (uint32_t)t->nrows;
    }
    return &t->rows[s->a - 1];
}

void lint_hot_bytes(lin_trainer *t, size_t bytes)
{
    t->hot_bytes = bytes;
}

void lint_filter(lin_trainer *t, const syn_map_builder *counts, uint32_t min)
{
    t->allow = counts;
    t->min_count = min;
}

static void add(lin_trainer *t, uint64_t key, int cls, int delta)
{
    if (t->allow) {
        const syn_slot *c = syn_mb_get(t->allow, key);
        if (!c || c->a < t->min_count)
            return;
    }
    trow *r = row_of(t, key);
    if (r->updates < UINT32_MAX)
        r->updates++;
    lin_entry *e = t->pool + r->off;
    for (uint32_t j = 0; j < r->len; j++) {
        if (e[j].cls == cls) {
            e[j].w += delta;
            e[j].u += t->clock * delta;
            return;
        }
    }
    if (r->len == r->cap) {
        uint32_t cap = r->cap * 2u;
        if (cap > UINT16_MAX)
            cap = UINT16_MAX;
        if (r->len >= cap)
            return; /* a row as wide as 65535 classes: cannot happen */
        size_t off = pool_take(t, cap);
        memcpy(t->pool + off, t->pool + r->off, r->len * sizeof *t->pool);
        r->off = (uint32_t)off;
        r->cap = (uint16_t)cap;
        e = t->pool + r->off;
    }
    lin_entry *n = &e[r->len++];
    memset(n, 0, sizeof *n);
    n->cls = (uint16_t)cls;
    n->w = delta;
    n->u = t->clock * delta;
}

void lint_update(lin_trainer *t, const uint64_t *keys, size_t n, int good,
                 int bad)
{
    if (good == bad)
        return;
    for (size_t i = 0; i < n; i++) {
        add(t, keys[i], good, +1);
        add(t, keys[i], bad, -1);
    }
}

void lint_add(lin_trainer *t, const uint64_t *keys, size_t n, int cls,
              int delta)
{
    for (size_t i = 0; i < n; i++)
        add(t, keys[i], cls, delta);
}

void lint_size(const lin_trainer *t, size_t *nfeatures, size_t *nweights)
{
    size_t nw = 0;
    for (size_t i = 0; i < t->nrows; i++)
        nw += t->rows[i].len;
    *nfeatures = t->nrows;
    *nweights = nw;
}

/* ---- compiled form ------------------------------------------------------ */

static void put_u32(sr_buf *b, uint32_t v) { sr_buf_put(b, &v, 4); }
static void put_u64(sr_buf *b, uint64_t v) { sr_buf_put(b, &v, 8); }

/* Buckets filled to 3/4 on average: nkeys + nkeys / 3 slots. */
static uint32_t buckets_for(size_t nkeys)
{
    return (uint32_t)((nkeys + nkeys / 3) / LIN_BUCKET + 1);
}

/* Place keys[0..nkeys) in nbuckets buckets of `slots` (fingerprints set,
 * overflow marks set); which[slot] = key index + 1. */
static void place_keys(const uint64_t *keys, size_t nkeys, uint32_t nbuckets,
                       lin_slot *slots, uint32_t *which)
{
    for (size_t k = 0; k < nkeys; k++) {
        uint32_t b = lin_home(keys[k], nbuckets);
        for (;;) {
            lin_slot *s = slots + (size_t)b * LIN_BUCKET;
            int j = 0;
            while (j < LIN_BUCKET && s[j].fp)
                j++;
            if (j < LIN_BUCKET) {
                s[j].fp = lin_fp(keys[k]);
                which[(size_t)b * LIN_BUCKET + (size_t)j] = (uint32_t)k + 1;
                break;
            }
            s[LIN_BUCKET - 1].off |= LIN_OVERFLOW;
            b = b + 1 == nbuckets ? 0 : b + 1;
        }
    }
}

typedef struct by_freq {
    uint64_t freq;
    uint32_t idx;
} by_freq;

static int cmp_freq(const void *a, const void *b)
{
    const by_freq *x = a, *y = b;
    if (x->freq != y->freq)
        return x->freq > y->freq ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Rows are collected as (count, class, weight, class, weight ...) and
 * written as one of (see lin_add_row):
 *   sparse: count, count x i16 weight, count x class (u8 when there are at
 *           most 256 classes, padded to a u16; else u16);
 *   dense:  LIN_DENSE, nclasses x i16 weight (rows with weights for at
 *           least half the classes: added without looking at classes). */
static bool row_dense(const uint16_t *row, uint32_t nclasses)
{
    return 2 * (uint32_t)row[0] >= nclasses;
}

static size_t row_units(const uint16_t *row, uint32_t nclasses)
{
    size_t count = row[0];
    if (row_dense(row, nclasses))
        return 1 + (size_t)nclasses;
    return 1 + count + (nclasses <= 256 ? (count + 1) / 2 : count);
}

static void put_row(sr_buf *out, const uint16_t *row, uint32_t nclasses)
{
    uint16_t count = row[0];
    if (row_dense(row, nclasses)) {
        uint16_t head = LIN_DENSE;
        sr_buf_put(out, &head, 2);
        size_t at = out->len;
        for (uint32_t c = 0; c < nclasses; c++)
            sr_buf_put(out, "\0\0", 2);
        for (uint32_t j = 0; j < count; j++)
            memcpy(out->data + at + 2 * (size_t)row[1 + 2 * j], &row[2 + 2 * j], 2);
        return;
    }
    sr_buf_put(out, &count, 2);
    for (uint32_t j = 0; j < count; j++)
        sr_buf_put(out, &row[2 + 2 * j], 2);
    for (uint32_t j = 0; j < count; j++) {
        if (nclasses <= 256) {
            uint8_t c = (uint8_t)row[1 + 2 * j];
            sr_buf_put(out, &c, 1);
        } else {
            sr_buf_put(out, &row[1 + 2 * j], 2);
        }
    }
    if (nclasses <= 256 && count % 2)
        sr_buf_put(out, "", 1);
}

static void pad_to(sr_buf *b, size_t align)
{
    static const char zeros[64];
    if (b->len % align)
        sr_buf_put(b, zeros, align - b->len % align);
}

/* A model's averaged weights, before layout: keys in the trainer's order
 * (deterministic), each with how often it occurs and its row (count, then
 * count x (class, weight)) at rows + offs[k]. */
typedef struct lin_flat {
    uint32_t nclasses;
    float scale;
    size_t nkeys, nunits, hot_bytes;
    uint64_t *keys, *freq;
    uint32_t *offs;
    uint16_t *rows;
} lin_flat;

static void lin_flat_free(lin_flat *f)
{
    free(f->keys);
    free(f->freq);
    free(f->offs);
    free(f->rows);
}

static void lint_flatten(const lin_trainer *t, float min_abs, lin_flat *f)
{
    /* the averages, and the largest, for the scale */
    size_t cap = t->npool ? t->npool : 1;
    float *avg = sr_xmalloc(cap * sizeof *avg);
    double mx = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const lin_entry *e = t->pool + t->rows[r].off;
        for (uint32_t j = 0; j < t->rows[r].len; j++) {
            double a = (double)e[j].w - (double)e[j].u / (double)t->clock;
            avg[t->rows[r].off + j] = (float)a;
            if (fabs(a) > mx)
                mx = fabs(a);
        }
    }
    double scale = mx > 0 ? 32767.0 / mx : 1.0;
    /* rows in the order of the trainer's table, which is deterministic,
     * with how often each key occurs: its count in training when the
     * trainer filtered by counts (the parser), else its number of updates */
    uint16_t *rows = sr_xmalloc((t->nrows + cap + 1) * 3 * sizeof *rows);
    uint64_t *keys = sr_xmalloc((t->nrows + 1) * sizeof *keys);
    uint32_t *offs = sr_xmalloc((t->nrows + 1) * sizeof *offs);
    uint64_t *freq = sr_xmalloc((t->nrows + 1) * sizeof *freq);
    size_t nr = 0, nkeys = 0;
    for (size_t ti = 0; ti < t->map.cap; ti++) {
        const syn_slot *s = &t->map.slots[ti];
        if (!s->key)
            continue;
        const trow *r = &t->rows[s->a - 1];
        size_t head = nr++;
        uint16_t count = 0;
        for (uint32_t j = 0; j < r->len; j++) {
            double a = avg[r->off + j];
            long q = lround(a * scale);
            if (fabs(a) < min_abs || q == 0)
                continue;
            rows[nr++] = t->pool[r->off + j].cls;
            rows[nr++] = (uint16_t)(int16_t)q;
            count++;
        }
        if (!count) {
            nr = head;
            continue;
        }
        rows[head] = count;
        uint64_t fr = r->updates;
        if (t->allow) {
            const syn_slot *c = syn_mb_get(t->allow, s->key);
            fr = c ? c->a : 0;
        }
        freq[nkeys] = fr;
        keys[nkeys] = s->key;
        offs[nkeys++] = (uint32_t)head;
    }
    free(avg);
    f->nclasses = t->nclasses;
    f->scale = (float)scale;
    f->nkeys = nkeys;
    f->nunits = nr;
    f->hot_bytes = t->hot_bytes;
    f->keys = keys;
    f->freq = freq;
    f->offs = offs;
    f->rows = rows;
}

/* Bytes of a hot line a key takes: its fingerprint, its length byte
 * being free, and its weights and classes inline, or the offset of its row
 * out of line (0 when it must go out of line). */
static size_t inline_bytes(const uint16_t *row, uint32_t nclasses)
{
    if (nclasses > 256 || row_dense(row, nclasses) || row[0] > LIN_INLINE_MAX)
        return 0;
    return 4 + 3 * (size_t)row[0];
}

/* Place the hot keys (most frequent first) in lines: each in its home line
 * when there is room, else in the next line with room, the lines passed
 * marked. Writes the lines and the out-of-line rows; returns the number of
 * lines. */
static uint32_t place_lines(const uint64_t *keys, const uint32_t *offs,
                            size_t nkeys, const uint16_t *rows,
                            uint32_t nclasses, sr_buf *lines, sr_buf *longrows)
{
    if (!nkeys)
        return 0;
    size_t need = 0;
    for (size_t k = 0; k < nkeys; k++) {
        size_t in = inline_bytes(rows + offs[k], nclasses);
        need += in ? in : 8;
    }
    /* lines filled to LIN_LINE_FILL percent of their room on average */
    size_t n1 = need * 100 / ((LIN_LINE - 8) * LIN_LINE_FILL) + 1;
    size_t n2 = nkeys / (LIN_LINE_KEYS - 2) + 1;
    uint32_t nhot = (uint32_t)(n1 > n2 ? n1 : n2);
    uint8_t *used = sr_xcalloc(nhot, 1), *cnt = sr_xcalloc(nhot, 1);
    uint8_t *filt = sr_xcalloc((size_t)nhot * 8, 1);
    uint32_t *which = sr_xcalloc((size_t)nhot * LIN_LINE_KEYS, sizeof *which);
    uint32_t *rowpos = sr_xcalloc(nkeys, sizeof *rowpos);
    for (size_t k = 0; k < nkeys; k++) {
        const uint16_t *row = rows + offs[k];
        size_t in = inline_bytes(row, nclasses), sz = in ? in : 8;
        if (!in) {
            rowpos[k] = (uint32_t)(longrows->len / 2);
            put_row(longrows, row, nclasses);
        }
        uint32_t b = lin_home(keys[k], nhot);
        unsigned bit = lin_line_fbit(lin_fp(keys[k]));
        while (cnt[b] == LIN_LINE_KEYS || 8 + used[b] + sz > LIN_LINE) {
            filt[(size_t)b * 8 + 1 + LIN_LINE_KEYS + bit / 8] |= (uint8_t)(1u << (bit % 8));
            b = b + 1 == nhot ? 0 : b + 1;
        }
        which[(size_t)b * LIN_LINE_KEYS + cnt[b]++] = (uint32_t)k + 1;
        used[b] = (uint8_t)(used[b] + sz);
    }
    pad_to(longrows, 64);
    for (uint32_t b = 0; b < nhot; b++) {
        unsigned char line[LIN_LINE] = {0};
        unsigned n = cnt[b];
        memcpy(line, filt + (size_t)b * 8, 8);
        line[0] = (unsigned char)n;
        size_t wat = 8 + 4 * (size_t)n, cat = wat;
        for (unsigned j = 0; j < n; j++) {
            size_t k = which[(size_t)b * LIN_LINE_KEYS + j] - 1;
            const uint16_t *row = rows + offs[k];
            cat += inline_bytes(row, nclasses) ? 2 * (size_t)row[0] : 4;
        }
        for (unsigned j = 0; j < n; j++) {
            size_t k = which[(size_t)b * LIN_LINE_KEYS + j] - 1;
            const uint16_t *row = rows + offs[k];
            uint32_t fp = lin_fp(keys[k]);
            memcpy(line + 8 + 4 * j, &fp, 4);
            if (!inline_bytes(row, nclasses)) {
                memcpy(line + wat, &rowpos[k], 4);
                wat += 4;
                continue;
            }
            line[1 + j] = (unsigned char)row[0];
            for (uint32_t q = 0; q < row[0]; q++) {
                memcpy(line + wat, &row[2 + 2 * q], 2);
                wat += 2;
                line[cat++] = (unsigned char)row[1 + 2 * q];
            }
        }
        sr_buf_put(lines, line, LIN_LINE);
    }
    free(rowpos);
    free(which);
    free(filt);
    free(cnt);
    free(used);
    return nhot;
}

static void lin_layout(const lin_flat *f, sr_buf *out)
{
    size_t nkeys = f->nkeys;
    uint64_t *keys = sr_xmalloc((nkeys + 1) * sizeof *keys);
    uint32_t *offs = sr_xmalloc((nkeys + 1) * sizeof *offs);
    memcpy(keys, f->keys, nkeys * sizeof *keys);
    memcpy(offs, f->offs, nkeys * sizeof *offs);
    const uint16_t *rows = f->rows;
    by_freq *freq = sr_xmalloc((nkeys + 1) * sizeof *freq);
    for (size_t k = 0; k < nkeys; k++)
        freq[k] = (by_freq){f->freq[k], (uint32_t)k};
    /* the most frequent keys are hot; the rest cold, in the trainer's order */
    qsort(freq, nkeys, sizeof *freq, cmp_freq);
    size_t nhotkeys = 0, hotsize = 0;
    while (nhotkeys < nkeys) {
        size_t sz = 2 * row_units(rows + offs[freq[nhotkeys].idx], f->nclasses);
        if (hotsize + sz > f->hot_bytes)
            break;
        hotsize += sz;
        nhotkeys++;
    }
    uint64_t *hkeys = sr_xmalloc((nhotkeys + 1) * sizeof *hkeys);
    uint32_t *hoffs = sr_xmalloc((nhotkeys + 1) * sizeof *hoffs);
    bool *is_hot = sr_xcalloc(nkeys + 1, sizeof *is_hot);
    for (size_t k = 0; k < nhotkeys; k++) {
        hkeys[k] = keys[freq[k].idx];
        hoffs[k] = offs[freq[k].idx];
        is_hot[freq[k].idx] = true;
    }
    size_t ncold = 0;
    for (size_t k = 0; k < nkeys; k++) {
        if (is_hot[k])
            continue;
        keys[ncold] = keys[k];
        offs[ncold++] = offs[k];
    }
    /* hot: lines, then the out-of-line rows, most frequent first */
    sr_buf hlines, hrows;
    sr_buf_init(&hlines);
    sr_buf_init(&hrows);
    uint32_t nhot = place_lines(hkeys, hoffs, nhotkeys, rows, f->nclasses,
                                &hlines, &hrows);
    /* the Bloom filter of the cold keys */
    uint32_t nbloom = ncold ? (uint32_t)((ncold * LIN_BLOOM_BITS + 511) / 512) : 0;
    uint64_t *bloom = sr_xcalloc((size_t)nbloom * 8 + 1, sizeof *bloom);
    for (size_t k = 0; k < ncold; k++) {
        uint64_t h = lin_bloom_hash(keys[k]);
        uint64_t *line = bloom + 8 * (size_t)lin_home(h, nbloom);
        for (int i = 0; i < LIN_BLOOM_K; i++) {
            uint32_t bit = (uint32_t)(h >> (32 + 9 * i)) & 511u;
            line[bit >> 6] |= 1ULL << (bit & 63);
        }
    }
    /* cold: pages, each bucket's slots, then the rows of its keys */
    uint32_t nbuckets = buckets_for(ncold);
    size_t nslots = (size_t)nbuckets * LIN_BUCKET;
    lin_slot *slots = sr_xcalloc(nslots, sizeof *slots);
    uint32_t *which = sr_xcalloc(nslots, sizeof *which);   /* key + 1 */
    place_keys(keys, ncold, nbuckets, slots, which);
    sr_buf data, dir;
    sr_buf_init(&data);
    sr_buf_init(&dir);
    for (uint32_t b = 0; b < nbuckets; b++) {
        uint32_t page = (uint32_t)(data.len / 2);
        sr_buf_put(&dir, &page, 4);
        lin_slot *s = slots + (size_t)b * LIN_BUCKET;
        size_t rowpos = data.len + LIN_BUCKET * sizeof *s;
        for (int j = 0; j < LIN_BUCKET; j++) {
            uint32_t k = which[(size_t)b * LIN_BUCKET + (size_t)j];
            if (!k)
                continue;
            s[j].off = (s[j].off & LIN_OVERFLOW) | (uint32_t)(rowpos / 2);
            rowpos += row_units(rows + offs[k - 1], f->nclasses) * 2;
        }
        sr_buf_put(&data, s, LIN_BUCKET * sizeof *s);
        for (int j = 0; j < LIN_BUCKET; j++) {
            uint32_t k = which[(size_t)b * LIN_BUCKET + (size_t)j];
            if (k)
                put_row(&data, rows + offs[k - 1], f->nclasses);
        }
        pad_to(&data, 4);
    }
    float fscale = f->scale;
    size_t start = out->len;
    put_u32(out, f->nclasses);
    put_u32(out, nbuckets);
    put_u32(out, (uint32_t)(data.len / 2));
    sr_buf_put(out, &fscale, 4);
    put_u32(out, nhot);
    put_u32(out, (uint32_t)(hrows.len / 2));
    put_u32(out, nbloom);
    while (out->len - start < 64)
        put_u32(out, 0);
    sr_buf_put(out, hlines.data, hlines.len);
    sr_buf_put(out, bloom, (size_t)nbloom * 64);
    sr_buf_put(out, hrows.data, hrows.len);
    sr_buf_put(out, dir.data, dir.len);
    if (dir.len % 8)
        put_u32(out, 0);
    sr_buf_put(out, data.data, data.len);
    sr_buf_free(&data);
    sr_buf_free(&dir);
    sr_buf_free(&hrows);
    free(which);
    free(slots);
    free(bloom);
    sr_buf_free(&hlines);
    free(is_hot);
    free(hoffs);
    free(hkeys);
    free(freq);
    free(keys);
    free(offs);
}

void lint_write(const lin_trainer *t, float min_abs, sr_buf *out)
{
    lin_flat f;
    lint_flatten(t, min_abs, &f);
    lin_layout(&f, out);
    lin_flat_free(&f);
}

/* Check the row at rows + off (of nunits u16 units). */
static bool row_ok(const uint16_t *rows, uint32_t nunits, uint32_t off,
                   uint32_t nclasses, const char **why)
{
    if (off >= nunits) {
        *why = "a weight row lies outside the weights";
        return false;
    }
    uint32_t head = rows[off], room = nunits - off - 1;
    if (head & LIN_DENSE) {
        if (head != LIN_DENSE || nclasses > room) {
            *why = "a weight row lies outside the weights";
            return false;
        }
        return true;
    }
    uint32_t cunits = nclasses <= 256 ? (head + 1) / 2 : head;
    if (head + cunits > room) {
        *why = "a weight row lies outside the weights";
        return false;
    }
    const uint16_t *cls16 = rows + off + 1 + head;
    const uint8_t *cls8 = (const uint8_t *)cls16;
    for (uint32_t q = 0; q < head; q++) {
        if ((nclasses <= 256 ? cls8[q] : cls16[q]) >= nclasses) {
            *why = "a weight has a class out of range";
            return false;
        }
    }
    return true;
}

/* Check the slots of one cold bucket against the rows they point into. */
static bool bucket_ok(const lin_slot *sl, const uint16_t *rows, uint32_t nunits,
                      uint32_t nclasses, const char **why)
{
    for (int j = 0; j < LIN_BUCKET; j++)
        if (sl[j].fp && !row_ok(rows, nunits, sl[j].off & ~LIN_OVERFLOW, nclasses, why))
            return false;
    return true;
}

/* Check one hot line: its count, lengths, inline classes and out-of-line
 * rows. */
static bool line_ok(const unsigned char *line, const uint16_t *rows,
                    uint32_t nunits, uint32_t nclasses, const char **why)
{
    unsigned n = line[0];
    if (n > LIN_LINE_KEYS) {
        *why = "a hot line holds too many keys";
        return false;
    }
    size_t wunits = 0, ncls = 0;
    for (unsigned j = 0; j < LIN_LINE_KEYS; j++) {
        unsigned l = line[1 + j];
        if (j >= n ? l != 0 : l != 0 && nclasses > 256) {
            *why = "a hot line has a bad weight count";
            return false;
        }
        if (j < n) {
            wunits += l ? l : 2;
            ncls += l;
        }
    }
    size_t at = 8 + 4 * (size_t)n;
    if (at + 2 * wunits + ncls > LIN_LINE) {
        *why = "a hot line's weights overrun it";
        return false;
    }
    const unsigned char *cls = line + at + 2 * wunits;
    for (size_t q = 0; q < ncls; q++) {
        if (cls[q] >= nclasses) {
            *why = "a weight has a class out of range";
            return false;
        }
    }
    for (unsigned j = 0; j < n; j++) {
        unsigned l = line[1 + j];
        if (!l) {
            uint32_t off;
            memcpy(&off, line + at, 4);
            if (!row_ok(rows, nunits, off, nclasses, why))
                return false;
        }
        at += l ? 2 * (size_t)l : 4;
    }
    return true;
}

bool lin_view(lin_model *m, const void *p, size_t n, const char **why)
{
    const unsigned char *b = p;
    if (n < 64) {
        *why = "linear model section too short";
        return false;
    }
    uint32_t nclasses, nbuckets, nwords, nhot, nlongwords, nbloom;
    float scale;
    memcpy(&nclasses, b, 4);
    memcpy(&nbuckets, b + 4, 4);
    memcpy(&nwords, b + 8, 4);
    memcpy(&scale, b + 12, 4);
    memcpy(&nhot, b + 16, 4);
    memcpy(&nlongwords, b + 20, 4);
    memcpy(&nbloom, b + 24, 4);
    if (nclasses == 0 || nclasses > UINT16_MAX + 1u || !isfinite(scale) || scale <= 0) {
        *why = "bad number of classes or scale in a linear model";
        return false;
    }
    size_t hotbytes = (size_t)nhot * LIN_LINE;
    size_t bloombytes = (size_t)nbloom * 64;
    size_t dirbytes = (size_t)nbuckets * 4 + (nbuckets % 2 ? 4 : 0);
    if (nbuckets == 0 || nwords % 2 || nlongwords % 32 ||
        64 + hotbytes + bloombytes + (size_t)nlongwords * 2 + dirbytes +
                (size_t)nwords * 2 != n) {
        *why = "linear model section has the wrong size";
        return false;
    }
    const unsigned char *hot = b + 64;
    const uint64_t *bloom = (const uint64_t *)(b + 64 + hotbytes);
    const uint16_t *longrows = (const uint16_t *)(b + 64 + hotbytes + bloombytes);
    const uint32_t *dir = (const uint32_t *)(b + 64 + hotbytes + bloombytes +
                                             (size_t)nlongwords * 2);
    const uint16_t *data = (const uint16_t *)((const unsigned char *)dir + dirbytes);
    /* for every bit of the lines' filters, a line without it, where the
     * lookups of keys with that bit end */
    unsigned char passed[8] = {0};
    if (nhot)
        memset(passed, 0xff, sizeof passed);
    for (uint32_t k = 0; k < nhot; k++) {
        const unsigned char *line = hot + (size_t)k * LIN_LINE;
        for (int i = 1 + LIN_LINE_KEYS; i < 8; i++)
            passed[i] &= line[i];
        if (!line_ok(line, longrows, nlongwords, nclasses, why))
            return false;
    }
    bool stops = true;
    for (int i = 1 + LIN_LINE_KEYS; i < 8; i++)
        stops &= passed[i] == 0;
    if (!stops) {
        *why = "linear model's hot table has no line where a lookup ends";
        return false;
    }
    stops = false;
    for (uint32_t k = 0; k < nbuckets; k++) {
        if (dir[k] % 2 || dir[k] > nwords || nwords - dir[k] < LIN_BUCKET * 4) {
            *why = "a bucket lies outside the weights";
            return false;
        }
        const lin_slot *sl = (const lin_slot *)(data + dir[k]);
        if (!(sl[LIN_BUCKET - 1].off & LIN_OVERFLOW))
            stops = true;
        if (!bucket_ok(sl, data, nwords, nclasses, why))
            return false;
    }
    if (!stops) {
        *why = "linear model table has no bucket where a lookup ends";
        return false;
    }
    m->dir = dir;
    m->data = data;
    m->nbuckets = nbuckets;
    m->nclasses = nclasses;
    m->nwords = nwords;
    m->scale = scale;
    m->hot = nhot ? hot : NULL;
    m->longrows = longrows;
    m->nhot = nhot;
    m->nlongwords = nlongwords;
    m->bloom = nbloom ? bloom : NULL;
    m->nbloom = nbloom;
    return true;
}

#define PREFETCH_BATCH 256

/* Add one row's weights to the scores. Sums are exact in int32: a state
 * has at most a few hundred features, each adding at most 32767 to a class.
 * A dense row is widened to 32 bits and added eight classes at a time. */
static inline void lin_add_row(const lin_model *m, const uint16_t *r,
                               int32_t *scores)
{
    uint32_t head = r[0];
    const int16_t *w = (const int16_t *)(r + 1);
    if (head == LIN_DENSE) {
        uint32_t c = 0, n = m->nclasses;
#ifdef __SSE2__
        for (; c + 8 <= n; c += 8) {
            __m128i x = _mm_loadu_si128((const __m128i *)(w + c));
            __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16);
            __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16);
            __m128i *s0 = (__m128i *)(scores + c), *s1 = (__m128i *)(scores + c + 4);
            _mm_storeu_si128(s0, _mm_add_epi32(_mm_loadu_si128(s0), lo));
            _mm_storeu_si128(s1, _mm_add_epi32(_mm_loadu_si128(s1), hi));
        }
#endif
        for (; c < n; c++)
            scores[c] += w[c];
        return;
    }
    if (m->nclasses <= 256) {
        const uint8_t *cls = (const uint8_t *)(w + head);
        for (uint32_t j = 0; j < head; j++)
            scores[cls[j]] += w[j];
    } else {
        const uint16_t *cls = (const uint16_t *)(w + head);
        for (uint32_t j = 0; j < head; j++)
            scores[cls[j]] += w[j];
    }
}

/* Add one row (inline weights w/cls of n, or the out-of-line row r) to the
 * score vectors of the set bits of `to` (bit i: scores + i * nclasses). */
static inline void add_to_set(const lin_model *m, const int16_t *w,
                              const uint8_t *cls, uint32_t n, const uint16_t *r,
                              uint64_t to, int32_t *scores)
{
    for (; to; to &= to - 1) {
        int32_t *s = scores + (size_t)__builtin_ctzll(to) * m->nclasses;
        if (r) {
            lin_add_row(m, r, s);
        } else {
            for (uint32_t q = 0; q < n; q++)
                s[cls[q]] += w[q];
        }
    }
}

void lin_add_vec(int32_t *dst, const int32_t *src, uint32_t n)
{
    uint32_t c = 0;
#ifdef __SSE2__
    for (; c + 4 <= n; c += 4) {
        __m128i *d = (__m128i *)(dst + c);
        _mm_storeu_si128(d, _mm_add_epi32(_mm_loadu_si128(d),
                                          _mm_loadu_si128((const __m128i *)(src + c))));
    }
#endif
    for (; c < n; c++)
        dst[c] += src[c];
}

/* Add the weights of keys[0..k) (k <= PREFETCH_BATCH), key i's to the
 * vectors of the bits of to[i]. */
static void score_batch(const lin_model *m, const uint64_t *keys,
                        const uint64_t *to, size_t k, int32_t *scores)
{
    const uint16_t *found[PREFETCH_BATCH];
    uint64_t fto[PREFETCH_BATCH];
    uint64_t bh[PREFETCH_BATCH];
    uint16_t cold[PREFETCH_BATCH];
    size_t nc = 0, nf = 0;
    /* hot lines and filter lines */
    for (size_t i = 0; i < k; i++) {
        if (m->nhot)
            __builtin_prefetch(m->hot + (size_t)lin_home(keys[i], m->nhot) * LIN_LINE);
        if (m->bloom) {
            bh[i] = lin_bloom_hash(keys[i]);
            __builtin_prefetch(lin_bloom_line(m, bh[i]));
        }
    }
    /* inline weights added at once; out-of-line rows and the cold pages of
     * keys the filter lets through, prefetched */
    for (size_t i = 0; i < k; i++) {
        unsigned j;
        const unsigned char *line = lin_hot_find(m, keys[i], &j);
        if (line) {
            lin_hit h = lin_line_get(m, line, j);
            if (h.row) {
                __builtin_prefetch(h.row);
                fto[nf] = to[i];
                found[nf++] = h.row;
            } else {
                add_to_set(m, h.w, h.cls, h.n, NULL, to[i], scores);
            }
        } else if (!m->bloom || lin_bloom_maybe(lin_bloom_line(m, bh[i]), bh[i])) {
            __builtin_prefetch(m->dir + lin_home(keys[i], m->nbuckets));
            cold[nc++] = (uint16_t)i;
        }
    }
    /* a cold page: its slots, and the first rows after them */
    for (size_t c = 0; c < nc; c++) {
        const uint16_t *pg = m->data + m->dir[lin_home(keys[cold[c]], m->nbuckets)];
        __builtin_prefetch(pg);
        __builtin_prefetch(pg + 32);
        __builtin_prefetch(pg + 64);
    }
    for (size_t c = 0; c < nc; c++) {
        const uint16_t *r = lin_cold_row(m, keys[cold[c]]);
        if (r) {
            __builtin_prefetch(r);
            fto[nf] = to[cold[c]];
            found[nf++] = r;
        }
    }
    for (size_t i = 0; i < nf; i++)
        add_to_set(m, NULL, NULL, 0, found[i], fto[i], scores);
}

void lin_score(const lin_model *m, const uint64_t *keys, size_t n,
               int32_t *scores)
{
    uint64_t to[PREFETCH_BATCH];
    for (size_t i = 0; i < PREFETCH_BATCH && i < n; i++)
        to[i] = 1;
    while (n > 0) {
        size_t k = n < PREFETCH_BATCH ? n : PREFETCH_BATCH;
        score_batch(m, keys, to, k, scores);
        keys += k;
        n -= k;
    }
}

void lin_score_sets(const lin_model *m, const uint64_t *keys,
                    const uint64_t *to, size_t n, int32_t *scores)
{
    while (n > 0) {
        size_t k = n < PREFETCH_BATCH ? n : PREFETCH_BATCH;
        score_batch(m, keys, to, k, scores);
        keys += k;
        to += k;
        n -= k;
    }
}

void syn_count(syn_map_builder *counts, const uint64_t *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        syn_mb_put(counts, keys[i])->a++;
}

static bool map_ok(const syn_slot *slots, uint64_t nslots, const char **why)
{
    if (nslots == 0 || (nslots & (nslots - 1)) != 0) {
        *why = "hash table size is not a power of two";
        return false;
    }
    /* an empty slot must exist, or lookups of absent keys never stop */
    for (uint64_t i = 0; i < nslots; i++)
        if (slots[i].key == 0)
            return true;
    *why = "hash table has no empty slot";
    return false;
}

/* ---- maps and string lists as sections ---------------------------------- */

void syn_map_write(const syn_map_builder *b, sr_buf *out)
{
    /* the smallest power of two that keeps the load at most 1/2 */
    uint64_t cap = 4;
    while (cap < 2 * b->n)
        cap *= 2;
    syn_slot *slots = sr_xcalloc(cap, sizeof *slots);
    for (uint64_t i = 0; i < b->cap; i++) {
        if (!b->slots[i].key)
            continue;
        uint64_t j = b->slots[i].key & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = b->slots[i];
    }
    put_u64(out, cap);
    sr_buf_put(out, slots, cap * sizeof *slots);
    free(slots);
}

bool syn_map_view(syn_map *m, const void *p, size_t n, const char **why)
{
    uint64_t nslots;
    if (n < 8) {
        *why = "table section too short";
        return false;
    }
    memcpy(&nslots, p, 8);
    if (nslots > (n - 8) / sizeof(syn_slot) || 8 + nslots * sizeof(syn_slot) != n) {
        *why = "table section has the wrong size";
        return false;
    }
    const syn_slot *slots = (const syn_slot *)((const unsigned char *)p + 8);
    if (!map_ok(slots, nslots, why))
        return false;
    m->slots = slots;
    m->mask = nslots - 1;
    return true;
}

void syn_strings_write(const char *const *strs, uint32_t n, sr_buf *out)
{
    put_u32(out, n);
    uint32_t off = 0;
    for (uint32_t i = 0; i < n; i++) {
        put_u32(out, off);
        off += (uint32_t)strlen(strs[i]) + 1;
    }
    for (uint32_t i = 0; i < n; i++)
        sr_buf_put(out, strs[i], strlen(strs[i]) + 1);
}

bool syn_strings_view(syn_strings *s, const void *p, size_t n, const char **why)
{
    const unsigned char *b = p;
    uint32_t count;
    if (n < 4) {
        *why = "string list too short";
        return false;
    }
    memcpy(&count, b, 4);
    if (count > (n - 4) / 4) {
        *why = "string list count exceeds the section";
        return false;
    }
    const uint32_t *off = (const uint32_t *)(b + 4);
    const char *bytes = (const char *)(b + 4 + (size_t)count * 4);
    size_t nbytes = n - 4 - (size_t)count * 4;
    if (count && (nbytes == 0 || bytes[nbytes - 1] != '\0')) {
        *why = "string list is not NUL-terminated";
        return false;
    }
    for (uint32_t i = 0; i < count; i++) {
        if (off[i] >= nbytes) {
            *why = "a string lies outside the section";
            return false;
        }
    }
    s->bytes = bytes;
    s->off = off;
    s->n = count;
    return true;
}

uint64_t syn_str_hash(const char *s, size_t n)
{
    return sr_hash64(s, n, 0x5eed5eedULL);
}
