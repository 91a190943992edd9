// An input stream seen through the run: the executor needs to tell a
// stream that failed (the rest of the file is unreadable) from a reader
// that rejected one record, and to count the bytes read for progress.
#pragma once

#include <nahr/model/host_api.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nahr::host {

// Watches a reader's input: whether the stream itself failed (then the rest
// of the file is unreadable) and how many bytes went through.
class WatchedInput final : public model::InputStream {
 public:
  explicit WatchedInput(model::InputStream& inner) : inner_(inner) {}
  std::string_view name() const override { return inner_.name(); }
  void part(std::uint64_t& begin, std::uint64_t& end) const override { inner_.part(begin, end); }
  bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string& reason) override {
    if (failed_) {
      got = 0;
      reason = failure_;
      return false;
    }
    if (!inner_.read(buffer, capacity, got, reason)) {
      failed_ = true;
      failure_ = reason;
      return false;
    }
    bytes_ += got;
    return true;
  }
  bool failed() const { return failed_; }
  std::uint64_t bytes() const { return bytes_; }

 private:
  model::InputStream& inner_;
  bool failed_ = false;
  std::string failure_;
  std::uint64_t bytes_ = 0;
};

}  // namespace nahr::host
