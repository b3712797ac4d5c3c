/*
 * tokenize.c — surface tokens in the conventions of UD English (EWT).
 *
 * A paragraph is cut at white space into chunks; each chunk is scanned left
 * to right, and at each position the first rule that matches takes the
 * longest stretch it can: URLs, e-mail addresses and emoticons whole;
 * domain and file names ("whitehouse.gov", "minutes.doc") whole; numbers
 * with their separators ("1,200", "2.5", "3:30", "9/11", phone numbers)
 * and ordinal or plural suffixes ("3rd", "1980s"); words with the
 * apostrophes, periods, hyphens and ampersands EWT keeps inside them
 * ("O'Connell", "U.S.", "non-stop", "AT&T"); and punctuation, where a run
 * of the same mark ("--", "!!!", "...") is one token. Whatever a rule does
 * not take is left for the next token, so "Al-Zaman" becomes "Al", "-",
 * "Zaman" simply because the hyphen rule declines to join them.
 *
 * Clitics are split into words inside one multiword token, as EWT writes
 * them: "don't" = "do" + "n't", "Iran's" = "Iran" + "'s", "cannot" = "can"
 * + "not", "gonna" = "gon" + "na". Every word is a substring of its token.
 *
 * A chunk is decoded once into code points and classes (at most CHUNK_MAX
 * at a time; a longer chunk, which only garbage produces, is cut there).
 * Chunks of plain ASCII letters, the bulk of any text, skip all that.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK_MAX 1024

typedef struct chunk {
    const char *body;
    uint32_t n;                     /* code points */
    uint32_t cp[CHUNK_MAX];
    uint32_t off[CHUNK_MAX + 1];    /* byte offset of each in the body */
    uint8_t cls[CHUNK_MAX];
    uint32_t next_cp;               /* first code point after the chunk's
                                       white space, 0 at paragraph end */
    bool has_at, has_dot;           /* an '@'; a '.' (or ':') in the chunk */
    uint16_t before;                /* TF_SPACE_BEFORE / TF_NEWLINE_BEFORE */
} chunk;

typedef struct tk {
    sr_toks *v;
    int open_single;                /* single quotes opened, not closed */
} tk;

/* ---- the token vector -------------------------------------------------- */

void sr_toks_free(sr_toks *v)
{
    free(v->t);
    v->t = NULL;
    v->n = v->cap = v->extra_words = 0;
}

static inline sr_tok *push(sr_toks *v)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 256;
        v->t = sr_xrealloc(v->t, v->cap * sizeof *v->t);
    }
    sr_tok *t = &v->t[v->n++];
    *t = (sr_tok){.nwords = 1};
    return t;
}

