/*
 * pool.c — documents processed on N threads, results written in input order.
 *
 * One thread (the caller's) reads documents from an sr_input and writes
 * results; N workers run the per-document work (segmentation, parsing,
 * coding), each filling an output buffer. Documents and their buffers sit in
 * a ring of slots with sequence numbers; the writer waits for the slot of the
 * next sequence number, so output order is input order whatever order the
 * workers finish in, and a run with -j 4 prints byte for byte what -j 1
 * prints.
 *
 * Memory stays bounded: at most RING_PER_THREAD * N documents are in flight.
 * The reading itself stays on one thread (readers keep per-file state), which
 * is cheap next to the work for every stage after ingest.
 *
 * Invariants (under `lock`): a slot is FREE, FULL (doc waiting for a worker),
 * BUSY (a worker has it) or DONE (output ready); slots are filled in sequence
 * order, `next_write` is the oldest sequence not yet written, and the slot of
 * sequence s is ring[s % cap].
 */
#include "sitrep.h"
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>

#define RING_PER_THREAD 4

enum slot_state { SLOT_FREE, SLOT_FULL, SLOT_BUSY, SLOT_DONE };

typedef struct slot {
    enum slot_state state;
    sr_doc *doc;
    sr_buf out;
} slot;

typedef struct pool {
    pthread_mutex_t lock;
    pthread_cond_t work_ready;   /* a slot became FULL, or shutting down */
    pthread_cond_t work_done;    /* a slot became DONE */
    slot *ring;
    size_t cap;
    uint64_t next_take;          /* the next sequence a worker will take */
    uint64_t next_fill;          /* the next sequence the reader will fill */
    bool closing;
    sr_work_fn work;
    void *ctx;
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next_take == p->next_fill && !p->closing)
            pthread_cond_wait(&p->work_ready, &p->lock);
        if (p->next_take == p->next_fill && p->closing)
            break;
        slot *s = &p->ring[p->next_take % p->cap];
        p->next_take++;
        s->state = SLOT_BUSY;
        pthread_mutex_unlock(&p->lock);

        sr_buf_reset(&s->out);
        p->work(s->doc, &s->out, p->ctx);
        sr_doc_free(s->doc);
        s->doc = NULL;

        pthread_mutex_lock(&p->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&p->work_done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Write the output of slot `seq` once it is done; called with the lock. */
static bool write_slot(pool *p, uint64_t seq, sr_write_fn write, void *wctx)
{
    slot *s = &p->ring[seq % p->cap];
    while (s->state != SLOT_DONE)
        pthread_cond_wait(&p->work_done, &p->lock);
    pthread_mutex_unlock(&p->lock);
    bool ok = write(&s->out, wctx);
    pthread_mutex_lock(&p->lock);
    s->state = SLOT_FREE;
    return ok;
}

/* The single-threaded path: no threads, same results. */
static bool run_serial(sr_input *in, sr_work_fn work, void *ctx,
                       sr_write_fn write, void *wctx)
{
    sr_buf out;
    sr_buf_init(&out);
    sr_doc *doc;
    bool ok = true;
    while (ok && (doc = sr_input_next(in)) != NULL) {
        sr_buf_reset(&out);
        work(doc, &out, ctx);
        sr_doc_free(doc);
        ok = write(&out, wctx);
    }
    sr_buf_free(&out);
    return ok;
}

bool sr_run_ordered(sr_input *in, int nthreads, sr_work_fn work, void *ctx,
                    sr_write_fn write, void *wctx)
{
    if (nthreads <= 1)
        return run_serial(in, work, ctx, write, wctx);
    pool p = {0};
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.work_ready, NULL);
    pthread_cond_init(&p.work_done, NULL);
    p.cap = (size_t)nthreads * RING_PER_THREAD;
    p.ring = sr_xcalloc(p.cap, sizeof *p.ring);
    for (size_t i = 0; i < p.cap; i++)
        sr_buf_init(&p.ring[i].out);
    p.work = work;
    p.ctx = ctx;

    pthread_t *threads = sr_xcalloc((size_t)nthreads, sizeof *threads);
    int started = 0;
    for (int i = 0; i < nthreads; i++) {
        if (pthread_create(&threads[i], NULL, worker, &p) != 0)
            break;
        started++;
    }
    if (started == 0) {
        free(threads);
        free(p.ring);
        return run_serial(in, work, ctx, write, wctx);
    }

    uint64_t next_write = 0;
    bool ok = true;
    pthread_mutex_lock(&p.lock);
    for (;;) {
        /* make room: the oldest slot must be written before it is reused */
        if (p.next_fill - next_write == p.cap) {
            ok = write_slot(&p, next_write, write, wctx) && ok;
            next_write++;
        }
        pthread_mutex_unlock(&p.lock);
        sr_doc *doc = ok ? sr_input_next(in) : NULL;
        pthread_mutex_lock(&p.lock);
        if (!doc)
            break;
        slot *s = &p.ring[p.next_fill % p.cap];
        s->doc = doc;
        s->state = SLOT_FULL;
        p.next_fill++;
        pthread_cond_signal(&p.work_ready);
        /* write whatever is already finished, in order */
        while (next_write < p.next_fill && p.ring[next_write % p.cap].state == SLOT_DONE) {
            ok = write_slot(&p, next_write, write, wctx) && ok;
            next_write++;
        }
    }
    p.closing = true;
    pthread_cond_broadcast(&p.work_ready);
    while (next_write < p.next_fill) {
        ok = write_slot(&p, next_write, write, wctx) && ok;
        next_write++;
    }
    pthread_mutex_unlock(&p.lock);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    for (size_t i = 0; i < p.cap; i++)
        sr_buf_free(&p.ring[i].out);
    free(p.ring);
    free(threads);
    pthread_cond_destroy(&p.work_ready);
    pthread_cond_destroy(&p.work_done);
    pthread_mutex_destroy(&p.lock);
    return ok;
}
