# code.sh — `sitrep code` and `sitrep eval petrarch`: output fields of every
# format, dictionaries and records read from files, bad input reported with
# the rest still coded, and (with ../shared) the validation suites.
. "$(dirname "$0")/lib.bash"

cat > "$TMP/verbs.txt" <<'V'
--- ATTACK [190] ---
ATTACK
- * (WITH DRONES) [195]

--- SAY [010] ---
SAY {SAID SAYS}
V
cat > "$TMP/actors.txt" <<'A'
ARNOR [ARN]
GONDOR [GON]
A
cat > "$TMP/agents.txt" <<'G'
SOLDIER [~MIL]
G
# two records: one well-formed, one with a parse line of 3 columns, and
# the second closed badly (a stray </Sentence>) -- the first still codes
cat > "$TMP/records.xml" <<'X'
<Sentences>
<Sentence id="R-1" date="20260128" category="DEMO" evaluate="true">
<EventCoding sourcecode="ARNMIL" targetcode="GON" eventcode="195"/>
<Text>Arnor soldiers attacked Gondor with drones, a spokesman said.</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	2	compound	_	_
2	soldiers	soldier	NOUN	NNS	_	3	nsubj	_	_
3	attacked	attack	VERB	VBD	_	0	root	_	_
4	Gondor	Gondor	PROPN	NNP	_	3	obj	_	_
5	with	with	ADP	IN	_	6	case	_	_
6	drones	drone	NOUN	NNS	_	3	obl	_	SpaceAfter=No
7	,	,	PUNCT	,	_	10	punct	_	_
8	a	a	DET	DT	_	9	det	_	_
9	spokesman	spokesman	NOUN	NN	_	10	nsubj	_	_
10	said	say	VERB	VBD	_	3	parataxis	_	SpaceAfter=No
11	.	.	PUNCT	.	_	3	punct	_	_
</Parse></Sentence>
<Sentence id="R-2" date="20260128" category="DEMO" evaluate="true"/>
<EventCoding noevents="True"/>
<Text>Broken &amp; parse.</Text>
<Parse>
1	Broken	broken
</Parse>
</Sentences>
X
dicts=(--verbs "$TMP/verbs.txt" --actors "$TMP/actors.txt" --agents "$TMP/agents.txt")

expect_status 1 "$SITREP" code --input petrarch --given-parse "${dicts[@]}" "$TMP/records.xml"
expect_grep 'columns' "$TMP/err"
expect_grep '"doc":"R-1"' "$TMP/out"
expect_grep '"source":\{"text":"Arnor soldiers","code":"ARNMIL","country":"ARN","sector":"MIL"' "$TMP/out"
expect_grep '"target":\{"text":"Gondor","code":"GON","country":"GON","sector":""' "$TMP/out"
expect_grep '"cameo":"195","root":"19","quad":4,"goldstein":-10.0,"plover":"ASSAULT"' "$TMP/out"
expect_grep '"predicate":\{"text":"attacked","lemma":"attack"\}' "$TMP/out"
expect_grep '"negated":false,"modality":"reported","attribution":"a spokesman"' "$TMP/out"
expect_grep '"date":"2026-01-28"' "$TMP/out"
expect_grep '"rule":"verbs.txt:3"' "$TMP/out"
[ "$(wc -l < "$TMP/out")" -eq 1 ] || fail "expected one event, got $(wc -l < "$TMP/out")"

# GDELT: 61 tab-separated columns; PLOVER JSON; --explain
"$SITREP" code --input petrarch --given-parse --to gdelt "${dicts[@]}" "$TMP/records.xml" >"$TMP/gdelt" 2>/dev/null
[ "$(awk -F'\t' '{print NF}' "$TMP/gdelt")" = 61 ] || fail "GDELT row has $(awk -F'\t' '{print NF}' "$TMP/gdelt") columns"
expect_grep '^1	20260128	202601	2026	' "$TMP/gdelt"
"$SITREP" code --input petrarch --given-parse --to plover "${dicts[@]}" "$TMP/records.xml" >"$TMP/plover" 2>/dev/null
expect_grep '"event":"ASSAULT"' "$TMP/plover"
expect_grep '"source":\[\{"actorText":"Arnor soldiers","code":"ARN","sector":"MIL"' "$TMP/plover"
"$SITREP" code --input petrarch --given-parse --explain "${dicts[@]}" "$TMP/records.xml" >"$TMP/expl" 2>/dev/null
expect_grep '"explain":"verb .attacked.*pattern verbs.txt:3.*source .soldiers. = word 2 -nsubj-> .attacked.' "$TMP/expl"

# CoNLL-U input
sed -n '/^1\t/,/^11\t/p' "$TMP/records.xml" | head -11 > "$TMP/s.conllu"
expect_status 0 "$SITREP" code --input conllu --date 2026-01-28 "${dicts[@]}" "$TMP/s.conllu"
expect_grep '"cameo":"195"' "$TMP/out"

# eval petrarch on the same file: R-1 right, R-2 (no parse) scored as no events
expect_status 0 "$SITREP" eval petrarch --given-parse --verbs "$TMP/verbs.txt" --actors "$TMP/actors.txt" --agents "$TMP/agents.txt" "$TMP/records.xml"
expect_grep '^total +2 +2 +100.0%' "$TMP/out"

# usage errors and bad dictionaries
expect_status 2 "$SITREP" code --to nonsense "${dicts[@]}"
expect_status 2 "$SITREP" code --input nonsense "${dicts[@]}"
expect_status 1 "$SITREP" code --verbs "$TMP/none.txt" "$TMP/records.xml"
expect_grep 'none.txt' "$TMP/err"
printf -- '--- X [010] ---\nX\n- * {BROKEN [010]\n' > "$TMP/bad.txt"
expect_status 1 "$SITREP" code --strict --verbs "$TMP/bad.txt" --actors "$TMP/actors.txt" "$TMP/records.xml"
expect_grep 'bad.txt:3' "$TMP/err"

# the validation suites of the corpora
if [ -d "$SHARED/corpora/UniversalPetrarch" ]; then
  V="$SHARED/corpora/UniversalPetrarch/UniversalPetrarch/validate"
  expect_status 0 "$SITREP" eval petrarch --given-parse --quiet "$V/PETR_Validate_records_2_02.xml"
  pct=$(awk '/^total/ {print int($4)}' "$TMP/out")
  [ "${pct:-0}" -ge 85 ] || fail "PETR_Validate_records_2_02 with given parses: $pct% < 85%"
  # the malformed GSR file: every record read, nothing lost
  P="$SHARED/corpora/petrarch2/petrarch2/data/dictionaries"
  "$SITREP" code --input petrarch --given-parse --verbs "$P/CAMEO.2.0.txt" \
      --actors "$P/Phoenix.Countries.actors.txt,$P/Phoenix.International.actors.txt,$P/Phoenix.MilNonState.actors.txt" \
      --agents "$P/Phoenix.agents.txt" "$SHARED/corpora/UniversalPetrarch/UniversalPetrarch/data/text/PETR2_GSR_validation.xml" \
      >"$TMP/gsr" 2>"$TMP/gsrerr" || fail "coding PETR2_GSR_validation.xml failed: $(head -c 300 "$TMP/gsrerr")"
  docs=$(grep -o '"doc":"[^"]*"' "$TMP/gsr" | sort -u | wc -l)
  [ "$docs" -ge 40 ] || fail "only $docs records of PETR2_GSR_validation.xml coded"
else
  echo "SKIPPED (corpus part): $SHARED/corpora/UniversalPetrarch is absent"
fi
finish
