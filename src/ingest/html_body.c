/*
 * html_body.c — the article body of a parsed HTML page.
 *
 * A news page is an article surrounded by furniture: navigation, teasers
 * of other articles, share bars, comments, cookie notices, footers. The
 * extractor finds the element that holds the article and writes its text,
 * in three passes over the tree, all iterative (no recursion, so depth is
 * no risk) and linear in the size of the page:
 *
 * 1. Segment. One walk in document order numbers the elements (pre-order,
 *    so an element's subtree is the index range [i, end)) and cuts the
 *    visible text into blocks at every block-level element boundary: the
 *    paragraphs, headings, list items and loose text runs a reader sees.
 *    Each block records its owner (the innermost block-level element), its
 *    length in characters, how much of it is link text, its punctuation,
 *    and whether it is a heading or a caption. Invisible and non-text
 *    subtrees (<script>, <style>, <head>, form controls) are not walked,
 *    nor inline text no reader sees (hidden, screen-reader only, the card
 *    of a hover element), which would break the sentence around it.
 *
 * 2. Judge. Each block is scored: long text with few links is good text,
 *    link lists and short fragments are bad text. Elements whose class, id
 *    or role names furniture (comments, share, related, newsletter,
 *    sidebar, cookie, ...), <nav>, <aside>, <footer>, <header>, <form> and
 *    hidden elements are "junk": their text counts as bad for every
 *    element above them. Summed up the tree, each element has a value:
 *    good minus bad text of its subtree. The article is found in two
 *    steps: the anchor is the element whose own and children's blocks hold
 *    the most good text (where the paragraphs sit); the article is the
 *    ancestor-or-self of the anchor of highest value, which takes in every
 *    paragraph however many sibling containers the page splits them into,
 *    and stops where the furniture around outweighs what more it would
 *    gain. Class names are wrong often enough ("content-with-sidebar" on
 *    the article's wrapper) that the search is also run with no junk at
 *    all: when that finds far more text, the names on the way down to it
 *    are taken for accidents. A page that names its body (schema.org
 *    itemprop="articleBody", "article-body", "entry-content", ...) is
 *    believed when the named element holds most of what the best holds.
 *
 * 3. Write. The blocks inside the chosen element (and its siblings of the
 *    same class, and a lead kept apart just before it), except those
 *    inside junk below it, link lists and a headline before the first
 *    paragraph (it is the title, not the body), become the body, one
 *    paragraph per block, separated by a blank line. Blocks inside
 *    <figcaption> or caption classes go to doc->captions instead.
 *
 * Text is collapsed as a browser renders it (runs of white space become
 * one space; <br> breaks a line, two break a paragraph); U+0080-U+009F
 * from numeric character references are read as windows-1252, as browsers
 * do. The rules are general signals, measured on the article-extraction
 * benchmark and the trafilatura evaluation pages; no rule names a site.
 */
#include "html.h"
#include "../core/internal.h"

#include <libxml/HTMLparser.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- tags ------------------------------------------------------------- */

enum tag {
    T_INLINE = 0, T_BLOCK, T_SKIP, T_JUNK, T_HEADING, T_P, T_LI, T_BR,
    T_A, T_FIGCAPTION, T_PRE, T_ARTICLE, T_TD,
};

/* What kind of element `name` is (libxml2 lower-cases HTML tag names). */
static enum tag tag_of(const char *name)
{
    static const struct { const char *name; unsigned char tag; } tags[] = {
        {"a", T_A}, {"p", T_P}, {"br", T_BR}, {"li", T_LI}, {"dd", T_LI}, {"dt", T_LI},
        {"div", T_BLOCK}, {"span", T_INLINE}, {"h1", T_HEADING}, {"h2", T_HEADING},
        {"h3", T_HEADING}, {"h4", T_HEADING}, {"h5", T_HEADING}, {"h6", T_HEADING},
        {"section", T_BLOCK}, {"article", T_ARTICLE}, {"main", T_BLOCK},
        {"ul", T_BLOCK}, {"ol", T_BLOCK}, {"dl", T_BLOCK}, {"blockquote", T_BLOCK},
        {"pre", T_PRE}, {"table", T_BLOCK}, {"thead", T_BLOCK}, {"tbody", T_BLOCK},
        {"tfoot", T_BLOCK}, {"tr", T_BLOCK}, {"td", T_TD}, {"th", T_TD},
        {"figure", T_BLOCK}, {"figcaption", T_FIGCAPTION}, {"caption", T_FIGCAPTION},
        {"center", T_BLOCK}, {"address", T_BLOCK}, {"hr", T_BLOCK},
        {"details", T_BLOCK}, {"summary", T_BLOCK}, {"body", T_BLOCK},
        {"html", T_BLOCK}, {"fieldset", T_BLOCK}, {"form", T_JUNK},
        {"legend", T_BLOCK}, {"hgroup", T_BLOCK}, {"font", T_INLINE},
        {"nav", T_JUNK}, {"aside", T_JUNK}, {"footer", T_JUNK}, {"header", T_JUNK},
        {"menu", T_JUNK}, {"dialog", T_JUNK},
        {"script", T_SKIP}, {"style", T_SKIP}, {"noscript", T_SKIP},
        {"template", T_SKIP}, {"head", T_SKIP}, {"title", T_SKIP}, {"svg", T_SKIP},
        {"math", T_SKIP}, {"iframe", T_SKIP}, {"object", T_SKIP}, {"embed", T_SKIP},
        {"canvas", T_SKIP}, {"video", T_SKIP}, {"audio", T_SKIP}, {"picture", T_SKIP},
        {"select", T_SKIP}, {"option", T_SKIP}, {"textarea", T_SKIP},
        {"button", T_SKIP}, {"input", T_SKIP}, {"label", T_SKIP}, {"map", T_SKIP},
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(tags); i++)
        if (name[0] == tags[i].name[0] && strcmp(name, tags[i].name) == 0)
            return (enum tag)tags[i].tag;
    return T_INLINE;
}

