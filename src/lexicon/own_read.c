/*
 * own_read.c — the reader of the project's own dictionary format.
 *
 * The format (docs/dictionaries.md) is line-based: an entry starts with a
 * keyword in the first column, and indented lines below it add names, roles
 * and seats. The reader is a plain loop over lines with no look-ahead: a
 * header line creates an entry, an indented line adds to the entry last
 * created. It checks form only (a code looks like a code, a date is a real
 * date, a pattern parses); whether the codes exist and whether entries
 * contradict each other is the checker's job (own_check.c), which sees the
 * whole dictionary.
 *
 * Invariants: every entry and name keeps the file and line it came from; a
 * malformed line is reported once ("FILE:LINE: reason") and contributes
 * nothing, and a malformed header also drops its indented lines (each of
 * which is then reported as belonging to no entry only once, at the first).
 * The reader never reads past `len` and never recurses deeper than
 * OWN_MAX_DEPTH on pattern parentheses, so any byte string is safe input.
 */
#include "lexicon/own.h"
#include "core/internal.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define OWN_MAX_DEPTH 8
#define OWN_MAX_FILE (64u * 1024u * 1024u)
#define OWN_MAX_LINE 8192

/* ------------------------------------------------------------------------ */
/* The dictionary                                                            */
/* ------------------------------------------------------------------------ */

sr_own_dict *sr_own_new(void)
{
    sr_own_dict *d = sr_xcalloc(1, sizeof *d);
    d->arena = sr_arena_new();
    return d;
}

void sr_own_free(sr_own_dict *d)
{
    if (!d)
        return;
    free(d->entries);
    free(d->sources);
    sr_arena_free(d->arena);
    free(d);
}

static const char *const kind_names[] = {
    [SR_OWN_SECTOR] = "sector",     [SR_OWN_REGION] = "region",
    [SR_OWN_COUNTRY] = "country",   [SR_OWN_ACTOR] = "actor",
    [SR_OWN_PERSON] = "person",     [SR_OWN_MEDIA] = "media",
    [SR_OWN_AGENT] = "agent",       [SR_OWN_NONACTOR] = "nonactor",
    [SR_OWN_DISCARD] = "discard",   [SR_OWN_DISCARD_STORY] = "discard-story",
    [SR_OWN_PRED] = "pred",
};

const char *sr_own_kind_name(sr_own_kind k)
{
    return k >= SR_OWN_SECTOR && k <= SR_OWN_PRED ? kind_names[k] : "?";
}

