/*
 * verbs.c — the reader of verb dictionaries: PETRARCH-2 (CAMEO.2.0.txt),
 * PETRARCH-1 (PETR.Validate.verbs.txt, CAMEO.verbpatterns.*.txt) and TABARI
 * (.verbs).
 *
 * One reader serves the three because they share their skeleton:
 *
 *   &NAME            a synset, followed by "+phrase" lines
 *   --- NAME [code] ---   a verb block (PETRARCH); TABARI starts a block
 *                    with a bare verb line "VERB [code]"
 *   VERB {FORMS} [code]   a verb of the block, with irregular forms and an
 *                    optional code of its own; "+" marks the verb word of a
 *                    multi-word verb ("+BREAK_DOWN", "WIRE_+TAP")
 *   - ... * ... [code]    a pattern
 *   ~ a (a b X) Y = a b C a transformation (PETRARCH-2)
 *
 * and differ in details the tokenizer handles: '_' joins words that must be
 * adjacent (all dialects), {A B} is a noun phrase and (P A B) a
 * prepositional phrase (PETRARCH-2), { A | B } are alternatives and a word
 * not ending in '_' is a stem (TABARI).
 *
 * Synset names may themselves contain '_' (&FIGHT_OF_WORDS) and may end with
 * one (&AUXVERB1_: no plurals), while '_' after a synset in a pattern means
 * adjacency (NEW_&TIETYPES_RELATIONS). The reader first collects the names
 * the file defines and reads "&A_B" as one name only when it is defined.
 */
#include "readers.h"
#include "../core/internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct vreader {
    sr_dict_builder *b;
    sr_dsrc *s;
    sr_dict_dialect dd;
    unsigned problems;
    bool have_block;
    uint32_t block;
    bool in_synset;
    uint32_t synset;
    bool synset_noplural;
    enum { SEC_MAIN, SEC_SYNSETS, SEC_SKIP } section;
    /* synset names defined in the file (normalised, '\n'-separated) */
    char *names;
    size_t nnames;
    /* some pattern of the file has a (...) or {...} phrase group: the
     * PETRARCH-2 syntax, whose words before '*' are the verb's clause's;
     * without any, the patterns are linear (SR_TERM_LINEAR) */
    bool groups;
} vreader;

static void problem(vreader *v, const char *msg, const char *line)
{
    sr_dictb_at(v->b, v->s->name, v->s->line);
    sr_dictb_error(v->b, "%s: '%.60s'", msg, line);
    v->problems++;
}

/* ---- synset names ---------------------------------------------------------- */

static bool name_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '\'' || c == '.' ||
           (unsigned char)c >= 0x80;
}

