// A vector pre-pass for scans that touch few characters of Arabic text:
// sixteen bytes at a time, it skips ASCII and Arabic-block characters
// (U+0600–U+06FF) the scan leaves alone, which is nearly all of Arabic
// newswire, and stops at the first character the scan must look at.
//
// Decoding character by character costs a mispredicted branch at every
// switch between a space and a letter; this costs about thirty vector
// instructions per sixteen bytes, with no branch on the text. It needs
// SSSE3 (byte shuffles, for the table lookups), checked once at run time;
// without it skip() skips nothing and the scan does all the work.
//
//   QuietChunks chunks([&](char32_t c) { return needs_work(c); });
//   while (i < text.size()) {
//     const std::size_t from = i;
//     i = chunks.skip(text, i);                  // to the first character to look at
//     // That character, or a whole chunk where skip() made no progress.
//     const std::size_t end = i > from ? i + 1 : i + QuietChunks::kBytes;
//     while (i < std::min(end, text.size())) i = scalar_step(i);
//   }
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define NAHR_QUIET_CHUNKS_SSSE3 1
#include <tmmintrin.h>
#endif

namespace nahr::arabic {

class QuietChunks {
 public:
  static constexpr std::size_t kBytes = 16;

  // `touched(c)` says whether the scan must see character c; it is asked
  // for ASCII and U+0600–U+06FF.
  template <typename Touched>
  explicit QuietChunks(Touched touched) {
    for (char32_t c = 0; c < 0x80; ++c) {
      if (touched(c)) set(ascii_.bits, c);
    }
    for (char32_t offset = 0; offset < 0x100; ++offset) {
      if (touched(0x0600 + offset)) set(arabic_.bits, offset);
    }
  }

  // Also stops at the ASCII `byte` when `followed(next)` holds for the byte
  // after it (asked for every byte value): a space before more whitespace,
  // for a scan that collapses whitespace.
  template <typename Followed>
  void touch_before(unsigned char byte, Followed followed) {
    pair_byte_ = byte;
    for (char32_t next = 0; next < 0x100; ++next) {
      if (followed(next)) set(followers_.bits, next);
    }
  }

  // Whether skip() can skip anything on this machine.
  static bool enabled() {
#if defined(NAHR_QUIET_CHUNKS_SSSE3)
    static const bool ssse3 = __builtin_cpu_supports("ssse3");
    return ssse3;
#else
    return false;
#endif
  }

  // From i (0 < i, a character boundary that the caller's loop has already
  // judged the character before), past every well-formed ASCII and
  // Arabic-block character that is not touched, sixteen bytes at a time.
  // Returns a character boundary: the first character that needs the
  // caller's look (a touched one, anything outside ASCII and the Arabic
  // block, an ill-formed byte), or where fewer than kBytes + 1 bytes remain.
  std::size_t skip(std::string_view text, std::size_t i) const {
#if defined(NAHR_QUIET_CHUNKS_SSSE3)
    if (i != 0 && enabled()) return skip_ssse3(text, i);
#endif
    (void)text;
    return i;
  }

