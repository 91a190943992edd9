// The folded key words are looked up by, so a rule works the same on raw
// text and on text normalise-arabic has already folded: alef variants → ا,
// ى → ي, tashkeel (U+064B–U+0652), superscript alef and tatweel dropped,
// Arabic-Indic and Persian digits → ASCII, ASCII letters lower-cased.
#pragma once

#include "utf8.hpp"

#include <string>
#include <string_view>

namespace extract_sentences {

// The folded form of one code point; 0 when it folds away.
inline char32_t fold(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 0x20 : cp;
  switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // آ أ إ ٱ → ا
    case 0x0649: return 0x064A;                                         // ى → ي
    case 0x0640: case 0x0670: return 0;                                 // tatweel, superscript alef
    default: break;
  }
  if (cp >= 0x064B && cp <= 0x0652) return 0;
  if (cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
  return cp;
}

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Appends the folded form of `text` to `out`.
inline void append_folded(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (const char32_t f = fold(d.cp); f != 0 && f != kInvalid) append_utf8(out, f);
    i += d.size;
  }
}

inline std::string folded(std::string_view text) {
  std::string out;
  append_folded(out, text);
  return out;
}

}  // namespace extract_sentences
