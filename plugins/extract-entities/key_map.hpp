// A hash map from folded keys to values, built once and then only read:
// open addressing over a power-of-two table kept at most half full, keys
// stored in one arena. Most words of a text are not in the lexicon, so a
// miss has to be cheap: one hash of the key in 8-byte steps, then a bit in
// a filter small enough to stay in L1 that turns most misses away before
// the table is touched.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace extract_entities {

inline std::uint64_t hash_key(std::string_view key) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ key.size();
  const char* p = key.data();
  std::size_t n = key.size();
  const auto mix = [&](std::uint64_t word) {
    h = (h ^ word) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  };
  const auto load64 = [](const char* at) {
    std::uint64_t word;
    std::memcpy(&word, at, 8);
    return word;
  };
  const auto load32 = [](const char* at) {
    std::uint32_t word;
    std::memcpy(&word, at, 4);
    return std::uint64_t{word};
  };
  for (; n >= 8; p += 8, n -= 8) mix(load64(p));
  // The tail without a byte loop: overlapping loads (the size is in h).
  if (n > 0 && key.size() >= 8) {
    mix(load64(key.data() + key.size() - 8));
  } else if (n >= 4) {
    mix(load32(p) << 32 | load32(p + n - 4));
  } else if (n > 0) {
    const auto byte = [&](std::size_t k) {
      return std::uint64_t{static_cast<unsigned char>(p[k])};
    };
    mix(byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16);
  }
  h ^= h >> 29;
  h *= 0x94D049BB133111EBULL;
  return h ^ (h >> 32);
}

template <class V>
class KeyMap {
 public:
  // The value for `key`, inserted value-initialised if absent.
  V& operator[](std::string_view key) {
    if ((values_.size() + 1) * 2 > slots_.size()) grow();
    const std::uint64_t hash = hash_key(key);
    Slot& slot = slots_[probe(key, hash)];
    if (slot.value == kEmpty) {
      slot =
          Slot{hash, static_cast<std::uint32_t>(keys_.size()),
               static_cast<std::uint32_t>(key.size()), static_cast<std::uint32_t>(values_.size())};
      keys_.append(key);
      values_.emplace_back();
      filter_[filter_word(hash)] |= filter_bit(hash);
    }
    return values_[slot.value];
  }

  const V* find(std::string_view key) const { return find(key, hash_key(key)); }
  // With the key's hash_key() already at hand.
  const V* find(std::string_view key, std::uint64_t hash) const {
    if (!(filter_[filter_word(hash)] & filter_bit(hash))) return nullptr;
    const Slot& slot = slots_[probe(key, hash)];
    return slot.value == kEmpty ? nullptr : &values_[slot.value];
  }

  std::size_t size() const { return values_.size(); }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  static constexpr std::size_t kFilterWords = 1024;  // 64 Kbit, 8 KiB
  // Bits of the hash the table index (its low bits) does not use.
  static std::size_t filter_word(std::uint64_t hash) { return (hash >> 40) % kFilterWords; }
  static std::uint64_t filter_bit(std::uint64_t hash) { return std::uint64_t{1} << (hash >> 58); }
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key_begin = 0;
    std::uint32_t key_size = 0;
    std::uint32_t value = kEmpty;
  };

  // The slot holding `key`, or the empty slot where it would go.
  std::size_t probe(std::string_view key, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.value == kEmpty) return i;
      if (slot.hash == hash && std::string_view(keys_).substr(slot.key_begin, slot.key_size) == key)
        return i;
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.value == kEmpty) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].value != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<V> values_;
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>(kFilterWords);
};

}  // namespace extract_entities
