#include "merge/merge_run.hpp"

#include <fmt/core.h>

#include <chrono>
#include <filesystem>

#include "merge/merge.hpp"
#include "shard/shard_paths.hpp"

namespace nahr::host {

namespace {

namespace fs = std::filesystem;

std::string join(const std::vector<unsigned>& numbers) {
  std::string out;
  for (unsigned n : numbers) out += (out.empty() ? "" : ", ") + std::to_string(n);
  return out;
}

MergeResult failed(MergeResult result, std::string error) {
  result.ok = false;
  result.error = std::move(error);
  return result;
}

}  // namespace

std::string part_output_path(const PipelineConfig& config, unsigned index, unsigned count) {
  return part_path(config.stages.back().output, Shard{index, count});
}

std::string part_quarantine_path(const PipelineConfig& config, unsigned index, unsigned count) {
  if (!config.settings.quarantine.empty()) {
    return part_path(config.settings.quarantine, Shard{index, count});
  }
  return part_output_path(config, index, count) + ".quarantine.jsonl";
}

MergeResult merge_run(const PipelineConfig& config, const MergeOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  MergeResult result;
  const StageConfig& writer = config.stages.back();
  if (writer.output == "-") {
    return failed(result, "the writer's output is standard output: there are no parts to merge");
  }
  const MergeFunction merge = merge_function_for(writer.stage.stage->name);
  if (merge == nullptr) {
    return failed(result, fmt::format("nahr merge cannot merge the output of {} (it merges {}); "
                                      "the parts are there to use as they are",
                                      writer.stage.stage->name, mergeable_writers()));
  }

  if (options.shards) {
    result.shards = *options.shards;
  } else {
    const FoundParts found = find_part_counts(writer.output);
    if (found.counts.empty()) {
      return failed(result, fmt::format("no parts of {} found (like {}); run the shards first, "
                                        "or give --shards N",
                                        writer.output, part_path(writer.output, Shard{0, 4})));
    }
    if (found.counts.size() > 1) {
      return failed(result, fmt::format("parts of {} from runs with {} shards lie side by side; "
                                        "say which with --shards N",
                                        writer.output, join(found.counts)));
    }
    result.shards = found.counts.front();
  }

  std::vector<std::string> parts, quarantines;
  std::error_code ec;
  for (unsigned k = 0; k < result.shards; ++k) {
    parts.push_back(part_output_path(config, k, result.shards));
    quarantines.push_back(part_quarantine_path(config, k, result.shards));
    if (!fs::exists(parts.back(), ec)) result.missing.push_back(k);
  }
  if (!result.missing.empty()) {
    return failed(result,
                  fmt::format("{} of {} shards have no finished part (shard{} {}; a shard that "
                              "failed or was killed leaves at most a .partial file): rerun them, "
                              "e.g. nahr submit --retry-failed, then merge",
                              result.missing.size(), result.shards,
                              result.missing.size() == 1 ? "" : "s", join(result.missing)));
  }

  result.output = merged_path(writer.output);
  const std::string partial = result.output + ".partial";
  try {
    if (const fs::path parent = fs::path(result.output).parent_path(); !parent.empty()) {
      fs::create_directories(parent, ec);
    }
    fs::remove(partial, ec);
    merge(MergeJob{parts, partial, result.output, writer.options});
    fs::rename(partial, result.output, ec);
    if (ec)
      throw MergeError(
          fmt::format("cannot rename {} to {}: {}", partial, result.output, ec.message()));
    result.quarantine = merged_quarantine_path(config);
    result.quarantined = merge_quarantines(quarantines, result.quarantine);
    if (result.quarantined == 0) result.quarantine.clear();
  } catch (const MergeError& e) {
    fs::remove(partial, ec);
    return failed(result, e.what());
  }
  result.bytes = fs::file_size(result.output, ec);
  if (options.remove_parts) {
    for (const std::string& p : parts) fs::remove(p, ec);
    for (const std::string& q : quarantines) fs::remove(q, ec);
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.ok = true;
  return result;
}

}  // namespace nahr::host
