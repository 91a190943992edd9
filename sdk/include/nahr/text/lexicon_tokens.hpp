// The tokens that rule-based extractors walk when they match lexicon words
// and phrases and read the marks and line breaks between them
// (extract-entities' names, extract-quotes' speakers):
//
//   arabic      Arabic letters with the marks and tatweel on them; the key
//               leaves the marks out, and a run of marks alone is no token
//   latin       a run of Latin letters (`AFP`, `Macron`, `Müller`)
//   number      digits of any script with the separators inside them
//               (`1,500`, `3.5`, `٣٫٥`, `12/3`)
//   mark        every other character, one per token (`«`, `،`, `:`, an
//               ill-formed byte, copied into the key as it is)
//   line_break  a run of line breaks and the blanks among them: a name or a
//               sentence never continues across it
//
// Blanks separate tokens and are none themselves. The scripts are tokens of
// their own, so `الـ2014` is a word and a number.
//
// Each token has a key folded with kLexiconKeyFolding, which folds further
// than nahr::lexicon::WordTokens does (ة → ه, Persian letters, every mark):
// the two kinds of key are not interchangeable.
#pragma once

#include <nahr/error.hpp>
#include <nahr/text/arabic.hpp>
#include <nahr/text/chars.hpp>
#include <nahr/text/utf8.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nahr::lexicon {

// Raw wire text and normalise-arabic's output give the same keys: beyond
// nahr::arabic::fold's defaults (alef variants → ا, ى → ي, tashkeel and
// tatweel dropped, digits → ASCII), ة → ه, ی → ي and ک → ك, every mark of
// the Arabic block dropped (Quranic signs too), ٫ → '.' and ٬ → ','. Hamza
// seats (ؤ ئ) stay: قائد is not قايد.
inline constexpr arabic::FoldRules kLexiconKeyFolding{
    .decimal_signs = true, .letter_variants = true, .all_marks = true};

// The key of `spelling` as LexiconTokens folds it: how lexicon entries and
// rule words are keyed.
inline std::string lexicon_key(std::string_view spelling) {
  return arabic::folded(spelling, kLexiconKeyFolding);
}

enum class LexiconCharClass : std::uint8_t {
  blank,
  line_break,
  arabic_letter,
  arabic_mark,  // what the key leaves out of a word: marks, tatweel, Quranic signs
  digit,
  latin,
  other
};

