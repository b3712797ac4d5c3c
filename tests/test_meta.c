/* test_meta.c — dates in every convention, and the metadata of small
 * hand-written HTML pages (title, published, byline, outlet, url, lang). */
#include "check.h"
#include "sitrep.h"
#include "ingest/ingest.h"
#include "ingest/date.h"
#include "ingest/lang.h"

static const char *iso(const char *text, bool find)
{
    static char out[32];
    sr_date d;
    bool ok = find ? sr_date_find(text, strlen(text), NULL, 1995, &d, NULL, NULL)
                   : sr_date_parse(text, strlen(text), &d);
    if (!ok)
        return "none";
    sr_date_format(&d, out);
    return out;
}

static const char *iso_lang(const char *text, const char *lang)
{
    static char out[32];
    sr_date d;
    if (!sr_date_find(text, strlen(text), lang, 1995, &d, NULL, NULL))
        return "none";
    sr_date_format(&d, out);
    return out;
}

static void test_metadata_values(void)
{
    CHECK_STR_EQ(iso("2020-03-27T21:06:03+00:00", false), "2020-03-27T21:06:03Z");
    CHECK_STR_EQ(iso("2020-06-24T15:53:52-05:00", false), "2020-06-24T15:53:52-05:00");
    CHECK_STR_EQ(iso("2020-02-18T05:46:51+0300", false), "2020-02-18T05:46:51+03:00");
    CHECK_STR_EQ(iso("2020-03-17T23:40:49.094Z", false), "2020-03-17T23:40:49Z");
    CHECK_STR_EQ(iso("2020-06-03T03:01+0400", false), "2020-06-03T03:01:00+04:00");
    CHECK_STR_EQ(iso("2020-04-21 17:52:26", false), "2020-04-21T17:52:26");
    CHECK_STR_EQ(iso("2020-05-15", false), "2020-05-15");
    CHECK_STR_EQ(iso("Sun, 11 Oct 2020 07:34:36 GMT", false), "2020-10-11T07:34:36Z");
    CHECK_STR_EQ(iso("Tue, Sep 15 2020 10:01:41 EDT", false), "2020-09-15T10:01:41-04:00");
    CHECK_STR_EQ(iso("Tue Jan 28 15:28:56 CET 2020", false), "2020-01-28T15:28:56+01:00");
    CHECK_STR_EQ(iso("20200516T14:51:53Z", false), "2020-05-16T14:51:53Z");
    CHECK_STR_EQ(iso("20200516", false), "2020-05-16");
    CHECK_STR_EQ(iso("2020-09-01 9:53:00 -0700", false), "2020-09-01T09:53:00-07:00");
    /* not dates */
    CHECK_STR_EQ(iso("2020-02-30", false), "none");
    CHECK_STR_EQ(iso("yesterday", false), "none");
    CHECK_STR_EQ(iso("", false), "none");
    CHECK_STR_EQ(iso("2020-13-01", false), "none");
}

static void test_running_text(void)
{
    CHECK_STR_EQ(iso("Posted on September 21, 2020 by Adi Tzlil", true), "2020-09-21");
    CHECK_STR_EQ(iso("27 de marzo de 2020", true), "2020-03-27");
    CHECK_STR_EQ(iso("Stand: 23. März 2020, 17:06 Uhr", true), "2020-03-23T17:06:00");
    CHECK_STR_EQ(iso("12 марта 2020 г.", true), "2020-03-12");
    CHECK_STR_EQ(iso("1er mai 2020", true), "2020-05-01");
    CHECK_STR_EQ(iso("23 de març de 2020", true), "2020-03-23");
    CHECK_STR_EQ(iso("2020年3月23日", true), "2020-03-23");
    CHECK_STR_EQ(iso("2020년 8월 27일", true), "2020-08-27");
    CHECK_STR_EQ(iso("2020. március 23.", true), "2020-03-23");
    CHECK_STR_EQ(iso("Aktualisiert 18. 05. 2014 um 9:07", true), "2014-05-18T09:07:00");
    CHECK_STR_EQ(iso("3.11.2023", true), "2023-11-03");
    CHECK_STR_EQ(iso("30 ноября 2020", true), "2020-11-30");
    CHECK_STR_EQ(iso("15 listopada 2020", true), "2020-11-15");
    CHECK_STR_EQ(iso_lang("15. listopada 2020.", "hr"), "2020-10-15");
    CHECK_STR_EQ(iso_lang("03/04/2020", "en"), "2020-03-04");
    CHECK_STR_EQ(iso_lang("03/04/2020", "de"), "2020-04-03");
    CHECK_STR_EQ(iso_lang("03/24/2020", "de"), "2020-03-24");
    /* Arabic-Indic digits */
    CHECK_STR_EQ(iso("\xD9\xA2\xD9\xA7 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 "
                     "\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA0", true), "2020-03-27");
    /* too old for running text, and no date at all */
    CHECK_STR_EQ(iso("born on 12 March 1950", true), "none");
    CHECK_STR_EQ(iso("version 1.2.3 released", true), "none");
    CHECK_STR_EQ(iso("192.168.10.2020", true), "none");
}