/* ASCII letters, for the fast path. */
static const unsigned char letter[256] = {
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
    ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
    ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* ---- character tests on a chunk ----------------------------------------- */

static inline bool is_alpha_c(const chunk *c, uint32_t i)
{
    return i < c->n && (c->cls[i] == CC_LOWER || c->cls[i] == CC_UPPER ||
                        c->cls[i] == CC_LETTER);
}

static inline bool is_digit_c(const chunk *c, uint32_t i)
{
    return i < c->n && c->cls[i] == CC_DIGIT;
}

static inline bool is_word_c(const chunk *c, uint32_t i)
{
    return is_alpha_c(c, i) || is_digit_c(c, i);
}

static inline bool is_cp(const chunk *c, uint32_t i, uint32_t cp)
{
    return i < c->n && c->cp[i] == cp;
}

static inline bool is_apos(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == '`' || cp == 0x2018;
}

static inline uint32_t cp_at(const chunk *c, uint32_t i)
{
    return i < c->n ? c->cp[i] : 0;
}

static inline bool is_upper_c(const chunk *c, uint32_t i)
{
    return i < c->n && c->cls[i] == CC_UPPER;
}

/* The ASCII lowercase of code point cp (others unchanged). */
static inline uint32_t lower(uint32_t cp)
{
    return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
}

/* Copy chunk characters [i, j) as ASCII lowercase into buf (size n);
 * false when they do not fit or are not all ASCII. */
static bool ascii_lower(const chunk *c, uint32_t i, uint32_t j, char *buf,
                        size_t n)
{
    if (j - i + 1 > n)
        return false;
    for (uint32_t k = i; k < j; k++) {
        if (c->cp[k] >= 0x80)
            return false;
        buf[k - i] = (char)lower(c->cp[k]);
    }
    buf[j - i] = '\0';
    return true;
}

/* Copy chunk characters [i, j) into buf (size n) as they are; false when
 * they do not fit or are not all ASCII. */
static bool ascii_copy(const chunk *c, uint32_t i, uint32_t j, char *buf,
                       size_t n)
{
    if (j - i + 1 > n)
        return false;
    for (uint32_t k = i; k < j; k++) {
        if (c->cp[k] >= 0x80)
            return false;
        buf[k - i] = (char)c->cp[k];
    }
    buf[j - i] = '\0';
    return true;
}

/* Whether chunk characters [i, j) spell s, ignoring ASCII case. */
static bool spells(const chunk *c, uint32_t i, uint32_t j, const char *s)
{
    size_t n = strlen(s);
    if (j - i != n)
        return false;
    for (size_t k = 0; k < n; k++)
        if (lower(c->cp[i + k]) != (unsigned char)s[k])
            return false;
    return true;
}

/* ---- emitting ------------------------------------------------------------ */

static sr_tok *emit(tk *t, const chunk *c, uint32_t i, uint32_t j,
                    uint16_t flags)
{
    sr_tok *k = push(t->v);
    k->start = c->off[i];
    k->end = c->off[j];
    k->flags = flags;
    if (i == 0)
        k->flags |= c->before;
    uint32_t any = 0;
    for (uint32_t x = i; x < j; x++)
        any |= c->cp[x];
    if (any < 0x80)
        k->flags |= TF_ASCII;
    if (c->cls[i] == CC_DIGIT)
        k->flags |= TF_NUMBER;
    else if (is_alpha_c(c, i))
        k->flags |= TF_WORD;
    return k;
}

/* Split the token just emitted into words at chunk positions cuts[]. */
static void cut_words(sr_tok *k, const chunk *c, const uint32_t *cuts,
                      int ncuts)
{
    for (int i = 0; i < ncuts && i < SR_TOK_MAX_WORDS - 1; i++)
        k->cut[i] = c->off[cuts[i]];
    k->nwords = (uint8_t)(ncuts + 1);
}

/* ---- URLs, e-mail, emoticons --------------------------------------------- */

/* Trailing characters that close the sentence around a URL, not the URL. */
static bool url_trailer(uint32_t cp)
{
    switch (cp) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '"':
    case '\'': case ']': case '>': case 0x201D: case 0x2019: case 0x00BB:
        return true;
    default:
        return false;
    }
}

static uint32_t m_url(const chunk *c, uint32_t i)
{
    static const char *const schemes[] = {"http://", "https://", "ftp://",
                                          "www.", "mailto:", "file://"};
    uint32_t c0 = lower(c->cp[i]);
    if (c0 != 'h' && c0 != 'w' && c0 != 'f' && c0 != 'm')
        return i;
    uint32_t len = 0;
    for (size_t s = 0; s < SR_ARRAY_LEN(schemes) && !len; s++) {
        uint32_t n = (uint32_t)strlen(schemes[s]);
        if (i + n < c->n && spells(c, i, i + n, schemes[s]) &&
            c->cls[i + n] != CC_SPACE)
            len = n;
    }
    if (!len)
        return i;
    uint32_t j = c->n, parens = 0;
    for (uint32_t k = i; k < j; k++)
        if (c->cp[k] == '(')
            parens++;
    while (j > i + len &&
           (url_trailer(c->cp[j - 1]) || (c->cp[j - 1] == ')' && !parens)))
        j--;
    return j;
}

/* local@domain: word characters, dots, and _ % + - on the left (a run of
 * dots too, as in "presid...@whitehouse.gov"), a domain on the right. */
static uint32_t m_email(const chunk *c, uint32_t i)
{
    uint32_t j = i;
    while (j < c->n && (is_word_c(c, j) || c->cp[j] == '.' || c->cp[j] == '_' ||
                        c->cp[j] == '%' || c->cp[j] == '+' || c->cp[j] == '-'))
        j++;
    if (j == i || !is_cp(c, j, '@') || !is_word_c(c, j + 1) || !is_word_c(c, i))
        return i;
    j++;
    while (j < c->n && (is_word_c(c, j) || c->cp[j] == '.' || c->cp[j] == '_' ||
                        c->cp[j] == '-'))
        j++;
    while (c->cp[j - 1] == '.' || c->cp[j - 1] == '-')
        j--;
    return j;
}

