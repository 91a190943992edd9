// UTF-8 decoding for the token scanner.
#pragma once

#include <cstdint>
#include <string_view>

namespace extract_tokens {

// Stands for a byte that does not start a valid UTF-8 sequence.
inline constexpr char32_t kInvalid = 0xFFFFFFFF;

struct Decoded {
  char32_t cp = kInvalid;
  std::uint32_t size = 1;  // bytes; an invalid byte counts as one
};

// The code point starting at text[i] (i < text.size()).
inline Decoded decode(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) return {b, 1};
  std::uint32_t size = 0;
  char32_t cp = 0, least = 0;
  if ((b & 0xE0) == 0xC0) size = 2, cp = b & 0x1F, least = 0x80;
  else if ((b & 0xF0) == 0xE0) size = 3, cp = b & 0x0F, least = 0x800;
  else if ((b & 0xF8) == 0xF0) size = 4, cp = b & 0x07, least = 0x10000;
  else return {};
  for (std::uint32_t k = 1; k < size; ++k) {
    if (i + k >= text.size() || (byte(i + k) & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, size};
}

// The code point at text[i], or kInvalid past the end.
inline char32_t peek(std::string_view text, std::size_t i) {
  return i < text.size() ? decode(text, i).cp : kInvalid;
}

}  // namespace extract_tokens
