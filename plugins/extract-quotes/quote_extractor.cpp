#include "quote_extractor.hpp"

#include <algorithm>
#include <charconv>

namespace extract_quotes {

std::vector<nahr::OptionSpec> QuoteExtractor::schema() {
  return {
      nahr::text("entity_type", "entity",
                 "annotation type of the name mentions speakers are taken from (label PER or ORG, "
                 "attribute "
                 "canonical); run extract-entities before this stage"),
      nahr::flag("unnamed_speakers", false,
                 "when no name mention covers the subject of the reporting verb, report the "
                 "subject's words "
                 "(resolved = false) instead of an anonymous source"),
  };
}

QuoteExtractor::QuoteExtractor(const nahr::Options& options)
    : entity_type_(options.text("entity_type")), finder_(options.flag("unnamed_speakers")) {}

void QuoteExtractor::read_names(const nahr::Document& doc) {
  names_.clear();
  const std::size_t count = doc.annotation_count();
  for (std::size_t i = 0; i < count; ++i) {
    const nahr::AnnotationView a = doc.annotation(i);
    if (a.type != entity_type_) continue;
    NameMention n;
    n.begin = static_cast<std::uint32_t>(a.span.begin);
    n.end = static_cast<std::uint32_t>(a.span.end);
    doc.for_each_attribute(a, [&](std::string_view key, std::string_view value) {
      if (key == "label") {
        n.person = value == "PER";
      } else if (key == "canonical") {
        n.canonical = value;
      }
    });
    if (n.canonical.empty()) n.canonical = doc.text().substr(n.begin, n.end - n.begin);
    names_.push_back(n);
  }
  std::stable_sort(names_.begin(), names_.end(),
                   [](const NameMention& a, const NameMention& b) { return a.begin < b.begin; });
}

void QuoteExtractor::process(nahr::Document& doc) {
  const std::string_view text = doc.text();
  find_quotes(text, quotes_);
  if (quotes_.empty()) return;
  read_names(doc);
  finder_.attribute(text, quotes_, names_, attributions_);

  // The names point into the entity annotations' attributes, which adding
  // annotations may move: copy them first.
  speakers_.clear();
  offsets_.clear();
  for (const QuoteAttribution& a : attributions_) {
    offsets_.push_back(speakers_.size());
    speakers_.append(a.speaker.name);
  }
  char number[24];
  const auto decimal = [&](std::uint32_t value) {
    const auto result = std::to_chars(number, number + sizeof number, value);
    return std::string_view(number, static_cast<std::size_t>(result.ptr - number));
  };
  for (std::size_t q = 0; q < quotes_.size(); ++q) {
    const QuoteAttribution& a = attributions_[q];
    nahr::AnnotationRef ref = doc.annotate("quote", {quotes_[q].begin, quotes_[q].end});
    ref.set("speaker", std::string_view(speakers_).substr(offsets_[q], a.speaker.name.size()));
    if (a.speaker.mention) {
      ref.set("speaker_begin", decimal(a.speaker.begin));
      ref.set("speaker_end", decimal(a.speaker.end));
    }
    ref.set("verb", a.verb);
    ref.set("resolved", a.speaker.resolved ? "true" : "false");
  }
}

}  // namespace extract_quotes