static uint32_t m_emoticon(const chunk *c, uint32_t i)
{
    static const char *const faces[] = {
        ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", ":'(", ":)", ":(",
        ";)", ":D", ":P", ":p", ":O", ":o", ":/", ":|", ":]", ":[", "=)",
        "=(", "=]", "^_^", "^^", "(:", "<3", "XD", "xD",
    };
    uint32_t c0 = c->cp[i];
    if (c0 != ':' && c0 != ';' && c0 != '=' && c0 != '^' && c0 != '(' &&
        c0 != '<' && c0 != 'X' && c0 != 'x')
        return i;
    for (size_t f = 0; f < SR_ARRAY_LEN(faces); f++) {
        uint32_t n = (uint32_t)strlen(faces[f]);
        if (i + n > c->n)
            continue;
        bool same = true;
        for (uint32_t k = 0; k < n && same; k++)
            same = c->cp[i + k] == (unsigned char)faces[f][k];
        if (!same)
            continue;
        uint32_t j = i + n;
        bool letter_face = is_alpha_c(c, j - 1) || faces[f][0] == '(' ||
                           faces[f][0] == '<' || faces[f][0] == '^';
        /* ":)" may follow a word; a face made of letters or one that could
         * be ordinary punctuation must stand alone. */
        if (letter_face && (i != 0 || j != c->n))
            continue;
        if (j < c->n && is_word_c(c, j))
            continue;
        if (faces[f][0] == ':' && i > 0 && is_digit_c(c, i - 1))
            continue;
        return j;
    }
    return i;
}

/* ---- dotted names ------------------------------------------------------- */

/* "comp.sources.unix": three or more lowercase words joined by dots. */
static bool usenet_name(const chunk *c, uint32_t i, uint32_t j)
{
    int dots = 0;
    for (uint32_t k = i; k < j; k++) {
        if (c->cp[k] == '.')
            dots++;
        else if (c->cls[k] != CC_LOWER)
            return false;
    }
    return dots >= 2 && c->cp[j - 1] != '.';
}

/* A file extension standing alone as a chunk (".doc", after a file name
 * written with spaces). */
static uint32_t m_extension(const chunk *c, uint32_t i)
{
    char ext[12];
    if (i != 0 || c->cp[0] != '.')
        return i;
    uint32_t j = 1;
    while (is_word_c(c, j))
        j++;
    if (j < 3 || is_cp(c, j, '.') || !ascii_lower(c, 1, j, ext, sizeof ext))
        return i;
    return sr_tld_or_ext(ext, j - 1) ? j : i;
}

/* A domain or file name: word characters joined by dots (and - _ #), whose
 * last part is a top-level domain or a file extension: "SPLOID.com",
 * "news.bbc.co.uk", "ld2d-#69366-1.DOC". */
static uint32_t m_dotted(const chunk *c, uint32_t i)
{
    uint32_t j = i, last_dot = 0;
    while (j < c->n) {
        uint32_t cp = c->cp[j];
        if (is_word_c(c, j) || cp == '-' || cp == '_' || cp == '#') {
            j++;
        } else if (cp == '.' && is_word_c(c, j + 1) && j > i) {
            last_dot = j;
            j++;
        } else {
            break;
        }
    }
    if (!last_dot)
        return i;
    if (usenet_name(c, i, j))
        return j;
    char ext[12];
    if (!ascii_lower(c, last_dot + 1, j, ext, sizeof ext) ||
        !sr_tld_or_ext(ext, j - last_dot - 1))
        return i;
    /* the last part must be all lowercase or all uppercase ("end.It" is
     * two sentences, "FILE.DOC" a file) */
    bool up = false, low = false;
    for (uint32_t k = last_dot + 1; k < j; k++) {
        up |= c->cls[k] == CC_UPPER;
        low |= c->cls[k] == CC_LOWER;
    }
    if (up && low)
        return i;
    /* the name may not end in a hyphen */
    while (j > i && (c->cp[j - 1] == '-' || c->cp[j - 1] == '_'))
        j--;
    return j;
}

/* ---- numbers -------------------------------------------------------------- */

/* Length in digits of the digit run at i. */
static uint32_t digits_at(const chunk *c, uint32_t i)
{
    uint32_t j = i;
    while (is_digit_c(c, j))
        j++;
    return j - i;
}

/* A run of digit groups joined by hyphens at i ("713-853-3989",
 * "11-20-2000"): kept whole when it reads as a phone number, a date or a
 * ZIP+4 code; a range ("1969-1970", "400-500") is split. Returns the end
 * of the joined run, or i when it should not be joined. */
static uint32_t hyphen_number(const chunk *c, uint32_t i)
{
    uint32_t groups[8], ng = 0, j = i;
    while (ng < 8 && is_digit_c(c, j)) {
        groups[ng++] = digits_at(c, j);
        j += groups[ng - 1];
        if (!(is_cp(c, j, '-') && is_digit_c(c, j + 1)))
            break;
        j++;
    }
    if (ng < 2 || is_alpha_c(c, j))
        return i;
    if (ng >= 3)
        return j;
    if ((groups[0] == 3 && groups[1] == 4) || (groups[0] == 5 && groups[1] == 4))
        return j;
    return i;
}

