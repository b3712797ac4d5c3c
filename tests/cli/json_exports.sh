# json_exports.sh — article JSON as exports hold it (the samples in
# examples/json/): schema.org NewsArticle objects and a JSON-LD @graph,
# Elasticsearch/OpenSearch search answers and dumps (one hit per line),
# maps of id -> article (streamed and held), and NewsAPI bodies cut by the
# API, flagged in the record and warned about once per file.
. "$(dirname "$0")/lib.bash"

J="$SRC/examples/json"
count() { [ "$(wc -l < "$TMP/out")" -eq "$1" ] || fail "$2 gave $(wc -l < "$TMP/out") documents, wanted $1"; }
quiet() { [ ! -s "$TMP/err" ] || fail "$1 gave messages: $(head -c 300 "$TMP/err")"; }

# schema.org: headline, datePublished, authors as Person objects, publisher's
# name, mainEntityOfPage's @id, inLanguage en-GB, articleBody; the members
# that supplied nothing (@type, dateModified, articleSection) carried
expect_status 0 "$SITREP" read "$J/schemaorg.json"
count 1 schemaorg.json; quiet schemaorg.json
expect_grep '"title":"Ghana and Togo reopen their border crossing","dateline":null,"byline":"Efua Mensah, Kodjo Amegah","published":"2026-02-03T07:45:00Z","outlet":"Coast Herald","url":"https://coast.example/2026/02/03/aflao-border","lang":"en",' "$TMP/out"
expect_grep '"body":"Ghana reopened its border crossing with Togo at Aflao on Tuesday after a week of closure.\\n\\nTraders said' "$TMP/out"
expect_grep '"@type": "NewsArticle","dateModified": "2026-02-03T09:10:00\+00:00","articleSection": "Africa"\}$' "$TMP/out"
grep -q 'mainEntityOfPage\|inLanguage\|articleBody\|"author"' "$TMP/out" && fail "a member that supplied a field was carried too"

