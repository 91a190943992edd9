#include "../text_reader.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using nahr::read_text::TextReader;
using nahr::testing::Harness;
using nahr::testing::OptionMap;
using nahr::testing::ReadResult;

const std::string kBom = "\xEF\xBB\xBF";

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
std::vector<std::uint64_t> lines(const ReadResult& r) {
  std::vector<std::uint64_t> out;
  for (const auto& d : r.documents) out.push_back(d.source_line);
  return out;
}

// Three wire stories, with the blank-line runs and white-space-only lines
// that real files have.
const std::string kWire =
    "\n\n"
    "بيروت (أ ف ب) - تتواصل المفاوضات.\n"
    "وقال المصدر إنّ \"الوسطاء\" نقلوا مقترحاً.\n"
    "\n"
    "   \t\n"
    "\n"
    "دمشق (AFP) - أعلنت الحكومة السورية.\n"
    "\xC2\xA0\xE3\x80\x80\n"  // NBSP and ideographic space only: blank too
    "  القاهرة - سطر يبدأ بمسافتين.\n"
    "سطر أخير بلا نهاية";

}  // namespace

TEST_CASE("file mode reads one document per input with its exact bytes") {
  Harness h;
  const ReadResult r = h.read<TextReader>(kWire, {}, "corpus/نشرة-2019.txt.gz");
  REQUIRE(r.documents.size() == 1);
  const auto& d = r.documents[0];
  CHECK(d.text() == kWire);
  CHECK(d.id == "نشرة-2019");
  CHECK(d.source_file == "corpus/نشرة-2019.txt.gz");
  CHECK(d.source_record == 0);
  CHECK(d.source_line == 1);
  CHECK(d.metadata.empty());
  CHECK(r.failures.empty());
}

TEST_CASE("file mode makes one empty document of an empty input") {
  Harness h;
  const ReadResult r = h.read<TextReader>("", {}, "empty.txt");
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].text().empty());
  CHECK(r.documents[0].id == "empty");
}

TEST_CASE("blocks mode splits on runs of blank and white-space-only lines") {
  Harness h;
  const ReadResult r = h.read<TextReader>(kWire, {{"mode", std::string("blocks")}}, "wire.txt");
  CHECK(texts(r) == std::vector<std::string>{
                        "بيروت (أ ف ب) - تتواصل المفاوضات.\n"
                        "وقال المصدر إنّ \"الوسطاء\" نقلوا مقترحاً.",
                        "دمشق (AFP) - أعلنت الحكومة السورية.",
                        "  القاهرة - سطر يبدأ بمسافتين.\n"
                        "سطر أخير بلا نهاية"});
  CHECK(ids(r) == std::vector<std::string>{"wire-0", "wire-1", "wire-2"});
  CHECK(lines(r) == std::vector<std::uint64_t>{3, 8, 10});
  for (std::size_t i = 0; i < r.documents.size(); ++i) {
    CHECK(r.documents[i].source_record == i);
    CHECK(r.documents[i].source_file == "wire.txt");
  }
}

TEST_CASE("lines mode makes one document per non-blank line") {
  Harness h;
  const ReadResult r = h.read<TextReader>(kWire, {{"mode", std::string("lines")}}, "wire.txt");
  CHECK(texts(r) == std::vector<std::string>{"بيروت (أ ف ب) - تتواصل المفاوضات.",
                                             "وقال المصدر إنّ \"الوسطاء\" نقلوا مقترحاً.",
                                             "دمشق (AFP) - أعلنت الحكومة السورية.",
                                             "  القاهرة - سطر يبدأ بمسافتين.",
                                             "سطر أخير بلا نهاية"});
  CHECK(lines(r) == std::vector<std::uint64_t>{3, 4, 8, 10, 11});
  CHECK(ids(r).back() == "wire-4");
}

TEST_CASE("blocks and lines of an empty or blank input are no documents") {
  Harness h;
  const std::vector<std::string> inputs{"", "\n", "\n \n\t\r\n\n", kBom, kBom + "\n\n"};
  for (const std::string mode : {"blocks", "lines"}) {
    for (const std::string& input : inputs) {
      const ReadResult r = h.read<TextReader>(input, {{"mode", mode}});
      CHECK(r.documents.empty());
      CHECK(r.failures.empty());
    }
  }
}

TEST_CASE("CRLF line breaks separate lines but the text keeps its bytes") {
  Harness h;
  const std::string input = "\r\nأولاً\r\nثانياً\r\n\r\n \r\nثالثاً\r\n";
  SECTION("blocks") {
    const ReadResult r = h.read<TextReader>(input, {{"mode", std::string("blocks")}});
    CHECK(texts(r) == std::vector<std::string>{"أولاً\r\nثانياً", "ثالثاً"});
    CHECK(lines(r) == std::vector<std::uint64_t>{2, 6});
  }
  SECTION("lines") {
    const ReadResult r = h.read<TextReader>(input, {{"mode", std::string("lines")}});
    CHECK(texts(r) == std::vector<std::string>{"أولاً", "ثانياً", "ثالثاً"});
  }
  SECTION("crlf off keeps the carriage return of each line") {
    const ReadResult r =
        h.read<TextReader>(input, {{"mode", std::string("blocks")}, {"crlf", false}});
    CHECK(texts(r) == std::vector<std::string>{"أولاً\r\nثانياً\r", "ثالثاً\r"});
  }
  SECTION("file") {
    CHECK(texts(h.read<TextReader>(input)) == std::vector<std::string>{input});
  }
}

