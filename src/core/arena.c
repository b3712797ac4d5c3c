/*
 * arena.c — the bump allocator behind every document.
 *
 * A document's words, sentences and strings are many small objects with one
 * lifetime, so they come from one arena: a list of chunks, each filled from
 * the front. Freeing the arena frees everything at once. Chunks grow
 * geometrically (64 KiB up to 4 MiB); an allocation larger than a chunk gets
 * a chunk of its own, so a 50 MB body costs one malloc, not thousands.
 *
 * Invariants: chunk->used <= chunk->size; every pointer handed out is
 * aligned to SR_ARENA_ALIGN, and zero-filled unless it came from
 * sr_arena_alloc_raw (whose callers write every byte themselves).
 */
#include "sitrep.h"
#include "internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define SR_ARENA_ALIGN 16
#define SR_ARENA_MIN_CHUNK (64u * 1024u)
#define SR_ARENA_MAX_CHUNK (4u * 1024u * 1024u)

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    _Alignas(SR_ARENA_ALIGN) unsigned char data[];
} chunk;

struct sr_arena {
    chunk *head;
    size_t next_size;
    size_t total;
};

sr_arena *sr_arena_new(void)
{
    sr_arena *a = sr_xcalloc(1, sizeof *a);
    a->next_size = SR_ARENA_MIN_CHUNK;
    return a;
}

void sr_arena_free(sr_arena *a)
{
    if (!a)
        return;
    chunk *c = a->head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

static chunk *new_chunk(sr_arena *a, size_t need, bool grow)
{
    size_t size = grow ? a->next_size : need;
    if (size < need)
        size = need;
    chunk *c = sr_xmalloc(sizeof *c + size);
    c->size = size;
    c->used = 0;
    if (grow && a->next_size < SR_ARENA_MAX_CHUNK)
        a->next_size *= 2;
    return c;
}

void *sr_arena_alloc_raw(sr_arena *a, size_t n)
{
    size_t need = (n + SR_ARENA_ALIGN - 1) & ~(size_t)(SR_ARENA_ALIGN - 1);
    if (need < n)
        sr_fatal("arena: allocation of %zu bytes overflows", n);
    if (need == 0)
        need = SR_ARENA_ALIGN;
    chunk *c = a->head;
    if (!c || c->size - c->used < need) {
        bool big = need > SR_ARENA_MIN_CHUNK / 4;
        chunk *fresh = new_chunk(a, need, !big);
        if (c && big) {
            /* A large one-off block gets a chunk of its own behind the head,
             * so the head chunk keeps serving small allocations. */
            fresh->next = c->next;
            c->next = fresh;
        } else {
            fresh->next = c;
            a->head = fresh;
        }
        c = fresh;
    }
    void *p = c->data + c->used;
    c->used += need;
    a->total += need;
    return p;
}

void *sr_arena_alloc(sr_arena *a, size_t n)
{
    void *p = sr_arena_alloc_raw(a, n);
    memset(p, 0, n);
    return p;
}

char *sr_arena_strndup(sr_arena *a, const char *s, size_t n)
{
    char *p = sr_arena_alloc_raw(a, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *sr_arena_strdup(sr_arena *a, const char *s)
{
    return sr_arena_strndup(a, s, strlen(s));
}

char *sr_arena_printf(sr_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return sr_arena_strndup(a, "", 0);
    char *p = sr_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t sr_arena_used(const sr_arena *a)
{
    return a->total;
}

void sr_arena_adopt(sr_arena *dst, sr_arena *src)
{
    if (!src)
        return;
    /* src's chunks go behind dst's head, which keeps serving allocations */
    chunk *last = src->head;
    if (last) {
        while (last->next)
            last = last->next;
        if (dst->head) {
            last->next = dst->head->next;
            dst->head->next = src->head;
        } else {
            dst->head = src->head;
        }
    }
    dst->total += src->total;
    free(src);
}
