#!/usr/bin/env bash
# Installs every build, test and benchmark dependency of nahr from Debian 12
# packages. Idempotent: packages already present are left alone, and apt is
# not touched at all when nothing is missing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache
  # libraries
  libboost-dev libboost-filesystem-dev libboost-program-options-dev
  libicu-dev libspdlog-dev libfmt-dev libtomlplusplus-dev
  libsimdjson-dev libzstd-dev zlib1g-dev libpugixml-dev libsqlite3-dev
  # tests and benchmarks: Catch2, the peers we compare with (uconv), the
  # formats' own tools (sqlite3, chromium for the HTML writer and reports)
  catch2 libbenchmark-dev python3 zstd gzip icu-devtools sqlite3
  chromium fonts-hosny-amiri
  # fuzzing (scripts/ci-fuzz.sh): clang with libFuzzer and the sanitizer
  # runtimes, and llvm-symbolizer for readable stack traces
  clang-16 libclang-rt-16-dev llvm-16
)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