static void test_url_dates(void)
{
    sr_date d;
    char out[32];
    CHECK(sr_date_from_url("https://boingboing.net/2020/12/12/this-deep-funk.html", &d));
    sr_date_format(&d, out);
    CHECK_STR_EQ(out, "2020-12-12");
    CHECK(sr_date_from_url("https://chicago.suntimes.com/2020/6/24/21302329/trump", &d));
    sr_date_format(&d, out);
    CHECK_STR_EQ(out, "2020-06-24");
    CHECK(sr_date_from_url("https://www.monroenews.com/ZZ/news/20200516/italy?x=1", &d));
    sr_date_format(&d, out);
    CHECK_STR_EQ(out, "2020-05-16");
    CHECK(sr_date_from_url("https://www.sudinfo.be/id300074/article/2020-12-24/il-brise", &d));
    sr_date_format(&d, out);
    CHECK_STR_EQ(out, "2020-12-24");
    CHECK(!sr_date_from_url("https://tass.ru/moskva/8836033", &d));
    CHECK(!sr_date_from_url("https://example.com/a?date=2020/01/02", &d));
    CHECK(!sr_date_from_url("https://example.com/2020/13/45/x", &d));
    int y, m;
    CHECK(sr_date_url_month("https://ladiaria.com.uy/ambiente/articulo/2022/5/productor", &y, &m));
    CHECK_INT_EQ(y, 2022);
    CHECK_INT_EQ(m, 5);
}

/* Read one page and check its metadata. */
static sr_doc *page(const char *html, const char *url)
{
    sr_doc *d = sr_doc_new();
    sr_diag quiet = {.quiet = true};
    CHECK_INT_EQ(sr_html_read(d, html, strlen(html), NULL, url, &quiet, "test"), SR_OK);
    return d;
}

static void test_structured_page(void)
{
    const char *html =
        "<!doctype html><html lang=\"de-DE\"><head>"
        "<title>Neue Regeln für Radwege | Stadtanzeiger</title>"
        "<meta property=\"og:site_name\" content=\"Stadtanzeiger\">"
        "<meta property=\"og:title\" content=\"Neue Regeln für Radwege\">"
        "<meta property=\"article:published_time\" content=\"2021-04-01T09:30:00+02:00\">"
        "<link rel=\"canonical\" href=\"/lokales/radwege-123\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Stadtanzeiger\"},"
        "{\"@type\":\"NewsArticle\",\"headline\":\"Neue Regeln f&uuml;r Radwege\","
        "\"datePublished\":\"2021-04-01T09:30:00+02:00\","
        "\"author\":[{\"@id\":\"#p1\"},{\"@id\":\"#p2\"}]},"
        "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Anna Beispiel\"},"
        "{\"@type\":\"Person\",\"@id\":\"#p2\",\"name\":\"Bernd Muster\"}]}</script>"
        "</head><body><header><a class=\"logo\">Stadtanzeiger</a></header>"
        "<article><h1>Neue Regeln für Radwege</h1>"
        "<p class=\"byline\">Von Anna Beispiel und Bernd Muster, 1. April 2021</p>"
        "<p>Die Stadt hat neue Regeln für Radwege beschlossen. Sie gelten ab Mai.</p>"
        "</article><aside class=\"related\"><time datetime=\"2019-01-01\">1.1.2019</time>"
        "</aside></body></html>";
    sr_doc *d = page(html, "https://www.stadtanzeiger.example/lokales/radwege-123?utm=x");
    CHECK_STR_EQ(d->title, "Neue Regeln für Radwege");
    CHECK_STR_EQ(d->published, "2021-04-01T09:30:00+02:00");
    CHECK_STR_EQ(d->byline, "Anna Beispiel und Bernd Muster");
    CHECK_STR_EQ(d->outlet, "Stadtanzeiger");
    CHECK_STR_EQ(d->url, "https://www.stadtanzeiger.example/lokales/radwege-123");
    CHECK_STR_EQ(d->lang, "de");
    sr_doc_free(d);
}

