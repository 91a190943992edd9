#include "reporting_words.hpp"

#include <deque>
#include <nahr/text/lexicon_tokens.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace extract_quotes {
namespace {

using nahr::lexicon::lexicon_key;

struct Forms {
  std::string_view base;
  Attribution kind;
  std::string_view forms;  // separated by spaces
  bool noun_too = false;  // the past form is also a noun: عدم كشف اسمه، مستشفى تابع
};

// Past (3rd person, masculine and feminine, plural, dual), imperfect and,
// for the participles, masculine and feminine accusative forms.
constexpr Forms kForms[] = {
    {"قال", Attribution::finite, "قال قالت قالوا قالا قالتا يقول تقول يقولون"},
    {"قال", Attribution::participle, "قائلا قائلة قائلين"},
    {"أكد", Attribution::finite, "أكد أكدت أكدوا أكدا يؤكد تؤكد يؤكدون"},
    {"أكد", Attribution::participle, "مؤكدا مؤكدة مؤكدين"},
    {"أضاف", Attribution::finite, "أضاف أضافت أضافوا أضافا يضيف تضيف"},
    {"أضاف", Attribution::participle, "مضيفا مضيفة مضيفين"},
    {"أفاد", Attribution::finite, "أفاد أفادت أفادوا يفيد تفيد"},
    {"أفاد", Attribution::participle, "مفيدا مفيدة"},
    {"أعلن", Attribution::finite, "أعلن أعلنت أعلنوا يعلن تعلن"},
    {"أعلن", Attribution::participle, "معلنا معلنة"},
    {"أوضح", Attribution::finite, "أوضح أوضحت أوضحوا يوضح توضح"},
    {"أوضح", Attribution::participle, "موضحا موضحة"},
    {"تابع", Attribution::finite, "تابع تابعت تابعوا", true},
    {"تابع", Attribution::participle, "متابعا متابعة"},
    {"اعتبر", Attribution::finite, "اعتبر اعتبرت اعتبروا يعتبر تعتبر"},
    {"اعتبر", Attribution::participle, "معتبرا معتبرة"},
    {"صرح", Attribution::finite, "صرح صرحت صرحوا يصرح تصرح"},
    {"صرح", Attribution::participle, "مصرحا مصرحة"},
    {"نفى", Attribution::finite, "نفى نفت نفوا ينفي تنفي"},
    {"نفى", Attribution::participle, "نافيا نافية"},
    {"أشار", Attribution::finite, "أشار أشارت أشاروا يشير تشير"},
    {"أشار", Attribution::participle, "مشيرا مشيرة مشيرين"},
    {"لفت", Attribution::finite, "لفت لفتت"},
    {"لفت", Attribution::participle, "لافتا لافتة"},
    {"شدد", Attribution::finite, "شدد شددت شددوا يشدد تشدد"},
    {"شدد", Attribution::participle, "مشددا مشددة"},
    {"رأى", Attribution::finite, "رأى رأت رأوا يرى ترى", true},
    {"كشف", Attribution::finite, "كشف كشفت كشفوا يكشف تكشف", true},
    {"كشف", Attribution::participle, "كاشفا كاشفة"},
    {"ذكر", Attribution::finite, "ذكر ذكرت ذكروا يذكر تذكر", true},
    {"ذكر", Attribution::participle, "ذاكرا ذاكرة"},
    {"تساءل", Attribution::finite, "تساءل تساءلت"},
    {"تساءل", Attribution::participle, "متسائلا متسائلة"},
    {"حذر", Attribution::finite, "حذر حذرت حذروا يحذر تحذر"},
    {"حذر", Attribution::participle, "محذرا محذرة"},
    {"أردف", Attribution::finite, "أردف أردفت"},
    {"استطرد", Attribution::finite, "استطرد استطردت"},
    {"كتب", Attribution::finite, "كتب كتبت", true},
    {"أقر", Attribution::finite, "أقر أقرت"},
    {"اعترف", Attribution::finite, "اعترف اعترفت"},
    {"علق", Attribution::finite, "علق علقت", true},
    {"تحدث", Attribution::finite, "تحدث تحدثت تحدثوا يتحدث تتحدث"},
    {"تحدث", Attribution::participle, "متحدثا متحدثة"},
    {"بحسب", Attribution::according, "بحسب حسب بحسبما حسبما"},
    {"وفق", Attribution::according, "وفق وفقا"},
    {"نقلا عن", Attribution::according, "نقلا"},
};

template <class F>
void for_each_word(std::string_view words, F&& f) {
  while (!words.empty()) {
    const std::size_t space = words.find(' ');
    f(words.substr(0, space));
    words.remove_prefix(space == std::string_view::npos ? words.size() : space + 1);
  }
}

// Folded words kept for the life of the process, so the sets and maps
// below can hold views of them and be probed with views, without copies.
std::string_view keep(std::string folded) {
  static std::deque<std::string> store;  // only grows while the tables are built
  return store.emplace_back(std::move(folded));
}

class WordSet {
 public:
  explicit WordSet(std::string_view words) {
    for_each_word(words, [&](std::string_view w) { words_.insert(keep(lexicon_key(w))); });
  }
  bool contains(std::string_view key) const { return words_.count(key) != 0; }

 private:
  std::unordered_set<std::string_view> words_;
};

}  // namespace

const ReportingWord* reporting_word(std::string_view key) {
  static const auto table = [] {
    std::unordered_map<std::string_view, ReportingWord> map;
    for (const Forms& f : kForms) {
      for_each_word(f.forms, [&](std::string_view form) {
        map.emplace(keep(lexicon_key(form)), ReportingWord{f.base, f.kind, f.noun_too});
      });
    }
    return map;
  }();
  const auto it = table.find(key);
  return it == table.end() ? nullptr : &it->second;
}

bool is_complementiser(std::string_view key) {
  static const WordSet set("إن أن إنه أنه إنها أنها إنهم أنهم بأن بأنه بأنها");
  return set.contains(key);
}

bool is_preposition(std::string_view key) {
  static const WordSet set(
      "في عن إلى على من مع عبر خلال أمام بعد قبل عند لدى نحو حول ضد أثناء إثر عقب بين منذ حتى وسط "
      "فيه فيها عليه عليها له لها عنه عنها منه منها");
  return set.contains(key);
}

bool is_temporal(std::string_view key) {
  static const WordSet set(
      "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت أمس اليوم غدا مساء صباح ليل "
      "ليلة "
      "أيضا كذلك بدوره بدورها لاحقا");
  return set.contains(key);
}

}  // namespace extract_quotes
