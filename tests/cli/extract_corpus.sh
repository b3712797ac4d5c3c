# extract_corpus.sh — body extraction on the article-extraction benchmark
# (91 real pages): F1 must stay at or above 0.95 (recorded figure in
# docs/benchmarks.md). Skips when ../shared is absent.
. "$(dirname "$0")/lib.bash"
need_shared corpora/article-extraction-benchmark

expect_status 0 "$SITREP" eval extract "$SHARED/corpora/article-extraction-benchmark"
expect_grep '^pages: 91$' "$TMP/out"
f1=$(sed -n 's/^F1: //p' "$TMP/out")
awk -v f="$f1" 'BEGIN { exit !(f >= 0.95) }' || fail "F1 $f1 below 0.95"
finish
