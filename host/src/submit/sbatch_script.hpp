// The sbatch array script `nahr submit` writes beside the output: one task
// per shard, readable and reusable by hand (sbatch --array=3,7 FILE reruns
// shards 3 and 7).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nahr::host {

struct SlurmJob {
  std::string name;  // --job-name
  unsigned shards = 1;
  std::optional<unsigned> max_parallel;  // --array=0-N%P
  std::string partition, time, account, memory;
  std::optional<unsigned> cpus_per_task;
  std::vector<std::string> sbatch_options;  // more #SBATCH lines, as given
  std::string log_pattern;                  // --output, with %a for the task
  std::string working_directory;            // where relative paths in `run` resolve
  // The shard's command without --shard: nahr run CONFIG [overrides...].
  std::vector<std::string> run;
  std::vector<std::string> merge;  // the merge afterwards, for the comment
  // Threads per task: given, or else what Slurm allocated (SLURM_CPUS_PER_TASK,
  // 1 by default): a task must not use the cores of the node's other tasks.
  std::optional<unsigned> threads;
};

std::string sbatch_script(const SlurmJob& job);

}  // namespace nahr::host