/* ---- class / id / role hints --------------------------------------------- */

enum {
    H_JUNK = 1,       /* furniture by its name */
    H_GOOD = 2,       /* named like an article body */
    H_CAPTION = 4,    /* a caption by its name */
    H_BODY = 8,       /* itemprop="articleBody" */
    H_HIDDEN = 16,    /* hidden attribute, display:none */
    H_LEAD = 32,      /* named like an article's lead (intro, standfirst) */
    H_POPUP = 64,     /* a hover card (the part inside the first is shown
                         on hover only) */
    H_SRONLY = 128,   /* text for screen readers only */
};

/* Words in a class or id that name furniture. Matched as substrings of each
 * lower-cased class name, so "relatedArticles" and "post-comments" match. */
static const char *const junk_words[] = {
    "comment", "related", "recommend", "newsletter", "subscri", "signup",
    "reply", "discussion",
    "sign-up", "cookie", "consent", "gdpr", "promo", "advert", "sponsor",
    "sidebar", "footer", "breadcrumb", "popup", "modal", "social", "share",
    "sharing", "outbrain", "taboola", "trending", "popular", "mostread",
    "most-read", "morestories", "more-stories", "readmore", "read-more",
    "pagination", "pager", "disqus", "widget-area", "banner", "masthead",
    "navbar", "navigation", "menu", "toolbar", "byline", "timestamp",
    "dateline", "author", "login", "tooltip", "rollover", "popover", "hovercard", "dropdown", "jump", "overlay",
    "follow", "donate", "teaser", "newsfeed", "ticker", "rating",
    "copyright", "disclaimer", "infobox", "topics", "keywords", "tagline",
    "nav", "header", "sr-only", "screen-reader",
    "visually-hidden", "visuallyhidden",
};
/* Whole words (between non-letters) that name furniture but are too short
 * to match as substrings. */
static const char *const junk_tokens[] = {
    "ad", "ads", "adv", "tag", "tags", "meta", "bio", "date", "dfp", "cta", "rail", "hidden",
    "hide", "d-none",
};
/* Class names that describe an element's state or its page's taxonomy
 * (WordPress, Drupal: "tag-politics", "category-news", "has-sidebar"), not
 * what the element is; they are ignored. */
static const char *const state_prefixes[] = {
    "tag-", "tags-", "category-", "categories-", "author-", "postid-", "post-",
    "format-", "status-", "type-", "page-", "node-", "section-", "has-",
    "no-", "non-", "with-", "without-", "is-", "f_", "js-", "field-label",
};
static const char *const good_words[] = {
    "articlebody", "article-body", "article_body", "article__body",
    "articletext", "article-text", "article__text", "article-content",
    "article__content", "articlecontent", "story-body", "storybody",
    "story-content", "story__body", "entry-content", "entry_content",
    "post-content", "postcontent", "post-body", "post_body", "postbody",
    "body-text", "bodytext", "main-content", "maincontent", "content-body",
    "article-main", "text-body", "richtext", "rich-text", "prose",
};

static bool has_token(const char *s, const char *tok)
{
    size_t n = strlen(tok);
    for (const char *p = s; (p = strstr(p, tok)) != NULL; p++) {
        bool left = p == s || !((p[-1] >= 'a' && p[-1] <= 'z'));
        bool right = !((p[n] >= 'a' && p[n] <= 'z'));
        if (left && right)
            return true;
    }
    return false;
}

/* The word lists indexed by first byte, so matching a class name costs a
 * few comparisons per character instead of one strstr() per word. Built
 * once, on first use, by whichever thread comes first. */
enum { L_GOOD, L_JUNK, L_CAPTION, NLISTS };
static const char *const caption_words[] = {"caption", "credit"};


