"""Provenance: every successful run leaves <output>.provenance.json beside its
output, whose config hash anyone can recompute, and write-sqlite records the
same in its runs table."""
import datetime
import hashlib
import json
import sqlite3
from pathlib import Path

from nahr_e2e import SOURCE_DIR, TEST_PLUGINS, TempDirTest, read_jsonl, run

AFP_CONFIG = SOURCE_DIR / "configs" / "afp-arabic.toml"
SQLITE_CONFIG = SOURCE_DIR / "configs" / "newsml-to-sqlite.toml"


def canonical_sha256(effective_config):
    text = json.dumps(effective_config, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def provenance_of(output):
    with open(f"{output}.provenance.json", encoding="utf-8") as f:
        return json.load(f)


class SidecarTest(TempDirTest):
    def test_afp_run_records_versions_options_hash_and_counts(self):
        out = self.tmp / "afp.jsonl"
        r = run("run", AFP_CONFIG, "--output", out)
        self.assertEqual(r.code, 0, r.stderr)
        p = provenance_of(out)
        version = run("--version").stdout.split()[1]
        self.assertEqual(p["nahr_version"], version)
        self.assertEqual(p["config_path"], str(AFP_CONFIG))
        self.assertEqual(p["config_sha256"], canonical_sha256(p["effective_config"]))
        ids = [s["id"] for s in p["stages"]]
        self.assertEqual(ids[0], "read-jsonl")
        self.assertEqual(ids[-1], "write-jsonl")
        self.assertIn("extract-entities", ids)
        for stage in p["stages"]:
            self.assertRegex(stage["plugin_version"], r"^\d+\.\d+\.\d+$")
            self.assertTrue(stage["plugin_file"].endswith(f"{stage['plugin']}.so"))
        norm = next(s for s in p["stages"] if s["id"] == "normalise-arabic")
        self.assertEqual(norm["options"]["preset"], "newswire")
        self.assertEqual(norm["options"]["keep_shadda"], False)  # defaults are recorded too
        self.assertEqual(p["output"], str(out))
        self.assertEqual(p["counts"], {"read": 6, "written": 6, "quarantined": 0, "skipped": 0,
                                       "input_bytes": p["counts"]["input_bytes"]})
        self.assertGreater(p["counts"]["input_bytes"], 0)
        started = datetime.datetime.fromisoformat(p["started_at"].replace("Z", "+00:00"))
        finished = datetime.datetime.fromisoformat(p["finished_at"].replace("Z", "+00:00"))
        self.assertLessEqual(started, finished)
        self.assertIsNone(p["quarantine"])
        self.assertFalse((self.tmp / "afp.jsonl.provenance.json.partial").exists())

    def test_annotations_name_the_stage_that_made_them(self):
        out = self.tmp / "afp.jsonl"
        self.assertEqual(run("run", AFP_CONFIG, "--output", out).code, 0)
        stages = {a["stage"] for d in read_jsonl(out) for a in d["annotations"]}
        self.assertTrue({"extract-entities", "extract-quotes", "extract-dateline"} <= stages, stages)

    def test_overrides_change_the_hash_and_paths_do_not(self):
        hashes = {}
        for name, extra in (("a", []), ("b", []), ("c", ["--set", "normalise-arabic.preset=search"]),
                            ("d", ["--threads", "1"])):
            out = self.tmp / name / "afp.jsonl"
            r = run("run", AFP_CONFIG, "--output", out, *extra)
            self.assertEqual(r.code, 0, r.stderr)
            p = provenance_of(out)
            self.assertEqual(p["config_sha256"], canonical_sha256(p["effective_config"]))
            hashes[name] = p["config_sha256"]
        self.assertEqual(hashes["a"], hashes["b"])
        self.assertEqual(hashes["a"], hashes["d"])
        self.assertNotEqual(hashes["a"], hashes["c"])

    def test_no_sidecar_for_stdout_or_a_stopped_run(self):
        r = run("run", AFP_CONFIG, "--output", "-")
        self.assertEqual(r.code, 0, r.stderr)
        self.assertFalse(Path("-.provenance.json").exists())
        stories = self.write("s.jsonl", '{"id": "1", "text": "FATAL"}\n')
        config = self.write("faulty.toml", f"""\
[pipeline]
plugin_dirs = ["{TEST_PLUGINS}"]

[[stage]]
plugin = "read-jsonl"
inputs = ["{stories}"]

[[stage]]
plugin = "test-faulty"

[[stage]]
plugin = "write-jsonl"
output = "out.jsonl"
""")
        r = run("run", config)
        self.assertEqual(r.code, 3, r.stderr)
        self.assertFalse((self.tmp / "out.jsonl.provenance.json").exists())

    def test_a_run_with_quarantined_documents_still_records_it(self):
        stories = self.write("s.jsonl", '{"id": "1", "text": "نص FAIL"}\n{"id": "2", "text": "نص"}\n')
        config = self.write("faulty.toml", f"""\
[pipeline]
plugin_dirs = ["{TEST_PLUGINS}"]

[[stage]]
plugin = "read-jsonl"
inputs = ["{stories}"]

[[stage]]
plugin = "test-faulty"

[[stage]]
plugin = "write-jsonl"
output = "out.jsonl"
""")
        r = run("run", config)
        self.assertEqual(r.code, 1, r.stderr)
        p = provenance_of(self.tmp / "out.jsonl")
        self.assertEqual((p["counts"]["written"], p["counts"]["quarantined"]), (1, 1))
        self.assertTrue(p["quarantine"].endswith("out.jsonl.quarantine.jsonl"))


class SqliteRunsTest(TempDirTest):
    def test_runs_table_holds_the_provenance(self):
        db = self.tmp / "news.sqlite"
        r = run("run", SQLITE_CONFIG, "--output", db)
        self.assertEqual(r.code, 0, r.stderr)
        sidecar = provenance_of(db)
        with sqlite3.connect(db) as conn:
            sha, provenance = conn.execute("SELECT config_sha256, provenance FROM runs").fetchone()
        self.assertEqual(sha, sidecar["config_sha256"])
        recorded = json.loads(provenance)
        self.assertEqual(recorded["stages"], sidecar["stages"])
        self.assertEqual(recorded["started_at"], sidecar["started_at"])
