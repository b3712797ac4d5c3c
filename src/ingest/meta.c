/*
 * meta.c — metadata of an HTML page: title, publication date, byline,
 * outlet, canonical URL and language.
 *
 * One pass over the parsed tree gathers every clue, then each field is
 * chosen from its clues by a fixed order of trust:
 *
 *   clues    <meta> name/property/itemprop -> content; <link rel=canonical>;
 *            JSON-LD (jsonld.c); <title>; <h1>s; <time>; itemprop=
 *            datePublished/author; rel=author; short texts of elements
 *            whose class or id says "byline", "author", "date", "time",
 *            "meta" ...; <html lang>.
 *   title    the page's own headline (an <h1> that agrees with the
 *            metadata titles), else og:title / JSON-LD headline /
 *            twitter:title, else <title>; site names are cut from titles
 *            ("Story | Outlet").
 *   published  JSON-LD datePublished, then the publication-time <meta>
 *            tags, itemprop=datePublished, <time pubdate>, a full date in
 *            the URL, a date in a date-like element's text, any <time>,
 *            a date near the top of the extracted body, and last a date
 *            that a short inline script writes. A UTC
 *            time-stamp one day off the date that the URL or the page's
 *            visible date line shows yields to them: the CMS stored UTC,
 *            the reader saw the local date. A wiki's revision view
 *            (diff= or oldid= in the address) is dated by its revision
 *            (dateModified).
 *   byline   the visible byline when it names the structured authors (it
 *            keeps "and"/"und" between names), else JSON-LD authors, the
 *            author <meta> tags, itemprop/rel=author, byline elements;
 *            names that are the publisher's own come last. Cleaned of
 *            "By", dates and roles' punctuation.
 *   outlet   og:site_name, JSON-LD publisher, WebSite name,
 *            application-name, else the host without "www.".
 *   url      <link rel=canonical>, og:url (absolute http(s) only, not a
 *            bare home page), else the address the page came from.
 *   lang     <html lang>/xml:lang, Content-Language, og:locale, unless the
 *            text's script contradicts it; else detected from the text
 *            (lang.c); else null.
 *
 * Rules are general (no per-site cases) because the pages that matter are
 * ones nobody has seen. The walk is iterative (100,000 nested elements do
 * not exhaust the stack), clue lists are capped, and every text gathered
 * is capped, so a hostile page costs time linear in its size.
 * Fields already set on the document (by a feed item, a JSON line) are
 * kept.
 */
#include "ingest.h"
#include "date.h"
#include "jsonld.h"
#include "lang.h"
#include "../core/internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/uri.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#define MAX_METAS 256
#define MAX_H1 16
#define MAX_TIMES 32
#define MAX_BOXES 48
#define MAX_AUTHORS 24
#define MAX_LD 16
#define BOX_TEXT 400

typedef struct kv {
    const char *key;         /* lowercase */
    const char *val;
} kv;

typedef struct box {
    const char *text;
    bool skip;               /* inside navigation, comments, related ... */
    bool modified;           /* says "updated" / "modified" */
} box;

typedef struct timeel {
    const char *datetime;
    const char *text;
    bool pub;                /* pubdate / itemprop=datePublished / class
                                "publish..." */
    bool modified;
    bool skip;
} timeel;

typedef struct clues {
    sr_arena *a;             /* scratch, freed with the clues */
    kv metas[MAX_METAS];
    unsigned nmetas;
    const char *canonical;
    const char *title;
    box h1[MAX_H1];
    unsigned nh1;
    box heads[MAX_H1];       /* elements classed as a headline */
    unsigned nheads;
    timeel times[MAX_TIMES];
    unsigned ntimes;
    box dates[MAX_BOXES];
    unsigned ndates;
    box authors[MAX_AUTHORS];  /* byline elements, itemprop/rel author */
    unsigned nauthors;
    const char *itemprop_date;
    const char *script_date; /* a short inline script of the body that
                                writes a date (sr_html_strip keeps those) */
    const char *html_lang;
    sr_ld_info ld;
    unsigned nld;
    unsigned skip;           /* depth counter: inside furniture */
    struct {                 /* classify() results by name (pages repeat
                                their class names a lot) */
        uint64_t hash;
        uint8_t flags;
        bool used;
    } cache[1024];
} clues;

/* ---- small text helpers -------------------------------------------------- */

static bool ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Whitespace (with no-break spaces) collapsed and trimmed; NULL if empty. */
static char *collapse(sr_arena *a, const char *s, size_t n)
{
    char *o = sr_arena_alloc(a, n + 1);
    size_t k = 0;
    bool pend = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool nbsp = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0;
        if (ws(c) || nbsp) {
            pend = k > 0;
            i += nbsp;
            continue;
        }
        if (pend)
            o[k++] = ' ';
        pend = false;
        o[k++] = (char)c;
    }
    o[k] = '\0';
    return k ? o : NULL;
}

static char *collapse_str(sr_arena *a, const char *s)
{
    return s ? collapse(a, s, strlen(s)) : NULL;
}

/* Decode HTML character references left in a value (JSON-LD strings, and
 * meta contents that were escaped twice: "&amp;#039;"). */
static char *decode_entities(sr_arena *a, const char *s)
{
    if (!s)
        return NULL;
    if (!strchr(s, '&'))
        return (char *)s;
    size_t n = strlen(s);
    char *o = sr_arena_alloc(a, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '&') {
            const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
            uint32_t cp = 0;
            if (semi && s[i + 1] == '#') {
                char *end;
                unsigned long v = (s[i + 2] == 'x' || s[i + 2] == 'X')
                                      ? strtoul(s + i + 3, &end, 16)
                                      : strtoul(s + i + 2, &end, 10);
                if (end == semi && v > 0 && v < 0x110000 && !(v >= 0xD800 && v < 0xE000))
                    cp = (uint32_t)v;
            } else if (semi) {
                char name[12];
                size_t len = (size_t)(semi - s - i - 1);
                memcpy(name, s + i + 1, len);
                name[len] = '\0';
                const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
                if (e)
                    cp = e->value;
            }
            if (cp) {
                k += sr_utf8_encode(cp, o + k);
                i = (size_t)(semi - s) + 1;
                continue;
            }
        }
        o[k++] = s[i++];
    }
    o[k] = '\0';
    return o;
}

/* A cleaned value: entities decoded, whitespace collapsed, and at most
 * MAX_VALUE bytes (longer values are not titles or names; the cap keeps
 * hostile pages cheap). */
#define MAX_VALUE 4096
static char *clean(sr_arena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strnlen(s, MAX_VALUE + 1);
    if (n > MAX_VALUE) {
        n = MAX_VALUE;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        s = sr_arena_strndup(a, s, n);
    }
    return collapse_str(a, decode_entities(a, s));
}

/* Letters and digits only, case-folded, accents stripped: a key for
 * comparing names ("Revista Fórum" ~ "revistaforum"). */
static char *fold_key(sr_arena *a, const char *s)
{
    if (!s)
        return sr_arena_strdup(a, "");
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &f,
                                      UTF8PROC_NULLTERM | UTF8PROC_CASEFOLD |
                                      UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
    if (n < 0)
        return sr_arena_strdup(a, "");
    char *o = sr_arena_alloc(a, (size_t)n + 1);
    size_t k = 0;
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t l = utf8proc_iterate(f + i, n - i, &c);
        if (l <= 0)
            break;
        utf8proc_category_t cat = utf8proc_category(c);
        if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
            cat == UTF8PROC_CATEGORY_ND) {
            memcpy(o + k, f + i, (size_t)l);
            k += (size_t)l;
        }
        i += l;
    }
    o[k] = '\0';
    free(f);
    return o;
}

static bool starts_ci(const char *s, const char *p)
{
    return strncasecmp(s, p, strlen(p)) == 0;
}

static bool looks_like_url(const char *s)
{
    return starts_ci(s, "http:") || starts_ci(s, "https:") || starts_ci(s, "www.") ||
           s[0] == '/' || strstr(s, "://") != NULL;
}

/* ---- gathering ----------------------------------------------------------- */

/* An attribute's value without copying, or NULL. */
static const char *attr(const xmlNode *n, const char *name)
{
    /* libxml2's HTML parser lowercases attribute names */
    for (const xmlAttr *p = n->properties; p; p = p->next) {
        if (p->name[0] != name[0] || strcmp((const char *)p->name, name) != 0)
            continue;
        if (p->children && p->children->type == XML_TEXT_NODE && !p->children->next)
            return (const char *)p->children->content;
        return NULL;
    }
    return NULL;
}

/* libxml2's HTML parser lowercases element names. */
static bool name_is(const xmlNode *n, const char *name)
{
    return n->name[0] == name[0] && strcmp((const char *)n->name, name) == 0;
}

static bool hidden_element(const xmlNode *n)
{
    return name_is(n, "script") || name_is(n, "style") || name_is(n, "noscript") ||
           name_is(n, "template") || name_is(n, "svg") || name_is(n, "select");
}

/* Elements that do not break a line: no space is put around their text. */
static bool inline_element(const xmlNode *n)
{
    static const char *const names[] = {
        "a", "span", "strong", "b", "em", "i", "u", "small", "abbr", "time",
        "font", "sup", "sub", "mark", "cite", "q", "label", "bdi", "s",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(names); i++)
        if (name_is(n, names[i]))
            return true;
    return false;
}