/* The value of the digits [i, j) (saturating). */
static uint32_t value(const chunk *c, uint32_t i, uint32_t j)
{
    uint32_t v = 0;
    for (uint32_t k = i; k < j && v < 100000; k++)
        v = v * 10 + (c->cp[k] - '0');
    return v;
}

/* Whether the number [i, j) and the digits after the slash at j read as a
 * date ("9/11", "12/28", "3/03", "16/11/2004") rather than a fraction: a
 * month or day, then a two-digit day or month, or a third part. */
static bool slash_date(const chunk *c, uint32_t i, uint32_t j)
{
    if (c->cp[i] < '0' || c->cp[i] > '9')
        return false;
    uint32_t k = i;
    while (k < j && is_digit_c(c, k))
        k++;
    if (k != j || j - i > 2)
        return true;            /* "2001/02" and longer runs: leave whole */
    uint32_t a = value(c, i, j), n2 = digits_at(c, j + 1);
    uint32_t b = value(c, j + 1, j + 1 + n2);
    if (is_cp(c, j + 1 + n2, '/'))
        return true;            /* d/m/y */
    return a >= 1 && a <= 31 && n2 == 2 && b >= 1 && b <= 31 && (a <= 12 || b <= 12);
}

static uint32_t m_number(const chunk *c, uint32_t i)
{
    uint32_t j = i;
    if (c->cp[j] == '+' || c->cp[j] == '.')
        j++;                        /* "+44", ".04" */
    uint32_t h = hyphen_number(c, j);
    if (h > j)
        return h;
    j += digits_at(c, j);
    for (;;) {
        uint32_t cp = j < c->n ? c->cp[j] : 0;
        if (cp == '/' && is_digit_c(c, j + 1) && !slash_date(c, i, j)) {
            break;          /* a fraction or a ratio: "1 / 2", "20 / 20" */
        }
        if ((cp == '.' || cp == ',' || cp == ':' || cp == '/') && is_digit_c(c, j + 1)) {
            j++;
            j += digits_at(c, j);
            continue;
        }
        break;
    }
    /* ordinal and plural suffixes stay: "3rd", "1980s", "4TH" */
    if (is_alpha_c(c, j)) {
        uint32_t k = j;
        while (is_alpha_c(c, k))
            k++;
        char suf[4];
        if (!is_word_c(c, k) && ascii_lower(c, j, k, suf, sizeof suf) &&
            (!strcmp(suf, "st") || !strcmp(suf, "nd") || !strcmp(suf, "rd") ||
             !strcmp(suf, "th") || !strcmp(suf, "s")))
            return k;
    }
    return j;
}

/* ---- words ------------------------------------------------------------------ */

/* Clitics after an apostrophe that EWT splits off as their own word. */
static bool clitic(const chunk *c, uint32_t i, uint32_t j)
{
    return spells(c, i, j, "s") || spells(c, i, j, "m") || spells(c, i, j, "d") ||
           spells(c, i, j, "ll") || spells(c, i, j, "ve") || spells(c, i, j, "re");
}

/* Words written without their apostrophe, or fused, that EWT splits:
 * the word and the length of its first part. */
#define FUSED(w, first) {w, sizeof w - 1, first}
static const struct fused {
    const char *w;
    uint8_t len, first;
} fused_words[] = {
    FUSED("aint", 2), FUSED("arent", 3), FUSED("cannot", 3), FUSED("cant", 2),
    FUSED("couldnt", 5), FUSED("didnt", 3), FUSED("doesnt", 4), FUSED("dont", 2),
    FUSED("gonna", 3), FUSED("gotta", 3), FUSED("hadnt", 3), FUSED("hasnt", 3),
    FUSED("havent", 4), FUSED("im", 1), FUSED("isnt", 2), FUSED("ive", 1),
    FUSED("shouldnt", 6), FUSED("wanna", 3), FUSED("wasnt", 3), FUSED("werent", 4),
    FUSED("wont", 2), FUSED("wouldnt", 5),
};
#undef FUSED

/* For the last two letters of a word (as letter & 31), the lengths (bits)
 * a fused word ending in them has: "nt" 4 to 8 letters ("dont",
 * "shouldnt"), "ot" 6 ("cannot"), "na" and "ta" 5 ("gonna", "gotta"), "im"
 * 2, "ve" 3 ("ive"). Most words are let through by this one look-up,
 * "the" and "that" among them. */
#define L(c) ((c) & 31)
static const uint16_t fused_lengths[32][32] = {
    [L('t')][L('n')] = 0x1F0, [L('t')][L('o')] = 1 << 6,
    [L('a')][L('n')] = 1 << 5, [L('a')][L('t')] = 1 << 5,
    [L('m')][L('i')] = 1 << 2, [L('e')][L('v')] = 1 << 3,
};
#undef L

