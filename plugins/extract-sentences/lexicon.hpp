// The word lists the sentence rules consult: abbreviations whose full stop
// does not end a sentence, and the reporting verbs that carry a quotation
// on (`«…؟» قال الوزير`). Both are looked up by folded key.
#pragma once

#include <nahr/text/arabic.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace extract_sentences {

// How words are folded into the lists' keys (nahr/text/arabic.hpp), ASCII
// lower-cased: `Dr` and `DR` are one abbreviation.
inline constexpr nahr::arabic::FoldRules kKeyFolding{.ascii_lowercase = true};

class Lexicon {
 public:
  // `extra_abbreviations` are added to the built-in list (written as in
  // text, with inner full stops: `أ.د`, `Dr`).
  explicit Lexicon(const std::vector<std::string>& extra_abbreviations = {});

  bool is_abbreviation(std::string_view folded_word) const {
    return abbreviations_.find(folded_word) != abbreviations_.end();
  }
  bool is_reporting_verb(std::string_view folded_word) const {
    return reporting_verbs_.find(folded_word) != reporting_verbs_.end();
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, Hash, std::equal_to<>>;

  WordSet abbreviations_;
  WordSet reporting_verbs_;
};

}  // namespace extract_sentences
