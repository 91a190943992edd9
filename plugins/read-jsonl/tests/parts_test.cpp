// Sharded runs hand the reader a part of a file: it must return exactly the
// records that start in that part, with the ids, sources and errors they
// have when the whole file is read. Cut anywhere, the parts together give
// the whole.
#include <catch2/catch.hpp>
#include <cstdint>
#include <nahr/testing.hpp>
#include <random>
#include <string>
#include <vector>

#include "../jsonl_reader.hpp"

namespace {

using nahr::read_jsonl::JsonlReader;
using nahr::testing::Harness;
using nahr::testing::OptionMap;
namespace model = nahr::model;

// Each record as the host sees it: a document, or the reader's error.
std::vector<std::string> read_part(const std::string& bytes, std::uint64_t begin, std::uint64_t end,
                                   const OptionMap& options = {}, std::size_t block = 1 << 16) {
  Harness h;
  Harness::Instance<JsonlReader> reader(options);
  nahr::testing::detail::MemoryInput input("wire/afp.jsonl", bytes, block, begin, end);
  model::InputBinding binding(input);
  reader->open(nahr::Input(binding.handle()));
  std::vector<std::string> out;
  for (;;) {
    model::Document doc;
    nahr::Document view(model::as_handle(doc));
    std::string error;
    try {
      if (!reader->next(view)) break;
    } catch (const nahr::DocumentError& e) {
      error = e.what();
    }
    std::string record = doc.id + " | " + doc.source_file + ":" +
                         std::to_string(doc.source_record) + ":" + std::to_string(doc.source_line) +
                         " | " + doc.text();
    for (const auto& m : doc.metadata) record += " | " + m.key + "=" + m.value;
    if (!error.empty()) record += " | error: " + error;
    out.push_back(record);
  }
  return out;
}

// The parts [0, c1), [c1, c2), ..., [cn, end) read one after the other.
std::vector<std::string> read_cut(const std::string& bytes, const std::vector<std::uint64_t>& cuts,
                                  const OptionMap& options = {}, std::size_t block = 1 << 16) {
  std::vector<std::string> out;
  std::uint64_t begin = 0;
  for (std::size_t i = 0; i <= cuts.size(); ++i) {
    const std::uint64_t end = i < cuts.size() ? cuts[i] : UINT64_MAX;
    for (std::string& r : read_part(bytes, begin, end, options, block)) out.push_back(std::move(r));
    begin = end;
  }
  return out;
}

// JSON Lines as feeds have them: a BOM, CRLF, blank lines, records without
// an id (their ids come from line numbers), and bad records.
const std::string kLines =
    "\xEF\xBB\xBF"
    R"({"id": "afp-01", "date": "2019-03-07", "text": "بيروت (أ ف ب) - تتواصل المفاوضات"})"
    "\r\n\n   \n"
    R"({"text": "دمشق - سجل بلا معرف", "lang": "ar"})"
    "\n"
    R"(["ليس", "كائنا"])"
    "\n"
    R"({"id": 20190307, "text": "القاهرة \"الوسطاء\" نقلوا مقترحاً\nفي سطرين"})"
    "\n\t\n"
    R"({"id": "afp-05", "text": )"
    "\n"
    R"({"id": "afp-06", "text": "سطر أخير بلا فاصل"})";

}  // namespace

TEST_CASE("read-jsonl parts cut at every byte give the whole file's records") {
  const std::vector<std::string> whole = read_part(kLines, 0, UINT64_MAX);
  REQUIRE(whole.size() == 6);
  CHECK(whole[1].starts_with("afp-4 | wire/afp.jsonl:1:4 | دمشق"));  // fallback id: line 4
  for (std::uint64_t cut = 0; cut <= kLines.size() + 1; ++cut) {
    INFO("cut at byte " << cut);
    REQUIRE(read_cut(kLines, {cut}) == whole);
  }
}

