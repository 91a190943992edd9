// BufferedAppend: gathers the many small pieces of a document's annotations
// (about a dozen per annotation, most a few bytes long) in a buffer on the
// stack and appends them to the output string a kilobyte at a time. Appended
// one by one, each piece paid for a capacity check and a call to memcpy.
#pragma once

#include <nahr/json.hpp>
#include <nahr/text/utf8.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace nahr::write_jsonl {

class BufferedAppend {
 public:
  explicit BufferedAppend(std::string& out) : out_(out) {}
  BufferedAppend(const BufferedAppend&) = delete;
  BufferedAppend& operator=(const BufferedAppend&) = delete;
  ~BufferedAppend() { flush(); }

  // Bytes as they are (already valid JSON).
  void raw(std::string_view s) {
    if (s.size() > room()) {
      flush();
      if (s.size() > kSize) {
        out_.append(s);
        return;
      }
    }
    copy(s);
  }
  template <std::size_t N>
  void raw(const char (&literal)[N]) {
    raw(std::string_view(literal, N - 1));
  }

  void number(std::uint64_t n) {
    if (room() < kMaxDigits) flush();
    end_ = std::to_chars(end_, end_ + kMaxDigits, n).ptr;
  }

  // `s` as a quoted JSON string, escaped and repaired as json::append_string
  // does; a short string with nothing to escape (most attribute values) is
  // copied as it is.
  void string(std::string_view s) {
    if (s.size() + 2 <= room() && s.size() <= kShortString &&
        json::detail::find_escape(s.data(), s.data() + s.size()) == s.data() + s.size() &&
        utf8::is_valid(s)) {
      *end_++ = '"';
      copy(s);
      *end_++ = '"';
      return;
    }
    flush();
    json::append_string(out_, s);
  }

  void flush() {
    out_.append(buffer_, end_);
    end_ = buffer_;
  }

 private:
  static constexpr std::size_t kSize = 1024;
  static constexpr std::size_t kMaxDigits = 20;  // of a 64-bit number
  static constexpr std::size_t kShortString = 64;

  std::size_t room() const { return static_cast<std::size_t>(buffer_ + kSize - end_); }

  // An empty view may have no data at all, which memcpy must not be given.
  void copy(std::string_view s) {
    if (s.empty()) return;
    std::memcpy(end_, s.data(), s.size());
    end_ += s.size();
  }

  std::string& out_;
  char buffer_[kSize];
  char* end_ = buffer_;
};

}  // namespace nahr::write_jsonl
