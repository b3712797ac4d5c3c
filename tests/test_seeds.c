/* test_seeds.c — the three seed articles of ../shared/samples/seeds, read
 * as a user reads them: every field and every sentence boundary checked by
 * hand. (Skips when the shared corpora are absent.)
 *
 *   000: opens with the dateline "Jerusalem/Washington:"; no title, no
 *        byline; 8 paragraphs, 11 sentences.
 *   001: a headline, three copies of it below (one without punctuation,
 *        one shortened, one behind a no-break space) and one more copy in
 *        the middle, "No comments" and "Powered by Blogger." at the end;
 *        a no-break space between two sentences; 25 paragraphs (three of
 *        them subheadings without final punctuation), 44 sentences.
 *   002: opens with a byline line, then the dateline
 *        "London, (The Muslim News):"; ends with a bracketed infographic
 *        caption; 16 paragraphs, 27 sentences. */
#include "check.h"
#include "sitrep.h"

static sr_doc *read_seed(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/samples/seeds/%s", SR_SHARED_DIR, name);
    const char *paths[] = {path};
    sr_diag diag = {0};
    sr_input *in = sr_input_open(paths, 1, NULL, &diag);
    sr_doc *d = sr_input_next(in);
    CHECK(d != NULL);
    CHECK(sr_input_next(in) == NULL);
    sr_input_close(in);
    CHECK_INT_EQ(diag.errors + diag.warnings, 0);
    if (d)
        CHECK_INT_EQ(sr_text_analyze(d), SR_OK);
    return d;
}

static bool body_has(const sr_doc *d, const char *s)
{
    return strstr(d->body, s) != NULL;
}

static const sr_sentence *sentence_starting(const sr_doc *d, const char *s)
{
    for (uint32_t i = 0; i < d->nsentences; i++)
        if (strncmp(d->body + d->sentences[i].start, s, strlen(s)) == 0)
            return &d->sentences[i];
    return NULL;
}

static bool sentence_ends_with(const sr_doc *d, const sr_sentence *s, const char *e)
{
    size_t n = strlen(e);
    return s && s->end - s->start >= n && memcmp(d->body + s->end - n, e, n) == 0;
}

/* What holds for every sentence of a seed: it starts with a capital or an
 * opening quote; it ends with . ? or ! (and closing quotes), or it is a
 * whole paragraph (a subheading); no paragraph starts with white space. */
static void check_shapes(const sr_doc *d)
{
    for (uint32_t i = 0; i < d->nsentences; i++) {
        const sr_sentence *s = &d->sentences[i];
        const unsigned char *p = (const unsigned char *)d->body + s->start;
        bool cap = (*p >= 'A' && *p <= 'Z') || *p == '"' || (p[0] == 0xE2 && p[2] == 0x9C);
        const sr_span *para = &d->paragraphs[s->paragraph];
        bool whole = s->start == para->start && s->end == para->end;
        uint32_t e = s->end;
        while (e > s->start && (d->body[e - 1] == '"' || (unsigned char)d->body[e - 1] >= 0x80))
            e--;
        char last = d->body[e - 1];
        bool final = last == '.' || last == '?' || last == '!';
        if (!cap || !(final || whole)) {
            fprintf(stderr, "odd sentence: %.*s\n", (int)(s->end - s->start), d->body + s->start);
            CHECK(!"sentence shape");
        }
    }
    for (uint32_t i = 0; i < d->nparagraphs; i++) {
        unsigned char c = (unsigned char)d->body[d->paragraphs[i].start];
        CHECK(c != ' ' && c != 0xC2);
    }
}

static void seed_000(void)
{
    sr_doc *d = read_seed("000_893128ca4f2b049c.txt");
    if (!d)
        return;
    CHECK(d->title == NULL);
    CHECK(d->byline == NULL);
    CHECK_STR_EQ(d->dateline, "Jerusalem/Washington");
    CHECK_INT_EQ(d->ncaptions, 0);
    CHECK(strncmp(d->body, "Fresh details have emerged", 26) == 0);
    CHECK_INT_EQ(d->nparagraphs, 8);
    CHECK_INT_EQ(d->nsentences, 11);
    check_shapes(d);
    sr_doc_free(d);
}

static void seed_001(void)
{
    sr_doc *d = read_seed("001_6cdd9f5d236e324e.txt");
    if (!d)
        return;
    CHECK_STR_EQ(d->title, "Trump and Netanyahu: What's Behind the Angry Phone Call?");
    CHECK(d->byline == NULL);
    CHECK(d->dateline == NULL);
    CHECK(!body_has(d, "Angry Phone Call"));     /* every copy of the title */
    CHECK(!body_has(d, "No comments"));
    CHECK(!body_has(d, "Powered by Blogger"));
    CHECK(strncmp(d->body, "At a sensitive moment", 21) == 0);
    CHECK_INT_EQ(d->nparagraphs, 25);
    CHECK_INT_EQ(d->nsentences, 44);
    /* the boundary behind "direct." and a no-break space */
    const sr_sentence *s = sentence_starting(d, "Trump, according to leaks");
    CHECK(s != NULL);
    /* an ellipsis inside a quotation does not end it */
    s = sentence_starting(d, "\"Netanyahu is a difficult man");
    CHECK(sentence_ends_with(d, s, "Kimmitt said."));
    s = sentence_starting(d, "\"A troubled alliance");
    CHECK(sentence_ends_with(d, s, "but erodes.\""));
    /* subheadings are sentences of their own */
    CHECK(sentence_starting(d, "US Shifts Worry Israel") != NULL);
    CHECK(sentence_starting(d, "Netanyahu: War as a Political Doctrine") != NULL);
    check_shapes(d);
    sr_doc_free(d);
}

static void seed_002(void)
{
    sr_doc *d = read_seed("002_fb8ed1a30727ed3b.txt");
    if (!d)
        return;
    CHECK(d->title == NULL);
    CHECK_STR_EQ(d->byline, "Middle East Correspondent");
    CHECK_STR_EQ(d->dateline, "London, (The Muslim News)");
    CHECK_INT_EQ(d->ncaptions, 1);
    if (d->ncaptions)
        CHECK(strncmp(d->captions[0], "An infographic titled", 21) == 0);
    CHECK(!body_has(d, "["));
    CHECK(!body_has(d, "Photojournalist"));
    CHECK(strncmp(d->body, "Israel is pressing", 18) == 0);
    CHECK_INT_EQ(d->nparagraphs, 16);
    CHECK_INT_EQ(d->nsentences, 27);
    /* a quotation closing after the full stop, then the attribution */
    const sr_sentence *s = sentence_starting(d, "The president is just not there,");
    CHECK(s != NULL);
    /* an initial inside a name: "USS Delbert D. Black" */
    s = sentence_starting(d, "The Pentagon has dispatched");
    CHECK(sentence_ends_with(d, s, "littoral combat ships."));
    check_shapes(d);
    sr_doc_free(d);
}

int main(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/samples/seeds/000_893128ca4f2b049c.txt", SR_SHARED_DIR);
    FILE *f = fopen(path, "rb");
    if (!f)
        SKIP("../shared/samples/seeds is absent");
    fclose(f);
    seed_000();
    seed_001();
    seed_002();
    return check_status();
}