/* If chunk characters [i, j) are one of the fused words, its split point. */
static uint32_t fused_split(const chunk *c, uint32_t i, uint32_t j)
{
    if (j - i < 2 || j - i > 8)
        return 0;
    uint32_t e = lower(c->cp[j - 1]), d = lower(c->cp[j - 2]);
    if (e < 'a' || e > 'z' || d < 'a' || d > 'z' ||
        !((fused_lengths[e & 31][d & 31] >> (j - i)) & 1))
        return 0;
    for (size_t f = 0; f < SR_ARRAY_LEN(fused_words); f++)
        if (spells(c, i, j, fused_words[f].w))
            return i + fused_words[f].first;
    return 0;
}

/* Letters and digits from i (the first is a letter). */
static uint32_t word_run(const chunk *c, uint32_t i)
{
    uint32_t j = i;
    while (j < c->n && (is_word_c(c, j) || (c->cp[j] == '_' && is_word_c(c, j + 1))))
        j++;
    return j;
}

/* "U.S.", "p.m.", "e.g.", "Ph.D.", "U.S.A": short letter groups joined by
 * periods. Returns the end (after a final period when there is one), or i. */
static uint32_t dotted_initials(const chunk *c, uint32_t i)
{
    uint32_t j = i, groups = 0, longest = 0;
    for (;;) {
        uint32_t k = j;
        while (is_alpha_c(c, k))
            k++;
        if (k == j || k - j > 2)
            break;
        longest = k - j > longest ? k - j : longest;
        groups++;
        j = k;
        if (!is_cp(c, j, '.'))
            break;
        j++;
        if (!is_alpha_c(c, j))
            break;
    }
    if (groups < 2 || (j < c->n && is_word_c(c, j)))
        return i;
    if (longest == 2 && groups == 2 && c->cp[j - 1] != '.')
        return i;
    return j;
}

/* The end of a word token that starts with a letter at i. */
static uint32_t m_word(tk *t, const chunk *c, uint32_t i, uint32_t *cuts,
                       int *ncuts)
{
    *ncuts = 0;
    uint32_t d = dotted_initials(c, i);
    if (d > i)
        return d;
    uint32_t run = word_run(c, i), j = run;
    for (;;) {
        uint32_t cp = cp_at(c, j);
        if (is_apos(cp) && is_alpha_c(c, j + 1)) {
            uint32_t k = j + 1;
            while (is_alpha_c(c, k))
                k++;
            if (is_word_c(c, k) || (is_apos(cp_at(c, k)) && is_alpha_c(c, k + 1))) {
                j = word_run(c, j + 1);                   /* rock'n'roll */
                continue;
            }
            if (clitic(c, j + 1, k)) {
                cuts[(*ncuts)++] = j;
                return k;
            }
            if (spells(c, j + 1, k, "t") && j - i >= 2 && lower(c->cp[j - 1]) == 'n') {
                cuts[(*ncuts)++] = j - 1;
                return k;
            }
            j = k;                                        /* O'Connell */
            continue;
        }
        if (cp == '-' && is_word_c(c, j + 1)) {
            char pre[12];
            if (ascii_lower(c, i, j, pre, sizeof pre) && sr_hyphen_prefix(pre, j - i)) {
                j = word_run(c, j + 1);
                continue;
            }
            break;
        }
        if (cp == '&' && is_upper_c(c, j + 1) && j - i <= 3 && is_upper_c(c, i)) {
            uint32_t k = word_run(c, j + 1);
            if (k - j - 1 <= 3) {
                j = k;
                continue;
            }
            break;
        }
        if ((cp == '/' ) && j - i == 1 && is_alpha_c(c, j + 1) && !is_word_c(c, j + 2)) {
            j += 2;                                       /* w/o, I/S */
            continue;
        }
        if (cp == '*' && is_alpha_c(c, j + 1) && is_alpha_c(c, j - 1)) {
            j = word_run(c, j + 1);                       /* f*ck */
            continue;
        }
        break;
    }
    /* a fused word ("cannot", "dont") */
    if (*ncuts == 0 && j == run) {
        uint32_t f = fused_split(c, i, j);
        if (f) {
            cuts[(*ncuts)++] = f;
            return j;
        }
    }
    /* the period of an abbreviation or an initial */
    if (is_cp(c, j, '.') && !is_cp(c, j + 1, '.')) {
        char buf[16];
        int kind = ascii_copy(c, i, j + 1, buf, sizeof buf)
                       ? sr_abbrev_kind(buf, j - i + 1) : AB_NONE;
        bool initial = j - i == 1 && (c->cls[i] == CC_UPPER || c->cp[i] == 'v');
        if (kind == AB_NUMBER) {
            /* "No. 10" but "said no." */
            uint32_t nx = j + 1 < c->n ? c->cp[j + 1] : c->next_cp;
            if (!(nx >= '0' && nx <= '9'))
                kind = AB_NONE;
        }
        if (kind != AB_NONE || initial)
            return j + 1;
    }
    /* a plural possessive: "Edwards'" unless it closes a quotation */
    if (is_apos(cp_at(c, j)) && c->cp[j] != 0x2018 &&
        lower(c->cp[j - 1]) == 's' && !is_word_c(c, j + 1) && t->open_single == 0 &&
        j - i >= 2) {
        cuts[(*ncuts)++] = j;
        return j + 1;
    }
    return j;
}

