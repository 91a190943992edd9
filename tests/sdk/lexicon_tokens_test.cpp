#include <nahr/text/lexicon_tokens.hpp>
#include <nahr/text/word_tokens.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using nahr::lexicon::lexicon_char_class;
using nahr::lexicon::lexicon_key;
using nahr::lexicon::LexiconCharClass;
using nahr::lexicon::LexiconTokenKind;
using nahr::lexicon::LexiconTokens;

std::vector<std::string> keys_of(const LexiconTokens& tokens) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) out.emplace_back(tokens.key(i));
  return out;
}

std::vector<std::string> spellings_of(const LexiconTokens& tokens, std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    out.emplace_back(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
  }
  return out;
}

std::vector<LexiconTokenKind> kinds_of(const LexiconTokens& tokens) {
  std::vector<LexiconTokenKind> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) out.push_back(tokens[i].kind);
  return out;
}

constexpr auto kArabic = LexiconTokenKind::arabic;
constexpr auto kLatin = LexiconTokenKind::latin;
constexpr auto kNumber = LexiconTokenKind::number;
constexpr auto kMark = LexiconTokenKind::mark;
constexpr auto kLineBreak = LexiconTokenKind::line_break;

}  // namespace

TEST_CASE("lexicon tokens of a quote keep clitics and marks on the word and out of the key") {
  LexiconTokens tokens("test");
  const std::string text = "وقالَ المتحدّثُ باسمِ وزارةِ الخارجيّة: «إنّ الوضعَ صعبٌ».";
  tokens.scan(text);
  CHECK(spellings_of(tokens, text) == std::vector<std::string>{"وقالَ", "المتحدّثُ", "باسمِ", "وزارةِ",
                                                               "الخارجيّة", ":", "«", "إنّ", "الوضعَ",
                                                               "صعبٌ", "»", "."});
  CHECK(keys_of(tokens) == std::vector<std::string>{"وقال", "المتحدث", "باسم", "وزاره", "الخارجيه",
                                                    ":", "«", "ان", "الوضع", "صعب", "»", "."});
  CHECK(kinds_of(tokens) == std::vector<LexiconTokenKind>{kArabic, kArabic, kArabic, kArabic,
                                                          kArabic, kMark, kMark, kArabic, kArabic,
                                                          kArabic, kMark, kMark});
  CHECK(tokens.is_arabic(0));
  CHECK_FALSE(tokens.is_arabic(5));
  CHECK_FALSE(tokens.is_arabic(tokens.size()));
  CHECK(tokens.is_mark(5, ":"));
  CHECK_FALSE(tokens.is_mark(5, "،"));
  CHECK_FALSE(tokens.is_mark(0, "وقال"));
  CHECK_FALSE(tokens.is_mark(tokens.size(), "."));
}

TEST_CASE("lexicon keys fold ة and Persian letters but keep hamza seats") {
  CHECK(lexicon_key("مدرسة") == "مدرسه");
  CHECK(lexicon_key("إسرائيل") == "اسرائيل");
  CHECK(lexicon_key("مصطفى") == "مصطفي");
  CHECK(lexicon_key("ایران") == "ايران");          // Persian yeh
  CHECK(lexicon_key("کابل") == "كابل");            // Persian kaf
  CHECK(lexicon_key("قائد") == "قائد");            // not قايد
  CHECK(lexicon_key("مؤتمر") == "مؤتمر");          // not موتمر
  CHECK(lexicon_key("ٱلرَّحْمَٰنِ") == "الرحمن");        // wasla, tashkeel, superscript alef
  CHECK(lexicon_key("القــاهرة") == "القاهره");    // tatweel
  CHECK(lexicon_key("يَعْلَمُونَ\u06DA") == "يعلمون");  // a Quranic pause sign
  CHECK(lexicon_key("AFP") == "AFP");              // no case folding
  CHECK(lexicon_key("٣٫٥ و۱۲٬۰۰۰") == "3.5 و12,000");
  CHECK(lexicon_key("") == "");
  // Further than WordTokens' keys, which keep ة and the Quranic signs.
  CHECK(nahr::lexicon::word_key("مدرسة") == "مدرسة");
}

TEST_CASE("lexicon keys of raw and normalised spellings of one name are equal") {
  CHECK(lexicon_key("أحمدُ الشَّرْع") == lexicon_key("احمد الشرع"));
  CHECK(lexicon_key("وزارةُ الخارجيّةِ") == lexicon_key("وزاره الخارجيه"));
  CHECK(lexicon_key("آل ثانی") == lexicon_key("ال ثاني"));
}

