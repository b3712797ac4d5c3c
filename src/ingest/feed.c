/*
 * feed.c — RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0 feeds: one
 * document per item or entry.
 *
 * A feed is parsed whole with libxml2's XML parser (feeds are small; the
 * file limit of sr_read_options bounds them), then each call of next()
 * turns one item into a document:
 *
 *   title      <title> (markup in an Atom type="html" title is stripped)
 *   url        RSS <link>, Atom <link rel="alternate" href>, else a
 *              permalink <guid>, else RSS 1.0's rdf:about
 *   published  <pubDate>, <dc:date>, Atom <published>, else <updated>
 *   byline     <dc:creator>, RSS <author> ("mail@x (Name)" -> Name), Atom
 *              <author><name> (several joined with ", ")
 *   outlet     the channel's (feed's) <title>
 *   lang       the channel's <language>, xml:lang
 *   lang       the item's or channel's xml:lang / <language>, else
 *              detected from the text
 *   body       <content:encoded> or Atom <content>, else <description> /
 *              <summary>. HTML (and XHTML) is read as a fragment: it is the
 *              article already, with no page furniture around it to strip,
 *              so every block is a paragraph and figure captions go to
 *              captions. Text without markup is read as plain text.
 *
 * Safety: XML that declares entities is the classic attack on feed readers
 * (the "billion laughs" expansion bomb, external entities reading local
 * files or the network). The parser runs without entity substitution,
 * without DTD loading and without network access, and a DOCTYPE is blanked
 * out before parsing, so no declared entity exists to expand; a DOCTYPE
 * that declares entities is reported (as a warning: the feed is still
 * read, the references to those entities are dropped).
 */
#include "ingest.h"
#include "date.h"
#include "lang.h"
#include "../core/internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum { DIALECT_RSS, DIALECT_RDF, DIALECT_ATOM } dialect;

typedef struct feed_state {
    sr_stream *s;
    const char *path;
    const sr_read_options *opt;
    sr_diag *diag;
    bool parsed;
    xmlDocPtr tree;
    dialect kind;
    xmlNode *channel;        /* <channel> / <feed> */
    xmlNode *next_item;      /* the next <item> / <entry> to read */
    unsigned item;           /* 1-based number of the item being read */
    char *outlet;            /* channel title (malloc'ed) */
    char *lang;              /* channel language, 2 letters (malloc'ed) */
} feed_state;

/* ---- small helpers ---------------------------------------------------- */

