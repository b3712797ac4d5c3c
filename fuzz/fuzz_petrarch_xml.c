/* fuzz_petrarch_xml.c — the PETRARCH validation/batch XML and TABARI .text
 * record readers (src/code/records.c) on arbitrary bytes, with given
 * CoNLL-U parses, and the coder on whatever parsed sentences come out (a
 * small fixed dictionary, so arbitrary trees go through every coding
 * step). The first byte picks the format. */
#include "sitrep.h"
#include "code/records.h"
#include "lexicon/compiled.h"
#include "lexicon/readers.h"

#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char verbs[] =
    "&CURRENCY\n+DOLLAR\n+&MONEY\n\n&MONEY\n+CASH\n\n"
    "--- MEET [040:040] ---\nMEET {MET}\n- % * [041]\n- * (WITH +) $ [046]\n"
    "- $ ^ * {NEW &CURRENCY TALKS} [036]\n\n"
    "--- SAY [010] ---\nSAY {SAID}\n- * ATTACK ^ + [112]\n\n"
    "--- ATTACK [190] ---\nATTACK\n\n~ a (a b ATTACK) SAY = a b 015\n";
static const char actors[] = "ARNOR [ARN]\n+ARNORIAN\nGONDOR [GON]\n\t[GONGOV 20000101-20101231]\n";
static const char agents[] = "MINISTER [~GOV]\nMSF {} [NGO~]\n";

static sr_coder *make_coder(FILE *devnull)
{
    sr_diag diag = {.out = devnull, .quiet = true};
    sr_dict_builder *b = sr_dictb_new(&diag, false);
    sr_dsrc s;
    sr_dsrc_mem(&s, "v", verbs, sizeof verbs - 1);
    sr_dread_verbs(b, &s, SR_DD_PETRARCH);
    sr_dsrc_close(&s);
    sr_dsrc_mem(&s, "a", actors, sizeof actors - 1);
    sr_dread_actors(b, &s, SR_DD_PETRARCH);
    sr_dsrc_close(&s);
    sr_dsrc_mem(&s, "g", agents, sizeof agents - 1);
    sr_dread_agents(b, &s, SR_DD_PETRARCH);
    sr_dsrc_close(&s);
    sr_dict *d = sr_dictb_compile(b);
    sr_code_options o;
    sr_code_options_default(&o);
    o.explain = true;
    static sr_diag cdiag;
    cdiag.out = devnull;
    cdiag.quiet = true;
    return sr_coder_new(d, &o, &cdiag);   /* lives for the whole run */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    static sr_coder *coder;
    if (!devnull) {
        devnull = fopen("/dev/null", "w");
        coder = make_coder(devnull);
    }
    if (size < 1)
        return 0;
    sr_diag diag = {.out = devnull, .quiet = true};
    sr_records *r = sr_records_mem("fuzz.xml", (const char *)data + 1, size - 1,
                                   data[0] & 1 ? SR_RECORDS_TABARI : SR_RECORDS_PETRARCH,
                                   true, &diag);
    sr_record rec;
    sr_buf out;
    sr_buf_init(&out);
    while (sr_records_next(r, &rec)) {
        if (rec.parsed && coder) {
            sr_event *ev;
            size_t n = sr_code_doc(coder, rec.doc, &ev);
            for (size_t i = 0; i < n; i++) {
                sr_buf_reset(&out);
                sr_event_to_json(rec.doc, &ev[i], &out);
                sr_event_to_gdelt(rec.doc, &ev[i], i, &out);
                sr_event_to_plover(rec.doc, &ev[i], &out);
            }
        }
        sr_doc_free(rec.doc);
    }
    sr_buf_free(&out);
    sr_records_env env;
    sr_records_environment(r, &env);
    sr_records_close(r);
    return 0;
}
