#include "wire_cleaner.hpp"

#include <algorithm>
#include <string>

#include "change_log.hpp"
#include "doubled_words.hpp"

namespace nahr::clean_wire {

namespace {

constexpr std::string_view removed_metadata = "clean-wire.doubled_words_removed";

DoubledWords parse_doubled_words(const std::string& value) {
  if (value == "flag") return DoubledWords::flag;
  if (value == "remove") return DoubledWords::remove;
  if (value == "off") return DoubledWords::off;
  throw FatalError("clean-wire: unknown doubled_words mode '" + value + "'");
}

}  // namespace

std::vector<OptionSpec> WireCleaner::schema() {
  return {
      flag("entities", true,
           "Decode character references: the XML five, the HTML 4 named set (&nbsp; &laquo; "
           "&hellip; &rlm; ...), decimal &#1604; and hex &#x644;, and double-escaped ones "
           "(&amp;quot;) in one step"),
      flag("stray_ampersands", true,
           "Remove '&' and ';' glued to an Arabic word (&وقال, ;الرئيس, وقال&) but not AT&T, "
           "Procter & Gamble or a ';' ending a clause"),
      flag("control_characters", true,
           "Remove C0 controls other than tab, line feed and carriage return, DEL, and C1 "
           "controls (U+0080-U+009F)"),
      text("doubled_words", "flag",
           "A word repeated after white space (في في): 'flag' annotates the repeat as "
           "'doubled-word', 'remove' deletes it and the space before it, 'off' ignores it",
           {"flag", "remove", "off"}),
      text_list("doubled_words_allowed",
                {// ولي ولي العهد: the deputy crown prince
                 "ولي",
                 // Latin letters spelled out, as in بي بي سي (BBC) and سي إن إن (CNN)
                 "بي", "سي", "إن", "ان", "إم", "أم", "إس", "اس", "إل", "أل", "كيه", "كي", "إيه",
                 "ايه", "دي", "جي", "تي", "إف", "إكس", "كا",
                 // a name repeating the father's: محمد محمد صالح
                 "محمد",
                 // emphasis and distribution: رويدا رويدا, خطوة خطوة, جدا جدا
                 "جدا", "جداً", "رويدا", "رويداً", "رويدًا", "خطوة", "شيئا", "شيئاً", "قليلا", "قليلاً",
                 "فردا", "فرداً", "يوما", "يوماً", "بندا", "بنداً", "فصلا", "فصلاً"},
                "Words whose repetition is meant, never flagged or removed"),
      flag("record_changes", false,
           "Annotate each change as 'clean-wire.change' with attributes 'rule' and 'from'"),
  };
}

WireCleaner::WireCleaner(const Options& options)
    : chars_(&CharTable::get()),
      artefacts_({options.flag("entities"), options.flag("stray_ampersands"),
                  options.flag("control_characters")},
                 *chars_),
      doubled_words_(parse_doubled_words(options.text("doubled_words"))),
      allowed_repeats_(options.text_list("doubled_words_allowed")),
      record_changes_(options.flag("record_changes")) {
  std::ranges::sort(allowed_repeats_);
}

void WireCleaner::process(Document& doc) const {
  // A removal can bring new artefacts together ("&amp;&وقال" becomes
  // "&&وقال", then "&وقال"), so the rules run until the text stops changing:
  // running the stage twice then gives what running it once gives. Every
  // change shortens the text, so this ends; a text that needs no change is
  // scanned once.
  std::size_t removed = 0;
  for (bool changed = true; changed;) {
    changed = clean_artefacts(doc);
    if (doubled_words_ == DoubledWords::remove) {
      const std::size_t n = remove_doubled_words(doc);
      removed += n;
      changed = changed || n > 0;
    }
  }
  if (doubled_words_ == DoubledWords::flag) flag_doubled_words(doc);
  if (removed > 0) {
    doc.set_metadata(removed_metadata, std::to_string(removed));
    log(NAHR_LOG_DEBUG, "clean-wire: removed " + std::to_string(removed) + " doubled words from " +
                            std::string(doc.id()));
  }
}

bool WireCleaner::clean_artefacts(Document& doc) const {
  if (!artefacts_.enabled()) return false;
  const std::string_view text = doc.text();
  ChangeLog log(text, record_changes_);
  artefacts_.scan(text, log);
  return log.commit(doc);
}

std::size_t WireCleaner::remove_doubled_words(Document& doc) const {
  const std::string_view text = doc.text();
  const std::vector<Repetition> repetitions = find_doubled_words(text, *chars_, allowed_repeats_);
  if (repetitions.empty()) return 0;
  ChangeLog log(text, record_changes_);
  for (const Repetition& r : repetitions) log.erase(r.gap_begin, r.repeat.end, Rule::doubled_word);
  log.commit(doc);
  return repetitions.size();
}

void WireCleaner::flag_doubled_words(Document& doc) const {
  const std::string_view text = doc.text();
  for (const Repetition& r : find_doubled_words(text, *chars_, allowed_repeats_)) {
    doc.annotate("doubled-word", {r.repeat.begin, r.repeat.end})
        .set("word", text.substr(r.repeat.begin, r.repeat.end - r.repeat.begin));
  }
}

}  // namespace nahr::clean_wire
