// UTF-8 decoding, character classes and the folded key every lookup uses,
// so raw wire text and normalise-arabic's output match the same gazetteer
// entries: alef variants → ا, ى → ي, ة → ه, Persian yeh and kaf → Arabic
// ones, tashkeel, Quranic marks and tatweel dropped, Arabic-Indic and
// Persian digits → ASCII. Hamza seats (ؤ ئ) stay: قائد is not قايد.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace extract_entities {

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
  const std::uint32_t length = lead < 0xC2   ? 0
                               : lead < 0xE0 ? 2
                               : lead < 0xF0 ? 3
                               : lead < 0xF5 ? 4
                                             : 0;
  if (length == 0 || i + length > text.size()) return {0xFFFD, 1};
  char32_t value = lead & (0x7F >> length);
  for (std::uint32_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
    value = value << 6 | (byte(i + k) & 0x3F);
  }
  const char32_t shortest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
  if (value < shortest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return {0xFFFD, 1};
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

enum class CharClass : std::uint8_t {
  blank,
  line_break,
  arabic_letter,
  arabic_mark,
  digit,
  latin,
  other
};

constexpr CharClass classify(char32_t c) {
  if (c < 0x80) {
    if (c == U' ' || c == U'\t' || c == U'\f' || c == U'\v') return CharClass::blank;
    if (c == U'\n' || c == U'\r') return CharClass::line_break;
    if (c >= U'0' && c <= U'9') return CharClass::digit;
    if ((c | 0x20) >= U'a' && (c | 0x20) <= U'z') return CharClass::latin;
    return CharClass::other;
  }
  if (c >= 0x0600 && c <= 0x06FF) {
    if ((c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
        (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640) {
      return CharClass::arabic_mark;
    }
    if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) return CharClass::digit;
    if ((c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
        c == 0x06EE || c == 0x06EF || (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF) {
      return CharClass::arabic_letter;
    }
    return CharClass::other;  // ، ؛ ؟ ٪ ٫ and friends
  }
  if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)) return CharClass::arabic_letter;
  if (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) return CharClass::latin;
  if (c == 0x00A0 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x202A && c <= 0x202F) || c == 0x205F ||
      (c >= 0x2066 && c <= 0x2069) || c == 0x3000 || c == 0xFEFF) {
    return CharClass::blank;
  }
  if (c == 0x2028 || c == 0x2029 || c == 0x0085) return CharClass::line_break;
  return CharClass::other;
}

// What `c` becomes in a folded key; 0 when it is left out of the key.
constexpr char32_t fold(char32_t c) {
  switch (c) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
      return 0x0627;  // آ أ إ ٱ → ا
    case 0x0649:
    case 0x06CC:
      return 0x064A;  // ى ی → ي
    case 0x0629:
      return 0x0647;  // ة → ه
    case 0x06A9:
      return 0x0643;  // ک → ك
    case 0x066B:
      return U'.';  // ٫
    case 0x066C:
      return U',';  // ٬
    default:
      break;
  }
  if (classify(c) == CharClass::arabic_mark) return 0;
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  return c;
}

// Tables for the hot loops: ASCII and the Arabic block U+0600–U+06FF, where
// nearly every character of the text is.
inline constexpr auto kAsciiClass = [] {
  std::array<CharClass, 128> table{};
  for (char32_t c = 0; c < 128; ++c) table[c] = classify(c);
  return table;
}();
inline constexpr auto kArabicClass = [] {
  std::array<CharClass, 256> table{};
  for (char32_t k = 0; k < 256; ++k) table[k] = classify(0x0600 + k);
  return table;
}();
inline constexpr auto kArabicFold = [] {
  std::array<char32_t, 256> table{};
  for (char32_t k = 0; k < 256; ++k) table[k] = fold(0x0600 + k);
  return table;
}();

struct Step {
  char32_t value;
  std::uint32_t length;
  CharClass cls;
};

// The code point at text[i] with its class; two-byte Arabic and ASCII
// without the general decoder.
[[gnu::always_inline]] inline Step step_at(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {lead, 1, kAsciiClass[lead]};
  if (lead >= 0xD8 && lead <= 0xDB && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if ((next & 0xC0) == 0x80) {
      const char32_t value = static_cast<char32_t>((lead & 0x1F) << 6 | (next & 0x3F));
      return {value, 2, kArabicClass[value - 0x0600]};
    }
  }
  const CodePoint cp = decode_at(text, i);
  return {cp.value, cp.length, classify(cp.value)};
}

// Appends what `c` (length bytes at text[i]) folds to.
inline void append_folded_at(std::string_view text, std::size_t i, const Step& c,
                             std::string& out) {
  const char32_t folded =
      c.value >= 0x0600 && c.value <= 0x06FF ? kArabicFold[c.value - 0x0600] : fold(c.value);
  if (folded == c.value)
    out.append(text.data() + i, c.length);
  else if (folded != 0)
    append_utf8(out, folded);
}

// Appends the folded key of `word` to `out`.
inline void append_folded(std::string_view word, std::string& out) {
  for (std::size_t i = 0; i < word.size();) {
    const auto lead = static_cast<unsigned char>(word[i]);
    if (lead < 0x80) {
      out += static_cast<char>(lead);
      ++i;
      continue;
    }
    const CodePoint cp = decode_at(word, i);
    if (const char32_t folded = fold(cp.value)) {
      if (folded == cp.value)
        out.append(word.substr(i, cp.length));
      else
        append_utf8(out, folded);
    }
    i += cp.length;
  }
}

inline std::string folded(std::string_view word) {
  std::string out;
  append_folded(word, out);
  return out;
}

}  // namespace extract_entities
