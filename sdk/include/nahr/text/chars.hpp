// What separates words and lines in wire text, beyond ' ' and '\n'.
#pragma once

namespace nahr::chars {

// \n, \r, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
constexpr bool is_line_break(char32_t c) {
  return c == U'\n' || c == U'\r' || c == 0x0085 || c == 0x2028 || c == 0x2029;
}

// Horizontal space (the Unicode spaces between words), and the invisible
// format controls wire copy scatters between words: bidi marks, zero-width
// spaces and joiners, the BOM.
constexpr bool is_blank(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202F) || c == 0x205F || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x3000 || c == 0xFEFF;
}

}  // namespace nahr::chars
