# parse.sh — `sitrep train` and `sitrep parse`: a tiny model trained here,
# tokenised input kept as given (multiword tokens included), bad models and
# bad CoNLL-U reported with file and line, the shipped model on plain text.
. "$(dirname "$0")/lib.bash"
TINY="$SRC/tests/data/tiny.conllu"

# train a tiny model (a second after a handful of sentences)
expect_status 0 "$SITREP" train -q --folds 1 --min-count 1 --seed 3 -o "$TMP/tiny.srm" "$TINY"
[ -s "$TMP/tiny.srm" ] || fail "no model written"
expect_status 2 "$SITREP" train "$TINY"                       # no -o
expect_status 2 "$SITREP" train -o "$TMP/x.srm"               # no treebank
expect_status 2 "$SITREP" train --folds 0 -o "$TMP/x.srm" "$TINY"
expect_status 1 "$SITREP" train -q -o "$TMP/x.srm" "$TMP/no-such.conllu"
expect_grep 'no-such.conllu' "$TMP/err"

# --tokenized keeps sentences, words and multiword tokens, fills the rest
expect_status 0 "$SITREP" parse --model "$TMP/tiny.srm" --tokenized "$TINY"
cp "$TMP/out" "$TMP/parsed.conllu"
expect_grep "^4-5	didn't	_	_	_	_	_	_	_	_$" "$TMP/parsed.conllu"
expect_grep "^4	did	do	AUX	VBD	[^	]+	6	aux	" "$TMP/parsed.conllu"
expect_grep "^5	n't	not	PART	RB	Polarity=Neg	6	advmod	" "$TMP/parsed.conllu"
expect_grep "^2	were	be	AUX	VBD	.*	3	aux:pass	" "$TMP/parsed.conllu"
expect_grep "^7	envoys	envoy	NOUN	NNS	Number=Plur	4	obl:agent	" "$TMP/parsed.conllu"
expect_grep "^# text = Iran said it didn't want talks.$" "$TMP/parsed.conllu"
# same word lines (ids and forms) as the input, every head and label filled
diff <(grep -v '^#' "$TINY" | cut -f1,2) <(grep -v '^#' "$TMP/parsed.conllu" | cut -f1,2) >/dev/null \
  || fail "--tokenized changed the words"
if grep -v '^#' "$TMP/parsed.conllu" | grep -v '^$' | grep -v '^[0-9]*-' | awk -F'\t' '$7=="_" || $8=="_" || $4=="_"' | grep -q .; then
  fail "a word was left without tag, head or label"
fi
# output is deterministic
"$SITREP" parse --model "$TMP/tiny.srm" --tokenized "$TINY" | cmp -s - "$TMP/parsed.conllu" || fail "two runs differ"

# -j N: the same output, in the same order, as -j 1, for many short
# documents (each file of tiny.conllu's sentences under its own newdoc) and
# for one long document (the same without newdoc lines: thousands of words,
# many blocks of sentences)
for i in $(seq 1 60); do sed "s/^# newdoc id = tiny$/# newdoc id = tiny$i/" "$TINY"; done > "$TMP/many.conllu"
grep -v '^# newdoc' "$TMP/many.conllu" > "$TMP/one.conllu"
for f in many one; do
  expect_status 0 "$SITREP" parse --model "$TMP/tiny.srm" --tokenized "$TMP/$f.conllu"
  cp "$TMP/out" "$TMP/$f.j1"
  [ "$(grep -c '^# sent_id' "$TMP/$f.j1")" -eq "$(grep -c '^# sent_id' "$TMP/$f.conllu")" ] || fail "$f: sentences lost"
  for j in 2 3; do
    expect_status 0 "$SITREP" parse -j "$j" --model "$TMP/tiny.srm" --tokenized "$TMP/$f.conllu"
    cmp -s "$TMP/out" "$TMP/$f.j1" || fail "$f: parse -j $j differs from -j 1"
  done
done
[ "$(grep -c '^# newdoc' "$TMP/many.j1")" -eq 60 ] || fail "many.conllu: not 60 documents"
# plain text: one long document
for i in $(seq 1 300); do printf 'The army shot down drone number %d near the border. ' "$i"; done > "$TMP/long.txt"
expect_status 0 "$SITREP" parse --model "$TMP/tiny.srm" "$TMP/long.txt"
cp "$TMP/out" "$TMP/long.j1"
expect_status 0 "$SITREP" parse --jobs 2 --model "$TMP/tiny.srm" "$TMP/long.txt"
cmp -s "$TMP/out" "$TMP/long.j1" || fail "plain text: parse --jobs 2 differs from -j 1"
expect_status 2 "$SITREP" parse -j 0 --model "$TMP/tiny.srm" "$TMP/long.txt"
expect_status 2 "$SITREP" parse -j two --model "$TMP/tiny.srm" "$TMP/long.txt"

