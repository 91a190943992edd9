#include "speaker_finder.hpp"

#include <algorithm>

namespace extract_quotes {
namespace {

using nahr::lexicon::LexiconToken;
using nahr::lexicon::LexiconTokenKind;

constexpr std::size_t kLetter = 2;          // bytes of a folded Arabic letter
constexpr std::size_t kLeftReach = 40;      // tokens a reporting verb may stand before its quote
constexpr std::size_t kSubjectReach = 16;   // tokens between a verb and its subject's end
constexpr std::size_t kEarlierReach = 400;  // tokens back to the last named speaker

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

void SpeakerFinder::attribute(std::string_view text, const std::vector<QuoteSpan>& quotes,
                              const std::vector<NameMention>& names,
                              std::vector<QuoteAttribution>& out) {
  out.clear();
  if (quotes.empty()) return;
  text_ = text;
  names_ = &names;
  tokens_.scan(text);

  quote_of_.assign(tokens_.size(), -1);
  quote_open_token_.clear();
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    const std::size_t first = tokens_.token_at(quotes[q].open);
    quote_open_token_.push_back(static_cast<std::uint32_t>(first));
    for (std::size_t t = first; t < tokens_.size() && tokens_[t].begin < quotes[q].close; ++t) {
      quote_of_[t] = static_cast<std::int32_t>(q);
    }
  }
  reporting_.resize(tokens_.size());
  reporting_known_.assign(tokens_.size(), 0);
  name_at_.assign(tokens_.size(), -1);
  for (std::size_t n = 0; n < names.size(); ++n) {
    const std::size_t t = tokens_.token_at(names[n].begin);
    if (t < tokens_.size() && name_at_[t] < 0) name_at_[t] = static_cast<std::int32_t>(n);
  }

