// The few character properties the rules depend on, without ICU: the
// rules only ask whether a character is a space, a digit, a combining mark
// or part of a word. UTF-8 and the Arabic classes come from the SDK.
#pragma once

#include <nahr/text/arabic.hpp>
#include <nahr/text/utf8.hpp>

#include <cstdint>

namespace normalise_arabic {

using nahr::arabic::is_digit;
using nahr::utf8::CodePoint;
using nahr::utf8::decode;
using nahr::utf8::decode_before;
using nahr::utf8::kInvalid;

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
