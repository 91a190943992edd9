#include "csv_field.hpp"

#include <simdjson.h>

#include <cstring>

namespace nahr::write_csv {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// One step of decoding at s[i], a byte >= 0x80: the length of the
// well-formed sequence there, or of the maximal invalid subpart that one
// U+FFFD replaces (Unicode, table 3-7 and "substitution of maximal subparts").
struct Step {
  std::size_t length;
  bool valid;
};

Step decode_step(std::string_view s, std::size_t i) {
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
    return {1, false};  // continuation byte, C0, C1 or F5..FF
  }
  std::size_t k = 1;
  for (; k < need && i + k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (c < low || c > high) break;
    low = 0x80;
    high = 0xBF;
  }
  return {k, k == need};
}

// Appends `s`, replacing invalid UTF-8 and, inside quotes, doubling '"'.
void append_repaired(std::string& out, std::string_view s, bool double_quotes) {
  std::size_t copied = 0;  // s[copied, i) is still to be copied verbatim
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c == '"' && double_quotes) {
        out.append(s.data() + copied, i - copied);
        out += '"';
        copied = i;
      }
      continue;
    }
    const Step step = decode_step(s, i);
    i += step.length;
    if (step.valid) continue;
    out.append(s.data() + copied, i - step.length - copied);
    out += kReplacement;
    copied = i;
  }
  out.append(s.data() + copied, s.size() - copied);
}

// Appends valid UTF-8 `s` with every '"' doubled.
void append_doubling_quotes(std::string& out, std::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
  while (const void* hit = std::memchr(p, '"', static_cast<std::size_t>(end - p))) {
    const char* quote = static_cast<const char*>(hit);
    out.append(p, quote + 1);
    out += '"';
    p = quote + 1;
  }
  out.append(p, end);
}

}  // namespace

FieldEncoder::FieldEncoder(char delimiter) {
  for (const char c : {delimiter, '"', '\r', '\n'}) special_[static_cast<unsigned char>(c)] = true;
}

bool FieldEncoder::needs_quotes(std::string_view value) const {
  for (const char c : value) {
    if (special_[static_cast<unsigned char>(c)]) return true;
  }
  return false;
}

void FieldEncoder::append(std::string& out, std::string_view value) const {
  const bool valid = simdjson::validate_utf8(value.data(), value.size());
  if (!needs_quotes(value)) {
    if (valid)
      out.append(value);
    else
      append_repaired(out, value, false);
    return;
  }
  out += '"';
  if (valid)
    append_doubling_quotes(out, value);
  else
    append_repaired(out, value, true);
  out += '"';
}

}  // namespace nahr::write_csv
