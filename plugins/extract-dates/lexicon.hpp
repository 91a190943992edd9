// The words of Arabic dates, keyed by folded spelling: weekdays, Gregorian
// months of both series (Levantine `كانون الثاني`, Egyptian `يناير`, Maghreb
// `جانفي`), Hijri months, year and era words, relative days and the
// qualifiers `الماضي` / `المقبل` / `الجاري`.
#pragma once

#include "folded_table.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace extract_dates {

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
  bool may_contain(std::string_view key) const;

 private:
  Word& entry(std::string_view spelling);
  void add_to_filter(std::string_view key);
  bool in_filter(std::string_view key) const;
  // Bit of the filter for the first four bytes (two Arabic letters), the
  // last two and the length of a key.
  static std::uint32_t filter_bit(std::string_view key);

  // Filled by entry(), then frozen into table_ for lookups.
  std::unordered_map<std::string, Word> building_;
  FoldedTable<Word> table_;
  static constexpr std::uint32_t filter_bits_log2 = 14;
  std::uint64_t filter_[(1u << filter_bits_log2) / 64] = {};
};

inline std::uint32_t Lexicon::filter_bit(std::string_view key) {
  std::uint32_t head = 0;
  for (std::size_t k = 0; k < 4 && k < key.size(); ++k) {
    head = head << 8 | static_cast<unsigned char>(key[k]);
  }
  std::uint32_t tail = 0;
  for (std::size_t k = key.size() < 2 ? 0 : key.size() - 2; k < key.size(); ++k) {
    tail = tail << 8 | static_cast<unsigned char>(key[k]);
  }
  std::uint64_t mix = (std::uint64_t{head} << 32 | tail) ^ (key.size() * 0x9E3779B97F4A7C15ull);
  mix *= 0xFF51AFD7ED558CCDull;
  return static_cast<std::uint32_t>(mix >> (64 - filter_bits_log2));
}

inline bool Lexicon::in_filter(std::string_view key) const {
  const std::uint32_t bit = filter_bit(key);
  return (filter_[bit / 64] >> (bit % 64) & 1) != 0;
}

inline bool Lexicon::may_contain(std::string_view key) const {
  if (in_filter(key)) return true;
  // Whether the two-byte letter at key[at] is one of `letters`.
  const auto letter_in = [key](std::size_t at, std::string_view letters) {
    for (std::size_t k = 0; k < letters.size(); k += 2) {
      if (key.compare(at, 2, letters.substr(k, 2)) == 0) return true;
    }
    return false;
  };
  constexpr std::string_view conjunctions = "\u0648\u0641";  // و ف
  constexpr std::string_view prepositions = "\u0628\u0644";  // ب ل
  if (key.size() >= 6 && (letter_in(0, conjunctions) || letter_in(0, prepositions)) &&
      in_filter(key.substr(2))) {
    return true;
  }
  return key.size() >= 8 && letter_in(0, conjunctions) && letter_in(2, prepositions) &&
         in_filter(key.substr(4));
}

// The Gregorian or Hijri month a head and tail name (`كانون` + `الثاني` = 1,
// `جمادى` + `الأولى` = 5); 0 when they do not go together.
int month_of(const Word& head, Tail tail);

}  // namespace extract_dates
