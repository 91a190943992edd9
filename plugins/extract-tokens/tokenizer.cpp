#include "tokenizer.hpp"

#include "char_class.hpp"

#include <nahr/text/utf8.hpp>

#include <array>

namespace extract_tokens {
namespace {

using C = CharClass;
using nahr::utf8::CodePoint;
using nahr::utf8::decode;

// The code point at text[i], or kInvalid past the end.
char32_t peek(std::string_view text, std::size_t i) {
  return i < text.size() ? decode(text, i).value : nahr::utf8::kInvalid;
}

struct Classified {
  CharClass cls;
  char32_t cp;
  std::uint32_t size;
};

Classified at_decoded(std::string_view text, std::size_t i) {
  const CodePoint d = decode(text, i);
  return {classify(d.value), d.value, d.length};
}

// The class of the code point at text[i], with fast paths for ASCII and
// the two-byte sequences of the Arabic block (lead bytes D8..DB).
inline Classified at(std::string_view text, std::size_t i) {
  const unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return {kAsciiClasses[b], b, 1};
  if (b >= 0xD8 && b <= 0xDB && i + 1 < text.size()) {
    const unsigned char b2 = static_cast<unsigned char>(text[i + 1]);
    if ((b2 & 0xC0) == 0x80) {
      const char32_t cp = (static_cast<char32_t>(b & 0x1F) << 6) | (b2 & 0x3F);
      return {kArabicClasses[cp - 0x0600], cp, 2};
    }
  }
  return at_decoded(text, i);
}

CharClass class_at(std::string_view text, std::size_t i) {
  return i < text.size() ? at(text, i).cls : C::blank;
}

bool is_ascii_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Characters of the local part of an e-mail address.
bool is_local_char(char c) {
  return is_ascii_alnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}

// Where a run of letters of the Arabic block's two-byte sequences ends:
// the loop almost all of Arabic text goes through.
std::size_t arabic_block_run(std::string_view text, std::size_t i, int& letters) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i + 1 < text.size()) {
    const unsigned char b = byte(i), b2 = byte(i + 1);
    if (b < 0xD8 || b > 0xDB || (b2 & 0xC0) != 0x80) break;
    const CharClass c = kArabicClasses[(((b & 0x1F) << 6) | (b2 & 0x3F)) - 0x0600];
    if (c == C::arabic_letter) ++letters;
    else if (c != C::arabic_mark) break;
    i += 2;
  }
  return i;
}

// Where a run of letters of one class (with their marks, and joiners
// followed by a letter) ends; counts the letters.
std::size_t letter_run(std::string_view text, std::size_t i, CharClass letter, int& letters) {
  while (i < text.size()) {
    if (letter == C::arabic_letter) {
      i = arabic_block_run(text, i, letters);
      if (i >= text.size()) break;
    }
    const Classified c = at(text, i);
    if (c.cls == letter) {
      ++letters;
    } else if (c.cls == C::joiner) {
      if (class_at(text, i + c.size) != letter) break;
    } else if (c.cls != C::mark && !(c.cls == C::arabic_mark && letter == C::arabic_letter)) {
      break;
    }
    i += c.size;
  }
  return i;
}

// Latin letters, their marks and ASCII digits: `G20`, `MH17`.
std::size_t latin_run(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    const Classified c = at(text, i);
    if (c.cls != C::latin_letter && c.cls != C::mark && !(c.cp >= '0' && c.cp <= '9')) break;
    i += c.size;
  }
  return i;
}

// `U.S` (then the final full stop belongs to it too): single ASCII letters
// separated by full stops.
bool dotted_initials(std::string_view token) {
  if (token.size() < 3 || token.size() % 2 == 0) return false;
  for (std::size_t k = 0; k < token.size(); ++k) {
    if (k % 2 == 0 ? !is_ascii_letter(token[k]) : token[k] != '.') return false;
  }
  return true;
}

bool starts_with_ignoring_case(std::string_view text, std::size_t i, std::string_view prefix) {
  if (text.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    const char c = text[i + k];
    if ((is_ascii_letter(c) ? static_cast<char>(c | 0x20) : c) != prefix[k]) return false;
  }
  return true;
}

// Characters a URL in running text never contains unescaped.
bool ends_url(char32_t cp) {
  return cp == '"' || cp == '<' || cp == '>' || cp == 0x00AB || cp == 0x00BB || cp == 0x201C ||
         cp == 0x201D || cp == 0x060C || cp == 0x061B || cp == 0x061F;
}

constexpr std::string_view kTatweel = "\u0640";

// Where a run of tatweels starting at i ends.
std::size_t tatweel_run(std::string_view text, std::size_t i) {
  while (text.substr(i, 2) == kTatweel) i += 2;
  return i;
}