TEST_CASE("a byte order mark is dropped unless strip_bom is off") {
  Harness h;
  const std::string input = kBom + "مرحبا\n\nعالم\n";
  CHECK(texts(h.read<TextReader>(input)) == std::vector<std::string>{"مرحبا\n\nعالم\n"});
  CHECK(texts(h.read<TextReader>(input, {{"mode", std::string("blocks")}})) ==
        std::vector<std::string>{"مرحبا", "عالم"});
  CHECK(texts(h.read<TextReader>(input, {{"mode", std::string("lines")}}, "a.txt", 1)) ==
        std::vector<std::string>{"مرحبا", "عالم"});
  CHECK(texts(h.read<TextReader>(input, {{"mode", std::string("blocks")}, {"strip_bom", false}})) ==
        std::vector<std::string>{kBom + "مرحبا", "عالم"});
  CHECK(texts(h.read<TextReader>(input, {{"strip_bom", false}})) == std::vector<std::string>{input});
  // Only at the start of the file.
  CHECK(texts(h.read<TextReader>("أ\n" + kBom + "ب", {{"mode", std::string("lines")}})) ==
        std::vector<std::string>{"أ", kBom + "ب"});
}

TEST_CASE("bytes are passed through as read: NUL and broken UTF-8") {
  Harness h;
  const std::string broken = std::string("نص\0فيه", 11) + "\xD8\xED\xA0\x80";
  const ReadResult r =
      h.read<TextReader>(broken + "\n\n" + broken, {{"mode", std::string("blocks")}});
  CHECK(texts(r) == std::vector<std::string>{broken, broken});
}

TEST_CASE("read buffer boundaries do not change the documents") {
  Harness h;
  // Paragraphs of varying length, blank-line runs, CRLF and LF mixed.
  std::string input = kBom;
  for (int i = 0; i < 60; ++i) {
    for (int j = 0; j <= i % 5; ++j) {
      input += "الفقرة " + std::to_string(i) + " السطر " + std::to_string(j) + " مع تشكيلٍ";
      input += (i % 3 == 0) ? "\r\n" : "\n";
    }
    input += std::string(1 + i % 3, '\n');
    if (i % 7 == 0) input += " \t\r\n";
  }
  input += "ذيل بلا سطر جديد";
  for (const char* mode : {"blocks", "lines"}) {
    const OptionMap options{{"mode", std::string(mode)}};
    const ReadResult whole = h.read<TextReader>(input, options, "p.txt", input.size());
    REQUIRE(whole.documents.size() > 60);
    for (std::size_t block : {1, 2, 3, 7, 4096}) {
      INFO(mode << " in blocks of " << block);
      const ReadResult r = h.read<TextReader>(input, options, "p.txt", block);
      CHECK(texts(r) == texts(whole));
      CHECK(lines(r) == lines(whole));
      CHECK(ids(r) == ids(whole));
    }
  }
}

TEST_CASE("a block larger than the read buffer is read whole") {
  Harness h;
  std::string big;
  while (big.size() < (3u << 20)) big += "سطر طويل من نص الخبر العربي رقم " + std::to_string(big.size()) + "\n";
  big.pop_back();
  const std::string input = "قبل\n\n" + big + "\n\n\nبعد\n";
  const ReadResult r = h.read<TextReader>(input, {{"mode", std::string("blocks")}});
  REQUIRE(r.documents.size() == 3);
  CHECK(r.documents[0].text() == "قبل");
  CHECK(r.documents[1].text() == big);
  CHECK(r.documents[1].source_line == 3);
  CHECK(r.documents[2].text() == "بعد");
}

TEST_CASE("id_format placeholders in block mode") {
  Harness h;
  const ReadResult r = h.read<TextReader>(
      "أ\n\nب\n", {{"mode", std::string("blocks")}, {"id_format", std::string("{name}#{index1}")}},
      "dir/نشرة.txt");
  CHECK(ids(r) == std::vector<std::string>{"نشرة.txt#1", "نشرة.txt#2"});
}

TEST_CASE("a bad id_format stops the stage before any input") {
  Harness h;
  CHECK_THROWS_AS(Harness::Instance<TextReader>({{"id_format", std::string("{stem}-{line}")}}),
                  nahr::FatalError);
}

