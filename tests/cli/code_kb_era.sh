# code_kb_era.sh — the shipped knowledge base on the actors of 1985-2008 wire
# copy, end to end from raw text (simple sentences any sound model parses):
# people known only by name on their dates, groups and bodies of the era,
# and "Croat" during and outside the Croat-Muslim war in Bosnia.
. "$(dirname "$0")/lib.bash"

printf '%s\n' "Margaret Thatcher accused Argentina of aggression." \
  "Jewish settlers attacked a Palestinian village." \
  "UNPROFOR accused the Bosnian Serbs of shelling Sarajevo." >"$TMP/in.txt"
expect_status 0 "$SITREP" code --date 1988-03-01 "$TMP/in.txt"
# a head of government named without her title: GBRGOV in 1988
expect_grep '"source":\{"text":"Margaret Thatcher","code":"GBRGOV".*"target":\{"text":"Argentina","code":"ARG"' "$TMP/out"
# settlers are their own country's (ISRSET), not the West Bank's
expect_grep '"source":\{"text":"Jewish settlers","code":"ISRSET"' "$TMP/out"
# the UN's Bosnian mission is the UN
expect_grep '"source":\{"text":"UNPROFOR","code":"IGOUNO"' "$TMP/out"
# the same name after her years in office: a former office-holder (ELI)
expect_status 0 "$SITREP" code --date 1995-03-01 "$TMP/in.txt"
expect_grep '"source":\{"text":"Margaret Thatcher","code":"GBRELI"' "$TMP/out"

printf '%s\n' "Croat forces shelled the town of Mostar." >"$TMP/croat.txt"
# in the Croat-Muslim war (1993): the Bosnian Croats
expect_status 0 "$SITREP" code --date 1993-06-01 "$TMP/croat.txt"
expect_grep '"source":\{"text":"Croat forces","code":"BIHSEPMIL"' "$TMP/out"
# in Croatia's own war (1991): Croatia's forces
expect_status 0 "$SITREP" code --date 1991-10-01 "$TMP/croat.txt"
expect_grep '"source":\{"text":"Croat forces","code":"HRVMIL"' "$TMP/out"

# an act of the other side welcomed is praise (051); a state welcomed, a
# visit hosted (043)
printf '%s\n' "Britain welcomed Libya's offer to hand over the suspects." \
  "Egypt welcomed Israel's withdrawal from southern Lebanon." \
  "Egypt welcomed Israel's prime minister." >"$TMP/welcome.txt"
expect_status 0 "$SITREP" code --date 1999-03-01 "$TMP/welcome.txt"
expect_grep '"source":\{"text":"Britain","code":"GBR".*"target":\{"text":"Libya'"'"'s offer","code":"LBY".*"cameo":"051"' "$TMP/out"
expect_grep '"text":"Egypt welcomed Israel'"'"'s withdrawal.*"cameo":"051"' "$TMP/out"
expect_grep '"text":"Egypt welcomed Israel'"'"'s prime minister\.".*"cameo":"043"' "$TMP/out"
if grep -q '"text":"Egypt welcomed Israel'"'"'s withdrawal.*"cameo":"043"' "$TMP/out"; then
  fail "a withdrawal welcomed was coded as a visit hosted"
fi
# an extradition "to" a state is judicial cooperation with that state (063)
printf '%s\n' "Colombia extradited the drug lord to the United States." >"$TMP/extradite.txt"
expect_status 0 "$SITREP" code --date 1999-03-01 "$TMP/extradite.txt"
expect_grep '"source":\{"text":"Colombia","code":"COL".*"target":\{"text":"the United States","code":"USA".*"cameo":"063"' "$TMP/out"
finish
