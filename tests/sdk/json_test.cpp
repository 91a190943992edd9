#include <nahr/json.hpp>

#include <catch2/catch.hpp>
#include <simdjson.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

std::string escaped(std::string_view s) {
  std::string out;
  nahr::json::append_escaped(out, s);
  return out;
}

// The JSON string literal must parse, and parse back to `expected`.
void check_round_trip(std::string_view input, std::string_view expected) {
  std::string literal;
  nahr::json::append_string(literal, input);
  simdjson::dom::parser parser;
  std::string_view back;
  REQUIRE(parser.parse(simdjson::padded_string(literal)).get(back) == simdjson::SUCCESS);
  CHECK(back == expected);
}

// Byte-at-a-time reference: the Unicode table of well-formed UTF-8 byte
// sequences, written out independently of the escaper.
std::string reference_escape(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < s.size()) {
    const unsigned char c = at(i);
    if (c < 0x80) {
      static const char* const kNamed[] = {"\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004",
                                           "\\u0005", "\\u0006", "\\u0007", "\\b",     "\\t",
                                           "\\n",     "\\u000b", "\\f",     "\\r"};
      if (c < 14) out += kNamed[c];
      else if (c < 0x20) out += "\\u001" + std::string(1, "0123456789abcdef"[c - 16]);
      else if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    struct Row { unsigned char lead_lo, lead_hi, second_lo, second_hi; std::size_t length; };
    static const Row kRows[] = {{0xC2, 0xDF, 0x80, 0xBF, 2}, {0xE0, 0xE0, 0xA0, 0xBF, 3},
                                {0xE1, 0xEC, 0x80, 0xBF, 3}, {0xED, 0xED, 0x80, 0x9F, 3},
                                {0xEE, 0xEF, 0x80, 0xBF, 3}, {0xF0, 0xF0, 0x90, 0xBF, 4},
                                {0xF1, 0xF3, 0x80, 0xBF, 4}, {0xF4, 0xF4, 0x80, 0x8F, 4}};
    const Row* row = nullptr;
    for (const Row& r : kRows) {
      if (c >= r.lead_lo && c <= r.lead_hi) row = &r;
    }
    std::size_t good = 1;  // bytes of a well-formed prefix
    if (row != nullptr) {
      while (good < row->length && i + good < s.size()) {
        const unsigned char b = at(i + good);
        const bool ok = good == 1 ? (b >= row->second_lo && b <= row->second_hi)
                                  : (b >= 0x80 && b <= 0xBF);
        if (!ok) break;
        ++good;
      }
    }
    if (row != nullptr && good == row->length) {
      out.append(s.substr(i, good));
    } else {
      out += "\xEF\xBF\xBD";
    }
    i += good;
  }
  return out;
}

}  // namespace

TEST_CASE("valid Arabic with diacritics and emoji passes through unescaped") {
  const std::string text = "قالَ المُتحدّث 🇸🇦 إنّ «الهدنة» صامدة — ٢٠١٩ 😀";
  CHECK(escaped(text) == text);
  check_round_trip(text, text);
}

TEST_CASE("quotes backslashes and every control character are escaped") {
  CHECK(escaped("قال \"نعم\"") == "قال \\\"نعم\\\"");
  CHECK(escaped("C:\\نص") == "C:\\\\نص");
  CHECK(escaped("سطر\nسطر\r\n\tجدول\b\f") == "سطر\\nسطر\\r\\n\\tجدول\\b\\f");
  CHECK(escaped(std::string_view("\0\x01\x1f\x7f", 4)) == "\\u0000\\u0001\\u001f\x7f");
  std::string all;
  for (int c = 0; c < 0x20; ++c) all += static_cast<char>(c);
  check_round_trip(all, all);
}

TEST_CASE("a byte needing escape is found at every position of the eight-byte scan") {
  // `n` bytes of valid text made mostly of Arabic letters (bytes >= 0x80),
  // which must neither hide nor fake the special byte next to them.
  const auto filler = [](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n / 2; ++i) s += "\u0627";  // ا
    if (n % 2 == 1) s += 'a';
    return s;
  };
  for (std::size_t length = 1; length <= 24; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (char special : {'"', '\\', '\n', '\0', '\x1f'}) {
        const std::string s = filler(at) + special + filler(length - at - 1);
        INFO("length " << length << " at " << at << " byte " << int(special));
        CHECK(escaped(s) == reference_escape(s));
      }
    }
  }
}

