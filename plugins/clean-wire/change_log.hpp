// A TextRewriter that also remembers which rule made each change, so that
// once the text is rewritten every change can be recorded as an annotation.
#pragma once

#include <nahr/document.hpp>
#include <nahr/text_rewriter.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::clean_wire {

enum class Rule { entity, stray_fragment, control_character, doubled_word };

std::string_view rule_name(Rule rule);

class ChangeLog {
 public:
  // With `record` false it is a plain TextRewriter and remembers nothing.
  ChangeLog(std::string_view text, bool record) : text_(text), rewriter_(text), record_(record) {}

  // Changes must come in text order (see TextRewriter::replace).
  void replace(std::size_t begin, std::size_t end, std::string_view replacement, Rule rule);
  void erase(std::size_t begin, std::size_t end, Rule rule) { replace(begin, end, {}, rule); }

  // Rewrites the document and, when recording, annotates each change as
  // "clean-wire.change" (a deletion as an empty span where the text was).
  // Returns whether anything changed.
  bool commit(Document& doc);

 private:
  struct Change {
    Rule rule;
    std::string from;  // the text replaced, with control characters spelled U+XXXX
  };

  std::string_view text_;
  TextRewriter rewriter_;
  bool record_;
  std::vector<Change> changes_;
};

}  // namespace nahr::clean_wire
