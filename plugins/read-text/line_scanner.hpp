// Splits a reader's Input into lines while keeping a chosen run of them
// contiguous in memory, so that a block of many lines is handed out as one
// string_view instead of being copied line by line.
//
// The input is read in blocks. Everything from the mark to the scan position
// survives the next read: release() moves the mark to the next unread line,
// and Line offsets count from the mark. A retained run that outgrows the
// buffer makes it grow, so memory is bounded by the largest document, never
// by the size of the input. A line longer than the limit is cut: only its
// first bytes stay in the buffer, the rest is read past.
#pragma once

#include <nahr/input.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

namespace nahr::read_text {

class LineScanner {
 public:
  // A line's content, without its line break, as offsets from the mark.
  struct Line {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::uint64_t offset = 0;  // of its first byte in the input
    std::uint64_t size = 0;    // its length in the input
    // Longer than what a line over the limit keeps: [begin, end) holds only
    // its first bytes.
    bool cut() const { return size != end - begin; }
  };

  explicit LineScanner(std::size_t block_size);

  // Starts on a new input. With `crlf`, a '\r' before '\n' is part of the
  // line break rather than of the line's content. Lines longer than
  // `max_line_bytes` are cut. `max_run_bytes` is the most the caller
  // retains before it refuses a run of lines (or the line alone, when it
  // releases every line), which bounds how far the buffer grows.
  void open(Input input, bool crlf,
            std::uint64_t max_line_bytes = std::numeric_limits<std::uint64_t>::max(),
            std::uint64_t max_run_bytes = std::numeric_limits<std::uint64_t>::max());

  // Skips `prefix` (a byte order mark) if the input starts with it.
  void skip_prefix(std::string_view prefix);

  // Scans the next line; false at the end of the input. A read failure is
  // thrown once (nahr::DocumentError); the input then counts as ended.
  bool next(Line& line);

  // Forgets everything before the next unread line.
  void release() { mark_ = pos_; }

  // Bytes [begin, end) counted from the mark; valid until next().
  std::string_view retained(std::size_t begin, std::size_t end) const {
    return {buffer_.data() + mark_ + begin, end - begin};
  }
  std::string_view text(const Line& line) const { return retained(line.begin, line.end); }

  // 1-based number of the line next() returned last.
  std::uint64_t line_number() const { return line_number_; }

  // Where in the input a line starts.
  std::uint64_t offset_of(const Line& line) const { return line.offset; }

 private:
  bool fill();
  // The line from pos_, of which more than bytes_before_skipping() is read
  // and no '\n' found yet: keeps its first bytes, reads past the rest.
  Line cut_long_line();

  Input input_{nullptr};
  bool crlf_ = true;
  std::uint64_t limit_ = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t needed_ = std::numeric_limits<std::uint64_t>::max();  // most a run within it holds
  std::size_t block_;  // the size of a read, at least
  std::vector<char> buffer_;
  // mark_ <= pos_ <= searched_ <= end_ <= buffer_.size()
  std::size_t mark_ = 0;      // start of the retained run
  std::size_t pos_ = 0;       // start of the next unread line
  std::size_t searched_ = 0;  // no '\n' in [pos_, searched_)
  std::size_t end_ = 0;       // end of the bytes read
  std::uint64_t base_ = 0;    // offset in the input of buffer_[0] (of pos_ onwards after a cut)
  std::uint64_t line_number_ = 0;
  bool at_end_ = false;
  bool failed_ = false;
};

}  // namespace nahr::read_text
