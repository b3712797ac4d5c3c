# commands.sh — the sitrep command's subcommands, help and exit statuses.
. "$(dirname "$0")/lib.bash"

expect_status 0 "$SITREP" --version
expect_grep '^sitrep [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out"
expect_status 0 "$SITREP" help
expect_grep 'read' "$TMP/out"
expect_status 0 "$SITREP" read --help
expect_grep 'usage: sitrep read' "$TMP/out"
expect_status 0 "$SITREP" help tokenize
expect_grep 'usage: sitrep tokenize' "$TMP/out"
expect_status 2 "$SITREP"
expect_status 2 "$SITREP" no-such-command
expect_status 2 "$SITREP" read --no-such-option
expect_status 2 "$SITREP" read --format nonsense
expect_status 2 "$SITREP" read --date 2026-13-01

# a missing path: exit 1, named on stderr, the other inputs still read
printf 'One sentence here.\n' > "$TMP/a.txt"
expect_status 1 "$SITREP" read "$TMP/missing.txt" "$TMP/a.txt"
expect_grep 'missing.txt' "$TMP/err"
expect_grep '"body":"One sentence here."' "$TMP/out"

# stdin, and --date
printf 'From stdin.\n' | "$SITREP" read --date 2026-01-30 >"$TMP/out" 2>"$TMP/err" || fail "stdin read failed"
expect_grep '"path":"-"' "$TMP/out"
expect_grep '"published":"2026-01-30"' "$TMP/out"
finish