# a JSON-LD @graph: the article among a WebSite, an Organization and a
# BreadcrumbList (held: its first node is no article), nothing reported
expect_status 0 "$SITREP" read "$J/jsonld-graph.json"
count 1 jsonld-graph.json; quiet jsonld-graph.json
expect_grep '"title":"Rwanda and Uganda resume security talks","dateline":null,"byline":"Grace Mukamana","published":"2026-02-02","outlet":"Lakes Daily","url":"https://lakes.example/2026/02/02/rwanda-uganda-talks"' "$TMP/out"
# streamed (the article first): the other node passed over, an article node
# with no text reported with its line
printf '{"@context": "https://schema.org", "@graph": [\n{"@type": "NewsArticle", "headline": "H", "articleBody": "Kenya met Uganda."},\n{"@type": "WebSite", "name": "W", "description": "A site."},\n{"@type": "NewsArticle", "headline": "No body"}\n]}\n' > "$TMP/graph.json"
expect_status 1 "$SITREP" read "$TMP/graph.json"
count 1 "a streamed @graph"
expect_grep '"title":"H",.*"body":"Kenya met Uganda."' "$TMP/out"
expect_grep 'graph.json:4: no article text' "$TMP/err"
[ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "a streamed @graph: $(cat "$TMP/err")"
# a top-level array of JSON-LD nodes (the page's blocks side by side): the
# WebSite and BreadcrumbList passed over quietly as in an @graph; a typed
# article node with no text and an untyped object still reported; a
# WebSite node on a line of its own, outside any array, still reported
printf '[{"@context": "https://schema.org", "@type": "WebSite", "name": "W"},\n{"@type": ["NewsArticle"], "headline": "H", "articleBody": "Ghana met Togo."},\n{"@type": "BreadcrumbList", "itemListElement": []},\n{"@type": "NewsArticle", "headline": "No body"},\n{"name": "untyped"}]\n{"@type": "WebSite", "name": "outside"}\n' > "$TMP/nodes.json"
expect_status 1 "$SITREP" read "$TMP/nodes.json"
count 1 "an array of JSON-LD nodes"
expect_grep '"title":"H",.*"body":"Ghana met Togo."' "$TMP/out"
expect_grep 'nodes.json:4: no article text' "$TMP/err"
expect_grep 'nodes.json:5: no article text' "$TMP/err"
expect_grep 'nodes.json:6: no article text' "$TMP/err"
[ "$(wc -l < "$TMP/err")" -eq 3 ] || fail "an array of JSON-LD nodes: $(cat "$TMP/err")"

# Elasticsearch: each hit's _source, the hit's _id as the id when the source
# has none; _index and _score dropped
expect_status 0 "$SITREP" read "$J/elasticsearch.json"
count 2 elasticsearch.json; quiet elasticsearch.json
expect_grep '^\{"id":"Xq81mZ4BxC2r",.*"title":"Peru and Bolivia sign a water agreement",.*"published":"2026-02-04","outlet":"Andes Monitor",.*"body":"Peru signed an agreement with Bolivia' "$TMP/out"
expect_grep '^\{"id":"am-2026-0211",.*"title":"Bolivia thanks Peru for flood aid"' "$TMP/out"
grep -q '_index\|_score\|_source' "$TMP/out" && fail "a hit's own members were carried"
# a dump, one hit per line: a broken line reported, the good ones around
# it kept (a numeric _id as its digits)
expect_status 1 "$SITREP" read "$J/elasticdump.jsonl"
count 2 elasticdump.jsonl
expect_grep '^\{"id":"1001",.*"title":"Nepal and India open a rail link"' "$TMP/out"
expect_grep '^\{"id":"1003",.*"title":"Bhutan hosts Nepal"' "$TMP/out"
expect_grep 'elasticdump.jsonl:2: not JSON' "$TMP/err"

# the bulk format: an action line's _id is the id of the object after it
# (only of that one: an action before a broken line gives its id to none)
printf '%s\n' '{"index":{"_index":"news","_id":"b1"}}' '{"title":"T","text":"Chile met Peru."}' '{"create":{"_index":"news","_id":42}}' '{"id":"own","text":"Peru met Chile."}' '{"index":{"_index":"news"}}' '{"text":"Spain met Portugal."}' '{"index":{"_id":"lost"}}' '{"text":"broken' '{"text":"After the break."}' > "$TMP/bulk.ndjson"
expect_status 1 "$SITREP" read "$TMP/bulk.ndjson"
count 4 "a bulk file"
expect_grep '^\{"id":"b1",.*"body":"Chile met Peru."' "$TMP/out"
expect_grep '^\{"id":"own",.*"body":"Peru met Chile."' "$TMP/out"
expect_grep '^\{"id":"[0-9a-f]{16}",.*"body":"Spain met Portugal."' "$TMP/out"
expect_grep '^\{"id":"[0-9a-f]{16}",.*"body":"After the break."' "$TMP/out"
expect_grep 'bulk.ndjson:8: not JSON' "$TMP/err"
[ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "a bulk file: $(cat "$TMP/err")"

# a map of id -> article, streamed (its first member an article): the names
# are the ids unless the article has its own; a member with no text reported
# with its line
expect_status 1 "$SITREP" read "$J/map.json"
count 2 map.json
expect_grep '^\{"id":"fin-0214",.*"title":"Finland and Estonia plan a ferry link"' "$TMP/out"
expect_grep '^\{"id":"est-0215",.*"title":"Estonia thanks Finland"' "$TMP/out"
expect_grep 'map.json:4: no article text' "$TMP/err"
# held (its first member no article), and one member that is no object
printf '{"k0": {"title": "no text"},\n "k1": {"id": "own", "text": "Chile met Peru."},\n "k2": {"text": "Peru met Chile."}}\n{"k3": {"text": "Spain met Portugal."}, "k4": 7}\n' > "$TMP/map.json"
expect_status 1 "$SITREP" read "$TMP/map.json"
count 3 "maps"
expect_grep '^\{"id":"own",.*"body":"Chile met Peru."' "$TMP/out"
expect_grep '^\{"id":"k2",.*"body":"Peru met Chile."' "$TMP/out"
expect_grep '^\{"id":"k3",.*"body":"Spain met Portugal."' "$TMP/out"
expect_grep 'map.json:1: no article text' "$TMP/err"
expect_grep 'map.json:4: a member of a map of articles that is not an object; skipped' "$TMP/err"
# one article under one name is a wrapper, not a map: no id from the name
printf '{"data": {"text": "Spain met Portugal."}}\n' > "$TMP/one.json"
expect_status 0 "$SITREP" read "$TMP/one.json"
expect_grep '^\{"id":"[0-9a-f]{16}",.*"body":"Spain met Portugal."' "$TMP/out"

# NewsAPI's cut: the characters cut off in truncated_chars, one warning per
# file with the count; sitrep's own record read again keeps it
expect_status 0 "$SITREP" read "$J/newsapi.json"
expect_grep '"title":"Norway and Sweden sign fisheries deal",.*"captions":\[\],"truncated_chars":1840,"body":"Norway signed' "$TMP/out"
[ "$(grep -c truncated_chars "$TMP/out")" -eq 1 ] || fail "the whole NewsAPI body was flagged truncated"
expect_grep 'newsapi.json: warning: 1 document.s body is only the start of the article, cut by the source' "$TMP/err"
[ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "NewsAPI: $(cat "$TMP/err")"
cp "$TMP/out" "$TMP/again.jsonl"
expect_status 0 "$SITREP" read "$TMP/again.jsonl"
expect_grep '"truncated_chars":1840,"body":"Norway signed' "$TMP/out"
printf '%s\n' '{"id":"n1","content":"Cut here… [+12 chars]"}' '{"id":"n2","content":"Cut too [+3 chars]"}' '{"id":"n3","content":"Whole."}' > "$TMP/cuts.jsonl"
expect_status 0 "$SITREP" read "$TMP/cuts.jsonl"
expect_grep '"id":"n2",.*"truncated_chars":3,"body":"Cut too"' "$TMP/out"
expect_grep 'cuts.jsonl: warning: 2 documents. bodies are only the start of the article' "$TMP/err"

# coded like any article
expect_status 0 "$SITREP" code "$J/elasticsearch.json" "$J/jsonld-graph.json"
expect_grep '"doc":"Xq81mZ4BxC2r",.*"code":"PER".*"code":"BOL".*"cameo":"057"' "$TMP/out"
expect_grep '"source":\{"text":"Rwanda","code":"RWA".*"target":\{"text":"Uganda","code":"UGA"' "$TMP/out"
finish
