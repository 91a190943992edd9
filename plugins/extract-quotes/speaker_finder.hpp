// Who said each quote. The reporting word is looked for before the quote in
// its sentence (وقال X إن "…", وتابع X «…», مؤكدا أن "…", بحسب X) and
// else right after it («…»، أضاف X). The speaker is the name next to the
// verb: a PER mention (or an organisation standing as the subject) taken
// from the entity annotations, through its canonical name, so a short
// mention gives the full name. A verb without a subject (وتابع "…") goes on
// with the speaker of the last reporting verb that had one; a subject that
// is no name (مسؤول محلي، المصدر) is an anonymous source.
#pragma once

#include <cstdint>
#include <nahr/text/lexicon_tokens.hpp>
#include <string_view>
#include <vector>

#include "quote_marks.hpp"
#include "reporting_words.hpp"

namespace extract_quotes {

// An entity annotation of the document.
struct NameMention {
  std::uint32_t begin = 0;  // bytes in the text
  std::uint32_t end = 0;
  bool person = false;
  std::string_view canonical;  // the full name (the mention itself when it has none)
};

struct Speaker {
  std::string_view name;    // empty: anonymous or unknown
  std::uint32_t begin = 0;  // the mention, when there is one
  std::uint32_t end = 0;
  bool mention = false;   // begin/end are set
  bool resolved = false;  // named through an entity mention
};

struct QuoteAttribution {
  Speaker speaker;
  std::string_view verb;  // base form, بحسب، وفق، نقلا عن, or empty
};

class SpeakerFinder {
 public:
  // With `unnamed_speakers`, a subject no name mention covers is reported
  // by its words (unresolved) instead of as an anonymous source.
  explicit SpeakerFinder(bool unnamed_speakers) : unnamed_speakers_(unnamed_speakers) {}

  // One attribution per quote, in order; `names` are sorted by begin.
  void attribute(std::string_view text, const std::vector<QuoteSpan>& quotes,
                 const std::vector<NameMention>& names, std::vector<QuoteAttribution>& out);

 private:
  // A reporting word at a token, through a و/ف clitic.
  struct Reporting {
    const ReportingWord* word = nullptr;
    bool clitic = false;
  };
  enum class Subject : std::uint8_t { none, anonymous, named };
  struct Found {
    Subject subject = Subject::none;
    Speaker speaker;
  };

  Reporting reporting_at(std::size_t t) const;
  Reporting find_reporting(std::size_t t) const;
  bool ends_sentence(std::size_t t) const;
  bool is_quote_mark(std::size_t t) const;
  std::string_view key(std::size_t t) const { return tokens_.key(t); }

  std::size_t left_verb(std::size_t open) const;  // tokens_.size() if none
  std::size_t right_verb(std::size_t close) const;
  QuoteAttribution resolve(std::size_t verb, std::size_t limit) const;
  Found subject_of(std::size_t verb, std::size_t limit) const;
  // `lam_particle`: the first word carries the ل of وفقا لـ, not a preposition.
  Found subject_in(std::size_t from, std::size_t limit, bool lam_particle) const;
  Found main_subject(std::size_t participle) const;
  Found earlier_speaker(std::size_t before) const;

  bool unnamed_speakers_;
  std::string_view text_;
  const std::vector<NameMention>* names_ = nullptr;
  // Reused across documents.
  nahr::lexicon::LexiconTokens tokens_{"extract-quotes"};
  std::vector<std::int32_t>
      quote_of_;  // per token: the quote it is inside of (marks included), or -1
  std::vector<std::uint32_t> quote_open_token_;
  std::vector<std::int32_t> name_at_;  // per token: the mention starting in it, or -1
  // per token: reporting_at() once computed (the scans revisit tokens)
  mutable std::vector<Reporting> reporting_;
  mutable std::vector<std::uint8_t> reporting_known_;
};

}  // namespace extract_quotes
