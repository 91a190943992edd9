"""Sharded runs: `nahr run --shard K/N` for every K, then `nahr merge`, must
give what one run gives: the same bytes for JSONL, CSV, CoNLL-U and HTML,
the same rows for SQLite, the same quarantine (but its timestamps). Also
`--shard auto` from a Slurm array's environment, the refusals, and
`nahr submit` driving a stand-in for Slurm's commands."""
import gzip
import json
import os
import sqlite3
import stat
import unittest

from nahr_e2e import SHARED_DIR, SOURCE_DIR, TempDirTest, read_jsonl, run

CONFIGS = SOURCE_DIR / "configs"
CORPUS = SHARED_DIR / "corpus" / "corpus-small.jsonl"
FAKE_SLURM = SOURCE_DIR / "tests" / "e2e" / "fake_slurm"


def corpus_lines(count, skip=0):
    with open(CORPUS, encoding="utf-8") as f:
        lines = f.readlines()
    return lines[skip:skip + count]


def without_time(quarantine):
    records = read_jsonl(quarantine)
    for r in records:
        r.pop("time")
    return records


class ShardTest(TempDirTest):
    def run_single(self, config, output, *args):
        r = run("run", config, "--output", output, "--quiet", *args)
        self.assertIn(r.code, (0, 1), r.stderr)
        return r

    def run_sharded(self, config, output, shards, *args, threads=None):
        for k in range(shards):
            extra = ["--threads", str(threads if threads else 1 + k % 2)]
            r = run("run", config, "--output", output, "--quiet", "--shard", f"{k}/{shards}",
                    *extra, *args)
            self.assertIn(r.code, (0, 1), r.stderr)
        r = run("merge", config, "--output", output, *args)
        self.assertEqual(r.code, 0, r.stderr)
        return r

    def assert_same_bytes(self, config, suffix, *args, shard_counts=(1, 3, 7)):
        single = self.tmp / "single" / f"out{suffix}"
        self.run_single(config, single, *args)
        for shards in shard_counts:
            with self.subTest(shards=shards):
                merged = self.tmp / f"sharded-{shards}" / f"out{suffix}"
                self.run_sharded(config, merged, shards, *args)
                self.assertEqual(merged.read_bytes(), single.read_bytes())
        return single


