"""nahr test: [[test]] tables run through a config's middle stages, failures
shown as expected (-) against got (+); check and run validate the tables."""
from nahr_e2e import SOURCE_DIR, TEST_PLUGINS, TempDirTest, run

AFP_CONFIG = SOURCE_DIR / "configs" / "afp-arabic.toml"

STAGES = """\
[[stage]]
plugin = "read-jsonl"
inputs = ["no-such-input.jsonl"]   # never read by nahr test

[[stage]]
plugin = "normalise-arabic"

[[stage]]
plugin = "extract-dateline"

[[stage]]
plugin = "extract-entities"

[[stage]]
plugin = "write-jsonl"
output = "out.jsonl"
"""


class PassingTest(TempDirTest):
    def test_the_afp_config_carries_passing_tests(self):
        r = run("test", AFP_CONFIG)
        self.assertEqual(r.code, 0, r.stdout + r.stderr)
        passed = [l for l in r.stdout.splitlines() if l.startswith("PASS  ")]
        self.assertGreaterEqual(len(passed), 5, r.stdout)
        for name in ("dateline with its agency", "a quote with its speaker",
                     "places and an organisation", "an amount with its currency and a percentage",
                     "dates resolved against the story's date"):
            self.assertIn(f"PASS  {name}\n", r.stdout)
        self.assertIn(f"{AFP_CONFIG}: {len(passed)} tests, {len(passed)} passed, 0 failed", r.stdout)

    def test_no_input_file_is_needed(self):
        config = self.write("p.toml", STAGES + """
[[test]]
name = "دمشق"
text = "دمشق: أعلنت وزارة الخارجية السورية"
expect_metadata = { "dateline.place" = "دمشق" }
""")
        r = run("test", config)
        self.assertEqual(r.code, 0, r.stdout + r.stderr)
        self.assertEqual(r.stdout, f"PASS  دمشق\n{config}: 1 test, 1 passed, 0 failed\n")
        self.assertFalse((self.tmp / "out.jsonl").exists())

    def test_check_counts_the_tests_and_run_ignores_them(self):
        r = run("check", AFP_CONFIG)
        self.assertEqual(r.code, 0, r.stderr)
        self.assertRegex(r.stdout, r"; \d+ tests \(nahr test\)\n$")
        out = self.tmp / "afp.jsonl"
        r = run("run", AFP_CONFIG, "--output", out)
        self.assertEqual(r.code, 0, r.stderr)
        self.assertEqual(r.summary()[0], 6)  # the samples only, not the tests


class FailingTest(TempDirTest):
    def test_a_failing_test_shows_expected_against_got(self):
        config = self.write("p.toml", STAGES + """
[[test]]
name = "right"
text = "القاهرة (أ ف ب) - خبر"
expect_metadata = { "dateline.place" = "القاهرة" }

[[test]]
name = "wrong"
text = "القاهرة (أ ف ب) - التقى الرئيس المصري سفير فرنسا."
expect_text = "القاهرة (أ ف ب) - التقى الرئيس المصري سفير فرنسا."
expect_metadata = { "dateline.place" = "الإسكندرية" }
expect_annotations = [ { type = "entity", text = "باريس", attributes = { label = "LOC" } } ]
""")
        r = run("test", config)
        self.assertEqual(r.code, 1, r.stdout + r.stderr)
        self.assertIn("PASS  right\n", r.stdout)
        self.assertIn(f"FAIL  wrong ({config}:23)\n"
                      "      text differs from byte 16\n"
                      "        - \"القاهرة (أ ف ب) - التقى الرئيس المصري سفير فرنسا.\"\n"
                      "        + \"القاهرة (ا ف ب) - التقي الرئيس المصري سفير فرنسا.\"\n"
                      "      annotation entity \"باريس\" not found\n"
                      "        - entity \"باريس\" label=\"LOC\"\n", r.stdout)
        self.assertIn("        + entity \"فرنسا\" ", r.stdout)
        self.assertIn("      metadata dateline.place\n"
                      "        - \"الإسكندرية\"\n"
                      "        + \"القاهرة\"\n", r.stdout)
        self.assertTrue(r.stdout.endswith(f"{config}: 2 tests, 1 passed, 1 failed\n"), r.stdout)

    def test_a_stage_that_refuses_the_document_fails_the_test(self):
        config = self.write("p.toml", f"""\
[pipeline]
plugin_dirs = ["{TEST_PLUGINS}"]

[[stage]]
plugin = "read-jsonl"
inputs = ["x.jsonl"]

[[stage]]
plugin = "test-faulty"

[[stage]]
plugin = "write-jsonl"
output = "-"

[[test]]
text = "خبر فيه FAIL"
expect_metadata = {{ lang = "ar" }}
""")
        r = run("test", config)
        self.assertEqual(r.code, 1, r.stdout + r.stderr)
        self.assertIn("FAIL  test 1", r.stdout)
        self.assertIn("stage 'test-faulty' failed the document: FAIL marker at byte 14", r.stdout)


class MalformedTest(TempDirTest):
    MALFORMED = STAGES + """
[[test]]
name = "typo"
txt = "بيروت: خبر"
expect_annotations = [ { type = "entity" } ]
"""

    def test_check_run_and_test_refuse_it_with_file_line_column(self):
        config = self.write("p.toml", self.MALFORMED)
        for command in ("check", "run", "test"):
            r = run(command, config)
            self.assertEqual(r.code, 2, f"{command}: {r.stdout}{r.stderr}")
            errors = [l for l in r.stderr.splitlines() if ": error: " in l]
            self.assertEqual(errors, [
                f"{config}:18:1: error: test 'typo' needs 'text', the document to run",
                f"{config}:20:1: error: unknown key 'txt' in test 'typo' (did you mean 'text'?)",
                f"{config}:21:24: error: expected annotation 1 of test 'typo' needs 'text'",
            ], command)
            self.assertIn("nothing was run", r.stderr)
        self.assertFalse((self.tmp / "out.jsonl").exists())

    def test_a_config_without_tests_has_nothing_to_test(self):
        config = self.write("p.toml", STAGES)
        r = run("test", config)
        self.assertEqual(r.code, 2)
        self.assertIn("has no [[test]] tables", r.stderr)

    def test_help(self):
        r = run("test", "--help")
        self.assertEqual(r.code, 0)
        self.assertIn("Usage: nahr test CONFIG", r.stdout)
