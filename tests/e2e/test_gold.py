"""Extraction quality: the AFP pipeline over our hand-annotated gold stories
(the main set and the held-out set) and over UD Arabic-PUD, scored by
tests/gold/score.py. Fails when any score falls below the level recorded in
the gold folder's min_scores.json."""
import subprocess
import sys
import unittest

from nahr_e2e import SHARED_DIR, SOURCE_DIR, TempDirTest, run

AFP_CONFIG = SOURCE_DIR / "configs" / "afp-arabic.toml"
GOLD = SOURCE_DIR / "tests" / "gold"
HELD_OUT = GOLD / "heldout"
UD = SHARED_DIR / "eval" / "ud-pud" / "ar_pud-ud-test.conllu"


def python(*args):
    proc = subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr


class GoldScoreTest(TempDirTest):
    def run_afp(self, make_input, *args, name):
        """Writes the input with a make_*input.py script, runs the AFP pipeline
        over it and returns the path of the output."""
        code, out = python(GOLD / make_input, *args, "-o", self.tmp / f"{name}-input.jsonl")
        self.assertEqual(code, 0, out)
        r = run("run", AFP_CONFIG, "--input", self.tmp / f"{name}-input.jsonl",
                "--output", self.tmp / f"{name}.jsonl")
        self.assertEqual(r.code, 0, r.stderr)
        return self.tmp / f"{name}.jsonl"

    def assert_scores_at_or_above_minimum(self, gold, with_ud=False):
        predicted = self.run_afp("make_input.py", "--gold", gold, name="gold")
        args = ["--gold", gold, "--predicted", predicted]
        if with_ud and UD.exists():
            args += ["--ud", UD, "--predicted-ud", self.run_afp("make_ud_input.py", UD, name="ud")]
        code, out = python(GOLD / "score.py", *args, "--min-scores", gold / "min_scores.json")
        print(out)
        self.assertEqual(code, 0, out)

    def test_scores_stay_at_or_above_the_recorded_levels(self):
        self.assert_scores_at_or_above_minimum(GOLD, with_ud=True)

    def test_held_out_scores_stay_at_or_above_the_recorded_levels(self):
        self.assert_scores_at_or_above_minimum(HELD_OUT)


if __name__ == "__main__":
    unittest.main()
