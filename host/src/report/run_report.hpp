// What `--report DIR` writes about a finished run: DIR/report.json for
// scripts and DIR/report.html, one self-contained page for people.
#pragma once

#include "config/pipeline_config.hpp"
#include "run/executor.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace nahr::host {

struct RunReport {
  std::string command;  // "run" or "replay"
  const PipelineConfig& config;
  std::string replayed;  // the quarantine a replay read; empty for run
  std::chrono::system_clock::time_point started, finished;
  const RunResult& result;
  int exit_code = 0;
};

// "read 1205 = written 1200 + quarantined 5 (+ skipped 0)", with
// ", unfinished N" inside the parentheses when a stopped run left some.
std::string summary_equation(const RunResult& result);

std::string report_json(const RunReport& report);
std::string report_html(const RunReport& report);

// Creates `dir` if needed; each file appears complete or not at all.
bool write_report(const std::filesystem::path& dir, const RunReport& report, std::string& error);

}  // namespace nahr::host
