"""nahr replay: a quarantine's documents run again after a fix, as they were read."""
import gzip
import json

from faulty_corpus import LONG_LIMIT, PROCESS_KINDS, Corpus, pipeline_config, sprinkled
from nahr_e2e import SOURCE_DIR, TEST_PLUGINS, TempDirTest, read_jsonl, run


class ReplayTest(TempDirTest):
    def setUp(self):
        super().setUp()
        self.corpus = Corpus(300, sprinkled(300, 7, ["fail", "throw", "invalid", "fail", "long"]))
        self.corpus.write(self.tmp / "stories.jsonl")
        config = pipeline_config(self.tmp, max_document_bytes=LONG_LIMIT, batch_size=4)
        r = run("run", config, plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 1, r.stderr)
        self.quarantine = self.tmp / "out.jsonl.quarantine.jsonl"
        self.entries = self.quarantine.read_text(encoding="utf-8").splitlines()
        self.assertEqual(len(self.entries), len(self.corpus.bad))
        self.replayable = self.corpus.of_kind(*PROCESS_KINDS)
        self.unreplayable = [b for b in self.corpus.bad if b.kind not in PROCESS_KINDS]

    def fixed_config(self, name="fixed.toml"):
        """The "fix": markers now need a "#" before them, so FAIL and THROW pass."""
        path = pipeline_config(self.tmp, faulty_options='marker_prefix = "#"',
                               max_document_bytes=LONG_LIMIT)
        return path.rename(self.tmp / name)

    def new_quarantine(self):
        path = self.tmp / "out.replay.jsonl.quarantine.jsonl"
        return path.read_text(encoding="utf-8").splitlines()

    def replay(self, *args):
        return run("replay", self.quarantine, *args, plugin_path=TEST_PLUGINS)

    def test_fixed_documents_are_written_in_quarantine_order(self):
        for threads in ("1", "4"):
            with self.subTest(threads=threads):
                r = self.replay(self.fixed_config(), "--threads", threads, "--set",
                                "pipeline.batch_size=3")
                self.assertEqual(r.code, 1, r.stderr)  # the read failures are still failed
                self.assertEqual(r.summary(), (len(self.corpus.bad), len(self.replayable),
                                               len(self.unreplayable), 0, 0))
                docs = read_jsonl(self.tmp / "out.replay.jsonl")
                self.assertEqual([d["id"] for d in docs], [b.id for b in self.replayable])
                for doc, record in zip(docs, self.replayable):
                    self.assertEqual(doc["text"], record.text)
                    self.assertEqual(doc["source"]["line"], record.line)
                    self.assertEqual(doc["metadata"], {"desk": "بيروت"})

    def test_replayed_output_matches_a_fixed_run_byte_for_byte(self):
        fixed = self.fixed_config()
        r = run("run", fixed, "--output", self.tmp / "full.jsonl", plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 1, r.stderr)  # invalid and long records fail in any case
        wanted = {json.loads(line)["id"]: line
                  for line in (self.tmp / "full.jsonl").read_text(encoding="utf-8").splitlines()}
        r = self.replay(fixed)
        replayed = (self.tmp / "out.replay.jsonl").read_text(encoding="utf-8").splitlines()
        self.assertEqual(replayed, [wanted[b.id] for b in self.replayable])

    def test_records_that_failed_while_reading_are_kept_line_for_line(self):
        r = self.replay(self.fixed_config())
        kept = self.new_quarantine()
        originals = [e for e in self.entries if json.loads(e)["phase"] == "read"]
        self.assertEqual(kept, originals)
        self.assertIn("not replayed: it failed while reading", r.stderr)

    def test_documents_that_fail_again_go_to_the_new_quarantine(self):
        unfixed = pipeline_config(self.tmp, max_document_bytes=LONG_LIMIT)
        r = self.replay(unfixed, "--output", self.tmp / "again.jsonl")
        self.assertEqual(r.code, 1, r.stderr)
        self.assertEqual(r.summary(), (len(self.corpus.bad), 0, len(self.corpus.bad), 0, 0))
        again = read_jsonl(self.tmp / "again.jsonl.quarantine.jsonl")
        originals = [json.loads(e) for e in self.entries]
        self.assertEqual([(e["source"]["line"], e["phase"]) for e in again],
                         [(e["source"]["line"], e["phase"]) for e in originals])
        for entry, record in zip(again, self.corpus.bad):
            if record.kind in PROCESS_KINDS:
                self.assertEqual(entry["record"], record.text)
                self.assertEqual(entry["id"], record.id)
        self.assertEqual(read_jsonl(self.tmp / "again.jsonl"), [])

    def test_replay_starts_from_the_text_as_read_not_as_normalised(self):
        story = {"id": "norm-1", "text": "الـــرَّئِيسُ قال FAIL", "desk": "بيروت"}
        (self.tmp / "stories.jsonl").write_text(json.dumps(story, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
        config = self.tmp / "norm.toml"
        config.write_text(f"""\
[[stage]]
plugin = "read-jsonl"
inputs = ["stories.jsonl"]
[[stage]]
plugin = "normalise-arabic"
[[stage]]
plugin = "test-faulty"
[[stage]]
plugin = "write-jsonl"
output = "out.jsonl"
original_text = true
""", encoding="utf-8")
        self.assertEqual(run("run", config, plugin_path=TEST_PLUGINS).code, 1)
        [entry] = read_jsonl(self.quarantine)
        self.assertEqual(entry["record"], story["text"])
        fixed = self.tmp / "norm-fixed.toml"
        fixed_text = config.read_text(encoding="utf-8").replace(
            'plugin = "test-faulty"', 'plugin = "test-faulty"\nmarker_prefix = "#"')
        fixed.write_text(fixed_text, encoding="utf-8")
        r = self.replay(fixed)
        self.assertEqual(r.code, 0, r.stderr)
        [doc] = read_jsonl(self.tmp / "out.replay.jsonl")
        self.assertEqual(doc["original_text"], story["text"])
        self.assertNotEqual(doc["text"], story["text"])  # normalised once, from the text as read

    def test_a_compressed_quarantine_or_stdin_replays_the_same(self):
        fixed = self.fixed_config()
        self.assertEqual(self.replay(fixed, "--output", self.tmp / "plain.jsonl").code, 1)
        packed = self.tmp / "q.jsonl.gz"
        packed.write_bytes(gzip.compress(self.quarantine.read_bytes()))
        r = run("replay", packed, fixed, "--output", self.tmp / "packed.jsonl",
                plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 1, r.stderr)
        r = run("replay", "-", fixed, "--output", self.tmp / "stdin.jsonl",
                stdin=self.quarantine.read_text(encoding="utf-8"), plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 1, r.stderr)
        plain = (self.tmp / "plain.jsonl").read_bytes()
        self.assertEqual((self.tmp / "packed.jsonl").read_bytes(), plain)
        self.assertEqual((self.tmp / "stdin.jsonl").read_bytes(), plain)

    def test_replay_never_overwrites_the_quarantine_it_reads(self):
        r = self.replay(self.fixed_config(), "--quarantine", self.quarantine)
        self.assertEqual(r.code, 2)
        self.assertIn("would overwrite it", r.stderr)
        self.assertEqual(self.quarantine.read_text(encoding="utf-8").splitlines(), self.entries)

    def test_an_unreadable_quarantine_is_unusable_input(self):
        r = run("replay", self.tmp / "none.jsonl", self.fixed_config(), plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 2)
        self.assertIn("cannot read the quarantine", r.stderr)

    def test_lines_that_are_not_entries_are_kept_and_counted(self):
        with self.quarantine.open("a", encoding="utf-8") as f:
            f.write("هذا ليس JSON\n\n{\"id\": 1}\n")
        r = self.replay(self.fixed_config())
        self.assertEqual(r.summary()[0], len(self.corpus.bad) + 2)
        kept = self.new_quarantine()
        self.assertEqual(kept[-2:], ["هذا ليس JSON", "{\"id\": 1}"])
        self.assertIn("is not a quarantine entry", r.stderr)

    def test_the_bundled_afp_pipeline_replays_its_own_quarantine(self):
        config = SOURCE_DIR / "configs" / "afp-arabic.toml"
        stories = self.tmp / "wire.jsonl"
        stories.write_text("\n".join([
            json.dumps({"id": "w1", "text": "بيروت (أ ف ب) - قال الرئيس إن المحادثات مستمرة."},
                       ensure_ascii=False),
            '{"id": "w2", "text": "سطر مقطوع',
        ]) + "\n", encoding="utf-8")
        r = run("run", config, "--input", stories, "--output", self.tmp / "afp.jsonl")
        self.assertEqual(r.code, 1, r.stderr)
        r = run("replay", self.tmp / "afp.jsonl.quarantine.jsonl", config, "--output",
                self.tmp / "afp-replay.jsonl")
        self.assertEqual(r.code, 1, r.stderr)
        self.assertEqual(r.summary(), (1, 0, 1, 0, 0))
