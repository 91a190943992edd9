#!/usr/bin/env bash
# The tutorial in sdk/README.md, run as written (scripts/run-tutorial.py)
# with this build's nahr and its SDK installed into a prefix. The work folder
# has a fixed path inside the build tree, so that with ccache a second run
# compiles nothing.
#
# Environment (set by tests/sdk/CMakeLists.txt):
#   NAHR_BINARY      the nahr host
#   NAHR_BUILD_DIR   the build tree whose SDK component is installed
#   NAHR_SOURCE_DIR  the source tree (sdk/README.md, scripts/run-tutorial.py)
set -euo pipefail

: "${NAHR_BINARY:?the nahr host binary}"
: "${NAHR_BUILD_DIR:?the nahr build tree}"
: "${NAHR_SOURCE_DIR:?the nahr source tree}"

prefix="$NAHR_BUILD_DIR/tests/sdk-tutorial-prefix"
rm -rf "$prefix"
cmake --install "$NAHR_BUILD_DIR" --prefix "$prefix" --component sdk >/dev/null
python3 "$NAHR_SOURCE_DIR/scripts/run-tutorial.py" --readme "$NAHR_SOURCE_DIR/sdk/README.md" \
  --work "$NAHR_BUILD_DIR/tests/sdk-tutorial" --nahr "$NAHR_BINARY" --sdk-prefix "$prefix"
rm -rf "$prefix"
