// UTF-8 decoding and the few character properties the rules depend on,
// without ICU: the rules only ask whether a character is a space, a digit,
// a combining mark or part of a word.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace normalise_arabic {

// Stands for a byte that does not start a valid UTF-8 sequence.
inline constexpr char32_t kInvalid = 0xFFFFFFFF;

struct Decoded {
  char32_t cp = kInvalid;
  std::uint32_t size = 1;  // bytes; an invalid byte counts as one
};

// The code point starting at text[i] (i < text.size()). Overlong forms and
// surrogates are invalid, so a broken byte is never mistaken for, say, a
// digit and silently repaired.
inline Decoded decode(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const auto continuation = [&](std::size_t k) {
    return k < text.size() && (byte(k) & 0xC0) == 0x80;
  };
  const unsigned char b = byte(i);
  if (b < 0x80) return {b, 1};
  std::uint32_t size = 0;
  char32_t cp = 0, least = 0;
  if ((b & 0xE0) == 0xC0)
    size = 2, cp = b & 0x1F, least = 0x80;
  else if ((b & 0xF0) == 0xE0)
    size = 3, cp = b & 0x0F, least = 0x800;
  else if ((b & 0xF8) == 0xF0)
    size = 4, cp = b & 0x07, least = 0x10000;
  else
    return {};
  for (std::uint32_t k = 1; k < size; ++k) {
    if (!continuation(i + k)) return {};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, size};
}

// The code point ending just before text[i] (0 < i <= text.size()).
inline Decoded decode_before(std::string_view text, std::size_t i) {
  std::size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  const Decoded d = decode(text, start);
  if (d.cp != kInvalid && start + d.size == i) return d;
  return {};
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

inline bool is_digit(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) ||
         (cp >= 0x06F0 && cp <= 0x06F9);
}

// Arabic combining marks (general category Mn) of U+0600..U+06FF.
inline bool is_arabic_mark(char32_t cp) {
  return (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
         (cp >= 0x06D6 && cp <= 0x06DC) || (cp >= 0x06DF && cp <= 0x06E4) ||
         (cp >= 0x06E7 && cp <= 0x06E8) || (cp >= 0x06EA && cp <= 0x06ED);
}

// What the character before a position is, as far as the context-dependent
// rules care (whitespace collapsing, controls turned into spaces, digit
// separators, where a removed mark belongs).
enum class CharClass : std::uint8_t {
  start,       // nothing before: the start of the text
  line_break,  // \n or \r
  space,       // space, tab, no-break and other Unicode spaces (Zs)
  digit,       // 0-9, Arabic-Indic and Persian digits
  word,        // letters and combining marks of any script, tatweel
  other,       // punctuation, symbols, controls, invalid bytes
};

inline bool is_word(CharClass c) { return c == CharClass::word || c == CharClass::digit; }

inline bool is_unicode_space(char32_t cp) {
  return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

inline CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t') return CharClass::space;
    if (cp == '\n' || cp == '\r') return CharClass::line_break;
    if (cp >= '0' && cp <= '9') return CharClass::digit;
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return CharClass::word;
    return CharClass::other;
  }
  if (is_unicode_space(cp)) return CharClass::space;
  if (is_digit(cp)) return CharClass::digit;
  if (cp >= 0x0600 && cp <= 0x06FF) {
    // Arabic punctuation, signs and symbols; everything else in the block
    // is a letter, a mark or tatweel.
    const bool other = cp <= 0x060F || (cp >= 0x061B && cp <= 0x061F) ||
                       (cp >= 0x066A && cp <= 0x066D) || cp == 0x06D4 || cp == 0x06DD ||
                       cp == 0x06DE || cp == 0x06E9 || cp == 0x06FD || cp == 0x06FE;
    return other ? CharClass::other : CharClass::word;
  }
  // Latin-1 punctuation and signs; General Punctuation up to the symbol
  // blocks (U+2000..U+2BFF); CJK punctuation; ornate parentheses; vertical,
  // small and half forms; BOM; specials; the emoji planes.
  const bool other = cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
                     (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFD3E || cp == 0xFD3F ||
                     (cp >= 0xFE10 && cp <= 0xFE6F) || cp == 0xFEFF ||
                     (cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
                     cp == kInvalid;
  return other ? CharClass::other : CharClass::word;
}

}  // namespace normalise_arabic
