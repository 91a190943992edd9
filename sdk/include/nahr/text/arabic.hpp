// Arabic script facts the stages share: the digits Arabic text is written
// with, its combining marks, and the folding that turns a word into the key
// lexicons are looked up by, so that raw wire text and text normalise-arabic
// has already folded match the same entries.
#pragma once

#include <nahr/text/utf8.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace nahr::arabic {

inline constexpr char32_t kTatweel = 0x0640;

// 0-9, Arabic-Indic ٠-٩ and Persian (Extended Arabic-Indic) ۰-۹.
constexpr bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

// Tashkeel: tanween, the short vowels, shadda and sukun (U+064B..U+0652).
constexpr bool is_tashkeel(char32_t c) { return c >= 0x064B && c <= 0x0652; }

// The combining marks (general category Mn) of U+0600..U+06FF: tashkeel,
// the other harakat, superscript alef and the Quranic annotation signs.
// Tatweel is no mark (it is a letter, Lm).
constexpr bool is_mark(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) ||
         (c >= 0x06E7 && c <= 0x06E8) || (c >= 0x06EA && c <= 0x06ED);
}

// What fold() does beyond what it always does: alef with hamza or madda and
// alef wasla → ا, ى → ي, tashkeel, superscript alef and tatweel dropped,
// Arabic-Indic and Persian digits → ASCII. Stages differ in how far a key
// may stray from the spelling, so these are theirs to choose.
struct FoldRules {
  // ٫ → '.' and ٬ → ',': number grammars then read `٣٫٥` like `3.5`.
  bool decimal_signs = false;
  // A-Z → a-z, for lexicons of Latin abbreviations (`Dr`, `U.N`).
  bool ascii_lowercase = false;
  // ة → ه, Persian ی → ي, Persian ک → ك: spellings names and words vary
  // in, at the cost of merging some distinct words (ة and ه endings).
  bool letter_variants = false;
  // ؤ → و, ئ → ي: hamza seats written with or without their hamza.
  bool hamza_seats = false;
  // Also every other mark in U+0610..U+061A, U+0653..U+065F and
  // U+06D6..U+06ED (Quranic signs, small high letters).
  bool all_marks = false;
};

// What `c` becomes in a folded key; 0 when it is left out. kInvalid and
// everything folding does not touch come back unchanged.
constexpr char32_t fold(char32_t c, FoldRules rules = {}) {
  if (c < 0x80) return rules.ascii_lowercase && c >= U'A' && c <= U'Z' ? c + 0x20 : c;
  switch (c) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
      return 0x0627;  // آ أ إ ٱ → ا
    case 0x0649:
      return 0x064A;  // ى → ي
    case 0x0670:
    case kTatweel:
      return 0;
    default:
      break;
  }
  if (is_tashkeel(c)) return 0;
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  if (rules.decimal_signs) {
    if (c == 0x066B) return U'.';
    if (c == 0x066C) return U',';
  }
  if (rules.letter_variants) {
    if (c == 0x0629) return 0x0647;  // ة → ه
    if (c == 0x06CC) return 0x064A;  // ی → ي
    if (c == 0x06A9) return 0x0643;  // ک → ك
  }
  if (rules.hamza_seats) {
    if (c == 0x0624) return 0x0648;  // ؤ → و
    if (c == 0x0626) return 0x064A;  // ئ → ي
  }
  if (rules.all_marks && ((c >= 0x0610 && c <= 0x061A) || (c >= 0x0653 && c <= 0x065F) ||
                          (c >= 0x06D6 && c <= 0x06ED))) {
    return 0;
  }
  return c;
}

// Appends the folded key of `text` to `out`. Characters folding leaves
// alone are copied byte for byte, ill-formed bytes included (they match no
// lexicon entry).
inline void append_folded(std::string& out, std::string_view text, FoldRules rules = {}) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      out += static_cast<char>(fold(lead, rules));
      ++i;
      continue;
    }
    const utf8::CodePoint c = utf8::decode(text, i);
    if (const char32_t folded = fold(c.value, rules); folded == c.value) {
      out.append(text, i, c.length);
    } else if (folded != 0) {
      utf8::append(out, folded);
    }
    i += c.length;
  }
}

inline std::string folded(std::string_view text, FoldRules rules = {}) {
  std::string out;
  append_folded(out, text, rules);
  return out;
}

// The byte offset in text[begin, end) after `letters` characters that stay
// in a folded key and the characters folding drops right after them: where
// a clitic of that many letters ends in the text (`وَ`, `بـ`).
inline std::size_t skip_folded_letters(std::string_view text, std::size_t begin, std::size_t end,
                                       std::size_t letters, FoldRules rules = {}) {
  std::size_t i = begin;
  while (i < end && letters > 0) {
    const utf8::CodePoint c = utf8::decode(text, i);
    if (fold(c.value, rules) != 0) --letters;
    i += c.length;
  }
  while (i < end) {
    const utf8::CodePoint c = utf8::decode(text, i);
    if (fold(c.value, rules) != 0) break;
    i += c.length;
  }
  return i;
}

}  // namespace nahr::arabic
