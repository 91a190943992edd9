// One stage worker: a child process running this same binary as
// `nahr __stage-worker`, connected by a socket and a shared WorkerProgress.
//
// The child is started with posix_spawn, never a bare fork(): the host has
// threads by then, and a forked copy could inherit a lock some other thread
// held. Its stdin is /dev/null and its stdout goes to stderr, so a plugin
// can neither eat the host's input nor write into its output.
#pragma once

#include "isolation/channel.hpp"
#include "isolation/protocol.hpp"

#include <sys/types.h>

#include <memory>
#include <string>

namespace nahr::host::isolation {

class WorkerProcess {
 public:
  // nullptr, with `error` set, when the process cannot be started.
  static std::unique_ptr<WorkerProcess> spawn(std::string& error);

  // Closes the socket, which tells the worker to finish, and reaps it;
  // one that does not end promptly is killed.
  ~WorkerProcess();
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  Channel& channel() { return channel_; }
  WorkerProgress& progress() { return *progress_; }

  // Kills the worker (when `kill_first`) or waits briefly for it to end by
  // itself, reaps it, and says how it ended: "crashed with SIGSEGV",
  // "exited with status 3".
  std::string end(bool kill_first);

 private:
  WorkerProcess(pid_t pid, int channel_fd, WorkerProgress* progress)
      : pid_(pid), channel_(channel_fd), progress_(progress) {}

  pid_t pid_;
  Channel channel_;
  WorkerProgress* progress_;  // a shared mapping, unmapped by the destructor
};

}  // namespace nahr::host::isolation
