// The extract-numbers stage: one `number` annotation per number expression,
// with its value, unit and kind (cardinal, percent, currency).
#pragma once

#include "lexicon.hpp"
#include "number_scanner.hpp"

#include <nahr/plugin.hpp>

#include <vector>

namespace extract_numbers {

class NumberExtractor final : public nahr::Extractor {
 public:
  static constexpr const char* name = "extract-numbers";
  static constexpr const char* summary =
      "Numbers in digits of any script and in words, with scales, percentages and currencies "
      "(`360 ألف`, `3,5 مليارات يورو`, `90 في المئة`, `ثلاثة ملايين`)";
  static std::vector<nahr::OptionSpec> schema();
  // Samples with their expected results, run by `nahr plugin verify` (plugin.cpp).
  static std::vector<nahr::SelfTest> self_tests();

  explicit NumberExtractor(const nahr::Options& options);

  void process(nahr::Document& doc);

 private:
  Lexicon lexicon_;
  NumberScanner scanner_;
  bool approximate_;
  // Reused across documents.
  nahr::lexicon::WordTokens tokens_{name};
  std::vector<NumberMatch> matches_;
};

}  // namespace extract_numbers
