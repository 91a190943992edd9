"""--log-format json: one JSON object per line on stderr, with structured fields."""
import json

from faulty_corpus import Corpus, pipeline_config, sprinkled
from nahr_e2e import TEST_PLUGINS, TempDirTest, run

TIME = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"


class LogFormatTest(TempDirTest):
    def records(self, r):
        """Every stderr line parsed; fails on any line that is not one JSON object."""
        lines = r.stderr.splitlines()
        self.assertTrue(lines)
        records = [json.loads(line) for line in lines]
        for record in records:
            self.assertRegex(record["time"], TIME)
            self.assertIn(record["level"], ("trace", "debug", "info", "warn", "error", "critical"))
            self.assertIsInstance(record["message"], str)
        return records

    def faulty_run(self, *extra):
        corpus = Corpus(60, sprinkled(60, 10, ["fail", "invalid"]))
        corpus.write(self.tmp / "stories.jsonl")
        return corpus, run("run", pipeline_config(self.tmp), *extra, plugin_path=TEST_PLUGINS)

    def test_failures_carry_file_line_document_and_stage(self):
        corpus, r = self.faulty_run("--log-format", "json", "--stats")
        self.assertEqual(r.code, 1)
        records = self.records(r)
        failures = [x for x in records if x["level"] == "warn"]
        self.assertEqual([x["line"] for x in failures], [b.line for b in corpus.bad])
        for x, b in zip(failures, corpus.bad):
            self.assertEqual(x["file"], str(self.tmp / "stories.jsonl"))
            if b.kind == "fail":
                self.assertEqual((x["stage"], x["document"]), ("test-faulty", b.id))
            else:  # the line never became a record: the reader names it after the file
                self.assertEqual((x["stage"], x["document"]), ("read-jsonl", f"stories-{b.line}"))
        stats = [x for x in records if x["message"] == "stage statistics"]
        self.assertEqual([x["stage"] for x in stats], ["read-jsonl", "test-faulty", "write-jsonl"])
        self.assertEqual(stats[0]["documents"], 60)
        summary = records[-1]
        self.assertEqual((summary["read"], summary["written"], summary["quarantined"],
                          summary["skipped"], summary["unfinished"]),
                         (60, len(corpus.good), len(corpus.bad), 0, 0))
        self.assertEqual(summary["quarantine"], str(self.tmp / "out.jsonl.quarantine.jsonl"))
        self.assertTrue(summary["message"].startswith(f"read 60 = written {len(corpus.good)}"))

    def test_crashes_in_worker_processes_are_records_too(self):
        corpus = Corpus(30, sprinkled(30, 10, ["crash", "fail"]))
        corpus.write(self.tmp / "stories.jsonl")
        config = pipeline_config(self.tmp, before_faulty='[[stage]]\nplugin = "test-crash"\n',
                                 isolation="process")
        r = run("run", config, "--log-format", "json", "--log-level", "debug",
                plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 1, r.stderr)
        records = self.records(r)
        crashed = [x for x in records if x.get("stage") == "test-crash" and "document" in x]
        self.assertEqual([x["document"] for x in crashed], [b.id for b in corpus.of_kind("crash")])

    def test_strings_are_escaped_whatever_they_hold(self):
        doc_id = 'خبر "٧" \\ \t سطر'
        self.write("stories.jsonl", json.dumps({"id": doc_id, "text": "قال FAIL"},
                                               ensure_ascii=False) + "\n")
        r = run("--log-format=json", "run", pipeline_config(self.tmp), plugin_path=TEST_PLUGINS)
        [failure] = [x for x in self.records(r) if x["level"] == "warn"]
        self.assertEqual(failure["document"], doc_id)
        self.assertIn(doc_id, failure["message"])

    def test_the_level_filters_logs_but_never_the_summary(self):
        _, r = self.faulty_run("--log-format", "json", "--log-level", "error")
        records = self.records(r)
        self.assertEqual([x["level"] for x in records], ["info"])
        self.assertIn("read", records[0])

    def test_config_diagnostics_are_records_with_positions(self):
        config = self.write("bad.toml",
                            '[pipeline]\nthreads = "كثير"\n\n[[stage]]\nplugin = "read-jsonll"\n')
        r = run("check", config, "--log-format", "json", plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 2)
        records = self.records(r)
        self.assertEqual([(x["line"], x["column"]) for x in records[:2]], [(2, 11), (5, 10)])
        self.assertIn("did you mean 'read-jsonl'", records[1]["message"])
        self.assertEqual(records[-1]["message"], f"2 errors in {config}; nothing was run")

    def test_usage_errors_are_records_too(self):
        r = run("run", "--bogus", "--log-format", "json")
        self.assertEqual(r.code, 2)
        [record] = self.records(r)
        self.assertEqual((record["level"], record["message"]),
                         ("error", "unrecognised option '--bogus'"))
        r = run("frobnicate", "--log-format", "json")
        [record] = self.records(r)
        self.assertIn("unknown command 'frobnicate'", record["message"])

    def test_an_unknown_format_is_a_usage_error(self):
        r = run("--log-format", "xml", "plugins")
        self.assertEqual(r.code, 2)
        self.assertIn("unknown log format 'xml' (text, json)", r.stderr)

    def test_text_stays_the_default(self):
        _, r = self.faulty_run()
        self.assertIn("nahr: warning: ", r.stderr)
        self.assertTrue(r.stderr.splitlines()[-1].startswith("nahr: read 60 = written"))
