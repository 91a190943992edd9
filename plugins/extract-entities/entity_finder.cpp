#include "entity_finder.hpp"

#include <algorithm>
#include <nahr/text/utf8.hpp>

namespace extract_entities {
namespace {

using namespace word_class;
using nahr::lexicon::lexicon_char_class;
using nahr::lexicon::LexiconCharClass;
using nahr::lexicon::LexiconTokenKind;

// Folded letters the rules test for (each two bytes of UTF-8).
constexpr std::string_view kAl = "ال";
constexpr std::string_view kLamLam = "لل";
constexpr std::string_view kLam = "ل";
constexpr std::string_view kWaw = "و";
constexpr std::string_view kFa = "ف";
constexpr std::string_view kBa = "ب";
constexpr std::string_view kKaf = "ك";
constexpr std::string_view kYa = "ي";
constexpr std::string_view kHa = "ه";  // also ة, which folds to it
constexpr std::string_view kTa = "ت";
constexpr std::string_view kNun = "ن";
constexpr std::string_view kSin = "س";
constexpr std::string_view kMim = "م";
constexpr std::size_t kLetter = 2;  // bytes of a folded Arabic letter

// Words a person's name never runs across.
constexpr std::uint32_t kEndsName = stop | temporal | verb | title | org_head | org_head_definite |
                                    place_head | event_head | chain_stop;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
std::string_view letter_at(std::string_view key, std::size_t index) {
  return key.size() >= (index + 1) * kLetter ? key.substr(index * kLetter, kLetter)
                                             : std::string_view();
}

// A bare final alif: no singular imperfect verb ends in one (يلينا is a
// name); the plural's وا does.
bool alif_ending(std::string_view key) { return ends_with(key, "ا") && !ends_with(key, "وا"); }

// An imperfect or future verb (يتضمن، تتواصل، سيترأس), or a derived past
// form (اعتذر، انسحب، استقبل).
bool looks_like_verb(std::string_view key) {
  if (alif_ending(key)) return false;
  const std::size_t letters = key.size() / kLetter;
  const std::string_view first = letter_at(key, 0);
  const std::string_view second = letter_at(key, 1);
  const std::string_view third = letter_at(key, 2);
  const bool imperfect =
      (first == kYa && letters >= 4) || (first == kTa && second == kTa && letters >= 5) ||
      (first == kSin && (second == kYa || second == kTa || second == kNun) && letters >= 5);
  const bool derived_past =
      first == "ا" && ((third == kTa && letters == 5) ||                   // افتعل
                       (second == kNun && letters == 5) ||                 // انفعل
                       (second == kSin && third == kTa && letters == 6));  // استفعل
  return imperfect || derived_past;
}

// The byte offset in `text` after the first `letters` letters of the word at
// `begin`, and after any marks on the last of them.
std::uint32_t skip_letters(std::string_view text, std::uint32_t begin, std::size_t letters) {
  std::size_t i = begin;
  while (letters > 0 && i < text.size()) {
    const nahr::utf8::CodePoint cp = nahr::utf8::decode(text, i);
    if (lexicon_char_class(cp.value) == LexiconCharClass::arabic_letter) --letters;
    i += cp.length;
  }
  while (i < text.size()) {
    const nahr::utf8::CodePoint cp = nahr::utf8::decode(text, i);
    if (lexicon_char_class(cp.value) != LexiconCharClass::arabic_mark) break;
    i += cp.length;
  }
  return static_cast<std::uint32_t>(i - begin);
}

}  // namespace

const std::vector<Mention>& EntityFinder::find(std::string_view text) {
  text_ = text;
  tokens_.scan(text);
  analyse_words();
  match_entries();
  title_context_.assign(tokens_.size(), 0);
  person_end_ = 0;
  candidates_.clear();

  add_dateline();
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const LexiconTokenKind kind = tokens_[i].kind;
    if (kind != LexiconTokenKind::arabic && kind != LexiconTokenKind::latin) continue;
    add_gazetteer(i);
    if (kind != LexiconTokenKind::arabic) continue;
    add_organisation(i);
    add_event(i);
    add_place(i);
    mark_title(i);  // marks where a name starts further on, for add_person to find
    add_person(i);
  }
  keep_longest();
  link_short_mentions();