/* Collect the names of "&NAME" definitions (trailing '_' removed). */
static void collect_names(vreader *v)
{
    const char *p = v->s->text;
    size_t cap = 256;
    v->names = sr_xmalloc(cap);
    v->nnames = 0;
    v->names[0] = '\0';
    while (p && *p) {
        const char *q = p;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q == '-' && q[1] != '-') {
            /* a pattern line: a group before its code or comment? */
            for (const char *e = q; *e && *e != '\n' && *e != '#' && *e != '[' && *e != ';'; e++)
                if (*e == '(' || *e == '{') {
                    v->groups = true;
                    break;
                }
        }
        if (*q == '&') {
            q++;
            const char *e = q;
            while (name_char(*e) || *e == '_')
                e++;
            while (e > q && e[-1] == '_')
                e--;
            size_t n = (size_t)(e - q);
            while (v->nnames + n + 3 > cap) {
                cap *= 2;
                v->names = sr_xrealloc(v->names, cap);
            }
            v->names[v->nnames++] = '\n';
            for (size_t i = 0; i < n; i++)
                v->names[v->nnames++] = (char)toupper((unsigned char)q[i]);
            v->names[v->nnames++] = '\n';
            v->names[v->nnames] = '\0';
            v->nnames--;    /* the closing '\n' doubles as the next opener */
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    v->names[v->nnames++] = '\n';
    v->names[v->nnames] = '\0';
}

static bool defined_name(const vreader *v, const char *s, size_t n)
{
    char key[SR_DICT_MAX_WORD + 3];
    if (n + 2 >= sizeof key)
        return false;
    key[0] = '\n';
    for (size_t i = 0; i < n; i++)
        key[i + 1] = (char)toupper((unsigned char)s[i]);
    key[n + 1] = '\n';
    key[n + 2] = '\0';
    return strstr(v->names, key) != NULL;
}

/* Length of the synset name at p (after '&'): the longest run through '_'
 * that is a defined name, else the run up to the first '_'. */
static size_t synset_name_len(const vreader *v, const char *p)
{
    size_t first = 0;
    while (name_char(p[first]))
        first++;
    size_t best = first, i = first;
    while (p[i] == '_') {
        i++;
        while (name_char(p[i]))
            i++;
        size_t e = i;
        while (e > 0 && p[e - 1] == '_')
            e--;
        if (defined_name(v, p, e))
            best = e;
    }
    return best;
}

/* ---- pattern tokenizer ------------------------------------------------------- */

typedef struct toks {
    sr_dict_term t[SR_DICT_MAX_TERMS];
    size_t n;
    char buf[1024];     /* word texts */
    size_t used;
} toks;

static bool push(toks *k, sr_term_kind kind, unsigned flags, const char *text,
                 size_t len)
{
    if (k->n == SR_DICT_MAX_TERMS)
        return false;
    sr_dict_term *t = &k->t[k->n++];
    t->kind = (uint8_t)kind;
    t->flags = (uint8_t)flags;
    t->rel = NULL;
    t->text = NULL;
    if (text) {
        if (len > SR_DICT_MAX_WORD)
            len = SR_DICT_MAX_WORD;
        if (k->used + len + 1 > sizeof k->buf)
            return false;
        memcpy(k->buf + k->used, text, len);
        k->buf[k->used + len] = '\0';
        t->text = k->buf + k->used;
        k->used += len + 1;
    }
    return true;
}

static bool word_char(char c)
{
    return c && !strchr(" \t_{}()|*$^%[]&", c);
}

/* Turn pattern text into terms. `member`: a synset phrase (no verb; in
 * PETRARCH all its words are consecutive). Returns false when the text is
 * malformed. */
static bool tokenize(vreader *v, const char *p, toks *k, bool member)
{
    bool adj = false;
    int stack[8], depth = 0;
    k->n = k->used = 0;
    while (*p) {
        char c = *p;
        unsigned fl = adj ? SR_TERM_ADJACENT : 0;
        if (c == ' ' || c == '\t') {
            adj = false;
            p++;
            continue;
        }
        if (c == '_') {
            adj = true;
            p++;
            continue;
        }
        bool ok = true;
        if (c == '{') {
            const char *close = strchr(p, '}');
            const char *bar = strchr(p, '|');
            bool alt = bar && (!close || bar < close);
            if (depth == 8)
                return false;
            stack[depth++] = alt ? SR_TERM_ALT_OPEN : SR_TERM_NP_OPEN;
            ok = push(k, alt ? SR_TERM_ALT_OPEN : SR_TERM_NP_OPEN, fl, NULL, 0);
            p++;
        } else if (c == '}') {
            if (!depth || (stack[depth - 1] != SR_TERM_ALT_OPEN &&
                           stack[depth - 1] != SR_TERM_NP_OPEN))
                return false;
            depth--;
            ok = push(k, stack[depth] == SR_TERM_ALT_OPEN ? SR_TERM_ALT_CLOSE
                                                          : SR_TERM_NP_CLOSE, 0, NULL, 0);
            p++;
        } else if (c == '(') {
            if (depth == 8)
                return false;
            stack[depth++] = SR_TERM_PP_OPEN;
            ok = push(k, SR_TERM_PP_OPEN, fl, NULL, 0);
            p++;
        } else if (c == ')') {
            if (!depth || stack[depth - 1] != SR_TERM_PP_OPEN)
                return false;
            depth--;
            ok = push(k, SR_TERM_PP_CLOSE, 0, NULL, 0);
            p++;
        } else if (c == '|') {
            ok = push(k, SR_TERM_ALT_BAR, 0, NULL, 0);
            p++;
        } else if (c == '*' || c == '$' || c == '^' || c == '%' || c == '+') {
            sr_term_kind kind = c == '*' ? SR_TERM_VERB : c == '$' ? SR_TERM_SOURCE
                              : c == '^' ? SR_TERM_SKIP : c == '%' ? SR_TERM_COMPOUND
                              : SR_TERM_TARGET;
            ok = push(k, kind, fl, NULL, 0);
            p++;
        } else if (c == '&') {
            p++;
            size_t n = synset_name_len(v, p);
            if (n == 0)
                return false;
            ok = push(k, SR_TERM_SYNSET, fl, p, n);
            p += n;
        } else if (c == '[' || c == ']') {
            return false;
        } else {
            const char *s = p;
            while (word_char(*p))
                p++;
            size_t n = (size_t)(p - s);
            if (v->dd == SR_DD_TABARI && *p != '_')
                fl |= SR_TERM_STEM;
            ok = push(k, SR_TERM_WORD, fl, s, n);
        }
        if (!ok)
            return false;
        adj = false;
    }
    if (depth)
        return false;
    if (member && v->dd == SR_DD_PETRARCH)
        for (size_t i = 1; i < k->n; i++)
            if (k->t[i].kind == SR_TERM_WORD || k->t[i].kind == SR_TERM_SYNSET)
                k->t[i].flags |= SR_TERM_ADJACENT;
    return true;
}

/* ---- codes ----------------------------------------------------------------- */

/* The code of the last "[...]" of a line, upper-cased and trimmed, into
 * out; *open receives the position of its '['. False when there is none. */
static bool last_code(char *line, char *out, size_t cap, char **open)
{
    char *o = strrchr(line, '[');
    if (!o)
        return false;
    char *c = strchr(o, ']');
    if (!c)
        return false;
    const char *s = o + 1;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = (size_t)(c - s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n + 1 > cap)
        n = cap - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)toupper((unsigned char)s[i]);
    out[n] = '\0';
    *open = o;
    return n > 0;
}

