// Everything the entity rules look words up in: the gazetteer entries read
// from TSV files, and the built-in word classes (titles, institutional and
// place heads, function words, verbs...). Keys are folded (nahr/text/lexicon_tokens.hpp);
// phrases are the folded keys of their tokens joined by single spaces.
//
// A Lexicon is immutable once built; `shared()` hands every stage instance
// that asks for the same files the same copy.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "key_map.hpp"

namespace extract_entities {

enum class Label : std::uint8_t { per, org, loc, misc };
std::string_view label_name(Label label);

// Word classes, as bits of WordInfo::classes.
namespace word_class {
enum : std::uint32_t {
  title = 1u << 0,     // الرئيس، وزير، اللواء: a person's name may follow
  org_head = 1u << 1,  // وزارة، قوات، حركة: heads an organisation with its complements
  org_head_definite = 1u << 2,  // الحكومة، الجيش: only with a nationality or ل-complement
  named_org_head = 1u << 3,  // جامعة، حركة: may take a bare foreign name (جامعة بيلكنت)
  place_head = 1u << 4,   // محافظة، مدينة: a place name follows, the head left out
  event_head = 1u << 5,   // معرض، مهرجان: with a place, a named event
  stop = 1u << 6,         // prepositions, particles, pronouns
  temporal = 1u << 7,     // weekdays, months, أمس، الماضي
  verb = 1u << 8,         // قال، أكد، مؤكدا: ends a name
  connector = 1u << 9,    // عبد، أبو، بن، ولد: joins the next word into a name
  chain_stop = 1u << 10,  // الموالية، التابعة: ends an organisation's name
  generic_adjective = 1u << 11,  // الرسمية، الجديدة: not what makes a name
  given = 1u << 12,              // a given name (gazetteer label GIVEN)
  given_common = 1u << 13,       // a given name that is also a common word (GIVEN-COMMON)
  weak_org_head = 1u << 14,  // حركة، مركز: also a common noun, so a name only when named
  family_name = 1u << 15,    // السيد، الشيخ: titles that are also common surnames
  coordinating_head = 1u << 16,  // وزارة: its name may join two fields (الكهرباء والماء)
  descriptive = 1u << 17,  // الرسمية، الجديدة: describes a body without naming it
};
}  // namespace word_class

struct WordInfo {
  std::uint32_t classes = 0;
  std::uint8_t longest_entry = 0;  // tokens in the longest gazetteer entry starting with this word
  bool has(std::uint32_t mask) const { return (classes & mask) != 0; }
};

struct Entry {
  Label label = Label::loc;
  std::string canonical;  // the TSV's canonical column, else the name as written there
  std::string source;     // "gazetteer:<file stem>"
};

class Lexicon {
 public:
  // Reads the gazetteers in order (a later entry for the same name replaces
  // an earlier one) on top of the built-in word classes. Throws
  // nahr::FatalError for an unreadable file or a malformed line.
  explicit Lexicon(const std::vector<std::filesystem::path>& gazetteers);

  // One Lexicon per distinct list of files for the whole process, so stage
  // instances on every worker thread share it.
  static std::shared_ptr<const Lexicon> shared(
      const std::vector<std::filesystem::path>& gazetteers);

  const WordInfo* word(std::string_view key) const { return words_.find(key); }
  const WordInfo* word(std::string_view key, std::uint64_t hash) const {
    return words_.find(key, hash);
  }
  const Entry* entry(std::string_view phrase) const { return entries_.find(phrase); }
  std::size_t entry_count() const { return entries_.size(); }

 private:
  void add_rule_words();
  void read_gazetteer(const std::filesystem::path& file);
  void add_line(std::string_view line, const std::string& source, const std::string& where);

  KeyMap<WordInfo> words_;
  KeyMap<Entry> entries_;
};

}  // namespace extract_entities