/* The text under n, whitespace collapsed, at most max bytes (more is cut at
 * a character boundary). Iterative, so nesting depth does not matter. */
static char *text_of(sr_arena *a, const xmlNode *top, size_t max)
{
    sr_buf b;
    sr_buf_init(&b);
    const xmlNode *n = top->children;
    while (n && b.len < max) {
        if (n->type == XML_TEXT_NODE && n->content) {
            sr_buf_puts(&b, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && !hidden_element(n) && n->children) {
            /* a block breaks the line; so does an inline element that
             * directly follows another element ("<span>Jane Roe</span>
             * <span>Reuters</span>" written without a space) */
            if (!inline_element(n) || (n->prev && n->prev->type == XML_ELEMENT_NODE))
                sr_buf_putc(&b, ' ');
            n = n->children;
            continue;
        } else if (n->type == XML_ELEMENT_NODE && name_is(n, "br")) {
            sr_buf_putc(&b, ' ');
        }
        while (n && n != top && !n->next) {
            n = n->parent;
            if (n && n != top && n->type == XML_ELEMENT_NODE && !inline_element(n))
                sr_buf_putc(&b, ' ');
        }
        if (!n || n == top)
            break;
        n = n->next;
    }
    size_t len = b.len;
    if (len > max) {
        len = max;
        while (len > 0 && ((unsigned char)b.data[len] & 0xC0) == 0x80)
            len--;
    }
    char *r = len ? collapse(a, b.data, len) : NULL;
    sr_buf_free(&b);
    /* "Jane Roe , Reuters": the space came from an element boundary */
    for (char *p = r ? strstr(r, " ,") : NULL; p; p = strstr(p, " ,"))
        memmove(p, p + 1, strlen(p + 1) + 1);
    return r;
}

/* ---- class and id names --------------------------------------------------
 *
 * What an element's class or id says about it, found in one pass over the
 * lowercased name: each position is compared only with the words that
 * start with its letter. Furniture words (navigation, comments, related
 * stories, widgets ...) count at the start of a token or after a dash or
 * underscore ("comments", "related-posts", "td-footer-wrap"), but not after
 * a layout switch ("has-sidebar", "layout__with-comments"); the other words
 * count anywhere in the name. */

enum {
    NAME_FURNITURE = 1,
    NAME_DATE = 2,           /* a date line, a meta line */
    NAME_AUTHOR = 4,         /* a byline */
    NAME_NOT_AUTHOR = 8,     /* an avatar, a bio, an image */
    NAME_UPDATED = 16,       /* a modification date */
    NAME_HEADLINE = 32,      /* an article's headline ("entry-title") */
};

typedef struct name_word {
    const char *w;
    uint8_t flag;
    bool boundary;           /* must start a token part */
} name_word;

static uint8_t name_word_len[128];

static const name_word name_words[] = {
    {"comment", NAME_FURNITURE, true}, {"related", NAME_FURNITURE, true},
    {"sidebar", NAME_FURNITURE, true}, {"widget", NAME_FURNITURE, true},
    {"footer", NAME_FURNITURE, true}, {"recommend", NAME_FURNITURE, true},
    {"teaser", NAME_FURNITURE, true}, {"popular", NAME_FURNITURE, true},
    {"newsletter", NAME_FURNITURE, true}, {"most-read", NAME_FURNITURE, true},
    {"mostread", NAME_FURNITURE, true}, {"trending", NAME_FURNITURE, true},
    {"menu", NAME_FURNITURE, true}, {"nav", NAME_FURNITURE, true},
    {"cookie", NAME_FURNITURE, true}, {"promo", NAME_FURNITURE, true},
    {"outbrain", NAME_FURNITURE, true}, {"taboola", NAME_FURNITURE, true},
    {"more-stories", NAME_FURNITURE, true}, {"read-more", NAME_FURNITURE, true},
    {"readmore", NAME_FURNITURE, true}, {"further", NAME_FURNITURE, true},
    {"latest", NAME_FURNITURE, true}, {"breadcrumb", NAME_FURNITURE, true},
    {"advert", NAME_FURNITURE, true}, {"banner", NAME_FURNITURE, true},
    {"social", NAME_FURNITURE, true}, {"share", NAME_FURNITURE, true},
    {"date", NAME_DATE, false}, {"time", NAME_DATE, false},
    {"publish", NAME_DATE, false}, {"posted", NAME_DATE, false},
    {"datum", NAME_DATE, false}, {"fecha", NAME_DATE, false},
    {"data", NAME_DATE, false}, {"meta", NAME_DATE, false},
    {"dateline", NAME_DATE, false}, {"byline", NAME_DATE | NAME_AUTHOR, false},
    {"info", NAME_DATE, false}, {"zeit", NAME_DATE, false},
    {"stand", NAME_DATE, false}, {"article-head", NAME_DATE, false},
    {"subline", NAME_DATE, false}, {"entry-head", NAME_DATE, false},
    {"post-head", NAME_DATE, false}, {"dtreviewed", NAME_DATE, false},
    {"submitted", NAME_DATE, false},
    {"author", NAME_AUTHOR, false}, {"autor", NAME_AUTHOR, false},
    {"auteur", NAME_AUTHOR, false}, {"verfasser", NAME_AUTHOR, false},
    {"writer", NAME_AUTHOR, false}, {"reporter", NAME_AUTHOR, false},
    {"journalist", NAME_AUTHOR, false}, {"creator", NAME_AUTHOR, false},
    {"firma", NAME_AUTHOR, false}, {"byl", NAME_AUTHOR, false},
    {"wrote", NAME_AUTHOR, false},
    {"avatar", NAME_NOT_AUTHOR, false}, {"image", NAME_NOT_AUTHOR, false},
    {"photo", NAME_NOT_AUTHOR, false}, {"bio", NAME_NOT_AUTHOR, false},
    {"about", NAME_NOT_AUTHOR, false},
    {"updat", NAME_UPDATED, false}, {"modif", NAME_UPDATED, false},
    {"headline", NAME_HEADLINE, false}, {"entry-title", NAME_HEADLINE, false},
    {"post-title", NAME_HEADLINE, false}, {"article-title", NAME_HEADLINE, false},
};

_Static_assert(SR_ARRAY_LEN(name_words) <= sizeof name_word_len, "name_word_len too small");

static const char *const layout_switches[] = {"has-", "with-", "without-", "no-", "show-",
                                              "hide-", "is-", "and-"};

/* Whether the word at s[i] follows a layout switch in its token or its
 * token part ("has-sidebar", "has-double-sidebar", "x__with-comments"). */
static bool after_switch(const char *s, size_t i)
{
    size_t t = i;
    while (t > 0 && !ws((unsigned char)s[t - 1]))
        t--;
    for (size_t p = t; p < i; p++) {
        if (p != t && s[p - 1] != '-' && s[p - 1] != '_')
            continue;
        for (size_t l = 0; l < SR_ARRAY_LEN(layout_switches); l++) {
            size_t ll = strlen(layout_switches[l]);
            if (p + ll <= i && memcmp(s + p, layout_switches[l], ll) == 0)
                return true;
        }
    }
    return false;
}

/* name_words grouped by first letter: bucket[c - 'a'] lists the indexes
 * of the words starting with c. Built once. */
static uint8_t bucket[26][16];
static uint8_t bucket_len[26];
static pthread_once_t buckets_once = PTHREAD_ONCE_INIT;

static void build_buckets(void)
{
    for (size_t k = 0; k < SR_ARRAY_LEN(name_words); k++) {
        int b = name_words[k].w[0] - 'a';
        if (bucket_len[b] < sizeof bucket[b])
            bucket[b][bucket_len[b]++] = (uint8_t)k;
        name_word_len[k] = (uint8_t)strlen(name_words[k].w);
    }
}

/* The NAME_* flags of a class or id value. */
static unsigned classify(const char *v)
{
    if (!v || !*v)
        return 0;
    pthread_once(&buckets_once, build_buckets);
    char s[256];
    size_t n = 0;
    for (; v[n] && n < sizeof s - 1; n++)
        s[n] = (v[n] >= 'A' && v[n] <= 'Z') ? (char)(v[n] - 'A' + 'a') : v[n];
    s[n] = '\0';
    unsigned flags = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch < 'a' || ch > 'z')
            continue;
        bool boundary = i == 0 || ws((unsigned char)s[i - 1]) || s[i - 1] == '-' ||
                        s[i - 1] == '_';
        const uint8_t *bk = bucket[ch - 'a'];
        for (size_t b = 0; b < bucket_len[ch - 'a']; b++) {
            const name_word *w = &name_words[bk[b]];
            if ((flags & w->flag) == w->flag)
                continue;
            size_t l = name_word_len[bk[b]];
            if (i + l > n || memcmp(s + i, w->w, l) != 0)
                continue;
            if (w->boundary && (!boundary || after_switch(s, i)))
                continue;
            flags |= w->flag;
        }
    }
    return flags;
}

/* classify(), remembered per page by a 64-bit hash of the name. */

