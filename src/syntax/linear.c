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
 * model, and on a machine whose memory is far away (a virtual machine's
 * nested page tables make every TLB miss slow) its cache and TLB misses are
 * most of the parsing time. So a feature's slot and its row sit on the same
 * page, usually in neighbouring cache lines:
 *
 *   u32 nclasses, u32 nbuckets, u32 nwords (u16 units of data), f32 scale,
 *   zero to 64 bytes,
 *   nbuckets x u32      dir: where each bucket's page starts in data
 *                       (u16 units), padded to 8 bytes,
 *   nwords x u16        data: pages, each LIN_BUCKET slots (fingerprint,
 *                       row offset in data) followed by the rows of the
 *                       keys in those slots: count, then count x (class,
 *                       i16 weight); pages padded to 4 bytes.
 *
 * The directory is small enough to stay in cache. Buckets are filled to
 * 3/4 on average (the home bucket is a multiply-shift of 32 key bits, so
 * any number of buckets will do); a full bucket overflows into the next,
 * and a bucket no key overflowed is marked so (LIN_OVERFLOW), so a lookup
 * almost always reads one page. Averaged weights are rounded to 16-bit
 * integers with one scale per model (1/32767 of the largest weight), and
 * weights that round to nothing are dropped.
 *
 * lin_view() checks that layout (sizes, an empty slot, every row inside the
 * rows, every class below nclasses, a finite positive scale) so scoring can
 * trust it without further checks.
 */
#include "syntax.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
};

lin_trainer *lint_new(uint32_t nclasses)
{
    lin_trainer *t = sr_xcalloc(1, sizeof *t);
    t->nclasses = nclasses;
    syn_mb_init(&t->map);
    t->clock = 1;
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

void lint_score(const lin_trainer *t, const uint64_t *keys, size_t n,
                float *scores)
{
    syn_map m = {t->map.slots, t->map.cap - 1};
    for (size_t i = 0; i < n; i++) {
        const syn_slot *s = syn_map_get(&m, keys[i]);
        if (!s)
            continue;
        const trow *r = &t->rows[s->a - 1];
        const lin_entry *e = t->pool + r->off;
        for (uint32_t j = 0; j < r->len; j++)
            scores[e[j].cls] += (float)e[j].w;
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
        r->off = (uint32_t)pool_take(t, r->cap);
        s->a = (uint32_t)t->nrows;
    }
    return &t->rows[s->a - 1];
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

void lint_write(const lin_trainer *t, float min_abs, sr_buf *out)
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
    /* rows in the order of the trainer's table, which is deterministic */
    uint16_t *rows = sr_xmalloc((t->nrows + cap + 1) * 3 * sizeof *rows);
    uint64_t *keys = sr_xmalloc((t->nrows + 1) * sizeof *keys);
    uint32_t *offs = sr_xmalloc((t->nrows + 1) * sizeof *offs);
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
        keys[nkeys] = s->key;
        offs[nkeys++] = (uint32_t)head;
    }
    uint32_t nbuckets = (uint32_t)((nkeys + nkeys / 3) / LIN_BUCKET + 1);
    size_t nslots = (size_t)nbuckets * LIN_BUCKET;
    lin_slot *slots = sr_xcalloc(nslots, sizeof *slots);
    uint32_t *which = sr_xcalloc(nslots, sizeof *which);   /* key + 1 */
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
    /* pages: each bucket's slots, then the rows of its keys */
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
            rowpos += (1 + 2 * (size_t)rows[offs[k - 1]]) * 2;
        }
        sr_buf_put(&data, s, LIN_BUCKET * sizeof *s);
        for (int j = 0; j < LIN_BUCKET; j++) {
            uint32_t k = which[(size_t)b * LIN_BUCKET + (size_t)j];
            if (k)
                sr_buf_put(&data, rows + offs[k - 1], (1 + 2 * (size_t)rows[offs[k - 1]]) * 2);
        }
        if (data.len % 4)
            sr_buf_put(&data, "\0\0", 2);
    }
    float fscale = (float)scale;
    static const char zeros[48];
    put_u32(out, t->nclasses);
    put_u32(out, nbuckets);
    put_u32(out, (uint32_t)(data.len / 2));
    sr_buf_put(out, &fscale, 4);
    sr_buf_put(out, zeros, sizeof zeros);
    sr_buf_put(out, dir.data, dir.len);
    if (dir.len % 8)
        put_u32(out, 0);
    sr_buf_put(out, data.data, data.len);
    sr_buf_free(&data);
    sr_buf_free(&dir);
    free(which);
    free(slots);
    free(keys);
    free(offs);
    free(rows);
    free(avg);
}

