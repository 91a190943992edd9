#include "lexicon.hpp"

#include <utility>
#include <vector>

namespace extract_dates {
namespace {

using Named = std::pair<std::string_view, int>;

constexpr Named weekdays[] = {{"الاثنين", 1},  {"الإثنين", 1}, {"الثلاثاء", 2}, {"الأربعاء", 3},
                              {"الخميس", 4},   {"الجمعة", 5},  {"السبت", 6},    {"الأحد", 7}};
constexpr Named months[] = {
    // Levantine and Iraqi
    {"شباط", 2}, {"آذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"حزيران", 6}, {"تموز", 7},
    {"آب", 8}, {"أيلول", 9},
    // Egyptian and Gulf
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"إبريل", 4}, {"مايو", 5},
    {"يونيو", 6}, {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"أغسطس", 8}, {"سبتمبر", 9},
    {"أكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
    // Maghreb (Algeria, Tunisia; Morocco)
    {"جانفي", 1}, {"فيفري", 2}, {"أفريل", 4}, {"ماي", 5}, {"جوان", 6}, {"جويلية", 7},
    {"أوت", 8}, {"يوليوز", 7}, {"غشت", 8}, {"شتنبر", 9}, {"نونبر", 11}, {"دجنبر", 12}};
constexpr std::string_view ambiguous_months[] = {"آب", "مارس", "ماي", "جوان"};
constexpr Named hijri_months[] = {{"محرم", 1}, {"صفر", 2},    {"رجب", 7},
                                  {"شعبان", 8}, {"رمضان", 9}, {"شوال", 10}};
constexpr std::string_view ambiguous_hijri_months[] = {"محرم", "صفر", "رجب", "شعبان", "رمضان"};
// Heads: value tells them apart in month_of().
constexpr Named month_heads[] = {{"كانون", 1}, {"تشرين", 2}};
constexpr Named hijri_heads[] = {{"ربيع", 1}, {"جمادى", 2}, {"ذو", 3}, {"ذي", 3}};
constexpr std::pair<std::string_view, Tail> tails[] = {
    {"الأول", Tail::first},   {"أول", Tail::first},      {"الأولى", Tail::first},
    {"الثاني", Tail::second}, {"ثاني", Tail::second},    {"الثانية", Tail::second},
    {"الآخر", Tail::second},  {"الآخرة", Tail::second},  {"القعدة", Tail::qaada},
    {"الحجة", Tail::hijja}};
constexpr Named relative_days[] = {{"أمس", -1},  {"الأمس", -1}, {"البارحة", -1},
                                   {"اليوم", 0}, {"غدا", 1},    {"الغد", 1}};
constexpr std::pair<std::string_view, Qualifier> qualifiers[] = {
    {"الماضي", Qualifier::past},    {"الماضية", Qualifier::past},
    {"المنصرم", Qualifier::past},   {"المنصرمة", Qualifier::past},
    {"الفائت", Qualifier::past},    {"المقبل", Qualifier::next},
    {"المقبلة", Qualifier::next},   {"القادم", Qualifier::next},
    {"القادمة", Qualifier::next},   {"الجاري", Qualifier::current},
    {"الجارية", Qualifier::current}, {"الحالي", Qualifier::current},
    {"الحالية", Qualifier::current}};
// Words after which an ambiguous month name is a month (`في مارس`).
constexpr std::string_view contexts[] = {"في",    "منذ",   "شهر",   "مطلع",   "أوائل", "منتصف",
                                         "أواخر", "نهاية", "بداية", "حتى",    "خلال",  "قبل",
                                         "بعد",   "من",    "إلى",   "بحلول"};
// Words after which a lone four-digit number is a year (`منذ 2014`); keep
// in step with extract-numbers, which leaves these years alone.
constexpr std::string_view year_prepositions[] = {"منذ",  "في",    "حتى",   "بحلول", "أفق",
                                                  "قبل",  "بعد",   "خلال",  "مطلع",  "نهاية",
                                                  "بداية", "أواخر", "أوائل", "منتصف"};

// What makes a four-digit number a quantity rather than a bare year; the
// same words as extract-numbers' scales, currencies and percent phrases.
constexpr std::string_view quantities[] = {
    "ألف", "ألفا", "آلاف", "مليون", "مليونا", "ملايين", "مليار", "مليارا", "مليارات", "بليون",
    "تريليون", "دولار", "دولارا", "دولارات", "يورو", "جنيه", "جنيها", "جنيهات", "ريال", "ريالا",
    "ريالات", "درهم", "درهما", "دراهم", "دينار", "دينارا", "دنانير", "ليرة", "ليرات", "شيكل",
    "فرنك", "روبل", "يوان", "روبية", "تومان", "أوقية", "بالمئة", "بالمائة", "بالمية", "المئة", "المائة", "المية"};

}  // namespace

Word& Lexicon::entry(std::string_view spelling) { return building_[word_key(spelling)]; }

Lexicon::Lexicon() {
  const auto set = [this](std::string_view spelling, WordClass kind, int value) {
    Word& w = entry(spelling);
    w.kind = kind;
    w.value = value;
  };
  for (auto [w, v] : weekdays) set(w, WordClass::weekday, v);
  for (auto [w, v] : months) set(w, WordClass::month, v);
  for (auto w : ambiguous_months) entry(w).ambiguous = true;
  for (auto [w, v] : hijri_months) set(w, WordClass::hijri_month, v);
  for (auto w : ambiguous_hijri_months) entry(w).ambiguous = true;
  for (auto [w, v] : month_heads) set(w, WordClass::month_head, v);
  for (auto [w, v] : hijri_heads) set(w, WordClass::hijri_head, v);
  for (auto [w, t] : tails) entry(w).tail = t;
  for (auto w : {"عام", "العام", "سنة", "السنة"}) set(w, WordClass::year_word, 0);
  set("الشهر", WordClass::month_word, 0);
  for (auto w : {"هـ", "هجري", "هجرية"}) set(w, WordClass::hijri_marker, 0);
  for (auto w : {"م", "ميلادي", "ميلادية"}) set(w, WordClass::gregorian_marker, 0);
  for (auto [w, v] : relative_days) set(w, WordClass::relative_day, v);
  for (auto w : {"هذا", "هذه"}) set(w, WordClass::this_word, 0);
  for (auto w : quantities) set(w, WordClass::quantity, 0);
  for (auto [w, q] : qualifiers) entry(w).qualifier = q;
  for (auto w : contexts) entry(w).context = true;
  for (auto w : year_prepositions) entry(w).year_preposition = true;

  const std::string article = word_key("ال");
  const std::string lam = word_key("ل");
  for (const auto& [key, word] : building_) {
    filter_.add(key);
    // `للعام` is ل + العام with the article's alef elided: the scanner looks
    // it up as العام, the filter sees لعام.
    if (key.starts_with(article)) filter_.add(lam + key.substr(article.size()));
  }
  table_ = nahr::lexicon::KeyTable<Word>(
      std::vector<std::pair<std::string, Word>>(building_.begin(), building_.end()));
  building_.clear();
}

const Word& Lexicon::find(std::string_view key) const {
  static const Word unknown;
  const Word* w = table_.find(key);
  return w ? *w : unknown;
}

int month_of(const Word& head, Tail tail) {
  if (head.kind == WordClass::month_head) {
    const bool kanun = head.value == 1;
    if (tail == Tail::first) return kanun ? 12 : 10;  // كانون الأول، تشرين الأول
    if (tail == Tail::second) return kanun ? 1 : 11;  // كانون الثاني، تشرين الثاني
    return 0;
  }
  if (head.kind == WordClass::hijri_head) {
    switch (head.value) {
      case 1: return tail == Tail::first ? 3 : tail == Tail::second ? 4 : 0;  // ربيع
      case 2: return tail == Tail::first ? 5 : tail == Tail::second ? 6 : 0;  // جمادى
      case 3: return tail == Tail::qaada ? 11 : tail == Tail::hijja ? 12 : 0;  // ذو
      default: return 0;
    }
  }
  return 0;
}

}  // namespace extract_dates
