/*
 * date.c — dates in metadata values, URLs and running text.
 *
 * News pages write dates in every convention of every language, so the
 * text is first cut into tokens (numbers in any script's digits, words
 * lowercased, single punctuation marks; whitespace only remembered as
 * "space before") and dates are then matched as short token patterns:
 *
 *   Y-M-D   2020-03-23, 2020/3/23, 2020. 08. 27.
 *   D.M.Y   23.03.2020, 23/03/2020 (03/23/2020 when the day cannot be the
 *           month, or month first for English)
 *   D Mon Y 27 de marzo de 2020, 23. März 2020, 12 марта 2020, 1er mai 2020
 *   Mon D Y March 23, 2020; Sep 15 2020
 *   Y Mon D 2020. március 23.
 *   CJK     2020年3月23日, 2020년 8월 27일
 *
 * each optionally followed by a time ("21:06", "T21:06:03.094Z",
 * "07:34:36 GMT", "-05:00"). Month names come from a table of about thirty
 * languages written for this project; a name that means different months
 * in two languages (Polish/Czech "listopad" is November, Croatian October)
 * is settled by the page's language. Every date is checked to exist.
 */
#include "date.h"
#include "sitrep.h"
#include "../core/internal.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- calendar ----------------------------------------------------------- */

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dm[m - 1];
}

bool sr_date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= days_in_month(y, m);
}

