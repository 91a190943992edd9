#include "doubled_words.hpp"

#include <algorithm>
#include <functional>

#include <nahr/text/utf8.hpp>

namespace nahr::clean_wire {

std::vector<Repetition> find_doubled_words(std::string_view text, const CharTable& chars,
                                           std::span<const std::string> allowed) {
  std::vector<Repetition> found;
  std::string_view previous;     // the last word that may be doubled, if it ended the last word
  std::size_t previous_end = 0;  // end of the last word
  bool joined = false;           // only white space, at most one line break since previous_end
  std::size_t line_breaks = 0;
  for (std::size_t i = 0; i < text.size();) {
    utf8::CodePoint cp = utf8::decode(text, i);
    CharClass cls = chars.classify(cp.value);
    if (!cls.is_word()) {
      if (cls.kind == CharKind::line_break) {
        joined = joined && ++line_breaks < 2;
      } else if (cls.kind != CharKind::space) {
        joined = false;
      }
      i += cp.length;
      continue;
    }
    const std::size_t begin = i;
    std::size_t letters = 0;
    bool digits = false;
    do {
      letters += cls.kind == CharKind::letter;
      digits = digits || cls.kind == CharKind::number;
      i += cp.length;
      if (i == text.size()) break;
      cp = utf8::decode(text, i);
      cls = chars.classify(cp.value);
    } while (cls.is_word());
    const std::string_view word = text.substr(begin, i - begin);
    const bool candidate = letters >= 2 && !digits;
    if (candidate && joined && word == previous &&
        !std::ranges::binary_search(allowed, word, std::less<>{})) {
      found.push_back({{begin, i}, previous_end});
    } else {
      previous = candidate ? word : std::string_view{};
    }
    previous_end = i;
    joined = !previous.empty();
    line_breaks = 0;
  }
  return found;
}

}  // namespace nahr::clean_wire
