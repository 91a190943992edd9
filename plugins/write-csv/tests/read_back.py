#!/usr/bin/env python3
"""Reads a CSV file with Python's csv module and compares it with the rows
the C++ test expects, given as a JSON array of arrays of strings.

Usage: read_back.py FILE.csv EXPECTED.json comma|semicolon|tab
Exit status 0 when the rows are equal; otherwise the first difference is
printed. The file is decoded strictly as UTF-8 (a BOM is allowed), as
pandas and LibreOffice decode it.
"""
import csv
import json
import sys


def main():
    csv_path, expected_path, name = sys.argv[1:4]
    delimiter = {"comma": ",", "semicolon": ";", "tab": "\t"}[name]
    with open(csv_path, newline="", encoding="utf-8-sig", errors="strict") as f:
        rows = list(csv.reader(f, delimiter=delimiter, strict=True))
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    if rows == expected:
        return 0
    if len(rows) != len(expected):
        print(f"{len(rows)} rows read, {len(expected)} expected", file=sys.stderr)
    for i, (got, want) in enumerate(zip(rows, expected)):
        if got != want:
            print(f"row {i}: read {got!r}, expected {want!r}", file=sys.stderr)
            break
    return 1


if __name__ == "__main__":
    sys.exit(main())
