#include "submit/slurm.hpp"

#include <fmt/core.h>

#include <charconv>
#include <sstream>
#include <thread>

#include "submit/process.hpp"

namespace nahr::host {

namespace {

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

// The value of `Key=` in a line of `scontrol -o` output.
std::string field(const std::string& line, std::string_view key) {
  const std::string marker = fmt::format(" {}=", key);
  std::size_t at = (" " + line).find(marker);
  if (at == std::string::npos) return {};
  at += marker.size() - 1;
  return line.substr(at, line.find(' ', at) - at);
}

}  // namespace

Submitted sbatch(const std::string& script, const std::optional<std::string>& array) {
  std::vector<std::string> argv = {"sbatch", "--parsable"};
  if (array) argv.push_back("--array=" + *array);
  argv.push_back(script);
  const ProcessResult r = run_process(argv);
  if (r.exit_code != 0) {
    return {{}, fmt::format("sbatch failed: {}", trimmed(r.err.empty() ? r.out : r.err))};
  }
  // "4711" or "4711;cluster"
  std::string id = trimmed(r.out);
  id = id.substr(0, id.find(';'));
  if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) {
    return {{}, fmt::format("sbatch printed no job id: {}", trimmed(r.out))};
  }
  return {id, {}};
}

bool wait_for_job(const std::string& job_id, std::chrono::milliseconds poll, std::string& error) {
  int failures = 0;
  for (;;) {
    const ProcessResult r = run_process({"squeue", "-h", "-j", job_id, "-o", "%i %T"});
    if (r.exit_code == 0) {
      if (trimmed(r.out).empty()) return true;
      failures = 0;
    } else if (r.err.find("Invalid job id") != std::string::npos) {
      return true;  // finished long enough ago that the controller forgot it
    } else if (++failures == 10) {
      error = fmt::format("squeue keeps failing: {}", trimmed(r.err));
      return false;
    }
    std::this_thread::sleep_for(poll);
  }
}

std::map<unsigned, std::string> task_states(const std::string& job_id) {
  std::map<unsigned, std::string> states;
  const ProcessResult r = run_process({"scontrol", "-o", "show", "job", job_id});
  if (r.exit_code != 0) return states;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const std::string task = field(line, "ArrayTaskId");
    unsigned index = 0;
    const auto [end, ec] = std::from_chars(task.data(), task.data() + task.size(), index);
    if (ec != std::errc() || end != task.data() + task.size()) continue;
    states[index] =
        fmt::format("{}, exit code {}", field(line, "JobState"), field(line, "ExitCode"));
  }
  return states;
}

}  // namespace nahr::host