TEST_CASE("numbers in the three digit scripts with the separators inside them") {
  LexiconTokens tokens("test");
  const std::string text = "قُتل 1,500 و٣٫٥ بالمئة في ۱۲/۳ عام 2014. الـ2019 و12/";
  tokens.scan(text);
  CHECK(spellings_of(tokens, text) == std::vector<std::string>{"قُتل", "1,500", "و", "٣٫٥", "بالمئة",
                                                               "في", "۱۲/۳", "عام", "2014", ".",
                                                               "الـ", "2019", "و", "12", "/"});
  CHECK(keys_of(tokens) == std::vector<std::string>{"قتل", "1,500", "و", "3.5", "بالمئه", "في",
                                                    "12/3", "عام", "2014", ".", "ال", "2019", "و",
                                                    "12", "/"});
  CHECK(kinds_of(tokens) == std::vector<LexiconTokenKind>{kArabic, kNumber, kArabic, kNumber,
                                                          kArabic, kArabic, kNumber, kArabic,
                                                          kNumber, kMark, kArabic, kNumber, kArabic,
                                                          kNumber, kMark});
}

TEST_CASE("a run of line breaks is one token and every wire blank separates words") {
  LexiconTokens tokens("test");
  // CR LF, a blank line with spaces, LINE SEPARATOR; then NBSP, RLM, form
  // feed, vertical tab and a zero-width space between words.
  const std::string text = "بيروت\r\n  \n\u2028دمشق\u00A0عمان\u200Fالرياض\fAFP\vMüller\u200Bصنعاء";
  tokens.scan(text);
  CHECK(keys_of(tokens) == std::vector<std::string>{"بيروت", "\n", "دمشق", "عمان", "الرياض", "AFP",
                                                    "Müller", "صنعاء"});
  CHECK(kinds_of(tokens) == std::vector<LexiconTokenKind>{kArabic, kLineBreak, kArabic, kArabic,
                                                          kArabic, kLatin, kLatin, kArabic});
  // The line break token is the first byte of the run.
  CHECK(tokens[1].begin == std::string("بيروت").size());
  CHECK(tokens[1].end == tokens[1].begin + 1);
}

TEST_CASE("marks and tatweel alone are no token and presentation forms are letters") {
  LexiconTokens tokens("test");
  const std::string text = "قال ـــ \u064Eَ محمد \uFEFB\uFE8E\uFEF3 ×";
  tokens.scan(text);
  CHECK(keys_of(tokens) == std::vector<std::string>{"قال", "محمد", "\uFEFB\uFE8E\uFEF3", "×"});
  CHECK(kinds_of(tokens) == std::vector<LexiconTokenKind>{kArabic, kArabic, kArabic, kMark});
}

TEST_CASE("broken UTF-8 bytes are one-byte mark tokens that end words") {
  LexiconTokens tokens("test");
  const std::string text =
      "قال\xD9 \xFFمحمد\xC0\xAF 12\x80"
      "3 \xED\xA0\x80 سعيد\xE2\x80";
  tokens.scan(text);
  CHECK(spellings_of(tokens, text) ==
        std::vector<std::string>{"قال", "\xD9", "\xFF", "محمد", "\xC0", "\xAF", "12", "\x80", "3",
                                 "\xED", "\xA0", "\x80", "سعيد", "\xE2", "\x80"});
  CHECK(keys_of(tokens) == spellings_of(tokens, text));  // copied as they are
  CHECK(tokens[1].kind == kMark);
  CHECK(tokens[6].kind == kNumber);
  CHECK(lexicon_key("محمد\xD9\xFF") == "محمد\xD9\xFF");
}

