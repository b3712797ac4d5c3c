/*
 * train.c — building a syntax model from a treebank (`sitrep train`).
 *
 * The order of the steps is the order of the pipeline, and each model is
 * trained on input that looks like what it will see at run time:
 *
 *   1. read train (and dev) CoNLL-U; the tag set (UPOS+XPOS pairs), labels
 *      and FEATS strings are those of train;
 *   2. tagger on train; the number of epochs is the best on dev;
 *   3. jackknifing: the train set is cut into `folds` parts, each tagged by
 *      a tagger trained on the others, so the parser and the morphology
 *      learn from tags with realistic errors, not gold ones;
 *   4. lemmatiser from train (gold tags); lemmas of train and dev are then
 *      predicted from the predicted tags, as the parser will see them;
 *   5. parser on train (predicted tags and lemmas, gold trees), epochs
 *      chosen on dev;
 *   6. morphology on train (predicted tags, gold trees), epochs chosen on
 *      dev with the dev trees the parser predicted;
 *   7. the model file is written; INFO records the data, seed, epochs and
 *      dev scores (no date or path, so the file is a function of its
 *      inputs and the seed: the same inputs and seed give the same bytes).
 *
 * Dev is only used to choose epochs and to report; the final scores that
 * count are computed on held-out data by `sitrep eval conllu`.
 */
#include "syntax.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void syn_shuffle(uint32_t *idx, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(syn_rand(rng) % i);
        uint32_t t = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = t;
    }
}

/* ---- interned string sets ------------------------------------------------ */

typedef struct strset {
    syn_map_builder map;     /* hash -> index + 1 */
    char **s;
    uint32_t n, cap;
} strset;

static uint16_t strset_find(const strset *t, const char *s)
{
    const syn_slot *sl = syn_mb_get(&t->map, syn_str_hash(s, strlen(s)));
    return sl ? (uint16_t)(sl->a - 1) : 0xffff;
}

static uint16_t strset_add(strset *t, const char *s)
{
    syn_slot *sl = syn_mb_put(&t->map, syn_str_hash(s, strlen(s)));
    if (!sl->a) {
        if (t->n == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 64;
            t->s = sr_xrealloc(t->s, t->cap * sizeof *t->s);
        }
        t->s[t->n++] = sr_xstrdup(s);
        sl->a = t->n;
    }
    return (uint16_t)(sl->a - 1);
}

static void strset_free(strset *t)
{
    for (uint32_t i = 0; i < t->n; i++)
        free(t->s[i]);
    free(t->s);
    syn_mb_free(&t->map);
}

/* ---- reading treebanks -------------------------------------------------- */

static char *read_file(const char *path, size_t *len, sr_diag *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        sr_error(d, path, "cannot open: %s", strerror(errno));
        return NULL;
    }
    sr_buf b;
    sr_buf_init(&b);
    char chunk[1 << 16];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        sr_buf_put(&b, chunk, k);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        sr_error(d, path, "read error");
        sr_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    if (!b.data)
        return sr_xstrdup("");
    return b.data;
}

static const char *or_blank(const char *s)
{
    return s && *s ? s : "_";
}

