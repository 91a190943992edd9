#include "text_position.hpp"

#include <algorithm>

namespace nahr::read_newsml {

TextPosition position_of(std::string_view bytes, std::size_t offset) {
  const std::string_view before = bytes.substr(0, std::min(offset, bytes.size()));
  TextPosition position;
  position.line += static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t newline = before.rfind('\n');
  const std::string_view line = newline == std::string_view::npos ? before : before.substr(newline + 1);
  // Every byte but UTF-8 continuation bytes (10xxxxxx) starts a character.
  position.column += static_cast<std::uint64_t>(std::count_if(
      line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  return position;
}

}  // namespace nahr::read_newsml
