#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what is missing, builds
# with warnings as errors, and runs every unit and end-to-end test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNAHR_WERROR=ON -DNAHR_BUILD_TESTS=ON >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure --timeout 600 -j "$(nproc)"
