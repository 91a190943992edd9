// The [pipeline] table: run-wide settings, each checked for type and range.
#pragma once

#include "config/load_context.hpp"
#include "config/pipeline_config.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace nahr::host {

// `table` is the config's `pipeline` node, or nullptr when it has none.
// Settings that are wrong are reported and keep their defaults.
PipelineSettings read_settings(const toml::node* table, LoadContext& context);

// `isolation` and `timeout_ms`, which [[stage]] tables may set too; `subject`
// names the key in messages ("pipeline.isolation", "'isolation' of stage
// 'norm'"). nullopt after reporting a wrong value.
std::optional<Isolation> read_isolation(const toml::node& value, std::string_view subject,
                                        LoadContext& context);
std::optional<std::uint64_t> read_timeout_ms(const toml::node& value, std::string_view subject,
                                             LoadContext& context);

}  // namespace nahr::host
