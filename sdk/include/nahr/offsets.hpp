// Converting UTF-8 byte offsets (what nahr uses inside the process) into the
// unit a consumer needs: code points (Python, most NLP tools) or UTF-16 code
// units (JavaScript, Java). Writers build one converter per text and ask it
// for each annotation's ends in increasing order, so the cost is linear.
#pragma once

#include <cstdint>
#include <string_view>

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

class OffsetConverter {
 public:
  OffsetConverter(std::string_view text, OffsetUnit unit) : text_(text), unit_(unit) {}

  // Converts a byte offset; fastest when called with non-decreasing offsets.
  // An offset inside a multi-byte sequence counts the partial character.
  std::uint64_t convert(std::uint64_t byte) {
    if (unit_ == OffsetUnit::bytes) return byte;
    if (byte > text_.size()) byte = text_.size();
    if (byte < byte_) byte_ = units_ = 0;  // out of order: restart
    for (; byte_ < byte; ++byte_) {
      const auto c = static_cast<unsigned char>(text_[byte_]);
      if ((c & 0xC0) != 0x80) units_ += 1;              // a character starts
      else if (unit_ == OffsetUnit::utf16 && is_fourth_byte()) units_ += 1;  // surrogate pair
    }
    return units_;
  }

 private:
  // True when byte_ is the last continuation byte of a 4-byte sequence.
  bool is_fourth_byte() const {
    return byte_ >= 3 && (static_cast<unsigned char>(text_[byte_ - 3]) & 0xF8) == 0xF0;
  }

  std::string_view text_;
  OffsetUnit unit_;
  std::uint64_t byte_ = 0;
  std::uint64_t units_ = 0;
};

}  // namespace nahr
