// Lays out possibly overlapping spans of a text as properly nested elements.
//
// HTML elements must nest, annotations need not: an entity may straddle the
// end of a quote. The layout cuts the text at every span boundary and wraps
// each piece in the spans that cover it, closing and reopening a span where
// one that started earlier ends inside it. Spans that start earlier (and, at
// the same start, the longer ones) are outermost, so a span is cut only
// where another span truly crosses it, never where one merely nests.
#pragma once

#include <cstdint>
#include <vector>

namespace nahr::write_html {

struct Mark {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;  // begin < end <= text size
  std::uint32_t id = 0;   // the caller's; marks with equal spans nest by id
};

struct LayoutEvent {
  enum class Kind : std::uint8_t { text, open, close };
  Kind kind = Kind::text;
  bool first_piece = false;  // open: the mark's first piece (where an anchor id goes)
  std::uint32_t id = 0;      // open, close
  std::uint64_t begin = 0;   // text: the piece [begin, end)
  std::uint64_t end = 0;
};

class SpanLayout {
 public:
  // Replaces events() with the layout of `marks` over a text of `size`
  // bytes: text pieces covering [0, size) in order, each inside the open
  // events of the marks that cover it. Reorders `marks`.
  void lay_out(std::vector<Mark>& marks, std::uint64_t size);

  const std::vector<LayoutEvent>& events() const { return events_; }

 private:
  void text(std::uint64_t to);
  void close_ending_at(std::uint64_t at, const std::vector<Mark>& marks);

  std::uint64_t at_ = 0;             // text before this offset is laid out
  std::vector<std::uint32_t> open_;  // indices into the sorted marks, outermost first
  std::vector<std::uint32_t> reopen_;
  std::vector<std::uint64_t> ends_;  // every end offset, sorted
  std::vector<LayoutEvent> events_;
};

}  // namespace nahr::write_html
