/*
 * actors.c — readers of actor, agent, discard, issue and option files in
 * the PETRARCH and TABARI formats.
 *
 * Actors (PETRARCH-2 Phoenix.*.actors.txt, PETR.Validate.actors.txt,
 * TABARI .actors):
 *
 *   PRIMARY_PHRASE [CODE]        a new actor, with an optional default code
 *   +SYNONYM_PHRASE              another name of the same actor
 *   <TAB>[CODE YYMMDD-YYMMDD]    a code valid in a date range (also
 *   <TAB>[CODE >YYMMDD]          after, before, or no date = default); TABARI
 *   <TAB>[CODE <YYMMDD]          also puts these on the primary line
 *
 * Agents: "PHRASE {PLURALS} [~CODE]" or "[CODE~]" (prefix), and
 * substitution sets "!PERSON! = MAN, MEN, WOMAN" used inside phrases.
 * Discards: "PHRASE" (sentence) or "+PHRASE" (story). Issues: "PHRASE
 * [CODE]" with n: (noun: singular and plural), v: (verb forms) and + (space
 * or hyphen) expansions, "~PHRASE" ignore phrases. Options: TABARI's
 * "KEY: VALUE" lines.
 *
 * In TABARI a word that does not end in '_' is a stem; PETRARCH matches
 * whole words. PETRARCH agents get their regular plural unless {} says
 * otherwise.
 */
#include "readers.h"
#include "../core/internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct areader {
    sr_dict_builder *b;
    sr_dsrc *s;
    sr_dict_dialect dd;
    unsigned problems;
} areader;

static void problem(areader *r, const char *msg, const char *line)
{
    sr_dictb_at(r->b, r->s->name, r->s->line);
    sr_dictb_error(r->b, "%s: '%.60s'", msg, line);
    r->problems++;
}

static char *trim(char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
        p[--n] = '\0';
    return p;
}

/* A phrase as written ("ARNOR_", "CARAS GALADHON") to words separated by
 * spaces in out; *stem receives whether it is a TABARI stem (the phrase
 * does not end in '_'). */
static void phrase_words(const char *p, char *out, size_t cap, bool *exact)
{
    size_t o = 0;
    size_t n = strlen(p);
    *exact = n && p[n - 1] == '_';
    bool space = false;
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        char c = p[i];
        if (c == '_' || c == ' ' || c == '\t') {
            space = o > 0;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = false;
        out[o++] = c;
    }
    out[o] = '\0';
}

/* ---- actors ------------------------------------------------------------------ */

/* Parse "[CODE]", "[CODE YYMMDD-YYMMDD]", "[CODE >DATE]", "[CODE <DATE]" at
 * *pp (past the '['); adds the code to `actor`. */
static bool code_block(areader *r, char *body, uint32_t actor)
{
    char *p = trim(body);
    char *sp = p;
    while (*sp && *sp != ' ' && *sp != '\t')
        sp++;
    char code[64];
    size_t cl = (size_t)(sp - p);
    if (cl == 0 || cl >= sizeof code)
        return false;
    for (size_t i = 0; i < cl; i++)
        code[i] = (char)toupper((unsigned char)p[i]);
    code[cl] = '\0';
    char *d = trim(sp);
    uint32_t from = 0, to = 0;
    if (*d == '<' || *d == '>') {
        char *ds = trim(d + 1);
        uint32_t v = sr_dict_parse_date(ds, strlen(ds));
        if (!v)
            return false;
        if (*d == '<')
            to = v;
        else
            from = v;
    } else if (*d) {
        char *dash = strchr(d, '-');
        if (!dash)
            return false;
        *dash = '\0';
        char *a = trim(d), *c = trim(dash + 1);
        from = sr_dict_parse_date(a, strlen(a));
        to = sr_dict_parse_date(c, strlen(c));
        if (!from || !to)
            return false;
    }
    sr_dictb_at(r->b, r->s->name, r->s->line);
    sr_dictb_actor_code(r->b, actor, code, from, to);
    return true;
}

