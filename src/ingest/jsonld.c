/*
 * jsonld.c — schema.org JSON-LD of a page, read with jansson.
 *
 * Pages describe themselves in one or more <script type=
 * "application/ld+json"> blocks: a NewsArticle with its headline, dates,
 * authors and publisher, often inside an "@graph" beside the WebSite,
 * the Organization and the BreadcrumbList, with authors given only as
 * {"@id": ...} references to a Person elsewhere in the graph. The main
 * object is the most article-like one (an *Article or *Posting over other
 * creative works over a WebPage); references are resolved through an
 * index of every object with an "@id".
 *
 * The JSON on real pages is often not quite JSON: wrapped in HTML comments
 * or CDATA markers, with raw newlines inside strings or trailing commas.
 * When jansson refuses the text it is repaired once (markers stripped,
 * control characters in strings turned into spaces, trailing commas
 * dropped) and parsed again; if that fails too the block is ignored.
 * Walking is bounded (depth and object count) so a hostile page cannot
 * make it slow.
 */
#include "jsonld.h"
#include "../core/internal.h"

#include <jansson.h>
#include <string.h>

#define MAX_DEPTH 16
#define MAX_OBJECTS 256

typedef struct ld_walk {
    sr_arena *a;
    sr_ld_info *info;
    json_t *ids[MAX_OBJECTS];   /* objects with an "@id" */
    size_t nids;
    size_t seen;
    bool indexing;              /* first pass: only fill ids[] */
} ld_walk;

/* Drop comment/CDATA wrappers, blank out control characters inside
 * strings, remove commas that close nothing. A malloc'ed copy. */
static char *repair(const char *s, size_t n, size_t *out_n)
{
    char *o = sr_xmalloc(n + 1);
    size_t k = 0;
    bool in_str = false, esc = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_str) {
            if (esc)
                esc = false;
            else if (c == '\\')
                esc = true;
            else if (c == '"')
                in_str = false;
            o[k++] = (unsigned char)c < 0x20 ? ' ' : c;
            continue;
        }
        if (c == '"') {
            in_str = true;
        } else if (c == '<' && (strncmp(s + i, "<!--", 4) == 0 ||
                                strncmp(s + i, "<![CDATA[", 9) == 0)) {
            i += s[i + 2] == '-' ? 3 : 8;
            continue;
        } else if ((c == '-' && strncmp(s + i, "-->", 3) == 0) ||
                   (c == ']' && strncmp(s + i, "]]>", 3) == 0)) {
            i += 2;
            continue;
        } else if (c == '}' || c == ']') {
            size_t j = k;
            while (j > 0 && (o[j - 1] == ' ' || o[j - 1] == '\n' || o[j - 1] == '\t' ||
                             o[j - 1] == '\r'))
                j--;
            if (j > 0 && o[j - 1] == ',')
                o[j - 1] = ' ';
        } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
            /* a line comment, as in "//<![CDATA[" */
            while (i < n && s[i] != '\n')
                i++;
            continue;
        }
        o[k++] = c;
    }
    o[k] = '\0';
    *out_n = k;
    return o;
}

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s && *s ? s : NULL;
}

static bool type_has(json_t *o, const char *name)
{
    json_t *t = json_object_get(o, "@type");
    if (json_is_string(t))
        return strstr(json_string_value(t), name) != NULL;
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v)
        if (json_is_string(v) && strstr(json_string_value(v), name))
            return true;
    return false;
}

static int rank_of(json_t *o)
{
    if (type_has(o, "Article") || type_has(o, "Posting") || type_has(o, "Report"))
        return 3;
    if (type_has(o, "VideoObject") || type_has(o, "Recipe") || type_has(o, "Review") ||
        type_has(o, "CreativeWork") || type_has(o, "Blog") || type_has(o, "Event"))
        return 2;
    if (type_has(o, "WebPage") || type_has(o, "ItemPage"))
        return 1;
    return 0;
}

static json_t *resolve(ld_walk *w, json_t *o)
{
    const char *id = str(o, "@id");
    if (!id || str(o, "name"))
        return o;
    for (size_t i = 0; i < w->nids; i++)
        if (w->ids[i] != o && str(w->ids[i], "name") &&
            strcmp(str(w->ids[i], "@id"), id) == 0)
            return w->ids[i];
    return o;
}

