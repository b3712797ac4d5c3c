/*
 * html_charset.c — an HTML page's bytes, in whatever charset, as UTF-8.
 *
 * libxml2 can convert charsets itself, but it trusts declarations: a page
 * that says ISO-8859-1 and is UTF-8 comes out as mojibake, and invalid
 * UTF-8 makes it switch the rest of the page to Latin-1. So the reader
 * decides the charset here and hands libxml2 valid UTF-8 only (with
 * HTML_PARSE_IGNORE_ENC, so a <meta> cannot change its mind).
 *
 * Evidence, strongest first (the order of the HTML standard): a byte order
 * mark; the charset of the HTTP header (WARC records, the caller); a
 * <meta charset> or <meta http-equiv="Content-Type"> in the first 64 KiB;
 * else the bytes themselves (valid UTF-8 is UTF-8, anything else is
 * windows-1252, the de-facto meaning of "no charset" on the web). A
 * declaration is checked against the bytes, because wrong declarations are
 * common: UTF-8 declared over bytes that are mostly invalid UTF-8 is read as
 * windows-1252; a single-byte charset declared over bytes that are valid
 * UTF-8 with multi-byte sequences is read as UTF-8 (a legacy text valid as
 * UTF-8 by accident is vanishingly rare). ISO-8859-1 and US-ASCII mean
 * windows-1252, as browsers read them, and likewise GB2312 means GB18030,
 * Shift_JIS means Windows-31J, EUC-KR means CP949 (the WHATWG Encoding
 * standard's supersets). Conversions go through iconv; bytes
 * invalid in the chosen charset, NUL and other C0 control bytes become
 * U+FFFD, so the output is always valid UTF-8 that libxml2 accepts.
 */
#include "html.h"
#include "../core/internal.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define META_SCAN_BYTES (64u * 1024u)
#define SNIFF_BYTES 4096u

enum cs_kind { CS_UNKNOWN, CS_UTF8, CS_UTF16, CS_SINGLE, CS_MULTI };

/* Classify a charset label (already lower-case and trimmed) and write the
 * name iconv knows it by into `name`. */
static enum cs_kind classify(const char *label, char *name, size_t cap)
{
    static const char *const latin1[] = {
        "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
        "us-ascii", "ascii", "ansi_x3.4-1968", "cp1252", "windows-1252",
        "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1",
    };
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"};
    for (size_t i = 0; i < SR_ARRAY_LEN(utf8); i++)
        if (strcmp(label, utf8[i]) == 0) {
            snprintf(name, cap, "UTF-8");
            return CS_UTF8;
        }
    for (size_t i = 0; i < SR_ARRAY_LEN(latin1); i++)
        if (strcmp(label, latin1[i]) == 0) {
            snprintf(name, cap, "WINDOWS-1252");
            return CS_SINGLE;
        }
    /* labels that browsers read as a superset (the WHATWG Encoding
     * standard): pages say the narrow name and use the wide charset */
    static const struct { const char *label, *name; unsigned char kind; } wider[] = {
        {"gb2312", "GB18030", CS_MULTI}, {"gbk", "GB18030", CS_MULTI},
        {"gb_2312-80", "GB18030", CS_MULTI}, {"x-gbk", "GB18030", CS_MULTI},
        {"chinese", "GB18030", CS_MULTI}, {"csgb2312", "GB18030", CS_MULTI},
        {"shift_jis", "CP932", CS_MULTI}, {"shift-jis", "CP932", CS_MULTI},
        {"sjis", "CP932", CS_MULTI}, {"x-sjis", "CP932", CS_MULTI},
        {"windows-31j", "CP932", CS_MULTI}, {"ms_kanji", "CP932", CS_MULTI},
        {"euc-kr", "CP949", CS_MULTI}, {"ks_c_5601-1987", "CP949", CS_MULTI},
        {"korean", "CP949", CS_MULTI}, {"big5", "BIG5-HKSCS", CS_MULTI},
        {"x-x-big5", "BIG5-HKSCS", CS_MULTI}, {"iso-8859-9", "WINDOWS-1254", CS_SINGLE},
        {"latin5", "WINDOWS-1254", CS_SINGLE}, {"iso-8859-11", "WINDOWS-874", CS_SINGLE},
        {"tis-620", "WINDOWS-874", CS_SINGLE},
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(wider); i++)
        if (strcmp(label, wider[i].label) == 0) {
            snprintf(name, cap, "%s", wider[i].name);
            return (enum cs_kind)wider[i].kind;
        }
    if (strncmp(label, "utf-16", 6) == 0 || strcmp(label, "unicode") == 0) {
        snprintf(name, cap, "%s", strstr(label, "be") ? "UTF-16BE" : "UTF-16LE");
        return CS_UTF16;
    }
    snprintf(name, cap, "%s", label);
    static const char *const single[] = {
        "iso-8859", "iso8859", "iso_8859", "windows-125", "cp125", "koi8",
        "latin", "macintosh", "x-mac", "ibm866", "cp866", "windows-874",
        "tis-620", "x-user-defined",
    };
    for (size_t i = 0; i < SR_ARRAY_LEN(single); i++)
        if (strncmp(label, single[i], strlen(single[i])) == 0)
            return CS_SINGLE;
    return CS_MULTI;
}