namespace {

// Serves `good` bytes, then fails the way a truncated .gz does.
class DamagedInput final : public nahr::model::InputStream {
 public:
  explicit DamagedInput(std::string good) : good_(std::move(good)) {}
  std::string_view name() const override { return "damaged.txt.gz"; }
  bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string& reason) override {
    if (served_) {
      reason = "unexpected end of compressed data";
      return false;
    }
    got = std::min(capacity, good_.size());
    std::copy_n(good_.data(), got, buffer);
    served_ = true;
    return true;
  }

 private:
  std::string good_;
  bool served_ = false;
};

}  // namespace

TEST_CASE("a damaged input reports where reading stopped and then ends") {
  Harness h;
  Harness::Instance<TextReader> reader({{"mode", std::string("lines")}});
  DamagedInput input("السطر الأول\nالسطر الثاني\nسطر مقطو");
  nahr::model::InputBinding binding(input);
  reader->open(nahr::Input(binding.handle()));
  nahr::model::Document doc;
  nahr::Document view(nahr::model::as_handle(doc));
  REQUIRE(reader->next(view));
  CHECK(doc.text() == "السطر الأول");
  REQUIRE(reader->next(view));
  CHECK(doc.text() == "السطر الثاني");
  CHECK_THROWS_WITH(reader->next(view),
                    Catch::Matchers::Contains("damaged.txt.gz") &&
                        Catch::Matchers::Contains("unexpected end of compressed data") &&
                        Catch::Matchers::Contains("after line 2"));
  CHECK_FALSE(reader->next(view));
}

TEST_CASE("one stage reads several inputs and numbers each from zero") {
  Harness h;
  Harness::Instance<TextReader> reader({{"mode", std::string("lines")}});
  std::vector<std::string> seen;
  for (const char* name : {"a.txt", "b.txt"}) {
    nahr::testing::detail::MemoryInput input(name, "واحد\nاثنان\n", 3);
    nahr::model::InputBinding binding(input);
    reader->open(nahr::Input(binding.handle()));
    nahr::model::Document doc;
    nahr::Document view(nahr::model::as_handle(doc));
    while (reader->next(view)) seen.push_back(doc.id + "@" + doc.source_file + ":" +
                                              std::to_string(doc.source_line) + "=" + doc.text());
  }
  CHECK(seen == std::vector<std::string>{"a-0@a.txt:1=واحد", "a-1@a.txt:2=اثنان",
                                         "b-0@b.txt:1=واحد", "b-1@b.txt:2=اثنان"});
}

// Failure messages of a read, in order.
std::vector<std::string> errors(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.failures) out.push_back(f.message);
  return out;
}

TEST_CASE("a line block or file over max_record_bytes is refused and reading goes on") {
  Harness h;
  const std::string long_line(250, 'x');
  const std::string huge_line(70 << 10, 'x');
  for (const std::size_t block : {std::size_t{3}, std::size_t{1} << 16}) {
    INFO("blocks of " << block);
    const ReadResult by_line =
        h.read<TextReader>("قبل\n" + long_line + "\r\n" + huge_line + "\nبعد\n", {{"mode", "lines"}},
                           "wire.txt", block, 100);
    CHECK(texts(by_line) == std::vector<std::string>{"قبل", "بعد"});
    CHECK(ids(by_line) == std::vector<std::string>{"wire-0", "wire-3"});
    CHECK(errors(by_line) ==
          std::vector<std::string>{
              "wire.txt:2: line of 250 bytes exceeds max_document_bytes (100)",
              "wire.txt:3: line of 71680 bytes exceeds max_document_bytes (100); not read whole, "
              "its first 65536 bytes kept"});
    // Blocks of short lines that add up to more than the limit, and to more
    // than what is kept of them.
    std::string big_block, huge_block;
    for (int i = 0; i < 12; ++i) big_block += "سطر قصير من كتلة طويلة\n";  // 41 bytes a line
    for (int i = 0; i < 2000; ++i) huge_block += "سطر قصير من كتلة طويلة\n";
    const ReadResult by_block =
        h.read<TextReader>("قبل\n\n" + big_block + "\n" + huge_block + "\nبعد",
                           {{"mode", "blocks"}}, "wire.txt", block, 200);
    CHECK(texts(by_block) == std::vector<std::string>{"قبل", "بعد"});
    CHECK(lines(by_block) == std::vector<std::uint64_t>{1, 2017});
    CHECK(errors(by_block) ==
          std::vector<std::string>{
              "wire.txt:3: block of 491 bytes exceeds max_document_bytes (200)",
              "wire.txt:16: block of 81999 bytes exceeds max_document_bytes (200); not read "
              "whole, its first 65536 bytes kept"});
  }
  const ReadResult whole = h.read<TextReader>(huge_line, {}, "wire.txt", 1 << 16, 100);
  CHECK(whole.documents.empty());
  CHECK(errors(whole) == std::vector<std::string>{
                             "wire.txt:1: file of 71680 bytes exceeds max_document_bytes (100); "
                             "not read whole, its first 65536 bytes kept"});
  CHECK(h.read<TextReader>(long_line, {}, "wire.txt", 1 << 16, 250).documents.size() == 1);
}