typedef struct word_index {
    uint8_t first[NLISTS][256];      /* 1 + index of a bucket, 0 = none */
    const char *bucket[NLISTS][64][16];
} word_index;

static word_index windex;
static pthread_once_t windex_once = PTHREAD_ONCE_INIT;

static void index_list(int l, const char *const *words, size_t n)
{
    uint8_t nb = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)words[i][0];
        if (!windex.first[l][c])
            windex.first[l][c] = ++nb;
        const char **b = windex.bucket[l][windex.first[l][c] - 1];
        size_t k = 0;
        while (b[k])
            k++;
        if (k + 1 >= SR_ARRAY_LEN(windex.bucket[l][0]) || nb >= SR_ARRAY_LEN(windex.bucket[l]))
            sr_fatal("html_body.c: word index too small for '%s'", words[i]);
        b[k] = words[i];
    }
}

static void build_index(void)
{
    index_list(L_GOOD, good_words, SR_ARRAY_LEN(good_words));
    index_list(L_JUNK, junk_words, SR_ARRAY_LEN(junk_words));
    index_list(L_CAPTION, caption_words, SR_ARRAY_LEN(caption_words));
}

/* Whether s contains a word of list l. */
static bool contains_word(const char *s, int l)
{
    for (const char *p = s; *p; p++) {
        uint8_t b = windex.first[l][(unsigned char)*p];
        if (!b)
            continue;
        for (const char *const *w = windex.bucket[l][b - 1]; *w; w++) {
            size_t i = 1;
            while ((*w)[i] && p[i] == (*w)[i])
                i++;
            if (!(*w)[i])
                return true;
        }
    }
    return false;
}

/* Hints of one class name or id, lower-cased, NUL-terminated. */
static unsigned word_hints(const char *s)
{
    pthread_once(&windex_once, build_index);
    unsigned h = contains_word(s, L_GOOD) ? H_GOOD : 0;
    for (size_t i = 0; i < SR_ARRAY_LEN(state_prefixes); i++)
        if (strncmp(s, state_prefixes[i], strlen(state_prefixes[i])) == 0)
            return h;
    if (contains_word(s, L_CAPTION))
        h |= H_CAPTION;
    if (strstr(s, "intro") || strstr(s, "standfirst") || strstr(s, "excerpt") ||
        strstr(s, "teaser") || has_token(s, "lead") || has_token(s, "dek") ||
        has_token(s, "deck") || has_token(s, "summary"))
        h |= H_LEAD;
    if (strstr(s, "tooltip") || strstr(s, "rollover") || strstr(s, "popover") ||
        strstr(s, "hovercard"))
        h |= H_POPUP;
    if (strstr(s, "sr-only") || strstr(s, "screen-reader") ||
        strstr(s, "visually-hidden") || strstr(s, "visuallyhidden"))
        h |= H_SRONLY;
    /* embedded posts (tweets, Instagram) quoted by the article are part of
     * it, though their wrappers say "social" */
    if (strstr(s, "embed") || strstr(s, "tweet"))
        return h;
    if (contains_word(s, L_JUNK))
        return h | H_JUNK;
    for (size_t i = 0; i < SR_ARRAY_LEN(junk_tokens); i++)
        if (has_token(s, junk_tokens[i]))
            return h | H_JUNK;
    return h;
}

/* Hints of a class attribute (names separated by white space) or an id. */
static unsigned name_hints(char *s)
{
    unsigned h = 0;
    while (*s) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        char *e = s;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r')
            e++;
        if (e == s)
            break;
        char saved = *e;
        *e = '\0';
        h |= word_hints(s);
        *e = saved;
        s = e;
    }
    return h;
}

static void lower_copy(char *dst, size_t cap, const xmlChar *s)
{
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++)
        dst[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    dst[i] = '\0';
}

static const xmlChar *attr_text(const xmlAttr *a)
{
    return a->children && a->children->content ? a->children->content : NULL;
}

/* Pages repeat their class names (every menu item, every teaser), so the
 * hints of a class or id value are remembered by its hash for the page. */
#define HINT_CACHE 1024

typedef struct hint_cache {
    uint64_t key[HINT_CACHE];      /* hash of the value; 0 = empty slot */
    uint8_t hints[HINT_CACHE];
} hint_cache;

static unsigned cached_name_hints(hint_cache *c, const xmlChar *v)
{
    size_t n = strlen((const char *)v);
    uint64_t k = sr_hash64(v, n, 0x5D) | 1;
    size_t slot = (size_t)(k % HINT_CACHE);
    if (c->key[slot] == k)
        return c->hints[slot];
    char buf[512];
    lower_copy(buf, sizeof buf, v);
    unsigned h = name_hints(buf);
    c->key[slot] = k;
    c->hints[slot] = (uint8_t)h;
    return h;
}

