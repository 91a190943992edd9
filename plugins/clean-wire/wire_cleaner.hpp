// clean-wire: removes the artefacts newswire feeds leave in text (character
// references, stray '&' and ';', control characters, doubled words), every
// change aligned to the text as received.
#pragma once

#include <nahr/plugin.hpp>
#include <string>
#include <vector>

#include "artefacts.hpp"
#include "char_classes.hpp"

namespace nahr::clean_wire {

enum class DoubledWords { flag, remove, off };

class WireCleaner final : public Normaliser {
 public:
  static constexpr const char* name = "clean-wire";
  static constexpr const char* summary =
      "Decodes character references and removes stray '&'/';', control characters and doubled "
      "words";
  // Options and a pointer to an immutable, process-wide table.
  static constexpr bool thread_safe = true;

  static std::vector<OptionSpec> schema();
  explicit WireCleaner(const Options& options);

  void process(Document& doc) const;

 private:
  bool clean_artefacts(Document& doc) const;
  std::size_t remove_doubled_words(Document& doc) const;
  void flag_doubled_words(Document& doc) const;

  const CharTable* chars_;
  ArtefactScanner artefacts_;
  DoubledWords doubled_words_;
  std::vector<std::string> allowed_repeats_;  // sorted
  bool record_changes_;
};

}  // namespace nahr::clean_wire