static bool is(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

/* The namespace URI of an element, "" when none. */
static const char *ns_of(const xmlNode *n)
{
    return n->ns && n->ns->href ? (const char *)n->ns->href : "";
}

static bool in_ns(const xmlNode *n, const char *fragment)
{
    return strstr(ns_of(n), fragment) != NULL;
}

static xmlNode *child(const xmlNode *parent, const char *local)
{
    for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
        if (is(c, local))
            return c;
    return NULL;
}

/* A child with the local name in a namespace whose URI contains frag. */
static xmlNode *child_ns(const xmlNode *parent, const char *local, const char *frag)
{
    for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
        if (is(c, local) && in_ns(c, frag))
            return c;
    return NULL;
}

static const char *prop(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0 && a->children &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

/* The text content of an element (text and CDATA of it and its
 * descendants), trimmed; an sr_buf the caller frees. */
static void text_of(const xmlNode *n, sr_buf *out)
{
    sr_buf_reset(out);
    if (!n)
        return;
    xmlChar *t = xmlNodeGetContent(n);
    if (!t)
        return;
    const char *s = (const char *)t, *e = s + strlen(s);
    while (s < e && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r' || e[-1] == '\t'))
        e--;
    sr_buf_put(out, s, (size_t)(e - s));
    sr_buf_putc(out, '\0');
    out->len--;
    xmlFree(t);
}

/* Text with its markup removed and whitespace collapsed: for titles and
 * names, which some feeds write as escaped HTML. Entities other than the
 * five of XML are left as written (the HTML reader decodes bodies). */
static char *plain_field(sr_arena *a, const char *s, size_t n)
{
    char *o = sr_arena_alloc(a, n + 1);
    size_t k = 0;
    bool tag = false, space = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '<' && i + 1 < n && (s[i + 1] == '/' || (s[i + 1] | 0x20) >= 'a')) {
            tag = true;
            continue;
        }
        if (tag) {
            tag = c != '>';
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = k > 0;
            continue;
        }
        if (space)
            o[k++] = ' ';
        space = false;
        o[k++] = c;
    }
    o[k] = '\0';
    return k ? o : NULL;
}

static char *field(sr_doc *doc, const xmlNode *n)
{
    if (!n)
        return NULL;
    sr_buf b;
    sr_buf_init(&b);
    text_of(n, &b);
    char *r = b.len ? plain_field(doc->arena, b.data, b.len) : NULL;
    sr_buf_free(&b);
    return r;
}

/* ---- the DOCTYPE -------------------------------------------------------- */

/* Blank out a DOCTYPE declaration (with its internal subset) in the
 * prolog, so that no entity can be declared. Returns whether it declared
 * entities. */
static bool blank_doctype(char *x, size_t n, bool *had_doctype)
{
    *had_doctype = false;
    char *p = x, *e = x + n;
    /* the prolog: XML declaration, comments, processing instructions */
    for (;;) {
        while (p < e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            p++;
        if (e - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
            (unsigned char)p[2] == 0xBF) {
            p += 3;
            continue;
        }
        if (e - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            char *c = memmem(p, (size_t)(e - p), "-->", 3);
            p = c ? c + 3 : e;
            continue;
        }
        if (e - p >= 2 && memcmp(p, "<?", 2) == 0) {
            char *c = memmem(p, (size_t)(e - p), "?>", 2);
            p = c ? c + 2 : e;
            continue;
        }
        break;
    }
    if (e - p < 9 || strncasecmp(p, "<!DOCTYPE", 9) != 0)
        return false;
    *had_doctype = true;
    /* up to the '>' that closes it, past quoted strings and [ ... ] */
    char *q = p + 9;
    int depth = 0;
    char quote = 0;
    bool entities = false;
    for (; q < e; q++) {
        if (quote) {
            if (*q == quote)
                quote = 0;
        } else if (*q == '"' || *q == '\'') {
            quote = *q;
        } else if (*q == '[') {
            depth++;
        } else if (*q == ']') {
            depth--;
        } else if (*q == '<' && e - q >= 8 && strncmp(q, "<!ENTITY", 8) == 0) {
            entities = true;
        } else if (*q == '>' && depth <= 0) {
            break;
        }
    }
    if (q < e)
        q++;
    memset(p, ' ', (size_t)(q - p));
    return entities;
}

/* ---- encoding and messages ------------------------------------------------ */

/* Whether the XML declaration names an encoding other than UTF-8 (or the
 * bytes start with a UTF-16 byte order mark): then libxml2 converts, and
 * the bytes are not checked here. */
static bool other_encoding(const char *x, size_t n)
{
    if (n >= 2 && (((unsigned char)x[0] == 0xFF && (unsigned char)x[1] == 0xFE) ||
                   ((unsigned char)x[0] == 0xFE && (unsigned char)x[1] == 0xFF)))
        return true;
    if (n < 5 || memcmp(x + ((n >= 3 && (unsigned char)x[0] == 0xEF) ? 3 : 0), "<?xml", 5) != 0)
        return false;
    const char *end = memmem(x, n < 512 ? n : 512, "?>", 2);
    const char *enc = end ? memmem(x, (size_t)(end - x), "encoding", 8) : NULL;
    if (!enc)
        return false;
    const char *q = enc + 8;
    while (q < end && (*q == ' ' || *q == '=' || *q == '"' || *q == '\''))
        q++;
    return !(strncasecmp(q, "utf-8", 5) == 0 || strncasecmp(q, "utf8", 4) == 0);
}

/* Replace invalid UTF-8 (and NUL bytes) by U+FFFD in place of a copy;
 * returns how many bytes were replaced. */
static size_t repair_utf8(sr_buf *raw)
{
    size_t bad = 0;
    for (size_t i = 0; i < raw->len;) {
        uint32_t cp;
        size_t k = sr_utf8_decode((const unsigned char *)raw->data + i, raw->len - i, &cp);
        if (k && raw->data[i] != 0) {
            i += k;
            continue;
        }
        bad++;
        i++;
    }
    if (!bad)
        return 0;
    sr_buf out;
    sr_buf_init(&out);
    for (size_t i = 0; i < raw->len;) {
        uint32_t cp;
        size_t k = sr_utf8_decode((const unsigned char *)raw->data + i, raw->len - i, &cp);
        if (k && raw->data[i] != 0) {
            sr_buf_put(&out, raw->data + i, k);
            i += k;
        } else {
            sr_buf_put(&out, "\xEF\xBF\xBD", 3);
            i++;
        }
    }
    sr_buf_free(raw);
    *raw = out;
    return bad;
}

/* libxml2 prints its own messages on stderr unless told otherwise; feeds
 * report through the sr_diag, so its messages are dropped while parsing. */
static void quiet_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

typedef struct quiet_state {
    xmlGenericErrorFunc generic;
    void *generic_ctx;
    xmlStructuredErrorFunc structured;
    void *structured_ctx;
} quiet_state;

static void quiet_begin(quiet_state *q)
{
    q->generic = xmlGenericError;
    q->generic_ctx = xmlGenericErrorContext;
    q->structured = xmlStructuredError;
    q->structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet_generic);
    xmlSetStructuredErrorFunc(NULL, quiet_structured);
}

static void quiet_end(const quiet_state *q)
{
    xmlSetGenericErrorFunc(q->generic_ctx, q->generic);
    xmlSetStructuredErrorFunc(q->structured_ctx, q->structured);
}

/* ---- opening ------------------------------------------------------------ */

static void *feed_open(sr_stream *s, const char *path, const sr_read_options *opt,
                       sr_diag *diag)
{
    feed_state *f = sr_xcalloc(1, sizeof *f);
    f->s = s;
    f->path = path;
    f->opt = opt;
    f->diag = diag;
    return f;
}

static char *lang_code(const char *s)
{
    if (!s)
        return NULL;
    while (*s == ' ')
        s++;
    if (!((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z' && (s[1] | 0x20) >= 'a' &&
          (s[1] | 0x20) <= 'z') || ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'z'))
        return NULL;
    char *r = sr_xmalloc(3);
    r[0] = (char)(s[0] | 0x20);
    r[1] = (char)(s[1] | 0x20);
    r[2] = '\0';
    return r;
}

/* Parse the whole feed and find its channel and first item; false after
 * reporting why when it is not a feed. */
static bool parse_feed(feed_state *f)
{
    sr_buf raw;
    sr_buf_init(&raw);
    size_t max = f->opt->max_file_bytes ? f->opt->max_file_bytes : SR_DEFAULT_MAX_DOC_BYTES;
    sr_status st = sr_stream_slurp(f->s, &raw, max);
    if (st == SR_ERR_LIMIT)
        sr_error(f->diag, f->path, "larger than the %zu-byte limit of one input; skipped", max);
    if (st != SR_OK || raw.len == 0 || raw.len > INT32_MAX) {
        if (st == SR_OK && raw.len == 0)
            sr_warn(f->diag, f->path, "empty file; no document");
        sr_buf_free(&raw);
        return false;
    }
    bool had_doctype;
    if (blank_doctype(raw.data, raw.len, &had_doctype))
        sr_warn(f->diag, f->path,
                "the feed's DOCTYPE declares entities; they are not expanded "
                "(entity expansion and external entities are disabled) and "
                "references to them are dropped");
    if (!other_encoding(raw.data, raw.len)) {
        size_t bad = repair_utf8(&raw);
        if (bad)
            sr_warn(f->diag, f->path, "%zu invalid UTF-8 byte%s replaced by U+FFFD", bad,
                    bad == 1 ? "" : "s");
    }
    /* no NOENT (no substitution), no DTDLOAD/DTDATTR, no network; RECOVER
     * because real feeds are often not well-formed */
    int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                  XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    quiet_state q;
    quiet_begin(&q);
    f->tree = raw.len <= INT32_MAX ? xmlReadMemory(raw.data, (int)raw.len, NULL, NULL, options)
                                   : NULL;
    quiet_end(&q);
    sr_buf_free(&raw);
    xmlNode *root = f->tree ? xmlDocGetRootElement(f->tree) : NULL;
    if (!root) {
        sr_error(f->diag, f->path, "not parseable as XML; not a feed");
        return false;
    }
    if (is(root, "rss")) {
        f->kind = DIALECT_RSS;
        f->channel = child(root, "channel");
        f->next_item = child(f->channel, "item");
    } else if (is(root, "RDF")) {
        f->kind = DIALECT_RDF;
        f->channel = child(root, "channel");
        f->next_item = child(root, "item");
    } else if (is(root, "feed")) {
        f->kind = DIALECT_ATOM;
        f->channel = root;
        f->next_item = child(root, "entry");
    } else {
        sr_error(f->diag, f->path, "the XML root element <%s> is not rss, rdf:RDF or feed; "
                 "not a feed", (const char *)root->name);
        return false;
    }
    if (!f->channel) {
        sr_error(f->diag, f->path, "a feed without a channel; no items");
        return false;
    }
    sr_buf b;
    sr_buf_init(&b);
    text_of(child(f->channel, "title"), &b);
    if (b.len)
        f->outlet = sr_xstrdup(b.data);
    text_of(child(f->channel, "language"), &b);
    f->lang = lang_code(b.len ? b.data : NULL);
    if (!f->lang)
        f->lang = lang_code(prop(root, "lang"));
    if (!f->lang && f->channel)
        f->lang = lang_code(prop(f->channel, "lang"));
    sr_buf_free(&b);
    return true;
}

/* ---- HTML fragments ------------------------------------------------------ */

/* An item's HTML is the article already (no page around it to strip), so
 * all its text is body: every block element is a paragraph, <br> breaks
 * a paragraph, figure captions go to captions, and scripts, styles,
 * embedded frames and forms are dropped. */

static bool frag_skip(const xmlNode *n)
{
    static const char *const names[] = {"script", "style", "noscript", "iframe", "svg",
                                        "form", "button", "object", "embed", "template"};
    for (size_t i = 0; i < SR_ARRAY_LEN(names); i++)
        if (strcasecmp((const char *)n->name, names[i]) == 0)
            return true;
    return false;
}

static bool frag_block(const xmlNode *n)
{
    static const char *const names[] = {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
        "tr", "dd", "dt", "section", "article", "header", "footer", "ul", "ol",
        "table", "figure", "figcaption", "hr", "address", "dl", "main", "aside",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(names); i++)
        if (strcasecmp((const char *)n->name, names[i]) == 0)
            return true;
    return false;
}

typedef struct frag {
    sr_buf body, para, caps;     /* caps: captions, NUL-separated */
    unsigned ncaps;
    int in_caption;              /* depth inside <figcaption> */
} frag;

/* End the paragraph being gathered: into the body or the captions. */
static void frag_flush(frag *f)
{
    size_t a = 0, b = f->para.len;
    while (a < b && f->para.data[a] == ' ')
        a++;
    while (b > a && f->para.data[b - 1] == ' ')
        b--;
    if (b > a) {
        if (f->in_caption) {
            sr_buf_put(&f->caps, f->para.data + a, b - a);
            sr_buf_putc(&f->caps, '\0');
            f->ncaps++;
        } else {
            if (f->body.len)
                sr_buf_put(&f->body, "\n\n", 2);
            sr_buf_put(&f->body, f->para.data + a, b - a);
        }
    }
    sr_buf_reset(&f->para);
}

static void frag_text(frag *f, const char *t)
{
    for (; *t; t++) {
        char c = *t;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            if (f->para.len && f->para.data[f->para.len - 1] != ' ')
                sr_buf_putc(&f->para, ' ');
        } else {
            sr_buf_putc(&f->para, c);
        }
    }
}