/* The hints of an element from its attributes. */
static unsigned element_hints(const xmlNode *n, hint_cache *cache)
{
    unsigned h = 0;
    char buf[512];
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        const xmlChar *v = attr_text(a);
        if (strcmp(name, "hidden") == 0) {
            h |= H_HIDDEN;
            continue;
        }
        if (!v)
            continue;
        if (strcmp(name, "class") == 0 || strcmp(name, "id") == 0) {
            h |= cached_name_hints(cache, v);
        } else if (strcmp(name, "itemprop") == 0) {
            if (strcasecmp((const char *)v, "articleBody") == 0 ||
                strcasecmp((const char *)v, "text") == 0)
                h |= H_BODY;
        } else if (strcmp(name, "role") == 0) {
            static const char *const roles[] = {
                "navigation", "complementary", "banner", "contentinfo",
                "dialog", "alertdialog", "menu", "menubar", "search",
            };
            for (size_t i = 0; i < SR_ARRAY_LEN(roles); i++)
                if (strcasecmp((const char *)v, roles[i]) == 0)
                    h |= H_JUNK;
        } else if (strcmp(name, "style") == 0) {
            lower_copy(buf, sizeof buf, v);
            char *p = buf, *q = buf;
            for (; *p; p++)
                if (*p != ' ')
                    *q++ = *p;
            *q = '\0';
            if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
                h |= H_HIDDEN;
        } else if (strcmp(name, "aria-hidden") == 0) {
            if (strcmp((const char *)v, "true") == 0)
                h |= H_HIDDEN;
        }
    }
    return h;
}

/* ---- pass 1: elements and blocks -------------------------------------- */

typedef struct element {
    xmlNode *node;
    int32_t parent;        /* index, -1 for the root */
    uint32_t end;          /* one past the last index of the subtree */
    int32_t junk_root;     /* deepest junk ancestor-or-self, -1 when none */
    uint8_t tag;           /* enum tag */
    uint8_t hints;         /* H_* */
    bool junk;             /* furniture by its tag or hints */
    bool chosen;           /* part of the article */
    int32_t in_chosen;     /* nearest chosen ancestor-or-self, -1 */
    double value;          /* good minus bad text of the subtree */
    double mass;           /* good text of its own and its children's blocks */
} element;

typedef struct block {
    uint32_t owner;        /* innermost block-level element */
    uint32_t start, len;   /* bytes in the text buffer */
    uint32_t chars;        /* characters */
    uint32_t link_chars;   /* characters inside <a> */
    uint32_t punct;        /* sentence punctuation and commas */
    uint8_t heading;       /* 1-6 for <h1>-<h6>, else 0 */
    uint8_t caption;       /* inside <figcaption> (1) or a caption class (2) */
} block;

typedef struct extractor {
    element *els;
    uint32_t nels, capels;
    block *blocks;
    uint32_t nblocks, capblocks;
    sr_buf text;           /* the text of all blocks */
    int32_t cur;           /* innermost open element */
    block open;            /* the block being collected */
    bool space;            /* a space is pending in the open block */
    unsigned in_link, in_caption, in_caption_class, in_pre, in_popup, heading;
    unsigned breaks;       /* consecutive <br> in the open block */
    hint_cache *hints;
} extractor;

static bool is_blocky(enum tag t)
{
    return t != T_INLINE && t != T_A && t != T_BR;
}

static void flush(extractor *x)
{
    block *b = &x->open;
    if (b->chars > 0) {
        b->len = (uint32_t)(x->text.len - b->start);
        while (b->len && (x->text.data[b->start + b->len - 1] == '\n' ||
                          x->text.data[b->start + b->len - 1] == ' '))
            b->len--;
        if (x->nblocks == x->capblocks) {
            x->capblocks = x->capblocks ? x->capblocks * 2 : 256;
            x->blocks = sr_xrealloc(x->blocks, x->capblocks * sizeof *x->blocks);
        }
        x->blocks[x->nblocks++] = *b;
    } else {
        x->text.len = b->start;
    }
    memset(b, 0, sizeof *b);
    b->start = (uint32_t)x->text.len;
    x->space = false;
    x->breaks = 0;
}

/* The innermost block-level element at or above element i. */
static uint32_t block_owner(const extractor *x, int32_t i)
{
    while (i > 0 && !is_blocky((enum tag)x->els[i].tag))
        i = x->els[i].parent;
    return i < 0 ? 0 : (uint32_t)i;
}

/* windows-1252 meanings of U+0080-U+009F (0 = keep). */
static const uint16_t c1_map[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
    0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D,
    0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
    0x0178,
};

