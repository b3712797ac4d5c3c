/*
 * detect.c — which format an input is, from its first bytes.
 *
 * The file name is not trusted (saved pages are called .txt, feeds .php).
 * Checks go from the most specific signature to the least: WARC's version
 * line, a JSON object on the first line, an XML feed's root element, HTML
 * markup; everything else is plain text.
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
    if (m >= 1 && p[0] == '<') {
        if (contains_ci(p, m, "<rss") || contains_ci(p, m, "<rdf:RDF") ||
            contains_ci(p, m, "<feed"))
            return SR_FORMAT_FEED;
        return SR_FORMAT_HTML;
    }
    if (contains_ci(p, m, "<html") || contains_ci(p, m, "<body") ||
        contains_ci(p, m, "<!doctype html"))
        return SR_FORMAT_HTML;
    return SR_FORMAT_TEXT;
}
