#include "stream_buffer.hpp"

#include <cstring>
#include <limits>

namespace nahr::read_jsonl {

StreamBuffer::StreamBuffer(std::size_t block_size, std::size_t padding)
    : block_(block_size), capacity_(block_size), padding_(padding), buffer_(block_size + padding) {}

void StreamBuffer::open(Input input) {
  input_ = input;
  // A reader finds a record over the limit once two bytes more than it
  // reads before skipping are pending (one may be the '\r' of a "\r\n").
  const std::uint64_t hold = bytes_before_skipping(input.max_record_bytes());
  needed_ = hold > std::numeric_limits<std::uint64_t>::max() - 2 ? hold : hold + 2;
  pos_ = end_ = 0;
  offset_ = 0;
  at_end_ = failed_ = false;
}

bool StreamBuffer::fill() {
  if (at_end_) return false;
  if (pos_ == end_) {
    pos_ = end_ = 0;  // nothing pending: start over
  } else if (end_ == capacity_) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
    if (end_ > capacity_ / 2) {
      capacity_ = grown_buffer_size(capacity_, end_, needed_, block_);
      buffer_.resize(capacity_ + padding_);
    }
  }
  std::size_t got = 0;
  try {
    got = input_.read(buffer_.data() + end_, capacity_ - end_);
  } catch (...) {
    at_end_ = failed_ = true;
    throw;
  }
  if (got == 0) at_end_ = true;
  end_ += got;
  return got != 0;
}

}  // namespace nahr::read_jsonl
