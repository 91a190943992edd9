// Lookups of folded keys (nahr/text/arabic.hpp) for lexicons that are built
// once and then probed for every word of every document:
//
//   KeyTable<Value>  a read-only hash table: open addressing over a flat
//                    array with a cheap word-at-a-time hash, so a miss (the
//                    usual case) costs one hash and one or two probes.
//   KeyFilter        a one-hash Bloom filter in front of it, which rules
//                    out most words of a text without hashing them whole,
//                    clitics (و، ب …) included.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nahr::lexicon {

template <class Value>
class KeyTable {
 public:
  KeyTable() = default;
  // Keys must be distinct.
  explicit KeyTable(std::vector<std::pair<std::string, Value>> entries)
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

  // The value of `key`, or nullptr.
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

// One bit (of 16384) per key, chosen by the first four bytes (two Arabic
// letters), the last two (one letter) and the length: no false negatives,
// and few false positives for a lexicon of a few thousand keys.
class KeyFilter {
 public:
  void add(std::string_view key) {
    const std::uint32_t bit = bit_of(key);
    bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }

  bool may_contain(std::string_view key) const {
    const std::uint32_t bit = bit_of(key);
    return (bits_[bit / 64] >> (bit % 64) & 1) != 0;
  }

  // Whether `key`, or `key` without its proclitics, may have been added:
  // a conjunction or a preposition, or a conjunction then a preposition
  // (`وب`), each a letter of `conjunctions` or `prepositions` (strings of
  // two-byte letters such as "وف" and "بل"). Only stems of two letters or
  // more are looked for.
  bool may_contain_after_proclitics(std::string_view key, std::string_view conjunctions,
                                    std::string_view prepositions) const {
    if (may_contain(key)) return true;
    // Whether the two-byte letter at key[at] is one of `letters`.
    const auto letter_in = [key](std::size_t at, std::string_view letters) {
      for (std::size_t k = 0; k < letters.size(); k += 2) {
        if (key.compare(at, 2, letters.substr(k, 2)) == 0) return true;
      }
      return false;
    };
    if (key.size() >= 6 && (letter_in(0, conjunctions) || letter_in(0, prepositions)) &&
        may_contain(key.substr(2))) {
      return true;
    }
    return key.size() >= 8 && letter_in(0, conjunctions) && letter_in(2, prepositions) &&
           may_contain(key.substr(4));
  }

 private:
  static constexpr std::uint32_t kBitsLog2 = 14;

  static std::uint32_t bit_of(std::string_view key) {
    std::uint32_t head = 0;
    for (std::size_t k = 0; k < 4 && k < key.size(); ++k) {
      head = head << 8 | static_cast<unsigned char>(key[k]);
    }
    std::uint32_t tail = 0;
    for (std::size_t k = key.size() < 2 ? 0 : key.size() - 2; k < key.size(); ++k) {
      tail = tail << 8 | static_cast<unsigned char>(key[k]);
    }
    std::uint64_t mix = (std::uint64_t{head} << 32 | tail) ^ (key.size() * 0x9E3779B97F4A7C15ull);
    mix *= 0xFF51AFD7ED558CCDull;
    return static_cast<std::uint32_t>(mix >> (64 - kBitsLog2));
  }

  std::uint64_t bits_[(std::size_t{1} << kBitsLog2) / 64] = {};
};

}  // namespace nahr::lexicon