/* Lower-case and trim a declared label into buf; false when empty or
 * implausible. */
static bool clean_label(const char *s, size_t n, char *buf, size_t cap)
{
    while (n && (isspace((unsigned char)*s) || *s == '"' || *s == '\'')) {
        s++;
        n--;
    }
    while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '"' || s[n - 1] == '\''))
        n--;
    if (n == 0 || n >= cap)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!isalnum(c) && c != '-' && c != '_' && c != '.' && c != ':')
            return false;
        buf[i] = (char)tolower(c);
    }
    buf[n] = '\0';
    return true;
}

/* ---- <meta> prescan ------------------------------------------------------ */

typedef struct attr {
    const char *name, *value;
    size_t nlen, vlen;
} attr;

/* Parse one attribute at *p (before `end`); false at the tag's end. */
static bool next_attr(const char **p, const char *end, attr *a)
{
    const char *s = *p;
    while (s < end && (isspace((unsigned char)*s) || *s == '/'))
        s++;
    if (s >= end || *s == '>')
        return false;
    a->name = s;
    while (s < end && *s != '=' && *s != '>' && !isspace((unsigned char)*s) && *s != '/')
        s++;
    a->nlen = (size_t)(s - a->name);
    while (s < end && isspace((unsigned char)*s))
        s++;
    a->value = s;
    a->vlen = 0;
    if (s < end && *s == '=') {
        s++;
        while (s < end && isspace((unsigned char)*s))
            s++;
        if (s < end && (*s == '"' || *s == '\'')) {
            char q = *s++;
            a->value = s;
            while (s < end && *s != q)
                s++;
            a->vlen = (size_t)(s - a->value);
            if (s < end)
                s++;
        } else {
            a->value = s;
            while (s < end && !isspace((unsigned char)*s) && *s != '>')
                s++;
            a->vlen = (size_t)(s - a->value);
        }
    }
    *p = s;
    return true;
}

static bool attr_is(const attr *a, const char *name)
{
    return a->nlen == strlen(name) && strncasecmp(a->name, name, a->nlen) == 0;
}

/* The charset named in a Content-Type value ("text/html; charset=x"). */
static bool charset_param(const char *v, size_t n, char *buf, size_t cap)
{
    for (size_t i = 0; i + 8 <= n; i++) {
        if (strncasecmp(v + i, "charset", 7) != 0)
            continue;
        size_t j = i + 7;
        while (j < n && isspace((unsigned char)v[j]))
            j++;
        if (j >= n || v[j] != '=')
            continue;
        j++;
        size_t k = j;
        while (k < n && v[k] != ';' && v[k] != ',' && !isspace((unsigned char)v[k]))
            k++;
        return clean_label(v + j, k - j, buf, cap);
    }
    return false;
}

/* The charset a <meta> tag in the head of the page declares. */
static bool meta_charset(const char *s, size_t n, char *buf, size_t cap)
{
    const char *end = s + (n < META_SCAN_BYTES ? n : META_SCAN_BYTES);
    const char *p = s;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        p++;
        if (end - p < 5 || strncasecmp(p, "meta", 4) != 0 ||
            !(isspace((unsigned char)p[4]) || p[4] == '/'))
            continue;
        p += 4;
        attr a;
        bool http_equiv = false;
        const char *content = NULL;
        size_t content_len = 0;
        while (next_attr(&p, end, &a)) {
            if (attr_is(&a, "charset") && clean_label(a.value, a.vlen, buf, cap))
                return true;
            if (attr_is(&a, "http-equiv") && a.vlen == 12 &&
                strncasecmp(a.value, "content-type", 12) == 0)
                http_equiv = true;
            if (attr_is(&a, "content")) {
                content = a.value;
                content_len = a.vlen;
            }
        }
        if (http_equiv && content && charset_param(content, content_len, buf, cap))
            return true;
    }
    return false;
}

