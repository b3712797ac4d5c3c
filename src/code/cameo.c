/*
 * cameo.c — the CAMEO reference table (data/cameo/cameo.tsv): for each
 * event code its Goldstein weight, quad class and PLOVER event type, mode
 * and context; and the split of actor codes into country and sector.
 *
 * The table is a few hundred lines, read once when a coder is made and
 * kept sorted for binary search. A code the table does not have (older
 * dictionaries use WEIS-era codes, some carry letters: "075A") takes the
 * values of its longest known prefix ("0751" -> "075"); the root and quad
 * class come from its first two digits when they are digits.
 */
#include "coder.h"
#include "../core/internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const sr_cameo_entry *)a)->code, ((const sr_cameo_entry *)b)->code);
}

static char *field(char **p)
{
    char *s = *p;
    if (!s)
        return NULL;
    char *t = strchr(s, '\t');
    if (t) {
        *t = '\0';
        *p = t + 1;
    } else {
        *p = NULL;
    }
    return s;
}

bool sr_cameo_load(sr_cameo *t, const char *path, sr_diag *diag)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "r");
    if (!f) {
        sr_error(diag, path, "cannot open the CAMEO table: %s", strerror(errno));
        return false;
    }
    char line[1024];
    unsigned lineno = 0;
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        char *p = line;
        char *cols[7];
        int k = 0;
        while (k < 7 && p)
            cols[k++] = field(&p);
        if (k < 7 || !cols[0][0] || strlen(cols[0]) > 7) {
            char where[600];
            snprintf(where, sizeof where, "%s:%u", path, lineno);
            sr_warn(diag, where, "malformed CAMEO table line; skipped");
            continue;
        }
        if (t->n == cap) {
            cap = cap ? cap * 2 : 512;
            t->v = sr_xrealloc(t->v, cap * sizeof *t->v);
        }
        sr_cameo_entry *e = &t->v[t->n++];
        memset(e, 0, sizeof *e);
        snprintf(e->code, sizeof e->code, "%s", cols[0]);
        e->has_goldstein = cols[1][0] != '\0';
        e->goldstein = strtod(cols[1], NULL);
        e->quad = atoi(cols[2]);
        e->plover = sr_xstrdup(cols[3]);
        e->mode = sr_xstrdup(cols[4]);
        e->context = sr_xstrdup(cols[5]);
        e->name = sr_xstrdup(cols[6]);
    }
    fclose(f);
    if (t->n == 0) {
        sr_error(diag, path, "the CAMEO table has no entries");
        return false;
    }
    qsort(t->v, t->n, sizeof *t->v, cmp_entry);
    return true;
}

void sr_cameo_free(sr_cameo *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free((void *)t->v[i].plover);
        free((void *)t->v[i].mode);
        free((void *)t->v[i].context);
        free((void *)t->v[i].name);
    }
    free(t->v);
    memset(t, 0, sizeof *t);
}

const sr_cameo_entry *sr_cameo_find(const sr_cameo *t, const char *code)
{
    char key[8];
    size_t n = strlen(code);
    if (n > 7)
        n = 7;
    for (; n >= 2; n--) {
        memcpy(key, code, n);
        key[n] = '\0';
        size_t lo = 0, hi = t->n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int c = strcmp(t->v[mid].code, key);
            if (c == 0)
                return &t->v[mid];
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    return NULL;
}

/* Sector codes that are not countries (CAMEO's international and
 * non-state actor types). */
static const char *const non_country[] = {
    "IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "REB", "SEP", "INS", "UAF",
    "OPP", "PTY", "MED", "GOV", "MIL", "COP", "JUD", "LEG", "BUS", "CVL",
    "EDU", "ELI", "HLH", "HRI", "LAB", "REF", "SPY", "AGR", "CRM", "RAD",
    "REL", "MOD", "---",
};

void sr_actor_split(const char *code, char country[4], char sector[4])
{
    country[0] = sector[0] = '\0';
    size_t n = strlen(code);
    if (n < 3)
        return;
    bool nc = false;
    for (size_t i = 0; i < SR_ARRAY_LEN(non_country); i++)
        if (strncmp(code, non_country[i], 3) == 0)
            nc = true;
    for (int i = 0; i < 3; i++)
        if (!((code[i] >= 'A' && code[i] <= 'Z') || code[i] == '-'))
            nc = true;
    if (!nc) {
        memcpy(country, code, 3);
        country[3] = '\0';
        if (n >= 6) {
            memcpy(sector, code + 3, 3);
            sector[3] = '\0';
        }
    } else if (strncmp(code, "---", 3) != 0) {
        memcpy(sector, code, 3);
        sector[3] = '\0';
    } else if (n >= 6) {
        memcpy(sector, code + 3, 3);
        sector[3] = '\0';
    }
}
