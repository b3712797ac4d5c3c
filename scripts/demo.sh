#!/usr/bin/env bash
# demo.sh — build sitrep and run its main job on the project's own example
# articles in examples/: code them with the shipped model and knowledge base
# and print one JSON record per event.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
exec build/release/sitrep code examples/articles/
