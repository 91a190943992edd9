// --set STAGE.KEY=VALUE: command-line values written into the parsed config
// before it is validated, so they are checked exactly like the file's.
#pragma once

#include "config/load_context.hpp"

#include <toml++/toml.h>

#include <span>
#include <string>

namespace nahr::host {

// STAGE is `pipeline`, a stage id, or a plugin name used by one stage only.
// VALUE is read as TOML (true, 4, "x", ["a", "b"]); anything that is not
// TOML is taken as a bare string. Values keep kSetSource as their source, so
// later errors about them point at --set.
void apply_sets(toml::table& config, std::span<const std::string> sets, LoadContext& context);

}  // namespace nahr::host
