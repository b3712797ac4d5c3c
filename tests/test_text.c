/* test_text.c — normalisation, tokenisation and sentence splitting. */
#include "check.h"
#include "sitrep.h"

static sr_doc *analyze(const char *text)
{
    sr_doc *d = sr_doc_new();
    sr_doc_set_body(d, text, strlen(text));
    CHECK_INT_EQ(sr_text_analyze(d), SR_OK);
    return d;
}

/* The surface tokens joined by '|', multiword tokens as "don't=do+n't". */
static void tokens_of(const sr_doc *d, char *out, size_t n)
{
    sr_buf b;
    sr_buf_init(&b);
    for (uint32_t i = 0; i < d->nwords; i++) {
        const sr_word *w = &d->words[i];
        if (b.len)
            sr_buf_putc(&b, '|');
        if (w->mwt_len > 1) {
            sr_buf_put(&b, d->body + w->mwt_span.start, w->mwt_span.end - w->mwt_span.start);
            sr_buf_putc(&b, '=');
            for (uint32_t k = 0; k < w->mwt_len; k++)
                sr_buf_printf(&b, "%s%s", k ? "+" : "", d->words[i + k].form);
            i += w->mwt_len - 1;
        } else {
            sr_buf_puts(&b, w->form);
        }
    }
    snprintf(out, n, "%s", b.data ? b.data : "");
    sr_buf_free(&b);
}

/* The sentences' texts joined by " || ". */
static void sentences_of(const sr_doc *d, char *out, size_t n)
{
    sr_buf b;
    sr_buf_init(&b);
    for (uint32_t i = 0; i < d->nsentences; i++) {
        if (i)
            sr_buf_puts(&b, " || ");
        sr_buf_put(&b, d->body + d->sentences[i].start,
                   d->sentences[i].end - d->sentences[i].start);
    }
    snprintf(out, n, "%s", b.data ? b.data : "");
    sr_buf_free(&b);
}

#define TOKENS(text, want)                                                   \
    do {                                                                     \
        char got_[2048];                                                     \
        sr_doc *d_ = analyze(text);                                          \
        tokens_of(d_, got_, sizeof got_);                                    \
        CHECK_STR_EQ(got_, want);                                            \
        sr_doc_free(d_);                                                     \
    } while (0)

#define SENTENCES(text, want)                                                \
    do {                                                                     \
        char got_[4096];                                                     \
        sr_doc *d_ = analyze(text);                                          \
        sentences_of(d_, got_, sizeof got_);                                 \
        CHECK_STR_EQ(got_, want);                                            \
        sr_doc_free(d_);                                                     \
    } while (0)