  std::sort(kept_.begin(), kept_.end(),
            [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  mentions_.clear();
  for (const Candidate& c : kept_) {
    Mention m;
    m.begin = c.begin;
    m.end = tokens_[c.last - 1].end;
    m.label = c.label;
    m.canonical = c.entry                ? std::string_view(c.entry->canonical)
                  : !c.canonical.empty() ? c.canonical
                                         : text_.substr(m.begin, m.end - m.begin);
    m.source = c.entry ? std::string_view(c.entry->source) : rule_name(c.rule);
    mentions_.push_back(m);
  }
  return mentions_;
}

std::string_view EntityFinder::rule_name(Rule rule) {
  switch (rule) {
    case Rule::gazetteer:
      return "gazetteer";
    case Rule::org_head:
      return "rule:org-head";
    case Rule::event:
      return "rule:event";
    case Rule::place_head:
      return "rule:place-head";
    case Rule::title_person:
      return "rule:title";
    case Rule::given_name:
      return "rule:given-name";
    case Rule::dateline:
      return "rule:dateline";
    case Rule::short_mention:
      return "rule:short-mention";
  }
  return "rule";
}

// ---- per-token facts ------------------------------------------------------

void EntityFinder::analyse_words() {
  words_.assign(tokens_.size(), Word{});
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const LexiconTokenKind kind = tokens_[i].kind;
    if (kind != LexiconTokenKind::arabic && kind != LexiconTokenKind::latin) continue;
    Word& w = words_[i];
    const std::string_view key = tokens_.key(i);
    w.hash = hash_key(key);
    w.info = lexicon_.word(key, w.hash);
    if (w.info || kind != LexiconTokenKind::arabic) continue;

    // Unknown as written: try it without a clitic, shortest clitic first.
    const auto try_bare = [&](std::size_t skipped_bytes, std::size_t letters) {
      const std::string_view bare = key.substr(skipped_bytes);
      if (bare.size() < 3 * kLetter) return false;
      const std::uint64_t hash = hash_key(bare);
      const WordInfo* info = lexicon_.word(bare, hash);
      if (!info) return false;
      w.bare = info;
      w.bare_hash = hash;
      w.bare_key = tokens_[i].key_begin + static_cast<std::uint32_t>(skipped_bytes);
      w.bare_key_size = static_cast<std::uint32_t>(bare.size());
      w.clitic = skip_letters(text_, tokens_[i].begin, letters);
      return true;
    };
    const std::string_view first = letter_at(key, 0);
    const bool conjunction = first == kWaw || first == kFa;
    if (conjunction && try_bare(kLetter, 1)) {
      w.conjunction = true;
      continue;
    }
    const std::size_t p = conjunction ? 1 : 0;
    const std::string_view preposition = letter_at(key, p);
    if ((preposition == kBa || preposition == kLam || preposition == kKaf) &&
        try_bare((p + 1) * kLetter, p + 1)) {
      continue;
    }
    // ل + ال contracts to لل: للأمم المتحدة is ل + الأمم المتحدة.
    if (preposition == kLam && letter_at(key, p + 1) == kLam && key.size() >= (p + 4) * kLetter) {
      scratch_.assign(kAl);
      scratch_.append(key.substr((p + 2) * kLetter));
      const std::uint64_t hash = hash_key(scratch_);
      if (const WordInfo* info = lexicon_.word(scratch_, hash)) {
        w.bare = info;
        w.bare_hash = hash;
        w.bare_key = tokens_.add_key(scratch_);
        w.bare_key_size = static_cast<std::uint32_t>(scratch_.size());
        w.clitic = skip_letters(text_, tokens_[i].begin, p + 1);
      }
    }
  }
}

void EntityFinder::match_entries() {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    Word& w = words_[i];
    if (w.info && w.info->longest_entry > 0) {
      w.entry_end = find_longest_entry(i, tokens_.key(i), w.info, &w.entry);
    }
    if (w.bare && w.bare->longest_entry > 0) {
      w.bare_entry_end =
          find_longest_entry(i, tokens_.key_at(w.bare_key, w.bare_key_size), w.bare, &w.bare_entry);
    }
  }
}

std::string_view EntityFinder::bare_key(std::size_t i) const {
  const Word& w = words_[i];
  return w.bare ? tokens_.key_at(w.bare_key, w.bare_key_size) : std::string_view();
}

std::uint32_t EntityFinder::classes(std::size_t i) const {
  return i < words_.size() && words_[i].info ? words_[i].info->classes : 0;
}

std::uint32_t EntityFinder::bare_classes(std::size_t i) const {
  if (i >= words_.size()) return 0;
  const Word& w = words_[i];
  return w.info ? w.info->classes : w.bare ? w.bare->classes : 0;
}

