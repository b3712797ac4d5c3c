# html.sh — `sitrep read` on HTML pages: a gzipped page, format detection,
# and a binary file among good pages.
. "$(dirname "$0")/lib.bash"

cat > "$TMP/page.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="windows-1252"><title>Talks resume</title></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Talks resume</h1>
<p>Negotiators met in Muscat on Monday, the first direct talks in more than a year, officials said.</p>
<figure><img src="a.jpg"><figcaption>Delegates arrive in Muscat.</figcaption></figure>
<p>The minister called the meeting constructive, and said a second round would follow soon.</p>
</article>
<footer><p>Copyright 2026 The Daily Example. All rights reserved.</p></footer>
</body></html>
HTML
gzip -c "$TMP/page.html" > "$TMP/page.html.gz"

expect_status 0 "$SITREP" read --format html "$TMP/page.html.gz"
[ "$(wc -l < "$TMP/out")" -eq 1 ] || fail "wanted one JSON line: $(cat "$TMP/out")"
expect_grep '"format":"html"' "$TMP/out"
expect_grep '"body":"Negotiators met in Muscat on Monday, the first direct talks in more than a year, officials said.\\n\\nThe minister called the meeting constructive, and said a second round would follow soon."' "$TMP/out"
expect_grep '"captions":\["Delegates arrive in Muscat."\]' "$TMP/out"

# detected from content, whatever the name
cp "$TMP/page.html" "$TMP/page.txt"
expect_status 0 "$SITREP" read "$TMP/page.txt"
expect_grep '"format":"html"' "$TMP/out"

# a truncated gzip member: named on stderr, exit 1, what was read still read
{ for i in $(seq 1 3000); do echo "<p>Paragraph $i of a long page, with a comma, and a full stop $((i * 7919 % 10007)).</p>"; done; } > "$TMP/long.html"
gzip -c "$TMP/long.html" | head -c 4000 > "$TMP/trunc.html.gz"
expect_status 1 "$SITREP" read --format html "$TMP/trunc.html.gz" "$TMP/page.html.gz"
expect_grep 'trunc.html.gz: truncated' "$TMP/err"
expect_grep '"body":"Paragraph 1 of a long page' "$TMP/out"
expect_grep 'Negotiators met in Muscat' "$TMP/out"

# a binary file given as HTML: named on stderr, exit 1, the good page still read
{ printf '\177ELF\2\1\1'; head -c 4000 /dev/zero; } > "$TMP/binary.html"
expect_status 1 "$SITREP" read --format html "$TMP/binary.html" "$TMP/page.html.gz"
expect_grep 'binary.html' "$TMP/err"
expect_grep 'Negotiators met in Muscat' "$TMP/out"
finish
