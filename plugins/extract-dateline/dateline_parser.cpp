#include "dateline_parser.hpp"

#include <algorithm>
#include <unordered_set>

namespace extract_dateline {
namespace {

constexpr bool is_colon(char32_t c) { return c == U':' || c == 0xFF1A; }
constexpr bool is_dash(char32_t c) {
  return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 ||
         c == 0xFE63 || c == 0xFF0D;
}
constexpr bool is_open(char32_t c) { return c == U'(' || c == U'[' || c == 0xFD3E || c == 0xFF08; }
constexpr bool is_close(char32_t c) { return c == U')' || c == U']' || c == 0xFD3F || c == 0xFF09; }
constexpr bool is_comma(char32_t c) { return c == U',' || c == 0x060C; }
constexpr bool is_delimiter(char32_t c) {
  return is_colon(c) || is_dash(c) || is_open(c) || is_close(c) || is_comma(c);
}

bool only_tatweel(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    const CodePoint cp = decode(word, i);
    if (cp.value != 0x0640) return false;
    i += cp.length;
  }
  return !word.empty();
}

// Unknown places must at least look like Arabic words.
bool is_arabic_word(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    const CodePoint cp = decode(word, i);
    const char32_t c = cp.value;
    const bool arabic = (c >= 0x0620 && c <= 0x065F) || (c >= 0x066E && c <= 0x06D3) ||
                        c == 0x0670 || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
    if (!arabic) return false;
    i += cp.length;
  }
  return !word.empty();
}

bool has_digit(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    const CodePoint cp = decode(word, i);
    if (nahr::arabic::is_digit(cp.value)) return true;
    i += cp.length;
  }
  return false;
}

// Words that only appear in a date: Gregorian months of both series and the
// Maghreb names, Hijri months and weekdays, folded.
const std::unordered_set<std::string_view>& date_words() {
  static const std::unordered_set<std::string_view> words = {
      "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين",
      "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "اغسطس",
      "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر", "جانفي", "فيفري", "افريل", "ماي", "جوان",
      "جويلية", "اوت", "محرم", "صفر", "ربيع", "جمادي", "رجب", "شعبان", "رمضان", "شوال",
      "القعدة", "الحجة", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
      "الاحد"};
  return words;
}

// Words no place name is made of: reporting verbs and function words, so a
// sentence opening never passes for an unknown place.
const std::unordered_set<std::string_view>& non_place_words() {
  static const std::unordered_set<std::string_view> words = {
      "قال", "وقال", "قالت", "وقالت", "اكد", "واكد", "اكدت", "واكدت", "اعلن", "واعلن",
      "اعلنت", "واعلنت", "افاد", "وافاد", "افادت", "ذكر", "وذكر", "ذكرت", "وذكرت", "اضاف",
      "واضاف", "اوضح", "واوضح", "صرح", "وصرح", "نفي", "ونفي", "تابع", "وتابع", "اعتبر",
      "واعتبر", "في", "من", "الي", "علي", "عن", "مع", "ان", "او", "ثم", "هذا", "هذه", "ذلك",
      "التي", "الذي", "كان", "كانت", "وكان", "وكانت", "المتحدث", "مصدر", "مصادر", "بيان",
      "وفق", "بحسب", "حسب", "نقلا", "عاجل", "تحديث", "خبر", "الخبر", "مراسل", "مراسلنا"};
  return words;
}

}  // namespace

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint cp = decode(text, i);
    if (is_blank(cp.value) || is_line_break(cp.value)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out.append(text.substr(i, cp.length));
    }
    i += cp.length;
  }
  return out;
}

DatelineParser::Pieces DatelineParser::split(std::string_view text, std::size_t begin,
                                             std::size_t limit) {
  Pieces p;
  std::size_t i = begin;
  while (i < limit && p.count < max_pieces) {
    const CodePoint cp = decode(text, i);
    if (is_blank(cp.value)) {
      i += cp.length;
      continue;
    }
    if (is_delimiter(cp.value)) {
      const Mark mark = is_colon(cp.value)  ? Mark::colon
                        : is_dash(cp.value) ? Mark::dash
                        : is_open(cp.value) ? Mark::open
                        : is_close(cp.value) ? Mark::close
                                             : Mark::comma;
      p.items[p.count++] = {mark, i, i + cp.length};
      i += cp.length;
      continue;
    }
    const std::size_t start = i;
    while (i < limit) {
      const CodePoint c = decode(text, i);
      if (is_blank(c.value) || is_delimiter(c.value)) break;
      i += c.length;
    }
    i = std::min(i, limit);
    // Gulf copy writes the dash between agency and place as a lone tatweel.
    const Mark mark = only_tatweel(text.substr(start, i - start)) ? Mark::dash : Mark::word;
    p.items[p.count++] = {mark, start, i};
  }
  return p;
}

bool DatelineParser::is_agency(std::string_view text, const Pieces& p, std::size_t from,
                               std::size_t to) const {
  if (from >= to) return false;
  return lexicon_.is_agency(text.substr(p.items[from].begin, p.items[to - 1].end - p.items[from].begin));
}

bool DatelineParser::is_unknown_place_shape(std::string_view text, const Pieces& p,
                                            std::size_t words) const {
  if (words == 0 || words > 3) return false;
  std::string key;
  for (std::size_t w = 0; w < words; ++w) {
    const std::string_view word = text.substr(p.items[w].begin, p.items[w].end - p.items[w].begin);
    if (!is_arabic_word(word)) return false;
    key.clear();
    nahr::arabic::append_folded(key, word, kKeyFolding);
    if (non_place_words().count(key) != 0) return false;
  }
  return true;
}

