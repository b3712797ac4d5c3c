# code_kb.sh — `sitrep code` with the shipped knowledge base (no dictionary
# options), on sentences given with their parse (tests/data/kb-sentences.conllu,
# written by hand in UD v2): the codes the knowledge base must give.
. "$(dirname "$0")/lib.bash"

IN="$SRC/tests/data/kb-sentences.conllu"
expect_status 0 "$SITREP" code --input conllu --date 2026-01-30 --no-dyad "$IN"
# "A US fighter jet shot down an Iranian drone": USAMIL 195 IRNMIL
expect_grep '"source":\{"text":"A US fighter jet","code":"USAMIL".*"target":\{"text":"an Iranian drone","code":"IRNMIL".*"cameo":"195".*"plover":"ASSAULT"' "$TMP/out"
# "Trump urged restraint." on 2026-01-30: USAGOV, appeal for de-escalation
expect_grep '"source":\{"text":"Trump","code":"USAGOV".*"cameo":"0256"' "$TMP/out"
# "would not permit US strikes": a refusal (REJECT), the negation consumed
expect_grep '"cameo":"1212".*"plover":"REJECT".*"negated":false' "$TMP/out"
# a pronoun is never an actor: "attacked us" has no USA target
if grep -q '"text":"Iran attacked us\.".*"code":"USA"' "$TMP/out"; then
  fail "'us' was coded as the United States"
fi
expect_grep '"target":\{"text":"US forces","code":"USAMIL"' "$TMP/out"
# the same sentence before Trump's second term: USAELI
expect_status 0 "$SITREP" code --input conllu --date 2022-06-01 --no-dyad "$IN"
expect_grep '"source":\{"text":"Trump","code":"USAELI".*"cameo":"0256"' "$TMP/out"
finish
