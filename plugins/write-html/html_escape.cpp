#include "html_escape.hpp"

#include <simdjson.h>

#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nahr::write_html::html {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// What each ASCII byte becomes; empty for bytes copied as they are.
constexpr std::array<std::string_view, 128> make_replacements() {
  std::array<std::string_view, 128> r{};
  for (unsigned c = 0; c < 0x20; ++c) r[c] = kReplacement;
  r['\t'] = r['\n'] = r['\r'] = {};
  r['&'] = "&amp;";
  r['<'] = "&lt;";
  r['>'] = "&gt;";
  r['"'] = "&quot;";
  r['\''] = "&#39;";
  return r;
}
constexpr std::array<std::string_view, 128> kReplacements = make_replacements();

// The first byte in [p, end) that may need replacing, or end. A candidate
// (tab, line feed) may turn out to be copied as is: the caller checks.
const char* find_candidate(const char* p, const char* end) {
#if defined(__SSE2__)
  // Sixteen bytes at a time. SSE2 compares are signed, so a control byte is
  // found as min(x, 0x1F) == x, which holds exactly for x <= 0x1F unsigned.
  const __m128i last_control = _mm_set1_epi8(0x1F);
  const __m128i amp = _mm_set1_epi8('&');
  const __m128i lt = _mm_set1_epi8('<');
  const __m128i gt = _mm_set1_epi8('>');
  const __m128i quot = _mm_set1_epi8('"');
  const __m128i apos = _mm_set1_epi8('\'');
  for (; end - p >= 16; p += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, last_control), x);
    const __m128i markup =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, amp), _mm_cmpeq_epi8(x, lt)),
                     _mm_or_si128(_mm_cmpeq_epi8(x, gt),
                                  _mm_or_si128(_mm_cmpeq_epi8(x, quot), _mm_cmpeq_epi8(x, apos))));
    if (const int mask = _mm_movemask_epi8(_mm_or_si128(control, markup)); mask != 0) {
      return p + std::countr_zero(static_cast<unsigned>(mask));
    }
  }
#endif
  for (; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x80 && !kReplacements[c].empty()) return p;
  }
  return p;
}

void append_escaped_valid(std::string& out, const char* p, const char* end) {
  const char* copied = p;  // [copied, p) is still to be copied verbatim
  for (;;) {
    p = find_candidate(p, end);
    if (p == end) break;
    const std::string_view replacement = kReplacements[static_cast<unsigned char>(*p)];
    if (!replacement.empty()) {
      out.append(copied, p);
      out += replacement;
      copied = p + 1;
    }
    ++p;
  }
  out.append(copied, end);
}

// The length of the valid UTF-8 sequence at s[i] (a byte >= 0x80), or of
// the maximal invalid subpart there, after Unicode's Table 3-7.
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

void append_escaped_repairing(std::string& out, std::string_view s) {
  std::size_t copied = 0;  // s[copied, i) is still to be copied verbatim
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!kReplacements[c].empty()) {
        out.append(s.data() + copied, i - copied);
        out += kReplacements[c];
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

bool is_valid_utf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

void append_escaped(std::string& out, std::string_view s, Utf8 known) {
  if (known == Utf8::valid || is_valid_utf8(s)) {
    append_escaped_valid(out, s.data(), s.data() + s.size());
  } else {
    append_escaped_repairing(out, s);
  }
}

}  // namespace nahr::write_html::html
