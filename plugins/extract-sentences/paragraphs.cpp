#include "paragraphs.hpp"

#include "characters.hpp"

namespace extract_sentences {
namespace {

// Length in bytes of the line break starting at text[i], 0 if none.
std::size_t line_break_at(std::string_view text, std::size_t i) {
  const unsigned char b = static_cast<unsigned char>(text[i]);
  if (b == '\n') return 1;
  if (b == '\r') return (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
  if (b != 0xC2 && b != 0xE2) return 0;
  const CodePoint d = decode(text, i);
  return is_line_break(d.value) ? d.length : 0;
}

bool is_paragraph_separator(std::string_view text, std::size_t i) {
  return text.substr(i, 3) == "\u2029";
}

// Where the blanks (other than line breaks) starting at i end.
std::size_t skip_spaces(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    const CodePoint d = decode(text, i);
    if (!is_blank(d.value) || is_line_break(d.value)) break;
    i += d.length;
  }
  return i;
}

}  // namespace

Range trim(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin < end) {
    const CodePoint d = decode(text, begin);
    if (!is_blank(d.value)) break;
    begin += d.length;
  }
  while (end > begin) {
    const CodePoint d = decode_before(text, end);
    if (!is_blank(d.value)) break;
    end -= d.length;
  }
  return {begin, end};
}

void find_paragraphs(std::string_view text, ParagraphBreaks mode, std::vector<Range>& out) {
  const auto emit = [&](std::size_t begin, std::size_t end) {
    if (const Range r = trim(text, begin, end); r.begin < r.end) out.push_back(r);
  };
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    // Only these bytes start a line break (\n \r U+0085 U+2028 U+2029);
    // continuation bytes never do, so bytewise is fine.
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b != '\n' && b != '\r' && b != 0xC2 && b != 0xE2) {
      ++i;
      continue;
    }
    const std::size_t length = line_break_at(text, i);
    if (length == 0) {
      ++i;
      continue;
    }
    const std::size_t after = i + length;
    if (mode == ParagraphBreaks::newline || is_paragraph_separator(text, i)) {
      emit(start, i);
      start = after;
      i = after;
      continue;
    }
    // blank_line: the paragraph ends if only spaces separate this line
    // break from the next one (or from the end of the text).
    const std::size_t next = skip_spaces(text, after);
    if (next == text.size() || line_break_at(text, next) != 0) {
      emit(start, i);
      start = next;
    }
    i = next;
  }
  emit(start, text.size());
}

}  // namespace extract_sentences
