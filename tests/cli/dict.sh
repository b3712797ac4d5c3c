# dict.sh — `sitrep dict check|stats`: the shipped dictionaries pass, and a
# malformed file is reported with file, line and reason (exit 1).
. "$(dirname "$0")/lib.bash"

expect_status 0 "$SITREP" dict --help
expect_grep 'usage: sitrep dict check' "$TMP/out"
expect_status 2 "$SITREP" dict
expect_status 2 "$SITREP" dict frobnicate

# the shipped knowledge base is clean
expect_status 0 "$SITREP" dict check "$SRC/data/dict"
expect_grep 'problem\(s\)' "$TMP/err"
expect_status 0 "$SITREP" dict stats "$SRC/data/dict"
expect_grep '^country +[0-9]+' "$TMP/out"

# a file with mistakes: each reported, exit 1, the good entries still count
cat > "$TMP/bad.txt" <<'DICT'
sector GOV government
country ISR Israel
actor ISRGVO Israeli cabinet
person Jane Doe
  role ISRGOV 2020..2022
  role ISRGOV 2021..
pred 042 visits obj:T
pred 042 visit obj:T
pred 043 visit obj:T
DICT
expect_status 1 "$SITREP" dict check "$TMP/bad.txt"
expect_grep 'bad.txt:3: .*GVO' "$TMP/err"
expect_grep 'bad.txt:6: role ISRGOV .* overlaps' "$TMP/err"
expect_grep 'bad.txt:7: .*third-person form' "$TMP/err"
expect_grep 'bad.txt:9: conflict: pattern' "$TMP/err"
expect_grep 'bad.txt:8: conflict: pattern' "$TMP/err"

# compile: the shipped dictionaries compile; a file with problems is refused
expect_status 0 "$SITREP" dict compile -o "$TMP/own.srd" "$SRC/data/dict"
[ -s "$TMP/own.srd" ] || fail "compile wrote nothing"
expect_status 1 "$SITREP" dict compile -o "$TMP/bad.srd" "$TMP/bad.txt"
expect_grep 'not compiled' "$TMP/err"
[ ! -e "$TMP/bad.srd" ] || fail "a dictionary with problems was compiled"

# a missing path is named, exit 1
expect_status 1 "$SITREP" dict check "$TMP/missing.txt"
expect_grep 'missing.txt' "$TMP/err"
finish
