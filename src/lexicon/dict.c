/*
 * dict.c — the dictionary builder, its compiler to the binary form, and
 * saving, mapping and querying that form (see dict.h and compiled.h).
 *
 * The builder keeps growable arrays of plain records whose strings are
 * already interned (offsets into one string buffer) and whose words are
 * already word ids, so compiling is mostly sorting the phrase index,
 * resolving synset names and copying arrays into one block. Entries that
 * cannot be used are reported when they are added (with the origin the
 * reader set) or, for references that need the whole dictionary (synset
 * names, synset loops), at compile time.
 */
#include "compiled.h"
#include "../core/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

/* ---- words ------------------------------------------------------------- */

static uint32_t fold_cp(uint32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x02BC: case 0x0060: case 0x00B4:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x2033:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
        return '-';
    default:
        return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
    }
}

size_t sr_dict_norm(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        char enc[4];
        size_t k, step;
        if (c < 0x80) {
            enc[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            k = 1;
            step = 1;
        } else {
            uint32_t cp;
            step = sr_utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (step == 0) {
                enc[0] = (char)c;
                k = step = 1;
            } else {
                k = sr_utf8_encode(fold_cp(cp), enc);
            }
        }
        if (o + k >= cap)
            break;
        memcpy(out + o, enc, k);
        o += k;
        i += step;
    }
    out[o] = '\0';
    return o;
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static size_t put_suffixed(char *out, size_t cap, const char *w, size_t keep,
                           const char *suffix)
{
    size_t sl = strlen(suffix);
    if (keep + sl + 1 > cap) {
        if (cap)
            out[0] = '\0';
        return 0;
    }
    memcpy(out, w, keep);
    memcpy(out + keep, suffix, sl + 1);
    return keep + sl;
}

static bool ends_with(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(w + n - k, suf, k) == 0;
}

size_t sr_dict_plural(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        return put_suffixed(out, cap, w, n - 1, "ies");
    if (ends_with(w, n, "s") || ends_with(w, n, "x") || ends_with(w, n, "z") ||
        ends_with(w, n, "ch") || ends_with(w, n, "sh"))
        return put_suffixed(out, cap, w, n, "es");
    return put_suffixed(out, cap, w, n, "s");
}

int sr_dict_verb_forms(const char *v, char forms[][SR_DICT_MAX_WORD + 1])
{
    size_t n = strlen(v);
    size_t cap = SR_DICT_MAX_WORD + 1;
    if (n == 0)
        return 0;
    bool cy = n >= 2 && v[n - 1] == 'y' && !is_vowel(v[n - 2]);
    bool e = v[n - 1] == 'e';
    /* 3rd person */
    if (cy)
        put_suffixed(forms[0], cap, v, n - 1, "ies");
    else if (ends_with(v, n, "s") || ends_with(v, n, "x") || ends_with(v, n, "z") ||
             ends_with(v, n, "ch") || ends_with(v, n, "sh") || ends_with(v, n, "o"))
        put_suffixed(forms[0], cap, v, n, "es");
    else
        put_suffixed(forms[0], cap, v, n, "s");
    /* past */
    if (cy)
        put_suffixed(forms[1], cap, v, n - 1, "ied");
    else if (e)
        put_suffixed(forms[1], cap, v, n, "d");
    else
        put_suffixed(forms[1], cap, v, n, "ed");
    /* gerund */
    if (e && n >= 3 && !ends_with(v, n, "ee") && !ends_with(v, n, "ye") &&
        !ends_with(v, n, "oe"))
        put_suffixed(forms[2], cap, v, n - 1, "ing");
    else if (ends_with(v, n, "ie"))
        put_suffixed(forms[2], cap, v, n - 2, "ying");
    else
        put_suffixed(forms[2], cap, v, n, "ing");
    return 3;
}

/* ---- growable arrays and an interning table ------------------------------ */

#define VEC(T) struct { T *v; uint32_t n, cap; }
#define VPUSH(vec, x)                                                        \
    do {                                                                     \
        if ((vec).n == (vec).cap) {                                          \
            (vec).cap = (vec).cap ? (vec).cap * 2 : 16;                      \
            (vec).v = sr_xrealloc((vec).v, (size_t)(vec).cap * sizeof *(vec).v); \
        }                                                                    \
        (vec).v[(vec).n++] = (x);                                            \
    } while (0)

/* Open-addressing map from byte strings (kept in a char buffer) to ids. */
typedef struct strmap {
    uint32_t *slot;     /* id + 1, 0 = empty */
    uint32_t mask, count;
} strmap;

typedef struct sr_bterm {
    uint8_t kind, flags;
    uint32_t arg;       /* word id, or string offset of a synset name */
    uint32_t rel;
} sr_bterm;

typedef struct sr_bphrase {
    uint8_t kind, flags;
    uint16_t nwords;
    uint32_t words;     /* into pwords */
    uint32_t owner;
    uint32_t order;
} sr_bphrase;

typedef struct sr_bpattern {
    uint32_t block, code, comment, origin, terms, nterms, order;
} sr_bpattern;

typedef struct sr_bmember {
    uint32_t synset, terms, nterms, origin;
} sr_bmember;

struct sr_dict_builder {
    sr_diag *diag;
    bool strict;
    unsigned errors;
    /* strings */
    char *str;
    uint32_t nstr, capstr;
    strmap strs;        /* offset -> interned */
    /* words */
    VEC(sr_dword) words;
    strmap wordmap;     /* word text -> word id */
    /* origin */
    uint32_t origin_file;   /* string offset: the file's name (rule ids) */
    uint32_t origin_path;   /* string offset: as given (messages) */
    uint32_t origin_line;
    /* entries */
    VEC(sr_bphrase) phrases;
    VEC(uint32_t) pwords;
    VEC(sr_dactor) actors;
    VEC(sr_dacode) acodes_tmp;     /* codes in insertion order ... */
    VEC(uint32_t) acode_owner;     /* ... and their actor */
    VEC(sr_dagent) agents;
    VEC(sr_dblock) blocks;
    VEC(sr_dform) forms;
    VEC(sr_bpattern) patterns;
    VEC(sr_bterm) terms;
    VEC(sr_dsynset) synsets;
    VEC(sr_bmember) members;
    VEC(sr_dtransform) transforms;
    VEC(sr_ddiscard) discards;
    VEC(sr_dissue) issues;
    VEC(sr_doption) options;
    VEC(sr_dsource) sources;
    strmap synmap;      /* synset name -> synset index */
    bool has_stems;
};

static uint32_t str_hash(const char *s, size_t n)
{
    return (uint32_t)sr_hash64(s, n, 0x5d1c7);
}

/* Find (or with `add`, insert) s[0..n) in map `m`, whose ids name strings
 * through `key_of`. Returns the id or SR_NOWORD. */
typedef const char *(*key_fn)(const sr_dict_builder *b, uint32_t id);

static void map_grow(sr_dict_builder *b, strmap *m, key_fn key_of)
{
    uint32_t ncap = m->mask ? (m->mask + 1) * 2 : 1024;
    uint32_t *ns = sr_xcalloc(ncap, sizeof *ns);
    for (uint32_t i = 0; m->mask && i <= m->mask; i++) {
        if (!m->slot[i])
            continue;
        const char *k = key_of(b, m->slot[i] - 1);
        uint32_t h = str_hash(k, strlen(k)) & (ncap - 1);
        while (ns[h])
            h = (h + 1) & (ncap - 1);
        ns[h] = m->slot[i];
    }
    free(m->slot);
    m->slot = ns;
    m->mask = ncap - 1;
}

static uint32_t map_find(const sr_dict_builder *b, const strmap *m,
                         key_fn key_of, const char *s, size_t n, uint32_t *pos)
{
    if (!m->mask) {
        *pos = 0;
        return SR_NOWORD;
    }
    uint32_t h = str_hash(s, n) & m->mask;
    while (m->slot[h]) {
        const char *k = key_of(b, m->slot[h] - 1);
        if (strlen(k) == n && memcmp(k, s, n) == 0) {
            *pos = h;
            return m->slot[h] - 1;
        }
        h = (h + 1) & m->mask;
    }
    *pos = h;
    return SR_NOWORD;
}

static const char *str_key(const sr_dict_builder *b, uint32_t off)
{
    return b->str + off;
}

static const char *word_key(const sr_dict_builder *b, uint32_t id)
{
    return b->str + b->words.v[id].str;
}

static const char *syn_key(const sr_dict_builder *b, uint32_t id)
{
    return b->str + b->synsets.v[id].name;
}

/* Intern s[0..n) as a string; returns its offset. */
static uint32_t intern_n(sr_dict_builder *b, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    uint32_t pos;
    uint32_t off = map_find(b, &b->strs, str_key, s, n, &pos);
    if (off != SR_NOWORD)
        return off;
    if (b->strs.count * 2 >= b->strs.mask) {
        map_grow(b, &b->strs, str_key);
        map_find(b, &b->strs, str_key, s, n, &pos);
    }
    if ((size_t)b->nstr + n + 1 > UINT32_MAX / 2)
        sr_fatal("dictionary strings exceed 2 GiB");
    while (b->nstr + n + 1 > b->capstr) {
        b->capstr = b->capstr ? b->capstr * 2 : 4096;
        b->str = sr_xrealloc(b->str, b->capstr);
    }
    off = b->nstr;
    memcpy(b->str + off, s, n);
    b->str[off + n] = '\0';
    b->nstr += (uint32_t)n + 1;
    b->strs.slot[pos] = off + 1;
    b->strs.count++;
    return off;
}

static uint32_t intern(sr_dict_builder *b, const char *s)
{
    return s ? intern_n(b, s, strlen(s)) : 0;
}

/* The id of normalised word w[0..n), added when new. */
static uint32_t word_id(sr_dict_builder *b, const char *w, size_t n)
{
    uint32_t pos;
    uint32_t id = map_find(b, &b->wordmap, word_key, w, n, &pos);
    if (id != SR_NOWORD)
        return id;
    uint32_t off = intern_n(b, w, n);
    if (b->wordmap.count * 2 >= b->wordmap.mask) {
        map_grow(b, &b->wordmap, word_key);
        map_find(b, &b->wordmap, word_key, w, n, &pos);
    }
    id = b->words.n;
    sr_dword dw = {off, 0};
    VPUSH(b->words, dw);
    b->wordmap.slot[pos] = id + 1;
    b->wordmap.count++;
    return id;
}

/* ---- the builder: life cycle and reports ------------------------------- */

sr_dict_builder *sr_dictb_new(sr_diag *diag, bool strict)
{
    sr_dict_builder *b = sr_xcalloc(1, sizeof *b);
    b->diag = diag;
    b->strict = strict;
    b->nstr = 1;                 /* offset 0 is "" */
    b->capstr = 4096;
    b->str = sr_xcalloc(1, b->capstr);
    return b;
}

void sr_dictb_free(sr_dict_builder *b)
{
    if (!b)
        return;
    free(b->str);
    free(b->strs.slot);
    free(b->wordmap.slot);
    free(b->synmap.slot);
    free(b->words.v);
    free(b->phrases.v);
    free(b->pwords.v);
    free(b->actors.v);
    free(b->acodes_tmp.v);
    free(b->acode_owner.v);
    free(b->agents.v);
    free(b->blocks.v);
    free(b->forms.v);
    free(b->patterns.v);
    free(b->terms.v);
    free(b->synsets.v);
    free(b->members.v);
    free(b->transforms.v);
    free(b->discards.v);
    free(b->issues.v);
    free(b->options.v);
    free(b->sources.v);
    free(b);
}

void sr_dictb_at(sr_dict_builder *b, const char *file, uint32_t line)
{
    /* origins name the file without its folder: the same dictionary gives
     * the same rule ids wherever it is installed */
    b->origin_path = intern(b, file ? file : "-");
    const char *slash = file ? strrchr(file, '/') : NULL;
    if (slash && slash[1])
        file = slash + 1;
    b->origin_file = intern(b, file ? file : "-");
    b->origin_line = line;
}

static uint32_t origin(sr_dict_builder *b)
{
    char buf[32];
    const char *f = b->str + b->origin_file;
    if (!b->origin_line)
        return b->origin_file;
    snprintf(buf, sizeof buf, ":%u", b->origin_line);
    size_t fl = strlen(f), bl = strlen(buf);
    char *tmp = sr_xmalloc(fl + bl + 1);
    memcpy(tmp, f, fl);
    memcpy(tmp + fl, buf, bl + 1);
    uint32_t off = intern_n(b, tmp, fl + bl);
    free(tmp);
    return off;
}

static void report(sr_dict_builder *b, bool warning, const char *fmt, va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    char where[1024];
    const char *f = b->origin_path ? b->str + b->origin_path : "dictionary";
    if (b->origin_line)
        snprintf(where, sizeof where, "%s:%u", f, b->origin_line);
    else
        snprintf(where, sizeof where, "%s", f);
    /* without `strict` a malformed entry is skipped with a warning: the
     * dictionary is still usable; with it, every report is an error */
    if (warning) {
        sr_warn(b->diag, where, "%s", msg);
    } else {
        b->errors++;
        if (b->strict)
            sr_error(b->diag, where, "%s", msg);
        else
            sr_warn(b->diag, where, "%s", msg);
    }
}

void sr_dictb_error(sr_dict_builder *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(b, false, fmt, ap);
    va_end(ap);
}

unsigned sr_dictb_errors(const sr_dict_builder *b)
{
    return b->errors;
}

void sr_dictb_source(sr_dict_builder *b, const char *name, uint64_t hash)
{
    sr_dsource s = {intern(b, name), (uint32_t)hash, (uint32_t)(hash >> 32)};
    VPUSH(b->sources, s);
}

/* ---- phrases ------------------------------------------------------------ */

/* Split `phrase` at spaces (and underscores), normalise and intern each word
 * into pwords. Returns the number of words, 0 when the phrase is empty or
 * too long (reported). */
static uint32_t add_words(sr_dict_builder *b, const char *phrase, unsigned flags)
{
    uint32_t n = 0, start = b->pwords.n;
    const char *p = phrase ? phrase : "";
    char w[SR_DICT_MAX_WORD + 1];
    while (*p) {
        while (*p == ' ' || *p == '_' || *p == '\t')
            p++;
        const char *s = p;
        while (*p && *p != ' ' && *p != '_' && *p != '\t')
            p++;
        if (p == s)
            break;
        if (n == SR_DICT_MAX_TERMS) {
            sr_dictb_error(b, "phrase of more than %d words; dropped", SR_DICT_MAX_TERMS);
            b->pwords.n = start;
            return 0;
        }
        size_t k = sr_dict_norm(s, (size_t)(p - s), w, sizeof w);
        VPUSH(b->pwords, word_id(b, w, k));
        n++;
    }
    if (n && (flags & SR_PHRASE_STEM)) {
        b->words.v[b->pwords.v[b->pwords.n - 1]].flags |= SR_DW_STEM;
        b->has_stems = true;
    }
    return n;
}

static bool is_alnum_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* The length of an apostrophe at phrase[i] ("'" or U+2019 "\u2019"), else 0. */
static size_t apostrophe_at(const char *phrase, size_t i, size_t n)
{
    if (phrase[i] == '\'')
        return 1;
    if (i + 2 < n && (unsigned char)phrase[i] == 0xE2 && (unsigned char)phrase[i + 1] == 0x80 &&
        (unsigned char)phrase[i + 2] == 0x99)
        return 3;
    return 0;
}

static bool word_end(const char *phrase, size_t i, size_t n)
{
    return i >= n || phrase[i] == ' ' || phrase[i] == '_' || phrase[i] == '\t';
}

/* `phrase` with its words set apart as sitrep's tokenizer writes them, or
 * NULL when nothing changes: every hyphen between two letters or digits
 * ("BARAD-DUR" -> "BARAD - DUR"; the tokenizer splits most hyphenated
 * words, "Al-Qaeda" is "Al", "-", "Qaeda") and a possessive ending, which
 * is a word of its own ("Lord's Resistance Army" -> "Lord 's Resistance
 * Army", "Kurdistan Workers' Party" -> "Kurdistan Workers ' Party"). A
 * name the dictionary writes so is entered both ways. Caller frees. */
static char *words_apart(const char *phrase)
{
    size_t n = strlen(phrase), k = 0;
    char *out = sr_xmalloc(n * 3 + 1);
    bool any = false;
    for (size_t i = 0; i < n;) {
        size_t a = i > 0 && is_alnum_byte(phrase[i - 1]) ? apostrophe_at(phrase, i, n) : 0;
        if (i > 0 && i + 1 < n && phrase[i] == '-' && is_alnum_byte(phrase[i - 1]) &&
            is_alnum_byte(phrase[i + 1])) {
            out[k++] = ' ';
            out[k++] = '-';
            out[k++] = ' ';
            i++;
            any = true;
        } else if (a && (phrase[i + a] == 's' || phrase[i + a] == 'S') &&
                   word_end(phrase, i + a + 1, n)) {
            out[k++] = ' ';         /* "Lord's" -> "Lord 's" */
            memcpy(out + k, phrase + i, a + 1);
            k += a + 1;
            i += a + 1;
            any = true;
        } else if (a && (phrase[i - 1] == 's' || phrase[i - 1] == 'S') && word_end(phrase, i + a, n)) {
            out[k++] = ' ';         /* "Workers'" -> "Workers '" */
            memcpy(out + k, phrase + i, a);
            k += a;
            i += a;
            any = true;
        } else {
            out[k++] = phrase[i++];
        }
    }
    out[k] = '\0';
    if (!any) {
        free(out);
        return NULL;
    }
    return out;
}

static bool add_phrase(sr_dict_builder *b, int kind, const char *phrase,
                       unsigned flags, uint32_t owner)
{
    uint32_t start = b->pwords.n;
    uint32_t n = add_words(b, phrase, flags);
    if (n == 0) {
        if (!phrase || !*phrase || b->pwords.n == start)
            sr_dictb_error(b, "empty phrase; dropped");
        return false;
    }
    sr_bphrase ph = {(uint8_t)kind, (uint8_t)(flags & 0xff), (uint16_t)n,
                     start, owner, b->phrases.n};
    VPUSH(b->phrases, ph);
    /* names (not verb forms, whose verb word is counted) also with their
     * hyphens and possessive endings apart, as the tokenizer writes them */
    char *apart = kind != SR_PK_FORM ? words_apart(phrase) : NULL;
    if (apart) {
        uint32_t s2 = b->pwords.n;
        uint32_t n2 = add_words(b, apart, flags);
        if (n2) {
            sr_bphrase ph2 = {(uint8_t)kind, (uint8_t)(flags & 0xff), (uint16_t)n2,
                              s2, owner, b->phrases.n};
            VPUSH(b->phrases, ph2);
        }
        free(apart);
    }
    return true;
}

/* ---- actors and agents -------------------------------------------------- */

uint32_t sr_dictb_actor(sr_dict_builder *b, const char *name)
{
    sr_dactor a = {intern(b, name), 0, 0, origin(b), 0};
    VPUSH(b->actors, a);
    return b->actors.n - 1;
}

void sr_dictb_actor_flags(sr_dict_builder *b, uint32_t actor, uint32_t flags)
{
    if (actor < b->actors.n)
        b->actors.v[actor].flags |= flags;
}

void sr_dictb_actor_phrase(sr_dict_builder *b, uint32_t actor,
                           const char *phrase, unsigned flags)
{
    if (actor >= b->actors.n) {
        sr_dictb_error(b, "phrase for an actor that was not started; dropped");
        return;
    }
    add_phrase(b, SR_PK_ACTOR, phrase, flags, actor);
}

static bool valid_date(uint32_t d)
{
    if (d == 0)
        return true;
    uint32_t m = d / 100 % 100, day = d % 100;
    return d >= 10000101 && d <= 99991231 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

void sr_dictb_actor_code(sr_dict_builder *b, uint32_t actor, const char *code,
                         uint32_t from, uint32_t to)
{
    if (actor >= b->actors.n) {
        sr_dictb_error(b, "code for an actor that was not started; dropped");
        return;
    }
    if (!code || !*code || strchr(code, ' ')) {
        sr_dictb_error(b, "actor code '%s' is empty or has a space; dropped", code ? code : "");
        return;
    }
    if (!valid_date(from) || !valid_date(to) || (from && to && from > to)) {
        sr_dictb_error(b, "date range %u-%u of code %s is not valid; dropped", from, to, code);
        return;
    }
    sr_dacode c = {intern(b, code), from, to};
    VPUSH(b->acodes_tmp, c);
    VPUSH(b->acode_owner, actor);
}

void sr_dictb_agent(sr_dict_builder *b, const char *phrase, const char *code,
                    unsigned flags)
{
    if (!code || !*code) {
        sr_dictb_error(b, "agent '%s' has no code; dropped", phrase ? phrase : "");
        return;
    }
    sr_dagent a = {intern(b, code), flags & SR_AGENT_PREFIX, origin(b)};
    if (add_phrase(b, SR_PK_AGENT, phrase, flags & 0xff, b->agents.n))
        VPUSH(b->agents, a);
}

/* ---- verbs --------------------------------------------------------------- */

uint32_t sr_dictb_verb_block(sr_dict_builder *b, const char *name, const char *code)
{
    sr_dblock bl = {intern(b, name), intern(b, code), origin(b), 0, 0};
    VPUSH(b->blocks, bl);
    return b->blocks.n - 1;
}

void sr_dictb_verb_form(sr_dict_builder *b, uint32_t block, const char *phrase,
                        unsigned verb_word, const char *code, unsigned flags)
{
    if (block >= b->blocks.n) {
        sr_dictb_error(b, "verb form outside a verb block; dropped");
        return;
    }
    uint32_t start = b->phrases.n;
    if (!add_phrase(b, SR_PK_FORM, phrase, flags, b->forms.n))
        return;
    if (verb_word >= b->phrases.v[start].nwords) {
        sr_dictb_error(b, "verb word %u outside the phrase '%s'; dropped", verb_word, phrase);
        b->phrases.n = start;
        return;
    }
    sr_dform f = {block, intern(b, code), verb_word, origin(b)};
    VPUSH(b->forms, f);
}

/* Copy terms into the builder; returns false (reported) when malformed. */
static bool add_terms(sr_dict_builder *b, const sr_dict_term *t, size_t n,
                      bool need_verb, uint32_t *first)
{
    int depth = 0, verbs = 0;
    uint8_t open[4];            /* groups may nest: {..} inside (..) */
    *first = b->terms.n;
    if (n == 0 || n > SR_DICT_MAX_TERMS) {
        sr_dictb_error(b, n ? "pattern of more than %d terms; dropped" : "empty pattern; dropped",
                       SR_DICT_MAX_TERMS);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        sr_bterm bt = {t[i].kind, t[i].flags, 0, intern(b, t[i].rel)};
        switch (t[i].kind) {
        case SR_TERM_WORD: {
            char w[SR_DICT_MAX_WORD + 1];
            const char *s = t[i].text ? t[i].text : "";
            size_t k = sr_dict_norm(s, strlen(s), w, sizeof w);
            if (k == 0)
                goto bad;
            bt.arg = word_id(b, w, k);
            if (t[i].flags & SR_TERM_STEM) {
                b->words.v[bt.arg].flags |= SR_DW_STEM;
                b->has_stems = true;
            }
            break;
        }
        case SR_TERM_SYNSET: {
            char w[SR_DICT_MAX_WORD + 1];
            const char *s = t[i].text ? t[i].text : "";
            size_t k = sr_dict_norm(s, strlen(s), w, sizeof w);
            if (k == 0)
                goto bad;
            bt.arg = intern_n(b, w, k);
            break;
        }
        case SR_TERM_VERB:
            verbs++;
            break;
        case SR_TERM_NP_OPEN: case SR_TERM_PP_OPEN: case SR_TERM_ALT_OPEN:
            if (depth == (int)sizeof open)
                goto bad;
            open[depth++] = t[i].kind;
            break;
        case SR_TERM_NP_CLOSE: case SR_TERM_PP_CLOSE: case SR_TERM_ALT_CLOSE:
            if (!depth || open[depth - 1] != (t[i].kind == SR_TERM_ALT_CLOSE ? SR_TERM_ALT_OPEN
                                              : t[i].kind - 1))
                goto bad;
            depth--;
            break;
        case SR_TERM_ALT_BAR:
            if (!depth || open[depth - 1] != SR_TERM_ALT_OPEN)
                goto bad;
            break;
        case SR_TERM_SOURCE: case SR_TERM_TARGET: case SR_TERM_SKIP:
        case SR_TERM_COMPOUND:
            break;
        default:
            goto bad;
        }
        VPUSH(b->terms, bt);
    }
    if (depth)
        goto bad;
    if (need_verb && verbs != 1) {
        sr_dictb_error(b, "pattern has %d verb markers '*' (needs exactly one); dropped", verbs);
        b->terms.n = *first;
        return false;
    }
    return true;
bad:
    sr_dictb_error(b, "malformed pattern (unbalanced brackets, groups nested more than 4 deep, or an empty word); dropped");
    b->terms.n = *first;
    return false;
}

void sr_dictb_pattern(sr_dict_builder *b, uint32_t block,
                      const sr_dict_term *terms, size_t nterms,
                      const char *code, const char *comment)
{
    if (block >= b->blocks.n) {
        sr_dictb_error(b, "pattern outside a verb block; dropped");
        return;
    }
    if (!code || !*code) {
        sr_dictb_error(b, "pattern without a code; dropped");
        return;
    }
    uint32_t first;
    if (!add_terms(b, terms, nterms, true, &first))
        return;
    sr_bpattern p = {block, intern(b, code), intern(b, comment), origin(b),
                     first, (uint32_t)nterms, b->patterns.n};
    VPUSH(b->patterns, p);
}

/* ---- synsets, transforms, discards, issues, options ---------------------- */

uint32_t sr_dictb_synset(sr_dict_builder *b, const char *name)
{
    char w[SR_DICT_MAX_WORD + 1];
    const char *s = name ? name : "";
    if (*s == '&')
        s++;
    size_t k = sr_dict_norm(s, strlen(s), w, sizeof w);
    uint32_t pos;
    uint32_t id = map_find(b, &b->synmap, syn_key, w, k, &pos);
    if (id != SR_NOWORD)
        return id;
    sr_dsynset sy = {intern_n(b, w, k), 0, 0};
    if (b->synmap.count * 2 >= b->synmap.mask) {
        map_grow(b, &b->synmap, syn_key);
        map_find(b, &b->synmap, syn_key, w, k, &pos);
    }
    id = b->synsets.n;
    VPUSH(b->synsets, sy);
    b->synmap.slot[pos] = id + 1;
    b->synmap.count++;
    return id;
}

void sr_dictb_synset_phrase(sr_dict_builder *b, uint32_t synset,
                            const sr_dict_term *terms, size_t nterms)
{
    if (synset >= b->synsets.n) {
        sr_dictb_error(b, "phrase for a synset that was not started; dropped");
        return;
    }
    uint32_t first;
    if (!add_terms(b, terms, nterms, false, &first))
        return;
    sr_bmember m = {synset, first, (uint32_t)nterms, origin(b)};
    VPUSH(b->members, m);
}

void sr_dictb_transform(sr_dict_builder *b, const sr_dict_transform *t)
{
    if (!t->outer_source || !t->inner_source || !t->inner_target ||
        !t->inner_verb || !t->outer_verb || !t->result_source ||
        !t->result_target || !t->result_code) {
        sr_dictb_error(b, "transformation with a missing part; dropped");
        return;
    }
    char w[SR_DICT_MAX_WORD + 1];
    uint32_t f[8];
    const char *parts[8] = {t->outer_source, t->inner_source, t->inner_target,
                            t->inner_verb, t->outer_verb, t->result_source,
                            t->result_target, t->result_code};
    for (int i = 0; i < 8; i++) {
        size_t k = sr_dict_norm(parts[i], strlen(parts[i]), w, sizeof w);
        f[i] = intern_n(b, w, k);
    }
    sr_dtransform x = {f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], origin(b)};
    VPUSH(b->transforms, x);
}

void sr_dictb_discard(sr_dict_builder *b, const char *phrase, bool story,
                      unsigned flags)
{
    sr_ddiscard d = {story ? 1u : 0u, origin(b)};
    if (add_phrase(b, SR_PK_DISCARD, phrase, flags & 0xff, b->discards.n))
        VPUSH(b->discards, d);
}

void sr_dictb_issue(sr_dict_builder *b, const char *phrase, const char *code,
                    unsigned flags)
{
    if (!(flags & SR_ISSUE_IGNORE) && (!code || !*code)) {
        sr_dictb_error(b, "issue phrase '%s' without a code; dropped", phrase ? phrase : "");
        return;
    }
    sr_dissue is = {intern(b, (flags & SR_ISSUE_IGNORE) ? NULL : code),
                    flags & SR_ISSUE_IGNORE, origin(b)};
    if (add_phrase(b, SR_PK_ISSUE, phrase, flags & 0xff, b->issues.n))
        VPUSH(b->issues, is);
}

void sr_dictb_option(sr_dict_builder *b, const char *key, const char *value)
{
    sr_doption o = {intern(b, key), intern(b, value)};
    VPUSH(b->options, o);
}

/* ---- compiling ------------------------------------------------------------ */

static const sr_dict_builder *sort_ctx;

/* qsort that accepts an empty (NULL) array. */
static void sort_n(void *v, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(v, n, size, cmp);
}

static int cmp_phrase(const void *x, const void *y)
{
    const sr_bphrase *a = x, *c = y;
    if (a->kind != c->kind)
        return a->kind < c->kind ? -1 : 1;
    uint32_t wa = sort_ctx->pwords.v[a->words], wc = sort_ctx->pwords.v[c->words];
    if (wa != wc)
        return wa < wc ? -1 : 1;
    if (a->nwords != c->nwords)
        return a->nwords > c->nwords ? -1 : 1;
    return a->order < c->order ? -1 : (a->order > c->order);
}

static int cmp_pattern(const void *x, const void *y)
{
    const sr_bpattern *a = x, *c = y;
    if (a->block != c->block)
        return a->block < c->block ? -1 : 1;
    return a->order < c->order ? -1 : (a->order > c->order);
}

static int cmp_member(const void *x, const void *y)
{
    const sr_bmember *a = x, *c = y;
    if (a->synset != c->synset)
        return a->synset < c->synset ? -1 : 1;
    return a->terms < c->terms ? -1 : (a->terms > c->terms);
}

/* Resolve the synset names of terms [first, first+n) to synset indexes;
 * false (reported) when a name is not defined. */
static bool resolve_synsets(sr_dict_builder *b, uint32_t first, uint32_t n,
                            uint32_t orig)
{
    for (uint32_t i = first; i < first + n; i++) {
        sr_bterm *t = &b->terms.v[i];
        if (t->kind != SR_TERM_SYNSET)
            continue;
        const char *name = b->str + t->arg;
        uint32_t pos;
        uint32_t id = map_find(b, &b->synmap, syn_key, name, strlen(name), &pos);
        if (id == SR_NOWORD || b->synsets.v[id].nmembers == 0) {
            char where[600];
            snprintf(where, sizeof where, "%s", b->str + orig);
            b->errors++;
            (b->strict ? sr_error : sr_warn)(b->diag, where, "synset &%s is not defined; entry dropped", name);
            /* the entry is dropped; leave no unresolved names behind */
            for (uint32_t j = i; j < first + n; j++)
                if (b->terms.v[j].kind == SR_TERM_SYNSET) {
                    b->terms.v[j].kind = SR_TERM_SKIP;
                    b->terms.v[j].arg = 0;
                }
            return false;
        }
        t->arg = id;
    }
    return true;
}

/* Depth-first search for a synset reaching itself through its members;
 * a member that closes a loop is reported and emptied. */
static void break_loops(sr_dict_builder *b, uint32_t s, uint8_t *state)
{
    state[s] = 1;
    sr_dsynset *sy = &b->synsets.v[s];
    for (uint32_t m = sy->members; m < sy->members + sy->nmembers; m++) {
        sr_bmember *mb = &b->members.v[m];
        for (uint32_t i = mb->terms; i < mb->terms + mb->nterms; i++) {
            sr_bterm *t = &b->terms.v[i];
            if (t->kind != SR_TERM_SYNSET)
                continue;
            if (state[t->arg] == 1) {
                b->errors++;
                (b->strict ? sr_error : sr_warn)(b->diag, b->str + mb->origin,
                         "synset &%s contains itself (through &%s); that phrase dropped",
                         b->str + sy->name, b->str + b->synsets.v[t->arg].name);
                mb->nterms = 0;
                break;
            }
            if (state[t->arg] == 0)
                break_loops(b, t->arg, state);
        }
    }
    state[s] = 2;
}

/* The members, resolved and loop-free; patterns with unknown synsets gone. */
static void finish_synsets(sr_dict_builder *b)
{
    sort_n(b->members.v, b->members.n, sizeof *b->members.v, cmp_member);
    for (uint32_t i = 0; i < b->synsets.n; i++)
        b->synsets.v[i].nmembers = 0;
    for (uint32_t m = 0; m < b->members.n; m++) {
        sr_dsynset *sy = &b->synsets.v[b->members.v[m].synset];
        if (sy->nmembers == 0)
            sy->members = m;
        sy->nmembers++;
    }
    for (uint32_t m = 0; m < b->members.n; m++) {
        sr_bmember *mb = &b->members.v[m];
        if (!resolve_synsets(b, mb->terms, mb->nterms, mb->origin))
            mb->nterms = 0;
    }
    uint8_t *state = sr_xcalloc(b->synsets.n + 1, 1);
    for (uint32_t s = 0; s < b->synsets.n; s++)
        if (state[s] == 0)
            break_loops(b, s, state);
    free(state);
    uint32_t keep = 0;
    for (uint32_t p = 0; p < b->patterns.n; p++) {
        sr_bpattern *pt = &b->patterns.v[p];
        if (resolve_synsets(b, pt->terms, pt->nterms, pt->origin))
            b->patterns.v[keep++] = *pt;
    }
    b->patterns.n = keep;
}

/* Actor codes grouped by actor (stable), ranges stored on the actors. */
static sr_dacode *group_codes(sr_dict_builder *b)
{
    uint32_t n = b->acodes_tmp.n;
    sr_dacode *out = sr_xmalloc((size_t)n * sizeof *out + 1);
    uint32_t *count = sr_xcalloc(b->actors.n + 1, sizeof *count);
    for (uint32_t i = 0; i < n; i++)
        count[b->acode_owner.v[i]]++;
    uint32_t at = 0;
    for (uint32_t a = 0; a < b->actors.n; a++) {
        b->actors.v[a].codes = at;
        b->actors.v[a].ncodes = 0;
        at += count[a];
    }
    for (uint32_t i = 0; i < n; i++) {
        sr_dactor *a = &b->actors.v[b->acode_owner.v[i]];
        out[a->codes + a->ncodes++] = b->acodes_tmp.v[i];
    }
    free(count);
    return out;
}

/* A block of bytes being laid out. */
typedef struct layout {
    unsigned char *p;
    size_t len, cap;
    sr_dhdr hdr;
} layout;

static void put_section(layout *L, int id, const void *data, size_t elem, uint32_t n)
{
    size_t bytes = elem * n;
    size_t off = (L->len + 7) & ~(size_t)7;
    if (off + bytes > UINT32_MAX)
        sr_fatal("compiled dictionary exceeds 4 GiB");
    while (off + bytes > L->cap) {
        L->cap = L->cap ? L->cap * 2 : 1 << 16;
        L->p = sr_xrealloc(L->p, L->cap);
    }
    memset(L->p + L->len, 0, off - L->len);
    if (bytes)
        memcpy(L->p + off, data, bytes);
    L->len = off + bytes;
    L->hdr.sec[id].off = (uint32_t)off;
    L->hdr.sec[id].n = n;
}

static bool bind_sections(sr_dict *d);

/* The phrase index: phrases sorted by kind, first word, length; per kind an
 * array of starts by word. */
static void build_index(sr_dict_builder *b, uint32_t **start_out,
                        uint32_t **list_out)
{
    sort_ctx = b;
    sort_n(b->phrases.v, b->phrases.n, sizeof *b->phrases.v, cmp_phrase);
    sort_ctx = NULL;
    size_t nw = b->words.n;
    uint32_t *start = sr_xcalloc((size_t)SR_PK_COUNT * (nw + 1), sizeof *start);
    uint32_t *list = sr_xmalloc((size_t)b->phrases.n * sizeof *list + 1);
    for (uint32_t i = 0; i < b->phrases.n; i++) {
        const sr_bphrase *ph = &b->phrases.v[i];
        list[i] = i;
        start[(size_t)ph->kind * (nw + 1) + b->pwords.v[ph->words] + 1]++;
    }
    /* counts -> cumulative starts over the whole (kind, word) order */
    uint32_t run = 0;
    for (size_t k = 0; k < SR_PK_COUNT; k++) {
        uint32_t *st = start + k * (nw + 1);
        st[0] += run;
        for (size_t w = 1; w <= nw; w++)
            st[w] += st[w - 1];
        run = st[nw];
    }
    *start_out = start;
    *list_out = list;
}

static uint32_t *build_wordhash(const sr_dict_builder *b, uint32_t *size)
{
    uint32_t cap = 16;
    while (cap < b->words.n * 2 + 1)
        cap *= 2;
    uint32_t *h = sr_xcalloc(cap, sizeof *h);
    for (uint32_t i = 0; i < b->words.n; i++) {
        const char *w = b->str + b->words.v[i].str;
        uint32_t s = str_hash(w, strlen(w)) & (cap - 1);
        while (h[s])
            s = (s + 1) & (cap - 1);
        h[s] = i + 1;
    }
    *size = cap;
    return h;
}

sr_dict *sr_dictb_compile(sr_dict_builder *b)
{
    finish_synsets(b);
    sort_n(b->patterns.v, b->patterns.n, sizeof *b->patterns.v, cmp_pattern);
    for (uint32_t i = 0; i < b->blocks.n; i++)
        b->blocks.v[i].npatterns = 0;
    for (uint32_t p = 0; p < b->patterns.n; p++) {
        sr_dblock *bl = &b->blocks.v[b->patterns.v[p].block];
        if (bl->npatterns == 0)
            bl->patterns = p;
        bl->npatterns++;
    }
    if (b->strict && b->errors) {
        sr_error(b->diag, NULL, "dictionary not compiled: %u problem%s reported (--strict)",
                 b->errors, b->errors == 1 ? "" : "s");
        sr_dictb_free(b);
        return NULL;
    }
    sr_dacode *acodes = group_codes(b);
    uint32_t *start, *list, hsize;
    build_index(b, &start, &list);
    uint32_t *hash = build_wordhash(b, &hsize);

    /* converted records */
    sr_dphrase *ph = sr_xmalloc((size_t)b->phrases.n * sizeof *ph + 1);
    for (uint32_t i = 0; i < b->phrases.n; i++) {
        const sr_bphrase *s = &b->phrases.v[i];
        ph[i] = (sr_dphrase){s->kind, s->flags, s->nwords, s->words, s->owner};
    }
    sr_dpattern *pat = sr_xmalloc((size_t)b->patterns.n * sizeof *pat + 1);
    for (uint32_t i = 0; i < b->patterns.n; i++) {
        const sr_bpattern *s = &b->patterns.v[i];
        pat[i] = (sr_dpattern){s->block, s->code, s->comment, s->origin, s->terms, s->nterms};
    }
    sr_dterm *terms = sr_xmalloc((size_t)b->terms.n * sizeof *terms + 1);
    for (uint32_t i = 0; i < b->terms.n; i++) {
        const sr_bterm *s = &b->terms.v[i];
        terms[i] = (sr_dterm){s->kind, s->flags, 0, s->arg, s->rel};
    }
    sr_dsynmember *mem = sr_xmalloc((size_t)b->members.n * sizeof *mem + 1);
    for (uint32_t i = 0; i < b->members.n; i++)
        mem[i] = (sr_dsynmember){b->members.v[i].terms, b->members.v[i].nterms};

    layout L = {0};
    memcpy(L.hdr.magic, SR_DICT_MAGIC, 8);
    L.hdr.version = SR_DICT_VERSION;
    L.hdr.nsec = SR_DS_COUNT;
    L.hdr.flags = b->has_stems ? SR_DF_STEMS : 0;
    L.cap = 1 << 16;
    L.p = sr_xcalloc(1, L.cap);
    L.len = sizeof(sr_dhdr);          /* room for the header */
    put_section(&L, SR_DS_STR, b->str, 1, b->nstr);
    put_section(&L, SR_DS_WORDS, b->words.v, sizeof(sr_dword), b->words.n);
    put_section(&L, SR_DS_WORDHASH, hash, sizeof(uint32_t), hsize);
    put_section(&L, SR_DS_PHRASES, ph, sizeof *ph, b->phrases.n);
    put_section(&L, SR_DS_PWORDS, b->pwords.v, sizeof(uint32_t), b->pwords.n);
    put_section(&L, SR_DS_ACTORS, b->actors.v, sizeof(sr_dactor), b->actors.n);
    put_section(&L, SR_DS_ACODES, acodes, sizeof(sr_dacode), b->acodes_tmp.n);
    put_section(&L, SR_DS_AGENTS, b->agents.v, sizeof(sr_dagent), b->agents.n);
    put_section(&L, SR_DS_BLOCKS, b->blocks.v, sizeof(sr_dblock), b->blocks.n);
    put_section(&L, SR_DS_FORMS, b->forms.v, sizeof(sr_dform), b->forms.n);
    put_section(&L, SR_DS_PATTERNS, pat, sizeof *pat, b->patterns.n);
    put_section(&L, SR_DS_TERMS, terms, sizeof *terms, b->terms.n);
    put_section(&L, SR_DS_SYNSETS, b->synsets.v, sizeof(sr_dsynset), b->synsets.n);
    put_section(&L, SR_DS_SYNMEMBERS, mem, sizeof *mem, b->members.n);
    put_section(&L, SR_DS_TRANSFORMS, b->transforms.v, sizeof(sr_dtransform), b->transforms.n);
    put_section(&L, SR_DS_DISCARDS, b->discards.v, sizeof(sr_ddiscard), b->discards.n);
    put_section(&L, SR_DS_ISSUES, b->issues.v, sizeof(sr_dissue), b->issues.n);
    put_section(&L, SR_DS_OPTIONS, b->options.v, sizeof(sr_doption), b->options.n);
    put_section(&L, SR_DS_SOURCES, b->sources.v, sizeof(sr_dsource), b->sources.n);
    put_section(&L, SR_DS_IDX_START, start, sizeof(uint32_t),
                (uint32_t)(SR_PK_COUNT * ((size_t)b->words.n + 1)));
    put_section(&L, SR_DS_IDX_LIST, list, sizeof(uint32_t), b->phrases.n);
    L.hdr.size = (uint32_t)L.len;
    memcpy(L.p, &L.hdr, sizeof L.hdr);

    free(acodes);
    free(start);
    free(list);
    free(hash);
    free(ph);
    free(pat);
    free(terms);
    free(mem);
    sr_dictb_free(b);

    sr_dict *d = sr_xcalloc(1, sizeof *d);
    d->base = L.p;
    d->size = L.len;
    d->owner = 0;
    if (!bind_sections(d))
        sr_fatal("compiled dictionary failed its own consistency check");
    return d;
}

/* ---- binding and checking a block ---------------------------------------- */

static bool sec_ok(const sr_dict *d, int id, size_t elem)
{
    const sr_dsec *s = &d->hdr->sec[id];
    if (s->off % 4 || s->off > d->size)
        return false;
    return (size_t)s->n * elem <= d->size - s->off;
}

#define BIND(field, nfield, id, type)                                        \
    do {                                                                     \
        if (!sec_ok(d, id, sizeof(type)))                                    \
            return false;                                                    \
        d->field = (const type *)(const void *)(d->base + d->hdr->sec[id].off); \
        d->nfield = d->hdr->sec[id].n;                                       \
    } while (0)

static bool str_ok(const sr_dict *d, uint32_t off)
{
    return off < d->nstr;
}

static bool check_records(const sr_dict *d)
{
    for (uint32_t i = 0; i < d->nwords; i++)
        if (!str_ok(d, d->words[i].str))
            return false;
    for (uint32_t i = 0; i <= d->hashmask; i++)
        if (d->wordhash[i] > d->nwords)
            return false;
    for (uint32_t i = 0; i < d->npwords; i++)
        if (d->pwords[i] >= d->nwords)
            return false;
    const uint32_t owners[SR_PK_COUNT] = {d->nactors, d->nagents, d->nforms,
                                          d->ndiscards, d->nissues};
    for (uint32_t i = 0; i < d->nphrases; i++) {
        const sr_dphrase *p = &d->phrases[i];
        if (p->kind >= SR_PK_COUNT || p->nwords == 0 ||
            (size_t)p->words + p->nwords > d->npwords || p->owner >= owners[p->kind])
            return false;
    }
    for (uint32_t i = 0; i < d->nactors; i++) {
        const sr_dactor *a = &d->actors[i];
        if (!str_ok(d, a->name) || !str_ok(d, a->origin) ||
            (size_t)a->codes + a->ncodes > d->nacodes)
            return false;
    }
    for (uint32_t i = 0; i < d->nacodes; i++)
        if (!str_ok(d, d->acodes[i].code))
            return false;
    for (uint32_t i = 0; i < d->nagents; i++)
        if (!str_ok(d, d->agents[i].code) || !str_ok(d, d->agents[i].origin))
            return false;
    for (uint32_t i = 0; i < d->nblocks; i++) {
        const sr_dblock *bl = &d->blocks[i];
        if (!str_ok(d, bl->name) || !str_ok(d, bl->code) || !str_ok(d, bl->origin) ||
            (size_t)bl->patterns + bl->npatterns > d->npatterns)
            return false;
    }
    for (uint32_t i = 0; i < d->nforms; i++) {
        const sr_dform *f = &d->forms[i];
        if (f->block >= d->nblocks || !str_ok(d, f->code) || !str_ok(d, f->origin))
            return false;
    }
    for (uint32_t i = 0; i < d->npatterns; i++) {
        const sr_dpattern *p = &d->patterns[i];
        if (p->block >= d->nblocks || !str_ok(d, p->code) || !str_ok(d, p->comment) ||
            !str_ok(d, p->origin) || (size_t)p->terms + p->nterms > d->nterms)
            return false;
    }
    for (uint32_t i = 0; i < d->nterms; i++) {
        const sr_dterm *t = &d->terms[i];
        if (!str_ok(d, t->rel) || t->kind < SR_TERM_WORD || t->kind > SR_TERM_ALT_CLOSE)
            return false;
        if (t->kind == SR_TERM_WORD && t->arg >= d->nwords)
            return false;
        if (t->kind == SR_TERM_SYNSET && t->arg >= d->nsynsets)
            return false;
    }
    for (uint32_t i = 0; i < d->nsynsets; i++) {
        const sr_dsynset *s = &d->synsets[i];
        if (!str_ok(d, s->name) || (size_t)s->members + s->nmembers > d->nsynmembers)
            return false;
    }
    for (uint32_t i = 0; i < d->nsynmembers; i++)
        if ((size_t)d->synmembers[i].terms + d->synmembers[i].nterms > d->nterms)
            return false;
    for (uint32_t i = 0; i < d->ntransforms; i++) {
        const uint32_t *f = &d->transforms[i].outer_source;
        for (int k = 0; k < 9; k++)
            if (!str_ok(d, f[k]))
                return false;
    }
    for (uint32_t i = 0; i < d->ndiscards; i++)
        if (!str_ok(d, d->discards[i].origin))
            return false;
    for (uint32_t i = 0; i < d->nissues; i++)
        if (!str_ok(d, d->issues[i].code) || !str_ok(d, d->issues[i].origin))
            return false;
    for (uint32_t i = 0; i < d->noptions; i++)
        if (!str_ok(d, d->options[i].key) || !str_ok(d, d->options[i].value))
            return false;
    for (uint32_t i = 0; i < d->nsources; i++)
        if (!str_ok(d, d->sources[i].name))
            return false;
    return true;
}

/* Synset references must not loop at run time (a damaged file could make
 * the matcher recurse forever): every synset may only refer to synsets of
 * a strictly smaller depth. Checked by bounding the reference depth. */
static bool synsets_acyclic(const sr_dict *d)
{
    uint8_t *state = sr_xcalloc(d->nsynsets + 1, 1);
    uint32_t *stack = sr_xmalloc(((size_t)d->nsynsets + 1) * 2 * sizeof *stack);
    bool ok = true;
    for (uint32_t s0 = 0; s0 < d->nsynsets && ok; s0++) {
        if (state[s0])
            continue;
        /* iterative DFS: stack of (synset, next member-term position) */
        size_t sp = 0;
        stack[sp++] = s0;
        stack[sp++] = 0;
        state[s0] = 1;
        while (sp && ok) {
            uint32_t s = stack[sp - 2], pos = stack[sp - 1];
            const sr_dsynset *sy = &d->synsets[s];
            bool pushed = false;
            for (uint32_t m = sy->members + pos; m < sy->members + sy->nmembers; m++) {
                stack[sp - 1] = m - sy->members + 1;
                const sr_dsynmember *mb = &d->synmembers[m];
                for (uint32_t t = mb->terms; t < mb->terms + mb->nterms; t++) {
                    if (d->terms[t].kind != SR_TERM_SYNSET)
                        continue;
                    uint32_t c = d->terms[t].arg;
                    if (state[c] == 1) {
                        ok = false;
                        break;
                    }
                    if (state[c] == 0) {
                        state[c] = 1;
                        stack[sp++] = c;
                        stack[sp++] = 0;
                        pushed = true;
                        break;
                    }
                }
                if (pushed || !ok)
                    break;
            }
            if (!pushed && ok) {
                state[s] = 2;
                sp -= 2;
            }
        }
    }
    free(state);
    free(stack);
    return ok;
}

static bool bind_sections(sr_dict *d)
{
    if (d->size < sizeof(sr_dhdr))
        return false;
    d->hdr = (const sr_dhdr *)(const void *)d->base;
    if (memcmp(d->hdr->magic, SR_DICT_MAGIC, 8) != 0 ||
        d->hdr->version != SR_DICT_VERSION || d->hdr->nsec != SR_DS_COUNT ||
        d->hdr->size != d->size)
        return false;
    const sr_dsec *ss = &d->hdr->sec[SR_DS_STR];
    if (ss->off > d->size || ss->n > d->size - ss->off || ss->n == 0 ||
        d->base[ss->off + ss->n - 1] != '\0')
        return false;
    d->str = (const char *)d->base + ss->off;
    d->nstr = ss->n;
    BIND(words, nwords, SR_DS_WORDS, sr_dword);
    if (!sec_ok(d, SR_DS_WORDHASH, sizeof(uint32_t)))
        return false;
    d->wordhash = (const uint32_t *)(const void *)(d->base + d->hdr->sec[SR_DS_WORDHASH].off);
    uint32_t nhash = d->hdr->sec[SR_DS_WORDHASH].n;
    if (nhash == 0 || (nhash & (nhash - 1)) || nhash <= d->nwords)
        return false;
    d->hashmask = nhash - 1;
    BIND(phrases, nphrases, SR_DS_PHRASES, sr_dphrase);
    BIND(pwords, npwords, SR_DS_PWORDS, uint32_t);
    BIND(actors, nactors, SR_DS_ACTORS, sr_dactor);
    BIND(acodes, nacodes, SR_DS_ACODES, sr_dacode);
    BIND(agents, nagents, SR_DS_AGENTS, sr_dagent);
    BIND(blocks, nblocks, SR_DS_BLOCKS, sr_dblock);
    BIND(forms, nforms, SR_DS_FORMS, sr_dform);
    BIND(patterns, npatterns, SR_DS_PATTERNS, sr_dpattern);
    BIND(terms, nterms, SR_DS_TERMS, sr_dterm);
    BIND(synsets, nsynsets, SR_DS_SYNSETS, sr_dsynset);
    BIND(synmembers, nsynmembers, SR_DS_SYNMEMBERS, sr_dsynmember);
    BIND(transforms, ntransforms, SR_DS_TRANSFORMS, sr_dtransform);
    BIND(discards, ndiscards, SR_DS_DISCARDS, sr_ddiscard);
    BIND(issues, nissues, SR_DS_ISSUES, sr_dissue);
    BIND(options, noptions, SR_DS_OPTIONS, sr_doption);
    BIND(sources, nsources, SR_DS_SOURCES, sr_dsource);
    if (!sec_ok(d, SR_DS_IDX_START, sizeof(uint32_t)))
        return false;
    d->idx_start = (const uint32_t *)(const void *)(d->base + d->hdr->sec[SR_DS_IDX_START].off);
    uint32_t nstart = d->hdr->sec[SR_DS_IDX_START].n;
    BIND(idx_list, nidx_list, SR_DS_IDX_LIST, uint32_t);
    if ((size_t)nstart != (size_t)SR_PK_COUNT * ((size_t)d->nwords + 1))
        return false;
    uint32_t prev = 0;
    for (uint32_t i = 0; i < nstart; i++) {
        if (d->idx_start[i] < prev || d->idx_start[i] > d->nidx_list)
            return false;
        prev = d->idx_start[i];
    }
    for (uint32_t i = 0; i < d->nidx_list; i++)
        if (d->idx_list[i] >= d->nphrases)
            return false;
    d->has_stems = (d->hdr->flags & SR_DF_STEMS) != 0;
    return check_records(d) && synsets_acyclic(d);
}

/* ---- saving and loading ------------------------------------------------- */

sr_status sr_dict_save(const sr_dict *d, const char *path, sr_diag *diag)
{
    size_t plen = strlen(path);
    char *tmp = sr_xmalloc(plen + 32);
    snprintf(tmp, plen + 32, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        sr_error(diag, path, "cannot write compiled dictionary: %s", strerror(errno));
        free(tmp);
        return SR_ERR_IO;
    }
    bool ok = fwrite(d->base, 1, d->size, f) == d->size;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        sr_error(diag, path, "cannot write compiled dictionary: %s", strerror(errno));
        unlink(tmp);
        free(tmp);
        return SR_ERR_IO;
    }
    free(tmp);
    return SR_OK;
}

