#include "isolation/channel.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

namespace nahr::host::isolation {

namespace {
constexpr std::size_t kHeaderBytes = sizeof(std::uint64_t);
}  // namespace

void Channel::begin_frame(std::string& buffer) { buffer.assign(kHeaderBytes, '\0'); }

void Channel::end_frame(std::string& buffer) {
  const std::uint64_t size = buffer.size() - kHeaderBytes;
  std::memcpy(buffer.data(), &size, kHeaderBytes);
}

void Channel::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Io Channel::wait(short events, const Deadline& deadline) {
  for (;;) {
    const Clock::time_point until = deadline();
    int timeout_ms = -1;
    if (until != Clock::time_point::max()) {
      const Clock::duration left = until - Clock::now();
      if (left <= Clock::duration::zero()) return Io::timed_out;
      const auto ms =
          std::chrono::ceil<std::chrono::milliseconds>(std::min(left, recheck_)).count();
      timeout_ms = ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
    }
    pollfd p{fd_, events, 0};
    const int n = ::poll(&p, 1, timeout_ms);
    // Ready, or hung up: the next read or write tells which.
    if (n > 0) return Io::ok;
    if (n < 0 && errno != EINTR) return Io::closed;
    // Time to recheck, or interrupted: the deadline may have moved meanwhile.
  }
}

Io Channel::send(std::string_view frame, const Deadline& deadline) {
  while (!frame.empty()) {
    const ssize_t n = ::send(fd_, frame.data(), frame.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n > 0) {
      frame.remove_prefix(static_cast<std::size_t>(n));
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (const Io io = wait(POLLOUT, deadline); io != Io::ok) return io;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return Io::closed;
    }
  }
  return Io::ok;
}

Io Channel::read_exact(char* at, std::size_t size, const Deadline& deadline) {
  while (size > 0) {
    const ssize_t n = ::recv(fd_, at, size, MSG_DONTWAIT);
    if (n > 0) {
      at += n;
      size -= static_cast<std::size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (const Io io = wait(POLLIN, deadline); io != Io::ok) return io;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return Io::closed;  // 0: end of stream
    }
  }
  return Io::ok;
}

Io Channel::receive(std::string& payload, const Deadline& deadline) {
  std::uint64_t size = 0;
  if (const Io io = read_exact(reinterpret_cast<char*>(&size), kHeaderBytes, deadline);
      io != Io::ok) {
    return io;
  }
  if (size > kMaxFrameBytes) return Io::too_large;
  payload.resize(static_cast<std::size_t>(size));
  return read_exact(payload.data(), payload.size(), deadline);
}

}  // namespace nahr::host::isolation
