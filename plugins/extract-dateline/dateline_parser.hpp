// Recognises a dateline at a given position of a line:
//
//   PLACE [(QUALIFIER)] [، DATE] ( (AGENCY) [-|:] | - AGENCY [:|-] | : )
//   AGENCY - PLACE :                                   (Gulf agencies' order)
//
// `بيروت:`, `القاهرة (أ ف ب) -`, `باريس، 12 آذار/مارس (أ ف ب) -`,
// `الرباط - أ ف ب:`, `واس - الرياض:`. A place is 1-3 words. A gazetteer
// city may stand alone before a colon; any other place needs an agency (or,
// for a gazetteer country, a date), which keeps `وقال المتحدث: ...` out.
#pragma once

#include "lexicon.hpp"

#include <nahr/document.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace extract_dateline {

struct Dateline {
  nahr::Span span;  // the whole dateline, its final `:` or dash included
  // As written, whitespace runs collapsed to one space; empty when absent.
  std::string place;
  std::string date;
  std::string agency;
};

class DatelineParser {
 public:
  explicit DatelineParser(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // The dateline that starts at text[begin] and ends at or before `limit`
  // (which must not lie past the end of begin's line).
  std::optional<Dateline> parse(std::string_view text, std::size_t begin, std::size_t limit) const;

 private:
  enum class Mark { word, colon, dash, open, close, comma };
  struct Piece {
    Mark mark;
    std::size_t begin;
    std::size_t end;
  };
  // Enough for the longest dateline form with room to spare; a line whose
  // first pieces do not make a dateline is rejected long before this.
  static constexpr std::size_t max_pieces = 32;
  struct Pieces {
    std::array<Piece, max_pieces> items;
    std::size_t count = 0;
    bool is(std::size_t i, Mark m) const { return i < count && items[i].mark == m; }
    // Index of the first piece at or after i that is not a word.
    std::size_t words_end(std::size_t i) const {
      while (is(i, Mark::word)) ++i;
      return i;
    }
  };

  static Pieces split(std::string_view text, std::size_t begin, std::size_t limit);
  std::optional<Dateline> agency_first(std::string_view text, const Pieces& p) const;
  bool is_agency(std::string_view text, const Pieces& p, std::size_t from, std::size_t to) const;
  bool is_unknown_place_shape(std::string_view text, const Pieces& p, std::size_t words) const;
  static bool is_date_like(std::string_view text, const Pieces& p, std::size_t from,
                           std::size_t to);

  const Lexicon& lexicon_;
};

// `text` with runs of blanks collapsed to one space and the ends trimmed.
std::string collapse_spaces(std::string_view text);

}  // namespace extract_dateline
