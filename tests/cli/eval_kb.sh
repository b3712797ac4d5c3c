# eval_kb.sh — `sitrep eval plover` and `sitrep eval seeds`: the scores they
# print for a known set of events.
. "$(dirname "$0")/lib.bash"

# --- plover: a small gold file of our own, and events from a "run" --------
cat > "$TMP/gold.json" <<'JSON'
[{"id": "DOC-0", "event": "DOCUMENT"},
 {"id": "G1", "date": "2000-01-01", "event": "DEMAND", "text": "Iran demanded that Israel stop.",
  "source": [{"code": "IRN"}]},
 {"id": "G2", "date": "2000-01-01", "event": "FIGHT", "text": "Israel attacked Iran.",
  "source": [{"code": "ISRMIL"}]},
 {"id": "G3", "date": "2000-01-01", "event": "AGREE", "text": "Oman offered to mediate.",
  "source": [{"code": "OMN"}]}]
JSON
expect_status 0 "$SITREP" eval plover --emit "$TMP/gold.json"
[ "$(wc -l < "$TMP/out")" -eq 3 ] || fail "--emit wrote $(wc -l < "$TMP/out") documents, wanted 3"
expect_grep '"id":"G2","text":"Israel attacked Iran.","published":"2000-01-01"' "$TMP/out"
cat > "$TMP/events.jsonl" <<'JSON'
{"doc":"G1","cameo":"1056","plover":"REQUEST","source":{"code":"IRNGOV"},"target":{"code":"ISR"}}
{"doc":"G2","cameo":"190","plover":"ASSAULT","source":{"code":"IRN"},"target":{"code":"ISR"}}
{"doc":"G2","cameo":"112","plover":"ACCUSE","source":{"code":"ISRGOV"},"target":{"code":"IRN"}}
JSON
expect_status 0 "$SITREP" eval plover --events "$TMP/events.jsonl" "$TMP/gold.json"
# all: type 2 of 3 (G1, G2), source 2 of 3 (G1, G2: ISR), both 1 (G1), 1.00 events/sentence
expect_grep '^all +3 +66\.7% \(  2\) +66\.7% \(  2\) +33\.3% \(  1\) +1\.00 +66\.7%' "$TMP/out"
# held-out is every third record from the first: G1 only
expect_grep '^held-out +1 +100\.0% \(  1\)' "$TMP/out"
# --list shows the development records only (G2, G3); --list-all G1 too
expect_status 0 "$SITREP" eval plover --list --events "$TMP/events.jsonl" "$TMP/gold.json"
expect_grep '^D G2 \[TS-\]' "$TMP/out"
if grep -q '^H ' "$TMP/out"; then fail "--list printed a held-out record"; fi
expect_status 0 "$SITREP" eval plover --list-all --events "$TMP/events.jsonl" "$TMP/gold.json"
expect_grep '^H G1 \[TS' "$TMP/out"
expect_status 2 "$SITREP" eval plover
expect_status 1 "$SITREP" eval plover --events "$TMP/events.jsonl" "$TMP/missing.json"

# --- seeds: the gold file, and events from a "run" -------------------------
printf 'Trump urged restraint.\n' > "$TMP/000_a.txt"
printf 'A jet shot down a drone.\n' > "$TMP/002_b.txt"
"$SITREP" read "$TMP/000_a.txt" "$TMP/002_b.txt" > "$TMP/docs.jsonl" || fail "read failed"
id0=$(sed -n 1p "$TMP/docs.jsonl" | sed 's/.*"id":"\([0-9a-f]*\)".*/\1/')
id2=$(sed -n 2p "$TMP/docs.jsonl" | sed 's/.*"id":"\([0-9a-f]*\)".*/\1/')
cat > "$TMP/seeds.tsv" <<TSV
# test gold
000	USAGOV	REQUEST	0256	ISR	Trump urged restraint
002	USAMIL	ASSAULT	195	IRNMIL	a jet shot down a drone
002	IRN	THREATEN	138	-	not in the events
TSV
cat > "$TMP/sev.jsonl" <<JSON
{"doc":"$id0","cameo":"0256","plover":"REQUEST","source":{"code":"USAGOV"},"target":{"code":"ISRGOV"},"text":"Trump urged restraint."}
{"doc":"$id2","cameo":"195","plover":"ASSAULT","source":{"code":"USAMIL"},"target":{"code":"IRNMIL"},"text":"A jet shot down a drone."}
{"doc":"$id2","cameo":"010","plover":"","source":{"code":"USA"},"target":{"code":""},"text":"A jet shot down a drone."}
JSON
expect_status 0 "$SITREP" eval seeds --events "$TMP/sev.jsonl" "$TMP/seeds.tsv" "$TMP/000_a.txt" "$TMP/002_b.txt"
expect_grep '^expected events found: 2 of 3 \(66\.7%\); events coded: 3, of which 1 answer no expected event' "$TMP/out"
expect_grep '^MISSED 002  IRN' "$TMP/out"
expect_grep '^EXTRA 002 010' "$TMP/out"

# the project's own gold file parses
if [ -d "$SHARED/samples/seeds" ]; then
  : > "$TMP/none.jsonl"
  expect_status 0 "$SITREP" eval seeds --events "$TMP/none.jsonl" "$SRC/bench/gold/seeds.tsv" "$SHARED"/samples/seeds/*.txt
  expect_grep '^expected events found: 0 of [0-9]+' "$TMP/out"
fi
finish
