#include "line_reader.hpp"

#include <cstring>

namespace nahr::read_jsonl {

void LineReader::restart() {
  searched_ = 0;
  line_number_ = 0;
  line_offset_ = 0;
}

bool LineReader::next(std::string_view& line) {
  if (buffer_.failed()) return false;
  const std::uint64_t line_offset = buffer_.offset();
  std::size_t line_end = 0;
  for (;;) {
    const char* pending = buffer_.data();
    const void* newline = std::memchr(pending + searched_, '\n', buffer_.size() - searched_);
    if (newline != nullptr) {
      line_end = static_cast<std::size_t>(static_cast<const char*>(newline) - pending);
      break;
    }
    searched_ = buffer_.size();
    if (!buffer_.fill()) {
      if (buffer_.size() == 0) return false;
      line_end = buffer_.size();  // the last line has no line break
      break;
    }
  }
  const char* pending = buffer_.data();
  std::size_t content_end = line_end;
  if (content_end > 0 && pending[content_end - 1] == '\r') --content_end;
  line = std::string_view(pending, content_end);
  buffer_.consume(line_end == buffer_.size() ? line_end : line_end + 1);
  searched_ = 0;
  ++line_number_;
  line_offset_ = line_offset;
  return true;
}

}  // namespace nahr::read_jsonl
