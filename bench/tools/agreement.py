#!/usr/bin/env python3
"""Checks that the normalisation peers agree, for bench/run.sh's report:
whether uconv, perl and Python wrote the same bytes, and in how many
documents nahr's text differs from uconv's (normalise-arabic's README lists
the deliberate differences). Appends one record to the results file.

    agreement.py --results R.jsonl --nahr out.jsonl --uconv u.txt --peers p.txt y.txt
"""
import argparse
import filecmp
import json


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", required=True)
    parser.add_argument("--nahr", required=True, help="write-jsonl output of the normalise pipeline")
    parser.add_argument("--uconv", required=True, help="uconv output (documents end in a blank line)")
    parser.add_argument("--peers", nargs="+", required=True, help="other peers' outputs")
    args = parser.parse_args()

    peers_agree = all(filecmp.cmp(args.uconv, p, shallow=False) for p in args.peers)
    with open(args.uconv, encoding="utf-8", newline="") as f:
        reference = f.read().split("\n\n")
    if reference and reference[-1] == "":
        reference.pop()
    differing = documents = 0
    with open(args.nahr, encoding="utf-8") as f:
        for documents, line in enumerate(f, 1):
            text = json.loads(line)["text"]
            if documents > len(reference) or text != reference[documents - 1]:
                differing += 1
    record = {
        "name": "normalise/agreement",
        "peers_agree": peers_agree,
        "documents": documents,
        "reference_documents": len(reference),
        "nahr_differs": differing,
    }
    with open(args.results, "a") as f:
        f.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