static unsigned classify_cached(clues *c, const char *v)
{
    if (!v || !*v)
        return 0;
    uint64_t h = sr_hash64(v, strlen(v), 0x5eed);
    size_t slot = (size_t)(h & (SR_ARRAY_LEN(c->cache) - 1));
    for (size_t probe = 0; probe < 8; probe++) {
        size_t i = (slot + probe) & (SR_ARRAY_LEN(c->cache) - 1);
        if (!c->cache[i].used) {
            unsigned f = classify(v);
            c->cache[i].used = true;
            c->cache[i].hash = h;
            c->cache[i].flags = (uint8_t)f;
            return f;
        }
        if (c->cache[i].hash == h)
            return c->cache[i].flags;
    }
    return classify(v);   /* the neighbourhood is full */
}

static bool furniture_element(const xmlNode *n, unsigned flags)
{
    if (name_is(n, "nav") || name_is(n, "footer") || name_is(n, "aside") ||
        name_is(n, "form"))
        return true;
    if (name_is(n, "body") || name_is(n, "html") || name_is(n, "main") ||
        name_is(n, "article"))
        return false;
    return (flags & NAME_FURNITURE) != 0;
}

static bool has_ci(const char *s, const char *w)
{
    return s && strcasestr(s, w) != NULL;
}

/* A <meta>: name/property/http-equiv -> content. Microdata (itemprop) is
 * kept apart as "itemprop:NAME": a page's reference list carries the
 * authors and dates of the works it cites that way. */
