#include "line_scanner.hpp"

#include <algorithm>
#include <cstring>

namespace nahr::read_text {

LineScanner::LineScanner(std::size_t block_size) : block_(block_size), buffer_(block_size) {}

void LineScanner::open(Input input, bool crlf, std::uint64_t max_line_bytes,
                       std::uint64_t max_run_bytes) {
  input_ = input;
  crlf_ = crlf;
  limit_ = max_line_bytes;
  // A retained run, and the next line up to two bytes over the limit, where
  // it is found to be too long.
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t hold = bytes_before_skipping(limit_);
  needed_ = max_run_bytes > kMax / 2 || hold > kMax / 2 ? kMax : max_run_bytes + hold + 2;
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
      const std::uint64_t size = content_end - pos_;
      // Over the limit, though it came in whole: cut all the same.
      if (size > limit_) content_end = pos_ + std::min<std::uint64_t>(size, kOversizedRecordHead);
      line = {pos_ - mark_, content_end - mark_, base_ + pos_, size};
      pos_ = searched_ = at + 1;
      ++line_number_;
      return true;
    }
    searched_ = end_;
    // One byte more than the limit may still be the '\r' of a "\r\n".
    if (end_ - pos_ > 1 && end_ - pos_ - 1 > bytes_before_skipping(limit_)) {
      line = cut_long_line();
      return true;
    }
  } while (fill());
  if (pos_ == end_) return false;
  // The last line has no line break.
  const std::uint64_t size = end_ - pos_;
  const std::size_t content_end =
      size > limit_ ? pos_ + std::min<std::uint64_t>(size, kOversizedRecordHead) : end_;
  line = {pos_ - mark_, content_end - mark_, base_ + pos_, size};
  pos_ = searched_ = end_;
  ++line_number_;
  return true;
}

LineScanner::Line LineScanner::cut_long_line() {
  const std::uint64_t offset = base_ + pos_;
  const std::size_t keep = kOversizedRecordHead;
  char last = buffer_[end_ - 1];
  std::uint64_t dropped = end_ - pos_ - keep;
  end_ = searched_ = pos_ + keep;
  bool found_newline = false;
  while (!found_newline) {
    const std::size_t kept = end_ - pos_;  // where the new bytes start, from pos_
    if (!fill()) break;
    char* fresh = buffer_.data() + pos_ + kept;
    const std::size_t n = end_ - (pos_ + kept);
    const void* newline = std::memchr(fresh, '\n', n);
    const std::size_t skipped =
        newline == nullptr ? n
                           : static_cast<std::size_t>(static_cast<const char*>(newline) - fresh);
    if (skipped > 0) last = fresh[skipped - 1];
    dropped += skipped;
    // What follows the '\n' stays, right after the kept bytes.
    std::memmove(fresh, fresh + skipped, n - skipped);
    end_ -= skipped;
    found_newline = newline != nullptr;
  }
  base_ += dropped;  // the bytes from pos_ + keep on are that much further in the input
  std::uint64_t size = keep + dropped;
  if (crlf_ && found_newline && last == '\r') --size;
  const Line line{pos_ - mark_, pos_ + keep - mark_, offset, size};
  pos_ = searched_ = found_newline ? pos_ + keep + 1 : end_;
  ++line_number_;
  return line;
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
    if (end_ > buffer_.size() / 2) {
      buffer_.resize(grown_buffer_size(buffer_.size(), end_, needed_, block_));
    }
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