sr_dict *sr_dict_load(const char *path, sr_diag *diag)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sr_error(diag, path, "cannot open compiled dictionary: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size < (off_t)sizeof(sr_dhdr) ||
        (uint64_t)st.st_size > UINT32_MAX) {
        sr_error(diag, path, "not a compiled sitrep dictionary (size)");
        close(fd);
        return NULL;
    }
    void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED) {
        sr_error(diag, path, "cannot map compiled dictionary: %s", strerror(errno));
        return NULL;
    }
    sr_dict *d = sr_xcalloc(1, sizeof *d);
    d->base = m;
    d->size = (size_t)st.st_size;
    d->owner = 1;
    if (!bind_sections(d)) {
        sr_error(diag, path, "not a compiled sitrep dictionary of version %u, or damaged; recompile it",
                 SR_DICT_VERSION);
        munmap(m, d->size);
        free(d);
        return NULL;
    }
    return d;
}

void sr_dict_free(sr_dict *d)
{
    if (!d)
        return;
    if (d->owner == 1)
        munmap((void *)d->base, d->size);
    else
        free((void *)d->base);
    free(d);
}

const void *sr_dict_bytes(const sr_dict *d, size_t *len)
{
    *len = d->size;
    return d->base;
}

bool sr_dict_built_from(const sr_dict *d, const char *const *names,
                        const uint64_t *hashes, size_t n)
{
    if (n != d->nsources)
        return false;
    for (size_t i = 0; i < n; i++) {
        const sr_dsource *s = &d->sources[i];
        uint64_t h = ((uint64_t)s->hash_hi << 32) | s->hash_lo;
        if (h != hashes[i] || strcmp(sr_dstr(d, s->name), names[i]) != 0)
            return false;
    }
    return true;
}

