/*
 * source.c — dictionary files as a stream of comment-free lines.
 *
 * PETRARCH and TABARI dictionaries mix three comment styles: XML comments
 * (<!-- ... -->, possibly over several lines), '#' to the end of the line,
 * and TABARI's ';' to the end of the line. A '#' or ';' inside [...] is not
 * a comment: codes such as [###] use them. Lines come back trimmed at the
 * end, in a buffer the source owns, with their line number, so every reader
 * can report "FILE:LINE: problem".
 *
 * TABARI's files are ISO-8859-1; a file that is not valid UTF-8 is
 * converted byte by byte (ISO-8859-1 maps each byte to the code point of
 * the same value), so accented names survive.
 */
#include "readers.h"
#include "../core/internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = sr_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (k == 0)
            return false;
        i += k;
    }
    return true;
}

void sr_dsrc_mem(sr_dsrc *s, const char *name, const char *data, size_t len)
{
    memset(s, 0, sizeof *s);
    s->name = name;
    s->hash = sr_hash64(data, len, 0);
    if (valid_utf8(data, len)) {
        s->text = sr_xmalloc(len + 1);
        memcpy(s->text, data, len);
        s->len = len;
    } else {
        s->text = sr_xmalloc(len * 2 + 1);
        size_t o = 0;
        for (size_t i = 0; i < len; i++)
            o += sr_utf8_encode((unsigned char)data[i], s->text + o);
        s->len = o;
    }
    /* NUL bytes would cut lines short; make them spaces */
    for (size_t i = 0; i < s->len; i++)
        if (s->text[i] == '\0')
            s->text[i] = ' ';
    s->text[s->len] = '\0';
}

bool sr_dsrc_open(sr_dsrc *s, const char *path, sr_diag *diag)
{
    memset(s, 0, sizeof *s);
    FILE *f = fopen(path, "rb");
    if (!f) {
        sr_error(diag, path, "cannot open dictionary: %s", strerror(errno));
        return false;
    }
    size_t cap = 1 << 16, n = 0, k;
    char *buf = sr_xmalloc(cap);
    while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            if (cap > ((size_t)1 << 31)) {
                sr_error(diag, path, "dictionary larger than 2 GiB");
                free(buf);
                fclose(f);
                return false;
            }
            cap *= 2;
            buf = sr_xrealloc(buf, cap);
        }
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        sr_error(diag, path, "cannot read dictionary: %s", strerror(errno));
        free(buf);
        return false;
    }
    sr_dsrc_mem(s, path, buf, n);
    free(buf);
    return true;
}

void sr_dsrc_close(sr_dsrc *s)
{
    free(s->text);
    s->text = NULL;
}

/* Remove comments from line[0..*n) in place. */
static void strip_comments(sr_dsrc *s, char *line, size_t *n, bool semicolon)
{
    size_t o = 0, i = 0, len = *n;
    int bracket = 0;
    while (i < len) {
        if (s->in_comment) {
            char *end = NULL;
            for (size_t j = i; j + 3 <= len; j++)
                if (line[j] == '-' && line[j + 1] == '-' && line[j + 2] == '>') {
                    end = line + j;
                    break;
                }
            if (!end) {
                i = len;
                break;
            }
            i = (size_t)(end - line) + 3;
            s->in_comment = false;
            continue;
        }
        if (i + 4 <= len && memcmp(line + i, "<!--", 4) == 0) {
            s->in_comment = true;
            i += 4;
            continue;
        }
        char c = line[i];
        if (c == '[')
            bracket++;
        else if (c == ']' && bracket)
            bracket--;
        else if (!bracket && (c == '#' || (semicolon && c == ';')))
            break;
        line[o++] = c;
        i++;
    }
    while (o && (line[o - 1] == ' ' || line[o - 1] == '\t' || line[o - 1] == '\r'))
        o--;
    line[o] = '\0';
    *n = o;
}

bool sr_dsrc_line(sr_dsrc *s, bool semicolon, char **line, size_t *len,
                  bool *raw_blank)
{
    if (s->pos >= s->len)
        return false;
    char *start = s->text + s->pos;
    char *nl = memchr(start, '\n', s->len - s->pos);
    size_t n = nl ? (size_t)(nl - start) : s->len - s->pos;
    s->pos += n + (nl ? 1 : 0);
    s->line++;
    bool blank = true;
    for (size_t i = 0; i < n; i++)
        if (start[i] != ' ' && start[i] != '\t' && start[i] != '\r')
            blank = false;
    if (raw_blank)
        *raw_blank = blank && !s->in_comment;
    strip_comments(s, start, &n, semicolon);
    *line = start;
    *len = n;
    return true;
}

uint32_t sr_dict_parse_date(const char *s, size_t n)
{
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (uint32_t)(s[i] - '0');
    }
    if (n == 6) {
        uint32_t yy = v / 10000;
        v += (yy <= 30 ? 20000000u : 19000000u);
    } else if (n != 8) {
        return 0;
    }
    uint32_t m = v / 100 % 100, d = v % 100;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    return v;
}

sr_dict_dialect sr_dict_guess_dialect(const sr_dsrc *s)
{
    const char *dot = strrchr(s->name, '.');
    if (dot && (strcmp(dot, ".verbs") == 0 || strcmp(dot, ".actors") == 0 ||
                strcmp(dot, ".agents") == 0 || strcmp(dot, ".options") == 0))
        return SR_DD_TABARI;
    /* TABARI files comment with ';' at the start of lines and never use the
     * PETRARCH verb-block headers "--- NAME [code] ---" */
    size_t semi = 0, hash = 0, blocks = 0;
    const char *p = s->text;
    while (p && *p) {
        if (*p == ';')
            semi++;
        else if (*p == '#')
            hash++;
        else if (strncmp(p, "---", 3) == 0)
            blocks++;
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    if (blocks == 0 && semi > hash)
        return SR_DD_TABARI;
    return SR_DD_PETRARCH;
}
