// Splits the bytes of a StreamBuffer into lines, handing each out where it
// lies in the buffer (followed by the buffer's padding).
#pragma once

#include "stream_buffer.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace nahr::read_jsonl {

class LineReader {
 public:
  explicit LineReader(StreamBuffer& buffer) : buffer_(buffer) {}

  // Starts over on a newly opened buffer. A line longer than
  // `max_line_bytes` is read past without being held whole (see cut_size).
  void restart(std::uint64_t max_line_bytes = std::numeric_limits<std::uint64_t>::max());

  // The next line without its "\n" or "\r\n", valid until the next call;
  // false at the end of the input, and after a read failure (which the
  // buffer throws once). A line over the limit comes as its first bytes
  // only, not followed by padding.
  bool next(std::string_view& line);

  // The full length of the line next() returned last when it was over the
  // limit; 0 when it was not.
  std::uint64_t cut_size() const { return cut_size_; }

  // 1-based number of the line next() returned last.
  std::uint64_t line_number() const { return line_number_; }
  // Where in the input that line starts.
  std::uint64_t line_offset() const { return line_offset_; }

 private:
  // Keeps the first bytes of the pending line, which is more than
  // bytes_before_skipping() long, and reads past the rest of it to the next
  // "\n"; returns the line's length.
  std::uint64_t skip_long_line();

  StreamBuffer& buffer_;
  std::uint64_t limit_ = std::numeric_limits<std::uint64_t>::max();
  std::size_t searched_ = 0;  // no '\n' in the first searched_ pending bytes
  std::uint64_t line_number_ = 0;
  std::uint64_t cut_size_ = 0;
  std::string head_;  // the first bytes of a line over the limit
  std::uint64_t line_offset_ = 0;
};

}  // namespace nahr::read_jsonl
