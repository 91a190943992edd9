// What clean-wire needs to know about a character: is it part of a word,
// is it Arabic, is it space or a line break. Precomputed from ICU for the
// BMP once per process.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

namespace nahr::clean_wire {

enum class CharKind : std::uint8_t { other, letter, mark, number, space, line_break };

struct CharClass {
  CharKind kind = CharKind::other;
  bool arabic = false;  // the Arabic script is among its scripts (letters, harakat, tatweel)

  // Letters, combining marks and digits make words.
  bool is_word() const {
    return kind == CharKind::letter || kind == CharKind::mark || kind == CharKind::number;
  }
  bool is_arabic_letter() const { return arabic && kind == CharKind::letter; }
};

class CharTable {
 public:
  // Built on first use, then shared by every stage and thread.
  static const CharTable& get();

  // nahr::utf8::kInvalid (an ill-formed byte) is classed as U+FFFD is.
  CharClass classify(char32_t c) const {
    if (c < bmp_->size()) return unpack((*bmp_)[c]);
    if (c > 0x10FFFF) return unpack((*bmp_)[0xFFFD]);
    return compute(c);
  }

 private:
  static constexpr std::uint8_t arabic_bit = 0x80;

  CharTable();
  static CharClass compute(char32_t c);
  static CharClass unpack(std::uint8_t packed) {
    return {static_cast<CharKind>(packed & 0x7F), (packed & arabic_bit) != 0};
  }

  std::unique_ptr<std::array<std::uint8_t, 0x10000>> bmp_;
};

}  // namespace nahr::clean_wire