/* ---- lines -------------------------------------------------------------------- */

static void add_synset_member(vreader *v, char *text)
{
    toks k;
    size_t n = strlen(text);
    bool noplural = v->synset_noplural;
    while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        text[--n] = '\0';
    if (n && text[n - 1] == '_') {
        noplural = true;
        text[--n] = '\0';
    }
    if (!tokenize(v, text, &k, true) || k.n == 0) {
        problem(v, "malformed synset phrase; skipped", text);
        return;
    }
    sr_dictb_at(v->b, v->s->name, v->s->line);
    sr_dictb_synset_phrase(v->b, v->synset, k.t, k.n);
    /* PETRARCH generates the regular plural of synset nouns */
    sr_dict_term *last = &k.t[k.n - 1];
    if (v->dd == SR_DD_PETRARCH && !noplural && last->kind == SR_TERM_WORD) {
        char w[SR_DICT_MAX_WORD + 1], pl[SR_DICT_MAX_WORD + 8];
        sr_dict_norm(last->text, strlen(last->text), w, sizeof w);
        if (sr_dict_plural(w, pl, sizeof pl)) {
            last->text = pl;
            sr_dictb_synset_phrase(v->b, v->synset, k.t, k.n);
        }
    }
}

static void start_synset(vreader *v, char *line)
{
    char *p = line + 1;
    size_t n = 0;
    while (name_char(p[n]) || p[n] == '_')
        n++;
    bool noplural = n && p[n - 1] == '_';
    while (n && p[n - 1] == '_')
        n--;
    if (n == 0) {
        problem(v, "synset without a name; skipped", line);
        v->in_synset = false;
        return;
    }
    char name[SR_DICT_MAX_WORD + 1];
    if (n > SR_DICT_MAX_WORD)
        n = SR_DICT_MAX_WORD;
    memcpy(name, p, n);
    name[n] = '\0';
    sr_dictb_at(v->b, v->s->name, v->s->line);
    v->synset = sr_dictb_synset(v->b, name);
    v->synset_noplural = noplural;
    v->in_synset = true;
}

