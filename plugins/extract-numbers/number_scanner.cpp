#include "number_scanner.hpp"

#include <nahr/text/arabic.hpp>

#include <span>

namespace extract_numbers {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

// Arabic letters take two bytes in UTF-8, and so in a folded key.
constexpr std::size_t letter_bytes = 2;
constexpr std::string_view waw = "\u0648";
constexpr std::string_view clitic_conjunctions[] = {"\u0648", "\u0641"};              // و ف
constexpr std::string_view clitic_prepositions[] = {"\u0628", "\u0644", "\u0643"};    // ب ل ك

bool starts_with_any(std::string_view key, std::span<const std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (key.starts_with(p)) return true;
  }
  return false;
}

bool is_plain_integer(std::string_view key) {
  for (char c : key) {
    if (c < '0' || c > '9') return false;
  }
  return !key.empty();
}

// Small integers only: callers check the length first.
std::uint64_t integer_value(std::string_view key) {
  std::uint64_t v = 0;
  for (char c : key) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  return v;
}

bool is_head_class(WordClass c) {
  switch (c) {
    case WordClass::unit:
    case WordClass::teen_head:
    case WordClass::ten:
    case WordClass::tens:
    case WordClass::hundred:
    case WordClass::scale:
    case WordClass::dual_scale:
    case WordClass::half:
    case WordClass::approximate:
    case WordClass::year_word:
    case WordClass::year_preposition:
      return true;
    default:
      return false;
  }
}

// The token after a numeric date spread over several tokens (`12 / 3 / 2019`,
// `26 /11 /1436`), or `i` when none starts at token i; extract-dates reads
// these (one-token dates like `12/3/2019` never reach the number grammar).
std::size_t spaced_date_end(const WordTokens& tokens, std::size_t i) {
  const auto date = nahr::lexicon::slash_numbers(tokens, i);
  if (!date || date->last == i) return i;
  const bool year_first = date->digits[0] == 4;
  if (!year_first && date->digits[2] != 4) return i;
  const int day = date->values[year_first ? 2 : 0];
  const int month = date->values[1];
  const bool valid = month >= 1 && month <= 12 && day >= 1 && day <= 31;
  return valid ? date->last + 1 : i;
}

}  // namespace

namespace {

const Word& unknown_word() {
  static const Word unknown;
  return unknown;
}

}  // namespace

void NumberScanner::look_up(const WordTokens& tokens) {
  entries_.resize(tokens.size());
  classified_.resize(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::digits) {
      entries_[i] = &unknown_word();
      classified_[i] = {&unknown_word(), 0};
      continue;
    }
    const std::string_view key = tokens.key(i);
    // Punctuation is never looked up; only the currency signs are symbols
    // the lexicon knows.
    const bool candidate = tokens[i].kind == TokenKind::word
                               ? lexicon_.may_contain(key)
                               : key == "$" || key == "\u20AC" || key == "\u00A3";
    if (!candidate) {
      entries_[i] = &unknown_word();
      classified_[i] = {&unknown_word(), 0};
      continue;
    }
    entries_[i] = &lexicon_.find(key);
    classified_[i] = tokens[i].kind == TokenKind::word
                         ? look_up_with_clitics(tokens.key(i), *entries_[i])
                         : Classified{&unknown_word(), 0};
  }
}

NumberScanner::Classified NumberScanner::look_up_with_clitics(std::string_view key,
                                                              const Word& plain) const {
  if (is_head_class(plain.kind)) return {&plain, 0};
  std::size_t stripped = 0;
  if (starts_with_any(key, clitic_conjunctions) && key.size() > 2 * letter_bytes) {
    key.remove_prefix(letter_bytes);
    ++stripped;
    const Word& w = lexicon_.find(key);
    if (is_head_class(w.kind)) return {&w, stripped};
  }
  // A preposition only comes off a word of three letters or more: `لستة` is
  // `ل+ستة`, but `لست` is "I am not".
  if (starts_with_any(key, clitic_prepositions) && key.size() >= 4 * letter_bytes) {
    key.remove_prefix(letter_bytes);
    ++stripped;
    const Word& w = lexicon_.find(key);
    if (is_head_class(w.kind)) return {&w, stripped};
  }
  return {&unknown_word(), 0};
}

const NumberScanner::Classified& NumberScanner::classify(const WordTokens& tokens,
                                                         std::size_t i) const {
  static const Classified none_found{&unknown_word(), 0};
  return tokens.is_word(i) ? classified_[i] : none_found;
}

