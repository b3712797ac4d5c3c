/*
 * output.c — events as records: sitrep's JSON Lines (the contract in
 * DESIGN.md), GDELT 2.0 event-table rows, and PLOVER JSON in the layout of
 * the PLOVER gold-standard records.
 *
 * GDELT rows have the event table's 61 tab-separated columns in GDELT's
 * order; those sitrep does not produce (geography, tone, mention counts
 * beyond one report) are left empty or set to what one report implies.
 */
#include "coder.h"
#include "../core/internal.h"

#include <string.h>

static void key(sr_buf *b, const char *k, bool first)
{
    if (!first)
        sr_buf_putc(b, ',');
    sr_json_cstr(b, k);
    sr_buf_putc(b, ':');
}

static void sentence_text(const sr_doc *doc, uint32_t si, sr_buf *b)
{
    if (si >= doc->nsentences) {
        sr_buf_puts(b, "\"\"");
        return;
    }
    const sr_sentence *s = &doc->sentences[si];
    uint32_t st = s->start, e = s->end;
    if (e > doc->body_len)
        e = doc->body_len;
    if (st > e)
        st = e;
    sr_json_str(b, doc->body + st, e - st);
}

static void actor_json(sr_buf *b, const sr_event_actor *a)
{
    sr_buf_puts(b, "{\"text\":");
    sr_json_cstr(b, a->text);
    sr_buf_puts(b, ",\"code\":");
    sr_json_cstr(b, a->code);
    sr_buf_puts(b, ",\"country\":");
    sr_json_cstr(b, a->country);
    sr_buf_puts(b, ",\"sector\":");
    sr_json_cstr(b, a->sector);
    sr_buf_printf(b, ",\"start\":%u,\"end\":%u}", a->start, a->end);
}

void sr_event_to_json(const sr_doc *doc, const sr_event *e, sr_buf *b)
{
    sr_buf_putc(b, '{');
    key(b, "doc", true);
    sr_json_cstr(b, doc->id);
    sr_buf_printf(b, ",\"sent\":%u", e->sent);
    key(b, "text", false);
    sentence_text(doc, e->sent, b);
    key(b, "date", false);
    sr_json_cstr(b, e->date);
    key(b, "source", false);
    actor_json(b, &e->source);
    key(b, "target", false);
    actor_json(b, &e->target);
    key(b, "cameo", false);
    sr_json_cstr(b, e->cameo);
    key(b, "root", false);
    sr_json_cstr(b, e->root);
    sr_buf_printf(b, ",\"quad\":%d", e->quad);
    if (e->has_goldstein)
        sr_buf_printf(b, ",\"goldstein\":%.1f", e->goldstein);
    else
        sr_buf_puts(b, ",\"goldstein\":null");
    key(b, "plover", false);
    sr_json_cstr(b, e->plover);
    sr_buf_puts(b, ",\"predicate\":{\"text\":");
    sr_json_cstr(b, e->pred_text);
    sr_buf_puts(b, ",\"lemma\":");
    sr_json_cstr(b, e->pred_lemma);
    sr_buf_putc(b, '}');
    sr_buf_printf(b, ",\"negated\":%s", e->modality == SR_MOD_NEGATED ? "true" : "false");
    key(b, "modality", false);
    sr_json_cstr(b, sr_modality_name(e->modality));
    key(b, "attribution", false);
    sr_json_cstr(b, e->attribution);
    key(b, "rule", false);
    sr_json_cstr(b, e->rule);
    if (e->issues && *e->issues) {
        key(b, "issues", false);
        sr_json_cstr(b, e->issues);
    }
    if (e->explain) {
        key(b, "explain", false);
        sr_json_cstr(b, e->explain);
    }
    sr_buf_putc(b, '}');
}

/* ---- GDELT ------------------------------------------------------------------------- */

