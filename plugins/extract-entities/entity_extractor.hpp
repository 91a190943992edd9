// The extract-entities stage: one `entity` annotation per PER, ORG, LOC or
// MISC mention, with its label, canonical name and the gazetteer or rule
// that found it.
#pragma once

#include <memory>
#include <nahr/plugin.hpp>
#include <vector>

#include "entity_finder.hpp"
#include "lexicon.hpp"

namespace extract_entities {

class EntityExtractor final : public nahr::Extractor {
 public:
  static constexpr const char* name = "extract-entities";
  static constexpr const char* summary =
      "Named entities (PER, ORG, LOC, MISC) from gazetteers and rules: titles before names, "
      "institutional heads, place heads, clitics stripped, short mentions linked to full names";
  static std::vector<nahr::OptionSpec> schema();
  // Samples with their expected results, run by `nahr plugin verify` (plugin.cpp).
  static std::vector<nahr::SelfTest> self_tests();

  explicit EntityExtractor(const nahr::Options& options);

  void process(nahr::Document& doc);

 private:
  std::shared_ptr<const Lexicon> lexicon_;  // shared by every instance with the same files
  EntityFinder finder_;                     // per instance: reuses its buffers
};

}  // namespace extract_entities
