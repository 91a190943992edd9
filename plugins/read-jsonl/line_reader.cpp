#include "line_reader.hpp"

#include <cstring>

namespace nahr::read_jsonl {

LineReader::LineReader(std::size_t block_size, std::size_t padding)
    : capacity_(block_size), padding_(padding), buffer_(block_size + padding) {}

void LineReader::open(Input input) {
  input_ = input;
  pos_ = searched_ = end_ = 0;
  line_number_ = 0;
  at_end_ = failed_ = false;
}

bool LineReader::next(std::string_view& line) {
  if (failed_) return false;
  std::size_t line_end = 0;
  for (;;) {
    const char* base = buffer_.data();
    const void* newline = std::memchr(base + searched_, '\n', end_ - searched_);
    if (newline != nullptr) {
      line_end = static_cast<std::size_t>(static_cast<const char*>(newline) - base);
      searched_ = line_end + 1;
      break;
    }
    searched_ = end_;
    if (!fill()) {
      if (pos_ == end_) return false;
      line_end = searched_ = end_;  // the last line has no line break
      break;
    }
  }
  std::size_t content_end = line_end;
  if (content_end > pos_ && buffer_[content_end - 1] == '\r') --content_end;
  line = std::string_view(buffer_.data() + pos_, content_end - pos_);
  pos_ = searched_;
  ++line_number_;
  return true;
}

bool LineReader::fill() {
  if (at_end_) return false;
  if (pos_ == end_) {
    pos_ = searched_ = end_ = 0;  // nothing pending: start over
  } else if (end_ == capacity_) {
    // Full: move the pending line to the front; grow when it fills more than
    // half, so that each read still brings in a large block.
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    searched_ -= pos_;
    end_ -= pos_;
    pos_ = 0;
    if (end_ > capacity_ / 2) {
      capacity_ *= 2;
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