static void frag_enter(frag *f, const xmlNode *n)
{
    if (frag_block(n) || strcasecmp((const char *)n->name, "br") == 0)
        frag_flush(f);
    if (strcasecmp((const char *)n->name, "figcaption") == 0)
        f->in_caption++;
}

static void frag_leave(frag *f, const xmlNode *n)
{
    if (frag_block(n))
        frag_flush(f);
    if (strcasecmp((const char *)n->name, "figcaption") == 0 && f->in_caption)
        f->in_caption--;
}

/* Walk the tree in document order without recursion. */
static void frag_walk(frag *f, xmlNode *root)
{
    xmlNode *n = root;
    while (n) {
        bool down = false;
        if (n->type == XML_TEXT_NODE && n->content) {
            frag_text(f, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && !frag_skip(n)) {
            frag_enter(f, n);
            down = true;
        }
        if (down && n->children) {
            n = n->children;
            continue;
        }
        if (down)
            frag_leave(f, n);
        while (n != root && !n->next) {
            n = n->parent;
            if (n->type == XML_ELEMENT_NODE)
                frag_leave(f, n);
        }
        if (n == root)
            break;
        n = n->next;
    }
    frag_flush(f);
}

/* Fill doc's body and captions from an HTML fragment (UTF-8): see ingest.h. */
void sr_html_fragment(sr_doc *doc, const char *html, size_t len)
{
    frag f;
    memset(&f, 0, sizeof f);
    quiet_state q;
    quiet_begin(&q);
    htmlDocPtr tree = len <= INT32_MAX
        ? htmlReadMemory(html, (int)len, NULL, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_COMPACT)
        : NULL;
    quiet_end(&q);
    xmlNode *root = tree ? xmlDocGetRootElement(tree) : NULL;
    if (root)
        frag_walk(&f, root);
    if (tree)
        xmlFreeDoc(tree);
    sr_doc_set_body(doc, f.body.data ? f.body.data : "", f.body.len);
    if (f.ncaps) {
        doc->captions = sr_arena_alloc(doc->arena, f.ncaps * sizeof *doc->captions);
        const char *c = f.caps.data;
        for (unsigned i = 0; i < f.ncaps; i++) {
            doc->captions[i] = sr_arena_strdup(doc->arena, c);
            c += strlen(c) + 1;
        }
        doc->ncaptions = f.ncaps;
    }
    sr_buf_free(&f.body);
    sr_buf_free(&f.para);
    sr_buf_free(&f.caps);
}

/* ---- one item ----------------------------------------------------------- */

static const char *item_url(const feed_state *f, const xmlNode *it, sr_buf *tmp)
{
    if (f->kind == DIALECT_ATOM) {
        const xmlNode *fallback = NULL;
        for (const xmlNode *c = it->children; c; c = c->next) {
            if (!is(c, "link"))
                continue;
            const char *rel = prop(c, "rel");
            if (!rel || strcmp(rel, "alternate") == 0)
                return prop(c, "href");
            if (!fallback)
                fallback = c;
        }
        return fallback ? prop(fallback, "href") : NULL;
    }
    text_of(child(it, "link"), tmp);
    if (tmp->len)
        return tmp->data;
    const xmlNode *g = child(it, "guid");
    const char *perma = g ? prop(g, "isPermaLink") : NULL;
    text_of(g, tmp);
    if (tmp->len && (!perma || strcmp(perma, "false") != 0) &&
        (strncmp(tmp->data, "http://", 7) == 0 || strncmp(tmp->data, "https://", 8) == 0))
        return tmp->data;
    return prop(it, "about");
}

static void set_published(sr_doc *doc, const xmlNode *it, dialect kind)
{
    static const char *const rss[] = {"pubDate", "date", "published", "updated", "issued",
                                      "modified"};
    static const char *const atom[] = {"published", "issued", "updated", "modified", "date"};
    const char *const *names = kind == DIALECT_ATOM ? atom : rss;
    size_t n = kind == DIALECT_ATOM ? SR_ARRAY_LEN(atom) : SR_ARRAY_LEN(rss);
    sr_buf b;
    sr_buf_init(&b);
    for (size_t i = 0; i < n && !doc->published; i++) {
        text_of(child(it, names[i]), &b);
        sr_date d;
        if (b.len && sr_date_parse(b.data, b.len, &d)) {
            char iso[32];
            sr_date_format(&d, iso);
            doc->published = sr_arena_strdup(doc->arena, iso);
        }
    }
    sr_buf_free(&b);
}

/* "jane@example.com (Jane Doe)" -> "Jane Doe"; a bare address -> NULL. */
static char *rss_author(sr_doc *doc, const char *s)
{
    if (!s)
        return NULL;
    const char *open = strchr(s, '(');
    const char *close = open ? strrchr(open, ')') : NULL;
    if (open && close && close > open + 1 && strchr(s, '@') && strchr(s, '@') < open)
        return plain_field(doc->arena, open + 1, (size_t)(close - open - 1));
    if (strchr(s, '@') && !strchr(s, ' '))
        return NULL;
    return sr_arena_strdup(doc->arena, s);
}

static void set_byline(sr_doc *doc, const xmlNode *it, dialect kind)
{
    sr_buf names;
    sr_buf_init(&names);
    for (const xmlNode *c = it->children; c; c = c->next) {
        char *name = NULL;
        if (is(c, "creator")) {
            name = field(doc, c);
        } else if (is(c, "author")) {
            name = kind == DIALECT_ATOM ? field(doc, child(c, "name"))
                                        : rss_author(doc, field(doc, c));
        }
        if (name) {
            if (names.len)
                sr_buf_puts(&names, ", ");
            sr_buf_puts(&names, name);
        }
    }
    if (names.len)
        doc->byline = sr_arena_strndup(doc->arena, names.data, names.len);
    sr_buf_free(&names);
}

/* Whether text holds HTML markup (a tag or an entity). */
static bool has_markup(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == '<' && (s[i + 1] == '/' || s[i + 1] == '!' ||
                            ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z')))
            return true;
        if (s[i] == '&' && memchr(s + i, ';', n - i < 10 ? n - i : 10))
            return true;
    }
    return false;
}

/* The item's body source: HTML (or XHTML serialised) in `out`, *html set;
 * or plain text. */
static void body_source(const feed_state *f, const xmlNode *it, sr_buf *out, bool *html)
{
    *html = true;
    sr_buf_reset(out);
    const xmlNode *content = f->kind == DIALECT_ATOM ? child(it, "content")
                                                     : child_ns(it, "encoded", "content");
    if (content) {
        const char *type = prop(content, "type");
        if (type && strcmp(type, "xhtml") == 0) {
            xmlBufferPtr xb = xmlBufferCreate();
            for (xmlNode *c = content->children; c; c = c->next)
                xmlNodeDump(xb, f->tree, c, 0, 0);
            sr_buf_put(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
            xmlBufferFree(xb);
        } else {
            text_of(content, out);
            /* content:encoded is HTML; Atom says text unless type says
             * otherwise, but feeds often leave escaped HTML untyped */
            if (f->kind == DIALECT_ATOM && !(type && strcmp(type, "html") == 0))
                *html = !(type && strcmp(type, "text") == 0) &&
                        has_markup(out->data ? out->data : "", out->len);
        }
        if (out->len)
            return;
    }
    const xmlNode *summary = f->kind == DIALECT_ATOM ? child(it, "summary")
                                                     : child(it, "description");
    text_of(summary, out);
    const char *type = summary ? prop(summary, "type") : NULL;
    *html = (type && strcmp(type, "html") == 0) || has_markup(out->data ? out->data : "", out->len);
}

static sr_doc *read_item(feed_state *f, const xmlNode *it)
{
    char where[512];
    snprintf(where, sizeof where, "%s: item %u", f->path, f->item);
    sr_doc *doc = sr_doc_new();
    sr_buf tmp;
    sr_buf_init(&tmp);
    doc->title = field(doc, child(it, "title"));
    const char *url = item_url(f, it, &tmp);
    if (url && *url)
        doc->url = plain_field(doc->arena, url, strlen(url));
    set_published(doc, it, f->kind);
    set_byline(doc, it, f->kind);
    if (f->outlet)
        doc->outlet = plain_field(doc->arena, f->outlet, strlen(f->outlet));
    char *item_lang = lang_code(prop(it, "lang"));
    const char *lang = item_lang ? item_lang : f->lang;
    if (lang)
        doc->lang = sr_arena_strdup(doc->arena, lang);
    free(item_lang);

    bool html;
    body_source(f, it, &tmp, &html);
    if (tmp.len && html) {
        sr_html_fragment(doc, tmp.data, tmp.len);
    } else if (tmp.len) {
        sr_plain_article(doc, tmp.data, tmp.len);
    } else if (!doc->title) {
        sr_warn(f->diag, where, "an item with neither title nor text; skipped");
        sr_doc_free(doc);
        sr_buf_free(&tmp);
        return NULL;
    }
    if (!doc->lang) {
        char code[3];
        if (sr_lang_detect(doc->body, doc->body_len, code))
            doc->lang = sr_arena_strdup(doc->arena, code);
    }
    sr_buf_free(&tmp);
    return doc;
}

static xmlNode *next_sibling_item(const feed_state *f, xmlNode *it)
{
    const char *name = f->kind == DIALECT_ATOM ? "entry" : "item";
    for (xmlNode *c = it->next; c; c = c->next)
        if (is(c, name))
            return c;
    return NULL;
}

static sr_doc *feed_next(void *state)
{
    feed_state *f = state;
    if (!f->parsed) {
        f->parsed = true;
        if (!parse_feed(f))
            return NULL;
    }
    while (f->next_item) {
        xmlNode *it = f->next_item;
        f->next_item = next_sibling_item(f, it);
        f->item++;
        sr_doc *doc = read_item(f, it);
        if (doc)
            return doc;
    }
    return NULL;
}

static void feed_close(void *state)
{
    feed_state *f = state;
    if (f->tree)
        xmlFreeDoc(f->tree);
    free(f->outlet);
    free(f->lang);
    free(f);
}

const sr_format_reader sr_feed_reader = {
    SR_FORMAT_FEED, feed_open, feed_next, feed_close, false,
};
