#!/usr/bin/env bash
# syntax-speed.sh — speed of the syntax stage (tagging, lemmas, parsing,
# FEATS), model loading included, as CPU time (user + system) on one core.
#
# Input: about 1 MB of running text, the sentences of the EWT training
# treebank (204,577 words; the text is 1.0 MB), built in a temporary folder
# (never in the repository) in two forms:
#   tokenized  CoNLL-U with only ID, FORM and MISC: `sitrep parse --tokenized`
#              (reading CoNLL-U + syntax; this is the issue's figure)
#   text       the same sentences as plain text: `sitrep parse` (reading,
#              segmentation and tokenisation, then syntax)
# Prints words per second of CPU time for each, best of RUNS runs; then
# the wall-clock time of `parse --tokenized` with -j 1 and -j 2 (best of
# RUNS), whose ratio is how -j 2 scales on this machine (only meaningful
# when two cores are free: say the load average with the figures).
#
# usage: bench/syntax-speed.sh [SITREP] [MODEL] [RUNS]
#        (default build/release/sitrep, the shipped model, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
sitrep=${1:-build/release/sitrep}
model=${2:-data/models/en_ewt.srm}
runs=${3:-3}
shared=${SITREP_SHARED:-../shared}
ewt=$shared/corpora/ud-english-ewt
[ -d "$ewt" ] || { echo "syntax-speed: $ewt is absent" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

awk -F'\t' 'BEGIN { OFS = "\t" }
  /^#/ { next }
  NF == 10 { print $1, $2, "_", "_", "_", "_", "_", "_", "_", $10; next }
  { print }' "$ewt/en_ewt-ud-train.conllu" > "$tmp/tokenized.conllu"
awk '/^# newpar/ { print ""; next } /^# text = / { print substr($0, 10) }' \
  "$ewt/en_ewt-ud-train.conllu" > "$tmp/text.txt"
words=$(grep -cE '^[0-9]+	' "$tmp/tokenized.conllu")
bytes=$(wc -c < "$tmp/text.txt")
echo "input: $words words, $bytes bytes of text; model $model ($(wc -c < "$model") bytes)"

measure() {  # label, command...
  local label=$1 best=""; shift
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%U %S" -o "$tmp/time" "$@" > "$tmp/out"
    local t
    t=$(awk '{ printf "%.3f", $1 + $2 }' "$tmp/time")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  awk -v w="$words" -v t="$best" -v l="$label" \
    'BEGIN { printf "%-10s %.2f s CPU, %.0f words/s\n", l, t, w / t }'
}
measure tokenized "$sitrep" parse --model "$model" --tokenized "$tmp/tokenized.conllu"
measure text "$sitrep" parse --model "$model" "$tmp/text.txt"

measure_wall() {  # label, command...
  local label=$1 best=""; shift
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e" -o "$tmp/time" "$@" > "$tmp/out"
    local t
    t=$(cat "$tmp/time")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  awk -v w="$words" -v t="$best" -v l="$label" \
    'BEGIN { printf "%-10s %.2f s wall, %.0f words/s\n", l, t, w / t }'
}
measure_wall "wall -j 1" "$sitrep" parse -j 1 --model "$model" --tokenized "$tmp/tokenized.conllu"
measure_wall "wall -j 2" "$sitrep" parse -j 2 --model "$model" --tokenized "$tmp/tokenized.conllu"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
