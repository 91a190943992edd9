// The character properties the sentence rules ask about, without ICU: is it
// blank, a sentence terminator, a closing mark, a letter (and of which
// script). UTF-8, line breaks and digits come from the SDK.
#pragma once

#include <nahr/text/arabic.hpp>
#include <nahr/text/chars.hpp>
#include <nahr/text/utf8.hpp>

namespace extract_sentences {

using nahr::arabic::is_digit;
using nahr::chars::is_line_break;
using nahr::utf8::CodePoint;
using nahr::utf8::decode;
using nahr::utf8::decode_before;
using nahr::utf8::kInvalid;

// Spaces, controls and invisible format characters (bidi marks, zero-width
// space, BOM): nothing a sentence starts or ends with.
inline bool is_blank(char32_t cp) {
  if (cp < 0x80) return cp <= 0x20 || cp == 0x7F;
  return cp == 0x00A0 || cp == 0x0085 || cp == 0x061C || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
         (cp >= 0x205F && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x3000 ||
         cp == 0xFEFF || cp == kInvalid;
}

// . ! ? ؟ … and the Arabic full stop ۔ plus the doubled marks ‼ ⁇ ⁈ ⁉.
inline bool is_terminator(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F || cp == 0x06D4 || cp == 0x2026 ||
         cp == 0x203C || (cp >= 0x2047 && cp <= 0x2049);
}

// Marks that close a quotation or a parenthesis and stay with the sentence
// they end: `انتهى.»` `انتهى.)`. The ASCII `"` is decided by context.
inline bool is_closing_mark(char32_t cp) {
  return cp == 0x00BB || cp == 0x201D || cp == 0x2019 || cp == 0x203A || cp == ')' || cp == ']' ||
         cp == '}';
}
inline bool is_quote_mark(char32_t cp) {
  return cp == '"' || cp == 0x00BB || cp == 0x201D || cp == 0x2019 || cp == 0x203A;
}

// Punctuation after which a sentence carries on even though a terminator
// came first: `«هل انتهى؟»، قال` is one sentence.
inline bool is_continuation_mark(char32_t cp) {
  return cp == 0x060C || cp == ',' || cp == 0x061B || cp == ';';
}

// Arabic letters of the main block, supplements and presentation forms.
inline bool is_arabic_letter(char32_t cp) {
  return (cp >= 0x0620 && cp <= 0x063F) || (cp >= 0x0641 && cp <= 0x064A) ||
         (cp >= 0x066E && cp <= 0x066F) || (cp >= 0x0671 && cp <= 0x06D3) || cp == 0x06D5 ||
         (cp >= 0x06EE && cp <= 0x06EF) || (cp >= 0x06FA && cp <= 0x06FC) || cp == 0x06FF ||
         (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08C9) ||
         (cp >= 0xFB50 && cp <= 0xFD3D) || (cp >= 0xFD50 && cp <= 0xFDFB) ||
         (cp >= 0xFE70 && cp <= 0xFEFC);
}

// Combining marks and tatweel: they belong to the letter before them and
// are not letters themselves (`هـ.` is one letter).
inline bool is_letter_mark(char32_t cp) {
  return (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0640 ||
         cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED && cp != 0x06DD && cp != 0x06DE) ||
         (cp >= 0x08CA && cp <= 0x08FF) || (cp >= 0x0300 && cp <= 0x036F);
}

inline bool is_latin_lower(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0x00DF && cp <= 0x00FF && cp != 0x00F7);
}
inline bool is_latin_letter(char32_t cp) {
  return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
         (cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7) ||
         (cp >= 0x1E00 && cp <= 0x1EFF);
}

// Letters of the scripts wire copy mixes in besides Arabic and Latin
// (Greek, Cyrillic, Hebrew, Persian/Urdu extensions are in the Arabic range).
inline bool is_other_letter(char32_t cp) {
  return (cp >= 0x0370 && cp <= 0x03FF && cp != 0x037E && cp != 0x0387) ||
         (cp >= 0x0400 && cp <= 0x052F) || (cp >= 0x05D0 && cp <= 0x05EA) ||
         (cp >= 0x4E00 && cp <= 0x9FFF);
}

inline bool is_letter(char32_t cp) {
  return is_arabic_letter(cp) || is_latin_letter(cp) || is_other_letter(cp);
}

}  // namespace extract_sentences
