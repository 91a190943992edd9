#include "change_log.hpp"

#include <nahr/text/utf8.hpp>

namespace nahr::clean_wire {

namespace {

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// The replaced text as something a reader can see: controls as "U+0007".
std::string describe(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const utf8::CodePoint cp = utf8::decode(text, i);
    if (is_control(cp.value)) {
      static constexpr char digits[] = "0123456789ABCDEF";
      out += "U+00";  // every control is below U+0100
      out += digits[cp.value >> 4];
      out += digits[cp.value & 0xF];
    } else {
      out.append(text, i, cp.length);
    }
    i += cp.length;
  }
  return out;
}

}  // namespace

std::string_view rule_name(Rule rule) {
  switch (rule) {
    case Rule::entity:
      return "entity";
    case Rule::stray_fragment:
      return "stray-fragment";
    case Rule::control_character:
      return "control-character";
    case Rule::doubled_word:
      return "doubled-word";
  }
  return "?";
}

void ChangeLog::replace(std::size_t begin, std::size_t end, std::string_view replacement,
                        Rule rule) {
  rewriter_.replace(begin, end, replacement);
  if (record_) changes_.push_back({rule, describe(text_.substr(begin, end - begin))});
}

bool ChangeLog::commit(Document& doc) {
  if (!rewriter_.changed()) return false;
  rewriter_.commit(doc);
  const std::vector<nahr_edit>& edits = rewriter_.edits();
  for (std::size_t k = 0; k < changes_.size(); ++k) {
    doc.annotate("clean-wire.change", {edits[k].new_begin, edits[k].new_end})
        .set("rule", rule_name(changes_[k].rule))
        .set("from", changes_[k].from);
  }
  return true;
}

}  // namespace nahr::clean_wire
