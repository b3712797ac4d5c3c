/* test_html.c — the HTML reader: article body extraction on small pages
 * written for these tests, captions, charsets, and bad input. */
#include "check.h"
#include "sitrep.h"
#include "ingest/html.h"

#include <pthread.h>
#include <time.h>

static sr_diag quiet_diag(void)
{
    sr_diag d = {0};
    d.quiet = true;
    d.out = fopen("/dev/null", "w");
    return d;
}

static sr_doc *parse(const char *html, const char *charset, sr_diag *d)
{
    return sr_html_parse(html, strlen(html), charset, NULL, d, "test.html");
}

static bool contains(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

/* A news page with the usual furniture around a short article. */
static const char news_page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Talks resume in Oman - The Daily Example</title>"
    "<script>var x = '<p>not text</p>';</script><style>p{color:red}</style></head>"
    "<body class=\"single has-sidebar\">"
    "<div id=\"cookie-banner\"><p>We use cookies to improve your experience on this site, see our policy.</p></div>"
    "<header class=\"site-header\"><a href=\"/\">The Daily Example</a>"
    "<nav><ul><li><a href=\"/world\">World</a></li><li><a href=\"/politics\">Politics</a></li>"
    "<li><a href=\"/business\">Business</a></li></ul></nav></header>"
    "<main><article>"
    "<h1>Talks resume in Oman</h1>"
    "<div class=\"byline\">By A. Writer, 27 January 2026</div>"
    "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet this story</a></div>"
    "<figure><img src=\"a.jpg\"><figcaption>Delegates arrive in Muscat on Monday.</figcaption></figure>"
    "<p>Negotiators from both countries met in Muscat on Monday, the first direct talks in more than a year, officials said.</p>"
    "<p>The foreign minister told reporters that the meeting had been &quot;constructive&quot;, and that a second round would follow.</p>"
    "<h2>What comes next</h2>"
    "<p>Diplomats expect the next round within two weeks, although no date has been announced, according to two people familiar with the plans.</p>"
    "<div class=\"ad-slot\"><p>Advertisement</p></div>"
    "<p>Analysts cautioned that the talks remain fragile, and that a single incident could derail them, as it did last spring.</p>"
    "<aside class=\"related-articles\"><h3>Related</h3><ul>"
    "<li><a href=\"/a\">Earlier talks collapsed after a drone was shot down over the gulf</a></li>"
    "<li><a href=\"/b\">Profile of the foreign minister who leads the delegation this week</a></li></ul></aside>"
    "</article>"
    "<section id=\"comments\" class=\"comments-area\"><h3>3 Comments</h3>"
    "<div class=\"comment\"><p>This is a long reader comment that should never be part of the article body, whatever it says.</p></div>"
    "</section></main>"
    "<div class=\"newsletter-signup\"><p>Sign up for our daily newsletter to get the latest news in your inbox every morning.</p></div>"
    "<footer><p>Copyright 2026 The Daily Example. All rights reserved. Contact us at the address below.</p></footer>"
    "</body></html>";

static void test_news_page(void)
{
    sr_diag d = quiet_diag();
    sr_doc *doc = parse(news_page, NULL, &d);
    CHECK(doc != NULL);
    if (!doc)
        return;
    CHECK_STR_EQ(doc->body,
                 "Negotiators from both countries met in Muscat on Monday, the first direct talks in more than a year, officials said.\n\n"
                 "The foreign minister told reporters that the meeting had been \"constructive\", and that a second round would follow.\n\n"
                 "What comes next\n\n"
                 "Diplomats expect the next round within two weeks, although no date has been announced, according to two people familiar with the plans.\n\n"
                 "Analysts cautioned that the talks remain fragile, and that a single incident could derail them, as it did last spring.");
    CHECK_INT_EQ(doc->ncaptions, 1);
    if (doc->ncaptions == 1)
        CHECK_STR_EQ(doc->captions[0], "Delegates arrive in Muscat on Monday.");
    CHECK_STR_EQ(doc->format, "html");
    CHECK_INT_EQ(d.errors, 0);
    sr_doc_free(doc);
    fclose(d.out);
}

/* The article split over several containers of one class, with a
 * teaser list and a sidebar beside it. */
static void test_split_body(void)
{
    const char *page =
        "<html><body><div class=\"layout\"><div class=\"col-main\">"
        "<div class=\"article-body\"><p>First part of the story, long enough to count as a real paragraph of prose.</p>"
        "<p>Second paragraph of the first part, with a comma, and a full stop at the end.</p></div>"
        "<div class=\"inline-promo\"><a href=\"/x\">Read our special report on the economy and the markets</a></div>"
        "<div class=\"article-body\"><p>Third paragraph after the promotion, which continues the story as before.</p></div>"
        "</div><div class=\"sidebar\"><h3>Most read</h3><p>A teaser paragraph from another story that sits in the sidebar of the page.</p></div>"
        "</div></body></html>";
    sr_diag d = quiet_diag();
    sr_doc *doc = parse(page, NULL, &d);
    CHECK(doc != NULL);
    if (doc) {
        CHECK(contains(doc->body, "First part of the story"));
        CHECK(contains(doc->body, "Third paragraph after the promotion"));
        CHECK(!contains(doc->body, "special report"));
        CHECK(!contains(doc->body, "teaser paragraph"));
        CHECK(!contains(doc->body, "Most read"));
    }
    sr_doc_free(doc);
    fclose(d.out);
}

/* An article with a lead kept in the header, an embedded tweet, a hover
 * card inside a sentence, and a long list of recommendations after it. */
static void test_article_parts(void)
{
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b,
        "<html><body><nav><a href=\"/\">Home</a></nav><article class=\"story\">"
        "<header><h1>Ministers meet in Geneva</h1>"
        "<p class=\"story-intro\">Foreign ministers met in Geneva on Tuesday to discuss a ceasefire, the first meeting in months.</p></header>"
        "<div class=\"story-text\">"
        "<p>The talks were called by <span class=\"rollover-people\"><a href=\"/p/1\">the minister</a>"
        "<span class=\"rollover-people-block\"><a href=\"/x\">Other story one about something else</a> <a href=\"/y\">Other story two</a></span></span>"
        " after a week of fighting, and lasted four hours, officials said.</p>"
        "<div class=\"social-embed\"><blockquote class=\"twitter-tweet\"><p>We welcome the talks in Geneva today and hope for progress.</p></blockquote></div>"
        "<p>A second round is planned for next month, although no date has been set, according to diplomats.</p>"
        "</div>"
        "<div class=\"story-recommendations\">");
    for (int i = 0; i < 30; i++)
        sr_buf_printf(&b, "<div class=\"teaser\"><p>Recommended story number %d, with a long enough summary of what it says to look like prose.</p></div>", i);
    sr_buf_puts(&b, "</div></article></body></html>");
    sr_diag d = quiet_diag();
    sr_doc *doc = sr_html_parse(b.data, b.len, NULL, NULL, &d, "parts.html");
    CHECK(doc != NULL);
    if (doc) {
        CHECK_STR_EQ(doc->body,
                     "Foreign ministers met in Geneva on Tuesday to discuss a ceasefire, the first meeting in months.\n\n"
                     "The talks were called by the minister after a week of fighting, and lasted four hours, officials said.\n\n"
                     "We welcome the talks in Geneva today and hope for progress.\n\n"
                     "A second round is planned for next month, although no date has been set, according to diplomats.");
    }
    sr_doc_free(doc);
    sr_buf_free(&b);
    /* a page with no article: nothing rather than its footer */
    doc = parse("<html><body><nav><a href=\"/a\">A</a> <a href=\"/b\">B</a></nav>"
                "<div class=\"footer-copyright\">Copyright 2026 Example Media. All rights reserved.</div></body></html>",
                NULL, &d);
    CHECK(doc && doc->body_len == 0);
    sr_doc_free(doc);
    fclose(d.out);
}