static void add_sentence(syn_corpus *c, const sr_doc *doc, const sr_sentence *st,
                         size_t *cap)
{
    sr_arena *a = c->arena;
    uint32_t n = st->nwords;
    if (c->n == *cap) {
        *cap = *cap ? *cap * 2 : 1024;
        c->s = sr_xrealloc(c->s, *cap * sizeof *c->s);
    }
    syn_sent *x = &c->s[c->n++];
    memset(x, 0, sizeof *x);
    x->n = n;
    size_t m = (size_t)n + 2;
    x->form = sr_arena_alloc(a, m * sizeof *x->form);
    x->lemma = sr_arena_alloc(a, m * sizeof *x->lemma);
    x->plemma = sr_arena_alloc(a, m * sizeof *x->plemma);
    x->gold_upos = sr_arena_alloc(a, m * sizeof *x->gold_upos);
    x->gold_xpos = sr_arena_alloc(a, m * sizeof *x->gold_xpos);
    x->gold_feats = sr_arena_alloc(a, m * sizeof *x->gold_feats);
    x->gold_label = sr_arena_alloc(a, m * sizeof *x->gold_label);
    x->tag = sr_arena_alloc(a, m * sizeof *x->tag);
    x->ptag = sr_arena_alloc(a, m * sizeof *x->ptag);
    x->head = sr_arena_alloc(a, m * sizeof *x->head);
    x->label = sr_arena_alloc(a, m * sizeof *x->label);
    x->feats = sr_arena_alloc(a, m * sizeof *x->feats);
    x->w = sr_arena_alloc(a, m * sizeof *x->w);
    for (uint32_t i = 1; i <= n; i++) {
        const sr_word *w = &doc->words[st->first_word + i - 1];
        x->form[i] = sr_arena_strdup(a, w->form);
        x->lemma[i] = sr_arena_strdup(a, or_blank(w->lemma));
        x->gold_upos[i] = sr_upos_name((sr_upos)w->upos);
        x->gold_xpos[i] = sr_arena_strdup(a, or_blank(w->xpos));
        x->gold_feats[i] = sr_arena_strdup(a, or_blank(w->feats));
        x->gold_label[i] = sr_arena_strdup(a, or_blank(w->deprel));
        x->head[i] = w->head;
    }
    x->form[0] = x->form[n + 1] = "";
    syn_words_prepare_raw(x->form, n, x->w);
    c->nwords += n;
}

static bool load_corpus(const char *path, syn_corpus *c, sr_diag *d)
{
    size_t len;
    char *text = read_file(path, &len, d);
    if (!text)
        return false;
    c->arena = sr_arena_new();
    size_t cap = 0;
    sr_conllu_reader *r = sr_conllu_open(path, text, len, false, d);
    sr_doc *doc;
    while ((doc = sr_conllu_next(r)) != NULL) {
        for (uint32_t s = 0; s < doc->nsentences; s++)
            if (doc->sentences[s].nwords)
                add_sentence(c, doc, &doc->sentences[s], &cap);
        sr_doc_free(doc);
    }
    sr_conllu_close(r);
    free(text);
    if (c->n == 0) {
        sr_error(d, path, "no usable sentence in the treebank");
        return false;
    }
    return true;
}

static void free_corpus(syn_corpus *c)
{
    free(c->s);
    if (c->arena)
        sr_arena_free(c->arena);
    memset(c, 0, sizeof *c);
}

/* Class ids of the gold annotation; `grow` adds unseen values (train). */
static void encode(syn_corpus *c, strset *tags, strset *labels, strset *feats,
                   bool grow)
{
    char buf[512];
    for (size_t s = 0; s < c->n; s++) {
        syn_sent *x = &c->s[s];
        for (uint32_t i = 1; i <= x->n; i++) {
            snprintf(buf, sizeof buf, "%s\t%s", x->gold_upos[i], x->gold_xpos[i]);
            x->tag[i] = grow ? strset_add(tags, buf) : strset_find(tags, buf);
            x->label[i] = grow ? strset_add(labels, x->gold_label[i])
                               : strset_find(labels, x->gold_label[i]);
            x->feats[i] = grow ? strset_add(feats, x->gold_feats[i])
                               : strset_find(feats, x->gold_feats[i]);
        }
    }
}

/* ---- steps -------------------------------------------------------------- */

static sr_buf *section(syn_writer *w, char a, char b, char c, char d)
{
    return syn_writer_section(w, SYN_ID(a, b, c, d));
}

/* Tag the train set by jackknifing: fold f is tagged by a tagger trained on
 * the other folds. */
