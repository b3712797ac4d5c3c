/* test_plain.c — plain-text article conventions (sr_plain_article). */
#include "check.h"
#include "sitrep.h"
#include "ingest/ingest.h"

static sr_doc *article(const char *text, const char *given_title)
{
    sr_doc *d = sr_doc_new();
    if (given_title)
        d->title = sr_arena_strdup(d->arena, given_title);
    sr_plain_article(d, text, strlen(text));
    return d;
}

static void test_datelines(void)
{
    static const struct {
        const char *text, *dateline, *body;
    } cases[] = {
        {"WASHINGTON (Reuters) - The talks failed.", "WASHINGTON (Reuters)", "The talks failed."},
        {"NEW YORK, Jan 5 (Reuters) - Stocks fell.", "NEW YORK, Jan 5 (Reuters)", "Stocks fell."},
        {"BEIRUT \xE2\x80\x94 A blast shook the port.", "BEIRUT", "A blast shook the port."},
        {"PONCHATOULA, La. -- Deputies arrived.", "PONCHATOULA, La.", "Deputies arrived."},
        {"Jerusalem/Washington: Fresh details emerged.", "Jerusalem/Washington", "Fresh details emerged."},
        {"London, (The Muslim News): Israel is pressing.", "London, (The Muslim News)", "Israel is pressing."},
        {"Tel Aviv (AFP) - Sirens sounded.", "Tel Aviv (AFP)", "Sirens sounded."},
        /* not datelines */
        {"Trump: We will see what happens.", NULL, "Trump: We will see what happens."},
        {"US President Donald Trump - who spoke - left.", NULL, "US President Donald Trump - who spoke - left."},
        {"The talks failed - again.", NULL, "The talks failed - again."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sr_doc *d = article(cases[i].text, NULL);
        if (cases[i].dateline)
            CHECK_STR_EQ(d->dateline, cases[i].dateline);
        else
            CHECK(d->dateline == NULL);
        CHECK_STR_EQ(d->body, cases[i].body);
        sr_doc_free(d);
    }
}

static void test_title_byline_furniture(void)
{
    sr_doc *d = article("Iran Talks Resume in Oman\n\nBy Jane Doe and John Roe\n"
                        "The two sides met on Friday.\nIran talks resume in Oman!\n"
                        "Share on Facebook\nFacebook Twitter WhatsApp Email\n"
                        "Advertisement\n3 comments\n* * *\n"
                        "They will meet again.\nCopyright 2026 Example News. All rights reserved.\n",
                        NULL);
    CHECK_STR_EQ(d->title, "Iran Talks Resume in Oman");
    CHECK_STR_EQ(d->byline, "Jane Doe and John Roe");
    CHECK_STR_EQ(d->body, "The two sides met on Friday.\n\nThey will meet again.");
    sr_doc_free(d);

    /* a first line that is prose is not a title; a lone line neither */
    d = article("The two sides met on Friday in Muscat, officials said.\nMore later.\n", NULL);
    CHECK(d->title == NULL);
    sr_doc_free(d);
    d = article("Talks resume\n", NULL);
    CHECK(d->title == NULL);
    CHECK_STR_EQ(d->body, "Talks resume");
    sr_doc_free(d);

    /* a title given by the caller (JSON Lines) is kept, and its copy in
     * the text dropped */
    d = article("Talks resume\nThe two sides met.\n", "Talks Resume");
    CHECK_STR_EQ(d->title, "Talks Resume");
    CHECK_STR_EQ(d->body, "The two sides met.");
    sr_doc_free(d);
}

static void test_captions_and_lines(void)
{
    sr_doc *d = sr_doc_new();
    const char *given[] = {"an earlier caption"};
    d->captions = given;
    d->ncaptions = 1;
    const char *text = "\xC2\xA0 Officials met.\n[Photo: officials in Muscat]\n"
                       "Photograph: AP\nThe meeting was\nshort and tense.\n";
    sr_plain_article(d, text, strlen(text));
    CHECK_INT_EQ(d->ncaptions, 3);
    if (d->ncaptions == 3) {
        CHECK_STR_EQ(d->captions[0], "an earlier caption");
        CHECK_STR_EQ(d->captions[1], "Photo: officials in Muscat");
        CHECK_STR_EQ(d->captions[2], "Photograph: AP");
    }
    /* the no-break space is trimmed; a line continuing a sentence joins it */
    CHECK_STR_EQ(d->body, "Officials met.\n\nThe meeting was\nshort and tense.");
    sr_doc_free(d);

    /* hard-wrapped text keeps its blank-line paragraphs */
    d = article("The minister said on Friday that the talks in Oman would resume\n"
                "Officials in Tehran confirmed the date and the venue of the talks\n"
                "\n"
                "Analysts said the outcome of the meeting was far from certain and\n"
                "Washington said it would send its special envoy to the meeting.\n", NULL);
    CHECK_INT_EQ(sr_text_analyze(d), SR_OK);
    CHECK_INT_EQ(d->nparagraphs, 2);
    sr_doc_free(d);

    /* invalid bytes are repaired and counted */
    d = article("Caf\xE9 talks.\n", NULL);
    CHECK_INT_EQ(d->bad_bytes, 1);
    CHECK_STR_EQ(d->body, "Caf\xEF\xBF\xBD talks.");
    sr_doc_free(d);
}

int main(void)
{
    test_datelines();
    test_title_byline_furniture();
    test_captions_and_lines();
    return check_status();
}
