// Splits the bytes of a StreamBuffer into lines, handing each out where it
// lies in the buffer (followed by the buffer's padding).
#pragma once

#include "stream_buffer.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nahr::read_jsonl {

class LineReader {
 public:
  explicit LineReader(StreamBuffer& buffer) : buffer_(buffer) {}

  // Starts over on a newly opened buffer.
  void restart();

  // The next line without its "\n" or "\r\n", valid until the next call;
  // false at the end of the input, and after a read failure (which the
  // buffer throws once).
  bool next(std::string_view& line);

  // 1-based number of the line next() returned last.
  std::uint64_t line_number() const { return line_number_; }
  // Where in the input that line starts.
  std::uint64_t line_offset() const { return line_offset_; }

 private:
  StreamBuffer& buffer_;
  std::size_t searched_ = 0;  // no '\n' in the first searched_ pending bytes
  std::uint64_t line_number_ = 0;
  std::uint64_t line_offset_ = 0;
};

}  // namespace nahr::read_jsonl