/* Flags of the abbreviation or initial a word token ends in. */
static uint16_t word_flags(const chunk *c, uint32_t i, uint32_t j)
{
    if (c->cp[j - 1] != '.')
        return 0;
    uint16_t f = TF_ABBREV;
    if (j - i == 2)
        return f | TF_INITIAL;
    char buf[16];
    int kind = ascii_copy(c, i, j, buf, sizeof buf) ? sr_abbrev_kind(buf, j - i) : AB_NONE;
    if (kind == AB_TITLE)
        f |= TF_TITLE;
    else if (kind == AB_NUMBER)
        f |= TF_NUMABBR;
    return f;
}

/* ---- punctuation --------------------------------------------------------- */

static bool is_final_cp(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203C ||
           cp == 0x2047 || cp == 0x2048 || cp == 0x2049;
}

/* Marks that form one token when repeated ("--", "**", "''", "<<"). */
static bool repeats(uint32_t cp)
{
    switch (cp) {
    case '-': case '*': case '=': case '+': case '<': case '>': case '_':
    case '~': case '\'': case '`': case '"': case '#': case '/': case '|':
    case ':': case 0x2014: case 0x2013: case 0x2019: case 0x2018:
        return true;
    default:
        return false;
    }
}

static uint16_t quote_flags(tk *t, const chunk *c, uint32_t i, uint32_t j)
{
    uint32_t cp = c->cp[i];
    switch (cp) {
    case 0x201C: case 0x00AB: case 0x201E: case '(': case '[': case '{':
        return cp == 0x201C || cp == 0x00AB || cp == 0x201E ? TF_OPEN | TF_QUOTE : TF_OPEN;
    case 0x201D: case 0x00BB: case ')': case ']': case '}':
        return cp == 0x201D || cp == 0x00BB ? TF_CLOSE | TF_QUOTE : TF_CLOSE;
    case 0x2018:
        t->open_single++;
        return TF_OPEN | TF_QUOTE;
    case '"': case '\'': case 0x2019: case '`': {
        /* straight quotes: opening at the start of a chunk that goes on,
         * closing otherwise */
        bool open = i == 0 && j < c->n;
        if (cp == '`')
            open = true;
        if ((cp == '\'' || cp == 0x2019) && j == i + 1) {
            if (open)
                t->open_single++;
            else if (t->open_single > 0)
                t->open_single--;
        }
        return TF_QUOTE | (open ? TF_OPEN : TF_CLOSE);
    }
    default:
        return 0;
    }
}

static uint32_t m_punct(tk *t, const chunk *c, uint32_t i, uint16_t *flags)
{
    uint32_t cp = c->cp[i], j = i + 1;
    *flags = 0;
    if (is_final_cp(cp)) {
        while (j < c->n && is_final_cp(c->cp[j]))
            j++;
        /* "...?" is an ellipsis and a question mark */
        uint32_t d = i;
        while (d < j && c->cp[d] == '.')
            d++;
        if (d - i >= 2 && d < j)
            j = d;
        bool dots = true;
        for (uint32_t k = i; k < j; k++)
            dots &= c->cp[k] == '.' || c->cp[k] == 0x2026;
        *flags = TF_FINAL;
        if (dots && (j - i >= 2 || cp == 0x2026))
            *flags |= TF_ELLIPSIS;
        return j;
    }
    if (repeats(cp))
        while (j < c->n && c->cp[j] == cp)
            j++;
    if (cp == 0x2018 && is_cp(c, j, 0x2019))
        j++;                    /* ‘’ written for a double quote */
    /* a two-digit year: "'72" */
    if ((cp == '\'' || cp == 0x2019) && j == i + 1 && digits_at(c, j) == 2 &&
        !is_word_c(c, j + 2) && (i == 0 || !is_word_c(c, i - 1)))
        return j + 2;
    *flags = quote_flags(t, c, i, j);
    return j;
}

