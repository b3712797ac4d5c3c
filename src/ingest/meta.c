/*
 * meta.c — metadata of an HTML page: title, publication date, byline,
 * outlet, canonical URL, language.
 *
 * (Bootstrap version: <title>, <html lang> and the given URL only.)
 */
#include "ingest.h"
#include "../core/internal.h"

#include <libxml/HTMLparser.h>
#include <string.h>
#include <strings.h>

static const xmlNode *find_element(const xmlNode *n, const char *name)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0)
            return n;
        const xmlNode *f = find_element(n->children, name);
        if (f)
            return f;
    }
    return NULL;
}

static const char *collapse(sr_doc *doc, const xmlChar *s)
{
    sr_buf b;
    sr_buf_init(&b);
    for (; s && *s; s++) {
        bool space = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
        if (space) {
            if (b.len && b.data[b.len - 1] != ' ')
                sr_buf_putc(&b, ' ');
        } else {
            sr_buf_putc(&b, (char)*s);
        }
    }
    while (b.len && b.data[b.len - 1] == ' ')
        b.len--;
    const char *r = b.len ? sr_arena_strndup(doc->arena, b.data, b.len) : NULL;
    sr_buf_free(&b);
    return r;
}

void sr_html_meta(sr_doc *doc, struct _xmlDoc *tree, const char *url)
{
    xmlNode *root = xmlDocGetRootElement(tree);
    if (!doc->title) {
        const xmlNode *t = find_element(root, "title");
        if (t) {
            xmlChar *s = xmlNodeGetContent(t);
            doc->title = collapse(doc, s);
            xmlFree(s);
        }
    }
    if (!doc->lang && root) {
        xmlChar *lang = xmlGetProp(root, (const xmlChar *)"lang");
        if (lang && lang[0])
            doc->lang = sr_arena_strndup(doc->arena, (const char *)lang, 2);
        xmlFree(lang);
    }
    if (!doc->url && url)
        doc->url = sr_arena_strdup(doc->arena, url);
}
