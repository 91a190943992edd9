#include "run/progress.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>

namespace nahr::host {

Progress::Progress(bool enabled, std::uint64_t total_bytes)
    : total_bytes_(total_bytes), start_(std::chrono::steady_clock::now()) {
  if (enabled && ::isatty(STDERR_FILENO)) thread_ = std::thread([this] { loop(); });
}

Progress::~Progress() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  wake_.notify_one();
  thread_.join();
  std::fputs("\r\033[K", stderr);
}

void Progress::loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, std::chrono::milliseconds(500), [&] { return done_; })) draw();
}

void Progress::draw() {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb = static_cast<double>(bytes_.load(std::memory_order_relaxed)) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  std::string line = fmt::format("\r\033[K{} documents  {:.1f} MB  {:.1f} MB/s",
                                 documents_.load(std::memory_order_relaxed), mb, rate);
  const double total_mb = static_cast<double>(total_bytes_) / 1e6;
  if (total_bytes_ != 0 && rate > 0 && mb <= total_mb) {
    const auto eta = static_cast<long>((total_mb - mb) / rate);
    line += fmt::format("  ETA {}:{:02}", eta / 60, eta % 60);
  }
  std::fputs(line.c_str(), stderr);
}

}  // namespace nahr::host