const Word& NumberScanner::word_at(const WordTokens& tokens, std::size_t i) const {
  return tokens.is_word(i) ? *entries_[i] : unknown_word();
}

const Word& NumberScanner::entry_at(std::size_t i) const {
  return i < entries_.size() ? *entries_[i] : unknown_word();
}

bool NumberScanner::is_date_number(const WordTokens& tokens, std::size_t i) const {
  const std::string_view key = tokens.key(i);
  if (key.find_first_of("/:") != std::string_view::npos) return true;
  if (!is_plain_integer(key) || key.size() > 4) return false;
  const std::uint64_t value = integer_value(key);

  // A day before its month: `12 آذار/مارس`, `10 جمادى الأولى`.
  if (value >= 1 && value <= 31 && word_at(tokens, i + 1).kind == WordClass::month) return true;

  // A year after its month: `آذار/مارس 2019`, `كانون الأول 2017`, `يونيو (حزيران) 2019`.
  if (i > 0) {
    std::size_t p = i - 1;
    if (tokens.is_symbol(p, ")") && p > 0) --p;
    const Word& before = word_at(tokens, p);
    if (before.kind == WordClass::month) return true;
    if (before.month_tail && p > 0 && word_at(tokens, p - 1).kind == WordClass::month) return true;
  }

  // A year after عام or سنة: `العام 2014`, `لعام 2019`.
  if (key.size() == 4 && i > 0 && classify(tokens, i - 1).word->kind == WordClass::year_word) {
    return true;
  }

  // A year before its era: `1440 هـ`, `2019 م`.
  if (key.size() >= 3 && word_at(tokens, i + 1).kind == WordClass::year_marker) return true;

  // One end of a span of years: `(1867-1931)`, `2015-2016`.
  const auto year_like = [&](std::size_t t) {
    const std::string_view k = tokens.is_digits(t) ? tokens.key(t) : std::string_view();
    if (k.size() != 4 || !is_plain_integer(k)) return false;
    const std::uint64_t v = integer_value(k);
    return v >= 1800 && v <= 2100;
  };
  if (year_like(i) &&
      ((i >= 2 && tokens.is_symbol(i - 1, "-") && tokens.glued(i) && tokens.glued(i - 1) &&
        year_like(i - 2)) ||
       (tokens.is_symbol(i + 1, "-") && tokens.glued(i + 1) && tokens.glued(i + 2) &&
        year_like(i + 2)))) {
    return true;
  }

  // A bare year: `منذ 2014`, `في أفق 2025`, `الـ2014`.
  if (key.size() == 4 && value >= 1900 && value <= 2100 && i > 0) {
    if (tokens.glued(i) && tokens.key(i - 1) == "\u0627\u0644") return true;  // ال
    const WordClass after = word_at(tokens, i + 1).kind;
    const bool quantity_follows =
        after == WordClass::scale || after == WordClass::currency ||
        after == WordClass::percent_word || tokens.is_symbol(i + 1, "%") ||
        tokens.is_symbol(i + 1, "\u066A") ||
        (tokens.is_word(i + 1) && tokens.key(i + 1) == "\u0641\u064A" &&  // في المئة
         word_at(tokens, i + 2).kind == WordClass::percent_noun);
    if (!quantity_follows && classify(tokens, i - 1).word->kind == WordClass::year_preposition) {
      return true;
    }
  }
  return false;
}

NumberMatch NumberScanner::finish(const WordTokens& tokens, std::size_t begin, std::size_t last,
                                  const Decimal& value, std::size_t& next) const {
  NumberMatch m;
  m.begin = begin;
  m.value = value.to_string();
  std::size_t end_token = last;
  const std::size_t j = last + 1;
  if (tokens.is_symbol(j, "%") || tokens.is_symbol(j, "\u066A")) {  // % ٪
    m.kind = NumberKind::percent;
    end_token = j;
  } else if (tokens.is_word(j) && tokens.key(j) == "\u0641\u064A" &&  // في
             word_at(tokens, j + 1).kind == WordClass::percent_noun) {
    m.kind = NumberKind::percent;
    end_token = j + 1;
  } else if (word_at(tokens, j).kind == WordClass::percent_word) {
    m.kind = NumberKind::percent;
    end_token = j;
  } else if (entry_at(j).kind == WordClass::currency) {
    m.kind = NumberKind::currency;
    m.unit = entry_at(j).name;
    end_token = j;
  }
  if (m.kind == NumberKind::percent) m.unit = "%";
  m.end = tokens[end_token].end;
  next = end_token + 1;
  return m;
}

