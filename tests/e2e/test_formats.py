"""The format pipelines in configs/, each run on files this test writes, and
each output checked with the format's own tools where Debian has one."""
import json
import shutil
import sqlite3
import subprocess
import sys
import unittest

from nahr_e2e import SOURCE_DIR, TempDirTest, read_jsonl, run

CONFIGS = SOURCE_DIR / "configs"
CHROMIUM = shutil.which("chromium")

STORIES = [
    {"id": "wire-1", "date": "2019-03-07", "lang": "ar",
     "text": "بيروت: أعلن وزير الخارجية اللبناني الخميس أن 360 ألف لاجئ عادوا، "
             "وقال إن \"المفاوضات مستمرة\".\n\nوأضاف أن الكلفة بلغت 3,5 مليارات يورو."},
    {"id": "wire-2", "date": "2019-03-12", "lang": "ar",
     "text": "القاهرة (أ ف ب) - ارتفعت نسبة المشاركة الى 90 في المئة أمس <b>&amp;</b>."},
]


class HtmlPipelineTest(TempDirTest):
    def test_page_renders_in_chromium_with_highlights(self):
        source = self.write("stories.jsonl", "".join(
            json.dumps(s, ensure_ascii=False) + "\n" for s in STORIES))
        page = self.tmp / "stories.html"
        r = run("run", CONFIGS / "jsonl-to-html.toml", "--input", source, "--output", page)
        self.assertEqual(r.code, 0, r.stderr)
        html = page.read_text(encoding="utf-8")
        self.assertNotIn("http://", html)
        self.assertNotIn("https://", html)
        self.assertNotIn("<b>", html)  # text is escaped, never markup
        if not CHROMIUM:
            self.skipTest("chromium is not installed")
        dom = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={self.tmp / 'profile'}", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=120).stdout
        self.assertIn('data-ready="1"', dom)
        self.assertEqual(dom.count("<article"), 2)
        self.assertIn('dir="rtl"', dom)
        self.assertIn('data-value="360000"', dom)  # "360 ألف" highlighted as a number
        self.assertIn('data-value="3500000000" data-unit="يورو"', dom)
        self.assertIn("&lt;b&gt;", dom)


class SqlitePipelineTest(TempDirTest):
    def test_newsml_feed_lands_in_sqlite_and_reruns_are_idempotent(self):
        db = self.tmp / "news.sqlite"
        for _ in range(2):
            r = run("run", CONFIGS / "newsml-to-sqlite.toml", "--output", db)
            self.assertEqual(r.code, 0, r.stderr)
        shell = subprocess.run(["sqlite3", db, "SELECT count(*) FROM documents;"
                                " SELECT count(*) FROM annotations WHERE type = 'sentence';"
                                " PRAGMA integrity_check;"],
                               capture_output=True, text=True, check=True).stdout.split()
        documents, sentences, integrity = shell
        self.assertEqual(documents, "2")  # the canceled item is not kept
        self.assertGreater(int(sentences), 0)
        self.assertEqual(integrity, "ok")
        with sqlite3.connect(db) as conn:
            ids = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]
        self.assertTrue(all(i.startswith("urn:newsml:afp.com:") for i in ids), ids)


class ConlluPipelineTest(TempDirTest):
    def test_gigaword_becomes_valid_conllu(self):
        out = self.tmp / "afa.conllu"
        r = run("run", CONFIGS / "gigaword-to-conllu.toml", "--output", out)
        self.assertEqual(r.code, 0, r.stderr)
        validator = SOURCE_DIR / "plugins" / "write-conllu" / "tests" / "validate_conllu.py"
        check = subprocess.run([sys.executable, validator, out], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        text = out.read_text(encoding="utf-8")
        self.assertIn("# newdoc id = AFA20190307.0001", text)
        self.assertIn("# sent_id = AFA20190307.0001-1", text)


class JsonlPipelineTest(TempDirTest):
    def test_every_output_line_is_valid_json_for_json_tool(self):
        out = self.tmp / "afp.jsonl"
        r = run("run", CONFIGS / "afp-arabic.toml", "--output", out)
        self.assertEqual(r.code, 0, r.stderr)
        for line in out.read_text(encoding="utf-8").splitlines():
            check = subprocess.run([sys.executable, "-m", "json.tool"], input=line,
                                   capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, check.stderr)


if __name__ == "__main__":
    unittest.main()
