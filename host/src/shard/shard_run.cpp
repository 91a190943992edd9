#include "shard/shard_run.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "shard/shard_paths.hpp"

namespace nahr::host {

std::optional<Shard> prepare_shard_run(PipelineConfig& config, std::string_view argument) {
  const ShardChoice choice = choose_shard(argument, process_environment());
  if (!choice.shard) {
    spdlog::error("{}", choice.error);
    return std::nullopt;
  }
  const std::vector<std::string>& inputs = config.stages.front().inputs;
  if (std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) {
    spdlog::error(
        "a sharded run cannot read standard input: every shard must see the same "
        "inputs");
    return std::nullopt;
  }
  if (const auto error = name_outputs_for_shard(config, *choice.shard)) {
    spdlog::error("{}", *error);
    return std::nullopt;
  }
  spdlog::info("shard {} of {} ({}): writing {}", choice.shard->index, choice.shard->count,
               choice.origin, config.stages.back().output);
  return choice.shard;
}

void prepare_unsharded_run(PipelineConfig& config) {
  std::string& output = config.stages.back().output;
  output = merged_path(output);
  if (!config.settings.quarantine.empty()) {
    config.settings.quarantine = merged_path(config.settings.quarantine);
  }
}

}  // namespace nahr::host
