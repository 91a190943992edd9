#include "dateline_extractor.hpp"

#include <algorithm>

namespace extract_dateline {
namespace {

// A first line longer than this is a paragraph of its own, not a headline.
constexpr std::size_t max_headline_bytes = 300;

std::size_t skip_blank_lines(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    const CodePoint cp = decode(text, i);
    if (!is_blank(cp.value) && !is_line_break(cp.value)) break;
    i += cp.length;
  }
  return i;
}

std::size_t line_end(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    const CodePoint cp = decode(text, i);
    if (is_line_break(cp.value)) break;
    i += cp.length;
  }
  return i;
}

// A headline is a short line with more text after it that does not read as
// a finished sentence.
bool is_headline(std::string_view text, std::size_t begin, std::size_t end) {
  if (end >= text.size() || end - begin > max_headline_bytes) return false;
  std::string_view line = text.substr(begin, end - begin);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return !line.empty() && line.back() != '.';
}

LexiconSources sources_from(const nahr::Options& options) {
  return {options.text("places_file"), options.text_list("extra_places"),
          options.text("agencies_file"), options.text_list("extra_agencies")};
}

std::size_t window_from(const nahr::Options& options) {
  const std::int64_t window = options.integer("window");
  if (window < 16) throw nahr::FatalError("extract-dateline: window must be at least 16 bytes");
  return static_cast<std::size_t>(window);
}

}  // namespace

std::vector<nahr::OptionSpec> DatelineExtractor::schema() {
  return {
      nahr::integer("window", 200,
                    "Bytes from the start of a paragraph within which the dateline must end"),
      nahr::flag("after_headline", true,
                 "When the first line is a short headline without a dateline, also look at the "
                 "next paragraph"),
      nahr::text("places_file", "",
                 "TSV gazetteer (name<TAB>city|country|region) replacing the built-in places"),
      nahr::text_list("extra_places", {}, "Place names added to the gazetteer as cities"),
      nahr::text("agencies_file", "",
                 "TSV list of agencies (written form<TAB>note) replacing the built-in list"),
      nahr::text_list("extra_agencies", {}, "Agency names added to the agency list"),
  };
}

DatelineExtractor::DatelineExtractor(const nahr::Options& options)
    : lexicon_(Lexicon::load(sources_from(options))),
      parser_(lexicon_),
      window_(window_from(options)),
      after_headline_(options.flag("after_headline")) {}

std::optional<Dateline> DatelineExtractor::find_in_line(std::string_view text,
                                                        std::size_t begin) const {
  const std::size_t limit = std::min(begin + window_, line_end(text, begin));
  return parser_.parse(text, begin, limit);
}

std::optional<Dateline> DatelineExtractor::find(std::string_view text) const {
  const std::size_t first = skip_blank_lines(text, 0);
  if (first == text.size()) return std::nullopt;
  const std::size_t first_end = line_end(text, first);
  const bool headline = is_headline(text, first, first_end);
  // On a headline, a bare `دمشق:` names who speaks (`دمشق: الاتفاق لن يؤثر`),
  // not where the story was filed; an agency or a date still makes it a dateline.
  if (auto d = find_in_line(text, first)) {
    if (!headline || !d->agency.empty() || !d->date.empty()) return d;
  }
  if (!after_headline_ || !headline) return std::nullopt;
  const std::size_t second = skip_blank_lines(text, first_end);
  if (second == text.size()) return std::nullopt;
  return find_in_line(text, second);
}

void DatelineExtractor::process(nahr::Document& doc) const {
  const std::optional<Dateline> d = find(doc.text());
  if (!d) return;
  doc.annotate("dateline", d->span)
      .set("place", d->place)
      .set("date", d->date)
      .set("agency", d->agency);
  doc.set_metadata("dateline.place", d->place);
  if (!d->date.empty()) doc.set_metadata("dateline.date", d->date);
  if (!d->agency.empty()) doc.set_metadata("dateline.agency", d->agency);
}

}  // namespace extract_dateline
