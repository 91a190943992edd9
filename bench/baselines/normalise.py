"""Issue 3's normalisation with Python's standard library, as a peer for
bench/run.sh: NFKC, then the same mappings as the uconv rules (tashkeel,
superscript alef and tatweel removed; hamza alef forms and alef wasla to bare
alef; alef maksura to yeh; Arabic-Indic digits to ASCII).

    python3 normalise.py < in > out
"""
import sys
import unicodedata

TABLE = str.maketrans(
    {
        **{cp: None for cp in [*range(0x064B, 0x0653), 0x0670, 0x0640]},
        **{cp: "\u0627" for cp in (0x0623, 0x0625, 0x0622, 0x0671)},
        0x0649: "\u064A",
        **{0x0660 + d: str(d) for d in range(10)},
    }
)


def main() -> None:
    stdin = open(sys.stdin.fileno(), encoding="utf-8", newline="", closefd=False)
    stdout = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="", closefd=False)
    for line in stdin:
        stdout.write(unicodedata.normalize("NFKC", line).translate(TABLE))
    stdout.flush()


if __name__ == "__main__":
    main()
