// `nahr __stage-worker`: the child side of process isolation. Not for
// people; WorkerProcess starts it with the descriptors it inherits.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::host::isolation {

inline constexpr std::string_view kStageWorkerCommand = "__stage-worker";

struct WorkerArguments {
  int channel_fd = -1;   // the worker's end of the socket
  int progress_fd = -1;  // the memfd holding the shared WorkerProgress
  pid_t parent = 0;      // the host; the worker must not outlive it
  std::string log_level;
  std::string log_format{"text"};  // --log-format: a worker logs as the host does

  // The whole command line, program name first.
  std::vector<std::string> to_argv() const;
  // From the arguments after the subcommand's name.
  static std::optional<WorkerArguments> parse(const std::vector<std::string>& args);
};

int stage_worker_command(const std::vector<std::string>& args);

}  // namespace nahr::host::isolation
