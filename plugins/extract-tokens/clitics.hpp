// Light, conservative segmentation of Arabic proclitics: the conjunctions
// و ف, the prepositions ب ل ك and the article ال (ل + ال is written لل).
// It reads the word only; token boundaries are the tokenizer's business.
// When unsure it strips nothing: see README.md for the rules and limits.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace extract_tokens {

enum class PrefixKind : std::uint8_t { conjunction, preposition, article };

struct Prefix {
  PrefixKind kind;
  char32_t letter;  // و ف ب ل ك, or ا for the article
  std::size_t begin, end;  // bytes inside the word, marks included
};

struct Segmentation {
  std::array<Prefix, 3> prefixes{};
  std::size_t count = 0;
  std::size_t stem_begin = 0;  // bytes inside the word; 0 when nothing was stripped
};

class CliticSegmenter {
 public:
  CliticSegmenter();

  // `word` is one Arabic word token.
  Segmentation segment(std::string_view word);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, Hash, std::equal_to<>>;

  enum class PrepositionFit { none, article, elided_article, phrase };

  struct Letter {
    char32_t folded;
    std::size_t begin, end;
  };

  bool collect_letters(std::string_view word);
  char32_t letter(std::size_t k) const { return k < letters_.size() ? letters_[k].folded : 0; }
  bool article_at(std::size_t k) const;  // ال at letter k
  // The folded letters from k on, optionally after `before`.
  std::string_view key(std::size_t from, std::string_view before = {});
  bool natural_waw_word();
  bool conjunction_fits();
  PrepositionFit preposition_fits(std::size_t k);

  WordSet whole_exceptions_;    // never segmented
  WordSet article_exceptions_;  // start with ال that is not the article
  WordSet natural_waw_stems_;   // words that start with a root و
  WordSet function_words_;      // words a conjunction is certainly attached to
  WordSet preposition_phrases_; // ب/ل + a word, written as one

  std::vector<Letter> letters_;  // reused
  std::string key_;
};

}  // namespace extract_tokens
