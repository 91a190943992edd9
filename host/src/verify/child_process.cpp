#include "verify/child_process.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <system_error>

namespace nahr::host {

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void throw_errno(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the parent is gone; nobody to tell
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Reads phase lines until the child closes the pipe or the deadline passes.
// Returns false on timeout.
bool follow_phases(int fd, Clock::time_point deadline, std::string& phase) {
  std::string pending;
  char buffer[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) throw_errno("poll");
    if (ready <= 0) continue;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    pending.append(buffer, static_cast<std::size_t>(n));
    for (std::size_t end; (end = pending.find('\n')) != std::string::npos;) {
      phase = pending.substr(0, end);
      pending.erase(0, end + 1);
    }
  }
}

}  // namespace

void PhaseReporter::enter(std::string_view phase) {
  write_all(fd_, fmt::format("{}\n", phase));
}

std::string ChildOutcome::describe(std::chrono::seconds timeout) const {
  switch (end) {
    case End::exited: return fmt::format("exit code {}", exit_code);
    case End::killed_by_signal: return fmt::format("signal {} ({})", signal, ::strsignal(signal));
    case End::timed_out: return fmt::format("timed out after {} s", timeout.count());
  }
  return "ended";
}

ChildOutcome run_in_child(const std::function<int(PhaseReporter&)>& body,
                          std::chrono::seconds timeout) {
  int fds[2];
  if (::pipe(fds) != 0) throw_errno("pipe");
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) throw_errno("fork");
  if (pid == 0) {
    ::close(fds[0]);
    PhaseReporter reporter(fds[1]);
    int code = 2;
    try {
      code = body(reporter);
    } catch (const std::exception& e) {
      std::cerr << "nahr: " << e.what() << '\n';
    }
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    // No exit handlers or static destructors: they belong to the parent.
    ::_exit(code);
  }

  ::close(fds[1]);
  ChildOutcome outcome;
  const bool finished = follow_phases(fds[0], Clock::now() + timeout, outcome.phase);
  ::close(fds[0]);
  if (!finished) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw_errno("waitpid");
  }
  if (!finished) {
    outcome.end = ChildOutcome::End::timed_out;
  } else if (WIFSIGNALED(status)) {
    outcome.end = ChildOutcome::End::killed_by_signal;
    outcome.signal = WTERMSIG(status);
  } else {
    outcome.exit_code = WEXITSTATUS(status);
  }
  return outcome;
}

}  // namespace nahr::host
