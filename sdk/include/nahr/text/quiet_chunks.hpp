// A vector pre-pass for scans that touch few characters of Arabic text:
// it proves sixteen bytes at a time to hold nothing but ASCII and Arabic-block
// characters (U+0600–U+06FF) the scan leaves alone, which is nearly all of
// Arabic newswire, and leaves the rest to the scan's own loop.
//
// Decoding character by character costs a mispredicted branch at every
// switch between a space and a letter; this costs a few dozen vector
// instructions per sixteen bytes, with no branch on the text.
//
//   QuietChunks chunks([&](char32_t c) { return needs_work(c); });
//   while (i < text.size()) {
//     i = chunks.skip(text, i);                  // whole quiet chunks
//     const std::size_t end = std::min(text.size(), i + QuietChunks::kBytes);
//     while (i < end) i = scalar_step(i);        // through the chunk it stopped at
//   }
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nahr::arabic {

class QuietChunks {
 public:
  static constexpr std::size_t kBytes = 16;
  // At most this many runs of touched characters, per kind; a scan touching
  // more gets no vector pass (enabled() is false, skip() skips nothing).
  static constexpr std::size_t kMaxRuns = 12;

  // `touched(c)` says whether the scan must see character c; it is asked
  // for ASCII and U+0600–U+06FF. Runs of touched characters with at most
  // `merge_gap` untouched ones between them are checked as one: those
  // then go to the scan's loop, which is exact, and each chunk takes fewer
  // comparisons.
  template <typename Touched>
  explicit QuietChunks(Touched touched, char32_t merge_gap = 8) {
#if defined(__SSE2__)
    enabled_ = collect(ascii_, 0, 0x80, touched, merge_gap) &&
               collect(arabic_, 0x0600, 0x0700, touched, merge_gap);
#else
    (void)touched;
    (void)merge_gap;
#endif
  }

  // Also stops at the ASCII `byte` when the byte after it is an ASCII one
  // `followed(next)` holds for: a space before more whitespace, for a scan
  // that collapses whitespace.
  template <typename Followed>
  void touch_before(unsigned char byte, Followed followed) {
    pair_byte_ = splat(byte);
    has_pair_ = true;
    enabled_ = enabled_ && collect(followers_, 0, 0x80, followed, 1);
  }

  bool enabled() const { return enabled_; }

  // From i (0 < i, a character boundary that the caller's loop has already
  // judged the character before), past every whole chunk of well-formed
  // ASCII and Arabic-block characters none of which is touched. Returns a
  // character boundary: the start of the first chunk it could not prove
  // quiet, or where too few bytes remain.
  std::size_t skip(std::string_view text, std::size_t i) const {
#if defined(__SSE2__)
    if (!enabled_ || i == 0) return i;
    const char* const data = text.data();
    // One byte more than the chunk: a pair rule looks at the byte after it.
    while (i + kBytes + 1 <= text.size()) {
      const __m128i bytes = load_unaligned(data + i);
      const __m128i before = load_unaligned(data + i - 1);
      const __m128i ascii = _mm_cmpgt_epi8(bytes, _mm_set1_epi8(-1));
      const __m128i continuation = has_bits(bytes, 0xC0, 0x80);
      const __m128i lead = has_bits(bytes, 0xFC, 0xD8);
      // Only ASCII and two-byte Arabic-block sequences: each continuation
      // right after its lead, each lead (but a last one) right before its
      // continuation.
      const int kinds = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ascii, continuation), lead));
      const int continuations = _mm_movemask_epi8(continuation);
      if (kinds != 0xFFFF || continuations != _mm_movemask_epi8(has_bits(before, 0xFC, 0xD8))) {
        break;
      }
      // At each continuation, its character's offset in the block: the
      // lead's two low bits, then the continuation's six.
      const __m128i offset =
          _mm_or_si128(_mm_and_si128(_mm_slli_epi16(before, 6), _mm_set1_epi8(char(0xC0))),
                       _mm_and_si128(bytes, _mm_set1_epi8(0x3F)));
      __m128i touched = _mm_and_si128(in_runs(offset, arabic_), continuation);
      touched = _mm_or_si128(touched, _mm_and_si128(in_runs(bytes, ascii_), ascii));
      if (has_pair_) {
        const __m128i pair = _mm_cmpeq_epi8(bytes, load(pair_byte_));
        touched = _mm_or_si128(touched, _mm_and_si128(pair, in_runs(load_unaligned(data + i + 1),
                                                                    followers_)));
      }
      if (_mm_movemask_epi8(touched) != 0) break;
      // A lead in the last byte has its continuation in the next chunk:
      // stop before it, so that i stays on a character boundary.
      i += (_mm_movemask_epi8(lead) & 0x8000) != 0 ? kBytes - 1 : kBytes;
    }
#else
    (void)text;
#endif
    return i;
  }

 private:
  // One byte repeated sixteen times, ready for an aligned vector load.
  struct alignas(16) Splat {
    std::array<std::uint8_t, kBytes> bytes{};
  };
  // A run of touched characters, as offsets from the start of its range:
  // its first, and its last minus its first.
  struct Run {
    Splat first;
    Splat span;
  };
  struct Runs {
    std::size_t count = 0;
    std::array<Run, kMaxRuns> runs{};
  };

  static Splat splat(char32_t byte) {
    Splat s;
    s.bytes.fill(static_cast<std::uint8_t>(byte));
    return s;
  }

  // The runs of `in_run` over [begin, end), merged across gaps of at most
  // merge_gap; false if they are more than kMaxRuns.
  template <typename InRun>
  static bool collect(Runs& out, char32_t begin, char32_t end, InRun in_run, char32_t merge_gap) {
    for (char32_t c = begin; c < end;) {
      if (!in_run(c)) {
        ++c;
        continue;
      }
      const char32_t first = c;
      char32_t last = c;
      for (; c < end && c <= last + merge_gap + 1; ++c) {
        if (in_run(c)) last = c;
      }
      if (out.count == kMaxRuns) return false;
      out.runs[out.count++] = {splat(first - begin), splat(last - first)};
    }
    return true;
  }

#if defined(__SSE2__)
  static __m128i load(const Splat& s) {
    return _mm_load_si128(reinterpret_cast<const __m128i*>(s.bytes.data()));
  }
  static __m128i load_unaligned(const char* p) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  }
  static __m128i has_bits(__m128i v, int mask, int value) {
    return _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(char(mask))), _mm_set1_epi8(char(value)));
  }
  // Lanes whose value lies in one of the runs: value - first <= span,
  // unsigned.
  static __m128i in_runs(__m128i value, const Runs& runs) {
    __m128i hit = _mm_setzero_si128();
    for (std::size_t r = 0; r < runs.count; ++r) {
      const __m128i span = load(runs.runs[r].span);
      const __m128i from_first = _mm_sub_epi8(value, load(runs.runs[r].first));
      hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_max_epu8(from_first, span), span));
    }
    return hit;
  }
#endif

  bool enabled_ = false;
  bool has_pair_ = false;
  Splat pair_byte_;
  Runs ascii_;
  Runs arabic_;
  Runs followers_;
};

}  // namespace nahr::arabic
