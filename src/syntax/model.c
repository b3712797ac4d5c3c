/*
 * model.c — the model file: writing it, mapping it, refusing bad ones.
 *
 * One file holds everything the syntax stage needs (tag set, tagger,
 * lemmatiser, parser, morphology, word clusters). It is written once by
 * `sitrep train` and mapped read-only at start-up, so loading costs a few
 * milliseconds of checking and many processes share one copy of the pages.
 *
 * Layout (little-endian; every section starts on a 64-byte boundary):
 *
 *   0   char[8]  magic "SRSYNTAX"
 *   8   u32      format version (SYN_FORMAT_VERSION)
 *   12  u32      number of sections (at most SYN_MAX_SECTIONS)
 *   16  u64      file size in bytes
 *   24  u64      checksum (XXH3-64) of the section table
 *   32  u32      byte-order mark 0x01020304
 *   36  ...      zero up to 64
 *   64  table    per section: u32 id, u32 zero, u64 offset, u64 size,
 *                u64 checksum (XXH3-64 of the section's bytes)
 *
 * A file is refused, with a message naming it, when the magic, version,
 * byte order, size (a truncated copy), table or any section checksum (a
 * corrupted copy) is wrong, and then when a section's structure is not what
 * its module expects. Checksums make corruption detectable; the structural
 * checks make even a file with valid checksums unable to send the parser
 * out of bounds (the fuzz target skips the checksums to reach them).
 */
#include "syntax.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define SYN_HEADER 64
#define SYN_MAX_SECTIONS 64
#define SYN_BOM 0x01020304u

typedef struct sec_entry {
    uint32_t id, zero;
    uint64_t offset, size, checksum;
} sec_entry;

static uint64_t checksum(const void *p, size_t n)
{
    return sr_hash64(p, n, 0x5173727065ULL);
}

/* ---- writing ------------------------------------------------------------ */

sr_buf *syn_writer_section(syn_writer *w, uint32_t id)
{
    for (size_t i = 0; i < w->n; i++)
        if (w->secs[i]->id == id)
            return &w->secs[i]->data;
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->secs = sr_xrealloc(w->secs, w->cap * sizeof *w->secs);
    }
    struct syn_wsec *s = sr_xcalloc(1, sizeof *s);
    w->secs[w->n++] = s;
    s->id = id;
    sr_buf_init(&s->data);
    return &s->data;
}

void syn_writer_free(syn_writer *w)
{
    for (size_t i = 0; i < w->n; i++) {
        sr_buf_free(&w->secs[i]->data);
        free(w->secs[i]);
    }
    free(w->secs);
    memset(w, 0, sizeof *w);
}

static size_t align64(size_t n)
{
    return (n + 63) & ~(size_t)63;
}

/* The whole file in a buffer. */
static void build_file(const syn_writer *w, sr_buf *out)
{
    size_t table = SYN_HEADER + w->n * sizeof(sec_entry);
    size_t pos = align64(table);
    sec_entry *e = sr_xcalloc(w->n ? w->n : 1, sizeof *e);
    for (size_t i = 0; i < w->n; i++) {
        e[i].id = w->secs[i]->id;
        e[i].offset = pos;
        e[i].size = w->secs[i]->data.len;
        e[i].checksum = checksum(w->secs[i]->data.data, w->secs[i]->data.len);
        pos = align64(pos + w->secs[i]->data.len);
    }
    unsigned char h[SYN_HEADER] = {0};
    uint32_t version = SYN_FORMAT_VERSION, nsec = (uint32_t)w->n, bom = SYN_BOM;
    uint64_t size = pos, tsum = checksum(e, w->n * sizeof *e);
    memcpy(h, SYN_MAGIC, 8);
    memcpy(h + 8, &version, 4);
    memcpy(h + 12, &nsec, 4);
    memcpy(h + 16, &size, 8);
    memcpy(h + 24, &tsum, 8);
    memcpy(h + 32, &bom, 4);
    sr_buf_put(out, h, sizeof h);
    sr_buf_put(out, e, w->n * sizeof *e);
    static const char zeros[64];
    for (size_t i = 0; i < w->n; i++) {
        sr_buf_put(out, zeros, e[i].offset - out->len);
        sr_buf_put(out, w->secs[i]->data.data, w->secs[i]->data.len);
    }
    sr_buf_put(out, zeros, pos - out->len);
    free(e);
}

