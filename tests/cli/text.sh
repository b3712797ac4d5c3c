# text.sh — sitrep read and sitrep tokenize: article fields, sentences,
# tokens, running text, and sitrep eval tokenize on a hand-made treebank.
. "$(dirname "$0")/lib.bash"

printf 'Talks Resume in Oman\n\nBy Jane Doe\nWASHINGTON (Reuters) - The U.S. envoy didn\xe2\x80\x99t attend. Officials said talks would resume.\n[Photo: the envoy in Muscat]\nShare this\nTalks Resume in Oman\n' > "$TMP/article.txt"
expect_status 0 "$SITREP" read --tokens "$TMP/article.txt"
expect_grep '"title":"Talks Resume in Oman"' "$TMP/out"
expect_grep '"byline":"Jane Doe"' "$TMP/out"
expect_grep '"dateline":"WASHINGTON \(Reuters\)"' "$TMP/out"
expect_grep '"captions":\["Photo: the envoy in Muscat"\]' "$TMP/out"
expect_grep '"body":"The U.S. envoy didn’t attend. Officials said talks would resume."' "$TMP/out"
expect_grep '"sentences":\[\{"start":0,"end":31,"text":"The U.S. envoy didn’t attend."' "$TMP/out"
expect_grep '\{"start":32,"end":66,"text":"Officials said talks would resume."' "$TMP/out"
# a multiword token: did + n’t inside didn’t (offsets in bytes: ’ is 3),
# with its normalised form
expect_grep '"form":"did","start":15,"end":18,"mwt":\{"words":2,"start":15,"end":23,"form":"didn’t"\}' "$TMP/out"
expect_grep '"form":"n’t","start":18,"end":23,"norm":"n'"'"'t"' "$TMP/out"
expect_grep '"paragraphs":\[\{"start":0,"end":66\}\]' "$TMP/out"

# tokenize: running text, no article rules; CoNLL-U with ranges
expect_status 0 "$SITREP" tokenize "$TMP/article.txt"
expect_grep '^# text = Talks Resume in Oman$' "$TMP/out"
expect_grep '^# text = By Jane Doe$' "$TMP/out"
expect_grep '^# text = WASHINGTON \(Reuters\) -$' "$TMP/out"
expect_grep '^4-5	didn’t	' "$TMP/out"
expect_grep '^4	did	' "$TMP/out"
expect_grep '^5	n’t	' "$TMP/out"
[ "$(grep -c '^# sent_id' "$TMP/out")" -eq 8 ] || fail "tokenize: wanted 8 sentences, got $(grep -c '^# sent_id' "$TMP/out")"
printf 'Mr. Smith arrived. He left.\n' | "$SITREP" tokenize > "$TMP/out" 2>"$TMP/err" || fail "tokenize from stdin failed"
expect_grep '^# text = Mr. Smith arrived.$' "$TMP/out"
expect_grep '^# text = He left.$' "$TMP/out"

# directories are read recursively, in name order; --count
mkdir -p "$TMP/dir/sub"
printf 'One. Two.\n' > "$TMP/dir/a.txt"
printf 'Three.\n' > "$TMP/dir/sub/b.txt"
expect_status 0 "$SITREP" read --count "$TMP/dir"
expect_grep '^\{"documents":2,"paragraphs":2,"sentences":3,"words":6,"body_bytes":15\}$' "$TMP/out"

# eval tokenize: a two-sentence treebank that sitrep splits exactly
cat > "$TMP/gold.conllu" <<'CONLLU'
# newdoc id = d1
# newpar
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# text = Go home
1	Go	go	VERB	VB	_	0	root	_	_
2	home	home	ADV	RB	_	1	advmod	_	_

CONLLU
expect_status 0 "$SITREP" eval tokenize "$TMP/gold.conllu"
expect_grep '^Tokens +\| +100.00 \| +100.00 \| +100.00 \|' "$TMP/out"
expect_grep '^Words +\| +100.00 \| +100.00 \| +100.00 \|' "$TMP/out"
# the two sentences are one paragraph with no final mark on the second:
# sitrep keeps them apart only at the full stop
expect_grep '^Sentences +\| +100.00 \|' "$TMP/out"
expect_status 0 "$SITREP" eval conllu "$TMP/gold.conllu" "$TMP/gold.conllu"
expect_grep '^LAS +\| +100.00 \| +100.00 \| +100.00 \| +100.00$' "$TMP/out"
printf '1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n\n' > "$TMP/other.conllu"
expect_status 1 "$SITREP" eval conllu "$TMP/gold.conllu" "$TMP/other.conllu"
expect_grep 'other.conllu: its text differs' "$TMP/err"
expect_status 2 "$SITREP" eval conllu "$TMP/gold.conllu"
# a plain-text file named for its date carries that date; --date does not
# override it, and a name that is no valid date gives none
printf 'Talks resumed.\n' > "$TMP/2026-01-30-talks.txt"
printf 'Talks resumed.\n' > "$TMP/2026-02-30-talks.txt"
expect_status 0 "$SITREP" read --date 2020-05-05 "$TMP/2026-01-30-talks.txt" "$TMP/2026-02-30-talks.txt"
expect_grep '2026-01-30-talks.txt.*"published":"2026-01-30"' "$TMP/out"
expect_grep '2026-02-30-talks.txt.*"published":"2020-05-05"' "$TMP/out"
finish
