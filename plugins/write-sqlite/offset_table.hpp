// Converts a batch of UTF-8 byte offsets into one text to another unit with
// a single pass over the text, whatever order the offsets come in: the
// annotations of a document are in the order stages added them, not sorted.
#pragma once

#include <cstdint>
#include <nahr/offsets.hpp>
#include <string_view>
#include <vector>

namespace nahr::write_sqlite {

class OffsetTable {
 public:
  void clear() { bytes_.clear(); }
  void add(std::uint64_t byte) { bytes_.push_back(byte); }

  // Converts every offset added since clear(); keeps capacity for reuse.
  void convert(std::string_view text, OffsetUnit unit);

  // The converted value of an offset that was added before convert().
  std::uint64_t operator()(std::uint64_t byte) const;

 private:
  std::vector<std::uint64_t> bytes_;  // sorted and unique after convert()
  std::vector<std::uint64_t> units_;
};

}  // namespace nahr::write_sqlite
