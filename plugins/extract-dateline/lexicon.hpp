// The place gazetteer and the agency table, keyed by folded text, so `أ ف ب`,
// `ا ف ب` and `أ.ف.ب` are one agency and `الإسكندرية` matches `الاسكندرية`.
#pragma once

#include <nahr/text/arabic.hpp>
#include <nahr/text/chars.hpp>
#include <nahr/text/utf8.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace extract_dateline {

// How place names, agencies and the words around them are folded into keys.
inline constexpr nahr::arabic::FoldRules kKeyFolding{.decimal_signs = true};

// The SDK's text helpers the parser and the lists scan with.
using nahr::chars::is_blank;
using nahr::chars::is_line_break;
using nahr::utf8::CodePoint;
using nahr::utf8::decode;

// Cities may stand alone before a colon (`بيروت:`); countries and regions
// need an agency or a date beside them, because a headline like
// `بريطانيا: ...` names a topic, not where the story was filed.
enum class PlaceKind { city, country, region };

// Where the lists come from: a file replaces the built-in list, extras are
// added to whichever list is in use.
struct LexiconSources {
  std::string places_file;
  std::vector<std::string> extra_places;
  std::string agencies_file;
  std::vector<std::string> extra_agencies;
};

class Lexicon {
 public:
  // Throws nahr::FatalError when a file cannot be read or a line is malformed.
  static Lexicon load(const LexiconSources& sources);
  // From TSV text: places as `name<TAB>kind`, agencies as `written form<TAB>note`.
  static Lexicon from_tsv(std::string_view places_tsv, std::string_view agencies_tsv);

  void add_place(std::string_view name, PlaceKind kind);
  void add_agency(std::string_view written);

  // `words_key`: the place's words, folded, joined by single spaces.
  std::optional<PlaceKind> place(std::string_view words_key) const;
  // `written`: the agency as it stands in the text, any spacing or dots.
  bool is_agency(std::string_view written) const;

  // The folded place key of `written` (whitespace runs → one space).
  static std::string place_key(std::string_view written);
  // The folded agency key: spaces, dots and tatweel dropped (`أ.ف.ب` → `افب`).
  static std::string agency_key(std::string_view written);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, PlaceKind, Hash, std::equal_to<>> places_;
  std::unordered_set<std::string, Hash, std::equal_to<>> agencies_;
};

// The TSV files beside this header, compiled in (builtin_lists.cpp.in).
std::string_view builtin_places_tsv();
std::string_view builtin_agencies_tsv();

}  // namespace extract_dateline
