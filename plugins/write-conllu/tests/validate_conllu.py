#!/usr/bin/env python3
"""Checks CoNLL-U files against the format rules of the UD validator
(UniversalDependencies/tools validate.py), levels 1 and 2.

Usage: validate_conllu.py FILE...

Level 1 (format): UTF-8, LF line ends, token lines in NFC, exactly ten
tab-separated columns, no empty column, no leading, trailing or doubled
whitespace in a column, no whitespace at all in ID, UPOS, XPOS, FEATS,
HEAD, DEPREL and DEPS, well-formed IDs numbered 1..n, comments only before a
sentence, one empty line after every sentence and nowhere else.

Level 2 (metadata and values): exactly one `# sent_id`, of one word without
a '/', unique across all files; exactly one `# text`, without trailing
whitespace, that is exactly the FORMs joined by whitespace except after a
word with SpaceAfter=No, and that has whitespace after every word without
it; no repeated SpaceAfter in MISC. UPOS, HEAD and DEPREL are checked for
form when they are given; `_` is accepted for them, because nahr writes
tokens without a parse (the official validator asks for a full tree at
level 2 and would report `_` there).

Prints one line per error, `FILE:LINE: [Ln test-id] message`, and exits
with status 1 when there is any.
"""
import re
import sys
import unicodedata

COLUMNS = "ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC".split()
ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)
NO_WHITESPACE = (ID, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS)

WORD_ID = re.compile(r"^[1-9][0-9]*$")
RANGE_ID = re.compile(r"^([1-9][0-9]*)-([1-9][0-9]*)$")
EMPTY_NODE_ID = re.compile(r"^[0-9]+\.[1-9][0-9]*$")
SENT_ID = re.compile(r"^# sent_id\s*=\s*(\S+)$")
TEXT = re.compile(r"^# text\s*=\s*(.+)$")
UPOS_TAG = re.compile(r"^[A-Z]+$")
DEPREL_LABEL = re.compile(r"^[a-z]+(:[a-z]+)?$")
HEAD_REF = re.compile(r"^(0|[1-9][0-9]*)$")
FEATURE = re.compile(r"^[A-Z0-9][A-Z0-9a-z]*(\[[a-z0-9]+\])?=[A-Z0-9][A-Z0-9a-z]*(,[A-Z0-9][A-Z0-9a-z]*)*$")


