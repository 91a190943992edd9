// Frames over a connected stream socket between the host and a worker
// process: an 8-byte payload size in native byte order (both ends are the
// same binary), then the payload. Every wait has a deadline, which may move
// while waiting (the host's follows the worker from stage to stage, each
// with its own timeout), so a wait wakes up every recheck interval to ask
// for it again; the worker waits without one.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace nahr::host::isolation {

using Clock = std::chrono::steady_clock;

enum class Io {
  ok,
  closed,     // the other end went away (or the socket failed)
  timed_out,  // the deadline passed
  too_large,  // a frame header announced more than kMaxFrameBytes
};

// Asked again whenever a wait wakes up; Clock::time_point::max() = no limit.
using Deadline = std::function<Clock::time_point()>;

class Channel {
 public:
  // A corrupt header must not make the host allocate without bound.
  static constexpr std::uint64_t kMaxFrameBytes = std::uint64_t{1} << 34;

  explicit Channel(int fd) : fd_(fd) {}
  void set_recheck(Clock::duration every) { recheck_ = every; }
  ~Channel() { close(); }
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;

  // A frame is built in one buffer: begin_frame() clears it and leaves room
  // for the header, the caller appends the payload, end_frame() fills in
  // the header. The whole buffer then goes out in one send().
  static void begin_frame(std::string& buffer);
  static void end_frame(std::string& buffer);

  Io send(std::string_view frame, const Deadline& deadline);
  // Replaces `payload` with the next frame's payload.
  Io receive(std::string& payload, const Deadline& deadline);

  void close();

 private:
  Io wait(short events, const Deadline& deadline);
  Io read_exact(char* at, std::size_t size, const Deadline& deadline);

  int fd_;
  Clock::duration recheck_ = std::chrono::milliseconds(100);
};

}  // namespace nahr::host::isolation
