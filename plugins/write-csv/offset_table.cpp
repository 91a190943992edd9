#include "offset_table.hpp"

#include <algorithm>
#include <cassert>

namespace nahr::write_csv {

void OffsetTable::convert(std::string_view text, OffsetUnit unit) {
  std::sort(bytes_.begin(), bytes_.end());
  bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
  OffsetConverter converter(text, unit);
  units_.resize(bytes_.size());
  for (std::size_t i = 0; i < bytes_.size(); ++i) units_[i] = converter.convert(bytes_[i]);
}

std::uint64_t OffsetTable::operator()(std::uint64_t byte) const {
  const auto it = std::lower_bound(bytes_.begin(), bytes_.end(), byte);
  assert(it != bytes_.end() && *it == byte);
  return units_[static_cast<std::size_t>(it - bytes_.begin())];
}

}  // namespace nahr::write_csv
