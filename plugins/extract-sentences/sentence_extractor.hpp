// The extract-sentences stage: `paragraph` and `sentence` annotations.
#pragma once

#include "lexicon.hpp"
#include "paragraphs.hpp"
#include "sentence_splitter.hpp"

#include <nahr/plugin.hpp>

#include <vector>

namespace extract_sentences {

class SentenceExtractor final : public nahr::Extractor {
 public:
  static constexpr const char* name = "extract-sentences";
  static constexpr const char* summary =
      "Paragraphs and sentences of Arabic newswire (numbers, initials, abbreviations, agency "
      "credits and quotations kept whole)";
  static std::vector<nahr::OptionSpec> schema();

  explicit SentenceExtractor(const nahr::Options& options);
  SentenceExtractor(const SentenceExtractor&) = delete;  // splitter_ refers to lexicon_
  SentenceExtractor& operator=(const SentenceExtractor&) = delete;

  void process(nahr::Document& doc);

 private:
  ParagraphBreaks breaks_;
  Lexicon lexicon_;
  SentenceSplitter splitter_;
  std::vector<Range> paragraphs_;  // reused across documents
  std::vector<Range> sentences_;
};

}  // namespace extract_sentences