static void put_char(extractor *x, const unsigned char *p, size_t n)
{
    block *b = &x->open;
    if (b->chars == 0) {
        b->owner = block_owner(x, x->cur);
        b->heading = (uint8_t)x->heading;
        b->caption = x->in_caption ? 1 : x->in_caption_class ? 2 : 0;
        b->start = (uint32_t)x->text.len;
    } else if (x->space) {
        sr_buf_putc(&x->text, ' ');
    }
    x->space = false;
    x->breaks = 0;
    if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0 && c1_map[p[1] - 0x80]) {
        char out[4];
        sr_buf_put(&x->text, out, sr_utf8_encode(c1_map[p[1] - 0x80], out));
    } else {
        sr_buf_put(&x->text, p, n);
    }
    b->chars++;
    if (x->in_link)
        b->link_chars++;
    if (n == 1 && (*p == '.' || *p == ',' || *p == '!' || *p == '?' || *p == ';'))
        b->punct++;
}

/* Append a text node's content with white space collapsed. */
static void add_text(extractor *x, const unsigned char *s)
{
    while (*s) {
        unsigned char c = *s;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            if (x->in_pre && c == '\n' && x->open.chars) {
                sr_buf_putc(&x->text, '\n');
                x->space = false;
            } else if (x->open.chars) {
                x->space = true;
            }
            s++;
            continue;
        }
        if (c == 0xC2 && s[1] == 0xA0) {          /* no-break space */
            if (x->open.chars)
                x->space = true;
            s += 2;
            continue;
        }
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        size_t k = 1;
        while (k < n && s[k])
            k++;
        put_char(x, s, k);
        s += k;
    }
}

static void line_break(extractor *x)
{
    if (x->open.chars == 0)
        return;
    if (++x->breaks >= 2) {
        flush(x);
        return;
    }
    sr_buf_putc(&x->text, '\n');
    x->space = false;
}

static uint32_t add_element(extractor *x, xmlNode *n, enum tag t)
{
    if (x->nels == x->capels) {
        x->capels = x->capels ? x->capels * 2 : 512;
        x->els = sr_xrealloc(x->els, x->capels * sizeof *x->els);
    }
    uint32_t i = x->nels++;
    element *e = &x->els[i];
    memset(e, 0, sizeof *e);
    e->node = n;
    e->parent = x->cur;
    e->tag = (uint8_t)t;
    e->hints = (uint8_t)element_hints(n, x->hints);
    if (t == T_JUNK)
        e->hints |= H_JUNK;
    /* a caption is a small thing: class names of wrappers that mention
     * captions ("wp-featherlight-captions" on <body>) are settings */
    static const char *const wrappers[] = {"html", "body", "main", "section", "article"};
    for (size_t k = 0; k < SR_ARRAY_LEN(wrappers); k++)
        if (strcmp((const char *)n->name, wrappers[k]) == 0)
            e->hints &= (uint8_t)~H_CAPTION;
    e->junk_root = -1;
    return i;
}

/* Entering a node; returns whether to walk its children. */
static bool enter(extractor *x, xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(x, n->content);
        return false;
    }
    if (n->type != XML_ELEMENT_NODE)
        return false;
    enum tag t = tag_of((const char *)n->name);
    if (t == T_SKIP) {
        n->_private = NULL;
        return false;
    }
    if (t == T_BR) {
        line_break(x);
        n->_private = NULL;
        return false;
    }
    if (is_blocky(t))
        flush(x);
    uint32_t i = add_element(x, n, t);
    /* inline text no reader sees would break the sentence it sits in:
     * hidden text, text for screen readers, and the card inside a hover
     * element (<span class="rollover">name<span class="rollover-card">
     * links</span></span>: the name stays) are left out at once */
    unsigned h = x->els[i].hints;
    if (!is_blocky(t) && ((h & (H_HIDDEN | H_SRONLY)) || ((h & H_POPUP) && x->in_popup))) {
        x->els[i].end = x->nels;
        n->_private = NULL;
        return false;
    }
    if (h & H_POPUP)
        x->in_popup++;
    n->_private = (void *)(uintptr_t)(i + 1);
    x->cur = (int32_t)i;
    if (t == T_A)
        x->in_link++;
    if (t == T_FIGCAPTION)
        x->in_caption++;
    else if (x->els[i].hints & H_CAPTION)
        x->in_caption_class++;
    if (t == T_PRE)
        x->in_pre++;
    if (t == T_HEADING)
        x->heading = (unsigned)(n->name[1] - '0');
    return true;
}

static void leave(extractor *x, xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || !n->_private)
        return;
    uint32_t i = (uint32_t)((uintptr_t)n->_private - 1);
    n->_private = NULL;
    element *e = &x->els[i];
    enum tag t = (enum tag)e->tag;
    if (is_blocky(t))
        flush(x);
    if (t == T_A && x->in_link)
        x->in_link--;
    if (t == T_FIGCAPTION && x->in_caption)
        x->in_caption--;
    else if (t != T_FIGCAPTION && (e->hints & H_CAPTION) && x->in_caption_class)
        x->in_caption_class--;
    if (t == T_PRE && x->in_pre)
        x->in_pre--;
    if ((e->hints & H_POPUP) && x->in_popup)
        x->in_popup--;
    if (t == T_HEADING)
        x->heading = 0;
    e->end = x->nels;
    x->cur = e->parent;
}

