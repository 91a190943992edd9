// Splits a file holding one JSON array into its elements as it streams by,
// without parsing them: it follows only strings and bracket depth, which is
// enough to find the ',' or ']' that ends each element, and hands each
// element out where it lies in the StreamBuffer for the record parser.
#pragma once

#include "stream_buffer.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
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
    // The element's full length when it was over the size limit: `json`
    // then holds only its first bytes. 0 when it was not.
    std::uint64_t cut_size = 0;
  };

  explicit ArrayReader(StreamBuffer& buffer) : buffer_(buffer) {}

  // Starts over on a newly opened buffer. An element longer than
  // `max_element_bytes` is read past without being held whole.
  void restart(std::uint64_t max_element_bytes = std::numeric_limits<std::uint64_t>::max());

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
  // Where a scan through an element is: inside a string (and right after a
  // backslash in it), and how deep in brackets.
  struct ScanState {
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
  };

  // Finds where the element at the front of the buffer ends: the offset of
  // the ',' or ']' that follows it, or of the end of the input. An element
  // that grows past the limit is skipped (skip_long_element); its length is
  // then in `cut_size`, its first bytes in head_, and the returned offset
  // is 0.
  std::size_t scan_element(bool& at_end, std::uint64_t& cut_size);
  // Keeps the first bytes of the element at the front of the buffer, of
  // which `scanned` bytes were scanned to `state`, and reads past the rest;
  // returns its length.
  std::uint64_t skip_long_element(std::size_t scanned, ScanState state, bool& at_end);
  void consume(std::size_t bytes);

  StreamBuffer& buffer_;
  std::uint64_t limit_ = std::numeric_limits<std::uint64_t>::max();
  std::string head_;  // the first bytes of an element over the limit
  State state_ = State::start;
  std::uint64_t index_ = 0;
  std::uint64_t line_ = 1;
};

}  // namespace nahr::read_jsonl
