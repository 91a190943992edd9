#!/usr/bin/env python3
"""Writes the gold stories as nahr JSONL input: one line per story with "id"
(the file stem, which score.py matches on), "date" (the publication date the
dates extractor resolves weekdays and أمس against), "lang" and "text" (the file
exactly as stored, final newline included).

    python3 tests/gold/make_input.py > gold-input.jsonl
"""
import argparse
import json
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent


def records(gold_dir: Path):
    for path in sorted((gold_dir / 'annotations').glob('*.json')):
        gold = json.loads(path.read_text(encoding='utf-8'))
        text = (gold_dir / 'stories' / f'{path.stem}.txt').read_text(encoding='utf-8')
        yield {'id': path.stem, 'date': gold['date'], 'lang': 'ar', 'text': text}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--gold', type=Path, default=GOLD, help='gold folder (default: this one)')
    parser.add_argument('-o', '--output', type=Path, help='output file (default: stdout)')
    args = parser.parse_args(argv)
    out = ''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in records(args.gold))
    if args.output:
        args.output.write_text(out, encoding='utf-8')
    else:
        sys.stdout.write(out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
