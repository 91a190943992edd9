#include "line_scanner.hpp"

#include <cstring>

namespace nahr::read_text {

LineScanner::LineScanner(std::size_t block_size) : buffer_(block_size) {}

void LineScanner::open(Input input, bool crlf) {
  input_ = input;
  crlf_ = crlf;
  mark_ = pos_ = searched_ = end_ = 0;
  base_ = 0;
  line_number_ = 0;
  at_end_ = failed_ = false;
}

void LineScanner::skip_prefix(std::string_view prefix) {
  while (end_ - pos_ < prefix.size() && fill()) {
  }
  if (std::string_view(buffer_.data() + pos_, end_ - pos_).starts_with(prefix)) {
    pos_ += prefix.size();
    searched_ = mark_ = pos_;
  }
}

bool LineScanner::next(Line& line) {
  if (failed_) return false;
  do {
    const char* base = buffer_.data();
    const void* newline = std::memchr(base + searched_, '\n', end_ - searched_);
    if (newline != nullptr) {
      const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(newline) - base);
      std::size_t content_end = at;
      if (crlf_ && content_end > pos_ && base[content_end - 1] == '\r') --content_end;
      line = {pos_ - mark_, content_end - mark_};
      pos_ = searched_ = at + 1;
      ++line_number_;
      return true;
    }
    searched_ = end_;
  } while (fill());
  if (pos_ == end_) return false;
  // The last line has no line break.
  line = {pos_ - mark_, end_ - mark_};
  pos_ = searched_ = end_;
  ++line_number_;
  return true;
}

bool LineScanner::fill() {
  if (at_end_) return false;
  if (mark_ == end_) {
    base_ += end_;
    mark_ = pos_ = searched_ = end_ = 0;  // nothing retained: start over
  } else if (end_ == buffer_.size()) {
    // Full: move the retained run to the front; grow when it fills more
    // than half, so that each read still brings in a large block.
    std::memmove(buffer_.data(), buffer_.data() + mark_, end_ - mark_);
    base_ += mark_;
    pos_ -= mark_;
    searched_ -= mark_;
    end_ -= mark_;
    mark_ = 0;
    if (end_ > buffer_.size() / 2) buffer_.resize(buffer_.size() * 2);
  }
  std::size_t got = 0;
  try {
    got = input_.read(buffer_.data() + end_, buffer_.size() - end_);
  } catch (...) {
    at_end_ = failed_ = true;
    throw;
  }
  if (got == 0) at_end_ = true;
  end_ += got;
  return got != 0;
}

}  // namespace nahr::read_text