TEST_CASE("each maximal invalid subsequence becomes one U+FFFD") {
  const std::string fffd = "\xEF\xBF\xBD";
  // Stray continuation byte, and a truncated Arabic letter at the end.
  CHECK(escaped("\x80سلام\xD8") == fffd + "سلام" + fffd);
  // Overlong encodings: C0 and C1 never start a sequence; E0 80 is overlong.
  CHECK(escaped("\xC0\xAF") == fffd + fffd);
  CHECK(escaped("\xE0\x80\x80") == fffd + fffd + fffd);
  // CESU-8 surrogate pair for U+1F600: each byte of ED A0/B0 .. is its own subpart.
  CHECK(escaped("\xED\xA0\xBD\xED\xB8\x80") == fffd + fffd + fffd + fffd + fffd + fffd);
  // A truncated 3-byte sequence is one subpart, followed by what broke it.
  CHECK(escaped("\xE2\x82" "a") == fffd + "a");
  // A truncated emoji before Arabic text.
  CHECK(escaped("\xF0\x9F\x98" "مرحبا") == fffd + "مرحبا");
  // Beyond U+10FFFF and bytes that never occur in UTF-8.
  CHECK(escaped("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd);
  CHECK(escaped("\xF5\xFE\xFF") == fffd + fffd + fffd);
  // Escapes keep working on the repairing path.
  CHECK(escaped("\xFF\"\n") == fffd + "\\\"\\n");
}

TEST_CASE("random bytes always give valid JSON equal to the reference") {
  std::mt19937 random(20190307);
  // Biased towards bytes that make interesting UTF-8: ASCII, Arabic leads, continuation, ED/F0/F4.
  const std::string alphabet = std::string("a \"\\\n\x01\xD8\xD9\xA7\x80\xBF\x8F\x90\xA0\xED\xE0\xF0\xF4\xF5\xC0\xC2\xE2\xFF") +
                               "\xD8\xA7\xD9\x84";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, 64);
  simdjson::dom::parser parser;
  for (int round = 0; round < 5000; ++round) {
    std::string s(length(random), ' ');
    for (char& c : s) c = alphabet[pick(random)];
    std::string literal;
    nahr::json::append_string(literal, s);
    INFO("round " << round);
    REQUIRE(literal.substr(1, literal.size() - 2) == reference_escape(s));
    std::string_view back;
    REQUIRE(parser.parse(simdjson::padded_string(literal)).get(back) == simdjson::SUCCESS);
  }
}

TEST_CASE("escaping appends to what is already in the buffer") {
  std::string out = "{\"النص\":";
  nahr::json::append_string(out, "نعم");
  CHECK(out == "{\"النص\":\"نعم\"");
}

TEST_CASE("escapes and broken bytes at every position of a long Arabic text") {
  // Long enough for the UTF-8 check's 64-byte blocks; each insert either
  // needs escaping, is ill-formed or leaves the two-byte fast path.
  const std::string story =
      "قال المتحدث باسم الوزارة «إن المفاوضات مستمرة» وأضاف أن الجولة المقبلة ستعقد في "
      "العاصمة الأردنية خلال الأسبوع المقبل، بحضور ممثلين عن الأطراف كافة.";
  for (const std::string insert :
       {"\"", "\n", "\\", "\xFF", "\xD8", "\xE2\x80\x94", "\xF0\x9F\x98"}) {
    for (std::size_t at = 0; at <= story.size(); ++at) {
      const std::string s = story.substr(0, at) + insert + story.substr(at);
      INFO("insert " << insert.size() << " bytes at " << at);
      REQUIRE(escaped(s) == reference_escape(s));
    }
  }
}

TEST_CASE("an object of string pairs") {
  const std::vector<std::pair<std::string, std::string>> pairs = {{"المصدر", "أ ف ب"},
                                                                  {"quote", "قال \"نعم\""}};
  std::string out;
  nahr::json::append_object(out, [&](auto&& f) {
    for (const auto& [key, value] : pairs) f(key, value);
  });
  CHECK(out == "{\"المصدر\":\"أ ف ب\",\"quote\":\"قال \\\"نعم\\\"\"}");
  out.clear();
  nahr::json::append_object(out, [](auto&&) {});
  CHECK(out == "{}");
}

TEST_CASE("a quoted-string cache gives each string's own literal, in runs and out") {
  nahr::json::QuotedCache quoted;
  const std::vector<std::string> strings = {"token", "token", "", "", "entity", "قال \"نعم\"",
                                            "token", std::string("a\0b", 3), "\xD8"};
  for (const std::string& s : strings) {
    std::string expected;
    nahr::json::append_string(expected, s);
    INFO(expected);
    CHECK(quoted(s) == expected);
  }
  // An empty string first is a string like any other, not "nothing cached".
  nahr::json::QuotedCache fresh;
  CHECK(fresh("") == "\"\"");
}