 private:
  // A set of byte values, one bit each, ready for vector loads.
  template <std::size_t N>
  struct alignas(16) Bitmap {
    std::array<std::uint8_t, N / 8> bits{};
  };
  template <typename Bits>
  static void set(Bits& bits, char32_t value) {
    bits[value >> 3] |= static_cast<std::uint8_t>(1u << (value & 7));
  }

#if defined(NAHR_QUIET_CHUNKS_SSSE3)
  [[gnu::target("ssse3")]] std::size_t skip_ssse3(std::string_view text, std::size_t i) const {
    const char* const data = text.data();
    // One byte more than the chunk: the pair rule looks at the byte after it.
    while (i + kBytes + 1 <= text.size()) {
      const __m128i bytes = load_unaligned(data + i);
      const __m128i before = load_unaligned(data + i - 1);
      const __m128i ascii = _mm_cmpgt_epi8(bytes, _mm_set1_epi8(-1));
      const __m128i continuation = has_bits(bytes, 0xC0, 0x80);
      const __m128i lead = has_bits(bytes, 0xFC, 0xD8);
      const __m128i lead_before = has_bits(before, 0xFC, 0xD8);

      // At each continuation, its character's offset in the block: the
      // lead's two low bits, then the continuation's six.
      const __m128i offset =
          _mm_or_si128(_mm_and_si128(_mm_slli_epi16(before, 6), _mm_set1_epi8(char(0xC0))),
                       _mm_and_si128(bytes, _mm_set1_epi8(0x3F)));
      // Found at the continuation byte of a well-formed character: belongs
      // to its lead, one byte back. (A stray continuation has an offset too,
      // from whatever byte is before it; it is found as itself, below.)
      const __m128i paired = _mm_and_si128(continuation, lead_before);
      __m128i at_lead = _mm_and_si128(in_256(offset, arabic_), paired);
      // A lead not followed by its continuation.
      at_lead = _mm_or_si128(at_lead, _mm_andnot_si128(continuation, lead_before));

      __m128i here = _mm_and_si128(in_128(bytes, ascii_), ascii);
      // Neither ASCII nor part of an Arabic-block character.
      const __m128i known = _mm_or_si128(_mm_or_si128(ascii, continuation), lead);
      here = _mm_or_si128(here, _mm_cmpeq_epi8(known, _mm_setzero_si128()));
      // A continuation without its lead.
      here = _mm_or_si128(here, _mm_andnot_si128(lead_before, continuation));
      if (pair_byte_ >= 0) {
        const __m128i pair = _mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(pair_byte_)));
        here = _mm_or_si128(here,
                            _mm_and_si128(pair, in_256(load_unaligned(data + i + 1), followers_)));
      }

      const unsigned found = static_cast<unsigned>(_mm_movemask_epi8(here)) |
                             (static_cast<unsigned>(_mm_movemask_epi8(at_lead)) >> 1);
      if (found != 0) return i + static_cast<unsigned>(__builtin_ctz(found));
      // A lead in the last byte has its continuation in the next chunk:
      // stop before it, so that i stays on a character boundary.
      i += (_mm_movemask_epi8(lead) & 0x8000) != 0 ? kBytes - 1 : kBytes;
    }
    return i;
  }

  [[gnu::target("ssse3")]] static __m128i load_unaligned(const char* p) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  }
  [[gnu::target("ssse3")]] static __m128i has_bits(__m128i v, int mask, int value) {
    return _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(char(mask))), _mm_set1_epi8(char(value)));
  }
  // The bit of each lane's value within its bitmap byte.
  [[gnu::target("ssse3")]] static __m128i bit_of(__m128i value) {
    const __m128i bits = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, char(128), 1, 2, 4, 8, 16, 32, 64,
                                       char(128));
    return _mm_shuffle_epi8(bits, _mm_and_si128(value, _mm_set1_epi8(7)));
  }
  // Lanes whose value (under 0x80) is in the set.
  [[gnu::target("ssse3")]] static __m128i in_128(__m128i value, const Bitmap<128>& set) {
    const __m128i index = _mm_and_si128(_mm_srli_epi16(value, 3), _mm_set1_epi8(0x0F));
    const __m128i byte = _mm_shuffle_epi8(load(set.bits.data()), index);
    const __m128i bit = bit_of(value);
    return _mm_cmpeq_epi8(_mm_and_si128(byte, bit), bit);
  }
  // Lanes whose value is in the set: the bitmap's two halves looked up
  // separately, each lookup zeroing the lanes that belong to the other
  // (a shuffle index with its top bit set gives zero).
  [[gnu::target("ssse3")]] static __m128i in_256(__m128i value, const Bitmap<256>& set) {
    const __m128i index = _mm_and_si128(_mm_srli_epi16(value, 3), _mm_set1_epi8(0x1F));
    const __m128i low_half =
        _mm_shuffle_epi8(load(set.bits.data()), _mm_adds_epu8(index, _mm_set1_epi8(0x70)));
    const __m128i high_half =
        _mm_shuffle_epi8(load(set.bits.data() + 16), _mm_sub_epi8(index, _mm_set1_epi8(16)));
    const __m128i bit = bit_of(value);
    return _mm_cmpeq_epi8(_mm_and_si128(_mm_or_si128(low_half, high_half), bit), bit);
  }
  [[gnu::target("ssse3")]] static __m128i load(const std::uint8_t* p) {
    return _mm_load_si128(reinterpret_cast<const __m128i*>(p));
  }
#endif

  Bitmap<128> ascii_;
  Bitmap<256> arabic_;
  Bitmap<256> followers_;
  int pair_byte_ = -1;  // none
};

}  // namespace nahr::arabic