sr_status syn_writer_save(syn_writer *w, const char *path, sr_diag *d)
{
    sr_buf file;
    sr_buf_init(&file);
    build_file(w, &file);
    /* write a temporary file and rename it, so a reader never maps a half
     * written model */
    char *tmp = sr_xmalloc(strlen(path) + 16);
    sprintf(tmp, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    sr_status st = SR_OK;
    if (!f) {
        sr_error(d, path, "cannot create the model file: %s", strerror(errno));
        st = SR_ERR_IO;
    } else {
        bool ok = fwrite(file.data, 1, file.len, f) == file.len;
        ok = (fclose(f) == 0) && ok;
        if (!ok || rename(tmp, path) != 0) {
            sr_error(d, path, "cannot write the model file: %s", strerror(errno));
            remove(tmp);
            st = SR_ERR_IO;
        }
    }
    free(tmp);
    sr_buf_free(&file);
    return st;
}

/* ---- reading ------------------------------------------------------------ */

const void *syn_section(const void *file, size_t n, uint32_t id, size_t *len)
{
    const unsigned char *b = file;
    uint32_t nsec;
    memcpy(&nsec, b + 12, 4);
    const sec_entry *e = (const sec_entry *)(b + SYN_HEADER);
    for (uint32_t i = 0; i < nsec; i++) {
        if (e[i].id == id && e[i].offset <= n && e[i].size <= n - e[i].offset) {
            *len = (size_t)e[i].size;
            return b + e[i].offset;
        }
    }
    *len = 0;
    return NULL;
}

/* The container: header, table, checksums. */
static bool check_container(const char *name, const unsigned char *b, size_t n,
                            bool verify, sr_diag *d)
{
    if (n < SYN_HEADER || memcmp(b, SYN_MAGIC, 8) != 0) {
        sr_error(d, name, "not a sitrep syntax model (no SRSYNTAX header)");
        return false;
    }
    uint32_t version, nsec, bom;
    uint64_t size, tsum;
    memcpy(&version, b + 8, 4);
    memcpy(&nsec, b + 12, 4);
    memcpy(&size, b + 16, 8);
    memcpy(&tsum, b + 24, 8);
    memcpy(&bom, b + 32, 4);
    if (bom != SYN_BOM) {
        sr_error(d, name, "model written with another byte order; rebuild it with `sitrep train`");
        return false;
    }
    if (version != SYN_FORMAT_VERSION) {
        sr_error(d, name, "model format version %u, but this sitrep reads version %u; rebuild it with `sitrep train`",
                 version, SYN_FORMAT_VERSION);
        return false;
    }
    if (size != n) {
        sr_error(d, name, "model file is %zu bytes but its header says %llu: truncated or damaged copy",
                 n, (unsigned long long)size);
        return false;
    }
    if (nsec > SYN_MAX_SECTIONS || SYN_HEADER + (size_t)nsec * sizeof(sec_entry) > n) {
        sr_error(d, name, "model section table is damaged");
        return false;
    }
    const sec_entry *e = (const sec_entry *)(b + SYN_HEADER);
    if (verify && checksum(e, nsec * sizeof *e) != tsum) {
        sr_error(d, name, "model section table checksum mismatch: the file is corrupted");
        return false;
    }
    for (uint32_t i = 0; i < nsec; i++) {
        if (e[i].offset % 64 || e[i].offset > n || e[i].size > n - e[i].offset) {
            sr_error(d, name, "model section %u lies outside the file", i);
            return false;
        }
        if (verify && checksum(b + e[i].offset, (size_t)e[i].size) != e[i].checksum) {
            char id[5];
            memcpy(id, &e[i].id, 4);
            for (int k = 0; k < 4; k++)
                if (id[k] < 32 || id[k] > 126)
                    id[k] = '?';
            id[4] = '\0';
            sr_error(d, name, "model section '%s' checksum mismatch: the file is corrupted", id);
            return false;
        }
    }
    return true;
}

static bool load_sections(sr_model *m, const unsigned char *b, size_t n,
                          const char **why)
{
    size_t len;
    const void *p = syn_section(b, n, SYN_ID('I', 'N', 'F', 'O'), &len);
    if (p && !syn_strings_view(&m->info, p, len, why))
        return false;
    p = syn_section(b, n, SYN_ID('C', 'L', 'U', 'S'), &len);
    if (p && !syn_map_view(&m->clusters, p, len, why))
        return false;
    return syn_tagset_load(m, b, n, why) && syn_tagger_load(m, b, n, why) &&
           syn_lemma_load(m, b, n, why) && syn_parser_load(m, b, n, why) &&
           syn_morph_load(m, b, n, why);
}

static void model_release(sr_model *m)
{
    if (!m)
        return;
    if (m->map)
        munmap((void *)m->map, m->map_len);
    free(m->owned);
    free(m->lemma.known);
    free(m->lemma.known_lower);
    free(m->tags.xpos);
    free(m->tags.upos);
    free((void *)m->path);
    free(m);
}

sr_model *syn_model_from_memory(const char *name, const void *p, size_t n,
                                bool copy, bool verify, sr_diag *d)
{
    sr_model *m = sr_xcalloc(1, sizeof *m);
    m->path = sr_xstrdup(name);
    const unsigned char *b = p;
    if (copy) {
        m->owned = sr_xmalloc(n ? n : 1);
        if (n)
            memcpy(m->owned, p, n);
        b = m->owned;
    }
    const char *why = NULL;
    if (!check_container(name, b, n, verify, d)) {
        model_release(m);
        return NULL;
    }
    if (!load_sections(m, b, n, &why)) {
        sr_error(d, name, "model is damaged or incompatible: %s", why);
        model_release(m);
        return NULL;
    }
    return m;
}

sr_model *sr_model_load(const char *path, sr_diag *d)
{
    char *deflt = NULL;
    if (!path) {
        const char *env = getenv("SITREP_MODEL");
        if (env && *env)
            path = env;
    }
    if (!path) {
        const char *dir = sr_data_dir();
        deflt = sr_xmalloc(strlen(dir) + 64);
        sprintf(deflt, "%s/models/%s", dir, SR_MODEL_DEFAULT);
        path = deflt;
    }
    sr_model *m = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        sr_error(d, path, "cannot open the model: %s", strerror(errno));
    } else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        sr_error(d, path, "the model is not a regular file");
    } else if (st.st_size < SYN_HEADER) {
        sr_error(d, path, "model file is %lld bytes: truncated or not a model",
                 (long long)st.st_size);
    } else {
        size_t n = (size_t)st.st_size;
        void *p = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            sr_error(d, path, "cannot map the model: %s", strerror(errno));
        } else {
            m = syn_model_from_memory(path, p, n, false, true, d);
            if (m) {
                m->map = p;
                m->map_len = n;
            } else {
                munmap(p, n);
            }
        }
    }
    if (fd >= 0)
        close(fd);
    free(deflt);
    return m;
}

void sr_model_free(sr_model *m)
{
    model_release(m);
}

const char *sr_model_path(const sr_model *m)
{
    return m ? m->path : NULL;
}
