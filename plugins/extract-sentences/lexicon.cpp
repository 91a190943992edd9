#include "lexicon.hpp"

#include <array>

namespace extract_sentences {
namespace {

// Abbreviations followed by a full stop that never end a sentence: titles
// before a name and markers before a number. A single letter with a full
// stop (`د.` doctor, `م.` engineer, `J.`) needs no entry: the splitter
// treats it as an initial, except right after a number, where `م.` (metre,
// or the Gregorian era), `هـ.` (Hijri era) and `د.` (minute) can end a
// sentence (`في عام 1440 هـ.`). Dotted acronyms (`أ.ف.ب.`) end a sentence
// when they are followed by a space, unless they are listed here.
constexpr std::array kAbbreviations = {
    // Arabic: professor-doctor, post-office box.
    "أ.د", "ص.ب",
    // Latin titles and markers.
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "maj", "capt",
    "sgt", "gov", "sen", "rep", "rev", "hon", "vs", "e.g", "i.e", "cf", "approx", "fig", "vol"};

// Verbs that, right after a quotation closed by a terminator, make it part
// of the same sentence (the quotation is their object):
// `«هل هذه نهاية الأزمة؟» تساءل الوزير.` Only the bare verb counts: a
// sentence in wire copy opens with `وقال`, not `قال`.
constexpr std::array kReportingVerbs = {
    "قال",   "قالت",   "قالوا",  "أضاف",  "أضافت", "أضافوا", "تابع",   "تابعت",  "أكد",
    "أكدت",  "أكدوا",  "أوضح",   "أوضحت", "تساءل", "تساءلت", "صرح",    "صرحت",   "اعتبر",
    "اعتبرت", "أعلن",  "أعلنت",  "ختم",   "ختمت",  "أردف",   "أردفت",  "يقول",   "تقول",
    "يضيف",  "تضيف",   "يتابع",  "تتابع", "يؤكد",  "تؤكد",   "يتساءل", "تتساءل", "كتب",
    "كتبت",  "هتف",    "هتفت",   "صاح",   "صاحت"};

}  // namespace

Lexicon::Lexicon(const std::vector<std::string>& extra_abbreviations) {
  for (const char* word : kAbbreviations) {
    abbreviations_.insert(nahr::arabic::folded(word, kKeyFolding));
  }
  for (std::string_view word : extra_abbreviations) {
    if (word.ends_with('.')) word.remove_suffix(1);  // "Dr." and "Dr" are the same entry
    if (!word.empty()) abbreviations_.insert(nahr::arabic::folded(word, kKeyFolding));
  }
  for (const char* word : kReportingVerbs) {
    reporting_verbs_.insert(nahr::arabic::folded(word, kKeyFolding));
  }
}

}  // namespace extract_sentences
