/*
 * hash.c — the one hash function of the project (XXH3, from libxxhash).
 * Document ids, interned strings and dictionary tables all use it, so a
 * change of hash is one edit.
 */
#include "internal.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

uint64_t sr_hash64(const void *p, size_t n, uint64_t seed)
{
    return XXH3_64bits_withSeed(p, n, seed);
}
