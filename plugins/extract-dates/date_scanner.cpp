#include "date_scanner.hpp"

#include "calendar.hpp"

#include <nahr/text/arabic.hpp>

#include <span>

namespace extract_dates {
namespace {

// Arabic letters take two bytes in UTF-8, and so in a folded key.
constexpr std::size_t letter_bytes = 2;
constexpr std::string_view article = "\u0627\u0644";            // ال
constexpr std::string_view lam_lam = "\u0644\u0644";            // لل
constexpr std::string_view conjunctions[] = {"\u0648", "\u0641"};  // و ف
constexpr std::string_view prepositions[] = {"\u0628", "\u0644"};  // ب ل

bool starts_with_any(std::string_view key, std::span<const std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (key.starts_with(p)) return true;
  }
  return false;
}

// The value of an all-ASCII-digit key of at most `max_digits` digits.
std::optional<int> small_integer(std::string_view key, std::size_t max_digits) {
  if (key.empty() || key.size() > max_digits) return std::nullopt;
  int v = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Numeric dates with a year in this range are Hijri (`15/6/1436`): no
// Gregorian date of the 14th or 15th century turns up in the news.
constexpr int hijri_years_from = 1300;
constexpr int hijri_years_to = 1500;

// A word the lexicon says anything about, class or role.
bool known(const Word& w) {
  return w.kind != WordClass::none || w.tail != Tail::none || w.qualifier != Qualifier::none ||
         w.context || w.year_preposition;
}

const Word& unknown_word() {
  static const Word unknown;
  return unknown;
}

}  // namespace

void DateScanner::look_up(const WordTokens& tokens) {
  entries_.resize(tokens.size());
  with_conjunction_.resize(tokens.size());
  with_clitics_.resize(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    entries_[i] = &unknown_word();
    with_conjunction_[i] = with_clitics_[i] = {&unknown_word(), 0};
    if (!tokens.is_word(i) || !lexicon_.may_contain(tokens.key(i))) continue;
    entries_[i] = &lexicon_.find(tokens.key(i));
    with_conjunction_[i] = strip_clitics(tokens.key(i), *entries_[i], false);
    with_clitics_[i] = strip_clitics(tokens.key(i), *entries_[i], true);
  }
}

const Word& DateScanner::word_at(const WordTokens& tokens, std::size_t i) const {
  return tokens.is_word(i) ? *entries_[i] : unknown_word();
}

DateScanner::Classified DateScanner::classify(const WordTokens& tokens, std::size_t i,
                                              bool with_prepositions) const {
  if (!tokens.is_word(i)) return {&unknown_word(), 0};
  return with_prepositions ? with_clitics_[i] : with_conjunction_[i];
}

DateScanner::Classified DateScanner::strip_clitics(std::string_view key, const Word& plain,
                                                   bool with_prepositions) const {
  if (known(plain)) return {&plain, 0};
  std::size_t stripped = 0;
  if (starts_with_any(key, conjunctions) && key.size() > 2 * letter_bytes) {
    key.remove_prefix(letter_bytes);
    ++stripped;
    const Word& w = lexicon_.find(key);
    if (known(w)) return {&w, stripped};
  }
  if (!with_prepositions || key.size() < 4 * letter_bytes) return {&unknown_word(), 0};
  if (key.starts_with(lam_lam)) {  // للعام = ل + العام, the article's alef elided
    std::string with_article(article);
    with_article.append(key.substr(2 * letter_bytes));
    const Word& w = lexicon_.find(with_article);
    if (known(w)) return {&w, stripped + 1};
  }
  if (starts_with_any(key, prepositions)) {
    const Word& w = lexicon_.find(key.substr(letter_bytes));
    if (known(w)) return {&w, stripped + 1};
  }
  return {&unknown_word(), 0};
}

bool DateScanner::in_context(const WordTokens& tokens, std::size_t i) const {
  return i > 0 && classify(tokens, i - 1, false).word->context;
}

bool DateScanner::after_since(const WordTokens& tokens, std::size_t i) const {
  static const std::string since = word_key("منذ");
  static const std::string parts[] = {word_key("مطلع"),  word_key("أوائل"), word_key("منتصف"),
                                      word_key("أواخر"), word_key("نهاية"), word_key("بداية")};
  const auto is_since = [&](std::size_t k) {
    if (!tokens.is_word(k)) return false;
    const std::string_view key = tokens.key(k);
    return key == since || (key.size() > letter_bytes && starts_with_any(key, conjunctions) &&
                            key.substr(letter_bytes) == since);
  };
  if (i == 0) return false;
  if (is_since(i - 1)) return true;
  if (i < 2 || !tokens.is_word(i - 1)) return false;
  for (const std::string& part : parts) {
    if (tokens.key(i - 1) == part) return is_since(i - 2);
  }
  return false;
}

std::optional<DateScanner::Month> DateScanner::month_name_at(const WordTokens& tokens,
                                                             std::size_t i, const Word& w) const {
  switch (w.kind) {
    case WordClass::month:
    case WordClass::hijri_month:
      return Month{i, w.value, w.kind == WordClass::hijri_month, w.ambiguous};
    case WordClass::month_head:
    case WordClass::hijri_head:
      if (const int m = month_of(w, word_at(tokens, i + 1).tail)) {
        return Month{i + 1, m, w.kind == WordClass::hijri_head, false};
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

std::optional<DateScanner::Month> DateScanner::month_at(const WordTokens& tokens, std::size_t i,
                                                        const Word& first) const {
  std::optional<Month> m = month_name_at(tokens, i, first);
  if (!m || m->hijri) return m;
  // `آذار/مارس`, `آذار / مارس`, `يونيو (حزيران)`: the second name must agree.
  if (tokens.is_symbol(m->last + 1, "/")) {
    const auto other = month_name_at(tokens, m->last + 2, word_at(tokens, m->last + 2));
    if (other && !other->hijri && other->month == m->month) {
      m->last = other->last;
      m->ambiguous = false;
    }
  } else if (tokens.is_symbol(m->last + 1, "(")) {
    const auto other = month_name_at(tokens, m->last + 2, word_at(tokens, m->last + 2));
    if (other && !other->hijri && other->month == m->month &&
        tokens.is_symbol(other->last + 1, ")")) {
      m->last = other->last + 1;
      m->ambiguous = false;
    }
  } else if (const auto other = month_name_at(tokens, m->last + 1, word_at(tokens, m->last + 1));
             other && !other->hijri && other->month == m->month) {
    m->last = other->last;  // `أغسطس آب`: the pair with no mark between
    m->ambiguous = false;
  }
  return m;
}

std::optional<DateScanner::Year> DateScanner::year_after(const WordTokens& tokens, std::size_t last,
                                                         bool hijri) const {
  const std::size_t i = last + 1;
  if (!tokens.is_digits(i)) return std::nullopt;
  const std::string_view key = tokens.key(i);
  const auto year = small_integer(key, 4);
  if (!year || key.size() < (hijri ? 3u : 4u)) return std::nullopt;
  Year y{i, *year, false};
  const WordClass marker = word_at(tokens, i + 1).kind;
  if (marker == WordClass::hijri_marker) {
    y.last = i + 1;
    y.hijri_marker = true;
  } else if (marker == WordClass::gregorian_marker && !hijri) {
    y.last = i + 1;
  }
  return y;
}

std::optional<DateMatch> DateScanner::numeric_at(const WordTokens& tokens, std::size_t i,
                                                 std::size_t& next) const {
  int parts[3] = {0, 0, 0};
  std::size_t sizes[3] = {0, 0, 0};
  std::size_t last = i;
  if (const auto slashed = nahr::lexicon::slash_numbers(tokens, i)) {
    // 12/3/2019, 12 / 3 / 2019 (day first, the Arab order) or 2019/3/12.
    for (int k = 0; k < 3; ++k) parts[k] = slashed->values[k], sizes[k] = slashed->digits[k];
    last = slashed->last;
  } else {
    // 2019-03-12: digits, dash, digits, dash, digits with nothing between.
    for (int k = 0; k < 3; ++k) {
      const std::size_t t = i + static_cast<std::size_t>(2 * k);
      if (!tokens.is_digits(t) || (k > 0 && (!tokens.is_symbol(t - 1, "-") || !tokens.glued(t) ||
                                             !tokens.glued(t - 1)))) {
        return std::nullopt;
      }
      const auto v = small_integer(tokens.key(t), 4);
      if (!v) return std::nullopt;
      parts[k] = *v;
      sizes[k] = tokens.key(t).size();
      last = t;
    }
    if (sizes[0] != 4) return std::nullopt;
  }
  DateMatch d;
  if (sizes[0] == 4) {
    d.year = parts[0], d.month = parts[1], d.day = parts[2];
  } else if (sizes[2] == 4) {
    d.day = parts[0], d.month = parts[1], d.year = parts[2];
  } else {
    return std::nullopt;
  }
  // `26/11/1436هـ`; Gulf papers also write Hijri dates without the marker.
  const bool marked = word_at(tokens, last + 1).kind == WordClass::hijri_marker;
  if (marked || (d.year >= hijri_years_from && d.year < hijri_years_to)) {
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 30) return std::nullopt;
    d.kind = DateKind::hijri;
    if (marked) ++last;
  } else {
    if (!is_valid(d.year, d.month, d.day)) return std::nullopt;
    d.kind = DateKind::full;
  }
  d.begin = tokens[i].begin;
  d.end = tokens[last].end;
  next = last + 1;
  return d;
}

std::optional<DateMatch> DateScanner::day_month_at(const WordTokens& tokens, std::size_t i,
                                                   std::size_t& next) const {
  const auto day = small_integer(tokens.key(i), 2);
  if (!day || *day < 1 || *day > 31) return std::nullopt;
  const auto month = month_at(tokens, i + 1, word_at(tokens, i + 1));
  if (!month) return std::nullopt;
  DateMatch d;
  d.kind = month->hijri ? DateKind::hijri : DateKind::full;
  d.day = *day;
  d.month = month->month;
  std::size_t last = month->last;
  if (const auto year = year_after(tokens, last, month->hijri)) {
    d.year = year->year;
    last = year->last;
  }
  if (!month->hijri && *day > days_in_month(d.year == 0 ? 2000 : d.year, d.month)) {
    return std::nullopt;
  }
  d.since = after_since(tokens, i);
  d.begin = tokens[i].begin;
  d.end = tokens[last].end;
  next = last + 1;
  return d;
}

std::optional<DateMatch> DateScanner::year_number_at(const WordTokens& tokens, std::size_t i,
                                                     std::size_t& next) const {
  const std::string_view key = tokens.key(i);
  const auto year = small_integer(key, 4);
  if (!year || key.size() < 3) return std::nullopt;
  DateMatch d;
  d.begin = tokens[i].begin;
  const WordClass marker = word_at(tokens, i + 1).kind;
  if (marker == WordClass::hijri_marker) {  // 1440 هـ
    d.kind = DateKind::hijri;
    d.year = *year;
    d.end = tokens[i + 1].end;
    next = i + 2;
    return d;
  }
  if (key.size() != 4) return std::nullopt;
  if (marker == WordClass::gregorian_marker) {  // 2019 م
    d.kind = DateKind::year;
    d.year = *year;
    d.end = tokens[i + 1].end;
    next = i + 2;
    return d;
  }
  // One end of a span of years: `(1867-1931)`, `2015-2016`.
  const auto year_like = [&](std::size_t t) {
    const auto v = tokens.is_digits(t) ? small_integer(tokens.key(t), 4) : std::nullopt;
    return v && tokens.key(t).size() == 4 && *v >= 1800 && *v <= 2100;
  };
  const bool in_span =
      year_like(i) &&
      ((i >= 2 && tokens.is_symbol(i - 1, "-") && tokens.glued(i) && tokens.glued(i - 1) &&
        year_like(i - 2)) ||
       (tokens.is_symbol(i + 1, "-") && tokens.glued(i + 1) && tokens.glued(i + 2) &&
        year_like(i + 2)));
  if (in_span) {
    d.kind = DateKind::year;
    d.year = *year;
    d.end = tokens[i].end;
    next = i + 1;
    return d;
  }
  // A bare year: `منذ 2014`, `في أفق 2025`, `الـ2014`; not `في 2000 دولار`.
  if (*year < 1900 || *year > 2100 || i == 0) return std::nullopt;
  const bool article_glued = tokens.glued(i) && tokens.key(i - 1) == article;
  const bool after_preposition = classify(tokens, i - 1, false).word->year_preposition;
  const bool quantity_follows =
      marker == WordClass::quantity || tokens.is_symbol(i + 1, "%") ||
      tokens.is_symbol(i + 1, "\u066A") ||  // ٪
      (tokens.is_word(i + 1) && tokens.key(i + 1) == "\u0641\u064A" &&  // في المئة
       word_at(tokens, i + 2).kind == WordClass::quantity);
  if (!(article_glued || after_preposition) || quantity_follows) return std::nullopt;
  d.kind = DateKind::year;
  d.year = *year;
  d.end = tokens[i].end;
  next = i + 1;
  return d;
}

std::optional<DateMatch> DateScanner::month_expression_at(std::string_view text,
                                                          const WordTokens& tokens, std::size_t i,
                                                          std::size_t& next) const {
  // A conjunction may precede a month that needs no context (`وشباط`).
  const Classified c = classify(tokens, i, false);
  if (c.clitic_letters > 0 && c.word->ambiguous) return std::nullopt;
  const std::optional<Month> month = month_at(tokens, i, *c.word);
  if (!month) return std::nullopt;
  DateMatch d;
  d.kind = month->hijri ? DateKind::hijri : DateKind::month;
  d.month = month->month;
  std::size_t last = month->last;
  const auto year = year_after(tokens, last, month->hijri);
  if (year) {
    d.year = year->year;
    last = year->last;
  }
  if (month->ambiguous && !year && !in_context(tokens, i)) return std::nullopt;
  d.since = after_since(tokens, i);
  if (!year && !month->hijri) {
    const Qualifier q = word_at(tokens, last + 1).qualifier;
    if (q != Qualifier::none) {
      d.qualifier = q;
      ++last;
    }
  }
  d.begin =
      nahr::arabic::skip_folded_letters(text, tokens[i].begin, tokens[i].end, c.clitic_letters);
  d.end = tokens[last].end;
  next = last + 1;
  return d;
}

std::optional<DateMatch> DateScanner::year_words_at(std::string_view text, const WordTokens& tokens,
                                                    std::size_t i, std::size_t& next) const {
  const Classified c = classify(tokens, i, true);
  const WordClass kind = c.word->kind;
  DateMatch d;
  d.begin =
      nahr::arabic::skip_folded_letters(text, tokens[i].begin, tokens[i].end, c.clitic_letters);
  if (kind == WordClass::year_word) {
    // العام 2014, لعام 2019, عام 1440 هـ
    if (tokens.is_digits(i + 1)) {
      const std::string_view key = tokens.key(i + 1);
      const auto year = small_integer(key, 4);
      if (!year || key.size() < 3) return std::nullopt;
      const bool hijri = word_at(tokens, i + 2).kind == WordClass::hijri_marker;
      if (!hijri && key.size() != 4) return std::nullopt;
      const bool marked = hijri || word_at(tokens, i + 2).kind == WordClass::gregorian_marker;
      d.kind = hijri ? DateKind::hijri : DateKind::year;
      d.year = *year;
      d.end = tokens[marked ? i + 2 : i + 1].end;
      next = marked ? i + 3 : i + 2;
      return d;
    }
  }
  if (kind == WordClass::year_word || kind == WordClass::month_word) {
    // العام الماضي، السنة المقبلة، الشهر الجاري
    const Qualifier q = word_at(tokens, i + 1).qualifier;
    const std::string_view key = tokens.key(i).substr(c.clitic_letters * letter_bytes);
    const bool definite = key.starts_with(article) || tokens.key(i).starts_with(lam_lam);
    if (q == Qualifier::none || !definite) return std::nullopt;
    d.kind = DateKind::relative;
    d.unit = kind == WordClass::year_word ? RelativeUnit::year : RelativeUnit::month;
    d.offset = q == Qualifier::past ? -1 : q == Qualifier::next ? 1 : 0;
    d.end = tokens[i + 1].end;
    next = i + 2;
    return d;
  }
  if (kind == WordClass::this_word) {
    // هذا العام، هذه السنة، هذا الشهر
    const Word& w = word_at(tokens, i + 1);
    if (w.kind != WordClass::year_word && w.kind != WordClass::month_word) return std::nullopt;
    if (!tokens.key(i + 1).starts_with(article)) return std::nullopt;
    d.kind = DateKind::relative;
    d.unit = w.kind == WordClass::year_word ? RelativeUnit::year : RelativeUnit::month;
    d.end = tokens[i + 1].end;
    next = i + 2;
    return d;
  }
  return std::nullopt;
}

std::optional<DateMatch> DateScanner::relative_day_at(std::string_view text,
                                                      const WordTokens& tokens, std::size_t i,
                                                      std::size_t& next) const {
  static const std::string before_yesterday_head = word_key("أول");
  static const std::string after_head = word_key("بعد");
  static const std::string tomorrow_bare = word_key("غد");
  static const std::string from_word = word_key("من");
  // `في ذلك اليوم`; `عين اليوم` is a newspaper's name.
  static const std::string that_words[] = {word_key("ذلك"), word_key("نفس"), word_key("تلك"),
                                           word_key("عين")};
  static const std::string same_words[] = {word_key("نفسه"), word_key("ذاته")};

  DateMatch d;
  d.kind = DateKind::relative;
  std::size_t last = i;
  const std::string_view key = tokens.key(i);
  const Classified c = classify(tokens, i, false);
  const auto is_yesterday = [&](std::size_t t) {
    return word_at(tokens, t).kind == WordClass::relative_day && word_at(tokens, t).value == -1;
  };
  if (key == before_yesterday_head && is_yesterday(i + 1)) {
    d.offset = -2;  // أول أمس
    last = i + 1;
  } else if (key == before_yesterday_head && tokens.is_word(i + 1) &&
             tokens.key(i + 1) == from_word && is_yesterday(i + 2)) {
    d.offset = -2;  // أول من أمس
    last = i + 2;
  } else if (key == after_head && tokens.is_word(i + 1) && tokens.key(i + 1) == tomorrow_bare) {
    d.offset = 2;  // بعد غد
    last = i + 1;
  } else if (c.word->kind == WordClass::relative_day) {
    d.offset = c.word->value;
    if (d.offset == -1 && word_at(tokens, i + 1).tail == Tail::first) {
      d.offset = -2;  // أمس الأول
      last = i + 1;
    }
    if (d.offset == 0) {
      // `اليوم الأول`, `اليوم العالمي`, `في ذلك اليوم`, `اليوم نفسه` are a day, not today.
      const std::string_view after = tokens.is_word(i + 1) ? tokens.key(i + 1) : "";
      const bool modified = (after.starts_with(article) &&
                             word_at(tokens, i + 1).kind != WordClass::weekday) ||
                            after == same_words[0] || after == same_words[1];
      bool demonstrative = false;
      if (i > 0 && tokens.is_word(i - 1)) {
        for (const std::string& w : that_words) demonstrative |= tokens.key(i - 1) == w;
      }
      if (modified || demonstrative) return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  // أمس الاثنين, اليوم الخميس: one date, the weekday naming the same day.
  if (word_at(tokens, last + 1).kind == WordClass::weekday) ++last;
  d.begin =
      nahr::arabic::skip_folded_letters(text, tokens[i].begin, tokens[i].end, c.clitic_letters);
  d.end = tokens[last].end;
  next = last + 1;
  return d;
}

std::optional<DateMatch> DateScanner::weekday_at(std::string_view text, const WordTokens& tokens,
                                                 std::size_t i, std::size_t& next) const {
  const Classified c = classify(tokens, i, true);
  if (c.word->kind != WordClass::weekday) return std::nullopt;
  DateMatch d;
  d.kind = DateKind::weekday;
  d.weekday = c.word->value;
  std::size_t last = i;
  const Qualifier q = word_at(tokens, i + 1).qualifier;
  if (q == Qualifier::past || q == Qualifier::next) {
    d.qualifier = q;
    last = i + 1;
  }
  d.begin =
      nahr::arabic::skip_folded_letters(text, tokens[i].begin, tokens[i].end, c.clitic_letters);
  d.end = tokens[last].end;
  next = last + 1;
  return d;
}

void DateScanner::scan(std::string_view text, const WordTokens& tokens,
                       std::vector<DateMatch>& out) {
  look_up(tokens);
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::size_t next = i + 1;
    std::optional<DateMatch> d;
    if (tokens.is_digits(i)) {
      d = numeric_at(tokens, i, next);
      if (!d) d = day_month_at(tokens, i, next);
      if (!d) d = year_number_at(tokens, i, next);
    } else if (tokens.is_word(i) && (known(*entries_[i]) || known(*with_clitics_[i].word))) {
      d = relative_day_at(text, tokens, i, next);
      if (!d) d = year_words_at(text, tokens, i, next);
      if (!d) d = month_expression_at(text, tokens, i, next);
      if (!d) d = weekday_at(text, tokens, i, next);
    }
    if (d) {
      out.push_back(*d);
      i = next;
    } else {
      ++i;
    }
  }
}

}  // namespace extract_dates
