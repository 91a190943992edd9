#include "char_class.hpp"

namespace extract_tokens {
namespace {

using C = CharClass;

bool in(char32_t cp, char32_t from, char32_t to) { return cp >= from && cp <= to; }

CharClass classify_latin1(char32_t cp) {
  if (cp <= 0xA0) return C::blank;  // C1 controls, no-break space
  if (cp >= 0xC0) return (cp == 0xD7 || cp == 0xF7) ? C::symbol : C::latin_letter;
  switch (cp) {
    case 0xA1: case 0xA7: case 0xAB: case 0xB6: case 0xB7: case 0xBB: case 0xBF: return C::punct;
    case 0xAA: case 0xBA: return C::latin_letter;
    case 0xAD: return C::blank;  // soft hyphen
    default: return C::symbol;
  }
}

CharClass classify_punctuation_block(char32_t cp) {  // U+2000..U+206F
  if (cp <= 0x200B || in(cp, 0x200E, 0x200F) || in(cp, 0x2028, 0x202F) || cp >= 0x205F) {
    return C::blank;
  }
  if (cp == 0x200C || cp == 0x200D) return C::joiner;
  if (cp == 0x2044 || cp == 0x2052) return C::symbol;
  return C::punct;
}

}  // namespace

CharClass classify(char32_t cp) {
  if (cp < 0x80) return kAsciiClasses[cp];
  if (cp < 0x100) return classify_latin1(cp);
  if (in(cp, 0x0600, 0x06FF)) return kArabicClasses[cp - 0x0600];
  if (cp < 0x0300) return C::latin_letter;  // Latin Extended-A/B, IPA, modifier letters
  if (cp < 0x0370) return C::mark;
  if (in(cp, 0x0591, 0x05C7)) {
    return (cp == 0x05BE || cp == 0x05C0 || cp == 0x05C3 || cp == 0x05C6) ? C::punct : C::mark;
  }
  if (cp == 0x037E || cp == 0x0387 || in(cp, 0x055A, 0x055F) || cp == 0x0589 || cp == 0x05F3 ||
      cp == 0x05F4) {
    return C::punct;
  }
  if (cp < 0x0600) return C::other_letter;  // Greek, Cyrillic, Armenian, Hebrew
  if (in(cp, 0x0750, 0x077F) || in(cp, 0x08A0, 0x08C9)) return C::arabic_letter;
  if (in(cp, 0x08CA, 0x08FF)) return C::arabic_mark;
  if (in(cp, 0x1E00, 0x1EFF)) return C::latin_letter;
  if (in(cp, 0x2000, 0x206F)) return classify_punctuation_block(cp);
  if (in(cp, 0x20D0, 0x20FF)) return C::mark;  // combining marks for symbols (keycap)
  if (in(cp, 0x2070, 0x2BFF)) return C::symbol;  // super/subscripts, currency, arrows, maths, dingbats
  if (in(cp, 0x2E00, 0x2E7F)) return C::punct;
  if (cp == 0x3000) return C::blank;
  if (in(cp, 0x3001, 0x3003) || in(cp, 0x3008, 0x3011) || in(cp, 0x3014, 0x301F)) return C::punct;
  if (in(cp, 0xFB50, 0xFDFF)) {
    if (cp == 0xFD3E || cp == 0xFD3F) return C::punct;
    return cp >= 0xFDFC ? C::symbol : C::arabic_letter;  // ﷼ ﷽
  }
  if (in(cp, 0xFE00, 0xFE0F) || in(cp, 0xFE20, 0xFE2F)) return C::mark;
  if (in(cp, 0xFE10, 0xFE6F) || in(cp, 0xFF01, 0xFF0F)) return C::punct;
  if (in(cp, 0xFE70, 0xFEFC)) return C::arabic_letter;
  if (cp == 0xFEFF) return C::blank;
  if (in(cp, 0xFFF0, 0xFFFF) || in(cp, 0x1F000, 0x1FAFF)) return C::symbol;
  if (in(cp, 0xE0000, 0xE007F)) return C::mark;  // tags (flag sequences)
  if (cp > 0x10FFFF) return C::blank;            // invalid byte
  return C::other_letter;
}

}  // namespace extract_tokens