/* ---- a chunk ------------------------------------------------------------ */

static void scan_chunk(tk *t, const chunk *c)
{
    uint32_t i = 0;
    while (i < c->n) {
        uint32_t j, cuts[SR_TOK_MAX_WORDS];
        int ncuts = 0;
        uint16_t flags = 0;
        uint32_t cp = c->cp[i];
        if ((c->has_dot && (j = m_url(c, i)) > i) || (c->has_at && (j = m_email(c, i)) > i)) {
            flags = TF_URL;
        } else if ((j = m_emoticon(c, i)) > i) {
            flags = TF_EMOTICON;
        } else if (c->has_dot && ((is_word_c(c, i) && (j = m_dotted(c, i)) > i) ||
                                  (j = m_extension(c, i)) > i)) {
            flags = TF_URL;
        } else if (c->cls[i] == CC_DIGIT ||
                   ((cp == '+' || cp == '.') && is_digit_c(c, i + 1) &&
                    (i == 0 || !is_word_c(c, i - 1)))) {
            j = m_number(c, i);
            uint32_t k;
            if (is_apos(j < c->n ? c->cp[j] : 0) && (k = j + 1) < c->n &&
                spells(c, k, k + 1, "s") && !is_word_c(c, k + 1)) {
                j = k + 1;                   /* "1990's", one word in EWT */
            }
        } else if (is_alpha_c(c, i)) {
            j = m_word(t, c, i, cuts, &ncuts);
            flags = word_flags(c, i, j);
        } else if ((cp == '#' || cp == '@') && i == 0 && is_alpha_c(c, 1)) {
            j = word_run(c, 1);              /* #hashtag, @handle */
        } else {
            j = m_punct(t, c, i, &flags);
        }
        sr_tok *k = emit(t, c, i, j, flags);
        if (ncuts) {
            cut_words(k, c, cuts, ncuts);
            t->v->extra_words += k->nwords - 1u;
        }
        i = j;
    }
}


/* Whether body[i..j), ASCII letters, is not one of the fused words. */
static bool plain_word(const unsigned char *b, uint32_t i, uint32_t j)
{
    uint32_t n = j - i;
    unsigned e = b[j - 1] & 31, d = b[j - (n >= 2 ? 2 : 1)] & 31;
    unsigned len = n <= 8 ? n : 0;           /* bit 0 is never set */
    if (!((fused_lengths[e][d] >> len) & 1))
        return true;
    char w[9];
    for (uint32_t k = 0; k < n; k++)
        w[k] = (char)(b[i + k] | 0x20);
    for (size_t f = 0; f < SR_ARRAY_LEN(fused_words); f++)
        if (fused_words[f].w[0] == w[0] && fused_words[f].len == n &&
            memcmp(w, fused_words[f].w, n) == 0)
            return false;
    return true;
}

/* The end of the run of ASCII letters at b[i..end): eight bytes at a time
 * (a byte is a letter when, with bit 0x20 set, it lies in 'a'..'z'). */
static inline uint32_t letters_end(const unsigned char *b, uint32_t i, uint32_t end)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    while (i + 8 <= end) {
        uint64_t w;
        memcpy(&w, b + i, 8);
        uint64_t y = w | (0x20 * ones);
        uint64_t low7 = y & (0x7F * ones);
        /* high bit of each byte with 0x60 < y < 0x7B and no high bit */
        uint64_t in = ((0x7F + 0x7B) * ones - low7) & ~y & (low7 + (0x7F - 0x60) * ones) & high;
        uint64_t out = ~in & high;
        if (out)
            return i + (uint32_t)(__builtin_ctzll(out) >> 3);
        i += 8;
    }
    while (i < end && letter[b[i]])
        i++;
    return i;
}

/* Whether body[i..j) followed by a period may be an abbreviation. */
static bool maybe_abbrev(const unsigned char *b, uint32_t i, uint32_t j)
{
    if (j - i > 7)
        return false;
    char buf[9];
    memcpy(buf, b + i, j - i);
    buf[j - i] = '.';
    return sr_abbrev_kind(buf, j - i + 1) != AB_NONE;
}

/* Emit a one-character punctuation token at b[i]. */
static void emit_mark(sr_toks *v, const unsigned char *b, uint32_t i, uint16_t flags)
{
    static const uint16_t mark_flags[128] = {
        ['.'] = TF_FINAL, ['?'] = TF_FINAL, ['!'] = TF_FINAL,
        [')'] = TF_CLOSE, ['('] = TF_OPEN,
    };
    sr_tok *k = push(v);
    k->start = i;
    k->end = i + 1;
    k->flags = flags | mark_flags[b[i]] | TF_ASCII;
}

