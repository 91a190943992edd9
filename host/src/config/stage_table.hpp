// One [[stage]] table: its plugin resolved, its options checked against the
// stage's schema, its host keys (inputs, output) and its place in the chain.
#pragma once

#include "config/load_context.hpp"
#include "config/pipeline_config.hpp"

#include <toml++/toml.h>

#include <cstddef>
#include <string>

namespace nahr::host {

struct StagePosition {
  std::size_t index;  // 0-based
  std::size_t count;  // stages in the pipeline
};

// Reports every problem of the table to `context`. The result is complete
// only when nothing was reported; `stage` stays empty when the plugin or
// stage could not be found. `settings` gives the defaults of the keys a
// stage may override (isolation, timeout_ms).
StageConfig read_stage_table(const toml::table& table, std::string id, StagePosition position,
                             const PipelineSettings& settings, const Overrides& overrides,
                             PluginRegistry& registry, LoadContext& context);

}  // namespace nahr::host
