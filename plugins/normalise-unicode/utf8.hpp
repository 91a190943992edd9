// Decodes one UTF-8 sequence at a time and sizes ill-formed input by the
// Unicode "maximal subpart" practice (Unicode 15, section 3.9, table 3-8):
// an ill-formed sequence is the longest prefix of a well-formed sequence that
// it starts with, or one byte. So "C3 28" is one error ("C3") then "(",
// "E0 80" is two errors and a truncated "F0 9F 98" is one. Each error becomes
// exactly one U+FFFD, as in ICU, WHATWG encoders and Python.
#pragma once

#include <cstdint>

namespace nahr::normalise_unicode {

// Eight bytes, so that it comes back in a register.
struct Utf8Unit {
  static constexpr char32_t ill_formed = 0xFFFFFFFF;
  char32_t code_point = ill_formed;
  std::uint32_t length = 1;
  bool valid() const { return code_point != ill_formed; }
};

namespace detail {

inline bool in_range(const unsigned char* p, const unsigned char* end, unsigned char low,
                     unsigned char high) {
  return p < end && *p >= low && *p <= high;
}

// Three- and four-byte sequences and every error: rare in Arabic and Latin
// text, so kept out of line.
[[gnu::noinline]] inline Utf8Unit decode_utf8_rest(const unsigned char* p,
                                                   const unsigned char* end) {
  const unsigned char lead = p[0];
  if (lead < 0xE0) {
    // C0/C1 (overlong), continuation bytes, or a lead without its follower.
    return {};
  }
  if (lead < 0xF0) {
    // E0 needs A0..BF (no overlongs), ED needs 80..9F (no surrogates).
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    if (!in_range(p + 1, end, low, high)) return {};
    if (!in_range(p + 2, end, 0x80, 0xBF)) return {Utf8Unit::ill_formed, 2};
    return {char32_t(lead & 0x0F) << 12 | char32_t(p[1] & 0x3F) << 6 | (p[2] & 0x3F), 3};
  }
  if (lead < 0xF5) {
    // F0 needs 90..BF (no overlongs), F4 needs 80..8F (nothing past U+10FFFF).
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    if (!in_range(p + 1, end, low, high)) return {};
    if (!in_range(p + 2, end, 0x80, 0xBF)) return {Utf8Unit::ill_formed, 2};
    if (!in_range(p + 3, end, 0x80, 0xBF)) return {Utf8Unit::ill_formed, 3};
    return {char32_t(lead & 0x07) << 18 | char32_t(p[1] & 0x3F) << 12 | char32_t(p[2] & 0x3F) << 6 |
                (p[3] & 0x3F),
            4};
  }
  return {};  // F5..FF never occur in UTF-8
}

}  // namespace detail

// Decodes the sequence at p (p < end). ASCII and two-byte sequences (all of
// Arabic, Latin-1 and combining marks) take the inline path.
inline Utf8Unit decode_utf8(const unsigned char* p, const unsigned char* end) {
  const unsigned char lead = p[0];
  if (lead < 0x80) return {lead, 1};
  if (lead >= 0xC2 && lead < 0xE0 && p + 1 < end && (p[1] & 0xC0) == 0x80) {
    return {char32_t(lead & 0x1F) << 6 | (p[1] & 0x3F), 2};
  }
  return detail::decode_utf8_rest(p, end);
}

}  // namespace nahr::normalise_unicode