/* The fast path for the commonest chunks: an optional opening '(' or '"',
 * a run of ASCII letters (not a fused word, not an abbreviation before a
 * period) or of digits, and an optional closing mark of , . ; : ? ! ) ".
 * Emits the tokens and returns the chunk's end, or i to leave the chunk to
 * the general scanner, which would cut it the same way. */
static uint32_t fast_chunk(sr_toks *v, const unsigned char *b, uint32_t i, uint32_t end,
                           uint16_t before)
{
    uint32_t s = i;
    unsigned char open = b[s];
    if ((open == '(' || open == '"') && s + 1 < end)
        s++;
    else
        open = 0;
    uint32_t j;
    bool digits = b[s] >= '0' && b[s] <= '9';
    if (digits) {
        j = s;
        while (j < end && b[j] >= '0' && b[j] <= '9')
            j++;
    } else {
        j = letters_end(b, s, end);
    }
    if (j == s)
        return i;
    unsigned char p = j < end ? b[j] : ' ';
    uint32_t after = j;
    if (p != ' ' && p != '\n') {
        if (!(p == ',' || p == '.' || p == ';' || p == ':' || p == '?' || p == '!' ||
              p == ')' || p == '"'))
            return i;
        after = j + 1;
        if (after < end && b[after] != ' ' && b[after] != '\n')
            return i;
        if (p == '.' && !digits && (j - s == 1 || maybe_abbrev(b, s, j)))
            return i;                   /* an initial or an abbreviation */
    }
    if (!digits && !plain_word(b, s, j))
        return i;
    if (open == '"' && p == '"')
        return i;                       /* leave quote pairing to the scanner */
    if (open)
        emit_mark(v, b, i, before | (open == '"' ? TF_QUOTE | TF_OPEN : 0));
    sr_tok *k = push(v);
    k->start = s;
    k->end = j;
    k->flags = (open ? 0 : before) | (digits ? TF_NUMBER : TF_WORD) | TF_ASCII;
    if (after > j)
        emit_mark(v, b, j, p == '"' ? TF_QUOTE | TF_CLOSE : 0);
    return after;
}

static uint32_t fill_chunk(chunk *c, const char *body, uint32_t i, uint32_t end)
{
    const unsigned char *b = (const unsigned char *)body;
    c->body = body;
    c->n = 0;
    c->has_at = c->has_dot = false;
    while (i < end && c->n < CHUNK_MAX) {
        uint32_t cp;
        uint32_t k = sr_cc_decode(b + i, end - i, &cp);
        int cls = sr_cc_class_fast(cp);
        if (cls == CC_SPACE)
            break;
        c->cp[c->n] = cp;
        c->cls[c->n] = (uint8_t)cls;
        c->has_at |= cp == '@';
        c->has_dot |= cp == '.' || cp == ':';
        c->off[c->n] = i;
        c->n++;
        i += k;
    }
    c->off[c->n] = i;
    return i;
}

/* The first code point at or after i that is not white space, or 0. */
static uint32_t next_visible(const unsigned char *b, uint32_t i, uint32_t end)
{
    while (i < end) {
        uint32_t cp;
        uint32_t k = sr_cc_decode(b + i, end - i, &cp);
        if (!sr_cc_is_space(cp))
            return cp;
        i += k;
    }
    return 0;
}

void sr_tokenize(const char *body, uint32_t start, uint32_t end, sr_toks *v)
{
    static _Thread_local chunk c;
    const unsigned char *b = (const unsigned char *)body;
    tk t = {.v = v};
    uint16_t before = TF_SPACE_BEFORE;
    uint32_t i = start;
    while (i < end) {
        unsigned char ch = b[i];
        if (ch < 0x80) {
            if (ch == ' ' || (ch >= '\t' && ch <= '\r')) {
                before |= TF_SPACE_BEFORE | (ch == '\n' ? TF_NEWLINE_BEFORE : 0);
                i++;
                continue;
            }
        } else {
            uint32_t cp;
            uint32_t k = sr_cc_decode(b + i, end - i, &cp);
            if (sr_cc_is_space(cp)) {
                before |= TF_SPACE_BEFORE;
                i += k;
                continue;
            }
        }
        uint32_t j = fast_chunk(v, b, i, end, before);
        if (j > i) {
            /* most chunks end at a single space: step over it here */
            bool space = j < end && b[j] == ' ';
            before = space ? TF_SPACE_BEFORE : 0;
            i = j + space;
            continue;
        }
        j = fill_chunk(&c, body, i, end);
        c.before = before;
        c.next_cp = next_visible(b, j, end);
        scan_chunk(&t, &c);
        before = 0;
        i = j;
    }
}
