// The words that attribute speech: reporting verbs in their finite forms
// (قال، أضافت، يقول), their participles (مؤكدا، مشيرة), which take the
// subject of the clause they hang on, and the attributions بحسب، وفق،
// نقلا عن. Each maps to the base form the `verb` attribute reports (3rd
// person masculine singular past: قالت → قال, مؤكدا → أكد).
#pragma once

#include <cstdint>
#include <string_view>

namespace extract_quotes {

enum class Attribution : std::uint8_t {
  finite,      // وقال X إن "…"، «…»، أضاف X
  participle,  // …، مؤكدا أن «…»: the speaker is the clause's subject
  according,   // بحسب X، وفق X، نقلا عن X
};

struct ReportingWord {
  std::string_view base;  // for the `verb` attribute
  Attribution kind;
  bool noun_too = false;  // spelled like a common noun (كشف، ذكر، تابع، رأى/رأي)
};

// The reporting word whose folded key is `key` (no clitic), or null.
const ReportingWord* reporting_word(std::string_view key);

// Small closed classes the speaker rules test, by folded key.
bool is_complementiser(std::string_view key);  // إن، أن، بأن، إنه…: the reported clause starts
bool is_preposition(std::string_view key);  // في، عن، إلى، خلال…: what follows is not the subject
bool is_temporal(std::string_view key);  // الخميس، أمس، مساء…: an adverb before the subject

}  // namespace extract_quotes
