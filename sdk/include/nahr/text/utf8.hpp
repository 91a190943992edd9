// UTF-8 one character at a time: decoding, encoding, checking and repairing.
//
// Both decoders agree with Unicode on what is well-formed (Unicode 15,
// section 3.9, table 3-7: no overlong forms, no surrogates, nothing past
// U+10FFFF) and differ only in how far they step over what is not:
//
//   decode()          an ill-formed byte reads as kInvalid, one byte long.
//                     For scanners that classify characters: they always
//                     advance, and a broken byte is never taken for a letter.
//   decode_maximal()  an ill-formed sequence is the "maximal subpart" that
//                     one U+FFFD replaces (table 3-8, as ICU, WHATWG and
//                     Python do): "C3 28" is one error then "(", "E0 80" two
//                     errors, a truncated "F0 9F 98" one.
//
// ASCII and two-byte sequences (all of Arabic, Latin-1 and the combining
// marks) decode inline; longer sequences and errors take an out-of-line path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nahr::utf8 {

// What the decoders return for ill-formed input. It is no code point, so it
// is never confused with a U+FFFD that is really in the text.
inline constexpr char32_t kInvalid = 0xFFFFFFFF;
inline constexpr char32_t kReplacementCharacter = 0xFFFD;
inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Eight bytes, so that it comes back in a register.
struct CodePoint {
  char32_t value = kInvalid;
  std::uint32_t length = 1;  // bytes
  constexpr bool valid() const { return value != kInvalid; }
};

namespace detail {

// Three- and four-byte sequences and every error: rare in Arabic and Latin
// text, so kept out of line.
[[gnu::noinline]] inline CodePoint decode_long(std::string_view text, std::size_t i) {
  const auto in_range = [&](std::size_t k, unsigned char low, unsigned char high) {
    return k < text.size() && static_cast<unsigned char>(text[k]) >= low &&
           static_cast<unsigned char>(text[k]) <= high;
  };
  const auto bits = [&](std::size_t k) {
    return char32_t{static_cast<unsigned char>(text[k])} & 0x3F;
  };
  const auto lead = static_cast<unsigned char>(text[i]);
  // C0/C1 (overlong), a continuation byte, or a lead without its follower.
  if (lead < 0xE0) return {};
  if (lead < 0xF0) {
    // E0 needs A0..BF (no overlongs), ED needs 80..9F (no surrogates).
    if (!in_range(i + 1, lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF)) return {};
    if (!in_range(i + 2, 0x80, 0xBF)) return {kInvalid, 2};
    return {char32_t{lead & 0x0Fu} << 12 | bits(i + 1) << 6 | bits(i + 2), 3};
  }
  if (lead < 0xF5) {
    // F0 needs 90..BF (no overlongs), F4 needs 80..8F (nothing past U+10FFFF).
    if (!in_range(i + 1, lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF)) return {};
    if (!in_range(i + 2, 0x80, 0xBF)) return {kInvalid, 2};
    if (!in_range(i + 3, 0x80, 0xBF)) return {kInvalid, 3};
    return {char32_t{lead & 0x07u} << 18 | bits(i + 1) << 12 | bits(i + 2) << 6 | bits(i + 3), 4};
  }
  return {};  // F5..FF never occur in UTF-8
}

}  // namespace detail

// The character at text[i] (i < text.size()); when it is ill-formed,
// {kInvalid, length of the maximal subpart there}.
inline CodePoint decode_maximal(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {lead, 1};
  if (lead >= 0xC2 && lead < 0xE0 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if ((next & 0xC0) == 0x80) return {char32_t{lead & 0x1Fu} << 6 | (next & 0x3Fu), 2};
  }
  return detail::decode_long(text, i);
}

// The character at text[i] (i < text.size()); {kInvalid, 1} when the byte
// there does not start a well-formed sequence.
inline CodePoint decode(std::string_view text, std::size_t i) {
  CodePoint c = decode_maximal(text, i);
  if (!c.valid()) c.length = 1;
  return c;
}

// The character that ends just before text[i] (0 < i <= text.size());
// {kInvalid, 1} when no well-formed sequence ends there.
inline CodePoint decode_before(std::string_view text, std::size_t i) {
  std::size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  const CodePoint c = decode(text, start);
  if (c.valid() && start + c.length == i) return c;
  return {};
}

// Bytes encode() writes for `c`.
constexpr std::size_t encoded_length(char32_t c) {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : c <= 0x10FFFF ? 4 : 3;
}

