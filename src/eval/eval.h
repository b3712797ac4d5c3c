/*
 * eval.h — helpers shared by the evaluations (src/eval), not public.
 */
#ifndef SR_EVAL_H
#define SR_EVAL_H

#include "sitrep.h"

#include <stdbool.h>

/* Tag, lemmatise and parse `doc` (its sentences and words must exist) with
 * the syntax model: SITREP_MODEL when set, else the shipped one, mapped on
 * first use. False, after reporting to `diag` once, when no model loads. */
bool sr_eval_parse(sr_doc *doc, sr_diag *diag);

#endif