std::uint32_t EntityFinder::clitic_bytes(std::size_t i) const {
  return words_[i].info ? 0 : words_[i].clitic;
}

std::uint32_t EntityFinder::name_classes(std::size_t i) const {
  if (i >= words_.size()) return 0;
  const Word& w = words_[i];
  const WordInfo* info = w.info ? w.info : w.conjunction ? w.bare : nullptr;
  if (!info) return 0;
  // Raw text still tells على (with ى) from the name علي.
  const bool maksura = tokens_[i].end >= 2 && text_.substr(tokens_[i].end - 2, 2) == "ى";
  if (info->has(stop) && maksura) return 0;
  return info->classes & (given | given_common | connector);
}

// An indefinite word written with a final ه (not ة), ها or هم: a noun with a
// pronoun suffix (حضوره، سيارتها) far more often than a name.
bool EntityFinder::ends_in_pronoun(std::size_t i) const {
  const std::string_view key = tokens_.key(i);
  if (starts_with(key, kAl) || key.size() < 4 * kLetter) return false;  // الله
  if (ends_with(key, "ها") || ends_with(key, "هم")) return true;
  std::size_t end = tokens_[i].end;
  while (end >= tokens_[i].begin + 2) {
    const nahr::utf8::CodePoint last = nahr::utf8::decode(text_, end - 2);
    if (last.length == 2 && lexicon_char_class(last.value) == LexiconCharClass::arabic_mark) {
      end -= 2;
      continue;
    }
    return last.length == 2 && last.value == 0x0647;
  }
  return false;
}

bool EntityFinder::is_definite(std::size_t i) const {
  if (!tokens_.is_arabic(i) || (classes(i) & stop)) return false;  // الذي، التي، الآن
  const std::string_view key = tokens_.key(i);
  return starts_with(key, kAl) && key.size() >= 4 * kLetter;
}

bool EntityFinder::is_lam_definite(std::size_t i) const {
  if (!tokens_.is_arabic(i)) return false;
  const std::string_view key = tokens_.key(i);
  return starts_with(key, kLamLam) && key.size() >= 4 * kLetter;
}

bool EntityFinder::is_nisba(std::size_t i) const {
  if (!is_definite(i)) return false;
  const std::string_view key = tokens_.key(i);
  return ends_with(key, kYa) || ends_with(key, "يه");
}

bool EntityFinder::is_conjoined_definite(std::size_t i) const {
  if (!tokens_.is_arabic(i)) return false;
  const std::string_view key = tokens_.key(i);
  return starts_with(key, "وال") || starts_with(key, "فال");
}

// An unknown word that can stand after جامعة or حركة as a name: not an
// Arabic adjective (ة, ي, plurals), not a verb's imperfect form.
bool EntityFinder::looks_like_foreign_name(std::size_t i) const {
  if (!tokens_.is_arabic(i) || is_definite(i) || classes(i) != 0 || words_[i].bare) return false;
  const std::string_view key = tokens_.key(i);
  if (key.size() < 3 * kLetter) return false;
  for (std::string_view suffix :
       {kHa, kYa, std::string_view("ات"), std::string_view("ين"), std::string_view("ون")}) {
    if (ends_with(key, suffix)) return false;
  }
  const std::string_view first = letter_at(key, 0);
  return first != kYa && first != kTa && first != kNun && first != kWaw && !looks_like_verb(key);
}

// After a title, an unknown word can begin the person's name unless it is
// a function word, a verb, a clitic on a known word, or shaped like an
// adjective or an imperfect verb.
bool EntityFinder::can_start_unknown_name(std::size_t i) const {
  if (!tokens_.is_arabic(i) || is_definite(i) || is_lam_definite(i)) return false;
  for (const std::string_view clitic_article : {"بال", "وال", "فال", "كال"}) {  // بالإكثار
    if (starts_with(tokens_.key(i), clitic_article)) return false;
  }
  if (classes(i) & (kEndsName | generic_adjective)) return false;
  const Word& w = words_[i];
  if (w.bare && !w.bare->has(given)) return false;
  const std::string_view key = tokens_.key(i);
  if (key.size() < 2 * kLetter || ends_with(key, "يه")) return false;
  const std::string_view first = letter_at(key, 0);
  if (first == kWaw) return false;
  // ي and ن open imperfect verbs far more often than names, unless the word
  // ends in a bare alif, which a singular imperfect never does (يلينا);
  // a ت-word is a name when another name-like word follows (تسفاي ملاكو).
  const bool imperfect =
      (first == kYa || first == kNun) && key.size() >= 4 * kLetter && !alif_ending(key);
  const bool feminine_verb = first == kTa && key.size() >= 4 * kLetter && !alif_ending(key) &&
                             !(continues_name(i + 1) && !is_definite(i + 1) && classes(i + 1) == 0);
  if (imperfect || feminine_verb || looks_like_verb(key)) return false;
  return gazetteer_end(i) == i;
}

