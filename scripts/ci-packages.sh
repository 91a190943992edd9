#!/usr/bin/env bash
# CI, after scripts/test.sh: the .deb packages as a user meets them.
#
#   1. cpack builds nahr and nahr-sdk-dev from build/ (the tree test.sh built);
#   2. dpkg -i installs both on this machine;
#   3. the installed /usr/bin/nahr finds its plugins in /usr/lib/nahr/plugins
#      and runs configs/afp-arabic.toml; its man page renders without a
#      warning and its bash completion completes commands and plugin names;
#   4. the tutorial of sdk/README.md (scripts/run-tutorial.py) builds its
#      extract-byline plugin against the installed SDK (/usr/lib/cmake/nahr-sdk)
#      and runs it with /usr/bin/nahr; installed into /usr/lib/nahr/plugins,
#      the plugin is found with no NAHR_PLUGIN_PATH and annotates bylines in
#      an Arabic sample.
#
# Idempotent: run it again and it reinstalls the same packages. Fast: it
# reuses build/ and ccache. --purge removes both packages at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build="$root/build"
work="$build/ci-packages"

purge=false
[[ "${1-}" == --purge ]] && purge=true

step() { printf '== ci-packages: %s\n' "$*"; }
fail() {
  printf 'FAIL: ci-packages: %s\n' "$*" >&2
  exit 1
}

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"

[[ -f "$build/CMakeCache.txt" ]] || fail "no build/: run scripts/test.sh first"

# dpkg-shlibdeps (in dpkg-dev) and file compute the Depends field; man-db
# renders the man page.
missing=()
for pkg in dpkg-dev file man-db python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  step "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

