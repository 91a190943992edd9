#!/usr/bin/env bash
# The main job, from a fresh clone: installs what is missing, builds, and
# runs the AFP Arabic pipeline on the bundled sample stories into out/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DNAHR_BUILD_TESTS=OFF >/dev/null
cmake --build build
build/bin/nahr run configs/afp-arabic.toml
echo "output: out/afp-arabic.jsonl"
