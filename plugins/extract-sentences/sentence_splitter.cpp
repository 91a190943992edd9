#include "sentence_splitter.hpp"

#include "characters.hpp"

namespace extract_sentences {
namespace {

bool is_letter_or_mark(char32_t cp) { return is_letter(cp) || is_letter_mark(cp); }

std::size_t skip_blanks(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end) {
    const CodePoint d = decode(text, i);
    if (!is_blank(d.value)) break;
    i += d.length;
  }
  return i;
}

// The word just before a full stop, read backwards through letters, marks
// and inner full stops: `الخميس`, `د`, `أ.ف.ب`, `U.S`.
struct WordBefore {
  std::size_t begin = 0;
  int letters = 0;
  int segments = 0;            // parts between inner full stops
  bool single_letters = true;  // every part is one letter: an initial or `أ.ف.ب`
  bool latin = false;
};

WordBefore word_before(std::string_view text, std::size_t start, std::size_t dot) {
  WordBefore w;
  w.begin = dot;
  int part = 0;  // letters in the part being read
  std::size_t i = dot;
  while (i > start) {
    const CodePoint d = decode_before(text, i);
    if (is_letter(d.value)) {
      if (w.letters > 0 && is_latin_letter(d.value) != w.latin) break;  // `الـU.N`: script changes
      ++part;
      ++w.letters;
      w.latin = w.latin || is_latin_letter(d.value);
    } else if (is_letter_mark(d.value)) {
      // belongs to the letter before it
    } else if (d.value == '.' && part > 0 && i - 1 > start &&
               is_letter_or_mark(decode_before(text, i - 1).value)) {
      ++w.segments;
      w.single_letters = w.single_letters && part == 1;
      part = 0;
    } else {
      break;
    }
    i -= d.length;
    w.begin = i;
  }
  if (part > 0) {
    ++w.segments;
    w.single_letters = w.single_letters && part == 1;
  }
  return w;
}

// The first character from i on that is neither blank nor a closing mark;
// kInvalid at the end.
char32_t first_after_closing_marks(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end) {
    const CodePoint d = decode(text, i);
    if (!is_blank(d.value) && !is_closing_mark(d.value) && d.value != '"') return d.value;
    i += d.length;
  }
  return kInvalid;
}

// `2014 م` and `1440هـ`: a letter right after a number is a unit or an era,
// not an initial.
bool follows_number(std::string_view text, std::size_t start, std::size_t word_begin) {
  std::size_t i = word_begin;
  while (i > start) {
    const CodePoint d = decode_before(text, i);
    if (!is_blank(d.value)) return is_digit(d.value);
    i -= d.length;
  }
  return false;
}

// An enumerator opening the sentence: `1.`, `(2).`
bool only_enumerator_before(std::string_view text, std::size_t start, std::size_t dot) {
  bool digits = false;
  for (std::size_t i = start; i < dot; ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') digits = true;
    else if (c != '(' && c != ')' && c != ' ') return false;
  }
  return digits;
}

// After a terminator, an ASCII `"` whose pairing we lost (the quote opened
// in an earlier paragraph) still closes when blank or punctuation follows.
bool quote_closes_here(std::string_view text, std::size_t after, std::size_t end) {
  if (after >= end) return true;
  const char32_t cp = decode(text, after).value;
  return is_blank(cp) || is_continuation_mark(cp) || is_terminator(cp) || is_closing_mark(cp) ||
         cp == '"' || cp == '\'';
}

}  // namespace

bool SentenceSplitter::full_stop_continues(std::string_view text, std::size_t start,
                                           std::size_t dot, std::size_t end) {
  const char32_t prev = dot > start ? decode_before(text, dot).value : kInvalid;
  const char32_t next = dot + 1 < end ? decode(text, dot + 1).value : kInvalid;
  if (is_digit(prev) && is_digit(next)) return true;  // 3.5, 1.500.000, 12.3.2019
  if (only_enumerator_before(text, start, dot)) return true;

  const WordBefore w = word_before(text, start, dot);
  if (w.letters == 0) return false;
  key_.clear();
  nahr::arabic::append_folded(key_, text.substr(w.begin, dot - w.begin), kKeyFolding);
  if (lexicon_.is_abbreviation(key_)) return true;

  if (is_letter(next) || is_digit(next)) {
    // No space after the full stop: an inner dot of `أ.ف.ب`, `U.S`,
    // `www.example.com`, unless two Arabic words were run together by a
    // missing space (`الخميس.وقال`).
    return w.single_letters || w.latin || !is_arabic_letter(next);
  }
  // A lone letter is an initial (`د. محمد`, `J. Smith`) unless it follows a
  // number. Dotted acronyms (`أ.ف.ب.`) end the sentence, except initials
  // followed by a number (`عثر على "م.غ." 21 سنة`).
  if (w.segments == 1) return w.letters == 1 && !follows_number(text, start, w.begin);
  return w.single_letters && is_digit(first_after_closing_marks(text, dot + 1, end));
}

