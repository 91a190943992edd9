// read-jsonl on files that hold one JSON array of records.
#include "../jsonl_reader.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

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

std::vector<std::string> ids(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.documents) out.push_back(d.id);
  return out;
}
std::vector<std::string> texts(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.documents) out.push_back(d.text());
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
std::vector<std::string> metadata(const model::Document& d) {
  std::vector<std::string> out;
  for (const auto& m : d.metadata) out.push_back(m.key + "=" + m.value);
  return out;
}

std::string fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(NAHR_SOURCE_DIR) / "plugins/read-jsonl/tests/data" / name,
                   std::ios::binary);
  REQUIRE(in);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Every document and every failure, each with the document as the reader
// left it, in reading order.
struct Outcome {
  model::Document doc;
  std::string error;
};
std::vector<Outcome> read_all(const std::string& bytes, const std::string& name,
                              const nahr::testing::OptionMap& options = {},
                              std::size_t block = 1 << 16,
                              std::uint64_t max_record_bytes = UINT64_MAX) {
  Harness h;
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

TEST_CASE("a pretty-printed array file gives one document per element") {
  Harness h;
  const nahr::testing::OptionMap options = {{"id_field", std::string("meta.id")},
                                            {"text_field", std::string("article.body")}};
  const std::string bytes = fixture("wire-array.json");
  for (std::size_t block : {1, 7, 4096, 1 << 16}) {
    INFO("blocks of " << block);
    const ReadResult r = h.read<JsonlReader>(bytes, options, "wire/wire-array.json", block);
    CHECK(messages(r).empty());
    CHECK(ids(r) == std::vector<std::string>{"afp-ar-20190307-001", "20190307002", "wire-array-2"});
    REQUIRE(r.documents.size() == 3);
    CHECK(r.documents[0].text() ==
          "نيويورك (أ ف ب) - دعا الأمين العام للأمم المتحدة الخميس إلى \"هدنة فورية\" في محافظة "
          "إدلب.\n\nوقال المتحدث باسمه إن [المدنيين] يدفعون الثمن, {ولا بد} من وقف القتال.");
    CHECK(r.documents[1].text() ==
          "لندن (أ ف ب) - ارتفعت أسعار النفط الخميس إلى 66,30 دولاراً للبرميل، في أعلى مستوى لها "
          "منذ \\ تشرين الثاني/نوفمبر.");
    CHECK(metadata(r.documents[0]) ==
          std::vector<std::string>{"meta.source=AFP",
                                   R"(meta.desk={"name":"الشرق الأوسط","code":"MEA"})",
                                   "article.title=الأمم المتحدة تدعو إلى هدنة في إدلب",
                                   R"(tags=["سوريا","الأمم المتحدة"])", "words=31"});
    CHECK(metadata(r.documents[2]) ==
          std::vector<std::string>{"meta.source=AFP", "article.title=بلا معرّف", "words=7"});
    // Source: the element's index and the line its '{' is on.
    std::vector<std::uint64_t> records, lines;
    for (const auto& d : r.documents) {
      CHECK(d.source_file == "wire/wire-array.json");
      records.push_back(d.source_record);
      lines.push_back(d.source_line);
    }
    CHECK(records == std::vector<std::uint64_t>{0, 1, 2});
    CHECK(lines == std::vector<std::uint64_t>{2, 15, 24});
  }
}

TEST_CASE("auto detects an array after a byte order mark and white space") {
  Harness h;
  const std::string array = "\xEF\xBB\xBF \n\t[{\"id\":\"a\",\"text\":\"أ\"},{\"id\":\"b\",\"text\":\"ب\"}]\n";
  for (std::size_t block : {1, 2, 3, 64}) {
    INFO("blocks of " << block);
    const ReadResult r = h.read<JsonlReader>(array, {}, "x.json", block);
    CHECK(ids(r) == std::vector<std::string>{"a", "b"});
    CHECK(r.documents.at(1).source_line == 2);
    CHECK(r.failures.empty());
  }
  // A JSON Lines file stays lines.
  const ReadResult lines =
      h.read<JsonlReader>("\n{\"id\":\"a\",\"text\":\"أ\"}\n{\"id\":\"b\",\"text\":\"ب\"}\n");
  CHECK(ids(lines) == std::vector<std::string>{"a", "b"});
  CHECK(lines.documents.at(0).source_line == 2);
}

TEST_CASE("format lines reads an array file line by line and format array refuses lines") {
  Harness h;
  const std::string array = "[\n{\"id\":\"a\",\"text\":\"أ\"}\n]\n";
  const ReadResult as_lines = h.read<JsonlReader>(array, {{"format", std::string("lines")}}, "a.json");
  CHECK(ids(as_lines) == std::vector<std::string>{"a"});
  CHECK(messages(as_lines) ==
        std::vector<std::string>{"a.json:1: expected a JSON object, got an array",
                                 "a.json:3: invalid JSON: The JSON document has an improper "
                                 "structure: missing or superfluous commas, braces, missing "
                                 "keys, etc."});

  const std::string jsonl = "{\"id\":\"a\",\"text\":\"أ\"}\n{\"id\":\"b\",\"text\":\"ب\"}\n";
  const ReadResult as_array = h.read<JsonlReader>(jsonl, {{"format", std::string("array")}}, "b.jsonl");
  CHECK(as_array.documents.empty());
  CHECK(messages(as_array) ==
        std::vector<std::string>{"b.jsonl:1: expected a JSON array, found '{'"});
  CHECK(messages(h.read<JsonlReader>("", {{"format", std::string("array")}}, "c.json")) ==
        std::vector<std::string>{"c.json:1: expected a JSON array, found an empty input"});
}

TEST_CASE("a bad element is an error naming its index and the others are read") {
  const std::string bytes =
      "[\n"
      "  {\"id\": \"ok-0\", \"text\": \"سليم\"},\n"
      "  42,\n"
      "  {\"id\": \"n\", \"text\": [\"ليس\", \"نصاً\"]},\n"
      "  ,\n"
      "  {\"id\": \"cut\", \"text\": \"\xD8\"},\n"
      "  {\"id\": \"two\", \"text\": \"أ\"} {\"id\": \"three\"},\n"
      "  {\"id\": \"ok-6\", \"text\": \"الأخير\"},\n"
      "]\n";
  const auto outcomes = read_all(bytes, "news.json");
  REQUIRE(outcomes.size() == 8);
  const std::vector<std::string> expected = {
      "",
      "news.json:3: element [1]: expected a JSON object, got a number",
      "news.json:4: element [2]: field \"text\" is an array, expected a string",
      "news.json:5: element [3]: empty element",
      "news.json:6: element [4]: invalid JSON: ",
      "news.json:7: element [5]: unexpected content after the JSON object",
      "",
      "news.json:9: element [7]: no element between ',' and ']'",
  };
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const Outcome& o = outcomes[i];
    INFO("element " << i << ": " << o.error);
    CHECK(o.doc.source_file == "news.json");
    CHECK(o.doc.source_record == i);
    if (expected[i].empty()) {
      CHECK(o.error.empty());
      continue;
    }
    CHECK_THAT(o.error, Catch::Matchers::StartsWith(expected[i]));
    CHECK(o.doc.id == "news-" + std::to_string(i));  // {stem}-{index}
  }
  CHECK(outcomes[0].doc.id == "ok-0");
  CHECK(outcomes[6].doc.id == "ok-6");
  CHECK(outcomes[6].doc.text() == "الأخير");
  // The rejected element itself is kept for the quarantine.
  CHECK(outcomes[2].doc.text() == "{\"id\": \"n\", \"text\": [\"ليس\", \"نصاً\"]}");
  CHECK(outcomes[1].doc.text() == "42");
}

