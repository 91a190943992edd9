"""Extraction quality: the AFP pipeline over our hand-annotated gold stories
and over UD Arabic-PUD, scored by tests/gold/score.py. Fails when any score
falls below the level recorded in tests/gold/min_scores.json."""
import subprocess
import sys
import unittest

from nahr_e2e import SHARED_DIR, SOURCE_DIR, TempDirTest, run

AFP_CONFIG = SOURCE_DIR / "configs" / "afp-arabic.toml"
GOLD = SOURCE_DIR / "tests" / "gold"
UD = SHARED_DIR / "eval" / "ud-pud" / "ar_pud-ud-test.conllu"


def python(*args):
    proc = subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr


class GoldScoreTest(TempDirTest):
    def test_scores_stay_at_or_above_the_recorded_levels(self):
        code, out = python(GOLD / "make_input.py", "-o", self.tmp / "gold-input.jsonl")
        self.assertEqual(code, 0, out)
        r = run("run", AFP_CONFIG, "--input", self.tmp / "gold-input.jsonl",
                "--output", self.tmp / "gold.jsonl")
        self.assertEqual(r.code, 0, r.stderr)

        args = ["--gold", GOLD, "--predicted", self.tmp / "gold.jsonl"]
        if UD.exists():
            code, out = python(GOLD / "make_ud_input.py", UD, "-o", self.tmp / "ud-input.jsonl")
            self.assertEqual(code, 0, out)
            r = run("run", AFP_CONFIG, "--input", self.tmp / "ud-input.jsonl",
                    "--output", self.tmp / "ud.jsonl")
            self.assertEqual(r.code, 0, r.stderr)
            args += ["--ud", UD, "--predicted-ud", self.tmp / "ud.jsonl"]
        code, out = python(GOLD / "score.py", *args, "--min-scores", GOLD / "min_scores.json")
        print(out)
        self.assertEqual(code, 0, out)


if __name__ == "__main__":
    unittest.main()
