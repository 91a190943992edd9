// The extract-dates stage: one `date` annotation per date expression, its
// value resolved against the document's date when the document has one.
#pragma once

#include "calendar.hpp"
#include "date_scanner.hpp"
#include "lexicon.hpp"

#include <nahr/plugin.hpp>

#include <optional>
#include <string>
#include <vector>

namespace extract_dates {

class DateExtractor final : public nahr::Extractor {
 public:
  static constexpr const char* name = "extract-dates";
  static constexpr const char* summary =
      "Dates: weekdays, Gregorian months of both Arabic series, years, Hijri dates, numeric and "
      "relative dates, resolved to ISO against the document date";
  static std::vector<nahr::OptionSpec> schema();
  // Samples with their expected results, run by `nahr plugin verify` (plugin.cpp).
  static std::vector<nahr::SelfTest> self_tests();

  explicit DateExtractor(const nahr::Options& options);

  void process(nahr::Document& doc);

 private:
  Lexicon lexicon_;
  DateScanner scanner_;
  std::string date_field_;
  // Reused across documents.
  nahr::lexicon::WordTokens tokens_{name};
  std::vector<DateMatch> matches_;
};

// The ISO value of `date` given the document date; empty when it cannot be
// resolved (Hijri dates, or a missing document date where one is needed).
std::string resolve(const DateMatch& date, const std::optional<CivilDate>& document_date);

}  // namespace extract_dates
