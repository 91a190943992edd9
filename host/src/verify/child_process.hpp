// Runs a piece of work in a forked child, so that a plugin that crashes,
// aborts or hangs takes down the child and not the caller. The child names
// each phase it enters; when it dies, the caller knows where.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace nahr::host {

// Written by the child: one line per phase, through a pipe.
class PhaseReporter {
 public:
  explicit PhaseReporter(int fd) : fd_(fd) {}
  void enter(std::string_view phase);

 private:
  int fd_;
};

struct ChildOutcome {
  enum class End { exited, killed_by_signal, timed_out } end = End::exited;
  int exit_code = 0;
  int signal = 0;
  std::string phase;  // the last phase the child entered

  // "signal 11 (Segmentation fault)", "timed out after 60 s", "exit code 3".
  std::string describe(std::chrono::seconds timeout) const;
};

// Forks; the child runs `body` and exits with what it returns, flushing
// std::cout first. The caller must have no other threads running.
ChildOutcome run_in_child(const std::function<int(PhaseReporter&)>& body,
                          std::chrono::seconds timeout);

}  // namespace nahr::host
