// `nahr submit --engine slurm`: writes the array script beside the output,
// submits it, and with --wait follows the job, reports failed shards,
// resubmits them when asked, and merges.
#pragma once

#include <chrono>
#include <string>

#include "config/pipeline_config.hpp"
#include "submit/sbatch_script.hpp"

namespace nahr::host {

struct SubmitOptions {
  SlurmJob job;  // everything but the paths, which come from the config
  bool wait = false;
  bool retry_failed = false;  // submit only shards without a finished part
  unsigned retries = 0;       // with wait: resubmit failed shards this often
  bool dry_run = false;       // write the script, submit nothing
  std::chrono::milliseconds poll{5000};
};

// Returns an exit code (cli/exit_codes.hpp); reports on stderr.
int submit_to_slurm(const PipelineConfig& config, SubmitOptions options);

}  // namespace nahr::host
