"""nahr run: the AFP pipeline, ordered output, accounting, policies, I/O."""
import gzip
import json
import random

from nahr_e2e import SOURCE_DIR, TEST_PLUGINS, TempDirTest, read_jsonl, run

AFP_CONFIG = SOURCE_DIR / "configs" / "afp-arabic.toml"

WORDS = ["قال", "المتحدث", "باسم", "التحالف", "الدولي", "إن", "المفاوضات", "مستمرة", "في",
         "بيروت", "الخميس", "لوكالة", "فرانس", "برس", "١٢", "3.5", "مليون", "Reuters", "😀"]


def story(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


class AfpPipelineTest(TempDirTest):
    def test_runs_on_the_bundled_samples(self):
        out = self.tmp / "afp.jsonl"
        r = run("run", AFP_CONFIG, "--output", out)
        self.assertEqual(r.code, 0, r.stderr)
        self.assertEqual(r.summary(), (6, 6, 0, 0, 0))
        docs = read_jsonl(out)
        self.assertEqual([d["id"] for d in docs], [f"afp-0{i}" for i in range(1, 7)])
        beirut = docs[0]
        self.assertEqual(beirut["metadata"]["date"], "2019-03-07")
        self.assertTrue(beirut["text"].startswith("بيروت:"))
        self.assertFalse((self.tmp / "afp.jsonl.partial").exists())

    def test_stdin_to_stdout(self):
        story = {"id": "wire-1", "text": "الـــرَّئِيسُ قال &amp; أكد"}
        r = run("run", AFP_CONFIG, "--input", "-", "--output", "-",
                stdin=json.dumps(story, ensure_ascii=False) + "\n")
        self.assertEqual(r.code, 0, r.stderr)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["id"], "wire-1")
        self.assertEqual(doc["text"], "الرئيس قال & اكد")
        self.assertEqual(doc["source"]["file"], "<stdin>")

    def test_missing_input_is_unusable(self):
        r = run("run", AFP_CONFIG, "--input", self.tmp / "none-*.jsonl", "--output", self.tmp / "o.jsonl")
        self.assertEqual(r.code, 2)
        self.assertIn("matches no file", r.stderr)
        self.assertEqual(list(self.tmp.iterdir()), [])  # not even a .partial output


class FaultyPipelineTest(TempDirTest):
    """Runs read-jsonl -> test-faulty -> write-jsonl over generated stories."""

    def config(self, **pipeline):
        settings = "\n".join(f"{k} = {json.dumps(v)}" for k, v in pipeline.items())
        return self.write("faulty.toml", f"""\
[pipeline]
{settings}

[[stage]]
plugin = "read-jsonl"
inputs = ["stories.jsonl"]

[[stage]]
plugin = "test-faulty"

[[stage]]
plugin = "write-jsonl"
output = "out.jsonl"
""")

    def stories(self, count, bad_every=0, marker="FAIL", malformed_every=0):
        rng = random.Random(count)
        lines = []
        for i in range(count):
            text = story(rng, rng.randint(0, 60))
            if bad_every and i % bad_every == 3:
                text += f" {marker}"
            if malformed_every and i % malformed_every == 5:
                lines.append('{"id": "broken", "text": "غير مكتمل')
                continue
            lines.append(json.dumps({"id": f"doc-{i:05d}", "text": text}, ensure_ascii=False))
        self.write("stories.jsonl", "\n".join(lines) + "\n")

    def run_faulty(self, *extra, **pipeline):
        return run("run", self.config(**pipeline), *extra, plugin_path=TEST_PLUGINS)

    def test_output_is_identical_whatever_the_thread_count(self):
        self.stories(3000, bad_every=97)
        outputs = []
        for threads in (1, 2, 8):
            r = self.run_faulty("--threads", threads, "--set", "pipeline.batch_size=7")
            self.assertEqual(r.code, 1, r.stderr)
            outputs.append((self.tmp / "out.jsonl").read_bytes())
        self.assertEqual(outputs[0], outputs[1])
        self.assertEqual(outputs[0], outputs[2])
        ids = [json.loads(l)["id"] for l in outputs[0].decode().splitlines()]
        self.assertEqual(ids, sorted(ids))

    def test_every_document_is_written_or_quarantined(self):
        self.stories(1000, bad_every=50, malformed_every=111)
        r = self.run_faulty()
        self.assertEqual(r.code, 1, r.stderr)
        read, written, quarantined, skipped, unfinished = r.summary()
        self.assertEqual(read, written + quarantined + skipped + unfinished)
        self.assertEqual(read, 1000)
        self.assertEqual(quarantined, 20 + 9)
        self.assertEqual(len(read_jsonl(self.tmp / "out.jsonl")), written)
        q = read_jsonl(self.tmp / "out.jsonl.quarantine.jsonl")
        self.assertEqual(len(q), quarantined)
        failed = next(e for e in q if e["stage"] == "test-faulty")
        self.assertIn("FAIL marker at byte", failed["error"])
        self.assertIn("FAIL", failed["record"])
        broken = next(e for e in q if e["stage"] == "read-jsonl")
        self.assertEqual(broken["source"]["line"], 6)
        self.assertIn("غير مكتمل", broken["record"])
        self.assertIn("stories.jsonl:6", r.stderr)

    def test_skip_policy_counts_but_keeps_nothing(self):
        self.stories(200, bad_every=20)
        r = self.run_faulty(on_error="skip")
        self.assertEqual(r.code, 1)
        self.assertEqual(r.summary()[:4], (200, 190, 0, 10))
        self.assertFalse((self.tmp / "out.jsonl.quarantine.jsonl").exists())

    def test_fail_policy_stops_and_leaves_no_final_output(self):
        self.stories(500, bad_every=100)
        r = self.run_faulty(on_error="fail")
        self.assertEqual(r.code, 3)
        self.assertIn('on_error = "fail"', r.stderr)
        read, written, quarantined, skipped, unfinished = r.summary()
        self.assertEqual(read, written + quarantined + skipped + unfinished)
        self.assertFalse((self.tmp / "out.jsonl").exists())

    def test_error_budget_stops_the_run(self):
        self.stories(500, bad_every=10)
        r = self.run_faulty(max_errors=5)
        self.assertEqual(r.code, 3)
        self.assertIn("error budget exceeded", r.stderr)

    def test_fatal_stage_error_stops_the_run(self):
        self.stories(300, bad_every=150, marker="FATAL")
        r = self.run_faulty()
        self.assertEqual(r.code, 3)
        self.assertIn("cannot go on: FATAL marker found", r.stderr)
        self.assertFalse((self.tmp / "out.jsonl").exists())

    def test_compressed_input_reads_like_plain(self):
        self.stories(100)
        plain = (self.tmp / "stories.jsonl").read_bytes()
        (self.tmp / "stories.jsonl").write_bytes(gzip.compress(plain))
        r = self.run_faulty()
        self.assertEqual(r.code, 0, r.stderr)
        self.assertEqual(r.summary()[:2], (100, 100))

    def test_stats_show_every_stage(self):
        self.stories(50)
        r = self.run_faulty("--stats")
        self.assertEqual(r.code, 0)
        for stage in ("read-jsonl", "test-faulty", "write-jsonl"):
            self.assertIn(stage, r.stderr)
