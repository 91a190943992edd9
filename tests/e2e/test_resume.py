"""nahr run --resume: a run killed with SIGKILL at any moment, then resumed,
ends with the same output and quarantine as a run never interrupted."""
import json
import os
import random
import signal
import subprocess
import time

from nahr_e2e import NAHR, TEST_PLUGINS, TempDirTest, read_jsonl, run

WORDS = ["قال", "المتحدث", "باسم", "التحالف", "الدولي", "إن", "المفاوضاتُ", "مستمرة", "في",
         "بيروت", "الخميس", "لوكالة", "فرانس", "برس", "١٢", "3.5", "مليون", "Reuters", "ﻻ",
         "الـــرئيس", "&amp;", "😀"]


def wait_for(path, proc, seconds=60):
    """Waits until `path` exists (the run got that far) or the run ends."""
    deadline = time.monotonic() + seconds
    while not path.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    return path.exists()


def without_time(path):
    """Quarantine records with the time of quarantining dropped."""
    if not path.exists():
        return []
    records = read_jsonl(path)
    for r in records:
        r.pop("time")
    return records


class ResumeTest(TempDirTest):
    DOCS = 12000

    def setUp(self):
        super().setUp()
        rng = random.Random(7)
        with open(self.tmp / "a.jsonl", "w", encoding="utf-8") as a, \
                open(self.tmp / "b.jsonl", "w", encoding="utf-8") as b:
            for i in range(self.DOCS):
                words = [rng.choice(WORDS) for _ in range(rng.randint(20, 120))]
                if i % 97 == 13:
                    words.append("FAIL")
                line = json.dumps({"id": f"s{i}", "text": " ".join(words)}, ensure_ascii=False)
                (a if i < self.DOCS * 2 // 3 else b).write(line + "\n")
            a.write("{not json\n")  # a reader error, quarantined like the others

    def config(self, name):
        return self.write(f"{name}.toml", f"""\
[pipeline]
threads = 2
batch_size = 16

[[stage]]
plugin = "read-jsonl"
inputs = ["a.jsonl", "b.jsonl"]

[[stage]]
plugin = "normalise-unicode"
form = "NFKC"

[[stage]]
plugin = "normalise-arabic"

[[stage]]
plugin = "test-faulty"
delay_us = 250          # about 1.5 s a run on any machine: time to kill it

[[stage]]
plugin = "extract-tokens"

[[stage]]
plugin = "write-jsonl"
output = "{name}/out.jsonl"
""")

    def nahr(self, config, *extra):
        return run("run", config, "--quiet", *extra, plugin_path=TEST_PLUGINS)

    def start(self, config, *extra, stderr=subprocess.DEVNULL):
        env = dict(os.environ, NAHR_PLUGIN_PATH=TEST_PLUGINS)
        return subprocess.Popen([NAHR, "run", str(config), "--quiet", *extra], env=env,
                                stdout=subprocess.DEVNULL, stderr=stderr, text=True)

    def reference(self):
        r = self.nahr(self.config("whole"))
        self.assertEqual(r.code, 1, r.stderr)  # some documents were quarantined
        out = self.tmp / "whole" / "out.jsonl"
        return r.summary(), out.read_bytes(), without_time(self.tmp / "whole" / "out.jsonl.quarantine.jsonl")

    def test_killed_runs_resume_to_identical_output(self):
        summary, expected, expected_quarantine = self.reference()
        self.assertEqual(summary[0], self.DOCS + 1)
        config = self.config("killed")
        out = self.tmp / "killed" / "out.jsonl"
        rng = random.Random(2026)
        kills = 0
        for attempt in range(8):
            proc = self.start(config, "--resume")
            # Killed at a random moment once it writes (a loaded machine may
            # take long to start): never a file under the final name.
            wait_for(self.tmp / "killed" / "out.jsonl.partial", proc)
            time.sleep(rng.uniform(0.0, 0.5))
            if proc.poll() is not None:
                break
            proc.send_signal(signal.SIGKILL)
            if proc.wait() != -signal.SIGKILL:
                break  # it finished just before the signal came
            kills += 1
            self.assertFalse(out.exists())
        self.assertGreater(kills, 1)
        r = self.nahr(config, "--resume")
        self.assertEqual(r.code, 1, r.stderr)
        self.assertEqual(r.summary(), summary)
        self.assertEqual(out.read_bytes(), expected)
        self.assertEqual(without_time(self.tmp / "killed" / "out.jsonl.quarantine.jsonl"),
                         expected_quarantine)
        self.assertFalse((self.tmp / "killed" / "out.jsonl.resume.json").exists())
        self.assertFalse((self.tmp / "killed" / "out.jsonl.partial").exists())

    def test_interrupted_run_resumes(self):
        summary, expected, _ = self.reference()
        config = self.config("stopped")
        proc = self.start(config, stderr=subprocess.PIPE)
        if not wait_for(self.tmp / "stopped" / "out.jsonl.resume.json", proc):
            proc.communicate()
            self.skipTest("the run ended before its first checkpoint")
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate()
        self.assertEqual(proc.returncode, 143, stderr)
        self.assertIn("--resume", stderr)
        r = self.nahr(config, "--resume")
        self.assertIn("resuming after", r.stderr)
        self.assertEqual(r.summary(), summary)
        self.assertEqual((self.tmp / "stopped" / "out.jsonl").read_bytes(), expected)

    def test_resume_without_a_manifest_starts_over(self):
        config = self.config("fresh")
        r = self.nahr(config, "--resume")
        self.assertEqual(r.code, 1, r.stderr)
        self.assertIn("no run to resume", r.stderr)
        self.assertEqual(r.summary()[0], self.DOCS + 1)

    def test_a_manifest_of_another_pipeline_is_refused(self):
        config = self.config("changed")
        proc = self.start(config)
        wait_for(self.tmp / "changed" / "out.jsonl.resume.json", proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if not (self.tmp / "changed" / "out.jsonl.resume.json").exists():
            self.skipTest("the run ended before its first checkpoint")
        r = self.nahr(config, "--resume", "--set", "normalise-arabic.preset=search")
        self.assertEqual(r.code, 2, r.stderr)
        self.assertIn("different pipeline", r.stderr)

    def test_resume_needs_a_stream_writer_to_a_file(self):
        r = self.nahr(self.config("stdout"), "--resume", "--output", "-")
        self.assertEqual(r.code, 2)
        self.assertIn("--resume needs a stream writer", r.stderr)
