# lib.bash — helpers for the command-line tests (sourced, not a test itself).
# Every test script gets: $1 the sitrep binary, $2 the source tree, $3 the
# shared corpora folder.
SITREP=$1
SRC=$2
SHARED=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures+1)); }
# expect_status WANT CMD...: run CMD, compare its exit status.
expect_status() {
  local want=$1; shift
  "$@" >"$TMP/out" 2>"$TMP/err"; local got=$?
  [ "$got" -eq "$want" ] || fail "'$*' exited $got, wanted $want; stderr: $(head -c 300 "$TMP/err")"
}
# expect_grep PATTERN FILE: the file has a line matching the pattern.
expect_grep() { grep -qE -- "$1" "$2" || fail "no line matching /$1/ in $2: $(head -c 300 "$2")"; }
need_shared() { [ -d "$SHARED/$1" ] || { echo "SKIPPED: $SHARED/$1 is absent"; exit 77; }; }
finish() { [ "$failures" -eq 0 ] && echo "ok" || { echo "$failures failure(s)"; exit 1; }; }
