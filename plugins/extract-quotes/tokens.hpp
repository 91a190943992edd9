// The words and marks the speaker rules walk over. Arabic words keep their
// marks and tatweel (the key drops them); Latin words and digit runs are
// tokens of their own, so `الـ2014` is a word and a number. Every other
// visible character is a one-character mark token, and a run of line breaks
// is one line_break token (a paragraph ends there).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace extract_quotes {

enum class TokenKind : std::uint8_t { arabic, latin, number, mark, line_break };

struct Token {
  std::uint32_t begin = 0;  // bytes in the text
  std::uint32_t end = 0;
  std::uint32_t key_begin = 0;  // the folded key in Tokens' key arena
  std::uint32_t key_size = 0;
  TokenKind kind = TokenKind::mark;
};

class Tokens {
 public:
  // Replaces the tokens with those of `text`; buffers keep their capacity.
  // Throws nahr::DocumentError for a text of 4 GiB or more.
  void scan(std::string_view text);

  std::size_t size() const { return tokens_.size(); }
  const Token& operator[](std::size_t i) const { return tokens_[i]; }
  std::string_view key(std::size_t i) const {
    return key_at(tokens_[i].key_begin, tokens_[i].key_size);
  }
  std::string_view key_at(std::uint32_t begin, std::uint32_t size) const {
    return std::string_view(keys_).substr(begin, size);
  }
  bool is_arabic(std::size_t i) const { return i < size() && tokens_[i].kind == TokenKind::arabic; }
  bool is_mark(std::size_t i, std::string_view mark) const {
    return i < size() && tokens_[i].kind == TokenKind::mark && key(i) == mark;
  }

  // The first token that ends after byte `offset` (size() if none).
  std::size_t token_at(std::size_t offset) const;

 private:
  std::size_t scan_arabic_word(std::string_view text, std::size_t i);

  std::vector<Token> tokens_;
  std::string keys_;
};

}  // namespace extract_quotes
