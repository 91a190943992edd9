#include <nahr/text/key_table.hpp>
#include <nahr/text/word_tokens.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using nahr::lexicon::KeyFilter;
using nahr::lexicon::KeyTable;
using nahr::lexicon::TokenKind;
using nahr::lexicon::word_key;
using nahr::lexicon::WordTokens;

std::vector<std::string> keys_of(const WordTokens& tokens) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) out.emplace_back(tokens.key(i));
  return out;
}

std::vector<TokenKind> kinds_of(const WordTokens& tokens) {
  std::vector<TokenKind> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) out.push_back(tokens[i].kind);
  return out;
}

}  // namespace

TEST_CASE("a key table finds every entry and nothing else") {
  std::vector<std::pair<std::string, int>> entries;
  const std::vector<std::string> months = {"كانون",  "شباط", "اذار", "نيسان", "ايار",
                                           "حزيران", "تموز", "اب",   "ايلول", "تشرين"};
  for (std::size_t k = 0; k < months.size(); ++k) entries.emplace_back(months[k], int(k) + 1);
  for (int k = 0; k < 500; ++k) entries.emplace_back("كلمة" + std::to_string(k), 100 + k);
  const KeyTable<int> table(entries);
  for (const auto& [key, value] : entries) {
    REQUIRE(table.find(key) != nullptr);
    CHECK(*table.find(key) == value);
  }
  CHECK(table.find("اذارا") == nullptr);
  CHECK(table.find("") == nullptr);
  CHECK(table.find("كلمة500") == nullptr);
  CHECK(KeyTable<int>().find("اذار") == nullptr);
}

TEST_CASE("a key filter never rules out what was added with or without proclitics") {
  KeyFilter filter;
  const std::vector<std::string> words = {"العام", "عام", "الماضي", "كانون", "مليون", "دولار"};
  for (const std::string& w : words) filter.add(w);
  for (const std::string& w : words) {
    CHECK(filter.may_contain(w));
    for (const char* clitics : {"و", "ف", "ب", "ل", "وب", "فل"}) {
      INFO(clitics << w);
      CHECK(filter.may_contain_after_proclitics(clitics + w, "وف", "بل"));
    }
  }
  // ك is a proclitic only when the caller says so.
  CHECK(filter.may_contain_after_proclitics("كمليون", "وف", "بلك"));
  // Most other words are ruled out (the filter has 16384 bits for 6 keys).
  int passed = 0;
  for (const char* w :
       {"قال", "المتحدث", "باسم", "الوزارة", "إن", "المفاوضات", "مستمرة", "وأضاف"}) {
    passed += filter.may_contain_after_proclitics(w, "وف", "بل");
  }
  CHECK(passed <= 1);
}

TEST_CASE("word tokens of an Arabic sentence with their folded keys") {
  WordTokens tokens("test");
  const std::string text = "وقالَ في ١٢ آذار/مارس 2019: نما 3٫5% و1,500 شخص";
  tokens.scan(text);
  CHECK(keys_of(tokens) == std::vector<std::string>{"وقال", "في", "12", "اذار", "/", "مارس", "2019",
                                                    ":", "نما", "3.5", "%", "و", "1,500", "شخص"});
  CHECK(kinds_of(tokens) ==
        std::vector<TokenKind>{TokenKind::word, TokenKind::word, TokenKind::digits, TokenKind::word,
                               TokenKind::symbol, TokenKind::word, TokenKind::digits,
                               TokenKind::symbol, TokenKind::word, TokenKind::digits,
                               TokenKind::symbol, TokenKind::word, TokenKind::digits,
                               TokenKind::word});
  // Offsets are the text's: the key of `وقالَ` drops its fatha, the span keeps it.
  CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "وقالَ");
  CHECK_FALSE(tokens[0].key_in_text);
  CHECK(tokens[1].key_in_text);  // في: nothing folds
  CHECK(tokens[1].space_before);
  CHECK(tokens.glued(4));  // آذار/مارس
  CHECK(tokens.is_symbol(10, "%"));
  CHECK(tokens.is_word(11));
  CHECK(tokens.glued(12));  // و1,500
  CHECK_FALSE(tokens.is_word(tokens.size()));
}

TEST_CASE("word tokens of Latin words and blanks and broken bytes and an empty text") {
  WordTokens tokens("test");
  tokens.scan("قالت AFP\u200F\u00A0اليوم \xFF!");
  CHECK(keys_of(tokens) == std::vector<std::string>{"قالت", "AFP", "اليوم", "\xFF", "!"});
  CHECK(tokens[1].latin);
  CHECK(tokens[2].space_before);
  CHECK(tokens[3].kind == TokenKind::symbol);
  tokens.scan("");
  CHECK(tokens.size() == 0);
  tokens.scan("\n\t ");
  CHECK(tokens.size() == 0);
}

TEST_CASE("word_key is the key the tokens give a word") {
  WordTokens tokens("test");
  for (const char* word : {"الأربعاء", "إلى", "٢٠١٩", "٣٫٥", "مُنذُ"}) {
    tokens.scan(word);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens.key(0) == word_key(word));
  }
}

TEST_CASE("slash numbers in one token or spread over several") {
  WordTokens tokens("test");
  tokens.scan("في 12/3/2019 و26 /11 /1436هـ");
  const auto one = nahr::lexicon::slash_numbers(tokens, 1);
  REQUIRE(one);
  CHECK(one->values[0] == 12);
  CHECK(one->values[1] == 3);
  CHECK(one->values[2] == 2019);
  CHECK(one->digits[2] == 4);
  CHECK(one->last == 1);
  const auto spread = nahr::lexicon::slash_numbers(tokens, 3);
  REQUIRE(spread);
  CHECK(spread->values[0] == 26);
  CHECK(spread->values[2] == 1436);
  CHECK(spread->last == 7);
  CHECK_FALSE(nahr::lexicon::slash_numbers(tokens, 0));
  tokens.scan("12/3 و 1/2/3/4 و 12345/1/1");
  CHECK_FALSE(nahr::lexicon::slash_numbers(tokens, 0));
  CHECK_FALSE(nahr::lexicon::slash_numbers(tokens, 2));
  CHECK_FALSE(nahr::lexicon::slash_numbers(tokens, 4));
}
