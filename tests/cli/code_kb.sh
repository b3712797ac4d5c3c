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
# wire copy (tests/data/kb-wire.conllu, the parses checked by hand): verb
# defaults and constructions of the knowledge base
W="$SRC/tests/data/kb-wire.conllu"
expect_status 0 "$SITREP" code --input conllu --date 1998-01-01 "$W"
# "freed" a person is a release (0841), not a grant of rights (0833)
expect_grep '"text":"Iran freed two Israeli soldiers\.".*"cameo":"0841"' "$TMP/out"
# workers' strike against the government: 143, and no air strike besides
expect_grep '"text":"Iranian workers staged.*"target":\{"text":"the government","code":"IRNGOV".*"cameo":"143"' "$TMP/out"
if grep -q '"text":"Iranian workers staged.*"cameo":"195"' "$TMP/out"; then
  fail "a workers' strike was coded as an air strike"
fi
# a bare "mobilised" is of forces (154), standing without a target
expect_grep '"text":"Iraq mobilised on Monday\.".*"code":"---".*"cameo":"154"' "$TMP/out"
# an appeal on a pattern stands without a target
expect_grep '"text":"Iran called for calm\.".*"code":"---".*"plover":"REQUEST"' "$TMP/out"
# "clashed with" an actor, no issue named: force (190)
expect_grep '"text":"Iraq clashed with Iran\.".*"cameo":"190"' "$TMP/out"
# one side's exercises show its force (150), not military cooperation (062)
expect_grep '"text":"Iran staged naval exercises in the Gulf\.".*"code":"---".*"cameo":"150"' "$TMP/out"
if grep -q '"text":"Iran staged naval exercises in the Gulf\.".*"cameo":"062"' "$TMP/out"; then
  fail "one side's exercises were coded as military cooperation"
fi
# firing at something no actor names: small arms (193), not a dismissal (172)
expect_grep '"text":"Iraqi gunners fired at allied jets\.".*"cameo":"193"' "$TMP/out"
# artillery is an armed force: the country's military (RUSMIL), not the state
expect_grep '"text":"Russian artillery shelled Grozny\.".*"source":\{"text":"Russian artillery","code":"RUSMIL"' "$TMP/out"
# the verbs' own codes (every one-sided event): fought 190, objected 110
expect_status 0 "$SITREP" code --input conllu --date 1998-01-01 --no-dyad "$W"
expect_grep '"text":"Iraq fought on Monday\.".*"cameo":"190"' "$TMP/out"
expect_grep '"text":"Russia objected on Monday\.".*"cameo":"110"' "$TMP/out"
finish
