#include "lexicon.hpp"

#include <utility>
#include <vector>

namespace extract_numbers {
namespace {

using Entry = std::pair<std::string_view, std::uint64_t>;
using Spelling = std::string_view;

Word word(WordClass kind, std::uint64_t value = 0, bool plural = false,
          std::string_view name = {}) {
  Word w;
  w.kind = kind;
  w.value = value;
  w.plural = plural;
  w.name = name;
  return w;
}

// Spellings are written as Arabic is usually spelt; add() folds them.
constexpr Entry units[] = {
    {"واحد", 1},  {"واحدة", 1}, {"اثنان", 2}, {"اثنين", 2}, {"اثنتان", 2}, {"اثنتين", 2},
    {"ثلاث", 3},  {"ثلاثة", 3}, {"أربع", 4},  {"أربعة", 4}, {"خمس", 5},   {"خمسة", 5},
    {"ست", 6},    {"ستة", 6},   {"سبع", 7},   {"سبعة", 7},  {"ثماني", 8}, {"ثمانية", 8},
    {"ثمان", 8},  {"تسع", 9},   {"تسعة", 9}};
constexpr Entry teen_heads[] = {{"أحد", 1}, {"إحدى", 1}, {"اثنا", 2}, {"اثني", 2}, {"اثنتا", 2},
                                {"اثنتي", 2}};
constexpr Entry tens[] = {
    {"عشرون", 20},  {"عشرين", 20},  {"ثلاثون", 30}, {"ثلاثين", 30}, {"أربعون", 40},
    {"أربعين", 40}, {"خمسون", 50},  {"خمسين", 50},  {"ستون", 60},   {"ستين", 60},
    {"سبعون", 70},  {"سبعين", 70},  {"ثمانون", 80}, {"ثمانين", 80}, {"تسعون", 90},
    {"تسعين", 90}};
constexpr Entry hundreds[] = {
    {"مئة", 100},      {"مائة", 100},     {"مئتان", 200},    {"مئتين", 200},    {"مئتي", 200},
    {"مائتان", 200},   {"مائتين", 200},   {"مائتي", 200},    {"ثلاثمئة", 300},  {"ثلاثمائة", 300},
    {"أربعمئة", 400},  {"أربعمائة", 400}, {"خمسمئة", 500},   {"خمسمائة", 500},  {"ستمئة", 600},
    {"ستمائة", 600},   {"سبعمئة", 700},   {"سبعمائة", 700},  {"ثمانمئة", 800},  {"ثمانمائة", 800},
    {"ثمانيمئة", 800}, {"تسعمئة", 900},   {"تسعمائة", 900}};
// Power of ten of each scale word.
constexpr Entry scales[] = {{"ألف", 3},    {"ألفا", 3},     {"مليون", 6},    {"مليونا", 6},
                            {"مليار", 9},  {"مليارا", 9},   {"بليون", 9},    {"تريليون", 12}};
constexpr Entry plural_scales[] = {{"آلاف", 3},   {"ألوف", 3},   {"ملايين", 6},
                                   {"مليارات", 9}, {"بلايين", 9}, {"تريليونات", 12}};
constexpr Entry dual_scales[] = {{"ألفان", 3},   {"ألفين", 3},   {"ألفي", 3},
                                 {"مليونان", 6}, {"مليونين", 6}, {"مليوني", 6},
                                 {"ملياران", 9}, {"مليارين", 9}, {"ملياري", 9}};
constexpr Spelling approximates[] = {"عشرات", "مئات", "بضع", "بضعة", "العشرات", "المئات", "الآلاف",
                                    "الألوف", "الملايين", "المليارات"};
// Currency spellings (singular, accusative, plural) and the unit they name.
constexpr std::pair<std::string_view, std::string_view> currencies[] = {
    {"دولار", "دولار"},   {"دولارا", "دولار"},  {"دولارات", "دولار"}, {"يورو", "يورو"},
    {"جنيه", "جنيه"},     {"جنيها", "جنيه"},    {"جنيهات", "جنيه"},   {"ريال", "ريال"},
    {"ريالا", "ريال"},    {"ريالات", "ريال"},   {"درهم", "درهم"},     {"درهما", "درهم"},
    {"دراهم", "درهم"},    {"دينار", "دينار"},   {"دينارا", "دينار"},  {"دنانير", "دينار"},
    {"ليرة", "ليرة"},     {"ليرات", "ليرة"},    {"شيكل", "شيكل"},     {"شيكلا", "شيكل"},
    {"شيكلات", "شيكل"},   {"شواكل", "شيكل"},    {"فرنك", "فرنك"},     {"فرنكا", "فرنك"},
    {"فرنكات", "فرنك"},   {"روبل", "روبل"},     {"روبلا", "روبل"},    {"روبلات", "روبل"},
    {"يوان", "يوان"},     {"ين", "ين"},         {"روبية", "روبية"},   {"روبيات", "روبية"},
    {"تومان", "تومان"},   {"أوقية", "أوقية"},   {"$", "دولار"},       {"€", "يورو"},
    {"£", "جنيه"}};
constexpr Spelling percent_nouns[] = {"المئة", "المائة", "المية"};
constexpr Spelling percent_words[] = {"بالمئة", "بالمائة", "بالمية"};
// Month names of both Arabic series, the Maghreb names, the Hijri months and
// the first words of the two-word months.
constexpr Spelling months[] = {
    "كانون", "تشرين", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه",
    "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "جانفي", "فيفري", "أفريل", "ماي",
    "جوان", "جويلية", "أوت", "محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال",
    "ذو", "ذي"};
constexpr Spelling month_tails[] = {"الأول", "الثاني", "الآخر", "الآخرة", "الأولى", "الثانية",
                                   "القعدة", "الحجة", "أول", "ثاني"};
constexpr Spelling year_words[] = {"عام", "العام", "سنة", "السنة", "عامي", "العامين"};
constexpr Spelling year_markers[] = {"هـ", "ه", "هجري", "هجرية", "م", "ميلادي", "ميلادية"};
constexpr Spelling year_prepositions[] = {"منذ", "في", "حتى", "بحلول", "أفق", "قبل", "بعد",
                                         "خلال", "مطلع", "نهاية", "بداية", "أواخر", "أوائل",
                                         "منتصف"};
constexpr Spelling ordinals[] = {
    "الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
    "الحادية", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة",
    "التاسعة", "حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع"};

}  // namespace

Lexicon::Lexicon() {
  for (auto [w, v] : units) add(w, word(WordClass::unit, v));
  for (auto [w, v] : teen_heads) add(w, word(WordClass::teen_head, v));
  add("عشر", word(WordClass::ten, 10));
  add("عشرة", word(WordClass::ten, 10));
  for (auto [w, v] : tens) add(w, word(WordClass::tens, v));
  for (auto [w, v] : hundreds) add(w, word(WordClass::hundred, v));
  for (auto [w, v] : scales) add(w, word(WordClass::scale, v));
  for (auto [w, v] : plural_scales) add(w, word(WordClass::scale, v, true));
  for (auto [w, v] : dual_scales) add(w, word(WordClass::dual_scale, v));
  add("نصف", word(WordClass::half));
  for (auto w : approximates) add(w, word(WordClass::approximate));
  for (auto [w, unit] : currencies) add(w, word(WordClass::currency, 0, false, unit));
  for (auto w : percent_nouns) add(w, word(WordClass::percent_noun));
  for (auto w : percent_words) add(w, word(WordClass::percent_word));
  for (auto w : months) add(w, word(WordClass::month));
  for (auto w : year_words) add(w, word(WordClass::year_word));
  for (auto w : year_markers) add(w, word(WordClass::year_marker));
  for (auto w : year_prepositions) add(w, word(WordClass::year_preposition));
  for (auto w : month_tails) mark(w, &Word::month_tail);
  for (auto w : ordinals) mark(w, &Word::ordinal);
  for (const auto& [key, word] : building_) filter_.add(key);
  table_ = nahr::lexicon::KeyTable<Word>(
      std::vector<std::pair<std::string, Word>>(building_.begin(), building_.end()));
  building_.clear();
}

void Lexicon::add(std::string_view spelling, Word entry) {
  building_.emplace(word_key(spelling), entry);
}

void Lexicon::mark(std::string_view spelling, bool Word::*flag) {
  building_[word_key(spelling)].*flag = true;
}

const Word& Lexicon::find(std::string_view key) const {
  static const Word unknown;
  const Word* w = table_.find(key);
  return w ? *w : unknown;
}

}  // namespace extract_numbers
