"""nahr plugin verify: self-tests pass and fail with a diff, and every
refusal is explained in one line, also for plugins that crash, hang or exit."""
import os
import shutil
import stat
import unittest
from pathlib import Path

from nahr_e2e import NAHR, TEST_PLUGINS, TempDirTest, run

PLUGINS = Path(NAHR).parent.parent / "lib" / "nahr" / "plugins"
VERIFY_PLUGINS = Path(TEST_PLUGINS) / "verify"
SHIPPED_WITH_SELF_TESTS = ("normalise-arabic", "extract-dateline", "extract-entities",
                           "read-jsonl", "write-jsonl", "extract-numbers", "extract-dates",
                           "extract-quotes")


def refusal(result):
    """The one line a refusal prints."""
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


class PassingTest(unittest.TestCase):
    def test_every_shipped_plugin_passes(self):
        shipped = sorted(PLUGINS.glob("*.so"))
        self.assertGreaterEqual(len(shipped), 20)
        for plugin in shipped:
            r = run("plugin", "verify", plugin)
            self.assertEqual(r.code, 0, f"{plugin.name}:\n{r.stdout}{r.stderr}")
            self.assertIn(f"{plugin}: OK", r.stdout)

    def test_shipped_self_tests_run_one_line_each(self):
        for name in SHIPPED_WITH_SELF_TESTS:
            r = run("plugin", "verify", PLUGINS / f"{name}.so")
            self.assertEqual(r.code, 0, r.stdout + r.stderr)
            passed = [l for l in r.stdout.splitlines() if l.startswith("PASS  ")]
            self.assertGreaterEqual(len(passed), 2, r.stdout)
            self.assertTrue(all(l.startswith(f"PASS  {name}: ") for l in passed), r.stdout)
            self.assertRegex(r.stdout, rf"OK, {len(passed)} self-tests? passed")

    def test_header_names_plugin_version_abi_and_stages(self):
        r = run("plugin", "verify", PLUGINS / "normalise-arabic.so")
        first = r.stdout.splitlines()[0]
        self.assertRegex(first, r"normalise-arabic\.so: plugin normalise-arabic \d+\.\d+\.\d+, "
                                r"ABI \d+, normaliser normalise-arabic$")

    def test_a_descriptor_without_self_tests_still_verifies(self):
        r = run("plugin", "verify", VERIFY_PLUGINS / "test-legacy-descriptor.so")
        self.assertEqual(r.code, 0, r.stderr)
        self.assertIn("OK, loads (no self-tests declared)", r.stdout)


class FailingTest(unittest.TestCase):
    def test_failures_show_expected_against_got(self):
        r = run("plugin", "verify", VERIFY_PLUGINS / "test-self-test-failures.so")
        self.assertEqual(r.code, 1, r.stdout + r.stderr)
        out = r.stdout
        self.assertIn("PASS  test-self-test-failures: marks the river", out)
        self.assertIn("FAIL  test-self-test-failures: expects a word it does not mark\n"
                      "      annotation river \"النيل\" not found\n"
                      "        - river \"النيل\"\n"
                      "        + river \"نهر\" [7, 13) lang=\"ar\"\n", out)
        self.assertIn("FAIL  test-self-test-failures: expects another count\n"
                      "      metadata rivers\n"
                      "        - \"3\"\n"
                      "        + \"2\"\n", out)
        self.assertIn("FAIL  test-self-test-failures: sets an option the stage lacks\n"
                      "      the test sets option 'speed', which stage 'test-self-test-failures' "
                      "does not have\n", out)
        self.assertIn("test-self-test-failures.so: 3 checks failed (4 self-tests)", out)

    def test_a_crash_in_a_self_test_is_reported_and_verify_survives(self):
        r = run("plugin", "verify", VERIFY_PLUGINS / "test-hazard-crash.so")
        self.assertEqual(r.code, 1, r.stdout + r.stderr)
        self.assertIn("PASS  test-hazard: behaves", r.stdout)
        self.assertIn("FAIL  test-hazard: misbehaves\n"
                      "      crashed with signal 11 (Segmentation fault); no later self-test ran",
                      r.stdout)
        self.assertNotIn("never runs", r.stdout)

    def test_a_hanging_self_test_times_out(self):
        r = run("plugin", "verify", VERIFY_PLUGINS / "test-hazard-hang.so", "--timeout", "2")
        self.assertEqual(r.code, 1, r.stdout + r.stderr)
        self.assertIn("FAIL  test-hazard: misbehaves\n      timed out after 2 s", r.stdout)

    def test_plugin_code_that_exits_cannot_pass_for_success(self):
        r = run("plugin", "verify", VERIFY_PLUGINS / "test-hazard-exit.so")
        self.assertEqual(r.code, 1, r.stdout + r.stderr)
        self.assertIn("FAIL  test-hazard: misbehaves\n"
                      "      ended the process with exit code 0", r.stdout)


class RefusalTest(TempDirTest):
    def assert_refused(self, plugin, *expected):
        r = run("plugin", "verify", plugin)
        self.assertEqual(r.code, 2, r.stdout + r.stderr)
        line = refusal(r)
        self.assertTrue(line.startswith(f"nahr: {plugin}: refused: "), line)
        for text in expected:
            self.assertIn(text, line)
        return line

    def test_missing_entry_symbol(self):
        self.assert_refused(Path(TEST_PLUGINS) / "test-no-entry.so",
                            "no entry symbol 'nahr_plugin_entry'")

    def test_abi_version_mismatch_names_both_versions(self):
        r = run("--version")
        host_abi = r.stdout.split("plugin ABI ")[1].rstrip(")\n")
        self.assert_refused(Path(TEST_PLUGINS) / "test-wrong-abi.so",
                            f"plugin ABI version 999, host ABI version {host_abi}")

    def test_unresolved_dependency_names_the_library(self):
        self.assert_refused(VERIFY_PLUGINS / "test-missing-dependency.so",
                            "unresolved shared-library dependency libnahr-vanished.so.1")

    def test_not_a_shared_object(self):
        self.assert_refused(self.write("notes.so", "هذا ليس مكتبة\n"),
                            "not a shared object (invalid ELF header)")

    def test_world_writable_file(self):
        copy = self.tmp / "test-passthrough.so"
        shutil.copy(Path(TEST_PLUGINS) / "test-passthrough.so", copy)
        os.chmod(copy, 0o666)
        self.assert_refused(copy, "is writable by every user (chmod o-w it)")
        os.chmod(copy, 0o644)
        self.assertEqual(run("plugin", "verify", copy).code, 0)

    def test_missing_file(self):
        self.assert_refused(self.tmp / "absent.so", "No such file or directory")

    def test_a_crash_while_loading_is_a_refusal(self):
        self.assert_refused(VERIFY_PLUGINS / "test-hazard-load.so",
                            "crashed with signal 11 (Segmentation fault) while loading")

    def test_usage(self):
        self.assertEqual(run("plugin").code, 2)
        self.assertEqual(run("plugin", "frobnicate").code, 2)
        self.assertEqual(run("plugin", "verify").code, 2)
        r = run("plugin", "verify", "--help")
        self.assertEqual(r.code, 0)
        self.assertIn("--timeout", r.stdout)


if __name__ == "__main__":
    unittest.main()
