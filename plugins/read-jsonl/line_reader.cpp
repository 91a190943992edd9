#include "line_reader.hpp"

#include <nahr/input.hpp>

#include <algorithm>
#include <cstring>

namespace nahr::read_jsonl {

void LineReader::restart(std::uint64_t max_line_bytes) {
  limit_ = max_line_bytes;
  searched_ = 0;
  line_number_ = 0;
  cut_size_ = 0;
  line_offset_ = 0;
}

bool LineReader::next(std::string_view& line) {
  cut_size_ = 0;
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
    // One byte more than the limit may still be the '\r' of a "\r\n".
    if (searched_ > 1 && searched_ - 1 > bytes_before_skipping(limit_)) {
      cut_size_ = skip_long_line();
      line = head_;
      searched_ = 0;
      ++line_number_;
      line_offset_ = line_offset;
      return true;
    }
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
  if (line.size() > limit_) {  // over the limit, though it came in whole
    cut_size_ = line.size();
    head_.assign(line.substr(0, kOversizedRecordHead));
    line = head_;
  }
  return true;
}

std::uint64_t LineReader::skip_long_line() {
  head_.assign(buffer_.data(), kOversizedRecordHead);
  std::uint64_t size = 0;
  char last = '\0';
  for (;;) {
    const char* pending = buffer_.data();
    const std::size_t n = buffer_.size();
    const void* newline = std::memchr(pending, '\n', n);
    if (newline != nullptr) {
      const auto at = static_cast<std::size_t>(static_cast<const char*>(newline) - pending);
      if (at > 0) last = pending[at - 1];
      size += at;
      buffer_.consume(at + 1);
      break;
    }
    if (n > 0) last = pending[n - 1];
    size += n;
    buffer_.consume(n);
    if (!buffer_.fill()) break;  // the last line has no line break
  }
  return last == '\r' ? size - 1 : size;
}

}  // namespace nahr::read_jsonl