step "cpack"
cmake --build "$build" >/dev/null
rm -f "$build"/packages/*.deb
(cd "$build" && cpack -G DEB >"$build/cpack.log") || {
  cat "$build/cpack.log"
  fail "cpack failed"
}
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
host_deb=$(echo "$build"/packages/nahr_"$version"_*.deb)
sdk_deb=$(echo "$build"/packages/nahr-sdk-dev_"$version"_all.deb)
[[ -f "$host_deb" && -f "$sdk_deb" ]] || fail "cpack made: $(ls "$build/packages")"
dpkg-deb -f "$sdk_deb" Depends | grep -qx "nahr (= $version)" || fail "nahr-sdk-dev does not depend on nahr $version"
dpkg-deb -f "$host_deb" Depends | grep -q "libicu72" || fail "nahr's Depends lacks the libraries it links"

step "dpkg -i $(basename "$host_deb") $(basename "$sdk_deb")"
$sudo dpkg -i "$host_deb" "$sdk_deb" >/dev/null
rm -rf "$work"
mkdir -p "$work"
cd "$work"

step "the installed nahr, its plugins and its documentation"
[[ "$(/usr/bin/nahr --version)" == "nahr $version "* ]] || fail "/usr/bin/nahr --version: $(/usr/bin/nahr --version)"
/usr/bin/nahr plugins >plugins.txt
grep -q "^  /usr/lib/nahr/plugins$" plugins.txt || fail "/usr/bin/nahr does not search /usr/lib/nahr/plugins: $(head -5 plugins.txt)"
grep -qE "^read-text [0-9.]+ +/usr/lib/nahr/plugins/read-text\.so$" plugins.txt || fail "the installed read-text is not listed"
! grep -q "refused" plugins.txt || fail "installed plugins refused: $(grep refused plugins.txt)"
! grep -q "^test-" plugins.txt || fail "a test-only plugin was packaged"
/usr/bin/nahr run "$root/configs/afp-arabic.toml" --output afp.jsonl --quiet 2>afp.log || {
  cat afp.log
  fail "/usr/bin/nahr run configs/afp-arabic.toml exited $?"
}
grep -q " + quarantined 0 " afp.log || fail "the AFP sample did not run cleanly: $(tail -1 afp.log)"

man_page=$(man -w nahr) || fail "man cannot find nahr(1)"
[[ "$man_page" == /usr/share/man/man1/nahr.1.gz ]] || fail "man finds $man_page"
MANWIDTH=80 man --warnings -l "$man_page" >man.txt 2>man.err
[[ ! -s man.err ]] || fail "nahr.1 renders with warnings: $(cat man.err)"
grep -q "new-plugin NAME" man.txt || fail "the man page lacks new-plugin"

completion=/usr/share/bash-completion/completions/nahr
[[ -f "$completion" ]] || fail "no $completion"
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _nahr; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$completion" "$@"
}
[[ "$(complete_words nahr new-p)" == new-plugin ]] || fail "completion of 'nahr new-p': $(complete_words nahr new-p)"
complete_words nahr describe read- | grep -qx read-text || fail "completion of plugin names: $(complete_words nahr describe read-)"

step "the tutorial against the installed SDK and nahr"
# Only the system's: no prefix from the caller's environment.
env -u CMAKE_PREFIX_PATH -u NAHR_PLUGIN_PATH python3 "$root/scripts/run-tutorial.py" \
  --work "$work/tutorial" --nahr /usr/bin/nahr --keep >tutorial.log 2>&1 || {
  cat tutorial.log
  fail "the tutorial failed against the installed packages"
}
project="$work/tutorial/extract-byline"
grep -qx "nahr-sdk_DIR:PATH=/usr/lib/cmake/nahr-sdk" "$project/build/CMakeCache.txt" ||
  fail "the tutorial did not build against /usr/lib/cmake/nahr-sdk: $(grep nahr-sdk_DIR "$project/build/CMakeCache.txt")"

step "extract-byline installed beside the packaged plugins"
installed_plugin=/usr/lib/nahr/plugins/extract-byline.so
trap '$sudo rm -f "$installed_plugin"' EXIT
$sudo cmake --install "$project/build" --prefix /usr >/dev/null
[[ -f "$installed_plugin" ]] || fail "cmake --install --prefix /usr did not install $installed_plugin"
cat >wire.jsonl <<'JSONL'
{"id": "ci-1", "text": "بقلم منى الحسيني\nالرباط (أ ف ب) - أعلنت الحكومة المغربية الأربعاء خطة لتحلية مياه البحر.\nمن جهته، رحب اتحاد المزارعين بالخطة."}
{"id": "ci-2", "text": "تونس (أ ف ب) - انطلقت الحملة الانتخابية رسميا.\n\nمراسل فرانس برس في تونس"}
{"id": "ci-3", "text": "لا توقيع في هذا الخبر القصير."}
JSONL
cat >bylines.toml <<'TOML'
[[stage]]
plugin = "read-jsonl"
inputs = ["wire.jsonl"]

[[stage]]
plugin = "extract-byline"

[[stage]]
plugin = "write-csv"
output = "bylines.csv"
rows = "annotations"
columns = ["id", "attribute.author"]
line_ending = "lf"
TOML
env -u NAHR_PLUGIN_PATH /usr/bin/nahr run bylines.toml 2>run.log || {
  cat run.log
  fail "/usr/bin/nahr run with the installed extract-byline exited $?"
}
expected=$'id,attribute.author\nci-1,منى الحسيني\nci-2,فرانس برس في تونس'
[[ "$(cat bylines.csv)" == "$expected" ]] || fail "bylines.csv holds: $(cat bylines.csv)"
grep -q "read 3 = written 3 + quarantined 0" run.log || fail "run summary: $(tail -1 run.log)"

if $purge; then
  step "dpkg --purge nahr-sdk-dev nahr"
  $sudo rm -f "$installed_plugin"
  $sudo dpkg --purge nahr-sdk-dev nahr >/dev/null
fi
cd "$root"
rm -rf "$work"
step "ok: $(basename "$host_deb") $(stat -c %s "$host_deb") bytes, $(basename "$sdk_deb") $(stat -c %s "$sdk_deb") bytes"
