// read-csv on CSV and TSV files with Arabic text.
#include "../csv_reader.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nahr::read_csv::CsvReader;
using nahr::testing::Harness;
using nahr::testing::ReadResult;
namespace model = nahr::model;
using Columns = std::vector<std::string>;

std::string fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(NAHR_SOURCE_DIR) / "plugins/read-csv/tests/data" / name,
                   std::ios::binary);
  REQUIRE(in);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> ids(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.documents) out.push_back(d.id);
  return out;
}
std::vector<std::string> metadata(const model::Document& d) {
  std::vector<std::string> out;
  for (const auto& m : d.metadata) out.push_back(m.key + "=" + m.value);
  return out;
}
std::vector<std::string> messages(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.failures) {
    CHECK(f.status == NAHR_DOCUMENT_ERROR);
    out.push_back(f.message);
  }
  return out;
}

struct Outcome {
  model::Document doc;
  std::string error;
};
std::vector<Outcome> read_all(const std::string& bytes, const std::string& name,
                              const nahr::testing::OptionMap& options = {}) {
  Harness h;
  Harness::Instance<CsvReader> reader(options);
  nahr::testing::detail::MemoryInput input(name, bytes, 1 << 16);
  model::InputBinding binding(input);
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

TEST_CASE("a CSV export with BOM CRLF and quoted multiline Arabic fields") {
  Harness h;
  const std::string bytes = fixture("wire.csv");
  for (std::size_t block : {1, 5, 64, 1 << 20}) {
    INFO("blocks of " << block);
    const ReadResult r = h.read<CsvReader>(bytes, {}, "exports/wire.csv", block);
    CHECK(r.failures.empty());
    REQUIRE(ids(r) == std::vector<std::string>{"afp-ar-001", "afp-ar-002", "wire-3", "afp-ar-004"});
    CHECK(r.documents[0].text() ==
          "بيروت (أ ف ب) - أعلنت الأمم المتحدة، الخميس، عن \"هدنة إنسانية\" في إدلب.\n"
          "وقال المتحدث: \"نأمل أن تصمد\".");
    CHECK(metadata(r.documents[0]) ==
          std::vector<std::string>{"date=2019-03-07", "source=AFP", "title=هدنة في إدلب"});
    CHECK(metadata(r.documents[1])[2] == "title=النفط, والذهب");
    // Line breaks inside a quoted field are kept as written, CRLF included.
    CHECK(r.documents[3].text() == "سطر أول\r\nسطر ثانٍ بنهاية ويندوز\r\n\r\nفقرة ثالثة");
    CHECK(metadata(r.documents[3])[2] == "title=");

    std::vector<std::uint64_t> records, lines;
    for (const auto& d : r.documents) {
      CHECK(d.source_file == "exports/wire.csv");
      records.push_back(d.source_record);
      lines.push_back(d.source_line);
    }
    CHECK(records == std::vector<std::uint64_t>{0, 1, 2, 3});
    CHECK(lines == std::vector<std::uint64_t>{2, 4, 5, 6});
  }
}

TEST_CASE("a TSV file is read by its extension and quotes inside a field are text") {
  Harness h;
  for (const std::string name : {"wire.tsv", "in/wire.tsv.gz", "wire.tab.zst"}) {
    INFO(name);
    const ReadResult r = h.read<CsvReader>(fixture("wire.tsv"), {}, name);
    CHECK(r.failures.empty());
    CHECK(ids(r) == std::vector<std::string>{"afp-ar-101", "afp-ar-102"});
    REQUIRE(r.documents.size() == 2);
    CHECK(r.documents[0].text() == "تونس (أ ف ب) - قال الوزير \"نعم\" للمبادرة.");
    CHECK(metadata(r.documents[1]) == std::vector<std::string>{"title=انتخابات", "urgency=2"});
  }
  // The same bytes named .csv need the format said.
  CHECK(h.read<CsvReader>(fixture("wire.tsv"), {}, "wire.csv").failures.size() == 1);
  CHECK(h.read<CsvReader>(fixture("wire.tsv"), {{"format", std::string("tsv")}}, "wire.csv")
            .documents.size() == 2);
  CHECK(h.read<CsvReader>(fixture("wire.tsv"), {{"delimiter", std::string("\t")}}, "wire.txt")
            .documents.size() == 2);
}

TEST_CASE("bad rows are errors naming file and line and good rows go on") {
  const auto outcomes = read_all(fixture("bad-rows.csv"), "bad-rows.csv");
  REQUIRE(outcomes.size() == 6);
  std::vector<std::string> errors, good;
  for (const Outcome& o : outcomes) {
    CHECK(o.doc.source_file == "bad-rows.csv");
    if (o.error.empty()) good.push_back(o.doc.id);
    else errors.push_back(o.error);
  }
  CHECK(good == std::vector<std::string>{"ok-1", "ok-4"});
  CHECK(errors == std::vector<std::string>{
                      "bad-rows.csv:3: row has 4 fields, the header has 3",
                      "bad-rows.csv:4: row has 2 fields, the header has 3",
                      "bad-rows.csv:7: text after the closing quote of a field",
                      "bad-rows.csv:8: the quoted field opened on line 8 is not closed at the "
                      "end of the input"});
  // The rejected row is kept whole for the quarantine, with its row's id.
  CHECK(outcomes[1].doc.text() == "bad-2,عنوان,نص,حقل زائد");
  CHECK(outcomes[1].doc.id == "bad-rows-2");
  CHECK(outcomes[1].doc.source_record == 1);
  CHECK(outcomes[5].doc.text() == "cut-6,عنوان,\"نص لم يغلق\nحتى النهاية");
  CHECK(outcomes[3].doc.text() == "نص\nعلى سطرين");
  CHECK(metadata(outcomes[3].doc) == std::vector<std::string>{"title=عنوان \"مقتبس\""});
}

TEST_CASE("strict false fills short rows and keeps text after a closing quote") {
  const auto outcomes = read_all(fixture("bad-rows.csv"), "bad-rows.csv", {{"strict", false}});
  REQUIRE(outcomes.size() == 6);
  CHECK(outcomes[1].error.empty());
  CHECK(outcomes[1].doc.text() == "نص");  // the extra field is dropped
  CHECK(outcomes[2].error.empty());
  CHECK(outcomes[2].doc.text().empty());  // a missing field is empty
  CHECK(metadata(outcomes[2].doc) == std::vector<std::string>{"title=عنوان ناقص"});
  CHECK(outcomes[4].error.empty());
  CHECK(metadata(outcomes[4].doc) == std::vector<std::string>{"title=عنوانx"});
  // An unclosed quote at the end of the input is still an error.
  CHECK_THAT(outcomes[5].error, Catch::Matchers::StartsWith("bad-rows.csv:8: the quoted field"));
}

TEST_CASE("text id and metadata columns are chosen by name") {
  Harness h;
  const ReadResult r = h.read<CsvReader>(
      fixture("wire.csv"), {{"text_column", std::string("title")},
                            {"id_column", std::string("date")},
                            {"metadata_columns", Columns{"source", "id", "missing"}}});
  CHECK(r.failures.empty());
  CHECK(ids(r) == std::vector<std::string>{"2019-03-07", "2019-03-07", "2019-03-08", "2019-03-08"});
  REQUIRE(r.documents.size() == 4);
  CHECK(r.documents[1].text() == "النفط, والذهب");
  CHECK(metadata(r.documents[0]) == std::vector<std::string>{"id=afp-ar-001", "source=AFP"});
}

TEST_CASE("a header without the text column fails the file") {
  Harness h;
  const ReadResult r = h.read<CsvReader>("id,body\n1,نص\n2,نص\n", {}, "x.csv");
  CHECK(r.documents.empty());
  CHECK(messages(r) ==
        std::vector<std::string>{"x.csv:1: no column \"text\" in the header (\"id\", \"body\")"});
}

TEST_CASE("without an id column rows get stem-row ids") {
  Harness h;
  const ReadResult r =
      h.read<CsvReader>("\n\ntext,lang\nأول,ar\n\n\"\",ar\nثالث,ar", {}, "data/نشرة.csv.gz");
  CHECK(ids(r) == std::vector<std::string>{"نشرة-1", "نشرة-2", "نشرة-3"});
  REQUIRE(r.documents.size() == 3);
  CHECK(r.documents[1].text().empty());  // "" is a field, not a blank line
  CHECK(r.documents[2].text() == "ثالث");
  CHECK(r.documents[2].source_line == 7);
  CHECK(metadata(r.documents[0]) == std::vector<std::string>{"lang=ar"});
}

TEST_CASE("empty inputs and a header alone hold no rows") {
  Harness h;
  for (const std::string bytes : {"", "\xEF\xBB\xBF", "\n\n", "id,text\n", "id,text"}) {
    const ReadResult r = h.read<CsvReader>(bytes);
    CHECK(r.documents.empty());
    CHECK(r.failures.empty());
  }
}

TEST_CASE("a UTF-16 file is refused with a hint") {
  Harness h;
  const ReadResult r = h.read<CsvReader>(std::string("\xFF\xFEi\0d\0", 6), {}, "excel.txt");
  CHECK(r.documents.empty());
  CHECK(messages(r) == std::vector<std::string>{
                           "excel.txt:1: the file is UTF-16 (byte order mark FF FE); convert it "
                           "to UTF-8"});
}

TEST_CASE("another delimiter and quoting off") {
  Harness h;
  const ReadResult semicolons = h.read<CsvReader>(
      "id;text;note\na;\"نص؛ مع; فاصلة\";x\n", {{"delimiter", std::string(";")}});
  REQUIRE(semicolons.documents.size() == 1);
  CHECK(semicolons.documents[0].text() == "نص؛ مع; فاصلة");

  const ReadResult unquoted = h.read<CsvReader>("id\ttext\nb\t\"اقتباس\tمفتوح\n",
                                                {{"format", std::string("tsv")},
                                                 {"quoting", false},
                                                 {"strict", false}});
  REQUIRE(unquoted.documents.size() == 1);
  CHECK(unquoted.documents[0].text() == "\"اقتباس");
}

TEST_CASE("a delimiter that cannot be one stops the stage before reading") {
  for (const std::string bad : {"ab", "\"", "\n", "؛"}) {
    INFO(bad);
    try {
      Harness h;
      Harness::Instance<CsvReader> reader({{"delimiter", bad}});
      FAIL("accepted");
    } catch (const nahr::FatalError& e) {
      CHECK_THAT(std::string(e.what()), Catch::Matchers::StartsWith("delimiter must be one ASCII"));
    }
  }
}

TEST_CASE("a large file is read row by row not loaded whole") {
  class CountingInput final : public model::InputStream {
   public:
    explicit CountingInput(const std::string& bytes) : bytes_(bytes) {}
    std::string_view name() const override { return "big.csv"; }
    bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string&) override {
      got = std::min(capacity, bytes_.size() - pos_);
      std::copy_n(bytes_.data() + pos_, got, buffer);
      pos_ += got;
      return true;
    }
    std::size_t pulled() const { return pos_; }

   private:
    const std::string& bytes_;
    std::size_t pos_ = 0;
  };

  std::string bytes = "id,text\n";
  const std::string row_text = "\"تواصلت المفاوضات، وقال مصدر: \"\"لا اتفاق بعد\"\".\nفقرة ثانية\"";
  for (int i = 0; i < 40000; ++i) bytes += "r" + std::to_string(i) + "," + row_text + "\n";
  REQUIRE(bytes.size() > (std::size_t{4} << 20));
  Harness h;
  Harness::Instance<CsvReader> reader({});
  CountingInput input(bytes);
  model::InputBinding binding(input);
  reader->open(nahr::Input(binding.handle()));
  std::size_t rows = 0;
  std::size_t most_pulled = 0;
  std::size_t wrong_lines = 0;
  for (;;) {
    model::Document doc;
    nahr::Document view(model::as_handle(doc));
    if (!reader->next(view)) break;
    if (rows++ == 0) {
      CHECK(doc.text() == "تواصلت المفاوضات، وقال مصدر: \"لا اتفاق بعد\".\nفقرة ثانية");
      most_pulled = input.pulled();
    }
    if (doc.source_line != 2 + 2 * (rows - 1)) ++wrong_lines;
  }
  CHECK(rows == 40000);
  CHECK(wrong_lines == 0);
  CHECK(most_pulled <= (std::size_t{1} << 20));  // one read block before the first row
}

