// A progress line on stderr for people watching a terminal: documents, MB
// read, rate, and an ETA when the input size is known. Silent otherwise.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace nahr::host {

class Progress {
 public:
  // total_bytes = 0 when unknown (stdin).
  Progress(bool enabled, std::uint64_t total_bytes);
  ~Progress();  // clears the line

  // Called by whichever thread reads; cheap.
  void add(std::uint64_t documents, std::uint64_t bytes) {
    documents_.fetch_add(documents, std::memory_order_relaxed);
    bytes_.fetch_add(bytes, std::memory_order_relaxed);
  }

 private:
  void loop();
  void draw();

  const std::uint64_t total_bytes_;
  std::atomic<std::uint64_t> documents_{0}, bytes_{0};
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace nahr::host
