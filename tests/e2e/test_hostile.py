"""Hostile and broken input through the nahr binary: each case ends either in
correct documents or in a clear error naming the file, the document and the
place, and nothing is lost: read = written + quarantined (+ skipped), with
one quarantine record per failed document. Configs that are wrong are
refused before any document is read."""
import gzip
import json
import shutil
import subprocess
import sys
import textwrap

from nahr_e2e import NAHR, TempDirTest, read_jsonl, run

STORY = "بيروت (أ ف ب) - قال المتحدث إنّ المفاوضات مستمرة في العاصمة اللبنانية."


def jsonl(*records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


class HostileInputTest(TempDirTest):
    def pipeline(self, reader, inputs, reader_options="", middle="", settings=""):
        """A config reader -> [middle] -> write-jsonl into out.jsonl."""
        return self.write("pipeline.toml", textwrap.dedent("""\
            [pipeline]
            {settings}

            [[stage]]
            plugin = "{reader}"
            inputs = {inputs}
            {reader_options}
            {middle}
            [[stage]]
            plugin = "write-jsonl"
            output = "out.jsonl"
            """).format(reader=reader, inputs=json.dumps([str(i) for i in inputs]),
                        reader_options=reader_options, middle=middle, settings=settings))

    def run_accounted(self, config, written, quarantined):
        """Runs `config` and checks the summary, the exit code and the
        quarantine; returns (result, quarantine records)."""
        r = run("run", config)
        read = written + quarantined
        self.assertEqual(r.summary(), (read, written, quarantined, 0, 0), r.stderr)
        self.assertEqual(r.code, 1 if quarantined else 0, r.stderr)
        self.assertEqual(len(read_jsonl(self.tmp / "out.jsonl")), written)
        quarantine = self.tmp / "out.jsonl.quarantine.jsonl"
        records = read_jsonl(quarantine) if quarantine.exists() else []
        self.assertEqual(len(records), quarantined, r.stderr)
        return r, records

    def assert_names(self, r, place, document, *words):
        """The log line of a failed document names its file and place, its
        id, and why it failed."""
        lines = [l for l in r.stderr.splitlines() if f"document '{document}' failed" in l]
        self.assertEqual(len(lines), 1, r.stderr)
        self.assertIn(place, lines[0])
        for word in words:
            self.assertIn(word, lines[0])

    def written(self):
        return read_jsonl(self.tmp / "out.jsonl")

    # ---- encodings and bytes ------------------------------------------------

    def test_invalid_utf8_in_a_jsonl_record_is_quarantined(self):
        source = self.write("wire.jsonl", jsonl({"id": "a", "text": STORY}).encode()
                            + b'{"id": "b", "text": "\xd8\xa8\xff\xd9"}\n'
                            + jsonl({"id": "c", "text": "بعد"}).encode())
        r, records = self.run_accounted(self.pipeline("read-jsonl", [source]), 2, 1)
        self.assert_names(r, f"{source}:2:", "wire-2", "UTF-8")
        self.assertEqual(records[0]["source"]["line"], 2)
        self.assertEqual([d["id"] for d in self.written()], ["a", "c"])

    def test_invalid_utf8_in_text_is_refused_with_its_byte_offset(self):
        source = self.write("wire.txt", b"\xd9\x82\xd8\xa7\xd9\x84\n\xd8\xa8\xd9\x8a\xff\xd8\xaa\n")
        middle = '[[stage]]\nplugin = "normalise-unicode"\ninvalid_utf8 = "reject"\n'
        config = self.pipeline("read-text", [source], 'mode = "lines"', middle)
        r, records = self.run_accounted(config, 1, 1)
        self.assert_names(r, f"{source}:2:", "wire-1", "invalid UTF-8 at byte 4", "(FF)")
        self.assertEqual(records[0]["stage"], "normalise-unicode")

    def test_nul_bytes_are_refused_raw_in_json_and_kept_escaped(self):
        source = self.write("wire.jsonl", b'{"id": "raw", "text": "\xd8\xa8\x00\xd8\xaa"}\n'
                            + b'{"id": "escaped", "text": "\\u0000\xd8\xa8"}\n')
        r, _ = self.run_accounted(self.pipeline("read-jsonl", [source]), 1, 1)
        self.assert_names(r, f"{source}:1:", "wire-1", "invalid JSON")
        self.assertEqual(self.written()[0]["text"], "\0ب")
        # Plain text keeps the NUL, written as \u0000.
        text = self.write("nul.txt", b"\xd8\xa8\x00\xd8\xaa")
        self.run_accounted(self.pipeline("read-text", [text]), 1, 0)
        self.assertEqual(self.written()[0]["text"], "ب\0ت")

    def test_a_byte_order_mark_is_dropped(self):
        bom = b"\xef\xbb\xbf"
        cases = [("read-jsonl", "wire.jsonl", jsonl({"id": "a", "text": STORY}), ""),
                 ("read-text", "wire.txt", STORY, ""),
                 ("read-csv", "wire.csv", f"id,text\na,{STORY}\n", "")]
        for reader, name, content, options in cases:
            with self.subTest(reader=reader):
                source = self.write(name, bom + content.encode())
                self.run_accounted(self.pipeline(reader, [source], options), 1, 0)
                doc = self.written()[0]
                self.assertEqual(doc["text"], STORY)
                self.assertIn(doc["id"], ["a", "wire"])

    def test_crlf_line_breaks_end_lines_and_rows(self):
        cases = [("read-jsonl", "wire.jsonl", jsonl({"id": "a", "text": STORY}, {"id": "b", "text": "ب"}), ""),
                 ("read-text", "wire.txt", f"{STORY}\n\nب\n", 'mode = "blocks"'),
                 ("read-csv", "wire.csv", f"id,text\na,{STORY}\nb,ب\n", "")]
        for reader, name, content, options in cases:
            with self.subTest(reader=reader):
                source = self.write(name, content.replace("\n", "\r\n").encode())
                self.run_accounted(self.pipeline(reader, [source], options), 2, 0)
                self.assertEqual([d["text"] for d in self.written()], [STORY, "ب"])

    # ---- empty things ---------------------------------------------------------

    def test_an_empty_file_is_no_document_and_no_error(self):
        for reader, name in [("read-jsonl", "e.jsonl"), ("read-csv", "e.csv"),
                             ("read-gigaword", "e.sgml")]:
            with self.subTest(reader=reader):
                source = self.write(name, b"")
                r, _ = self.run_accounted(self.pipeline(reader, [source]), 0, 0)
                self.assertEqual((self.tmp / "out.jsonl").read_bytes(), b"")

    def test_a_zero_byte_document_is_written(self):
        source = self.write("e.txt", b"")  # mode = "file": the whole file, 0 bytes
        self.run_accounted(self.pipeline("read-text", [source]), 1, 0)
        self.assertEqual(self.written()[0]["text"], "")
        records = self.write("e.jsonl", jsonl({"id": "empty", "text": ""}))
        middle = '[[stage]]\nplugin = "normalise-arabic"\n[[stage]]\nplugin = "extract-sentences"\n'
        self.run_accounted(self.pipeline("read-jsonl", [records], "", middle), 1, 0)
        self.assertEqual(self.written()[0]["text"], "")
        self.assertEqual(self.written()[0]["annotations"], [])

    # ---- too big, too deep ------------------------------------------------------

    def test_a_200_mb_line_is_quarantined_without_being_loaded(self):
        source = self.tmp / "huge.jsonl"
        chunk = "ا" * (1 << 20)  # 2 MiB of UTF-8
        with open(source, "w", encoding="utf-8") as f:
            f.write(jsonl({"id": "a", "text": STORY}))
            f.write('{"id": "huge", "text": "')
            for _ in range(100):
                f.write(chunk)
            f.write('"}\n')
            f.write(jsonl({"id": "c", "text": "بعد"}))
        huge_line = 100 * 2 * (1 << 20) + len('{"id": "huge", "text": ""}')
        settings = "max_document_bytes = 4194304"
        for reader, options in [("read-jsonl", ""), ("read-text", 'mode = "lines"')]:
            with self.subTest(reader=reader):
                config = self.pipeline(reader, [source], options, settings=settings)
                peak_kb, r = self.run_measured(config)
                self.assertEqual(r["summary"], [3, 2, 1], r["stderr"])
                self.assertIn(f"line of {huge_line} bytes exceeds max_document_bytes (4194304)",
                              r["stderr"])
                self.assertIn(f"{source}:2:", r["stderr"])
                record = read_jsonl(self.tmp / "out.jsonl.quarantine.jsonl")[0]
                self.assertEqual(record["source"]["line"], 2)
                self.assertEqual(len(record["record"].encode()), 65536)
                self.assertLess(peak_kb, 100 * 1024, "the 200 MB line was held in memory")

    def run_measured(self, config):
        """Runs nahr in a fresh Python process whose RUSAGE_CHILDREN then
        holds nahr's peak resident memory alone."""
        probe = textwrap.dedent("""\
            import json, re, resource, subprocess, sys
            p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
            m = re.search(r"read (\\d+) = written (\\d+) \\+ quarantined (\\d+)", p.stderr)
            print(json.dumps({"peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                              "summary": [int(g) for g in m.groups()] if m else None,
                              "stderr": p.stderr}))
            """)
        out = subprocess.run([sys.executable, "-c", probe, NAHR, "run", str(config)],
                             capture_output=True, text=True, timeout=600, check=True).stdout
        result = json.loads(out)
        return result["peak_kb"], result

    def test_deeply_nested_json_is_quarantined(self):
        deep = "[" * 100000 + "]" * 100000
        source = self.write("deep.jsonl", jsonl({"id": "a", "text": STORY})
                            + '{"id": "deep", "text": "ب", "meta": ' + deep + "}\n"
                            + deep + "\n" + jsonl({"id": "c", "text": "بعد"}))
        r, records = self.run_accounted(self.pipeline("read-jsonl", [source]), 2, 2)
        self.assert_names(r, f"{source}:2:", "deep-2", "invalid JSON")
        self.assert_names(r, f"{source}:3:", "deep-3", "expected a JSON object")
        self.assertEqual([rec["source"]["line"] for rec in records], [2, 3])

    def test_deeply_nested_xml_is_quarantined(self):
        depth = 1000000
        deep = self.write("deep.xml", "<newsItem guid='deep'><contentSet><inlineXML>"
                          + "<b>" * depth + "نص" + "</b>" * depth
                          + "</inlineXML></contentSet></newsItem>")
        good = self.write("good.xml", HostileInputTest.NEWS_ITEM.format(body=STORY))
        r, _ = self.run_accounted(self.pipeline("read-newsml", [deep, good]), 1, 1)
        self.assert_names(r, f"{deep}:1:", "deep", "elements nested more than 256 levels deep")

    def test_records_that_are_not_objects_are_quarantined(self):
        # (A first line starting with '[' would make the whole file one array.)
        source = self.write("wire.jsonl", jsonl({"id": "a", "text": STORY}) + '[1, 2]\n"نص"\n42\nnull\n')
        r, records = self.run_accounted(self.pipeline("read-jsonl", [source]), 1, 4)
        self.assert_names(r, f"{source}:2:", "wire-2", "expected a JSON object, got an array")
        self.assert_names(r, f"{source}:3:", "wire-3", "got a string")
        self.assert_names(r, f"{source}:4:", "wire-4", "got a number")
        self.assert_names(r, f"{source}:5:", "wire-5", "got null")
        self.assertEqual([rec["record"] for rec in records], ["[1, 2]", '"نص"', "42", "null"])

    # ---- damaged archives -------------------------------------------------------

    def compressed_stories(self):
        # Enough for several compressed blocks, so that half the file holds
        # whole records.
        return jsonl(*({"id": f"s{i:04d}", "text": f"{STORY} {i * 7919 % 10007}"}
                       for i in range(4000))).encode()

    def check_truncated(self, source, what):
        r = run("run", self.pipeline("read-jsonl", [source]))
        read, written, quarantined, skipped, unfinished = r.summary()
        self.assertEqual(r.code, 1, r.stderr)
        self.assertEqual((quarantined, skipped, unfinished), (1, 0, 0), r.stderr)
        self.assertEqual(read, written + quarantined)
        self.assertGreater(written, 0)
        ids = [d["id"] for d in self.written()]
        self.assertEqual(ids, [f"s{i:04d}" for i in range(written)])  # in order, none lost
        lines = [l for l in r.stderr.splitlines() if "failed in stage 'read-jsonl'" in l]
        self.assertEqual(len(lines), 1, r.stderr)
        self.assertIn(str(source), lines[0])
        self.assertIn(f"truncated {what} stream (after line {written})", lines[0])
        record = read_jsonl(self.tmp / "out.jsonl.quarantine.jsonl")[0]
        self.assertIn(f"truncated {what} stream", record["error"])

    def test_a_truncated_gzip_file_keeps_what_came_before_the_cut(self):
        data = gzip.compress(self.compressed_stories())
        self.check_truncated(self.write("wire.jsonl.gz", data[: len(data) // 2]), "gzip")

    def test_a_truncated_zstd_file_keeps_what_came_before_the_cut(self):
        if not shutil.which("zstd"):
            self.skipTest("zstd is not installed")
        data = subprocess.run(["zstd", "-q", "-c"], input=self.compressed_stories(),
                              capture_output=True, check=True).stdout
        self.check_truncated(self.write("wire.jsonl.zst", data[: len(data) // 2]), "zstd")

    # ---- XML --------------------------------------------------------------------

    NEWS_ITEM = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:afp:1" version="1">
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><body><p>{body}</p></body></html>
  </inlineXML></contentSet>
</newsItem>
"""

    def test_an_xml_bomb_is_refused_before_any_expansion(self):
        entities = '<!ENTITY lol0 "هاها">' + "".join(
            f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
        bomb = self.write("bomb.xml", f'<?xml version="1.0"?>\n<!DOCTYPE newsItem [{entities}]>\n'
                          + self.NEWS_ITEM.format(body="&lol9;"))
        good = self.write("good.xml", self.NEWS_ITEM.format(body=STORY))
        config = self.pipeline("read-newsml", [bomb, good])
        peak_kb, _ = self.run_measured(config)
        r, records = self.run_accounted(config, 1, 1)
        self.assert_names(r, f"{bomb}:2:", "bomb", "DOCTYPE with entity declarations is not accepted")
        self.assertLess(peak_kb, 100 * 1024)
        self.assertEqual(self.written()[0]["text"], STORY)
        self.assertNotIn("هاهاهاها", records[0]["record"])

    def test_external_entities_are_never_loaded(self):
        declared = self.write("xxe.xml", '<?xml version="1.0"?>\n'
                              '<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                              + self.NEWS_ITEM.format(body="&xxe;"))
        external_subset = self.write("dtd.xml", '<?xml version="1.0"?>\n'
                                     '<!DOCTYPE newsItem SYSTEM "file:///etc/passwd">\n'
                                     + self.NEWS_ITEM.format(body="قبل &xxe; بعد"))
        r, _ = self.run_accounted(self.pipeline("read-newsml", [declared, external_subset]), 1, 1)
        self.assert_names(r, f"{declared}:2:", "xxe", "DOCTYPE with entity declarations")
        out = (self.tmp / "out.jsonl").read_text(encoding="utf-8")
        quarantine = (self.tmp / "out.jsonl.quarantine.jsonl").read_text(encoding="utf-8")
        for text in (out, quarantine):
            self.assertNotIn("root:", text)
        # An undeclared reference stays as it was written.
        self.assertEqual(self.written()[0]["text"], "قبل &xxe; بعد")


class HostileConfigTest(TempDirTest):
    """A wrong config is refused with its place, exit code 2, before any
    input is opened: no output, no quarantine, no summary line."""

    def refuse(self, toml, *expected):
        self.write("wire.jsonl", jsonl({"id": "a", "text": STORY}))
        config = self.write("pipeline.toml", toml)
        r = run("run", config)
        self.assertEqual(r.code, 2, r.stderr)
        self.assertNotIn("nahr: read", r.stderr)
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["pipeline.toml", "wire.jsonl"])
        for place, words in expected:
            lines = [l for l in r.stderr.splitlines() if l.startswith(f"{config}:{place}:")]
            self.assertTrue(lines, f"nothing at {place}:\n{r.stderr}")
            self.assertIn(words, lines[0])
        return r

    READER = '[[stage]]\nplugin = "read-jsonl"\ninputs = ["wire.jsonl"]\n'
    WRITER = '[[stage]]\nplugin = "write-jsonl"\noutput = "out.jsonl"\n'

    def test_duplicate_keys_are_refused(self):
        self.refuse("[pipeline]\nthreads = 1\nthreads = 2\n" + self.READER + self.WRITER,
                    ("3", "cannot redefine existing integer 'threads'"))
        self.refuse(self.READER + 'format = "lines"\nformat = "array"\n' + self.WRITER,
                    ("5", "cannot redefine existing string 'format'"))

    def test_wrong_types_are_refused(self):
        self.refuse('[pipeline]\nthreads = "two"\nmax_document_bytes = -1\n'
                    '[[stage]]\nplugin = "read-jsonl"\ninputs = 7\nrequired_text = "yes"\n'
                    + self.WRITER + 'offsets = 16\n',
                    ("2", "integer"), ("3", "max_document_bytes"), ("6", "inputs"),
                    ("7", "required_text"), ("11", "offsets"))
