#include "submit/sbatch_script.hpp"

#include <fmt/core.h>

#include "submit/process.hpp"

namespace nahr::host {

namespace {

std::string command_line(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& a : argv) out += (out.empty() ? "" : " ") + shell_quote(a);
  return out;
}

}  // namespace

std::string sbatch_script(const SlurmJob& job) {
  std::string s = "#!/bin/bash\n";
  s += fmt::format(
      "# Written by `nahr submit`: a Slurm array job whose task K runs shard K of {0}.\n"
      "# Submit it again as it is:          sbatch THIS_FILE\n"
      "# or only some shards (say 1 and 3): sbatch --array=1,3 THIS_FILE\n"
      "# When every shard has finished, combine the parts:\n"
      "#   {1}\n",
      job.shards, command_line(job.merge));
  const auto directive = [&](std::string_view option, const std::string& value) {
    if (!value.empty()) s += fmt::format("#SBATCH --{}={}\n", option, shell_quote(value));
  };
  directive("job-name", job.name);
  std::string array = fmt::format("0-{}", job.shards - 1);
  if (job.max_parallel) array += fmt::format("%{}", *job.max_parallel);
  directive("array", array);
  directive("output", job.log_pattern);
  s += "#SBATCH --open-mode=append\n";  // a retried shard's log keeps the failed attempt
  directive("partition", job.partition);
  directive("time", job.time);
  directive("account", job.account);
  directive("mem", job.memory);
  if (job.cpus_per_task) directive("cpus-per-task", std::to_string(*job.cpus_per_task));
  for (const std::string& option : job.sbatch_options) s += "#SBATCH " + shell_quote(option) + "\n";

  s += "\nset -euo pipefail\n";
  s += fmt::format("cd {}\n", shell_quote(job.working_directory));
  s += fmt::format(
      "echo \"nahr: $(date -u +%FT%TZ) shard ${{SLURM_ARRAY_TASK_ID}} of {} on "
      "$(hostname)\" >&2\n",
      job.shards);
  s += "exec " + command_line(job.run) + " \\\n";
  if (job.threads) {
    s += fmt::format("  --threads {} \\\n", *job.threads);
  } else {
    s += "  --threads \"${SLURM_CPUS_PER_TASK:-1}\" \\\n";
  }
  s += fmt::format("  --shard \"${{SLURM_ARRAY_TASK_ID}}/{}\"\n", job.shards);
  return s;
}

}  // namespace nahr::host
