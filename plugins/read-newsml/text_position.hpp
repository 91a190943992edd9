// Line and column of a byte offset in a file, as an editor shows them:
// both 1-based, the column counted in characters (UTF-8 code points).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nahr::read_newsml {

struct TextPosition {
  std::uint64_t line = 1;
  std::uint64_t column = 1;
};

TextPosition position_of(std::string_view bytes, std::size_t offset);

}  // namespace nahr::read_newsml