/* "--- NAME [code] ---" */
static void start_block(vreader *v, char *line)
{
    char *p = line;
    while (*p == '-')
        p++;
    char *end = line + strlen(line);
    while (end > p && (end[-1] == '-' || end[-1] == ' ' || end[-1] == '\t'))
        end--;
    *end = '\0';
    char code[64] = "";
    char *open = NULL;
    if (last_code(p, code, sizeof code, &open))
        *open = '\0';
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        p[--n] = '\0';
    sr_dictb_at(v->b, v->s->name, v->s->line);
    v->block = sr_dictb_verb_block(v->b, *p ? p : "?", code[0] ? code : "---");
    v->have_block = true;
}

/* One verb phrase ("+BREAK_DOWN", "WIRE_+TAP", "SAY") with its forms. */
static void add_verb_phrase(vreader *v, const char *text, const char *code,
                            bool regular)
{
    char words[SR_DICT_MAX_TERMS][SR_DICT_MAX_WORD + 1];
    int n = 0, verb = -1;
    const char *p = text;
    while (*p && n < SR_DICT_MAX_TERMS) {
        while (*p == '_' || *p == ' ')
            p++;
        if (!*p)
            break;
        bool mark = *p == '+';
        if (mark)
            p++;
        const char *s = p;
        while (*p && *p != '_' && *p != ' ')
            p++;
        if (p == s)
            continue;
        sr_dict_norm(s, (size_t)(p - s), words[n], sizeof words[n]);
        if (mark && verb < 0)
            verb = n;
        n++;
    }
    if (n == 0) {
        problem(v, "empty verb; skipped", text);
        return;
    }
    if (verb < 0)
        verb = 0;
    char phrase[SR_DICT_MAX_TERMS * (SR_DICT_MAX_WORD + 1)];
    char forms[3][SR_DICT_MAX_WORD + 1];
    int nforms = regular ? sr_dict_verb_forms(words[verb], forms) : 0;
    for (int f = -1; f < nforms; f++) {
        size_t o = 0;
        for (int i = 0; i < n; i++) {
            const char *w = (i == verb && f >= 0) ? forms[f] : words[i];
            size_t wl = strlen(w);
            if (i)
                phrase[o++] = ' ';
            memcpy(phrase + o, w, wl);
            o += wl;
        }
        phrase[o] = '\0';
        sr_dictb_at(v->b, v->s->name, v->s->line);
        sr_dictb_verb_form(v->b, v->block, phrase, (unsigned)verb, code, 0);
    }
}

/* "VERB {IRREGULAR FORMS} [code]" */
static void verb_line(vreader *v, char *line)
{
    char code[64] = "";
    char *open = NULL;
    if (last_code(line, code, sizeof code, &open))
        *open = '\0';
    char *brace = strchr(line, '{');
    char *irregular = NULL;
    if (brace) {
        char *close = strchr(brace, '}');
        if (!close) {
            problem(v, "unclosed '{' in a verb line; skipped", line);
            return;
        }
        *close = '\0';
        *brace = '\0';
        irregular = brace + 1;
    }
    char *p = line;
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        p[--n] = '\0';
    const char *c = code[0] ? code : NULL;
    if (*p)
        add_verb_phrase(v, p, c, true);
    if (irregular) {
        char *save = NULL;
        for (char *t = strtok_r(irregular, " \t", &save); t; t = strtok_r(NULL, " \t", &save))
            add_verb_phrase(v, t, c, false);
    }
}

static void pattern_line(vreader *v, char *line)
{
    char code[64];
    char *open = NULL;
    if (!last_code(line, code, sizeof code, &open)) {
        problem(v, "pattern without a [code]; skipped", line);
        return;
    }
    *open = '\0';
    char *p = line;
    if (*p == '-')
        p++;
    toks k;
    if (!tokenize(v, p, &k, false)) {
        problem(v, "malformed pattern; skipped", line);
        return;
    }
    if (!v->groups || v->dd == SR_DD_TABARI)
        for (size_t i = 0; i < k.n; i++)
            if (k.t[i].kind == SR_TERM_VERB)
                k.t[i].flags |= SR_TERM_LINEAR;
    sr_dictb_at(v->b, v->s->name, v->s->line);
    unsigned before = sr_dictb_errors(v->b);
    sr_dictb_pattern(v->b, v->block, k.t, k.n, code, NULL);
    v->problems += sr_dictb_errors(v->b) - before;
}

