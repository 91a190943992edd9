// The whole of `nahr merge` but its command line: finds a sharded run's
// parts, merges them with the writer's format, then the quarantines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/pipeline_config.hpp"

namespace nahr::host {

struct MergeOptions {
  std::optional<unsigned> shards;  // else found from the part names
  bool remove_parts = false;
};

struct MergeResult {
  bool ok = false;
  std::string error;  // when not ok
  unsigned shards = 0;
  std::string output;       // the merged file
  std::uint64_t bytes = 0;  // its size
  std::string quarantine;   // the merged quarantine, when any part had one
  std::uint64_t quarantined = 0;
  double seconds = 0;
  std::vector<unsigned> missing;  // shards without a finished part
};

MergeResult merge_run(const PipelineConfig& config, const MergeOptions& options);

// The part files of every shard: the output and its quarantine.
std::string part_output_path(const PipelineConfig& config, unsigned index, unsigned count);
std::string part_quarantine_path(const PipelineConfig& config, unsigned index, unsigned count);

}  // namespace nahr::host