class JsonlShardTest(ShardTest):
    def inputs(self):
        """Files of very different sizes, an empty one, a compressed one (not
        splittable) and a broken record, as an archive has them."""
        lines = corpus_lines(150)
        self.write("in/a-big.jsonl", "".join(lines[:90]))
        self.write("in/b-empty.jsonl", "")
        with gzip.open(self.tmp / "in" / "c.jsonl.gz", "wt", encoding="utf-8") as f:
            f.write("".join(lines[90:110]))
        self.write("in/d-small.jsonl", lines[110] + "{\"id\": \"broken\", \"text\": \n" + lines[111])
        self.write("in/e-rest.jsonl", "".join(lines[112:]) + "\n\n")
        return self.tmp / "in"

    def test_afp_pipeline_merges_byte_identical_with_its_quarantine(self):
        inputs = self.inputs()
        config = CONFIGS / "afp-arabic.toml"
        single = self.assert_same_bytes(config, ".jsonl", "--input", inputs)
        self.assertEqual(len(read_jsonl(single)), 150)
        expected = without_time(str(single) + ".quarantine.jsonl")
        self.assertEqual(len(expected), 1)
        for shards in (1, 3, 7):
            merged_quarantine = self.tmp / f"sharded-{shards}" / "out.jsonl.quarantine.jsonl"
            self.assertEqual(without_time(merged_quarantine), expected)

    def test_one_large_file_spreads_over_the_shards(self):
        self.write("one.jsonl", "".join(corpus_lines(120)))
        out = self.tmp / "parts" / "afp.jsonl"
        counts = []
        for k in range(4):
            r = run("run", CONFIGS / "afp-arabic.toml", "--input", self.tmp / "one.jsonl",
                    "--output", out, "--quiet", "--shard", f"{k}/4")
            self.assertEqual(r.code, 0, r.stderr)
            counts.append(r.summary()[0])
        self.assertEqual(sum(counts), 120)
        self.assertTrue(all(c > 10 for c in counts), counts)
        part = read_jsonl(self.tmp / "parts" / "afp.00002-of-00004.jsonl")
        # Record numbers and lines count from the file's start, not the part's.
        self.assertEqual(part[0]["source"]["record"], counts[0] + counts[1])
        self.assertEqual(part[0]["source"]["line"], counts[0] + counts[1] + 1)

    def test_more_shards_than_documents_leave_empty_parts(self):
        self.write("two.jsonl", "".join(corpus_lines(2)))
        config = CONFIGS / "afp-arabic.toml"
        self.assert_same_bytes(config, ".jsonl", "--input", self.tmp / "two.jsonl",
                               shard_counts=(5,))
        parts = sorted((self.tmp / "sharded-5").glob("out.*-of-00005.jsonl"))
        self.assertEqual(len(parts), 5)
        self.assertEqual(sum(1 for p in parts if p.stat().st_size == 0), 3)

    def test_shard_auto_reads_a_slurm_array_task(self):
        self.write("s.jsonl", "".join(corpus_lines(10)))
        env = {"SLURM_ARRAY_JOB_ID": "77", "SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1",
               "SLURM_ARRAY_TASK_MAX": "4", "SLURM_ARRAY_TASK_COUNT": "4"}
        r = run("run", CONFIGS / "afp-arabic.toml", "--input", self.tmp / "s.jsonl", "--output",
                self.tmp / "o.jsonl", "--shard", "auto", env=env)
        self.assertEqual(r.code, 0, r.stderr)
        self.assertIn("shard 2 of 4 (Slurm array job 77 task 3)", r.stderr)
        self.assertTrue((self.tmp / "o.00002-of-00004.jsonl").exists())
        r = run("run", CONFIGS / "afp-arabic.toml", "--input", self.tmp / "s.jsonl", "--output",
                self.tmp / "o.jsonl", "--shard", "auto")
        self.assertEqual(r.code, 2)
        self.assertIn("no array job or MPI launcher", r.stderr)

    def test_sharded_runs_refuse_stdout_and_stdin(self):
        self.write("s.jsonl", "".join(corpus_lines(2)))
        r = run("run", CONFIGS / "afp-arabic.toml", "--input", self.tmp / "s.jsonl", "--output",
                "-", "--shard", "0/2")
        self.assertEqual(r.code, 2)
        self.assertIn("give the writer an output path", r.stderr)
        r = run("run", CONFIGS / "afp-arabic.toml", "--input", "-", "--output",
                self.tmp / "o.jsonl", "--shard", "0/2", stdin="")
        self.assertEqual(r.code, 2)
        self.assertIn("cannot read standard input", r.stderr)

    def test_merge_names_the_missing_shards(self):
        self.write("s.jsonl", "".join(corpus_lines(6)))
        out = self.tmp / "o.jsonl"
        for k in (0, 2):
            run("run", CONFIGS / "afp-arabic.toml", "--input", self.tmp / "s.jsonl", "--output",
                out, "--shard", f"{k}/3")
        r = run("merge", CONFIGS / "afp-arabic.toml", "--output", out)
        self.assertEqual(r.code, 2)
        self.assertIn("1 of 3 shards have no finished part (shard 1;", r.stderr)
        self.assertFalse(out.exists())
        r = run("merge", CONFIGS / "afp-arabic.toml", "--output", self.tmp / "none.jsonl")
        self.assertEqual(r.code, 2)
        self.assertIn("no parts of", r.stderr)

    def test_shard_placeholder_puts_parts_in_a_directory(self):
        self.write("s.jsonl", "".join(corpus_lines(8)))
        config = CONFIGS / "afp-arabic.toml"
        # Unsharded, the same config writes what the shards merge into.
        self.run_single(config, self.tmp / "single" / "{shard}" / "afp.jsonl", "--input",
                        self.tmp / "s.jsonl")
        single = self.tmp / "single" / "afp.jsonl"
        self.assertFalse((self.tmp / "single" / "{shard}").exists())
        pattern = self.tmp / "out" / "{shard}" / "afp.jsonl"
        for k in range(2):
            r = run("run", config, "--input", self.tmp / "s.jsonl", "--output", pattern,
                    "--shard", f"{k}/2")
            self.assertEqual(r.code, 0, r.stderr)
        self.assertTrue((self.tmp / "out" / "00001-of-00002" / "afp.jsonl").exists())
        r = run("merge", config, "--input", self.tmp / "s.jsonl", "--output", pattern)
        self.assertEqual(r.code, 0, r.stderr)
        self.assertEqual((self.tmp / "out" / "afp.jsonl").read_bytes(), single.read_bytes())


