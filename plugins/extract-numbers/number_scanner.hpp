// The number grammar over a token stream:
//
//   DIGITS [SCALE] [PERCENT | CURRENCY]        360 ألف، 3,5 مليارات يورو، 90 في المئة
//   WORDS [PERCENT | CURRENCY]                 ثلاثة ملايين، ستين في المئة، ملياري دولار
//   CURRENCY واحد                              جنيه واحد
//   CURRENCY-SYMBOL DIGITS [SCALE]             $100
//   APPROXIMATE [APPROXIMATE-SCALE]            مئات، عشرات الآلاف
//
// where WORDS composes units, tens, hundreds and scales joined by و the way
// Arabic counts (`ثلاثة آلاف وخمسمئة`, `خمسة وعشرون`). Digits that belong
// to a date are left to extract-dates (see is_date_number).
#pragma once

#include "decimal.hpp"
#include "lexicon.hpp"

#include <nahr/text/word_tokens.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace extract_numbers {

using nahr::lexicon::TokenKind;
using nahr::lexicon::WordTokens;

enum class NumberKind { cardinal, percent, currency };

struct NumberMatch {
  std::size_t begin = 0;  // bytes in the text; clitics (و، ب …) left out
  std::size_t end = 0;
  std::string value;      // canonical decimal; empty for an approximate quantity
  std::string_view unit;  // `%`, a currency, or empty
  NumberKind kind = NumberKind::cardinal;
  bool approximate = false;
};

class NumberScanner {
 public:
  explicit NumberScanner(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Appends the numbers of `text`, whose tokens are `tokens`, to `out`.
  void scan(std::string_view text, const WordTokens& tokens, std::vector<NumberMatch>& out);

 private:
  // A word with its clitics (و ف, then ب ل ك) stripped when that finds it.
  struct Classified {
    const Word* word;
    std::size_t clitic_letters;
  };
  // Looks every token up once; the grammar then reads the results.
  void look_up(const WordTokens& tokens);
  Classified look_up_with_clitics(std::string_view key, const Word& plain) const;
  const Classified& classify(const WordTokens& tokens, std::size_t i) const;
  // The lexicon entry of word token i (unknown for other tokens).
  const Word& word_at(const WordTokens& tokens, std::size_t i) const;
  // The lexicon entry of word or symbol token i (`دولار`, `$`).
  const Word& entry_at(std::size_t i) const;

  // Digits token i is a day, a year or a time rather than a quantity:
  // `12 آذار`, `آذار/مارس 2019`, `العام 2014`, `1440 هـ`, `منذ 2014`, `الـ2014`.
  bool is_date_number(const WordTokens& tokens, std::size_t i) const;

  // Each returns the match starting at token i and sets `next` past it.
  // `currency_symbol`: the token of a `$` before the digits, or none.
  std::optional<NumberMatch> digits_at(const WordTokens& tokens, std::size_t i,
                                       std::size_t currency_symbol, std::size_t& next) const;
  std::optional<NumberMatch> words_at(std::string_view text, const WordTokens& tokens,
                                      std::size_t i, std::size_t& next) const;
  std::optional<NumberMatch> approximate_at(std::string_view text, const WordTokens& tokens,
                                            std::size_t i, std::size_t& next) const;
  std::optional<NumberMatch> currency_one_at(const WordTokens& tokens, std::size_t i,
                                             std::size_t& next) const;
  // Adds a percent or currency suffix after token `last` and fills the match.
  NumberMatch finish(const WordTokens& tokens, std::size_t begin, std::size_t last,
                     const Decimal& value, std::size_t& next) const;

  const Lexicon& lexicon_;
  // Per token of the document being scanned; capacity kept across documents.
  std::vector<const Word*> entries_;
  std::vector<Classified> classified_;
};

}  // namespace extract_numbers
