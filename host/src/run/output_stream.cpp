#include "run/output_stream.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nahr::host {

namespace {

bool make_parent(const std::string& path, std::string& error) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return true;
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (!ec) return true;
  error = fmt::format("cannot create the folder of {}: {}", path, ec.message());
  return false;
}

}  // namespace

OutputStream::~OutputStream() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

bool OutputStream::fail(std::string_view what, std::string& error) const {
  error = fmt::format("cannot {} {}: {}", what, path_ == "-" ? "standard output" : path_,
                      std::strerror(errno));
  return false;
}

bool OutputStream::open(const std::string& path, std::string& error) {
  path_ = path;
  written_ = 0;
  if (path == "-") {
    fd_ = STDOUT_FILENO;
    return true;
  }
  if (!make_parent(path, error)) return false;
  const std::string partial = partial_path(path);
  if (::unlink(partial.c_str()) != 0 && errno != ENOENT) return fail("replace the partial of", error);
  fd_ = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd_ < 0) return fail("create", error);
  owns_fd_ = true;
  return true;
}

bool OutputStream::reopen(const std::string& path, std::uint64_t keep, std::string& error) {
  path_ = path;
  const std::string partial = partial_path(path);
  fd_ = ::open(partial.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd_ < 0) return fail("reopen the partial of", error);
  owns_fd_ = true;
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return fail("inspect the partial of", error);
  if (static_cast<std::uint64_t>(st.st_size) < keep) {
    error = fmt::format("{} holds {} bytes, fewer than the {} the run manifest committed",
                        partial, st.st_size, keep);
    return false;
  }
  // Bytes after the last checkpoint belong to documents that will be
  // processed again.
  if (::ftruncate(fd_, static_cast<off_t>(keep)) != 0 ||
      ::lseek(fd_, static_cast<off_t>(keep), SEEK_SET) < 0) {
    return fail("truncate the partial of", error);
  }
  written_ = keep;
  return true;
}

bool OutputStream::write(std::string_view bytes, std::string& error) {
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write", error);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
    written_ += static_cast<std::uint64_t>(n);
  }
  return true;
}

bool OutputStream::commit(std::string& error) {
  if (!owns_fd_) return true;
  const int fd = fd_;
  fd_ = -1;
  owns_fd_ = false;
  // Some file systems (NFS) report a failed write only when the file closes.
  if (::close(fd) != 0) return fail("close", error);
  const std::string partial = partial_path(path_);
  if (std::rename(partial.c_str(), path_.c_str()) != 0) return fail("rename the partial to", error);
  return true;
}

}  // namespace nahr::host
