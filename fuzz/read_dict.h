/* read_dict.h — shared body of the fuzz targets of the PETRARCH and TABARI
 * dictionary readers: the first byte picks the reader (verbs, actors,
 * agents, discards, or the dialect's fifth file), the rest is the file;
 * then the compiler, and lookups in what it compiled. */
#ifndef SR_FUZZ_READ_DICT_H
#define SR_FUZZ_READ_DICT_H

#include "sitrep.h"
#include "lexicon/compiled.h"
#include "lexicon/readers.h"

#include <stdint.h>
#include <stdio.h>

typedef struct fuzz_dict_case {
    const char *name;      /* the file name diagnostics mention */
    sr_dict_dialect dialect;
    unsigned (*fifth)(sr_dict_builder *b, sr_dsrc *s);
    const char *actor, *verb, *agent;   /* looked up when it compiles */
    uint32_t date;
} fuzz_dict_case;

static int fuzz_read_dict(const uint8_t *data, size_t size, const fuzz_dict_case *c)
{
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    if (size < 1)
        return 0;
    sr_diag diag = {.out = devnull, .quiet = true};
    sr_dict_builder *b = sr_dictb_new(&diag, false);
    sr_dsrc s;
    sr_dsrc_mem(&s, c->name, (const char *)data + 1, size - 1);
    switch (data[0] % 5) {
    case 0: sr_dread_verbs(b, &s, c->dialect); break;
    case 1: sr_dread_actors(b, &s, c->dialect); break;
    case 2: sr_dread_agents(b, &s, c->dialect); break;
    case 3: sr_dread_discards(b, &s, c->dialect); break;
    default: c->fifth(b, &s); break;
    }
    sr_dsrc_close(&s);
    sr_dict *d = sr_dictb_compile(b);
    if (d) {
        sr_dict_actor_code(d, c->actor, c->date);
        sr_dict_verb_code(d, c->verb, NULL);
        if (c->agent)
            sr_dict_agent_code(d, c->agent, NULL);
        sr_dict_free(d);
    }
    return 0;
}

#endif
