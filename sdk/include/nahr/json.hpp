// Appending JSON strings that are valid whatever bytes they are given.
//
// Valid UTF-8 passes through unescaped; control characters, '"' and '\\'
// are escaped; every maximal invalid UTF-8 subsequence (stray continuation
// bytes, truncated sequences, overlongs, encoded surrogates, bytes F5..FF)
// becomes U+FFFD. Runs of plain ASCII are copied in one go.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nahr::json {

namespace detail {

struct Utf8Step {
  std::size_t length;  // bytes consumed: a whole character, or a maximal invalid subpart
  bool valid;
};

// Decodes the structure (not the value) of the UTF-8 sequence at s[i],
// following Unicode's well-formed byte sequences (Table 3-7) and its
// "maximal subpart" rule for what one U+FFFD replaces.
inline Utf8Step next_utf8(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {1, true};
  std::size_t expected = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    expected = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    expected = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    expected = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return {1, false};
  }
  std::size_t n = 1;
  while (n < expected && i + n < s.size()) {
    const auto b = static_cast<unsigned char>(s[i + n]);
    if (n == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
    ++n;
  }
  return {n, n == expected};
}

}  // namespace detail

// Appends `s` as the body of a JSON string (without the quotes).
inline void append_escaped(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t i = 0;
  while (i < s.size()) {
    // Copy the longest run that needs no escaping in one append.
    std::size_t run = i;
    while (run < s.size()) {
      const auto c = static_cast<unsigned char>(s[run]);
      if (c >= 0x80) {
        const detail::Utf8Step step = detail::next_utf8(s, run);
        if (!step.valid) break;
        run += step.length;
      } else if (c < 0x20 || c == '"' || c == '\\') {
        break;
      } else {
        ++run;
      }
    }
    out.append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {  // invalid UTF-8
      out.append("\xEF\xBF\xBD");
      i += detail::next_utf8(s, i).length;
      continue;
    }
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(esc, 6);
      }
    }
    ++i;
  }
}

// Appends `s` as a quoted JSON string.
inline void append_string(std::string& out, std::string_view s) {
  out.push_back('"');
  append_escaped(out, s);
  out.push_back('"');
}

}  // namespace nahr::json
