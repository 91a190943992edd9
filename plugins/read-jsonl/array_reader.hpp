// Splits a file holding one JSON array into its elements as it streams by,
// without parsing them: it follows only strings and bracket depth, which is
// enough to find the ',' or ']' that ends each element, and hands each
// element out where it lies in the StreamBuffer for the record parser.
#pragma once

#include "stream_buffer.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace nahr::read_jsonl {

// The input is not a JSON array (no '[', content after the ']'); nothing
// more can be read from it.
class ArrayError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ArrayReader {
 public:
  struct Element {
    std::string_view json;    // the element's bytes, without surrounding white space
    std::uint64_t index = 0;  // 0-based position in the array
    std::uint64_t line = 0;   // 1-based line the element starts on
    std::uint64_t offset = 0;  // where in the input its first byte is
    // Why the element cannot be a record even before it is parsed (empty,
    // cut off by the end of the input); empty when it can.
    std::string_view problem;
  };

  explicit ArrayReader(StreamBuffer& buffer) : buffer_(buffer) {}

  // Starts over on a newly opened buffer.
  void restart();

  // The next element, valid until the next call; false once the array and
  // the white space after it are read. Throws ArrayError when the input is
  // not a JSON array; the input then counts as ended.
  bool next(Element& element);

  // 1-based line of the last byte read: where an ArrayError was found.
  std::uint64_t line() const { return line_; }

 private:
  enum class State { start, first_element, next_element, after_array, done };

  void expect_array_start();
  // Skips white space (and a byte order mark at the very start), reading on
  // as needed; false at the end of the input.
  bool skip_white_space();
  // Finds where the element at the front of the buffer ends: the offset of
  // the ',' or ']' that follows it, or of the end of the input.
  std::size_t scan_element(bool& at_end);
  void consume(std::size_t bytes);

  StreamBuffer& buffer_;
  State state_ = State::start;
  std::uint64_t index_ = 0;
  std::uint64_t line_ = 1;
};

}  // namespace nahr::read_jsonl
