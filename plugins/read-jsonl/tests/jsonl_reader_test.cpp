#include "../jsonl_reader.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nahr::read_jsonl::JsonlReader;
using nahr::testing::Harness;
using nahr::testing::ReadResult;
namespace model = nahr::model;

std::vector<std::string> texts(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.documents) out.push_back(d.text());
  return out;
}
std::vector<std::string> ids(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.documents) out.push_back(d.id);
  return out;
}
std::vector<std::string> failures(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.failures) {
    CHECK(f.status == NAHR_DOCUMENT_ERROR);
    out.push_back(f.message);
  }
  return out;
}
// "key=value" for each metadata entry, in order.
std::vector<std::string> metadata(const model::Document& d) {
  std::vector<std::string> out;
  for (const auto& m : d.metadata) out.push_back(m.key + "=" + m.value);
  return out;
}

// What the host sees of every record: the documents, and for each rejected
// line the document as the reader left it plus the message.
struct Outcome {
  model::Document doc;
  std::string error;
};
std::vector<Outcome> read_all(const std::string& bytes, const std::string& name,
                              const nahr::testing::OptionMap& options = {},
                              std::size_t block = 1 << 16,
                              std::uint64_t max_record_bytes = UINT64_MAX) {
  Harness h;  // installs the host functions the stage calls
  Harness::Instance<JsonlReader> reader(options);
  nahr::testing::detail::MemoryInput input(name, bytes, block);
  model::InputBinding binding(input, max_record_bytes);
  reader->open(nahr::Input(binding.handle()));
  std::vector<Outcome> out;
  for (;;) {
    Outcome o;
    nahr::Document view(model::as_handle(o.doc));
    try {
      if (!reader->next(view)) break;
    } catch (const nahr::DocumentError& e) {
      o.error = e.what();
    }
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

TEST_CASE("id text and every other field as metadata in record order") {
  Harness h;
  const std::string line =
      R"({"id": "afp-01", "date": "2019-03-07", "text": "بيروت (أ ف ب) - قالَ المصدر", )"
      R"("words": 5, "score": 1.50, "exp": -2E+3, "urgent": true, "desk": null, )"
      R"("tags": ["سوريا", "هدنة" ], "place": {"city": "بيروت", "lat": 33.89}})";
  const ReadResult r = h.read<JsonlReader>(line + "\n", {}, "wire/afp.jsonl");
  REQUIRE(r.documents.size() == 1);
  const auto& d = r.documents[0];
  CHECK(d.id == "afp-01");
  CHECK(d.text() == "بيروت (أ ف ب) - قالَ المصدر");
  CHECK(metadata(d) == std::vector<std::string>{
                           "date=2019-03-07", "words=5", "score=1.50", "exp=-2E+3", "urgent=true",
                           "desk=null", R"(tags=["سوريا","هدنة"])",
                           R"(place={"city":"بيروت","lat":33.89})"});
  CHECK(d.source_file == "wire/afp.jsonl");
  CHECK(d.source_record == 0);
  CHECK(d.source_line == 1);
  CHECK(r.failures.empty());
}

TEST_CASE("metadata_fields keeps only the listed fields") {
  Harness h;
  const std::string input =
      R"({"id":"a","text":"نص","lang":"ar","date":"2019-03-07","source":"afp"})" "\n";
  const ReadResult r = h.read<JsonlReader>(
      input, {{"metadata_fields", std::vector<std::string>{"source", "lang", "missing"}}});
  REQUIRE(r.documents.size() == 1);
  CHECK(metadata(r.documents[0]) == std::vector<std::string>{"lang=ar", "source=afp"});
}

TEST_CASE("id_field and text_field name other fields") {
  Harness h;
  const std::string input = R"({"guid":"x-1","body":"متن الخبر","text":"عنوان"})" "\n";
  const ReadResult r = h.read<JsonlReader>(
      input, {{"id_field", std::string("guid")}, {"text_field", std::string("body")}});
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].id == "x-1");
  CHECK(r.documents[0].text() == "متن الخبر");
  CHECK(metadata(r.documents[0]) == std::vector<std::string>{"text=عنوان"});
}