TEST_CASE("a row over max_record_bytes is refused and the rows after it are read") {
  Harness h;
  // The long rows' quoted fields hold line breaks, delimiters and doubled
  // quotes, which must not end them while they are being skipped.
  const auto row = [](std::string id, std::size_t size) {
    std::string field;
    while (field.size() < size) field += "سطر، \"\"مقتبس\"\",\n";
    return id + ",\"" + field + "\",ar";
  };
  const std::string small = row("2", 300), large = row("3", 70 << 10);
  const std::string input = "id,text,lang\n1,قبل,ar\n" + small + "\r\n" + large + "\n4,بعد,ar\n";
  const auto lines_in = [](const std::string& s) {
    return static_cast<std::uint64_t>(std::count(s.begin(), s.end(), '\n'));
  };
  for (const std::size_t block : {std::size_t{4}, std::size_t{1} << 16}) {
    INFO("blocks of " << block);
    const ReadResult r = h.read<CsvReader>(input, {}, "wire.csv", block, 100);
    CHECK(ids(r) == std::vector<std::string>{"1", "4"});
    REQUIRE(r.failures.size() == 2);
    CHECK(r.failures[0].message == "wire.csv:3: row of " + std::to_string(small.size()) +
                                       " bytes exceeds max_document_bytes (100)");
    CHECK(r.failures[1].message == "wire.csv:" + std::to_string(4 + lines_in(small)) +
                                       ": row of " + std::to_string(large.size()) +
                                       " bytes exceeds max_document_bytes (100); not read whole, "
                                       "its first 65536 bytes kept");
    REQUIRE(r.documents.size() == 2);
    CHECK(r.documents[1].source_line == 5 + lines_in(small) + lines_in(large));
  }
}

TEST_CASE("a long row read in small pieces costs linear time") {
  // Each piece used to make the row be split again from its first byte: a
  // 2 MiB row in 64-byte pieces took minutes.
  std::string field;
  while (field.size() < (2u << 20)) field += "نص طويل، \"\"مقتبس\"\"\n";
  Harness h;
  const ReadResult r = h.read<CsvReader>("id,text\n1,\"" + field + "\"\n2,بعد\n", {}, "wire.csv", 64);
  CHECK(ids(r) == std::vector<std::string>{"1", "2"});
  CHECK(r.failures.empty());
}
