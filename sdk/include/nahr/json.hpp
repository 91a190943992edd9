// Appending JSON strings that are valid whatever bytes they are given.
//
// Valid UTF-8 passes through unescaped; '"', '\\' and U+0000..U+001F are
// escaped; each maximal ill-formed UTF-8 subsequence (stray continuation
// bytes, truncated sequences, overlongs, encoded surrogates as in CESU-8,
// bytes F5..FF) becomes one U+FFFD, as Unicode's "substitution of maximal
// subparts" and WHATWG decoders do. Checking UTF-8 first (nahr/text/utf8.hpp)
// lets valid text, by far the common case, take a fast path that finds the
// bytes to escape 16 at a time and copies the runs between them in one go.
#pragma once

#include <nahr/text/utf8.hpp>

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nahr::json {

namespace detail {

constexpr bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

inline void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    default: {
      constexpr char kHex[] = "0123456789abcdef";
      const char unicode[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out.append(unicode, sizeof unicode);
    }
  }
}

// The first byte in [p, end) that needs escaping, or end.
inline const char* find_escape(const char* p, const char* end) {
#if defined(__SSE2__)
  // Sixteen bytes at a time. SSE2 compares are signed, so a control byte is
  // found as min(x, 0x1F) == x, which holds exactly for x <= 0x1F unsigned.
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1F);
  for (; end - p >= 16; p += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, last_control), x);
    const __m128i hits = _mm_or_si128(
        control, _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
    if (const int mask = _mm_movemask_epi8(hits); mask != 0) {
      return p + std::countr_zero(static_cast<unsigned>(mask));
    }
  }
#else
  // Eight bytes at a time with the classic "has a byte less than n" bit
  // trick. Its per-byte flags can be wrong only above a true hit (a borrow
  // runs towards higher bytes), so the lowest flag is exact, and on a
  // little-endian machine the lowest byte is the first in memory. Bytes
  // >= 0x80 never flag: the `& ~x` terms clear them.
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    for (; end - p >= 8; p += 8) {
      std::uint64_t w;
      std::memcpy(&w, p, sizeof w);
      const std::uint64_t quote = w ^ (kOnes * '"');
      const std::uint64_t backslash = w ^ (kOnes * '\\');
      const std::uint64_t hits = (((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
                                  ((backslash - kOnes) & ~backslash)) &
                                 kHigh;
      if (hits != 0) return p + std::countr_zero(hits) / 8;
    }
  }
#endif
  while (p < end && !needs_escape(static_cast<unsigned char>(*p))) ++p;
  return p;
}

// `s` is valid UTF-8, so only ASCII bytes can need escaping.
inline void append_escaped_valid(std::string& out, std::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
  for (;;) {
    const char* hit = find_escape(p, end);
    out.append(p, hit);
    if (hit == end) return;
    append_escape(out, static_cast<unsigned char>(*hit));
    p = hit + 1;
  }
}

// Any bytes: escapes as above and replaces ill-formed UTF-8.
[[gnu::noinline]] inline void append_escaped_repairing(std::string& out, std::string_view s) {
  std::size_t copied = 0;  // s[copied, i) is still to be copied as it is
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (needs_escape(c)) {
        out.append(s.data() + copied, i - copied);
        append_escape(out, c);
        copied = i + 1;
      }
      ++i;
      continue;
    }
    const utf8::CodePoint step = utf8::decode_maximal(s, i);
    if (!step.valid()) {
      out.append(s.data() + copied, i - copied);
      out += utf8::kReplacement;
      copied = i + step.length;
    }
    i += step.length;
  }
  out.append(s.data() + copied, s.size() - copied);
}

}  // namespace detail

// Appends `s` as the body of a JSON string (without the quotes).
inline void append_escaped(std::string& out, std::string_view s) {
  if (utf8::is_valid(s)) {
    detail::append_escaped_valid(out, s);
  } else {
    detail::append_escaped_repairing(out, s);
  }
}

// Appends `s` as a quoted JSON string.
inline void append_string(std::string& out, std::string_view s) {
  out += '"';
  append_escaped(out, s);
  out += '"';
}

// The quoted form of the string it was last asked for, made again only when
// asked for another: for strings that come in runs, such as the type of
// consecutive annotations.
class QuotedCache {
 public:
  std::string_view operator()(std::string_view s) {
    if (!valid_ || s != raw_) {
      raw_.assign(s);
      quoted_.clear();
      append_string(quoted_, s);
      valid_ = true;
    }
    return quoted_;
  }

 private:
  bool valid_ = false;  // an empty raw_ is a string too
  std::string raw_, quoted_;
};

// Appends {"key":"value",...}: `for_each(f)` calls f(key, value) once per
// pair, as nahr::Document::for_each_metadata and for_each_attribute do.
template <class ForEach>
void append_object(std::string& out, ForEach&& for_each) {
  out += '{';
  bool first = true;
  for_each([&](std::string_view key, std::string_view value) {
    if (!first) out += ',';
    first = false;
    append_string(out, key);
    out += ':';
    append_string(out, value);
  });
  out += '}';
}

}  // namespace nahr::json