  for (std::size_t q = 0; q < quotes.size(); ++q) {
    const std::size_t open = quote_open_token_[q];
    std::size_t verb = left_verb(open);
    std::size_t limit = open;
    if (verb == tokens_.size()) {
      verb = right_verb(tokens_.token_at(quotes[q].end));
      limit = tokens_.size();
    }
    out.push_back(verb == tokens_.size() ? QuoteAttribution{} : resolve(verb, limit));
  }
}

// ---- tokens -------------------------------------------------------------------

SpeakerFinder::Reporting SpeakerFinder::reporting_at(std::size_t t) const {
  if (t >= tokens_.size()) return {};
  if (!reporting_known_[t]) {
    reporting_[t] = find_reporting(t);
    reporting_known_[t] = 1;
  }
  return reporting_[t];
}

// A word spelled like a noun too (عدم كشف اسمه، مستشفى تابع لـ) is a verb
// only with و/ف, at the start of a clause, or after كما / قد / حيث.
SpeakerFinder::Reporting SpeakerFinder::find_reporting(std::size_t t) const {
  if (!tokens_.is_arabic(t) || quote_of_[t] >= 0) return {};
  const std::string_view k = key(t);
  if (starts_with(k, "و") || starts_with(k, "ف")) {
    if (const ReportingWord* word = reporting_word(k.substr(kLetter))) return {word, true};
  }
  const ReportingWord* word = reporting_word(k);
  if (!word) return {};
  if (word->noun_too && t > 0) {
    const std::size_t p = t - 1;
    const bool clause_start = !tokens_.is_arabic(p) || ends_sentence(p);
    const std::string_view before = key(p);
    const bool particle = before == "كما" || before == "قد" || before == "لقد" || before == "حيث";
    if (!clause_start && !particle) return {};
  }
  return {word, false};
}

// . ! ? ؟ … outside quotes, and paragraph ends; not the dots of an
// abbreviation (أ.ف.ب) or an initial (جون ف. كينيدي).
bool SpeakerFinder::ends_sentence(std::size_t t) const {
  const LexiconToken& token = tokens_[t];
  if (token.kind == LexiconTokenKind::line_break) return true;
  if (token.kind != LexiconTokenKind::mark || quote_of_[t] >= 0) return false;
  const std::string_view k = key(t);
  if (k == ".") {
    const bool initial = t > 0 && tokens_.is_arabic(t - 1) && key(t - 1).size() == kLetter;
    return !initial;
  }
  return k == "!" || k == "?" || k == "؟" || k == "…";
}

bool SpeakerFinder::is_quote_mark(std::size_t t) const {
  if (tokens_[t].kind != LexiconTokenKind::mark) return false;
  const std::string_view k = key(t);
  return k == "\"" || k == "«" || k == "»" || k == "“" || k == "”";
}

// The nearest reporting word before the quote in its sentence, over any
// quotes in between (قال X إن "…" و"…").
std::size_t SpeakerFinder::left_verb(std::size_t open) const {
  std::size_t t = open;
  for (std::size_t steps = 0; t > 0 && steps < kLeftReach; ++steps) {
    --t;
    if (quote_of_[t] >= 0) {
      t = quote_open_token_[static_cast<std::size_t>(quote_of_[t])];
      continue;
    }
    if (ends_sentence(t)) break;
    if (reporting_at(t).word) return t;
  }
  return tokens_.size();
}

// «…»، أضاف X: a reporting word right after the closing mark (the token
// `close`) and a comma, without و (وأضاف after a quote opens the next
// statement).
std::size_t SpeakerFinder::right_verb(std::size_t close) const {
  std::size_t t = close + 1;
  while (t < tokens_.size() && tokens_[t].kind == LexiconTokenKind::mark &&
         (key(t) == "،" || key(t) == ","))
    ++t;
  const Reporting r = reporting_at(t);
  return r.word && !r.clitic && r.word->kind != Attribution::participle ? t : tokens_.size();
}

// ---- subjects -----------------------------------------------------------------

QuoteAttribution SpeakerFinder::resolve(std::size_t verb, std::size_t limit) const {
  const ReportingWord& word = *reporting_at(verb).word;
  Found found = word.kind == Attribution::participle ? main_subject(verb) : subject_of(verb, limit);
  if (found.subject == Subject::none) found = earlier_speaker(verb);
  return {found.speaker, word.base};
}

// The subject after a finite verb, or the source after بحسب / وفقا لـ /
// نقلا عن, skipping `ما` and its verb (بحسب ما أعلنت X).
SpeakerFinder::Found SpeakerFinder::subject_of(std::size_t verb, std::size_t limit) const {
  std::size_t from = verb + 1;
  bool lam_particle = false;
  if (reporting_at(verb).word->kind == Attribution::according) {
    if (tokens_.is_arabic(from) && key(from) == "عن") ++from;  // نقلا عن
    if (tokens_.is_arabic(from) && key(from) == "ما") {
      ++from;
      if (reporting_at(from).word) ++from;
    }
    if (tokens_.is_arabic(from) && key(from) == "ل") {
      ++from;  // وفقا لـ "…"
    } else {
      lam_particle = tokens_.is_arabic(from) && starts_with(key(from), "ل");  // وفقا للمصدر
    }
  }
  return subject_in(from, limit, lam_particle);
}

// The subject in the tokens from `from` up to the reported clause (إن، أن,
// a colon, a quote) or the sentence's end. Adverbs of time may come first
// (وقال الخميس وزير…); a preposition or a ل/ب-phrase there means the verb
// has no subject of its own (وقال في بيان إن، وقالت لوكالة فرانس برس).
SpeakerFinder::Found SpeakerFinder::subject_in(std::size_t from, std::size_t limit,
                                               bool lam_particle) const {
  std::size_t end = from;
  while (end < std::min(limit, tokens_.size()) && end < from + kSubjectReach &&
         !ends_sentence(end) && !is_quote_mark(end) &&
         !(tokens_[end].kind == LexiconTokenKind::mark && key(end) == ":") &&
         !(tokens_.is_arabic(end) && is_complementiser(key(end)))) {
    ++end;
  }
  std::size_t start = from;
  while (start < end && tokens_.is_arabic(start) && is_temporal(key(start))) ++start;
  if (start >= end || !tokens_.is_arabic(start)) return {};

  const std::vector<NameMention>& names = *names_;
  const auto name_here = [&](std::size_t t) -> const NameMention* {
    if (name_at_[t] < 0) return nullptr;
    return &names[static_cast<std::size_t>(name_at_[t])];
  };
  const auto glued = [&](const NameMention& n, std::size_t t) {
    return n.begin > tokens_[t].begin && !(lam_particle && t == start);
  };
  const auto named = [&](const NameMention& n) {
    Found f;
    f.subject = Subject::named;
    f.speaker = {n.canonical, n.begin, n.end, true, true};
    return f;
  };

  const NameMention* first = name_here(start);
  if ((!first || glued(*first, start)) && !lam_particle) {
    const std::string_view k = key(start);
    const bool phrase = is_preposition(k) ||
                        ((starts_with(k, "ل") || starts_with(k, "ب")) && k.size() > kLetter * 2);
    if (phrase || is_complementiser(k)) return {};
  }

  for (std::size_t t = start; t < end; ++t) {
    const NameMention* n = name_here(t);
    if (!n || !n->person || glued(*n, t)) continue;
    if (t > start && tokens_.is_arabic(t - 1) && is_preposition(key(t - 1))) {
      continue;  // عن X، مع X
    }
    return named(*n);
  }
  if (first && !glued(*first, start)) return named(*first);  // an organisation as the subject
  if (unnamed_speakers_) {  // the subject's words, up to a preposition, unresolved
    std::size_t last = start;
    while (last + 1 < std::min(end, start + 6) && tokens_.is_arabic(last + 1) &&
           !is_preposition(key(last + 1))) {
      ++last;
    }
    Found f;
    f.subject = Subject::named;
    f.speaker = {text_.substr(tokens_[start].begin, tokens_[last].end - tokens_[start].begin),
                 tokens_[start].begin, tokens_[last].end, true, false};
    return f;
  }
  Found anonymous;
  anonymous.subject = Subject::anonymous;
  return anonymous;
}

// A participle (مؤكدا، مشيرة) reports for the subject of its clause: the
// finite reporting verb before it in the sentence, else the first person
// named in the sentence.
SpeakerFinder::Found SpeakerFinder::main_subject(std::size_t participle) const {
  std::size_t t = participle;
  std::size_t sentence_start = participle;
  while (t > 0) {
    --t;
    if (quote_of_[t] >= 0) {
      t = quote_open_token_[static_cast<std::size_t>(quote_of_[t])];
      continue;
    }
    if (ends_sentence(t)) break;
    sentence_start = t;
    const Reporting r = reporting_at(t);
    if (r.word && r.word->kind != Attribution::participle) {
      const Found found = subject_of(t, participle);
      if (found.subject != Subject::none) return found;
    }
  }
  for (std::size_t k = sentence_start; k < participle; ++k) {
    if (name_at_[k] < 0 || quote_of_[k] >= 0) continue;
    const NameMention& n = (*names_)[static_cast<std::size_t>(name_at_[k])];
    if (!n.person) continue;
    Found f;
    f.subject = Subject::named;
    f.speaker = {n.canonical, n.begin, n.end, true, true};
    return f;
  }
  return {};
}

// The speaker of the last reporting verb before `before` that had a
// subject: وأشار فيبر … وتابع "…" goes on with فيبر.
SpeakerFinder::Found SpeakerFinder::earlier_speaker(std::size_t before) const {
  std::size_t t = before;
  for (std::size_t steps = 0; t > 0 && steps < kEarlierReach; ++steps) {
    --t;
    if (quote_of_[t] >= 0) {
      t = quote_open_token_[static_cast<std::size_t>(quote_of_[t])];
      continue;
    }
    const Reporting r = reporting_at(t);
    if (!r.word || r.word->kind == Attribution::participle) continue;
    const Found found = subject_of(t, tokens_.size());
    if (found.subject != Subject::none) return found;
  }
  return {};
}

}  // namespace extract_quotes