TEST_CASE("an array cut off by the end of the input fails its last element") {
  Harness h;
  const std::string bytes =
      "[{\"id\":\"a\",\"text\":\"أول\"},\n {\"id\":\"b\",\"text\":\"خبر مقطوع ]، في منتصف";
  const auto outcomes = read_all(bytes, "cut.json.gz");
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[0].doc.id == "a");
  CHECK(outcomes[1].error ==
        "cut.json.gz:2: element [1]: the array is not closed: the input ends inside this element");
  CHECK(outcomes[1].doc.id == "cut-1");

  const ReadResult unclosed = h.read<JsonlReader>("[{\"id\":\"a\",\"text\":\"أ\"},\n\n", {}, "u.json");
  CHECK(ids(unclosed) == std::vector<std::string>{"a"});
  CHECK(messages(unclosed) ==
        std::vector<std::string>{"u.json:3: the array is not closed: ']' is missing at the end of "
                                 "the input"});
}

TEST_CASE("content after the closing bracket is an error and white space is not") {
  Harness h;
  const ReadResult r = h.read<JsonlReader>(
      "[{\"id\":\"a\",\"text\":\"أ\"}]\n\n[{\"id\":\"b\",\"text\":\"ب\"}]\n", {}, "two.json");
  CHECK(ids(r) == std::vector<std::string>{"a"});
  CHECK(messages(r) ==
        std::vector<std::string>{"two.json:3: unexpected content after the end of the array"});
  CHECK(h.read<JsonlReader>("[{\"id\":\"a\",\"text\":\"أ\"}]  \r\n\n").failures.empty());
}

