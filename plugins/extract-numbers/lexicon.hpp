// The words the number grammar knows, keyed by folded spelling: number
// words and scales, approximate quantities, currencies, percent phrases,
// and the date words that tell a day or a year from a quantity.
#pragma once

#include <nahr/text/key_table.hpp>
#include <nahr/text/word_tokens.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace extract_numbers {

using nahr::lexicon::word_key;

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
  bool may_contain(std::string_view key) const {
    return filter_.may_contain_after_proclitics(key, "\u0648\u0641", "\u0628\u0644\u0643");
  }

 private:
  void add(std::string_view spelling, Word entry);
  void mark(std::string_view spelling, bool Word::*flag);

  // Filled by add() and mark(), then frozen into table_ for lookups.
  std::unordered_map<std::string, Word> building_;
  nahr::lexicon::KeyTable<Word> table_;
  nahr::lexicon::KeyFilter filter_;
};

}  // namespace extract_numbers
