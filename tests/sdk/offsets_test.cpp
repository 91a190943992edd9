#include <nahr/offsets.hpp>
#include <nahr/text/utf8.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <random>
#include <string>
#include <vector>

namespace {

using nahr::OffsetConverter;
using nahr::OffsetUnit;

// Units before byte `byte`, counted from the start every time, character by
// character as writers write the text: each maximal ill-formed UTF-8
// subsequence is one U+FFFD. An offset inside a character counts it, and
// the second half of a surrogate pair from the pair's fourth byte on.
std::uint64_t reference(std::string_view text, OffsetUnit unit, std::uint64_t byte) {
  if (unit == OffsetUnit::bytes) return byte;
  byte = std::min<std::uint64_t>(byte, text.size());
  std::uint64_t units = 0;
  for (std::size_t i = 0; i < byte;) {
    const nahr::utf8::CodePoint c = nahr::utf8::decode_maximal(text, i);
    ++units;
    if (unit == OffsetUnit::utf16 && c.valid() && c.value >= 0x10000 && i + 3 < byte) ++units;
    i += c.length;
  }
  return units;
}

// Arabic, an emoji every few words, some Latin: two-, four- and one-byte
// characters, a few kilobytes.
std::string story() {
  std::string s;
  for (int k = 0; k < 60; ++k) {
    s += "قال المتحدث 😀 إن AFP نشرت الخبر ";
    s += std::to_string(k);
    s += "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("offsets of an Arabic word after an emoji in every unit") {
  const std::string text = "😀 قال";  // the emoji is 4 bytes, 2 UTF-16 units, 1 code point
  OffsetConverter codepoints(text, OffsetUnit::codepoints);
  CHECK(codepoints.convert(5) == 2);
  CHECK(codepoints.convert(11) == 5);
  OffsetConverter utf16(text, OffsetUnit::utf16);
  CHECK(utf16.convert(5) == 3);
  CHECK(utf16.convert(11) == 6);
  OffsetConverter bytes(text, OffsetUnit::bytes);
  CHECK(bytes.convert(11) == 11);
  CHECK(codepoints.convert(1000) == 5);  // past the end counts as the end
}

TEST_CASE("offsets asked for in any order match counting from the start") {
  const std::string text = story();
  REQUIRE(text.size() > 3000);
  std::mt19937 random(2019);
  for (OffsetUnit unit : {OffsetUnit::codepoints, OffsetUnit::utf16, OffsetUnit::bytes}) {
    OffsetConverter converter;
    converter.reset(text, unit);
    // Increasing, then random, then small steps back as annotations of
    // several stages interleave.
    for (std::uint64_t b = 0; b <= text.size(); b += 7) {
      CHECK(converter.convert(b) == reference(text, unit, b));
    }
    for (int k = 0; k < 2000; ++k) {
      const std::uint64_t b = random() % (text.size() + 10);
      INFO("byte " << b);
      REQUIRE(converter.convert(b) == reference(text, unit, b));
    }
    for (std::uint64_t b = 0; b + 40 <= text.size(); b += 25) {
      REQUIRE(converter.convert(b + 40) == reference(text, unit, b + 40));
      REQUIRE(converter.convert(b) == reference(text, unit, b));
    }
  }
}

TEST_CASE("a converter reset for another text forgets the first") {
  const std::string first = story();
  const std::string second = "بيروت 😀";
  OffsetConverter converter(first, OffsetUnit::utf16);
  CHECK(converter.convert(first.size()) == reference(first, OffsetUnit::utf16, first.size()));
  converter.reset(second, OffsetUnit::utf16);
  CHECK(converter.convert(second.size()) == 8);
  CHECK(converter.convert(5) == 3);  // inside ر: the partial character counts
}

TEST_CASE("unit names parse back and a wrong one names the stage") {
  for (OffsetUnit u : {OffsetUnit::codepoints, OffsetUnit::bytes, OffsetUnit::utf16}) {
    CHECK(nahr::parse_unit(nahr::unit_name(u), "write-x") == u);
  }
  CHECK_THROWS_WITH(
      nahr::parse_unit("chars", "write-x"),
      "write-x: offsets must be \"codepoints\", \"bytes\" or \"utf16\", not \"chars\"");
}

TEST_CASE("broken UTF-8 converts like counting from the start") {
  // Stray continuation bytes, a four-byte lead cut short, 0xFF, and emoji
  // straddling every 64-byte block boundary as the padding shifts.
  std::string text;
  for (int pad = 0; pad < 70; ++pad) {
    text += std::string(static_cast<std::size_t>(pad % 7), 'a');
    text += "\xF0\x9F\x98\x80";
    text += "\x80\xBF";
    text += "\xF0\x9F";
    text += "\xFF";
    text += "نص";
  }
  for (OffsetUnit unit : {OffsetUnit::codepoints, OffsetUnit::utf16}) {
    OffsetConverter converter(text, unit);
    for (std::uint64_t b = 0; b <= text.size(); ++b) {
      INFO("byte " << b);
      REQUIRE(converter.convert(b) == reference(text, unit, b));
    }
  }
}

TEST_CASE("ill-formed UTF-8 counts one unit per U+FFFD as writers write it") {
  // 80 80: two stray continuation bytes, two U+FFFD; E2 80: a truncated
  // sequence, one; F0 91 before CD 9F (U+035F): one, then the mark.
  const std::string text = "\x80\x80 \xD8\xA8\xE2\x80 \xF0\x9F\x98\x80\xF0\x91\xCD\x9F";
  OffsetConverter codepoints(text, OffsetUnit::codepoints);
  CHECK(codepoints.convert(2) == 2);
  CHECK(codepoints.convert(5) == 4);
  CHECK(codepoints.convert(7) == 5);
  CHECK(codepoints.convert(13) == 8);  // inside F0 91: the partial U+FFFD counts
  CHECK(codepoints.convert(text.size()) == 9);
  CHECK(codepoints.convert(1) == 1);  // and back
  OffsetConverter utf16(text, OffsetUnit::utf16);
  CHECK(utf16.convert(12) == 8);  // the emoji is a surrogate pair
  CHECK(utf16.convert(text.size()) == 10);
}

TEST_CASE("the inlined bit count agrees with std::popcount") {
  std::mt19937_64 random(2026);
  std::vector<std::uint64_t> values = {0, 1, ~std::uint64_t{0}, std::uint64_t{1} << 63,
                                       0x5555555555555555u, 0xAAAAAAAAAAAAAAAAu};
  for (int i = 0; i < 10000; ++i) values.push_back(random() & random());  // sparse and dense
  for (const std::uint64_t v : values) {
    INFO(v);
    CHECK(nahr::detail::count_bits(v) == std::popcount(v));
  }
}
