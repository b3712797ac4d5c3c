# json_api.sh — article JSON as APIs and CMSs write it (the samples in
# examples/json/: a NewsAPI response, a Guardian content API response,
# WordPress REST posts), read and coded; bad bytes inside a JSON object
# repaired and reported with the object's line instead of losing it.
. "$(dirname "$0")/lib.bash"

J="$SRC/examples/json"
expect_status 0 "$SITREP" read "$J/newsapi.json" "$J/guardian.json" "$J/wordpress.json"
[ "$(wc -l < "$TMP/out")" -eq 5 ] || fail "the three API samples gave $(wc -l < "$TMP/out") documents, wanted 5"
# NewsAPI: source.name, author, publishedAt; the "[+N chars]" marker of the
# API's cut dropped; description carried, and the body when content is null
expect_grep '"title":"Norway and Sweden sign fisheries deal","dateline":"OSLO","byline":"Mara Olsen","published":"2026-01-30T10:00:00Z","outlet":"Harbour Wire"' "$TMP/out"
expect_grep 'Skagerrak…","paragraphs"' "$TMP/out"
grep -q 'chars\]' "$TMP/out" && fail "the NewsAPI cut marker was kept"
expect_grep '"outlet":"Valley Post".*"body":"Chile recalled its ambassador to Peru on Thursday over a border dispute."' "$TMP/out"
# the Guardian: webTitle, webUrl, webPublicationDate, fields.bodyText and
# fields.byline; the rest of fields carried
expect_grep '^\{"id":"world/2026/jan/30/river-accord",.*"title":"Hungary and Slovakia sign river accord","dateline":null,"byline":"Tomas Varga in Budapest","published":"2026-01-30T09:15:00Z"' "$TMP/out"
expect_grep '"fields":\{"wordcount": "27"\}' "$TMP/out"
# WordPress: the rendered title decoded, the rendered content read as HTML
# (its figure caption apart), link, date_gmt as UTC
expect_grep '"id":"101",.*"title":"Kenya and Tanzania hold trade talks – tariffs & ports on the table",.*"published":"2026-01-30T10:00:00Z",.*"url":"https://blog.example/2026/01/30/kenya-tanzania-talks/",.*"captions":\["The port of Mombasa."\],"body":"Kenya held trade talks with Tanzania in Arusha on Friday.\\n\\nThe ministers discussed tariffs and the use of the two countries’ ports."' "$TMP/out"

# coded like any article (stdin too)
"$SITREP" code - < "$J/newsapi.json" > "$TMP/out" 2> "$TMP/err" || fail "code - on the NewsAPI sample failed: $(head -c 300 "$TMP/err")"
expect_grep '"source":\{"text":"Norway","code":"NOR".*"target":\{"text":"Sweden","code":"SWE".*"cameo":"057"' "$TMP/out"
expect_status 0 "$SITREP" code "$J/guardian.json" "$J/wordpress.json"
expect_grep '"doc":"world/2026/jan/30/river-accord",.*"code":"HUN".*"code":"SVK".*"cameo":"057"' "$TMP/out"
expect_grep '"doc":"101",.*"code":"KEN".*"code":"TZA".*"cameo":"040"' "$TMP/out"

# invalid UTF-8 and a \u0000 in one object, a raw tab in another: both
# articles kept, warned with their lines, counted in the record
printf '%s\n' '{"id":"g1","text":"Good."}' > "$TMP/bad.jsonl"
printf '{"id":"b1","title":"Caf\xe9","text":"The caf\xe9 closed\\u0000 on Monday."}\n' >> "$TMP/bad.jsonl"
printf '{"id":"b2","text":"A\traw tab."}\n' >> "$TMP/bad.jsonl"
expect_status 0 "$SITREP" read "$TMP/bad.jsonl"
[ "$(wc -l < "$TMP/out")" -eq 3 ] || fail "bad bytes lost documents: $(wc -l < "$TMP/out") of 3"
expect_grep '"id":"b1",.*"title":"Caf�",.*"bad_bytes":3,"body":"The caf� closed� on Monday."' "$TMP/out"
expect_grep '"id":"b2",.*"body":"A\\traw tab."' "$TMP/out"
expect_grep 'bad.jsonl:2: warning: 3 invalid UTF-8 or NUL bytes replaced by U\+FFFD' "$TMP/err"
expect_grep 'bad.jsonl:3: warning: 1 raw control byte in strings read as escaped' "$TMP/err"
# a wrapper cut short: the articles before the cut are read, the cut one
# reported with its line
head -c 700 "$J/newsapi.json" > "$TMP/cut.json"
expect_status 1 "$SITREP" read "$TMP/cut.json"
[ "$(wc -l < "$TMP/out")" -eq 1 ] || fail "a cut NewsAPI response gave $(wc -l < "$TMP/out") documents, wanted 1"
expect_grep 'cut.json:1: the input ends inside this object .truncated.' "$TMP/err"
finish
