// A light tokenisation for grammars that read a text as lexicon words
// (dates, numbers): words (Arabic or Latin letters with their marks), digit
// runs with the separators inside them (`1,500`, `3.5`, `٣٫٥`, `12/3/2019`)
// and single symbols. Each token carries its folded key (nahr/text/arabic.hpp,
// with decimal signs: `٣٫٥` has the key `3.5`) for KeyTable lookups.
//
// Arabic words, nearly all of a text, take a path that reads the two-byte
// letters of U+0600..U+067F from tables, and a word that nothing in folds
// (most of them) uses its own bytes as its key.
#pragma once

#include <nahr/error.hpp>
#include <nahr/text/arabic.hpp>
#include <nahr/text/chars.hpp>
#include <nahr/text/utf8.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nahr::lexicon {

inline constexpr arabic::FoldRules kWordKeyFolding{.decimal_signs = true};

// The key WordTokens gives a word spelled `spelling`: how lexicon entries
// are keyed.
inline std::string word_key(std::string_view spelling) {
  return arabic::folded(spelling, kWordKeyFolding);
}

enum class TokenKind : std::uint8_t { word, digits, symbol };

struct WordToken {
  // 32-bit offsets keep a token at 20 bytes: a document has millions of them.
  std::uint32_t begin = 0;  // bytes in the text
  std::uint32_t end = 0;
  std::uint32_t key_begin = 0;  // the folded key in WordTokens::key()
  std::uint32_t key_size = 0;
  TokenKind kind = TokenKind::symbol;
  bool space_before = false;  // blanks or a line break between this token and the last
  bool latin = false;         // a word made of Latin letters
  bool key_in_text = false;   // nothing in it folds: the key is the text itself
};

class WordTokens {
 public:
  // `owner` (a stage name) starts the message of the error scan() throws.
  explicit WordTokens(std::string owner) : owner_(std::move(owner)) {}

  // Replaces the tokens with those of `text`, which must outlive them;
  // buffers keep their capacity. Throws nahr::DocumentError for a text of
  // 4 GiB or more.
  void scan(std::string_view text);

  std::size_t size() const { return tokens_.size(); }
  const WordToken& operator[](std::size_t i) const { return tokens_[i]; }
  std::string_view key(std::size_t i) const {
    const WordToken& t = tokens_[i];
    return (t.key_in_text ? text_ : std::string_view(keys_)).substr(t.key_begin, t.key_size);
  }
  bool is_word(std::size_t i) const { return i < size() && tokens_[i].kind == TokenKind::word; }
  bool is_digits(std::size_t i) const { return i < size() && tokens_[i].kind == TokenKind::digits; }
  // Token i is the symbol `s` (given folded, e.g. "%").
  bool is_symbol(std::size_t i, std::string_view s) const {
    return i < size() && tokens_[i].kind == TokenKind::symbol && key(i) == s;
  }
  // Token i follows token i - 1 with nothing in between.
  bool glued(std::size_t i) const { return i > 0 && i < size() && !tokens_[i].space_before; }

 private:
  std::string owner_;
  std::string_view text_;  // the text last scanned
  std::vector<WordToken> tokens_;
  std::string keys_;  // keys of the tokens that fold
};

// Three numbers of at most four digits joined by `/`, inside one token
// (`12/3/2019`) or spread over several (`12 / 3 / 2019`, `26 /11 /1436`).
struct SlashNumbers {
  int values[3];
  std::size_t digits[3];  // how many digits each was written with
  std::size_t last;       // the token the third ends in
};

// The slash numbers that start at token i, if any.
inline std::optional<SlashNumbers> slash_numbers(const WordTokens& tokens, std::size_t i) {
  SlashNumbers n{};
  std::size_t count = 0;
  bool expect_number = true;
  for (std::size_t t = i; t < tokens.size() && count < 3; ++t) {
    if (!expect_number) {
      if (!tokens.is_symbol(t, "/")) break;
      expect_number = true;
      continue;
    }
    if (!tokens.is_digits(t)) break;
    std::string_view key = tokens.key(t);
    while (true) {
      const std::size_t slash = key.find('/');
      const std::string_view piece = key.substr(0, slash);
      if (count == 3 || piece.empty() || piece.size() > 4) return std::nullopt;
      int value = 0;
      for (const char c : piece) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
      }
      n.values[count] = value;
      n.digits[count] = piece.size();
      ++count;
      if (slash == std::string_view::npos) break;
      key.remove_prefix(slash + 1);
    }
    n.last = t;
    expect_number = false;
  }
  if (count != 3) return std::nullopt;
  return n;
}

