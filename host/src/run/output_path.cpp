#include "run/output_path.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace nahr::host {

namespace {

// -1 with `error` set when `path` cannot be created as a new file.
int create_new(const std::string& path, std::string& error) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    error = fmt::format("cannot remove the stale {}: {}", path, std::strerror(errno));
    return -1;
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) error = fmt::format("cannot create {}: {}", path, std::strerror(errno));
  return fd;
}

}  // namespace

bool create_partial(const std::string& path, std::string& error) {
  const int fd = create_new(path, error);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view content, std::string& error) {
  const std::string partial = path + ".partial";
  const int fd = create_new(partial, error);
  if (fd < 0) return false;
  const char* p = content.data();
  std::size_t left = content.size();
  bool ok = true;
  while (ok && left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) {
      p += n;
      left -= static_cast<std::size_t>(n);
    }
  }
  if (!ok) error = fmt::format("cannot write {}: {}", partial, std::strerror(errno));
  if (::close(fd) != 0 && ok) {
    ok = false;
    error = fmt::format("cannot write {}: {}", partial, std::strerror(errno));
  }
  if (ok && std::rename(partial.c_str(), path.c_str()) != 0) {
    ok = false;
    error = fmt::format("cannot rename {} to {}: {}", partial, path, std::strerror(errno));
  }
  if (!ok) ::unlink(partial.c_str());
  return ok;
}

}  // namespace nahr::host
