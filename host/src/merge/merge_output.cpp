#include "merge/merge_output.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "merge/merge.hpp"

namespace nahr::host {

namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

[[noreturn]] void fail(std::string_view path, std::string_view what) {
  throw MergeError(fmt::format("{}: {}: {}", path, what, std::strerror(errno)));
}

void write_all(int fd, const char* data, std::size_t size, std::string_view path) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path, "cannot write");
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

class InputFd {
 public:
  explicit InputFd(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) fail(path, "cannot open");
  }
  ~InputFd() { ::close(fd_); }
  InputFd(const InputFd&) = delete;
  InputFd& operator=(const InputFd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

MergeOutput::MergeOutput(std::string path) : path_(std::move(path)) {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) fail(path_, "cannot create");
  buffer_.reserve(kBufferBytes);
}

MergeOutput::~MergeOutput() {
  if (fd_ >= 0) ::close(fd_);
}

void MergeOutput::write(std::string_view bytes) {
  buffer_ += bytes;
  bytes_ += bytes.size();
  if (buffer_.size() >= kBufferBytes) flush();
}

void MergeOutput::flush() {
  write_all(fd_, buffer_.data(), buffer_.size(), path_);
  buffer_.clear();
}

void MergeOutput::append_file(const std::string& file, std::uint64_t from) {
  flush();
  InputFd in(file);
  struct stat st {};
  if (::fstat(in.get(), &st) != 0) fail(file, "cannot stat");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  auto offset = static_cast<off64_t>(from);
  // The kernel copies (and may share extents, on filesystems that can);
  // where it cannot, plain reads and writes do.
  while (static_cast<std::uint64_t>(offset) < size) {
    const ssize_t n =
        ::copy_file_range(in.get(), &offset, fd_, nullptr,
                          static_cast<std::size_t>(size - static_cast<std::uint64_t>(offset)), 0);
    if (n > 0) continue;
    if (n == 0) break;  // the file shrank under us
    if (errno == EINTR) continue;
    if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP) {
      fail(file, "cannot copy");
    }
    std::string block(kBufferBytes, '\0');
    for (;;) {
      const ssize_t got = ::pread(in.get(), block.data(), block.size(), offset);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) fail(file, "cannot read");
      if (got == 0) break;
      write_all(fd_, block.data(), static_cast<std::size_t>(got), path_);
      offset += got;
    }
    break;
  }
  bytes_ += static_cast<std::uint64_t>(offset) - from;
}

void MergeOutput::close() {
  flush();
  if (::fsync(fd_) != 0 && errno != EINVAL) fail(path_, "cannot sync");
  if (::close(fd_) != 0) {
    fd_ = -1;
    fail(path_, "cannot close");
  }
  fd_ = -1;
}

std::uint64_t count_lines(const std::string& path) {
  InputFd in(path);
  std::string block(kBufferBytes, '\0');
  std::uint64_t lines = 0;
  for (;;) {
    const ssize_t n = ::read(in.get(), block.data(), block.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, "cannot read");
    if (n == 0) return lines;
    const char* p = block.data();
    const char* const end = p + n;
    while (const void* lf = std::memchr(p, '\n', static_cast<std::size_t>(end - p))) {
      ++lines;
      p = static_cast<const char*>(lf) + 1;
    }
  }
}

std::string read_file_prefix(const std::string& path, std::size_t max_bytes) {
  InputFd in(path);
  std::string out(max_bytes, '\0');
  std::size_t got = 0;
  while (got < max_bytes) {
    const ssize_t n = ::read(in.get(), out.data() + got, max_bytes - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, "cannot read");
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  out.resize(got);
  return out;
}

}  // namespace nahr::host
