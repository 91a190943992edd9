// The built-in word lists the rules use, written in ordinary spelling (the
// lexicon folds them). They are grammar, not names: names belong in the
// gazetteers, which users can extend.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace extract_entities {

struct RuleWords {
  std::uint32_t classes;   // word_class bits
  std::string_view words;  // separated by spaces or line breaks
};

std::span<const RuleWords> rule_words();

}  // namespace extract_entities