bool lin_view(lin_model *m, const void *p, size_t n, const char **why)
{
    const unsigned char *b = p;
    if (n < 64) {
        *why = "linear model section too short";
        return false;
    }
    uint32_t nclasses, nbuckets, nwords;
    float scale;
    memcpy(&nclasses, b, 4);
    memcpy(&nbuckets, b + 4, 4);
    memcpy(&nwords, b + 8, 4);
    memcpy(&scale, b + 12, 4);
    if (nclasses == 0 || nclasses > UINT16_MAX + 1u || !isfinite(scale) || scale <= 0) {
        *why = "bad number of classes or scale in a linear model";
        return false;
    }
    size_t dirbytes = (size_t)nbuckets * 4 + (nbuckets % 2 ? 4 : 0);
    if (nbuckets == 0 || 64 + dirbytes + (size_t)nwords * 2 != n || nwords % 2) {
        *why = "linear model section has the wrong size";
        return false;
    }
    const uint32_t *dir = (const uint32_t *)(b + 64);
    const uint16_t *data = (const uint16_t *)(b + 64 + dirbytes);
    bool stops = false;      /* a bucket where lookups end */
    for (uint32_t k = 0; k < nbuckets; k++) {
        if (dir[k] % 2 || dir[k] > nwords || nwords - dir[k] < LIN_BUCKET * 4) {
            *why = "a bucket lies outside the weights";
            return false;
        }
        const lin_slot *sl = (const lin_slot *)(data + dir[k]);
        if (!(sl[LIN_BUCKET - 1].off & LIN_OVERFLOW))
            stops = true;
        for (int j = 0; j < LIN_BUCKET; j++) {
            if (!sl[j].fp)
                continue;
            uint32_t off = sl[j].off & ~LIN_OVERFLOW;
            if (off >= nwords || data[off] > (nwords - off - 1) / 2) {
                *why = "a weight row lies outside the weights";
                return false;
            }
            for (uint32_t q = 0; q < data[off]; q++) {
                if (data[off + 1 + 2 * q] >= nclasses) {
                    *why = "a weight has a class out of range";
                    return false;
                }
            }
        }
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
    return true;
}

#define PREFETCH_BATCH 256

void lin_score(const lin_model *m, const uint64_t *keys, size_t n,
               float *scores)
{
    const uint16_t *found[PREFETCH_BATCH];
    while (n > 0) {
        size_t k = n < PREFETCH_BATCH ? n : PREFETCH_BATCH;
        for (size_t i = 0; i < k; i++)
            __builtin_prefetch(m->data + m->dir[lin_home(keys[i], m->nbuckets)]);
        for (size_t i = 0; i < k; i++) {
            found[i] = lin_row(m, keys[i]);
            if (found[i])
                __builtin_prefetch(found[i]);
        }
        for (size_t i = 0; i < k; i++) {
            const uint16_t *r = found[i];
            if (!r)
                continue;
            uint32_t count = r[0];
            for (uint32_t j = 0; j < count; j++)
                scores[r[1 + 2 * j]] += (float)(int16_t)r[2 + 2 * j];
        }
        keys += k;
        n -= k;
    }
}

void lin_score_many(const lin_model *m, const uint64_t *keys, size_t stride,
                    const size_t *n, size_t items, float *scores)
{
    /* every page first, so the misses of all items overlap */
    for (size_t it = 0; it < items; it++)
        for (size_t i = 0; i < n[it]; i++)
            __builtin_prefetch(m->data + m->dir[lin_home(keys[it * stride + i], m->nbuckets)]);
    for (size_t it = 0; it < items; it++)
        lin_score(m, keys + it * stride, n[it], scores + it * m->nclasses);
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