TEST_CASE("each token's key is the lexicon_key of its spelling over a long mixed text") {
  const std::vector<std::string> pieces = {
      "وقالَ ",   "المتحدّثُ ", "«إنّ» ",    "1,500 ",    "٣٫٥% ",         "مدرسة ", "ایران ",
      "AFP: ",   "\n\n",     "الـ2019 ", "\xD9\xD9 ", "\uFEFB ",       "قائد ",  "؟! ",
      "Müller ", "\u2029",   "ـــ ",     "۱۲/۳ ",     "\xF0\x9F\x98 ", "😀 ",     "\u06DD "};
  std::string text;
  for (std::size_t k = 0; k < 5000; ++k) text += pieces[(k * 7 + k / 3) % pieces.size()];
  LexiconTokens tokens("test");
  tokens.scan(text);
  REQUIRE(tokens.size() > 5000);
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    INFO(i);
    REQUIRE(tokens[i].begin >= previous_end);
    REQUIRE(tokens[i].end > tokens[i].begin);
    previous_end = tokens[i].end;
    if (tokens[i].kind == kLineBreak) {
      CHECK(tokens.key(i) == "\n");
    } else {
      CHECK(tokens.key(i) == lexicon_key(std::string_view(text).substr(
                                 tokens[i].begin, tokens[i].end - tokens[i].begin)));
    }
  }
}

TEST_CASE("token_at finds the first token ending after an offset") {
  LexiconTokens tokens("test");
  const std::string text = "قال  الرئيس";  // bytes [0, 6), two spaces, [8, 20)
  tokens.scan(text);
  REQUIRE(tokens.size() == 2);
  REQUIRE(tokens[1].begin == 8);
  REQUIRE(tokens[1].end == 20);
  CHECK(tokens.token_at(0) == 0);
  CHECK(tokens.token_at(5) == 0);
  CHECK(tokens.token_at(6) == 1);  // a blank belongs to the next token
  CHECK(tokens.token_at(7) == 1);
  CHECK(tokens.token_at(19) == 1);
  CHECK(tokens.token_at(20) == 2);
  CHECK(tokens.token_at(1000) == 2);
}

TEST_CASE("add_key stores derived keys next to the scanned ones until the next scan") {
  LexiconTokens tokens("test");
  tokens.scan("وبالقاهرة والرياض");
  const std::uint32_t bare = tokens.add_key("القاهره");
  const std::uint32_t other = tokens.add_key("الرياض");
  CHECK(tokens.key_at(bare, 14) == "القاهره");
  CHECK(tokens.key_at(other, 12) == "الرياض");
  CHECK(keys_of(tokens) == std::vector<std::string>{"وبالقاهره", "والرياض"});
  tokens.scan("دمشق");
  CHECK(keys_of(tokens) == std::vector<std::string>{"دمشق"});
  CHECK(tokens.add_key("حلب") == std::string("دمشق").size());
}

TEST_CASE("a scan replaces the last one and an empty text has no tokens") {
  LexiconTokens tokens("test");
  tokens.scan("قال محمد إن");
  CHECK(tokens.size() == 3);
  tokens.scan("");
  CHECK(tokens.size() == 0);
  CHECK(tokens.token_at(0) == 0);
  tokens.scan("   \t ");
  CHECK(tokens.size() == 0);
}

TEST_CASE("character classes of wire text") {
  using C = LexiconCharClass;
  CHECK(lexicon_char_class(U' ') == C::blank);
  CHECK(lexicon_char_class(U'\f') == C::blank);
  CHECK(lexicon_char_class(0x200F) == C::blank);  // RLM
  CHECK(lexicon_char_class(0xFEFF) == C::blank);
  CHECK(lexicon_char_class(U'\r') == C::line_break);
  CHECK(lexicon_char_class(0x2029) == C::line_break);
  CHECK(lexicon_char_class(U'7') == C::digit);
  CHECK(lexicon_char_class(0x0663) == C::digit);          // ٣
  CHECK(lexicon_char_class(0x06F4) == C::digit);          // ۴
  CHECK(lexicon_char_class(0x0621) == C::arabic_letter);  // ء
  CHECK(lexicon_char_class(0x0629) == C::arabic_letter);  // ة
  CHECK(lexicon_char_class(0xFEFB) == C::arabic_letter);  // ﻻ
  CHECK(lexicon_char_class(0x064E) == C::arabic_mark);    // fatha
  CHECK(lexicon_char_class(0x0640) == C::arabic_mark);    // tatweel
  CHECK(lexicon_char_class(0x06DD) == C::arabic_mark);    // end of ayah
  CHECK(lexicon_char_class(U'e') == C::latin);
  CHECK(lexicon_char_class(0x00FC) == C::latin);  // ü
  CHECK(lexicon_char_class(0x00D7) == C::other);  // ×
  CHECK(lexicon_char_class(0x060C) == C::other);  // ،
  CHECK(lexicon_char_class(0x066B) == C::other);  // ٫ (inside numbers only)
  CHECK(lexicon_char_class(nahr::utf8::kInvalid) == C::other);
}
