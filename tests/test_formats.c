/* test_formats.c — feeds (RSS 2.0, RSS 1.0, Atom; entity bombs and
 * external entities), WARC (gzip per record, lying lengths, truncation),
 * JSON Lines (unknown fields byte for byte, bad lines, huge lines) and
 * format detection, read through sr_input like any user's files. */
#include "check.h"
#include "sitrep.h"
#include "ingest/ingest.h"

#include <stdarg.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

static char dir[] = "/tmp/sitrep-formats-XXXXXX";

static const char *tmp_path(const char *name)
{
    static char path[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
    return path[k];
}

static void write_file(const char *name, const char *text, size_t n)
{
    FILE *f = fopen(tmp_path(name), "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    fwrite(text, 1, n, f);
    fclose(f);
}

/* Read every document of one file; messages go to a file kept for checks. */
typedef struct run {
    sr_doc *docs[32];
    unsigned n;
    sr_diag diag;
    char messages[8192];
} run;

static void read_all(run *r, const char *name, sr_format format, size_t max)
{
    memset(r, 0, sizeof *r);
    FILE *msgs = tmpfile();
    r->diag.out = msgs;
    const char *paths[] = {tmp_path(name)};
    sr_read_options opt = {.format = format, .max_file_bytes = max};
    sr_input *in = sr_input_open(paths, 1, &opt, &r->diag);
    sr_doc *d;
    while ((d = sr_input_next(in)) != NULL) {
        if (r->n < 32)
            r->docs[r->n++] = d;
        else
            sr_doc_free(d);
    }
    sr_input_close(in);
    rewind(msgs);
    size_t k = fread(r->messages, 1, sizeof r->messages - 1, msgs);
    r->messages[k] = '\0';
    fclose(msgs);
}

static void run_free(run *r)
{
    for (unsigned i = 0; i < r->n; i++)
        sr_doc_free(r->docs[i]);
}

static bool has(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

/* ---- feeds ------------------------------------------------------------- */

static void test_rss2(void)
{
    const char *x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
        "<title>Harbour Gazette</title><language>en-gb</language>"
        "<item><title>Storm closes harbour</title>"
        "<link>https://gazette.example/2022/03/03/storm</link>"
        "<pubDate>Thu, 03 Mar 2022 08:15:00 +0000</pubDate><dc:creator>Jane Roe</dc:creator>"
        "<description>Short summary.</description>"
        "<content:encoded><![CDATA[<p>The harbour closed on Thursday.</p>"
        "<figure><img src=\"a.jpg\"><figcaption>Waves at the pier.</figcaption></figure>"
        "<p>Ferries were cancelled.</p><script>alert(1)</script>]]></content:encoded></item>"
        "<item><title>Ferries resume</title><guid>https://gazette.example/ferries</guid>"
        "<pubDate>Fri, 04 Mar 2022 10:00:00 GMT</pubDate>"
        "<author>desk@gazette.example (John Doe)</author>"
        "<description>&lt;p&gt;Ferries resumed on &lt;b&gt;Friday&lt;/b&gt;.&lt;/p&gt;</description>"
        "</item></channel></rss>";
    write_file("feed.rss", x, strlen(x));
    run r;
    read_all(&r, "feed.rss", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 2);
    if (r.n == 2) {
        sr_doc *a = r.docs[0], *b = r.docs[1];
        CHECK_STR_EQ(a->format, "feed");
        CHECK_STR_EQ(a->title, "Storm closes harbour");
        CHECK_STR_EQ(a->url, "https://gazette.example/2022/03/03/storm");
        CHECK_STR_EQ(a->published, "2022-03-03T08:15:00Z");
        CHECK_STR_EQ(a->byline, "Jane Roe");
        CHECK_STR_EQ(a->outlet, "Harbour Gazette");
        CHECK_STR_EQ(a->lang, "en");
        CHECK_STR_EQ(a->body, "The harbour closed on Thursday.\n\nFerries were cancelled.");
        CHECK_INT_EQ(a->ncaptions, 1);
        if (a->ncaptions)
            CHECK_STR_EQ(a->captions[0], "Waves at the pier.");
        CHECK_STR_EQ(b->url, "https://gazette.example/ferries");
        CHECK_STR_EQ(b->byline, "John Doe");
        CHECK_STR_EQ(b->body, "Ferries resumed on Friday.");
        CHECK_INT_EQ(b->index, 1);
    }
    CHECK_INT_EQ(r.diag.errors, 0);
    run_free(&r);
}

static void test_rss1_and_atom(void)
{
    const char *rdf =
        "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel rdf:about=\"https://old.example/\"><title>Old Wire</title>"
        "<dc:language>fr</dc:language></channel>"
        "<item rdf:about=\"https://old.example/1\"><title>Grève à Paris</title>"
        "<dc:date>2003-05-06T12:00:00+02:00</dc:date><dc:creator>Marie Curie</dc:creator>"
        "<description>Les trains ne roulent pas.</description></item></rdf:RDF>";
    write_file("feed.rdf", rdf, strlen(rdf));
    run r;
    read_all(&r, "feed.rdf", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 1);
    if (r.n) {
        CHECK_STR_EQ(r.docs[0]->url, "https://old.example/1");
        CHECK_STR_EQ(r.docs[0]->published, "2003-05-06T12:00:00+02:00");
        CHECK_STR_EQ(r.docs[0]->byline, "Marie Curie");
        CHECK_STR_EQ(r.docs[0]->outlet, "Old Wire");
        CHECK_STR_EQ(r.docs[0]->lang, "fr");
        CHECK_STR_EQ(r.docs[0]->body, "Les trains ne roulent pas.");
    }
    run_free(&r);

    const char *atom =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
        "xml:lang=\"de\"><title>Stadtanzeiger</title><entry>"
        "<title type=\"html\">Neue &lt;em&gt;Radwege&lt;/em&gt;</title>"
        "<link rel=\"enclosure\" href=\"https://stadt.example/a.mp3\"/>"
        "<link rel=\"alternate\" href=\"https://stadt.example/radwege\"/>"
        "<updated>2021-04-02T10:00:00+02:00</updated><published>2021-04-01T09:30:00+02:00</published>"
        "<author><name>Anna Beispiel</name></author><author><name>Bernd Muster</name></author>"
        "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Die Stadt baut "
        "neue Radwege.</p><p>Sie kosten viel Geld.</p></div></content></entry>"
        "<entry><title>Nur Text</title><updated>2021-04-03T00:00:00Z</updated>"
        "<summary>Ein kurzer Text &amp; mehr.</summary></entry></feed>";
    write_file("feed.atom", atom, strlen(atom));
    read_all(&r, "feed.atom", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 2);
    if (r.n == 2) {
        CHECK_STR_EQ(r.docs[0]->title, "Neue Radwege");
        CHECK_STR_EQ(r.docs[0]->url, "https://stadt.example/radwege");
        CHECK_STR_EQ(r.docs[0]->published, "2021-04-01T09:30:00+02:00");
        CHECK_STR_EQ(r.docs[0]->byline, "Anna Beispiel, Bernd Muster");
        CHECK_STR_EQ(r.docs[0]->lang, "de");
        CHECK_STR_EQ(r.docs[0]->body, "Die Stadt baut neue Radwege.\n\nSie kosten viel Geld.");
        CHECK_STR_EQ(r.docs[1]->published, "2021-04-03T00:00:00Z");
        CHECK_STR_EQ(r.docs[1]->body, "Ein kurzer Text & mehr.");
    }
    run_free(&r);
}

static void test_feed_attacks(void)
{
    /* a billion laughs (10^9 "lol"s) and an external entity: neither is
     * expanded, the feed is still read, a warning names the file */
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
        sr_buf_printf(&b, "<!ENTITY lol%d \"", i);
        for (int k = 0; k < 10; k++)
            sr_buf_printf(&b, i == 1 ? "&lol;" : "&lol%d;", i - 1);
        sr_buf_puts(&b, "\">\n");
    }
    sr_buf_puts(&b, "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                    "<rss version=\"2.0\"><channel><title>Bomb</title>"
                    "<item><title>Bomb item&lol9;</title><description>Secret: &xxe; end."
                    "</description></item><item><title>Good item</title>"
                    "<description>Still read.</description></item></channel></rss>");
    write_file("bomb.xml", b.data, b.len);
    sr_buf_free(&b);
    clock_t t0 = clock();
    run r;
    read_all(&r, "bomb.xml", SR_FORMAT_AUTO, 0);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(secs < 5);
    CHECK_INT_EQ(r.n, 2);
    if (r.n == 2) {
        CHECK_STR_EQ(r.docs[0]->title, "Bomb item");
        CHECK(!has(r.docs[0]->body, "root:"));
        CHECK(has(r.docs[0]->body, "Secret:"));
        CHECK_STR_EQ(r.docs[1]->body, "Still read.");
    }
    CHECK(has(r.messages, "bomb.xml: warning: the feed's DOCTYPE declares entities"));
    run_free(&r);

    /* invalid UTF-8 in a UTF-8 feed: replaced, reported, the items read;
     * a feed in ISO-8859-1 converted */
    const char bad[] = "<?xml version=\"1.0\"?><rss><channel><title>T</title><item>"
                       "<title>A \x80 b</title><description>Body \xC3 text.</description>"
                       "</item></channel></rss>";
    write_file("bad.xml", bad, sizeof bad - 1);
    read_all(&r, "bad.xml", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 1);
    if (r.n)
        CHECK_STR_EQ(r.docs[0]->title, "A \xEF\xBF\xBD b");
    CHECK(has(r.messages, "bad.xml: warning: 2 invalid UTF-8 bytes replaced"));
    run_free(&r);
    const char latin[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel>"
                         "<title>T</title><item><title>Gr\xE8ve</title><description>"
                         "\xC0 Paris.</description></item></channel></rss>";
    write_file("latin.xml", latin, sizeof latin - 1);
    read_all(&r, "latin.xml", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 1);
    if (r.n)
        CHECK_STR_EQ(r.docs[0]->title, "Gr\xC3\xA8ve");
    CHECK_INT_EQ(r.diag.warnings, 0);
    run_free(&r);

    /* not a feed at all, but told it is: an error naming the file */
    write_file("notfeed.xml", "<html><body>x</body></html>", 27);
    read_all(&r, "notfeed.xml", SR_FORMAT_FEED, 0);
    CHECK_INT_EQ(r.n, 0);
    CHECK_INT_EQ(r.diag.errors, 1);
    CHECK(has(r.messages, "notfeed.xml: the XML root element <html> is not rss"));
    run_free(&r);
}

/* ---- WARC ----------------------------------------------------------------- */

/* Append one record to a WARC file as its own gzip member. */
static void warc_record(const char *name, const char *type, const char *uri,
                        const char *ctype, const char *block, size_t blen,
                        const char *length_field)
{
    gzFile gz = gzopen(tmp_path(name), "ab");
    char len[32];
    snprintf(len, sizeof len, "%zu", blen);
    gzprintf(gz, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
             "WARC-Date: 2022-03-05T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %s\r\n\r\n",
             type, uri, ctype, length_field ? length_field : len);
    gzwrite(gz, block, (unsigned)blen);
    gzputs(gz, "\r\n\r\n");
    gzclose(gz);
}

static const char page[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    "<html><head><title>Storm closes harbour | Gazette</title>"
    "<meta property=\"article:published_time\" content=\"2022-03-03T08:00:00Z\"></head>"
    "<body><article><h1>Storm closes harbour</h1><p>The harbour closed on Thursday as a "
    "storm hit the coast, and ferries were cancelled for the day.</p><p>Officials said it "
    "would reopen on Friday morning if the wind dropped as forecast.</p></article></body></html>";

static const char undated[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n"
    "<html><head><title>Gr\xE8ve</title></head><body><article><h1>Gr\xE8ve \xE0 Paris</h1>"
    "<p>Les trains ne roulent pas aujourd'hui, et les syndicats appellent \xE0 continuer "
    "la gr\xE8ve demain dans toute la r\xE9gion parisienne.</p></article></body></html>";

static void test_warc(void)
{
    const char *http = "application/http; msgtype=response";
    unlink(tmp_path("a.warc.gz"));
    warc_record("a.warc.gz", "warcinfo", "", "application/warc-fields", "software: t\r\n", 13, NULL);
    warc_record("a.warc.gz", "request", "https://g.example/storm", "application/http; msgtype=request",
                "GET / HTTP/1.1\r\n\r\n", 18, NULL);
    warc_record("a.warc.gz", "response", "https://g.example/storm", http, page, strlen(page), NULL);
    const char img[] = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
    warc_record("a.warc.gz", "response", "https://g.example/a.png", http, img, strlen(img), NULL);
    const char moved[] = "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n";
    warc_record("a.warc.gz", "response", "https://g.example/old", http, moved, strlen(moved), NULL);
    warc_record("a.warc.gz", "response", "https://p.example/greve", http, undated,
                strlen(undated), NULL);
    /* lengths that lie: too long, too short, not a number; each followed
     * by a good record that must still be read */
    char lie[32];
    snprintf(lie, sizeof lie, "%zu", strlen(page) + 200);
    warc_record("a.warc.gz", "response", "https://g.example/long", http, page, strlen(page), lie);
    warc_record("a.warc.gz", "response", "https://g.example/after1", http, page, strlen(page), NULL);
    snprintf(lie, sizeof lie, "%zu", strlen(page) - 50);
    warc_record("a.warc.gz", "response", "https://g.example/short", http, page, strlen(page), lie);
    warc_record("a.warc.gz", "response", "https://g.example/after2", http, page, strlen(page), NULL);
    warc_record("a.warc.gz", "response", "https://g.example/nan", http, page, strlen(page), "12abc");
    warc_record("a.warc.gz", "response", "https://g.example/after3", http, page, strlen(page), NULL);

    run r;
    read_all(&r, "a.warc.gz", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 5);
    const char *urls[] = {"https://g.example/storm", "https://p.example/greve",
                          "https://g.example/after1", "https://g.example/after2",
                          "https://g.example/after3"};
    for (unsigned i = 0; i < r.n && i < 5; i++) {
        CHECK_STR_EQ(r.docs[i]->url, urls[i]);
        CHECK_STR_EQ(r.docs[i]->format, "warc");
    }
    if (r.n >= 2) {
        CHECK_STR_EQ(r.docs[0]->title, "Storm closes harbour");
        /* the page's own date, not the crawl's */
        CHECK_STR_EQ(r.docs[0]->published, "2022-03-03T08:00:00Z");
        /* no date on the page: WARC-Date; the HTTP charset is honoured */
        CHECK_STR_EQ(r.docs[1]->published, "2022-03-05T10:00:00Z");
        CHECK(has(r.docs[1]->body, "Les trains ne roulent pas aujourd'hui"));
        CHECK(has(r.docs[1]->title, "Gr\xC3\xA8ve"));
    }
    CHECK_INT_EQ(r.diag.errors, 3);
    CHECK(has(r.messages, "a.warc.gz: record 7 (offset "));
    CHECK(has(r.messages, "Content-Length 12abc") || has(r.messages, "'12abc' is not a number"));
    CHECK(has(r.messages, "record 9 (offset "));
    CHECK(has(r.messages, "record 11 (offset "));
    run_free(&r);

    /* a truncated gzip member at the end: the records before it are read,
     * the damage is reported */
    FILE *f = fopen(tmp_path("a.warc.gz"), "rb");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fclose(f);
    CHECK(truncate(tmp_path("a.warc.gz"), size - 60) == 0);
    read_all(&r, "a.warc.gz", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 4);
    CHECK(has(r.messages, "truncated or corrupt gzip data"));
    run_free(&r);
}

/* ---- JSON Lines ------------------------------------------------------------- */

static void test_jsonl(void)
{
    const char *j =
        "{\"id\": \"a1\", \"url\": \"https://x.example/1\", \"title\": \"Storm closes harbour\", "
        "\"outlet\": \"Gazette\", \"published\": \"Thu, 03 Mar 2022 08:15:00 GMT\", "
        "\"text\": \"Storm closes harbour\\nBy Jane Roe\\nThe harbour closed on Thursday.\", "
        "\"score\": 1.10, \"big\": 123456789012345678901234567890, \"tags\": [\"a\", \"b\"], "
        "\"nested\": {\"k\": [1, {\"x\": null}], \"s\": \"}\\\"]\"}}\n"
        "this is not json\n"
        "\n"
        "{\"id\": 42, \"html\": \"<html><head><title>Page title</title></head><body><article>"
        "<h1>Page title</h1><p>Some article text that is long enough to be kept as a paragraph "
        "of the body of this page.</p></article></body></html>\", \"crawler\": \"x\"}\n"
        "{\"id\": \"a3\", \"title\": \"no text\"}\n"
        "[1, 2]\n"
        "{\"id\": \"a4\", \"body\": \"Plain body.\", \"path\": \"/x\", \"sentences\": [], "
        "\"published\": \"not a date\"}\n";
    write_file("a.jsonl", j, strlen(j));
    run r;
    read_all(&r, "a.jsonl", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 3);
    if (r.n == 3) {
        sr_doc *a = r.docs[0];
        CHECK_STR_EQ(a->id, "a1");
        CHECK_STR_EQ(a->title, "Storm closes harbour");
        CHECK_STR_EQ(a->published, "2022-03-03T08:15:00Z");
        CHECK_STR_EQ(a->byline, "Jane Roe");
        CHECK_STR_EQ(a->body, "The harbour closed on Thursday.");
        /* unknown members byte for byte, in order */
        CHECK_STR_EQ(a->extra_json, "{\"score\": 1.10,\"big\": 123456789012345678901234567890,"
                     "\"tags\": [\"a\", \"b\"],\"nested\": {\"k\": [1, {\"x\": null}], "
                     "\"s\": \"}\\\"]\"}}");
        sr_buf out;
        sr_buf_init(&out);
        sr_doc_to_json(a, NULL, &out);
        CHECK(has(out.data, "\"big\": 123456789012345678901234567890"));
        sr_buf_free(&out);
        CHECK_STR_EQ(r.docs[1]->id, "42");
        CHECK_STR_EQ(r.docs[1]->title, "Page title");
        CHECK(has(r.docs[1]->body, "Some article text"));
        CHECK_STR_EQ(r.docs[1]->extra_json, "{\"crawler\": \"x\"}");
        /* sitrep's own output fields are not carried */
        CHECK_STR_EQ(r.docs[2]->body, "Plain body.");
        CHECK(r.docs[2]->extra_json == NULL);
        CHECK(r.docs[2]->published == NULL);
    }
    CHECK_INT_EQ(r.diag.errors, 3);
    CHECK(has(r.messages, "a.jsonl:2: not JSON"));
    CHECK(has(r.messages, "a.jsonl:5: no article text"));
    CHECK(has(r.messages, "a.jsonl:6: a JSON number, not an object"));
    CHECK(has(r.messages, "a.jsonl:7: warning: 'published' is not a date"));
    run_free(&r);

    /* a line over the limit is reported and skipped, the next still read */
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b, "{\"id\":\"big\",\"text\":\"");
    for (int i = 0; i < 5000; i++)
        sr_buf_puts(&b, "word ");
    sr_buf_puts(&b, "\"}\n{\"id\":\"small\",\"text\":\"Small one.\"}\n");
    write_file("big.jsonl", b.data, b.len);
    sr_buf_free(&b);
    read_all(&r, "big.jsonl", SR_FORMAT_AUTO, 4096);
    CHECK_INT_EQ(r.n, 1);
    if (r.n)
        CHECK_STR_EQ(r.docs[0]->id, "small");
    CHECK(has(r.messages, "big.jsonl:1: object longer than the 4096-byte limit"));
    run_free(&r);
}

/* ---- article JSON in other shapes and other tools' names ----------------------- */

/* One object written over many lines (as BASIL and news-please write them),
 * several such objects one after another, arrays of them. */
static void test_json_shapes(void)
{
    const char *basil =
        "{\n"
        "    \"uuid\": \"f8e8\",\n"
        "    \"main-event\": \"Talks \\u2019 held\",\n"
        "    \"title\": \"Ministers meet in Geneva\",\n"
        "    \"body-paragraphs\": [\n"
        "        [\n"
        "            \"The ministers met in Geneva on Monday.\",\n"
        "            \"They talked for an hour. \"\n"
        "        ],\n"
        "        [],\n"
        "        [\n"
        "            \"Nothing was agreed.\"\n"
        "        ]\n"
        "    ],\n"
        "    \"source\": \"fox\",\n"
        "    \"url\": \"https://x.example/geneva\",\n"
        "    \"date\": \"2019-01-19\",\n"
        "    \"word-count\": 12\n"
        "}\n";
    write_file("basil.json", basil, strlen(basil));
    run r;
    read_all(&r, "basil.json", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 1);
    CHECK_INT_EQ(r.diag.errors + r.diag.warnings, 0);
    if (r.n == 1) {
        sr_doc *d = r.docs[0];
        CHECK_STR_EQ(d->format, "jsonl");
        CHECK_STR_EQ(d->id, "f8e8");
        CHECK_STR_EQ(d->title, "Ministers meet in Geneva");
        CHECK_STR_EQ(d->outlet, "fox");
        CHECK_STR_EQ(d->published, "2019-01-19");
        CHECK_STR_EQ(d->url, "https://x.example/geneva");
        /* sentences joined by a space, paragraphs by a blank line, empty
         * paragraphs dropped */
        CHECK_STR_EQ(d->body, "The ministers met in Geneva on Monday. They talked for an "
                     "hour.\n\nNothing was agreed.");
        /* the members used are not carried, the others are, on one line */
        CHECK_STR_EQ(d->extra_json, "{\"main-event\": \"Talks \\u2019 held\","
                     "\"word-count\": 12}");
    }
    run_free(&r);

    /* two objects over many lines, one after the other, then a JSON line */
    const char *two =
        "{\n  \"id\": \"p1\",\n  \"text\": \"First article.\"\n}\n"
        "{\n  \"id\": \"p2\",\n  \"text\": \"Second article.\"\n}"
        "{\"id\": \"p3\", \"text\": \"Third article.\"}\n";
    write_file("two.json", two, strlen(two));
    read_all(&r, "two.json", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 3);
    if (r.n == 3) {
        CHECK_STR_EQ(r.docs[0]->id, "p1");
        CHECK_STR_EQ(r.docs[1]->id, "p2");
        CHECK_STR_EQ(r.docs[2]->body, "Third article.");
    }
    CHECK_INT_EQ(r.diag.errors, 0);
    run_free(&r);

    /* an array whose bad elements are reported with the line they start
     * on, the good ones read: a member without ':', a value that is no
     * object, an object with no text, an object missing its '}' (caught
     * where the next element starts), and an object too long; after the
     * broken object the next line opening with '{' is read */
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b,
        "[\n"
        "  {\"id\": \"a1\", \"text\": \"Talks opened in Oslo.\"},\n"   /* 2 */
        "  \"just a string\",\n"                                       /* 3 */
        "  {\"id\": \"a2\", \"text\" \"no colon\"},\n"                 /* 4 */
        "  {\"id\": \"a3\",\n"                                         /* 5 */
        "   \"title\": \"no body\"},\n"
        "  {\"id\": \"a4\", \"text\": \"cut short\",\n"                /* 7 */
        "  {\"id\": \"a5\", \"text\": \"Talks closed in Oslo.\"},\n"   /* 8 */
        "  {\"id\": \"big\", \"text\": \"");                           /* 9 */
    for (int i = 0; i < 1000; i++)
        sr_buf_puts(&b, "word ");
    sr_buf_puts(&b, "\"},\n"
        "  {\"id\": \"a6\", \"text\": \"Talks ended.\"}\n"             /* 10 */
        "]\n");
    write_file("array.json", b.data, b.len);
    read_all(&r, "array.json", SR_FORMAT_AUTO, 2048);
    CHECK_INT_EQ(r.n, 3);
    if (r.n == 3) {
        CHECK_STR_EQ(r.docs[0]->id, "a1");
        CHECK_STR_EQ(r.docs[1]->id, "a5");
        CHECK_STR_EQ(r.docs[2]->id, "a6");
    }
    CHECK_INT_EQ(r.diag.errors, 5);
    CHECK(has(r.messages, "array.json:3: a JSON string, not an object"));
    CHECK(has(r.messages, "array.json:4: not JSON (':' expected at column 23)"));
    CHECK(has(r.messages, "array.json:5: no article text"));
    CHECK(has(r.messages, "array.json:7: not JSON (a member name expected, on line 8 column 3)"));
    CHECK(has(r.messages, "array.json:9: object longer than the 2048-byte limit"));
    run_free(&r);

    /* JSON Lines: a line missing its '}' and one whose string is not
     * closed are reported, the lines after them read; a file cut inside
     * an object reports where that object starts */
    const char *lines =
        "{\"id\": \"l1\", \"text\": \"One.\"\n"
        "{\"id\": \"l2\", \"text\": \"Two.}\n"
        "{\"id\": \"l3\", \"text\": \"Three.\"}\n"
        "{\"id\": \"l4\",\n"
        "  \"text\": \"Fo";
    write_file("cut.jsonl", lines, strlen(lines));
    read_all(&r, "cut.jsonl", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 1);
    if (r.n == 1)
        CHECK_STR_EQ(r.docs[0]->id, "l3");
    CHECK_INT_EQ(r.diag.errors, 3);
    CHECK(has(r.messages, "cut.jsonl:1: not JSON (',' or '}' expected, on line 2 column 1)"));
    CHECK(has(r.messages, "cut.jsonl:2: not JSON (a line break inside a string at column 28)"));
    CHECK(has(r.messages, "cut.jsonl:4: the input ends inside this object (truncated)"));
    run_free(&r);

    /* a broken object over many lines: one message, reading resumes at
     * the next line that opens an object */
    const char *broken =
        "[{\n  \"id\": \"b1\",\n  \"text\" \"x\",\n  \"title\": \"t\"\n},\n"
        "{\n  \"id\": \"b2\",\n  \"text\": \"Fine.\"\n}]\n";
    write_file("broken.json", broken, strlen(broken));
    read_all(&r, "broken.json", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 1);
    if (r.n == 1)
        CHECK_STR_EQ(r.docs[0]->id, "b2");
    CHECK_INT_EQ(r.diag.errors, 1);
    CHECK(has(r.messages, "broken.json:1: not JSON (':' expected, on line 3 column 10)"));
    run_free(&r);

    /* a long string element is still named a string; the object after it
     * on the same line is read (the format named: an array opening with a
     * string is not detected as JSON) */
    sr_buf_reset(&b);
    sr_buf_puts(&b, "[\"");
    for (int i = 0; i < 300; i++)
        sr_buf_puts(&b, "x");
    sr_buf_puts(&b, "\", {\"id\": \"s1\", \"text\": \"Fine.\"}]");
    write_file("strings.json", b.data, b.len);
    read_all(&r, "strings.json", SR_FORMAT_JSONL, 0);
    CHECK_INT_EQ(r.n, 1);
    CHECK_INT_EQ(r.diag.errors, 1);
    CHECK(has(r.messages, "strings.json:1: a JSON string, not an object"));
    run_free(&r);
    sr_buf_free(&b);
}

/* Field names of other tools: the first name present with a usable value
 * wins; the names that lost are carried. */
static void test_json_aliases(void)
{
    const char *j =
        /* 1: news-please */
        "{\"authors\": [\"Jane Roe\", \"John Doe\"], \"date_publish\": \"2018-02-06 10:00:00\", "
        "\"date_modify\": null, \"language\": \"en\", \"maintext\": \"Ministers met.\", "
        "\"source_domain\": \"news.example\", \"text\": null, \"title\": \"Meet\"}\n"
        /* 2: body, datePublished, publisher object, author string */
        "{\"body\": \"Body text.\", \"datePublished\": \"2020-05-01T08:00:00Z\", "
        "\"publisher\": {\"@type\": \"Organization\", \"name\": \"Daily\"}, "
        "\"author\": \"Ann Poe\", \"lang\": \"EN-gb\"}\n"
        /* 3: content, pubDate, source object, authors objects */
        "{\"content\": \"Content text.\", \"pubDate\": \"Thu, 03 Mar 2022 08:15:00 GMT\", "
        "\"source\": {\"id\": null, \"name\": \"Wire\"}, "
        "\"authors\": [{\"name\": \"A. One\"}, {\"name\": \"B. Two\"}, 7]}\n"
        /* 4: article, paragraphs as strings, a date that is not one falling
         * through to the next name */
        "{\"article\": \"\", \"paragraphs\": [\"First paragraph.\", \"Second.\"], "
        "\"published\": \"soon\", \"date\": \"2021-07-04\"}\n"
        /* 5: the first name wins, the others are carried */
        "{\"id\": \"x5\", \"uuid\": \"u5\", \"text\": \"Text wins.\", \"maintext\": \"no\", "
        "\"outlet\": \"Own\", \"source\": \"other\", \"published\": \"2022-01-01\", "
        "\"date\": \"2000-01-01\", \"byline\": \"Bee\", \"authors\": [\"Cee\"]}\n"
        /* 6: article as the body; uuid as the id */
        "{\"uuid\": \"u6\", \"article\": \"Article text.\", \"source\": 5}\n";
    write_file("aliases.jsonl", j, strlen(j));
    run r;
    read_all(&r, "aliases.jsonl", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 6);
    CHECK_INT_EQ(r.diag.errors, 0);
    if (r.n == 6) {
        sr_doc *d = r.docs[0];
        CHECK_STR_EQ(d->body, "Ministers met.");
        CHECK_STR_EQ(d->byline, "Jane Roe, John Doe");
        CHECK_STR_EQ(d->published, "2018-02-06T10:00:00");
        CHECK_STR_EQ(d->outlet, "news.example");
        CHECK_STR_EQ(d->lang, "en");
        CHECK_STR_EQ(d->extra_json, "{\"date_modify\": null}");
        d = r.docs[1];
        CHECK_STR_EQ(d->body, "Body text.");
        CHECK_STR_EQ(d->published, "2020-05-01T08:00:00Z");
        CHECK_STR_EQ(d->outlet, "Daily");
        CHECK_STR_EQ(d->byline, "Ann Poe");
        CHECK_STR_EQ(d->lang, "en");
        CHECK(d->extra_json == NULL);
        d = r.docs[2];
        CHECK_STR_EQ(d->body, "Content text.");
        CHECK_STR_EQ(d->published, "2022-03-03T08:15:00Z");
        CHECK_STR_EQ(d->outlet, "Wire");
        CHECK_STR_EQ(d->byline, "A. One, B. Two");
        CHECK(d->extra_json == NULL);
        d = r.docs[3];
        CHECK_STR_EQ(d->body, "First paragraph.\n\nSecond.");
        CHECK_STR_EQ(d->published, "2021-07-04");
        CHECK_STR_EQ(d->extra_json, "{\"article\": \"\"}");
        d = r.docs[4];
        CHECK_STR_EQ(d->id, "x5");
        CHECK_STR_EQ(d->body, "Text wins.");
        CHECK_STR_EQ(d->outlet, "Own");
        CHECK_STR_EQ(d->published, "2022-01-01");
        CHECK_STR_EQ(d->byline, "Bee");
        CHECK_STR_EQ(d->extra_json, "{\"uuid\": \"u5\",\"maintext\": \"no\",\"source\": \"other\","
                     "\"date\": \"2000-01-01\",\"authors\": [\"Cee\"]}");
        d = r.docs[5];
        CHECK_STR_EQ(d->id, "u6");
        CHECK_STR_EQ(d->body, "Article text.");
        CHECK(d->outlet == NULL);
        CHECK_STR_EQ(d->extra_json, "{\"source\": 5}");
    }
    CHECK(has(r.messages, "aliases.jsonl:4: warning: 'published' is not a date"));
    CHECK(has(r.messages, "aliases.jsonl:6: warning: field 'source' is neither a name"));
    run_free(&r);
}

/* Bad bytes inside an object: repaired, counted, warned with the object's
 * line; the article is kept. */
static void test_json_bad_bytes(void)
{
    const char *j =
        /* 1: invalid UTF-8 in the title and in the text */
        "{\"id\": \"u1\", \"title\": \"Caf\xe9 closes\", \"text\": \"The caf\xe9 in Oslo "
        "closed on Monday.\", \"note\": \"\xff\"}\n"
        /* 2: \u0000 escapes: jansson would cut the title at the first */
        "{\"id\": \"n1\", \"title\": \"Ti\\u0000tle\", \"text\": \"Some\\u0000 text.\"}\n"
        /* 3: raw tab and control byte in strings: escaped, nothing lost */
        "{\"id\": \"t1\", \"text\": \"A\tB\x01" "C.\"}\n"
        /* 4: half a surrogate pair, and a whole pair kept */
        "{\"id\": \"s1\", \"text\": \"Lone \\ud83d here, pair \\ud83d\\ude00 there.\"}\n"
        /* 5: a raw NUL byte in a string */
        "{\"id\": \"z1\", \"text\": \"Raw\0nul.\"}\n"
        /* 6: a bad byte outside any string is still no JSON */
        "{\"id\": \"x1\", \xff \"text\": \"No.\"}\n"
        "{\"id\": \"ok\", \"text\": \"Fine.\"}\n";
    size_t n = strlen(j) + 1 + strlen(j + strlen(j) + 1);   /* the NUL on line 5 */
    write_file("bad.jsonl", j, n);
    run r;
    read_all(&r, "bad.jsonl", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 6);
    if (r.n == 6) {
        sr_doc *d = r.docs[0];
        CHECK_STR_EQ(d->id, "u1");
        CHECK_STR_EQ(d->title, "Caf\xEF\xBF\xBD closes");
        CHECK_STR_EQ(d->body, "The caf\xEF\xBF\xBD in Oslo closed on Monday.");
        CHECK_INT_EQ(d->bad_bytes, 3);
        CHECK_STR_EQ(d->extra_json, "{\"note\": \"\xEF\xBF\xBD\"}");
        d = r.docs[1];
        CHECK_STR_EQ(d->title, "Ti\xEF\xBF\xBDtle");
        CHECK_STR_EQ(d->body, "Some\xEF\xBF\xBD text.");
        CHECK_INT_EQ(d->bad_bytes, 2);
        d = r.docs[2];
        CHECK_STR_EQ(d->body, "A\tB\x01" "C.");
        CHECK_INT_EQ(d->bad_bytes, 0);
        d = r.docs[3];
        CHECK_STR_EQ(d->body, "Lone \xEF\xBF\xBD here, pair \xF0\x9F\x98\x80 there.");
        CHECK_INT_EQ(d->bad_bytes, 1);
        d = r.docs[4];
        CHECK_STR_EQ(d->body, "Raw\xEF\xBF\xBDnul.");
        CHECK_INT_EQ(d->bad_bytes, 1);
        CHECK_STR_EQ(r.docs[5]->id, "ok");
    }
    CHECK_INT_EQ(r.diag.errors, 1);
    CHECK(has(r.messages, "bad.jsonl:1: warning: 3 invalid UTF-8 or NUL bytes replaced by U+FFFD"));
    CHECK(has(r.messages, "bad.jsonl:2: warning: 2 invalid UTF-8 or NUL bytes replaced"));
    CHECK(has(r.messages, "bad.jsonl:3: warning: 2 raw control bytes in strings read as escaped"));
    CHECK(has(r.messages, "bad.jsonl:4: warning: 1 invalid UTF-8 or NUL byte replaced"));
    CHECK(has(r.messages, "bad.jsonl:5: warning: 1 invalid UTF-8 or NUL byte replaced"));
    CHECK(has(r.messages, "bad.jsonl:6: not JSON"));
    /* warned once, with the line, not again naming only the file */
    CHECK(!has(r.messages, "bad.jsonl: warning"));
    run_free(&r);
}

/* Exports: a streamed map whose members carry bad bytes (in a name too)
 * and cut bodies, a hit whose _source holds a bad byte, a map's first
 * member over the document limit, a broken second member. */
static void test_json_exports(void)
{
    const char *j =
        /* 1-3: a streamed map; the second member's name holds a bad byte */
        "{\"m1\": {\"content\": \"Cut \xff here [+99 chars]\"},\n"
        " \"m\xfe\": {\"text\": \"Second.\", \"truncated_chars\": 7},\n"
        " \"m3\": {\"id\": 5, \"text\": \"Third.\"}}\n"
        /* 4: a hit, the bad byte inside its _source */
        "{\"_id\": \"h1\", \"_source\": {\"text\": \"Hit \xff text.\"}}\n"
        /* 5: a map cut inside its second member: the first kept */
        "{\"c1\": {\"text\": \"Kept.\"}, \"c2\": {\"text\": \"Lost\n"
        "{\"id\": \"after\", \"text\": \"After.\"}\n";
    write_file("exports.json", j, strlen(j));
    run r;
    read_all(&r, "exports.json", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 6);
    if (r.n == 6) {
        sr_doc *d = r.docs[0];
        CHECK_STR_EQ(d->id, "m1");
        CHECK_STR_EQ(d->body, "Cut \xEF\xBF\xBD here");
        CHECK_INT_EQ(d->bad_bytes, 1);
        CHECK_INT_EQ(d->truncated_chars, 99);
        d = r.docs[1];
        CHECK_STR_EQ(d->body, "Second.");
        CHECK_INT_EQ(d->truncated_chars, 7);   /* sitrep's own record */
        CHECK(d->id != NULL && strncmp(d->id, "m", 1) == 0);
        CHECK_STR_EQ(r.docs[2]->id, "5");      /* its own id wins */
        d = r.docs[3];
        CHECK_STR_EQ(d->id, "h1");
        CHECK_STR_EQ(d->body, "Hit \xEF\xBF\xBD text.");
        CHECK_INT_EQ(d->bad_bytes, 1);
        CHECK_INT_EQ(d->truncated_chars, 0);
        CHECK_STR_EQ(r.docs[4]->id, "c1");
        CHECK_STR_EQ(r.docs[5]->id, "after");
    }
    CHECK(has(r.messages, "exports.json:1: warning: 1 invalid UTF-8 or NUL byte replaced"));
    CHECK(has(r.messages, "exports.json:4: warning: 1 invalid UTF-8 or NUL byte replaced"));
    CHECK(has(r.messages, "exports.json:5: not JSON (a line break inside a string"));
    CHECK(has(r.messages, "exports.json: warning: 2 documents' bodies are only the start"));
    CHECK_INT_EQ(r.diag.errors, 1);
    run_free(&r);

    /* a map whose first member is over the limit of 120 bytes: the first
     * member is gathered as part of the object, so the object is over */
    const char *big =
        "{\"b1\": {\"text\": \"0123456789012345678901234567890123456789012345678901234567890"
        "123456789012345678901234567890123456789012345678901234567890123456789\"},\n"
        " \"b2\": {\"text\": \"Short.\"}}\n";
    write_file("big.json", big, strlen(big));
    read_all(&r, "big.json", SR_FORMAT_AUTO, 120);
    CHECK_INT_EQ(r.n, 0);
    CHECK(has(r.messages, "big.json:1: object longer than the 120-byte limit"));
    run_free(&r);
}

/* Wrappers of APIs: NewsAPI, the Guardian's content API, generic "data";
 * WordPress's array with rendered values; JSON Feed. */
static void test_json_wrappers(void)
{
    const char *newsapi =
        "{\"status\":\"ok\",\"totalResults\":3,\"articles\":["
        "{\"source\":{\"id\":null,\"name\":\"Harbour Wire\"},\"author\":\"Mara Olsen\","
        "\"title\":\"Ferry strike ends\",\"description\":\"Crews are back.\","
        "\"url\":\"https://wire.example/ferry\",\"urlToImage\":null,"
        "\"publishedAt\":\"2026-01-30T10:00:00Z\",\"content\":\"Ferry crews returned to work "
        "on Friday. The strike had lasted nine days\\u2026 [+1234 chars]\"},"
        "{\"source\":{\"id\":\"vp\",\"name\":\"Valley Post\"},\"author\":null,"
        "\"title\":\"Dam talks stall\",\"description\":\"Officials failed to agree.\","
        "\"publishedAt\":\"2026-01-29T08:30:00Z\",\"content\":null},"
        "{\"source\":{\"name\":\"Nowhere\"},\"title\":\"Empty\",\"content\":null}]}\n";
    write_file("newsapi.json", newsapi, strlen(newsapi));
    run r;
    read_all(&r, "newsapi.json", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 2);
    if (r.n == 2) {
        sr_doc *d = r.docs[0];
        CHECK_STR_EQ(d->title, "Ferry strike ends");
        CHECK_STR_EQ(d->outlet, "Harbour Wire");
        CHECK_STR_EQ(d->byline, "Mara Olsen");
        CHECK_STR_EQ(d->url, "https://wire.example/ferry");
        CHECK_STR_EQ(d->published, "2026-01-30T10:00:00Z");
        /* the marker of the API's cut dropped, the text kept */
        CHECK_STR_EQ(d->body, "Ferry crews returned to work on Friday. The strike had lasted "
                     "nine days\xE2\x80\xA6");
        CHECK_STR_EQ(d->extra_json, "{\"description\":\"Crews are back.\",\"urlToImage\":null}");
        d = r.docs[1];
        CHECK_STR_EQ(d->body, "Officials failed to agree.");   /* no content: description */
        CHECK_STR_EQ(d->outlet, "Valley Post");
    }
    CHECK_INT_EQ(r.diag.errors, 1);
    CHECK(has(r.messages, "newsapi.json:1: no article text"));
    run_free(&r);

    /* the Guardian, pretty-printed: elements reported with their own line */
    const char *guardian =
        "{\n"
        "  \"response\": {\n"
        "    \"status\": \"ok\",\n"
        "    \"total\": 3,\n"
        "    \"results\": [\n"
        "      {\n"                                                     /* 6 */
        "        \"id\": \"world/2026/jan/30/river-accord\",\n"
        "        \"webPublicationDate\": \"2026-01-30T09:15:00Z\",\n"
        "        \"webTitle\": \"River accord signed\",\n"
        "        \"webUrl\": \"https://paper.example/river\",\n"
        "        \"fields\": {\"byline\": \"Tomas Varga\", \"wordcount\": \"12\",\n"
        "                   \"bodyText\": \"The two governments signed an accord.\"}\n"
        "      },\n"
        "      {\"id\": \"w2\", \"webTitle\": \"No body\"},\n"         /* 14 */
        "      {\"id\": \"w3\", \"webTitle\": \"Border\", \"fields\": "
        "{\"bodyText\": \"Officers met \xff at the border.\"}}\n"      /* 15 */
        "    ]\n"
        "  }\n"
        "}\n";
    write_file("guardian.json", guardian, strlen(guardian));
    read_all(&r, "guardian.json", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 2);
    if (r.n == 2) {
        sr_doc *d = r.docs[0];
        CHECK_STR_EQ(d->id, "world/2026/jan/30/river-accord");
        CHECK_STR_EQ(d->title, "River accord signed");
        CHECK_STR_EQ(d->url, "https://paper.example/river");
        CHECK_STR_EQ(d->published, "2026-01-30T09:15:00Z");
        CHECK_STR_EQ(d->byline, "Tomas Varga");
        CHECK_STR_EQ(d->body, "The two governments signed an accord.");
        /* what in "fields" supplied nothing stays, on one line */
        CHECK_STR_EQ(d->extra_json, "{\"fields\":{\"wordcount\": \"12\"}}");
        d = r.docs[1];
        CHECK_STR_EQ(d->id, "w3");
        CHECK_STR_EQ(d->body, "Officers met \xEF\xBF\xBD at the border.");
        CHECK_INT_EQ(d->bad_bytes, 1);
    }
    CHECK_INT_EQ(r.diag.errors, 1);
    CHECK(has(r.messages, "guardian.json:14: no article text"));
    CHECK(has(r.messages, "guardian.json:15: warning: 1 invalid UTF-8 or NUL byte replaced"));
    run_free(&r);

    /* WordPress: rendered title (references decoded) and content (HTML,
     * figure caption apart), link, date_gmt in UTC */
    const char *wp =
        "[{\"id\":101,\"date\":\"2026-01-30T11:00:00\",\"date_gmt\":\"2026-01-30T10:00:00\","
        "\"link\":\"https://blog.example/bridge/\","
        "\"title\":{\"rendered\":\"Mayor opens bridge &#8211; trams &amp; buses resume\"},"
        "\"content\":{\"rendered\":\"<p>The mayor opened the bridge on Friday.</p>\\n"
        "<figure><img src=\\\"b.jpg\\\"><figcaption>The bridge.</figcaption></figure>"
        "<p>Trams cross it from Monday.</p>\",\"protected\":false},\"author\":3}]\n";
    write_file("wp.json", wp, strlen(wp));
    read_all(&r, "wp.json", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 1);
    if (r.n == 1) {
        sr_doc *d = r.docs[0];
        CHECK_STR_EQ(d->id, "101");
        CHECK_STR_EQ(d->title, "Mayor opens bridge \xE2\x80\x93 trams & buses resume");
        CHECK_STR_EQ(d->url, "https://blog.example/bridge/");
        CHECK_STR_EQ(d->published, "2026-01-30T10:00:00Z");
        CHECK_STR_EQ(d->body, "The mayor opened the bridge on Friday.\n\nTrams cross it from "
                     "Monday.");
        CHECK_INT_EQ(d->ncaptions, 1);
        CHECK_STR_EQ(d->extra_json, "{\"date\":\"2026-01-30T11:00:00\",\"author\":3}");
    }
    CHECK_INT_EQ(r.diag.errors + r.diag.warnings, 0);
    run_free(&r);

    /* generic wrappers; one whose first element is no article (held whole,
     * then its articles read); an article whose list of authors comes
     * before its text is no wrapper; an object whose array of articles
     * comes before its own text gives them all */
    const char *gen =
        "{\"data\": [{\"id\": \"d1\", \"text\": \"First of data.\"}, "
        "{\"id\": \"d2\", \"body\": \"<p>Second <b>of</b> data.</p>\"}]}\n"
        "{\"items\": [{\"id\": \"i0\"}, {\"id\": \"i1\", \"maintext\": \"Item one.\"}]}\n"
        "{\"authors\": [{\"name\": \"A. Writer\"}], \"text\": \"An article.\"}\n"
        "{\"results\": [{\"id\": \"r1\", \"text\": \"Related.\"}], \"text\": \"Main.\"}\n"
        /* one article as a member (the Guardian's single item); a member
         * with a description only is no article */
        "{\"response\": {\"status\": \"ok\", \"content\": {\"id\": \"c1\", "
        "\"fields\": {\"bodyText\": \"Single.\"}}}}\n"
        "{\"title\": \"t\", \"publisher\": {\"name\": \"P\", \"description\": \"About.\"}}\n";
    write_file("gen.json", gen, strlen(gen));
    read_all(&r, "gen.json", SR_FORMAT_AUTO, 0);
    CHECK_INT_EQ(r.n, 7);
    if (r.n == 7) {
        CHECK_STR_EQ(r.docs[0]->id, "d1");
        CHECK_STR_EQ(r.docs[1]->body, "Second of data.");
        CHECK_STR_EQ(r.docs[2]->id, "i1");
        CHECK_STR_EQ(r.docs[3]->byline, "A. Writer");
        CHECK_STR_EQ(r.docs[3]->body, "An article.");
        CHECK_STR_EQ(r.docs[4]->id, "r1");
        CHECK_STR_EQ(r.docs[5]->body, "Main.");
        CHECK_STR_EQ(r.docs[6]->id, "c1");
        CHECK_STR_EQ(r.docs[6]->body, "Single.");
    }
    CHECK_INT_EQ(r.diag.errors, 2);
    CHECK(has(r.messages, "gen.json:2: no article text"));
    CHECK(has(r.messages, "gen.json:6: no article text"));
    CHECK(has(r.messages, "gen.json:4: warning: an object with article text of its own"));
    run_free(&r);

    /* a streamed wrapper's element that is broken: reported with its line,
     * the elements on later lines read, the wrapper's end passed over; an
     * element over the limit is reported and the next read */
    sr_buf b;
    sr_buf_init(&b);
    sr_buf_puts(&b,
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Notes\",\n"
        " \"description\": \"News of the town\",\n"
        " \"items\": [\n"
        "  {\"id\": \"f1\", \"content_html\": \"<p>The library reopened.</p>\",\n"
        "   \"date_published\": \"2026-01-26T09:00:00+01:00\", \"authors\": [{\"name\": \"Ida\"}]},\n"
        "  {\"id\": \"f2\", \"content_text\": \"Broken\" \"x\"},\n"           /* 6 */
        "  {\"id\": \"f3\", \"content_text\": \"The pool closes.\"},\n"
        "  {\"id\": \"big\", \"content_text\": \"");                           /* 8 */
    for (int i = 0; i < 1000; i++)
        sr_buf_puts(&b, "word ");
    sr_buf_puts(&b, "\"},\n"
        "  {\"id\": \"f4\", \"content_text\": \"The park opens.\"}\n"
        " ]\n"
        "}\n");
    write_file("feed.json", b.data, b.len);
    sr_buf_free(&b);
    read_all(&r, "feed.json", SR_FORMAT_AUTO, 2048);
    CHECK_INT_EQ(r.n, 3);
    if (r.n == 3) {
        CHECK_STR_EQ(r.docs[0]->id, "f1");
        CHECK_STR_EQ(r.docs[0]->body, "The library reopened.");
        CHECK_STR_EQ(r.docs[0]->byline, "Ida");
        CHECK_STR_EQ(r.docs[0]->published, "2026-01-26T09:00:00+01:00");
        CHECK_STR_EQ(r.docs[1]->id, "f3");
        CHECK_STR_EQ(r.docs[2]->id, "f4");
    }
    CHECK_INT_EQ(r.diag.errors, 2);
    CHECK(has(r.messages, "feed.json:6: not JSON (',' or '}' expected at column 41)"));
    CHECK(has(r.messages, "feed.json:8: object longer than the 2048-byte limit"));
    run_free(&r);
}

/* ---- detection ---------------------------------------------------------------- */

static void test_detect(void)
{
#define DETECT(s) sr_format_name(sr_detect_format(s, strlen(s)))
    CHECK_STR_EQ(DETECT("WARC/1.0\r\nWARC-Type: warcinfo\r\n"), "warc");
    CHECK_STR_EQ(DETECT("\xEF\xBB\xBF{\"id\":1}\n"), "jsonl");
    CHECK_STR_EQ(DETECT("<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"), "feed");
    CHECK_STR_EQ(DETECT("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">"), "feed");
    CHECK_STR_EQ(DETECT("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), "feed");
    CHECK_STR_EQ(DETECT("<?xml version=\"1.0\"?><!DOCTYPE rss [ <!ENTITY a \"b\"> ]>"), "feed");
    CHECK_STR_EQ(DETECT("<!DOCTYPE html><html><body><p>feedback</p>"), "html");
    CHECK_STR_EQ(DETECT("<div class=\"feed\">x</div>"), "html");
    CHECK_STR_EQ(DETECT("<?xml version=\"1.0\"?><html xmlns=\"x\">"), "html");
    CHECK_STR_EQ(DETECT("Saved page\n<html><body>x"), "html");
    CHECK_STR_EQ(DETECT("WASHINGTON (Reuters) - The feed <rss> was"), "text");
    CHECK_STR_EQ(DETECT(""), "text");
#undef DETECT
}

int main(void)
{
    if (!mkdtemp(dir))
        SKIP("cannot make a temporary folder");
    test_rss2();
    test_rss1_and_atom();
    test_feed_attacks();
    test_warc();
    test_jsonl();
    test_json_shapes();
    test_json_aliases();
    test_json_bad_bytes();
    test_json_wrappers();
    test_json_exports();
    test_detect();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_status();
}
