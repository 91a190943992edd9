// normalise-arabic over real wire copy (../shared/corpus/corpus-small.jsonl):
// normalising twice changes nothing, and every word of the output leads back
// to original bytes that normalise to that word.
#include "corpus.hpp"

#include <catch2/catch.hpp>
#include <nahr/testing.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "../normaliser.hpp"
#include "word_alignment.hpp"

namespace {

using nahr::testing::OptionMap;
using normalise_arabic::ArabicNormaliser;

struct Variant {
  std::string_view name;
  OptionMap options;
};

std::vector<Variant> variants() {
  return {
      {"newswire", {}},
      {"search", {{"preset", std::string("search")}}},
      {"minimal", {{"preset", std::string("minimal")}}},
      // The context-dependent options the presets leave out.
      {"newswire with controls = space and keep_shadda",
       {{"controls", std::string("space")}, {"keep_shadda", true}}},
      {"search with digits = arabic",
       {{"preset", std::string("search")}, {"digits", std::string("arabic")}}},
  };
}

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> texts = normalise_arabic::testing::load_corpus();
  return texts;
}

}  // namespace

TEST_CASE("normalising twice equals normalising once over the corpus", "[corpus]") {
  if (corpus().empty()) {
    WARN("corpus missing, test skipped: " << normalise_arabic::testing::kCorpusPath);
    return;
  }
  nahr::testing::Harness harness;
  for (const Variant& variant : variants()) {
    nahr::testing::Harness::Instance<ArabicNormaliser> stage(variant.options);
    std::size_t changed = 0, not_idempotent = 0;
    for (const std::string& text : corpus()) {
      nahr::model::Document once;
      once.set_text(text);
      harness.run(*stage, once);
      changed += once.rewritten();
      nahr::model::Document twice;
      twice.set_text(once.text());
      harness.run(*stage, twice);
      if (twice.rewritten()) {
        ++not_idempotent;
        INFO(variant.name << ": once  " << once.text().substr(0, 300));
        CHECK(twice.text() == once.text());
      }
    }
    INFO(variant.name << ": " << changed << " of " << corpus().size() << " documents changed");
    CHECK(changed > 0);
    CHECK(not_idempotent == 0);
  }
}

TEST_CASE("every output word leads back to bytes that normalise to it", "[corpus][alignment]") {
  if (corpus().empty()) {
    WARN("corpus missing, test skipped: " << normalise_arabic::testing::kCorpusPath);
    return;
  }
  nahr::testing::Harness harness;
  for (const Variant& variant : variants()) {
    nahr::testing::Harness::Instance<ArabicNormaliser> stage(variant.options);
    normalise_arabic::testing::WordCheck check;
    for (const std::string& text : corpus()) {
      nahr::model::Document doc;
      doc.set_text(text);
      harness.run(*stage, doc);
      normalise_arabic::testing::check_words(harness, *stage, doc, check);
    }
    std::string sample;
    for (std::size_t k = 0; k < check.failures.size() && k < 10; ++k)
      sample += check.failures[k] + "\n";
    INFO(variant.name << ": " << check.words << " words checked, " << check.failures.size()
                      << " do not lead back, for example\n"
                      << sample);
    CHECK(check.words > 100000);
    CHECK(check.failures.empty());
  }
}
