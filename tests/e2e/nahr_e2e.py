"""Shared helpers for the end-to-end tests of the nahr binary."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

NAHR = os.environ["NAHR_BINARY"]
SOURCE_DIR = Path(os.environ["NAHR_SOURCE_DIR"])
TEST_PLUGINS = os.environ["NAHR_TEST_PLUGIN_DIR"]
SHARED_DIR = Path(os.environ.get("NAHR_SHARED_DIR", SOURCE_DIR / ".." / "shared"))

SUMMARY = re.compile(
    r"nahr: read (\d+) = written (\d+) \+ quarantined (\d+) \(\+ skipped (\d+)(?:, unfinished (\d+))?\)")


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    def summary(self):
        """(read, written, quarantined, skipped, unfinished) from the last line."""
        m = SUMMARY.search(self.stderr)
        if not m:
            raise AssertionError(f"no summary line in stderr:\n{self.stderr}")
        return tuple(int(g or 0) for g in m.groups())


def run(*args, stdin=None, env=None, plugin_path=None):
    full_env = dict(os.environ)
    full_env.pop("NAHR_PLUGIN_PATH", None)
    if plugin_path:
        full_env["NAHR_PLUGIN_PATH"] = plugin_path
    full_env.update(env or {})
    proc = subprocess.run([NAHR, *map(str, args)], input=stdin, capture_output=True,
                          text=True, env=full_env, timeout=600)
    return Result(proc)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


class TempDirTest(unittest.TestCase):
    """Gives each test a fresh temporary directory, self.tmp."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="nahr-e2e-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, text, encoding="utf-8"):
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding=encoding)
        return path
