#include "number_extractor.hpp"

namespace extract_numbers {
namespace {

std::string_view kind_name(NumberKind kind) {
  switch (kind) {
    case NumberKind::percent: return "percent";
    case NumberKind::currency: return "currency";
    case NumberKind::cardinal: break;
  }
  return "cardinal";
}

}  // namespace

std::vector<nahr::OptionSpec> NumberExtractor::schema() {
  return {nahr::flag("approximate", true,
                     "Also annotate approximate quantities (`مئات`, `عشرات الآلاف`) with an "
                     "empty value and approximate = \"true\"")};
}

NumberExtractor::NumberExtractor(const nahr::Options& options)
    : scanner_(lexicon_), approximate_(options.flag("approximate")) {}

void NumberExtractor::process(nahr::Document& doc) {
  const std::string_view text = doc.text();
  tokens_.scan(text);
  matches_.clear();
  scanner_.scan(text, tokens_, matches_);
  for (const NumberMatch& m : matches_) {
    if (m.approximate && !approximate_) continue;
    nahr::AnnotationRef a = doc.annotate("number", {m.begin, m.end});
    a.set("value", m.value).set("unit", m.unit).set("kind", kind_name(m.kind));
    if (m.approximate) a.set("approximate", "true");
  }
}

}  // namespace extract_numbers
