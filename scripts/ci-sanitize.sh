#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UBSan (g++, NAHR_SANITIZE=ON)
# and runs the whole test suite under them, the fuzz targets' saved inputs
# included: a memory error, a leak or undefined behaviour fails the test it
# happens in.
#
#   SANITIZE_BUILD_DIR=build-asan
#
# The plugins the host dlopens are built in the same tree with the same
# flags, so they are instrumented too. -O1 keeps the end-to-end tests fast;
# NDEBUG is off, so assertions run as well.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${SANITIZE_BUILD_DIR:-build-asan}
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DNAHR_SANITIZE=ON -DNAHR_WERROR=ON -DNAHR_BUILD_TESTS=ON -DNAHR_BUILD_BENCH=OFF >/dev/null
cmake --build "$build"

# abort_on_error: a finding kills the process, so no test can pass over it.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure --timeout 900 -j "$(nproc)"
