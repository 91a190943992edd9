#include "../conllu_text.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

using namespace nahr::write_conllu;

const std::string kNbsp = "\xC2\xA0";
const std::string kFffd = "\xEF\xBF\xBD";

std::string form(std::string_view raw) {
  std::string out;
  append_form(out, raw);
  return out;
}
std::string comment(std::string_view raw) {
  std::string out;
  append_comment(out, raw);
  return out;
}
std::string nfc(std::string s) {
  normalize_nfc(s, 0);
  return s;
}

}  // namespace

TEST_CASE("whitespace is exactly what Python's str.isspace accepts") {
  // The list Python 3.11 prints for [c for c in range(0x110000) if chr(c).isspace()].
  const std::vector<char32_t> python{0x9,    0xa,    0xb,    0xc,    0xd,    0x1c,   0x1d,   0x1e,
                                     0x1f,   0x20,   0x85,   0xa0,   0x1680, 0x2000, 0x2001, 0x2002,
                                     0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
                                     0x2028, 0x2029, 0x202f, 0x205f, 0x3000};
  std::vector<char32_t> ours;
  for (char32_t c = 0; c < 0x110000; ++c) {
    if (is_space(c)) ours.push_back(c);
  }
  CHECK(ours == python);
  CHECK_FALSE(is_space(0x200B));  // ZERO WIDTH SPACE is no whitespace for Python
  CHECK_FALSE(is_space(0x200F));  // RIGHT-TO-LEFT MARK
}

TEST_CASE("decoding gives code points and maximal invalid subparts") {
  const std::string s =
      "ق\xE2\x82"
      "a\xF0\x9F\x98\x80";
  CHECK(decode(s, 0).cp == 0x0642);
  CHECK(decode(s, 0).size == 2);
  const Decoded broken = decode(s, 2);
  CHECK_FALSE(broken.valid);
  CHECK(broken.size == 2);
  CHECK(decode(s, 5).cp == 0x1F600);
}

TEST_CASE("trimming a span drops whitespace of every kind at both ends") {
  const std::string text =
      " \t\xC2\xA0"
      "كلمة\xE2\x80\xAF\n";
  CHECK(trim_space(text, {0, text.size()}) == nahr::Span{4, 12});
  CHECK(trim_space(text, {0, 4}).begin == trim_space(text, {0, 4}).end);
  CHECK(has_space(text, 0, 1));
  CHECK_FALSE(has_space(text, 4, 12));
}

TEST_CASE("a FORM has one no-break space for each inner whitespace run") {
  CHECK(form("عبد الله") == "عبد" + kNbsp + "الله");
  CHECK(form(" عبد \t\n الله ") == "عبد" + kNbsp + "الله");
  CHECK(form("أبو\r\nظبي") == "أبو" + kNbsp + "ظبي");
  CHECK(form("نص\xFF") == "نص" + kFffd);
  CHECK(form(" \n") == "");
}

TEST_CASE("a comment stays on one line with its inner spacing") {
  CHECK(comment("\n قال  المتحدث:\nنعم.\r\n") == "قال  المتحدث: نعم.");
  CHECK(comment("سطر\tثان\xE2\x80\xA8ثالث") == "سطر ثان ثالث");
  CHECK(comment("ألف\xC2\xA0"
                "باء") ==
        "ألف\xC2\xA0"
        "باء");  // no-break space is kept
  CHECK(comment("\xD8") == kFffd);
}

TEST_CASE("NFC puts fatha before shadda and leaves NFC text alone") {
  // U+0651 SHADDA (ccc 33) typed before U+064E FATHA (ccc 30).
  CHECK(nfc("قال محمد") == "قال محمد");
  CHECK(nfc("م\xD9\x8E\xD9\x91") == "م\xD9\x8E\xD9\x91");
  CHECK(nfc("م\xD9\x91\xD9\x8E") == "م\xD9\x8E\xD9\x91");
  CHECK(nfc("e\xCC\x81") == "\xC3\xA9");
  std::string s = "prefix|e\xCC\x81";
  normalize_nfc(s, 7);
  CHECK(s == "prefix|\xC3\xA9");
}

TEST_CASE("the text check follows the validator") {
  const std::vector<FormView> words{{"قال", false}, {":", true}, {"نعم", true}};
  CHECK(text_matches("قال: نعم", words));
  CHECK(text_matches("قال:   \xC2\xA0نعم", words));  // any whitespace run separates
  CHECK_FALSE(text_matches("قال : نعم", words));     // SpaceAfter=No but a space
  CHECK_FALSE(text_matches("قال:نعم", words));       // no space, no SpaceAfter=No
  CHECK_FALSE(text_matches("قال: نعم ", words));     // trailing whitespace
  CHECK_FALSE(text_matches("قال: نعم.", words));     // a character no FORM covers
  CHECK_FALSE(text_matches("", words));
}