static void test_bare_page(void)
{
    /* no metadata at all: title from <title> without the site, date from
     * the visible date line, byline from "Posted ... by", outlet from the
     * host */
    const char *html =
        "<html><head><title>Harbour reopens after storm &raquo; Coastwatch</title></head>"
        "<body><div id=\"nav\"><ul class=\"menu\"><li>Home</li></ul></div>"
        "<div class=\"post\"><h2>Harbour reopens after storm</h2>"
        "<div class=\"post-meta\">Posted on March 3, 2022 by Jane Roe</div>"
        "<p>The harbour reopened on Thursday after three days of closure.</p>"
        "</div><div class=\"comments\"><div class=\"comment-author\">Troll</div>"
        "<span class=\"date\">4 March 2022</span></div></body></html>";
    sr_doc *d = page(html, "http://www.coastwatch.example/harbour-reopens");
    CHECK_STR_EQ(d->title, "Harbour reopens after storm");
    CHECK_STR_EQ(d->published, "2022-03-03");
    CHECK_STR_EQ(d->byline, "Jane Roe");
    CHECK_STR_EQ(d->outlet, "coastwatch.example");
    CHECK_STR_EQ(d->url, "http://www.coastwatch.example/harbour-reopens");
    sr_doc_free(d);
}

static void test_title_choices(void)
{
    /* the <h1> that agrees with the metadata beats the site's logo <h1>,
     * and a kicker before the headline inside the <h1> is dropped */
    const char *html =
        "<html><head><meta property=\"og:title\" content=\"Storm closes harbour\">"
        "<title>Storm closes harbour - Coastwatch</title></head><body>"
        "<h1 class=\"logo\">Coastwatch</h1>"
        "<h1><span>Local News</span> | Storm closes harbour</h1></body></html>";
    sr_doc *d = page(html, "https://coastwatch.example/x");
    CHECK_STR_EQ(d->title, "Storm closes harbour");
    sr_doc_free(d);

    /* the headline on the page is longer than the shortened og:title */
    html = "<html><head><meta property=\"og:title\" content=\"Lemon cake | Bake Happy\">"
           "<meta property=\"og:site_name\" content=\"Bake Happy\"></head><body>"
           "<h1>Lemon cake from the tray: simply delicious!</h1></body></html>";
    d = page(html, "https://bakehappy.example/lemon");
    CHECK_STR_EQ(d->title, "Lemon cake from the tray: simply delicious!");
    sr_doc_free(d);

    /* no metadata title, no <h1>, a section name in <title>: the element
     * classed as the headline (inside a layout that "has-double-sidebar",
     * which is not furniture) */
    html = "<html><head><title>energy.example | Gas prices</title></head><body>"
           "<div class=\"main has-double-sidebar\"><div class=\"itc-headline\">"
           "Energy crisis: relief and rights at a glance</div><p>Text.</p></div>"
           "<div class=\"sidebar\"><div class=\"headline\">Other story here now</div></div>"
           "</body></html>";
    d = page(html, "https://energy.example/news/1");
    CHECK_STR_EQ(d->title, "Energy crisis: relief and rights at a glance");
    sr_doc_free(d);
}

