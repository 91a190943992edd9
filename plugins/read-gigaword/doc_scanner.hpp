// Cuts a Gigaword SGML file into its <DOC> elements as it streams by,
// holding only the current one in memory. Tolerant of the real files'
// quirks: a <DOC> whose </DOC> is missing ends where the next <DOC> starts
// (or at the end of the file), tag names are matched in any case, and
// anything between documents is ignored.
#pragma once

#include <nahr/input.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::read_gigaword {

class DocScanner {
 public:
  struct Doc {
    std::string_view sgml;   // from "<DOC" to the end of "</DOC>" (if present)
    std::uint64_t line = 0;  // 1-based line "<DOC" is on
    // Its length in the input; over the limit, `sgml` holds at most its
    // first kOversizedRecordHead bytes.
    std::uint64_t size = 0;
  };

  explicit DocScanner(std::size_t block_size);

  // A <DOC> longer than `max_doc_bytes` comes as at most its first
  // kOversizedRecordHead bytes; the rest of a long one is read past without
  // being held.
  void open(Input input, std::uint64_t max_doc_bytes = std::numeric_limits<std::uint64_t>::max());

  // The next <DOC>, valid until the next call; false at the end of the input.
  // A read failure is thrown (nahr::DocumentError); the input then ends.
  bool next(Doc& doc);

  // 1-based line of the first byte not handed out yet.
  std::uint64_t line() const { return line_; }

 private:
  std::string_view pending() const {
    return std::string_view(buffer_.data() + pos_, end_ - pos_);
  }
  // Reads a block after the pending bytes, moving them to the front of the
  // buffer (and growing it when they fill more than half); false at the end
  // of the input.
  bool fill();
  // Drops `bytes` pending bytes, counting their lines.
  void consume(std::size_t bytes);

  Input input_{nullptr};
  std::uint64_t limit_ = std::numeric_limits<std::uint64_t>::max();
  std::string head_;  // the first bytes of a <DOC> over the limit
  std::size_t block_;  // the size of a read, at least
  std::size_t capacity_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;  // start of the pending bytes
  std::size_t end_ = 0;  // end of the bytes read
  std::uint64_t line_ = 1;
  bool at_end_ = false;
};

}  // namespace nahr::read_gigaword
