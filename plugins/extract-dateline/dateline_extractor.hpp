// The extract-dateline stage: finds the dateline a wire story opens with and
// records it as one `dateline` annotation plus `dateline.*` metadata.
#pragma once

#include "dateline_parser.hpp"
#include "lexicon.hpp"

#include <nahr/plugin.hpp>

#include <cstddef>
#include <vector>

namespace extract_dateline {

class DatelineExtractor final : public nahr::Extractor {
 public:
  static constexpr const char* name = "extract-dateline";
  static constexpr const char* summary =
      "Dateline at the top of a wire story (place, date, agency): `بيروت:`, "
      "`القاهرة (أ ف ب) -`, `باريس، 12 آذار/مارس (أ ف ب) -`, `الرباط - أ ف ب:`";
  // Construction loads the lexicon; after that the stage only reads it.
  static constexpr bool thread_safe = true;
  static std::vector<nahr::OptionSpec> schema();
  // Samples with their expected results, run by `nahr plugin verify` (plugin.cpp).
  static std::vector<nahr::SelfTest> self_tests();

  explicit DatelineExtractor(const nahr::Options& options);

  void process(nahr::Document& doc) const;

  // The dateline of `text`, looking where process() looks.
  std::optional<Dateline> find(std::string_view text) const;

 private:
  std::optional<Dateline> find_in_line(std::string_view text, std::size_t begin) const;

  Lexicon lexicon_;
  DatelineParser parser_;
  std::size_t window_;
  bool after_headline_;
};

}  // namespace extract_dateline
