// What normalise-arabic does to each code point under one set of rules,
// precomputed when a stage is created: an action per code point any rule
// can touch (ASCII, Latin-1, the Arabic block U+0600..U+06FF, General
// Punctuation, presentation forms), and for the scan a table of how far it
// may skip given the next two bytes.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules.hpp"

namespace normalise_arabic {

enum class Op : std::uint8_t {
  keep,
  replace,     // by the action's text
  remove,      // wherever it stands
  hamza_mark,  // U+0653..U+0655: removed after a letter whose precomposed form a rule simplifies
  separator,   // U+066B, U+066C: replaced by the action's text only between two digits
  whitespace,  // collapsed with the whitespace before it, else becomes one ASCII space
  control,     // controls = space: a space between two words, else removed
};

struct Action {
  Op op = Op::keep;
  std::uint8_t size = 0;     // of the replacement text
  std::uint16_t offset = 0;  // of the replacement text in the table's pool
};

class Tables {
 public:
  explicit Tables(const Rules& rules);

  const Rules& rules() const { return rules_; }

  // How many bytes the scan may skip at a position holding `first`,
  // `second`: 1 for an ASCII character or a byte of a character no rule
  // changes, 2 for an Arabic-block letter no rule changes, 0 when the
  // character needs a look. A space followed by whitespace needs a look
  // too, since the whitespace after it collapses into it.
  std::uint8_t skip(unsigned char first, unsigned char second) const {
    return skip_[(first << 8) | second];
  }
  const std::uint8_t* skip_table() const { return skip_.data(); }
  Action action(char32_t cp) const;
  // The action for U+0600..U+06FF.
  const Action& arabic(char32_t cp) const { return arabic_[cp - 0x600]; }
  // Whether a character starting with byte `b` may be whitespace to collapse.
  bool may_start_whitespace(unsigned char b) const { return whitespace_lead_[b]; }
  std::string_view text(const Action& a) const {
    return std::string_view(pool_).substr(a.offset, a.size);
  }

  // Whether `cp` is removed before a combining mark or a digit: characters
  // removed wherever they are, and controls that only become a space
  // between two words.
  bool drops_out(char32_t cp) const {
    const Op op = action(cp).op;
    return op == Op::remove || op == Op::control;
  }
  // Whether hamza/madda mark `mark` (U+0653..U+0655) on letter `base` is
  // removed: when it forms with the letter (as read, or as this stage writes
  // it) a precomposed letter a rule maps to one without hamza: أ إ آ ؤ ئ ۀ.
  bool removes_hamza_mark(char32_t base, char32_t mark) const;

 private:
  Action compute(char32_t cp);
  Action replace_by(std::string_view text);
  // Applies every context-free rule to `text` (a presentation form's NFKC).
  std::string map_letters(std::u32string_view text);

  Rules rules_;
  std::string pool_;
  std::array<Action, 0x80> ascii_{};
  std::array<Action, 0x80> latin1_{};            // U+0080..U+00FF
  std::array<Action, 0x100> arabic_{};           // U+0600..U+06FF
  std::array<Action, 0x70> punctuation_{};       // U+2000..U+206F
  std::array<Action, 0xFF00 - 0xFB50> forms_{};  // U+FB50..U+FEFF
  Action other_space_{};                         // U+1680, U+3000
  std::array<bool, 0x100> whitespace_lead_{};
  std::vector<std::uint8_t> skip_;  // by the next two bytes, first << 8 | second
};

}  // namespace normalise_arabic