/* All "[...]" blocks of a line, removed from it. False if one is bad. */
static bool code_blocks(areader *r, char *line, bool have_actor, uint32_t actor,
                        int *count)
{
    *count = 0;
    char *o;
    while ((o = strchr(line, '[')) != NULL) {
        char *c = strchr(o, ']');
        if (!c)
            return false;
        *c = '\0';
        if (!have_actor || !code_block(r, o + 1, actor))
            return false;
        (*count)++;
        memmove(o, c + 1, strlen(c + 1) + 1);
    }
    return true;
}

unsigned sr_dread_actors(sr_dict_builder *b, sr_dsrc *s, sr_dict_dialect dd)
{
    areader r = {b, s, dd, 0};
    bool have = false, tabari = dd == SR_DD_TABARI, section = false;
    uint32_t actor = 0;
    char *line;
    size_t len;
    bool blank;
    while (sr_dsrc_line(s, tabari, &line, &len, &blank)) {
        if (len == 0)
            continue;
        bool indented = line[0] == ' ' || line[0] == '\t';
        char *p = trim(line);
        if (!*p)
            continue;
        if (*p == '<') {
            /* TABARI's <NOUN>, <ADJECTIVE> ... sections list words that
             * are not actors: skip them; other markup is skipped too */
            if (p[1] != '/' && p[1] != '!' && strchr(p, '>') && !strstr(p, "</"))
                section = true;
            else if (p[1] == '/')
                section = false;
            continue;
        }
        if (section)
            continue;
        if (indented && *p == '[') {
            int n;
            if (!have || !code_blocks(&r, p, have, actor, &n) || *trim(p))
                problem(&r, "malformed date restriction; skipped", p);
            continue;
        }
        bool synonym = *p == '+';
        if (synonym)
            p++;
        if (!synonym || !have) {
            if (synonym)
                problem(&r, "synonym before any actor; read as a new actor", p);
            char name[512];
            snprintf(name, sizeof name, "%s", p);
            char *br = strchr(name, '[');
            if (br)
                *br = '\0';
            sr_dictb_at(b, s->name, s->line);
            actor = sr_dictb_actor(b, trim(name));
            have = true;
        }
        int n;
        if (!code_blocks(&r, p, have, actor, &n)) {
            problem(&r, "malformed code; line skipped", p);
            continue;
        }
        char words[1024];
        bool exact;
        phrase_words(trim(p), words, sizeof words, &exact);
        if (!words[0]) {
            problem(&r, "actor line without a phrase; skipped", line);
            continue;
        }
        sr_dictb_at(b, s->name, s->line);
        sr_dictb_actor_phrase(b, actor, words, (tabari && !exact) ? SR_PHRASE_STEM : 0);
    }
    sr_dictb_source(b, s->name, s->hash);
    return r.problems;
}

/* ---- agents ------------------------------------------------------------------ */

#define MAX_SETS 32
#define MAX_SET_ITEMS 32

typedef struct subst {
    char name[64];
    char items[MAX_SET_ITEMS][64];
    int n;
} subst;

