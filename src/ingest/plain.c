/*
 * plain.c — plain-text articles and their conventions.
 *
 * One file is one article. Copied and saved news text carries more than
 * the story: a headline, a byline, a dateline, the page's furniture and
 * photo captions. sr_plain_article() reads the lines and sorts them out:
 *
 *   - title: the first line, when it reads as a headline (short, no final
 *     full stop or comma, and more text follows). Lines repeating the title
 *     anywhere below (the same words, with or without its punctuation, or a
 *     long part of it) are not body;
 *   - byline: a "By ..." line among the first lines ("By Middle East
 *     Correspondent");
 *   - dateline: a place (and agency or outlet) opening the first paragraph
 *     and set off by a colon or a dash ("Jerusalem/Washington:",
 *     "London, (The Muslim News):", "WASHINGTON (Reuters) -"); it is cut
 *     from the body so the first sentence starts after it;
 *   - furniture: lines of the page around the story ("No comments",
 *     "Powered by Blogger.", share buttons, "Advertisement") are dropped;
 *   - captions: a line wholly in square brackets, or one opening with
 *     "Photo:" and the like, goes to captions (after any already set).
 *
 * Everything else is body. Each line is a paragraph (paragraphs are joined
 * by a blank line in the body), except that a line continuing a sentence
 * (the previous line has no final punctuation and this one starts in
 * lowercase) joins the paragraph before it, and hard-wrapped text (short
 * lines, blank lines between paragraphs) keeps its blank-line paragraphs.
 * Lines are trimmed of white space, including the no-break spaces that
 * pasted web text leaves at line starts.
 *
 * The raw bytes are first made valid UTF-8 by sr_doc_set_body (which
 * counts the bytes it had to replace), so every field is valid text.
 */
#include "ingest.h"
#include "../core/internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- lines -------------------------------------------------------------- */

typedef struct line {
    uint32_t start, end;     /* trimmed range in the repaired text */
} line;

/* The length of the white-space code point at s[0..n), or 0. */
static size_t space_len(const unsigned char *s, size_t n)
{
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\f' || s[0] == '\v')
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;                                      /* U+00A0 */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xAF))
        return 3;                                      /* U+2000..200B, 202F */
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;                                      /* U+3000 */
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3;                                      /* BOM */
    return 0;
}

/* The trimmed lines of text[0..len). */
static line *split_lines(const char *text, size_t len, size_t *nlines)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t n = 0, cap = 64;
    line *lines = sr_xmalloc(cap * sizeof *lines);
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t a = i, b = end, k;
        while (a < b && (k = space_len(u + a, b - a)) > 0)
            a += k;
        /* trim from the right: step back over whole code points */
        for (;;) {
            size_t c = b;
            while (c > a && (u[c - 1] & 0xC0) == 0x80)
                c--;
            if (c > a)
                c--;
            if (b > a && space_len(u + c, b - c) == b - c) {
                b = c;
                continue;
            }
            break;
        }
        if (n == cap) {
            cap *= 2;
            lines = sr_xrealloc(lines, cap * sizeof *lines);
        }
        lines[n++] = (line){(uint32_t)a, (uint32_t)b};
        i = end + 1;
    }
    *nlines = n;
    return lines;
}

static bool empty(const line *l)
{
    return l->end == l->start;
}

/* ---- words of a line ---------------------------------------------------- */

