#include "entity_extractor.hpp"

#include "gazetteer_files.hpp"

namespace extract_entities {

std::vector<nahr::OptionSpec> EntityExtractor::schema() {
  return {
      nahr::text_list(
          "gazetteers",
          {"countries.tsv", "cities.tsv", "regions.tsv", "organisations.tsv", "armed-groups.tsv",
           "agencies.tsv", "events.tsv", "people.tsv", "given-names.tsv"},
          "gazetteer TSV files (name<TAB>label[<TAB>canonical]); a bare file name is one of the "
          "shipped files in gazetteer_dir, anything else a path relative to the current directory"),
      nahr::text_list(
          "extra_gazetteers", {},
          "more gazetteer TSV files read after `gazetteers` (their entries win); paths relative "
          "to the current directory"),
      nahr::text(
          "gazetteer_dir", "",
          "folder of the shipped gazetteers; empty: extract-entities/ next to the plugin library"),
  };
}

namespace {

std::shared_ptr<const Lexicon> load_lexicon(const nahr::Options& options) {
  const std::string dir = options.text("gazetteer_dir");
  return Lexicon::shared(
      gazetteer_paths(options.text_list("gazetteers"), options.text_list("extra_gazetteers"),
                      dir.empty() ? shipped_gazetteer_dir() : std::filesystem::path(dir)));
}

}  // namespace

EntityExtractor::EntityExtractor(const nahr::Options& options)
    : lexicon_(load_lexicon(options)), finder_(*lexicon_) {}

void EntityExtractor::process(nahr::Document& doc) {
  const std::string_view text = doc.text();
  for (const Mention& m : finder_.find(text)) {
    doc.annotate("entity", {m.begin, m.end})
        .set("label", label_name(m.label))
        .set("canonical", m.canonical)
        .set("source", m.source);
  }
}

}  // namespace extract_entities
