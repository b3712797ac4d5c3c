/*
 * lang.c — the language of a text, when the page does not declare one.
 *
 * libexttextcat compares character n-gram profiles of the text with the
 * fingerprints shipped in Debian's libexttextcat-data package. The
 * fingerprints are found at run time ($SITREP_TEXTCAT_DIR, else the
 * package's folder); when they are missing, detection answers "unknown"
 * and documents keep lang null (the rest of ingest does not depend on it).
 *
 * Loading ~170 fingerprints takes tens of milliseconds, so it happens once,
 * on first use, under pthread_once. libexttextcat keeps per-handle scratch
 * state while classifying, so classification is serialised by a mutex;
 * only pages without a declared language reach it.
 */
#include "lang.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <textcat.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static void *handle;

static bool readable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void load(void)
{
    static const char *const dirs[] = {
        "/usr/share/libexttextcat/",
        "/usr/local/share/libexttextcat/",
    };
    char conf[4200], prefix[4096];
    const char *env = getenv("SITREP_TEXTCAT_DIR");
    if (env && *env) {
        if (strlen(env) > 4000)
            return;
        snprintf(prefix, sizeof prefix, "%s/", env);
        snprintf(conf, sizeof conf, "%sfpdb.conf", prefix);
        if (readable(conf))
            handle = special_textcat_Init(conf, prefix);
        return;
    }
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0] && !handle; i++) {
        snprintf(conf, sizeof conf, "%sfpdb.conf", dirs[i]);
        if (readable(conf))
            handle = special_textcat_Init(conf, dirs[i]);
    }
}

bool sr_lang_available(void)
{
    pthread_once(&once, load);
    return handle != NULL;
}

bool sr_lang_detect(const char *text, size_t n, char out[3])
{
    if (!sr_lang_available() || n < 40)
        return false;
    /* a few hundred words decide; more only costs time */
    if (n > 1500)
        n = 1500;
    /* do not cut a UTF-8 sequence in half */
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    pthread_mutex_lock(&lock);
    const char *r = textcat_Classify(handle, text, n);
    /* "[de--utf8][nl--utf8]", "UNKNOWN" or "SHORT": take the best guess,
     * when it names an ISO 639-1 language. */
    bool ok = false;
    if (r && r[0] == '[' && r[1] >= 'a' && r[1] <= 'z' && r[2] >= 'a' &&
        r[2] <= 'z' && (r[3] == '-' || r[3] == ']')) {
        out[0] = r[1];
        out[1] = r[2];
        out[2] = '\0';
        ok = true;
    }
    pthread_mutex_unlock(&lock);
    return ok;
}