/* Count the words of s[0..n) and how many start with a capital. */
static void word_stats(const char *s, size_t n, int *words, int *caps, int *long_words,
                       int *long_caps)
{
    *words = *caps = *long_words = *long_caps = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            break;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t')
            j++;
        size_t k = i;
        while (k < j && !((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z') ||
                          ((unsigned char)s[k] >= 0x80) || (s[k] >= '0' && s[k] <= '9')))
            k++;
        bool cap = k < j && ((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9'));
        (*words)++;
        *caps += cap;
        if (j - i >= 4) {
            (*long_words)++;
            *long_caps += cap;
        }
        i = j;
    }
}

static char last_char(const char *s, size_t n)
{
    return n ? s[n - 1] : '\0';
}

/* Whether a line ends like a sentence (or a clause): . , ; : and closing
 * quotes after them. */
static bool ends_like_prose(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        return ends_like_prose(s, n - 3);
    char c = last_char(s, n);
    return c == '.' || c == ',' || c == ';' || c == ':';
}

/* A headline: at most 25 words, no final full stop, comma or colon, and
 * mostly capitalised words, or short. */
static bool reads_as_headline(const char *s, size_t n)
{
    if (n == 0 || n > 250 || ends_like_prose(s, n))
        return false;
    int words, caps, lw, lc;
    word_stats(s, n, &words, &caps, &lw, &lc);
    if (words == 0 || words > 25)
        return false;
    return words <= 12 || 2 * lc >= lw;
}

/* "By Jane Doe", "By Middle East Correspondent": the name after "By". */
static bool byline_of(const char *s, size_t n, size_t *name)
{
    if (n < 4 || n > 120 || strncasecmp(s, "by ", 3) != 0)
        return false;
    size_t i = 3;
    while (i < n && s[i] == ' ')
        i++;
    if (i >= n || !((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80))
        return false;
    int words, caps, lw, lc;
    word_stats(s + i, n - i, &words, &caps, &lw, &lc);
    if (words > 10 || last_char(s, n) == '.')
        return false;
    *name = i;
    return true;
}

/* Whether code point cp counts as a letter or digit when comparing lines:
 * ASCII letters and digits, and everything beyond ASCII except the Latin-1
 * and general punctuation blocks (quotes, dashes, no-break space). */
static bool alnum_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    return !(cp <= 0xBF || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xFEFF ||
             (cp >= 0x3000 && cp <= 0x3003));
}

/* Lowercased letters and digits of s[0..n), other runs as one space
 * (NUL-terminated in out, which has room for cap bytes). */
static size_t squeeze(const char *s, size_t n, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    bool gap = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp = u[i];
        size_t k = u[i] < 0x80 ? 1 : sr_utf8_decode(u + i, n - i, &cp);
        if (k == 0)
            k = 1;
        if (!alnum_cp(cp)) {
            gap = o > 0;
        } else {
            if (o + k + 2 > cap)
                break;
            if (gap) {
                out[o++] = ' ';
                gap = false;
            }
            for (size_t j = 0; j < k; j++)
                out[o++] = (char)(cp < 0x80 && u[i] >= 'A' && u[i] <= 'Z' ? u[i] + 32 : u[i + j]);
        }
        i += k;
    }
    out[o] = '\0';
    return o;
}

/* Whether a line repeats the title: the same words, or a long part of
 * them (at least three words and half the title). */
static bool repeats_title(const char *title_sq, size_t tlen, const char *s, size_t n)
{
    char buf[512];
    if (n > 400 || tlen == 0 || n > 2 * tlen + 16)
        return false;
    /* quick test: the line's first word occurs in the title */
    char first[32];
    size_t f = 0, k = 0;
    while (f < n && !((s[f] | 0x20) >= 'a' && (s[f] | 0x20) <= 'z') &&
           !(s[f] >= '0' && s[f] <= '9') && (unsigned char)s[f] < 0x80)
        f++;
    while (f < n && k + 1 < sizeof first &&
           (((s[f] | 0x20) >= 'a' && (s[f] | 0x20) <= 'z') || (s[f] >= '0' && s[f] <= '9')))
        first[k++] = (char)(s[f] >= 'A' && s[f] <= 'Z' ? s[f] + 32 : s[f]), f++;
    first[k] = '\0';
    if (k && !strstr(title_sq, first))
        return false;
    size_t m = squeeze(s, n, buf, sizeof buf);
    if (m == 0)
        return false;
    if (m == tlen && memcmp(buf, title_sq, m) == 0)
        return true;
    int spaces = 0;
    for (size_t i = 0; i < m; i++)
        spaces += buf[i] == ' ';
    return spaces >= 2 && 2 * m >= tlen && strstr(title_sq, buf) != NULL;
}

/* ---- furniture and captions ------------------------------------------- */

/* Sorted (strcmp order): searched by bisection. */
static const char *const furniture[] = {
    "advertisement", "all rights reserved", "comments", "copy link",
    "email", "facebook", "follow us", "home", "leave a comment",
    "leave a reply", "like this", "linkedin", "loading", "newer post",
    "no comments", "older post", "pinterest", "post a comment",
    "powered by blogger", "print", "read more", "reddit", "related",
    "related articles", "related posts", "share", "share this",
    "share this article", "share this story", "share via", "sign up",
    "skip to content", "subscribe", "telegram", "tweet", "twitter",
    "whatsapp",
};

/* Share-button words: a line made only of these is furniture. */
static const char *const buttons[] = {
    "email", "facebook", "linkedin", "messenger", "pinterest", "print",
    "reddit", "share", "telegram", "tweet", "twitter", "whatsapp", "x",
};

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* Whether w is in the sorted list. */
static bool in_list(const char *const *list, size_t n, const char *w)
{
    return bsearch(w, list, n, sizeof *list, cmp_word) != NULL;
}

static bool is_furniture(const char *s, size_t n)
{
    char buf[96];
    bool any = false;
    for (size_t i = 0; i < n && !any; i++) {
        unsigned char c = (unsigned char)s[i];
        any = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }
    if (!any)
        return !(s[0] == '[' || s[0] == '(');   /* a rule of dashes, "* * *" */
    if (n >= 64)
        return false;
    if (n >= 3 && memcmp(s, "\xC2\xA9 ", 3) == 0)
        return true;                        /* "(c) 2026 ..." */
    /* every other furniture line starts with one of these (or a digit) */
    char c0 = (char)(s[0] | 0x20);
    if (!strchr("acefhlmnoprstwx", c0) && !(s[0] >= '0' && s[0] <= '9'))
        return false;
    if (n > 24) {
        /* longer furniture: share-button rows, copyright, "follow us" */
        static const char *const openers[] = {"share", "facebook", "twitter", "email",
                                              "copyright", "follow", "whatsapp", "tweet",
                                              "linkedin", "print", "reddit"};
        bool opener = false;
        for (size_t i = 0; i < SR_ARRAY_LEN(openers) && !opener; i++)
            opener = openers[i][0] == c0 && strncasecmp(s, openers[i], strlen(openers[i])) == 0;
        if (!opener)
            return false;
    }
    if (c0 == 'c' && n >= 10 && strncasecmp(s, "copyright ", 10) == 0)
        return true;                        /* "Copyright 2026 ..." */
    int spaces = 0;
    for (size_t i = 0; i < n; i++)
        spaces += s[i] == ' ';
    if (spaces > 5)
        return false;
    size_t m = squeeze(s, n, buf, sizeof buf);
    if (m == 0)
        return !(n > 0 && (s[0] == '[' || s[0] == '('));  /* only punctuation */
    if (in_list(furniture, SR_ARRAY_LEN(furniture), buf))
        return true;
    /* "3 comments", "Share on Facebook", "Copyright 2026 ..." */
    size_t d = 0;
    while (d < m && buf[d] >= '0' && buf[d] <= '9')
        d++;
    if (d > 0 && (strcmp(buf + d, " comments") == 0 || strcmp(buf + d, " comment") == 0))
        return true;
    if (strncmp(buf, "share on ", 9) == 0 || strncmp(buf, "copyright ", 10) == 0 ||
        strncmp(buf, "follow us on ", 13) == 0)
        return true;
    bool all_buttons = true;
    for (char *save = NULL, *w = strtok_r(buf, " ", &save); w && all_buttons;
         w = strtok_r(NULL, " ", &save))
        all_buttons = in_list(buttons, SR_ARRAY_LEN(buttons), w);
    return all_buttons;
}

/* A caption: "[An infographic titled ...]" or "Photo: ...". Returns the
 * caption's range within the line. */
static bool caption_of(const char *s, size_t n, size_t *a, size_t *b)
{
    char c0 = (char)(s[0] | 0x20);
    if (s[0] != '[' && s[0] != '(' && c0 != 'p' && c0 != 'i' && c0 != 'f' && c0 != 'c')
        return false;
    if (n >= 3 && s[0] == '[' && s[n - 1] == ']' && !memchr(s + 1, ']', n - 2)) {
        *a = 1;
        *b = n - 1;
        return true;
    }
    static const char *const cues[] = {"photo:", "photograph:", "picture:",
                                       "image:", "file photo:", "caption:",
                                       "infographic:", "(photo:", "photo credit:"};
    if (!memchr(s, ':', n < 16 ? n : 16))
        return false;
    for (size_t i = 0; i < SR_ARRAY_LEN(cues); i++) {
        size_t k = strlen(cues[i]);
        if (n > k && strncasecmp(s, cues[i], k) == 0 && n < 400) {
            *a = 0;
            *b = n;
            return true;
        }
    }
    return false;
}

/* ---- dateline ------------------------------------------------------------ */

static bool is_upper_start(const char *s, size_t n)
{
    if (n == 0)
        return false;
    unsigned char c = (unsigned char)s[0];
    return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c < 0xE0);  /* Latin letters */
}

