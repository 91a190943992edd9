#include "entities.hpp"

#include <algorithm>
#include <cstdint>

#include <nahr/text/utf8.hpp>

namespace nahr::clean_wire {

namespace {

constexpr std::size_t longest_entity_name = 8;  // "thetasym"

// What HTML5 makes of &#128; to &#159;: the Windows-1252 character, where
// there is one (0: keep the C1 control, which the control rule then drops).
constexpr char32_t windows_1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t numeric_reference_value(std::uint32_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return utf8::kReplacementCharacter;
  }
  if (value >= 0x80 && value <= 0x9F && windows_1252_c1[value - 0x80] != 0) {
    return windows_1252_c1[value - 0x80];
  }
  return value;
}

int digit_value(char c, std::uint32_t base) {
  if (c >= '0' && c <= '9') return c - '0';
  if (base == 16 && c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (base == 16 && c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_ascii_alphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// One reference after its '&', at text[p]: "name;", "#1604;" or "#x644;".
std::optional<DecodedReference> decode_body(std::string_view text, std::size_t p) {
  if (p < text.size() && text[p] == '#') {
    ++p;
    std::uint32_t base = 10;
    if (p < text.size() && (text[p] == 'x' || text[p] == 'X')) {
      base = 16;
      ++p;
    }
    const std::size_t digits = p;
    std::uint32_t value = 0;
    for (int d; p < text.size() && (d = digit_value(text[p], base)) >= 0; ++p) {
      // Saturates just past U+10FFFF, however many digits follow.
      value = std::min<std::uint32_t>(value * base + static_cast<std::uint32_t>(d), 0x110000);
    }
    if (p == digits || p == text.size() || text[p] != ';') return std::nullopt;
    return DecodedReference{p + 1, numeric_reference_value(value)};
  }
  std::size_t end = p;
  while (end < text.size() && end - p < longest_entity_name && is_ascii_alphanumeric(text[end])) {
    ++end;
  }
  if (end == p || end == text.size() || text[end] != ';') return std::nullopt;
  const std::optional<char32_t> code_point = named_entity(text.substr(p, end - p));
  if (!code_point) return std::nullopt;
  return DecodedReference{end + 1, *code_point};
}

}  // namespace

std::optional<DecodedReference> decode_reference(std::string_view text, std::size_t at) {
  std::optional<DecodedReference> decoded;
  std::size_t p = at + 1;
  while (const std::optional<DecodedReference> next = decode_body(text, p)) {
    decoded = next;
    if (next->code_point != '&') break;
    p = next->end;  // an escaped '&': what follows may be escaped too
  }
  return decoded;
}

}  // namespace nahr::clean_wire