static void test_tokens(void)
{
    TOKENS("I don't know.", "I|don't=do+n't|know|.");
    TOKENS("Iran's foreign minister can't, won't.",
           "Iran's=Iran+'s|foreign|minister|can't=ca+n't|,|won't=wo+n't|.");
    TOKENS("Iran\xE2\x80\x99s drones", "Iran\xE2\x80\x99s=Iran+\xE2\x80\x99s|drones");
    TOKENS("I cannot, we're gonna go", "I|cannot=can+not|,|we're=we+'re|gonna=gon+na|go");
    TOKENS("the Edwards' house", "the|Edwards'=Edwards+'|house");
    TOKENS("a 'normal' day", "a|'|normal|'|day");
    TOKENS("O'Connell and rock'n'roll", "O'Connell|and|rock'n'roll");
    TOKENS("Mr. Smith of the U.S. Army met Gen. Lt. Col. Jones",
           "Mr.|Smith|of|the|U.S.|Army|met|Gen.|Lt.|Col.|Jones");
    TOKENS("at 10 a.m. on Jan. 5, i.e. today", "at|10|a.m.|on|Jan.|5|,|i.e.|today");
    TOKENS("No. 10 and said no.", "No.|10|and|said|no|.");
    TOKENS("George W. Bush", "George|W.|Bush");
    TOKENS("$1,200 or 2.5% at 3:30pm on 9/11",
           "$|1,200|or|2.5|%|at|3:30|pm|on|9/11");
    TOKENS("call 713-853-3989 in 1969-1970", "call|713-853-3989|in|1969|-|1970");
    TOKENS("the 1980s, 3rd and 5kg", "the|1980s|,|3rd|and|5|kg");
    TOKENS("an e-mail, a non-stop well-known Al-Qaeda",
           "an|e-mail|,|a|non-stop|well|-|known|Al|-|Qaeda");
    TOKENS("see http://www.example.com/a?b=1. Or mail john.doe@example.org!",
           "see|http://www.example.com/a?b=1|.|Or|mail|john.doe@example.org|!");
    TOKENS("whitehouse.gov and minutes.doc", "whitehouse.gov|and|minutes.doc");
    TOKENS("Revised Letter .doc, comp.sources.unix", "Revised|Letter|.doc|,|comp.sources.unix");
    TOKENS("1 / 2 or 1/2 cup on 9/11 or 12/28/2000 at 20/20",
           "1|/|2|or|1|/|2|cup|on|9/11|or|12/28/2000|at|20|/|20");
    TOKENS("the 1990's and AK47's", "the|1990's|and|AK47's=AK47+'s");
    TOKENS("#Iran @UN :) ok", "#Iran|@UN|:)|ok");
    TOKENS("AT&T and and/or w/o", "AT&T|and|and|/|or|w/o");
    TOKENS("Wait... what?! No -- never!!!", "Wait|...|what|?!|No|--|never|!!!");
    TOKENS("(\"Yes,\" he said.)", "(|\"|Yes|,|\"|he|said|.|)");
    TOKENS("\xE2\x80\x9CNo\xE2\x80\x9D", "\xE2\x80\x9C|No|\xE2\x80\x9D");
    TOKENS("in '72 they", "in|'72|they");
    TOKENS("no\xC2\xA0" "break", "no|break");
    TOKENS("", "");
}

static void test_sentences(void)
{
    SENTENCES("Mr. Smith and Dr. Jones met Sen. Brown. They talked.",
              "Mr. Smith and Dr. Jones met Sen. Brown. || They talked.");
    SENTENCES("The U.S. Army left. The U.S. The rest stayed.",
              "The U.S. Army left. || The U.S. || The rest stayed.");
    SENTENCES("George W. Bush spoke at 10 a.m. on Jan. 5 in No. 10 Downing St. today.",
              "George W. Bush spoke at 10 a.m. on Jan. 5 in No. 10 Downing St. today.");
    SENTENCES("It rose 2.5 percent to 1,200. Prices fell.",
              "It rose 2.5 percent to 1,200. || Prices fell.");
    SENTENCES("He waited... and waited. Then... Nothing.",
              "He waited... and waited. || Then... || Nothing.");
    SENTENCES("\"We will win.\" The crowd cheered.",
              "\"We will win.\" || The crowd cheered.");
    SENTENCES("\"Will we win?\" he asked. Nobody knew.",
              "\"Will we win?\" he asked. || Nobody knew.");
    SENTENCES("He left. (Nobody saw him go.) She stayed.",
              "He left. || (Nobody saw him go.) || She stayed.");
    SENTENCES("Talks resume\n\nThe two sides met on Friday.\n\n- first item\n\n- second item",
              "Talks resume || The two sides met on Friday. || - first item || - second item");
    SENTENCES("WASHINGTON (Reuters) - The talks failed.",
              "WASHINGTON (Reuters) - || The talks failed.");
    SENTENCES("Prices rose etc. The end", "Prices rose etc. || The end");
    SENTENCES("Why? Because!", "Why? || Because!");
}