bool is_skin_tone(char32_t cp) { return cp >= 0x1F3FB && cp <= 0x1F3FF; }
bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

}  // namespace

std::string_view kind_name(TokenKind kind) {
  static constexpr std::array<std::string_view, 9> names = {
      "word", "number", "punct", "latin", "url", "email", "hashtag", "mention", "symbol"};
  return names[static_cast<std::size_t>(kind)];
}

std::size_t Tokenizer::scan_number(std::size_t i) const {
  const auto digits = [&](std::size_t k) {
    while (k < text_.size() && is_digit(peek(text_, k))) k += decode(text_, k).length;
    return k;
  };
  std::size_t j = digits(i);
  while (j < text_.size()) {
    const CodePoint d = decode(text_, j);
    if (!is_number_separator(d.value) || !is_digit(peek(text_, j + d.length))) break;
    j = digits(j + d.length);
  }
  if (j < text_.size()) {
    if (const CodePoint d = decode(text_, j); is_percent_sign(d.value)) j += d.length;
  }
  return j;
}

std::size_t Tokenizer::scan_arabic(std::size_t i) const {
  int letters = 0;
  std::size_t end = letter_run(text_, i, C::arabic_letter, letters);
  if (letters >= 4) {
    // Tatweel after a long word and before a space or punctuation is a dash
    // (`الإحصاءـ`), not an elongation like `الـ2014` or `هـ`.
    std::size_t dash = end;
    while (dash >= i + 2 && text_.substr(dash - 2, 2) == kTatweel) dash -= 2;
    const CharClass after = class_at(text_, end);
    if (dash < end && (after == C::blank || after == C::punct)) end = dash;
  }
  if (letters != 1) return end;
  // A dotted acronym of single letters is one token: أ.ف.ب
  std::size_t j = end;
  while (j + 1 < text_.size() && text_[j] == '.' && class_at(text_, j + 1) == C::arabic_letter) {
    int next_letters = 0;
    const std::size_t next_end = letter_run(text_, j + 1, C::arabic_letter, next_letters);
    if (next_letters != 1) break;
    j = next_end;
  }
  return j;
}

std::size_t Tokenizer::scan_latin(std::size_t i) const {
  std::size_t j = latin_run(text_, i);
  // Inner apostrophes, hyphens, full stops and underscores join Latin
  // parts: O'Neill, F-16, COVID-19, bbc.com, U.S
  while (j < text_.size()) {
    const CodePoint d = decode(text_, j);
    const std::size_t after = j + d.length;
    const Classified next = after < text_.size() ? at(text_, after) : Classified{C::blank, 0, 0};
    const bool letter_next = next.cls == C::latin_letter;
    const bool alnum_next = letter_next || (next.cp >= '0' && next.cp <= '9');
    const bool joins = ((d.value == '\'' || d.value == 0x2019) && letter_next) ||
                       ((d.value == '-' || d.value == '.' || d.value == '_') && alnum_next);
    if (!joins) break;
    j = latin_run(text_, after);
  }
  if (j < text_.size() && text_[j] == '.' && dotted_initials(text_.substr(i, j - i))) ++j;
  return j;
}

std::size_t Tokenizer::scan_other(std::size_t i) const {
  int letters = 0;
  return letter_run(text_, i, C::other_letter, letters);
}

std::size_t Tokenizer::scan_symbol(std::size_t i) const {
  const CodePoint first = decode(text_, i);
  std::size_t j = i + first.length;
  if (is_regional_indicator(first.value) && is_regional_indicator(peek(text_, j))) {
    j += 4;  // a flag
  }
  // Emoji modifiers, variation selectors, keycaps, tags, and ZWJ sequences.
  while (j < text_.size()) {
    const Classified c = at(text_, j);
    if (c.cls == C::mark || is_skin_tone(c.cp)) {
      j += c.size;
    } else if (c.cp == 0x200D && class_at(text_, j + c.size) == C::symbol) {
      j += c.size + decode(text_, j + c.size).length;
    } else {
      break;
    }
  }
  return j;
}

std::size_t Tokenizer::scan_url(std::size_t i) const {
  static constexpr std::array<std::string_view, 4> kSchemes = {"https://", "http://", "ftp://",
                                                              "www."};
  std::size_t j = 0;
  for (std::string_view scheme : kSchemes) {
    if (starts_with_ignoring_case(text_, i, scheme)) {
      j = i + scheme.size();
      break;
    }
  }
  if (j == 0 || j >= text_.size() || !is_ascii_alnum(static_cast<unsigned char>(text_[j]))) {
    return 0;
  }
  int open_parens = 0;
  while (j < text_.size()) {
    const Classified c = at(text_, j);
    if (c.cls == C::blank || ends_url(c.cp)) break;
    open_parens += (c.cp == '(') - (c.cp == ')');
    j += c.size;
  }
  // Punctuation closing the sentence around the URL is not part of it.
  for (;;) {
    const char last = text_[j - 1];
    if (last == '.' || last == ',' || last == ':' || last == ';' || last == '!' || last == '?' ||
        last == '\'' || (last == ')' && open_parens < 0)) {
      open_parens += last == ')';
      --j;
    } else {
      return j;
    }
  }
}

