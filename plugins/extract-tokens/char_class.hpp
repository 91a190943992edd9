// The code-point classes the token scanner works with: a 128-entry table
// for ASCII, a 256-entry table for the Arabic block, and ranges for the rest.
#pragma once

#include <nahr/text/arabic.hpp>

#include <array>
#include <cstdint>

namespace extract_tokens {

enum class CharClass : std::uint8_t {
  blank,          // spaces, controls, bidi and zero-width marks, invalid bytes: between tokens
  joiner,         // ZWNJ, ZWJ: inside a word when a letter follows
  arabic_letter,  // letters of the Arabic script
  arabic_mark,    // tashkeel and other Arabic marks, tatweel: part of an Arabic word
  latin_letter,
  other_letter,   // letters of any other script (Greek, Cyrillic, Hebrew, CJK, ...)
  mark,           // other combining marks and variation selectors: part of the token before
  digit,          // 0-9, Arabic-Indic and Persian digits
  punct,
  symbol,         // currency, maths, arrows, emoji, ...
};

namespace detail {

constexpr std::array<CharClass, 128> make_ascii_table() {
  using C = CharClass;
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c <= 0x20 || c == 0x7F) t[c] = C::blank;
    else if (c >= '0' && c <= '9') t[c] = C::digit;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) t[c] = C::latin_letter;
    else t[c] = C::punct;
  }
  for (char c : {'$', '+', '<', '=', '>', '^', '`', '|', '~'}) t[c] = C::symbol;
  return t;
}

// U+0600..U+06FF, by the Unicode general category of each code point.
constexpr std::array<CharClass, 256> make_arabic_table() {
  using C = CharClass;
  std::array<CharClass, 256> t{};
  const auto set = [&](int from, int to, CharClass c) {
    for (int cp = from; cp <= to; ++cp) t[cp - 0x0600] = c;
  };
  set(0x0600, 0x06FF, C::arabic_letter);
  set(0x0600, 0x0605, C::blank);  // number signs (format characters)
  set(0x0606, 0x0608, C::symbol);
  set(0x0609, 0x060A, C::punct);  // per mille, per ten thousand
  set(0x060B, 0x060B, C::symbol);
  set(0x060C, 0x060D, C::punct);
  set(0x060E, 0x060F, C::symbol);
  set(0x0610, 0x061A, C::arabic_mark);
  set(0x061B, 0x061B, C::punct);
  set(0x061C, 0x061C, C::blank);  // Arabic letter mark (bidi)
  set(0x061D, 0x061F, C::punct);
  set(0x0640, 0x0640, C::arabic_mark);  // tatweel stays with its word: الـ
  set(0x064B, 0x065F, C::arabic_mark);
  set(0x0660, 0x0669, C::digit);
  set(0x066A, 0x066D, C::punct);
  set(0x0670, 0x0670, C::arabic_mark);
  set(0x06D4, 0x06D4, C::punct);
  set(0x06D6, 0x06DC, C::arabic_mark);
  set(0x06DD, 0x06DE, C::symbol);
  set(0x06DF, 0x06E4, C::arabic_mark);
  set(0x06E7, 0x06E8, C::arabic_mark);
  set(0x06E9, 0x06E9, C::symbol);
  set(0x06EA, 0x06ED, C::arabic_mark);
  set(0x06F0, 0x06F9, C::digit);
  set(0x06FD, 0x06FE, C::symbol);
  return t;
}

}  // namespace detail

inline constexpr auto kAsciiClasses = detail::make_ascii_table();
inline constexpr auto kArabicClasses = detail::make_arabic_table();  // U+0600..U+06FF

CharClass classify(char32_t cp);

using nahr::arabic::is_digit;  // 0-9, Arabic-Indic and Persian digits
inline bool is_ascii_alnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
}
inline bool is_letter(CharClass c) {
  return c == CharClass::arabic_letter || c == CharClass::latin_letter ||
         c == CharClass::other_letter;
}
// % ٪ ‰ ؉ ؊: stay with the number before them.
inline bool is_percent_sign(char32_t cp) {
  return cp == '%' || cp == 0x066A || cp == 0x2030 || cp == 0x0609 || cp == 0x060A;
}
// Between digits, these keep a number whole: 1,500 3.5 ٣٫٥ ١٬٥٠٠ 12/3/2019 10:30
inline bool is_number_separator(char32_t cp) {
  return cp == '.' || cp == ',' || cp == 0x066B || cp == 0x066C || cp == '/' || cp == ':';
}

}  // namespace extract_tokens