int32_t sr_date_days(const sr_date *dt)
{
    /* Howard Hinnant's days_from_civil. */
    int y = dt->y - (dt->m <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (dt->m + 9) % 12;
    int doy = (153 * mp + 2) / 5 + dt->d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void sr_date_format(const sr_date *d, char *out)
{
    int n = snprintf(out, 32, "%04d-%02d-%02d", d->y, d->m, d->d);
    if (!d->has_time)
        return;
    n += snprintf(out + n, 32 - (size_t)n, "T%02d:%02d:%02d", d->hh, d->mi, d->ss);
    if (!d->has_tz)
        return;
    if (d->tz_min == 0) {
        snprintf(out + n, 32 - (size_t)n, "Z");
    } else {
        int a = abs(d->tz_min);
        snprintf(out + n, 32 - (size_t)n, "%c%02d:%02d", d->tz_min < 0 ? '-' : '+',
                 a / 60, a % 60);
    }
}

/* ---- month names -------------------------------------------------------- */

typedef struct month_name {
    const char *name;        /* lowercase */
    int8_t month;
    const char *langs;       /* languages where this reading applies when
                                the same word has another one; else NULL */
} month_name;

static const month_name months[] = {
    /* English */
    {"january", 1, 0}, {"february", 2, 0}, {"march", 3, 0}, {"april", 4, 0},
    {"may", 5, 0}, {"june", 6, 0}, {"july", 7, 0}, {"august", 8, 0},
    {"september", 9, 0}, {"october", 10, 0}, {"november", 11, 0},
    {"december", 12, 0},
    {"jan", 1, 0}, {"feb", 2, 0}, {"mar", 3, 0}, {"apr", 4, 0}, {"jun", 6, 0},
    {"jul", 7, 0}, {"aug", 8, 0}, {"sep", 9, 0}, {"sept", 9, 0}, {"oct", 10, 0},
    {"nov", 11, 0}, {"dec", 12, 0},
    /* German */
    {"januar", 1, 0}, {"jänner", 1, 0}, {"jän", 1, 0}, {"februar", 2, 0},
    {"märz", 3, 0}, {"mär", 3, 0}, {"mrz", 3, 0}, {"mai", 5, 0},
    {"juni", 6, 0}, {"juli", 7, 0}, {"oktober", 10, 0}, {"okt", 10, 0},
    {"dezember", 12, 0}, {"dez", 12, 0},
    /* French */
    {"janvier", 1, 0}, {"janv", 1, 0}, {"février", 2, 0}, {"fevrier", 2, 0},
    {"févr", 2, 0}, {"fév", 2, 0}, {"mars", 3, 0}, {"avril", 4, 0},
    {"avr", 4, 0}, {"juin", 6, 0}, {"juillet", 7, 0}, {"juil", 7, 0},
    {"août", 8, 0}, {"aout", 8, 0}, {"septembre", 9, 0}, {"octobre", 10, 0},
    {"novembre", 11, 0}, {"décembre", 12, 0}, {"decembre", 12, 0},
    {"déc", 12, 0},
    /* Spanish */
    {"enero", 1, 0}, {"ene", 1, 0}, {"febrero", 2, 0}, {"marzo", 3, 0},
    {"abril", 4, 0}, {"abr", 4, 0}, {"mayo", 5, 0}, {"junio", 6, 0},
    {"julio", 7, 0}, {"agosto", 8, 0}, {"ago", 8, 0}, {"septiembre", 9, 0},
    {"setiembre", 9, 0}, {"octubre", 10, 0}, {"noviembre", 11, 0},
    {"diciembre", 12, 0}, {"dic", 12, 0},
    /* Portuguese */
    {"janeiro", 1, 0}, {"fevereiro", 2, 0}, {"fev", 2, 0}, {"março", 3, 0},
    {"marco", 3, 0}, {"maio", 5, 0}, {"junho", 6, 0}, {"julho", 7, 0},
    {"setembro", 9, 0}, {"set", 9, 0}, {"outubro", 10, 0}, {"out", 10, 0},
    {"novembro", 11, 0}, {"dezembro", 12, 0},
    /* Italian */
    {"gennaio", 1, 0}, {"gen", 1, 0}, {"febbraio", 2, 0}, {"aprile", 4, 0},
    {"maggio", 5, 0}, {"mag", 5, 0}, {"giugno", 6, 0}, {"giu", 6, 0},
    {"luglio", 7, 0}, {"lug", 7, 0}, {"settembre", 9, 0}, {"ottobre", 10, 0},
    {"ott", 10, 0}, {"dicembre", 12, 0},
    /* Dutch, Swedish, Norwegian, Danish, Indonesian, Malay, Estonian */
    {"januari", 1, 0}, {"februari", 2, 0}, {"maart", 3, 0}, {"mrt", 3, 0},
    {"mei", 5, 0}, {"augustus", 8, 0}, {"augusti", 8, 0}, {"maj", 5, 0},
    {"marts", 3, 0}, {"desember", 12, 0}, {"maret", 3, 0}, {"agustus", 8, 0},
    {"desember", 12, 0}, {"mac", 3, 0}, {"ogos", 8, 0}, {"disember", 12, 0},
    {"jaanuar", 1, 0}, {"veebruar", 2, 0}, {"märts", 3, 0}, {"aprill", 4, 0},
    {"juuni", 6, 0}, {"juuli", 7, 0}, {"oktoober", 10, 0}, {"detsember", 12, 0},
    /* Catalan */
    {"gener", 1, 0}, {"febrer", 2, 0}, {"març", 3, 0}, {"maig", 5, 0},
    {"juny", 6, 0}, {"juliol", 7, 0}, {"agost", 8, 0}, {"setembre", 9, 0},
    {"desembre", 12, 0},
    /* Romanian */
    {"ianuarie", 1, 0}, {"februarie", 2, 0}, {"martie", 3, 0},
    {"aprilie", 4, 0}, {"iunie", 6, 0}, {"iulie", 7, 0},
    {"septembrie", 9, 0}, {"octombrie", 10, 0}, {"noiembrie", 11, 0},
    {"decembrie", 12, 0},
    /* Hungarian */
    {"január", 1, 0}, {"február", 2, 0}, {"febr", 2, 0}, {"március", 3, 0},
    {"márc", 3, 0}, {"április", 4, 0}, {"ápr", 4, 0}, {"május", 5, 0},
    {"máj", 5, 0}, {"június", 6, 0}, {"jún", 6, 0}, {"július", 7, 0},
    {"júl", 7, 0}, {"augusztus", 8, 0}, {"szeptember", 9, 0}, {"szept", 9, 0},
    {"október", 10, 0},
    /* Turkish */
    {"ocak", 1, 0}, {"şubat", 2, 0}, {"mart", 3, 0}, {"nisan", 4, 0},
    {"mayıs", 5, 0}, {"haziran", 6, 0}, {"temmuz", 7, 0}, {"ağustos", 8, 0},
    {"eylül", 9, 0}, {"ekim", 10, 0}, {"kasım", 11, 0}, {"aralık", 12, 0},
    /* Finnish */
    {"tammikuuta", 1, 0}, {"helmikuuta", 2, 0}, {"maaliskuuta", 3, 0},
    {"huhtikuuta", 4, 0}, {"toukokuuta", 5, 0}, {"kesäkuuta", 6, 0},
    {"heinäkuuta", 7, 0}, {"elokuuta", 8, 0}, {"syyskuuta", 9, 0},
    {"lokakuuta", 10, 0}, {"marraskuuta", 11, 0}, {"joulukuuta", 12, 0},
    /* Polish */
    {"stycznia", 1, 0}, {"styczeń", 1, 0}, {"lutego", 2, 0}, {"luty", 2, 0},
    {"marca", 3, 0}, {"marzec", 3, 0}, {"kwietnia", 4, 0},
    {"kwiecień", 4, 0}, {"maja", 5, 0}, {"czerwca", 6, 0},
    {"czerwiec", 6, 0}, {"lipca", 7, 0}, {"lipiec", 7, 0},
    {"sierpnia", 8, 0}, {"sierpień", 8, 0}, {"września", 9, 0},
    {"wrzesień", 9, 0}, {"października", 10, 0}, {"październik", 10, 0},
    {"listopada", 11, 0}, {"listopad", 11, 0}, {"grudnia", 12, 0},
    {"grudzień", 12, 0},
    /* Czech, Slovak */
    {"ledna", 1, 0}, {"leden", 1, 0}, {"února", 2, 0}, {"únor", 2, 0},
    {"března", 3, 0}, {"březen", 3, 0}, {"dubna", 4, 0}, {"duben", 4, 0},
    {"května", 5, 0}, {"květen", 5, 0}, {"června", 6, 0}, {"červen", 6, 0},
    {"července", 7, 0}, {"červenec", 7, 0}, {"srpna", 8, 0}, {"srpen", 8, 0},
    {"září", 9, 0}, {"října", 10, 0}, {"říjen", 10, 0}, {"listopadu", 11, 0},
    {"prosince", 12, 0}, {"prosinec", 12, 0},
    {"januára", 1, 0}, {"februára", 2, 0}, {"apríla", 4, 0}, {"mája", 5, 0},
    {"júna", 6, 0}, {"júla", 7, 0}, {"októbra", 10, 0},
    /* Croatian, Bosnian, Serbian, Slovenian (Latin) */
    {"siječnja", 1, 0}, {"siječanj", 1, 0}, {"veljače", 2, 0},
    {"veljača", 2, 0}, {"ožujka", 3, 0}, {"ožujak", 3, 0}, {"travnja", 4, 0},
    {"travanj", 4, 0}, {"svibnja", 5, 0}, {"svibanj", 5, 0}, {"lipnja", 6, 0},
    {"lipanj", 6, 0}, {"srpnja", 7, 0}, {"srpanj", 7, 0}, {"kolovoza", 8, 0},
    {"kolovoz", 8, 0}, {"rujna", 9, 0}, {"rujan", 9, 0},
    {"listopada", 10, "hr bs sh"}, {"listopad", 10, "hr bs sh"},
    {"studenoga", 11, 0}, {"studenog", 11, 0}, {"studeni", 11, 0},
    {"prosinca", 12, 0}, {"prosinac", 12, 0},
    {"januara", 1, 0}, {"februara", 2, 0}, {"marta", 3, 0}, {"aprila", 4, 0},
    {"juna", 6, 0}, {"jula", 7, 0}, {"avgust", 8, 0}, {"avgusta", 8, 0},
    {"augusta", 8, 0}, {"septembar", 9, 0}, {"septembra", 9, 0},
    {"oktobar", 10, 0}, {"oktobra", 10, 0}, {"novembar", 11, 0},
    {"novembra", 11, 0}, {"decembar", 12, 0}, {"decembra", 12, 0},
    {"marec", 3, 0}, {"junij", 6, 0}, {"julij", 7, 0},
    /* Russian */
    {"января", 1, 0}, {"январь", 1, 0}, {"янв", 1, 0}, {"февраля", 2, 0},
    {"февраль", 2, 0}, {"фев", 2, 0}, {"марта", 3, 0}, {"март", 3, 0},
    {"апреля", 4, 0}, {"апрель", 4, 0}, {"апр", 4, 0}, {"мая", 5, 0},
    {"май", 5, 0}, {"июня", 6, 0}, {"июнь", 6, 0}, {"июля", 7, 0},
    {"июль", 7, 0}, {"августа", 8, 0}, {"август", 8, 0}, {"авг", 8, 0},
    {"сентября", 9, 0}, {"сентябрь", 9, 0}, {"сен", 9, 0},
    {"октября", 10, 0}, {"октябрь", 10, 0}, {"окт", 10, 0},
    {"ноября", 11, 0}, {"ноябрь", 11, 0}, {"ноя", 11, 0},
    {"декабря", 12, 0}, {"декабрь", 12, 0}, {"дек", 12, 0},
    /* Ukrainian */
    {"січня", 1, 0}, {"січень", 1, 0}, {"лютого", 2, 0}, {"лютий", 2, 0},
    {"березня", 3, 0}, {"березень", 3, 0}, {"квітня", 4, 0},
    {"квітень", 4, 0}, {"травня", 5, 0}, {"травень", 5, 0}, {"червня", 6, 0},
    {"червень", 6, 0}, {"липня", 7, 0}, {"липень", 7, 0}, {"серпня", 8, 0},
    {"серпень", 8, 0}, {"вересня", 9, 0}, {"вересень", 9, 0},
    {"жовтня", 10, 0}, {"жовтень", 10, 0}, {"листопада", 11, "uk"},
    {"листопад", 11, 0}, {"грудня", 12, 0}, {"грудень", 12, 0},
    /* Serbian (Cyrillic), Bulgarian */
    {"јануар", 1, 0}, {"јануара", 1, 0}, {"фебруар", 2, 0},
    {"фебруара", 2, 0}, {"април", 4, 0}, {"априла", 4, 0}, {"мај", 5, 0},
    {"маја", 5, 0}, {"јун", 6, 0}, {"јуна", 6, 0}, {"јул", 7, 0},
    {"јула", 7, 0}, {"августа", 8, 0}, {"септембар", 9, 0},
    {"септембра", 9, 0}, {"октобар", 10, 0}, {"октобра", 10, 0},
    {"новембар", 11, 0}, {"новембра", 11, 0}, {"децембар", 12, 0},
    {"децембра", 12, 0},
    {"януари", 1, 0}, {"февруари", 2, 0}, {"юни", 6, 0}, {"юли", 7, 0},
    {"септември", 9, 0}, {"октомври", 10, 0}, {"ноември", 11, 0},
    {"декември", 12, 0},
    /* Greek (genitive) */
    {"ιανουαρίου", 1, 0}, {"φεβρουαρίου", 2, 0}, {"μαρτίου", 3, 0},
    {"απριλίου", 4, 0}, {"μαΐου", 5, 0}, {"ιουνίου", 6, 0},
    {"ιουλίου", 7, 0}, {"αυγούστου", 8, 0}, {"σεπτεμβρίου", 9, 0},
    {"οκτωβρίου", 10, 0}, {"νοεμβρίου", 11, 0}, {"δεκεμβρίου", 12, 0},
    /* Arabic (Gregorian month names, Egyptian and Levantine) */
    {"يناير", 1, 0}, {"فبراير", 2, 0}, {"مارس", 3, 0}, {"أبريل", 4, 0},
    {"ابريل", 4, 0}, {"إبريل", 4, 0}, {"مايو", 5, 0}, {"يونيو", 6, 0},
    {"يوليو", 7, 0}, {"أغسطس", 8, 0}, {"اغسطس", 8, 0}, {"سبتمبر", 9, 0},
    {"أكتوبر", 10, 0}, {"اكتوبر", 10, 0}, {"نوفمبر", 11, 0},
    {"ديسمبر", 12, 0}, {"شباط", 2, 0}, {"آذار", 3, 0}, {"نيسان", 4, 0},
    {"أيار", 5, 0}, {"حزيران", 6, 0}, {"تموز", 7, 0}, {"آب", 8, 0},
    {"أيلول", 9, 0},
    /* Hebrew */
    {"ינואר", 1, 0}, {"פברואר", 2, 0}, {"מרץ", 3, 0}, {"מרס", 3, 0},
    {"אפריל", 4, 0}, {"מאי", 5, 0}, {"יוני", 6, 0}, {"יולי", 7, 0},
    {"אוגוסט", 8, 0}, {"ספטמבר", 9, 0}, {"אוקטובר", 10, 0},
    {"נובמבר", 11, 0}, {"דצמבר", 12, 0},
    /* Hindi (with and without nukta) */
    {"जनवरी", 1, 0}, {"फरवरी", 2, 0}, {"फ़रवरी", 2, 0}, {"मार्च", 3, 0},
    {"अप्रैल", 4, 0}, {"मई", 5, 0}, {"जून", 6, 0}, {"जुलाई", 7, 0},
    {"अगस्त", 8, 0}, {"सितंबर", 9, 0}, {"सितम्बर", 9, 0},
    {"अक्टूबर", 10, 0}, {"अक्तूबर", 10, 0}, {"नवंबर", 11, 0},
    {"नवम्बर", 11, 0}, {"दिसंबर", 12, 0}, {"दिसम्बर", 12, 0},
};

static bool lang_in(const char *lang, const char *langs)
{
    if (!lang || !lang[0] || !lang[1])
        return false;
    for (const char *p = langs; *p;) {
        if (p[0] == lang[0] && p[1] == lang[1] && (p[2] == ' ' || p[2] == '\0'))
            return true;
        p += 2;
        while (*p == ' ')
            p++;
    }
    return false;
}

/* The month a lowercased word names, or 0. */
static int month_of(const char *w, size_t n, const char *lang)
{
    int found = 0;
    for (size_t i = 0; i < SR_ARRAY_LEN(months); i++) {
        const month_name *m = &months[i];
        if (m->name[0] != w[0] || strlen(m->name) != n || memcmp(m->name, w, n) != 0)
            continue;
        if (m->langs) {
            if (lang_in(lang, m->langs))
                return m->month;
            continue;
        }
        if (!found)
            found = m->month;
    }
    if (!found) {
        /* a name only listed with a language reading: use it anyway */
        for (size_t i = 0; i < SR_ARRAY_LEN(months); i++)
            if (months[i].name[0] == w[0] && strlen(months[i].name) == n &&
                memcmp(months[i].name, w, n) == 0)
                return months[i].month;
    }
    return found;
}

/* ---- tokens ------------------------------------------------------------- */

typedef enum { T_NUM, T_WORD, T_PUNCT } tok_kind;

typedef struct tok {
    tok_kind kind;
    bool space;              /* whitespace before it */
    uint8_t ndigits;         /* T_NUM: digits (capped at 20) */
    int64_t value;           /* T_NUM */
    uint32_t cp;             /* T_PUNCT: the character */
    uint32_t w, wlen;        /* T_WORD: lowercase form in the word buffer */
    size_t start, end;       /* bytes in the input */
} tok;

typedef struct toks {
    tok *t;
    size_t n, cap;
    sr_buf words;
} toks;

static int digit_of(uint32_t c)
{
    static const uint32_t zeros[] = {
        '0', 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66,
        0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040,
        0x17E0, 0xFF10,
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(zeros); i++)
        if (c >= zeros[i] && c <= zeros[i] + 9)
            return (int)(c - zeros[i]);
    return -1;
}

/* CJK date characters are tokens of their own (年 月 日 년 월 일). */
static bool cjk_date_char(uint32_t c)
{
    return c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0xB144 ||
           c == 0xC6D4 || c == 0xC77C;
}

static bool is_letter(uint32_t c)
{
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ME);
}

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x200B ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x3000 || c == 0xFEFF;
}