void sr_dict_stats_get(const sr_dict *d, sr_dict_stats *st)
{
    memset(st, 0, sizeof *st);
    st->words = d->nwords;
    st->actors = d->nactors;
    st->actor_codes = d->nacodes;
    for (uint32_t i = 0; i < d->nphrases; i++)
        if (d->phrases[i].kind == SR_PK_ACTOR)
            st->actor_phrases++;
    st->agents = d->nagents;
    st->verb_blocks = d->nblocks;
    st->verb_forms = d->nforms;
    st->patterns = d->npatterns;
    st->synsets = d->nsynsets;
    st->synset_phrases = d->nsynmembers;
    st->transforms = d->ntransforms;
    st->discards = d->ndiscards;
    st->issues = d->nissues;
    st->options = d->noptions;
    st->bytes = (uint32_t)d->size;
}

/* ---- matching ------------------------------------------------------------- */

uint32_t sr_dict_word_id(const sr_dict *d, const char *s, size_t n)
{
    uint32_t h = str_hash(s, n) & d->hashmask;
    for (uint32_t probes = 0; probes <= d->hashmask; probes++) {
        uint32_t id = d->wordhash[h];
        if (id == 0)
            return SR_NOWORD;
        const char *w = sr_dstr(d, d->words[id - 1].str);
        if (strncmp(w, s, n) == 0 && w[n] == '\0')
            return id - 1;
        h = (h + 1) & d->hashmask;
    }
    return SR_NOWORD;
}