TEST_CASE("empty arrays hold no records") {
  Harness h;
  for (const std::string bytes : {"[]", "[ ]\n", "\n[\n\n]\n"}) {
    INFO(bytes);
    const ReadResult r = h.read<JsonlReader>(bytes);
    CHECK(r.documents.empty());
    CHECK(r.failures.empty());
  }
}

TEST_CASE("strings with brackets commas and escaped quotes do not end an element") {
  Harness h;
  const std::string bytes =
      R"([{"id":"q","text":"قال: \"انتهى]، {لا}\" \\","note":"a,b]"},)"
      R"({"id":"r","text":"\\\\\"]","nested":[[1,[2]],{"k":"]"}]}])";
  for (std::size_t block : {1, 5, 1024}) {
    INFO("blocks of " << block);
    const ReadResult r = h.read<JsonlReader>(bytes, {}, "q.json", block);
    CHECK(r.failures.empty());
    CHECK(ids(r) == std::vector<std::string>{"q", "r"});
    CHECK(texts(r) == std::vector<std::string>{"قال: \"انتهى]، {لا}\" \\", "\\\\\"]"});
    REQUIRE(r.documents.size() == 2);
    CHECK(metadata(r.documents[1]) == std::vector<std::string>{R"(nested=[[1,[2]],{"k":"]"}])"});
  }
}

TEST_CASE("an element larger than the read buffer is read whole") {
  Harness h;
  std::string text;
  while (text.size() < (9u << 20)) text += "تواصلت الاشتباكات، وقال شاهد: \\\"لا هدنة\\\". ";
  const std::string bytes = "[{\"id\":\"a\",\"text\":\"قبل\"},\n{\"id\":\"big\",\"text\":\"" + text +
                            "\"},\n{\"id\":\"c\",\"text\":\"بعد\"}]";
  const ReadResult r = h.read<JsonlReader>(bytes, {}, "big.json", 1 << 20);
  CHECK(r.failures.empty());
  CHECK(ids(r) == std::vector<std::string>{"a", "big", "c"});
  REQUIRE(r.documents.size() == 3);
  std::string unescaped;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') ++i;
    unescaped += text[i];
  }
  CHECK(r.documents[1].text() == unescaped);
  CHECK(r.documents[2].source_line == 3);
}

TEST_CASE("format array names what it found instead of an array") {
  Harness h;
  const nahr::testing::OptionMap array = {{"format", std::string("array")}};
  CHECK(messages(h.read<JsonlReader>("\n\n  \"نص\"", array, "s.json")) ==
        std::vector<std::string>{"s.json:3: expected a JSON array, found '\"'"});
  CHECK(messages(h.read<JsonlReader>("\xD8\xA3", array, "a.json")) ==
        std::vector<std::string>{"a.json:1: expected a JSON array, found the byte 0xD8"});
}

TEST_CASE("an element over max_record_bytes is refused and the elements after it are read") {
  // The long element holds brackets, commas and escaped quotes inside its
  // strings, which must not end it early while it is being skipped.
  std::string big = R"({"id":"big","text":")";
  while (big.size() < (70 << 10)) big += R"(كلام \"مقتبس\" ], [{ \\)";
  big += R"(","extra":[["]\",", {"a":[1,2]}, "\\"], null]})";
  const std::string small = R"({"id":"small","text":")" + std::string(200, 'x') + R"("})";
  const std::string input = "[\n" R"({"id":"a","text":"قبل"},)" "\n" + small + ",\n" + big +
                            ",\n" R"({"id":"c","text":"بعد"})" "\n]\n";
  for (const std::size_t block : {std::size_t{5}, std::size_t{1} << 16}) {
    INFO("blocks of " << block);
    const std::vector<Outcome> out = read_all(input, "news.json", {}, block, 128);
    REQUIRE(out.size() == 4);
    CHECK(out[0].doc.id == "a");
    CHECK(out[1].error == "news.json:3: element [1]: element of " + std::to_string(small.size()) +
                              " bytes exceeds max_document_bytes (128)");
    CHECK(out[1].doc.text() == small);
    CHECK(out[2].error == "news.json:4: element [2]: element of " + std::to_string(big.size()) +
                              " bytes exceeds max_document_bytes (128); not read whole, its "
                              "first 65536 bytes kept");
    CHECK(out[2].doc.text() == big.substr(0, 65536));
    CHECK(out[3].error.empty());
    CHECK(out[3].doc.text() == "بعد");
    CHECK(out[3].doc.source_line == 5);
  }
}
