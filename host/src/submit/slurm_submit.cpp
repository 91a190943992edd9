#include "submit/slurm_submit.hpp"

#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

#include "cli/exit_codes.hpp"
#include "merge/merge_run.hpp"
#include "shard/shard_paths.hpp"
#include "submit/slurm.hpp"

namespace nahr::host {

namespace {

namespace fs = std::filesystem;

std::string array_list(const std::vector<unsigned>& shards) {
  std::string out;
  for (unsigned k : shards) out += (out.empty() ? "" : ",") + std::to_string(k);
  return out;
}

std::vector<unsigned> shards_without_part(const PipelineConfig& config, unsigned count) {
  std::vector<unsigned> missing;
  std::error_code ec;
  for (unsigned k = 0; k < count; ++k) {
    if (!fs::exists(part_output_path(config, k, count), ec)) missing.push_back(k);
  }
  return missing;
}

// A fresh submission must not find a part of an earlier run and take it for
// its own (nor a write-sqlite part start from an old one).
void remove_old_parts(const PipelineConfig& config, unsigned count) {
  std::error_code ec;
  for (unsigned k = 0; k < count; ++k) {
    const std::string part = part_output_path(config, k, count);
    for (const std::string& path :
         {part, part + ".partial", part_quarantine_path(config, k, count)}) {
      fs::remove(path, ec);
    }
  }
}

bool write_script(const std::string& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    spdlog::error("{}: cannot write the sbatch script", path);
    return false;
  }
  fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                  fs::perm_options::add, ec);
  return true;
}

class Submission {
 public:
  Submission(const PipelineConfig& config, SubmitOptions& options, std::string script)
      : config_(config), options_(options), script_(std::move(script)) {}

  // Submits `shards` (all when empty means the script's own array); returns
  // false when sbatch failed.
  bool submit(const std::vector<unsigned>& shards, bool whole_array) {
    const Submitted s =
        sbatch(script_, whole_array ? std::nullopt : std::optional(array_list(shards)));
    if (s.job_id.empty()) {
      spdlog::error("{}", s.error);
      return false;
    }
    job_id_ = s.job_id;
    std::cerr << fmt::format(
        "nahr: submitted Slurm job {}: shard{} {} of {}\n", job_id_, shards.size() == 1 ? "" : "s",
        whole_array ? fmt::format("0-{}", options_.job.shards - 1) : array_list(shards),
        options_.job.shards);
    return true;
  }

  // Waits for the job; returns the shards that did not leave a part.
  std::optional<std::vector<unsigned>> wait(const std::vector<unsigned>& submitted) {
    std::string error;
    if (!wait_for_job(job_id_, options_.poll, error)) {
      spdlog::error("{} (job {} may still be running)", error, job_id_);
      return std::nullopt;
    }
    std::vector<unsigned> failed;
    const std::vector<unsigned> missing = shards_without_part(config_, options_.job.shards);
    for (unsigned k : submitted) {
      if (std::find(missing.begin(), missing.end(), k) != missing.end()) failed.push_back(k);
    }
    if (!failed.empty()) report(failed);
    return failed;
  }

 private:
  void report(const std::vector<unsigned>& failed) {
    const std::map<unsigned, std::string> states = task_states(job_id_);
    for (unsigned k : failed) {
      const auto it = states.find(k);
      std::string log = options_.job.log_pattern;
      if (const std::size_t at = log.find("%a"); at != std::string::npos) {
        log.replace(at, 2, std::to_string(k));
      }
      spdlog::error("shard {} of job {} failed{}: it left no finished part; see {}", k, job_id_,
                    it == states.end() ? "" : " (" + it->second + ")", log);
    }
  }

  const PipelineConfig& config_;
  SubmitOptions& options_;
  std::string script_;
  std::string job_id_;
};

}  // namespace

int submit_to_slurm(const PipelineConfig& config, SubmitOptions options) {
  SlurmJob& job = options.job;
  const std::string output = merged_path(config.stages.back().output);
  if (output == "-") {
    spdlog::error("a sharded run writes files: give the writer an output path (--output)");
    return kExitUsage;
  }
  const std::string base = fs::absolute(output).lexically_normal().string();
  const std::string script = base + ".sbatch";
  job.log_pattern = base + ".logs/shard-%a.log";
  if (job.name.empty()) job.name = "nahr-" + fs::path(config.file).stem().string();
  std::error_code ec;
  fs::create_directories(base + ".logs", ec);
  if (!write_script(script, sbatch_script(job))) return kExitUsage;

  std::vector<unsigned> shards;
  bool whole_array = true;
  if (options.retry_failed) {
    shards = shards_without_part(config, job.shards);
    whole_array = shards.size() == job.shards;
  } else {
    for (unsigned k = 0; k < job.shards; ++k) shards.push_back(k);
    if (!options.dry_run) remove_old_parts(config, job.shards);
  }
  std::cerr << fmt::format("nahr: wrote {}\n", script);
  if (options.dry_run) {
    std::cerr << fmt::format("nahr: not submitted (--dry-run); submit it with: sbatch {}{}\n",
                             whole_array ? "" : "--array=" + array_list(shards) + " ", script);
    return kExitSuccess;
  }

  Submission submission(config, options, script);
  if (!shards.empty()) {
    if (!submission.submit(shards, whole_array)) return kExitUsage;
    if (!options.wait) return kExitSuccess;
    for (unsigned attempt = 0;; ++attempt) {
      const std::optional<std::vector<unsigned>> failed = submission.wait(shards);
      if (!failed) return kExitFatal;
      if (failed->empty()) break;
      if (attempt == options.retries) {
        spdlog::error(
            "{} of {} shards failed; once the cause is fixed, rerun only them with: "
            "nahr submit ... --retry-failed (the same arguments)",
            failed->size(), job.shards);
        return kExitFatal;
      }
      shards = *failed;
      if (!submission.submit(shards, false)) return kExitUsage;
    }
  } else {
    std::cerr << "nahr: every shard has a finished part; nothing to submit\n";
    if (!options.wait) return kExitSuccess;
  }

  const MergeResult merged = merge_run(config, MergeOptions{job.shards, false});
  if (!merged.ok) {
    spdlog::error("{}", merged.error);
    return kExitUsage;
  }
  std::string line =
      fmt::format("nahr: merged {} parts into {} ({:.1f} MB) in {:.2f} s", merged.shards,
                  merged.output, static_cast<double>(merged.bytes) / 1e6, merged.seconds);
  if (!merged.quarantine.empty()) {
    line += fmt::format("; quarantine: {} ({} records)", merged.quarantine, merged.quarantined);
  }
  std::cerr << line << '\n';
  return merged.quarantined == 0 ? kExitSuccess : kExitDocumentsFailed;
}

}  // namespace nahr::host