class FormatShardTest(ShardTest):
    def stories(self, count=40, skip=0):
        return self.write("stories.jsonl", "".join(corpus_lines(count, skip)))

    def config(self, name, writer_table):
        return self.write(name, f"""
[pipeline]
on_error = "quarantine"

[[stage]]
plugin = "read-jsonl"

[[stage]]
plugin = "normalise-arabic"

[[stage]]
plugin = "extract-sentences"

[[stage]]
plugin = "extract-tokens"

[[stage]]
plugin = "extract-entities"

{writer_table}
""")

    def test_csv_keeps_one_header(self):
        stories = self.stories()
        config = self.config("csv.toml", """
[[stage]]
plugin = "write-csv"
rows = "annotations"
annotation_types = ["entity"]
bom = true
""")
        single = self.assert_same_bytes(config, ".csv", "--input", stories)
        self.assertEqual(single.read_bytes().count(b"id,type,begin"), 1)
        lf = self.config("csv-lf.toml", """
[[stage]]
plugin = "write-csv"
line_ending = "lf"
columns = ["id", "source_record", "metadata.date"]
""")
        self.assert_same_bytes(lf, ".csv", "--input", stories, shard_counts=(4,))

    def test_conllu_numbers_repeated_ids_as_one_file(self):
        lines = corpus_lines(12)
        # A feed sent twice, and ids that become the same once made one word.
        repeated = [json.loads(line) for line in lines]
        for i, story in enumerate(repeated):
            story["id"] = ["dup", "x y/z", "x_y_z"][i % 3] if i % 2 == 0 else story["id"]
        self.write("repeated.jsonl",
                   "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in repeated) + "".join(lines))
        for newdoc in ("true", "false"):
            with self.subTest(newdoc=newdoc):
                config = self.config(f"conllu-{newdoc}.toml", f"""
[[stage]]
plugin = "write-conllu"
newdoc = {newdoc}
""")
                single = self.assert_same_bytes(config, f"-{newdoc}.conllu", "--input",
                                                self.tmp / "repeated.jsonl", shard_counts=(2, 5))
                text = single.read_text(encoding="utf-8")
                self.assertTrue("# sent_id = dup~2-1\n" in text)
                self.assertTrue("# sent_id = x_y_z~4-1\n" in text)

    def test_html_page_numbers_documents_through(self):
        stories = self.stories(30)
        config = CONFIGS / "jsonl-to-html.toml"
        single = self.assert_same_bytes(config, ".html", "--input", stories)
        self.assertEqual(single.read_text(encoding="utf-8").count("<article"), 30)
        # The page's limit falls inside a shard: the rest is counted, not shown.
        self.assert_same_bytes(config, "-7.html", "--input", stories,
                               "--set", "write-html.max_documents=7", shard_counts=(3, 6))

    def test_sqlite_rows_match_a_single_run(self):
        def content(db):
            with sqlite3.connect(db) as c:
                tables = {t: c.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                          for t in ("documents", "annotations", "withdrawn", "settings")}
                tables["annotation order"] = c.execute(
                    "SELECT document_id, type, begin, end FROM annotations ORDER BY rowid").fetchall()
                tables["document order"] = c.execute(
                    "SELECT id FROM documents ORDER BY rowid").fetchall()
                # How many documents each run wrote, skipped and withdrew depends on
                # the order versions arrived in; a merge knows the parts' totals.
                tables["runs"] = c.execute(
                    "SELECT run_id, documents_written + documents_skipped + documents_withdrawn, "
                    "plugin_version, finished_at IS NOT NULL FROM runs").fetchall()
                tables["schema"] = c.execute("SELECT sql FROM sqlite_schema ORDER BY name").fetchall()
                tables["ids"] = c.execute(
                    "PRAGMA application_id").fetchall() + c.execute("PRAGMA user_version").fetchall()
            return tables

        single = self.tmp / "single" / "news.sqlite"
        self.run_single(CONFIGS / "newsml-to-sqlite.toml", single)
        merged = self.tmp / "sharded" / "news.sqlite"
        self.run_sharded(CONFIGS / "newsml-to-sqlite.toml", merged, 2)
        self.assertEqual(content(merged), content(single))
        # update mode: a second run adds to the database, merged or not
        self.run_single(CONFIGS / "newsml-to-sqlite.toml", single)
        self.run_sharded(CONFIGS / "newsml-to-sqlite.toml", merged, 2)
        self.assertEqual(len(content(merged)["runs"]), 2)
        self.assertEqual(content(merged), content(single))

        # NewsML versions and withdrawals spread over the shards in every order.
        items = []
        for guid, versions in (("g1", [(1, "usable"), (3, "usable"), (2, "usable")]),
                               ("g2", [(2, "canceled"), (1, "usable")]),
                               ("g3", [(1, "usable"), (2, "withheld"), (3, "usable")]),
                               ("g4", [(5, "usable"), (5, "withheld")])):
            for v, status in versions:
                items.append({"id": f"{guid}-v{v}-{status}", "guid": guid, "version": str(v),
                              "status": status, "text": f"خبر {guid} النسخة {v}"})
        items.append({"id": "plain", "text": "بلا إصدار"})
        items.append({"id": "plain", "text": "بلا إصدار، مرة ثانية"})
        stories = [json.loads(line) for line in corpus_lines(10)]
        order = [items[i] if i % 2 == 0 else stories.pop() for i in range(len(items))] + stories
        order += items[1::2]
        self.write("items.jsonl", "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in order))
        config = self.config("sqlite.toml", """
[[stage]]
plugin = "write-sqlite"
mode = "replace"
guid_key = "guid"
version_key = "version"
status_key = "status"
""")
        single = self.tmp / "single" / "items.sqlite"
        self.run_single(config, single, "--input", self.tmp / "items.jsonl")
        for shards in (2, 3, 6):
            with self.subTest(shards=shards):
                merged = self.tmp / f"sharded-{shards}" / "items.sqlite"
                self.run_sharded(config, merged, shards, "--input", self.tmp / "items.jsonl")
                self.assertEqual(content(merged), content(single))


class SubmitTest(ShardTest):
    """nahr submit against stand-ins for sbatch, squeue and scontrol that run
    the array tasks at once (scripts/ci-slurm.sh does it on a real Slurm)."""

    def setUp(self):
        super().setUp()
        self.env = {"PATH": f"{FAKE_SLURM}:{os.environ['PATH']}",
                    "FAKE_SLURM_DIR": str(self.tmp / "slurm")}
        self.write("s.jsonl", "".join(corpus_lines(30)))
        self.config = CONFIGS / "afp-arabic.toml"
        self.single = self.tmp / "single.jsonl"
        self.run_single(self.config, self.single, "--input", self.tmp / "s.jsonl")

    def submit(self, *args):
        return run("submit", self.config, "--input", self.tmp / "s.jsonl", "--output",
                   self.tmp / "out" / "afp.jsonl", "--shards", "4", "--poll", "0.05", *args,
                   env=self.env)

    def test_submit_waits_and_merges(self):
        r = self.submit("--wait", "--max-parallel", "2", "--partition", "short", "--time", "0:10:00")
        self.assertEqual(r.code, 0, r.stderr)
        self.assertIn("submitted Slurm job 4711: shards 0-3 of 4", r.stderr)
        self.assertEqual((self.tmp / "out" / "afp.jsonl").read_bytes(), self.single.read_bytes())
        script = (self.tmp / "out" / "afp.jsonl.sbatch").read_text()
        for line in ("#SBATCH --array=0-3%2", "#SBATCH --partition=short", "#SBATCH --time=0:10:00",
                     '--shard "${SLURM_ARRAY_TASK_ID}/4"', '--threads "${SLURM_CPUS_PER_TASK:-1}"'):
            self.assertIn(line, script)
        self.assertTrue((self.tmp / "out" / "afp.jsonl.logs" / "shard-3.log").exists())

    def test_a_failed_shard_is_named_and_retried_alone(self):
        # A wrapper that fails shard 2 the first time, as a node failure would.
        marker = self.tmp / "failed-once"
        wrapper = self.write("flaky-nahr", f"""#!/bin/sh
if [ "$SLURM_ARRAY_TASK_ID" = 2 ] && [ ! -e {marker} ]; then
  touch {marker}; echo "node lost" >&2; exit 3
fi
exec {os.environ['NAHR_BINARY']} "$@"
""")
        wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
        r = self.submit("--wait", "--nahr", wrapper)
        self.assertEqual(r.code, 3, r.stderr)
        self.assertIn("shard 2 of job 4711 failed (FAILED, exit code 3:0)", r.stderr)
        self.assertIn("shard-2.log", r.stderr)
        self.assertFalse((self.tmp / "out" / "afp.jsonl").exists())
        r = self.submit("--wait", "--retry-failed", "--nahr", wrapper)
        self.assertEqual(r.code, 0, r.stderr)
        self.assertIn("submitted Slurm job 4712: shard 2 of 4", r.stderr)
        submissions = (self.tmp / "slurm" / "submissions").read_text().splitlines()
        self.assertEqual(submissions, ["4711 --array=0-3", "4712 --array=2"])
        self.assertEqual((self.tmp / "out" / "afp.jsonl").read_bytes(), self.single.read_bytes())
        self.assertIn("node lost", (self.tmp / "out" / "afp.jsonl.logs" / "shard-2.log").read_text())

    def test_retries_resubmit_failed_shards_within_one_wait(self):
        marker = self.tmp / "failed-once"
        wrapper = self.write("flaky-nahr", f"""#!/bin/sh
if [ "$SLURM_ARRAY_TASK_ID" = 1 ] && [ ! -e {marker} ]; then touch {marker}; exit 3; fi
exec {os.environ['NAHR_BINARY']} "$@"
""")
        wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
        r = self.submit("--wait", "--retries", "1", "--nahr", wrapper)
        self.assertEqual(r.code, 0, r.stderr)
        self.assertEqual((self.tmp / "out" / "afp.jsonl").read_bytes(), self.single.read_bytes())

    def test_dry_run_writes_the_script_only(self):
        r = self.submit("--dry-run")
        self.assertEqual(r.code, 0, r.stderr)
        self.assertIn("not submitted (--dry-run)", r.stderr)
        self.assertTrue((self.tmp / "out" / "afp.jsonl.sbatch").exists())
        self.assertFalse((self.tmp / "slurm" / "submissions").exists())
        r = run("submit", self.config, "--shards", "2", "--engine", "pbs", env=self.env)
        self.assertEqual(r.code, 2)
        self.assertIn("--engine pbs", r.stderr)


if __name__ == "__main__":
    unittest.main()
