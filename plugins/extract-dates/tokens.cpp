#include "tokens.hpp"

#include "arabic_fold.hpp"

#include <nahr/error.hpp>

#include <array>
#include <limits>

namespace extract_dates {
namespace {

enum class CharClass : std::uint8_t { blank, digit, arabic, latin, other };

constexpr bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

// Separators that stay inside a digit run when a digit follows them.
constexpr bool is_inner_separator(char32_t c) {
  return c == U'.' || c == U',' || c == 0x066B || c == 0x066C || c == U'/' || c == U':';
}

constexpr bool is_latin_letter(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
}

// Arabic letters and the marks and tatweel that sit inside Arabic words,
// presentation forms included (raw text may still carry them).
constexpr bool is_arabic_word_char(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x0620 && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 || (c >= 0x06D6 && c <= 0x06ED) ||
         (c >= 0x06EE && c <= 0x06EF) || (c >= 0x06FA && c <= 0x06FF) ||
         (c >= 0xFB50 && c <= 0xFDFF && c != 0xFD3E && c != 0xFD3F) || (c >= 0xFE70 && c <= 0xFEFC);
}

constexpr CharClass class_of(char32_t c) {
  if (is_blank(c) || is_line_break(c)) return CharClass::blank;
  if (is_digit(c)) return CharClass::digit;
  if (is_arabic_word_char(c)) return CharClass::arabic;
  if (is_latin_letter(c)) return CharClass::latin;
  return CharClass::other;
}

// One code point with what the scan needs to know about it.
struct Char {
  char32_t value;
  std::uint32_t length;
  CharClass cls;
  char32_t folded;  // see fold(); 0 when left out of keys
};

constexpr Char describe(char32_t c, std::uint32_t length) {
  return {c, length, class_of(c), fold(c)};
}

// U+0600-U+067F, the two-byte sequences led by 0xD8 and 0xD9: nearly every
// Arabic letter, mark and digit, described ahead of time.
constexpr auto arabic_block = [] {
  std::array<Char, 128> table{};
  for (char32_t k = 0; k < 128; ++k) table[k] = describe(0x0600 + k, 2);
  return table;
}();

// The inner loop over an Arabic word only needs two facts per character.
constexpr std::uint8_t in_word = 1;
constexpr std::uint8_t folds = 2;
constexpr auto arabic_flags = [] {
  std::array<std::uint8_t, 128> table{};
  for (char32_t k = 0; k < 128; ++k) {
    const char32_t c = 0x0600 + k;
    table[k] = static_cast<std::uint8_t>((is_arabic_word_char(c) ? in_word : 0) |
                                         (fold(c) != c ? folds : 0));
  }
  return table;
}();

constexpr auto ascii = [] {
  std::array<Char, 128> table{};
  for (char32_t k = 0; k < 128; ++k) table[k] = describe(k, 1);
  return table;
}();

[[gnu::always_inline]] inline Char char_at(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return ascii[lead];
  if ((lead == 0xD8 || lead == 0xD9) && i + 1 < text.size()) {
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if ((second & 0xC0) == 0x80) return arabic_block[(lead & 1u) << 6 | (second & 0x3Fu)];
  }
  const CodePoint cp = decode_at(text, i);
  return describe(cp.value, cp.length);
}

// The end of the Arabic word whose first character ends at `i`; sets
// `needs_folding` when a character of it folds to something else.
std::size_t arabic_word_end(std::string_view text, std::size_t i, bool& needs_folding) {
  const std::size_t n = text.size();
  while (i < n) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if ((lead == 0xD8 || lead == 0xD9) && i + 1 < n) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      if ((second & 0xC0) == 0x80) {
        const std::uint8_t f = arabic_flags[(lead & 1u) << 6 | (second & 0x3Fu)];
        if ((f & in_word) == 0) break;
        needs_folding |= (f & folds) != 0;
        i += 2;
        continue;
      }
    }
    if (lead < 0x80) break;
    const Char next = char_at(text, i);
    if (next.cls != CharClass::arabic) break;
    needs_folding |= next.folded != next.value;
    i += next.length;
  }
  return i;
}

}  // namespace

void Tokens::scan(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw nahr::DocumentError("extract-dates: documents of 4 GiB or more are not supported");
  }
  text_ = text;
  tokens_.clear();
  // Only words that fold (and digit runs) get a key of their own; folding
  // never lengthens text, so keys fit in text.size() bytes.
  keys_.resize(text.size());
  char* const keys = keys_.data();
  std::size_t key_end = 0;
  const auto fold_into_keys = [&](std::size_t from, std::size_t to) {
    for (std::size_t at = from; at < to;) {
      const Char c = char_at(text, at);
      if (c.folded == c.value) {
        for (std::uint32_t k = 0; k < c.length; ++k) keys[key_end++] = text[at + k];
      } else if (c.folded != 0 && c.folded < 0x80) {
        keys[key_end++] = static_cast<char>(c.folded);
      } else if (c.folded != 0) {  // a two-byte letter (alef, yeh) for another
        keys[key_end++] = static_cast<char>(0xC0 | (c.folded >> 6));
        keys[key_end++] = static_cast<char>(0x80 | (c.folded & 0x3F));
      }
      at += c.length;
    }
  };
  bool space_before = false;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const Char c = char_at(text, i);
    if (c.cls == CharClass::blank) {
      space_before = true;
      i += c.length;
      continue;
    }
    Token t;
    t.begin = static_cast<std::uint32_t>(i);
    t.space_before = space_before;
    bool needs_folding = c.folded != c.value;
    i += c.length;
    if (c.cls == CharClass::digit) {
      t.kind = TokenKind::digits;
      needs_folding = true;  // separators and Arabic-Indic digits; rare enough to always fold
      while (i < n) {
        const Char next = char_at(text, i);
        const bool continues =
            next.cls == CharClass::digit ||
            (is_inner_separator(next.value) && i + next.length < n &&
             char_at(text, i + next.length).cls == CharClass::digit);
        if (!continues) break;
        i += next.length;
      }
    } else if (c.cls == CharClass::arabic) {
      t.kind = TokenKind::word;
      i = arabic_word_end(text, i, needs_folding);
    } else if (c.cls == CharClass::latin) {
      t.kind = TokenKind::word;
      t.latin = true;
      while (i < n) {
        const Char next = char_at(text, i);
        if (next.cls != CharClass::latin) break;
        needs_folding |= next.folded != next.value;
        i += next.length;
      }
    } else {
      t.kind = TokenKind::symbol;
      needs_folding = false;  // symbols are compared as written (`%`, `٪`, `$`)
    }
    t.end = static_cast<std::uint32_t>(i);
    if (needs_folding) {
      t.key_begin = static_cast<std::uint32_t>(key_end);
      fold_into_keys(t.begin, t.end);
      t.key_size = static_cast<std::uint32_t>(key_end - t.key_begin);
      t.key_in_text = false;
    } else {
      t.key_begin = t.begin;
      t.key_size = t.end - t.begin;
      t.key_in_text = true;
    }
    tokens_.push_back(t);
    space_before = false;
  }
  keys_.resize(key_end);
}

}  // namespace extract_dates