bool EntityFinder::continues_name(std::size_t i) const {
  if (!tokens_.is_arabic(i)) return false;
  const std::uint32_t c = classes(i);
  if (c & kEndsName) return false;
  if (words_[i].bare) return false;  // و/ل/ب on a known word: وقال، لوكالة، ومحمد
  if (is_lam_definite(i) || is_conjoined_definite(i)) return false;
  if (is_nisba(i) && (c & generic_adjective)) return false;
  if (c == 0) {  // a word no list knows
    const std::string_view key = tokens_.key(i);
    // أ، ورموز، يتضمن، حضوره
    if (key.size() <= kLetter || starts_with(key, kWaw) || looks_like_verb(key)) return false;
    if (ends_in_pronoun(i)) return false;
  }
  return words_[i].entry_end == 0 || words_[i].entry->label == Label::per;
}

// ---- gazetteer ------------------------------------------------------------

std::uint32_t EntityFinder::find_longest_entry(std::size_t i, std::string_view first,
                                               const WordInfo* info, const Entry** entry) {
  phrase_.assign(first);
  std::size_t best = 0;
  for (std::size_t k = 1; k <= info->longest_entry && i + k <= tokens_.size(); ++k) {
    const std::size_t t = i + k - 1;
    if (k > 1) {
      if (tokens_[t].kind == LexiconTokenKind::line_break) break;
      phrase_ += ' ';
      phrase_ += tokens_.key(t);
    }
    if (const Entry* e = lexicon_.entry(phrase_)) {
      best = t + 1;
      *entry = e;
    }
  }
  return static_cast<std::uint32_t>(best);
}

std::size_t EntityFinder::gazetteer_match(std::size_t i, bool allow_clitic,
                                          const Entry** entry) const {
  if (i >= words_.size()) return i;
  const Word& w = words_[i];
  if (w.entry_end > 0) {
    *entry = w.entry;
    return w.entry_end;
  }
  if (allow_clitic && w.bare_entry_end > 0) {
    *entry = w.bare_entry;
    return w.bare_entry_end;
  }
  return i;
}

std::size_t EntityFinder::gazetteer_end(std::size_t i) const {
  return i < words_.size() && words_[i].entry_end > 0 ? words_[i].entry_end : i;
}

void EntityFinder::add_gazetteer(std::size_t i) {
  // A listed name is complete: غوغل الأميركية is غوغل and an adjective.
  const Entry* entry = nullptr;
  const std::size_t end = gazetteer_match(i, true, &entry);
  if (end == i) return;
  add_candidate(i, end, clitic_bytes(i), entry->label, Rule::gazetteer, entry);
}

// ---- organisations, events, places ------------------------------------------