static tok *push(toks *ts)
{
    if (ts->n == ts->cap) {
        ts->cap = ts->cap ? ts->cap * 2 : 64;
        ts->t = sr_xrealloc(ts->t, ts->cap * sizeof *ts->t);
    }
    tok *t = &ts->t[ts->n++];
    memset(t, 0, sizeof *t);
    return t;
}

static void tokenize(const char *s, size_t n, toks *ts)
{
    const unsigned char *u = (const unsigned char *)s;
    bool space = false;
    size_t i = 0;
    while (i < n) {
        uint32_t c;
        size_t k = sr_utf8_decode(u + i, n - i, &c);
        if (k == 0) {           /* invalid byte: a separator */
            space = true;
            i++;
            continue;
        }
        if (is_space(c) || c < 0x20) {
            space = true;
            i += k;
            continue;
        }
        tok *t = push(ts);
        t->space = space;
        space = false;
        t->start = i;
        int dv = digit_of(c);
        if (dv >= 0) {
            t->kind = T_NUM;
            while (i < n && (k = sr_utf8_decode(u + i, n - i, &c)) && (dv = digit_of(c)) >= 0) {
                if (t->ndigits < 18)   /* longer runs are never dates */
                    t->value = t->value * 10 + dv;
                if (t->ndigits < 20)
                    t->ndigits++;
                i += k;
            }
        } else if (is_letter(c) && !cjk_date_char(c)) {
            t->kind = T_WORD;
            t->w = (uint32_t)ts->words.len;
            while (i < n && (k = sr_utf8_decode(u + i, n - i, &c)) && is_letter(c) &&
                   !cjk_date_char(c)) {
                char enc[4];
                uint32_t lc = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
                sr_buf_put(&ts->words, enc, sr_utf8_encode(lc, enc));
                i += k;
            }
            t->wlen = (uint32_t)(ts->words.len - t->w);
        } else {
            t->kind = T_PUNCT;
            t->cp = c;
            i += k;
        }
        t->end = i;
    }
}

