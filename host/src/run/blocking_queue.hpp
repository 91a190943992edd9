// A minimal multi-producer, multi-consumer queue. It carries whole batches
// of documents, never single documents, so its lock is taken a few thousand
// times per run, not per document.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>

namespace nahr::host {

template <class T>
class BlockingQueue {
 public:
  void push(T value) {
    {
      std::lock_guard lock(mutex_);
      items_.push_back(std::move(value));
    }
    ready_.notify_one();
  }
  T pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty(); });
    T value = std::move(items_.front());
    items_.pop_front();
    return value;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<T> items_;
};

}  // namespace nahr::host
