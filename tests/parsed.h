/* parsed.h — hand-parsed documents for the coder's tests, written compactly:
 *
 *   "Iran/PROPN/2/nsubj warned|warn/VERB:VBD/0/root ./PUNCT/2/punct || ..."
 *
 * one token per space-separated item, FORM[|lemma]/UPOS[:XPOS]/head/rel;
 * the lemma defaults to the form (both lower-cased); "||" starts the next
 * sentence of the same document. Included by one test file each (static). */
#ifndef SR_TESTS_PARSED_H
#define SR_TESTS_PARSED_H

#include "check.h"
#include "sitrep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The document of `spec`, dated `published` (may be NULL); the reader's
 * messages go to `messages`. */
static sr_doc *test_parsed(const char *spec, const char *published, FILE *messages)
{
    sr_buf b;
    sr_buf_init(&b);
    char *copy = strdup(spec);
    int id = 0;
    char *save = NULL;
    for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        if (!strcmp(t, "||")) {
            sr_buf_putc(&b, '\n');
            id = 0;
            continue;
        }
        char form[128], lemma[128], upos[16] = "X", rel[32] = "dep", xpos[16] = "_";
        int head = 0;
        char *slash = strchr(t, '/');
        if (slash) {
            *slash = '\0';
            sscanf(slash + 1, "%15[^/]/%d/%31s", upos, &head, rel);
        }
        char *colon = strchr(upos, ':');
        if (colon) {
            snprintf(xpos, sizeof xpos, "%s", colon + 1);
            *colon = '\0';
        }
        char *bar = strchr(t, '|');
        if (bar)
            *bar = '\0';
        snprintf(form, sizeof form, "%s", t);
        snprintf(lemma, sizeof lemma, "%s", bar ? bar + 1 : t);
        for (char *l = lemma; *l; l++)
            if (*l >= 'A' && *l <= 'Z')
                *l = (char)(*l + 32);
        sr_buf_printf(&b, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t_\n", ++id, form, lemma, upos,
                      xpos, head, rel);
    }
    free(copy);
    sr_buf_putc(&b, '\n');
    sr_diag diag = {.out = messages};
    sr_conllu_reader *r = sr_conllu_open("test", b.data, b.len, false, &diag);
    sr_doc *d = sr_conllu_next(r);
    sr_conllu_close(r);
    sr_buf_free(&b);
    CHECK(d != NULL);
    if (d)
        d->published = published;
    return d;
}

#endif
