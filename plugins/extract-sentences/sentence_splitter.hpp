// Sentence boundaries inside one paragraph, by rules over the characters
// around each terminator (see README.md for the full list).
#pragma once

#include "lexicon.hpp"
#include "paragraphs.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace extract_sentences {

class SentenceSplitter {
 public:
  explicit SentenceSplitter(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Appends the sentences of paragraph [begin, end) of `text` (already
  // trimmed) to `out`, without surrounding blanks. Every paragraph yields
  // at least one sentence.
  void split(std::string_view text, Range paragraph, std::vector<Range>& out);

 private:
  // Whether the single full stop at `dot` is part of a number, an initial,
  // an abbreviation or a dotted name rather than the end of the sentence
  // that began at `start`.
  bool full_stop_continues(std::string_view text, std::size_t start, std::size_t dot,
                           std::size_t end);
  // Whether the word starting at `i` is a reporting verb.
  bool reporting_verb_at(std::string_view text, std::size_t i, std::size_t end);

  const Lexicon& lexicon_;
  std::string key_;  // folded word, reused
};

}  // namespace extract_sentences