std::optional<NumberMatch> NumberScanner::digits_at(const WordTokens& tokens, std::size_t i,
                                                    std::size_t currency_symbol,
                                                    std::size_t& next) const {
  // `A350`, `F16`: part of a Latin name.
  if (tokens.glued(i) && tokens[i - 1].latin) return std::nullopt;
  if (tokens.glued(i + 1) && tokens[i + 1].latin) return std::nullopt;
  if (is_date_number(tokens, i)) return std::nullopt;
  std::optional<Decimal> value = Decimal::parse(tokens.key(i));
  if (!value) return std::nullopt;
  std::size_t last = i;
  const Word& after = word_at(tokens, i + 1);
  if (after.kind == WordClass::scale) {
    value = value->scaled(static_cast<int>(after.value));
    last = i + 1;
  }
  if (currency_symbol != none) {
    NumberMatch m;
    m.begin = tokens[currency_symbol].begin;
    m.end = tokens[last].end;
    m.value = value->to_string();
    m.kind = NumberKind::currency;
    m.unit = entry_at(currency_symbol).name;
    next = last + 1;
    return m;
  }
  return finish(tokens, tokens[i].begin, last, *value, next);
}

std::optional<NumberMatch> NumberScanner::words_at(std::string_view text, const WordTokens& tokens,
                                                   std::size_t i, std::size_t& next) const {
  const Classified head = classify(tokens, i);
  const WordClass head_class = head.word->kind;
  const Word& second = word_at(tokens, i + 1);
  switch (head_class) {
    case WordClass::unit:
      // `واحد` alone is "one (of)"; it counts only inside a compound.
      if (head.word->value == 1) {
        const Classified after = classify(tokens, i + 1);
        if (!tokens.is_word(i + 1) || !tokens.key(i + 1).starts_with(waw) ||
            after.word->kind != WordClass::tens) {
          return std::nullopt;
        }
      }
      break;
    case WordClass::teen_head:
      if (second.kind != WordClass::ten) return std::nullopt;
      break;
    case WordClass::ten:
      // `القرن التاسع عشر`: the -teen of an ordinal.
      if (i > 0 && word_at(tokens, i - 1).ordinal) return std::nullopt;
      break;
    case WordClass::half:
      if (second.kind != WordClass::scale || second.plural) return std::nullopt;
      break;
    case WordClass::scale:
      if (head.word->plural) return std::nullopt;  // `آلاف` alone is approximate
      break;
    case WordClass::tens:
    case WordClass::hundred:
    case WordClass::dual_scale:
      break;
    default:
      return std::nullopt;
  }

  Decimal total = Decimal::of(0);
  std::uint64_t group = 0;
  int last_scale = 0;
  bool half_pending = false;
  WordClass previous = WordClass::none;
  std::size_t j = i;
  const Word* w = head.word;
  bool conjoined = false;
  while (true) {
    switch (w->kind) {
      case WordClass::unit:
      case WordClass::teen_head:
      case WordClass::tens:
        group += w->value;
        break;
      case WordClass::ten:
        group += 10;
        break;
      case WordClass::hundred:
        // `ثلاث مئة` multiplies; `ألف ومئة` adds.
        if (previous == WordClass::unit && !conjoined && w->value == 100) group *= 100;
        else group += w->value;
        break;
      case WordClass::scale: {
        last_scale = static_cast<int>(w->value);
        const Decimal one_scale = Decimal::of(1).scaled(last_scale);
        total = total.plus(half_pending ? one_scale.halved()
                                        : Decimal::of(group == 0 ? 1 : group).scaled(last_scale));
        group = 0;
        half_pending = false;
        break;
      }
      case WordClass::dual_scale:
        last_scale = static_cast<int>(w->value);
        total = total.plus(Decimal::of(2).scaled(last_scale));
        group = 0;
        break;
      case WordClass::half:
        if (previous == WordClass::none) {
          half_pending = true;
        } else if (const Word& after = word_at(tokens, j + 1);
                   after.kind == WordClass::scale && !after.plural) {
          // `مليونين ونصف مليون`: the half of the scale named after it.
          total = total.plus(Decimal::of(1).scaled(static_cast<int>(after.value)).halved());
          ++j;
        } else {
          total = total.plus(Decimal::of(1).scaled(last_scale).halved());
        }
        break;
      default:
        break;
    }
    previous = w->kind;
    if (previous == WordClass::half && !half_pending) break;  // `مليون ونصف` ends there

    // What may follow: a scale or a -teen or `مئة` directly, or the next
    // smaller part after و.
    if (!tokens.is_word(j + 1)) break;
    const std::string_view key = tokens.key(j + 1);
    const Word& direct = *entries_[j + 1];
    const bool after_count = previous == WordClass::unit || previous == WordClass::teen_head ||
                             previous == WordClass::ten || previous == WordClass::tens ||
                             previous == WordClass::hundred || previous == WordClass::half;
    if (direct.kind == WordClass::scale && after_count) {
      w = &direct;
      conjoined = false;
    } else if (direct.kind == WordClass::ten &&
               (previous == WordClass::unit || previous == WordClass::teen_head)) {
      w = &direct;
      conjoined = false;
    } else if (direct.kind == WordClass::hundred && direct.value == 100 &&
               previous == WordClass::unit) {
      w = &direct;
      conjoined = false;
    } else if (key.starts_with(waw) && key.size() > letter_bytes) {
      const Word& part = lexicon_.find(key.substr(letter_bytes));
      const bool after_scale = previous == WordClass::scale || previous == WordClass::dual_scale;
      const bool fits =
          (previous == WordClass::unit && part.kind == WordClass::tens) ||
          (previous == WordClass::hundred &&
           (part.kind == WordClass::unit || part.kind == WordClass::tens ||
            part.kind == WordClass::teen_head)) ||
          (after_scale && (part.kind == WordClass::unit || part.kind == WordClass::tens ||
                           part.kind == WordClass::hundred || part.kind == WordClass::teen_head ||
                           part.kind == WordClass::half));
      if (!fits) break;
      w = &part;
      conjoined = true;
    } else {
      break;
    }
    ++j;
  }
  if (half_pending) return std::nullopt;
  const std::size_t begin =
      nahr::arabic::skip_folded_letters(text, tokens[i].begin, tokens[i].end, head.clitic_letters);
  return finish(tokens, begin, j, total.plus(Decimal::of(group)), next);
}

