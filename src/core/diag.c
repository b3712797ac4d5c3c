/*
 * diag.c — messages about bad input, and the fatal path.
 *
 * Every message is one line, "sitrep: WHERE: problem", so that a user with
 * a thousand inputs can grep for the file. Counters let the front end choose
 * its exit status (0 all read, 1 some failed).
 */
#include "sitrep.h"
#include "internal.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Messages may come from worker threads: one lock keeps lines whole and
 * counters exact. */
static pthread_mutex_t diag_lock = PTHREAD_MUTEX_INITIALIZER;

static void emit(FILE *out, const char *kind, const char *where,
                 const char *fmt, va_list ap)
{
    fputs("sitrep: ", out);
    if (where && *where)
        fprintf(out, "%s: ", where);
    if (kind)
        fputs(kind, out);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
    fflush(out);
}

void sr_error(sr_diag *d, const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&diag_lock);
    emit(d && d->out ? d->out : stderr, NULL, where, fmt, ap);
    if (d)
        d->errors++;
    pthread_mutex_unlock(&diag_lock);
    va_end(ap);
}

void sr_warn(sr_diag *d, const char *where, const char *fmt, ...)
{
    pthread_mutex_lock(&diag_lock);
    if (d)
        d->warnings++;
    if (!(d && d->quiet)) {
        va_list ap;
        va_start(ap, fmt);
        emit(d && d->out ? d->out : stderr, "warning: ", where, fmt, ap);
        va_end(ap);
    }
    pthread_mutex_unlock(&diag_lock);
}

_Noreturn void sr_fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("sitrep: fatal: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

void *sr_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        sr_fatal("out of memory (%zu bytes)", n);
    return p;
}

void *sr_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        sr_fatal("out of memory (%zu x %zu bytes)", n, size);
    return p;
}

void *sr_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        sr_fatal("out of memory (%zu bytes)", n);
    return q;
}

char *sr_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = sr_xmalloc(n);
    memcpy(p, s, n);
    return p;
}

const char *sr_status_name(sr_status s)
{
    switch (s) {
    case SR_OK: return "ok";
    case SR_ERR_IO: return "I/O error";
    case SR_ERR_FORMAT: return "malformed input";
    case SR_ERR_NOMEM: return "out of memory";
    case SR_ERR_USAGE: return "usage error";
    case SR_ERR_LIMIT: return "input exceeds a limit";
    case SR_ERR_UNSUPPORTED: return "unsupported";
    }
    return "unknown status";
}

#ifndef SR_DATA_DIR
#define SR_DATA_DIR "data"
#endif

const char *sr_data_dir(void)
{
    const char *env = getenv("SITREP_DATA");
    return env && *env ? env : SR_DATA_DIR;
}
