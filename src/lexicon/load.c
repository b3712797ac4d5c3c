/*
 * load.c — opening a set of dictionary files: detecting their format,
 * reading them into one builder, compiling, and caching the compiled form.
 *
 * The cache. Compiling the Phoenix dictionaries takes a few hundred
 * milliseconds; mapping the compiled form takes well under ten. So
 * sr_dict_open() names each set of sources by a hash of their contents (and
 * of their roles and this program's dictionary version) and keeps the
 * compiled form in the cache folder as dict-HASH.srd: $SITREP_CACHE when set,
 * else $XDG_CACHE_HOME/sitrep, else ~/.cache/sitrep. A cached file is used
 * only when its header says it was built from exactly these sources; a
 * damaged one is ignored and rebuilt. The sources are still read (to hash
 * them), which costs a few milliseconds, never a parse. A cache that cannot
 * be written is not an error: the dictionary is then compiled every run.
 */
#include "compiled.h"
#include "readers.h"
#include "../core/internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct role_file {
    const char *path;
    sr_dict_kind kind;
} role_file;

static const char *kind_name(sr_dict_kind k)
{
    static const char *const names[] = {"?", "verbs", "actors", "agents",
                                        "discards", "issues", "options"};
    return (unsigned)k < SR_ARRAY_LEN(names) ? names[k] : "?";
}

static size_t collect(const sr_dict_files *f, role_file *out, size_t cap)
{
    size_t n = 0;
#define ADD(p, k) do { if ((p) && *(p) && n < cap) out[n++] = (role_file){(p), (k)}; } while (0)
    ADD(f->verbs, SR_DK_VERBS);
    for (size_t i = 0; i < f->nactors; i++)
        ADD(f->actors[i], SR_DK_ACTORS);
    ADD(f->agents, SR_DK_AGENTS);
    ADD(f->discards, SR_DK_DISCARDS);
    ADD(f->issues, SR_DK_ISSUES);
    ADD(f->options, SR_DK_OPTIONS);
#undef ADD
    return n;
}

static unsigned read_one(sr_dict_builder *b, sr_dsrc *s, sr_dict_kind k)
{
    sr_dict_dialect dd = sr_dict_guess_dialect(s);
    switch (k) {
    case SR_DK_VERBS: return sr_dread_verbs(b, s, dd);
    case SR_DK_ACTORS: return sr_dread_actors(b, s, dd);
    case SR_DK_AGENTS: return sr_dread_agents(b, s, dd);
    case SR_DK_DISCARDS: return sr_dread_discards(b, s, dd);
    case SR_DK_ISSUES: return sr_dread_issues(b, s);
    case SR_DK_OPTIONS: return sr_dread_options(b, s);
    default: return 0;
    }
}

static char *cache_dir(const char *given)
{
    if (given)
        return *given ? sr_xstrdup(given) : NULL;
    const char *env = getenv("SITREP_CACHE");
    if (env && *env)
        return sr_xstrdup(env);
    char buf[4096];
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg)
        snprintf(buf, sizeof buf, "%s/sitrep", xdg);
    else if (home && *home)
        snprintf(buf, sizeof buf, "%s/.cache/sitrep", home);
    else
        return NULL;
    return sr_xstrdup(buf);
}

static void mkdirs(const char *dir)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", dir);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0777);
            *p = '/';
        }
    }
    mkdir(buf, 0777);
}

sr_dict *sr_dict_open(const sr_dict_files *f, sr_diag *diag)
{
    role_file files[64];
    size_t n = collect(f, files, SR_ARRAY_LEN(files));
    if (n == 0) {
        sr_error(diag, NULL, "no dictionary files given");
        return NULL;
    }
    sr_dsrc *src = sr_xcalloc(n, sizeof *src);
    const char **names = sr_xcalloc(n, sizeof *names);
    uint64_t *hashes = sr_xcalloc(n, sizeof *hashes);
    /* the key changes with the format and with what the builder makes of
     * the same files ("-2": hyphenated names entered both ways) */
    uint64_t key = sr_hash64("sitrep-dict-3", 13, SR_DICT_VERSION);
    sr_dict *d = NULL;
    size_t opened = 0;
    for (; opened < n; opened++) {
        if (!sr_dsrc_open(&src[opened], files[opened].path, diag))
            goto done;
        names[opened] = files[opened].path;
        hashes[opened] = src[opened].hash;
        uint64_t part[2] = {src[opened].hash, files[opened].kind};
        key = sr_hash64(part, sizeof part, key);
    }
    key = sr_hash64(&f->strict, 1, key);
    char *dir = cache_dir(f->cache_dir);
    char path[4200] = "";
    if (dir) {
        snprintf(path, sizeof path, "%s/dict-%016llx.srd", dir, (unsigned long long)key);
        if (access(path, R_OK) == 0) {
            sr_diag quiet = {.out = NULL, .quiet = true};
            FILE *devnull = fopen("/dev/null", "w");
            quiet.out = devnull;
            d = sr_dict_load(path, &quiet);
            if (devnull)
                fclose(devnull);
            if (d && !sr_dict_built_from(d, names, hashes, n)) {
                sr_dict_free(d);
                d = NULL;
            }
        }
    }
    if (!d) {
        sr_dict_builder *b = sr_dictb_new(diag, f->strict);
        for (size_t i = 0; i < n; i++) {
            unsigned before = sr_dictb_errors(b);
            read_one(b, &src[i], files[i].kind);
            unsigned k = sr_dictb_errors(b) - before;
            if (k && diag && !diag->quiet)
                sr_warn(diag, files[i].path, "%u malformed line%s in %s dictionary skipped",
                        k, k == 1 ? "" : "s", kind_name(files[i].kind));
        }
        d = sr_dictb_compile(b);
        if (d && dir) {
            mkdirs(dir);
            sr_diag quiet = {.quiet = true};
            FILE *devnull = fopen("/dev/null", "w");
            quiet.out = devnull;
            sr_dict_save(d, path, &quiet);
            if (devnull)
                fclose(devnull);
        }
    }
    free(dir);
done:
    for (size_t i = 0; i < opened; i++)
        sr_dsrc_close(&src[i]);
    free(src);
    free(names);
    free(hashes);
    return d;
}
