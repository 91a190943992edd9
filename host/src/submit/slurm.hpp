// The Slurm commands `nahr submit` uses: sbatch to submit, squeue to follow
// (it works without accounting: no slurmdbd needed), scontrol for the end
// state of each task while the controller still holds the job.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace nahr::host {

struct Submitted {
  std::string job_id;  // empty on failure
  std::string error;
};

// sbatch --parsable [--array=ARRAY] SCRIPT
Submitted sbatch(const std::string& script, const std::optional<std::string>& array);

// Polls squeue until no task of the job is pending or running; false (with
// `error`) when squeue keeps failing.
bool wait_for_job(const std::string& job_id, std::chrono::milliseconds poll, std::string& error);

// "FAILED, exit code 3:0" per array task, from scontrol; empty when the
// controller no longer knows the job.
std::map<unsigned, std::string> task_states(const std::string& job_id);

}  // namespace nahr::host