/* Walk the tree under root in document order without recursion. */
static void segment(extractor *x, xmlNode *root)
{
    xmlNode *n = root;
    for (;;) {
        if (enter(x, n) && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            leave(x, n);
            if (n == root) {
                flush(x);
                return;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

/* ---- pass 2: judging --------------------------------------------------- */

/* A caption: the text of a <figcaption> or of an element whose class says
 * caption. (Photo captions of news agencies run to 300 characters and
 * more, so length tells nothing.) */
static bool is_caption(const block *b)
{
    return b->caption != 0;
}

/* Good text of a block (characters that look like article prose), and bad
 * text (characters that look like furniture). */
static void judge_block(const block *b, double *good, double *bad)
{
    double chars = b->chars, ld = (double)b->link_chars / chars;
    *good = *bad = 0;
    if (is_caption(b)) {
        *bad = chars * 0.2;
    } else if (ld > 0.5) {
        *bad = chars;
    } else if (b->chars < 25 && !b->heading) {
        *bad = chars * 0.3;
    } else if (b->heading) {
        *good = 0;
    } else {
        *good = chars * (1 - ld);
        *bad = chars * ld;
        if (b->punct == 0 && b->chars < 80)
            *good *= 0.5;
    }
}

/* Each element's junk_root and value, given which elements are junk
 * (none when `use_junk` is false). */
static void evaluate(extractor *x, bool use_junk)
{
    element *els = x->els;
    for (uint32_t i = 0; i < x->nels; i++) {
        element *e = &els[i];
        int32_t up = e->parent >= 0 ? els[e->parent].junk_root : -1;
        e->junk_root = use_junk && e->junk ? (int32_t)i : up;
        e->value = 0;
    }
    for (uint32_t i = 0; i < x->nblocks; i++) {
        const block *b = &x->blocks[i];
        double g, bad;
        judge_block(b, &g, &bad);
        int32_t j = els[b->owner].junk_root;
        if (j >= 0)
            els[j].value -= b->chars;
        else
            els[b->owner].value += g - bad;
    }
    for (uint32_t i = x->nels; i-- > 1;)
        els[els[i].parent].value += els[i].value;
}

/* The element of highest value outside junk, or -1; *value receives it. */
static int32_t best(const extractor *x, double *value)
{
    int32_t best = -1;
    double best_value = 0;
    for (uint32_t i = 0; i < x->nels; i++) {
        const element *e = &x->els[i];
        if (e->junk_root >= 0)
            continue;
        double v = e->value;
        if (e->hints & (H_BODY | H_GOOD))
            v *= 1.1;
        if (v >= best_value && v > 0) {
            best_value = v;
            best = (int32_t)i;
        }
    }
    *value = best_value;
    return best;
}

/* The article's paragraphs sit together: the element whose own blocks and
 * children's blocks hold the most good text (outside junk) anchors the
 * article, and the article is the ancestor-or-self of the anchor of
 * highest value. Anchoring keeps a short article whose container also
 * holds a long list of recommendations (junk, counted against it) from
 * losing to one long teaser elsewhere on the page. */
static int32_t anchored(extractor *x)
{
    element *els = x->els;
    for (uint32_t i = 0; i < x->nels; i++)
        els[i].mass = 0;
    for (uint32_t i = 0; i < x->nblocks; i++) {
        const block *b = &x->blocks[i];
        if (els[b->owner].junk_root >= 0)
            continue;
        double g, bad;
        judge_block(b, &g, &bad);
        els[b->owner].mass += g;
        if (els[b->owner].parent >= 0)
            els[els[b->owner].parent].mass += g;
    }
    int32_t anchor = -1;
    double most = 0;
    for (uint32_t i = 0; i < x->nels; i++)
        if (els[i].junk_root < 0 && els[i].mass > most) {
            most = els[i].mass;
            anchor = (int32_t)i;
        }
    if (anchor < 0)
        return -1;
    int32_t c = anchor;
    for (int32_t a = els[anchor].parent; a >= 0; a = els[a].parent)
        if (els[a].junk_root < 0 && els[a].value > els[c].value)
            c = a;
    return c;
}

/* Junk by name may be an accident; hidden is hidden. */
static void lift_junk(element *e)
{
    if (!(e->hints & H_HIDDEN))
        e->junk = false;
}

/* A page that names its article body (itemprop="articleBody", a class such
 * as "article-content") is believed when that element holds most of what
 * the best element holds: the difference is then usually teasers or an
 * author box next to the body. */
static int32_t prefer_named(const extractor *x, int32_t c, double value)
{
    if (c < 0)
        return c;
    int32_t named = -1;
    double named_value = 0;
    for (uint32_t i = 0; i < x->nels; i++) {
        const element *e = &x->els[i];
        if (e->junk_root >= 0 || !(e->hints & (H_GOOD | H_BODY)))
            continue;
        if (e->value >= named_value && e->value >= 0.7 * value) {
            named = (int32_t)i;
            named_value = e->value;
        }
    }
    return named >= 0 ? named : c;
}

/* The element that holds the article. Junk hints are right far more often
 * than not, but a wrapper of the whole article sometimes carries a class
 * such as "content-with-sidebar": so the article is also sought with no
 * junk at all, and when that finds far more than the careful search, the
 * hints on the way down to it are taken for accidents and dropped. */
static int32_t choose(extractor *x)
{
    for (uint32_t i = 0; i < x->nels; i++) {
        element *e = &x->els[i];
        const char *name = (const char *)e->node->name;
        bool wrapper = strcmp(name, "body") == 0 || strcmp(name, "html") == 0 ||
                       strcmp(name, "main") == 0;
        e->junk = (e->hints & (H_JUNK | H_HIDDEN)) &&
                  !(e->hints & (H_GOOD | H_BODY)) && !wrapper;
    }
    double strict_value, loose_value;
    evaluate(x, true);
    int32_t strict = best(x, &strict_value);
    evaluate(x, false);
    int32_t loose = best(x, &loose_value);
    if (loose >= 0 && loose_value >= 250 && strict_value < 0.3 * loose_value) {
        for (int32_t a = loose; a >= 0; a = x->els[a].parent)
            lift_junk(&x->els[a]);
        for (uint32_t i = (uint32_t)loose + 1; i < x->els[loose].end; i++)
            if (x->els[i].junk && x->els[i].value >= 0.3 * loose_value)
                for (int32_t a = (int32_t)i; a > loose; a = x->els[a].parent)
                    lift_junk(&x->els[a]);
        evaluate(x, true);
        strict = best(x, &strict_value);
    } else {
        evaluate(x, true);
    }
    int32_t c = anchored(x);
    if (c < 0)
        c = strict;
    return prefer_named(x, c, c >= 0 ? x->els[c].value : 0);
}

/* ---- pass 3: writing ----------------------------------------------------- */

static const xmlChar *class_of(const xmlNode *n)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, "class") == 0)
            return attr_text(a);
    return NULL;
}

/* Characters of prose-like text directly in element i's own blocks and
 * its descendants', and of link text, for judging a lead. */
static void text_of(const extractor *x, uint32_t i, double *prose, double *links)
{
    *prose = *links = 0;
    for (uint32_t k = 0; k < x->nblocks; k++) {
        const block *b = &x->blocks[k];
        if (b->owner >= i && b->owner < x->els[i].end && !is_caption(b)) {
            *prose += b->chars;
            *links += b->link_chars;
        }
    }
}

/* The lead (standfirst, intro, deck) that many pages keep apart from the
 * body, in the article's header: an element named like a lead, before the
 * body but inside the same article (the nearest <article> or named body
 * around it, else the body's grandparent), holding a sentence or a short
 * paragraph of prose. */
static void mark_lead(extractor *x, int32_t c)
{
    int32_t a = x->els[c].parent;
    for (int32_t u = a; u >= 0; u = x->els[u].parent)
        if (x->els[u].tag == T_ARTICLE || (x->els[u].hints & (H_GOOD | H_BODY))) {
            a = u;
            break;
        }
    if (a < 0)
        return;
    if (a == x->els[c].parent && x->els[a].parent >= 0 && x->els[a].tag != T_ARTICLE)
        a = x->els[a].parent;
    for (uint32_t i = (uint32_t)a + 1; i < (uint32_t)c; i++) {
        element *e = &x->els[i];
        if (!(e->hints & H_LEAD) || (e->hints & H_HIDDEN) || e->end > (uint32_t)c)
            continue;
        double prose, links;
        text_of(x, i, &prose, &links);
        if (prose >= 60 && prose <= 1200 && links * 4 < prose) {
            e->chosen = true;
            i = e->end - 1;
        }
    }
}

/* Mark the article: the chosen element, and its siblings of the same tag
 * and class (pages that split the body into several containers with ads
 * or pictures between them). */
static void mark_chosen(extractor *x, int32_t c)
{
    element *ce = &x->els[c];
    ce->chosen = true;
    const xmlChar *cls = class_of(ce->node);
    int32_t p = ce->parent;
    if (p >= 0 && cls) {
        for (uint32_t i = (uint32_t)p + 1; i < x->els[p].end; i = x->els[i].end) {
            element *e = &x->els[i];
            if ((int32_t)i == c || e->junk_root >= 0 || e->value <= 0 || e->tag != ce->tag)
                continue;
            const xmlChar *k = class_of(e->node);
            if (k && strcmp((const char *)k, (const char *)cls) == 0)
                e->chosen = true;
        }
    }
    mark_lead(x, c);
    for (uint32_t i = 0; i < x->nels; i++) {
        element *e = &x->els[i];
        int32_t up = e->parent >= 0 ? x->els[e->parent].in_chosen : -1;
        e->in_chosen = e->chosen ? (int32_t)i : up;
    }
}

static void write_body(sr_doc *doc, const extractor *x)
{
    sr_buf body;
    sr_buf_init(&body);
    const char **caps = NULL;
    uint32_t ncaps = 0;
    bool seen_para = false;
    for (uint32_t i = 0; i < x->nblocks; i++) {
        const block *b = &x->blocks[i];
        const element *o = &x->els[b->owner];
        if (o->in_chosen < 0 || o->junk_root > o->in_chosen)
            continue;
        const char *s = x->text.data + b->start;
        if (is_caption(b)) {
            caps = sr_arena_alloc(doc->arena, (ncaps + 1) * sizeof *caps);
            if (ncaps)
                memcpy(caps, doc->captions, ncaps * sizeof *caps);
            caps[ncaps++] = sr_arena_strndup(doc->arena, s, b->len);
            doc->captions = caps;
            doc->ncaptions = ncaps;
            continue;
        }
        if (b->link_chars * 2 > b->chars && b->chars - b->link_chars < 50)
            continue;
        if (b->heading == 1 && !seen_para)
            continue;
        if (!b->heading && b->chars >= 25)
            seen_para = true;
        if (body.len)
            sr_buf_put(&body, "\n\n", 2);
        sr_buf_put(&body, s, b->len);
    }
    sr_doc_set_body(doc, body.data ? body.data : "", body.len);
    sr_buf_free(&body);
}

/* Built with -DSR_HTML_DEBUG, for studying a page the extractor gets
 * wrong; on stderr: the elements of value > 100 (the chosen one starred),
 * or with SR_KIDS=N the children of element N; with SR_FIND=TEXT the
 * blocks containing TEXT and their owners; with SR_CHAIN=N element N and
 * its ancestors. */
#ifdef SR_HTML_DEBUG
static void debug_element(const extractor *x, uint32_t i, const char *mark)
{
    const element *e = &x->els[i];
    xmlChar *cl = xmlGetProp(e->node, (const xmlChar *)"class");
    xmlChar *id = xmlGetProp(e->node, (const xmlChar *)"id");
    fprintf(stderr, "%s%5u %-8s value=%8.0f junk=%d hints=%x class=%s id=%s\n", mark, i,
            e->node->name, e->value, e->junk_root, e->hints, cl ? (char *)cl : "",
            id ? (char *)id : "");
    xmlFree(cl);
    xmlFree(id);
}
#endif

static void debug_dump(const extractor *x, int32_t c)
{
#ifdef SR_HTML_DEBUG
    const char *find = getenv("SR_FIND"), *chain = getenv("SR_CHAIN"), *kids = getenv("SR_KIDS");
    for (uint32_t i = 0; find && i < x->nblocks; i++) {
        const block *b = &x->blocks[i];
        if (memmem(x->text.data + b->start, b->len, find, strlen(find)))
            fprintf(stderr, "FOUND block %u owner %u chars %u link %u caption %d\n", i,
                    b->owner, b->chars, b->link_chars, b->caption);
    }
    for (int32_t j = chain ? atoi(chain) : -1; j >= 0 && (uint32_t)j < x->nels; j = x->els[j].parent)
        debug_element(x, (uint32_t)j, "  ^ ");
    int32_t kp = kids ? atoi(kids) : -2;
    for (uint32_t i = 0; i < x->nels; i++)
        if (kids ? x->els[i].parent == kp : (x->els[i].value > 100 || (int32_t)i == c))
            debug_element(x, i, (int32_t)i == c ? "*" : " ");
#else
    (void)x;
    (void)c;
#endif
}

void sr_html_body(sr_doc *doc, struct _xmlDoc *tree)
{
    xmlNode *root = xmlDocGetRootElement(tree);
    if (!root) {
        sr_doc_set_body(doc, "", 0);
        return;
    }
    extractor x;
    memset(&x, 0, sizeof x);
    sr_buf_init(&x.text);
    x.cur = -1;
    x.hints = sr_xcalloc(1, sizeof *x.hints);
    segment(&x, root);
    int32_t c = -1;
    if (x.nels)
        c = choose(&x);
    debug_dump(&x, c);
    if (c >= 0) {
        mark_chosen(&x, c);
        write_body(doc, &x);
    }
    else
        sr_doc_set_body(doc, "", 0);
    free(x.els);
    free(x.blocks);
    free(x.hints);
    sr_buf_free(&x.text);
}
