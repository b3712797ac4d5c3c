# ingest_meta.sh — HTML metadata on the shared gold corpora: the scores of
# `sitrep eval metadata` must not fall below floors a little under the
# figures recorded in docs/benchmarks.md, and `sitrep read` shows the same
# fields for one page.
. "$(dirname "$0")/lib.bash"
need_shared corpora/htmldate-mediacloud
need_shared corpora/trafilatura-eval

# score NAME FILE: the fraction printed on the line starting with NAME
score() { awk -v n="$1" 'index($0, n) == 1 { for (i = 1; i <= NF; i++) if ($i ~ /^[01]\.[0-9]+$/) { print $i; exit } }' "$2"; }
# at_least NAME FLOOR FILE
at_least() {
  local got; got=$(score "$1" "$3")
  [ -n "$got" ] || { fail "no '$1' score in $3"; return; }
  awk -v g="$got" -v f="$2" 'BEGIN { exit !(g + 0 >= f + 0) }' || fail "$1: $got < $2"
}

expect_status 0 "$SITREP" eval metadata "$SHARED/corpora/htmldate-mediacloud"
cp "$TMP/out" "$TMP/mediacloud"
at_least "date" 0.83 "$TMP/mediacloud"

expect_status 0 "$SITREP" eval metadata "$SHARED/corpora/trafilatura-eval"
cp "$TMP/out" "$TMP/traf"
at_least "title (exact)" 0.87 "$TMP/traf"
at_least "date" 0.88 "$TMP/traf"
at_least "author (in byline)" 0.82 "$TMP/traf"

# a missing corpus folder is an error, named
expect_status 1 "$SITREP" eval metadata "$TMP/nowhere"
expect_grep 'nowhere' "$TMP/err"

# one page through `sitrep read`: the metadata fields are filled
page="$SHARED/corpora/trafilatura-eval/html/lemire.me.json.html.gz"
expect_status 0 "$SITREP" read --format html "$page"
expect_grep '"title":"JSON parsing: simdjson vs. JSON for Modern C\+\+"' "$TMP/out"
expect_grep '"published":"2019-08-02' "$TMP/out"
expect_grep '"lang":"en"' "$TMP/out"
finish