TEST_CASE("a missing id becomes stem-line and a numeric id keeps its digits") {
  Harness h;
  const std::string input = "\n" R"({"text":"أ"})" "\n" R"({"id":20190307001,"text":"ب"})" "\n";
  const ReadResult r = h.read<JsonlReader>(input, {}, "corpus/نشرة-2019.jsonl.zst");
  CHECK(ids(r) == std::vector<std::string>{"نشرة-2019-2", "20190307001"});
  CHECK(r.documents[1].source_record == 1);
  CHECK(r.documents[1].source_line == 3);
}

TEST_CASE("escaped Arabic and surrogate pairs are decoded once") {
  Harness h;
  const std::string input =
      R"({"id":"\u0627\u062e\u0628\u0627\u0631","text":"\u0642\u0627\u0644\u064e \ud83d\ude00\n\"\u0647\u062f\u0646\u0629\"\t\\"})"
      "\n";
  const ReadResult r = h.read<JsonlReader>(input);
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].id == "اخبار");
  CHECK(r.documents[0].text() == "قالَ 😀\n\"هدنة\"\t\\");
}

TEST_CASE("bad lines are errors naming file and line and the good ones are still read") {
  const std::vector<std::string> lines = {
      R"({"id":"ok-1","text":"سطر سليم"})",
      R"(هذا ليس JSON)",
      R"({"id":"ok-3","text":"سليم أيضاً"})",
      R"(["مصفوفة"])",
      R"({"id":"n","text":42})",
      R"({"id":"no-text","lang":"ar"})",
      R"({"id":"cut","text":"مقطوع)",
      R"({"id":"two","text":"أ"} {"id":"three","text":"ب"})",
      "{\"id\":\"bad-utf8\",\"text\":\"\xD8\"}",
      R"({"id":"bad-nested","text":"ن","tags":[1,,2]})",
      R"({"id":{"x":1},"text":"ن"})",
      R"({"id":"bad-null","text":"ن","desk":nul})",
      R"({"id":"bad-number","text":"ن","n":12abc})",
      R"({"id":"ok-14","text":"الأخير"})",
  };
  std::string input;
  for (const std::string& l : lines) input += l + "\n";
  const auto outcomes = read_all(input, "corpus.jsonl");
  REQUIRE(outcomes.size() == lines.size());

  std::vector<std::string> good;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const Outcome& o = outcomes[i];
    const std::string line_number = std::to_string(i + 1);
    INFO("line " << line_number << ": " << o.error);
    CHECK(o.doc.source_file == "corpus.jsonl");
    CHECK(o.doc.source_record == i);
    CHECK(o.doc.source_line == i + 1);
    if (o.error.empty()) {
      good.push_back(o.doc.id);
      continue;
    }
    CHECK(o.error.rfind("corpus.jsonl:" + line_number + ": ", 0) == 0);
    // The record itself survives for the quarantine.
    CHECK(o.doc.id == "corpus-" + line_number);
    CHECK(o.doc.text() == lines[i]);
  }
  CHECK(good == std::vector<std::string>{"ok-1", "ok-3", "ok-14"});
  CHECK_THAT(outcomes[3].error, Catch::Matchers::EndsWith("expected a JSON object, got an array"));
  CHECK_THAT(outcomes[4].error,
             Catch::Matchers::EndsWith("field \"text\" is a number, expected a string"));
  CHECK_THAT(outcomes[5].error, Catch::Matchers::EndsWith("no \"text\" field"));
  CHECK_THAT(outcomes[8].error, Catch::Matchers::Contains("UTF-8"));
  CHECK_THAT(outcomes[10].error, Catch::Matchers::Contains("field \"id\" is an object"));
  CHECK_THAT(outcomes[12].error, Catch::Matchers::Contains("12abc"));
}

