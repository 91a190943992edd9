"""isolation = "process": a stage that crashes, aborts, exits or hangs costs
one document, not the run, and well-behaved stages give the same bytes as
in-process."""
import json
import os
import random
import resource
import signal
import subprocess
import time

from nahr_e2e import NAHR, SHARED_DIR, SOURCE_DIR, TEST_PLUGINS, TempDirTest, read_jsonl, run

AFP_CONFIG = SOURCE_DIR / "configs" / "afp-arabic.toml"

WORDS = ["قال", "المتحدث", "باسم", "التحالـــف", "الدولي", "إن", "المفاوضـات", "مستمرة", "في",
         "بيروت", "الخميس", "لوكالة", "فرانس", "برس", "١٢", "3.5", "مليون", "Reuters", "😀"]

# marker -> (stage blamed, words of the quarantine reason)
BAD = {
    "CRASH": ("test-crash", "crashed with SIGSEGV in its worker process"),
    "ABORT": ("test-crash", "crashed with SIGABRT in its worker process"),
    "EXIT": ("test-crash", "exited with status 7 in its worker process"),
    "HANG": ("test-hang", "timed out after 300 ms; its worker process was killed"),
    "FAIL": ("test-faulty", "FAIL marker at byte"),
}
HANG_TIMEOUT_MS = 300


def setUpModule():
    # The crashing plugin must not litter the test run with core files.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def workers_of(pid):
    """Live stage workers started by host process `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        if b"__stage-worker" in argv and str(pid).encode() in argv:
            found.append(int(entry))
    return found


class BadPluginTest(TempDirTest):
    """read-jsonl -> test-crash -> test-hang -> test-faulty -> write-jsonl."""

    def config(self, isolation):
        return self.write("bad.toml", f"""\
[pipeline]
isolation = "{isolation}"
timeout_ms = 20000
batch_size = 7

[[stage]]
plugin = "read-jsonl"
inputs = ["stories.jsonl"]

[[stage]]
plugin = "test-crash"

[[stage]]
plugin = "test-hang"
timeout_ms = {HANG_TIMEOUT_MS}

[[stage]]
plugin = "test-faulty"

