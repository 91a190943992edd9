// The alignment property both the corpus and the random-text tests check:
// every word of the normalised text leads back to original bytes that,
// normalised on their own, give that word again.
#pragma once

#include <algorithm>
#include <nahr/testing.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace normalise_arabic::testing {

// Maximal runs of bytes other than space and newline.
inline std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find_first_of(" \n", begin), text.size());
    if (end > begin) words.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

struct WordCheck {
  std::size_t words = 0;
  std::vector<std::string> failures;  // "word <- original bytes"
};

// Checks every word of `doc` (already normalised by `stage`): the bytes its
// span maps back to, normalised alone, must give the word, or for a
// ligature that stands for several words (U+FDFA) a text holding it.
template <class Stage>
void check_words(nahr::testing::Harness& harness, Stage& stage, const nahr::model::Document& doc,
                 WordCheck& check) {
  for (const std::string_view word : words_of(doc.text())) {
    ++check.words;
    const auto begin = static_cast<std::uint64_t>(word.data() - doc.text().data());
    const nahr::model::Annotation span{"word", begin, begin + word.size(), {}, {}};
    const std::string_view original = nahr::testing::original_text_of(doc, span);
    nahr::model::Document alone;
    alone.set_text(original);
    harness.run(stage, alone);
    const std::vector<std::string_view> words = words_of(alone.text());
    if (std::find(words.begin(), words.end(), word) == words.end()) {
      check.failures.push_back(std::string(word) + " <- " + std::string(original));
    }
  }
}

}  // namespace normalise_arabic::testing