static void add_meta(clues *c, const xmlNode *n)
{
    const char *key = attr(n, "property");
    if (!key)
        key = attr(n, "name");
    if (!key)
        key = attr(n, "http-equiv");
    const char *val = attr(n, "content");
    const char *ip = attr(n, "itemprop");
    if (!key && ip && val) {
        if (strcasecmp(ip, "datePublished") == 0 && !c->itemprop_date)
            c->itemprop_date = val;
        if (c->nmetas < MAX_METAS) {
            c->metas[c->nmetas].key = sr_arena_printf(c->a, "itemprop:%s", ip);
            c->metas[c->nmetas].val = val;
            c->nmetas++;
        }
        return;
    }
    if (!key || !val || c->nmetas >= MAX_METAS)
        return;
    while (ws((unsigned char)*key))
        key++;
    char *k = collapse_str(c->a, key);
    if (!k)
        return;
    for (char *p = k; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    c->metas[c->nmetas].key = k;
    c->metas[c->nmetas].val = val;
    c->nmetas++;
}

/* Keep an element's short text in a list. Boxes in furniture get a quarter
 * of the room, so a long navigation menu cannot crowd out the article's
 * own lines. */
static void add_box(sr_arena *a, box *list, unsigned *n, unsigned cap,
                    const xmlNode *node, bool skip, bool modified)
{
    if (*n >= cap)
        return;
    if (skip) {
        unsigned in_furniture = 0;
        for (unsigned i = 0; i < *n; i++)
            in_furniture += list[i].skip;
        if (in_furniture >= cap / 4)
            return;
    }
    char *t = text_of(a, node, BOX_TEXT);
    if (!t)
        return;
    list[*n].text = t;
    list[*n].skip = skip;
    list[*n].modified = modified;
    (*n)++;
}

static void add_time(clues *c, const xmlNode *n, bool skip)
{
    if (c->ntimes >= MAX_TIMES)
        return;
    timeel *t = &c->times[c->ntimes++];
    const char *cls = attr(n, "class");
    const char *ip = attr(n, "itemprop");
    t->datetime = attr(n, "datetime");
    t->text = text_of(c->a, n, BOX_TEXT);
    t->modified = has_ci(cls, "updat") || has_ci(cls, "modif") || has_ci(ip, "modif");
    t->pub = xmlHasProp(n, (const xmlChar *)"pubdate") || has_ci(ip, "datepublished") ||
             has_ci(cls, "publish") || has_ci(cls, "pubdate") || has_ci(cls, "entry-date") ||
             has_ci(cls, "post-date");
    t->pub = t->pub && !t->modified;
    t->skip = skip;
}

/* What an element tells; false when its subtree holds nothing more. */
static bool enter(clues *c, xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return false;
    if (name_is(n, "script")) {
        const char *type = attr(n, "type");
        if (type && has_ci(type, "ld+json") && c->nld < MAX_LD) {
            sr_buf b;
            sr_buf_init(&b);
            for (const xmlNode *k = n->children; k; k = k->next)
                if (k->content)
                    sr_buf_puts(&b, (const char *)k->content);
            if (b.len)
                sr_jsonld_scan(b.data, b.len, c->a, &c->ld);
            sr_buf_free(&b);
            c->nld++;
        } else if (!c->script_date && c->skip == 0 && n->children &&
                   n->children->content && !n->children->next) {
            /* the only scripts with content left are short ones that hold
             * a date: showDate("2020/04/17 01:43:09") */
            const char *t = (const char *)n->children->content;
            c->script_date = sr_arena_strndup(c->a, t, strlen(t));
        }
        return false;
    }
    if (hidden_element(n))
        return false;
    if (name_is(n, "meta")) {
        add_meta(c, n);
        return false;
    }
    if (name_is(n, "link")) {
        const char *rel = attr(n, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0 && !c->canonical)
            c->canonical = attr(n, "href");
        return false;
    }
    if (name_is(n, "title")) {
        if (!c->title)
            c->title = text_of(c->a, n, 2048);
        return false;
    }
    if (name_is(n, "html") && !c->html_lang) {
        c->html_lang = attr(n, "lang");
        if (!c->html_lang)
            c->html_lang = attr(n, "xml:lang");
    }
    const char *cls = NULL, *id = NULL, *ip = NULL, *rel = NULL, *testid = NULL;
    for (const xmlAttr *p = n->properties; p; p = p->next) {
        const char *an = (const char *)p->name;
        const char *v = p->children && p->children->type == XML_TEXT_NODE && !p->children->next
                            ? (const char *)p->children->content : NULL;
        if (strcmp(an, "class") == 0)
            cls = v;
        else if (strcmp(an, "id") == 0)
            id = v;
        else if (strcmp(an, "itemprop") == 0)
            ip = v;
        else if (strcmp(an, "rel") == 0)
            rel = v;
        else if (strcmp(an, "data-testid") == 0)
            testid = v;
    }
    unsigned flags = classify_cached(c, cls) | classify_cached(c, id);
    bool furn = furniture_element(n, flags);
    bool skip = c->skip > 0 || furn;
    if (furn) {
        c->skip++;
        ((xmlNode *)n)->_private = (void *)1;   /* for leave() */
    }
    if (name_is(n, "h1"))
        add_box(c->a, c->h1, &c->nh1, MAX_H1, n, skip, false);
    else if ((flags & NAME_HEADLINE) && !skip && !name_is(n, "body") && !name_is(n, "html"))
        add_box(c->a, c->heads, &c->nheads, MAX_H1, n, skip, false);
    if (name_is(n, "time"))
        add_time(c, n, skip);
    if (ip && strcasecmp(ip, "datePublished") == 0 && !c->itemprop_date) {
        c->itemprop_date = attr(n, "content");
        if (!c->itemprop_date)
            c->itemprop_date = attr(n, "datetime");
        if (!c->itemprop_date)
            c->itemprop_date = text_of(c->a, n, BOX_TEXT);
    }
    bool outer = name_is(n, "body") || name_is(n, "html") || name_is(n, "article");
    bool author = (ip && strcasecmp(ip, "author") == 0) ||
                  (rel && has_ci(rel, "author") && name_is(n, "a")) ||
                  ((flags & NAME_AUTHOR) && !(flags & NAME_NOT_AUTHOR));
    if (author && !outer)
        add_box(c->a, c->authors, &c->nauthors, MAX_AUTHORS, n, skip, false);
    if (!outer && ((flags & NAME_DATE) || (classify_cached(c, testid) & NAME_DATE)))
        add_box(c->a, c->dates, &c->ndates, MAX_BOXES, n, skip, (flags & NAME_UPDATED) != 0);
    return true;
}

static void leave(clues *c, xmlNode *n)
{
    if (n->type == XML_ELEMENT_NODE && n->_private == (void *)1) {
        n->_private = NULL;
        if (c->skip)
            c->skip--;
    }
}

static void gather(clues *c, xmlNode *root)
{
    xmlNode *n = root;
    while (n) {
        bool down = enter(c, n);
        if (down && n->children) {
            n = n->children;
            continue;
        }
        if (down)
            leave(c, n);
        while (n != root && !n->next) {
            n = n->parent;
            leave(c, n);
        }
        if (n == root)
            break;
        n = n->next;
    }
}

static const char *meta(const clues *c, const char *key)
{
    for (unsigned i = 0; i < c->nmetas; i++)
        if (strcmp(c->metas[i].key, key) == 0 && c->metas[i].val[0])
            return c->metas[i].val;
    return NULL;
}

/* ---- outlet and host ----------------------------------------------------- */

/* The host of a URL without "www." / "m." ; NULL if none. */
static char *host_of(sr_arena *a, const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    if (!p)
        return NULL;
    p += 3;
    size_t n = strcspn(p, "/?#:");
    const char *at = memchr(p, '@', n);
    if (at) {
        n -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    if (n > 4 && strncasecmp(p, "www.", 4) == 0) {
        p += 4;
        n -= 4;
    } else if (n > 2 && strncasecmp(p, "m.", 2) == 0) {
        p += 2;
        n -= 2;
    }
    if (!n)
        return NULL;
    char *h = sr_arena_strndup(a, p, n);
    for (char *q = h; *q; q++)
        if (*q >= 'A' && *q <= 'Z')
            *q = (char)(*q - 'A' + 'a');
    return h;
}

/* "nzz" of "nzz.ch", "washingtonpost" of "washingtonpost.com". */
static char *host_label(sr_arena *a, const char *host)
{
    if (!host)
        return NULL;
    const char *dot = strrchr(host, '.');
    if (!dot)
        return fold_key(a, host);
    const char *start = dot;
    while (start > host && start[-1] != '.')
        start--;
    if (start == dot)
        return fold_key(a, host);
    /* co.uk, com.br: take the label before */
    if (dot - start <= 3 && start > host) {
        const char *s2 = start - 1;
        while (s2 > host && s2[-1] != '.')
            s2--;
        if (start - 1 - s2 > 3)
            return fold_key(a, sr_arena_strndup(a, s2, (size_t)(start - 1 - s2)));
    }
    return fold_key(a, sr_arena_strndup(a, start, (size_t)(dot - start)));
}

static const char *choose_outlet(clues *c, const char *url)
{
    const char *cands[] = {
        meta(c, "og:site_name"), c->ld.publisher, c->ld.site_name,
        meta(c, "application-name"), meta(c, "publisher"),
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(cands); i++) {
        char *v = clean(c->a, cands[i]);
        if (v && !looks_like_url(v) && strlen(v) < 120)
            return v;
    }
    return host_of(c->a, url);
}

/* ---- title --------------------------------------------------------------- */

static bool sep_at(const char *s, size_t *len)
{
    static const char *const seps[] = {
        " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
        " \xE2\x80\xA2 ", " \xC2\xBB ", " / ", " \xE2\x80\xBA ", " : ",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(seps); i++) {
        size_t l = strlen(seps[i]);
        if (strncmp(s, seps[i], l) == 0) {
            *len = l;
            return true;
        }
    }
    /* "Title |Outlet", "Title| Outlet" */
    if (s[0] == '|' || (s[0] == ' ' && s[1] == '|')) {
        *len = s[0] == '|' ? 1 : 2;
        if (s[*len] == ' ')
            (*len)++;
        return true;
    }
    return false;
}

/* Whether a separator is a dash or colon, which headlines use themselves. */
static bool dash_sep(const char *s)
{
    return strncmp(s, " - ", 3) == 0 || strncmp(s, " \xE2\x80\x93 ", 5) == 0 ||
           strncmp(s, " \xE2\x80\x94 ", 5) == 0 || strncmp(s, " : ", 3) == 0 ||
           strncmp(s, " / ", 3) == 0;
}

/* Whether a title segment is the site's name. */
/* Whether a text is the site's name. `edge`: it is a segment at the edge
 * of a page title ("Story | DOBSZAYs Ansichten"), where any mention of the
 * host's name gives it away; elsewhere (an <h1>, a headline box) the host's
 * name must make up most of it ("Energy crisis: ..." on energy.example is
 * a headline). */
static bool is_site_name_at(sr_arena *a, const char *seg, size_t n, const char *outlet,
                            const char *label, bool edge)
{
    char *k = fold_key(a, sr_arena_strndup(a, seg, n));
    if (!k[0])
        return true;
    char *o = fold_key(a, outlet);
    if (o[0] && (strcmp(k, o) == 0 || (strlen(o) >= 4 && strstr(k, o) && strlen(k) < strlen(o) + 12) ||
                 (strlen(k) >= 4 && strstr(o, k))))
        return true;
    /* the host's name, alone or with a little around it ("nzzch",
     * "derfarangcom", "bizwestmedia"), or a part of it */
    size_t kl = strlen(k), ll = label ? strlen(label) : 0;
    if (edge && ll >= 3 && strstr(k, label))
        return true;
    if (ll >= 3 && kl <= ll + 12 &&
        (strncmp(k, label, ll) == 0 || (kl >= ll && strcmp(k + kl - ll, label) == 0)))
        return true;
    if (ll >= 3 && kl >= 4 && strstr(label, k))
        return true;
    return false;
}

static bool is_site_name(sr_arena *a, const char *seg, size_t n, const char *outlet,
                         const char *label)
{
    return is_site_name_at(a, seg, n, outlet, label, false);
}

/* Remove the outlet's name from the start or the end of a title: "Story |
 * Outlet", "Outlet - Story", "Story - Section - Outlet". */
static char *strip_site(sr_arena *a, const char *t, const char *outlet, const char *label)
{
    if (!t)
        return NULL;
    size_t n = strlen(t);
    /* positions of separators */
    size_t pos[16], lens[16], k = 0;
    for (size_t i = 0; i < n && k < 16; i++) {
        size_t l;
        if (sep_at(t + i, &l)) {
            pos[k] = i;
            lens[k] = l;
            k++;
            i += l - 1;
        }
    }
    if (!k)
        return (char *)t;
    size_t start = 0, end = n;
    /* from the end: drop trailing segments that name the site (and the
     * section names between the story and them) */
    for (size_t j = k; j-- > 0;) {
        const char *seg = t + pos[j] + lens[j];
        if (is_site_name_at(a, seg, end - (pos[j] + lens[j]), outlet, label, true)) {
            end = pos[j];
            break;
        }
    }
    if (end == n && is_site_name_at(a, t, pos[0], outlet, label, true))
        start = pos[0] + lens[0];
    if (end <= start)
        return (char *)t;
    /* Separators that headlines do not use themselves (pipes, bullets,
     * guillemets) part the story from sections and slogans: keep the first
     * piece, unless a later one is clearly longer ("Blog Archive » Story"). */
    size_t best_s = start, best_e = end, first_len = 0;
    bool first = true;
    size_t piece = start;
    for (size_t j = 0; j <= k; j++) {
        bool last = j == k;
        if (!last && (pos[j] < start || pos[j] >= end || dash_sep(t + pos[j])))
            continue;
        size_t pe = last ? end : pos[j];
        size_t len = pe > piece ? pe - piece : 0;
        if (first) {
            best_s = piece;
            best_e = pe;
            first_len = len;
            first = false;
        } else if (len * 4 > first_len * 5 && len > best_e - best_s) {
            best_s = piece;
            best_e = pe;
        }
        if (!last)
            piece = pos[j] + lens[j];
    }
    char *r = collapse(a, t + best_s, best_e - best_s);
    return r ? r : (char *)t;
}

/* The folded words of s, each surrounded by spaces: " w1 w2 ... ". */
static char *word_keys(sr_arena *a, const char *s)
{
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_putc(&b, ' ');
    const char *p = s;
    while (p && *p) {
        while (*p && ws((unsigned char)*p))
            p++;
        const char *e = p;
        while (*e && !ws((unsigned char)*e))
            e++;
        if (e > p) {
            char *w = fold_key(a, sr_arena_strndup(a, p, (size_t)(e - p)));
            if (w[0]) {
                sr_buf_puts(&b, w);
                sr_buf_putc(&b, ' ');
            }
        }
        p = e;
    }
    char *r = sr_arena_strndup(a, b.data, b.len);
    sr_buf_free(&b);
    return r;
}

/* Share of the words of `a` that are words of `b`; *nwords receives the
 * number of words of a. */
static double overlap(sr_arena *ar, const char *a, const char *b, unsigned *nwords)
{
    *nwords = 0;
    if (!a || !b)
        return 0;
    char *ka = word_keys(ar, a), *kb = word_keys(ar, b);
    unsigned total = 0, hit = 0;
    for (char *p = ka + 1; *p;) {
        char *e = strchr(p, ' ');
        size_t len = (size_t)(e - p);
        char *w = sr_arena_alloc(ar, len + 3);
        w[0] = ' ';
        memcpy(w + 1, p, len);
        w[len + 1] = ' ';
        total++;
        if (strstr(kb, w))
            hit++;
        p = e + 1;
    }
    *nwords = total;
    return total ? (double)hit / total : 0;
}

/* Whether t is the first or last segment of the page's <title> or
 * og:title and that segment names the site (a logo <h1> repeating it). */
static bool title_edge_site(clues *c, const char *t, const char *outlet, const char *label)
{
    sr_arena *a = c->a;
    const char *titles[] = {c->title, meta(c, "og:title")};
    char *kt = fold_key(a, t);
    for (size_t i = 0; i < SR_ARRAY_LEN(titles); i++) {
        const char *s = clean(a, titles[i]);
        size_t n = s ? strlen(s) : 0, first_end = n, last_start = 0, l;
        for (size_t j = 0; j < n; j++) {
            if (!sep_at(s + j, &l))
                continue;
            if (first_end == n)
                first_end = j;
            last_start = j + l;
            j += l - 1;
        }
        if (first_end == n)
            continue;   /* no separator: the whole title is no edge */
        if ((strcmp(fold_key(a, sr_arena_strndup(a, s, first_end)), kt) == 0 &&
             is_site_name_at(a, s, first_end, outlet, label, true)) ||
            (strcmp(fold_key(a, s + last_start), kt) == 0 &&
             is_site_name_at(a, s + last_start, n - last_start, outlet, label, true)))
            return true;
    }
    return false;
}

/* Whether `m` ends `h` after something that reads as a kicker ("Local
 * News | Story", "Kicker: Story"), and is most of it. */
static bool kicker_before(const char *h, const char *m)
{
    size_t hl = strlen(h), ml = strlen(m);
    if (ml >= hl || ml * 2 < hl || strcmp(h + hl - ml, m) != 0)
        return false;
    const char *p = h + hl - ml;
    if (p == h || p[-1] != ' ')
        return false;
    while (p > h && p[-1] == ' ')
        p--;
    return p > h;
}

static const char *choose_title(clues *c, const char *outlet, const char *label)
{
    sr_arena *a = c->a;
    const char *raw[] = {
        meta(c, "og:title"), c->ld.headline, meta(c, "twitter:title"),
        meta(c, "dc.title"), meta(c, "title"), c->title,
    };
    const char *metas[SR_ARRAY_LEN(raw)];
    const char *best_meta = NULL;
    sr_buf ref;
    sr_buf_init(&ref);
    for (size_t i = 0; i < SR_ARRAY_LEN(raw); i++) {
        metas[i] = strip_site(a, clean(a, raw[i]), outlet, label);
        if (metas[i]) {
            if (!best_meta)
                best_meta = metas[i];
            sr_buf_puts(&ref, metas[i]);
            sr_buf_putc(&ref, ' ');
        }
    }
    static const char *const descs[] = {"description", "og:description",
                                        "twitter:description"};
    for (size_t i = 0; i < SR_ARRAY_LEN(descs); i++) {
        const char *d = clean(a, meta(c, descs[i]));
        if (d) {
            sr_buf_puts(&ref, d);
            sr_buf_putc(&ref, ' ');
        }
    }
    const char *refs = ref.len ? sr_arena_strndup(a, ref.data, ref.len) : NULL;
    sr_buf_free(&ref);

    /* The page's own headline: the <h1> (outside furniture if there is
     * one) whose words the metadata titles and descriptions share most;
     * not the site's logo. A lone long <h1> needs less agreement. */
    const char *h1 = NULL;
    for (int pass = 0; pass < 2 && !h1; pass++) {
        double best = 0;
        unsigned cands = 0, best_words = 0;
        for (unsigned i = 0; i < c->nh1; i++) {
            if (c->h1[i].skip != (pass == 1))
                continue;
            const char *t = strip_site(a, c->h1[i].text, outlet, label);
            if (is_site_name(a, t, strlen(t), outlet, label) ||
                title_edge_site(c, t, outlet, label))
                continue;
            cands++;
            for (size_t j = 0; j < SR_ARRAY_LEN(metas); j++)
                if (metas[j] && strcmp(metas[j], t) == 0)
                    return t;
            unsigned words;
            double sc = overlap(a, t, refs, &words);
            if (words >= 2 && sc > best + 1e-9) {
                best = sc;
                best_words = words;
                h1 = t;
            }
        }
        if (!(best >= 0.5 || (cands == 1 && best_words >= 4 && best >= 0.2)))
            h1 = NULL;
    }
    if (h1) {
        for (size_t j = 0; j + 1 < SR_ARRAY_LEN(metas); j++)
            if (metas[j] && kicker_before(h1, metas[j]))
                return metas[j];
        return h1;
    }
    /* Only the <title> speaks, and no <h1>: an element classed as the
     * headline ("entry-title", "headline") that is not just the site's or
     * the section's name is the page's own. */
    bool only_title = true;
    for (size_t j = 0; j + 1 < SR_ARRAY_LEN(metas); j++)
        only_title = only_title && !metas[j];
    if (only_title && c->nh1 == 0) {
        for (unsigned i = 0; i < c->nheads; i++) {
            const char *t = c->heads[i].text;
            unsigned words = 1;
            for (const char *q = t; *q; q++)
                words += *q == ' ';
            if (words >= 3 && strlen(t) < 300 && !is_site_name(a, t, strlen(t), outlet, label))
                return t;
        }
    }
    return best_meta;
}

/* ---- published ----------------------------------------------------------- */

static bool parse_meta_date(const char *s, sr_date *d)
{
    return s && sr_date_parse(s, strlen(s), d);
}

/* The publication-time <meta> tags, most specific first. */
static const char *const pub_keys[] = {
    "article:published_time", "og:article:published_time", "article:published",
    "datepublished", "published_time", "og:published_time", "article.published",
    "publishdate", "publish-date", "publish_date", "pubdate", "pub_date",
    "publication_date", "publication-date", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "dc.date", "dcterms.date", "citation_publication_date", "citation_date",
    "citation_online_date", "bt:pubdate", "cxenseparse:recs:publishtime",
    "article_date_original", "originalpublicationdate", "date", "datecreated",
    "created", "release_date", "uploaddate", "outbrain-date",
};

/* The listed tags (specific), or any other tag whose name says it holds a
 * publication date (!specific). */
static bool meta_pub_date(const clues *c, sr_date *d, bool specific)
{
    if (specific) {
        for (size_t i = 0; i < SR_ARRAY_LEN(pub_keys); i++)
            if (parse_meta_date(meta(c, pub_keys[i]), d))
                return true;
        return false;
    }
    /* any other "...pub...date..." / "...publish..." key that is not about
     * a modification */
    for (unsigned i = 0; i < c->nmetas; i++) {
        const char *k = c->metas[i].key;
        if (!(strstr(k, "publish") || (strstr(k, "pub") && strstr(k, "date"))))
            continue;
        if (strstr(k, "modif") || strstr(k, "updat") || strstr(k, "expir") ||
            strstr(k, "last") || strstr(k, "edit"))
            continue;
        if (parse_meta_date(c->metas[i].val, d))
            return true;
    }
    return false;
}

static bool text_date(const char *t, const char *lang, sr_date *d)
{
    return t && sr_date_find(t, strlen(t), lang, SR_DATE_MIN_TEXT_YEAR, d, NULL, NULL);
}

/* A date from what the reader sees: the first date-like element that is
 * not an "updated" line, else the first that is; in furniture (related
 * stories, comments) only when `furniture` is set. */
static bool visible_date(const clues *c, const char *lang, bool furniture, sr_date *d)
{
    for (int pass = 0; pass < 2; pass++)
        for (unsigned i = 0; i < c->ndates; i++)
            if (c->dates[i].skip == furniture && c->dates[i].modified == (pass == 1) &&
                text_date(c->dates[i].text, lang, d))
                return true;
    return false;
}

static bool utc(const sr_date *d)
{
    return d->has_time && d->has_tz && d->tz_min == 0;
}

/* The date the page's structured data gives for its publication. */
static bool structured_date(const clues *c, const char *lang, sr_date *d)
{
    if (parse_meta_date(c->ld.date_published, d) || meta_pub_date(c, d, true) ||
        parse_meta_date(c->itemprop_date, d) || parse_meta_date(c->ld.date_created, d) ||
        meta_pub_date(c, d, false) || parse_meta_date(c->ld.any_date, d))
        return true;
    for (unsigned i = 0; i < c->ntimes; i++)
        if (c->times[i].pub && !c->times[i].skip &&
            (parse_meta_date(c->times[i].datetime, d) ||
             text_date(c->times[i].text, lang, d)))
            return true;
    return false;
}

/* Any <time> outside furniture, by its datetime or its text. */
static bool any_time(const clues *c, const char *lang, sr_date *d)
{
    for (unsigned i = 0; i < c->ntimes; i++)
        if (!c->times[i].skip && !c->times[i].modified &&
            (parse_meta_date(c->times[i].datetime, d) ||
             text_date(c->times[i].text, lang, d)))
            return true;
    return false;
}

/* Whether an address asks for one revision of a wiki page (MediaWiki's
 * "index.php?title=...&diff=...&oldid=..."): such a view is dated by the
 * revision it shows, not by the page's creation. */
static bool revision_view(const char *url)
{
    const char *q = url ? strchr(url, '?') : NULL;
    if (!q)
        return false;
    for (const char *p = q; (p = strpbrk(p, "?&")) != NULL; p++)
        if (strncmp(p + 1, "diff=", 5) == 0 || strncmp(p + 1, "oldid=", 6) == 0)
            return true;
    return false;
}

/* `url` is the page's address, `canonical` the one it gives itself (either
 * may be NULL): a full date in either counts. */
static bool page_date(clues *c, const sr_doc *doc, const char *url,
                      const char *canonical, const char *lang, sr_date *out)
{
    sr_date d, url_d, vis_d;
    bool from_url = (url && sr_date_from_url(url, &url_d)) ||
                    (canonical && sr_date_from_url(canonical, &url_d));
    bool from_vis = visible_date(c, lang, false, &vis_d);
    bool have = structured_date(c, lang, &d);
    if (have && utc(&d)) {
        /* A UTC stamp a day away from the local date the page shows, at an
         * hour where the two can differ in a populated time zone (west of
         * UTC by up to 8 hours, east by up to 10): the CMS stored UTC, the
         * reader saw the local date. */
        const sr_date *local = from_url ? &url_d : from_vis ? &vis_d : NULL;
        int32_t gap = local ? sr_date_days(local) - sr_date_days(&d) : 0;
        if ((gap == -1 && d.hh < 8) || (gap == 1 && d.hh >= 14))
            d = *local;
    }
    if (!have && from_url) {
        d = url_d;
        have = true;
    }
    if (!have && from_vis) {
        d = vis_d;
        have = true;
    }
    if (!have)
        have = any_time(c, lang, &d);
    if (!have && doc->body_len) {
        /* a date at the top of the article's own text */
        size_t n = doc->body_len < 2000 ? doc->body_len : 2000;
        have = sr_date_find(doc->body, n, lang, SR_DATE_MIN_TEXT_YEAR, &d, NULL, NULL);
    }
    if (!have)
        have = visible_date(c, lang, true, &d);   /* in furniture */
    if (!have)
        have = text_date(c->script_date, lang, &d);   /* written by a script */
    if (have)
        *out = d;
    return have;
}

static const char *choose_published(clues *c, const sr_doc *doc, const char *url,
                                    const char *canonical, const char *lang)
{
    sr_date d;
    bool have = revision_view(url) &&
                (parse_meta_date(c->ld.date_modified, &d) ||
                 parse_meta_date(meta(c, "article:modified_time"), &d));
    if (!have && !page_date(c, doc, url, canonical, lang, &d))
        return NULL;
    char iso[32];
    sr_date_format(&d, iso);
    return sr_arena_strdup(doc->arena, iso);
}

/* ---- byline -------------------------------------------------------------- */

/* Words that introduce a byline ("By", "Von", "Par", "Autor:") or lead up
 * to it ("Posted on ... by"). */
static const char *const byline_labels[] = {
    "written by", "posted by", "published by", "reported by", "words by",
    "story by", "text by", "verfasst von", "geschrieben von", "ein beitrag von",
    "escrito por", "publicado por", "publié par", "by", "von", "par", "por",
    "door", "di", "av", "af", "autor", "autorin", "autoren", "author", "authors",
    "auteur", "autore", "verfasser", "texto", "text", "texte", "redazione",
    "artikel von", "piše", "pisze", "napisał", "автор", "Автор", "авторы", "Авторы",
    "yazar", "tekst",
};
static const char *const byline_lead[] = {
    "posted", "published", "written", "updated", "on", "am", "le", "el", "il",
    "veröffentlicht", "aktualisiert", "publié", "publicado", "publicada",
    "erstellt", "stand",
};

/* The length of the label or lead word that t starts with (with a colon
 * and spaces after it), or 0. */
static size_t label_at(const char *t, bool lead_too)
{
    for (int list = 0; list < (lead_too ? 2 : 1); list++) {
        const char *const *words = list ? byline_lead : byline_labels;
        size_t nw = list ? SR_ARRAY_LEN(byline_lead) : SR_ARRAY_LEN(byline_labels);
        for (size_t i = 0; i < nw; i++) {
            size_t l = strlen(words[i]);
            if (strncasecmp(t, words[i], l) == 0 &&
                (t[l] == ' ' || t[l] == ':' || t[l] == '\0')) {
                while (t[l] == ' ' || t[l] == ':')
                    l++;
                return l;
            }
        }
    }
    return 0;
}

/* Words that are buttons and placeholders, not names. */
static bool ui_word(const char *t)
{
    static const char *const words[] = {
        "follow", "folgen", "share", "teilen", "subscribe", "abonnieren",
        "more", "mehr", "profile", "profil", "contact", "kontakt", "email",
        "e-mail", "twitter", "facebook", "no author", "unknown", "admin",
        "anonymous", "read more", "suivre", "seguir", "posted", "published",
        "unsubscribe", "subscribe", "kommentare", "comments",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(words); i++)
        if (strcasecmp(t, words[i]) == 0)
            return true;
    return false;
}

/* Trim connectors and punctuation at the end of a name: "John Smith on",
 * "Jane Doe,". A final period stays after an initial ("Gutierrez C."). */
static void trim_tail(char *t)
{
    static const char *const tails[] = {" on", " am", " le", " el", " il", " em",
                                        " publié", " publicado", " posted", " at",
                                        " in", " und", " and", " et", " y"};
    size_t n = strlen(t);
    for (bool again = true; again && n;) {
        again = false;
        while (n && (t[n - 1] == ' ' || t[n - 1] == ',' || t[n - 1] == ':' ||
                     t[n - 1] == '|' || t[n - 1] == '-' || t[n - 1] == '/' ||
                     t[n - 1] == '(' || t[n - 1] == ';'))
            n--;
        if (n >= 3 && (unsigned char)t[n - 3] == 0xE2 && (unsigned char)t[n - 2] == 0x80 &&
            ((unsigned char)t[n - 1] == 0x93 || (unsigned char)t[n - 1] == 0x94)) {
            n -= 3;                           /* a trailing en or em dash */
            again = true;
            continue;
        }
        if (n >= 3 && t[n - 1] == '.' && t[n - 2] >= 'a' && t[n - 2] <= 'z' &&
            t[n - 3] >= 'a' && t[n - 3] <= 'z') {
            n--;
            again = true;
        }
        for (size_t i = 0; i < SR_ARRAY_LEN(tails); i++) {
            size_t l = strlen(tails[i]);
            if (n > l && strncasecmp(t + n - l, tails[i], l) == 0) {
                n -= l;
                again = true;
            }
        }
    }
    t[n] = '\0';
}

/* Cut t at what starts another field: a separator, "Updated", a
 * ", Label:" pair, a relative time ("3 hours ago"), a weekday ("on
 * Monday"). */
static void cut_fields(char *t)
{
    static const char *const weekdays[] = {" on Monday", " on Tuesday", " on Wednesday",
                                           " on Thursday", " on Friday", " on Saturday",
                                           " on Sunday"};
    for (size_t i = 0; i < SR_ARRAY_LEN(weekdays); i++) {
        char *p = strstr(t, weekdays[i]);
        if (p && p > t)
            *p = '\0';
    }
    char *ago = strstr(t, " ago");
    if (ago && (ago[4] == '\0' || ago[4] == ' ' || ago[4] == ',')) {
        /* back over "<n> <unit>" */
        char *p = ago;
        while (p > t && p[-1] != ' ')
            p--;                              /* the unit */
        if (p > t)
            p--;
        while (p > t && p[-1] >= '0' && p[-1] <= '9')
            p--;                              /* the number */
        if (p > t && p < ago && *p >= '0' && *p <= '9')
            *p = '\0';
    }
    static const char *const cuts[] = {"|", "\xE2\x80\xA2", "\xC2\xB7", " - ",
                                       " \xE2\x80\x93 ", " \xE2\x80\x94 ", "Updated",
                                       "Published", "Aktualisiert", "Veröffentlicht",
                                       " Datum", " Date:", " Fecha", " Foto", " Photo",
                                       " Bild:", " Otros art", " More from", " More by",
                                       " More articles", " Weitere Artikel", " Alle Artikel",
                                       " View all", " See all", " Read more", " Follow",
                                       " prije ", " przed ", " Kommentare", " Kommentar",
                                       " Comments", " Subscribe", " Unsubscribe"};
    for (size_t i = 0; i < SR_ARRAY_LEN(cuts); i++) {
        char *p = strstr(t, cuts[i]);
        if (p && p > t)
            *p = '\0';
    }
    /* ", Something:" */
    for (char *p = strchr(t, ','); p; p = strchr(p + 1, ',')) {
        char *q = p + 1;
        while (*q == ' ')
            q++;
        char *e = q;
        while (*e && *e != ' ' && *e != ':' && *e != ',')
            e++;
        if (*e == ':' && e > q) {
            *p = '\0';
            break;
        }
    }
}

/* Whether a cleaned string can be a person's or a desk's name. */
static bool name_like(const char *t)
{
    size_t n = strlen(t), words = 1;
    bool letter = false, space = false;
    for (const char *p = t; *p; p++) {
        words += *p == ' ';
        space = space || *p == ' ';
        letter = letter || ((unsigned char)*p >= 0x80) || (*p >= 'A' && *p <= 'Z') ||
                 (*p >= 'a' && *p <= 'z');
    }
    if (!n || !letter || n > 100 || words > 10 || ui_word(t))
        return false;
    if (strchr(t, '@') || strstr(t, "[at]") || strstr(t, "(at)") || looks_like_url(t))
        return false;
    /* a form's label ("Name *"), a placeholder ("Loading..."), a photo
     * credit ("Foto: ...") */
    if (t[n - 1] == '*' || strstr(t, "...") || strstr(t, "\xE2\x80\xA6"))
        return false;
    static const char *const credits[] = {"foto", "photo", "фото", "Фото", "ФОТО", "bild",
                                          "image", "picture", "credit"};
    for (size_t i = 0; i < SR_ARRAY_LEN(credits); i++) {
        size_t l = strlen(credits[i]);
        if (strncasecmp(t, credits[i], l) == 0 && (t[l] == ':' || t[l] == ' '))
            return false;
    }
    (void)space;
    return true;
}

/* The name in a byline-ish text: "By Jane Doe and John Roe, Reuters",
 * "Posted on 21 Sept 2020 by Jane Doe", "Autor: Jane Doe, Datum: ...".
 * NULL when nothing name-like is left. */
static char *clean_byline(sr_arena *a, const char *s, const char *lang)
{
    char *t = clean(a, s);
    if (!t)
        return NULL;
    /* the date splits the text; the name is before it unless only labels
     * are ("Posted on <date> by <name>") */
    sr_date d;
    size_t at, end;
    char *after = NULL;
    if (sr_date_find(t, strlen(t), lang, 1990, &d, &at, &end)) {
        after = t + end;
        t[at] = '\0';
    }
    for (int side = 0; side < 2; side++) {
        char *u = side == 0 ? t : after;
        if (!u)
            continue;
        u = sr_arena_strdup(a, u);
        cut_fields(u);
        while (*u == ' ' || *u == ',' || *u == '|')
            u++;
        for (size_t l; (l = label_at(u, true)) > 0;)
            u += l;
        /* an unmatched parenthesis left by a cut: "(Abu Dhabi - Outlet)" */
        while (*u == '(' && !strchr(u, ')'))
            u++;
        trim_tail(u);
        size_t ul = strlen(u);
        if (ul && u[ul - 1] == ')' && !strchr(u, '(')) {
            u[ul - 1] = '\0';
            trim_tail(u);
        }
        if (name_like(u))
            return u;
    }
    return NULL;
}

/* Whether t[0..n) holds nothing but dates, numbers, punctuation and lead
 * words ("Posted on September 21, 2020"). */
static bool only_lead(sr_arena *a, const char *t, size_t n, const char *lang)
{
    char *u = sr_arena_strndup(a, t, n);
    sr_date d;
    size_t at, end;
    while (sr_date_find(u, strlen(u), lang, 1990, &d, &at, &end))
        memset(u + at, ' ', end - at);
    for (char *p = u; *p;) {
        size_t l = label_at(p, true);
        if (l) {
            p += l;
            continue;
        }
        if ((unsigned char)*p >= 0x80 || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
            return false;
        p++;
    }
    return true;
}

/* A byline introduced by a label word somewhere in a line: "Posted on
 * September 21, 2020 by Adi Tzlil", "Autor Nikolai Huke". */
static char *labelled_byline(sr_arena *a, const char *text, const char *lang)
{
    if (!text || strlen(text) > 200)
        return NULL;
    for (const char *p = text; *p; p++) {
        if (p != text && p[-1] != ' ')
            continue;
        size_t l = label_at(p, false);
        if (l && p[l])
            return only_lead(a, text, (size_t)(p - text), lang) ? clean_byline(a, p + l, lang)
                                                                : NULL;
    }
    return NULL;
}

/* Names that belong to the site rather than to a writer. */
typedef struct site_names {
    const char *names[12];   /* as written */
    const char *keys[12];    /* word keys (" w1 w2 ") */
    unsigned n;
    const char *label;       /* host label, folded */
} site_names;

static void add_site_name(sr_arena *a, site_names *s, const char *name)
{
    if (!name || s->n >= SR_ARRAY_LEN(s->keys) || looks_like_url(name))
        return;
    char *k = word_keys(a, name);
    if (k[1]) {
        s->names[s->n] = name;
        s->keys[s->n++] = k;
    }
}

/* The site's own names: og:site_name, the publisher, and the parts of the
 * page titles that are not the headline ("Story | Jobs & Hire"), then the
 * outlet. */
static void gather_site_names(clues *c, const char *outlet, const char *label,
                              const char *title, site_names *s)
{
    sr_arena *a = c->a;
    s->label = label;
    add_site_name(a, s, clean(a, meta(c, "og:site_name")));
    add_site_name(a, s, clean(a, c->ld.publisher));
    add_site_name(a, s, clean(a, c->ld.site_name));
    const char *titles[] = {c->title, meta(c, "og:title")};
    char *kt = title ? fold_key(a, title) : NULL;
    for (size_t i = 0; i < SR_ARRAY_LEN(titles); i++) {
        const char *t = clean(a, titles[i]);
        size_t piece = 0, n = t ? strlen(t) : 0;
        for (size_t j = 0; t && j <= n; j++) {
            size_t l = 0;
            if (j < n && !sep_at(t + j, &l))
                continue;
            char *seg = collapse(a, t + piece, j - piece);
            bool edge = piece == 0 || j == n;
            unsigned words = 1;
            for (const char *q = seg; q && *q; q++)
                words += *q == ' ';
            if (seg && edge && words <= 5 && kt && !strstr(kt, fold_key(a, seg)))
                add_site_name(a, s, seg);
            piece = j + l;
            if (l)
                j += l - 1;
        }
    }
    add_site_name(a, s, outlet);
}

/* Whether a name is the publisher's: a site name (or one with a few words
 * around it: "Outlet Staff"), the host, a company. */
static bool publisher_like(sr_arena *a, const char *name, const site_names *s)
{
    char *k = word_keys(a, name);
    size_t kw = 0;
    for (const char *p = k + 1; *p; p++)
        kw += *p == ' ';
    for (unsigned i = 0; i < s->n; i++) {
        size_t sw = 0;
        for (const char *p = s->keys[i] + 1; *p; p++)
            sw += *p == ' ';
        if (strstr(k, s->keys[i]) && kw <= sw + 2)
            return true;
    }
    if (s->label && s->label[0] && strcmp(fold_key(a, name), s->label) == 0)
        return true;
    static const char *const corp[] = {" gmbh", " ag", " inc", " ltd", " llc", " verlag",
                                       " s.a", " e.v", " corp"};
    for (size_t i = 0; i < SR_ARRAY_LEN(corp); i++) {
        const char *p = strcasestr(name, corp[i]);
        if (p && !((unsigned char)p[strlen(corp[i])] >= 'a' && (unsigned char)p[strlen(corp[i])] <= 'z'))
            return true;
    }
    return false;
}

/* Whether every name occurs in text (case-insensitively). */
static bool names_in(sr_arena *a, const char *text, const char *const *names, unsigned n)
{
    char *kt = fold_key(a, text);
    for (unsigned i = 0; i < n; i++) {
        char *kn = fold_key(a, names[i]);
        if (!kn[0] || !strstr(kt, kn))
            return false;
    }
    return n > 0;
}

/* The first name-like part of an author value that is not the site's
 * ("unocero - Alberto Ávila"). */
static char *meta_author(sr_arena *a, const char *v, const site_names *s, const char *lang)
{
    char *t = clean(a, v);
    if (!t || looks_like_url(t))
        return NULL;
    size_t piece = 0, n = strlen(t);
    for (size_t j = 0; j <= n; j++) {
        size_t l = 0;
        if (j < n && !sep_at(t + j, &l))
            continue;
        char *name = clean_byline(a, sr_arena_strndup(a, t + piece, j - piece), lang);
        /* not a handle ("gabor_munier"): the page will have the name */
        if (name && !publisher_like(a, name, s) && !(strchr(name, '_') && !strchr(name, ' ')))
            return name;
        piece = j + l;
        if (l)
            j += l - 1;
    }
    return NULL;
}

/* A byline paragraph: "Von Leonora Holling" (any label, near the top) or
 * "Autorin: Uta Staschewski, Projektleiterin ..." (a label with a colon,
 * also at the end). */
static char *byline_paragraph(sr_arena *a, const char *p, size_t len, bool top,
                              const site_names *s, const char *lang)
{
    if (len >= 120)
        return NULL;
    char *line = sr_arena_strndup(a, p, len);
    size_t l = label_at(line, false);
    if (!l || !line[l] || !(top || line[l - 1] == ':' || line[l - 2] == ':'))
        return NULL;
    char *name = clean_byline(a, line + l, lang);
    return name && !publisher_like(a, name, s) ? name : NULL;
}

/* A byline paragraph among the first six or the last ten of the body. */
static char *body_byline(sr_arena *a, const sr_doc *doc, const site_names *s,
                         const char *lang)
{
    const char *b = doc->body, *e = doc->body + doc->body_len;
    const char *p = b;
    for (int para = 0; para < 6 && p < e; para++) {
        const char *q = memmem(p, (size_t)(e - p), "\n\n", 2);
        if (!q)
            q = e;
        char *name = byline_paragraph(a, p, (size_t)(q - p), true, s, lang);
        if (name)
            return name;
        p = q + (q < e ? 2 : 0);
    }
    const char *q = e;
    for (int para = 0; para < 10 && q > b; para++) {
        const char *start = q;
        while (start > b && !(start - b >= 2 && start[-1] == '\n' && start[-2] == '\n'))
            start--;
        char *name = byline_paragraph(a, start, (size_t)(q - start), false, s, lang);
        if (name)
            return name;
        q = start - (start - b >= 2 ? 2 : 0);
        if (start == b)
            break;
    }
    return NULL;
}

static const char *choose_byline(clues *c, const sr_doc *doc, const site_names *site,
                                 const char *lang)
{
    sr_arena *a = c->a;
    /* structured names: JSON-LD authors, then author <meta> tags */
    const char *names[SR_LD_MAX_AUTHORS];
    unsigned nn = 0;
    for (unsigned i = 0; i < c->ld.nauthors; i++) {
        char *v = meta_author(a, c->ld.author[i], site, lang);
        if (v)
            names[nn++] = v;
    }
    static const char *const keys[] = {
        "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
        "dcterms.creator", "citation_author", "bt:author", "cxenseparse:author",
        "byl", "dable:author", "og:article:author", "itemprop:author",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(keys) && !nn; i++) {
        const char *v = meta(c, keys[i]);
        char *cv = v ? meta_author(a, v, site, lang) : NULL;
        if (cv)
            names[nn++] = cv;
    }
    /* the visible byline, when it names them all (any, when there are no
     * structured names) */
    for (unsigned i = 0; i < c->nauthors; i++) {
        if (c->authors[i].skip)
            continue;
        char *v = clean_byline(a, c->authors[i].text, lang);
        if (v && (nn ? names_in(a, v, names, nn) : !publisher_like(a, v, site)))
            return v;
    }
    if (nn) {
        sr_buf b;
        sr_buf_init(&b);
        for (unsigned i = 0; i < nn; i++) {
            if (i)
                sr_buf_puts(&b, ", ");
            sr_buf_puts(&b, names[i]);
        }
        char *r = sr_arena_strndup(a, b.data, b.len);
        sr_buf_free(&b);
        return r;
    }
    /* a "by ..." in a meta line, or a byline paragraph of the body */
    for (unsigned i = 0; i < c->ndates; i++) {
        char *v = c->dates[i].skip ? NULL : labelled_byline(a, c->dates[i].text, lang);
        if (v && !publisher_like(a, v, site))
            return v;
    }
    char *v = body_byline(a, doc, site, lang);
    if (v)
        return v;
    /* No writer is named: the page is the organisation's own (a company
     * blog, a press release, a personal site), so its name is the byline,
     * as the author tags give it or as the site calls itself. */
    for (unsigned i = 0; i < c->ld.nauthors; i++) {
        v = clean_byline(a, c->ld.author[i], lang);
        if (v)
            return v;
    }
    const char *m = meta(c, "author");
    v = m ? clean_byline(a, m, lang) : NULL;
    if (v)
        return v;
    for (unsigned i = 0; i < site->n; i++) {
        const char *n = site->names[i];
        bool host = strchr(n, '.') && !strchr(n, ' ');
        if (!host && name_like(n))
            return n;
    }
    return NULL;
}

/* ---- canonical URL ------------------------------------------------------- */

static const char *choose_url(clues *c, const char *url)
{
    const char *cands[] = {c->canonical, meta(c, "og:url")};
    for (size_t i = 0; i < SR_ARRAY_LEN(cands); i++) {
        if (!cands[i] || !cands[i][0])
            continue;
        xmlChar *abs_url = xmlBuildURI((const xmlChar *)cands[i], (const xmlChar *)url);
        const char *u = abs_url ? (const char *)abs_url : cands[i];
        bool ok = (starts_ci(u, "http://") || starts_ci(u, "https://"));
        if (ok) {
            /* a bare home page is a CMS default, not this article */
            const char *path = strchr(strstr(u, "://") + 3, '/');
            ok = path && path[1] != '\0';
        }
        char *r = ok ? collapse_str(c->a, u) : NULL;
        xmlFree(abs_url);
        if (r && !strchr(r, ' '))
            return r;
    }
    return url;
}

/* ---- language ------------------------------------------------------------ */

/* "en-US" -> "en"; NULL unless two or three letters lead. */
static bool lang_code(const char *s, char out[3])
{
    if (!s)
        return false;
    while (*s == ' ')
        s++;
    size_t n = 0;
    while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
        n++;
    if (n != 2 || (s[n] != '\0' && s[n] != '-' && s[n] != '_' && s[n] != ',' &&
                   s[n] != ' ' && s[n] != ';'))
        return false;
    out[0] = (char)(s[0] | 0x20);
    out[1] = (char)(s[1] | 0x20);
    out[2] = '\0';
    return true;
}

typedef enum { SCRIPT_NONE, SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPT_ARABIC,
               SCRIPT_CJK, SCRIPT_OTHER } script;

/* The script most letters of the text are written in. */
static script main_script(const char *s, size_t n)
{
    unsigned count[6] = {0};
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n && i < 4000;) {
        uint32_t c;
        size_t k = sr_utf8_decode(u + i, n - i, &c);
        if (!k) {
            i++;
            continue;
        }
        i += k;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c < 0x250))
            count[SCRIPT_LATIN]++;
        else if (c >= 0x400 && c < 0x530)
            count[SCRIPT_CYRILLIC]++;
        else if (c >= 0x600 && c < 0x700)
            count[SCRIPT_ARABIC]++;
        else if ((c >= 0x3040 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7B0))
            count[SCRIPT_CJK]++;
        else if (c >= 0x370 && c < 0x2000)
            count[SCRIPT_OTHER]++;
    }
    script best = SCRIPT_NONE;
    unsigned most = 20;
    for (int i = 1; i < 6; i++)
        if (count[i] > most) {
            most = count[i];
            best = (script)i;
        }
    return best;
}

