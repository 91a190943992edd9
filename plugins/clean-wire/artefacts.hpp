// The character-level artefacts of wire copy: character references, stray
// '&' and ';' glued to Arabic words, and control characters.
#pragma once

#include <array>
#include <string_view>

#include "change_log.hpp"
#include "char_classes.hpp"

namespace nahr::clean_wire {

struct ArtefactRules {
  bool entities = true;
  bool stray_fragments = true;
  bool control_characters = true;
};

class ArtefactScanner {
 public:
  ArtefactScanner(const ArtefactRules& rules, const CharTable& chars);

  bool enabled() const {
    return rules_.entities || rules_.stray_fragments || rules_.control_characters;
  }

  // One left-to-right pass that reports each artefact to `log`. Only bytes
  // an enabled rule cares about ('&', ';', control bytes) stop the scan.
  void scan(std::string_view text, ChangeLog& log) const;

 private:
  std::size_t fragment_end(std::string_view text, std::size_t begin) const;
  bool is_stray(std::string_view text, std::size_t begin, std::size_t end) const;

  ArtefactRules rules_;
  const CharTable* chars_;
  std::array<bool, 256> stops_{};  // bytes that may start an artefact
};

}  // namespace nahr::clean_wire
