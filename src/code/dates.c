/*
 * dates.c — the date of an event: a date expression of its sentence
 * ("on Tuesday", "last June", "yesterday", "June 14", "14 June 2025")
 * resolved against the document's published date, else the published date
 * itself.
 *
 * Resolution follows news usage: a weekday is the latest such day on or
 * before publication ("Israel struck on Tuesday" in Wednesday's paper), or
 * the next one when the verb is in the future; a month without a year is
 * the latest such month not after publication ("last June"), "next" moves
 * forward; a day of the month without a month is ignored. All arithmetic is
 * on days since 1970 (proleptic Gregorian), so it needs no locale and no
 * time zone.
 */
#include "coder.h"
#include "../core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static uint32_t civil_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    if (y < 1000 || y > 9999)
        return 0;
    return (uint32_t)(y * 10000 + m * 100 + d);
}

static int64_t to_days(uint32_t ymd)
{
    return days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100);
}

/* "2026-01-27" or "2026-01-27T..." or "20260127" -> YYYYMMDD, 0 if not. */
uint32_t sr_parse_iso_date(const char *s)
{
    if (!s)
        return 0;
    unsigned y, m, d;
    if (sscanf(s, "%4u-%2u-%2u", &y, &m, &d) == 3 ||
        (strlen(s) >= 8 && sscanf(s, "%4u%2u%2u", &y, &m, &d) == 3)) {
        if (y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
            return y * 10000 + m * 100 + d;
    }
    return 0;
}

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
static const char *const months[] = {"january", "february", "march", "april", "may",
                                     "june", "july", "august", "september", "october",
                                     "november", "december"};

static int weekday_of(const char *w)
{
    for (int i = 0; i < 7; i++)
        if (strcmp(w, weekdays[i]) == 0)
            return i;
    return -1;
}

static int month_of(const char *w)
{
    for (int i = 0; i < 12; i++)
        if (strcmp(w, months[i]) == 0 ||
            (strlen(w) >= 3 && strlen(w) <= 4 && strncmp(w, months[i], 3) == 0 &&
             (w[3] == '\0' || w[3] == '.')))
            return i + 1;
    return 0;
}

/* Monday = 0 of a day count (1970-01-01 was a Thursday = 3). */
static int dow(int64_t days)
{
    int r = (int)((days + 3) % 7);
    return r < 0 ? r + 7 : r;
}

static int number(const char *w)
{
    char *end;
    long v = strtol(w, &end, 10);
    if (end == w || (*end && strcmp(end, "st") && strcmp(end, "nd") && strcmp(end, "rd") &&
                     strcmp(end, "th")))
        return -1;
    return (int)v;
}

uint32_t sr_sentence_date(csent *cs, uint32_t published)
{
    if (!published)
        return 0;
    int64_t pub = to_days(published);
    bool future = false;
    for (int i = 0; i < cs->n; i++) {
        const char *w = cs->w[i].lower;
        if (strcmp(w, "will") == 0 || strcmp(w, "'ll") == 0 || strcmp(w, "tomorrow") == 0)
            future = true;
    }
    for (int i = 0; i < cs->n; i++) {
        const char *w = cs->w[i].lower;
        const char *prev = i > 0 ? cs->w[i - 1].lower : "";
        const char *next = i + 1 < cs->n ? cs->w[i + 1].lower : "";
        if (strcmp(w, "yesterday") == 0)
            return civil_from_days(pub - 1);
        if (strcmp(w, "today") == 0 || strcmp(w, "tonight") == 0)
            return published;
        if (strcmp(w, "tomorrow") == 0)
            return civil_from_days(pub + 1);
        int wd = weekday_of(w);
        if (wd >= 0) {
            int diff = dow(pub) - wd;
            if (strcmp(prev, "next") == 0 || (future && strcmp(prev, "last") != 0)) {
                int fwd = (wd - dow(pub) + 7) % 7;
                return civil_from_days(pub + (fwd ? fwd : 7));
            }
            if (diff < 0)
                diff += 7;
            if (strcmp(prev, "last") == 0 && diff == 0)
                diff = 7;
            return civil_from_days(pub - diff);
        }
        int mo = month_of(w);
        if (mo && cs->w[i].upos == SR_UPOS_PROPN) {
            int y = (int)(published / 10000), pm = (int)(published / 100 % 100);
            int day = 1;
            int nd = number(next), pd = number(prev);
            if (nd >= 1 && nd <= 31)
                day = nd;
            else if (pd >= 1 && pd <= 31)
                day = pd;
            /* an explicit year: "June 14, 2025", "14 June 2025" */
            for (int k = i + 1; k <= i + 3 && k < cs->n; k++) {
                int yy = number(cs->w[k].lower);
                if (yy >= 1000 && yy <= 9999) {
                    return (uint32_t)(yy * 10000 + mo * 100 + day);
                }
            }
            if (strcmp(prev, "next") == 0 || (future && mo > pm))
                y += mo <= pm;
            else if (mo > pm || (mo == pm && day > (int)(published % 100)))
                y -= 1;
            if (strcmp(prev, "last") == 0 && mo == pm)
                y -= 1;
            return (uint32_t)(y * 10000 + mo * 100 + day);
        }
        if (strcmp(w, "week") == 0 || strcmp(w, "month") == 0 || strcmp(w, "year") == 0) {
            int sign = strcmp(prev, "last") == 0 ? -1 : strcmp(prev, "next") == 0 ? 1 : 0;
            if (sign) {
                int span = w[0] == 'w' ? 7 : w[0] == 'm' ? 30 : 365;
                return civil_from_days(pub + sign * span);
            }
        }
    }
    return published;
}