static void test_dates_and_zones(void)
{
    /* a UTC stamp just after midnight UTC, one day after the URL's date:
     * the page's local date wins */
    const char *html =
        "<html><head><meta property=\"article:published_time\" "
        "content=\"2020-02-18T02:18:11Z\"></head><body><p>x</p></body></html>";
    sr_doc *d = page(html, "https://news.example/2020/02/17/story/");
    CHECK_STR_EQ(d->published, "2020-02-17");
    sr_doc_free(d);
    /* but not at 10:00 UTC, when the whole western hemisphere is on the
     * same day */
    html = "<html><head><meta property=\"article:published_time\" "
           "content=\"2020-07-09T10:04:04Z\"></head><body><p>x</p></body></html>";
    d = page(html, "https://news.example/2020/07/08/story/");
    CHECK_STR_EQ(d->published, "2020-07-09T10:04:04Z");
    sr_doc_free(d);
    /* modification dates are not publication dates */
    html = "<html><head><meta property=\"article:modified_time\" content=\"2021-01-01\">"
           "</head><body><p class=\"date\">Published 5 May 2020</p></body></html>";
    d = page(html, "https://news.example/story");
    CHECK_STR_EQ(d->published, "2020-05-05");
    sr_doc_free(d);
}

static void test_revisions_and_scripts(void)
{
    /* a wiki's revision view is dated by the revision, not the creation */
    const char *html =
        "<html><head><script type=\"application/ld+json\">{\"@context\":"
        "\"http://schema.org\",\"@type\":\"Article\",\"headline\":\"Ada\","
        "\"datePublished\":\"2005-07-26T16:22:26-07:00\",\"dateModified\":"
        "\"2020-04-07T12:33:32-07:00\"}</script></head><body><p>x</p></body></html>";
    sr_doc *d = page(html, "https://wiki.example/index.php?title=Ada&diff=59&oldid=58");
    CHECK_STR_EQ(d->published, "2020-04-07T12:33:32-07:00");
    sr_doc_free(d);
    /* the article itself keeps its publication date */
    d = page(html, "https://wiki.example/wiki/Ada");
    CHECK_STR_EQ(d->published, "2005-07-26T16:22:26-07:00");
    sr_doc_free(d);
    /* a date that only a short inline script writes, when nothing else
     * dates the page */
    html = "<html><body><h1>Forum</h1><table><tr><td class=\"main-text\">"
           "<script>showDate(\"2020/04/17 01:43:09\")</script> 7 views</td></tr>"
           "</table><p>bong effect never finished</p></body></html>";
    d = page(html, "http://forum.example/67926/6950016");
    CHECK_STR_EQ(d->published, "2020-04-17T01:43:09");
    CHECK(strstr(d->body, "showDate") == NULL);
    sr_doc_free(d);
    /* but a date inside a program is not the page's date */
    char big[1024];
    snprintf(big, sizeof big,
             "<html><body><script>var cfg = {built: \"2019/01/02\", %s};</script>"
             "<p>text</p></body></html>",
             "pad: \"....................................................................."
             "............................................................................"
             "............................................................................\"");
    d = page(big, "http://forum.example/post");
    CHECK(d->published == NULL);
    sr_doc_free(d);
}

static void test_archive_url(void)
{
    /* a page in a web archive: the host and the date of the original */
    const char *html = "<html><head><title>Kinos werden digital</title></head><body>"
                       "<p>Die Kinos der Schweiz werden digital.</p></body></html>";
    sr_doc *d = page(html, "https://web.archive.org/web/20140226054445/"
                           "http://www.time4talks.example/2013/08/07/kinos/");
    CHECK_STR_EQ(d->published, "2013-08-07");
    CHECK_STR_EQ(d->outlet, "time4talks.example");
    CHECK_STR_EQ(d->url, "https://web.archive.org/web/20140226054445/"
                         "http://www.time4talks.example/2013/08/07/kinos/");
    sr_doc_free(d);
}

