// The words of Arabic dates, keyed by folded spelling: weekdays, Gregorian
// months of both series (Levantine `كانون الثاني`, Egyptian `يناير`, Maghreb
// `جانفي`), Hijri months, year and era words, relative days and the
// qualifiers `الماضي` / `المقبل` / `الجاري`.
#pragma once

#include <nahr/text/key_table.hpp>
#include <nahr/text/word_tokens.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace extract_dates {

using nahr::lexicon::word_key;

enum class WordClass : std::uint8_t {
  none,
  weekday,          // value: ISO weekday, 1 = Monday
  month,            // Gregorian, value 1-12
  month_head,       // كانون، تشرين: a month with the tail word after it
  hijri_month,      // value 1-12
  hijri_head,       // ربيع، جمادى، ذو/ذي
  year_word,        // عام، العام، سنة، السنة
  month_word,       // الشهر
  hijri_marker,     // هـ، هجري
  gregorian_marker, // م، ميلادي
  relative_day,     // أمس، اليوم، غدا … value: days from the document date
  this_word,        // هذا، هذه (`هذا العام`)
  quantity,         // ألف، مليون، دولار، بالمئة …: `2000 دولار` is no year
};

// The second word of a two-word month.
enum class Tail : std::uint8_t { none, first, second, qaada, hijja };

enum class Qualifier : std::uint8_t { none, past, next, current };

struct Word {
  WordClass kind = WordClass::none;
  int value = 0;
  // A month name that is also an everyday word (`مارس` "practised", `آب`
  // folds to `أب` "father", `رمضان` and `رجب` are given names): it counts
  // only in a date context.
  bool ambiguous = false;
  // Roles independent of the class:
  Tail tail = Tail::none;              // الأول، الثاني، القعدة …
  Qualifier qualifier = Qualifier::none;  // الماضي، المقبل، الجاري …
  bool context = false;           // في، منذ، شهر …: a month may follow
  bool year_preposition = false;  // منذ، حتى، بحلول …: a bare year may follow
};

class Lexicon {
 public:
  Lexicon();
  // The entry of a folded word; an empty Word when unknown.
  const Word& find(std::string_view key) const;
  // False when neither `key` nor `key` without the clitics the scanner
  // strips (و ف, then ب ل) can be in the lexicon: a Bloom filter on the
  // first two letters, the last letter and the length that spares most
  // words of a text the hash lookup.
  bool may_contain(std::string_view key) const {
    return filter_.may_contain_after_proclitics(key, "\u0648\u0641", "\u0628\u0644");
  }

 private:
  Word& entry(std::string_view spelling);

  // Filled by entry(), then frozen into table_ for lookups.
  std::unordered_map<std::string, Word> building_;
  nahr::lexicon::KeyTable<Word> table_;
  nahr::lexicon::KeyFilter filter_;
};

// The Gregorian or Hijri month a head and tail name (`كانون` + `الثاني` = 1,
// `جمادى` + `الأولى` = 5); 0 when they do not go together.
int month_of(const Word& head, Tail tail);

}  // namespace extract_dates