static void tsv(sr_buf *b, const char *s)
{
    sr_buf_putc(b, '\t');
    for (; s && *s; s++)
        sr_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

/* Actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
 * Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code. */
static void gdelt_actor(sr_buf *b, const sr_event_actor *a)
{
    bool null = !a->code[0] || strncmp(a->code, "---", 3) == 0;
    tsv(b, null && strlen(a->code) <= 3 ? "" : a->code);
    tsv(b, a->text);
    tsv(b, a->country);
    static const char *const groups[] = {"IGO", "NGO", "IMG", "MNC", "NGM"};
    const char *known = "";
    for (size_t i = 0; i < SR_ARRAY_LEN(groups); i++)
        if (strncmp(a->code, groups[i], 3) == 0)
            known = groups[i];
    tsv(b, known);
    tsv(b, "");
    tsv(b, "");
    tsv(b, "");
    /* role types: the 3-letter parts after the country */
    size_t n = strlen(a->code);
    size_t at = a->country[0] || strncmp(a->code, "---", 3) == 0 ? 3 : 0;
    for (int t = 0; t < 3; t++) {
        char part[4] = "";
        if (at + 3 <= n) {
            memcpy(part, a->code + at, 3);
            part[3] = '\0';
            at += 3;
        }
        tsv(b, part);
    }
}

void sr_event_to_gdelt(const sr_doc *doc, const sr_event *e, uint64_t id, sr_buf *b)
{
    char ymd[9] = "";
    if (e->date && strlen(e->date) >= 10) {
        memcpy(ymd, e->date, 4);
        memcpy(ymd + 4, e->date + 5, 2);
        memcpy(ymd + 6, e->date + 8, 2);
        ymd[8] = '\0';
    }
    sr_buf_printf(b, "%llu", (unsigned long long)id);
    tsv(b, ymd);
    char my[7] = "", y[5] = "";
    if (ymd[0]) {
        memcpy(my, ymd, 6);
        memcpy(y, ymd, 4);
    }
    tsv(b, my);
    tsv(b, y);
    if (ymd[0]) {
        /* GDELT's FractionDate: the year plus the part of it gone by */
        static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
        int yy = (ymd[0] - '0') * 1000 + (ymd[1] - '0') * 100 + (ymd[2] - '0') * 10 + (ymd[3] - '0');
        int mm = (ymd[4] - '0') * 10 + (ymd[5] - '0');
        int dd = (ymd[6] - '0') * 10 + (ymd[7] - '0');
        if (mm < 1 || mm > 12)
            mm = 1;
        sr_buf_printf(b, "\t%.4f", yy + (cum[mm - 1] + dd - 1) / 365.0);
    } else {
        tsv(b, "");
    }
    gdelt_actor(b, &e->source);
    gdelt_actor(b, &e->target);
    sr_buf_printf(b, "\t%d", e->sent == 0 ? 1 : 0);
    tsv(b, e->cameo);
    char base[4] = "";
    memcpy(base, e->cameo, strlen(e->cameo) >= 3 ? 3 : strlen(e->cameo));
    tsv(b, base);
    tsv(b, e->root);
    sr_buf_printf(b, "\t%d", e->quad);
    if (e->has_goldstein)
        sr_buf_printf(b, "\t%.1f", e->goldstein);
    else
        tsv(b, "");
    sr_buf_puts(b, "\t1\t1\t1\t");            /* mentions, sources, articles; tone empty */
    for (int g = 0; g < 3 * 8; g++)
        sr_buf_putc(b, '\t');                 /* the three geography blocks */
    tsv(b, ymd[0] ? ymd : "");
    if (ymd[0])
        sr_buf_puts(b, "000000");
    tsv(b, doc->url ? doc->url : doc->id);
}

/* ---- PLOVER ------------------------------------------------------------------------- */

static void plover_actor(sr_buf *b, const sr_event_actor *a)
{
    sr_buf_puts(b, "[{\"actorText\":");
    sr_json_cstr(b, a->text);
    sr_buf_puts(b, ",\"code\":");
    sr_json_cstr(b, a->country[0] ? a->country : a->code);
    if (a->sector[0]) {
        sr_buf_puts(b, ",\"sector\":");
        sr_json_cstr(b, a->sector);
    }
    sr_buf_puts(b, ",\"cameo\":");
    sr_json_cstr(b, a->code);
    sr_buf_puts(b, "}]");
}

void sr_event_to_plover(const sr_doc *doc, const sr_event *e, sr_buf *b)
{
    sr_buf_puts(b, "{\"id\":");
    sr_buf_printf(b, "\"%s-%u\"", doc->id ? doc->id : "doc", e->sent);
    sr_buf_puts(b, ",\"date\":");
    sr_json_cstr(b, e->date);
    sr_buf_puts(b, ",\"source\":");
    plover_actor(b, &e->source);
    sr_buf_puts(b, ",\"target\":");
    plover_actor(b, &e->target);
    sr_buf_puts(b, ",\"event\":");
    sr_json_cstr(b, e->plover);
    if (e->plover_mode && *e->plover_mode) {
        sr_buf_puts(b, ",\"mode\":");
        sr_json_cstr(b, e->plover_mode);
    }
    if (e->plover_context && *e->plover_context) {
        sr_buf_puts(b, ",\"context\":");
        sr_json_cstr(b, e->plover_context);
    }
    sr_buf_puts(b, ",\"eventText\":");
    sr_json_cstr(b, e->pred_text);
    sr_buf_puts(b, ",\"cameo\":");
    sr_json_cstr(b, e->cameo);
    sr_buf_printf(b, ",\"negated\":%s", e->modality == SR_MOD_NEGATED ? "true" : "false");
    sr_buf_puts(b, ",\"modality\":");
    sr_json_cstr(b, sr_modality_name(e->modality));
    sr_buf_puts(b, ",\"text\":");
    sentence_text(doc, e->sent, b);
    sr_buf_puts(b, ",\"language\":");
    sr_json_cstr(b, doc->lang ? doc->lang : "en");
    sr_buf_puts(b, ",\"publication\":");
    sr_json_cstr(b, doc->outlet);
    sr_buf_puts(b, ",\"coder\":\"sitrep " SR_VERSION "\"}");
}
