/*
 * parse.c — the evaluations' access to sitrep's own parse: the syntax model
 * (SITREP_MODEL, else the shipped one) is mapped once, on first use, and
 * kept for the life of the process. Single-threaded, as the evaluations are.
 */
#include "eval.h"

#include <stdbool.h>
#include <stdlib.h>

static sr_model *model;
static bool model_failed;

static void release(void)
{
    sr_model_free(model);
    model = NULL;
}

bool sr_eval_parse(sr_doc *doc, sr_diag *diag)
{
    if (!model && !model_failed) {
        model = sr_model_load(NULL, diag);
        if (model)
            atexit(release);
        else
            model_failed = true;
    }
    return model && sr_syntax_parse(model, doc) == SR_OK;
}