static void test_bylines(void)
{
    /* an author tag that names the site yields to the visible byline */
    const char *html =
        "<html><head><meta name=\"author\" content=\"Jobs &amp; Hire\">"
        "<meta property=\"og:title\" content=\"Health news\">"
        "<title>Health news : Jobs &amp; Hire</title></head><body>"
        "<div class=\"wrote_by\">By&nbsp;<a href=\"/r/jose\">Jose de la Cruz</a></div>"
        "<p>Text.</p></body></html>";
    sr_doc *d = page(html, "http://www.jobsnhire.example/a/1");
    CHECK_STR_EQ(d->byline, "Jose de la Cruz");
    sr_doc_free(d);
    /* a profile URL and an e-mail address are not names; the page's own
     * organisation is the byline when no writer is named */
    html = "<html><head><meta property=\"article:author\" content=\"https://facebook.com/x\">"
           "<meta property=\"og:site_name\" content=\"Harbour Trust\">"
           "<meta name=\"author\" content=\"info[at]harbour.example\"></head>"
           "<body><p>Text.</p></body></html>";
    d = page(html, "http://harbour.example/a");
    CHECK_STR_EQ(d->byline, "Harbour Trust");
    sr_doc_free(d);

    /* bylines cleaned of labels, relative times, buttons and photo credits */
    static const struct {
        const char *box, *want;
    } cases[] = {
        {"Artikel von: Von Britta Schultejans, dpa Kommentare", "Britta Schultejans, dpa"},
        {"Piše: P. Mucović prije 26 minuta", "P. Mucović"},
        {"By Sandee LaMotte, CNN 1 day ago", "Sandee LaMotte, CNN"},
        {"Matthew Digby, Minh Do on Monday", "Matthew Digby, Minh Do"},
        {"editor \xE2\x80\x94", "editor"},
        {"<a>Michael Rädel</a><span>, </span><a>Redaktion</a>",
         "Michael Rädel, Redaktion"},
        {"<span>Jonathan Garber</span><span>FOX Business</span>", "Jonathan Garber FOX Business"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[1024];
        snprintf(buf, sizeof buf, "<html><body><div class=\"byline\">%s</div>"
                 "<p>Text of the story.</p></body></html>", cases[i].box);
        d = page(buf, "http://news.example/a");
        CHECK_STR_EQ(d->byline, cases[i].want);
        sr_doc_free(d);
    }
    /* a photo credit is no byline */
    html = "<html><body><p class=\"author\">Фото: Алексей Меринов</p>"
           "<p>Text.</p></body></html>";
    d = page(html, "http://news.example/b");
    CHECK(d->byline == NULL || strstr(d->byline, "Меринов") == NULL);
    sr_doc_free(d);
}

static void test_lang(void)
{
    /* declared, but the text is Cyrillic: detection decides (or null when
     * the fingerprints are not installed) */
    const char *html =
        "<html lang=\"en\"><head><title>x</title></head><body>"
        "<p>Движение по ЦКАД открывается от Можайского до Новорижского шоссе. "
        "Об этом сообщили в пресс-службе госкомпании, которая строит дорогу.</p>"
        "</body></html>";
    sr_doc *d = page(html, NULL);
    if (sr_lang_available())
        CHECK_STR_EQ(d->lang, "ru");
    else
        CHECK(d->lang == NULL);
    sr_doc_free(d);
}

static void test_hostile(void)
{
    /* deep nesting, a huge attribute and broken JSON-LD: no crash, bounded */
    size_t depth = 100000;
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, "<html><head><script type=\"application/ld+json\">{\"@type\":"
                    "\"NewsArticle\",,,\"headline\":</script></head><body>");
    for (size_t i = 0; i < depth; i++)
        sr_buf_puts(&b, "<div class=\"date\">");
    sr_buf_puts(&b, "<h1>Deep</h1>");
    sr_doc *d = sr_doc_new();
    sr_diag quiet = {.quiet = true};
    sr_html_read(d, b.data, b.len, NULL, "https://x.example/", &quiet, "deep");
    CHECK(d->body != NULL);
    sr_doc_free(d);
    sr_buf_free(&b);
}

int main(void)
{
    test_metadata_values();
    test_running_text();
    test_url_dates();
    test_structured_page();
    test_bare_page();
    test_title_choices();
    test_dates_and_zones();
    test_revisions_and_scripts();
    test_archive_url();
    test_bylines();
    test_lang();
    test_hostile();
    return check_status();
}
