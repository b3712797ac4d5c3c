#!/usr/bin/env bash
# text-speed.sh — speed of read + normalise + segment + tokenise on plain
# text, as CPU time on one core.
#
# Builds a corpus of plain-text articles in a temporary folder (never in the
# repository): every document of the EWT treebank (train + dev, rebuilt
# from its "# text" / "# newpar" comments: weblogs, news groups, e-mail,
# reviews; twenty documents to a file of about 40 KB) and the three seed
# articles, copied COPIES times. Then runs `sitrep read --count` over it and prints MB/s of
# user + system CPU time.
#
# usage: bench/text-speed.sh [SITREP] [COPIES]   (default build/release/sitrep, 40)
set -euo pipefail
cd "$(dirname "$0")/.."
sitrep=${1:-build/release/sitrep}
copies=${2:-40}
shared=${SITREP_SHARED:-../shared}
ewt=$shared/corpora/ud-english-ewt
[ -d "$ewt" ] || { echo "text-speed: $ewt is absent" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/one"
# EWT documents, 20 to a file (a file of plain text is one document to
# sitrep; paragraphs are separated by blank lines)
awk -v dir="$tmp/one" '
  /^# newdoc/ { if (docs++ % 20 == 0) { if (out) close(out); out = sprintf("%s/ewt-%05d.txt", dir, ++n) }
                else print "" > out; first = 1; next }
  /^# newpar/ { if (out && !first) print "" > out; next }
  /^# text = / { if (!out) out = sprintf("%s/ewt-%05d.txt", dir, ++n);
                 print substr($0, 10) > out; first = 0 }
' "$ewt/en_ewt-ud-train.conllu" "$ewt/en_ewt-ud-dev.conllu"
cp "$shared"/samples/seeds/*.txt "$tmp/one/" 2>/dev/null || true
for i in $(seq 1 "$copies"); do
  mkdir -p "$tmp/c/$i"
  cp "$tmp/one/"* "$tmp/c/$i/"
done
bytes=$(cat "$tmp"/c/*/* | wc -c)
files=$(find "$tmp/c" -type f | wc -l)
# warm the page cache, then measure RUNS times: on a shared machine other
# processes slow a run down, so the fastest run is the figure (the median
# is printed beside it)
runs=${RUNS:-5}
"$sitrep" read --count --format text "$tmp/c" > "$tmp/count"
for r in $(seq 1 "$runs"); do
  /usr/bin/time -f "%U %S %M" -o "$tmp/time.$r" "$sitrep" read --count --format text "$tmp/c" > /dev/null
done
cat "$tmp"/time.* | awk -v b="$bytes" -v f="$files" -v c="$(cat "$tmp/count")" -v copies="$copies" '
  { cpu[NR] = $1 + $2; user[NR] = $1; sys[NR] = $2; if ($3 > m) m = $3 }
  END {
    n = NR
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
      if (cpu[j] < cpu[i]) { t = cpu[i]; cpu[i] = cpu[j]; cpu[j] = t }
    best = cpu[1]; med = cpu[int((n + 1) / 2)]
    printf "corpus: %d files, %.1f MB (EWT train+dev documents and the seeds, x%d)\n", f, b / 1e6, copies
    printf "totals: %s\n", c
    printf "cpu (user+system) over %d runs: fastest %.2f s, median %.2f s; max RSS %.1f MB\n", n, best, med, m / 1024
    printf "speed: %.1f MB/s per core (fastest run), %.1f MB/s (median)\n", b / 1e6 / best, b / 1e6 / med
  }'
