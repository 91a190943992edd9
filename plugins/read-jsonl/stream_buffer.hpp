// Reads a reader's Input in large blocks into one buffer, and keeps
// `padding` readable bytes after the bytes read so that a parser needing
// padding (simdjson) can work on a record where it lies, uncopied. Readers
// take records from the front (consume) and ask for more input (fill) when
// the pending bytes do not hold a whole one.
#pragma once

#include <nahr/input.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace nahr::read_jsonl {

class StreamBuffer {
 public:
  StreamBuffer(std::size_t block_size, std::size_t padding);

  void open(Input input);

  // The bytes read and not consumed yet; valid until the next fill().
  const char* data() const { return buffer_.data() + pos_; }
  std::size_t size() const { return end_ - pos_; }
  void consume(std::size_t bytes) {
    pos_ += bytes;
    offset_ += bytes;
  }
  // Where the pending bytes start in the input.
  std::uint64_t offset() const { return offset_; }

  // Reads more input after the pending bytes; false at the end of the input.
  // May move the pending bytes to the front of the buffer, and grows it when
  // they fill more than half of it, so that a record of any length within
  // the input's max_record_bytes fits and each read still brings in a large
  // block. A read failure is thrown once
  // (nahr::DocumentError); the input then counts as ended.
  bool fill();

  bool failed() const { return failed_; }

 private:
  Input input_{nullptr};
  std::size_t block_;             // the size of a read, at least
  std::uint64_t needed_ = 0;      // the most a record within the limit needs
  std::size_t capacity_;  // bytes the buffer may fill; padding follows
  std::size_t padding_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;  // start of the pending bytes
  std::size_t end_ = 0;  // end of the bytes read; pos_ <= end_ <= capacity_
  std::uint64_t offset_ = 0;  // bytes consumed since open
  bool at_end_ = false;
  bool failed_ = false;
};

}  // namespace nahr::read_jsonl
