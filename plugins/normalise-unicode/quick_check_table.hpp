// Per-code-point normalisation properties, precomputed for the BMP so that
// the scan in UnicodeNormaliser asks ICU nothing for text that is already
// normalised (almost all of it).
#pragma once

#include <unicode/normalizer2.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

namespace nahr::normalise_unicode {

enum class Form { nfc, nfd, nfkc, nfkc_casefold };

// What the quick check of UAX #15 (section 9) needs to know about one code
// point under one form.
struct CodePointInfo {
  std::uint8_t combining_class = 0;
  // Nothing before this code point interacts with it or anything after it:
  // text may be cut here and each side normalised on its own.
  bool boundary_before = true;
  // Quick_Check = Yes: on its own, in canonical order, it needs no change.
  bool quick_check_yes = true;
};

class QuickCheckTable {
 public:
  // The table of `form`, built on first use and shared by every stage
  // instance and thread for the life of the process.
  static const QuickCheckTable& of(Form form);

  const icu::Normalizer2& normalizer() const { return *normalizer_; }

  CodePointInfo info(char32_t c) const {
    if (c < bmp_->size()) return unpack((*bmp_)[c]);
    return compute(c);  // supplementary planes: rare enough to ask ICU
  }

  // The first position at or after `i` that does not start an ASCII or
  // two-byte stable starter: the fast path over Arabic and Latin text. Each
  // character costs one lookup of the two bytes at its start, and two
  // characters are looked up per round, the second at both places it can
  // start, so that the lookups do not wait for each other.
  std::size_t skip_short_stable_starters(std::string_view text, std::size_t i) const {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::uint8_t* step = step_->data();
    const auto at = [&](std::size_t k) { return step[(s[k] << 8) | s[k + 1]]; };
    const std::size_t n = text.size();
    while (i + 3 < n) {
      const std::uint8_t first = at(i);
      const std::uint8_t after_one = at(i + 1), after_two = at(i + 2);
      if (first == 0) return i;
      const std::uint8_t second = first == 1 ? after_one : after_two;
      i += first;
      if (second == 0) return i;
      i += second;
    }
    while (i + 1 < n && at(i) != 0) i += at(i);
    return i;
  }

  // Has a boundary before it and passes the quick check: the segment it
  // starts is normalised unless a later code point in it says otherwise.
  // Nearly every code point of Arabic and Latin text is one.
  bool is_stable_starter(char32_t c) const {
    if (c < bmp_->size()) return ((*bmp_)[c] & stable_bits) == stable_bits;
    const CodePointInfo i = compute(c);
    return i.boundary_before && i.quick_check_yes;
  }

 private:
  using Packed = std::uint16_t;  // combining class | boundary bit | quick-check bit
  static constexpr Packed boundary_bit = 1u << 8;
  static constexpr Packed quick_check_bit = 1u << 9;
  static constexpr Packed stable_bits = boundary_bit | quick_check_bit;

  explicit QuickCheckTable(const icu::Normalizer2& normalizer);
  template <Form F>
  static const QuickCheckTable& built();

  CodePointInfo compute(char32_t c) const;
  static CodePointInfo unpack(Packed p) {
    return {static_cast<std::uint8_t>(p & 0xFF), (p & boundary_bit) != 0,
            (p & quick_check_bit) != 0};
  }

  const icu::Normalizer2* normalizer_;
  std::unique_ptr<std::array<Packed, 0x10000>> bmp_;
  // By the first two bytes of a character: its length when it is an ASCII
  // or two-byte stable starter, else 0.
  std::unique_ptr<std::array<std::uint8_t, 0x10000>> step_;
};

}  // namespace nahr::normalise_unicode
