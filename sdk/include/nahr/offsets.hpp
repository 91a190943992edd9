// Converting UTF-8 byte offsets (what nahr uses inside the process) into the
// unit a consumer needs: code points (Python, most NLP tools) or UTF-16 code
// units (JavaScript, Java).
#pragma once

#include <nahr/error.hpp>
#include <nahr/text/utf8.hpp>

#include <algorithm>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nahr {

enum class OffsetUnit { bytes, codepoints, utf16 };

inline std::string_view unit_name(OffsetUnit u) {
  switch (u) {
    case OffsetUnit::bytes: return "bytes";
    case OffsetUnit::codepoints: return "codepoints";
    case OffsetUnit::utf16: return "utf16";
  }
  return "bytes";
}

// The unit unit_name() calls `name`. Any other name is a nahr::FatalError
// whose message starts with `owner` (a stage name).
inline OffsetUnit parse_unit(std::string_view name, std::string_view owner) {
  for (OffsetUnit u : {OffsetUnit::codepoints, OffsetUnit::bytes, OffsetUnit::utf16}) {
    if (unit_name(u) == name) return u;
  }
  throw FatalError(std::string(owner) +
                   ": offsets must be \"codepoints\", \"bytes\" or \"utf16\", not \"" +
                   std::string(name) + "\"");
}

namespace detail {

// std::popcount compiles to a call into libgcc on the x86-64 baseline (no
// POPCNT instruction assumed); writers call it twice per annotation.
inline int count_bits(std::uint64_t x) {
#if defined(__POPCNT__)
  return __builtin_popcountll(x);
#else
  x -= (x >> 1) & 0x5555555555555555u;
  x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
  return static_cast<int>((x * 0x0101010101010101u) >> 56);
#endif
}

}  // namespace detail

// Converts offsets into one text, asked for in any order, each in constant
// time. The first conversion after reset() builds a table over the text:
// for every 64-byte block, a bit mask of the bytes that add a unit (where a
// character starts; for UTF-16 also the fourth byte of a four-byte sequence,
// the second half of a surrogate pair) and the units before the block. An
// offset is then the block's count plus a popcount. The table is built 16
// bytes at a time and costs a quarter of the text's size in memory.
//
// A writer keeps one converter per text it converts and reset()s it for
// each document, so the table's memory is reused.
//
// Units are counted in the text as writers write it: ill-formed UTF-8
// becomes one U+FFFD per maximal ill-formed subsequence (nahr/json.hpp), so
// such a subsequence is one unit, and offsets index the text as written.
class OffsetConverter {
 public:
  OffsetConverter() = default;
  OffsetConverter(std::string_view text, OffsetUnit unit) { reset(text, unit); }

  // Starts on `text`, which must outlive the conversions.
  void reset(std::string_view text, OffsetUnit unit) {
    text_ = text;
    unit_ = unit;
    built_ = false;
  }

  // Converts a byte offset (past the end counts as the end). An offset
  // inside a multi-byte sequence counts the partial character.
  std::uint64_t convert(std::uint64_t byte) {
    if (unit_ == OffsetUnit::bytes) return byte;
    if (!built_) build();
    if (byte > text_.size()) byte = text_.size();
    const std::uint64_t block = byte / 64;
    const std::uint64_t below = (std::uint64_t{1} << (byte % 64)) - 1;
    return before_[block] + static_cast<std::uint64_t>(detail::count_bits(masks_[block] & below));
  }

 private:
  void build() {
    const std::size_t blocks = text_.size() / 64 + 1;
    masks_.resize(blocks);
    before_.resize(blocks);
    const bool well_formed = utf8::is_valid(text_);
    if (!well_formed) mark_units_of_ill_formed_text();
    std::uint64_t units = 0;
    for (std::size_t k = 0; k < blocks; ++k) {
      const std::uint64_t mask = well_formed ? unit_mask(k * 64) : masks_[k];
      masks_[k] = mask;
      before_[k] = units;
      units += static_cast<std::uint64_t>(detail::count_bits(mask));
    }
    built_ = true;
  }

  // Where a text with ill-formed UTF-8 adds units, found by decoding it
  // character by character: where each character starts, and each maximal
  // ill-formed subsequence (one U+FFFD); for UTF-16 also the fourth byte of
  // a four-byte character.
  void mark_units_of_ill_formed_text() {
    std::fill(masks_.begin(), masks_.end(), std::uint64_t{0});
    const auto mark = [&](std::size_t at) { masks_[at / 64] |= std::uint64_t{1} << (at % 64); };
    for (std::size_t at = 0; at < text_.size();) {
      const utf8::CodePoint c = utf8::decode_maximal(text_, at);
      mark(at);
      if (unit_ == OffsetUnit::utf16 && c.valid() && c.value >= 0x10000) mark(at + 3);
      at += c.length;
    }
  }

  // Bit i: the byte at `begin + i` of a valid UTF-8 text adds a unit.
  std::uint64_t unit_mask(std::size_t begin) const {
    const std::size_t end = std::min(text_.size(), begin + 64);
    const char* p = text_.data();
    std::uint64_t starts = 0;
    bool four_byte = false;
    std::size_t at = begin;
#if defined(__SSE2__)
    // Continuation bytes 0x80..0xBF are, as signed bytes, exactly those
    // below -64; four-byte leads 0xF0..0xF7 (and invalid 0xF8+) are those
    // at or above -16 among the negatives.
    for (; end - at >= 16; at += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
      const auto continuation = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_cmplt_epi8(x, _mm_set1_epi8(-64))));
      starts |= std::uint64_t{~continuation & 0xFFFFu} << (at - begin);
      four_byte = four_byte || _mm_movemask_epi8(_mm_and_si128(
                                   _mm_cmpgt_epi8(x, _mm_set1_epi8(-17)),
                                   _mm_cmplt_epi8(x, _mm_setzero_si128()))) != 0;
    }
#endif
    for (; at < end; ++at) {
      const auto c = static_cast<unsigned char>(p[at]);
      if ((c & 0xC0) != 0x80) starts |= std::uint64_t{1} << (at - begin);
      four_byte = four_byte || c >= 0xF0;
    }
    if (unit_ != OffsetUnit::utf16) return starts;
    // A sequence that starts up to three bytes before the block can end in it.
    std::uint64_t pairs = 0;
    const auto add_pair = [&](std::size_t lead) {
      const std::size_t fourth = lead + 3;
      if ((static_cast<unsigned char>(p[lead]) & 0xF8) == 0xF0 && fourth >= begin &&
          fourth < end && (static_cast<unsigned char>(p[fourth]) & 0xC0) == 0x80) {
        pairs |= std::uint64_t{1} << (fourth - begin);
      }
    };
    for (std::size_t lead = begin >= 3 ? begin - 3 : 0; lead < begin; ++lead) add_pair(lead);
    if (four_byte) {
      for (std::size_t lead = begin; lead < end; ++lead) add_pair(lead);
    }
    return starts | pairs;
  }

  std::string_view text_;
  OffsetUnit unit_ = OffsetUnit::bytes;
  bool built_ = false;
  std::vector<std::uint64_t> masks_;   // per 64-byte block: bytes that add a unit
  std::vector<std::uint64_t> before_;  // per block: units before it
};

}  // namespace nahr
