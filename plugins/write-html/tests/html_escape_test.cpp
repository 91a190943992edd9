#include "../html_escape.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>

namespace {

using nahr::write_html::html::append_escaped;
using nahr::write_html::html::is_valid_utf8;
using nahr::write_html::html::Utf8;

std::string escaped(std::string_view s) {
  std::string out;
  append_escaped(out, s);
  return out;
}

const std::string kFffd = "\xEF\xBF\xBD";

// Byte-at-a-time reference, written from the Unicode table of well-formed
// UTF-8 (Table 3-7) independently of the escaper.
std::string reference_escape(std::string_view s) {
  std::string out;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = at(i);
    if (c < 0x80) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        case '\t':
        case '\n':
        case '\r':
          out += static_cast<char>(c);
          break;
        default:
          out += c < 0x20 ? kFffd : std::string(1, static_cast<char>(c));
      }
      ++i;
      continue;
    }
    struct Row {
      unsigned char lead_lo, lead_hi, second_lo, second_hi;
      std::size_t length;
    };
    static const Row kRows[] = {{0xC2, 0xDF, 0x80, 0xBF, 2}, {0xE0, 0xE0, 0xA0, 0xBF, 3},
                                {0xE1, 0xEC, 0x80, 0xBF, 3}, {0xED, 0xED, 0x80, 0x9F, 3},
                                {0xEE, 0xEF, 0x80, 0xBF, 3}, {0xF0, 0xF0, 0x90, 0xBF, 4},
                                {0xF1, 0xF3, 0x80, 0xBF, 4}, {0xF4, 0xF4, 0x80, 0x8F, 4}};
    const Row* row = nullptr;
    for (const Row& r : kRows) {
      if (c >= r.lead_lo && c <= r.lead_hi) row = &r;
    }
    std::size_t good = 1;
    if (row != nullptr) {
      while (good < row->length && i + good < s.size()) {
        const unsigned char b = at(i + good);
        const bool ok =
            good == 1 ? (b >= row->second_lo && b <= row->second_hi) : (b >= 0x80 && b <= 0xBF);
        if (!ok) break;
        ++good;
      }
    }
    if (row != nullptr && good == row->length) {
      out.append(s.substr(i, good));
    } else {
      out += kFffd;
    }
    i += good;
  }
  return out;
}

}  // namespace

TEST_CASE("markup characters become references and cannot open a tag") {
  CHECK(escaped("<script>alert(\"x\") & 'y'</script>") ==
        "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  CHECK(escaped("&amp;") == "&amp;amp;");
  CHECK(escaped("") == "");
}

TEST_CASE("Arabic with diacritics and emoji is copied unchanged") {
  const std::string text = "قَالَ الوزيرُ: «سنُعيد الإعمار» 😀 — ١٢٣ ﷲ";
  CHECK(escaped(text) == text);
  CHECK(is_valid_utf8(text));
}

TEST_CASE("tab newline and carriage return stay while other controls become U+FFFD") {
  CHECK(escaped("أ\tب\nج\r\n") == "أ\tب\nج\r\n");
  CHECK(escaped(std::string("a\0b", 3)) == "a" + kFffd + "b");
  CHECK(escaped("\x01\x1F\x7F") == kFffd + kFffd + "\x7F");
}

TEST_CASE("each maximal invalid UTF-8 subpart becomes one U+FFFD") {
  CHECK(escaped("\xC3(") == kFffd + "(");                   // truncated, then ASCII
  CHECK(escaped("\xED\xA0\xBD") == kFffd + kFffd + kFffd);  // CESU-8 surrogate
  CHECK(escaped("\xE2\x82") == kFffd);                      // cut at the end
  CHECK(escaped("\xC0\xAF<") == kFffd + kFffd + "&lt;");    // overlong '/'
  CHECK(escaped("\xF5\x80") == kFffd + kFffd);
  CHECK(escaped("سلام\x80عليكم") == "سلام" + kFffd + "عليكم");
  CHECK_FALSE(is_valid_utf8("\xD8"));
}

TEST_CASE("the fast path agrees with a byte-at-a-time reference on random input") {
  std::mt19937 random(20240307);
  const std::vector<std::string> pieces = {"<",
                                           ">",
                                           "&",
                                           "\"",
                                           "'",
                                           "\n",
                                           "\t",
                                           std::string(1, '\0'),
                                           "\x1B",
                                           "a",
                                           " ",
                                           "قال",
                                           "ً",
                                           "😀",
                                           "\x80",
                                           "\xE2\x82",
                                           "\xED\xA0\x80",
                                           "\xF4\x90\x80\x80",
                                           "\xC2",
                                           "xyz0123456789"};
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int n = static_cast<int>(random() % 40);
    for (int k = 0; k < n; ++k) s += pieces[random() % pieces.size()];
    INFO("round " << round);
    REQUIRE(escaped(s) == reference_escape(s));
    if (is_valid_utf8(s)) {
      std::string out;
      append_escaped(out, s, Utf8::valid);
      REQUIRE(out == reference_escape(s));
    }
  }
}

TEST_CASE("a long run of safe bytes with one special at every position") {
  const std::string base(70, 'x');
  for (std::size_t at = 0; at < base.size(); ++at) {
    std::string s = base;
    s[at] = '<';
    const std::string out = escaped(s);
    CHECK(out == base.substr(0, at) + "&lt;" + base.substr(at + 1));
  }
}