static const char *copy(ld_walk *w, const char *s)
{
    return s ? sr_arena_strdup(w->a, s) : NULL;
}

static void add_author(ld_walk *w, json_t *v, int depth)
{
    sr_ld_info *in = w->info;
    if (in->nauthors >= SR_LD_MAX_AUTHORS || depth > 3)
        return;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        if (*s) {
            in->author_is_org[in->nauthors] = false;
            in->author[in->nauthors++] = copy(w, s);
        }
    } else if (json_is_object(v)) {
        json_t *r = resolve(w, v);
        const char *name = str(r, "name");
        if (name) {
            in->author_is_org[in->nauthors] = type_has(r, "Organization");
            in->author[in->nauthors++] = copy(w, name);
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x)
            add_author(w, x, depth + 1);
    }
}

static const char *name_of(ld_walk *w, json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v))
        return str(resolve(w, v), "name");
    return NULL;
}

/* Take what the main object says. */
static void take(ld_walk *w, json_t *o, int rank)
{
    sr_ld_info *in = w->info;
    in->rank = rank;
    in->headline = copy(w, str(o, "headline") ? str(o, "headline") : str(o, "name"));
    in->date_published = copy(w, str(o, "datePublished"));
    in->date_created = copy(w, str(o, "dateCreated") ? str(o, "dateCreated")
                                                     : str(o, "uploadDate"));
    in->date_modified = copy(w, str(o, "dateModified"));
    in->nauthors = 0;
    add_author(w, json_object_get(o, "author"), 0);
    if (!in->nauthors)
        add_author(w, json_object_get(o, "creator"), 0);
    const char *p = name_of(w, json_object_get(o, "publisher"));
    in->publisher = p && *p ? copy(w, p) : NULL;
}

static void visit(ld_walk *w, json_t *v, int depth, bool index_only);

static void visit_object(ld_walk *w, json_t *o, int depth, bool index_only)
{
    if (++w->seen > MAX_OBJECTS)
        return;
    if (w->indexing) {
        if (str(o, "@id") && w->nids < MAX_OBJECTS)
            w->ids[w->nids++] = o;
    } else if (!index_only) {
        int rank = rank_of(o);
        if (rank > w->info->rank)
            take(w, o, rank);
        if (!w->info->any_date && str(o, "datePublished"))
            w->info->any_date = copy(w, str(o, "datePublished"));
        if (!w->info->site_name && (type_has(o, "WebSite") || type_has(o, "Organization")))
            w->info->site_name = copy(w, str(o, "name"));
    }
    const char *key;
    json_t *x;
    json_object_foreach(o, key, x) {
        bool nested_main = strcmp(key, "@graph") == 0 || strcmp(key, "mainEntity") == 0;
        if (nested_main)
            visit(w, x, depth + 1, index_only);
        else if (w->indexing && (json_is_object(x) || json_is_array(x)))
            visit(w, x, depth + 1, true);
    }
}

static void visit(ld_walk *w, json_t *v, int depth, bool index_only)
{
    if (depth > MAX_DEPTH)
        return;
    if (json_is_object(v)) {
        visit_object(w, v, depth, index_only);
    } else if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x)
            visit(w, x, depth + 1, index_only);
    }
}

void sr_jsonld_scan(const char *text, size_t n, sr_arena *a, sr_ld_info *info)
{
    json_error_t err;
    json_t *root = json_loadb(text, n, JSON_DISABLE_EOF_CHECK, &err);
    if (!root) {
        size_t m;
        char *fixed = repair(text, n, &m);
        root = json_loadb(fixed, m, JSON_DISABLE_EOF_CHECK, &err);
        free(fixed);
    }
    if (!root)
        return;
    ld_walk w = {.a = a, .info = info, .indexing = true};
    /* First pass: the @id index (so references resolve whatever their
     * order); second: the objects themselves. */
    visit(&w, root, 0, true);
    w.seen = 0;
    w.indexing = false;
    visit(&w, root, 0, false);
    json_decref(root);
}