static void toks_free(toks *ts)
{
    free(ts->t);
    sr_buf_free(&ts->words);
}

/* ---- matching ----------------------------------------------------------- */

typedef struct matcher {
    const toks *ts;
    const char *lang;
    int min_year;
} matcher;

static const tok *at(const matcher *m, size_t i)
{
    return i < m->ts->n ? &m->ts->t[i] : NULL;
}

static bool num(const matcher *m, size_t i, int minlen, int maxlen, int *v)
{
    const tok *t = at(m, i);
    if (!t || t->kind != T_NUM || t->ndigits < minlen || t->ndigits > maxlen)
        return false;
    *v = (int)t->value;
    return true;
}

static bool punct(const matcher *m, size_t i, uint32_t c)
{
    const tok *t = at(m, i);
    return t && t->kind == T_PUNCT && t->cp == c;
}

static bool word_is(const matcher *m, size_t i, const char *w)
{
    const tok *t = at(m, i);
    return t && t->kind == T_WORD && t->wlen == strlen(w) &&
           memcmp(m->ts->words.data + t->w, w, t->wlen) == 0;
}

static int month_at(const matcher *m, size_t i)
{
    const tok *t = at(m, i);
    if (!t || t->kind != T_WORD)
        return 0;
    return month_of(m->ts->words.data + t->w, t->wlen, m->lang);
}