// The token after the complements of an institutional head. An indefinite
// head opens a genitive slot (وزارة الخارجية، هيئة تحرير الشام) that a
// definite word, a known name or a noun in construct fills; after it come
// adjectives (المصرية، العليا، المستقلة) and ل-complements (لحقوق الإنسان،
// للانتخابات). A definite head (الحكومة، المرصد) takes only adjectives and
// ل-complements, and is a name only with a nationality adjective or a
// ل-complement (`named`); its span then ends at the last of those.
std::size_t EntityFinder::organisation_end(std::size_t head, bool* named) const {
  const std::uint32_t head_classes = bare_classes(head);
  const bool definite_head = !(head_classes & org_head);
  const bool needs_name = definite_head || (head_classes & weak_org_head);
  std::size_t j = head + 1;
  std::size_t end = head + 1;
  std::size_t named_end = head + 1;
  std::size_t core_end = head + 1;  // without trailing descriptive adjectives: الرسمية، الجديدة
  bool slot = !definite_head;  // a genitive may follow
  bool lam_genitive = false;   // ... completing a ل-complement: لحقوق الإنسان
  int taken = 0;
  int foreign = 0;
  *named = false;
  const auto take = [&](std::size_t next, bool open_slot, bool naming) {
    naming = naming || lam_genitive;
    lam_genitive = false;
    if (!(classes(j) & descriptive)) core_end = next;
    j = end = next;
    slot = open_slot;
    ++taken;
    if (naming) {
      *named = true;
      named_end = end;
    }
  };
  while (j < tokens_.size() && taken < 5 && tokens_.is_arabic(j)) {
    const std::uint32_t c = classes(j);
    const std::string_view key = tokens_.key(j);
    if (c & (stop | temporal | verb | title | chain_stop | connector | given)) break;
    if (words_[j].bare && words_[j].bare->has(kEndsName)) break;  // وقال، بأن، لوكالة
    if (is_conjoined_definite(j)) {
      // A ministry may have two fields (وزارة الكهرباء والماء); elsewhere و
      // starts a second name (قوات النظام والمعارضة).
      const bool last =
          !tokens_.is_arabic(j + 1) ||
          (bare_classes(j + 1) & (stop | temporal | verb | title | given | given_common));
      if (!(head_classes & coordinating_head) || taken != 1 || j != end || !last) break;
      take(j + 1, false, false);
      continue;
    }
    if (taken > 0 && starts_with(key, kWaw) && !is_definite(j)) break;
    if (foreign > 0) {  // a foreign name of two words, then only adjectives: جامعة بيلكنت التركية
      if (foreign < 2 && looks_like_foreign_name(j)) {
        ++foreign;
        take(j + 1, false, true);
        continue;
      }
      if (!is_nisba(j)) break;
      take(j + 1, false, !(c & generic_adjective));
      continue;
    }
    if (const std::size_t g = gazetteer_end(j); g > j) {
      if (!slot) break;
      take(g, false, true);
      continue;
    }
    if (is_definite(j)) {
      const bool adjective = is_nisba(j) || (c & generic_adjective) ||
                             (starts_with(key, "الم") && ends_with(key, kHa));  // المستقلة، المتحدة
      if (!slot && !adjective) break;
      take(j + 1, false, is_nisba(j) && !(c & generic_adjective));
      continue;
    }
    if (is_lam_definite(j)) {
      // A definite head needs more than a ل-complement: الوزارة للعامل.
      take(j + 1, false, !definite_head || taken > 0);  // definite: only adjectives may follow
      continue;
    }
    // A noun in construct takes the definite word after it: شؤون اللاجئين،
    // لحقوق الإنسان، خارجية الولايات المتحدة.
    const bool lam = starts_with(key, kLam);
    const bool construct = (is_definite(j + 1) && !(classes(j + 1) & (temporal | chain_stop))) ||
                           is_lam_definite(j + 1) || gazetteer_end(j + 1) > j + 1;
    if (construct && (slot || lam)) {
      ++j;  // `end` moves once its complement is taken
      slot = true;
      lam_genitive = lam && (!definite_head || taken > 0);  // not الهيئة لتطوير الفعاليات
      continue;
    }
    if ((head_classes & named_org_head) && taken == 0 && looks_like_foreign_name(j)) {
      ++foreign;
      take(j + 1, false, true);
      continue;
    }
    break;
  }
  return needs_name ? named_end : core_end;
}

void EntityFinder::add_organisation(std::size_t i) {
  const std::uint32_t c = bare_classes(i);
  if (!(c & (org_head | org_head_definite))) return;
  bool named = false;
  const std::size_t end = organisation_end(i, &named);
  if (end == i + 1) return;  // a bare head is anaphoric (الوزارة), or a common noun (حركة القطارات)
  add_candidate(i, end, clitic_bytes(i), Label::org, Rule::org_head);
}

// معرض دبي للطيران، معرض القاهرة الدولي للكتاب: a head, a known place,
// its adjectives and a ل-complement.
void EntityFinder::add_event(std::size_t i) {
  if (!(bare_classes(i) & event_head)) return;
  const Entry* entry = nullptr;
  std::size_t j = gazetteer_match(i + 1 < tokens_.size() ? i + 1 : i, false, &entry);
  if (j <= i + 1 || entry->label != Label::loc) return;
  for (int k = 0; k < 2 && is_nisba(j) && !(classes(j) & (chain_stop | temporal)); ++k) ++j;
  if (is_lam_definite(j)) ++j;
  add_candidate(i, j, clitic_bytes(i), Label::misc, Rule::event);
}