namespace detail {

enum class CharClass : std::uint8_t { blank, digit, arabic, latin, other };

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
  if (chars::is_blank(c) || chars::is_line_break(c)) return CharClass::blank;
  if (arabic::is_digit(c)) return CharClass::digit;
  if (is_arabic_word_char(c)) return CharClass::arabic;
  if (is_latin_letter(c)) return CharClass::latin;
  return CharClass::other;
}

// One code point with what the scan needs to know about it.
struct Char {
  char32_t value;
  std::uint32_t length;
  CharClass cls;
  char32_t folded;  // 0 when left out of keys
};

constexpr Char describe(char32_t c, std::uint32_t length) {
  return {c, length, class_of(c), arabic::fold(c, kWordKeyFolding)};
}

// U+0600-U+067F, the two-byte sequences led by 0xD8 and 0xD9: nearly every
// Arabic letter, mark and digit, described ahead of time.
inline constexpr auto kArabicBlock = [] {
  std::array<Char, 128> table{};
  for (char32_t k = 0; k < 128; ++k) table[k] = describe(0x0600 + k, 2);
  return table;
}();

// The inner loop over an Arabic word only needs two facts per character.
inline constexpr std::uint8_t kInWord = 1;
inline constexpr std::uint8_t kFolds = 2;
inline constexpr auto kArabicFlags = [] {
  std::array<std::uint8_t, 128> table{};
  for (char32_t k = 0; k < 128; ++k) {
    const char32_t c = 0x0600 + k;
    table[k] = static_cast<std::uint8_t>((is_arabic_word_char(c) ? kInWord : 0) |
                                         (arabic::fold(c, kWordKeyFolding) != c ? kFolds : 0));
  }
  return table;
}();

inline constexpr auto kAscii = [] {
  std::array<Char, 128> table{};
  for (char32_t k = 0; k < 128; ++k) table[k] = describe(k, 1);
  return table;
}();

[[gnu::always_inline]] inline Char char_at(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return kAscii[lead];
  if ((lead == 0xD8 || lead == 0xD9) && i + 1 < text.size()) {
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if ((second & 0xC0) == 0x80) return kArabicBlock[(lead & 1u) << 6 | (second & 0x3Fu)];
  }
  const utf8::CodePoint cp = utf8::decode(text, i);
  return describe(cp.value, cp.length);
}

// The end of the Arabic word whose first character ends at `i`; sets
// `needs_folding` when a character of it folds to something else.
inline std::size_t arabic_word_end(std::string_view text, std::size_t i, bool& needs_folding) {
  const std::size_t n = text.size();
  while (i < n) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if ((lead == 0xD8 || lead == 0xD9) && i + 1 < n) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      if ((second & 0xC0) == 0x80) {
        const std::uint8_t f = kArabicFlags[(lead & 1u) << 6 | (second & 0x3Fu)];
        if ((f & kInWord) == 0) break;
        needs_folding |= (f & kFolds) != 0;
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

}  // namespace detail

inline void WordTokens::scan(std::string_view text) {
  using detail::Char;
  using detail::char_at;
  using detail::CharClass;
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw DocumentError(owner_ + ": documents of 4 GiB or more are not supported");
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
    WordToken t;
    t.begin = static_cast<std::uint32_t>(i);
    t.space_before = space_before;
    bool needs_folding = c.folded != c.value;
    i += c.length;
    if (c.cls == CharClass::digit) {
      t.kind = TokenKind::digits;
      needs_folding = true;  // separators and Arabic-Indic digits; rare enough to always fold
      while (i < n) {
        const Char next = char_at(text, i);
        const bool continues = next.cls == CharClass::digit ||
                               (detail::is_inner_separator(next.value) && i + next.length < n &&
                                char_at(text, i + next.length).cls == CharClass::digit);
        if (!continues) break;
        i += next.length;
      }
    } else if (c.cls == CharClass::arabic) {
      t.kind = TokenKind::word;
      i = detail::arabic_word_end(text, i, needs_folding);
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

}  // namespace nahr::lexicon
