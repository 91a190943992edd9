#include "token_extractor.hpp"

namespace extract_tokens {
namespace {

std::string_view prefix_label(const Prefix& p) {
  switch (p.letter) {
    case 0x0648: return "و";
    case 0x0641: return "ف";
    case 0x0628: return "ب";
    case 0x0644: return "ل";
    case 0x0643: return "ك";
    default: return "ال";
  }
}

}  // namespace

std::vector<nahr::OptionSpec> TokenExtractor::schema() {
  return {
      nahr::flag("clitics", false,
                 "Add `prefixes` (e.g. \"و+ال\") and `stem` to Arabic word tokens: light, "
                 "conservative segmentation of و ف ب ل ك and the article ال. Token boundaries "
                 "do not change."),
      nahr::flag("split_clitics", false,
                 "Emit the conjunctions و ف and prepositions ب ل ك found by the clitic "
                 "segmentation as tokens of their own (the article stays on its word), as "
                 "Universal Dependencies tokenises Arabic."),
  };
}

TokenExtractor::TokenExtractor(const nahr::Options& options)
    : clitics_(options.flag("clitics")), split_clitics_(options.flag("split_clitics")) {}

void TokenExtractor::emit_arabic_word(nahr::Document& doc, std::string_view text,
                                      const Token& token) {
  const std::string_view word = text.substr(token.begin, token.end - token.begin);
  const Segmentation s = segmenter_.segment(word);
  std::size_t begin = token.begin;
  prefixes_.clear();
  for (std::size_t i = 0; i < s.count; ++i) {
    const Prefix& p = s.prefixes[i];
    if (split_clitics_ && p.kind != PrefixKind::article) {
      doc.annotate("token", {token.begin + p.begin, token.begin + p.end}).set("kind", "word");
      begin = token.begin + p.end;
      continue;
    }
    if (!prefixes_.empty()) prefixes_ += '+';
    prefixes_ += prefix_label(p);
  }
  auto annotation = doc.annotate("token", {begin, token.end}).set("kind", "word");
  if (clitics_) {
    annotation.set("prefixes", prefixes_).set("stem", word.substr(s.stem_begin));
  }
}

void TokenExtractor::process(nahr::Document& doc) {
  const std::string_view text = doc.text();
  tokens_.clear();
  tokenizer_.tokenize(text, tokens_);
  const bool segment = clitics_ || split_clitics_;
  for (const Token& t : tokens_) {
    if (segment && t.arabic) {
      emit_arabic_word(doc, text, t);
    } else {
      doc.annotate("token", {t.begin, t.end}).set("kind", kind_name(t.kind));
    }
  }
}

}  // namespace extract_tokens
