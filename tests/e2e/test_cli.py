"""The nahr command line: help, check, plugins, describe, exit codes."""
import json
import unittest

from nahr_e2e import SOURCE_DIR, TEST_PLUGINS, TempDirTest, run

AFP_CONFIG = SOURCE_DIR / "configs" / "afp-arabic.toml"


class HelpTest(unittest.TestCase):
    def test_global_help_lists_every_command_and_exit_codes(self):
        r = run("--help")
        self.assertEqual(r.code, 0)
        for command in ("run", "check", "plugins", "describe"):
            self.assertIn(f"  {command} ", r.stdout)
        self.assertIn("Exit codes", r.stdout)

    def test_each_command_has_complete_help(self):
        for command, expected in (("run", "--output"), ("check", "--set"), ("plugins", "--json"),
                                  ("describe", "PLUGIN")):
            r = run(command, "--help")
            self.assertEqual(r.code, 0, command)
            self.assertIn(expected, r.stdout, command)

    def test_unknown_command_is_a_usage_error(self):
        r = run("frobnicate")
        self.assertEqual(r.code, 2)
        self.assertIn("unknown command 'frobnicate'", r.stderr)

    def test_missing_config_argument_is_a_usage_error(self):
        r = run("run")
        self.assertEqual(r.code, 2)
        self.assertIn("Usage: nahr run CONFIG", r.stderr)


class CheckTest(TempDirTest):
    def test_shipped_configs_are_valid(self):
        for config in sorted((SOURCE_DIR / "configs").glob("*.toml")):
            r = run("check", config)
            self.assertEqual(r.code, 0, f"{config}: {r.stderr}")
            self.assertIn("OK", r.stdout)

    def test_every_error_is_reported_at_once_with_its_place(self):
        config = self.write("bad.toml", """\
[pipeline]
threads = "many"

[[stage]]
plugin = "read-txt"
inputs = ["x.txt"]

[[stage]]
plugin = "normalise-unicode"
from = "NFKC"

[[stage]]
plugin = "write-jsonl"
output = "out.jsonl"
offsets = "graphemes"
""")
        r = run("check", config)
        self.assertEqual(r.code, 2)
        lines = [l for l in r.stderr.splitlines() if ": error: " in l]
        self.assertEqual(len(lines), 4, r.stderr)
        self.assertTrue(lines[0].startswith(f"{config}:2:"), lines[0])
        self.assertIn("integer", lines[0])
        self.assertTrue(lines[1].startswith(f"{config}:5:"), lines[1])
        self.assertIn("did you mean 'read-text'", lines[1])
        self.assertTrue(lines[2].startswith(f"{config}:10:"), lines[2])
        self.assertIn("did you mean 'form'", lines[2])
        self.assertTrue(lines[3].startswith(f"{config}:15:"), lines[3])
        self.assertIn("codepoints", lines[3])
        self.assertIn("nothing was run", r.stderr)

    def test_a_bad_override_is_refused_before_reading(self):
        r = run("check", AFP_CONFIG, "--set", "normalise-unicode.form=NFX")
        self.assertEqual(r.code, 2)
        self.assertIn("NFX", r.stderr)

    def test_toml_syntax_error_names_line_and_column(self):
        config = self.write("syntax.toml", "[pipeline]\nthreads = = 2\n")
        r = run("check", config)
        self.assertEqual(r.code, 2)
        self.assertIn(f"{config}:2:", r.stderr)


class PluginsTest(unittest.TestCase):
    def test_lists_built_plugins_without_any_environment(self):
        r = run("plugins")
        self.assertEqual(r.code, 0)
        for name in ("read-text", "read-jsonl", "write-jsonl", "normalise-unicode",
                     "normalise-arabic", "clean-wire"):
            self.assertIn(name, r.stdout)

    def test_json_lists_plugins_and_refused_files(self):
        r = run("plugins", "--json", plugin_path=TEST_PLUGINS)
        self.assertEqual(r.code, 0)
        listing = json.loads(r.stdout)
        names = {p["name"] for p in listing["plugins"]}
        self.assertIn("test-faulty", names)
        self.assertIn("read-text", names)
        refused = "\n".join(listing["refused"])
        self.assertIn("test-wrong-abi.so: refused: plugin ABI version 999, host ABI version 2", refused)
        self.assertIn("test-no-entry.so: refused: no entry symbol", refused)

    def test_describe_shows_options_with_types_and_defaults(self):
        r = run("describe", "normalise-unicode")
        self.assertEqual(r.code, 0)
        self.assertIn("form (string) = \"NFC\"", r.stdout)
        self.assertIn("\"NFKC_Casefold\"", r.stdout)

    def test_describe_unknown_plugin_fails(self):
        r = run("describe", "no-such-plugin")
        self.assertEqual(r.code, 2)
        self.assertIn("no plugin 'no-such-plugin'", r.stderr)


if __name__ == "__main__":
    unittest.main()