// محافظة كركوك → كركوك; for a place the gazetteers do not know, the one or
// two words after a generic head, unless they read as an adjective.
void EntityFinder::add_place(std::size_t i) {
  if (!(bare_classes(i) & place_head)) return;
  const std::size_t j = i + 1;
  if (!tokens_.is_arabic(j) || gazetteer_end(j) > j || words_[j].bare) return;
  const std::uint32_t c = classes(j);
  if (c & (kEndsName | generic_adjective | connector | given | given_common)) return;
  if (is_definite(j) || is_lam_definite(j) || is_conjoined_definite(j)) return;  // منطقة اليورو
  const std::string_view key = tokens_.key(j);
  // Not an adjective (حدودية، منزوعة), a verb or a noun with a pronoun (يختارونها).
  if (ends_with(key, "يه") || (ends_with(key, kHa) && starts_with(key, kMim))) return;
  if (looks_like_verb(key) || ends_in_pronoun(j)) return;
  std::size_t end = j + 1;
  if (tokens_.is_arabic(end) && !(classes(end) & (kEndsName | generic_adjective)) &&
      !words_[end].bare && !is_lam_definite(end) && !is_conjoined_definite(end) && !is_nisba(end) &&
      !ends_with(tokens_.key(end), "يه")) {
    ++end;  // عين زارة، رأس العين
  }
  add_candidate(j, end, 0, Label::loc, Rule::place_head);
}

// ---- people -----------------------------------------------------------------

// From a title, walks over its complements (الخارجية المصري، باسم التحالف،
// العام للأمم المتحدة) to the word where the name starts, and marks it.
void EntityFinder::mark_title(std::size_t i) {
  if (!(bare_classes(i) & title) || i < person_end_) return;  // كريم السيد: a surname, not a title
  std::size_t j = i + 1;
  for (int steps = 0; j < tokens_.size() && steps < 8; ++steps) {
    if (!tokens_.is_arabic(j)) return;
    const std::uint32_t c = classes(j);
    if (tokens_.key(j) == "باسم") {
      ++j;
      continue;
    }
    if ((name_classes(j) & connector) && tokens_.is_arabic(j + 1)) {  // عبد الله الحميري
      title_context_[j] = 1;
      return;
    }
    if (name_classes(j) & (given | given_common)) {
      // على folds to علي and أن to آن: names only before a family name,
      // another given name, or a foreign surname in a bare alif (آنا كوستا),
      // which a genitive after على never has (على سؤال).
      const bool preposition = c & stop;
      const bool surname_next = continues_name(j + 1) &&
                                (is_nisba(j + 1) || (name_classes(j + 1) & (given | connector)) ||
                                 (classes(j + 1) == 0 && alif_ending(tokens_.key(j + 1))));
      if (!preposition || surname_next) {
        title_context_[j] = 1;
      }
      return;
    }
    if (c & (stop | temporal | verb)) return;
    if (const std::size_t g = gazetteer_end(j); g > j) {
      const Entry* entry = nullptr;
      gazetteer_match(j, false, &entry);
      if (entry->label == Label::per) return;  // the gazetteer has the name itself
      j = g;
      continue;
    }
    if (is_definite(j) || is_lam_definite(j) || (c & title)) {
      ++j;
      continue;
    }
    const bool construct =
        is_definite(j + 1) || is_lam_definite(j + 1) || gazetteer_end(j + 1) > j + 1;
    if (construct && !words_[j].bare) {
      ++j;
      continue;
    }
    if (can_start_unknown_name(j)) title_context_[j] = 1;
    return;
  }
}

// A name runs over up to four words: compounds (عبد الرحمن، ولد الشيخ,
// أيت علي) count as one, an initial (جون ف. كينيدي) is taken with its
// full stop, a definite word that is not a nisba only as the second word
// (سامح الدمرداش, not عمرو فتحي الهدف), and nothing but a compound after a
// definite family name (رشيد العاني, not رشيد العاني انتهاء العملية);
// السيد and الشيخ only last.
std::size_t EntityFinder::name_end(std::size_t start) const {
  std::size_t j = start;
  int words = 0;
  const auto take = [&](bool connector_word) {
    j += connector_word && tokens_.is_arabic(j + 1) ? 2 : 1;
    ++words;
  };
  take((name_classes(start) & connector) != 0);
  while (words < 4 && j < tokens_.size() && tokens_.is_arabic(j)) {
    const std::uint32_t c = classes(j);
    const bool initial =
        tokens_.key(j).size() == kLetter && tokens_.is_mark(j + 1, ".") && continues_name(j + 2);
    if (initial) {
      j += 2;
      continue;
    }
    if ((c & connector) && tokens_.is_arabic(j + 1)) {
      take(true);
    } else if ((c & family_name) && !(name_classes(j + 1) & (given | given_common | connector))) {
      take(false);
      break;
    } else if (!continues_name(j) || (words >= 2 && is_definite(j) && !is_nisba(j))) {
      break;
    } else {
      take(false);
    }
    // A family name (الحلبي، آل الشيخ) is the last part, but for a compound after it.
    if (is_definite(j - 1) && !((classes(j) & connector) && tokens_.is_arabic(j + 1))) break;
  }
  return j;
}