// Writes `c` to out (room for 4 bytes) and returns the length. Values past
// U+10FFFF, kInvalid among them, are written as U+FFFD.
inline std::size_t encode(char32_t c, char* out) {
  if (c > 0x10FFFF) c = kReplacementCharacter;
  const std::size_t length = encoded_length(c);
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

// Appends `c` to out, as encode() writes it.
inline void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
    return;
  }
  char bytes[4];
  out.append(bytes, encode(c, bytes));
}

namespace detail {

// Where the run at p of ASCII and well-formed two-byte sequences stops being
// checkable a block at a time: at a character boundary, at or before the
// first longer sequence or ill-formed byte.
inline const char* skip_short_sequences(const char* p, const char* end) {
#if defined(__SSE2__)
  // Bytes are compared as signed: 80..BF (continuation) are below C0, and
  // C2..DF (two-byte leads) lie between C1 and E0. A block is good when it
  // has no other bytes >= 0x80 and the continuation bytes are exactly those
  // right after a lead (counting a lead that ended the block before).
  const __m128i continuation_end = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i before_leads = _mm_set1_epi8(static_cast<char>(0xC1));
  const __m128i after_leads = _mm_set1_epi8(static_cast<char>(0xE0));
  const auto bad_bytes = [&](const char* at, __m128i previous_leads, __m128i& leads) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    const __m128i continuations = _mm_cmplt_epi8(x, continuation_end);
    leads = _mm_and_si128(_mm_cmpgt_epi8(x, before_leads), _mm_cmplt_epi8(x, after_leads));
    const __m128i expected =
        _mm_or_si128(_mm_slli_si128(leads, 1), _mm_srli_si128(previous_leads, 15));
    const __m128i other_high = _mm_andnot_si128(_mm_or_si128(continuations, leads),
                                                _mm_cmplt_epi8(x, _mm_setzero_si128()));
    return _mm_or_si128(_mm_xor_si128(continuations, expected), other_high);
  };
  __m128i leads = _mm_setzero_si128();  // of the last good block
  // Four blocks per branch; after a miss, one block per branch finds the
  // first bad one.
  for (; end - p >= 64; p += 64) {
    __m128i leads1, leads2, leads3, leads4;
    const __m128i bad1 = bad_bytes(p, leads, leads1);
    const __m128i bad2 = bad_bytes(p + 16, leads1, leads2);
    const __m128i bad3 = bad_bytes(p + 32, leads2, leads3);
    const __m128i bad4 = bad_bytes(p + 48, leads3, leads4);
    const __m128i any = _mm_or_si128(_mm_or_si128(bad1, bad2), _mm_or_si128(bad3, bad4));
    if (_mm_movemask_epi8(any) != 0) break;
    leads = leads4;
  }
  // The rest, and the bad block again: one block per branch.
  for (; end - p >= 16; p += 16) {
    __m128i next_leads;
    if (_mm_movemask_epi8(bad_bytes(p, leads, next_leads)) != 0) break;
    leads = next_leads;
  }
  const unsigned carry = static_cast<unsigned>(_mm_movemask_epi8(leads)) >> 15;
  return p - carry;
#else
  for (; end - p >= 8; p += 8) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    if ((w & 0x8080808080808080ULL) != 0) break;
  }
  return p;
#endif
}

}  // namespace detail

// Whether all of `s` is well-formed UTF-8. Runs of ASCII and two-byte
// characters are checked 64 bytes at a time (SSE2), the rest one character
// at a time.
inline bool is_valid(std::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p != end) {
    p = detail::skip_short_sequences(p, end);
    // The block that stopped the fast loop (or the tail), character by
    // character; then back to blocks.
    const char* const stop = end - p > 16 ? p + 16 : end;
    while (p < stop) {
      const CodePoint c = decode_maximal(std::string_view(p, static_cast<std::size_t>(end - p)), 0);
      if (!c.valid()) return false;
      p += c.length;
    }
  }
  return true;
}

// Appends `s` with each maximal ill-formed subpart replaced by one U+FFFD.
inline void append_replacing_invalid(std::string& out, std::string_view s) {
  if (is_valid(s)) {
    out.append(s);
    return;
  }
  std::size_t copied = 0;  // s[copied, i) is still to be copied as it is
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const CodePoint c = decode_maximal(s, i);
    if (!c.valid()) {
      out.append(s.data() + copied, i - copied);
      out += kReplacement;
      copied = i + c.length;
    }
    i += c.length;
  }
  out.append(s.data() + copied, s.size() - copied);
}

}  // namespace nahr::utf8