static void jackknife(syn_corpus *train, unsigned folds, unsigned epochs,
                      uint64_t seed, uint32_t ntags, FILE *log)
{
    syn_corpus in = {0}, out = {0};
    in.s = sr_xmalloc(train->n * sizeof *in.s);
    out.s = sr_xmalloc(train->n * sizeof *out.s);
    double sum = 0;
    for (unsigned f = 0; f < folds; f++) {
        in.n = out.n = in.nwords = out.nwords = 0;
        for (size_t i = 0; i < train->n; i++) {
            /* contiguous parts: sentences of one document stay together,
             * so held-out names are as unknown as in new text */
            syn_corpus *to = (size_t)((uint64_t)i * folds / train->n) == f ? &out : &in;
            to->s[to->n++] = train->s[i];
            to->nwords += train->s[i].n;
        }
        syn_writer w = {0};
        char what[64];
        snprintf(what, sizeof what, "tagger fold %u/%u", f + 1, folds);
        syn_tagger_train_args ta = {&in, NULL, ntags, epochs, seed + f, NULL, what, NULL, 1};
        syn_tagger_train(&ta, &w);
        double acc = syn_tagger_apply(&w, &out, true);
        sum += acc;
        if (log)
            fprintf(log, "%s: held-out tag accuracy %.2f%%\n", what, acc);
        syn_writer_free(&w);
    }
    if (log)
        fprintf(log, "jackknife: mean held-out tag accuracy %.2f%%\n", sum / folds);
    free(in.s);
    free(out.s);
}

/* A model view over the sections written so far (lemmatiser only). */
static void lemmatize_corpus(syn_writer *w, syn_corpus *c, bool use_gold_tags,
                             size_t *right, size_t *total)
{
    sr_model m = {0};
    const char *why = NULL;
    sr_buf *b;
    bool ok = true;
    b = section(w, 'L', 'L', 'E', 'X');
    ok = ok && syn_map_view(&m.lemma.lex, b->data, b->len, &why);
    b = section(w, 'L', 'S', 'T', 'R');
    ok = ok && syn_strings_view(&m.lemma.strs, b->data, b->len, &why);
    b = section(w, 'L', 'R', 'U', 'L');
    ok = ok && syn_map_view(&m.lemma.rules, b->data, b->len, &why);
    b = section(w, 'L', 'S', 'C', 'R');
    ok = ok && syn_strings_view(&m.lemma.scripts, b->data, b->len, &why);
    b = section(w, 'L', 'C', 'A', 'S');
    m.lemma.casing = (const uint8_t *)b->data;
    m.lemma.ncase = (uint32_t)b->len;
    if (!ok)
        sr_fatal("lemmatiser: %s", why);
    syn_lemma_index(&m.lemma);
    *right = *total = 0;
    for (size_t s = 0; s < c->n; s++) {
        syn_sent *x = &c->s[s];
        for (uint32_t i = 1; i <= x->n; i++) {
            uint16_t tag = use_gold_tags ? x->tag[i] : x->ptag[i];
            x->plemma[i] = syn_lemmatize(&m, x->form[i], tag, i == 1, c->arena);
            x->w[i].lemma = syn_str_hash(x->plemma[i], strlen(x->plemma[i]));
            *right += strcmp(x->plemma[i], x->lemma[i]) == 0;
            (*total)++;
        }
    }
    free(m.lemma.known);
    free(m.lemma.known_lower);
}

static void use_predicted_tags(syn_corpus *c)
{
    for (size_t s = 0; s < c->n; s++)
        for (uint32_t i = 1; i <= c->s[s].n; i++)
            c->s[s].w[i].tag = c->s[s].ptag[i];
}

static void set_tag1(syn_corpus *c)
{
    for (size_t s = 0; s < c->n; s++)
        for (uint32_t i = 1; i <= c->s[s].n; i++)
            c->s[s].w[i].tag1 = c->s[s].ptag[i];
}