# plain text through the whole pipeline
printf 'The army shot down a drone.\n' > "$TMP/a.txt"
expect_status 0 "$SITREP" parse --model "$TMP/tiny.srm" "$TMP/a.txt"
expect_grep '^3	shot	shoot	VERB	VBD	.*	0	root	' "$TMP/out"

# missing, truncated, corrupted models: exit 1, the file named
expect_status 1 "$SITREP" parse --model "$TMP/missing.srm" "$TMP/a.txt"
expect_grep 'missing.srm' "$TMP/err"
head -c 1000 "$TMP/tiny.srm" > "$TMP/trunc.srm"
expect_status 1 "$SITREP" parse --model "$TMP/trunc.srm" "$TMP/a.txt"
expect_grep 'trunc.srm: .*truncated' "$TMP/err"
cp "$TMP/tiny.srm" "$TMP/bad.srm"
size=$(stat -c %s "$TMP/bad.srm")
printf '\x55\xaa' | dd of="$TMP/bad.srm" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
expect_status 1 "$SITREP" parse --model "$TMP/bad.srm" "$TMP/a.txt"
expect_grep 'bad.srm: .*corrupted' "$TMP/err"
printf 'not a model\n' > "$TMP/text.srm"
expect_status 1 "$SITREP" parse --model "$TMP/text.srm" "$TMP/a.txt"
expect_grep 'text.srm' "$TMP/err"

# malformed CoNLL-U: each bad sentence reported with file and line and
# skipped, the good ones parsed
{
  printf '# sent_id = good1\n1\tHello\t_\t_\t_\t_\t_\t_\t_\t_\n\n'
  printf '# sent_id = columns\n1\tToo\t_\t_\n\n'
  printf '# sent_id = ids\n1\tBad\t_\t_\t_\t_\t_\t_\t_\t_\n3\tids\t_\t_\t_\t_\t_\t_\t_\t_\n\n'
  printf '# sent_id = cycle\n1\tA\t_\t_\t_\t_\t2\tdep\t_\t_\n2\tB\t_\t_\t_\t_\t1\tdep\t_\t_\n\n'
  printf '# sent_id = good2\n1\tGoodbye\t_\t_\t_\t_\t_\t_\t_\t_\n\n'
} > "$TMP/bad.conllu"
expect_status 1 "$SITREP" parse --model "$TMP/tiny.srm" --tokenized "$TMP/bad.conllu"
expect_grep 'bad.conllu:5: expected 10 tab-separated columns' "$TMP/err"
expect_grep 'bad.conllu:9: word id 3 where 2 was expected' "$TMP/err"
expect_grep 'bad.conllu:12: heads form a cycle' "$TMP/err"
expect_grep '^# sent_id = good1$' "$TMP/out"
expect_grep '^# sent_id = good2$' "$TMP/out"
expect_grep '^1	Goodbye	' "$TMP/out"

# a sentence of 1500 words
{ for i in $(seq 1 1500); do printf '%d\tword\t_\t_\t_\t_\t_\t_\t_\t_\n' "$i"; done; printf '\n'; } > "$TMP/long.conllu"
expect_status 0 "$SITREP" parse --model "$TMP/tiny.srm" --tokenized "$TMP/long.conllu"
[ "$(awk -F'\t' '$7=="0"' "$TMP/out" | wc -l)" -eq 1 ] || fail "the long sentence has not exactly one root"

# the shipped model
if [ -f "$SRC/data/models/en_ewt.srm" ]; then
  printf 'Iran said it did not want talks. The envoys were expelled by the government.\n' > "$TMP/b.txt"
  expect_status 0 "$SITREP" parse "$TMP/b.txt"
  expect_grep '	Iran	Iran	PROPN	NNP	.*	nsubj	' "$TMP/out"
  expect_grep '	envoys	envoy	NOUN	NNS	Number=Plur	[0-9]+	nsubj:pass	' "$TMP/out"
  expect_grep '	government	government	NOUN	NN	Number=Sing	[0-9]+	obl:agent	' "$TMP/out"
  # unseen words: a suffix rule's result one letter off a known lemma
  # ("googl", "hott", "profil") is mended
  printf 'She was googling the hottest profiled cars.\n' > "$TMP/c.txt"
  expect_status 0 "$SITREP" parse "$TMP/c.txt"
  expect_grep '	googling	google	VERB	VBG	' "$TMP/out"
  expect_grep '	hottest	hot	ADJ	JJS	' "$TMP/out"
  expect_grep '	profiled	profile	VERB	VBN	' "$TMP/out"
else
  echo "shipped model absent: its check skipped"
fi
finish
