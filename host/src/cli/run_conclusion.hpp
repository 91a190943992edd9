// How `nahr run` and `nahr replay` end: --stats, the summary line, the
// --report files and the exit code, the same way for both.
#pragma once

#include "cli/cli_support.hpp"
#include "run/executor.hpp"

#include <chrono>
#include <string>

namespace nahr::host {

// --stats, --quiet and --report.
po::options_description run_output_options();

struct RunContext {
  std::string command;  // "run" or "replay"
  const PipelineConfig& config;
  std::string replayed;  // the quarantine a replay read
  std::chrono::system_clock::time_point started;
};

// The exit code README.md documents for a finished run.
int exit_code_for(const RunResult& result);

// A progress line only on a terminal, without --quiet and with text logs.
bool wants_progress(const po::variables_map& vm);

// Prints what was asked for, writes the report, returns the exit code.
int conclude_run(const RunResult& result, const RunContext& context, const po::variables_map& vm);

}  // namespace nahr::host