/* Skip the small words and marks that sit between the parts of a written
 * date: "27 de marzo", "1er mai", "23rd of March", "23. März", "Sep. 15,". */
static size_t skip_fillers(const matcher *m, size_t i, int max)
{
    static const char *const words[] = {
        "de", "del", "d", "of", "di", "st", "nd", "rd", "th", "er", "e",
        "º", "ª", "o", "a",
    };
    for (int k = 0; k < max; k++) {
        const tok *t = at(m, i);
        if (!t)
            break;
        bool skip = false;
        if (t->kind == T_PUNCT)
            skip = t->cp == '.' || t->cp == ',' || t->cp == '-' || t->cp == '/' ||
                   t->cp == '\'' || t->cp == 0x2019;
        else if (t->kind == T_WORD)
            for (size_t w = 0; w < SR_ARRAY_LEN(words) && !skip; w++)
                skip = word_is(m, i, words[w]);
        if (!skip)
            break;
        i++;
    }
    return i;
}

static bool year_ok(const matcher *m, int y)
{
    return y >= m->min_year && y <= SR_DATE_MAX_YEAR;
}

static bool set_date(const matcher *m, sr_date *d, int y, int mo, int day)
{
    if (!year_ok(m, y) || !sr_date_valid(y, mo, day))
        return false;
    memset(d, 0, sizeof *d);
    d->y = (int16_t)y;
    d->m = (int8_t)mo;
    d->d = (int8_t)day;
    return true;
}

/* Y sep M sep D, the separator the same twice. Returns the index after. */
static size_t match_ymd(const matcher *m, size_t i, sr_date *d)
{
    int y, mo, day;
    if (!num(m, i, 4, 4, &y))
        return 0;
    const tok *s = at(m, i + 1);
    if (!s || s->kind != T_PUNCT || !(s->cp == '-' || s->cp == '/' || s->cp == '.'))
        return 0;
    if (!num(m, i + 2, 1, 2, &mo) || !punct(m, i + 3, s->cp) || !num(m, i + 4, 1, 2, &day))
        return 0;
    return set_date(m, d, y, mo, day) ? i + 5 : 0;
}