void EntityFinder::add_person(std::size_t i) {
  const Entry* entry = nullptr;
  const bool listed = gazetteer_match(i, true, &entry) > i && entry->label == Label::per;
  if (listed) return;  // the gazetteer candidate covers it
  const std::uint32_t c = name_classes(i);
  const bool titled = title_context_[i] != 0;
  bool start = titled || (c & given);
  if (!start && (c & given_common) && !(classes(i) & stop)) {
    // حسن، أمين are common words too: untitled, they need a second given
    // name or a compound after them, and not one the gazetteer knows
    // (باسم خليفة حفتر). علي and آن, which fold like على and أن, need a
    // title.
    const Entry* next = nullptr;
    start = (classes(i + 1) & (given | connector)) && !(classes(i + 1) & given_common) &&
            !(gazetteer_match(i + 1, true, &next) > i + 1 && next->label == Label::per);
  }
  if (!start && words_[i].bare && !words_[i].conjunction && words_[i].bare->has(given)) {
    // لسامر الحلبي، بمحمد علي: behind ل or ب only before a surname-like word,
    // so لدينا نسخة stays a verb and its object.
    start = is_nisba(i + 1) || (name_classes(i + 1) & (given | connector));
  }
  if (!start && (c & connector) && tokens_.is_arabic(i + 1) && continues_name(i + 1)) {
    const std::string_view key = words_[i].info ? tokens_.key(i) : bare_key(i);
    start = key == "عبد" || key == "ابو";
  }
  if (!start) return;
  const std::size_t end = name_end(i);
  // One unknown word after a title ending in a bare alif is an accusative
  // (الرئيس قادرا), not a name.
  if (end == i + 1 && !(c & (given | given_common)) && alif_ending(tokens_.key(i))) return;
  person_end_ = end;
  add_candidate(i, person_end_, clitic_bytes(i), Label::per,
                titled ? Rule::title_person : Rule::given_name);
}

// The dateline place: the first one to three words of the story, followed
// by `:`, `،`, `(` or `-` (بيروت: / القاهرة (أ ف ب) - / باريس، 12 آذار).
void EntityFinder::add_dateline() {
  std::size_t j = 0;
  while (j < 3 && tokens_.is_arabic(j) && !(bare_classes(j) & (kEndsName | connector | given))) ++j;
  if (j == 0 || j >= tokens_.size() || tokens_[j].kind != LexiconTokenKind::mark) return;
  // بيروت: is a dateline; a headline (الصحف الأوروبية: …) has more words.
  const std::string_view mark = tokens_.key(j);
  if ((mark == ":" && j == 1) || mark == "،" || mark == "(" || mark == "-") {
    add_candidate(0, j, 0, Label::loc, Rule::dateline);
  }
}

// ---- resolution ---------------------------------------------------------------

void EntityFinder::add_candidate(std::size_t first, std::size_t last, std::uint32_t clitic,
                                 Label label, Rule rule, const Entry* entry) {
  Candidate c;
  c.first = static_cast<std::uint32_t>(first);
  c.last = static_cast<std::uint32_t>(last);
  c.begin = tokens_[first].begin + clitic;
  c.label = label;
  c.rule = rule;
  c.entry = entry;
  candidates_.push_back(c);
}

// Leftmost first; at one start the longest, and on a tie the rule listed
// first in Rule.
void EntityFinder::keep_longest() {
  std::sort(candidates_.begin(), candidates_.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.last != b.last) return a.last > b.last;
    return a.rule < b.rule;
  });
  kept_.clear();
  covered_.assign(tokens_.size(), 0);
  std::uint32_t free_from = 0;  // first token not inside a kept mention
  for (const Candidate& c : candidates_) {
    if (c.first < free_from) continue;
    kept_.push_back(c);
    std::fill(covered_.begin() + c.first, covered_.begin() + c.last, 1);
    free_from = c.last;
  }
}