static script script_of_lang(const char *l)
{
    static const char *const cyr[] = {"ru", "uk", "bg", "sr", "mk", "be", "kk", "mn"};
    static const char *const arab[] = {"ar", "fa", "ur", "ps"};
    static const char *const cjk[] = {"zh", "ja", "ko"};
    static const char *const other[] = {"el", "he", "hi", "bn", "ta", "te", "th",
                                        "ka", "hy", "am", "mr", "ne", "si", "km"};
    for (size_t i = 0; i < SR_ARRAY_LEN(cyr); i++)
        if (strcmp(l, cyr[i]) == 0)
            return SCRIPT_CYRILLIC;
    for (size_t i = 0; i < SR_ARRAY_LEN(arab); i++)
        if (strcmp(l, arab[i]) == 0)
            return SCRIPT_ARABIC;
    for (size_t i = 0; i < SR_ARRAY_LEN(cjk); i++)
        if (strcmp(l, cjk[i]) == 0)
            return SCRIPT_CJK;
    for (size_t i = 0; i < SR_ARRAY_LEN(other); i++)
        if (strcmp(l, other[i]) == 0)
            return SCRIPT_OTHER;
    return SCRIPT_LATIN;
}

static const char *choose_lang(clues *c, const sr_doc *doc, const char *title)
{
    char code[3];
    const char *declared[] = {
        c->html_lang, meta(c, "content-language"), meta(c, "language"),
        meta(c, "dc.language"), meta(c, "og:locale"), meta(c, "inlanguage"),
    };
    const char *text = doc->body_len ? doc->body : title;
    size_t n = doc->body_len ? doc->body_len : (title ? strlen(title) : 0);
    script seen = main_script(text ? text : "", n);
    for (size_t i = 0; i < SR_ARRAY_LEN(declared); i++) {
        if (!lang_code(declared[i], code))
            continue;
        if (seen != SCRIPT_NONE && script_of_lang(code) != seen)
            break;   /* declared, but the text says otherwise */
        return sr_arena_strdup(doc->arena, code);
    }
    if (text && sr_lang_detect(text, n, code))
        return sr_arena_strdup(doc->arena, code);
    return NULL;
}

