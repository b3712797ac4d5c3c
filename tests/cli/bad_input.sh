# bad_input.sh — bad inputs get one clear message each, naming the file and
# the problem; the good inputs around them are still read; nothing crashes
# (this runs under the sanitizers too).
. "$(dirname "$0")/lib.bash"

d=$TMP/in
mkdir -p "$d/dir"
printf 'Good one. Still good.\n' > "$d/a-good.txt"
printf 'caf\xe9 and \xff\xfe bytes.\n' > "$d/b-badutf8.txt"
printf 'before\0after. More\0.\n' > "$d/c-nul.txt"
: > "$d/d-empty.txt"
printf '   \n\n \t\n' > "$d/e-blank.txt"
# a binary file: every byte value, a few times over
for i in 1 2 3 4; do for b in $(seq 0 255); do printf "\\$(printf %03o "$b")"; done; done > "$d/f-binary.bin"
# a directory with entries that cannot be read: a dangling symbolic link,
# a FIFO, and (when not running as root) a file without read permission
printf 'Inside the directory.\n' > "$d/dir/good.txt"
ln -s "$d/nowhere" "$d/dir/dangling.txt"
mkfifo "$d/dir/fifo"
printf 'Secret.\n' > "$d/dir/secret.txt"
chmod 000 "$d/dir/secret.txt"

expect_status 1 "$SITREP" read "$d/a-good.txt" "$d/b-badutf8.txt" "$d/c-nul.txt" \
  "$d/d-empty.txt" "$d/e-blank.txt" "$d/f-binary.bin" "$d/dir" "$d/missing.txt"
cp "$TMP/out" "$TMP/read.out"
cp "$TMP/err" "$TMP/read.err"
# one message per bad input, each naming its file and the problem
expect_grep 'b-badutf8.txt: warning: 3 invalid UTF-8 or NUL bytes replaced by U\+FFFD' "$TMP/read.err"
expect_grep 'c-nul.txt: warning: 2 invalid UTF-8 or NUL bytes replaced by U\+FFFD' "$TMP/read.err"
expect_grep 'd-empty.txt: warning: empty file; no document' "$TMP/read.err"
expect_grep 'e-blank.txt: warning: only white space; no document' "$TMP/read.err"
expect_grep 'f-binary.bin: looks like a binary file' "$TMP/read.err"
expect_grep 'dangling.txt: cannot read: No such file or directory' "$TMP/read.err"
expect_grep 'fifo: not a regular file; skipped' "$TMP/read.err"
expect_grep 'missing.txt: cannot read: No such file or directory' "$TMP/read.err"
if [ "$(id -u)" -ne 0 ]; then
  expect_grep 'secret.txt: cannot read: Permission denied' "$TMP/read.err"
fi
for f in b-badutf8 c-nul d-empty e-blank f-binary dangling fifo missing; do
  n=$(grep -c "$f" "$TMP/read.err")
  [ "$n" -eq 1 ] || fail "$f: $n messages, wanted one"
done
# the good inputs (and the repaired ones) are all there
expect_grep '"body":"Good one. Still good."' "$TMP/read.out"
expect_grep '"body":"caf� and �� bytes."' "$TMP/read.out"
expect_grep '"bad_bytes":3' "$TMP/read.out"
expect_grep '"body":"before�after. More�."' "$TMP/read.out"
expect_grep '"body":"Inside the directory."' "$TMP/read.out"
[ "$(wc -l < "$TMP/read.out")" -ge 4 ] || fail "some good documents were lost"

# the same through tokenize
expect_status 1 "$SITREP" tokenize "$d/a-good.txt" "$d/f-binary.bin" "$d/missing.txt"
expect_grep '^# text = Good one.$' "$TMP/out"
expect_grep 'f-binary.bin: looks like a binary file' "$TMP/err"

# a 50 MB file on a single line: read whole, counted, no crash
awk 'BEGIN { s = "The minister said on Friday that talks would resume in Oman, officials said. ";
             while (n < 50000000) { printf "%s", s; n += length(s) } }' > "$TMP/big.txt"
expect_status 0 "$SITREP" read --count "$TMP/big.txt"
expect_grep '^\{"documents":1,"paragraphs":1,"sentences":649351,"words":9740265,"body_bytes":50000026\}$' "$TMP/out"
expect_status 0 "$SITREP" tokenize "$TMP/big.txt"
rm -f "$TMP/big.txt" "$TMP/out"
finish
