/*
 * internal.h — helpers shared by the library's modules, not part of the
 * public interface.
 */
#ifndef SR_INTERNAL_H
#define SR_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* malloc family that abort with a message instead of returning NULL. */
void *sr_xmalloc(size_t n);
void *sr_xcalloc(size_t n, size_t size);
void *sr_xrealloc(void *p, size_t n);
char *sr_xstrdup(const char *s);
/* Print "sitrep: fatal: ..." and abort. For broken invariants and OOM only. */
_Noreturn void sr_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Like sr_arena_alloc, but the bytes are not zero-filled: for blocks the
 * caller writes in full before anything reads them (the words of a
 * document, copies of strings), where clearing first would touch the memory
 * twice. */
struct sr_arena;
void *sr_arena_alloc_raw(struct sr_arena *a, size_t n);

/* 64-bit hash of a byte range (XXH3). */
uint64_t sr_hash64(const void *p, size_t n, uint64_t seed);

/* UTF-8: the length of the valid sequence at s[0..n), or 0 when the bytes
 * there do not start a valid sequence (overlong, surrogate, > U+10FFFF,
 * truncated). On success *cp receives the code point. */
size_t sr_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns the length. */
size_t sr_utf8_encode(uint32_t cp, char *out);

/* Move everything `src` holds into `dst` (it is freed with `dst`), and free
 * `src` itself: for work done on several threads, each with an arena of its
 * own, whose results belong to one document. */
struct sr_arena;
void sr_arena_adopt(struct sr_arena *dst, struct sr_arena *src);

#define SR_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
