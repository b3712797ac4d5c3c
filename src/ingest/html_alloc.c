/*
 * html_alloc.c — libxml2's memory for one HTML page comes from an arena.
 *
 * Building and freeing libxml2's tree of a news page is a hundred thousand
 * small malloc() and free() calls: a quarter of the reader's time. The page's
 * tree lives exactly as long as sr_html_read() runs, so the reader gives
 * libxml2 a bump allocator for that time and drops it whole afterwards,
 * instead of xmlFreeDoc() walking the tree.
 *
 * libxml2's allocator is process-wide (xmlMemSetup), so the functions set
 * here serve every libxml2 call of the process: while the calling thread
 * has an arena open (sr_html_arena_begin .. sr_html_arena_end), allocations
 * come from it; otherwise, and for every pointer that is not inside one of
 * the thread's arena chunks, they are plain malloc/realloc/free. So
 * pointers allocated before the switch, by other threads or outside a page
 * (feeds parsed as XML, say) are handled as before. Invariants:
 *   - the arena is per thread (_Thread_local), and a page's tree is only
 *     touched by the thread that parsed it;
 *   - nothing allocated while an arena is open outlives sr_html_arena_end():
 *     sr_html_read() copies what it keeps into the document's own arena,
 *     and libxml2's per-thread last error (which holds copies of messages)
 *     is reset before the arena closes; libxml2's global tables are built
 *     by xmlInitParser() before the first arena opens;
 *   - every arena allocation carries its size in a 16-byte header; freeing
 *     one is a no-op, except that the last allocation of a chunk is rolled
 *     back, and realloc grows the last allocation in place (cheap growing
 *     buffers).
 * Chunks are kept for the next page up to a bound (ARENA_KEEP), so memory
 * stays bounded by the largest page. Sanitizer builds keep none, so a
 * pointer that escaped the page shows up as a use after free.
 */
#include "html.h"
#include "../core/internal.h"

#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define SR_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SR_ASAN 1
#endif
#endif

#define CHUNK_MIN ((size_t)1 << 20)
#ifdef SR_ASAN
#define ARENA_KEEP ((size_t)0)
#else
#define ARENA_KEEP ((size_t)16 << 20)
#endif
#define ALIGN 16
#define NO_LAST ((size_t)-1)

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    size_t last;                   /* offset of the last allocation */
    _Alignas(ALIGN) char data[];
} chunk;

typedef struct arena {
    chunk *head;                   /* the chunk being filled, then older */
    bool open;
    unsigned depth;                /* begin calls not yet ended */
} arena;

static _Thread_local arena ta;

static chunk *owner(const void *p)
{
    const char *c = p;
    for (chunk *k = ta.head; k; k = k->next)
        if (c >= k->data && c < k->data + k->size)
            return k;
    return NULL;
}

/* Each arena allocation is preceded by a header holding its size, so
 * realloc knows how much to copy. */
typedef struct header {
    size_t size;
    size_t pad;
} header;

static void *arena_alloc(size_t n)
{
    size_t need = sizeof(header) + ((n + ALIGN - 1) & ~(size_t)(ALIGN - 1));
    chunk *k = ta.head;
    if (!k || k->size - k->used < need) {
        size_t size = need > CHUNK_MIN ? need : CHUNK_MIN;
        /* reuse a kept chunk that is free and big enough */
        chunk **pp = &ta.head, *c;
        for (c = ta.head; c; pp = &c->next, c = c->next)
            if (c->used == 0 && c->size >= need)
                break;
        if (c) {
            *pp = c->next;
        } else {
            c = malloc(sizeof *c + size);
            if (!c)
                return NULL;
            c->size = size;
        }
        c->used = 0;
        c->last = NO_LAST;
        c->next = ta.head;
        ta.head = c;
        k = c;
    }
    header *h = (header *)(k->data + k->used);
    h->size = n;
    k->last = k->used;
    k->used += need;
    return h + 1;
}

static void *x_malloc(size_t n)
{
    return ta.open ? arena_alloc(n) : malloc(n);
}

static void x_free(void *p)
{
    if (!p)
        return;
    chunk *k = owner(p);
    if (!k) {
        free(p);
        return;
    }
    size_t off = (size_t)((char *)p - k->data) - sizeof(header);
    if (k->last != NO_LAST && off == k->last) {
        k->used = k->last;         /* the last allocation: roll back */
        k->last = NO_LAST;
    }
}

static void *x_realloc(void *p, size_t n)
{
    if (!p)
        return x_malloc(n);
    chunk *k = owner(p);
    if (!k)
        return realloc(p, n);
    header *h = (header *)p - 1;
    size_t off = (size_t)((char *)h - k->data);
    size_t need = sizeof(header) + ((n + ALIGN - 1) & ~(size_t)(ALIGN - 1));
    if (k->last != NO_LAST && off == k->last && off + need <= k->size) {
        k->used = off + need;      /* the last allocation grows in place */
        h->size = n;
        return p;
    }
    size_t old = h->size;
    void *q = ta.open ? arena_alloc(n) : malloc(n);
    if (q)
        memcpy(q, p, old < n ? old : n);
    return q;
}

static char *x_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = x_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static pthread_once_t setup_once = PTHREAD_ONCE_INIT;

static void setup(void)
{
    xmlInitParser();
    xmlMemSetup(x_free, x_malloc, x_realloc, x_strdup);
}

/* Set the allocator up when the library is loaded, before any thread can
 * be inside libxml2. */
__attribute__((constructor)) static void setup_at_load(void)
{
    pthread_once(&setup_once, setup);
}

void sr_html_arena_begin(void)
{
    pthread_once(&setup_once, setup);
    ta.open = true;
    ta.depth++;
}

void sr_html_arena_end(void)
{
    if (ta.depth > 1) {            /* a page read while reading a page: the
                                      outer one still needs the arena */
        ta.depth--;
        return;
    }
    ta.depth = 0;
    xmlResetLastError();
    ta.open = false;
    size_t kept = 0;
    chunk **pp = &ta.head;
    while (*pp) {
        chunk *c = *pp;
        if (kept + c->size <= ARENA_KEEP) {
            kept += c->size;
            c->used = 0;
            c->last = NO_LAST;
            pp = &c->next;
        } else {
            *pp = c->next;
            free(c);
        }
    }
}
