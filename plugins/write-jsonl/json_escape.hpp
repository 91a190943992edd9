// JSON string escaping that yields valid JSON for every byte string.
//
// Valid UTF-8 passes through unescaped; '"', '\\' and U+0000–U+001F are
// escaped; each maximal invalid UTF-8 subsequence (stray continuation bytes,
// overlongs, encoded surrogates as in CESU-8, truncated sequences, F5..FF)
// becomes one U+FFFD, as Unicode's "substitution of maximal subparts" and
// WHATWG decoders do. Checking UTF-8 first lets valid text, by far the common
// case, take a fast path that copies runs of safe bytes in one go.
#pragma once

#include <string>
#include <string_view>

namespace nahr::json {

// Appends `s` to `out` as the body of a JSON string, without quotes.
void append_escaped(std::string& out, std::string_view s);

// Appends `s` to `out` as a complete JSON string literal.
inline void append_string(std::string& out, std::string_view s) {
  out += '"';
  append_escaped(out, s);
  out += '"';
}

}  // namespace nahr::json
