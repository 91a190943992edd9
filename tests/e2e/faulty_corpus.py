"""Wire stories with bad records sprinkled through, and what nahr must make of each.

Each record is one of these kinds, as read-jsonl -> test-faulty -> write-jsonl sees it:
  good     written
  fail     test-faulty throws a DocumentError (FAIL marker)          -> process phase
  throw    test-faulty throws a std::logic_error (THROW marker)      -> process phase
  invalid  a JSONL line that does not parse                          -> read phase
  array    a JSONL line that is JSON but not an object               -> read phase
  long     text over max_document_bytes                              -> read phase
  fatal    test-faulty throws a FatalError (FATAL marker): the run stops
  crash    test-crash, placed before test-faulty, takes its process down (CRASH marker);
           only for pipelines with isolation = "process"
"""
import json
import random
from pathlib import Path

WORDS = ["قال", "المتحدث", "باسم", "الحكومة", "إن", "المفاوضات", "مستمرة", "في", "بيروت",
         "الخميس", "لوكالة", "فرانس", "برس", "١٢", "3.5", "مليون", "Reuters", "«", "»", "😀"]

LONG_LIMIT = 4000  # max_document_bytes for the runs that have "long" records
READ_KINDS = {"invalid", "array", "long"}
PROCESS_KINDS = {"fail", "throw"}


class Record:
    def __init__(self, kind, line, doc_id, text, raw):
        self.kind = kind
        self.line = line  # 1-based line in the input
        self.id = doc_id
        self.text = text
        self.raw = raw


class Corpus:
    """`pattern` maps a record index to its kind; indexes not in it are good."""

    def __init__(self, count, pattern, seed=7):
        rng = random.Random(seed)
        self.records = []
        for i in range(count):
            kind = pattern.get(i, "good")
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40)))
            if kind == "fail":
                text += " FAIL"
            elif kind == "throw":
                text = "THROW " + text
            elif kind == "fatal":
                text += " FATAL"
            elif kind == "crash":
                text += " CRASH"
            elif kind == "long":
                text = ("خبر طويل جدا " * (LONG_LIMIT // 10))[: LONG_LIMIT + 500]
            doc_id = f"afp-{i:05d}"
            raw = json.dumps({"id": doc_id, "text": text, "desk": "بيروت"}, ensure_ascii=False)
            if kind == "invalid":
                raw = '{"id": "%s", "text": "لم يكتمل السطر' % doc_id
            elif kind == "array":
                raw = '["%s", "ليس كائنا"]' % doc_id
            self.records.append(Record(kind, i + 1, doc_id, text, raw))

    def write(self, path):
        path.write_text("\n".join(r.raw for r in self.records) + "\n", encoding="utf-8")

    def of_kind(self, *kinds):
        return [r for r in self.records if r.kind in kinds]

    @property
    def good(self):
        return self.of_kind("good")

    @property
    def bad(self):
        return [r for r in self.records if r.kind != "good"]


def sprinkled(count, every, kinds, offset=3):
    """A pattern with one bad record every `every`, cycling through `kinds`."""
    return {i: kinds[(i // every) % len(kinds)] for i in range(offset, count, every)}


def read_report(directory):
    return json.loads((Path(directory) / "report.json").read_text(encoding="utf-8"))


def pipeline_config(tmp, inputs=("stories.jsonl",), output="out.jsonl", faulty_options="",
                    before_faulty="", **pipeline):
    settings = "\n".join(f"{k} = {json.dumps(v)}" for k, v in pipeline.items())
    path = tmp / "faulty.toml"
    path.write_text(f"""\
[pipeline]
{settings}

[[stage]]
plugin = "read-jsonl"
inputs = {json.dumps(list(inputs))}
metadata_fields = ["desk"]
{before_faulty}
[[stage]]
plugin = "test-faulty"
{faulty_options}

[[stage]]
plugin = "write-jsonl"
output = "{output}"
""", encoding="utf-8")
    return path
