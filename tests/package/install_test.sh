#!/usr/bin/env bash
# `cmake --install` as a package lays it out, and what ships beside the binary:
#   1. the layout: bin/nahr, lib/nahr/plugins/, include/nahr/,
#      lib/cmake/nahr-sdk/, the man page, the bash completion, the SDK guide;
#      no test-only plugin;
#   2. the installed host, moved to a prefix it was not built for, finds the
#      plugins installed beside it;
#   3. the man page and the completion cover every command and option that
#      `nahr --help` and `nahr COMMAND --help` list;
#   4. the completion completes commands, options, kinds, configs and the
#      names of the plugins the installed host finds.
#
# Environment (set by tests/package/CMakeLists.txt):
#   NAHR_BUILD_DIR   the build tree to install
#   NAHR_SOURCE_DIR  the source tree
set -euo pipefail

: "${NAHR_BUILD_DIR:?the nahr build tree}"
: "${NAHR_SOURCE_DIR:?the nahr source tree}"

work=$(mktemp -d "${TMPDIR:-/tmp}/nahr-install-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { printf '== %s\n' "$*"; }
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

step "cmake --install into a fresh prefix"
prefix="$work/prefix"
cmake --install "$NAHR_BUILD_DIR" --prefix "$prefix" >/dev/null
for path in bin/nahr lib/nahr/plugins/read-text.so lib/nahr/plugins/write-jsonl.so \
  lib/nahr/plugins/extract-entities/cities.tsv include/nahr/abi.h include/nahr/testing.hpp \
  lib/cmake/nahr-sdk/nahr-sdkConfig.cmake lib/cmake/nahr-sdk/NahrAddPlugin.cmake \
  share/man/man1/nahr.1.gz share/bash-completion/completions/nahr share/doc/nahr-sdk-dev/README.md; do
  [[ -f "$prefix/$path" ]] || fail "$path was not installed"
done
[[ -x "$prefix/bin/nahr" ]] || fail "bin/nahr is not executable"
if compgen -G "$prefix/lib/nahr/plugins/test-*" >/dev/null; then
  fail "test-only plugins were installed: $(ls "$prefix/lib/nahr/plugins")"
fi
gzip -t "$prefix/share/man/man1/nahr.1.gz" || fail "nahr.1.gz is not gzip"

step "the installed host finds the plugins beside it"
nahr="$prefix/bin/nahr"
env -u NAHR_PLUGIN_PATH "$nahr" plugins >"$work/plugins.txt"
grep -qx "  $prefix/lib/nahr/plugins" "$work/plugins.txt" ||
  fail "the installed nahr searches elsewhere: $(head -4 "$work/plugins.txt")"
grep -qE "^read-text [0-9.]+ +$prefix/lib/nahr/plugins/read-text\.so$" "$work/plugins.txt" ||
  fail "the installed nahr does not list its read-text"
if grep -q "refused" "$work/plugins.txt"; then fail "refused: $(grep refused "$work/plugins.txt")"; fi

step "the man page and the completion cover every command and option"
man_source="$NAHR_SOURCE_DIR/docs/man/nahr.1"
completion="$prefix/share/bash-completion/completions/nahr"
cmp -s "$completion" "$NAHR_SOURCE_DIR/docs/completion/nahr.bash" || fail "the installed completion is stale"
# Commands: the indented words under "Commands:" in nahr --help.
commands=$("$nahr" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 { print $1 }')
[[ -n "$commands" ]] || fail "no commands in nahr --help"
for command in $commands; do
  roff=${command//-/\\\\-}  # new\\-plugin: a regex for the roff new\-plugin
  grep -qE "^\.B(I)? \"?nahr $roff|^\.BI? \"?$roff[ \"]" "$man_source" ||
    fail "nahr.1 does not describe the command $command"
  # The command list is the one compgen -W that offers "run".
  grep -qw -- "$command" <(grep -E 'compgen -W "([a-z-]+ )*run ' "$completion") ||
    fail "the completion does not offer the command $command"
  for option in $("$nahr" "$command" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    grep -qF -- "${option//-/\\-}" "$man_source" || fail "nahr.1 does not describe $command $option"
    grep -qE -- "(^|[ \"|])$option([ \")]|$)" "$completion" ||
      fail "the completion does not offer $command $option"
  done
done
for option in $("$nahr" --help | sed -n '/^Global options:/,/^$/p' | grep -oE -- '--[a-z][a-z-]+'); do
  grep -qF -- "${option//-/\\-}" "$man_source" || fail "nahr.1 does not describe $option"
  grep -qF -- "$option" "$completion" || fail "the completion does not offer $option"
done
MANWIDTH=80 man --warnings -l "$prefix/share/man/man1/nahr.1.gz" >"$work/man.txt" 2>"$work/man.err"
[[ ! -s "$work/man.err" ]] || fail "nahr.1 renders with warnings: $(cat "$work/man.err")"

step "the completion completes"
mkdir "$work/configs"
touch "$work/configs/afp.toml" "$work/configs/notes.txt"
complete_words() {
  (cd "$work" && env -u NAHR_PLUGIN_PATH bash -c \
    'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _nahr; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$completion" "$@" | sort | paste -sd ' ')
}
expect() {
  local expected=$1
  shift
  local got
  got=$(complete_words "$@")
  [[ "$got" == "$expected" ]] || fail "completing '$*': expected '$expected', got '$got'"
}
expect "check describe merge new-plugin plugin plugins replay run submit test" "$nahr" ""
expect "configs/afp.toml" "$nahr" test configs/
expect "verify" "$nahr" plugin v
expect "--timeout" "$nahr" plugin verify x.so --t
expect "json" "$nahr" run configs/afp.toml --log-format j
expect "--report --resume" "$nahr" run configs/afp.toml --re
expect "--quarantine --quiet" "$nahr" replay q.jsonl configs/afp.toml --qu
expect "new-plugin" "$nahr" --log-level debug n
expect "debug" "$nahr" --log-level d
expect "extractor" "$nahr" new-plugin extract-byline --kind ex
expect "--dir --help --kind" "$nahr" new-plugin extract-byline --
expect "configs/afp.toml" "$nahr" run configs/
expect "--quiet" "$nahr" run configs/afp.toml --q
expect "read-csv read-gigaword read-jsonl read-newsml read-text" "$nahr" describe read-
expect "write-conllu. write-csv." "$nahr" check configs/afp.toml --set write-c
step "ok"
