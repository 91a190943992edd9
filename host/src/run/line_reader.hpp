// Lines of a byte stream, each without its '\n' (and '\r'), however long.
#pragma once

#include <nahr/model/host_api.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace nahr::host {

class LineReader {
 public:
  explicit LineReader(model::InputStream& input) : input_(input) {}

  // The next line, valid until the next call; false at the end or when the
  // stream fails (then error() says why).
  bool next(std::string_view& line);
  const std::string& error() const { return error_; }
  std::uint64_t line_number() const { return line_number_; }

 private:
  static constexpr std::size_t kBlock = 1 << 16;

  model::InputStream& input_;
  std::string buffer_;
  std::size_t start_ = 0;    // where the next line begins in buffer_
  std::size_t scanned_ = 0;  // bytes from start_ known to hold no '\n'
  bool at_end_ = false;
  std::string error_;
  std::uint64_t line_number_ = 0;
};

}  // namespace nahr::host