static void add_agent_phrase(areader *r, const char *words, const char *code,
                             unsigned flags, bool plural, const char *plurals,
                             bool explicit_plural)
{
    sr_dictb_at(r->b, r->s->name, r->s->line);
    sr_dictb_agent(r->b, words, code, flags);
    if (explicit_plural) {
        char tmp[512];
        snprintf(tmp, sizeof tmp, "%s", plurals);
        char *save = NULL;
        for (char *t = strtok_r(tmp, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
            char w[512];
            bool ex;
            phrase_words(t, w, sizeof w, &ex);
            if (w[0])
                sr_dictb_agent(r->b, w, code, flags);
        }
        return;
    }
    if (!plural)
        return;
    /* regular plural of the last word */
    char buf[600];
    snprintf(buf, sizeof buf, "%s", words);
    char *last = strrchr(buf, ' ');
    last = last ? last + 1 : buf;
    char w[SR_DICT_MAX_WORD + 1], pl[SR_DICT_MAX_WORD + 8];
    sr_dict_norm(last, strlen(last), w, sizeof w);
    if (!sr_dict_plural(w, pl, sizeof pl))
        return;
    size_t keep = (size_t)(last - buf);
    if (keep + strlen(pl) + 1 > sizeof buf)
        return;
    memcpy(last, pl, strlen(pl) + 1);
    sr_dictb_agent(r->b, buf, code, flags);
}

/* Expand !SET! markers of `phrase` (recursively, one marker at a time). */
static void expand_agent(areader *r, const char *phrase, const subst *sets, int nsets,
                         const char *code, unsigned flags, const char *plurals,
                         bool explicit_plural, int depth)
{
    const char *m = strchr(phrase, '!');
    const char *m2 = m ? strchr(m + 1, '!') : NULL;
    if (!m || !m2 || depth > 4) {
        char words[512];
        bool exact;
        phrase_words(phrase, words, sizeof words, &exact);
        if (!words[0]) {
            problem(r, "agent without a phrase; skipped", phrase);
            return;
        }
        bool tabari = r->dd == SR_DD_TABARI;
        unsigned fl = flags | ((tabari && !exact) ? SR_PHRASE_STEM : 0);
        add_agent_phrase(r, words, code, fl, !tabari && depth == 0, plurals,
                         explicit_plural);
        return;
    }
    size_t nl = (size_t)(m2 - m + 1);
    const subst *set = NULL;
    for (int i = 0; i < nsets; i++)
        if (strlen(sets[i].name) == nl && strncmp(sets[i].name, m, nl) == 0)
            set = &sets[i];
    if (!set) {
        problem(r, "unknown substitution set; skipped", phrase);
        return;
    }
    for (int i = 0; i < set->n; i++) {
        char buf[600];
        int k = snprintf(buf, sizeof buf, "%.*s%s%s", (int)(m - phrase), phrase,
                         set->items[i], m2 + 1);
        if (k < 0 || (size_t)k >= sizeof buf)
            continue;
        expand_agent(r, buf, sets, nsets, code, flags, plurals, explicit_plural, depth + 1);
    }
}

static void subst_line(areader *r, char *p, subst *sets, int *nsets)
{
    char *eq = strchr(p, '=');
    char *m2 = strchr(p + 1, '!');
    if (!eq || !m2 || m2 > eq || *nsets == MAX_SETS) {
        problem(r, "malformed substitution set; skipped", p);
        return;
    }
    subst *s = &sets[(*nsets)++];
    snprintf(s->name, sizeof s->name, "%.*s", (int)(m2 - p + 1), p);
    s->n = 0;
    char *save = NULL;
    for (char *t = strtok_r(eq + 1, ",", &save); t && s->n < MAX_SET_ITEMS;
         t = strtok_r(NULL, ",", &save)) {
        t = trim(t);
        if (*t)
            snprintf(s->items[s->n++], sizeof s->items[0], "%s", t);
    }
}

unsigned sr_dread_agents(sr_dict_builder *b, sr_dsrc *s, sr_dict_dialect dd)
{
    areader r = {b, s, dd, 0};
    subst *sets = sr_xcalloc(MAX_SETS, sizeof *sets);
    int nsets = 0;
    char *line;
    size_t len;
    bool blank;
    while (sr_dsrc_line(s, dd == SR_DD_TABARI, &line, &len, &blank)) {
        char *p = trim(line);
        if (!*p || *p == '<')
            continue;
        if (*p == '!' && strchr(p, '=')) {
            subst_line(&r, p, sets, &nsets);
            continue;
        }
        char *o = strrchr(p, '['), *c = o ? strchr(o, ']') : NULL;
        if (!o || !c) {
            problem(&r, "agent without a [code]; skipped", p);
            continue;
        }
        *c = '\0';
        char *code = trim(o + 1);
        *o = '\0';
        unsigned flags = 0;
        size_t cl = strlen(code);
        if (cl && code[cl - 1] == '~') {
            flags = SR_AGENT_PREFIX;
            code[--cl] = '\0';
        } else if (code[0] == '~') {
            code++;
        } else {
            problem(&r, "agent code without '~' (read as a suffix)", p);
        }
        code = trim(code);
        for (char *q = code; *q; q++)
            *q = (char)toupper((unsigned char)*q);
        char *plurals = NULL;
        bool explicit_plural = false;
        char *ob = strchr(p, '{');
        if (ob) {
            char *cb = strchr(ob, '}');
            if (!cb) {
                problem(&r, "unclosed '{'; skipped", p);
                continue;
            }
            *cb = '\0';
            *ob = '\0';
            plurals = ob + 1;
            explicit_plural = true;
        }
        expand_agent(&r, trim(p), sets, nsets, code, flags, plurals ? plurals : "",
                     explicit_plural, 0);
    }
    free(sets);
    sr_dictb_source(b, s->name, s->hash);
    return r.problems;
}

/* ---- discards ---------------------------------------------------------------- */

unsigned sr_dread_discards(sr_dict_builder *b, sr_dsrc *s, sr_dict_dialect dd)
{
    areader r = {b, s, dd, 0};
    char *line;
    size_t len;
    bool blank;
    while (sr_dsrc_line(s, dd == SR_DD_TABARI, &line, &len, &blank)) {
        char *p = trim(line);
        if (!*p || *p == '<')
            continue;
        bool story = *p == '+';
        if (story)
            p++;
        char *br = strchr(p, '[');      /* TABARI: "PHRASE [###]" */
        if (br)
            *br = '\0';
        char words[1024];
        bool exact;
        phrase_words(trim(p), words, sizeof words, &exact);
        if (!words[0]) {
            problem(&r, "empty discard phrase; skipped", line);
            continue;
        }
        sr_dictb_at(b, s->name, s->line);
        sr_dictb_discard(b, words, story, exact ? 0 : SR_PHRASE_STEM);
    }
    sr_dictb_source(b, s->name, s->hash);
    return r.problems;
}

/* ---- issues ------------------------------------------------------------------- */

/* out = a + sep + b, when it fits in cap bytes. */
static bool join3(char *out, size_t cap, const char *a, const char *sep, const char *b)
{
    size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
    if (la + ls + lb + 1 > cap)
        return false;
    memcpy(out, a, la);
    memcpy(out + la, sep, ls);
    memcpy(out + la + ls, b, lb + 1);
    return true;
}

#define VARLEN (SR_DICT_MAX_WORD * 2 + 4)

/* The variants of one issue word: n: noun forms, v: verb forms, and a '+'
 * joined by a space, a hyphen or nothing. Returns how many (<= 8). */
static int word_variants(const char *w, char variants[8][VARLEN])
{
    int nv = 0;
    char base[SR_DICT_MAX_WORD + 1];
    if (strncmp(w, "n:", 2) == 0 || strncmp(w, "v:", 2) == 0) {
        sr_dict_norm(w + 2, strlen(w + 2), base, sizeof base);
        join3(variants[nv++], VARLEN, base, "", "");
        if (w[0] == 'n') {
            sr_dict_plural(base, variants[nv], VARLEN);
            nv++;
        } else {
            char forms[3][SR_DICT_MAX_WORD + 1];
            int k = sr_dict_verb_forms(base, forms);
            for (int j = 0; j < k; j++)
                join3(variants[nv++], VARLEN, forms[j], "", "");
        }
    } else {
        sr_dict_norm(w, strlen(w), base, sizeof base);
        join3(variants[nv++], VARLEN, base, "", "");
    }
    int nbase = nv;
    for (int j = 0; j < nbase && nv + 2 <= 8; j++) {
        char *plus = strchr(variants[j], '+');
        if (!plus)
            continue;
        char a[VARLEN];
        memcpy(a, variants[j], VARLEN);
        char *pa = strchr(a, '+');
        *pa = '\0';
        join3(variants[j], VARLEN, a, " ", pa + 1);
        join3(variants[nv++], VARLEN, a, "-", pa + 1);
        join3(variants[nv++], VARLEN, a, "", pa + 1);
    }
    return nv;
}

/* Add every combination of the variants of words[i..n) after acc. */
static void issue_variants(areader *r, char **words, int n, int i, char *acc,
                           size_t used, size_t cap, const char *code, unsigned flags,
                           int *budget)
{
    if (*budget <= 0)
        return;
    if (i == n) {
        acc[used] = '\0';
        sr_dictb_at(r->b, r->s->name, r->s->line);
        sr_dictb_issue(r->b, acc, code, flags);
        (*budget)--;
        return;
    }
    char variants[8][VARLEN];
    int nv = word_variants(words[i], variants);
    for (int j = 0; j < nv; j++) {
        size_t k = strlen(variants[j]);
        if (used + k + 2 > cap)
            continue;
        size_t u = used;
        if (u)
            acc[u++] = ' ';
        memcpy(acc + u, variants[j], k);
        issue_variants(r, words, n, i + 1, acc, u + k, cap, code, flags, budget);
    }
}

unsigned sr_dread_issues(sr_dict_builder *b, sr_dsrc *s)
{
    areader r = {b, s, SR_DD_PETRARCH, 0};
    char *line;
    size_t len;
    bool blank;
    while (sr_dsrc_line(s, false, &line, &len, &blank)) {
        char *p = trim(line);
        if (!*p || *p == '<')
            continue;
        unsigned flags = 0;
        char *code = NULL;
        if (*p == '~') {
            flags = SR_ISSUE_IGNORE;
            while (*p == '~')
                p++;
        } else {
            char *o = strrchr(p, '['), *c = o ? strchr(o, ']') : NULL;
            if (!o || !c) {
                problem(&r, "issue phrase without a [code]; skipped", p);
                continue;
            }
            *c = '\0';
            *o = '\0';
            code = trim(o + 1);
        }
        char *words[SR_DICT_MAX_TERMS];
        int n = 0;
        char *save = NULL;
        for (char *t = strtok_r(p, " \t", &save); t && n < SR_DICT_MAX_TERMS;
             t = strtok_r(NULL, " \t", &save))
            words[n++] = t;
        if (n == 0) {
            problem(&r, "empty issue phrase; skipped", line);
            continue;
        }
        char acc[1024];
        int budget = 64;
        issue_variants(&r, words, n, 0, acc, 0, sizeof acc, code, flags, &budget);
    }
    sr_dictb_source(b, s->name, s->hash);
    return r.problems;
}

/* ---- options ------------------------------------------------------------------ */

unsigned sr_dread_options(sr_dict_builder *b, sr_dsrc *s)
{
    areader r = {b, s, SR_DD_TABARI, 0};
    char *line;
    size_t len;
    bool blank;
    while (sr_dsrc_line(s, false, &line, &len, &blank)) {
        char *p = trim(line);
        if (!*p || (p[0] == '/' && p[1] == '/') || *p == ';')
            continue;
        char *colon = strchr(p, ':');
        char *eq = strchr(p, '=');
        char *sep = colon && (!eq || colon < eq) ? colon : eq;
        if (!sep) {
            problem(&r, "option line is not 'KEY: VALUE'; skipped", p);
            continue;
        }
        *sep = '\0';
        sr_dictb_at(b, s->name, s->line);
        sr_dictb_option(b, trim(p), trim(sep + 1));
    }
    sr_dictb_source(b, s->name, s->hash);
    return r.problems;
}
