/*
 * own_compile.c — from the project's own format to the coder's dictionary
 * builder, and the CAMEO code table the checker consults.
 *
 * Until the coder's builder (src/lexicon/dict.h) and its CAMEO table
 * (data/cameo/) are on main, compiling is reported as unsupported and event
 * codes are checked for their form only.
 */
#include "lexicon/own.h"

#include <string.h>

bool sr_own_cameo_known(const char *code, void *ctx)
{
    (void)ctx;
    size_t n = strlen(code);
    return n >= 2 && n <= 4 && code[0] >= '0' && code[0] <= '2';
}

sr_status sr_own_compile_file(const sr_own_dict *d, const char *path,
                              sr_diag *diag)
{
    (void)d;
    sr_error(diag, path ? path : "dict", "compiling needs the coder's "
             "dictionary builder, which this build does not have yet");
    return SR_ERR_UNSUPPORTED;
}