TEST_CASE("the harness sees each bad line as one failure") {
  Harness h;
  const std::string input = std::string(R"({"text":"أ"})") + "\n{\n" + R"({"text":"ب"})" + "\n";
  const ReadResult r = h.read<JsonlReader>(input, {}, "x.jsonl");
  CHECK(texts(r) == std::vector<std::string>{"أ", "ب"});
  REQUIRE(failures(r).size() == 1);
  CHECK_THAT(r.failures[0].message, Catch::Matchers::StartsWith("x.jsonl:2: invalid JSON"));
}

TEST_CASE("required_text false makes a missing or null text empty") {
  Harness h;
  const std::string input = R"({"id":"a"})" "\n" R"({"id":"b","text":null})" "\n";
  const ReadResult r = h.read<JsonlReader>(input, {{"required_text", false}});
  CHECK(ids(r) == std::vector<std::string>{"a", "b"});
  CHECK(texts(r) == std::vector<std::string>{"", ""});
  CHECK(r.failures.empty());
  CHECK(failures(h.read<JsonlReader>(input)).size() == 2);
}

TEST_CASE("blank lines are skipped but counted and CRLF and BOM are handled") {
  Harness h;
  const std::string input = "\xEF\xBB\xBF" R"({"id":"a","text":"أول"})" "\r\n"
                            "\r\n"
                            "  \t \n"
                            R"({"id":"b","text":"ثانٍ"})" "\r\n"
                            "\n"
                            R"({"id":"c","text":"ثالث بلا سطر جديد"})";
  for (std::size_t block : {1, 7, 4096}) {
    INFO("blocks of " << block);
    const ReadResult r = h.read<JsonlReader>(input, {}, "input.jsonl", block);
    CHECK(ids(r) == std::vector<std::string>{"a", "b", "c"});
    CHECK(texts(r) == std::vector<std::string>{"أول", "ثانٍ", "ثالث بلا سطر جديد"});
    std::vector<std::uint64_t> lines;
    for (const auto& d : r.documents) lines.push_back(d.source_line);
    CHECK(lines == std::vector<std::uint64_t>{1, 4, 6});
    CHECK(r.failures.empty());
  }
}

TEST_CASE("an empty input has no records") {
  Harness h;
  CHECK(h.read<JsonlReader>("").documents.empty());
  CHECK(h.read<JsonlReader>("\n\n").documents.empty());
}

TEST_CASE("a line longer than the read buffer is read whole") {
  Harness h;
  std::string text;
  while (text.size() < (9u << 20)) text += "تتواصل المفاوضات في ريف إدلب الجنوبي. ";
  const std::string input = R"({"id":"a","text":"قبل"})" "\n"
                            R"({"id":"big","text":")" + text + R"("})" "\n"
                            R"({"id":"c","text":"بعد"})" "\n";
  const ReadResult r = h.read<JsonlReader>(input, {}, "big.jsonl", 1 << 20);
  CHECK(ids(r) == std::vector<std::string>{"a", "big", "c"});
  REQUIRE(r.documents.size() == 3);
  CHECK(r.documents[1].text() == text);
  CHECK(r.documents[2].source_line == 3);
}

TEST_CASE("a bad id_field type check names the configured field") {
  Harness h;
  const ReadResult r = h.read<JsonlReader>(R"({"guid":[1],"text":"ن"})" "\n",
                                           {{"id_field", std::string("guid")}});
  REQUIRE(r.failures.size() == 1);
  CHECK_THAT(r.failures[0].message, Catch::Matchers::Contains("field \"guid\" is an array"));
}