static void add_info(strset *info, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void add_info(strset *info, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    strset_add(info, buf);
}

/* Parse the dev set with the parser sections of `w`, keeping the trees. */
static void parse_dev(syn_writer *w, const syn_corpus *dev, uint32_t nlabels,
                      uint32_t **heads, uint16_t **labels)
{
    sr_model m = {0};
    const char *why = NULL;
    sr_buf *b = section(w, 'P', 'A', 'R', 'W');
    if (!lin_view(&m.parser.w, b->data, b->len, &why))
        sr_fatal("parser: %s", why);
    b = section(w, 'P', 'C', 'F', 'G');
    memcpy(&m.parser.beam, b->data, 4);
    b = section(w, 'L', 'A', 'B', 'L');
    if (!syn_strings_view(&m.parser.labels, b->data, b->len, &why))
        sr_fatal("parser: %s", why);
    m.parser.root_label = UINT32_MAX;
    for (uint32_t i = 0; i < nlabels; i++)
        if (strcmp(syn_string(&m.parser.labels, i), "root") == 0)
            m.parser.root_label = i;
    sr_arena *a = sr_arena_new();
    for (size_t s = 0; s < dev->n; s++) {
        const syn_sent *x = &dev->s[s];
        heads[s] = sr_xmalloc((x->n + 2) * sizeof **heads);
        labels[s] = sr_xmalloc((x->n + 2) * sizeof **labels);
        syn_parse(&m.parser, x->w, x->n, heads[s], labels[s], a, NULL);
    }
    sr_arena_free(a);
}

sr_status sr_syntax_train(const sr_train_options *opt, sr_diag *d)
{
    if (!opt || !opt->train_path || !opt->out_path) {
        sr_error(d, NULL, "training needs a treebank and an output path");
        return SR_ERR_USAGE;
    }
    if (opt->beam > 64) {
        sr_error(d, NULL, "beam width %u: at most 64", opt->beam);
        return SR_ERR_USAGE;
    }
    FILE *log = opt->log;
    unsigned tep = opt->tagger_epochs ? opt->tagger_epochs : 12;
    unsigned pep = opt->parser_epochs ? opt->parser_epochs : 22;
    unsigned folds = opt->folds ? opt->folds : 5;
    syn_corpus train = {0}, dev = {0};
    if (!load_corpus(opt->train_path, &train, d))
        return SR_ERR_IO;
    bool have_dev = opt->dev_path != NULL;
    if (have_dev && !load_corpus(opt->dev_path, &dev, d)) {
        free_corpus(&train);
        return SR_ERR_IO;
    }
    strset tags = {0}, labels = {0}, feats = {0}, info = {0};
    syn_mb_init(&tags.map);
    syn_mb_init(&labels.map);
    syn_mb_init(&feats.map);
    syn_mb_init(&info.map);
    strset_add(&labels, "root");
    encode(&train, &tags, &labels, &feats, true);
    if (have_dev)
        encode(&dev, &tags, &labels, &feats, false);
    if (log)
        fprintf(log, "train: %zu sentences, %zu words; %u tags, %u labels, %u FEATS\n",
                train.n, train.nwords, tags.n, labels.n, feats.n);
    syn_writer w = {0};
    syn_strings_write((const char *const *)tags.s, tags.n, section(&w, 'T', 'A', 'G', 'S'));

    /* tagger */
    unsigned tagger_epoch = tep;
    syn_tagger_train_args ta = {&train, have_dev ? &dev : NULL, tags.n, tep,
                                opt->seed, log, "tagger", &tagger_epoch, 1};
    syn_tagger_train(&ta, &w);
    /* the folds train as many epochs as the tagger kept */
    if (folds > 1)
        jackknife(&train, folds, tagger_epoch, opt->seed, tags.n, log);
    else
        for (size_t s = 0; s < train.n; s++)
            memcpy(train.s[s].ptag, train.s[s].tag, (train.s[s].n + 2) * sizeof *train.s[s].tag);
    /* the second pass sees the first pass's tags on both sides: on train
     * the jackknifed ones, on dev those of the full first pass */
    if (have_dev)
        syn_tagger_apply(&w, &dev, true);
    set_tag1(&train);
    set_tag1(&dev);
    {
        sr_buf *td = section(&w, 'T', 'D', 'I', 'C');
        syn_map dict;
        const char *why;
        if (!syn_map_view(&dict, td->data, td->len, &why))
            sr_fatal("tagger: %s", why);
        for (size_t s = 0; s < train.n; s++)
            syn_words_lookup(&dict, NULL, train.s[s].n, train.s[s].w);
    }
    syn_tagger_train_args ta2 = {&train, have_dev ? &dev : NULL, tags.n, tep,
                                 opt->seed + 1, log, "tagger pass 2", NULL, 2};
    if (folds > 1)
        syn_tagger_train(&ta2, &w);
    double dev_tag = have_dev ? syn_tagger_apply(&w, &dev, false) : -1;
    if (log && have_dev)
        fprintf(log, "tagger: dev tag accuracy %.2f%% (both passes)\n", dev_tag);
    /* the final tag dictionary again on train (training changed it) */
    {
        sr_buf *td = section(&w, 'T', 'D', 'I', 'C');
        syn_map dict;
        const char *why;
        if (!syn_map_view(&dict, td->data, td->len, &why))
            sr_fatal("tagger: %s", why);
        for (size_t s = 0; s < train.n; s++)
            syn_words_lookup(&dict, NULL, train.s[s].n, train.s[s].w);
    }
    use_predicted_tags(&train);
    if (have_dev)
        use_predicted_tags(&dev);

    /* lemmatiser */
    syn_tagset ts = {.n = tags.n};
    syn_lemma_train(&train, &ts, &w);
    size_t right, total;
    lemmatize_corpus(&w, &train, false, &right, &total);
    double dev_lemma = -1;
    if (have_dev) {
        lemmatize_corpus(&w, &dev, false, &right, &total);
        dev_lemma = 100.0 * (double)right / (double)(total ? total : 1);
        if (log)
            fprintf(log, "lemmatiser: dev lemma accuracy %.2f%% (predicted tags)\n", dev_lemma);
    }

    /* parser */
    syn_parser_train_args pa = {&train, have_dev ? &dev : NULL,
                                (const char *const *)labels.s, labels.n, pep,
                                opt->min_count, opt->beam, opt->seed, log};
    double dev_las = syn_parser_train(&pa, &w);

    /* morphology */
    uint32_t **dh = NULL;
    uint16_t **dl = NULL;
    if (have_dev) {
        dh = sr_xcalloc(dev.n, sizeof *dh);
        dl = sr_xcalloc(dev.n, sizeof *dl);
        parse_dev(&w, &dev, labels.n, dh, dl);
    }
    syn_morph_train_args ma = {&train, have_dev ? &dev : NULL, dh, dl,
                               (const char *const *)feats.s, feats.n, tags.n,
                               8, opt->seed, log};
    double dev_feats = syn_morph_train(&ma, &w);
    if (have_dev) {
        for (size_t s = 0; s < dev.n; s++) {
            free(dh[s]);
            free(dl[s]);
        }
        free(dh);
        free(dl);
    }

    add_info(&info, "data=Universal Dependencies treebank %s", "(see data/models/README.md)");
    add_info(&info, "train_sentences=%zu", train.n);
    add_info(&info, "train_words=%zu", train.nwords);
    add_info(&info, "seed=%llu", (unsigned long long)opt->seed);
    add_info(&info, "jackknife_folds=%u", folds);
    if (have_dev) {
        add_info(&info, "dev_tags=%.2f", dev_tag);
        add_info(&info, "dev_lemma=%.2f", dev_lemma);
        add_info(&info, "dev_las=%.2f", dev_las);
        add_info(&info, "dev_feats=%.2f", dev_feats);
    }
    syn_strings_write((const char *const *)info.s, info.n, section(&w, 'I', 'N', 'F', 'O'));
    sr_status st = syn_writer_save(&w, opt->out_path, d);
    if (st == SR_OK && log)
        fprintf(log, "wrote %s\n", opt->out_path);
    syn_writer_free(&w);
    strset_free(&tags);
    strset_free(&labels);
    strset_free(&feats);
    strset_free(&info);
    free_corpus(&train);
    free_corpus(&dev);
    return st;
}