static void test_offsets_and_norm(void)
{
    const char *text = "\xE2\x80\x9CIt\xE2\x80\x99s over\xE2\x80\x9D \xE2\x80\x94 caf\x65\xCC\x81 \xE2\x80\xA6";
    sr_doc *d = analyze(text);
    for (uint32_t i = 0; i < d->nwords; i++) {
        const sr_word *w = &d->words[i];
        CHECK(w->end <= d->body_len);
        CHECK_SPAN_EQ(d->body + w->start, w->end - w->start, w->form);
    }
    CHECK_INT_EQ(d->nwords, 8);
    if (d->nwords == 8) {
        CHECK_STR_EQ(d->words[0].norm, "\"");
        CHECK_STR_EQ(d->words[2].form, "\xE2\x80\x99s");
        CHECK_STR_EQ(d->words[2].norm, "'s");
        CHECK_STR_EQ(d->words[5].norm, "-");
        CHECK_STR_EQ(d->words[6].norm, "caf\xC3\xA9");   /* NFC */
        CHECK_STR_EQ(d->words[7].norm, "...");
        /* ASCII words share form and norm */
        CHECK(d->words[3].norm == d->words[3].form);
    }
    sr_doc_free(d);

    sr_arena *a = sr_arena_new();
    CHECK_STR_EQ(sr_text_norm(a, "a\xC2\xA0" "b\xE2\x80\x8B" "c", 8), "a bc");
    CHECK_STR_EQ(sr_text_norm(a, "plain", 5), "plain");
    sr_arena_free(a);
}

static void test_paragraphs(void)
{
    sr_doc *d = analyze("  First para.\nSame para.\n \t\nSecond para\n\n\n");
    CHECK_INT_EQ(d->nparagraphs, 2);
    CHECK_INT_EQ(d->nsentences, 3);
    if (d->nsentences == 3) {
        CHECK_INT_EQ(d->sentences[0].paragraph, 0);
        CHECK_INT_EQ(d->sentences[1].paragraph, 0);
        CHECK_INT_EQ(d->sentences[2].paragraph, 1);
        CHECK_SPAN_EQ(d->body + d->paragraphs[1].start,
                      d->paragraphs[1].end - d->paragraphs[1].start, "Second para");
    }
    sr_doc_free(d);
}

/* Arbitrary bytes: offsets stay inside the body, words inside sentences. */
static void test_garbage(void)
{
    unsigned char buf[4096];
    uint32_t x = 12345;
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = (unsigned char)(x >> 16);
            if (round % 2)
                buf[i] = (unsigned char)" .'\"-aZ9\n,!?()@:/\xE2\x80\x99"[buf[i] % 21];
        }
        sr_doc *d = sr_doc_new();
        sr_doc_set_body(d, (const char *)buf, sizeof buf);
        CHECK_INT_EQ(sr_text_analyze(d), SR_OK);
        uint32_t words = 0;
        for (uint32_t s = 0; s < d->nsentences; s++) {
            const sr_sentence *st = &d->sentences[s];
            CHECK(st->start < st->end && st->end <= d->body_len);
            CHECK_INT_EQ(st->first_word, words);
            words += st->nwords;
            for (uint32_t k = 0; k < st->nwords; k++) {
                const sr_word *w = &d->words[st->first_word + k];
                if (w->start < st->start || w->end > st->end || w->start >= w->end) {
                    CHECK(!"word outside its sentence");
                    break;
                }
            }
        }
        CHECK_INT_EQ(words, d->nwords);
        sr_doc_free(d);
    }
}

/* The letter scanner reads eight bytes at a time: every ASCII byte next
 * to letters, at every position of the eight, ends a letter run exactly
 * when it is not a letter. */
static void test_letter_runs(void)
{
    for (int c = 0x21; c < 0x7F; c++) {
        /* marks that may join letters ("O'Neil", "e-mail", "AT&T", "mp3")
         * are the word rules' business */
        if (strchr("'`*&-_/.@#:", c) || (c >= '0' && c <= '9'))
            continue;
        for (int pos = 1; pos < 10; pos++) {
            char text[32];
            memset(text, 'a', sizeof text);
            text[pos] = (char)c;
            text[20] = '\0';
            sr_doc *d = analyze(text);
            bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (d->nwords == 0 || (letter && d->nwords != 1) ||
                (!letter && d->words[0].end != (uint32_t)pos)) {
                fprintf(stderr, "letter run broken by byte 0x%02x at %d\n", c, pos);
                CHECK(!"letter run");
            }
            sr_doc_free(d);
        }
    }
}

int main(void)
{
    test_letter_runs();
    test_tokens();
    test_sentences();
    test_offsets_and_norm();
    test_paragraphs();
    test_garbage();
    return check_status();
}