/* A capitalised place name of one to four words ("NEW DELHI", "Tel
 * Aviv", "Jerusalem/Washington", "PONCHATOULA, La."). Returns its end. */
static size_t place_end(const char *s, size_t n, bool *all_caps, bool *slash)
{
    size_t i = 0;
    int words = 0;
    *all_caps = true;
    *slash = false;
    while (i < n && words < 4 && is_upper_start(s + i, n - i)) {
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != ',' && s[j] != ':' && s[j] != '(' &&
               s[j] != '/')
            j++;
        for (size_t k = i; k < j; k++)
            if (s[k] >= 'a' && s[k] <= 'z')
                *all_caps = false;
        words++;
        i = j;
        if (i < n && s[i] == '/' && i + 1 < n && is_upper_start(s + i + 1, n - i - 1)) {
            *slash = true;
            i++;
            continue;
        }
        if (i + 1 < n && s[i] == ' ' && is_upper_start(s + i + 1, n - i - 1) &&
            !(s[i + 1] == '(' ))
            i++;
        else
            break;
    }
    return words ? i : 0;
}

/* The dateline opening the first paragraph: its length (without the
 * separator) in *dl and where the text after it starts in *rest. */
static bool dateline_of(const char *s, size_t n, size_t *dl, size_t *rest)
{
    bool caps, slash, outlet = false;
    size_t i = place_end(s, n, &caps, &slash);
    if (i == 0 || i >= n)
        return false;
    /* ", ST." or ", (Outlet)" or " (Agency)" or ", Jan 5 (Agency)" */
    if (s[i] == ',' && i + 2 < n && s[i + 1] == ' ') {
        size_t j = i + 2;
        if (s[j] == '(') {
            i = j;
        } else {
            size_t k = j;
            while (k < n && k < j + 16 && s[k] != ' ' && s[k] != '(' && s[k] != ':')
                k++;
            if (k < n && s[k] == ' ' && k + 1 < n && s[k + 1] >= '0' && s[k + 1] <= '9') {
                k++;
                while (k < n && s[k] >= '0' && s[k] <= '9')
                    k++;                               /* "Jan 5" */
            }
            if (k == j || !is_upper_start(s + j, n - j))
                return false;
            i = k;
        }
    }
    if (i + 1 < n && s[i] == ' ' && s[i + 1] == '(')
        i++;
    if (i < n && s[i] == '(') {
        const char *close = memchr(s + i, ')', n - i < 48 ? n - i : 48);
        if (!close)
            return false;
        i = (size_t)(close - s) + 1;
        outlet = true;
    }
    size_t sep = i, after;
    if (sep < n && s[sep] == ':') {
        if (!(caps || slash || outlet))
            return false;
        after = sep + 1;
    } else if (sep + 1 < n && s[sep] == ' ' &&
               (s[sep + 1] == '-' || (unsigned char)s[sep + 1] == 0xE2)) {
        size_t k = sep + 1;
        if (s[k] == '-')
            while (k < n && s[k] == '-')
                k++;
        else if (k + 2 < n && (unsigned char)s[k + 1] == 0x80 &&
                 ((unsigned char)s[k + 2] == 0x94 || (unsigned char)s[k + 2] == 0x93))
            k += 3;                                    /* em or en dash */
        else
            return false;
        if (!(caps || outlet))
            return false;
        after = k;
    } else {
        return false;
    }
    if (after >= n || s[after] != ' ')
        return false;
    while (after < n && s[after] == ' ')
        after++;
    if (after >= n)
        return false;
    *dl = sep;
    *rest = after;
    return true;
}