class Validator:
    def __init__(self):
        self.errors = 0
        self.sent_ids = set()
        self.where = ""

    def error(self, line, level, test, message):
        self.errors += 1
        print(f"{self.where}:{line}: [L{level} {test}] {message}", file=sys.stderr)

    def validate_file(self, path):
        self.where = path
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            self.error(0, 1, "invalid-utf8", f"not UTF-8 at byte {e.start}")
            return
        if "\r" in text:
            self.error(0, 1, "non-unix-newline", "only LF line ends are allowed")
        if text and not text.endswith("\n"):
            self.error(0, 1, "missing-newline", "the last line has no line end")
        lines = text.split("\n")
        if lines[-1] == "":  # the line end of the last line, or an empty file
            lines.pop()
        comments, words, start = [], [], 0
        for number, line in enumerate(lines, start=1):
            if line and line.isspace():
                self.error(number, 1, "pseudo-empty-line", "a line of only whitespace")
            elif not line:
                if words:
                    self.validate_sentence(start, comments, words)
                    comments, words = [], []
                else:
                    self.error(number, 1, "extra-empty-line", "an empty line outside a sentence end")
            elif line.startswith("#"):
                if words:
                    self.error(number, 1, "misplaced-comment", "a comment inside a sentence")
                else:
                    comments.append((number, line))
            elif line[0].isdigit():
                if not words:
                    start = number
                cols = line.split("\t")
                if self.validate_line(number, line, cols):
                    words.append((number, cols))
            else:
                self.error(number, 1, "invalid-line", f"neither comment nor token: {line!r}")
        if comments or words:
            self.error(start, 1, "missing-empty-line", "no empty line after the last sentence")

    def validate_line(self, number, line, cols):
        if unicodedata.normalize("NFC", line) != line:
            self.error(number, 1, "unicode-normalization", "the line is not in NFC")
        if len(cols) != 10:
            self.error(number, 1, "number-of-columns", f"{len(cols)} columns instead of 10")
            return False
        for i, value in enumerate(cols):
            name = COLUMNS[i]
            if not value:
                self.error(number, 1, "empty-column", f"empty {name}")
                continue
            if value[0].isspace() or value[-1].isspace():
                self.error(number, 1, "leading-trailing-whitespace", f"whitespace at an end of {name}")
            if re.search(r"\s\s", value):
                self.error(number, 1, "repeated-whitespace", f"doubled whitespace in {name}")
            if i in NO_WHITESPACE and re.search(r"\s", value):
                self.error(number, 1, "invalid-whitespace", f"whitespace in {name}: {value!r}")
        if not (WORD_ID.match(cols[ID]) or RANGE_ID.match(cols[ID]) or EMPTY_NODE_ID.match(cols[ID])):
            self.error(number, 1, "invalid-word-id", f"malformed ID {cols[ID]!r}")
        if WORD_ID.match(cols[ID]) or EMPTY_NODE_ID.match(cols[ID]):
            self.validate_values(number, cols)
        return True

    def validate_values(self, number, cols):
        if cols[UPOS] != "_" and not UPOS_TAG.match(cols[UPOS]):
            self.error(number, 2, "invalid-upos", f"UPOS {cols[UPOS]!r}")
        if cols[DEPREL] != "_" and not DEPREL_LABEL.match(cols[DEPREL]):
            self.error(number, 2, "invalid-deprel", f"DEPREL {cols[DEPREL]!r}")
        if cols[HEAD] != "_" and not HEAD_REF.match(cols[HEAD]):
            self.error(number, 2, "invalid-head", f"HEAD {cols[HEAD]!r}")
        if cols[FEATS] != "_":
            feats = cols[FEATS].split("|")
            if any(not FEATURE.match(f) for f in feats):
                self.error(number, 2, "invalid-feature", f"FEATS {cols[FEATS]!r}")
            elif [f.lower() for f in feats] != sorted(f.lower() for f in feats):
                self.error(number, 2, "unsorted-features", f"FEATS {cols[FEATS]!r}")
        misc = [m.split("=", 1)[0] for m in cols[MISC].split("|")] if cols[MISC] != "_" else []
        if misc.count("SpaceAfter") > 1:
            self.error(number, 2, "repeated-misc", "SpaceAfter more than once in MISC")
        if "NoSpaceAfter=Yes" in cols[MISC]:
            self.error(number, 2, "nospaceafter-yes", "write SpaceAfter=No instead")

    def validate_sentence(self, start, comments, words):
        self.validate_ids(start, words)
        self.validate_heads(words)
        sent_ids = [m.group(1) for _, c in comments for m in [SENT_ID.match(c)] if m]
        malformed = [n for n, c in comments if c.startswith("# sent_id") and not SENT_ID.match(c)]
        for n in malformed:
            self.error(n, 2, "invalid-sent-id", "sent_id must be one word")
        if len(sent_ids) != 1:
            self.error(start, 2, "missing-sent-id" if not sent_ids else "multiple-sent-id",
                       f"{len(sent_ids)} sent_id comments")
        else:
            sid = sent_ids[0]
            if sid in self.sent_ids:
                self.error(start, 2, "non-unique-sent-id", f"sent_id {sid!r} seen before")
            if "/" in sid:
                self.error(start, 2, "slash-in-sent-id", f"'/' in sent_id {sid!r}")
            self.sent_ids.add(sid)
        texts = [m.group(1) for _, c in comments for m in [TEXT.match(c)] if m]
        if len(texts) != 1:
            self.error(start, 2, "missing-text" if not texts else "multiple-text",
                       f"{len(texts)} text comments")
        else:
            self.validate_text(start, texts[0], words)

    def validate_ids(self, start, words):
        ids = [int(cols[ID]) for _, cols in words if WORD_ID.match(cols[ID])]
        if ids != list(range(1, len(ids) + 1)):
            self.error(start, 1, "word-id-sequence", f"word IDs {ids} are not 1..{len(ids)}")

    def validate_heads(self, words):
        ids = {cols[ID] for _, cols in words if WORD_ID.match(cols[ID])}
        for number, cols in words:
            head = cols[HEAD]
            if WORD_ID.match(cols[ID]) and head not in ("_", "0") and head not in ids:
                self.error(number, 2, "unknown-head", f"HEAD {head!r} is no ID of the sentence")

    def validate_text(self, start, text, words):
        if text[-1].isspace():
            self.error(start, 2, "text-trailing-whitespace", "# text ends with whitespace")
        rest, inside_range = text, set()
        for number, cols in words:
            if EMPTY_NODE_ID.match(cols[ID]):
                continue
            span = RANGE_ID.match(cols[ID])
            if span:
                inside_range |= {str(i) for i in range(int(span.group(1)), int(span.group(2)) + 1)}
            elif cols[ID] in inside_range:
                continue
            form = cols[FORM]
            if not rest.startswith(form):
                self.error(number, 2, "text-form-mismatch",
                           f"FORM {form!r} but # text goes on with {rest[:len(form) + 20]!r}")
                return
            rest = rest[len(form):]
            if "SpaceAfter=No" not in cols[MISC].split("|"):
                if rest and not rest[0].isspace():
                    self.error(number, 2, "missing-spaceafter",
                               f"no whitespace after {form!r} but no SpaceAfter=No")
                rest = rest.lstrip()
        if rest:
            self.error(start, 2, "text-extra-chars", f"# text has more than the FORMs: {rest!r}")


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    validator = Validator()
    for path in paths:
        validator.validate_file(path)
    if validator.errors:
        print(f"*** FAILED *** with {validator.errors} errors", file=sys.stderr)
        return 1
    print("*** PASSED ***")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