uint32_t sr_dict_stem_id(const sr_dict *d, const char *s, size_t n)
{
    if (!d->has_stems)
        return SR_NOWORD;
    for (size_t k = n; k >= 3; k--) {
        /* only cut at character boundaries */
        if (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
            continue;
        uint32_t id = sr_dict_word_id(d, s, k);
        if (id != SR_NOWORD && (d->words[id].flags & SR_DW_STEM))
            return id;
    }
    return SR_NOWORD;
}

void sr_dict_tok(const sr_dict *d, const char *form, const char *lemma,
                 sr_dtok *t)
{
    char w[SR_DICT_MAX_WORD + 1];
    t->form = t->lemma = t->stem = SR_NOWORD;
    if (form) {
        size_t k = sr_dict_norm(form, strlen(form), w, sizeof w);
        t->form = sr_dict_word_id(d, w, k);
        t->stem = sr_dict_stem_id(d, w, k);
    }
    if (lemma) {
        size_t k = sr_dict_norm(lemma, strlen(lemma), w, sizeof w);
        t->lemma = sr_dict_word_id(d, w, k);
    }
}

/* Whether phrase `p` matches toks[i..n). */
static bool phrase_at(const sr_dict *d, const sr_dphrase *p, const sr_dtok *toks,
                      size_t n, size_t i)
{
    if (i + p->nwords > n)
        return false;
    for (uint32_t k = 0; k < p->nwords; k++) {
        unsigned fl = p->flags & SR_PHRASE_LEMMA;
        if (k + 1 == p->nwords)
            fl = p->flags;
        if (!sr_dict_word_matches(d->pwords[p->words + k], fl, &toks[i + k]))
            return false;
    }
    return true;
}

bool sr_dict_phrase_at(const sr_dict *d, uint32_t pid, const sr_dtok *toks,
                       size_t n, size_t i)
{
    return pid < d->nphrases && phrase_at(d, &d->phrases[pid], toks, n, i);
}

/* Candidate first-word ids of a token: form, lemma, stem (distinct). */
static int first_ids(const sr_dtok *t, uint32_t ids[3])
{
    int n = 0;
    uint32_t c[3] = {t->form, t->lemma, t->stem};
    for (int i = 0; i < 3; i++) {
        if (c[i] == SR_NOWORD)
            continue;
        bool dup = false;
        for (int j = 0; j < n; j++)
            dup |= ids[j] == c[i];
        if (!dup)
            ids[n++] = c[i];
    }
    return n;
}

uint32_t sr_dict_match(const sr_dict *d, int k, const sr_dtok *toks, size_t n,
                       size_t i, size_t *len)
{
    uint32_t ids[3], best = SR_NOWORD;
    size_t best_len = 0;
    int nid = first_ids(&toks[i], ids);
    for (int c = 0; c < nid; c++) {
        uint32_t first, cnt = sr_dict_phrases_from(d, k, ids[c], &first);
        for (uint32_t j = 0; j < cnt; j++) {
            uint32_t pid = d->idx_list[first + j];
            const sr_dphrase *p = &d->phrases[pid];
            if (p->nwords <= best_len && best != SR_NOWORD)
                break;          /* longest first: nothing longer follows */
            if (phrase_at(d, p, toks, n, i)) {
                if (p->nwords > best_len || best == SR_NOWORD ||
                    (p->nwords == best_len && pid < best)) {
                    best = pid;
                    best_len = p->nwords;
                }
                break;
            }
        }
    }
    *len = best_len;
    return best;
}

const char *sr_dict_actor_code_on(const sr_dict *d, uint32_t a, uint32_t date)
{
    if (a >= d->nactors)
        return "";
    const sr_dactor *ac = &d->actors[a];
    const char *deflt = NULL;
    for (uint32_t i = ac->codes; i < ac->codes + ac->ncodes; i++) {
        const sr_dacode *c = &d->acodes[i];
        if (c->from == 0 && c->to == 0) {
            if (!deflt)
                deflt = sr_dstr(d, c->code);
            continue;
        }
        if (date && (c->from == 0 || date >= c->from) && (c->to == 0 || date <= c->to))
            return sr_dstr(d, c->code);
    }
    return deflt ? deflt : "";
}

const char *sr_dict_actor_code_before(const sr_dict *d, uint32_t a, uint32_t date)
{
    if (a >= d->nactors || !date)
        return "";
    const sr_dactor *ac = &d->actors[a];
    const char *best = "";
    uint32_t best_to = 0;
    for (uint32_t i = ac->codes; i < ac->codes + ac->ncodes; i++) {
        const sr_dacode *c = &d->acodes[i];
        if (c->to && c->to < date && c->to > best_to) {
            best = sr_dstr(d, c->code);
            best_to = c->to;
        }
    }
    return best;
}

bool sr_dict_actor_dated_on(const sr_dict *d, uint32_t a, uint32_t date)
{
    if (a >= d->nactors || !date)
        return false;
    const sr_dactor *ac = &d->actors[a];
    for (uint32_t i = ac->codes; i < ac->codes + ac->ncodes; i++) {
        const sr_dacode *c = &d->acodes[i];
        if ((c->from || c->to) && (c->from == 0 || date >= c->from) &&
            (c->to == 0 || date <= c->to))
            return true;
    }
    return false;
}

/* ---- queries by phrase ---------------------------------------------------- */

/* Tokens of a phrase given as text (words separated by spaces). */
static size_t phrase_toks(const sr_dict *d, const char *phrase, sr_dtok *toks,
                          size_t cap)
{
    size_t n = 0;
    const char *p = phrase;
    char w[SR_DICT_MAX_WORD + 1];
    while (*p && n < cap) {
        while (*p == ' ' || *p == '_')
            p++;
        const char *s = p;
        while (*p && *p != ' ' && *p != '_')
            p++;
        if (p == s)
            break;
        size_t k = sr_dict_norm(s, (size_t)(p - s), w, sizeof w);
        toks[n].form = toks[n].lemma = sr_dict_word_id(d, w, k);
        toks[n].stem = sr_dict_stem_id(d, w, k);
        n++;
    }
    return n;
}

static uint32_t exact_phrase(const sr_dict *d, int kind, const char *phrase)
{
    sr_dtok toks[SR_DICT_MAX_TERMS];
    size_t n = phrase_toks(d, phrase, toks, SR_DICT_MAX_TERMS), len;
    if (n == 0)
        return SR_NOWORD;
    uint32_t pid = sr_dict_match(d, kind, toks, n, 0, &len);
    return (pid != SR_NOWORD && len == n) ? pid : SR_NOWORD;
}

const char *sr_dict_actor_code(const sr_dict *d, const char *phrase, uint32_t date)
{
    uint32_t pid = exact_phrase(d, SR_PK_ACTOR, phrase);
    if (pid == SR_NOWORD)
        return NULL;
    return sr_dict_actor_code_on(d, d->phrases[pid].owner, date);
}

const char *sr_dict_agent_code(const sr_dict *d, const char *phrase, unsigned *flags)
{
    uint32_t pid = exact_phrase(d, SR_PK_AGENT, phrase);
    if (pid == SR_NOWORD)
        return NULL;
    const sr_dagent *a = &d->agents[d->phrases[pid].owner];
    if (flags)
        *flags = a->flags;
    return sr_dstr(d, a->code);
}

const char *sr_dict_verb_code(const sr_dict *d, const char *phrase, const char **block)
{
    uint32_t pid = exact_phrase(d, SR_PK_FORM, phrase);
    if (pid == SR_NOWORD)
        return NULL;
    const sr_dform *f = &d->forms[d->phrases[pid].owner];
    const sr_dblock *bl = &d->blocks[f->block];
    if (block)
        *block = sr_dstr(d, bl->name);
    return sr_dstr(d, f->code ? f->code : bl->code);
}

const char *sr_dict_option(const sr_dict *d, const char *key)
{
    for (uint32_t i = 0; i < d->noptions; i++)
        if (strcmp(sr_dstr(d, d->options[i].key), key) == 0)
            return sr_dstr(d, d->options[i].value);
    return NULL;
}
