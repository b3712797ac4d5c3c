/*
 * normalize.c — the normalised form of a word, for matching.
 *
 * Dictionaries are matched against `norm`, never against `form`: the same
 * word reaches us with a curly or a straight apostrophe, an en dash or a
 * hyphen, precomposed or combining accents. The normal form is NFC
 * (utf8proc) with typographic variants folded to their plain ASCII
 * counterparts: single quotes and apostrophes to ', double quotes and
 * guillemets to ", dashes and the minus sign to -, the ellipsis character
 * to "...", no-break and other fixed-width spaces to a space; zero-width
 * spaces, word joiners, byte-order marks and soft hyphens disappear. Case
 * is kept (matching decides about case).
 *
 * The body and each word's `form` keep the original characters, and every
 * offset points into the body: normalisation only ever produces a separate
 * string. Pure ASCII needs none of this, and analyze.c does not call in
 * here for ASCII words (their norm is their form, with no allocation).
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* What cp folds to: a replacement string ("" = drop it), or NULL when cp is
 * kept as it is. */
static const char *fold(uint32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x2035: case 0x02BC: case 0x00B4: case 0xFF07:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x2036: case 0x00AB: case 0x00BB: case 0xFF02: case 0x301D:
    case 0x301E:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
    case 0x2043:
        return "-";
    case 0x2026:
        return "...";
    case 0x2024:
        return ".";
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008:
    case 0x2009: case 0x200A: case 0x202F: case 0x205F: case 0x3000:
        return " ";
    case 0x200B: case 0x2060: case 0xFEFF: case 0x00AD:
        return "";
    default:
        return NULL;
    }
}

/* Fold s[0..n) into out (room for 3 * n bytes: "..." is the longest
 * replacement and replaces 3 bytes); returns the length written. */
static size_t fold_into(const unsigned char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        uint32_t k = sr_cc_decode(s + i, n - i, &cp);
        const char *r = cp < 0x80 ? NULL : fold(cp);
        if (r) {
            size_t rl = strlen(r);
            memcpy(out + o, r, rl);
            o += rl;
        } else {
            memcpy(out + o, s + i, k);
            o += k;
        }
        i += k;
    }
    return o;
}

const char *sr_text_fold(sr_arena *a, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n && u[i] < 0x80)
        i++;
    if (i == n)
        return sr_arena_strndup(a, s, n);
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t m = utf8proc_map(u, (utf8proc_ssize_t)n, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    const unsigned char *src = u;
    size_t len = n;
    if (m >= 0 && nfc) {
        src = nfc;
        len = (size_t)m;
    }
    char *out = sr_arena_alloc(a, 3 * len + 1);
    size_t o = fold_into(src, len, out);
    out[o] = '\0';
    free(nfc);
    return out;
}

const char *sr_text_norm(sr_arena *a, const char *s, size_t n)
{
    return sr_text_fold(a, s, n);
}
