#include "run/line_reader.hpp"

#include <cstring>

namespace nahr::host {

bool LineReader::next(std::string_view& line) {
  for (;;) {
    const std::size_t from = start_ + scanned_;
    const void* found = std::memchr(buffer_.data() + from, '\n', buffer_.size() - from);
    std::size_t end = 0;
    if (found != nullptr) {
      end = static_cast<std::size_t>(static_cast<const char*>(found) - buffer_.data());
    } else if (at_end_) {
      if (start_ == buffer_.size()) return false;
      end = buffer_.size();
    } else {
      // Keep the unfinished line and read more after it.
      buffer_.erase(0, start_);
      scanned_ = buffer_.size();
      start_ = 0;
      const std::size_t old = buffer_.size();
      buffer_.resize(old + kBlock);
      std::size_t got = 0;
      std::string reason;
      if (!input_.read(buffer_.data() + old, kBlock, got, reason)) {
        error_ = std::string(input_.name()) + ": " + reason;
        return false;
      }
      buffer_.resize(old + got);
      at_end_ = got == 0;
      continue;
    }
    line = std::string_view(buffer_).substr(start_, end - start_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start_ = end + (found != nullptr ? 1 : 0);
    scanned_ = 0;
    ++line_number_;
    return true;
  }
}

}  // namespace nahr::host