std::optional<NumberMatch> NumberScanner::approximate_at(std::string_view text,
                                                         const WordTokens& tokens, std::size_t i,
                                                         std::size_t& next) const {
  const Classified head = classify(tokens, i);
  const bool approximate = head.word->kind == WordClass::approximate ||
                           (head.word->kind == WordClass::scale && head.word->plural);
  if (!approximate) return std::nullopt;
  std::size_t last = i;
  // `عشرات الآلاف`, `مئات الملايين`, `بضعة آلاف`.
  const Word& after = word_at(tokens, i + 1);
  if (after.kind == WordClass::approximate || (after.kind == WordClass::scale && after.plural)) {
    last = i + 1;
  }
  NumberMatch m;
  m.begin =
      nahr::arabic::skip_folded_letters(text, tokens[i].begin, tokens[i].end, head.clitic_letters);
  m.end = tokens[last].end;
  m.approximate = true;
  next = last + 1;
  return m;
}

std::optional<NumberMatch> NumberScanner::currency_one_at(const WordTokens& tokens, std::size_t i,
                                                          std::size_t& next) const {
  const Word& currency = word_at(tokens, i);
  if (currency.kind != WordClass::currency) return std::nullopt;
  const Word& after = word_at(tokens, i + 1);
  if (after.kind != WordClass::unit || after.value != 1) return std::nullopt;
  NumberMatch m;
  m.begin = tokens[i].begin;
  m.end = tokens[i + 1].end;
  m.value = "1";
  m.unit = currency.name;
  m.kind = NumberKind::currency;
  next = i + 2;
  return m;
}

void NumberScanner::scan(std::string_view text, const WordTokens& tokens,
                         std::vector<NumberMatch>& out) {
  look_up(tokens);
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::size_t next = i + 1;
    std::optional<NumberMatch> m;
    switch (tokens[i].kind) {
      case TokenKind::digits:
        if (const std::size_t after = spaced_date_end(tokens, i); after != i) {
          i = after;
          continue;
        }
        m = digits_at(tokens, i, none, next);
        break;
      case TokenKind::symbol:
        if (tokens.is_digits(i + 1) && entry_at(i).kind == WordClass::currency) {
          m = digits_at(tokens, i + 1, i, next);
        }
        break;
      case TokenKind::word:
        // Most words are in no list: nothing starts there.
        if (entries_[i]->kind == WordClass::none && classified_[i].word->kind == WordClass::none) {
          break;
        }
        m = currency_one_at(tokens, i, next);
        if (!m) m = words_at(text, tokens, i, next);
        if (!m) m = approximate_at(text, tokens, i, next);
        break;
    }
    if (m) {
      out.push_back(std::move(*m));
      i = next;
    } else {
      ++i;
    }
  }
}

}  // namespace extract_numbers