static sr_own_kind kind_from_name(const char *s, size_t n)
{
    for (int k = SR_OWN_SECTOR; k <= SR_OWN_PRED; k++)
        if (strlen(kind_names[k]) == n && memcmp(kind_names[k], s, n) == 0)
            return (sr_own_kind)k;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Reading state and messages                                                */
/* ------------------------------------------------------------------------ */

typedef struct reader {
    sr_own_dict *d;
    const char *file;        /* arena copy */
    uint32_t line;
    sr_diag *diag;
    unsigned errors;
    sr_own_entry *cur;       /* the entry indented lines add to, or NULL */
    bool orphan_reported;    /* an orphan line was reported since the last
                                header (report one per dropped block) */
} reader;

static void bad(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void bad(reader *r, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char where[1024];
    snprintf(where, sizeof where, "%s:%u", r->file, r->line);
    sr_error(r->diag, where, "%s", msg);
    r->errors++;
}

/* A view of bytes [p, p+n). */
typedef struct span {
    const char *p;
    size_t n;
} span;

static bool is_space(char c) { return c == ' ' || c == '\t'; }

static span trim(span s)
{
    while (s.n && is_space(s.p[0]))
        s.p++, s.n--;
    while (s.n && (is_space(s.p[s.n - 1]) || s.p[s.n - 1] == '\r'))
        s.n--;
    return s;
}

/* Split off the first whitespace-delimited token of *s. */
static span next_token(span *s)
{
    *s = trim(*s);
    size_t i = 0;
    while (i < s->n && !is_space(s->p[i]))
        i++;
    span t = {s->p, i};
    s->p += i;
    s->n -= i;
    *s = trim(*s);
    return t;
}

static bool span_is(span s, const char *w)
{
    return strlen(w) == s.n && memcmp(s.p, w, s.n) == 0;
}

/* Copy a span with runs of spaces and tabs collapsed to one space. */
static char *collapse(sr_arena *a, span s)
{
    char *out = sr_arena_alloc(a, s.n + 1);
    size_t o = 0;
    bool sp = false;
    for (size_t i = 0; i < s.n; i++) {
        if (is_space(s.p[i])) {
            sp = o > 0;
            continue;
        }
        if (sp)
            out[o++] = ' ';
        sp = false;
        out[o++] = s.p[i];
    }
    out[o] = '\0';
    return out;
}

/* ------------------------------------------------------------------------ */
/* Codes, names, dates                                                       */
/* ------------------------------------------------------------------------ */

/* Actor / sector codes: 3 to 24 capital letters. */
static bool read_actor_code(reader *r, span t, char *out, const char *what)
{
    if (t.n == 0) {
        bad(r, "missing %s code", what);
        return false;
    }
    if (t.n < 3 || t.n > SR_OWN_MAX_CODE) {
        bad(r, "%s code '%.*s' must have 3 to %d capital letters", what,
            (int)(t.n > 40 ? 40 : t.n), t.p, SR_OWN_MAX_CODE);
        return false;
    }
    for (size_t i = 0; i < t.n; i++)
        if (t.p[i] < 'A' || t.p[i] > 'Z') {
            bad(r, "%s code '%.*s' must be capital letters A-Z only", what,
                (int)t.n, t.p);
            return false;
        }
    memcpy(out, t.p, t.n);
    out[t.n] = '\0';
    return true;
}

/* CAMEO event codes: 2 to 4 digits. */
static bool read_event_code(reader *r, span t, char *out)
{
    if (t.n == 0) {
        bad(r, "missing CAMEO event code");
        return false;
    }
    bool ok = t.n >= 2 && t.n <= 4;
    for (size_t i = 0; ok && i < t.n; i++)
        ok = t.p[i] >= '0' && t.p[i] <= '9';
    if (!ok) {
        bad(r, "'%.*s' is not a CAMEO event code (2 to 4 digits)",
            (int)(t.n > 40 ? 40 : t.n), t.p);
        return false;
    }
    memcpy(out, t.p, t.n);
    out[t.n] = '\0';
    return true;
}

static void *grow(sr_arena *a, void *old, uint32_t n, uint32_t *cap, size_t size)
{
    if (n < *cap)
        return old;
    uint32_t ncap = *cap ? *cap * 2 : 4;
    void *p = sr_arena_alloc(a, (size_t)ncap * size);
    if (old)
        memcpy(p, old, (size_t)n * size);
    *cap = ncap;
    return p;
}

static void add_name(reader *r, sr_own_entry *e, const char *text,
                     sr_own_name_kind kind, const char *code)
{
    e->names = grow(r->d->arena, e->names, e->nnames, &e->cap_names,
                    sizeof *e->names);
    e->names[e->nnames++] = (sr_own_name){
        .text = text, .code = code, .line = r->line, .kind = (uint8_t)kind};
}

static bool name_char_ok(unsigned char c)
{
    return c >= 0x20 && c != 0x7f && c != '|' && c != ':' && c != '(' &&
           c != ')' && c != '[' && c != ']' && c != '{' && c != '}';
}

/* Add the ';'-separated names of `s` to `e`. Returns false (having
 * reported) when a name is empty or has a character names cannot have. */
static bool read_names(reader *r, sr_own_entry *e, span s,
                       sr_own_name_kind kind, const char *code)
{
    s = trim(s);
    if (s.n == 0) {
        bad(r, "missing names");
        return false;
    }
    uint32_t before = e->nnames;
    while (true) {
        const char *semi = memchr(s.p, ';', s.n);
        span one = {s.p, semi ? (size_t)(semi - s.p) : s.n};
        one = trim(one);
        if (one.n == 0) {
            bad(r, "empty name in a list (two ';' in a row, or one at an end)");
            e->nnames = before;
            return false;
        }
        for (size_t i = 0; i < one.n; i++)
            if (!name_char_ok((unsigned char)one.p[i])) {
                bad(r, "name '%.*s' has the character '%c', which names "
                       "cannot have", (int)one.n, one.p,
                    isprint((unsigned char)one.p[i]) ? one.p[i] : '?');
                e->nnames = before;
                return false;
            }
        add_name(r, e, collapse(r->d->arena, one), kind, code);
        if (!semi)
            break;
        s.n -= (size_t)(semi - s.p) + 1;
        s.p = semi + 1;
    }
    return true;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static bool digits(span s, size_t at, size_t n, int *out)
{
    if (at + n > s.n)
        return false;
    int v = 0;
    for (size_t i = at; i < at + n; i++) {
        if (s.p[i] < '0' || s.p[i] > '9')
            return false;
        v = v * 10 + (s.p[i] - '0');
    }
    *out = v;
    return true;
}

/* YYYY, YYYY-MM or YYYY-MM-DD -> YYYYMMDD (first day of a month or year). */
static bool read_date(reader *r, span s, uint32_t *out)
{
    int y = 0, m = 1, dd = 1;
    bool ok = digits(s, 0, 4, &y) && (s.n == 4 || s.n == 7 || s.n == 10);
    if (ok && s.n >= 7)
        ok = s.p[4] == '-' && digits(s, 5, 2, &m) && m >= 1 && m <= 12;
    if (ok && s.n == 10)
        ok = s.p[7] == '-' && digits(s, 8, 2, &dd) && dd >= 1 &&
             dd <= days_in_month(y, m);
    if (!ok || y < 1000) {
        bad(r, "'%.*s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
            (int)(s.n > 40 ? 40 : s.n), s.p);
        return false;
    }
    *out = (uint32_t)(y * 10000 + m * 100 + dd);
    return true;
}

/* FROM..TO with either end optional. */
static bool read_range(reader *r, span s, uint32_t *from, uint32_t *to)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < s.n; i++)
        if (s.p[i] == '.' && s.p[i + 1] == '.') {
            dots = s.p + i;
            break;
        }
    if (!dots) {
        bad(r, "'%.*s' is not a date range (FROM..TO, FROM.. or ..TO)",
            (int)(s.n > 40 ? 40 : s.n), s.p);
        return false;
    }
    span a = {s.p, (size_t)(dots - s.p)};
    span b = {dots + 2, s.n - (size_t)(dots - s.p) - 2};
    *from = SR_OWN_DATE_MIN;
    *to = SR_OWN_DATE_MAX;
    if (a.n == 0 && b.n == 0) {
        bad(r, "a date range needs at least one end");
        return false;
    }
    if (a.n && !read_date(r, a, from))
        return false;
    if (b.n && !read_date(r, b, to))
        return false;
    if (*from >= *to) {
        bad(r, "date range %.*s ends before it starts (the end is excluded)",
            (int)s.n, s.p);
        return false;
    }
    return true;
}

static void add_role(reader *r, sr_own_entry *e, const char *code, bool dated,
                     uint32_t from, uint32_t to)
{
    e->roles = grow(r->d->arena, e->roles, e->nroles, &e->cap_roles,
                    sizeof *e->roles);
    sr_own_role *ro = &e->roles[e->nroles++];
    memset(ro, 0, sizeof *ro);
    snprintf(ro->code, sizeof ro->code, "%s", code);
    ro->dated = dated;
    ro->from = from;
    ro->to = to;
    ro->line = r->line;
}

/* ------------------------------------------------------------------------ */
/* Patterns                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct pscan {
    reader *r;
    const char *p, *end;
    int depth;
} pscan;

static bool at_delim(const pscan *ps)
{
    return ps->p >= ps->end || is_space(*ps->p) || *ps->p == '(' ||
           *ps->p == ')' || *ps->p == '|' || *ps->p == ':';
}

static void skip_ws(pscan *ps)
{
    while (ps->p < ps->end && is_space(*ps->p))
        ps->p++;
}

/* Words separated by '|' up to a space, '(', ')' or ':'. */
static bool scan_alts(pscan *ps, const char ***out, uint32_t *n,
                      const char *what)
{
    uint32_t cap = 0;
    const char **v = NULL;
    *n = 0;
    while (true) {
        const char *s = ps->p;
        while (!at_delim(ps))
            ps->p++;
        if (ps->p == s) {
            bad(ps->r, "pattern: empty %s", what);
            return false;
        }
        v = grow(ps->r->d->arena, v, *n, &cap, sizeof *v);
        v[(*n)++] = sr_arena_strndup(ps->r->d->arena, s, (size_t)(ps->p - s));
        if (ps->p < ps->end && *ps->p == '|') {
            ps->p++;
            continue;
        }
        break;
    }
    *out = v;
    return true;
}

static bool scan_slots(pscan *ps, sr_own_slot **out, uint32_t *n, bool nested);

static bool scan_filler(pscan *ps, sr_own_slot *sl)
{
    if (ps->p >= ps->end || is_space(*ps->p)) {
        bad(ps->r, "pattern: nothing after ':' (a filler: T, S, * or a lemma)");
        return false;
    }
    const char *s = ps->p;
    if ((*s == 'T' || *s == 'S' || *s == '*') &&
        (s + 1 >= ps->end || is_space(s[1]) || s[1] == '(' || s[1] == ')')) {
        sl->fill = *s == 'T' ? SR_OWN_FILL_TARGET
                   : *s == 'S' ? SR_OWN_FILL_SOURCE : SR_OWN_FILL_ANY;
        ps->p++;
    } else {
        sl->fill = SR_OWN_FILL_LEMMA;
        if (!scan_alts(ps, &sl->lemmas, &sl->nlemmas, "filler"))
            return false;
    }
    if (ps->p < ps->end && *ps->p == '(') {
        if (sl->fill == SR_OWN_FILL_TARGET || sl->fill == SR_OWN_FILL_SOURCE) {
            bad(ps->r, "pattern: an actor slot (T or S) cannot have slots of "
                       "its own");
            return false;
        }
        if (++ps->depth > OWN_MAX_DEPTH) {
            bad(ps->r, "pattern: parentheses nested deeper than %d", OWN_MAX_DEPTH);
            return false;
        }
        ps->p++;
        if (!scan_slots(ps, &sl->sub, &sl->nsub, true))
            return false;
        ps->depth--;
        if (ps->p >= ps->end || *ps->p != ')') {
            bad(ps->r, "pattern: '(' without its ')'");
            return false;
        }
        ps->p++;
    }
    if (!(ps->p >= ps->end || is_space(*ps->p) || *ps->p == ')')) {
        bad(ps->r, "pattern: unexpected '%c' after a filler", *ps->p);
        return false;
    }
    return true;
}

static bool scan_slot(pscan *ps, sr_own_slot *sl)
{
    memset(sl, 0, sizeof *sl);
    if (!scan_alts(ps, &sl->rels, &sl->nrels, "relation"))
        return false;
    if (ps->p >= ps->end || *ps->p != ':') {
        bad(ps->r, "pattern: '%s' is not a slot (REL:FILLER, e.g. obj:T, "
                   "with:T)", sl->rels[sl->nrels - 1]);
        return false;
    }
    ps->p++;
    return scan_filler(ps, sl);
}

static bool scan_slots(pscan *ps, sr_own_slot **out, uint32_t *n, bool nested)
{
    uint32_t cap = 0;
    sr_own_slot *v = NULL;
    *n = 0;
    while (true) {
        skip_ws(ps);
        if (ps->p >= ps->end)
            break;
        if (*ps->p == ')') {
            if (nested)
                break;
            bad(ps->r, "pattern: ')' without its '('");
            return false;
        }
        v = grow(ps->r->d->arena, v, *n, &cap, sizeof *v);
        if (!scan_slot(ps, &v[*n]))
            return false;
        (*n)++;
    }
    if (nested && *n == 0) {
        bad(ps->r, "pattern: empty parentheses");
        return false;
    }
    *out = v;
    return true;
}

static sr_own_pattern *read_pattern(reader *r, span s)
{
    s = trim(s);
    if (s.n == 0) {
        bad(r, "missing pattern after the code");
        return NULL;
    }
    sr_own_pattern *pat = sr_arena_alloc(r->d->arena, sizeof *pat);
    pat->text = collapse(r->d->arena, s);
    pscan ps = {r, s.p, s.p + s.n, 0};
    if (s.n > 4 && memcmp(s.p, "not", 3) == 0 && is_space(s.p[3])) {
        pat->negated = true;
        ps.p += 3;
        skip_ws(&ps);
    }
    if (!scan_alts(&ps, &pat->heads, &pat->nheads, "head"))
        return NULL;
    if (ps.p < ps.end && (*ps.p == ':' || *ps.p == '(' || *ps.p == ')')) {
        bad(r, "pattern: it must start with a head verb (a lemma), not a "
               "slot");
        return NULL;
    }
    pat->particles = sr_arena_alloc(r->d->arena, pat->nheads * sizeof(char *));
    for (uint32_t i = 0; i < pat->nheads; i++) {
        char *u = strchr(pat->heads[i], '_');
        if (u) {
            *u = '\0';
            pat->particles[i] = u + 1;
        }
    }
    if (!scan_slots(&ps, &pat->slots, &pat->nslots, false))
        return NULL;
    return pat;
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                     */
/* ------------------------------------------------------------------------ */

static sr_own_entry *new_entry(reader *r, sr_own_kind kind)
{
    sr_own_dict *d = r->d;
    if (d->nentries == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 256;
        d->entries = sr_xrealloc(d->entries, d->cap * sizeof *d->entries);
    }
    sr_own_entry *e = &d->entries[d->nentries];
    memset(e, 0, sizeof *e);
    e->kind = (uint8_t)kind;
    e->file = r->file;
    e->line = r->line;
    return e;
}

/* Parse a header line into a new entry; commit it only when it parsed. */
static void header(reader *r, span s)
{
    span kw = next_token(&s);
    sr_own_kind kind = kind_from_name(kw.p, kw.n);
    /* `noun CODE PATTERN`: an event-noun predicate, a pred whose heads are
     * nouns */
    bool noun = span_is(kw, "noun");
    if (noun)
        kind = SR_OWN_PRED;
    r->cur = NULL;
    r->orphan_reported = false;
    if (!kind) {
        bad(r, "unknown keyword '%.*s' (expected sector, region, country, "
               "actor, person, media, agent, nonactor, discard, "
               "discard-story, pred or noun)", (int)(kw.n > 40 ? 40 : kw.n), kw.p);
        return;
    }
    sr_own_entry *e = new_entry(r, kind);
    bool ok = true;
    switch (kind) {
    case SR_OWN_SECTOR: {
        span c = next_token(&s);
        ok = read_actor_code(r, c, e->code, "sector");
        if (ok && c.n != 3) {
            bad(r, "a sector code has exactly 3 letters");
            ok = false;
        }
        if (ok && s.n == 0) {
            bad(r, "sector %s needs a description", e->code);
            ok = false;
        }
        if (ok)
            e->text = collapse(r->d->arena, s);
        break;
    }
    case SR_OWN_REGION:
    case SR_OWN_COUNTRY: {
        span c = next_token(&s);
        ok = read_actor_code(r, c, e->code, kind_names[kind]);
        if (ok && c.n != 3) {
            bad(r, "a %s code has exactly 3 letters", kind_names[kind]);
            ok = false;
        }
        if (ok && (kind == SR_OWN_COUNTRY || s.n))
            ok = read_names(r, e, s, SR_OWN_NAME, NULL);
        break;
    }
    case SR_OWN_ACTOR:
    case SR_OWN_MEDIA:
    case SR_OWN_AGENT:
        ok = read_actor_code(r, next_token(&s), e->code, kind_names[kind]) &&
             read_names(r, e, s, SR_OWN_NAME, NULL);
        break;
    case SR_OWN_PERSON:
    case SR_OWN_NONACTOR:
    case SR_OWN_DISCARD:
    case SR_OWN_DISCARD_STORY:
        ok = read_names(r, e, s, SR_OWN_NAME, NULL);
        break;
    case SR_OWN_PRED:
        ok = read_event_code(r, next_token(&s), e->code) &&
             (e->pattern = read_pattern(r, s)) != NULL;
        if (ok && noun) {
            e->pattern->noun = true;
            if (e->pattern->negated) {
                bad(r, "an event noun cannot be negated ('not' is for verbs)");
                ok = false;
            }
            for (uint32_t h = 0; ok && h < e->pattern->nheads; h++)
                if (e->pattern->particles[h]) {
                    bad(r, "an event noun has no particle ('%s_%s'); write the "
                           "noun's lemma", e->pattern->heads[h], e->pattern->particles[h]);
                    ok = false;
                }
        }
        break;
    }
    if (ok) {
        r->d->nentries++;
        r->cur = &r->d->entries[r->d->nentries - 1];
    }
}

/* `role CODE [RANGE]` under a country, actor or person. */
static void role_line(reader *r, sr_own_entry *e, span s)
{
    char code[SR_OWN_MAX_CODE + 1];
    if (!read_actor_code(r, next_token(&s), code, "role"))
        return;
    span range = next_token(&s);
    if (s.n) {
        bad(r, "unexpected '%.*s' after the role's date range (comments "
               "start with '#')", (int)(s.n > 40 ? 40 : s.n), s.p);
        return;
    }
    if (range.n == 0) {
        if (e->kind != SR_OWN_PERSON) {
            bad(r, "a role of a %s needs a date range (the header's code "
                   "holds outside the ranges)", kind_names[e->kind]);
            return;
        }
        add_role(r, e, code, false, SR_OWN_DATE_MIN, SR_OWN_DATE_MAX);
        return;
    }
    uint32_t from, to;
    if (read_range(r, range, &from, &to))
        add_role(r, e, code, true, from, to);
}

static void continuation(reader *r, span s)
{
    sr_own_entry *e = r->cur;
    if (!e) {
        if (!r->orphan_reported)
            bad(r, "indented line belongs to no entry (the entry above it "
                   "is missing or malformed)");
        r->orphan_reported = true;
        return;
    }
    span key = next_token(&s);
    sr_own_kind k = e->kind;
    bool named = k != SR_OWN_SECTOR && k != SR_OWN_PRED;
    if (span_is(key, "also") && named) {
        read_names(r, e, s, SR_OWN_NAME, NULL);
    } else if (span_is(key, "role") &&
               (k == SR_OWN_COUNTRY || k == SR_OWN_ACTOR || k == SR_OWN_PERSON)) {
        role_line(r, e, s);
    } else if ((span_is(key, "adj") || span_is(key, "people")) &&
               k == SR_OWN_COUNTRY) {
        read_names(r, e, s, key.n == 3 ? SR_OWN_ADJ : SR_OWN_PEOPLE, NULL);
    } else if (span_is(key, "seat") && k == SR_OWN_COUNTRY) {
        char sector[SR_OWN_MAX_CODE + 1];
        if (!read_actor_code(r, next_token(&s), sector, "seat sector"))
            return;
        char *code = sr_arena_printf(r->d->arena, "%s%s", e->code, sector);
        read_names(r, e, s, SR_OWN_SEAT, code);
    } else if (span_is(key, "place") && k == SR_OWN_COUNTRY) {
        read_names(r, e, s, SR_OWN_PLACE, sr_arena_strdup(r->d->arena, e->code));
    } else {
        bad(r, "'%.*s' is not a line a %s entry can have%s",
            (int)(key.n > 40 ? 40 : key.n), key.p, kind_names[k],
            k == SR_OWN_COUNTRY  ? " (adj, people, seat, place, role, also)"
            : k == SR_OWN_ACTOR || k == SR_OWN_PERSON ? " (role, also)"
            : named ? " (also)" : " (it has no indented lines)");
    }
}

static void one_line(reader *r, span line)
{
    const char *hash = memchr(line.p, '#', line.n);
    if (hash)
        line.n = (size_t)(hash - line.p);
    bool indented = line.n && is_space(line.p[0]);
    line = trim(line);
    if (line.n == 0)
        return;
    if (line.n > OWN_MAX_LINE) {
        bad(r, "line longer than %d bytes", OWN_MAX_LINE);
        if (!indented)
            r->cur = NULL;
        return;
    }
    if (memchr(line.p, '\0', line.n)) {
        bad(r, "NUL byte in the line");
        if (!indented)
            r->cur = NULL;
        return;
    }
    if (indented)
        continuation(r, line);
    else
        header(r, line);
}

unsigned sr_own_parse(sr_own_dict *d, const char *file, const char *text,
                      size_t len, sr_diag *diag)
{
    reader r = {.d = d, .diag = diag};
    r.file = sr_arena_strdup(d->arena, file ? file : "-");
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;   /* a byte-order mark */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        r.line++;
        one_line(&r, (span){p, (size_t)(le - p)});
        p = nl ? nl + 1 : end;
    }
    d->files++;
    d->syntax_errors += r.errors;
    return r.errors;
}

/* ------------------------------------------------------------------------ */
/* Files and folders                                                         */
/* ------------------------------------------------------------------------ */

static sr_status read_file(sr_own_dict *d, const char *path, sr_diag *diag)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        sr_error(diag, path, "cannot open: %s", strerror(errno));
        return SR_ERR_IO;
    }
    sr_buf b;
    sr_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > OWN_MAX_FILE) {
            sr_error(diag, path, "larger than %u MiB; not a dictionary",
                     OWN_MAX_FILE >> 20);
            fclose(f);
            sr_buf_free(&b);
            return SR_ERR_LIMIT;
        }
        sr_buf_put(&b, chunk, n);
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        sr_error(diag, path, "read error");
        sr_buf_free(&b);
        return SR_ERR_IO;
    }
    if (d->nsources == d->cap_sources) {
        d->cap_sources = d->cap_sources ? d->cap_sources * 2 : 32;
        d->sources = sr_xrealloc(d->sources, d->cap_sources * sizeof *d->sources);
    }
    const char *base = strrchr(path, '/');
    d->sources[d->nsources++] = (sr_own_source){
        sr_arena_strdup(d->arena, base ? base + 1 : path),
        sr_hash64(b.data ? b.data : "", b.len, 0)};
    sr_own_parse(d, path, b.data ? b.data : "", b.len, diag);
    sr_buf_free(&b);
    return SR_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool has_txt_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

