# code_text.sh — `sitrep code` end to end from raw text: the shipped syntax
# model parses, the shipped knowledge base codes. The sentences are simple
# enough that any sound model parses them right; the codes are the ones a
# human coder gives them.
. "$(dirname "$0")/lib.bash"

printf '%s\n' "On Tuesday, Iran's foreign minister met the Russian president in Moscow." \
  "US forces struck Iranian nuclear sites on Sunday." >"$TMP/in.txt"
expect_status 0 "$SITREP" code --date 2026-06-20 "$TMP/in.txt"
# the meeting: IRNGOV 04x RUSGOV, dated by "On Tuesday" before 2026-06-20 (a Saturday)
expect_grep '"date":"2026-06-16","source":\{"text":"Iran.s foreign minister","code":"IRNGOV".*"target":\{"text":"the Russian president","code":"RUSGOV".*"cameo":"04' "$TMP/out"
# the strike: USAMIL 19x IRN, ASSAULT
expect_grep '"source":\{"text":"US forces","code":"USAMIL".*"target":\{"text":"Iranian nuclear sites","code":"IRN".*"cameo":"19.*"plover":"ASSAULT"' "$TMP/out"
# -j N: the example articles on 1 and 3 threads give byte-identical output
# (JSON Lines, and GDELT rows, whose ids run across documents)
for to in jsonl gdelt; do
  "$SITREP" code --to $to -j 1 "$SRC/examples/articles" >"$TMP/j1.$to" 2>/dev/null
  "$SITREP" code --to $to -j 3 "$SRC/examples/articles" >"$TMP/j3.$to" 2>/dev/null
  [ -s "$TMP/j1.$to" ] || fail "-j 1 --to $to coded no event in the example articles"
  cmp -s "$TMP/j1.$to" "$TMP/j3.$to" || fail "-j 3 --to $to output differs from -j 1"
done
# GDELT ids are 1, 2, 3 ... in output order
awk -F'\t' '$1 != NR { bad = 1 } END { exit bad }' "$TMP/j3.gdelt" || fail "GDELT ids are not 1..N in order"
expect_status 2 "$SITREP" code -j 0 "$TMP/in.txt"
expect_grep '\-j wants a number' "$TMP/err"
# a model that does not exist: a clear message naming it, exit 1
expect_status 1 "$SITREP" code --model "$TMP/none.srm" "$TMP/in.txt"
expect_grep 'none\.srm.*cannot open the model' "$TMP/err"
# the same through the environment
SITREP_MODEL="$TMP/none.srm" expect_status 1 "$SITREP" code "$TMP/in.txt"
expect_grep 'none\.srm' "$TMP/err"
# article JSON in news-please's shape, detected; --format json and its old
# spelling --input jsonl give the same events; --format text overrides the
# detection (the JSON is then one text article, no longer the document np1)
cat > "$TMP/np.json" <<'JSON'
{
  "date_publish": "2026-06-20 09:00:00",
  "maintext": "US forces struck Iranian nuclear sites on Sunday.",
  "source_domain": "news.example",
  "uuid": "np1"
}
JSON
expect_status 0 "$SITREP" code "$TMP/np.json"
expect_grep '"doc":"np1".*"source":\{"text":"US forces","code":"USAMIL"' "$TMP/out"
cp "$TMP/out" "$TMP/np.auto"
expect_status 0 "$SITREP" code --format json "$TMP/np.json"
cmp -s "$TMP/out" "$TMP/np.auto" || fail "code --format json differs from detection"
expect_status 0 "$SITREP" code --input jsonl "$TMP/np.json"
cmp -s "$TMP/out" "$TMP/np.auto" || fail "code --input jsonl differs from detection"
"$SITREP" code --format text "$TMP/np.json" >"$TMP/out" 2>"$TMP/err"
grep -q '"doc":"np1"' "$TMP/out" && fail "code --format text still read the JSON"
expect_status 2 "$SITREP" code --format xml "$TMP/np.json"
expect_grep "unknown format 'xml'" "$TMP/err"
"$SITREP" code --help | grep -q -- '--format F' || fail "code --help does not show --format"
finish