/* ---- putting it together ----------------------------------------------- */

/* Whether the text is hard-wrapped: paragraphs split over several lines
 * of a fixed width, broken inside sentences (most long lines followed by
 * another do not end in a full stop), with blank lines between
 * paragraphs. */
static bool hard_wrapped(const char *t, const line *lines, size_t n)
{
    size_t longest = 0, followed = 0, open = 0, blanks = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = lines[i].end - lines[i].start;
        if (!len) {
            blanks++;
            continue;
        }
        longest = len > longest ? len : longest;
        if (len >= 40 && i + 1 < n && !empty(&lines[i + 1])) {
            followed++;
            char c = t[lines[i].end - 1];
            open += !(c == '.' || c == '?' || c == '!' || c == ':' || c == '"');
        }
    }
    /* lines broken inside sentences, paragraphs between blank lines */
    return blanks > 0 && longest <= 100 && followed >= 2 && 2 * open >= followed;
}

static char *dup(sr_doc *doc, const char *s, size_t n)
{
    return sr_arena_strndup(doc->arena, s, n);
}

typedef struct builder {
    sr_buf body;
    bool open;               /* a paragraph is open (for joining lines) */
    bool prev_prose_end;     /* the last line ended a sentence */
} builder;

static void add_line(builder *b, const char *s, size_t n, bool join)
{
    if (b->body.len && !(join && b->open))
        sr_buf_put(&b->body, "\n\n", 2);
    else if (b->body.len)
        sr_buf_putc(&b->body, '\n');
    sr_buf_put(&b->body, s, n);
    b->open = true;
}

