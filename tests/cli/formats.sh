# formats.sh — `sitrep read` on feeds, WARC and JSON Lines: detection from
# content (not the file name), --format overriding it, bad input reported
# with file and line while the good documents around it are printed.
. "$(dirname "$0")/lib.bash"

# a feed called .txt is still a feed
cat > "$TMP/news.txt" <<'XML'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Gazette</title>
<item><title>Storm closes harbour</title><link>https://g.example/storm</link>
<pubDate>Thu, 03 Mar 2022 08:15:00 GMT</pubDate>
<description>The harbour closed on Thursday.</description></item>
</channel></rss>
XML
expect_status 0 "$SITREP" read "$TMP/news.txt"
expect_grep '"format":"feed"' "$TMP/out"
expect_grep '"title":"Storm closes harbour"' "$TMP/out"
expect_grep '"url":"https://g.example/storm"' "$TMP/out"
expect_grep '"published":"2022-03-03T08:15:00Z"' "$TMP/out"
expect_grep '"outlet":"Gazette"' "$TMP/out"

# --format text overrides detection: the XML is read as one text article
expect_status 0 "$SITREP" read --format text "$TMP/news.txt"
expect_grep '"format":"text"' "$TMP/out"
[ "$(wc -l < "$TMP/out")" -eq 1 ] || fail "--format text gave $(wc -l < "$TMP/out") documents"

# JSON Lines from stdin, gzip-compressed, one bad line in the middle
printf '%s\n' '{"id":"a","title":"First","text":"One sentence.","extra":{"k":[1,2.50]}}' \
  'not json at all' '{"id":"b","text":"Two sentences. Here."}' | gzip > "$TMP/in.jsonl.gz"
"$SITREP" read - < "$TMP/in.jsonl.gz" > "$TMP/out" 2> "$TMP/err"
[ $? -eq 1 ] || fail "a bad JSON line should give exit status 1"
expect_grep '"id":"a"' "$TMP/out"
expect_grep '"extra":\{"k":\[1,2.50\]\}' "$TMP/out"
expect_grep '"id":"b"' "$TMP/out"
expect_grep '^sitrep: -:2: not JSON' "$TMP/err"

# a WARC record whose length lies: reported with record and offset, the
# next record still read
body='HTTP/1.1 200 OK
Content-Type: text/html

<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1><p>The harbour closed on Thursday as a storm hit the coast and the ferries stopped.</p></article></body></html>'
record() { # TYPE URI LENGTH BLOCK
  printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2022-03-04T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n%s\r\n\r\n' "$1" "$2" "$3" "$4" | gzip
}
{ record response https://g.example/bad 99999 "$body"
  record response https://g.example/good "${#body}" "$body"; } > "$TMP/crawl.warc.gz"
expect_status 1 "$SITREP" read "$TMP/crawl.warc.gz"
expect_grep 'crawl.warc.gz: record 1 \(offset 0\): Content-Length 99999' "$TMP/err"
expect_grep '"url":"https://g.example/good"' "$TMP/out"
expect_grep '"format":"warc"' "$TMP/out"
# a JSON article written over many lines (news-please and similar exports):
# one document, news-please's field names read, unknown members carried on
# one line; an array of such objects gives one document each, a bad element
# reported with its line; a truncated one is reported and skipped
cat > "$TMP/article.json" <<'JSON'
{
  "authors": [
    "Jane Roe",
    "John Doe"
  ],
  "date_publish": "2018-02-06 10:00:00",
  "source_domain": "news.example",
  "title": "Ministers meet",
  "text": "The foreign ministers met in Geneva on Monday.",
  "newsCluster": {
    "EventId": 7
  }
}
JSON
expect_status 0 "$SITREP" read "$TMP/article.json"
[ "$(wc -l < "$TMP/out")" -eq 1 ] || fail "a JSON article over many lines gave $(wc -l < "$TMP/out") lines"
expect_grep '"byline":"Jane Roe, John Doe","published":"2018-02-06T10:00:00","outlet":"news.example"' "$TMP/out"
expect_grep '"newsCluster": \{"EventId": 7\}\}$' "$TMP/out"
cat > "$TMP/articles.json" <<'JSON'
[
  {"id": "a1", "text": "Talks opened in Oslo."},
  {"id": "a2",
   "title": "no body"},
  {"id": "a3", "text": "Talks closed in Oslo."}
]
JSON
expect_status 1 "$SITREP" read "$TMP/articles.json"
expect_grep '"id":"a1"' "$TMP/out"
expect_grep '"id":"a3"' "$TMP/out"
expect_grep 'articles.json:3: no article text' "$TMP/err"
head -c 120 "$TMP/article.json" > "$TMP/cut.json"
expect_status 1 "$SITREP" read "$TMP/cut.json" "$TMP/articles.json"
expect_grep 'cut.json:1: the input ends inside this object .truncated.; skipped' "$TMP/err"
expect_grep '"id":"a3"' "$TMP/out"
# --format json (a synonym of jsonl) reads every shape; an unknown name is a
# usage error that lists the names
printf '[{"uuid": "u1", "maintext": "Talks opened in Oslo."},\n {"uuid": "u2", "content": "Talks closed."}]' > "$TMP/arr.txt"
expect_status 0 "$SITREP" read --format json "$TMP/arr.txt"
expect_grep '"id":"u1".*"format":"jsonl"' "$TMP/out"
expect_grep '"id":"u2"' "$TMP/out"
expect_status 2 "$SITREP" read --format xml "$TMP/arr.txt"
expect_grep "unknown format 'xml' \(text, html, feed, warc, json \(= jsonl\), auto\)" "$TMP/err"

# a BASIL article read in place: one pretty-printed object whose body is a
# list of paragraphs, each a list of sentences
B="$SHARED/corpora/basil/articles/2019/c9e4d35f-aeae-462b-a8bf-e08d09a93b6e_1.json"
if [ -f "$B" ]; then
  expect_status 0 "$SITREP" read "$B"
  [ "$(wc -l < "$TMP/out")" -eq 1 ] || fail "the BASIL article gave $(wc -l < "$TMP/out") documents"
  expect_grep '^\{"id":"f8e82008-129b-4631-928e-3f7869b1fe71",.*"format":"jsonl","title":"Trump says he appreciates Mueller' "$TMP/out"
  expect_grep '"published":"2019-01-19","outlet":"fox","url":"https://www.foxnews.com/' "$TMP/out"
  expect_grep '"body":"President Trump on Saturday said he appreciates FBI special counsel' "$TMP/out"
  expect_grep '"main-event": "Mueller\\u2019s office disputes BuzzFeed report"' "$TMP/out"
  expect_status 0 "$SITREP" read --count "$SHARED/corpora/basil/articles"
  expect_grep '^\{"documents":201,' "$TMP/out"
else
  echo "SKIPPED (corpus part): $SHARED/corpora/basil is absent"
fi
finish
