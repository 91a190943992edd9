#!/usr/bin/env python3
"""Times one command for bench/run.sh and appends the result to a JSON Lines
file (one object per measured command).

    measure.py --results R.jsonl --name issue3/uconv --bytes 97369468 --runs 3 \
        [--stdin IN] [--stdout OUT] [--no-rss] -- uconv -f utf-8 ...

Wall time is the best of --runs runs (the least disturbed by other load),
timed by hyperfine when it is on PATH (after one run that measures memory),
else by this script. Peak RSS and CPU time come from /usr/bin/time when
present, else from the kernel's rusage of the child. A command that exits non-zero stops the benchmark: a failed run
would otherwise be reported as a fast one.

Every run writes a new file: --stdout and each --fresh path are deleted
before it, outside the timing. Replacing a file costs something else: ext4
(auto_da_alloc) writes the new data out at once when a file is truncated or
renamed over, about 50 ms per 100 MB here, the same for every program.
"""
import argparse
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time"


def fail(message: str) -> None:
    sys.exit(f"measure: {message}")


def open_or_devnull(path: str | None, mode: str):
    return open(path or os.devnull, mode)


def remove(paths: list[str]) -> None:
    for path in paths:
        if os.path.exists(path):
            os.unlink(path)


def run_once(argv: list[str], stdin: str | None, stdout: str | None, with_rss: bool,
             fresh: list[str]) -> dict:
    """One run: wall seconds, and (unless with_rss is false) peak RSS in KiB
    and user+system CPU seconds."""
    remove(fresh + ([stdout] if stdout else []))
    use_gnu_time = with_rss and os.access(GNU_TIME, os.X_OK)
    report = tempfile.NamedTemporaryFile(prefix="measure-", suffix=".time", delete=False)
    report.close()
    full = [GNU_TIME, "-f", "%M %U %S", "-o", report.name, *argv] if use_gnu_time else argv
    with open_or_devnull(stdin, "rb") as fin, open_or_devnull(stdout, "wb") as fout:
        start = time.perf_counter()
        child = subprocess.Popen(full, stdin=fin, stdout=fout, stderr=subprocess.PIPE)
        _, err = child.communicate()
        wall = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {"wall": wall}
    if use_gnu_time:
        with open(report.name) as f:
            fields = f.read().split()
        # GNU time prints "Command exited with non-zero status N" first on failure.
        rss, user, system = fields[-3:]
        result.update(rss_kib=int(rss), cpu=float(user) + float(system), rss_tool="/usr/bin/time")
    elif with_rss:
        # RUSAGE_CHILDREN covers every child this process has waited for; each
        # measurement runs in a fresh process whose first child is this run.
        # The kernel counts the memory the child shared with Python before
        # exec, so this is an upper bound (about 10 MiB high for tiny programs).
        result.update(rss_kib=usage.ru_maxrss, cpu=usage.ru_utime + usage.ru_stime,
                      rss_tool="getrusage")
    os.unlink(report.name)
    if child.returncode != 0:
        tail = err.decode(errors="replace")[-2000:]
        fail(f"{shlex.join(argv)} exited with {child.returncode}\n{tail}")
    return result


def hyperfine_times(argv: list[str], runs: int, stdin: str | None, stdout: str | None,
                    fresh: list[str]) -> list[float]:
    command = shlex.join(argv)
    options = ["--runs", str(runs), "--style", "none"]
    doomed = fresh + ([stdout] if stdout else [])
    if doomed:
        options += ["--prepare", shlex.join(["rm", "-f", *doomed])]
    if stdin:
        # hyperfine 1.15 has --output but no --input: redirect in its shell,
        # whose start-up it measures and subtracts.
        command += f" < {shlex.quote(stdin)} > {shlex.quote(stdout or os.devnull)}"
    else:
        options += ["-N", f"--output={stdout or 'null'}"]
    with tempfile.NamedTemporaryFile(prefix="hyperfine-", suffix=".json") as export:
        done = subprocess.run(["hyperfine", *options, "--export-json", export.name, command],
                              capture_output=True, text=True)
        if done.returncode != 0:
            fail(f"hyperfine failed on {command}\n{done.stderr[-2000:]}")
        return json.load(open(export.name))["results"][0]["times"]


def count_lines(path: str) -> int:
    count = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            count += block.count(b"\n")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", required=True, help="JSON Lines file to append to")
    parser.add_argument("--name", required=True, help="key the report looks the result up by")
    parser.add_argument("--bytes", type=int, default=0, help="input bytes, for MB/s")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stdin")
    parser.add_argument("--stdout")
    parser.add_argument("--no-rss", action="store_true", help="time only (start-up timings)")
    parser.add_argument("--fresh", action="append", default=[], metavar="PATH",
                        help="a file the command writes: deleted before each run")
    parser.add_argument("--expect-lines", nargs=2, metavar=("FILE", "N"),
                        help="check that FILE has N lines after the runs")
    parser.add_argument("argv", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    argv = args.argv[1:] if args.argv[:1] == ["--"] else args.argv
    if not argv:
        fail("no command given")

    # Peak RSS and CPU come from the first run, under /usr/bin/time (or from
    # rusage: this process's first child, so the maximum is its own).
    probe = None if args.no_rss else run_once(argv, args.stdin, args.stdout, True, args.fresh)
    if shutil.which("hyperfine"):
        timer = "hyperfine"
        times = hyperfine_times(argv, args.runs, args.stdin, args.stdout, args.fresh)
    else:
        timer = "python"
        times = [] if probe is None else [probe["wall"]]
        while len(times) < args.runs:
            times.append(run_once(argv, args.stdin, args.stdout, False, args.fresh)["wall"])

    if args.expect_lines:
        path, expected = args.expect_lines[0], int(args.expect_lines[1])
        got = count_lines(path)
        if got != expected:
            fail(f"{shlex.join(argv)}: {path} has {got} lines, expected {expected}")

    record = {
        "name": args.name,
        "command": shlex.join(argv),
        "bytes": args.bytes,
        "times": times,
        "best": min(times),
        "median": statistics.median(times),
        "timer": timer,
    }
    if probe is not None:
        record.update(rss_kib=probe["rss_kib"], cpu=probe["cpu"], rss_tool=probe["rss_tool"])
    with open(args.results, "a") as f:
        f.write(json.dumps(record) + "\n")
    mbps = f", {args.bytes / record['best'] / 1e6:.1f} MB/s" if args.bytes else ""
    rss = f", {record['rss_kib'] / 1024:.1f} MiB" if probe is not None else ""
    print(f"  {args.name}: best {record['best']:.3f} s{mbps}{rss}", file=sys.stderr)


if __name__ == "__main__":
    main()
