"""--report DIR: report.json for scripts and a self-contained report.html for people."""
import shutil
import subprocess
from datetime import datetime
from html.parser import HTMLParser

from faulty_corpus import LONG_LIMIT, Corpus, pipeline_config, read_report, sprinkled
from nahr_e2e import TEST_PLUGINS, TempDirTest, run

CHROMIUM = shutil.which("chromium")


class PageText(HTMLParser):
    """Cell texts of every table row by table id, text of elements by id, and dir attributes."""

    def __init__(self):
        super().__init__()
        self.tables, self.by_id, self.dirs = {}, {}, []
        self._table, self._row, self._cell, self._ids = None, None, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._table = self.tables.setdefault(attrs.get("id"), [])
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            if "dir" in attrs:
                self.dirs.append(attrs["dir"])
        if "id" in attrs:
            self._ids.append((tag, attrs["id"], []))

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._table.append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None
        if self._ids and self._ids[-1][0] == tag:
            _, element_id, text = self._ids.pop()
            self.by_id[element_id] = "".join(text).strip()

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        for _, _, text in self._ids:
            text.append(data)


def parse_page(html):
    page = PageText()
    page.feed(html)
    return page


class ReportTest(TempDirTest):
    def setUp(self):
        super().setUp()
        self.corpus = Corpus(240, sprinkled(240, 9, ["fail", "invalid", "long", "throw"]))
        self.corpus.write(self.tmp / "stories.jsonl")
        self.config = pipeline_config(self.tmp, max_document_bytes=LONG_LIMIT, threads=2,
                                      batch_size=16)
        self.result = run("run", self.config, "--report", self.tmp / "report",
                          plugin_path=TEST_PLUGINS)
        self.report = read_report(self.tmp / "report")

    def test_report_json_holds_the_run(self):
        r, report = self.result, self.report
        self.assertEqual(r.code, 1, r.stderr)
        read, written, quarantined, skipped, unfinished = r.summary()
        self.assertEqual(report["command"], "run")
        self.assertEqual(report["config"], str(self.config))
        self.assertEqual((report["outcome"], report["exit_code"], report["threads"]),
                         ("completed", 1, 2))
        started = datetime.fromisoformat(report["started"].replace("Z", "+00:00"))
        finished = datetime.fromisoformat(report["finished"].replace("Z", "+00:00"))
        self.assertLessEqual(started, finished)
        self.assertEqual(report["settings"]["on_error"], "quarantine")
        self.assertEqual(report["settings"]["max_document_bytes"], LONG_LIMIT)
        self.assertEqual(report["settings"]["batch_size"], 16)
        self.assertEqual([s["id"] for s in report["pipeline"]],
                         ["read-jsonl", "test-faulty", "write-jsonl"])
        self.assertEqual(report["pipeline"][2]["options"]["offsets"], "codepoints")
        self.assertEqual(report["summary"]["line"],
                         f"read {read} = written {written} + quarantined {quarantined} "
                         "(+ skipped 0)")
        self.assertEqual((read, written, quarantined),
                         (240, len(self.corpus.good), len(self.corpus.bad)))

        reader, faulty, writer = report["stages"]
        read_failures = len(self.corpus.of_kind("invalid", "long"))
        stage_failures = len(self.corpus.of_kind("fail", "throw"))
        self.assertEqual((reader["id"], reader["documents"], reader["errors"]),
                         ("read-jsonl", 240, read_failures))
        self.assertEqual((faulty["documents"], faulty["errors"]),
                         (240 - read_failures, stage_failures))
        self.assertEqual((writer["documents"], writer["errors"]), (written, 0))
        for stage in report["stages"]:
            self.assertGreater(stage["bytes"], 0)
            self.assertGreaterEqual(stage["seconds"], 0)
            if stage["seconds"] > 0:
                self.assertAlmostEqual(stage["mb_per_s"], stage["bytes"] / 1e6 / stage["seconds"],
                                       places=3)

        self.assertEqual(report["quarantine"], str(self.tmp / "out.jsonl.quarantine.jsonl"))
        self.assertEqual(report["failures_total"], len(self.corpus.bad))
        self.assertEqual([f["source"]["line"] for f in report["failures"]],
                         [b.line for b in self.corpus.bad])
        first = report["failures"][0]
        self.assertEqual((first["document"], first["stage"], first["phase"]),
                         (self.corpus.bad[0].id, "test-faulty", "process"))
        self.assertIn("FAIL marker", first["error"])
        self.assertTrue(self.corpus.bad[0].text.startswith(first["snippet"]))

    def test_report_html_renders_with_the_table_and_numbers_in_chromium(self):
        html = (self.tmp / "report" / "report.html").read_text(encoding="utf-8")
        self.assertNotIn("http://", html)
        self.assertNotIn("https://", html)
        self.assertNotIn("<script", html)
        self.assertNotIn("<link", html)
        if not CHROMIUM:
            self.skipTest("chromium is not installed (scripts/install-deps.sh installs it)")
        dom = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={self.tmp / 'profile'}", "--dump-dom",
             (self.tmp / "report" / "report.html").as_uri()],
            capture_output=True, text=True, timeout=120).stdout
        page = parse_page(dom)
        summary = self.report["summary"]
        for key in ("read", "written", "quarantined", "skipped"):
            self.assertEqual(page.by_id[key], str(summary[key]))
        self.assertEqual(page.by_id["exit-code"], "1")

        header, *rows = page.tables["stage-table"]
        self.assertEqual(header[:2], ["stage", "documents"])
        self.assertEqual([(row[0], row[1], row[5]) for row in rows],
                         [(s["id"], str(s["documents"]), str(s["errors"]))
                          for s in self.report["stages"]])
        header, *rows = page.tables["failure-table"]
        self.assertEqual(len(rows), len(self.corpus.bad))
        self.assertEqual(rows[0][0], self.corpus.bad[0].id)
        self.assertTrue(self.corpus.bad[0].text.startswith(rows[0][4]))  # the Arabic text as read
        self.assertIn("auto", page.dirs)
        self.assertIn("time-chart", dom)
        self.assertEqual(dom.count("<rect"), 2 * len(self.report["stages"]))

    def test_replay_reports_too(self):
        fixed = pipeline_config(self.tmp, faulty_options='marker_prefix = "#"',
                                max_document_bytes=LONG_LIMIT)
        quarantine = self.tmp / "out.jsonl.quarantine.jsonl"
        r = run("replay", quarantine, fixed, "--report", self.tmp / "replay-report",
                plugin_path=TEST_PLUGINS)
        report = read_report(self.tmp / "replay-report")
        self.assertEqual((report["command"], report["replayed"]), ("replay", str(quarantine)))
        self.assertEqual(report["stages"][0]["id"], "replay")
        self.assertEqual(report["summary"]["read"], len(self.corpus.bad))
        self.assertEqual(report["exit_code"], r.code)
        self.assertIn(report["summary"]["line"], r.stderr)

    def test_only_the_first_fifty_failures_are_listed(self):
        corpus = Corpus(300, sprinkled(300, 3, ["fail"], offset=0))
        corpus.write(self.tmp / "stories.jsonl")
        r = run("run", self.config, "--report", self.tmp / "many", plugin_path=TEST_PLUGINS)
        report = read_report(self.tmp / "many")
        self.assertEqual(report["failures_total"], 100)
        self.assertEqual([f["document"] for f in report["failures"]],
                         [b.id for b in corpus.bad[:50]])
        self.assertEqual(r.code, 1)