std::size_t Tokenizer::scan_email(std::size_t i) {
  if (i < no_email_before_) return 0;
  std::size_t at_sign = i;
  while (at_sign < text_.size() && is_local_char(text_[at_sign])) ++at_sign;
  no_email_before_ = at_sign;
  if (at_sign >= text_.size() || text_[at_sign] != '@') return 0;
  // The domain: labels of ASCII letters, digits and hyphens, at least two,
  // the last of letters only (`example.co.uk`).
  std::size_t end = at_sign + 1;
  std::size_t last_dot = 0;
  while (end < text_.size()) {
    const char c = text_[end];
    if (c == '.' && end + 1 < text_.size() && is_ascii_alnum(static_cast<unsigned char>(text_[end + 1])) &&
        end > at_sign + 1) {
      last_dot = end;
    } else if (!is_ascii_alnum(static_cast<unsigned char>(c)) && c != '-') {
      break;
    }
    ++end;
  }
  if (last_dot == 0 || end - last_dot < 3) return 0;
  for (std::size_t k = last_dot + 1; k < end; ++k) {
    if (!is_ascii_letter(text_[k])) return 0;
  }
  return end;
}

std::size_t Tokenizer::scan_hashtag(std::size_t i) const {
  std::size_t j = i + 1;
  bool letter = false;
  while (j < text_.size()) {
    const Classified c = at(text_, j);
    if (is_letter(c.cls)) {
      letter = true;
    } else if (c.cls == C::joiner) {
      if (!is_letter(class_at(text_, j + c.size))) break;
    } else if (c.cls != C::digit && c.cls != C::arabic_mark && c.cls != C::mark && c.cp != '_') {
      break;
    }
    j += c.size;
  }
  return letter ? j : 0;
}

std::size_t Tokenizer::scan_mention(std::size_t i) const {
  std::size_t j = i + 1;
  while (j < text_.size() && (is_ascii_alnum(static_cast<unsigned char>(text_[j])) || text_[j] == '_')) {
    ++j;
  }
  return j > i + 1 ? j : 0;
}

void Tokenizer::tokenize(std::string_view text, std::vector<Token>& out) {
  text_ = text;
  no_email_before_ = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const Classified c = at(text, i);
    Token t{i, i + c.size, TokenKind::punct, false};
    switch (c.cls) {
      case C::blank:
      case C::joiner:
        i += c.size;
        continue;
      case C::mark:
        // A combining mark belongs to the token it follows (keycaps, a
        // variation selector after a digit); alone it is a symbol.
        if (!out.empty() && out.back().end == i) {
          out.back().end += c.size;
          i += c.size;
          continue;
        }
        t.kind = TokenKind::symbol;
        break;
      case C::digit:
        if (const std::size_t e = scan_email(i)) {
          t = {i, e, TokenKind::email, false};
        } else {
          t = {i, scan_number(i), TokenKind::number, false};
        }
        break;
      case C::arabic_letter:
      case C::arabic_mark:
        if (c.cp == 0x0640) {
          // No word starts with tatweel: here it is a dash (`ـوبالتالي`).
          t.end = tatweel_run(text, i);
        } else {
          t = {i, scan_arabic(i), TokenKind::word, true};
        }
        break;
      case C::latin_letter:
        if (const std::size_t e = scan_url(i)) {
          t = {i, e, TokenKind::url, false};
        } else if (const std::size_t m = scan_email(i)) {
          t = {i, m, TokenKind::email, false};
        } else {
          t = {i, scan_latin(i), TokenKind::latin, false};
        }
        break;
      case C::other_letter:
        t = {i, scan_other(i), TokenKind::word, false};
        break;
      case C::symbol:
        t = {i, scan_symbol(i), TokenKind::symbol, false};
        break;
      case C::punct:
        if (c.cp == '#') {
          if (const std::size_t e = scan_hashtag(i)) t = {i, e, TokenKind::hashtag, false};
        } else if (c.cp == '@') {
          if (const std::size_t e = scan_mention(i)) t = {i, e, TokenKind::mention, false};
        } else if (c.cp == '.') {
          while (t.end < text.size() && text[t.end] == '.') ++t.end;  // `...` is one token
        }
        break;
    }
    out.push_back(t);
    i = t.end;
  }
}

}  // namespace extract_tokens
