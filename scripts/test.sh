#!/usr/bin/env bash
# test.sh — build sitrep and run every test, twice: a Release build, and an
# AddressSanitizer + UndefinedBehaviorSanitizer build with clang, in which
# the libFuzzer targets are built and each fuzzed briefly.
# Tests that need ../shared skip (and say so) when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== Release build and tests"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$jobs"
ctest --test-dir build/release --output-on-failure -j "$jobs"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build, fuzzers, and tests"
CC=clang cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSITREP_SANITIZE=ON -DSITREP_FUZZ=ON >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"
echo "== all tests passed"
