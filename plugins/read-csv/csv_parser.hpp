// Splits a CSV or TSV stream into rows of fields (RFC 4180): fields
// separated by a delimiter, rows by LF or CRLF, and fields in double quotes
// may hold delimiters, line breaks and doubled quotes (""). Reads the input
// in large blocks and hands out each row's fields where they lie, copying
// only a quoted field that has doubled quotes to undo.
#pragma once

#include <nahr/input.hpp>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::read_csv {

struct Dialect {
  char delimiter = ',';
  bool quoting = true;  // false: '"' is an ordinary character
  bool strict = true;   // false: text after a closing quote is kept
};

// A row that cannot be split. `line` is where the row starts.
class RowError : public std::runtime_error {
 public:
  RowError(const std::string& message, std::uint64_t at_line, std::string row)
      : std::runtime_error(message), line(at_line), raw(std::move(row)) {}
  std::uint64_t line;
  std::string raw;  // the row as read, for the quarantine
};

class CsvParser {
 public:
  struct Row {
    std::vector<std::string_view> fields;
    std::string_view raw;    // the row's bytes, without its line break
    std::uint64_t line = 0;  // 1-based line the row starts on
  };

  explicit CsvParser(std::size_t block_size);

  // Rows longer than `max_row_bytes` (without their line break) are read
  // past without being held whole, and thrown as a RowError whose `raw`
  // holds their first bytes.
  void open(Input input, Dialect dialect,
            std::uint64_t max_row_bytes = std::numeric_limits<std::uint64_t>::max());

  // The next row that is not blank (an empty line is no row), valid until
  // the next call; false at the end of the input. Throws RowError for a row
  // that cannot be split (the rows after it are read as usual, except after
  // a quote left open at the end of the input) and nahr::DocumentError when
  // the input cannot be read further (the input then ends).
  bool next(Row& row);

 private:
  enum class Outcome { row, need_more };
  // Where a field lies: in the read buffer (relative to the row's start) or
  // in scratch_ (a quoted field whose doubled quotes were undone).
  struct FieldRef {
    bool in_scratch;
    std::size_t begin;
    std::size_t size;
  };

  // Skips a UTF-8 byte order mark and refuses UTF-16.
  void check_encoding();
  // Splits the row at the front of the pending bytes; `consumed` is its
  // length with the line break.
  Outcome split_row(std::size_t& consumed);
  // Reads the quoted field starting at `i` (its opening quote).
  Outcome quoted_field(std::size_t& i);
  void unquoted_field(std::size_t& i, std::size_t end);
  [[noreturn]] void fail(const std::string& message, std::size_t consumed);
  // The row at the front of the pending bytes has grown past the limit with
  // no end in sight: reads past the rest of it and throws a RowError.
  [[noreturn]] void skip_long_row();
  // Throws the RowError for a row of `size` bytes over the limit, keeping
  // the first bytes of `row`.
  [[noreturn]] void too_large(std::string_view row, std::uint64_t size, std::uint64_t line);
  bool fill();
  // Reads until `target` bytes are pending, or more than `hold`, or the
  // input ends. split_row() starts over from the row's first byte, so it
  // runs again only once the pending bytes have doubled: a long row read in
  // small pieces costs linear time, not quadratic. A read failure is kept in
  // failure_ until the rows read before it are used up.
  void read_ahead(std::size_t target, std::uint64_t hold);
  [[noreturn]] void fail_reading();
  const char* pending() const { return buffer_.data() + pos_; }
  std::size_t pending_size() const { return end_ - pos_; }
  void consume(std::size_t bytes);

  Dialect dialect_;
  Input input_{nullptr};
  std::uint64_t limit_ = std::numeric_limits<std::uint64_t>::max();
  std::size_t block_;  // the size of a read, at least
  std::size_t capacity_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool at_end_ = false;
  bool started_ = false;   // the encoding was checked
  bool abandoned_ = false;  // nothing more can be read from this input
  std::exception_ptr failure_;  // a read failure not reported yet
  std::uint64_t line_ = 1;
  std::vector<FieldRef> refs_;
  std::string scratch_;
};

}  // namespace nahr::read_csv
