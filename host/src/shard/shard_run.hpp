// `nahr run --shard`: chooses the shard and points the config's output and
// quarantine at its part files.
#pragma once

#include <optional>
#include <string_view>

#include "config/pipeline_config.hpp"
#include "shard/shard.hpp"

namespace nahr::host {

// The shard `argument` names (K/N, auto, auto/N), with `config` changed to
// write that shard's parts; nullopt after logging why it cannot run sharded.
std::optional<Shard> prepare_shard_run(PipelineConfig& config, std::string_view argument);

// A run without --shard writes what the shards merge into: a {shard} in the
// output or quarantine path is dropped (out/{shard}/afp.jsonl -> out/afp.jsonl).
void prepare_unsharded_run(PipelineConfig& config);

}  // namespace nahr::host
