#!/usr/bin/env python3
"""Runs the tutorial in sdk/README.md exactly as a reader would follow it.

Fenced code blocks whose info string carries a tutorial tag are the steps,
taken in the order they appear:

    ```sh tutorial                         run with bash -euo pipefail
    ```cpp tutorial-file=PATH              write the block to PATH
    ```csv tutorial-output=PATH            PATH must now hold exactly the block

(Markdown renderers use only the first word, the language, so readers see
ordinary code.) Everything happens in --work, which is emptied first.

--nahr puts that binary's folder first on PATH, as an installed nahr would
be; --sdk-prefix sets CMAKE_PREFIX_PATH, as for an SDK installed outside
/usr and /usr/local. Without them the tutorial uses the installed nahr and
SDK. CXXFLAGS=-Werror keeps the tutorial's code free of warnings, and ccache
(when present) makes a second run fast.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

FENCE = re.compile(r"^(`{3,})(.*)$")


def tutorial_steps(readme):
    """Yields (kind, argument, text, line) for each tagged fenced block."""
    lines = readme.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        fence, info = opening.group(1), opening.group(2).split()
        start = i + 1
        i = start
        while i < len(lines) and lines[i].strip() != fence:
            i += 1
        body = "\n".join(lines[start:i]) + "\n"
        i += 1
        for tag in info[1:]:
            name, _, argument = tag.partition("=")
            if name in ("tutorial", "tutorial-file", "tutorial-output"):
                yield name, argument, body, start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--readme", type=Path, default=root / "sdk" / "README.md")
    parser.add_argument("--work", type=Path, required=True, help="folder to run in; emptied first")
    parser.add_argument("--nahr", type=Path, help="the nahr binary to use (default: the one on PATH)")
    parser.add_argument("--sdk-prefix", type=Path, help="where the SDK is installed, if not in a system prefix")
    parser.add_argument("--keep", action="store_true", help="keep --work afterwards")
    args = parser.parse_args()

    steps = list(tutorial_steps(args.readme))
    counts = {kind: sum(1 for s in steps if s[0] == kind) for kind in ("tutorial", "tutorial-file", "tutorial-output")}
    # A tag lost in an edit must not turn this test into one that checks nothing.
    if min(counts.values()) == 0:
        sys.exit(f"{args.readme}: too few tutorial blocks: {counts}")

    env = dict(os.environ, CXXFLAGS="-Werror")
    if args.nahr:
        env["PATH"] = f"{args.nahr.resolve().parent}{os.pathsep}{env['PATH']}"
    if args.sdk_prefix:
        env["CMAKE_PREFIX_PATH"] = str(args.sdk_prefix.resolve())
    if shutil.which("ccache"):
        env.setdefault("CMAKE_CXX_COMPILER_LAUNCHER", "ccache")
    env.pop("NAHR_PLUGIN_PATH", None)

    work = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    where = f"{args.readme.name}:"
    for kind, argument, body, line in steps:
        if kind == "tutorial-file":
            print(f"== {where}{line}: write {argument}", flush=True)
            path = work / argument
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
        elif kind == "tutorial-output":
            print(f"== {where}{line}: check {argument}", flush=True)
            actual = (work / argument).read_text(encoding="utf-8")
            if actual != body:
                sys.exit(f"FAIL: {argument} differs from {where}{line}\n--- expected\n{body}--- actual\n{actual}")
        else:
            print(f"== {where}{line}: run\n{body}", end="", flush=True)
            result = subprocess.run(["bash", "-euo", "pipefail", "-c", body], cwd=work, env=env)
            if result.returncode != 0:
                sys.exit(f"FAIL: the commands at {where}{line} exited {result.returncode}")
    if not args.keep:
        shutil.rmtree(work)
    print(f"== ok: {counts['tutorial']} command blocks, {counts['tutorial-file']} files, "
          f"{counts['tutorial-output']} outputs")


if __name__ == "__main__":
    main()
