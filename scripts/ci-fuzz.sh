#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang and runs each for a
# bounded time, starting from its seed corpus and saved regressions. Fails
# if any target crashes, leaks, hangs, or breaks one of its invariants.
#
#   FUZZ_SECONDS=60              time per target
#   FUZZ_SEED=1                  libFuzzer's seed; 0 for a new one each run. CI
#                                fixes it, so that whether a change lands does
#                                not hang on a lucky draw; fuzz with 0 to explore
#   FUZZ_TARGETS="fuzz_config"   only these (default: every fuzz_* target)
#   FUZZ_BUILD_DIR=build-fuzz
#   FUZZ_CXX=clang++-16          clang 14 cannot compile the project's C++20
#
# The tree is configured with -fsanitize=fuzzer-no-link,address,undefined so
# that the plugin code the targets link is instrumented; only the targets are
# built. The repository is never written to: each run works on a copy of the
# seeds, and an input that breaks a target is kept in
# <build>/fuzz-artifacts/<target>/, to be minimised and saved under
# tests/fuzz/regressions/<target>/ once the bug is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
seed=${FUZZ_SEED:-1}
build=${FUZZ_BUILD_DIR:-build-fuzz}
cxx=${FUZZ_CXX:-clang++-16}
if ! command -v "$cxx" >/dev/null; then
  echo "ci-fuzz: $cxx not found (apt-get install clang-16 libclang-rt-16-dev llvm-16)" >&2
  exit 2
fi
# Stack traces with file:line need llvm-symbolizer.
symbolizer=$(command -v "llvm-symbolizer${cxx#clang++}" || command -v llvm-symbolizer || true)
if [[ -n $symbolizer ]]; then export ASAN_SYMBOLIZER_PATH=$symbolizer; fi
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The readers throw for every bad record, and each throw makes ASan sweep its
# fake stacks: without this, four times fewer runs.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_stack_use_after_return=0}

sanitizers="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-O1 -fno-omit-frame-pointer $sanitizers" \
  -DNAHR_FUZZ=ON -DNAHR_WERROR=OFF -DNAHR_BUILD_BENCH=OFF >/dev/null

if [[ -n ${FUZZ_TARGETS:-} ]]; then
  read -r -a targets <<<"$FUZZ_TARGETS"
else
  mapfile -t targets < <(cmake --build "$build" --target help |
                         sed -n 's/^\(fuzz_[a-z0-9_]*\): phony$/\1/p' | sort)
fi
if ((${#targets[@]} == 0)); then
  echo "ci-fuzz: no fuzz targets configured" >&2
  exit 2
fi
cmake --build "$build" --target "${targets[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
for target in "${targets[@]}"; do
  corpus="$work/$target"
  artifacts="$build/fuzz-artifacts/$target"
  log="$build/fuzz-artifacts/$target.log"
  mkdir -p "$corpus" "$artifacts"
  for seeds in "tests/fuzz/corpus/$target" "tests/fuzz/regressions/$target"; do
    if [[ -d $seeds ]]; then cp -r "$seeds/." "$corpus/"; fi
  done

  status=0
  "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -seed="$seed" \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1 || status=$?

  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1 || true)
  if ((status == 0)); then
    printf '%-20s ok      %9s runs %7s/s  %s\n' "$target" "${runs:-?}" "${rate:-?}" "$coverage"
    continue
  fi
  failed+=("$target")
  printf '%-20s FAILED  %9s runs %7s/s  %s\n' "$target" "${runs:-?}" "${rate:-?}" "$coverage"
  # The report and the project's own frames.
  grep -E '^fuzz invariant violated|^==[0-9]+==ERROR|runtime error|^SUMMARY|^ +#[0-9]+ ' "$log" |
    grep -vE 'fuzzer::|__sanitizer|/lib/x86_64-linux-gnu/|libc-start|start_main' |
    head -40 >&2 || true
  echo "  log: $log; input kept in $artifacts/" >&2
  echo "  minimise: $build/tests/fuzz/$target -minimize_crash=1 -max_total_time=60" \
       "-exact_artifact_path=<out> $artifacts/<crash-file>" >&2
done

if ((${#failed[@]} > 0)); then
  echo "ci-fuzz: failing targets: ${failed[*]}" >&2
  exit 1
fi
echo "ci-fuzz: ${#targets[@]} targets, ${seconds} s each, no failure"
