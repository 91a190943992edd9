// A writer's output: a file, or standard output, written through a large
// buffer with plain write(2). Every failure is a nahr::FatalError naming the
// path and the system's reason, so a full disk or a closed pipe stops the
// run loudly.
#pragma once

#include <nahr/error.hpp>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace nahr::io {

class OutputFile {
 public:
  // `owner` (a stage name) starts every error message.
  explicit OutputFile(std::string owner) : owner_(std::move(owner)) {}
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Releases the descriptor without writing: only close() commits the
  // buffered tail, so a stage torn down after a failure does not retry.
  ~OutputFile() {
    if (owns_fd_ && fd_ >= 0) ::close(fd_);
  }

  // Opens `path` for writing, truncating it; "-" is standard output. A
  // symlink at `path` is refused, never written through: the host creates
  // each output new, so a link there was planted by someone else.
  void open(std::string_view path) {
    if (fd_ >= 0) close();
    path_.assign(path);
    buffer_.clear();
    buffer_.reserve(kFlushSize + kFlushSize / 4);
    if (path == "-") {
      fd_ = STDOUT_FILENO;
      owns_fd_ = false;
      return;
    }
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd_ < 0) fail("cannot open", errno);
    owns_fd_ = true;
  }

  // Where callers append output; written out by flush_if_full() and close().
  std::string& buffer() { return buffer_; }
  void flush_if_full() {
    if (buffer_.size() >= kFlushSize) flush();
  }

  // Writes what is buffered and closes; reports any error of either.
  void close() {
    if (fd_ < 0) return;
    flush();
    const int fd = fd_;
    fd_ = -1;
    // Some file systems (NFS) only report a failed write when the file closes.
    if (owns_fd_ && ::close(fd) != 0) fail("cannot close", errno);
  }

 private:
  static constexpr std::size_t kFlushSize = std::size_t{1} << 20;

  void flush() {
    const char* p = buffer_.data();
    std::size_t left = buffer_.size();
    while (left > 0) {
      const ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        fail("cannot write", errno);
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

  [[noreturn, gnu::cold]] void fail(std::string_view action, int error) const {
    const std::string where = path_ == "-" ? "standard output" : path_;
    throw FatalError(owner_ + ": " + std::string(action) + " " + where + ": " +
                     std::strerror(error));
  }

  std::string owner_;
  std::string path_;
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string buffer_;
};

}  // namespace nahr::io
