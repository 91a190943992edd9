"""Outputs are never half-written under their final name, nor written through a planted link."""
import os
import resource
import signal
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from faulty_corpus import Corpus, pipeline_config, read_report, sprinkled
from nahr_e2e import NAHR, TEST_PLUGINS, Result, TempDirTest, read_jsonl, run

SECRET = "ملف لا يجوز أن يمسّه nahr\n"


class PlantedLinkTest(TempDirTest):
    """Someone who can write to the output directory plants links where nahr will write."""

    def setUp(self):
        super().setUp()
        self.victim = self.write("elsewhere/victim.txt", SECRET)
        self.corpus = Corpus(50, sprinkled(50, 10, ["fail"]))
        self.corpus.write(self.tmp / "stories.jsonl")

    def plant(self, name):
        link = self.tmp / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(self.victim)
        return link

    def assert_untouched(self):
        self.assertEqual(self.victim.read_text(encoding="utf-8"), SECRET)

    def assert_regular(self, path):
        self.assertTrue(path.is_file() and not path.is_symlink(), path)

    def run_pipeline(self, *extra):
        r = run("run", pipeline_config(self.tmp), *extra, plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 1, r.stderr)
        return r

    def test_a_link_at_the_output_is_replaced_not_followed(self):
        self.plant("out.jsonl")
        self.run_pipeline()
        self.assert_untouched()
        self.assert_regular(self.tmp / "out.jsonl")
        self.assertEqual([d["id"] for d in read_jsonl(self.tmp / "out.jsonl")],
                         [g.id for g in self.corpus.good])

    def test_a_link_at_the_partial_name_is_not_written_through(self):
        self.plant("out.jsonl.partial")
        self.run_pipeline()
        self.assert_untouched()
        self.assert_regular(self.tmp / "out.jsonl")
        self.assertFalse((self.tmp / "out.jsonl.partial").exists())

    def test_a_link_at_the_quarantine_is_not_written_through(self):
        self.plant("out.jsonl.quarantine.jsonl")
        self.run_pipeline()
        self.assert_untouched()
        quarantine = self.tmp / "out.jsonl.quarantine.jsonl"
        self.assert_regular(quarantine)
        self.assertEqual(len(read_jsonl(quarantine)), len(self.corpus.bad))

    def test_links_in_the_report_directory_are_not_written_through(self):
        self.plant("report/report.json")
        self.plant("report/report.html.partial")
        self.run_pipeline("--report", self.tmp / "report")
        self.assert_untouched()
        for name in ("report.json", "report.html"):
            self.assert_regular(self.tmp / "report" / name)
        self.assertEqual(read_report(self.tmp / "report")["summary"]["read"], 50)

    def test_a_database_is_not_written_through_a_planted_link(self):
        config = self.write("db.toml", """\
[[stage]]
plugin = "read-jsonl"
inputs = ["stories.jsonl"]

[[stage]]
plugin = "write-sqlite"
output = "out.db"
""")
        self.plant("out.db.partial")
        r = run("run", config)
        self.assertEqual(r.code, 0, r.stderr)
        self.assert_untouched()
        self.assert_regular(self.tmp / "out.db")
        with sqlite3.connect(self.tmp / "out.db") as db:
            self.assertEqual(db.execute("SELECT count(*) FROM documents").fetchone()[0], 50)


class FullDiskTest(TempDirTest):
    """A disk that fills up stops the run loudly, and nothing looks finished."""

    def setUp(self):
        super().setUp()
        Corpus(3000, {}).write(self.tmp / "stories.jsonl")  # about 2 MB of output

    def check_stopped(self, r, output, reason):
        self.assertEqual(r.code, 3, r.stderr)
        self.assertIn(reason, r.stderr)
        self.assertIn(f"cannot write {output}", r.stderr)  # the output, or its .partial
        self.assertFalse(output.exists())
        read, written, quarantined, skipped, unfinished = r.summary()
        self.assertEqual(read, written + quarantined + skipped + unfinished)

    def test_a_full_file_system_stops_the_run_naming_the_output(self):
        disk = Path(tempfile.mkdtemp(prefix="nahr-full-"))
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
                                 capture_output=True).returncode == 0
        if not mounted:
            disk.rmdir()
            self.skipTest("mounting a small tmpfs needs root; the file size test covers the rest")
        try:
            # write-jsonl hands its bytes to the host; write-html writes its own file.
            for writer, name in (("write-jsonl", "out.jsonl"), ("write-html", "out.html")):
                with self.subTest(writer=writer):
                    config = self.write(f"{writer}.toml", f"""\
[[stage]]
plugin = "read-jsonl"
inputs = ["stories.jsonl"]

[[stage]]
plugin = "{writer}"
output = "{disk / name}"
""")
                    r = run("run", config)
                    self.check_stopped(r, disk / name, "No space left on device")
                    for leftover in disk.iterdir():
                        leftover.unlink()
        finally:
            subprocess.run(["umount", str(disk)], check=True)
            disk.rmdir()

    def test_a_file_size_limit_stops_the_run_the_same_way(self):
        def limit_file_size():
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 10, 64 << 10))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write(2) fails with EFBIG instead

        output = self.tmp / "out.jsonl"
        env = dict(os.environ, NAHR_PLUGIN_PATH=TEST_PLUGINS)
        proc = subprocess.run([NAHR, "run", str(pipeline_config(self.tmp))], capture_output=True,
                              text=True, env=env, timeout=600, preexec_fn=limit_file_size)
        self.check_stopped(Result(proc), output, "File too large")
