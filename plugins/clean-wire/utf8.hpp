// Lenient UTF-8 for clean-wire, which needs to know which character stands
// next to an '&' or ';' and where words end, but never validates (that is
// normalise-unicode's job): a byte that does not start a well-formed
// sequence reads as U+FFFD, one byte long.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nahr::clean_wire {

inline constexpr char32_t replacement_character = 0xFFFD;

struct CodePoint {
  char32_t value;
  std::uint32_t length;
};

// Three- and four-byte sequences and every ill-formed byte.
inline CodePoint decode_long(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  const std::uint32_t length = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 0;
  if (length == 0 || i + length > text.size()) return {replacement_character, 1};
  char32_t value = lead & (0x7F >> length);
  for (std::uint32_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {replacement_character, 1};
    value = value << 6 | (byte(i + k) & 0x3F);
  }
  const char32_t shortest = length == 3 ? 0x800 : 0x10000;
  if (value < shortest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {replacement_character, 1};
  }
  return {value, length};
}

// The code point at text[i] (i < text.size()). ASCII and two-byte
// sequences (Arabic, Latin-1, combining marks) take the inline path.
inline CodePoint decode_at(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {lead, 1};
  if (lead >= 0xC2 && lead < 0xE0 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if ((next & 0xC0) == 0x80) return {char32_t(lead & 0x1F) << 6 | (next & 0x3F), 2};
  }
  return decode_long(text, i);
}

// The code point that ends at text[i - 1] (0 < i <= text.size()).
inline CodePoint decode_before(std::string_view text, std::size_t i) {
  std::size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  const CodePoint cp = decode_at(text, start);
  if (start + cp.length == i) return cp;
  return {replacement_character, 1};
}

constexpr std::size_t utf8_length(char32_t c) {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

// Writes c as UTF-8 to out (room for 4 bytes); returns the length.
inline std::size_t encode_utf8(char32_t c, char* out) {
  const std::size_t length = utf8_length(c);
  if (length == 1) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  constexpr unsigned char lead_marks[] = {0, 0, 0xC0, 0xE0, 0xF0};
  for (std::size_t k = length - 1; k > 0; --k) {
    out[k] = static_cast<char>(0x80 | (c & 0x3F));
    c >>= 6;
  }
  out[0] = static_cast<char>(lead_marks[length] | c);
  return length;
}

}  // namespace nahr::clean_wire