/* D sep M sep Y; month first when the first number cannot be a day's
 * month partner, or for English with slashes. */
static size_t match_dmy(const matcher *m, size_t i, sr_date *d)
{
    int a, b, y;
    if (!num(m, i, 1, 2, &a))
        return 0;
    const tok *s = at(m, i + 1);
    if (!s || s->kind != T_PUNCT || !(s->cp == '-' || s->cp == '/' || s->cp == '.'))
        return 0;
    if (!num(m, i + 2, 1, 2, &b) || !punct(m, i + 3, s->cp) || !num(m, i + 4, 4, 4, &y))
        return 0;
    /* not part of a longer dotted number (an IP address, a version) */
    if (punct(m, i + 5, s->cp) && at(m, i + 6) && at(m, i + 6)->kind == T_NUM &&
        !at(m, i + 6)->space)
        return 0;
    bool month_first = b > 12 ||
        (a <= 12 && s->cp == '/' && m->lang && m->lang[0] == 'e' && m->lang[1] == 'n');
    int day = month_first ? b : a, mo = month_first ? a : b;
    return set_date(m, d, y, mo, day) ? i + 5 : 0;
}

/* D [fillers] Month [fillers] Y */
static size_t match_d_month_y(const matcher *m, size_t i, sr_date *d)
{
    int day, y;
    if (!num(m, i, 1, 2, &day))
        return 0;
    size_t j = skip_fillers(m, i + 1, 3);
    int mo = month_at(m, j);
    if (!mo)
        return 0;
    j = skip_fillers(m, j + 1, 3);
    if (!num(m, j, 4, 4, &y))
        return 0;
    return set_date(m, d, y, mo, day) ? j + 1 : 0;
}

/* Month [fillers] D [fillers] Y */
static size_t match_month_d_y(const matcher *m, size_t i, sr_date *d)
{
    int mo = month_at(m, i), day, y;
    if (!mo)
        return 0;
    size_t j = skip_fillers(m, i + 1, 2);
    if (!num(m, j, 1, 2, &day))
        return 0;
    j = skip_fillers(m, j + 1, 3);
    if (!num(m, j, 4, 4, &y))
        return 0;
    return set_date(m, d, y, mo, day) ? j + 1 : 0;
}

/* Y [.] Month D (Hungarian) */
static size_t match_y_month_d(const matcher *m, size_t i, sr_date *d)
{
    int y, day;
    if (!num(m, i, 4, 4, &y))
        return 0;
    size_t j = punct(m, i + 1, '.') ? i + 2 : i + 1;
    int mo = month_at(m, j);
    if (!mo || !num(m, j + 1, 1, 2, &day))
        return 0;
    return set_date(m, d, y, mo, day) ? j + 2 : 0;
}

/* 2020年3月23日, 2020년 8월 27일 */
static size_t match_cjk(const matcher *m, size_t i, sr_date *d)
{
    int y, mo, day;
    if (!num(m, i, 4, 4, &y))
        return 0;
    if (!(punct(m, i + 1, 0x5E74) || punct(m, i + 1, 0xB144)))
        return 0;
    if (!num(m, i + 2, 1, 2, &mo) || !(punct(m, i + 3, 0x6708) || punct(m, i + 3, 0xC6D4)))
        return 0;
    if (!num(m, i + 4, 1, 2, &day))
        return 0;
    size_t j = i + 5;
    if (punct(m, j, 0x65E5) || punct(m, j, 0xC77C))
        j++;
    return set_date(m, d, y, mo, day) ? j : 0;
}

/* ---- times and zones ---------------------------------------------------- */

static const struct {
    const char *name;
    int16_t minutes;
} zones[] = {
    {"z", 0}, {"gmt", 0}, {"utc", 0}, {"ut", 0}, {"est", -300}, {"edt", -240},
    {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480},
    {"pdt", -420}, {"cet", 60}, {"cest", 120}, {"met", 60}, {"mez", 60},
    {"mesz", 120}, {"bst", 60}, {"eet", 120}, {"eest", 180}, {"msk", 180},
    {"jst", 540}, {"kst", 540}, {"aest", 600}, {"aedt", 660}, {"hkt", 480},
    {"sgt", 480},
};