constexpr LexiconCharClass lexicon_char_class(char32_t c) {
  using Class = LexiconCharClass;
  if (c == U'\f' || c == U'\v' || chars::is_blank(c)) return Class::blank;
  if (chars::is_line_break(c)) return Class::line_break;
  if (arabic::is_digit(c)) return Class::digit;
  if (c < 0x80) return (c | 0x20) >= U'a' && (c | 0x20) <= U'z' ? Class::latin : Class::other;
  if (c >= 0x0600 && c <= 0x06FF) {
    if ((c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
        (c >= 0x06D6 && c <= 0x06ED) || c == arabic::kTatweel) {
      return Class::arabic_mark;
    }
    if ((c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
        c == 0x06EE || c == 0x06EF || (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF) {
      return Class::arabic_letter;
    }
    return Class::other;  // ، ؛ ؟ ٪ ٫ and friends
  }
  if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)) return Class::arabic_letter;
  if (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) return Class::latin;
  return Class::other;
}

enum class LexiconTokenKind : std::uint8_t { arabic, latin, number, mark, line_break };

struct LexiconToken {
  std::uint32_t begin = 0;  // bytes in the text
  std::uint32_t end = 0;
  std::uint32_t key_begin = 0;  // the folded key in LexiconTokens' key arena
  std::uint32_t key_size = 0;
  LexiconTokenKind kind = LexiconTokenKind::mark;
};

class LexiconTokens {
 public:
  // `owner` (a stage name) starts the message of the error scan() throws.
  explicit LexiconTokens(std::string owner) : owner_(std::move(owner)) {}

  // Replaces the tokens with those of `text`; buffers keep their capacity.
  // Throws nahr::DocumentError for a text of 2 GiB or more, so that keys
  // and the keys add_key() stores keep 32-bit offsets.
  void scan(std::string_view text);

  std::size_t size() const { return tokens_.size(); }
  const LexiconToken& operator[](std::size_t i) const { return tokens_[i]; }
  std::string_view key(std::size_t i) const {
    return key_at(tokens_[i].key_begin, tokens_[i].key_size);
  }
  std::string_view key_at(std::uint32_t begin, std::uint32_t size) const {
    return std::string_view(keys_).substr(begin, size);
  }
  bool is_arabic(std::size_t i) const {
    return i < size() && tokens_[i].kind == LexiconTokenKind::arabic;
  }
  // Token i is the mark `mark` (given folded, e.g. "،").
  bool is_mark(std::size_t i, std::string_view mark) const {
    return i < size() && tokens_[i].kind == LexiconTokenKind::mark && key(i) == mark;
  }

  // The first token that ends after byte `offset` (size() if none).
  std::size_t token_at(std::size_t offset) const {
    const auto it = std::partition_point(tokens_.begin(), tokens_.end(),
                                         [&](const LexiconToken& t) { return t.end <= offset; });
    return static_cast<std::size_t>(it - tokens_.begin());
  }

  // Stores a derived key (a word without its clitic) next to the others
  // until the next scan() and returns its offset for key_at().
  std::uint32_t add_key(std::string_view key) {
    const auto begin = static_cast<std::uint32_t>(keys_.size());
    keys_.append(key);
    return begin;
  }

 private:
  std::size_t scan_arabic_word(std::string_view text, std::size_t i);

  std::string owner_;
  std::vector<LexiconToken> tokens_;
  std::string keys_;
};

namespace detail {

// Tables for the hot loops: ASCII and the Arabic block U+0600–U+06FF, where
// nearly every character of the text is.
inline constexpr auto kLexiconAsciiClass = [] {
  std::array<LexiconCharClass, 128> table{};
  for (char32_t c = 0; c < 128; ++c) table[c] = lexicon_char_class(c);
  return table;
}();
inline constexpr auto kLexiconArabicClass = [] {
  std::array<LexiconCharClass, 256> table{};
  for (char32_t k = 0; k < 256; ++k) table[k] = lexicon_char_class(0x0600 + k);
  return table;
}();
inline constexpr auto kLexiconArabicFold = [] {
  std::array<char32_t, 256> table{};
  for (char32_t k = 0; k < 256; ++k) table[k] = arabic::fold(0x0600 + k, kLexiconKeyFolding);
  return table;
}();

struct LexiconChar {
  char32_t value;
  std::uint32_t length;
  LexiconCharClass cls;
};

// The character at text[i] with its class; ASCII and two-byte Arabic
// without the general decoder.
[[gnu::always_inline]] inline LexiconChar lexicon_char_at(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {lead, 1, kLexiconAsciiClass[lead]};
  if (lead >= 0xD8 && lead <= 0xDB && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if ((next & 0xC0) == 0x80) {
      const char32_t value = static_cast<char32_t>((lead & 0x1F) << 6 | (next & 0x3F));
      return {value, 2, kLexiconArabicClass[value - 0x0600]};
    }
  }
  const utf8::CodePoint c = utf8::decode(text, i);
  return {c.value, c.length, lexicon_char_class(c.value)};
}

// Appends what `c`, the character at text[i], folds to; an ill-formed byte
// is copied as it is.
inline void append_lexicon_folded(std::string_view text, std::size_t i, const LexiconChar& c,
                                  std::string& out) {
  const char32_t folded = c.value >= 0x0600 && c.value <= 0x06FF
                              ? kLexiconArabicFold[c.value - 0x0600]
                              : arabic::fold(c.value, kLexiconKeyFolding);
  if (folded == c.value) {
    out.append(text.data() + i, c.length);
  } else if (folded != 0) {
    utf8::append(out, folded);
  }
}

// A separator that may sit inside a digit run (`1,500`, `3.5`, `٣٫٥`, `12/3`).
constexpr bool is_number_separator(char32_t c) {
  return c == U'.' || c == U',' || c == 0x066B || c == 0x066C || c == U'/';
}

}  // namespace detail

// Appends the word's folded key and returns where it ends. The loop works
// on the two-byte sequences of the Arabic block directly and copies runs of
// letters that fold to themselves in one go.
inline std::size_t LexiconTokens::scan_arabic_word(std::string_view text, std::size_t i) {
  using Class = LexiconCharClass;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t run = i;  // start of the letters not yet copied
  const auto flush = [&](std::size_t to) { keys_.append(text.data() + run, to - run); };
  while (i < text.size()) {
    const unsigned char lead = bytes[i];
    if (lead >= 0xD8 && lead <= 0xDB && i + 1 < text.size() && (bytes[i + 1] & 0xC0) == 0x80) {
      const std::size_t k =
          static_cast<std::size_t>((lead & 0x1F) << 6 | (bytes[i + 1] & 0x3F)) - 0x600;
      const Class cls = detail::kLexiconArabicClass[k];
      if (cls != Class::arabic_letter && cls != Class::arabic_mark) break;
      const char32_t folded = detail::kLexiconArabicFold[k];
      if (folded != 0x0600 + k) {
        flush(i);
        if (folded != 0) utf8::append(keys_, folded);
        run = i + 2;
      }
      i += 2;
      continue;
    }
    // Presentation forms and other rare letters.
    const detail::LexiconChar c = detail::lexicon_char_at(text, i);
    if (c.cls != Class::arabic_letter && c.cls != Class::arabic_mark) break;
    flush(i);
    detail::append_lexicon_folded(text, i, c, keys_);
    i += c.length;
    run = i;
  }
  flush(i);
  return i;
}

inline void LexiconTokens::scan(std::string_view text) {
  using Class = LexiconCharClass;
  using Kind = LexiconTokenKind;
  using detail::append_lexicon_folded;
  using detail::lexicon_char_at;
  using detail::LexiconChar;
  if (text.size() >= std::numeric_limits<std::uint32_t>::max() / 2) {
    throw DocumentError(owner_ + ": document too large (4 GiB or more)");
  }
  tokens_.clear();
  keys_.clear();
  keys_.reserve(text.size() + text.size() / 4);

  const auto push = [&](std::size_t begin, std::size_t end, Kind kind, std::size_t key_begin) {
    tokens_.push_back(LexiconToken{static_cast<std::uint32_t>(begin),
                                   static_cast<std::uint32_t>(end),
                                   static_cast<std::uint32_t>(key_begin),
                                   static_cast<std::uint32_t>(keys_.size() - key_begin), kind});
  };

  std::size_t i = 0;
  while (i < text.size()) {
    const LexiconChar first = lexicon_char_at(text, i);
    const std::size_t begin = i;
    const std::size_t key_begin = keys_.size();
    switch (first.cls) {
      case Class::blank:
        i += first.length;
        break;
      case Class::line_break:
        while (i < text.size()) {
          const LexiconChar c = lexicon_char_at(text, i);
          if (c.cls != Class::line_break && c.cls != Class::blank) break;
          i += c.length;
        }
        keys_ += '\n';
        push(begin, begin + 1, Kind::line_break, key_begin);
        break;
      case Class::arabic_letter:
      case Class::arabic_mark:
        i = scan_arabic_word(text, i);
        if (keys_.size() == key_begin) break;  // only marks: nothing to match
        push(begin, i, Kind::arabic, key_begin);
        break;
      case Class::latin:
        while (i < text.size()) {
          const LexiconChar c = lexicon_char_at(text, i);
          if (c.cls != Class::latin) break;
          i += c.length;
        }
        keys_.append(text.substr(begin, i - begin));
        push(begin, i, Kind::latin, key_begin);
        break;
      case Class::digit:
        while (i < text.size()) {
          const LexiconChar c = lexicon_char_at(text, i);
          if (c.cls == Class::digit) {
            append_lexicon_folded(text, i, c, keys_);
            i += c.length;
            continue;
          }
          if (!detail::is_number_separator(c.value) || i + c.length >= text.size()) break;
          if (lexicon_char_at(text, i + c.length).cls != Class::digit) break;
          append_lexicon_folded(text, i, c, keys_);
          i += c.length;
        }
        push(begin, i, Kind::number, key_begin);
        break;
      case Class::other:
        append_lexicon_folded(text, i, first, keys_);
        i += first.length;
        push(begin, i, Kind::mark, key_begin);
        break;
    }
  }
}

}  // namespace nahr::lexicon
