// Finds PER, ORG, LOC and MISC mentions in one text: gazetteer phrases and
// the rules (titles before names, institutional heads with their
// complements, generic place heads, named events, the dateline place), then
// the longest candidate wins wherever candidates overlap, and last, short
// repeats of a full name (`شكري` after `سامح شكري`) are linked to it.
// A one-letter clitic glued to a mention (و ف ب ل ك) is matched through and
// left out of the span.
#pragma once

#include <array>
#include <cstdint>
#include <nahr/text/lexicon_tokens.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.hpp"

namespace extract_entities {

struct Mention {
  std::uint32_t begin = 0;  // bytes in the text
  std::uint32_t end = 0;
  Label label = Label::loc;
  std::string_view canonical;  // into the text or the lexicon
  std::string_view source;
};

class EntityFinder {
 public:
  explicit EntityFinder(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // The mentions in `text`, in text order, without overlaps. Valid until the
  // next call; canonical names may point into `text`.
  const std::vector<Mention>& find(std::string_view text);

 private:
  // Also the order of preference between candidates with the same span.
  enum class Rule : std::uint8_t {
    gazetteer,
    org_head,
    event,
    place_head,
    title_person,
    given_name,
    dateline,
    short_mention
  };
  static std::string_view rule_name(Rule rule);

  struct Candidate {
    std::uint32_t first = 0;  // tokens [first, last)
    std::uint32_t last = 0;
    std::uint32_t begin = 0;  // bytes, clitic excluded
    Label label = Label::loc;
    Rule rule = Rule::gazetteer;
    const Entry* entry = nullptr;  // gazetteer candidates
    std::string_view canonical;    // short mentions: the full name
  };

  // The end of a full name, as a later mention may repeat it.
  struct ShortForm {
    std::uint32_t key_begin = 0;  // folded key in the token arena
    std::uint32_t key_size = 0;
    std::uint32_t tokens = 0;
    std::uint32_t after = 0;  // the token after the full name
    std::string_view canonical;
  };

  // What the lexicon knows about token i, as written and without a clitic.
  struct Word {
    std::uint64_t hash = 0;       // hash_key() of the key as written
    std::uint64_t bare_hash = 0;  // ... and of the key without the clitic
    const WordInfo* info = nullptr;
    const WordInfo* bare =
        nullptr;                 // set only when `info` is null and a clitic strips to a known word
    std::uint32_t bare_key = 0;  // arena offset and size of the key without the clitic
    std::uint32_t bare_key_size = 0;
    std::uint32_t clitic = 0;  // bytes of the clitic in the text
    bool conjunction = false;  // the clitic is و or ف alone
    // The longest gazetteer entry starting here, as written and through the
    // clitic: the token after it (0: none) and the entry.
    std::uint32_t entry_end = 0;
    std::uint32_t bare_entry_end = 0;
    const Entry* entry = nullptr;
    const Entry* bare_entry = nullptr;
  };

  // ---- per-token facts --------------------------------------------------
  void analyse_words();
  void match_entries();
  std::uint32_t classes(std::size_t i) const;       // as written
  std::uint32_t bare_classes(std::size_t i) const;  // as written, else without the clitic
  std::uint32_t clitic_bytes(std::size_t i) const;
  std::string_view bare_key(std::size_t i) const;  // empty unless a clitic strips to a known word
  // Given-name and connector classes as written, or after و/ف only: بيان is
  // not ب + يان, nor لدينا ل + دينا.
  std::uint32_t name_classes(std::size_t i) const;
  bool is_definite(std::size_t i) const;      // ال + at least two letters
  bool is_lam_definite(std::size_t i) const;  // ل + ال contracted: للانتخابات
  bool is_nisba(std::size_t i) const;  // definite, ending in ي or ية: السوري، المصرية
  bool is_conjoined_definite(std::size_t i) const;  // والمرصد، فالحكومة
  bool ends_in_pronoun(std::size_t i) const;
  bool looks_like_foreign_name(std::size_t i) const;
  bool can_start_unknown_name(std::size_t i) const;
  bool continues_name(std::size_t i) const;

  // ---- rules ------------------------------------------------------------
  // The longest gazetteer entry starting at token i (through a clitic when
  // `allow_clitic`); returns the token after it, or i when none matches.
  std::size_t gazetteer_match(std::size_t i, bool allow_clitic, const Entry** entry) const;
  // Computes what gazetteer_match returns, from the first word's key.
  std::uint32_t find_longest_entry(std::size_t i, std::string_view first, const WordInfo* info,
                                   const Entry** entry);
  std::size_t gazetteer_end(std::size_t i) const;  // as written, any label
  void add_gazetteer(std::size_t i);
  void add_organisation(std::size_t i);
  void add_event(std::size_t i);
  void add_place(std::size_t i);
  void mark_title(std::size_t i);
  void add_person(std::size_t i);
  void add_dateline();
  std::size_t organisation_end(std::size_t head, bool* named) const;
  std::size_t name_end(std::size_t start) const;

  // ---- resolution -------------------------------------------------------
  void keep_longest();
  void link_short_mentions();
  // A short form of an earlier full name spelled by tokens [i, i + size).
  const ShortForm* short_form_at(std::size_t i, std::uint32_t size) const;
  bool may_start_short_form(
      std::uint64_t hash) const;  // false: surely no short form starts with that key
  void add_candidate(std::size_t first, std::size_t last, std::uint32_t clitic, Label label,
                     Rule rule, const Entry* entry = nullptr);

  const Lexicon& lexicon_;
  std::string_view text_;
  // Reused across documents.
  nahr::lexicon::LexiconTokens tokens_{"extract-entities"};
  std::vector<Word> words_;
  std::vector<std::uint8_t> title_context_;  // a title was found just before token i
  std::size_t person_end_ = 0;               // the token after the last person candidate
  std::vector<std::uint8_t> covered_;        // token i is inside a kept mention
  std::vector<Candidate> candidates_;
  std::vector<Candidate> kept_;
  std::vector<ShortForm> short_forms_;
  std::array<std::uint64_t, 16> short_form_filter_{};  // bits of the hashes of their first words
  std::vector<Mention> mentions_;
  std::string phrase_;  // phrase keys being looked up
  std::string scratch_;
};

}  // namespace extract_entities
