// Sharded runs hand the reader a part of a file: it must return exactly the
// documents that start in that part, with the ids and sources they have
// when the whole file is read, in every mode.
#include <catch2/catch.hpp>
#include <cstdint>
#include <nahr/testing.hpp>
#include <random>
#include <string>
#include <vector>

#include "../text_reader.hpp"

namespace {

using nahr::read_text::TextReader;
using nahr::testing::Harness;
using nahr::testing::OptionMap;
namespace model = nahr::model;

std::vector<std::string> read_part(const std::string& bytes, std::uint64_t begin, std::uint64_t end,
                                   const OptionMap& options, std::size_t block = 1 << 16) {
  Harness h;
  const nahr::testing::ReadResult r =
      h.read_part<TextReader>(bytes, begin, end, options, "wire/afp-2019.txt", block);
  REQUIRE(r.failures.empty());
  std::vector<std::string> out;
  for (const model::Document& d : r.documents) {
    out.push_back(d.id + " | " + std::to_string(d.source_record) + ":" +
                  std::to_string(d.source_line) + " | " + d.text());
  }
  return out;
}

std::vector<std::string> read_cut(const std::string& bytes, const std::vector<std::uint64_t>& cuts,
                                  const OptionMap& options, std::size_t block = 1 << 16) {
  std::vector<std::string> out;
  std::uint64_t begin = 0;
  for (std::size_t i = 0; i <= cuts.size(); ++i) {
    const std::uint64_t end = i < cuts.size() ? cuts[i] : UINT64_MAX;
    for (std::string& r : read_part(bytes, begin, end, options, block)) out.push_back(std::move(r));
    begin = end;
  }
  return out;
}

const std::string kWire =
    "\xEF\xBB\xBF\n"
    "بيروت (أ ف ب) - تتواصل المفاوضات.\r\n"
    "وقال المصدر إنّ \"الوسطاء\" نقلوا مقترحاً.\r\n"
    "\r\n"
    "   \t\n"
    "دمشق (AFP) - أعلنت الحكومة السورية.\n"
    "\xC2\xA0\xE3\x80\x80\n"
    "  القاهرة - سطر يبدأ بمسافتين.\n"
    "سطر أخير بلا نهاية";

}  // namespace

TEST_CASE("read-text parts cut at every byte give the whole file's lines and blocks") {
  for (const char* mode : {"lines", "blocks"}) {
    const OptionMap options = {{"mode", std::string(mode)},
                               {"id_format", std::string("{stem}-{index1}")}};
    const std::vector<std::string> whole = read_part(kWire, 0, UINT64_MAX, options);
    INFO(mode);
    REQUIRE(whole.size() == (std::string(mode) == "lines" ? 5u : 3u));
    for (std::uint64_t cut = 0; cut <= kWire.size() + 1; ++cut) {
      INFO("cut at byte " << cut);
      REQUIRE(read_cut(kWire, {cut}, options) == whole);
      REQUIRE(read_cut(kWire, {cut / 3, cut}, options, 5) == whole);
    }
  }
}

TEST_CASE("read-text part numbers its documents as in the whole file") {
  const OptionMap lines = {{"mode", std::string("lines")}};
  const std::uint64_t damascus = kWire.find("دمشق");
  const std::vector<std::string> part = read_part(kWire, damascus, damascus + 1, lines);
  REQUIRE(part.size() == 1);
  CHECK(part[0] == "afp-2019-2 | 2:6 | دمشق (AFP) - أعلنت الحكومة السورية.");
}

TEST_CASE("read-text file mode reads the file only in the part that holds its first byte") {
  const OptionMap file = {{"mode", std::string("file")}};
  CHECK(read_part(kWire, 0, 1, file).size() == 1);
  CHECK(read_part(kWire, 1, UINT64_MAX, file).empty());
  CHECK(read_cut("", {0}, file).size() == 1);  // an empty file is still one document
}

TEST_CASE("read-text parts of random cuts and small blocks give the whole file's documents") {
  std::string big;
  for (int i = 0; i < 400; ++i) {
    big += "خبر رقم " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 17), '.');
    big += i % 5 == 0 ? "\n\n" : (i % 9 == 0 ? "\r\n \n" : "\n");
  }
  std::mt19937 random(11);
  for (const char* mode : {"lines", "blocks"}) {
    const OptionMap options = {{"mode", std::string(mode)}};
    const std::vector<std::string> whole = read_part(big, 0, UINT64_MAX, options);
    for (int round = 0; round < 30; ++round) {
      std::vector<std::uint64_t> cuts;
      for (int i = 0, n = 1 + static_cast<int>(random() % 10); i < n; ++i)
        cuts.push_back(random() % big.size());
      std::sort(cuts.begin(), cuts.end());
      INFO(mode << " round " << round);
      REQUIRE(read_cut(big, cuts, options, 1 + random() % 64) == whole);
    }
  }
}
