// nahr::model::StringArena: where a document keeps the strings of its
// annotations. Views into it stay valid until reset(); reset keeps the
// memory, so documents reused batch after batch stop allocating.
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace nahr::model {

class StringArena {
 public:
  std::string_view store(std::string_view s) {
    if (s.empty()) return {};
    if (chunks_.empty() || chunks_[current_].size - used_ < s.size()) advance(s.size());
    char* at = chunks_[current_].bytes.get() + used_;
    std::memcpy(at, s.data(), s.size());
    used_ += s.size();
    return {at, s.size()};
  }

  void reset() {
    current_ = 0;
    used_ = 0;
  }

  // Bytes in use since the last reset (counting what is left unused at the
  // end of each full chunk).
  std::size_t size() const {
    std::size_t bytes = used_;
    for (std::size_t k = 0; k < current_ && k < chunks_.size(); ++k) bytes += chunks_[k].size;
    return bytes;
  }

  // Bytes held for reuse.
  std::size_t capacity() const {
    std::size_t bytes = 0;
    for (const Chunk& c : chunks_) bytes += c.size;
    return bytes;
  }

 private:
  static constexpr std::size_t kChunkBytes = 16 << 10;

  struct Chunk {
    std::unique_ptr<char[]> bytes;
    std::size_t size;
  };

  // Moves to the next chunk with room for `n` bytes, allocating one if none.
  void advance(std::size_t n) {
    std::size_t next = chunks_.empty() ? 0 : current_ + 1;
    while (next < chunks_.size() && chunks_[next].size < n) ++next;
    if (next >= chunks_.size()) {
      const std::size_t size = std::max(kChunkBytes, n);
      chunks_.push_back(Chunk{std::make_unique<char[]>(size), size});
      next = chunks_.size() - 1;
    }
    current_ = next;
    used_ = 0;
  }

  std::vector<Chunk> chunks_;
  std::size_t current_ = 0;
  std::size_t used_ = 0;
};

}  // namespace nahr::model
