#!/usr/bin/env bash
# Runs every whole-process comparison of issues 3-6 side by side in one
# sitting, then the micro-benchmarks, and writes bench/README.md.
#
#   bash bench/run.sh [--quick] [--build DIR]
#
# --quick   corpus-small.jsonl and one run per command: a smoke test.
# --build   the build directory (default: $NAHR_BUILD_DIR, else build/),
#           configured with -DCMAKE_BUILD_TYPE=Release -DNAHR_BUILD_BENCH=ON.
# The corpus comes from $NAHR_SHARED_DIR (default: ../shared beside the repo).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${NAHR_BUILD_DIR:-$root/build}
shared=${NAHR_SHARED_DIR:-$root/../shared}
quick=0

die() { echo "bench/run.sh: $*" >&2; exit 1; }
section() { printf '\n== %s\n' "$*" >&2; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) quick=1 ;;
    --build) [[ $# -ge 2 ]] || die "--build needs a directory"; build=$2; shift ;;
    --build=*) build=${1#--build=} ;;
    -h | --help) sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
  shift
done
build=$(cd "$build" 2>/dev/null && pwd) || die "no build directory '$build'"

nahr=$build/bin/nahr
icu_wordbreak=$build/bench/icu_wordbreak
test_plugins=$build/tests/plugins
[[ -x $nahr ]] || die "$nahr is missing: build first (see bench/README.md)"
[[ -x $icu_wordbreak ]] || die "$icu_wordbreak is missing: configure with -DNAHR_BUILD_BENCH=ON"
[[ -e $test_plugins/test-passthrough.so ]] || die "$test_plugins/test-passthrough.so is missing"
for tool in zstd uconv perl python3; do
  command -v "$tool" >/dev/null || die "'$tool' is not installed"
done

if ((quick)); then
  corpus=corpus-small runs=1 short_runs=1 startup_runs=5 micro_time=(--benchmark_min_time=0.01)
else
  # nahr's sub-second runs (normalise, I/O, stage chains) get more tries:
  # their best of 3 moved by 15% from one sitting to the next.
  corpus=corpus-100mb runs=3 short_runs=9 startup_runs=20 micro_time=()
fi
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

work=$(mktemp -d "${TMPDIR:-/tmp}/nahr-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
results=$work/results.jsonl
jsonl=$work/$corpus.jsonl
txt=$work/$corpus.txt
out=$work/out.jsonl

measure() { python3 "$root/bench/tools/measure.py" --results "$results" "$@"; }
size() { stat -c %s "$1"; }

section "corpus: $corpus"
if ((quick)); then
  cp "$shared/corpus/corpus-small.jsonl" "$jsonl"
else
  zstd -q -dc "$shared/corpus/corpus-100mb.jsonl.zst" >"$jsonl"
fi
# The plain-text version exactly as ../shared/corpus/README.md derives it.
if command -v jq >/dev/null; then
  jq -j '.text + "\n\n"' "$jsonl" >"$txt"
else
  python3 -c 'import json, sys
out = open(sys.argv[2], "w", encoding="utf-8", newline="")
for line in open(sys.argv[1], encoding="utf-8"):
    out.write(json.loads(line)["text"] + "\n\n")' "$jsonl" "$txt"
fi
# SHA-256 from ../shared/corpus/README.md: the benchmark runs on those bytes.
declare -A expected_sha=(
  [corpus-100mb.jsonl]=2e6da7a4e75115db29b06ac8d04be92eba435190ae4d6ad6890313c1ea5ff337
  [corpus-100mb.txt]=95c38f061a0e546eee00de285e18db5af5cf99fdce10215c613aa1a0ca2af11c
  [corpus-small.jsonl]=a4a31898043eb7630bfcb3ee847175f74e204f1ee769f2dc3420251f0b2de6f8
  [corpus-small.txt]=5ac480eaae3cbb106140959d91aa788d103af0977cc618a1bea268cbfc803449
)
for file in "$jsonl" "$txt"; do
  sha=$(sha256sum "$file" | cut -d' ' -f1)
  [[ $sha == "${expected_sha[$(basename "$file")]}" ]] || die "$(basename "$file") has SHA-256 $sha, not the corpus README's"
done
docs=$(wc -l <"$jsonl")
jsonl_bytes=$(size "$jsonl")
txt_bytes=$(size "$txt")
echo "$docs documents; $jsonl_bytes bytes of JSONL, $txt_bytes bytes of text" >&2
# The corpus was just written: its writeback would slow whatever runs first.
sync

# The full afp-arabic pipeline, from configs/afp-arabic.toml and the plugins built.
"$nahr" plugins --json >"$work/plugins.json"
afp=$work/afp-full.toml
afp_chain=$(python3 "$root/bench/tools/afp_config.py" --config "$root/configs/afp-arabic.toml" \
  --plugins "$work/plugins.json" --out "$afp")

section "issue 3: normalisation vs uconv, perl, Python"
# Runs whose times or peak memory are compared with each other alternate,
# one run of each per round: a slow spell of a shared machine then slows
# all of them alike instead of whichever ran during it. The report merges
# the runs of each name (best and median time, median peak RSS).
normalise=(run "$root/bench/configs/normalise.toml" --input "$txt" --output "$out")
for ((round = 0; round < short_runs; ++round)); do
  for threads in 0 1 2; do
    name=normalise/nahr-$threads
    ((threads)) || name=normalise/nahr
    measure --name "$name" --bytes "$txt_bytes" --runs 1 \
      --fresh "$out" --expect-lines "$out" "$docs" \
      -- "$nahr" "${normalise[@]}" --threads "$threads"
  done
done
uconv_rules='::NFKC; [\u064B-\u0652\u0670\u0640] > ; [\u0623\u0625\u0622\u0671] > \u0627; \u0649 > \u064A; \u0660>0; \u0661>1; \u0662>2; \u0663>3; \u0664>4; \u0665>5; \u0666>6; \u0667>7; \u0668>8; \u0669>9;'
measure --name normalise/uconv --bytes "$txt_bytes" --runs "$runs" --stdout "$work/uconv.txt" \
  -- uconv -f utf-8 -t utf-8 -x "$uconv_rules" "$txt"
measure --name normalise/perl --bytes "$txt_bytes" --runs "$runs" --stdin "$txt" \
  --stdout "$work/perl.txt" -- perl -CSD "$root/bench/baselines/normalise.pl"
measure --name normalise/python --bytes "$txt_bytes" --runs "$runs" --stdin "$txt" \
  --stdout "$work/python.txt" -- python3 "$root/bench/baselines/normalise.py"
python3 "$root/bench/tools/agreement.py" --results "$results" --nahr "$out" \
  --uconv "$work/uconv.txt" --peers "$work/perl.txt" "$work/python.txt"
rm -f "$work/uconv.txt" "$work/perl.txt" "$work/python.txt"

section "issue 5: read-jsonl -> write-jsonl vs cat"
measure --name io/nahr --bytes "$jsonl_bytes" --runs "$short_runs" \
  --fresh "$out" --expect-lines "$out" "$docs" \
  -- "$nahr" run "$root/bench/configs/jsonl-io.toml" --input "$jsonl" --output "$out"
measure --name io/cat --bytes "$jsonl_bytes" --runs "$short_runs" --stdout "$work/cat.jsonl" -- cat "$jsonl"
rm -f "$work/cat.jsonl"

section "issue 6: threads, plugin boundary, memory, start-up"
# The full pipeline's runs on one thread spread by 20% within a sitting
# here: two more rounds than the other whole-corpus runs.
for ((round = 0; round < runs + 2; ++round)); do
  for threads in 1 2; do
    measure --name "afp/nahr-$threads" --bytes "$jsonl_bytes" --runs 1 \
      --fresh "$out" --expect-lines "$out" "$docs" \
      -- "$nahr" run "$afp" --input "$jsonl" --output "$out" --threads "$threads"
  done
done
for ((round = 0; round < short_runs; ++round)); do
  for stages in 1 10; do
    NAHR_PLUGIN_PATH=$test_plugins measure --name "chain/$stages" --bytes "$jsonl_bytes" \
      --runs 1 --fresh "$out" --expect-lines "$out" "$docs" \
      -- "$nahr" run "$root/bench/configs/passthrough-$stages.toml" --input "$jsonl" --output "$out"
  done
done
tenfold=$work/$corpus-x10.txt
for _ in {1..10}; do cat "$txt"; done >"$tenfold"
sync
# Peak RSS of the corpus against ten copies of it: the median of as many runs
# of each, alternating.
for ((round = 0; round < runs; ++round)); do
  measure --name rss/1x --bytes "$txt_bytes" --runs 1 \
    --fresh "$out" --expect-lines "$out" "$docs" \
    -- "$nahr" run "$root/bench/configs/normalise.toml" --input "$txt" --output "$out"
  measure --name rss/10x --bytes "$(size "$tenfold")" --runs 1 \
    --fresh "$out" --expect-lines "$out" "$((docs * 10))" \
    -- "$nahr" run "$root/bench/configs/normalise.toml" --input "$tenfold" --output "$out"
done
rm -f "$tenfold"
measure --name startup/plugins --runs "$startup_runs" --no-rss -- "$nahr" plugins
measure --name startup/check --runs "$startup_runs" --no-rss -- "$nahr" check "$root/configs/afp-arabic.toml"
measure --name startup/check-full --runs "$startup_runs" --no-rss -- "$nahr" check "$afp"

section "issue 4: full afp-arabic pipeline vs ICU word break iterator"
echo "pipeline: $afp_chain" >&2
measure --name afp/nahr --bytes "$jsonl_bytes" --runs "$runs" \
  --fresh "$out" --expect-lines "$out" "$docs" \
  -- "$nahr" run "$afp" --input "$jsonl" --output "$out" --threads 0
measure --name afp/icu --bytes "$jsonl_bytes" --runs "$runs" -- "$icu_wordbreak" "$jsonl"
# Where the time goes: each stage's own time on one thread, against the peer.
# The writer's time includes its write calls: a fresh file, with the runs
# before it on disk, so that it does not wait for their writeback.
rm -f "$out"
sync
"$nahr" run "$afp" --input "$jsonl" --output "$out" --threads 1 --stats 2>"$work/afp-stages.txt"
rm -f "$out"

section "micro-benchmarks"
for bench in "$build"/bench/bench-*; do
  [[ -x $bench ]] || continue
  echo "  $(basename "$bench")" >&2
  "$bench" "${micro_time[@]}" --benchmark_out="$work/$(basename "$bench").json" \
    --benchmark_out_format=json >/dev/null 2>&1 || die "$(basename "$bench") failed"
done

mode=full
((quick)) && mode=quick
python3 "$root/bench/tools/report.py" --results "$results" --micro-dir "$work" \
  --out "$root/bench/README.md" --mode "$mode" --corpus "$corpus" --runs "$runs" --short-runs "$short_runs" \
  --startup-runs "$startup_runs" --load-start "$load_start" --build "$build" \
  --afp-chain "$afp_chain" --afp-stages "$work/afp-stages.txt"
echo "wrote bench/README.md" >&2
