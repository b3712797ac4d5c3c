/*
 * date.h — calendar dates found in metadata, URLs and running text, in
 * the many ways news pages and feeds write them.
 *
 * Used by the HTML metadata (meta.c), feeds (RSS pubDate, Atom published),
 * WARC (WARC-Date) and JSON Lines (`published`). Every date that leaves
 * this module has been checked to exist (2020-02-30 does not) and is
 * written in ISO 8601 by sr_date_format().
 */
#ifndef SR_DATE_H
#define SR_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sr_date {
    int16_t y;               /* full year */
    int8_t m, d;             /* 1-12, 1-31 */
    int8_t hh, mi, ss;       /* valid when has_time */
    bool has_time;
    bool has_tz;             /* tz_min is known (Z, +02:00, GMT, EST ...) */
    int16_t tz_min;          /* offset from UTC in minutes */
} sr_date;

/* The earliest year a date may have to be accepted from running text
 * (metadata and URLs accept from 1970). */
#define SR_DATE_MIN_TEXT_YEAR 1995
#define SR_DATE_MAX_YEAR 2099

/* A metadata value that holds a date: ISO 8601 (also without separators,
 * "20200516T095153Z"), RFC 822/1123 ("Sun, 11 Oct 2020 07:34:36 GMT"),
 * ctime ("Tue Jan 28 15:28:56 CET 2020"), or any of the textual forms that
 * sr_date_find() knows. The date must start within the first few words.
 * False when there is none. */
bool sr_date_parse(const char *s, size_t n, sr_date *out);

/* The first date written in running text s[0..n): numeric ("23.03.2020",
 * "2020/03/23", "03/23/2020"), with a month name in one of about thirty
 * languages ("27 de marzo de 2020", "23. März 2020", "12 марта 2020",
 * "March 23, 2020"), or CJK ("2020年3月23日", "2020년 8월 27일").
 * `lang` (ISO 639-1 or NULL) settles month names that differ between
 * languages and the order of day and month in "03/04/2020" (month first
 * only for English). Dates before min_year are passed over. *at and *end
 * (may be NULL) receive the byte range of the date. */
bool sr_date_find(const char *s, size_t n, const char *lang, int min_year,
                  sr_date *out, size_t *at, size_t *end);

/* A full date in the path of a URL: /2020/03/23/, /2020-03-23-, /20200323/,
 * /2020/3/23/. False when the path has none. */
bool sr_date_from_url(const char *url, sr_date *out);

/* Year and month in the path of a URL (/2020/03/ ...), for checking other
 * candidates. m is 0 when only a year-like segment was found. */
bool sr_date_url_month(const char *url, int *y, int *m);

/* ISO 8601: "2020-03-23", or "2020-03-23T21:06:03" with "Z" or "+01:00"
 * when the offset is known. `out` needs 32 bytes. */
void sr_date_format(const sr_date *d, char *out);

/* Days since 1970-01-01 of the calendar date (time and zone ignored). */
int32_t sr_date_days(const sr_date *d);

/* Whether y-m-d is a real date. */
bool sr_date_valid(int y, int m, int d);

#endif
