#include "normaliser.hpp"

#include <algorithm>

namespace normalise_arabic {

ArabicNormaliser::ArabicNormaliser(const nahr::Options& options)
    : ArabicNormaliser(Rules::from(options)) {}

namespace {

// The characters the scan must see, as the vector pre-pass asks: exactly
// those the skip table sends to look_at(). A space is the one character
// whose fate depends on the next byte; the pair rule covers it.
nahr::arabic::QuietChunks quiet_chunks_of(const Tables& tables) {
  const auto touched = [&](char32_t c) {
    if (c == ' ') return tables.skip(' ', 'a') == 0;
    return tables.action(c).op != Op::keep;
  };
  nahr::arabic::QuietChunks chunks(touched);
  if (!touched(' ')) {
    chunks.touch_before(' ', [&](char32_t next) {
      return tables.skip(' ', static_cast<unsigned char>(next)) == 0;
    });
  }
  return chunks;
}

}  // namespace

ArabicNormaliser::ArabicNormaliser(const Rules& rules)
    : tables_(rules), quiet_chunks_(quiet_chunks_of(tables_)) {}

void ArabicNormaliser::process(nahr::Document& doc) {
  const std::string_view text = doc.text();
  out_.reset(text);
  ahead_ = Lookahead{};
  base_ = BaseLookup{};
  scan(text);
  out_.commit(doc);
}

// The fast path: the vector pre-pass skips to the first character a rule
// may touch; from there, a character no rule touches costs one lookup of
// the two bytes at its start, and only the others leave the loop. Two
// characters are looked up per round, the second at both places it can
// start, so that the lookups do not wait for each other. Where the
// pre-pass makes no progress (text outside ASCII and the Arabic block), the
// lookups take a whole chunk before it tries again.
void ArabicNormaliser::scan(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::uint8_t* skip = tables_.skip_table();
  const auto at = [&](std::size_t k) { return skip[(s[k] << 8) | s[k + 1]]; };
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i + 3 < n) {
    const std::size_t from = i;
    i = quiet_chunks_.skip(text, i);
    const std::size_t end =
        std::min(n - 3, i > from ? i + 1 : i + nahr::arabic::QuietChunks::kBytes);
    while (i < end) {
      const std::uint8_t first = at(i);
      const std::uint8_t after_one = at(i + 1), after_two = at(i + 2);
      if (first == 0) {
        i = look_at(text, i);
        continue;
      }
      const std::uint8_t second = first == 1 ? after_one : after_two;
      i += first;
      i = second != 0 ? i + second : look_at(text, i);
    }
  }
  while (i + 1 < n) {
    const std::uint8_t step = at(i);
    i = step != 0 ? i + step : look_at(text, i);
  }
  if (i < n) look_at(text, i);
}

// The slow path: applies the action of the character at `i`, then of any
// whitespace after it, which may collapse into what was just written.
// Returns the offset after them.
std::size_t ArabicNormaliser::look_at(std::string_view text, std::size_t i) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (;;) {
    if (s[i] >= 0xD8 && s[i] <= 0xDB && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      const char32_t cp = (char32_t{s[i] & 0x1Fu} << 6) | (s[i + 1] & 0x3Fu);
      apply(text, i, i + 2, cp, tables_.arabic(cp));
      i += 2;
    } else {
      const CodePoint d = decode(text, i);
      if (d.value != kInvalid) apply(text, i, i + d.length, d.value, tables_.action(d.value));
      i += d.length;
    }
    if (i == n || !tables_.may_start_whitespace(s[i])) return i;
    if (tables_.action(decode(text, i).value).op != Op::whitespace) return i;
  }
}

void ArabicNormaliser::apply(std::string_view text, std::size_t begin, std::size_t end, char32_t cp,
                             Action action) {
  switch (action.op) {
    case Op::keep:
      return;
    case Op::replace:
      replace(begin, end, tables_.text(action));
      return;
    case Op::remove:
      out_.remove(begin, end);
      return;
    case Op::hamza_mark:
      if (hamza_mark_removed(text, begin, cp)) out_.remove(begin, end);
      return;
    case Op::separator:
      if (out_.tail_before(begin) == CharClass::digit && is_digit(next_kept(text, end))) {
        out_.replace(begin, end, tables_.text(action));
      }
      return;
    case Op::whitespace:
      if (out_.space_before(begin))
        out_.remove(begin, end);
      else if (cp != ' ')
        out_.replace(begin, end, " ");
      return;
    case Op::control: {
      // A word starts with a letter or digit, never with a combining mark.
      const char32_t next = next_kept(text, end);
      const bool separates = is_word(out_.tail_before(begin)) && is_word(classify(next)) &&
                             !nahr::arabic::is_mark(next);
      if (separates)
        out_.replace(begin, end, " ");
      else
        out_.remove(begin, end);
      return;
    }
  }
}

// A replacement that starts with a space (a presentation form whose NFKC
// starts with one) loses it after whitespace when whitespace is collapsed.
void ArabicNormaliser::replace(std::size_t begin, std::size_t end, std::string_view with) {
  if (tables_.rules().whitespace && !with.empty() && with.front() == ' ' &&
      out_.space_before(begin)) {
    with.remove_prefix(1);
  }
  if (with.empty())
    out_.remove(begin, end);
  else
    out_.replace(begin, end, with);
}

// The base is the letter before the marks this one follows, looking past
// what is removed in between: the mark sits on that letter in the output.
// A run of marks shares one base, so each lookup resumes where the last
// one started: the scans stay linear in the text however long the run.
bool ArabicNormaliser::hamza_mark_removed(std::string_view text, std::size_t begin, char32_t mark) {
  std::size_t pos = begin;
  char32_t base = kInvalid;  // none: the text starts with marks
  while (pos > 0) {
    if (pos == base_.from) {
      base = base_.letter;
      break;
    }
    const CodePoint before = decode_before(text, pos);
    if (!nahr::arabic::is_mark(before.value) && !tables_.drops_out(before.value)) {
      base = before.value;
      break;
    }
    pos -= before.length;
  }
  base_ = BaseLookup{begin, base};
  return base != kInvalid && tables_.removes_hamza_mark(base, mark);
}

// The next character after input offset `pos` that does not drop out
// (kInvalid at the end of the text): what the output will hold there.
// Every offset of a run of characters that drop out has the same answer,
// so the last one is kept: the scans stay linear in the text.
char32_t ArabicNormaliser::next_kept(std::string_view text, std::size_t pos) {
  if (ahead_.from <= pos && pos <= ahead_.to) return ahead_.next;
  ahead_.from = pos;
  while (pos < text.size()) {
    const CodePoint next = decode(text, pos);
    if (!tables_.drops_out(next.value)) break;
    pos += next.length;
  }
  ahead_.to = pos;
  ahead_.next = pos < text.size() ? decode(text, pos).value : kInvalid;
  return ahead_.next;
}

}  // namespace normalise_arabic
