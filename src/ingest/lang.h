/*
 * lang.h — language identification of running text (libexttextcat).
 */
#ifndef SR_LANG_H
#define SR_LANG_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the fingerprint data was found (loads it on first call). */
bool sr_lang_available(void);

/* The ISO 639-1 code of the language text[0..n) is most likely written in,
 * as two lowercase letters in out. False when the text is too short, the
 * guess is not a two-letter language, or the fingerprints are missing.
 * Thread-safe. */
bool sr_lang_detect(const char *text, size_t n, char out[3]);

#endif
