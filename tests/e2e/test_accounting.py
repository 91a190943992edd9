"""read = written + quarantined (+ skipped): every record ends somewhere, with every policy.

Inputs carry bad records of every kind (faulty_corpus.py) sprinkled through; each run is
checked on its summary line, its report, its output and its quarantine, at several thread
counts and batch sizes, and on the exit code README.md promises.
"""
import gzip

from faulty_corpus import (LONG_LIMIT, PROCESS_KINDS, READ_KINDS, Corpus, pipeline_config,
                           read_report, sprinkled)
from nahr_e2e import TEST_PLUGINS, TempDirTest, read_jsonl, run

ALL_BAD = ["fail", "invalid", "throw", "long", "array"]


class AccountingTest(TempDirTest):
    def run_corpus(self, corpus, *extra, inputs=("stories.jsonl",), **pipeline):
        corpus.write(self.tmp / "stories.jsonl")
        pipeline.setdefault("max_document_bytes", LONG_LIMIT)
        config = pipeline_config(self.tmp, inputs=inputs, **pipeline)
        r = run("run", config, "--report", self.tmp / "report", *extra, plugin_path=TEST_PLUGINS)
        self.check_equation(r)
        return r

    def check_equation(self, r):
        read, written, quarantined, skipped, unfinished = r.summary()
        self.assertEqual(read, written + quarantined + skipped + unfinished, r.stderr)
        report = read_report(self.tmp / "report")
        summary = report["summary"]
        self.assertEqual((summary["read"], summary["written"], summary["quarantined"],
                          summary["skipped"], summary["unfinished"]),
                         (read, written, quarantined, skipped, unfinished))
        self.assertTrue(summary["holds"])
        self.assertIn(summary["line"], r.stderr)
        self.assertEqual(report["exit_code"], r.code)
        return report

    def output_ids(self):
        return [d["id"] for d in read_jsonl(self.tmp / "out.jsonl")]

    def quarantine(self):
        return read_jsonl(self.tmp / "out.jsonl.quarantine.jsonl")

    def check_entry(self, entry, record):
        """A quarantine entry holds the record as read, where it came from and why it failed."""
        self.assertEqual(entry["source"]["file"], str(self.tmp / "stories.jsonl"))
        self.assertEqual(entry["source"]["line"], record.line)
        if record.kind in PROCESS_KINDS:
            self.assertEqual((entry["id"], entry["stage"], entry["phase"]),
                             (record.id, "test-faulty", "process"))
            self.assertEqual(entry["record"], record.text)
            self.assertEqual(entry["metadata"], {"desk": "بيروت"})
            marker = "FAIL" if record.kind == "fail" else "THROW"
            self.assertIn(f"{marker} marker", entry["error"])
        else:
            self.assertIn(record.kind, READ_KINDS)
            self.assertEqual((entry["stage"], entry["phase"]), ("read-jsonl", "read"))
            # The reader refuses a line over max_document_bytes before parsing
            # it, so the quarantine holds the line as read, as for the others.
            self.assertEqual(entry["record"], record.raw)
            if record.kind == "long":
                self.assertIn(f"exceeds max_document_bytes ({LONG_LIMIT})", entry["error"])
        self.assertRegex(entry["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

    def test_quarantine_policy_keeps_every_bad_record_whatever_the_threads(self):
        corpus = Corpus(400, sprinkled(400, 13, ALL_BAD))
        for threads, batch in ((1, 64), (2, 5), (4, 1), (8, 7)):
            with self.subTest(threads=threads, batch_size=batch):
                r = self.run_corpus(corpus, "--threads", threads, batch_size=batch)
                self.assertEqual(r.code, 1, r.stderr)
                self.assertEqual(r.summary(), (400, len(corpus.good), len(corpus.bad), 0, 0))
                self.assertEqual(self.output_ids(), [g.id for g in corpus.good])
                entries = self.quarantine()
                self.assertEqual([e["source"]["line"] for e in entries],
                                 [b.line for b in corpus.bad])
                for entry, record in zip(entries, corpus.bad):
                    self.check_entry(entry, record)
                report = read_report(self.tmp / "report")
                self.assertEqual(report["threads"], threads)
                errors = {s["id"]: s["errors"] for s in report["stages"]}
                self.assertEqual(errors, {"read-jsonl": len(corpus.of_kind(*READ_KINDS)),
                                          "test-faulty": len(corpus.of_kind(*PROCESS_KINDS)),
                                          "write-jsonl": 0})

    def test_a_crashing_stage_in_a_worker_process_is_accounted_for(self):
        corpus = Corpus(150, sprinkled(150, 10, ["crash", "fail", "invalid"]))
        crash_stage = '[[stage]]\nplugin = "test-crash"\n'
        for threads in (1, 3):
            with self.subTest(threads=threads):
                r = self.run_corpus(corpus, "--threads", threads, before_faulty=crash_stage,
                                    isolation="process", batch_size=4)
                self.assertEqual(r.code, 1, r.stderr)
                self.assertEqual(r.summary(), (150, len(corpus.good), len(corpus.bad), 0, 0))
                self.assertEqual(self.output_ids(), [g.id for g in corpus.good])
                entries = self.quarantine()
                self.assertEqual([e["source"]["line"] for e in entries],
                                 [b.line for b in corpus.bad])
                for entry, record in zip(entries, corpus.bad):
                    if record.kind == "crash":
                        self.assertEqual((entry["id"], entry["stage"], entry["phase"]),
                                         (record.id, "test-crash", "process"))
                        self.assertEqual(entry["record"], record.text)
                    else:
                        self.check_entry(entry, record)

    def test_skip_policy_counts_what_it_drops(self):
        corpus = Corpus(300, sprinkled(300, 11, ALL_BAD))
        for threads in (1, 3):
            with self.subTest(threads=threads):
                r = self.run_corpus(corpus, "--threads", threads, on_error="skip", batch_size=4)
                self.assertEqual(r.code, 1, r.stderr)
                self.assertEqual(r.summary(), (300, len(corpus.good), 0, len(corpus.bad), 0))
                self.assertEqual(self.output_ids(), [g.id for g in corpus.good])
                self.assertFalse((self.tmp / "out.jsonl.quarantine.jsonl").exists())

    def test_fail_policy_stops_at_the_first_bad_record_in_input_order(self):
        corpus = Corpus(500, sprinkled(500, 97, ["throw", "invalid", "fail"], offset=150))
        first_bad = corpus.bad[0]
        good_before = [g for g in corpus.good if g.line < first_bad.line]
        for threads in (1, 2, 4):
            with self.subTest(threads=threads):
                r = self.run_corpus(corpus, "--threads", threads, on_error="fail", batch_size=8)
                self.assertEqual(r.code, 3, r.stderr)
                self.assertIn('on_error = "fail"', r.stderr)
                read, written, quarantined, skipped, unfinished = r.summary()
                self.assertEqual((written, quarantined, skipped), (len(good_before), 1, 0))
                [entry] = self.quarantine()
                self.check_entry(entry, first_bad)
                self.assertFalse((self.tmp / "out.jsonl").exists())
                self.assertEqual(self.partial_ids(), [g.id for g in good_before])

    def partial_ids(self):
        return [d["id"] for d in read_jsonl(self.tmp / "out.jsonl.partial")]

    def test_error_budget_stops_the_run_with_a_prefix_written(self):
        corpus = Corpus(600, sprinkled(600, 20, ["fail", "invalid"]))
        for threads in (1, 4):
            with self.subTest(threads=threads):
                r = self.run_corpus(corpus, "--threads", threads, max_errors=5, batch_size=10)
                self.assertEqual(r.code, 3, r.stderr)
                self.assertIn("error budget exceeded", r.stderr)
                _, written, quarantined, _, _ = r.summary()
                self.assertGreater(quarantined, 5)
                entries = self.quarantine()
                self.assertEqual([e["source"]["line"] for e in entries],
                                 [b.line for b in corpus.bad[:quarantined]])
                self.assertEqual(self.partial_ids(), [g.id for g in corpus.good[:written]])
                self.assertFalse((self.tmp / "out.jsonl").exists())

    def test_error_rate_budget_stops_the_run(self):
        corpus = Corpus(400, sprinkled(400, 4, ["fail"]))  # 25% fail
        r = self.run_corpus(corpus, max_error_rate=0.1)
        self.assertEqual(r.code, 3, r.stderr)
        self.assertIn("max_error_rate = 10.0%", r.stderr)

    def test_fatal_stage_error_stops_the_run_and_accounts_for_the_rest(self):
        pattern = sprinkled(300, 17, ["fail"])
        pattern[200] = "fatal"
        corpus = Corpus(300, pattern)
        for threads in (1, 3):
            with self.subTest(threads=threads):
                r = self.run_corpus(corpus, "--threads", threads, batch_size=6)
                self.assertEqual(r.code, 3, r.stderr)
                self.assertIn("cannot go on: FATAL marker found", r.stderr)
                report = read_report(self.tmp / "report")
                self.assertEqual(report["outcome"], "stopped")
                self.assertIn("FATAL marker found", report["stop_reason"])

    def test_a_clean_run_exits_zero(self):
        corpus = Corpus(120, {})
        for threads in (1, 2):
            with self.subTest(threads=threads):
                r = self.run_corpus(corpus, "--threads", threads)
                self.assertEqual(r.code, 0, r.stderr)
                self.assertEqual(r.summary(), (120, 120, 0, 0, 0))
                self.assertFalse((self.tmp / "out.jsonl.quarantine.jsonl").exists())

    def test_a_truncated_archive_among_the_inputs_is_accounted_for(self):
        corpus = Corpus(200, sprinkled(200, 31, ["fail"]))
        corpus.write(self.tmp / "whole.jsonl")
        packed = gzip.compress((self.tmp / "whole.jsonl").read_bytes())
        (self.tmp / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
        r = self.run_corpus(corpus, inputs=("stories.jsonl", "cut.jsonl.gz"))
        self.assertEqual(r.code, 1, r.stderr)
        read, written, quarantined, _, _ = r.summary()
        self.assertGreater(read, 200)
        cut = [e for e in self.quarantine() if e["source"]["file"].endswith("cut.jsonl.gz")]
        self.assertEqual(cut[-1]["phase"], "read")
        self.assertIn("truncated", cut[-1]["error"])
        self.assertEqual(len(self.output_ids()), written)

    def test_no_usable_input_exits_two_and_still_sums_up(self):
        config = pipeline_config(self.tmp, inputs=("missing-*.jsonl",))
        r = run("run", config, "--report", self.tmp / "report", plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 2, r.stderr)
        self.assertEqual(r.summary(), (0, 0, 0, 0, 0))
        report = self.check_equation(r)
        self.assertEqual(report["outcome"], "unusable input")
