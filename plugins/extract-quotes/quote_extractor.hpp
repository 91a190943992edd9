// The extract-quotes stage: one `quote` annotation per quoted passage, with
// its speaker (the full name, through the entity annotations), the
// speaker's mention, the reporting verb and whether the speaker was found.
#pragma once

#include <nahr/plugin.hpp>
#include <string>
#include <vector>

#include "quote_marks.hpp"
#include "speaker_finder.hpp"

namespace extract_quotes {

class QuoteExtractor final : public nahr::Extractor {
 public:
  static constexpr const char* name = "extract-quotes";
  static constexpr const char* summary =
      "Quoted speech in \"…\", «…» and “…” with its speaker: reporting verbs before or after the "
      "quote, "
      "بحسب/وفق/نقلا عن, names and short mentions resolved through entity annotations";
  static std::vector<nahr::OptionSpec> schema();
  // Samples with their expected results, run by `nahr plugin verify` (plugin.cpp).
  static std::vector<nahr::SelfTest> self_tests();

  explicit QuoteExtractor(const nahr::Options& options);

  void process(nahr::Document& doc);

 private:
  void read_names(const nahr::Document& doc);

  std::string entity_type_;
  SpeakerFinder finder_;
  // Reused across documents.
  std::vector<QuoteSpan> quotes_;
  std::vector<NameMention> names_;
  std::vector<QuoteAttribution> attributions_;
  std::string speakers_;              // the speakers' names, copied before annotating
  std::vector<std::size_t> offsets_;  // of each quote's speaker in speakers_
};

}  // namespace extract_quotes