/* Whether text is valid UTF-8 without NUL bytes (ASCII checked eight
 * bytes at a time). */
static bool valid_text(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            /* no byte >= 0x80 and no zero byte */
            if (!(w & 0x8080808080808080ull) &&
                !((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull)) {
                i += 8;
                continue;
            }
        }
        if (u[i] == 0)
            return false;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = sr_utf8_decode(u + i, len - i, &cp);
        if (k == 0)
            return false;
        i += k;
    }
    return true;
}

void sr_plain_article(sr_doc *doc, const char *text, size_t len)
{
    /* repair first (when needed), so every field is valid UTF-8 */
    uint32_t bad = 0;
    const char *t = text;
    if (!valid_text(text, len)) {
        sr_doc_set_body(doc, text, len);
        bad = doc->bad_bytes;
        t = doc->body;
        len = doc->body_len;
    }
    size_t n;
    line *lines = split_lines(t, len, &n);
    bool wrapped = hard_wrapped(t, lines, n);

    char title_sq[512] = "";
    size_t tlen = 0;
    size_t i = 0;
    while (i < n && empty(&lines[i]))
        i++;
    if (!doc->title && i < n) {
        const line *l = &lines[i];
        size_t nextl = i + 1;
        while (nextl < n && empty(&lines[nextl]))
            nextl++;
        size_t nm;
        if (nextl < n && reads_as_headline(t + l->start, l->end - l->start) &&
            !byline_of(t + l->start, l->end - l->start, &nm)) {
            doc->title = dup(doc, t + l->start, l->end - l->start);
            i++;
        }
    }
    if (doc->title)
        tlen = squeeze(doc->title, strlen(doc->title), title_sq, sizeof title_sq);

    builder b = {0};
    sr_buf_init(&b.body);
    /* the body is about as long as the text: room for it at once */
    b.body.cap = len + len / 8 + 64;
    b.body.data = sr_xmalloc(b.body.cap);
    b.body.data[0] = '\0';
    bool in_body = false, had_blank = false;
    size_t seen = 0;
    sr_buf caps;
    sr_buf_init(&caps);
    for (; i < n; i++) {
        const line *l = &lines[i];
        const char *s = t + l->start;
        size_t m = l->end - l->start;
        if (m == 0) {
            had_blank = true;
            if (wrapped)
                b.open = false;
            continue;
        }
        seen++;
        size_t a, z;
        if (tlen && repeats_title(title_sq, tlen, s, m))
            continue;
        if (is_furniture(s, m))
            continue;
        if (caption_of(s, m, &a, &z)) {
            const char *c = dup(doc, s + a, z - a);
            sr_buf_put(&caps, &c, sizeof c);
            continue;
        }
        if (!in_body && !doc->byline && seen <= 3 && byline_of(s, m, &a)) {
            doc->byline = dup(doc, s + a, m - a);
            continue;
        }
        if (!in_body && !doc->dateline) {
            size_t dl, rest;
            if (dateline_of(s, m, &dl, &rest)) {
                doc->dateline = dup(doc, s, dl);
                s += rest;
                m -= rest;
            }
        }
        bool join = in_body && (wrapped ? !had_blank : false);
        if (!wrapped && in_body && !had_blank && !b.prev_prose_end && m > 0 &&
            s[0] >= 'a' && s[0] <= 'z')
            join = true;       /* a sentence broken over two lines */
        add_line(&b, s, m, join);
        b.prev_prose_end = ends_like_prose(s, m) || last_char(s, m) == '?' ||
                           last_char(s, m) == '!';
        in_body = true;
        had_blank = false;
    }
    /* captions found here go after any the caller had set */
    uint32_t found = (uint32_t)(caps.len / sizeof(const char *));
    if (found) {
        const char **all = sr_arena_alloc(doc->arena, (doc->ncaptions + found) * sizeof *all);
        if (doc->ncaptions)
            memcpy(all, doc->captions, doc->ncaptions * sizeof *all);
        memcpy(all + doc->ncaptions, caps.data, caps.len);
        doc->captions = all;
        doc->ncaptions += found;
    }
    sr_doc_set_body(doc, b.body.data ? b.body.data : "", b.body.len);
    doc->bad_bytes = bad;
    sr_buf_free(&b.body);
    sr_buf_free(&caps);
    free(lines);
}