/* A zone at i: "Z", "+02:00", "-0500", "+05", "GMT", "EST", "GMT+2". */
static size_t match_zone(const matcher *m, size_t i, sr_date *d)
{
    const tok *t = at(m, i);
    if (!t)
        return i;
    if (t->kind == T_WORD) {
        for (size_t k = 0; k < SR_ARRAY_LEN(zones); k++) {
            if (word_is(m, i, zones[k].name)) {
                d->has_tz = true;
                d->tz_min = zones[k].minutes;
                size_t j = i + 1;
                if (zones[k].minutes == 0 && at(m, j) && !at(m, j)->space &&
                    (punct(m, j, '+') || punct(m, j, '-')))
                    return match_zone(m, j, d);   /* GMT+02:00 */
                return j;
            }
        }
        return i;
    }
    if (punct(m, i, '+') || punct(m, i, '-')) {
        int sign = t->cp == '-' ? -1 : 1, h, mi = 0;
        size_t j = i + 1;
        const tok *nt = at(m, j);
        /* "+02:00" glued to the time; "-0700" may stand apart */
        if (!nt || nt->kind != T_NUM || nt->space || (t->space && nt->ndigits != 4))
            return i;
        if (nt->ndigits == 4) {
            h = (int)nt->value / 100;
            mi = (int)nt->value % 100;
            j++;
        } else if (nt->ndigits == 2) {
            h = (int)nt->value;
            j++;
            if (punct(m, j, ':') && num(m, j + 1, 2, 2, &mi))
                j += 2;
        } else {
            return i;
        }
        if (h > 14 || mi > 59)
            return i;
        d->has_tz = true;
        d->tz_min = (int16_t)(sign * (h * 60 + mi));
        return j;
    }
    return i;
}

/* A time of day at i: [T|,|at|um|à] HH:MM[:SS[.fff]] [zone]. */
static size_t match_time(const matcher *m, size_t i, sr_date *d)
{
    static const char *const lead[] = {"t", "at", "um", "à", "a", "às", "alle", "klo", "kl", "o"};
    size_t j = i;
    if (punct(m, j, ',') || punct(m, j, '|') || punct(m, j, '-') || punct(m, j, 0x2013))
        j++;
    for (size_t k = 0; k < SR_ARRAY_LEN(lead); k++)
        if (word_is(m, j, lead[k])) {
            j++;
            break;
        }
    int h, mi, s = 0;
    if (!num(m, j, 1, 2, &h) || !punct(m, j + 1, ':') || !num(m, j + 2, 2, 2, &mi))
        return i;
    j += 3;
    if (punct(m, j, ':') && num(m, j + 1, 2, 2, &s)) {
        j += 2;
        if ((punct(m, j, '.') || punct(m, j, ',')) && at(m, j + 1) &&
            at(m, j + 1)->kind == T_NUM && !at(m, j + 1)->space)
            j += 2;
    }
    if (h > 23 || mi > 59 || s > 60)
        return i;
    if (word_is(m, j, "am") || word_is(m, j, "pm")) {
        if (h > 12)
            return i;
        if (word_is(m, j, "pm") && h < 12)
            h += 12;
        else if (word_is(m, j, "am") && h == 12)
            h = 0;
        j++;
    }
    d->has_time = true;
    d->hh = (int8_t)h;
    d->mi = (int8_t)mi;
    d->ss = (int8_t)(s > 59 ? 59 : s);
    return match_zone(m, j, d);
}

/* Any date pattern starting at token i; the index after it, or 0. */
static size_t match_at(const matcher *m, size_t i, sr_date *d)
{
    size_t e;
    if ((e = match_cjk(m, i, d)) || (e = match_ymd(m, i, d)) ||
        (e = match_dmy(m, i, d)) || (e = match_d_month_y(m, i, d)) ||
        (e = match_month_d_y(m, i, d)) || (e = match_y_month_d(m, i, d)))
        return e;
    return 0;
}

/* The ctime form, "Tue Jan 28 15:28:56 CET 2020". */
static size_t match_ctime(const matcher *m, size_t i, sr_date *d)
{
    int mo = month_at(m, i), day, y;
    if (!mo || !num(m, i + 1, 1, 2, &day))
        return 0;
    sr_date t = {0};
    size_t j = match_time(m, i + 2, &t);
    if (j == i + 2 || !num(m, j, 4, 4, &y) || !set_date(m, d, y, mo, day))
        return 0;
    d->has_time = t.has_time;
    d->hh = t.hh;
    d->mi = t.mi;
    d->ss = t.ss;
    d->has_tz = t.has_tz;
    d->tz_min = t.tz_min;
    return j + 1;
}

/* "20200516" or "20200516T095153Z" / "20200516T09:51:53Z". */
static size_t match_compact(const matcher *m, size_t i, sr_date *d)
{
    const tok *t = at(m, i);
    if (!t || t->kind != T_NUM || (t->ndigits != 8 && t->ndigits != 14))
        return 0;
    int64_t v = t->value;
    int hh = -1, mi = 0, ss = 0;
    if (t->ndigits == 14) {
        ss = (int)(v % 100); v /= 100;
        mi = (int)(v % 100); v /= 100;
        hh = (int)(v % 100); v /= 100;
    }
    if (!set_date(m, d, (int)(v / 10000), (int)(v / 100 % 100), (int)(v % 100)))
        return 0;
    size_t j = i + 1;
    if (hh >= 0) {
        if (hh > 23 || mi > 59 || ss > 59)
            return 0;
        d->has_time = true;
        d->hh = (int8_t)hh;
        d->mi = (int8_t)mi;
        d->ss = (int8_t)ss;
        return match_zone(m, j, d);
    }
    const tok *n = at(m, j + 1);
    if (word_is(m, j, "t") && n && n->kind == T_NUM && n->ndigits == 6 && !n->space) {
        int64_t tv = n->value;
        if (tv / 10000 > 23 || tv / 100 % 100 > 59 || tv % 100 > 59)
            return j;
        d->has_time = true;
        d->hh = (int8_t)(tv / 10000);
        d->mi = (int8_t)(tv / 100 % 100);
        d->ss = (int8_t)(tv % 100);
        return match_zone(m, j + 2, d);
    }
    return match_time(m, j, d);
}

