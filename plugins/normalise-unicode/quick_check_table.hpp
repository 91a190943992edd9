// Per-code-point normalisation properties, precomputed for the BMP so that
// the scan in UnicodeNormaliser asks ICU nothing for text that is already
// normalised (almost all of it).
#pragma once

#include <unicode/normalizer2.h>

#include <array>
#include <cstdint>
#include <memory>

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
};

}  // namespace nahr::normalise_unicode
