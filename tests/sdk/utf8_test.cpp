#include <nahr/text/utf8.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

namespace {

using nahr::utf8::CodePoint;
using nahr::utf8::kInvalid;

// Well-formedness from Unicode's table 3-7, one sequence at a time, written
// independently of the decoder: the length of the well-formed sequence at
// s[i], or 0.
std::size_t reference_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  if (c < 0x80) return 1;
  struct Row {
    unsigned char lead_lo, lead_hi, second_lo, second_hi;
    std::size_t length;
  };
  static const Row kRows[] = {{0xC2, 0xDF, 0x80, 0xBF, 2}, {0xE0, 0xE0, 0xA0, 0xBF, 3},
                              {0xE1, 0xEC, 0x80, 0xBF, 3}, {0xED, 0xED, 0x80, 0x9F, 3},
                              {0xEE, 0xEF, 0x80, 0xBF, 3}, {0xF0, 0xF0, 0x90, 0xBF, 4},
                              {0xF1, 0xF3, 0x80, 0xBF, 4}, {0xF4, 0xF4, 0x80, 0x8F, 4}};
  for (const Row& r : kRows) {
    if (c < r.lead_lo || c > r.lead_hi) continue;
    if (i + r.length > s.size()) return 0;
    if (at(i + 1) < r.second_lo || at(i + 1) > r.second_hi) return 0;
    for (std::size_t k = 2; k < r.length; ++k) {
      if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
    }
    return r.length;
  }
  return 0;
}

bool reference_valid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = reference_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::vector<std::uint32_t> lengths_of(std::string_view s, bool maximal) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint c = maximal ? nahr::utf8::decode_maximal(s, i) : nahr::utf8::decode(s, i);
    out.push_back(c.valid() ? c.length : 100 + c.length);  // 100 + n: an error of n bytes
    i += c.length;
  }
  return out;
}

// A story of Arabic letters, spaces and Latin-1 punctuation: only ASCII and
// two-byte characters, the text the block-at-a-time check is built for.
const std::string kStory =
    "قال المتحدث باسم الوزارة «إن المفاوضات مستمرة» وأضاف أن الجولة المقبلة ستعقد في "
    "العاصمة الأردنية عمّان خلال الأسبوع المقبل، بحضور ممثلين عن الأطراف كافة.";

}  // namespace

TEST_CASE("Arabic letters and an emoji decode to their code points") {
  const std::string s = "سلام 😀";
  CHECK(nahr::utf8::decode(s, 0).value == U'س');
  CHECK(nahr::utf8::decode(s, 0).length == 2);
  CHECK(nahr::utf8::decode(s, 8).value == U' ');
  const CodePoint emoji = nahr::utf8::decode(s, 9);
  CHECK(emoji.value == 0x1F600);
  CHECK(emoji.length == 4);
  CHECK(nahr::utf8::decode(s, 10).value == kInvalid);  // inside the emoji
}

TEST_CASE("an ill-formed sequence is one byte to decode and a maximal subpart to decode_maximal") {
  // Truncated Arabic letter, overlong slash, surrogate, truncated emoji,
  // beyond U+10FFFF, bytes that never occur.
  const std::string s =
      "\xD8"
      "a\xC0\xAF\xED\xA0\x80\xF0\x9F\x98"
      "b\xF4\x90\x80\x80\xFF";
  CHECK(lengths_of(s, false) == std::vector<std::uint32_t>{101, 1, 101, 101, 101, 101, 101, 101,
                                                           101, 101, 1, 101, 101, 101, 101, 101});
  CHECK(lengths_of(s, true) == std::vector<std::uint32_t>{101, 1, 101, 101, 101, 101, 101, 103, 1,
                                                          101, 101, 101, 101, 101});
  CHECK(lengths_of("\xE2\x80x", true) == std::vector<std::uint32_t>{102, 1});
  CHECK(lengths_of("\xE2\x80x", false) == std::vector<std::uint32_t>{101, 101, 1});
}

