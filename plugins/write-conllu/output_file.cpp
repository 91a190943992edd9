#include "output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nahr/error.hpp>

namespace nahr::write_conllu {

OutputFile::~OutputFile() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

void OutputFile::open(std::string_view path) {
  if (fd_ >= 0) close();
  path_.assign(path);
  buffer_.clear();
  buffer_.reserve(kFlushSize + kFlushSize / 4);
  if (path == "-") {
    fd_ = STDOUT_FILENO;
    owns_fd_ = false;
    return;
  }
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) fail("cannot open", errno);
  owns_fd_ = true;
}

void OutputFile::flush() {
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

void OutputFile::close() {
  if (fd_ < 0) return;
  flush();
  const int fd = fd_;
  fd_ = -1;
  // Some file systems (NFS) only report a failed write when the file closes.
  if (owns_fd_ && ::close(fd) != 0) fail("cannot close", errno);
}

void OutputFile::fail(std::string_view action, int error) const {
  const std::string where = path_ == "-" ? "standard output" : path_;
  throw FatalError("write-conllu: " + std::string(action) + " " + where + ": " +
                   std::strerror(error));
}

}  // namespace nahr::write_conllu