bool DatelineParser::is_date_like(std::string_view text, const Pieces& p, std::size_t from,
                                  std::size_t to) {
  std::string key;
  for (std::size_t w = from; w < to; ++w) {
    std::string_view word = text.substr(p.items[w].begin, p.items[w].end - p.items[w].begin);
    if (has_digit(word)) return true;
    // `آذار/مارس` is one piece: look at each side of the slash.
    while (!word.empty()) {
      const std::size_t slash = word.find('/');
      key.clear();
      nahr::arabic::append_folded(key, word.substr(0, slash), kKeyFolding);
      if (date_words().count(key) != 0) return true;
      word.remove_prefix(slash == std::string_view::npos ? word.size() : slash + 1);
    }
  }
  return false;
}

std::optional<Dateline> DatelineParser::agency_first(std::string_view text, const Pieces& p) const {
  const std::size_t agency_end = p.words_end(0);
  if (!p.is(agency_end, Mark::dash) || !is_agency(text, p, 0, agency_end)) return std::nullopt;
  const std::size_t place_begin = agency_end + 1;
  const std::size_t place_end = p.words_end(place_begin);
  const std::size_t words = place_end - place_begin;
  if (words == 0 || words > 3 || !p.is(place_end, Mark::colon)) return std::nullopt;
  const std::string_view place =
      text.substr(p.items[place_begin].begin, p.items[place_end - 1].end - p.items[place_begin].begin);
  if (!lexicon_.place(Lexicon::place_key(place))) return std::nullopt;
  Dateline d;
  d.span = {p.items[0].begin, p.items[place_end].end};
  d.place = collapse_spaces(place);
  d.agency = collapse_spaces(text.substr(p.items[0].begin, p.items[agency_end - 1].end - p.items[0].begin));
  return d;
}

std::optional<Dateline> DatelineParser::parse(std::string_view text, std::size_t begin,
                                              std::size_t limit) const {
  const Pieces p = split(text, begin, limit);
  if (!p.is(0, Mark::word)) return std::nullopt;
  if (auto d = agency_first(text, p)) return d;

  const std::size_t place_words = p.words_end(0);
  if (place_words > 3) return std::nullopt;
  const auto slice = [&](std::size_t from, std::size_t to) {  // pieces [from, to), to > from
    return text.substr(p.items[from].begin, p.items[to - 1].end - p.items[from].begin);
  };
  const std::string_view place = slice(0, place_words);
  const std::optional<PlaceKind> kind = lexicon_.place(Lexicon::place_key(place));

  Dateline d;
  d.place = collapse_spaces(place);
  std::size_t i = place_words;
  std::size_t end = 0;

  // `(أ ف ب)` or a qualifier such as `(سوريا)`, and then possibly `(أ ف ب)`.
  const auto parenthesised = [&](std::size_t open) -> std::optional<std::size_t> {
    const std::size_t close = p.words_end(open + 1);
    if (!p.is(close, Mark::close) || close == open + 1 || close - open - 1 > 4) return std::nullopt;
    return close;
  };
  if (p.is(i, Mark::open)) {
    const auto close = parenthesised(i);
    if (!close) return std::nullopt;
    if (is_agency(text, p, i + 1, *close)) {
      d.agency = collapse_spaces(slice(i + 1, *close));
      end = p.items[*close].end;
    }
    i = *close + 1;
  }
  if (d.agency.empty() && p.is(i, Mark::comma)) {
    const std::size_t date_end = p.words_end(i + 1);
    if (date_end == i + 1 || date_end - i - 1 > 6 || !is_date_like(text, p, i + 1, date_end)) {
      return std::nullopt;
    }
    d.date = collapse_spaces(slice(i + 1, date_end));
    i = date_end;
  }
  if (d.agency.empty() && p.is(i, Mark::open)) {
    const auto close = parenthesised(i);
    if (!close || !is_agency(text, p, i + 1, *close)) return std::nullopt;
    d.agency = collapse_spaces(slice(i + 1, *close));
    end = p.items[*close].end;
    i = *close + 1;
  }

  if (!d.agency.empty()) {
    if (p.is(i, Mark::dash) || p.is(i, Mark::colon)) end = p.items[i].end;
  } else if (p.is(i, Mark::dash)) {
    // `الرباط - أ ف ب:`: the longest run of words after the dash that names an agency.
    const std::size_t words_end = p.words_end(i + 1);
    std::size_t agency_end = words_end;
    while (agency_end > i + 1 && !is_agency(text, p, i + 1, agency_end)) --agency_end;
    if (agency_end > i + 1) {
      d.agency = collapse_spaces(slice(i + 1, agency_end));
      end = p.items[agency_end - 1].end;
      if (p.is(agency_end, Mark::colon) || p.is(agency_end, Mark::dash)) end = p.items[agency_end].end;
    } else if (!d.date.empty()) {
      end = p.items[i].end;
    } else {
      return std::nullopt;
    }
  } else if (p.is(i, Mark::colon)) {
    end = p.items[i].end;
  } else {
    return std::nullopt;
  }

  const bool accepted = !d.agency.empty()  ? kind || is_unknown_place_shape(text, p, place_words)
                        : !d.date.empty() ? kind.has_value()
                                          : kind == PlaceKind::city;
  if (!accepted) return std::nullopt;
  d.span = {p.items[0].begin, end};
  return d;
}

}  // namespace extract_dateline