/* ---- checking and converting --------------------------------------------- */

typedef struct utf8_stats {
    size_t multi;     /* valid multi-byte sequences */
    size_t invalid;   /* bytes that start no valid sequence */
    size_t control;   /* NUL and other C0 control bytes but white space */
} utf8_stats;

static bool bad_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
}

/* True when none of the 8 bytes of w is >= 0x80, < 0x20 or 0x7F. */
static bool plain_ascii8(uint64_t w)
{
    const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
    uint64_t del = w ^ (0x7F * ones);
    return !(w & high) && !((w - 0x20 * ones) & ~w & high) && !((del - ones) & ~del & high);
}

/* One pass over the bytes; plain ASCII goes 8 bytes at a time. */
static utf8_stats utf8_scan(const unsigned char *s, size_t n)
{
    utf8_stats st = {0, 0, 0};
    size_t i = 0;
    while (i < n) {
        uint64_t w;
        while (i + 8 <= n && (memcpy(&w, s + i, 8), plain_ascii8(w)))
            i += 8;
        if (i >= n)
            break;
        if (s[i] < 0x80) {
            st.control += bad_control(s[i]);
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = sr_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            st.invalid++;
            i++;
        } else {
            st.multi++;
            i += k;
        }
    }
    return st;
}

/* Copy UTF-8 with invalid bytes and control bytes replaced by U+FFFD. */
static void utf8_repair(const unsigned char *s, size_t n, sr_buf *out)
{
    for (size_t i = 0; i < n;) {
        size_t run = i;
        while (run < n && s[run] < 0x80 && !bad_control(s[run]))
            run++;
        if (run > i) {
            sr_buf_put(out, s + i, run - i);
            i = run;
            continue;
        }
        uint32_t cp;
        size_t k = s[i] < 0x80 ? 0 : sr_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            sr_buf_put(out, "\xEF\xBF\xBD", 3);
            i++;
        } else {
            sr_buf_put(out, s + i, k);
            i += k;
        }
    }
}

static bool needs_repair(const utf8_stats *st)
{
    return st->invalid || st->control;
}

/* Convert from `from` with iconv into `out` (UTF-8, control bytes and
 * invalid input as U+FFFD). Returns the number of replaced input bytes, or
 * (size_t)-1 when iconv does not know the charset. */
