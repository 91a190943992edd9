// Paragraphs: the hard boundaries no sentence crosses.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace extract_sentences {

enum class ParagraphBreaks {
  newline,     // every line break ends a paragraph (one paragraph per line)
  blank_line,  // only a blank line (or U+2029) does; single line breaks are spaces
};

struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Range&, const Range&) = default;
};

// Appends the paragraphs of `text` to `out`, in order, without surrounding
// blanks; blank paragraphs are skipped. U+2029 (paragraph separator) ends a
// paragraph in both modes; \r\n counts as one line break.
void find_paragraphs(std::string_view text, ParagraphBreaks mode, std::vector<Range>& out);

// [begin, end) without leading and trailing blanks (spaces, line breaks,
// controls, bidi and zero-width marks); empty when all blank.
Range trim(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace extract_sentences