[[stage]]
plugin = "write-jsonl"
output = "out.jsonl"
""")

    def stories(self, count, bad_every):
        """Writes stories.jsonl; returns {id: marker} of the bad ones."""
        rng = random.Random(count)
        markers = list(BAD)
        lines, bad = [], {}
        for i in range(count):
            doc_id = f"doc-{i:04d}"
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40)))
            if i % bad_every == 5:
                marker = markers[(i // bad_every) % len(markers)]
                text += f" {marker}"
                bad[doc_id] = marker
            lines.append(json.dumps({"id": doc_id, "date": "2019-03-07", "text": text},
                                    ensure_ascii=False))
        self.write("stories.jsonl", "\n".join(lines) + "\n")
        return bad

    def run_isolated(self, threads):
        """(exit code, stderr, seconds) of a run with isolation = "process"."""
        start = time.monotonic()
        # Workers log at the host's level, which they must understand.
        proc = subprocess.Popen(
            [NAHR, "--log-level", "warn", "run", str(self.config("process")),
             "--threads", str(threads)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "NAHR_PLUGIN_PATH": TEST_PLUGINS})
        stdout, stderr = proc.communicate(timeout=300)
        seconds = time.monotonic() - start
        self.assertEqual(workers_of(proc.pid), [], "stage workers outlived the run")
        return proc.returncode, stderr, seconds

    def test_bad_documents_are_quarantined_and_the_rest_is_untouched(self):
        bad = self.stories(300, bad_every=23)
        self.assertEqual(set(bad.values()), set(BAD))
        # What in-process stages make of every document once no marker counts.
        never = [f"--set={stage}.marker_prefix=NEVER"
                 for stage in ("test-crash", "test-hang", "test-faulty")]
        r = run("run", self.config("thread"), *never, plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 0, r.stderr)
        expected = [line for line in (self.tmp / "out.jsonl").read_text("utf-8").splitlines()
                    if json.loads(line)["id"] not in bad]

        for threads in (1, 2):
            with self.subTest(threads=threads):
                code, stderr, seconds = self.run_isolated(threads)
                self.assertEqual(code, 1, stderr)  # finished, some documents quarantined
                # Each hang costs the hanging stage's own 300 ms, not the
                # 20 s the pipeline gives the other stages.
                self.assertLess(seconds, 15)
                self.assertIn(f"read 300 = written {300 - len(bad)} + quarantined {len(bad)} "
                              "(+ skipped 0)", stderr)
                written = (self.tmp / "out.jsonl").read_text("utf-8").splitlines()
                self.assertEqual(written, expected)
                quarantine = read_jsonl(self.tmp / "out.jsonl.quarantine.jsonl")
                self.assertEqual(sorted(q["id"] for q in quarantine), sorted(bad))
                for q in quarantine:
                    stage, reason = BAD[bad[q["id"]]]
                    self.assertEqual(q["stage"], stage, q)
                    self.assertIn(reason, q["error"], q)
                    self.assertTrue(q["record"].endswith(bad[q["id"]]), q)

    def test_a_crash_in_the_first_document_and_the_last_still_finishes(self):
        self.write("stories.jsonl", "\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False)
                                              for i, t in (("first", "خبر CRASH"),
                                                           ("middle", "خبـــر عاجل"),
                                                           ("last", "خبر ABORT"))) + "\n")
        code, stderr, _ = self.run_isolated(1)
        self.assertEqual(code, 1, stderr)
        self.assertIn("read 3 = written 1 + quarantined 2", stderr)
        self.assertEqual([d["text"] for d in read_jsonl(self.tmp / "out.jsonl")], ["خبر عاجل"])

    def test_ctrl_c_reaches_the_host_not_its_workers(self):
        # One thread, batches of 4, a hanging document in the first batch: the
        # run is waiting on a worker when the terminal's SIGINT hits the
        # whole process group.
        self.write("stories.jsonl", "".join(
            json.dumps({"id": f"d{i}", "text": "خبر HANG" if i == 1 else f"خبر رقم {i}"},
                       ensure_ascii=False) + "\n" for i in range(40)))
        config = self.config("process").read_text().replace(
            f"timeout_ms = {HANG_TIMEOUT_MS}", "timeout_ms = 1500").replace(
            "batch_size = 7", "batch_size = 4")
        self.write("bad.toml", config)
        proc = subprocess.Popen([NAHR, "run", str(self.tmp / "bad.toml"), "--threads", "1"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "NAHR_PLUGIN_PATH": TEST_PLUGINS},
                                start_new_session=True)
        # Its worker is up (so the host handles SIGINT by now); the second
        # document hangs a few milliseconds later, for 1.5 s.
        deadline = time.monotonic() + 30
        while not workers_of(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.5)
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 130, stderr)
        self.assertIn("read 4 = written 3 + quarantined 1", stderr)
        [q] = read_jsonl(self.tmp / "out.jsonl.quarantine.jsonl")
        self.assertIn("timed out after 1500 ms", q["error"])
        self.assertEqual(len(read_jsonl(self.tmp / "out.jsonl.partial")), 3)

    def test_a_stage_that_cannot_start_in_its_worker_is_a_startup_error(self):
        self.stories(10, bad_every=1000)
        r = run("run", AFP_CONFIG, "--input", self.tmp / "stories.jsonl",
                "--output", self.tmp / "out.jsonl", "--set", "pipeline.isolation=process",
                "--set", f"extract-entities.extra_gazetteers=[\"{self.tmp / 'none.tsv'}\"]")
        self.assertEqual(r.code, 2, r.stderr)
        self.assertIn("stage 'extract-entities'", r.stderr)
        self.assertIn("none.tsv", r.stderr)
        self.assertFalse((self.tmp / "out.jsonl").exists())


class SameBytesTest(TempDirTest):
    """Well-behaved stages give byte-identical output in worker processes."""

    def corpus(self, count):
        source = SHARED_DIR / "corpus" / "corpus-small.jsonl"
        if not source.exists():
            return SOURCE_DIR / "samples" / "afp-sample.jsonl"
        with open(source, encoding="utf-8") as f:
            lines = [line for _, line in zip(range(count), f)]
        return self.write("corpus.jsonl", "".join(lines))

    def test_afp_pipeline_output_is_identical_in_threads_and_processes(self):
        corpus = self.corpus(250)
        outputs = {}
        # All stages in one worker; then two groups with in-process stages
        # around and between them.
        layouts = {
            "thread": [],
            "process": ["--set", "pipeline.isolation=process"],
            "mixed": ["--set", "normalise-arabic.isolation=process",
                      "--set", "extract-sentences.isolation=process",
                      "--set", "extract-quotes.isolation=process"],
        }
        for threads in (1, 2):
            for name, sets in layouts.items():
                out = self.tmp / f"{name}-{threads}.jsonl"
                r = run("run", AFP_CONFIG, "--input", corpus, "--output", out,
                        "--threads", threads, *sets)
                self.assertEqual(r.code, 0, f"{name} {threads}: {r.stderr}")
                outputs[name, threads] = out.read_bytes()
        reference = outputs["thread", 1]
        self.assertGreater(len(reference), 0)
        for key, output in outputs.items():
            self.assertEqual(output, reference, key)

    def test_check_shows_which_stages_run_in_worker_processes(self):
        r = run("check", AFP_CONFIG, "--set", "extract-dates.isolation=process",
                "--set", "extract-dates.timeout_ms=5000")
        self.assertEqual(r.code, 0, r.stderr)
        self.assertIn("in worker processes: extract-dates (timeout_ms = 5000)", r.stdout)
        r = run("check", AFP_CONFIG)
        self.assertNotIn("worker processes", r.stdout)

    def test_check_refuses_an_unknown_isolation_with_a_suggestion(self):
        r = run("check", AFP_CONFIG, "--set", "pipeline.isolation=processes")
        self.assertEqual(r.code, 2)
        self.assertIn("pipeline.isolation must be one of thread, process; got 'processes' "
                      "(did you mean 'process'?)", r.stderr)
