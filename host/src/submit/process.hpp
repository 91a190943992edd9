// Runs a program (sbatch, squeue, scontrol) and captures what it prints.
#pragma once

#include <string>
#include <vector>

namespace nahr::host {

struct ProcessResult {
  int exit_code = -1;  // -1: could not start, or killed by a signal
  std::string out;     // stdout
  std::string err;     // stderr, or why it could not start
};

// Searches PATH for argv[0]; stdin is /dev/null.
ProcessResult run_process(const std::vector<std::string>& argv);

// `arg` quoted for a POSIX shell: as is when it is plain, else in single
// quotes.
std::string shell_quote(const std::string& arg);

}  // namespace nahr::host
