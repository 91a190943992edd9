// A read-only hash table from folded keys to values, built once and then
// probed for every word of every document: open addressing over a flat
// array with a cheap word-at-a-time hash, so a miss (the usual case) costs
// one hash and one or two probes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace extract_dates {

template <class Value>
class FoldedTable {
 public:
  FoldedTable() = default;
  explicit FoldedTable(std::vector<std::pair<std::string, Value>> entries)
      : entries_(std::move(entries)) {
    std::size_t size = 16;
    while (size < entries_.size() * 4) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (std::size_t k = 0; k < entries_.size(); ++k) {
      const std::uint64_t h = hash(entries_[k].first);
      std::size_t at = h & mask_;
      while (slots_[at].entry != 0) at = (at + 1) & mask_;
      slots_[at] = Slot{static_cast<std::uint32_t>(h >> 32), static_cast<std::uint32_t>(k + 1)};
    }
  }

  const Value* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = hash(key);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
      const Slot& s = slots_[at];
      if (s.entry == 0) return nullptr;
      if (s.tag == tag && entries_[s.entry - 1].first == key) return &entries_[s.entry - 1].second;
    }
  }

 private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t entry = 0;  // index + 1; 0 = empty
  };

  static std::uint64_t hash(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
  }

  std::vector<std::pair<std::string, Value>> entries_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace extract_dates