/* Text with <br> line breaks: one breaks a line, two a paragraph. */
static void test_breaks_and_entities(void)
{
    const char *page =
        "<html><body><div class=\"post\">First line of a long enough paragraph,<br>second line of it."
        "<br><br>A new paragraph after two breaks, with &#147;quotes&#148; from a legacy page &amp; more.</div>"
        "</body></html>";
    sr_diag d = quiet_diag();
    sr_doc *doc = parse(page, NULL, &d);
    CHECK(doc != NULL);
    if (doc)
        CHECK_STR_EQ(doc->body,
                     "First line of a long enough paragraph,\nsecond line of it.\n\n"
                     "A new paragraph after two breaks, with \xE2\x80\x9Cquotes\xE2\x80\x9D from a legacy page & more.");
    sr_doc_free(doc);
    fclose(d.out);
}

/* A page of the given charset declaration and body bytes. */
static sr_doc *charset_page(const char *decl, const char *text, const char *http, sr_diag *d)
{
    char page[1024];
    snprintf(page, sizeof page,
             "<html><head>%s<title>t</title></head><body><p>%s, a sentence long enough to be the article body.</p></body></html>",
             decl, text);
    return parse(page, http, d);
}

static void test_charsets(void)
{
    sr_diag d = quiet_diag();
    const char *want = "Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e \xE2\x82\xAC" "5, a sentence long enough to be the article body.";
    /* windows-1252 declared by <meta charset> */
    sr_doc *doc = charset_page("<meta charset=\"windows-1252\">", "Caf\xE9 cr\xE8me br\xFBl\xE9" "e \x80" "5", NULL, &d);
    CHECK(doc && strcmp(doc->body, want) == 0);
    sr_doc_free(doc);
    /* ISO-8859-1 by http-equiv: read as windows-1252, as browsers do */
    doc = charset_page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
                       "Caf\xE9 cr\xE8me br\xFBl\xE9" "e \x80" "5", NULL, &d);
    CHECK(doc && strcmp(doc->body, want) == 0);
    sr_doc_free(doc);
    /* no declaration, legacy bytes: windows-1252 */
    doc = charset_page("", "Caf\xE9 cr\xE8me br\xFBl\xE9" "e \x80" "5", NULL, &d);
    CHECK(doc && strcmp(doc->body, want) == 0);
    sr_doc_free(doc);
    /* declared ISO-8859-1, but the bytes are UTF-8: read as UTF-8, with a warning */
    unsigned w = d.warnings;
    doc = charset_page("<meta charset=\"iso-8859-1\">", "Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e \xE2\x82\xAC" "5", NULL, &d);
    CHECK(doc && strcmp(doc->body, want) == 0);
    CHECK(d.warnings == w + 1);
    sr_doc_free(doc);
    /* declared UTF-8, but the bytes are windows-1252 */
    w = d.warnings;
    doc = charset_page("<meta charset=\"utf-8\">", "Caf\xE9 cr\xE8me br\xFBl\xE9" "e \x80" "5", NULL, &d);
    CHECK(doc && strcmp(doc->body, want) == 0);
    CHECK(d.warnings == w + 1);
    sr_doc_free(doc);
    /* the HTTP header wins over <meta> */
    doc = charset_page("<meta charset=\"utf-8\">", "\xB3\xF3" "d\xBC", "ISO-8859-2", &d);
    CHECK(doc && contains(doc->body, "\xC5\x82\xC3\xB3" "d\xC5\xBA"));   /* łódź */
    sr_doc_free(doc);
    /* KOI8-R, a legacy charset iconv knows */
    doc = charset_page("<meta charset=\"koi8-r\">", "\xED\xCF\xD3\xCB\xD7\xC1", NULL, &d);
    CHECK(doc && contains(doc->body, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"));   /* Москва */
    sr_doc_free(doc);
    /* GB2312 and Shift_JIS labels are read as their supersets, as browsers do */
    doc = charset_page("<meta charset=\"gb2312\">", "\xE9\x46", NULL, &d);         /* GBK only */
    CHECK(doc && contains(doc->body, "\xE9\x95\x95"));
    sr_doc_free(doc);
    doc = charset_page("<meta charset=\"shift_jis\">", "\x87\x40", NULL, &d);      /* CP932 only */
    CHECK(doc && contains(doc->body, "\xE2\x91\xA0"));
    sr_doc_free(doc);
    /* an unknown charset name: a warning, then the bytes decide */
    w = d.warnings;
    doc = charset_page("<meta charset=\"x-no-such-charset\">", "Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e \xE2\x82\xAC" "5", NULL, &d);
    CHECK(doc && strcmp(doc->body, want) == 0);
    CHECK(d.warnings == w + 1);
    sr_doc_free(doc);
    /* UTF-16LE with a byte order mark */
    const char *ascii = "<html><body><p>Sixteen bits per character, a sentence long enough to be the article body.</p></body></html>";
    size_t n = strlen(ascii);
    char *u16 = malloc(2 * n + 2);
    u16[0] = (char)0xFF;
    u16[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        u16[2 + 2 * i] = ascii[i];
        u16[3 + 2 * i] = 0;
    }
    doc = sr_html_parse(u16, 2 * n + 2, NULL, NULL, &d, "u16.html");
    CHECK(doc && strcmp(doc->body, "Sixteen bits per character, a sentence long enough to be the article body.") == 0);
    sr_doc_free(doc);
    free(u16);
    CHECK_INT_EQ(d.errors, 0);
    fclose(d.out);
}

static void test_strip(void)
{
    const char *in =
        "<head><script type=\"application/ld+json\">{\"a\":\"</p>\"}</script>"
        "<script src=\"x.js\"/><p>kept</p>"
        "<SCRIPT>if (a<b) document.write('</div>');</SCRIPT><style>.x{}</style>"
        "<!-- <script> --><p>also kept</p><svg viewBox=\"0 0 1 1\"><path d=\"M0\"/></svg></head>";
    sr_buf out;
    sr_buf_init(&out);
    sr_html_strip(in, strlen(in), &out);
    sr_buf_putc(&out, '\0');
    CHECK_STR_EQ(out.data,
                 "<head><script type=\"application/ld+json\">{\"a\":\"</p>\"}</script>"
                 "<script src=\"x.js\"/><p>kept</p>"
                 "<SCRIPT></SCRIPT><style></style>"
                 "<p>also kept</p><svg viewBox=\"0 0 1 1\"></svg></head>");
    sr_buf_free(&out);
}

static void test_bad_input(void)
{
    sr_diag d = quiet_diag();
    /* binary data: an error naming the input, no document */
    char bin[2048];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (char)(i * 7 % 256);
    sr_doc *doc = sr_html_parse(bin, sizeof bin, NULL, NULL, &d, "bin.html");
    CHECK(doc == NULL);
    CHECK_INT_EQ(d.errors, 1);
    /* truncated and malformed markup still gives its text */
    doc = parse("<html><body><div><p>An unclosed paragraph that goes on for a while, with commas, and a stop.<p>Another one <b>bold <i>and", NULL, &d);
    CHECK(doc && contains(doc->body, "An unclosed paragraph"));
    sr_doc_free(doc);
    doc = parse("<<<>>> </p></div><p>Stray end tags before a paragraph of text, which still counts.</p></span>", NULL, &d);
    CHECK(doc && contains(doc->body, "Stray end tags"));
    sr_doc_free(doc);
    /* NUL bytes inside a page */
    const char nul[] = "<html><body><p>Text with a NUL\0 byte inside, long enough for a paragraph.</p></body></html>";
    doc = sr_html_parse(nul, sizeof nul - 1, NULL, NULL, &d, "nul.html");
    CHECK(doc && contains(doc->body, "byte inside"));
    sr_doc_free(doc);
    /* an empty page */
    doc = sr_html_parse("", 0, NULL, NULL, &d, "empty.html");
    CHECK(doc == NULL);
    fclose(d.out);
}

static void test_deep_nesting(void)
{
    size_t depth = 100000;
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        sr_buf_puts(&b, i % 2 ? "<span>" : "<div>");
    sr_buf_puts(&b, "Deep text at the bottom of a very deep tree, still read.");
    sr_diag d = quiet_diag();
    sr_doc *doc = sr_html_parse(b.data, b.len, NULL, NULL, &d, "deep.html");
    CHECK(doc != NULL);
    CHECK_INT_EQ(d.warnings, 1);        /* read up to libxml2's depth limit */
    sr_doc_free(doc);
    sr_buf_free(&b);
    fclose(d.out);
}

static void test_big_page(void)
{
    /* 20 MB: many paragraphs of an article-like page */
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, "<html><body><nav><a href=\"/\">Home</a></nav><article>");
    while (b.len < 20u * 1024 * 1024)
        sr_buf_puts(&b, "<p>One more paragraph of a very long article, with commas, clauses and a full stop.</p>\n");
    sr_buf_puts(&b, "</article></body></html>");
    sr_diag d = quiet_diag();
    clock_t t = clock();
    sr_doc *doc = sr_html_parse(b.data, b.len, NULL, NULL, &d, "big.html");
    double secs = (double)(clock() - t) / CLOCKS_PER_SEC;
    CHECK(doc != NULL);
    CHECK(doc && doc->body_len > 15u * 1024 * 1024);
    CHECK(secs < 60);
    sr_doc_free(doc);
    sr_buf_free(&b);
    fclose(d.out);
}

/* Pages read on several threads at once (each thread has its own arena
 * for libxml2) give the same bodies as on one. */
static void *read_many(void *arg)
{
    const char *want = arg;
    bool same = true;
    for (int i = 0; i < 200; i++) {
        sr_doc *doc = sr_html_parse(news_page, strlen(news_page), NULL, NULL, NULL, "t.html");
        same = same && doc && strcmp(doc->body, want) == 0;
        sr_doc_free(doc);
    }
    return same ? arg : NULL;
}

static void test_threads(void)
{
    sr_doc *one = sr_html_parse(news_page, strlen(news_page), NULL, NULL, NULL, "t.html");
    CHECK(one != NULL);
    if (!one)
        return;
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, read_many, (void *)one->body);
    for (int i = 0; i < 4; i++) {
        void *r = NULL;
        pthread_join(t[i], &r);
        CHECK(r != NULL);
    }
    sr_doc_free(one);
}

int main(void)
{
    test_news_page();
    test_split_body();
    test_article_parts();
    test_breaks_and_entities();
    test_charsets();
    test_strip();
    test_bad_input();
    test_deep_nesting();
    test_big_page();
    test_threads();
    return check_status();
}
