/*
 * jsonld.h — what a page's schema.org JSON-LD says about its article.
 */
#ifndef SR_JSONLD_H
#define SR_JSONLD_H

#include "sitrep.h"

#define SR_LD_MAX_AUTHORS 8

/* Facts gathered from every <script type="application/ld+json"> of a page.
 * Strings live in the arena given to sr_jsonld_scan() and are raw (HTML
 * entities not yet decoded). NULL when absent. */
typedef struct sr_ld_info {
    int rank;                /* how article-like the chosen object is:
                                3 *Article / *Posting, 2 other creative
                                work, 1 WebPage, 0 none found */
    const char *headline;
    const char *date_published;
    const char *date_created;
    const char *date_modified;
    const char *author[SR_LD_MAX_AUTHORS];
    bool author_is_org[SR_LD_MAX_AUTHORS];
    unsigned nauthors;
    const char *publisher;   /* the chosen object's publisher name */
    const char *site_name;   /* a WebSite's or Organization's name */
    const char *any_date;    /* datePublished of any object, when the chosen
                                one has none */
} sr_ld_info;

/* Parse one script's JSON (tolerating comments wrappers, raw control
 * characters in strings and trailing commas) and merge what it says into
 * info: the most article-like object found so far wins, the first among
 * equals. Bad JSON is ignored (many pages carry it); nothing is reported. */
void sr_jsonld_scan(const char *text, size_t n, sr_arena *a, sr_ld_info *info);

#endif
