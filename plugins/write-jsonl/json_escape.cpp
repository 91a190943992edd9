#include "json_escape.hpp"

#include <simdjson.h>

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nahr::json {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

constexpr bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void append_escape(std::string& out, unsigned char c) {
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
const char* find_escape(const char* p, const char* end) {
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

void append_escaped_valid(std::string& out, const char* p, const char* end) {
  for (;;) {
    const char* hit = find_escape(p, end);
    out.append(p, hit);
    if (hit == end) return;
    append_escape(out, static_cast<unsigned char>(*hit));
    p = hit + 1;
  }
}

// One step of decoding at s[i] (a byte >= 0x80): the length of the valid
// sequence there, or of the maximal invalid subpart to replace.
struct Step {
  std::size_t length;
  bool valid;
};

Step decode_step(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  // Bounds of the second byte; later continuation bytes are always 80..BF.
  unsigned char low = 0x80, high = 0xBF;
  std::size_t need = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates D800..DFFF
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
  } else {
    return {1, false};  // continuation byte, C0/C1 or F5..FF
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

void append_escaped_repairing(std::string& out, std::string_view s) {
  std::size_t copied = 0;  // s[copied, i) is still to be copied verbatim
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
    const Step step = decode_step(s, i);
    if (!step.valid) {
      out.append(s.data() + copied, i - copied);
      out += kReplacement;
      copied = i + step.length;
    }
    i += step.length;
  }
  out.append(s.data() + copied, s.size() - copied);
}

}  // namespace

void append_escaped(std::string& out, std::string_view s) {
  if (simdjson::validate_utf8(s.data(), s.size())) {
    append_escaped_valid(out, s.data(), s.data() + s.size());
  } else {
    append_escaped_repairing(out, s);
  }
}

}  // namespace nahr::json