TEST_CASE("decode agrees with Unicode's table on every short byte string") {
  const std::string alphabet =
      "a\x80\x8F\x90\x9F\xA0\xBF\xC0\xC1\xC2\xD8\xDF\xE0\xE1\xED\xEE\xF0\xF1\xF4\xF5\xFF";
  std::mt19937 random(1436);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (std::size_t n = 1 + random() % 5; n > 0; --n) s += alphabet[random() % alphabet.size()];
    for (std::size_t i = 0; i < s.size(); ++i) {
      const std::size_t expected = reference_length(s, i);
      const CodePoint c = nahr::utf8::decode(s, i);
      INFO("round " << round << " at " << i);
      CHECK(c.valid() == (expected != 0));
      CHECK(c.length == (expected != 0 ? expected : 1));
      const CodePoint m = nahr::utf8::decode_maximal(s, i);
      CHECK(m.valid() == c.valid());
      if (m.valid()) CHECK(m.value == c.value);
    }
    CHECK(nahr::utf8::is_valid(s) == reference_valid(s));
  }
}

TEST_CASE("decode_before finds the character ending at an offset") {
  const std::string s = "بـ😀x";
  CHECK(nahr::utf8::decode_before(s, 2).value == U'ب');
  CHECK(nahr::utf8::decode_before(s, 4).value == 0x0640);
  CHECK(nahr::utf8::decode_before(s, 8).value == 0x1F600);
  CHECK(nahr::utf8::decode_before(s, 9).value == U'x');
  CHECK(nahr::utf8::decode_before(s, 7).value == kInvalid);  // inside the emoji
  CHECK(nahr::utf8::decode_before("a\xA7", 2).value == kInvalid);
}

TEST_CASE("every scalar value encodes and decodes back") {
  std::string s;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    s.clear();
    nahr::utf8::append(s, c);
    REQUIRE(s.size() == nahr::utf8::encoded_length(c));
    const CodePoint back = nahr::utf8::decode(s, 0);
    REQUIRE(back.value == c);
    REQUIRE(back.length == s.size());
  }
}

TEST_CASE("kInvalid is written as U+FFFD") {
  std::string s = "ب";
  nahr::utf8::append(s, kInvalid);
  CHECK(s == "ب\uFFFD");
  char bytes[4];
  CHECK(nahr::utf8::encode(kInvalid, bytes) == 3);
  CHECK(nahr::utf8::encoded_length(kInvalid) == 3);
}

TEST_CASE("is_valid finds a bad byte at every position of a long Arabic text") {
  REQUIRE(kStory.size() > 200);
  CHECK(nahr::utf8::is_valid(kStory));
  CHECK(nahr::utf8::is_valid(""));
  // Inserted between characters or inside one, each of these breaks the
  // text or (the three- and four-byte characters) leaves the fast path.
  const std::vector<std::string> inserts = {"\xFF",         "\x80",         "\xD8",
                                            "\xC1\x81",     "\xE2\x80\x94", "\xF0\x9F\x98\x80",
                                            "\xED\xA0\x80", "\xE0\x80\x80"};
  for (const std::string& insert : inserts) {
    for (std::size_t at = 0; at <= kStory.size(); ++at) {
      const std::string s = kStory.substr(0, at) + insert + kStory.substr(at);
      INFO("insert " << insert.size() << " bytes at " << at);
      CHECK(nahr::utf8::is_valid(s) == reference_valid(s));
    }
  }
  // A text cut in the middle of a letter, at every length.
  for (std::size_t n = 0; n <= kStory.size(); ++n) {
    INFO("length " << n);
    CHECK(nahr::utf8::is_valid(std::string_view(kStory).substr(0, n)) ==
          reference_valid(std::string_view(kStory).substr(0, n)));
  }
}

TEST_CASE("append_replacing_invalid puts one U+FFFD per maximal subpart") {
  const std::string fffd = "\uFFFD";
  std::string out = "«";
  nahr::utf8::append_replacing_invalid(out, kStory);
  CHECK(out == "«" + kStory);
  out.clear();
  nahr::utf8::append_replacing_invalid(out,
                                       "بيروت\xD8 \xF0\x9F\x98"
                                       "x\xC0\xAF");
  CHECK(out == "بيروت" + fffd + " " + fffd + "x" + fffd + fffd);
}
