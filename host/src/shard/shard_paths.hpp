// Where each shard writes, and what its parts merge into.
//
// A config's `output` names the result of the whole run, sharded or not, so
// one config serves both. A shard writes its part beside it, with the shard
// before the extension: out/afp.jsonl -> out/afp.00003-of-00016.jsonl. A
// `{shard}` in the path puts it elsewhere (out/{shard}/afp.jsonl), and the
// merged result is that path without the placeholder (out/afp.jsonl). The
// quarantine follows the same rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/pipeline_config.hpp"
#include "shard/shard.hpp"

namespace nahr::host {

inline constexpr std::string_view kShardPlaceholder = "{shard}";

// The path shard `shard` writes instead of `path`.
std::string part_path(std::string_view path, const Shard& shard);

// What the parts of `path` merge into: `path` without its {shard}, and
// without the separator ('.', '-', '_' or '/') that came with it.
std::string merged_path(std::string_view path);

// The quarantine of the whole run, for `nahr merge`.
std::string merged_quarantine_path(const PipelineConfig& config);

// Points the config's output and quarantine at the shard's own files.
// Returns an error for what a sharded run cannot do (write to stdout).
std::optional<std::string> name_outputs_for_shard(PipelineConfig& config, const Shard& shard);

// The parts of `path` that exist on disk, as found by their names: the
// shard count they were written with, or every count seen when several
// runs left parts behind.
struct FoundParts {
  std::vector<unsigned> counts;  // sorted, distinct
};
FoundParts find_part_counts(std::string_view path);

}  // namespace nahr::host
