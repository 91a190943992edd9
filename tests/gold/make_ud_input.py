#!/usr/bin/env python3
"""Writes the nahr input for scoring against a CoNLL-U file: one JSON line
{"id", "text"} per "# newdoc", the text being the document's "# text =" lines
joined by a single space (score.py rebuilds the same text to place the gold).

    python3 tests/gold/make_ud_input.py ../shared/eval/ud-pud/ar_pud-ud-test.conllu > ud.jsonl
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score import read_conllu  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('conllu', type=Path)
    parser.add_argument('-o', '--output', type=Path, help='output file (default: stdout)')
    args = parser.parse_args(argv)
    lines = [json.dumps({'id': doc.id, 'text': doc.text}, ensure_ascii=False)
             for doc in read_conllu(args.conllu)]
    out = '\n'.join(lines) + '\n'
    if args.output:
        args.output.write_text(out, encoding='utf-8')
    else:
        sys.stdout.write(out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
