// Splits a reader's Input into lines, reading large blocks, and keeps
// `padding` readable bytes after every line it hands out so that a parser
// needing padding (simdjson) can work on the line where it lies, uncopied.
// A line longer than the buffer makes the buffer grow.
#pragma once

#include <nahr/input.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nahr::read_jsonl {

class LineReader {
 public:
  LineReader(std::size_t block_size, std::size_t padding);

  void open(Input input);

  // The next line without its "\n" or "\r\n", valid until the next call;
  // false at the end of the input. A read failure is thrown once
  // (nahr::DocumentError); the input then counts as ended.
  bool next(std::string_view& line);

  // 1-based number of the line next() returned last.
  std::uint64_t line_number() const { return line_number_; }

 private:
  bool fill();

  Input input_{nullptr};
  std::size_t capacity_;  // bytes the buffer may fill; padding follows
  std::size_t padding_;
  std::vector<char> buffer_;
  // pos_ <= searched_ <= end_ <= capacity_
  std::size_t pos_ = 0;       // start of the next line
  std::size_t searched_ = 0;  // no '\n' in [pos_, searched_)
  std::size_t end_ = 0;       // end of the bytes read
  std::uint64_t line_number_ = 0;
  bool at_end_ = false;
  bool failed_ = false;
};

}  // namespace nahr::read_jsonl