// A later mention of the end of a full name (its surname, or a compound
// like عبد الرحيم or ولد الشيخ) is the same person: a PER mention on its
// own, or a given-name mention relinked to the full name.
void EntityFinder::link_short_mentions() {
  short_forms_.clear();
  short_form_filter_.fill(0);
  for (const Candidate& full : kept_) {
    if (full.label != Label::per || full.last - full.first < 2) continue;
    const std::string_view canonical =
        full.entry ? std::string_view(full.entry->canonical)
                   : text_.substr(full.begin, tokens_[full.last - 1].end - full.begin);
    for (std::uint32_t k = full.first + 1; k < full.last; ++k) {
      const std::uint32_t size = full.last - k;
      if (size > 2 || (classes(k - 1) & connector)) continue;  // الرازق of عبد الرازق
      if (size == 1 && (classes(k) & (given_common | kEndsName | connector))) continue;
      const std::uint64_t hash = words_[k].hash;
      short_form_filter_[(hash >> 6) % short_form_filter_.size()] |= std::uint64_t{1}
                                                                     << (hash & 63);
      phrase_.clear();
      for (std::uint32_t t = k; t < full.last; ++t) {
        if (t > k) phrase_ += ' ';
        phrase_ += tokens_.key(t);
      }
      short_forms_.push_back({tokens_.add_key(phrase_), static_cast<std::uint32_t>(phrase_.size()),
                              size, full.last, canonical});
    }
  }
  if (short_forms_.empty()) return;

  // A person found by the name rules that begins with a short form is that
  // short form: عبد الرازق in عبد الرازق حضوره.
  for (Candidate& c : kept_) {
    if (c.label != Label::per || c.entry || c.rule == Rule::short_mention) continue;
    const Word& w = words_[c.first];
    if (!may_start_short_form(w.hash) && !(w.bare && may_start_short_form(w.bare_hash))) continue;
    for (const std::uint32_t size : {2u, 1u}) {
      if (size > c.last - c.first) continue;
      if (const ShortForm* form = short_form_at(c.first, size)) {
        std::fill(covered_.begin() + c.first + size, covered_.begin() + c.last, 0);
        c.last = c.first + size;
        c.canonical = form->canonical;
        c.rule = Rule::short_mention;
        break;
      }
    }
  }
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (covered_[i] || !tokens_.is_arabic(i)) continue;
    const Word& w = words_[i];
    if (!may_start_short_form(w.hash) && !(w.bare && may_start_short_form(w.bare_hash))) continue;
    for (const std::uint32_t size : {2u, 1u}) {
      if (size == 2 && (i + 1 >= tokens_.size() || covered_[i + 1])) continue;
      const ShortForm* form = short_form_at(i, size);
      if (!form) continue;
      Candidate c;
      c.first = static_cast<std::uint32_t>(i);
      c.last = static_cast<std::uint32_t>(i + size);
      c.begin = tokens_[i].begin + (words_[i].info ? 0 : words_[i].clitic);
      c.label = Label::per;
      c.rule = Rule::short_mention;
      c.canonical = form->canonical;
      kept_.push_back(c);
      std::fill(covered_.begin() + c.first, covered_.begin() + c.last, 1);
      i += size - 1;
      break;
    }
  }
}

bool EntityFinder::may_start_short_form(std::uint64_t hash) const {
  return short_form_filter_[(hash >> 6) % short_form_filter_.size()] &
         (std::uint64_t{1} << (hash & 63));
}

const EntityFinder::ShortForm* EntityFinder::short_form_at(std::size_t i,
                                                           std::uint32_t size) const {
  if (!tokens_.is_arabic(i) || (size == 2 && !tokens_.is_arabic(i + 1))) return nullptr;
  const std::string_view next = size == 2 ? tokens_.key(i + 1) : std::string_view();
  // As written, or without a clitic: وأضاف حداد، لشكري.
  const std::string_view heads[] = {tokens_.key(i), bare_key(i)};
  for (const ShortForm& form : short_forms_) {
    if (form.tokens != size || form.after > i) continue;
    const std::string_view key = tokens_.key_at(form.key_begin, form.key_size);
    for (const std::string_view head : heads) {
      if (head.empty()) continue;
      const bool match = size == 1 ? key == head
                                   : key.size() == head.size() + 1 + next.size() &&
                                         starts_with(key, head) && key[head.size()] == ' ' &&
                                         ends_with(key, next);
      if (match) return &form;
    }
  }
  return nullptr;
}

}  // namespace extract_entities