TEST_CASE("the shared newswire sample reads without a failure") {
  const std::filesystem::path path = std::filesystem::path(NAHR_SHARED_DIR) / "corpus" / "corpus-small.jsonl";
  if (!std::filesystem::exists(path)) {
    WARN("no " << path << ": skipped");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  Harness h;
  const ReadResult r = h.read<JsonlReader>(bytes.str(), {}, "corpus-small.jsonl");
  CHECK(r.failures.empty());
  REQUIRE(r.documents.size() == 1205);
  CHECK(r.documents[0].id == "snn-000001");
  CHECK(metadata(r.documents[0]) ==
        std::vector<std::string>{"source=aawsat", "date=2015-07-21"});
  CHECK(r.documents.back().source_line == 1205);
}

TEST_CASE("a line over max_record_bytes is refused and the lines after it are read") {
  const auto record = [](std::size_t text_size) {
    return R"({"id":"big","text":")" + std::string(text_size, 'x') + R"("})";
  };
  const std::string small = record(300);       // kept whole in the quarantine
  const std::string large = record(70 << 10);  // skipped past its first 64 KiB
  const std::string input = R"({"id":"a","text":"قبل"})" "\n" + small + "\r\n" + large + "\n" +
                            R"({"id":"c","text":"بعد"})" "\n";
  for (const std::size_t block : {std::size_t{7}, std::size_t{1} << 16}) {
    INFO("blocks of " << block);
    const std::vector<Outcome> out = read_all(input, "wire/big.jsonl", {}, block, 100);
    REQUIRE(out.size() == 4);
    CHECK(out[0].doc.id == "a");
    CHECK(out[1].error == "wire/big.jsonl:2: line of 322 bytes exceeds max_document_bytes (100)");
    CHECK(out[1].doc.id == "big-2");
    CHECK(out[1].doc.text() == small);
    CHECK(out[2].error == "wire/big.jsonl:3: line of " + std::to_string(large.size()) +
                              " bytes exceeds max_document_bytes (100); not read whole, its "
                              "first 65536 bytes kept");
    CHECK(out[2].doc.text() == large.substr(0, 65536));
    CHECK(out[2].doc.source_line == 3);
    CHECK(out[3].error.empty());
    CHECK(out[3].doc.text() == "بعد");
    CHECK(out[3].doc.source_line == 4);
  }
  // At the limit is not over it.
  CHECK(read_all(input, "wire/big.jsonl", {}, 7, large.size())[2].error.empty());
}

// Makes a 64 MiB JSON Lines record as it is read, between two short ones,
// so that only the reader could hold it whole.
class LongLineInput final : public nahr::model::InputStream {
 public:
  std::string_view name() const override { return "long.jsonl"; }
  bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string&) override {
    got = 0;
    while (got < capacity && part_ < parts_.size()) {
      const std::string_view part = parts_[part_];
      const std::size_t part_size = part_ == 1 ? kLongBytes : part.size();
      const std::size_t n = std::min(capacity - got, part_size - offset_);
      for (std::size_t i = 0; i < n; ++i) buffer[got + i] = part_ == 1 ? 'x' : part[offset_ + i];
      got += n;
      offset_ += n;
      if (offset_ == part_size) ++part_, offset_ = 0;
    }
    return true;
  }

 private:
  static constexpr std::size_t kLongBytes = std::size_t{64} << 20;
  const std::vector<std::string_view> parts_ = {
      R"({"id":"a","text":"قبل"})" "\n{\"id\":\"long\",\"text\":\"", "", "\"}\n",
      R"({"id":"c","text":"بعد"})" "\n"};
  std::size_t part_ = 0, offset_ = 0;
};

long max_resident_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST_CASE("a 64 MiB line over max_record_bytes costs no 64 MiB of memory") {
  Harness h;
  Harness::Instance<JsonlReader> reader({});
  LongLineInput input;
  model::InputBinding binding(input, std::uint64_t{1} << 20);
  const long before = max_resident_kb();
  reader->open(nahr::Input(binding.handle()));
  std::vector<std::string> seen;
  for (;;) {
    model::Document doc;
    nahr::Document view(model::as_handle(doc));
    try {
      if (!reader->next(view)) break;
      seen.push_back(doc.id);
    } catch (const nahr::DocumentError& e) {
      seen.push_back(e.what());
    }
  }
  CHECK(seen == std::vector<std::string>{
                    "a",
                    "long.jsonl:2: line of 67108887 bytes exceeds max_document_bytes (1048576); "
                    "not read whole, its first 65536 bytes kept",
                    "c"});
  CHECK(max_resident_kb() - before < 24 * 1024);
}
