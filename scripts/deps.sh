#!/usr/bin/env bash
# deps.sh — install the Debian packages that building and testing sitrep
# need. Idempotent: when every package is already installed it checks and
# exits in well under a second without touching the network.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config   # the build
  clang libclang-rt-14-dev                       # libFuzzer, sanitizers with clang
  libxml2-dev                                    # HTML and XML feeds
  libutf8proc-dev                                # Unicode normalisation
  libxxhash-dev                                  # hashing
  libjansson-dev                                 # JSON input
  zlib1g-dev                                     # gzip input
  libexttextcat-dev                              # language identification
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
