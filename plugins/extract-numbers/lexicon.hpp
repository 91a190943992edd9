// The words the number grammar knows, keyed by folded spelling: number
// words and scales, approximate quantities, currencies, percent phrases,
// and the date words that tell a day or a year from a quantity.
#pragma once

#include "folded_table.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace extract_numbers {

enum class WordClass : std::uint8_t {
  none,
  unit,             // واحد … تسعة (1-9)
  teen_head,        // أحد، إحدى، اثنا، اثني: a unit only before عشر/عشرة
  ten,              // عشر، عشرة: 10, or the -teen of ثلاثة عشر
  tens,             // عشرون … تسعون
  hundred,          // مئة، مئتان، ثلاثمئة … تسعمئة
  scale,            // ألف، مليون، مليار (and their plurals, see Word::plural)
  dual_scale,       // ألفان، مليونين، ملياري: twice the scale
  half,             // نصف (`نصف مليون`, `مليون ونصف`)
  approximate,      // عشرات، مئات، بضعة، المئات، الآلاف …
  currency,         // دولار، يورو، جنيهات … (Word::name is the unit)
  percent_noun,     // المئة، المائة (after في)
  percent_word,     // بالمئة، بالمائة
  month,            // a month name, or the first word of a two-word month
  year_word,        // عام، العام، سنة، السنة
  year_marker,      // هـ، هجري، م، ميلادي
  year_preposition, // منذ، حتى، بحلول … before a bare year
};

struct Word {
  WordClass kind = WordClass::none;
  std::uint64_t value = 0;  // the number, or the power of ten of a scale
  bool plural = false;      // آلاف، ملايين: a scale after a number, else approximate
  std::string_view name;    // currency unit, as annotations write it
  // Independent of the class: `الثاني` ends `كانون الثاني` and is an ordinal.
  bool month_tail = false;  // الثاني، الأول، الآخرة … after كانون، تشرين، ربيع، جمادى
  bool ordinal = false;     // التاسع … before عشر (`القرن التاسع عشر` is no number)
};

class Lexicon {
 public:
  Lexicon();
  // The class of a folded word; WordClass::none when unknown.
  const Word& find(std::string_view key) const;
  // False when neither `key` nor `key` without the clitics the scanner
  // strips (و ف, then ب ل ك) can be in the lexicon: a Bloom filter on the
  // first two letters, the last letter and the length that spares most words
  // of a text the hash lookup.
  bool may_contain(std::string_view key) const;

 private:
  void add(std::string_view spelling, Word entry);
  void mark(std::string_view spelling, bool Word::*flag);

  // Filled by add() and mark(), then frozen into table_ for lookups.
  std::unordered_map<std::string, Word> building_;
  FoldedTable<Word> table_;
  bool in_filter(std::string_view key) const;
  // Bit of the filter for the first four bytes (two Arabic letters), the
  // last two and the length of a key.
  static std::uint32_t filter_bit(std::string_view key);
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
  constexpr std::string_view conjunctions = "\u0648\u0641";         // و ف
  constexpr std::string_view prepositions = "\u0628\u0644\u0643";  // ب ل ك
  if (key.size() >= 6 && (letter_in(0, conjunctions) || letter_in(0, prepositions)) &&
      in_filter(key.substr(2))) {
    return true;
  }
  return key.size() >= 8 && letter_in(0, conjunctions) && letter_in(2, prepositions) &&
         in_filter(key.substr(4));
}

}  // namespace extract_numbers