static sr_status read_path(sr_own_dict *d, const char *path, sr_diag *diag,
                           int depth);

static sr_status read_dir(sr_own_dict *d, const char *path, sr_diag *diag,
                          int depth)
{
    DIR *dir = opendir(path);
    if (!dir) {
        sr_error(diag, path, "cannot open folder: %s", strerror(errno));
        return SR_ERR_IO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = sr_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = sr_arena_printf(d->arena, "%s/%s", path, de->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, cmp_str);
    sr_status st = SR_OK;
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (stat(names[i], &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode) || has_txt_suffix(names[i])) {
            sr_status s = read_path(d, names[i], diag, depth + 1);
            if (s != SR_OK)
                st = s;
        }
    }
    free(names);
    return st;
}

static sr_status read_path(sr_own_dict *d, const char *path, sr_diag *diag,
                           int depth)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        sr_error(diag, path, "cannot read: %s", strerror(errno));
        return SR_ERR_IO;
    }
    if (S_ISDIR(sb.st_mode)) {
        if (depth > 16) {
            sr_error(diag, path, "folders nested too deep");
            return SR_ERR_LIMIT;
        }
        return read_dir(d, path, diag, depth);
    }
    return read_file(d, path, diag);
}

sr_status sr_own_read_paths(sr_own_dict *d, const char *const *paths,
                            size_t npaths, sr_diag *diag)
{
    sr_status st = SR_OK;
    for (size_t i = 0; i < npaths; i++) {
        sr_status s = read_path(d, paths[i], diag, 0);
        if (s != SR_OK)
            st = s;
    }
    return st;
}
