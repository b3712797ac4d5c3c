/*
 * buf.c — growable byte buffers and the JSON string writer.
 *
 * Output of every command is built in an sr_buf and written with one fwrite
 * per record, so that records from worker threads never interleave. JSON is
 * written by hand: the records are flat and known, and a writer that never
 * allocates per value is what keeps `sitrep read` near memory speed.
 */
#include "sitrep.h"
#include "internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void sr_buf_init(sr_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void sr_buf_free(sr_buf *b)
{
    free(b->data);
    sr_buf_init(b);
}

void sr_buf_reset(sr_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static void reserve(sr_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need < b->len)
        sr_fatal("buffer size overflow");
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    b->data = sr_xrealloc(b->data, cap);
    b->cap = cap;
}

void sr_buf_put(sr_buf *b, const void *p, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sr_buf_puts(sr_buf *b, const char *s)
{
    sr_buf_put(b, s, strlen(s));
}

void sr_buf_putc(sr_buf *b, char c)
{
    reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void sr_buf_printf(sr_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Bytes that can be copied to a JSON string as they are: printable ASCII
 * other than '"' and '\\'. Everything >= 0x80 goes through the UTF-8 check. */
static inline int plain_ascii(unsigned char c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

void sr_json_str(sr_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    reserve(b, n + 2);
    sr_buf_putc(b, '"');
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && plain_ascii(p[run]))
            run++;
        if (run > i) {
            sr_buf_put(b, p + i, run - i);
            i = run;
            continue;
        }
        unsigned char c = p[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t len = sr_utf8_decode(p + i, n - i, &cp);
            if (len == 0) {
                sr_buf_put(b, "\xEF\xBF\xBD", 3);
                i++;
            } else if (cp == 0x2028 || cp == 0x2029) {
                /* valid JSON, but breaks JavaScript consumers */
                sr_buf_printf(b, "\\u%04x", (unsigned)cp);
                i += len;
            } else {
                sr_buf_put(b, p + i, len);
                i += len;
            }
            continue;
        }
        switch (c) {
        case '"': sr_buf_put(b, "\\\"", 2); break;
        case '\\': sr_buf_put(b, "\\\\", 2); break;
        case '\n': sr_buf_put(b, "\\n", 2); break;
        case '\r': sr_buf_put(b, "\\r", 2); break;
        case '\t': sr_buf_put(b, "\\t", 2); break;
        case '\b': sr_buf_put(b, "\\b", 2); break;
        case '\f': sr_buf_put(b, "\\f", 2); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            sr_buf_put(b, esc, 6);
        }
        }
        i++;
    }
    sr_buf_putc(b, '"');
}

void sr_json_cstr(sr_buf *b, const char *s)
{
    if (!s)
        sr_buf_put(b, "null", 4);
    else
        sr_json_str(b, s, strlen(s));
}
