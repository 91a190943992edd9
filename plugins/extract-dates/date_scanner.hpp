// The date grammar over a token stream. What it recognises (clitics such as
// و، ب، ل are left out of spans):
//
//   weekday     الخميس، الأربعاء الماضي، الاثنين المقبل
//   month       كانون الثاني/يناير، آذار (مارس)، أغسطس آب، أيلول/سبتمبر الماضي،
//               آذار/مارس 2011
//   full        12 آذار/مارس، 3 كانون الثاني/يناير 2019، 12/3/2019، 12 / 3 / 2019،
//               2019-03-12
//   year        العام 2014، لعام 2019، منذ 2014، في أفق 2025، الـ2014، 1867-1931
//   hijri       1440 هـ، 10 جمادى الأولى 1440 هـ، 26/11/1436هـ، شهر رمضان
//   relative    أمس، أول أمس، أول من أمس، اليوم، غدا، بعد غد، أمس الاثنين، العام الماضي،
//               هذا العام، العام الجاري، الشهر الماضي
//
// Month names that are also everyday words (`مارس`, `آب`, `رمضان` …) count
// only with a day, a year, a slash pair or a preposition such as `في`.
// A match records what the text says; DateExtractor resolves it against the
// document date.
#pragma once

#include "lexicon.hpp"

#include <nahr/text/word_tokens.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace extract_dates {

using nahr::lexicon::WordTokens;

enum class DateKind { weekday, month, year, hijri, relative, full };
enum class RelativeUnit { day, month, year };

struct DateMatch {
  std::size_t begin = 0;  // bytes in the text
  std::size_t end = 0;
  DateKind kind = DateKind::full;
  int year = 0;  // as written; 0 when not given
  int month = 0;
  int day = 0;
  int weekday = 0;                        // kind weekday: ISO 1 = Monday … 7 = Sunday
  Qualifier qualifier = Qualifier::none;  // weekday and month: الماضي، المقبل …
  bool since = false;  // after منذ (`منذ كانون الأول`): on or before the document date
  RelativeUnit unit = RelativeUnit::day;  // kind relative: offset from the document date
  int offset = 0;
};

class DateScanner {
 public:
  explicit DateScanner(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Appends the dates of `text`, whose tokens are `tokens`, to `out`.
  void scan(std::string_view text, const WordTokens& tokens, std::vector<DateMatch>& out);

 private:
  struct Classified {
    const Word* word;
    std::size_t clitic_letters;
  };
  struct Month {
    std::size_t last;  // token
    int month;
    bool hijri;
    bool ambiguous;
  };
  struct Year {
    std::size_t last;  // token
    int year;
    bool hijri_marker;
  };

  // Looks every word up once (most are ruled out by the lexicon's filter);
  // the grammar then reads the results.
  void look_up(const WordTokens& tokens);
  // `key` without its clitics: و or ف, then (when `prepositions`) ب or ل;
  // `للعام` is ل + العام.
  Classified strip_clitics(std::string_view key, const Word& plain, bool prepositions) const;
  // The lexicon entry of word token i (an empty Word for other tokens).
  const Word& word_at(const WordTokens& tokens, std::size_t i) const;
  // Word token i with its clitics stripped as strip_clitics() does.
  Classified classify(const WordTokens& tokens, std::size_t i, bool prepositions) const;
  // A month name whose first word is token i, read as `first` (the token's
  // word, or the word under its clitic), with its slash or bracket pair.
  std::optional<Month> month_at(const WordTokens& tokens, std::size_t i, const Word& first) const;
  std::optional<Month> month_name_at(const WordTokens& tokens, std::size_t i,
                                     const Word& first) const;
  // A year (and era marker) right after token `last`.
  std::optional<Year> year_after(const WordTokens& tokens, std::size_t last, bool hijri) const;
  bool in_context(const WordTokens& tokens, std::size_t i) const;
  // `منذ` before token i, or `منذ مطلع`, `منذ نهاية` …
  bool after_since(const WordTokens& tokens, std::size_t i) const;

  // Each returns the match starting at token i and sets `next` past it.
  std::optional<DateMatch> numeric_at(const WordTokens& tokens, std::size_t i,
                                      std::size_t& next) const;
  std::optional<DateMatch> day_month_at(const WordTokens& tokens, std::size_t i,
                                        std::size_t& next) const;
  std::optional<DateMatch> year_number_at(const WordTokens& tokens, std::size_t i,
                                          std::size_t& next) const;
  std::optional<DateMatch> month_expression_at(std::string_view text, const WordTokens& tokens,
                                               std::size_t i, std::size_t& next) const;
  std::optional<DateMatch> year_words_at(std::string_view text, const WordTokens& tokens,
                                         std::size_t i, std::size_t& next) const;
  std::optional<DateMatch> relative_day_at(std::string_view text, const WordTokens& tokens,
                                           std::size_t i, std::size_t& next) const;
  std::optional<DateMatch> weekday_at(std::string_view text, const WordTokens& tokens,
                                      std::size_t i, std::size_t& next) const;

  const Lexicon& lexicon_;
  // Per token of the document being scanned; capacity kept across documents.
  std::vector<const Word*> entries_;
  std::vector<Classified> with_conjunction_;
  std::vector<Classified> with_clitics_;
};

}  // namespace extract_dates
