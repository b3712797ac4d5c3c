/*
 * check.h — the project's test harness: a handful of assertion macros.
 *
 * A failed CHECK prints file, line and the expression (and for the _EQ
 * forms both values) and marks the test failed; the test goes on so that
 * one run shows every failure. main() returns check_status().
 * SKIP(reason) exits 77, which ctest reports as skipped.
 */
#ifndef SR_CHECK_H
#define SR_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <stdbool.h>

static int check_failures_ = 0;
static int check_count_ = 0;

#define CHECK(cond)                                                          \
    do {                                                                     \
        check_count_++;                                                      \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
            check_failures_++;                                               \
        }                                                                    \
    } while (0)

#define CHECK_INT_EQ(a, b)                                                   \
    do {                                                                     \
        long long a_ = (long long)(a), b_ = (long long)(b);                  \
        check_count_++;                                                      \
        if (a_ != b_) {                                                      \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n", \
                    __FILE__, __LINE__, #a, #b, a_, b_);                     \
            check_failures_++;                                               \
        }                                                                    \
    } while (0)

#define CHECK_STR_EQ(a, b)                                                   \
    do {                                                                     \
        const char *a_ = (a), *b_ = (b);                                     \
        check_count_++;                                                      \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                             \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (\"%s\" != \"%s\")\n", \
                    __FILE__, __LINE__, #a, #b, a_ ? a_ : "(null)",          \
                    b_ ? b_ : "(null)");                                     \
            check_failures_++;                                               \
        }                                                                    \
    } while (0)

/* Compare a byte range with a C string. */
#define CHECK_SPAN_EQ(ptr, len, b)                                           \
    do {                                                                     \
        const char *p_ = (ptr), *b_ = (b);                                   \
        size_t l_ = (len);                                                   \
        check_count_++;                                                      \
        if (strlen(b_) != l_ || memcmp(p_, b_, l_) != 0) {                   \
            fprintf(stderr, "%s:%d: CHECK failed: \"%.*s\" == \"%s\"\n",     \
                    __FILE__, __LINE__, (int)l_, p_, b_);                    \
            check_failures_++;                                               \
        }                                                                    \
    } while (0)

#define SKIP(reason)                                                         \
    do {                                                                     \
        printf("SKIPPED: %s\n", reason);                                     \
        exit(77);                                                            \
    } while (0)

static inline int check_status(void)
{
    if (check_failures_)
        fprintf(stderr, "%d of %d checks failed\n", check_failures_, check_count_);
    else
        printf("%d checks passed\n", check_count_);
    return check_failures_ ? 1 : 0;
}

/* Read a whole file into a malloc'd NUL-terminated buffer; NULL if absent. */
static inline char *check_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n < 2) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

#endif