/* ---- entry point --------------------------------------------------------- */

/* The page an archive's address stands for: the original URL inside a
 * Wayback-style address ("https://web.archive.org/web/20171008220355/
 * http://example.com/2017/01/story/"), whose host and dates are the
 * page's own; else the address itself. */
static const char *original_url(const char *url)
{
    if (!url)
        return NULL;
    const char *scheme = strstr(url, "://");
    if (!scheme)
        return url;
    for (const char *p = scheme + 3; (p = strchr(p, '/')) != NULL; p++) {
        if (strncmp(p + 1, "http://", 7) == 0 || strncmp(p + 1, "https://", 8) == 0)
            return p + 1;
        if (strncmp(p + 1, "http:/", 6) == 0 || strncmp(p + 1, "https:/", 7) == 0)
            return p + 1;   /* "http:/" with one slash, as some archives write it */
    }
    return url;
}


void sr_html_meta(sr_doc *doc, struct _xmlDoc *tree, const char *url)
{
    xmlNode *root = tree ? xmlDocGetRootElement(tree) : NULL;
    clues *c = sr_xcalloc(1, sizeof *c);
    c->a = sr_arena_new();
    if (root)
        gather(c, root);
    const char *given = doc->url ? doc->url : url;
    const char *canonical = choose_url(c, given);   /* `given` when none */
    const char *page_url = original_url(given ? given : canonical);

    const char *outlet = doc->outlet ? doc->outlet : choose_outlet(c, page_url);
    char *host = host_of(c->a, page_url);
    char *label = host_label(c->a, host);
    if (!doc->outlet && outlet)
        doc->outlet = sr_arena_strdup(doc->arena, outlet);
    if (!doc->title) {
        const char *t = choose_title(c, outlet, label);
        if (t)
            doc->title = sr_arena_strdup(doc->arena, t);
    }
    if (!doc->lang)
        doc->lang = choose_lang(c, doc, doc->title);
    if (!doc->published)
        doc->published = choose_published(c, doc, page_url, original_url(canonical),
                                          doc->lang);
    if (!doc->byline) {
        site_names site = {0};
        gather_site_names(c, outlet, label, doc->title, &site);
        const char *b = choose_byline(c, doc, &site, doc->lang);
        if (b)
            doc->byline = sr_arena_strdup(doc->arena, b);
    }
    if (!doc->url && canonical)
        doc->url = sr_arena_strdup(doc->arena, canonical);
    sr_arena_free(c->a);
    free(c);
}
