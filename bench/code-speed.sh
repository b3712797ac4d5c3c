#!/usr/bin/env bash
# code-speed.sh — speed of the event coder, with the Phoenix dictionaries of
# ../shared/corpora/petrarch2 loaded (CAMEO.2.0 verbs, the three Phoenix actor
# files, agents, discards), as CPU time (user + system) on one thread.
#
# Input: real news text read in place from ../shared: the Giveme5W1H
# news_cluster articles (news-please JSON, turned into JSON Lines in a
# temporary folder with jq) and the three seed articles, the whole set
# repeated REPEAT times (documents keep distinct ids).
#
# Prints:
#   startup   wall time of `sitrep code` on an empty input once the
#             dictionaries are compiled and cached (the cache is a temporary
#             folder: the first run compiles, the next ones map)
#   e2e       `sitrep code` from raw text: reading, segmentation, parsing
#             with the shipped model, coding; sentences/s and words/s
#   coding    `sitrep code --input conllu` on the same text parsed once by
#             `sitrep parse`: reading CoNLL-U plus coding (an upper bound on
#             the coder's own cost)
# Each figure is the best of RUNS runs. CPU figures on a loaded machine are
# inflated: note `uptime` with them.
#
# usage: bench/code-speed.sh [SITREP] [REPEAT] [RUNS]
#        (default build/release/sitrep, 2, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
sitrep=${1:-build/release/sitrep}
repeat=${2:-2}
runs=${3:-3}
shared=${SITREP_SHARED:-../shared}
dicts=$shared/corpora/petrarch2/petrarch2/data/dictionaries
news=$shared/corpora/giveme5w1h-news-cluster/data
seeds=$shared/samples/seeds
for d in "$dicts" "$news" "$seeds"; do
  [ -d "$d" ] || { echo "code-speed: $d is absent" >&2; exit 77; }
done
command -v jq >/dev/null || { echo "code-speed: jq is needed to read the news-please JSON" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SITREP_CACHE=$tmp/cache

# the input: JSON Lines, REPEAT copies with distinct ids
for r in $(seq 1 "$repeat"); do
  for f in "$news"/*.json; do
    jq -c --arg r "$r" '{id: ($r + "-" + .filename), title: (.title // ""),
                         text: (.text // ""), published: .date_publish,
                         outlet: .source_domain}' "$f"
  done
  for f in "$seeds"/*.txt; do
    jq -Rs -c --arg r "$r" --arg f "$(basename "$f")" '{id: ($r + "-" + $f), text: .}' "$f"
  done
done > "$tmp/news.jsonl"
count=$("$sitrep" read --count "$tmp/news.jsonl" 2>/dev/null)
sents=$(echo "$count" | sed 's/.*"sentences":\([0-9]*\).*/\1/')
words=$(echo "$count" | sed 's/.*"words":\([0-9]*\).*/\1/')
docs=$(echo "$count" | sed 's/.*"documents":\([0-9]*\).*/\1/')
echo "input: $docs documents, $sents sentences, $words words ($repeat copies); load: $(uptime | sed 's/.*load/load/')"

dict=(--verbs "$dicts/CAMEO.2.0.txt"
      --actors "$dicts/Phoenix.Countries.actors.txt,$dicts/Phoenix.International.actors.txt,$dicts/Phoenix.MilNonState.actors.txt"
      --agents "$dicts/Phoenix.agents.txt" --discards "$dicts/Phoenix.discards.txt")

# start-up: compile once, then map
: > "$tmp/empty.txt"
"$sitrep" code "${dict[@]}" "$tmp/empty.txt" > /dev/null 2>&1
best=""
for _ in $(seq 1 "$runs"); do
  s=$(date +%s%N)
  "$sitrep" code "${dict[@]}" "$tmp/empty.txt" > /dev/null 2>&1
  e=$(date +%s%N)
  t=$(( (e - s) / 1000 ))
  if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
done
awk -v t="$best" 'BEGIN { printf "%-8s %.1f ms wall (compiled dictionaries mapped, empty input)\n", "startup", t / 1000 }'

measure() {  # label, command...
  local label=$1 best=""; shift
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%U %S" -o "$tmp/time" "$@" > "$tmp/out" 2>/dev/null
    local t
    t=$(awk '{ printf "%.3f", $1 + $2 }' "$tmp/time")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  awk -v s="$sents" -v w="$words" -v t="$best" -v l="$label" -v ev="$(wc -l < "$tmp/out")" \
    'BEGIN { printf "%-8s %.2f s CPU, %.0f sentences/s, %.0f words/s, %d events\n", l, t, s / t, w / t, ev }'
}
measure e2e "$sitrep" code -j 1 "${dict[@]}" "$tmp/news.jsonl"
"$sitrep" parse "$tmp/news.jsonl" > "$tmp/news.conllu" 2>/dev/null
measure coding "$sitrep" code --input conllu "${dict[@]}" "$tmp/news.conllu"
