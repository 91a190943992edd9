// Lenient UTF-8 decoding and the folded key that lexicon lookups use, so
// that raw wire text and normalise-arabic's output match the same entries:
// alef variants → ا, ى → ي, tashkeel and tatweel dropped, Arabic-Indic and
// Persian digits → ASCII.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace extract_dates {

struct CodePoint {
  char32_t value;
  std::uint32_t length;
};

// The code point at text[i] (i < text.size()); a byte that does not start a
// well-formed sequence reads as U+FFFD, one byte long, so scans always advance.
inline CodePoint decode_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1};
  const std::uint32_t length = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
  if (length == 0 || i + length > text.size()) return {0xFFFD, 1};
  char32_t value = lead & (0x7F >> length);
  for (std::uint32_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
    value = value << 6 | (byte(i + k) & 0x3F);
  }
  const char32_t shortest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
  if (value < shortest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {0xFFFD, 1};
  return {value, length};
}

inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Horizontal space, and the invisible format controls wire copy scatters
// between words (bidi marks, zero-width spaces, BOM).
constexpr bool is_blank(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202F) || c == 0x205F || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x3000 || c == 0xFEFF;
}

constexpr bool is_line_break(char32_t c) {
  return c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029 || c == 0x0085;
}

// What `c` becomes in a folded key; 0 when it is left out of the key.
constexpr char32_t fold(char32_t c) {
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // آ أ إ ٱ → ا
    case 0x0649: return 0x064A;                                         // ى → ي
    case 0x066B: return U'.';                                           // ٫
    case 0x066C: return U',';                                           // ٬
    default: break;
  }
  if ((c >= 0x064B && c <= 0x0652) || c == 0x0670 || c == 0x0640) return 0;
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  return c;
}

// Replaces `out` with the folded key of `word`.
inline void fold_into(std::string_view word, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < word.size();) {
    const auto lead = static_cast<unsigned char>(word[i]);
    if (lead < 0x80) {
      out += static_cast<char>(lead);
      ++i;
      continue;
    }
    const CodePoint cp = decode_at(word, i);
    if (const char32_t folded = fold(cp.value)) {
      if (folded == cp.value) out.append(word.substr(i, cp.length));
      else append_utf8(out, folded);
    }
    i += cp.length;
  }
}

inline std::string folded(std::string_view word) {
  std::string out;
  fold_into(word, out);
  return out;
}

}  // namespace extract_dates
