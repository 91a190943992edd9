#include "sentence_extractor.hpp"

#include <charconv>
#include <string_view>

namespace extract_sentences {
namespace {

// Decimal text of n, without allocating.
class Decimal {
 public:
  explicit Decimal(std::size_t n) { end_ = std::to_chars(digits_, digits_ + sizeof digits_, n).ptr; }
  std::string_view view() const { return {digits_, static_cast<std::size_t>(end_ - digits_)}; }

 private:
  char digits_[24];
  char* end_;
};

}  // namespace

std::vector<nahr::OptionSpec> SentenceExtractor::schema() {
  return {
      nahr::text("paragraph_breaks", "newline",
                 "What separates paragraphs: \"newline\" (every line break; wire copy and the "
                 "corpus put one paragraph per line) or \"blank_line\" (an empty line; single "
                 "line breaks are then spaces).",
                 {"newline", "blank_line"}),
      nahr::text_list("abbreviations", {},
                      "Extra abbreviations whose full stop never ends a sentence, as written "
                      "(\"Dr\", \"أ.د\"); matched on the folded word before the full stop."),
  };
}

SentenceExtractor::SentenceExtractor(const nahr::Options& options)
    : breaks_(options.text("paragraph_breaks") == "blank_line" ? ParagraphBreaks::blank_line
                                                               : ParagraphBreaks::newline),
      lexicon_(options.text_list("abbreviations")),
      splitter_(lexicon_) {}

void SentenceExtractor::process(nahr::Document& doc) {
  const std::string_view text = doc.text();
  paragraphs_.clear();
  find_paragraphs(text, breaks_, paragraphs_);
  std::size_t sentence_index = 0;
  for (std::size_t p = 0; p < paragraphs_.size(); ++p) {
    const Range paragraph = paragraphs_[p];
    const Decimal paragraph_index(p);
    doc.annotate("paragraph", {paragraph.begin, paragraph.end}).set("index", paragraph_index.view());
    sentences_.clear();
    splitter_.split(text, paragraph, sentences_);
    for (const Range& s : sentences_) {
      doc.annotate("sentence", {s.begin, s.end})
          .set("index", Decimal(sentence_index++).view())
          .set("paragraph", paragraph_index.view());
    }
  }
}

}  // namespace extract_sentences
