// The token scanner: one pass over UTF-8, classes from char_class.hpp,
// longest-match rules for numbers, URLs, e-mail addresses, hashtags and
// mentions. Token boundaries never depend on options.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace extract_tokens {

enum class TokenKind : std::uint8_t {
  word,  // Arabic or another non-Latin script
  number,
  punct,
  latin,
  url,
  email,
  hashtag,
  mention,
  symbol,
};

std::string_view kind_name(TokenKind kind);

struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  TokenKind kind = TokenKind::word;
  bool arabic = false;  // a word in Arabic script (what clitic segmentation looks at)
  friend bool operator==(const Token&, const Token&) = default;
};

class Tokenizer {
 public:
  // Appends the tokens of `text` to `out`, in order.
  void tokenize(std::string_view text, std::vector<Token>& out);

 private:
  std::size_t scan_number(std::size_t i) const;
  std::size_t scan_arabic(std::size_t i) const;
  std::size_t scan_latin(std::size_t i) const;
  std::size_t scan_other(std::size_t i) const;
  std::size_t scan_symbol(std::size_t i) const;
  std::size_t scan_url(std::size_t i) const;     // 0 when no URL starts at i
  std::size_t scan_email(std::size_t i);         // 0 when no address starts at i
  std::size_t scan_hashtag(std::size_t i) const; // 0 when `#` starts none
  std::size_t scan_mention(std::size_t i) const; // 0 when `@` starts none

  std::string_view text_;
  // No e-mail address starts before this offset: a local part already
  // scanned ended without `@`, so starts inside it need no second look.
  std::size_t no_email_before_ = 0;
};

}  // namespace extract_tokens
