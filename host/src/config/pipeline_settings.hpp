// The [pipeline] table: run-wide settings, each checked for type and range.
#pragma once

#include "config/load_context.hpp"
#include "config/pipeline_config.hpp"

#include <toml++/toml.h>

namespace nahr::host {

// `table` is the config's `pipeline` node, or nullptr when it has none.
// Settings that are wrong are reported and keep their defaults.
PipelineSettings read_settings(const toml::node* table, LoadContext& context);

}  // namespace nahr::host
