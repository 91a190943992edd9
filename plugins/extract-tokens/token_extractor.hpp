// The extract-tokens stage: `token` annotations with a `kind`, and with
// clitic segmentation as attributes (or as tokens) when asked.
#pragma once

#include "clitics.hpp"
#include "tokenizer.hpp"

#include <nahr/plugin.hpp>

#include <string>
#include <vector>

namespace extract_tokens {

class TokenExtractor final : public nahr::Extractor {
 public:
  static constexpr const char* name = "extract-tokens";
  static constexpr const char* summary =
      "Word, number, punctuation, Latin, URL, e-mail, hashtag, mention and symbol tokens, with "
      "optional Arabic clitic segmentation";
  static std::vector<nahr::OptionSpec> schema();

  explicit TokenExtractor(const nahr::Options& options);

  void process(nahr::Document& doc);

 private:
  void emit_arabic_word(nahr::Document& doc, std::string_view text, const Token& token);

  bool clitics_;
  bool split_clitics_;
  Tokenizer tokenizer_;
  CliticSegmenter segmenter_;
  std::vector<Token> tokens_;  // reused across documents
  std::string prefixes_;
};

}  // namespace extract_tokens
