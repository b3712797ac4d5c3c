/*
 * detect.c — which format an input is, from its first bytes.
 *
 * The file name is not trusted (saved pages are called .txt, feeds .php,
 * archives .gz). Checks go from the most specific signature to the least:
 * WARC's version line; a JSON object, or an array whose first element is
 * one (article JSON: JSON Lines, one object, an array of objects);
 * for markup, the name of the first element after the XML prolog
 * (declaration, comments, processing instructions, DOCTYPE): <rss>,
 * <rdf:RDF> and <feed> are feeds, anything else with HTML in it is HTML;
 * everything else is plain text. Only the first SNIFF bytes the stream
 * buffered at open are looked at.
 */
#include "ingest.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Case-insensitive search for `needle` in h[0..n). */
static bool contains_ci(const char *h, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (strncasecmp(h + i, needle, m) == 0)
            return true;
    return false;
}

/* Case-sensitive search for `needle` in h[0..n), or NULL. */
static const char *strstr_n(const char *h, size_t n, const char *needle)
{
    return memmem(h, n, needle, strlen(needle));
}

/* Skip "<?...?>", "<!--...-->" and "<!DOCTYPE ...>" (and the white space
 * between them); returns the index of the first element's '<', or n. */
static size_t skip_prolog(const char *p, size_t n)
{
    size_t i = 0;
    for (;;) {
        while (i < n && isspace((unsigned char)p[i]))
            i++;
        if (i + 1 >= n || p[i] != '<')
            return i;
        const char *end = NULL;
        size_t close = 1;
        if (p[i + 1] == '?') {
            end = memmem(p + i, n - i, "?>", 2);
            close = 2;
        } else if (n - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
            end = memmem(p + i, n - i, "-->", 3);
            close = 3;
        } else if (p[i + 1] == '!') {
            /* <!DOCTYPE name [ internal subset ]> */
            const char *q = p + i, *e = p + n;
            int depth = 0;
            for (; q < e; q++) {
                if (*q == '[')
                    depth++;
                else if (*q == ']')
                    depth--;
                else if (*q == '>' && depth <= 0)
                    break;
            }
            end = q < e ? q : NULL;
        } else {
            return i;
        }
        if (!end)
            return n;
        i = (size_t)(end - p) + close;
    }
}

/* Whether the element at p[0] == '<' is named `name`, with or without a
 * namespace prefix ("<rdf:RDF", "<atom:feed"). */
static bool element_is(const char *p, size_t n, const char *name)
{
    size_t i = 1, start = 1;
    while (i < n && !isspace((unsigned char)p[i]) && p[i] != '>' && p[i] != '/') {
        if (p[i] == ':')
            start = i + 1;
        i++;
    }
    size_t len = strlen(name);
    return i - start == len && strncasecmp(p + start, name, len) == 0;
}

sr_format sr_detect_format(const char *head, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && isspace((unsigned char)head[i]))
        i++;
    const char *p = head + i;
    size_t m = n - i;
    if (m >= 5 && memcmp(p, "WARC/", 5) == 0)
        return SR_FORMAT_WARC;
    if (m >= 1 && p[0] == '{')
        return SR_FORMAT_JSONL;
    if (m >= 2 && p[0] == '[') {   /* a JSON array of articles */
        size_t k = 1;
        while (k < m && isspace((unsigned char)p[k]))
            k++;
        if (k < m && p[k] == '{')
            return SR_FORMAT_JSONL;
    }
    if (m >= 1 && p[0] == '<') {
        /* "<!DOCTYPE rss ...": the root's name, even if a long internal
         * subset hides the element itself beyond the sniffed bytes */
        const char *dt = m > 9 ? strstr_n(p, m, "<!DOCTYPE") : NULL;
        if (dt) {
            const char *q = dt + 9, *e = p + m;
            while (q < e && isspace((unsigned char)*q))
                q++;
            if (q < e && (element_is(q - 1, (size_t)(e - q + 1), "rss") ||
                          element_is(q - 1, (size_t)(e - q + 1), "RDF") ||
                          element_is(q - 1, (size_t)(e - q + 1), "feed")))
                return SR_FORMAT_FEED;
        }
        size_t e = skip_prolog(p, m);
        if (e < m && (element_is(p + e, m - e, "rss") || element_is(p + e, m - e, "RDF") ||
                      element_is(p + e, m - e, "feed")))
            return SR_FORMAT_FEED;
        return SR_FORMAT_HTML;
    }
    if (contains_ci(p, m, "<html") || contains_ci(p, m, "<body") ||
        contains_ci(p, m, "<!doctype html"))
        return SR_FORMAT_HTML;
    return SR_FORMAT_TEXT;
}