/* "~ a (a b ATTACK) SAY = a b 015" */
static void transform_line(vreader *v, char *line)
{
    char *tok[16];
    int n = 0;
    char *save = NULL;
    for (char *p = line + 1; *p; p++)
        if (*p == '(' || *p == ')' || *p == '=')
            *p = ' ';
    for (char *t = strtok_r(line + 1, " \t", &save); t && n < 16;
         t = strtok_r(NULL, " \t", &save))
        tok[n++] = t;
    if (n != 8) {
        problem(v, "transformation is not of the form '~ a (b c VERB) VERB = a b CODE'; skipped", line);
        return;
    }
    sr_dict_transform t = {tok[0], tok[1], tok[2], tok[3], tok[4], tok[5], tok[6], tok[7]};
    sr_dictb_at(v->b, v->s->name, v->s->line);
    sr_dictb_transform(v->b, &t);
}

/* TABARI: "<SYNSETS>", "</TIME>" ... */
static bool section_line(vreader *v, const char *line)
{
    if (line[0] != '<')
        return false;
    if (strncmp(line, "<SYNSETS>", 9) == 0)
        v->section = SEC_SYNSETS;
    else if (line[1] == '/')
        v->section = SEC_MAIN;
    else
        v->section = SEC_SKIP;
    v->in_synset = false;
    return true;
}

static void one_line(vreader *v, char *line, bool blank)
{
    if (blank) {
        v->in_synset = false;
        return;
    }
    while (*line == ' ' || *line == '\t')
        line++;
    if (!*line)
        return;
    if (section_line(v, line) || v->section == SEC_SKIP)
        return;
    if (line[0] == '&') {
        start_synset(v, line);
        return;
    }
    if (line[0] == '+' && v->in_synset) {
        add_synset_member(v, line + 1);
        return;
    }
    v->in_synset = false;
    if (strncmp(line, "---", 3) == 0) {
        start_block(v, line);
        return;
    }
    if (line[0] == '~') {
        transform_line(v, line);
        return;
    }
    if (line[0] == '-' || line[0] == '*') {
        if (!v->have_block) {
            problem(v, "pattern before any verb; skipped", line);
            return;
        }
        pattern_line(v, line);
        return;
    }
    if (line[0] == '{' && v->have_block && v->dd == SR_DD_TABARI) {
        /* TABARI: "{ FORM FORM }" more forms of the current verb */
        char *close = strchr(line, '}');
        if (close)
            *close = '\0';
        char *save = NULL;
        for (char *t = strtok_r(line + 1, " \t", &save); t; t = strtok_r(NULL, " \t", &save))
            add_verb_phrase(v, t, NULL, false);
        return;
    }
    if (v->dd == SR_DD_TABARI) {
        /* TABARI: a verb line starts a block of its own */
        char name[SR_DICT_MAX_WORD + 1];
        size_t n = 0;
        while (line[n] && line[n] != ' ' && line[n] != '\t' && line[n] != '[' &&
               line[n] != '{' && n < SR_DICT_MAX_WORD)
            n++;
        memcpy(name, line, n);
        name[n] = '\0';
        char code[64] = "", *open;
        char copy[512];
        snprintf(copy, sizeof copy, "%s", line);
        last_code(copy, code, sizeof code, &open);
        sr_dictb_at(v->b, v->s->name, v->s->line);
        v->block = sr_dictb_verb_block(v->b, name, code[0] ? code : "---");
        v->have_block = true;
        verb_line(v, line);
        return;
    }
    if (!v->have_block) {
        problem(v, "verb outside a '--- NAME [code] ---' block; skipped", line);
        return;
    }
    verb_line(v, line);
}

unsigned sr_dread_verbs(sr_dict_builder *b, sr_dsrc *s, sr_dict_dialect dd)
{
    vreader v = {.b = b, .s = s, .dd = dd, .section = SEC_MAIN};
    collect_names(&v);
    char *line;
    size_t len;
    bool blank;
    bool semicolon = dd == SR_DD_TABARI;
    while (sr_dsrc_line(s, semicolon, &line, &len, &blank))
        one_line(&v, line, blank);
    sr_dictb_source(b, s->name, s->hash);
    free(v.names);
    return v.problems;
}
