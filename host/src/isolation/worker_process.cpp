#include "isolation/worker_process.hpp"

#include "isolation/stage_worker.hpp"
#include "log/logging.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

extern char** environ;

namespace nahr::host::isolation {

namespace {

std::string errno_text(std::string_view what) {
  return std::string(what) + ": " + std::strerror(errno);
}

// Closes the file descriptors it holds unless released.
struct Fds {
  int fd[3] = {-1, -1, -1};
  ~Fds() {
    for (int f : fd) {
      if (f >= 0) ::close(f);
    }
  }
};

// The host's log level as --log-level spells it (spdlog's own names differ:
// "warning"), so the worker logs what the host would.
std::string log_level_name() {
  switch (spdlog::get_level()) {
    case spdlog::level::trace:
      return "trace";
    case spdlog::level::debug:
      return "debug";
    case spdlog::level::info:
      return "info";
    case spdlog::level::warn:
      return "warn";
    case spdlog::level::off:
      return "off";
    default:
      return "error";
  }
}

// How a reaped process ended, for the quarantine.
std::string describe(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = sigabbrev_np(sig);
    return name != nullptr ? std::string("crashed with SIG") + name
                           : "crashed with signal " + std::to_string(sig);
  }
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  return "ended with wait status " + std::to_string(status);
}

}  // namespace

std::unique_ptr<WorkerProcess> WorkerProcess::spawn(std::string& error) {
  // Every descriptor is close-on-exec, so workers started at the same time
  // by other threads never inherit this one's; posix_spawn's dup2 of a
  // descriptor onto itself clears the flag in this child only.
  Fds fds;
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
    error = errno_text("socketpair");
    return nullptr;
  }
  fds.fd[0] = pair[0];
  fds.fd[1] = pair[1];
  fds.fd[2] = ::memfd_create("nahr-worker-progress", MFD_CLOEXEC);
  if (fds.fd[2] < 0 || ::ftruncate(fds.fd[2], sizeof(WorkerProgress)) != 0) {
    error = errno_text("memfd_create");
    return nullptr;
  }
  void* shared =
      ::mmap(nullptr, sizeof(WorkerProgress), PROT_READ | PROT_WRITE, MAP_SHARED, fds.fd[2], 0);
  if (shared == MAP_FAILED) {
    error = errno_text("mmap");
    return nullptr;
  }
  auto* progress = new (shared) WorkerProgress;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pair[1], pair[1]);
  posix_spawn_file_actions_adddup2(&actions, fds.fd[2], fds.fd[2]);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
  // The spawning thread may block signals; the worker starts with none blocked.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);

  const WorkerArguments arguments{pair[1], fds.fd[2], ::getpid(), log_level_name(),
                                  log::format() == log::Format::json ? "json" : "text"};
  std::vector<std::string> argv_strings = arguments.to_argv();
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  pid_t pid = 0;
  // /proc/self/exe is this very binary, even if the file was replaced since.
  const int spawned =
      ::posix_spawn(&pid, "/proc/self/exe", &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) {
    errno = spawned;
    error = errno_text("cannot start a worker process");
    ::munmap(shared, sizeof(WorkerProgress));
    return nullptr;
  }
  fds.fd[0] = -1;  // kept by the channel
  return std::unique_ptr<WorkerProcess>(new WorkerProcess(pid, pair[0], progress));
}

std::string WorkerProcess::end(bool kill_first) {
  const pid_t pid = std::exchange(pid_, 0);
  if (pid <= 0) return "had already ended";
  if (kill_first) ::kill(pid, SIGKILL);
  // A worker whose socket closed is on its way out (a crash closes it only
  // after any core dump); one that lingers is killed.
  using namespace std::chrono_literals;
  const Clock::time_point give_up = Clock::now() + 2s;
  int status = 0;
  pid_t reaped;
  while ((reaped = ::waitpid(pid, &status, WNOHANG)) == 0 && Clock::now() < give_up) {
    std::this_thread::sleep_for(1ms);
  }
  if (reaped == 0) {
    ::kill(pid, SIGKILL);
    reaped = ::waitpid(pid, &status, 0);
  }
  return reaped == pid ? describe(status) : errno_text("waitpid");
}

WorkerProcess::~WorkerProcess() {
  channel_.close();
  if (pid_ > 0) end(false);
  progress_->~WorkerProgress();
  ::munmap(progress_, sizeof(WorkerProgress));
}

}  // namespace nahr::host::isolation