static size_t convert(const char *from, const char *s, size_t n, sr_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return (size_t)-1;
    sr_buf tmp;
    sr_buf_init(&tmp);
    size_t cap = n * 2 + 64, bad = 0;
    tmp.data = sr_xmalloc(cap);
    tmp.cap = cap;
    char *in = (char *)s;
    size_t inleft = n;
    while (inleft) {
        char *o = tmp.data + tmp.len;
        size_t oleft = tmp.cap - tmp.len - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        tmp.len = (size_t)(o - tmp.data);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            tmp.cap *= 2;
            tmp.data = sr_xrealloc(tmp.data, tmp.cap);
        } else {              /* EILSEQ or EINVAL: one bad byte */
            if (tmp.cap - tmp.len < 8) {
                tmp.cap *= 2;
                tmp.data = sr_xrealloc(tmp.data, tmp.cap);
            }
            memcpy(tmp.data + tmp.len, "\xEF\xBF\xBD", 3);
            tmp.len += 3;
            in++;
            inleft--;
            bad++;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    utf8_repair((const unsigned char *)tmp.data, tmp.len, out);
    sr_buf_free(&tmp);
    return bad;
}

/* True when the first bytes look like a binary file rather than text. */
static bool looks_binary(const unsigned char *s, size_t n)
{
    size_t m = n < SNIFF_BYTES ? n : SNIFF_BYTES, ctl = 0, nul = 0;
    for (size_t i = 0; i < m; i++) {
        if (s[i] == 0)
            nul++;
        else if (bad_control(s[i]))
            ctl++;
    }
    return m && ((nul > 4 && nul * 50 > m) || (nul + ctl) * 10 > m);
}

static void use_input(sr_html_text *out, const char *s, size_t n, const char *cs)
{
    out->data = s;
    out->len = n;
    snprintf(out->charset, sizeof out->charset, "%s", cs);
}

static void use_owned(sr_html_text *out, const char *cs)
{
    out->data = out->owned.data ? out->owned.data : "";
    out->len = out->owned.len;
    snprintf(out->charset, sizeof out->charset, "%s", cs);
}

/* Read bytes believed to be UTF-8 (repairing them when needed). */
static void read_utf8(sr_html_text *out, const char *s, size_t n, const utf8_stats *st)
{
    if (!needs_repair(st)) {
        use_input(out, s, n, "UTF-8");
        return;
    }
    utf8_repair((const unsigned char *)s, n, &out->owned);
    use_owned(out, "UTF-8");
}

/* Convert from a legacy charset; false when iconv does not know it. */
static bool read_legacy(sr_html_text *out, const char *name, const char *s, size_t n,
                        size_t *bad)
{
    size_t r = convert(name, s, n, &out->owned);
    if (r == (size_t)-1)
        return false;
    *bad = r;
    use_owned(out, name);
    return true;
}

sr_status sr_html_decode(const char *bytes, size_t len, const char *http_charset,
                         sr_html_text *out, sr_diag *diag, const char *where)
{
    memset(out, 0, sizeof *out);
    sr_buf_init(&out->owned);
    const unsigned char *u = (const unsigned char *)bytes;
    size_t bad = 0;
    /* 1. a byte order mark */
    if (len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0) {
        utf8_stats st = utf8_scan(u + 3, len - 3);
        read_utf8(out, bytes + 3, len - 3, &st);
        return SR_OK;
    }
    if (len >= 2 && (memcmp(u, "\xFF\xFE", 2) == 0 || memcmp(u, "\xFE\xFF", 2) == 0)) {
        const char *name = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        read_legacy(out, name, bytes + 2, len - 2, &bad);
        return SR_OK;
    }
    /* 2. a declaration: HTTP header, else <meta> */
    char label[64], name[64];
    bool declared = false;
    if (http_charset && clean_label(http_charset, strlen(http_charset), label, sizeof label))
        declared = true;
    else if (meta_charset(bytes, len, label, sizeof label))
        declared = true;
    enum cs_kind kind = declared ? classify(label, name, sizeof name) : CS_UNKNOWN;
    if (kind == CS_UTF16 && !http_charset)
        kind = CS_UTF8;   /* a <meta> in bytes we can read cannot be UTF-16 */
    if (kind != CS_UTF16 && looks_binary(u, len)) {
        sr_error(diag, where, "looks like binary data, not HTML (control bytes at the start); skipped");
        return SR_ERR_FORMAT;
    }
    /* 3. the bytes themselves */
    utf8_stats st = utf8_scan(u, len);
    bool is_utf8 = st.invalid == 0 || st.invalid < st.multi;
    switch (kind) {
    case CS_UNKNOWN:
    case CS_UTF8:
        if (is_utf8) {
            if (st.invalid && kind == CS_UTF8)
                sr_warn(diag, where, "%zu bytes invalid in UTF-8 replaced by U+FFFD", st.invalid);
            read_utf8(out, bytes, len, &st);
        } else {
            if (kind == CS_UTF8)
                sr_warn(diag, where, "declared UTF-8, but the bytes are not UTF-8; read as windows-1252");
            read_legacy(out, "WINDOWS-1252", bytes, len, &bad);
        }
        return SR_OK;
    case CS_SINGLE:
    case CS_MULTI:
    case CS_UTF16:
        if (st.invalid == 0 && st.multi > 0 && kind != CS_UTF16) {
            sr_warn(diag, where, "declared %s, but the bytes are UTF-8; read as UTF-8", label);
            read_utf8(out, bytes, len, &st);
            return SR_OK;
        }
        if (!read_legacy(out, name, bytes, len, &bad)) {
            sr_warn(diag, where, "unknown charset '%s'; read as %s", label,
                    is_utf8 ? "UTF-8" : "windows-1252");
            if (is_utf8)
                read_utf8(out, bytes, len, &st);
            else
                read_legacy(out, "WINDOWS-1252", bytes, len, &bad);
            return SR_OK;
        }
        if (bad && kind == CS_MULTI && bad * 100 > len)
            sr_warn(diag, where, "%zu bytes invalid in %s replaced by U+FFFD", bad, label);
        return SR_OK;
    }
    return SR_OK;
}

void sr_html_text_free(sr_html_text *t)
{
    sr_buf_free(&t->owned);
}
