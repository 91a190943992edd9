#!/usr/bin/env bash
# What a third-party plugin author does, checked end to end:
#   1. install the SDK component of this build tree into an empty prefix;
#   2. copy sdk/examples/extract-hashtags out of the source tree and build it
#      as a project of its own, finding nothing but that prefix;
#   3. run its unit tests;
#   4. have the host list the plugin and run it in a pipeline, then check
#      the JSONL it wrote.
#
# Environment (set by tests/sdk/CMakeLists.txt):
#   NAHR_BINARY        the nahr host
#   NAHR_BUILD_DIR     the build tree whose SDK component is installed
#   NAHR_SOURCE_DIR    the source tree (the example is copied from it)
#   NAHR_CXX_COMPILER  optional: the compiler the build tree uses
set -euo pipefail

: "${NAHR_BINARY:?the nahr host binary}"
: "${NAHR_BUILD_DIR:?the nahr build tree}"
: "${NAHR_SOURCE_DIR:?the nahr source tree}"

work=$(mktemp -d "${TMPDIR:-/tmp}/nahr-sdk-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { printf '== %s\n' "$*"; }
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

step "install the SDK into a fresh prefix"
prefix="$work/prefix"
cmake --install "$NAHR_BUILD_DIR" --prefix "$prefix" --component sdk >/dev/null
for header in abi.h plugin.hpp stage.hpp document.hpp options.hpp text_rewriter.hpp \
  testing.hpp model/document.hpp model/alignment.hpp model/host_api.hpp; do
  [[ -f "$prefix/include/nahr/$header" ]] || fail "include/nahr/$header was not installed"
done
config_file=$(find "$prefix" -name nahr-sdkConfig.cmake -print -quit)
[[ -n "$config_file" ]] || fail "no nahr-sdkConfig.cmake under $prefix"
package_dir=$(dirname "$config_file")
[[ "$package_dir" == "$prefix"/lib*/cmake/nahr-sdk ]] || fail "package in $package_dir"
for file in nahr-sdkConfigVersion.cmake nahr-sdkTargets.cmake NahrAddPlugin.cmake; do
  [[ -f "$package_dir/$file" ]] || fail "$file missing beside nahr-sdkConfig.cmake"
done
# Only the SDK component: no host, no plugins.
[[ ! -e "$prefix/bin" ]] || fail "--component sdk installed bin/"

step "build the example as an out-of-tree project"
project="$work/extract-hashtags"
cp -r "$NAHR_SOURCE_DIR/sdk/examples/extract-hashtags" "$project"
build="$work/build"
cmake_args=(-S "$project" -B "$build" -G Ninja
  -DCMAKE_BUILD_TYPE=RelWithDebInfo
  "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Werror"
  -DCMAKE_PREFIX_PATH="$prefix"
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if [[ -n "${NAHR_CXX_COMPILER:-}" ]]; then
  cmake_args+=(-DCMAKE_CXX_COMPILER="$NAHR_CXX_COMPILER")
fi
cmake "${cmake_args[@]}" >"$work/configure.log" || {
  cat "$work/configure.log"
  fail "configuring the example failed"
}
grep -qx "nahr-sdk_DIR:PATH=$package_dir" "$build/CMakeCache.txt" ||
  fail "the example did not find the SDK in $prefix: $(grep nahr-sdk_DIR "$build/CMakeCache.txt")"
cmake --build "$build" || fail "building the example failed"
if grep -qF "$NAHR_SOURCE_DIR" "$build/build.ninja"; then
  grep -oF "$NAHR_SOURCE_DIR[^ ]*" "$build/build.ninja" | sort -u >&2
  fail "the example's build refers to the nahr source tree"
fi
[[ -f "$build/extract-hashtags.so" ]] || fail "no extract-hashtags.so in $build"

step "run the example's unit tests"
# nahr's own tests need Catch2, so the example must have found it too.
[[ -x "$build/extract-hashtags-test" ]] || fail "the example's unit test was not built"
ctest --test-dir "$build" --output-on-failure --no-tests=error

export NAHR_PLUGIN_PATH="$build"

step "nahr plugins lists the plugin"
"$NAHR_BINARY" plugins >"$work/plugins.txt" || fail "nahr plugins exited $?"
grep -qE "^extract-hashtags 0\.1\.0 +$build/extract-hashtags\.so$" "$work/plugins.txt" || {
  cat "$work/plugins.txt"
  fail "nahr plugins does not list extract-hashtags from $build"
}
grep -qE "^ +extractor +extract-hashtags " "$work/plugins.txt" ||
  fail "nahr plugins does not list the extractor stage extract-hashtags"

step "nahr describe shows the plugin's options"
"$NAHR_BINARY" describe extract-hashtags >"$work/describe.txt" || fail "nahr describe exited $?"
grep -q "min_length" "$work/describe.txt" && grep -q "type" "$work/describe.txt" || {
  cat "$work/describe.txt"
  fail "nahr describe extract-hashtags lacks its options"
}

step "nahr run: read-text, extract-hashtags, write-jsonl"
run="$work/run"
mkdir "$run"
# Two blank-line-separated stories; the emoji is one code point but two
# UTF-16 units, so offsets in the wrong unit slice the wrong text.
cat >"$run/news.txt" <<'EOF'
دمشق (أ ف ب) - تصدّر وسم #سوريا مواقع التواصل الاجتماعي اليوم، فيما تابع المغردون
نتائج #الانتخابات_العراقية باهتمام.

دبي (أ ف ب) - 🌍 اختتمت قمة #COP28 أعمالها بعد مفاوضات شاقة، وتداول الناشطون وسم
#قمة_المناخ، ودعا البيان الختامي إلى مواصلة العمل بعد #COP28.
EOF
cat >"$run/pipeline.toml" <<'EOF'
[[stage]]
plugin = "read-text"
inputs = ["news.txt"]
mode = "blocks"

[[stage]]
plugin = "extract-hashtags"

[[stage]]
plugin = "write-jsonl"
output = "out.jsonl"
EOF
"$NAHR_BINARY" run "$run/pipeline.toml" || fail "nahr run exited $?"
"$NAHR_BINARY" run "$run/pipeline.toml" --set extract-hashtags.min_length=6 \
  --output "$run/long.jsonl" || fail "nahr run --set exited $?"

# The stage's constructor throws nahr::FatalError; it must reach the host as
# a message, not as an exception through the C ABI.
if "$NAHR_BINARY" run "$run/pipeline.toml" --set extract-hashtags.min_length=0 \
  --output "$run/never.jsonl" 2>"$run/refused.log"; then
  fail "nahr run accepted min_length=0"
fi
grep -q "min_length must be at least 1" "$run/refused.log" || {
  cat "$run/refused.log"
  fail "the stage's FatalError did not reach the host's log"
}

check_tags() {
  python3 - "$@" <<'EOF'
import json
import sys

path, expected = sys.argv[1], json.loads(sys.argv[2])
with open(path, encoding="utf-8") as f:
    docs = [json.loads(line) for line in f if line.strip()]
assert len(docs) == len(expected), f"{path}: {len(docs)} documents, expected {len(expected)}"
for doc, want in zip(docs, expected):
    assert doc.get("offsets") == "codepoints", f"{doc['id']}: offsets {doc.get('offsets')!r}"
    assert "text" in doc, f"{doc['id']}: no text in the output"
    text = doc["text"]
    found = [a for a in doc["annotations"] if a["type"] == "hashtag"]
    tags = [a["attributes"]["tag"] for a in found]
    assert tags == want, f"{doc['id']}: tags {tags}, expected {want}"
    for a in found:
        covered = text[a["begin"]:a["end"]]
        assert covered == "#" + a["attributes"]["tag"], f"{doc['id']}: {a} covers {covered!r}"
        # No normaliser ran: original offsets equal current ones.
        assert (a["original_begin"], a["original_end"]) == (a["begin"], a["end"]), a
        assert a["stage"] == "extract-hashtags", a
print(f"{path}: {sum(map(len, expected))} hashtags as expected")
EOF
}
check_tags "$run/out.jsonl" '[["سوريا", "الانتخابات_العراقية"], ["COP28", "قمة_المناخ", "COP28"]]' ||
  fail "wrong hashtags in out.jsonl"
check_tags "$run/long.jsonl" '[["الانتخابات_العراقية"], ["قمة_المناخ"]]' ||
  fail "wrong hashtags with min_length=6"

step "ok"
