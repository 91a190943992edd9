#include "quote_marks.hpp"

#include <array>
#include <nahr/text/lexicon_tokens.hpp>
#include <nahr/text/utf8.hpp>

namespace extract_quotes {
namespace {

// Bytes that can begin a quote mark or a line break: " \n \r and the lead
// bytes of « » (C2) and “ ” U+2028 U+2029 (E2).
constexpr auto kMayStartMark = [] {
  std::array<bool, 256> table{};
  for (const unsigned char b : std::array<unsigned char, 5>{'"', '\n', '\r', 0xC2, 0xE2})
    table[b] = true;
  return table;
}();

enum class Mark : std::uint8_t {
  none,
  guillemet_open,
  guillemet_close,
  curly_open,
  curly_close,
  straight,
  line_break
};

// The quote mark or line break at text[i], and its length in bytes.
Mark mark_at(std::string_view text, std::size_t i, std::size_t* length) {
  const auto byte = [&](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  *length = 1;
  switch (byte(i)) {
    case '"':
      return Mark::straight;
    case '\n':
    case '\r':
      return Mark::line_break;
    case 0xC2:
      *length = 2;
      if (byte(i + 1) == 0xAB) return Mark::guillemet_open;
      if (byte(i + 1) == 0xBB) return Mark::guillemet_close;
      if (byte(i + 1) == 0x85) return Mark::line_break;  // NEL
      return Mark::none;
    case 0xE2:
      *length = 3;
      if (byte(i + 1) == 0x80 && byte(i + 2) == 0x9C) return Mark::curly_open;
      if (byte(i + 1) == 0x80 && byte(i + 2) == 0x9D) return Mark::curly_close;
      if (byte(i + 1) == 0x80 && (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9)) {
        return Mark::line_break;  // U+2028 U+2029
      }
      return Mark::none;
    default:
      return Mark::none;
  }
}

// The character at text[i] is a blank or a line break.
bool blank_or_line_break_at(std::string_view text, std::size_t i) {
  using nahr::lexicon::LexiconCharClass;
  const LexiconCharClass c = nahr::lexicon::lexicon_char_class(nahr::utf8::decode(text, i).value);
  return c == LexiconCharClass::blank || c == LexiconCharClass::line_break;
}

bool blank_or_edge_before(std::string_view text, std::size_t i) {
  if (i == 0) return true;
  std::size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80)
    --k;  // start of the previous code point
  return blank_or_line_break_at(text, k);
}

bool blank_or_edge_after(std::string_view text, std::size_t i) {
  return i >= text.size() || blank_or_line_break_at(text, i);
}

}  // namespace

// One open quote at a time; marks of another kind inside it are nested
// quotation and stay part of it. A straight quote opens where a word
// follows it and closes where a word precedes it, so a stray one between
// spaces changes nothing. Curly quotes also close with “ and open with ”
// when that is how they sit (“…“, ”…”), as in some wire copy.
void find_quotes(std::string_view text, std::vector<QuoteSpan>& out) {
  out.clear();
  Mark open = Mark::none;  // the opening mark of the current quote
  int depth = 0;           // nested «» inside the current «»
  std::uint32_t open_at = 0;
  std::uint32_t inside = 0;
  const auto start = [&](Mark mark, std::size_t i, std::size_t length) {
    open = mark;
    depth = 1;
    open_at = static_cast<std::uint32_t>(i);
    inside = static_cast<std::uint32_t>(i + length);
  };
  const auto finish = [&](std::size_t i, std::size_t length) {
    const auto end = static_cast<std::uint32_t>(i);
    if (end > inside) out.push_back({open_at, inside, end, static_cast<std::uint32_t>(i + length)});
    open = Mark::none;
  };

  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && !kMayStartMark[static_cast<unsigned char>(text[i])]) ++i;
    if (i == text.size()) break;
    std::size_t length = 1;
    const Mark mark = mark_at(text, i, &length);
    switch (mark) {
      case Mark::none:
        break;
      case Mark::line_break:
        open = Mark::none;  // an unclosed quote ends with its paragraph, unreported
        break;
      case Mark::guillemet_open:
        if (open == Mark::none) {
          start(mark, i, length);
        } else if (open == Mark::guillemet_open) {
          ++depth;
        }
        break;
      case Mark::guillemet_close:
        if (open == Mark::guillemet_open && --depth == 0) finish(i, length);
        break;
      case Mark::curly_open:
        if (open == Mark::none) {
          start(mark, i, length);
        } else if ((open == Mark::curly_open || open == Mark::curly_close) &&
                   !blank_or_edge_before(text, i) && blank_or_edge_after(text, i + length)) {
          finish(i, length);
        }
        break;
      case Mark::curly_close:
        if (open == Mark::curly_open || open == Mark::curly_close) {
          finish(i, length);
        } else if (open == Mark::none && blank_or_edge_before(text, i) &&
                   !blank_or_edge_after(text, i + length)) {
          start(mark, i, length);
        }
        break;
      case Mark::straight:
        if (open == Mark::straight) {
          if (!blank_or_edge_before(text, i)) finish(i, length);
        } else if (open == Mark::none && !blank_or_edge_after(text, i + length)) {
          start(mark, i, length);
        }
        break;
    }
    i += length;
  }
}

}  // namespace extract_quotes
