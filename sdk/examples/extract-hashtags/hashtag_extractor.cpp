#include "hashtag_extractor.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>

namespace hashtags {

namespace {

// What a character is to a hashtag. Marks (diacritics, tatweel) belong to
// the word they sit in but are not counted toward `min_length`, so #سُوريا
// and #سوريا have the same length.
enum class CharClass : std::uint8_t { other, letter, digit, underscore, mark };

struct CodePointRange {
  char32_t first;
  char32_t last;
  CharClass cls;
};

// Non-ASCII characters a hashtag may hold, sorted: the Arabic script
// (Arabic, Arabic Supplement, Arabic Extended-A, presentation forms) and the
// Latin script (Latin-1, Extended-A/B, Extended Additional).
constexpr CodePointRange kRanges[] = {
    {0x00C0, 0x00D6, CharClass::letter},  // À..Ö
    {0x00D8, 0x00F6, CharClass::letter},  // Ø..ö
    {0x00F8, 0x024F, CharClass::letter},  // ø..ɏ
    {0x0300, 0x036F, CharClass::mark},    // combining diacritics
    {0x0610, 0x061A, CharClass::mark},    // Arabic signs above and below
    {0x0620, 0x063F, CharClass::letter},
    {0x0640, 0x0640, CharClass::mark},  // tatweel: stretches a word, adds no letter
    {0x0641, 0x064A, CharClass::letter},
    {0x064B, 0x065F, CharClass::mark},   // harakat, shadda, sukun, ...
    {0x0660, 0x0669, CharClass::digit},  // Arabic-Indic digits
    {0x066E, 0x066F, CharClass::letter},
    {0x0670, 0x0670, CharClass::mark},  // superscript alef
    {0x0671, 0x06D3, CharClass::letter},
    {0x06D5, 0x06D5, CharClass::letter},
    {0x06D6, 0x06DC, CharClass::mark},
    {0x06DF, 0x06E4, CharClass::mark},
    {0x06E5, 0x06E6, CharClass::letter},
    {0x06E7, 0x06E8, CharClass::mark},
    {0x06EA, 0x06ED, CharClass::mark},
    {0x06EE, 0x06EF, CharClass::letter},
    {0x06F0, 0x06F9, CharClass::digit},  // Extended Arabic-Indic digits
    {0x06FA, 0x06FC, CharClass::letter},
    {0x06FF, 0x06FF, CharClass::letter},
    {0x0750, 0x077F, CharClass::letter},  // Arabic Supplement
    {0x08A0, 0x08C9, CharClass::letter},  // Arabic Extended-A
    {0x08CA, 0x08FF, CharClass::mark},
    {0x1E00, 0x1EFF, CharClass::letter},  // Latin Extended Additional
    {0xFB50, 0xFBB1, CharClass::letter},  // Arabic Presentation Forms-A
    {0xFBD3, 0xFD3D, CharClass::letter},
    {0xFD50, 0xFD8F, CharClass::letter},
    {0xFD92, 0xFDC7, CharClass::letter},
    {0xFDF0, 0xFDFB, CharClass::letter},
    {0xFE70, 0xFE74, CharClass::letter},  // Arabic Presentation Forms-B
    {0xFE76, 0xFEFC, CharClass::letter},
};

static_assert(std::is_sorted(std::begin(kRanges), std::end(kRanges),
                             [](const CodePointRange& a, const CodePointRange& b) {
                               return a.last < b.first;
                             }));

CharClass classify(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::letter;
    if (c >= '0' && c <= '9') return CharClass::digit;
    return c == '_' ? CharClass::underscore : CharClass::other;
  }
  const auto* range =
      std::lower_bound(std::begin(kRanges), std::end(kRanges), c,
                       [](const CodePointRange& r, char32_t x) { return r.last < x; });
  return range != std::end(kRanges) && range->first <= c ? range->cls : CharClass::other;
}

struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 0;  // 0: ill-formed, which ends any hashtag
};

// Decodes the character at s[i], refusing overlong forms, surrogates and
// truncated sequences, so damaged bytes never become part of a tag.
Utf8Char decode(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t smallest = 0;  // anything below is an overlong form
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    smallest = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    smallest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    smallest = 0x10000;
  } else {
    return {};
  }
  if (s.size() - i < length) return {};
  char32_t c = lead & (0x7F >> length);  // the lead byte's payload bits
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(s[i + k]);
    if ((byte & 0xC0) != 0x80) return {};
    c = (c << 6) | (byte & 0x3F);
  }
  if (c < smallest || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return {};
  return {c, length};
}

bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// True when the character ending at `pos` could be part of a word: a '#'
// there continues that word ("C#", "abc#def") instead of starting a hashtag.
bool follows_word(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && is_continuation(text[start])) --start;
  const Utf8Char c = decode(text, start);
  return c.length == pos - start && classify(c.code_point) != CharClass::other;
}

std::size_t checked_min_length(std::int64_t value) {
  if (value < 1) {
    throw nahr::FatalError("min_length must be at least 1, not " + std::to_string(value));
  }
  return static_cast<std::size_t>(value);
}

}  // namespace

std::vector<Hashtag> find_hashtags(std::string_view text, std::size_t min_length) {
  std::vector<Hashtag> found;
  for (std::size_t hash = text.find('#'); hash != std::string_view::npos;) {
    std::size_t end = hash + 1;
    std::size_t counted = 0;
    bool has_letter = false;
    while (end < text.size()) {
      const Utf8Char c = decode(text, end);
      const CharClass cls = c.length == 0 ? CharClass::other : classify(c.code_point);
      if (cls == CharClass::other) break;
      if (cls != CharClass::mark) ++counted;
      has_letter = has_letter || cls == CharClass::letter;
      end += c.length;
    }
    if (has_letter && counted >= min_length && !follows_word(text, hash)) {
      found.push_back(Hashtag{hash, end});
    }
    hash = text.find('#', end);
  }
  return found;
}

std::vector<nahr::OptionSpec> HashtagExtractor::schema() {
  return {
      nahr::integer("min_length", 2,
                    "Fewest characters a tag needs after '#' (letters, digits, underscores; "
                    "diacritics and tatweel do not count)"),
      nahr::text("type", "hashtag", "Annotation type given to each hashtag"),
  };
}

HashtagExtractor::HashtagExtractor(const nahr::Options& options)
    : min_length_(checked_min_length(options.integer("min_length"))), type_(options.text("type")) {
  if (type_.empty()) throw nahr::FatalError("type must not be empty");
}

void HashtagExtractor::process(nahr::Document& doc) const {
  const std::string_view text = doc.text();
  for (const Hashtag& h : find_hashtags(text, min_length_)) {
    doc.annotate(type_, {h.begin, h.end}).set("tag", text.substr(h.begin + 1, h.end - h.begin - 1));
  }
}

}  // namespace hashtags
