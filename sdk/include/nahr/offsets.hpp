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

// Converts offsets into one text, asked for in any order. A walk over the
// text moves to each offset asked for and leaves a checkpoint every
// kStride bytes; it steps back by walking backwards or from the checkpoint
// below, whichever is shorter. So offsets asked for in increasing order (the
// annotations of one stage, mostly) cost one pass over the text, and any
// order costs at most kStride bytes per offset beyond that.
//
// A writer keeps one converter per text it converts and reset()s it for
// each document, so the checkpoints' memory is reused.
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
    byte_ = units_ = 0;
    checkpoints_.assign(1, 0);
    validity_ = Validity::unknown;
    marks_.assign(1, {0, 0});
  }

  // Converts a byte offset (past the end counts as the end). An offset
  // inside a multi-byte sequence counts the partial character.
  std::uint64_t convert(std::uint64_t byte) {
    if (unit_ == OffsetUnit::bytes) return byte;
    if (byte > text_.size()) byte = text_.size();
    // Checked once per text, and only for a text whose offsets are asked for.
    if (validity_ == Validity::unknown) {
      validity_ = utf8::is_valid(text_) ? Validity::valid : Validity::ill_formed;
    }
    if (validity_ == Validity::ill_formed) return convert_ill_formed(byte);
    if (byte < byte_) {
      const std::uint64_t checkpoint = byte / kStride * kStride;
      if (byte_ - byte <= byte - checkpoint) {
        while (byte_ > byte) units_ -= units_at(--byte_);
        return units_;
      }
      byte_ = checkpoint;
      units_ = checkpoints_[checkpoint / kStride];
    }
    while (byte_ < byte) {
      const std::uint64_t boundary = (byte_ / kStride + 1) * kStride;
      const std::uint64_t stop = byte < boundary ? byte : boundary;
      for (; byte_ < stop; ++byte_) units_ += units_at(byte_);
      if (byte_ == boundary && boundary / kStride == checkpoints_.size()) {
        checkpoints_.push_back(units_);
      }
    }
    return units_;
  }

 private:
  static constexpr std::uint64_t kStride = 256;

  // What the byte at `at` of a valid UTF-8 text adds: 1 where a character
  // starts, and for UTF-16 1 more at the fourth byte of a four-byte sequence
  // (a surrogate pair).
  std::uint64_t units_at(std::uint64_t at) const {
    const auto c = static_cast<unsigned char>(text_[at]);
    if ((c & 0xC0) != 0x80) return 1;
    return unit_ == OffsetUnit::utf16 && at >= 3 &&
           (static_cast<unsigned char>(text_[at - 3]) & 0xF8) == 0xF0;
  }

  // The same walk over a text with ill-formed UTF-8, which needs to know
  // where each character starts: it goes from character to character (an
  // ill-formed subsequence counts as one U+FFFD), and steps back to the last
  // character boundary it marked in each stride.
  std::uint64_t convert_ill_formed(std::uint64_t byte) {
    if (byte < byte_) {
      std::size_t k = std::min<std::size_t>(byte / kStride, marks_.size() - 1);
      while (marks_[k].byte > byte) --k;
      byte_ = marks_[k].byte;
      units_ = marks_[k].units;
    }
    while (byte_ < byte) {
      const utf8::CodePoint c = utf8::decode_maximal(text_, byte_);
      units_ += unit_ == OffsetUnit::utf16 && c.valid() && c.value >= 0x10000 ? 2 : 1;
      byte_ += c.length;
      if (byte_ / kStride == marks_.size()) marks_.push_back({byte_, units_});
    }
    return units_;
  }

  enum class Validity { unknown, valid, ill_formed };
  // A character boundary and the units before it.
  struct Mark {
    std::uint64_t byte;
    std::uint64_t units;
  };

  std::string_view text_;
  OffsetUnit unit_ = OffsetUnit::bytes;
  std::uint64_t byte_ = 0;   // where the walk is
  std::uint64_t units_ = 0;  // units in text_[0, byte_)
  // checkpoints_[k]: units in text_[0, k * kStride), for each stride walked.
  std::vector<std::uint64_t> checkpoints_ = {0};
  Validity validity_ = Validity::unknown;
  // marks_[k]: the first character boundary at or after k * kStride, for
  // each stride walked (ill-formed texts only).
  std::vector<Mark> marks_ = {{0, 0}};
};

}  // namespace nahr
