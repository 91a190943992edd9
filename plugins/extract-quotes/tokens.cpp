#include "tokens.hpp"

#include <algorithm>
#include <limits>
#include <nahr/error.hpp>

#include "arabic_fold.hpp"

namespace extract_quotes {
namespace {

// A separator that may sit inside a digit run (`1,500`, `3.5`, `٣٫٥`, `12/3`).
bool is_digit_separator(char32_t c) {
  return c == U'.' || c == U',' || c == 0x066B || c == 0x066C || c == U'/';
}

}  // namespace

// Appends the word's folded key and returns where it ends. The loop works
// on the two-byte sequences of the Arabic block directly and copies runs of
// letters that fold to themselves in one go.
std::size_t Tokens::scan_arabic_word(std::string_view text, std::size_t i) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t run = i;  // start of the letters not yet copied
  const auto flush = [&](std::size_t to) { keys_.append(text.data() + run, to - run); };
  while (i < text.size()) {
    const unsigned char lead = bytes[i];
    if (lead >= 0xD8 && lead <= 0xDB && i + 1 < text.size() && (bytes[i + 1] & 0xC0) == 0x80) {
      const std::size_t k =
          static_cast<std::size_t>((lead & 0x1F) << 6 | (bytes[i + 1] & 0x3F)) - 0x600;
      const CharClass cls = kArabicClass[k];
      if (cls != CharClass::arabic_letter && cls != CharClass::arabic_mark) break;
      const char32_t folded = kArabicFold[k];
      if (folded != 0x0600 + k) {
        flush(i);
        if (folded != 0) append_utf8(keys_, folded);
        run = i + 2;
      }
      i += 2;
      continue;
    }
    const Step c = step_at(text, i);  // presentation forms and other rare letters
    if (c.cls != CharClass::arabic_letter && c.cls != CharClass::arabic_mark) break;
    flush(i);
    append_folded_at(text, i, c, keys_);
    i += c.length;
    run = i;
  }
  flush(i);
  return i;
}

std::size_t Tokens::token_at(std::size_t offset) const {
  const auto it = std::partition_point(tokens_.begin(), tokens_.end(),
                                       [&](const Token& t) { return t.end <= offset; });
  return static_cast<std::size_t>(it - tokens_.begin());
}

void Tokens::scan(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max() / 2) {
    throw nahr::DocumentError("extract-quotes: document too large (4 GiB or more)");
  }
  tokens_.clear();
  keys_.clear();
  keys_.reserve(text.size() + text.size() / 4);

  const auto push = [&](std::size_t begin, std::size_t end, TokenKind kind, std::size_t key_begin) {
    tokens_.push_back(Token{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                            static_cast<std::uint32_t>(key_begin),
                            static_cast<std::uint32_t>(keys_.size() - key_begin), kind});
  };

  std::size_t i = 0;
  while (i < text.size()) {
    const Step first = step_at(text, i);
    const std::size_t begin = i;
    const std::size_t key_begin = keys_.size();
    switch (first.cls) {
      case CharClass::blank:
        i += first.length;
        break;
      case CharClass::line_break:
        while (i < text.size()) {
          const Step c = step_at(text, i);
          if (c.cls != CharClass::line_break && c.cls != CharClass::blank) break;
          i += c.length;
        }
        keys_ += '\n';
        push(begin, begin + 1, TokenKind::line_break, key_begin);
        break;
      case CharClass::arabic_letter:
      case CharClass::arabic_mark:
        i = scan_arabic_word(text, i);
        if (keys_.size() == key_begin) break;  // only marks: nothing to match
        push(begin, i, TokenKind::arabic, key_begin);
        break;
      case CharClass::latin:
        while (i < text.size()) {
          const Step c = step_at(text, i);
          if (c.cls != CharClass::latin) break;
          i += c.length;
        }
        keys_.append(text.substr(begin, i - begin));
        push(begin, i, TokenKind::latin, key_begin);
        break;
      case CharClass::digit:
        while (i < text.size()) {
          const Step c = step_at(text, i);
          if (c.cls == CharClass::digit) {
            append_folded_at(text, i, c, keys_);
            i += c.length;
            continue;
          }
          if (!is_digit_separator(c.value) || i + c.length >= text.size()) break;
          if (step_at(text, i + c.length).cls != CharClass::digit) break;
          append_folded_at(text, i, c, keys_);
          i += c.length;
        }
        push(begin, i, TokenKind::number, key_begin);
        break;
      case CharClass::other:
        append_folded_at(text, i, first, keys_);
        i += first.length;
        push(begin, i, TokenKind::mark, key_begin);
        break;
    }
  }
}

}  // namespace extract_quotes