bool sr_date_parse(const char *s, size_t n, sr_date *out)
{
    toks ts = {0};
    tokenize(s, n < 256 ? n : 256, &ts);
    matcher m = {&ts, NULL, 1970};
    bool ok = false;
    /* The date may follow a weekday or a label ("Sun, ", "Published: "). */
    for (size_t i = 0; i < ts.n && i < 6 && !ok; i++) {
        sr_date d;
        size_t e;
        if ((e = match_ctime(&m, i, &d)) || (e = match_compact(&m, i, &d))) {
            *out = d;
            ok = true;
        } else if ((e = match_at(&m, i, &d))) {
            match_time(&m, e, &d);
            *out = d;
            ok = true;
        }
    }
    toks_free(&ts);
    return ok;
}

bool sr_date_find(const char *s, size_t n, const char *lang, int min_year,
                  sr_date *out, size_t *start, size_t *end)
{
    toks ts = {0};
    tokenize(s, n, &ts);
    matcher m = {&ts, lang, min_year};
    bool ok = false;
    for (size_t i = 0; i < ts.n && !ok; i++) {
        sr_date d;
        size_t e = match_at(&m, i, &d);
        if (!e)
            continue;
        /* a number glued before the date belongs to something else */
        if (i > 0 && !ts.t[i].space && ts.t[i - 1].kind == T_NUM)
            continue;
        e = match_time(&m, e, &d);
        *out = d;
        if (start)
            *start = ts.t[i].start;
        if (end)
            *end = ts.t[e - 1].end;
        ok = true;
    }
    toks_free(&ts);
    return ok;
}

/* ---- URLs --------------------------------------------------------------- */

/* The path of a URL: after "scheme://host", up to '?' or '#'. */
static void url_path(const char *url, const char **p, size_t *n)
{
    const char *s = strstr(url, "://");
    s = s ? strchr(s + 3, '/') : url;
    if (!s)
        s = url + strlen(url);
    size_t k = strcspn(s, "?#");
    *p = s;
    *n = k;
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Read 1..max digits at p; returns the count. */
static int read_num(const char *p, const char *e, int max, int *v)
{
    int k = 0;
    *v = 0;
    while (p + k < e && digit(p[k]) && k <= max) {
        *v = *v * 10 + (p[k] - '0');
        k++;
    }
    return k > max ? 0 : k;
}

bool sr_date_from_url(const char *url, sr_date *out)
{
    const char *p;
    size_t n;
    url_path(url, &p, &n);
    const char *e = p + n;
    for (const char *q = p; q < e; q++) {
        if (!digit(*q) || (q > p && (digit(q[-1]) || (q[-1] >= 'a' && q[-1] <= 'z') ||
                                     (q[-1] >= 'A' && q[-1] <= 'Z'))))
            continue;
        int y, mo, d, k;
        k = read_num(q, e, 8, &y);
        const char *r = q + k;
        if (k == 8 && (r == e || !digit(*r))) {
            /* YYYYMMDD */
            int yy = y / 10000, mm = y / 100 % 100, dd = y % 100;
            if (yy >= 1990 && yy <= SR_DATE_MAX_YEAR && sr_date_valid(yy, mm, dd)) {
                memset(out, 0, sizeof *out);
                out->y = (int16_t)yy; out->m = (int8_t)mm; out->d = (int8_t)dd;
                return true;
            }
            continue;
        }
        if (k != 4 || y < 1990 || y > SR_DATE_MAX_YEAR || r >= e ||
            !(*r == '/' || *r == '-' || *r == '_' || *r == '.'))
            continue;
        char sep = *r++;
        k = read_num(r, e, 2, &mo);
        if (!k || r + k >= e || r[k] != sep)
            continue;
        r += k + 1;
        k = read_num(r, e, 2, &d);
        if (!k || (r + k < e && digit(r[k])))
            continue;
        if (sr_date_valid(y, mo, d)) {
            memset(out, 0, sizeof *out);
            out->y = (int16_t)y; out->m = (int8_t)mo; out->d = (int8_t)d;
            return true;
        }
    }
    return false;
}

bool sr_date_url_month(const char *url, int *y, int *m)
{
    const char *p;
    size_t n;
    url_path(url, &p, &n);
    const char *e = p + n;
    for (const char *q = p; q + 5 < e; q++) {
        if (*q != '/' || !digit(q[1]))
            continue;
        int yy, mm, k = read_num(q + 1, e, 4, &yy);
        if (k != 4 || yy < 1990 || yy > SR_DATE_MAX_YEAR || q + 5 >= e || q[5] != '/')
            continue;
        k = read_num(q + 6, e, 2, &mm);
        *y = yy;
        *m = (k && q + 6 + k < e && q[6 + k] == '/' && mm >= 1 && mm <= 12) ? mm : 0;
        return true;
    }
    return false;
}