TEST_CASE("read-jsonl part returns only the records that start in it") {
  // The second record starts after "...\r\n\n   \n": find it and cut just before and after.
  const std::uint64_t second = kLines.find(R"({"text": "دمشق)");
  const std::vector<std::string> from_second = read_part(kLines, second, second + 1);
  REQUIRE(from_second.size() == 1);
  CHECK(from_second[0].starts_with("afp-4 | wire/afp.jsonl:1:4 | دمشق - سجل بلا معرف"));
  CHECK(read_part(kLines, second + 1, second + 2).empty());
  // The first part holds the BOM and the first record's first byte.
  const std::vector<std::string> first = read_part(kLines, 0, 1);
  REQUIRE(first.size() == 1);
  CHECK(first[0].starts_with("afp-01 | wire/afp.jsonl:0:1"));
}

TEST_CASE("read-jsonl parts of random cuts and small blocks give the whole file's records") {
  std::string big;
  for (int i = 0; i < 300; ++i) {
    big += i % 7 == 0 ? R"({"text": "خبر بلا معرف رقم )" + std::to_string(i) + "\"}\n"
                      : R"({"id": "afp-)" + std::to_string(i) + R"(", "text": "نص )" +
                            std::string(static_cast<std::size_t>(i % 13), 'x') + "\"}\n";
    if (i % 11 == 0) big += "\n";
    if (i % 29 == 0) big += "{broken\n";
  }
  const std::vector<std::string> whole = read_part(big, 0, UINT64_MAX);
  std::mt19937 random(7);
  for (int round = 0; round < 40; ++round) {
    std::vector<std::uint64_t> cuts;
    const int count = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < count; ++i) cuts.push_back(random() % big.size());
    std::sort(cuts.begin(), cuts.end());
    INFO("round " << round);
    REQUIRE(read_cut(big, cuts, {}, 1 + random() % 100) == whole);
  }
}

TEST_CASE("read-jsonl parts of a JSON array split it by element") {
  const std::string array =
      "\xEF\xBB\xBF[\n"
      R"(  {"id": "afp-01", "text": "بيروت، \"قال\" [المصدر]"},)"
      "\n"
      R"(  {"text": "بلا معرف"},)"
      "\n  42,\n"
      R"(  {"id": "afp-04", "text": "نص أخير"})"
      "\n]\n trailing";
  const std::vector<std::string> whole = read_part(array, 0, UINT64_MAX);
  REQUIRE(whole.size() == 5);  // three documents, a number, and the content after the array
  CHECK_THAT(whole.back(), Catch::Contains("unexpected content after the end of the array"));
  for (std::uint64_t cut = 0; cut <= array.size() + 1; ++cut) {
    INFO("cut at byte " << cut);
    REQUIRE(read_cut(array, {cut}) == whole);
    REQUIRE(read_cut(array, {cut / 2, cut}, {}, 3) == whole);
  }
}

TEST_CASE("read-jsonl parts report an unclosed array once") {
  const std::string cut_off =
      "[\n"
      R"({"id": "a", "text": "نص"},)"
      "\n"
      R"({"id": "b", "text": "بلا)";
  const std::vector<std::string> whole = read_part(cut_off, 0, UINT64_MAX);
  REQUIRE(whole.size() == 2);
  for (std::uint64_t cut = 0; cut <= cut_off.size(); ++cut) {
    INFO("cut at byte " << cut);
    REQUIRE(read_cut(cut_off, {cut}) == whole);
  }
  const std::string open =
      "[\n"
      R"({"id": "a", "text": "نص"},)"
      "\n";
  const std::vector<std::string> unclosed = read_part(open, 0, UINT64_MAX);
  REQUIRE(unclosed.size() == 2);
  CHECK_THAT(unclosed.back(), Catch::Contains("']' is missing"));
  for (std::uint64_t cut = 0; cut <= open.size(); ++cut) REQUIRE(read_cut(open, {cut}) == unclosed);
}