bool SentenceSplitter::reporting_verb_at(std::string_view text, std::size_t i, std::size_t end) {
  const std::size_t begin = i;
  while (i < end) {
    const CodePoint d = decode(text, i);
    if (!is_letter_or_mark(d.value)) break;
    i += d.length;
  }
  key_.clear();
  nahr::arabic::append_folded(key_, text.substr(begin, i - begin), kKeyFolding);
  return lexicon_.is_reporting_verb(key_);
}

void SentenceSplitter::split(std::string_view text, Range paragraph, std::vector<Range>& out) {
  const std::size_t end = paragraph.end;
  std::size_t start = paragraph.begin;
  bool content = false;     // a letter or digit since `start`
  bool quote_open = false;  // inside an ASCII "…" pair
  std::size_t i = start;
  while (i < end) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b >= 0xD8 && b <= 0xDB && i + 1 < end) {
      // Fast path for the Arabic block, where the only terminators are ؟ and ۔
      const unsigned char b2 = static_cast<unsigned char>(text[i + 1]);
      const bool terminator = (b == 0xD8 && b2 == 0x9F) || (b == 0xDB && b2 == 0x94);
      if ((b2 & 0xC0) == 0x80 && !terminator) {
        if (!content) content = is_letter(decode(text, i).value) || is_digit(decode(text, i).value);
        i += 2;
        continue;
      }
    }
    const CodePoint d = b < 0x80 ? CodePoint{b, 1} : decode(text, i);
    if (d.value == '"') quote_open = !quote_open;
    if (!is_terminator(d.value)) {
      content = content || is_letter(d.value) || is_digit(d.value);
      i += d.length;
      continue;
    }

    // A run of terminators ends one sentence at most: `؟!`, `...`, `!!`.
    std::size_t run_end = i;
    int count = 0;
    bool dots_only = true;
    while (run_end < end) {
      const CodePoint t = decode(text, run_end);
      if (!is_terminator(t.value)) break;
      dots_only = dots_only && t.value == '.';
      ++count;
      run_end += t.length;
    }
    if (!content || (dots_only && count == 1 && full_stop_continues(text, start, i, end))) {
      i = run_end;
      continue;
    }

    // Closing marks (and stray terminators after them) stay with the
    // sentence: `انتهى."` `انتهى!».`
    std::size_t close_end = run_end;
    bool quoted = false;
    while (close_end < end) {
      const CodePoint c = decode(text, close_end);
      if (c.value == '"') {
        if (!quote_open && !quote_closes_here(text, close_end + 1, end)) break;
        quote_open = false;
      } else if (c.value == '\'') {
        // Only as a closing mark: `هل لاحظتم هذا؟'"`, never `'` opening a quote.
        if (!quote_closes_here(text, close_end + 1, end)) break;
      } else if (!is_closing_mark(c.value) && !is_terminator(c.value)) {
        break;
      }
      quoted = quoted || is_quote_mark(c.value) || c.value == '\'';
      close_end += c.length;
    }

    // What follows may carry the sentence on: `؟»، قال`, `approx. five`,
    // `«…؟» تساءل الوزير`.
    const std::size_t next = skip_blanks(text, close_end, end);
    if (next < end) {
      const char32_t n = decode(text, next).value;
      if (is_continuation_mark(n) || (dots_only && is_latin_lower(n)) ||
          (quoted && reporting_verb_at(text, next, end))) {
        i = close_end;
        continue;
      }
    }
    out.push_back({start, close_end});
    start = next;
    content = false;
    i = next;
  }
  if (start < end) out.push_back({start, end});
}

}  // namespace extract_sentences
