#include "utf8.hpp"

#include <simdjson.h>

namespace nahr::write_sqlite {
namespace {

// The length of the well-formed sequence at s[i] (a byte >= 0x80), or of
// the maximal invalid subpart there when `valid` comes back false.
std::size_t sequence_at(std::string_view s, std::size_t i, bool& valid) {
  const auto lead = static_cast<unsigned char>(s[i]);
  unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
  std::size_t need = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
  } else {
    valid = false;
    return 1;
  }
  std::size_t k = 1;
  for (; k < need && i + k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (c < low || c > high) break;
    low = 0x80;
    high = 0xBF;
  }
  valid = k == need;
  return k;
}

}  // namespace

std::string_view valid_utf8(std::string_view s, std::string& scratch) {
  if (simdjson::validate_utf8(s.data(), s.size())) return s;
  scratch.clear();
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      scratch += s[i++];
      continue;
    }
    bool valid = true;
    const std::size_t n = sequence_at(s, i, valid);
    if (valid)
      scratch.append(s.data() + i, n);
    else
      scratch += "\xEF\xBF\xBD";
    i += n;
  }
  return scratch;
}

}  // namespace nahr::write_sqlite
