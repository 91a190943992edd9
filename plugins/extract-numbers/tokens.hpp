// A light tokenisation for the number grammar: words (Arabic or Latin
// letters with their marks), digit runs with the separators inside them
// (`1,500`, `3.5`, `٣٫٥`, `12/3/2019`), and single symbols. Each token
// carries its folded key (see arabic_fold.hpp) for lexicon lookups.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace extract_numbers {

enum class TokenKind : std::uint8_t { word, digits, symbol };

struct Token {
  // 32-bit offsets keep a token at 20 bytes: a document has millions of them.
  std::uint32_t begin = 0;  // bytes in the text
  std::uint32_t end = 0;
  std::uint32_t key_begin = 0;  // the folded key in Tokens::keys()
  std::uint32_t key_size = 0;
  TokenKind kind = TokenKind::symbol;
  bool space_before = false;  // blanks or a line break between this token and the last
  bool latin = false;         // a word made of Latin letters
  bool key_in_text = false;   // nothing in it folds: the key is the text itself
};

class Tokens {
 public:
  // Replaces the tokens with those of `text`; buffers keep their capacity.
  // Throws nahr::DocumentError for a text of 4 GiB or more.
  void scan(std::string_view text);

  std::size_t size() const { return tokens_.size(); }
  const Token& operator[](std::size_t i) const { return tokens_[i]; }
  std::string_view key(std::size_t i) const {
    const Token& t = tokens_[i];
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
  std::string_view text_;  // the text last scanned
  std::vector<Token> tokens_;
  std::string keys_;  // keys of the tokens that fold
};

}  // namespace extract_numbers