/* ---- the reader ------------------------------------------------------------ */

typedef struct text_state {
    sr_stream *s;
    const char *path;
    const sr_read_options *opt;
    sr_diag *diag;
    bool done;
} text_state;

static void *text_open(sr_stream *s, const char *path,
                       const sr_read_options *opt, sr_diag *diag)
{
    text_state *t = sr_xcalloc(1, sizeof *t);
    t->s = s;
    t->path = path;
    t->opt = opt;
    t->diag = diag;
    return t;
}

/* Whether the first bytes look like a binary file rather than text with a
 * few bad bytes: many NULs or other control characters. */
static bool looks_binary(const char *p, size_t n)
{
    /* control bytes other than \t \n \f \r and ESC (bits of 0..0x1F) */
    const uint32_t odd = ~((1u << '\t') | (1u << '\n') | (1u << '\f') | (1u << '\r') |
                           (1u << 0x1B));
    size_t head = n < 8192 ? n : 8192, ctrl = 0;
    for (size_t i = 0; i < head; i++) {
        if (i + 8 <= head) {
            /* eight bytes at a time while none is below 0x20 (exact for a
             * bound of at most 0x80) */
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (!((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull)) {
                i += 7;
                continue;
            }
        }
        unsigned char c = (unsigned char)p[i];
        ctrl += c < 0x20 && ((odd >> (c & 31)) & 1);
    }
    return ctrl * 20 > head && ctrl >= 4;   /* over 5% control bytes */
}

static bool only_space(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' &&
            p[i] != '\f' && p[i] != '\v')
            return false;
    return true;
}

static sr_doc *text_next(void *state)
{
    text_state *t = state;
    if (t->done)
        return NULL;
    t->done = true;
    sr_buf raw;
    sr_buf_init(&raw);
    sr_status st = sr_stream_slurp(t->s, &raw, t->opt->max_file_bytes);
    sr_doc *doc = NULL;
    if (st == SR_ERR_LIMIT)
        sr_error(t->diag, t->path, "larger than the %zu-byte limit of one document; skipped",
                 t->opt->max_file_bytes);
    else if (st != SR_OK)
        ; /* the stream's own failure is reported when the file is closed */
    else if (raw.len == 0)
        sr_warn(t->diag, t->path, "empty file; no document");
    else if (only_space(raw.data, raw.len))
        sr_warn(t->diag, t->path, "only white space; no document");
    else if (looks_binary(raw.data, raw.len))
        sr_error(t->diag, t->path, "looks like a binary file (control bytes in its first "
                 "8 KiB), not text; skipped");
    else {
        doc = sr_doc_new();
        if (t->opt->running_text)
            sr_doc_set_body(doc, raw.data, raw.len);
        else
            sr_plain_article(doc, raw.data, raw.len);
    }
    sr_buf_free(&raw);
    return doc;
}

static void text_close(void *state)
{
    free(state);
}

const sr_format_reader sr_text_reader = {
    SR_FORMAT_TEXT, text_open, text_next, text_close, false,
};
